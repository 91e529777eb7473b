"""Question 4 of the framing lesson: the cost of being wrong.

The costs of the two errors, the metric they suggest and the cheapest threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons.framing.scores import metric_name

# --------------------------------------------------------------------------------------
# Question 4: the cost of being wrong
# --------------------------------------------------------------------------------------


# The cost of one error, in the learner's unit, on every page that asks for it (/frame, /metrics):
# whole numbers, a false alarm and a miss each between 1 and 100 (a 100:1 asymmetry at most).
COST_RANGE = (1, 100)


@dataclass(frozen=True)
class Costs:
    """The cost of each kind of error, in any unit the learner likes (euros, hours).

    Attributes
    ----------
    false_positive, false_negative : float
        Classification: a false alarm, a miss.
    under, over : float
        Regression: predicting one unit too low, one unit too high.
    """

    false_positive: float = 1.0
    false_negative: float = 1.0
    under: float = 1.0
    over: float = 1.0

    @property
    def quantile(self) -> float:
        """The cost-optimal quantile to predict: under / (under + over)."""
        return self.under / (self.under + self.over)


@dataclass(frozen=True)
class MetricSuggestion:
    """The metric that matches the cost shape, and why.

    Attributes
    ----------
    metric : str
        A key of ``lessons.scoring.REGISTRY``.
    reason : str
    quantile : float
        The quantile for ``"pinball"`` (0.5 otherwise).
    """

    metric: str
    reason: str
    quantile: float = 0.5

    @property
    def name(self) -> str:
        name = metric_name(self.metric)
        return f"{name} at the {self.quantile:.0%} quantile" if self.metric == "pinball" else name


_ASYMMETRY = 2.0
_RARE_SHARE = 0.2


def suggest_metric(
    task: str,
    y_train: np.ndarray,
    costs: Costs,
    *,
    problem: str = "regression",
) -> MetricSuggestion:
    """Turn the cost shape into a metric.

    Classification: a miss that costs at least twice a false alarm asks for recall, the
    reverse for precision; similar costs on a rare class ask for PR AUC, otherwise
    accuracy. Regression: lopsided costs ask for the pinball loss at the cost-optimal
    quantile; otherwise MAPE for forecasts of positive amounts, MAE when outliers would
    dominate squared errors, RMSE when they would not. Ranking asks for NDCG@10.

    Parameters
    ----------
    task : {"binary", "multiclass", "regression"}
    y_train : numpy.ndarray
        Training targets (encoded classes for classification).
    costs : Costs
    problem : str
        The dataset's problem; ``"ranking"`` and ``"forecasting"`` change the regression
        suggestion.
    """
    if task == "binary":
        ratio = costs.false_negative / costs.false_positive
        share = float(np.mean(y_train == 1))
        if ratio >= _ASYMMETRY:
            return MetricSuggestion(
                "recall",
                f"a miss costs {ratio:.3g}× a false alarm: count how many positives you catch, "
                "and let the cost-optimal threshold keep false alarms in check",
            )
        if ratio <= 1 / _ASYMMETRY:
            return MetricSuggestion(
                "precision",
                f"a false alarm costs {1 / ratio:.3g}× a miss: make sure what you flag is right",
            )
        if min(share, 1 - share) < _RARE_SHARE:
            return MetricSuggestion(
                "pr_auc",
                f"errors cost about the same but only {min(share, 1 - share):.1%} of rows are "
                "in the rare class: accuracy would reward predicting the common class for all",
            )
        return MetricSuggestion(
            "accuracy", "errors cost about the same and the classes are balanced"
        )
    if task == "multiclass":
        shares = pd.Series(y_train).value_counts(normalize=True)
        if shares.min() < _RARE_SHARE / 2 or shares.max() / shares.min() >= 3:
            return MetricSuggestion(
                "f1",
                f"the smallest class is {shares.min():.1%} of rows: macro-F1 weighs every "
                "class equally, so a rare class cannot be ignored",
            )
        return MetricSuggestion("accuracy", "the classes are of similar size")
    if problem == "ranking":
        return MetricSuggestion(
            "ndcg_at_k",
            "the decision is the order of results per query: NDCG@10 rewards putting the "
            "most relevant ones on top, whatever the absolute scores",
        )
    ratio = costs.under / costs.over
    if ratio >= 1.5 or ratio <= 1 / 1.5:
        side = "too low" if ratio > 1 else "too high"
        return MetricSuggestion(
            "pinball",
            f"predicting {side} costs {max(ratio, 1 / ratio):.3g}× the other way: the "
            f"cost-optimal forecast is the {costs.quantile:.0%} quantile, and the pinball loss "
            "scores exactly that",
            quantile=costs.quantile,
        )
    if problem == "forecasting" and np.all(y_train > 0):
        return MetricSuggestion(
            "mape",
            "a forecast of positive amounts with symmetric costs: the error as a share of "
            "the actual value reads the same for a small store and a big one",
        )
    if _has_outliers(y_train):
        return MetricSuggestion(
            "mae",
            "symmetric costs and a few extreme targets: squared errors would let those few "
            "rows dominate, absolute errors do not",
        )
    return MetricSuggestion(
        "rmse", "symmetric costs and no extreme targets: RMSE punishes big misses most"
    )


def _has_outliers(values: np.ndarray) -> bool:
    q1, q3 = np.percentile(values, [25, 75])
    spread = q3 - q1
    if spread == 0:
        return False
    far = (values < q1 - 3 * spread) | (values > q3 + 3 * spread)
    return bool(np.mean(far) > 0.002)


# Finer steps below 0.1: with a rare positive class the cheapest threshold is often tiny.
THRESHOLDS: np.ndarray = np.unique(
    np.round(np.concatenate([np.linspace(0.0, 0.1, 101), np.linspace(0.1, 1.0, 91)]), 3)
)


def format_threshold(threshold: float) -> str:
    """A threshold with as many decimals as the grid has there: 0.5, 0.25, 0.007."""
    return f"{threshold:.3f}".rstrip("0").rstrip(".") or "0"


@dataclass(frozen=True)
class ThresholdChoice:
    """The cost-optimal threshold and the curve it was read from.

    Attributes
    ----------
    threshold : float
        Flag a row as positive when its probability is at least this.
    cost : float
        Expected cost per row at that threshold.
    thresholds, costs : numpy.ndarray
        The whole curve (expected cost per row at each threshold).
    theory : float
        The threshold a perfectly calibrated model would need: c_FP / (c_FP + c_FN).
    """

    threshold: float
    cost: float
    thresholds: np.ndarray
    costs: np.ndarray
    theory: float


def expected_costs(
    y_true: np.ndarray,
    probability: np.ndarray,
    cost_fp: float,
    cost_fn: float,
    thresholds: np.ndarray = THRESHOLDS,
) -> np.ndarray:
    """Mean cost per row when flagging ``probability >= t``, for each threshold ``t``."""
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(probability)[None, :] >= np.asarray(thresholds)[:, None]
    false_pos = (flagged & ~y_true[None, :]).sum(axis=1)
    false_neg = (~flagged & y_true[None, :]).sum(axis=1)
    return (cost_fp * false_pos + cost_fn * false_neg) / len(y_true)


def optimal_threshold(
    y_true: np.ndarray,
    probability: np.ndarray,
    cost_fp: float,
    cost_fn: float,
    thresholds: np.ndarray = THRESHOLDS,
) -> ThresholdChoice:
    """The threshold with the lowest expected cost on these rows (the lowest one on ties)."""
    curve = expected_costs(y_true, probability, cost_fp, cost_fn, thresholds)
    best = int(np.argmin(curve))
    return ThresholdChoice(
        threshold=float(thresholds[best]),
        cost=float(curve[best]),
        thresholds=np.asarray(thresholds),
        costs=curve,
        theory=cost_fp / (cost_fp + cost_fn),
    )
