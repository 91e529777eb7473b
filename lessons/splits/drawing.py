"""What the splits page draws: row order, role strips, the target by bucket, the timeline."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lessons.datasets import Dataset
from lessons.splits.buckets import _labels, time_values

# --------------------------------------------------------------------------- what the page draws

ROLES: tuple[str, ...] = ("train", "validation", "test", "gap", "unused")
"""A row's role on the page; ``gap`` rows wait for a label that lands after the next cut."""

Strip = tuple[np.ndarray, ...]
"""Positions of train, validation and test, and optionally of the gap, in that order."""


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


def _roles(n_rows: int, strip: Strip) -> np.ndarray:
    roles = np.full(n_rows, "unused", dtype=object)
    for role, positions in zip(ROLES, strip, strict=False):
        roles[positions] = role
    return roles


def role_strips(n_rows: int, named: dict[str, Strip], order: np.ndarray) -> pd.DataFrame:
    """One column per strip (a split or a fold), one row per data row in ``order``; each
    cell says which bucket the row is in: ``gap`` when a time split left it out for its
    late label, ``unused`` when it is in none."""
    return pd.DataFrame({name: _roles(n_rows, strip)[order] for name, strip in named.items()})


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


def timeline(dataset: Dataset, buckets: Strip, *, max_periods: int = 120) -> pd.DataFrame:
    """Rows per period and bucket along the time column (``period``, ``role``, ``rows``).

    ``buckets`` holds train, validation, test and optionally the gap. Periods are the
    distinct dates, or equal-width time bins when there are more than ``max_periods`` of them.
    """
    values = time_values(dataset)
    roles = _roles(len(values), buckets)
    frame = pd.DataFrame({"when": values.to_numpy(), "role": roles}).dropna(subset=["when"])
    if frame["when"].nunique() > max_periods:
        edges = pd.cut(frame["when"], bins=max_periods)
        frame["when"] = edges.map(lambda interval: interval.left).astype(frame["when"].dtype)
    counts = frame.groupby(["when", "role"]).size().rename("rows").reset_index()
    return counts.rename(columns={"when": "period"})
