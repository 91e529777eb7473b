"""Benchmark of the monitor page: the simulation once, then the month slider re-render."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_monitoring(dataset: str = "churn", moves: int = 6) -> list[tuple[str, float]]:
    """Seconds for the first render (simulation computed) and the median month-slider move.

    AppTest reruns the whole script on a widget change, so the slider number here is an upper
    bound: in the browser the slider sits in an ``st.fragment`` and only its part reruns.
    """
    from streamlit.testing.v1 import AppTest

    from lessons import datasets, monitoring
    from lessons.experiments import run_estimator

    loaded = datasets.load(dataset)
    start = time.perf_counter()
    monitoring.simulate(
        loaded,
        run_estimator(
            "random_forest",
            loaded.task,
            {"n_estimators": 30, "max_depth": 8, "min_samples_leaf": 5},
            0,
        ),
        model="random_forest",
        params={},
        scenario="covariate",
        intensity=0.75,
    )
    simulation = time.perf_counter() - start

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.query_params["dataset"] = dataset
    at.run()
    start = time.perf_counter()
    at.switch_page("pages/monitor.py").run()
    first = time.perf_counter() - start
    timings = []
    for step in range(moves):
        slider = at.slider(key="monitor_month")
        start = time.perf_counter()
        slider.set_value(2 + step % 11).run()
        timings.append(time.perf_counter() - start)
    assert not at.exception
    return [
        (f"monitor: simulate {dataset} (s)", simulation),
        (f"monitor: first render of /monitor on {dataset} (s)", first),
        ("monitor: month slider re-render, median (s)", statistics.median(timings)),
    ]


if __name__ == "__main__":
    for label, value in bench_monitoring():
        print(f"{label:55s} {value:10.4f}")
