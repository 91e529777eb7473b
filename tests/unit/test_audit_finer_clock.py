"""A finer clock in the same order as a coarser one is the time order (batch 69): a
bake-off's running broadcast number (1 to 80) refines its series (1 to 10), whatever the
file's order (series by series, each contestant's episodes together). A counter found by its
values alone (groups numbered 1 to 16 in the file's order) does not displace years named as
the row's year."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _contest(seed: int, n_series: int = 10, n_bakers: int = 9) -> pd.DataFrame:
    """Each series: nine bakers, one leaving per episode, eight episodes; each bake's result
    (in, out, star baker)."""
    rng = np.random.default_rng(seed)
    rows = []
    for series in range(1, n_series + 1):
        for baker in range(n_bakers):
            skill = rng.normal(0, 1)
            leaves = min(baker + 1, n_bakers - 1)
            for episode in range(1, leaves + 1):
                result = "OUT" if episode == leaves else "IN"
                if result == "IN" and rng.random() < 0.15 + 0.05 * skill:
                    result = "STAR BAKER"
                rows.append(
                    (
                        series,
                        episode,
                        f"S{series}B{baker}",
                        result,
                        (series - 1) * (n_bakers - 1) + episode,
                    )
                )
    return pd.DataFrame(rows, columns=["series", "episode", "baker", "result", "broadcast_no"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_running_broadcast_number_is_the_clock_over_its_series(seed):
    assert audit(_contest(seed), "result").time_column == "broadcast_no"


def _fumigation(seed: int) -> pd.DataFrame:
    """Sixteen fumigation groups numbered in the file's order, four in each of four years,
    each group a dose series of insects counted dead."""
    rng = np.random.default_rng(seed)
    rows = []
    for group in range(1, 17):
        year = 1986 + (group - 1) // 4
        control = rng.uniform(0.02, 0.1)
        for dose in (0, 2, 4, 8, 16, 32):
            dead = min(1.0, control + dose * 0.025 + rng.normal(0, 0.03))
            rows.append((year, group, dose, round(max(dead, 0.0), 3)))
    return pd.DataFrame(rows, columns=["year", "gp", "dose", "mortality"])


@pytest.mark.parametrize("seed", SEEDS)
def test_groups_numbered_in_the_file_do_not_displace_the_named_years(seed):
    assert audit(_fumigation(seed), "mortality").time_column != "gp"
