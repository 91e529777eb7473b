"""Misses of the audit corpus batch 25, fixed on 5 December 2026, each on a small synthetic
table of its shape, with an honest counter-case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leaks

SEEDS = range(3)


def _states(seed: int) -> pd.DataFrame:
    """A panel of states over 16 years, named and coded (FIPS): the same entity twice."""
    rng = np.random.default_rng(seed)
    names = [f"State {k}" for k in range(40)]
    fips = rng.permutation(np.arange(1, 57))[:40]
    level = rng.lognormal(8, 1, 40)
    rows = []
    for k in range(40):
        for year in range(1985, 2001):
            rows.append(
                {
                    "statefip": int(fips[k]),
                    "state": names[k],
                    "year": year,
                    "poverty": round(rng.uniform(8, 20), 1),
                    "prisoners": round(
                        level[k] * (1 + 0.05 * (year - 1985)) * rng.lognormal(0, 0.1)
                    ),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_code_naming_the_same_things_as_the_entity_is_named_as_its_alias(seed):
    report = audit(_states(seed), "prisoners")
    assert report.group_column in ("state", "statefip")
    alias = ({"state", "statefip"} - {report.group_column}).pop()
    entity = next(f for f in report.findings if f.kind == "repeated_entity")
    assert entity.evidence["aliases"] == [alias]
    assert "the same things" in entity.message


@pytest.mark.parametrize("seed", SEEDS)
def test_a_coarser_label_of_the_entity_is_no_alias(seed):
    # A region holds several states: an attribute, not the entity again.
    frame = _states(seed)
    frame["region"] = frame["statefip"] % 4
    report = audit(frame, "prisoners")
    entity = next(f for f in report.findings if f.kind == "repeated_entity")
    assert "region" not in entity.evidence["aliases"]


def _ratings(seed: int, students: int = 300, with_trait: bool = True) -> pd.DataFrame:
    """Students (a sample of a university's, numbered up to 3,000) rating lecturers, written
    student by student; each student's semester of study is theirs."""
    rng = np.random.default_rng(seed)
    ids = np.sort(rng.choice(np.arange(10, 3000), students, replace=False))
    rows = []
    for student in ids:
        semester = int(rng.integers(1, 5))
        leniency = rng.normal(0, 0.8)
        for _ in range(int(rng.integers(8, 40))):
            rows.append(
                {
                    "s": int(student),
                    "d": int(rng.integers(1, 1200)),
                    "studage": semester if with_trait else int(rng.integers(1, 5)),
                    "service": int(rng.integers(0, 2)),
                    "y": int(np.clip(np.round(3.2 + leniency + rng.normal(0, 1)), 1, 5)),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_sampled_student_numbers_written_one_block_each_with_a_trait_are_the_entity(seed):
    assert audit(_ratings(seed), "y").group_column == "s"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_table_sorted_by_a_large_measurement_has_no_entity(seed):
    # Houses listed by floor area (800 to 4,000 square feet, many areas shared), with
    # bedrooms that follow the area: sorted blocks of a key-like number, yet a measurement.
    rng = np.random.default_rng(seed)
    area = np.sort(rng.integers(80, 400, 3000) * 10)
    frame = pd.DataFrame(
        {
            "sqft": area,
            "bedrooms": np.clip(area // 700, 1, 5),
            "age": rng.integers(0, 80, 3000),
            "price": (120 * area + rng.normal(0, 30000, 3000)).round(-2),
        }
    )
    assert audit(frame, "price").group_column is None


def _biopsies(seed: int, n: int = 800, after: bool = True) -> pd.DataFrame:
    """Biopsies scored 1-10 on cell traits; a pathology code filled in after the diagnosis
    ('0000/0' on every benign one, one of 24 carcinoma codes on most malignant ones), or a
    referral code known before (``after=False``)."""
    rng = np.random.default_rng(seed)
    malignant = rng.random(n) < 0.35
    size = np.clip(np.round(np.where(malignant, 6.5, 2) + rng.normal(0, 2, n)), 1, 10)
    carcinoma = np.array([f"8{k:03d}/3" for k in rng.choice(999, 24, replace=False)])
    if after:
        coded = malignant & (rng.random(n) < 0.88)
        code = np.where(coded, rng.choice(carcinoma, n), "0000/0")
    else:
        code = np.where(
            rng.random(n) < 0.6, "R00", rng.choice([f"R{k:02d}" for k in range(1, 25)], n)
        )
    return pd.DataFrame(
        {
            "cell_size": size,
            "clump": np.clip(np.round(size + rng.normal(0, 2, n)), 1, 10),
            "code": code,
            "diagnosis": np.where(malignant, "malignant", "benign"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_status_code_blank_on_one_class_and_coded_on_the_other_is_asked_about(seed):
    report = audit(_biopsies(seed), "diagnosis")
    # A question: a sub-type that exists for one class by definition looks the same.
    found = next(f for f in leaks(report) if "code" in f.columns)
    assert found.severity == "medium"
    assert found.evidence["check"].startswith("a status code")
    assert "class 'malignant'" in found.message
    assert not [f for f in leaks(report, ("high",)) if {"cell_size", "clump"} & set(f.columns)]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_referral_code_known_before_is_no_status_code(seed):
    report = audit(_biopsies(seed, after=False), "diagnosis")
    assert not [f for f in leaks(report) if "code" in f.columns]


def _tasting(seed: int, subject: str = "number") -> pd.DataFrame:
    """A sensory panel: twelve tasters score fries over ten weeks, three oils, two reps."""
    rng = np.random.default_rng(seed)
    tasters = rng.permutation(np.arange(1, 16))[:12]
    bias = rng.normal(0, 2, 16)
    rows = []
    for week in range(1, 11):
        for oil in (1, 2, 3):
            for taster in tasters:
                for rep in (1, 2):
                    rows.append(
                        {
                            "time": week,
                            "treatment": oil,
                            "subject": {
                                "number": int(taster),
                                "topic": ["maths", "english", "physics", "history", "art"][
                                    taster % 5
                                ],
                            }[subject],
                            "rep": rep,
                            "grassy": round(max(0.0, rng.normal(1, 1)), 1),
                            "potato": round(
                                max(0.0, 9 - 0.3 * week + bias[taster] + rng.normal(0, 1.5)), 1
                            ),
                        }
                    )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_twelve_numbered_tasters_of_a_sensory_panel_are_the_entity(seed):
    assert audit(_tasting(seed), "potato").group_column == "subject"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_school_subject_in_words_is_no_entity(seed):
    assert audit(_tasting(seed, subject="topic"), "potato").group_column is None


def test_a_taxi_company_is_no_entity():
    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame(
        {
            "company": rng.choice([f"Cab Co {k}" for k in range(8)], n),
            "miles": rng.gamma(2, 2, n).round(1),
            "tip": rng.gamma(1, 2, n).round(2),
        }
    )
    assert audit(frame, "tip").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_an_outcome_kept_once_per_patient_is_no_alias_and_stays_a_leak(seed):
    # The target is one value per patient; so are the months survived: a measurement, not
    # a name of the patient, and a leak.
    rng = np.random.default_rng(seed)
    died = rng.random(60) < 0.4
    months = np.where(died, rng.uniform(1, 20, 60), rng.uniform(24, 60, 60)).round(1)
    pick = np.repeat(np.arange(60), 4)
    frame = pd.DataFrame(
        {
            "patient_id": 1000 + pick,
            "visit": np.tile(np.arange(1, 5), 60),
            "crp": rng.gamma(2, 5, 240).round(1),
            "survival_months": months[pick],
            "died": died[pick].astype(int),
        }
    )
    report = audit(frame, "died")
    entity = next(f for f in report.findings if f.kind == "repeated_entity")
    assert "survival_months" not in entity.evidence["aliases"]
    assert [f for f in leaks(report) if "survival_months" in f.columns]


def test_country_codes_beside_a_rare_class_are_no_status_code():
    # 1.5 % fraud: every code but 'US' sits on honest rows 98.5 % of the time by chance.
    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame(
        {
            "country": np.where(rng.random(n) < 0.93, "US", rng.choice(list("ABCDEFGH"), n)),
            "amount": rng.gamma(2, 40, n).round(2),
            "fraud": (rng.random(n) < 0.015).astype(int),
        }
    )
    report = audit(frame, "fraud")
    assert not [f for f in report.findings if f.evidence.get("check", "").startswith("a status")]


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("persons", lambda rng, n: rng.integers(1, 9, n)),
        ("sales_person", lambda rng, n: rng.choice([f"SP{k:02d}" for k in range(8)], n)),
        ("judge", lambda rng, n: rng.integers(1, 13, n)),
        ("subject", lambda rng, n: rng.choice([f"MA{k}01" for k in range(1, 9)], n)),
    ],
)
def test_counts_attributes_and_topics_are_no_observed_units(name, values):
    rng = np.random.default_rng(0)
    n = 1500
    frame = pd.DataFrame(
        {
            "year": rng.integers(2010, 2016, n),
            name: values(rng, n),
            "income": rng.normal(50, 10, n).round(1),
            "spend": rng.normal(20, 5, n).round(1),
        }
    )
    assert audit(frame, "spend").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_industry_codes_sorted_with_their_sector_are_no_entity(seed):
    # The sector is a coarser level of the same code (its first two digits): no trait of
    # each code.
    rng = np.random.default_rng(seed)
    sectors = rng.choice(np.arange(11, 93), 14, replace=False)
    codes = np.unique(
        [s * 10000 + int(rng.integers(1000, 9999)) for s in sectors for _ in range(6)]
    )
    pick = np.sort(rng.integers(0, len(codes), 3000))
    frame = pd.DataFrame(
        {
            "naics": codes[pick],
            "sector": codes[pick] // 10000,
            "employees": rng.lognormal(3, 1, 3000).round(),
            "revenue": rng.lognormal(12, 1, 3000).round(-2),
        }
    )
    assert audit(frame, "revenue").group_column is None
