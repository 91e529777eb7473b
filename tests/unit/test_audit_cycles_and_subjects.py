"""A test's cycle count is its clock; a study's subject ranks above a design factor; an
animal numbered by its kind is the entity.

Two shapes from blind batch 43 (nlme's Fatigue and Glucose): specimens numbered 1 to 21,
each measured every 10,000 cycles from zero, written specimen by specimen (the number of the
specimen is no period of time); and six subjects each eating six test meals, their glucose
read on one grid of hours after each meal (the subject, not the meal, is the unit whose rows
answer alike). And from batch 44 (nlme's PBG): five rabbits numbered 1 to 5, the file
written run by run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _crack_paths(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for path in range(1, 22):
        readings = int(rng.integers(5, 13))
        cycles = np.arange(readings) / 100
        growth = rng.uniform(3, 8)
        frames.append(
            pd.DataFrame(
                {
                    "Path": path,
                    "cycles": cycles,
                    "relLength": 1 + growth * cycles**1.5 + rng.normal(0, 0.005, readings),
                }
            )
        )
    return pd.concat(frames, ignore_index=True).round(4)


def _meals(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    hours = np.array([-0.25, 0, 0.5, 1, 1.5, 2, 3, 4, 5])
    meals = ["2am", "6am", "10am", "2pm", "6pm", "10pm"]
    rows = [(subject, meal, hour) for subject in range(1, 7) for meal in meals for hour in hours]
    frame = pd.DataFrame(rows, columns=["Subject", "Meal", "Time"])
    level = rng.normal(5, 0.8, 7)[frame["Subject"]]
    curve = 2.5 * np.exp(-((frame["Time"] - 0.75) ** 2))
    frame["conc"] = (level + curve + rng.normal(0, 0.4, len(frame))).round(2)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_cycles_restarting_in_each_numbered_path_are_the_time_and_the_path_the_entity(seed):
    report = audit(_crack_paths(seed), "relLength")
    assert report.time_column == "cycles"
    assert report.group_column == "Path"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_numbered_subject_ranks_above_the_meal_crossed_with_it(seed):
    report = audit(_meals(seed), "conc")
    assert report.time_column == "Time"
    assert report.group_column == "Subject"


def _rabbits(seed: int, *, rabbits: int = 5, doses: int = 6) -> pd.DataFrame:
    """nlme's PBG shape: each rabbit numbered 1 to 5, given rising doses in two runs (placebo,
    then the antagonist), the file written run by run, so a rabbit's rows are not together."""
    rng = np.random.default_rng(seed)
    dose = 6.25 * 2.0 ** np.arange(doses)
    rows = [
        (rabbit, treatment, d)
        for treatment in ("Placebo", "MDL")
        for rabbit in range(1, rabbits + 1)
        for d in dose
    ]
    frame = pd.DataFrame(rows, columns=["Rabbit", "Treatment", "dose"])
    sensitivity = rng.normal(1, 0.3, rabbits + 1)[frame["Rabbit"]]
    blunted = np.where(frame["Treatment"] == "MDL", 0.6, 1.0)
    frame["deltaBP"] = (
        sensitivity * blunted * 30 / (1 + 40 / frame["dose"]) + rng.normal(0, 2, len(frame))
    ).round(2)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_rabbits_numbered_one_to_five_are_the_entity(seed):
    assert audit(_rabbits(seed), "deltaBP").group_column == "Rabbit"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_few_rows_per_numbered_animal_are_too_few_to_group_by(seed):
    # Two doses each: four rows per rabbit, under the ten a unit observed again needs.
    assert audit(_rabbits(seed, doses=2), "deltaBP").group_column is None
