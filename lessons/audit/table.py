"""Table-level checks: constant, empty and wide columns, duplicates, identifiers, time order,
repeated entities and rare classes."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons import text_match
from lessons.audit.report import (
    ENTITY_TOP_SHARE,
    HIGH_MISSING_SHARE,
    MIN_ENTITIES,
    MIN_GROUPS_FOR_FOLDS,
    RARE_CLASS_SHARE,
    SCORE_NAMES,
    Finding,
    three_digits,
)
from lessons.audit_types import (
    ATTRIBUTE_YEAR_NAME,
    ID_NAME,
    NEAR_UNIQUE_NAMES,
    NOT_GLUED_KEY,
    PLAIN_YEAR_NAME,
    TIME_NAME,
    YEAR_NAME,
    is_integer_valued,
    is_plain_number,
    is_year_column,
    named_as_a_date,
)


def _column_findings(
    table: pd.DataFrame, features: list[str], types: dict, distinct_counts: dict[str, int]
) -> list[Finding]:
    findings: list[Finding] = []
    n_rows = len(table)
    missing = table[features].isna().mean()
    for name in features:
        distinct = distinct_counts[name]
        if distinct + bool(missing[name] > 0) <= 1:
            shown = "missing" if distinct == 0 else repr(str(table[name].dropna().iloc[0]))
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
    """Identifier columns with a value of their own on (nearly) every row.

    A few repeats (a patient tested twice among thousands) keep a subject number an
    identifier; an entity repeats on most of its rows (a customer's orders).
    """
    found = []
    for name in features:
        column = table[name]
        filled = column.dropna()
        if types.get(name) != "identifier" or len(filled) < ID_FILLED * len(column):
            continue
        if filled.is_unique or filled.nunique() >= NEAR_UNIQUE_NAMES * len(filled):
            found.append(name)
    return found


ID_FILLED = 0.95
"""An identifier may be missing on a few rows (a town without a website)."""


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


PREFIX = re.compile(r"^\s*([A-Za-z]+)(?=[^A-Za-z]|$)")
PREFIX_MAX_VALUES = 30
PREFIX_COVERS = 0.9  # share of the labels that start with letters before a separator or digit
PREFIX_LEAK_LIFT = 0.8  # ROC AUC 0.9, R² 0.8 from the prefix alone


def _telling_prefix(
    labels: pd.Series, name: str, target: screen.Target, folds: np.ndarray, task: str
) -> Finding | None:
    """The leading word of an identifier's labels (``HSD`` in ``HSD-318413``) when it takes a
    few values and alone nearly gives the target away, as a question: a record pulled from
    the dropout file, a claim filed at the fraud desk, is labelled after the outcome."""
    parts = labels.astype("string").str.extract(PREFIX, expand=False)
    if parts.notna().mean() < PREFIX_COVERS:
        return None
    codes, values = pd.factorize(parts.str.upper())
    if not 2 <= len(values) <= PREFIX_MAX_VALUES:
        return None
    n_codes = len(values) + 1
    value = screen.score(
        screen.oof_encode(np.where(codes < 0, len(values), codes), n_codes, target, folds), target
    )
    if screen.lift(value, target) < PREFIX_LEAK_LIFT:
        return None
    shown = ", ".join(repr(v) for v in list(values)[:5])
    score_name = SCORE_NAMES[task]
    return Finding(
        "target_leak",
        "medium",
        (name,),
        f"Is the first part of {name!r} written from the outcome? Its labels start with "
        f"{len(values)} codes ({shown}{', ...' if len(values) > 5 else ''}), and that part "
        f"alone predicts the target ({score_name} {value:.3f}): a record pulled from an "
        "outcome's own file (the dropout file, the fraud desk) is labelled after the outcome.",
        f"Ask what the first part of {name!r} means. If it names where or how the record was "
        "filed once the outcome was known, drop the column; if it is known before (a region, "
        "a make), keep that part as a column of its own.",
        {
            "check": "telling prefix: the identifier's leading code alone predicts the target",
            "prefixes": [str(v) for v in list(values)[:10]],
            "score_name": score_name,
            "score_alone": round(value, 4),
        },
    )


def _id_findings(
    table: pd.DataFrame,
    rows: pd.DataFrame,
    id_columns: list[str],
    target: screen.Target,
    folds: np.ndarray,
    time_column: str | None,
    task: str,
    target_name: str,
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
        distinct = int(column.nunique())
        filled = int(column.notna().sum())
        repeated_rows = filled - distinct
        empty = len(column) - filled
        what = (
            "a running row number"
            if running
            else "unique on every row"
            if repeated_rows == 0 and not empty
            else f"unique on every filled row ({empty:,} empty)"
            if repeated_rows == 0
            else f"an identifier ({distinct:,} distinct values on {filled:,} filled rows)"
        )
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
        labels = not (
            pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)
        )
        if strength >= 0.2 and labels:
            # A name's alphabetical order carries its words (a zip code's region, a car's
            # make): something in the labels means something, not a sort by the outcome.
            severity = "medium"
            message = (
                f"{name!r} is {what}, and the alphabetical order of its labels predicts the "
                f"target ({SCORE_NAMES[task]} {value:.2f} from it alone): a part of each label "
                "carries meaning (a region in a code, a make in a model name)."
            )
            advice = (
                "Do not use the whole label as a feature; pull out the part that means "
                "something (the make, the region) as a column of its own."
            )
        elif strength >= 0.2 and not follows_time and _sorted_by_target(rows[name], target):
            severity = "high"
            message = (
                f"{name!r} is {what}, and its order predicts the target "
                f"({SCORE_NAMES[task]} {value:.2f} from the identifier alone): the export was "
                "probably sorted by the outcome."
            )
            advice = "Never use it as a feature; ask how the rows were numbered."
        elif strength >= 0.2 and not follows_time:
            # Short of a sort's shape, a number handed out in time order (a hidden clock that
            # carries the target's drift or its seasons) fits as well as a partial sort.
            severity = "medium"
            message = (
                f"{name!r} is {what}, and its order predicts the target "
                f"({SCORE_NAMES[task]} {value:.2f} from the identifier alone), though not as "
                "a sort by the outcome would (the outcome in runs, rising or falling from one "
                "end to the other): the rows may be numbered in time order (a clock, and no "
                "time column was found) or after a partial sort by the outcome."
            )
            advice = (
                "Drop it from the features, and ask how the rows were numbered: in time order, "
                "split by it (train on the lower numbers, test on the higher); after a sort by "
                "the outcome, it leaks."
            )
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
        if repeated_rows:
            evidence["repeated_rows"] = repeated_rows
            advice += (
                f" {repeated_rows:,} rows repeat a value (the same subject twice): keep each "
                "value's rows in one fold (split by it), or remove the repeats."
            )
        findings.append(Finding("id_column", severity, (name,), message, advice, evidence))
        if strength >= 0.2 and labels:
            part = _telling_prefix(rows[name], name, target, folds, task)
            if part is not None:
                findings.append(part)
        # A number handed out row by row carries the order it was handed out in; a name's
        # alphabetical order carries its words (an honest signal), not a sort.
        if severity in ("high", "medium") and not follows_time and not labels:
            if pd.api.types.is_numeric_dtype(column):
                findings.append(_row_order_leak(name, what, value, evidence, severity))
        elif time_column is not None and pd.api.types.is_numeric_dtype(column):
            blocked = _order_within_time_blocks(rows, name, time_column, target, folds, target_name)
            if blocked is not None:
                findings.append(blocked)
    return findings


RUNS_AGREEMENT = 0.6
"""Neighbours in an identifier's order share the outcome this much beyond chance (Cohen's
kappa of each row's class with the next row's; for a number, the correlation of the ranks of
consecutive targets: 0.75): rows numbered after a sort by the outcome come in runs of it."""
RUNS_RANK_CORRELATION = 0.75
SORTED_RANK_CORRELATION = 0.8
"""... and a sort also orders the whole target: its ranks follow the position this much, or
(classes) one class sits at one end, ROC AUC of the position ``SORTED_AUC``: a season's
classes come back every year, about 0.5)."""
SORTED_AUC = 0.85


def _sorted_by_target(order: pd.Series, target: screen.Target) -> bool:
    """Whether ``order`` looks like a sort by the target: the target comes in runs along it
    (a sort leaves runs of one outcome, where a hidden clock's drift leaves neighbours nearly
    as mixed as the whole table), and it rises or falls steadily from one end to the other
    (a season's runs of heating days come back every winter; a sort's come once)."""
    position = _order_values(order).rank(method="first").to_numpy(dtype=float)
    ranked = np.argsort(position, kind="stable")
    values = target.values[ranked]
    one_block = np.zeros(len(values), dtype=int)
    if target.task == "regression":
        ranks = pd.Series(values).rank().to_numpy()
        steady = abs(float(np.corrcoef(ranks, np.arange(len(ranks)))[0, 1]))
        return (
            _agreement_inside(one_block, values, "regression") >= RUNS_RANK_CORRELATION
            and steady >= SORTED_RANK_CORRELATION
        )
    if _agreement_inside(one_block, values, "classes") < RUNS_AGREEMENT:
        return False
    labels, counts = np.unique(values, return_counts=True)
    # One class at one end: the ROC AUC of the position for that class against the rest.
    n = len(values)
    places = np.arange(1, n + 1)
    aucs = [
        (places[values == label].sum() - size * (size + 1) / 2) / (size * (n - size))
        for label, size in zip(labels, counts, strict=True)
        if 0 < size < n
    ]
    return max(max(auc, 1 - auc) for auc in aucs) >= SORTED_AUC


BLOCK_MIN_ROWS = 10
"""A block of time holds at least this many rows (a number that follows time row by row
cuts the rows into blocks of one) ..."""
BLOCK_MIN_COUNT = 3
"""... there are at least this many blocks ..."""
BLOCK_COVER = 0.8
"""... and such blocks hold at least this share of the rows."""
BLOCK_MIN_MOMENTS = 3
"""... the blocks span at least this many distinct moments (median) ..."""
BLOCK_MAX_WAVES = 10
"""... unless the time column has at most this many values (the waves of a survey panel) ..."""
ANOTHER_COLUMN_RUNS = 0.9
"""... and no other column comes in runs along the number inside the waves this strongly (the
region of an interviewer's round, the firm of an export sorted by firm): it would explain the
order honestly."""
BLOCK_CLOCK_CORRELATION = 0.9
"""A number whose order inside the blocks follows the time column's is a clock: no finding."""
BLOCK_STRAYS = 0.002
"""A cut between blocks tolerates this share of rows on the wrong side (a report of the
last day of a month keyed with the next month's)."""


def _time_blocks(numbers: np.ndarray, when: np.ndarray | None = None) -> np.ndarray:
    """Blocks of a number read in time order: cut wherever the earlier rows hold the
    smallest numbers (numbers handed out month by month: each month's range above the
    last's), up to a few strays. Returns the block of each position.

    At a cut before position ``i`` the strays are the earlier rows whose number ranks ``i``
    or more; each run of tolerable cuts keeps its cleanest ones (a number that follows time
    row by row: every cut, blocks of one row). ``when``: the time values in the same order;
    blocks are cut only between two distinct moments (rows of one day are in no order)."""
    n = len(numbers)
    ranks = np.empty(n, dtype=np.int64)
    ranks[np.argsort(numbers, kind="stable")] = np.arange(n)
    positions = np.arange(n)
    late = ranks > positions
    # Row j counts as a stray for every cut i with j < i <= rank j.
    steps = np.zeros(n + 2, dtype=np.int64)
    np.add.at(steps, positions[late] + 1, 1)
    np.add.at(steps, ranks[late] + 1, -1)
    strays = np.cumsum(steps)[1:n]  # cut before positions 1 .. n-1
    allowed = strays <= max(1, int(BLOCK_STRAYS * n))
    if when is not None:
        allowed &= when[1:] != when[:-1]
    good = np.flatnonzero(allowed)
    if good.size == 0:
        return np.zeros(n, dtype=np.int64)
    # Runs of consecutive tolerable cuts, and the fewest strays of each run.
    starts = np.r_[0, np.flatnonzero(np.diff(good) > 1) + 1]
    run = np.cumsum(np.isin(np.arange(good.size), starts)) - 1
    fewest = np.minimum.reduceat(strays[good], starts)
    edges = good[strays[good] == fewest[run]] + 1
    return np.searchsorted(edges, positions, side="right")


def _order_within_time_blocks(
    rows: pd.DataFrame,
    name: str,
    time_column: str,
    target: screen.Target,
    folds: np.ndarray,
    target_name: str,
) -> Finding | None:
    """A running number handed out block by block of time (the reports of each month keyed
    after the month closed), whose order inside each block predicts the target (the plain
    reports keyed first, then the ones of one outcome). Over the whole table the number
    follows time and says little; its rank inside its block carries the outcome. None when
    there are no such blocks, or when the rank inside them is only the time's own order."""
    numbers = rows[name].to_numpy(dtype=float, na_value=np.nan)
    when = _order_values(rows[time_column]).to_numpy(dtype=float)
    present = np.flatnonzero(np.isfinite(numbers) & np.isfinite(when))
    if len(present) < BLOCK_MIN_COUNT * BLOCK_MIN_ROWS:
        return None
    order = present[np.argsort(when[present], kind="stable")]
    blocks = _time_blocks(numbers[order], when[order])
    sizes = np.bincount(blocks)
    big = sizes >= BLOCK_MIN_ROWS
    if big.sum() < BLOCK_MIN_COUNT or sizes[big].sum() < BLOCK_COVER * len(order):
        return None
    frame = pd.DataFrame({"block": blocks, "x": numbers[order], "t": when[order]})
    grouped = frame.groupby("block", sort=False)
    # A block is a stretch of time: several distinct moments (a month of days), not the
    # rows of one moment, whose order the time column cannot tell.
    # A panel of a few waves is the exception: each wave is one moment, and the forms of a
    # wave have no finer time to follow.
    moments = frame.groupby("block")["t"].nunique().reindex(range(len(sizes))).to_numpy()
    waves = len(np.unique(when[present])) <= BLOCK_MAX_WAVES
    if np.median(moments[big]) < BLOCK_MIN_MOMENTS:
        if not waves:
            return None
        # Inside a wave, forms keyed in piles by the outcome leave runs of it along the
        # number; forms handed out region by region (or rows exported firm by firm) leave
        # runs of another column instead, and the outcome follows it honestly.
        by_number = np.lexsort((numbers[order], blocks))
        kept_rows = big[blocks[by_number]]
        along = order[by_number][kept_rows]
        wave = blocks[by_number][kept_rows]
        if _agreement_inside(wave, target.values[along], target.task) < RUNS_AGREEMENT:
            return None
        for other in rows.columns:
            if other in (name, time_column, target_name):
                continue
            # Runs of one value (a region), or values in their own order (firm ids, sorted).
            values = rows[other].to_numpy()[along]
            if not pd.api.types.is_numeric_dtype(rows[other]):
                values = pd.Series(values).astype(str).to_numpy()
            follows = max(
                _agreement_inside(wave, values, "classes"),
                _agreement_inside(wave, values, "regression"),
            )
            if follows >= ANOTHER_COLUMN_RUNS:
                return None
    inside = (grouped["x"].rank() - 0.5) / grouped["x"].transform("size")
    clock = (grouped["t"].rank() - 0.5) / grouped["t"].transform("size")
    kept = big[blocks]
    # Inside a wave of one moment the time column orders nothing, so nothing is followed.
    follows = float(inside[kept].corr(clock[kept])) if clock[kept].nunique() > 1 else 0.0
    if not np.isfinite(follows) or abs(follows) >= BLOCK_CLOCK_CORRELATION:
        return None
    rank = pd.Series(np.nan, index=rows.index)
    rank.iloc[order[kept]] = inside.to_numpy()[kept]
    codes, n_bins = screen.bin_codes(rank)
    value = screen.score(screen.oof_encode(codes, n_bins, target, folds), target)
    strength = screen.lift(value, target)
    if strength < 0.2:
        return None
    raw_codes, raw_bins = screen.bin_codes(rows[name].astype(float))
    raw = screen.score(screen.oof_encode(raw_codes, raw_bins, target, folds), target)
    score_name = SCORE_NAMES[target.task]
    n_blocks = int(big.sum())
    return Finding(
        "target_leak",
        "medium",
        (name,),
        f"Is {name!r} set by the outcome? It was handed out in {n_blocks} blocks of "
        f"{time_column!r} (each block's numbers above the last's), and its rank inside its "
        f"block predicts the target ({score_name} {value:.3f}, against {raw:.3f} from the "
        "number itself). The rows may have been numbered inside each block in an order that "
        "follows the outcome (the records of one outcome keyed after the others), or the "
        "number may record an honest order the time column does not (the time of day).",
        "Ask how the rows were numbered inside each period: if after the outcome, drop it; "
        "if in the order of events known beforehand, keep it.",
        {
            "check": "order within blocks of time: a running number's rank inside each block "
            "predicts the target",
            "score_name": score_name,
            "blocks": n_blocks,
            "median_rows_per_block": float(np.median(sizes[big])),
            "score_rank_within_block": round(value, 4),
            "score_alone": round(raw, 4),
        },
    )


def _agreement_inside(blocks: np.ndarray, values: np.ndarray, task: str) -> float:
    """How much each row agrees with the next inside its block, beyond chance: Cohen's kappa
    of labels, or the lag-1 correlation of ranks for numbers (rows in the number's order)."""
    same_block = blocks[1:] == blocks[:-1]
    if task == "regression":
        ranks = pd.Series(values).rank().to_numpy(dtype=float)
        first, second = ranks[:-1][same_block], ranks[1:][same_block]
        if len(first) < 3 or np.nanstd(first) == 0 or np.nanstd(second) == 0:
            return 0.0
        kept = np.isfinite(first) & np.isfinite(second)
        return float(np.corrcoef(first[kept], second[kept])[0, 1]) if kept.sum() > 2 else 0.0
    labels = pd.factorize(pd.Series(values), use_na_sentinel=False)[0]
    agree = float(np.mean((labels[1:] == labels[:-1])[same_block])) if same_block.any() else 0.0
    shares = np.bincount(labels) / len(labels)
    chance = float(np.sum(shares**2))
    return (agree - chance) / (1 - chance) if chance < 1 else 0.0


def _row_order_leak(name: str, what: str, value: float, evidence: dict, severity: str) -> Finding:
    """The leak an identifier's order carries: rows numbered after a sort by the outcome (or
    by something it sets) give the outcome away to any model that sees the number. Short of
    a sort's shape along it (``_sorted_by_target``) it is a question: a hidden clock looks the same."""
    score_name = evidence["score_name"]
    sorted_words = (
        "the rows were numbered after being sorted by the outcome, or by something the "
        "outcome sets, so the number carries the outcome."
        if severity == "high"
        else "is it a clock (rows numbered in time order, carrying the target's trend), or "
        "were the rows numbered after a partial sort by the outcome?"
    )
    return Finding(
        "target_leak",
        severity,
        (name,),
        f"{name!r} identifies the rows ({what}), and its order predicts the target "
        f"({score_name} {value:.3f} from it alone, though it does not follow any time "
        f"column): {sorted_words}",
        "Drop it from the features; ask how the rows were numbered.",
        {
            **evidence,
            "check": "row order: an identifier's order predicts the target",
        },
    )


MIN_TIME_FILLED = 0.5
# A count of days, weeks or months since a start ("pan_day", "study_week"): its values pass
# the calendar's cycle, so it cannot be a day of the month or a month of the year.
# A Julian day ("julday", "jday"): days counted from a start, glued to its prefix.
INDEX_NAME = re.compile(r"(^|[^a-z]|j|jul|julian)(day|week|month)$", re.IGNORECASE)
CALENDAR_CYCLE = {"day": 31, "week": 53, "month": 12}
RATE_NAME = re.compile(r"(^|[^a-z])(per|a|each|every)([^a-z]|$)|per(day|week|month)", re.IGNORECASE)
# A period of a panel or a longitudinal study: a wave of a survey, a visit of a trial.
SCHOOL_GRADE_NAME = re.compile(r"(school[_ ]?)?grade([_ ]?level)?", re.IGNORECASE)
LAST_SCHOOL_GRADE = 13
PERIOD_NAME = re.compile(
    r"(year|yr|period|time_?period|quarter|wave|round|visit|t|term|semester)", re.IGNORECASE
)
# A number whose whole name says it is the moment of the row: a decimal year named "date",
# days since the start named "time", a step or week index.
# A clock in fractions is named as an amount of time or experience (years of experience, an
# age, a tenure, days since a start), not as a measurement that grows with it (a weight).
CLOCK_NAME = re.compile(
    r"exper|tenure|years?|yrs?|time|days?|weeks?|months?|hours?|minutes?|period|visit|wave"
    r"|elapsed|since|(^|[^a-z])(age|cycles?)([^a-z]|$)",
    re.IGNORECASE,
)
PERIODS_NAME = re.compile(r"(days|weeks|months|hours)", re.IGNORECASE)
# "start" / "tstart": the start of a counting-process interval, the moment of its row.
MOMENT_NAME = re.compile(
    r"(date|time|timestamp|ts|t|period|time_?step|step|tick|week|wave|round|t_?start|start"
    r"|epoch|iteration|iter)",
    re.IGNORECASE,
)


DECIMAL_YEAR_MONTHS = 3
"""Different months a column of decimal years shows, at least (whole years alone are a
year column's business)."""


def _decimal_years(column: pd.Series) -> bool:
    """Whether a number is written as years and twelfths of a year (a permit issued in
    July 1967 as 67.5, as R writes a monthly series' time): every value's fraction within
    rounding of a month's, several months present, and its years those of a calendar (two
    digits, or 1700 to 2100). A duration in years (2.5) is no calendar year."""
    values = column.dropna().to_numpy(dtype=float)
    years = np.floor(values)
    if not ((years >= 0) & (years <= 99)).all() and not ((years >= 1700) & (years <= 2100)).all():
        return False
    if years.min() < 20:
        return False
    months = (values - years) * 12
    nearest = np.round(months)
    return bool(
        (np.abs(months - nearest) <= 0.07).all()
        and len(np.unique(nearest % 12)) >= DECIMAL_YEAR_MONTHS
    )


TWO_MOMENTS_SHARE = 0.2
"""Share of the rows each of a date's two values holds, at least, for it to be a time order."""


def _two_real_moments(column: pd.Series, name: str) -> bool:
    """Whether a date of two values, named as the date, splits the rows into two real
    periods (each at least ``TWO_MOMENTS_SHARE`` of them)."""
    return (
        named_as_a_date(name)
        and float(column.value_counts(normalize=True).min()) >= TWO_MOMENTS_SHARE
    )


ONE_STAMP_SHARE = 0.9
"""Share of the rows on one date above which a date is an extract's stamp, not a time order
(98 % on the day of the extract, a few rows on two later days)."""


def _not_one_stamp(column: pd.Series) -> bool:
    """Whether no single date holds ``ONE_STAMP_SHARE`` of the filled rows."""
    return float(column.value_counts(normalize=True).iloc[0]) < ONE_STAMP_SHARE


def _time_candidates(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    id_columns: list[str],
    distinct: dict[str, int],
    target: screen.Target,
) -> dict[str, str]:
    """Columns that may be the time order, each with the rule that made it a candidate.

    A moment filled in on fewer than half of the rows is not the rows' moment but an event
    that happened to some of them (a follow-up visit booked after a low score). Nor is one
    left empty on more than a tenth of the rows when whether it is empty goes with the
    target (the year a gas meter was fitted, in the homes heated by gas): a log with
    timestamps lost at random keeps its order."""
    found = _time_candidates_filled_or_not(table, features, types, id_columns, distinct, target)
    kept = {}
    for c, why in found.items():
        filled = table[c].notna()
        share = float(filled.mean())
        if share < MIN_TIME_FILLED:
            continue
        if share < WELL_FILLED and _emptiness_goes_with(filled.to_numpy(), target):
            continue
        kept[c] = why
    return kept


WELL_FILLED = 0.9
EMPTINESS_ASSOCIATION = 0.2
"""Cramér's V between a column's empty/filled flag and the target's classes (for a number,
twice the gap of the empty rows' ROC AUC from 0.5) from which emptiness goes with the target."""


def _emptiness_goes_with(filled: np.ndarray, target: screen.Target) -> bool:
    """Whether a column's empty/filled flag is associated with the target."""
    if filled.all() or not filled.any():
        return False
    if target.task == "regression":
        auc, _ = screen.rank_sum_test(np.asarray(target.values, dtype=float), filled)
        return abs(2 * auc - 1) >= EMPTINESS_ASSOCIATION
    table = pd.crosstab(filled, target.values).to_numpy()
    if min(table.shape) < 2:
        return False
    from scipy.stats.contingency import association  # late: scipy.stats takes half a second

    return float(association(table, method="cramer")) >= EMPTINESS_ASSOCIATION


BIRTH_NAME = re.compile(r"birth|born|(^|[^a-z])dob([^a-z]|$)|dob$", re.IGNORECASE)
"""A date of birth ("dob", "birth_date"): a trait of the row's person, never the time order."""


def _evenly_stepping(column: pd.Series) -> bool:
    """Whole numbers whose distinct values step evenly (20, 40, ... 2000)."""
    if not is_integer_valued(column):
        return False
    steps = np.diff(np.unique(column.dropna().to_numpy(dtype=float)))
    return bool(steps.size and (steps == steps[0]).all())


def _periods_of_few_series(
    table: pd.DataFrame, moment: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a label of two to a few values (fewer than ``MIN_ENTITIES``) and ``moment``
    key the rows and fill their grid: each period once in every series."""
    n_rows = len(table)
    return any(
        c != moment
        and 2 <= distinct[c] < MIN_ENTITIES
        and distinct[c] * distinct[moment] <= n_rows / 0.95
        and distinct[c] * distinct[moment] >= 0.95 * n_rows
        and not table[[c, moment]].dropna().duplicated().any()
        for c in features
    )


def _time_candidates_filled_or_not(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    id_columns: list[str],
    distinct: dict[str, int],
    target: screen.Target,
) -> dict[str, str]:
    dates = {
        c: "dates"
        for c in features
        if pd.api.types.is_datetime64_any_dtype(table.dtypes[c])
        # Two days are a time order when the column is named as the date and each holds a
        # real share of the rows (a race held once a year: train on the first, test on the
        # second); an extract stamp with a few rows on a second day is not.
        and (
            (distinct[c] >= 3 and _not_one_stamp(table[c]))
            or (distinct[c] == 2 and _two_real_moments(table[c], c))
        )
        and not BIRTH_NAME.search(c)
        and table[c].notna().mean() >= MIN_TIME_FILLED
    }
    if dates:
        return dates
    numbers = [c for c in features if c not in id_columns and types.get(c) == "number"]
    found: dict[str, str] = {}
    for c in numbers:
        if is_year_column(c, table[c]) and distinct[c] >= 2:
            found[c] = "years, named as the row's year"
        # Every twentieth year from 20 CE, each year once in every one of a few series (three
        # gases of an ice core): the years of series side by side.
        elif (
            PLAIN_YEAR_NAME.fullmatch(c)
            and distinct[c] >= SERIES_PERIODS
            and _evenly_stepping(table[c])
            and _periods_of_few_series(table, c, features, distinct)
        ):
            found[c] = "years every few years, each once in every one of a few series"
    # Years in two digits (an interview's year, 68 to 88) only as the periods of a panel and
    # with no year in four digits: sorted alone, they are as often a car's model year.
    if not found:
        for c in numbers:
            if _two_digit_years(c, table[c]) and _periods_of_a_panel(table, c, features, distinct):
                found[c] = "years in two digits, named as the row's year"
            elif _two_digit_years_of_an_event(c, table[c]):
                found[c] = "years in two digits, named as the year of an event"
    # A period index (year 1..10 of a panel, period 1..36): integers named like a period
    # that repeat (several rows per period). Two periods (a student's fall and spring
    # terms) only as the key of a panel with an entity: two values alone are as often a flag.
    for c in features:
        if (
            c not in found
            and c not in id_columns
            and types.get(c) in ("number", "identifier")
            and PERIOD_NAME.fullmatch(c)
            and is_integer_valued(table[c])
            and 2 <= distinct[c] <= len(table) / 2
            and int(table[c].max()) - int(table[c].min()) + 1 == distinct[c]
            and (distinct[c] >= 3 or _periods_of_a_panel(table, c, features, distinct))
        ):
            found[c] = "a period index, named as one"
    # The same period index written as text, one prefix and a number ("S01" to "S14" for
    # seasons, "W1" to "W9" for waves): named like a period, every number present.
    for c in features:
        if (
            c not in found
            and c not in id_columns
            and types.get(c) in ("category", "identifier")
            and (PERIOD_NAME.fullmatch(c) or YEAR_NAME.search(c))
            and 3 <= distinct[c] <= len(table) / 2
            and _numbered_periods(table[c])
        ):
            found[c] = "a period index, named as one (a prefix and a number)"
    # Seasons written as text ("2003-2004", "2015/16"), named as a year or a season.
    for c in features:
        if (
            c not in found
            and types.get(c) in ("category", "identifier")
            and YEAR_NAME.search(c)
            # A band of birth or build years ("1960-1961") describes the thing.
            and not ATTRIBUTE_YEAR_NAME.search(c)
            and not COHORT_NAME.search(c)
            and 3 <= distinct[c] <= len(table) / 2
            and _seasons(table[c])
        ):
            found[c] = "seasons written as two years"
    # A moment as a plain number ("date" in decimal years, "Time" in days, "pan_day" counting
    # days past any calendar's month): the order the file is written in, or the periods of a
    # panel (one row per entity and period). A number that only repeats is as likely a
    # duration (a loan's term in months) or a rate (hours per week) as a moment.
    # A count of periods ("Days", "weeks") is a duration as often as a moment: the moment of
    # a row only as the periods of a panel (each subject measured on days 0 to 9).
    for c in numbers:
        if c in found or distinct[c] < 3:
            continue
        moment = MOMENT_NAME.fullmatch(c) or _counts_periods_from_a_start(c, table[c])
        if not (moment or PERIODS_NAME.fullmatch(c)):
            continue
        if moment and _sortedness(table[c]) >= 0.95 and _rises(table[c]) >= RISES:
            found[c] = "a number named like a moment, and the file is sorted by it"
        elif _periods_of_a_panel(table, c, features, distinct):
            found[c] = "a number named like a moment that keys a panel with an entity"
        elif named_as_a_date(c) and _decimal_years(table[c]):
            found[c] = "a number named as the date, written as years and twelfths"
    # The period of an event counted from a start ("WeekofPurchase" 227 to 278, "day_of_study"),
    # past the calendar's cycle and covering every period, several rows each: its name and its
    # values say it is the moment of the row, however the file is ordered.
    for c in numbers:
        if c in found or not 3 <= distinct[c] <= len(table) / 2:
            continue
        if _period_of_an_event(c, table[c]) and _every_period(table[c], distinct[c]):
            found[c] = "a count of periods named as the period of an event, every period present"
    # A number named like a moment or a clock (a drug's "Time" in hours since the dose, a
    # child's "age" at four yearly visits) in order inside each block of rows of an entity,
    # restarting at the next: a panel written entity by entity, however the moments spread.
    for c in numbers:
        if c not in found and _block_clock_entity(table, c, features, types, distinct):
            found[c] = ENTITY_CLOCK
    # Without any name: a number that counts time inside each entity of a panel (a diary's
    # day since the start of the study): with an entity it keys the rows, and the file lists
    # each entity's rows in its order. A numbered place (a state's congressional districts,
    # in order) keys the rows with its entity the same way, and is no clock.
    for c in numbers:
        if (
            c in found
            or is_place_name(c)
            or RATE_NAME.search(c)
            or (KEY_NAME.search(_snake(c)) and not MOMENT_KEY_NAME.search(_snake(c)))
        ):
            continue
        if distinct[c] < PANEL_CLOCK_VALUES:
            continue
        # Whole periods repeat across entities (day 3 of every diary). A clock in fractions
        # (years of experience, 0.015 to 12.7) is its own on almost every row; beside an
        # entity named as one (a person's id) only: a price sorted within each maker is not.
        whole = is_integer_valued(table[c])
        if whole and distinct[c] > len(table) / 2:
            continue
        # A measurement that grows over time (a child's weight, visit by visit) orders each
        # entity's rows too: a clock in fractions is named as time or experience.
        if not whole and not CLOCK_NAME.search(c):
            continue
        if _clock_of_a_panel(table, c, features, types, distinct, named_only=not whole):
            found[c] = PANEL_CLOCK
    # Without any name: a counter from 0 or 1 that the file is written in (a month index
    # "trend" 1 to 35), every value present and many rows each. Ranked below every named
    # candidate: a file sorted by an attribute (an age) is ruled out by the start and the gaps.
    # A thing or a place numbered 1 to 60 (regions, the file written region by region) is
    # no period.
    for c in numbers:
        if (
            c in found
            or ID_NAME.search(c)
            or RATE_NAME.search(c)
            or THING_NAME.search(c)
            # The clusters and the units a study observes (litters 1 to 50, rabbits 1 to 5):
            # a file written one by one numbers things, not periods. Unless the outcome
            # drifts with the number: production runs, or a session's blocks of trials,
            # numbered in the order they were made.
            or (CLUSTER_NAME.search(c) and not _drifts_with(table[c], target))
            or OBSERVED_NAME.search(c)
            # The levels of a factor of the design (varieties 1 to 45 in each block of a
            # field trial, in order): numbered treatments, not periods.
            or FACTOR_NAME.search(c)
            or AGE_NAME.fullmatch(c)
            or is_place_name(c)
        ):
            continue
        if not COUNTER_VALUES <= distinct[c] <= len(table) / 2:
            continue
        column = table[c]
        if (
            _every_period(column, distinct[c])
            and column.min() in (0, 1)
            and _sortedness(column) >= COUNTER_SORTED
            # Values that carry traits of their own (one age, one score per value) number
            # things, a teacher 1 to 94 with several courses each, not periods; unless
            # another label runs through them (every shop in every month: a month's price
            # index is the month's trait, and the months are periods).
            and (
                not _numbers_things(table, c, features, distinct)
                or _crossed_by(table, c, features, distinct)
            )
        ):
            found[c] = NAMELESS_COUNTER
    # With no other clock, a school grade (8 to 11) keying a panel of pupils tested once a
    # year: their school years (beside a year, the year). Alone, a grade is as often a
    # quality's or a tumour's.
    for c in features if not found else ():
        if (
            c not in id_columns
            and types.get(c) in ("number", "identifier")
            and SCHOOL_GRADE_NAME.fullmatch(c)
            and is_integer_valued(table[c])
            and table[c].min() >= 0
            and table[c].max() <= LAST_SCHOOL_GRADE
            and _every_period(table[c], distinct[c])
            and distinct[c] >= 2
            and _periods_of_a_panel(table, c, features, distinct)
        ):
            found[c] = "school grades keying a panel of pupils, named as such"
    return found


DRIFT_AGREEMENT = 0.8
"""Rank correlation, either way, of a numbered cluster's values with the outcome's mean in
each, from which the outcome drifts with the number: the clusters are periods."""


def _drifts_with(column: pd.Series, target: screen.Target) -> bool:
    """Whether a numeric or binary outcome's mean in each value of a number moves with the
    number (``DRIFT_AGREEMENT``), over at least ``FEW_THINGS`` values."""
    if target.task == "multiclass":
        return False
    means = pd.Series(np.asarray(target.values, dtype=float)).groupby(column.to_numpy()).mean()
    if len(means) < FEW_THINGS or means.std() == 0:
        return False
    agreement = means.index.to_series().rank().corr(means.rank())
    return bool(abs(agreement) >= DRIFT_AGREEMENT)


ROMAN_NUMERAL = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
"""I to XXXIX (or i to xxxix), as agronomy files number their blocks."""
ROMAN_BLOCK_NAME = re.compile(r"^(block|plot)", re.IGNORECASE)
"""Names under which Roman numerals number clusters (a field trial's blocks I to VI); a site
class I to V is a rating of the ground, a kind."""


def _letters(column: pd.Series) -> bool:
    """Whether a label's values are single letters or letters with a number ("A", "B2"), or
    Roman numerals ("I" to "VI") under a block's name: labels in an order, as blocks are
    written."""
    values = column.dropna().astype(str)
    return bool(
        len(values)
        and (
            text_match.every_fullmatch(values, r"[A-Za-z]\d{0,2}", strip=True)
            or (
                bool(ROMAN_BLOCK_NAME.search(str(column.name)))
                and text_match.every_fullmatch(values, ROMAN_NUMERAL, strip=True)
            )
        )
    )


def _worded(column: pd.Series) -> bool:
    """Whether a label's levels are words (concrete or abstract, caliper or micrometer): not
    numbers, letters or serial codes, which name units as easily as conditions."""
    # Booleans count as numbers here (True/False levels are 0/1 codes).
    return not (pd.api.types.is_numeric_dtype(column) or _letters(column) or _serial_codes(column))


def _serial_codes(column: pd.Series) -> bool:
    """Whether a label's values are a few letters and a serial number, perhaps with a letter
    after it ("Qn1", "S07", "P-12", "T1S"), as the units of an experiment are written; not
    words, not bare numbers."""
    values = column.dropna().astype(str)
    return bool(
        len(values)
        and text_match.every_fullmatch(values, r"[A-Za-z]{1,4}[-_ ]?\d{1,3}[A-Za-z]?", strip=True)
    )


def _nested_in_a_factor(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether another column of fewer values (two or more) is constant within each value of
    ``name``: the units sit inside the levels of a factor of the design, several each."""
    count = distinct[name]
    for other in features:
        if other == name or not 2 <= distinct.get(other, 0) < count:
            continue
        if bool((table.groupby(name, sort=False)[other].nunique(dropna=False) == 1).all()):
            return True
    return False


def _numbers_things(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a counter's values carry an attribute of their own, or are things written out
    one after another (``_written_thing_by_thing``)."""
    if _attribute_of(table, name, features, distinct) is not None:
        return True
    return _written_thing_by_thing(table, name, features, distinct)


TRAITS_OF_A_THING = 2
COUNTED_SHARE = 0.8
"""Share of the numbers from the first to the last that a count of things holds."""


def _written_thing_by_thing(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a number counts things, each written out in one block: a counter from 0 or 1
    with most values present and many values (``TRAIT_MIN_VALUES``), the rows in one block
    per value, in order, and at least ``TRAITS_OF_A_THING`` traits that do not come round in
    a cycle (respondent 1 to 185 with a gender, an age group and a town are people; month 1
    to 72 with a promotion flag, or with a month of the year, are periods; a temperature
    setting is a measurement). Key-like numbers (large, or with gaps) need one trait."""
    column = table[name]
    count = distinct[name]
    if count < TRAIT_MIN_VALUES or not is_integer_valued(column):
        return False
    # Keys a sample kept (students 10, 37, 52 ... of thousands) are no periods: one trait
    # of their own is enough.
    keys = _key_like_numbers(column, count)
    counter = column.min() in (0, 1) and count >= COUNTED_SHARE * (column.max() - column.min() + 1)
    if not (counter or keys) or not _sorted_blocks(column, count):
        return False
    traits = [
        c
        for c in _attributes_of(table, name, features, distinct, traits=True)
        if distinct[c] < MIN_GROUPS_FOR_FOLDS
        and not _comes_round(table, name, c)
        and not (keys and _coarser_level(table, name, c))
    ]
    return len(traits) >= (1 if keys else TRAITS_OF_A_THING)


NUMBERED_SHARE = 0.95
"""Share of rows whose value's rows another column numbers 1, 2, 3 ... (or 0, 1, 2 ...)."""


def _numbered_within(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int], sizes: pd.Series
) -> bool:
    """Whether another column numbers each value's own rows 1, 2, 3 ... (a household's
    purchases, a patient's visits), in any row order: the value is a thing seen again and
    again. (A period numbering its entities, round 1's players 1 to 8, is the time column,
    judged before.)"""
    longest = int(sizes.iloc[0])
    counters = [
        c
        for c in features
        if c != name
        and 2 <= distinct[c] <= longest
        and pd.api.types.is_numeric_dtype(table[c])
        and is_integer_valued(table[c])
    ]
    if not counters:
        return False
    # Cheap aggregates first (min and max of every column at once); distinct counts only
    # for the columns whose ranges fit.
    grouped = table[counters].groupby(table[name], sort=False)
    lows = grouped.min().to_numpy(dtype=float)
    highs = grouped.max().to_numpy(dtype=float)
    rows = grouped.size().to_numpy(dtype=float)
    fits = ((lows == 0) | (lows == 1)) & (highs == lows + rows[:, None] - 1)
    needed = NUMBERED_SHARE * rows.sum()
    for index in np.flatnonzero(rows @ fits >= needed):
        # The file written one block per counter value, in order (site 1's plots, then site
        # 2's): the counter is the outer level, and the value numbered inside each block.
        if _sorted_blocks(table[counters[index]], distinct[counters[index]]):
            continue
        distinct_rows = grouped[counters[index]].nunique().to_numpy() == rows
        if rows @ (fits[:, index] & distinct_rows) >= needed:
            return True
    return False


def _coarser_level(table: pd.DataFrame, name: str, trait: str) -> bool:
    """Whether a trait's values come in one run each along the number's sorted values: a
    coarser level of the same code (the sector of a six-digit industry code, the chapter of
    a diagnosis code), not a trait of each thing."""
    values = table.groupby(name, sort=True)[trait].first()
    return _in_blocks(values, int(values.nunique(dropna=False)))


CYCLE_LONGEST = 12
CYCLE_SHARE = 0.9


def _comes_round(table: pd.DataFrame, name: str, trait: str) -> bool:
    """Whether a trait of a counter's values repeats with a period of at most
    ``CYCLE_LONGEST`` steps (a weekday over days, a quarter over months) on
    ``CYCLE_SHARE`` of the values."""
    values = table.groupby(name, sort=True)[trait].first().astype(str).to_numpy()
    return any(
        float((values[period:] == values[:-period]).mean()) >= CYCLE_SHARE
        for period in range(1, min(CYCLE_LONGEST, len(values) - 1) + 1)
    )


CROSSING_VALUES = 5
CROSSING_SHARE = 0.5


def _crossed_by(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether another label of at least ``CROSSING_VALUES`` values shows most of its values
    within most values of ``name``: a grid of things by periods (shops by months)."""
    return any(
        other != name
        and CROSSING_VALUES <= distinct.get(other, 0) <= len(table) / 2
        and _shows_within(table, name, other, distinct[other], CROSSING_SHARE)
        for other in features
    )


def _shows_within(table: pd.DataFrame, name: str, other: str, values: int, share: float) -> bool:
    """Whether the median value of ``name`` holds at least ``share`` of ``other``'s
    ``values``."""
    within = table.groupby(name, sort=False)[other].nunique()
    return float(within.median()) >= share * values


def _under_every_condition(
    table: pd.DataFrame,
    name: str,
    features: list[str],
    distinct: dict[str, int],
    *,
    replicates: int = 1,
    plain_repeats: bool = False,
    crossed: bool = False,
) -> bool:
    """Whether a column of a few levels (``CONDITION_LEVELS``) shows every level within
    every value of ``name``, each the same number of times (once, or up to ``replicates``
    times when the design repeats its cells): each subject under every condition of a
    repeated-measures design. A few cells may be missing or off that count
    (``CONDITION_CELLS``: a session missed, a row dropped, a session retested). Not a
    cluster, a place or a thing: subjects numbered 1 to 15 inside each of eight sites are
    other people at each site.
    ``plain_repeats``: a cell's repeats must be the same unit again, not told apart by a
    third column of the design (``_repeats_told_apart``).
    ``crossed``: a cell's repeats told apart by a third column of the design count once each
    when both factors' levels are words: the subject meets every combination of two named
    conditions once (concrete or abstract words, common or rare), not the same condition
    again in a second session or at a higher dose."""
    for other in features:
        if (
            other == name
            or not 2 <= distinct.get(other, 0) <= CONDITION_LEVELS
            or CLUSTER_NAME.search(other)
            or THING_NAME.search(other)
            or OBSERVED_NAME.search(other)
            or is_place_name(other)
        ):
            continue
        pairs = table[[name, other]].dropna()
        if len(pairs) < 0.9 * len(table):
            continue
        # Each cell the same number of times: once, or k times in a replicated design (gun
        # teams firing with each method twice). A session retested (a few cells once more
        # than the rest) is still the design.
        counts = pairs.value_counts(sort=False).to_numpy()
        each = int(np.median(counts))
        if float(np.abs(counts - each).sum()) > (1 - CONDITION_CELLS) * len(pairs) or (
            each > replicates
            and not (
                crossed
                and _worded(table[other])
                and _repeats_told_apart(table, name, other, features, each, named_levels=True)
            )
        ):
            continue
        subjects = pairs[name].nunique()
        if len(counts) < CONDITION_CELLS * subjects * distinct[other]:
            continue
        if each > 1 and plain_repeats and _repeats_told_apart(table, name, other, features, each):
            continue
        return True
    return False


def _share_of_spread(column: pd.Series, amounts: pd.Series) -> float:
    """Share of a numeric target's variance that the means of ``column``'s values explain
    (eta squared)."""
    pairs = pd.DataFrame({"unit": column.to_numpy(), "amount": amounts.to_numpy()}).dropna()
    total = float(pairs["amount"].var(ddof=0))
    if not total > 0:
        return 0.0
    means = pairs.groupby("unit", sort=False)["amount"].transform("mean")
    return float(means.var(ddof=0)) / total


def _code_of_cells(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether the columns constant within each value of ``name`` tell its values apart
    together: ``name`` numbers the cells of other factors (run 1 to 8 of a 2 x 2 x 2
    factorial), a treatment combination, not a block."""
    grouped = table.groupby(name, sort=False)
    constant = [
        c
        for c in features
        if c != name
        and 2 <= distinct.get(c, 0) < distinct[name]
        and bool((grouped[c].nunique(dropna=False) == 1).all())
    ]
    if len(constant) < 2:
        return False
    return int(grouped[constant].first().drop_duplicates().shape[0]) == distinct[name]


def _crosses_units(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a column named as the thing a study observes (a patient, a subject, an id)
    shows nearly all its values inside every value of ``name``: ``name`` is then a factor of
    each unit's rows (a lab test drawn for every patient), not a cluster of units."""
    return any(
        other != name
        and distinct.get(other, 0) >= 2
        and bool(THING_NAME.search(other) or OBSERVED_NAME.search(other) or ID_NAME.search(other))
        and _shows_within(table, name, other, distinct[other], CONDITION_CELLS)
        for other in features
    )


def _repeats_told_apart(
    table: pd.DataFrame,
    name: str,
    other: str,
    features: list[str],
    each: int,
    *,
    named_levels: bool = False,
) -> bool:
    """Whether a third column of a few levels takes ``each`` values inside the cells of
    ``name`` by ``other``: the repeats are the levels of another crossed factor (a treatment
    code's four blocks, a diagnosis code's age bands), and ``name`` a factor of a factorial
    design, not a unit seen again under the same condition (a gun team firing twice). A
    third column may have as many levels as there are repeats (eighteen age bands of a
    registry's table, fifteen seeds of a sweep).
    ``named_levels``: only a third column whose levels are words (common or rare words), not
    numbers (a second session, a third trial, a higher dose) nor codes (clinics A to D,
    parts P01 to P10: units of their own)."""
    for third in features:
        if (
            third in (name, other)
            or table[third].nunique() > max(CONDITION_LEVELS, each)
            or (named_levels and not _worded(table[third]))
        ):
            continue
        within = table.groupby([name, other], sort=False)[third].nunique()
        if float((within >= each).mean()) >= CONDITION_CELLS:
            return True
    return False


CONDITION_LEVELS = 12
CONDITION_CELLS = 0.95
"""Share of the grid of values by levels filled, at least (and of the rows in cells of their
own)."""
CONDITION_REPLICATES = 6
"""Coded units nested in a factor of the design may repeat each cell up to this many times;
hundreds of rows in every cell of two columns are categories that happen to cross evenly,
not a unit's sessions."""
CLUSTER_REPLICATES = 30
"""A design's clusters (a multi-centre trial's centres) may hold each level up to this many
times, when their own level is a good share of the target's spread; hundreds of rows per
cell (an A/B test's storefronts) are categories."""


def _crossed_by_things(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether another label of many values (``MIN_GROUPS_FOR_FOLDS``) shows most of its
    values within most values of ``name`` and carries an attribute of its own: things (the
    patients of a long extract, each with an age) seen once under every value of ``name``.
    A number counting within each value (plots 1 to 36 of every site) has no attribute."""
    for other in features:
        if other == name or not MIN_GROUPS_FOR_FOLDS <= distinct.get(other, 0) <= len(table) / 2:
            continue
        within = table.groupby(name, sort=False)[other].nunique()
        if float(within.median()) < CROSSING_SHARE * distinct[other]:
            continue
        if _attribute_of(table, other, features, distinct) is not None:
            return True
    return False


RANK_AGREEMENT = 0.98
"""Rank correlation, within the periods, of a number with the target ranked in each period."""


def _ranks_within_periods(column: pd.Series, amounts: pd.Series, periods: pd.Series) -> bool:
    """Whether a number is the target ranked within each period, either way (1 the largest
    or the smallest): each period's values a permutation of its ranks."""
    return rank_agreement(column, amounts, periods) >= RANK_AGREEMENT


def rank_agreement(column: pd.Series, amounts: pd.Series, periods: pd.Series) -> float:
    """Correlation of a number with the target ranked within each period, either way (1 the
    largest or the smallest); 0 where it cannot be read (fewer than 3 rows a period)."""
    ranks = amounts.groupby(periods.to_numpy(), sort=False).rank(method="average")
    values = column.to_numpy(dtype=float, na_value=np.nan)
    ranked = ranks.to_numpy(dtype=float)
    present = np.isfinite(values) & np.isfinite(ranked)
    if present.sum() < 3 or values[present].std() == 0 or ranked[present].std() == 0:
        return 0.0
    sizes = pd.Series(periods.to_numpy()[present]).value_counts()
    if sizes.median() < 3:
        return 0.0
    correlation = float(np.corrcoef(values[present], ranked[present])[0, 1])
    # Ranked from the largest: the correlation runs the other way, with the ranks running
    # from the period's own size down.
    if correlation < 0:
        size_of = pd.Series(periods.to_numpy()[present]).map(sizes).to_numpy(dtype=float)
        correlation = float(np.corrcoef(values[present], size_of + 1 - ranked[present])[0, 1])
    return correlation


# A period word glued to "of" and an event ("WeekofPurchase", "month_of_issue"), never to a
# calendar unit ("day_of_week", "day_of_year" cycle).
EVENT_PERIOD_NAME = re.compile(
    r"(day|week|month|quarter)_?of(?!_?(week|month|year|quarter))", re.IGNORECASE
)
CALENDAR_CYCLE_OF = {**CALENDAR_CYCLE, "quarter": 4}
COUNTER_VALUES = 10
COUNTER_SORTED = 0.98
NAMELESS_COUNTER = "a counter from 0 or 1 with every value present, and the file is sorted by it"
FACTOR_NAME = re.compile(
    r"^(variety|varieties|cultivar|genotype|strain|breed|treatment|treat|trt|fertili[sz]er"
    r"|clone)$",
    re.IGNORECASE,
)
"""Names of the levels of a factor a study sets (a variety of a field trial, a treatment),
which a file lists in order inside each block of the design. Not a dose: a patient's doses 1
to 14, a day apart, are the occasions of a panel."""


# A column named as a kind of thing numbers things (school 1 to 65, subject 1 to 12), even
# when the file is sorted by it: never a counter of periods. The thing is the head of the
# name, alone or before a key word ("team_name", "BatterNumber"): "vehicle_model" and
# "user_agent" name attributes, "user_week" a period.
THING_NAME = re.compile(
    r"(^|[^a-z])(subject|patient|person|participant|respondent|individual|school|student"
    r"|pupil|household|family|firm|company|team|player|user|customer|client|account|device"
    r"|store|shop|hospital|animal|batter|pitcher|pollster|driver|vehicle|machine|sensor|batch)s?"
    r"[_ .-]?(id|name|code|key|no|nr|number)?$",
    re.IGNORECASE,
)
# An age is a trait of each row's thing; a file sorted by it (a table of children by age)
# is not written in time order. An age is the moment only as a panel's clock (above); a
# loan's age in months is a period count of its own ("loan_age").
AGE_NAME = re.compile(r"age", re.IGNORECASE)
ENTITY_CLOCK = "a number named like a moment, in order within each entity's block of rows"
BLOCK_ORDERED = 0.95
"""Share of steps inside an entity's block of rows on which its clock does not go back ..."""
BLOCK_ORIGIN = 0.5
"""Share of an entity's blocks whose clock starts at the most common first value."""
BLOCK_RESTARTS = 0.5
"""... and share of the blocks at whose start it goes back or stays (a clock that restarts;
two one-row entities both at their start, 0 and 0)."""


def _block_clock_entity(
    table: pd.DataFrame, moment: str, features: list[str], types: dict, distinct: dict[str, int]
) -> str | None:
    """The entity in whose blocks of rows ``moment``, named like a moment or a clock, runs
    in order and restarts (``_ordered_blocks``), if any. The entity has several values,
    and repeats on most rows or is a key named as one that repeats (``_repeated_key``)."""
    if distinct[moment] < 3 or RATE_NAME.search(moment):
        return None
    # The whole name is a moment: "weight_prev_week" is a measurement, not a clock.
    if not (MOMENT_NAME.fullmatch(moment) or CLOCK_NAME.fullmatch(moment)):
        return None
    n_rows = len(table)
    origin = not MOMENT_NAME.fullmatch(moment)
    entities = [
        entity
        for entity in features
        if entity != moment
        and distinct[entity] >= MIN_ENTITIES
        and (
            distinct[entity] <= n_rows / 2
            or _repeated_key(table[entity], types.get(entity), distinct[entity])
        )
        # A year is a period: a quantity of time in order inside each year (the men's
        # winning time, then the women's) is no clock that restarts with an entity.
        and not YEAR_NAME.search(entity)
    ]
    for entity in entities:
        if _ordered_blocks(table, entity, moment, distinct[entity], origin=origin):
            return entity
    # Written session by session and entity by entity, in either nesting (a subject's
    # glucose over the hours after each of two drinks): the clock restarts inside each
    # entity's session.
    sessions = [c for c in features if c != moment and 2 <= distinct[c] <= SESSIONS_MAX_VALUES]
    if not sessions:
        return None
    codes = {c: pd.factorize(table[c])[0] for c in {*entities, *sessions}}
    for entity in entities:
        for session in sessions:
            if session == entity:
                continue
            block = codes[entity] * (distinct[session] + 1) + codes[session]
            # Cheap first: each (entity, session) in one block of rows.
            count = len(np.unique(block))
            if int((np.diff(block) != 0).sum()) + 1 != count:
                continue
            pairs = pd.DataFrame({"block": block, moment: table[moment].to_numpy()})
            if _ordered_blocks(pairs, "block", moment, count, origin=origin):
                return entity
    return None


SESSIONS_MAX_VALUES = 10
"""A column of at most this many values may number an entity's sessions (two visits, three
drinks), inside each of which a clock restarts."""


def _ordered_blocks(
    table: pd.DataFrame, entity: str, moment: str, count: int, *, origin: bool = False
) -> bool:
    """Whether the file lists ``entity`` block by block (each value's rows together), with
    ``moment`` in order inside each block and restarting at the next, the two a key of
    the rows: a panel written entity by entity (a subject's samples over the hours after
    a dose). A clock that never goes back across blocks is the file's own order, and the
    blocks are its periods (the months of a sorted log), not entities. ``count``: the
    number of values of ``entity``."""
    # Each value in one block: as many changes from row to row as values, less one (a
    # missing value, never equal to itself, breaks the count). Runs on many columns.
    column = table[entity]
    if len(column) < 2:
        return False
    changes = column.ne(column.shift()).to_numpy(dtype=bool, na_value=True)[1:]
    if int(changes.sum()) + 1 != count:
        return False
    moments = table[moment].to_numpy(dtype=float, na_value=np.nan)
    steps = np.diff(moments)
    inside = steps[~changes]
    across = steps[changes]
    if not (inside.size and across.size) or np.isnan(steps).any():
        return False
    # ``origin``: an age or an experience orders a panel's rows when it starts from a common
    # origin (age 7 at every child's first visit); members of a household listed by age
    # start wherever the youngest is.
    firsts = pd.Series(moments[np.r_[0, np.flatnonzero(changes) + 1]])
    return bool(
        (inside >= 0).mean() >= BLOCK_ORDERED
        and (across <= 0).mean() >= BLOCK_RESTARTS
        and (not origin or firsts.value_counts(normalize=True).iloc[0] >= BLOCK_ORIGIN)
        and not table[[entity, moment]].duplicated().mean() > 0.05
    )


PANEL_CLOCK_VALUES = 20
# A number named as a key (a subject's "id") names a thing, even when each block of rows lists
# it in order (a questionnaire written item by item, subjects in number order); the key of a
# moment ("date_id", "period_id", "visit_id") is a clock.
KEY_NAME = re.compile(r"(^|[^a-z])(id|ids|uuid|guid)([^a-z]|$)", re.IGNORECASE)
MOMENT_KEY_NAME = re.compile(
    r"(date|day|week|month|quarter|year|period|time|step|visit|wave|round|tick|season)s?"
    r"[_ .-]?(id|ids)$",
    re.IGNORECASE,
)
PANEL_CLOCK = "a number that orders each entity's rows of a panel, in the file's order"
PANEL_CLOCK_SORTED = 0.95


def _snake(name: str) -> str:
    """``subjectId`` as ``subject_Id``: camel case words apart, for the name patterns."""
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name)


def _clock_of_a_panel(
    table: pd.DataFrame,
    moment: str,
    features: list[str],
    types: dict,
    distinct: dict[str, int],
    *,
    named_only: bool = False,
) -> bool:
    """Whether ``moment`` and an entity key a panel, each entity's rows in ``moment`` order.

    The entity looks like one: named like an identifier or holding codes or labels (not a
    measurement), with many values (``MIN_GROUPS_FOR_FOLDS``); ``named_only``: named like
    an identifier."""
    n_rows = len(table)
    for c in features:
        if (
            c == moment
            or not (
                ID_NAME.search(c) or (not named_only and types.get(c) in ("identifier", "category"))
            )
            or not MIN_GROUPS_FOR_FOLDS <= distinct[c] <= n_rows / 2
            or distinct[c] * distinct[moment] < 0.95 * n_rows
            or not _panel_key(table, c, moment)
            or _numbers_rows_of(table, c, moment)
        ):
            continue
        steps = table.groupby(c, sort=False)[moment].diff().dropna()
        if len(steps) and float((steps >= 0).mean()) >= PANEL_CLOCK_SORTED:
            return True
    return False


def _in_blocks(column: pd.Series, count: int) -> bool:
    """Whether each value's rows sit together in the file (one block per value)."""
    changes = column.ne(column.shift()).to_numpy(dtype=bool, na_value=True)[1:]
    return int(changes.sum()) + 1 == count


ROWS_NUMBERED_SHARE = 0.95
"""Share of an owner's values whose rows a counter numbers 1, 2, ... (or from 0)."""


def _numbers_rows_of(table: pd.DataFrame, counter: str, owner: str) -> bool:
    """Whether ``counter`` numbers the rows of each value of ``owner`` (purchase 1 to 24 of
    each household, a household of one purchase holding only 1): then ``owner`` is the thing
    and ``counter`` its rows' order, never the other way round. The owners' sizes must vary:
    in a balanced panel of entities 1 to N every period also holds 1 to N."""
    if not is_integer_valued(table[counter]):
        return False
    stats = table.groupby(owner, sort=False)[counter].agg(["min", "max", "nunique", "size"])
    # Each owner's rows together in the file, and owners of a few rows each (more owners
    # than numbers): a growing panel whose stores are numbered 1..n in every week, written
    # store by store, is not a week's rows numbered.
    if (
        stats["size"].nunique() < 2
        or len(stats) <= table[counter].nunique()
        or not _in_blocks(table[owner], len(stats))
    ):
        return False
    numbered = (
        stats["min"].isin([0, 1])
        & (stats["nunique"] == stats["size"])
        & (stats["max"] - stats["min"] + 1 == stats["size"])
    )
    return bool(numbered.mean() >= ROWS_NUMBERED_SHARE)


def _entity_relative_clocks(
    table: pd.DataFrame,
    candidates: dict[str, str],
    features: list[str],
    types: dict,
    distinct: dict[str, int],
) -> set[str]:
    """Numeric candidates that restart for each entity: a clock that differs from another by
    a constant per entity (days since each patient's own start, next to days since the
    study's start). The one with fewer values is the entity's own clock, not the table's."""
    numeric = [c for c in candidates if pd.api.types.is_numeric_dtype(table.dtypes[c])]
    relative: set[str] = set()
    n_rows = len(table)
    entities = [
        c
        for c in features
        if MIN_GROUPS_FOR_FOLDS <= distinct[c] <= n_rows / 2
        and (types.get(c) in ("identifier", "category") or ID_NAME.search(c))
    ]
    for i, first in enumerate(numeric):
        for second in numeric[i + 1 :]:
            shift = table[first].astype(float) - table[second].astype(float)
            for entity in entities:
                if entity in (first, second):
                    continue
                constant = shift.groupby(table[entity], sort=False).nunique(dropna=True) <= 1
                if float(constant.mean()) >= 0.95:
                    # A calendar year is never a subject's own clock; between two day counts,
                    # the shared one spreads the entities' staggered starts over more values.
                    relative.add(
                        min(
                            (first, second),
                            key=lambda c: (candidates[c].startswith("years"), distinct[c]),
                        )
                    )
                    break
    return relative


INTERVAL_ORDERED = 0.99
"""Share of rows on which the start of an interval is not after its end ..."""
INTERVAL_DIFFERS = 0.05
"""... and share on which the two differ (two copies of one moment are no interval)."""
INTERVAL_OVERLAP = 0.5
"""Two numbers are moments on one scale when their ranges overlap by this share of both."""


def _interval_starts(table: pd.DataFrame, candidates: list[str]) -> set[str]:
    """Candidates that open an interval another candidate closes."""
    return set(_interval_pairs(table, candidates))


def _interval_pairs(table: pd.DataFrame, candidates: list[str]) -> dict[str, str]:
    """Candidates that open an interval another candidate closes (a poll's first day of
    fieldwork beside its last, a house's remodelling year beside its year of sale), each
    with its end: on every row the start is not later than the end, and on some rows
    earlier. Only two moments on one scale are compared (two dates, or numbers whose ranges
    overlap)."""
    starts: dict[str, str] = {}
    for first in candidates:
        for second in candidates:
            if first == second or first in starts or second in starts:
                continue
            a, b = table[first], table[second]
            if pd.api.types.is_datetime64_any_dtype(a) != pd.api.types.is_datetime64_any_dtype(b):
                continue
            x = _order_values(a).to_numpy(dtype=float)
            y = _order_values(b).to_numpy(dtype=float)
            both = np.isfinite(x) & np.isfinite(y)
            if both.sum() < 0.5 * len(table):
                continue
            x, y = x[both], y[both]
            if not pd.api.types.is_datetime64_any_dtype(a):
                overlap = min(x.max(), y.max()) - max(x.min(), y.min())
                union = max(x.max(), y.max()) - min(x.min(), y.min())
                if not union > 0 or overlap < INTERVAL_OVERLAP * union:
                    continue
            if (x <= y).mean() >= INTERVAL_ORDERED and (x < y).mean() >= INTERVAL_DIFFERS:
                starts[first] = second
    return starts


INTERVAL_SAMPLE = 5000
"""Rows scored for an interval's length (a sample of a long table)."""
LENGTH_SAYS_NOTHING = 0.1
"""An interval's length with a lift below this says nothing about the target ..."""
LENGTH_ASKS = 0.2
"""... and one with a lift of this much or more is asked about as a leak."""


def _length_lift(
    table: pd.DataFrame, start: str, end: str, target: screen.Target
) -> tuple[float, float]:
    """The out-of-fold score and lift of an interval's length (end minus start) alone."""
    length = _order_values(table[end]).to_numpy(dtype=float) - _order_values(table[start]).to_numpy(
        dtype=float
    )
    rng = np.random.default_rng(0)
    positions = np.arange(len(table))
    if len(table) > INTERVAL_SAMPLE:
        positions = np.sort(rng.choice(len(table), INTERVAL_SAMPLE, replace=False))
    sample = screen.Target(target.task, target.values[positions], target.n_classes)
    folds = screen.make_folds(len(positions), 5, rng)
    codes, n_bins = screen.bin_codes(pd.Series(length[positions]))
    value = screen.score(screen.oof_encode(codes, n_bins, sample, folds), sample)
    return value, screen.lift(value, sample)


def _interval_moment(
    table: pd.DataFrame, candidates: dict[str, str], target: screen.Target
) -> list[Finding]:
    """Keep one moment of each interval among the candidates (in place), and ask about
    the ends whose length predicts the target.

    The start is the honest moment to split at: the row is predicted when it opens (a
    customer signs up), and the end (the last day active) may be written by the outcome.
    The end is the moment only when the length says nothing about the target (a poll's
    fieldwork, whose result exists at its end). An end that is not the time column stays in
    the leak screen; a length that predicts the target is asked about here too (a date alone
    rarely shows it: a discharge date is a length of stay only beside the admission)."""
    findings: list[Finding] = []
    for start, end in _interval_pairs(table, list(candidates)).items():
        if start not in candidates or end not in candidates:
            continue
        value, strength = _length_lift(table, start, end, target)
        if strength < LENGTH_SAYS_NOTHING and not _bulk_moment(table[end]):
            del candidates[start]
            continue
        del candidates[end]
        if strength < LENGTH_ASKS:
            continue
        score_name = SCORE_NAMES[target.task]
        findings.append(
            Finding(
                "target_leak",
                "medium",
                (end,),
                f"Is {end!r} written by the outcome? It closes the interval {start!r} opens, "
                f"and the interval's length alone predicts the target ({score_name} "
                f"{value:.3f}): an end known only after the outcome (a last day active, a "
                f"discharge) gives it away. {start!r} is taken as the moment of the row.",
                f"Drop {end!r} (and any length computed from it) unless it is known when "
                "the prediction is made.",
                {
                    "check": "interval length: the end minus the start predicts the target",
                    "score_name": score_name,
                    "start": start,
                    "end": end,
                    "score_length": round(value, 4),
                },
            )
        )
    return findings


def _numbered_periods(column: pd.Series) -> bool:
    """Text values of one prefix and a number ("S01" ... "S14"), every number from the first
    to the last present, sorted as text in the order of their numbers (zero-padded)."""
    values = pd.Series(column.dropna().unique()).astype(str)
    parts = values.str.extract(r"^([A-Za-z][A-Za-z _-]*?)\s*(\d+)$")
    if parts.isna().any().any() or parts[0].nunique() != 1:
        return False
    numbers = parts[1].astype(int)
    if int(numbers.max()) - int(numbers.min()) + 1 != len(numbers):
        return False
    return bool((values.rank().to_numpy() == numbers.rank().to_numpy()).all())


def _period_of_an_event(name: str, column: pd.Series) -> bool:
    match = EVENT_PERIOD_NAME.search(name)
    if match is None or RATE_NAME.search(name) or not is_integer_valued(column):
        return False
    return bool(column.max() > CALENDAR_CYCLE_OF[match.group(1).lower()])


TWO_DIGIT_YEAR_NAME = re.compile(r"year|yr", re.IGNORECASE)


def _two_digit_years(name: str, column: pd.Series) -> bool:
    """Integers from 10 to 99 whose whole name is a year (an interview's year, 68 to 88).

    Taken as the time only as a panel's periods: on their own, numbers named "year" are as
    often a car's model year or a year of school."""
    if not TWO_DIGIT_YEAR_NAME.fullmatch(name) or not is_integer_valued(column):
        return False
    values = column.dropna()
    return bool(values.nunique() >= 3 and values.between(10, 99).all())


def _two_digit_years_of_an_event(name: str, column: pd.Series) -> bool:
    """Integers from 10 to 99 named as the year of an event (``yronset``, ``year_of_death``,
    ``admit_yr``): the year something happened to the row. A year glued to any other word is
    as often an age (``age_yr``), a model year (``vehyear``), a season's points or a count
    of years, so the other word must name an event."""
    if (
        not YEAR_NAME.search(name)
        or not EVENT_YEAR_NAME.search(name)
        or ATTRIBUTE_YEAR_NAME.search(name)
        or YEARS_COUNT_NAME.search(name)
        or not is_integer_valued(column)
    ):
        return False
    values = column.dropna()
    return bool(values.nunique() >= 3 and values.between(10, 99).all())


YEARS_COUNT_NAME = re.compile(r"years|yrs", re.IGNORECASE)
EVENT_YEAR_NAME = re.compile(
    r"onset|death|died|diag|admi|disch|interview|survey|exam|visit|incident|accident|arrest"
    r"|elect|sale|sold|report|event|accept|enrol",
    re.IGNORECASE,
)
COHORT_NAME = re.compile(r"cohort|vintage|class_?of", re.IGNORECASE)
SEASON = re.compile(r"^(\d{4})\s*[-/\u2013]\s*(\d{4}|\d{2})$")


def _seasons(column: pd.Series) -> bool:
    """Text values that are each two consecutive years (``2003-2004``, ``2015/16``): a season
    that straddles the new year, in order as text."""
    values = pd.Series(column.dropna().unique()).astype(str).str.strip()
    parts = values.str.fullmatch(SEASON.pattern)
    if values.empty or not parts.all():
        return False
    years = values.str.extract(SEASON.pattern)
    first, second = years[0].astype(int), years[1].astype(int)
    following = (first + 1) % 10 ** years[1].str.len()
    return bool((second == following).all() and first.between(1800, 2100).all())


def _every_period(column: pd.Series, distinct: int) -> bool:
    """Integers covering every value from their minimum to their maximum."""
    if not is_integer_valued(column) or column.notna().sum() == 0:
        return False
    return int(column.max()) - int(column.min()) + 1 == distinct


def _counts_periods_from_a_start(name: str, column: pd.Series) -> bool:
    """A day, week or month count (``pan_day``) whose values pass the calendar's cycle, so it
    cannot be a day of the month; never a rate (``hours_per_week``)."""
    match = INDEX_NAME.search(name)
    if match is None or RATE_NAME.search(name) or not is_integer_valued(column):
        return False
    cycle = CALENDAR_CYCLE[match.group(2).lower()]
    if match.group(1).lower() in ("j", "jul", "julian"):
        cycle = 366  # a Julian day is as often a day of the year (1 to 366)
    return bool(column.max() > cycle)


PANEL_FILL = 0.2
"""Share of the entity-by-period grid a panel's rows fill at least (a state's years: ~1),
when the moment is near-unique (``_fill_matters``). A sparse panel of irregular visits
(weeks 1 to 104, a few visits each) fills little of its grid: a panel when its pairs are
unique beyond chance (``_beyond_chance``)."""
FILL_NEAR_UNIQUE = 10
"""A moment is near-unique with more than one value per this many rows ..."""
FILL_FEW_ROWS = 3
"""... or when its values hold fewer rows than this (median)."""


CHANCE_MIN_PAIRS = 10
"""A sparse grid's key is evidence when chance would repeat at least this many pairs ..."""
CHANCE_SHARE = 1 / 3
"""... and the rows repeat at most this share of them."""


def _beyond_chance(table: pd.DataFrame, key: str, moment: str) -> bool:
    """Whether ``key`` and ``moment`` are unique together beyond chance: a patient seen in
    weeks drawn without repeats (no two visits in one week, where independent draws would
    put a hundred) is a panel; a sample size that repeats with a date as often as chance
    would (two polls of 1,000 on one day) is not, however sparse its grid."""
    pair = table[[key, moment]].dropna()
    shares = pair[moment].value_counts(normalize=True).to_numpy()
    rows = pair[key].value_counts().to_numpy().astype(float)
    expected = float((rows * (rows - 1) / 2).sum() * (shares**2).sum())
    repeated = int(pair.duplicated().sum())
    return expected >= CHANCE_MIN_PAIRS and repeated <= CHANCE_SHARE * expected


def _apart_beyond_chance(table: pd.DataFrame, key: str, moment: str) -> bool:
    """Whether the rows that share a moment never share ``key``, where labels drawn
    independently of the moments would share it on many of them (at least
    ``CHANCE_MIN_PAIRS``): each label is seen at most once per moment, as a panel's entity
    is. Rows alone at their moment say nothing (a weekday beside a daily series' date)."""
    pair = table[[key, moment]].dropna()
    per_moment = pair[moment].value_counts().to_numpy().astype(float)
    pairs_sharing_a_moment = float((per_moment * (per_moment - 1) / 2).sum())
    label_shares = pair[key].value_counts(normalize=True).to_numpy()
    expected = pairs_sharing_a_moment * float((label_shares**2).sum())
    return expected >= CHANCE_MIN_PAIRS and not pair.duplicated().any()


def _sparse_panel(
    table: pd.DataFrame, key: str, moment: str, grid: float, fill_matters: bool
) -> bool:
    """Whether a key of a panel on a grid of ``grid`` cells holds up: a dense grid (at least
    ``PANEL_FILL`` filled) does; a sparse one (irregular visits) only when the moment is not
    near-unique and the pairs are unique beyond chance."""
    if grid <= len(table) / PANEL_FILL:
        return True
    return not fill_matters and _beyond_chance(table, key, moment)


def _fill_matters(table: pd.DataFrame, moment: str, distinct: dict[str, int]) -> bool:
    """Whether ``moment`` is near-unique (a runner's time in seconds), so that a unique pair
    with any label says nothing unless the pairs fill a good share of the grid."""
    if distinct[moment] > len(table) / FILL_NEAR_UNIQUE:
        return True
    return bool(table[moment].value_counts().median() < FILL_FEW_ROWS)


def _periods_of_a_panel(
    table: pd.DataFrame, moment: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether some other column and ``moment`` form the key of a panel.

    A panel's periods are shared: its rows fill at least ``PANEL_FILL`` of the grid of
    entities by periods. A near-unique number (a runner's time in seconds) makes a unique
    pair with any label (an age, a state) without being the periods of anything."""
    n_rows = len(table)
    if distinct[moment] > n_rows / 2:
        return False
    fill_matters = _fill_matters(table, moment, distinct)
    return any(
        c != moment
        and MIN_ENTITIES <= distinct[c] <= n_rows / 2
        and 0.95 * n_rows <= distinct[c] * distinct[moment]
        and _panel_key(table, c, moment)
        and _sparse_panel(table, c, moment, distinct[c] * distinct[moment], fill_matters)
        for c in features
    )


def _sortedness(column: pd.Series) -> float:
    """Share of consecutive rows in which the value does not go down (1: the file is sorted)."""
    values = column.dropna()
    if not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values)):
        values = _order_values(values)  # text periods ("S01"): their rank
    steps = values.diff().dropna()
    if steps.empty:
        return 0.0
    return float((steps >= (pd.Timedelta(0) if steps.dtype.kind == "m" else 0)).mean())


RISES = 0.6
"""Share of a sorted moment's changes that go up, at least: a log with a few late rows (one
in a hundred stamped a day early) keeps most; a number that is the same on most rows, with
odd values here and there, goes up and down as often (half)."""


def _rises(column: pd.Series) -> float:
    """Share of the changes from one row to the next that go up (1: the file is sorted).

    Unlike ``_sortedness``, repeats do not count: a number that is the same on most rows
    (the share of a year a person was insured, 1 on nine rows in ten) would look sorted
    without ordering anything."""
    steps = column.dropna().diff()
    steps = steps[steps.notna() & (steps != 0)]
    return float((steps > 0).mean()) if len(steps) else 0.0


def _time_order(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    target: screen.Target,
    id_columns: list[str],
    distinct: dict[str, int],
) -> tuple[str | None, Finding | None, list[Finding]]:
    candidates = _time_candidates(table, features, types, id_columns, distinct, target)
    if not candidates:
        return None, None, []
    if len(candidates) > 1:
        relative = _entity_relative_clocks(table, candidates, features, types, distinct)
        candidates = {c: why for c, why in candidates.items() if c not in relative}
    intervals: list[Finding] = []
    if len(candidates) > 1:
        intervals = _interval_moment(table, candidates, target)
        coarser = _coarser_clocks(table, candidates, distinct)
        candidates = {c: why for c, why in candidates.items() if c not in coarser}

    def preference(name: str) -> tuple:
        return (
            candidates[name] not in (NAMELESS_COUNTER, PANEL_CLOCK),
            # A date that most rows share is when a batch of records was loaded or updated,
            # not when each row's event happened.
            not _bulk_moment(table[name]),
            bool(TIME_NAME.search(name)),
            round(_sortedness(table[name]), 2),
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
        f" The {what} moves from {three_digits(by_period[0]['target_mean'])} in the first "
        f"quarter of the time range to {three_digits(by_period[-1]['target_mean'])} in the "
        "last: the future differs from the past."
        if drifts
        else ""
    )
    finding = Finding(
        "time_order",
        "medium",
        (best,),
        f"{best!r} holds {candidates[best]} ({_iso(column.min())} to {_iso(column.max())}); "
        f"the rows describe events over time.{drift_text}",
        "Split by time: train on the earlier rows, validate and test on later ones. A shuffled "
        "split lets the model learn from the future and reports a score production never sees.",
        {
            "start": _iso(column.min()),
            "end": _iso(column.max()),
            "file_sorted_share": round(_sortedness(table[best]), 4),
            "target_by_period": by_period,
            "chosen_because": candidates[best],
            "candidates": list(candidates),
        },
    )
    return best, finding, intervals


def _coarser_clocks(
    table: pd.DataFrame, candidates: dict[str, str], distinct: dict[str, int]
) -> set[str]:
    """Numeric time candidates that another, finer candidate refines: each of the finer one's
    moments falls in one of theirs, in the same order (a bake-off's series 1 to 10 beside its
    running broadcast number 1 to 94). The finer clock orders the rows the same way and more
    closely, however the file is sorted. Unless only the finer one was found by its values
    alone and the coarser is named as a clock."""
    numeric = {
        c: _order_values(table[c]).to_numpy(dtype=float)
        for c in candidates
        if pd.api.types.is_numeric_dtype(table[c])
    }
    weak = {c for c, why in candidates.items() if why in (NAMELESS_COUNTER, PANEL_CLOCK)}
    coarser = set()
    for coarse, coarse_values in numeric.items():
        for fine, fine_values in numeric.items():
            # A counter found by its values alone does not displace a clock named as one
            # (groups numbered 1 to 17 in the file's order, inside the years).
            if (
                fine == coarse
                or distinct[fine] <= distinct[coarse]
                or (fine in weak and coarse not in weak)
            ):
                continue
            both = ~(np.isnan(coarse_values) | np.isnan(fine_values))
            pairs = pd.DataFrame({"fine": fine_values[both], "coarse": coarse_values[both]})
            per_moment = pairs.groupby("fine", sort=True)["coarse"]
            if len(pairs) and (per_moment.nunique() == 1).all():
                steps = np.diff(per_moment.first().to_numpy())
                if (steps >= 0).all():
                    coarser.add(coarse)
                    break
    return coarser


BULK_SHARE = 0.5
"""Share of the rows on one moment above which a time candidate is a bulk load or update."""


def _bulk_moment(column: pd.Series) -> bool:
    """Whether a moment named as a record's update or load is one day on most rows: when a
    batch of records was loaded or updated (691 breaches "posted or updated" on one day),
    not when each row's event happened. An event's own date may crowd too (a launch day
    with most of the orders): the name must say the record, not the event."""
    if not UPDATE_NAME.search(str(column.name)):
        return False
    shares = column.value_counts(normalize=True)
    return bool(len(shares) and shares.iloc[0] > BULK_SHARE)


UPDATE_NAME = re.compile(
    r"updated?|modified|posted|loaded|refreshed|ingested|imported|extracted|snapshot|as_?of",
    re.IGNORECASE,
)


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


RANGE_VALUE = re.compile(
    r"\s*[<>≤≥]?\s*[$€£]?(?P<low>\d[\d,.]*)\s*[kKmM]?\s*"
    r"(([-–]|to)\s*[$€£]?(?P<high>\d[\d,.]*)\s*[kKmM]?|\+)\s*"
)
RANGES_SHARE = 0.8
"""Share of a label's distinct values written as ranges of a number, low to high (``20-49``,
``$1k-5k``, ``500+``), for it to be a band."""


def _written_as_ranges(sizes: pd.Series) -> bool:
    """Whether a label's values (``sizes``: its value counts) are mostly ranges of a number,
    each from its own lower bound. A code with a dash shares its first part among many values
    (``1-10``, ``1-11``: a centre's patients; ``101-2``: a household's second person), runs
    high to low, or pads its numbers with zeros (``2015-000012``)."""
    lows = []
    for value in sizes.index.astype(str):
        match = RANGE_VALUE.fullmatch(value)
        if match is None:
            continue
        parts = [part for part in (match["low"], match["high"]) if part]
        if any(len(part) > 1 and part[0] == "0" and part[1].isdigit() for part in parts):
            continue
        try:
            bounds = [float(part.replace(",", "")) for part in parts]
        except ValueError:
            continue
        if len(bounds) == 1 or bounds[0] < bounds[1]:
            lows.append(bounds[0])
    return len(set(lows)) >= RANGES_SHARE * len(sizes)


def _group_column(
    table: pd.DataFrame,
    features: list[str],
    types: dict,
    time_column: str | None,
    id_columns: list[str],
    distinct: dict[str, int],
    clocks: tuple[str, ...] = (),
    possible: list[tuple[str, str]] | None = None,
    classes: pd.Series | None = None,
    amounts: pd.Series | None = None,
) -> str | None:
    """The entity that repeats (a customer, a device, a state of a panel), if any.

    ``classes``: a class target. A label with about one value per class whose values each
    hold (almost) one class is a name of the outcome (a taxon code beside the species), a
    leak to screen, not an entity.

    ``amounts``: a numeric target. A label whose values each hold their own range of it,
    the ranges side by side and not overlapping, is the target cut into bands (a batch code
    written from the price), a leak to screen, not an entity.

    ``possible``: filled with labels whose only evidence is a trait (a label, a column of a
    few values constant within it), each with its trait.

    ``clocks``: the other time-order candidates. A label that keys the rows with one of
    them is a panel's entity too (a contestant with the episode, inside the seasons that
    are the time order).

    A candidate must look like an entity: many values (``MIN_ENTITIES``), several rows each
    (median two or more) and no value covering most rows (a status code that is "none" on
    every negative row is an outcome, not an entity). It is named like an identifier, holds
    codes (``N14228``, ``C-0042``), or forms with the time column a key of a panel (one row
    per entity and period).
    """
    n_rows = len(table)
    time_repeats = time_column is not None and distinct[time_column] <= n_rows / 2
    time_order: np.ndarray | None = None
    fill_matters = time_repeats and _fill_matters(table, time_column, distinct)
    attribute_checks = MAX_ATTRIBUTE_CHECKS
    candidates = []
    sparse_keys: set[str] = set()
    for name in features:
        kind = types.get(name)
        count = distinct[name]
        # A key named as one that repeats on a tenth of the rows is a customer base where
        # most come once, an entity as well as an identifier.
        if name == time_column or (
            name in id_columns and not _repeated_key(table[name], kind, count)
        ):
            continue
        # Cheap tests first: this runs over every column of very wide tables.
        # A few labelled series (four cities' daily weather) may be a panel's entities.
        fewest = (
            FEW_SERIES
            if kind == "category" and time_repeats
            else FEW_CLUSTERS
            if CLUSTER_NAME.search(name)
            else MIN_ENTITIES
        )
        if kind not in ("identifier", "category", "number") or count < fewest:
            continue
        sparse_key = count > n_rows / 2
        if (
            sparse_key
            and not _repeated_key(table[name], kind, count)
            # Two periods of a panel, a few of its 90 countries seen once: the key of the
            # rows with the time column, each value on up to two rows.
            and not (time_repeats and kind != "number" and _panel_key(table, name, time_column))
        ):
            continue
        if sparse_key:
            sparse_keys.add(name)
        # A label named as a kind of thing (a batter, a pollster, a patient) or as the unit a
        # study observes (a panelist of a tasting, lettered a to t) names things.
        named = bool(ID_NAME.search(name) or THING_NAME.search(name) or OBSERVED_NAME.search(name))
        if kind == "number":
            # "num_accounts" is a count: a number is named as a key only by "id" or "key".
            named = bool(NUMBER_KEY_NAME.search(name))
            # A glued "num" ("roomnum") names a count as easily as a key ("provnum"): a key
            # only with key-like values (large numbers, or gaps), not a small dense range;
            # or with the file written one block per value, many values in order (villages
            # 1 to 145, each village's respondents together).
            if named and not PLAIN_KEY_NAME.search(name):
                named = _key_like_numbers(table[name], count) or (
                    count >= MIN_GROUPS_FOR_FOLDS and _sorted_blocks(table[name], count)
                )
        # A number is an entity in a panel, when named like a key ("userId"), or when it
        # carries attributes (below: a few checks per table, so a wide table of integer
        # counts is not grouped column by column).
        blocks = (
            time_column is not None
            and count <= n_rows / 2
            and (kind != "number" or is_integer_valued(table[name]))
            and _ordered_blocks(table, name, time_column, count)
        )
        # A cluster's number (sites 1 to 8) is checked below for the file's blocks, a numbered
        # unit a study observes (rabbits 1 to 5) for its rows.
        # Numbered without a gap: a count of animals owned (0 to 15, with gaps) named
        # "sheep" is no flock of numbered sheep.
        numbered = kind != "number" or _numbered_in_a_row(table[name], count)
        few = FEW_THINGS <= count < MIN_GROUPS_FOR_FOLDS and numbered
        # Four blocks numbered or lettered (1 to 4, "A" to "D") are clusters of a design;
        # four words ("breast", "lung", ...) under "site" are kinds of a thing, as five were.
        # Real lot numbers leave gaps (4417, 4432, 4450): key-like numbers are numbered too.
        clustered = (
            (FEW_THINGS if kind != "number" and not _letters(table[name]) else FEW_CLUSTERS)
            <= count
            < MIN_GROUPS_FOR_FOLDS
            and bool(CLUSTER_NAME.search(name))
            and (numbered or _key_like_numbers(table[name], count))
        )
        observed = few and bool(OBSERVED_NAME.search(name))
        # Stores numbered 1 to 10, as a chain's tables write them (checked below).
        house = few and bool(HOUSE_NAME.search(name)) and not name.endswith("s")
        if kind == "number" and not (
            time_repeats
            or named
            or blocks
            or clustered
            or observed
            or house
            or (numbered and (OBSERVED_NAME.search(name) or DESIGN_PERSON_NAME.search(name)))
            or (numbered and EXPERIMENT_NAME.search(name))
            or (count >= MIN_GROUPS_FOR_FOLDS and attribute_checks)
        ):
            continue
        column = table[name]
        # A fraction is a measurement, unless named as a key: a class written school.class
        # (1.1, 1.2, 2.1) is a code stored as a number.
        if kind == "number" and not (is_integer_valued(column) or _ends_in_key_word(name)):
            continue
        # A time of day repeats on several days (captures at 10:30): a moment, not a thing.
        if kind != "number" and _times_of_day(column):
            continue
        # Ranges of a number (0-40000, 40000-80000, ... 1000000+) are bands: categories.
        sizes = column.value_counts()
        if kind != "number" and _written_as_ranges(sizes):
            continue
        # A key named as one whose values mostly come once may still hold most of its rows
        # in the values that repeat (districts of one school, and a few of dozens): an
        # entity. (Not a code filled on a few rows, each value once.)
        # Named as a key or a thing, not as a code: a diagnosis code is a category whose
        # common values recur in production.
        keyed = bool(PLAIN_KEY_NAME.search(name) or THING_NAME.search(name))
        few_repeat = sizes.median() < 2 and not (
            sparse_key or (keyed and sizes[sizes >= 2].sum() >= sizes.sum() / 2)
        )
        # One value on most rows is a status (a code that is "none" on every negative row),
        # unless the label keys a panel, each value followed for years: series of unequal
        # length (a race's men's division since 1897, its wheelchair races since 1975).
        if few_repeat or (
            sizes.iloc[0] > ENTITY_TOP_SHARE * n_rows
            and not (kind != "number" and _series_of_a_panel(table, name, time_column, count))
        ):
            continue
        # A place or a thing that is numbered (regions 1 to 79, a school's five-digit code),
        # with the file written one block per value, many values in order, is the unit the
        # file is filed by: the cluster of a multilevel design (counties within regions,
        # candidates within schools), even with no attribute of its own.
        filed = (
            (
                kind == "number"
                and count >= MIN_GROUPS_FOR_FOLDS
                # A plural is a count ("pupils": the class size), not a thing.
                and (
                    is_place_name(name)
                    or bool(THING_NAME.search(name) and not name.endswith("s"))
                    # Numbered without a gap, or numbered with gaps as keys are, each value on
                    # about as many rows (24 lots of twelve vials): a house's "lot" of 4,000
                    # to 8,900 square feet, sorted on, is a size, spread unevenly.
                    or bool(
                        CLUSTER_NAME.search(name)
                        and (
                            numbered
                            or (
                                _key_like_numbers(column, count)
                                and int(sizes.max()) <= 2 * int(sizes.min())
                            )
                        )
                    )
                )
                and _sorted_blocks(column, count)
            )
            or (
                # Litters 1 to 50 of three rats each, the file written arm by arm: a cluster
                # numbered without a gap, every value on several rows, in any row order.
                kind == "number"
                and count >= MIN_GROUPS_FOR_FOLDS
                and bool(CLUSTER_NAME.search(name) and numbered)
                # Matched by design: about as many rows in each (a count drawn at random,
                # sows' litter sizes, spreads its rows unevenly over its values).
                and int(sizes.min()) >= 2
                and int(sizes.max()) <= 2 * int(sizes.min())
                # Not numbered again inside another label (wafers 1 to 25 in every lot).
                and not _crossed_by(table, name, features, distinct)
            )
            or (
                # Plates "a" to "x" of an assay, six wells each, the file written plate by plate.
                kind != "number"
                and count >= MIN_GROUPS_FOR_FOLDS
                and bool(CLUSTER_NAME.search(name))
                and _in_blocks(column, count)
            )
        )
        # Numbers rising with the time column are its periods (a chain's block heights beside
        # their timestamps), however they are named.
        if filed and time_column is not None and kind == "number":
            if time_order is None:
                time_order = np.argsort(
                    _order_values(table[time_column]).to_numpy(dtype=float), kind="stable"
                )
            filed = not _rises_with(column, time_order)
        # Up to eight values per class when they may be nested codes, two otherwise: the
        # looser bound first, since whether they may be nested can take a panel's groupby.
        if (
            classes is not None
            and _names_the_classes(column, classes, count, CLASS_CODE_VALUES)
            and (
                _may_be_nested_codes(table, name, time_column)
                or _names_the_classes(column, classes, count, CLASS_NAME_VALUES)
            )
        ):
            continue
        if amounts is not None and _cut_from(column, amounts):
            continue
        # The target ranked within each period (a company's place in a year's revenue
        # table) keys a panel as well as the company does: a leak to screen, not a thing.
        if (
            amounts is not None
            and kind == "number"
            and time_column is not None
            and _ranks_within_periods(column, amounts, table[time_column])
        ):
            continue
        codes = kind != "number" and _looks_like_codes(column)
        # A panel key needs as many (entity, period) pairs as rows: cheap to rule out.
        # A number's rows fill a good share of the grid of its values by periods: a count
        # (a sample size) or a measurement (an age) is unique with a date by chance, and
        # sparse. A label may key a sparse grid (a ground used by one team a few seasons).
        grid = count * distinct[time_column] if time_column is not None else 0
        panel = (
            time_repeats
            and 0.95 * n_rows <= grid
            and _panel_key(table, name, time_column)
            and (kind != "number" or _sparse_panel(table, name, time_column, grid, fill_matters))
        )
        # A panel sampled from a finer clock (a state's births on a day, 6,000 of its
        # 200,000 state-days): moments mostly once each, yet no label shares a moment with
        # itself, where chance would repeat many pairs.
        # Many labels only: six operating theatres never start two surgeries at once, a
        # shared resource and no panel.
        panel = panel or (
            time_column is not None
            and not time_repeats
            and kind != "number"
            and count >= MIN_GROUPS_FOR_FOLDS
            and _panel_key(table, name, time_column)
            and _apart_beyond_chance(table, name, time_column)
        )
        # A panel of cells (a state's gonorrhoea rates by race and sex, year after year):
        # the entity and the period key the rows together with a few small categories.
        # It ranks below a plain panel's key (a pig weighed week by week, beside its litter).
        cell_panel = (
            not (panel or blocks)
            and time_repeats
            and _panel_key_with_cells(table, name, time_column, features, distinct)
        )
        panel = panel or cell_panel or blocks
        # Fewer labels than entities usually number are series only as a plain panel's key,
        # each followed over many periods: a label beside a few cells is one of the cells.
        if count < MIN_ENTITIES and not (
            clustered or (panel and not cell_panel and _followed_long(table, name, time_column))
        ):
            continue
        if not panel and kind != "number":
            panel = any(
                clock != name
                and distinct[clock] <= n_rows / 2
                and count * distinct[clock] >= 0.95 * n_rows
                and _panel_key(table, name, clock)
                for clock in clocks
            )
        # Away from a panel, an entity is many values (a customer base, a fleet), not a
        # dozen codes or bands: those are categories. Unless named as the unit a study
        # observes again and again (twelve tasters of a sensory panel), each with many rows:
        # a taxi company is an attribute of a trip.
        few_things = (
            count < MIN_GROUPS_FOR_FOLDS
            and count >= FEW_THINGS
            and bool(OBSERVED_NAME.search(name))
            and sizes.median() >= FEW_THINGS_ROWS
            # Numbered or coded (taster 3, "S07"), not words; a subject only numbered (a
            # school subject is a topic, coded MA101 as often as written out).
            and (
                observed
                if kind == "number"
                else _looks_like_codes(column) and not name.lower().startswith("subject")
            )
        )
        # Or the cluster of a multilevel design, named as one (twelve schools of 40 pupils
        # each), with the file written one block per value: the unit it is filed by. Not any
        # thing: a device or an account type sorted on is a category of independent rows.
        few_things = few_things or (
            clustered
            # Eight lots of nine wafer sites each: written one block per value, a cluster
            # needs fewer rows than a unit told apart by its name alone.
            and sizes.median() >= FEW_CLUSTER_ROWS
            # A few cells left blank inside a block (three of a site's plots) do not break it.
            and column.isna().mean() <= CLUSTER_BLANK_SHARE
            and _in_blocks(column.dropna(), count)
            # Crossed with things of their own (every patient in every "lab" of a long
            # extract, one row per test): a factor of each thing's rows, not a cluster.
            and not _crossed_by_things(table, name, features, distinct)
        )
        # Or the blocks of a complete block design, whatever the file's order (six blocks of
        # a split-plot trial, each holding every variety at every cutting date, the file
        # written variety by variety): a cluster named as one, numbered or lettered (five
        # tumour sites named as words crossed with the sexes are kinds), every level of a
        # factor of the design inside each block, each the same few times.
        # Not a code of the design's cells (a factorial's run number, one per treatment
        # combination), nor a factor crossed with the units (a lab test drawn for every
        # patient).
        # More than a few times each (a multi-centre trial's centres, ten patients in each
        # arm), when the cluster's own level is a good share of the target's spread: evenly
        # crossed categories need not differ, a design's clusters do.
        few_things = few_things or (
            clustered
            and (kind == "number" or _letters(column))
            and sizes.median() >= FEW_CLUSTER_ROWS
            and (
                _under_every_condition(
                    table, name, features, distinct, replicates=CONDITION_REPLICATES
                )
                or (
                    amounts is not None
                    and _under_every_condition(
                        table,
                        name,
                        features,
                        distinct,
                        replicates=CLUSTER_REPLICATES,
                        plain_repeats=True,
                    )
                    and _share_of_spread(column, amounts) >= UNIT_SPREAD_SHARE
                )
            )
            and not _code_of_cells(table, name, features, distinct)
            and not _crosses_units(table, name, features, distinct)
        )
        # Or experiments numbered 1 to 5, each written in one block, another column numbering
        # each one's runs 1 to 20: the consecutive runs of one experiment share its setting.
        # (An A/B log's variant number, one row per user, has no runs.)
        few_things = few_things or (
            kind == "number"
            and FEW_CLUSTERS <= count < MIN_GROUPS_FOR_FOLDS
            and bool(EXPERIMENT_NAME.search(name))
            and numbered
            and _in_blocks(column, count)
            and _numbered_within(table, name, features, distinct, sizes)
        )
        # Or groups numbered 1 to 17 in the file's order, each with a measurement of its own
        # (a fumigation chamber's control mortality on each of its rows): the unit each
        # block of rows shares, whatever its name.
        few_things = few_things or (
            kind == "number"
            and few
            and sizes.median() >= FEW_CLUSTER_ROWS
            and _sorted_blocks(column, count)
            and _measured_group(table, name, features, distinct)
        )
        # Or subjects numbered 1 to 24, each heard under every level of a condition (four
        # word lists), once: a repeated-measures design, each subject's rows alike. Judges
        # too when each one meets every condition once (nine judges each rate the same eight
        # bottles). Lettered as well, and meeting every combination of two named conditions
        # once (subjects A to J of a memory experiment, each recalling every kind of word).
        # Five rabbits at two numbered doses in two runs, four rows each, are too few to tell
        # a unit from a number reused run after run.
        person = (
            count >= FEW_THINGS
            and bool(OBSERVED_NAME.search(name) or DESIGN_PERSON_NAME.search(name))
            and (numbered if kind == "number" else _letters(column))
        )
        few_things = few_things or (
            person and _under_every_condition(table, name, features, distinct, crossed=True)
        )
        # Or a few times each, with the ten rows a unit observed again needs, when the
        # unit's own level is a good share of the target's spread (judges tasting the same
        # bottles in two sessions, each with a severity of their own). Operators measuring
        # the same parts three times each are a small bias beside what the part sets.
        few_things = few_things or (
            person
            and amounts is not None
            and sizes.median() >= FEW_THINGS_ROWS
            and _under_every_condition(
                table, name, features, distinct, replicates=CONDITION_REPLICATES
            )
            and _share_of_spread(column, amounts) >= UNIT_SPREAD_SHARE
        )
        # Or labels written as a few letters and a serial number (plants "Qn1" to "Mc3", gun
        # teams "T1S"), each under every level of a condition once or a few times each
        # (seven CO2 concentrations; two firing methods, twice each), each inside one level
        # of a factor of the design (the plant's origin and its chilling; the team's
        # physique): the units of a repeated-measures design, whatever the column is called.
        # (A treatment crossed with another once each has no such factor above it.)
        few_things = few_things or (
            kind != "number"
            and count >= FEW_THINGS
            and _serial_codes(column)
            and _under_every_condition(
                table, name, features, distinct, replicates=CONDITION_REPLICATES, plain_repeats=True
            )
            and _nested_in_a_factor(table, name, features, distinct)
        )
        # Or a dozen houses named as such (pollsters, teams, hospitals), each seen again and
        # again across the whole time order, their rows interleaved, in a log of many
        # moments: the same houses poll all through a campaign, each with its own house
        # effect. (Beside a coarse clock, a sales person is a trait of each year's sales.)
        # Weaker evidence than a key: any other candidate (a patient's number beside the
        # hospitals) ranks above.
        recurring = False
        if (
            not (panel or few_things)
            and time_column is not None
            and distinct[time_column] >= HOUSE_MOMENTS
            and FEW_NAMED_THINGS <= count < MIN_GROUPS_FOR_FOLDS
            and HOUSE_NAME.search(name)
            and (kind != "number" or house)
            and sizes.median() >= FEW_THINGS
        ):
            if time_order is None:
                time_order = np.argsort(
                    _order_values(table[time_column]).to_numpy(dtype=float), kind="stable"
                )
            recurring = few_things = _recur_throughout(column, time_order)
        if not panel and count < MIN_GROUPS_FOR_FOLDS and not few_things:
            continue
        # A place (a zip code, a birthplace, a neighbourhood) is where each row's thing is:
        # an attribute of it, shared by different things. It is an entity only as the key
        # of a panel, followed over the periods (a state over the years).
        # Unless it carries a measurement of its own of many values (a county's soil
        # uranium beside each home's radon): the cluster of a multilevel design.
        # Or one measured period by period (a state's unemployment rate in each year).
        place = is_place_name(name)
        measured = place and _measured_place_by_period(table, name, time_column, features, distinct)
        if (
            not (panel or filed or measured)
            and place
            and not _measured_place(table, name, features, distinct)
        ):
            continue
        # An entity carries attributes of its own that repeat on each of its rows (a
        # family's father and mother, a school's education authority, a business's number
        # of locations): a label with such attributes is a thing observed several times.
        attribute = False
        if not (panel or codes or filed or (named and kind != "number")) and attribute_checks:
            attribute_checks -= 1  # a groupby each: a very wide table checks a few labels
            # Traits (a column of a few values) are weaker evidence than an attribute of
            # many values: a job title always in one department is a level of a hierarchy
            # as easily as a thing seen several times. Alone, a trait only names a possible
            # entity (``possible``), for the user to judge; it sets no grouping.
            traits = kind != "number" and count >= TRAIT_MIN_VALUES
            other = _attribute_of(
                table,
                name,
                features,
                distinct,
                traits=traits,
                # A measurement: no key's name, no key's values (a census tract's eleven
                # digits hold its county's as a prefix, a coarser key in the same order).
                measurement=kind == "number"
                and not (named or THING_NAME.search(name))
                and not _key_like_numbers(column, count),
            )
            if other is None:
                # Rows written out thing by thing (respondent 1's ten ratings, then
                # respondent 2's): the traits of its blocks are the things' own. Or rows
                # numbered within each value (a household's purchases 1, 2, 3 ...).
                attribute = (
                    kind == "number" and _written_thing_by_thing(table, name, features, distinct)
                ) or _numbered_within(table, name, features, distinct, sizes)
            elif distinct[other] < _many_values(count):
                if possible is not None:
                    possible.append((name, other))
            else:
                attribute = True
        if kind == "number" and not (
            panel or named or attribute or few_things or filed or measured
        ):
            continue
        # A coarser clock is a period of the time column, not a thing: the year of a monthly
        # series, its months numbered 1 to 12 inside each year. Named as a period: lots or
        # subjects numbered in the order they were made or enrolled rise with the dates too,
        # and a war's code with its start date.
        if (
            kind == "number"
            and attribute
            and not (panel or named)
            and time_column is not None
            and count <= distinct[time_column] / 2
            and bool(YEAR_NAME.search(name) or TIME_NAME.search(name))
        ):
            if time_order is None:
                time_order = np.argsort(
                    _order_values(table[time_column]).to_numpy(dtype=float), kind="stable"
                )
            if _rises_with(column, time_order):
                continue
        if kind == "category" and not (
            named or panel or codes or attribute or few_things or filed or measured
        ):
            if time_column is None:
                continue
            if time_order is None:
                time_order = np.argsort(
                    _order_values(table[time_column]).to_numpy(dtype=float), kind="stable"
                )
            if not _lives_a_while(column, time_order):
                continue
        # A measurement can be unique per period by chance (a median price): a key that is a
        # name or a code ranks above a number. Between two keys of a panel, the entity is the
        # one followed over more periods (a team over its seasons), not a label that changes
        # with its circumstances (the ground it plays in): fewer values for the same rows.
        plain_panel = panel and not cell_panel
        candidates.append(
            (
                not recurring,
                # The unit a study observes (subject 1 to 6) ranks above a factor of its
                # design crossed with it (the meal each subject ate at six times of day).
                named or kind == "identifier" or bool(OBSERVED_NAME.search(name)),
                plain_panel,
                # Values that mostly repeat rank above a key whose values mostly come once
                # (a user's many ratings above the films rated once).
                bool(sizes.median() >= 2),
                kind != "number",
                codes,
                # Between two keys of a panel written entity by entity, the one the file is
                # written by (a tree's six heights together) ranks above a label keying the
                # same rows across its blocks (the tree's rank at each age).
                blocks,
                -count if plain_panel else count,
                name,
            )
        )
    if not candidates:
        return None
    best = max(candidates)[-1]
    merged = _merged_names(table, best, features, types, distinct)
    if merged is not None:
        return merged
    inside = _number_inside(table, best, features, types, distinct, time_column)
    if inside is not None:
        return inside
    if best in sparse_keys:
        # A key that repeats on a few rows (a visit with its lab rows) inside a coarser
        # entity (the patient of the visit): the coarser one keeps all of a thing's rows
        # together.
        for *_, other in sorted(candidates, reverse=True):
            if other != best and _nests_in(table, best, other):
                return other
    return _observed_unit_above(table, best, features, distinct) or best


def _observed_unit_above(
    table: pd.DataFrame, best: str, features: list[str], distinct: dict[str, int]
) -> str | None:
    """The unit a study observes (a rabbit, a subject) that holds several values of ``best``
    each, when ``best`` is not itself named as one: a rabbit's two runs (one under each
    treatment), a subject's sessions. Split by the run, one rabbit sits on both sides; by
    the rabbit, never. None when no such column.

    The unit's values are codes, letters or numbers in a row (R1 to R5, A to L, 1 to 12),
    each holding a few values of ``best`` (up to ``RUNS_OF_A_UNIT``): an "animal" column of
    species words (dog, cat), each holding dozens of pets, is a kind of the pets."""
    if OBSERVED_NAME.search(best) or DESIGN_PERSON_NAME.search(best) or THING_NAME.search(best):
        return None
    for other in features:
        count = distinct.get(other, 0)
        if (
            other == best
            or not OBSERVED_NAME.search(other)
            or not FEW_THINGS <= count < distinct[best]
            or table[other].isna().any()
        ):
            continue
        column = table[other]
        if pd.api.types.is_numeric_dtype(column):
            if not _numbered_in_a_row(column, count):
                continue
        elif not (_serial_codes(column) or _letters(column)):
            continue
        runs = table.groupby(other, sort=False)[best].nunique()
        if 2 <= runs.median() <= RUNS_OF_A_UNIT and _nests_in(table, best, other):
            return other
    return None


RUNS_OF_A_UNIT = 12
"""Runs or sessions an observed unit holds at most (median) to be their unit: a subject seen
in a dozen sessions, not a kind holding dozens of things."""


def _merged_names(
    table: pd.DataFrame, best: str, features: list[str], types: dict, distinct: dict[str, int]
) -> str | None:
    """The places or things that ``best`` codes, when a few of them hold two codes: a survey's
    country codes (100) beside the countries (97, Germany's East and West one country).
    Grouped by the codes, one country's rows could sit on both sides of a split; by the
    names, never. None when no such column."""
    # A unit named as one (a subject, a patient) is no code of a place: its home state, a
    # few shared, is an attribute of it.
    if THING_NAME.search(best) or OBSERVED_NAME.search(best) or ID_NAME.search(best):
        return None
    count = distinct[best]
    for other in features:
        if (
            other == best
            or types.get(other) != "category"
            or not (is_place_name(other) or THING_NAME.search(other))
            or not (1 - MERGED_SHARE) * count <= distinct.get(other, 0) < count
            # Codes with no name fall into one blank group: a few rows (two small countries
            # unnamed among 97) only make it coarser; more would join many things as one.
            or float(table[other].isna().mean()) > MERGED_BLANK_ROWS
        ):
            continue
        within = table.groupby(best, sort=False)[other].nunique(dropna=False)
        if bool((within == 1).all()):
            return other
    return None


MERGED_SHARE = 0.1
"""At most this share of an entity's codes merge into names another code already has ..."""
MERGED_BLANK_ROWS = 0.02
"""... and at most this share of the rows have no name."""


FEW_SERIES = 4
"""Labels of a panel are its entities from this many (four cities, each day by day) ..."""
SERIES_PERIODS = 10
"""... when each is followed over at least this many periods (median)."""


INSIDE_FALLING = 0.5
"""Rank correlation, below minus this, of a number's values with their rows: it counts inside
something ..."""
INSIDE_FEWER = 10
"""... the key it counts inside having at least this many times its values."""


def _number_inside(
    table: pd.DataFrame,
    name: str,
    features: list[str],
    types: dict,
    distinct: dict[str, int],
    time_column: str | None,
) -> str | None:
    """The key that a number named as a key counts inside (a person's number within the
    1968 family, beside the family's interview number): another key named as one, with more
    values, that keys the rows together with ``name`` and repeats on ``KEY_REPEATS`` of the
    rows. The person's number recurs in every family; the family is the thing."""
    if types.get(name) != "number" or not NUMBER_KEY_NAME.search(name):
        return None
    # Counting inside: the higher the number, the fewer the rows (every family has a second
    # person, few a seventh), where a user's number says nothing of how much the user rates.
    sizes = table[name].value_counts()
    if sizes.nunique() < 2:
        return None  # as many rows for every number: nothing falls
    values = sizes.index.to_series().rank().to_numpy(dtype=float)
    if np.corrcoef(values, sizes.rank().to_numpy(dtype=float))[0, 1] > -INSIDE_FALLING:
        return None
    n_rows = len(table)
    for other in features:
        if (
            other not in (name, time_column)
            and types.get(other) == "number"
            and NUMBER_KEY_NAME.search(other)
            # A person's number takes as many values as the largest family needs, far fewer
            # than the families; a user's number beside a long tail of products does not.
            and INSIDE_FEWER * distinct[name] <= distinct[other] <= (1 - KEY_REPEATS) * n_rows
            and is_integer_valued(table[other])
            and not table.duplicated([other, name]).any()
        ):
            return other
    return None


def _rises_with(column: pd.Series, time_order: np.ndarray) -> bool:
    """Whether a number never goes down over the rows in time order (``time_order``), and
    changes at least once: a coarser clock."""
    steps = np.diff(column.to_numpy(dtype=float, na_value=np.nan)[time_order])
    steps = steps[~np.isnan(steps)]
    return bool(steps.size and (steps >= 0).all() and (steps > 0).any())


def _series_of_a_panel(table: pd.DataFrame, name: str, time_column: str | None, count: int) -> bool:
    """Whether a label keys the rows with a time column of repeated moments (one row per
    value and period), each value followed over ``SERIES_PERIODS`` periods or more."""
    if time_column is None:
        return False
    periods = table[time_column].nunique()
    return (
        periods <= len(table) / 2
        and count * periods >= 0.95 * len(table)
        and _panel_key(table, name, time_column)
        and _followed_long(table, name, time_column)
    )


def _followed_long(table: pd.DataFrame, name: str, time_column: str | None) -> bool:
    """Whether each value of a label is seen over ``SERIES_PERIODS`` periods or more."""
    if time_column is None:
        return False
    periods = table.groupby(name, sort=False)[time_column].nunique()
    return bool(periods.median() >= SERIES_PERIODS)


OBSERVED_NAME = re.compile(
    r"^(subj(ect)?|participant|respondent|patient|person|individual|rater|taster|panelist"
    r"|assessor|animal|rabbit|rat|mouse|pig|dog|cow|sheep|horse|mare|monkey|calf|chick|hen"
    r"|goat|lamb|tree)([_ .-]?(id|no|nr|number|code))?$",
    re.IGNORECASE,
)
"""Names of the units a study observes again and again: each one's rows answer alike. The
word starts the name (a sales person is an attribute of a sale) and is singular (``persons``
and ``animals`` are counts); a court's judge is an attribute of a case. An animal or a tree
named by its kind (``Rabbit`` 1 to 5, ``Cow``, ``tree``) is one individual of a study that
measures it again and again."""
EXPERIMENT_NAME = re.compile(r"^(experiment|expt)([_ .-]?(id|no|nr|number))?$", re.IGNORECASE)
"""An experiment of a series, numbered: a cluster when another column numbers its runs."""
DESIGN_PERSON_NAME = re.compile(
    r"^(judge|worker|operator|examiner|inspector|reader|observer|analyst|technician)"
    r"([_ .-]?(id|no|nr|number|code))?$",
    re.IGNORECASE,
)
"""Names of people who do a design's work again and again (judge, rate, operate, inspect):
the unit a study observes only when each meets every condition of the design. A court's
judge hears other cases than the next judge: an attribute of a case."""
CLUSTER_NAME = re.compile(
    r"^(school|hospital|clinic|classroom|herd|farm|litter|family|household|practice|site"
    r"|lab|laboratory|centre|center|block|plot|lot|batch|pair|wafer|run|plate)"
    r"([_ .-]?(id|no|nr|number|code|name))?$",
    re.IGNORECASE,
)
"""Names of the clusters of a multilevel design: the units sampled first, whose rows (pupils,
patients, animals, a field trial's plots in a block, a multi-centre trial's or an
interlaboratory study's analyses, a lot's wafers, an assay run's or plate's wells) answer
alike. Singular: ``schools`` is a count."""
CLUSTER_BLANK_SHARE = 0.05
"""Share of blank cells a cluster's column may hold and still be read as written one block per
value, its blanks left out."""
FEW_CLUSTERS = 4
"""Clusters named as one (the blocks of a field trial, the lots of an assay) are an entity from
this many."""
FEW_CLUSTER_ROWS = 4
"""... with a median of this many rows each, the file written one block per value."""
FEW_THINGS = 5
"""Units named as observed again and again (twelve tasters of a sensory panel) are an
entity from this many ..."""
FEW_THINGS_ROWS = 10
"""... with a median of this many rows each."""
UNIT_SPREAD_SHARE = 0.1
"""Share of a numeric target's variance that a unit's own level explains, at least, for a
design's people who meet each condition more than once, or its clusters that hold each
condition more than a few times, to be the entity."""
FEW_NAMED_THINGS = 8
"""Houses named as such (pollsters, teams) are an entity from this many, when each recurs
throughout the time order ..."""
HOUSE_MOMENTS = 30
"""... of a log of at least this many moments."""
HOUSE_NAME = re.compile(
    r"(^|[^a-z])(pollster|polling[_ ]?house|house|team|club|hospital|clinic|store|shop|school"
    r"|firm|company)s?([_ .-]?(id|name|code|no|nr|number))?$",
    re.IGNORECASE,
)
"""A house that recurs in a log. Not a device or a vehicle (those name models as often), a
lab (a test's name in a patient's extract) or a carrier (an attribute of each flight)."""


CLASS_NAME_PURITY = 0.9
"""Share of a label's rows, on average over its values, in the value's own main class ..."""
CLASS_NAME_VALUES = 2
"""... for a label with at most this many values per class: a name of the outcome ..."""
CLASS_CODE_VALUES = 8
"""... or at most this many, when the values may be codes nested in the classes (see
``_may_be_nested_codes``)."""


def _may_be_nested_codes(table: pd.DataFrame, name: str, time_column: str | None) -> bool:
    """Whether a label's values may be finer codes nested in a class target's classes (a
    health fund's number under "private cover"), several per class: not when it is named as
    things (21 subjects of a gait study, seven per diagnosis) or keys a panel with the time
    column (a state followed year by year is the entity its region is an attribute of)."""
    return not (
        THING_NAME.search(name)
        or OBSERVED_NAME.search(name)
        or (time_column is not None and _panel_key(table, name, time_column))
    )


def _names_the_classes(
    column: pd.Series, classes: pd.Series, count: int, per_class: int = CLASS_NAME_VALUES
) -> bool:
    """Whether a label names the target's classes: at most ``per_class`` values per class,
    each value's rows (almost) all of one class."""
    n_classes = int(classes.nunique())
    if n_classes < 3 or count > per_class * n_classes:
        return False
    pairs = pd.DataFrame({"value": column.to_numpy(), "class": classes.to_numpy()}).dropna()
    counts = pairs.groupby(["value", "class"], sort=False).size()
    main = counts.groupby(level=0).max().sum()
    return bool(main >= CLASS_NAME_PURITY * len(pairs))


CUT_OVERLAPS = 0.05
"""Share of a label's values whose middle half of the target overlaps the next one's, up to
which the label is the target cut into bands ..."""
CUT_SPREAD = 0.5
"""... when at least this share of its values hold a range, not one amount (an entity whose
outcome is its own attribute repeats one amount on each of its rows) ..."""
CUT_GAP = 2.0
"""... and the bands sit side by side: the typical gap between neighbours' middle halves at
most this many times their width. Eight patients whose weights sit far apart (55 to 110 kg,
each within a kilo) do not overlap either, but leave wide gaps between them."""


def _cut_from(column: pd.Series, amounts: pd.Series) -> bool:
    """Whether a label is a numeric target cut into bands: each value's rows hold a range of
    the target of their own, the ranges side by side, tiling the target. An entity's outcomes
    overlap another's (a customer's spend varies from visit to visit), or sit apart with gaps.
    The middle half of each value's rows is read, so a few rows filed in the wrong band do not
    hide the cut."""
    pairs = pd.DataFrame({"value": column.to_numpy(), "amount": amounts.to_numpy()}).dropna()
    grouped = pairs.groupby("value", sort=False)["amount"]
    bands = pd.DataFrame(
        {"low": grouped.quantile(0.25), "middle": grouped.median(), "high": grouped.quantile(0.75)}
    )
    if len(bands) < MIN_ENTITIES or float((bands["high"] > bands["low"]).mean()) < CUT_SPREAD:
        return False
    bands = bands.sort_values(["middle", "low"])
    low, high = bands["low"].to_numpy(), bands["high"].to_numpy()
    overlaps = low[1:] < np.maximum.accumulate(high)[:-1]
    gaps = np.maximum(low[1:] - high[:-1], 0)
    widths = (high[1:] - low[1:] + high[:-1] - low[:-1]) / 2
    side_by_side = float(np.median(gaps / np.maximum(widths, 1e-12))) <= CUT_GAP
    return bool(overlaps.mean() <= CUT_OVERLAPS and side_by_side)


def _numbered_in_a_row(column: pd.Series, count: int) -> bool:
    """Whether a number's values run without a gap from 1 or more (rabbits 1 to 5, sites 1
    to 8, subjects 101 to 112): units numbered in a study, not a count (0 to 15, with gaps)."""
    values = column.dropna()
    return bool(
        len(values)
        and is_integer_valued(values)
        and values.min() >= 1
        and values.max() - values.min() + 1 == count
    )


def _sorted_blocks(column: pd.Series, count: int) -> bool:
    """Whether a number's rows come in one block per value, in increasing order."""
    values = column.dropna()
    steps = np.diff(values.to_numpy(dtype=float))
    return bool(len(values) and (steps >= 0).all() and int((steps > 0).sum()) + 1 == count)


def _nests_in(table: pd.DataFrame, fine: str, coarse: str) -> bool:
    """Whether each value of ``fine`` sits within one value of ``coarse`` (95 % of them)."""
    values = table.groupby(fine, sort=False)[coarse].nunique(dropna=True)
    return bool((values <= 1).mean() >= 0.95)


KEY_REPEATS = 0.1
"""Share of rows that repeat an earlier value of a key named as one, from which the key is
an entity although most of its values hold one row (patients with several intervals among
many with one; the occupants of a vehicle): a key that repeats by accident (a few
duplicated rows) stays an identifier."""


def _repeated_key(column: pd.Series, kind: str | None, count: int) -> bool:
    """Whether a column of many values is a key named as one ("id", "case_key") whose
    values repeat on at least ``KEY_REPEATS`` of the rows that hold one.

    Empty rows repeat nothing: a release number held by each senator who voted for, and
    empty for every one who voted against, is one value a row, no customer base."""
    name = str(column.name)
    named = PLAIN_KEY_NAME if kind == "number" else ID_NAME
    # A code that mostly comes once is a fine category (an occupation code, a diagnosis
    # code), whose common values recur in production: no customer base.
    coded = re.search(r"code", name, re.IGNORECASE) and not PLAIN_KEY_NAME.search(name)
    if not named.search(name) or coded:
        return False
    return count <= (1 - KEY_REPEATS) * int(column.notna().sum())


# "num_accounts" is a count; a key word glued after a noun ("provnum", "acctnum") names the
# number of one thing (not "platinum").
# Surveys glue "id" to a short name of the thing and a wave or grade after it (``schidkn``,
# the school in kindergarten; ``hhid2``, ``patid_w1``): a key too. Only a wave or grade
# code may follow, never a word (``emp_idle``, ``hh_ids``).
_GLUED_THING_KEY = (
    r"|(^|[^a-z])(sch|schl|school|hosp|hh|fam|cust|pat|stud|emp|tch|tchr|clin)"
    r"_?id(_?w?\d{1,2}|kn?|\d[a-z])?$"
)
NUMBER_KEY_NAME = re.compile(
    r"(^|[^a-z])(id|key)([^a-z]|$)|"
    + NOT_GLUED_KEY
    + r"(id|key)$|[a-z]{3}(?<!i)num$"
    + _GLUED_THING_KEY,
    re.IGNORECASE,
)
PLAIN_KEY_NAME = re.compile(
    r"(^|[^a-z])(id|key)([^a-z]|$)|" + NOT_GLUED_KEY + r"(id|key)$" + _GLUED_THING_KEY,
    re.IGNORECASE,
)
KEY_MIN_VALUE = 1000
"""Numbers this large are key-like (a provider's five digits), not a count (rooms)."""


def _ends_in_key_word(name: str) -> bool:
    """Whether a name's last word is "id" or "key" (``class_id``, ``classId``), not a word
    ending in them (``humid``, ``price_paid``)."""
    words = re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower())
    return bool(words) and words[-1] in ("id", "key")


def _key_like_numbers(column: pd.Series, count: int) -> bool:
    """Whether a number's values look like keys: some reach ``KEY_MIN_VALUE``, or they
    leave gaps (fewer than half the integers of their range), not a small dense range."""
    values = column.dropna()
    if values.empty or _geometric_ladder(values):
        return False
    low, high = float(values.min()), float(values.max())
    return bool(high >= KEY_MIN_VALUE or count < 0.5 * (high - low + 1))


def _geometric_ladder(values: pd.Series) -> bool:
    """Whether three or more distinct positive values each stand a fixed multiple above the
    last (batch sizes 16 to 256, doses 1 to 8, dilutions 1:10 to 1:1000): the levels of a
    setting, whose gaps are no keys'."""
    levels = np.sort(values.unique().astype(float))
    if len(levels) < 3 or levels[0] <= 0:
        return False
    steps = levels[1:] / levels[:-1]
    return bool(np.allclose(steps, steps[0], rtol=0.01) and steps[0] > 1.2)


PLACE_WORDS = frozenset(
    [
        "zip",
        "zipcode",
        "postcode",
        "postal",
        "fips",
        "county",
        "city",
        "town",
        "village",
        "neighborhood",
        "neighbourhood",
        "district",
        "borough",
        "region",
        "province",
        "country",
        "state",
        "precinct",
        "commune",
        "municipality",
        "parish",
        "canton",
        "prefecture",
        "township",
    ]
)


def is_place_name(name: str) -> bool:
    """A column named for where a row's thing is: a word of the name is a place word
    (``zip``, ``home_state``, ``CountyName``), or ends in one (``birthplace``, ``hometown``).
    Whole words only: ``estate_value``, ``statement_id`` and ``replacement`` are no places.
    Not ``address``, ``location`` or ``place``: those name a thing's own spot (a house at
    its address), which is the thing itself when its rows repeat."""
    words = re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower())
    return any(
        word in PLACE_WORDS
        or word.removesuffix("s") in PLACE_WORDS
        or (word.endswith(("place", "town")) and word != "place")
        or word.startswith("zip")
        for word in words
    ) or bool(re.search(r"post_?code", name, re.IGNORECASE))


MAX_ATTRIBUTE_COLUMNS = 50
MAX_ATTRIBUTE_CHECKS = 8
ATTRIBUTE_VALUES = 300
ATTRIBUTE_CONSTANT_SHARE = 0.98
REEXPRESSION_VALUES = 0.5
TRAIT_CHANCE = 0.3
TRAIT_MIN_VALUES = 50


def _attributes_of(
    table: pd.DataFrame,
    name: str,
    features: list[str],
    distinct: dict[str, int],
    *,
    traits: bool = False,
    measurement: bool = False,
) -> list[str]:
    """Another column that holds a single value within each repeated value of ``name`` (on
    ``ATTRIBUTE_CONSTANT_SHARE`` of them) while taking many values across them: an attribute
    of the thing ``name`` labels; every such column, in that order (empty if there is none).

    A plain re-expression of a number (a birth year beside an age) does not count: a number
    with as many values as ``name`` must not follow its order. A coarser grouping (the
    authority of a school) does.

    ``measurement``: ``name`` is a number named as neither a key nor a thing (minutes of
    sleep): a coarser number in its order is a rounding of it (the same sleep in tenths of
    hours), no attribute.

    ``traits``: a column of a few values counts too (a batter's hand, a pollster's grade),
    when chance alone would rarely keep it constant within the values of ``name`` (an
    expected share of at most ``TRAIT_CHANCE`` of them, from its frequencies). Columns of
    many values are tried first: a trait is returned only when no such attribute is found
    (weaker evidence: a job title's department is a hierarchy, not a thing's trait)."""
    column = table[name]
    repeated = column.duplicated(keep=False) & column.notna()
    if repeated.sum() < 2:
        return []
    rows = table.loc[repeated]
    keys = pd.factorize(rows[name])[0]
    # A few hundred of its values settle it (and bound the cost on a long table).
    first = keys < ATTRIBUTE_VALUES
    rows, keys = rows.loc[first], keys[first]
    many = _many_values(distinct[name])
    others = [c for c in features if c != name and many <= distinct[c] <= distinct[name]][
        :MAX_ATTRIBUTE_COLUMNS
    ]
    few = (
        [c for c in features if c != name and 2 <= distinct[c] < many][:MAX_ATTRIBUTE_COLUMNS]
        if traits
        else []
    )
    others += few
    if not others:
        return []
    # One value per key: the smallest and largest code agree inside every key's rows
    # (factorized codes, missing as a value of its own; sorted once, reduced per key).
    order = np.argsort(keys, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(keys[order]) != 0])
    codes = np.column_stack([pd.factorize(rows[c])[0] for c in others])[order]
    single = np.minimum.reduceat(codes, starts, axis=0) == np.maximum.reduceat(
        codes, starts, axis=0
    )
    constant = pd.Series(single.mean(axis=0), index=others)
    if few:
        # The share of values of ``name`` that chance alone keeps constant: the sum over a
        # trait's values of their share to the power of the key's number of rows.
        sizes = np.diff(np.r_[starts, len(keys)])
        for position, other in enumerate(others):
            if other not in few or constant[other] < ATTRIBUTE_CONSTANT_SHARE:
                continue
            shares = pd.Series(codes[:, position]).value_counts(normalize=True).to_numpy()
            chance = float(np.mean((shares[None, :] ** sizes[:, None]).sum(axis=1)))
            if chance > TRAIT_CHANCE:
                constant[other] = 0.0
    numeric_name = pd.api.types.is_numeric_dtype(column)
    found = []
    for other in constant.index[constant >= ATTRIBUTE_CONSTANT_SHARE]:
        # A function of the number (a diameter beside an area, rounded so that some areas
        # share one) has nearly as many values, in its order: no attribute.
        one_to_one = distinct[other] >= REEXPRESSION_VALUES * distinct[name]
        if (
            (one_to_one or measurement)
            and numeric_name
            and pd.api.types.is_numeric_dtype(rows[other])
        ):
            firsts = rows[[name, other]].groupby(keys, sort=False).first()
            order = firsts[name].rank().corr(firsts[other].rank())
            if order is not None and abs(order) >= 0.99:
                continue
        found.append(str(other))
    return found


ORIGIN_NAME = re.compile(r"birth|origin|native", re.IGNORECASE)


def _measured_place(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a place carries a measurement of its own, one value per place (a county's
    soil uranium), with many places (``MIN_GROUPS_FOR_FOLDS``). Fractional numbers only: a
    place's code (a FIPS number beside the county's name) is another name of it. Not where a
    person comes from (a birthplace beside its state's cigarette prices): a trait of theirs."""
    if distinct[name] < MIN_GROUPS_FOR_FOLDS or ORIGIN_NAME.search(name):
        return False
    return any(
        pd.api.types.is_numeric_dtype(table[other]) and not is_integer_valued(table[other])
        for other in _attributes_of(table, name, features, distinct)
    )


def _measured_place_by_period(
    table: pd.DataFrame,
    name: str,
    time_column: str | None,
    features: list[str],
    distinct: dict[str, int],
) -> bool:
    """Whether a place carries a measurement of its own for each period (a state's
    unemployment rate in the year of each worker's layoff, its median income in dollars): a
    number of more values than places, one value within each (place, period) cell of
    several rows, different between the places of a period (not a national figure of the
    year). The places of a multilevel design, each measured year by year."""
    if (
        time_column is None
        or distinct[name] < MIN_GROUPS_FOR_FOLDS
        or ORIGIN_NAME.search(name)
        or distinct[time_column] > len(table) / FEW_THINGS
    ):
        return False
    cells = table.groupby([name, time_column], sort=False, observed=True)
    if cells.size().median() < 2:
        return False
    for other in features:
        if (
            other in (name, time_column)
            or distinct[other] <= distinct[name]
            or not is_plain_number(table[other])
        ):
            continue
        within_cells = cells[other].nunique()
        within_periods = table.groupby(time_column, sort=False, observed=True)[other].nunique()
        if (within_cells <= 1).mean() >= ATTRIBUTE_CONSTANT_SHARE and within_periods.median() >= (
            MIN_GROUPS_FOR_FOLDS / 2
        ):
            return True
    return False


ATTRIBUTE_FLOOR = 8
"""An attribute of a few dozen things has many values from a third of their number, at least
this many (27 litters, each with its litter size of 13 values) ..."""


def _many_values(things: int) -> int:
    """... and from ``MIN_GROUPS_FOR_FOLDS`` values for more things."""
    return min(MIN_GROUPS_FOR_FOLDS, max(ATTRIBUTE_FLOOR, -(-things // 3)))


def _measured_group(
    table: pd.DataFrame, name: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a number carries a measurement of its own: another number, constant within
    each of its values and different between them (as many values as the groups)."""
    count = distinct[name]
    return any(
        distinct.get(c) == count and is_plain_number(table[c]) and not is_integer_valued(table[c])
        for c in _attributes_of(table, name, features, distinct)
    )


def _attribute_of(
    table: pd.DataFrame,
    name: str,
    features: list[str],
    distinct: dict[str, int],
    *,
    traits: bool = False,
    measurement: bool = False,
) -> str | None:
    """The first of ``_attributes_of``: an attribute of many values before a trait."""
    found = _attributes_of(table, name, features, distinct, traits=traits, measurement=measurement)
    return found[0] if found else None


LIFETIME_SPAN = 0.02
"""A thing with a lifetime: its rows span at most this share of the rows in time order ..."""
LIFETIME_OVERLAP = 0.1
"""... and other values' rows make up at least this share of that span (things coexist)."""


def _spans(column: pd.Series, time_order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each value's span in the time order (rows from its first to its last, inclusive) and
    its number of rows (empty arrays for an empty column)."""
    codes = pd.factorize(column.to_numpy()[time_order])[0]
    present = codes >= 0
    positions = np.arange(len(codes))[present]
    codes = codes[present]
    if not codes.size:
        return np.empty(0, dtype=int), np.empty(0, dtype=int)
    n_values = int(codes.max()) + 1
    first = np.full(n_values, len(time_order))
    last = np.full(n_values, -1)
    np.minimum.at(first, codes, positions)
    np.maximum.at(last, codes, positions)
    return last - first + 1, np.bincount(codes, minlength=n_values)


def _recur_throughout(column: pd.Series, time_order: np.ndarray) -> bool:
    """Whether most of a label's values are seen again and again over the whole time order:
    each value's rows spread over at least ``THROUGHOUT_SPAN`` of it (a pollster's polls all
    through a campaign), not a short stretch (a storm) nor a block (a season)."""
    span, _ = _spans(column, time_order)
    return bool(span.size and np.median(span / len(time_order)) >= THROUGHOUT_SPAN)


THROUGHOUT_SPAN = 0.5


def _lives_a_while(column: pd.Series, time_order: np.ndarray) -> bool:
    """Whether a label's values are things that live a while and coexist: each value's rows
    sit in a short stretch of the time order (a storm's track, a trip, a hospital stay), and
    other values' rows fall inside that stretch (two storms at once).

    Repeated observations of one thing over its lifetime: an entity even without an id-like
    name. A label spread over the whole time range is an attribute (a country, a product);
    one whose stretches never overlap is a period (a month's name), not a thing."""
    span, counts = _spans(column, time_order)
    repeated = counts >= 2
    if not repeated.any():
        return False
    span = span[repeated]
    others = 1 - counts[repeated] / span
    return bool(
        np.median(span) <= LIFETIME_SPAN * len(time_order) and np.median(others) >= LIFETIME_OVERLAP
    )


def _panel_key(table: pd.DataFrame, name: str, time_column: str) -> bool:
    """Whether a column and the time column identify rows (one row per entity and period),
    with entities seen in several periods."""
    # From factorized codes, one integer per pair, not a frame of pairs hashed and grouped:
    # this runs for every entity candidate against every clock.
    codes: dict = {}
    combined, filled, _ = _combined_codes(table, (name, time_column), codes)
    n_pairs = int(filled.sum())
    if n_pairs == 0 or n_pairs < 0.9 * len(table):
        return False
    pairs, _ = _sorted_distinct(combined[filled])
    unique_share = 1 - (n_pairs - len(pairs)) / n_pairs
    # Each pair's entity is its code over the number of the clock's codes.
    periods = np.bincount(pairs // codes[(time_column,)][2])
    return bool(unique_share >= 0.95 and np.median(periods[periods > 0]) >= 2)


CELL_VALUES = 6
"""A cell of a panel is a category of at most this many values (a sex, a race, an age band) ..."""
MAX_CELL_COLUMNS = 8
"""... among the first this many such columns, at most two at a time."""


def _panel_key_with_cells(
    table: pd.DataFrame, name: str, time_column: str, features: list[str], distinct: dict[str, int]
) -> bool:
    """Whether a column, the time column and one or two small categories identify rows and
    fill most of their grid: a panel of entities and periods, each period written in a few
    cells."""
    n_rows = len(table)
    periods = distinct[time_column]
    if distinct[name] * periods >= 0.95 * n_rows:
        return False  # a plain panel key, judged by the caller
    cells = [
        c for c in features if c not in (name, time_column) and 2 <= distinct[c] <= CELL_VALUES
    ][:MAX_CELL_COLUMNS]
    pairs = [(c,) for c in cells] + [(a, b) for i, a in enumerate(cells) for b in cells[i + 1 :]]
    codes: dict = {}
    for extra in pairs:
        grid = distinct[name] * periods * int(np.prod([distinct[c] for c in extra]))
        if not 0.95 * n_rows <= grid <= n_rows / PANEL_FILL:
            continue
        if _keys_rows(table, [name, time_column, *extra], codes, n_rows):
            keys = table[[name, time_column, *extra]].dropna()
            return bool(keys.groupby(name, sort=False)[time_column].nunique().median() >= 2)
    return False


def _sorted_distinct(codes: np.ndarray) -> tuple[np.ndarray, bool]:
    """The distinct integers of ``codes`` in order, and whether any repeats: one sort, about
    twenty times quicker than ``np.unique`` on 10,000 integers with this NumPy."""
    ordered = np.sort(codes)
    new = np.r_[True, ordered[1:] != ordered[:-1]]
    return ordered[new], not bool(new.all())


def _keys_rows(table: pd.DataFrame, columns: list[str], codes: dict, n_rows: int) -> bool:
    """Whether ``columns`` together tell apart all their filled rows, which are at least nine
    in ten of the table's: one code per combination of values, from the columns' factorized
    codes, instead of hashing rows of values. ``codes`` keeps the codes of each column and of
    each leading combination, for the next combination tried."""
    combined, filled, _ = _combined_codes(table, tuple(columns), codes)
    kept = combined[filled]
    if len(kept) < 0.9 * n_rows:
        return False
    return not _sorted_distinct(kept)[1]


def _combined_codes(
    table: pd.DataFrame, columns: tuple[str, ...], codes: dict
) -> tuple[np.ndarray, np.ndarray, int]:
    """One integer per row for its values of ``columns`` (missing values coded too), whether
    all of them are filled, and the number of possible integers."""
    if columns in codes:
        return codes[columns]
    if len(columns) == 1:
        values = pd.factorize(table[columns[0]])[0]
        width = int(values.max(initial=-1)) + 2
        found = (values.astype(np.int64) + 1, values >= 0, width)
    else:
        head, head_filled, head_width = _combined_codes(table, columns[:-1], codes)
        last, last_filled, last_width = _combined_codes(table, columns[-1:], codes)
        found = (head * last_width + last, head_filled & last_filled, head_width * last_width)
    codes[columns] = found
    return found


CLOCK_TIME = r"([01]?\d|2[0-3])[:.h][0-5]\d([:.][0-5]\d)?"
"""A time of day ("13:30", "9.05", "10:20:15"): a moment of the day, not a code."""


def _times_of_day(column: pd.Series) -> bool:
    """Text values that are mostly times of day ("13:30"): moments, not labels of things."""
    sample = column.dropna().iloc[:2000].astype(str)
    return bool(len(sample) and text_match.fullmatch(sample, CLOCK_TIME, strip=True).mean() >= 0.5)


SLASHED_SIZE = r"(\d{1,3})(\.\d+)?/\d{1,3}(\.\d+)?( ?[A-Z]{1,2} ?\d{2})?"
"""Two numbers with a slash ("195/60", "195/65R15" for a tyre, "130/80" for a blood
pressure) ..."""
SIZE_FIRST_SHARE = 0.5
"""... a size when its first numbers take at most this share of its values (a dozen tyre
widths in thirty sizes); case numbers "412/19" have a first number of their own."""
CROSSED_SIZE = r"\d+(\.\d+)?( ?[xX×] ?\d+(\.\d+)?)+"
"""Numbers joined by an "x" ("1920x1080" for a screen, "60x40x25" for a box): a size."""


def _written_as_sizes(sample: pd.Series) -> bool:
    """Whether text values are mostly sizes: numbers joined by an "x", or two numbers with a
    slash whose first numbers repeat across the values (widths of tyres)."""
    text = sample.str.strip()
    if text_match.fullmatch(text, CROSSED_SIZE).mean() >= 0.8:
        return True
    sizes = text[text_match.fullmatch(text, SLASHED_SIZE)]
    if len(sizes) < 0.8 * len(text):
        return False
    firsts = text_match.extract(sizes, f"^{SLASHED_SIZE}$")[0]
    return firsts.nunique() <= SIZE_FIRST_SHARE * sizes.nunique()


def _looks_like_codes(column: pd.Series) -> bool:
    """Text values that look like codes: digits in almost every value, no spaces, four or
    more characters. Not times of day (most values "13:30"): those number no things."""
    sample = column.dropna().iloc[:2000].astype(str)
    if sample.empty or _times_of_day(column):
        return False
    # Numbers joined ("195/60", "1920x1080"): a tyre's or a screen's size, a measurement.
    if _written_as_sizes(sample):
        return False
    digits = text_match.contains(sample, r"\d").mean()
    spaces = text_match.contains(sample, " ").mean()
    # Long enough to number many things (N14228, AC-0042), unlike a grade or a band (B3).
    return bool(digits >= 0.8 and spaces < 0.05 and sample.str.len().mean() >= 4)


def _group_keys(groups: np.ndarray) -> np.ndarray:
    return pd.factorize(pd.Series(groups), use_na_sentinel=False)[0]


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
