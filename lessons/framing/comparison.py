"""Question 5 of the framing lesson: the bar to beat, and whether the quick model clears it.

"Clears it" means the paired bootstrap interval of the difference, model minus the best
baseline on the same rows, excludes zero; otherwise the verdict is "no real difference".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons import uncertainty
from lessons.framing.baselines import FrameEvaluation
from lessons.framing.costs import Costs, MetricSuggestion
from lessons.framing.policies import (
    FLAG_ALL,
    FLAG_NONE,
    PolicyComparison,
    compare_policies,
)
from lessons.framing.scores import (
    EXPECTED_COST,
    Predictions,
    format_difference,
    format_score,
    higher_is_better,
    metric_name,
    ndcg_per_query,
    score,
)

# --------------------------------------------------------------------------------------
# Scoring the candidates, the verdict
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scored:
    """A candidate's held-out score under the chosen metric."""

    name: str
    how: str
    score: float
    is_model: bool


@dataclass(frozen=True)
class Verdict:
    """Is the model earning its keep against the best baseline?

    Attributes
    ----------
    earns_keep : bool
        True only when the model is better beyond the noise.
    best_baseline : Scored
    model : Scored
    comparison : uncertainty.Comparison or None
        Model minus best baseline on the same bootstrap resamples; None when a score is
        undefined.
    text : str
        One or two sentences with the numbers.
    """

    earns_keep: bool
    best_baseline: Scored
    model: Scored
    comparison: uncertainty.Comparison | None
    text: str


@dataclass(frozen=True)
class BarToBeat:
    """Every candidate scored on held-out rows, and the verdict.

    Attributes
    ----------
    metric : str
        The suggested metric's key (``EXPECTED_COST`` or a registry key).
    scored : tuple of Scored
        Baselines first, the quick model last.
    verdict : Verdict
    rows : str
        Where the scores were read: always ``"validation"``. Nothing was chosen on them (a
        threshold is chosen on the training rows' out-of-fold predictions), and the test
        rows are kept for the final evaluation.
    n_rows : int
    policies : PolicyComparison or None
        For the expected cost: every flagging policy with its diagnostics.
    """

    metric: str
    scored: tuple[Scored, ...]
    verdict: Verdict
    rows: str
    n_rows: int
    policies: PolicyComparison | None


def bar_to_beat(
    held_out: FrameEvaluation,
    suggestion: MetricSuggestion,
    costs: Costs | None = None,
    *,
    random_state: int = 0,
) -> BarToBeat:
    """Score the baselines and the quick model under the suggested metric, and compare.

    The expected cost needs a threshold, chosen on the training rows' out-of-fold
    predictions; the candidates (flag no one, flag everyone, the model at 0.5 and at the
    chosen threshold) are scored on the validation rows, which did not choose it. Every other
    metric is read on the validation rows with the model's own class predictions (0.5 for two
    classes): nothing was tuned on them either. The test rows are never read.

    Parameters
    ----------
    held_out : FrameEvaluation
    suggestion : MetricSuggestion
    costs : Costs, optional
        The learner's costs (used by the expected cost); equal costs by default.
    random_state : int
        Seed of the bootstrap.
    """
    costs = costs or Costs()
    if suggestion.metric == EXPECTED_COST:
        return bar_from_policies(policy_comparison(held_out, costs, random_state=random_state))
    scored = score_candidates(held_out, suggestion)
    baselines = [s for s in scored if not s.is_model and np.isfinite(s.score)]
    model = scored[-1]
    if not baselines or not np.isfinite(model.score):
        text = "The score is undefined on these rows (a single class in validation)."
        verdict = Verdict(False, model, model, None, text)
        return BarToBeat(suggestion.metric, tuple(scored), verdict, "validation", 0, None)
    pick = max if higher_is_better(suggestion.metric) else min
    best = pick(baselines, key=lambda s: s.score)
    candidate = {c.name: c for c in held_out.candidates}
    model_predictions = candidate[model.name].predictions
    best_predictions = candidate[best.name].predictions
    names = (model.name, best.name)
    greater = higher_is_better(suggestion.metric)
    if suggestion.metric in _ROW_LOSSES:
        row_loss = _ROW_LOSSES[suggestion.metric]
        y, quantile = held_out.y_valid, suggestion.quantile
        comparison = uncertainty.paired_mean_bootstrap(
            row_loss(y, model_predictions.labels, quantile),
            row_loss(y, best_predictions.labels, quantile),
            names=names,
            greater_is_better=greater,
            groups=held_out.groups_valid,
            random_state=random_state,
        )
    else:
        scorer, y, groups, pack = _paired_inputs(held_out, suggestion)
        comparison = uncertainty.paired_bootstrap(
            scorer,
            y,
            pack(model_predictions),
            pack(best_predictions),
            greater_is_better=greater,
            names=names,
            groups=groups,
            random_state=random_state,
        )
    verdict = _verdict(suggestion.metric, model, best, comparison, "validation", held_out.n_valid)
    return BarToBeat(
        suggestion.metric, tuple(scored), verdict, "validation", held_out.n_valid, None
    )


def score_candidates(held_out: FrameEvaluation, suggestion: MetricSuggestion) -> list[Scored]:
    """Every candidate's validation score under a registry metric (not the expected cost).

    Two-class labels are the model's own class predictions, probability 0.5 and up: a
    threshold chosen on these rows would flatter the model on them.
    """
    return [
        Scored(
            candidate.name,
            candidate.how,
            score(
                suggestion.metric,
                held_out.y_valid,
                candidate.predictions,
                quantile=suggestion.quantile,
                groups=held_out.groups_valid,
            ),
            candidate.is_model,
        )
        for candidate in held_out.candidates
    ]


def _pinball(y: np.ndarray, predicted: np.ndarray, quantile: float) -> np.ndarray:
    gap = np.asarray(y, dtype=float) - np.asarray(predicted, dtype=float)
    return np.where(gap >= 0, quantile * gap, (quantile - 1) * gap)


# Metrics that are the mean of one number per row, scikit-learn's definitions row by row:
# their bootstrap sums per-row values instead of calling a scorer 1,000 times.
_ROW_LOSSES: dict[str, Callable[[np.ndarray, np.ndarray, float], np.ndarray]] = {
    "accuracy": lambda y, predicted, _: (np.asarray(y) == np.asarray(predicted)).astype(float),
    "mae": lambda y, predicted, _: np.abs(np.asarray(y, float) - np.asarray(predicted, float)),
    "pinball": _pinball,
}


def _paired_inputs(
    held_out: FrameEvaluation, suggestion: MetricSuggestion
) -> tuple[
    uncertainty.ScoreFunction, np.ndarray, np.ndarray | None, Callable[[Predictions], np.ndarray]
]:
    """What ``paired_bootstrap`` resamples: a scorer, targets, groups and a packer.

    Each candidate's predictions are packed into one array (labels, then the class
    probabilities) so resampling rows keeps them together; NDCG is resampled by query, as
    the mean of per-query values.
    """
    metric, y = suggestion.metric, held_out.y_valid
    if metric == "ndcg_at_k":
        queries = pd.unique(held_out.groups_valid)

        def per_query(predictions: Predictions) -> np.ndarray:
            return ndcg_per_query(y, predictions.labels, held_out.groups_valid)

        return _nan_mean, np.zeros(len(queries)), None, per_query
    classes = held_out.task != "regression"

    def pack(predictions: Predictions) -> np.ndarray:
        if predictions.scores is None:
            return np.asarray(predictions.labels, dtype=float)[:, None]
        return np.column_stack([predictions.labels, predictions.scores])

    def scorer(y_true: np.ndarray, packed: np.ndarray) -> float:
        labels = packed[:, 0].astype(int) if classes else packed[:, 0]
        scores = packed[:, 1:] if packed.shape[1] > 1 else None
        return score(metric, y_true, Predictions(labels, scores), quantile=suggestion.quantile)

    return scorer, y, held_out.groups_valid, pack


def _nan_mean(_: np.ndarray, values: np.ndarray) -> float:
    finite = values[np.isfinite(values)]
    return float(finite.mean()) if len(finite) else float("nan")


def policy_comparison(
    held_out: FrameEvaluation, costs: Costs, *, random_state: int = 0
) -> PolicyComparison:
    """Choose the threshold on the training rows' out-of-fold predictions, score on validation.

    Only the costs change when a slider moves: the predictions come cached with
    ``held_out``, so this re-thresholds and re-bootstraps, nothing is refitted.
    """
    return compare_policies(
        held_out.y_train,
        held_out.out_of_fold.probability,
        held_out.y_valid,
        held_out.model.predictions.scores[:, 1],
        costs,
        groups_score=held_out.groups_valid,
        random_state=random_state,
    )


def bar_from_policies(policies: PolicyComparison) -> BarToBeat:
    """The bar to beat under the expected cost, from the policies already compared.

    What :func:`bar_to_beat` returns for the expected cost, without re-running the
    comparison when the page has just made it (same rows, costs and seed).
    """
    rules = (FLAG_NONE, FLAG_ALL)
    # The constant rules first, the chosen threshold last: the order of every baseline table.
    models = [p for p in policies.policies if p.name not in rules]
    scored = tuple(
        Scored(p.name, p.how, p.cost, p.name not in rules)
        for p in (*(policies.policy(name) for name in rules), *models[1:], models[0])
    )
    best = policies.best_rule
    verdict = _verdict(
        EXPECTED_COST,
        scored[-1],
        next(s for s in scored if s.name == best.name),
        best.versus_chosen,
        "validation",
        policies.n_scored,
    )
    return BarToBeat(EXPECTED_COST, scored, verdict, "validation", policies.n_scored, policies)


def _verdict(
    metric: str,
    model: Scored,
    best: Scored,
    comparison: uncertainty.Comparison,
    rows: str,
    n_rows: int,
) -> Verdict:
    name = metric_name(metric)
    scores = (
        f"{name} {format_score(metric, model.score)} for the quick model against "
        f"{format_score(metric, best.score)} for the best baseline ({best.name}) on "
        f"{n_rows:,} {rows} rows"
    )
    if np.isfinite(comparison.low):
        band = (
            f"difference {format_difference(metric, comparison.difference)}, 95% CI "
            f"{format_difference(metric, comparison.low)} to "
            f"{format_difference(metric, comparison.high)}"
        )
    else:
        band = "too few resamples had a defined score to measure the noise"
    earns = comparison.better == model.name
    if earns:
        text = f"The quick model earns its keep: {scores} ({band}, clear of zero)."
    elif comparison.better is None:
        text = (
            f"No real difference: {scores} ({band}, which includes 0). Ship the baseline, "
            "or find better features."
        )
    else:
        text = f"The baseline wins: {scores} ({band}). Ship the baseline, or find better features."
    return Verdict(earns, best, model, comparison, text)
