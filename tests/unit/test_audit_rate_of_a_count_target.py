"""A rate computed from a small count target is found through its product (issue 17, class
6; found on batch 57's lamb mortality).

A herd's lamb deaths (0 to 18, read as ordered classes) beside its mortality in per cent and
the lambs at risk: the rate times the lambs gives the deaths back, though neither column does
alone. The ordered classes are screened again as numbers, where a pair counts by what it does
together, not by its members alone.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_mortality_rate_beside_the_lambs_at_risk_gives_the_deaths_away(seed):
    rng = np.random.default_rng(seed)
    n = 75
    lambs = rng.integers(1, 31, n)
    treated = rng.integers(0, 2, n)
    deaths = rng.binomial(lambs, np.where(treated == 1, 0.05, 0.15))
    frame = pd.DataFrame(
        {
            "group": np.where(treated == 1, "TREAT", "CTRL"),
            "n": lambs,
            "mortality_pct": (100 * deaths / lambs).round(1),
            "y": deaths,
        }
    )
    report = audit(frame, "y")
    assert [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "mortality_pct" in f.columns
    ]
