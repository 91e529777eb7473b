"""Two keys of a panel: a tree's seed source, the file written tree by tree (its heights at
six ages together), and the tree's rank among all trees at each age, which also keys the
rows with the age. The file's own blocks say which one is followed over time: the seed. The
rank ranks below it whatever its name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
AGES = np.array([3, 5, 10, 15, 20, 25])


def _pines(seed: int, *, rank: str = "height_rank_at_age") -> pd.DataFrame:
    """14 trees measured at six ages; each tree grows at its own rate."""
    rng = np.random.default_rng(seed)
    trees = np.repeat(np.arange(14), len(AGES))
    ages = np.tile(AGES, 14)
    vigour = rng.normal(1, 0.08, 14)[trees]
    height = (60 * vigour * (1 - np.exp(-0.07 * ages)) + rng.normal(0, 0.4, len(ages))).round(2)
    frame = pd.DataFrame(
        {
            "height": height,
            "age": ages,
            "Seed": 301 + 2 * trees,
            "width": (0.1 * height + rng.normal(0, 1, len(ages))).round(1),
        }
    )
    frame[rank] = frame.groupby("age")["height"].rank(method="first").astype(int)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("rank", ["height_rank_at_age", "rank", "Standing"])
def test_the_key_the_file_is_written_by_is_the_entity(seed, rank):
    assert audit(_pines(seed, rank=rank), "height").group_column == "Seed"
