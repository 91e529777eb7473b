"""A level grown at a rate gives the target back (issue 17, class 6; found on batch 54's
UNICEF table).

"Annual rate of reduction in under-5 mortality, 2000-2018" is computed from the 2018 rate
(the target) and the 2000 rate: the 2000 rate grown at that rate is the 2018 rate, through
neither a product nor a ratio. The pair search fits the target's log on the level's log and
the rate. Counter-cases: an honest price model of the same shape (the log of a floor area and
the age) and a product written with a log (revenue beside log passengers, for a fare).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _growth_findings(report) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.evidence.get("check", "").endswith("compound rate)")
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_yearly_rate_of_change_that_ends_at_the_target_is_asked_about(seed):
    rng = np.random.default_rng(seed)
    n = 190
    mortality_1990 = rng.lognormal(3.8, 0.6, n).round()
    mortality_2000 = (mortality_1990 * rng.uniform(0.5, 1.0, n)).round().clip(3)
    mortality_2018 = (mortality_2000 * rng.uniform(0.25, 1.05, n)).round().clip(2)
    frame = pd.DataFrame(
        {
            "country": [f"Country {k}" for k in range(n)],
            "under5_1990": mortality_1990,
            "under5_2000": mortality_2000,
            "literacy": rng.uniform(30, 100, n).round(1),
            # As published: 100 ln(m2000 / m2018) / 18, to one decimal.
            "under5_reduction": (100 * np.log(mortality_2000 / mortality_2018) / 18).round(1),
            "under5_2018": mortality_2018,
        }
    )
    report = audit(frame, "under5_2018")
    found = [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "under5_reduction" in f.columns
    ]
    assert found
    assert _growth_findings(report)


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_price_model_of_the_same_shape_is_no_growth_formula(seed):
    """log(price) is a line in log(floor area) and the age, with the noise of a real market."""
    rng = np.random.default_rng(seed)
    n = 600
    area = rng.lognormal(7.3, 0.35, n).round()
    age = rng.integers(0, 80, n)
    price = np.exp(4.5 + 1.0 * np.log(area) - 0.004 * age + rng.normal(0, 0.2, n)).round(-2)
    frame = pd.DataFrame({"area": area, "age": age, "rooms": rng.integers(2, 8, n), "price": price})
    report = audit(frame, "price")
    assert not _growth_findings(report)
    assert not [f for f in report.findings if f.kind == "target_leak" and f.severity == "high"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_log_kept_beside_its_level_does_not_turn_a_ratio_into_growth(seed):
    """A route's revenue beside its passengers and their log, for the fare: the revenue is
    the leak (divided by the passengers), the log of the passengers an honest input."""
    rng = np.random.default_rng(seed)
    n = 800
    passengers = rng.lognormal(6, 0.8, n).round()
    distance = rng.uniform(100, 2500, n).round()
    fare = (60 + 0.1 * distance + rng.normal(0, 25, n)).clip(30).round(2)
    frame = pd.DataFrame(
        {
            "dist": distance,
            "passen": passengers,
            "lpassen": np.log(passengers),
            "route_revenue_k": (fare * passengers * 365 / 1000 * rng.normal(1, 0.015, n)).round(1),
            "fare": fare,
        }
    )
    report = audit(frame, "fare")
    assert not _growth_findings(report)
    assert not [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high" and "lpassen" in f.columns
    ]
    assert [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high" and "route_revenue_k" in f.columns
    ]
