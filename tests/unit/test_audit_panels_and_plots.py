"""Entities of small designed experiments (batches 63 and 66): the tasters of a sensory panel,
lettered a to x, and the plots of a field trial, four vines each, are the units to group the
folds by; a label of the same shape under another name, or rows not written plot by plot,
are not."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
LETTERS = [chr(ord("a") + i) for i in range(24)]


def _tasting(seed: int, label: str = "panelist") -> pd.DataFrame:
    """24 tasters each rate three of four products once, each with a use of the scale of
    their own (means far apart), rows in no particular order."""
    rng = np.random.default_rng(seed)
    rows = []
    for taster in LETTERS:
        offset = rng.normal(0, 25)
        for product in rng.choice(["298", "493", "649", "937"], 3, replace=False):
            effect = {"298": -20, "493": 0, "649": 10, "937": 25}[product]
            rows.append(
                (taster, product, np.clip(70 + offset + effect + rng.normal(0, 10), 0, 150))
            )
    frame = pd.DataFrame(rows, columns=[label, "product", "aftertaste"]).round(1)
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_tasters_of_a_panel_are_the_entity(seed):
    assert audit(_tasting(seed), "aftertaste").group_column == "panelist"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_label_of_the_same_shape_not_named_as_a_taster_is_no_entity(seed):
    assert audit(_tasting(seed, label="variety"), "aftertaste").group_column is None


def _vines(seed: int, *, plot_by_plot: bool = True, vines: int = 4) -> pd.DataFrame:
    """Twelve plots (three blocks x four shading periods) of ``vines`` vines each, every
    plot with a yield level of its own, written plot by plot as a field book is."""
    rng = np.random.default_rng(seed)
    rows = []
    for block in ("east", "north", "west"):
        for shade in ("none", "Aug2Dec", "Dec2Feb", "Feb2May"):
            level = 100 + rng.normal(0, 8) - (10 if shade == "Dec2Feb" else 0)
            for _ in range(vines):
                rows.append((shade, block, f"{block}.{shade}", level + rng.normal(0, 4)))
    frame = pd.DataFrame(rows, columns=["shade", "block", "plot", "yield"]).round(2)
    if not plot_by_plot:
        frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_plots_of_four_vines_written_plot_by_plot_are_the_entity(seed):
    assert audit(_vines(seed), "yield").group_column == "plot"


@pytest.mark.parametrize("seed", SEEDS)
def test_plots_of_three_vines_are_too_small_to_tell(seed):
    assert audit(_vines(seed, vines=3), "yield").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_plot_labels_in_shuffled_rows_are_no_cluster(seed):
    """Twelve labels of four rows in no order are a crossing of the design's two factors
    as easily as twelve plots."""
    assert audit(_vines(seed, plot_by_plot=False), "yield").group_column is None
