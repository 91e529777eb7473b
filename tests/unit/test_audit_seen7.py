"""The general weaknesses that the audit corpus's batch 7 showed, each on a small synthetic
table of its shape: a near-unique duration that looked like a panel's periods, a running
number whose order inside each block of time carries the outcome, the start and the end of
one interval, a clock in fractions of a year, and a time of day taken for a code."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit.table import is_place_name
from tests.unit.audit_findings import leak_on as _leak_on
from tests.unit.audit_findings import leaks as _leaks


def _race(n: int, seed: int) -> pd.DataFrame:
    """Runners of one race: the net time (start mat to finish) is the target; the gun time
    adds the wait to reach the start line. Ages and home states repeat; nothing is a panel."""
    rng = np.random.default_rng(seed)
    age = rng.integers(18, 80, n)
    sex = rng.choice(["F", "M"], n)
    net = np.round(5200 + 15 * (age - 40) + 400 * (sex == "F") + rng.normal(0, 350, n))
    gun = net + np.round(rng.exponential(100, n))
    states = np.array([f"S{i:02d}" for i in range(40)])
    return pd.DataFrame(
        {
            "state": states[np.minimum(rng.geometric(0.15, n) - 1, 39)],
            "time": gun.astype(int),
            "net": net.astype(int),
            "age": age,
            "sex": sex,
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_near_unique_duration_named_time_is_no_panel_period_and_is_screened(seed):
    """'time' in seconds is unique with any age or state by chance: a sparse grid, not the
    periods of a panel. It is then no time order, the age is no entity, and the gun time
    is screened (and asked about) as the near-copy of the target it is."""
    report = audit(_race(6000, seed), "net")
    assert report.time_column is None
    assert report.group_column is None
    assert _leak_on(report, "time").severity in ("high", "medium")


def test_a_panel_of_labels_over_periods_still_keys_its_periods():
    """A dense panel (every firm in most years, one row each) keeps its time order."""
    rng = np.random.default_rng(0)
    firms, years = 40, 12
    grid = pd.MultiIndex.from_product([range(firms), range(years)]).to_frame(index=False)
    grid = grid.sample(frac=0.9, random_state=0).sort_values([1, 0]).reset_index(drop=True)
    frame = pd.DataFrame(
        {
            "firm": np.array([f"firm {chr(65 + i % 26)}{i}" for i in range(firms)])[grid[0]],
            "t": grid[1] + 1,
            "capital": np.round(rng.lognormal(5, 1, len(grid)), 1),
        }
    )
    frame["invest"] = np.round(0.1 * frame["capital"] + rng.normal(0, 5, len(frame)), 2)
    report = audit(frame, "invest")
    assert report.time_column == "t"
    assert report.group_column == "firm"


def _stop_reports(n: int, seed: int, *, keyed_by_outcome: bool = True) -> pd.DataFrame:
    """Stops over a year; each month's reports are numbered after the month closes, first
    the plain stop cards then the search reports (a few misfiled), or in time order."""
    rng = np.random.default_rng(seed)
    when = pd.Timestamp("2017-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 365, n)), "D")
    searched = rng.random(n) < 0.15
    problem = rng.choice(["traffic", "suspicious"], n)
    month = when.month.to_numpy()
    misfiled = rng.random(n) < 0.05
    key = (searched ^ misfiled) if keyed_by_outcome else np.zeros(n, dtype=bool)
    jitter = rng.random(n) if keyed_by_outcome else np.arange(n) / n
    order = np.lexsort((jitter, key, month))
    number = np.empty(n, dtype=np.int64)
    number[order] = 170001 + np.arange(n)
    return pd.DataFrame(
        {
            "entry_seq": number,
            "date": when,
            "problem": problem,
            "searched": np.where(searched, "YES", "NO"),
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_number_keyed_block_by_block_of_time_in_outcome_order_is_asked_about(seed):
    """Over the year 'entry_seq' follows the date and says little; its rank inside each
    month's block says whether the stop was searched."""
    report = audit(_stop_reports(3000, seed), "searched")
    assert report.time_column == "date"
    finding = _leak_on(report, "entry_seq")
    assert finding.evidence["check"].startswith("order within blocks of time")
    assert finding.evidence["blocks"] == 12
    assert finding.evidence["score_rank_within_block"] > 0.8
    assert finding.evidence["score_alone"] < 0.7


@pytest.mark.parametrize("seed", [0, 1])
def test_a_number_keyed_block_by_block_in_time_order_is_only_a_clock(seed):
    report = audit(_stop_reports(3000, seed, keyed_by_outcome=False), "searched")
    assert not [f for f in _leaks(report) if "entry_seq" in f.columns]


def test_time_blocks_cut_where_the_earlier_rows_hold_the_smallest_numbers():
    from lessons.audit.table import _time_blocks

    rng = np.random.default_rng(0)
    numbers = np.concatenate([rng.permutation(50) + 50 * month for month in range(4)])
    # One stray: the last row carries an early number (a report keyed with the month before).
    numbers = np.r_[numbers, 3.5]
    sizes = np.bincount(_time_blocks(numbers.astype(float)))
    # The four months, give or take a row at their edges (a block of one is no month).
    assert len(sizes[sizes >= 10]) == 4 and sizes[sizes >= 10].sum() >= 190
    # A number that follows time row by row: every row a block of its own.
    assert len(np.unique(_time_blocks(np.arange(30.0)))) == 30


def _polls(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2015-11-01") + pd.to_timedelta(rng.integers(0, 360, n), "D")
    end = start + pd.to_timedelta(rng.integers(0, 6, n), "D")
    size = rng.integers(30, 300, n) * 10
    share = np.round(45 + 0.01 * (start - start.min()).days + rng.normal(0, 3, n), 2)
    return pd.DataFrame({"startdate": start, "enddate": end, "samplesize": size, "share": share})


@pytest.mark.parametrize("seed", [0, 1])
def test_the_end_of_an_interval_is_the_moment_and_a_sample_size_is_no_entity(seed):
    """A poll is in the field from its start date to its end date; its result exists at the
    end. A sample size is unique with a date by chance: no panel, no entity."""
    report = audit(_polls(1500, seed), "share")
    assert report.time_column == "enddate"
    assert report.group_column is None


def test_interval_starts_need_moments_on_one_scale():
    from lessons.audit.table import _interval_starts

    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "firm": rng.integers(1, 500, 200),  # a number on another scale than the years
            "year": rng.integers(1, 11, 200),
            "remodelled": rng.integers(1990, 2006, 200),
        }
    )
    frame["sold"] = frame["remodelled"] + rng.integers(0, 5, 200)
    assert _interval_starts(frame, ["firm", "year"]) == set()
    assert _interval_starts(frame, ["remodelled", "sold"]) == {"remodelled"}


def _wages(people: int, seed: int) -> pd.DataFrame:
    """A panel of people, each interviewed several times; 'exper' (years of experience in
    fractions) is each person's own clock and orders his rows."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(people):
        waves = rng.integers(3, 12)
        exper = np.round(np.cumsum(rng.uniform(0.3, 1.6, waves)) - 0.3, 3)
        skill = rng.normal(0, 0.3)
        for value in exper:
            rows.append((person * 7 + 31, value, 1.6 + 0.04 * value + skill))
    frame = pd.DataFrame(rows, columns=["id", "exper", "lnw"])
    frame["lnw"] = np.round(frame["lnw"] + rng.normal(0, 0.2, len(frame)), 3)
    frame["uerate"] = np.round(rng.uniform(3, 12, len(frame)), 2)
    return frame


@pytest.mark.parametrize("seed", [0, 1])
def test_a_clock_in_fractions_that_orders_each_persons_rows_is_the_time(seed):
    report = audit(_wages(300, seed), "lnw")
    assert report.time_column == "exper"
    assert report.group_column == "id"


def test_a_price_sorted_within_each_maker_is_no_clock():
    """Cars listed by maker, then by price: a measurement in fractions in the file's order
    inside a label, with no entity named as one, is not a clock."""
    rng = np.random.default_rng(0)
    makers = np.repeat([f"Maker {i}" for i in range(32)], 3)
    frame = pd.DataFrame({"Manufacturer": makers, "Min.Price": rng.uniform(7, 45, 96).round(1)})
    frame = frame.sort_values(["Manufacturer", "Min.Price"]).reset_index(drop=True)
    frame["Price"] = np.round(frame["Min.Price"] * 1.2 + rng.normal(0, 2, 96), 1)
    frame["MPG"] = rng.integers(15, 40, 96)
    assert audit(frame, "MPG").time_column is None


@pytest.mark.parametrize("seed", [0, 1])
def test_a_time_of_day_is_not_a_code_and_not_an_entity(seed):
    from lessons.audit.table import _looks_like_codes

    rng = np.random.default_rng(seed)
    n = 900
    hours, minutes = rng.integers(9, 17, n), rng.integers(0, 12, n) * 5
    clock = [f"{h}:{m:02d}" for h, m in zip(hours, minutes, strict=True)]
    assert not _looks_like_codes(pd.Series(clock))
    assert _looks_like_codes(pd.Series(["N14228", "C-0042", "AB123"] * 10))
    species = rng.choice(["RT", "CH", "SS"], n, p=[0.6, 0.3, 0.1])
    wing = np.where(species == "RT", 380.0, np.where(species == "CH", 240.0, 190.0))
    days = pd.Timestamp("1992-09-01") + pd.to_timedelta(np.sort(rng.integers(0, 350, n)), "D")
    frame = pd.DataFrame(
        {
            "capture_date": days,  # repeats: a time of day and a date look like a panel key
            "CaptureTime": clock,
            "Wing": np.round(wing + rng.normal(0, 25, n)),
            "Weight": np.round(wing * 2.5 + rng.normal(0, 150, n)),
            "Species": species,
        }
    )
    report = audit(frame, "Species")
    assert report.time_column == "capture_date"
    assert report.group_column is None


def _stays(n: int, seed: int, *, name: str = "provnum") -> pd.DataFrame:
    """Hospital stays: each provider (a five-digit number) treats many patients and keeps
    them its own number of days."""
    rng = np.random.default_rng(seed)
    providers = 30001 + np.sort(rng.choice(200, 50, replace=False))
    provider = rng.choice(providers, n)
    habit = dict(zip(providers, rng.normal(0, 2, len(providers)), strict=True))
    age80 = rng.integers(0, 2, n)
    los = np.maximum(
        1, np.round(8 + np.vectorize(habit.get)(provider) + 2 * age80 + rng.gamma(2, 2, n))
    )
    return pd.DataFrame({name: provider, "age80": age80, "hmo": rng.integers(0, 2, n), "los": los})


@pytest.mark.parametrize("seed", [0, 1])
def test_a_number_named_with_a_glued_num_is_the_entity_but_a_count_is_not(seed):
    from lessons.audit.table import NUMBER_KEY_NAME

    assert NUMBER_KEY_NAME.search("provnum") and NUMBER_KEY_NAME.search("acctnum")
    assert not NUMBER_KEY_NAME.search("num_accounts") and not NUMBER_KEY_NAME.search("platinum")
    assert audit(_stays(1500, seed), "los").group_column == "provnum"
    assert audit(_stays(1500, seed, name="num_visits"), "los").group_column is None


@pytest.mark.parametrize("name", ["zip", "birthplace", "neighborhood"])
def test_a_place_that_repeats_is_no_entity_outside_a_panel(name):
    """Houses sold in a zip code (a code with digits, shared by different houses): where a
    row's thing is, not a thing observed twice."""
    rng = np.random.default_rng(0)
    n = 900
    zips = np.array([f"z{95800 + i}" for i in range(60)])
    where = zips[rng.integers(0, 60, n)]
    sqft = rng.normal(1500, 400, n).round()
    frame = pd.DataFrame(
        {name: where, "sqft": sqft, "beds": rng.integers(1, 6, n), "price": sqft * 150}
    )
    frame["price"] = (frame["price"] + rng.normal(0, 40000, n)).round()
    assert audit(frame, "price").group_column is None


def _pitches(n: int, seed: int) -> pd.DataFrame:
    """Pitches to many batters: each batter bats from one side; balls, strikes and balls in
    play, recorded as the result (good or bad for the pitcher) and whether the batter swung."""
    rng = np.random.default_rng(seed)
    batters = np.array([f"Batter {chr(65 + i % 26)}{chr(97 + i // 26)}" for i in range(150)])
    hand = rng.choice(["R", "L"], 150, p=[0.75, 0.25])
    who = rng.integers(0, 150, n)
    swing = rng.random(n) < 0.5
    in_play = swing & (rng.random(n) < 0.3)
    strike = ~in_play & np.where(swing, True, rng.random(n) < 0.35)
    klass = np.where(in_play, "X", np.where(strike, "S", "B"))
    positive = np.where(klass == "B", False, np.where(klass == "S", True, rng.random(n) < 0.7))
    return pd.DataFrame(
        {
            "Name": batters[who],
            "BatterHand": hand[who],
            "Speed": np.round(rng.normal(90, 4, n), 1),
            "Zone": rng.integers(1, 14, n),
            "Result": np.where(positive, "Pos", "Neg"),
            "Swing": np.where(swing, "Yes", "No"),
            "Class": klass,
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_label_of_many_values_with_a_trait_is_only_named_as_a_possible_entity(seed):
    """Each batter keeps his hand on every pitch (chance would rarely do that): maybe a
    thing seen several times, maybe a level of a hierarchy. A trait alone sets no grouping;
    the label (a plain "Name": named "Batter", the name says what it is) is named in a
    note, with or without an id on every row."""
    frame = _pitches(2000, seed)
    report = audit(frame, "Class")
    assert report.group_column is None
    assert any("'Name' may name a thing" in note for note in report.notes), report.notes
    frame.insert(0, "pitch_id", np.arange(len(frame)) * 7 + 11)
    assert audit(frame, "Class").group_column is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_two_categories_that_settle_the_class_together_are_asked_about(seed):
    report = audit(_pitches(2000, seed), "Class")
    settling = [f for f in _leaks(report) if f.evidence["check"].startswith("settling pair")]
    assert len(settling) == 1, [f.to_dict() for f in report.findings]
    assert set(settling[0].columns) == {"Result", "Swing"}
    assert settling[0].severity == "medium"
    assert settling[0].evidence["rows_settled_together"] >= 0.5


def test_honest_categories_that_shift_a_class_settle_nothing():
    from lessons import audit_screen as screen
    from lessons.audit.pairs import _settling_pair

    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame({"sex": rng.choice(["F", "M"], n), "klass": rng.integers(1, 4, n)})
    risk = 0.2 + 0.3 * (frame["sex"] == "F") + 0.1 * frame["klass"]
    survived = (rng.random(n) < risk).astype(float)
    target = screen.Target("binary", survived.to_numpy(), 2)
    assert _settling_pair(frame, ["sex", "klass"], set(), target) is None


@pytest.mark.parametrize("seed", [0, 1])
def test_a_difference_of_two_weak_columns_is_found_beyond_the_strongest(seed):
    """A weight change (which can be negative) is the later weight minus the earlier one;
    each weight alone says little, and ten honest columns rank above them alone."""
    rng = np.random.default_rng(seed)
    n = 1500
    frame = pd.DataFrame({f"habit_{i}": rng.normal(0, 1, n) for i in range(10)})
    drift = sum(0.3 * frame[f"habit_{i}"] for i in range(10))
    frame["wt71"] = np.round(rng.normal(70, 14, n), 2)
    frame["wt_change"] = np.round(drift + rng.normal(0, 3, n), 3)
    frame["wt82"] = np.round(frame["wt71"] + frame["wt_change"], 2)
    finding = _leak_on(audit(frame, "wt_change"), "wt82")
    assert finding.severity == "high" and "difference" in finding.evidence["check"]


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("zip", True),
        ("ZipCode", True),
        ("birthplace", True),
        ("home_state", True),
        ("CountyName", True),
        ("states", True),
        ("Post_Code", True),
        ("estate_value", False),
        ("statement_id", False),
        ("replacement", False),
        ("reward", False),
        ("status", False),
        ("store_id", False),
        ("address", False),
        ("location", False),
        ("place", False),
        ("workplace", True),
    ],
)
def test_a_place_is_named_by_whole_words(name, place):
    assert is_place_name(name) is place


# A strict review found the batch-7 rules misfiring on ordinary tables; each shape below is
# one such table, and the audit must read it as before those rules.


def _churn(n: int, seed: int) -> pd.DataFrame:
    """Customers: a signup date, the last day active (early for the ones who left), a plan."""
    rng = np.random.default_rng(seed)
    signup = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    churned = (rng.random(n) < 0.3).astype(int)
    days = np.where(churned == 1, rng.integers(10, 200, n), 900 - rng.integers(0, 30, n))
    return pd.DataFrame(
        {
            "signup_date": signup,
            "last_active": signup + pd.to_timedelta(days, unit="D"),
            "plan": rng.choice(["a", "b", "c"], n),
            "churned": churned,
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_an_interval_end_written_by_the_outcome_is_no_time_column_and_is_screened(seed):
    """A last day active closes the customer's interval and gives the churn away: the
    signup (the moment of prediction) is the time column, the end a high leak."""
    report = audit(_churn(3000, seed), "churned")
    assert report.time_column == "signup_date"
    assert _leak_on(report, "last_active").severity == "high"


@pytest.mark.parametrize("seed", [0, 1])
def test_an_interval_length_that_is_the_target_is_asked_about(seed):
    """A discharge date alone says little about a length of stay; beside the admission it
    is the stay: the admission is the moment, the discharge asked about."""
    rng = np.random.default_rng(seed)
    n = 3000
    admit = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
    age = rng.integers(20, 90, n)
    los = np.maximum(1, np.round(rng.gamma(2, 2, n) + (age - 50) / 20)).astype(int)
    frame = pd.DataFrame(
        {
            "admit_date": admit,
            "discharge_date": admit + pd.to_timedelta(los, unit="D"),
            "age": age,
            "ward": rng.choice(list("ABCD"), n),
            "los": los,
        }
    )
    report = audit(frame, "los")
    assert report.time_column == "admit_date"
    finding = _leak_on(report, "discharge_date")
    assert finding.evidence["check"].startswith("interval length")


def _sparse_trial(seed: int) -> pd.DataFrame:
    """400 patients, 4 to 11 visits each in weeks 1 to 104 (about 7 % of the grid)."""
    rng = np.random.default_rng(seed)
    rows = []
    for subject in range(400):
        u = rng.normal(0, 1)
        weeks = np.sort(rng.choice(np.arange(1, 105), rng.integers(4, 12), replace=False))
        for week in weeks:
            event = int(rng.random() < 1 / (1 + np.exp(-(u - 1))))
            rows.append((1000 + subject, int(week), rng.normal(120, 10) + 5 * u, event))
    return pd.DataFrame(rows, columns=["subject", "week", "bp", "event"])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_sparse_panel_of_irregular_visits_keeps_its_time_and_entity(seed):
    report = audit(_sparse_trial(seed), "event")
    assert report.time_column == "week"
    assert report.group_column == "subject"


def test_a_count_unique_with_a_date_only_by_chance_is_no_entity():
    """Two polls of one sample size on one day are as common as chance makes them: the
    sample size keys no sparse panel."""
    from lessons.audit.table import _beyond_chance

    frame = _sparse_trial(0)
    assert _beyond_chance(frame, "subject", "week")
    rng = np.random.default_rng(0)
    dates = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 300, 3000), "D")
    sizes = np.round(rng.lognormal(6.6, 0.5, 3000)).astype(int)
    polls = pd.DataFrame({"date": dates, "size": sizes})
    assert not _beyond_chance(polls, "size", "date")


def _orders(seed: int, *, shuffled: bool) -> pd.DataFrame:
    """An orders log keeping the date only; the order number runs over the day's timestamps,
    and evening orders are late more often (an honest effect of the time of day)."""
    rng = np.random.default_rng(seed)
    rows = []
    number = 100000
    for day in pd.date_range("2023-01-01", periods=60):
        for hour in np.sort(rng.uniform(8, 22, rng.integers(35, 65))):
            number += 1
            late = int(rng.random() < (0.1 if hour < 15 else 0.6))
            amount = round(rng.lognormal(3, 0.6), 2)
            rows.append((day, number, rng.choice(["web", "app", "phone"]), amount, late))
    frame = pd.DataFrame(rows, columns=["order_date", "order_num", "channel", "amount", "late"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True) if shuffled else frame


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("shuffled", [True, False])
def test_a_number_in_order_of_the_time_of_day_is_no_block_leak(seed, shuffled):
    """Blocks are cut only between distinct dates, and a block of one day is no stretch of
    time: the order number's rank inside a day is the time of day, not a late keying."""
    report = audit(_orders(seed, shuffled=shuffled), "late")
    assert report.time_column == "order_date"
    blocked = [f for f in _leaks(report) if f.evidence.get("check", "").startswith("order within")]
    assert not blocked, [f.to_dict() for f in blocked]


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("shuffled", [False, True])
def test_a_measurement_that_grows_over_time_is_no_clock(seed, shuffled):
    """A child's weight grows visit by visit and orders each child's rows: a measurement,
    not a clock (its name says nothing of time); it stays in the leak screen."""
    rng = np.random.default_rng(seed)
    rows = []
    for child in range(300):
        h0, w0, sex, g = rng.normal(75, 4), rng.normal(9.5, 1), rng.choice(["F", "M"]), rng.normal()
        for visit in range(6):
            height = round(h0 + 6 * visit + rng.normal(0, 0.5), 1)
            weight = round(w0 + 1.8 * visit + rng.normal(0, 0.3), 2)
            rows.append(
                (child + 1, sex, height, weight, int(rng.random() < 1 / (1 + np.exp(1 - g))))
            )
    frame = pd.DataFrame(rows, columns=["child_id", "sex", "height_cm", "weight_kg", "anemia"])
    if shuffled:
        frame = frame.sample(frac=1, random_state=seed)
    report = audit(frame, "anemia")
    assert report.time_column is None
    assert report.group_column == "child_id"


def _appraisals(seed: int, name: str) -> pd.DataFrame:
    """1,200 houses appraised one to four times, each known by its address."""
    rng = np.random.default_rng(seed)
    houses = 1200
    sqft, quality = rng.normal(1800, 500, houses), rng.integers(1, 10, houses)
    effect, beds = rng.normal(0, 40000, houses), rng.integers(1, 6, houses)
    trees = ["Oak", "Elm", "Pine", "Maple", "Cedar", "Birch", "Ash", "Lake", "Hill", "Park"]
    streets = [f"{w} {s}" for w in trees for s in ["St", "Ave", "Rd", "Ln"]]
    where = [f"{rng.integers(1, 9999)} {rng.choice(streets)}" for _ in range(houses)]
    rows = []
    for h in range(houses):
        for _ in range(rng.integers(1, 5)):
            price = 100 * sqft[h] + 15000 * quality[h] + effect[h] + rng.normal(0, 10000)
            rows.append((where[h], round(sqft[h]), beds[h], quality[h], round(price)))
    frame = pd.DataFrame(rows, columns=[name, "sqft", "beds", "quality", "price"])
    return frame.sample(frac=1, random_state=seed)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("name", ["address", "location", "property"])
def test_a_house_known_by_its_address_is_the_entity(seed, name):
    assert audit(_appraisals(seed, name), "price").group_column == name


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("with_id", [False, True])
def test_a_level_of_a_hierarchy_is_no_entity(seed, with_id):
    """Job titles each in one department: a hierarchy, not a thing seen several times. No
    grouping, with or without an employee id; at most a note."""
    rng = np.random.default_rng(seed)
    n = 3000
    titles = np.array([f"Title {i}" for i in range(80)])
    department = np.array([f"D{i % 6}" for i in range(80)])
    which = rng.integers(0, 80, n)
    years = rng.integers(0, 30, n)
    frame = pd.DataFrame(
        {
            "job_title": titles[which],
            "department": department[which],
            "years": years,
            "gender": rng.choice(["F", "M"], n),
            "salary": np.round(40000 + 1500 * years + 300 * which + rng.normal(0, 5000, n)),
        }
    )
    if with_id:
        frame.insert(0, "employee_id", np.arange(n) * 3 + 7)
    assert audit(frame, "salary").group_column is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_count_named_with_a_glued_num_is_no_entity(seed):
    """'roomnum' 2 to 59 in a house table is a count of rooms: a small dense range, no key."""
    rng = np.random.default_rng(seed)
    n = 2000
    frame = pd.DataFrame(
        {
            "roomnum": rng.integers(2, 60, n),
            "sqft": rng.normal(1800, 400, n).round(),
            "price": rng.normal(3e5, 5e4, n).round(),
        }
    )
    assert audit(frame, "price").group_column is None
