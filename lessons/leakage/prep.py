"""Data preparation shared by the leakage scenarios: the frame, the trees, the scorer."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from lessons import scoring
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.models import check_params, make_estimator

# Data preparation shared by the scenarios ---------------------------------------------------


def metric_for(task: str) -> str:
    """The headline metric of a task: the registry's default (ROC AUC, accuracy or R²)."""
    return scoring.DEFAULT_METRIC[task]


def model_frame(dataset: Dataset, *, include: tuple[str, ...] = ()) -> pd.DataFrame:
    """The columns a model may take: the features, plus ``include`` (the post-outcome fields
    a leaky arm adds). Which column becomes what is decided by the app's one preprocessing,
    inside each fit, on training rows only.
    """
    frame = dataset.frame
    columns = [*dataset.feature_columns, *(c for c in include if c in frame.columns)]
    return frame[columns]


def tree_preprocessor() -> TablePreprocessor:
    """The app's one preprocessing, set up for trees: integer codes, no scaling."""
    return TablePreprocessor(encoding="ordinal", scale=False)


def boosted_trees(task: str, random_state: int) -> Pipeline:
    """The honest default model: the app's preprocessing, then the Train page's gradient
    boosting with its defaults (so a leak-free arm scores what Train shows)."""
    problem = "regression" if task == "regression" else "classification"
    params = check_params("hist_gradient_boosting", {})
    estimator = make_estimator("hist_gradient_boosting", problem, params, random_state)
    return Pipeline([("preprocess", tree_preprocessor()), ("model", estimator)])


def score(metric: str, model, X: pd.DataFrame, y: pd.Series) -> float:
    """Score a fitted model on rows with the registry's scorer; a one-class validation set is a
    ``DataError`` for ROC AUC."""
    task = {"r2": "regression", "accuracy": "multiclass", "roc_auc": "binary"}[metric]
    if metric == "roc_auc" and y.nunique() < 2:
        raise DataError(
            "The rows being scored hold only one class of the target, so ROC AUC is "
            "undefined; pick a dataset with both classes across its time range."
        )
    # ROC AUC and accuracy do not depend on which class is called positive.
    return float(scoring.scorer(metric, task, None)(model, X, y))


def _checked(dataset: Dataset) -> Dataset:
    frame = dataset.frame
    if frame[dataset.target].isna().any():
        frame = frame[frame[dataset.target].notna()].reset_index(drop=True)
    if len(frame) < 60:
        raise DataError(
            f"The dataset has {len(frame)} labelled rows; the leakage lab needs at least 60 "
            "to hold out validation and production rows."
        )
    if dataset.task != "regression" and frame[dataset.target].nunique() < 2:
        raise DataError("The target has a single value; there is nothing to predict.")
    return dataset if frame is dataset.frame else replace(dataset, frame=frame)


def _fit_and_score(
    X: pd.DataFrame,
    y: pd.Series,
    train: np.ndarray,
    validation: np.ndarray,
    production: list[tuple[pd.DataFrame, pd.Series]] | tuple,
    task: str,
    random_state: int,
) -> tuple[float, list[float]]:
    metric = metric_for(task)
    model = boosted_trees(task, random_state).fit(X.iloc[train], y.iloc[train])
    reported = score(metric, model, X.iloc[validation], y.iloc[validation])
    return reported, [score(metric, model, Xp, yp) for Xp, yp in production]
