"""A growth panel over two periods: 90 countries, most seen in both (the period ending 1975
and the one ending 1985), a few in one. The period's end is the row's year, and the
countries key the rows with it although, with a few seen once, they hold more than half as
many values as rows. And a small production study: eight lots of nine readings each (three
wafers, three sites), written lot by lot: fewer rows per cluster than a unit told apart by
its name alone needs, but the file is written by it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _growth(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    countries = [f"Country {k:02d}" for k in range(90)]
    rows = [(c, end) for c in countries for end in (1975, 1985)]
    keep = rng.random(len(rows)) > 0.1
    frame = pd.DataFrame(
        [r for r, k in zip(rows, keep, strict=True) if k], columns=["country", "period_end"]
    )
    level = dict(zip(countries, rng.normal(7, 1, 90), strict=True))
    frame["log_gdp"] = frame["country"].map(level) + rng.normal(0, 0.1, len(frame))
    frame["schooling"] = rng.uniform(0, 0.5, len(frame)).round(3)
    frame["growth"] = (
        0.05
        - 0.004 * frame["log_gdp"]
        + 0.03 * frame["schooling"]
        + rng.normal(0, 0.01, len(frame))
    ).round(5)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_two_period_panel_is_split_by_its_period_and_grouped_by_country(seed):
    report = audit(_growth(seed), "growth")
    assert [f.columns for f in report.findings if f.kind == "time_order"] == [("period_end",)]
    assert report.group_column == "country"


@pytest.mark.parametrize("seed", SEEDS)
def test_country_names_without_a_period_stay_labels(seed):
    # One row per country: no panel, nothing to group by.
    frame = _growth(seed).drop_duplicates("country").drop(columns="period_end")
    assert audit(frame, "growth").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_eight_lots_of_nine_readings_are_the_entity(seed):
    rng = np.random.default_rng(seed)
    lots = np.repeat(np.arange(1, 9), 9)
    frame = pd.DataFrame(
        {
            "Source": np.where(lots <= 4, 1, 2),
            "Lot": lots,
            "Wafer": np.tile(np.repeat([1, 2, 3], 3), 8),
            "Site": np.tile([1, 2, 3], 24),
            "Thickness": (2000 + rng.normal(0, 15, 8)[lots - 1] + rng.normal(0, 4, 72)).round(),
        }
    )
    assert audit(frame, "Thickness").group_column == "Lot"
