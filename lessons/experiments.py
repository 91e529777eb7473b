"""The experiment log: one record per training run anywhere in the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True)
class RunRecord:
    """One training run, in the shape the experiment log stores.

    Attributes
    ----------
    page : str
        Where the run happened, e.g. ``"train"``.
    dataset : str
        The dataset's name.
    split : str
        The split strategy, e.g. ``"time"``.
    model : str
        The model's name, e.g. ``"random_forest"``.
    params : dict
        Hyperparameters that were set.
    metrics : dict
        Metric name to value, e.g. ``{"validation_roc_auc": 0.81}``.
    leaks : dict
        Leak switches that were on (empty for an honest run).
    seed : int
    note : str
        The learner's note, editable later.
    created_at : str
        ISO time in UTC.
    """

    page: str
    dataset: str
    split: str
    model: str
    params: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    leaks: dict = field(default_factory=dict)
    seed: int = 0
    note: str = ""
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
