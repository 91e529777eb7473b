"""The blocks of a complete block design, whatever the file's order (batch 78's alfalfa
split-plot trial, batch 63's soil samples): six blocks numbered 1 to 6, each holding every
variety at every cutting date once, the file written variety by variety. A cluster named as
one needed its rows written in one run each, so the blocks were no entity and a random split
put every block on both sides. Blocks numbered in Roman numerals ("I" to "VI", as agronomy
files write them) are the same blocks. Counter-cases: blocks drawn at random (uneven cells) are no
design, tumour sites named as words, crossed once with the sexes and age bands, are kinds
of cancer, not clusters, and nor are tumour stages written I to IV."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
DATES = ["none", "S1", "S20", "O7"]
ROMAN = ["I", "II", "III", "IV", "V", "VI"]


def _split_plot(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    fertility = rng.normal(0, 0.25, 7)
    rows = [
        {
            "Variety": variety,
            "Date": date,
            "Block": block,
            "Yield": round(1.6 + 0.1 * v + 0.15 * d + fertility[block] + rng.normal(0, 0.12), 2),
        }
        for v, variety in enumerate(["Ladak", "Cossack", "Ranger"])
        for block in range(1, 7)
        for d, date in enumerate(DATES)
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_blocks_each_holding_every_treatment_are_the_entity(seed):
    assert audit(_split_plot(seed), "Yield").group_column == "Block"


@pytest.mark.parametrize("numerals", [ROMAN, [n.lower() for n in ROMAN]])
@pytest.mark.parametrize("seed", SEEDS)
def test_blocks_numbered_in_roman_numerals_are_the_entity(seed, numerals):
    frame = _split_plot(seed)
    frame["Block"] = [numerals[block - 1] for block in frame["Block"]]
    assert audit(frame, "Yield").group_column == "Block"


@pytest.mark.parametrize("seed", SEEDS)
def test_blocks_drawn_at_random_are_no_design(seed):
    rng = np.random.default_rng(seed)
    frame = _split_plot(seed)
    frame["Block"] = rng.integers(1, 7, len(frame))
    assert audit(frame, "Yield").group_column is None


@pytest.mark.parametrize(
    "column, kinds",
    [
        ("site", ["colon", "lung", "skin", "stomach", "liver", "brain"]),
        ("stage", ROMAN[:4]),
    ],
)
@pytest.mark.parametrize("seed", SEEDS)
def test_tumour_sites_or_stages_crossed_with_sex_are_kinds(seed, column, kinds):
    """Sites named as words, or stages written I to IV, crossed once with the sexes and age
    bands: kinds of cancer, not clusters."""
    rng = np.random.default_rng(seed)
    rows = [
        {
            column: kind,
            "sex": sex,
            "age_band": band,
            "rate": round(float(rng.gamma(4, 5 + 3 * i + 2 * b)), 1),
        }
        for i, kind in enumerate(kinds)
        for sex in ("F", "M")
        for b, band in enumerate(["0-39", "40-59", "60-79", "80+"])
    ]
    frame = pd.DataFrame(rows).sample(frac=1, random_state=seed).reset_index(drop=True)
    assert audit(frame, "rate").group_column is None
