"""Leak checks: each column alone, the missing-value flag, with and without each suspect in a
fast stacked model, and columns that give the target away together."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.report import (
    ENTITY_COLUMNS,
    GROUP_GAIN,
    MAX_STACKED_COLUMNS,
    MAX_SUSPECTS,
    MIN_SIDE_ROWS,
    MISSING_LEAK_LIFT,
    MOST_OF_MODEL,
    N_FOLDS,
    NEAR_PERFECT_LIFT,
    NUMERIC_PAIR_CANDIDATES,
    ONE_SIDED_SHARE,
    OUTCOME_NAME,
    PAIR_CANDIDATES,
    PAIR_ROWS,
    REDUNDANT_CORRELATION,
    REDUNDANT_GROUP_GAIN,
    SCORE_NAMES,
    SUSPECT_LIFT,
    TOO_GOOD_LIFT,
    Finding,
    Progress,
)
from lessons.audit.table import _group_keys, _order_values

DEBUG = False


@dataclass(frozen=True)
class _Screen:
    """What one column does on its own, and its out-of-fold stacking features.

    ``one_sided`` describes a missing-value pattern where one side (the filled rows or the
    empty ones) holds a single class: ``{"side", "rows", "class_share", "overall_share"}``.
    """

    name: str
    alone: float
    missing_alone: float
    block: np.ndarray
    one_sided: dict | None = None
    codes: np.ndarray | None = None
    n_bins: int = 0


@dataclass(frozen=True)
class _LeakResult:
    """The leak findings, the honest score, the columns it used, and the columns skipped."""

    findings: list[Finding]
    honest: float
    kept: list[str]
    skipped: list[str] = field(default_factory=list)
    screens: dict[str, _Screen] = field(default_factory=dict)


def _screen_column(
    column: pd.Series, target: screen.Target, folds: np.ndarray, distinct: int | None = None
) -> _Screen:
    codes, n_bins = screen.bin_codes(column)
    encoded = screen.oof_encode(codes, n_bins, target, folds)
    alone = screen.score(encoded, target)
    numbers = _numbers(column, distinct)
    if numbers is not None:
        guess = screen.neighbour_predict(numbers, target)
        present = np.isfinite(numbers)
        if guess is not None and present.mean() >= 0.5:
            subset = screen.Target(target.task, target.values[present], target.n_classes)
            alone = max(alone, screen.score(guess[present], subset))
    modal = _modal_flag(codes, n_bins, exact_values_odd=_is_number_like(column))
    if modal is not None:
        # One value against the rest (a status "none" on every negative row, a refund of 0):
        # a split the bins can blur when the other values are many and rare.
        flag_score = screen.score(screen.oof_encode(modal, 2, target, folds), target)
        alone = max(alone, flag_score)
    missing = column.isna().to_numpy()
    missing_alone = screen.baseline_score(target)
    one_sided = None
    n_missing = int(missing.sum())
    # Even a mostly empty column gets its empty/filled flag scored: a field filled in for
    # a few rows of one outcome only is the classic post-outcome leak.
    if MIN_SIDE_ROWS <= n_missing <= len(missing) - MIN_SIDE_ROWS:
        flag = screen.oof_encode(missing.astype(np.int64), 2, target, folds)
        missing_alone = screen.score(flag, target)
        if target.task != "regression":
            one_sided = _one_sided(missing, target)
    return _Screen(
        str(column.name),
        alone,
        missing_alone,
        screen.as_features(encoded, target),
        one_sided,
        codes.astype(np.int32),
        n_bins,
    )


def _is_number_like(column: pd.Series) -> bool:
    return not pd.api.types.is_bool_dtype(column) and (
        pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)
    )


def _modal_flag(codes: np.ndarray, n_bins: int, *, exact_values_odd: bool) -> np.ndarray | None:
    """1 where a column holds its most common value, 0 elsewhere, read from its bins.

    Numbers get a bin of their own for a heavy value (odd codes, see
    ``audit_screen.bin_codes``); a category's bins are its values. None when the top value
    is on under 5 % or over 95 % of rows, or the column has fewer than three values.
    """
    counts = np.bincount(codes, minlength=n_bins)[:-1]  # the last bin holds missing values
    if np.count_nonzero(counts) < 3:
        return None
    candidates = np.arange(len(counts))
    if exact_values_odd:
        candidates = candidates[1::2]
    if candidates.size == 0:
        return None
    top = int(candidates[np.argmax(counts[candidates])])
    share = counts[top] / len(codes)
    if not 0.05 <= share <= 0.95:
        return None
    return (codes == top).astype(np.int64)


def _one_sided(missing: np.ndarray, target: screen.Target) -> dict | None:
    """The side of a missing-value flag that holds (almost) a single class, if any."""
    labels = target.values.astype(np.int64)
    overall = np.bincount(labels, minlength=max(target.n_classes, 2)) / len(labels)
    for side, mask in (("filled", ~missing), ("empty", missing)):
        rows = int(mask.sum())
        if rows < max(3 * MIN_SIDE_ROWS, 0.01 * len(labels)):
            continue
        counts = np.bincount(labels[mask], minlength=len(overall))
        top = int(counts.argmax())
        share = counts[top] / rows
        if share >= ONE_SIDED_SHARE and overall[top] <= 0.8:
            return {
                "side": side,
                "rows": rows,
                "class_share": round(float(share), 4),
                "overall_share": round(float(overall[top]), 4),
            }
    return None


def _numbers(column: pd.Series, distinct: int | None = None) -> np.ndarray | None:
    """A numeric or date column with enough distinct values for the neighbour check."""
    if pd.api.types.is_bool_dtype(column):
        return None
    if pd.api.types.is_datetime64_any_dtype(column) or pd.api.types.is_numeric_dtype(column):
        count = column.nunique() if distinct is None else distinct
        return _order_values(column).to_numpy(dtype=float) if count >= 20 else None
    return None


def _codes(
    rows: pd.DataFrame, name: str, cache: dict[str, _Screen] | None
) -> tuple[np.ndarray, int]:
    """A column's bins, from the screen's cache when it has them."""
    cached = (cache or {}).get(name)
    if cached is not None and cached.codes is not None:
        return cached.codes.astype(np.int64), cached.n_bins
    return screen.bin_codes(rows[name])


def _stacked(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    folds: np.ndarray,
    cache: dict[str, _Screen] | None = None,
) -> float:
    blocks = []
    for name in columns:
        codes, n_bins = _codes(rows, name, cache)
        encoded = screen.oof_encode(codes, n_bins, target, folds)
        blocks.append(screen.as_features(encoded, target))
    return screen.stacked_score(blocks, target, folds)


def _forward_score(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    folds: np.ndarray,
    cache: dict[str, _Screen] | None = None,
) -> float:
    """The honest score over time-ordered folds: every block scored by a model of the past."""
    blocks = []
    for name in columns:
        codes, n_bins = _codes(rows, name, cache)
        encoded = screen.forward_encode(codes, n_bins, target, folds)
        blocks.append(screen.as_features(encoded, target))
    return screen.forward_stacked_score(blocks, target, folds)


def _leak_findings(
    rows: pd.DataFrame,
    columns: list[str],
    target_name: str,
    target: screen.Target,
    folds: np.ndarray,
    progress: Progress,
    *,
    over_time: bool,
    deadline: float = float("inf"),
    distinct: dict[str, int] | None = None,
    entity: str | None = None,
) -> _LeakResult:
    """Single-column, missing-value, group and combination leaks, each with and without
    scores; columns the time budget did not reach are returned as skipped."""
    if not columns:
        return _LeakResult([], screen.baseline_score(target), [])
    # Columns named like an outcome or like the target are screened first, so a budget
    # that runs out on a very wide table skips ordinary columns before suspicious ones.
    # Then the other columns, numbers by a quick vectorised correlation with the target
    # (and of their empty/filled flag), strongest first: what a budget skips is the weakest.
    quick = _quick_strength(rows, columns, target)
    ordered = sorted(
        columns,
        key=lambda c: (
            not (OUTCOME_NAME.search(c) or _names_the_target(c, target_name)),
            -quick.get(c, 1.0),
        ),
    )
    distinct = distinct or {}
    screens: dict[str, _Screen] = {}
    skipped: list[str] = []
    for position, name in enumerate(ordered):
        if time.perf_counter() > deadline:
            skipped = ordered[position:]
            break
        screens[name] = _screen_column(rows[name], target, folds, distinct.get(name))
        if position % 50 == 49:
            progress(0.45 + 0.25 * position / len(ordered), f"Scored {position + 1} columns")
    columns = [c for c in columns if c in screens]
    if not columns:
        return _LeakResult([], screen.baseline_score(target), [], skipped)
    lifts = {name: screen.lift(s.alone, target) for name, s in screens.items()}
    missing_lifts = {name: screen.lift(s.missing_alone, target) for name, s in screens.items()}
    ranked = sorted(columns, key=lambda c: -lifts[c])
    # The entity column predicts through the entity's own history (its grouped folds, or
    # time-ordered ones, show it): a suspect only when its own screen is damning.
    suspects = [
        c
        for c in columns
        if (c != entity or _has_own_evidence(screens[c], target))
        and (
            lifts[c] >= SUSPECT_LIFT
            or missing_lifts[c] >= 0.3
            or screens[c].one_sided is not None
            or (OUTCOME_NAME.search(c) and lifts[c] >= 0.2)
            or _names_the_target(c, target_name)
        )
    ]
    suspects = sorted(
        suspects,
        key=lambda c: (screens[c].one_sided is None, -max(lifts[c], missing_lifts[c])),
    )[:MAX_SUSPECTS]
    stacked_columns = list(dict.fromkeys([*ranked[:MAX_STACKED_COLUMNS], *suspects]))

    def stacked_without(excluded: set[str]) -> float:
        blocks = [screens[c].block for c in stacked_columns if c not in excluded]
        return screen.stacked_score(blocks, target, folds)

    progress(0.75, "Scoring every column together, with and without each suspect")
    with_all = stacked_without(set())
    with_lift = screen.lift(with_all, target)
    findings: list[Finding] = []
    name = SCORE_NAMES[target.task]
    groups = _redundant_groups(suspects, screens, target, with_lift)
    if DEBUG:
        print(
            {c: (round(lifts[c], 3), round(missing_lifts[c], 3)) for c in suspects},
            groups,
            with_lift,
        )
    for group in groups:
        without = stacked_without(set(group))
        gain = with_lift - screen.lift(without, target)
        if DEBUG:
            print(group, round(gain, 4))
        if len(group) == 1:
            column = group[0]
            finding = _judge_single(
                column,
                target_name,
                name,
                alone=screens[column].alone,
                alone_lift=lifts[column],
                missing_alone=screens[column].missing_alone,
                missing_lift=missing_lifts[column],
                with_all=with_all,
                with_lift=with_lift,
                without=without,
                gain=gain,
                missing_share=float(rows[column].isna().mean()),
                over_time=over_time,
                one_sided=screens[column].one_sided,
            )
        else:
            finding = _judge_group(
                group, screens, lifts, target_name, name, with_all, with_lift, without, gain
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
        flagged.update(combination.evidence.get("pair", combination.columns))
    # Over time the honest score is the forward-chained one (computed by the caller).
    honest = with_all if over_time else stacked_without(flagged)
    return _LeakResult(
        findings, honest, [c for c in stacked_columns if c not in flagged], skipped, screens
    )


def _has_own_evidence(result: _Screen, target: screen.Target) -> bool:
    """A column whose own screen already makes it a high leak is judged on its own."""
    return (
        result.one_sided is not None
        or screen.lift(result.alone, target) >= TOO_GOOD_LIFT
        or screen.lift(result.missing_alone, target) >= MISSING_LEAK_LIFT
    )


def _quick_strength(
    rows: pd.DataFrame, columns: list[str], target: screen.Target
) -> dict[str, float]:
    """|Correlation| of each numeric column (and of its missing flag) with the target, in
    one matrix product: the order of the column screen on very wide tables."""
    numeric = [
        c
        for c in columns
        if pd.api.types.is_numeric_dtype(rows.dtypes[c])
        and not pd.api.types.is_bool_dtype(rows.dtypes[c])
    ]
    if len(numeric) < 100:
        return {}
    values = rows[numeric].to_numpy(dtype=float, na_value=np.nan)
    missing = np.isnan(values)
    filled = np.where(missing, np.nanmean(np.where(missing, np.nan, values), axis=0), values)
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    strength = np.zeros(len(numeric))
    for block in (filled, missing.astype(float)):
        centred = block - block.mean(axis=0)
        scale = np.sqrt((centred**2).sum(axis=0))
        scale[scale == 0] = np.inf
        ys = outputs - outputs.mean(axis=0)
        y_scale = np.sqrt((ys**2).sum(axis=0))
        y_scale[y_scale == 0] = np.inf
        correlation = np.abs(centred.T @ ys) / scale[:, None] / y_scale[None, :]
        strength = np.maximum(strength, np.nan_to_num(correlation).max(axis=1))
    return dict(zip(numeric, strength.tolist(), strict=True))


def _redundant_groups(
    suspects: list[str], screens: dict[str, _Screen], target: screen.Target, with_lift: float
) -> list[list[str]]:
    """Suspects that carry the same signal (correlated out-of-fold encodings), grouped.

    Two copies of one leak (an amount and the same amount as a share) hide each other
    from the with/without test: dropping either leaves the other. Tested as a group,
    the pair shows what it is worth. Columns whose own screen is already damning (too good
    alone, a missing-value pattern) stay single, so that their finding keeps its evidence.
    """
    parent = {c: c for c in suspects}

    def root(c: str) -> str:
        while parent[c] != c:
            c = parent[c]
        return c

    signals = {c: screens[c].block.ravel() for c in suspects}
    stands_alone = {c: _has_own_evidence(screens[c], target) for c in suspects}
    # A near-perfect column groups only with near-perfect ones (the radius, perimeter and
    # area of one tumour), never with an ordinary feature its finding would then implicate.
    near = {c: _near_perfect(screen.lift(screens[c].alone, target), with_lift) for c in suspects}
    for i, first in enumerate(suspects):
        for second in suspects[i + 1 :]:
            if stands_alone[first] or stands_alone[second] or near[first] != near[second]:
                continue
            a, b = signals[first], signals[second]
            if a.std() == 0 or b.std() == 0:
                continue
            if abs(float(np.corrcoef(a, b)[0, 1])) >= REDUNDANT_CORRELATION:
                parent[root(second)] = root(first)
    groups: dict[str, list[str]] = {}
    for column in suspects:
        groups.setdefault(root(column), []).append(column)
    return list(groups.values())


def _judge_group(
    group: list[str],
    screens: dict[str, _Screen],
    lifts: dict[str, float],
    target_name: str,
    score_name: str,
    with_all: float,
    with_lift: float,
    without: float,
    gain: float,
) -> Finding | None:
    """A group of columns that carry the same signal, judged by what the group is worth."""
    best = max(group, key=lambda c: lifts[c])
    alone_lift = lifts[best]
    shown = ", ".join(repr(c) for c in group)
    evidence = {
        "check": "redundant group: the columns' out-of-fold encodings correlate, so the "
        "group is left out together",
        "score_name": score_name,
        "score_alone": {c: round(screens[c].alone, 4) for c in group},
        "score_with": round(with_all, 4),
        "score_without": round(without, 4),
        "lift_lost_without_group": round(gain, 4),
    }
    numbers = (
        f"With every column the fast model scores {score_name} {with_all:.3f}; without "
        f"the group it scores {without:.3f} (best alone: {best!r}, "
        f"{screens[best].alone:.3f})."
    )
    named = any(OUTCOME_NAME.search(c) or _names_the_target(c, target_name) for c in group)
    if alone_lift >= TOO_GOOD_LIFT:
        severity = "high"
    elif named and gain >= 0.03 and alone_lift >= 0.2:
        severity = "high" if gain >= 0.1 or alone_lift >= 0.8 else "medium"
    elif _near_perfect(alone_lift, with_lift) or (
        gain >= REDUNDANT_GROUP_GAIN and alone_lift >= 0.4
    ):
        severity = "medium"
    else:
        return None
    return Finding(
        "target_leak",
        severity,
        tuple(group),
        f"{shown} carry the same signal about the target, so leaving out one of them "
        f"changes little; left out together, the score drops. {numbers}",
        "Is any of these known at the moment of prediction? If they are versions of one "
        "measurement recorded after the outcome (an amount and the same amount as a share, "
        "a band and its sub-band), drop them all; if they are honest, keep the clearest one.",
        evidence,
    )


def _near_perfect(alone_lift: float, with_lift: float) -> bool:
    """A single column near-perfect on its own, or explaining most of what the model knows."""
    return alone_lift >= NEAR_PERFECT_LIFT or (
        alone_lift >= 0.75 and alone_lift >= MOST_OF_MODEL * with_lift
    )


def _names_the_target(column: str, target: str) -> bool:
    """Whether a column's name is the target's name with a word added (``price_final``)."""
    a, b = column.lower(), target.lower()
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and shorter != longer and shorter in longer


def _shares_a_word(column: str, target: str) -> bool:
    """Whether a column's name shares a word (4+ letters, or one a prefix of the other) with
    the target's name: ``price_per_sqft`` and ``Sale_Price``, ``fatal`` and ``fatality_rate``."""

    def words(text: str) -> list[str]:
        spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
        return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if len(w) >= 4]

    return any(a.startswith(b) or b.startswith(a) for a in words(column) for b in words(target))


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
    with_lift: float,
    without: float,
    gain: float,
    missing_share: float,
    over_time: bool,
    one_sided: dict | None = None,
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
        evidence["check"] = "named like the target, in a table ordered in time"
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
        evidence["check"] = "too good alone: no honest single measurement is this good"
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
    if missing_lift >= MISSING_LEAK_LIFT or one_sided is not None:
        evidence.update(
            {
                "check": "missing-value pattern: whether the field is empty predicts the target",
                "missing_share": round(missing_share, 4),
                "score_missing_flag_alone": round(missing_alone, 4),
            }
        )
        detail = ""
        if one_sided is not None:
            evidence["one_sided"] = one_sided
            detail = (
                f" {one_sided['class_share']:.0%} of the {one_sided['rows']:,} "
                f"{one_sided['side']} rows have the same outcome (against "
                f"{one_sided['overall_share']:.0%} of all rows)."
            )
        return Finding(
            "target_leak",
            "high",
            (column,),
            f"Whether {column!r} is empty predicts the target ({score_name} {missing_alone:.3f} "
            f"from the empty/filled flag alone; {missing_share:.0%} of rows are empty): it is "
            f"filled in for one outcome and not the other, as a field recorded after the "
            f"outcome would be.{detail} {numbers}",
            "Drop it unless you can show the field is filled in before the prediction is made.",
            evidence,
        )
    if (outcome_name or copy_name) and gain >= 0.03 and alone_lift >= 0.2:
        why = "is named like the target" if copy_name else "is named like an outcome"
        evidence["check"] = f"{why[3:]} and adds signal no other column has"
        return Finding(
            "target_leak",
            "high" if gain >= 0.1 or alone_lift >= 0.8 else "medium",
            (column,),
            f"{column!r} {why} and carries signal no other column has "
            f"({score_name} {alone:.3f} alone). {numbers}",
            "Check when it is recorded: if after the moment of prediction, drop it.",
            evidence,
        )
    if _near_perfect(alone_lift, with_lift):
        evidence["check"] = (
            "near-perfect alone: the column alone reaches most of what the full model knows"
        )
        evidence["share_of_model_lift"] = round(alone_lift / with_lift, 4) if with_lift else 1.0
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known at the moment of prediction? Alone it predicts the target "
            f"nearly perfectly ({score_name} {alone:.3f}), which is most of what the model "
            f"learns from every column. {numbers}",
            "If it is recorded at or after the outcome (or computed from it), drop it; if it "
            "is truly known beforehand, it is an unusually strong feature: keep it and say so.",
            evidence,
        )
    if missing_lift >= 0.3:
        evidence.update(
            {
                "check": "missing-value pattern: whether the field is empty says something",
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
    if alone_lift >= 0.4 and gain >= GROUP_GAIN:
        evidence["check"] = "unique signal: leaving the column out costs the model a lot"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known at the moment of prediction? It carries signal no other "
            f"column has ({score_name} {alone:.3f} alone). {numbers}",
            "If it is recorded after the outcome, drop it; if not, it is a strong feature.",
            evidence,
        )
    if alone_lift >= 0.5 and gain >= 0.05:
        evidence["check"] = "strong predictor that no other column replaces"
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


def _derived(a: np.ndarray, b: np.ndarray) -> dict[str, np.ndarray]:
    """Ratios, product and difference of two numeric columns (NaN where undefined)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        values = {
            "product": a * b,
            "ratio": np.where(b != 0, a / b, np.nan),
            "inverse ratio": np.where(a != 0, b / a, np.nan),
            "difference": a - b,
        }
    return {k: np.where(np.isfinite(v), v, np.nan) for k, v in values.items()}


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
    """Two columns that together predict near-perfectly while neither does on its own.

    Every pair of the strongest columns is scored on its joint bins; pairs of numbers also
    on their ratio, product and difference (a revenue per unit next to the units sold).
    """
    candidates = [c for c in ranked if c not in flagged][:PAIR_CANDIDATES]
    codes = {c: screen.bin_codes(rows[c], screen.PAIR_BINS) for c in candidates}
    numeric = {
        c: rows[c].to_numpy(dtype=float, na_value=np.nan)
        for c in candidates
        if pd.api.types.is_numeric_dtype(rows[c])
        and not pd.api.types.is_bool_dtype(rows[c])
        and rows[c].notna().mean() >= 0.9
    }
    numeric = dict(list(numeric.items())[:NUMERIC_PAIR_CANDIDATES])
    # A formula shows on a few thousand rows: the derived numbers use evenly spaced rows.
    keep = np.unique(np.linspace(0, len(rows) - 1, min(len(rows), PAIR_ROWS)).astype(int))
    pair_target = screen.Target(target.task, target.values[keep], target.n_classes)
    numeric = {c: values[keep] for c, values in numeric.items()}
    best: tuple[float, str, str, str] | None = None
    for i, first in enumerate(candidates):
        for second in candidates[i + 1 :]:
            (a, n_a), (b, n_b) = codes[first], codes[second]
            joint = screen.oof_encode(a * n_b + b, n_a * n_b, target, folds)
            value = screen.score(joint, target)
            if best is None or value > best[0]:
                best = (value, first, second, "joint bins")
            if first in numeric and second in numeric:
                for how, derived in _derived(numeric[first], numeric[second]).items():
                    value = _derived_score(derived, pair_target)
                    if value > best[0]:
                        best = (value, first, second, how)
    if best is None:
        return None
    value, first, second, how = best
    pair_lift = screen.lift(value, target)
    single_best = max(lifts[first], lifts[second])
    if pair_lift < 0.9 or pair_lift - single_best < 0.3:
        return None
    without = stacked_without({first, second})
    name = SCORE_NAMES[target.task]
    # The pair is a formula of the target; the column named like the target is the one
    # that carries it (price per square foot beside the floor area, for a price).
    named = [c for c in (first, second) if _shares_a_word(c, target_name)]
    suspects = tuple(named) if len(named) == 1 else (first, second)
    partner = next((c for c in (first, second) if c not in suspects), None)
    formula = {
        "joint bins": "together",
        "product": f"through their product ({first!r} × {second!r})",
        "ratio": f"through their ratio ({first!r} / {second!r})",
        "inverse ratio": f"through their ratio ({second!r} / {first!r})",
        "difference": f"through their difference ({first!r} − {second!r})",
    }[how]
    lead = (
        f"{suspects[0]!r} gives the target away together with {partner!r}"
        if partner
        else f"Together, {first!r} and {second!r} give the target away"
    )
    return Finding(
        "target_leak",
        "high",
        suspects,
        f"{lead}: {formula} they predict it almost perfectly ({name} {value:.3f}), although "
        f"neither does on its own (best {name} "
        f"{max(_unlift(lifts[first], target), _unlift(lifts[second], target)):.3f}). "
        f"With every column the fast model scores {with_all:.3f}; without the pair, "
        f"{without:.3f}.",
        (
            f"{suspects[0]!r} is probably computed from the target (named like it); drop "
            f"it, and keep {partner!r}."
            if partner
            else "The target is probably a formula of these columns (a balance and a payment, "
            "a start and an end, a rate and a count). If one of them is only known after the "
            "outcome, drop it; if both are known before, the target needs no model."
        ),
        {
            "check": f"pair search ({how})",
            "pair": [first, second],
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


def _derived_score(values: np.ndarray, target: screen.Target) -> float:
    """Leave-one-out nearest-neighbour score of a derived number (prior where undefined)."""
    present = np.isfinite(values)
    if present.mean() < 0.9:
        return screen.baseline_score(target)
    guess = screen.neighbour_predict(values, target)
    if guess is None:
        return screen.baseline_score(target)
    subset = screen.Target(target.task, target.values[present], target.n_classes)
    return screen.score(guess[present], subset)


def _unlift(value: float, target: screen.Target) -> float:
    if target.task == "binary":
        return 0.5 + value / 2
    if target.task == "multiclass":
        chance = 1.0 / target.n_classes
        return chance + value * (1 - chance)
    return value


def _entity_finding(
    rows: pd.DataFrame,
    table: pd.DataFrame,
    group_column: str,
    columns: list[str],
    target: screen.Target,
    rng: np.random.Generator,
    cache: dict[str, _Screen] | None = None,
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
    score_random = _stacked(rows, with_entity, target, random_folds, cache)
    score_group = _stacked(rows, with_entity, target, group_folds, cache)
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
