"""Audit a table before modelling: leaks, identifiers, time order, repeated entities, traps.

The audit answers "can this table support an honest model, and how should I split and score
it?" with findings a person can act on. Each finding has a kind from a fixed vocabulary
(``FINDING_KINDS``), a severity, the columns involved, a message with the next step, and the
numbers behind it.

A column is reported as a high-severity ``target_leak`` only when it is too good *and* the
evidence says it is about the outcome: near-perfect on its own, a missing-value pattern that
predicts the target, a name that says "recorded after" or a copy of the target's name, or a
small set of columns that together pin the target down. A strong but ordinary predictor is
at most a low-severity note.

Run it on any file: ``python -m lessons.audit FILE.csv --target COLUMN [--json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit_types import (
    ID_NAME,
    TIME_NAME,
    apply_column_types,
    infer_column_types,
    is_year_column,
)
from lessons.errors import DataError

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
}
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
SPLITS: tuple[str, ...] = ("random", "stratified", "time", "group")
SCORE_NAMES = {"binary": "ROC AUC", "multiclass": "balanced accuracy", "regression": "R²"}

MAX_COLUMNS = 2000
MAX_CLASSES = 50
MAX_MODEL_ROWS = 20_000
MIN_ROWS = 10
N_FOLDS = 3
MIN_GROUPS_FOR_FOLDS = 20
MAX_STACKED_COLUMNS = 40
MAX_SUSPECTS = 8
ENTITY_COLUMNS = 10
PAIR_CANDIDATES = 16
TOO_GOOD_LIFT = 0.98  # ROC AUC 0.99, R² 0.98: no honest single column is this good
MISSING_LEAK_LIFT = 0.6  # the missing/present flag alone reaches ROC AUC 0.8
RARE_CLASS_SHARE = 0.2
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
            "findings": [finding.to_dict() for finding in self.findings],
        }

    def leak_columns(self, severity: str = "high") -> list[str]:
        """Columns of target-leak findings at ``severity``, in report order."""
        found: list[str] = []
        for finding in self.findings:
            if finding.kind == "target_leak" and finding.severity == severity:
                found.extend(c for c in finding.columns if c not in found)
        return found


def _silent(fraction: float, message: str) -> None:
    return None


def audit(
    frame: pd.DataFrame,
    target: str,
    *,
    column_types: dict[str, str] | None = None,
    task: str | None = None,
    random_state: int = 0,
    max_model_rows: int = MAX_MODEL_ROWS,
    progress: Progress | None = None,
) -> AuditReport:
    """Audit a table for leaks and split traps before modelling.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table as loaded (see ``lessons.csv_loading.load_csv``).
    target : str
        The column to predict.
    column_types : dict, optional
        Corrections of the inferred column types (``lessons.audit_types.COLUMN_TYPES``).
    task : {"binary", "multiclass", "regression"}, optional
        Overrides the task inferred from the target.
    random_state : int, default=0
        Seeds the sampling and the cross-validation folds.
    max_model_rows : int, default=20000
        The model-based checks use a random sample of at most this many rows.
    progress : callable, optional
        Called as ``progress(fraction, message)`` between steps.

    Returns
    -------
    AuditReport

    Raises
    ------
    DataError
        If the target is missing, constant, entirely empty or has a class with one row, or
        the table is too small or too wide to audit.
    """
    report_progress = progress or _silent
    n_rows, n_columns = frame.shape
    _check_shape(frame, target)
    types = {**infer_column_types(frame), **(column_types or {})}
    if types.get(target) == "ignore":
        raise DataError(f"The target {target!r} is set to 'ignore'; pick another type for it.")
    findings: list[Finding] = []
    notes: list[str] = []
    report_progress(0.05, "Checking types and missing values")
    table = apply_column_types(frame, types)
    table, infinite = _infinite_to_missing(table)
    if infinite:
        notes.append(
            f"Infinite values in {', '.join(map(repr, infinite[:5]))} were treated as missing."
        )

    missing_target = table[target].isna()
    if missing_target.all():
        raise DataError(f"The target {target!r} is empty on every row; pick another column.")
    if missing_target.any():
        findings.append(_missing_target_finding(target, int(missing_target.sum()), n_rows))
        table = table.loc[~missing_target].reset_index(drop=True)
    prepared, positive_label = _prepare_target(table[target], target, task)

    features = [c for c in table.columns if c != target]
    # Distinct counts are the costliest pass over a big table: count once, reuse everywhere.
    distinct = {c: int(table[c].nunique()) for c in features}
    findings.extend(_column_findings(table, features, types, distinct))
    report_progress(0.15, "Looking for duplicate rows")
    findings.extend(_duplicate_findings(table, target, types))
    id_columns = _unique_identifiers(table, features, types)
    time_column, time_finding = _time_order(table, features, types, prepared, id_columns, distinct)
    group_column = _group_column(table, features, types, time_column, id_columns, distinct)
    if prepared.task != "regression":
        findings.extend(_imbalance_findings(table[target], prepared, positive_label))

    report_progress(0.3, "Sampling rows for the leak checks")
    rng = np.random.default_rng(random_state)
    sample = _sample_positions(len(table), max_model_rows, rng)
    if len(sample) < len(table):
        notes.append(
            f"The leak and entity checks used a random sample of {len(sample):,} of "
            f"{len(table):,} rows; counts (duplicates, missing values) used every row."
        )
    rows = table.iloc[sample].reset_index(drop=True)
    target_sample = screen.Target(prepared.task, prepared.values[sample], prepared.n_classes)
    # Folds keep an entity's rows together when there are enough entities to spread.
    grouped = group_column is not None and rows[group_column].nunique() >= MIN_GROUPS_FOR_FOLDS
    groups = _group_keys(rows[group_column].to_numpy()) if grouped else None
    folds = screen.make_folds(len(rows), N_FOLDS, rng, groups)

    findings.extend(
        _id_findings(table, rows, id_columns, target_sample, folds, time_column, prepared.task)
    )
    if time_finding:
        findings.append(time_finding)
    screened = [
        c
        for c in features
        if types.get(c) not in ("identifier", "ignore")
        and c not in (time_column, group_column)
        and table[c].notna().any()
    ]
    report_progress(0.45, f"Scoring {len(screened)} columns one by one")
    leak_findings, honest, honest_columns = _leak_findings(
        rows, screened, target, target_sample, folds, report_progress, over_time=bool(time_column)
    )
    findings.extend(leak_findings)
    if group_column:
        report_progress(0.9, "Comparing a random split with a split by entity")
        findings.append(
            _entity_finding(rows, table, group_column, honest_columns, target_sample, rng)
        )
    split, split_reason = _recommend_split(prepared.task, time_column, group_column, table[target])
    metric, metric_reason = _recommend_metric(prepared, table[target], time_column)
    report_progress(1.0, "Done")
    order = {severity: rank for rank, severity in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (order[f.severity], list(FINDING_KINDS).index(f.kind)))
    return AuditReport(
        rows=n_rows,
        columns=n_columns,
        target=target,
        task=prepared.task,
        time_column=time_column,
        group_column=group_column,
        recommended_split=split,
        recommended_metric=metric,
        split_reason=split_reason,
        metric_reason=metric_reason,
        findings=tuple(findings),
        column_types=types,
        score_name=SCORE_NAMES[prepared.task],
        honest_score=honest,
        sampled_rows=len(sample),
        notes=tuple(notes),
        positive_label=positive_label,
    )


def _check_shape(frame: pd.DataFrame, target: str) -> None:
    if target not in frame.columns:
        shown = ", ".join(repr(str(c)) for c in list(frame.columns)[:8])
        more = ", …" if frame.shape[1] > 8 else ""
        raise DataError(f"There is no column {target!r}; the columns are {shown}{more}.")
    if frame.shape[1] < 2:
        raise DataError("The table has a single column: there is nothing to predict it from.")
    if frame.shape[1] > MAX_COLUMNS:
        raise DataError(
            f"The table has {frame.shape[1]:,} columns; the audit handles up to {MAX_COLUMNS:,}. "
            "Keep the columns you would really use and upload that."
        )
    if len(frame) < MIN_ROWS:
        raise DataError(
            f"The table has {len(frame)} rows; at least {MIN_ROWS} are needed to learn "
            "anything and score it honestly."
        )


def _infinite_to_missing(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    changed: list[str] = []
    for name in table.columns:
        column = table[name]
        if pd.api.types.is_float_dtype(column):
            infinite = np.isinf(column.to_numpy(dtype=float, na_value=np.nan))
            if infinite.any():
                table[name] = column.mask(infinite)
                changed.append(str(name))
    return table, changed


def _prepare_target(
    column: pd.Series, name: str, task: str | None
) -> tuple[screen.Target, str | None]:
    if pd.api.types.is_datetime64_any_dtype(column):
        raise DataError(
            f"The target {name!r} holds dates. Predict a number or a category derived from it "
            "(days until the event, whether it happens within a month) and pick that column."
        )
    distinct = column.nunique()
    if distinct < 2:
        raise DataError(
            f"The target {name!r} has a single value ({column.iloc[0]!r}) on every row: "
            "there is nothing to predict. Pick another target."
        )
    numeric = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)
    if task is None:
        if distinct == 2:
            task = "binary"
        elif numeric and (distinct > 10 or not np.allclose(column, np.round(column.astype(float)))):
            task = "regression"
        elif distinct > MAX_CLASSES:
            raise DataError(
                f"The target {name!r} has {distinct:,} different text values: that is an "
                "identifier or free text, not a class label. Pick another target."
            )
        else:
            task = "multiclass"
    if task == "regression":
        if not numeric:
            raise DataError(f"The target {name!r} is not numeric; it cannot be a regression.")
        return screen.Target("regression", column.to_numpy(dtype=float), 0), None
    if distinct > MAX_CLASSES:
        raise DataError(
            f"The target {name!r} has {distinct:,} different values: too many to treat as "
            f"classes (at most {MAX_CLASSES}). Treat it as a regression, or pick another target."
        )
    counts = column.value_counts()
    if counts.min() < 2:
        lonely = counts.index[counts.argmin()]
        raise DataError(
            f"The class {str(lonely)!r} of the target {name!r} has a single row: it cannot be "
            "in both the training and the test rows. Merge it with a similar class or drop it."
        )
    if task == "binary" and distinct != 2:
        raise DataError(f"The target {name!r} has {distinct} classes, not 2.")
    if task == "binary":
        labels = sorted(counts.index, key=_label_order)
        # The larger value (1, True) is positive; for text labels, the rarer class.
        positive = labels[1] if numeric or pd.api.types.is_bool_dtype(column) else counts.idxmin()
        values = (column == positive).to_numpy(dtype=float)
        return screen.Target("binary", values, 2), str(positive)
    codes, _ = pd.factorize(column, sort=True)
    return screen.Target("multiclass", codes.astype(np.int64), int(codes.max()) + 1), None


def _label_order(value: object) -> tuple[int, str]:
    return (
        (0, f"{float(value):020.6f}")
        if isinstance(value, (int, float, np.number))
        else (1, str(value))
    )


def _missing_target_finding(target: str, missing: int, n_rows: int) -> Finding:
    share = missing / n_rows
    return Finding(
        "missing_target",
        "high" if share > 0.2 else "medium" if share > 0.01 else "low",
        (target,),
        f"{missing:,} of {n_rows:,} rows ({share:.1%}) have no value for the target.",
        "They cannot train or score a model; the audit and the lessons drop them. Ask why they "
        "are missing: if the outcome is not known yet, they are the rows to predict.",
        {"missing_rows": missing, "missing_share": round(share, 4)},
    )


def _column_findings(
    table: pd.DataFrame, features: list[str], types: dict, distinct_counts: dict[str, int]
) -> list[Finding]:
    findings: list[Finding] = []
    n_rows = len(table)
    missing = table[features].isna().mean()
    for name in features:
        column = table[name]
        distinct = distinct_counts[name]
        if distinct + bool(missing[name] > 0) <= 1:
            shown = "missing" if distinct == 0 else repr(str(column.dropna().iloc[0]))
            findings.append(
                Finding(
                    "constant_column",
                    "low",
                    (name,),
                    f"{name!r} has the same value ({shown}) on every row.",
                    "It carries no information: drop it.",
                    {"distinct_values": int(distinct)},
                )
            )
            continue
        share = float(missing[name])
        if share >= HIGH_MISSING_SHARE:
            findings.append(
                Finding(
                    "high_missing",
                    "medium" if share >= 0.9 else "low",
                    (name,),
                    f"{name!r} is empty on {share:.0%} of rows.",
                    "Impute it inside the pipeline with a missing-value flag, or drop it; check "
                    "first whether being empty means something (see any leak finding).",
                    {"missing_share": round(share, 4)},
                )
            )
        if types.get(name) in ("category", "text") and distinct > max(50, 0.05 * n_rows):
            findings.append(
                Finding(
                    "high_cardinality",
                    "low",
                    (name,),
                    f"{name!r} has {distinct:,} different values in {n_rows:,} rows.",
                    "One-hot encoding would make a column per value: group the rare values, use "
                    "a target encoder fitted on training rows only, or treat it as free text.",
                    {"distinct_values": int(distinct), "rows": n_rows},
                )
            )
    return findings


def _duplicate_findings(table: pd.DataFrame, target: str, types: dict) -> list[Finding]:
    unique_ids = [c for c in table.columns if types.get(c) == "identifier" and table[c].is_unique]
    content = [c for c in table.columns if c not in unique_ids]
    hashes = pd.util.hash_pandas_object(table[content], index=False)
    duplicated = hashes.duplicated()
    count = int(duplicated.sum())
    if count == 0:
        return []
    feature_cols = [c for c in content if c != target]
    conflicting = 0
    if feature_cols:
        feature_hash = pd.util.hash_pandas_object(table[feature_cols], index=False)
        per_features = pd.DataFrame({"f": feature_hash.to_numpy(), "y": hashes.to_numpy()})
        labels = per_features.groupby("f")["y"].nunique()
        conflicting = int((labels > 1).sum())
    share = count / len(table)
    ignoring = (
        f" (ignoring the row identifiers {', '.join(map(repr, unique_ids))})" if unique_ids else ""
    )
    return [
        Finding(
            "duplicate_rows",
            "medium" if share >= 0.01 else "low",
            (),
            f"{count:,} rows ({share:.1%}) repeat an earlier row exactly{ignoring}.",
            "A copy in the training rows and its twin in the test rows make the test score "
            "a memory test: drop exact copies, or split so that copies stay together.",
            {
                "duplicate_rows": count,
                "duplicate_share": round(share, 4),
                "feature_sets_with_conflicting_targets": conflicting,
            },
        )
    ]


def _unique_identifiers(table: pd.DataFrame, features: list[str], types: dict) -> list[str]:
    found = []
    for name in features:
        column = table[name]
        if types.get(name) == "identifier" and column.notna().all() and column.is_unique:
            found.append(name)
    return found


def _order_values(column: pd.Series) -> pd.Series:
    """Numbers to rank a column by: its value, a moment's nanoseconds, or its text's rank."""
    if pd.api.types.is_datetime64_any_dtype(column):
        nanoseconds = column.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
        return pd.Series(np.where(column.isna(), np.nan, nanoseconds), index=column.index)
    if pd.api.types.is_bool_dtype(column):
        return column.astype(float)
    if pd.api.types.is_numeric_dtype(column):
        return column.astype(float)
    return column.astype(str).rank(method="average")


def _id_findings(
    table: pd.DataFrame,
    rows: pd.DataFrame,
    id_columns: list[str],
    target: screen.Target,
    folds: np.ndarray,
    time_column: str | None,
    task: str,
) -> list[Finding]:
    findings = []
    for name in id_columns:
        codes, n_bins = screen.bin_codes(_order_values(rows[name]))
        value = screen.score(screen.oof_encode(codes, n_bins, target, folds), target)
        strength = screen.lift(value, target)
        column = table[name]
        running = pd.api.types.is_numeric_dtype(column) and int(column.max()) - int(
            column.min()
        ) + 1 == len(column)
        what = "a running row number" if running else "unique on every row"
        evidence = {
            "unique_values": int(column.nunique()),
            "running_number": bool(running),
            "score_name": SCORE_NAMES[task],
            "score_alone": round(value, 4),
        }
        follows_time = False
        if time_column is not None:
            order = _order_values(rows[name])
            when = _order_values(rows[time_column])
            # Spearman by hand: pandas' method="spearman" imports scipy.stats (a second).
            correlation = order.rank().corr(when.rank())
            follows_time = bool(correlation is not None and abs(correlation) > 0.9)
            evidence["rank_correlation_with_time"] = round(float(correlation or 0.0), 4)
        if strength >= 0.2 and not follows_time:
            severity = "high"
            message = (
                f"{name!r} is {what}, and its order predicts the target "
                f"({SCORE_NAMES[task]} {value:.2f} from the identifier alone): the export was "
                "probably sorted by the outcome."
            )
            advice = "Never use it as a feature; ask how the rows were numbered."
        elif strength >= 0.2:
            severity = "medium"
            message = (
                f"{name!r} is {what} that follows the time order, so it predicts the target "
                f"as well as time does ({SCORE_NAMES[task]} {value:.2f})."
            )
            advice = "Drop it from the features; split by time instead."
        else:
            severity = "low"
            message = f"{name!r} is {what}; it does not predict the target."
            advice = "Keep it for joining and tracing rows, but drop it from the features."
        findings.append(Finding("id_column", severity, (name,), message, advice, evidence))
    return findings


def _time_candidates(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    id_columns: list[str],
    distinct: dict[str, int],
) -> list[str]:
    dates = [
        c
        for c in features
        if pd.api.types.is_datetime64_any_dtype(table[c])
        and distinct[c] >= 3
        and not re.search(r"birth|born", c, re.IGNORECASE)
    ]
    if dates:
        return dates
    return [
        c
        for c in features
        if c not in id_columns
        and types.get(c) == "number"
        and is_year_column(c, table[c])
        and distinct[c] >= 2
    ]


def _time_order(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    target: screen.Target,
    id_columns: list[str],
    distinct: dict[str, int],
) -> tuple[str | None, Finding | None]:
    candidates = _time_candidates(table, features, types, id_columns, distinct)
    if not candidates:
        return None, None

    def sortedness(name: str) -> float:
        values = table[name].dropna()
        return float(
            (
                values.diff().dropna() >= pd.Timedelta(0)
                if pd.api.types.is_datetime64_any_dtype(values)
                else values.diff().dropna() >= 0
            ).mean()
        )

    def preference(name: str) -> tuple:
        return (
            bool(TIME_NAME.search(name)),
            round(sortedness(name), 2),
            table[name].notna().mean(),
            distinct[name],
        )

    best = max(candidates, key=preference)
    column = table[best]
    present = column.notna()
    periods = pd.qcut(column[present].rank(method="first"), 4, labels=False)
    by_period = []
    values = pd.Series(target.values[present.to_numpy()])
    for period in range(4):
        mask = (periods == period).to_numpy()
        first, last = column[present][mask].min(), column[present][mask].max()
        if target.task == "multiclass":
            stat = float(values[mask].value_counts(normalize=True).max())
        else:
            stat = float(values[mask].mean())
        by_period.append({"from": _iso(first), "to": _iso(last), "target_mean": round(stat, 4)})
    drifts = _differs(values[(periods == 0).to_numpy()], values[(periods == 3).to_numpy()])
    what = "share of the top class" if target.task == "multiclass" else "target mean"
    drift_text = (
        f" The {what} moves from {by_period[0]['target_mean']:.3g} in the first quarter of "
        f"the time range to {by_period[-1]['target_mean']:.3g} in the last: the future differs "
        "from the past."
        if drifts
        else ""
    )
    kind = "a year column" if not pd.api.types.is_datetime64_any_dtype(column) else "dates"
    finding = Finding(
        "time_order",
        "medium",
        (best,),
        f"{best!r} holds {kind} from {_iso(column.min())} to {_iso(column.max())}; the rows "
        f"describe events over time.{drift_text}",
        "Split by time: train on the earlier rows, validate and test on later ones. A shuffled "
        "split lets the model learn from the future and reports a score production never sees.",
        {
            "start": _iso(column.min()),
            "end": _iso(column.max()),
            "file_sorted_share": round(sortedness(best), 4),
            "target_by_period": by_period,
            "candidates": candidates,
        },
    )
    return best, finding


def _differs(first: pd.Series, last: pd.Series) -> bool:
    """Whether two periods' target means differ beyond noise (z > 3) and by 10 % or more."""
    if len(first) < 2 or len(last) < 2:
        return False
    mean_first, mean_last = float(first.mean()), float(last.mean())
    noise = np.sqrt(first.var() / len(first) + last.var() / len(last))
    if not noise > 0:
        return mean_first != mean_last
    relative = abs(mean_last - mean_first) / max(abs(mean_first), abs(mean_last), 1e-12)
    return abs(mean_last - mean_first) / noise > 3 and relative >= 0.1


def _iso(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return (
        str(int(value))
        if isinstance(value, (int, float, np.number)) and value == value
        else str(value)
    )


def _group_column(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    time_column: str | None,
    id_columns: list[str],
    distinct: dict[str, int],
) -> str | None:
    candidates = []
    for name in features:
        if name in id_columns or name == time_column:
            continue
        kind = types.get(name)
        named = bool(ID_NAME.search(name))
        if kind != "identifier" and not (kind == "category" and named):
            continue
        count = distinct[name]
        if count >= 3 and len(table) / count >= 1.5:
            candidates.append((named, count, name))
    return max(candidates)[2] if candidates else None


def _group_keys(groups: np.ndarray) -> np.ndarray:
    return pd.factorize(pd.Series(groups), use_na_sentinel=False)[0]


def _entity_finding(
    rows: pd.DataFrame,
    table: pd.DataFrame,
    group_column: str,
    columns: list[str],
    target: screen.Target,
    rng: np.random.Generator,
) -> Finding:
    sizes = table[group_column].value_counts()
    codes = pd.factorize(table[group_column])[0]
    in_test = rng.random(len(table)) < 0.2
    seen = np.zeros(codes.max() + 2, dtype=bool)
    seen[codes[~in_test] + 1] = True
    seen_share = float(seen[codes[in_test] + 1].mean()) if in_test.any() else 0.0
    random_folds = screen.make_folds(len(rows), N_FOLDS, rng)
    group_folds = screen.make_folds(
        len(rows), N_FOLDS, rng, _group_keys(rows[group_column].to_numpy())
    )
    # The entity's own column stands for everything that lets a model recognise an entity
    # (its id, a per-customer fee...): a random split rewards that memory, a group split not.
    with_entity = [*columns[:ENTITY_COLUMNS], group_column]
    score_random = _stacked(rows, with_entity, target, random_folds)
    score_group = _stacked(rows, with_entity, target, group_folds)
    name = SCORE_NAMES[target.task]
    gap_text = (
        f" A model that can recognise the {group_column!r} scores {name} {score_random:.3f} "
        f"with a random split and {score_group:.3f} with a split by {group_column!r}."
    )
    return Finding(
        "repeated_entity",
        "medium",
        (group_column,),
        f"{group_column!r} repeats: {len(sizes):,} values over {len(table):,} rows (median "
        f"{int(sizes.median())}, up to {int(sizes.max())} rows each). In a random 80/20 split, "
        f"{seen_share:.0%} of the test rows belong to a {group_column!r} already seen in "
        f"training.{gap_text}",
        "Split by this column (all rows of one value in the same bucket), so the test score "
        "is about new entities, as in production.",
        {
            "entities": len(sizes),
            "median_rows_per_entity": float(sizes.median()),
            "max_rows_per_entity": int(sizes.max()),
            "test_rows_seen_in_train_random_split": round(seen_share, 4),
            "score_name": name,
            "score_random_split": round(score_random, 4),
            "score_group_split": round(score_group, 4),
        },
    )


def _imbalance_findings(
    column: pd.Series, target: screen.Target, positive_label: str | None
) -> list[Finding]:
    shares = column.value_counts(normalize=True)
    rarest = shares.index[-1]
    share = float(shares.iloc[-1])
    if share >= RARE_CLASS_SHARE:
        return []
    count = int(column.value_counts().iloc[-1])
    return [
        Finding(
            "class_imbalance",
            "medium" if share < 0.05 else "low",
            (str(column.name),),
            f"The class {str(rarest)!r} is {share:.1%} of rows ({count:,} rows). A model that "
            f"never predicts it is {1 - share:.1%} accurate and useless.",
            "Stratify the split so every bucket keeps this share, and judge models with a "
            "metric for rare classes (PR AUC, recall at a fixed alert budget) instead of "
            "accuracy.",
            {
                "rarest_class": str(rarest),
                "rarest_share": round(share, 4),
                "rarest_count": count,
                "class_shares": {str(k): round(float(v), 4) for k, v in shares.head(10).items()},
            },
        )
    ]


def _sample_positions(n_rows: int, max_rows: int, rng: np.random.Generator) -> np.ndarray:
    if n_rows <= max_rows:
        return np.arange(n_rows)
    return np.sort(rng.choice(n_rows, size=max_rows, replace=False))


@dataclass(frozen=True)
class _Screen:
    """What one column does on its own, and its out-of-fold stacking features."""

    name: str
    alone: float
    missing_alone: float
    block: np.ndarray


def _screen_column(column: pd.Series, target: screen.Target, folds: np.ndarray) -> _Screen:
    codes, n_bins = screen.bin_codes(column)
    encoded = screen.oof_encode(codes, n_bins, target, folds)
    alone = screen.score(encoded, target)
    numbers = _numbers(column)
    if numbers is not None:
        guess = screen.neighbour_predict(numbers, target)
        present = np.isfinite(numbers)
        if guess is not None and present.mean() >= 0.5:
            subset = screen.Target(target.task, target.values[present], target.n_classes)
            alone = max(alone, screen.score(guess[present], subset))
    missing = column.isna().to_numpy()
    missing_alone = screen.baseline_score(target)
    if 0.01 <= missing.mean() <= 0.99:
        flag = screen.oof_encode(missing.astype(np.int64), 2, target, folds)
        missing_alone = screen.score(flag, target)
    return _Screen(str(column.name), alone, missing_alone, screen.as_features(encoded, target))


def _numbers(column: pd.Series) -> np.ndarray | None:
    """A numeric or date column with enough distinct values for the neighbour check."""
    if pd.api.types.is_bool_dtype(column):
        return None
    if pd.api.types.is_datetime64_any_dtype(column) or pd.api.types.is_numeric_dtype(column):
        return _order_values(column).to_numpy(dtype=float) if column.nunique() >= 20 else None
    return None


def _stacked(
    rows: pd.DataFrame, columns: list[str], target: screen.Target, folds: np.ndarray
) -> float:
    blocks = [_screen_column(rows[c], target, folds).block for c in columns]
    return screen.stacked_score(blocks, target, folds)


def _leak_findings(
    rows: pd.DataFrame,
    columns: list[str],
    target_name: str,
    target: screen.Target,
    folds: np.ndarray,
    progress: Progress,
    *,
    over_time: bool,
) -> tuple[list[Finding], float, list[str]]:
    """Single-column, missing-value and combination leaks, each with and without scores."""
    if not columns:
        return [], screen.baseline_score(target), []
    screens = {}
    for position, name in enumerate(columns):
        screens[name] = _screen_column(rows[name], target, folds)
        if position % 50 == 49:
            progress(0.45 + 0.25 * position / len(columns), f"Scored {position + 1} columns")
    lifts = {name: screen.lift(s.alone, target) for name, s in screens.items()}
    missing_lifts = {name: screen.lift(s.missing_alone, target) for name, s in screens.items()}
    ranked = sorted(columns, key=lambda c: -lifts[c])
    stacked_columns = ranked[:MAX_STACKED_COLUMNS]

    def stacked_without(excluded: set[str]) -> float:
        blocks = [screens[c].block for c in stacked_columns if c not in excluded]
        return screen.stacked_score(blocks, target, folds)

    progress(0.75, "Scoring every column together, with and without each suspect")
    with_all = stacked_without(set())
    suspects = [
        c
        for c in columns
        if lifts[c] >= 0.5
        or missing_lifts[c] >= 0.3
        or (OUTCOME_NAME.search(c) and lifts[c] >= 0.2)
        or _names_the_target(c, target_name)
    ]
    suspects = sorted(suspects, key=lambda c: -max(lifts[c], missing_lifts[c]))[:MAX_SUSPECTS]
    stacked_columns = list(dict.fromkeys([*stacked_columns, *suspects]))
    findings: list[Finding] = []
    name = SCORE_NAMES[target.task]
    for column in suspects:
        without = stacked_without({column})
        finding = _judge_single(
            column,
            target_name,
            name,
            alone=screens[column].alone,
            alone_lift=lifts[column],
            missing_alone=screens[column].missing_alone,
            missing_lift=missing_lifts[column],
            with_all=with_all,
            without=without,
            gain=screen.lift(with_all, target) - screen.lift(without, target),
            missing_share=float(rows[column].isna().mean()),
            over_time=over_time,
        )
        if finding:
            findings.append(finding)
    progress(0.85, "Looking for columns that give the target away together")
    flagged = {c for f in findings if f.severity == "high" for c in f.columns}
    combination = _combination_leak(
        rows, ranked, lifts, flagged, target_name, target, folds, stacked_without, with_all
    )
    if combination:
        findings.append(combination)
        flagged.update(combination.columns)
    honest = stacked_without(flagged)
    return findings, honest, [c for c in stacked_columns if c not in flagged]


def _names_the_target(column: str, target: str) -> bool:
    """Whether a column's name is the target's name with a word added (``price_final``)."""
    a, b = column.lower(), target.lower()
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and shorter != longer and shorter in longer


def _judge_single(
    column: str,
    target_name: str,
    score_name: str,
    *,
    alone: float,
    alone_lift: float,
    missing_alone: float,
    missing_lift: float,
    with_all: float,
    without: float,
    gain: float,
    missing_share: float,
    over_time: bool,
) -> Finding | None:
    evidence = {
        "score_name": score_name,
        "score_alone": round(alone, 4),
        "score_with": round(with_all, 4),
        "score_without": round(without, 4),
    }
    numbers = (
        f"With every column the fast model scores {score_name} {with_all:.3f}; without "
        f"{column!r} it scores {without:.3f}."
    )
    outcome_name = bool(OUTCOME_NAME.search(column))
    copy_name = _names_the_target(column, target_name)
    if copy_name and over_time and alone_lift >= 0.2:
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"{column!r} is named like the target and predicts it ({score_name} {alone:.3f} "
            f"alone). {numbers}",
            "If it is an earlier value of the same quantity (last week's price), it is a "
            "legitimate and strong baseline; if it is measured at the same time as the target "
            "or later, it is a leak.",
            evidence,
        )
    if alone_lift >= TOO_GOOD_LIFT:
        return Finding(
            "target_leak",
            "high",
            (column,),
            f"{column!r} alone predicts the target almost perfectly ({score_name} {alone:.3f}); "
            f"no honest single measurement is that good. {numbers}",
            "Find out when it is recorded. If it is filled in after the outcome (or computed "
            "from it), drop it.",
            evidence,
        )
    if missing_lift >= MISSING_LEAK_LIFT:
        evidence.update(
            {
                "missing_share": round(missing_share, 4),
                "score_missing_flag_alone": round(missing_alone, 4),
            }
        )
        return Finding(
            "target_leak",
            "high",
            (column,),
            f"Whether {column!r} is empty predicts the target ({score_name} {missing_alone:.3f} "
            f"from the empty/filled flag alone): it is filled in for one outcome and not the "
            f"other, as a field recorded after the outcome would be. {numbers}",
            "Drop it unless you can show the field is filled in before the prediction is made.",
            evidence,
        )
    if (outcome_name or copy_name) and gain >= 0.03 and alone_lift >= 0.2:
        why = "is named like the target" if copy_name else "is named like an outcome"
        return Finding(
            "target_leak",
            "high" if gain >= 0.1 or alone_lift >= 0.8 else "medium",
            (column,),
            f"{column!r} {why} and carries signal no other column has "
            f"({score_name} {alone:.3f} alone). {numbers}",
            "Check when it is recorded: if after the moment of prediction, drop it.",
            evidence,
        )
    if missing_lift >= 0.3:
        evidence.update(
            {
                "missing_share": round(missing_share, 4),
                "score_missing_flag_alone": round(missing_alone, 4),
            }
        )
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Whether {column!r} is empty says something about the target ({score_name} "
            f"{missing_alone:.3f} from the empty/filled flag alone). {numbers}",
            "Ask why it is empty: if it is filled in later in the process, it leaks.",
            evidence,
        )
    if alone_lift >= 0.5 and gain >= 0.05:
        return Finding(
            "target_leak",
            "low",
            (column,),
            f"{column!r} is a strong predictor ({score_name} {alone:.3f} alone) that no other "
            f"column replaces, but nothing suggests it comes after the outcome. {numbers}",
            "Probably a legitimate, strong feature. Confirm it is known at the moment of "
            "prediction.",
            evidence,
        )
    return None


def _combination_leak(
    rows: pd.DataFrame,
    ranked: list[str],
    lifts: dict[str, float],
    flagged: set[str],
    target_name: str,
    target: screen.Target,
    folds: np.ndarray,
    stacked_without: Callable[[set[str]], float],
    with_all: float,
) -> Finding | None:
    """Two columns that together predict near-perfectly while neither does on its own."""
    candidates = [c for c in ranked if c not in flagged][:PAIR_CANDIDATES]
    codes = {c: screen.bin_codes(rows[c], screen.PAIR_BINS) for c in candidates}
    best: tuple[float, str, str] | None = None
    for i, first in enumerate(candidates):
        for second in candidates[i + 1 :]:
            (a, n_a), (b, n_b) = codes[first], codes[second]
            joint = screen.oof_encode(a * n_b + b, n_a * n_b, target, folds)
            value = screen.score(joint, target)
            if best is None or value > best[0]:
                best = (value, first, second)
    if best is None:
        return None
    value, first, second = best
    pair_lift = screen.lift(value, target)
    single_best = max(lifts[first], lifts[second])
    if pair_lift < 0.9 or pair_lift - single_best < 0.3:
        return None
    without = stacked_without({first, second})
    name = SCORE_NAMES[target.task]
    return Finding(
        "target_leak",
        "high",
        (first, second),
        f"Together, {first!r} and {second!r} predict the target almost perfectly ({name} "
        f"{value:.3f} from the two alone), although neither does on its own (best "
        f"{name} {max(_unlift(lifts[first], target), _unlift(lifts[second], target)):.3f}). "
        f"With every column the fast model scores {with_all:.3f}; without the pair, "
        f"{without:.3f}.",
        "The target is probably a formula of these columns (a balance and a payment, a "
        "start and an end). If one of them is only known after the outcome, drop it; if both "
        "are known before, the target needs no model.",
        {
            "score_name": name,
            "score_together": round(value, 4),
            "score_alone": {
                first: round(_unlift(lifts[first], target), 4),
                second: round(_unlift(lifts[second], target), 4),
            },
            "score_with": round(with_all, 4),
            "score_without": round(without, 4),
        },
    )


def _unlift(value: float, target: screen.Target) -> float:
    if target.task == "binary":
        return 0.5 + value / 2
    if target.task == "multiclass":
        chance = 1.0 / target.n_classes
        return chance + value * (1 - chance)
    return value


def _recommend_split(
    task: str, time_column: str | None, group_column: str | None, target: pd.Series
) -> tuple[str, str]:
    if time_column:
        also = f" Keep each {group_column!r} in mind too: it repeats." if group_column else ""
        return "time", (
            f"Rows are ordered by {time_column!r}: train on the past, validate and test on "
            f"the future, as production will.{also}"
        )
    if group_column:
        return "group", (
            f"{group_column!r} repeats: put all rows of one value in the same bucket, so the "
            "test score is about entities the model has never seen."
        )
    if task != "regression":
        share = float(target.value_counts(normalize=True).iloc[-1])
        return "stratified", (
            f"Independent rows with classes; the rarest is {share:.1%} of rows, and a "
            "stratified split keeps that share in every bucket."
        )
    return "random", "Independent rows and a numeric target: a shuffled split is fair."


def _recommend_metric(
    target: screen.Target, column: pd.Series, time_column: str | None
) -> tuple[str, str]:
    if target.task == "binary":
        share = float(target.values.mean())
        rare = min(share, 1 - share)
        if rare < RARE_CLASS_SHARE:
            return "pr_auc", (
                f"The rarer class is {rare:.1%} of rows: PR AUC measures how well the model "
                "finds it, where accuracy and even ROC AUC look good by default."
            )
        return "roc_auc", (
            "Balanced enough classes: ROC AUC scores the ranking without fixing a threshold; "
            "choose the threshold later from the cost of each error."
        )
    if target.task == "multiclass":
        rarest = float(column.value_counts(normalize=True).iloc[-1])
        if rarest < 0.5 / target.n_classes:
            return "f1_macro", (
                f"The rarest class is {rarest:.1%} of rows: macro F1 weighs every class "
                "equally, so a model cannot ignore the small ones."
            )
        return "accuracy", "Classes of similar size: accuracy is easy to read and fair here."
    values = target.values
    skew = float(pd.Series(values).skew())
    if time_column:
        return "mae", (
            "A quantity over time: MAE is in the target's own units and is not dominated by "
            "a few spikes; compare it with the last-period baseline."
        )
    if abs(skew) > 2:
        return "mae", (
            f"The target is skewed (skewness {skew:.1f}): a few large values would dominate "
            "RMSE, so MAE describes the typical error better."
        )
    return "rmse", (
        "A roughly symmetric target: RMSE is in the target's units and punishes large misses."
    )


def render_text(report: AuditReport) -> str:
    """A readable, plain-text report for the command line."""
    lines = [
        f"Audit of {report.rows:,} rows × {report.columns:,} columns; target {report.target!r} "
        f"({report.task}"
        + (f", positive class {report.positive_label!r}" if report.positive_label else "")
        + ")",
        f"Honest score of a fast model ({report.score_name}, cross-validated): "
        f"{report.honest_score:.3f}",
    ]
    lines.extend(f"Note: {note}" for note in report.notes)
    for severity in SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        if not found:
            continue
        lines.append("")
        lines.append(f"{severity.upper()} ({len(found)})")
        for finding in found:
            columns = f" [{', '.join(finding.columns)}]" if finding.columns else ""
            lines.append(f"- {finding.kind}{columns}: {finding.message}")
            lines.append(f"  What to do: {finding.advice}")
    if not report.findings:
        lines.extend(["", "No findings: nothing suspicious in this table."])
    lines.extend(
        [
            "",
            f"Recommended split: {report.recommended_split}. {report.split_reason}",
            f"Recommended metric: {report.recommended_metric}. {report.metric_reason}",
        ]
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The command line: ``python -m lessons.audit FILE.csv --target COLUMN [--json]``."""
    parser = argparse.ArgumentParser(
        prog="python -m lessons.audit",
        description="Audit a CSV for leakage and split traps before modelling.",
    )
    parser.add_argument("file", help="the CSV file")
    parser.add_argument("--target", required=True, help="the column to predict")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--seed", type=int, default=0, help="seed of sampling and folds")
    parser.add_argument(
        "--max-mb", type=float, default=1024, help="refuse files larger than this (MB)"
    )
    args = parser.parse_args(argv)
    from lessons.csv_loading import load_csv

    path = Path(args.file)
    try:
        # Streamed from the path: a large file's bytes are never held next to its frame.
        loaded = load_csv(path, filename=path.name, max_bytes=int(args.max_mb * 1024**2))
        report = audit(loaded.frame, args.target, random_state=args.seed)
    except DataError as error:
        print(f"error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, default=_json_default))
    else:
        print(render_text(report))
    return 0


def _json_default(value: object) -> object:
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
