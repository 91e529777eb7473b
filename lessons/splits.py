"""Splitting rows into train, validation and test buckets, built on scikit-learn's splitters."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import GroupShuffleSplit, train_test_split

from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError

STRATEGIES: tuple[str, ...] = ("auto",)


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


def make_buckets(
    dataset: Dataset,
    choice: SplitChoice | None = None,
    *,
    sizes: tuple[float, float, float] = (0.6, 0.2, 0.2),
    random_state: int = 0,
) -> Buckets:
    """Split a dataset's rows into train, validation and test.

    Parameters
    ----------
    dataset : Dataset
    choice : SplitChoice, optional
        The learner's choice; ``None`` or ``"auto"`` takes the honest default.
    sizes : tuple of float
        Fractions of train, validation and test; they must sum to 1.
    random_state : int

    Returns
    -------
    Buckets
    """
    choice = choice or SplitChoice()
    if choice.strategy != "auto":
        raise DataError(f"Unknown split strategy {choice.strategy!r}.")
    if not np.isclose(sum(sizes), 1.0):
        raise DataError("Train, validation and test fractions must add up to 1.")
    strategy, reason = default_strategy(dataset)
    frame = dataset.frame
    positions = np.arange(len(frame))
    train_size, val_size, test_size = sizes
    if strategy == "time":
        order = np.argsort(frame[dataset.time_column].to_numpy(), kind="stable")
        n_train = round(train_size * len(order))
        n_val = round(val_size * len(order))
        train, val, test = (
            order[:n_train],
            order[n_train : n_train + n_val],
            order[n_train + n_val :],
        )
    elif strategy == "group":
        groups = frame[dataset.group_column].to_numpy()
        outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=random_state)
        rest, test = next(outer.split(positions, groups=groups))
        inner = GroupShuffleSplit(
            n_splits=1, test_size=val_size / (train_size + val_size), random_state=random_state
        )
        train_idx, val_idx = next(inner.split(rest, groups=groups[rest]))
        train, val = rest[train_idx], rest[val_idx]
    else:
        stratify = dataset.y.to_numpy() if strategy == "stratified" else None
        rest, test = train_test_split(
            positions, test_size=test_size, random_state=random_state, stratify=stratify
        )
        train, val = train_test_split(
            rest,
            test_size=val_size / (train_size + val_size),
            random_state=random_state,
            stratify=stratify[rest] if stratify is not None else None,
        )
    return Buckets(np.sort(train), np.sort(val), np.sort(test), strategy, reason)
