"""A day's summary joined onto each of its moments is a leak (issue 17, class 8; found on
batch 57's half-hourly electricity demand).

The day's peak demand, from the daily summary joined on the date, sits on every half-hour of
the day: at 09:00 the peak of 18:00 is not known yet. The rows' moments within the day make
the day a run of rows, and a value constant within it that equals the highest (or the mean,
the total) of the target over it is asked about. Counter-case: the day's forecast high
temperature, fixed in the morning, follows the demand only loosely.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _demand(rng: np.random.Generator) -> pd.DataFrame:
    days = 60
    moments = pd.date_range("2000-06-05", periods=days * 48, freq="30min")
    hour = moments.hour + moments.minute / 60
    level = np.repeat(rng.normal(30000, 400, days), 48)
    demand = level + 6000 * np.sin((hour - 6) / 24 * 2 * np.pi) + rng.normal(0, 600, len(hour))
    frame = pd.DataFrame(
        {
            "timestamp": moments,
            "period": np.tile(np.arange(1, 49), days),
            "forecast_high_c": np.repeat(rng.normal(20, 4, days), 48).round(1),
            "demand_mw": demand.round(),
        }
    )
    frame.insert(
        3, "daily_peak_mw", frame.groupby(moments.normalize())["demand_mw"].transform("max")
    )
    return frame


def _asked(report, column: str) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity in ("medium", "high") and column in f.columns
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_days_peak_on_each_half_hour_is_asked_about(seed):
    report = audit(_demand(np.random.default_rng(seed)), "demand_mw")
    assert report.time_column == "timestamp"
    assert _asked(report, "daily_peak_mw")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_days_forecast_high_is_not_asked_as_a_summary(seed):
    report = audit(_demand(np.random.default_rng(seed)), "demand_mw")
    assert not [
        f
        for f in _asked(report, "forecast_high_c")
        if f.evidence.get("check", "").startswith("summary of the run")
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_months_mean_on_each_day_is_asked_about(seed):
    """Melbourne's daily maximum temperature beside the month's mean of it, joined from the
    monthly climate summary: on the 3rd the month's mean is not known."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("1981-01-01", periods=3 * 365, freq="D")
    season = 20 + 3 * np.cos((dates.day_of_year - 15) / 365 * 2 * np.pi)
    frame = pd.DataFrame(
        {
            "date": dates,
            "tmax_yesterday": np.nan,
            "tmax": (season + rng.normal(0, 5, len(dates))).round(1),
        }
    )
    frame["tmax_yesterday"] = frame["tmax"].shift()
    frame.insert(
        2, "month_mean_tmax", frame.groupby(dates.to_period("M"))["tmax"].transform("mean").round(2)
    )
    report = audit(frame, "tmax")
    assert _asked(report, "month_mean_tmax")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_quarters_average_on_each_week_is_asked_about(seed):
    """An airline's weekly economy passengers beside the quarter's average of them, from the
    quarterly traffic report: in the quarter's first week its average is not known."""
    rng = np.random.default_rng(seed)
    weeks = pd.date_range("1987-06-22", periods=280, freq="7D")
    passengers = 20 + 0.01 * np.arange(280) + rng.normal(0, 3, 280)
    frame = pd.DataFrame({"week_start": weeks, "first_class": rng.normal(1.5, 0.3, 280).round(2)})
    frame["economy"] = passengers.round(2)
    frame.insert(
        2,
        "econ_quarter_avg",
        frame.groupby(weeks.to_period("Q"))["economy"].transform("mean").round(3),
    )
    report = audit(frame, "economy")
    assert _asked(report, "econ_quarter_avg")
