"""Scoring the framing lesson's candidates: the verdict and the cost comparison."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lessons import scoring
from lessons.framing.baselines import FrameEvaluation
from lessons.framing.costs import Costs, MetricSuggestion, ThresholdChoice
from lessons.framing.scores import Predictions, format_score, higher_is_better, metric_name, score

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
    best_baseline : Scored
    model : Scored
    text : str
        One sentence with the numbers.
    """

    earns_keep: bool
    best_baseline: Scored
    model: Scored
    text: str


def score_candidates(
    held_out: FrameEvaluation, suggestion: MetricSuggestion, threshold: float | None = None
) -> list[Scored]:
    """Every candidate's validation score under the suggested metric.

    For binary thresholded metrics (accuracy, F1, precision, recall) the quick model flags
    rows whose probability is at least ``threshold`` (0.5 when None).
    """
    out = []
    for candidate in held_out.candidates:
        predictions = candidate.predictions
        if (
            candidate.is_model
            and held_out.task == "binary"
            and threshold is not None
            and scoring.metric(suggestion.metric).thresholded
        ):
            flagged = (predictions.scores[:, 1] >= threshold).astype(int)
            predictions = Predictions(flagged, predictions.scores)
        value = score(
            suggestion.metric,
            held_out.y_valid,
            predictions,
            quantile=suggestion.quantile,
            groups=held_out.groups_valid,
        )
        out.append(Scored(candidate.name, candidate.how, value, candidate.is_model))
    return out


def verdict(scored: Sequence[Scored], metric: str) -> Verdict:
    """Compare the quick model with the best baseline under ``metric``."""
    higher = higher_is_better(metric)
    baselines = [s for s in scored if not s.is_model and np.isfinite(s.score)]
    model = next(s for s in scored if s.is_model)
    if not baselines or not np.isfinite(model.score):
        return Verdict(
            False,
            model,
            model,
            "The score is undefined on these rows (a single class in validation).",
        )
    best = (
        max(baselines, key=lambda s: s.score) if higher else min(baselines, key=lambda s: s.score)
    )
    name = metric_name(metric)
    shown_model, shown_base = format_score(metric, model.score), format_score(metric, best.score)
    if higher:
        gain = model.score - best.score
        earns = gain > 0.01
        amount = (
            f"{gain:+.3f}"
            if metric not in ("accuracy", "precision", "recall")
            else f"{gain * 100:+.1f} points"
        )
    else:
        gain = best.score - model.score
        relative = gain / best.score if best.score else 0.0
        earns = relative > 0.02
        amount = f"{relative:.0%} lower error"
    if earns:
        text = (
            f"The quick model earns its keep: {name} {shown_model} against {shown_base} for "
            f"the best baseline ({best.name}), {amount}."
        )
    else:
        text = (
            f"The quick model does not beat the bar: {name} {shown_model} against {shown_base} "
            f"for the {best.name} baseline. Ship the baseline, or find better features."
        )
    return Verdict(earns, best, model, text)


@dataclass(frozen=True)
class CostComparison:
    """Expected cost per 1,000 validation rows: the model at its threshold vs doing nothing."""

    model: float
    flag_none: float
    flag_all: float

    @property
    def best_rule(self) -> tuple[str, float]:
        return min(
            (("flag nobody", self.flag_none), ("flag everybody", self.flag_all)), key=lambda p: p[1]
        )


def cost_comparison(y_valid: np.ndarray, choice: ThresholdChoice, costs: Costs) -> CostComparison:
    """The model's cost at its optimal threshold against the two constant rules."""
    positives = float(np.mean(y_valid == 1))
    return CostComparison(
        model=1000 * choice.cost,
        flag_none=1000 * positives * costs.false_negative,
        flag_all=1000 * (1 - positives) * costs.false_positive,
    )
