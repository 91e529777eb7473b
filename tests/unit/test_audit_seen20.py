"""Misses of the audit corpus batch 20, fixed on 4 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _leak_findings(report, column):
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and column in f.columns and f.severity in ("high", "medium")
    ]


def _exam_scores(seed: int, n: int = 1500) -> pd.DataFrame:
    """Pupils with an attainment score of 1 to 10 (whole numbers, so read as ten classes), two
    honest tests taken before it, and the exam awards the score is built from (a noisy step
    of it, 0 to 8)."""
    rng = np.random.default_rng(seed)
    verbal = rng.normal(0, 1, n)
    social = rng.integers(0, 3, n)
    latent = 0.6 * verbal - 0.2 * social + rng.normal(0, 0.8, n)
    attain = np.clip(np.round(5.5 + 2.2 * latent), 1, 10).astype(int)
    awards = np.clip(np.round((attain - 1) * 8 / 9 + rng.normal(0, 0.9, n)), 0, 8)
    return pd.DataFrame(
        {"verbal": verbal.round(1), "social": social, "awards": awards, "attain": attain}
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_column_built_from_an_ordered_score_is_asked_about_even_when_read_as_classes(seed):
    # Ten ordered whole numbers are read as classes; balanced accuracy over ten classes hides
    # a column that tracks the score's numbers (R² about 0.85 alone).
    report = audit(_exam_scores(seed), "attain")
    assert report.task == "multiclass"
    found = _leak_findings(report, "awards")
    assert found, [f.columns for f in report.findings]
    assert found[0].evidence["score_name"] == "R²"
    assert not _leak_findings(report, "verbal")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_strong_honest_column_of_an_ordered_score_is_not_asked_about(seed):
    # A mock exam taken before the final one tracks it well (R² about 0.7), not most of it.
    frame = _exam_scores(seed).drop(columns="awards")
    rng = np.random.default_rng(seed + 100)
    frame["mock_exam"] = (frame["attain"] + rng.normal(0, 1.5, len(frame))).round(1)
    report = audit(frame, "attain")
    assert not _leak_findings(report, "mock_exam")


def _sore_throats(seed: int, n: int = 400) -> pd.DataFrame:
    """A trial: sore throat at 30 minutes is the target; the pain on swallowing is scored at
    the same moment, the pain at rest again at 90 minutes and at 4 hours (after the outcome),
    and a cough at 10 minutes (before it)."""
    rng = np.random.default_rng(seed)
    treat = rng.integers(0, 2, n)
    age = rng.integers(20, 80, n)
    pain = np.clip(rng.normal(1.2 - 0.8 * treat, 1.2, n), 0, None)
    sore = (pain > 1.0).astype(int)
    later = np.clip(np.round(pain * 0.8 + rng.normal(0, 0.6, n)), 0, 10)
    much_later = np.clip(np.round(pain * 0.4 + rng.normal(0, 0.8, n)), 0, 10)
    swallowing = np.clip(np.round(pain * 1.5 + rng.normal(0, 0.4, n)), 0, 10)
    cough = np.clip(np.round(0.3 * pain + rng.normal(0, 0.8, n)), 0, 3)
    return pd.DataFrame(
        {
            "treat": treat,
            "age": age,
            "pacu10min_cough": cough,
            "pacu30min_swallowPain": swallowing,
            "pacu90min_throatPain": later,
            "postOp4hour_throatPain": much_later,
            "sore_throat_30min": np.where(sore == 1, "yes", "no"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_measurement_taken_after_the_targets_moment_is_asked_about(seed):
    # The 90-minute score alone reaches ROC AUC about 0.85: strong, not near-perfect, and the
    # 30-minute swallowing score carries the same signal, so no strength rule fired. Its
    # name says it is taken an hour after the outcome.
    report = audit(_sore_throats(seed), "sore_throat_30min")
    found = _leak_findings(report, "pacu90min_throatPain")
    assert found, [(f.columns, f.severity) for f in report.findings]
    assert found[0].evidence["moments"] == {"column": "90 min", "target": "30 min"}
    assert not _leak_findings(report, "pacu10min_cough")
    assert not _leak_findings(report, "age")
