"""The metric registry: the one vocabulary of scores every page, the guided path and the export use.

Every metric has a key (``"pr_auc"``, ``"rmse"``...) that the lessons, the run log and the code
generator use to name it. ``REGISTRY`` maps each key to a small ``Metric`` record: its name, its
direction, the tasks it applies to, what it needs from a model (hard labels at a threshold, or
scores) and the scikit-learn scorer when one exists. scikit-learn's implementation is used
wherever one exists; what scikit-learn lacks (sMAPE, MASE, precision@k, recall@k, MAP@k, hit@k,
MRR) is written once here.

Ties in a ranking are broken *against* the model: among equal scores the less relevant
item is placed first. A constant score therefore earns no credit and the result never
depends on the order of the rows. (NDCG comes from scikit-learn, which averages over tied
orders instead.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    balanced_accuracy_score,
    brier_score_loss,
    f1_score,
    log_loss,
    make_scorer,
    mean_absolute_error,
    mean_absolute_percentage_error,
    mean_pinball_loss,
    ndcg_score,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    root_mean_squared_error,
)

from lessons.errors import DataError

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

TASKS = ("binary", "multiclass", "regression")
CLASSIFICATION = ("binary", "multiclass")
_RANKING_RESPONSE = ("predict_proba", "decision_function")


@dataclass(frozen=True)
class Metric:
    """One metric of the shared vocabulary.

    Attributes
    ----------
    key : str
        The name every page, the run log and the export use, e.g. ``"pr_auc"``.
    name : str
        Display name.
    kind : {"classification", "regression", "ranking", "forecasting"}
        The problem it belongs to first.
    greater_is_better : bool
    function : callable
        The implementation (scikit-learn's where one exists).
    when : str
        When to use it, in one line.
    needs : {"labels", "scores", "probabilities", "values", "quantile", "history", "groups"}
        What it reads from a model: hard labels at a threshold, scores that rank rows,
        probabilities, numbers, a quantile forecast, the training history (MASE) or the query
        of each row (ranking).
    tasks : tuple of str
        The dataset tasks a live model can be scored on with it through ``scorer``; empty when
        it needs more than a model and its rows (a k, a history, the queries).
    response_method : str or tuple of str or None
        What a scikit-learn scorer asks the model for; None when there is no scorer.
    """

    key: str
    name: str
    kind: str
    greater_is_better: bool
    function: Callable[..., float]
    when: str
    needs: str = "labels"
    tasks: tuple[str, ...] = ()
    response_method: str | tuple[str, ...] | None = None

    @property
    def thresholded(self) -> bool:
        """True for metrics of hard yes/no answers: the decision threshold changes them."""
        return self.needs == "labels"


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
            tasks=CLASSIFICATION,
            response_method="predict",
        ),
        Metric(
            "balanced_accuracy",
            "Balanced accuracy",
            "classification",
            True,
            balanced_accuracy_score,
            "The mean recall of the classes: a rare class counts as much as a common one.",
            tasks=CLASSIFICATION,
            response_method="predict",
        ),
        Metric(
            "f1",
            "F1",
            "classification",
            True,
            f1_score,
            "Precision and recall in one number at a fixed threshold; it weighs a miss and a "
            "false alarm the same.",
            tasks=CLASSIFICATION,
            response_method="predict",
        ),
        Metric(
            "precision",
            "Precision",
            "classification",
            True,
            precision_score,
            "Of the cases you flag, how many are real? A diagnostic at your chosen threshold.",
        ),
        Metric(
            "recall",
            "Recall",
            "classification",
            True,
            recall_score,
            "Of the real cases, how many do you catch? Flagging everyone makes it 1.",
        ),
        Metric(
            "roc_auc",
            "ROC AUC",
            "classification",
            True,
            roc_auc_score,
            "How well scores order positives above negatives, whatever the threshold.",
            needs="scores",
            tasks=("binary",),
            response_method=_RANKING_RESPONSE,
        ),
        Metric(
            "pr_auc",
            "PR AUC (average precision)",
            "classification",
            True,
            average_precision_score,
            "Rare positives: rewards finding them without drowning in false alarms.",
            needs="scores",
            tasks=("binary",),
            response_method=_RANKING_RESPONSE,
        ),
        Metric(
            "log_loss",
            "Log loss",
            "classification",
            False,
            log_loss,
            "The probabilities themselves are used (pricing, risk); punishes confident mistakes.",
            needs="probabilities",
            tasks=CLASSIFICATION,
            response_method="predict_proba",
        ),
        Metric(
            "brier",
            "Brier score",
            "classification",
            False,
            brier_score_loss,
            "Calibrated probabilities, with gentler punishment than log loss.",
            needs="probabilities",
        ),
        Metric(
            "precision_at_k",
            "Precision@k",
            "classification",
            True,
            precision_at_k,
            "A team reviews the top k cases: how many of those are real?",
            needs="scores",
        ),
        Metric(
            "recall_at_k",
            "Recall@k",
            "classification",
            True,
            recall_at_k,
            "A team reviews the top k cases: what share of all real cases do they see?",
            needs="scores",
        ),
        Metric(
            "rmse",
            "RMSE",
            "regression",
            False,
            root_mean_squared_error,
            "Large errors hurt much more than small ones; in the target's units.",
            needs="values",
            tasks=("regression",),
            response_method="predict",
        ),
        Metric(
            "mae",
            "MAE",
            "regression",
            False,
            mean_absolute_error,
            "Every unit of error costs the same; robust to a few wild rows.",
            needs="values",
            tasks=("regression",),
            response_method="predict",
        ),
        Metric(
            "r2",
            "R²",
            "regression",
            True,
            r2_score,
            "Share of the variance explained, compared with predicting the mean.",
            needs="values",
            tasks=("regression",),
            response_method="predict",
        ),
        Metric(
            "mape",
            "MAPE",
            "regression",
            False,
            mean_absolute_percentage_error,
            "Relative error, only when actuals stay far from zero; it favours forecasting low.",
            needs="values",
        ),
        Metric(
            "smape",
            "sMAPE",
            "forecasting",
            False,
            smape,
            "Relative error that stays bounded when actuals touch zero.",
            needs="values",
        ),
        Metric(
            "pinball",
            "Pinball loss",
            "forecasting",
            False,
            mean_pinball_loss,
            "Quantile forecasts: stock and capacity planned to a service level.",
            needs="quantile",
        ),
        Metric(
            "mase",
            "MASE",
            "forecasting",
            False,
            mase,
            "Compares with the seasonal naive forecast; below 1 beats it, any scale.",
            needs="history",
        ),
        Metric(
            "ndcg_at_k",
            "NDCG@k",
            "ranking",
            True,
            ndcg_at_k,
            "Graded relevance, and the top positions matter most.",
            needs="groups",
        ),
        Metric(
            "map_at_k",
            "MAP@k",
            "ranking",
            True,
            map_at_k,
            "Relevant or not, and every relevant result in the top k counts.",
            needs="groups",
        ),
        Metric(
            "hit_at_k",
            "Hit@k",
            "ranking",
            True,
            hit_at_k,
            "One good result in the top k is enough (a recommendation carousel).",
            needs="groups",
        ),
        Metric(
            "mrr",
            "MRR",
            "ranking",
            True,
            mrr,
            "Only the first relevant result matters (a search box, an answer).",
            needs="groups",
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

# The score each task reports when nothing else was chosen.
DEFAULT_METRIC = {"binary": "roc_auc", "multiclass": "accuracy", "regression": "r2"}


def metric(key: str) -> Metric:
    """The registry entry for ``key``; a ``DataError`` naming the known keys otherwise."""
    if key not in REGISTRY:
        raise DataError(f"Unknown metric {key!r}. Known metrics: {', '.join(REGISTRY)}.")
    return REGISTRY[key]


def scorable(task: str, *, probabilities: bool = True) -> list[str]:
    """The metrics a live model of ``task`` can be scored with, in registry order.

    ``probabilities=False`` leaves out the ones that need ``predict_proba`` (a model without it).
    """
    return [
        key
        for key, entry in REGISTRY.items()
        if task in entry.tasks and (probabilities or entry.needs != "probabilities")
    ]


def scorer_kwargs(key: str, task: str, positive: object) -> dict[str, object]:
    """Extra keywords of the metric function for this task (the positive class, averaging)."""
    kwargs: dict[str, object] = {}
    if key in ("pr_auc", "f1") and task == "binary":
        kwargs["pos_label"] = positive
    if key == "f1" and task == "multiclass":
        kwargs["average"] = "macro"
    return kwargs


def scorer(key: str, task: str, positive: object):
    """A scikit-learn scorer that returns the metric itself (errors stay positive).

    Parameters
    ----------
    key : str
        A metric that applies to ``task`` (see ``scorable``).
    task : {"binary", "multiclass", "regression"}
    positive : object
        The positive class of a binary target (``lessons.features.positive_class``).
    """
    entry = metric(key)
    if task not in entry.tasks:
        raise DataError(f"{entry.name} cannot score a {task} model here.")
    # ROC AUC needs no positive class: it is the same whichever class is called positive.
    kwargs = scorer_kwargs(key, task, positive)
    return make_scorer(entry.function, response_method=entry.response_method, **kwargs)


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
