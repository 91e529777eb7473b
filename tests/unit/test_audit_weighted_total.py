"""A weighted total beside one of its parts (batch 79's firefighter exams): the combined
score is 60 % of the written exam (the target) and 40 % of the oral, so the written score
is 1.67 x combined - 0.67 x oral exactly. The pair search named both at high, and the oral
exam, a separate examination known before the outcome, was a false high. The data cannot
tell which member was derived: the combined score from the target, or the oral's from an
honest combined score. A question about both, as a rate times a count is; the combined
score stays flagged. A plain difference (a spread of two poll shares) is a bookkeeping
identity and stays high."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import promotion_exams

SEEDS = range(3)


def _leaks(report, column):
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_weighted_total_and_its_other_part_are_a_question_not_a_high_on_the_part(seed):
    report = audit(promotion_exams(seed), "Written")
    assert not [f for f in _leaks(report, "Oral") if f.severity == "high"]
    pair = [f for f in _leaks(report, "Oral") if "Combine" in f.columns]
    assert pair and pair[0].severity == "medium"
    assert pair[0].evidence["check"] == "pair search (weighted sum)"
    assert pair[0].message.startswith("Is 'Combine' or 'Oral' computed from the target?")
    assert "a weighted total beside one of its parts" in pair[0].advice


@pytest.mark.parametrize("seed", SEEDS)
def test_a_spread_of_two_shares_stays_high(seed):
    rng = np.random.default_rng(seed)
    n = 120
    remain = np.round(rng.uniform(0.35, 0.55, n), 3)
    leave = np.round(rng.uniform(0.35, 0.55, n), 3)
    frame = pd.DataFrame(
        {
            "pollster": rng.choice(["A", "B", "C", "D"], n),
            "samplesize": rng.integers(800, 3000, n),
            "remain": remain,
            "leave": leave,
            "spread": np.round(remain - leave, 3),
        }
    )
    report = audit(frame, "spread")
    assert [f for f in _leaks(report, "remain") if f.severity == "high"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_weighted_total_named_like_the_target_is_named_alone_and_its_part_kept(seed):
    """The course score (half final, half midterm) shares the final score's word: it holds the
    target and is named alone at high; the midterm, the part it takes back, is kept."""
    rng = np.random.default_rng(seed)
    n = 200
    midterm = np.round(rng.uniform(40, 100, n), 1)
    final = np.round(np.clip(0.2 * midterm + rng.normal(55, 12, n), 0, 100), 1)
    frame = pd.DataFrame(
        {
            "section": rng.choice(["A", "B", "C"], n),
            "midterm": midterm,
            "course_score": np.round(0.5 * final + 0.5 * midterm, 2),
            "final_score": final,
        }
    )
    report = audit(frame, "final_score")
    assert not [f for f in _leaks(report, "midterm") if f.severity == "high"]
    assert [f for f in _leaks(report, "course_score") if f.severity == "high"]
