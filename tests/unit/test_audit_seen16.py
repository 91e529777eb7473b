"""What the audit corpus's batch 16 showed, each on a small synthetic table of its shape:
a ratio computed from the target beside the column it divides, an asking price beside the
sale price, one measurement held twice behind the grade it sets, student numbers with a few
repeats, street addresses, and a tasting log written respondent by respondent."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit_types import infer_column_type
from tests.unit.audit_findings import leak_on, leaks

SEEDS = range(3)


def _companies(seed: int, n: int = 1500) -> pd.DataFrame:
    """Market values of companies with their profits and sales, and a price-earnings ratio
    computed from the market value (empty for loss-makers)."""
    rng = np.random.default_rng(seed)
    profits = rng.lognormal(0, 1, n) * rng.choice([1, 1, 1, 1, -1], n)
    sales = np.abs(profits) * rng.lognormal(2, 0.5, n)
    value = np.abs(profits) * rng.lognormal(2.5, 0.6, n) + 0.1 * sales
    ratio = np.where(profits > 0, value / profits * rng.normal(1, 0.03, n), np.nan)
    return pd.DataFrame(
        {
            "sales": sales.round(2),
            "profits": profits.round(3),
            "assets": (sales * rng.lognormal(0, 0.7, n)).round(2),
            "pe_ratio": np.round(ratio, 2),
            "marketvalue": value.round(2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_ratio_computed_from_the_target_is_the_leak_not_the_column_it_divides(seed):
    report = audit(_companies(seed), "marketvalue")
    finding = leak_on(report, "pe_ratio")
    assert finding.columns == ("pe_ratio",)
    assert not [f for f in leaks(report, ("high",)) if "profits" in f.columns]


def _visits(seed: int, n: int = 2000) -> pd.DataFrame:
    """Doctor visits, each person's fee per visit (an honest rate), and the claims billed:
    the visits times the fee."""
    rng = np.random.default_rng(seed)
    age = rng.integers(20, 80, n)
    visits = rng.poisson(1 + age / 25)
    fee = rng.uniform(18, 34, n).round(1)
    claims = (visits * fee * rng.normal(1, 0.03, n)).round(0)
    return pd.DataFrame(
        {
            "age": age,
            "income": rng.lognormal(3, 0.4, n).round(2),
            "fee_per_visit": fee,
            "claims": claims,
            "visits": visits,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_amount_over_a_rate_names_both_when_the_data_cannot_tell_which(seed):
    # Claims over an honest fee per visit look the same as an amount over a rate computed
    # from the visits: the name alone does not blame either.
    report = audit(_visits(seed), "visits")
    paired = [f for f in leaks(report) if "pair" in f.evidence]
    assert paired and set(paired[0].columns) == {"claims", "fee_per_visit"}


def _runs(seed: int, n: int = 1000) -> pd.DataFrame:
    """A running log: the distance of each run sets most of its time; the pace is the time
    divided by the distance."""
    rng = np.random.default_rng(seed)
    miles = rng.choice([3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 13.1], n)
    minutes = miles * rng.normal(8.5, 0.5, n)
    return pd.DataFrame(
        {
            "date": pd.date_range("2010-01-01", periods=n, freq="2D"),
            "Miles": miles,
            "shoe": rng.choice(["a", "b", "c"], n),
            "PaceMin": (minutes / miles).round(3),
            "TimeMin": minutes.round(3),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_pace_hidden_behind_a_distance_too_good_alone_is_found(seed):
    report = audit(_runs(seed), "TimeMin")
    finding = leak_on(report, "PaceMin")
    assert set(finding.evidence["pair"]) == {"PaceMin", "Miles"}


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_average_beside_a_leaked_count_is_not_blamed_alone(seed):
    # The revenue as an honest average price times units recorded with it: no data says
    # which of the two was divided, so both are named.
    rng = np.random.default_rng(seed)
    n = 2000
    price = rng.normal(20, 1.2, n).round(2)
    units = rng.poisson(rng.gamma(2, 20, n)) + 1
    frame = pd.DataFrame(
        {
            "store_size": rng.gamma(3, 100, n).round(0),
            "avg_price": price,
            "units_sold": units,
            "revenue": (price * units).round(2),
        }
    )
    paired = [f for f in leaks(audit(frame, "revenue")) if "pair" in f.evidence]
    assert paired and "units_sold" in paired[0].columns


@pytest.mark.parametrize("seed", SEEDS)
def test_an_exact_copy_named_as_an_estimate_stays_high(seed):
    frame = _houses(seed)
    frame["estimated_price"] = frame["SalePrice"]
    assert leak_on(
        audit(frame.drop(columns="ListPrice"), "SalePrice"), "estimated_price"
    ).severity == ("high")


def _houses(seed: int, n: int = 900) -> pd.DataFrame:
    """House sales: the asking price sets most of the sale price; street addresses, a few
    houses sold twice."""
    rng = np.random.default_rng(seed)
    streets = ["Elm St", "High Street", "Prairie St", "Summer Street", "Park Ave", "Broad St"]
    houses = [f"{rng.integers(100, 2000)} {rng.choice(streets)}" for _ in range(int(n * 0.87))]
    address = [*houses, *rng.choice(houses, n - len(houses))]
    area = rng.normal(1500, 400, n).clip(500)
    listed = area * rng.normal(90, 15, n)
    return pd.DataFrame(
        {
            "Address": rng.permutation(address),
            "SquareFeet": area.round(0),
            "Bedrooms": rng.integers(1, 6, n),
            "ListPrice": listed.round(-2),
            "SalePrice": (listed * rng.normal(0.96, 0.012, n)).round(-2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_asking_price_is_a_question_not_a_leak(seed):
    report = audit(_houses(seed), "SalePrice")
    finding = leak_on(report, "ListPrice")
    assert finding.severity == "medium"
    assert finding.evidence["check"] == "named as an estimate of the target made before it"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_copy_of_the_target_not_named_as_an_estimate_stays_high(seed):
    frame = _houses(seed)
    frame["ListPrice"] = frame["SalePrice"] * np.random.default_rng(seed).normal(
        1, 0.012, len(frame)
    )
    frame = frame.rename(columns={"ListPrice": "ClosingPrice"})
    assert leak_on(audit(frame, "SalePrice"), "ClosingPrice").severity == "high"


@pytest.mark.parametrize("seed", SEEDS)
def test_street_addresses_with_a_few_resales_are_an_identifier(seed):
    report = audit(_houses(seed), "SalePrice")
    assert "Address" in {c for f in report.findings if f.kind == "id_column" for c in f.columns}


def test_integers_handed_out_with_a_few_repeats_are_an_identifier_and_crowded_ones_are_not():
    rng = np.random.default_rng(0)
    students = rng.choice(np.arange(2, 3000), 2120, replace=False)
    twice = pd.Series(np.sort([*students, *students[:8]]))
    assert infer_column_type("Student", twice) == "identifier"
    assert infer_column_type("HourlyRate", pd.Series(rng.integers(30, 101, 1470))) == "number"
    assert infer_column_type("income", pd.Series(rng.normal(50, 12, 2000).round() * 1000)) == (
        "number"
    )


def _courses(seed: int, n: int = 2000) -> pd.DataFrame:
    """Course results: the grade sets the pass; the final exam, held twice (points and
    percent), follows the grade."""
    rng = np.random.default_rng(seed)
    placement = rng.normal(0, 1, n)
    points = np.clip(2.6 + 0.6 * placement + rng.normal(0, 0.9, n), 0, 4.3).round(1)
    percent = np.clip(48 + 12 * points + rng.normal(0, 7, n), 0, 100).round(1)
    return pd.DataFrame(
        {
            "placement": placement.round(2),
            "gpa": (3 + 0.3 * placement + rng.normal(0, 0.4, n)).round(2),
            "grade": points,
            "final_exam_pct": percent,
            "final_exam_pts": (1.5 * percent).round(0),
            "passed": (points >= 3.0).astype(int),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_one_measurement_held_twice_is_asked_about_once_the_grade_is_dropped(seed):
    report = audit(_courses(seed), "passed")
    assert leak_on(report, "grade", ("high",))
    finding = leak_on(report, "final_exam_pct")
    assert set(finding.columns) == {"final_exam_pct", "final_exam_pts"}
    assert finding.evidence["leaks_dropped_first"] == ["grade"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_distance_and_its_log_are_not_asked_about_once_the_leak_is_dropped(seed):
    rng = np.random.default_rng(seed)
    n = 1500
    distance = rng.uniform(100, 2500, n)
    fare = 50 + 0.05 * distance + rng.normal(0, 60, n)
    frame = pd.DataFrame(
        {
            "dist": distance.round(0),
            "ldist": np.log(distance).round(4),
            "passengers": rng.integers(100, 5000, n),
            "log_fare": np.log(fare.clip(10)).round(5),
            "fare": fare.round(2),
        }
    )
    report = audit(frame, "fare")
    assert leak_on(report, "log_fare", ("high",))
    assert not [f for f in leaks(report) if "dist" in f.columns]


def _tastings(seed: int, n_people: int = 185) -> pd.DataFrame:
    """A tasting log written respondent by respondent: ten ratings each, with the
    respondent's traits on every row."""
    rng = np.random.default_rng(seed)
    rows = []
    for person in range(1, n_people + 1):
        gender, age, place = (
            rng.choice(["F", "M"]),
            rng.choice(["18-30", "31-50", "51-65"]),
            (rng.choice(["R1", "R2", "R3"])),
        )
        leaning = rng.normal(0, 1)
        for _ in range(10):
            product = rng.choice(["Ref", "Test"])
            score = 3.5 + leaning + (1.0 if product == "Test" else 0) + rng.normal(0, 1)
            rows.append((person, product, gender, age, place, int(np.clip(round(score), 1, 6))))
    return pd.DataFrame(rows, columns=["RESP", "PROD", "GENDER", "AGEGROUP", "LOCATION", "SURE"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_log_written_respondent_by_respondent_groups_by_the_respondent(seed):
    assert audit(_tastings(seed), "SURE").group_column == "RESP"


def test_a_sorted_measurement_without_traits_is_no_entity():
    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame(
        {
            "rooms": np.sort(rng.integers(1, 120, n)),
            "kind": rng.choice(["a", "b", "c"], n),
            "region": rng.choice(["n", "s"], n),
            "y": rng.normal(0, 1, n),
        }
    )
    assert audit(frame, "y").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_day_counter_whose_trait_comes_round_stays_the_time_order(seed):
    rng = np.random.default_rng(seed)
    days = np.repeat(np.arange(1, 201), 6)
    weekday = np.array(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])[days % 7]
    demand = 50 + 0.2 * days + rng.normal(0, 5, len(days))
    frame = pd.DataFrame({"day": days, "weekday": weekday, "price": rng.normal(3, 0.3, len(days))})
    frame["demand"] = demand.round(1)
    assert audit(frame, "demand").time_column == "day"


def test_an_identifier_missing_on_a_few_rows_is_still_an_identifier():
    rng = np.random.default_rng(0)
    n = 400
    sites = pd.Series([f"https://www.town{i}.ca" for i in range(n)]).mask(
        pd.Series(rng.random(n) < 0.01)
    )
    frame = pd.DataFrame(
        {"website": sites, "area": rng.gamma(2, 50, n).round(1), "y": rng.normal(0, 1, n)}
    )
    report = audit(frame, "y")
    assert "website" in {c for f in report.findings if f.kind == "id_column" for c in f.columns}


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rank_with_a_few_ties_is_a_number_not_an_identifier(seed):
    rng = np.random.default_rng(seed)
    n = 1000
    last = rng.lognormal(8, 1, n).round(1)
    rank = pd.Series(last).rank(method="min", ascending=False).astype(int)
    assert rank.nunique() < n
    assert infer_column_type("rank_last_year", rank) == "number"


@pytest.mark.parametrize("seed", SEEDS)
def test_labels_whose_words_carry_the_target_are_no_sorted_export(seed):
    rng = np.random.default_rng(seed)
    n = 1200
    make = rng.choice(["Audi", "BMW", "Fiat", "Ford", "Honda", "Kia", "Tesla", "Toyota"], n)
    km = rng.uniform(0, 2e5, n).round(0)
    premium = np.isin(make, ["Audi", "BMW", "Tesla"])
    frame = pd.DataFrame(
        {
            "model": [f"{m}-{t}" for m, t in zip(make, rng.integers(100, 999, n), strict=True)],
            "km": km,
            "price": (20000 + 15000 * premium - 0.06 * km + rng.normal(0, 3000, n)).round(0),
        }
    )
    report = audit(frame, "price")
    assert not leaks(report, ("high",))
    assert all(f.severity != "high" for f in report.findings if f.kind == "id_column")


def _promotions(seed: int, month_of_year: bool = False) -> pd.DataFrame:
    """Sales over 72 months, 8 rows a month, numbered by a nameless counter, with a promotion
    flag per month (and, if asked, the month of the year after it)."""
    rng = np.random.default_rng(seed)
    promoted = (rng.random(72) < 0.3).astype(int)
    months = np.repeat(np.arange(1, 73), 8)
    frame = pd.DataFrame({"trend": months, "promotion_on": promoted[months - 1]})
    if month_of_year:
        frame["moy"] = (months - 1) % 12 + 1
    frame["temp"] = rng.normal(0, 1, len(months))
    noise = rng.normal(0, 8, len(months))
    frame["sales"] = 100 + 0.8 * months + 30 * frame["promotion_on"] + 5 * frame["temp"] + noise
    return frame.round(1)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("month_of_year", [False, True])
def test_a_month_counter_with_one_flag_stays_the_time_order(seed, month_of_year):
    report = audit(_promotions(seed, month_of_year), "sales")
    assert report.time_column == "trend"
    assert report.group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_file_sorted_by_a_measured_setting_is_no_entity(seed):
    rng = np.random.default_rng(seed)
    settings = np.arange(20, 100)
    machines = rng.choice(["M1", "M2", "M3"], len(settings))
    temperature = np.repeat(settings, 6)
    frame = pd.DataFrame(
        {
            "temperature_c": temperature,
            "machine": np.repeat(machines, 6),
            "catalyst_g": rng.uniform(1, 5, len(temperature)).round(2),
        }
    )
    frame["yield_pct"] = (
        30 + 0.5 * temperature + 4 * frame["catalyst_g"] + rng.normal(0, 2, len(temperature))
    ).round(2)
    assert audit(frame, "yield_pct").group_column is None


def _card_payments(seed: int, n: int = 2000, customers: int = 1700) -> pd.DataFrame:
    """Card payments where most customers pay once and some several times (85 % of the ids
    distinct): fraud runs in the customer, so rows of one customer must share a fold."""
    rng = np.random.default_rng(seed)
    ids = np.concatenate([np.arange(customers), rng.integers(0, customers, n - customers)])
    rng.shuffle(ids)
    customer_risk = rng.normal(0, 1.5, customers)
    amount = rng.gamma(2, 30, n)
    risk = -2 + customer_risk[ids] + 0.01 * amount
    return pd.DataFrame(
        {
            "customer_id": [f"C{i:05d}" for i in ids],
            "amount": amount.round(2),
            "hour": rng.integers(0, 24, n),
            "fraud": (rng.random(n) < 1 / (1 + np.exp(-risk))).astype(int),
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_key_mostly_unique_but_repeated_on_a_tenth_of_the_rows_is_the_entity(seed):
    table = _card_payments(seed)
    assert 0.8 <= table["customer_id"].nunique() / len(table) <= 0.9
    report = audit(table, "fraud")
    assert report.group_column == "customer_id"
    # It is an identifier as well: no feature, whatever the folds.
    assert any(f.kind == "id_column" and f.columns == ("customer_id",) for f in report.findings)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_key_that_repeats_by_accident_is_no_entity(seed):
    # 2 % of the rows repeat a customer (a few duplicates of an export): not a customer base.
    table = _card_payments(seed, customers=1960)
    assert audit(table, "fraud").group_column is None
