"""Misses of the audit corpus batch 27, fixed on 5 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv

SEEDS = range(3)


def _by_kind(report, column):
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


def _epidemic(seed: int) -> pd.DataFrame:
    """A year of daily deaths for two causes, peaking in late summer, with the month (known
    before) and an alert level published from the day's deaths (3 % of days a level off):
    its top level is reached only at the peak, inside one block of time."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("1849-01-01", "1849-12-31", freq="D")
    rows = []
    for cause, height in (("Cholera", 900), ("Diarrhaea", 200)):
        wave = height * np.exp(-(((np.arange(len(days)) - 240) / 25.0) ** 2))
        deaths = rng.poisson(wave + rng.uniform(5, 60, len(days)))
        level = np.searchsorted([20, 100, 400], deaths, side="right")
        slip = rng.random(len(days)) < 0.03
        level = np.clip(level + np.where(slip, rng.choice([-1, 1], len(days)), 0), 0, 3)
        rows.append(
            pd.DataFrame(
                {
                    "cause": cause,
                    "date": days,
                    "month": days.strftime("%b"),
                    "alert_level": np.array(["quiet", "raised", "high", "severe"])[level],
                    "deaths": deaths,
                }
            )
        )
    return pd.concat(rows).sort_values(["date", "cause"], ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_whose_top_level_falls_in_one_block_of_time_is_asked_about(seed):
    # With folds of time, the 'severe' days (all at the peak) were scored from blocks that
    # never saw that level, and the band looked weak.
    frame = _epidemic(seed)
    assert frame.loc[frame["alert_level"] == "severe", "date"].dt.month.isin([7, 8, 9]).all()
    report = audit(frame, "deaths")
    assert report.time_column == "date"
    findings = _by_kind(report, "alert_level")
    assert findings, [(f.kind, f.columns) for f in report.findings]
    assert findings[0].severity == "medium"
    assert findings[0].evidence["check"] == "its levels cut the target into ranges"
    # The season is known before the day: no band, however strong.
    assert not _by_kind(report, "month")


def _wars(seed: int, n_wars: int = 80) -> str:
    """Participants of wars, a war's rows sharing its code, dates and length in years; an eighth of
    the days unknown and written -9, as the Correlates of War do."""
    rng = np.random.default_rng(seed)
    lines = ["war_code,state,start_date,war_years,troops,deaths"]
    for war in range(n_wars):
        start = pd.Timestamp("1820-01-01") + pd.Timedelta(
            days=int(war * 800 + rng.integers(0, 700))
        )
        scale = rng.lognormal(6, 1.5)
        length = int(rng.integers(30, 3000))
        for _ in range(int(rng.integers(2, 7))):
            day = "-9" if rng.random() < 0.12 else str(start.day)
            troops = int(rng.lognormal(8, 1))
            deaths = int(scale * rng.lognormal(0, 0.3))
            code = 10 + war * 7
            lines.append(
                f"{code},{rng.integers(2, 900)},{start.month}/{day}/{start.year},{length / 365.25:.2f},"
                f"{troops},{deaths}"
            )
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", SEEDS)
def test_war_dates_with_unknown_days_are_the_time_and_the_war_the_entity(seed):
    loaded = load_csv(io.BytesIO(_wars(seed).encode()), filename="wars.csv")
    assert pd.api.types.is_datetime64_any_dtype(loaded.frame["start_date"])
    report = audit(loaded.frame, "deaths")
    assert report.time_column == "start_date"
    assert report.group_column == "war_code"


def _store_weeks(seed: int, n_stores: int = 40, weeks: int = 104) -> pd.DataFrame:
    """Weekly sales of stores over two years, with the sales year to date (this week's
    included, restarting each January) and the same total up to last week."""
    rng = np.random.default_rng(seed)
    rows = []
    for store in range(n_stores):
        level = rng.lognormal(8, 0.5)
        to_date = 0.0
        for week in range(weeks):
            when = pd.Timestamp("2022-01-03") + pd.Timedelta(weeks=week)
            if week and when.year != (when - pd.Timedelta(weeks=1)).year:
                to_date = 0.0
            sales = round(level * rng.lognormal(0, 0.25) * (1 + 0.3 * (when.month == 12)), 2)
            rows.append(
                {
                    "store": f"S{store:03d}",
                    "week": when,
                    "promo": int(rng.random() < 0.2),
                    "sales_to_last_week": round(to_date, 2),
                    "sales_ytd": round(to_date + sales, 2),
                    "sales": sales,
                }
            )
            to_date += sales
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_year_to_date_total_that_includes_the_week_is_a_high_leak(seed):
    report = audit(_store_weeks(seed), "sales")
    assert (report.time_column, report.group_column) == ("week", "store")
    findings = _by_kind(report, "sales_ytd")
    assert findings and findings[0].severity == "high", [
        (f.severity, f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert findings[0].evidence["check"] == "running total that includes the target"
    assert findings[0].evidence["restarts"] >= 40  # each store's new year
    # The total up to last week is known when the week's sales are predicted.
    assert all(f.severity != "high" for f in _by_kind(report, "sales_to_last_week"))


def test_a_year_to_date_total_is_found_in_a_table_past_the_first_look_sample():
    # 13,520 rows: the sample's first look must let the total through to the full check.
    report = audit(_store_weeks(0, n_stores=130), "sales")
    findings = _by_kind(report, "sales_ytd")
    assert findings and findings[0].severity == "high"
    assert findings[0].evidence["rows"] > 10_000
    assert all(f.severity != "high" for f in _by_kind(report, "sales_to_last_week"))


def _loans(seed: int, n_people: int = 300, months: int = 12) -> pd.DataFrame:
    """Monthly repayment records: missed payments so far (this month's included), and a
    customer's months on book (a clock that grows by one, whatever the outcome)."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(n_people):
        risk = rng.beta(1, 8)
        missed = 0
        for month in range(months):
            late = int(rng.random() < risk)
            missed += late
            rows.append(
                {
                    "customer_id": 1000 + person,
                    "month": pd.Timestamp("2024-01-01") + pd.DateOffset(months=month),
                    "months_on_book": month + int(rng.integers(1, 30)) * (month == 0),
                    "missed_to_date": missed,
                    "late": late,
                }
            )
    frame = pd.DataFrame(rows)
    frame["months_on_book"] = frame.groupby("customer_id")["months_on_book"].transform(
        lambda s: s.iloc[0] + np.arange(len(s))
    )
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_of_events_to_date_beside_a_binary_target_is_a_high_leak(seed):
    report = audit(_loans(seed), "late")
    assert report.group_column == "customer_id"
    findings = _by_kind(report, "missed_to_date")
    assert findings and findings[0].severity == "high"
    assert not _by_kind(report, "months_on_book")


def _regions(seed: int, n_regions: int = 30, months: int = 48) -> pd.DataFrame:
    """Monthly sales of regions with a yearly season, the change against the same month last
    year (this month's sales in it) and the same change as it stood last month."""
    rng = np.random.default_rng(seed)
    frames = []
    for region in range(n_regions):
        level = rng.lognormal(10, 0.4)
        when = pd.date_range("2020-01-01", periods=months, freq="MS")
        trend = np.cumsum(rng.normal(0.005, 0.03, months))
        sales = level * np.exp(trend + 0.2 * np.sin(2 * np.pi * when.month / 12))
        sales = np.round(sales * rng.lognormal(0, 0.05, months), 1)
        yoy = pd.Series(sales).pct_change(12).round(4)
        frames.append(
            pd.DataFrame(
                {
                    "region": f"R{region:02d}",
                    "month": when,
                    "stores": rng.integers(5, 40),
                    "sales_yoy_prev_month": yoy.shift(1),
                    "sales_yoy": yoy,
                    "sales": sales,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_change_against_the_same_month_last_year_is_a_high_leak(seed):
    report = audit(_regions(seed), "sales")
    assert (report.time_column, report.group_column) == ("month", "region")
    findings = _by_kind(report, "sales_yoy")
    assert findings and findings[0].severity == "high"
    assert findings[0].evidence["since"] == "over 12 rows"
    assert all(f.severity != "high" for f in _by_kind(report, "sales_yoy_prev_month"))


def _trial(seed: int, n_patients: int = 120, visits: int = 7) -> pd.DataFrame:
    """A trial's visits: a symptom score, its change from the patient's baseline visit (0 at
    baseline), the weeks since baseline and the arm."""
    rng = np.random.default_rng(seed)
    rows = []
    for patient in range(n_patients):
        arm = rng.choice(["placebo", "drug"])
        start = rng.normal(30, 6)
        slope = rng.normal(-0.8 if arm == "drug" else -0.3, 0.3)
        for visit in range(visits):
            score = round(start + slope * 2 * visit + rng.normal(0, 2), 1)
            rows.append(
                {"patient": f"P{patient:03d}", "week": 2 * visit, "arm": arm, "score": score}
            )
    frame = pd.DataFrame(rows)
    baseline = frame.groupby("patient")["score"].transform("first")
    frame["chg"] = (frame["score"] - baseline).round(1)
    frame["age"] = frame.groupby("patient")["week"].transform(lambda w: rng.integers(20, 80))
    return frame[["patient", "week", "arm", "age", "chg", "score"]]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_change_from_baseline_is_a_high_leak_and_the_weeks_are_not(seed):
    report = audit(_trial(seed), "score")
    assert report.group_column == "patient"
    findings = _by_kind(report, "chg")
    assert findings and findings[0].severity == "high", [
        (f.severity, f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert not [f for f in _by_kind(report, "week") if f.severity == "high"]


def _emissions(seed: int, n_countries: int = 80) -> pd.DataFrame:
    """Countries' yearly emissions, orders of magnitude apart and smooth, with the total up
    to last year (known before the year) and GDP growth."""
    rng = np.random.default_rng(seed)
    rows = []
    for country in range(n_countries):
        scale = np.exp(rng.normal(3, 2))
        growth = rng.normal(0.02, 0.015)
        total = scale * rng.uniform(5, 30)
        level = scale
        for year in range(1990, 2021):
            level *= np.exp(growth + rng.normal(0, 0.03))
            rows.append(
                {
                    "country": f"C{country:02d}",
                    "year": year,
                    "co2_to_last_year": round(total, 3),
                    "gdp_growth": round(rng.normal(2, 2), 2),
                    "co2": round(level, 3),
                }
            )
            total += level
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_total_up_to_last_year_of_a_smooth_series_is_no_running_total(seed):
    # The review's counter-case: last year's emissions follow this year's at 0.9994 across
    # countries, so the growth of the total to last year followed the target as closely.
    report = audit(_emissions(seed), "co2")
    assert all(f.severity != "high" for f in _by_kind(report, "co2_to_last_year"))
    frame = _emissions(seed)
    frame["co2_to_date"] = frame["co2_to_last_year"] + frame["co2"]
    findings = _by_kind(audit(frame, "co2"), "co2_to_date")
    assert findings and findings[0].severity == "high"
