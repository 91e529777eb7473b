"""A copy of a heavy-tailed target: a storm's death toll reported again later, equal on most
storms and a few off by one or two. The bins and the nearest values cannot place the rows of
the tail (one storm killed 1,836, the next largest a few hundred), so a near-exact copy scored
low and went unflagged. Out of fold, a straight line from the copy gives the target back
(R² 0.9999): it is flagged. An honest strong line (the wind speed) is not taken for a copy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _storms(seed: int) -> pd.DataFrame:
    """94 hurricanes in landfall order: deaths follow a heavy tail; the copy is the toll
    reported later, off by a few on a fifth of the storms."""
    rng = np.random.default_rng(seed)
    n = 94
    deaths = np.round(rng.pareto(0.9, n) * 3).astype(int)
    deaths[rng.integers(n)] = 1836
    off = np.where(rng.random(n) < 0.2, rng.integers(-3, 4, n), 0)
    wind = rng.normal(110, 20, n).round()
    return pd.DataFrame(
        {
            "year": np.sort(rng.integers(1950, 2013, n)),
            "wind_mph": wind,
            "pressure_mb": (1010 - 0.5 * wind + rng.normal(0, 8, n)).round(),
            "damage_musd": np.round(rng.lognormal(3, 1.5, n), 1),
            "red_cross_death_toll": np.maximum(deaths + off, 0),
            "deaths": deaths,
        }
    )


def _severity(report, column: str) -> str | None:
    found = [f.severity for f in report.findings if f.kind == "target_leak" and column in f.columns]
    return max(found, key=["low", "medium", "high"].index) if found else None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_near_exact_copy_of_a_heavy_tailed_count_is_flagged(seed):
    assert _severity(audit(_storms(seed), "deaths"), "red_cross_death_toll") == "high"


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_strong_line_is_not_taken_for_a_copy(seed):
    rng = np.random.default_rng(seed)
    n = 600
    area = rng.normal(1500, 400, n).clip(400)
    frame = pd.DataFrame(
        {
            "floor_area": area.round(),
            "rooms": rng.integers(1, 7, n),
            "price": (area * rng.lognormal(np.log(150), 0.12, n)).round(-2),
        }
    )
    assert _severity(audit(frame, "price"), "floor_area") != "high"
