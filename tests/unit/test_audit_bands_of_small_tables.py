"""A band of the target in a table of 30 to 50 rows (a state's crime-rate class beside the
crime rate, a solubility class beside the solubility, batches 67 and 68) is asked about; a
grade given from another reading of the pupil is not.

The band check had needed 50 filled rows. On a smaller table the single-column screen's
smoothed category means shrink a band of a few levels toward the mean (one state in five
levels alone scores R² 0.37 where its plain out-of-fold means score 0.83), so the band
check is the only one that sees it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _small_grades(seed: int, noise: float, n: int = 40) -> pd.DataFrame:
    """Forty pupils: a score, a grade of five levels cut from it (with ``noise`` in the
    score's units before the cut) and an honest predictor."""
    rng = np.random.default_rng(seed)
    prior = rng.normal(60, 12, n)
    score = np.clip(prior + rng.normal(0, 12, n), 0, 100)
    cuts = np.array([45, 55, 65, 75])
    grade = np.array(list("EDCBA"))[np.searchsorted(cuts, score + rng.normal(0, noise, n))]
    return pd.DataFrame({"prior_mark": prior.round(1), "grade": grade, "score": score.round(1)})


def _band_findings(report) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and "ranges" in f.evidence.get("check", "")
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_of_forty_rows_is_asked_about(seed):
    findings = _band_findings(audit(_small_grades(seed, noise=1.0), "score"))
    assert [f.columns for f in findings] == [("grade",)]
    assert findings[0].severity in ("medium", "high")
    assert findings[0].evidence["band"]["filled_rows"] == 40


@pytest.mark.parametrize("seed", SEEDS)
def test_a_grade_far_from_the_score_of_forty_rows_is_no_band(seed):
    assert not _band_findings(audit(_small_grades(seed, noise=14.0), "score"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_of_twenty_rows_is_not_judged(seed):
    """Under thirty rows, five levels hold four rows each: too few to tell a band apart."""
    assert not _band_findings(audit(_small_grades(seed, noise=1.0, n=20), "score"))
