"""The frame: dataset generation and the home page's render and rerun."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from lessons import datasets

ROOT = Path(__file__).resolve().parent.parent


def bench_datasets() -> list[tuple[str, float, str]]:
    """Seconds to generate each built-in dataset (the median of three)."""
    rows = []
    for name in datasets.BUILTIN_NAMES:
        datasets.load(name, 0)
        times = []
        for seed in (1, 2, 3):
            start = time.perf_counter()
            datasets.load(name, seed)
            times.append(time.perf_counter() - start)
        rows.append((f"generate {name}", statistics.median(times), "s"))
    return rows


def bench_home() -> list[tuple[str, float, str]]:
    """AppTest server-side times of the home page: first render, then reruns."""
    from streamlit.testing.v1 import AppTest

    start = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    first = time.perf_counter() - start
    reruns = []
    for name in ("fraud", "churn", "fraud", "churn", "fraud"):
        start = time.perf_counter()
        at.sidebar.selectbox(key="sidebar_dataset").set_value(name).run()
        reruns.append(time.perf_counter() - start)
    return [
        ("home: first render", first, "s"),
        ("home: dataset switch, median", statistics.median(reruns), "s"),
        ("home: dataset switch, worst", max(reruns), "s"),
    ]
