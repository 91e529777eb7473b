"""Misses of the audit corpus batch 28, fixed on 5 December 2026, each on a small synthetic
table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit_types import infer_column_type

SEEDS = range(3)
WORDS = ["North", "South", "East", "West", "Upper", "Vale", "Heath", "Cross", "Bridge", "Moor"]


def _seats(seed: int, n: int = 400) -> pd.DataFrame:
    """One row per seat of a parliament, named in two or three words; two names lost."""
    rng = np.random.default_rng(seed)
    names = [f"Town{i} {rng.choice(WORDS)}" for i in range(n)]
    names[17] = names[230] = None
    last = rng.uniform(20, 60, n).round(1)
    return pd.DataFrame(
        {
            "constituency": names,
            "county": rng.choice([f"C{c}" for c in range(40)], n),
            "share_last_time": last,
            "won": (last + rng.normal(0, 8, n) > 40).astype(int),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_names_unique_on_every_filled_row_are_an_identifier_though_two_are_lost(seed):
    report = audit(_seats(seed), "won")
    ids = [f for f in report.findings if f.kind == "id_column"]
    assert [f.columns for f in ids] == [("constituency",)]
    assert "unique on every filled row (2 empty)" in ids[0].message
    # Two blanks are no subject seen twice.
    assert "repeat a value" not in ids[0].advice


def test_a_short_label_filled_on_a_few_rows_stays_a_category():
    reasons = pd.Series([None] * 90 + [f"reason {i}" for i in range(10)])
    assert infer_column_type("reason", reasons) == "category"


@pytest.mark.parametrize(
    ("name", "kind"),
    [("pupilNR", "identifier"), ("student_no", "identifier"), ("household_num", "identifier")],
)
def test_a_pupils_number_glued_to_its_noun_is_an_identifier(name, kind):
    # School, class and pupil in one number (17001, 17002, ... 2587010): unique, with gaps.
    rng = np.random.default_rng(0)
    schools = np.sort(rng.choice(np.arange(10, 2600), 120, replace=False))
    numbers = [s * 1000 + p for s in schools for p in range(1, int(rng.integers(8, 30)))]
    assert infer_column_type(name, pd.Series(numbers)) == kind


def test_a_count_glued_to_a_noun_is_no_identifier():
    rng = np.random.default_rng(0)
    assert infer_column_type("household_num", pd.Series(rng.integers(1, 9, 500))) == "number"


def _terms(seed: int, n_students: int = 300) -> pd.DataFrame:
    """Each student's fall (1) and spring (2) term: GPA, hours before the term, SAT."""
    rng = np.random.default_rng(seed)
    rows = []
    for student in range(n_students):
        sat = rng.normal(1000, 120)
        ability = (sat - 1000) / 120
        hours = rng.integers(0, 60)
        for term in (1, 2):
            rows.append(
                {
                    "id": 100 + student,
                    "term": term,
                    "sat": round(sat),
                    "hours_before": hours + 15 * (term - 1),
                    "season": int(rng.random() < 0.2),
                    "gpa": round(float(np.clip(2.6 + 0.4 * ability + rng.normal(0, 0.4), 0, 4)), 2),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_two_terms_of_a_student_panel_are_the_time_order(seed):
    report = audit(_terms(seed), "gpa")
    assert (report.time_column, report.group_column) == ("term", "id")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_two_valued_flag_beside_an_entity_is_no_time_order(seed):
    # Each student twice, once in season and once not: a flag, not named as a period.
    frame = _terms(seed).drop(columns=["season", "hours_before"])
    frame = frame.rename(columns={"term": "in_season"})
    report = audit(frame, "gpa")
    assert report.time_column is None


STATES = [f"S{i:02d}" for i in range(51)]


def _state_days(seed: int, n: int = 5000) -> pd.DataFrame:
    """Births of 51 states on 5,000 of their state-days over eleven years, drawn without
    repeats: most dates appear once or twice, no state twice on a date."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("1969-01-01", "1979-12-31", freq="D")
    cells = rng.choice(len(STATES) * len(days), n, replace=False)
    state, day = cells // len(days), cells % len(days)
    size = rng.lognormal(4, 1, len(STATES))
    date = days[day]
    births = np.round(
        size[state] * (1 - 0.15 * (date.day_of_week >= 5)) * rng.lognormal(0, 0.05, n)
    )
    frame = pd.DataFrame({"state": np.array(STATES)[state], "date": date, "births": births})
    return frame.sort_values("date", ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_state_sampled_on_its_days_is_the_entity(seed):
    report = audit(_state_days(seed), "births")
    assert (report.time_column, report.group_column) == ("date", "state")


@pytest.mark.parametrize("seed", SEEDS)
def test_houses_sold_in_a_zip_code_on_days_that_repeat_by_chance_have_no_entity(seed):
    # The same shape, but the zip codes fall on the days at random: two sales of one zip on
    # one day happen as often as chance has them.
    frame = _state_days(seed).rename(columns={"state": "zip", "births": "price"})
    rng = np.random.default_rng(seed + 10)
    frame["zip"] = rng.choice(STATES, len(frame))
    frame["rooms"] = rng.integers(1, 8, len(frame))
    frame["price"] = frame["rooms"] * 50 + rng.normal(0, 20, len(frame))
    assert audit(frame, "price").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_weekday_beside_a_daily_series_is_no_entity(seed):
    rng = np.random.default_rng(seed)
    days = pd.date_range("1980-01-01", periods=1800, freq="B")
    rate = np.cumsum(rng.normal(0, 0.01, len(days))) + 2
    frame = pd.DataFrame({"date": days, "day": days.day_name(), "rate": rate})
    assert audit(frame, "rate").group_column is None


def _state_cells(seed: int, n_states: int = 50, years: int = 16) -> pd.DataFrame:
    """Rates of a disease by state, year, race and sex: four cells per state and year."""
    rng = np.random.default_rng(seed)
    rows = []
    for state in range(n_states):
        level = rng.normal(5, 1)
        for year in range(1985, 1985 + years):
            for race in ("black", "white"):
                for sex in ("female", "male"):
                    rows.append(
                        {
                            "fip": 1 + 2 * state,
                            "year": year,
                            "race": race,
                            "sex": sex,
                            "income": round(rng.lognormal(10, 0.2)),
                            "lnr": level
                            + 1.5 * (race == "black")
                            - 0.02 * (year - 1985)
                            + rng.normal(0, 0.4),
                        }
                    )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_state_written_in_cells_of_race_and_sex_year_after_year_is_the_entity(seed):
    report = audit(_state_cells(seed), "lnr")
    assert (report.time_column, report.group_column) == ("year", "fip")


@pytest.mark.parametrize("seed", SEEDS)
def test_an_income_band_in_cells_of_a_survey_is_no_entity(seed):
    # Each year's survey: respondents in cells of sex and region; a code of 30 income bands
    # repeats by chance and keys nothing.
    rng = np.random.default_rng(seed)
    n = 3000
    frame = pd.DataFrame(
        {
            "year": rng.integers(1990, 2006, n),
            "sex": rng.choice(["f", "m"], n),
            "region": rng.choice(["n", "s", "e", "w"], n),
            "income_band": rng.integers(1, 31, n),
        }
    )
    frame["score"] = frame["income_band"] * 0.1 + rng.normal(0, 1, n)
    assert audit(frame, "score").group_column is None


def _prison_quarters(seed: int) -> pd.DataFrame:
    """Prisoners by state, quarter, sex and legal status: eight states, each written in four
    series, quarter after quarter."""
    rng = np.random.default_rng(seed)
    rows = []
    for state in ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"):
        size = rng.lognormal(6, 1)
        for quarter in pd.date_range("2005-03-01", periods=48, freq="3MS"):
            for sex, share in (("Female", 0.08), ("Male", 0.92)):
                for legal, part in (("Remanded", 0.25), ("Sentenced", 0.75)):
                    rows.append(
                        {
                            "state": state,
                            "gender": sex,
                            "legal": legal,
                            "t": quarter,
                            "count": round(size * share * part * rng.lognormal(0, 0.1)),
                        }
                    )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_few_states_written_in_cells_quarter_after_quarter_are_the_entity(seed):
    # Eight states are too few to group folds by, but they are still what the rows describe;
    # the finding says how a model that knows the state scores on an unseen one.
    report = audit(_prison_quarters(seed), "count")
    assert (report.time_column, report.group_column) == ("t", "state")
    finding = next(f for f in report.findings if f.kind == "repeated_entity")
    assert finding.evidence["entities"] == 8
