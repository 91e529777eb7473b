"""Two columns that give the target away together: joint bins, and for numbers their
ratio, product and difference."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.judge import _shares_a_word
from lessons.audit.report import (
    NUMERIC_PAIR_CANDIDATES,
    PAIR_CANDIDATES,
    PAIR_ROWS,
    SCORE_NAMES,
    Finding,
)
from lessons.audit.screens import _unlift


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
