"""Lesson 4, Train live: fit on training rows, score on held-out rows, see the loss fall.

Every model here is a scikit-learn ``Pipeline``: a ``ColumnTransformer`` that imputes, scales
and one-hot encodes, then an estimator. The pipeline is fitted on training rows only; the
validation rows are only ever passed to ``predict`` (or a scorer). The same plan of columns
and the same estimator settings are rendered as code by ``lessons.codegen``, so the script a
learner downloads reproduces the score on the page.
"""

from __future__ import annotations

import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import SGDClassifier, SGDRegressor
from sklearn.metrics import log_loss, mean_squared_error
from threadpoolctl import threadpool_limits

from lessons import scoring
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor, as_float, learn_roles
from lessons.models import MODELS, check_params, estimator_kind, model_pipeline
from lessons.splits import Buckets, make_buckets

DEFAULT_ROW_CAP = 50_000
TRAIN_SCORE_MAX_ROWS = 2_000
CURVE_MAX_ROWS = 2_000


# ---------------------------------------------------------------------------------------------
# Metrics: the registry's, for the models that can give what each one needs
# ---------------------------------------------------------------------------------------------


def metric_options(task: str, model: str) -> list[str]:
    """The registry's metrics a live ``model`` of ``task`` can be scored with."""
    return scoring.scorable(task, probabilities=model != "svm")


def usable_metric(metric: str, task: str, model: str) -> str:
    """``metric`` if it applies to this task and model, else the task's default."""
    return metric if metric in metric_options(task, model) else scoring.DEFAULT_METRIC[task]


# ---------------------------------------------------------------------------------------------
# Data: row cap, split, columns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """The rows a model trains and is scored on.

    Attributes
    ----------
    dataset : Dataset
        The dataset, sampled down to the row cap when it was larger.
    buckets : Buckets
        Train, validation and test positions into ``dataset.frame``.
    split_choice : SplitChoice
        The split actually used (the learner's, or the default after a fallback).
    sampled_from : int or None
        The original row count when the row cap sampled the data.
    notices : tuple of str
        What the page must tell the learner (sampling, split fallback).
    """

    dataset: Dataset
    buckets: Buckets
    split_choice: SplitChoice
    sampled_from: int | None
    notices: tuple[str, ...] = ()

    @property
    def train(self) -> np.ndarray:
        return _labelled(self.dataset, self.buckets.train)

    @property
    def validation(self) -> np.ndarray:
        return _labelled(self.dataset, self.buckets.validation)


def _labelled(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    """Positions whose target is known: a row without a label can neither teach nor grade."""
    return positions[dataset.y.iloc[positions].notna().to_numpy()]


def cap_rows(dataset: Dataset, row_cap: int, random_state: int) -> Dataset:
    """A seeded sample of ``row_cap`` rows, in the original order; the dataset if smaller."""
    if dataset.n_rows <= row_cap:
        return dataset
    frame = dataset.frame.sample(n=row_cap, random_state=random_state).sort_index()
    return replace(dataset, frame=frame)


def prepare(
    dataset: Dataset,
    choice: SplitChoice | None = None,
    *,
    row_cap: int = DEFAULT_ROW_CAP,
    random_state: int = 0,
) -> Prepared:
    """Cap the rows, then split them with the learner's choice (or the honest default).

    A strategy that yields folds instead of one validation bucket cannot drive a single live
    fit; the default split is used then, and a notice says so.
    """
    choice = choice or SplitChoice()
    notices: list[str] = []
    capped = cap_rows(dataset, row_cap, random_state)
    sampled_from = dataset.n_rows if capped is not dataset else None
    if sampled_from:
        notices.append(
            f"The data has {sampled_from:,} rows; this page trains on a seeded sample of "
            f"{capped.n_rows:,} (the row cap) to stay live."
        )
    try:
        buckets = make_buckets(capped, choice, random_state=random_state)
        if len(buckets.validation) == 0:
            raise DataError("the split left no validation rows")
    except DataError as error:
        if choice.strategy == "auto":
            raise
        notices.append(
            f"The split chosen in lesson 2 ({choice.strategy}) cannot drive one live fit "
            f"({error}); using the default split instead."
        )
        choice = SplitChoice()
        buckets = make_buckets(capped, choice, random_state=random_state)
    if estimator_kind(capped) == "classification":
        if capped.y.iloc[_labelled(capped, buckets.train)].nunique() < 2:
            raise DataError(
                "The training rows hold a single class, so there is nothing to learn; "
                "pick a different split or a target with at least two classes in training."
            )
    elif not pd.api.types.is_numeric_dtype(capped.y):
        raise DataError(
            f"The target {capped.target!r} is not numeric, so it cannot be a regression target; "
            "mark the task as classification on the Your data page."
        )
    return Prepared(capped, buckets, choice, sampled_from, tuple(notices))


# ---------------------------------------------------------------------------------------------
# Fitting and scoring
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FitResult:
    """What one fit produced, for the scores, the charts and the run record.

    Attributes
    ----------
    model : str
    params : tuple of (str, object)
    metric : str
    train_score, validation_score : float
    fit_seconds : float
    n_train, n_validation : int
    validation_true, validation_pred : numpy.ndarray
        Targets and predictions of (up to ``CURVE_MAX_ROWS``) validation rows, for the
        regression plots; empty for classification.
    """

    model: str
    params: tuple[tuple[str, object], ...]
    metric: str
    train_score: float
    validation_score: float
    fit_seconds: float
    n_train: int
    n_validation: int
    validation_true: np.ndarray
    validation_pred: np.ndarray

    @property
    def gap(self) -> float:
        """How much better the model looks on rows it has seen (positive means overfit)."""
        sign = 1 if scoring.metric(self.metric).greater_is_better else -1
        return sign * (self.train_score - self.validation_score)


def _check_size(model: str, n_train: int) -> None:
    limit = MODELS[model].max_train_rows
    if limit is not None and n_train > limit:
        raise DataError(
            f"{MODELS[model].label} slows down with the square of the rows: {n_train:,} training "
            f"rows is above its live limit of {limit:,}. Lower the row cap or pick another model."
        )


def _check_neighbours(model: str, params: dict, n_train: int) -> None:
    if model == "knn" and int(params["n_neighbors"]) > n_train:
        raise DataError(
            f"k = {params['n_neighbors']} neighbours is more than the {n_train:,} training rows; "
            "pick a smaller k."
        )


def fit(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    random_state: int = 0,
) -> FitResult:
    """Fit the pipeline on the training rows, then score it on training and validation rows.

    Parameters
    ----------
    prepared : Prepared
    model : str
        A key of ``MODELS``.
    params : dict
        The model's controls; missing ones take their defaults.
    metric : str
        A key of ``METRICS`` that applies to the task.
    random_state : int

    Returns
    -------
    FitResult
    """
    dataset = prepared.dataset
    params = check_params(model, params)
    train, validation = prepared.train, prepared.validation
    _check_size(model, len(train))
    _check_neighbours(model, params, len(train))
    X, y = dataset.X, dataset.y
    pipeline = model_pipeline(model, estimator_kind(dataset), params, random_state)
    with single_threaded():
        started = time.perf_counter()
        pipeline.fit(X.iloc[train], y.iloc[train])
        fit_seconds = time.perf_counter() - started
        scorer = scoring.scorer(metric, dataset.task, dataset.positive_class)
        scored = train_score_rows(train, random_state)
        train_score = float(scorer(pipeline, X.iloc[scored], y.iloc[scored]))
        validation_score = float(scorer(pipeline, X.iloc[validation], y.iloc[validation]))
        # Only regression plots the predictions; a classifier's are summed up by its score.
        shown = (
            _sample(validation, CURVE_MAX_ROWS, random_state)
            if estimator_kind(dataset) == "regression"
            else validation[:0]
        )
        shown_pred = pipeline.predict(X.iloc[shown]) if len(shown) else np.array([])
    return FitResult(
        model=model,
        params=tuple(params.items()),
        metric=metric,
        train_score=train_score,
        validation_score=validation_score,
        fit_seconds=fit_seconds,
        n_train=len(train),
        n_validation=len(validation),
        validation_true=y.iloc[shown].to_numpy(),
        validation_pred=shown_pred,
    )


def train_score_rows(train: np.ndarray, random_state: int) -> np.ndarray:
    """The training rows the train score is computed on: all, or a seeded sample.

    Predicting every training row costs as much as fitting for k-NN on large data, and a few
    thousand rows tell the same story.
    """
    rng = np.random.default_rng(random_state)
    size = min(len(train), TRAIN_SCORE_MAX_ROWS)
    return np.sort(rng.choice(train, size=size, replace=False))


@contextmanager
def single_threaded():
    """Run scikit-learn on one thread, quietly.

    On a busy machine OpenMP threads spin against each other: histogram gradient boosting
    took ten times longer with two threads than with one. The scores do not depend on it.
    """
    with threadpool_limits(limits=1), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def baseline(prepared: Prepared, metric: str) -> float:
    """The score of a model that ignores the features, on the same split.

    The most frequent class (with class priors as probabilities) for classification, the
    training mean for regression: the bar any real model must clear.
    """
    dataset = prepared.dataset
    train, validation = prepared.train, prepared.validation
    dummy = (
        DummyClassifier(strategy="prior")
        if estimator_kind(dataset) == "classification"
        else DummyRegressor(strategy="mean")
    )
    dummy.fit(dataset.X.iloc[train], dataset.y.iloc[train])
    scorer = scoring.scorer(metric, dataset.task, dataset.positive_class)
    return float(scorer(dummy, dataset.X.iloc[validation], dataset.y.iloc[validation]))


def _sample(positions: np.ndarray, n: int, random_state: int) -> np.ndarray:
    if len(positions) <= n:
        return positions
    rng = np.random.default_rng(random_state)
    return np.sort(rng.choice(positions, size=n, replace=False))


# ---------------------------------------------------------------------------------------------
# Fitting is minimising a loss: SGD epoch by epoch
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LossCurve:
    """Training and validation loss after each SGD epoch.

    Attributes
    ----------
    loss_name : str
    train_loss, validation_loss : numpy.ndarray
        One value per epoch, epoch 0 being the untrained start; ``nan`` where it overflowed.
    learning_rate : float
    diverged_at : int or None
        The first epoch whose training loss is worse than the untrained start (or overflowed):
        the steps overshoot.
    """

    loss_name: str
    train_loss: np.ndarray
    validation_loss: np.ndarray
    learning_rate: float
    diverged_at: int | None

    @property
    def epochs(self) -> np.ndarray:
        """0 (the start) to the last epoch."""
        return np.arange(len(self.train_loss))

    @property
    def n_epochs(self) -> int:
        return len(self.train_loss) - 1


LEARNING_RATES = (0.0001, 0.001, 0.01, 0.1, 1.0, 10.0)


def sgd_loss_curve(
    prepared: Prepared,
    learning_rate: float,
    *,
    epochs: int = 30,
    max_rows: int = 5_000,
    random_state: int = 0,
) -> LossCurve:
    """Train a linear model by stochastic gradient descent and record the loss per epoch.

    Classification minimises log loss (logistic regression); regression minimises squared
    error on the standardised target, so one learning rate scale fits every dataset. A
    constant learning rate makes the lesson visible: too small crawls, too large diverges.
    """
    dataset = prepared.dataset
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, max_rows, random_state)
    preprocess = TablePreprocessor()
    with single_threaded():
        X_train = preprocess.fit_transform(dataset.X.iloc[train])
        X_valid = preprocess.transform(dataset.X.iloc[validation])
    y_train, y_valid = dataset.y.iloc[train].to_numpy(), dataset.y.iloc[validation].to_numpy()
    classify = estimator_kind(dataset) == "classification"
    common = {"learning_rate": "constant", "eta0": learning_rate, "alpha": 1e-4}
    if classify:
        model = SGDClassifier(loss="log_loss", random_state=random_state, **common)
        classes = np.unique(y_train)

        def loss(X, y):
            return log_loss(y, model.predict_proba(X), labels=classes)

    else:
        model = SGDRegressor(loss="squared_error", random_state=random_state, **common)
        mean, scale = y_train.mean(), y_train.std() or 1.0
        y_train, y_valid = (y_train - mean) / scale, (y_valid - mean) / scale

        def loss(X, y):
            return mean_squared_error(y, model.predict(X))

    rng = np.random.default_rng(random_state)
    # Epoch 0 is the starting point, all weights at zero: every class equally likely, or
    # the training mean (zero on the standardised target) for every row.
    if classify:
        start_train = log_loss(y_train, _uniform(len(y_train), classes), labels=classes)
        start_valid = log_loss(y_valid, _uniform(len(y_valid), classes), labels=classes)
    else:
        start_train, start_valid = float(np.mean(y_train**2)), float(np.mean(y_valid**2))
    train_loss, valid_loss = [start_train], [start_valid]
    diverged_at = None
    with single_threaded(), np.errstate(all="ignore"):
        for epoch in range(1, epochs + 1):
            order = rng.permutation(len(y_train))
            if classify:
                model.partial_fit(X_train[order], y_train[order], classes=classes)
            else:
                model.partial_fit(X_train[order], y_train[order])
            current = _finite_or_nan(lambda: loss(X_train, y_train))
            if diverged_at is None and (not np.isfinite(current) or current > start_train):
                diverged_at = epoch
            train_loss.append(current)
            valid_loss.append(_finite_or_nan(lambda: loss(X_valid, y_valid)))
    return LossCurve(
        "log loss" if classify else "squared error (standardised target)",
        np.array(train_loss),
        np.array(valid_loss),
        learning_rate,
        diverged_at,
    )


def _uniform(n_rows: int, classes: np.ndarray) -> np.ndarray:
    return np.full((n_rows, len(classes)), 1.0 / len(classes))


def _finite_or_nan(compute) -> float:
    try:
        value = float(compute())
    except (ValueError, FloatingPointError, OverflowError):
        return np.nan
    return value if np.isfinite(value) and value < 1e12 else np.nan


# ---------------------------------------------------------------------------------------------
# Under- and overfitting: learning and validation curves
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Curve:
    """Train and validation scores at several settings.

    Attributes
    ----------
    x : tuple
        The setting at each point (training rows, or a hyperparameter's values).
    x_label : str
    train_scores, validation_scores : numpy.ndarray
        ``nan`` where a point could not be scored (a sample with one class).
    metric : str
    n_rows : int
        How many training rows the largest point used (the curves use a sample to stay fast).
    """

    x: tuple
    x_label: str
    train_scores: np.ndarray
    validation_scores: np.ndarray
    metric: str
    n_rows: int


def _score_pair(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    train: np.ndarray,
    validation: np.ndarray,
    random_state: int,
) -> tuple[float, float]:
    """Fit on ``train``, score on both; ``nan`` where a sample cannot be fitted or scored."""
    dataset = prepared.dataset
    X, y = dataset.X, dataset.y
    if estimator_kind(dataset) == "classification" and y.iloc[train].nunique() < 2:
        return np.nan, np.nan
    pipeline = model_pipeline(model, estimator_kind(dataset), params, random_state)
    scorer = scoring.scorer(metric, dataset.task, dataset.positive_class)
    try:
        with single_threaded():
            pipeline.fit(X.iloc[train], y.iloc[train])
            return (
                float(scorer(pipeline, X.iloc[train], y.iloc[train])),
                float(scorer(pipeline, X.iloc[validation], y.iloc[validation])),
            )
    except ValueError:
        return np.nan, np.nan


def learning_curve(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    fractions: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0),
    max_rows: int = CURVE_MAX_ROWS,
    random_state: int = 0,
) -> Curve:
    """Score against the number of training rows: does more data still help?

    The points use nested samples of (up to ``max_rows``) training rows, so a larger point
    contains every row of a smaller one; the validation rows are the same for every point.
    """
    params = check_params(model, params)
    rng = np.random.default_rng(random_state)
    pool = rng.permutation(prepared.train)[:max_rows]
    validation = _sample(prepared.validation, max_rows, random_state)
    sizes = sorted({max(20, round(f * len(pool))) for f in fractions if f > 0})
    sizes = [s for s in sizes if s <= len(pool)] or [len(pool)]
    if model == "knn":
        sizes = [s for s in sizes if s > int(params["n_neighbors"])] or [len(pool)]
    scores = [
        _score_pair(prepared, model, params, metric, np.sort(pool[:s]), validation, random_state)
        for s in sizes
    ]
    train_scores, valid_scores = (np.array(v, dtype=float) for v in zip(*scores, strict=True))
    return Curve(tuple(sizes), "training rows", train_scores, valid_scores, metric, len(pool))


def validation_curve(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    max_rows: int = CURVE_MAX_ROWS,
    random_state: int = 0,
) -> Curve:
    """Score against the model's main hyperparameter, the others held where they are.

    Raises
    ------
    DataError
        If the model has no hyperparameter to sweep.
    """
    spec = MODELS[model]
    if spec.curve_param is None:
        raise DataError(
            f"{spec.label} has no hyperparameter to sweep; pick ridge regression to see one."
        )
    params = check_params(model, params)
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, max_rows, random_state)
    values = [
        v for v in spec.param(spec.curve_param).options if not (model == "knn" and v >= len(train))
    ]
    scores = [
        _score_pair(
            prepared,
            model,
            {**params, spec.curve_param: value},
            metric,
            train,
            validation,
            random_state,
        )
        for value in values
    ]
    train_scores, valid_scores = (np.array(v, dtype=float) for v in zip(*scores, strict=True))
    return Curve(
        tuple(values),
        spec.param(spec.curve_param).label,
        train_scores,
        valid_scores,
        metric,
        len(train),
    )


# ---------------------------------------------------------------------------------------------
# What the model does: a decision boundary on two features
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Surface:
    """A model's predictions over a grid of two features, with validation rows on top.

    Attributes
    ----------
    feature_x, feature_y : str
    grid_x, grid_y : numpy.ndarray
        The grid's coordinates (1-D each).
    predicted : numpy.ndarray
        Class index predicted at each grid point, shape ``(len(grid_y), len(grid_x))``.
    classes : tuple
        The class labels, in the order of the indices.
    points_x, points_y : numpy.ndarray
        Validation rows (a sample).
    points_class : numpy.ndarray
        Their true class index.
    validation_accuracy : float
        Accuracy of the two-feature model on the validation sample.
    """

    feature_x: str
    feature_y: str
    grid_x: np.ndarray
    grid_y: np.ndarray
    predicted: np.ndarray
    classes: tuple
    points_x: np.ndarray
    points_y: np.ndarray
    points_class: np.ndarray
    validation_accuracy: float


def boundary_features(prepared: Prepared) -> list[str]:
    """Numeric features a decision boundary can be drawn on, in the table's order.

    Flags (two values) are left out: a plane with one axis at 0 or 1 shows two lines of dots.
    """
    rows = prepared.dataset.X.iloc[prepared.train]
    numeric = learn_roles(rows).numeric
    return [column for column in numeric if rows[column].nunique() > 2]


def decision_surface(
    prepared: Prepared,
    feature_x: str,
    feature_y: str,
    model: str,
    params: dict,
    *,
    resolution: int = 50,
    max_rows: int = 1_000,
    random_state: int = 0,
) -> Surface:
    """Fit ``model`` on two numeric features only and predict over a grid of them.

    The boundary is the model's, seen through a two-feature window: a deep tree draws boxes,
    logistic regression a straight line, k-NN islands.
    """
    if feature_x == feature_y:
        raise DataError("Pick two different features for the two axes.")
    dataset = prepared.dataset
    params = check_params(model, params)
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, 600, random_state)
    columns = [feature_x, feature_y]
    X, y = as_float(dataset.frame[columns]), dataset.y
    if model == "knn":
        params = {**params, "n_neighbors": min(int(params["n_neighbors"]), len(train) - 1)}
    pipeline = model_pipeline(model, "classification", params, random_state)
    with single_threaded():
        pipeline.fit(X.iloc[train], y.iloc[train])
    classes = tuple(pipeline.classes_.tolist())
    lows = X.iloc[train].quantile(0.01)
    highs = X.iloc[train].quantile(0.99)
    grid_x = np.linspace(lows[feature_x], highs[feature_x], resolution)
    grid_y = np.linspace(lows[feature_y], highs[feature_y], resolution)
    mesh_x, mesh_y = np.meshgrid(grid_x, grid_y)
    grid = pd.DataFrame({feature_x: mesh_x.ravel(), feature_y: mesh_y.ravel()})
    index = {label: i for i, label in enumerate(classes)}
    predicted = np.array([index[p] for p in pipeline.predict(grid)]).reshape(mesh_x.shape)
    points = X.iloc[validation].dropna()
    truth = y.loc[points.index]
    accuracy = float((pipeline.predict(points) == truth.to_numpy()).mean()) if len(points) else 0.0
    return Surface(
        feature_x,
        feature_y,
        grid_x,
        grid_y,
        predicted,
        classes,
        points[feature_x].to_numpy(dtype=float),
        points[feature_y].to_numpy(dtype=float),
        np.array([index.get(label, -1) for label in truth]),
        accuracy,
    )
