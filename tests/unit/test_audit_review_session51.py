"""Strict review of the audit's rules of session 51 (commits e7faae9 and dca19fa, and the
entity rules of the same diff d6dd040..HEAD in lessons/).

Counter-cases to: (1) a label named as a thing (pollster, team, hospital, device ...), 8 to 19
values, each seen all through the time order of a log of mostly distinct moments, is the
entity; (2) a place carrying a fractional measurement constant within each (place, period)
cell and different between the places of a period is the cluster of a multilevel design;
(3) a date named "dob" or "birth" is never the time order; (4) two numbers joined by "/" or
"x" are a size, never a code; (5) the pair search's "level grown at a rate" (log target a
line in log level and rate, R² 0.995 in logs), a medium question, never high.

Each table is one a real public data set could be. A test marked xfail documents a case the
audit gets wrong today (strict: it fails on every seed); the others guard what it gets right.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _leaks(report, column: str, severities=("medium", "high")) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity in severities and column in f.columns
    ]


def _growth_findings(report) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.evidence.get("check", "").endswith("compound rate)")
    ]


def _moments(rng: np.random.Generator, start: str, days: int, n: int) -> pd.DatetimeIndex:
    """``n`` sorted moments to the minute, over ``days`` days: a log's timestamps."""
    seconds = np.sort(rng.uniform(0, days * 86400, n))
    return (pd.Timestamp(start) + pd.to_timedelta(seconds, unit="s")).floor("min")


# 1. A dozen things named as such, seen all through a log ------------------------------------

PHONES = [
    "iPhone 12",
    "iPhone 13",
    "iPhone SE",
    "Galaxy S21",
    "Galaxy A52",
    "Galaxy Tab S7",
    "Pixel 6",
    "Pixel 7",
    "iPad Air",
    "Redmi Note 10",
    "OnePlus 9",
    "Moto G",
]


@pytest.mark.parametrize("seed", SEEDS)
def test_phone_models_of_a_web_log_are_no_entity(seed):
    """A web analytics export: one row per anonymous session (timestamp, device model as the
    user agent reports it, referrer, pages) and its duration. 'device' names the model,
    ("iPhone 12"), shared by millions of unrelated visitors: a category of independent rows,
    like a browser. Correct: no entity (group_column None)."""
    rng = np.random.default_rng(seed)
    n = 600
    frame = pd.DataFrame(
        {
            "session_start": _moments(rng, "2021-01-01", 90, n),
            "device": rng.choice(PHONES[:10], n),
            "pages": rng.integers(1, 20, n),
            "referrer": rng.choice(["search", "social", "direct", "email"], n),
        }
    )
    frame["duration_s"] = (30 * frame["pages"] * rng.lognormal(0, 0.4, n)).round(1)
    assert audit(frame, "duration_s").group_column is None


def _clickstream(rng: np.random.Generator) -> pd.DataFrame:
    """200 logged-in users (numeric ids, as most exports write them), 2 to 7 sessions each,
    each user on their own phone most of the time."""
    rows = []
    for _ in range(200):
        user = int(rng.integers(1000, 99_999))
        own = rng.choice(PHONES)
        taste = rng.normal()
        for _ in range(int(rng.integers(2, 8))):
            rows.append(
                {
                    "user_id": user,
                    "ts": pd.Timestamp("2021-01-01")
                    + pd.Timedelta(seconds=int(rng.integers(0, 90 * 86400))),
                    "device": own if rng.random() < 0.8 else rng.choice(PHONES),
                    "pages": int(rng.integers(1, 15)),
                    "minutes": round(float(np.exp(1 + 0.5 * taste + rng.normal(0, 0.3))), 1),
                }
            )
    return pd.DataFrame(rows).sort_values("ts").reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_users_with_numeric_ids_stay_the_entity_beside_their_phone_models(seed):
    """A clickstream of logged-in users: user_id (numbers), session timestamp, phone model,
    pages, minutes on site. Each user's sessions answer alike (their taste). Correct: the
    entity is 'user_id' (as before this diff)."""
    report = audit(_clickstream(np.random.default_rng(seed)), "minutes")
    assert report.time_column == "ts"
    assert report.group_column == "user_id"


HOSPITALS = [f"Hospital {c}" for c in "ABCDEFGHIJKL"]


def _admissions(rng: np.random.Generator, *, text_ids: bool) -> pd.DataFrame:
    """A regional readmission extract: 250 patients with 2 to 4 admissions each, at any of a
    dozen hospitals; each patient's frailty sets their stays."""
    rows = []
    for p in range(250):
        frail = rng.normal()
        for j in range(int(rng.integers(2, 5))):
            rows.append(
                {
                    "patient_id": f"P{10_000 + 7 * p}" if text_ids else 10_000 + 7 * p,
                    "admit_time": pd.Timestamp("2019-01-01")
                    + pd.Timedelta(minutes=int(rng.integers(0, 500_000))),
                    "hospital": rng.choice(HOSPITALS),
                    "age": 60 + int(5 * frail) + j,
                    "los_days": round(float(np.exp(1 + 0.4 * frail + rng.normal(0, 0.3))), 1),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_readmitted_patient_stays_the_entity_beside_a_dozen_hospitals(seed):
    """Hospital episode statistics: patient number (an integer MRN), admission time, the
    hospital (any of 12, patients move between them), age, length of stay. The patient is
    the unit seen again and again; grouping by hospital does not keep a patient's stays
    together. Correct: 'patient_id'."""
    report = audit(_admissions(np.random.default_rng(seed), text_ids=False), "los_days")
    assert report.group_column == "patient_id"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_readmitted_patient_with_text_ids_is_the_entity(seed):
    """The same extract with MRNs written "P10007": correct and true today, 'patient_id'."""
    report = audit(_admissions(np.random.default_rng(seed), text_ids=True), "los_days")
    assert report.time_column == "admit_time"
    assert report.group_column == "patient_id"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_dozen_hospitals_of_an_admissions_log_are_the_entity(seed):
    """An admissions log with no patient key: admission minute, hospital (12, all year),
    age, emergency flag, length of stay with a hospital effect. Correct and true today (the
    rule's own case): 'hospital' is the cluster."""
    rng = np.random.default_rng(seed)
    n = 700
    effect = dict(zip(HOSPITALS, rng.normal(0, 0.3, len(HOSPITALS)), strict=True))
    frame = pd.DataFrame(
        {
            "admitted": _moments(rng, "2019-01-01", 365, n),
            "hospital": rng.choice(HOSPITALS, n),
            "age": rng.integers(18, 95, n),
            "emergency": rng.integers(0, 2, n),
        }
    )
    frame["los_days"] = np.exp(
        0.8 + 0.01 * frame["age"] + frame["hospital"].map(effect) + rng.normal(0, 0.4, n)
    ).round(1)
    report = audit(frame, "los_days")
    assert report.time_column == "admitted"
    assert report.group_column == "hospital"


@pytest.mark.parametrize("seed", SEEDS)
def test_pollsters_of_a_busy_campaign_with_several_polls_a_day_are_the_entity(seed):
    """A presidential campaign's poll list (FiveThirtyEight style): end date (a day, two or
    three polls on most days), pollster (12 houses, each polling all through), sample size,
    online flag, the lead. Daily dates are no coarse clock. Correct: 'pollster', as for the
    quieter Brexit campaign."""
    rng = np.random.default_rng(seed)
    n = 400
    houses = [f"House{chr(65 + i)}" for i in range(12)]
    days = np.sort(rng.integers(0, 150, n))
    effect = dict(zip(houses, rng.normal(0, 0.02, len(houses)), strict=True))
    frame = pd.DataFrame(
        {
            "enddate": pd.Timestamp("2016-06-01") + pd.to_timedelta(days, "D"),
            "pollster": rng.choice(houses, n),
            "samplesize": rng.integers(500, 3000, n),
            "online": rng.integers(0, 2, n),
        }
    )
    frame["lead"] = (
        0.03 - 0.0001 * days + frame["pollster"].map(effect) + rng.normal(0, 0.015, n)
    ).round(3)
    report = audit(frame, "lead")
    assert report.time_column == "enddate"
    assert report.group_column == "pollster"


def _receipts(rng: np.random.Generator, write) -> pd.DataFrame:
    """A chain's till receipts: timestamp, store (10 shops, all through the half year), items,
    payment, basket value with a store effect."""
    n = 800
    store = rng.integers(1, 11, n)
    effect = rng.normal(0, 0.3, 11)
    frame = pd.DataFrame(
        {
            "timestamp": _moments(rng, "2022-01-01", 180, n),
            "store": write(store),
            "items": rng.integers(1, 30, n),
            "payment": rng.choice(["cash", "card", "mobile"], n),
        }
    )
    frame["basket_value"] = (
        frame["items"] * 4.2 * np.exp(effect[store] + rng.normal(0, 0.2, n))
    ).round(2)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_stores_coded_s01_to_s10_are_the_entity(seed):
    """Stores written "S01".."S10": true today under the new rule, 'store'."""
    frame = _receipts(np.random.default_rng(seed), lambda s: [f"S{k:02d}" for k in s])
    assert audit(frame, "basket_value").group_column == "store"


@pytest.mark.parametrize("seed", SEEDS)
def test_stores_numbered_1_to_10_are_the_entity_as_when_coded(seed):
    """The same receipts with stores numbered 1 to 10. Correct: 'store', as when coded."""
    frame = _receipts(np.random.default_rng(seed), lambda s: s)
    assert audit(frame, "basket_value").group_column == "store"


# 2. A place measured period by period -------------------------------------------------------

STATES = list(range(11, 71, 2))
STATE_NAMES = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
    "New Jersey",
]  # fmt: skip
LAENDER = [
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
]  # fmt: skip


def _workers(
    rng: np.random.Generator,
    states: list,
    *,
    by: str = "state",
    income: bool = False,
    exact_dates: bool = False,
) -> pd.DataFrame:
    """A cross-section of 2,400 displaced workers (CPS displaced-worker supplement style):
    state, a state figure of the year of layoff, age, tenure, whether they drew UI.

    ``by``: the figure is the state's own ("state") or its census region's ("region", four
    regions, every state of a region the same). ``income``: the figure is the state's median
    household income in whole dollars, not the unemployment rate to a tenth. ``exact_dates``:
    the layoff's date is given, not its year."""
    n, years = 2400, np.arange(1982, 1990)
    state = rng.choice(states, n)
    year = rng.choice(years, n)
    national = dict(zip(years, rng.uniform(5, 10, len(years)).round(1), strict=True))
    level = dict(zip(states, rng.normal(0, 1.5, len(states)), strict=True))
    regional = rng.normal(0, 1.5, 4)
    cell = {}
    for y in years:
        by_region = [national[y] + regional[r] + rng.normal(0, 0.4) for r in range(4)]
        for k, s in enumerate(states):
            own = national[y] + level[s] + rng.normal(0, 0.4)
            cell[(s, y)] = round(own if by == "state" else by_region[k % 4], 1)
    rate = np.array([cell[(s, y)] for s, y in zip(state, year, strict=True)])
    frame = pd.DataFrame({"state": state, "age": rng.integers(20, 62, n)})
    if income:
        frame["state_median_income"] = (30_000 + 1500 * rate).round().astype(int)
    else:
        frame["stateur"] = rate
    frame["tenure"] = rng.integers(0, 30, n)
    if exact_dates:
        frame["layoff_date"] = pd.to_datetime([f"{y}-01-01" for y in year]) + pd.to_timedelta(
            rng.integers(0, 365, n), "D"
        )
    else:
        frame["year_displaced"] = year
    logit = -1 + 0.05 * frame["tenure"] + 0.15 * (rate - 7)
    frame["ui"] = np.where(rng.random(n) < 1 / (1 + np.exp(-logit)), "yes", "no")
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_states_written_by_name_measured_year_by_year_are_the_entity(seed):
    """The displaced workers with the state written out ("Alabama"): correct and true today,
    'state' is the cluster, the year of layoff the time order."""
    report = audit(_workers(np.random.default_rng(seed), STATE_NAMES), "ui")
    assert report.time_column == "year_displaced"
    assert report.group_column == "state"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_regional_figure_makes_no_state_the_entity(seed):
    """The figure beside each worker is the census region's (four values a year, all states
    of a region alike): nothing is measured of the state itself, and a state measured this
    way is no cluster of its own. Correct and true today: no entity."""
    report = audit(_workers(np.random.default_rng(seed), STATES, by="region"), "ui")
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_state_income_in_whole_dollars_measured_year_by_year_is_the_entity(seed):
    """The displaced workers with the state's median household income of the year (whole
    dollars, as the Census publishes it) instead of the unemployment rate. Correct: 'state',
    as with the rate."""
    frame = _workers(np.random.default_rng(seed), STATES, income=True)
    report = audit(frame, "ui")
    assert report.time_column == "year_displaced"
    assert report.group_column == "state"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.xfail(
    strict=True,
    reason="The rule only sees periods of the time column itself: with the layoff's exact "
    "date the time column has more than a fifth of the rows as values and each (state, "
    "date) cell is one row, so the state's yearly rate is never seen as constant in cells.",
)
def test_a_state_measured_by_year_beside_exact_layoff_dates_is_the_entity(seed):
    """The same workers with the exact date of layoff instead of its year (the state's
    rate of that year merged on). Correct: 'state', as with the year."""
    frame = _workers(np.random.default_rng(seed), STATES, exact_dates=True)
    report = audit(frame, "ui")
    assert report.time_column == "layoff_date"
    assert report.group_column == "state"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.xfail(
    strict=True,
    reason="A place needs MIN_GROUPS_FOR_FOLDS (20) values before any place rule runs, "
    "while eight pollsters suffice under rule 1: Germany's 16 Länder, each with its own "
    "unemployment rate every year, are no entity.",
)
def test_sixteen_german_states_measured_year_by_year_are_the_entity(seed):
    """A German cross-section (SOEP style): Land (16), the Land's unemployment rate of the
    year, age, tenure, benefit receipt. Correct: 'state', as for 30 US states."""
    report = audit(_workers(np.random.default_rng(seed), LAENDER), "ui")
    assert report.time_column == "year_displaced"
    assert report.group_column == "state"


# 3. A date of birth and the time order ------------------------------------------------------


def _deliveries(rng: np.random.Generator, date_name: str) -> pd.DataFrame:
    """A maternity unit's delivery register: the baby's birth moment, sex, gestation,
    mother's age, parity, smoking, birth weight (drifting up over the three years)."""
    n = 500
    gestation = rng.normal(39, 1.6, n).round(1)
    frame = pd.DataFrame(
        {
            date_name: _moments(rng, "2015-01-01", 3 * 365, n),
            "sex": rng.choice(["F", "M"], n),
            "gestation_weeks": gestation,
            "mother_age": rng.integers(17, 45, n),
            "parity": rng.integers(0, 5, n),
            "smoker": rng.integers(0, 2, n),
        }
    )
    frame["birthweight_g"] = (
        3400
        + 180 * (gestation - 39)
        - 150 * frame["smoker"]
        + rng.normal(0, 350, n)
        + np.linspace(0, 200, n)
    ).round()
    return frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.xfail(
    strict=True,
    reason="Lost time order: BIRTH_NAME now drops 'dob' from the time candidates, but in a "
    "birth register the baby's date of birth is the event itself (before the change the "
    "audit chose it).",
)
def test_dob_of_a_birth_register_is_the_time_order(seed):
    """A delivery register whose only date is the newborn's "dob" (CDC natality files name
    theirs DOB_YY, DOB_MM, DOB_TT). The rows are births; their moment is the time order.
    Correct: time_column 'dob'."""
    report = audit(_deliveries(np.random.default_rng(seed), "dob"), "birthweight_g")
    assert report.time_column == "dob"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.xfail(
    strict=True,
    reason="'birth' in the name excludes the column from the time candidates whatever the "
    "rows are; in a register of births it is the moment of each row's event.",
)
def test_date_of_birth_of_a_birth_register_is_the_time_order(seed):
    """The same register with the moment named "date_of_birth". Correct: 'date_of_birth'."""
    report = audit(_deliveries(np.random.default_rng(seed), "date_of_birth"), "birthweight_g")
    assert report.time_column == "date_of_birth"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.xfail(
    strict=True,
    reason="A cohort series keyed by 'birth_year' gets no time order (the birth rule), and "
    "the year is then read as a running row number whose order predicts the target: a high "
    "target_leak and a high id_column on the series' own clock.",
)
def test_birth_year_of_a_cohort_series_is_the_time_order(seed):
    """A classic anthropometric series: mean adult height of each birth cohort, 1810 to 1980,
    one row per year of birth, with the sample size. Rows are cohorts; the birth year is their
    time order and the secular trend in height is real. Correct: time_column 'birth_year', no
    high finding on it."""
    rng = np.random.default_rng(seed)
    years = np.arange(1810, 1981)
    frame = pd.DataFrame(
        {
            "birth_year": years,
            "height_cm": (166 + 0.06 * (years - 1810) + rng.normal(0, 0.6, len(years))).round(1),
            "sample_n": rng.integers(200, 5000, len(years)),
        }
    )
    report = audit(frame, "height_cm")
    assert report.time_column == "birth_year"
    assert not [f for f in report.findings if f.severity == "high" and "birth_year" in f.columns]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_patient_dob_beside_the_visit_date_leaves_the_visit_date_the_time_order(seed):
    """An outpatient extract: DOB, visit date, BMI, systolic pressure, rows in any order.
    Correct and true today (before the change the audit sorted by DOB): 'visit_date'."""
    rng = np.random.default_rng(seed)
    n = 400
    visit = pd.Timestamp("2018-01-01") + pd.to_timedelta(np.sort(rng.integers(0, 1000, n)), "D")
    age = rng.uniform(20, 80, n)
    frame = pd.DataFrame(
        {
            "DOB": visit - pd.to_timedelta((age * 365.25).astype(int), "D"),
            "visit_date": visit,
            "bmi": rng.normal(27, 4, n).round(1),
        }
    )
    frame["sbp"] = (100 + 0.5 * age + 0.8 * (frame["bmi"] - 27) + rng.normal(0, 10, n)).round()
    frame = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
    assert audit(frame, "sbp").time_column == "visit_date"


# 4. Two numbers joined: sizes and codes -----------------------------------------------------


def _cars(rng: np.random.Generator, tyres: list[str]) -> pd.DataFrame:
    """Car ratings (car90 style): length, weight, horsepower, tyre size, type."""
    n = 105
    kinds = np.array(["Small", "Sporty", "Compact", "Medium", "Large", "Van"])
    kind = rng.integers(0, len(kinds), n)
    length = 160 + 9 * kind + rng.normal(0, 6, n)
    return pd.DataFrame(
        {
            "Length": length.round(),
            "Weight": (1800 + 12 * length + rng.normal(0, 150, n)).round(-1),
            "HP": rng.integers(80, 220, n),
            "Tires": [tyres[min(len(tyres) - 1, 5 * k + int(rng.integers(0, 5)))] for k in kind],
            "Type": kinds[kind],
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_full_tyre_sizes_with_the_rim_are_no_entity(seed):
    """The car table with tyres written as on the sidewall and in most car data sets,
    "195/65R15". Correct: a measurement, no entity (as for "195/60")."""
    tyres = [f"{w}/{a}R{r}" for w in range(155, 235, 5) for a, r in ((60, 14), (65, 15), (70, 16))]
    assert audit(_cars(np.random.default_rng(seed), tyres), "Type").group_column is None


BOXES = [
    f"{w}x{d}x{h}" for w, d in ((20, 15), (30, 20), (40, 30), (50, 40), (60, 40), (80, 60))
    for h in (10, 15, 25, 40)
]  # fmt: skip


@pytest.mark.parametrize("seed", SEEDS)
def test_box_dimensions_of_three_numbers_are_no_entity(seed):
    """A parcel carrier's shipments: box size from a catalogue of 24 standard boxes
    ("60x40x25"), weight, zone, express flag, the cost (by weight or volume). Correct: the box
    size is a measurement, no entity."""
    rng = np.random.default_rng(seed)
    n = 500
    box = rng.integers(0, len(BOXES), n)
    volume = np.array([np.prod([int(x) for x in b.split("x")]) for b in BOXES])[box] / 1000
    weight = (volume * rng.uniform(0.05, 0.3, n)).round(2)
    zone = rng.integers(1, 9, n)
    frame = pd.DataFrame(
        {
            "box_size": np.array(BOXES)[box],
            "weight_kg": weight,
            "zone": zone,
            "express": rng.integers(0, 2, n),
        }
    )
    frame["cost"] = (
        4
        + 0.4 * np.maximum(weight, volume / 5) * (1 + 0.1 * zone)
        + 3 * frame["express"]
        + rng.normal(0, 0.5, n)
    ).round(2)
    assert audit(frame, "cost").group_column is None


def _hearings(rng: np.random.Generator, write) -> pd.DataFrame:
    """A court's hearings: 150 cases of 2 to 5 hearings each (date, case number, judge,
    witnesses), the hearing's length set by the case's complexity."""
    rows = []
    for _ in range(150):
        year, number = int(rng.integers(2015, 2020)), int(rng.integers(1, 999))
        moment = pd.Timestamp(f"{year}-01-01") + pd.Timedelta(days=int(rng.integers(0, 365)))
        complexity = rng.normal()
        for _ in range(int(rng.integers(2, 6))):
            moment = moment + pd.Timedelta(days=int(rng.integers(20, 120)))
            rows.append(
                {
                    "hearing_date": moment,
                    "case": write(year, number),
                    "judge": f"J{int(rng.integers(1, 6))}",
                    "witnesses": int(rng.poisson(2)),
                    "minutes": round(float(np.exp(3.5 + 0.5 * complexity + rng.normal(0, 0.3)))),
                }
            )
    return pd.DataFrame(rows).sort_values("hearing_date").reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_case_numbers_written_year_slash_number_are_the_entity(seed):
    """Case numbers "2019/0412" (four digits each side). Correct and true today: 'case'."""
    frame = _hearings(np.random.default_rng(seed), lambda y, k: f"{y}/{k:04d}")
    report = audit(frame, "minutes")
    assert report.time_column == "hearing_date"
    assert report.group_column == "case"


@pytest.mark.parametrize("seed", SEEDS)
def test_case_numbers_written_number_slash_year_are_the_entity(seed):
    """The same hearings with case numbers "412/19" (case 412 of 2019). Correct: 'case'."""
    frame = _hearings(np.random.default_rng(seed), lambda y, k: f"{k}/{y % 100:02d}")
    assert audit(frame, "minutes").group_column == "case"


def _clinic(rng: np.random.Generator) -> pd.DataFrame:
    """A screening clinic, one visit per person: age, BMI, blood pressure as charted
    ("130/80"), cholesterol; hypertension as the charted rule (>= 140 or >= 90)."""
    n = 400
    systolic = rng.normal(128, 15, n).round(-1).astype(int)
    diastolic = (systolic * 0.6 + rng.normal(0, 6, n)).round(-1).astype(int)
    return pd.DataFrame(
        {
            "age": rng.integers(25, 80, n),
            "bmi": rng.normal(27, 4, n).round(1),
            "bp": [f"{s}/{d}" for s, d in zip(systolic, diastolic, strict=True)],
            "chol": rng.normal(200, 30, n).round(),
            "hypertension": np.where((systolic >= 140) | (diastolic >= 90), "yes", "no"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_blood_pressure_written_120_80_is_a_measurement_that_leaks_its_label(seed):
    """Blood pressure "130/80" is two numbers that are a measurement: no entity (before the
    change the audit grouped the folds by it), and the hypertension label is defined from
    it, a high leak. Correct and true today."""
    report = audit(_clinic(np.random.default_rng(seed)), "hypertension")
    assert report.group_column is None
    assert _leaks(report, "bp", ("high",))


# 5. A level grown at a rate -----------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.xfail(
    strict=True,
    reason="Missed leak: the compound fit is found (R² ~1 in logs), but the pair is scored "
    "by nearest neighbours on the raw target; with county populations spread over three "
    "orders of magnitude the neighbours of the big counties are far apart, the pair's "
    "score removes under half of what the 2010 count leaves and no question is asked.",
)
def test_a_percent_change_computed_from_county_populations_is_asked_about(seed):
    """A census table of 300 counties: population 2010, land area, percent change 2010-2020
    (to a tenth, computed from the 2020 count), population 2020 (the target). The spread is
    that of real US counties (from a few thousand to millions). Correct: a question (medium
    or high) about 'pct_change' with 'pop_2010'."""
    rng = np.random.default_rng(seed)
    n = 300
    pop_2010 = rng.lognormal(10, 1.2, n).round()
    pop_2020 = (pop_2010 * (1 + rng.uniform(-0.1, 0.3, n))).round()
    frame = pd.DataFrame(
        {
            "county": [f"County {k}" for k in range(n)],
            "pop_2010": pop_2010,
            "area_km2": rng.lognormal(3, 1, n).round(1),
            "pct_change": (100 * (pop_2020 / pop_2010 - 1)).round(1),
            "pop_2020": pop_2020,
        }
    )
    assert _leaks(audit(frame, "pop_2020"), "pct_change")


def _mortality(rng: np.random.Generator) -> pd.DataFrame:
    """UNICEF-like: under-5 mortality in 2000, literacy, the annual rate of reduction
    2000-2018 (computed from both years), mortality in 2018 (the target)."""
    n = 190
    m1990 = rng.lognormal(3.8, 0.6, n).round()
    m2000 = (m1990 * rng.uniform(0.5, 1.0, n)).round().clip(3)
    m2018 = (m2000 * rng.uniform(0.25, 1.05, n)).round().clip(2)
    return pd.DataFrame(
        {
            "country": [f"Country {k}" for k in range(n)],
            "mortality_2000": m2000,
            "literacy": rng.uniform(30, 100, n).round(1),
            "annual_reduction_pct": (100 * np.log(m2000 / m2018) / 18).round(1),
            "mortality_2018": m2018,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_growth_finding_never_blames_the_honest_level_alone(seed):
    """The UNICEF table with plain names: 'mortality_2000', 'annual_reduction_pct',
    'mortality_2018'. The rate is the column computed from the target; the 2000 level is an
    honest earlier value. Correct: a medium question naming the rate (alone or with the
    level), never a high finding, never one on the level alone."""
    report = audit(_mortality(np.random.default_rng(seed)), "mortality_2018")
    found = _growth_findings(report)
    assert found
    assert all(f.severity == "medium" and "annual_reduction_pct" in f.columns for f in found)


@pytest.mark.parametrize("seed", SEEDS)
def test_honest_compound_interest_is_at_most_a_question(seed):
    """A bank's ten-year fixed deposits: amount deposited, the contract's rate, the branch's
    age, the balance at maturity. The balance follows from honest inputs set at signing.
    Correct and true today: the pair is at most a medium question, never high."""
    rng = np.random.default_rng(seed)
    n = 300
    deposit = rng.lognormal(9, 1.0, n).round(-1)
    rate = rng.uniform(0.5, 12, n).round(2)
    frame = pd.DataFrame(
        {
            "deposit": deposit,
            "rate_pct": rate,
            "branch_age": rng.integers(1, 50, n),
            "balance_10y": (deposit * (1 + rate / 100) ** 10).round(2),
        }
    )
    report = audit(frame, "balance_10y")
    assert not [f for f in report.findings if f.kind == "target_leak" and f.severity == "high"]
