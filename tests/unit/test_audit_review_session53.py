"""Strict review of the audit's eight rules of session 53 (commits e9d6ee7, 45807bf, b1e3274,
f0e2162, 2ce4655, bc8894d, 89bd6cb and e8d28c6).

Each commit was read (message, diff, its own tests) and probed with counter-cases: small
synthetic tables a real public data set could be, each built from a seeded
``np.random.default_rng`` and run on three seeds, where a careless version of the rule would
be wrong. The rules reviewed:

1. e9d6ee7: a mostly empty field whose filled rows rank towards one end of a numeric target is
   asked about (Mann-Whitney AUC 0.8, p < 1e-4), unless it was kept for one stretch of time
   or a rule on another column empties it.
2. 45807bf: DD-MON-YY text loads as dates; a number named as the date written in years and
   twelfths (67.5) is the time order in any row order.
3. b1e3274: a band of the target is judged on 30 filled rows (was 50), its ceiling laid out in
   the band's own order of means.
4. f0e2162: a panelist / taster / rater label names things; a plot is a cluster from four rows.
5. 2ce4655: a batch and a pair are clusters named as one.
6. bc8894d: the entity itself is counted as entities on each side of a cut of the target.
7. 89bd6cb: codes nested in the classes of a class target (up to eight per class) are a leak,
   not the entity, unless they key a panel with the time column.
8. e8d28c6: a two-digit year named as an acceptance / enrolment / entry / registration year is
   the time.

A test marked xfail documents a case the audit gets wrong today (strict, per seed where only
some seeds fail); the others guard what it gets right. Six cases failed at first; five are
fixed by the commit that follows the review (a count kept for two seasons with two episodes
missing, a batch size of a sweep, a gait study's subjects, a car model's entry year, a car's
registration year). One stays: a market tier written from each day's price of 30 SKUs is a
question, not a high leak (the cut's sides hold 19 and 22 of the SKUs, read as a trait of a
few entities).
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv
from tests.unit.audit_findings import growing_show

SEEDS = range(3)


def _leaks(report, column: str, severities=("medium", "high")) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity in severities and column in f.columns
    ]


def _ranked(report, column: str) -> list:
    return [f for f in _leaks(report, column) if "rank_auc" in (f.evidence.get("one_sided") or {})]


def _bands(report, column: str) -> list:
    return [f for f in _leaks(report, column) if "ranges" in f.evidence.get("check", "")]


# 1. e9d6ee7: a mostly empty field filled towards one end of the target ----------------------


def _houses(seed: int) -> pd.DataFrame:
    """Sale prices of 300 houses; a pool's area is filled only where there is a pool, and
    pools are built mostly in the dearer houses (a precondition known before the sale)."""
    rng = np.random.default_rng(seed)
    n = 300
    area = rng.gamma(6, 25, n).round()
    quality = rng.integers(3, 10, n)
    price = np.exp(10.5 + 0.004 * area + 0.12 * quality + rng.normal(0, 0.25, n))
    rich = price >= np.quantile(price, 0.75)
    pool = np.where(rich, rng.random(n) < 0.55, rng.random(n) < 0.03)
    return pd.DataFrame(
        {
            "living_area_m2": area,
            "overall_quality": quality,
            "neighbourhood": rng.choice(["North", "Mill", "Oak", "Bay", "Hill"], n),
            "pool_area_m2": np.where(pool, rng.integers(20, 60, n), np.nan),
            "sale_price": price.round(-2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_pool_area_filled_mostly_in_dear_houses_is_never_a_high_leak(seed):
    """A pool is there before the sale; its area is filled where a pool exists. At most a
    question (medium), never a high leak."""
    assert not _leaks(audit(_houses(seed), "sale_price"), "pool_area_m2", ("high",))


def _reviews(seed: int) -> pd.DataFrame:
    """400 orders rated 1 to 10; a return reason is written when the buyer sends the item
    back, after the rating, and mostly for the worst-rated orders: a leak at the low end."""
    rng = np.random.default_rng(seed)
    n = 400
    price = rng.gamma(3, 20, n).round(2)
    quality = rng.normal(0, 1, n)
    rating = np.clip(np.round(7 + 1.6 * quality + rng.normal(0, 0.8, n)), 1, 10)
    worst = rating <= np.quantile(rating, 0.2)
    returned = np.where(worst, rng.random(n) < 0.7, rng.random(n) < 0.02)
    reasons = ["damaged", "not as described", "wrong size", "poor quality"]
    return pd.DataFrame(
        {
            "price": price,
            "category": rng.choice(["home", "toys", "garden", "kitchen"], n),
            "shipping_days": rng.integers(1, 9, n),
            "return_reason": np.where(returned, rng.choice(reasons, n), None),
            "rating": rating,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_return_reason_filled_for_the_worst_ratings_is_asked(seed):
    """The low end as well as the high: the filled rows rank below the others."""
    assert _leaks(audit(_reviews(seed), "rating"), "return_reason")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_kept_for_two_seasons_with_two_episodes_missing_is_not_asked(seed):
    """Real logs drop a value or two: a field kept for one stretch of time with a couple of
    gaps inside it is still a field kept for a while, not a field filled for the outcome."""
    assert not _leaks(audit(growing_show(seed, gaps=True), "viewers_millions"), "replay_requests")


# 2. 45807bf: DD-MON-YY dates and decimal years named as the date ------------------------------


def _registry(seed: int) -> pd.DataFrame:
    """A cancer registry extract: age at the diagnosis date written in years and months
    (45.75), as paediatric and adult registries often do, rows in no order; the tumour size
    is the target."""
    rng = np.random.default_rng(seed)
    n = 200
    months = rng.integers(25 * 12, 85 * 12, n)
    age = np.round(months / 12, 2)
    return pd.DataFrame(
        {
            "age_at_diagnosis_date": age,
            "sex": rng.choice(["F", "M"], n),
            "stage": rng.integers(1, 5, n),
            "tumour_mm": (10 + 0.2 * age + rng.gamma(2, 6, n)).round(1),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_age_in_years_and_months_at_the_diagnosis_date_is_no_time(seed):
    """Named with the word 'date' and written in twelfths, as the rule's dates are (a plain
    'date' of the same values is taken as the time), yet an age, no moment."""
    assert audit(_registry(seed), "tumour_mm").time_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_birth_date_written_as_a_decimal_year_is_no_time(seed):
    """A demographic survey writes the mother's birth date as 1961.42: a birth, an attribute
    of the person, never the time order (the same values a plain 'date' column would be)."""
    frame = _registry(seed).rename(columns={"age_at_diagnosis_date": "birth_date"})
    frame["birth_date"] = np.round(1990 - frame["birth_date"], 2)
    assert audit(frame, "tumour_mm").time_column is None


def _quarterly(seed: int) -> pd.DataFrame:
    """Sales of 30 firms, one row per firm-quarter, the quarter written as a decimal year
    (2001.0, 2001.25 ...), rows shuffled."""
    rng = np.random.default_rng(seed)
    rows = []
    for firm in range(30):
        level = rng.normal(100, 20)
        for q in range(12):
            date = 2001 + q / 4
            rows.append(
                (f"F{firm:02d}", date, rng.integers(10, 90), level + 2 * q + rng.normal(0, 5))
            )
    frame = pd.DataFrame(rows, columns=["firm", "date", "staff", "sales"]).round(2)
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_quarter_written_as_a_decimal_year_is_the_time(seed):
    """Quarters are twelfths too (0, 3, 6, 9 months): a real date, the time order."""
    assert audit(_quarterly(seed), "sales").time_column == "date"


def _lots(seed: int) -> str:
    """A cheese maker's lots, rows in no date order: the lot's make date written DD-MON-YY,
    and the moisture at grading."""
    rng = np.random.default_rng(seed)
    days = pd.Timestamp("2008-01-01") + pd.to_timedelta(rng.integers(0, 900, 80), unit="D")
    trend = (days - days.min()).days.to_numpy() / 100
    moisture = 36 + 0.3 * trend + rng.normal(0, 0.5, 80)
    lines = [
        f"{d.day}-{d:%b}-{d:%y},{rng.choice(['cheddar', 'gouda', 'edam'])},{m:.2f}"
        for d, m in zip(days, moisture, strict=True)
    ]
    return "made,kind,moisture\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", SEEDS)
def test_make_dates_written_dd_mon_yy_in_no_order_are_the_time(seed):
    frame = load_csv(io.BytesIO(_lots(seed).encode()), filename="lots.csv").frame
    assert pd.api.types.is_datetime64_any_dtype(frame["made"])
    assert audit(frame, "moisture").time_column == "made"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_day_and_month_without_a_year_stay_text(seed):
    """Gene symbols an old spreadsheet turned into '1-Mar', '2-Sep': no year, no date."""
    rng = np.random.default_rng(seed)
    genes = [f"{rng.integers(1, 12)}-{rng.choice(['Mar', 'Sep', 'Dec'])}" for _ in range(40)]
    text = "gene,expr\n" + "".join(f"{g},{rng.normal(5, 1):.2f}\n" for g in genes)
    frame = load_csv(io.BytesIO(text.encode()), filename="genes.csv").frame
    assert not pd.api.types.is_datetime64_any_dtype(frame["gene"])


# 3. b1e3274: bands of the target on 30 to 49 rows ---------------------------------------------


def _pupils(seed: int, n: int = 40) -> pd.DataFrame:
    """Forty pupils: last year's grade (A to E, cut from last year's score, known before),
    and this year's score, which follows last year's closely."""
    rng = np.random.default_rng(seed)
    last = rng.normal(60, 14, n)
    score = np.clip(last + rng.normal(0, 6, n), 0, 100)
    cuts = np.array([45, 55, 65, 75])
    grade = np.array(list("EDCBA"))[np.searchsorted(cuts, last)]
    return pd.DataFrame(
        {
            "hours_homework": rng.integers(0, 10, n),
            "last_year_grade": grade,
            "score": score.round(1),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_last_years_grade_of_forty_pupils_is_never_a_high_leak(seed):
    """An honest grade given a year before: a strong predictor, a question at most."""
    assert not _leaks(audit(_pupils(seed), "score"), "last_year_grade", ("high",))


def _fish(seed: int, n: int = 36) -> pd.DataFrame:
    """36 fish of a survey: a size class S/M/L cut by the length board (known before the
    weighing), and the weight, which follows the length's cube."""
    rng = np.random.default_rng(seed)
    length = rng.uniform(15, 45, n)
    weight = 0.012 * length**3 * rng.lognormal(0, 0.08, n)
    size = np.array(["S", "M", "L"])[np.searchsorted([25, 35], length)]
    return pd.DataFrame(
        {
            "station": rng.choice(["A1", "A2", "B1", "B2"], n),
            "size_class": size,
            "weight_g": weight.round(1),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_size_class_cut_from_the_length_is_never_a_high_leak(seed):
    """Cut from a strong predictor measured first, not from the weight: at most asked."""
    assert not _leaks(audit(_fish(seed), "weight_g"), "size_class", ("high",))


def _counties(seed: int, n: int = 35, reverse: bool = False) -> pd.DataFrame:
    """35 counties: an unemployment rate and its band (1 = lowest ... 3, or reversed),
    written from the rate itself, with a population known before."""
    rng = np.random.default_rng(seed)
    rate = rng.gamma(4, 1.5, n).round(1)
    band = np.searchsorted(np.quantile(rate, [1 / 3, 2 / 3]), rate, side="right") + 1
    if reverse:
        band = 4 - band
    return pd.DataFrame(
        {
            "population_k": rng.lognormal(4, 1, n).round(1),
            "rate_band": band,
            "unemployment_rate": rate,
        }
    )


@pytest.mark.parametrize("reverse", [False, True])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_of_thirty_five_counties_is_asked_in_either_code_order(seed, reverse):
    assert _leaks(audit(_counties(seed, reverse=reverse), "unemployment_rate"), "rate_band")


# 4. f0e2162: panelists, tasters, raters and plots ---------------------------------------------


def _consumer_test(seed: int) -> pd.DataFrame:
    """A consumer test of 360 ratings; 'panelist' records the kind of panel each rating came
    from (trained, consumer, expert ...), six kinds of 60 ratings, rows in no order."""
    rng = np.random.default_rng(seed)
    n = 360
    kinds = ["trained", "consumer", "expert", "staff", "student", "online"]
    panelist = np.repeat(kinds, n // len(kinds))
    shift = {"trained": 0, "consumer": 6, "expert": -4, "staff": 2, "student": 8, "online": 5}
    product = rng.choice(["P1", "P2", "P3", "P4"], n)
    liking = np.array([60 + shift[k] for k in panelist]) + rng.normal(0, 10, n)
    frame = pd.DataFrame(
        {
            "panelist": panelist,
            "product": product,
            "sweetness": rng.integers(1, 10, n),
            "liking": liking.round(1),
        }
    )
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_panelist_column_holding_the_kind_of_panel_is_no_entity(seed):
    """Six kinds of panel, 60 unrelated people each: a category, not six individuals."""
    assert audit(_consumer_test(seed), "liking").group_column is None


def _raters(seed: int) -> pd.DataFrame:
    """Twelve raters, numbered 1 to 12, each scoring 20 essays with a severity of their own,
    rows in no order."""
    rng = np.random.default_rng(seed)
    rows = []
    for rater in range(1, 13):
        severity = rng.normal(0, 1.2)
        for _ in range(20):
            words = int(rng.integers(200, 900))
            rows.append((rater, words, round(3 + severity + words / 400 + rng.normal(0, 0.6), 1)))
    frame = pd.DataFrame(rows, columns=["rater_id", "words", "mark"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_twelve_numbered_raters_are_the_entity(seed):
    assert audit(_raters(seed), "mark").group_column == "rater_id"


def _quadrats(seed: int) -> pd.DataFrame:
    """A grazing study: 'plot' holds the treatment a quadrat's plot received (grazed,
    fenced, burned, control), 30 quadrats each, the file sorted by treatment."""
    rng = np.random.default_rng(seed)
    rows = []
    for plot, effect in (("burned", -8), ("control", 0), ("fenced", 12), ("grazed", -4)):
        for _ in range(30):
            rows.append((plot, rng.integers(0, 40), 50 + effect + rng.normal(0, 6)))
    return pd.DataFrame(rows, columns=["plot", "slope_deg", "cover_pct"]).round(1)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_plot_column_holding_four_treatments_is_no_entity(seed):
    """Four treatments of 30 quadrats each, written treatment by treatment: grouping the
    folds by them would test on a treatment never seen, not on new plots."""
    assert audit(_quadrats(seed), "cover_pct").group_column is None


# 5. 2ce4655: batch and pair --------------------------------------------------------------------


def _shoe_sales(seed: int) -> pd.DataFrame:
    """A shoe shop's till rolls: 'pair' is the number of pairs on the receipt (1 to 4),
    the file sorted by it as an export grouped by quantity is."""
    rng = np.random.default_rng(seed)
    n = 240
    pairs = np.sort(rng.choice([1, 2, 3, 4], n, p=[0.55, 0.25, 0.12, 0.08]))
    price = rng.choice([49.0, 69.0, 89.0, 129.0], n)
    return pd.DataFrame(
        {
            "pair": pairs,
            "unit_price": price,
            "member": rng.integers(0, 2, n),
            "total": (pairs * price * rng.uniform(0.8, 1.0, n)).round(2),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_of_pairs_on_a_receipt_is_no_entity(seed):
    assert audit(_shoe_sales(seed), "total").group_column is None


def _training_runs(seed: int) -> pd.DataFrame:
    """A hyper-parameter sweep: 'batch' is the batch size (16 to 256) of each run, the log
    sorted by it; the target is the validation accuracy."""
    rng = np.random.default_rng(seed)
    rows = []
    for batch in (16, 32, 64, 128, 256):
        for _ in range(24):
            lr = float(10 ** rng.uniform(-4, -1))
            acc = 0.9 - 0.02 * abs(np.log10(lr) + 2.5) - 0.01 * np.log2(batch / 16)
            rows.append((batch, round(lr, 5), int(rng.integers(5, 50)), acc + rng.normal(0, 0.01)))
    return pd.DataFrame(rows, columns=["batch", "learning_rate", "epochs", "val_acc"]).round(4)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_batch_size_of_a_sweep_sorted_by_it_is_no_entity(seed):
    """Five batch sizes of 24 runs each, in order: a setting of the run, not a cluster."""
    assert audit(_training_runs(seed), "val_acc").group_column is None


def _twins(seed: int, shuffled: bool) -> pd.DataFrame:
    """40 twin pairs, each pair sharing a birth weight level; the pair coded 'T001'."""
    rng = np.random.default_rng(seed)
    rows = []
    for pair in range(1, 41):
        level = rng.normal(2400, 350)
        for sex in rng.choice(["F", "M"], 2):
            rows.append((f"T{pair:03d}", sex, rng.integers(30, 39), level + rng.normal(0, 120)))
    frame = pd.DataFrame(rows, columns=["pair", "sex", "gest_weeks", "birth_weight_g"]).round()
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True) if shuffled else frame


@pytest.mark.parametrize("seed", SEEDS)
def test_twin_pairs_written_pair_by_pair_are_the_entity(seed):
    report = audit(_twins(seed, shuffled=False), "birth_weight_g")
    assert (report.group_column, report.time_column) == ("pair", None)


# 6. bc8894d: the entity itself on each side of a cut -------------------------------------------


def _store_tiers(seed: int) -> pd.DataFrame:
    """Daily sales of 40 stores over 60 days, and a store tier written from each store's
    mean sales over the same days (gold above the median, silver below)."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2023-01-01", periods=60)
    rows = []
    for store in range(40):
        level = rng.normal(1000, 250)
        for day in dates:
            rows.append((day, f"S{store:03d}", level + rng.normal(0, 80)))
    frame = pd.DataFrame(rows, columns=["date", "store_id", "sales"])
    means = frame.groupby("store_id")["sales"].transform("mean")
    frame["tier"] = np.where(means >= means.median(), "gold", "silver")
    frame["sales"] = frame["sales"].round(1)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_tier_written_from_each_stores_mean_sales_is_still_asked(seed):
    """Twenty stores on each side of the cut: many entities, a band of the target."""
    report = audit(_store_tiers(seed), "sales")
    assert report.group_column == "store_id"
    assert _leaks(report, "tier")


def _segments(seed: int) -> pd.DataFrame:
    """Daily prices of 30 products over 100 days; 'market' is written from the day's own
    price (premium above 200, mid above 100, budget below), so a product moves between
    markets as its price walks."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2022-01-01", periods=100)
    rows = []
    for product in range(30):
        walk = rng.uniform(60, 260) + np.cumsum(rng.normal(0, 6, dates.size))
        for day, price in zip(dates, walk, strict=True):
            rows.append((day, f"SKU{product:03d}", price))
    frame = pd.DataFrame(rows, columns=["date", "sku", "price"])
    frame["market"] = np.select(
        [frame["price"] > 200, frame["price"] > 100], ["premium", "mid"], "budget"
    )
    frame["price"] = frame["price"].round(2)
    return frame


@pytest.mark.xfail(
    strict=True,
    reason="a market written from each day's price (three exact ranges, 0 rows across the "
    "cuts) is only a medium question: on seed 0 the cut is excused as 'a trait of a few "
    "entities' though 19 and 22 of 30 SKUs sit on its two sides and SKUs change market exactly "
    "at the cut (the entity counting bc8894d extends); on seeds 1 and 2 only 'near-perfect "
    "alone' fires and no band check sees the three exact ranges",
)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_market_written_from_the_days_price_is_a_high_leak(seed):
    report = audit(_segments(seed), "price")
    assert report.group_column == "sku"
    assert _leaks(report, "market", ("high",))


# 7. 89bd6cb: codes nested in the classes of a class target ------------------------------------


def _gait(seed: int) -> pd.DataFrame:
    """A gait study: 21 subjects (7 controls, 7 Parkinson's, 7 Huntington's), 15 strides each,
    rows in no order; the diagnosis is the subject's, and 'subject' is who walked."""
    rng = np.random.default_rng(seed)
    rows = []
    for s in range(21):
        group = ("control", "parkinson", "huntington")[s % 3]
        stride = {"control": 1.10, "parkinson": 1.20, "huntington": 1.25}[group]
        own = rng.normal(0, 0.06)
        for _ in range(15):
            rows.append(
                (
                    f"S{s:02d}",
                    round(stride + own + rng.normal(0, 0.05), 3),
                    round(rng.normal(0.6, 0.05) + (group != "control") * 0.03, 3),
                    group,
                )
            )
    frame = pd.DataFrame(rows, columns=["subject", "stride_s", "swing_s", "diagnosis"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_subjects_of_a_gait_study_stay_the_entity_of_their_diagnosis(seed):
    assert audit(_gait(seed), "diagnosis").group_column == "subject"


def _employers(seed: int) -> pd.DataFrame:
    """3000 patients: the employer recorded at registration (known before), each employer
    offering one insurance plan, five employers per plan; a few honest traits."""
    rng = np.random.default_rng(seed)
    n = 3000
    plans = ("hmo", "ppo", "epo", "pos")
    employer = rng.integers(0, 20, n)
    plan = np.array(plans)[employer % 4]
    switch = rng.random(n) < 0.05
    plan[switch] = rng.choice(plans, switch.sum())
    return pd.DataFrame(
        {
            "age": rng.integers(18, 65, n),
            "income_k": rng.gamma(3, 20, n).round(1),
            "employer_code": np.array([f"E{e:03d}" for e in employer]),
            "plan": plan,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_employer_known_before_is_no_entity(seed):
    """Five employers per plan, hundreds of unrelated patients each: not the entity."""
    assert audit(_employers(seed), "plan").group_column is None


def _hospital_panel(seed: int) -> pd.DataFrame:
    """18 hospitals reported month by month for three years (a date), each of one ownership
    (public, private, non-profit: the target), six per ownership."""
    rng = np.random.default_rng(seed)
    months = pd.date_range("2019-01-01", periods=36, freq="MS")
    rows = []
    for h in range(18):
        owner = ("public", "private", "nonprofit")[h % 3]
        beds = rng.integers(80, 600)
        for m in months:
            rows.append((m, f"H{h:02d}", beds, round(rng.normal(0.8, 0.06), 3), owner))
    return pd.DataFrame(rows, columns=["month", "hospital", "beds", "occupancy", "ownership"])


@pytest.mark.parametrize("seed", SEEDS)
def test_hospitals_reported_month_by_month_stay_the_entity_of_their_ownership(seed):
    assert audit(_hospital_panel(seed), "ownership").group_column == "hospital"


# 8. e8d28c6: two-digit years of acceptance, enrolment, entry, registration -------------------


def _car_models(seed: int) -> pd.DataFrame:
    """A car catalogue of 1999: 300 models, the year each model entered the market (two
    digits, 85 to 99), rows in no order; the target is the list price."""
    rng = np.random.default_rng(seed)
    n = 300
    entry = rng.integers(85, 100, n)
    power = rng.integers(60, 250, n)
    price = (8000 + 90 * power + 400 * (entry - 85) + rng.normal(0, 2500, n)).round(-1)
    return pd.DataFrame(
        {
            "make": rng.choice(["Ford", "Opel", "VW", "Fiat", "Renault", "Toyota"], n),
            "entry_year": entry,
            "hp": power,
            "price": price,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_car_models_entry_year_in_a_catalogue_is_no_time(seed):
    assert audit(_car_models(seed), "price").time_column is None


def _used_cars(seed: int) -> pd.DataFrame:
    """400 used-car listings scraped in one week: the year of first registration (2010 to
    2019, written 10 to 19), mileage and the asking price."""
    rng = np.random.default_rng(seed)
    n = 400
    reg = rng.integers(10, 20, n)
    km = (rng.gamma(3, 15000, n) * (20 - reg) / 5).round(-2)
    price = (4000 + 1500 * (reg - 10) - 0.02 * km + rng.normal(0, 1500, n)).round(-1)
    return pd.DataFrame(
        {
            "brand": rng.choice(["Skoda", "Seat", "Kia", "Mazda", "Honda"], n),
            "registration_yr": reg,
            "km": km,
            "asking_price": price,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_cars_registration_year_of_a_weeks_listings_is_no_time(seed):
    assert audit(_used_cars(seed), "asking_price").time_column is None


def _student_panel(seed: int) -> pd.DataFrame:
    """150 students followed over four survey years (1995 to 1998), each with the two-digit
    year they enrolled (90 to 95); the true time is the survey year."""
    rng = np.random.default_rng(seed)
    rows = []
    for s in range(150):
        enrol = int(rng.integers(90, 96))
        ability = rng.normal(0, 1)
        for year in range(1995, 1999):
            rows.append(
                (
                    f"ST{s:03d}",
                    year,
                    enrol,
                    round(60 + 5 * ability + 2 * (year - 1995) + rng.normal(0, 3), 1),
                )
            )
    frame = pd.DataFrame(rows, columns=["student", "survey_year", "enrol_yr", "gpa_points"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_survey_year_stays_the_time_beside_a_two_digit_enrolment_year(seed):
    report = audit(_student_panel(seed), "gpa_points")
    assert report.time_column == "survey_year"
