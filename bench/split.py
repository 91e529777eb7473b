"""Timings of lesson 2 (Split the data): the splitters, the picture and a k-slider change."""

from __future__ import annotations

import statistics
import time

from bench import median_seconds
from lessons import datasets, splits
from lessons.choices import SplitChoice


def _picture(dataset: datasets.Dataset, k: int) -> None:
    from components.charts import splits as charts

    choice = SplitChoice("kfold", (("k", k),))
    folds = splits.make_folds(dataset, choice)
    splits.fold_guarantees(dataset, folds)
    table = splits.role_strips(
        dataset.n_rows,
        {f"fold {f.index + 1}": (f.train, f.validation, f.test) for f in folds},
        splits.row_order(dataset, "kfold"),
    )
    charts.strips_figure(table, title="bench", x_title="rows").to_json()


def _k_slider_rerun(repeats: int) -> float:
    """Server-side time of the whole page's rerun after moving the k slider (AppTest).

    In the browser only the explorer fragment reruns, so this is an upper bound.
    """
    from components import split
    from tests.app.conftest import open_app

    at = open_app("pages/split.py", dataset="churn", strategy="kfold", k="5")
    values = [4, 6] * repeats
    times = []
    for k in values:
        start = time.perf_counter()
        at.slider(key=split.K_KEY).set_value(k).run()
        times.append(time.perf_counter() - start)
    # The first move of each value computes the folds; later ones hit the cache.
    return statistics.median(times[2:])


def bench_split(repeats: int = 5) -> list[tuple[str, float]]:
    """Median seconds of the lesson's main operations on built-in data."""
    churn = datasets.load("churn")
    fraud = datasets.load("fraud")
    return [
        (
            "time split, churn (make_buckets)",
            median_seconds(lambda: splits.make_buckets(churn), repeats),
        ),
        (
            "5 folds, fraud (make_folds + guarantees)",
            median_seconds(
                lambda: splits.fold_guarantees(
                    fraud, splits.make_folds(fraud, SplitChoice("kfold", (("k", 5),)))
                ),
                repeats,
            ),
        ),
        (
            "fold picture, churn k=10 (compute + figure)",
            median_seconds(lambda: _picture(churn, 10), repeats),
        ),
        ("k slider change, whole page rerun (AppTest, cached)", _k_slider_rerun(repeats)),
        (
            "rare positives, fraud 2,000 rows x 500 seeds",
            median_seconds(lambda: splits.rare_class_positives(fraud, n_rows=2_000), 1),
        ),
        (
            "random vs time score, churn",
            median_seconds(lambda: splits.shuffle_versus_time(churn), 1),
        ),
        (
            "validation spread, churn 1,000 rows, R=30 + 5 folds",
            median_seconds(lambda: splits.validation_spread(churn, n_rows=1_000), 1),
        ),
    ]


if __name__ == "__main__":
    for label, seconds in bench_split():
        print(f"{label:<55} {seconds * 1000:9.1f} ms")
