"""What the outcomes say once they arrive: the score, calibration and the outcome alert.

Inputs and predictions can be watched on the day; they cannot see a change in how the inputs
relate to the outcome (concept drift), because the inputs did not move. Only outcomes reveal
it, and they arrive late. ROC AUC is a ranking score: when the positive rate moves (prior
shift) the ranking can stay as good while every probability is wrong, so the outcome check
also compares the predicted positive rate with the observed one and tracks the Brier score.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score

from lessons import scoring
from lessons.monitoring.settings import GATE_MARGIN, RATE_GAP_ERRORS
from lessons.uncertainty import bootstrap_interval, metric_function


def performance(task: str, y_true, scores) -> float:
    """The task's metric: ROC AUC on probabilities, accuracy on classes, R² on values."""
    y_true = np.asarray(y_true)
    if task == "binary":
        return float(roc_auc_score(y_true, scores)) if len(np.unique(y_true)) == 2 else math.nan
    if task == "multiclass":
        return float(accuracy_score(y_true.astype(str), np.asarray(scores).astype(str)))
    return float(r2_score(y_true, scores)) if len(y_true) > 1 else math.nan


def _baseline(task: str, y_true) -> float:
    y_true = pd.Series(np.asarray(y_true))
    if task == "binary":
        return 0.5
    if task == "multiclass":
        return float(y_true.astype(str).value_counts(normalize=True).iloc[0])
    return 0.0


def chance_margin(task: str, truth) -> float:
    """How far above the baseline a score must be to be more than luck on this holdout.

    Two standard errors of the score under "no skill" (at least ``GATE_MARGIN``): for ROC
    AUC, ``sqrt((n1 + n0 + 1) / (12 n1 n0))``; for accuracy, ``sqrt(p (1 - p) / n)``.
    A small holdout needs a bigger margin, so a lucky candidate cannot pass on noise.
    """
    return max(GATE_MARGIN, 2 * _chance_error(task, np.asarray(truth)))


def _chance_error(task: str, truth: np.ndarray) -> float:
    """The score's standard error under no skill (0 where it has no closed form)."""
    if task == "binary":
        positives = int(np.sum(truth == 1))
        negatives = len(truth) - positives
        if positives == 0 or negatives == 0:
            return 0.0
        return math.sqrt((positives + negatives + 1) / (12 * positives * negatives))
    if task == "multiclass":
        share = _baseline(task, truth)
        return math.sqrt(share * (1 - share) / max(len(truth), 1))
    return 0.0


def outcome_feed_broken(outcomes) -> bool:
    """The outcome data check on arrival: every outcome of the month holds the same value.

    A real month always mixes outcomes; one value everywhere is a broken join filling a
    default, and such a month must not train or judge any later version.
    """
    return pd.Series(np.asarray(outcomes)).nunique(dropna=True) < 2


@dataclass(frozen=True)
class OutcomeCheck:
    """One batch of scored rows whose outcomes have arrived, compared with its reference.

    Attributes
    ----------
    score : float
        The task's metric (ROC AUC, accuracy or R²).
    predicted_rate, observed_rate : float
        Binary tasks: the mean predicted probability and the share of positives (NaN
        otherwise). A calibrated model keeps them close whatever the positive rate.
    brier : float
        Binary tasks: mean squared error of the probabilities (lower is better; NaN otherwise).
    reasons : tuple of str
        Why the outcome alert fired, empty when it did not.
    """

    score: float
    predicted_rate: float
    observed_rate: float
    brier: float
    reasons: tuple[str, ...] = ()
    score_error: float = math.nan
    """The score's bootstrap standard error, when it serves as a reference (NaN otherwise)."""
    brier_error: float = math.nan
    """The Brier score's standard error, when it serves as a reference (NaN otherwise)."""

    @property
    def alert(self) -> bool:
        return bool(self.reasons)

    @property
    def rate_gap(self) -> float:
        """Observed minus predicted positive rate."""
        return self.observed_rate - self.predicted_rate


SCORE_ERROR_RESAMPLES = 200
"""Bootstrap resamples behind a standard error: enough for a noise band, quick for a month."""


def score_error(task: str, truth, scores, n_effective: int | None = None) -> float:
    """The bootstrap standard error of the task's score on a batch (NaN on under 5 rows).

    Counted on the batch's independent rows: a batch drawn with replacement repeats rows,
    so its error is scaled up by ``sqrt(rows / n_effective)``.
    """
    truth, scores = np.asarray(truth), np.asarray(scores)
    if len(truth) < 5:
        return math.nan
    interval = bootstrap_interval(
        metric_function(scoring.DEFAULT_METRIC[task], task),
        truth,
        scores,
        n_resamples=SCORE_ERROR_RESAMPLES,
    )
    # A 95 % percentile interval spans about 2 x 1.96 standard errors.
    error = interval.half_width / 1.96
    return error * math.sqrt(len(truth) / max(n_effective or len(truth), 1))


def score_band(
    task: str, truth, scores, n_effective: int, reference_error: float = math.nan
) -> float:
    """How far a batch's score may fall below the reference by chance alone.

    ``RATE_GAP_ERRORS`` standard errors of the difference between the batch's score and the
    reference's, at least ``GATE_MARGIN``. The batch's error is, for ROC AUC, its closed form
    under no skill (the largest it gets) and otherwise a bootstrap (``score_error``); the
    reference's own noise is added, since it too was read on a sample.
    """
    truth = np.asarray(truth)
    if task == "binary":
        error = _chance_error(task, truth) * math.sqrt(len(truth) / max(n_effective, 1))
    else:
        error = score_error(task, truth, scores, n_effective)
    reference = reference_error if math.isfinite(reference_error) else 0.0
    spread = math.hypot(error if math.isfinite(error) else 0.0, reference)
    return max(GATE_MARGIN, RATE_GAP_ERRORS * spread)


def rate_band(predicted_rate: float, n_rows: int) -> float:
    """How far the observed positive rate may sit from the predicted one by chance alone.

    ``RATE_GAP_ERRORS`` standard errors of a share on ``n_rows`` rows: 600 rows at a 20 %
    rate give 3 x 0.016 = 0.049.
    """
    p = min(max(predicted_rate, 0.01), 0.99)
    return RATE_GAP_ERRORS * math.sqrt(p * (1 - p) / max(n_rows, 1))


def brier_band(squared_errors: np.ndarray) -> float:
    """How far a batch's Brier score may rise by chance: ``RATE_GAP_ERRORS`` standard errors."""
    if len(squared_errors) < 2:
        return math.inf
    return RATE_GAP_ERRORS * float(np.std(squared_errors, ddof=1)) / math.sqrt(len(squared_errors))


def reference_check(task: str, truth, scores) -> OutcomeCheck:
    """``check_outcomes`` of the rows a version is judged against later, with its own noise.

    The score a version is published with was read on a sample too; its standard error joins
    the outcome alert's band, so a reference that came out high by luck (or was picked for
    scoring high) does not make every later month look like a fall.
    """
    check = check_outcomes(task, truth, scores)
    brier_error = math.nan
    if task == "binary" and len(truth) > 1:
        squared = (np.asarray(scores, dtype=float) - np.asarray(truth)) ** 2
        brier_error = float(np.std(squared, ddof=1)) / math.sqrt(len(squared))
    return replace(check, score_error=score_error(task, truth, scores), brier_error=brier_error)


def check_outcomes(
    task: str,
    truth: np.ndarray,
    scores: np.ndarray,
    *,
    reference: OutcomeCheck | None = None,
    n_effective: int | None = None,
) -> OutcomeCheck:
    """Score a batch and, against ``reference`` (the live version at publishing), alert.

    The outcome alert fires when the score falls by more than chance below the reference
    (``score_band``), or, for binary tasks, when the observed positive rate
    leaves the predicted rate's ``rate_band`` or the Brier score rises by more than
    ``brier_band``. ``n_effective`` is the batch's number of independent rows when it was
    resampled with replacement (defaults to its length).
    """
    truth = np.asarray(truth)
    score = performance(task, truth, scores)
    if task != "binary":
        check = OutcomeCheck(score, math.nan, math.nan, math.nan)
    else:
        probabilities = np.asarray(scores, dtype=float)
        squared = (probabilities - truth) ** 2
        check = OutcomeCheck(
            score, float(probabilities.mean()), float(truth.mean()), float(squared.mean())
        )
    if reference is None or len(truth) == 0:
        return check
    n = n_effective or len(truth)
    reasons = []
    margin = score_band(task, truth, scores, n, reference.score_error)
    if math.isfinite(score) and score < reference.score - margin:
        reasons.append(f"{score:.3f} is more than {margin:.3f} below {reference.score:.3f}")
    if task == "binary":
        band = rate_band(check.predicted_rate, n)
        if abs(check.rate_gap) > band:
            reasons.append(
                f"{check.observed_rate:.0%} positive against {check.predicted_rate:.0%} "
                f"predicted (chance allows ±{band:.0%})"
            )
        rise = brier_band(squared) * math.sqrt(len(truth) / n)
        if math.isfinite(reference.brier_error):
            # The reference's Brier score was read on a sample too.
            rise = math.hypot(rise, RATE_GAP_ERRORS * reference.brier_error)
        if check.brier > reference.brier + rise:
            reasons.append(
                f"Brier {check.brier:.3f} against {reference.brier:.3f} at publishing "
                f"(chance allows +{rise:.3f})"
            )
    return replace(check, reasons=tuple(reasons))
