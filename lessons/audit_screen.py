"""Honest, fast predictive screens for the audit: how well does a column predict the target?

Each column is cut into bins (quantiles for numbers and dates, the frequent values for text,
plus a bin for "missing"), and every row gets the target statistics of its bin computed on
the *other* folds only: an out-of-fold, cross-validated single-feature model. Stacking those
out-of-fold encodings with a ridge regression gives a fast all-columns model, so the audit
can score the table with and without each suspect column.

Everything here is NumPy on purpose: the audit runs from the command line on files of a
million rows, and importing scikit-learn alone costs over a second; the unit tests check the
metrics against scikit-learn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

N_BINS = 20
PAIR_BINS = 12
TOP_CATEGORIES = 30
SMOOTHING = 10.0
RIDGE = 1.0


@dataclass(frozen=True)
class Target:
    """The target prepared for the screens.

    Attributes
    ----------
    task : {"binary", "multiclass", "regression"}
    values : numpy.ndarray
        0/1 floats (binary), class codes 0..K-1 (multiclass) or floats (regression).
    n_classes : int
        K for multiclass, 2 for binary, 0 for regression.
    """

    task: str
    values: np.ndarray
    n_classes: int

    def onehot(self) -> np.ndarray:
        return np.eye(self.n_classes)[self.values.astype(int)]


def make_folds(
    n_rows: int,
    n_folds: int,
    rng: np.random.Generator,
    groups: np.ndarray | None = None,
) -> np.ndarray:
    """Assign each row to one of ``n_folds`` folds; rows of a group share their fold."""
    if groups is None:
        return rng.permutation(n_rows) % n_folds
    _, group_codes = np.unique(groups, return_inverse=True)
    group_fold = rng.permutation(group_codes.max() + 1) % n_folds
    return group_fold[group_codes]


def time_folds(order: np.ndarray, n_folds: int) -> np.ndarray:
    """Contiguous blocks of time: fold 0 holds the earliest rows, the last fold the latest.

    ``order`` is any sortable number per row (nanoseconds, a year); missing values (NaN)
    sort last. Ties keep the file's order, so equal moments stay in one block or the next.
    """
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[np.argsort(order, kind="stable")] = np.arange(len(order))
    return (ranks * n_folds // max(len(order), 1)).astype(np.int64)


MIN_TIME_BLOCKS = 3
"""Blocks of whole moments needed for a forward score (one seeds, one fits, one is scored)."""


def moment_folds(order: np.ndarray, n_folds: int) -> np.ndarray:
    """Like :func:`time_folds`, but cut between distinct moments: the rows of one moment (a
    season of a panel) share a block, so a forward score never learns part of a season to
    predict the rest of it. With few moments there are fewer blocks; with fewer than
    ``MIN_TIME_BLOCKS`` of them, the blocks of :func:`time_folds`."""
    by_rows = time_folds(order, n_folds)
    if len(order) == 0:
        return by_rows
    position = np.argsort(order, kind="stable")
    ordered = order[position]
    # Equal moments (NaN with NaN) share an id; each moment takes the block of its first row.
    same = (ordered[1:] == ordered[:-1]) | (np.isnan(ordered[1:]) & np.isnan(ordered[:-1]))
    moment = np.concatenate([[0], np.cumsum(~same)])
    first_block = by_rows[position][np.concatenate([[True], ~same])]
    whole = np.empty(len(order), dtype=np.int64)
    whole[position] = np.unique(first_block[moment], return_inverse=True)[1]
    return whole if whole.max() + 1 >= MIN_TIME_BLOCKS else by_rows


def output_sums(
    cells: np.ndarray, n_cells: int, target: Target, rows: slice | np.ndarray = slice(None)
) -> np.ndarray:
    """Sum of the target's outputs per cell, ``(n_cells, n_outputs)``: the count of each class
    (multiclass, one column per class) or the sum of the values.

    ``cells`` holds the cell of each of the target's ``rows``. Classes are counted in one
    bincount over (cell, class) pairs, not one weighted bincount per class: a target of 32
    classes would take 32 passes per screen. Counts of ones are exact, so the sums equal
    those of the one-hot columns.
    """
    if target.task == "multiclass":
        k = target.n_classes
        classes = target.values[rows].astype(np.int64)
        counts = np.bincount(cells * k + classes, minlength=n_cells * k)
        return counts.reshape(n_cells, k).astype(float)
    values = target.values[rows].astype(float)
    return np.bincount(cells, weights=values, minlength=n_cells)[:, None]


def forward_encode(codes: np.ndarray, n_bins: int, target: Target, folds: np.ndarray) -> np.ndarray:
    """Like :func:`oof_encode`, but each fold learns only from the folds *before* it.

    With time-ordered folds this never uses the future: fold ``k`` is encoded with the
    target statistics of folds ``0..k-1`` (fold 0 gets the prior of itself, and is not
    scored by :func:`forward_stacked_score`).
    """
    n_folds = int(folds.max()) + 1
    cell = folds * n_bins + codes
    size = n_folds * n_bins
    counts = np.bincount(cell, minlength=size).reshape(n_folds, n_bins)
    sums = output_sums(cell, size, target)
    sums = sums.reshape(n_folds, n_bins, sums.shape[1])
    past_counts = np.cumsum(counts, axis=0) - counts
    past_sums = np.cumsum(sums, axis=0) - sums
    totals = past_counts.sum(axis=1)
    first = sums[0].sum(axis=0) / max(counts[0].sum(), 1)
    prior = np.where(
        totals[:, None] > 0, past_sums.sum(axis=1) / np.maximum(totals, 1)[:, None], first
    )
    smoothed = (past_sums + SMOOTHING * prior[:, None, :]) / (past_counts + SMOOTHING)[..., None]
    encoded = smoothed[folds, codes]
    return encoded[:, 0] if target.task != "multiclass" else encoded


def forward_stacked_score(
    blocks: list[np.ndarray], target: Target, folds: np.ndarray, first_scored: int = 2
) -> float:
    """Score of the stacked ridge model trained on earlier folds only, on the later folds.

    The blocks must come from :func:`forward_encode` on time-ordered folds: then no number
    in the score was learned from a later row, as in production. Fold 0 only seeds the
    encodings (its own rows carry the prior), so the ridge of fold ``k`` is fitted on folds
    ``1..k-1`` and the score covers folds ``first_scored`` onwards.
    """
    first_scored = max(first_scored, 1)
    scored = folds >= first_scored
    if not blocks or not scored.any():
        subset = Target(target.task, target.values[scored], target.n_classes)
        return baseline_score(subset)
    return StackedRidge(blocks, target, folds).score(first_scored=first_scored, forward=True)


class StackedRidge:
    """The ridge regression over stacked out-of-fold encodings, for any subset of them.

    The per-fold sums of the features and of their products are computed once; the fit on
    any training folds and any subset of the blocks then costs a small solve instead of a
    pass over the rows. So the audit's "every column, then without each suspect" scores
    share one pass. Features are standardised on each fit's training rows, as before.

    Parameters
    ----------
    blocks : list of numpy.ndarray
        One (n_rows, k) block per column, from :func:`as_features`.
    target : Target
    folds : numpy.ndarray
        The fold of each row.
    """

    def __init__(self, blocks: list[np.ndarray], target: Target, folds: np.ndarray):
        self.target = target
        self.folds = folds
        self.n_folds = int(folds.max()) + 1
        widths = [block.shape[1] for block in blocks]
        self.starts = np.concatenate([[0], np.cumsum(widths)]).astype(int)
        features = np.hstack(blocks) if blocks else np.zeros((len(folds), 0))
        outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
        # Centred once on all rows, so the sums below lose no precision to large means.
        self.features = features - features.mean(axis=0)
        self.output_centre = outputs.mean(axis=0)
        self.outputs = outputs - self.output_centre
        counts = np.bincount(folds, minlength=self.n_folds)
        self.counts = counts.astype(float)
        # One reordering by fold, so each fold's rows are a slice rather than a copy.
        order = np.argsort(folds, kind="stable")
        by_fold_x, by_fold_y = self.features[order], self.outputs[order]
        ends = np.cumsum(counts)
        self.sums, self.products, self.cross, self.output_sums = [], [], [], []
        for fold in range(self.n_folds):
            rows = slice(ends[fold] - counts[fold], ends[fold])
            x, y = by_fold_x[rows], by_fold_y[rows]
            self.sums.append(x.sum(axis=0))
            # einsum instead of @: these products are small, and a multi-threaded BLAS
            # spends more time waking its threads than computing on a busy machine.
            self.products.append(np.einsum("ij,ik->jk", x, x))
            self.cross.append(np.einsum("ij,ik->jk", x, y))
            self.output_sums.append(y.sum(axis=0))

    def _columns(self, kept: list[int]) -> np.ndarray:
        return np.concatenate(
            [np.arange(self.starts[i], self.starts[i + 1]) for i in kept] or [np.zeros(0, int)]
        )

    def _fit_predict(
        self, train: list[int], test: np.ndarray, columns: np.ndarray, clip: bool = False
    ) -> np.ndarray:
        n = sum(self.counts[f] for f in train)
        s = sum(self.sums[f] for f in train)[columns]
        products = sum(self.products[f] for f in train)[np.ix_(columns, columns)]
        cross = sum(self.cross[f] for f in train)[columns]
        x_mean, y_mean = s / n, sum(self.output_sums[f] for f in train) / n
        centred = products - n * np.outer(x_mean, x_mean)
        variance = np.diag(centred) / n
        # A column constant on the training rows (up to rounding) is left out of the fit,
        # as a zero standard deviation was before.
        constant = variance <= 1e-12 * np.maximum(np.diag(products) / n, 1e-300)
        x_std = np.where(constant, 1.0, np.sqrt(np.where(constant, 1.0, variance)))
        centred[constant, :] = 0.0
        centred[:, constant] = 0.0
        gram = centred / np.outer(x_std, x_std) + RIDGE * np.eye(len(columns))
        right = (cross - n * np.outer(x_mean, y_mean)) / x_std[:, None]
        right[constant] = 0.0
        coef = np.linalg.solve(gram, right)
        x_test = self.features[test][:, columns]
        if clip:
            # Each feature kept inside the range the training rows showed it: a column almost
            # constant in the first blocks of time and far off in a later one is otherwise
            # extrapolated by its tiny spread (R² of -469,224 on a cholera outbreak's days).
            seen = self.features[np.isin(self.folds, train)][:, columns]
            x_test = np.clip(x_test, seen.min(axis=0), seen.max(axis=0))
        x_test = (x_test - x_mean) / x_std
        x_test[:, constant] = 0.0
        return np.einsum("ij,jk->ik", x_test, coef) + y_mean + self.output_centre

    def score(
        self, kept: list[int] | None = None, *, first_scored: int = 0, forward: bool = False
    ) -> float:
        """Cross-validated score of the ridge over the ``kept`` blocks (all by default).

        Each fold is predicted by the ridge fitted on the other folds, or, with ``forward``,
        on folds ``1..k-1`` (fold 0 alone for fold 1): time-ordered folds then never learn
        from a later row, and each feature of a later fold is kept inside the range the
        training folds showed it (no extrapolation). Only folds from ``first_scored`` on are
        scored.
        """
        kept = list(range(len(self.starts) - 1)) if kept is None else kept
        scored = self.folds >= first_scored
        subset = Target(self.target.task, self.target.values[scored], self.target.n_classes)
        if not kept:
            return baseline_score(subset)
        columns = self._columns(kept)
        prediction = np.zeros_like(self.outputs)
        for fold in range(first_scored, self.n_folds):
            test = self.folds == fold
            if forward:
                train = list(range(1, fold)) if fold > 1 else list(range(fold))
            else:
                train = [f for f in range(self.n_folds) if f != fold]
            prediction[test] = self._fit_predict(train, test, columns, clip=forward)
        kept_prediction = prediction[scored]
        multiclass = self.target.task == "multiclass"
        return score(kept_prediction if multiclass else kept_prediction[:, 0], subset)


def bin_codes(column: pd.Series, n_bins: int = N_BINS) -> tuple[np.ndarray, int]:
    """Integer bin of each value (the last bin holds missing values) and the number of bins."""
    missing = column.isna().to_numpy()
    if pd.api.types.is_bool_dtype(column):
        codes = np.where(missing, 2, column.fillna(False).to_numpy(dtype=bool).astype(np.int64))
        return codes, 3
    if pd.api.types.is_datetime64_any_dtype(column):
        numbers = column.to_numpy(dtype="datetime64[ns]").astype(np.int64).astype(float)
        numbers[missing] = np.nan
        return _quantile_codes(numbers, missing, n_bins)
    if pd.api.types.is_numeric_dtype(column):
        numbers = column.to_numpy(dtype=float, na_value=np.nan)
        missing = ~np.isfinite(numbers)
        return _quantile_codes(numbers, missing, n_bins)
    return _category_codes(column, missing)


def _quantile_codes(
    numbers: np.ndarray, missing: np.ndarray, n_bins: int
) -> tuple[np.ndarray, int]:
    present = numbers[~missing]
    if present.size == 0:
        return np.zeros(len(numbers), dtype=np.int64), 1
    edges = np.unique(np.quantile(present, np.linspace(0, 1, n_bins + 1)[1:-1]))
    filled = np.where(missing, edges[0], numbers)
    # Even codes are the open intervals between edges, odd codes a value equal to an edge:
    # a heavy value (0 refunds on most rows) gets a bin of its own instead of sharing one.
    codes = np.searchsorted(edges, filled, side="left") + np.searchsorted(
        edges, filled, side="right"
    )
    n_value_bins = 2 * len(edges) + 1
    return np.where(missing, n_value_bins, codes), n_value_bins + 1


def _category_codes(column: pd.Series, missing: np.ndarray) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    if len(uniques) > TOP_CATEGORIES:
        counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
        keep = np.argsort(-counts, kind="stable")[:TOP_CATEGORIES]
        remap = np.full(len(uniques), TOP_CATEGORIES, dtype=np.int64)
        remap[keep] = np.arange(len(keep))
        n_value_bins = TOP_CATEGORIES + 1
        codes = np.where(codes >= 0, remap[np.maximum(codes, 0)], n_value_bins)
        return codes, n_value_bins + 1
    n_value_bins = len(uniques)
    return np.where(codes >= 0, codes, n_value_bins), n_value_bins + 1


def oof_encode(codes: np.ndarray, n_bins: int, target: Target, folds: np.ndarray) -> np.ndarray:
    """Out-of-fold target statistics of each row's bin, smoothed toward the training prior.

    Returns the positive rate (binary), the class probabilities (multiclass, one column per
    class) or the mean (regression) learned on the other folds.
    """
    n_folds = int(folds.max()) + 1
    cell = folds * n_bins + codes
    size = n_folds * n_bins
    counts = np.bincount(cell, minlength=size).reshape(n_folds, n_bins)
    train_counts = counts.sum(axis=0) - counts
    sums = output_sums(cell, size, target)
    sums = sums.reshape(n_folds, n_bins, sums.shape[1])
    train_sums = sums.sum(axis=0) - sums
    fold_totals = counts.sum(axis=1)
    prior = (train_sums.sum(axis=1)) / (len(codes) - fold_totals)[:, None]
    smoothed = (train_sums + SMOOTHING * prior[:, None, :]) / (train_counts + SMOOTHING)[..., None]
    encoded = smoothed[folds, codes]
    return encoded[:, 0] if target.task != "multiclass" else encoded


def neighbour_predict(values: np.ndarray, target: Target) -> np.ndarray | None:
    """Predict each row from the rows with the nearest values (leave-one-out).

    Bins blur a sharp rule (a class that flips at 35.0 shares a bin with its neighbours);
    the nearest neighbours do not, so a column that *determines* the target scores almost
    perfectly here even when its binned score does not. Missing values are skipped (None
    when fewer than three values are present).

    Rows that share a value are each other's nearest neighbours: such a row is predicted by
    the mean of the *other* rows with its value. A row with a value of its own is predicted
    by the mean of the two nearest values' rows. Neither looks at where a row sits in the
    file, so a table sorted by its target cannot lend a column the order's signal.
    """
    present = np.flatnonzero(np.isfinite(values))
    if present.size < 3:
        return None
    uniques, group = np.unique(values[present], return_inverse=True)
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    ys = outputs[present].astype(float)
    counts = np.bincount(group, minlength=len(uniques)).astype(float)
    sums = output_sums(group, len(uniques), target, present)
    means = sums / counts[:, None]
    if len(uniques) == 1:
        between = means
    else:
        below = np.vstack([means[1:2], means[:-1]])
        above = np.vstack([means[1:], means[-2:-1]])
        between = (below + above) / 2
    shared = counts[group] > 1
    others = (sums[group] - ys) / np.maximum(counts[group] - 1, 1)[:, None]
    guess = np.where(shared[:, None], others, between[group])
    prediction = np.full_like(outputs, np.nan, dtype=float)
    prediction[present] = guess
    return prediction if target.task == "multiclass" else prediction[:, 0]


def neighbour_predict_across(
    values: np.ndarray, target: Target, folds: np.ndarray
) -> np.ndarray | None:
    """Like :func:`neighbour_predict`, but each fold is predicted from the *other* folds only.

    With folds that keep each entity's rows together, a row's nearest values never come from
    its own entity: in a panel a slowly changing size (a state's jobs, year after year) would
    otherwise find the same state's neighbouring year, and read the target off it. A value
    present in the other folds is predicted by their mean there; any other value by the line
    between the two nearest values' means (a copy of the target in other units passes). A value beyond the other folds' range is not predicted
    (NaN): the largest entity of a panel has no neighbour there, and its error says nothing
    about the column.
    """
    present = np.isfinite(values)
    if present.sum() < 3:
        return None
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    prediction = np.full_like(outputs, np.nan, dtype=float)
    for fold in np.unique(folds[present]):
        train = present & (folds != fold)
        test = present & (folds == fold)
        if train.sum() < 2:
            continue
        uniques, group = np.unique(values[train], return_inverse=True)
        counts = np.bincount(group, minlength=len(uniques)).astype(float)
        means = output_sums(group, len(uniques), target, train) / counts[:, None]
        wanted = values[test]
        right = np.clip(np.searchsorted(uniques, wanted), 0, len(uniques) - 1)
        left = np.clip(right - 1, 0, len(uniques) - 1)
        exact = uniques[right] == wanted
        inside = (wanted >= uniques[0]) & (wanted <= uniques[-1])
        gap = uniques[right] - uniques[left]
        share = np.where(gap > 0, (wanted - uniques[left]) / np.where(gap > 0, gap, 1), 0.5)
        between = means[left] + share[:, None] * (means[right] - means[left])
        guess = np.where(exact[:, None], means[right], between)
        prediction[test] = np.where(inside[:, None], guess, np.nan)
    return prediction if target.task == "multiclass" else prediction[:, 0]


def roc_auc(y: np.ndarray, score: np.ndarray) -> float:
    """Area under the ROC curve with ties counted as half (same as scikit-learn's).

    Counts positives and negatives per distinct score (a hash, not a sort, of the rows), so
    it is fast for binned encodings that take only a few distinct values.
    """
    positives = y > 0.5
    n_pos = int(positives.sum())
    n_neg = len(y) - n_pos
    if n_pos == 0 or n_neg == 0:
        return 0.5
    if len(score) <= 5_000:
        # A sort is cheaper than pandas' hash table on the audit's samples.
        uniques, codes = np.unique(score, return_inverse=True)
    else:
        codes, uniques = pd.factorize(score)
    pos = np.bincount(codes, weights=positives, minlength=len(uniques))
    neg = np.bincount(codes, minlength=len(uniques)) - pos
    order = np.argsort(uniques, kind="stable")
    pos, neg = pos[order], neg[order]
    negatives_below = np.cumsum(neg) - neg
    return float(np.sum(pos * (negatives_below + 0.5 * neg)) / (n_pos * n_neg))


def balanced_accuracy(y: np.ndarray, predicted: np.ndarray, n_classes: int) -> float:
    """Mean recall over the classes present in ``y``."""
    # Counted per class with bincount, not row masks per class: a table of 32 leaf species
    # scores hundreds of screens.
    codes = np.asarray(y).astype(np.int64)
    totals = np.bincount(codes, minlength=n_classes)[:n_classes]
    hits = np.bincount(codes[predicted == y], minlength=n_classes)[:n_classes]
    present = totals > 0
    return float(np.mean(hits[present] / totals[present]))


def r2(y: np.ndarray, predicted: np.ndarray) -> float:
    total = float(np.sum((y - y.mean()) ** 2))
    return 0.0 if total == 0 else 1.0 - float(np.sum((y - predicted) ** 2)) / total


def score(prediction: np.ndarray, target: Target) -> float:
    """The task's score: ROC AUC (binary), balanced accuracy (multiclass) or R² (regression)."""
    if target.task == "binary":
        return roc_auc(target.values, prediction)
    if target.task == "multiclass":
        return balanced_accuracy(target.values, prediction.argmax(axis=1), target.n_classes)
    return r2(target.values, prediction)


def score_alone(prediction: np.ndarray, target: Target) -> float:
    """``score`` of one column's prediction; for a class target, the better of the likeliest
    class and the class whose share rises most over its prior. Balanced accuracy counts each
    class equally, and smoothed means rarely make a rare class the likeliest, however clearly
    a column marks it (cigarettes a day beside a smoking class of 5 %)."""
    plain = score(prediction, target)
    if target.task != "multiclass":
        return plain
    prior = np.bincount(target.values.astype(np.int64), minlength=target.n_classes)
    prior = np.maximum(prior / max(len(target.values), 1), 1e-12)
    guess = (prediction[:, : len(prior)] / prior).argmax(axis=1)
    return max(plain, balanced_accuracy(target.values, guess, target.n_classes))


def lift(value: float, target: Target) -> float:
    """A score rescaled so that 0 is guessing and 1 is perfect, comparable across tasks."""
    if target.task == "binary":
        return max(0.0, 2 * value - 1)
    if target.task == "multiclass":
        chance = 1.0 / target.n_classes
        return max(0.0, (value - chance) / (1 - chance))
    return max(0.0, value)


def as_features(encoded: np.ndarray, target: Target) -> np.ndarray:
    """Turn out-of-fold encodings into stacking features (log-odds for classification)."""
    if target.task == "regression":
        return encoded[:, None]
    clipped = np.clip(encoded, 1e-4, 1 - 1e-4)
    if target.task == "binary":
        return np.log(clipped / (1 - clipped))[:, None]
    return np.log(clipped)


def stacked_score(blocks: list[np.ndarray], target: Target, folds: np.ndarray) -> float:
    """Cross-validated score of a ridge regression over the columns' out-of-fold encodings."""
    if not blocks:
        return baseline_score(target)
    return StackedRidge(blocks, target, folds).score()


ONE_HOT_LEVELS = 10
"""Bins (levels, with the missing one) up to which :func:`cross_fitted_score` uses a column's
indicators rather than its encoding."""
CROSS_FIT_FOLDS = 5
"""Folds inside each model's training rows that encode those rows, as scikit-learn's
``TargetEncoder`` cross-fits its ``fit_transform`` (five by default)."""


def cross_fitted_score(
    columns: list[tuple[np.ndarray, int]],
    target: Target,
    folds: np.ndarray,
    numbers: list[np.ndarray] = (),
    groups: np.ndarray | None = None,
    seed: int = 0,
) -> float:
    """Cross-validated score of the stacked ridge, each fold's model learned without it.

    :func:`stacked_score` fits each fold's ridge on encodings of the training rows that
    were learned on the other folds, the held-out fold among them: harmless with a few
    shuffled folds, but with folds of whole groups (one school each) a training row's prior
    then carries the held-out school's mean, and the ridge learns to read it back (a school
    column alone scored R² 0.78 on schools it never saw). Here, as a scikit-learn
    pipeline of ``TargetEncoder`` and ``Ridge`` does under ``cross_val_score``, the model of
    fold ``k`` sees the training rows only: they are encoded by random folds among
    themselves (``CROSS_FIT_FOLDS``), the rows of fold ``k`` from all of them.

    A column of up to ``ONE_HOT_LEVELS`` bins enters as its indicators instead, as a one-hot
    encoder gives it. A number also enters as itself (clipped to the training rows' 1st to
    99th percentiles, a missing value filled with their median): a bin never seen in
    training is encoded as the prior, and with one value per entity (a store's floor area)
    every held-out entity's bin is new, though its value says where it stands. Every
    training row is smoothed toward the prior of all training rows.

    Parameters
    ----------
    columns : list of (codes, n_bins)
        Each column's bins, from :func:`bin_codes`.
    target : Target
    folds : numpy.ndarray
        The fold of each row (a group's rows share one).
    numbers : list of numpy.ndarray
        The values of the numeric columns among ``columns`` (floats, NaN when missing).
    groups : numpy.ndarray, optional
        The entity of each row, when ``folds`` split by it: the entity's attributes are then
        encoded in training as for a held-out entity, from other entities only.
    seed : int
        Seeds the random folds inside the training rows.
    """
    if not columns:
        return held_out_baseline(target, folds)
    n_folds = int(folds.max()) + 1
    random = np.random.default_rng(seed)
    by_row = random.permutation(len(folds)) % CROSS_FIT_FOLDS
    if groups is not None:
        group_codes = np.unique(groups, return_inverse=True)[1]
        n_groups = int(group_codes.max()) + 1
        by_group = (random.permutation(n_groups) % CROSS_FIT_FOLDS)[group_codes]
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    statistics = []
    # A few levels enter as indicators, as a one-hot encoder gives them: encoded from other
    # entities only, a province's mean runs against each left-out school's own (its rows are
    # out of that mean), and the model learns that bookkeeping instead of the province.
    indicators = [np.eye(n_bins)[codes] for codes, n_bins in columns if n_bins <= ONE_HOT_LEVELS]
    for codes, n_bins in columns:
        if n_bins <= ONE_HOT_LEVELS:
            continue
        # An attribute of the entity (a store's floor area, one bin per store) is encoded
        # from other entities, in training as for a held-out entity: by random rows, a store's
        # own bin would carry its own mean, which a new store never has. What varies inside
        # an entity (a pupil's homework) is encoded by random rows.
        attribute = (
            groups is not None
            and len(np.unique(group_codes.astype(np.int64) * n_bins + codes)) == n_groups
        )
        inner = by_group if attribute else by_row
        cell = (folds * CROSS_FIT_FOLDS + inner) * n_bins + codes
        size = n_folds * CROSS_FIT_FOLDS * n_bins
        counts = np.bincount(cell, minlength=size).astype(float)
        sums = output_sums(cell, size, target)
        shape = (n_folds, CROSS_FIT_FOLDS, n_bins)
        statistics.append((codes, inner, counts.reshape(shape), sums.reshape(*shape, -1)))
    prediction = np.zeros(outputs.shape, dtype=float)
    for k in range(n_folds):
        test = folds == k
        blocks = []
        for codes, inner, counts, sums in statistics:
            # Per inner fold and bin, over the training rows (every outer fold but k).
            train_counts, train_sums = counts.sum(axis=0) - counts[k], sums.sum(axis=0) - sums[k]
            all_counts, all_sums = train_counts.sum(axis=0), train_sums.sum(axis=0)
            # One prior for every training row, that of all of them: the prior of the rows
            # outside a row's inner fold runs against that fold's own mean, and a bin seen
            # in no other fold (a store of its own) would carry that bookkeeping.
            prior = all_sums.sum(axis=0) / max(all_counts.sum(), 1)
            encoded = np.where(
                test[:, None],
                _smoothed(all_counts, all_sums, prior)[codes],
                _smoothed(all_counts - train_counts, all_sums - train_sums, prior)[inner, codes],
            )
            blocks.append(
                as_features(encoded[:, 0] if target.task != "multiclass" else encoded, target)
            )
        blocks.extend(indicators)
        for values in numbers:
            blocks.append(_clipped(values, ~test)[:, None])
        features = np.hstack(blocks)
        train_x, train_y = features[~test], outputs[~test]
        x_mean, y_mean = train_x.mean(axis=0), train_y.mean(axis=0)
        x_std = train_x.std(axis=0)
        constant = x_std <= 1e-12 * np.maximum(np.abs(x_mean), 1e-300)
        x_std = np.where(constant, 1.0, x_std)
        standard = (features - x_mean) / x_std
        standard[:, constant] = 0.0
        train_z = standard[~test]
        gram = train_z.T @ train_z + RIDGE * np.eye(train_z.shape[1])
        prediction[test] = standard[test] @ np.linalg.solve(gram, train_z.T @ (train_y - y_mean))
        prediction[test] += y_mean
    return score(prediction if target.task == "multiclass" else prediction[:, 0], target)


def _clipped(values: np.ndarray, train: np.ndarray) -> np.ndarray:
    """``values`` clipped to the ``train`` rows' 1st to 99th percentiles, missing values
    filled with their median (0 when the training rows have none)."""
    known = values[train][np.isfinite(values[train])]
    if known.size == 0:
        return np.zeros(len(values))
    low, middle, high = np.percentile(known, [1, 50, 99])
    return np.clip(np.where(np.isfinite(values), values, middle), low, high)


def held_out_baseline(target: Target, folds: np.ndarray) -> float:
    """The score of predicting every row of a fold by the mean of the other folds: what no
    column at all reaches on those folds. Below the prior's 0 or 0.5 when the folds are
    whole groups (a group's own mean pulls the others' the other way)."""
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    n_folds = int(folds.max()) + 1
    counts = np.bincount(folds, minlength=n_folds).astype(float)
    sums = np.zeros((n_folds, outputs.shape[1]))
    np.add.at(sums, folds, outputs)
    others = (sums.sum(axis=0) - sums) / np.maximum(len(folds) - counts, 1)[:, None]
    prediction = others[folds]
    return score(prediction if target.task == "multiclass" else prediction[:, 0], target)


def forward_baseline(target: Target, folds: np.ndarray, first_scored: int = 2) -> float:
    """The score of predicting every block of time by the mean of the blocks before it that
    :func:`forward_stacked_score` trains on (blocks ``1..k-1``): what no column at all
    reaches on those blocks. Far below zero when the target drifts (a price that rises)."""
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    scored = folds >= first_scored
    prediction = np.zeros(outputs.shape)
    for fold in range(first_scored, int(folds.max()) + 1):
        train = (folds >= 1) & (folds < fold) if fold > 1 else folds < fold
        prediction[folds == fold] = outputs[train].mean(axis=0)
    subset = Target(target.task, target.values[scored], target.n_classes)
    kept = prediction[scored]
    return score(kept if target.task == "multiclass" else kept[:, 0], subset)


def _smoothed(counts: np.ndarray, sums: np.ndarray, prior: np.ndarray) -> np.ndarray:
    """Each bin's mean output, smoothed toward ``prior``: ``(..., bins, outputs)`` from counts
    ``(..., bins)`` and sums ``(..., bins, outputs)``."""
    return (sums + SMOOTHING * prior) / (counts + SMOOTHING)[..., None]


def baseline_score(target: Target) -> float:
    """The score of predicting without any column (the prior)."""
    if target.task == "binary":
        return 0.5
    if target.task == "multiclass":
        return 1.0 / target.n_classes
    return 0.0


def rank_sum_test(values: np.ndarray, side: np.ndarray) -> tuple[float, float]:
    """The Mann-Whitney test of ``values[side]`` against the other values, by its normal
    approximation (average ranks for ties, the tie correction and the continuity correction),
    as ``scipy.stats.mannwhitneyu`` computes it for samples of eight or more, without the half
    second that importing ``scipy.stats`` costs every command-line audit.

    Returns
    -------
    auc : float
        The share of pairs (a row of the side against another row) where the side's value is
        the larger, ties counting half.
    chance : float
        The two-sided p-value.
    """
    n1 = int(side.sum())
    n2 = len(values) - n1
    n = n1 + n2
    ranks = pd.Series(values).rank().to_numpy()
    u1 = float(ranks[side].sum()) - n1 * (n1 + 1) / 2
    _, ties = np.unique(values, return_counts=True)
    tie_term = float((ties.astype(float) ** 3 - ties).sum()) / (n * (n - 1))
    spread = math.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term))
    if spread == 0:
        return 0.5, 1.0
    z = (max(u1, n1 * n2 - u1) - n1 * n2 / 2 - 0.5) / spread
    return u1 / (n1 * n2), min(1.0, math.erfc(z / math.sqrt(2)))
