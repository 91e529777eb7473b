"""lessons.training.compare: encoded answers score like the registry's scorers, and paired
comparisons say "no real difference" only when they should."""

import numpy as np
import pytest

from lessons import datasets, training

ROW_CAP = 1500


@pytest.fixture(scope="module")
def churn():
    return training.prepare(datasets.load("churn", 0), row_cap=ROW_CAP, random_state=0)


@pytest.fixture(scope="module")
def wine():
    return training.prepare(datasets.load("wine", 0), random_state=0)


@pytest.mark.parametrize(
    "metric", ["accuracy", "balanced_accuracy", "f1", "roc_auc", "pr_auc", "log_loss"]
)
def test_binary_answers_score_like_the_scorer(churn, metric):
    result = training.fit(churn, "logistic_regression", {}, metric, random_state=0)
    rows = result.validation_rows
    assert training.interval(metric, "binary", rows).score == pytest.approx(
        result.validation_score, abs=1e-9
    )


@pytest.mark.parametrize("metric", ["accuracy", "balanced_accuracy", "f1", "log_loss"])
def test_multiclass_answers_score_like_the_scorer(wine, metric):
    result = training.fit(wine, "random_forest", {}, metric, random_state=0)
    assert training.interval(metric, "multiclass", result.validation_rows).score == (
        pytest.approx(result.validation_score, abs=1e-9)
    )


def test_svm_margins_score_like_the_scorer(churn):
    result = training.fit(churn, "svm", {}, "pr_auc", random_state=0)
    assert training.interval("pr_auc", "binary", result.validation_rows).score == pytest.approx(
        result.validation_score, abs=1e-9
    )


@pytest.mark.parametrize("metric", ["r2", "rmse", "mae"])
def test_regression_answers_score_like_the_scorer(metric):
    prepared = training.prepare(datasets.load("diabetes", 0), random_state=0)
    result = training.fit(prepared, "ridge", {}, metric, random_state=0)
    assert training.interval(metric, "regression", result.validation_rows).score == (
        pytest.approx(result.validation_score, rel=1e-9)
    )


def test_a_fit_against_itself_is_no_real_difference(churn):
    result = training.fit(churn, "logistic_regression", {}, "roc_auc", random_state=0)
    rows = result.validation_rows
    same = training.compare_encoded("roc_auc", "binary", rows, rows, names=("a", "b"))
    assert same.within_noise and same.better is None


def test_compare_refuses_different_rows(churn):
    rows = training.fit(churn, "logistic_regression", {}, "roc_auc").validation_rows
    shorter = training.Encoded(rows.y[:-1], rows.response[:-1])
    with pytest.raises(ValueError, match="same rows"):
        training.compare_encoded("roc_auc", "binary", rows, shorter, names=("a", "b"))


@pytest.mark.parametrize("seed", range(10))
def test_a_real_model_beats_the_no_features_baseline_across_seeds(seed):
    prepared = training.prepare(
        datasets.load("breast_cancer", seed), row_cap=ROW_CAP, random_state=seed
    )
    result = training.fit(prepared, "logistic_regression", {}, "roc_auc", random_state=seed)
    baseline = training.baseline_encoded(
        prepared.dataset, prepared.train, prepared.validation, "roc_auc"
    )
    versus = training.compare_encoded(
        "roc_auc", "binary", result.validation_rows, baseline, names=("model", "baseline")
    )
    assert versus.better == "model"


@pytest.mark.parametrize("seed", range(10))
def test_a_memorising_tree_shows_a_gap_beyond_the_noise_across_seeds(seed):
    prepared = training.prepare(datasets.load("breast_cancer", seed), random_state=seed)
    tree = training.fit(
        prepared, "decision_tree", {"max_depth": None, "min_samples_leaf": 1}, "roc_auc"
    )
    gap = training.gap_noise("roc_auc", "binary", tree.train_rows, tree.validation_rows, tree.gap)
    assert gap.gap > 0 and not gap.within_noise


def test_learning_curve_points_compare_on_the_same_rows(churn):
    curve = training.learning_curve(churn, "logistic_regression", {}, "roc_auc", random_state=0)
    step = curve.compare(len(curve.x) - 1, len(curve.x) - 2)
    assert step is not None
    assert step.difference == pytest.approx(
        curve.validation_scores[-1] - curve.validation_scores[-2]
    )
    assert np.isfinite(step.low) and step.low <= step.difference <= step.high
