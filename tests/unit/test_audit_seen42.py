"""Batch 42's miss: a low-birth-weight flag (1 below 2,500 g) beside the birth weight. One
birth in twelve is low, so the flag's common value holds 91 % of rows: the rare-flag check,
which asks about a yes/no that splits a numeric target with no overlap, read only flags whose
common value held more than 95 %, and missed the very flag it was written for. A common split
(a 5 km race beside a half marathon, a quarter of the runners) stays unflagged high."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _births(seed: int, n: int = 1450) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    weeks = np.clip(rng.normal(38.8, 2.4, n), 22, 44)
    grams = np.clip(3400 + 160 * (weeks - 39) + rng.normal(0, 400, n), 340, 5200).round(1)
    return pd.DataFrame(
        {
            "MomAge": rng.integers(15, 45, n),
            "Smoke": (rng.random(n) < 0.13).astype(int),
            "Weeks": weeks.round(),
            "BirthWeightGm": grams,
            "Low": (grams < 2500).astype(int),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_low_birth_weight_flag_on_one_birth_in_twelve_is_asked_about(seed):
    frame = _births(seed)
    assert 0.05 < frame["Low"].mean() < 0.1
    found = [
        f
        for f in audit(frame, "BirthWeightGm").findings
        if f.kind == "target_leak" and f.columns == ("Low",)
    ]
    assert found and found[0].severity == "medium"
    assert found[0].evidence["cut"]["rare_flag"] is True
    assert found[0].evidence["cut"]["rows_across_the_cut"] == 0


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_flag_that_overlaps_the_target_is_not_asked_about(seed):
    frame = _births(seed).drop(columns="Low")
    report = audit(frame, "BirthWeightGm")
    assert not [f for f in report.findings if f.kind == "target_leak" and "Smoke" in f.columns]
