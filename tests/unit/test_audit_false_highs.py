"""The corpus's last three false high leaks, each on a small synthetic table of its shape: a
distance run that sets a runner's time (a setting, not a value computed from the time), and a
rate times a count that gives the target back when the data cannot tell which of the two was
derived from it. Each keeps its counter-case: a copy of the target cut into bands, a noisy
copy, and a rate the data show was divided (empty wherever its divisor is zero)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leak_on, leaks

SEEDS = range(3)
# Round distances, the common ones twice as likely, and a few races.
DISTANCES = np.r_[
    np.arange(3, 13), np.arange(3, 13), np.arange(3.5, 12), 13.1, 14, 16, 18, 20, 26.2
]


def _training_log(seed: int, n: int = 900) -> pd.DataFrame:
    """One runner's log: a distance set out to run (round numbers) and the time it took."""
    rng = np.random.default_rng(seed)
    miles = rng.choice(DISTANCES, n)
    pace = rng.normal(8.6, 0.3, n)
    return pd.DataFrame(
        {
            "date": pd.date_range("2003-01-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "miles": miles,
            "shoe": rng.choice(["a", "b", "c"], n),
            "minutes": (miles * pace).round(2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_distance_set_out_to_run_is_a_question_not_a_high_leak(seed):
    report = audit(_training_log(seed), "minutes")
    finding = leak_on(report, "miles")
    assert finding.severity == "medium"
    assert finding.evidence["score_alone"] >= 0.98  # the case: too good by the old bar
    assert finding.evidence["check"] == "too good alone, but a setting the target varies around"
    assert finding.evidence["values"] == len(set(DISTANCES))
    assert "set before the outcome" in finding.message


@pytest.mark.parametrize("seed", SEEDS)
def test_the_target_cut_into_bands_stays_high(seed):
    # Forty bands of the time itself: few values, but they follow one another along it.
    table = _training_log(seed).drop(columns="miles")
    table["time_band"] = pd.qcut(table["minutes"], 40, labels=False).astype(float)
    finding = leak_on(audit(table, "minutes"), "time_band")
    assert finding.severity == "high"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_noisy_copy_of_the_target_stays_high(seed):
    rng = np.random.default_rng(100 + seed)
    table = _training_log(seed).drop(columns="miles")
    table["watch_minutes"] = (table["minutes"] * rng.normal(1, 0.02, len(table))).round(1)
    finding = leak_on(audit(table, "minutes"), "watch_minutes")
    assert finding.severity == "high"


def _subscriptions(seed: int, n: int = 400) -> pd.DataFrame:
    """Journals: a price set beforehand, the subscriptions (target) and the revenue they made,
    price x subscriptions after discounts."""
    rng = np.random.default_rng(seed)
    price = np.exp(rng.normal(5.5, 1.0, n)).round(0) + 20
    subs = np.maximum(5, rng.poisson(np.exp(rng.normal(5, 0.6, n)))).astype(float)
    return pd.DataFrame(
        {
            "pages": rng.integers(300, 3000, n),
            "price": price,
            "revenue_usd": (price * subs * rng.uniform(0.92, 1.0, n)).round(-1),
            "subs": subs,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rate_and_a_count_that_give_the_target_back_are_a_question_naming_both(seed):
    report = audit(_subscriptions(seed), "subs")
    assert not [f for f in leaks(report, ("high",)) if "price" in f.columns]
    finding = leak_on(report, "revenue_usd")
    assert finding.severity == "medium"
    assert set(finding.columns) == {"revenue_usd", "price"}
    assert finding.evidence["check"].startswith("pair search")
    assert "cannot tell which" in finding.advice


def _orders(seed: int, n: int = 1500) -> pd.DataFrame:
    """Firms: profit (some losses), a price-earnings ratio computed from the market value (the
    target) and empty for every loss-maker, as a division by a loss would be."""
    rng = np.random.default_rng(seed)
    profit = rng.normal(50, 60, n).round(1)
    value = np.abs(profit) * rng.lognormal(2.5, 0.5, n) + rng.uniform(10, 50, n)
    pe = np.where(profit > 0, value / np.where(profit > 0, profit, 1), np.nan)
    return pd.DataFrame(
        {
            "employees": rng.integers(10, 5000, n),
            "profit": profit,
            "pe_ratio": pe.round(3),
            "market_value": value.round(1),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_ratio_the_data_show_was_divided_stays_high_on_its_own(seed):
    finding = leak_on(audit(_orders(seed), "market_value"), "pe_ratio")
    assert finding.severity == "high"
    assert finding.columns == ("pe_ratio",)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_noisy_reading_of_the_target_rounded_to_bands_stays_high(seed):
    # The review's counter-case: a second reading of the cost, rounded to $50, has the shape
    # of a setting (few values that interleave along the target); only a name says setting.
    rng = np.random.default_rng(seed)
    n = 900
    size = rng.normal(0, 1, n)
    age = rng.integers(1, 80, n)
    cost = (600 + 150 * size + 2 * age + rng.normal(0, 60, n)).round(2)
    billed = np.round((cost + rng.normal(0, 15, n)) / 50) * 50
    table = pd.DataFrame({"size": size.round(2), "age": age, "billed_rounded": billed})
    table["cost"] = cost
    assert audit(table, "cost").leak_columns("high") == ["billed_rounded"]


def _house_sales(seed: int, n: int = 1200, digits: int | None = None) -> pd.DataFrame:
    """A price per square foot computed from a sale price in hundreds and a whole floor
    area. Its decimals look like a division's, but an honest precise value (a supplier's
    unit price to the tenth of a cent, a surveyed acreage) has them too: the re-review's
    counter-cases to naming one member by its decimals."""
    rng = np.random.default_rng(seed)
    sqft = rng.integers(600, 4000, n)
    sold = (sqft * rng.lognormal(5.3, 0.35, n)).round(-2)
    ppsf = sold / sqft
    return pd.DataFrame(
        {
            "sqft": sqft,
            "year_built": rng.integers(1900, 2020, n),
            "ppsf": ppsf if digits is None else ppsf.round(digits),
            "sold_for": sold,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("digits", [None, 2])
def test_a_price_per_square_foot_beside_the_area_is_a_question_naming_both(seed, digits):
    report = audit(_house_sales(seed, digits=digits), "sold_for")
    finding = leak_on(report, "ppsf")
    assert finding.severity == "medium"
    assert set(finding.columns) == {"ppsf", "sqft"}
    assert "cannot tell which" in finding.advice
    assert "R² " in finding.message.split("With every column")[1]
