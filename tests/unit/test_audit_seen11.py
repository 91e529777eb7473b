"""The false high leaks that the audit corpus's batch 11 showed, each on a small synthetic
table of its shape: a trait of a few entities that splits the target's range, and an honest
column that shares its signal with a band named like the target."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit


def _rats(seed: int) -> pd.DataFrame:
    """Sixteen rats weighed eleven times; the eight on diet 1 are the small ones."""
    rng = np.random.default_rng(seed)
    rows = []
    days = [1, 8, 15, 22, 29, 36, 43, 44, 50, 57, 64]
    for rat in range(1, 17):
        diet = 1 if rat <= 8 else (2 if rat <= 12 else 3)
        start = rng.normal(250, 10) if diet == 1 else rng.normal(480, 40)
        for day in days:
            rows.append((round(start * (1 + 0.002 * day) + rng.normal(0, 4)), day, rat, diet))
    frame = pd.DataFrame(rows, columns=["weight", "Time", "Rat", "Diet"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


def _leak_findings(report, column: str) -> list:
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_trait_of_a_few_entities_that_splits_the_target_is_a_question(seed):
    """No overlap between the diets' weights, but only 8 and 8 rats: a medium question that
    says so, never a high leak; and the rat's number is never multiplied with it."""
    report = audit(_rats(seed), "weight")
    assert report.group_column == "Rat"
    findings = _leak_findings(report, "Diet")
    assert findings, "the cut is still asked about"
    assert all(f.severity == "medium" for f in findings)
    assert any("only 8 and 8 entities" in f.message for f in findings)
    assert not _leak_findings(report, "Rat")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_same_cut_over_many_entities_stays_high(seed):
    """A band of the target over 200 patients, each seen three times, is a band."""
    rng = np.random.default_rng(seed)
    patients = np.repeat(np.arange(200), 3)
    frame = pd.DataFrame(
        {
            "patient": patients,
            "visit": np.tile([1, 2, 3], 200),
            "dose": rng.uniform(1, 10, len(patients)).round(2),
        }
    )
    frame["level"] = (frame["dose"] + rng.normal(0, 15, len(frame))).round(1)
    frame["band"] = pd.cut(
        frame["level"],
        [-np.inf, *frame["level"].quantile([0.6, 0.85]), np.inf],
        labels=["normal", "raised", "high"],
    ).astype(str)
    report = audit(frame, "level")
    assert report.group_column == "patient"
    findings = _leak_findings(report, "band")
    assert any(
        f.severity == "high" and "cut of the target" in f.evidence["check"] for f in findings
    )


def _occupations(seed: int) -> pd.DataFrame:
    """102 occupations: prestige follows education and income; a grade band of prestige is
    planted beside them."""
    rng = np.random.default_rng(seed)
    n = 102
    education = rng.uniform(6, 16, n).round(2)
    income = (rng.lognormal(8.8, 0.5, n)).round()
    frame = pd.DataFrame({"education": education, "income": income})
    frame["prestige"] = (4 * education + 0.001 * income + rng.normal(0, 6, n)).round(1)
    frame["prestige_grade"] = pd.cut(
        frame["prestige"], [-np.inf, 30, 40, 50, 60, np.inf], labels=list("EDCBA")
    ).astype(str)
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_an_honest_column_that_shares_a_bands_signal_is_not_called_a_leak(seed):
    report = audit(_occupations(seed), "prestige")
    high = [
        c
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high"
        for c in f.columns
    ]
    assert "prestige_grade" in high
    assert "education" not in high
