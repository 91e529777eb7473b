"""Misses of the audit corpus batch 30, fixed on 5 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _by_kind(report, column):
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


def _economy(seed: int, months: int = 560) -> pd.DataFrame:
    """A monthly series: unemployment moving slowly in cycles, the population growing month
    by month (known in advance), and a survey's count of the unemployed (the target with
    2 % noise)."""
    rng = np.random.default_rng(seed)
    cycle = np.cumsum(rng.normal(0, 1, months))
    cycle = np.convolve(cycle, np.ones(12) / 12, mode="same")
    unemployed = 7000 + 60 * np.arange(months) / 12 + 300 * cycle
    population = 200_000 * np.exp(0.001 * np.arange(months)) + rng.normal(0, 5, months)
    return pd.DataFrame(
        {
            "date": pd.date_range("1967-07-01", periods=months, freq="MS"),
            "pop": population.round(),
            "savings_rate": rng.normal(8, 2, months).round(1),
            "survey_unemployed": (unemployed * rng.normal(1, 0.02, months)).round(),
            "unemploy": unemployed.round(),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_population_that_follows_the_months_is_not_too_good_to_be_true(seed):
    # Its nearest values are the neighbouring months, whose unemployment is this month's
    # nearly: R² 0.99 alone, and nothing from the other blocks of time.
    report = audit(_economy(seed), "unemploy")
    assert report.time_column == "date"
    assert all(f.severity != "high" for f in _by_kind(report, "pop"))
    copy = _by_kind(report, "survey_unemployed")
    assert copy and copy[0].severity == "high"


SECTORS = {
    "manag": (3, 37),
    "prof": (43, 199),
    "sales": (243, 285),
    "clerical": (303, 389),
    "service": (403, 469),
    "const": (553, 599),
    "manuf": (703, 799),
    "other": (803, 889),
}


def _workers(seed: int, n: int = 534) -> pd.DataFrame:
    """Workers' sector and the census occupation code of their job: three digits inside the
    sector's range (a tenth miscoded), most codes held by one or two workers."""
    rng = np.random.default_rng(seed)
    sector = rng.choice(list(SECTORS), n)
    code = np.array([rng.integers(*SECTORS[s]) for s in sector])
    wrong = rng.random(n) < 0.1
    code[wrong] = rng.integers(3, 889, int(wrong.sum()))
    return pd.DataFrame(
        {
            "educ": rng.integers(8, 19, n) + 2 * (sector == "prof"),
            "age": rng.integers(18, 65, n),
            "occ_code": code,
            "sector": sector,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_occupation_code_that_mostly_comes_once_is_screened_not_taken_for_the_entity(seed):
    report = audit(_workers(seed), "sector")
    assert report.group_column is None
    findings = _by_kind(report, "occ_code")
    assert findings and findings[0].severity in ("medium", "high")
