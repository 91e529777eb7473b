"""A matched litter design: three rats of each of 50 litters, one treated and two controls, the
file written arm by arm (every treated rat, then every control). The litters numbered 1 to 50
are the clusters of the design in any row order: their rats share a mother. The time to a
tumour, or to the end of follow-up, beside a target named as the tumour, is asked about as a
follow-up. A litter size (a count with gaps) stays a number, and a shuffled column of litter
numbers named otherwise stays no entity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit.judge import named_as_a_follow_up

SEEDS = range(3)


def _rats(seed: int, *, litter: str = "litter") -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    litters = np.tile(np.arange(1, 51), 3)
    treated = np.repeat([1, 0, 0], 50)
    mother = rng.normal(0, 1.2, 50)[litters - 1]
    tumour = rng.random(150) < 1 / (1 + np.exp(-(-1.2 + 0.9 * treated + mother)))
    # Most rats without a tumour reach the study's end at 104 weeks; some die of other causes.
    censored = np.where(rng.random(150) < 0.7, 104, rng.integers(50, 104, 150))
    weeks = np.where(tumour, rng.integers(40, 105, 150), censored)
    return pd.DataFrame(
        {litter: litters, "trt": treated, "time": weeks, "tumor": tumour.astype(int)}
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_litters_numbered_1_to_50_are_the_entity_in_any_order(seed):
    assert audit(_rats(seed), "tumor").group_column == "litter"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_time_to_a_tumour_is_asked_about(seed):
    report = audit(_rats(seed), "tumor")
    assert any(
        f.kind == "target_leak" and f.columns == ("time",) and f.severity != "low"
        for f in report.findings
    )


@pytest.mark.parametrize("target", ["tumor", "tumour", "Tumor_present"])
def test_a_time_beside_a_tumour_is_named_as_a_follow_up(target):
    # On the corpus's rat study, with the litters grouped, only this name gate asks about it.
    assert named_as_a_follow_up("time", target)
    assert not named_as_a_follow_up("tumor_size", target)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_numbers_named_as_a_measurement_are_no_entity(seed):
    assert audit(_rats(seed, litter="weight_g"), "tumor").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_litter_size_is_a_count_not_a_cluster(seed):
    # Sows' litter sizes, 1 to 40 piglets, one row a sow: every size present, but no size is
    # a group of rows the way a litter's rats are.
    rng = np.random.default_rng(seed)
    sizes = np.r_[np.arange(1, 41), rng.integers(1, 41, 160)]
    frame = pd.DataFrame(
        {
            "litter": sizes,
            "parity": rng.integers(1, 8, 200),
            "weaned": rng.binomial(sizes, 0.85),
        }
    )
    assert audit(frame, "weaned").group_column is None
