"""Lesson 4, fitting: the row cap and the split, one honest fit, its scores and the baseline."""

from __future__ import annotations

import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier, DummyRegressor
from threadpoolctl import threadpool_limits

from lessons import scoring
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.models import MODELS, check_params, estimator_kind, model_pipeline
from lessons.splits import Buckets, make_buckets
from lessons.training.compare import Encoded, baseline_encoded, compare_encoded, encode, row_groups
from lessons.uncertainty import Comparison

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
    validation_rows, train_rows : Encoded or None
        What the metric read on every validation row and on the train-score rows, for
        paired comparisons and intervals (``lessons.training.compare``).
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
    validation_rows: Encoded | None = None
    train_rows: Encoded | None = None

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
        answers = [
            encode(
                pipeline,
                X.iloc[rows],
                y.iloc[rows],
                metric,
                dataset.task,
                dataset.positive_class,
                row_groups(dataset, rows),
            )
            for rows in (validation, scored)
        ]
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
        validation_rows=answers[0],
        train_rows=answers[1],
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


BASELINE_NAME = "the no-features baseline"


def versus_baseline(prepared: Prepared, result: FitResult, *, random_state: int = 0) -> Comparison:
    """A fit against the no-features baseline on the same validation rows, paired bootstrap.

    Parameters
    ----------
    prepared : Prepared
        The rows ``result`` was fitted and scored on.
    result : FitResult
        The fit; its ``validation_rows`` are compared with the baseline's answers.
    random_state : int, default=0

    Returns
    -------
    Comparison
        ``name_a`` is the model's label, ``name_b`` is ``BASELINE_NAME``; ``better`` is None
        when the difference is inside the noise.
    """
    dataset = prepared.dataset
    baseline_rows = baseline_encoded(dataset, prepared.train, prepared.validation, result.metric)
    return compare_encoded(
        result.metric,
        dataset.task,
        result.validation_rows,
        baseline_rows,
        names=(MODELS[result.model].label, BASELINE_NAME),
        random_state=random_state,
    )


def _sample(positions: np.ndarray, n: int, random_state: int) -> np.ndarray:
    if len(positions) <= n:
        return positions
    rng = np.random.default_rng(random_state)
    return np.sort(rng.choice(positions, size=n, replace=False))
