"""A numeric target that a few columns give back exactly: a total of its parts, an average of
scores, a product or a ratio of several numbers (a sum in logs).

The pair search scores two columns at a time and judges a formula by how much better it does
than the columns alone. A target computed from three columns (hours trained per employee =
hours × trainees / employees) hides from it, and so does a target whose strongest honest
column is already very good (a census count beside the last census): the formula's gain is
small in R² but it leaves no error at all. A least-squares fit over every number at once sees
both: honest measurements never add up to the target on rows the fit did not see.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.judge import _earlier_value_of_the_target, _estimate_of_the_target
from lessons.audit.report import SCORE_NAMES, Finding
from lessons.audit_types import is_plain_number

IDENTITY_ERROR = 1e-4
"""Share of the target's variance a formula may leave on held-out rows to be exact (rounding
to a tenth of a unit leaves far less; a census ten years earlier leaves 20 times more)."""
IDENTITY_SHARE = 0.05
"""... and at most this share of what the best column alone leaves: a random walk beside its
previous value is near-exact alone, and a second honest column does not remove the rest."""
IDENTITY_MAX_COLUMNS = 20
"""A heptathlon's points are a total of seven events; a survey's index sums a dozen items."""
IDENTITY_SHOWN = 8  # terms of a formula written out in the finding (all in the evidence)
IDENTITY_MIN_ROWS = 30
IDENTITY_ROWS_PER_COLUMN = 10
"""A fit of k columns is trusted on at least ten rows per column (and held out on half)."""
IDENTITY_FILLED = 0.95
"""A column enters the fit when filled on this share of the rows, or when its blanks can stand
for zero: it never holds a zero where filled (a bonus left blank where none was paid)."""
IDENTITY_POSITIVE_ROWS = 0.5
"""Logs are taken where the target is positive, when that is at least half of the rows (hours
per employee is zero where no one trained, and the formula holds on the rest)."""

NUMBERS = "numbers"
LOGS = "logs"


@dataclass(frozen=True)
class Identity:
    """A formula found: ``target ≈ Σ weight × column`` (in logs: a product of powers).

    Attributes
    ----------
    space : str
        ``"numbers"`` or ``"logs"`` (where the columns and the target were positive).
    columns, weights : tuple
        The fewest columns that give the target back, and their least-squares weights.
    error : float
        Share of the target's variance left on held-out rows (the worse of the two halves).
    error_alone : float
        Share left by the best single column on the same rows.
    rows : int
        Rows the formula was fitted and checked on.
    blank_as_zero : tuple of str
        Columns of the formula whose blanks were read as zero.
    terms : tuple of str
        The formula's terms, one per weight: a column, or a share's odds (``ODDS_TERM``).
    """

    space: str
    columns: tuple[str, ...]
    weights: tuple[float, ...]
    error: float
    error_alone: float
    rows: int
    blank_as_zero: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Design:
    names: list[str]
    x: np.ndarray  # standardised columns, complete rows
    y: np.ndarray  # the target on those rows, centred (logs in log space)
    spread: np.ndarray  # each column's standard deviation before scaling
    blank_as_zero: frozenset[str] = frozenset()


def _design(
    rows: pd.DataFrame,
    names: list[str],
    target: np.ndarray,
    space: str,
    zero_blanks: bool = False,
) -> _Design | None:
    """The columns filled on ``IDENTITY_FILLED`` of the usable rows, on the complete rows,
    with the target (logs of positive values in log space). ``zero_blanks``: every column
    filled on fewer rows reads its blanks as zero, even one that holds zeros (a total of
    survey items that counts an item not asked as 0)."""
    usable = np.isfinite(target)
    if space == LOGS:
        usable &= target > 0
        if usable.mean() < IDENTITY_POSITIVE_ROWS:
            return None
    columns, kept, blank_as_zero = [], [], set()
    for name in names:
        values = rows[name].to_numpy(dtype=float, na_value=np.nan)
        if space == LOGS:
            odds = _log_odds(values)
            if odds is not None and np.isfinite(odds[usable]).mean() >= IDENTITY_FILLED:
                # A share of a total that includes the target (Black men among all men in
                # prison) gives it back through its odds times the rest of the total.
                columns.append(odds)
                kept.append(name + ODDS_TERM)
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(values > 0, np.log(values), np.nan)
        filled = np.isfinite(values[usable])
        if filled.mean() < IDENTITY_FILLED:
            if space == LOGS or not filled.any():
                continue
            if not zero_blanks and (values[usable][filled] == 0).any():
                continue
            values = np.nan_to_num(values, nan=0.0)
            blank_as_zero.add(name)
        columns.append(values)
        kept.append(name)
    if len(kept) < 2:
        return None
    values = np.column_stack(columns)
    complete = usable & np.isfinite(values).all(axis=1)
    # Ten rows per column: the weakest columns are left out when the complete rows are few.
    most = int(complete.sum()) // IDENTITY_ROWS_PER_COLUMN
    if most < 2 or complete.sum() < IDENTITY_MIN_ROWS:
        return None
    y = np.log(target[complete]) if space == LOGS else target[complete]
    x = values[complete]
    spread = x.std(axis=0)
    # A constant column (a month without snow in any year) takes no place among the few, and
    # a nearly constant one (one trace of snow in a century) only a place left over.
    usual = np.array([_top_share(x[:, j]) >= NEARLY_CONSTANT for j in range(x.shape[1])])
    varied = np.flatnonzero(spread > 0)
    varied = np.concatenate([varied[~usual[varied]], varied[usual[varied]]])[:most]
    if y.std() == 0 or len(varied) < 2:
        return None
    x = (x[:, varied] - x[:, varied].mean(axis=0)) / spread[varied]
    names = [kept[i] for i in varied]
    return _Design(names, x, y - y.mean(), spread[varied], frozenset(blank_as_zero) & set(names))


NEARLY_CONSTANT = 0.98
"""Share of the rows on one value from which a column is nearly constant."""


def _top_share(values: np.ndarray) -> float:
    """Share of the values on the most common one."""
    _, counts = np.unique(values, return_counts=True)
    return float(counts.max()) / len(values)


ODDS_TERM = " as odds"
"""A share's term in a formula in logs: log(share / (1 - share)), for a column of shares."""


def _log_odds(values: np.ndarray) -> np.ndarray | None:
    """Log odds of a column of shares (strictly between 0 and 1, or 0 and 100 in per cent),
    or None for any other column."""
    filled = values[np.isfinite(values)]
    if len(filled) == 0 or filled.min() < 0 or filled.max() >= 100:
        return None
    whole = 1.0 if filled.max() < 1 else 100.0
    inside = (values > 0) & (values < whole)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(inside, np.log(values / (whole - values)), np.nan)


def _shown(term: str) -> str:
    """A term as the finding writes it: a column's name, or "(odds of 'share')"."""
    source = _source(term)
    return f"(odds of {source!r})" if source != term else repr(term)


def _source(term: str) -> str:
    """The column a formula's term is made of."""
    return term.removesuffix(ODDS_TERM)


def _left(x: np.ndarray, y: np.ndarray, fit: np.ndarray, check: np.ndarray) -> float:
    """Share of ``y``'s variance left on the ``check`` rows by a least-squares fit on ``fit``."""
    design = np.column_stack([x[fit], np.ones(int(fit.sum()))])
    weights, *_ = np.linalg.lstsq(design, y[fit], rcond=None)
    residual = y[check] - np.column_stack([x[check], np.ones(int(check.sum()))]) @ weights
    return float(residual.var() / max(y[check].var(), 1e-300))


def _held_out(x: np.ndarray, y: np.ndarray) -> float:
    """The worse share left when fitting on one half of the rows and checking on the other."""
    half = np.arange(len(y)) % 2 == 0
    return max(_left(x, y, half, ~half), _left(x, y, ~half, half))


def _fewest(x: np.ndarray, y: np.ndarray, tolerance: float = IDENTITY_ERROR) -> list[int] | None:
    """The fewest columns whose fit leaves at most ``IDENTITY_ERROR``: grown greedily by the
    column that best follows what is left (orthogonal matching pursuit), then pruned of any
    column the others do without."""
    every = np.ones(len(y), dtype=bool)
    chosen: list[int] = []
    residual = y
    while len(chosen) < min(IDENTITY_MAX_COLUMNS, x.shape[1]):
        follows = np.abs(x.T @ residual)
        follows[chosen] = -1
        chosen.append(int(np.argmax(follows)))
        weights, *_ = np.linalg.lstsq(x[:, chosen], y, rcond=None)
        residual = y - x[:, chosen] @ weights
        if residual.var() <= tolerance * y.var():
            break
    else:
        return None
    for column in list(chosen):
        others = [c for c in chosen if c != column]
        if others and _left(x[:, others], y, every, every) <= tolerance:
            chosen = others
    return chosen


ROUNDING_ALLOWANCE = 3
"""A formula of rounded numbers may leave this many times the variance their rounding adds
(a total of marks rounded to whole points leaves about 4e-4 of its variance)."""


ROUNDED_MIN_VALUES = 20
"""A rounded measurement takes at least this many values on its grid; fewer are levels (a
count, an answer -1/0/1) that rounding did not make."""


def _step(values: np.ndarray, min_values: int = ROUNDED_MIN_VALUES) -> float:
    """The grid a column's values sit on (0.5 for half marks), or 0 when they sit on none
    or take fewer than ``min_values`` values (levels, not a rounding)."""
    unique = np.unique(values)
    if len(unique) < max(min_values, 2):
        return 0.0
    gaps = np.diff(unique)
    gaps = gaps[gaps > 1e-9 * (unique[-1] - unique[0])]
    if not len(gaps) or len(unique) > len(values) / 2:
        return 0.0
    step = float(gaps.min())
    units = (unique - unique[0]) / step
    return step if bool(np.all(np.abs(units - np.round(units)) < 1e-6)) else 0.0


def _tolerance(x: np.ndarray, y: np.ndarray, space: str) -> float:
    """Share of the target's variance a formula may leave: ``IDENTITY_ERROR``, or more where
    the target and the columns are rounded (in the numbers' own space: a rounding is no
    fixed share in logs)."""
    if space != NUMBERS:
        return IDENTITY_ERROR
    weights, *_ = np.linalg.lstsq(np.column_stack([x, np.ones(len(y))]), y, rcond=None)
    steps = np.array([_step(x[:, j]) for j in range(x.shape[1])])
    rounding = (_step(y) ** 2 + float(np.sum((weights[:-1] * steps) ** 2))) / 12
    return max(IDENTITY_ERROR, ROUNDING_ALLOWANCE * rounding / max(float(y.var()), 1e-300))


def find_identity(rows: pd.DataFrame, names: list[str], target: screen.Target) -> Identity | None:
    """The fewest of ``names`` (numbers, strongest first) that give a numeric target back
    exactly on held-out rows, through a weighted sum or, in logs, a product of powers."""
    if target.task != "regression":
        return None
    values = target.values.astype(float)
    zeroed: frozenset[str] | None = None
    for space, zero_blanks in ((NUMBERS, False), (NUMBERS, True), (LOGS, False)):
        design = _design(rows, names, values, space, zero_blanks)
        if design is None or (zero_blanks and design.blank_as_zero == zeroed):
            continue
        if space == NUMBERS and not zero_blanks:
            zeroed = design.blank_as_zero
        x, y = design.x, design.y
        # Every column at once first: most tables hold no formula, and one fit says so. An
        # exact fit is searched exactly: what rounding may add is allowed only when needed
        # (a sum of integer items left 1e-29, and rounding's allowance would let a few of
        # them pass for the whole).
        whole = _held_out(x, y)
        tolerance = IDENTITY_ERROR if whole <= IDENTITY_ERROR else _tolerance(x, y, space)
        if whole > tolerance:
            continue
        chosen = _fewest(x, y, tolerance)
        if chosen is None or len(chosen) < 2:
            continue
        error = _held_out(x[:, chosen], y)
        alone = 1 - float(np.max((x.T @ y) ** 2) / (len(y) ** 2 * y.var()))
        if (
            error > max(tolerance, _tolerance(x[:, chosen], y, space))
            or error > IDENTITY_SHARE * alone
        ):
            continue
        weights, *_ = np.linalg.lstsq(
            np.column_stack([x[:, chosen], np.ones(len(y))]), y, rcond=None
        )
        terms = tuple(design.names[c] for c in chosen)
        columns = tuple(dict.fromkeys(_source(t) for t in terms))
        # Back to the columns' own units: a total's parts weigh 1, an average's 1/k.
        return Identity(
            space,
            columns,
            tuple(float(w) for w in weights[:-1] / design.spread[chosen]),
            error,
            alone,
            len(y),
            tuple(c for c in columns if c in design.blank_as_zero),
            terms,
        )
    return None


def odd_one(identity: Identity) -> str | None:
    """The one column of a sum of three or more whose weight has the other sign (the total or
    the average that includes the target, its parts taken back from it), if there is one."""
    if identity.space != NUMBERS or len(identity.terms) < 3:
        return None
    positive = [c for c, w in zip(identity.terms, identity.weights, strict=True) if w > 0]
    negative = [c for c in identity.terms if c not in positive]
    odd = [group for group in (positive, negative) if len(group) == 1]
    return odd[0][0] if len(odd) == 1 else None


def _formula_text(identity: Identity, target_name: str) -> str:
    if identity.space == LOGS:
        factors = "".join(
            f" {'×' if w >= 0 else '/'} {_shown(c)}^{abs(w):.2f}"
            for c, w in zip(identity.terms, identity.weights, strict=True)
        )
        return f"{target_name!r} = a constant{factors}"
    terms = " ".join(
        f"{'+' if w >= 0 else '−'} {abs(w):.2f} × {c!r}"
        for c, w in list(zip(identity.terms, identity.weights, strict=True))[:IDENTITY_SHOWN]
    )
    more = len(identity.terms) - IDENTITY_SHOWN
    return f"{target_name!r} = a constant {terms}" + (
        f" … and {more} more columns (every weight is in the evidence)" if more > 0 else ""
    )


def _share(value: float) -> str:
    return "less than a millionth" if value < 1e-6 else f"{value:.2g}"


def identity_finding(
    identity: Identity,
    target_name: str,
    target: screen.Target,
    stacked_without,
    with_all: float,
    lagged: frozenset[str] = frozenset(),
) -> Finding:
    """The medium question an exact formula raises: the data cannot tell which of its columns
    was computed from the target, or whether the target is itself computed from them.

    ``lagged``: columns the data show to be the target's own earlier value, known before the
    outcome: never the suspects."""
    earlier = [c for c in identity.columns if c in lagged]
    named = [
        c
        for c in identity.columns
        if not _earlier_value_of_the_target(c, target_name)
        and not _estimate_of_the_target(c, target_name)
        and c not in lagged
    ]
    suspects = tuple(named) or identity.columns
    total = odd_one(identity)
    if total in suspects:
        suspects = (total, *(c for c in suspects if c != total))
    name = SCORE_NAMES[target.task]
    without = stacked_without(set(identity.columns))
    blanks = (
        f", blanks in {', '.join(map(repr, identity.blank_as_zero))} read as 0"
        if identity.blank_as_zero
        else ""
    )
    where = (
        f" (in logs, on the {identity.rows} rows where all are positive)"
        if identity.space == LOGS
        else f" (on {identity.rows} rows{blanks})"
    )
    if len(suspects) > 3:
        shown = f"{suspects[0]!r}, or another of these {len(suspects)} columns,"
    else:
        shown = ", ".join(repr(c) for c in suspects[:-1])
        shown = f"{shown} or {suspects[-1]!r}" if shown else repr(suspects[0])
    return Finding(
        "target_leak",
        "medium",
        suspects,
        f"Is {shown} computed from the target? Together, {len(identity.columns)} columns give "
        f"it back through a fixed formula: {_formula_text(identity, target_name)}{where}. "
        f"On rows the fit did not see it leaves {_share(identity.error)} of the target's "
        f"variance, where the best of them alone leaves {_share(identity.error_alone)}: "
        "measurements taken apart from the outcome rarely add up to it exactly; a total, an "
        f"average or a rate does. With every column the fast model scores {name} "
        f"{with_all:.3f}; without these, {without:.3f}.",
        "A column worked out from the target (a rate per employee, a share of a total, an "
        "average that includes it) gives it back: drop the one recorded after the outcome and "
        "keep the others. If every one is known before the outcome, the target is this formula "
        "and needs no model: compute it.",
        {
            "check": "exact formula (least squares over the numeric columns)",
            "space": identity.space,
            "weights": {
                c: round(w, 4) for c, w in zip(identity.terms, identity.weights, strict=True)
            },
            "share_left_held_out": float(f"{identity.error:.3g}"),
            "share_left_best_alone": round(identity.error_alone, 4),
            "rows": identity.rows,
            "blank_as_zero": list(identity.blank_as_zero),
            "score_name": name,
            "score_with": round(with_all, 4),
            "score_without": round(without, 4),
            **({"earlier_values_of_the_target": earlier} if earlier else {}),
            # The scores above drop every column of the formula, not only the suspects.
            "formula_columns": list(identity.columns),
        },
    )


FIXED_COLUMNS = 20
"""Numbers (the strongest) whose sums and differences are tried for a class target."""
FIXED_MAX_CLASSES = 10
FIXED_MIN_ROWS = 30
FIXED_HOME = 0.95
"""Share of a class's rows on which the sum (or difference) takes one value ..."""
FIXED_AWAY = 0.05
"""... and at most this share of the other rows."""
FIXED_MIN_VALUES = 3
"""Each column varies within the class (else the one-sided check's matter)."""


@dataclass(frozen=True)
class FixedSum:
    """Two numbers whose sum or difference is one value on one class's rows only."""

    first: str
    second: str
    how: str  # "sum" or "difference"
    value: float
    class_code: int
    share_in_class: float
    share_elsewhere: float
    class_rows: int


def find_fixed_sum(rows: pd.DataFrame, names: list[str], target: screen.Target) -> FixedSum | None:
    """Two numbers that add up (or differ) to one value on almost every row of one class and
    on almost no other row: a birth year plus a lifetime is the year of the census for the
    people still alive, an entry date plus a follow-up the study's end for everyone censored.
    The pair then names the class, although each column alone says little. Up to
    ``FIXED_MAX_CLASSES`` classes (an outcome and its censoring, a chosen mode of four)."""
    if target.task == "regression" or target.n_classes > FIXED_MAX_CLASSES:
        return None
    classes = target.values.astype(np.int64)
    numbers = {}
    for name in names:
        column = rows[name]
        if is_plain_number(column):
            numbers[name] = column.to_numpy(dtype=float, na_value=np.nan)
        if len(numbers) == FIXED_COLUMNS:
            break
    best: FixedSum | None = None
    listed = list(numbers)
    for i, first in enumerate(listed):
        for second in listed[i + 1 :]:
            a, b = numbers[first], numbers[second]
            for how, combined in (("sum", a + b), ("difference", a - b)):
                found = _fixed_on_a_class(combined, a, b, classes)
                if found is not None and (best is None or found[1] > best.share_in_class):
                    klass, inside, elsewhere, value, count = found
                    best = FixedSum(first, second, how, value, klass, inside, elsewhere, count)
    return best


FIXED_GLANCE = 64
"""Rows of a class looked at first: a sum fixed on 95 % of the class shows on most of them."""


def _fixed_on_a_class(combined: np.ndarray, a: np.ndarray, b: np.ndarray, classes: np.ndarray):
    present = np.isfinite(combined)
    rounded = np.round(combined, 6)
    for klass in np.unique(classes[present]):
        home = present & (classes == klass)
        # A glance at the class's first rows rules out almost every pair cheaply.
        glance = rounded[np.flatnonzero(home)[:FIXED_GLANCE]]
        if len(glance) and np.unique(glance, return_counts=True)[1].max() < 0.8 * len(glance):
            continue
        count = int(home.sum())
        if count < FIXED_MIN_ROWS:
            continue
        values, counts = np.unique(rounded[home], return_counts=True)
        top = int(counts.argmax())
        inside = counts[top] / count
        if inside < FIXED_HOME:
            continue
        if len(np.unique(a[home])) < FIXED_MIN_VALUES or len(np.unique(b[home])) < FIXED_MIN_VALUES:
            continue
        away = present & (classes != klass)
        if away.sum() < FIXED_MIN_ROWS:
            continue
        elsewhere = float((rounded[away] == values[top]).mean())
        if elsewhere <= FIXED_AWAY:
            return int(klass), float(inside), elsewhere, float(values[top]), count
    return None


def fixed_sum_finding(found: FixedSum, label: str, target_name: str) -> Finding:
    """The medium question a sum fixed on one class raises: one of the two is recorded with
    the outcome (a lifetime known at the death, a value for the option chosen)."""
    where = (
        f"on {found.share_in_class:.0%} of the {found.class_rows:,} rows where {target_name!r} "
        f"is {label!r}, and on {found.share_elsewhere:.0%} of the other rows"
    )
    if found.how == "difference" and found.value == 0:
        what = (
            f"{found.first!r} equals {found.second!r} {where}: together they name that class. "
            "A value recorded for the option that was chosen equals that option's own column "
            "exactly where it was chosen."
        )
    else:
        sign = "+" if found.how == "sum" else "−"
        what = (
            f"{found.first!r} {sign} {found.second!r} is {found.value:g} {where}: together "
            "they name that class. A lifetime beside a birth year adds up to the year of the "
            "census for everyone still alive; a follow-up beside an entry date ends at the "
            "study's close for everyone without the event."
        )
    return Finding(
        "target_leak",
        "medium",
        (found.first, found.second),
        f"Is {found.first!r} or {found.second!r} recorded with the outcome? {what}",
        "Find which of the two is written from the outcome (a value for the chosen option, a "
        "lifetime, a follow-up that stops at the event): drop it, and keep the one known at "
        "the start.",
        {
            "check": f"a {found.how} fixed on one class: one value on its rows, not elsewhere",
            "pair": [found.first, found.second],
            "value": found.value,
            "class": label,
            "share_of_class_rows": round(found.share_in_class, 4),
            "share_of_other_rows": round(found.share_elsewhere, 4),
        },
    )
