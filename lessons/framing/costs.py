"""Question 4 of the framing lesson: the cost of being wrong.

The costs of the two errors, the metric they suggest and the cheapest threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons.framing.scores import EXPECTED_COST, metric_name

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


_RARE_SHARE = 0.2
_LOPSIDED = 1.5


def suggest_metric(
    task: str,
    y_train: np.ndarray,
    costs: Costs,
    *,
    problem: str = "regression",
) -> MetricSuggestion:
    """Turn the cost shape into a metric.

    Two classes with priced, unequal errors: the expected cost per 1,000 rows at the
    cost-optimal threshold (recall or precision alone would each be won by a constant rule:
    flag everyone, flag no one). Equal costs: accuracy on balanced classes; on a rare class
    PR AUC, which says whether the model ranks the rare positives first at all. Regression
    with lopsided costs per unit: the pinball loss at the cost-optimal quantile; symmetric
    costs per unit on a forecast: MAE, which the median forecast minimises (MASE is the same
    error scaled by the naive forecast); otherwise MAE when outliers would dominate squared
    errors, RMSE when they would not. Ranking asks for NDCG@10.

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
        return _binary_suggestion(y_train, costs)
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
    if ratio >= _LOPSIDED or ratio <= 1 / _LOPSIDED:
        side = "too low" if ratio > 1 else "too high"
        return MetricSuggestion(
            "pinball",
            f"predicting {side} costs {max(ratio, 1 / ratio):.3g}× the other way: the "
            f"cost-optimal forecast is the {costs.quantile:.0%} quantile, and the pinball loss "
            "scores exactly that",
            quantile=costs.quantile,
        )
    if problem == "forecasting":
        return MetricSuggestion(
            "mae",
            "a forecast whose misses cost about the same per unit either way: the cheapest "
            "forecast is the median, and MAE scores exactly that (MASE is the same error "
            "divided by the naive forecast's, to read stores of different sizes together; "
            "MAPE would favour forecasting low and explode near zero)",
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


def _binary_suggestion(y_train: np.ndarray, costs: Costs) -> MetricSuggestion:
    share = float(np.mean(y_train == 1))
    if costs.false_positive != costs.false_negative:
        ratio = costs.false_negative / costs.false_positive
        pricier = (
            f"a miss costs {ratio:.3g}× a false alarm"
            if ratio > 1
            else f"a false alarm costs {1 / ratio:.3g}× a miss"
        )
        return MetricSuggestion(
            EXPECTED_COST,
            f"{pricier}, so score what the errors cost: the expected cost per 1,000 rows at "
            "the cost-optimal threshold, with precision and recall at that threshold as "
            "diagnostics. Recall alone is won by flagging everyone, precision by flagging "
            "almost no one",
        )
    if min(share, 1 - share) < _RARE_SHARE:
        return MetricSuggestion(
            "pr_auc",
            f"both errors cost the same, so the expected cost is the error rate, and with "
            f"only {min(share, 1 - share):.1%} of rows in the rare class always answering the "
            "common class is already hard to beat on it; PR AUC says whether the model ranks "
            "the rare positives first at all, before you price the errors",
        )
    return MetricSuggestion(
        "accuracy",
        "both errors cost the same and the classes are balanced: the expected cost is the "
        "error rate, one minus accuracy",
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

    The cost at the chosen threshold is the minimum of a curve read on the same rows, so it
    flatters the threshold; report the threshold's cost on rows that did not choose it.

    Attributes
    ----------
    threshold : float
        Flag a row as positive when its probability is at least this.
    cost : float
        Expected cost per row at that threshold, on the rows that chose it.
    thresholds, costs : numpy.ndarray
        The whole curve (expected cost per row at each threshold).
    theory : float
        The threshold calibrated probabilities need, whatever the base rate:
        c_FP / (c_FP + c_FN). Flagging a row with probability p costs c_FP (1 - p) in
        expectation and letting it through costs c_FN p; they are equal at the theory.
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
    """The threshold with the lowest expected cost on these rows (the lowest one on ties).

    Choose it on rows the model did not fit (the training rows' out-of-fold predictions);
    its cost on those rows is optimistic (see ``ThresholdChoice``), so ``compare_policies``
    reports it on the validation rows, which did not choose it.
    """
    curve = expected_costs(y_true, probability, cost_fp, cost_fn, thresholds)
    best = int(np.argmin(curve))
    return ThresholdChoice(
        threshold=float(thresholds[best]),
        cost=float(curve[best]),
        thresholds=np.asarray(thresholds),
        costs=curve,
        theory=cost_fp / (cost_fp + cost_fn),
    )
