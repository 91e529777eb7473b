"""The general weaknesses that the audit corpus's batches 9 and 10 showed in counting-process
tables and dense panels, each on a small synthetic table of its shape: intervals that start
at 0 for each patient (most patients with one interval), a randomization date that only
says when a patient began, a month written "1939 Jan", and a panel of four countries."""

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
@pytest.mark.parametrize("with_entry_date", [False, True])
def test_the_start_of_each_interval_is_the_time_and_the_patient_the_entity(seed, with_entry_date):
    """Most patients have one row, so the id has more values than half the rows; its blocks
    of rows and the interval starts that restart at 0 give the panel away. A date that never
    changes within a patient is when the patient began, not the moment of each row."""
    frame = _intervals(150, seed, with_entry_date=with_entry_date)
    report = audit(frame, "status")
    assert report.time_column == "tstart"
    assert report.group_column == "id"


def test_a_date_that_changes_within_the_patients_stays_the_time():
    """Visit dates that move within each patient are the rows' moments, whatever clock
    counts beside them."""
    frame = _intervals(150, 0, with_entry_date=True)
    frame["random"] = frame["random"] + pd.to_timedelta(frame["tstart"], unit="D")
    assert audit(frame, "status").time_column == "random"


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


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_four_countries_every_quarter_are_a_dense_panels_entities(seed):
    rng = np.random.default_rng(seed)
    quarters = pd.date_range("1981-01-01", periods=120, freq="QS")
    frame = pd.DataFrame(
        [
            (quarter, origin, round(base * (1 + 0.01 * step) + rng.normal(0, base / 10)))
            for origin, base in (("Japan", 15000), ("NZ", 60000), ("UK", 40000), ("US", 30000))
            for step, quarter in enumerate(quarters)
        ],
        columns=["Quarter", "Origin", "Arrivals"],
    )
    report = audit(frame, "Arrivals")
    assert report.time_column == "Quarter"
    assert report.group_column == "Origin"


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
