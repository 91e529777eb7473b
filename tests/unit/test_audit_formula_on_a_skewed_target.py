"""A product that gives back a skewed target is found on a few dozen rows (issue 17, class
6; found on batch 62's Scottish hill races).

The women's record pace in minutes per mile, times the race's distance, is the women's
record time: exactly, up to rounding. With 75 races from ten minutes to many hours (six seeds: the shortfall shows on one), the
nearest-neighbour score of the product falls short (the longest races have no near
neighbour), while a straight line through it does not. Counter-case: a town's population in
the next census from its last two, along a line, is an honest extrapolation and no leak.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


@pytest.mark.parametrize("seed", range(6))
def test_a_record_pace_times_the_distance_gives_the_record_away(seed):
    rng = np.random.default_rng(seed)
    n = 75
    dist = rng.lognormal(1.7, 1.1, n).round(1).clip(1.5, 60)
    climb = (dist * rng.uniform(60, 250, n)).round(-1)
    men = (dist * 7.5 + climb / 100 + rng.normal(0, 3, n)) / 60
    women = men * rng.uniform(1.12, 1.28, n)
    frame = pd.DataFrame(
        {
            "dist": dist,
            "climb": climb,
            "time": men.round(4),
            "female_record_pace_min_mile": (women * 60 / dist).round(2),
            "timef": women.round(4),
        }
    )
    report = audit(frame, "timef")
    assert [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "female_record_pace_min_mile" in f.columns
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_towns_last_two_censuses_are_no_high_leak_of_the_next(seed):
    rng = np.random.default_rng(seed)
    n = 300
    pop_2011 = rng.lognormal(8, 1.5, n).round()
    growth = rng.normal(1.04, 0.05, n)
    pop_2016 = (pop_2011 * growth).round()
    frame = pd.DataFrame(
        {
            "population_2011": pop_2011,
            "population_2016": pop_2016,
            "land_area_km2": rng.lognormal(4, 1, n).round(1),
            "population_2021": (pop_2016 * (growth + rng.normal(0, 0.03, n))).round(),
        }
    )
    report = audit(frame, "population_2021")
    assert not [f for f in report.findings if f.kind == "target_leak" and f.severity == "high"]
