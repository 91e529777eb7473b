"""Litters numbered 1 to 50, the file written litter by litter: a counter from 1 with every
value present and the file sorted by it looked like a nameless clock, so the litters became
the time order and the follow-up beside the tumour flag was never screened. A column named as
a cluster or as the unit a study observes numbers things, not periods; and a cluster's numbers
with the file written one block per value, fifty of them, are the unit the file is filed by,
the entity (as a numbered place or thing already was)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _rats(seed: int, *, litter: str = "litter") -> pd.DataFrame:
    """50 litters of three rats, one treated; a tumour comes sooner for the treated and for
    frail litters, and follow-up ends at the tumour or at 104 weeks."""
    rng = np.random.default_rng(seed)
    litters = np.repeat(np.arange(1, 51), 3)
    treated = np.tile([1, 0, 0], 50)
    frailty = rng.normal(0, 0.5, 50)[litters - 1]
    onset = rng.exponential(150 * np.exp(-0.8 * treated - frailty))
    tumour = (onset < 104).astype(int)
    return pd.DataFrame(
        {
            litter: litters,
            "trt": treated,
            "weight_g": rng.normal(210, 15, 150).round(),
            "time": np.minimum(onset, 104).round(),
            "tumor": tumour,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("litter", ["litter", "subject"])
def test_numbered_litters_are_the_entity_not_the_time_order(seed, litter):
    report = audit(_rats(seed, litter=litter), "tumor")
    assert report.time_column != litter
    assert report.group_column == litter
    assert any(f.kind == "target_leak" and "time" in f.columns for f in report.findings)
