"""Two columns that give the target away together: joint bins, and for numbers their
ratio, product, difference, sum and weighted sum."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.formulas import (
    find_fixed_sum,
    find_identity,
    fixed_sum_finding,
    identity_finding,
    odd_one,
)
from lessons.audit.judge import (
    _earlier_value_of_the_target,
    _estimate_of_the_target,
    _names_the_target,
    _shares_a_word,
    name_words,
)
from lessons.audit.report import (
    NUMERIC_PAIR_CANDIDATES,
    PAIR_CANDIDATES,
    PAIR_ROWS,
    SCORE_NAMES,
    TOO_GOOD_LIFT,
    Finding,
)
from lessons.audit.screens import _unlift
from lessons.audit_types import is_plain_number

MIN_PRESENT = 0.6
"""A numeric pair is tried when both columns are filled on this share of rows or more (a
price-earnings ratio is empty for the loss-makers, a fifth of the companies)."""
MAX_PAIR_FINDINGS = 3
MORE_RATIOS = 4
"""Numbers named as ratios tried in pairs beyond the strongest ``NUMERIC_PAIR_CANDIDATES``."""
PAIR_MEDIUM_GAIN = 0.02
"""Lift lost without a strong pair of classification features, for it to be a question."""


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


def _weighted_sum(
    a: np.ndarray, b: np.ndarray, target: np.ndarray
) -> tuple[tuple[float, float], np.ndarray]:
    """The least-squares weights ``(x, y)`` and combination ``x·a + y·b`` of two numbers for a
    numeric target (NaN where either is missing): a total beside one of its parts gives the
    other part back, an average of two scores beside one gives the other (2 × average −
    score)."""
    present = np.isfinite(a) & np.isfinite(b)
    if present.sum() < 3:
        return (0.0, 0.0), np.full(len(a), np.nan)
    design = np.column_stack([a[present], b[present], np.ones(int(present.sum()))])
    (x, y, _), *_ = np.linalg.lstsq(design, target[present], rcond=None)
    return (float(x), float(y)), np.where(present, x * a + y * b, np.nan)


def _cells_of_a_design(a: np.ndarray, b: np.ndarray, target: screen.Target) -> bool:
    """Whether two numbers are the cells of a designed experiment, each measured several
    times: at most one pair of values for every ``DESIGN_REPLICATES`` rows, and a numeric
    target that differs between the replicates of most cells (a formula's rounded inputs
    repeat too, but give the same target each time)."""
    if target.task != "regression":
        return False
    present = np.isfinite(a) & np.isfinite(b)
    if not present.any():
        return False
    cells = pd.DataFrame({"a": a[present], "b": b[present], "y": target.values[present]})
    grouped = cells.groupby(["a", "b"], sort=False)["y"]
    sizes = grouped.size()
    if len(sizes) * DESIGN_REPLICATES > int(present.sum()):
        return False
    replicated = sizes >= 2
    return bool((grouped.nunique()[replicated] > 1).mean() >= DESIGN_VARIED)


DESIGN_REPLICATES = 2
DESIGN_VARIED = 0.5


def _compound_rates(a: np.ndarray, b: np.ndarray, target: np.ndarray) -> dict[str, np.ndarray]:
    """A positive level grown at a rate: log(target) fitted by x·log(a) + y·b, and by
    x·log(b) + y·a (NaN where undefined), each kept when the fit reaches ``GROWTH_EXACT_R2``
    in logs (a share of a total that includes the target reaches 0.993: its odds make the
    exact formula). An annual rate of change that ends at the target
    (a child mortality rate's yearly reduction from 2000 to 2018) gives the target back from
    the level it starts at, through neither a product nor a ratio."""
    found: dict[str, np.ndarray] = {}
    if not (target > 0).all():
        return found
    logged = np.log(target)
    for how, level, rate in (("compound rate", a, b), ("inverse compound rate", b, a)):
        present = np.isfinite(level) & np.isfinite(rate) & (level > 0)
        if present.mean() < MIN_PRESENT:
            continue
        design = np.column_stack(
            [np.log(level[present]), rate[present], np.ones(int(present.sum()))]
        )
        (x, y, c), *_ = np.linalg.lstsq(design, logged[present], rcond=None)
        # Nearly exact in logs, or it is some other formula (a share read as odds) or none.
        residual = logged[present] - design @ np.array([x, y, c])
        if 1 - residual.var() / max(float(logged[present].var()), 1e-300) < GROWTH_EXACT_R2:
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            found[how] = np.where(present, x * np.log(level) + y * rate, np.nan)
    return found


def _as_numbers(
    rows: pd.DataFrame, target_name: str, target: screen.Target, keep: np.ndarray
) -> screen.Target:
    """The target as numbers when its classes are numbers (answers -1, 0, 1 that an index
    adds up), for the formula search; else as it is."""
    column = rows[target_name]
    if target.task != "multiclass" or not is_plain_number(column):
        return target
    return screen.Target("regression", column.to_numpy(dtype=float)[keep], 0)


def _combination_leaks(
    rows: pd.DataFrame,
    ranked: list[str],
    lifts: dict[str, float],
    flagged: set[str],
    target_name: str,
    target: screen.Target,
    folds: np.ndarray,
    stacked_without: Callable[[set[str]], float],
    with_all: float,
    clock: str | None = None,
    moments: np.ndarray | None = None,
    entity: str | None = None,
    lagged: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Pairs of columns that together predict near-perfectly.

    Every pair of the strongest columns is scored on its joint bins; pairs of numbers also
    on their ratio, product and difference (a revenue per unit next to the units sold).
    When neither column does well on its own, the pair is a high finding. When one column is
    already strong (listings for a count of sales) but the formula removes at least half of
    its remaining error (listings divided by the months of stock that the sales set), it is
    a medium one: a question worth asking, since honest pairs rarely do that. A table can
    hide several formulas, so the best pairs are reported, each column in one pair at most.

    ``clock``: the time column, a number known on every row before its outcome. It is no
    suspect, but a formula's partner: a concentration times the hours since the dose, kept
    beside the concentration, gives it back through the hours.

    ``moments`` (the time order of the rows) and ``entity`` (the column each series is kept
    by) order the rows period by period, so that a difference pair's opening value (the
    bakers who started an episode, those left at the end of the one before) is told from
    its closing value; without a time order, it is not.

    ``lagged``: columns the data show to be the target's own earlier value (the record a new
    one broke, equal to the series' previous target), known before the outcome: a formula's
    partner.
    """
    order = _period_order(rows, moments, entity)
    formula_columns = _log_formula_columns(rows, [c for c in ranked if c not in flagged], target)
    candidates = list(dict.fromkeys([*formula_columns, *[c for c in ranked if c not in flagged]]))[
        : PAIR_CANDIDATES + len(formula_columns)
    ]
    codes = {c: screen.bin_codes(rows[c], screen.PAIR_BINS) for c in candidates}
    numeric = {
        c: rows[c].to_numpy(dtype=float, na_value=np.nan)
        for c in candidates
        if _numeric_enough(rows[c])
    }
    # The strongest numbers, and the ones named as ratios (the usual formula of a target).
    kept = [*list(numeric)[:NUMERIC_PAIR_CANDIDATES], *[c for c in numeric if _named_as_a_ratio(c)]]
    numeric = {c: numeric[c] for c in dict.fromkeys(kept[: NUMERIC_PAIR_CANDIDATES + MORE_RATIOS])}
    # A formula shows on a few thousand rows: the derived numbers use evenly spaced rows.
    keep = np.unique(np.linspace(0, len(rows) - 1, min(len(rows), PAIR_ROWS)).astype(int))
    pair_target = screen.Target(target.task, target.values[keep], target.n_classes)
    numeric = {c: values[keep] for c, values in numeric.items()}
    pairs: list[tuple[float, str, str, str]] = []
    formulas: dict[tuple[str, str], tuple[float, float]] = {}
    for i, first in enumerate(candidates):
        for second in candidates[i + 1 :]:
            (a, n_a), (b, n_b) = codes[first], codes[second]
            joint = screen.oof_encode(a * n_b + b, n_a * n_b, target, folds)
            best = (screen.score(joint, target), first, second, "joint bins")
            # Two factors of a design (the doses of five assays) code its cells in any
            # formula, and cells measured in triplicate predict well by their means: the
            # joint bins above judge them. A formula's pairs of values mostly come once.
            if (
                first in numeric
                and second in numeric
                and not _cells_of_a_design(numeric[first], numeric[second], pair_target)
            ):
                derived_numbers = _derived(numeric[first], numeric[second])
                if target.task == "regression":
                    # A sum (a change plus the level before it) only adds up to a number.
                    derived_numbers["sum"] = numeric[first] + numeric[second]
                    weights, combined = _weighted_sum(
                        numeric[first], numeric[second], pair_target.values
                    )
                    # A part taken back from a total or an average has a weight of the other
                    # sign; two honest inputs of a price both weigh in positively. Weights of
                    # one and minus one are the plain difference, judged as such.
                    if weights[0] * weights[1] < 0 and not np.allclose(
                        np.abs(weights), 1, atol=UNIT_WEIGHT
                    ):
                        derived_numbers["weighted sum"] = combined
                        formulas[(first, second)] = weights
                    derived_numbers.update(
                        _compound_rates(numeric[first], numeric[second], pair_target.values)
                    )
                for how, derived in derived_numbers.items():
                    value = _derived_score(derived, pair_target, line=how in MULTIPLICATIVE)
                    if value > best[0]:
                        best = (value, first, second, how)
            pairs.append(best)
    # A ratio computed from the target hides behind the column it divides when that column
    # is a leak already or too good alone (a run's pace beside its miles, for its time): the
    # ratios meet the flagged numbers too, through formulas only.
    for strong in [c for c in ranked if c in flagged and _numeric_enough(rows[c])]:
        values = rows[strong].to_numpy(dtype=float, na_value=np.nan)[keep]
        for ratio in [c for c in numeric if _named_as_a_ratio(c)]:
            scored = [
                (_derived_score(derived, pair_target), how)
                for how, derived in _derived(numeric[ratio], values).items()
            ]
            value, how = max(scored)
            pairs.append((value, ratio, strong, how))
    if clock is not None and _numeric_enough(rows[clock]):
        moments = rows[clock].to_numpy(dtype=float, na_value=np.nan)[keep]
        lifts = {**lifts, clock: screen.lift(_derived_score(moments, pair_target), target)}
        for column, values in numeric.items():
            scored = [
                (_derived_score(derived, pair_target), how)
                for how, derived in _derived(values, moments).items()
            ]
            value, how = max(scored)
            pairs.append((value, column, clock, how))
    findings: list[Finding] = []
    used: set[str] = set()
    siblings_of = _near_copies(rows, keep, ranked)
    for value, first, second, how in sorted(pairs, reverse=True):
        if len(findings) == MAX_PAIR_FINDINGS or screen.lift(value, target) < 0.9:
            break
        if first in used or second in used:
            continue
        # A rate that is a level's log kept beside the level (log passengers beside the
        # passengers) makes a product look like growth: the plain product or ratio of the
        # level speaks for the pair.
        rate = second if how == "compound rate" else first
        if how in COMPOUND and any(
            _same_order(rows, keep, rate, sibling) for sibling in siblings_of(rate, 0.5)
        ):
            continue
        scale = None
        # Only a pair that neither column explains alone (the high case) asks which member
        # is the scale; a formula beside a strong column is a question about both, unless
        # one of the two is named as a ratio.
        neither_alone = screen.lift(value, target) - max(lifts[first], lifts[second]) >= 0.3
        if clock in (first, second):
            scale = (clock, CLOCK_SCALE)
        elif len(lagged & {first, second}) == 1:
            scale = (next(iter(lagged & {first, second})), LAG_SCALE)
        elif how not in ("joint bins", "weighted sum", "sum", *COMPOUND):
            scale = (
                _scale_member(first, second, how, rows, keep, pair_target, siblings_of)
                if neither_alone
                else _beside_a_ratio(first, second, how, rows) or _beside_a_gap(first, second, how)
            ) or _opening_value(first, second, how, rows, order)
        finding = _pair_finding(
            value,
            first,
            second,
            how,
            lifts,
            target_name,
            target,
            stacked_without,
            with_all,
            scale=scale,
            weights=formulas.get((first, second)) if how == "weighted sum" else None,
        )
        if finding is not None:
            findings.append(finding)
            used.update((first, second))
    numbers = [c for c in ranked if c not in flagged and is_plain_number(rows[c])]
    numeric_target = _as_numbers(rows, target_name, pair_target, keep)
    identity = find_identity(rows.iloc[keep], numbers, numeric_target)
    if identity is not None and not set(identity.columns) <= used:
        findings.append(
            identity_finding(identity, target_name, target, stacked_without, with_all, lagged)
        )
        used.update(identity.columns)
        # A second total over the same parts (an index of every item beside one of the
        # social items): searched again without the first total.
        total = odd_one(identity)
        if total is not None:
            again = find_identity(
                rows.iloc[keep], [c for c in numbers if c != total], numeric_target
            )
            if again is not None and not set(again.columns) <= used:
                findings.append(
                    identity_finding(again, target_name, target, stacked_without, with_all, lagged)
                )
                used.update(again.columns)
    # The time order is tried too (a birth year plus a lifetime); identifiers are not.
    unranked = [
        c
        for c in rows.columns
        if c not in ranked and c != target_name and rows[c].nunique() <= len(rows) / 2
    ]
    fixed = find_fixed_sum(
        rows.iloc[keep], [*unranked, *(c for c in ranked if c not in flagged | used)], pair_target
    )
    if fixed is not None:
        findings.append(
            fixed_sum_finding(
                fixed, _class_label(rows, target_name, target, fixed.class_code), target_name
            )
        )
        used.update((fixed.first, fixed.second))
    if len(findings) < MAX_PAIR_FINDINGS:
        settled = _settling_pair(rows, candidates, used, target)
        if settled is not None:
            findings.append(settled)
    findings.extend(_one_sided_values(rows, ranked, flagged | used, target, target_name))
    return findings


ONE_SIDED_COLUMNS = 200
"""Columns (by rank) asked whether they are filled for one outcome only."""
ONE_SIDED_HOME = 0.98
"""One value holds this share of a class's rows (a code 0, "none") ..."""
ONE_SIDED_SHARE = 0.2
"""... the other values hold at least this share of the rows ..."""
ONE_SIDED_STRAYS = 20
"""... where the base rate would put at least this many rows of that class (so that their
absence is no chance) ..."""
ONE_SIDED_MANY_STRAYS = 100
"""... unless the base rate would put this many there and the column is named like the target
(a word, a year): a felony-arrest count of '86 above 0 on 18 % of the rows and on none of the
men not arrested in '86 is no honest exclusion; children only of the ever married are."""
ONE_SIDED_MAX_FINDINGS = 2
ONE_SIDED_CODES = 2
"""The other values are codes: at least this many of them hold ``SETTLED_MIN_ROWS`` rows."""
EMPTY_VALUES = frozenset(["", "0", "0.0", "none", "na", "n/a", "nan", "null", "missing", "-"])


def _numeric_enough(column: pd.Series) -> bool:
    return (
        pd.api.types.is_numeric_dtype(column)
        and not pd.api.types.is_bool_dtype(column)
        and column.notna().mean() >= MIN_PRESENT
    )


def _class_label(rows: pd.DataFrame, target_name: str, target: screen.Target, code: int) -> str:
    """The target's value written as in the table for a class code (the code itself when the
    rows do not hold the target)."""
    if target_name not in rows.columns:
        return str(code)
    labels = rows[target_name][target.values == code].dropna()
    return str(labels.mode().iloc[0]) if len(labels) else str(code)


def _empty_value(value: object) -> bool:
    """A value that records nothing: 0, missing, "none"."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return True
    return str(value).strip().lower() in EMPTY_VALUES


def _named_alike(column: str, target_name: str) -> bool:
    """Whether a column's name shares a word or a number (a year: "86") with the target's:
    ``felony_arrests_86`` beside ``arrested_86``, never ``num_children`` beside ``married``."""
    numbers = set(re.findall(r"\d+", column)) & set(re.findall(r"\d+", target_name))
    return bool(numbers) or _shares_a_word(column, target_name)


def _one_sided_values(
    rows: pd.DataFrame,
    ranked: list[str],
    skip: set[str],
    target: screen.Target,
    target_name: str,
) -> list[Finding]:
    """Columns of a few values filled for one side of the outcome only: one value (a code
    0, "none") holds almost every row of a class, the other values hold many rows and almost
    none of that class. A loan's purchaser is known only for loans that were made, so every
    rejected application has purchaser 0, and a purchaser code settles the approval.

    Honest categories shift the classes (a credit history, a region); a field written after
    the outcome, on one outcome's records only, empties a class out of most of its values.
    The home value is empty (0, missing, "none") and the others are several codes: a field
    not filled on one class. A flag or a category can exclude a class honestly (no one
    emails a spammer back, a species lives on one island); a code left empty on every row
    of a class and filled with several codes on many other rows is a record written after.
    A medium question: the record may be of something known before, which the user can tell."""
    if target.task == "regression":
        return []
    classes = target.values.astype(np.int64)
    n_classes = max(int(target.n_classes), int(classes.max()) + 1)
    class_rows = np.bincount(classes, minlength=n_classes)
    n = len(classes)
    found: list[tuple[float, Finding]] = []
    for name in ranked[:ONE_SIDED_COLUMNS]:
        if name in skip:
            continue
        column = rows[name]
        if not 2 <= column.nunique(dropna=False) <= SETTLED_MAX_VALUES:
            continue
        codes, values = pd.factorize(column, use_na_sentinel=False)
        counts = np.bincount(
            codes * n_classes + classes, minlength=len(values) * n_classes
        ).reshape(len(values), n_classes)
        for klass in range(n_classes):
            if class_rows[klass] < ONE_SIDED_STRAYS:
                continue
            home = int(counts[:, klass].argmax())
            if counts[home, klass] < ONE_SIDED_HOME * class_rows[klass]:
                continue
            sizes = counts.sum(axis=1)
            codes_away = int((sizes >= SETTLED_MIN_ROWS).sum()) - int(
                sizes[home] >= SETTLED_MIN_ROWS
            )
            if not _empty_value(values[home]) or codes_away < ONE_SIDED_CODES:
                continue
            away_rows = int(counts.sum() - counts[home].sum())
            away_class = int(class_rows[klass] - counts[home, klass])
            expected = away_rows * class_rows[klass] / n
            if expected < ONE_SIDED_STRAYS or (
                away_rows < ONE_SIDED_SHARE * n
                and (expected < ONE_SIDED_MANY_STRAYS or not _named_alike(name, target_name))
            ):
                continue
            if away_class > (1 - SETTLED_PURITY) * away_rows:
                continue
            share = away_rows / n
            found.append(
                (
                    share,
                    Finding(
                        "target_leak",
                        "medium",
                        (name,),
                        f"Is {name!r} filled only after the outcome, for one side of it? "
                        f"{counts[home, klass]} of the {class_rows[klass]} rows of one class "
                        f"have {name!r} = {values[home]}; its other values hold {share:.0%} "
                        f"of the rows and {away_class} of that class, where the class's share "
                        f"would put {expected:.0f}. A field written on one outcome's records "
                        "only (who bought a loan that was made) looks like that.",
                        f"Ask when {name!r} is recorded: if after the outcome, drop it; if it "
                        "is known before (a case only one kind of row can have), keep it.",
                        {
                            "check": "one-sided values: one value holds a class, the others "
                            "almost none of it",
                            "home_value": str(values[home]),
                            "class_rows_at_home": int(counts[home, klass]),
                            "class_rows": int(class_rows[klass]),
                            "rows_elsewhere": away_rows,
                            "class_rows_elsewhere": away_class,
                            "expected_elsewhere": round(float(expected), 1),
                        },
                    ),
                )
            )
            break
    found.sort(key=lambda pair: -pair[0])
    return [finding for _, finding in found[:ONE_SIDED_MAX_FINDINGS]]


SETTLED_MAX_VALUES = 10
"""Columns of at most this many values (categories, flags) are tried as settling pairs."""
SETTLED_PURITY = 0.98
"""A combination settles the target when one class holds this share of its rows ..."""
SETTLED_MIN_ROWS = 10
"""... on at least this many rows."""
SETTLED_PAIR_SHARE = 0.5
"""A pair is asked about when its settled combinations hold this share of the rows ..."""
SETTLED_GAIN = 0.4
"""... this much more than either column's settled values alone ..."""
SETTLED_CLASSES = 2
"""... and they settle at least this many different classes (not only the common one)."""


def _settled(codes: np.ndarray, n_codes: int, classes: np.ndarray, n_classes: int) -> tuple:
    """The share of rows whose value (or combination) settles the class, and the classes
    settled."""
    counts = np.bincount(codes * n_classes + classes, minlength=n_codes * n_classes).reshape(
        n_codes, n_classes
    )
    sizes = counts.sum(axis=1)
    top = counts.max(axis=1)
    pure = (sizes >= SETTLED_MIN_ROWS) & (top >= SETTLED_PURITY * np.maximum(sizes, 1))
    return float(sizes[pure].sum() / len(codes)), set(counts[pure].argmax(axis=1).tolist())


def _settling_pair(
    rows: pd.DataFrame, candidates: list[str], used: set[str], target: screen.Target
) -> Finding | None:
    """Two categories whose combinations settle a class on most rows, though neither does
    alone: a ball is a pitch with a negative result and no swing, a called strike one with a
    positive result and no swing. The two fields are halves of the outcome's record.

    Honest categories rarely settle the outcome outright in several combinations, each of
    another class; the pair's blurred cells (a swing that is a strike or a ball in play) can
    keep its score modest, so the pair search's near-perfect bar misses it. A medium
    question: the share of rows settled is the evidence."""
    if target.task == "regression":
        return None
    classes = target.values.astype(np.int64)
    n_classes = max(int(target.n_classes), int(classes.max()) + 1)
    small = [
        c for c in candidates if c not in used and 2 <= rows[c].nunique() <= SETTLED_MAX_VALUES
    ]
    codes = {c: pd.factorize(rows[c], use_na_sentinel=False)[0] for c in small}
    alone = {c: _settled(codes[c], int(codes[c].max()) + 1, classes, n_classes)[0] for c in small}
    best: tuple | None = None
    for i, first in enumerate(small):
        for second in small[i + 1 :]:
            n_second = int(codes[second].max()) + 1
            joint = codes[first] * n_second + codes[second]
            share, settled = _settled(
                joint, (int(codes[first].max()) + 1) * n_second, classes, n_classes
            )
            gain = share - max(alone[first], alone[second])
            if (
                share >= SETTLED_PAIR_SHARE
                and gain >= SETTLED_GAIN
                and len(settled) >= SETTLED_CLASSES
                and (best is None or share > best[0])
            ):
                best = (share, first, second, len(settled))
    if best is None:
        return None
    share, first, second, n_settled = best
    return Finding(
        "target_leak",
        "medium",
        (first, second),
        f"Are {first!r} and {second!r} parts of the outcome's record? Together they settle "
        f"the target outright on {share:.0%} of rows ({n_settled} classes, each combination "
        f"{SETTLED_PURITY:.0%} one class or more), though alone they settle it on "
        f"{alone[first]:.0%} and {alone[second]:.0%}: two fields of one result (what "
        "happened and how) rarely do that, honest categories seldom settle it at all.",
        "Check when each is recorded: if both are written with or after the outcome, drop "
        "them; if both are known before, keep them (a rule a model will find).",
        {
            "check": "settling pair: combinations of two categories each hold one class",
            "pair": [first, second],
            "rows_settled_together": round(share, 4),
            "rows_settled_alone": {first: round(alone[first], 4), second: round(alone[second], 4)},
            "classes_settled": n_settled,
        },
    )


LOG_FORMULA_COLUMNS = 200
LOG_FORMULA_R2 = 0.9
LOG_FORMULA_GAIN = 0.3
MAX_LOG_FORMULAS = 3
EXACT_FORMULA_R2 = 0.999
EXACT_FORMULA_GAIN = 0.05
GROWTH_FORMULA_R2 = 0.99
GROWTH_ERROR_LEFT = 0.1
GROWTH_EXACT_R2 = 0.995


def _log_formula_columns(rows: pd.DataFrame, ranked: list[str], target: screen.Target) -> list[str]:
    """Members of the pairs of numbers that follow a numeric target as a formula, found over
    every pair at once: in log space the ratios and products of positive numbers (beside the
    target's log, or the target itself when it is a log), in the numbers' own space their
    differences and sums.

    A product or a ratio is a sum in logs: log(fare) = log(revenue) − log(passengers); a
    change is a difference: weight change = weight now − weight then. The R² of a
    two-column linear fit follows from three correlations, so every pair is scored in one
    matrix, including weak columns the pair search would never reach by their own strength
    (a revenue that alone says nothing about the fare, a weight that alone says little about
    its change). Pairs whose fit reaches ``LOG_FORMULA_R2`` and beats the better column
    alone by ``LOG_FORMULA_GAIN`` are passed on, for the pair search to score exactly (with
    the other pairs)."""
    if target.task != "regression":
        return []
    dtypes = rows.dtypes
    numbers = []
    for c in ranked[:LOG_FORMULA_COLUMNS]:
        if not pd.api.types.is_numeric_dtype(dtypes[c]) or pd.api.types.is_bool_dtype(dtypes[c]):
            continue
        values = rows[c].to_numpy(dtype=float, na_value=np.nan)
        if np.isfinite(values).mean() >= MIN_PRESENT:
            numbers.append((c, values))
    names: list[str] = []
    positive = [(c, v) for c, v in numbers if (v[np.isfinite(v)] > 0).all()]
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = [np.log(v) for _, v in positive]
    if (target.values > 0).all():
        with np.errstate(divide="ignore", invalid="ignore"):
            names += _two_column_fits([c for c, _ in positive], logs, np.log(target.values))
            # A level and a rate of growth (the log of one, the other as it is).
            names += _two_column_fits(
                [*(c for c, _ in positive), *(c for c, _ in numbers)],
                [*logs, *(v for _, v in numbers)],
                np.log(target.values),
                crossed=len(positive),
            )
    # A target that is itself a log (a log wage): the logs of a product of its own level
    # (weekly earnings, the hourly wage times the hours) add up to it as it is.
    names += _two_column_fits([c for c, _ in positive], logs, target.values)
    names += _two_column_fits([c for c, _ in numbers], [v for _, v in numbers], target.values)
    return list(dict.fromkeys(names))


def _two_column_fits(
    names: list[str], columns: list[np.ndarray], target: np.ndarray, crossed: int | None = None
) -> list[str]:
    """The members of the best pairs (at most ``MAX_LOG_FORMULAS``) whose two-column linear
    fit of ``target`` reaches ``LOG_FORMULA_R2`` and beats the better column alone by
    ``LOG_FORMULA_GAIN``.

    ``crossed``: only pairs of one of the first ``crossed`` columns (logs of levels) with
    one of the others (rates as they are). A level grown at a rate passes when the fit
    reaches ``GROWTH_FORMULA_R2`` and leaves at most ``GROWTH_ERROR_LEFT`` of what the
    better column leaves: the level alone (a country's mortality in 2000) already gives
    most of the target (its mortality in 2018), the rate rounded to a tenth the rest."""
    if len(columns) < 2:
        return []
    values = np.column_stack(columns)
    complete = ~np.isnan(values).any(axis=1)
    # A filled-in mean breaks a formula on its rows: use the complete rows when they are
    # most of the table.
    if complete.mean() >= 0.5:
        matrix = np.column_stack([values[complete], target[complete]])
    else:
        values = np.where(np.isnan(values), np.nanmean(values, axis=0), values)
        matrix = np.column_stack([values, target])
    with np.errstate(divide="ignore", invalid="ignore"):
        correlation = np.nan_to_num(np.corrcoef(matrix, rowvar=False))
    with_target = correlation[:-1, -1]
    between = correlation[:-1, :-1]
    first, second = np.triu_indices(len(columns), k=1)
    r1, r2, r12 = with_target[first], with_target[second], between[first, second]
    with np.errstate(divide="ignore", invalid="ignore"):
        fit = (r1**2 + r2**2 - 2 * r1 * r2 * r12) / (1 - r12**2)
    fit = np.where(np.abs(r12) < 0.999, np.nan_to_num(fit), 0.0)
    gain = fit - np.maximum(r1**2, r2**2)
    # An exact fit passes with a smaller gain: weekly earnings alone give 0.82 of a log wage,
    # and with the hours all of it.
    if crossed is not None:
        left = (1 - fit) / np.maximum(1 - np.maximum(r1**2, r2**2), 1e-12)
        passes = (
            (first < crossed)
            & (second >= crossed)
            & (fit >= GROWTH_FORMULA_R2)
            & (left <= GROWTH_ERROR_LEFT)
        )
    else:
        passes = (fit >= LOG_FORMULA_R2) & (
            (gain >= LOG_FORMULA_GAIN) | ((fit >= EXACT_FORMULA_R2) & (gain >= EXACT_FORMULA_GAIN))
        )
    chosen = np.flatnonzero(passes)
    chosen = chosen[np.argsort(-fit[chosen])][:MAX_LOG_FORMULAS]
    return [names[i] for pair in zip(first[chosen], second[chosen], strict=True) for i in pair]


SIBLING_CORRELATION = 0.95
"""A near-copy of a column (a population and the population over 16) correlates this much."""
MAX_SIBLING_COLUMNS = 500


def _near_copies(
    rows: pd.DataFrame, keep: np.ndarray, ranked: list[str]
) -> Callable[..., list[str]]:
    """For a numeric column, the other numeric columns that nearly copy it (|r| ≥ 0.95, or
    a given threshold), computed on the pair rows, on demand (only a formula pair asks)."""
    block: list[pd.DataFrame] = []
    correlations: dict[str, pd.Series] = {}

    def siblings(column: str, threshold: float = SIBLING_CORRELATION) -> list[str]:
        if not block:
            dtypes = rows.dtypes
            numeric = [
                c
                for c in ranked[:MAX_SIBLING_COLUMNS]
                if pd.api.types.is_numeric_dtype(dtypes[c])
                and not pd.api.types.is_bool_dtype(dtypes[c])
            ]
            block.append(rows[numeric].iloc[keep].astype(float))
        values = block[0]
        if column not in values.columns:
            return []
        if column not in correlations:
            with np.errstate(divide="ignore", invalid="ignore"):  # a constant column: NaN
                correlations[column] = values.corrwith(values[column]).drop(column).abs()
        correlation = correlations[column]
        return list(correlation.index[correlation >= threshold])

    return siblings


def _scale_member(
    first: str,
    second: str,
    how: str,
    rows: pd.DataFrame,
    keep: np.ndarray,
    target: screen.Target,
    siblings_of: Callable[..., list[str]],
) -> tuple[str, str] | None:
    """The member of a formula pair that any near-copy can replace, when the other cannot.

    A count divided by a population gives a rate away; the population over 16 serves as
    well as the population (a size, an honest scale), while nothing replaces the count that
    was computed from the target. The replaceable member is then the partner, not the
    suspect. Failing that, the one member the table also holds re-expressed (``lpassen``
    beside ``passen``) is the input. Returns the member and the reason (``NEAR_COPY_SCALE``
    or ``REEXPRESSED_SCALE``); None when neither or both qualify (the pair stays the
    finding)."""
    replaceable = []
    for member, other in ((first, second), (second, first)):
        for sibling in siblings_of(member):
            if sibling == other:
                continue
            a = rows[sibling].to_numpy(dtype=float, na_value=np.nan)[keep]
            b = rows[other].to_numpy(dtype=float, na_value=np.nan)[keep]
            pair = (a, b) if member == first else (b, a)
            swapped = _derived(*pair)[how]
            if (
                screen.lift(_derived_score(swapped, target, line=how in MULTIPLICATIVE), target)
                >= 0.9
            ):
                replaceable.append(member)
                break
    if len(replaceable) == 1:
        return replaceable[0], NEAR_COPY_SCALE
    if replaceable:
        return None
    # No near-copy works in the formula. A member the table also holds re-expressed (its
    # log, its square: the same order on every row) was prepared as a feature by whoever
    # built the table, an input; a column computed from the target rarely is.
    reexpressed = [
        member
        for member in (first, second)
        if any(_same_order(rows, keep, member, sibling) for sibling in siblings_of(member, 0.5))
    ]
    if len(reexpressed) == 1:
        return reexpressed[0], REEXPRESSED_SCALE
    return _beside_a_ratio(first, second, how, rows) or _beside_a_gap(first, second, how)


GAP_WORDS = frozenset(
    ["gap", "diff", "difference", "delta", "margin", "excess", "surplus", "shortfall"]
)


def _beside_a_gap(first: str, second: str, how: str) -> tuple[str, str] | None:
    """The honest input of a difference pair whose other member is named as a gap (a trust
    in the police minus its rating of the police's fairness, beside that rating): the gap is
    what was computed, the other member is an answer of its own. None when neither or both
    are named so."""
    if how != "difference":
        return None
    named = [bool(set(name_words(c)) & GAP_WORDS) for c in (first, second)]
    if named.count(True) != 1:
        return None
    return (second if named[0] else first), GAP_SCALE


def _period_order(
    rows: pd.DataFrame, moments: np.ndarray | None, entity: str | None
) -> np.ndarray | None:
    """The rows' positions period by period: by entity, then by moment. None without a time
    order: a file's order can run either way (statements listed newest first), and read
    backwards the closing value looks like the opening one."""
    if moments is None:
        return None
    by_moment = np.argsort(np.asarray(moments, dtype=float), kind="stable")
    if entity is None or entity not in rows:
        return by_moment
    codes = pd.factorize(rows[entity].to_numpy()[by_moment], use_na_sentinel=False)[0]
    return by_moment[np.argsort(codes, kind="stable")]


def _opening_value(
    first: str, second: str, how: str, rows: pd.DataFrame, order: np.ndarray | None
) -> tuple[str, str, float] | None:
    """The honest member of a difference pair that is the other member one period earlier:
    a stock at the start of a period is the stock at the end of the one before (the bakers
    who start an episode are those left after the last one, an opening balance is the last
    closing one). The opening value is known when the period starts; the closing value is
    recorded after the outcome, and their difference is the target.

    Returns the opening member, ``OPENING_SCALE`` and the share of consecutive rows where it
    equals the other's previous value; None when neither or both members read so."""
    if how != "difference" or order is None or len(order) < OPENING_MIN_ROWS:
        return None
    values = {
        c: pd.to_numeric(rows[c], errors="coerce").to_numpy(dtype=float, na_value=np.nan)[order]
        for c in (first, second)
    }
    found = []
    for opening, closing in ((first, second), (second, first)):
        now, before, after = values[opening][1:], values[closing][:-1], values[closing][1:]
        known = np.isfinite(now) & np.isfinite(before) & np.isfinite(after)
        if known.sum() < OPENING_MIN_ROWS:
            continue
        carried = float(np.isclose(now[known], before[known]).mean())
        # Against chance: a column of a few small counts meets the other's values often, at
        # any lag; an opening value meets the previous closing one, not the next.
        ahead = float(np.isclose(values[opening][:-1], after).mean())
        if carried >= OPENING_SHARE and carried - ahead >= OPENING_MARGIN:
            found.append((opening, OPENING_SCALE, carried))
    return found[0] if len(found) == 1 else None


OPENING_MIN_ROWS = 10
"""Consecutive rows, at least, to read an opening value from ..."""
OPENING_SHARE = 0.7
"""... on this share of them (a new series starts afresh: its first row has no previous) ..."""
OPENING_MARGIN = 0.5
"""... and on this much more of them than it meets the next row's value."""


def _per_the_target(column: str, target: str) -> bool:
    """Whether a column is a rate per unit of the target (``fee_per_visit`` for ``visits``):
    the target's word comes after "per"."""
    words = name_words(column)
    if "per" not in words:
        return False
    after = " ".join(words[words.index("per") + 1 :])
    return bool(after) and _shares_a_word(after, target)


def _named_as_a_ratio(column: str) -> bool:
    """Whether a column's name says it is computed from others (``pe_ratio``,
    ``CostPerSqFt``, ``SPLPPct``, ``PaceMin``): a ratio, a share, a rate, an average."""
    return any(word in RATIO_WORDS for word in name_words(column))


def _beside_a_ratio(
    first: str, second: str, how: str, rows: pd.DataFrame
) -> tuple[str, str] | None:
    """The honest input of a formula pair whose other member is a ratio computed from the
    target, when the data show the division: the target as the ratio times the other
    (market value = price-earnings ratio × profits), the ratio named as one, and the ratio
    empty wherever the other is zero or negative (no price-earnings ratio for a loss-maker).

    The name alone cannot tell: an honest average price times the units recorded with the
    revenue looks the same as a ratio computed from it. None when the data do not show it.
    """
    if how != "product":
        return None
    named = [_named_as_a_ratio(c) for c in (first, second)]
    if named.count(True) != 1:
        return None
    ratio, other = (first, second) if named[0] else (second, first)
    divisor = pd.to_numeric(rows[other], errors="coerce")
    undefined = divisor <= 0
    if int(undefined.sum()) < UNDEFINED_MIN_ROWS:
        return None
    if float(rows.loc[undefined, ratio].isna().mean()) < UNDEFINED_EMPTY:
        return None
    return other, RATIO_SCALE


UNDEFINED_MIN_ROWS = 10
"""Rows where the divisor is zero or negative, at least, for a ratio's emptiness there ..."""
UNDEFINED_EMPTY = 0.95
"""... to show the division: the ratio is empty on this share of them."""


RATIO_WORDS = frozenset(
    [
        "ratio",
        "per",
        "pct",
        "percent",
        "percentage",
        "share",
        "rate",
        "pace",
        "avg",
        "average",
        "mean",
        "proportion",
        "fraction",
    ]
)
UNIT_WEIGHT = 0.02
"""A weighted sum whose weights are one and minus one within this is a plain difference."""
NEAR_COPY_SCALE = "near-copy"
REEXPRESSED_SCALE = "re-expressed"
RATIO_SCALE = "beside a ratio"
GAP_SCALE = "beside a gap"
OPENING_SCALE = "an opening value"
LAG_SCALE = "the target's earlier value"
CLOCK_SCALE = "the time order"
MULTIPLICATIVE = ("product", "ratio", "inverse ratio")
COMPOUND = ("compound rate", "inverse compound rate")
_SCALE_EVIDENCE = {
    NEAR_COPY_SCALE: "replaceable_by_a_near_copy",
    REEXPRESSED_SCALE: "held_re_expressed_as_an_input",
    RATIO_SCALE: "input_beside_a_column_named_as_a_ratio",
    GAP_SCALE: "input_beside_a_column_named_as_a_gap",
    OPENING_SCALE: "opening_value_known_when_the_period_starts",
    LAG_SCALE: "partner_is_an_earlier_value_of_the_target",
    CLOCK_SCALE: "partner_is_the_time_column",
}
MONOTONE_COPY = 0.999
"""Rank correlation of a column with its re-expression (a log, a square, a rescaling)."""


def _same_order(rows: pd.DataFrame, keep: np.ndarray, column: str, other: str) -> bool:
    a = rows[column].iloc[keep].rank()
    b = rows[other].iloc[keep].rank()
    return bool(abs(a.corr(b)) >= MONOTONE_COPY)


def _pair_finding(
    value: float,
    first: str,
    second: str,
    how: str,
    lifts: dict[str, float],
    target_name: str,
    target: screen.Target,
    stacked_without: Callable[[set[str]], float],
    with_all: float,
    scale: tuple | None = None,
    weights: tuple[float, float] | None = None,
) -> Finding | None:
    """One pair judged: high when neither column comes close alone and the pair is too good;
    a medium question when the pair is strong (a formula of a number that removes half of the
    better column's error, or two columns far better together than apart that the model leans
    on); None otherwise."""
    pair_lift = screen.lift(value, target)
    single_best = max(lifts[first], lifts[second])
    error_left = (1 - pair_lift) / max(1 - single_best, 1e-9)
    # Two honest features combine (floor area and rooms, two fatty acids of an olive oil);
    # a pair is high only when it is too good, as a single column is. A number that a formula
    # of two columns reproduces, beside one strong column, is a medium question.
    neither_alone = pair_lift - single_best >= 0.3
    formula_of_a_number = target.task == "regression" and how != "joint bins"
    if pair_lift < 0.9 or not (neither_alone or (formula_of_a_number and error_left <= 0.5)):
        return None
    too_good = pair_lift >= TOO_GOOD_LIFT
    # A level grown at a rate is the target whether the rate was computed from it or both
    # were known before (a deposit and its interest rate give the balance): a question.
    severity = "high" if neither_alone and too_good and how not in COMPOUND else "medium"
    without = stacked_without({first, second})
    leaned_on = screen.lift(with_all, target) - screen.lift(without, target)
    if severity == "medium" and not formula_of_a_number and leaned_on < PAIR_MEDIUM_GAIN:
        # The other columns carry the same signal: nothing here a leak would explain.
        return None
    name = SCORE_NAMES[target.task]
    # The pair is a formula of the target; the column named like the target is the one
    # that carries it (price per square foot beside the floor area, for a price).
    # An estimate of the target made before it (a list price) shares its name honestly, and
    # so does an earlier value of it (last year's rate beside this year's change).
    # A rate per unit of the target does too (a fee per visit, for the visits).
    # Of a weighted total and its part, only the total holds the target: a part sharing the
    # target's word is a sibling measure (the oral exam beside the written one).
    parts = {
        c
        for c, w in zip((first, second), weights or (), strict=False)
        if how == "weighted sum" and w < 0
    }
    named = [
        c
        for c in (first, second)
        if how not in COMPOUND
        and c not in parts
        and (_shares_a_word(c, target_name) or _names_the_target(c, target_name))
        and not _estimate_of_the_target(c, target_name)
        and not _per_the_target(c, target_name)
        and not _earlier_value_of_the_target(c, target_name)
    ]
    if len(named) == 1:
        suspects = tuple(named)
    elif scale is not None:
        # The member that a near-copy replaces (or that the table also holds re-expressed)
        # is an honest scale; the other carries it.
        suspects = tuple(c for c in (first, second) if c != scale[0])
    else:
        suspects = (first, second)
    partner = next((c for c in (first, second) if c not in suspects), None)
    unresolved = (
        partner is None
        and formula_of_a_number
        and how in (*MULTIPLICATIVE, "sum", "weighted sum", *COMPOUND)
        # A total weighing one is what the target is taken from (a sale less 1.03 times its
        # buying price): a difference with a rate, a bookkeeping identity as a plain
        # difference is. (An average weighs two: the final exam = 2 x the course average
        # - the midterm.)
        and not (
            how == "weighted sum" and weights is not None and abs(max(weights) - 1) <= UNIT_WEIGHT
        )
    )
    # Times the clock, a rate gives back an amount whether the rate was computed from the
    # amount or the amount from an honest rate (a contract's rent per day over the days),
    # whatever the rate's name shares with the target's.
    unresolved = unresolved or (
        scale is not None and scale[1] == CLOCK_SCALE and how in MULTIPLICATIVE
    )
    if severity == "high" and unresolved:
        # A rate times a count is the target both when the rate was computed from it and
        # when the count was (an honest price per unit times the units sold): high would
        # say which to drop, and the data cannot tell. So is a change plus the level before
        # it (this year's rate = the change + last year's rate, an honest lag), and a
        # weighted total beside one of its parts (the target = 1.67 x the total - 0.67 x the
        # part): the total computed from the target (an exam's combined score, 60 % written
        # and 40 % oral, beside the oral's), or the part from an honest total. A plain
        # difference stays high: a bookkeeping identity (a weight change, a spread).
        severity = "medium"
    formula = {
        "joint bins": "together",
        "product": f"through their product ({first!r} × {second!r})",
        "ratio": f"through their ratio ({first!r} / {second!r})",
        "inverse ratio": f"through their ratio ({second!r} / {first!r})",
        "difference": f"through their difference ({first!r} − {second!r})",
        "sum": f"through their sum ({first!r} + {second!r})",
        "compound rate": f"as {first!r} grown at the rate {second!r} (the target's log is "
        f"a line in the log of {first!r} and in {second!r}, as when a rate of change ends at "
        "the target),",
        "inverse compound rate": f"as {second!r} grown at the rate {first!r} (the target's "
        f"log is a line in the log of {second!r} and in {first!r}, as when a rate of change "
        "ends at the target),",
        "weighted sum": "through a weighted sum with weights of opposite signs "
        f"({weights[0]:.2f} × {first!r} {'+' if weights[1] >= 0 else '−'} "
        f"{abs(weights[1]):.2f} × {second!r}, as when one is a total or an average that "
        "includes the target and the other takes back what is not the target)"
        if weights
        else "",
    }[how]
    how_well = "almost perfectly" if too_good else "well"
    best_alone = max(_unlift(lifts[first], target), _unlift(lifts[second], target))
    alone_text = (
        f"although neither does on its own (best {name} {best_alone:.3f})"
        if neither_alone
        else f"far better than either alone (best {name} {best_alone:.3f}): the formula "
        f"removes {1 - error_left:.0%} of what the better column leaves unexplained"
    )
    numbers = (
        f"With every column the fast model scores {name} {with_all:.3f}; without the pair, "
        f"{without:.3f}."
    )
    shown = " or ".join(repr(c) for c in suspects)
    if severity == "high":
        lead = (
            f"{suspects[0]!r} gives the target away together with {partner!r}"
            if partner
            else f"Together, {first!r} and {second!r} give the target away"
        )
        message = f"{lead}: {formula} they predict it {how_well} ({name} {value:.3f}), "
        if len(named) == 1:
            reason = "named like it"
        elif scale is not None and scale[1] == RATIO_SCALE:
            reason = (
                f"its name says it is a ratio, it is empty wherever {partner!r} is zero or "
                f"negative, as a division by {partner!r} would be, and times {partner!r} it "
                "gives back the target: the target is what was divided"
            )
        elif scale is not None and scale[1] == GAP_SCALE:
            reason = (
                f"its name says it is a gap, and with {partner!r} it gives back the target: "
                f"the target is one side of the difference, {partner!r} the other"
            )
        elif scale is not None and scale[1] == OPENING_SCALE:
            reason = (
                f"on {scale[2]:.0%} of the rows, taken period by period, {partner!r} is "
                f"{suspects[0]!r} of the period before: {partner!r} is where a period starts, "
                f"known then, and {suspects[0]!r} where it ends, after the outcome"
            )
        elif scale is not None and scale[1] == LAG_SCALE:
            reason = (
                f"{partner!r} is the target's own earlier value, known before the outcome, "
                f"and with {partner!r} it gives back the target"
            )
        elif scale is not None and scale[1] == CLOCK_SCALE:
            reason = (
                f"{partner!r} is the time order of the rows, known before any outcome, and "
                f"through {partner!r} alone it gives back the target"
            )
        elif scale is not None and scale[1] == REEXPRESSED_SCALE:
            reason = (
                f"the table also holds {partner!r} re-expressed (the same order on every "
                "row, as a log would be), so it is an input prepared as a feature; "
                f"{suspects[0]!r} is not"
            )
        else:
            reason = (
                f"{partner!r} can be swapped for a near-copy of it and the formula still "
                f"works, so it is an honest scale; nothing replaces {suspects[0]!r}"
            )
        how_made = (
            "recorded after the outcome"
            if scale is not None and scale[1] == OPENING_SCALE
            else "computed from the target"
        )
        advice = (
            f"{suspects[0]!r} is probably {how_made} ({reason}); drop it, and keep {partner!r}."
            if partner
            else "The target is probably a formula of these columns (a balance and a payment, "
            "a start and an end, a rate and a count). If one of them is only known after the "
            "outcome, drop it; if both are known before, the target needs no model."
        )
    elif formula_of_a_number:
        message = (
            f"Is {shown} computed from the target? {formula[0].upper() + formula[1:]} {first!r} and "
            f"{second!r} predict it {how_well} ({name} {value:.3f}), "
        )
        advice = (
            "If one of them is recorded after the outcome or derived from it (a pace of sales "
            "from the sales, a share of the total), drop it. If both are known before, the "
            "target is a fixed formula of them and needs no model: compute it."
        )
        if unresolved and neither_alone:
            lookalike = (
                "a weighted total beside one of its parts looks the same whichever was "
                "derived (a combined score computed from the written exam's, beside the "
                "oral's; or the oral's worked out from an honest combined score)"
                if how == "weighted sum"
                else "a rate times a count looks the same whichever was derived (a price per "
                "square foot from the sale price, or the units sold beside an honest price "
                "per unit)"
            )
            advice = (
                f"One of them is probably computed from the target, but {lookalike}: the data "
                f"cannot tell which. {advice}"
            )
    else:
        message = (
            f"Is {shown} recorded after the outcome? {formula[0].upper() + formula[1:]} {first!r} and "
            f"{second!r} predict it {how_well} ({name} {value:.3f}), "
        )
        advice = (
            "Two honest measurements can combine this well (an interaction a model will use). "
            "Check when each is recorded: if both are known before the outcome, keep them."
        )
    return Finding(
        "target_leak",
        severity,
        suspects,
        f"{message}{alone_text}. {numbers}",
        advice,
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
            "error_left_of_best_alone": round(error_left, 4),
            **(
                {"weights": {first: round(weights[0], 4), second: round(weights[1], 4)}}
                if weights
                else {}
            ),
            **(
                {_SCALE_EVIDENCE[scale[1]]: scale[0]}
                if scale is not None and len(named) != 1
                else {}
            ),
            **(
                {"opening_equals_the_previous_closing": round(scale[2], 4)}
                if scale is not None and scale[1] == OPENING_SCALE and len(named) != 1
                else {}
            ),
        },
    )


def _derived_score(values: np.ndarray, target: screen.Target, line: bool = False) -> float:
    """Leave-one-out nearest-neighbour score of a derived number (prior where undefined).

    ``line``: for a numeric target, also the leave-one-out R² of a straight line through a
    product or a ratio, which a formula makes the target up to a scale: on a few dozen rows
    of a skewed target (race times from twenty minutes to three hours) the nearest neighbours
    of the longest rows are far apart, where the line is not. (Not for sums and differences:
    a town's populations of two censuses extrapolate its next one along a line, honestly.)"""
    present = np.isfinite(values)
    if present.mean() < MIN_PRESENT:
        return screen.baseline_score(target)
    guess = screen.neighbour_predict(values, target)
    if guess is None:
        return screen.baseline_score(target)
    subset = screen.Target(target.task, target.values[present], target.n_classes)
    scored = screen.score(guess[present], subset)
    if line and target.task == "regression":
        scored = max(scored, _line_score(values[present], target.values[present]))
    return scored


def _line_score(x: np.ndarray, y: np.ndarray) -> float:
    """Leave-one-out R² of the least-squares line of ``y`` on ``x`` (each row's residual
    divided by one minus its leverage)."""
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return 0.0
    centred = x - x.mean()
    spread = float(centred @ centred)
    slope = float(centred @ (y - y.mean())) / spread
    residual = y - (y.mean() + slope * centred)
    leverage = 1 / len(x) + centred**2 / spread
    held_out = residual / np.maximum(1 - leverage, 1e-12)
    return float(1 - (held_out @ held_out) / float(((y - y.mean()) ** 2).sum()))
