"""The units of small designed experiments (batches 54, 76 and 77): nine gun teams coded
"T1S" to "T3H", each firing with both methods twice, inside one physique each; nine judges
numbered 1 to 9, each rating the same eight bottles once; five experiments of 20
consecutive runs each. None was the entity: the teams' codes carry a letter after the
number and each cell is replicated, "judge" named no unit the audit knew, and "Expt" named
no cluster. A random split then put every team, judge and experiment on both sides.

The counter-cases keep what a strict review asked for before: a court's judges, each
hearing other cases, are an attribute of a case; codes nested in a band that cross a
balanced flag hundreds of times per cell are categories; a numbered dose crossed with a
treatment is no unit. Judges tasting every bottle twice are the entity too, when each
judge's own level is a good share of the scores' spread; operators measuring the same
parts three times each (a gauge study, the part setting the value) are not."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import wine_tastings

SEEDS = range(3)


def _gun_teams(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for physique, letter in (("Slight", "S"), ("Average", "A"), ("Heavy", "H")):
        for number in (1, 2, 3):
            skill = rng.normal(0, 2.5)
            for _ in range(2):
                for method, effect in (("M1", 23.6), ("M2", 15.3)):
                    rows.append(
                        {
                            "rounds": round(effect + skill + rng.normal(0, 1.5), 1),
                            "Method": method,
                            "Team": f"T{number}{letter}",
                            "Physique": physique,
                        }
                    )
    return pd.DataFrame(rows)


def _light_runs(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for expt in range(1, 6):
        offset = rng.normal(0, 40)
        for run in range(1, 21):
            rows.append(
                {"Expt": expt, "Run": run, "Speed": round(850 + offset + rng.normal(0, 70), -1)}
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_coded_teams_each_with_both_methods_twice_are_the_entity(seed):
    report = audit(_gun_teams(seed), "rounds")
    assert report.group_column == "Team"


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_judges_each_rating_every_bottle_are_the_entity(seed):
    report = audit(wine_tastings(seed), "response")
    assert report.group_column == "judge"


@pytest.mark.parametrize("seed", SEEDS)
def test_numbered_experiments_of_consecutive_runs_are_the_entity(seed):
    report = audit(_light_runs(seed), "Speed")
    assert report.group_column == "Expt"


@pytest.mark.parametrize("seed", SEEDS)
def test_court_judges_each_hearing_other_cases_are_no_entity(seed):
    rng = np.random.default_rng(seed)
    n = 400
    frame = pd.DataFrame(
        {
            "judge": rng.integers(1, 10, n),
            "claimant_age": rng.integers(18, 70, n),
            "country": rng.choice(["AF", "IR", "IQ", "SY", "ER"], n),
            "represented": rng.choice(["yes", "no"], n),
        }
    )
    frame["granted"] = np.where(
        rng.random(n) < 0.3 + 0.2 * (frame["represented"] == "yes"), "yes", "no"
    )
    report = audit(frame, "granted")
    assert report.group_column != "judge"


@pytest.mark.parametrize("seed", SEEDS)
def test_subbands_crossing_a_flag_hundreds_of_times_per_cell_are_no_entity(seed):
    rng = np.random.default_rng(seed)
    n = 2400
    subband = np.array([f"{band}{k}" for band in "ABCD" for k in (1, 2, 3)])[np.arange(n) % 12]
    frame = pd.DataFrame(
        {
            "tenure": rng.integers(1, 72, n),
            "monthly": np.round(rng.uniform(20, 110, n), 2),
            "paperless": np.where(np.arange(n) // 12 % 2 == 0, "yes", "no"),
            "risk_subband": subband,
            "risk_band": [code[0] for code in subband],
        }
    )
    frame["churned"] = np.where(rng.random(n) < 0.25, "yes", "no")
    report = audit(frame, "churned")
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_numbered_dose_crossed_with_a_treatment_twice_is_no_entity(seed):
    rng = np.random.default_rng(seed)
    rows = [
        {
            "dose": dose,
            "variety": variety,
            "yield_t": round(2 + 0.3 * dose + rng.normal(0, 0.4), 2),
        }
        for dose in range(1, 7)
        for variety in ("A", "B", "C")
        for _ in range(2)
    ]
    report = audit(pd.DataFrame(rows), "yield_t")
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_judges_each_tasting_every_bottle_in_two_sessions_are_the_entity(seed):
    assert audit(wine_tastings(seed, sessions=2), "response").group_column == "judge"


def _gauge_study(seed: int) -> pd.DataFrame:
    """Five operators each measure the same ten parts three times: the part sets the value,
    each operator adds a small bias of their own."""
    rng = np.random.default_rng(seed)
    size, bias = rng.normal(10, 1, 10), rng.normal(0, 0.1, 5)
    rows = [
        {
            "operator": operator + 1,
            "part": part + 1,
            "trial": trial + 1,
            "diameter_mm": round(size[part] + bias[operator] + rng.normal(0, 0.05), 3),
        }
        for operator in range(5)
        for part in range(10)
        for trial in range(3)
    ]
    return pd.DataFrame(rows).sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_operators_measuring_the_same_parts_three_times_are_no_entity(seed):
    assert audit(_gauge_study(seed), "diameter_mm").group_column != "operator"
