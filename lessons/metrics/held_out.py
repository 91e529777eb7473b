"""Honest predictions of a few quick models on held-out rows, and every metric's score on them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import training
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.scoring import (
    MetricScore,
    score_binary,
    score_forecast,
    score_multiclass,
    score_ranking,
    score_regression,
)
from lessons.splits import Buckets

# --- Honest predictions of a few quick models -------------------------------------------


@dataclass(frozen=True)
class ModelPredictions:
    """One model's held-out predictions.

    ``prediction`` is the positive-class probability (binary), a class-probability matrix
    (multiclass) or the predicted value (regression).
    """

    name: str
    description: str
    prediction: np.ndarray


@dataclass(frozen=True)
class HeldOutPredictions:
    """Honest predictions on the validation rows from models fitted on the training rows.

    Attributes
    ----------
    dataset, task, problem : str
    split, split_reason : str
        The split strategy used and why.
    classes : tuple of str
        Class labels (binary: negative then positive); empty for regression.
    y_true : numpy.ndarray
        0/1 (binary), class index (multiclass) or the value (regression).
    models : tuple of ModelPredictions
        The first one is the main model used in the side-by-side table.
    groups, times : numpy.ndarray or None
        Group id (query, series) and time of each validation row.
    y_train, train_groups : numpy.ndarray
        The training target (time-ordered within group) for MASE's naive scale.
    seasonality : int
        Season length in rows of one series (7 for daily data, else 1).
    n_train : int
        Training rows (with a target) the models were fitted on.
    """

    dataset: str
    task: str
    problem: str
    split: str
    split_reason: str
    classes: tuple[str, ...]
    y_true: np.ndarray
    models: tuple[ModelPredictions, ...]
    groups: np.ndarray | None
    times: np.ndarray | None
    y_train: np.ndarray
    train_groups: np.ndarray | None
    seasonality: int
    n_train: int

    @property
    def main(self) -> ModelPredictions:
        return self.models[0]


# (label, what it is, model key in ``lessons.training.MODELS``, its controls). The models
# differ in a way metrics notice: a flexible one, a linear one, and one that optimises
# something else (class-balanced weights; absolute instead of squared error). They are the
# Train page's models with their defaults, so the same model scores the same on both pages.
_CLASSIFIERS = (
    ("gradient boosting", "trees fitted to log loss", "hist_gradient_boosting", {}),
    ("logistic regression", "a linear model", "logistic_regression", {}),
    (
        "balanced logistic regression",
        "a linear model that weighs each class equally",
        "logistic_regression",
        {"class_weight": "balanced"},
    ),
)
_REGRESSORS = (
    ("gradient boosting", "trees fitted to squared error", "hist_gradient_boosting", {}),
    ("ridge", "a linear model", "ridge", {}),
    (
        "gradient boosting (absolute error)",
        "trees fitted to absolute error",
        "hist_gradient_boosting",
        {"loss": "absolute_error"},
    ),
)


def _pipeline(model: str, task: str, params: dict, random_state: int) -> Pipeline:
    problem = "regression" if task == "regression" else "classification"
    defaults = training.check_params(model, {})
    return training.model_pipeline(model, problem, {**defaults, **params}, random_state)


def _usable(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    return positions[dataset.y.iloc[positions].notna().to_numpy()]


def _encoded_target(dataset: Dataset) -> tuple[np.ndarray, tuple[str, ...]]:
    y = dataset.y
    if dataset.task == "regression":
        numeric = pd.to_numeric(y, errors="coerce")
        if numeric.notna().sum() < y.notna().sum():
            raise DataError(
                f"The target {dataset.target!r} is marked as a number but holds text; "
                "pick a numeric target or treat it as classification."
            )
        return numeric.to_numpy(dtype=float), ()
    if dataset.task == "binary":
        positive = dataset.positive_class
        negatives = [v for v in y.dropna().unique().tolist() if v != positive]
        negative = str(negatives[0]) if len(negatives) == 1 else f"not {positive}"
        return (y == positive).astype(int).to_numpy(), (negative, str(positive))
    labels = sorted(y.dropna().astype(str).unique())
    codes = y.astype(str).map({label: i for i, label in enumerate(labels)})
    return codes.fillna(-1).to_numpy(dtype=int), tuple(labels)


def seasonality_for(times: pd.Series | None) -> int:
    """7 when rows of one series are a day apart (a weekly pattern), else 1."""
    if times is None or len(times) < 3:
        return 1
    steps = pd.Series(pd.to_datetime(times).unique()).sort_values().diff().dropna()
    return 7 if len(steps) and steps.median() == pd.Timedelta(days=1) else 1


def fit_held_out(
    dataset: Dataset, buckets: Buckets, *, random_state: int = 0
) -> HeldOutPredictions:
    """Fit three quick models on the training rows and predict the validation rows.

    The models differ in a way metrics notice: a flexible one, a linear one, and one that
    optimises something else (class-balanced weights; absolute instead of squared error).

    Raises
    ------
    DataError
        If the training rows hold a single class or too few rows to fit.
    """
    y_all, classes = _encoded_target(dataset)
    train, validation = _usable(dataset, buckets.train), _usable(dataset, buckets.validation)
    if len(train) < 10 or len(validation) < 2:
        raise DataError(
            f"Only {len(train)} training and {len(validation)} validation rows have a target; "
            "a metric needs more rows than that."
        )
    if dataset.task != "regression" and len(np.unique(y_all[train])) < 2:
        raise DataError("The training rows hold a single class, so there is nothing to learn.")
    X = dataset.X
    models = []
    specs = _REGRESSORS if dataset.task == "regression" else _CLASSIFIERS
    for name, description, model, params in specs:
        pipeline = _pipeline(model, dataset.task, params, random_state)
        # One thread: a web server shares its cores between sessions, and OpenMP
        # oversubscription makes small boosting fits many times slower, not faster.
        try:
            with threadpool_limits(limits=1):
                pipeline.fit(X.iloc[train], y_all[train])
            if dataset.task == "regression":
                prediction = pipeline.predict(X.iloc[validation])
            else:
                prediction = _class_probabilities(pipeline, X.iloc[validation], len(classes))
        except (ValueError, TypeError) as error:
            raise DataError(
                f"The {name} model could not be fitted on this table ({error}). Check that the "
                "feature columns hold numbers, dates, flags or short text categories."
            ) from error
        models.append(ModelPredictions(name, description, prediction))
    time_order = _time_order(dataset, train)
    groups = dataset.frame[dataset.group_column] if dataset.group_column else None
    times = dataset.frame[dataset.time_column] if dataset.time_column else None
    return HeldOutPredictions(
        dataset=dataset.name,
        task=dataset.task,
        problem=dataset.problem,
        split=buckets.strategy,
        split_reason=buckets.reason,
        classes=classes,
        y_true=y_all[validation],
        models=tuple(models),
        groups=None if groups is None else groups.iloc[validation].to_numpy(),
        times=None if times is None else times.iloc[validation].to_numpy(),
        y_train=y_all[time_order],
        train_groups=None if groups is None else groups.iloc[time_order].to_numpy(),
        seasonality=seasonality_for(times.iloc[train] if times is not None else None),
        n_train=len(train),
    )


def fit_quantile(
    dataset: Dataset, buckets: Buckets, quantile: float, *, random_state: int = 0
) -> np.ndarray:
    """Validation predictions of gradient boosting fitted to the pinball loss at ``quantile``."""
    if not 0 < quantile < 1:
        raise DataError("A quantile must be strictly between 0 and 1.")
    y_all, _ = _encoded_target(dataset)
    validation = _usable(dataset, buckets.validation)
    train = _usable(dataset, buckets.train)
    params = {"loss": "quantile", "quantile": quantile}
    pipeline = _pipeline("hist_gradient_boosting", "regression", params, random_state)
    with threadpool_limits(limits=1):
        pipeline.fit(dataset.X.iloc[train], y_all[train])
    return pipeline.predict(dataset.X.iloc[validation])


def _class_probabilities(pipeline: Pipeline, X: pd.DataFrame, n_classes: int) -> np.ndarray:
    proba = pipeline.predict_proba(X)
    full = np.zeros((len(X), n_classes))
    full[:, pipeline.classes_] = proba
    return full[:, 1] if n_classes == 2 else full


def _time_order(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    if not dataset.time_column:
        return positions
    stamps = dataset.frame[dataset.time_column].iloc[positions].to_numpy()
    return positions[np.argsort(stamps, kind="stable")]


def score_held_out(
    held_out: HeldOutPredictions,
    model: ModelPredictions,
    *,
    threshold: float = 0.5,
    k: int = 100,
    min_relevance: float = 1,
    quantile_predictions: dict[float, np.ndarray] | None = None,
) -> tuple[MetricScore, ...]:
    """Every metric of the task on one model's held-out predictions.

    ``k`` is the review capacity for precision@k and recall@k, or the cut-off of the ranking
    metrics; ``min_relevance`` the grade from which a ranked item counts as relevant.
    """
    if held_out.problem == "ranking" and held_out.groups is not None:
        return score_ranking(
            held_out.y_true, model.prediction, held_out.groups, k=k, min_relevance=min_relevance
        )
    if held_out.task == "binary":
        return score_binary(held_out.y_true, model.prediction, threshold=threshold, k=k)
    if held_out.task == "multiclass":
        return score_multiclass(held_out.y_true, model.prediction)
    if held_out.problem == "forecasting":
        return score_forecast(
            held_out.y_true,
            model.prediction,
            held_out.y_train,
            seasonality=held_out.seasonality,
            train_groups=held_out.train_groups,
            quantile_predictions=quantile_predictions,
        )
    return score_regression(held_out.y_true, model.prediction, quantile_predictions)
