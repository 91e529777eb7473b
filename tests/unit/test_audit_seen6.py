"""The general weaknesses that the audit corpus's batch 6 showed, each on a small synthetic
table of its shape: a camel-case duration, a lag named in hours, a mostly empty date, an
entity known by its attributes or by an id-named number, a formula hidden in weak columns,
an identifier's order, a family of numbered columns, near-unique names and old years."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons import audit_screen as screen
from lessons.audit import audit
from lessons.audit_types import infer_column_type, is_year_column
from tests.unit.audit_findings import leak_on as _leak_on
from tests.unit.audit_findings import leaks as _leaks


def _follow_up(n: int, seed: int) -> pd.DataFrame:
    """Men followed after surgery: a recurrence is likelier with a high PSA; the follow-up
    ends at the recurrence, or at the last visit (mostly long) for the others."""
    rng = np.random.default_rng(seed)
    psa = rng.lognormal(2, 0.6, n)
    recurred = rng.random(n) < 1 / (1 + np.exp(-(np.log(psa) - 3.2)))
    follow_up = np.where(recurred, rng.uniform(0.3, 70, n), rng.uniform(0.3, 100, n))
    return pd.DataFrame(
        {
            "PreopPSA": np.round(psa, 2),
            "Age": np.round(rng.normal(62, 6, n), 1),
            "TimeToRecurrence": np.round(follow_up, 2),
            "Recurrence": recurred.astype(int),
        }
    )


def test_a_camel_case_duration_weak_in_bins_is_asked_by_its_own_roc_auc():
    """'TimeToRecurrence' is a time to the event written in camel case; its binned screen is
    blurred on a small study, so the check scores the duration itself (shorter on events)."""
    from lessons.audit.judge import _duration_finding

    frame = _follow_up(400, seed=0)
    target = screen.Target("binary", frame["Recurrence"].to_numpy(dtype=float), 2)
    finding = _duration_finding(
        frame["TimeToRecurrence"], "Recurrence", target, "ROC AUC", 0.55, 0.1
    )
    assert finding is not None and finding.severity == "medium"
    assert "ROC AUC of the duration itself" in finding.evidence["check"]
    assert 0.6 <= finding.evidence["score_alone"] < 0.8
    # The same numbers as a customer's tenure are not a follow-up.
    assert (
        _duration_finding(
            frame["TimeToRecurrence"].rename("Tenure"), "Recurrence", target, "ROC AUC", 0.55, 0.1
        )
        is None
    )


def _hourly_weather(days: int = 120, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    hours = np.arange(days * 24)
    seasonal = 10 * np.sin(2 * np.pi * hours / (24 * 365))
    daily = 6 * np.sin(2 * np.pi * (hours % 24 - 9) / 24)
    weather = np.cumsum(rng.normal(0, 0.6, len(hours)))
    weather -= np.convolve(weather, np.ones(240) / 240, mode="same")
    temp = np.round(50 + seasonal + daily + weather + rng.normal(0, 0.5, len(hours)), 2)
    frame = pd.DataFrame(
        {
            "time_hour": pd.Timestamp("2013-01-01") + pd.to_timedelta(hours, unit="h"),
            "wind_speed": np.round(rng.gamma(2, 5, len(hours)), 1),
            "temp": temp,
        }
    )
    frame["temp_24h_before"] = frame["temp"].shift(24)
    day = hours // 24
    frame["temp_max_day"] = np.round(
        frame.groupby(day)["temp"].transform("max") + rng.normal(0, 0.3, len(hours)), 1
    )
    return frame


def test_a_lag_named_in_hours_is_never_high_and_never_drags_a_leak_down():
    """'temp_24h_before' is yesterday's value of the target: a legitimate baseline, asked at
    most (it stands alone, never in a group with the day's maximum, which is still found)."""
    from lessons.audit.judge import LAG_NAME

    assert LAG_NAME.search("temp_24h_before") and LAG_NAME.search("load_30min_ago")
    assert not LAG_NAME.search("temp_max_day")
    report = audit(_hourly_weather(), "temp")
    assert report.time_column == "time_hour"
    assert not [f for f in _leaks(report, ("high",)) if "temp_24h_before" in f.columns]
    assert _leak_on(report, "temp_max_day").columns == ("temp_max_day",)


def _inspections(n: int = 3000, seed: int = 0) -> pd.DataFrame:
    """Restaurants inspected several times over the years; a re-inspection is booked for low
    scores only (mostly empty); each business has its own number of locations."""
    rng = np.random.default_rng(seed)
    n_businesses = 250
    business = rng.integers(0, n_businesses, n)
    names = np.array(
        [f"DINER {chr(65 + i % 26)}{chr(65 + i // 26)} GRILL" for i in range(n_businesses)]
    )
    quality = rng.normal(0, 4, n_businesses)
    locations = rng.integers(1, 90, n_businesses)
    year = rng.integers(2005, 2019, n)
    score = np.clip(np.round(92 + quality[business] + rng.normal(0, 5, n)), 50, 100)
    booked = np.where(score < 85, rng.random(n) < 0.9, rng.random(n) < 0.02)
    visit = pd.to_datetime(year.astype(str) + "-06-01") + pd.to_timedelta(
        rng.integers(0, 150, n), "D"
    )
    return pd.DataFrame(
        {
            "business_name": names[business],
            "Year": year,
            "NumberofLocations": locations[business],
            "Weekend": rng.random(n) < 0.1,
            "reinspection_date": np.where(booked, visit.strftime("%Y-%m-%d"), None),
            "inspection_score": score,
        }
    )


def test_a_mostly_empty_date_is_not_the_time_order_and_its_flag_is_screened():
    """A follow-up date filled in on 10 % of rows is an event of some rows, not their moment:
    the year is the time order, and the date's empty/filled flag is screened as a leak."""
    frame = _inspections()
    frame["reinspection_date"] = pd.to_datetime(frame["reinspection_date"])
    report = audit(frame, "inspection_score")
    assert report.time_column == "Year"
    finding = _leak_on(report, "reinspection_date")
    assert "missing-value pattern" in finding.evidence["check"]


def test_a_label_whose_rows_share_attributes_is_the_entity():
    """A business name (no id in its name, no digits, no panel with the year) is an entity:
    its number of locations repeats on every one of its rows."""
    report = audit(_inspections(), "inspection_score")
    assert report.group_column == "business_name"


def _families(n_families: int = 200, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for family in range(n_families):
        father, mother = rng.normal(69, 2.5), rng.normal(64, 2.3)
        for _child in range(int(rng.integers(2, 8))):
            male = rng.random() < 0.5
            height = (father + mother * 1.08) / 2 + (2.5 if male else -2.5) + rng.normal(0, 2)
            rows.append(
                (f"{family:03d}", round(father, 1), round(mother, 1), male, round(height, 1))
            )
    return pd.DataFrame(rows, columns=["family", "father", "mother", "male", "childHeight"])


def test_a_short_family_code_is_the_entity_through_its_parents():
    """'001' is too short to look like a code, but the father's and mother's heights repeat on
    every row of a family: the family is the entity (grouped folds)."""
    report = audit(_families(), "childHeight")
    assert report.group_column == "family"
    assert report.folds.startswith("grouped")


def test_a_school_number_nested_in_an_authority_is_the_entity_but_an_age_is_not():
    """School numbers, each inside one education authority (numbered in the same order), are
    an entity; an age beside the birth year it fixes (a re-expression) is not."""
    rng = np.random.default_rng(0)
    n = 3000
    school = rng.integers(1, 300, n)
    lea = school // 4 + 1
    age = rng.integers(18, 70, n)
    frame = pd.DataFrame(
        {
            "school": school,
            "lea": lea,
            "gcse": np.round(rng.normal(6, 1, n), 2),
            "score": np.round(rng.normal(5, 2, n) + rng.normal(0, 1, 300)[school], 1),
        }
    )
    assert audit(frame, "score").group_column == "school"
    people = pd.DataFrame(
        {
            "age": age,
            "birth_year": 2020 - age,
            "income": np.round(rng.lognormal(8, 0.4, n), 2),
            "spend": np.round(rng.lognormal(5, 0.5, n), 2),
        }
    )
    assert audit(people, "spend").group_column is None


def test_a_number_named_like_an_id_that_repeats_is_the_entity_but_a_count_is_not():
    """'userId' (integers, about eight ratings each) is the entity; 'num_accounts' is a count."""
    rng = np.random.default_rng(0)
    n = 4000
    user = rng.integers(1, 500, n)
    frame = pd.DataFrame(
        {
            "userId": user,
            "num_accounts": rng.integers(0, 40, n),
            "genre": rng.choice(["drama", "comedy", "action"], n),
            "rating": np.round(
                np.clip(3.5 + rng.normal(0, 0.6, 500)[user] + rng.normal(0, 0.8, n), 0.5, 5) * 2
            )
            / 2,
        }
    )
    assert audit(frame, "rating").group_column == "userId"
    assert audit(frame.drop(columns="userId"), "rating").group_column is None


def _routes(n: int = 3000, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    dist = rng.uniform(100, 2500, n)
    passengers = np.round(rng.lognormal(6, 1.2, n))
    fare = np.round(60 + 0.09 * dist + rng.normal(0, 40, n)).clip(30)
    revenue = np.round(fare * passengers * 365 / 1000 * rng.normal(1, 0.015, n), 1)
    return pd.DataFrame(
        {
            "dist": np.round(dist),
            "passengers": passengers,
            "lpassengers": np.round(np.log(passengers), 5),
            "share": np.round(rng.uniform(0.2, 1, n), 4),
            "route_revenue_k": np.where(rng.random(n) < 0.04, np.nan, revenue),
            "fare": fare,
        }
    )


def test_a_ratio_of_two_weak_columns_is_found_and_the_input_held_re_expressed_is_spared():
    """The route's revenue (fare × passengers) says little alone, nor do the passengers; in
    logs their difference is the fare. The log pre-screen brings the pair to the pair search
    however weak each is, and the passengers, which the table also holds as a log (an input
    prepared as a feature), are not accused."""
    report = audit(_routes(), "fare")
    finding = _leak_on(report, "route_revenue_k")
    assert finding.severity == "high"
    assert finding.columns == ("route_revenue_k",)
    assert finding.evidence["check"].startswith("pair search")
    assert finding.evidence["held_re_expressed_as_an_input"] == "passengers"
    assert not [f for f in _leaks(report, ("high",)) if "passengers" in f.columns]


def test_the_log_pre_screen_passes_on_only_pairs_that_make_a_formula():
    from lessons.audit.pairs import _log_formula_columns

    frame = _routes()
    target = screen.Target("regression", frame["fare"].to_numpy(dtype=float), 0)
    columns = ["dist", "passengers", "share", "route_revenue_k"]
    assert set(_log_formula_columns(frame, columns, target)) == {"passengers", "route_revenue_k"}
    assert _log_formula_columns(frame, ["dist", "share", "passengers"], target) == []


def test_a_running_number_sorted_by_the_outcome_is_a_target_leak_too():
    """Forms keyed pile by pile (one pile per outcome), later sorted by income: the number
    is an identifier, and its order carries the outcome (a high target_leak with its check)."""
    rng = np.random.default_rng(0)
    n = 1200
    mode = rng.choice(["beach", "pier", "boat", "charter"], n, p=[0.1, 0.15, 0.35, 0.4])
    frame = pd.DataFrame({"income": np.round(rng.lognormal(8, 0.5, n), 2), "mode": mode})
    frame = frame.sort_values("mode", kind="stable", ignore_index=True)
    frame.insert(0, "interview_no", np.arange(1, n + 1))
    frame = frame.sort_values("income", ignore_index=True)
    report = audit(frame, "mode")
    finding = _leak_on(report, "interview_no")
    assert finding.severity == "high"
    assert finding.evidence["check"] == "row order: an identifier's order predicts the target"
    assert {f.kind for f in report.findings if "interview_no" in f.columns} == {
        "id_column",
        "target_leak",
    }


def _ratings(n: int = 3000, seed: int = 0) -> pd.DataFrame:
    """Films with the histogram of their votes (share of votes at 1 to 10, rounded) beside
    the average vote: each bar alone is weak, together they are the rating."""
    rng = np.random.default_rng(seed)
    quality = rng.normal(6, 1.2, n)
    votes = rng.integers(5, 60, n)
    frame = pd.DataFrame(
        {
            "year": rng.integers(1930, 2005, n),
            "length": rng.integers(60, 180, n),
            "Comedy": (rng.random(n) < 0.3).astype(int),
        }
    )
    ratings = []
    for q, v in zip(quality, votes, strict=True):
        drawn = np.clip(np.round(rng.normal(q, 2.5, v)), 1, 10)
        ratings.append((np.mean(drawn), np.bincount(drawn.astype(int), minlength=11)[1:] / v))
    for bar in range(10):
        frame[f"r{bar + 1}"] = [round(h[bar] * 100 / 10) * 10 + 4.5 for _, h in ratings]
    frame["rating"] = [round(m, 1) for m, _ in ratings]
    return frame


def test_a_family_of_numbered_columns_that_outweighs_the_table_is_asked_about():
    report = audit(_ratings(), "rating")
    finding = _leak_on(report, "r5")
    assert finding.severity == "medium"
    assert finding.message.startswith("Are 'r1' to 'r10' known")
    assert set(finding.columns) == {f"r{i}" for i in range(1, 11)}
    assert finding.evidence["check"].startswith("dominant family")
    assert finding.evidence["score_together"] > finding.evidence["score_without"] + 0.1


def test_weak_numbered_items_are_not_a_dominant_family():
    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame({f"item_{i}": rng.integers(0, 3, n) for i in range(1, 8)})
    frame["distance"] = np.round(rng.uniform(1, 10, n), 2)
    frame["minutes"] = np.round(
        10 + 3 * frame["distance"] + frame["item_1"] + rng.normal(0, 2, n), 1
    )
    assert not [f for f in _leaks(audit(frame, "minutes")) if "item_2" in f.columns]


@pytest.mark.parametrize(
    ("name", "values", "expected"),
    [
        ("title", [f"Film {i}" for i in range(995)] + ["Hamlet"] * 5, "identifier"),
        ("genre", [f"Genre {i % 50}" for i in range(1000)], "category"),
    ],
)
def test_short_names_shared_by_a_few_rows_label_the_rows(name, values, expected):
    assert infer_column_type(name, pd.Series(values)) == expected


def test_a_year_of_the_nineteenth_century_is_a_year():
    assert is_year_column("year", pd.Series([1894, 1930, 2005]))
    assert not is_year_column("year", pd.Series([1, 2, 3]))


def test_a_row_number_inside_each_entity_that_follows_the_target_is_asked_about():
    """Children numbered within their family, tallest first: the number follows the target
    inside the families (a medium question with its rank correlation). Numbered in a random
    order, it is not asked about."""
    frame = _families()
    frame["childNum"] = (
        frame.groupby("family")["childHeight"].rank(method="first", ascending=False).astype(int)
    )
    report = audit(frame, "childHeight")
    finding = _leak_on(report, "childNum")
    assert finding.severity == "medium"
    assert (
        finding.evidence["check"] == "row number inside each entity: its order follows the target"
    )
    assert finding.evidence["mean_rank_correlation_within_entities"] < -0.9
    shuffled = frame.sample(frac=1, random_state=0)
    shuffled["childNum"] = shuffled.groupby("family").cumcount() + 1
    assert not [f for f in _leaks(audit(shuffled, "childHeight")) if "childNum" in f.columns]


def test_an_earlier_copy_of_the_target_is_recognised_from_its_values_and_a_future_one_is_not():
    """Named or not, a column that equals the target 24 hours earlier is a lag: a medium
    question with its interval, never high. The same values 24 hours later (tomorrow's
    temperature) are no lag."""
    from lessons.audit.leaks import _earlier_copy

    frame = _hourly_weather().rename(columns={"temp_24h_before": "reading_b"})
    frame["reading_c"] = frame["temp"].shift(-24)
    report = audit(frame, "temp")
    finding = _leak_on(report, "reading_b")
    assert finding.severity == "medium"
    assert finding.evidence["lag"]["interval"] == "1 day"
    assert finding.evidence["lag"]["share"] == 1.0
    target = screen.Target("regression", frame["temp"].to_numpy(dtype=float), 0)
    moments = frame["time_hour"].to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
    keys = np.zeros(len(frame), dtype=int)
    assert _earlier_copy(frame["reading_c"], target, moments, keys, None) is None
    assert _earlier_copy(frame["wind_speed"], target, moments, keys, None) is None
