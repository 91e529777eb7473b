"""The entity itself is no band of the target (batch 71): four markets quoted every trading
day, one of them always above 200 and the other three always below 130, split the price
with no overlap, yet that is one market's level, counted as one entity against three. A
band written from the sales, across forty stores, is still asked about."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _markets(seed: int, days: int = 400) -> pd.DataFrame:
    """A premium quoted each trading day in four markets, stacked market by market, each
    a sticky random walk around a level of its own."""
    rng = np.random.default_rng(seed)
    dates = pd.bdate_range("2018-01-02", periods=days)
    parts = []
    for market, level, low, high in (
        ("United States", 300, 200, 460),
        ("Western Europe", 90, 40, 130),
        ("East Asia", 80, 40, 130),
        ("Southeast Asia", 15, 15, 15),
    ):
        walk = np.clip(level + np.cumsum(rng.normal(0, 3, days)), low, high).round()
        parts.append(pd.DataFrame({"date": dates, "group": market, "price": walk}))
    return pd.concat(parts, ignore_index=True)


def _leaks(report, column):
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_level_of_one_market_of_four_is_no_high_leak(seed):
    report = audit(_markets(seed), "price")
    assert report.group_column == "group"
    assert all(f.severity != "high" for f in _leaks(report, "group"))


def _stores(seed: int, n_stores: int = 40, days: int = 60) -> pd.DataFrame:
    """Daily sales of forty stores, and a sales band written from the day's own sales."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2023-01-01", periods=days)
    rows = []
    for store in range(n_stores):
        level = rng.normal(1000, 250)
        for day in dates:
            rows.append((day, f"S{store:03d}", level + rng.normal(0, 200)))
    frame = pd.DataFrame(rows, columns=["date", "store_id", "sales"])
    frame["sales"] = frame["sales"].round(1)
    frame["sales_band"] = np.where(frame["sales"] >= 1100, "high", "normal")
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_written_from_the_sales_of_forty_stores_is_still_asked_about(seed):
    report = audit(_stores(seed), "sales")
    assert report.group_column == "store_id"
    assert any(f.severity in ("medium", "high") for f in _leaks(report, "sales_band"))
