"""A commune numbered 1 to 150, the survey file written commune by commune, is the cluster the
households were sampled in, not a clock: the entity, with no time order. The same numbers
under a name that is no place (a period index, "trend") stay the time order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _households(seed: int, column: str = "commune") -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = rng.integers(8, 30, 150)
    number = np.repeat(np.arange(1, 151), sizes)
    n = len(number)
    effect = rng.normal(0, 0.3, 150)[number - 1]
    spending = rng.normal(10, 0.6, n)
    return pd.DataFrame(
        {
            column: number,
            "hhsize": rng.integers(1, 10, n),
            "lntotal": spending.round(4),
            "lnfood": (0.7 * spending + effect + rng.normal(0, 0.2, n)).round(4),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_numbered_commune_the_file_is_written_by_is_the_entity(seed):
    report = audit(_households(seed), "lnfood")
    assert report.time_column is None
    assert report.group_column == "commune"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_numbers_named_as_a_period_index_stay_the_time_order(seed):
    assert audit(_households(seed, column="trend"), "lnfood").time_column == "trend"
