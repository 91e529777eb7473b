"""Question 3 of the framing lesson: regression or classification, inferred from the target."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons.datasets import Dataset
from lessons.errors import DataError

# --------------------------------------------------------------------------------------
# Question 3: regression or classification
# --------------------------------------------------------------------------------------

TASKS: tuple[str, ...] = ("binary", "multiclass", "regression")
TASK_NAMES = {
    "binary": "classification (two classes)",
    "multiclass": "classification (several classes)",
    "regression": "regression (a number)",
}
_MAX_CODES = 10
_MAX_CLASSES = 50
_POSITIVE_WORDS = ("yes", "y", "true", "t", "positive", "pos", "1")


@dataclass(frozen=True)
class TaskGuess:
    """The task inferred from a target's values.

    Attributes
    ----------
    task : {"binary", "multiclass", "regression"}
    reason : str
        What in the values led to the guess.
    warning : str
        A caveat worth an override, or empty.
    """

    task: str
    reason: str
    warning: str = ""


def infer_task(values: pd.Series) -> TaskGuess:
    """Guess the task from a target's values: a number to predict or a category.

    Rules, in order: booleans and two distinct values are binary; a handful of whole-number
    codes is multiclass; other numbers are regression; text is binary or multiclass by the
    number of labels. Text that is numeric is read as numbers.

    Parameters
    ----------
    values : pandas.Series
        The candidate target column.

    Returns
    -------
    TaskGuess

    Raises
    ------
    DataError
        If the column cannot be a target: empty, constant, dates, or an identifier.
    """
    name = values.name
    present = values.dropna()
    if present.empty:
        raise DataError(f"Column {name!r} has no values; pick another target.")
    if pd.api.types.is_datetime64_any_dtype(present) or isinstance(present.dtype, pd.PeriodDtype):
        raise DataError(
            f"Column {name!r} holds dates. A date is a time stamp, not a target; predict an "
            "amount derived from it (days until an event) or pick another column."
        )
    distinct = present.nunique()
    if distinct == 1:
        raise DataError(
            f"Column {name!r} has a single value ({present.iloc[0]!r}); there is nothing to "
            "predict. Pick another target."
        )
    if pd.api.types.is_bool_dtype(present):
        return TaskGuess("binary", "true/false values: a yes-or-no question")
    if not pd.api.types.is_numeric_dtype(present):
        as_numbers = pd.to_numeric(present, errors="coerce")
        if as_numbers.notna().all():
            return infer_task(as_numbers.rename(name))
        return _infer_text_task(present, distinct)
    return _infer_numeric_task(present.astype(float), distinct)


def _infer_numeric_task(present: pd.Series, distinct: int) -> TaskGuess:
    shown = ", ".join(f"{v:g}" for v in sorted(present.unique())[:_MAX_CODES])
    if distinct == 2:
        return TaskGuess("binary", f"numbers with only two values ({shown}): a yes-or-no code")
    whole = bool(np.all(np.isclose(present, np.round(present))))
    if whole and distinct <= _MAX_CODES:
        return TaskGuess(
            "multiclass",
            f"only {distinct} whole-number codes ({shown}): categories written as numbers",
            "If the codes are ordered amounts (a grade, a rating, a count), regression keeps "
            "their order; override below.",
        )
    n = len(present)
    if whole and distinct == n and n > 20 and present.max() - present.min() == n - 1:
        raise DataError(
            f"Column {present.name!r} looks like a row identifier (every value differs and "
            "they run without gaps); predicting it means nothing. Pick another target."
        )
    if distinct <= _MAX_CODES:
        return TaskGuess(
            "regression",
            f"only {distinct} distinct numbers ({shown}), but not whole codes: amounts",
            "Few distinct values: if they are really categories, override to classification.",
        )
    return TaskGuess("regression", f"{distinct:,} distinct numbers: an amount to predict")


def _infer_text_task(present: pd.Series, distinct: int) -> TaskGuess:
    labels = ", ".join(repr(str(v)) for v in sorted(present.astype(str).unique())[:5])
    n = len(present)
    if distinct == 2:
        return TaskGuess("binary", f"two text labels ({labels}): a yes-or-no question")
    if distinct == n and n > 20:
        raise DataError(
            f"Column {present.name!r} has a different text value on every row: an identifier "
            "or free text, not a target. Pick another column."
        )
    if distinct > _MAX_CLASSES and distinct > 0.5 * n:
        raise DataError(
            f"Column {present.name!r} has {distinct:,} different labels on {n:,} rows: too few "
            "rows per class to learn from. Group the labels or pick another target."
        )
    warning = (
        f"{distinct} classes is a lot; rare classes will be hard to learn."
        if distinct > _MAX_CODES
        else ""
    )
    return TaskGuess("multiclass", f"{distinct} text labels ({labels}…): categories", warning)


def effective_problem(dataset: Dataset, target: str, task: str) -> str:
    """How the prediction is used once the learner picked ``target`` and ``task``.

    The dataset's own problem holds for its own target. Another regression target with a
    time column is a forecast; otherwise the task decides.
    """
    if target == dataset.target and task == dataset.task:
        return dataset.problem
    if task == "regression":
        return "forecasting" if dataset.time_column else "regression"
    return "classification"


def retarget(dataset: Dataset, target: str, task: str) -> Dataset:
    """The dataset with another column as its target and rows without a target dropped.

    The dataset's original target stays out of the features: it is an outcome, often known
    only after the fact. A target that is the dataset's group column stops being a group.
    """
    if target not in dataset.frame.columns:
        raise DataError(f"There is no column {target!r} in {dataset.title}.")
    if task not in TASKS:
        raise DataError(f"Unknown task {task!r}; use one of {', '.join(TASKS)}.")
    if target == dataset.time_column:
        raise DataError(
            f"{target!r} is the time column: it orders the rows, it is not what you predict."
        )
    excluded = tuple(c for c in (*dataset.post_outcome_columns, dataset.target) if c != target)
    frame = dataset.frame
    if frame[target].isna().any():
        frame = frame[frame[target].notna()].reset_index(drop=True)
    return dataclasses.replace(
        dataset,
        frame=frame,
        target=target,
        task=task,
        group_column=None if dataset.group_column == target else dataset.group_column,
        post_outcome_columns=tuple(dict.fromkeys(excluded)),
        event=dataset.event if target == dataset.target else None,
        label_horizon=dataset.label_horizon if target == dataset.target else None,
    )
