"""The units of a repeated-measures design written as codes (batch 75's CO2 uptake): twelve
grass plants, "Qn1" to "Mc3", each measured once at every one of seven CO2 concentrations,
each plant inside one origin and one chilling treatment. Twelve values are too few for an
entity by count alone, and "Plant" names no unit the audit knew, so the plants were not the
entity and a random split put every plant on both sides. A treatment coded the same way and
crossed with another once each, with no factor above it, stays a plain category."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CONCENTRATIONS = [95, 175, 250, 350, 500, 675, 1000]


def _uptake(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for origin, prefix in (("Quebec", "Q"), ("Mississippi", "M")):
        for treatment, letter in (("nonchilled", "n"), ("chilled", "c")):
            for number in (1, 2, 3):
                capacity = rng.normal(40 if origin == "Quebec" else 28, 4)
                for conc in CONCENTRATIONS:
                    rows.append(
                        {
                            "Plant": f"{prefix}{letter}{number}",
                            "Type": origin,
                            "Treatment": treatment,
                            "conc": conc,
                            "uptake": round(
                                capacity * (1 - np.exp(-conc / 200)) + rng.normal(0, 1.5), 1
                            ),
                        }
                    )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_coded_plants_each_under_every_concentration_are_the_entity(seed):
    report = audit(_uptake(seed), "uptake")
    assert report.group_column == "Plant"
    assert [f for f in report.findings if f.kind == "repeated_entity"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_coded_treatment_crossed_once_with_a_dose_is_no_entity(seed):
    rng = np.random.default_rng(seed)
    rows = [
        {
            "fertiliser": f"F{number}",
            "nitrogen_kg": dose,
            "yield_t": round(2 + 0.3 * number + 0.01 * dose + rng.normal(0, 0.4), 2),
        }
        for number in range(1, 9)
        for dose in (0, 40, 80, 120, 160, 200)
    ]
    report = audit(pd.DataFrame(rows), "yield_t")
    assert report.group_column is None
