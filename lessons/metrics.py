"""Metrics: the app's shared vocabulary of scores, and the experiments of lesson 5.

Every metric has a key (``"pr_auc"``, ``"rmse"``...) that the other lessons use to name it,
for example the metric suggested in lesson 1 (``FramingChoice.metric``). ``REGISTRY`` maps
each key to a small ``Metric`` record. scikit-learn's implementation is used wherever one
exists; what scikit-learn lacks (sMAPE, MASE, precision@k, recall@k, MAP@k, hit@k, MRR) is
written once here.

Ties in a ranking are broken *against* the model: among equal scores the less relevant
item is placed first. A constant score therefore earns no credit and the result never
depends on the order of the rows. (NDCG comes from scikit-learn, which averages over tied
orders instead.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import norm
from sklearn.compose import ColumnTransformer, make_column_selector
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    f1_score,
    log_loss,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_pinball_loss,
    ndcg_score,
    precision_recall_curve,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    roc_curve,
    root_mean_squared_error,
)
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from threadpoolctl import threadpool_limits

from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.splits import Buckets

KINDS = ("classification", "regression", "ranking", "forecasting")


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


# --- The registry -----------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """One metric of the shared vocabulary.

    Attributes
    ----------
    key : str
        The name other lessons use, e.g. ``"pr_auc"``.
    name : str
        Display name.
    kind : {"classification", "regression", "ranking", "forecasting"}
        The task it belongs to first.
    greater_is_better : bool
    function : callable
        The implementation (scikit-learn's where one exists).
    when : str
        When to use it, in one line.
    """

    key: str
    name: str
    kind: str
    greater_is_better: bool
    function: Callable[..., float]
    when: str


def _precision(y_true, y_pred, **kwargs) -> float:
    return float(precision_score(y_true, y_pred, zero_division=0, **kwargs))


def _recall(y_true, y_pred, **kwargs) -> float:
    return float(recall_score(y_true, y_pred, zero_division=0, **kwargs))


def _f1(y_true, y_pred, **kwargs) -> float:
    return float(f1_score(y_true, y_pred, zero_division=0, **kwargs))


REGISTRY: dict[str, Metric] = {
    m.key: m
    for m in (
        Metric(
            "accuracy",
            "Accuracy",
            "classification",
            True,
            accuracy_score,
            "Balanced classes and errors that cost the same.",
        ),
        Metric(
            "f1",
            "F1",
            "classification",
            True,
            _f1,
            "One number for precision and recall together, at a fixed threshold.",
        ),
        Metric(
            "precision",
            "Precision",
            "classification",
            True,
            _precision,
            "False alarms are expensive: of the cases you flag, how many are real?",
        ),
        Metric(
            "recall",
            "Recall",
            "classification",
            True,
            _recall,
            "Misses are expensive: of the real cases, how many do you catch?",
        ),
        Metric(
            "roc_auc",
            "ROC AUC",
            "classification",
            True,
            roc_auc_score,
            "How well scores order positives above negatives, whatever the threshold.",
        ),
        Metric(
            "pr_auc",
            "PR AUC (average precision)",
            "classification",
            True,
            average_precision_score,
            "Rare positives: rewards finding them without drowning in false alarms.",
        ),
        Metric(
            "log_loss",
            "Log loss",
            "classification",
            False,
            log_loss,
            "The probabilities themselves are used (pricing, risk); punishes confident mistakes.",
        ),
        Metric(
            "brier",
            "Brier score",
            "classification",
            False,
            brier_score_loss,
            "Calibrated probabilities, with gentler punishment than log loss.",
        ),
        Metric(
            "precision_at_k",
            "Precision@k",
            "classification",
            True,
            precision_at_k,
            "A team reviews the top k cases: how many of those are real?",
        ),
        Metric(
            "recall_at_k",
            "Recall@k",
            "classification",
            True,
            recall_at_k,
            "A team reviews the top k cases: what share of all real cases do they see?",
        ),
        Metric(
            "rmse",
            "RMSE",
            "regression",
            False,
            root_mean_squared_error,
            "Large errors hurt much more than small ones; in the target's units.",
        ),
        Metric(
            "mae",
            "MAE",
            "regression",
            False,
            mean_absolute_error,
            "Every unit of error costs the same; robust to a few wild rows.",
        ),
        Metric(
            "r2",
            "R²",
            "regression",
            True,
            r2_score,
            "Share of the variance explained, compared with predicting the mean.",
        ),
        Metric(
            "mape",
            "MAPE",
            "regression",
            False,
            mean_absolute_percentage_error,
            "Relative error, when actuals stay well away from zero.",
        ),
        Metric(
            "smape",
            "sMAPE",
            "forecasting",
            False,
            smape,
            "Relative error that stays bounded when actuals touch zero.",
        ),
        Metric(
            "pinball",
            "Pinball loss",
            "forecasting",
            False,
            mean_pinball_loss,
            "Quantile forecasts: stock and capacity planned to a service level.",
        ),
        Metric(
            "mase",
            "MASE",
            "forecasting",
            False,
            mase,
            "Compares with the seasonal naive forecast; below 1 beats it, any scale.",
        ),
        Metric(
            "ndcg_at_k",
            "NDCG@k",
            "ranking",
            True,
            ndcg_at_k,
            "Graded relevance, and the top positions matter most.",
        ),
        Metric(
            "map_at_k",
            "MAP@k",
            "ranking",
            True,
            map_at_k,
            "Relevant or not, and every relevant result in the top k counts.",
        ),
        Metric(
            "hit_at_k",
            "Hit@k",
            "ranking",
            True,
            hit_at_k,
            "One good result in the top k is enough (a recommendation carousel).",
        ),
        Metric(
            "mrr",
            "MRR",
            "ranking",
            True,
            mrr,
            "Only the first relevant result matters (a search box, an answer).",
        ),
    )
}

SIDE_BY_SIDE: dict[str, tuple[str, ...]] = {
    "classification": (
        "accuracy",
        "precision",
        "recall",
        "f1",
        "roc_auc",
        "pr_auc",
        "log_loss",
        "brier",
        "precision_at_k",
        "recall_at_k",
    ),
    "regression": ("rmse", "mae", "r2", "mape", "smape", "pinball"),
    "ranking": ("ndcg_at_k", "map_at_k", "hit_at_k", "mrr"),
    "forecasting": ("mape", "smape", "mase", "pinball"),
}


def metric(key: str) -> Metric:
    """The registry entry for ``key``; a ``DataError`` naming the known keys otherwise."""
    if key not in REGISTRY:
        raise DataError(f"Unknown metric {key!r}. Known metrics: {', '.join(REGISTRY)}.")
    return REGISTRY[key]


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


# --- Honest predictions of a few quick models -------------------------------------------


@dataclass(frozen=True)
class ModelPredictions:
    """One model's held-out predictions.

    ``prediction`` is the positive-class probability (binary), a class-probability matrix
    (multiclass) or the predicted value (regression).
    """

    name: str
    description: str
    prediction: np.ndarray


@dataclass(frozen=True)
class HeldOut:
    """Honest predictions on the validation rows from models fitted on the training rows.

    Attributes
    ----------
    dataset, task, problem : str
    split, split_reason : str
        The split strategy used and why.
    classes : tuple of str
        Class labels (binary: negative then positive); empty for regression.
    y_true : numpy.ndarray
        0/1 (binary), class index (multiclass) or the value (regression).
    models : tuple of ModelPredictions
        The first one is the main model used in the side-by-side table.
    groups, times : numpy.ndarray or None
        Group id (query, series) and time of each validation row.
    y_train, train_groups : numpy.ndarray
        The training target (time-ordered within group) for MASE's naive scale.
    seasonality : int
        Season length in rows of one series (7 for daily data, else 1).
    n_train : int
        Training rows the models were fitted on (a seeded sample when there are many).
    n_train_available : int
        Training rows with a target before sampling.
    """

    dataset: str
    task: str
    problem: str
    split: str
    split_reason: str
    classes: tuple[str, ...]
    y_true: np.ndarray
    models: tuple[ModelPredictions, ...]
    groups: np.ndarray | None
    times: np.ndarray | None
    y_train: np.ndarray
    train_groups: np.ndarray | None
    seasonality: int
    n_train: int
    n_train_available: int

    @property
    def main(self) -> ModelPredictions:
        return self.models[0]


def positive_label(y: pd.Series) -> object:
    """The class treated as positive: 1 or True when the labels are 0/1, else the rarest."""
    values = y.dropna().unique()
    if set(values.tolist()) <= {0, 1}:
        return values.max()
    counts = y.value_counts()
    return counts.index[counts.to_numpy().argmin()]


def _expand_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates become numbers (days, month, weekday); flags become 0/1. Row by row, no fitting."""
    out = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            stamp = pd.to_datetime(column)
            days = (stamp - pd.Timestamp("1970-01-01", tz=stamp.dt.tz)) / pd.Timedelta(days=1)
            out[f"{name}__days"] = days.astype(float)
            out[f"{name}__month"] = stamp.dt.month.astype(float)
            out[f"{name}__weekday"] = stamp.dt.day_of_week.astype(float)
        elif pd.api.types.is_bool_dtype(column):
            out[name] = column.astype(float)
        elif pd.api.types.is_numeric_dtype(column):
            out[name] = pd.to_numeric(column, errors="coerce").astype(float)
        else:
            out[name] = column.astype(object).where(column.notna(), "missing").astype(str)
    return pd.DataFrame(out, index=frame.index)


def feature_pipeline() -> Pipeline:
    """Preprocessing fitted on training rows only: impute and scale numbers, one-hot text.

    Rare and unseen categories fall into one bucket, so identifiers cannot explode the width.
    """
    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categorical = OneHotEncoder(
        handle_unknown="infrequent_if_exist", max_categories=20, sparse_output=False
    )
    columns = ColumnTransformer(
        [
            ("numbers", numeric, make_column_selector(dtype_include="number")),
            ("categories", categorical, make_column_selector(dtype_exclude="number")),
        ]
    )
    return make_pipeline(FunctionTransformer(_expand_columns), columns)


# Small trees and few rounds: this lesson compares metrics, not models, and must answer fast.
_QUICK_BOOSTING = {"max_iter": 60, "max_leaf_nodes": 15, "max_bins": 63}


def _models(task: str, random_state: int) -> list[tuple[str, str, object]]:
    if task == "regression":
        return [
            (
                "gradient boosting",
                "trees fitted to squared error",
                HistGradientBoostingRegressor(random_state=random_state, **_QUICK_BOOSTING),
            ),
            ("ridge", "a linear model", Ridge()),
            (
                "gradient boosting (absolute error)",
                "trees fitted to absolute error",
                HistGradientBoostingRegressor(
                    loss="absolute_error", random_state=random_state, **_QUICK_BOOSTING
                ),
            ),
        ]
    return [
        (
            "gradient boosting",
            "trees fitted to log loss",
            HistGradientBoostingClassifier(random_state=random_state, **_QUICK_BOOSTING),
        ),
        ("logistic regression", "a linear model", LogisticRegression(max_iter=1000)),
        (
            "balanced logistic regression",
            "a linear model that weighs each class equally",
            LogisticRegression(max_iter=1000, class_weight="balanced"),
        ),
    ]


def _usable(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    return positions[dataset.y.iloc[positions].notna().to_numpy()]


MAX_TRAIN_ROWS = 6000


def _fit_rows(train: np.ndarray, random_state: int) -> np.ndarray:
    """At most ``MAX_TRAIN_ROWS`` training rows, drawn with the seed, in their original order.

    The lesson compares metrics on one set of predictions; a sample keeps the fits quick
    without touching the validation rows.
    """
    if len(train) <= MAX_TRAIN_ROWS:
        return train
    rng = np.random.default_rng(random_state)
    return np.sort(rng.choice(train, MAX_TRAIN_ROWS, replace=False))


def _encoded_target(dataset: Dataset) -> tuple[np.ndarray, tuple[str, ...]]:
    y = dataset.y
    if dataset.task == "regression":
        numeric = pd.to_numeric(y, errors="coerce")
        if numeric.notna().sum() < y.notna().sum():
            raise DataError(
                f"The target {dataset.target!r} is marked as a number but holds text; "
                "pick a numeric target or treat it as classification."
            )
        return numeric.to_numpy(dtype=float), ()
    if dataset.task == "binary":
        positive = positive_label(y)
        negatives = [v for v in y.dropna().unique().tolist() if v != positive]
        negative = str(negatives[0]) if len(negatives) == 1 else f"not {positive}"
        return (y == positive).astype(int).to_numpy(), (negative, str(positive))
    labels = sorted(y.dropna().astype(str).unique())
    codes = y.astype(str).map({label: i for i, label in enumerate(labels)})
    return codes.fillna(-1).to_numpy(dtype=int), tuple(labels)


def seasonality_for(times: pd.Series | None) -> int:
    """7 when rows of one series are a day apart (a weekly pattern), else 1."""
    if times is None or len(times) < 3:
        return 1
    steps = pd.Series(pd.to_datetime(times).unique()).sort_values().diff().dropna()
    return 7 if len(steps) and steps.median() == pd.Timedelta(days=1) else 1


def fit_held_out(dataset: Dataset, buckets: Buckets, *, random_state: int = 0) -> HeldOut:
    """Fit three quick models on the training rows and predict the validation rows.

    The models differ in a way metrics notice: a flexible one, a linear one, and one that
    optimises something else (class-balanced weights; absolute instead of squared error).

    Raises
    ------
    DataError
        If the training rows hold a single class or too few rows to fit.
    """
    y_all, classes = _encoded_target(dataset)
    available, validation = _usable(dataset, buckets.train), _usable(dataset, buckets.validation)
    train = _fit_rows(available, random_state)
    if len(train) < 10 or len(validation) < 2:
        raise DataError(
            f"Only {len(train)} training and {len(validation)} validation rows have a target; "
            "a metric needs more rows than that."
        )
    if dataset.task != "regression" and len(np.unique(y_all[train])) < 2:
        raise DataError("The training rows hold a single class, so there is nothing to learn.")
    X = dataset.X
    models = []
    for name, description, estimator in _models(dataset.task, random_state):
        pipeline = Pipeline([("features", feature_pipeline()), ("model", estimator)])
        # One thread: a web server shares its cores between sessions, and OpenMP
        # oversubscription makes small boosting fits many times slower, not faster.
        try:
            with threadpool_limits(limits=1):
                pipeline.fit(X.iloc[train], y_all[train])
            if dataset.task == "regression":
                prediction = pipeline.predict(X.iloc[validation])
            else:
                prediction = _class_probabilities(pipeline, X.iloc[validation], len(classes))
        except (ValueError, TypeError) as error:
            raise DataError(
                f"The {name} model could not be fitted on this table ({error}). Check that the "
                "feature columns hold numbers, dates, flags or short text categories."
            ) from error
        models.append(ModelPredictions(name, description, prediction))
    time_order = _time_order(dataset, train)
    groups = dataset.frame[dataset.group_column] if dataset.group_column else None
    times = dataset.frame[dataset.time_column] if dataset.time_column else None
    return HeldOut(
        dataset=dataset.name,
        task=dataset.task,
        problem=dataset.problem,
        split=buckets.strategy,
        split_reason=buckets.reason,
        classes=classes,
        y_true=y_all[validation],
        models=tuple(models),
        groups=None if groups is None else groups.iloc[validation].to_numpy(),
        times=None if times is None else times.iloc[validation].to_numpy(),
        y_train=y_all[time_order],
        train_groups=None if groups is None else groups.iloc[time_order].to_numpy(),
        seasonality=seasonality_for(times.iloc[train] if times is not None else None),
        n_train=len(train),
        n_train_available=len(available),
    )


def fit_quantile(
    dataset: Dataset, buckets: Buckets, quantile: float, *, random_state: int = 0
) -> np.ndarray:
    """Validation predictions of gradient boosting fitted to the pinball loss at ``quantile``."""
    if not 0 < quantile < 1:
        raise DataError("A quantile must be strictly between 0 and 1.")
    y_all, _ = _encoded_target(dataset)
    validation = _usable(dataset, buckets.validation)
    train = _fit_rows(_usable(dataset, buckets.train), random_state)
    pipeline = Pipeline(
        [
            ("features", feature_pipeline()),
            (
                "model",
                HistGradientBoostingRegressor(
                    loss="quantile",
                    quantile=quantile,
                    random_state=random_state,
                    **_QUICK_BOOSTING,
                ),
            ),
        ]
    )
    with threadpool_limits(limits=1):
        pipeline.fit(dataset.X.iloc[train], y_all[train])
    return pipeline.predict(dataset.X.iloc[validation])


def _class_probabilities(pipeline: Pipeline, X: pd.DataFrame, n_classes: int) -> np.ndarray:
    proba = pipeline.predict_proba(X)
    full = np.zeros((len(X), n_classes))
    full[:, pipeline.classes_] = proba
    return full[:, 1] if n_classes == 2 else full


def _time_order(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    if not dataset.time_column:
        return positions
    stamps = dataset.frame[dataset.time_column].iloc[positions].to_numpy()
    return positions[np.argsort(stamps, kind="stable")]


def score_held_out(
    held_out: HeldOut,
    model: ModelPredictions,
    *,
    threshold: float = 0.5,
    k: int = 100,
    min_relevance: float = 1,
    quantile_predictions: dict[float, np.ndarray] | None = None,
) -> tuple[MetricScore, ...]:
    """Every metric of the task on one model's held-out predictions.

    ``k`` is the review capacity for precision@k and recall@k, or the cut-off of the ranking
    metrics; ``min_relevance`` the grade from which a ranked item counts as relevant.
    """
    if held_out.problem == "ranking" and held_out.groups is not None:
        return score_ranking(
            held_out.y_true, model.prediction, held_out.groups, k=k, min_relevance=min_relevance
        )
    if held_out.task == "binary":
        return score_binary(held_out.y_true, model.prediction, threshold=threshold, k=k)
    if held_out.task == "multiclass":
        return score_multiclass(held_out.y_true, model.prediction)
    if held_out.problem == "forecasting":
        return score_forecast(
            held_out.y_true,
            model.prediction,
            held_out.y_train,
            seasonality=held_out.seasonality,
            train_groups=held_out.train_groups,
            quantile_predictions=quantile_predictions,
        )
    return score_regression(held_out.y_true, model.prediction, quantile_predictions)


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


# --- Experiments on seeded synthetic data -----------------------------------------------

IMBALANCE_LEVELS: tuple[float, ...] = (0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001)


def imbalance_sweep(
    prevalences: Sequence[float] = IMBALANCE_LEVELS,
    *,
    n_rows: int = 10_000,
    separation: float = 1.5,
) -> pd.DataFrame:
    """Score "always predict the majority" and a real model as positives get rarer.

    For each prevalence there are ``n_rows`` rows with exactly that share of positives. One
    feature is normally distributed, shifted by ``separation`` standard deviations for
    positives; its values are the evenly spaced quantiles of each class's distribution, so
    the curves show expected values with no sampling noise (and need no seed). The real
    model outputs the exact posterior probability: the best any model could do with it.

    Returns
    -------
    pandas.DataFrame
        Columns ``prevalence``, ``model``, ``metric`` (registry key) and ``value``.
    """
    rows = []
    for prevalence in prevalences:
        n_pos = max(1, round(prevalence * n_rows))
        n_neg = n_rows - n_pos
        y = np.r_[np.ones(n_pos, dtype=int), np.zeros(n_neg, dtype=int)]
        x = np.r_[
            separation + norm.ppf((np.arange(n_pos) + 0.5) / n_pos),
            norm.ppf((np.arange(n_neg) + 0.5) / n_neg),
        ]
        prior = np.log(n_pos / n_neg)
        real = 1 / (1 + np.exp(-(separation * x - separation**2 / 2 + prior)))
        majority = np.full(n_rows, n_pos / n_rows)
        for model, score in (("always the majority", majority), ("real model", real)):
            # "Always the majority" always answers no, even at 50 % where it is a coin toss.
            flagged = (score >= 0.5).astype(int) if model == "real model" else np.zeros_like(y)
            values = {
                "accuracy": accuracy_score(y, flagged),
                "recall": _recall(y, flagged),
                "f1": _f1(y, flagged),
                "roc_auc": roc_auc_score(y, score),
                "pr_auc": average_precision_score(y, score),
            }
            rows += [
                {"prevalence": prevalence, "model": model, "metric": key, "value": float(value)}
                for key, value in values.items()
            ]
    return pd.DataFrame(rows)


OUTLIER_SHARES: tuple[float, ...] = tuple(np.round(np.arange(0, 0.205, 0.01), 2))


@dataclass(frozen=True)
class OutlierSample:
    """A regression sample, its predictions, and which actuals were corrupted."""

    x: np.ndarray
    y_true: np.ndarray
    y_pred: np.ndarray
    is_outlier: np.ndarray


def outlier_sample(
    share: float, *, n_rows: int = 400, magnitude: float = 40.0, random_state: int = 0
) -> OutlierSample:
    """A clean line ``y = 2 + 3x + noise`` predicted well, then a share of actuals corrupted.

    The predictions stay the same; only the actuals change (typos, sensor glitches), so any
    move in a metric comes from the outliers alone. The same rows are corrupted first at
    every share, so the sweep is smooth.
    """
    rng = np.random.default_rng(random_state)
    x = rng.uniform(0, 10, n_rows)
    clean = 2 + 3 * x + rng.normal(0, 1.5, n_rows)
    prediction = 2 + 3 * x
    corrupted = rng.permutation(n_rows)[: round(share * n_rows)]
    is_outlier = np.zeros(n_rows, dtype=bool)
    is_outlier[corrupted] = True
    jumps = magnitude * rng.choice([-1.0, 1.0], n_rows) * rng.uniform(0.5, 1.5, n_rows)
    return OutlierSample(x, np.where(is_outlier, clean + jumps, clean), prediction, is_outlier)


def outlier_sweep(
    shares: Sequence[float] = OUTLIER_SHARES, *, random_state: int = 0
) -> pd.DataFrame:
    """RMSE and MAE of the same predictions as the share of corrupted actuals grows.

    Returns
    -------
    pandas.DataFrame
        Columns ``share``, ``rmse`` and ``mae``.
    """
    rows = []
    for share in shares:
        sample = outlier_sample(share, random_state=random_state)
        rows.append(
            {
                "share": share,
                "rmse": root_mean_squared_error(sample.y_true, sample.y_pred),
                "mae": mean_absolute_error(sample.y_true, sample.y_pred),
            }
        )
    return pd.DataFrame(rows)


NEAR_ZERO_LEVELS: tuple[float, ...] = (100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5, 0.2)


def near_zero_sweep(
    levels: Sequence[float] = NEAR_ZERO_LEVELS, *, n_days: int = 365, random_state: int = 0
) -> pd.DataFrame:
    """MAPE, sMAPE and MAE of forecasts with the same absolute errors at shrinking levels.

    Daily actuals swing ±80 % around ``level`` with a weekly pattern, so they approach zero
    as the level falls but never reach it; every forecast is off by the same noise (one
    unit on average), whatever the level.

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``mape``, ``smape`` and ``mae``.
    """
    rng = np.random.default_rng(random_state)
    errors = rng.normal(0, 1.25, n_days)
    pattern = 1 + 0.8 * np.sin(2 * np.pi * np.arange(n_days) / 7)
    rows = []
    for level in levels:
        actual = level * pattern
        forecast = actual + errors
        rows.append(
            {
                "level": level,
                "mape": mean_absolute_percentage_error(actual, forecast),
                "smape": smape(actual, forecast),
                "mae": mean_absolute_error(actual, forecast),
            }
        )
    return pd.DataFrame(rows)


BLEND_WEIGHTS: tuple[float, ...] = tuple(np.round(np.linspace(0, 1, 11), 2))


def blend_scores(
    model_scores: Sequence[float], groups: Sequence[object], weight: float, *, random_state: int = 0
) -> np.ndarray:
    """Mix the model's order with a random order, query by query.

    Both are turned into within-query rank percentiles first, so ``weight`` 0 is the model,
    1 is a shuffle, and values between degrade the ranking gradually.
    """
    frame = pd.DataFrame(
        {
            "group": np.asarray(groups),
            "model": np.asarray(model_scores, dtype=float),
            "noise": np.random.default_rng(random_state).random(len(model_scores)),
        }
    )
    ranks = frame.groupby("group")[["model", "noise"]].rank(pct=True)
    return ((1 - weight) * ranks["model"] + weight * ranks["noise"]).to_numpy()


def ranking_blend_sweep(
    relevance: Sequence[float],
    model_scores: Sequence[float],
    groups: Sequence[object],
    *,
    weights: Sequence[float] = BLEND_WEIGHTS,
    k: int = 5,
    min_relevance: float = 1,
    random_state: int = 0,
) -> pd.DataFrame:
    """NDCG@k, MAP@k, hit@k and MRR as the model's order is blended with a random one.

    Returns
    -------
    pandas.DataFrame
        Columns ``weight``, ``metric`` (registry key), ``label`` and ``value``.
    """
    rows = []
    for weight in weights:
        blended = blend_scores(model_scores, groups, weight, random_state=random_state)
        for s in score_ranking(relevance, blended, groups, k=k, min_relevance=min_relevance):
            rows.append({"weight": weight, "metric": s.key, "label": s.label, "value": s.value})
    return pd.DataFrame(rows)


def compare_models(
    held_out: HeldOut, *, threshold: float = 0.5, k: int = 100, min_relevance: float = 1
) -> pd.DataFrame:
    """Every model under every metric, and the winner of each metric.

    Returns
    -------
    pandas.DataFrame
        One row per metric: ``metric`` (label), ``key``, ``greater_is_better``, one column per
        model, and ``winner`` (the best model's name, empty when the metric is undefined).
    """
    table: dict[str, dict[str, object]] = {}
    for model in held_out.models:
        scores = score_held_out(
            held_out, model, threshold=threshold, k=k, min_relevance=min_relevance
        )
        for s in scores:
            row = table.setdefault(
                s.label, {"metric": s.label, "key": s.key, "greater_is_better": s.greater_is_better}
            )
            row[model.name] = s.value
    frame = pd.DataFrame(list(table.values()))
    names = [m.name for m in held_out.models]
    frame["winner"] = [_winner(row, names) for _, row in frame.iterrows()]
    return frame


def _winner(row: pd.Series, names: list[str]) -> str:
    values = pd.to_numeric(row[names], errors="coerce")
    if values.isna().all() or values.nunique() == 1:
        return ""
    return str(values.idxmax() if row["greater_is_better"] else values.idxmin())


# --- The guide --------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideRow:
    """One line of the guide: a kind of problem, the metrics that fit it, and why."""

    key: str
    problem: str
    metrics: tuple[str, ...]
    why: str


GUIDE: tuple[GuideRow, ...] = (
    GuideRow(
        "balanced",
        "Classification, classes roughly balanced, errors cost alike",
        ("accuracy", "f1"),
        "Accuracy reads plainly when no class dominates; F1 when one kind of error matters more.",
    ),
    GuideRow(
        "imbalanced",
        "Classification, the positive class is rare (fraud, churn, disease)",
        ("pr_auc", "recall_at_k", "roc_auc"),
        "Accuracy rewards predicting 'never'; PR AUC and recall@k only move when you find positives.",
    ),
    GuideRow(
        "probabilities",
        "The probability itself is used (pricing, risk scores)",
        ("log_loss", "brier"),
        "They score the probabilities, not the decisions, and punish confident mistakes.",
    ),
    GuideRow(
        "multiclass",
        "Several classes",
        ("accuracy", "f1", "log_loss"),
        "Macro F1 weighs every class equally, so a small class cannot be ignored.",
    ),
    GuideRow(
        "regression",
        "A number, every unit of error costs the same",
        ("mae", "r2"),
        "MAE is in the target's units and shrugs off a few wild rows; R² compares with the mean.",
    ),
    GuideRow(
        "regression_tails",
        "A number, big misses are disproportionately bad",
        ("rmse",),
        "Squaring makes one large error outweigh many small ones, which is the point here.",
    ),
    GuideRow(
        "forecasting",
        "Forecasting a time series",
        ("mase", "smape", "pinball"),
        "MASE compares with the seasonal naive forecast; pinball loss scores the quantile you plan to.",
    ),
    GuideRow(
        "ranking",
        "Ranking, search, recommendation",
        ("ndcg_at_k", "map_at_k", "hit_at_k", "mrr"),
        "Only the order of the top k matters to the user, not the absolute scores.",
    ),
)

IMBALANCED_BELOW = 0.2


def guide_row_for(task: str, problem: str, positive_share: float | None = None) -> str:
    """The guide row that fits a dataset, from its task, problem and positive share."""
    if problem in ("ranking", "forecasting"):
        return problem
    if task == "multiclass":
        return "multiclass"
    if task == "binary":
        if (
            positive_share is not None
            and min(positive_share, 1 - positive_share) < IMBALANCED_BELOW
        ):
            return "imbalanced"
        return "balanced"
    return "regression"
