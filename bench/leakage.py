"""The leakage lab: seconds to recompute each scenario from cold, and the page's reruns."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

from lessons import leakage

ROOT = Path(__file__).resolve().parent.parent


def bench_leakage() -> list[tuple[str, float, str]]:
    """Each scenario with its default settings, as the page computes it (one OpenMP thread).

    The median of three seeds not seen before, so every call fits both pipelines; the
    tuning scenario's first call per seed fits its pool of configurations, later slider
    moves reuse it (reported separately). CPU seconds are reported beside wall seconds:
    with one thread they are what the wall time would be on an idle machine.
    """
    rows = []
    with threadpool_limits(limits=1, user_api="openmp"):
        leakage.run("preprocessing_scaler", random_state=99)  # imports and first-call warm-up
        for scenario in leakage.SCENARIO_KEYS:
            wall, cpu = [], []
            for seed in (11, 12, 13):
                start, start_cpu = time.perf_counter(), time.process_time()
                leakage.run(scenario, random_state=seed)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            rows.append((f"{scenario} (cold), wall", statistics.median(wall), "s"))
            rows.append((f"{scenario} (cold), CPU", statistics.median(cpu), "s"))
        start = time.perf_counter()
        leakage.run("test_tuning", {"n_configs": 7}, random_state=11)
        rows.append(("test_tuning slider move (pool reused)", time.perf_counter() - start, "s"))
    return rows


def bench_leakage_page() -> list[tuple[str, float, str]]:
    """AppTest server-side times of the page: a cold deep link, then cached switches."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["scenario"] = "post_outcome"
    at.run()
    start = time.perf_counter()
    at.switch_page("pages/leakage.py").run()
    first = time.perf_counter() - start
    toggles = []
    for value in (False, True, False, True, False):
        start = time.perf_counter()
        at.toggle(key="leakage_leak").set_value(value).run()
        toggles.append(time.perf_counter() - start)
    return [
        ("page, deep link to post_outcome (cold)", first, "s"),
        ("page, leak switch (cached), median of 5", statistics.median(toggles), "s"),
    ]
