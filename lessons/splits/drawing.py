"""What the splits page draws: row order, role strips, the target by bucket, the timeline."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lessons.datasets import Dataset
from lessons.splits.buckets import _labels, time_values

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
