"""The shared metric vocabulary of the framing lesson, each score computed with scikit-learn."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn import metrics as skm

from lessons import scoring
from lessons.errors import DataError

# --------------------------------------------------------------------------------------
# Metrics (the shared vocabulary), computed with scikit-learn
# --------------------------------------------------------------------------------------

RANKING_K = 10


def metric_name(metric: str) -> str:
    """The registry's name, with this lesson's ranking cut-off filled in."""
    return scoring.metric(metric).name.replace("@k", f"@{RANKING_K}")


def higher_is_better(metric: str) -> bool:
    return scoring.metric(metric).greater_is_better


@dataclass(frozen=True)
class Predictions:
    """What a model or a baseline said about the held-out rows.

    Attributes
    ----------
    labels : numpy.ndarray
        Predicted classes (classification, encoded as ``0..n_classes-1``) or numbers.
    scores : numpy.ndarray or None
        Classification: probability of each class, shape (n, n_classes). None for
        regression.
    """

    labels: np.ndarray
    scores: np.ndarray | None = None


def score(
    metric: str,
    y_true: np.ndarray,
    predictions: Predictions,
    *,
    quantile: float = 0.5,
    groups: np.ndarray | None = None,
) -> float:
    """Score predictions with one of ``lessons.scoring.REGISTRY``'s keys.

    Classification targets are encoded as ``0..n_classes-1``; for binary, class 1 is the
    positive class. ``quantile`` is used by ``"pinball"``, ``groups`` (query ids) by
    ``"ndcg_at_k"``.
    """
    labels, scores = predictions.labels, predictions.scores
    binary = scores is not None and scores.shape[1] == 2
    if metric == "accuracy":
        return float(skm.accuracy_score(y_true, labels))
    if metric in ("f1", "precision", "recall"):
        average = "binary" if binary else "macro"
        scorer = {"f1": skm.f1_score, "precision": skm.precision_score, "recall": skm.recall_score}
        return float(scorer[metric](y_true, labels, average=average, zero_division=0))
    if metric in ("roc_auc", "pr_auc", "log_loss"):
        if scores is None:
            raise DataError(f"{metric_name(metric)} needs predicted probabilities.")
        if metric == "log_loss":
            return float(skm.log_loss(y_true, scores, labels=np.arange(scores.shape[1])))
        if not binary:
            raise DataError(f"{metric_name(metric)} is defined here for two classes only.")
        if len(np.unique(y_true)) < 2:
            return float("nan")
        if metric == "roc_auc":
            return float(skm.roc_auc_score(y_true, scores[:, 1]))
        return float(skm.average_precision_score(y_true, scores[:, 1]))
    if metric == "rmse":
        return float(skm.root_mean_squared_error(y_true, labels))
    if metric == "mae":
        return float(skm.mean_absolute_error(y_true, labels))
    if metric == "r2":
        return float(skm.r2_score(y_true, labels))
    if metric == "mape":
        return float(skm.mean_absolute_percentage_error(y_true, labels))
    if metric == "pinball":
        return float(skm.mean_pinball_loss(y_true, labels, alpha=quantile))
    if metric == "ndcg_at_k":
        return _mean_ndcg(y_true, labels, groups)
    raise DataError(f"Unknown metric {metric!r}.")


def _mean_ndcg(y_true: np.ndarray, y_score: np.ndarray, groups: np.ndarray | None) -> float:
    if groups is None:
        raise DataError("NDCG@10 needs the query of each row.")
    values = []
    for group in pd.unique(groups):
        rows = groups == group
        if rows.sum() < 2 or np.all(y_true[rows] == 0):
            continue
        values.append(skm.ndcg_score(y_true[rows][None, :], y_score[rows][None, :], k=RANKING_K))
    return float(np.mean(values)) if values else float("nan")


def format_score(metric: str, value: float | None) -> str:
    """A score as a person reads it: percentages for rates, plain numbers for errors."""
    if value is None or not np.isfinite(value):
        return "n/a"
    if metric in ("accuracy", "precision", "recall", "mape"):
        return f"{value:.1%}"
    if higher_is_better(metric) or metric == "log_loss":
        return f"{value:.3f}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"
