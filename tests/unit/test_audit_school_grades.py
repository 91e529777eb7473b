"""A school grade keying a panel of pupils is its time order (issue 17, class 7; found on
batch 56's vocabulary scores).

Sixty-four pupils tested in grades 8, 9, 10 and 11, one row per pupil and grade: the grades
are the pupils' school years, and a split must train on the earlier grades. Counter-cases: a
tumour's grade in a cross-section of patients (a stage, not a clock) and a grade beside a
year (the year stays the clock).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _pupils(rng: np.random.Generator, *, with_year: bool = False) -> pd.DataFrame:
    pupils, grades = 64, np.arange(8, 12)
    ability = rng.normal(0, 1, pupils)
    frame = pd.DataFrame(
        {
            "grade": np.repeat(grades, pupils),
            "pupil": np.tile(np.arange(1, pupils + 1), len(grades)),
            # Eight schools of eight pupils.
            "school_size": np.tile(np.repeat(rng.integers(300, 1500, 8), 8), len(grades)),
        }
    )
    if with_year:
        # The cohort entered in different years: the calendar year is the clock.
        entry = np.tile(rng.integers(1995, 1999, pupils), len(grades))
        frame.insert(0, "year", entry + frame["grade"] - 8)
    growth = np.log(frame["grade"] - 7) * 1.6
    frame["score"] = (growth + ability[frame["pupil"] - 1] + rng.normal(0, 0.5, len(frame))).round(
        2
    )
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_the_grades_of_a_panel_of_pupils_are_its_time_order(seed):
    report = audit(_pupils(np.random.default_rng(seed)), "score")
    assert report.time_column == "grade"
    assert report.group_column == "pupil"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_year_beside_the_grades_stays_the_clock(seed):
    report = audit(_pupils(np.random.default_rng(seed), with_year=True), "score")
    assert report.time_column == "year"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_tumours_grade_in_a_cross_section_is_no_clock(seed):
    rng = np.random.default_rng(seed)
    n = 400
    grade = rng.integers(1, 5, n)
    frame = pd.DataFrame(
        {
            "patient": np.arange(1, n + 1),
            "grade": grade,
            "size_mm": rng.gamma(3, 8, n).round(1),
            "age": rng.integers(30, 85, n),
        }
    )
    chance = 1 / (1 + np.exp(-(grade - 2.5)))
    frame["relapse"] = (rng.random(n) < chance).astype(int)
    assert audit(frame, "relapse").time_column is None
