"""An entity followed as a few series side by side: each dog scanned on its left and its right
side on the same days after a contrast injection. A column that is the intensity's change
since the first scan of the same dog and side is the target less its series' baseline. Read
against the dog's first row (whichever side came first), half the changes are off by the gap
between the sides; read against its own side's first scan, it is the target's change."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
DAYS = np.array([0, 1, 2, 4, 6, 10, 14, 21])


def _scans(seed: int) -> pd.DataFrame:
    """Ten dogs, both sides scanned on eight days; each side has its own level."""
    rng = np.random.default_rng(seed)
    rows = []
    for dog in range(1, 11):
        level = rng.normal(1080, 30)
        for side in ("R", "L"):
            offset = rng.normal(0, 25)
            peak = rng.normal(40, 10)
            for day in DAYS:
                rows.append(
                    {
                        "Dog": dog,
                        "Side": side,
                        "day": day,
                        "pixel": level
                        + offset
                        + peak * day * np.exp(-day / 6) / 6
                        + rng.normal(0, 6),
                    }
                )
    frame = pd.DataFrame(rows)
    frame["pixel"] = frame["pixel"].round(1)
    first = frame.groupby(["Dog", "Side"])["pixel"].transform("first")
    frame["change_from_first_scan"] = (
        frame["pixel"] - first + rng.normal(0, 1.5, len(frame))
    ).round(1)
    return frame


def _asked(report, column: str) -> bool:
    return any(f.kind == "target_leak" and column in f.columns for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_change_since_the_first_scan_of_each_side_is_asked_about(seed):
    report = audit(_scans(seed), "pixel")
    assert report.group_column == "Dog"
    assert _asked(report, "change_from_first_scan")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_side_is_not_asked_about(seed):
    assert not _asked(audit(_scans(seed), "pixel"), "Side")
