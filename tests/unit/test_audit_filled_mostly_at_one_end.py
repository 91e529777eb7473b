"""A field filled in mostly for one end of a numeric target is asked about (issue 17, class 5;
found on batch 64's earthquakes and batch 54's infant mortality).

A relief appeal's reference is opened after a deadly quake: filled on four in five of the
worst and on a few others, empty elsewhere. On a hundred rows the filled side is too small
(under 30 rows) and too loose (not nine in ten in a fifth of the range) for the tail check,
and on a skewed target the empty/filled flag's mean scores below zero. The ranks still say
it: the filled rows' targets beat the others' in most pairs. Counter-cases: a count kept for
two late seasons of a growing show (filled for one stretch of time), a date of first marriage kept
only for the women ever married (a rule on another column), and a field empty at the low end
(no diameter for the shortest trees), none of them asked on that evidence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import growing_show

SEEDS = range(3)


def _ranked(report, column: str) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and column in f.columns
        and "rank_auc" in (f.evidence.get("one_sided") or {})
    ]


def _quakes(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 120
    magnitude = rng.normal(7.0, 0.6, n).round(1)
    deaths = np.round(np.exp(rng.normal(6.5, 2.2, n) + 0.4 * (magnitude - 7))).astype(int) + 3
    worst = deaths >= np.quantile(deaths, 0.67)
    filled = np.where(worst, rng.random(n) < 0.8, rng.random(n) < 0.03)
    reference = [f"APP-{rng.integers(10, 99)}-{i:03d}" if f else None for i, f in enumerate(filled)]
    return pd.DataFrame(
        {
            "year": np.sort(rng.integers(1902, 2000, n)),
            "magnitude": magnitude,
            "region": rng.choice(["Turkey", "Iran", "China", "Chile", "Japan", "Peru"], n),
            "relief_appeal_ref": reference,
            "deaths": deaths,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_reference_filled_mostly_for_the_worst_is_asked(seed):
    report = audit(_quakes(seed), "deaths")
    asked = _ranked(report, "relief_appeal_ref")
    assert asked and asked[0].severity == "medium"
    assert "filled rows' targets rank above the others'" in asked[0].message


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_kept_for_two_seasons_of_a_growing_show_is_not_asked(seed):
    frame = growing_show(seed)
    assert not _ranked(audit(frame, "viewers_millions"), "replay_requests")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_kept_only_for_the_women_ever_married_is_not_asked(seed):
    rng = np.random.default_rng(seed)
    n = 600
    age = rng.integers(15, 50, n)
    married = rng.random(n) < np.clip((age - 15) / 50, 0.02, 0.4)
    care_hours = rng.gamma(2.0, np.where(married, 0.6 * (age - 12), 2.0)).round(1)
    frame = pd.DataFrame(
        {
            "age": age,
            "ever_married": married.astype(int),
            "urban": rng.integers(0, 2, n),
            "age_first_marriage": np.where(married, rng.integers(15, 30, n), np.nan),
            "childcare_hours_week": care_hours,
        }
    )
    assert not _ranked(audit(frame, "childcare_hours_week"), "age_first_marriage")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_empty_at_the_low_end_is_not_asked_on_its_ranks(seed):
    """Trees under breast height have no diameter: the empty side is the short end."""
    rng = np.random.default_rng(seed)
    n = 400
    height = rng.gamma(2.0, 150, n).round(1)
    diameter = np.where(height >= 137, (height / 40 + rng.normal(0, 0.8, n)).round(1), np.nan)
    frame = pd.DataFrame(
        {
            "plot": rng.integers(1, 9, n),
            "spacing_m": rng.choice([1.5, 2.0, 2.5], n),
            "diameter_cm": diameter,
            "height_cm": height,
        }
    )
    assert not _ranked(audit(frame, "height_cm"), "diameter_cm")
