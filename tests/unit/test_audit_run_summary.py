"""A value per entity worked out from the target over the entity's whole run (the summary of
the run check): found on its shapes, left alone on a starting point and on honest attributes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CHECK = (
    "summary of the run: one value per entity that follows a summary of the target over its rows"
)


def _summaries(report):
    return [f for f in report.findings if f.evidence.get("check") == CHECK]


def _chart(seed: int, tracks: int = 150) -> pd.DataFrame:
    """Tracks on a weekly chart: each climbs to its peak and falls off; "top40" is this
    week's rank."""
    rng = np.random.default_rng(seed)
    rows = []
    for track in range(tracks):
        weeks = int(rng.integers(6, 30))
        peak = rng.uniform(1, 90)
        entered = pd.Timestamp("2000-01-01") + pd.Timedelta(weeks=int(rng.integers(0, 50)))
        label_hits = int(rng.poisson(3 if peak < 40 else 1.5))
        shape = np.abs(np.arange(weeks) - rng.integers(1, weeks)) * rng.uniform(3, 8)
        ranks = np.clip(np.round(peak + shape + rng.normal(0, 3, weeks)), 1, 100)
        for week, rank in enumerate(ranks, start=1):
            rows.append(
                {
                    "track": f"track {track}",
                    "label_hits_before": label_hits,
                    "week": entered + pd.Timedelta(weeks=week - 1),
                    "week_on_chart": week,
                    "top40": "yes" if rank <= 40 else "no",
                    "_rank": rank,
                }
            )
    frame = pd.DataFrame(rows)
    frame["peak_position"] = frame.groupby("track")["_rank"].transform("min")
    return frame.drop(columns="_rank")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_best_chart_position_over_the_whole_run_is_asked_about(seed):
    report = audit(_chart(seed), "top40")
    found = _summaries(report)
    assert [f.columns for f in found] == [("peak_position",)], [
        (f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert found[0].severity == "medium"
    assert found[0].evidence["summary"] == "ever positive"
    assert found[0].evidence["score"] >= 0.98


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_attribute_of_each_track_is_not_a_summary(seed):
    # The label's earlier hits are higher for tracks that reach the top 40, not exactly so.
    report = audit(_chart(seed).drop(columns="peak_position"), "top40")
    assert not _summaries(report)


def _visits(seed: int, patients: int = 120) -> pd.DataFrame:
    """Patients' pain scores at each visit; their baseline (first visit) and their worst
    score over all visits copied onto every row."""
    rng = np.random.default_rng(seed)
    rows = []
    for patient in range(patients):
        level = rng.normal(5, 1.5)
        visits = int(rng.integers(3, 9))
        scores = np.round(level + np.cumsum(rng.normal(0.2, 0.8, visits)), 1)
        for visit, score in enumerate(scores, start=1):
            rows.append(
                {
                    "patient_id": f"P{patient:04d}",
                    "visit": visit,
                    "age": 40 + patient % 30,
                    "baseline_score": scores[0],
                    "worst_score": scores.max(),
                    "pain": score,
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_worst_score_over_every_visit_is_asked_about_and_the_baseline_is_not(seed):
    report = audit(_visits(seed), "pain")
    assert report.group_column == "patient_id"
    found = _summaries(report)
    assert [f.columns for f in found] == [("worst_score",)], [
        (f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert found[0].evidence["summary"] == "highest value"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_growing_run_s_starting_point_is_not_a_summary(seed):
    # Weights only grow: the first weighing is also the lowest, and known from the first row.
    frame = _visits(seed).drop(columns="worst_score")
    frame["pain"] = frame.groupby("patient_id")["pain"].cummax()
    frame["baseline_score"] = frame.groupby("patient_id")["pain"].transform("first")
    assert not _summaries(audit(frame, "pain"))


def test_a_target_that_never_changes_within_an_entity_is_left_to_the_leak_screen():
    frame = _visits(0)
    frame["pain"] = frame.groupby("patient_id")["pain"].transform("mean").round(1)
    assert not _summaries(audit(frame, "pain"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_count_of_each_entity_s_rows_is_no_summary_of_a_sum(seed):
    # The number of children follows the total of the children's heights (more children,
    # a larger total): it is a count, not the outcome.
    rng = np.random.default_rng(seed)
    rows = []
    for family in range(200):
        parents = rng.normal(170, 6)
        children = int(rng.integers(1, 10))
        for _child in range(children):
            rows.append(
                {
                    "family": f"F{family:03d}",
                    "midparent": round(parents, 1),
                    "children": children,
                    "height": round(parents + rng.normal(0, 7), 1),
                }
            )
    assert not _summaries(audit(pd.DataFrame(rows), "height"))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_store_s_floor_area_that_ranks_stores_by_their_mean_sales_is_not_a_summary(seed):
    # Sales follow the floor area closely (rank correlation about 0.99 with each store's
    # mean), but the area is fixed before any sale and is not the mean itself.
    rng = np.random.default_rng(seed)
    rows = []
    for store in range(80):
        area = float(rng.uniform(200, 2000))
        for week in range(12):
            rows.append(
                {
                    "store_id": f"S{store:03d}",
                    "week": pd.Timestamp("2024-01-01") + pd.Timedelta(weeks=week),
                    "floor_area_m2": round(area),
                    "promo": int(rng.random() < 0.2),
                    "sales": round(area * 50 * rng.lognormal(0, 0.15), 0),
                }
            )
    assert not _summaries(audit(pd.DataFrame(rows), "sales"))


def _reviews(seed: int, businesses: int = 200) -> pd.DataFrame:
    """Reviews of businesses, one to five stars each; the listing shows each business's
    average stars over all its reviews, rounded to half stars as review sites do."""
    rng = np.random.default_rng(seed)
    rows = []
    for business in range(businesses):
        quality = rng.normal(0, 1.2)
        size = int(rng.integers(4, 25))
        for _ in range(size):
            stars = int(np.clip(np.round(3.2 + quality + rng.normal(0, 1.1)), 1, 5))
            rows.append(
                {
                    "business_id": f"b{business:04d}",
                    "review_length": int(rng.integers(20, 800)),
                    # Set when the business opened, from what it is: an honest attribute.
                    "price_level": int(np.digitize(quality, [-1.2, 0, 1.2])) + 1,
                    "useful_votes": int(rng.poisson(1.5)),
                    "stars": stars,
                }
            )
    frame = pd.DataFrame(rows)
    mean = frame.groupby("business_id")["stars"].transform("mean")
    frame.insert(1, "listing_rating", np.round(mean * 2) / 2)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_business_s_rounded_average_of_star_classes_is_asked_about(seed):
    # Stars 1 to 5 are classes (multiclass), yet ordered numbers: their mean over the
    # business's reviews, shown rounded to half stars, is a summary of the run; a price level
    # set from the business's quality before any review is not.
    report = audit(_reviews(seed), "stars")
    assert report.task == "multiclass"
    found = _summaries(report)
    assert [f.columns for f in found] == [("listing_rating",)], [
        (f.columns, f.severity, f.evidence) for f in report.findings
    ]
    assert found[0].evidence["summary"] == "mean"
