"""Misses of the audit corpus batch 26 (false highs first), fixed on 5 December 2026, each
on a small synthetic table of its shape, with an honest counter-case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leak_on, leaks

SEEDS = range(3)


def _trust(seed: int, n: int = 1500) -> pd.DataFrame:
    """Survey answers 0-10: trust in the police (the target), the police's fairness, and a
    planted gap: fairness minus trust."""
    rng = np.random.default_rng(seed)
    attitude = rng.normal(0, 1, n)
    fairness = np.clip(np.round(6 + 1.5 * attitude + rng.normal(0, 1.5, n)), 0, 10)
    trust = np.clip(np.round(5.5 + 1.8 * attitude + rng.normal(0, 1.2, n)), 0, 10)
    return pd.DataFrame(
        {
            "agea": rng.integers(18, 90, n),
            "plcpvcr": fairness,
            "police_eval_gap": fairness - trust,
            "trstplc": trust,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_gap_with_an_honest_answer_blames_the_gap_not_the_answer(seed):
    report = audit(_trust(seed), "trstplc")
    found = leak_on(report, "police_eval_gap")
    assert found.severity == "high"
    assert found.columns == ("police_eval_gap",)
    assert found.evidence["input_beside_a_column_named_as_a_gap"] == "plcpvcr"
    assert not [f for f in leaks(report, ("high",)) if "plcpvcr" in f.columns]


def _panel(seed: int, gap_countries: int = 2) -> pd.DataFrame:
    """Countries over 50 years with a union-density class that moves slowly, and capital
    account openness not compiled for ``gap_countries`` countries' early years."""
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(20):
        level = int(rng.integers(0, 5))
        openness = rng.uniform(-1.5, 2.4)
        for year in range(1970, 2020):
            if rng.random() < 0.05:
                level = int(np.clip(level + rng.choice([-1, 1]), 0, 4))
            rows.append(
                {
                    "iso3c": f"C{k:02d}",
                    "year": year,
                    "kaopen": np.nan
                    if k < gap_countries and year < 1970 + 10 * (k + 1)
                    else round(openness + rng.normal(0, 0.2), 3),
                    "gdp_growth": round(rng.normal(2, 2), 2),
                    "union_class": level,
                }
            )
    frame = pd.DataFrame(rows)
    # The countries with gaps hold one class over those years.
    for k in range(gap_countries):
        frame.loc[frame["iso3c"] == f"C{k:02d}", "union_class"] = 2
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_missing_for_two_countries_early_years_is_a_question(seed):
    report = audit(_panel(seed), "union_class")
    assert report.group_column == "iso3c"
    found = [f for f in leaks(report) if "kaopen" in f.columns]
    assert all(f.severity == "medium" for f in found)
    for f in found:
        if f.evidence.get("one_sided"):
            assert f.evidence["one_sided"]["entities_on_side"] <= 2
            assert "a few entities' records" in f.message


@pytest.mark.parametrize("seed", SEEDS)
def test_a_code_naming_the_classes_is_a_leak_not_an_entity(seed):
    # A voucher's taxon code for each of 12 species, wrong on 4 % of the leaves.
    rng = np.random.default_rng(seed)
    n = 1200
    species = rng.integers(0, 12, n)
    wrong = rng.random(n) < 0.04
    taxon = np.where(wrong, rng.integers(0, 12, n), species)
    frame = pd.DataFrame(
        {
            "area": (rng.normal(50, 10, n) + 3 * species).round(1),
            "width": (rng.normal(20, 5, n) + species).round(1),
            "voucher_taxon_code": [f"TX{k:03d}" for k in taxon],
            "species": [f"sp{k}" for k in species],
        }
    )
    report = audit(frame, "species")
    assert report.group_column is None
    assert leak_on(report, "voucher_taxon_code")


@pytest.mark.parametrize("seed", SEEDS)
def test_patients_with_one_diagnosis_each_stay_the_entity(seed):
    # The target is one class per patient, and patients far outnumber the classes.
    rng = np.random.default_rng(seed)
    dx = rng.integers(0, 4, 150)
    pick = np.repeat(np.arange(150), 6)
    frame = pd.DataFrame(
        {
            "patient_id": [f"P{k:04d}" for k in pick],
            "visit": np.tile(np.arange(1, 7), 150),
            "crp": (rng.gamma(2, 5, 900) + 4 * dx[pick]).round(1),
            "diagnosis": [f"dx{k}" for k in dx[pick]],
        }
    )
    assert audit(frame, "diagnosis").group_column == "patient_id"
