"""The same model on every split: scores, rare positives, validation spread, shuffle versus time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold, ShuffleSplit, StratifiedKFold, StratifiedShuffleSplit
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import scoring
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.models import check_params, model_pipeline
from lessons.splits.buckets import _labels, _shuffled_split, default_time_cuts, make_buckets
from lessons.splits.guarantees import _show_time
from lessons.splits.strategies import DEFAULT_K, DEFAULT_SIZES

# --------------------------------------------------------------------------- the same model


def metric_name(task: str) -> str:
    """The name of the score this lesson reports: the registry's default for the task."""
    return scoring.metric(scoring.DEFAULT_METRIC[task]).name


def comparison_model(X: pd.DataFrame, task: str, *, random_state: int = 0) -> Pipeline:
    """The small honest pipeline every score on the page comes from.

    The app's one preprocessing (``lessons.features``), then the Train page's logistic
    regression for classes or ridge regression for numbers, with their defaults. Everything is
    fitted inside the pipeline, so on training rows only.
    """
    model = "ridge" if task == "regression" else "logistic_regression"
    problem = "regression" if task == "regression" else "classification"
    return model_pipeline(model, problem, check_params(model, {}), random_state)


def _labelled(dataset: Dataset) -> np.ndarray:
    """Rows whose target is known: the only rows a model can learn from or be scored on."""
    return np.flatnonzero(dataset.y.notna().to_numpy())


def _model_inputs(dataset: Dataset) -> tuple[pd.DataFrame, pd.Series]:
    """The comparison model's inputs: every feature column (the model's preprocessing picks)."""
    return dataset.X, dataset.y


def _fit_score(
    X: pd.DataFrame,
    y: pd.Series,
    task: str,
    train: np.ndarray,
    evaluate: np.ndarray,
    random_state: int,
) -> float:
    known = y.notna().to_numpy()
    train, evaluate = train[known[train]], evaluate[known[evaluate]]
    if y.iloc[train].nunique() < 2:
        return float("nan")
    model = comparison_model(X, task, random_state=random_state)
    model.fit(X.iloc[train], y.iloc[train])
    try:
        return float(
            scoring.scorer(scoring.DEFAULT_METRIC[task], task, None)(
                model, X.iloc[evaluate], y.iloc[evaluate]
            )
        )
    except ValueError:
        return float("nan")


def score_split(
    dataset: Dataset, train: np.ndarray, evaluate: np.ndarray, *, random_state: int = 0
) -> float:
    """Fit the comparison model on ``train`` rows, score it on ``evaluate`` rows.

    Rows without a target are skipped. Returns NaN when the score is undefined (one class
    only in the rows).
    """
    X, y = _model_inputs(dataset)
    with _one_thread():
        return _fit_score(X, y, dataset.task, train, evaluate, random_state)


def _one_thread() -> threadpool_limits:
    """Small matrices fit faster on one BLAS thread than on several fighting for cores."""
    return threadpool_limits(limits=1)


@dataclass(frozen=True)
class RarePositives:
    """Where the rarest class lands when the split is repeated over many seeds.

    Attributes
    ----------
    label : str
        The rarest class.
    n_rows, test_rows : int
        Rows used and rows in each test bucket.
    expected : float
        Rare rows a test bucket gets on average (the class ratio times its size).
    threshold : int
        "Almost none": at most half the expected count.
    random_counts, stratified_counts : numpy.ndarray
        Rare rows in the test bucket of each repeated split.
    """

    label: str
    n_rows: int
    test_rows: int
    expected: float
    threshold: int
    random_counts: np.ndarray
    stratified_counts: np.ndarray

    @property
    def share_random_almost_none(self) -> float:
        return float(np.mean(self.random_counts <= self.threshold))

    @property
    def share_stratified_almost_none(self) -> float:
        return float(np.mean(self.stratified_counts <= self.threshold))


def rare_class_positives(
    dataset: Dataset,
    *,
    n_rows: int | None = None,
    test_size: float = DEFAULT_SIZES[2],
    n_repeats: int = 500,
    random_state: int = 0,
) -> RarePositives:
    """Count the rarest class in the test bucket over repeated random and stratified splits.

    Parameters
    ----------
    dataset : Dataset
        A classification dataset.
    n_rows : int, optional
        Use a seeded sample of this many rows (fewer rows, fewer positives to share).
    test_size : float
    n_repeats : int
    random_state : int

    Returns
    -------
    RarePositives
    """
    if dataset.task == "regression":
        raise DataError("The target is a number: there is no rare class to count.")
    rows = _sample(_labelled(dataset), n_rows, random_state)
    y = dataset.y.to_numpy()[rows]
    values, counts = np.unique(y.astype(str), return_counts=True)
    rare = values[np.argmin(counts)]
    is_rare = y.astype(str) == rare
    if is_rare.sum() < 2:
        raise DataError("The rarest class has fewer than two rows; there is nothing to split.")
    splitters = {
        "random": ShuffleSplit(n_splits=n_repeats, test_size=test_size, random_state=random_state),
        "stratified": StratifiedShuffleSplit(
            n_splits=n_repeats, test_size=test_size, random_state=random_state
        ),
    }
    found = {
        name: np.array([int(is_rare[test].sum()) for _, test in splitter.split(rows, is_rare)])
        for name, splitter in splitters.items()
    }
    test_rows = len(next(splitters["random"].split(rows))[1])
    expected = is_rare.mean() * test_rows
    return RarePositives(
        label=str(rare),
        n_rows=len(rows),
        test_rows=test_rows,
        expected=float(expected),
        threshold=int(np.floor(expected / 2)),
        random_counts=found["random"],
        stratified_counts=found["stratified"],
    )


def _sample(rows: np.ndarray, n_rows: int | None, random_state: int) -> np.ndarray:
    if n_rows is None or n_rows >= len(rows):
        return rows
    return np.sort(np.random.default_rng(random_state).choice(rows, n_rows, replace=False))


@dataclass(frozen=True)
class ValidationSpread:
    """Scores of the same model over repeated single splits and over k folds.

    Attributes
    ----------
    metric : str
        The metric's label.
    n_rows : int
        Rows used.
    split_scores : numpy.ndarray
        Validation score of each repeated random split (one seed each).
    fold_scores : numpy.ndarray
        Score of each of the k folds.
    """

    metric: str
    n_rows: int
    split_scores: np.ndarray
    fold_scores: np.ndarray

    @property
    def split_range(self) -> tuple[float, float]:
        finite = self.split_scores[np.isfinite(self.split_scores)]
        return float(finite.min()), float(finite.max())


def validation_spread(
    dataset: Dataset,
    *,
    n_rows: int | None = None,
    n_repeats: int = 30,
    k: int = DEFAULT_K,
    validation_size: float = 0.25,
    random_state: int = 0,
    progress: Callable[[float], None] | None = None,
) -> ValidationSpread:
    """Repeat one random train/validation split over seeds, and run k-fold on the same rows.

    Classes are stratified so the spread shows the noise of one small validation set, not
    a missing class.

    Parameters
    ----------
    dataset : Dataset
    n_rows : int, optional
        Use a seeded sample of this many rows: fewer rows, a noisier validation score.
    n_repeats : int
        Number of single splits, one seed each.
    k : int
    validation_size : float
    random_state : int
        The first seed; the repeats use ``random_state + i``.
    progress : callable, optional
        Called with the fraction done after each fit.

    Returns
    -------
    ValidationSpread
    """
    rows = _sample(_labelled(dataset), n_rows, random_state)
    classes = None if dataset.task == "regression" else _labels(dataset.y)
    X, y = _model_inputs(dataset)
    with _one_thread():
        split_scores, fold_scores = _repeat_and_fold(
            X, y, dataset.task, rows, classes, n_repeats, k, validation_size, random_state, progress
        )
    return ValidationSpread(
        metric_name(dataset.task), len(rows), np.array(split_scores), np.array(fold_scores)
    )


def _repeat_and_fold(
    X: pd.DataFrame,
    y: pd.Series,
    task: str,
    rows: np.ndarray,
    classes: np.ndarray | None,
    n_repeats: int,
    k: int,
    validation_size: float,
    random_state: int,
    progress: Callable[[float], None] | None,
) -> tuple[list[float], list[float]]:
    total = n_repeats + k
    split_scores = []
    for i in range(n_repeats):
        train, validation = _shuffled_split(
            rows, validation_size, labels=classes, random_state=random_state + i
        )
        split_scores.append(_fit_score(X, y, task, train, validation, random_state))
        if progress:
            progress((i + 1) / total)
    if classes is None:
        splitter = KFold(n_splits=k, shuffle=True, random_state=random_state)
    else:
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state)
    fold_scores = []
    try:
        pairs = list(splitter.split(rows, None if classes is None else classes[rows]))
    except ValueError as error:
        raise DataError(f"Cannot make {k} folds from these rows ({error}); lower k.") from error
    for j, (train, validation) in enumerate(pairs):
        fold_scores.append(_fit_score(X, y, task, rows[train], rows[validation], random_state))
        if progress:
            progress((n_repeats + j + 1) / total)
    return split_scores, fold_scores


@dataclass(frozen=True)
class ShuffleGap:
    """The same model scored on a shuffled split and on a time split of the same rows.

    Attributes
    ----------
    metric : str
    random_score, time_score : float
        Test score after fitting on the training bucket of each split.
    time_cut : str
        Where the time split's test period starts.
    """

    metric: str
    random_score: float
    time_score: float
    time_cut: str

    @property
    def gap(self) -> float:
        return self.random_score - self.time_score


def shuffle_versus_time(
    dataset: Dataset,
    *,
    sizes: tuple[float, float, float] = DEFAULT_SIZES,
    random_state: int = 0,
) -> ShuffleGap:
    """Score the comparison model on the test bucket of a random and of a time split.

    Both splits use the same bucket sizes and the same model; only the shuffling differs.
    """
    if not dataset.time_column:
        raise DataError("There is no time column, so shuffling cannot break time order here.")
    shuffled = make_buckets(dataset, SplitChoice("random"), sizes=sizes, random_state=random_state)
    timed = make_buckets(dataset, SplitChoice("time"), sizes=sizes, random_state=random_state)
    return ShuffleGap(
        metric_name(dataset.task),
        score_split(dataset, shuffled.train, shuffled.test, random_state=random_state),
        score_split(dataset, timed.train, timed.test, random_state=random_state),
        _show_time(default_time_cuts(dataset, sizes)[1]),
    )
