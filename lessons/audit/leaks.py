"""Leak checks: each column alone, the missing-value flag, with and without each suspect in a
fast stacked model, and columns that give the target away together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.report import (
    ENTITY_COLUMNS,
    MAX_STACKED_COLUMNS,
    MAX_SUSPECTS,
    MISSING_LEAK_LIFT,
    N_FOLDS,
    OUTCOME_NAME,
    PAIR_CANDIDATES,
    SCORE_NAMES,
    TOO_GOOD_LIFT,
    Finding,
    Progress,
)
from lessons.audit.table import _group_keys, _order_values


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
