"""Misses of the audit corpus batch 20, fixed on 4 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit.judge import _later_measurement_finding
from tests.unit.audit_findings import assessed_values

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


def _visits(seed: int, names: dict[str, str], n: int = 500) -> pd.DataFrame:
    """A trial in wide form: one value per visit. ``names`` maps the roles ``before``,
    ``target``, ``after`` and ``other`` to column names; each visit's value follows the one
    before it, the ``other`` measurement follows the same patient's course."""
    rng = np.random.default_rng(seed)
    baseline = rng.normal(500, 100, n)
    target = baseline + rng.normal(0, 60, n)
    after = target + rng.normal(0, 60, n)
    other = 0.02 * (after - 500) + rng.normal(0, 1.5, n)
    return pd.DataFrame(
        {
            "age": rng.integers(20, 70, n),
            names["before"]: baseline.round(),
            names["other"]: other.round(2),
            names["after"]: after.round(),
            names["target"]: target.round(),
        }
    )


@pytest.mark.parametrize(
    ("column", "target", "moments"),
    [
        # "cd4_wk48" is week 48 of the CD4 count, not "4 weeks": the digit is the measure's.
        ("cd4_wk48", "cd4_wk12", {"column": "48 weeks", "target": "12 weeks"}),
        ("il6_day7", "il6_day2", {"column": "7 days", "target": "2 days"}),
        ("pain90min", "pain_30min", {"column": "90 min", "target": "30 min"}),
    ],
)
def test_a_later_visit_is_read_from_names_with_digits_in_the_measure(column, target, moments):
    found = _later_measurement_finding(column, target, "R²", 0.6, 0.6)
    assert found is not None and found.evidence["moments"] == moments
    assert _later_measurement_finding(target, column, "R²", 0.6, 0.6) is None  # earlier


@pytest.mark.parametrize(
    ("names", "target"),
    [
        # Windows and horizons: sums over spans, not moments.
        ({"before": "sales_7d", "target": "sales_next_30d", "after": "sales_90d", "other": "x"},
         "sales_next_30d"),
        ({"before": "readmit_7d", "target": "readmit_30d", "after": "readmit_count_1yr",
          "other": "x"}, "readmit_30d"),
        # The unit is the only word in common: two different measurements.
        ({"before": "nausea_week_0", "target": "nausea_week_2", "after": "weight_week_8",
          "other": "x"}, "nausea_week_2"),
    ],
)  # fmt: skip
def test_windows_and_a_shared_unit_are_not_later_moments(names, target):
    for seed in SEEDS:
        report = audit(_visits(seed, names), target)
        assert not [
            f
            for f in report.findings
            if f.evidence.get("check", "").startswith("the same measurement, named as taken")
        ]


def _market_panel(seed: int, clock: str, n_symbols: int = 30, n_moments: int = 60) -> pd.DataFrame:
    """Symbols by moment, in symbol order: each symbol's responder follows a random walk."""
    rng = np.random.default_rng(seed)
    rows = []
    for symbol in range(n_symbols):
        walk = np.cumsum(rng.normal(0.05, 0.3, n_moments)) + rng.normal(0, 1)
        for t in range(n_moments):
            rows.append(
                {
                    "symbol_id": symbol,
                    clock: t,
                    "feature_1": round(walk[t] + rng.normal(0, 0.5), 3),
                    "volume": int(rng.poisson(100)),
                    "responder": round(walk[t] + rng.normal(0, 0.3), 3),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("clock", ["date_id", "period_id", "visit_id"])
def test_the_key_of_a_moment_is_still_a_panels_clock(clock):
    for seed in SEEDS:
        report = audit(_market_panel(seed, clock), "responder")
        assert (report.time_column, report.group_column) == (clock, "symbol_id")


def _invoices(seed: int, n_customers: int = 150, n_months: int = 24) -> pd.DataFrame:
    """Invoices numbered as they are issued, month by month, no date column: each customer's
    spend grows honestly with the months of the relationship."""
    rng = np.random.default_rng(seed)
    rows = []
    for month in range(n_months):
        for customer in rng.permutation(n_customers):
            if rng.random() < 0.5:
                growth = rng.normal(0.06, 0.02)
                rows.append(
                    {
                        "customer_id": f"C{customer:04d}",
                        "items": int(rng.poisson(3) + 1),
                        "segment": "abc"[customer % 3],
                        "amount": round(100 * np.exp(growth * month + rng.normal(0, 0.25)), 2),
                    }
                )
    frame = pd.DataFrame(rows)
    frame.insert(0, "invoice_no", 100000 + np.arange(len(frame)))
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_running_number_in_the_files_order_is_a_question_not_a_sort(seed):
    # Spend grows with the months and the invoices are numbered as issued: the number's order
    # predicts the amount (R² about 0.4), as a hidden clock does. Only a near-sort (R² 0.8)
    # says the export was sorted by the outcome.
    report = audit(_invoices(seed), "amount")
    found = [f for f in report.findings if "invoice_no" in f.columns]
    assert {f.severity for f in found} == {"medium"}, [(f.kind, f.severity) for f in found]
    (question,) = _leak_findings(report, "invoice_no")
    assert "is it a clock" in question.message


@pytest.mark.parametrize("seed", SEEDS)
def test_a_number_given_after_a_sort_by_the_outcome_stays_high(seed):
    frame = _invoices(seed)
    order = frame["amount"].rank(method="first").astype(int).to_numpy()
    frame["invoice_no"] = 100000 + order
    report = audit(frame, "amount")
    assert [f.severity for f in _leak_findings(report, "invoice_no")] == ["high"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rating_with_dont_know_coded_99_is_not_read_as_numbers(seed):
    # 1 to 5 and 99: the 99s would be most of the variance, and an honest flag that makes
    # "don't know" likely (a relative answered) would look near-perfect against the numbers.
    rng = np.random.default_rng(seed)
    n = 2000
    latent = rng.normal(0, 1, n)
    rating = np.clip(np.round(3 + 1.1 * latent + rng.normal(0, 0.5, n)), 1, 5).astype(int)
    proxy = rng.random(n) < 0.15
    unknown = np.where(proxy, rng.random(n) < 0.92, rng.random(n) < 0.02)
    frame = pd.DataFrame(
        {
            "age": rng.integers(18, 90, n),
            "income_band": np.clip(np.round(3 + 0.8 * latent + rng.normal(0, 1, n)), 1, 6),
            "proxy_interview": proxy.astype(int),
            "health_rating": np.where(unknown, 99, rating),
        }
    )
    assert not _leak_findings(audit(frame, "health_rating"), "proxy_interview")


@pytest.mark.parametrize("name", ["os_yrs", "os_mos", "OS_MONTH", "rfs_days"])
def test_end_point_abbreviations_take_every_spelling_of_their_unit(name):
    for seed in SEEDS:
        report = audit(_trial(seed).rename(columns={"rfstime": name}), "status")
        found = _leak_findings(report, name)
        assert found and found[0].evidence["check"].startswith("duration beside an event")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_time_to_resolve_beside_a_churn_status_is_no_clinical_end_point(seed):
    # "ttr_days": the mean days to resolve a customer's past tickets, known before; slow
    # support makes churn likelier. "TTR" is a time to recurrence only beside a clinical
    # event or a bare status.
    rng = np.random.default_rng(seed)
    n = 2000
    ttr = rng.gamma(2, 2.5, n).round(2)
    churned = rng.random(n) < 1 / (1 + np.exp(2 - 0.2 * ttr))
    frame = pd.DataFrame(
        {
            "tenure_months": rng.integers(1, 72, n),
            "monthly_fee": rng.normal(50, 15, n).round(2),
            "ttr_days": ttr,
            "churn_status": churned.astype(int),
        }
    )
    assert not _leak_findings(audit(frame, "churn_status"), "ttr_days")


def _freedom(seed: int, n: int = 1200) -> pd.DataFrame:
    """Countries: an economic score, a few honest inputs of the personal score (the target),
    and the overall score, the average of the two published beside them."""
    rng = np.random.default_rng(seed)
    economic = rng.normal(6.8, 0.9, n)
    legal = economic + rng.normal(0, 0.8, n)
    personal = 7 + 0.5 * (legal - 6.8) + rng.normal(0, 0.9, n)
    return pd.DataFrame(
        {
            "ef_legal": legal.round(3),
            "ef_score": economic.round(3),
            "region_size": rng.integers(5, 40, n),
            "hf_score": ((personal + economic) / 2).round(4),
            "pf_score": personal.round(4),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_average_of_the_target_and_another_column_is_found_through_their_weighted_sum(seed):
    # hf_score alone: R² about 0.6; with ef_score, 2 × hf_score − ef_score is the target.
    report = audit(_freedom(seed), "pf_score")
    found = [f for f in _leak_findings(report, "hf_score") if "pair" in f.evidence]
    assert found and found[0].evidence["check"] == "pair search (weighted sum)"
    assert found[0].evidence["score_together"] > 0.99


@pytest.mark.parametrize("seed", SEEDS)
def test_two_honest_numbers_that_add_up_to_a_good_fit_are_not_a_formula(seed):
    # Floor area and lot size price a house well together (R² about 0.85), honestly.
    rng = np.random.default_rng(seed)
    n = 1500
    area = rng.normal(150, 40, n)
    lot = rng.normal(600, 150, n)
    price = 2000 * area + 300 * lot + rng.normal(0, 25000, n)
    frame = pd.DataFrame(
        {"area": area.round(), "lot": lot.round(), "age": rng.integers(0, 80, n), "price": price}
    )
    report = audit(frame, "price")
    assert not [f for f in report.findings if "pair" in f.evidence]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_above_zero_on_a_sixth_of_the_rows_and_on_no_negative_is_asked_about(seed):
    # The year's felony arrests: above 0 for 65 % of the men arrested that year, 0 for every
    # man not arrested, where the base rate would put about 130 there.
    rng = np.random.default_rng(seed)
    n = 2700
    priors = rng.poisson(0.8, n)
    arrested = rng.random(n) < 1 / (1 + np.exp(1.6 - 0.5 * priors))
    felonies = np.where(arrested & (rng.random(n) < 0.65), rng.integers(1, 4, n), 0)
    frame = pd.DataFrame(
        {
            "priors": priors,
            "age": rng.integers(18, 30, n),
            "felony_arrests_86": felonies,
            "arrested_86": np.where(arrested, "yes", "no"),
        }
    )
    (found,) = _leak_findings(audit(frame, "arrested_86"), "felony_arrests_86")
    assert found.evidence["class_rows_elsewhere"] == 0


@pytest.mark.parametrize("name", ["serialno", "caseno", "acctnum"])
def test_a_record_number_glued_to_its_noun_is_an_identifier(name):
    rng = np.random.default_rng(0)
    n = 1500
    age = rng.integers(16, 90, n)
    frame = pd.DataFrame(
        {
            name: 2012000000000 + rng.choice(10**9, n, replace=False),
            "age": age,
            "status": np.where(rng.random(n) < 1 / (1 + np.exp((age - 50) / 10)), "a", "b"),
        }
    )
    report = audit(frame, "status")
    assert any(f.kind == "id_column" and f.columns == (name,) for f in report.findings)


def _waves(seed: int, *, piled: bool, n_subjects: int = 360) -> pd.DataFrame:
    """Subjects interviewed at months 0, 6, 12 and 24, in (subject, month) order; the forms
    are numbered wave by wave at data entry, inside a wave in piles by the housing status
    (7 % in another pile) or in no particular order."""
    rng = np.random.default_rng(seed)
    support = rng.random(n_subjects) < 0.4
    rows = []
    for subject in range(n_subjects):
        for month in (0, 6, 12, 24):
            level = 0.8 * support[subject] + 0.03 * month + rng.normal(0, 1)
            status = "street" if level < -0.3 else "community" if level < 0.7 else "independent"
            rows.append({"id": subject + 1, "time": month, "sec": int(support[subject]),
                         "housing_status": status})  # fmt: skip
    frame = pd.DataFrame(rows)
    pile = frame["housing_status"].map({"street": 0, "community": 1, "independent": 2})
    if not piled:
        pile = pile * 0
    pile = np.where(rng.random(len(frame)) < 0.07, rng.integers(0, 3, len(frame)), pile)
    order = frame.assign(pile=pile, noise=rng.random(len(frame)))
    order = order.sort_values(["time", "pile", "noise"]).index
    numbers = pd.Series(10001 + np.arange(len(frame)), index=order).sort_index()
    return frame.assign(form_no=numbers.to_numpy())[["form_no", *frame.columns]]


@pytest.mark.parametrize("seed", SEEDS)
def test_forms_numbered_in_piles_by_outcome_inside_each_wave_are_asked_about(seed):
    report = audit(_waves(seed, piled=True), "housing_status")
    assert report.time_column == "time"
    found = _leak_findings(report, "form_no")
    assert found and found[0].evidence["check"].startswith("order within blocks of time")
    assert not _leak_findings(audit(_waves(seed, piled=False), "housing_status"), "form_no")


# A second strict review's counter-cases: honest shapes the day's rules must leave alone.


@pytest.mark.parametrize("seed", SEEDS)
def test_a_reading_number_over_seasons_is_a_clock_question_not_a_sort(seed):
    # Daily meter readings numbered in time order, no date column: heating days come in runs
    # every winter, so neighbours share the outcome, but no end of the numbers holds it.
    rng = np.random.default_rng(seed)
    days = np.arange(1500)
    temp = 12 - 10 * np.cos(2 * np.pi * days / 365.25) + rng.normal(0, 3, len(days))
    frame = pd.DataFrame(
        {
            "reading_no": 50001 + days,
            "occupants": rng.integers(1, 5, len(days)),
            "heating_on": np.where(temp + rng.normal(0, 2, len(days)) < 10, "yes", "no"),
        }
    )
    report = audit(frame, "heating_on")
    assert not [f for f in report.findings if "reading_no" in f.columns and f.severity == "high"]


@pytest.mark.parametrize("seed", SEEDS)
def test_two_honest_inputs_that_both_raise_a_value_are_no_weighted_sum(seed):
    frame = assessed_values(seed)
    report = audit(frame, "assessed_value")
    assert not [
        f for f in report.findings if f.evidence.get("check") == "pair search (weighted sum)"
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_interviews_numbered_region_by_region_inside_each_wave_are_left_alone(seed):
    rng = np.random.default_rng(seed)
    people, regions = 400, np.array(["north", "south", "east", "west"])
    region = regions[rng.integers(0, 4, people)]
    lean = pd.Series(region).map({"north": 1.0, "south": -0.5, "east": 0.3, "west": -0.8})
    rows = []
    for wave in range(1, 6):
        for person in range(people):
            happy = lean[person] + rng.normal(0, 1) > 0
            rows.append({"person_id": person, "wave": wave, "region": region[person],
                         "happy": "yes" if happy else "no"})  # fmt: skip
    frame = pd.DataFrame(rows)
    order = frame.sort_values(["wave", "region"], kind="stable").index
    numbers = pd.Series(np.arange(1, len(frame) + 1), index=order).sort_index()
    report = audit(frame.assign(interview_no=numbers.to_numpy()), "happy")
    assert not _leak_findings(report, "interview_no")


def test_a_count_with_a_glued_name_is_not_an_identifier():
    from lessons.audit_types import infer_column_type

    rng = np.random.default_rng(0)
    assert infer_column_type("casenum", pd.Series(rng.poisson(40, 2000))) == "number"


@pytest.mark.parametrize("seed", SEEDS)
def test_children_only_of_the_married_are_an_honest_exclusion(seed):
    rng = np.random.default_rng(seed)
    n = 3000
    age = rng.integers(18, 70, n)
    married = rng.random(n) < 1 / (1 + np.exp(-(age - 30) / 5))
    kids = np.where(married & (rng.random(n) < 0.2), rng.integers(1, 5, n), 0)
    frame = pd.DataFrame({"age": age, "num_children": kids, "ever_married": married.astype(int)})
    report = audit(frame, "ever_married")
    assert not [
        f for f in report.findings if f.evidence.get("check", "").startswith("one-sided values")
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_change_beside_the_level_before_it_is_a_question_naming_both(seed):
    # cmath4 = math4 - math4_1: with last year's rate beside it, their sum is the target. The
    # data cannot tell which of the two was computed from it, so neither is called a leak.
    rng = np.random.default_rng(seed)
    n = 2000
    spend = rng.normal(5, 1, n)
    last_year = np.clip(40 + 4 * spend + rng.normal(0, 10, n), 0, 100)
    now = np.clip(last_year + rng.normal(3, 6, n), 0, 100)
    frame = pd.DataFrame(
        {
            "spend": spend.round(2),
            "pass_rate_last_year": last_year.round(1),
            "gain": (now.round(1) - last_year.round(1)).round(1),
            "pass_rate": now.round(1),
        }
    )
    (found,) = [f for f in audit(frame, "pass_rate").findings if "pair" in f.evidence]
    assert found.evidence["check"] == "pair search (sum)"
    assert found.severity == "medium" and set(found.columns) == {"gain", "pass_rate_last_year"}


def _chart_runs(seed: int, *, over_time: bool) -> pd.DataFrame:
    """Tracks on a weekly chart, one row per week of their run (2 to 30 weeks), with the run's
    total weeks copied onto every row; without the week and the date, the same shape is a
    table of households' members with the household's size on each member's row."""
    rng = np.random.default_rng(seed)
    rows = []
    for track in range(160):
        length = int(rng.integers(2, 31))
        appeal = rng.normal(0, 1)
        for week in range(1, length + 1):
            rank = 100 - 60 * (1 / (1 + np.exp(-(appeal + 0.1 * length - 0.15 * week))))
            rows.append({"track": f"T{track:03d}", "week": week, "length_sec": 180 + track % 90,
                         "total_weeks": length, "top40": "yes" if rank + rng.normal(0, 8) <= 40 else "no"})  # fmt: skip
    frame = pd.DataFrame(rows)
    if over_time:
        start = pd.Timestamp("2000-01-01") + pd.to_timedelta(rng.integers(0, 300, 160) * 7, "D")
        frame["chart_date"] = start[frame["track"].str[1:].astype(int)] + pd.to_timedelta(
            (frame["week"] - 1) * 7, "D"
        )
        return frame
    return frame.drop(columns="week").rename(
        columns={"track": "household", "total_weeks": "household_size", "length_sec": "income"}
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_the_length_of_an_entitys_run_copied_onto_every_row_is_asked_about(seed):
    report = audit(_chart_runs(seed, over_time=True), "top40")
    assert report.group_column == "track" and report.time_column is not None
    found = _leak_findings(report, "total_weeks")
    assert found and found[0].evidence["check"].startswith("length of the run")
    assert not _leak_findings(report, "length_sec")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_households_size_on_each_members_row_is_no_run(seed):
    report = audit(_chart_runs(seed, over_time=False), "top40")
    assert not [
        f for f in report.findings if f.evidence.get("check", "").startswith("length of the run")
    ]
