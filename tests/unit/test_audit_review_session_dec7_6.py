"""Strict review of the audit's five rules of the sixth session of 7 December (57666cd,
5144bf6, c84d533, 3ca5ed9 and the opening value of a difference pair in ``pairs.py``).

Each rule is probed with counter-cases a strict ML instructor would raise: small synthetic
tables a real public data set could be, each built from a seeded ``np.random.default_rng``
and run on three seeds. The rules reviewed:

1. Opening value of a difference pair: A - B gives the target and, period by period, A is B
   of the previous row: only B is named (``opening_value_known_when_the_period_starts``).
2. A lag read within series kept side by side (a label of 2-4 values, no entity) is a medium
   question, and a formula's partner.
3. Coded units of a repeated-measures design ("Qn1", "S07", "P-12") crossed once with a
   condition and nested in a factor are the entity, whatever their name.
4. Merged names: a place or thing category the entity determines, with at most a tenth fewer
   values, replaces it.
5. A repeated-measures grid 95 % filled still reads as the design.

A test marked xfail documents a case the audit gets wrong today; the others guard what it
gets right.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = list(range(3))
OPENING = "opening_value_known_when_the_period_starts"


def _leaks(report, column: str, severities=("high",)) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and column in f.columns and f.severity in severities
    ]


def _opening(report) -> list:
    return [f for f in report.findings if OPENING in f.evidence]


# --- Rule 1: the opening value of a difference pair ---------------------------------------


def _weights(seed: int) -> pd.DataFrame:
    """A slimming study: 40 people weighed monthly for 8 months; the target is the month's
    change, the weight last month is the weight of the row before."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(40):
        weight = rng.normal(85, 12)
        age = int(rng.integers(20, 70))
        for month in range(1, 9):
            last = round(weight, 1)
            weight = round(last + rng.normal(-0.6, 1.2), 1)
            rows.append(
                {
                    "person_id": f"P{person:03d}",
                    "month": month,
                    "age": age,
                    "diet_points": int(rng.integers(10, 30)),
                    "weight_last_month": last,
                    "weight": weight,
                    "weight_change": round(weight - last, 1),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_this_months_weight_is_named_and_last_months_kept(seed):
    """Two honest-looking measurements a period apart beside their difference: this month's
    weight is taken with the outcome, last month's is known before; only the former leaks."""
    report = audit(_weights(seed), "weight_change")
    assert _leaks(report, "weight")
    assert not _leaks(report, "weight_last_month")


def _balances(seed: int, newest_first: bool, with_month: bool) -> pd.DataFrame:
    """Loan statements: opening balance is last month's closing one; repaid = opening -
    closing. Bank exports often list the newest statement first."""
    rng = np.random.default_rng(seed)
    rows = []
    for loan in range(30):
        balance = float(rng.integers(5_000, 20_000))
        rate = round(float(rng.uniform(2, 9)), 2)
        for month in range(1, 11):
            opening = round(balance, 2)
            repaid = round(float(rng.uniform(50, 600)), 2)
            balance = round(opening - repaid, 2)
            rows.append(
                {
                    "loan_id": f"L{loan:03d}",
                    "month": month,
                    "rate": rate,
                    "opening_balance": opening,
                    "closing_balance": balance,
                    "repaid": repaid,
                }
            )
    frame = pd.DataFrame(rows)
    if newest_first:
        frame = frame.sort_values(["loan_id", "month"], ascending=[True, False])
    if not with_month:
        frame = frame.drop(columns="month")
    return frame.reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_statements_listed_newest_first_with_a_month_never_blame_the_opening_balance(seed):
    """'month' (1-10 in each loan, descending in the file) is not taken as the time order, so
    the audit cannot tell which way the statements run: it names the pair, never the opening
    balance alone (it did, reading the file order backwards, before the rule asked for a
    time order)."""
    report = audit(_balances(seed, newest_first=True, with_month=True), "repaid")
    assert _leaks(report, "closing_balance")
    blamed = [f for f in _leaks(report, "opening_balance") if "closing_balance" not in f.columns]
    assert not blamed


@pytest.mark.parametrize("seed", SEEDS)
def test_statements_listed_newest_first_without_a_month_never_blame_the_opening_balance(seed):
    """Without a time column the file order is taken as time; read backwards, the opening
    balance is the closing balance of the next row. The data cannot tell which way time
    runs, so the rule may stay silent, but it must never name the opening balance alone."""
    report = audit(_balances(seed, newest_first=True, with_month=False), "repaid")
    blamed = [f for f in _leaks(report, "opening_balance") if "closing_balance" not in f.columns]
    assert not blamed


def _running_totals(seed: int) -> pd.DataFrame:
    """Shops' cumulative sales and last month's cumulative sales; the target is the shop's
    staff satisfaction score, driven by the previous total, not the month's sales."""
    rng = np.random.default_rng(seed)
    rows = []
    for shop in range(30):
        total = 0.0
        for month in range(1, 11):
            previous = total
            total = round(previous + float(rng.uniform(100, 900)), 0)
            rows.append(
                {
                    "shop_id": f"S{shop:03d}",
                    "month": month,
                    "sales_to_date_before": previous,
                    "sales_to_date": total,
                    "staff": int(rng.integers(3, 15)),
                    "score": round(previous / 1000 + float(rng.normal(0, 0.3)), 2),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_running_total_and_its_previous_value_are_no_opening_value_of_another_target(seed):
    report = audit(_running_totals(seed), "score")
    assert not _opening(report)
    assert not _leaks(report, "sales_to_date")


# --- Rule 2: a lag within series kept side by side ----------------------------------------


def _two_stores(seed: int) -> pd.DataFrame:
    """Two stores' daily sales, interleaved by day, with the same store's sales yesterday."""
    rng = np.random.default_rng(seed)
    rows = []
    level = {"north": 500.0, "south": 300.0}
    for day in range(1, 121):
        for store in ("north", "south"):
            yesterday = level[store]
            level[store] = round(yesterday * 0.8 + 0.2 * (400) + float(rng.normal(0, 40)), 0)
            rows.append(
                {
                    "day": day,
                    "store": store,
                    "promo": int(rng.integers(0, 2)),
                    "sales_yesterday": yesterday,
                    "sales": level[store],
                }
            )
    frame = pd.DataFrame(rows)
    frame.loc[frame["day"] == 1, "sales_yesterday"] = np.nan
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_yesterdays_sales_of_the_same_store_is_no_high_leak(seed):
    report = audit(_two_stores(seed), "sales")
    assert not _leaks(report, "sales_yesterday")


def _banded(seed: int) -> pd.DataFrame:
    """Daily demand with its band (low / mid / high, cut from the demand itself) and the
    demand of the last day that fell in the same band: a 'lag' whose series key is the
    answer. Knowing the last same-band value tells the model which band today is in."""
    rng = np.random.default_rng(seed)
    n = 240
    demand = np.round(rng.gamma(4.0, 50.0, n), 0)
    band = np.where(demand < 150, "low", np.where(demand < 250, "mid", "high"))
    last_same_band = pd.Series(demand).groupby(band).shift(1).to_numpy()
    return pd.DataFrame(
        {
            "day": np.arange(1, n + 1),
            "temperature": np.round(rng.normal(15, 6, n), 1),
            "demand_band": band,
            "last_demand_in_band": last_same_band,
            "demand": demand,
        }
    )


@pytest.mark.xfail(
    strict=True,
    reason="'demand_band' (low/mid/high cut from the target, itself flagged as named like the "
    "target) is taken as a series key: 'last_demand_in_band' equals 'the target of the same "
    "demand_band 1 row earlier' on 100 % of rows and stays a medium question, never high",
)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_lag_within_a_band_of_the_target_is_no_earlier_value(seed):
    """The band is no series: it is written from the target. The value of the last day in
    today's band gives today's band away, so it must stay a leak, not a medium question."""
    report = audit(_banded(seed), "demand")
    assert _leaks(report, "last_demand_in_band")


# --- Rule 3: coded units of a repeated-measures design ------------------------------------


def _plates(seed: int) -> pd.DataFrame:
    """Eight 24-well plates, each well position A1..D6 used once per plate; the plate row
    (A-D) is constant within a well position. The plates hold different samples."""
    rng = np.random.default_rng(seed)
    rows = []
    for plate in range(1, 9):
        drift = rng.normal(0, 0.3)
        for letter in "ABCD":
            for col in range(1, 7):
                rows.append(
                    {
                        "plate": plate,
                        "well": f"{letter}{col}",
                        "plate_row": letter,
                        "concentration": round(float(rng.uniform(0.1, 5)), 2),
                        "absorbance": 0.0,
                        "_drift": drift,
                    }
                )
    frame = pd.DataFrame(rows)
    frame["absorbance"] = np.round(
        0.3 * frame["concentration"] + frame["_drift"] + rng.normal(0, 0.1, len(frame)), 3
    )
    return frame.drop(columns="_drift")


@pytest.mark.parametrize("seed", SEEDS)
def test_well_positions_crossed_with_plates_are_not_the_entity(seed):
    """A well position is a place on every plate, not a unit measured again and again."""
    report = audit(_plates(seed), "absorbance")
    assert report.group_column != "well"


def _drug_trial(seed: int) -> pd.DataFrame:
    """Six drugs D1..D6 (from three makers) each tried once at each of eight farms: the drug
    is the treatment, the farm the block measured again and again."""
    rng = np.random.default_rng(seed)
    makers = {"D1": "Agra", "D2": "Agra", "D3": "Bayo", "D4": "Bayo", "D5": "Cora", "D6": "Cora"}
    rows = []
    for farm in ["Ashby", "Brook", "Carlow", "Dunmore", "Elm", "Fenwick", "Glen", "Hale"]:
        soil = rng.normal(0, 1)
        for drug, maker in makers.items():
            rows.append(
                {
                    "farm": farm,
                    "drug": drug,
                    "maker": maker,
                    "rainfall": round(float(rng.normal(600, 80)), 0),
                    "yield_t": round(5 + soil + 0.2 * int(drug[1]) + rng.normal(0, 0.3), 2),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_treatment_code_crossed_with_farms_is_not_the_entity(seed):
    report = audit(_drug_trial(seed), "yield_t")
    assert report.group_column != "drug"


def _coded_units(seed: int) -> pd.DataFrame:
    """Ten units 'P-01'..'P-10' (five per arm) each measured at five doses, one session
    missed: the units are the entity, whatever the column is called."""
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(1, 11):
        base = rng.normal(50, 8)
        for dose in (0, 5, 10, 20, 40):
            rows.append(
                {
                    "label": f"P-{k:02d}",
                    "arm": "active" if k <= 5 else "placebo",
                    "dose": dose,
                    "response": round(base + (0.3 * dose if k <= 5 else 0) + rng.normal(0, 2), 1),
                }
            )
    frame = pd.DataFrame(rows)
    return frame.drop(index=int(rng.integers(0, len(frame)))).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_coded_units_with_a_missed_session_are_the_entity(seed):
    report = audit(_coded_units(seed), "response")
    assert report.group_column == "label"


# --- Rule 4: merged names -----------------------------------------------------------------


def _participants_by_state(seed: int) -> pd.DataFrame:
    """52 participants from 50 home states (two states send two each), six sessions each."""
    rng = np.random.default_rng(seed)
    states = [f"State{k:02d}" for k in range(50)]
    home = states + list(rng.choice(states, 2, replace=False))
    rng.shuffle(home)
    rows = []
    for k in range(52):
        base = rng.normal(100, 15)
        for session in range(1, 7):
            rows.append(
                {
                    "subject": k + 1,
                    "home_state": home[k],
                    "session": session,
                    "load": round(float(rng.uniform(1, 10)), 1),
                    "reaction_ms": round(base + 4 * session + rng.normal(0, 5), 1),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_participants_stay_the_entity_beside_their_home_states(seed):
    """Two states sending two participants each do not make the state the unit observed."""
    report = audit(_participants_by_state(seed), "reaction_ms")
    assert report.group_column == "subject"


def _survey_codes(seed: int, missing_names: int) -> pd.DataFrame:
    """A survey: 40 country codes, 37 countries (three countries hold two codes), 25
    respondents per code; ``missing_names`` codes carry no country name."""
    rng = np.random.default_rng(seed)
    names = [f"Country {k}" for k in range(37)]
    code_names = names + names[:3]
    rows = []
    for code in range(40):
        effect = rng.normal(0, 1)
        for _ in range(25):
            rows.append(
                {
                    "s003": 100 + code * 4,
                    "country": code_names[code] if code >= missing_names else np.nan,
                    "age": int(rng.integers(18, 80)),
                    "income_decile": int(rng.integers(1, 11)),
                    "trust": round(float(5 + effect + rng.normal(0, 1)), 1),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_codes_without_a_name_are_not_merged_into_one_country(seed):
    """Four codes with no country name are four countries, not one: grouped by the names,
    they would fall into one blank group (or out of the folds)."""
    report = audit(_survey_codes(seed, missing_names=4), "trust")
    assert report.group_column == "s003"


# --- Rule 5: a repeated-measures grid 95 % filled -----------------------------------------


def _restarted_numbers(seed: int) -> pd.DataFrame:
    """Three sites each number their patients 1..8; each patient is seen under four
    conditions once. Patient 1 at one site is not patient 1 at another."""
    rng = np.random.default_rng(seed)
    rows = []
    for site in ("north", "east", "west"):
        for patient in range(1, 9):
            base = rng.normal(120, 10)
            for condition in ("rest", "walk", "jog", "stairs"):
                rows.append(
                    {
                        "site": site,
                        "patient": patient,
                        "condition": condition,
                        "heart_rate": round(base + rng.normal(0, 4), 0),
                    }
                )
    frame = pd.DataFrame(rows)
    return frame.drop(index=[3, 50]).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_patient_numbers_restarted_at_each_site_keep_each_patient_together(seed):
    """The grid fails (each number under a condition three times); the single column that
    keeps each real patient (site, number) in one group is the number or the site."""
    report = audit(_restarted_numbers(seed), "heart_rate")
    assert report.group_column in ("patient", "site")


def _retested(seed: int) -> pd.DataFrame:
    """Twelve subjects under four conditions once, two sessions missed and two repeated (a
    subject retested under the same condition): the subjects are still the units."""
    rng = np.random.default_rng(seed)
    rows = []
    for subject in range(1, 13):
        base = rng.normal(30, 6)
        for condition in ("A", "B", "C", "D"):
            rows.append(
                {
                    "subject": subject,
                    "condition": condition,
                    "effort": round(base + "ABCD".index(condition) + rng.normal(0, 1), 1),
                }
            )
    frame = pd.DataFrame(rows)
    frame = frame.drop(index=[5, 30])
    retest = frame.iloc[[10, 40]].assign(effort=lambda f: f["effort"] + 0.5)
    return pd.concat([frame, retest], ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_subjects_with_a_retested_session_are_still_the_entity(seed):
    report = audit(_retested(seed), "effort")
    assert report.group_column == "subject"
