"""Entities of batch 35's shapes, each beside an honest counter-case.

- The year of a monthly series, its months numbered 1 to 12 inside each year, is a coarser
  clock, not a thing: no entity, and not a high leak; things numbered in time order (broods
  of three seasons, many more broods than seasons) stay the entity.
- A person's number inside a family (1, 2, 3 ... fewer families the higher the number),
  beside the family's number: the family is the entity; a user's number beside the films
  they rate (two crossed keys) stays the user.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _monthly(seed: int) -> pd.DataFrame:
    """A register counted each month for 40 years, rising with a trend."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("1812-01-01", periods=480, freq="MS")
    trend = 1200 + 70 * np.arange(480) / 12 + np.cumsum(rng.normal(0, 25, 480))
    return pd.DataFrame(
        {
            "date": dates,
            "Year": dates.year,
            "month": dates.strftime("%b"),
            "mon": dates.month,
            "count": trend.round(),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_the_year_of_a_monthly_series_is_no_entity_and_no_high_leak(seed):
    report = audit(_monthly(seed), "count")
    assert report.time_column == "date"
    assert report.group_column is None
    assert not any(
        f.kind == "target_leak" and f.severity == "high" and "Year" in f.columns
        for f in report.findings
    )


def _broods(seed: int) -> pd.DataFrame:
    """Chicks of 90 broods over three seasons, the broods numbered in season order, each
    brood with its own altitude and tick load."""
    rng = np.random.default_rng(seed)
    brood = np.repeat(np.arange(1, 91), rng.integers(2, 8, 90))
    season = 1995 + (brood - 1) // 30
    altitude = rng.integers(400, 540, 91)[brood]
    load = rng.normal(0, 1, 91)[brood]
    ticks = np.maximum(0, 3 + 2 * load - 0.01 * (altitude - 470) + rng.normal(0, 1, len(brood)))
    return pd.DataFrame(
        {
            "INDEX": np.arange(1, len(brood) + 1),
            "TICKS": ticks.round(),
            "BROOD": brood,
            "HEIGHT": altitude,
            "YEAR": season,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_things_numbered_in_time_order_stay_the_entity(seed):
    assert audit(_broods(seed), "TICKS").group_column == "BROOD"


def _families(seed: int) -> pd.DataFrame:
    """People of 1,500 families, most of one member here, numbered inside the family (1, 2,
    3 ..., or from 30 and from 170 for those who joined later)."""
    rng = np.random.default_rng(seed)
    # Most families have one person here: the family's number mostly comes once.
    size = rng.choice([1] * 12 + [2, 2, 3, 4, 6], 1500)
    family = np.repeat(rng.choice(np.arange(4, 9000), 1500, replace=False), size)
    # Fewer and fewer people with higher numbers: few families have an eighth.
    share = np.array([22, 20, 17, 13, 10, 8, 6, 4]) / 100
    person = np.concatenate([rng.choice(np.arange(1, 9), k, replace=False, p=share) for k in size])
    # Members born or moved in after the first interview are numbered from 30 or from 170,
    # as in the PSID.
    joined = rng.choice([0, 29, 169], len(person), p=[0.8, 0.1, 0.1])
    person = person + joined
    level = rng.normal(10, 0.5, 1500)[np.repeat(np.arange(1500), size)]
    hours = rng.integers(0, 3000, len(family))
    earnings = (
        np.exp(level) * (hours > 0) * (0.5 + hours / 3000) * rng.lognormal(0, 0.3, len(family))
    )
    return pd.DataFrame(
        {
            "intnum": family,
            "persnum": person,
            "age": rng.integers(30, 51, len(family)),
            "hours": hours,
            "earnings": earnings.round(),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_persons_number_inside_the_family_leaves_the_family_as_the_entity(seed):
    assert audit(_families(seed), "earnings").group_column == "intnum"


def _shelves(seed: int) -> pd.DataFrame:
    """Weekly sales of items on the shelves of 60 stores, each store stocking 20 to 60 of
    3,000 items: store and item are crossed keys, and a store's number says nothing of how
    many items it stocks."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(20, 61, 60)
    stores = rng.choice(np.arange(100, 10000), 60, replace=False)
    store = np.repeat(stores, counts)
    item = np.concatenate(
        [rng.choice(np.arange(10000, 40000, 10), k, replace=False) for k in counts]
    )
    footfall = dict(zip(stores, rng.lognormal(0, 0.5, 60), strict=True))
    sales = np.array([footfall[s] for s in store]) * rng.lognormal(3, 0.4, len(store))
    return pd.DataFrame({"stornum": store, "itemnum": item, "sales": sales.round(1)})


@pytest.mark.parametrize("seed", SEEDS)
def test_a_store_beside_the_items_it_stocks_stays_the_entity(seed):
    assert audit(_shelves(seed), "sales").group_column == "stornum"
