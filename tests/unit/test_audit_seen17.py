"""What the audit corpus's batch 17 showed, each on a small synthetic table of its shape: a
register's year of onset in two digits, seasons written as two years, a bulk "posted or
updated" date beside each event's own date, dates an export wrote two ways, a purchase number
that restarts in every household, and a status that marks one class of many. A strict review
built the counter-cases (an age in two digits, a birth cohort's band, a launch day, dates
written day first, a growing panel), each kept here."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv

SEEDS = range(3)


def _register(seed: int, n: int = 3000, *, name: str = "yronset") -> pd.DataFrame:
    """Heart attacks in a register, not in year order: the year of onset in two digits,
    deaths falling over the years."""
    rng = np.random.default_rng(seed)
    year = rng.integers(85, 94, n)
    age = rng.integers(35, 70, n)
    risk = -0.5 + 0.04 * (age - 52) - 0.1 * (year - 89)
    return pd.DataFrame(
        {
            "age": age,
            "sex": rng.choice(["f", "m"], n),
            name: year,
            "outcome": np.where(rng.random(n) < 1 / (1 + np.exp(-risk)), "dead", "live"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_year_of_onset_in_two_digits_is_the_time_however_the_file_is_ordered(seed):
    assert audit(_register(seed), "outcome").time_column == "yronset"


@pytest.mark.parametrize(
    "name", ["yrs_married", "yearbuilt", "years_edu", "age_yr", "season_pts", "vehyear", "yr_exp"]
)
def test_two_digit_numbers_named_as_a_count_or_an_attribute_are_not_the_time(name):
    # An age, points in a season, a model year, a count of years or the year a thing was
    # built: not when the row happened.
    assert audit(_register(0, name=name), "outcome").time_column is None


def _seasons(seed: int, n_teams: int = 90) -> pd.DataFrame:
    """A team panel over four seasons written as two years, in team order."""
    rng = np.random.default_rng(seed)
    seasons = ["2003-2004", "2009-2010", "2012-2013", "2015-2016"]
    rows = []
    for team in range(n_teams):
        strength = rng.normal(0, 1)
        for season in seasons:
            rows.append((f"Team {team:02d}", season, strength + rng.normal(0, 0.5)))
    table = pd.DataFrame(rows, columns=["team", "year", "form"])
    table["rank"] = table["form"].rank(ascending=False).astype(int)
    table["coach_years"] = rng.integers(0, 30, len(table))
    return table.drop(columns="form")


@pytest.mark.parametrize("seed", SEEDS)
def test_seasons_written_as_two_years_are_the_time(seed):
    report = audit(_seasons(seed), "rank")
    assert report.time_column == "year"
    finding = next(f for f in report.findings if f.kind == "time_order")
    assert finding.evidence["start"] == "2003-2004" and finding.evidence["end"] == "2015-2016"


def test_text_that_only_looks_like_seasons_is_not_the_time():
    # Two years that do not follow each other are a range of something else.
    table = _seasons(0)
    table["year"] = table["year"].str.replace("-2004", "-2007")
    assert audit(table, "rank").time_column is None


def _breaches(seed: int, n: int = 1200) -> pd.DataFrame:
    """Breaches over 15 years; the register's 'posted or updated' date is one bulk update day
    on most rows, and the file is in posting order."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("1999-01-01") + pd.to_timedelta(rng.integers(0, 5500, n), unit="D")
    bulk = pd.Timestamp("2014-01-23")
    posted = np.where(
        rng.random(n) < 0.65,
        bulk,
        bulk + pd.to_timedelta(rng.integers(1, 160, n), unit="D"),
    )
    table = pd.DataFrame(
        {
            "breach_start": start,
            "date_posted_or_updated": pd.to_datetime(posted),
            "kind": rng.choice(["theft", "hacking", "loss"], n),
            "affected": rng.lognormal(7 + 0.0002 * np.arange(n), 1.2, n).round(),
        }
    )
    return table.sort_values("date_posted_or_updated", kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_bulk_update_date_is_not_the_time_beside_each_events_own_date(seed):
    table = _breaches(seed)
    assert table["date_posted_or_updated"].value_counts(normalize=True).iloc[0] > 0.5
    assert audit(table, "affected").time_column == "breach_start"


def test_a_bulk_date_alone_is_still_the_time():
    # With nothing better, a load date still orders the rows.
    table = _breaches(0).drop(columns="breach_start")
    assert audit(table, "affected").time_column == "date_posted_or_updated"


def test_dates_written_two_ways_are_read_both_ways():
    days = pd.date_range("1979-07-16", periods=400, freq="3D")
    written = [
        d.strftime("%Y-%m-%d") if i % 5 else d.strftime("%m/%d/%Y") for i, d in enumerate(days)
    ]
    text = "injury_date,weeks\n" + "".join(f"{w},{i % 9}\n" for i, w in enumerate(written))
    loaded = load_csv(io.BytesIO(text.encode()), filename="claims.csv")
    parsed = loaded.frame["injury_date"]
    assert pd.api.types.is_datetime64_any_dtype(parsed)
    assert (parsed.to_numpy() == days.to_numpy()).all()
    # The user is told, with one value of each way.
    (note,) = [n for n in loaded.notices if "two ways" in n]
    assert "'07/16/1979'" in note and "'1979-07-19'" in note


def test_text_that_is_partly_dates_stays_text():
    # Half dates, half words: not a date column read two ways.
    values = ["1980-03-02", "soon", "1981-01-05", "later"] * 50
    text = "when,n\n" + "".join(f"{v},{i}\n" for i, v in enumerate(values))
    loaded = load_csv(io.BytesIO(text.encode()), filename="t.csv")
    assert not pd.api.types.is_datetime64_any_dtype(loaded.frame["when"])


def _baskets(seed: int, n_households: int = 900) -> pd.DataFrame:
    """A scanner panel in household order: purchase 1, 2, ... of each household (many buy
    once), the household's taste setting the brand."""
    rng = np.random.default_rng(seed)
    rows = []
    for household in range(1, n_households + 1):
        taste = rng.normal(0, 1.5)
        for purchase in range(1, 1 + min(rng.geometric(0.35), 24)):
            price = rng.uniform(0.8, 1.6)
            choice = "heinz" if taste + rng.normal(0, 1) - (price - 1.2) > 0 else "hunts"
            rows.append((household, purchase, round(price, 2), choice))
    return pd.DataFrame(rows, columns=["panel.hid", "panel.id", "price.heinz", "choice"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_purchase_number_restarting_in_each_household_makes_the_household_the_entity(seed):
    table = _baskets(seed)
    report = audit(table, "choice")
    assert report.group_column == "panel.hid"
    assert report.time_column != "panel.hid"


def _strikes(seed: int, n: int = 3000, *, marking: bool = True) -> pd.DataFrame:
    """Bird strikes with their effect on the flight (most none, several kinds), and the
    disposition air traffic control logged: 'CONTINUED' on every flight with no effect, a
    code of many (RTB-17, DIV-03) on the others."""
    rng = np.random.default_rng(seed)
    phase = rng.choice(["climb", "approach", "take-off", "landing"], n)
    speed = rng.normal(140, 30, n).round()
    risk = 0.01 * (speed - 140) + np.where(phase == "take-off", 0.8, 0.0) - 2.2
    struck = rng.random(n) < 1 / (1 + np.exp(-risk))
    effects = np.array(["Aborted take-off", "Precautionary landing", "Engine shut down", "Other"])
    effect = np.where(struck, effects[rng.integers(0, 4, n)], "No effect")
    families = np.array(["RTO", "RTB", "IFSD", "OTH", "DIV"])
    code = np.char.add(
        np.char.add(families[rng.integers(0, 5, n)], "-"),
        np.char.zfill(rng.integers(1, 60, n).astype(str), 2),
    )
    honest = rng.random(n) < 0.9  # the control: 'CONTINUED' on most flights, whatever happened
    disposition = np.where(~struck if marking else honest, "CONTINUED", code)
    return pd.DataFrame(
        {"phase": phase, "speed": speed, "atc_disposition": disposition, "effect": effect}
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_status_that_marks_one_class_of_many_is_asked_about(seed):
    report = audit(_strikes(seed), "effect")
    finding = next(f for f in report.findings if f.columns == ("atc_disposition",))
    assert finding.kind == "target_leak" and finding.severity == "medium"
    assert finding.evidence["check"] == "one value marks one class"
    assert finding.evidence["marks"]["value"] == "CONTINUED"
    assert finding.evidence["marks"]["class"] == "No effect"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_common_value_spread_over_the_classes_marks_none(seed):
    report = audit(_strikes(seed, marking=False), "effect")
    assert not [
        f for f in report.findings if "atc_disposition" in f.columns and f.kind == "target_leak"
    ]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["birth_year", "cohort_year", "yr_built"])
def test_bands_of_birth_or_build_years_are_not_seasons(seed, name):
    rng = np.random.default_rng(seed)
    n = 2000
    born = rng.integers(1960, 1996, n) // 2 * 2
    table = pd.DataFrame(
        {
            name: [f"{b}-{b + 1}" for b in born],
            "income": rng.lognormal(10, 0.5, n).round(),
            "region": rng.choice(["north", "south", "east"], n),
            "default": (rng.random(n) < 0.2 + 0.005 * (born - 1960)).astype(int),
        }
    )
    assert audit(table, "default").time_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_launch_day_with_most_orders_is_still_the_time(seed):
    rng = np.random.default_rng(seed)
    n = 2000
    launch = pd.Timestamp("2022-11-25")
    later = launch + pd.to_timedelta(rng.integers(1, 365, n), unit="D")
    ordered = pd.to_datetime(np.where(rng.random(n) < 0.6, launch, later))
    table = pd.DataFrame(
        {
            "order_date": ordered,
            "card_expiry": pd.Timestamp("2023-01-01")
            + pd.to_timedelta(rng.integers(0, 60, n) * 30, unit="D"),
            "basket": rng.gamma(2, 20, n).round(2),
        }
    ).sort_values("order_date", kind="stable")
    table["returned"] = (rng.random(n) < np.linspace(0.1, 0.3, n)).astype(int)
    assert audit(table.reset_index(drop=True), "returned").time_column == "order_date"


def test_dates_written_day_first_on_some_rows_stay_text_when_nothing_says_the_order():
    # Monthly bills on the 1st: "01/03/2015" reads as 1 March or 3 January alike.
    months = pd.date_range("2010-01-01", periods=120, freq="MS")
    written = [
        d.strftime("%Y-%m-%d") if i % 5 else d.strftime("%d/%m/%Y") for i, d in enumerate(months)
    ]
    text = "billed,amount\n" + "".join(f"{w},{i}\n" for i, w in enumerate(written))
    frame = load_csv(io.BytesIO(text.encode()), filename="bills.csv").frame
    column = frame["billed"]
    if pd.api.types.is_datetime64_any_dtype(column):
        assert (column.to_numpy() == months.to_numpy()).all()


@pytest.mark.parametrize("seed", SEEDS)
def test_a_growing_panel_numbering_its_stores_one_to_n_keeps_its_weeks(seed):
    # Stores open and never close; a new store takes the next number, so every week holds
    # stores 1 to n; the file is written store by store.
    rng = np.random.default_rng(seed)
    rows = []
    for week in range(1, 31):
        for store in range(1, 31 + 3 * week + int(rng.integers(0, 3))):
            rows.append((store, week, 100 + 2 * week + rng.normal(0, 5)))
    table = pd.DataFrame(rows, columns=["store_id", "wk", "sales"])
    table = table.sort_values(["store_id", "wk"]).reset_index(drop=True)
    report = audit(table, "sales")
    assert report.time_column == "wk" and report.group_column == "store_id"


def test_the_honest_scores_blocks_never_split_a_moment_between_two_blocks():
    from lessons.audit_screen import moment_folds

    seasons = np.repeat([2003.0, 2009.0, 2012.0, 2015.0], 84)
    folds = moment_folds(seasons, 5)
    # Four seasons make four blocks, one season each, in order.
    assert pd.Series(folds).groupby(seasons).nunique().max() == 1
    assert list(pd.Series(folds).groupby(seasons).first()) == [0, 1, 2, 3]
    # Distinct moments keep five blocks of equal size.
    assert np.bincount(moment_folds(np.arange(100.0), 5)).tolist() == [20] * 5
    # Two moments cannot make three blocks: the file's order splits them, as before.
    assert np.bincount(moment_folds(np.repeat([1.0, 2.0], 50), 5)).tolist() == [20] * 5


@pytest.mark.parametrize("seed", SEEDS)
def test_a_panel_of_four_seasons_is_scored_season_by_season(seed):
    report = audit(_seasons(seed), "rank")
    assert report.folds.startswith("time-ordered: 5 consecutive blocks of 'year'")
    assert "the honest score cuts 4 blocks, whole moments each" in report.folds
