"""A field a form skips by a rule on another column is no high leak (issue 17, false high
leaks; found on batch 59's census extract).

Personal income is not asked of children under 15, and every child is never married: the
empty flag alone picks out the never-married class, yet it says only what the age already
says. It stays a question, with the rule in the message. Counter-case: an exit survey's
score filled in only for the customers who left, which no other column explains, stays high.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _leaks(report, column: str, severity: str) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity == severity and column in f.columns
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_income_skipped_for_children_is_asked_not_high(seed):
    rng = np.random.default_rng(seed)
    n = 500
    age = rng.integers(0, 90, n)
    married = (age >= 18) & (rng.random(n) < np.clip((age - 18) / 30, 0, 0.7))
    status = np.where(married, "Married", np.where(age >= 18, "Single", "Never married"))
    status = np.where((age >= 18) & ~married & (rng.random(n) < 0.5), "Never married", status)
    income = np.where(age >= 15, rng.gamma(2, 15000, n).round(-2), np.nan)
    frame = pd.DataFrame(
        {
            "age": age,
            "sex": rng.choice(["Female", "Male"], n),
            "personal_income": income,
            "marital_status": status,
        }
    )
    report = audit(frame, "marital_status")
    assert not _leaks(report, "personal_income", "high")
    asked = _leaks(report, "personal_income", "medium")
    assert asked and "age < 15" in asked[0].message


@pytest.mark.parametrize("seed", SEEDS)
def test_a_score_filled_only_for_those_who_left_stays_high(seed):
    rng = np.random.default_rng(seed)
    n = 600
    left = rng.random(n) < 0.3
    frame = pd.DataFrame(
        {
            "tenure_months": rng.integers(1, 72, n),
            "plan": rng.choice(["basic", "plus", "pro"], n),
            "exit_survey_score": np.where(left, rng.integers(1, 11, n), np.nan),
            "churned": left.astype(int),
        }
    )
    assert _leaks(audit(frame, "churned"), "exit_survey_score", "high")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_status_code_that_empties_the_survey_is_no_skip_rule(seed):
    """A cancellation code, "none" for every customer who stayed and a reason for those who
    left, empties the exit survey the same way: a leak itself, it excuses nothing."""
    rng = np.random.default_rng(seed)
    n = 600
    left = rng.random(n) < 0.3
    frame = pd.DataFrame(
        {
            "tenure_months": rng.integers(1, 72, n),
            "cancel_code": np.where(left, rng.choice(["PRICE", "MOVE", "SERVICE"], n), "none"),
            "exit_survey_score": np.where(left, rng.integers(1, 11, n), np.nan),
            "churned": left.astype(int),
        }
    )
    report = audit(frame, "churned")
    assert _leaks(report, "exit_survey_score", "high")
