"""The laboratories of an interlaboratory study and the centres of a multi-centre trial are
clusters of its design, like the sites of a field trial: each lab's analyses share its bias,
so folds keep a lab's rows together when the file is written lab by lab, or in any order
when every lab analyses every specimen the same number of times. The same labels under a
design factor's name, or drawn at random and shuffled, stay categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _analyses(seed: int, *, lab: str = "Lab", shuffled: bool = False) -> pd.DataFrame:
    """Six labs analyse seven specimens in three batches, each analysis twice; a lab's bias
    moves all its readings, the specimen sets most of the concentration."""
    rng = np.random.default_rng(seed)
    labs = np.repeat(np.arange(6), 7 * 3 * 2)
    specimens = np.tile(np.repeat(np.arange(7), 3 * 2), 6)
    batches = np.tile(np.repeat(np.arange(3), 2), 6 * 7)
    level = np.array([0.3, 0.6, 1.1, 2.0, 3.5, 5.0, 8.0])[specimens]
    bias = rng.normal(0, 0.15, 6)[labs]
    frame = pd.DataFrame(
        {
            lab: [f"L{k + 1}" for k in labs],
            "Spc": [f"S{k + 1}" for k in specimens],
            "Bat": [f"B{k + 1}" for k in batches],
            "Conc": (level * (1 + bias) + rng.normal(0, 0.05, len(labs))).round(2),
        }
    )
    if shuffled:
        frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lab", ["Lab", "laboratory", "centre_id", "Center"])
def test_the_labs_an_interlaboratory_file_is_written_by_are_the_entity(seed, lab):
    assert audit(_analyses(seed, lab=lab), "Conc").group_column == lab


@pytest.mark.parametrize("seed", SEEDS)
def test_labs_of_a_complete_design_in_any_row_order_are_the_entity(seed):
    """Reversed on 7 December (seventh session), as a strict review of session 49 asked:
    every lab analyses every specimen the same number of times, so the labs are the blocks
    of the design whatever the file's order."""
    assert audit(_analyses(seed, shuffled=True), "Conc").group_column == "Lab"


@pytest.mark.parametrize("seed", SEEDS)
def test_labs_drawn_at_random_and_not_written_lab_by_lab_are_categories(seed):
    frame = _analyses(seed, shuffled=True)
    frame["Lab"] = [f"L{k}" for k in np.random.default_rng(seed).integers(1, 7, len(frame))]
    assert audit(frame, "Conc").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_six_labels_named_as_a_method_are_categories(seed):
    assert audit(_analyses(seed, lab="method"), "Conc").group_column is None
