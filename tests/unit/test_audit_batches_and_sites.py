"""Units of a designed experiment named as such: the batch a cake's batter came from (45
batches coded A01 ... C15, six cakes each, one per oven temperature) and the site of a field
trial (eight sites of 36 plots each, the file written site by site). Each is the entity:
rows of one batch or one site answer alike, so folds must keep them together. The same
columns under other names stay categories, unless the design shows them as units."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _cakes(seed: int, *, batch: str = "batch") -> pd.DataFrame:
    """Three recipes, 15 batches of batter each, six cakes a batch baked at six temperatures;
    the angle at which a cake breaks depends mostly on its batch."""
    rng = np.random.default_rng(seed)
    recipes = np.repeat(np.arange(3), 15 * 6)
    replicate = np.tile(np.repeat(np.arange(1, 16), 6), 3)
    temp = np.tile(np.arange(175, 235, 10), 45)
    batches = np.repeat(np.arange(45), 6)
    effect = rng.normal(0, 7, 45)[batches]
    return pd.DataFrame(
        {
            batch: [f"{'ABC'[r]}{p:02d}" for r, p in zip(recipes, replicate, strict=True)],
            "recipe": np.array(list("ABC"))[recipes],
            "temp": temp,
            "angle": (32 + 0.15 * (temp - 175) + effect + rng.normal(0, 4, 270)).round(),
        }
    )


def _plots(seed: int, *, site: str = "site", shuffled: bool = False) -> pd.DataFrame:
    """Eight trial sites of 36 plots each, 12 fertiliser treatments three times a site; the
    yield depends mostly on the site."""
    rng = np.random.default_rng(seed)
    sites = np.repeat(np.arange(8), 36)
    # Each site lays its treatments out at random over its plots, three plots each.
    treatment = np.concatenate([rng.permutation(np.repeat(np.arange(12), 3)) for _ in range(8)])
    frame = pd.DataFrame(
        {
            site: np.array(["DBAN", "LFAN", "NSAN", "ORAN", "OVAN", "TEAN", "WEAN", "WLAN"])[sites],
            "plot": np.tile(np.arange(1, 37), 8),
            "trt": np.array([0, 2, 11, 22, 31, 111, 112, 121, 211, 222, 311, 312])[treatment],
            "harvwt": (
                3 + rng.normal(0, 1.2, 8)[sites] + 0.1 * treatment + rng.normal(0, 0.5, 288)
            ).round(2),
        }
    )
    if shuffled:
        frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_the_batches_of_an_experiment_are_the_entity(seed):
    report = audit(_cakes(seed), "angle")
    assert report.group_column == "batch"
    assert "'batch'" in report.folds


@pytest.mark.parametrize("seed", SEEDS)
def test_short_codes_not_named_as_batches_are_categories_without_a_factor_above_them(seed):
    # Under another name, the codes are the units only as a design shows them: each under
    # every temperature once, inside one recipe (test_audit_repeated_measures_codes.py).
    cakes = _cakes(seed, batch="mix")
    assert audit(cakes.drop(columns="recipe"), "angle").group_column is None
    assert audit(cakes, "angle").group_column == "mix"


@pytest.mark.parametrize("seed", SEEDS)
def test_the_sites_a_trial_file_is_written_by_are_the_entity(seed):
    assert audit(_plots(seed), "harvwt").group_column == "site"


@pytest.mark.parametrize("seed", SEEDS)
def test_sites_not_written_site_by_site_are_categories(seed):
    assert audit(_plots(seed, shuffled=True), "harvwt").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_eight_labels_not_named_as_sites_are_categories(seed):
    assert audit(_plots(seed, site="soil"), "harvwt").group_column is None
