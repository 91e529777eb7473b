"""Question 6 of the framing lesson: the framing spec, the learner's answers written down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lessons.framing.costs import format_threshold
from lessons.framing.task import TASK_NAMES

# --------------------------------------------------------------------------------------
# Question 6: the spec
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FramingSpec:
    """The learner's answers, ready to be written down.

    Attributes mirror the spec's sections; ``created`` is the date it was written.
    """

    dataset: str
    decision: str
    paradigm: str
    target: str
    task: str
    cost_shape: str
    metric: str
    metric_reason: str
    threshold: float | None
    baseline_name: str
    baseline_score: str
    model_name: str
    model_score: str
    verdict: str
    time_column: str | None
    split_plan: str
    created: date


def render_spec(spec: FramingSpec) -> str:
    """The framing spec as a Markdown document."""
    decision = (
        spec.decision.strip()
        or "_Not stated yet: without a decision this is a demo, not a product._"
    )
    threshold = (
        "not applicable"
        if spec.threshold is None
        else f"{format_threshold(spec.threshold)} (cost-optimal on the training rows' out-of-fold predictions)"
    )
    lines = [
        f"# Framing spec: {spec.dataset}",
        "",
        f"Written {spec.created.isoformat()} with ML Spine.",
        "",
        "## 1. Decision",
        decision,
        "",
        "## 2. Paradigm",
        spec.paradigm,
        "",
        "## 3. Target and task",
        f"- Target column: `{spec.target}`",
        f"- Task: {TASK_NAMES.get(spec.task, spec.task)}",
        "",
        "## 4. Cost of being wrong",
        f"- Cost shape: {spec.cost_shape}",
        f"- Metric: {spec.metric} ({spec.metric_reason})",
        f"- Decision threshold: {threshold}",
        "",
        "## 5. Baseline to beat",
        f"- Baseline: {spec.baseline_name}, score {spec.baseline_score}",
        f"- The challenger: {spec.model_name}, score {spec.model_score}",
        f"- Verdict: {spec.verdict}",
        "",
        "## Data and split plan",
        f"- Time column: {f'`{spec.time_column}`' if spec.time_column else 'none'}",
        f"- Split: {spec.split_plan}",
        "",
        "## Revisit",
        "Weeks from now, check the target against what the decision really needed.",
        "",
    ]
    return "\n".join(lines)
