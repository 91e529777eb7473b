"""A panel of a few labelled series (four cities' daily weather): its label is the entity,
while a few cells of a period (sexes, bands) and short series stay categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CITIES = ["Mumbai", "Beijing", "Chicago", "San Diego"]


def _city_days(seed: int, days: int = 300, labels: list[str] = CITIES) -> pd.DataFrame:
    """One row per city and day, city by city, each city with its own climate."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2016-01-01", periods=days, freq="D")
    frames = []
    for level, label in enumerate(labels):
        humidity = rng.normal(50 + 8 * level, 12, days).round(0)
        frames.append(
            pd.DataFrame(
                {
                    "city": label,
                    "date": dates,
                    "humidity_prev_day": humidity,
                    "high_temp": rng.normal(70 - 5 * level, 9, days).round(0),
                    "rained": np.where(humidity + rng.normal(0, 10, days) > 65, "yes", "no"),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_four_cities_followed_day_by_day_are_the_entity(seed):
    report = audit(_city_days(seed), "rained")
    assert report.time_column == "date"
    assert report.group_column == "city"


@pytest.mark.parametrize("seed", SEEDS)
def test_four_labels_seen_a_few_periods_each_are_no_entity(seed):
    # Four sites over eight days: too short to be series followed over time.
    report = audit(_city_days(seed, days=8), "rained")
    assert report.time_column == "date"
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_three_labels_are_still_categories(seed):
    report = audit(_city_days(seed, labels=CITIES[:3]), "rained")
    assert report.time_column == "date"
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_four_labels_beside_a_few_cells_are_cells(seed):
    # Each day written in eight cells, four age groups by two sexes: no thing is followed.
    days = _city_days(seed, labels=["child", "young", "adult", "old"])
    both = pd.concat([days.assign(sex="F"), days.assign(sex="M")], ignore_index=True)
    report = audit(both.rename(columns={"city": "age_group"}), "rained")
    assert report.time_column == "date"
    assert report.group_column is None
