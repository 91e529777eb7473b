"""A running total kept by hand: it grows by the target on most rows, a few corrected by one.

From blind batch 44 (lme4's cbpp with a planted "cases to date"): new cases per herd and
quarter, 0 to 12, beside the herd's cases so far including this quarter, 8 % of the rows off
by one. The correlation of its growth with the target (0.96) missed the bar that an exact
total clears; its growth equals the target on 88 % of the rows, which chance does not.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit.leaks import RUNNING_TOTAL_CHECK

SEEDS = range(3)


def _herds(seed: int, *, kept_total: bool = True) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    herds, periods = 40, 4
    frame = pd.DataFrame(
        {
            "herd": np.repeat(np.arange(1, herds + 1), periods),
            "period": np.tile(np.arange(1, periods + 1), herds),
            "size": rng.integers(5, 35, herds * periods),
        }
    )
    frame["incidence"] = rng.poisson(rng.gamma(1.0, 1.5, herds)[frame["herd"] - 1])
    running = frame.groupby("herd")["incidence"].cumsum().to_numpy()
    if kept_total:
        slips = rng.random(len(frame)) < 0.08
        frame["cases_to_date"] = np.where(
            slips, running + rng.choice([-1, 1], len(frame)), running
        ).clip(0)
    else:
        # The herd's cases over the whole study, on every row: constant within a herd.
        frame["cases_to_date"] = frame.groupby("herd")["incidence"].transform("sum")
    return frame[["herd", "period", "size", "cases_to_date", "incidence"]]


def _running_total(report) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.evidence.get("check") == RUNNING_TOTAL_CHECK
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_running_total_kept_by_hand_is_a_high_leak(seed):
    found = _running_total(audit(_herds(seed), "incidence"))
    assert [f.columns for f in found] == [("cases_to_date",)]
    assert found[0].severity == "high" and found[0].evidence["exact_share"] >= 0.8


@pytest.mark.parametrize("seed", SEEDS)
def test_a_herd_total_that_never_grows_is_no_running_total(seed):
    # Its growth is 0 on every row, and 0 is the target's most common count.
    assert not _running_total(audit(_herds(seed, kept_total=False), "incidence"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_yes_no_column_that_matches_a_yes_no_target_is_no_running_total(seed):
    # Eligible for a plan and taking it up: equal on most rows, in time order, no entity.
    rng = np.random.default_rng(seed)
    eligible = rng.random(2000) < 0.4
    frame = pd.DataFrame(
        {
            "interviewed_at": pd.Timestamp("1991-01-01")
            + pd.to_timedelta(np.sort(rng.uniform(0, 150, 2000)), unit="D"),
            "eligible": eligible.astype(int),
            "income": rng.normal(40, 10, 2000).round(1),
            "takes_part": (eligible & (rng.random(2000) < 0.7)).astype(int),
        }
    )
    assert not _running_total(audit(frame, "takes_part"))
