"""A formula of the target through the time column: a concentration times the hours since
the dose kept beside the concentration gives it back through the hours. The time column is
not screened as a leak itself (it is the time order), so the pair search takes it as a
partner: the kept column is asked about, the time column never is. A rate times the hours
is ambiguous (an honest contract rate times the days gives the balance as well), so without a name shared
with the target the finding stays a medium question."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
HOURS = np.array([0.25, 0.5, 0.75, 1, 1.25, 2, 3, 4, 5, 6, 8])


def _doses(seed: int, *, product: str = "conc_x_hours") -> pd.DataFrame:
    """Twelve subjects sampled at eleven times after a dose; each clears at its own rate."""
    rng = np.random.default_rng(seed)
    subjects = np.repeat(np.arange(1, 13), len(HOURS))
    hours = np.tile(HOURS, 12)
    clearance = rng.normal(0.6, 0.12, 12)[subjects - 1]
    conc = (2.5 * np.exp(-clearance * hours) * rng.lognormal(0, 0.15, len(hours))).round(3)
    return pd.DataFrame(
        {
            "Subject": subjects,
            "time": hours,
            "weight": rng.normal(75, 10, 12).round()[subjects - 1],
            product: (conc * hours * rng.normal(1, 0.01, len(hours))).round(4),
            "conc": conc,
        }
    )


def _accruals(seed: int) -> pd.DataFrame:
    """Thirty accounts followed for twenty days: each accrues at its contract's daily rate,
    known from the start, so the balance on a day is the rate times the day."""
    rng = np.random.default_rng(seed)
    accounts = np.repeat(np.arange(1, 31), 20)
    days = np.tile(np.arange(1, 21), 30)
    rate = rng.uniform(5, 50, 30).round(2)[accounts - 1]
    return pd.DataFrame(
        {
            "account": accounts,
            "day": days,
            "daily_rate": rate,
            "branch": rng.choice(list("ABC"), 30)[accounts - 1],
            "balance": (rate * days * rng.normal(1, 0.02, len(days))).round(2),
        }
    )


def _leak_columns(report, severities=("medium", "high")) -> set[str]:
    return {
        c
        for f in report.findings
        if f.kind == "target_leak" and f.severity in severities
        for c in f.columns
    }


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("product", ["conc_x_hours", "exposure"])
def test_a_column_that_is_the_target_times_the_time_is_asked_about(seed, product):
    report = audit(_doses(seed, product=product), "conc")
    assert report.time_column == "time"
    flagged = _leak_columns(report)
    assert product in flagged
    assert "time" not in flagged


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_rate_times_the_time_is_no_high_leak(seed):
    report = audit(_accruals(seed), "balance")
    assert report.time_column == "day"
    assert "daily_rate" not in _leak_columns(report, ("high",))
    assert "day" not in _leak_columns(report)
