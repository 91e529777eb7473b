"""Timings of lesson 4 (Train live): every model with default settings on every built-in dataset.

Each row is the server-side time of the page's rerun after picking the model (AppTest), with
the fit caches emptied first, so it covers the fit, the scores, the default view and the
code generation. In the browser only the training fragment reruns, so this is an upper bound.
"""

from __future__ import annotations

import statistics
import time

from lessons import datasets, training
from lessons import models as model_registry


def _rerun_seconds(at, model: str) -> float:
    from components import train_cache

    # Empty the fit-dependent caches so every row pays for a real fit.
    for cached in (train_cache._fit, train_cache._surface, train_cache._code):
        cached.clear()
    start = time.perf_counter()
    at.selectbox(key="train_model").set_value(model).run()
    elapsed = time.perf_counter() - start
    assert not at.exception, at.exception
    return elapsed


def bench_training() -> list[tuple[str, float]]:
    """Seconds to fit and re-render each model with default settings, per built-in dataset."""
    from tests.app.conftest import open_app

    rows: list[tuple[str, float]] = []
    for name in datasets.BUILTIN_NAMES:
        at = open_app("pages/train.py", timeout=300, dataset=name)
        problem = training.estimator_kind(datasets.load(name))
        times = []
        for spec in model_registry.models_for(problem):
            seconds = _rerun_seconds(at, spec.key)
            refused = any("live limit" in e.value for e in at.error)
            label = f"{name} / {spec.key}" + (
                " (refused: above the live row limit)" if refused else ""
            )
            rows.append((label, seconds))
            times.append(seconds)
        rows.append((f"{name} / median over models", statistics.median(times)))
    return rows
