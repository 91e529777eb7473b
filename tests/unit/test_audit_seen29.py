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


def _galls(seed: int, n: int = 1000) -> pd.DataFrame:
    """Galls opened in spring: their fate (a fly, eaten by a beetle or a bird, parasitised,
    dead early), whether a fly was found in the opened gall (three slips in 1,000) and the
    gall's diameter and site, measured before."""
    rng = np.random.default_rng(seed)
    diameter = rng.normal(20, 3, n).round(1)
    site = rng.choice(["meadow", "roadside"], n)
    odds = np.column_stack(
        [
            2 + 0.1 * (diameter - 20),
            np.full(n, 0.6),
            0.3 + 0.3 * (site == "meadow"),
            np.full(n, 0.4),
            np.full(n, 0.2),
        ]
    )
    fate = np.array([rng.choice(5, p=row / row.sum()) for row in odds])
    names = np.array(["fly", "beetle", "bird", "wasp", "early"])[fate]
    found = np.where(rng.random(n) < 0.003, fate != 0, fate == 0)
    return pd.DataFrame(
        {
            "diameter": diameter,
            "site": site,
            "fly_found": np.where(found, "y", "n"),
            "fate": names,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_yes_no_read_with_the_outcome_that_marks_one_class_is_asked_about(seed):
    report = audit(_galls(seed), "fate")
    findings = _by_kind(report, "fly_found")
    assert findings and findings[0].severity in ("medium", "high")
    assert findings[0].evidence["marks"]["class"] == "fly"
    assert findings[0].evidence["marks"]["value"] == "y"
    assert not _by_kind(report, "site")


def _wages(seed: int, n: int = 3000) -> pd.DataFrame:
    """A log hourly wage with schooling and experience, the weekly hours, and the weekly
    earnings (the hourly wage times the hours)."""
    rng = np.random.default_rng(seed)
    school = rng.integers(10, 18, n)
    exper = rng.integers(0, 30, n)
    hours = rng.choice([20.0, 30.0, 35.0, 40.0, 45.0, 50.0], n)
    lwage = 1.0 + 0.08 * school + 0.02 * exper + rng.normal(0, 0.35, n)
    return pd.DataFrame(
        {
            "school": school,
            "exper": exper,
            "weekly_hours": hours,
            "weekly_earnings": np.round(np.exp(lwage) * hours, 2),
            "lwage": lwage,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_earnings_that_are_a_log_targets_level_times_the_hours_are_asked_about(seed):
    report = audit(_wages(seed), "lwage")
    found = [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "weekly_earnings" in f.columns
    ]
    assert found, [(f.severity, f.columns) for f in report.findings]
    assert not [f for f in _by_kind(report, "school") if f.severity != "low"]


def _visits(seed: int, n: int = 1000) -> pd.DataFrame:
    """Doctor visits over a year (two fifths never go), health and income known before, and
    the days since the last visit at the end of the year: filled for 85 % of those who went."""
    rng = np.random.default_rng(seed)
    health = rng.normal(0, 1, n)
    income = rng.lognormal(10, 0.5, n).round()
    visits = rng.poisson(np.exp(0.3 + 0.6 * health))
    days = np.where(
        (visits > 0) & (rng.random(n) < 0.85), rng.integers(1, 365, n).astype(float), np.nan
    )
    return pd.DataFrame(
        {"health": health, "income": income, "days_since_last_visit": days, "visits": visits}
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_only_off_the_targets_floor_is_asked_about(seed):
    frame = _visits(seed)
    assert (frame["visits"] == 0).mean() > 0.25
    report = audit(frame, "visits")
    findings = _by_kind(report, "days_since_last_visit")
    assert findings and findings[0].severity in ("medium", "high")
    if report.task == "regression":  # a count of few values may be read as classes
        assert findings[0].severity == "medium"
        assert findings[0].evidence["one_sided"]["at_least"] >= 1


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_at_random_beside_a_target_with_a_floor_is_not(seed):
    frame = _visits(seed)
    rng = np.random.default_rng(seed + 5)
    frame["days_since_last_visit"] = np.where(rng.random(len(frame)) < 0.5, 30.0, np.nan)
    assert not _by_kind(audit(frame, "visits"), "days_since_last_visit")


@pytest.mark.parametrize("seed", SEEDS)
def test_yes_no_traits_that_define_the_classes_are_not_asked_about(seed):
    # The review's zoo: milk and no eggs mark the mammals, feathers the birds.
    rng = np.random.default_rng(seed)
    kinds = rng.choice(["mammal", "bird", "fish", "reptile"], 400, p=[0.4, 0.2, 0.25, 0.15])
    frame = pd.DataFrame(
        {
            "milk": (kinds == "mammal").astype(int),
            "feathers": (kinds == "bird").astype(int),
            "legs": np.where(kinds == "fish", 0, np.where(kinds == "bird", 2, 4)),
            "aquatic": (rng.random(400) < np.where(kinds == "fish", 0.95, 0.2)).astype(int),
            "kind": kinds,
        }
    )
    report = audit(frame, "kind")
    assert not [
        f for f in report.findings if f.evidence.get("check") == "one value marks one class"
    ]


def test_the_chart_of_the_alternative_chosen_puts_the_matches_on_the_diagonal():
    from components.charts.audit import chosen_alternative_figure

    report = audit(_purchases(0), "choice")
    evidence = _by_kind(report, "price_paid")[0].evidence
    by_alternative = evidence["rows_by_alternative_and_class"]
    assert (
        sum(sum(row.values()) for row in by_alternative.values()) == evidence["rows_matching_one"]
    )
    heatmap = chosen_alternative_figure(by_alternative, "price_paid").data[0]
    counts = np.array(heatmap.z)
    # Each alternative's rows all in its own brand's class.
    for row, alternative in zip(counts, heatmap.y, strict=True):
        brand = alternative.removeprefix("price.")
        assert row[list(heatmap.x).index(brand)] == row.sum()
