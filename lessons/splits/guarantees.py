"""The guarantees a split keeps (time order, no shared group), checked on its buckets or folds."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lessons.datasets import Dataset
from lessons.splits.buckets import describe_horizon, label_settled, time_values
from lessons.splits.strategies import Fold, Guarantee

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
    if too_early or test_too_early:
        return Guarantee(
            "time order",
            False,
            f"{too_early:,} of {len(later):,} validation and test rows are dated on or before "
            f"the last training date ({_show_time(last_train)}): the model is scored on its "
            f"own past",
        )
    horizon = describe_horizon(dataset)
    if horizon is None:
        return Guarantee(
            "time order",
            True,
            f"every validation and test date is after the last training date "
            f"({_show_time(last_train)})",
        )
    settled = label_settled(dataset).to_numpy()
    validation_start = np.min(stamps[buckets["validation"]])
    test_start = np.min(stamps[buckets["test"]])
    late_train = int(np.sum(settled[buckets["train"]] > validation_start))
    late_validation = int(np.sum(settled[buckets["validation"]] > test_start))
    if late_train or late_validation:
        return Guarantee(
            "time order",
            False,
            f"{late_train:,} training and {late_validation:,} validation rows have labels "
            f"settled only after the next bucket starts (labels land {horizon} after each "
            f"row): the model learns outcomes from the period it is graded on",
        )
    return Guarantee(
        "time order",
        True,
        f"every validation and test date is after the last training date "
        f"({_show_time(last_train)}), and every training label is settled by "
        f"{_show_time(validation_start)}, when validation starts (labels land {horizon} after "
        f"each row)",
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
