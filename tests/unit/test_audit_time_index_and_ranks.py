"""Two shapes of batch 53 (and of batches 45 and 52 before it).

A series' own index, "t" 1 to 97, one row a period: it was typed a running row number, so the
fish market's daily prices had no time order. Named as the series' index it is the time order;
and counted another way beside a date (t, or the year of a monthly date) it is the time column
itself, not a feature to ask about.

A rank of the target within each period (a country's place in the year's income table): over
all years the same place means different incomes, so the one-column screen saw a middling
column. Each period's values are the ranks of its targets: a high leak. A real rank of
something else (the population's rank) stays unflagged."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit_types import infer_column_type

SEEDS = range(3)


def _fish(seed: int) -> pd.DataFrame:
    """97 market days in order: weekday dummies, the weather at sea, the price (the target)."""
    rng = np.random.default_rng(seed)
    n = 97
    wave = rng.uniform(2, 10, n).round(1)
    trend = np.linspace(0, -0.3, n)
    return pd.DataFrame(
        {
            "t": np.arange(1, n + 1),
            "mon": (np.arange(n) % 4 == 0).astype(int),
            "wave": wave,
            "price": (1 + trend + 0.03 * wave + rng.normal(0, 0.08, n)).round(4),
        }
    )


def _countries(seed: int) -> pd.DataFrame:
    """60 countries over six decades: income grows; the income rank within the year, and the
    population's rank within the year."""
    rng = np.random.default_rng(seed)
    countries = [f"Country {k:02d}" for k in range(60)]
    years = np.arange(1960, 2020, 10)
    frame = pd.DataFrame([(c, y) for c in countries for y in years], columns=["country", "year"])
    base = dict(zip(countries, rng.lognormal(7, 1, 60), strict=True))
    frame["population_m"] = rng.lognormal(2, 1, len(frame)).round(2)
    frame["income"] = (
        frame["country"].map(base)
        * np.exp(0.02 * (frame["year"] - 1960))
        * rng.lognormal(0, 0.15, len(frame))
    ).round(2)
    by_year = frame.groupby("year")
    frame["income_rank"] = by_year["income"].rank(ascending=False, method="first").astype(int)
    frame["population_rank"] = (
        by_year["population_m"].rank(ascending=False, method="first").astype(int)
    )
    return frame


@pytest.mark.parametrize("name", ["t", "T", "period", "step", "trend"])
def test_a_series_index_running_without_a_gap_is_a_number(name):
    assert infer_column_type(name, pd.Series(range(1, 98))) == "number"


@pytest.mark.parametrize("name", ["row", "record", "i"])
def test_other_running_numbers_stay_identifiers(name):
    assert infer_column_type(name, pd.Series(range(1, 98))) == "identifier"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_series_index_is_the_time_order(seed):
    report = audit(_fish(seed), "price")
    assert [f.columns for f in report.findings if f.kind == "time_order"] == [("t",)]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_time_counted_another_way_is_not_asked_about(seed):
    frame = _fish(seed)
    frame.insert(0, "date", pd.Timestamp("1991-12-02") + pd.to_timedelta(frame["t"] * 7, "D"))
    report = audit(frame, "price")
    assert report.time_column == "date"
    assert not any(f.kind == "target_leak" and "t" in f.columns for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rank_of_the_target_within_each_year_is_a_high_leak(seed):
    report = audit(_countries(seed), "income")
    ranked = [f for f in report.findings if f.kind == "target_leak" and "income_rank" in f.columns]
    assert [f.severity for f in ranked] == ["high"]
    assert ranked[0].evidence["rank_agreement"] >= 0.98


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rank_of_something_else_is_no_leak(seed):
    report = audit(_countries(seed), "income")
    assert not any(
        f.kind == "target_leak" and f.severity == "high" and "population_rank" in f.columns
        for f in report.findings
    )
