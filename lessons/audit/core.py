"""The audit itself: prepare the target, run every check, recommend a split and a metric."""

from __future__ import annotations

import dataclasses
import itertools
import re
import time

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.formulas import ROUNDING_ALLOWANCE, _step
from lessons.audit.judge import DURATION_MIN_VALUES, LAG_NAME, named_as_a_follow_up
from lessons.audit.leaks import (
    STRENGTH_CHECKS,
    _entity_finding,
    _identifier_order_within_entity,
    _leak_findings,
)
from lessons.audit.report import (
    DISTINCT_HEAD,
    FINDING_KINDS,
    HELD_OUT_ENTITIES,
    MAX_CLASSES,
    MAX_MODEL_CELLS,
    MAX_MODEL_ROWS,
    MIN_GROUPS_FOR_FOLDS,
    MIN_ROWS,
    MIN_WIDE_ROWS,
    N_FOLDS,
    NEAR_PERFECT_LIFT,
    ORDERED_ALONE_R2,
    ORDERED_MIN_LEVELS,
    RARE_CLASS_SHARE,
    SCORE_NAMES,
    SCREEN_SECONDS,
    SEVERITIES,
    TIME_FOLDS,
    TOO_GOOD_LIFT,
    AuditReport,
    Finding,
    Progress,
)
from lessons.audit.screens import _band_of_the_target, _forward_score, _held_out_score
from lessons.audit.table import (
    RANK_AGREEMENT,
    _column_findings,
    _duplicate_findings,
    _group_column,
    _group_keys,
    _id_findings,
    _imbalance_findings,
    _order_values,
    _time_order,
    _unique_identifiers,
    rank_agreement,
)
from lessons.audit_types import (
    apply_column_types,
    infer_column_types,
    is_clock_text,
    is_integer_valued,
    is_plain_number,
)
from lessons.errors import DataError
from lessons.event import positive_class


def _silent(fraction: float, message: str) -> None:
    return None


FOLLOW_UP_ROWS_PER_VALUE = 10
"""Rows per value, at most, of a follow-up of many values; a clock repeated more often over the
rows (each of 100 days for 50 patients) is a panel's periods."""


def audit(
    frame: pd.DataFrame,
    target: str,
    *,
    column_types: dict[str, str] | None = None,
    task: str | None = None,
    random_state: int = 0,
    max_model_rows: int = MAX_MODEL_ROWS,
    progress: Progress | None = None,
    time_budget: float = SCREEN_SECONDS,
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
    max_model_rows : int, default=10000
        The model-based checks use a random sample of at most this many rows.
    progress : callable, optional
        Called as ``progress(fraction, message)`` between steps.
    time_budget : float, default=22
        Seconds from the start of the audit after which the column-by-column leak screen
        stops; the columns it did not reach are named in the report's notes (a very wide
        table is audited within the budget, not refused). The checks after the screen
        (with and without suspects, pairs, entities) take a few seconds more.

    Returns
    -------
    AuditReport

    Raises
    ------
    DataError
        If the target is missing, constant or entirely empty, or the table is too small to
        audit. (A class with a single row is a finding, not an error.)
    """
    if not all(isinstance(c, str) for c in frame.columns):
        # A frame built in code may be named 0, 1, ...: the name checks read text. The
        # report names the columns as the caller does.
        report = audit(
            frame.rename(columns=str),
            str(target),
            column_types={str(c): t for c, t in (column_types or {}).items()},
            task=task,
            random_state=random_state,
            max_model_rows=max_model_rows,
            progress=progress,
            time_budget=time_budget,
        )
        return _names_given_back(report, {str(c): c for c in frame.columns})
    report_progress = progress or _silent
    deadline = time.perf_counter() + time_budget
    _check_names(frame)
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

    table, placeholders = _placeholders_to_missing(table, target)
    for name, value, share in placeholders:
        notes.append(
            f"In {name!r}, the value {value!r} ({share:.0%} of rows) stands where the other "
            "rows hold a code each: it was read as empty."
        )

    missing_target = table[target].isna()
    if missing_target.all():
        raise DataError(f"The target {target!r} is empty on every row; pick another column.")
    if missing_target.any():
        findings.append(_missing_target_finding(target, int(missing_target.sum()), n_rows))
        table = table.loc[~missing_target].reset_index(drop=True)
    prepared, positive_label, singletons = _prepare_target(table[target], target, task)
    if singletons:
        # A class of one row cannot be in training and test rows: report it, and audit the
        # rest of the table without it (the model checks need every class twice).
        findings.append(_singleton_finding(target, singletons, len(table)))
        table = table.loc[~table[target].isin(singletons)].reset_index(drop=True)
        notes.append(
            f"The model checks left out the {len(singletons)} row(s) of the single-row "
            f"class(es) {', '.join(repr(str(v)) for v in singletons[:5])}."
        )
        prepared, positive_label, _ = _prepare_target(table[target], target, prepared.task)

    features = [c for c in table.columns if c != target]
    # Distinct counts are the costliest pass over a big table: count once, reuse everywhere.
    distinct = _distinct_counts(table, features)
    findings.extend(_column_findings(table, features, types, distinct))
    report_progress(0.15, "Looking for duplicate rows")
    findings.extend(_duplicate_findings(table, target, types))
    id_columns = _unique_identifiers(table, features, types)
    # A follow-up beside its event (a survival time of many values beside "status") runs until
    # the outcome: a leak to screen, never the time order, even in a file sorted by it. A few
    # values repeated over the rows (waves 0, 6, 12 months; a panel's days) are its periods.
    follow_ups = (
        {
            c
            for c in features
            if distinct[c] >= DURATION_MIN_VALUES
            and distinct[c] > len(table) / FOLLOW_UP_ROWS_PER_VALUE
            and pd.api.types.is_numeric_dtype(table[c])
            and named_as_a_follow_up(c, target)
        }
        if prepared.task != "regression"
        else set()
    )
    # A running time written as a clock ("2:08:01") is an amount of time, whatever its name
    # and the file's order (race results sorted by it); a time of day restarts each day.
    readings = {c for c in features if types.get(c) == "number" and is_clock_text(frame[c], c)}
    if readings:
        notes.append(
            f"{', '.join(map(repr, sorted(readings)))} "
            f"{'holds' if len(readings) == 1 else 'hold'} clock readings (h:mm:ss, or m:ss): "
            "read as seconds, an amount of time, never as the time order."
        )
    time_column, time_finding, interval_findings = _time_order(
        table,
        [c for c in features if c not in follow_ups | readings],
        types,
        prepared,
        id_columns,
        distinct,
    )
    if time_column is not None and not (
        pd.api.types.is_numeric_dtype(table[time_column])
        or pd.api.types.is_datetime64_any_dtype(table[time_column])
    ):
        # Periods written as text ("2003-2004", "S01") sort as text: the checks and folds
        # that follow order the rows by that rank.
        table[time_column] = _order_values(table[time_column])
    clocks = tuple(
        c for c in (time_finding.evidence["candidates"] if time_finding else ()) if c != time_column
    )
    possible: list[tuple[str, str]] = []
    group_column = _group_column(
        table,
        features,
        types,
        time_column,
        id_columns,
        distinct,
        clocks,
        possible,
        classes=table[target] if prepared.task != "regression" else None,
        amounts=table[target] if prepared.task == "regression" else None,
    )
    for label, trait in possible[:3]:
        notes.append(
            f"{label!r} may name a thing seen several times: {trait!r} keeps one value within "
            f"each of its values. It may also be a level of a hierarchy (a job title within a "
            "department): not used to group the folds. If it is an entity, split by it."
        )
    if prepared.task != "regression":
        findings.extend(_imbalance_findings(table[target], prepared, positive_label))

    report_progress(0.3, "Sampling rows for the leak checks")
    rng = np.random.default_rng(random_state)
    # A very wide table gets fewer rows in the model checks, so that every column can be
    # screened in the time budget (cells, not rows, set the cost).
    limit = min(max_model_rows, max(MIN_WIDE_ROWS, MAX_MODEL_CELLS // max(len(features), 1)))
    sample = _sample_positions(len(table), limit, rng)
    if len(sample) < len(table):
        notes.append(
            f"The leak and entity checks used a random sample of {len(sample):,} of "
            f"{len(table):,} rows; counts (duplicates, missing values) used every row."
        )
    rows = table.iloc[sample].reset_index(drop=True)
    target_sample = screen.Target(prepared.task, prepared.values[sample], prepared.n_classes)
    folds, honest_folds, fold_text = _folds(rows, time_column, group_column, rng)

    findings.extend(
        _id_findings(
            table, rows, id_columns, target_sample, folds, time_column, prepared.task, target
        )
    )
    if time_finding:
        findings.append(time_finding)
    findings.extend(interval_findings)
    # The entity column is screened too: a code that looks like an entity can still carry
    # the outcome (grouped folds make a true entity's own screen fall back to the prior).
    # So is an identifier that repeats without being the entity: a status or action code
    # typed as an identifier must still be screened as a possible leak.
    screened = [
        c
        for c in features
        if types.get(c) != "ignore"
        and (types.get(c) != "identifier" or (c not in id_columns and c != group_column))
        and c != time_column
        and distinct[c] > 0
    ]
    if time_column is not None:
        # The time order counted another way ("t" 1 to 97, the year of a monthly date) is
        # the time column itself: its strength is the trend, which the time split handles.
        counters = _period_counters(table, screened, time_column)
        screened = [c for c in screened if c not in counters]
    report_progress(0.45, f"Scoring {len(screened)} columns one by one")
    leaks = _leak_findings(
        rows,
        screened,
        target,
        target_sample,
        folds,
        report_progress,
        over_time=bool(time_column),
        deadline=deadline,
        distinct=distinct if len(rows) == len(table) else None,
        entity=group_column,
        moments=(_order_values(rows[time_column]).to_numpy(dtype=float) if time_column else None),
        whole=(
            (table, prepared, _order_values(table[time_column]).to_numpy(dtype=float))
            if time_column and len(rows) < len(table)
            else None
        ),
        clock=time_column,
    )
    findings.extend(leaks.findings)
    if prepared.task == "multiclass" and _ordered_numbers(table[target]):
        by_numbers = _numbers_look(
            rows,
            [c for c in screened if c not in leaks.skipped],
            findings,
            target,
            table[target].iloc[sample],
            folds,
            over_time=bool(time_column),
            deadline=deadline,
            entity=group_column,
            moments=(
                _order_values(rows[time_column]).to_numpy(dtype=float) if time_column else None
            ),
        )
        findings.extend(by_numbers)
        if by_numbers:
            notes.append(
                f"The classes of {target!r} are ordered numbers, so the leak screen also scored "
                "each column against those numbers (R², as a regression): "
                f"{', '.join(repr(c) for f in by_numbers for c in f.columns)} "
                "tracks the numbers more closely than it tells the classes apart."
            )
    if group_column is not None and time_column is not None:
        asked = {c for f in findings if f.kind == "target_leak" for c in f.columns}
        findings.extend(
            _length_of_the_run(table, [c for c in screened if c not in asked], group_column)
        )
    asked = {
        c for f in findings if f.kind == "target_leak" and f.severity != "low" for c in f.columns
    }
    findings.extend(
        _copy_where_filled(rows, [c for c in screened if c not in asked], target_sample)
    )
    findings.extend(
        _dummies_of_a_band(rows, [c for c in screened if c not in asked], target_sample, target)
    )
    if time_column is not None and prepared.task == "regression":
        flagged_high = {
            c
            for f in findings
            if f.kind == "target_leak" and f.severity == "high"
            for c in f.columns
        }
        ranks = _ranks_of_the_target(
            table,
            [c for c in screened if c not in flagged_high],
            table[target],
            time_column,
            group_column,
        )
        # The rank says what a question on the same column only suspected (named like the
        # target): one finding, the one with the evidence.
        ranked = {f.columns for f in ranks}
        findings = [f for f in findings if not (f.kind == "target_leak" and f.columns in ranked)]
        findings.extend(ranks)
    # Dummies already asked about one by one (named like an outcome, numbered columns) are
    # read together too: as one category they may give the target away.
    high = {
        c for f in findings if f.kind == "target_leak" and f.severity == "high" for c in f.columns
    }
    for together in _dummies_of_the_classes(
        rows, [c for c in screened if c not in high], target_sample, target, folds
    ):
        if together.severity == "high":
            findings = [
                f
                for f in findings
                if not (f.kind == "target_leak" and set(f.columns) <= set(together.columns))
            ]
        elif asked & set(together.columns):
            continue
        findings.append(together)
    moments = _order_values(table[time_column]).to_numpy(dtype=float) if time_column else None
    if group_column is not None:
        # A column only called strong (alone or with others) is asked again, with the reason.
        findings = _with_summaries(
            findings, table, screened, group_column, prepared, target, moments
        )
    for unit, period in _calendar_runs(table, time_column):
        # A day's figure joined onto each of its half-hours (the day's peak demand), a
        # month's onto each of its days, is known only when the period is over.
        key = f"{unit} of {time_column}"
        findings = _with_summaries(
            findings, table.assign(**{key: period}), screened, key, prepared, target, moments
        )
    if group_column is not None and time_column is None:
        # An identifier whose order already raised a question or a leak is not asked twice.
        asked = {c for f in findings if f.kind == "target_leak" for c in f.columns}
        for name in (c for c in id_columns if c not in asked):
            keyed = _identifier_order_within_entity(
                rows, name, group_column, target_sample, SCORE_NAMES[prepared.task]
            )
            if keyed is not None:
                findings = [_order_noted(f, name, group_column) for f in findings]
                findings.append(keyed)
    if leaks.skipped:
        shown = ", ".join(repr(c) for c in leaks.skipped[:10])
        more = f" and {len(leaks.skipped) - 10:,} more" if len(leaks.skipped) > 10 else ""
        notes.append(
            f"The column-by-column leak screen stopped at the audit's time budget "
            f"({time_budget:g} s): "
            f"{len(leaks.skipped):,} of {len(screened):,} columns were not screened ({shown}"
            f"{more}): the columns were screened named-like-an-outcome first, then by a "
            "quick correlation with the target, so these are the weakest by that measure. "
            "Audit them in a narrower file (the columns you would really use)."
        )
    honest_columns = [c for c in leaks.kept if c != group_column]
    honest = leaks.honest
    aliases = _aliases(table, group_column, features, types, distinct) if group_column else []
    if time_column:
        # The honest score is honest in time: each block of time is scored by a model of
        # the blocks before it only.
        honest = _forward_score(rows, honest_columns, target_sample, honest_folds, leaks.screens)
        fold_text += (
            "; a model of no column (each block predicted by the mean of the blocks before "
            f"it) scores {screen.forward_baseline(target_sample, honest_folds):.3f} on those "
            "blocks"
        )
    elif group_column:
        # Split by entity, each fold scored by a model that never saw its rows. The
        # entity's other names (a school's code beside its name) tell nothing of a new one.
        honest = _held_out_score(
            rows,
            [c for c in honest_columns if c not in aliases],
            target_sample,
            honest_folds,
            leaks.screens,
            groups=_group_keys(rows[group_column].to_numpy()),
        )
        fold_text += (
            f"; a model of no column (each fold predicted by the other folds' average) scores "
            f"{screen.held_out_baseline(target_sample, honest_folds):.3f} on the honest score's folds"
        )
    if group_column:
        report_progress(0.9, "Comparing a random split with a split by entity")
        findings.append(
            _entity_finding(
                rows,
                table,
                group_column,
                honest_columns,
                target_sample,
                rng,
                leaks.screens,
                aliases=aliases,
                honest=None if time_column else honest,
            )
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
        folds=fold_text,
    )


RUN_LENGTH_ENTITIES = 0.9  # share of entities (2+ rows) on which the column is their row count
RUN_LENGTH_SIZES = 3  # the entities' row counts take at least this many values


def _length_of_the_run(table: pd.DataFrame, columns: list[str], entity: str) -> list[Finding]:
    """Columns that give each entity's number of rows in a table ordered in time: the length
    of its run (weeks on the chart, years in the panel), copied onto every row, known only
    once its last row is written. Without a time column the same count can be honest (the
    size of a household, on each member's row), so only a panel over time is asked."""
    codes, _ = pd.factorize(table[entity])
    counts = np.bincount(codes[codes >= 0])
    if len(np.unique(counts[counts >= 2])) < RUN_LENGTH_SIZES:
        return []
    several = (codes >= 0) & (counts[np.maximum(codes, 0)] >= 2)
    keys = codes[several]
    sizes = counts[keys]
    found = []
    for column in columns:
        values = table[column]
        if not is_plain_number(values):
            continue
        equal = values.to_numpy()[several] == sizes
        if float(equal.mean()) < RUN_LENGTH_ENTITIES * 0.8:  # one pass, before any grouping
            continue
        matches = pd.Series(equal).groupby(keys, sort=False).mean()
        share = float((matches >= 0.99).mean())
        if share < RUN_LENGTH_ENTITIES:
            continue
        found.append(
            Finding(
                "target_leak",
                "medium",
                (column,),
                f"Is {column!r} written at the end? On {share:.0%} of the {len(matches):,} "
                f"values of {entity!r} with two rows or more, it equals the number of rows that "
                f"{entity!r} has in the table, on every one of them: the length of its run, "
                "known only once its last row is written. A model that reads it knows how long "
                f"each {entity!r} lasts.",
                "If it counts the whole run (weeks on a chart, years in a panel), drop it, or "
                "replace it by the count so far (the row's place in its run).",
                {
                    "check": "length of the run: equals each entity's number of rows",
                    "entities_compared": len(matches),
                    "share_of_entities": round(share, 4),
                },
            )
        )
    return found


SUMMARY_MIN_ENTITIES = 10  # entities with two rows or more, for a summary to be compared
SUMMARY_MAX_CLASSES = 10  # classes of a class target counted over each entity's run
SUMMARY_VARIED = 0.3  # share of them whose target changes from row to row
SUMMARY_CONSTANT = 0.95  # share of them on which the column keeps one value
SUMMARY_FOLLOWS = 0.98  # rank correlation with the summary ...
SUMMARY_EQUAL = 1e-3  # ... and at most this share of its variance left by a straight line:
# equal to the summary up to a scale and rounding (a floor area that ranks stores by their
# mean sales at 0.99 is not their mean sales)
SUMMARY_EVER_AUC = 0.999  # "ever positive" separated exactly (an admission HbA1c reaches 0.99)
SUMMARY_EVER_SHARE = (0.1, 0.9)  # "ever positive" must split the entities
SUMMARY_WORDS = {
    "ever positive": "whether the target was ever positive",
    "share of positive rows": "share of positive rows",
    "highest value": "highest target",
    "lowest value": "lowest target",
    "mean": "mean target",
    "median": "median target",
    "total": "total target",
    "last value": "last target",
}
START_NAME = re.compile(
    r"admission|admit|baseline|pre_?op|signup|enrol|capacity|registered|initial|intake"
    r"|budget|plan|quota|allocat|start",
    re.IGNORECASE,
)
"""Names of values fixed before a run begins (a class size set in September, a pain score
before the operation): a summary of the run only by coincidence."""


def _entity_summaries(target: np.ndarray, keys: np.ndarray, task: str) -> dict[str, pd.Series]:
    """The target summarised over each entity's rows: for a yes/no outcome whether it ever
    happened and how often; for a number its highest, lowest, mean and total."""
    values = pd.Series(target, dtype=float).groupby(keys, sort=False)
    if task == "binary":
        return {"ever positive": values.max(), "share of positive rows": values.mean()}
    return {
        "highest value": values.max(),
        "lowest value": values.min(),
        "mean": values.mean(),
        "median": values.median(),
        "total": values.sum(),
    }


def _summary_allowance(own: pd.Series) -> float:
    """Share of the variance a straight line may leave between a value and the summary it
    equals: ``SUMMARY_EQUAL``, or what rounding to the value's grid adds (an average shown
    in half stars)."""
    # A summary shown rounded takes few values (half stars): any grid counts.
    step = _step(own.to_numpy(dtype=float), min_values=2)
    rounding = ROUNDING_ALLOWANCE * step**2 / 12 / max(float(own.var()), 1e-300)
    return max(SUMMARY_EQUAL, rounding)


def _follows(own: pd.Series, summary: pd.Series, ever: bool = False, equal: bool = False) -> float:
    """How closely one value per entity orders the entities by a summary of the target: ROC
    AUC either way for "ever positive", else the absolute rank correlation. With ``equal``,
    0 unless a straight line through the values leaves at most ``SUMMARY_EQUAL`` of the
    variance (the value is the summary, up to a scale)."""
    present = own.notna() & summary.notna()
    if present.sum() < 3:
        return 0.0
    if ever:
        auc = screen.roc_auc(summary[present].to_numpy(int), own[present].to_numpy())
        return max(auc, 1 - auc)
    own, summary = own[present], summary[present]
    if own.nunique() < 2 or summary.nunique() < 2:
        return 0.0
    if equal and 1 - float(np.nan_to_num(own.corr(summary))) ** 2 > _summary_allowance(own):
        return 0.0
    # Spearman by hand: pandas' method="spearman" imports scipy.stats.
    return abs(float(np.nan_to_num(own.rank().corr(summary.rank()))))


def _with_summaries(
    findings: list[Finding],
    table: pd.DataFrame,
    screened: list[str],
    entity: str,
    prepared: screen.Target,
    target: str,
    moments: np.ndarray | None,
) -> list[Finding]:
    """``findings`` with the summaries of the run of each value of ``entity``
    (:func:`_summary_of_the_run`) over the columns not already asked about for a reason of
    their own; a summary replaces a finding that only called the same column strong."""
    asked = {
        c
        for f in findings
        if f.kind == "target_leak"
        and (f.severity == "high" or f.evidence.get("check") not in STRENGTH_CHECKS)
        for c in f.columns
    }
    for summary in _summary_of_the_run(
        table, [c for c in screened if c not in asked], entity, prepared, target, moments
    ):
        findings = [
            f
            for f in findings
            if not (
                f.columns == summary.columns
                and f.severity != "high"
                and f.evidence.get("check") in STRENGTH_CHECKS
            )
        ]
        findings.append(summary)
    return findings


def _calendar_runs(table: pd.DataFrame, time_column: str | None) -> list[tuple[str, pd.Series]]:
    """The calendar periods coarser than the moments that hold runs of rows: the day of
    moments within the day, the month of daily dates, the quarter of weekly ones, each with
    ``MIN_GROUPS_FOR_FOLDS`` periods or more and ``MOMENTS_A_PERIOD`` rows each (median).
    A summary of a period (a day's peak, a month's mean) is known only at its end. Only for
    a single series, its moments mostly once each: a panel's period mixes its entities."""
    if time_column is None or not pd.api.types.is_datetime64_any_dtype(table[time_column]):
        return []
    moments = table[time_column]
    if moments.nunique() < len(moments) / 2:
        return []
    runs = []
    for unit, period in (
        ("day", moments.dt.normalize()),
        ("month", moments.dt.to_period("M")),
        ("quarter", moments.dt.to_period("Q")),
    ):
        if (
            period.nunique() >= MIN_GROUPS_FOR_FOLDS
            and period.value_counts().median() >= MOMENTS_A_PERIOD
        ):
            runs.append((unit, period))
    return runs


MOMENTS_A_PERIOD = 4


def _summary_of_the_run(
    table: pd.DataFrame,
    columns: list[str],
    entity: str,
    target: screen.Target,
    target_name: str,
    moments: np.ndarray | None = None,
) -> list[Finding]:
    """Numbers that take one value per entity and follow a summary of the target over the
    entity's rows: a track's best chart position beside "in the top 40 this week", a
    patient's worst score beside each visit's score. Worked out over the whole run, the
    value includes the rows after the one being predicted (and the row itself), so a model
    that reads it is told the outcome. Only entities whose target changes from row to row
    count: where the target is one value per entity, an entity attribute that predicts it is
    the leak screen's matter. With ``moments`` (the time order), a value that follows the
    entity's first target just as well is its starting point (a pig's weight at the start,
    the lowest of a growing run), known from the first row: not asked."""
    labels = table[target_name].to_numpy() if target.task == "multiclass" else None
    if target.task == "multiclass" and is_plain_number(table[target_name]):
        # Classes that are numbers (one to five stars) are ordered: summed up as numbers.
        target = screen.Target("regression", table[target_name].to_numpy(dtype=float), 0)
    if target.task not in ("binary", "regression"):
        return []
    codes, _ = pd.factorize(table[entity])
    counts = np.bincount(codes[codes >= 0])
    several = (codes >= 0) & (counts[np.maximum(codes, 0)] >= 2) & np.isfinite(target.values)
    keys = codes[several]
    grouped_target = pd.Series(target.values[several], dtype=float).groupby(keys, sort=False)
    varied = grouped_target.nunique() > 1
    if len(varied) < SUMMARY_MIN_ENTITIES or varied.mean() < SUMMARY_VARIED:
        return []
    summaries = _entity_summaries(target.values[several], keys, target.task)
    if labels is not None:
        # A count of one class over the run (a patient's recurrences beside each interval's
        # end code: recurrence, death or censored).
        kept = labels[several]
        for label in pd.unique(kept)[:SUMMARY_MAX_CLASSES]:
            summaries[f"count of class {label}"] = (
                pd.Series(kept == label, dtype=float).groupby(keys, sort=False).sum()
            )
    sizes = grouped_target.size().astype(float)
    ever = summaries.get("ever positive")
    if ever is not None and not SUMMARY_EVER_SHARE[0] <= ever.mean() <= SUMMARY_EVER_SHARE[1]:
        summaries.pop("ever positive")
    first = None
    if moments is None:
        # Without a time order the highest or lowest target may be the starting point (the
        # pain before the operation): nothing tells them apart.
        summaries.pop("highest value", None)
        summaries.pop("lowest value", None)
    else:
        by_time = np.lexsort((moments[several], keys))
        in_order = pd.Series(target.values[several][by_time], dtype=float).groupby(
            keys[by_time], sort=False
        )
        first = in_order.first()
        # The final value copied onto every row (a discharge score on each visit).
        summaries["last value"] = in_order.last()
    # Each row's entity's first row: a column constant within entities equals its value there
    # (one comparison per row, before any grouping).
    rows_of = np.flatnonzero(several)
    _, first_row = np.unique(keys, return_index=True)
    lookup = np.empty(int(keys.max()) + 1, dtype=np.int64)
    lookup[np.unique(keys)] = rows_of[first_row]
    first_of_row = lookup[keys]
    found = []
    for column in columns:
        values = table[column]
        if not is_plain_number(values) or START_NAME.search(str(column)):
            continue
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        same = (numbers[several] == numbers[first_of_row]) | np.isnan(numbers[several])
        if float(same.mean()) < SUMMARY_CONSTANT:
            continue
        per_entity = pd.Series(numbers[several]).groupby(keys, sort=False)
        if float((per_entity.nunique() <= 1).mean()) < SUMMARY_CONSTANT:
            continue
        own = per_entity.first()
        best = None
        for name, summary in summaries.items():
            present = own.notna() & summary.notna()
            if present.sum() < SUMMARY_MIN_ENTITIES or own[present].nunique() < 3:
                continue
            ever = name == "ever positive"
            follows = _follows(own[present], summary[present], ever=ever, equal=not ever)
            bar = SUMMARY_EVER_AUC if ever else SUMMARY_FOLLOWS
            if follows >= bar and (best is None or follows > best[1]):
                best = (name, follows, int(present.sum()))
        # A starting point (the first target) or a count of rows (a family's number of
        # children follows the total of their heights) is no summary of the outcome.
        if best is None or any(
            _follows(own, other) >= best[1] - 0.01 for other in (first, sizes) if other is not None
        ):
            continue
        name, follows, compared = best
        measure = "ROC AUC" if name == "ever positive" else "rank correlation"
        found.append(
            Finding(
                "target_leak",
                "medium",
                (column,),
                f"Is {column!r} a summary of the whole run of each value of {entity!r}? It "
                f"keeps one value per {entity!r}, and "
                + (
                    f"that value tells exactly whether the target was ever positive over its "
                    f"rows ({measure} {follows:.3f}"
                    if name == "ever positive"
                    else f"that value is the {SUMMARY_WORDS.get(name, name)} over its rows, up to a "
                    f"scale ({measure} {follows:.3f}"
                )
                + f" over {compared:,} values of {entity!r} with two rows or more). Worked out "
                "over every row, it includes the rows after the one being predicted: a model "
                "that reads it is told how the run turns out.",
                "If it is computed from the outcome over the whole run (a best chart "
                "position, a season's total, a patient's worst score), drop it, or replace it "
                "by the same summary up to the row's moment. If it was fixed before the run "
                "began (a floor area, a class size set in September), keep it.",
                {
                    "check": "summary of the run: one value per entity that follows a summary "
                    "of the target over its rows",
                    "summary": name,
                    "measure": measure,
                    "score": round(follows, 4),
                    "entities_compared": compared,
                },
            )
        )
    return found


SPARSE_COPY_FILLED = 0.9  # a column filled on fewer rows than this share ...
SPARSE_COPY_MIN_ROWS = 30  # ... but on this many rows or more ...
SPARSE_COPY_RANKS = 0.99  # ... whose ranks follow the target's this closely there


def _period_counters(table: pd.DataFrame, columns: list[str], time_column: str) -> set[str]:
    """The whole numbers among ``columns`` that count the time column's periods: the moment's
    own index ("t" 1 to 97, the moments' dense rank plus a constant), the year of a date, or
    a coarser calendar stepping at evenly spaced moments. A running count of events (games
    with 100 points, so far) steps on the outcome, not on the calendar."""
    wholes = [
        c
        for c in columns
        if is_plain_number(table[c]) and is_integer_valued(table[c]) and table[c].notna().all()
    ]
    moments = table[time_column]
    order = _order_values(moments)
    if not wholes or order.isna().any():
        return set()
    years = (
        moments.dt.year.to_numpy(dtype=float)
        if pd.api.types.is_datetime64_any_dtype(moments)
        else None
    )
    index = order.rank(method="dense").to_numpy(dtype=float)
    return {c for c in wholes if _counts_periods(table[c].to_numpy(dtype=float), index, years)}


def _counts_periods(values: np.ndarray, index: np.ndarray, years: np.ndarray | None) -> bool:
    if years is not None and np.array_equal(values, years):
        return True
    if np.unique(values - index).size == 1:
        return True
    # A coarser calendar (the year beside a quarter's index): one value a moment, stepping up
    # by one at evenly spaced moments (every fourth quarter).
    per_moment = pd.Series(values).groupby(index, sort=True)
    if int(per_moment.nunique().max()) > 1:
        return False
    steps = np.diff(per_moment.first().to_numpy(dtype=float))
    if not (len(steps) and set(np.unique(steps)) <= {0.0, 1.0}):
        return False
    gaps = np.diff(np.flatnonzero(steps))
    return bool(len(gaps) >= 2 and np.unique(gaps).size == 1 and gaps[0] > 1)


def _ranks_of_the_target(
    table: pd.DataFrame,
    columns: list[str],
    amounts: pd.Series,
    time_column: str,
    entity: str | None = None,
) -> list[Finding]:
    """Whole numbers that rank the target within each period (a country's place in the
    year's income table beside its income): computed from the outcome of the period. Across
    periods the same rank means different amounts, so the leak screen, scoring one column
    over every row, reads a middling column."""
    periods = table[time_column]
    largest = int(periods.value_counts().max())
    # Last period's rank of the same entity agrees with this one's too, when the target
    # moves slowly (incomes): a lag, known before the outcome, is the screen's question.
    earlier = None
    if entity is not None:
        order = _order_values(periods)
        ordered = table.assign(_order=order.to_numpy()).sort_values([entity, "_order"])
        earlier = ordered.groupby(entity, sort=False)[amounts.name].shift(1).reindex(table.index)
    found = []
    for column in columns:
        if LAG_NAME.search(column):
            continue
        values = table[column]
        if not (is_plain_number(values) and is_integer_valued(values)):
            continue
        present = values.dropna()
        if present.empty or present.min() < 0 or present.max() > largest + 1:
            continue
        agreement = rank_agreement(values, amounts, periods)
        if agreement < RANK_AGREEMENT:
            continue
        if earlier is not None and rank_agreement(values, earlier, periods) >= agreement:
            continue
        found.append(
            Finding(
                "target_leak",
                "high",
                (column,),
                f"{column!r} ranks the target within each {time_column!r}: its values are the "
                f"places 1 to {int(present.max())} of the target's values in each period "
                f"(correlation with the target's rank in its period {agreement:.3f}). A rank of "
                "the outcome is computed from it; over all periods the same place means "
                "different amounts, so the column looks only middling to a model.",
                "Drop it: the rank exists once every row of the period has its outcome.",
                {
                    "check": "rank within the period: the target ranked in each period",
                    "rank_agreement": round(agreement, 4),
                    "largest_period_rows": largest,
                },
            )
        )
    return found


def _copy_where_filled(
    rows: pd.DataFrame, columns: list[str], target: screen.Target
) -> list[Finding]:
    """Numbers filled on part of the rows that, where filled, rank the rows exactly as a
    numeric target does: the target re-expressed (an air quality index beside the PM2.5 it
    is computed from), reported on some days only. The leak screen scores the empty rows too
    and sees a middling column; on the filled rows it is a copy."""
    if target.task != "regression":
        return []
    found = []
    outcome = pd.Series(target.values, dtype=float)
    for column in columns:
        values = rows[column]
        if not is_plain_number(values):
            continue
        filled = values.notna().to_numpy() & np.isfinite(target.values)
        count = int(filled.sum())
        if count < SPARSE_COPY_MIN_ROWS or count >= SPARSE_COPY_FILLED * len(values):
            continue
        own = pd.Series(values.to_numpy(dtype=float, na_value=np.nan)[filled])
        if own.nunique() < 10:
            continue
        # Spearman by hand: pandas' method="spearman" imports scipy.stats.
        ranks = float(np.nan_to_num(own.rank().corr(outcome[filled].reset_index(drop=True).rank())))
        if abs(ranks) < SPARSE_COPY_RANKS:
            continue
        share = count / len(values)
        found.append(
            Finding(
                "target_leak",
                "medium",
                (column,),
                f"Is {column!r} the target written another way? It is filled on {share:.0%} of "
                f"the rows ({count:,}), and there it orders them exactly as the target does "
                f"(rank correlation {ranks:.3f}). Scored over every row, its empty cells hide "
                "that; where it is filled, it is a copy.",
                "If it is computed from the target or measured with it (an index from the "
                "reading it summarises), drop it. If it is a real earlier value, keep it and "
                "say when it is known.",
                {
                    "check": "copy where filled: ranks the filled rows as the target does",
                    "filled_rows": count,
                    "filled_share": round(share, 4),
                    "rank_correlation": round(ranks, 4),
                },
            )
        )
    return found


DUMMY_MIN_ONES = 3
"""Rows a 0/1 column must mark to count as one level of a category written as dummies ..."""
DUMMY_PRODUCT_COST = 2e8
"""... among the first 0/1 columns whose co-occurrence product (rows × columns²) stays under
this cost: about 140 columns of 10,000 rows, 630 of 500 ..."""
DUMMY_MISSING = 0.05
"""... with at most this share of them empty ..."""
DUMMY_RARE_SHARE = 0.2
"""Dummies that each mark under this share of the rows look like little alone."""


def _dummy_groups(rows: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    """Groups of three or more 0/1 columns of which a row has at most one set: one category
    written as dummies (regions north, south, east, west; ranked top 10, 11-25, 26-40)."""
    most = int(np.sqrt(DUMMY_PRODUCT_COST / max(len(rows), 1)))
    flags = list(
        itertools.islice(
            (
                c
                for c in columns
                # True/False too: ``pd.get_dummies`` writes bools, and the loader reads them.
                if (is_plain_number(rows[c]) or pd.api.types.is_bool_dtype(rows[c]))
                and rows[c].isna().mean() <= DUMMY_MISSING
                and set(np.unique(rows[c].dropna().to_numpy(dtype=float))) == {0.0, 1.0}
            ),
            most,
        )
    )
    if len(flags) < 3:
        return []
    # A few unknown flags count as not set.
    marks = rows[flags].astype(float).fillna(0.0).to_numpy(dtype=np.float32)
    together = marks.T @ marks
    ones = np.diag(together)
    apart = (together == 0) & (ones[:, None] >= DUMMY_MIN_ONES) & (ones[None, :] >= DUMMY_MIN_ONES)
    groups, seen = [], set()
    for i in range(len(flags)):
        if i in seen or ones[i] < DUMMY_MIN_ONES:
            continue
        # Greedy: the flags that are apart from every flag already in the group.
        group = [i]
        for j in range(i + 1, len(flags)):
            if j not in seen and all(apart[j, k] for k in group):
                group.append(j)
        if len(group) >= 3:
            groups.append([flags[k] for k in group])
            seen.update(group)
    return groups


def _dummies_of_a_band(
    rows: pd.DataFrame, columns: list[str], target: screen.Target, target_name: str
) -> list[Finding]:
    """Dummies of one category that together cut a numeric target into ranges: a band of the
    target written as several 0/1 columns (ranked in the top 10, 11-25, 26-40, 41-60). Each
    alone marks a few rows and scores little; read as the one category they are, they are a
    band."""
    if target.task != "regression":
        return []
    found = []
    for group in _dummy_groups(rows, columns):
        marks = rows[group].astype(float).fillna(0.0).to_numpy()
        # Level 0: none of the dummies set (the schools ranked below 60).
        codes = np.where(marks.any(axis=1), marks.argmax(axis=1) + 1, 0)
        band = _band_of_the_target(codes, len(group) + 1, pd.Series(codes), target)
        if band is None:
            continue
        names = ", ".join(repr(c) for c in group)
        none_set = " (none set is a level too)" if (codes == 0).any() else ""
        rare = (
            " Each dummy alone marks too few rows to look like much."
            if marks.mean(axis=0).max() < DUMMY_RARE_SHARE
            else ""
        )
        found.append(
            Finding(
                "target_leak",
                "medium",
                tuple(group),
                f"Are {names} written from the outcome? A row has at most one of them set, so "
                f"they are one category of {band['levels']} levels{none_set}, "
                f"and together they cut {target_name!r} into ranges: {band['rank_r2']:.3f} out "
                f"of fold on the target's ranks, where the best any category of these level "
                f"sizes can do is {band['rank_r2_ceiling']:.3f}; of the {band['end_rows']} "
                f"highest values, {band['highest_in_top_levels']:.0%} sit in its top levels, of "
                f"the {band['end_rows']} lowest, {band['lowest_in_bottom_levels']:.0%} in its "
                f"bottom ones.{rare} A coarse class of a strong honest measurement (a size class "
                "from the floor area) looks the same.",
                "Find out how they are set: dummies of a band cut from the target (ranked in "
                "the top 10) are the target; drop them all. Dummies of a category known "
                "beforehand (a region, a size class set from a measurement) stay.",
                {
                    "check": "dummies of one category cut the target into ranges",
                    "dummies": list(group),
                    "band": band,
                },
            )
        )
    return found


def _dummies_of_the_classes(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    target_name: str,
    folds: np.ndarray,
) -> list[Finding]:
    """Dummies of one category that together give a class target away: the target's own
    classes written as 0/1 columns (BK, KFC and RR beside the chain, Wendy's when none is
    set). Each alone marks one class and looks like a strong feature at most; read as the
    one category they are, they are the target."""
    if target.task == "regression":
        return []
    found = []
    for group in _dummy_groups(rows, columns):
        marks = rows[group].astype(float).fillna(0.0).to_numpy()
        codes = np.where(marks.any(axis=1), marks.argmax(axis=1) + 1, 0)
        together = screen.score_alone(
            screen.oof_encode(codes, len(group) + 1, target, folds), target
        )
        lift = screen.lift(together, target)
        if lift < NEAR_PERFECT_LIFT:
            continue
        alone = max(
            screen.score_alone(
                screen.oof_encode(marks[:, i].astype(np.int64), 2, target, folds), target
            )
            for i in range(len(group))
        )
        names = ", ".join(repr(c) for c in group)
        none_set = " (none set is a level too)" if (codes == 0).any() else ""
        score_name = SCORE_NAMES[target.task]
        high = lift >= TOO_GOOD_LIFT
        question = (
            f"{names} give {target_name!r} away together"
            if high
            else f"Are {names} written from the outcome?"
        )
        found.append(
            Finding(
                "target_leak",
                "high" if high else "medium",
                tuple(group),
                f"{question}{'.' if high else ''} A row has at most one of them set, so they "
                f"are one category of {len(group) + 1 if none_set else len(group)} levels"
                f"{none_set}; read as that category they reach {score_name} {together:.3f} "
                f"out of fold, where the best of them alone reaches {alone:.3f}. Dummies of "
                "the target's own classes look like this; no honest category is this close "
                "to the answer.",
                "Find out how they are set: dummies of the outcome (one column per class) are "
                "the target; drop them all. Dummies of a category known beforehand stay.",
                {
                    "check": "dummies of one category give the target's classes",
                    "dummies": list(group),
                    "together": round(float(together), 4),
                    "best_alone": round(float(alone), 4),
                    "score": score_name,
                },
            )
        )
    return found


def _order_noted(finding: Finding, column: str, entity: str) -> Finding:
    """An identifier's own finding, told that its order inside each entity is asked about
    (its values alone predicting nothing is no longer the whole story)."""
    if finding.kind != "id_column" or finding.columns != (column,):
        return finding
    values_alone = finding.message.replace(
        "it does not predict the target.", "its values alone do not predict the target."
    )
    return dataclasses.replace(
        finding,
        message=f"{values_alone} Its order inside each {entity!r} does: see the question about it.",
    )


def _ordered_numbers(target: pd.Series) -> bool:
    """Classes that are amounts on a scale (a score of 1 to 10, a count of 0 to 8), not names:
    whole numbers, at least ``ORDERED_MIN_LEVELS`` of them, close to a run (a rating of 1 to 5
    with "don't know" coded 99 is not a scale: the 99s would be most of its variance)."""
    if not pd.api.types.is_numeric_dtype(target) or pd.api.types.is_bool_dtype(target):
        return False
    levels = np.unique(target.to_numpy(dtype=float))
    return (
        len(levels) >= ORDERED_MIN_LEVELS
        and bool(np.allclose(levels, np.round(levels)))
        and levels[-1] - levels[0] + 1 <= 2 * len(levels)
    )


def _numbers_look(
    rows: pd.DataFrame,
    columns: list[str],
    found: list[Finding],
    target: str,
    numbers: pd.Series,
    folds: np.ndarray,
    **screen_options,
) -> list[Finding]:
    """The leak screen again, against an ordered class target's numbers as a regression.

    Balanced accuracy over ten ordered classes counts a near miss (a 7 read as an 8) as a
    miss, so a column that tracks the score closely (the exam awards the score is built from)
    scores little as a classifier. Only columns the class screen did not already question
    are screened, and only leak findings of medium or high where a column alone (a pair
    together) reaches R² 0.75 are kept: the bars of a regression target, so a column is
    asked about here exactly when it would be on the same scores read as numbers (a mock
    exam at R² 0.7 is not; one at R² 0.8 that is most of what the model knows is, as for any
    regression target).
    """
    questioned = {
        c for f in found if f.kind == "target_leak" and f.severity != "low" for c in f.columns
    }
    remaining = [c for c in columns if c not in questioned]
    if not remaining:
        return []
    as_numbers = screen.Target("regression", numbers.to_numpy(dtype=float), 0)
    result = _leak_findings(rows, remaining, target, as_numbers, folds, _silent, **screen_options)
    return [
        f
        for f in result.findings
        if f.kind == "target_leak"
        and f.severity != "low"
        # A pair is judged together: a death rate times the lambs at risk gives the deaths.
        and _best_alone(f.evidence.get("score_together", f.evidence.get("score_alone")))
        >= ORDERED_ALONE_R2
    ]


def _best_alone(score: float | dict | None) -> float:
    if isinstance(score, dict):
        return max(score.values(), default=0.0)
    return score if score is not None else 0.0


def _folds(
    rows: pd.DataFrame,
    time_column: str | None,
    group_column: str | None,
    rng: np.random.Generator,
) -> tuple[np.ndarray, np.ndarray, str]:
    """The folds of every model check, those of the honest score, and a sentence that says
    which they are.

    Time wins: with a time column the folds are contiguous blocks of time, and the honest
    score trains on earlier blocks only, cut between moments (a season is never learned in
    part to predict the rest of it). The checks' blocks may split a moment: they only ask
    what a column knows. Otherwise an entity's rows share a fold. The honest score leaves
    one entity out at a time up to ``HELD_OUT_ENTITIES`` (three folds of eight schools swing
    from seed to seed; one fold per school does not), three folds of whole entities beyond.
    The checks use three folds of whole entities from ``MIN_GROUPS_FOR_FOLDS`` on, random
    folds below. Without an entity the folds are random.
    """
    if time_column is not None:
        order = _order_values(rows[time_column]).to_numpy(dtype=float)
        order = np.where(np.isnan(order), np.inf, order)
        folds = screen.time_folds(order, TIME_FOLDS)
        whole = screen.moment_folds(order, TIME_FOLDS)
        blocks = int(whole.max()) + 1
        split = pd.Series(whole).groupby(order).nunique().max() > 1
        moments = (
            " (too few moments to keep each in one block)"
            if split
            else ""
            if len(np.unique(order)) == len(order)
            else ", whole moments each"
        )
        return (
            folds,
            whole,
            f"time-ordered: {TIME_FOLDS} consecutive blocks of {time_column!r} for the checks; "
            f"the honest score cuts {blocks} blocks{moments} and scores blocks 3 to {blocks}, "
            "each with a model of the blocks before it (block 1 only seeds the model's "
            "statistics)",
        )
    if group_column is not None:
        each = _group_keys(rows[group_column].to_numpy())
        entities = int(each.max()) + 1
        checks, checks_text = (
            (
                screen.make_folds(len(rows), N_FOLDS, rng, each),
                f"{N_FOLDS} folds of whole {group_column!r} values",
            )
            if entities >= MIN_GROUPS_FOR_FOLDS
            else (screen.make_folds(len(rows), N_FOLDS, rng), f"{N_FOLDS} shuffled folds")
        )
        if entities > HELD_OUT_ENTITIES:
            return (
                checks,
                checks,
                f"grouped: {N_FOLDS} folds, all rows of one {group_column!r} in the same fold, "
                "for the checks and the honest score (each fold scored by a model of the "
                "others, the predictions pooled)",
            )
        return (
            checks,
            each,
            f"grouped: one {group_column!r} left out at a time for the honest score ({entities} folds, "
            f"each scored by a model of the others, the predictions pooled); {checks_text} "
            "for the checks",
        )
    shuffled = screen.make_folds(len(rows), N_FOLDS, rng)
    return shuffled, shuffled, f"random: {N_FOLDS} shuffled folds"


def _names_given_back(report: AuditReport, names: dict) -> AuditReport:
    """The report with the columns named as in the caller's frame (the messages keep text)."""

    def back(name):
        return names.get(name, name) if name is not None else None

    return dataclasses.replace(
        report,
        target=back(report.target),
        time_column=back(report.time_column),
        group_column=back(report.group_column),
        findings=tuple(
            dataclasses.replace(f, columns=tuple(back(c) for c in f.columns))
            for f in report.findings
        ),
        column_types={back(c): t for c, t in report.column_types.items()},
    )


ALIAS_NUMBER_NAME = re.compile(
    r"(id|key|code|fips?|no|nr|num|number)$|^(id|key|code|fips?)_?", re.I
)


def _aliases(
    table: pd.DataFrame,
    entity: str,
    features: list[str],
    types: dict,
    distinct: dict[str, int],
) -> list[str]:
    """Labels that name the same things as the entity, one value for each (a state's FIPS
    code beside its name): the entity again, named in its finding. Only labels and whole
    numbers named as codes: a measurement or an outcome that keeps one value per entity (a
    patient's survival) is no name. They stay in the leak checks: a case reference whose
    prefix says how the case ended is a label of the entity and a leak."""
    found = []
    for name in features:
        if name == entity or distinct[name] != distinct[entity]:
            continue
        column = table[name]
        label = types.get(name) in ("identifier", "category")
        code = (
            types.get(name) == "number"
            and is_integer_valued(column)
            and bool(ALIAS_NUMBER_NAME.search(str(name)))
        )
        if not (label or code):
            continue
        pairs = table[[entity, name]].dropna()
        if len(pairs) < 0.95 * len(table):
            continue
        if int(pairs.groupby(entity, sort=False)[name].nunique().max()) <= 1:
            found.append(name)
    return found


def _check_names(frame: pd.DataFrame) -> None:
    repeated = frame.columns[frame.columns.duplicated()].unique()
    if len(repeated):
        raise DataError(
            f"The column name(s) {', '.join(map(repr, list(repeated)[:5]))} appear more than "
            "once; give each column its own name."
        )


def _check_shape(frame: pd.DataFrame, target: str) -> None:
    if target not in frame.columns:
        shown = ", ".join(repr(str(c)) for c in list(frame.columns)[:8])
        more = ", …" if frame.shape[1] > 8 else ""
        raise DataError(f"There is no column {target!r}; the columns are {shown}{more}.")
    if frame.shape[1] < 2:
        raise DataError("The table has a single column: there is nothing to predict it from.")
    if len(frame) < MIN_ROWS:
        raise DataError(
            f"The table has {len(frame)} rows; at least {MIN_ROWS} are needed to learn "
            "anything and score it honestly."
        )


def _distinct_counts(table: pd.DataFrame, features: list[str]) -> dict[str, int]:
    """Distinct values per column, the costliest pass over a wide table.

    Exact, except for columns of fractions whose first ``DISTINCT_HEAD`` rows already hold
    50 distinct values or more: their count is that lower bound (every use of the count, a
    constant column, a category's cardinality, an entity or a period, is settled by then).
    """
    counts: dict[str, int] = {}
    head = table.iloc[:DISTINCT_HEAD]
    for name in features:
        if len(table) > DISTINCT_HEAD and pd.api.types.is_float_dtype(table.dtypes[name]):
            early = int(head[name].nunique())
            if early >= 50:
                counts[name] = early
                continue
        counts[name] = int(table[name].nunique())
    return counts


PLACEHOLDERS = frozenset(
    {
        "none",
        "nil",
        "null",
        "n/a",
        "na",
        "n.a.",
        "-",
        "--",
        "—",
        ".",
        "?",
        "missing",
        "not applicable",
        "not available",
        "not recorded",
        "no record",
        "no number",
    }
)
"""Words that stand for nothing recorded."""
PLACEHOLDER_MIN_SHARE = 0.05
PLACEHOLDER_CODES = 0.5
"""The other rows hold a code each: distinct values on at least this share of them."""


def _placeholders_to_missing(
    table: pd.DataFrame, target: str
) -> tuple[pd.DataFrame, list[tuple[str, str, float]]]:
    """Text columns whose most common value is a word for nothing ("none") while the other
    rows hold a code each (a press release number, a claim reference), with that word read
    as empty: such a column is filled for some rows only, and whether it is filled is what
    the missing-value checks read. A word beside a few categories ("none" among three
    complications) is a category and stays."""
    changed = []
    for name in table.columns:
        column = table[name]
        if name == target or not (
            pd.api.types.is_object_dtype(column.dtype) or pd.api.types.is_string_dtype(column.dtype)
        ):
            continue
        # A glance at rows spread over the column (a file sorted by the codes holds the
        # word at its end).
        glance = column.iloc[:: max(1, len(column) // 1000)]
        glance = glance.dropna().astype(str).str.strip().str.lower()
        if not glance.isin(PLACEHOLDERS).any():
            continue
        counts = column.dropna().astype(str).str.strip().str.lower().value_counts()
        word, rows = counts.index[0], int(counts.iloc[0])
        rest = int(counts.sum()) - rows
        if (
            word not in PLACEHOLDERS
            or rows < PLACEHOLDER_MIN_SHARE * len(column)
            or rest < MIN_ROWS
            or len(counts) - 1 < PLACEHOLDER_CODES * rest
        ):
            continue
        empty = column.astype(str).str.strip().str.lower().eq(word) & column.notna()
        table[name] = column.mask(empty)
        shown = column[empty].iloc[0]
        changed.append((str(name), str(shown), rows / len(column)))
    return table, changed


def _infinite_to_missing(table: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    changed: list[str] = []
    floats = [name for name, dtype in table.dtypes.items() if pd.api.types.is_float_dtype(dtype)]
    if not floats:
        return table, changed
    # Vectorised over chunks of columns (about a million cells each: fast on a wide table,
    # no big copy of a long one); only columns with an infinity change.
    step = max(1, 1_000_000 // max(len(table), 1))
    flagged = []
    for first in range(0, len(floats), step):
        chunk = floats[first : first + step]
        values = table[chunk].to_numpy(dtype=float, na_value=np.nan)
        flagged.extend(np.asarray(chunk, dtype=object)[np.isinf(values).any(axis=0)])
    for name in flagged:
        column = table[name]
        table[name] = column.mask(np.isinf(column.to_numpy(dtype=float, na_value=np.nan)))
        changed.append(str(name))
    return table, changed


def target_problem(column: pd.Series, name: str) -> str | None:
    """Why the audit would refuse ``column`` as its target (its own message), or None.

    Parameters
    ----------
    column : pandas.Series
        A candidate target, with its missing values (the audit leaves those rows out).
    name : str
        The column's name, for the message.

    Returns
    -------
    str or None
        The message of the refusal: a date, a single value, free text.
    """
    try:
        _prepare_target(column.dropna(), name, None)
    except DataError as problem:
        return str(problem)
    return None


def _prepare_target(
    column: pd.Series, name: str, task: str | None
) -> tuple[screen.Target, str | None, list]:
    """The target for the screens, the positive label (binary) and the single-row classes.

    A class with one row is returned, not refused, when at least two classes have more:
    the caller reports it and audits the other rows.
    """
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
        return screen.Target("regression", column.to_numpy(dtype=float), 0), None, []
    if distinct > MAX_CLASSES:
        raise DataError(
            f"The target {name!r} has {distinct:,} different values: too many to treat as "
            f"classes (at most {MAX_CLASSES}). Treat it as a regression, or pick another target."
        )
    counts = column.value_counts()
    singletons = list(counts.index[counts < 2])
    if singletons and task != "binary" and int((counts >= 2).sum()) >= 2:
        codes, _ = pd.factorize(column, sort=True)
        return (
            screen.Target("multiclass", codes.astype(np.int64), int(codes.max()) + 1),
            None,
            singletons,
        )
    if singletons:
        lonely = singletons[0]
        raise DataError(
            f"The class {str(lonely)!r} of the target {name!r} has a single row: it cannot be "
            "in both the training and the test rows. Merge it with a similar class or drop it."
        )
    if task == "binary" and distinct != 2:
        raise DataError(f"The target {name!r} has {distinct} classes, not 2.")
    if task == "binary":
        # The app's one rule (lessons.features): an upload's event is its minority class.
        positive = positive_class(column)
        values = (column == positive).to_numpy(dtype=float)
        return screen.Target("binary", values, 2), str(positive), []
    codes, _ = pd.factorize(column, sort=True)
    return screen.Target("multiclass", codes.astype(np.int64), int(codes.max()) + 1), None, []


def _singleton_finding(target: str, singletons: list, n_rows: int) -> Finding:
    shown = ", ".join(repr(str(v)) for v in singletons[:10])
    return Finding(
        "singleton_class",
        "high",
        (target,),
        f"The class(es) {shown} of {target!r} have a single row each (of {n_rows:,} rows): "
        "such a class cannot be in both the training and the test rows, so no split can "
        "learn it and score it.",
        "Merge it with the most similar class, or drop its row; the audit checked the other "
        "rows without it.",
        {"single_row_classes": [str(v) for v in singletons], "rows": n_rows},
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


def _sample_positions(n_rows: int, max_rows: int, rng: np.random.Generator) -> np.ndarray:
    if n_rows <= max_rows:
        return np.arange(n_rows)
    return np.sort(rng.choice(n_rows, size=max_rows, replace=False))


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
