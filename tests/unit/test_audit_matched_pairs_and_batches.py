"""Matched pairs and numbered batches (batches 49 and 64): a pair number of a matched-pairs
trial, each pair on two rows and the file written pair by pair, is the entity and not the
time order; batches of paste lettered A to J, three casks of three samples each, are the
entity, ahead of the casks inside them. A batch size (a count with gaps, spread unevenly)
under the same name is neither."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _pairs(seed: int, n_pairs: int = 21) -> pd.DataFrame:
    """Remission weeks of patients matched in pairs (a control and a treated patient each),
    every pair with a prognosis of its own."""
    rng = np.random.default_rng(seed)
    rows = []
    for pair in range(1, n_pairs + 1):
        prognosis = rng.lognormal(2, 0.6)
        for treat in ("control", "6-MP"):
            weeks = prognosis * (2.5 if treat == "6-MP" else 1) * rng.lognormal(0, 0.3)
            rows.append((pair, round(weeks), int(rng.random() < 0.8), treat))
    return pd.DataFrame(rows, columns=["pair", "time", "cens", "treat"])


@pytest.mark.parametrize("seed", SEEDS)
def test_the_pair_of_a_matched_pairs_trial_is_the_entity_not_the_clock(seed):
    report = audit(_pairs(seed), "time")
    assert (report.group_column, report.time_column) == ("pair", None)


def _paste(seed: int, *, sizes: bool = False) -> pd.DataFrame:
    """Strength of paste from ten batches (three casks, three samples per cask), each batch
    with a strength of its own, the cask written "A:a"; or, with ``sizes``, a batch size in
    kilograms."""
    rng = np.random.default_rng(seed)
    rows = []
    for batch in "ABCDEFGHIJ":
        level = 60 + rng.normal(0, 3)
        size = int(rng.choice([40, 55, 80, 120, 250]))
        for cask in ("a", "b", "c"):
            for _ in range(3):
                rows.append(
                    (size if sizes else batch, cask, f"{batch}:{cask}", level + rng.normal(0, 1))
                )
    frame = pd.DataFrame(rows, columns=["batch", "cask", "sample", "strength"]).round(2)
    if sizes:
        frame = frame.drop(columns="sample").sample(frac=1, random_state=seed)
    return frame.reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_batches_written_batch_by_batch_are_the_entity_ahead_of_their_casks(seed):
    assert audit(_paste(seed), "strength").group_column == "batch"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_batch_size_is_no_entity(seed):
    assert audit(_paste(seed, sizes=True), "strength").group_column is None
