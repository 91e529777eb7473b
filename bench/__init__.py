"""Benchmarks: `make bench` measures and prints; tests never assert a time.

Each module here exposes one or more ``bench_*()`` functions returning rows of
``(label, value, unit)`` or ``(label, seconds)``; ``python -m bench`` runs them all.
"""

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` calls of ``action``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
