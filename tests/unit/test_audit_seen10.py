"""The general weaknesses that the audit corpus's batches 9 and 10 showed in counting-process
tables and dense panels, each on a small synthetic table of its shape: intervals that start
at 0 for each patient (most patients with one interval), a calendar date beside them, a
month written "1939 Jan", and a few labels that fill a panel's grid."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv


def _intervals(patients: int, seed: int, *, with_entry_date: bool) -> pd.DataFrame:
    """A counting-process table: each patient's intervals, the first starting at day 0, a
    second one (after an infection) for about a third of them; the file patient by patient."""
    rng = np.random.default_rng(seed)
    rows = []
    entry = pd.Timestamp("1989-01-01")
    for patient in range(1, patients + 1):
        treated = int(rng.integers(0, 2))
        age = int(rng.integers(5, 40))
        entered = entry + pd.Timedelta(days=int(rng.integers(0, 500)))
        start = 0
        for _ in range(1 if rng.random() < 0.65 else 2):
            event = int(rng.random() < 0.5 - 0.2 * treated)
            rows.append((patient, entered, treated, age, start, event))
            start += int(rng.integers(20, 300))
    frame = pd.DataFrame(rows, columns=["id", "random", "treat", "age", "tstart", "status"])
    return frame if with_entry_date else frame.drop(columns="random")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_start_of_each_interval_is_the_time_and_the_patient_the_entity(seed):
    """Most patients have one row, so the id has more values than half the rows; its blocks
    of rows and the interval starts that restart at 0 give the panel away."""
    frame = _intervals(150, seed, with_entry_date=False)
    report = audit(frame, "status")
    assert report.time_column == "tstart"
    assert report.group_column == "id"


@pytest.mark.parametrize("moves", [False, True])
def test_a_calendar_date_beside_an_entitys_own_clock_stays_the_time(moves):
    """The date each patient entered (or of each visit) is calendar time, the order a
    deployed model meets patients in: it wins over days since each patient's own start."""
    frame = _intervals(150, 0, with_entry_date=True)
    if moves:
        frame["random"] = frame["random"] + pd.to_timedelta(frame["tstart"], unit="D")
    report = audit(frame, "status")
    assert report.time_column == "random"
    assert report.group_column == "id"


def test_a_month_written_year_first_is_the_time():
    """fpp3's yearmonth ("1939 Jan"), series by series: the month is the time order."""
    rng = np.random.default_rng(0)
    months = pd.date_range("1939-01-01", periods=60, freq="MS").strftime("%Y %b")
    lines = ["Month,Series_ID,Employed"]
    for series in range(30):
        level = rng.uniform(1000, 50000)
        for step, month in enumerate(months):
            lines.append(f"{month},CEU{series:010d},{level * (1 + 0.002 * step):.1f}")
    frame = load_csv(io.BytesIO("\n".join(lines).encode()), filename="m.csv").frame
    report = audit(frame, "Employed")
    assert report.time_column == "Month"
    assert report.group_column == "Series_ID"


def test_three_shifts_every_day_are_no_entity():
    """Three labels fill a day-by-shift grid as four countries fill a quarter-by-country one:
    too few values to tell things followed over time from a category (a strict review's
    case), so neither is an entity."""
    rng = np.random.default_rng(0)
    days = pd.date_range("2020-01-01", periods=200, freq="D")
    frame = pd.DataFrame(
        [(day, shift, rng.normal(100, 10)) for day in days for shift in ("early", "late", "night")],
        columns=["day", "shift", "output"],
    )
    report = audit(frame, "output")
    assert report.time_column == "day"
    assert report.group_column is None


def test_two_sexes_every_year_are_no_panel():
    """Births by sex each year: two labels fill the grid too, but two values are a
    category, not things followed over time."""
    rng = np.random.default_rng(0)
    years = np.arange(1900, 2000)
    frame = pd.DataFrame(
        [(year, sex, int(rng.normal(50000, 3000))) for year in years for sex in ("F", "M")],
        columns=["year", "sex", "births"],
    )
    assert audit(frame, "births").group_column is None


@pytest.mark.parametrize("seed", [0, 1])
def test_a_visit_key_inside_its_patient_leaves_the_patient_the_entity(seed):
    """Patients with 2-4 visits, each visit with one or two lab rows: the visit id repeats
    on a minority of rows, but it sits inside the patient, whose rows must stay together
    (a strict review's case)."""
    rng = np.random.default_rng(seed)
    rows = []
    visit = 0
    for patient in range(400):
        frail = rng.normal(0, 1)
        for _ in range(int(rng.integers(2, 5))):
            visit += 1
            for _ in range(1 if rng.random() < 0.7 else 2):
                rows.append((f"P{patient:04d}", f"V{visit:05d}", frail + rng.normal(0, 0.5)))
    frame = pd.DataFrame(rows, columns=["patient", "visit_id", "score"])
    frame["sodium"] = rng.normal(140, 3, len(frame)).round(1)
    frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    assert audit(frame, "score").group_column == "patient"
