"""A column named after the target with another party's word holds that party's value.

From this session's strict review: "recipient.cmv" (the transplant recipient's CMV serostatus,
known before the transplant) beside the target "cmv" (the patient's CMV reactivation) was a
high leak on a synthetic table, by the rule that a column named like the target and carrying
signal no other column has is high. A donor's, a mother's or a spouse's value is a question:
as often known before the outcome as written after it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _transplants(seed: int, name: str) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 120
    recipient = (rng.random(n) < 0.6).astype(int)
    return pd.DataFrame(
        {
            "age": rng.integers(20, 70, n),
            name: recipient,
            "donor.cmv": (rng.random(n) < 0.4).astype(int),
            "cmv": (rng.random(n) < np.where(recipient == 1, 0.6, 0.1)).astype(int),
        }
    )


def _severity(report, column: str) -> str | None:
    found = [f for f in report.findings if f.kind == "target_leak" and column in f.columns]
    return found[0].severity if found else None


@pytest.mark.parametrize("seed", SEEDS)
def test_another_party_s_value_of_the_target_is_a_question(seed):
    assert _severity(audit(_transplants(seed, "recipient.cmv"), "cmv"), "recipient.cmv") == "medium"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_signal_named_as_the_target_itself_stays_high(seed):
    assert _severity(audit(_transplants(seed, "cmv_confirmed"), "cmv"), "cmv_confirmed") == "high"
