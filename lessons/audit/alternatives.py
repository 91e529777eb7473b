"""A number that holds the value of the alternative chosen: the price paid beside the shelf
price of every brand, the fare of the offer taken beside the fare of each offer."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.report import Finding
from lessons.audit_types import is_plain_number

MAX_COLUMNS = 60
"""Numbers compared pairwise at most (a wide table is not a choice set) ..."""
SAMPLE_ROWS = 5000
"""... on at most this many rows."""
MATCH_TOLERANCE = 1e-6
"""Relative gap under which two values are the same (after the pair's common scale)."""
MIN_VALUES = 3
"""Distinct values of a column that may be the value of an alternative chosen (a price, a
fare), at least: a yes/no flag is none."""
MIN_SHARE_MATCHED = 0.9
"""Share of the rows on which the column equals one of the alternatives ..."""
MIN_UNIQUE_ROWS = 30
"""... rows on which it equals exactly one of them, at least ..."""
MIN_ALTERNATIVE_ROWS = 10
"""... at least two alternatives matched this often each ..."""
CHOSEN_PURITY = 0.98
"""... and the alternative it equals gives the class on this share of those rows ..."""
BEYOND_RANKING = 0.05
"""... better by this much than the cheapest or the dearest alternative does (a column of the
lowest price equals the cheapest brand's, which may be the one most often bought)."""


SCALES = (1.0, 0.01, 100.0, 0.001, 1000.0, 0.1, 10.0)
SCALE_SHARE = 0.05
"""Share of the rows on which a column equals another at a scale, for the other to be one of
its alternatives: an alternative chosen on a twentieth of the rows (one brand of many)."""
PRIOR_NAME = re.compile(
    r"current|previous|prev|prior|last|old|existing|default|usual|incumbent|lag|before",
    re.IGNORECASE,
)
"""Names of the value of an earlier choice (last year's plan at this year's premium): the
choice mostly repeats it, so it names the class, yet it is known before."""
"""Scales at which a value may be written beside its alternatives (guilders beside cents)."""


GLANCE_ROWS = 300


def _equal_somewhere(x: np.ndarray, others: np.ndarray) -> np.ndarray:
    """For each column of ``others``: whether ``x`` equals it, at one of ``SCALES``, on
    ``SCALE_SHARE`` of the rows at least."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = x[:, None] / others
    found = np.zeros(others.shape[1], dtype=bool)
    for scale in SCALES:
        found |= (np.abs(ratios - scale) <= MATCH_TOLERANCE * scale).mean(axis=0) >= SCALE_SHARE
    return found


def _scale(column: np.ndarray, other: np.ndarray) -> float | None:
    """The scale (a power of ten: 1, or 1/100 for guilders beside cents) at which ``column``
    equals ``other`` on ``SCALE_SHARE`` of the rows where both are nonzero, if any."""
    both = np.isfinite(column) & np.isfinite(other) & (column != 0) & (other != 0)
    if both.sum() < MIN_UNIQUE_ROWS:
        return None
    ratios = column[both] / other[both]
    for scale in SCALES:
        if (np.abs(ratios - scale) <= MATCH_TOLERANCE * scale).mean() >= SCALE_SHARE:
            return scale
    return None


def chosen_alternative_findings(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    target_name: str,
    score_name: str,
) -> list[Finding]:
    """Numbers that equal, row by row, one of several other numbers (at a common scale), where
    which one they equal gives the class: the value of the alternative chosen, recorded with
    the choice (``price_paid`` is ``price.skw`` on every purchase of brand skw).

    Weak alone, since the alternatives often share a value, and no formula of the row's
    columns with fixed weights: the weight each alternative gets is the answer itself."""
    if target.task == "regression":
        return []
    numbers = [c for c in columns if c != target_name and is_plain_number(rows[c])]
    if not 3 <= len(numbers) <= MAX_COLUMNS:
        return []
    step = max(1, len(rows) // SAMPLE_ROWS)
    sample = rows.iloc[::step]
    labels = target.values[::step].astype(np.int64)
    values = sample[numbers].to_numpy(dtype=float, na_value=np.nan)
    names = sample[target_name].astype(str) if target_name in sample.columns else None
    class_name = dict(zip(labels, names, strict=True)) if names is not None else {}
    found = []
    glance = values[:: max(1, len(values) // GLANCE_ROWS)]
    for position, column in enumerate(numbers):
        x = values[:, position]
        filled = np.isfinite(x)
        if filled.sum() < MIN_UNIQUE_ROWS or np.nanstd(x) == 0:
            continue
        # A yes/no flag is no value of an alternative (a price, a fare): it equals every other
        # flag where both are 0, and a complement of the target among them names the class.
        if len(np.unique(x[filled])) < MIN_VALUES:
            continue
        # Most columns equal no other at any scale: a glance at a few rows rules them out.
        candidates = np.flatnonzero(_equal_somewhere(glance[:, position], glance))
        if len(candidates[candidates != position]) < 2:
            continue
        others, matches = [], []
        for other_position in candidates:
            other = numbers[other_position]
            if other_position == position:
                continue
            y = values[:, other_position]
            scale = _scale(x, y)
            if scale is None:
                continue
            scaled = scale * y
            match = np.abs(x - scaled) <= MATCH_TOLERANCE * np.maximum(np.abs(x), 1.0)
            others.append(other)
            matches.append(match & filled & np.isfinite(y))
        if len(others) < 2:
            continue
        match = np.column_stack(matches)
        n_matched = match.sum(axis=1)
        if (n_matched[filled] >= 1).mean() < MIN_SHARE_MATCHED:
            continue
        unique = n_matched == 1
        if unique.sum() < MIN_UNIQUE_ROWS:
            continue
        which = match[unique].argmax(axis=1)
        counts = np.bincount(which, minlength=len(others))
        if (counts >= MIN_ALTERNATIVE_ROWS).sum() < 2:
            continue
        purity, mapping = _purity(which, labels[unique])
        ranked = np.column_stack([values[unique][:, numbers.index(o)] for o in others])
        ranking = max(
            _purity(np.nanargmin(ranked, axis=1), labels[unique])[0],
            _purity(np.nanargmax(ranked, axis=1), labels[unique])[0],
        )
        if purity < CHOSEN_PURITY or purity < ranking + BEYOND_RANKING:
            continue
        pairs = [
            f"{others[alternative]!r} on the rows of class {class_name.get(code, code)!r}"
            for alternative, code in mapping.items()
            if counts[alternative] >= MIN_ALTERNATIVE_ROWS
        ][:4]
        earlier = bool(PRIOR_NAME.search(column))
        counts_by = pd.crosstab(
            np.array(others)[which], [class_name.get(code, str(code)) for code in labels[unique]]
        )
        by_alternative = {
            str(alternative): {str(k): int(v) for k, v in row.items() if v}
            for alternative, row in counts_by.iterrows()
        }
        found.append(
            Finding(
                "target_leak",
                "medium" if earlier else "high",
                (column,),
                (
                    "Is it the value of an earlier choice, which the choice mostly repeats? "
                    if earlier
                    else ""
                )
                + f"{column!r} equals one of {len(others)} other columns on "
                f"{(n_matched[filled] >= 1).mean():.0%} of the rows, and which one gives the "
                f"class: on the {int(unique.sum()):,} rows where it equals exactly one, that "
                f"column names the class on {purity:.1%} of them ({', '.join(pairs)}), where "
                f"the cheapest or dearest alternative names it on {ranking:.0%}. It is the "
                "value of the alternative chosen, written with the choice.",
                "If it is the value of an earlier choice (last year's plan), keep it: it is "
                "known before. If it is the value of what was chosen, drop it: that is known "
                "only once the choice is made. Keep the values of every alternative."
                if earlier
                else "Drop it: the value of what was chosen is known only once the choice is "
                "made. Keep the values of every alternative, which are known before.",
                {
                    "check": CHOSEN_CHECK,
                    "alternatives": others,
                    "share_matched": round(float((n_matched[filled] >= 1).mean()), 4),
                    "rows_matching_one": int(unique.sum()),
                    "purity": round(purity, 4),
                    "purity_of_cheapest_or_dearest": round(ranking, 4),
                    "rows_compared": len(sample),
                    "rows_by_alternative_and_class": by_alternative,
                    "score_name": score_name,
                },
            )
        )
    return found


CHOSEN_CHECK = "value of the alternative chosen"


def _purity(groups: np.ndarray, labels: np.ndarray) -> tuple[float, dict[int, int]]:
    """Share of rows in their group's most common class, and that class for each group."""
    if not len(labels):
        return 0.0, {}
    # Counts by group and class from codes (a crosstab took 14 ms a call, 63 calls a table).
    group_values, group_codes = np.unique(groups, return_inverse=True)
    label_values, label_codes = np.unique(labels, return_inverse=True)
    counts = np.bincount(
        group_codes * len(label_values) + label_codes,
        minlength=len(group_values) * len(label_values),
    ).reshape(len(group_values), len(label_values))
    # argmax: the first of tied classes, in sorted order, as idxmax picks.
    mapping = {
        int(g): int(label_values[i])
        for g, i in zip(group_values, counts.argmax(axis=1), strict=True)
    }
    return float(counts.max(axis=1).sum() / len(labels)), mapping
