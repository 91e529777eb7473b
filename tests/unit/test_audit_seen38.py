"""A field left empty for a few of many classes and filled for most of the others (three of
eight chains publish no vitamins) is a gap in those classes' records: a question, not a high
leak. A field filled in for a few classes only stays high (here, and the gas meter's year of
tests/unit/test_audit_seen14.py, filled for two of five heating choices).

A rating left at 0 for those who never went (a tenth of them rated the lake all the same)
marks the floor of the number of trips: a question; a 0 that does not follow the trips marks
nothing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CHAINS = (
    "Arbys",
    "Burger King",
    "Chick Fil-A",
    "Dairy Queen",
    "Mcdonalds",
    "Sonic",
    "Subway",
    "Taco Bell",
)


def _menus(seed: int) -> pd.DataFrame:
    """Menu items of eight chains with their nutrition facts; three chains publish no
    vitamins or calcium for most of their items."""
    rng = np.random.default_rng(seed)
    n = 520
    chain = rng.choice(len(CHAINS), n)
    calories = rng.gamma(4, 140, n) + 60 * chain
    frame = pd.DataFrame(
        {
            "calories": calories.round(),
            "total_fat": (calories * rng.uniform(0.03, 0.06, n)).round(),
            "sodium": (calories * rng.uniform(1.5, 3, n) + 100 * (chain % 3)).round(),
            "protein": (calories * rng.uniform(0.03, 0.07, n)).round(),
        }
    )
    # Not quite by chain: a few items of the others lack them too, a few of theirs have them.
    silent = np.where(np.isin(chain, [0, 4, 5]), rng.random(n) < 0.9, rng.random(n) < 0.05)
    for name, scale in (("vit_a", 20), ("vit_c", 15), ("calcium", 20)):
        frame[name] = np.where(silent, np.nan, rng.gamma(2, scale / 2, n).round())
    frame["restaurant"] = np.array(CHAINS)[chain]
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_fields_left_empty_for_a_few_classes_are_questions(seed):
    report = audit(_menus(seed), "restaurant")
    empty = [f for f in report.findings if f.kind == "target_leak" and "vit_c" in f.columns]
    assert empty and all(f.severity == "medium" for f in empty)
    assert not any(
        f.kind == "target_leak"
        and f.severity == "high"
        and {"vit_a", "vit_c", "calcium"} & set(f.columns)
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_in_for_a_few_classes_stays_high(seed):
    """The same emptiness turned round: a complaint code filled in only for three chains'
    items, the ones that were reported, after the fact."""
    frame = _menus(seed)
    frame["complaint_score"] = np.where(frame["vit_c"].isna(), frame["calories"] % 7 + 1, np.nan)
    frame = frame.drop(columns=["vit_a", "vit_c", "calcium"])
    report = audit(frame, "restaurant")
    assert any(
        f.kind == "target_leak" and f.severity == "high" and "complaint_score" in f.columns
        for f in report.findings
    )


def _trips(seed: int, rated_by_visitors_only: bool = True) -> pd.DataFrame:
    """A survey of trips to a lake: most respondents never went; the lake's rating is 0 for
    those who never went, though a tenth of them rated it all the same."""
    rng = np.random.default_rng(seed)
    n = 660
    income = rng.integers(1, 10, n)
    cost = rng.normal(60, 20, n).round(2)
    went = rng.random(n) < 0.37 + 0.02 * income - 0.002 * (cost - 60)
    trips = np.where(went, rng.geometric(0.12, n), 0)
    rating = rng.integers(1, 6, n)
    if rated_by_visitors_only:
        rating = np.where(went | (rng.random(n) < 0.1), rating, 0)
    else:
        rating = np.where(rng.random(n) < 0.55, rating, 0)
    return pd.DataFrame({"rating": rating, "income": income, "cost": cost, "trips": trips})


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rating_left_at_zero_for_those_who_never_went_is_asked_about(seed):
    report = audit(_trips(seed), "trips")
    finding = next(
        f for f in report.findings if f.kind == "target_leak" and f.columns == ("rating",)
    )
    assert finding.severity == "medium"
    assert finding.evidence["check"] == "its most common value marks the target's floor"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_zero_that_does_not_follow_the_trips_marks_no_floor(seed):
    report = audit(_trips(seed, rated_by_visitors_only=False), "trips")
    assert not any("floor" in f.evidence.get("check", "") for f in report.findings)
