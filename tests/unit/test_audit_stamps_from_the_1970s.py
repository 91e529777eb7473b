"""Seconds since 1970 from the 1970s, named as a stamp, are the time order.

Batch 83's rodent survey (Portal, 1977-1989) writes each capture as ``captured_at``, epoch
seconds from 237,873,602 (16 July 1977): below the 1980 floor the audit had for stamps, so
the survey's year column was taken as the clock, and every capture of a year shared one
moment. Nine-digit seconds named as a stamp are read as moments from March 1973 on. A
nine-digit duration named "time" stays a number (test_audit_seen15).
"""

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit


def _captures(seed: int, start_year: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 1500
    start = pd.Timestamp(f"{start_year}-07-01").timestamp()
    seconds = np.sort(start + rng.uniform(0, 12 * 365.25 * 86400, n)).astype(np.int64)
    moments = pd.to_datetime(seconds, unit="s")
    plot = rng.integers(1, 25, n)
    weight = rng.gamma(4, 10, n).round()
    genus = np.where(weight + rng.normal(0, 10, n) > 40, "Dipodomys", "Perognathus")
    return pd.DataFrame(
        {
            "record_id": np.arange(1, n + 1),
            "captured_at": seconds,
            "month": moments.month,
            "day": moments.day,
            "year": moments.year,
            "plot_id": plot,
            "weight": weight,
            "genus": genus,
        }
    )


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("start_year", [1974, 1977])
def test_capture_stamps_from_the_1970s_are_the_time(seed, start_year):
    assert audit(_captures(seed, start_year), "genus").time_column == "captured_at"


@pytest.mark.parametrize("seed", range(3))
def test_nine_digit_codes_not_named_as_a_stamp_are_no_time(seed):
    frame = _captures(seed, 1977).drop(columns=["month", "day", "year"])
    frame = frame.rename(columns={"captured_at": "tag_number"}).sample(frac=1, random_state=seed)
    assert audit(frame.reset_index(drop=True), "genus").time_column != "tag_number"
