"""Entities of batch 34's shapes, each beside an honest counter-case.

- A numbered place or thing (regions 1 to 60, a school's five-digit code) with the file
  written one block per value, in order, is the cluster the file is filed by, even with no
  attribute of its own; shuffled, or named as neither, it stays a number.
- A few labelled series of unequal length (a race's divisions, one run since 1897, another
  since 1975), each a panel's key followed for years, are the entities although one of them
  holds most rows; a status code that is "none" on most rows stays no entity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _filed(seed: int, name: str, codes: np.ndarray, sort: bool = True) -> pd.DataFrame:
    """Pupils or counties of each unit, 3 to 25 rows each, unit by unit; each unit shifts
    the target, and no column is constant within a unit."""
    rng = np.random.default_rng(seed)
    unit = np.repeat(codes, rng.integers(3, 26, len(codes)))
    shift = dict(zip(codes, rng.normal(0, 6, len(codes)), strict=True))
    n = len(unit)
    gender = rng.choice(["F", "M"], n)
    course = rng.normal(70, 12, n).round(1)
    target = 0.4 * course + np.array([shift[u] for u in unit]) + rng.normal(0, 8, n)
    frame = pd.DataFrame(
        {name: unit, "gender": gender, "course": course, "written": target.round(1)}
    )
    return frame if sort else frame.sample(frac=1, random_state=seed).reset_index(drop=True)


def _regions(seed: int, **kwargs) -> pd.DataFrame:
    return _filed(seed, "region", np.arange(1, 61), **kwargs)


def _schools(seed: int, **kwargs) -> pd.DataFrame:
    codes = np.sort(np.random.default_rng(seed).choice(np.arange(20000, 85000), 50, replace=False))
    return _filed(seed, "school", codes, **kwargs)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("build", "name"), [(_regions, "region"), (_schools, "school")])
def test_a_numbered_unit_the_file_is_filed_by_is_the_entity(seed, build, name):
    report = audit(build(seed), "written")
    assert report.group_column == name
    assert report.folds.startswith("grouped")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("build", [_regions, _schools])
def test_the_same_unit_shuffled_stays_a_number(seed, build):
    assert audit(build(seed, sort=False), "written").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_number_named_as_neither_place_nor_thing_stays_a_number(seed):
    frame = _regions(seed).rename(columns={"region": "batch_size"})
    assert audit(frame, "written").group_column is None


def _divisions(seed: int) -> pd.DataFrame:
    """A race's winning times: one division every year since 1897, others since the 1970s,
    one only for six early years."""
    rng = np.random.default_rng(seed)
    spans = {
        "Men's open": (1897, 2019),
        "Women's open": (1972, 2019),
        "Men's wheelchair": (1975, 2019),
        "Women's wheelchair": (1977, 2019),
        "Women's pioneer era": (1966, 1971),
    }
    level = {name: 120 + 25 * i for i, name in enumerate(spans)}
    rows = [
        (name, year, level[name] - 0.2 * (year - 1897) + rng.normal(0, 4))
        for name, (first, last) in spans.items()
        for year in range(first, last + 1)
    ]
    frame = pd.DataFrame(rows, columns=["Event", "Year", "minutes"])
    frame["Country"] = rng.choice(["US", "Kenya", "Canada", "Japan"], len(frame))
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_series_of_unequal_length_are_a_panels_entities(seed):
    frame = _divisions(seed)
    assert frame["Event"].value_counts().iloc[0] > 0.3 * len(frame)
    report = audit(frame, "minutes")
    assert report.time_column == "Year"
    assert report.group_column == "Event"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_status_code_none_on_most_rows_is_no_entity(seed):
    """Stops by day, many a day: the code is "NONE" on most rows and repeats within a day,
    so it keys no panel."""
    rng = np.random.default_rng(seed)
    n = 3000
    day = np.sort(rng.choice(pd.date_range("2017-01-01", periods=200).strftime("%Y-%m-%d"), n))
    searched = rng.random(n) < 0.2
    code = np.where(
        searched & (rng.random(n) < 0.9),
        rng.choice([f"{a}-{b}" for a in ("WPN", "NARC", "ID") for b in ("OTH", "MJ", "RX")], n),
        "NONE",
    )
    frame = pd.DataFrame(
        {
            "day": day,
            "precinct": rng.integers(1, 6, n),
            "property_code": code,
            "searched": np.where(searched, "YES", "NO"),
        }
    )
    report = audit(frame, "searched")
    assert report.group_column != "property_code"
    assert any(
        f.kind == "target_leak" and "property_code" in f.columns and f.severity != "low"
        for f in report.findings
    )
