"""Question 4's threshold is chosen on the training rows, on out-of-fold predictions.

A model's probabilities of the rows it was fitted on are too confident, so the threshold is
read from predictions of training rows made by copies of the quick model that never saw
them (cross-validated, "out-of-fold"). The folds follow the split: with a time split each
block of training rows is predicted by a model fitted only on rows whose label was settled
before the block starts (the first block gets no prediction); with an entity column whole
entities stay in one fold; otherwise the folds keep the class shares. The validation rows
then score the threshold, and the test rows are never read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold, StratifiedKFold
from threadpoolctl import threadpool_limits

from lessons import training
from lessons.datasets import Dataset
from lessons.splits import label_settled, time_values

N_FOLDS = 3
"""Folds of the training rows (predicted time blocks, with a time split)."""

FIRST_FIT = 0.4
"""With a time split, the share of training rows (the earliest) no fold predicts."""


@dataclass(frozen=True)
class OutOfFold:
    """Positive-class probabilities of the training rows from models that did not see them.

    Attributes
    ----------
    probability : numpy.ndarray
        One per training row, in training order; NaN for rows no fold predicted (the first
        time block, which has no past to learn from).
    scheme : str
        How the folds were cut, in words.
    """

    probability: np.ndarray
    scheme: str

    @property
    def predicted(self) -> np.ndarray:
        """Mask of the training rows that have an out-of-fold prediction."""
        return np.isfinite(self.probability)


def out_of_fold(
    framed: Dataset,
    train: np.ndarray,
    y_train: np.ndarray,
    model_key: str,
    *,
    n_folds: int = N_FOLDS,
    random_state: int = 0,
) -> OutOfFold:
    """Cross-validated positive-class probabilities of the training rows (two classes).

    Parameters
    ----------
    framed : Dataset
        The dataset with the lesson's target.
    train : numpy.ndarray
        Positions of the training rows in ``framed``.
    y_train : numpy.ndarray
        Their encoded targets (1 = positive).
    model_key : str
        The quick model's key in the Train page's registry, the same for every fold.
    n_folds : int
    random_state : int

    Returns
    -------
    OutOfFold
    """
    X_train = framed.X.iloc[train]
    folds, scheme = _folds(framed, train, y_train, n_folds, random_state)
    probability = np.full(len(train), np.nan)
    # One thread: boosting's threads fight each other on a small shared server.
    with threadpool_limits(1):
        for fit_rows, predict_rows in folds:
            if len(np.unique(y_train[fit_rows])) < 2:
                continue  # a fold with one class cannot learn; its rows stay unpredicted
            pipeline = training.model_pipeline(
                model_key, "classification", training.check_params(model_key, {}), random_state
            ).fit(X_train.iloc[fit_rows], y_train[fit_rows])
            positive = list(pipeline.classes_).index(1)
            probability[predict_rows] = pipeline.predict_proba(X_train.iloc[predict_rows])[
                :, positive
            ]
    return OutOfFold(probability, scheme)


def _folds(
    framed: Dataset, train: np.ndarray, y_train: np.ndarray, n_folds: int, random_state: int
) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    """(fit rows, predicted rows) pairs, positions within the training rows, and their scheme."""
    if framed.time_column:
        return _time_folds(framed, train, n_folds)
    if framed.group_column:
        groups = framed.frame[framed.group_column].to_numpy()[train]
        n_splits = min(n_folds, len(pd.unique(groups)))
        folds = list(GroupKFold(n_splits=n_splits).split(train, y_train, groups))
        return folds, f"{n_splits} folds that keep each {framed.group_column!r} in one fold"
    n_splits = max(2, min(n_folds, int(np.bincount(y_train).min())))
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    return list(splitter.split(train, y_train)), f"{n_splits} folds with the same class shares"


def _time_folds(
    framed: Dataset, train: np.ndarray, n_folds: int
) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    """Blocks of equal row counts in time order, cut between distinct times; each block is
    predicted by a model fitted on the rows whose label was settled before it starts."""
    times = time_values(framed).iloc[train].to_numpy()
    settled = label_settled(framed).iloc[train].to_numpy()
    ordered = np.sort(times)
    # The first fold fits on the earliest FIRST_FIT share of rows: fold models fitted on far
    # fewer rows than the quick model give probabilities on another scale, and the later
    # training rows are the ones most like the validation period.
    shares = FIRST_FIT + (1 - FIRST_FIT) * np.arange(n_folds) / n_folds
    cuts = np.unique([ordered[int(len(ordered) * share)] for share in shares])
    folds = []
    for index, start in enumerate(cuts):
        end = cuts[index + 1] if index + 1 < len(cuts) else None
        block = (times >= start) & (times < end) if end is not None else times >= start
        fit = settled < start
        if block.any() and fit.any():
            folds.append((np.flatnonzero(fit), np.flatnonzero(block)))
    scheme = (
        f"{len(folds)} time-ordered folds on {framed.time_column!r}: each block is predicted by a "
        "model fitted only on earlier rows whose label was already known"
    )
    return folds, scheme
