"""The positive class: the one rule for the event a binary score is about.

Kept apart from ``lessons.features`` on purpose: it needs pandas only, so the audit's command
line can use it without importing scikit-learn (about a second of start-up on this machine).
"""

from __future__ import annotations

import pandas as pd

from lessons.errors import DataError


def minority_class(y: pd.Series) -> object:
    """The rarest label (ties go to the last in sorted text order, so the rule is stable)."""
    counts = y.dropna().value_counts()
    if counts.empty:
        raise DataError("The target has no values, so it has no positive class.")
    rarest = counts[counts == counts.min()].index
    return sorted(rarest, key=str)[-1]


def positive_class(y: pd.Series, declared: object | None = None) -> object:
    """The event a binary score is about: the one rule used by every page and the export.

    A built-in dataset declares its event of interest (``churned``, ``is_fraud``,
    ``malignant``: the label 1); an upload's is the minority class unless the learner picked
    another on the Your data page. A declared label that the target does not hold falls back
    to the minority class.

    Parameters
    ----------
    y : pandas.Series
        The target.
    declared : object, optional
        The dataset's or the learner's choice.
    """
    present = y.dropna()
    if declared is not None and (present == declared).any():
        return present[present == declared].iloc[0]
    return minority_class(present)
