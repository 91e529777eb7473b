"""Lesson 1, Frame the problem: task inference, baselines, cost of errors, the framing spec.

Everything here is pure: data in, small frozen results out, seeded randomness. The page asks
the learner five questions (decision, paradigm, target shape, cost of errors, baseline) and
these functions turn the answers into numbers computed on honest held-out rows.
"""

from lessons.framing.baselines import (
    Candidate,
    FrameEvaluation,
    encode_target,
    evaluate,
    model_name,
    naive_forecasts,
    quick_model,
    quick_model_key,
    seasonal_lag,
)
from lessons.framing.comparison import (
    CostComparison,
    Scored,
    Verdict,
    cost_comparison,
    score_candidates,
    verdict,
)
from lessons.framing.costs import (
    COST_RANGE,
    THRESHOLDS,
    Costs,
    MetricSuggestion,
    ThresholdChoice,
    expected_costs,
    format_threshold,
    optimal_threshold,
    suggest_metric,
)
from lessons.framing.paradigms import CARDS, PARADIGMS, ScenarioCard, grade_card, paradigm_score
from lessons.framing.scores import (
    RANKING_K,
    Predictions,
    format_score,
    higher_is_better,
    metric_name,
    score,
)
from lessons.framing.spec import FramingSpec, render_spec
from lessons.framing.task import (
    TASK_NAMES,
    TASKS,
    TaskGuess,
    effective_problem,
    infer_task,
    retarget,
)

__all__ = [
    "CARDS",
    "COST_RANGE",
    "PARADIGMS",
    "RANKING_K",
    "TASKS",
    "TASK_NAMES",
    "THRESHOLDS",
    "Candidate",
    "CostComparison",
    "Costs",
    "FrameEvaluation",
    "FramingSpec",
    "MetricSuggestion",
    "Predictions",
    "ScenarioCard",
    "Scored",
    "TaskGuess",
    "ThresholdChoice",
    "Verdict",
    "cost_comparison",
    "effective_problem",
    "encode_target",
    "evaluate",
    "expected_costs",
    "format_score",
    "format_threshold",
    "grade_card",
    "higher_is_better",
    "infer_task",
    "metric_name",
    "model_name",
    "naive_forecasts",
    "optimal_threshold",
    "paradigm_score",
    "quick_model",
    "quick_model_key",
    "render_spec",
    "retarget",
    "score",
    "score_candidates",
    "seasonal_lag",
    "suggest_metric",
    "verdict",
]
