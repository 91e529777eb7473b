"""Metrics scikit-learn does not have: sMAPE and MASE for forecasts, and the ranking metrics
(precision, recall, NDCG, MAP and hits at k, MRR) averaged over queries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.metrics import ndcg_score

from lessons.errors import DataError

# --- Metrics scikit-learn does not have -------------------------------------------------


def smape(y_true: Sequence[float], y_pred: Sequence[float]) -> float:
    """Symmetric mean absolute percentage error, as a fraction from 0 to 2.

    ``mean(2 |y - ŷ| / (|y| + |ŷ|))``. Unlike MAPE it stays bounded when an actual is zero;
    a pair where both the actual and the prediction are zero counts as a perfect 0.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)

    Returns
    -------
    float
    """
    y_true, y_pred = _paired(y_true, y_pred)
    denominator = np.abs(y_true) + np.abs(y_pred)
    ratio = np.divide(
        2 * np.abs(y_true - y_pred),
        denominator,
        out=np.zeros_like(denominator),
        where=denominator > 0,
    )
    return float(ratio.mean())


def naive_scale(
    y_train: Sequence[float],
    *,
    seasonality: int = 1,
    groups: Sequence[object] | None = None,
) -> float:
    """Mean absolute error of the seasonal naive forecast on the training series.

    The naive forecast repeats the value from ``seasonality`` steps earlier. With
    ``groups`` (one id per row, rows in time order within each group) the differences are
    taken within each series and pooled.

    Raises
    ------
    DataError
        If no series is longer than ``seasonality`` or the series never changes.
    """
    y_train = np.asarray(y_train, dtype=float)
    labels = np.zeros(len(y_train)) if groups is None else np.asarray(groups)
    differences = [
        np.abs(y_train[rows][seasonality:] - y_train[rows][:-seasonality])
        for rows in _group_slices(labels)
    ]
    pooled = np.concatenate(differences)
    if not len(pooled):
        raise DataError(
            f"MASE needs a training series longer than its season ({seasonality} steps)."
        )
    scale = float(pooled.mean())
    if scale == 0:
        raise DataError("MASE is undefined here: the training series never changes.")
    return scale


def mase(
    y_true: Sequence[float],
    y_pred: Sequence[float],
    y_train: Sequence[float],
    *,
    seasonality: int = 1,
    train_groups: Sequence[object] | None = None,
) -> float:
    """Mean absolute scaled error: the forecast's MAE over the naive forecast's MAE.

    Below 1 the model beats "repeat the value from one season ago" (measured on the
    training series); above 1 it loses to it. Scale-free, and fine with zero actuals.

    Parameters
    ----------
    y_true, y_pred : array-like of shape (n,)
        Held-out actuals and forecasts.
    y_train : array-like
        The training series, in time order (within each group).
    seasonality : int, default=1
        The season length in steps (7 for daily data with a weekly pattern).
    train_groups : array-like, optional
        Series id of each training row, when several series are stacked.
    """
    y_true, y_pred = _paired(y_true, y_pred)
    scale = naive_scale(y_train, seasonality=seasonality, groups=train_groups)
    return float(np.abs(y_true - y_pred).mean() / scale)


def precision_at_k(y_true: Sequence[int], y_score: Sequence[float], *, k: int = 10) -> float:
    """Share of positives among the ``k`` highest scores (the cases you can act on).

    With fewer than ``k`` rows, all rows are taken and the share is over them. Ties are
    broken against the model (see the module notes).
    """
    top = _top_k(y_true, y_score, k)
    return float(top.mean()) if len(top) else 0.0


def recall_at_k(y_true: Sequence[int], y_score: Sequence[float], *, k: int = 10) -> float:
    """Share of all positives that are among the ``k`` highest scores.

    0 when there are no positives at all (nothing could be found), as scikit-learn's
    ``recall_score`` does by default.
    """
    positives = int(np.sum(np.asarray(y_true) > 0))
    return float(_top_k(y_true, y_score, k).sum() / positives) if positives else 0.0


def ndcg_at_k(
    relevance: Sequence[float],
    scores: Sequence[float],
    *,
    k: int = 10,
    groups: Sequence[object] | None = None,
) -> float:
    """Normalised discounted cumulative gain at ``k``, averaged over queries.

    scikit-learn's ``ndcg_score``; this wrapper only splits a long table into queries.
    Graded relevance counts: a grade-3 document at the top is worth more than a grade-1.
    A query with a single document scores 1 when it is relevant.
    """
    relevance, scores, labels = _ranking_inputs(relevance, scores, groups)
    per_query: list[float] = []
    by_length: dict[int, list[np.ndarray]] = {}
    for rows in _group_slices(labels):
        by_length.setdefault(len(rows), []).append(rows)
    for length, queries in by_length.items():
        if length == 1:
            per_query.extend(float(relevance[rows][0] > 0) for rows in queries)
            continue
        stacked = np.stack(queries)
        values = ndcg_score(relevance[stacked], scores[stacked], k=k)
        per_query.extend([values] * len(queries))
    return float(np.mean(per_query))


def map_at_k(
    relevance: Sequence[float],
    scores: Sequence[float],
    *,
    k: int = 10,
    groups: Sequence[object] | None = None,
    min_relevance: float = 1,
) -> float:
    """Mean average precision at ``k`` over queries.

    For one query: the precision at each relevant position within the top ``k``, summed,
    divided by ``min(k, number of relevant documents)``; 0 when nothing is relevant. An
    item is relevant when its grade is at least ``min_relevance``.
    """
    return _mean_over_queries(_average_precision_at_k, relevance, scores, groups, k, min_relevance)


def hit_at_k(
    relevance: Sequence[float],
    scores: Sequence[float],
    *,
    k: int = 10,
    groups: Sequence[object] | None = None,
    min_relevance: float = 1,
) -> float:
    """Share of queries with at least one relevant document in the top ``k``."""
    return _mean_over_queries(
        lambda hits, k: float(hits[:k].any()), relevance, scores, groups, k, min_relevance
    )


def mrr(
    relevance: Sequence[float],
    scores: Sequence[float],
    *,
    groups: Sequence[object] | None = None,
    min_relevance: float = 1,
) -> float:
    """Mean reciprocal rank: ``1 / position`` of the first relevant document, averaged.

    A query with no relevant document contributes 0.
    """
    return _mean_over_queries(_reciprocal_rank, relevance, scores, groups, None, min_relevance)


def _average_precision_at_k(hits: np.ndarray, k: int) -> float:
    n_relevant = int(hits.sum())
    if not n_relevant:
        return 0.0
    top = hits[:k]
    precision_at_each = np.cumsum(top) / np.arange(1, len(top) + 1)
    return float((precision_at_each * top).sum() / min(k, n_relevant))


def _reciprocal_rank(hits: np.ndarray, k: int | None) -> float:
    found = np.flatnonzero(hits)
    return 1.0 / (found[0] + 1) if len(found) else 0.0


def _mean_over_queries(
    per_query: Callable[[np.ndarray, int | None], float],
    relevance: Sequence[float],
    scores: Sequence[float],
    groups: Sequence[object] | None,
    k: int | None,
    min_relevance: float,
) -> float:
    relevance, scores, labels = _ranking_inputs(relevance, scores, groups)
    if k is not None and k < 1:
        raise DataError("k must be at least 1.")
    values = []
    for rows in _group_slices(labels):
        order = _ranked(relevance[rows], scores[rows])
        values.append(per_query(relevance[rows][order] >= min_relevance, k))
    return float(np.mean(values))


def _ranked(relevance: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Positions from the highest score down; among ties the least relevant first."""
    return np.lexsort((relevance, -scores))


def _top_k(y_true: Sequence[int], y_score: Sequence[float], k: int) -> np.ndarray:
    if k < 1:
        raise DataError("k must be at least 1.")
    y_true, y_score = _paired(y_true, y_score)
    hits = (y_true > 0).astype(float)
    return hits[_ranked(hits, y_score)][:k]


def _ranking_inputs(
    relevance: Sequence[float], scores: Sequence[float], groups: Sequence[object] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    relevance, scores = _paired(relevance, scores)
    if np.any(relevance < 0):
        raise DataError("Relevance grades must be zero or positive.")
    labels = np.zeros(len(relevance)) if groups is None else np.asarray(groups)
    if len(labels) != len(relevance):
        raise DataError("Give one query id per row.")
    return relevance, scores, labels


def _group_slices(labels: np.ndarray) -> list[np.ndarray]:
    """Row positions of each group, each kept in its original order."""
    order = np.argsort(labels, kind="stable")
    sorted_labels = labels[order]
    starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]])
    return np.split(order, starts[1:])


def _paired(a: Sequence[float], b: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise DataError("Actuals and predictions must be two lists of the same length.")
    if not len(a):
        raise DataError("There are no rows to score.")
    return a, b
