"""Issue 17's failure classes, each on a small synthetic table of its shape, and issue 19's
hard inputs (a single-row class, thousands of columns) audited instead of refused."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons import audit_screen as screen
from lessons.audit import audit
from lessons.audit.screens import _quick_strength
from lessons.audit_types import is_year_column
from tests.unit.audit_findings import leak_on as _leak_on
from tests.unit.audit_findings import leaks as _leaks


def _features(n: int, rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray]:
    """Four honest features and the logit they drive."""
    frame = pd.DataFrame(
        {
            "age": np.round(rng.normal(40, 10, n), 1),
            "income": np.round(rng.lognormal(8, 0.4, n), 2),
            "plan": rng.choice(["basic", "plus", "pro"], n),
            "visits": rng.poisson(3, n),
        }
    )
    logit = (
        0.06 * (frame["age"] - 40)
        + 0.8 * np.log(frame["income"] / 3000)
        + 0.5 * (frame["plan"] == "pro")
        + 0.15 * (frame["visits"] - 3)
    )
    return frame, logit.to_numpy()


def _binary(n: int = 4000, seed: int = 0, base: float = -0.8):
    rng = np.random.default_rng(seed)
    frame, logit = _features(n, rng)
    y = (rng.random(n) < 1 / (1 + np.exp(-(logit + base)))).astype(int)
    return frame, y, rng


def test_redundant_leaks_are_tested_as_a_group():
    """Class 1: a post-outcome credit and the same credit as a share of the bill."""
    frame, y, rng = _binary()
    n = len(frame)
    given = np.where(y == 1, rng.random(n) < 0.6, rng.random(n) < 0.08)
    credit = np.where(given, np.round(rng.uniform(5, 40, n), 2), 0.0)
    frame["goodwill_credit"] = credit
    frame["goodwill_credit_share"] = np.round(credit / (frame["income"] / 50), 4)
    frame["left"] = y
    report = audit(frame, "left")
    finding = _leak_on(report, "goodwill_credit")
    assert set(finding.columns) == {"goodwill_credit", "goodwill_credit_share"}
    assert "redundant group" in finding.evidence["check"]
    # Left out together, the score drops by more than either copy alone would show.
    assert finding.evidence["score_with"] - finding.evidence["score_without"] > 0.02
    assert "left out together, the score drops" in finding.message


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_group_that_loses_nothing_does_not_say_the_score_drops(seed):
    """A wage, its log and the benefit it sets, each near-perfect for a state flag whose
    complement is in the table too: the complement gives the target alone, so the group is
    asked about for its best member, and the score without it is the score with it."""
    rng = np.random.default_rng(seed)
    n = 2000
    michigan = rng.integers(0, 2, n)
    wage = 300 + 75 * michigan + rng.normal(0, 25, n)
    frame = pd.DataFrame(
        {
            "kentucky": 1 - michigan,
            "prewage": wage.round(2),
            "lprewage": np.log(wage).round(4),
            "benefit": (0.6 * wage + rng.normal(0, 8, n)).round(2),
            "age": rng.integers(18, 65, n),
            "male": rng.integers(0, 2, n),
            "michigan": michigan,
        }
    )
    finding = _leak_on(audit(frame, "michigan"), "prewage")
    assert set(finding.columns) == {"prewage", "lprewage", "benefit"}
    assert finding.evidence["score_with"] - finding.evidence["score_without"] < 0.005
    assert "the score drops" not in finding.message
    assert "the other columns make up for them" in finding.message


def test_a_near_perfect_single_column_is_a_medium_question():
    """Class 2: a neutral-named column with R² about 0.9 alone."""
    rng = np.random.default_rng(1)
    n = 3000
    frame, logit = _features(n, rng)
    y = 100 + 20 * logit + rng.normal(0, 5, n)
    frame["lab_marker"] = np.round(y + rng.normal(0, 0.3 * y.std(), n), 1)
    frame["spend"] = y
    report = audit(frame, "spend")
    finding = _leak_on(report, "lab_marker")
    assert finding.severity == "medium"
    assert finding.message.startswith("Is 'lab_marker' known at the moment of prediction?")
    assert finding.evidence["score_alone"] > 0.85
    assert finding.evidence["check"].startswith("near-perfect alone")


def test_a_strong_legitimate_feature_stays_below_high():
    """Class 2's other side: a credit score that drives default is never a high leak."""
    rng = np.random.default_rng(2)
    n = 4000
    score = rng.normal(650, 60, n)
    frame = pd.DataFrame({"credit_score": np.round(score), "region": rng.choice(list("NSEW"), n)})
    frame["defaulted"] = (rng.random(n) < 1 / (1 + np.exp((score - 600) / 25))).astype(int)
    report = audit(frame, "defaulted")
    assert not _leaks(report, ("high",))


def test_a_category_that_sets_a_numeric_target_is_found():
    """Class 3: a tier that fixes a premium, scored with out-of-fold target means."""
    rng = np.random.default_rng(3)
    n = 3000
    frame, logit = _features(n, rng)
    tiers = np.array([f"tier_{c}" for c in "ABCDEFGHJK"])
    tier = rng.integers(0, 10, n)
    frame["tier"] = tiers[tier]
    # R² about 0.9 from the tier alone: under the old "too good" bar (0.98), above the new
    # near-perfect one.
    frame["premium"] = np.round(200 + 90 * tier + 5 * logit + rng.normal(0, 80, n), 2)
    report = audit(frame, "premium")
    finding = _leak_on(report, "tier")
    assert 0.85 < finding.evidence["score_alone"] < 0.98
    assert finding.severity == "medium"


def test_a_status_code_is_a_leak_not_an_entity_and_keeps_the_other_checks():
    """Class 4: one code on every negative row, many codes on positive rows; and a
    missing-value leak in the same table that the entity's folds used to hide."""
    frame, y, rng = _binary(seed=4)
    n = len(frame)
    codes = np.array([f"R{i:02d}" for i in range(1, 41)])
    frame["status_code"] = np.where(y == 1, codes[rng.integers(0, 40, n)], "R00")
    filled = np.where(y == 1, rng.random(n) < 0.7, rng.random(n) < 0.02)
    frame["collections_note_len"] = np.where(filled, rng.integers(10, 400, n), np.nan)
    frame["churned"] = y
    report = audit(frame, "churned")
    assert report.group_column != "status_code"
    assert _leak_on(report, "status_code").severity == "high"
    assert _leak_on(report, "collections_note_len").severity == "high"


def test_a_field_filled_for_one_outcome_only_is_high_even_when_mostly_empty():
    """Class 5: an exit-survey score that only some leavers have (95 % empty)."""
    frame, y, rng = _binary(seed=5)
    n = len(frame)
    filled = (y == 1) & (rng.random(n) < 0.15)
    frame["exit_survey"] = np.where(filled, rng.integers(1, 6, n), np.nan)
    frame["left"] = y
    report = audit(frame, "left")
    finding = _leak_on(report, "exit_survey")
    assert finding.severity == "high"
    assert frame["exit_survey"].isna().mean() > 0.9
    assert finding.evidence["one_sided"]["class_share"] == 1.0
    assert finding.evidence["one_sided"]["side"] == "filled"


def test_a_product_that_gives_the_target_away_is_found_through_the_pair():
    """Class 6: the units sold and the average ticket, when revenue is the target."""
    rng = np.random.default_rng(6)
    n = 3000
    frame, _ = _features(n, rng)
    units = rng.integers(1, 200, n)
    revenue = np.round(units * rng.lognormal(3, 0.5, n), 2)
    frame["units"] = units
    frame["avg_ticket"] = np.round(revenue / units, 3)
    frame["revenue"] = revenue
    report = audit(frame, "revenue")
    finding = next(f for f in _leaks(report) if "pair" in f.evidence)
    assert set(finding.evidence["pair"]) == {"units", "avg_ticket"}
    assert finding.evidence["check"] == "pair search (product)"
    assert finding.evidence["score_together"] > 0.95
    assert max(finding.evidence["score_alone"].values()) < 0.6
    # Units sold beside an honest price per unit look the same: high would say which to drop.
    assert finding.severity == "medium"
    assert set(finding.columns) == {"units", "avg_ticket"}
    assert "cannot tell which" in finding.advice


def test_a_ratio_named_like_the_target_is_the_leak_and_its_partner_is_not():
    rng = np.random.default_rng(6)
    n = 3000
    frame, _ = _features(n, rng)
    units = rng.integers(1, 200, n)
    revenue = np.round(units * rng.lognormal(3, 0.5, n), 2)
    frame["units"] = units
    frame["revenue_per_unit"] = np.round(revenue / units, 3)
    frame["revenue"] = revenue
    report = audit(frame, "revenue")
    assert report.leak_columns("high") == ["revenue_per_unit"]


def test_entities_and_time_in_a_log():
    """Class 7: an account code that repeats, an epoch-seconds time ahead of a model year,
    and a running row number in rows sorted by something else."""
    rng = np.random.default_rng(7)
    n = 3000
    accounts = np.array([f"AC{i:05d}" for i in rng.choice(99999, 150, replace=False)])
    frame = pd.DataFrame(
        {
            "account": accounts[rng.integers(0, 150, n)],
            "event_time": np.sort(rng.integers(1_600_000_000, 1_700_000_000, n)),
            "model_year": rng.integers(2005, 2020, n),
            "amount": np.round(rng.lognormal(3, 1, n), 2),
        }
    )
    frame["flagged"] = (rng.random(n) < 1 / (1 + np.exp(-(np.log(frame["amount"]) - 3)))).astype(
        int
    )
    frame.insert(0, "seq", np.arange(1, n + 1))
    frame = frame.sort_values("amount", ignore_index=True)
    report = audit(frame, "flagged")
    assert report.group_column == "account"
    assert report.time_column == "event_time"
    assert "seq" in {c for f in report.findings if f.kind == "id_column" for c in f.columns}


def test_the_honest_score_uses_time_ordered_folds_and_says_so():
    """Class 8: with a time column, the honest score never learns from the future."""
    rng = np.random.default_rng(8)
    n = 4000
    when = pd.DatetimeIndex(
        pd.Timestamp("2022-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 730, n)), "D")
    )
    region = rng.choice([f"r{i}" for i in range(12)], n)
    # Each region's rate changes from month to month: random folds learn the month's rate
    # from its neighbours, time-ordered folds only from the past.
    month = (when.year - 2022) * 12 + when.month
    effect = {
        (r, m): e
        for r in np.unique(region)
        for m, e in zip(range(1, 25), rng.normal(0, 1.5, 24), strict=True)
    }
    logit = np.array([effect[(r, m)] for r, m in zip(region, month, strict=True)])
    frame = pd.DataFrame(
        {
            "signup_date": when,
            "region": region,
            "campaign": [f"m{m:02d}" for m in month],
            "noise": rng.normal(size=n),
        }
    )
    frame["converted"] = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    report = audit(frame, "converted")
    assert report.time_column == "signup_date"
    assert report.folds.startswith("time-ordered")
    assert "signup_date" in report.folds
    shuffled = audit(frame, "converted", column_types={"signup_date": "ignore"})
    assert shuffled.folds.startswith("random")
    assert report.honest_score < shuffled.honest_score - 0.03


def test_forward_encoding_never_reads_a_later_fold():
    rng = np.random.default_rng(9)
    n = 400
    codes = rng.integers(0, 5, n)
    folds = screen.time_folds(np.arange(n, dtype=float), 4)
    assert list(np.unique(folds)) == [0, 1, 2, 3]
    assert np.all(np.diff(folds) >= 0)
    values = rng.random(n).round()
    first = screen.forward_encode(codes, 5, screen.Target("binary", values, 2), folds)
    changed = values.copy()
    changed[folds == 3] = 1 - changed[folds == 3]
    second = screen.forward_encode(codes, 5, screen.Target("binary", changed, 2), folds)
    assert np.allclose(first, second)


def test_a_single_row_class_is_a_finding_not_a_refusal():
    """Issue 19: one rare label no longer stops the audit of everything else."""
    rng = np.random.default_rng(10)
    n = 300
    frame = pd.DataFrame({"x": rng.normal(size=n), "colour": rng.choice(["r", "g"], n)})
    labels = np.where(frame["x"] > 0, "high", "low").astype(object)
    labels[7] = "unknown"
    frame["grade"] = labels
    frame["refund_issued"] = np.where(labels == "high", rng.uniform(5, 50, n), 0.0)
    report = audit(frame, "grade")
    singleton = [f for f in report.findings if f.kind == "singleton_class"]
    assert singleton and singleton[0].severity == "high"
    assert singleton[0].evidence["single_row_classes"] == ["unknown"]
    assert "merge" in singleton[0].advice.lower()
    # The rest of the audit still runs: the leak is found on the other rows.
    assert "refund_issued" in report.leak_columns("high")


def test_a_table_of_thousands_of_columns_is_audited():
    """Issue 19: 2,500 columns are screened column by column instead of refused."""
    rng = np.random.default_rng(11)
    n = 80
    wide = pd.DataFrame(
        np.round(rng.normal(size=(n, 2500)), 3), columns=[f"s{i}" for i in range(2500)]
    )
    y = (wide["s10"] + rng.normal(0, 0.5, n) > 0).astype(int)
    wide["s2400"] = np.where(y == 1, 1.0, 0.0) + rng.normal(0, 0.01, n)
    wide["y"] = y
    # No deadline here (a busy machine must not change the result); the budget has its own test.
    report = audit(wide, "y", time_budget=float("inf"))
    assert report.columns == 2501
    assert "s2400" in report.leak_columns("high")
    assert not any("not screened" in note for note in report.notes)


def test_a_screen_that_runs_out_of_time_says_which_columns_it_skipped():
    rng = np.random.default_rng(12)
    frame = pd.DataFrame(rng.normal(size=(100, 130)), columns=[f"c{i}" for i in range(130)])
    frame["y"] = (frame["c0"] > 0).astype(int)
    frame["c129"] = frame["y"] + rng.normal(0, 0.01, 100)  # a leak in the last column
    report = audit(frame, "y", time_budget=0.0)
    note = next(note for note in report.notes if "not screened" in note)
    assert "time budget" in note and "30 of 130 columns" in note
    # The first 100 columns screened are the likeliest: the leak is among them.
    assert "c129" in report.leak_columns("high")


@pytest.mark.parametrize("n_columns", [2001, 2600])
def test_wide_tables_no_longer_raise(n_columns):
    frame = pd.DataFrame(np.zeros((20, n_columns)), columns=[f"c{i}" for i in range(n_columns)])
    frame["y"] = [0, 1] * 10
    report = audit(frame, "y")
    assert any(f.kind == "constant_column" for f in report.findings)


def test_a_launch_or_model_year_is_an_attribute_not_the_time_order():
    years = pd.Series([2015, 2018, 2020, 2021])
    assert not is_year_column("launch_year", years)
    assert not is_year_column("model_year", years)
    assert is_year_column("year", years)


def test_the_quick_screen_puts_the_strongest_columns_first():
    """On a very wide table the column screen runs strongest first, so a budget that runs
    out skips the weakest; a leak in the last column still comes first."""
    rng = np.random.default_rng(13)
    n = 500
    frame = pd.DataFrame(rng.normal(size=(n, 150)), columns=[f"c{i}" for i in range(150)])
    y = (rng.random(n) < 0.4).astype(float)
    frame["c149"] = y + rng.normal(0, 0.05, n)
    frame["c148"] = np.where(y == 1, rng.normal(size=n), np.nan)  # filled for one class
    strength = _quick_strength(frame, list(frame.columns), screen.Target("binary", y, 2))
    order = sorted(strength, key=strength.get, reverse=True)
    assert set(order[:2]) == {"c149", "c148"}


def test_the_leak_chart_shows_a_redundant_group_s_best_column():
    from components.charts.audit import leak_scores_figure

    evidence = {
        "score_name": "ROC AUC",
        "score_with": 0.93,
        "score_without": 0.88,
        "score_alone": {"credit": 0.74, "credit_share": 0.76},
    }
    figure = leak_scores_figure(evidence, ("credit", "credit_share"))
    bar = figure.data[0]
    assert list(bar.x) == [0.93, 0.88, 0.76]
    assert bar.y[-1] == "best alone (credit_share)"


# ---------------------------------------------------------------------------------------------
# Found on the corpus's second batch of real tables (bench/audit_corpus, batch 2)
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_a_file_sorted_by_its_target_lends_no_column_a_score(seed):
    """Tied values must not read the row order: a file sorted by the outcome (all the positives
    first) made small-integer columns look near-perfect through their ties."""
    frame, y, _ = _binary(n=800, seed=seed)
    frame["left"] = y
    frame = frame.sort_values("left", ascending=False, kind="stable").reset_index(drop=True)
    frame["kids"] = np.random.default_rng(seed).integers(0, 4, len(frame))
    values = frame["kids"].to_numpy(dtype=float)
    target = screen.Target("binary", frame["left"].to_numpy(dtype=float), 2)
    # Leave-one-out means of a useless column sit a little below chance, never above it.
    assert screen.roc_auc(target.values, screen.neighbour_predict(values, target)) < 0.6
    report = audit(frame, "left")
    assert not [f for f in _leaks(report) if "kids" in f.columns]


@pytest.mark.parametrize("seed", range(3))
def test_a_number_named_like_a_moment_is_the_time_order_of_a_panel_not_a_duration(seed):
    """A 'date' in decimal years or a 'Time' in days is the order when it keys a panel with an
    entity; a 'Time' that only repeats (a loan term of 12, 24 or 36 months) is a duration."""
    rng = np.random.default_rng(seed)
    cities = [f"Town {chr(65 + i)}{chr(65 + j)}" for i in range(6) for j in range(5)]
    months = np.arange(48)
    panel = pd.DataFrame(
        [(c, 2010 + m / 12) for c in cities for m in months], columns=["city", "date"]
    )
    size = {c: rng.lognormal(4, 1) for c in cities}
    panel["listings"] = [size[c] * 5 * rng.lognormal(0, 0.1) for c in panel["city"]]
    panel["sales"] = [size[c] * rng.lognormal(0, 0.2) for c in panel["city"]]
    panel = panel.sample(frac=1, random_state=seed).reset_index(drop=True)
    report = audit(panel, "sales")
    assert report.time_column == "date"
    assert report.group_column == "city"

    loans, y, rng = _binary(n=2000, seed=seed)
    loans["Time"] = rng.choice([12, 24, 36, 48, 60], len(loans))
    loans["bad"] = y
    assert audit(loans, "bad").time_column is None


def test_an_earlier_value_of_the_target_is_not_named_like_a_leak():
    """'sales_same_month_last_year' names the target but is the classic honest lag feature."""
    from lessons.audit.judge import _names_the_target

    assert _names_the_target("price_final", "price")
    assert not _names_the_target("sales_same_month_last_year", "sales")
    assert not _names_the_target("prev_sales", "sales")
    assert not _names_the_target("sales_lag_1", "sales")


@pytest.mark.parametrize("seed", range(3))
def test_two_formulas_in_one_table_are_both_found_even_beside_a_strong_column(seed):
    """Takings beside the unit price (neither strong alone, but the data cannot tell which
    was derived: a medium question naming both), and a stock cover that turns strong
    listings into the sales pace (listings alone is strong: a medium question)."""
    rng = np.random.default_rng(seed)
    n = 3000
    units = rng.lognormal(3, 0.8, n)
    frame = pd.DataFrame({"region": rng.choice(["n", "s", "e", "w"], n)})
    frame["listings"] = units * 6 * rng.lognormal(0, 0.2, n)
    frame["months_of_stock"] = np.round(frame["listings"] / units, 2)
    frame["price_each"] = rng.lognormal(2, 0.6, n)
    frame["takings"] = np.round(units * frame["price_each"], 2)
    frame["sales"] = units
    report = audit(frame, "sales")
    pairs = {frozenset(f.evidence["pair"]): f for f in _leaks(report) if "pair" in f.evidence}
    takings = pairs[frozenset({"takings", "price_each"})]
    assert takings.severity == "medium"
    assert set(takings.columns) == {"takings", "price_each"}
    assert not report.leak_columns("high")
    cover = pairs[frozenset({"listings", "months_of_stock"})]
    assert cover.severity == "medium"
    assert cover.message.startswith("Is ")


def test_a_unique_name_on_every_row_is_an_identifier():
    from lessons.audit_types import infer_column_type

    makes = pd.Series([f"Brand{i % 7} Model {i}" for i in range(93)])
    assert infer_column_type("Make", makes) == "identifier"
    repeated = pd.Series([f"Brand {i % 7}" for i in range(93)])
    assert infer_column_type("Make", repeated) == "category"


@pytest.mark.parametrize("seed", range(3))
def test_a_column_that_outweighs_the_rest_of_the_table_is_a_medium_question(seed):
    """A wage reported after the year whose participation is the target: alone, it beats all
    the honest columns together, though it is far from perfect."""
    frame, y, rng = _binary(n=3000, seed=seed)
    frame["worked"] = y
    frame["reported_wage"] = np.where(
        (y == 1) & (rng.random(len(y)) < 0.75) | (rng.random(len(y)) < 0.04),
        np.round(rng.lognormal(2.5, 0.4, len(y)), 2),
        0.0,
    )
    finding = _leak_on(audit(frame, "worked"), "reported_wage")
    assert finding.severity == "medium"
    assert finding.message.startswith("Is ")


def _olive_oils(seed: int) -> pd.DataFrame:
    """Two fatty acids that together tell three regions apart: no formula of the target."""
    rng = np.random.default_rng(seed)
    n = 900
    region = rng.integers(0, 3, n)
    return pd.DataFrame(
        {
            "oleic": np.round(rng.normal(70, 3, n) + 4 * (region == 1), 1),
            "eicosenoic": np.round(np.abs(rng.normal(0.3, 0.1, n)) * (region != 2), 2),
            "region": np.array(["north", "south", "sardinia"])[region],
        }
    )


@pytest.mark.parametrize("seed", range(3))
def test_two_honest_measurements_are_asked_about_as_an_interaction_never_high(seed):
    """At most a medium question ("recorded after the outcome?"), worded as an interaction,
    never a high leak or "the target needs no model", unless the pair is too good to be true."""
    for finding in _leaks(audit(_olive_oils(seed), "region")):
        assert finding.severity == "medium"
        assert finding.message.startswith("Is ")
        assert "needs no model" not in finding.advice


def test_a_day_count_past_the_calendar_and_a_near_unique_subject_number():
    """'pan_day' runs to 100 (a count of days since the start, so the time order); a subject
    number with a few repeats (re-tests) is an identifier, not an entity."""
    frame, y, rng = _binary(n=3000)
    frame["pan_day"] = np.sort(rng.integers(1, 101, len(frame)))
    frame["subject_id"] = rng.permutation(np.r_[np.arange(2800), rng.integers(0, 2800, 200)])
    frame["positive"] = y
    report = audit(frame, "positive")
    assert report.time_column == "pan_day"
    assert report.group_column != "subject_id"
    assert "subject_id" in {c for f in report.findings if f.kind == "id_column" for c in f.columns}
    calendar = frame.assign(day=rng.integers(1, 29, len(frame))).drop(columns="pan_day")
    assert audit(calendar, "positive").time_column is None


def test_last_week_s_value_of_the_target_is_a_question_of_horizon_not_a_high_leak():
    """A growth panel: last week's weight predicts this week's almost perfectly, honestly."""
    rng = np.random.default_rng(0)
    rows = []
    for pig in range(60):
        weight = rng.normal(20, 3)
        for week in range(12):
            previous, weight = weight, weight + rng.normal(6, 1)
            rows.append((f"P{pig:03d}", week, previous, weight, rng.integers(1, 4)))
    frame = pd.DataFrame(rows, columns=["pig", "week", "weight_prev_week", "weight", "pen"])
    finding = _leak_on(audit(frame, "weight"), "weight_prev_week")
    assert finding.severity == "medium"
    assert finding.message.startswith("Is ")
    assert "earlier value" in finding.evidence["check"]


def test_a_rate_per_week_is_never_the_time_order():
    """'hours_per_week' runs to 98, past a week's cycle, but it is a rate, not a count of weeks."""
    frame, y, rng = _binary(n=2000)
    frame["hours_per_week"] = np.sort(rng.integers(1, 99, len(frame)))
    frame["earns_more"] = y
    assert audit(frame, "earns_more").time_column is None


def test_words_that_only_start_like_a_lag_do_not_hide_a_copy_of_the_target():
    """'prevented_loss' is not a previous value; a near-copy of the target named so is high."""
    from lessons.audit.judge import _earlier_value_of_the_target, _names_the_target

    assert _names_the_target("prevented_loss", "loss")
    assert _names_the_target("last_status", "status")
    assert not _earlier_value_of_the_target("prevalence_rate", "rate")
    rng = np.random.default_rng(0)
    frame = pd.DataFrame({"region": rng.choice(list("abcd"), 1500), "x": rng.normal(0, 1, 1500)})
    frame["loss"] = np.exp(rng.normal(3, 1, 1500))
    frame["prevented_loss"] = frame["loss"] * rng.normal(1, 0.01, 1500)
    assert _leak_on(audit(frame, "loss"), "prevented_loss").severity == "high"


def test_an_honest_strong_column_beside_a_close_second_is_not_dominant():
    """The others together are worth at least the best of them alone: a second measure of the
    same driver keeps the first from 'outweighing the rest of the table'."""
    rng = np.random.default_rng(0)
    n = 400
    size = rng.normal(0, 1, n)
    frame = pd.DataFrame(
        {
            "floor_area": size + rng.normal(0, 0.3, n),
            "rooms": np.round(3 + size + rng.normal(0, 0.5, n)),
            "age": rng.integers(0, 80, n),
        }
    )
    frame["price"] = 100 + 20 * size + rng.normal(0, 6, n)
    dominant = [
        f for f in _leaks(audit(frame, "price")) if "dominant" in f.evidence.get("check", "")
    ]
    assert not dominant


# ---------------------------------------------------------------------------------------------
# Found on the corpus's fourth batch (a state production panel, survival tables, a loan book)
# ---------------------------------------------------------------------------------------------


def _state_panel(seed: int) -> pd.DataFrame:
    """Thirty regions of very different sizes over seventeen years: output is jobs times a
    productivity of each region's own, so jobs predicts output through the region's size."""
    rng = np.random.default_rng(seed)
    rows = []
    for region in range(30):
        size = np.exp(8 * region / 29) * rng.lognormal(0, 0.05)
        productivity = rng.lognormal(0, 0.2)
        for year in range(17):
            jobs = size * np.exp(0.02 * year) * rng.lognormal(0, 0.003) * 1000
            output = jobs * productivity * np.exp(0.015 * year) * rng.lognormal(0, 0.003) * 30
            rows.append(
                (
                    f"R{region:02d}",
                    1970 + year,
                    round(jobs, 1),
                    round(rng.normal(6, 1.5), 1),
                    output,
                )
            )
    frame = pd.DataFrame(rows, columns=["region", "year", "jobs", "unemployment", "output"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", range(3))
def test_a_size_too_good_only_through_its_own_entity_is_a_question_not_a_high_leak(seed):
    """In a panel, a row's nearest jobs value is its own region's neighbouring year: jobs looks
    too good alone (R² 0.98+) but predicted from other regions only it is not. A copy of the
    target in other units stays too good from other regions too: high."""
    from lessons.audit.report import TOO_GOOD_LIFT

    frame = _state_panel(seed)
    report = audit(frame, "output")
    assert report.group_column == "region"
    jobs = _leak_on(report, "jobs")
    assert jobs.severity == "medium"
    assert jobs.evidence["score_alone"] >= TOO_GOOD_LIFT
    assert jobs.evidence["lift_alone_across_entities"] < TOO_GOOD_LIFT
    assert "other entities" in jobs.message
    rng = np.random.default_rng(seed)
    frame["ledger_total"] = np.round(
        frame["output"] / 1000 * rng.lognormal(0, 0.003, len(frame)), 2
    )
    report = audit(frame, "output")
    copy = _leak_on(report, "ledger_total")
    assert copy.severity == "high"
    assert copy.evidence["lift_alone_across_entities"] >= TOO_GOOD_LIFT
    assert not [f for f in _leaks(report, ("high",)) if "jobs" in f.columns]


def test_a_formula_partner_named_like_the_target_is_the_one_asked_about():
    """'gdp_per_job' holds the target's (3-letter) name: beside 'jobs' in a product it is the
    suspect of the pair, and 'jobs' is not implicated by the pair."""
    frame = _state_panel(0)
    rng = np.random.default_rng(0)
    frame = frame.rename(columns={"output": "gdp"})
    per_job = frame["gdp"] / frame["jobs"] * rng.lognormal(0, 0.015, len(frame))
    frame["gdp_per_job"] = np.where(rng.random(len(frame)) < 0.05, np.nan, np.round(per_job, 2))
    pairs = [f for f in _leaks(audit(frame, "gdp")) if "pair" in f.evidence]
    assert pairs and pairs[0].columns == ("gdp_per_job",)


def _follow_up_study(seed: int, n: int = 2500) -> pd.DataFrame:
    """A cohort followed up for up to 5,200 days: 'futime' ends at the death, or at the last
    contact for the survivors (most of them lost along the way); age and a lab value drive the
    risk honestly, and 'futime' alone is only moderately strong."""
    rng = np.random.default_rng(seed)
    age = rng.normal(65, 10, n)
    marker = rng.lognormal(0, 0.5, n)
    died = rng.random(n) < 1 / (1 + np.exp(-(0.15 * (age - 65) + 0.8 * np.log(marker) - 1)))
    end = np.where(rng.random(n) < 0.85, rng.uniform(100, 5200, n), rng.uniform(2500, 5200, n))
    futime = np.where(died, rng.uniform(0.3, 1, n) * end, end)
    return pd.DataFrame(
        {
            "age": np.round(age, 1),
            "marker": np.round(marker, 3),
            "session_time": np.round(rng.uniform(5, 60, n), 1),
            "futime": np.round(futime).astype(int),
            "death": died.astype(int),
        }
    )


@pytest.mark.parametrize("seed", range(3))
def test_a_follow_up_time_beside_an_event_target_is_asked_as_a_question(seed):
    """The follow-up ends at the death: a medium question, with the check named and the
    means by class. A duration that does not predict the event is not asked about."""
    report = audit(_follow_up_study(seed), "death")
    finding = _leak_on(report, "futime")
    assert finding.severity == "medium"
    assert finding.message.startswith("Is 'futime' measured after the outcome?")
    assert "duration beside an event target" in finding.evidence["check"]
    means = finding.evidence["mean_by_class"]
    assert means["1"] < means["0"]
    assert not [f for f in _leaks(report) if "session_time" in f.columns]


@pytest.mark.parametrize("seed", range(3))
def test_a_duration_check_needs_a_duration_name_and_an_event_target(seed):
    """The same numbers named 'tenure' (a customer's time so far), or beside a target that is
    not an event, are not asked about by the duration check."""
    from lessons.audit.judge import _duration_finding

    frame = _follow_up_study(seed)
    target = screen.Target("binary", frame["death"].to_numpy(dtype=float), 2)
    args = (target, "ROC AUC", 0.9, 0.8)
    assert _duration_finding(frame["futime"], "death", *args) is not None
    assert _duration_finding(frame["futime"].rename("tenure"), "death", *args) is None
    assert _duration_finding(frame["futime"], "segment", *args) is None
    term = pd.Series(np.random.default_rng(seed).choice([12, 24, 36], len(frame)), name="time")
    assert _duration_finding(term, "death", *args) is None  # a planned term: few values
    report = audit(frame.rename(columns={"futime": "tenure", "death": "churned"}), "churned")
    checks = [f.evidence.get("check", "") for f in _leaks(report) if "tenure" in f.columns]
    assert not [c for c in checks if "duration" in c]


@pytest.mark.parametrize("seed", range(3))
def test_the_week_of_an_event_counted_from_a_start_is_the_time_order(seed):
    """'WeekofPurchase' runs from 227 to 278, past a week-of-year's cycle, every week present:
    the moment of the row even in a shuffled file. A day of the week or of the year, or a
    count of weeks (a duration), is not."""
    frame, y, rng = _binary(n=1500, seed=seed)
    frame["WeekofPurchase"] = rng.integers(227, 279, len(frame))
    frame["bought"] = y
    report = audit(frame, "bought")
    assert report.time_column == "WeekofPurchase"
    finding = next(f for f in report.findings if f.kind == "time_order")
    assert "period of an event" in finding.evidence["chosen_because"]
    cyclic = frame.drop(columns="WeekofPurchase").assign(
        day_of_week=rng.integers(1, 8, len(frame)),
        day_of_year=rng.integers(1, 366, len(frame)),
        weeks_unemployed=rng.integers(0, 120, len(frame)),
    )
    assert audit(cyclic, "bought").time_column is None


@pytest.mark.parametrize("seed", range(3))
def test_a_counter_from_one_that_the_file_is_sorted_by_is_the_time_order(seed):
    """A month index 'trend' 1..30 with every month present, the file in its order: the time
    order, though nothing in its name says so. A file sorted by an age (from 18, with gaps)
    or by a counter with gaps is not ordered in time; a named year wins over a counter."""
    frame, y, rng = _binary(n=3000, seed=seed)
    frame["trend"] = np.sort(rng.integers(1, 31, len(frame)))
    frame["sold"] = y
    report = audit(frame, "sold")
    assert report.time_column == "trend"
    finding = next(f for f in report.findings if f.kind == "time_order")
    assert "counter from 0 or 1" in finding.evidence["chosen_because"]
    by_age = frame.drop(columns="trend").assign(
        age=np.sort(rng.integers(18, 80, len(frame))).astype(float)
    )
    assert audit(by_age.sort_values("age"), "sold").time_column is None
    gaps = frame.assign(trend=frame["trend"] * 2)
    assert audit(gaps, "sold").time_column is None
    panel = pd.DataFrame(
        {
            "firm": np.repeat(np.arange(1, 301), 10),
            "year": np.tile(np.arange(2001, 2011), 300),
            "x": rng.normal(0, 1, 3000),
        }
    )
    panel["y"] = panel["x"] + rng.normal(0, 1, 3000)
    assert audit(panel, "y").time_column == "year"


def _diaries(seed: int) -> pd.DataFrame:
    """Eighty patients' headache diaries: 'dos' is the day since the study's start (patients
    enrol over three years), 'time' the day since each patient's own treatment start."""
    rng = np.random.default_rng(seed)
    rows = []
    for patient in range(1, 81):
        start, onset = rng.integers(1, 1100), rng.integers(5, 25)
        for day in range(int(rng.integers(25, 45))):
            rows.append((patient, start + day, day - onset, int(rng.integers(18, 66))))
    frame = pd.DataFrame(rows, columns=["id", "dos", "time", "age"])
    frame["headache"] = (rng.random(len(frame)) < 0.6 - 0.01 * (frame["time"] > 0)).astype(int)
    return frame


@pytest.mark.parametrize("seed", range(3))
def test_a_study_day_that_orders_each_entity_s_rows_beats_the_entity_s_own_clock(seed):
    """'dos' has no time-like name, but with the patient it keys the diary and the file lists
    each patient's days in its order; 'time' differs from it by a constant per patient (each
    patient's own clock), so the shared study day is the table's time order."""
    frame = _diaries(seed)
    report = audit(frame, "headache")
    assert report.time_column == "dos"
    assert report.group_column == "id"
    finding = next(f for f in report.findings if f.kind == "time_order")
    assert "orders each entity's rows" in finding.evidence["chosen_because"]
    # The same diary with each patient's days shuffled: nothing says 'dos' is a clock.
    shuffled = frame.sample(frac=1, random_state=seed).sort_values("id", kind="stable")
    assert audit(shuffled.reset_index(drop=True), "headache").time_column != "dos"


@pytest.mark.parametrize("seed", range(3))
def test_a_calendar_year_is_never_an_entity_s_own_clock(seed):
    """A balanced panel of workers: 'exp' (years of experience) differs from the year by a
    constant per worker, and orders each worker's rows; the named calendar year stays the
    time order."""
    rng = np.random.default_rng(seed)
    workers = 200
    frame = pd.DataFrame(
        {
            "worker_id": np.repeat(np.arange(1, workers + 1), 7),
            "year": np.tile(np.arange(1976, 1983), workers),
        }
    )
    frame["exp"] = frame["year"] - 1976 + np.repeat(rng.integers(1, 30, workers), 7)
    frame["lwage"] = 6 + 0.02 * frame["exp"] + rng.normal(0, 0.3, len(frame))
    report = audit(frame, "lwage")
    assert report.time_column == "year"
    assert report.group_column == "worker_id"


def _stage_result(seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    """A contest's rounds: the bottom of a round (a stage result) comes before the
    elimination, and only the bottom can be eliminated (about 40 % of them are)."""
    frame, y, rng = _binary(n=3000, seed=seed, base=-2.5)
    n = len(frame)
    bottom = (y == 1) | (rng.random(n) < 0.15)
    frame["outcome"] = np.where(bottom, "BOTTOM", rng.choice(["SAFE", "HIGH", "WIN"], n))
    return frame, y


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_column_named_like_an_outcome_is_asked_about_not_condemned(seed):
    """A generic outcome word is no evidence of timing: a strong, unique stage result named
    "outcome" is a medium question. The same column named after the target stays high."""
    frame, y = _stage_result(seed)
    frame["eliminated"] = y
    finding = _leak_on(audit(frame, "eliminated"), "outcome")
    assert finding.severity == "medium"
    assert finding.message.startswith("Is 'outcome' recorded after the outcome?")
    assert "named like an outcome" in finding.evidence["check"]
    look_alike = frame.rename(columns={"outcome": "eliminated_round"})
    assert _leak_on(audit(look_alike, "eliminated"), "eliminated_round").severity == "high"


def _packs_and_population(seed: int, adults: bool) -> pd.DataFrame:
    """A panel-like table of regions: the target is packs sold per head; a count of packs
    (per head times the population) was left in beside the population."""
    rng = np.random.default_rng(seed)
    n = 1500
    population = np.round(rng.lognormal(8, 1, n))
    income = np.round(rng.normal(20, 4, n), 2)
    price = np.round(rng.normal(50, 10, n), 1)
    per_head = np.round(120 - 0.8 * (price - 50) + rng.normal(0, 25, n), 1)
    frame = pd.DataFrame({"income": income, "price": price, "population": population})
    if adults:
        frame["population_over_16"] = np.round(population * rng.normal(0.75, 0.02, n))
    frame["packs_m"] = np.round(per_head * population / 1000 * rng.lognormal(0, 0.01, n), 2)
    frame["per_head"] = per_head
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_member_of_a_formula_that_a_near_copy_replaces_is_the_honest_scale(seed):
    """Packs / population gives packs per head away; the population over 16 serves as well as
    the population (an honest size), nothing replaces the packs: the packs are the high leak,
    the population its partner. Without a near-copy of either, the pair stays the finding, a
    medium question: the data cannot tell which of the two was derived."""
    report = audit(_packs_and_population(seed, adults=True), "per_head")
    assert report.leak_columns("high") == ["packs_m"]
    finding = _leak_on(report, "packs_m", ("high",))
    assert finding.evidence["replaceable_by_a_near_copy"] == "population"
    assert "honest scale" in finding.advice
    alone = audit(_packs_and_population(seed, adults=False), "per_head")
    finding = _leak_on(alone, "packs_m")
    assert finding.severity == "medium"
    assert set(finding.columns) == {"packs_m", "population"}
    assert "replaceable_by_a_near_copy" not in finding.evidence


def _grades(seed: int) -> tuple[pd.DataFrame, np.ndarray, np.random.Generator]:
    """Six ordered grades (0 to 10) set by an earlier score."""
    rng = np.random.default_rng(seed)
    n = 3000
    earlier = np.round(rng.normal(6, 1, n), 3)
    latent = earlier + rng.normal(0, 1, n)
    grade = 2 * np.digitize(latent, np.quantile(latent, [0.12, 0.25, 0.4, 0.6, 0.8]))
    frame = pd.DataFrame({"earlier_score": earlier, "sex": rng.choice(["F", "M"], n)})
    return frame, grade, rng


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_field_filled_for_a_few_of_many_classes_is_a_high_leak(seed):
    """A resit booked after the results: filled for most of the two lowest grades and 1 % of
    the others (mostly empty). Balanced accuracy cannot show a flag that points at a group
    of classes; its ROC AUC for that group can. A field empty at random, or filled a little
    more often for low grades, is not condemned."""
    frame, grade, rng = _grades(seed)
    n = len(frame)
    p = np.where(grade == 0, 0.85, np.where(grade == 2, 0.45, 0.01))
    frame["resit_booked"] = np.where(rng.random(n) < p, rng.integers(1, 3, n), np.nan)
    frame["grade"] = grade
    finding = _leak_on(audit(frame, "grade"), "resit_booked")
    assert finding.severity == "high"
    assert finding.evidence["one_sided"]["classes"] == 2
    assert finding.evidence["one_sided"]["roc_auc_for_those_classes"] >= 0.8
    assert "filled in for a few outcomes" in finding.message
    look_alike, grade, rng = _grades(seed)
    weak = np.where(grade <= 2, 0.3, 0.15)
    look_alike["optional_essay"] = np.where(rng.random(n) < weak, rng.integers(1, 6, n), np.nan)
    look_alike["grade"] = grade
    report = audit(look_alike, "grade")
    assert not [f for f in _leaks(report) if "optional_essay" in f.columns]


def _winds(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 3000
    pressure = np.round(rng.normal(990, 15, n), 1)
    wind = np.round(np.clip(20 + (1010 - pressure) * 1.6 + rng.normal(0, 12, n), 10, None))
    # Rain is 0 on calm days more often, but not only: an honest heavy zero.
    rain = np.where(rng.random(n) < 1 / (1 + np.exp((wind - 45) / 10)), 0.0, rng.gamma(2, 5, n))
    frame = pd.DataFrame({"pressure": pressure, "rain_mm": np.round(rain, 1)})
    frame["lat"] = np.round(rng.uniform(10, 40, n), 1)
    frame["wind"] = wind
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_column_zero_exactly_below_a_cut_of_the_target_is_a_high_leak(seed):
    """The extent of the area with gale-force winds is 0 exactly when the wind is below 34
    knots (and empty on half the rows, at random): its zero splits the target's range with
    no overlap. Rain, 0 more often on calm days but not only then, is not condemned."""
    frame = _winds(seed)
    rng = np.random.default_rng(seed + 10)
    n = len(frame)
    extent = np.where(frame["wind"] >= 34, np.round(frame["wind"] * rng.uniform(2, 6, n)), 0.0)
    frame["gale_diameter"] = np.where(rng.random(n) < 0.5, np.nan, extent)
    report = audit(frame, "wind")
    finding = _leak_on(report, "gale_diameter", ("high",))
    assert finding.evidence["check"].startswith("cut of the target")
    assert finding.evidence["cut"]["rows_across_the_cut"] == 0
    assert finding.evidence["cut"]["above_at_least"] >= 34
    assert finding.message.startswith("Is 'gale_diameter' set by the target?")
    assert not [f for f in _leaks(report) if "rain_mm" in f.columns]
