"""Misses of the audit corpus batch 32, fixed on 5 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons import audit_screen as screen
from lessons.audit import audit

SEEDS = range(5)
CLASSES = ("Never", "Occas", "Regul", "Heavy")


def _students(seed: int, n: int = 236) -> pd.DataFrame:
    """A survey of students' smoking (4 classes, the heaviest 5 %), with a follow-up answered
    after the smoking question: cigarettes a day, and the same as packs a week."""
    rng = np.random.default_rng(seed)
    smoke = rng.choice(len(CLASSES), n, p=[0.8, 0.08, 0.07, 0.05])
    # Fewer than twenty distinct counts: the column is screened by its bins.
    cigs = np.minimum(rng.poisson(np.array([0.05, 1.2, 8.0, 20.0])[smoke]), 24)
    cigs = np.where(cigs > 14, cigs - cigs % 2, cigs)
    return pd.DataFrame(
        {
            "pulse": rng.normal(74, 11, n).round(),
            "height": rng.normal(172, 10, n).round(1),
            "exercise": rng.choice(["none", "some", "freq"], n),
            "cigs_per_day": cigs,
            "packs_per_week": (cigs * 7 / 20).round(2),
            "smoke": np.array(CLASSES)[smoke],
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_that_marks_rare_classes_is_found_beside_its_copy(seed):
    # Cigarettes a day marks the two rarest classes (12 % of the rows together) clearly, but
    # the smoothed class means of its bins never make a rare class the likeliest: scored on
    # the likeliest class alone, the column looked no better than guessing.
    report = audit(_students(seed), "smoke")
    leaks = [f for f in report.findings if f.kind == "target_leak"]
    assert any({"cigs_per_day", "packs_per_week"} & set(f.columns) for f in leaks), [
        (f.severity, f.columns) for f in report.findings
    ]
    assert not [f for f in leaks if {"pulse", "height", "exercise"} & set(f.columns)]


def test_a_rare_class_marked_by_one_bin_scores_above_chance_alone():
    rng = np.random.default_rng(0)
    y = rng.choice(3, 600, p=[0.9, 0.05, 0.05])
    target = screen.Target("multiclass", y, 3)
    # Class means of a column that puts every rare row in a bin of its own, shrunk to the
    # prior: the majority class stays the likeliest everywhere.
    prediction = np.tile([0.9, 0.05, 0.05], (600, 1)).astype(float)
    prediction[y == 1] = [0.6, 0.35, 0.05]
    prediction[y == 2] = [0.6, 0.05, 0.35]
    assert screen.score(prediction, target) == pytest.approx(1 / 3)
    assert screen.score_alone(prediction, target) == pytest.approx(1.0)
