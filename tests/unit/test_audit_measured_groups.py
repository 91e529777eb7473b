"""A fumigation trial over two seasons: 17 chambers numbered 1 to 17 (a cultivar each), each
run at five or six doses, the file written chamber by chamber; each chamber's control mortality (a measurement of its own,
repeated on each of its rows) moves every mortality in it. Under any name, numbered groups in
the file's order that carry their own measurement are the unit the rows share. Without the
measurement, or with the rows shuffled, the numbers stay a number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _chambers(seed: int, *, measured: bool = True, shuffled: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = rng.choice([5, 6], 17)
    group = np.repeat(np.arange(1, 18), sizes)
    n = len(group)
    control = rng.uniform(0.05, 0.35, 17).round(4)
    dose = np.concatenate(
        [np.sort(rng.choice([4, 8, 12, 16, 20, 24, 28, 32], k, replace=False)) for k in sizes]
    )
    odds = -3 + 0.12 * dose + 4 * control[group - 1]
    frame = pd.DataFrame(
        {
            "gp": group,
            "cultivar": np.array(["ROYAL", "GRANNY", "FUJI", "BRAEBURN"])[(group - 1) % 4],
            "year": np.where(group <= 9, 1988, 1989),
            "dose": dose,
            "tot": rng.integers(600, 1000, n),
            "mortality": (1 / (1 + np.exp(-odds)) + rng.normal(0, 0.03, n)).clip(0, 1).round(4),
        }
    )
    if measured:
        frame.insert(2, "control_mortality", control[group - 1])
    if shuffled:
        frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_groups_with_a_measurement_of_their_own_are_the_entity(seed):
    assert audit(_chambers(seed), "mortality").group_column == "gp"


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_groups_without_one_stay_a_number(seed):
    assert audit(_chambers(seed, measured=False), "mortality").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_groups_shuffled_stay_a_number(seed):
    assert audit(_chambers(seed, shuffled=True), "mortality").group_column is None
