"""A repeated-measures design with a cell missing (batch 76's ergonomic stools): nine subjects,
each rating the effort of four stools once. The effort's values are few whole numbers, read as
classes, and a class held by one row only is set aside, so one subject kept three stools: the
rule that each subject sees every level once failed on that cell, and the subjects were not
the entity. A few missing cells (at most 5 % of the grid) no longer hide the design; a grid
missing a third of its cells is no design to read."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _ratings(seed: int, dropped: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    subjects = 12
    rows = [
        {
            "effort": round(10 + 2 * stool + rng.normal(0, 1.5) + subject_level, 1),
            "Type": f"T{stool + 1}",
            "Subject": subject + 1,
        }
        for subject, subject_level in enumerate(rng.normal(0, 2, subjects))
        for stool in range(4)
    ]
    frame = pd.DataFrame(rows)
    return frame.drop(index=rng.choice(len(frame), dropped, replace=False)).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_subjects_with_a_session_missed_are_still_the_entity(seed):
    assert audit(_ratings(seed, dropped=2), "effort").group_column == "Subject"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_grid_missing_a_third_of_its_cells_is_no_design(seed):
    assert audit(_ratings(seed, dropped=16), "effort").group_column is None
