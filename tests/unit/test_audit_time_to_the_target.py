"""A column named as the time to the very event the target records ends at the outcome.

From blind batch 44 (medicaldata's cytomegalovirus): "time.to.cmv" beside the target "cmv",
months to the reactivation or to the end of follow-up. The duration check asked only beside a
target named as an event ("status", "death", "relapse"); a target named after its disease
passed unasked, though the column's name says the same thing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons import audit_screen as screen
from lessons.audit.judge import _duration_finding, _time_to_the_target

SEEDS = range(3)


@pytest.mark.parametrize(
    ("name", "target", "linked"),
    [
        ("time.to.cmv", "cmv", True),
        ("days_to_churn", "churned", True),
        ("TimeToRelapse", "relapse", True),
        ("time_to_transplant", "cmv", False),  # a time to another event
        ("days_to_due", "paid_late", False),
        ("time.to.cmv", "cv", False),  # too short to tell
    ],
)
def test_a_time_to_the_target_is_read_from_both_names(name, target, linked):
    assert _time_to_the_target(name, target) is linked


@pytest.mark.parametrize("seed", SEEDS)
def test_the_time_to_the_target_is_asked_about_beside_a_target_named_for_its_disease(seed):
    # Months to the reactivation, or to the end of follow-up: shorter where it happened.
    rng = np.random.default_rng(seed)
    cmv = (rng.random(64) < 0.4).astype(int)
    months = np.where(cmv == 1, rng.gamma(1.5, 3, 64), rng.gamma(1.5, 12, 64)).round(2)
    target = screen.Target("binary", cmv, 2)
    for name, asked in (("time.to.cmv", True), ("time.to.transplant", False)):
        # Alone, its binned screen says little on 64 rows: the check reads the ranks.
        found = _duration_finding(pd.Series(months, name=name), "cmv", target, "ROC AUC", 0.55, 0.1)
        assert (found is not None) is asked, name
    assert found is None or found.severity == "medium"
