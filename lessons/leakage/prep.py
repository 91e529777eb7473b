"""Data preparation shared by the leakage scenarios: the frame, the trees, the scorer."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from lessons import scoring, uncertainty
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.leakage.scenarios import LeakScores, ScoredRows, independent_half_width
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


# Scored rows and their noise ----------------------------------------------------------------

RESAMPLES = 200
"""Bootstrap resamples per interval: the lab computes four intervals per scenario on every
switch, and at 200 the interval's ends move by under a fifth of its half-width."""

_TASK_OF = {"r2": "regression", "accuracy": "multiclass", "roc_auc": "binary"}


@dataclass(frozen=True)
class Scored:
    """Rows scored by one model: the truth, what the metric reads, and each row's entity.

    ``prediction`` is the positive-class score for ROC AUC, labels for accuracy and
    numbers for R².
    """

    y: np.ndarray
    prediction: np.ndarray
    groups: np.ndarray | None = None

    @property
    def n_rows(self) -> int:
        return len(self.y)


def predict(metric: str, model, X: pd.DataFrame | np.ndarray, y, groups=None) -> Scored:
    """What ``metric`` reads from a fitted model on some rows."""
    truth = np.asarray(y)
    if metric == "roc_auc":
        prediction = model.predict_proba(X)[:, 1]
        # The second class of the model is the one scored: 1 marks it, whatever its label.
        truth = (truth == model.classes_[1]).astype(int)
    else:
        prediction = model.predict(X)
    return Scored(truth, np.asarray(prediction), None if groups is None else np.asarray(groups))


def score_of(metric: str, scored: Scored) -> float:
    """The registry metric on scored rows; a one-class set is a ``DataError`` for ROC AUC."""
    if metric == "roc_auc" and len(np.unique(scored.y)) < 2:
        raise DataError(
            "The rows being scored hold only one class of the target, so ROC AUC is "
            "undefined; pick a dataset with both classes across its time range."
        )
    return uncertainty.metric_function(metric, _TASK_OF[metric])(scored.y, scored.prediction)


def resampled_score(metric: str) -> uncertainty.ScoreFunction:
    """The metric as a bootstrap recomputes it hundreds of times (the fast path of
    ``uncertainty.metric_function``)."""
    return uncertainty.metric_function(metric, _TASK_OF[metric])


def interval(metric: str, scored: Scored, random_state: int) -> uncertainty.ScoreInterval:
    """The bootstrap interval of a score; rows of one entity are resampled together."""
    return uncertainty.bootstrap_interval(
        resampled_score(metric),
        scored.y,
        scored.prediction,
        groups=scored.groups,
        n_resamples=RESAMPLES,
        random_state=random_state,
    )


def assemble(
    scenario: str,
    dataset: str,
    metric: str,
    *,
    leaky: Scored,
    honest: Scored,
    production: Scored,
    honest_production: Scored,
    rows: ScoredRows,
    split: str,
    model: str,
    gap_meaning: str,
    random_state: int,
    settings: tuple[tuple[str, object], ...] = (),
    drift: str | None = None,
    notes: tuple[str, ...] = (),
) -> LeakScores:
    """Score the four sets of rows and attach their noise.

    When ``rows.same``, leaky and honest predictions are of the same rows in the same order,
    and the inflation's interval is a paired bootstrap; otherwise the two intervals combine
    as independent.
    """
    honest_interval = interval(metric, honest, random_state)
    production_interval = interval(metric, honest_production, random_state)
    leaky_score = score_of(metric, leaky)
    if rows.same:
        paired = uncertainty.paired_bootstrap(
            resampled_score(metric),
            honest.y,
            leaky.prediction,
            honest.prediction,
            greater_is_better=True,
            groups=honest.groups,
            n_resamples=RESAMPLES,
            random_state=random_state,
        )
        low, high = paired.low, paired.high
    else:
        half = independent_half_width(interval(metric, leaky, random_state), honest_interval)
        difference = leaky_score - honest_interval.score
        low, high = difference - half, difference + half
    return LeakScores(
        scenario=scenario,
        dataset=dataset,
        metric=metric,
        leaky=leaky_score,
        honest=honest_interval.score,
        production=score_of(metric, production),
        honest_production=production_interval.score,
        split=split,
        model=model,
        gap_meaning=gap_meaning,
        settings=settings,
        rows=rows,
        honest_interval=honest_interval,
        production_interval=production_interval,
        inflation_low=float(low),
        inflation_high=float(high),
        drift=drift,
        notes=notes,
    )


def period(values: pd.Series) -> str:
    """``2024-03 to 2024-07`` for dates, ``3 to 9`` for numbers: the span of some rows."""
    low, high = values.min(), values.max()
    if isinstance(low, pd.Timestamp):
        fmt = "%Y-%m-%d" if (high - low) < pd.Timedelta(days=62) else "%Y-%m"
        return f"{low:{fmt}} to {high:{fmt}}"
    return f"{low:g} to {high:g}"


def count(rows: int | np.ndarray, what: str = "rows") -> str:
    """``3,109 rows``."""
    n = rows if isinstance(rows, int) else len(rows)
    return f"{n:,} {what}"
