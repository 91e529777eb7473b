"""Question 5 of the framing lesson: the baselines and a quick honest model.

Each candidate is fitted on the training rows and scored on the validation rows; the test
rows are only counted, never read: lesson 2 sets them aside for the final evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import training
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.event import positive_class
from lessons.features import ColumnRoles
from lessons.framing.out_of_fold import OutOfFold, out_of_fold
from lessons.framing.scores import Predictions
from lessons.framing.task import infer_task, retarget
from lessons.splits import make_buckets

# --------------------------------------------------------------------------------------
# Question 5: the baseline, and a quick honest model
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A baseline or the quick model, with its held-out predictions.

    Attributes
    ----------
    name : str
        E.g. ``"majority class"``.
    how : str
        One sentence: what it predicts.
    predictions : Predictions
    is_model : bool
        True for the quick model, False for baselines.
    """

    name: str
    how: str
    predictions: Predictions
    is_model: bool = False


@dataclass(frozen=True)
class FrameEvaluation:
    """Everything the page scores, computed once per (dataset, seed, target, task).

    Attributes
    ----------
    target, task : str
    classes : tuple
        Class labels in encoded order (classification; class 1 is positive for binary).
    y_train, y_valid : numpy.ndarray
        Encoded targets of the train and validation rows.
    groups_valid : numpy.ndarray or None
        The group (entity, query) of each validation row: ranking metrics read them, and
        the bootstrap resamples whole groups.
    candidates : tuple of Candidate
        Baselines first, the quick model last; predictions of the validation rows.
    out_of_fold : OutOfFold or None
        Two classes: the quick model's cross-validated probabilities of the training rows,
        the rows a cost-optimal threshold is chosen on; None otherwise.
    split : str
        The split strategy used; ``split_reason`` says why.
    n_train, n_valid, n_test, dropped_rows : int
        ``n_test`` counts the rows kept for the final evaluation; none of them is read.
    notes : tuple of str
        What the page should say about how the numbers were made.
    """

    target: str
    task: str
    classes: tuple
    y_train: np.ndarray
    y_valid: np.ndarray
    groups_valid: np.ndarray | None
    candidates: tuple[Candidate, ...]
    out_of_fold: OutOfFold | None
    split: str
    split_reason: str
    n_train: int
    n_valid: int
    n_test: int
    dropped_rows: int
    notes: tuple[str, ...]

    @property
    def baselines(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if not c.is_model)

    @property
    def model(self) -> Candidate:
        return next(c for c in self.candidates if c.is_model)


_SMALL_TRAIN = 1000


def quick_model_key(task: str, n_train: int) -> str:
    """The Train page's model the quick model is: linear on small data, boosting on larger."""
    if n_train < _SMALL_TRAIN:
        return "ridge" if task == "regression" else "logistic_regression"
    return "hist_gradient_boosting"


def quick_model(X_train: pd.DataFrame, task: str, random_state: int = 0) -> Pipeline:
    """An honest, fast model: the app's one preprocessing, then a Train-page model.

    Small training sets get a (logistic) ridge model, larger ones histogram gradient boosting,
    each with the Train page's defaults, so the quick model scores there what it scores here.
    """
    model = quick_model_key(task, len(X_train))
    problem = "regression" if task == "regression" else "classification"
    return training.model_pipeline(model, problem, training.check_params(model, {}), random_state)


def model_name(pipeline: Pipeline) -> str:
    """A human name for the quick model's estimator."""
    return {
        "Ridge": "ridge regression",
        "LogisticRegression": "logistic regression",
        "HistGradientBoostingRegressor": "gradient boosting",
        "HistGradientBoostingClassifier": "gradient boosting",
    }[type(pipeline.named_steps["model"]).__name__]


def encode_target(
    values: pd.Series, task: str, positive: object | None = None
) -> tuple[np.ndarray, tuple]:
    """Targets as numbers: ``0..n-1`` class codes (positive class last for binary), or floats."""
    if task == "regression":
        numbers = pd.to_numeric(values, errors="coerce")
        if numbers.isna().any():
            raise DataError(
                f"Column {values.name!r} has values that are not numbers, so it cannot be a "
                "regression target; choose classification."
            )
        return numbers.to_numpy(dtype=float), ()
    if task == "binary":
        distinct = values.nunique()
        if distinct != 2:
            raise DataError(
                f"Column {values.name!r} has {distinct} distinct values; a two-class target "
                "needs exactly two. Choose multiclass or regression."
            )
        positive = positive_class(values, positive)
        negative = next(v for v in pd.unique(values) if v != positive)
        return (values == positive).to_numpy(dtype=int), (negative, positive)
    classes = tuple(sorted(pd.unique(values), key=str))
    lookup = {label: code for code, label in enumerate(classes)}
    return values.map(lookup).to_numpy(dtype=int), classes


def seasonal_lag(times: pd.Series) -> tuple[pd.DateOffset | None, str]:
    """The season of a time series from its typical step, and a name for the naive forecast.

    Daily data repeats weekly, hourly data daily, weekly and monthly data yearly.
    """
    steps = pd.Series(np.sort(pd.unique(times.dropna()))).diff().dropna()
    if steps.empty:
        return None, ""
    step = steps.median()
    if step <= pd.Timedelta(hours=1):
        return pd.DateOffset(days=1), "same hour yesterday"
    if step <= pd.Timedelta(days=1):
        return pd.DateOffset(weeks=1), "same day last week"
    if step <= pd.Timedelta(days=7):
        return pd.DateOffset(weeks=52), "same week last year"
    if step <= pd.Timedelta(days=31):
        return pd.DateOffset(years=1), "same month last year"
    return None, ""


def naive_forecasts(
    frame: pd.DataFrame, target: str, time_column: str, group_column: str | None
) -> tuple[dict[str, np.ndarray], str]:
    """The last-value and seasonal naive forecast of every row, in the frame's row order.

    Each series (one per group, or the whole frame) is ordered by time. The last value is
    the previous row's target in the same series; the seasonal naive is the target one
    season earlier (see :func:`seasonal_lag`). Rows with no such history get NaN.

    Returns
    -------
    forecasts : dict of str to numpy.ndarray
    season_name : str
        E.g. ``"same day last week"``; empty when the season is unknown.

    Raises
    ------
    DataError
        If times repeat within a series, so "the previous value" is undefined.
    """
    keys = [group_column] if group_column else []
    table = frame[[*keys, time_column, target]].copy()
    table["_row"] = np.arange(len(frame))
    if table.duplicated([*keys, time_column]).any():
        raise DataError(
            f"Times in {time_column!r} repeat within a series, so there is no single "
            "'previous value' to forecast from; a series column (store, sensor) would fix it."
        )
    table = table.sort_values([*keys, time_column])
    previous = table.groupby(keys)[target].shift(1) if keys else table[target].shift(1)
    forecasts = {"last value": _in_row_order(table["_row"], previous, len(frame))}
    offset, season_name = seasonal_lag(frame[time_column])
    if offset is not None:
        past = table[[*keys, time_column, target]].rename(columns={target: "_past"})
        past[time_column] = past[time_column] + offset
        merged = table.merge(past, on=[*keys, time_column], how="left")
        forecasts[season_name] = _in_row_order(merged["_row"], merged["_past"], len(frame))
    return forecasts, season_name


def _in_row_order(rows: pd.Series, values: pd.Series, n: int) -> np.ndarray:
    out = np.full(n, np.nan)
    out[rows.to_numpy()] = values.to_numpy(dtype=float)
    return out


def evaluate(
    dataset: Dataset, target: str | None = None, task: str | None = None, random_state: int = 0
) -> FrameEvaluation:
    """Fit the baselines and the quick model on train and predict the validation rows.

    For two classes the quick model also predicts every training row out of fold, the rows
    a threshold is chosen on. The test rows are never read.

    Parameters
    ----------
    dataset : Dataset
    target : str, optional
        The column to predict; the dataset's target by default.
    task : {"binary", "multiclass", "regression"}, optional
        The dataset's task for its own target, else inferred.
    random_state : int

    Returns
    -------
    FrameEvaluation

    Raises
    ------
    DataError
        If the target cannot be used, or the split leaves a bucket unusable.
    """
    target = target or dataset.target
    task = task or (
        dataset.task if target == dataset.target else infer_task(dataset.frame[target]).task
    )
    framed = retarget(dataset, target, task)
    dropped = dataset.n_rows - framed.n_rows
    try:
        buckets = make_buckets(framed, None, random_state=random_state)
    except ValueError as error:
        raise DataError(f"The rows could not be split honestly ({error}).") from error
    if min(len(buckets.train), len(buckets.validation), len(buckets.test)) == 0:
        raise DataError("Too few rows to hold some out for validation and test; add rows.")
    y_all, classes = encode_target(framed.y, task, framed.event)
    y_train, y_valid = y_all[buckets.train], y_all[buckets.validation]
    if task != "regression" and len(np.unique(y_train)) < 2:
        raise DataError(
            "The training rows hold a single class, so no classifier can learn; the split "
            "put every other class in validation or test. Pick another target or add rows."
        )
    X = framed.X
    X_train, X_valid = X.iloc[buckets.train], X.iloc[buckets.validation]
    notes: list[str] = []
    candidates = _baselines(task, y_train, X_valid, classes, random_state)
    if task == "regression" and framed.time_column:
        candidates += _naive_baselines(framed, buckets, y_train, notes)
    # One thread: boosting's threads fight each other on a small shared server.
    with threadpool_limits(1):
        pipeline = quick_model(X_train, task, random_state).fit(X_train, y_train)
        if task == "regression":
            model_predictions = Predictions(pipeline.predict(X_valid))
        else:
            proba = pipeline.predict_proba(X_valid)
    if task != "regression":
        proba = _all_class_columns(proba, pipeline.classes_, len(classes))
        model_predictions = Predictions(proba.argmax(axis=1), proba)
    folds = None
    if task == "binary":
        folds = out_of_fold(
            framed,
            buckets.train,
            y_train,
            quick_model_key(task, len(buckets.train)),
            random_state=random_state,
        )
    candidates.append(
        Candidate(
            f"quick model ({model_name(pipeline)})",
            _model_how(pipeline, pipeline.named_steps["preprocess"].roles_),
            model_predictions,
            is_model=True,
        )
    )
    if dropped:
        notes.append(f"{dropped:,} rows without a value in {target!r} were left out.")
    groups = framed.frame[framed.group_column].to_numpy() if framed.group_column else None
    return FrameEvaluation(
        target=target,
        task=task,
        classes=classes,
        y_train=y_train,
        y_valid=y_valid,
        groups_valid=groups[buckets.validation] if groups is not None else None,
        candidates=tuple(candidates),
        out_of_fold=folds,
        split=buckets.strategy,
        split_reason=buckets.reason,
        n_train=len(buckets.train),
        n_valid=len(buckets.validation),
        n_test=len(buckets.test),
        dropped_rows=dropped,
        notes=tuple(notes),
    )


def _all_class_columns(proba: np.ndarray, seen: np.ndarray, n_classes: int) -> np.ndarray:
    """Probabilities with a column for every class, zero for classes absent from training."""
    full = np.zeros((len(proba), n_classes))
    full[:, seen.astype(int)] = proba
    return full


def _model_how(pipeline: Pipeline, roles: ColumnRoles) -> str:
    kinds = (("numeric", roles.numeric), ("categorical", roles.categorical))
    used = [f"{len(columns)} {kind}" for kind, columns in kinds if columns]
    if roles.datetime:
        used.append(f"{len(roles.datetime)} datetime")
    text = f"{model_name(pipeline)} on {', '.join(used)} columns, fitted on the training rows"
    if roles.dropped:
        text += f"; left out: {', '.join(str(column) for column, _ in roles.dropped)}"
    return text


def _baselines(
    task: str, y_train: np.ndarray, X_valid: pd.DataFrame, classes: tuple, random_state: int
) -> list[Candidate]:
    if task == "regression":
        out = []
        for strategy, how in (
            ("mean", "predicts the training mean for every row"),
            ("median", "predicts the training median for every row"),
        ):
            dummy = DummyRegressor(strategy=strategy).fit(np.zeros((len(y_train), 1)), y_train)
            out.append(Candidate(strategy, how, Predictions(dummy.predict(X_valid))))
        return out
    out = []
    for strategy, name, how in (
        (
            "most_frequent",
            "majority class",
            "predicts the most common training class for every row",
        ),
        (
            "stratified",
            "stratified random guess",
            "guesses at random with the training class shares",
        ),
    ):
        dummy = DummyClassifier(strategy=strategy, random_state=random_state)
        dummy.fit(np.zeros((len(y_train), 1)), y_train)
        proba = _all_class_columns(
            dummy.predict_proba(X_valid), dummy.classes_, max(len(classes), 2)
        )
        out.append(Candidate(name, how, Predictions(dummy.predict(X_valid), proba)))
    return out


def _naive_baselines(
    framed: Dataset, buckets, y_train: np.ndarray, notes: list[str]
) -> list[Candidate]:
    try:
        forecasts, season_name = naive_forecasts(
            framed.frame, framed.target, framed.time_column, framed.group_column
        )
    except DataError as error:
        notes.append(f"No time-series baseline: {error}")
        return []
    series = f"per {framed.group_column!r}" if framed.group_column else "over the whole table"
    notes.append(
        f"Time-series baselines: each series ({series}) is ordered by {framed.time_column!r}; "
        "'last value' repeats the previous target of the same series"
        + (f", '{season_name}' the target one season earlier" if season_name else "")
        + ". Rows without that history fall back to the training median."
    )
    fallback = float(np.median(y_train))
    out = []
    for name, values in forecasts.items():
        predicted = values[buckets.validation]
        predicted = np.where(np.isnan(predicted), fallback, predicted)
        how = (
            "repeats the previous value of the same series"
            if name == "last value"
            else f"repeats the value of the {name.removeprefix('same ')}"
        )
        out.append(Candidate(name, how, Predictions(predicted)))
    return out
