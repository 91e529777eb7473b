"""Batch 81's wheat pots: twelve trays numbered 1 to 12, four pots each, one moisture level
per tray (randomised, three trays each) and every fertilizer dose in every tray, the file
written tray by tray. The tray is the unit the moisture was applied to and its pots answer
alike: the entity. "tray" named no cluster, so the numbered trays, in order, were read as
the clock.
Counter-case: a bakery's tray size (three sizes) is a kind, no entity and no clock."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _wheat_pots(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # Each moisture level randomised to three trays.
    levels = rng.permutation(np.repeat([10, 20, 30, 40], 3))
    rows = []
    for tray, moisture in enumerate(levels, start=1):
        own = rng.normal(0, 1.5)
        for fertilizer in (2, 4, 6, 8):
            rows.append(
                {
                    "Tray": tray,
                    "Moisture": int(moisture),
                    "fertilizer": fertilizer,
                    "DryMatter": round(
                        2
                        + 0.6 * fertilizer
                        - 0.004 * (moisture - 30) ** 2
                        + own
                        + rng.normal(0, 0.6),
                        4,
                    ),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_trays_each_holding_every_dose_are_the_entity_not_the_clock(seed):
    report = audit(_wheat_pots(seed), "DryMatter")
    assert report.group_column == "Tray"
    assert report.time_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_bakerys_tray_size_is_a_kind(seed):
    rng = np.random.default_rng(seed)
    n = 300
    frame = pd.DataFrame(
        {
            "tray": rng.choice([1, 2, 3], n),
            "oven_temp": rng.integers(170, 230, n),
            "minutes": rng.integers(10, 40, n),
        }
    )
    frame["burnt_share"] = (
        0.002 * (frame["oven_temp"] - 170) * frame["minutes"] / 10 + rng.normal(0, 0.05, n)
    ).round(3)
    report = audit(frame, "burnt_share")
    assert report.group_column is None
    assert report.time_column is None
