"""lessons.metrics: hand-computed cases, scikit-learn cross-checks and hypothesis properties."""

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import mean_absolute_percentage_error, ndcg_score

from lessons import datasets, scoring
from lessons import metrics as lm
from lessons.errors import DataError
from lessons.framing.scores import EXPECTED_COST
from lessons.splits import make_buckets

FEW = settings(max_examples=40, deadline=None)

# --- The registry -------------------------------------------------------------------------

SHARED_KEYS = {
    "accuracy",
    "f1",
    "balanced_accuracy",
    "precision",
    "recall",
    "roc_auc",
    "pr_auc",
    "log_loss",
    "brier",
    "recall_at_k",
    "precision_at_k",
    "rmse",
    "mae",
    "r2",
    "mape",
    "smape",
    "pinball",
    "mase",
    "ndcg_at_k",
    "map_at_k",
    "hit_at_k",
    "mrr",
}


def test_registry_holds_the_shared_vocabulary():
    assert set(scoring.REGISTRY) == SHARED_KEYS
    for key, entry in scoring.REGISTRY.items():
        assert entry.key == key
        assert entry.kind in scoring.KINDS
        assert entry.when and entry.name
    for keys in scoring.SIDE_BY_SIDE.values():
        assert set(keys) <= SHARED_KEYS
    for row in lm.GUIDE:
        # Lesson 1's expected cost needs the learner's prices, so it lives with lesson 1.
        assert set(row.metrics) <= SHARED_KEYS | {EXPECTED_COST}
        assert all(lm.metric_label(key) for key in row.metrics)
    assert lm.metric_label(EXPECTED_COST) == "Expected cost per 1,000 rows"
    assert lm.guide_metric(EXPECTED_COST) == EXPECTED_COST
    assert lm.guide_metric("not_a_metric") == lm.guide_metric(None) == ""


def test_unknown_metric_names_the_known_ones():
    with pytest.raises(DataError, match="pr_auc"):
        scoring.metric("auc_pr")


def test_losses_are_lower_is_better():
    lower = {k for k, m in scoring.REGISTRY.items() if not m.greater_is_better}
    assert lower == {"log_loss", "brier", "rmse", "mae", "mape", "smape", "pinball", "mase"}


# --- Hand-computed cases ------------------------------------------------------------------


def test_smape_by_hand_and_both_zero_counts_as_perfect():
    # 2*10/210, 0 (both zero), 2*50/50
    assert scoring.smape([100, 0, 50], [110, 0, 0]) == pytest.approx((20 / 210 + 0 + 2) / 3)


def test_mape_explodes_at_zero_actuals_while_smape_stays_bounded():
    actual, forecast = [0.0, 10.0], [1.0, 10.0]
    assert mean_absolute_percentage_error(actual, forecast) > 1e10
    assert scoring.smape(actual, forecast) == pytest.approx(1.0)


def test_mase_by_hand():
    # naive differences of the training series 1, 2, 4, 7 are 1, 2, 3: scale 2
    assert scoring.mase([8, 10], [9, 8], [1, 2, 4, 7]) == pytest.approx(1.5 / 2)


def test_mase_with_a_season_and_with_several_series():
    assert scoring.naive_scale([1, 2, 3, 5], seasonality=2) == pytest.approx(2.5)
    # within-series differences only: a: 1, 1; b: 10 (never 3 -> 10 across the series)
    assert scoring.naive_scale([1, 2, 3, 10, 20], groups=list("aaabb")) == pytest.approx(4.0)


@pytest.mark.parametrize(
    ("y_train", "message"), [([5, 5, 5], "never changes"), ([1], "longer than its season")]
)
def test_mase_refuses_a_flat_or_short_training_series(y_train, message):
    with pytest.raises(DataError, match=message):
        scoring.mase([1.0], [1.0], y_train)


def test_precision_and_recall_at_k_by_hand():
    y, s = [1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1]
    assert scoring.precision_at_k(y, s, k=2) == pytest.approx(0.5)
    assert scoring.recall_at_k(y, s, k=2) == pytest.approx(0.5)
    assert scoring.precision_at_k(y, s, k=3) == pytest.approx(2 / 3)
    assert scoring.recall_at_k(y, s, k=3) == pytest.approx(1.0)


def test_k_larger_than_the_list_takes_every_row():
    assert scoring.precision_at_k([1, 0, 1, 0], [4, 3, 2, 1], k=10) == pytest.approx(0.5)
    assert scoring.recall_at_k([1, 0, 1, 0], [4, 3, 2, 1], k=10) == pytest.approx(1.0)
    assert scoring.map_at_k([0, 1], [2, 1], k=10) == pytest.approx(0.5)
    assert scoring.hit_at_k([0, 1], [2, 1], k=10) == 1.0


def test_ties_are_broken_against_the_model():
    # All scores equal: the negatives are placed first, so a constant score earns nothing.
    assert scoring.precision_at_k([1, 0, 1, 0], [0.5] * 4, k=2) == 0.0
    assert scoring.mrr([1, 0, 0], [1.0, 1.0, 1.0]) == pytest.approx(1 / 3)
    assert scoring.hit_at_k([0, 0, 2], [7, 7, 7], k=2) == 0.0


def test_all_one_class():
    assert scoring.recall_at_k([0, 0, 0], [0.3, 0.2, 0.1], k=2) == 0.0
    assert scoring.precision_at_k([1, 1, 1], [0.3, 0.2, 0.1], k=2) == 1.0
    scores = {s.key: s for s in scoring.score_binary([0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4])}
    assert math.isnan(scores["roc_auc"].value) and "one class" in scores["roc_auc"].note
    assert scores["accuracy"].value == 1.0


def test_map_at_k_by_hand():
    relevance, scores = [1, 0, 1, 0, 0], [5, 4, 3, 2, 1]
    assert scoring.map_at_k(relevance, scores, k=5) == pytest.approx((1 + 2 / 3) / 2)
    assert scoring.map_at_k(relevance, scores, k=2) == pytest.approx(1 / 2)
    assert scoring.map_at_k([0, 0], [1, 2], k=2) == 0.0


def test_hit_mrr_and_map_average_over_queries():
    relevance = [0, 1, 1, 0]
    scores = [2, 1, 2, 1]
    groups = ["q1", "q1", "q2", "q2"]
    assert scoring.mrr(relevance, scores, groups=groups) == pytest.approx((1 / 2 + 1) / 2)
    assert scoring.hit_at_k(relevance, scores, k=1, groups=groups) == pytest.approx(0.5)
    assert scoring.map_at_k(relevance, scores, k=2, groups=groups) == pytest.approx((0.5 + 1) / 2)


def test_min_relevance_decides_what_counts():
    relevance, scores = [1, 3, 0], [3, 2, 1]
    assert scoring.mrr(relevance, scores, min_relevance=1) == 1.0
    assert scoring.mrr(relevance, scores, min_relevance=2) == pytest.approx(0.5)


def test_ndcg_matches_scikit_learn_per_query():
    rng = np.random.default_rng(0)
    relevance = rng.integers(0, 4, (6, 8))
    scores = rng.random((6, 8))
    groups = np.repeat(np.arange(6), 8)
    ours = scoring.ndcg_at_k(relevance.ravel(), scores.ravel(), k=5, groups=groups)
    assert ours == pytest.approx(ndcg_score(relevance, scores, k=5))


def test_ndcg_handles_queries_of_different_lengths():
    relevance = [2, 0, 1, 0, 3]
    scores = [0.1, 0.9, 0.5, 0.2, 0.7]
    groups = ["a", "a", "a", "b", "b"]
    expected = np.mean(
        [
            ndcg_score([[2, 0, 1]], [[0.1, 0.9, 0.5]], k=3),
            ndcg_score([[0, 3]], [[0.2, 0.7]], k=3),
        ]
    )
    assert scoring.ndcg_at_k(relevance, scores, k=3, groups=groups) == pytest.approx(expected)


def test_bad_inputs_raise_data_error():
    with pytest.raises(DataError):
        scoring.smape([1, 2], [1])
    with pytest.raises(DataError):
        scoring.precision_at_k([1, 0], [0.2, 0.1], k=0)
    with pytest.raises(DataError):
        scoring.ndcg_at_k([-1, 2], [0.1, 0.2])
    with pytest.raises(DataError):
        scoring.mrr([], [])


# --- Properties ---------------------------------------------------------------------------

values = st.floats(-1e3, 1e3, allow_nan=False)
binary_rows = st.lists(st.tuples(st.integers(0, 1), st.floats(0, 1)), min_size=1, max_size=30)
ranked_rows = st.lists(
    st.tuples(st.integers(0, 3), st.floats(-5, 5), st.sampled_from("abc")), min_size=1, max_size=30
)


@FEW
@given(st.lists(st.tuples(values, values), min_size=1, max_size=40))
def test_smape_is_bounded_and_zero_on_perfect_forecasts(pairs):
    y, p = np.array(pairs).T
    assert 0 <= scoring.smape(y, p) <= 2 + 1e-12
    assert scoring.smape(y, y) == 0


@FEW
@given(
    st.lists(values, min_size=1, max_size=20),
    st.lists(values, min_size=3, max_size=20, unique=True),
)
def test_mase_is_non_negative_and_zero_on_perfect_forecasts(actual, train):
    assert scoring.mase(actual, actual, train) == 0
    assert scoring.mase(actual, np.array(actual) + 1, train) > 0


@FEW
@given(binary_rows, st.integers(1, 40), st.randoms(use_true_random=False))
def test_at_k_metrics_are_bounded_best_when_perfect_and_order_free(rows, k, random):
    y, s = (np.array(c) for c in zip(*rows, strict=True))
    for function in (scoring.precision_at_k, scoring.recall_at_k):
        value = function(y, s, k=k)
        assert 0 <= value <= 1
        assert function(y, y.astype(float), k=k) >= value - 1e-12
        order = list(range(len(y)))
        random.shuffle(order)
        assert function(y[order], s[order], k=k) == pytest.approx(value)


@FEW
@given(ranked_rows, st.integers(1, 12), st.randoms(use_true_random=False))
def test_ranking_metrics_are_bounded_best_when_perfect_and_order_free(rows, k, random):
    relevance, scores, groups = (np.array(c) for c in zip(*rows, strict=True))
    perfect = relevance.astype(float)
    order = list(range(len(relevance)))
    random.shuffle(order)
    for function, kwargs in (
        (scoring.ndcg_at_k, {"k": k}),
        (scoring.map_at_k, {"k": k}),
        (scoring.hit_at_k, {"k": k}),
        (scoring.mrr, {}),
    ):
        value = function(relevance, scores, groups=groups, **kwargs)
        assert 0 <= value <= 1 + 1e-12
        assert function(relevance, perfect, groups=groups, **kwargs) >= value - 1e-12
        shuffled = function(relevance[order], scores[order], groups=groups[order], **kwargs)
        assert shuffled == pytest.approx(value)


@FEW
@given(ranked_rows)
def test_a_perfect_order_scores_one_on_every_query_with_a_relevant_item(rows):
    relevance, _, groups = (np.array(c) for c in zip(*rows, strict=True))
    has_relevant = pd.Series(relevance > 0).groupby(groups).any().mean()
    perfect = relevance.astype(float)
    for function in (scoring.map_at_k, scoring.hit_at_k, scoring.mrr, scoring.ndcg_at_k):
        assert function(relevance, perfect, groups=groups) == pytest.approx(has_relevant)


# --- Threshold ----------------------------------------------------------------------------


def test_operating_point_counts_and_cost():
    y = [1, 1, 0, 0, 0]
    s = [0.9, 0.4, 0.6, 0.2, 0.1]
    point = lm.operating_point(y, s, 0.5, cost_false_positive=1, cost_false_negative=10)
    assert (point.true_positives, point.false_negatives) == (1, 1)
    assert (point.false_positives, point.true_negatives) == (1, 2)
    assert point.cost == 11
    assert point.precision == pytest.approx(0.5) and point.recall == pytest.approx(0.5)
    assert lm.operating_point(y, s, 0.0).recall == 1.0
    assert lm.operating_point(y, s, 1.0).precision == 0.0


def test_curves_find_the_cheapest_threshold():
    y = np.array([0] * 80 + [1] * 20)
    s = np.r_[np.linspace(0, 0.6, 80), np.linspace(0.4, 1, 20)]
    curves = lm.curves(y, s, cost_false_positive=1, cost_false_negative=20)
    best = lm.operating_point(
        y, s, curves.best_threshold, cost_false_positive=1, cost_false_negative=20
    )
    assert best.cost == pytest.approx(curves.costs.min())
    assert all(
        lm.operating_point(y, s, t, cost_false_positive=1, cost_false_negative=20).cost >= best.cost
        for t in np.linspace(0, 1, 21)
    )
    assert 0.5 < curves.roc_auc <= 1


def test_curves_refuse_a_single_class():
    with pytest.raises(DataError, match="single class"):
        lm.curves([0, 0, 0], [0.1, 0.2, 0.3])


# --- Experiments --------------------------------------------------------------------------


def test_imbalance_sweep_majority_accuracy_climbs_while_recall_and_pr_auc_collapse():
    sweep = lm.imbalance_sweep()

    def value(model, metric, prevalence):
        rows = sweep.query("model == @model and metric == @metric and prevalence == @prevalence")
        return float(rows["value"].iloc[0])

    majority, real = "always the majority", "real model"
    assert value(majority, "accuracy", 0.001) == pytest.approx(0.999)
    assert value(majority, "recall", 0.001) == 0
    assert value(majority, "pr_auc", 0.001) == pytest.approx(0.001)
    assert value(real, "pr_auc", 0.001) < value(real, "pr_auc", 0.5) / 10
    real_auc = sweep.query("model == @real and metric == 'roc_auc'")["value"]
    assert real_auc.max() - real_auc.min() < 0.01


def test_outliers_move_rmse_much_more_than_mae():
    sweep = lm.outlier_sweep((0.0, 0.05)).set_index("share")
    rmse_ratio = sweep.loc[0.05, "rmse"] / sweep.loc[0.0, "rmse"]
    mae_ratio = sweep.loc[0.05, "mae"] / sweep.loc[0.0, "mae"]
    assert rmse_ratio > 2 * mae_ratio


def test_mape_explodes_near_zero_while_mae_stays():
    sweep = lm.near_zero_sweep()
    assert sweep["mape"].is_monotonic_increasing
    assert np.allclose(sweep["mae"], sweep["mae"].iloc[0])
    assert sweep["mape"].iloc[-1] > 100 * sweep["mape"].iloc[0]
    assert (sweep["smape"] <= 2).all()


def test_blending_in_a_random_order_degrades_every_ranking_metric():
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(40), 10)
    relevance = rng.integers(0, 4, 400)
    model = relevance + rng.normal(0, 0.5, 400)
    sweep = lm.ranking_blend_sweep(relevance, model, groups, weights=(0.0, 1.0), k=3)
    wide = sweep.pivot(index="metric", columns="weight", values="value")
    assert (wide[0.0] >= wide[1.0]).all()
    # hit@k is the easiest to please: it can survive a random order that sinks the others.
    assert (
        wide.loc[["ndcg_at_k", "map_at_k", "mrr"], 0.0]
        > wide.loc[["ndcg_at_k", "map_at_k", "mrr"], 1.0]
    ).all()
    kept = lm.blend_scores(model, groups, 0.0)
    first = groups == 0
    assert np.array_equal(np.argsort(kept[first]), np.argsort(model[first]))


# --- Honest predictions -------------------------------------------------------------------


@pytest.fixture(scope="module")
def breast_cancer():
    dataset = datasets.load("breast_cancer")
    buckets = make_buckets(dataset, None, random_state=0)
    return lm.fit_held_out(dataset, buckets, random_state=0)


def test_held_out_predictions_are_probabilities_on_validation_rows(breast_cancer):
    assert breast_cancer.task == "binary"
    assert len(breast_cancer.models) == 3
    for model in breast_cancer.models:
        assert model.prediction.shape == breast_cancer.y_true.shape
        assert ((model.prediction >= 0) & (model.prediction <= 1)).all()
    scores = {s.key: s.value for s in lm.score_held_out(breast_cancer, breast_cancer.main)}
    assert set(scores) == set(scoring.SIDE_BY_SIDE["classification"])
    assert scores["roc_auc"] > 0.9


def test_compare_models_crowns_only_a_best_model_that_beats_the_noise(breast_cancer):
    table = lm.compare_models(breast_cancer).set_index("key")
    names = [m.name for m in breast_cancer.models]
    for key, row in table.iterrows():
        scores = row[names].astype(float)
        best = scores.idxmax() if scoring.REGISTRY[key].greater_is_better else scores.idxmin()
        if scores.nunique() > 1:
            assert scores[row["best"]] == scores[best]
        excludes_zero = row["low"] > 0 or row["high"] < 0
        assert row["winner"] == (row["best"] if excludes_zero else "")


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.8])
def test_compare_models_in_two_parts_is_the_whole_table(breast_cancer, threshold):
    """The threshold-free metrics, cached apart from each learner's threshold, and the
    thresholded ones together give the same verdicts, in the same order, as one call."""
    whole = lm.compare_models(breast_cancer, threshold=threshold, random_state=3)
    free = lm.compare_models(breast_cancer, threshold=threshold, random_state=3, thresholded=False)
    at = lm.compare_models(breast_cancer, threshold=threshold, random_state=3, thresholded=True)
    assert len(free) and len(at)
    assert not any(scoring.REGISTRY[key].thresholded for key in free["key"])
    assert all(scoring.REGISTRY[key].thresholded for key in at["key"])
    pd.testing.assert_frame_equal(pd.concat([free, at]).sort_index(), whole, check_dtype=False)


def test_compare_models_calls_identical_predictions_no_real_difference(breast_cancer):
    copy = replace(breast_cancer.main, name="copy")
    same = replace(breast_cancer, models=(breast_cancer.main, copy))
    table = lm.compare_models(same)
    # Two identical models tie on every metric: nothing is best, nothing is crowned.
    assert (table["winner"] == "").all()
    assert (table["best"] == "").all()


def test_compare_models_crowns_a_clearly_better_model_across_seeds():
    rng = np.random.default_rng(0)
    for seed in range(10):
        y = rng.integers(0, 2, 600)
        good = np.clip(0.5 + 0.4 * (y - 0.5) + rng.normal(0, 0.15, 600), 0, 1)
        noise_only = rng.random(600)
        held_out = lm.HeldOutPredictions(
            "synthetic",
            "binary",
            "classification",
            "random",
            "",
            ("no", "yes"),
            y,
            (lm.ModelPredictions("good", "", good), lm.ModelPredictions("coin", "", noise_only)),
            None,
            None,
            y,
            None,
            1,
            600,
        )
        table = lm.compare_models(held_out, random_state=seed).set_index("key")
        assert table.loc["roc_auc", "winner"] == "good"
        assert table.loc["log_loss", "winner"] == "good"


def test_regression_and_forecast_scores_include_each_quantile():
    dataset = datasets.load("stocks")
    buckets = make_buckets(dataset, None, random_state=0)
    held_out = lm.fit_held_out(dataset, buckets, random_state=0)
    forecast = {q: lm.fit_quantile(dataset, buckets, q) for q in (0.1, 0.9)}
    scores = lm.score_held_out(held_out, held_out.main, quantile_predictions=forecast)
    labels = [s.label for s in scores]
    assert [s.key for s in scores] == ["mape", "smape", "mase", "pinball", "pinball"]
    assert "Pinball loss (q=0.9)" in labels
    assert np.mean(held_out.y_true < forecast[0.9]) > np.mean(held_out.y_true < forecast[0.1])


def test_an_uploaded_style_table_with_text_labels_dates_and_gaps_fits():
    rng = np.random.default_rng(0)
    n = 300
    frame = pd.DataFrame(
        {
            "signup": pd.date_range("2024-01-01", periods=n, freq="D"),
            "plan": rng.choice(["a", "b", None], n),
            "active": rng.random(n) < 0.5,
            "spend": np.where(rng.random(n) < 0.1, np.nan, rng.normal(50, 10, n)),
            "outcome": rng.choice(["stayed", "left"], n, p=[0.8, 0.2]),
        }
    )
    dataset = datasets.Dataset(
        name="upload-1",
        title="upload",
        frame=frame,
        target="outcome",
        task="binary",
        problem="classification",
        time_column=None,
        group_column=None,
        description="",
        teaches="",
    )
    held_out = lm.fit_held_out(dataset, make_buckets(dataset, None), random_state=0)
    assert held_out.classes == ("stayed", "left")
    assert set(np.unique(held_out.y_true)) <= {0, 1}


def test_guide_rows():
    assert lm.guide_row_for("binary", "classification", 0.01) == "imbalanced"
    assert lm.guide_row_for("binary", "classification", 0.45) == "balanced"
    assert lm.guide_row_for("regression", "forecasting") == "forecasting"
    assert lm.guide_row_for("regression", "ranking") == "ranking"
    assert lm.guide_row_for("multiclass", "classification") == "multiclass"
    assert lm.guide_row_for("regression", "regression") == "regression"
    assert lm.guide_row_for("binary", "classification", 0.45, (1.0, 5.0)) == "costed"
    assert lm.guide_row_for("binary", "classification", 0.01, (1.0, 50.0)) == "costed"
    assert lm.guide_row_for("binary", "classification", 0.45, (2.0, 2.0)) == "balanced"


def test_guide_rules_match_what_each_metric_rewards():
    rows = {row.key: row for row in lm.GUIDE}
    # Squared-error metrics do not charge every unit of error alike.
    assert not {"r2", "rmse"} & set(rows["regression"].metrics)
    # F1 weighs both errors the same, so it is not the answer to unequal costs.
    assert "f1" not in rows["costed"].metrics and "expected cost" in rows["costed"].why
    # MAPE favours forecasting low: never recommended, only warned about.
    assert all("mape" not in row.metrics for row in lm.GUIDE)


def test_seasonality_is_weekly_for_daily_rows():
    days = pd.Series(pd.date_range("2024-01-01", periods=30, freq="D"))
    weeks = pd.Series(pd.date_range("2024-01-01", periods=30, freq="W"))
    assert lm.seasonality_for(days) == 7
    assert lm.seasonality_for(weeks) == 1


def test_compare_models_crowns_nobody_when_two_models_differ_by_noise_only():
    rng = np.random.default_rng(1)
    crowned = 0
    for seed in range(10):
        y = rng.integers(0, 2, 600)
        score = np.clip(0.5 + 0.3 * (y - 0.5) + rng.normal(0, 0.2, 600), 0, 1)
        jittered = np.clip(score + rng.normal(0, 0.01, 600), 0, 1)
        held_out = lm.HeldOutPredictions(
            "synthetic", "binary", "classification", "random", "", ("no", "yes"), y,
            (lm.ModelPredictions("a", "", score), lm.ModelPredictions("b", "", jittered)),
            None, None, y, None, 1, 600,
        )  # fmt: skip
        table = lm.compare_models(held_out, random_state=seed).set_index("key")
        crowned += table.loc["roc_auc", "winner"] != ""
    # At 95 % confidence a crown on pure noise happens about once in twenty.
    assert crowned <= 2
