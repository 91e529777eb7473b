"""Question 4, continued: what each flagging policy costs on rows that did not choose it,
and whether the model's probabilities are calibrated enough for the textbook threshold.

The threshold is chosen on the training rows' out-of-fold predictions; the policies are then
scored on the validation rows, where the chosen threshold has no head start, and compared
pairwise on the same bootstrap resamples so a difference inside the noise reads as "no real
difference". The test rows are never read: lesson 2 keeps them for the final evaluation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import expit, logit
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

from lessons import uncertainty
from lessons.framing.costs import Costs, ThresholdChoice, format_threshold, optimal_threshold
from lessons.framing.scores import cost_per_thousand

# --------------------------------------------------------------------------------------
# Flagging policies on held-out rows
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """One way to decide which rows to flag, scored on the validation rows.

    Attributes
    ----------
    name, how : str
        E.g. ``"flag everyone"``, and one sentence on what it does.
    cost : float
        Expected cost of its errors per 1,000 validation rows.
    recall, precision : float
        Diagnostics at this policy: the share of positives caught, the share of flagged
        rows that are positive (NaN when nothing is flagged).
    flagged : float
        Share of validation rows flagged.
    versus_chosen : uncertainty.Comparison or None
        The chosen threshold's cost minus this policy's, on the same bootstrap resamples;
        None for the chosen threshold itself.
    """

    name: str
    how: str
    cost: float
    recall: float
    precision: float
    flagged: float
    versus_chosen: uncertainty.Comparison | None


@dataclass(frozen=True)
class PolicyComparison:
    """The threshold chosen on training rows and every policy's cost on the validation rows.

    Attributes
    ----------
    choice : ThresholdChoice
        Read from the cost curve of the training rows' out-of-fold predictions.
    policies : tuple of Policy
        The model at the chosen threshold first, then the model at 0.5, flag everyone,
        flag no one.
    n_chose, n_scored : int
        Rows that chose the threshold (training rows with an out-of-fold prediction), rows
        that scored it (validation).
    """

    choice: ThresholdChoice
    policies: tuple[Policy, ...]
    n_chose: int
    n_scored: int

    @property
    def chosen(self) -> Policy:
        return self.policies[0]

    def policy(self, name: str) -> Policy:
        return next(p for p in self.policies if p.name == name)

    @property
    def constant_rules(self) -> tuple[Policy, ...]:
        """The rules that need no model: flag everyone, flag no one."""
        return tuple(p for p in self.policies if p.name in (FLAG_ALL, FLAG_NONE))

    @property
    def best_rule(self) -> Policy:
        """The cheaper constant rule on the validation rows."""
        return min(self.constant_rules, key=lambda p: p.cost)


FLAG_ALL, FLAG_NONE = "flag everyone", "flag no one"


def chosen_name(threshold: float) -> str:
    """The name of the model's policy at a threshold: ``quick model at 0.05``."""
    return f"quick model at {format_threshold(threshold)}"


def compare_policies(
    y_choose: np.ndarray,
    probability_choose: np.ndarray,
    y_score: np.ndarray,
    probability_score: np.ndarray,
    costs: Costs,
    *,
    groups_score: np.ndarray | None = None,
    random_state: int = 0,
) -> PolicyComparison:
    """Choose the cost-optimal threshold on one set of rows, score four policies on another.

    Parameters
    ----------
    y_choose, probability_choose : numpy.ndarray
        Targets (1 = positive) and positive-class probabilities of the rows that choose the
        threshold: the training rows' out-of-fold predictions. Rows with a NaN probability
        (no fold predicted them) are left out.
    y_score, probability_score : numpy.ndarray
        The rows that score the policies, untouched by the choice: the validation rows.
    costs : Costs
        ``false_positive`` and ``false_negative`` are used.
    groups_score : numpy.ndarray, optional
        Entity of each scoring row; the bootstrap resamples whole entities.
    random_state : int

    Returns
    -------
    PolicyComparison
    """
    cost_fp, cost_fn = costs.false_positive, costs.false_negative
    probability_choose = np.asarray(probability_choose, dtype=float)
    predicted = np.isfinite(probability_choose)
    choice = optimal_threshold(
        np.asarray(y_choose)[predicted], probability_choose[predicted], cost_fp, cost_fn
    )
    y_score = np.asarray(y_score).astype(int)
    probability_score = np.asarray(probability_score, dtype=float)
    flags = {
        chosen_name(choice.threshold): (
            probability_score >= choice.threshold,
            "the quick model, flagging at the threshold chosen on the training rows "
            "(out-of-fold predictions)",
        )
    }
    if choice.threshold != 0.5:  # at 0.5 the default is the chosen policy, listed once
        flags[chosen_name(0.5)] = (probability_score >= 0.5, "the quick model at the default 0.5")
    flags[FLAG_ALL] = (np.ones(len(y_score), bool), "flags every row: catches every positive")
    flags[FLAG_NONE] = (np.zeros(len(y_score), bool), "flags nothing: every positive is missed")
    chosen, *others = flags
    versus_chosen = paired_cost_bootstraps(
        y_score,
        flags[chosen][0],
        [flags[name][0] for name in others],
        costs,
        names=[(chosen, name) for name in others],
        groups=groups_score,
        random_state=random_state,
    )
    policies = []
    for (name, (flagged, how)), versus in zip(flags.items(), (None, *versus_chosen), strict=True):
        positives = y_score == 1
        caught = np.sum(flagged & positives)
        policies.append(
            Policy(
                name=name,
                how=how,
                cost=cost_per_thousand(y_score, flagged, cost_fp, cost_fn),
                recall=float(caught / positives.sum()) if positives.any() else float("nan"),
                precision=float(caught / flagged.sum()) if flagged.any() else float("nan"),
                flagged=float(flagged.mean()),
                versus_chosen=versus,
            )
        )
    return PolicyComparison(choice, tuple(policies), int(predicted.sum()), len(y_score))


def paired_cost_bootstraps(
    y_true: np.ndarray,
    flagged_a: np.ndarray,
    others: Sequence[np.ndarray],
    costs: Costs,
    *,
    names: Sequence[tuple[str, str]],
    groups: np.ndarray | None = None,
    random_state: int = 0,
) -> tuple[uncertainty.Comparison, ...]:
    """One flagging policy's cost per 1,000 rows against each of ``others``.

    Every pair is compared on the same resamples, drawn once (``paired_mean_bootstraps``).
    """
    y_true = np.asarray(y_true).astype(bool)

    def row_costs(flagged: np.ndarray) -> np.ndarray:
        flagged = np.asarray(flagged).astype(bool)
        return costs.false_positive * (flagged & ~y_true) + costs.false_negative * (
            ~flagged & y_true
        )

    return uncertainty.paired_mean_bootstraps(
        row_costs(flagged_a),
        [row_costs(flagged) for flagged in others],
        names=names,
        greater_is_better=False,
        scale=1000,
        groups=groups,
        random_state=random_state,
    )


def versus_text(policy: Policy) -> str:
    """How the chosen threshold compares with ``policy``: cheaper, dearer or no real difference."""
    versus = policy.versus_chosen
    if versus is None:
        return "the policy the others are compared with"
    band = f"95% CI {versus.low:+,.1f} to {versus.high:+,.1f}"
    if versus.better is None:
        return f"no real difference ({versus.difference:+,.1f}, {band})"
    word = "cheaper" if versus.difference < 0 else "dearer"
    return f"chosen threshold {abs(versus.difference):,.1f} {word} ({band})"


# --------------------------------------------------------------------------------------
# Calibration: when the textbook threshold applies
# --------------------------------------------------------------------------------------

_MIN_ROWS_NEAR = 30
_NEAR = 1.0
"""Half-width of the window around the theoretical threshold, in log-odds."""


@dataclass(frozen=True)
class Reliability:
    """The reliability curve and the Brier score: calibration overall, with no cost in it.

    Attributes
    ----------
    mean_predicted, observed : numpy.ndarray
        Mean predicted probability and share of positives per bin
        (``sklearn.calibration.calibration_curve``, bins holding equal numbers of rows).
    brier, brier_base_rate : float
        Brier score of the model, and of predicting the base rate for every row.
    """

    mean_predicted: np.ndarray
    observed: np.ndarray
    brier: float
    brier_base_rate: float


def reliability(y_true: np.ndarray, probability: np.ndarray, n_bins: int = 10) -> Reliability:
    """The reliability curve and Brier scores of positive-class probabilities.

    Parameters
    ----------
    y_true, probability : numpy.ndarray
        Targets (1 = positive) and positive-class probabilities.
    n_bins : int
    """
    y_true = np.asarray(y_true).astype(int)
    probability = np.asarray(probability, dtype=float)
    observed, mean_predicted = calibration_curve(
        y_true, probability, n_bins=n_bins, strategy="quantile"
    )
    base_rate = float(y_true.mean())
    return Reliability(
        mean_predicted=mean_predicted,
        observed=observed,
        brier=float(brier_score_loss(y_true, probability)),
        brier_base_rate=float(brier_score_loss(y_true, np.full(len(y_true), base_rate))),
    )


@dataclass(frozen=True)
class Calibration:
    """How far predicted probabilities are from observed frequencies.

    Attributes
    ----------
    mean_predicted, observed : numpy.ndarray
        The reliability curve (``sklearn.calibration.calibration_curve``, bins holding equal
        numbers of rows): mean predicted probability and share of positives per bin.
    brier, brier_base_rate : float
        Brier score of the model, and of predicting the base rate for every row.
    theory : float
        The theoretical threshold the check is about.
    window : tuple of float
        Probabilities within one log-odds unit of ``theory``: the rows near the decision.
    n_near : int
        Rows in the window.
    predicted_near, observed_near : float
        Their mean predicted probability and their observed share of positives.
    observed_low, observed_high : float
        95% Wilson interval of the observed share (NaN when too few rows).
    """

    mean_predicted: np.ndarray
    observed: np.ndarray
    brier: float
    brier_base_rate: float
    theory: float
    window: tuple[float, float]
    n_near: int
    predicted_near: float
    observed_near: float
    observed_low: float
    observed_high: float

    @property
    def checkable(self) -> bool:
        """Enough rows near the threshold to judge calibration there."""
        return self.n_near >= _MIN_ROWS_NEAR

    @property
    def calibrated_near_threshold(self) -> bool:
        """The mean predicted probability lies inside the observed share's interval."""
        return self.checkable and self.observed_low <= self.predicted_near <= self.observed_high

    def text(self) -> str:
        """One sentence: does the theory's threshold apply to this model?"""
        low, high = self.window
        where = f"near the theoretical threshold {self.theory:.3g} (probabilities {low:.3g} to {high:.3g})"
        if not self.checkable:
            return (
                f"Only {self.n_near} validation rows score {where}, too few to check "
                "calibration there: trust the threshold found on data, not the formula."
            )
        measured = (
            f"{self.n_near:,} validation rows score {where}; the model predicts "
            f"{self.predicted_near:.1%} for them on average and {self.observed_near:.1%} are "
            f"positive (95% CI {self.observed_low:.1%} to {self.observed_high:.1%})"
        )
        if self.calibrated_near_threshold:
            return (
                f"{measured}: no evidence of miscalibration there at this sample size, so a "
                "gap between the formula's threshold and the one found on data is within what "
                "calibration can explain."
            )
        side = "overstates" if self.predicted_near > self.observed_high else "understates"
        return (
            f"{measured}: the model {side} the risk there, so the formula's threshold is off; "
            "use the threshold found on data, or recalibrate the probabilities first."
        )


def calibration(
    y_true: np.ndarray,
    probability: np.ndarray,
    theory: float,
    n_bins: int = 10,
    *,
    overall: Reliability | None = None,
) -> Calibration:
    """The reliability curve, the Brier score, and calibration near ``theory``.

    Parameters
    ----------
    y_true, probability : numpy.ndarray
        Targets (1 = positive) and positive-class probabilities of the validation rows.
    theory : float
        The threshold c_FP / (c_FP + c_FN), strictly between 0 and 1.
    n_bins : int
    overall : Reliability, optional
        ``reliability(y_true, probability, n_bins)`` when already at hand: it takes no cost,
        so a page that moves ``theory`` computes it once.
    """
    y_true = np.asarray(y_true).astype(int)
    probability = np.asarray(probability, dtype=float)
    if overall is None:
        overall = reliability(y_true, probability, n_bins)
    centre = float(logit(theory))
    low, high = float(expit(centre - _NEAR)), float(expit(centre + _NEAR))
    near = (probability >= low) & (probability <= high)
    n_near = int(near.sum())
    if n_near:
        predicted_near = float(probability[near].mean())
        positives = int(y_true[near].sum())
        observed_near = positives / n_near
        observed_low, observed_high = _wilson(positives, n_near)
    else:
        predicted_near = observed_near = observed_low = observed_high = float("nan")
    return Calibration(
        mean_predicted=overall.mean_predicted,
        observed=overall.observed,
        brier=overall.brier,
        brier_base_rate=overall.brier_base_rate,
        theory=theory,
        window=(low, high),
        n_near=n_near,
        predicted_near=predicted_near,
        observed_near=observed_near,
        observed_low=observed_low,
        observed_high=observed_high,
    )


def _wilson(positives: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion: sound with few positives, unlike p ± z·se."""
    share = positives / n
    centre = (share + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * np.sqrt(share * (1 - share) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return float(centre - half), float(centre + half)
