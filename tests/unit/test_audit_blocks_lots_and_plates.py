"""The blocks of a field trial, the lots and wafers of a production study, the runs and plates
of an assay are clusters of the design, like its sites and labs: a block's plots share their
soil, a run's wells their reagents. With the file written one cluster after another, folds
keep a cluster's rows together, from four blocks up. Numbered 1 to 11, a run was taken for a
nameless clock (the file is sorted by it); so were varieties 1 to 45 numbered again in each
block. The levels of a factor the study sets are no periods either. The same labels under
another name, or shuffled, stay categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _field_trial(seed: int, *, block: str = "block", shuffled: bool = False) -> pd.DataFrame:
    """Four blocks of 45 varieties each; the block's soil moves every plot's count."""
    rng = np.random.default_rng(seed)
    blocks, varieties = np.repeat(np.arange(4), 45), np.tile(np.arange(1, 46), 4)
    susceptible = rng.uniform(0.05, 0.9, 45)[varieties - 1]
    soil = rng.normal(0, 0.4, 4)[blocks]
    shoots = rng.integers(60, 140, len(blocks))
    odds = np.log(susceptible / (1 - susceptible)) + soil
    frame = pd.DataFrame(
        {
            block: np.array(list("ABCD"))[blocks],
            "variety": varieties,
            "pieces": rng.integers(5, 30, len(blocks)),
            "shoots": shoots,
            "diseased": rng.binomial(shoots, 1 / (1 + np.exp(-odds))),
        }
    )
    if shuffled:
        frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    return frame


def _assay(seed: int, *, run: str = "Run", letters: bool = False) -> pd.DataFrame:
    """Eleven runs (or 24 plates) of an assay: eight concentrations twice per run, the run's
    reagents shifting every reading of that run."""
    rng = np.random.default_rng(seed)
    count = 24 if letters else 11
    runs = np.repeat(np.arange(count), 16)
    conc = np.tile(np.repeat(0.05 * 2.0 ** np.arange(8), 2), count)
    shift = rng.normal(1, 0.08, count)[runs]
    density = 2 * conc / (1.5 + conc) * shift + rng.normal(0, 0.01, len(runs))
    labels = np.array([chr(ord("a") + k) for k in range(count)])[runs] if letters else runs + 1
    return pd.DataFrame({run: labels, "conc": conc, "density": density.round(3)})


def _wafers(seed: int) -> pd.DataFrame:
    """Ten wafers, eight sites on each, each site read at five voltages."""
    rng = np.random.default_rng(seed)
    wafers = np.repeat(np.arange(1, 11), 40)
    sites = np.tile(np.repeat(np.arange(1, 9), 5), 10)
    voltage = np.tile([0.8, 1.2, 1.6, 2.0, 2.4], 80)
    current = voltage**2 * 2.7 * rng.normal(1, 0.03, 10)[wafers - 1] + rng.normal(
        0, 0.05, len(wafers)
    )
    return pd.DataFrame(
        {"Wafer": wafers, "Site": sites, "voltage": voltage, "current": current.round(4)}
    )


def _time_order(report) -> list:
    return [f.columns for f in report.findings if f.kind == "time_order"]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("block", ["block", "Block", "lot", "block_id"])
def test_four_blocks_of_a_field_trial_are_the_entity(seed, block):
    report = audit(_field_trial(seed, block=block), "diseased")
    assert report.group_column == block
    # Varieties 1 to 45, again in each block, are treatments, not a clock.
    assert _time_order(report) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_blocks_not_written_block_by_block_are_categories(seed):
    assert audit(_field_trial(seed, shuffled=True), "diseased").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_four_labels_under_another_name_are_categories(seed):
    assert audit(_field_trial(seed, block="region"), "diseased").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("letters", [False, True])
def test_the_runs_or_plates_of_an_assay_are_the_entity_and_no_clock(seed, letters):
    name = "plate" if letters else "Run"
    report = audit(_assay(seed, run=name, letters=letters), "density")
    assert report.group_column == name
    assert _time_order(report) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_a_numbered_step_of_no_design_is_still_the_time_order(seed):
    # The same rows under a plain counter's name: the file is written in its order.
    report = audit(_assay(seed, run="step"), "density")
    assert _time_order(report) == [("step",)]


@pytest.mark.parametrize("seed", SEEDS)
def test_wafers_with_sites_numbered_inside_them_are_the_entity(seed):
    report = audit(_wafers(seed), "current")
    assert report.group_column == "Wafer"
    assert _time_order(report) == []
