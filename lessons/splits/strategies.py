"""The split strategies of the splits lesson, their shared records, and which apply to a dataset."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lessons.datasets import Dataset

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


def _no_rows() -> np.ndarray:
    return np.array([], dtype=np.intp)


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
    gap : numpy.ndarray
        Rows left out because their label is settled only after the next bucket starts (the
        purge gap of a time split with a label horizon); empty for other splits.
    """

    train: np.ndarray
    validation: np.ndarray
    test: np.ndarray
    strategy: str
    reason: str
    gap: np.ndarray = field(default_factory=_no_rows)


@dataclass(frozen=True)
class Fold:
    """One round of cross-validation: fit on ``train``, score on ``validation``.

    ``test`` is the same held-out bucket in every fold; cross-validation never touches it.
    ``gap`` holds the rows a time-series fold leaves out between training and validation
    (and before the test bucket): skipped time steps and rows whose label lands too late.
    """

    index: int
    train: np.ndarray
    validation: np.ndarray
    test: np.ndarray
    gap: np.ndarray = field(default_factory=_no_rows)


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
