"""Leaks of batch 36's shapes, each beside an honest counter-case.

- Dummies of one category that cut a numeric target into ranges (ranked in the top 10,
  11-25, 26-40, 41-60: a band of the rank written as four 0/1 columns) are asked about
  together; dummies of a category known beforehand (the region) are not.
- A band of a small table is judged against the best its level sizes can do under the same
  smoothed out-of-fold means: small levels lose as much as the band does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(4)
BANDS = ("top10", "r11_25", "r26_40", "r41_60")
REGIONS = ("north", "south", "east", "west")


def _schools(seed: int, n: int = 156) -> pd.DataFrame:
    """Law schools with their rank (1 best), the entering class's LSAT, the region and the
    rank's bands as dummies."""
    rng = np.random.default_rng(seed)
    rank = np.sort(rng.choice(np.arange(1, 176), n, replace=False))
    region = rng.integers(0, 4, n)
    frame = pd.DataFrame(
        {
            "LSAT": np.round(168 - 0.08 * rank + rng.normal(0, 3.5, n)),
            "cost": np.round(rng.normal(9000, 2500, n), -1),
            **{name: (region == i).astype(int) for i, name in enumerate(REGIONS)},
            "top10": (rank <= 10).astype(int),
            "r11_25": ((rank > 10) & (rank <= 25)).astype(int),
            "r26_40": ((rank > 25) & (rank <= 40)).astype(int),
            "r41_60": ((rank > 40) & (rank <= 60)).astype(int),
            "rank": rank,
        }
    )
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


def _asked_together(report, columns) -> bool:
    return any(
        f.kind == "target_leak" and f.severity != "low" and set(columns) <= set(f.columns)
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_dummies_of_a_band_of_the_target_are_asked_about_together(seed):
    report = audit(_schools(seed), "rank")
    assert _asked_together(report, BANDS)
    finding = next(f for f in report.findings if set(BANDS) <= set(f.columns))
    assert finding.evidence["dummies"] == list(BANDS)
    assert finding.evidence["band"]["levels"] == 5


@pytest.mark.parametrize("seed", SEEDS)
def test_dummies_of_a_region_are_no_band(seed):
    report = audit(_schools(seed), "rank")
    assert not any(
        f.kind == "target_leak" and f.severity != "low" and set(f.columns) & set(REGIONS)
        for f in report.findings
    )


def _grades(seed: int, noise: float, n: int = 100) -> pd.DataFrame:
    """A small table (100 pupils): a score, and a grade of six levels cut from it (with ``noise`` in the
    score's units before the cut), beside an honest predictor."""
    rng = np.random.default_rng(seed)
    prior = rng.normal(60, 12, n)
    score = np.clip(prior + rng.normal(0, 12, n), 0, 100)
    cuts = np.array([40, 50, 60, 70, 80])
    grade = np.array(list("FEDCBA"))[np.searchsorted(cuts, score + rng.normal(0, noise, n))]
    return pd.DataFrame({"prior_mark": prior.round(1), "grade": grade, "score": score.round(1)})


@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_of_a_small_table_is_asked_about_as_a_band(seed):
    report = audit(_grades(seed, noise=2.0), "score")
    assert any(
        f.columns == ("grade",) and "ranges" in f.evidence.get("check", "") for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_grade_far_from_the_score_is_no_band(seed):
    """A grade given from another reading of the pupil (noise as large as the score's own
    spread) overlaps from level to level: no band."""
    report = audit(_grades(seed, noise=14.0), "score")
    assert not any(
        f.kind == "target_leak" and "ranges" in f.evidence.get("check", "") for f in report.findings
    )
