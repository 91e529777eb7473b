"""The side-by-side score tables: every metric a task offers, on the same predictions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_pinball_loss,
    r2_score,
    roc_auc_score,
    root_mean_squared_error,
)

from lessons.scoring.extra_metrics import (
    _paired,
    hit_at_k,
    map_at_k,
    mase,
    mrr,
    ndcg_at_k,
    precision_at_k,
    recall_at_k,
    smape,
)
from lessons.scoring.registry import REGISTRY, _f1, _precision, _recall


@dataclass(frozen=True)
class MetricScore:
    """One metric's value on one set of predictions, ready to show.

    Attributes
    ----------
    key : str
        Registry key.
    label : str
        Display name with its setting, e.g. ``"Pinball loss (q=0.9)"``.
    value : float
        NaN when the metric is undefined on these rows (see ``note``).
    greater_is_better : bool
    note : str
        Why the value is missing, or what it was computed at.
    """

    key: str
    label: str
    value: float
    greater_is_better: bool
    note: str = ""


def _score(key: str, compute: Callable[[], float], label: str | None = None) -> MetricScore:
    entry = REGISTRY[key]
    try:
        value, note = float(compute()), ""
    except (ValueError, ZeroDivisionError) as error:
        value, note = float("nan"), str(error).split("\n")[0]
    return MetricScore(key, label or entry.name, value, entry.greater_is_better, note)


def score_binary(
    y_true: Sequence[int], y_score: Sequence[float], *, threshold: float = 0.5, k: int = 100
) -> tuple[MetricScore, ...]:
    """Every classification metric on the same binary predictions.

    Parameters
    ----------
    y_true : array-like of 0/1
    y_score : array-like of float
        Predicted probability of the positive class.
    threshold : float, default=0.5
        Scores at or above it are flagged positive (for accuracy, precision, recall, F1).
    k : int, default=100
        How many top-scored rows precision@k and recall@k look at.
    """
    y_true = np.asarray(y_true).astype(int)
    y_score = np.clip(np.asarray(y_score, dtype=float), 0, 1)
    flagged = (y_score >= threshold).astype(int)
    return (
        _score("accuracy", lambda: accuracy_score(y_true, flagged)),
        _score("precision", lambda: _precision(y_true, flagged)),
        _score("recall", lambda: _recall(y_true, flagged)),
        _score("f1", lambda: _f1(y_true, flagged)),
        _score("roc_auc", lambda: _needs_both_classes(roc_auc_score, y_true, y_score)),
        _score("pr_auc", lambda: _needs_both_classes(average_precision_score, y_true, y_score)),
        _score("log_loss", lambda: log_loss(y_true, y_score, labels=[0, 1])),
        _score("brier", lambda: brier_score_loss(y_true, y_score, labels=[0, 1])),
        _score("precision_at_k", lambda: precision_at_k(y_true, y_score, k=k), f"Precision@{k}"),
        _score("recall_at_k", lambda: recall_at_k(y_true, y_score, k=k), f"Recall@{k}"),
    )


def score_multiclass(y_true: Sequence[int], proba: np.ndarray) -> tuple[MetricScore, ...]:
    """Classification metrics for several classes; per-class ones are macro-averaged.

    ``y_true`` holds class indices into the columns of ``proba``. Precision@k and recall@k
    need one positive class, so they are left out here.
    """
    y_true = np.asarray(y_true).astype(int)
    labels = list(range(proba.shape[1]))
    predicted = proba.argmax(axis=1)
    onehot = np.eye(len(labels))[y_true]
    return (
        _score("accuracy", lambda: accuracy_score(y_true, predicted)),
        _score(
            "precision", lambda: _precision(y_true, predicted, average="macro"), "Precision (macro)"
        ),
        _score("recall", lambda: _recall(y_true, predicted, average="macro"), "Recall (macro)"),
        _score("f1", lambda: _f1(y_true, predicted, average="macro"), "F1 (macro)"),
        _score(
            "roc_auc",
            lambda: roc_auc_score(y_true, proba, multi_class="ovr", labels=labels),
            "ROC AUC (one-vs-rest)",
        ),
        _score(
            "pr_auc", lambda: average_precision_score(onehot, proba), "PR AUC (macro, one-vs-rest)"
        ),
        _score("log_loss", lambda: log_loss(y_true, proba, labels=labels)),
        _score("brier", lambda: brier_score_loss(y_true, proba, labels=labels)),
    )


def score_regression(
    y_true: Sequence[float],
    y_pred: Sequence[float],
    quantile_predictions: dict[float, np.ndarray] | None = None,
) -> tuple[MetricScore, ...]:
    """RMSE, MAE, R², MAPE, sMAPE, and pinball loss of each quantile forecast given."""
    y_true, y_pred = _paired(y_true, y_pred)
    scores = [
        _score("rmse", lambda: root_mean_squared_error(y_true, y_pred)),
        _score("mae", lambda: mean_absolute_error(y_true, y_pred)),
        _score("r2", lambda: r2_score(y_true, y_pred)),
        _score("mape", lambda: mean_absolute_percentage_error(y_true, y_pred)),
        _score("smape", lambda: smape(y_true, y_pred)),
    ]
    return (*scores, *_pinball_scores(y_true, quantile_predictions))


def score_forecast(
    y_true: Sequence[float],
    y_pred: Sequence[float],
    y_train: Sequence[float],
    *,
    seasonality: int = 1,
    train_groups: Sequence[object] | None = None,
    quantile_predictions: dict[float, np.ndarray] | None = None,
) -> tuple[MetricScore, ...]:
    """MAPE, sMAPE, MASE and the pinball loss of each quantile forecast given."""
    y_true, y_pred = _paired(y_true, y_pred)
    return (
        _score("mape", lambda: mean_absolute_percentage_error(y_true, y_pred)),
        _score("smape", lambda: smape(y_true, y_pred)),
        _score(
            "mase",
            lambda: mase(
                y_true, y_pred, y_train, seasonality=seasonality, train_groups=train_groups
            ),
            f"MASE (season {seasonality})",
        ),
        *_pinball_scores(y_true, quantile_predictions),
    )


def score_ranking(
    relevance: Sequence[float],
    scores: Sequence[float],
    groups: Sequence[object],
    *,
    k: int = 10,
    min_relevance: float = 1,
) -> tuple[MetricScore, ...]:
    """NDCG@k, MAP@k, hit@k and MRR of one set of scores, averaged over queries."""
    kwargs = {"groups": groups, "min_relevance": min_relevance}
    return (
        _score("ndcg_at_k", lambda: ndcg_at_k(relevance, scores, k=k, groups=groups), f"NDCG@{k}"),
        _score("map_at_k", lambda: map_at_k(relevance, scores, k=k, **kwargs), f"MAP@{k}"),
        _score("hit_at_k", lambda: hit_at_k(relevance, scores, k=k, **kwargs), f"Hit@{k}"),
        _score("mrr", lambda: mrr(relevance, scores, **kwargs)),
    )


def _pinball_scores(
    y_true: np.ndarray, quantile_predictions: dict[float, np.ndarray] | None
) -> list[MetricScore]:
    return [
        _score(
            "pinball",
            lambda q=q, pred=pred: mean_pinball_loss(y_true, pred, alpha=q),
            f"Pinball loss (q={q:g})",
        )
        for q, pred in sorted((quantile_predictions or {}).items())
    ]


def _needs_both_classes(function: Callable, y_true: np.ndarray, y_score: np.ndarray) -> float:
    if len(np.unique(y_true)) < 2:
        raise ValueError("only one class in these rows, so there is nothing to rank")
    return function(y_true, y_score)
