"""A running time written as text ("2:08:01") beside the same time in hours. Read as text, every
value comes once or twice: it was typed as an identifier and reported as "does not predict
the target", while it is the target itself. A clock reading is an amount of time: it is typed
as a number of seconds, screened, and the copy is flagged. Inside each year the men's time
comes before the women's: a year is a period, never an entity in whose rows a clock restarts. A game clock ("9:47") stays an
honest number, and text that only starts like a clock stays text."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons.audit import audit
from lessons.audit_types import (
    apply_column_types,
    clock_text_to_seconds,
    infer_column_type,
    is_clock_text,
)

SEEDS = range(3)


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _winners(seed: int) -> pd.DataFrame:
    """A marathon's winners, men and women, over 50 years: the winning time in hours is the
    target; the same time as text is a column of the results table."""
    rng = np.random.default_rng(seed)
    years = np.repeat(np.arange(1970, 2020), 2)
    women = np.tile([0, 1], 50)
    hours = 2.55 - 0.004 * (years - 1970) + 0.25 * women + rng.normal(0, 0.04, len(years))
    seconds = np.round(hours * 3600)
    return pd.DataFrame(
        {
            "year": years,
            "division": np.where(women, "Women", "Men"),
            "country": rng.choice(["Kenya", "Ethiopia", "United States", "Italy"], len(years)),
            "time": [_clock(s) for s in seconds],
            "time_hrs": seconds / 3600,
        }
    )


def _severity(report, column: str) -> str | None:
    found = [f.severity for f in report.findings if f.kind == "target_leak" and column in f.columns]
    return max(found, key=["low", "medium", "high"].index) if found else None


@pytest.mark.parametrize("seed", SEEDS)
def test_the_target_written_as_a_clock_is_flagged(seed):
    report = audit(_winners(seed), "time_hrs")
    assert _severity(report, "time") == "high"
    assert not any(f.kind == "id_column" and "time" in f.columns for f in report.findings)
    # Inside each year the men's time comes before the women's: the year stays the time
    # order, and no entity of two rows a year.
    assert [f.columns for f in report.findings if f.kind == "time_order"] == [("year",)]
    assert any("'time' holds clock readings" in note for note in report.notes)


def test_clock_text_is_typed_as_a_number_and_read_as_seconds():
    column = pd.Series(["02:31:38", "2:08:01.5", None, "9:47"])
    assert infer_column_type("time", column) == "number"
    seconds = apply_column_types(pd.DataFrame({"time": column}), {"time": "number"})["time"]
    assert seconds.iloc[0] == 2 * 3600 + 31 * 60 + 38
    assert seconds.iloc[1] == 2 * 3600 + 8 * 60 + 1.5
    assert np.isnan(seconds.iloc[2])
    assert seconds.iloc[3] == 9 * 60 + 47


@pytest.mark.parametrize(
    "values",
    [
        ["10:30 am", "11:15 pm", "9:00 am"],  # a time of day with its half of the day
        ["A1:22", "B2:33", "C3:44"],  # codes with a colon
        ["1:2", "3:4", "5:6"],  # ratios, not minutes and seconds
        ["12:75", "13:99", "14:60"],  # no minute reaches 60
    ],
)
def test_text_that_is_no_clock_reading_stays_text(values):
    column = pd.Series(values * 10)
    assert not is_clock_text(column)
    assert infer_column_type("reading", column) != "number"


@given(st.lists(st.integers(min_value=0, max_value=99 * 3600), min_size=1, max_size=30))
def test_a_clock_written_from_seconds_reads_back_the_same_seconds(seconds):
    column = pd.Series([_clock(s) for s in seconds])
    assert is_clock_text(column)
    assert clock_text_to_seconds(column).tolist() == [float(s) for s in seconds]
