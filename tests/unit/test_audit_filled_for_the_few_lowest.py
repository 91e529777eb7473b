"""A field filled in for most of the lowest rows of a small table (batches 63 and 70): a
remedial grant's reference opened for twelve of the eighteen school sites with the lowest
mathematics scores and for three others. On seventy rows the ranks say it with a chance of
about 3e-4 (rank AUC 0.81), which the bar of 1e-4 let through; the bar is 1e-3. A reference
filled at random on as many rows is not asked about."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
# The places, among the 70 sites ordered by their score, of the 15 sites with a grant in
# batch 70's table: twelve in the lowest fifth, one in the middle, two near the top.
FILLED_RANKS = np.array([0, 3, 4, 6, 7, 9, 11, 13, 14, 15, 16, 17, 28, 54, 67])


def _sites(seed: int, *, at_random: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 70
    education = rng.normal(0, 1, n)
    occupation = 0.6 * education + rng.normal(0, 0.8, n)
    maths = np.round(50 + 6 * education + 3 * occupation + rng.normal(0, 6, n), 1)
    order = np.argsort(maths)
    filled = np.zeros(n, dtype=bool)
    if at_random:
        filled[rng.choice(n, len(FILLED_RANKS), replace=False)] = True
    else:
        filled[order[FILLED_RANKS]] = True
    reference = [f"RG-{1990 + i % 7}-{i:03d}" if f else None for i, f in enumerate(filled)]
    return pd.DataFrame(
        {
            "education": education.round(2),
            "occupation": occupation.round(2),
            "remedial_grant_ref": reference,
            "mathematics": maths,
        }
    )


def _asked(report) -> bool:
    return any(
        f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "remedial_grant_ref" in f.columns
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_grant_filled_for_most_of_the_lowest_sites_is_asked(seed):
    assert _asked(audit(_sites(seed), "mathematics"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_reference_filled_at_random_is_not_asked(seed):
    assert not _asked(audit(_sites(seed, at_random=True), "mathematics"))
