"""A column named as the target with another number: the 2-month interest rate beside the
1-month rate of the same month (a term structure), a second test beside the first. Too good
alone, it is a question, not a verdict: read at the same moment and available then, it is an
honest baseline; a later reading is a leak. The name cannot tell which, so it is medium. An
exact copy stays high whatever its name, and so does a too-good column of another name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _rates(seed: int, *, copy: str | None = None) -> pd.DataFrame:
    """530 months of interest rates at maturities of 1 to 120 months, read the same day."""
    rng = np.random.default_rng(seed)
    n = 530
    level = np.cumsum(rng.normal(0, 0.15, n)) + 5
    slope = np.cumsum(rng.normal(0, 0.05, n)) * 0.2 + 1
    frame = pd.DataFrame({"month": pd.period_range("1947-01", periods=n, freq="M").astype(str)})
    for maturity in (1, 2, 3, 6, 12, 60, 120):
        frame[f"r{maturity}"] = (level + slope * np.log1p(maturity) + rng.normal(0, 0.05, n)).round(
            3
        )
    if copy is not None:
        frame[copy] = frame["r1"] + rng.normal(0, 0.02, n).round(3)
    return frame


def _severity(report, column: str) -> str | None:
    found = [f.severity for f in report.findings if f.kind == "target_leak" and column in f.columns]
    return max(found, key=["low", "medium", "high"].index) if found else None


@pytest.mark.parametrize("seed", SEEDS)
def test_the_next_maturity_of_a_rate_is_a_question_not_a_leak(seed):
    report = audit(_rates(seed), "r1")
    assert _severity(report, "r2") == "medium"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_too_good_column_of_another_name_stays_high(seed):
    report = audit(_rates(seed, copy="settled_rate"), "r1")
    assert _severity(report, "settled_rate") == "high"


@pytest.mark.parametrize("seed", SEEDS)
def test_an_exact_copy_named_as_a_sibling_stays_high(seed):
    frame = _rates(seed)
    frame["r9"] = frame["r1"]
    assert _severity(audit(frame, "r1"), "r9") == "high"
