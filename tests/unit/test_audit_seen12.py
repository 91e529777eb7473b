"""The time columns that the audit corpus's batch 12 missed, each on a small synthetic table of
its shape: an interview year in two digits beside each person's age, a near-constant number
named "time" beside the study year, and a Julian day number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit


def _interviews(seed: int) -> pd.DataFrame:
    """300 women interviewed in some of the years 68 to 88 (two digits), listed woman by
    woman; age rises with the year, so it orders each woman's rows as well."""
    rng = np.random.default_rng(seed)
    years = np.array([68, 69, 70, 71, 72, 73, 75, 77, 78, 80, 82, 83, 85, 87, 88])
    rows = []
    for woman in range(1, 301):
        born = int(rng.integers(40, 55))
        grade = int(rng.integers(8, 18))
        for year in np.sort(rng.choice(years, int(rng.integers(3, 10)), replace=False)):
            age = year - born
            wage = 0.5 + 0.06 * grade + 0.02 * age + rng.normal(0, 0.3)
            rows.append((woman, int(year), born, age, grade, round(wage, 3)))
    return pd.DataFrame(rows, columns=["idcode", "year", "birth_yr", "age", "grade", "ln_wage"])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_two_digit_interview_year_is_the_time_ahead_of_age(seed):
    """The calendar year is shared by every woman; her age is her own clock."""
    report = audit(_interviews(seed), "ln_wage")
    assert report.time_column == "year"
    assert report.group_column == "idcode"


def test_two_digit_numbers_named_year_in_no_order_are_no_time():
    """Numbers named year, 61 to 88 with gaps, in no order and keying no panel: an attribute (a car's
    model year), not the rows' moment."""
    rng = np.random.default_rng(0)
    n = 600
    frame = pd.DataFrame(
        {
            "year": rng.choice([61, 64, 67, 70, 73, 76, 79, 82, 85, 88], n),
            "credits": rng.integers(10, 40, n),
            "hours": rng.normal(20, 5, n).round(1),
        }
    )
    frame["passed"] = (frame["hours"] + rng.normal(0, 5, n) > 20).astype(int)
    assert audit(frame, "passed").time_column is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_near_constant_number_named_time_is_not_the_order(seed):
    """``time``, the share of a year a person was insured (1 on most rows), repeats itself:
    the file is not sorted by it. The study year 1 to 5 of each person is the time."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(400):
        income = rng.lognormal(9.5, 0.6)
        for year in range(1, int(rng.integers(3, 6)) + 1):
            share = 1.0 if rng.random() < 0.9 else round(float(rng.uniform(0.1, 0.9)), 2)
            spend = max(0.0, 50 + 0.004 * income + 30 * year + rng.normal(0, 80))
            rows.append((100_000 + person * 7, year, round(income, 2), share, round(spend, 2)))
    frame = pd.DataFrame(rows, columns=["zper", "year", "income", "time", "meddol"])
    report = audit(frame, "meddol")
    assert report.time_column == "year"


@pytest.mark.parametrize("name", ["julday", "jday", "julian_day"])
def test_a_julian_day_in_file_order_is_the_time(name):
    """Days counted from a start, 24 hourly rows each, written in order."""
    rng = np.random.default_rng(0)
    days = np.repeat(np.arange(373, 473), 24)
    wind = rng.gamma(2.0, 1.0, len(days))
    frame = pd.DataFrame(
        {
            name: days,
            "wind": wind.round(3),
            "traffic": rng.normal(5.5, 0.8, len(days)).round(3),
        }
    )
    frame["nox"] = (frame["traffic"] - 0.3 * wind + rng.normal(0, 0.5, len(days))).round(3)
    assert audit(frame, "nox").time_column == name


def test_a_day_of_the_month_is_no_julian_day():
    """Days 1 to 31 of a shuffled table are a calendar's cycle, not a count from a start."""
    rng = np.random.default_rng(0)
    n = 800
    frame = pd.DataFrame({"jday": rng.integers(1, 32, n), "x": rng.normal(0, 1, n)})
    frame["y"] = frame["x"] + rng.normal(0, 1, n)
    assert audit(frame, "y").time_column is None
