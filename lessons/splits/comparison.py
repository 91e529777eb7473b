"""The same model on every split: scores, rare positives, validation spread, shuffle versus time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

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
from lessons.uncertainty import (
    N_RESAMPLES,
    Comparison,
    ScoreInterval,
    bootstrap_interval,
    fold_mean_interval,
    metric_function,
    paired_bootstrap,
)

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

    @property
    def fold_spread(self) -> float:
        """How much one fold's score varies: the standard deviation of the fold scores."""
        return float(np.std(self._finite_folds, ddof=1))

    @property
    def fold_mean(self) -> ScoreInterval:
        """The k-fold mean and how sure it is: a corrected t-interval
        (``lessons.uncertainty.fold_mean_interval``), not the fold standard deviation."""
        return fold_mean_interval(self._finite_folds, test_fraction=1 / len(self.fold_scores))

    @property
    def _finite_folds(self) -> np.ndarray:
        return self.fold_scores[np.isfinite(self.fold_scores)]


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


MIN_BOOTSTRAP_ENTITIES = 20
"""Entities needed to resample whole entities; with fewer (five stores) rows are resampled."""
MIN_SHARED_ROWS = 50
"""Future rows both test buckets must share before the gap is taken apart: on fewer, the
interval of the difference spans most of the metric's range."""


@dataclass(frozen=True)
class GapParts:
    """The gap between a shuffled and a time split, taken apart on the time split's future.

    Attributes
    ----------
    past, future : lessons.uncertainty.ScoreInterval
        The shuffled model on its test rows before the time split's test cut and from the
        cut on (the future rows, which are in both test buckets).
    look_ahead : lessons.uncertainty.Comparison
        The shuffled model against the time-trained model on those same future rows, by a
        paired bootstrap: what having trained on rows from the future buys.
    """

    past: ScoreInterval
    future: ScoreInterval
    look_ahead: Comparison


@dataclass(frozen=True)
class ShuffleGap:
    """The same model under a shuffled and a time split of the same rows, and why they differ.

    Attributes
    ----------
    metric : str
    random_score : float
        The shuffled model on its whole test bucket: what a shuffled split reports.
    time_score : float
        The time-trained model on its whole test bucket: what a time split reports.
    time_cut : str
        Where the time split's test period starts.
    n_shared : int
        Future rows in both test buckets.
    parts : GapParts or None
        The gap taken apart; None when fewer than ``MIN_SHARED_ROWS`` rows are shared.
    """

    metric: str
    random_score: float
    time_score: float
    time_cut: str
    n_shared: int
    parts: GapParts | None

    SHUFFLED: ClassVar[str] = "the shuffled model"
    TIME_TRAINED: ClassVar[str] = "the time-trained model"

    @property
    def gap(self) -> float:
        """How much higher the shuffled split reports than the time split."""
        return self.random_score - self.time_score

    @property
    def easier_past(self) -> float:
        """The gap's "easier past" part: the shuffled model on its whole test bucket against
        the same model on its future rows only. NaN when the gap was not taken apart."""
        return self.random_score - self.parts.future.score if self.parts else float("nan")

    @property
    def look_ahead(self) -> float:
        """The gap's "look-ahead" part: shuffled against time-trained model on the same
        future rows. NaN when the gap was not taken apart."""
        return self.parts.look_ahead.difference if self.parts else float("nan")

    @property
    def main_cause(self) -> str | None:
        """Which part explains most of the gap: ``"easier_past"``, ``"look_ahead"``, or
        ``"neither"`` when no part stands out from its noise; None when not taken apart.

        A part counts only when it is real: the look-ahead when its paired interval lies
        above zero, the easier past when the past rows' interval lies above the future's.
        """
        if self.parts is None:
            return None
        past, future = self.parts.past, self.parts.future
        look_ahead = self.look_ahead if self.parts.look_ahead.better == self.SHUFFLED else 0.0
        easier_past = self.easier_past if past.low > future.high else 0.0
        if look_ahead <= 0 and easier_past <= 0:
            return "neither"
        return "look_ahead" if look_ahead > easier_past else "easier_past"

    @property
    def remainder(self) -> float:
        """What is left: the time-trained model on the shared future rows against its whole
        test bucket, a sampling difference between two sets of the same period's rows."""
        return self.gap - self.easier_past - self.look_ahead


def _prediction(model: Pipeline, X: pd.DataFrame, task: str) -> np.ndarray:
    """What the lesson's metric reads from the model (``scoring.Metric.needs``)."""
    if scoring.metric(scoring.DEFAULT_METRIC[task]).needs in ("scores", "probabilities"):
        probabilities = model.predict_proba(X)
        return probabilities[:, 1] if task == "binary" else probabilities
    return model.predict(X)


def _predict_rows(dataset: Dataset, model: Pipeline, rows: np.ndarray) -> np.ndarray:
    """The model's predictions of ``rows``, placed at their positions in a full-length array."""
    prediction = _prediction(model, dataset.X.iloc[rows], dataset.task)
    placed = np.empty((dataset.n_rows, *prediction.shape[1:]), dtype=prediction.dtype)
    placed[rows] = prediction
    return placed


def _fitted(dataset: Dataset, train: np.ndarray, random_state: int) -> Pipeline:
    X, y = _model_inputs(dataset)
    train = train[y.iloc[train].notna().to_numpy()]
    model = comparison_model(X, dataset.task, random_state=random_state)
    return model.fit(X.iloc[train], y.iloc[train])


def _entities(dataset: Dataset, rows: np.ndarray) -> np.ndarray | None:
    """The entity of each scored row when there are enough to resample whole entities."""
    if not dataset.group_column:
        return None
    entities = dataset.frame[dataset.group_column].to_numpy()[rows]
    return entities if len(np.unique(entities)) >= MIN_BOOTSTRAP_ENTITIES else None


def shuffle_versus_time(
    dataset: Dataset,
    *,
    sizes: tuple[float, float, float] = DEFAULT_SIZES,
    n_resamples: int = N_RESAMPLES,
    random_state: int = 0,
) -> ShuffleGap:
    """Score a shuffled split and a time split of the same rows, and take the gap apart.

    Both splits use the same bucket sizes and the same model. The gap between what each
    reports has two causes that this function measures apart: the shuffled test bucket mixes
    in past rows, which may be easier to predict ("easier past"), and the shuffled model
    trained on rows from the future period it is scored on ("look-ahead"). The look-ahead is
    read on the future rows both test buckets share, with a paired bootstrap; when its
    interval includes zero, the page says "no real difference". Bootstraps resample whole
    entities when the dataset has enough of them.

    Parameters
    ----------
    dataset : Dataset
        A dataset with a time column.
    sizes : tuple of float
        Train, validation and test fractions of both splits.
    n_resamples : int
        Bootstrap resamples of each interval.
    random_state : int

    Returns
    -------
    ShuffleGap
        Its ``parts`` are None when fewer than ``MIN_SHARED_ROWS`` future rows are shared.
    """
    if not dataset.time_column:
        raise DataError("There is no time column, so shuffling cannot break time order here.")
    shuffled = make_buckets(dataset, SplitChoice("random"), sizes=sizes, random_state=random_state)
    timed = make_buckets(dataset, SplitChoice("time"), sizes=sizes, random_state=random_state)
    labelled = dataset.y.notna().to_numpy()
    shuffled_test = shuffled.test[labelled[shuffled.test]]
    timed_test = timed.test[labelled[timed.test]]
    shared = np.intersect1d(shuffled_test, timed_test)
    past = np.setdiff1d(shuffled_test, timed_test)
    if len(shared) == 0 or len(past) == 0:
        raise DataError("The shuffled test bucket has no rows on one side of the time cut.")
    y = dataset.y.to_numpy()
    with _one_thread():
        shuffled_says = _predict_rows(
            dataset, _fitted(dataset, shuffled.train, random_state), shuffled_test
        )
        time_says = _predict_rows(dataset, _fitted(dataset, timed.train, random_state), timed_test)
    key = scoring.DEFAULT_METRIC[dataset.task]
    score = metric_function(
        scoring.DEFAULT_METRIC[dataset.task], dataset.task, dataset.positive_class
    )

    def on(rows: np.ndarray, says: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return y[rows], says[rows]

    def interval(rows: np.ndarray) -> ScoreInterval:
        truth, prediction = on(rows, shuffled_says)
        return bootstrap_interval(
            score,
            truth,
            prediction,
            groups=_entities(dataset, rows),
            n_resamples=n_resamples,
            random_state=random_state,
        )

    parts = None
    if len(shared) >= MIN_SHARED_ROWS:
        truth, shuffled_prediction = on(shared, shuffled_says)
        parts = GapParts(
            past=interval(past),
            future=interval(shared),
            look_ahead=paired_bootstrap(
                score,
                truth,
                shuffled_prediction,
                on(shared, time_says)[1],
                greater_is_better=scoring.metric(key).greater_is_better,
                names=(ShuffleGap.SHUFFLED, ShuffleGap.TIME_TRAINED),
                groups=_entities(dataset, shared),
                n_resamples=n_resamples,
                random_state=random_state,
            ),
        )
    return ShuffleGap(
        metric=metric_name(dataset.task),
        random_score=_safe_score(score, *on(shuffled_test, shuffled_says)),
        time_score=_safe_score(score, *on(timed_test, time_says)),
        time_cut=_show_time(default_time_cuts(dataset, sizes)[1]),
        n_shared=len(shared),
        parts=parts,
    )


def _safe_score(score: Callable[[np.ndarray, np.ndarray], float], y, prediction) -> float:
    try:
        return float(score(y, prediction))
    except ValueError:  # one class only among the rows
        return float("nan")
