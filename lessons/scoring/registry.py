"""The metric registry: each metric's name, direction, task and what it needs, and its scorer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    root_mean_squared_error,
)

from lessons.errors import DataError
from lessons.scoring.extra_metrics import (
    hit_at_k,
    map_at_k,
    mase,
    mrr,
    ndcg_at_k,
    precision_at_k,
    recall_at_k,
    smape,
)

KINDS = ("classification", "regression", "ranking", "forecasting")


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
            "MAE over the seasonal naive forecast's error on the training series; below 1 "
            "beats that yardstick, on any scale.",
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
        The positive class of a binary target (``lessons.event.positive_class``).
    """
    entry = metric(key)
    if task not in entry.tasks:
        raise DataError(f"{entry.name} cannot score a {task} model here.")
    # ROC AUC needs no positive class: it is the same whichever class is called positive.
    kwargs = scorer_kwargs(key, task, positive)
    return make_scorer(entry.function, response_method=entry.response_method, **kwargs)
