"""Two ways a file writes its dates that the audit now reads as the time order (issue 17,
time columns; found on batches 63 and 68).

- A number named as the date in years and twelfths (a construction permit issued in July
  1967 as 67.5, as R writes a monthly series' time), the rows in any order.
- A database's DD-MON-YY ("6-Aug-09", a Tokyo trading day), read by the loader with its
  two-digit years placed in one century.

Counter-cases: a "date" column of arbitrary decimals, and one of whole years only, are no
decimal-year clock.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv

SEEDS = range(3)


def _plants(seed: int, date: np.ndarray) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = date.size
    capacity = rng.integers(450, 1150, n)
    return pd.DataFrame(
        {
            "cost": (40 * (date - date.min()) + 0.35 * capacity + rng.normal(0, 60, n) + 150).round(
                2
            ),
            "date": date,
            "permit_wait_months": rng.integers(8, 20, n),
            "capacity_mwe": capacity,
            "northeast": rng.integers(0, 2, n),
            "cooling_tower": rng.integers(0, 2, n),
        }
    ).sample(frac=1.0, random_state=seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_in_years_and_twelfths_is_the_time_order_in_any_row_order(seed):
    rng = np.random.default_rng(seed)
    months = rng.integers(0, 48, 60)
    date = np.round(67 + months / 12, 2)
    assert audit(_plants(seed, date), "cost").time_column == "date"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_arbitrary_decimals_is_no_decimal_year(seed):
    rng = np.random.default_rng(seed)
    date = np.round(rng.uniform(67, 71, 60), 3)
    assert audit(_plants(seed, date), "cost").time_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_whole_years_only_is_no_decimal_year(seed):
    rng = np.random.default_rng(seed)
    date = rng.integers(67, 72, 60).astype(float)
    assert audit(_plants(seed, date), "cost").time_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_trading_days_written_day_month_two_digit_year_are_the_time_order(seed):
    rng = np.random.default_rng(seed)
    days = pd.bdate_range("2009-08-06", periods=56)
    dow = rng.integers(-150, 150, days.size)
    nikkei = (0.8 * dow + rng.normal(0, 80, days.size)).round()
    text = "DJIAch,Date,Nik225ch,Up\n" + "".join(
        f"{d},{day.day}-{day:%b}-{day:%y},{k:.0f},{int(k > 0)}\n"
        for d, day, k in zip(dow, days, nikkei, strict=True)
    )
    frame = load_csv(io.BytesIO(text.encode()), filename="markets.csv").frame
    report = audit(frame.drop(columns="Nik225ch"), "Up")
    assert report.time_column == "Date"
