"""Misses of the audit corpus batch 20, fixed on 4 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _leak_findings(report, column):
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and column in f.columns and f.severity in ("high", "medium")
    ]


def _exam_scores(seed: int, n: int = 1500) -> pd.DataFrame:
    """Pupils with an attainment score of 1 to 10 (whole numbers, so read as ten classes), two
    honest tests taken before it, and the exam awards the score is built from (a noisy step
    of it, 0 to 8)."""
    rng = np.random.default_rng(seed)
    verbal = rng.normal(0, 1, n)
    social = rng.integers(0, 3, n)
    latent = 0.6 * verbal - 0.2 * social + rng.normal(0, 0.8, n)
    attain = np.clip(np.round(5.5 + 2.2 * latent), 1, 10).astype(int)
    awards = np.clip(np.round((attain - 1) * 8 / 9 + rng.normal(0, 0.9, n)), 0, 8)
    return pd.DataFrame(
        {"verbal": verbal.round(1), "social": social, "awards": awards, "attain": attain}
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_column_built_from_an_ordered_score_is_asked_about_even_when_read_as_classes(seed):
    # Ten ordered whole numbers are read as classes; balanced accuracy over ten classes hides
    # a column that tracks the score's numbers (R² about 0.85 alone).
    report = audit(_exam_scores(seed), "attain")
    assert report.task == "multiclass"
    found = _leak_findings(report, "awards")
    assert found, [f.columns for f in report.findings]
    assert found[0].evidence["score_name"] == "R²"
    assert not _leak_findings(report, "verbal")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_strong_honest_column_of_an_ordered_score_is_not_asked_about(seed):
    # A mock exam taken before the final one tracks it well (R² about 0.7), not most of it.
    frame = _exam_scores(seed).drop(columns="awards")
    rng = np.random.default_rng(seed + 100)
    frame["mock_exam"] = (frame["attain"] + rng.normal(0, 1.5, len(frame))).round(1)
    report = audit(frame, "attain")
    assert not _leak_findings(report, "mock_exam")


def _sore_throats(seed: int, n: int = 400) -> pd.DataFrame:
    """A trial: sore throat at 30 minutes is the target; the pain on swallowing is scored at
    the same moment, the pain at rest again at 90 minutes and at 4 hours (after the outcome),
    and a cough at 10 minutes (before it)."""
    rng = np.random.default_rng(seed)
    treat = rng.integers(0, 2, n)
    age = rng.integers(20, 80, n)
    pain = np.clip(rng.normal(1.2 - 0.8 * treat, 1.2, n), 0, None)
    sore = (pain > 1.0).astype(int)
    later = np.clip(np.round(pain * 0.8 + rng.normal(0, 0.6, n)), 0, 10)
    much_later = np.clip(np.round(pain * 0.4 + rng.normal(0, 0.8, n)), 0, 10)
    swallowing = np.clip(np.round(pain * 1.5 + rng.normal(0, 0.4, n)), 0, 10)
    cough = np.clip(np.round(0.3 * pain + rng.normal(0, 0.8, n)), 0, 3)
    return pd.DataFrame(
        {
            "treat": treat,
            "age": age,
            "pacu10min_cough": cough,
            "pacu30min_swallowPain": swallowing,
            "pacu90min_throatPain": later,
            "postOp4hour_throatPain": much_later,
            "sore_throat_30min": np.where(sore == 1, "yes", "no"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_measurement_taken_after_the_targets_moment_is_asked_about(seed):
    # The 90-minute score alone reaches ROC AUC about 0.85: strong, not near-perfect, and the
    # 30-minute swallowing score carries the same signal, so no strength rule fired. Its
    # name says it is taken an hour after the outcome.
    report = audit(_sore_throats(seed), "sore_throat_30min")
    found = _leak_findings(report, "pacu90min_throatPain")
    assert found, [(f.columns, f.severity) for f in report.findings]
    assert found[0].evidence["moments"] == {"column": "90 min", "target": "30 min"}
    assert not _leak_findings(report, "pacu10min_cough")
    assert not _leak_findings(report, "age")


def _questionnaire(seed: int, n_subjects: int = 120, n_items: int = 20) -> pd.DataFrame:
    """Every subject answers every item; the file is in item order, and within an item by
    subject number (numbers 1 to 300 with gaps: a sample of the subjects)."""
    rng = np.random.default_rng(seed)
    ids = np.sort(rng.choice(np.arange(1, 301), n_subjects, replace=False))
    anger = rng.integers(10, 40, n_subjects)
    trait = 0.08 * (anger - 25) + rng.normal(0, 0.8, n_subjects)
    difficulty = rng.normal(0, 1, n_items)
    rows = []
    for item in range(n_items):
        for s in range(n_subjects):
            p = 1 / (1 + np.exp(-(trait[s] - difficulty[item])))
            rows.append(
                {
                    "Anger": anger[s],
                    "item": f"S{item % 4 + 1}Item{item:02d}",
                    "id": ids[s],
                    "mode": "want" if item % 2 else "do",
                    "r2": "Y" if rng.random() < p else "N",
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_subject_number_is_not_the_clock_of_a_crossed_design(seed):
    # Within each item the rows run by subject number: sorted inside every block, like a
    # panel's clock. A number named as an identifier keys a thing; it is not a moment.
    report = audit(_questionnaire(seed), "r2")
    assert report.time_column is None
    assert report.group_column == "id"


def _keyed(frame: pd.DataFrame, seed: int, *, by_outcome: bool) -> pd.DataFrame:
    """A number given to each answer as the forms were keyed: subject by subject in a random
    order; within a subject the 'N' answers first (8 % misfiled), or in no particular order."""
    rng = np.random.default_rng(seed + 10)
    subjects = rng.permutation(frame["id"].unique())
    pile = (frame["r2"] == "Y") ^ (rng.random(len(frame)) < 0.08)
    keyed = frame.assign(
        _subject=frame["id"].map({s: i for i, s in enumerate(subjects)}),
        _pile=pile if by_outcome else 0,
        _noise=rng.random(len(frame)),
    )
    order = keyed.sort_values(["_subject", "_pile", "_noise"]).index
    numbers = pd.Series(np.arange(1, len(frame) + 1), index=order)
    return frame.assign(response_no=numbers.sort_index().to_numpy())


@pytest.mark.parametrize("seed", SEEDS)
def test_an_answer_number_keyed_in_outcome_order_within_each_subject_is_asked_about(seed):
    # Unique on every row, so it is an identifier and was never screened; its raw values say
    # little (subjects were keyed in a random order), its rank inside each subject a lot.
    report = audit(_keyed(_questionnaire(seed), seed, by_outcome=True), "r2")
    found = _leak_findings(report, "response_no")
    assert found, [(f.columns, f.severity) for f in report.findings]
    assert found[0].evidence["mean_rank_correlation_within_entities"] > 0.4


@pytest.mark.parametrize("seed", SEEDS)
def test_an_answer_number_keyed_in_no_order_within_each_subject_is_left_alone(seed):
    report = audit(_keyed(_questionnaire(seed), seed, by_outcome=False), "r2")
    assert not _leak_findings(report, "response_no")


def _trial(seed: int, n: int = 600) -> pd.DataFrame:
    """A cancer trial: tumour size and nodes at entry, the recurrence-free survival time (days
    to recurrence, death or the last follow-up) beside a 0/1 ``status``, and the first event
    from the follow-up forms (a planted copy of the outcome that the model leans on)."""
    rng = np.random.default_rng(seed)
    size = rng.gamma(3, 10, n)
    nodes = rng.poisson(4, n)
    hazard = 0.0004 * np.exp(0.01 * size + 0.05 * nodes)
    event_day = rng.exponential(1 / hazard)
    censor_day = rng.uniform(300, 2600, n)
    status = (event_day < censor_day).astype(int)
    return pd.DataFrame(
        {
            "size": size.round(),
            "nodes": nodes,
            "rfstime": np.minimum(event_day, censor_day).round().astype(int),
            "first_event": np.where(status == 1, rng.choice(["local", "distant"], n), "none"),
            "status": status,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_end_point_abbreviation_with_a_unit_is_a_follow_up_beside_a_plain_status(seed):
    # "rfstime": recurrence-free survival time. Bare "RFS" or "OS" needs a target named as a
    # clinical event; with "time" written after it, the name says duration on its own.
    report = audit(_trial(seed), "status")
    found = _leak_findings(report, "rfstime")
    assert found, [(f.columns, f.severity) for f in report.findings]
    assert found[0].evidence["check"].startswith("duration beside an event target")
    assert not _leak_findings(report, "nodes")
