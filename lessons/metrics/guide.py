"""The metric guide: which metric to read first for a task and a problem."""

from __future__ import annotations

from dataclasses import dataclass

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
