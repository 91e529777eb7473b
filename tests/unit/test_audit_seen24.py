"""Misses of the audit corpus batch 24, fixed on 5 December 2026, each on a small synthetic
table of its shape, with an honest counter-case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leak_on, leaks

SEEDS = range(3)
HOURS = ["<5", "5", "6", "7", "8", "9", "10+"]


def _survey(seed: int, n: int = 3000, diary: bool = True) -> pd.DataFrame:
    """Pupils' answers, a class of sleep hours, and (``diary``) the follow-up week's sleep
    diary: minutes a night and the same in tenths of hours."""
    rng = np.random.default_rng(seed)
    screen_time = rng.integers(0, 6, n)
    level = np.clip(np.round(3.2 - 0.25 * screen_time + rng.normal(0, 1.3, n)), 0, 6)
    frame = pd.DataFrame(
        {
            "record_id": rng.permutation(10 * n)[:n],
            "grade": rng.integers(9, 13, n),
            "hours_screen": screen_time,
            "active_days": rng.integers(0, 8, n),
        }
    )
    if diary:
        minutes = np.round((4.5 + level) * 60 + rng.normal(0, 30, n))
        frame["diary_sleep_min"] = minutes.astype(int)
        frame["diary_sleep_hrs"] = np.round(minutes / 60, 1)
    frame["hours_sleep"] = np.array(HOURS)[level.astype(int)]
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_measurement_and_its_rounding_are_no_entity_and_stay_suspects(seed):
    # Minutes of sleep beside the same sleep in tenths of hours: the hours are constant
    # within each minute value, a coarser function of it, not an attribute of a thing. Taken
    # for an entity, the minutes left the leak screen and their grouping hid the hours.
    report = audit(_survey(seed), "hours_sleep")
    assert report.group_column is None
    found = leak_on(report, "diary_sleep_min")
    assert "diary_sleep_hrs" in found.columns or leak_on(report, "diary_sleep_hrs")


def test_a_number_with_an_attribute_of_many_values_is_still_an_entity():
    # A store number whose region code is the same on every row of the store, and not in
    # the store numbers' order: an entity, as before.
    rng = np.random.default_rng(0)
    stores = rng.permutation(400)[:120] + 1000
    region = rng.integers(0, 60, 120)
    pick = rng.integers(0, 120, 2400)
    frame = pd.DataFrame(
        {
            "store": stores[pick],
            "region_code": region[pick] * 7 + 3,
            "footfall": rng.normal(500, 80, 2400).round(),
            "sold": rng.integers(0, 2, 2400),
        }
    )
    assert audit(frame, "sold").group_column == "store"


def _referred(seed: int, n: int = 3000, after: bool = True) -> pd.DataFrame:
    """The survey with a nurse's screening score, filled in for the pupils referred: after
    the survey from their answer (``after``), or from a condition known before it."""
    frame = _survey(seed, n, diary=False)
    rng = np.random.default_rng(seed + 100)
    if after:
        chance = frame["hours_sleep"].map({"<5": 0.7, "5": 0.25}).fillna(0.005).to_numpy()
    else:
        chance = np.where(frame["hours_screen"] >= 5, 0.5, 0.02)
    referred = rng.random(n) < chance
    frame.insert(4, "screen_score", np.where(referred, rng.integers(8, 22, n), np.nan))
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_filled_mostly_for_rare_outcomes_is_asked_about(seed):
    # Filled for 70 % of the pupils under five hours and 25 % at five, 0.5 % of the others:
    # over nine filled rows in ten fall in two classes that hold a fifth of the rows.
    report = audit(_referred(seed), "hours_sleep")
    found = leak_on(report, "screen_score")
    assert found.severity == "medium"
    assert found.evidence["one_sided"]["class_share"] >= 0.9
    assert found.evidence["one_sided"]["question"] is True


@pytest.mark.parametrize("seed", SEEDS)
def test_a_field_kept_for_a_subgroup_known_beforehand_is_not_asked_about(seed):
    # Filled for half of the heavy screen users: their sleep is shorter, yet their filled
    # rows spread over the classes.
    report = audit(_referred(seed, after=False), "hours_sleep")
    assert not [f for f in leaks(report) if "screen_score" in f.columns]


def _votes(seed: int, n: int = 600, after: bool = True) -> pd.DataFrame:
    """Members' votes; a press release number logged after the vote for most members who
    voted yes, and the word 'none' for everyone else (``after``), or a release number given
    before the vote to members of either side."""
    rng = np.random.default_rng(seed)
    party = rng.choice(["D", "R"], n)
    yes = rng.random(n) < np.where(party == "R", 0.9, 0.08)
    released = yes & (rng.random(n) < 0.85) if after else rng.random(n) < 0.4
    numbers = rng.permutation(9000)[:n] + 1000
    return pd.DataFrame(
        {
            "party": party,
            "trump_share": np.round(np.where(party == "R", 58, 38) + rng.normal(0, 8, n), 1),
            "press_release_no": np.where(released, [f"PR17-{k}" for k in numbers], "none"),
            "vote": np.where(yes, 1, 0),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_word_for_nothing_beside_a_code_per_row_is_read_as_empty(seed):
    # 'none' on every no vote and a release number on most yes votes: filled for one
    # outcome, the classic post-outcome field, once 'none' is read as empty.
    report = audit(_votes(seed), "vote")
    found = leak_on(report, "press_release_no")
    assert found.severity == "high"
    assert found.evidence["one_sided"]["class_share"] >= 0.98
    assert any("'none'" in note and "read as empty" in note for note in report.notes)
    assert not [f for f in leaks(report, ("high",)) if "party" in f.columns]


@pytest.mark.parametrize("seed", SEEDS)
def test_release_numbers_given_before_the_vote_are_no_leak(seed):
    report = audit(_votes(seed, after=False), "vote")
    assert not [f for f in leaks(report) if "press_release_no" in f.columns]


def test_none_among_a_few_categories_stays_a_category():
    rng = np.random.default_rng(0)
    n = 500
    frame = pd.DataFrame(
        {
            "complication": rng.choice(["none", "infection", "bleeding"], n, p=[0.7, 0.2, 0.1]),
            "age": rng.integers(20, 90, n),
            "readmitted": rng.integers(0, 2, n),
        }
    )
    report = audit(frame, "readmitted")
    assert not any("read as empty" in note for note in report.notes)


def _week(seed: int, n: int = 800) -> pd.DataFrame:
    """A time-use diary: minutes of night sleep (the target), sleep with naps, and sleep with
    naps and personal time, beside work and honest traits."""
    rng = np.random.default_rng(seed)
    work = np.clip(rng.normal(2100, 900, n), 0, None)
    sleep = 3600 - 0.05 * work + rng.normal(0, 380, n)
    naps = rng.gamma(0.5, 230, n)
    personal = rng.gamma(2, 50, n)
    return pd.DataFrame(
        {
            "age": rng.integers(23, 65, n),
            "educ": rng.integers(8, 18, n),
            "totwrk": work.round(),
            "slpnaps": (sleep + naps).round(),
            "rlxall": (sleep + naps + personal).round(),
            "sleep": sleep.round(),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_near_copy_of_a_near_perfect_column_is_asked_too(seed):
    # Where both are near-perfect they are one redundant group; where only the first is,
    # the second is asked as its copy.
    report = audit(_week(seed), "sleep")
    assert leak_on(report, "slpnaps").severity == "medium"
    copy = leak_on(report, "rlxall")
    if "slpnaps" not in copy.columns:
        assert copy.evidence["check"].startswith("near copy")
        assert copy.evidence["copy_of"] == "slpnaps"
        assert copy.evidence["correlation"] >= 0.9
    assert not [f for f in leaks(report) if {"age", "educ"} & set(f.columns)]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_weaker_relative_of_a_near_perfect_column_is_not_its_copy(seed):
    # Naps and a whole evening of personal time on top of the sleep: related, far weaker.
    frame = _week(seed)
    frame["rlxall"] = (
        frame["slpnaps"] + np.random.default_rng(seed).gamma(3, 150, len(frame))
    ).round()
    report = audit(frame, "sleep")
    assert not [f for f in report.findings if f.evidence.get("check", "").startswith("near copy")]


def _schools(seed: int, big_share: float) -> pd.DataFrame:
    """Schools with their district's id: most districts hold one school, a few hold dozens
    (``big_share`` of the schools in districts of 10 to 60)."""
    rng = np.random.default_rng(seed)
    rows = []
    n_small = int(800 * (1 - big_share))
    district = 1000
    for _ in range(n_small):
        district += 10
        rows.append(district)
    while len(rows) < 800:
        district += 10
        rows.extend([district] * int(rng.integers(10, 60)))
    ids = np.array(rows[:800])
    effect = pd.Series(rng.normal(0, 3000, ids.max() + 1))[ids].to_numpy()
    enrol = rng.integers(50, 900, len(ids))
    return pd.DataFrame(
        {
            "distid": ids,
            "schid": rng.permutation(9000)[: len(ids)] + 1000,
            "enrol": enrol,
            "lunch": rng.uniform(0, 90, len(ids)).round(1),
            "avgsal": (38000 + effect + 2 * enrol + rng.normal(0, 1500, len(ids))).round(),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_district_id_with_most_schools_in_large_districts_is_the_entity(seed):
    # Districts of one school are the most common value, yet 60 % of the schools sit in
    # districts of dozens: their rows must stay together in the folds.
    frame = _schools(seed, big_share=0.6)
    assert frame["distid"].value_counts().median() < 2
    assert audit(frame, "avgsal").group_column == "distid"


def test_a_user_s_many_ratings_outrank_films_mostly_rated_once():
    # Both keys are named; the films mostly come once, the users mostly repeat.
    rng = np.random.default_rng(0)
    users = rng.integers(0, 60, 1500)
    films = np.where(rng.random(1500) < 0.5, rng.integers(0, 40, 1500), 1000 + np.arange(1500))
    frame = pd.DataFrame(
        {
            "userId": users,
            "movieId": films,
            "runtime": rng.integers(80, 180, 1500),
            "rating": np.clip(
                np.round(3 + pd.Series(rng.normal(0, 1, 60))[users].to_numpy()), 1, 5
            ),
        }
    )
    assert frame["movieId"].value_counts().median() < 2
    assert audit(frame, "rating").group_column == "userId"


def _states(seed: int, growth_now: bool = True) -> pd.DataFrame:
    """A panel of 40 states over 14 years: violent crime per 1,000, unemployment, and the
    growth of violent crime in logs, this year's (``growth_now``) or last year's."""
    rng = np.random.default_rng(seed)
    rows = []
    for state in range(40):
        level = np.log(rng.uniform(2, 9))
        unem = rng.uniform(4, 9)
        growths = []
        for year in range(80, 94):
            unem = max(2.0, unem + rng.normal(0, 0.6))
            growth = 0.02 * (unem - 6) + rng.normal(0, 0.08)
            level += growth
            growths.append(growth)
            rows.append(
                {
                    "state": state + 1,
                    "year": year,
                    "unem": round(unem, 1),
                    "metro": round(rng.uniform(20, 90), 1),
                    "gcriv": growths[-1] if growth_now else (growths[-2] if year > 80 else np.nan),
                    "criv": np.exp(level),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_target_s_growth_since_the_previous_year_is_a_high_leak(seed):
    report = audit(_states(seed), "criv")
    found = leak_on(report, "gcriv")
    assert found.severity == "high"
    assert found.evidence["check"] == "change of the target since the entity's previous row"
    assert found.evidence["change"] == "difference of logs"


@pytest.mark.parametrize("seed", SEEDS)
def test_last_year_s_growth_is_known_and_not_a_change_leak(seed):
    report = audit(_states(seed, growth_now=False), "criv")
    assert not [
        f for f in report.findings if f.evidence.get("check", "").startswith("change of the target")
    ]


# The strict review's counter-cases (5 December).


def _pensions(seed: int, retirees: int = 200) -> pd.DataFrame:
    """Benefits indexed each year by a cost-of-living rise announced the autumn before, the
    same for every retiree."""
    rng = np.random.default_rng(seed)
    years = range(2005, 2020)
    rise = {y: float(rng.uniform(0.0, 0.058)) for y in years}
    rows = []
    for person in range(retirees):
        benefit = rng.uniform(800, 2500)
        for year in years:
            benefit *= 1 + (rise[year] if year > years[0] else 0)
            rows.append(
                {
                    "retiree_id": 10000 + person,
                    "year": year,
                    "rise_pct": round(100 * rise[year], 1),
                    "monthly_benefit": round(benefit, 2),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rise_set_for_everyone_in_a_year_is_a_question_not_a_leak(seed):
    report = audit(_pensions(seed), "monthly_benefit")
    found = leak_on(report, "rise_pct")
    assert found.severity == "medium"
    assert found.evidence["one_value_per_moment"] is True
    assert "keep it" in found.advice


def _weights(seed: int, members: int = 150) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for member in range(members):
        weight = rng.uniform(70, 130)
        goal = int(rng.choice([1200, 1500, 1800]))
        for month in range(1, 13):
            before = weight
            weight += rng.normal(-0.8 if goal < 1500 else -0.3, 1.0)
            rows.append(
                {
                    "member_id": 900 + member,
                    "month": month,
                    "kcal_goal": goal,
                    "weight_lost_kg": round(before - weight, 2) if month > 1 else np.nan,
                    "weight_kg": round(weight, 2),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_change_written_with_the_other_sign_is_found(seed):
    found = leak_on(audit(_weights(seed), "weight_kg"), "weight_lost_kg")
    assert found.severity == "high"


def _visits(seed: int, children: int = 200) -> pd.DataFrame:
    """Heights at visits booked ahead: the days since the last visit set the growth."""
    rng = np.random.default_rng(seed)
    rows = []
    for child in range(children):
        rate = rng.normal(6.0, 0.1) / 365
        age = int(rng.integers(730, 1460))
        start = 85 + rng.normal(0, 3)
        for visit in range(int(rng.integers(5, 10))):
            gap = int(rng.integers(30, 400)) if visit else 0
            age += gap
            rows.append(
                {
                    "child_id": 5000 + child,
                    "visit_date": pd.Timestamp("2005-01-01") + pd.Timedelta(days=age),
                    "days_since_last_visit": gap if visit else np.nan,
                    "height_cm": round(start + rate * (age - 730) + rng.normal(0, 0.1), 1),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_time_since_the_previous_row_is_no_change_of_the_target(seed):
    report = audit(_visits(seed), "height_cm")
    assert not [
        f for f in report.findings if f.evidence.get("check", "").startswith("change of the target")
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_diagnosis_code_whose_common_values_recur_is_no_entity(seed):
    rng = np.random.default_rng(seed)
    codes = np.array([f"{chr(65 + i % 26)}{i // 26:02d}.{j}" for i in range(400) for j in range(5)])
    share = 1 / np.arange(1, len(codes) + 1) ** 1.3
    icd = rng.choice(codes, 3000, p=share / share.sum())
    frame = pd.DataFrame(
        {
            "admission_id": rng.permutation(30000)[:3000] + 100000,
            "age": rng.integers(18, 95, 3000),
            "icd_code": icd,
            "length_of_stay": rng.gamma(2, 2, 3000).round(1),
        }
    )
    assert frame["icd_code"].value_counts().median() < 2
    assert audit(frame, "length_of_stay").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_census_tract_holding_its_county_as_a_prefix_stays_the_entity(seed):
    rng = np.random.default_rng(seed)
    counties = 6037000 + np.sort(rng.choice(999, 40, replace=False))
    county_of = np.sort(rng.choice(counties, 400))
    tract = county_of * 1_000_000 + rng.choice(999999, 400, replace=False)
    effect = rng.normal(0, 0.4, 400)
    pick = rng.integers(0, 400, 3200)
    frame = pd.DataFrame(
        {
            "tract": tract[pick],
            "county": county_of[pick],
            "hh_size": rng.integers(1, 7, 3200),
            "income": np.round(np.exp(10.8 + effect[pick] + rng.normal(0, 0.5, 3200)), -2),
        }
    )
    assert audit(frame, "income").group_column == "tract"
