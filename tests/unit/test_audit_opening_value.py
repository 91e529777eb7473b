"""An opening value is no leak (batch 72's bake-off): the bakers who start an episode are those
left at the end of the one before, so 'appeared' minus 'remaining' is the number who left.
Both members of the pair used to be high leaks. Taken period by period, the opening value is
the closing value of the period before: known when the period starts. Only the closing value
is the leak. A difference pair with no such carry-over keeps naming both."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _contests(seed: int, carried: bool = True) -> pd.DataFrame:
    """Contests of a few rounds each: who started a round, who was left after it, and how
    many went out (the target). Without ``carried``, each round starts with a new field."""
    rng = np.random.default_rng(seed)
    rows = []
    day = pd.Timestamp("2015-03-01")
    for contest in range(24):
        field = int(rng.integers(10, 14))
        for round_number in range(1, 8):
            out = int(rng.choice([0, 1, 1, 1, 2], p=[0.15, 0.25, 0.25, 0.25, 0.1]))
            out = min(out, field - 2)
            rows.append(
                {
                    "aired": day,
                    "contest": contest + 1,
                    "round": round_number,
                    "judges_present": int(rng.integers(2, 4)),
                    "started": field,
                    "left": field - out,
                    "went_out": out,
                }
            )
            day += pd.Timedelta(days=7)
            field = field - out if carried else int(rng.integers(6, 14))
        day += pd.Timedelta(days=200)
    return pd.DataFrame(rows)


def _high(report) -> dict[tuple[str, ...], object]:
    return {
        f.columns: f for f in report.findings if f.kind == "target_leak" and f.severity == "high"
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_the_opening_value_of_a_difference_pair_is_kept_and_the_closing_one_is_the_leak(seed):
    report = audit(_contests(seed), "went_out", task="multiclass")
    high = _high(report)
    assert ("left",) in high, list(high)
    assert not any("started" in columns for columns in high), list(high)
    finding = high[("left",)]
    assert finding.evidence["opening_value_known_when_the_period_starts"] == "started"
    assert finding.evidence["opening_equals_the_previous_closing"] >= 0.7
    assert "recorded after the outcome" in finding.advice
    assert "keep 'started'" in finding.advice


@pytest.mark.parametrize("seed", SEEDS)
def test_without_a_carry_over_the_pair_stays_a_question_about_both(seed):
    report = audit(_contests(seed, carried=False), "went_out", task="multiclass")
    named = [
        f
        for f in report.findings
        if f.kind == "target_leak" and {"started", "left"} & set(f.columns)
    ]
    assert named, [f.columns for f in report.findings]
    assert all("opening_value_known_when_the_period_starts" not in f.evidence for f in named), [
        f.evidence for f in named
    ]
    assert any({"started", "left"} <= set(f.columns) for f in named), [f.columns for f in named]


def _loans(seed: int) -> pd.DataFrame:
    """Loans month by month: the balance at the start and at the end of each month, and the
    amount repaid (the target), a fixed instalment plus an occasional prepayment."""
    rng = np.random.default_rng(seed)
    rows = []
    for loan in range(40):
        balance = float(rng.integers(5_000, 30_000))
        instalment = balance / 36
        rate = round(float(rng.uniform(0.03, 0.09)), 4)
        for month in pd.date_range("2021-01-01", periods=12, freq="MS"):
            repaid = round(instalment * rng.uniform(0.9, 1.1) + 500 * (rng.random() < 0.2), 2)
            rows.append(
                {
                    "month": month,
                    "loan_ref": f"L-{seed}{loan:03d}",
                    "interest_rate": rate,
                    "opening_balance": round(balance, 2),
                    "closing_balance": round(balance - repaid, 2),
                    "repaid": repaid,
                }
            )
            balance = round(balance - repaid, 2)
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_closing_balance_is_the_leak_beside_the_opening_balance(seed):
    report = audit(_loans(seed), "repaid")
    named = [
        f
        for f in report.findings
        if f.kind == "target_leak" and {"opening_balance", "closing_balance"} & set(f.columns)
    ]
    assert [f.columns for f in named] == [("closing_balance",)], [
        (f.columns, f.severity) for f in named
    ]
    assert named[0].evidence["opening_value_known_when_the_period_starts"] == "opening_balance"
