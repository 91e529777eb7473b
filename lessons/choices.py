"""Decisions a learner makes in one lesson and the later lessons build on.

They are small frozen dataclasses so they can be kept in session state, put in a URL or a
spec, and compared. ``components.course`` stores them per dataset.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FramingChoice:
    """What lesson 1 (Frame the problem) settled for one dataset.

    Attributes
    ----------
    decision : str
        The decision the prediction changes, in the learner's words.
    target : str
        The column to predict.
    task : {"binary", "multiclass", "regression"}
        The target's shape, inferred or overridden.
    metric : str
        The suggested or chosen metric, a key of ``lessons.metrics`` (e.g. ``"pr_auc"``).
    cost_false_positive, cost_false_negative : float
        Classification costs of each kind of error.
    cost_under, cost_over : float
        Regression costs of predicting one unit too low or too high.
    threshold : float or None
        The cost-optimal decision threshold on validation data (classification).
    baseline_name : str
        The baseline to beat, e.g. ``"majority class"``.
    baseline_score : float or None
        Its honest held-out score under ``metric``.
    """

    decision: str = ""
    target: str = ""
    task: str = ""
    metric: str = ""
    cost_false_positive: float = 1.0
    cost_false_negative: float = 1.0
    cost_under: float = 1.0
    cost_over: float = 1.0
    threshold: float | None = None
    baseline_name: str = ""
    baseline_score: float | None = None


@dataclass(frozen=True)
class SplitChoice:
    """The split strategy chosen in lesson 2 and its parameters.

    Attributes
    ----------
    strategy : str
        ``"auto"`` (the honest default for the dataset) or a strategy name from
        ``lessons.splits.STRATEGIES``.
    params : tuple of (str, object) pairs
        Strategy parameters, kept as sorted pairs so the choice is hashable and cacheable.
    """

    strategy: str = "auto"
    params: tuple[tuple[str, object], ...] = field(default_factory=tuple)

    def param(self, name: str, default: object = None) -> object:
        return dict(self.params).get(name, default)
