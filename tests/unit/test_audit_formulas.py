"""A numeric target given back exactly by a fixed formula of three or more columns, or by a
formula whose gain over a very strong honest column is small in R² (the exact-formula check,
``lessons.audit.formulas``)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons import audit_screen as screen
from lessons.audit import audit
from lessons.audit.formulas import LOGS, NUMBERS, find_identity
from tests.unit.audit_findings import assessed_values

SEEDS = range(3)
CHECK = "exact formula (least squares over the numeric columns)"


def _formula_findings(report):
    return [f for f in report.findings if f.evidence.get("check") == CHECK]


def _scores(seed: int, n: int = 900) -> pd.DataFrame:
    """Pupils' three coursework marks, two honest inputs, and a final mark."""
    rng = np.random.default_rng(seed)
    ability = rng.normal(0, 1, n)
    marks = {f"essay_{k}": (60 + 8 * ability + rng.normal(0, 9, n)).round(1) for k in (1, 2, 3)}
    return pd.DataFrame(
        {
            "hours_studied": (10 + 3 * ability + rng.normal(0, 3, n)).round(1),
            "prior_grade": (65 + 7 * ability + rng.normal(0, 8, n)).round(),
            **marks,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_total_that_includes_the_target_and_two_other_parts_is_asked_about(seed):
    # total = essay_1 + essay_2 + essay_3: with essays 2 and 3 it gives essay_1 back, a
    # formula of three columns that no pair of them shows.
    frame = _scores(seed)
    frame["coursework_total"] = frame[["essay_1", "essay_2", "essay_3"]].sum(axis=1).round(1)
    report = audit(frame, "essay_1")
    found = _formula_findings(report)
    assert found, [(f.columns, f.evidence.get("check")) for f in report.findings]
    assert found[0].severity == "medium"
    assert set(found[0].columns) == {"coursework_total", "essay_2", "essay_3"}
    weights = found[0].evidence["weights"]
    assert weights["coursework_total"] == pytest.approx(1, abs=0.01)
    assert weights["essay_2"] == pytest.approx(-1, abs=0.01)
    assert found[0].evidence["share_left_held_out"] < 1e-4


@pytest.mark.parametrize("seed", SEEDS)
def test_an_average_that_includes_the_target_is_found_with_its_weights(seed):
    # essay_1 = 3 × average − essay_2 − essay_3.
    frame = _scores(seed)
    frame["average"] = frame[["essay_1", "essay_2", "essay_3"]].mean(axis=1).round(3)
    found = _formula_findings(audit(frame, "essay_1"))
    assert found and set(found[0].columns) == {"average", "essay_2", "essay_3"}
    assert found[0].evidence["weights"]["average"] == pytest.approx(3, abs=0.02)


def test_an_average_of_three_marks_with_every_mark_is_an_exact_formula():
    frame = _scores(0)
    frame["average"] = frame[["essay_1", "essay_2", "essay_3"]].mean(axis=1).round(2)
    names = ["essay_1", "essay_2", "essay_3", "hours_studied", "prior_grade"]
    target = screen.Target("regression", frame["average"].to_numpy(float), 0)
    identity = find_identity(frame, names, target)
    assert identity is not None and identity.space == NUMBERS
    assert set(identity.columns) == {"essay_1", "essay_2", "essay_3"}
    assert all(w == pytest.approx(1 / 3, abs=0.01) for w in identity.weights)


def _training(seed: int, n: int = 600, share_trained: float = 1.0) -> pd.DataFrame:
    """Firms' training hours per employee = hours × trainees / employees."""
    rng = np.random.default_rng(seed)
    employees = rng.integers(20, 2000, n)
    trained = rng.random(n) < share_trained
    trainees = np.where(trained, rng.integers(1, 40, n), 0)
    hours = np.where(trained, rng.integers(4, 80, n), 0)
    return pd.DataFrame(
        {
            "employees": employees,
            "sales": (employees * rng.lognormal(11, 0.4, n)).round(),
            "grant": (rng.random(n) < 0.3).astype(int),
            "hours": hours,
            "trainees": trainees,
            "hours_per_employee": (hours * trainees / employees).round(4),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rate_of_three_columns_is_found_in_logs(seed):
    report = audit(_training(seed), "hours_per_employee")
    found = _formula_findings(report)
    assert found, [(f.columns, f.evidence.get("check")) for f in report.findings]
    assert found[0].evidence["space"] == LOGS
    assert set(found[0].evidence["weights"]) == {"hours", "trainees", "employees"}


def test_logs_are_taken_where_the_target_is_positive():
    # A third of the firms trained no one: the rate is 0 there and the formula holds on the
    # rest.
    frame = _training(0, share_trained=0.65)
    names = ["employees", "sales", "grant", "hours", "trainees"]
    target = screen.Target("regression", frame["hours_per_employee"].to_numpy(float), 0)
    identity = find_identity(frame, names, target)
    assert identity is not None and identity.space == LOGS
    assert identity.rows == int((frame["hours_per_employee"] > 0).sum())
    assert dict(zip(identity.columns, np.round(identity.weights, 2), strict=True)) == {
        "hours": 1.0,
        "trainees": 1.0,
        "employees": -1.0,
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_a_product_beside_a_near_perfect_honest_column_is_still_found(seed):
    # A census count: the last census alone leaves 0.2 % of the variance, so the pair search
    # sees no gain; density × area leaves nothing.
    rng = np.random.default_rng(seed)
    n = 400
    before = rng.lognormal(8, 1.6, n)
    area = rng.lognormal(5, 1.2, n)
    now = (before * rng.normal(1.05, 0.02, n)).round()
    frame = pd.DataFrame(
        {
            "population_before": before.round(),
            "land_area": area.round(2),
            "density_now": (now / area).round(2),
            "population_now": now,
        }
    )
    frame = frame[frame["density_now"] > 1].reset_index(drop=True)
    report = audit(frame, "population_now")
    found = [
        f
        for f in report.findings
        if "density_now" in f.columns and f.severity in ("high", "medium")
    ]
    assert found, [(f.columns, f.evidence.get("check")) for f in report.findings]


@pytest.mark.parametrize("seed", SEEDS)
def test_honest_inputs_that_predict_very_well_are_not_an_exact_formula(seed):
    frame = assessed_values(seed)
    assert not _formula_findings(audit(frame, "assessed_value"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_smooth_series_beside_its_own_lags_is_not_an_exact_formula(seed):
    # A slow random walk: yesterday's value alone leaves a tiny share of the variance, and
    # the day before adds nothing to what is left.
    rng = np.random.default_rng(seed)
    n = 2000
    level = 100 + np.cumsum(rng.normal(0, 0.3, n + 2))
    frame = pd.DataFrame(
        {
            "day": np.arange(n),
            "previous": level[1:-1].round(3),
            "two_before": level[:-2].round(3),
            "volume": rng.poisson(50, n),
            "price": level[2:].round(3),
        }
    )
    assert not _formula_findings(audit(frame, "price"))


def test_a_class_target_is_never_read_as_a_formula():
    frame = _scores(0)
    target = screen.Target("binary", (frame["essay_1"] > 60).to_numpy().astype(int), 2)
    assert find_identity(frame, ["essay_2", "essay_3"], target) is None


def test_too_few_rows_for_the_columns_give_no_formula():
    # Ten rows per column are needed: with 25 rows and 30 random columns any target fits.
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(rng.normal(size=(25, 30)), columns=[f"c{i}" for i in range(30)])
    target = screen.Target("regression", rng.normal(size=25), 0)
    assert find_identity(frame, list(frame.columns), target) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_total_rounded_to_whole_marks_from_half_point_sections_is_found(seed):
    # Rounding leaves about 4e-4 of the variance: more than an exact formula's 1e-4, within
    # what the rounding of the target and its parts adds.
    rng = np.random.default_rng(seed)
    n = 900
    ability = rng.normal(0, 1, n)
    sections = {
        f"section_{k}": np.clip(np.round((12 + 3 * ability + rng.normal(0, 3, n)) * 2) / 2, 0, 25)
        for k in "abcd"
    }
    frame = pd.DataFrame({**sections, "attendance": rng.uniform(0.5, 1, n).round(2)})
    frame["exam_total"] = np.floor(frame[list(sections)].sum(axis=1) + 0.5)
    found = _formula_findings(audit(frame, "exam_total"))
    assert found and set(found[0].columns) == set(sections)


def test_a_total_of_seven_events_is_found():
    rng = np.random.default_rng(0)
    n = 600
    ability = rng.normal(0, 1, n)
    events = {f"points_{k}": (900 + 80 * ability + rng.normal(0, 90, n)).round() for k in range(7)}
    frame = pd.DataFrame({**events, "age": rng.integers(18, 35, n)})
    frame["total_points"] = frame[list(events)].sum(axis=1)
    identity = find_identity(
        frame,
        [*events, "age"],
        screen.Target("regression", frame["total_points"].to_numpy(float), 0),
    )
    assert identity is not None and set(identity.columns) == set(events)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_part_left_blank_where_it_is_zero_still_completes_the_formula(seed):
    # pay = base + overtime + bonus, the bonus left blank for the 40 % paid none: a part
    # filled on 60 % of the rows, never 0 where filled, reads its blanks as zero.
    rng = np.random.default_rng(seed)
    n = 800
    base = (2000 + 400 * rng.normal(0, 1, n)).round(2)
    overtime = rng.gamma(2, 150, n).round(2)
    bonus = np.where(rng.random(n) < 0.4, np.nan, rng.uniform(50, 900, n).round(2))
    frame = pd.DataFrame(
        {
            "years_employed": rng.integers(0, 30, n),
            "base_salary": base,
            "overtime_pay": overtime,
            "bonus": bonus,
            "total_pay": (base + overtime + np.nan_to_num(bonus)).round(2),
        }
    )
    report = audit(frame, "total_pay")
    found = _formula_findings(report)
    assert found, [(f.columns, f.evidence) for f in report.findings]
    assert set(found[0].evidence["weights"]) == {"base_salary", "overtime_pay", "bonus"}
    assert found[0].evidence["blank_as_zero"] == ["bonus"]
    assert "blanks in 'bonus' read as 0" in found[0].message


def test_blanks_that_hide_real_values_give_no_formula():
    # The part was paid on every row but not recorded on 30 % of them: read as zero, the
    # blanks leave the total far from exact, and the formula is not claimed.
    rng = np.random.default_rng(0)
    n = 400
    x = rng.normal(size=(n, 3))
    target = screen.Target("regression", x.sum(axis=1), 0)
    x[rng.random(n) < 0.3, 2] = np.nan
    rows = pd.DataFrame({"a": x[:, 0], "b": x[:, 1], "c": x[:, 2]})
    assert find_identity(rows, ["a", "b", "c"], target) is None


def test_a_total_of_items_that_counts_an_item_not_asked_as_zero_is_found():
    # An index adds up answers -1, 0, 1 of twelve items, an item not asked counting 0; the
    # target is one of the items (classes that are numbers). Zeros are answers, blanks too.
    rng = np.random.default_rng(1)
    n = 1500
    items = pd.DataFrame({f"item_{k}": rng.choice([-1.0, 0.0, 1.0], n) for k in range(12)})
    answer = rng.choice([-1, 0, 1], n, p=[0.2, 0.3, 0.5])
    for k in (2, 5, 7):
        items.loc[rng.random(n) < 0.1, f"item_{k}"] = np.nan
    index = items.fillna(0).sum(axis=1) + answer
    frame = items.assign(age=rng.integers(18, 90, n), spending_index=index, answer=answer)
    report = audit(frame, "answer")
    assert report.task == "multiclass"
    found = _formula_findings(report)
    assert found, [(f.columns, f.evidence.get("check")) for f in report.findings]
    assert found[0].columns[0] == "spending_index"
    assert len(found[0].columns) == 13
    assert set(found[0].evidence["blank_as_zero"]) == {"item_2", "item_5", "item_7"}
    assert "or another of these 13 columns" in found[0].message


@pytest.mark.parametrize("seed", SEEDS)
def test_a_share_of_a_total_that_includes_the_target_is_found_through_its_odds(seed):
    # share = 100 × black / (black + white): the target is the share's odds times the other
    # count, a product in logs once the share is read as odds.
    rng = np.random.default_rng(seed)
    n = 700
    white = rng.lognormal(8, 1, n).round()
    black = (white * rng.lognormal(-0.3, 0.9, n)).round()
    frame = pd.DataFrame(
        {
            "white_men": white,
            "poverty_pct": rng.uniform(8, 25, n).round(1),
            "black_share_pct": (100 * black / (black + white)).round(3),
            "black_men": black,
        }
    )
    found = _formula_findings(audit(frame, "black_men"))
    assert found and set(found[0].columns) == {"white_men", "black_share_pct"}
    assert found[0].evidence["space"] == LOGS
    assert "(odds of 'black_share_pct')" in found[0].message
    assert "black_share_pct as odds" in found[0].evidence["weights"]


def test_honest_percentages_give_no_formula_through_their_odds():
    rng = np.random.default_rng(0)
    n = 700
    frame = pd.DataFrame(
        {
            "poverty_pct": rng.uniform(8, 25, n).round(1),
            "unemployment_pct": rng.uniform(3, 12, n).round(1),
            "population": rng.lognormal(10, 1, n).round(),
        }
    )
    frame["crimes"] = (
        frame["population"] * frame["poverty_pct"] / 1000 * rng.lognormal(0, 0.3, n)
    ).round()
    assert not _formula_findings(audit(frame, "crimes"))
