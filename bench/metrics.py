"""Timings of lesson 5 (Pick a metric): the threshold and imbalance sliders, and the fits.

In the browser each slider sits in an ``st.fragment``, so a move reruns only that fragment:
the "fragment work" rows time what the fragment does on the server (compute, build the
figures, serialise them). AppTest always reruns the whole page, so the "whole page" rows
are an upper bound with every cache warm.
"""

from __future__ import annotations

import json
import statistics
import time

import numpy as np

from bench import median_seconds
from lessons import datasets
from lessons import metrics as lm
from lessons.splits import make_buckets


def _threshold_fragment(y_true: np.ndarray, score: np.ndarray, curves: lm.Curves, t: float):
    from streamlit.dataframe_util import convert_pandas_df_to_arrow_bytes

    from components.charts import metrics as charts

    point = lm.operating_point(y_true, score, t, cost_false_positive=1, cost_false_negative=5)
    for spec, data in (
        charts.confusion_chart(point, ("legit", "fraud")),
        charts.cost_chart(curves, point),
        charts.roc_chart(curves, point),
        charts.pr_chart(curves, point, float(y_true.mean())),
    ):
        # What st.vega_lite_chart sends: the spec as JSON, the data as Arrow.
        json.dumps(spec)
        convert_pandas_df_to_arrow_bytes(data)


def _imbalance_fragment(sweep, prevalence: float) -> None:
    from components.charts import metrics as charts

    charts.imbalance_figure(sweep, prevalence).to_json()
    sweep[sweep["prevalence"] == prevalence].pivot(index="metric", columns="model", values="value")


def _page_rerun(key: str, kind: str, values: list[float], repeats: int) -> float:
    from tests.app.conftest import open_app

    at = open_app("pages/metrics.py", dataset="fraud", timeout=300)
    times = []
    for value in values * repeats:
        widget = at.slider(key=key) if kind == "slider" else at.select_slider(key=key)
        start = time.perf_counter()
        widget.set_value(value).run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_metrics(repeats: int = 7) -> list[tuple[str, float]]:
    """Median seconds of the lesson's slider moves and fits, on the fraud dataset."""
    fraud = datasets.load("fraud")
    buckets = make_buckets(fraud, None, random_state=0)
    start = time.perf_counter()
    held_out = lm.fit_held_out(fraud, buckets, random_state=0)
    fit_seconds = time.perf_counter() - start
    y_true, score = held_out.y_true, held_out.main.prediction
    curves = lm.curves(y_true, score, cost_false_positive=1, cost_false_negative=5)
    sweep = lm.imbalance_sweep()
    thresholds = iter(np.tile(np.linspace(0.05, 0.95, 7), repeats + 1))
    levels = iter(lm.IMBALANCE_LEVELS * (repeats + 1))
    return [
        ("three quick models, fraud (cold fit on a 6,000-row sample of train)", fit_seconds),
        (
            "threshold slider, fragment work (4 figures, fraud 4,000 rows)",
            median_seconds(
                lambda: _threshold_fragment(y_true, score, curves, next(thresholds)), repeats
            ),
        ),
        (
            "imbalance slider, fragment work (figure + table)",
            median_seconds(lambda: _imbalance_fragment(sweep, next(levels)), repeats),
        ),
        (
            "imbalance sweep (cold, computed once per server)",
            median_seconds(lm.imbalance_sweep, 1),
        ),
        (
            "threshold slider, whole page rerun (AppTest, cached)",
            _page_rerun("metrics_threshold", "slider", [0.2, 0.4], repeats),
        ),
        (
            "imbalance slider, whole page rerun (AppTest, cached)",
            _page_rerun("metrics_imbalance", "select", [0.01, 0.001], repeats),
        ),
    ]
