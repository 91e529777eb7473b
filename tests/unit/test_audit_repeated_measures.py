"""Subjects of a repeated-measures design are the entity (issue 17, class 7; found on batch
55's hearing test).

Twenty-four subjects ("Subj" 1 to 24) each heard four word lists, one row per subject and
list, the file written list by list with no clock: each subject's four scores share that
subject's hearing, so the folds are grouped by subject. Counter-cases: patients seen once
each beside their sex (no condition crossed with them), and the lists themselves.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _hearing(rng: np.random.Generator, name: str = "Subj") -> pd.DataFrame:
    subjects, lists = 24, ["L1", "L2", "L3", "L4"]
    hearing = rng.normal(0, 6, subjects)
    frame = pd.DataFrame(
        {
            name: np.tile(np.arange(1, subjects + 1), len(lists)),
            "List": np.repeat(lists, subjects),
        }
    )
    effect = frame["List"].map({"L1": 33, "L2": 30, "L3": 25, "L4": 26})
    frame["Percent"] = (
        (effect + hearing[frame[name] - 1] + rng.normal(0, 4, len(frame))).round().clip(0, 50)
    )
    return frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["Subj", "subject", "participant_id"])
def test_subjects_under_every_condition_are_the_entity(seed, name):
    report = audit(_hearing(np.random.default_rng(seed), name), "Percent")
    assert report.group_column == name
    assert report.time_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_patients_seen_once_beside_their_sex_are_no_entity(seed):
    rng = np.random.default_rng(seed)
    n = 96
    frame = pd.DataFrame(
        {
            "patient": np.arange(1, n + 1),
            "sex": rng.choice(["F", "M"], n),
            "age": rng.integers(20, 80, n),
        }
    )
    frame["Percent"] = (40 - 0.2 * frame["age"] + rng.normal(0, 4, n)).round()
    assert audit(frame, "Percent").group_column is None
