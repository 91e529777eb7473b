"""Lesson 4's training logic: every model on every dataset, honest fitting, curves and SGD."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.metrics import roc_auc_score

from lessons import datasets, features, scoring, training
from lessons import models as model_registry
from lessons.choices import SplitChoice
from lessons.errors import DataError

SMALL = 600


@pytest.fixture(scope="module")
def loaded():
    cache: dict[str, datasets.Dataset] = {}

    def get(name: str) -> datasets.Dataset:
        if name not in cache:
            cache[name] = datasets.load(name, seed=0)
        return cache[name]

    return get


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_every_model_fits_and_predicts_on_every_builtin_dataset(name, loaded):
    dataset = loaded(name)
    prepared = training.prepare(dataset, row_cap=SMALL, random_state=0)
    problem = training.estimator_kind(dataset)
    metric = scoring.DEFAULT_METRIC[dataset.task]
    models = model_registry.models_for(problem)
    assert {m.key for m in models} >= {"knn", "decision_tree", "random_forest", "svm"}
    for spec in models:
        # Small settings keep 50-odd fits quick; the defaults are exercised elsewhere.
        params = spec.defaults() | {
            "n_neighbors": 5,
            "n_estimators": 10,
            "max_iter": 10,
        }
        params = {k: v for k, v in params.items() if k in spec.defaults()}
        result = training.fit(prepared, spec.key, params, metric, random_state=0)
        assert np.isfinite(result.train_score) and np.isfinite(result.validation_score)
        assert result.n_train == len(prepared.train)
        assert len(result.validation_pred) == len(result.validation_true)
        if problem == "regression":
            assert len(result.validation_pred) == min(len(prepared.validation), 2_000)
            assert np.all(np.isfinite(result.validation_pred))


def test_models_cover_the_issue_list():
    assert set(m.key for m in model_registry.models_for("classification")) == {
        "logistic_regression",
        "knn",
        "decision_tree",
        "random_forest",
        "hist_gradient_boosting",
        "svm",
    }
    assert {"linear_regression", "ridge"} <= {
        m.key for m in model_registry.models_for("regression")
    }
    for spec in training.MODELS.values():
        assert len(spec.params) <= 3
        for param in spec.params:
            assert param.default in param.options


@pytest.fixture
def recorded(monkeypatch):
    """Every preprocessor the lesson builds first records the rows it is fitted on."""

    log: list[set] = []
    original = features.TablePreprocessor.fit

    def recording(self, X, y=None):
        log.append(set(X.index))
        return original(self, X, y)

    monkeypatch.setattr(features.TablePreprocessor, "fit", recording)
    return log


@pytest.mark.parametrize(("name", "model"), [("churn", "decision_tree"), ("diabetes", "ridge")])
def test_the_pipeline_never_sees_validation_rows_when_fitting(name, model, loaded, recorded):
    dataset = loaded(name)
    prepared = training.prepare(dataset, row_cap=1_500, random_state=0)
    metric = scoring.DEFAULT_METRIC[dataset.task]
    frame_index = (
        dataset.frame.index if prepared.sampled_from is None else prepared.dataset.frame.index
    )
    train_index = set(prepared.dataset.frame.index[prepared.train])
    validation_index = set(prepared.dataset.frame.index[prepared.validation])
    assert frame_index is not None and train_index and validation_index

    training.fit(prepared, model, {}, metric)
    training.learning_curve(prepared, model, {}, metric, max_rows=400)
    training.validation_curve(prepared, model, {}, metric, max_rows=300)
    training.sgd_loss_curve(prepared, 0.01, epochs=3, max_rows=500)

    assert len(recorded) >= 1 + 2 + 3 + 1
    for fitted_on in recorded:
        assert fitted_on, "a preprocessor was fitted on no rows"
        assert fitted_on <= train_index
        assert not fitted_on & validation_index


def test_the_recorder_would_catch_a_leak(loaded, recorded):
    dataset = loaded("wine")
    prepared = training.prepare(dataset, random_state=0)
    everything = np.arange(prepared.dataset.n_rows)
    training.model_pipeline(
        "knn", "classification", {"n_neighbors": 5, "weights": "uniform"}, 0
    ).fit(prepared.dataset.X.iloc[everything], prepared.dataset.y.iloc[everything])
    validation_index = set(prepared.dataset.frame.index[prepared.validation])
    assert recorded[-1] & validation_index


def test_baseline_equals_dummy_models_on_the_same_split(loaded):
    fraud = training.prepare(loaded("fraud"), random_state=0)
    assert training.baseline(fraud, "roc_auc") == pytest.approx(0.5)
    dummy = DummyClassifier(strategy="prior").fit(
        fraud.dataset.X.iloc[fraud.train], fraud.dataset.y.iloc[fraud.train]
    )
    accuracy = dummy.score(
        fraud.dataset.X.iloc[fraud.validation], fraud.dataset.y.iloc[fraud.validation]
    )
    assert training.baseline(fraud, "accuracy") == pytest.approx(accuracy)
    houses = training.prepare(loaded("house_prices"), random_state=0)
    regressor = DummyRegressor().fit(
        houses.dataset.X.iloc[houses.train], houses.dataset.y.iloc[houses.train]
    )
    r2 = regressor.score(
        houses.dataset.X.iloc[houses.validation], houses.dataset.y.iloc[houses.validation]
    )
    assert training.baseline(houses, "r2") == pytest.approx(r2)


def test_scores_match_scikit_learn_computed_by_hand(loaded):
    prepared = training.prepare(loaded("breast_cancer"), random_state=0)
    result = training.fit(prepared, "logistic_regression", {"C": 0.1}, "roc_auc")
    pipeline = training.model_pipeline(
        "logistic_regression", "classification", {"C": 0.1, "class_weight": None}, 0
    )
    X, y = prepared.dataset.X, prepared.dataset.y
    pipeline.fit(X.iloc[prepared.train], y.iloc[prepared.train])
    by_hand = roc_auc_score(
        y.iloc[prepared.validation], pipeline.predict_proba(X.iloc[prepared.validation])[:, 1]
    )
    assert result.validation_score == pytest.approx(by_hand, abs=1e-12)


def test_changing_a_hyperparameter_changes_the_scores(loaded):
    prepared = training.prepare(loaded("house_prices"), random_state=0)
    shallow = training.fit(prepared, "decision_tree", {"max_depth": 1}, "r2")
    deep = training.fit(prepared, "decision_tree", {"max_depth": None, "min_samples_leaf": 1}, "r2")
    assert deep.train_score > shallow.train_score + 0.2
    assert deep.gap > shallow.gap


def test_roles_drop_identifiers_and_expand_datetimes(loaded):
    prepared = training.prepare(loaded("fraud"), random_state=0)
    roles = features.learn_roles(prepared.dataset.X.iloc[prepared.train])
    dropped = dict(roles.dropped)
    assert {"transaction_id", "card_id"} <= set(dropped)
    assert roles.datetime == (("timestamp", "datetime"),)
    assert "merchant_category" in roles.categorical and "amount" in roles.numeric
    parts = features.datetime_parts(
        prepared.dataset.frame[["timestamp"]].head(3), {"timestamp": "datetime"}
    )
    assert list(parts.columns) == [f"timestamp_{part}" for part in features.DATETIME_PARTS]


def test_uploaded_messy_frame_trains():
    rng = np.random.default_rng(0)
    n = 400
    frame = pd.DataFrame(
        {
            "Customer ID": [f"id-{i}" for i in range(n)],
            "signed up": pd.date_range("2024-01-01", periods=n, freq="D"),
            "plan": rng.choice(["a", "b", None], n),
            "spend": np.where(rng.random(n) < 0.1, np.nan, rng.normal(50, 10, n)),
            "vip": rng.random(n) < 0.2,
            "outcome": rng.choice(["stayed", "left"], n),
        }
    )
    frame.loc[3, "outcome"] = None
    dataset = datasets.Dataset(
        name="upload-test",
        title="test upload",
        frame=frame,
        target="outcome",
        task="binary",
        problem="classification",
        time_column="signed up",
        group_column=None,
        description="",
        teaches="",
    )
    prepared = training.prepare(dataset, random_state=0)
    assert 3 not in prepared.train and 3 not in prepared.validation
    result = training.fit(prepared, "random_forest", {}, "roc_auc")
    assert 0.0 <= result.validation_score <= 1.0
    roles = features.learn_roles(dataset.X.iloc[prepared.train])
    assert "Customer ID" in dict(roles.dropped)


def test_row_cap_samples_with_a_notice(loaded):
    dataset = loaded("fraud")
    prepared = training.prepare(dataset, row_cap=5_000, random_state=3)
    again = training.prepare(dataset, row_cap=5_000, random_state=3)
    assert prepared.dataset.n_rows == 5_000 and prepared.sampled_from == dataset.n_rows
    assert any("5,000" in notice for notice in prepared.notices)
    assert prepared.dataset.frame.index.equals(again.dataset.frame.index)
    assert prepared.dataset.frame.index.is_monotonic_increasing
    assert training.prepare(dataset, random_state=3).sampled_from is None


def test_a_split_that_does_not_apply_falls_back_with_a_notice(loaded):
    prepared = training.prepare(loaded("wine"), SplitChoice(strategy="time"), random_state=0)
    assert prepared.split_choice == SplitChoice()
    assert any("default split" in notice for notice in prepared.notices)


def test_bad_inputs_raise_actionable_errors(loaded):
    with pytest.raises(DataError, match="cannot be"):
        training.check_params("knn", {"n_neighbors": 7})
    stocks = training.prepare(loaded("stocks"), random_state=0)
    with pytest.raises(DataError, match="training rows"):
        training.fit(stocks, "knn", {"n_neighbors": 100}, "r2")
    churn = training.prepare(loaded("churn"), random_state=0)
    with pytest.raises(DataError, match="live limit"):
        training.fit(churn, "svm", {}, "roc_auc")


def test_usable_metric_falls_back_when_it_cannot_apply():
    assert training.usable_metric("pr_auc", "binary", "random_forest") == "pr_auc"
    assert training.usable_metric("pr_auc", "regression", "ridge") == "r2"
    assert training.usable_metric("log_loss", "binary", "svm") == "roc_auc"
    assert training.usable_metric("ndcg", "multiclass", "knn") == "accuracy"


@pytest.mark.parametrize("metric", ["roc_auc", "pr_auc", "f1", "accuracy", "log_loss"])
def test_binary_metrics_work_with_text_labels(metric):
    rng = np.random.default_rng(1)
    n = 300
    x = rng.normal(size=n)
    frame = pd.DataFrame({"x": x, "label": np.where(x + rng.normal(size=n) > 0, "yes", "no")})
    dataset = datasets.Dataset(
        "upload-labels", "labels", frame, "label", "binary", "classification", None, None, "", ""
    )
    prepared = training.prepare(dataset, random_state=0)
    result = training.fit(prepared, "logistic_regression", {}, metric)
    spec = scoring.metric(metric)
    baseline = training.baseline(prepared, metric)
    better = (
        result.validation_score > baseline
        if spec.greater_is_better
        else result.validation_score < baseline
    )
    assert better


def test_sgd_learning_rate_shows_crawling_and_divergence(loaded):
    prepared = training.prepare(loaded("diabetes"), random_state=0)
    slow = training.sgd_loss_curve(prepared, 0.0001, epochs=10)
    good = training.sgd_loss_curve(prepared, 0.01, epochs=10)
    wild = training.sgd_loss_curve(prepared, 10.0, epochs=10)
    assert good.n_epochs == 10 and list(good.epochs) == list(range(11))
    assert good.train_loss[0] == pytest.approx(1.0), "epoch 0 predicts the mean: variance 1"
    assert good.diverged_at is None and slow.diverged_at is None
    assert good.train_loss[-1] < good.train_loss[0] / 1.5
    assert good.train_loss[-1] < slow.train_loss[-1] < slow.train_loss[0]
    assert wild.diverged_at == 1
    classification = training.sgd_loss_curve(
        training.prepare(loaded("breast_cancer")), 0.01, epochs=5
    )
    assert classification.loss_name == "log loss"
    assert classification.train_loss[0] == pytest.approx(np.log(2))
    assert np.all(np.isfinite(classification.validation_loss))
    assert classification.train_loss[-1] < classification.train_loss[0]


def test_learning_and_validation_curves(loaded):
    prepared = training.prepare(loaded("house_prices"), random_state=0)
    learning = training.learning_curve(prepared, "decision_tree", {}, "r2", max_rows=600)
    assert list(learning.x) == sorted(learning.x) and learning.x[-1] == 600
    assert len(learning.train_scores) == len(learning.validation_scores) == len(learning.x)
    sweep = training.validation_curve(prepared, "decision_tree", {}, "r2", max_rows=600)
    assert sweep.x == training.MODELS["decision_tree"].param("max_depth").options
    assert sweep.train_scores[-1] > sweep.train_scores[0]
    with pytest.raises(DataError, match="no hyperparameter"):
        training.validation_curve(prepared, "linear_regression", {}, "r2")


def test_decision_surface_on_two_features(loaded):
    prepared = training.prepare(loaded("wine"), random_state=0)
    features = training.boundary_features(prepared)
    surface = training.decision_surface(
        prepared, features[0], features[6], "decision_tree", {}, resolution=20
    )
    assert surface.predicted.shape == (20, 20)
    assert set(np.unique(surface.predicted)) <= set(range(len(surface.classes)))
    assert len(surface.points_x) == len(prepared.validation)
    assert 0.0 <= surface.validation_accuracy <= 1.0
    assert surface.probability is None  # three classes: shaded by class
    with pytest.raises(DataError, match="two different"):
        training.decision_surface(prepared, features[0], features[0], "knn", {})


def test_a_two_class_surface_carries_the_probability_behind_each_prediction(loaded):
    prepared = training.prepare(loaded("churn"), random_state=0)
    features = training.boundary_features(prepared)
    surface = training.decision_surface(
        prepared, features[0], features[1], "logistic_regression", {}, resolution=20
    )
    assert surface.probability.shape == surface.predicted.shape == (20, 20)
    assert ((surface.probability >= 0) & (surface.probability <= 1)).all()
    # The predicted class is the second one exactly where its probability passes 0.5.
    assert ((surface.probability > 0.5) == (surface.predicted == 1)).all()
