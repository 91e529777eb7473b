"""A field filled in for one outcome only, on a small table: a fellowship stipend recorded for
14 of a cohort's 20 top-rated applicants and for no one else. Fewer than 30 filled rows used
to be too few to read the pattern; 14 rows all of a class of a fifth of the table happen by
chance about once in 10 billion tables, so it is the post-outcome field it looks like. A few
rows that a common class fills by chance stay unread."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _applicants(seed: int, *, filled_for: str = "top") -> pd.DataFrame:
    """106 applicants rated 1 to 5 by a committee; the GRE scores predict the rating a little."""
    rng = np.random.default_rng(seed)
    n = 106
    score = rng.choice([1, 2, 3, 4, 5], n, p=[0.22, 0.23, 0.05, 0.31, 0.19])
    frame = pd.DataFrame(
        {
            "score": score,
            "gre_quant": (560 + 30 * score + rng.normal(0, 60, n)).round(-1),
            "gre_verbal": (500 + 15 * score + rng.normal(0, 80, n)).round(-1),
            "female": rng.integers(0, 2, n),
        }
    )
    if filled_for == "top":
        chosen = rng.permutation(np.flatnonzero(score == 5))[:14]
    else:
        chosen = rng.choice(n, 14, replace=False)
    stipend = np.full(n, np.nan)
    stipend[chosen] = rng.choice([28000, 30000, 32000], len(chosen))
    frame["fellowship_stipend"] = stipend
    return frame


def _leak_severity(report, column: str) -> str | None:
    found = [f.severity for f in report.findings if f.kind == "target_leak" and column in f.columns]
    return max(found, key=["low", "medium", "high"].index) if found else None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_only_for_the_top_class_is_a_high_leak(seed):
    frame = _applicants(seed)
    assert frame.loc[frame.fellowship_stipend.notna(), "score"].eq(5).all()
    assert _leak_severity(audit(frame, "score"), "fellowship_stipend") == "high"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_on_random_rows_is_not_read_as_one_sided(seed):
    frame = _applicants(seed, filled_for="anyone")
    assert _leak_severity(audit(frame, "score"), "fellowship_stipend") is None
