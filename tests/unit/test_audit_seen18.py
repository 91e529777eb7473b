"""Misses of the audit corpus fixed on 3 December 2026 (the fourth session), each on a small
synthetic table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _pupils(seed: int, key: str, n_schools: int = 70, n: int = 4000) -> pd.DataFrame:
    """Kindergarten pupils in random order: a school number (1..80, dense, no attribute of
    the school in the table), class types randomised within each school."""
    rng = np.random.default_rng(seed)
    schools = rng.choice(np.arange(1, 81), n_schools, replace=False)
    school = rng.choice(schools, n)
    effect = dict(zip(schools, rng.normal(0, 20, n_schools), strict=True))
    small = rng.random(n) < 0.3
    return pd.DataFrame(
        {
            "pupil_no": rng.choice(10**6, n, replace=False),
            "classk": np.where(small, "small", "regular"),
            "sex": rng.choice(["girl", "boy"], n),
            key: school,
            "math": np.round(
                480 + 8 * small + np.vectorize(effect.get)(school) + rng.normal(0, 40, n)
            ),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("key", ["schidkn", "schid1n", "hhid2"])
def test_a_survey_key_glued_to_a_wave_or_grade_is_the_entity(seed, key):
    # "schidkn": the school id in kindergarten (STAR); "hhid2": the household in wave 2.
    assert audit(_pupils(seed, key), "math").group_column == key


@pytest.mark.parametrize("key", ["provider", "studied", "paid_late"])
def test_words_that_merely_hold_id_are_not_keys(key):
    from lessons.audit.table import PLAIN_KEY_NAME

    assert not PLAIN_KEY_NAME.search(key)


def _race_results(seed: int, n: int = 900, *, date_name: str = "date") -> pd.DataFrame:
    """A race held once a year, two years: the day, the distance, the run time, and the
    finish-line clock (the start of the race plus the run time)."""
    rng = np.random.default_rng(seed)
    day = rng.choice(pd.to_datetime(["2017-05-13", "2018-05-12"]), n)
    half = rng.random(n) < 0.4
    minutes = np.where(half, rng.normal(120, 20, n), rng.normal(30, 6, n)).round(2)
    start = day + pd.to_timedelta(np.where(half, 450, 480), unit="min")
    finish = start + pd.to_timedelta(minutes * 60 + rng.uniform(0, 90, n), unit="s")
    return pd.DataFrame(
        {
            date_name: day,
            "race": np.where(half, "half", "5k"),
            "age": rng.integers(15, 70, n),
            "minutes": minutes,
            "finish_clock": finish.floor("s"),
        }
    ).sort_values(date_name, kind="stable", ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_two_days_is_the_time_and_the_finish_clock_is_asked_about(seed):
    report = audit(_race_results(seed), "minutes")
    assert report.time_column == "date"
    assert "finish_clock" in report.leak_columns("medium") + report.leak_columns("high")


@pytest.mark.parametrize("seed", SEEDS)
def test_two_moments_not_named_as_a_date_are_not_the_time(seed):
    # Two datetimes in a column not named as a date (an edition): too little to call it
    # the rows' time order.
    report = audit(_race_results(seed, date_name="edition").drop(columns="finish_clock"), "minutes")
    assert report.time_column is None
