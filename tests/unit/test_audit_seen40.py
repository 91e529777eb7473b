"""A numbered place inside another (a state's congressional districts 1, 2, 3 ..., the file
written state by state) keys the rows with the state as a diary's day keys them with its
subject, but it is no clock: no time order, and no time-ordered folds. A day counted inside
each subject still is one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _districts(seed: int, column: str = "district") -> pd.DataFrame:
    """An election's incumbents in contested races, one row per district, states in order
    (postal codes), districts numbered inside each state, most of them left out (no race)."""
    rng = np.random.default_rng(seed)
    codes = sorted({"".join(rng.choice(list("ACDEGHIKLMNORSTUVWY"), 2)) for _ in range(60)})
    rows = []
    for state in codes[:36]:
        seats = rng.integers(1, 45)
        kept = [number for number in range(1, seats + 1) if rng.random() < 0.35] or [1]
        rows.extend((state, number) for number in kept)
    frame = pd.DataFrame(rows, columns=["state", column])
    n = len(frame)
    frame["vote88"] = rng.normal(65, 10, n).round()
    frame["spending"] = rng.gamma(3, 1e5, n).round()
    frame["vote90"] = (0.5 * frame["vote88"] + 30 + rng.normal(0, 6, n)).round()
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_districts_numbered_inside_each_state_are_no_clock(seed):
    report = audit(_districts(seed), "vote90")
    assert report.time_column is None
    assert not report.folds.startswith("time-ordered")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_day_counted_inside_each_subject_is_still_the_clock(seed):
    frame = _districts(seed, column="day")
    assert audit(frame, "vote90").time_column == "day"
