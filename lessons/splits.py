"""Splitting rows into train, validation and test buckets, built on scikit-learn's splitters.

Two families of strategies:

- bucket strategies (``random``, ``stratified``, ``time``, ``group``) make one train /
  validation / test split: ``make_buckets``;
- fold strategies (``kfold``, ``stratified_kfold``, ``time_series``, ``group_kfold``) hold a
  test bucket out once, then rotate the validation fold over the remaining rows:
  ``make_folds``. ``make_buckets`` resolves a fold strategy to one of its folds (the ``fold``
  parameter; by default the last fold of a time-series split, the first of the others), so a
  later lesson that needs three buckets can train on the learner's choice.

Every strategy's parameters travel in a ``lessons.choices.SplitChoice``:

========================  ==========================================================
strategy                  params
========================  ==========================================================
``random``                ``sizes`` (train, validation, test fractions)
``stratified``            ``sizes``
``time``                  ``validation_start``, ``test_start`` (ISO dates); without
                          them the cuts are the dates nearest to ``sizes``
``group``                 ``sizes``, ``column`` (the entity; default the dataset's)
``kfold``                 ``k``, ``test_size``, ``fold``
``stratified_kfold``      ``k``, ``test_size``, ``fold``
``time_series``           ``k``, ``gap`` (distinct time steps skipped), ``test_size``
``group_kfold``           ``k``, ``column``, ``test_size``, ``fold``
========================  ==========================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.model_selection import (
    GroupKFold,
    GroupShuffleSplit,
    KFold,
    ShuffleSplit,
    StratifiedKFold,
    StratifiedShuffleSplit,
    TimeSeriesSplit,
    train_test_split,
)
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import scoring
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.models import check_params, model_pipeline

BUCKET_STRATEGIES: tuple[str, ...] = ("random", "stratified", "time", "group")
FOLD_STRATEGIES: tuple[str, ...] = ("kfold", "stratified_kfold", "time_series", "group_kfold")
STRATEGIES: tuple[str, ...] = ("auto", *BUCKET_STRATEGIES, *FOLD_STRATEGIES)

STRATEGY_TITLES: dict[str, str] = {
    "auto": "Honest default",
    "random": "Random",
    "stratified": "Stratified",
    "time": "Time-based",
    "group": "Group (by entity)",
    "kfold": "K-fold",
    "stratified_kfold": "Stratified k-fold",
    "time_series": "Time-series CV (expanding window)",
    "group_kfold": "Group k-fold",
}

# The single split whose test bucket a fold strategy holds out before rotating its folds.
_HOLDOUT_OF: dict[str, str] = {
    "kfold": "random",
    "stratified_kfold": "stratified",
    "time_series": "time",
    "group_kfold": "group",
}

DEFAULT_SIZES: tuple[float, float, float] = (0.6, 0.2, 0.2)
DEFAULT_K = 5
MAX_K = 10


@dataclass(frozen=True)
class Buckets:
    """Row positions (``iloc``) of each bucket, and how they were made.

    Attributes
    ----------
    train, validation, test : numpy.ndarray
        Disjoint integer positions into the dataset's frame.
    strategy : str
        The strategy actually used (``"auto"`` resolves to a concrete one).
    reason : str
        One sentence on why this split, for the page.
    """

    train: np.ndarray
    validation: np.ndarray
    test: np.ndarray
    strategy: str
    reason: str


@dataclass(frozen=True)
class Fold:
    """One round of cross-validation: fit on ``train``, score on ``validation``.

    ``test`` is the same held-out bucket in every fold; cross-validation never touches it.
    """

    index: int
    train: np.ndarray
    validation: np.ndarray
    test: np.ndarray


@dataclass(frozen=True)
class Guarantee:
    """A property an honest split must keep, checked on actual positions.

    Attributes
    ----------
    name : str
        ``"disjoint"``, ``"time order"`` or ``"groups"``.
    holds : bool or None
        None when the property does not apply (no time or entity column).
    detail : str
        The evidence in one sentence, with numbers.
    """

    name: str
    holds: bool | None
    detail: str


# --------------------------------------------------------------------------- applicability


def default_strategy(dataset: Dataset) -> tuple[str, str]:
    """The honest default split for a dataset and the reason for it."""
    if dataset.time_column:
        return (
            "time",
            f"rows are ordered by `{dataset.time_column}`: train on the past, test on the future",
        )
    if dataset.group_column:
        return "group", f"`{dataset.group_column}` repeats: keep each one in a single bucket"
    if dataset.task in ("binary", "multiclass"):
        return "stratified", "keep the class ratio the same in every bucket"
    return "random", "independent rows: a shuffled split is fair"


def entity_candidates(dataset: Dataset) -> list[str]:
    """Columns that could identify a repeated entity: the declared one first, then text
    columns (or integer columns named like ``*id``) with at least 10 values that repeat."""
    found = [dataset.group_column] if dataset.group_column else []
    n = len(dataset.frame)
    for column in dataset.feature_columns:
        series = dataset.frame[column]
        if column in found or column == dataset.time_column:
            continue
        textual = pd.api.types.is_string_dtype(series) or isinstance(
            series.dtype, pd.CategoricalDtype
        )
        # A number is an entity only when its name says so (customer_id): a year or a size
        # repeats too, but it is a measurement.
        named_id = pd.api.types.is_integer_dtype(series) and column.lower().endswith("id")
        if not (textual or named_id):
            continue
        distinct = series.nunique()
        if 2 < distinct <= n / 2 and distinct >= 10:
            found.append(column)
    return found


def why_not(dataset: Dataset, strategy: str) -> str | None:
    """Why ``strategy`` cannot run on ``dataset``, or None when it can.

    The page shows this sentence instead of a traceback.
    """
    if strategy not in STRATEGIES:
        return (
            f"there is no split strategy called {strategy!r}; pick one of {', '.join(STRATEGIES)}"
        )
    if strategy in ("time", "time_series") and not dataset.time_column:
        return (
            "this dataset has no time column, so there is no past and future to split by; "
            "its rows are treated as independent, and a random or stratified split is fair"
        )
    if strategy in ("group", "group_kfold") and not entity_candidates(dataset):
        return (
            "no column repeats an entity (a customer, a card, a store), so every row stands "
            "for itself and a group split has nothing to keep together"
        )
    if strategy in ("stratified", "stratified_kfold") and dataset.task == "regression":
        return (
            "the target is a number, not a class, so there is no class ratio to keep; "
            "use a random split (or k-fold) instead"
        )
    return None


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

    Cuts fall on distinct dates, so one date never straddles two buckets.
    """
    sizes = _check_sizes(sizes)
    values = time_values(dataset).dropna()
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


def _time_buckets(
    dataset: Dataset, validation_start: object, test_start: object
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    values = time_values(dataset)
    validation_start = _as_time(validation_start, values)
    test_start = _as_time(test_start, values)
    if not validation_start < test_start:
        raise DataError("The validation period must start before the test period.")
    known = values.notna().to_numpy()
    stamps = values.to_numpy()
    train = np.flatnonzero(known & (stamps < validation_start))
    validation = np.flatnonzero(known & (stamps >= validation_start) & (stamps < test_start))
    test = np.flatnonzero(known & (stamps >= test_start))
    for name, bucket in (("training", train), ("validation", validation), ("test", test)):
        if len(bucket) == 0:
            raise DataError(f"No row falls in the {name} period; move the cut dates.")
    return train, validation, test


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
        )
    sizes = _check_sizes(choice.param("sizes", sizes))
    positions = np.arange(len(dataset.frame))
    train_size, val_size, test_size = sizes
    inner_fraction = val_size / (train_size + val_size)
    if strategy == "time":
        default_cuts = default_time_cuts(dataset, sizes)
        train, val, test = _time_buckets(
            dataset,
            choice.param("validation_start", default_cuts[0]),
            choice.param("test_start", default_cuts[1]),
        )
    elif strategy == "group":
        _, groups = _group_array(dataset, choice.param("column"))
        rest, test = _group_split(positions, groups, test_size, random_state)
        train, val = _group_split(rest, groups, inner_fraction, random_state)
    else:
        labels = _labels(dataset.y) if strategy == "stratified" else None
        rest, test = _shuffled_split(positions, test_size, labels=labels, random_state=random_state)
        train, val = _shuffled_split(rest, inner_fraction, labels=labels, random_state=random_state)
    return Buckets(np.sort(train), np.sort(val), np.sort(test), strategy, reason)


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
    test = single.test
    if len(rest) < k:
        raise DataError(f"{len(rest)} rows outside the test bucket cannot make {k} folds.")
    if strategy == "time_series":
        pairs = _time_series_pairs(dataset, rest, k, int(choice.param("gap", 0)))
    elif strategy == "group_kfold":
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
        Fold(i, np.sort(train), np.sort(validation), test)
        for i, (train, validation) in enumerate(pairs)
    ]


def _time_series_pairs(
    dataset: Dataset, rest: np.ndarray, k: int, gap: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Expanding-window folds over distinct dates, so one date never straddles a cut."""
    if gap < 0:
        raise DataError("The gap cannot be negative.")
    stamps = time_values(dataset).to_numpy()[rest]
    distinct = np.unique(stamps)
    if len(distinct) < k + 1 + gap:
        raise DataError(
            f"{len(distinct)} distinct dates outside the test period cannot make {k} "
            f"expanding folds with a gap of {gap}; lower k or the gap."
        )
    date_index = np.searchsorted(distinct, stamps)
    splitter = TimeSeriesSplit(n_splits=k, gap=gap)
    return [
        (rest[np.isin(date_index, train)], rest[np.isin(date_index, validation)])
        for train, validation in splitter.split(distinct)
    ]


# --------------------------------------------------------------------------- guarantees


def check_guarantees(
    dataset: Dataset,
    train: np.ndarray,
    validation: np.ndarray,
    test: np.ndarray,
    *,
    group_column: str | None = None,
) -> tuple[Guarantee, Guarantee, Guarantee]:
    """Check that buckets are disjoint, respect time order and keep entities together.

    Parameters
    ----------
    dataset : Dataset
    train, validation, test : numpy.ndarray
        Row positions of each bucket.
    group_column : str, optional
        The entity column; default the dataset's.

    Returns
    -------
    tuple of Guarantee
        Disjointness, time order (None without a time column), group exclusivity (None
        without an entity column).
    """
    buckets = {"train": train, "validation": validation, "test": test}
    shared = sum(
        len(np.intersect1d(buckets[a], buckets[b]))
        for a, b in (("train", "validation"), ("train", "test"), ("validation", "test"))
    )
    disjoint = Guarantee(
        "disjoint",
        shared == 0,
        "no row is in two buckets"
        if shared == 0
        else f"{shared:,} rows sit in two buckets at once",
    )
    return (
        disjoint,
        _time_guarantee(dataset, buckets),
        _group_guarantee(dataset, buckets, group_column or dataset.group_column),
    )


def _time_guarantee(dataset: Dataset, buckets: dict[str, np.ndarray]) -> Guarantee:
    if not dataset.time_column:
        return Guarantee("time order", None, "no time column: rows have no order to respect")
    stamps = time_values(dataset).to_numpy()
    last_train = np.max(stamps[buckets["train"]])
    later = np.concatenate([buckets["validation"], buckets["test"]])
    too_early = int(np.sum(stamps[later] <= last_train))
    last_validation = np.max(stamps[buckets["validation"]])
    test_too_early = int(np.sum(stamps[buckets["test"]] < last_validation))
    if too_early == 0 and test_too_early == 0:
        return Guarantee(
            "time order",
            True,
            f"every validation and test date is after the last training date "
            f"({_show_time(last_train)})",
        )
    return Guarantee(
        "time order",
        False,
        f"{too_early:,} of {len(later):,} validation and test rows are dated on or before the "
        f"last training date ({_show_time(last_train)}): the model is scored on its own past",
    )


def _show_time(value: object) -> str:
    if isinstance(value, np.datetime64 | pd.Timestamp):
        stamp = pd.Timestamp(value)
        return stamp.strftime("%Y-%m-%d") if stamp == stamp.normalize() else str(stamp)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _group_guarantee(
    dataset: Dataset, buckets: dict[str, np.ndarray], column: str | None
) -> Guarantee:
    if not column or column not in dataset.frame.columns:
        return Guarantee("groups", None, "no entity column: every row stands for itself")
    values = dataset.frame[column].to_numpy()
    seen = [set(values[b]) for b in buckets.values()]
    everywhere = set().union(*seen)
    in_two = sum(1 for v in everywhere if sum(v in s for s in seen) > 1)
    if in_two == 0:
        return Guarantee("groups", True, f"each `{column}` lives in exactly one bucket")
    return Guarantee(
        "groups",
        False,
        f"{in_two:,} of {len(everywhere):,} `{column}` values appear in more than one bucket: "
        f"the model meets the same entity in training and in scoring",
    )


def fold_guarantees(
    dataset: Dataset, folds: list[Fold], *, group_column: str | None = None
) -> tuple[Guarantee, Guarantee, Guarantee]:
    """The guarantees over every fold: each holds only if it holds in all folds.

    The detail is the worst fold's.
    """
    per_fold = [
        check_guarantees(dataset, f.train, f.validation, f.test, group_column=group_column)
        for f in folds
    ]
    result = []
    for position in range(3):
        checks = [g[position] for g in per_fold]
        broken = [(i, g) for i, g in enumerate(checks) if g.holds is False]
        if broken:
            index, worst = broken[0]
            result.append(
                Guarantee(
                    worst.name,
                    False,
                    f"{len(broken)} of {len(checks)} folds break it; fold {index + 1}: "
                    f"{worst.detail}",
                )
            )
        else:
            result.append(checks[0])
    return result[0], result[1], result[2]


# --------------------------------------------------------------------------- the code


def split_code(dataset: Dataset, choice: SplitChoice, *, random_state: int = 0) -> str:
    """The scikit-learn code that makes the split on screen, with the current parameters."""
    strategy = choice.strategy if choice.strategy != "auto" else default_strategy(dataset)[0]
    target = dataset.target
    sizes = choice.param("sizes", DEFAULT_SIZES)
    k = int(choice.param("k", DEFAULT_K))
    test_size = float(choice.param("test_size", DEFAULT_SIZES[2]))
    group = choice.param("column") or dataset.group_column or "entity_id"
    seed = random_state
    header = "from sklearn.model_selection import {}\n\n"
    if strategy in ("random", "stratified"):
        stratify = ", stratify=y" if strategy == "stratified" else ""
        stratify_rest = ", stratify=y_rest" if strategy == "stratified" else ""
        inner = sizes[1] / (sizes[0] + sizes[1])
        return header.format("train_test_split") + (
            f'X, y = df.drop(columns="{target}"), df["{target}"]\n'
            f"X_rest, X_test, y_rest, y_test = train_test_split(\n"
            f"    X, y, test_size={sizes[2]:.2f}, random_state={seed}{stratify}\n)\n"
            f"X_train, X_val, y_train, y_val = train_test_split(\n"
            f"    X_rest, y_rest, test_size={inner:.3f}, random_state={seed}{stratify_rest}\n)"
        )
    if strategy == "time":
        cuts = default_time_cuts(dataset, sizes)
        values = time_values(dataset)
        start = _show_time(_as_time(choice.param("validation_start", cuts[0]), values))
        end = _show_time(_as_time(choice.param("test_start", cuts[1]), values))
        column = dataset.time_column
        return (
            "# No shuffling: cut at dates, so the model only ever learns from the past.\n"
            f'train = df[df["{column}"] < "{start}"]\n'
            f'val = df[(df["{column}"] >= "{start}") & (df["{column}"] < "{end}")]\n'
            f'test = df[df["{column}"] >= "{end}"]'
        )
    if strategy == "group":
        inner = sizes[1] / (sizes[0] + sizes[1])
        return header.format("GroupShuffleSplit") + (
            f'groups = df["{group}"]\n'
            f"outer = GroupShuffleSplit(n_splits=1, test_size={sizes[2]:.2f}, random_state={seed})\n"
            f"rest_idx, test_idx = next(outer.split(df, groups=groups))\n"
            f"rest = df.iloc[rest_idx]\n"
            f"inner = GroupShuffleSplit(n_splits=1, test_size={inner:.3f}, random_state={seed})\n"
            f'train_idx, val_idx = next(inner.split(rest, groups=rest["{group}"]))'
        )
    holdout = {
        "kfold": f"X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size={test_size:.2f}, random_state={seed})",
        "stratified_kfold": f"X_rest, X_test, y_rest, y_test = train_test_split(\n    X, y, test_size={test_size:.2f}, random_state={seed}, stratify=y\n)",
        "time_series": "# the test bucket is the last dates, held out before the folds (see the time split)",
        "group_kfold": "# the test bucket holds whole entities, held out first with GroupShuffleSplit",
    }[strategy]
    if strategy == "kfold":
        cv = f"cv = KFold(n_splits={k}, shuffle=True, random_state={seed})"
        call = "cross_val_score(model, X_rest, y_rest, cv=cv)"
        names = "KFold, cross_val_score, train_test_split"
    elif strategy == "stratified_kfold":
        cv = f"cv = StratifiedKFold(n_splits={k}, shuffle=True, random_state={seed})"
        call = "cross_val_score(model, X_rest, y_rest, cv=cv)"
        names = "StratifiedKFold, cross_val_score, train_test_split"
    elif strategy == "time_series":
        gap = int(choice.param("gap", 0))
        cv = (
            f'X_rest = X_rest.sort_values("{dataset.time_column}")  # never shuffle time\n'
            f"cv = TimeSeriesSplit(n_splits={k}, gap={gap})"
        )
        call = "cross_val_score(model, X_rest, y_rest, cv=cv)"
        names = "TimeSeriesSplit, cross_val_score"
    else:
        cv = f"cv = GroupKFold(n_splits={k}, shuffle=True, random_state={seed})"
        call = f'cross_val_score(model, X_rest, y_rest, cv=cv, groups=X_rest["{group}"])'
        names = "GroupKFold, GroupShuffleSplit, cross_val_score"
    return header.format(names) + f"{holdout}\n{cv}\nscores = {call}\nscores.mean(), scores.std()"


# --------------------------------------------------------------------------- the same model


def metric_name(task: str) -> str:
    """The name of the score this lesson reports: the registry's default for the task."""
    return scoring.metric(scoring.DEFAULT_METRIC[task]).name


def comparison_model(X: pd.DataFrame, task: str, *, random_state: int = 0) -> Pipeline:
    """The small honest pipeline every score on the page comes from.

    The app's one preprocessing (``lessons.features``), then the Train page's logistic
    regression for classes or ridge regression for numbers, with their defaults. Everything is
    fitted inside the pipeline, so on training rows only.
    """
    model = "ridge" if task == "regression" else "logistic_regression"
    problem = "regression" if task == "regression" else "classification"
    return model_pipeline(model, problem, check_params(model, {}), random_state)


def _labelled(dataset: Dataset) -> np.ndarray:
    """Rows whose target is known: the only rows a model can learn from or be scored on."""
    return np.flatnonzero(dataset.y.notna().to_numpy())


def _model_inputs(dataset: Dataset) -> tuple[pd.DataFrame, pd.Series]:
    """The comparison model's inputs: every feature column (the model's preprocessing picks)."""
    return dataset.X, dataset.y


def _fit_score(
    X: pd.DataFrame,
    y: pd.Series,
    task: str,
    train: np.ndarray,
    evaluate: np.ndarray,
    random_state: int,
) -> float:
    known = y.notna().to_numpy()
    train, evaluate = train[known[train]], evaluate[known[evaluate]]
    if y.iloc[train].nunique() < 2:
        return float("nan")
    model = comparison_model(X, task, random_state=random_state)
    model.fit(X.iloc[train], y.iloc[train])
    try:
        return float(
            scoring.scorer(scoring.DEFAULT_METRIC[task], task, None)(
                model, X.iloc[evaluate], y.iloc[evaluate]
            )
        )
    except ValueError:
        return float("nan")


def score_split(
    dataset: Dataset, train: np.ndarray, evaluate: np.ndarray, *, random_state: int = 0
) -> float:
    """Fit the comparison model on ``train`` rows, score it on ``evaluate`` rows.

    Rows without a target are skipped. Returns NaN when the score is undefined (one class
    only in the rows).
    """
    X, y = _model_inputs(dataset)
    with _one_thread():
        return _fit_score(X, y, dataset.task, train, evaluate, random_state)


def _one_thread() -> threadpool_limits:
    """Small matrices fit faster on one BLAS thread than on several fighting for cores."""
    return threadpool_limits(limits=1)


@dataclass(frozen=True)
class RarePositives:
    """Where the rarest class lands when the split is repeated over many seeds.

    Attributes
    ----------
    label : str
        The rarest class.
    n_rows, test_rows : int
        Rows used and rows in each test bucket.
    expected : float
        Rare rows a test bucket gets on average (the class ratio times its size).
    threshold : int
        "Almost none": at most half the expected count.
    random_counts, stratified_counts : numpy.ndarray
        Rare rows in the test bucket of each repeated split.
    """

    label: str
    n_rows: int
    test_rows: int
    expected: float
    threshold: int
    random_counts: np.ndarray
    stratified_counts: np.ndarray

    @property
    def share_random_almost_none(self) -> float:
        return float(np.mean(self.random_counts <= self.threshold))

    @property
    def share_stratified_almost_none(self) -> float:
        return float(np.mean(self.stratified_counts <= self.threshold))


def rare_class_positives(
    dataset: Dataset,
    *,
    n_rows: int | None = None,
    test_size: float = DEFAULT_SIZES[2],
    n_repeats: int = 500,
    random_state: int = 0,
) -> RarePositives:
    """Count the rarest class in the test bucket over repeated random and stratified splits.

    Parameters
    ----------
    dataset : Dataset
        A classification dataset.
    n_rows : int, optional
        Use a seeded sample of this many rows (fewer rows, fewer positives to share).
    test_size : float
    n_repeats : int
    random_state : int

    Returns
    -------
    RarePositives
    """
    if dataset.task == "regression":
        raise DataError("The target is a number: there is no rare class to count.")
    rows = _sample(_labelled(dataset), n_rows, random_state)
    y = dataset.y.to_numpy()[rows]
    values, counts = np.unique(y.astype(str), return_counts=True)
    rare = values[np.argmin(counts)]
    is_rare = y.astype(str) == rare
    if is_rare.sum() < 2:
        raise DataError("The rarest class has fewer than two rows; there is nothing to split.")
    splitters = {
        "random": ShuffleSplit(n_splits=n_repeats, test_size=test_size, random_state=random_state),
        "stratified": StratifiedShuffleSplit(
            n_splits=n_repeats, test_size=test_size, random_state=random_state
        ),
    }
    found = {
        name: np.array([int(is_rare[test].sum()) for _, test in splitter.split(rows, is_rare)])
        for name, splitter in splitters.items()
    }
    test_rows = len(next(splitters["random"].split(rows))[1])
    expected = is_rare.mean() * test_rows
    return RarePositives(
        label=str(rare),
        n_rows=len(rows),
        test_rows=test_rows,
        expected=float(expected),
        threshold=int(np.floor(expected / 2)),
        random_counts=found["random"],
        stratified_counts=found["stratified"],
    )


def _sample(rows: np.ndarray, n_rows: int | None, random_state: int) -> np.ndarray:
    if n_rows is None or n_rows >= len(rows):
        return rows
    return np.sort(np.random.default_rng(random_state).choice(rows, n_rows, replace=False))


@dataclass(frozen=True)
class ValidationSpread:
    """Scores of the same model over repeated single splits and over k folds.

    Attributes
    ----------
    metric : str
        The metric's label.
    n_rows : int
        Rows used.
    split_scores : numpy.ndarray
        Validation score of each repeated random split (one seed each).
    fold_scores : numpy.ndarray
        Score of each of the k folds.
    """

    metric: str
    n_rows: int
    split_scores: np.ndarray
    fold_scores: np.ndarray

    @property
    def split_range(self) -> tuple[float, float]:
        finite = self.split_scores[np.isfinite(self.split_scores)]
        return float(finite.min()), float(finite.max())


def validation_spread(
    dataset: Dataset,
    *,
    n_rows: int | None = None,
    n_repeats: int = 30,
    k: int = DEFAULT_K,
    validation_size: float = 0.25,
    random_state: int = 0,
    progress: Callable[[float], None] | None = None,
) -> ValidationSpread:
    """Repeat one random train/validation split over seeds, and run k-fold on the same rows.

    Classes are stratified so the spread shows the noise of one small validation set, not
    a missing class.

    Parameters
    ----------
    dataset : Dataset
    n_rows : int, optional
        Use a seeded sample of this many rows: fewer rows, a noisier validation score.
    n_repeats : int
        Number of single splits, one seed each.
    k : int
    validation_size : float
    random_state : int
        The first seed; the repeats use ``random_state + i``.
    progress : callable, optional
        Called with the fraction done after each fit.

    Returns
    -------
    ValidationSpread
    """
    rows = _sample(_labelled(dataset), n_rows, random_state)
    classes = None if dataset.task == "regression" else _labels(dataset.y)
    X, y = _model_inputs(dataset)
    with _one_thread():
        split_scores, fold_scores = _repeat_and_fold(
            X, y, dataset.task, rows, classes, n_repeats, k, validation_size, random_state, progress
        )
    return ValidationSpread(
        metric_name(dataset.task), len(rows), np.array(split_scores), np.array(fold_scores)
    )


def _repeat_and_fold(
    X: pd.DataFrame,
    y: pd.Series,
    task: str,
    rows: np.ndarray,
    classes: np.ndarray | None,
    n_repeats: int,
    k: int,
    validation_size: float,
    random_state: int,
    progress: Callable[[float], None] | None,
) -> tuple[list[float], list[float]]:
    total = n_repeats + k
    split_scores = []
    for i in range(n_repeats):
        train, validation = _shuffled_split(
            rows, validation_size, labels=classes, random_state=random_state + i
        )
        split_scores.append(_fit_score(X, y, task, train, validation, random_state))
        if progress:
            progress((i + 1) / total)
    if classes is None:
        splitter = KFold(n_splits=k, shuffle=True, random_state=random_state)
    else:
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=random_state)
    fold_scores = []
    try:
        pairs = list(splitter.split(rows, None if classes is None else classes[rows]))
    except ValueError as error:
        raise DataError(f"Cannot make {k} folds from these rows ({error}); lower k.") from error
    for j, (train, validation) in enumerate(pairs):
        fold_scores.append(_fit_score(X, y, task, rows[train], rows[validation], random_state))
        if progress:
            progress((n_repeats + j + 1) / total)
    return split_scores, fold_scores


@dataclass(frozen=True)
class ShuffleGap:
    """The same model scored on a shuffled split and on a time split of the same rows.

    Attributes
    ----------
    metric : str
    random_score, time_score : float
        Test score after fitting on the training bucket of each split.
    time_cut : str
        Where the time split's test period starts.
    """

    metric: str
    random_score: float
    time_score: float
    time_cut: str

    @property
    def gap(self) -> float:
        return self.random_score - self.time_score


def shuffle_versus_time(
    dataset: Dataset,
    *,
    sizes: tuple[float, float, float] = DEFAULT_SIZES,
    random_state: int = 0,
) -> ShuffleGap:
    """Score the comparison model on the test bucket of a random and of a time split.

    Both splits use the same bucket sizes and the same model; only the shuffling differs.
    """
    if not dataset.time_column:
        raise DataError("There is no time column, so shuffling cannot break time order here.")
    shuffled = make_buckets(dataset, SplitChoice("random"), sizes=sizes, random_state=random_state)
    timed = make_buckets(dataset, SplitChoice("time"), sizes=sizes, random_state=random_state)
    return ShuffleGap(
        metric_name(dataset.task),
        score_split(dataset, shuffled.train, shuffled.test, random_state=random_state),
        score_split(dataset, timed.train, timed.test, random_state=random_state),
        _show_time(default_time_cuts(dataset, sizes)[1]),
    )


# --------------------------------------------------------------------------- what the page draws

ROLES: tuple[str, ...] = ("train", "validation", "test", "unused")


def row_order(dataset: Dataset, strategy: str, *, group_column: str | None = None) -> np.ndarray:
    """The order rows are drawn in: by time when there is a time column, by entity for a
    group split without one, else as stored."""
    if dataset.time_column:
        return np.argsort(time_values(dataset).to_numpy(), kind="stable")
    if strategy in ("group", "group_kfold"):
        column = group_column or dataset.group_column
        if column and column in dataset.frame.columns:
            return np.argsort(_labels(dataset.frame[column]), kind="stable")
    return np.arange(len(dataset.frame))


def role_strips(
    n_rows: int, named: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]], order: np.ndarray
) -> pd.DataFrame:
    """One column per strip (a split or a fold), one row per data row in ``order``; each
    cell says which bucket the row is in (``unused`` when it is in none)."""
    table = {}
    for name, (train, validation, test) in named.items():
        roles = np.full(n_rows, "unused", dtype=object)
        roles[train], roles[validation], roles[test] = "train", "validation", "test"
        table[name] = roles[order]
    return pd.DataFrame(table)


def target_by_bucket(dataset: Dataset, named: dict[str, np.ndarray]) -> pd.DataFrame:
    """The target in each bucket: for classes, the share of each class (columns ``bucket``,
    ``class``, ``share``, ``rows``); for numbers, the values (``bucket``, ``value``)."""
    y = dataset.y
    if dataset.task == "regression":
        parts = [
            pd.DataFrame({"bucket": name, "value": y.iloc[positions].to_numpy()})
            for name, positions in named.items()
        ]
        return pd.concat(parts, ignore_index=True).dropna()
    labels = y.astype("string").fillna("missing")
    rows = []
    for name, positions in named.items():
        counts = labels.iloc[positions].value_counts()
        for label, count in counts.items():
            rows.append((name, str(label), count / max(len(positions), 1), int(count)))
    return pd.DataFrame(rows, columns=["bucket", "class", "share", "rows"])


def timeline(
    dataset: Dataset, buckets: tuple[np.ndarray, np.ndarray, np.ndarray], *, max_periods: int = 120
) -> pd.DataFrame:
    """Rows per period and bucket along the time column (``period``, ``role``, ``rows``).

    Periods are the distinct dates, or equal-width time bins when there are more than
    ``max_periods`` of them.
    """
    values = time_values(dataset)
    roles = np.full(len(values), "unused", dtype=object)
    for role, positions in zip(ROLES[:3], buckets, strict=True):
        roles[positions] = role
    frame = pd.DataFrame({"when": values.to_numpy(), "role": roles}).dropna(subset=["when"])
    if frame["when"].nunique() > max_periods:
        edges = pd.cut(frame["when"], bins=max_periods)
        frame["when"] = edges.map(lambda interval: interval.left).astype(frame["when"].dtype)
    counts = frame.groupby(["when", "role"]).size().rename("rows").reset_index()
    return counts.rename(columns={"when": "period"})
