"""A patient's number of recurrences on every interval is a count of one class of the target.

From blind batch 45 (survival's bladder1): one row per interval of follow-up, the target its
end code (0 censored, 1 recurrence, 2 and 3 deaths), and "recur", the patient's recurrences
over the whole follow-up, the same on each of the patient's rows. The summary-of-the-run check
read a class target coded as numbers only as amounts (highest, mean, total of the codes).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _intervals(seed: int, *, counted: bool = True) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for patient in range(1, 121):
        tumours = int(rng.integers(1, 8))
        recurrences = int(rng.poisson(0.3 + 0.25 * tumours))
        start = 0
        # A third of the follow-ups end at a recurrence (the study closes then), so the
        # count is not the number of intervals less one.
        ends_at_recurrence = recurrences > 0 and rng.random() < 0.35
        for event in range(recurrences + (not ends_at_recurrence)):
            stop = start + int(rng.integers(1, 12))
            status = 1 if event < recurrences else int(rng.choice([0, 2, 3], p=[0.6, 0.1, 0.3]))
            rows.append((patient, tumours, start, stop, status))
            start = stop
    frame = pd.DataFrame(rows, columns=["id", "number", "start", "stop", "status"])
    per_patient = frame.groupby("id")["status"].transform(lambda s: int((s == 1).sum()))
    # A count fixed at entry instead: the tumours found at the first examination.
    frame["recur"] = per_patient if counted else frame["number"]
    return frame[["id", "number", "recur", "start", "stop", "status"]]


def _asked(report, column: str) -> bool:
    return any(
        f.kind == "target_leak" and f.severity != "low" and column in f.columns
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_of_one_class_over_the_run_is_asked_about(seed):
    report = audit(_intervals(seed), "status")
    assert report.group_column == "id"
    assert _asked(report, "recur")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_fixed_at_entry_is_no_summary_of_the_run(seed):
    report = audit(_intervals(seed, counted=False), "status")
    assert not any(
        f.evidence.get("summary", "").startswith("count of class") for f in report.findings
    )
