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
    """``time``, the share of a year a person was insured (1 on 99.7 % of rows), repeats
    itself: the file is not sorted by it. The study year 1 to 5 of each person is the time."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(400):
        income = rng.lognormal(9.5, 0.6)
        for year in range(1, int(rng.integers(3, 6)) + 1):
            share = 1.0 if rng.random() < 0.997 else round(float(rng.uniform(0.1, 0.9)), 2)
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


@pytest.mark.parametrize("late", [0.0, 0.005, 0.03])
def test_a_sorted_log_with_a_few_late_rows_keeps_its_time(late):
    """Working days with 40 rows each, a few rows stamped one to three days early: still the
    file's order."""
    rng = np.random.default_rng(0)
    days = np.array([d for d in range(200) if d % 7 not in (5, 6)])
    moments = np.repeat(days, 40)
    stamped_early = rng.choice(len(moments), int(late * len(moments)), replace=False)
    moments[stamped_early] = np.maximum(
        0, moments[stamped_early] - rng.integers(1, 4, len(stamped_early))
    )
    x = rng.normal(0, 1, len(moments))
    frame = pd.DataFrame(
        {
            "time": moments,
            "x": x,
            "amount": rng.gamma(2, 10, len(moments)),
            "y": (x + 0.01 * moments + rng.normal(0, 1, len(moments)) > 1).astype(int),
        }
    )
    assert audit(frame, "y").time_column == "time"


def test_a_day_of_the_year_beside_the_year_is_not_the_time():
    """``jday`` 1 to 365 within each of three years: the year orders the rows, the day of
    the year is a season."""
    rng = np.random.default_rng(0)
    rows = [
        (year, day, 10 - 12 * np.cos(2 * np.pi * day / 365) + 0.8 * (year - 2015), rng.gamma(1, 2))
        for year in (2015, 2016, 2017)
        for day in range(1, 366)
    ]
    frame = pd.DataFrame(rows, columns=["year", "jday", "temp", "rain"])
    frame["temp"] += rng.normal(0, 3, len(frame))
    assert audit(frame, "temp").time_column == "year"


def test_a_day_of_the_month_is_no_julian_day():
    """Days 1 to 31 of a shuffled table are a calendar's cycle, not a count from a start."""
    rng = np.random.default_rng(0)
    n = 800
    frame = pd.DataFrame({"jday": rng.integers(1, 32, n), "x": rng.normal(0, 1, n)})
    frame["y"] = frame["x"] + rng.normal(0, 1, n)
    assert audit(frame, "y").time_column is None


def _follow_up(seed: int, n: int = 3000) -> pd.DataFrame:
    """Children followed for their first year: ``months`` is the age at the first hospital
    stay, or 12 (the end of the follow-up) for the 97 % who never went; with an honest
    ``smoke`` and ``siblings``."""
    rng = np.random.default_rng(seed)
    smoke = rng.random(n) < 0.3
    siblings = rng.poisson(1.2, n)
    risk = 0.02 + 0.02 * smoke + 0.005 * siblings
    hospital = (rng.random(n) < risk).astype(int)
    months = np.where(hospital == 1, rng.integers(1, 12, n), 12).astype(float)
    # Some children leave the study early: censored before month 12 without a stay.
    early = (hospital == 0) & (rng.random(n) < 0.3)
    months[early] = rng.integers(1, 12, int(early.sum()))
    return pd.DataFrame(
        {"smoke": smoke.astype(int), "siblings": siblings, "months": months, "hospital": hospital}
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_follow_up_cut_at_the_end_of_the_study_is_asked_about(seed):
    """No child with a stay sits on month 12, where two in three children are: a medium
    question whose evidence gives the pile, the rows expected there and the rows found."""
    frame = _follow_up(seed)
    report = audit(frame, "hospital")
    findings = [f for f in report.findings if f.kind == "target_leak" and "months" in f.columns]
    assert findings and findings[0].severity == "medium"
    pile = findings[0].evidence["pile"]
    assert pile["observed_on_mode"] == 0
    assert pile["expected_on_mode"] >= 20
    assert pile["mode"] == "12.0"
    assert "12.0" in findings[0].message


@pytest.mark.parametrize("seed", range(6))
def test_a_strong_capped_number_is_not_a_pile(seed):
    """A credit score capped at 850: defaulters grow rarer smoothly up to the cap, so the
    rate just below it expects none there either: no pile question, whatever the seed (the
    overall rate would expect about 28 and find none on some seeds)."""
    rng = np.random.default_rng(seed)
    n = 3000
    score = np.minimum(rng.normal(780, 60, n), 850).round()
    default = (rng.random(n) < 1 / (1 + np.exp((score - 650) / 40))).astype(int)
    frame = pd.DataFrame({"score": score, "income": rng.lognormal(10, 0.5, n), "y": default})
    report = audit(frame, "y")
    assert not any("pile" in f.evidence for f in report.findings if f.kind == "target_leak")


def test_a_class_missing_from_a_category_level_is_no_pile():
    """Multiclass species absent from one island, or a binary class absent from a text level:
    an ordinary fact of categories, not a cut."""
    rng = np.random.default_rng(0)
    n = 1200
    island = rng.choice(["Biscoe", "Dream", "Torgersen"], n, p=[0.5, 0.35, 0.15])
    rare = (island != "Biscoe") & (rng.random(n) < 0.25)
    frame = pd.DataFrame(
        {"island": island, "mass": rng.normal(4000, 500, n).round(), "rare": rare.astype(int)}
    )
    report = audit(frame, "rare")
    assert not any("pile" in f.evidence for f in report.findings if f.kind == "target_leak")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_pile_named_like_the_target_stays_a_high_leak(seed):
    """Days to readmission, 30 for everyone not readmitted: named like the target and
    strong, it is high; the pile does not soften it to a question."""
    rng = np.random.default_rng(seed)
    n = 3000
    age = rng.normal(65, 12, n).round()
    stay = rng.integers(1, 15, n)
    risk = 1 / (1 + np.exp(-(-2.0 + 0.03 * (age - 65) + 0.08 * stay)))
    readmit = (rng.random(n) < risk).astype(int)
    days = np.where(readmit == 1, rng.integers(1, 30, n), 30)
    lost = (readmit == 0) & (rng.random(n) < 0.35)
    days[lost] = rng.integers(1, 30, int(lost.sum()))
    frame = pd.DataFrame({"age": age, "stay": stay, "readmit_days": days, "readmit": readmit})
    report = audit(frame, "readmit")
    findings = [
        f for f in report.findings if f.kind == "target_leak" and "readmit_days" in f.columns
    ]
    assert findings and findings[0].severity == "high"
