"""What the audit corpus's batch 15 showed, each on a small synthetic table of its shape: a
daily series whose date is written as six digits (800102), and a randomised incentive left
empty on a few rows that all share an outcome (a question, never a high leak)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leak_on, leaks


def _rates(seed: int, n: int = 1500) -> pd.DataFrame:
    """A daily exchange rate (a random walk), its previous day's value, and another rate."""
    rng = np.random.default_rng(seed)
    days = pd.bdate_range("1980-01-02", periods=n)
    rate = 0.6 * np.exp(np.cumsum(rng.normal(0, 0.006, n)))
    other = 2.2 * np.exp(np.cumsum(rng.normal(0, 0.005, n)))
    return pd.DataFrame(
        {
            "date": days.strftime("%y%m%d").astype(int),
            "day": days.day_name().str.lower(),
            "dm": rate.round(4),
            "dm_prev_day": pd.Series(rate.round(4)).shift(1),
            "bp": other.round(4),
        }
    )


@pytest.mark.parametrize("seed", range(3))
def test_a_date_in_six_digits_is_the_time_and_the_previous_day_a_question(seed):
    report = audit(_rates(seed), "dm")
    assert report.time_column == "date"
    assert not leaks(report, ("high",))
    assert leak_on(report, "dm_prev_day", ("medium",))


def test_six_digit_codes_not_named_as_a_date_stay_numbers():
    rng = np.random.default_rng(0)
    n = 800
    frame = pd.DataFrame(
        {
            "branch_code": rng.choice([100101, 100215, 110307, 120412, 130520], n),
            "income": rng.normal(50, 10, n).round(1),
        }
    )
    frame["approved"] = (frame["income"] + rng.normal(0, 10, n) > 50).astype(int)
    assert audit(frame, "approved").time_column is None


def _incentives(seed: int, n: int = 3000) -> pd.DataFrame:
    """A randomised cash incentive to fetch an HIV test result; 60 rows of one village's first
    wave lack the incentive record, and those people all fetched their result."""
    rng = np.random.default_rng(seed)
    incentive = rng.choice([0, 0.5, 1, 1.5, 2, 3], n)
    got = (rng.random(n) < np.where(incentive > 0, 0.8, 0.35)).astype(int)
    missing = np.flatnonzero(got == 1)[:60]
    tinc = pd.Series(incentive).where(~np.isin(np.arange(n), missing))
    return pd.DataFrame(
        {
            "tinc": tinc,
            "distvct": rng.gamma(2, 1.2, n).round(2),
            "age": rng.integers(15, 80, n),
            "got": got,
        }
    )


@pytest.mark.parametrize("seed", range(3))
def test_a_field_empty_on_a_few_rows_of_one_outcome_is_a_question(seed):
    finding = leak_on(audit(_incentives(seed), "got"), "tinc")
    assert finding.severity == "medium"
    assert "left empty because of the outcome" in finding.message


def test_a_field_filled_only_for_one_outcome_stays_high():
    rng = np.random.default_rng(0)
    n = 3000
    left = rng.random(n) < 0.3
    frame = pd.DataFrame(
        {
            "tenure": rng.integers(1, 60, n),
            "exit_score": np.where(left & (rng.random(n) < 0.8), rng.integers(1, 6, n), np.nan),
            "left": left.astype(int),
        }
    )
    assert leak_on(audit(frame, "left"), "exit_score").severity == "high"


def _doses(seed: int) -> pd.DataFrame:
    """Newborns' drug levels logged from 1982 on: seconds since 1970 named as a stamp."""
    rng = np.random.default_rng(seed)
    rows = []
    for subject in range(1, 60):
        start = 378_691_200 + int(rng.integers(0, 80_000_000))
        weight = round(float(rng.uniform(0.6, 3.5)), 1)
        for sample in range(int(rng.integers(2, 6))):
            stamp = start + sample * int(rng.integers(20_000, 400_000))
            rows.append((subject, weight, round(float(rng.gamma(4, 6)), 1), stamp))
    frame = pd.DataFrame(rows, columns=["Subject", "Wt", "conc", "sampled_at"])
    return frame.sort_values("sampled_at", kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("seed", range(3))
def test_seconds_since_1970_from_the_1980s_named_as_a_stamp_are_the_time(seed):
    assert audit(_doses(seed), "conc").time_column == "sampled_at"


def test_nine_digit_durations_named_time_are_no_stamps():
    rng = np.random.default_rng(0)
    n = 600
    frame = pd.DataFrame(
        {
            "response_time": rng.integers(320_000_000, 900_000_000, n),
            "load": rng.normal(50, 10, n).round(1),
        }
    )
    frame["failed"] = (frame["load"] + rng.normal(0, 10, n) > 55).astype(int)
    assert audit(frame, "failed").time_column is None


# --- The strict review's cases --------------------------------------------------------------


@pytest.mark.parametrize("cleared", [0.1, 0.25, 0.45])
def test_a_field_cleared_for_some_churners_stays_a_high_leak(cleared):
    """The next payment date, filled for everyone and cleared for a share of the churners:
    its values predict nothing, its emptiness everything: a leak, however few the rows."""
    rng = np.random.default_rng(0)
    n = 3000
    churned = rng.random(n) < 0.2
    due = pd.Series(rng.normal(70, 20, n))
    rows = np.flatnonzero(churned)
    due[rng.choice(rows, int(cleared * len(rows)), replace=False)] = np.nan
    frame = pd.DataFrame(
        {"tenure": rng.integers(1, 72, n), "next_payment_due": due, "churned": churned.astype(int)}
    )
    assert leak_on(audit(frame, "churned"), "next_payment_due").severity == "high"


@pytest.mark.parametrize("name", ["update_code", "candidate_code", "mandate_type"])
def test_a_code_whose_name_holds_date_inside_a_word_is_no_date(name):
    rng = np.random.default_rng(0)
    n = 800
    frame = pd.DataFrame(
        {
            name: rng.choice([100101, 100215, 110307, 120412, 130520], n),
            "income": rng.normal(50, 10, n).round(1),
        }
    )
    frame["approved"] = (frame["income"] + rng.normal(0, 10, n) > 50).astype(int)
    assert audit(frame, "approved").time_column is None


def test_six_digit_dates_of_the_1960s_keep_their_century_and_order():
    days = pd.bdate_range("1966-01-03", "1971-10-01")
    frame = pd.DataFrame(
        {"date": days.strftime("%y%m%d").astype(int), "rate": np.linspace(1, 2, len(days))}
    )
    frame["rate"] += np.random.default_rng(0).normal(0, 0.01, len(days))
    report = audit(frame, "rate")
    assert report.time_column == "date"
    finding = next(f for f in report.findings if f.kind == "time_order")
    assert "1966-01-03" in finding.message and "1971-10-01" in finding.message


@pytest.mark.parametrize("seed", range(3))
def test_a_copy_named_like_the_target_stays_high_in_a_table_ordered_in_time(seed):
    """Approved amount beside approved, in a dated log: perfect separation, no earlier value."""
    rng = np.random.default_rng(seed)
    n = 2000
    income = rng.normal(50, 10, n)
    approved = (income + rng.normal(0, 8, n) > 52).astype(int)
    frame = pd.DataFrame(
        {
            "application_date": pd.date_range("2021-01-01", periods=n, freq="6h"),
            "income": income.round(1),
            "approved_amount": np.where(approved == 1, rng.uniform(1, 20, n).round(1) * 1000, 0),
            "approved": approved,
        }
    )
    report = audit(frame, "approved")
    assert report.time_column == "application_date"
    assert leak_on(report, "approved_amount").severity == "high"


@pytest.mark.parametrize("seed", range(3))
def test_a_survival_time_where_most_patients_died_is_read_on_the_deaths(seed):
    """status 1 = dead on 93 % of rows: the rarer class is the censored one, yet the follow-up
    ends at the death, so the deaths' times are the shorter ones."""
    rng = np.random.default_rng(seed)
    n = 140
    karno = rng.integers(10, 100, n)
    dead = (rng.random(n) < 0.93).astype(int)
    time = np.where(dead == 1, rng.gamma(0.8, 150, n), rng.uniform(25, 230, n)).round()
    frame = pd.DataFrame(
        {"karno": karno, "celltype": rng.choice(["squamous", "large"], n), "time": time}
    )
    frame["status"] = dead
    assert leak_on(audit(frame, "status"), "time", ("medium",))
