"""A commune numbered 1 to 150, the survey file written commune by commune, is the cluster the
households were sampled in, not a clock: the entity, with no time order. The same numbers
under a name that is no place (a period index, "trend") stay the time order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _households(seed: int, column: str = "commune") -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = rng.integers(8, 30, 150)
    number = np.repeat(np.arange(1, 151), sizes)
    n = len(number)
    effect = rng.normal(0, 0.3, 150)[number - 1]
    spending = rng.normal(10, 0.6, n)
    return pd.DataFrame(
        {
            column: number,
            "hhsize": rng.integers(1, 10, n),
            "lntotal": spending.round(4),
            "lnfood": (0.7 * spending + effect + rng.normal(0, 0.2, n)).round(4),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_numbered_commune_the_file_is_written_by_is_the_entity(seed):
    report = audit(_households(seed), "lnfood")
    assert report.time_column is None
    assert report.group_column == "commune"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_numbers_named_as_a_period_index_stay_the_time_order(seed):
    assert audit(_households(seed, column="trend"), "lnfood").time_column == "trend"


def _glucose(seed: int, clock: str = "Time") -> pd.DataFrame:
    """Seven subjects' blood glucose over the hours after each of two drinks, the file written
    drink by drink, subject by subject, hour by hour."""
    rng = np.random.default_rng(seed)
    hours = np.array([-1, 0, 2, 4, 6, 8, 10, 12, 15, 18, 21, 24, 27, 30])
    rows = []
    for session in (1, 2):
        for subject in range(1, 8):
            level = rng.normal(4, 0.4)
            for hour in hours:
                curve = 2.5 * np.exp(-((hour - 5) ** 2) / 20) if hour >= 0 else 0.0
                rows.append((subject, session, hour, level + curve + rng.normal(0, 0.3)))
    frame = pd.DataFrame(rows, columns=["Subject", "Date", clock, "glucose"])
    frame["glucose"] = frame["glucose"].round(1)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_clock_restarting_in_each_subject_s_session_is_the_time_order(seed):
    report = audit(_glucose(seed), "glucose")
    assert report.time_column == "Time"
    assert report.group_column == "Subject"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_dose_in_the_same_shape_is_no_clock(seed):
    assert audit(_glucose(seed, clock="dose_mg"), "glucose").time_column is None
