"""Misses of the audit corpus batch 29, fixed on 5 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
BRANDS = ["skw", "cosw", "sko", "coso", "pw"]


def _by_kind(report, column):
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


def _purchases(seed: int, n: int = 3000, cheapest_share: float = 0.6) -> pd.DataFrame:
    """Brand choices with each brand's shelf price (often shared), the price paid (the chosen
    brand's) and the lowest price on the shelf; the cheapest brand is bought on a share of
    the trips."""
    rng = np.random.default_rng(seed)
    prices = rng.choice([0.59, 0.69, 0.79, 0.84, 0.89], size=(n, len(BRANDS)))
    loyal = rng.integers(0, len(BRANDS), n)
    cheapest = prices.argmin(axis=1)
    chosen = np.where(rng.random(n) < cheapest_share, cheapest, loyal)
    frame = pd.DataFrame(prices, columns=[f"price.{b}" for b in BRANDS])
    frame.insert(0, "household", rng.integers(1, 400, n))
    frame["lowest_price"] = prices.min(axis=1)
    frame["price_paid"] = prices[np.arange(n), chosen]
    frame["choice"] = np.array(BRANDS)[chosen]
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_the_price_of_the_brand_chosen_beside_every_brands_price_is_a_high_leak(seed):
    report = audit(_purchases(seed), "choice")
    findings = _by_kind(report, "price_paid")
    assert findings and findings[0].severity == "high", [
        (f.severity, f.columns, f.evidence.get("check")) for f in report.findings
    ]
    evidence = findings[0].evidence
    assert evidence["check"] == "value of the alternative chosen"
    assert evidence["purity"] == 1.0
    assert set(evidence["alternatives"]) >= {f"price.{b}" for b in BRANDS[:4]}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("cheapest_share", [0.6, 0.97])
def test_the_lowest_price_on_the_shelf_is_not_the_price_chosen(seed, cheapest_share):
    # It equals the cheapest brand's price, which is often (or almost always) the one
    # bought: the prices on the shelf already say as much.
    report = audit(_purchases(seed, cheapest_share=cheapest_share), "choice")
    assert all(f.severity != "high" for f in _by_kind(report, "lowest_price"))


def _offers(seed: int, n: int = 2000) -> pd.DataFrame:
    """Two rail offers in cents and the fare of the one taken, in guilders."""
    rng = np.random.default_rng(seed)
    price1 = rng.choice([2400, 3200, 4000], n)
    price2 = rng.choice([2400, 3200, 4000], n)
    time1, time2 = rng.choice([110, 130, 150], (2, n))
    utility = -(price1 - price2) / 800 - (time1 - time2) / 20 + rng.logistic(0, 1, n)
    second = utility < 0
    return pd.DataFrame(
        {
            "price1": price1,
            "time1": time1,
            "price2": price2,
            "time2": time2,
            "fare_hfl": np.where(second, price2, price1) / 100,
            "choice": np.where(second, "choice2", "choice1"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_the_fare_of_the_offer_taken_in_another_unit_is_a_high_leak(seed):
    report = audit(_offers(seed), "choice")
    findings = _by_kind(report, "fare_hfl")
    assert findings and findings[0].severity == "high"
    assert findings[0].evidence["alternatives"] == ["price1", "price2"]
