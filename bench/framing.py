"""Lesson 1 timings: the honest evaluation per built-in, and a cost-slider re-render."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from lessons import datasets, framing

_SLIDERS = (("fraud", "framing_cost_fn"), ("store_demand", "framing_cost_under"))


def _timed(record: list[float], function: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            record.append(time.perf_counter() - start)

    return wrapper


def bench_framing(repeats: int = 7) -> list[tuple[str, float]]:
    """Seconds per step, as (label, seconds) rows.

    - fitting the baselines and the quick model per built-in dataset (what the page caches);
    - after a cost-slider change, server-side: the whole page script (what AppTest reruns)
      and the part a browser reruns (the fragment with questions 4-5 and the spec); medians.
    """
    from components import framing as component
    from components import page
    from tests.app.conftest import open_app

    rows = []
    for name in datasets.BUILTIN_NAMES:
        dataset = datasets.load(name)
        start = time.perf_counter()
        framing.evaluate(dataset, random_state=0)
        rows.append((f"frame: fit baselines + quick model, {name}", time.perf_counter() - start))

    page_times: list[float] = []
    part_times: list[float] = []
    original_run, original_part = page.run_framed, component.costs_baseline_and_spec
    page.run_framed = _timed(page_times, original_run)
    component.costs_baseline_and_spec = _timed(part_times, original_part)
    try:
        for name, key in _SLIDERS:
            at = open_app("pages/frame.py", dataset=name)
            page_times.clear()
            part_times.clear()
            for value in range(2, 2 + repeats):
                at.slider(key=key).set_value(value).run()
            rows.append(
                (f"frame: cost slider, whole page script, {name}", statistics.median(page_times))
            )
            rows.append(
                (
                    f"frame: cost slider, fragment (Q4-5 + spec), {name}",
                    statistics.median(part_times),
                )
            )
    finally:
        page.run_framed, component.costs_baseline_and_spec = original_run, original_part
    return rows


if __name__ == "__main__":
    for label, seconds in bench_framing():
        print(f"{seconds * 1000:8.0f} ms  {label}")
