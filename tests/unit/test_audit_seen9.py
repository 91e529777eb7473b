"""The general weaknesses that the audit corpus's batch 9 showed, each on a small synthetic
table of its shape: a panel written entity by entity with a clock that restarts in each
block, things numbered in the file's order, quarters written as text, keys named as keys
that repeat on a minority of rows, and a year glued to a word."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv


def _doses(subjects: int, seed: int) -> pd.DataFrame:
    """Each subject's concentration sampled at irregular hours after one dose, the file
    written subject by subject (a pharmacokinetic study): the hours restart in each block."""
    rng = np.random.default_rng(seed)
    rows = []
    for subject in range(1, subjects + 1):
        weight = round(rng.normal(70, 8), 1)
        dose = round(320 / weight, 2)
        hours = np.sort(np.round(rng.uniform(0, 24, 10), 2))
        hours[0] = 0.0
        for hour in hours:
            level = dose * 2 * hour * np.exp(-hour / 5) + rng.normal(0, 0.3)
            rows.append((subject, weight, dose, hour, round(max(level, 0), 2)))
    return pd.DataFrame(rows, columns=["Subject", "Wt", "Dose", "Time", "conc"])


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("subjects", [8, 12, 30])
def test_a_clock_that_restarts_in_each_subjects_block_is_the_time(seed, subjects):
    """Not the subject number the file is sorted by: it numbers subjects, not periods."""
    report = audit(_doses(subjects, seed), "conc")
    assert report.time_column == "Time"
    assert report.group_column == "Subject"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_an_age_at_each_yearly_visit_is_the_time_of_the_panel(seed):
    """Children seen at ages 7 to 10, one row a visit, the file written child by child."""
    rng = np.random.default_rng(seed)
    children = 400
    frame = pd.DataFrame(
        {
            "id": np.repeat(np.arange(children), 4),
            "age": np.tile([-2, -1, 0, 1], children),
            "smoke": np.repeat(rng.integers(0, 2, children), 4),
        }
    )
    frame["resp"] = (rng.random(len(frame)) < 0.15 + 0.05 * frame["smoke"]).astype(int)
    report = audit(frame, "resp")
    assert report.time_column == "age"
    assert report.group_column == "id"


def test_an_age_the_file_is_sorted_by_is_no_time_order():
    """A file of children sorted by age, families interleaved: the ages are no family's
    clock (no block of rows per family), and a counter named as an age is a trait."""
    rng = np.random.default_rng(0)
    n = 600
    frame = pd.DataFrame(
        {"family": rng.integers(0, 150, n), "age": rng.integers(1, 18, n)}
    ).sort_values("age")
    frame["height"] = 75 + 6 * frame["age"] + rng.normal(0, 5, n)
    assert audit(frame.reset_index(drop=True), "height").time_column is None


def _schools(seed: int) -> pd.DataFrame:
    """Pupils of 60 schools, the file sorted by school number, each school with its own
    average intake; the pupil number restarts in every school."""
    rng = np.random.default_rng(seed)
    rows = []
    for school in range(1, 61):
        average = round(rng.normal(0, 0.3), 4)
        gender = rng.choice(["mixed", "boys", "girls"])
        for pupil in range(int(rng.integers(30, 90))):
            reading = rng.normal(average, 1)
            score = 0.6 * reading + average + rng.normal(0, 0.7)
            rows.append((school, gender, average, round(reading, 4), pupil + 1, round(score, 4)))
    return pd.DataFrame(
        rows, columns=["school", "schgend", "schavg", "standLRT", "student", "normexam"]
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_schools_numbered_in_the_files_order_are_entities_not_periods(seed):
    report = audit(_schools(seed), "normexam")
    assert report.time_column is None
    assert report.group_column == "school"


def test_a_month_counter_the_file_is_sorted_by_stays_the_time():
    """The counter rule still holds where the name is no thing: "trend" 1 to 30, prices of
    many products each month."""
    rng = np.random.default_rng(0)
    trend = np.repeat(np.arange(1, 31), 40)
    frame = pd.DataFrame({"trend": trend, "speed": rng.choice([25, 33, 50, 66], len(trend))})
    frame["price"] = 2500 - 20 * trend + 8 * frame["speed"] + rng.normal(0, 100, len(trend))
    assert audit(frame, "price").time_column == "trend"


def test_quarters_written_as_text_are_the_time_and_the_states_the_entity():
    """fpp3's tourism tables: "1998 Q1" per state, a panel of states over quarters."""
    rng = np.random.default_rng(0)
    quarters = [f"{year} Q{q}" for year in range(1998, 2017) for q in range(1, 5)]
    states = ["New South Wales", "Victoria", "Queensland", "Tasmania", "Northern Territory"]
    lines = ["Date,State,Occupancy,Takings"]
    for state in states:
        level = rng.uniform(50, 500)
        for step, quarter in enumerate(quarters):
            occupancy = round(rng.uniform(50, 80), 1)
            lines.append(
                f"{quarter},{state},{occupancy},{level + 3 * step + rng.normal(0, 20):.3f}"
            )
    frame = load_csv(io.BytesIO("\n".join(lines).encode()), filename="q.csv").frame
    report = audit(frame, "Takings")
    assert report.time_column == "Date"
    assert report.group_column == "State"


def _occupants(vehicles: int, seed: int) -> pd.DataFrame:
    """Crash occupants: most vehicles carry one, about a quarter carry two; the key is
    "year:case:vehicle" and the year of the accident is glued to a word."""
    rng = np.random.default_rng(seed)
    rows = []
    for vehicle in range(vehicles):
        year = 1997 + vehicle * 6 // vehicles
        model_year = year - int(rng.integers(0, 25))
        speed = rng.choice(["1-9", "10-24", "25-39", "40-54", "55+"])
        for seat in range(1 if rng.random() < 0.75 else 2):
            age = int(rng.integers(16, 90))
            dead = rng.random() < 0.02 + 0.03 * (speed == "55+") + 0.001 * age
            key = f"{year}:{vehicle // 7}:{vehicle % 7}"
            rows.append((key, year, model_year, speed, age, "dead" if dead else "alive", seat))
    return pd.DataFrame(
        rows, columns=["case_key", "yearacc", "yearVeh", "dvcat", "ageOFocc", "dead", "seat"]
    )


@pytest.mark.parametrize("seed", [0, 1])
def test_a_key_that_repeats_on_a_minority_of_rows_is_the_entity(seed):
    """Occupants of one vehicle share a key; most vehicles hold one occupant, so the key has
    more values than half the rows, yet splitting a vehicle's occupants leaks."""
    report = audit(_occupants(2400, seed), "dead")
    assert report.group_column == "case_key"
    assert report.time_column == "yearacc"


def test_a_key_repeated_by_a_few_duplicated_rows_is_no_entity():
    """An application id repeated on 3 % of rows (a double submission) stays an
    identifier, not a thing followed over rows."""
    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame({"application_id": np.arange(10_000, 10_000 + n)})
    frame["income"] = rng.gamma(2, 20_000, n).round()
    frame["approved"] = (frame["income"] + rng.normal(0, 20_000, n) > 40_000).astype(int)
    again = frame.sample(60, random_state=0)
    frame = pd.concat([frame, again]).sample(frac=1, random_state=1).reset_index(drop=True)
    assert audit(frame, "approved").group_column is None


def _pitches(label: str, seed: int) -> pd.DataFrame:
    """A season of pitches, each to one of 120 batters who come back all season long; a
    batter's own skill sets the outcome (so splitting a batter's pitches leaks)."""
    rng = np.random.default_rng(seed)
    n = 3000
    skill = rng.normal(0, 1, 120)
    who = rng.integers(0, 120, n)
    frame = pd.DataFrame(
        {
            "Time": pd.date_range("2013-04-01", periods=n, freq="37min"),
            label: np.array([f"Player {i:03d}" for i in range(120)])[who],
            "speed": np.round(rng.normal(90, 4, n), 1),
            "balls": rng.integers(0, 4, n),
        }
    )
    chance = 1 / (1 + np.exp(-(skill[who] - 0.02 * (frame["speed"] - 90))))
    frame["hit"] = (rng.random(n) < chance).astype(int)
    return frame


@pytest.mark.parametrize("seed", [0, 1])
def test_a_label_named_as_a_kind_of_thing_is_the_entity(seed):
    """Batters come back all season, so no lifetime gives them away: their name does."""
    assert audit(_pitches("Batter", seed), "hit").group_column == "Batter"


@pytest.mark.parametrize("seed", [0, 1])
def test_the_same_label_named_as_nothing_in_particular_is_no_entity(seed):
    assert audit(_pitches("label", seed), "hit").group_column is None


def _pupils(seed: int, resits_for_low: float) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 3000
    reading = rng.normal(0, 1, n)
    score = 0.6 * reading + rng.normal(0, 0.8, n)
    frame = pd.DataFrame({"standLRT": reading.round(4), "normexam": score.round(4)})
    low = score < np.quantile(score, 0.12)
    filled = np.where(low, rng.random(n) < resits_for_low, rng.random(n) < 0.01)
    frame["resit_entries"] = np.where(filled, rng.integers(1, 4, n), np.nan)
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_field_filled_for_the_lowest_scores_of_a_numeric_target_is_asked_about(seed):
    """Resits entered for most pupils in the bottom 12 %: the flag alone is weak as an R²
    (about 0.3) but its filled rows all sit in one tail of the target. An honest field kept
    for a subgroup at that end looks the same, so it is a question (medium), not a verdict."""
    report = audit(_pupils(seed, resits_for_low=0.8), "normexam")
    finding = next(
        f for f in report.findings if f.kind == "target_leak" and "resit_entries" in f.columns
    )
    assert finding.severity == "medium"
    assert finding.message.startswith("Is 'resit_entries' filled in after the outcome?")
    assert finding.evidence["one_sided"]["class_share"] >= 0.85
    assert finding.evidence["one_sided"]["overall_share"] <= 0.2
    assert "one end of the target's range" in finding.message


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_pension_type_kept_for_retirees_is_not_high(seed):
    """Retirees' incomes sit in the low tail, and only they have a pension type: known
    beforehand, never a high leak (a strict review's case)."""
    rng = np.random.default_rng(seed)
    n = 3000
    retired = rng.random(n) < 0.12
    frame = pd.DataFrame(
        {
            "age": np.where(retired, rng.integers(65, 90, n), rng.integers(20, 65, n)),
            "pension_kind": np.where(retired, rng.choice(["state", "private"], n), None),
            "income": np.where(
                retired, rng.lognormal(9.6, 0.3, n), rng.lognormal(10.6, 0.5, n)
            ).round(),
        }
    )
    report = audit(frame, "income")
    assert not any(
        f.kind == "target_leak" and f.severity == "high" and "pension_kind" in f.columns
        for f in report.findings
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_an_honest_field_filled_more_often_for_low_scores_is_not_high(seed):
    """Extra reading support, given more often to weak readers: filled rows lean low but
    spread over the target's range (no tail holds them)."""
    rng = np.random.default_rng(seed)
    n = 3000
    reading = rng.normal(0, 1, n)
    frame = pd.DataFrame({"standLRT": reading.round(4)})
    frame["normexam"] = (0.6 * reading + rng.normal(0, 0.8, n)).round(4)
    support = rng.random(n) < 1 / (1 + np.exp(2 + 1.5 * reading))
    frame["support_hours"] = np.where(support, rng.integers(5, 40, n), np.nan)
    report = audit(frame, "normexam")
    assert not any(
        f.kind == "target_leak" and f.severity == "high" and "support_hours" in f.columns
        for f in report.findings
    )
