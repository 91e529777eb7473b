"""Survival tables name an end point's two columns with one stem: its time and its status
("pgtime" and "pgstat", "futime" and "fustat"). Beside the status as the target, the time
runs until the event (or the end of follow-up where it did not happen): it is asked about,
even though "pgtime" reads as no duration word. Not when the time does not differ between
the classes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _patients(seed: int, *, time: str, status: str, honest: bool = False) -> pd.DataFrame:
    """300 patients followed up to 15 years: progression comes sooner for higher grades."""
    rng = np.random.default_rng(seed)
    n = 300
    grade = rng.integers(1, 5, n)
    progression = rng.exponential(40 / grade)
    censoring = rng.uniform(2, 15, n)
    event = (progression < censoring).astype(int)
    follow_up = np.minimum(progression, censoring)
    return pd.DataFrame(
        {
            "age": rng.integers(45, 80, n),
            "grade": grade,
            "ploidy": rng.choice(["diploid", "tetraploid", "aneuploid"], n),
            time: (rng.uniform(2, 15, n) if honest else follow_up).round(1),
            status: event,
        }
    )


def _asked(report, column: str) -> bool:
    return any(f.kind == "target_leak" and column in f.columns for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("time", "status"), [("pgtime", "pgstat"), ("OS.months", "OS.status")])
def test_the_time_of_the_targets_own_end_point_is_asked_about(seed, time, status):
    assert _asked(audit(_patients(seed, time=time, status=status), status), time)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_time_that_does_not_differ_by_class_is_let_through(seed):
    frame = _patients(seed, time="pgtime", status="pgstat", honest=True)
    assert not _asked(audit(frame, "pgstat"), "pgtime")
