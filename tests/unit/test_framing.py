"""Lesson 1 logic: task inference, baselines, cost → metric and threshold, the spec."""

from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    f1_score,
    mean_absolute_error,
    root_mean_squared_error,
)

from lessons import datasets, framing, scoring, uncertainty
from lessons.errors import DataError
from lessons.framing.out_of_fold import N_FOLDS, _time_folds
from lessons.splits import label_settled, make_buckets, time_values

# --- task inference ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "task"),
    [
        (pd.Series([0, 1, 1, 0, 1] * 10), "binary"),
        (pd.Series(["yes", "no", "no", "yes"] * 10), "binary"),
        (pd.Series([True, False] * 10), "binary"),
        (pd.Series(["1", "0", "0"] * 10), "binary"),
        (pd.Series([0.0, 1.0, np.nan] * 10), "binary"),
        (pd.Series([1, 2, 3, 2, 1, 3, 4] * 10), "multiclass"),
        (pd.Series([1.0, 2.0, 3.0] * 10), "multiclass"),
        (pd.Series([0.5, 1.5, 2.5, 3.5] * 10), "regression"),
        (pd.Series(["red", "green", "blue"] * 10), "multiclass"),
        (pd.Series(np.linspace(0, 100, 200)), "regression"),
        (pd.Series(np.arange(200) * 7 % 101 + 0.5), "regression"),
    ],
)
def test_infer_task_on_tricky_targets(values, task):
    assert framing.infer_task(values.rename("y")).task == task


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        (pd.Series(np.arange(1, 501)), "identifier"),
        (pd.Series([f"C{i:05d}" for i in range(300)]), "identifier"),
        (pd.Series(pd.date_range("2024-01-01", periods=50)), "dates"),
        (pd.Series([3, 3, 3, np.nan]), "single value"),
        (pd.Series([np.nan, np.nan], dtype=float), "no values"),
    ],
)
def test_infer_task_refuses_columns_that_cannot_be_targets(values, fragment):
    with pytest.raises(DataError, match=fragment):
        framing.infer_task(values.rename("col"))


def test_integer_codes_carry_an_override_hint():
    guess = framing.infer_task(pd.Series([0, 1, 2, 3] * 20, name="relevance"))
    assert guess.task == "multiclass"
    assert "regression" in guess.warning


@pytest.mark.parametrize(
    ("values", "declared", "positive"),
    [
        (pd.Series([0, 1, 0, 0]), None, 1),
        (pd.Series([True, False, False]), None, True),
        (pd.Series(["no", "yes", "no"]), None, "yes"),
        (pd.Series(["yes", "yes", "no"]), None, "no"),
        (pd.Series(["yes", "yes", "no"]), "yes", "yes"),
        (pd.Series([0, 1, 1]), 1, 1),
        (pd.Series([0, 1, 1]), "absent", 0),
    ],
)
def test_positive_class_is_the_declared_event_else_the_minority(values, declared, positive):
    assert framing.encode_target(values, "binary", declared)[1][1] == positive


def test_every_builtin_target_is_inferred_as_its_declared_task_or_flagged():
    for name in datasets.BUILTIN_NAMES:
        dataset = datasets.load(name)
        guess = framing.infer_task(dataset.y)
        assert guess.task == dataset.task or guess.warning, name


# --- baselines against scikit-learn's dummies ----------------------------------------------


def _split(dataset, seed):
    buckets = make_buckets(dataset, None, random_state=seed)
    return buckets.train, buckets.validation


@pytest.mark.parametrize("seed", [0, 3])
def test_classification_baselines_equal_dummy_classifier(seed):
    dataset = datasets.load("breast_cancer")
    result = framing.evaluate(dataset, random_state=seed)
    train, valid = _split(dataset, seed)
    y_train, y_valid = dataset.y.to_numpy()[train], dataset.y.to_numpy()[valid]
    np.testing.assert_array_equal(result.y_valid, y_valid)
    by_name = {c.name: c.predictions for c in result.baselines}
    for strategy, name in (
        ("most_frequent", "majority class"),
        ("stratified", "stratified random guess"),
    ):
        dummy = DummyClassifier(strategy=strategy, random_state=seed).fit(
            np.zeros((len(y_train), 1)), y_train
        )
        X_valid = np.zeros((len(y_valid), 1))
        ours = by_name[name]
        assert framing.score("accuracy", y_valid, ours) == pytest.approx(
            accuracy_score(y_valid, dummy.predict(X_valid))
        )
        assert framing.score("f1", y_valid, ours) == pytest.approx(
            f1_score(y_valid, dummy.predict(X_valid), zero_division=0)
        )
        assert framing.score("pr_auc", y_valid, ours) == pytest.approx(
            average_precision_score(y_valid, dummy.predict_proba(X_valid)[:, 1])
        )


def test_regression_baselines_equal_dummy_regressor():
    dataset = datasets.load("diabetes")
    result = framing.evaluate(dataset, random_state=1)
    train, valid = _split(dataset, 1)
    y_train, y_valid = dataset.y.to_numpy()[train], dataset.y.to_numpy()[valid]
    by_name = {c.name: c.predictions for c in result.baselines}
    for strategy in ("mean", "median"):
        dummy = DummyRegressor(strategy=strategy).fit(np.zeros((len(y_train), 1)), y_train)
        expected = dummy.predict(np.zeros((len(y_valid), 1)))
        assert framing.score("rmse", y_valid, by_name[strategy]) == pytest.approx(
            root_mean_squared_error(y_valid, expected)
        )
        assert framing.score("mae", y_valid, by_name[strategy]) == pytest.approx(
            mean_absolute_error(y_valid, expected)
        )


def test_quick_model_beats_the_baseline_on_easy_data():
    result = framing.evaluate(datasets.load("wine"), random_state=0)
    suggestion = framing.suggest_metric("multiclass", result.y_train, framing.Costs())
    outcome = framing.bar_to_beat(result, suggestion).verdict
    assert outcome.earns_keep
    assert outcome.model.score > outcome.best_baseline.score + 0.3
    assert outcome.comparison.low > 0
    assert "earns its keep" in outcome.text


# --- time-series baselines ------------------------------------------------------------------


def test_naive_forecasts_follow_each_series_in_time_order():
    days = pd.date_range("2024-01-01", periods=14, freq="D")
    frame = pd.DataFrame(
        {
            "date": np.concatenate([days, days]),
            "store": ["a"] * 14 + ["b"] * 14,
            "sales": np.concatenate([np.arange(14), 100 + np.arange(14)]).astype(float),
        }
    ).sample(frac=1, random_state=0)  # row order must not matter
    forecasts, season = framing.naive_forecasts(frame, "sales", "date", "store")
    assert season == "same day last week"
    expected_last = frame.groupby("store")["sales"].transform(lambda s: s - 1)
    first_day = frame["date"] == days[0]
    np.testing.assert_array_equal(forecasts["last value"][~first_day], expected_last[~first_day])
    assert np.isnan(forecasts["last value"][first_day]).all()
    first_week = frame["date"] < days[7]
    seasonal = forecasts["same day last week"]
    np.testing.assert_array_equal(seasonal[~first_week], frame["sales"][~first_week] - 7)
    assert np.isnan(seasonal[first_week]).all()


def test_last_value_on_stocks_is_the_current_price():
    dataset = datasets.load("stocks")
    forecasts, _ = framing.naive_forecasts(dataset.frame, "AAPL_next_week", "date", None)
    np.testing.assert_allclose(forecasts["last value"][1:], dataset.frame["AAPL"].to_numpy()[1:])


def test_repeated_times_without_a_series_column_are_refused():
    frame = pd.DataFrame(
        {"t": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-02"]), "y": [1.0, 2.0, 3.0]}
    )
    with pytest.raises(DataError, match="repeat"):
        framing.naive_forecasts(frame, "y", "t", None)


def test_store_demand_gets_time_series_baselines():
    result = framing.evaluate(datasets.load("store_demand"), random_state=0)
    names = [c.name for c in result.baselines]
    assert names == ["mean", "median", "last value", "same day last week"]
    assert result.split == "time"


# --- cost → metric and threshold -------------------------------------------------------------


def _brute_force_threshold(y, p, cost_fp, cost_fn):
    best_t, best_cost = None, np.inf
    for t in framing.THRESHOLDS:
        predicted = p >= t
        fp = int(np.sum(predicted & (y == 0)))
        fn = int(np.sum(~predicted & (y == 1)))
        cost = (cost_fp * fp + cost_fn * fn) / len(y)
        if cost < best_cost - 1e-12:
            best_t, best_cost = t, cost
    return best_t, best_cost


@settings(max_examples=40)
@given(
    st.integers(min_value=5, max_value=80),
    st.integers(min_value=0, max_value=2**31 - 1),
    st.integers(min_value=1, max_value=100),
    st.integers(min_value=1, max_value=100),
)
def test_optimal_threshold_equals_brute_force(n, seed, cost_fp, cost_fn):
    """The vectorised curve's minimum is the one a plain loop over the grid finds."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    p = np.clip(0.3 * y + rng.random(n) * 0.7, 0, 1)
    choice = framing.optimal_threshold(y, p, cost_fp, cost_fn)
    best_t, best_cost = _brute_force_threshold(y, p, cost_fp, cost_fn)
    assert choice.cost == pytest.approx(best_cost)
    assert choice.threshold == pytest.approx(best_t)
    assert choice.theory == pytest.approx(cost_fp / (cost_fp + cost_fn))


def test_a_pricier_miss_lowers_the_threshold():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 500)
    p = np.clip(0.3 * y + 0.7 * rng.random(500), 0, 1)
    cheap = framing.optimal_threshold(y, p, 1, 1).threshold
    pricey = framing.optimal_threshold(y, p, 1, 30).threshold
    assert pricey < cheap


@pytest.mark.parametrize(
    ("costs", "share", "metric"),
    [
        (framing.Costs(false_positive=1, false_negative=20), 0.01, framing.EXPECTED_COST),
        (framing.Costs(false_positive=1, false_negative=50), 0.4, framing.EXPECTED_COST),
        (framing.Costs(false_positive=10, false_negative=1), 0.01, framing.EXPECTED_COST),
        (framing.Costs(), 0.01, "pr_auc"),
        (framing.Costs(), 0.4, "accuracy"),
    ],
)
def test_binary_cost_shape_picks_the_metric(costs, share, metric):
    y = (np.arange(1000) < share * 1000).astype(int)
    suggestion = framing.suggest_metric("binary", y, costs)
    assert suggestion.metric == metric
    assert suggestion.metric not in ("recall", "precision", "f1")


def test_flagging_everyone_maximises_recall_yet_costs_more_than_flagging_no_one():
    """1 % positives at 50:1: perfect recall costs about 990 per 1,000 rows, doing nothing 500."""
    y = (np.arange(10_000) < 100).astype(int)
    probability = np.where(y == 1, 0.3, 0.01)
    policies = framing.compare_policies(y, probability, y, probability, framing.Costs(1, 50))
    everyone = policies.policy(framing.FLAG_ALL)
    no_one = policies.policy(framing.FLAG_NONE)
    assert everyone.recall == 1.0
    assert everyone.cost == pytest.approx(990.0)
    assert no_one.cost == pytest.approx(500.0)
    assert everyone.cost > no_one.cost
    assert policies.chosen.cost == 0.0
    assert no_one.versus_chosen.better == policies.chosen.name


def test_regression_cost_shape_picks_the_metric():
    y = np.random.default_rng(0).normal(100, 10, 500)
    lopsided = framing.suggest_metric("regression", y, framing.Costs(under=3, over=1))
    assert lopsided.metric == "pinball"
    assert lopsided.quantile == pytest.approx(0.75)
    assert framing.suggest_metric("regression", y, framing.Costs()).metric == "rmse"
    with_outliers = np.concatenate([y, [10_000.0, 12_000.0]])
    assert framing.suggest_metric("regression", with_outliers, framing.Costs()).metric == "mae"
    forecast = framing.suggest_metric("regression", y, framing.Costs(), problem="forecasting")
    assert forecast.metric == "mae", "symmetric cost per unit: the median forecast, MAE"
    assert "MAPE" in forecast.reason and "median" in forecast.reason
    assert (
        framing.suggest_metric("regression", y, framing.Costs(), problem="ranking").metric
        == "ndcg_at_k"
    )


def test_suggested_metrics_are_shared_vocabulary_keys():
    shared = {
        "accuracy", "f1", "precision", "recall", "roc_auc", "pr_auc", "log_loss",
        "recall_at_k", "precision_at_k", "rmse", "mae", "r2", "mape", "smape", "pinball",
        "mase", "ndcg_at_k", "map_at_k", "hit_at_k", "mrr",
    }  # fmt: skip
    assert shared <= set(scoring.REGISTRY)


def test_cost_comparison_of_constant_rules():
    y = np.array([1, 0, 0, 0] * 10)
    probability = np.array([0.9, 0.1, 0.2, 0.3] * 10)
    policies = framing.compare_policies(
        y, probability, y, probability, framing.Costs(false_positive=2, false_negative=10)
    )
    assert policies.policy(framing.FLAG_NONE).cost == pytest.approx(1000 * 0.25 * 10)
    assert policies.policy(framing.FLAG_ALL).cost == pytest.approx(1000 * 0.75 * 2)
    assert policies.chosen.cost == 0.0


def test_the_threshold_is_chosen_on_one_set_of_rows_and_scored_on_another():
    """The choosing rows (out-of-fold, NaN where no fold predicted) pick the threshold; the
    policies' costs are the scoring rows' own."""
    rng = np.random.default_rng(0)
    y_choose, y_score = rng.integers(0, 2, 400), rng.integers(0, 2, 300)
    p_choose = np.clip(0.4 * y_choose + 0.6 * rng.random(400), 0, 1)
    p_choose[:100] = np.nan  # e.g. the first time block, which no fold predicts
    p_score = np.clip(0.4 * y_score + 0.6 * rng.random(300), 0, 1)
    costs = framing.Costs(false_positive=1, false_negative=5)
    policies = framing.compare_policies(y_choose, p_choose, y_score, p_score, costs)
    choice = framing.optimal_threshold(y_choose[100:], p_choose[100:], 1, 5)
    assert policies.choice.threshold == choice.threshold
    flagged = p_score >= choice.threshold
    assert policies.chosen.cost == pytest.approx(framing.cost_per_thousand(y_score, flagged, 1, 5))
    assert policies.n_chose == 300 and policies.n_scored == 300


def test_a_threshold_of_one_half_is_listed_once_as_the_chosen_policy():
    y = np.array([1, 0] * 50)
    probability = np.where(y == 1, 0.55, 0.495)  # 0.5 is the first threshold that splits them
    policies = framing.compare_policies(y, probability, y, probability, framing.Costs())
    assert policies.choice.threshold == 0.5
    assert policies.chosen.name == framing.chosen_name(0.5)
    assert policies.chosen.cost == 0.0
    assert [p.name for p in policies.policies].count(framing.chosen_name(0.5)) == 1
    assert len(policies.policies) == 3


@pytest.mark.parametrize("grouped", [False, True])
def test_the_fast_cost_bootstrap_is_the_shared_paired_bootstrap(grouped):
    """Same resamples, same interval as ``uncertainty.paired_bootstrap``, only vectorised."""

    rng = np.random.default_rng(1)
    y = (rng.random(300) < 0.1).astype(int)
    a, b = rng.random(300) < 0.3, rng.random(300) < 0.05
    groups = rng.integers(0, 80, 300) if grouped else None
    (fast,) = framing.policies.paired_cost_bootstraps(
        y, a, [b], framing.Costs(1, 7), names=[("a", "b")], groups=groups, random_state=3
    )
    shared = uncertainty.paired_bootstrap(
        lambda truth, flags: framing.cost_per_thousand(truth, flags, 1, 7),
        y,
        a.astype(int),
        b.astype(int),
        greater_is_better=False,
        names=("a", "b"),
        groups=groups,
        random_state=3,
    )
    assert fast.difference == pytest.approx(shared.difference)
    assert (fast.low, fast.high) == pytest.approx((shared.low, shared.high))


@pytest.mark.parametrize("grouped", [False, True])
def test_comparisons_drawn_together_are_those_drawn_one_by_one(grouped):
    """Drawing the resamples once for several comparisons changes no number."""
    rng = np.random.default_rng(4)
    n = 400
    losses_a = rng.random(n)
    others = [rng.random(n), rng.random(n) * 2, np.zeros(n)]
    groups = rng.integers(0, 90, n) if grouped else None
    together = uncertainty.paired_mean_bootstraps(
        losses_a,
        others,
        names=[("a", f"b{i}") for i in range(3)],
        greater_is_better=False,
        scale=1000,
        groups=groups,
        random_state=7,
    )
    for i, losses_b in enumerate(others):
        alone = uncertainty.paired_mean_bootstrap(
            losses_a,
            losses_b,
            names=("a", f"b{i}"),
            greater_is_better=False,
            scale=1000,
            groups=groups,
            random_state=7,
        )
        assert together[i] == alone


def test_calibration_matches_sklearn_and_finds_a_miscalibrated_model():
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import brier_score_loss

    rng = np.random.default_rng(0)
    truth = rng.random(20_000)
    y = (rng.random(20_000) < truth).astype(int)
    calibrated = framing.calibration(y, truth, 0.2)
    observed, predicted = calibration_curve(y, truth, n_bins=10, strategy="quantile")
    np.testing.assert_allclose(calibrated.observed, observed)
    np.testing.assert_allclose(calibrated.mean_predicted, predicted)
    assert calibrated.brier == pytest.approx(brier_score_loss(y, truth))
    assert calibrated.brier < calibrated.brier_base_rate
    assert calibrated.calibrated_near_threshold
    assert "no evidence of miscalibration there" in calibrated.text()
    squashed = framing.calibration(y, truth / 3, 0.2)
    assert not squashed.calibrated_near_threshold
    assert "understates the risk" in squashed.text()


def test_the_reliability_curve_takes_no_threshold_and_is_the_one_calibration_reports():
    # The page draws it outside the cost sliders' fragment: it must not depend on the costs.
    rng = np.random.default_rng(1)
    probability = rng.random(5_000)
    y = (rng.random(5_000) < probability**2).astype(int)
    overall = framing.reliability(y, probability)
    for theory in (0.05, 0.5, 0.9):
        near = framing.calibration(y, probability, theory)
        np.testing.assert_array_equal(near.mean_predicted, overall.mean_predicted)
        np.testing.assert_array_equal(near.observed, overall.observed)
        assert (near.brier, near.brier_base_rate) == (overall.brier, overall.brier_base_rate)
    assert overall.brier > framing.reliability(y, probability**2).brier


# --- paradigm game, retargeting, the spec ---------------------------------------------------


def test_cards_cover_every_paradigm_and_score():
    assert len(framing.CARDS) >= 10
    assert {c.paradigm for c in framing.CARDS} == set(framing.PARADIGMS)
    first, second = framing.CARDS[:2]
    answers = {first.key: first.paradigm, second.key: "reinforcement"}
    assert framing.paradigm_score(answers) == (1, 2)
    assert framing.grade_card(first, None) is None


def test_retarget_keeps_the_old_target_out_of_the_features():
    dataset = datasets.load("house_prices")
    framed = framing.retarget(dataset, "sqft", "regression")
    assert framed.target == "sqft"
    assert "price" not in framed.feature_columns
    assert "sqft" not in framed.feature_columns
    result = framing.evaluate(dataset, "has_pool", "binary", random_state=0)
    assert result.classes == (False, True)


def test_retarget_drops_rows_without_a_target():
    dataset = datasets.load("house_prices")
    framed = framing.retarget(dataset, "lot_size_sqft", "regression")
    assert framed.frame["lot_size_sqft"].notna().all()
    assert framed.n_rows < dataset.n_rows


def test_column_roles_drop_identifiers():
    dataset = datasets.load("fraud")
    roles = (
        framing.quick_model(dataset.X.head(2000), "binary")
        .fit(dataset.X.head(2000), dataset.y.head(2000))["preprocess"]
        .roles_
    )
    assert roles.role_of("transaction_id") == "dropped"
    assert roles.role_of("timestamp") == "datetime"
    assert roles.role_of("merchant_category") == "categorical"


def test_render_spec_contains_every_answer():
    spec = framing.FramingSpec(
        dataset="Card fraud",
        decision="Hold risky payments for a text check",
        paradigm="supervised",
        target="is_fraud",
        task="binary",
        cost_shape="false positive 1, false negative 20",
        metric="Recall",
        metric_reason="a miss costs 20x a false alarm",
        threshold=0.07,
        baseline_name="majority class",
        baseline_score="0.0%",
        model_name="quick model (gradient boosting)",
        model_score="61.0%",
        verdict="The quick model earns its keep",
        time_column="timestamp",
        split_plan="time",
        created=date(2026, 1, 2),
    )
    document = framing.render_spec(spec)
    for piece in (
        "Hold risky payments",
        "supervised",
        "`is_fraud`",
        "classification (two classes)",
        "false negative 20",
        "Recall",
        "0.07",
        "majority class, score 0.0%",
        "61.0%",
        "earns its keep",
        "`timestamp`",
        "2026-01-02",
    ):
        assert piece in document, piece
    empty = framing.render_spec(
        framing.FramingSpec(**{**spec.__dict__, "decision": "  ", "threshold": None})
    )
    assert "demo, not a product" in empty
    assert "not applicable" in empty


@pytest.mark.parametrize(
    ("value", "text"), [(0.5, "0.5"), (0.25, "0.25"), (0.007, "0.007"), (0.0, "0"), (1.0, "1")]
)
def test_format_threshold(value, text):
    assert framing.format_threshold(value) == text


@pytest.mark.parametrize(
    ("metric", "value", "text"),
    [
        ("accuracy", 0.9912, "99.1%"),
        ("pr_auc", 0.2751, "0.275"),
        ("mae", 93022.0, "93,022"),
        ("rmse", 55.1679, "55.17"),
        ("mape", 0.086, "8.6%"),
        ("r2", float("nan"), "n/a"),
    ],
)
def test_format_score(metric, value, text):
    assert framing.format_score(metric, value) == text


def test_registry_metrics_are_read_on_validation_at_the_models_own_labels():
    """Nothing is tuned on the validation rows for these, so they score there, at 0.5."""
    result = framing.evaluate(datasets.load("breast_cancer"), random_state=0)
    found = framing.bar_to_beat(result, framing.MetricSuggestion("accuracy", "test"))
    assert found.rows == "validation" and found.n_rows == result.n_valid
    flagged = result.model.predictions.scores[:, 1] >= 0.5
    assert found.scored[-1].is_model
    assert found.scored[-1].score == pytest.approx(accuracy_score(result.y_valid, flagged))
    ranking = framing.bar_to_beat(result, framing.MetricSuggestion("pr_auc", "test"))
    assert ranking.scored[-1].score == pytest.approx(
        average_precision_score(result.y_valid, result.model.predictions.scores[:, 1])
    )


def test_priced_errors_choose_on_out_of_fold_training_rows_and_score_on_validation():
    result = framing.evaluate(datasets.load("breast_cancer"), random_state=0)
    costs = framing.Costs(false_positive=1, false_negative=10)
    suggestion = framing.suggest_metric("binary", result.y_train, costs)
    found = framing.bar_to_beat(result, suggestion, costs)
    assert found.rows == "validation" and found.n_rows == result.n_valid
    names = [s.name for s in found.scored]
    assert names[:2] == [framing.FLAG_NONE, framing.FLAG_ALL]
    assert names[-1] == found.policies.chosen.name
    out_of_fold = result.out_of_fold.probability
    assert found.policies.choice.threshold == (
        framing.optimal_threshold(result.y_train, out_of_fold, 1, 10).threshold
    )
    flagged = result.model.predictions.scores[:, 1] >= found.policies.choice.threshold
    assert found.scored[-1].score == pytest.approx(
        framing.cost_per_thousand(result.y_valid, flagged, 1, 10)
    )


def test_out_of_fold_predictions_come_from_models_that_did_not_see_the_row():
    """Flip the labels of the first predicted time block: its own predictions do not move
    (the model that predicts it never saw it), the later blocks' do (their models did)."""
    dataset = datasets.load("fraud", 0)
    framed = replace(dataset, frame=dataset.frame.iloc[::4].reset_index(drop=True))
    train = make_buckets(framed, None, random_state=0).train
    y_train, _ = framing.encode_target(framed.y.iloc[train], "binary", framed.event)
    key = framing.quick_model_key("binary", len(train))
    (_, first_block), *_ = _time_folds(framed, train, N_FOLDS)[0]
    flipped = y_train.copy()
    flipped[first_block] = 1 - flipped[first_block]
    before = framing.out_of_fold(framed, train, y_train, key, random_state=0).probability
    after = framing.out_of_fold(framed, train, flipped, key, random_state=0).probability
    np.testing.assert_array_equal(after[first_block], before[first_block])
    later = np.isfinite(before) & ~np.isin(np.arange(len(train)), first_block)
    assert later.any() and not np.allclose(after[later], before[later])


def test_time_folds_predict_each_block_from_rows_settled_before_it():
    """With a time split, every fit row's label is settled before the block it predicts."""
    dataset = datasets.load("churn", 0)
    framed = framing.retarget(dataset, dataset.target, dataset.task)
    train = make_buckets(framed, None, random_state=0).train
    times = time_values(framed).iloc[train].to_numpy()
    settled = label_settled(framed).iloc[train].to_numpy()
    folds, scheme = _time_folds(framed, train, 3)
    assert folds and "time-ordered" in scheme
    for fit, block in folds:
        assert settled[fit].max() < times[block].min()
    predicted = np.concatenate([block for _, block in folds])
    assert len(np.unique(predicted)) == len(predicted), "each row predicted at most once"
    assert times[predicted].min() > times.min(), "the earliest rows have no past to learn from"


def test_a_gap_inside_the_noise_is_no_real_difference():
    """Two candidates that differ on a handful of rows: the verdict does not crown one."""
    n = 200
    y = np.arange(n) % 2  # the majority class is right half the time
    model = y.copy()
    model[:85] = 1 - model[:85]  # 57.5 % right
    majority = np.full(n, int(np.bincount(y).argmax()))
    proba = lambda labels: np.column_stack([1 - labels, labels]).astype(float)  # noqa: E731
    held = framing.FrameEvaluation(
        target="y",
        task="binary",
        classes=(0, 1),
        y_train=y,
        y_valid=y,
        groups_valid=None,
        candidates=(
            framing.Candidate("majority class", "", framing.Predictions(majority, proba(majority))),
            framing.Candidate(
                "quick model", "", framing.Predictions(model, proba(model)), is_model=True
            ),
        ),
        out_of_fold=None,
        split="random",
        split_reason="",
        n_train=n,
        n_valid=n,
        n_test=n,
        dropped_rows=0,
        notes=(),
    )
    outcome = framing.bar_to_beat(held, framing.MetricSuggestion("accuracy", "test")).verdict
    assert outcome.model.score > outcome.best_baseline.score
    assert not outcome.earns_keep
    assert outcome.text.startswith("No real difference")


@pytest.mark.parametrize(
    ("metric", "grouped"), [("accuracy", False), ("mae", True), ("pinball", False)]
)
def test_row_mean_verdicts_use_the_shared_bootstrap_resamples(metric, grouped):
    """The fast path gives ``uncertainty.paired_bootstrap``'s interval for row-mean metrics."""
    from lessons.framing.comparison import _ROW_LOSSES

    rng = np.random.default_rng(2)
    n = 250
    if metric == "accuracy":
        y, a, b = rng.integers(0, 3, n), rng.integers(0, 3, n), np.zeros(n, int)
    else:
        y, a, b = rng.normal(10, 3, n), rng.normal(10, 2, n), np.full(n, 10.0)
    groups = rng.integers(0, 60, n) if grouped else None
    quantile = 0.8 if metric == "pinball" else 0.5
    fast = uncertainty.paired_mean_bootstrap(
        _ROW_LOSSES[metric](y, a, quantile),
        _ROW_LOSSES[metric](y, b, quantile),
        names=("a", "b"),
        greater_is_better=framing.higher_is_better(metric),
        groups=groups,
        random_state=5,
    )
    shared = uncertainty.paired_bootstrap(
        lambda truth, predicted: framing.score(
            metric, truth, framing.Predictions(predicted), quantile=quantile
        ),
        y,
        a,
        b,
        greater_is_better=framing.higher_is_better(metric),
        names=("a", "b"),
        groups=groups,
        random_state=5,
    )
    assert fast.difference == pytest.approx(shared.difference)
    assert (fast.low, fast.high) == pytest.approx((shared.low, shared.high))
