"""What each column does on its own: binned out-of-fold screens, the modal-value and
missing-value flags, and the stacked scores (random, grouped or forward in time)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.report import (
    MIN_SIDE_ROWS,
    MISSING_LEAK_LIFT,
    ONE_SIDED_ROWS,
    ONE_SIDED_SHARE,
)
from lessons.audit.table import _order_values
from lessons.audit_types import is_plain_number


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
    cut: dict | None = None
    pile: dict | None = None
    marks: dict | None = None
    words: dict | None = None
    band: dict | None = None


def _screen_column(
    column: pd.Series,
    target: screen.Target,
    folds: np.ndarray,
    distinct: int | None = None,
    *,
    across_folds: bool = False,
) -> _Screen:
    """One column's screen. ``across_folds``: its nearest-value check reads other folds
    only (with folds by entity: never the row's own entity)."""
    codes, n_bins = screen.bin_codes(column)
    encoded = screen.oof_encode(codes, n_bins, target, folds)
    alone = screen.score_alone(encoded, target)
    numbers = _numbers(column, distinct)
    if numbers is not None:
        guess = (
            screen.neighbour_predict_across(numbers, target, folds)
            if across_folds
            else screen.neighbour_predict(numbers, target)
        )
        # Rows the check cannot place (no value, or beyond the other folds' range) are left
        # out of its score.
        present = np.isfinite(numbers)
        if guess is not None:
            present &= np.isfinite(guess if guess.ndim == 1 else guess.sum(axis=1))
        if guess is not None and present.mean() >= 0.5:
            subset = screen.Target(target.task, target.values[present], target.n_classes)
            alone = max(alone, screen.score_alone(guess[present], subset))
        if target.task == "regression":
            # Only a copy counts here: a strong honest line (a floor area for a price) is
            # read as the bins and the neighbours read it.
            linear = _linear_alone(numbers, target, folds)
            if screen.lift(linear, target) >= LINEAR_COPY_LIFT:
                alone = max(alone, linear)
    modal = _modal_flag(codes, n_bins, exact_values_odd=_is_number_like(column))
    cut = None
    if modal is not None and target.task == "regression":
        cut = _cut_of_the_target(modal, column.notna().to_numpy(), target.values)
        if cut is None:
            cut = _floor_of_the_target(modal, column, target.values)
    elif target.task == "regression" and (distinct or column.nunique()) == 2:
        # A yes/no flag of a rare case (a low birth weight: 30 babies in 1,832) that holds
        # exactly the rows below a cut of the target looks like the target's own band. A
        # common one (a 5 km race beside a half marathon) is left alone: two groups of an
        # honest category can have run times that never overlap.
        flag = (column == column.mode().iloc[0]).to_numpy().astype(np.int64)
        if flag.mean() > RARE_FLAG_MODE:
            cut = _cut_of_the_target(flag, column.notna().to_numpy(), target.values)
            if cut is not None:
                cut["rare_flag"] = True
    pile = None
    # Numbers beside a binary outcome only: a category level or a class of several that a
    # class never takes is an ordinary fact (no Chinstrap penguin on Biscoe island).
    if modal is not None and target.task == "binary" and _is_number_like(column):
        pile = _class_absent_from_mode(modal, _order_values(column).to_numpy(dtype=float), target)
    marks = None
    if modal is not None and target.task == "multiclass" and not _is_number_like(column):
        marks = _value_marks_a_class(modal, target)
    elif modal is None and target.task == "multiclass" and (distinct or column.nunique()) == 2:
        # A yes/no read with the outcome (a fly found in the opened gall, on the galls whose
        # fate is "fly"): either of its two values may mark the class.
        marks = _flag_marks_a_class(column, target)
    if (
        marks is None
        and modal is not None
        and target.task != "regression"
        and not _is_number_like(column)
    ):
        marks = _codes_mark_a_class(modal, codes, target)
    words = None
    if not _is_number_like(column) and target.task != "regression":
        words = _words_carry_the_target(column, target)
    band = None
    if target.task == "regression" and screen.lift(alone, target) < BAND_RAW_LIFT:
        band = _band_of_the_target(codes, n_bins, column, target)
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
        if target.task == "regression":
            one_sided = _tail_side(missing, target.values)
        else:
            one_sided = _one_sided(missing, target)
        if target.task == "multiclass" and one_sided is None:
            one_sided = _few_classes_side(missing, target)
        if target.task != "regression" and one_sided is None:
            one_sided = _filled_for_rare_outcomes(missing, target)
    return _Screen(
        str(column.name),
        alone,
        missing_alone,
        screen.as_features(encoded, target),
        one_sided,
        codes.astype(np.int32),
        n_bins,
        cut,
        pile,
        marks,
        words,
        band,
    )


BAND_RAW_LIFT = 0.8
"""A band is looked for only where the column scores below this on the target's own values
(above it, the ordinary checks already judge it)."""
BAND_MAX_VALUES = 30
"""A band has three to this many values (casualties 1-4, 5-9, ... 500+) ..."""
BAND_RANK_LIFT = 0.8
"""... predicts the target's ranks this well, out of fold, as a share of the best any column
of its level sizes can do (a level holding a third of the rows ranks them only so finely) ..."""
BAND_ENDS = 0.8
"""... and holds this share of the target's highest values in its top levels, and of its
lowest in its bottom ones (the fewest levels at each end that hold that many rows): a band is
cut from the outcome, so its top levels hold the top rows, where a star rating lets a suite
at forty times the price sit in any level."""
BAND_MIN_ROWS = 30
"""Filled rows a band is looked for on, at least."""
BAND_FOLDS = 5
BAND_END_ROWS = 0.02
"""The highest and lowest values: this share of the rows (at least five each)."""


def _band_of_the_target(
    codes: np.ndarray, n_bins: int, column: pd.Series, target: screen.Target
) -> dict | None:
    """A column of a few values that cuts a target into ranges: a band written from the
    outcome (a casualty band beside the death toll). None if not.

    On the target's own scale a few extreme rows decide R² (the band 500+ holds 520 and
    1,692 dead, and a fold without it predicts both from the mean), so a band can score
    R² 0.2 while it splits the rows into ranges almost exactly. Its out-of-fold means of
    the target's ranks show it, as do the ends of the target, each in one level.

    The folds are shuffled rows, whatever folds the other checks use: a range is a fact of
    each row, and blocks of time hide a level reached in one block only (an epidemic's
    "severe" days, all in its peak month)."""
    present = column.notna().to_numpy()
    distinct = column.nunique(dropna=True)
    if not 3 <= distinct <= BAND_MAX_VALUES or present.sum() < BAND_MIN_ROWS:
        return None
    # Scored where the band is filled: its empty cells are no range of the target.
    ranks = pd.Series(target.values[present]).rank(pct=True).to_numpy()
    ranked = screen.Target("regression", ranks, 0)
    shuffled = screen.make_folds(len(ranks), BAND_FOLDS, np.random.default_rng(0))
    encoded = screen.oof_encode(codes[present], n_bins, ranked, shuffled)
    rank_score = screen.score(encoded, ranked)
    band_codes = codes[present]
    counts = np.bincount(band_codes, minlength=n_bins)
    means = np.bincount(band_codes, ranks, minlength=n_bins) / np.maximum(counts, 1)
    filled = np.flatnonzero(counts)
    filled = filled[np.argsort(means[filled], kind="stable")]
    # The best any column of these level sizes can do, scored the same way (out of fold, its
    # means pulled toward the prior as the encoding does, which costs a small level of a
    # small table much): levels that are perfect ranges of the ranks, in the same sizes and
    # the same order (a big level in the middle of the ranks leaves less to explain than
    # the same level at one end).
    perfect = np.empty(len(ranks), dtype=np.int64)
    perfect[np.argsort(ranks, kind="stable")] = np.repeat(filled, counts[filled])
    ceiling = screen.score(screen.oof_encode(perfect, n_bins, ranked, shuffled), ranked)
    if rank_score < BAND_RANK_LIFT * ceiling:
        return None
    order = np.argsort(ranks, kind="stable")
    k = max(5, int(np.ceil(BAND_END_ROWS * present.sum())))

    def end_share(levels: np.ndarray, rows: np.ndarray) -> float:
        # The fewest levels at that end that hold k rows (a top band of one crash, 500+,
        # and the 300-499 below it), and the share of the k end rows inside them.
        enough = levels[: int(np.searchsorted(np.cumsum(counts[levels]), k)) + 1]
        return float(np.isin(band_codes[rows], enough).mean())

    highest = end_share(filled[::-1], order[-k:])
    lowest = end_share(filled, order[:k])
    if min(highest, lowest) < BAND_ENDS:
        return None
    return {
        "levels": len(filled),
        "filled_rows": int(present.sum()),
        "rank_r2": round(float(rank_score), 4),
        "rank_r2_ceiling": round(ceiling, 4),
        "end_rows": k,
        "highest_in_top_levels": round(highest, 4),
        "lowest_in_bottom_levels": round(lowest, 4),
    }


WORDS_MIN_CODES = 10
"""Distinct values a label needs for the words inside them to be read apart ..."""
WORDS_MAX_SHARE = 1 / 3
"""... the words being at most a third as many as the values (a prefix shared by codes) ..."""
WORDS_LIFT = 0.8
"""... and predicting the target this well on values never seen in training (ROC AUC 0.9)."""
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _words_carry_the_target(column: pd.Series, target: screen.Target) -> dict | None:
    """Whether the words inside a label's values (the ``GY`` of ``GY-7b``, ``gy 7b`` and
    ``7b (GY)``) predict the target for values never seen in training: a class code that
    names the school type the class belongs to, a ward named for a diagnosis.

    Each value is scored out of fold with folds by value, so no value's own rows help
    predict it: a label that is only a key (a customer code) predicts nothing this way,
    whatever its history. None unless the words are few, shared by several values, and
    predict the target well."""
    # Unique strings, not unique values: 4 and 4.0 are one value but two strings.
    values = pd.Series(column.dropna().astype(str).unique())
    if len(values) < WORDS_MIN_CODES:
        return None
    keys = values.map(lambda v: " ".join(sorted({w.lower() for w in _WORD_RE.findall(v)})))
    n_words = keys[keys != ""].nunique()
    if n_words < 2 or n_words > WORDS_MAX_SHARE * len(values):
        return None
    key_of = dict(zip(values, keys, strict=True))
    row_keys = column.astype(str).map(key_of).where(column.notna(), "")
    codes = pd.factorize(row_keys)[0].astype(np.int64)
    groups = pd.factorize(column)[0]
    folds = screen.make_folds(len(column), 5, np.random.default_rng(0), groups=groups)
    value = screen.score(screen.oof_encode(codes, int(codes.max()) + 1, target, folds), target)
    if screen.lift(value, target) < WORDS_LIFT:
        return None
    return {
        "words": [str(w) for w in keys[keys != ""].value_counts().index[:6]],
        "n_words": int(n_words),
        "n_values": len(values),
        "score_of_words_on_unseen_values": round(float(value), 4),
    }


CUT_OVERLAP = 0.01
"""Rows allowed on the wrong side of a cut of the target (noise), as a share of filled rows."""
RARE_FLAG_MODE = 0.9
"""A two-valued column is a rare flag when its common value holds more than this share: a low
birth weight is 6-9 % of births, so 0.95 missed the very flag it was written for."""


def _cut_of_the_target(modal: np.ndarray, present: np.ndarray, values: np.ndarray) -> dict | None:
    """Whether a column's most common value (a 0, a band) holds exactly the rows on one side
    of a cut of a numeric target: the target's ranges on the two sides do not overlap.

    The size of the area where the wind is 64 knots or more is 0 exactly when the wind is
    below 64; a band is its top value exactly above a cut. An honest measurement, however
    strong, leaves the two ranges overlapping on thousands of rows."""
    on = (modal == 1) & present
    off = (modal == 0) & present
    if on.sum() < ONE_SIDED_ROWS or off.sum() < ONE_SIDED_ROWS:
        return None
    low, high = (on, off) if values[on].mean() < values[off].mean() else (off, on)
    top_of_low, bottom_of_high = float(values[low].max()), float(values[high].min())
    wrong = int((values[low] >= bottom_of_high).sum() + (values[high] <= top_of_low).sum())
    if wrong > CUT_OVERLAP * present.sum():
        return None
    return {
        "modal_side": "below" if low is on else "above",
        "modal_rows": int(on.sum()),
        "other_rows": int(off.sum()),
        "below_at_most": round(float(np.quantile(values[low], 0.995)), 4),
        "above_at_least": round(float(np.quantile(values[high], 0.005)), 4),
        "rows_across_the_cut": wrong,
    }


FLOOR_ROWS = 30
"""Rows a column's most common value must hold to mark the target's floor ..."""
FLOOR_PURITY = 0.99
"""... this share of them with the target at its lowest value ..."""
FLOOR_COVERAGE = 0.8
"""... covering this share of the rows at the target's lowest value ..."""
FLOOR_ABOVE = 0.8
"""... and this share of the column's other rows above it."""


def _floor_of_the_target(modal: np.ndarray, column: pd.Series, values: np.ndarray) -> dict | None:
    """Whether a column's most common value (a 0) sits (almost) only on the rows where the
    target is at its lowest, and on most of them, while its other values sit above: a
    rating of 0 given to those who never went, beside the number of trips. Not a clean cut
    (a few who never went rated the lake all the same), so a question: an honest
    precondition (no boat, no trips) looks the same."""
    finite = column.notna().to_numpy() & np.isfinite(values)
    if not finite.any():
        return None
    floor = float(values[finite].min())
    at_floor = finite & (values == floor)
    on = (modal == 1) & finite
    off = (modal == 0) & finite
    if on.sum() < FLOOR_ROWS or off.sum() < FLOOR_ROWS:
        return None
    purity = float(at_floor[on].mean())
    coverage = float(on[at_floor].mean())
    above = float((~at_floor[off]).mean())
    if purity < FLOOR_PURITY or coverage < FLOOR_COVERAGE or above < FLOOR_ABOVE:
        return None
    return {
        "value": str(column[modal == 1].iloc[0]),
        "floor": floor,
        "modal_rows": int(on.sum()),
        "modal_rows_at_floor": round(purity, 4),
        "floor_rows_on_modal": round(coverage, 4),
        "other_rows_above_floor": round(above, 4),
    }


PILE_EXPECTED = 20
"""Rows of a class that its rate on the nearest values would put on a column's most common
value, at least ..."""
PILE_STRAYS = 0.02
"""... of which at most this share may really be there."""
PILE_NEARBY_SHARE = 0.05
"""The nearest values: the rows closest to the most common value, this share of all rows ..."""
PILE_NEARBY_ROWS = 100
"""... and at least this many."""


def _class_absent_from_mode(
    modal: np.ndarray, numbers: np.ndarray, target: screen.Target
) -> dict | None:
    """A class of a binary target that (almost) never takes a number's most common value,
    although its rate just beside that value would put many of its rows there: the binary
    form of a cut of the target.

    A follow-up cut at the end of a study piles every child who never went to hospital on
    its last month, and none of those who went, while the months just before hold stays. A
    strong honest measurement changes its rate smoothly: a credit score capped at 850 has
    almost no defaulter at 849 either, so none expected at the cap. The rate beside the
    value, not the overall one, is what chance would put there."""
    on = modal == 1
    filled = np.isfinite(numbers)
    nearby_pool = np.flatnonzero(filled & ~on)
    n_nearby = max(int(PILE_NEARBY_SHARE * len(numbers)), PILE_NEARBY_ROWS)
    if not on.any() or len(nearby_pool) < n_nearby:
        return None
    value = float(numbers[on][0])
    distance = np.abs(numbers[nearby_pool] - value)
    nearby = nearby_pool[np.argsort(distance, kind="stable")[:n_nearby]]
    labels = target.values.astype(np.int64)
    for label in (0, 1):
        rate_nearby = float((labels[nearby] == label).mean())
        expected = rate_nearby * float(on.sum())
        observed = int((labels[on] == label).sum())
        if expected >= PILE_EXPECTED and observed <= PILE_STRAYS * expected:
            return {
                "class_code": label,
                "class_rows": int((labels == label).sum()),
                "modal_rows": int(on.sum()),
                "modal_share": round(float(on.mean()), 4),
                "class_share_nearby": round(rate_nearby, 4),
                "nearby_rows": n_nearby,
                "expected_on_mode": round(expected, 1),
                "observed_on_mode": observed,
            }
    return None


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


MARKS_SHARE = 0.99
"""Share of a value's rows in one class, and of that class's rows on the value, from which the
value marks the class."""


def _value_marks_a_class(modal: np.ndarray, target: screen.Target) -> dict | None:
    """Whether a label's most common value is on the rows of one class of a multiclass target
    and on no other (an air-traffic disposition "CONTINUED" on every strike with no effect,
    a code of many on the others): the one-against-the-rest split that a balanced accuracy
    over many classes dilutes."""
    on = modal == 1
    if on.sum() < ONE_SIDED_ROWS or (~on).sum() < ONE_SIDED_ROWS:
        return None
    labels = target.values.astype(np.int64)
    marked = int(np.bincount(labels[on]).argmax())
    of_class = labels == marked
    both = int((on & of_class).sum())
    precision, recall = both / int(on.sum()), both / int(of_class.sum())
    if precision < MARKS_SHARE or recall < MARKS_SHARE:
        return None
    return {
        "class_code": marked,
        "value_rows": int(on.sum()),
        "share_of_value_in_class": round(precision, 4),
        "share_of_class_on_value": round(recall, 4),
    }


def _flag_marks_a_class(column: pd.Series, target: screen.Target) -> dict | None:
    """Whether one value of a two-valued column marks one class of a multiclass target
    (``_value_marks_a_class``), with that value."""
    for value in column.dropna().unique():
        found = _value_marks_a_class((column == value).to_numpy().astype(np.int64), target)
        if found is not None:
            return {**found, "flag_value": str(value)}
    return None


CODES_MIN_VALUES = 5
"""A status code: its other values are several codes ..."""
CODES_SHARE = 0.98
"""... on rows of one class (this share of them), while its most common value is on this
share of the other classes' rows ..."""
CODES_BASE_SHARE = 0.5
"""... a class on at most this share of the rows ..."""
CODES_CLASS_CODED = 0.5
"""... and coded on at least this share of its rows."""


def _codes_mark_a_class(modal: np.ndarray, codes: np.ndarray, target: screen.Target) -> dict | None:
    """Whether a label's most common value is on (almost) every row of the other classes and
    its many other values, codes, on rows of one class only: a morphology code '0000/0' on
    every benign biopsy and one of 24 carcinoma codes on most malignant ones, a code written
    once the outcome was known."""
    off = modal == 0
    if off.sum() < ONE_SIDED_ROWS or len(np.unique(codes[off])) < CODES_MIN_VALUES:
        return None
    labels = target.values.astype(np.int64)
    marked = int(np.bincount(labels[off]).argmax())
    of_class = labels == marked
    base = float(of_class.mean())
    in_class = float(of_class[off].mean())
    others_on_value = float(modal[~of_class].mean()) if (~of_class).any() else 0.0
    # A class the codes mark must be the rarer side, and mostly coded: with 1.5 % fraud, any
    # country code but "US" sits on the honest class 98.5 % of the time by chance.
    if (
        base > CODES_BASE_SHARE
        or in_class < CODES_SHARE
        or others_on_value < CODES_SHARE
        or float(off[of_class].mean()) < CODES_CLASS_CODED
        or int((~of_class).sum()) < ONE_SIDED_ROWS
    ):
        return None
    return {
        "class_code": marked,
        "codes": len(np.unique(codes[off])),
        "code_rows": int(off.sum()),
        "share_of_codes_in_class": round(in_class, 4),
        "share_of_other_classes_on_value": round(others_on_value, 4),
        "share_of_class_coded": round(float(off[of_class].mean()), 4),
    }


FEW_ONE_SIDED_ROWS = 10
"""A side of fewer than ``ONE_SIDED_ROWS`` rows, down to this many, counts when chance would
hardly make it this pure ..."""
ONE_SIDED_CHANCE = 1e-6
"""... its class this often at most, over all the classes (a fellowship filled for 14 of a
small cohort's 20 top-rated applicants and no one else: 0.19 ** 14, about 1e-10)."""


def _pure_by_chance(hits: int, rows: int, share: float, n_classes: int) -> float:
    """Chance that ``rows`` random rows hold ``hits`` or more of a class of ``share`` of the
    table, for any of ``n_classes`` classes (a binomial tail, times the classes)."""
    tail = sum(
        math.comb(rows, k) * share**k * (1 - share) ** (rows - k) for k in range(hits, rows + 1)
    )
    return n_classes * tail


LINEAR_MIN_ROWS = 10
"""Rows with a value, at least, in the folds a line is fitted on."""
LINEAR_COPY_LIFT = 0.9995
"""R², at least, of the out-of-fold line for it to stand for the column alone: a copy."""


def _linear_alone(numbers: np.ndarray, target: screen.Target, folds: np.ndarray) -> float:
    """R² of a straight line from the column to the target, fitted out of fold: a copy of a
    heavy-tailed target (a death toll reported again, 1,836 for the largest storm) sits on
    the line, where the bins and the nearest values cannot place the rows of the tail.

    Each fold's line is the least-squares one of the other folds, from sums per fold (one
    pass over the rows, not one fit per fold: this runs on every number of a wide table)."""
    present = np.isfinite(numbers)
    x, y = numbers[present], target.values[present].astype(float)
    fold_codes, fold_of = np.unique(folds[present], return_inverse=True)
    count = len(fold_codes)
    # Centred first, so that the sums of squares keep their precision.
    x_mean, y_mean = (x.mean(), y.mean()) if x.size else (0.0, 0.0)
    xc, yc = x - x_mean, y - y_mean
    sums = np.stack(
        [
            np.bincount(fold_of, weights=w, minlength=count)
            for w in (np.ones_like(xc), xc, yc, xc * xc, xc * yc)
        ]
    )
    train = sums.sum(axis=1, keepdims=True) - sums
    n, sx, sy, sxx, sxy = train
    with np.errstate(divide="ignore", invalid="ignore"):
        variance = sxx - sx * sx / n
        slope = np.where(variance > 0, (sxy - sx * sy / n) / variance, np.nan)
        intercept = sy / n - slope * sx / n
    usable = (n >= LINEAR_MIN_ROWS) & np.isfinite(slope)
    predicted = np.where(usable[fold_of], intercept[fold_of] + slope[fold_of] * xc, np.nan)
    scored = np.isfinite(predicted)
    if scored.sum() < 0.5 * len(numbers):
        return screen.baseline_score(target)
    values = target.values[present][scored]
    subset = screen.Target(target.task, values, target.n_classes)
    return screen.score(predicted[scored] + y_mean, subset)


def _one_sided(missing: np.ndarray, target: screen.Target) -> dict | None:
    """The side of a missing-value flag that holds (almost) a single class, if any."""
    labels = target.values.astype(np.int64)
    overall = np.bincount(labels, minlength=max(target.n_classes, 2)) / len(labels)
    for side, mask in (("filled", ~missing), ("empty", missing)):
        rows = int(mask.sum())
        if rows < max(FEW_ONE_SIDED_ROWS, 0.01 * len(labels)):
            continue
        counts = np.bincount(labels[mask], minlength=len(overall))
        top = int(counts.argmax())
        share = counts[top] / rows
        if rows < ONE_SIDED_ROWS and (
            _pure_by_chance(int(counts[top]), rows, float(overall[top]), len(overall))
            > ONE_SIDED_CHANCE
        ):
            continue
        if share >= ONE_SIDED_SHARE and overall[top] <= 0.8:
            return {
                "side": side,
                "rows": rows,
                "class_share": round(float(share), 4),
                "overall_share": round(float(overall[top]), 4),
            }
    return None


TAIL_SIDE_SHARE = 0.9
"""Share of one side of an empty/filled flag that lies in one tail of a numeric target ..."""
TAIL_OVERALL_SHARE = 0.2
"""... a tail that holds at most this share of all rows."""


def _tail_side(missing: np.ndarray, values: np.ndarray) -> dict | None:
    """The side of a missing-value flag whose rows sit (almost) all in one tail of a numeric
    target, if any: the regression form of a field filled in for one outcome (resits entered
    for the pupils who scored lowest). ``class_share`` is the side's share in the tail,
    ``overall_share`` the share of all rows in it, ``at_most`` or ``at_least`` its bound."""
    for side, mask in (("filled", ~missing), ("empty", missing)):
        rows = int(mask.sum())
        if rows < max(ONE_SIDED_ROWS, 0.01 * len(values)) or rows > len(values) / 2:
            continue
        low = values[mask].mean() < values.mean()
        bound = float(np.quantile(values[mask], TAIL_SIDE_SHARE if low else 1 - TAIL_SIDE_SHARE))
        in_tail = values <= bound if low else values >= bound
        overall = float(in_tail.mean())
        if overall <= TAIL_OVERALL_SHARE:
            return {
                "side": side,
                "rows": rows,
                "class_share": round(float(in_tail[mask].mean()), 4),
                "overall_share": round(overall, 4),
                ("at_most" if low else "at_least"): round(bound, 6),
            }
    return _off_the_floor_side(missing, values) or _ranked_side(missing, values)


RANKED_SIDE_AUC = 0.5 + MISSING_LEAK_LIFT / 2
"""How far one side of an empty/filled flag sits towards one end of a numeric target (the
share of pairs, a row of the side against another row, where the side's row is the larger),
as the binary bar reads ROC AUC 0.8 from the flag ..."""
RANKED_SIDE_CHANCE = 1e-3
"""... and the chance, were the flag unrelated to the target, of a side ranked that far
apart, at most."""
RANKED_SIDE_SHARE = 0.8
"""The end of the target the filled rows sit at is where four in five of them lie; it must
hold less than half of all the rows."""


def _ranked_side(missing: np.ndarray, values: np.ndarray) -> dict | None:
    """The filled rows of a mostly empty field, if they rank mostly towards one end of a
    numeric target: a field filled in mostly for one end of the outcome (a relief appeal's
    reference, opened for most of the deadly quakes and a few others), on a side too small
    or too loose for the tail check. Not the empty rows: a field empty at one end is more
    often a precondition (no diameter at breast height for the shortest trees) or a gap
    (a ranking not published in the first seasons) than a field cleared for the outcome.

    Reported as a tail: ``class_share`` of the side's rows lie beyond its bound, against
    ``overall_share`` of all rows; ``rank_auc`` is the side's share of pairs won.
    """
    filled = ~missing
    rows = int(filled.sum())
    if rows < MIN_SIDE_ROWS or rows > len(values) / 2:
        return None
    auc, chance = screen.rank_sum_test(values, filled)
    if max(auc, 1 - auc) < RANKED_SIDE_AUC or chance > RANKED_SIDE_CHANCE:
        return None
    low = auc < 0.5
    bound = float(np.quantile(values[filled], RANKED_SIDE_SHARE if low else 1 - RANKED_SIDE_SHARE))
    in_tail = values <= bound if low else values >= bound
    if in_tail.mean() >= 0.5:
        return None
    return {
        "side": "filled",
        "rows": rows,
        "class_share": round(float(in_tail[filled].mean()), 4),
        "overall_share": round(float(in_tail.mean()), 4),
        ("at_most" if low else "at_least"): round(bound, 6),
        "rank_auc": round(max(auc, 1 - auc), 4),
    }


FLOOR_SHARE = 0.1
"""Share of the rows at a target's lowest (or highest) value for it to be a floor (no visit,
nothing spent) ..."""
FLOOR_CHANCE = 1e-6
"""... and the chance, were the flag unrelated to the target, that none of a side's rows sit
on the floor, at most."""


def _off_the_floor_side(missing: np.ndarray, values: np.ndarray) -> dict | None:
    """The side of a missing-value flag none of whose rows sits on a target's floor (or
    ceiling) that holds many rows: the days since the last visit, filled only for the people
    who made a visit. A tail check cannot see it when the floor holds two fifths of the rows."""
    for bound, at_end in (
        ("at_least", values == values.min()),
        ("at_most", values == values.max()),
    ):
        share = float(at_end.mean())
        if share < FLOOR_SHARE or share == 1:
            continue
        for side, mask in (("filled", ~missing), ("empty", missing)):
            rows = int(mask.sum())
            if rows < ONE_SIDED_ROWS or at_end[mask].any():
                continue
            if rows * np.log1p(-share) > np.log(FLOOR_CHANCE):
                continue
            off = values[mask]
            return {
                "side": side,
                "rows": rows,
                "class_share": 1.0,
                "overall_share": round(1 - share, 4),
                bound: round(float(off.min() if bound == "at_least" else off.max()), 6),
            }
    return None


FEW_CLASSES_AUC = 0.5 + MISSING_LEAK_LIFT / 2
"""ROC AUC of an empty/filled flag for the group of classes it favours: the binary bar."""


def _few_classes_side(missing: np.ndarray, target: screen.Target) -> dict | None:
    """The side of a flag that holds (almost) only a few of many classes, if any.

    With many classes a flag cannot pick one class out, and balanced accuracy cannot show
    what it does: a field filled in for the lowest grades (a resit booked after a fail or an
    E) points at a group of outcomes. The flag is then judged as it is for a binary target,
    by its ROC AUC for that group (the classes over-represented on the side), against the
    same bar (``MISSING_LEAK_LIFT``)."""
    labels = target.values.astype(np.int64)
    n_classes = max(target.n_classes, int(labels.max()) + 1)
    overall = np.bincount(labels, minlength=n_classes) / len(labels)
    for side, mask in (("filled", ~missing), ("empty", missing)):
        rows = int(mask.sum())
        if rows < max(ONE_SIDED_ROWS, 0.01 * len(labels)):
            continue
        shares = np.bincount(labels[mask], minlength=n_classes) / rows
        group = shares > overall
        group_share = float(overall[group].sum())
        if not 0 < group_share <= 0.5:
            continue
        in_group = group[labels]
        hit = float(mask[in_group].mean())  # rows of the group on this side
        false = float(mask[~in_group].mean())  # rows of the other classes on this side
        auc = 0.5 + (hit - false) / 2
        if auc >= FEW_CLASSES_AUC:
            other = np.bincount(labels[~mask], minlength=n_classes) / max(len(labels) - rows, 1)
            return {
                "side": side,
                "rows": rows,
                "classes": int(group.sum()),
                "of_classes": int(np.count_nonzero(overall)),
                # The classes over-represented on the other side: most of them for a gap in a
                # few classes' records, a few for a field filled in for a few outcomes.
                "classes_on_other_side": int((other > overall).sum()),
                "class_share": round(float(shares[group].sum()), 4),
                "overall_share": round(group_share, 4),
                "roc_auc_for_those_classes": round(auc, 4),
            }
    return None


RARE_OUTCOMES_SHARE = 0.25
"""A group of classes on at most this share of the rows ..."""
RARE_OUTCOMES_FILLED = 0.9
"""... holding at least this share of a field's filled rows."""


def _filled_for_rare_outcomes(missing: np.ndarray, target: screen.Target) -> dict | None:
    """A field filled in mostly for rare outcomes, but not for all of them (a screening score
    of the pupils referred after the survey, most of whom sleep under five hours): too weak a
    flag for the bars above, too specific to be chance. Filled rows only (a field written
    after the outcome is filled for it, not emptied), and a question (``question``): a field
    kept for a subgroup whose outcome is naturally rare looks the same."""
    filled = ~missing
    rows = int(filled.sum())
    if rows < max(ONE_SIDED_ROWS, 0.01 * len(missing)):
        return None
    labels = target.values.astype(np.int64)
    n_classes = max(target.n_classes, 2, int(labels.max()) + 1)
    overall = np.bincount(labels, minlength=n_classes) / len(labels)
    shares = np.bincount(labels[filled], minlength=n_classes) / rows
    group = shares > overall
    group_share = float(overall[group].sum())
    class_share = float(shares[group].sum())
    if group_share > RARE_OUTCOMES_SHARE or class_share < RARE_OUTCOMES_FILLED:
        return None
    in_group = group[labels]
    auc = 0.5 + (float(filled[in_group].mean()) - float(filled[~in_group].mean())) / 2
    return {
        "side": "filled",
        "rows": rows,
        "classes": int(group.sum()),
        "of_classes": int(np.count_nonzero(overall)),
        "class_share": round(class_share, 4),
        "overall_share": round(group_share, 4),
        "roc_auc_for_those_classes": round(auc, 4),
        "question": True,
    }


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


def _held_out_score(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    folds: np.ndarray,
    cache: dict[str, _Screen] | None = None,
    groups: np.ndarray | None = None,
) -> float:
    """The honest score over folds of whole entities (``groups``, each row's entity): no
    fold's rows reach its own model."""
    return screen.cross_fitted_score(
        [_codes(rows, name, cache) for name in columns],
        target,
        folds,
        numbers=[
            rows[name].to_numpy(dtype=float, na_value=np.nan)
            for name in columns
            if is_plain_number(rows[name])
        ],
        groups=groups,
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


def _unlift(value: float, target: screen.Target) -> float:
    if target.task == "binary":
        return 0.5 + value / 2
    if target.task == "multiclass":
        chance = 1.0 / target.n_classes
        return chance + value * (1 - chance)
    return value
