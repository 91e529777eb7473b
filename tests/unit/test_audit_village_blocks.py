"""A number named with a glued "num" (``villnum``) whose rows come one block per value, many
values in order, is a key: each village's respondents together. A dense "num" in any order
(rooms, a count) stays a number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _villages(seed: int, sort: bool = True) -> pd.DataFrame:
    """Respondents of 110 of 130 villages, 3 to 40 each, village by village."""
    rng = np.random.default_rng(seed)
    villages = np.sort(rng.choice(np.arange(1, 131), 110, replace=False))
    village = np.repeat(villages, rng.integers(3, 41, len(villages))).astype(float)
    near = rng.gamma(2, 1.2, len(villages))
    distance = near[np.searchsorted(villages, village)] + rng.normal(0, 0.3, len(village))
    incentive = rng.choice([0, 0.5, 1, 1.5, 2, 3], len(village))
    got = (incentive - 0.4 * distance + rng.normal(0, 1, len(village)) > 0).astype(int)
    frame = pd.DataFrame(
        {"villnum": village, "distvct": distance.round(3), "tinc": incentive, "got": got}
    )
    return frame if sort else frame.sample(frac=1, random_state=seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_village_number_written_village_by_village_is_the_entity(seed):
    report = audit(_villages(seed), "got")
    assert report.group_column == "villnum"
    assert report.folds.startswith("grouped")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_number_shuffled_is_no_named_key(seed):
    assert audit(_villages(seed, sort=False), "got").group_column is None
