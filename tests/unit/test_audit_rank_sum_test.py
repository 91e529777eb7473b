"""The audit's own Mann-Whitney test gives scipy's numbers (the normal approximation with the
tie and continuity corrections), on tied and untied values of any spread."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from lessons.audit_screen import rank_sum_test


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.integers(-5, 5) | st.floats(-1e6, 1e6), min_size=16, max_size=300),
    data=st.data(),
)
def test_rank_sum_test_agrees_with_scipy(values, data):
    values = np.array(values, dtype=float)
    side = np.array(data.draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values))))
    if side.sum() < 8 or (~side).sum() < 8 or np.unique(values).size < 2:
        return
    expected = stats.mannwhitneyu(values[side], values[~side], method="asymptotic")
    auc, chance = rank_sum_test(values, side)
    assert auc == pytest.approx(expected.statistic / (side.sum() * (~side).sum()), abs=1e-12)
    assert chance == pytest.approx(expected.pvalue, rel=1e-9, abs=1e-15)


def test_a_constant_target_gives_no_evidence():
    values = np.ones(40)
    side = np.arange(40) < 12
    assert rank_sum_test(values, side) == (0.5, 1.0)
