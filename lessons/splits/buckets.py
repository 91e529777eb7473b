"""Single splits (train, validation and test buckets) and cross-validation folds.

The two live together because each calls the other: a fold strategy holds out the test bucket
of its single split before rotating its folds, and ``make_buckets`` with a fold strategy reads
the folds.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from sklearn.model_selection import (
    GroupKFold,
    GroupShuffleSplit,
    KFold,
    StratifiedKFold,
    TimeSeriesSplit,
    train_test_split,
)

from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.splits.strategies import (
    _HOLDOUT_OF,
    DEFAULT_K,
    DEFAULT_SIZES,
    FOLD_STRATEGIES,
    MAX_K,
    STRATEGY_TITLES,
    Buckets,
    Fold,
    default_strategy,
    entity_candidates,
    why_not,
)

# --------------------------------------------------------------------------- single splits


def _labels(y: pd.Series) -> np.ndarray:
    """Class codes for stratifying; a missing label counts as a class of its own."""
    return pd.factorize(y, use_na_sentinel=False)[0]


def _check_sizes(sizes: tuple[float, float, float]) -> tuple[float, float, float]:
    sizes = tuple(float(s) for s in sizes)
    if len(sizes) != 3 or min(sizes) <= 0:
        raise DataError("Give three positive fractions: train, validation and test.")
    if not np.isclose(sum(sizes), 1.0):
        raise DataError("Train, validation and test fractions must add up to 1.")
    return sizes


def _shuffled_split(
    positions: np.ndarray,
    test_fraction: float,
    *,
    labels: np.ndarray | None,
    random_state: int,
) -> tuple[np.ndarray, np.ndarray]:
    try:
        kept, held = train_test_split(
            positions,
            test_size=test_fraction,
            random_state=random_state,
            stratify=labels[positions] if labels is not None else None,
        )
    except ValueError as error:
        raise DataError(
            f"A stratified split needs at least two rows of every class in each bucket "
            f"({error}). Use a random split, or give the rare classes more rows."
        ) from error
    return kept, held


def _group_split(
    positions: np.ndarray, groups: np.ndarray, test_fraction: float, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    if len(np.unique(groups[positions])) < 2:
        raise DataError("A group split needs at least two distinct entities.")
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=random_state)
    kept, held = next(splitter.split(positions, groups=groups[positions]))
    return positions[kept], positions[held]


def time_values(dataset: Dataset) -> pd.Series:
    """The time column as datetimes (or numbers), the values cut points compare against."""
    if not dataset.time_column:
        raise DataError("This dataset has no time column to split by.")
    values = dataset.frame[dataset.time_column]
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return values
    converted = pd.to_datetime(values, errors="coerce")
    if converted.notna().sum() == 0:
        raise DataError(f"The time column {dataset.time_column!r} holds neither dates nor numbers.")
    return converted


def _as_time(value: object, like: pd.Series) -> object:
    if pd.api.types.is_datetime64_any_dtype(like):
        stamp = pd.Timestamp(value)
        zone = getattr(like.dt, "tz", None)
        if zone is not None and stamp.tzinfo is None:
            stamp = stamp.tz_localize(zone)
        return stamp
    return float(value)


def default_time_cuts(
    dataset: Dataset, sizes: tuple[float, float, float] = DEFAULT_SIZES
) -> tuple[object, object]:
    """Validation and test start dates nearest to the requested row fractions.

    Cuts fall on distinct dates, so one date never straddles two buckets: timestamps within a
    day cut at midnight (lesson 2's date slider cannot say anything finer), unless the rows
    span fewer than three days.
    """
    sizes = _check_sizes(sizes)
    values = time_values(dataset).dropna()
    if pd.api.types.is_datetime64_any_dtype(values) and values.dt.normalize().nunique() >= 3:
        values = values.dt.normalize()
    distinct = np.sort(values.unique())
    if len(distinct) < 3:
        raise DataError("A time split needs at least three distinct dates.")
    counts = values.value_counts().reindex(distinct).to_numpy()
    share_before = np.cumsum(counts) / counts.sum() - counts / counts.sum()

    def nearest(fraction: float, lowest: int) -> int:
        return int(max(lowest, np.argmin(np.abs(share_before - fraction))))

    validation_at = nearest(sizes[0], 1)
    test_at = nearest(sizes[0] + sizes[1], validation_at + 1)
    test_at = min(test_at, len(distinct) - 1)
    validation_at = min(validation_at, test_at - 1)
    return _scalar(distinct[validation_at]), _scalar(distinct[test_at])


def _scalar(value: object) -> object:
    return pd.Timestamp(value) if isinstance(value, np.datetime64) else value


def label_settled(dataset: Dataset) -> pd.Series:
    """When each row's label is settled: its time plus the dataset's label horizon.

    A row's label is a late-arriving fact. "Cancels within three months" on a January row is
    only known in April; until then the row cannot teach a model. Without a horizon the
    label is known at the row's own time.
    """
    values = time_values(dataset)
    horizon = dataset.label_horizon
    if horizon is None:
        return values
    if not pd.api.types.is_datetime64_any_dtype(values):
        raise DataError(
            f"A label horizon is a length of time, but the time column "
            f"{dataset.time_column!r} holds numbers, not dates."
        )
    return values + horizon


def describe_horizon(dataset: Dataset) -> str | None:
    """The label horizon in words ("3 months", "1 week"), or None without one."""
    horizon = dataset.label_horizon
    if horizon is None:
        return None
    if isinstance(horizon, pd.DateOffset):
        parts = [
            f"{amount} {unit[:-1] if amount == 1 else unit}"
            for unit, amount in horizon.kwds.items()
        ]
        return " ".join(parts)
    days = pd.Timedelta(horizon) / pd.Timedelta(days=1)
    if days >= 7 and days % 7 == 0:
        weeks = int(days // 7)
        return f"{weeks} week" + ("s" if weeks != 1 else "")
    if days >= 1 and days == int(days):
        return f"{int(days)} day" + ("s" if days != 1 else "")
    return str(pd.Timedelta(horizon))


def _time_periods(dataset: Dataset, cuts: list[object]) -> tuple[list[np.ndarray], np.ndarray]:
    """Rows of each period between the cuts, and the purge gap.

    A row belongs to its period only if its label is settled by the time the next period
    starts; otherwise it sits in the gap and belongs to no bucket. Rows without a time
    belong nowhere.
    """
    values = time_values(dataset)
    known = values.notna().to_numpy()
    stamps = values.to_numpy()
    settled = label_settled(dataset).to_numpy()
    edges = [None, *cuts, None]
    periods, gaps = [], []
    for start, end in itertools.pairwise(edges):
        inside = known.copy()
        if start is not None:
            inside &= stamps >= start
        if end is not None:
            inside &= stamps < end
            in_time = inside & (settled <= end)
            gaps.append(np.flatnonzero(inside & ~in_time))
            inside = in_time
        periods.append(np.flatnonzero(inside))
    return periods, np.sort(np.concatenate(gaps))


def _horizon_note(dataset: Dataset) -> str:
    horizon = describe_horizon(dataset)
    return f" (labels settle {horizon} after each row)" if horizon else ""


def _time_buckets(
    dataset: Dataset, validation_start: object, test_start: object
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    values = time_values(dataset)
    validation_start = _as_time(validation_start, values)
    test_start = _as_time(test_start, values)
    if not validation_start < test_start:
        raise DataError("The validation period must start before the test period.")
    (train, validation, test), gap = _time_periods(dataset, [validation_start, test_start])
    for name, bucket in (("training", train), ("validation", validation), ("test", test)):
        if len(bucket) == 0:
            raise DataError(
                f"No row falls in the {name} period{_horizon_note(dataset)}; move the cut dates."
            )
    return train, validation, test, gap


def _group_array(dataset: Dataset, column: str | None) -> tuple[str, np.ndarray]:
    column = column or dataset.group_column
    if not column:
        candidates = entity_candidates(dataset)
        if not candidates:
            raise DataError("No column repeats an entity, so a group split does not apply.")
        column = candidates[0]
    if column not in dataset.frame.columns:
        raise DataError(f"There is no column {column!r} to group by.")
    return column, _labels(dataset.frame[column])


def make_buckets(
    dataset: Dataset,
    choice: SplitChoice | None = None,
    *,
    sizes: tuple[float, float, float] = DEFAULT_SIZES,
    random_state: int = 0,
) -> Buckets:
    """Split a dataset's rows into train, validation and test.

    Parameters
    ----------
    dataset : Dataset
    choice : SplitChoice, optional
        The learner's choice; ``None`` or ``"auto"`` takes the honest default. A fold
        strategy resolves to one fold (``fold`` parameter) with its held-out test bucket.
    sizes : tuple of float
        Fractions of train, validation and test when the choice does not give ``sizes``;
        they must sum to 1.
    random_state : int

    Returns
    -------
    Buckets

    Raises
    ------
    DataError
        If the strategy does not apply to the dataset or its parameters are impossible.
    """
    choice = choice or SplitChoice()
    strategy = choice.strategy
    if strategy == "auto":
        strategy, reason = default_strategy(dataset)
    else:
        if problem := why_not(dataset, strategy):
            raise DataError(f"A {strategy} split does not apply: {problem}.")
        reason = f"chosen in lesson 2 ({STRATEGY_TITLES[strategy].lower()})"
    if strategy in FOLD_STRATEGIES:
        folds = make_folds(dataset, choice, random_state=random_state)
        default_fold = len(folds) - 1 if strategy == "time_series" else 0
        index = int(choice.param("fold", default_fold))
        if not 0 <= index < len(folds):
            raise DataError(f"There are {len(folds)} folds; pick one from 1 to {len(folds)}.")
        fold = folds[index]
        return Buckets(
            fold.train,
            fold.validation,
            fold.test,
            strategy,
            f"{reason}: fold {index + 1} of {len(folds)} as validation",
            fold.gap,
        )
    sizes = _check_sizes(choice.param("sizes", sizes))
    positions = np.arange(len(dataset.frame))
    train_size, val_size, test_size = sizes
    inner_fraction = val_size / (train_size + val_size)
    gap = np.array([], dtype=np.intp)
    if strategy == "time":
        default_cuts = default_time_cuts(dataset, sizes)
        train, val, test, gap = _time_buckets(
            dataset,
            choice.param("validation_start", default_cuts[0]),
            choice.param("test_start", default_cuts[1]),
        )
        if horizon := describe_horizon(dataset):
            reason += (
                f"; a gap of {horizon} before each cut, so every training label is settled "
                f"before validation starts"
            )
    elif strategy == "group":
        _, groups = _group_array(dataset, choice.param("column"))
        rest, test = _group_split(positions, groups, test_size, random_state)
        train, val = _group_split(rest, groups, inner_fraction, random_state)
    else:
        labels = _labels(dataset.y) if strategy == "stratified" else None
        rest, test = _shuffled_split(positions, test_size, labels=labels, random_state=random_state)
        train, val = _shuffled_split(rest, inner_fraction, labels=labels, random_state=random_state)
    return Buckets(np.sort(train), np.sort(val), np.sort(test), strategy, reason, gap)


def canonical_choice(
    dataset: Dataset, choice: SplitChoice, *, random_state: int = 0
) -> SplitChoice:
    """``SplitChoice()`` when ``choice`` makes the honest default's buckets, else ``choice``.

    Lesson 2's controls always write the strategy's parameters out (the time cuts as dates,
    the bucket sizes), so a learner who leaves them untouched holds a choice that differs from
    ``"auto"`` in name only. Every later lesson caches its fits on the choice: keeping the one
    name for the one split lets the learner read the fits the server warmed, and other
    learners made, instead of refitting the same rows under another key.

    Parameters
    ----------
    dataset : Dataset
    choice : SplitChoice
    random_state : int

    Returns
    -------
    SplitChoice
    """
    strategy, _ = default_strategy(dataset)
    if choice.strategy != strategy or strategy in FOLD_STRATEGIES:
        return choice
    try:
        chosen = make_buckets(dataset, choice, random_state=random_state)
    except DataError:
        return choice
    default = make_buckets(dataset, None, random_state=random_state)
    parts = ("train", "validation", "test", "gap")
    same = all(np.array_equal(getattr(chosen, p), getattr(default, p)) for p in parts)
    return SplitChoice() if same else choice


# --------------------------------------------------------------------------- cross-validation


def make_folds(
    dataset: Dataset,
    choice: SplitChoice,
    *,
    test_size: float = DEFAULT_SIZES[2],
    random_state: int = 0,
) -> list[Fold]:
    """Hold out a test bucket, then rotate a validation fold over the remaining rows.

    Parameters
    ----------
    dataset : Dataset
    choice : SplitChoice
        A fold strategy (``kfold``, ``stratified_kfold``, ``time_series``, ``group_kfold``)
        with ``k`` (2 to 10), and for ``time_series`` a ``gap`` in distinct time steps.
    test_size : float
        Fraction held out as the test bucket, unless the choice gives ``test_size``.
    random_state : int

    Returns
    -------
    list of Fold
        ``k`` folds. For k-fold variants every non-test row is validated exactly once; a
        time-series split validates later and later blocks, each trained on everything
        before it (minus the gap).
    """
    strategy = choice.strategy
    if strategy not in FOLD_STRATEGIES:
        raise DataError(
            f"{strategy!r} is a single split, not cross-validation; use one of "
            f"{', '.join(FOLD_STRATEGIES)}."
        )
    if problem := why_not(dataset, strategy):
        raise DataError(f"A {strategy} split does not apply: {problem}.")
    k = int(choice.param("k", DEFAULT_K))
    if not 2 <= k <= MAX_K:
        raise DataError(f"k must be from 2 to {MAX_K}; got {k}.")
    test_size = float(choice.param("test_size", test_size))
    if not 0 < test_size < 1:
        raise DataError("The test fraction must be between 0 and 1.")
    if strategy == "time_series":
        rest, test, held_gap = _time_holdout(dataset, test_size)
    else:
        holdout = SplitChoice(
            _HOLDOUT_OF[strategy],
            tuple(
                sorted(
                    {
                        "sizes": ((1 - test_size) / 2, (1 - test_size) / 2, test_size),
                        **({"column": choice.param("column")} if choice.param("column") else {}),
                    }.items()
                )
            ),
        )
        single = make_buckets(dataset, holdout, random_state=random_state)
        rest = np.sort(np.concatenate([single.train, single.validation]))
        test, held_gap = single.test, single.gap
    if len(rest) < k:
        raise DataError(f"{len(rest)} rows outside the test bucket cannot make {k} folds.")
    if strategy == "time_series":
        pairs = _time_series_pairs(dataset, rest, k, int(choice.param("gap", 0)))
        return [
            Fold(i, train, validation, test, np.union1d(gap, held_gap))
            for i, (train, validation, gap) in enumerate(pairs)
        ]
    if strategy == "group_kfold":
        _, groups = _group_array(dataset, choice.param("column"))
        if len(np.unique(groups[rest])) < k:
            raise DataError(f"Fewer than {k} entities outside the test bucket; lower k.")
        splitter = GroupKFold(n_splits=k, shuffle=True, random_state=random_state)
        pairs = [(rest[a], rest[b]) for a, b in splitter.split(rest, groups=groups[rest])]
    elif strategy == "stratified_kfold":
        labels = _labels(dataset.y)[rest]
        smallest = np.bincount(labels).min()
        if smallest < k:
            raise DataError(
                f"The rarest class has {smallest} rows outside the test bucket, fewer than "
                f"k = {k}; lower k so every fold can hold one."
            )
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state)
        pairs = [(rest[a], rest[b]) for a, b in splitter.split(rest, labels)]
    else:
        splitter = KFold(n_splits=k, shuffle=True, random_state=random_state)
        pairs = [(rest[a], rest[b]) for a, b in splitter.split(rest)]
    return [
        Fold(i, np.sort(train), np.sort(validation), test, held_gap)
        for i, (train, validation) in enumerate(pairs)
    ]


def _time_holdout(dataset: Dataset, test_size: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows before the test cut whose labels settle in time, the test rows, the gap."""
    test_start = default_time_cuts(dataset, ((1 - test_size) / 2, (1 - test_size) / 2, test_size))[
        1
    ]
    (rest, test), gap = _time_periods(dataset, [test_start])
    if len(rest) == 0 or len(test) == 0:
        raise DataError(
            f"The test period leaves no earlier row to fold{_horizon_note(dataset)}; "
            f"use a smaller test bucket."
        )
    return rest, test, gap


def _time_series_pairs(
    dataset: Dataset, rest: np.ndarray, k: int, gap: int
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Expanding-window folds over distinct dates, so one date never straddles a cut.

    ``gap`` distinct dates are skipped before each validation fold (scikit-learn's
    ``TimeSeriesSplit(gap=...)``); on top of that, a training row stays out when its label
    is settled only after the fold's validation starts (the label horizon). Returns the
    training, validation and gap rows of each fold.
    """
    if gap < 0:
        raise DataError("The gap cannot be negative.")
    stamps = time_values(dataset).to_numpy()[rest]
    settled = label_settled(dataset).to_numpy()[rest]
    distinct = np.unique(stamps)
    if len(distinct) < k + 1 + gap:
        raise DataError(
            f"{len(distinct)} distinct dates outside the test period cannot make {k} "
            f"expanding folds with a gap of {gap}; lower k or the gap."
        )
    date_index = np.searchsorted(distinct, stamps)
    splitter = TimeSeriesSplit(n_splits=k, gap=gap)
    folds = []
    for number, (train_dates, validation_dates) in enumerate(splitter.split(distinct), start=1):
        validation_start = distinct[validation_dates[0]]
        before = stamps < validation_start
        train = np.isin(date_index, train_dates) & (settled <= validation_start)
        if not train.any():
            raise DataError(
                f"Fold {number} has no training row whose label is settled before its "
                f"validation starts{_horizon_note(dataset)}; lower k."
            )
        folds.append(
            (rest[train], rest[np.isin(date_index, validation_dates)], rest[before & ~train])
        )
    return folds
