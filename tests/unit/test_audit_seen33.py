"""Misses of the audit corpus batch 33, fixed on 6 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _homes(seed: int, place: str = "county", counties: int = 60) -> pd.DataFrame:
    """Homes in counties (1 to 30 each), each county with its soil uranium and a code."""
    rng = np.random.default_rng(seed)
    uranium = rng.normal(0, 0.4, counties).round(4)
    codes = rng.choice(np.arange(1001, 9999), counties, replace=False)
    sizes = rng.integers(1, 31, counties)
    county = np.repeat(np.arange(counties), sizes)
    basement = rng.integers(0, 2, len(county))
    level = 1 + 0.7 * uranium[county] - 0.6 * basement + rng.normal(0, 0.8, len(county))
    return pd.DataFrame(
        {
            place: np.array([f"C{rng.integers(10**6)}" for _ in range(counties)])[county]
            if place == "county"
            else np.array([f"State {i}" for i in range(counties)])[county],
            "county_code": codes[county],
            "basement": basement,
            "uranium": uranium[county],
            "log_radon": level.round(3),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_county_with_its_own_measurement_is_the_entity(seed):
    report = audit(_homes(seed), "log_radon")
    assert report.group_column in ("county", "county_code")
    assert report.folds.startswith("grouped")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_county_with_only_a_code_is_a_place(seed):
    report = audit(_homes(seed).drop(columns="uranium"), "log_radon")
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_birthplace_with_its_states_prices_is_a_trait(seed):
    table = _homes(seed, place="birthplace").drop(columns="county_code")
    assert audit(table, "log_radon").group_column is None


def _pups(seed: int, counter: str = "Litter") -> pd.DataFrame:
    """Pups of 27 litters numbered 1 to 27 in order, 2 to 18 each, with the litter's size
    (13 values) and the dam's dose, set per litter."""
    rng = np.random.default_rng(seed)
    litters = 27
    size = rng.choice(np.arange(2, 19), litters)
    kept = np.minimum(size, rng.integers(2, 19, litters))
    dose = np.repeat(["Control", "Low", "High"], [10, 10, 7])
    rows = np.repeat(np.arange(litters), kept)
    litter_effect = rng.normal(0, 0.4, litters)
    sex = rng.choice(["Male", "Female"], len(rows))
    weight = 7 - 0.08 * size[rows] + litter_effect[rows] + 0.35 * (sex == "Male")
    return pd.DataFrame(
        {
            counter: rows + 1,
            "Lsize": size[rows],
            "Treatment": dose[rows],
            "sex": sex,
            "weight": (weight + rng.normal(0, 0.4, len(rows))).round(2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_litters_numbered_in_order_with_their_size_are_the_entity_not_the_time(seed):
    report = audit(_pups(seed), "weight")
    assert report.time_column is None
    assert report.group_column == "Litter"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_month_counter_with_a_trait_per_month_stays_the_time(seed):
    report = audit(_pups(seed, counter="month"), "weight")
    assert report.time_column == "month"
