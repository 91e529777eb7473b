"""An annual series: one row a year, its years running without a gap (a town's snowfall,
winter by winter, from 1893; London's christenings from 1629). The years were typed as a running row number, so the audit saw
no time order and shuffled its folds. They are the time order, also when named as the year
the row's own season starts or ends ("SeasonStart"), never when named as the year a thing
began ("start_year" of a company).

The same table shows a second slip: a total of the months, where the summer months are
always 0. The formula search keeps ten rows per column and so tries the strongest columns
first; the constant months took places among them and pushed a small month out of the
total, which then went unflagged."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit_types import infer_column_type

SEEDS = range(3)
MONTHS = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun"]


def _winters(seed: int, year_name: str = "SeasonStart") -> pd.DataFrame:
    """A town's snowfall by month, one row a winter, and the season's total."""
    rng = np.random.default_rng(seed)
    n = 100
    years = np.arange(1893, 1893 + n)
    frame = pd.DataFrame({year_name: years})
    means = dict(zip(MONTHS, [0, 0, 0, 1, 7, 16, 20, 14, 9, 3, 1, 0], strict=True))
    trend = 1 + 0.004 * (years - years[0])
    for month, mean in means.items():
        frame[month] = (
            np.round(rng.gamma(1.5, mean / 1.5, n) * trend, 1) if mean else np.zeros(n, int)
        )
    frame["Total"] = frame[MONTHS].sum(axis=1).round(1)
    return frame


@pytest.mark.parametrize("name", ["year", "Year", "yr", "SeasonStart", "season_end", "fy_start"])
def test_years_running_without_a_gap_are_the_rows_years(name):
    assert infer_column_type(name, pd.Series(range(1950, 2020))) == "number"


@pytest.mark.parametrize("first", [1629, 1750, 1990])
def test_old_registers_hold_years_too(first):
    # London's christenings from 1629: a register older than the censuses is still years.
    assert infer_column_type("Year", pd.Series(range(first, first + 82))) == "number"


@pytest.mark.parametrize("name", ["start_year", "YearBuilt", "row"])
def test_other_running_numbers_stay_identifiers(name):
    assert infer_column_type(name, pd.Series(range(1950, 2020))) == "identifier"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["year", "SeasonStart"])
def test_an_annual_series_is_split_by_its_years(seed, name):
    report = audit(_winters(seed, name), "Total")
    assert [f.columns for f in report.findings if f.kind == "time_order"] == [(name,)]
    assert not any(f.kind == "id_column" and name in f.columns for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_total_of_the_months_is_found_beside_months_without_snow(seed):
    report = audit(_winters(seed), "Total")
    flagged = {
        column
        for finding in report.findings
        if finding.kind == "target_leak"
        for column in finding.columns
    }
    assert {"Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May"} <= flagged
