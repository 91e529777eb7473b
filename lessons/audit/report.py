"""The audit's vocabulary and results: finding kinds, severities, ``Finding`` and ``AuditReport``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

FINDING_KINDS: dict[str, str] = {
    "target_leak": "A column, or a few together, predicts the target too well to be known at "
    "prediction time.",
    "id_column": "A value unique to each row, or a running row number.",
    "time_order": "A column that orders rows in time; split by it.",
    "repeated_entity": "An entity (customer, user, store) with many rows; split by it.",
    "duplicate_rows": "Rows that appear more than once.",
    "constant_column": "A column with a single value.",
    "high_missing": "A column that is mostly empty.",
    "high_cardinality": "A text column with very many distinct values.",
    "class_imbalance": "A rare class: stratify the split and pick a metric for rare events.",
    "missing_target": "Rows without a target value.",
    "singleton_class": "A class with a single row: it cannot be in both training and test rows.",
}
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
SPLITS: tuple[str, ...] = ("random", "stratified", "time", "group")
SCORE_NAMES = {"binary": "ROC AUC", "multiclass": "balanced accuracy", "regression": "R²"}


def three_digits(value: float) -> str:
    """A value to three significant digits, never in scientific form: 1,130 rather than
    1.13e+03, 0.0123 rather than 1.23e-02."""
    rounded = float(f"{value:.3g}")
    if abs(rounded) >= 1000:
        return f"{rounded:,.0f}"
    return f"{rounded:.3g}" if abs(rounded) >= 1e-4 or rounded == 0 else f"{rounded:.1e}"


MIN_SCREENED = 100  # columns screened whatever the clock says (the likeliest leaks first)
SCREEN_SECONDS = 20.0  # from the audit's start: the column screen of a very wide table stops
MAX_CLASSES = 50
MAX_MODEL_ROWS = 10_000
MAX_MODEL_CELLS = 5_000_000  # rows x columns in the model checks of a wide table ...
MIN_WIDE_ROWS = 1_000  # ... but never fewer rows than this
DISTINCT_HEAD = 1_000  # rows that settle the distinct count of a column of fractions
MIN_ROWS = 10
N_FOLDS = 3
TIME_FOLDS = 5  # consecutive blocks of time; the honest score scores the last three
MIN_GROUPS_FOR_FOLDS = 20
HELD_OUT_ENTITIES = 50
"""Entities up to which the honest score leaves one out at a time (one fold each)."""
MAX_STACKED_COLUMNS = 40
MAX_SUSPECTS = 12
ENTITY_COLUMNS = 10
MIN_ENTITIES = 5  # an entity column has at least this many values ...
ENTITY_TOP_SHARE = 0.3  # ... and none of them covers more than this share of rows
PAIR_CANDIDATES = 16
TOO_GOOD_LIFT = 0.98  # ROC AUC 0.99, R² 0.98: no honest single column is this good
MISSING_LEAK_LIFT = 0.6  # the missing/present flag alone reaches ROC AUC 0.8
NEAR_PERFECT_LIFT = 0.9  # ROC AUC 0.95, R² 0.9 alone: a question worth asking (medium)
MOST_OF_MODEL = 0.9  # ... or lift 0.75+ that is 90 % of what the full model reaches
GROUP_GAIN = 0.15  # lift lost when a column (or a redundant group) is left out: medium
REDUNDANT_CORRELATION = 0.7  # out-of-fold encodings this correlated carry one signal
# Lift lost when a redundant group is left out: two copies of one signal are themselves a
# sign of a derived (often post-outcome) column, so the bar is lower than for one column.
REDUNDANT_GROUP_GAIN = 0.08
# Lift a group must lose for its finding to say the score drops without it (ROC AUC 0.015).
GROUP_DROP_SEEN = 0.03
SUSPECT_LIFT = 0.3  # a column this strong alone (ROC AUC 0.65) is tested with and without
MIN_SIDE_ROWS = 10  # rows needed on each side of an empty/filled flag to score it
ONE_SIDED_SHARE = 0.98  # one side of the flag is (almost) a single class ...
ONE_SIDED_ROWS = 30  # ... on at least this many rows (and 1 % of them)
NUMERIC_PAIR_CANDIDATES = 8  # numeric columns whose ratios and products are tried ...
PAIR_ROWS = 5_000  # ... on at most this many rows
RARE_CLASS_SHARE = 0.2
# A numeric class target with this many levels is also screened as the numbers it holds.
ORDERED_MIN_LEVELS = 5
ORDERED_ALONE_R2 = 0.75  # ... and a finding of that look is kept when a column alone reaches this
HIGH_MISSING_SHARE = 0.5

OUTCOME_NAME = re.compile(
    r"after|outcome|result|resolution|resolved|refund|chargeback|cancel|churn|closed|settle"
    r"|payout|approved|declined|survey|exit|label|target|response|diagnos|default|final"
    r"|returned|converted|conversion|death|died|discharge|readmit|post_|_post|outcome"
    r"|reason|decision|verdict|paid_off|written_off|collected|actual",
    re.IGNORECASE,
)

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class Finding:
    """One thing the audit found.

    Attributes
    ----------
    kind : str
        A key of ``FINDING_KINDS``.
    severity : {"high", "medium", "low"}
    columns : tuple of str
        The columns involved (empty for whole-table findings such as duplicate rows).
    message : str
        What was found, in a sentence or two, with the numbers.
    advice : str
        What to do about it.
    evidence : dict
        The numbers behind the message (JSON-serialisable).
    """

    kind: str
    severity: str
    columns: tuple[str, ...]
    message: str
    advice: str
    evidence: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "columns": list(self.columns),
            "message": f"{self.message} {self.advice}".strip(),
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class AuditReport:
    """The audit of one table for one target.

    Attributes
    ----------
    rows, columns : int
        Size of the table as uploaded.
    target, task : str
    time_column, group_column : str or None
        The column that orders rows in time and the entity that repeats, if found.
    recommended_split : {"random", "stratified", "time", "group"}
    recommended_metric : str
        ``"roc_auc"``, ``"pr_auc"``, ``"accuracy"``, ``"f1_macro"``, ``"rmse"`` or ``"mae"``.
    split_reason, metric_reason : str
        Why, in a sentence.
    findings : tuple of Finding
        Sorted high, medium, low.
    column_types : dict
        The column types the audit used (inferred, then the learner's corrections).
    score_name : str
        Name of the score in leak evidence (ROC AUC, balanced accuracy or R²).
    honest_score : float
        Cross-validated score of the fast model on every column except confirmed leaks.
    sampled_rows : int
        Rows the model-based checks used (all rows with a target when not sampled).
    notes : tuple of str
        What the audit changed or assumed (sampling, infinite values set to missing...).
    positive_label : str or None
        For a binary target, the class treated as positive.
    folds : str
        Which folds the model checks and the honest score used (time-ordered, grouped or
        random), in a sentence.
    """

    rows: int
    columns: int
    target: str
    task: str
    time_column: str | None
    group_column: str | None
    recommended_split: str
    recommended_metric: str
    split_reason: str
    metric_reason: str
    findings: tuple[Finding, ...]
    column_types: dict
    score_name: str
    honest_score: float
    sampled_rows: int
    notes: tuple[str, ...] = ()
    positive_label: str | None = None
    folds: str = ""

    def to_dict(self) -> dict:
        """The JSON object printed by ``python -m lessons.audit --json``."""
        return {
            "rows": self.rows,
            "columns": self.columns,
            "target": self.target,
            "task": self.task,
            "time_column": self.time_column,
            "group_column": self.group_column,
            "recommended_split": self.recommended_split,
            "recommended_metric": self.recommended_metric,
            "honest_score": round(self.honest_score, 4),
            "folds": self.folds,
            "notes": list(self.notes),
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def leak_columns(self, severity: str = "high") -> list[str]:
        """Columns of target-leak findings at ``severity``, in report order."""
        found: list[str] = []
        for finding in self.findings:
            if finding.kind == "target_leak" and finding.severity == severity:
                found.extend(c for c in finding.columns if c not in found)
        return found
