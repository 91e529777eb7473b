"""The metric guide: which metric to read first for a task and a problem."""

from __future__ import annotations

from dataclasses import dataclass

from lessons import scoring
from lessons.framing.scores import EXPECTED_COST, metric_name

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
        ("accuracy", "roc_auc"),
        "With equal costs, accuracy is one minus the cost per row, so it reads plainly; ROC AUC "
        "checks the ranking before any threshold is picked.",
    ),
    GuideRow(
        "costed",
        "Classification, a miss and a false alarm have known, different costs",
        (EXPECTED_COST, "precision", "recall", "log_loss"),
        "Score the expected cost per 1,000 rows (lesson 1's prices) at the cost-optimal "
        "threshold (the threshold section); "
        "precision and recall there are diagnostics. F1 weighs both errors the same, and F-beta "
        "only tilts it: neither knows your prices. The threshold from the costs needs calibrated "
        "probabilities, which log loss checks.",
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
        ("mae",),
        "MAE charges every unit of error alike and shrugs off a few wild rows; the forecast "
        "that minimises it is the median, not the mean.",
    ),
    GuideRow(
        "regression_tails",
        "A number, big misses are disproportionately bad",
        ("rmse", "r2"),
        "Squaring makes one large error outweigh many small ones; R² is the same squared error "
        "as a share of what predicting the mean would leave.",
    ),
    GuideRow(
        "forecasting",
        "Forecasting a time series",
        ("mase", "mae", "pinball"),
        "MASE is MAE over the seasonal naive forecast's error, so it compares across series "
        "(below 1 beats that yardstick); pinball loss scores the quantile you plan stock to. "
        "MAPE favours forecasting low and explodes near zero.",
    ),
    GuideRow(
        "ranking",
        "Ranking, search, recommendation",
        ("ndcg_at_k", "map_at_k", "hit_at_k", "mrr"),
        "Only the order of the top k matters to the user, not the absolute scores.",
    ),
)

IMBALANCED_BELOW = 0.2


def metric_label(key: str) -> str:
    """The name the guide shows for one of its metrics.

    Lesson 1's expected cost is not in the shared registry (it needs the learner's prices), so
    its name comes from lesson 1; every other key is the registry's.
    """
    return metric_name(key) if key == EXPECTED_COST else scoring.metric(key).name


def guide_metric(key: str | None) -> str:
    """``key`` if the guide can name it (a registry metric or lesson 1's expected cost), else ""."""
    return key if key and (key == EXPECTED_COST or key in scoring.REGISTRY) else ""


def guide_row_for(
    task: str,
    problem: str,
    positive_share: float | None = None,
    costs: tuple[float, float] | None = None,
) -> str:
    """The guide row that fits a dataset, from its task, problem, positive share and costs.

    ``costs`` are lesson 1's (false alarm, miss): unequal ones pick the costed row for a
    yes/no target, rare positives or not, since known prices beat any proxy metric.
    """
    if problem in ("ranking", "forecasting"):
        return problem
    if task == "multiclass":
        return "multiclass"
    if task == "binary":
        if costs is not None and costs[0] != costs[1]:
            return "costed"
        if (
            positive_share is not None
            and min(positive_share, 1 - positive_share) < IMBALANCED_BELOW
        ):
            return "imbalanced"
        return "balanced"
    return "regression"
