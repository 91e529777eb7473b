"""A field left empty for a few of many classes and filled for most of the others (three of
eight chains publish no vitamins) is a gap in those classes' records: a question, not a high
leak. A field filled in for a few classes only stays high (here, and the gas meter's year of
tests/unit/test_audit_seen14.py, filled for two of five heating choices)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CHAINS = (
    "Arbys",
    "Burger King",
    "Chick Fil-A",
    "Dairy Queen",
    "Mcdonalds",
    "Sonic",
    "Subway",
    "Taco Bell",
)


def _menus(seed: int) -> pd.DataFrame:
    """Menu items of eight chains with their nutrition facts; three chains publish no
    vitamins or calcium."""
    rng = np.random.default_rng(seed)
    n = 520
    chain = rng.choice(len(CHAINS), n)
    calories = rng.gamma(4, 140, n) + 60 * chain
    frame = pd.DataFrame(
        {
            "calories": calories.round(),
            "total_fat": (calories * rng.uniform(0.03, 0.06, n)).round(),
            "sodium": (calories * rng.uniform(1.5, 3, n) + 100 * (chain % 3)).round(),
            "protein": (calories * rng.uniform(0.03, 0.07, n)).round(),
        }
    )
    silent = np.isin(chain, [0, 4, 5])
    for name, scale in (("vit_a", 20), ("vit_c", 15), ("calcium", 20)):
        frame[name] = np.where(silent, np.nan, rng.gamma(2, scale / 2, n).round())
    frame["restaurant"] = np.array(CHAINS)[chain]
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_fields_left_empty_for_a_few_classes_are_questions(seed):
    report = audit(_menus(seed), "restaurant")
    empty = [f for f in report.findings if f.kind == "target_leak" and "vit_c" in f.columns]
    assert empty and all(f.severity == "medium" for f in empty)
    assert not any(
        f.kind == "target_leak"
        and f.severity == "high"
        and {"vit_a", "vit_c", "calcium"} & set(f.columns)
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_in_for_a_few_classes_stays_high(seed):
    """The same emptiness turned round: a complaint code filled in only for three chains'
    items, the ones that were reported, after the fact."""
    frame = _menus(seed)
    frame["complaint_score"] = np.where(frame["vit_c"].isna(), frame["calories"] % 7 + 1, np.nan)
    frame = frame.drop(columns=["vit_a", "vit_c", "calcium"])
    report = audit(frame, "restaurant")
    assert any(
        f.kind == "target_leak" and f.severity == "high" and "complaint_score" in f.columns
        for f in report.findings
    )
