"""Strict review of the audit's rules of commits 585b20a, e52a9e4, 09be8b0 and ce316e7.

Counter-cases to: a series' own index ("t", "day", "period" ...) typed a number (1); a whole
number counting the time column's periods left out of the leak screen (2); a whole number
ranking a numeric target within each period a high leak (3); numbered groups, one block per
value with a float measurement of their own, the entity (4); a period's start or end as the
row's year, a two-period panel's key, five-row clusters and numbered litters in any order (5).
Each table is one a real public data set could be. A test marked xfail documents a case the
audit gets wrong today; the others guard what the rules get right.
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


def _kinds(report, kind: str) -> list:
    return [f.columns for f in report.findings if f.kind == kind]


# 1. A series' own index ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_a_day_of_the_month_in_a_one_month_daily_file_is_a_number(seed):
    """Correct: a shop's daily sales over one month, 'date' and 'day' 1..31 beside it. 'day'
    is the day of the month, a number (and the time order), never an identifier, and as the
    date counted another way it is no leak of the sales."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2023-01-01", periods=31, freq="D")
    frame = pd.DataFrame(
        {
            "date": dates.strftime("%Y-%m-%d"),
            "day": dates.day,
            "promo": rng.integers(0, 2, 31),
            "temp": rng.normal(5, 3, 31).round(1),
        }
    )
    frame["sales"] = (200 + 2 * frame["day"] + 40 * frame["promo"] + rng.normal(0, 15, 31)).round(1)
    report = audit(frame, "sales")
    assert ("day",) not in _kinds(report, "id_column")
    assert not _leaks(report, "day")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_patients_day_in_study_is_the_time_and_the_patient_the_entity(seed):
    """Correct: 18 subjects measured on days 0..9 of a sleep-deprivation study (sleepstudy).
    'Days' is the time within each subject, a number; 'Subject' is the entity."""
    rng = np.random.default_rng(seed)
    subjects = np.repeat(np.arange(308, 308 + 18 * 3, 3), 10)
    days = np.tile(np.arange(10), 18)
    base = np.repeat(rng.normal(250, 25, 18), 10)
    slope = np.repeat(rng.normal(10, 6, 18), 10)
    frame = pd.DataFrame(
        {
            "Subject": subjects,
            "Days": days,
            "Reaction": (base + slope * days + rng.normal(0, 20, 180)).round(2),
        }
    )
    report = audit(frame, "Reaction")
    assert report.group_column == "Subject"
    assert ("Days",) not in _kinds(report, "id_column")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_period_index_of_a_firm_panel_is_the_time_and_the_firm_the_entity(seed):
    """Correct: 40 firms over periods 1..8 (a balanced accounting panel). 'period' is the time
    order, a number, and 'firm' the entity the folds are grouped by."""
    rng = np.random.default_rng(seed)
    firms, periods = 40, 8
    frame = pd.DataFrame(
        {
            "firm": np.repeat(np.arange(1001, 1001 + firms), periods),
            "period": np.tile(np.arange(1, periods + 1), firms),
            "capital": rng.lognormal(4, 0.6, firms * periods).round(1),
            "labour": rng.lognormal(3, 0.5, firms * periods).round(1),
        }
    )
    effect = np.repeat(rng.normal(0, 0.3, firms), periods)
    frame["output"] = np.exp(
        0.3 * np.log(frame["capital"]) + 0.6 * np.log(frame["labour"]) + effect
    ).round(2) + rng.normal(0, 0.5, firms * periods).round(2)
    report = audit(frame, "output")
    assert report.group_column == "firm"
    assert ("period",) not in _kinds(report, "id_column")


# 2. The periods counted another way ----------------------------------------------------------


def _game_log(seed: int) -> pd.DataFrame:
    """A team's game log over five seasons: one row a game, its date, the opponent's strength,
    home or away, the points scored (the target) and the running count of games in which the
    team scored 100 or more 'games_100_plus' including this one, a running record as box-score
    sites print it: it rises by 0 or 1 a game."""
    rng = np.random.default_rng(seed)
    n = 400
    dates = pd.date_range("2015-10-28", periods=n, freq="3D")
    home = rng.integers(0, 2, n)
    opponent = rng.normal(0, 1, n).round(2)
    points = np.round(100 + 4 * home - 5 * opponent + rng.normal(0, 8, n))
    return pd.DataFrame(
        {
            "date": dates.strftime("%Y-%m-%d"),
            "home": home,
            "opp_rating": opponent,
            "games_100_plus": np.cumsum(points >= 100),
            "points": points,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_running_count_of_the_targets_events_is_still_screened(seed):
    """Correct: 'games_100_plus' rises by 0 or 1 a game, but by the target's own event: its
    step from the last game says whether this game reached 100 points. It is computed from
    the outcome and must stay in the leak screen, not be passed over as the time counted
    another way (a period count steps on the calendar, not on the target)."""
    from lessons.audit.core import _period_counters

    frame = _game_log(seed).assign(game_no=lambda f: np.arange(1, len(f) + 1))
    # The game's own number counts the periods; the running record does not.
    assert _period_counters(frame, ["games_100_plus", "game_no"], "date") == {"game_no"}


@pytest.mark.parametrize("seed", SEEDS)
def test_the_year_of_a_monthly_date_is_not_a_leak(seed):
    """Correct: a monthly price series with 'date' and 'year'; the year counts the periods
    another way (one value a month, rising by 0 or 1) and its strength is the trend: no
    leak."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2000-01-01", periods=180, freq="MS")
    trend = np.arange(180) * 0.4
    frame = pd.DataFrame(
        {
            "date": dates.strftime("%Y-%m-%d"),
            "year": dates.year,
            "fuel": (50 + rng.normal(0, 5, 180).cumsum()).round(2),
        }
    )
    frame["cpi"] = (100 + trend + 0.1 * frame["fuel"] + rng.normal(0, 1, 180)).round(2)
    report = audit(frame, "cpi")
    assert not _leaks(report, "year")


# 3. Ranks of the target within each period ---------------------------------------------------


def _countries(seed: int) -> pd.DataFrame:
    """30 countries over 20 years: GDP per head (the target), its place in the year's table
    ('rank', 1 the richest) and last year's place ('rank_prev_year'), published beside it and
    known a year before. Incomes move slowly, so last year's place agrees with this year's
    closely."""
    rng = np.random.default_rng(seed)
    countries, years = 30, 20
    level = np.sort(rng.normal(9.5, 1.0, countries))
    rows = []
    log_gdp = level.copy()
    previous = None
    for year in range(2000, 2000 + years):
        log_gdp = log_gdp + rng.normal(0.02, 0.01, countries)
        gdp = np.exp(log_gdp).round(0)
        rank = pd.Series(-gdp).rank(method="first").astype(int).to_numpy()
        for i in range(countries):
            rows.append(
                {
                    "country": f"C{i:02d}",
                    "year": year,
                    "population": round(float(rng.lognormal(16, 1)), 0),
                    "rank": int(rank[i]),
                    "rank_prev_year": int(previous[i]) if previous is not None else np.nan,
                    "gdp_pc": gdp[i],
                }
            )
        previous = rank
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_place_in_the_years_income_table_is_a_high_leak(seed):
    """Correct: 'rank' is GDP per head ranked within each year, a high target leak."""
    report = audit(_countries(seed).drop(columns="rank_prev_year"), "gdp_pc")
    assert report.time_column == "year"
    assert _leaks(report, "rank", ("high",))


@pytest.mark.parametrize("seed", SEEDS)
def test_last_years_place_is_not_a_high_leak(seed):
    """Correct: 'rank_prev_year' is the place in last year's table, known before this year's
    income. It agrees with this year's rank closely because incomes move slowly, a strong
    honest predictor, not a computation from the outcome: no high leak."""
    report = audit(_countries(seed).drop(columns="rank"), "gdp_pc")
    assert not _leaks(report, "rank_prev_year", ("high",))


def _league(seed: int) -> pd.DataFrame:
    """A football league over 12 seasons, 20 clubs: goal difference, wins, and the final
    'position' in the table; the target is the season's points."""
    rng = np.random.default_rng(seed)
    rows = []
    for season in range(2008, 2020):
        strength = rng.normal(0, 1, 20)
        wins = np.clip(np.round(14 + 5 * strength + rng.normal(0, 2, 20)), 2, 32).astype(int)
        draws = rng.integers(4, 14, 20)
        points = 3 * wins + draws
        order = pd.Series(-points + rng.uniform(0, 0.1, 20)).rank(method="first").astype(int)
        for i in range(20):
            rows.append(
                {
                    "season": season,
                    "club": f"club_{rng.integers(0, 40)}_{i}",
                    "squad_value": round(float(np.exp(4 + 0.8 * strength[i])), 1),
                    "position": int(order.iloc[i]),
                    "points": int(points[i]),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_league_tables_position_beside_points_is_a_high_leak(seed):
    """Correct: 'position' is the season's points ranked (1 the most), a high leak."""
    report = audit(_league(seed), "points")
    assert _leaks(report, "position", ("high",))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_that_is_no_rank_is_not_called_a_rank(seed):
    """Correct: the number of injured players (0..5) is a small whole number within each
    season's size, but it does not rank the points: no high leak."""
    frame = _league(seed).drop(columns="position")
    rng = np.random.default_rng(seed + 100)
    frame["injured"] = rng.integers(0, 6, len(frame))
    report = audit(frame, "points")
    assert not _leaks(report, "injured", ("high",))


# 4. Numbered groups with a measurement of their own -------------------------------------------


def _fumigation(seed: int) -> pd.DataFrame:
    """Codling-moth fumigation: 17 chambers 'gp' 1..17, the file written chamber by chamber,
    five or six doses each (4..32), the chamber's control mortality on each of its rows and
    the mortality (target); no other column describes the chambers."""
    rng = np.random.default_rng(seed)
    sizes = rng.choice([5, 6], 17)
    group = np.repeat(np.arange(1, 18), sizes)
    n = len(group)
    control = rng.uniform(0.05, 0.35, 17).round(4)
    dose = np.concatenate(
        [np.sort(rng.choice([4, 8, 12, 16, 20, 24, 28, 32], k, replace=False)) for k in sizes]
    )
    odds = -3 + 0.12 * dose + 4 * control[group - 1]
    return pd.DataFrame(
        {
            "gp": group,
            "control_mortality": control[group - 1],
            "dose": dose,
            "tot": rng.integers(600, 1000, n),
            "mortality": (1 / (1 + np.exp(-odds)) + rng.normal(0, 0.03, n)).clip(0, 1).round(4),
        }
    )


@pytest.mark.xfail(
    strict=True,
    reason="without a cultivar or year column beside 'gp' the audit groups the folds by "
    "'dose' (8 levels of the treatment, crossed with every chamber), not by the chambers",
)
@pytest.mark.parametrize("seed", SEEDS)
def test_fumigation_chambers_with_only_their_control_mortality_are_the_entity(seed):
    """Correct: 'gp' numbers the chambers, each with its own control mortality: the entity.
    'dose' is the treatment, crossed with every chamber, never the entity. The same table as
    tests/unit/test_audit_measured_groups.py without its cultivar and year columns."""
    report = audit(_fumigation(seed), "mortality")
    assert report.group_column == "gp"


def _dose_response(seed: int) -> pd.DataFrame:
    """A toxicology study: 8 dose levels 'dose_level' 1..8, the file written level by level,
    10 independent animals each, the level's dose in mg/kg ('dose_mg_kg', 0.5, 1, 2, 4 ...),
    the animal's weight and its liver enzyme (target)."""
    rng = np.random.default_rng(seed)
    levels, rows = 8, 10
    dose = 0.5 * 2.0 ** np.arange(levels)
    weight = rng.normal(250, 20, levels * rows).round(1)
    return pd.DataFrame(
        {
            "dose_level": np.repeat(np.arange(1, levels + 1), rows),
            "dose_mg_kg": np.repeat(dose, rows),
            "weight": weight,
            "alt": (
                30
                + 12 * np.log2(np.repeat(dose, rows) / 0.5)
                + 0.05 * weight
                + rng.normal(0, 6, levels * rows)
            ).round(1),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_ordered_dose_levels_are_not_the_entity(seed):
    """Correct: 'dose_level' 1..8 with the dose of each level on its rows is the design's
    treatment, ordered, and each row is its own animal: the rows are independent, no entity.
    Grouping the folds by dose level makes every fold extrapolate to an unseen dose."""
    report = audit(_dose_response(seed), "alt")
    assert report.group_column != "dose_level"


# 5. Period bounds, two-period panels, small clusters, litters -----------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_a_two_period_panels_countries_are_the_entity_and_period_end_the_time(seed):
    """Correct: growth regressions over two decades (Barro): 90 countries, 'period_end'
    1975 and 1985, a few countries seen once. 'country' is the entity, 'period_end' the time."""
    rng = np.random.default_rng(seed)
    countries = [f"country_{i:02d}" for i in range(90)]
    rows = []
    for i, name in enumerate(countries):
        ends = (1975, 1985) if i >= 8 else ((1975,) if i % 2 else (1985,))
        for end in ends:
            rows.append(
                {
                    "country": name,
                    "period_end": end,
                    "invest": round(float(rng.uniform(0.05, 0.35)), 3),
                    "school": round(float(rng.uniform(0.5, 9)), 2),
                }
            )
    frame = pd.DataFrame(rows)
    effect = frame["country"].map(dict(zip(countries, rng.normal(0, 0.01, 90), strict=True)))
    frame["growth"] = (
        0.1 * frame["invest"] + 0.002 * frame["school"] + effect + rng.normal(0, 0.01, len(frame))
    ).round(4)
    report = audit(frame, "growth")
    assert report.group_column == "country"
    assert report.time_column == "period_end"


@pytest.mark.parametrize("seed", SEEDS)
def test_eight_lots_of_nine_sites_are_the_entity(seed):
    """Correct: wafer oxide thickness, 8 lots written one block per lot, 9 sites each: the
    lots are the entity."""
    rng = np.random.default_rng(seed)
    lots, sites = 8, 9
    frame = pd.DataFrame(
        {
            "lot": np.repeat(np.arange(1, lots + 1), sites),
            "site": np.tile(np.arange(1, sites + 1), lots),
            "temp": rng.normal(1000, 5, lots * sites).round(1),
        }
    )
    frame["thickness"] = (
        2000
        + np.repeat(rng.normal(0, 30, lots), sites)
        + 0.5 * (frame["temp"] - 1000)
        + rng.normal(0, 8, lots * sites)
    ).round(1)
    report = audit(frame, "thickness")
    assert report.group_column == "lot"


def _rats(seed: int, *, shuffled: bool) -> pd.DataFrame:
    """Litter-matched rats: 50 litters of three, one treated and two controls, written arm by
    arm (not litter by litter), the weeks to tumour and whether one appeared."""
    rng = np.random.default_rng(seed)
    litters = 50
    litter = np.tile(np.arange(1, litters + 1), 3)
    rx = np.repeat([1, 0, 0], litters)
    frailty = np.repeat(rng.normal(0, 0.5, litters), 1)[litter - 1]
    weeks = np.round(rng.exponential(80 * np.exp(-0.7 * rx - frailty))).clip(1, 104)
    frame = pd.DataFrame(
        {
            "litter": litter,
            "rx": rx,
            "sex": rng.choice(["f", "m"], 3 * litters),
            "weight": rng.normal(200, 15, 3 * litters).round(1),
            "tumor": (weeks < 104).astype(int),
        }
    )
    if shuffled:
        frame = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_litters_numbered_without_a_gap_are_the_entity_in_any_order(seed):
    """Correct: 'litter' 1..50, three rats each, is the entity whether the file is written arm
    by arm or shuffled."""
    for shuffled in (False, True):
        report = audit(_rats(seed, shuffled=shuffled), "tumor")
        assert report.group_column == "litter"
