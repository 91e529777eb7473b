"""A survival table sorted by its follow-up ("time" beside the event flag "delta" or "status",
as KMsurv's and survival's tables are) must not take the follow-up for the time order: that
would leave it out of the leak checks and order the folds by the outcome. A "time" of a few
waves repeated over a panel's rows, beside a status target, stays the time order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _larynx(seed: int, *, event: str = "delta") -> pd.DataFrame:
    """300 patients by stage, each stage's rows sorted by follow-up, as the source lists them."""
    rng = np.random.default_rng(seed)
    n = 300
    stage = np.sort(rng.integers(1, 5, n))
    hazard = 0.08 * stage
    death = rng.exponential(1 / hazard)
    closes = rng.uniform(1, 10, n)
    frame = pd.DataFrame(
        {
            "stage": stage,
            "time": np.minimum(death, closes).round(1),
            "age": rng.integers(40, 85, n),
            "diagyr": rng.integers(70, 79, n),
            event: (death < closes).astype(int),
        }
    )
    return frame.sort_values(["stage", "time"], kind="stable").reset_index(drop=True)


def _waves(seed: int) -> pd.DataFrame:
    """120 people interviewed at months 0, 6, 12 and 18; housed or not at each wave."""
    rng = np.random.default_rng(seed)
    people = np.repeat(np.arange(1, 121), 4)
    months = np.tile([0, 6, 12, 18], 120)
    support = rng.normal(0, 1, 120)[people - 1]
    housed = rng.random(len(people)) < 1 / (1 + np.exp(-(support + 0.08 * months - 0.5)))
    return pd.DataFrame(
        {
            "id": people,
            "time": months,
            "section8": rng.integers(0, 2, 120)[people - 1],
            "housing_status": np.where(housed, "housed", "street"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("event", ["delta", "status"])
def test_a_follow_up_sorted_on_is_asked_about_not_taken_for_the_time(seed, event):
    report = audit(_larynx(seed, event=event), event)
    assert report.time_column != "time"
    assert any(f.kind == "target_leak" and "time" in f.columns for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_waves_of_a_panel_stay_its_time_order(seed):
    report = audit(_waves(seed), "housing_status")
    assert report.time_column == "time"


def _days(seed: int) -> pd.DataFrame:
    """40 patients observed on each of 60 days: a daily status, written patient by patient."""
    rng = np.random.default_rng(seed)
    patients = np.repeat(np.arange(1, 41), 60)
    days = np.tile(np.arange(1, 61), 40)
    frailty = rng.normal(0, 1, 40)[patients - 1]
    unwell = rng.random(len(days)) < 1 / (1 + np.exp(-(frailty + 0.02 * days - 1)))
    return pd.DataFrame(
        {
            "patient_id": patients,
            "time": days,
            "dose": rng.choice([5, 10, 20], 40)[patients - 1],
            "status": np.where(unwell, "unwell", "well"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_the_days_of_a_daily_panel_stay_its_time_order(seed):
    assert audit(_days(seed), "status").time_column == "time"
