"""Timings of the guided path: the server-side rerun of each step a newcomer clicks through.

Each row is one AppTest rerun (the click that opens the step, with the path's caches
emptied first), so it covers the audit, the split, the fits and the zip as a newcomer pays
for them the first time. The total is the app time of the whole path without the learner's
reading and typing.
"""

from __future__ import annotations

import time

DATASETS = ("breast_cancer", "house_prices", "churn")


def _click(at, key: str) -> float:
    start = time.perf_counter()
    at.button(key=key).click().run()
    elapsed = time.perf_counter() - start
    assert not at.exception, at.exception
    return elapsed


def bench_guided() -> list[tuple[str, float]]:
    """Seconds of each step's first rerun, and the path's total, per dataset."""
    from components.guided import shared, step_audit
    from tests.app.conftest import open_app

    rows: list[tuple[str, float]] = []
    for name in DATASETS:
        for cached in (step_audit._audit_dataset, shared._prepared, shared._fit, shared._baseline):
            cached.clear()
        at = open_app("pages/guided.py", timeout=300, dataset=name)
        steps = [
            ("audit", _click(at, "guided_next")),
            ("split (after confirming the audit)", _click(at, "guided_confirm")),
        ]
        for step in ("train", "metric", "export"):
            steps.append((step, _click(at, "guided_next")))
        rows += [(f"guided {name}: {label}", seconds) for label, seconds in steps]
        rows.append((f"guided {name}: whole path", sum(seconds for _, seconds in steps)))
    return rows
