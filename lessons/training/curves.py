"""Lesson 4, inside a fit: the SGD loss epoch by epoch, learning and validation curves."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import SGDClassifier, SGDRegressor
from sklearn.metrics import log_loss, mean_squared_error

from lessons import scoring
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.models import MODELS, check_params, estimator_kind, model_pipeline
from lessons.training.compare import Encoded, compare_encoded, encode, row_groups
from lessons.training.fitting import CURVE_MAX_ROWS, Prepared, _sample, single_threaded
from lessons.uncertainty import Comparison

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
    answers : tuple of Encoded or None
        What the metric read on the validation rows at each point (the same rows at every
        point), so two points can be compared by a paired bootstrap.
    task : str
        The dataset's task, for the score function of those answers.
    """

    x: tuple
    x_label: str
    train_scores: np.ndarray
    validation_scores: np.ndarray
    metric: str
    n_rows: int
    answers: tuple[Encoded | None, ...] = ()
    task: str = ""

    def compare(self, a: int, b: int, *, random_state: int = 0) -> Comparison | None:
        """Point ``a`` against point ``b`` on the same validation rows; None if unscored."""
        if self.answers[a] is None or self.answers[b] is None:
            return None
        return compare_encoded(
            self.metric,
            self.task,
            self.answers[a],
            self.answers[b],
            names=(str(self.x[a]), str(self.x[b])),
            random_state=random_state,
        )


def _score_pair(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    train: np.ndarray,
    validation: np.ndarray,
    random_state: int,
) -> tuple[float, float, Encoded | None]:
    """Fit on ``train``, score on both; ``nan`` where a sample cannot be fitted or scored.

    The third value is what the metric read on the validation rows (None when unscored).
    """
    dataset = prepared.dataset
    X, y = dataset.X, dataset.y
    if estimator_kind(dataset) == "classification" and y.iloc[train].nunique() < 2:
        return np.nan, np.nan, None
    pipeline = model_pipeline(model, estimator_kind(dataset), params, random_state)
    scorer = scoring.scorer(metric, dataset.task, dataset.positive_class)
    try:
        with single_threaded():
            pipeline.fit(X.iloc[train], y.iloc[train])
            valid_X, valid_y = X.iloc[validation], y.iloc[validation]
            return (
                float(scorer(pipeline, X.iloc[train], y.iloc[train])),
                float(scorer(pipeline, valid_X, valid_y)),
                encode(
                    pipeline,
                    valid_X,
                    valid_y,
                    metric,
                    dataset.task,
                    dataset.positive_class,
                    row_groups(dataset, validation),
                ),
            )
    except ValueError:
        return np.nan, np.nan, None


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
    train_scores, valid_scores = (np.array([p[i] for p in scores], dtype=float) for i in (0, 1))
    return Curve(
        tuple(sizes),
        "training rows",
        train_scores,
        valid_scores,
        metric,
        len(pool),
        tuple(p[2] for p in scores),
        prepared.dataset.task,
    )


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
    train_scores, valid_scores = (np.array([p[i] for p in scores], dtype=float) for i in (0, 1))
    return Curve(
        tuple(values),
        spec.param(spec.curve_param).label,
        train_scores,
        valid_scores,
        metric,
        len(train),
        tuple(p[2] for p in scores),
        prepared.dataset.task,
    )
