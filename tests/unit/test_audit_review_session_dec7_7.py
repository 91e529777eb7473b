"""Strict review of the audit's five rules of the seventh session of 7 December (2c80a2b,
8d30c7f, c84d1d0).

Each rule is probed with counter-cases a strict ML instructor would raise: small synthetic
tables a real file could be, each built from a seeded ``np.random.default_rng`` and run on
three seeds. The rules reviewed:

1. Coded units ("T1S", "Qn1") nested in a factor of the design and crossed with a condition
   the same few times (up to ``CONDITION_REPLICATES``) are the entity (``_serial_codes``,
   ``_under_every_condition(..., replicates=...)``).
2. Numbered judges, workers, operators, examiners ... (``DESIGN_PERSON_NAME``) are the
   entity when each meets every level of a condition exactly once.
3. "experiment" / "expt" joined ``CLUSTER_NAME``.
4. A fitted weighted sum with weights of opposite signs that reproduces a numeric target is
   a medium question naming both columns; weights of one and minus one (within
   ``UNIT_WEIGHT``) are a plain difference and stay high.
5. A numbered or lettered cluster-named column (block, site, lab, run, batch ...) holding
   every level of a design factor the same few times is the entity in any row order.

Probed: false entities (fixed treatments coded like units, diagnosis codes crossed with
the sexes, an A/B test's arm sorted in the export, a factorial's run number, a lab test
code beside the patients), missed entities (judges who taste every wine twice, blocks
numbered in Roman numerals, centres with ten patients per arm), and leaks under-flagged
or mis-assigned (a weighted total whose part shares the target's word, a profit net of a
3 % fee). The guards that pass keep what the rules get right: a 1 % fee stays high, an
average that includes the target is still found, a telecom "operator" of a churn table
and an "experiment" beside its participants are no entity.

Tests marked xfail documented cases the audit got wrong (strict: each had to keep failing
on every seed until fixed); the others guard what it gets right.

The review found ten failures; six were new with these rules and are fixed in the same
session: a cell's repeats told apart by a third column of the design (a treatment's
blocks, a diagnosis code's age bands) make a factorial, not a unit seen again; a cluster
that codes the design's cells (a factorial's run number) or that every patient crosses (a
lab test code) is no block; an experiment is a cluster only with its runs numbered inside
it ("experiment" left ``CLUSTER_NAME``); a weighted sum whose total weighs one (a sale less
1.03 times its buying price) stays a high difference. Of the four that were wrong before
these rules too, one is fixed as well: of a weighted total and its part, only the total is
named for sharing the target's word (the oral exam beside the written one is a sibling
measure). Three stayed xfail; the next session fixed them: blocks written in Roman
numerals (their test moved to test_audit_complete_blocks), judges tasting every wine
twice, and centres with ten patients per arm (each unit's own level a good share of the
target's spread).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import multicentre_trial, promotion_exams, wine_tastings

SEEDS = range(3)


def _leaks(report, column: str, severities=("high", "medium")) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and column in f.columns and f.severity in severities
    ]


# --- Rule 1: coded units nested in a factor, crossed with a condition -----------------------

AMENDMENTS = {
    "T1": "none",
    "T2": "manure",
    "T3": "manure",
    "T4": "compost",
    "T5": "compost",
    "T6": "mineral",
}


def _amendment_trial(seed: int) -> pd.DataFrame:
    """A randomised complete block field trial: six soil treatments coded T1 to T6 (each one
    amendment type) crossed with three varieties inside each of four blocks, file shuffled."""
    rng = np.random.default_rng(seed)
    fertility = rng.normal(0, 0.3, 5)
    rows = [
        {
            "block": block,
            "variety": variety,
            "treatment": code,
            "amendment": amendment,
            "yield_t_ha": round(4 + 0.3 * v + 0.25 * t + fertility[block] + rng.normal(0, 0.2), 2),
        }
        for block in range(1, 5)
        for v, variety in enumerate(["Alpha", "Brava", "Corsa"])
        for t, (code, amendment) in enumerate(AMENDMENTS.items())
    ]
    return pd.DataFrame(rows).sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_fixed_treatment_codes_are_no_entity_and_the_blocks_are(seed):
    """The treatments are the fixed factor the trial sets and compares: grouping folds by
    them hides each treatment from training, so its effect can never be learnt. The blocks
    (numbered 1 to 4, each holding every variety x treatment once) are the entity."""
    report = audit(_amendment_trial(seed), "yield_t_ha")
    assert report.group_column == "block"


def _cause_of_death_rates(seed: int) -> pd.DataFrame:
    """A published table of death rates: six ICD-10 causes (coded 'I21', 'J44' ...), each
    in one ICD chapter, by sex and four age bands, one row per cell, file shuffled."""
    rng = np.random.default_rng(seed)
    chapters = {
        "I21": "circulatory",
        "I63": "circulatory",
        "J18": "respiratory",
        "J44": "respiratory",
        "C34": "neoplasms",
        "C18": "neoplasms",
    }
    rows = [
        {
            "icd10": code,
            "chapter": chapter,
            "sex": sex,
            "age_band": band,
            "deaths_per_100k": round(float(rng.gamma(3, 4 + 3 * i + 8 * b)), 1),
        }
        for i, (code, chapter) in enumerate(chapters.items())
        for sex in ("F", "M")
        for b, band in enumerate(["0-44", "45-64", "65-74", "75+"])
    ]
    return pd.DataFrame(rows).sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_diagnosis_codes_crossed_with_sex_and_age_are_kinds(seed):
    """Each row is a cell of a cross-tabulation (cause x sex x age band); the cause is a
    kind, coded or written out, not a unit observed again and again: no entity."""
    assert audit(_cause_of_death_rates(seed), "deaths_per_100k").group_column is None


# --- Rule 2: numbered design people who meet every condition once ---------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_judges_tasting_every_wine_twice_are_the_entity(seed):
    """Tasting each wine twice makes each judge's rows more alike evidence of the judge,
    not less: the judge is the entity, as when each wine is tasted once."""
    assert audit(wine_tastings(seed, sessions=2), "response").group_column == "judge"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_telecom_operator_of_a_churn_table_is_no_entity(seed):
    """Customers of six mobile operators (numbered 1 to 6), each row its own customer: the
    operator is an attribute of a customer, crossing the plan type unevenly hundreds of
    times, not a design's person meeting every condition once. No entity."""
    rng = np.random.default_rng(seed)
    n = 900
    frame = pd.DataFrame(
        {
            "operator": rng.integers(1, 7, n),
            "plan": rng.choice(["prepaid", "postpaid"], n),
            "tenure_months": rng.integers(1, 72, n),
            "monthly_charge": np.round(rng.uniform(10, 90, n), 2),
            "dropped_calls": rng.poisson(3, n),
        }
    )
    frame["churned"] = np.where(rng.random(n) < 0.15 + 0.02 * frame["dropped_calls"], "yes", "no")
    report = audit(frame, "churned")
    assert report.group_column is None


# --- Rule 3: "experiment" and "expt" as clusters ---------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_an_ab_tests_variant_column_sorted_in_the_export_is_no_entity(seed):
    """Each user is randomised once to a variant: the variant is the treatment whose effect
    the model should learn, and grouping folds by it would hold out whole variants. No
    entity, whatever order the export is sorted in."""
    rng = np.random.default_rng(seed)
    n = 1200
    variant = np.sort(rng.integers(1, 5, n))
    frame = pd.DataFrame(
        {
            "user_id": rng.permutation(np.arange(100_000, 100_000 + n)).astype(str),
            "experiment": variant,
            "device": rng.choice(["desktop", "mobile", "tablet"], n),
            "country": rng.choice(["US", "GB", "DE", "FR"], n),
            "sessions_before": rng.poisson(4, n),
        }
    )
    p = 0.08 + 0.02 * (variant == 3) + 0.01 * frame["sessions_before"].clip(0, 8)
    frame["converted"] = np.where(rng.random(n) < p, "yes", "no")
    assert audit(frame, "converted").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_participants_rank_above_the_experiment_they_took_part_in(seed):
    """Three experiments of twenty participants each (coded 'S001' ...), each participant
    with eight trials: the participant is the unit observed again and again, the
    experiment a coarser cluster; the finer unit is the entity."""
    rng = np.random.default_rng(seed)
    rows = []
    k = 0
    for expt in (1, 2, 3):
        for _ in range(20):
            k += 1
            speed = rng.normal(0, 60)
            for condition in ("congruent", "incongruent"):
                for trial in range(4):
                    rows.append(
                        {
                            "experiment": expt,
                            "participant": f"S{k:03d}",
                            "condition": condition,
                            "soa_ms": [0, 200][trial % 2],
                            "rt_ms": round(
                                600
                                + 50 * (condition == "incongruent")
                                + 20 * expt
                                + speed
                                + rng.normal(0, 40)
                            ),
                        }
                    )
    assert audit(pd.DataFrame(rows), "rt_ms").group_column == "participant"


# --- Rule 4: a weighted sum with weights of opposite signs ----------------------------------


# Batch 79's firefighter exams with the names a real file gives them.
EXAM_NAMES = ("position", "race", "oral_exam", "written_exam", "combined_score")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_oral_exam_is_not_a_high_leak_when_it_shares_the_targets_word(seed):
    """The oral exam is a separate examination known before the written result; the
    combined score is the column computed from the target. Advising to drop the oral and
    keep the combined score is backwards: no high finding may name the oral exam."""
    report = audit(promotion_exams(seed, EXAM_NAMES), "written_exam")
    assert not _leaks(report, "oral_exam", ("high",))


@pytest.mark.parametrize("seed", SEEDS)
def test_an_average_that_includes_the_target_is_still_found(seed):
    """The course average is (midterm + final) / 2, a post-outcome column for the final:
    the weighted pair (2 x average - midterm) must still be found at medium or above,
    naming the average, and the honest midterm must never be a high leak."""
    rng = np.random.default_rng(seed)
    n = 200
    ability = rng.normal(0, 1, n)
    midterm = np.clip(np.round(65 + 10 * ability + rng.normal(0, 8, n)), 0, 100)
    final = np.clip(np.round(62 + 10 * ability + rng.normal(0, 9, n)), 0, 100)
    frame = pd.DataFrame(
        {
            "section": rng.choice(["A", "B", "C"], n),
            "attendance_pct": np.round(np.clip(80 + 8 * ability + rng.normal(0, 8, n), 20, 100)),
            "midterm": midterm,
            "course_avg": (midterm + final) / 2,
            "final": final,
        }
    )
    report = audit(frame, "final")
    assert _leaks(report, "course_avg")
    assert not _leaks(report, "midterm", ("high",))


def _trades(seed: int, fee: float) -> pd.DataFrame:
    """Closed trades: the net profit is the sale value minus the purchase value and a
    commission of ``fee`` on the purchase, a bookkeeping identity of the two values."""
    rng = np.random.default_rng(seed)
    n = 400
    bought = np.round(rng.uniform(1000, 20000, n), 2)
    sold = np.round(bought * (1 + rng.normal(0.03, 0.12, n)), 2)
    return pd.DataFrame(
        {
            "asset_class": rng.choice(["equity", "etf", "bond"], n),
            "holding_days": rng.integers(1, 400, n),
            "buy_value": bought,
            "sell_value": sold,
            "net_profit": np.round(sold - (1 + fee) * bought, 2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_profit_net_of_a_one_percent_fee_stays_high(seed):
    """sell - 1.01 x buy is a plain difference within the 0.02 tolerance: a bookkeeping
    identity that gives the target away, high, as the spread of two shares is."""
    report = audit(_trades(seed, 0.01), "net_profit")
    high = _leaks(report, "sell_value", ("high",))
    assert high and "buy_value" in high[0].evidence["pair"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_profit_net_of_a_three_percent_fee_stays_high(seed):
    """A 3 % commission instead of 1 % changes nothing about which column could be derived:
    the profit is still an identity of the two values, and must be as high as the 1 % case."""
    report = audit(_trades(seed, 0.03), "net_profit")
    high = _leaks(report, "sell_value", ("high",))
    assert high and "buy_value" in high[0].evidence["pair"]


# --- Rule 5: numbered or lettered clusters with every level of a factor inside --------------


def _factorial(seed: int) -> pd.DataFrame:
    """A replicated 2^3 factorial (temperature, pressure, catalyst), four replicates run on
    four days, 'run' the standard-order number 1 to 8 of the treatment combination."""
    rng = np.random.default_rng(seed)
    rows = []
    for replicate in range(1, 5):
        day = rng.normal(0, 1.0)
        for k in rng.permutation(8):
            a, b, c = k & 1, (k >> 1) & 1, (k >> 2) & 1
            rows.append(
                {
                    "replicate": replicate,
                    "run": int(k) + 1,
                    "temperature": [160, 180][a],
                    "pressure": [2, 4][b],
                    "catalyst": ["A", "B"][c],
                    "yield_pct": round(
                        60 + 4 * a + 2.5 * b - 3 * c + 1.5 * a * b + day + rng.normal(0, 0.8),
                        1,
                    ),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_factorials_run_number_of_the_treatment_combination_is_no_entity(seed):
    """The run number names a fixed treatment combination the model must learn from the
    three factors; grouping by it holds out whole combinations. The rows are independent
    runs; only the replicate (the day) could be a block."""
    assert audit(_factorial(seed), "yield_pct").group_column in (None, "replicate")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_lab_test_code_in_a_patients_extract_is_no_entity(seed):
    """Five patients, each with the same eight lab tests (numbered codes) fasting and not:
    the patient's rows answer alike; the test is a kind every patient has. Grouping by the
    test puts every patient on both sides of every split."""
    rng = np.random.default_rng(seed)
    rows = []
    for patient in range(1, 6):
        level = rng.normal(0, 1)
        age = int(rng.integers(30, 80))
        for draw in ("fasting", "random"):
            for lab in range(1, 9):
                rows.append(
                    {
                        "patient_id": f"P{patient:02d}",
                        "age": age,
                        "draw": draw,
                        "lab": lab,
                        "z_value": round(
                            level + 0.2 * lab + 0.3 * (draw == "random") + rng.normal(0, 0.5), 2
                        ),
                    }
                )
    report = audit(pd.DataFrame(rows), "z_value")
    assert report.group_column in ("patient_id", None)


@pytest.mark.parametrize("seed", SEEDS)
def test_centres_randomising_ten_patients_to_each_arm_are_the_entity(seed):
    """A multi-centre trial balanced within centre: each centre's patients share its
    practice and population, the cluster a leave-centre-out split must keep together,
    whether it enrols six patients per arm or ten."""
    assert audit(multicentre_trial(seed), "sbp_week12").group_column == "centre"
