"""Empty rows repeat no key (batch 72): a senate vote with the number of each senator's press
release welcoming the confirmation, "none" for every senator who voted against. The audit
reads "none" as empty; the 57 numbers are one a row, so the column is no repeated entity
(it was, on the 43 empty rows, and its grouping of the folds hid both leaks). A patient key
that does repeat, with some rows empty, is still the entity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv

SEEDS = range(3)


def _senate(seed: int, path) -> pd.DataFrame:
    """One row per senator: party, the state's opinion, the vote, the vote as text, and a
    release number held only by those who voted for."""
    rng = np.random.default_rng(seed)
    n = 100
    party = rng.choice(["D", "R"], n)
    vote = np.where(party == "R", rng.random(n) < 0.97, rng.random(n) < 0.1).astype(int)
    releases = rng.choice(np.arange(1000, 10000), n, replace=False)
    frame = pd.DataFrame(
        {
            "Senator": [f"Senator {i:03d}" for i in range(n)],
            "Party": party,
            "ConfVote": np.where(vote == 1, "Yea", "Nay"),
            "StateOpinion": rng.integers(55, 80, n),
            "Vote": vote,
            "support_release_no": np.where(vote == 1, [f"PR-06-{r}" for r in releases], "none"),
        }
    )
    file = path / "senate.csv"
    frame.to_csv(file, index=False)
    return load_csv(file, filename=file.name).frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_number_held_once_by_each_filled_row_is_no_entity(seed, tmp_path):
    frame = _senate(seed, tmp_path)
    report = audit(frame, "Vote")
    assert report.group_column is None
    assert not [f for f in report.findings if f.kind == "repeated_entity"]
    high = {
        c
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high"
        for c in f.columns
    }
    assert {"ConfVote", "support_release_no"} <= high


@pytest.mark.parametrize("seed", SEEDS)
def test_a_patient_key_that_repeats_is_the_entity_with_some_rows_empty(seed):
    rng = np.random.default_rng(seed)
    patients = rng.choice(np.arange(10_000, 99_999), 300, replace=False)
    visits = rng.integers(1, 5, 300)
    keys = np.repeat(patients, visits).astype(object)
    n = len(keys)
    # Each patient's own level: a model that recognises the patient learns it.
    level = dict(zip(patients, rng.normal(0, 1.5, 300), strict=True))
    risk = np.array([level[k] for k in keys]) + rng.normal(0, 0.5, n)
    keys[rng.random(n) < 0.1] = None
    frame = pd.DataFrame(
        {
            "patient_id": keys,
            "age": rng.integers(20, 80, n),
            "dose": rng.integers(1, 4, n),
            "readmitted": (risk > 0.5).astype(int),
        }
    )
    report = audit(frame, "readmitted")
    assert report.group_column == "patient_id"
