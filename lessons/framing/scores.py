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

EXPECTED_COST = "expected_cost"
"""The decision metric of a two-class problem with priced errors: the mean cost of the
errors per 1,000 rows, false alarms at ``c_FP`` and misses at ``c_FN`` each. It needs the
learner's prices, so it lives with this lesson rather than in the shared registry."""


def metric_name(metric: str) -> str:
    """The registry's name, with this lesson's ranking cut-off filled in."""
    if metric == EXPECTED_COST:
        return "Expected cost per 1,000 rows"
    return scoring.metric(metric).name.replace("@k", f"@{RANKING_K}")


def higher_is_better(metric: str) -> bool:
    return metric != EXPECTED_COST and scoring.metric(metric).greater_is_better


def thresholded(metric: str) -> bool:
    """True for metrics of yes/no answers, which the decision threshold changes."""
    return metric == EXPECTED_COST or scoring.metric(metric).thresholded


def cost_per_thousand(
    y_true: np.ndarray, flagged: np.ndarray, cost_fp: float, cost_fn: float
) -> float:
    """Mean cost of the errors per 1,000 rows when ``flagged`` rows are called positive."""
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(flagged).astype(bool)
    false_pos = np.sum(flagged & ~y_true)
    false_neg = np.sum(~flagged & y_true)
    return float(1000 * (cost_fp * false_pos + cost_fn * false_neg) / len(y_true))


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
    costs: tuple[float, float] = (1.0, 1.0),
) -> float:
    """Score predictions with one of ``lessons.scoring.REGISTRY``'s keys or ``EXPECTED_COST``.

    Classification targets are encoded as ``0..n_classes-1``; for binary, class 1 is the
    positive class. ``quantile`` is used by ``"pinball"``, ``groups`` (query ids) by
    ``"ndcg_at_k"``, ``costs`` (a false alarm, a miss) by ``EXPECTED_COST``.
    """
    labels, scores = predictions.labels, predictions.scores
    binary = scores is not None and scores.shape[1] == 2
    if metric == EXPECTED_COST:
        return cost_per_thousand(y_true, labels == 1, *costs)
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
        values = ndcg_per_query(y_true, labels, groups)
        return float(np.nanmean(values)) if np.isfinite(values).any() else float("nan")
    raise DataError(f"Unknown metric {metric!r}.")


def ndcg_per_query(
    y_true: np.ndarray, y_score: np.ndarray, groups: np.ndarray | None
) -> np.ndarray:
    """NDCG@10 of each query, in ``pd.unique(groups)`` order; NaN for a query with one row or
    no relevant document (it cannot tell orders apart)."""
    if groups is None:
        raise DataError("NDCG@10 needs the query of each row.")
    values = []
    for group in pd.unique(groups):
        rows = groups == group
        if rows.sum() < 2 or np.all(y_true[rows] == 0):
            values.append(np.nan)
            continue
        values.append(skm.ndcg_score(y_true[rows][None, :], y_score[rows][None, :], k=RANKING_K))
    return np.asarray(values, dtype=float)


def format_score(metric: str, value: float | None) -> str:
    """A score as a person reads it: percentages for rates, plain numbers for errors."""
    if value is None or not np.isfinite(value):
        return "n/a"
    if metric == EXPECTED_COST:
        return f"{value:,.1f}"
    if metric in ("accuracy", "precision", "recall", "mape"):
        return f"{value:.1%}"
    if higher_is_better(metric) or metric == "log_loss":
        return f"{value:.3f}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"


def format_difference(metric: str, value: float) -> str:
    """A signed difference of two scores in the metric's units: ``+2.1 points``, ``-35.0``."""
    if not np.isfinite(value):
        return "n/a"
    if metric in ("accuracy", "precision", "recall", "mape"):
        return f"{value * 100:+.1f} points"
    if metric == EXPECTED_COST:
        return f"{value:+,.1f}"
    if higher_is_better(metric) or metric == "log_loss":
        return f"{value:+.3f}"
    return f"{value:+,.4g}"
