"""The threshold: the operating point at a chosen threshold, and the ROC and PR curves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import (
    average_precision_score,
    precision_recall_curve,
    roc_auc_score,
    roc_curve,
)

from lessons.errors import DataError

# --- The threshold ----------------------------------------------------------------------


@dataclass(frozen=True)
class OperatingPoint:
    """What flagging every score at or above ``threshold`` does on held-out rows."""

    threshold: float
    true_negatives: int
    false_positives: int
    false_negatives: int
    true_positives: int
    cost: float

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def false_positive_rate(self) -> float:
        negatives = self.true_negatives + self.false_positives
        return self.false_positives / negatives if negatives else 0.0

    @property
    def accuracy(self) -> float:
        total = self.true_negatives + self.false_positives + self.false_negatives
        total += self.true_positives
        return (self.true_positives + self.true_negatives) / total


def operating_point(
    y_true: Sequence[int],
    y_score: Sequence[float],
    threshold: float,
    *,
    cost_false_positive: float = 1.0,
    cost_false_negative: float = 1.0,
) -> OperatingPoint:
    """Confusion counts and total cost when scores at or above ``threshold`` are flagged."""
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(y_score, dtype=float) >= threshold
    tp = int(np.sum(flagged & y_true))
    fp = int(np.sum(flagged & ~y_true))
    fn = int(np.sum(~flagged & y_true))
    tn = len(y_true) - tp - fp - fn
    return OperatingPoint(
        threshold, tn, fp, fn, tp, fp * cost_false_positive + fn * cost_false_negative
    )


@dataclass(frozen=True)
class Curves:
    """ROC and precision-recall curves, and the cost of every threshold on a grid."""

    false_positive_rate: np.ndarray
    true_positive_rate: np.ndarray
    precision: np.ndarray
    recall: np.ndarray
    roc_auc: float
    pr_auc: float
    thresholds: np.ndarray
    costs: np.ndarray

    @property
    def best_threshold(self) -> float:
        return float(self.thresholds[int(np.argmin(self.costs))])


def curves(
    y_true: Sequence[int],
    y_score: Sequence[float],
    *,
    cost_false_positive: float = 1.0,
    cost_false_negative: float = 1.0,
    grid: int = 101,
) -> Curves:
    """ROC and PR curves (scikit-learn) and total cost on ``grid`` thresholds from 0 to 1.

    Raises
    ------
    DataError
        If the rows hold a single class: neither curve is defined.
    """
    y_true = np.asarray(y_true).astype(int)
    y_score = np.asarray(y_score, dtype=float)
    if len(np.unique(y_true)) < 2:
        raise DataError(
            "These rows hold a single class, so ROC and PR curves are not defined; "
            "try another seed or a split with more held-out rows."
        )
    fpr, tpr, _ = roc_curve(y_true, y_score)
    precision, recall, _ = precision_recall_curve(y_true, y_score)
    thresholds = np.linspace(0, 1, grid)
    flagged = y_score[None, :] >= thresholds[:, None]
    positives = y_true.astype(bool)[None, :]
    costs = (flagged & ~positives).sum(axis=1) * cost_false_positive + (~flagged & positives).sum(
        axis=1
    ) * cost_false_negative
    return Curves(
        fpr,
        tpr,
        precision,
        recall,
        float(roc_auc_score(y_true, y_score)),
        float(average_precision_score(y_true, y_score)),
        thresholds,
        costs.astype(float),
    )
