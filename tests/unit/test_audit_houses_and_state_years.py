"""Two entities the audit missed in real tables (issue 17, class 7).

A dozen houses polling all through a campaign (16 pollsters of the 2016 Brexit polls, each
with its own house effect) are the entity: a thing named as such, seen again and again over
the whole time order. A state measured year by year (its unemployment rate in each worker's
year of layoff) is the cluster of a multilevel design, even in a cross-section of workers.
The counter-cases keep a category of independent rows and a national figure out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
HOUSES = [f"House{chr(65 + i)}" for i in range(14)]


def _polls(rng: np.random.Generator, label: str, *, throughout: bool) -> pd.DataFrame:
    """Polls of a campaign by 14 houses: interleaved all through it, or one house a week."""
    n = 140
    start = pd.Timestamp("2016-03-01")
    if throughout:
        houses = rng.choice(HOUSES, n)
        days = np.sort(rng.integers(0, 110, n))
    else:
        houses = np.repeat(HOUSES, n // len(HOUSES))
        days = np.arange(n) * 110 // n
    effect = {h: e for h, e in zip(HOUSES, rng.normal(0, 0.01, len(HOUSES)), strict=True)}
    frame = pd.DataFrame(
        {
            "startdate": start + pd.to_timedelta(days, unit="D"),
            label: houses,
            "samplesize": rng.integers(800, 4000, n),
            "online": rng.integers(0, 2, n),
        }
    )
    frame["spread"] = (
        0.02 - 0.0003 * days + frame[label].map(effect) + rng.normal(0, 0.02, n)
    ).round(3)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_pollsters_polling_all_through_a_campaign_are_the_entity(seed):
    frame = _polls(np.random.default_rng(seed), "pollster", throughout=True)
    report = audit(frame, "spread")
    assert report.time_column == "startdate"
    assert report.group_column == "pollster"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_category_of_independent_rows_is_no_entity_by_recurring(seed):
    """The same table with the houses under "mode" (not a thing's name): a category."""
    frame = _polls(np.random.default_rng(seed), "mode", throughout=True)
    assert audit(frame, "spread").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_pollsters_each_active_in_one_stretch_are_not_grouped_by_recurring(seed):
    """Each house polling one week of its own: a house is a stretch of the calendar, not a
    thing seen again and again (a time-ordered split already keeps them apart)."""
    frame = _polls(np.random.default_rng(seed), "pollster", throughout=False)
    assert audit(frame, "spread").group_column is None


def _displaced(rng: np.random.Generator, *, by_state: bool) -> pd.DataFrame:
    """Displaced workers of 30 states over 8 years; the unemployment rate beside each row is
    the state's own in that year, or the nation's (one figure a year for every state)."""
    n, states, years = 2400, np.arange(11, 71, 2), np.arange(1982, 1990)
    state = rng.choice(states, n)
    year = rng.choice(years, n)
    national = dict(zip(years, rng.uniform(5, 10, len(years)).round(1), strict=True))
    level = dict(zip(states, rng.normal(0, 1.5, len(states)), strict=True))
    rate = np.array([national[y] for y in year])
    if by_state:
        cell = {
            (s, y): round(national[y] + level[s] + rng.normal(0, 0.4), 1)
            for s in states
            for y in years
        }
        rate = np.array([cell[(s, y)] for s, y in zip(state, year, strict=True)])
    frame = pd.DataFrame(
        {
            "stateur": rate,
            "state": state,
            "age": rng.integers(20, 62, n),
            "tenure": rng.integers(0, 30, n),
            "year_displaced": year,
        }
    )
    logit = -1 + 0.05 * frame["tenure"] + 0.15 * (frame["stateur"] - 7)
    frame["ui"] = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_state_measured_year_by_year_is_the_entity_of_a_cross_section(seed):
    report = audit(_displaced(np.random.default_rng(seed), by_state=True), "ui")
    assert report.time_column == "year_displaced"
    assert report.group_column == "state"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_national_figure_of_the_year_makes_no_state_an_entity(seed):
    """The rate is one figure a year for every state: nothing is measured of the state."""
    report = audit(_displaced(np.random.default_rng(seed), by_state=False), "ui")
    assert report.group_column is None
