"""A date of birth is no time order, and a size written as two numbers is no code (issue 17,
class 7; found on batch 54's marriage licences and car ratings).

A marriage licence carries the application's date (the rows are filed by it) and each
spouse's date of birth, "dob": the birth date is a trait of the person, and picking it as the
time order sorts the table by age. A tyre's size "195/60" is a measurement written as text;
read as a code it grouped a car table's folds by tyre.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _licences(rng: np.random.Generator) -> pd.DataFrame:
    n = 60
    applied = pd.Timestamp("1996-10-01") + pd.to_timedelta(np.sort(rng.integers(0, 900, n)), "D")
    ages = rng.uniform(19, 70, (n, 2))
    rows = []
    for k in range(n):
        book = f"B{230 + k // 20}p{100 + 7 * k}"
        for person, age in zip(("Groom", "Bride"), ages[k], strict=True):
            rows.append(
                {
                    "bookpageID": book,
                    "appdate": applied[k],
                    "person": person,
                    "dob": applied[k] - pd.Timedelta(days=int(age * 365.25)),
                    "age": round(float(age), 2),
                    "hs": int(rng.integers(8, 13)),
                }
            )
    frame = pd.DataFrame(rows)
    chance = 1 / (1 + np.exp(-(frame["age"] - 35) / 6))
    frame["previously_married"] = np.where(rng.random(len(frame)) < chance, "yes", "no")
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_birth_named_dob_is_not_the_time_order(seed):
    report = audit(_licences(np.random.default_rng(seed)), "previously_married")
    assert report.time_column == "appdate"
    assert report.group_column == "bookpageID"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_birth_alone_is_no_time_order(seed):
    frame = _licences(np.random.default_rng(seed)).drop(columns="appdate")
    assert audit(frame, "previously_married").time_column is None


def _cars(rng: np.random.Generator, tyres: list[str]) -> pd.DataFrame:
    n = 105
    kinds = np.array(["Small", "Sporty", "Compact", "Medium", "Large", "Van"])
    kind = rng.integers(0, len(kinds), n)
    length = 160 + 9 * kind + rng.normal(0, 6, n)
    return pd.DataFrame(
        {
            "Length": length.round(),
            "Weight": (1800 + 12 * length + rng.normal(0, 150, n)).round(-1),
            "HP": rng.integers(80, 220, n),
            # Larger cars ride on larger tyres: a few sizes shared by many cars of a kind.
            "Tires": [tyres[min(len(tyres) - 1, 5 * k + int(rng.integers(0, 5)))] for k in kind],
            "Type": kinds[kind],
        }
    )


TYRES = [f"{w}/{a}" for w in range(155, 235, 5) for a in (60, 65, 70)]


@pytest.mark.parametrize("seed", SEEDS)
def test_tyre_sizes_written_as_two_numbers_are_no_entity(seed):
    report = audit(_cars(np.random.default_rng(seed), TYRES), "Type")
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_screen_sizes_written_with_an_x_are_no_entity(seed):
    screens = [f"{w}x{h}" for w in (1280, 1366, 1440, 1600, 1920, 2560) for h in (720, 900, 1080)]
    report = audit(_cars(np.random.default_rng(seed), screens * 2), "Type")
    assert report.group_column is None
