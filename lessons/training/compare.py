"""Lesson 4, how sure a comparison is: two fits, a fit and its baseline, train against validation.

A fit keeps what its metric read on every validation row (and on the train-score rows), encoded
so that the fast score functions of ``lessons.metrics.noise`` apply: 0/1 targets and the
positive class's score for a yes/no target, class indices for several classes. The
resampling is ``lessons.uncertainty``'s; only the encoding lives here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.pipeline import Pipeline

from lessons import scoring, uncertainty
from lessons.models import estimator_kind
from lessons.scoring import fast
from lessons.uncertainty import Comparison, ScoreFunction, ScoreInterval

# Metrics read from hard labels, encoded as one-hot rows (multiclass) or 0/1 (binary).
_LABEL_METRICS = ("accuracy", "balanced_accuracy", "f1")


@dataclass(frozen=True)
class Encoded:
    """A model's answers on some rows, in the form the fast score functions read.

    Attributes
    ----------
    y : numpy.ndarray
        0/1 (binary), class index (multiclass) or the value (regression).
    response : numpy.ndarray
        What the metric reads, encoded the same way.
    groups : numpy.ndarray or None
        The entity of each row (a customer, a store) when the data has one: the bootstrap
        resamples whole entities, as one customer's months are not independent witnesses.
    """

    y: np.ndarray
    response: np.ndarray
    groups: np.ndarray | None = None


def score_function(metric: str, task: str) -> ScoreFunction:
    """``f(y, response)`` for ``Encoded`` rows, equal to the registry metric."""
    if metric == "balanced_accuracy":
        # The mean recall of the classes: macro recall on one-hot labels, any number of classes.
        return fast.score_function("recall", "multiclass")
    if task == "binary" and metric in _LABEL_METRICS:
        return fast.score_function(metric, "binary", threshold=0.5)
    found = fast.score_function(metric, task)
    if found is None:
        raise ValueError(f"no fast score function for {metric} on a {task} target")
    return found


def encode(
    pipeline: Pipeline,
    X,
    y,
    metric: str,
    task: str,
    positive: object,
    groups: np.ndarray | None = None,
) -> Encoded:
    """Predict ``X`` as the metric's scorer would, and encode targets and answers.

    Parameters
    ----------
    pipeline : fitted estimator or Pipeline
    X, y : the rows and their targets
    metric : str
        A registry key the task can be scored with (``lessons.scoring.scorable``).
    task : {"binary", "multiclass", "regression"}
    positive : object
        The positive class of a yes/no target.
    groups : array-like, optional
        The entity of each row.
    """
    answers = _encode(pipeline, X, np.asarray(y), metric, task, positive)
    return Encoded(answers.y, answers.response, None if groups is None else np.asarray(groups))


def row_groups(dataset, positions: np.ndarray) -> np.ndarray | None:
    """The entity of each row at ``positions``, or None when the data has no entity column."""
    if not dataset.group_column:
        return None
    return dataset.frame[dataset.group_column].iloc[positions].to_numpy()


def _encode(pipeline: Pipeline, X, y: np.ndarray, metric: str, task: str, positive) -> Encoded:
    if task == "regression":
        return Encoded(y.astype(float), np.asarray(pipeline.predict(X), dtype=float))
    classes = list(pipeline.classes_)
    index = {label: i for i, label in enumerate(classes)}
    y_index = np.array([index.get(label, -1) for label in y])
    if metric in _LABEL_METRICS:
        predicted = np.array([index[label] for label in pipeline.predict(X)])
        onehot = np.eye(len(classes))[predicted]
        if task == "binary" and metric != "balanced_accuracy":
            flagged = (np.asarray(classes)[predicted] == positive).astype(float)
            return Encoded((y == positive).astype(int), flagged)
        return Encoded(y_index, onehot)
    if task == "multiclass":
        return Encoded(y_index, pipeline.predict_proba(X))
    # Yes/no scores and probabilities: the positive class's column, or a signed margin.
    if hasattr(pipeline, "predict_proba"):
        response = pipeline.predict_proba(X)[:, classes.index(positive)]
    else:
        decision = pipeline.decision_function(X)
        response = decision if positive == classes[-1] else -decision
    return Encoded((y == positive).astype(int), np.asarray(response, dtype=float))


def compare_encoded(
    metric: str,
    task: str,
    a: Encoded,
    b: Encoded,
    *,
    names: tuple[str, str],
    random_state: int = 0,
) -> Comparison:
    """Two models' answers on the same rows, compared by a paired bootstrap."""
    if a.y.shape != b.y.shape or not np.array_equal(a.y, b.y):
        raise ValueError("a paired comparison needs the same rows on both sides")
    return uncertainty.paired_bootstrap(
        score_function(metric, task),
        a.y,
        a.response,
        b.response,
        greater_is_better=scoring.metric(metric).greater_is_better,
        names=names,
        groups=a.groups,
        random_state=random_state,
    )


def interval(metric: str, task: str, rows: Encoded, *, random_state: int = 0) -> ScoreInterval:
    """One score with its 95 % bootstrap interval."""
    return uncertainty.bootstrap_interval(
        score_function(metric, task),
        rows.y,
        rows.response,
        groups=rows.groups,
        random_state=random_state,
    )


@dataclass(frozen=True)
class GapNoise:
    """The train-validation gap next to the noise of the two scores.

    Attributes
    ----------
    gap : float
        How much better the model scores on train than on validation (metric units).
    noise : float
        Half-width of the gap's 95 % band: the two scores' half-widths combined as
        independent (train and validation are different rows).
    """

    gap: float
    noise: float

    @property
    def within_noise(self) -> bool:
        return not np.isfinite(self.noise) or abs(self.gap) <= self.noise


def gap_noise(
    metric: str,
    task: str,
    train: Encoded,
    validation: Encoded,
    gap: float,
    *,
    random_state: int = 0,
) -> GapNoise:
    """Whether a train-validation gap is larger than the noise of the two scores."""
    halves = [
        interval(metric, task, rows, random_state=random_state).half_width
        for rows in (train, validation)
    ]
    return GapNoise(gap, float(np.hypot(*halves)))


def baseline_encoded(dataset, train: np.ndarray, validation: np.ndarray, metric: str) -> Encoded:
    """The no-features baseline's answers on the validation rows, encoded like a fit's."""
    dummy = (
        DummyClassifier(strategy="prior")
        if estimator_kind(dataset) == "classification"
        else DummyRegressor(strategy="mean")
    )
    dummy.fit(dataset.X.iloc[train], dataset.y.iloc[train])
    return encode(
        dummy,
        dataset.X.iloc[validation],
        dataset.y.iloc[validation],
        metric,
        dataset.task,
        dataset.positive_class,
        row_groups(dataset, validation),
    )
