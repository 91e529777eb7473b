"""Lesson 4, Train live: fit on training rows, score on held-out rows, see the loss fall.

Every model here is a scikit-learn ``Pipeline``: a ``ColumnTransformer`` that imputes, scales
and one-hot encodes, then an estimator. The pipeline is fitted on training rows only; the
validation rows are only ever passed to ``predict`` (or a scorer). The same plan of columns
and the same estimator settings are rendered as code by ``lessons.codegen``, so the script a
learner downloads reproduces the score on the page.
"""

from __future__ import annotations

import re
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import import_module

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import SGDClassifier, SGDRegressor
from sklearn.metrics import log_loss, make_scorer, mean_squared_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from threadpoolctl import threadpool_limits

from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.splits import Buckets, make_buckets

DEFAULT_ROW_CAP = 50_000
TRAIN_SCORE_MAX_ROWS = 2_000
CURVE_MAX_ROWS = 2_000
MAX_CATEGORIES = 100
SVM_MAX_TRAIN_ROWS = 5_000
_ID_NAME = re.compile(r"(^|[_\s-])(id|uuid|key)$|^id[_\s-]", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Models and their hyperparameters
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParamSpec:
    """A hyperparameter the learner can change, with the values offered.

    Attributes
    ----------
    name : str
        The estimator's parameter name.
    label : str
        What the control says.
    options : tuple
        The values offered, in order (``None`` means "no limit").
    default : object
        The value a fresh page starts with; one of ``options``.
    help : str
        What turning it up does.
    none_label : str
        How the option ``None`` reads.
    """

    name: str
    label: str
    options: tuple
    default: object
    help: str
    none_label: str = "no limit"

    def show(self, value: object) -> str:
        """The option as the control shows it."""
        return self.none_label if value is None else str(value)


@dataclass(frozen=True)
class ModelSpec:
    """One model family: the estimator for each problem type and its hyperparameters.

    Attributes
    ----------
    key : str
        Identifier used in URLs and run records.
    label : str
        Human name.
    estimators : tuple of (problem, module, class name)
        ``problem`` is ``"classification"`` or ``"regression"``.
    params : tuple of ParamSpec
        The two or three settings that matter.
    fixed : tuple of (str, object)
        Settings that are not controls (kept explicit so the generated code matches).
    curve_param : str or None
        The hyperparameter the validation curve sweeps.
    linear : bool
        Whether it is a linear model, so the SGD loss stepper applies.
    max_train_rows : int or None
        Above this many training rows the model is too slow for a live page.
    """

    key: str
    label: str
    estimators: tuple[tuple[str, str, str], ...]
    params: tuple[ParamSpec, ...] = ()
    fixed: tuple[tuple[str, object], ...] = ()
    curve_param: str | None = None
    linear: bool = False
    max_train_rows: int | None = None

    def estimator_path(self, problem: str) -> tuple[str, str]:
        """The (module, class name) of the estimator for ``problem``."""
        for kind, module, name in self.estimators:
            if kind == problem:
                return module, name
        raise DataError(f"{self.label} does not handle {problem} problems.")

    def supports(self, problem: str) -> bool:
        return any(kind == problem for kind, _, _ in self.estimators)

    def param(self, name: str) -> ParamSpec:
        return next(p for p in self.params if p.name == name)

    def defaults(self) -> dict[str, object]:
        return {p.name: p.default for p in self.params}


_C_VALUES = (0.001, 0.01, 0.1, 1.0, 10.0, 100.0)

MODELS: dict[str, ModelSpec] = {
    spec.key: spec
    for spec in (
        ModelSpec(
            "logistic_regression",
            "Logistic regression",
            (("classification", "sklearn.linear_model", "LogisticRegression"),),
            (
                ParamSpec(
                    "C",
                    "C (inverse regularisation)",
                    _C_VALUES,
                    1.0,
                    "Larger C trusts the training data more: weights grow, the fit tightens.",
                ),
                ParamSpec(
                    "class_weight",
                    "Class weight",
                    (None, "balanced"),
                    None,
                    "'balanced' makes rare classes count as much as common ones.",
                    none_label="equal",
                ),
            ),
            fixed=(("max_iter", 1000),),
            curve_param="C",
            linear=True,
        ),
        ModelSpec(
            "linear_regression",
            "Linear regression",
            (("regression", "sklearn.linear_model", "LinearRegression"),),
            linear=True,
        ),
        ModelSpec(
            "ridge",
            "Ridge regression",
            (("regression", "sklearn.linear_model", "Ridge"),),
            (
                ParamSpec(
                    "alpha",
                    "alpha (regularisation)",
                    (0.01, 0.1, 1.0, 10.0, 100.0, 1000.0),
                    1.0,
                    "Larger alpha shrinks the weights towards zero: a simpler, stiffer line.",
                ),
            ),
            curve_param="alpha",
            linear=True,
        ),
        ModelSpec(
            "knn",
            "k-nearest neighbours",
            (
                ("classification", "sklearn.neighbors", "KNeighborsClassifier"),
                ("regression", "sklearn.neighbors", "KNeighborsRegressor"),
            ),
            (
                ParamSpec(
                    "n_neighbors",
                    "Neighbours (k)",
                    (1, 3, 5, 10, 25, 50, 100),
                    10,
                    "k = 1 memorises the training rows; a large k averages them into mush.",
                ),
                ParamSpec(
                    "weights",
                    "Weights",
                    ("uniform", "distance"),
                    "uniform",
                    "'distance' lets closer neighbours count more.",
                ),
            ),
            curve_param="n_neighbors",
        ),
        ModelSpec(
            "decision_tree",
            "Decision tree",
            (
                ("classification", "sklearn.tree", "DecisionTreeClassifier"),
                ("regression", "sklearn.tree", "DecisionTreeRegressor"),
            ),
            (
                ParamSpec(
                    "max_depth",
                    "Max depth",
                    (1, 2, 3, 4, 6, 8, 12, 16, None),
                    6,
                    "Each level doubles the number of leaves; no limit grows until every leaf is pure.",
                ),
                ParamSpec(
                    "min_samples_leaf",
                    "Min rows per leaf",
                    (1, 5, 20, 50, 100),
                    5,
                    "A leaf must hold at least this many training rows: larger is smoother.",
                ),
            ),
            curve_param="max_depth",
        ),
        ModelSpec(
            "random_forest",
            "Random forest",
            (
                ("classification", "sklearn.ensemble", "RandomForestClassifier"),
                ("regression", "sklearn.ensemble", "RandomForestRegressor"),
            ),
            (
                ParamSpec(
                    "n_estimators",
                    "Trees",
                    (10, 25, 50, 100, 200),
                    25,
                    "More trees average away noise; past a point they only cost time.",
                ),
                ParamSpec(
                    "max_depth",
                    "Max depth",
                    (2, 4, 8, 12, 16, None),
                    12,
                    "Deeper trees fit the training rows more closely.",
                ),
                ParamSpec(
                    "min_samples_leaf",
                    "Min rows per leaf",
                    (1, 5, 20, 50),
                    1,
                    "A leaf must hold at least this many training rows.",
                ),
            ),
            curve_param="max_depth",
        ),
        ModelSpec(
            "hist_gradient_boosting",
            "Histogram gradient boosting",
            (
                ("classification", "sklearn.ensemble", "HistGradientBoostingClassifier"),
                ("regression", "sklearn.ensemble", "HistGradientBoostingRegressor"),
            ),
            (
                ParamSpec(
                    "learning_rate",
                    "Learning rate",
                    (0.01, 0.03, 0.1, 0.3, 1.0),
                    0.1,
                    "How much each new tree corrects the previous ones.",
                ),
                ParamSpec(
                    "max_iter",
                    "Boosting rounds",
                    (10, 25, 50, 100, 200, 400),
                    50,
                    "Each round adds a tree that fixes the remaining errors on training rows.",
                ),
                ParamSpec(
                    "max_leaf_nodes",
                    "Leaves per tree",
                    (3, 7, 15, 31, 63),
                    15,
                    "More leaves let each tree carve finer rules.",
                ),
            ),
            # Early stopping would carve its own hold-out from the training rows; keep the
            # number of rounds under the learner's control instead.
            fixed=(("early_stopping", False),),
            curve_param="max_iter",
        ),
        ModelSpec(
            "svm",
            "Support vector machine",
            (
                ("classification", "sklearn.svm", "SVC"),
                ("regression", "sklearn.svm", "SVR"),
            ),
            (
                ParamSpec(
                    "C",
                    "C (inverse regularisation)",
                    (0.01, 0.1, 1.0, 10.0, 100.0),
                    1.0,
                    "Larger C penalises training errors more: a wigglier boundary.",
                ),
                ParamSpec(
                    "gamma",
                    "gamma (kernel width)",
                    ("scale", 0.001, 0.01, 0.1, 1.0),
                    "scale",
                    "Larger gamma makes each training row's influence more local.",
                ),
                ParamSpec(
                    "kernel",
                    "Kernel",
                    ("rbf", "linear"),
                    "rbf",
                    "'linear' draws a straight boundary; 'rbf' can bend it.",
                ),
            ),
            curve_param="C",
            max_train_rows=SVM_MAX_TRAIN_ROWS,
        ),
    )
}


def problem_of(dataset: Dataset) -> str:
    """``"classification"`` for binary and multiclass targets, else ``"regression"``."""
    return "regression" if dataset.task == "regression" else "classification"


def models_for(problem: str) -> list[ModelSpec]:
    """The model families that handle ``problem``, in teaching order."""
    return [spec for spec in MODELS.values() if spec.supports(problem)]


def default_model(problem: str) -> str:
    return "logistic_regression" if problem == "classification" else "ridge"


def estimator_class(model: str, problem: str) -> type:
    """The scikit-learn class of ``model`` for ``problem``."""
    module, name = MODELS[model].estimator_path(problem)
    return getattr(import_module(module), name)


def estimator_kwargs(
    model: str, problem: str, params: dict, random_state: int
) -> dict[str, object]:
    """Every keyword the estimator is built with: fixed settings, the controls, the seed."""
    kwargs: dict[str, object] = {**dict(MODELS[model].fixed), **params}
    if "random_state" in estimator_class(model, problem)().get_params():
        kwargs["random_state"] = random_state
    return kwargs


def scales_target(model: str, problem: str) -> bool:
    """Whether the regression target is standardised for this model.

    An SVR's margin (``epsilon``) and penalty are in the target's units; on prices in the
    hundreds of thousands the defaults would predict a constant.
    """
    return model == "svm" and problem == "regression"


def make_estimator(model: str, problem: str, params: dict, random_state: int):
    """A fresh, unfitted estimator of ``model`` for ``problem``."""
    estimator = estimator_class(model, problem)(
        **estimator_kwargs(model, problem, params, random_state)
    )
    if scales_target(model, problem):
        return TransformedTargetRegressor(regressor=estimator, transformer=StandardScaler())
    return estimator


def check_params(model: str, params: dict) -> dict[str, object]:
    """Params restricted to the model's controls, with defaults for the missing ones.

    Raises
    ------
    DataError
        If a value is not one of the offered options.
    """
    spec = MODELS[model]
    checked = spec.defaults()
    for name, value in params.items():
        if name not in checked:
            continue
        if value not in spec.param(name).options:
            raise DataError(
                f"{spec.param(name).label} cannot be {value!r}; pick one of "
                f"{', '.join(repr(o) for o in spec.param(name).options)}."
            )
        checked[name] = value
    return checked


# ---------------------------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MetricSpec:
    """A score the page can report, and how scikit-learn computes it.

    Attributes
    ----------
    key : str
        The name used by lesson 1 and in run records (``"roc_auc"``).
    label : str
    function : str
        A function of ``sklearn.metrics``.
    response_method : str or tuple of str
        What the scorer asks the model for.
    tasks : tuple of str
        Dataset tasks it applies to.
    greater_is_better : bool
    needs_proba : bool
        True when only ``predict_proba`` will do.
    """

    key: str
    label: str
    function: str
    response_method: str | tuple[str, ...]
    tasks: tuple[str, ...]
    greater_is_better: bool = True
    needs_proba: bool = False


_RANKING_RESPONSE = ("predict_proba", "decision_function")

METRICS: dict[str, MetricSpec] = {
    spec.key: spec
    for spec in (
        MetricSpec("roc_auc", "ROC AUC", "roc_auc_score", _RANKING_RESPONSE, ("binary",)),
        MetricSpec("pr_auc", "PR AUC", "average_precision_score", _RANKING_RESPONSE, ("binary",)),
        MetricSpec("f1", "F1", "f1_score", "predict", ("binary", "multiclass")),
        MetricSpec("accuracy", "Accuracy", "accuracy_score", "predict", ("binary", "multiclass")),
        MetricSpec(
            "balanced_accuracy",
            "Balanced accuracy",
            "balanced_accuracy_score",
            "predict",
            ("binary", "multiclass"),
        ),
        MetricSpec(
            "log_loss",
            "Log loss",
            "log_loss",
            "predict_proba",
            ("binary", "multiclass"),
            greater_is_better=False,
            needs_proba=True,
        ),
        MetricSpec("r2", "R²", "r2_score", "predict", ("regression",)),
        MetricSpec(
            "mae",
            "MAE",
            "mean_absolute_error",
            "predict",
            ("regression",),
            greater_is_better=False,
        ),
        MetricSpec(
            "rmse",
            "RMSE",
            "root_mean_squared_error",
            "predict",
            ("regression",),
            greater_is_better=False,
        ),
    )
}

DEFAULT_METRIC = {"binary": "roc_auc", "multiclass": "accuracy", "regression": "r2"}


def positive_label(y: pd.Series) -> object:
    """The class a binary score is about: the larger label (1, True, "yes")."""
    return sorted(y.dropna().unique().tolist())[-1]


def scorer_kwargs(metric: str, task: str, positive: object) -> dict[str, object]:
    """Extra keywords of the metric function for this task."""
    kwargs: dict[str, object] = {}
    if metric in ("pr_auc", "f1") and task == "binary":
        kwargs["pos_label"] = positive
    if metric == "f1" and task == "multiclass":
        kwargs["average"] = "macro"
    return kwargs


def make_metric_scorer(metric: str, task: str, positive: object):
    """A scikit-learn scorer returning the metric itself (errors stay positive)."""
    spec = METRICS[metric]
    function = getattr(import_module("sklearn.metrics"), spec.function)
    return make_scorer(
        function,
        response_method=spec.response_method,
        **scorer_kwargs(metric, task, positive),
    )


def usable_metric(metric: str, task: str, model: str) -> str:
    """``metric`` if it applies to this task and model, else the task's default."""
    spec = METRICS.get(metric)
    if spec is None or task not in spec.tasks or (spec.needs_proba and model == "svm"):
        return DEFAULT_METRIC[task]
    return metric


# ---------------------------------------------------------------------------------------------
# Data: row cap, split, columns
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Prepared:
    """The rows a model trains and is scored on.

    Attributes
    ----------
    dataset : Dataset
        The dataset, sampled down to the row cap when it was larger.
    buckets : Buckets
        Train, validation and test positions into ``dataset.frame``.
    split_choice : SplitChoice
        The split actually used (the learner's, or the default after a fallback).
    sampled_from : int or None
        The original row count when the row cap sampled the data.
    notices : tuple of str
        What the page must tell the learner (sampling, split fallback).
    """

    dataset: Dataset
    buckets: Buckets
    split_choice: SplitChoice
    sampled_from: int | None
    notices: tuple[str, ...] = ()

    @property
    def train(self) -> np.ndarray:
        return _labelled(self.dataset, self.buckets.train)

    @property
    def validation(self) -> np.ndarray:
        return _labelled(self.dataset, self.buckets.validation)


def _labelled(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    """Positions whose target is known: a row without a label can neither teach nor grade."""
    return positions[dataset.y.iloc[positions].notna().to_numpy()]


def cap_rows(dataset: Dataset, row_cap: int, random_state: int) -> Dataset:
    """A seeded sample of ``row_cap`` rows, in the original order; the dataset if smaller."""
    if dataset.n_rows <= row_cap:
        return dataset
    frame = dataset.frame.sample(n=row_cap, random_state=random_state).sort_index()
    return replace(dataset, frame=frame)


def prepare(
    dataset: Dataset,
    choice: SplitChoice | None = None,
    *,
    row_cap: int = DEFAULT_ROW_CAP,
    random_state: int = 0,
) -> Prepared:
    """Cap the rows, then split them with the learner's choice (or the honest default).

    A strategy that yields folds instead of one validation bucket cannot drive a single live
    fit; the default split is used then, and a notice says so.
    """
    choice = choice or SplitChoice()
    notices: list[str] = []
    capped = cap_rows(dataset, row_cap, random_state)
    sampled_from = dataset.n_rows if capped is not dataset else None
    if sampled_from:
        notices.append(
            f"The data has {sampled_from:,} rows; this page trains on a seeded sample of "
            f"{capped.n_rows:,} (the row cap) to stay live."
        )
    try:
        buckets = make_buckets(capped, choice, random_state=random_state)
        if len(buckets.validation) == 0:
            raise DataError("the split left no validation rows")
    except DataError as error:
        if choice.strategy == "auto":
            raise
        notices.append(
            f"The split chosen in lesson 2 ({choice.strategy}) cannot drive one live fit "
            f"({error}); using the default split instead."
        )
        choice = SplitChoice()
        buckets = make_buckets(capped, choice, random_state=random_state)
    if problem_of(capped) == "classification":
        if capped.y.iloc[_labelled(capped, buckets.train)].nunique() < 2:
            raise DataError(
                "The training rows hold a single class, so there is nothing to learn; "
                "pick a different split or a target with at least two classes in training."
            )
    elif not pd.api.types.is_numeric_dtype(capped.y):
        raise DataError(
            f"The target {capped.target!r} is not numeric, so it cannot be a regression target; "
            "mark the task as classification on the Your data page."
        )
    return Prepared(capped, buckets, choice, sampled_from, tuple(notices))


@dataclass(frozen=True)
class FeaturePlan:
    """Which columns go through which preprocessing branch, decided on training rows.

    Attributes
    ----------
    numeric, categorical, datetime : tuple of str
        Columns imputed and scaled; imputed and one-hot encoded; expanded into numeric parts.
    dropped : tuple of (str, str)
        Columns left out and why.
    """

    numeric: tuple[str, ...]
    categorical: tuple[str, ...]
    datetime: tuple[str, ...]
    dropped: tuple[tuple[str, str], ...] = ()

    @property
    def columns(self) -> list[str]:
        return [*self.numeric, *self.categorical, *self.datetime]


def plan_features(dataset: Dataset, train: np.ndarray) -> FeaturePlan:
    """Sort the feature columns into preprocessing branches, looking at training rows only.

    Identifier-like columns (a running number named like an id, or text with more than
    ``MAX_CATEGORIES`` distinct values) are dropped: one-hot encoding them would add a column
    per row and the model would memorise rows instead of learning patterns.
    """
    rows = dataset.frame.iloc[train]
    numeric, categorical, datetimes, dropped = [], [], [], []
    for column in dataset.feature_columns:
        values = rows[column]
        distinct = values.nunique(dropna=True)
        if values.notna().sum() == 0:
            dropped.append((column, "empty in the training rows"))
        elif pd.api.types.is_datetime64_any_dtype(values):
            datetimes.append(column)
        elif pd.api.types.is_bool_dtype(values):
            categorical.append(column)
        elif pd.api.types.is_numeric_dtype(values):
            if _ID_NAME.search(str(column)) and distinct >= 0.9 * values.notna().sum():
                dropped.append((column, "a running identifier: unique per row, no signal"))
            else:
                numeric.append(column)
        elif distinct > MAX_CATEGORIES:
            dropped.append(
                (
                    column,
                    f"{distinct:,} distinct values: an identifier or free text, not a category",
                )
            )
        else:
            categorical.append(column)
    if not (numeric or categorical or datetimes):
        raise DataError(
            "No usable feature columns: every column is empty, an identifier or free text. "
            "Check the column types on the Your data page."
        )
    return FeaturePlan(tuple(numeric), tuple(categorical), tuple(datetimes), tuple(dropped))


def datetime_parts(frame: pd.DataFrame) -> pd.DataFrame:
    """Expand each datetime column into numbers a model can use: year, month, day, weekday, hour."""
    parts = {}
    for name in frame.columns:
        values = pd.to_datetime(frame[name], errors="coerce")
        parts[f"{name}_year"] = values.dt.year
        parts[f"{name}_month"] = values.dt.month
        parts[f"{name}_day"] = values.dt.day
        parts[f"{name}_weekday"] = values.dt.day_of_week
        parts[f"{name}_hour"] = values.dt.hour
    return pd.DataFrame(parts, index=frame.index).astype(float)


def make_preprocessor(plan: FeaturePlan) -> ColumnTransformer:
    """Impute and scale numbers, impute and one-hot encode categories, expand datetimes."""
    branches = []
    if plan.numeric:
        numeric = Pipeline(
            [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
        )
        branches.append(("numeric", numeric, list(plan.numeric)))
    if plan.categorical:
        categorical = Pipeline(
            [
                ("impute", SimpleImputer(strategy="most_frequent")),
                ("onehot", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
            ]
        )
        branches.append(("categorical", categorical, list(plan.categorical)))
    if plan.datetime:
        dates = Pipeline(
            [
                ("parts", FunctionTransformer(datetime_parts)),
                ("impute", SimpleImputer(strategy="median")),
                ("scale", StandardScaler()),
            ]
        )
        branches.append(("datetime", dates, list(plan.datetime)))
    return ColumnTransformer(branches, remainder="drop", sparse_threshold=0.0)


def make_pipeline(
    plan: FeaturePlan, model: str, problem: str, params: dict, random_state: int
) -> Pipeline:
    """Preprocessing then the estimator, ready to be fitted on training rows."""
    return Pipeline(
        [
            ("preprocess", make_preprocessor(plan)),
            ("model", make_estimator(model, problem, params, random_state)),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Fitting and scoring
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FitResult:
    """What one fit produced, for the scores, the charts and the run record.

    Attributes
    ----------
    model : str
    params : tuple of (str, object)
    metric : str
    train_score, validation_score : float
    fit_seconds : float
    n_train, n_validation : int
    validation_true, validation_pred : numpy.ndarray
        Targets and predictions of (up to ``CURVE_MAX_ROWS``) validation rows, for the
        regression plots; empty for classification.
    """

    model: str
    params: tuple[tuple[str, object], ...]
    metric: str
    train_score: float
    validation_score: float
    fit_seconds: float
    n_train: int
    n_validation: int
    validation_true: np.ndarray
    validation_pred: np.ndarray

    @property
    def gap(self) -> float:
        """How much better the model looks on rows it has seen (positive means overfit)."""
        sign = 1 if METRICS[self.metric].greater_is_better else -1
        return sign * (self.train_score - self.validation_score)


def _check_size(model: str, n_train: int) -> None:
    limit = MODELS[model].max_train_rows
    if limit is not None and n_train > limit:
        raise DataError(
            f"{MODELS[model].label} slows down with the square of the rows: {n_train:,} training "
            f"rows is above its live limit of {limit:,}. Lower the row cap or pick another model."
        )


def _check_neighbours(model: str, params: dict, n_train: int) -> None:
    if model == "knn" and int(params["n_neighbors"]) > n_train:
        raise DataError(
            f"k = {params['n_neighbors']} neighbours is more than the {n_train:,} training rows; "
            "pick a smaller k."
        )


def fit(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    random_state: int = 0,
) -> FitResult:
    """Fit the pipeline on the training rows, then score it on training and validation rows.

    Parameters
    ----------
    prepared : Prepared
    model : str
        A key of ``MODELS``.
    params : dict
        The model's controls; missing ones take their defaults.
    metric : str
        A key of ``METRICS`` that applies to the task.
    random_state : int

    Returns
    -------
    FitResult
    """
    dataset = prepared.dataset
    params = check_params(model, params)
    train, validation = prepared.train, prepared.validation
    _check_size(model, len(train))
    _check_neighbours(model, params, len(train))
    plan = plan_features(dataset, train)
    X, y = dataset.X, dataset.y
    pipeline = make_pipeline(plan, model, problem_of(dataset), params, random_state)
    with single_threaded():
        started = time.perf_counter()
        pipeline.fit(X.iloc[train], y.iloc[train])
        fit_seconds = time.perf_counter() - started
        scorer = make_metric_scorer(metric, dataset.task, positive_label(y))
        scored = train_score_rows(train, random_state)
        train_score = float(scorer(pipeline, X.iloc[scored], y.iloc[scored]))
        validation_score = float(scorer(pipeline, X.iloc[validation], y.iloc[validation]))
        # Only regression plots the predictions; a classifier's are summed up by its score.
        shown = (
            _sample(validation, CURVE_MAX_ROWS, random_state)
            if problem_of(dataset) == "regression"
            else validation[:0]
        )
        shown_pred = pipeline.predict(X.iloc[shown]) if len(shown) else np.array([])
    return FitResult(
        model=model,
        params=tuple(params.items()),
        metric=metric,
        train_score=train_score,
        validation_score=validation_score,
        fit_seconds=fit_seconds,
        n_train=len(train),
        n_validation=len(validation),
        validation_true=y.iloc[shown].to_numpy(),
        validation_pred=shown_pred,
    )


def train_score_rows(train: np.ndarray, random_state: int) -> np.ndarray:
    """The training rows the train score is computed on: all, or a seeded sample.

    Predicting every training row costs as much as fitting for k-NN on large data, and a few
    thousand rows tell the same story.
    """
    rng = np.random.default_rng(random_state)
    size = min(len(train), TRAIN_SCORE_MAX_ROWS)
    return np.sort(rng.choice(train, size=size, replace=False))


@contextmanager
def single_threaded():
    """Run scikit-learn on one thread, quietly.

    On a busy machine OpenMP threads spin against each other: histogram gradient boosting
    took ten times longer with two threads than with one. The scores do not depend on it.
    """
    with threadpool_limits(limits=1), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def baseline(prepared: Prepared, metric: str) -> float:
    """The score of a model that ignores the features, on the same split.

    The most frequent class (with class priors as probabilities) for classification, the
    training mean for regression: the bar any real model must clear.
    """
    dataset = prepared.dataset
    train, validation = prepared.train, prepared.validation
    dummy = (
        DummyClassifier(strategy="prior")
        if problem_of(dataset) == "classification"
        else DummyRegressor(strategy="mean")
    )
    dummy.fit(dataset.X.iloc[train], dataset.y.iloc[train])
    scorer = make_metric_scorer(metric, dataset.task, positive_label(dataset.y))
    return float(scorer(dummy, dataset.X.iloc[validation], dataset.y.iloc[validation]))


def _sample(positions: np.ndarray, n: int, random_state: int) -> np.ndarray:
    if len(positions) <= n:
        return positions
    rng = np.random.default_rng(random_state)
    return np.sort(rng.choice(positions, size=n, replace=False))


# ---------------------------------------------------------------------------------------------
# Fitting is minimising a loss: SGD epoch by epoch
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LossCurve:
    """Training and validation loss after each SGD epoch.

    Attributes
    ----------
    loss_name : str
    train_loss, validation_loss : numpy.ndarray
        One value per epoch, epoch 0 being the untrained start; ``nan`` where it overflowed.
    learning_rate : float
    diverged_at : int or None
        The first epoch whose training loss is worse than the untrained start (or overflowed):
        the steps overshoot.
    """

    loss_name: str
    train_loss: np.ndarray
    validation_loss: np.ndarray
    learning_rate: float
    diverged_at: int | None

    @property
    def epochs(self) -> np.ndarray:
        """0 (the start) to the last epoch."""
        return np.arange(len(self.train_loss))

    @property
    def n_epochs(self) -> int:
        return len(self.train_loss) - 1


LEARNING_RATES = (0.0001, 0.001, 0.01, 0.1, 1.0, 10.0)


def sgd_loss_curve(
    prepared: Prepared,
    learning_rate: float,
    *,
    epochs: int = 30,
    max_rows: int = 5_000,
    random_state: int = 0,
) -> LossCurve:
    """Train a linear model by stochastic gradient descent and record the loss per epoch.

    Classification minimises log loss (logistic regression); regression minimises squared
    error on the standardised target, so one learning rate scale fits every dataset. A
    constant learning rate makes the lesson visible: too small crawls, too large diverges.
    """
    dataset = prepared.dataset
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, max_rows, random_state)
    plan = plan_features(dataset, train)
    preprocess = make_preprocessor(plan)
    with single_threaded():
        X_train = preprocess.fit_transform(dataset.X.iloc[train])
        X_valid = preprocess.transform(dataset.X.iloc[validation])
    y_train, y_valid = dataset.y.iloc[train].to_numpy(), dataset.y.iloc[validation].to_numpy()
    classify = problem_of(dataset) == "classification"
    common = {"learning_rate": "constant", "eta0": learning_rate, "alpha": 1e-4}
    if classify:
        model = SGDClassifier(loss="log_loss", random_state=random_state, **common)
        classes = np.unique(y_train)

        def loss(X, y):
            return log_loss(y, model.predict_proba(X), labels=classes)

    else:
        model = SGDRegressor(loss="squared_error", random_state=random_state, **common)
        mean, scale = y_train.mean(), y_train.std() or 1.0
        y_train, y_valid = (y_train - mean) / scale, (y_valid - mean) / scale

        def loss(X, y):
            return mean_squared_error(y, model.predict(X))

    rng = np.random.default_rng(random_state)
    # Epoch 0 is the starting point, all weights at zero: every class equally likely, or
    # the training mean (zero on the standardised target) for every row.
    if classify:
        start_train = log_loss(y_train, _uniform(len(y_train), classes), labels=classes)
        start_valid = log_loss(y_valid, _uniform(len(y_valid), classes), labels=classes)
    else:
        start_train, start_valid = float(np.mean(y_train**2)), float(np.mean(y_valid**2))
    train_loss, valid_loss = [start_train], [start_valid]
    diverged_at = None
    with single_threaded(), np.errstate(all="ignore"):
        for epoch in range(1, epochs + 1):
            order = rng.permutation(len(y_train))
            if classify:
                model.partial_fit(X_train[order], y_train[order], classes=classes)
            else:
                model.partial_fit(X_train[order], y_train[order])
            current = _finite_or_nan(lambda: loss(X_train, y_train))
            if diverged_at is None and (not np.isfinite(current) or current > start_train):
                diverged_at = epoch
            train_loss.append(current)
            valid_loss.append(_finite_or_nan(lambda: loss(X_valid, y_valid)))
    return LossCurve(
        "log loss" if classify else "squared error (standardised target)",
        np.array(train_loss),
        np.array(valid_loss),
        learning_rate,
        diverged_at,
    )


def _uniform(n_rows: int, classes: np.ndarray) -> np.ndarray:
    return np.full((n_rows, len(classes)), 1.0 / len(classes))


def _finite_or_nan(compute) -> float:
    try:
        value = float(compute())
    except (ValueError, FloatingPointError, OverflowError):
        return np.nan
    return value if np.isfinite(value) and value < 1e12 else np.nan


# ---------------------------------------------------------------------------------------------
# Under- and overfitting: learning and validation curves
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Curve:
    """Train and validation scores at several settings.

    Attributes
    ----------
    x : tuple
        The setting at each point (training rows, or a hyperparameter's values).
    x_label : str
    train_scores, validation_scores : numpy.ndarray
        ``nan`` where a point could not be scored (a sample with one class).
    metric : str
    n_rows : int
        How many training rows the largest point used (the curves use a sample to stay fast).
    """

    x: tuple
    x_label: str
    train_scores: np.ndarray
    validation_scores: np.ndarray
    metric: str
    n_rows: int


def _score_pair(
    prepared: Prepared,
    plan: FeaturePlan,
    model: str,
    params: dict,
    metric: str,
    train: np.ndarray,
    validation: np.ndarray,
    random_state: int,
) -> tuple[float, float]:
    """Fit on ``train``, score on both; ``nan`` where a sample cannot be fitted or scored."""
    dataset = prepared.dataset
    X, y = dataset.X, dataset.y
    if problem_of(dataset) == "classification" and y.iloc[train].nunique() < 2:
        return np.nan, np.nan
    pipeline = make_pipeline(plan, model, problem_of(dataset), params, random_state)
    scorer = make_metric_scorer(metric, dataset.task, positive_label(y))
    try:
        with single_threaded():
            pipeline.fit(X.iloc[train], y.iloc[train])
            return (
                float(scorer(pipeline, X.iloc[train], y.iloc[train])),
                float(scorer(pipeline, X.iloc[validation], y.iloc[validation])),
            )
    except ValueError:
        return np.nan, np.nan


def learning_curve(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    fractions: tuple[float, ...] = (0.1, 0.25, 0.5, 1.0),
    max_rows: int = CURVE_MAX_ROWS,
    random_state: int = 0,
) -> Curve:
    """Score against the number of training rows: does more data still help?

    The points use nested samples of (up to ``max_rows``) training rows, so a larger point
    contains every row of a smaller one; the validation rows are the same for every point.
    """
    params = check_params(model, params)
    rng = np.random.default_rng(random_state)
    pool = rng.permutation(prepared.train)[:max_rows]
    validation = _sample(prepared.validation, max_rows, random_state)
    sizes = sorted({max(20, round(f * len(pool))) for f in fractions if f > 0})
    sizes = [s for s in sizes if s <= len(pool)] or [len(pool)]
    plan = plan_features(prepared.dataset, pool)
    if model == "knn":
        sizes = [s for s in sizes if s > int(params["n_neighbors"])] or [len(pool)]
    scores = [
        _score_pair(
            prepared, plan, model, params, metric, np.sort(pool[:s]), validation, random_state
        )
        for s in sizes
    ]
    train_scores, valid_scores = (np.array(v, dtype=float) for v in zip(*scores, strict=True))
    return Curve(tuple(sizes), "training rows", train_scores, valid_scores, metric, len(pool))


def validation_curve(
    prepared: Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    max_rows: int = CURVE_MAX_ROWS,
    random_state: int = 0,
) -> Curve:
    """Score against the model's main hyperparameter, the others held where they are.

    Raises
    ------
    DataError
        If the model has no hyperparameter to sweep.
    """
    spec = MODELS[model]
    if spec.curve_param is None:
        raise DataError(
            f"{spec.label} has no hyperparameter to sweep; pick ridge regression to see one."
        )
    params = check_params(model, params)
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, max_rows, random_state)
    plan = plan_features(prepared.dataset, train)
    values = [
        v for v in spec.param(spec.curve_param).options if not (model == "knn" and v >= len(train))
    ]
    scores = [
        _score_pair(
            prepared,
            plan,
            model,
            {**params, spec.curve_param: value},
            metric,
            train,
            validation,
            random_state,
        )
        for value in values
    ]
    train_scores, valid_scores = (np.array(v, dtype=float) for v in zip(*scores, strict=True))
    return Curve(
        tuple(values),
        spec.param(spec.curve_param).label,
        train_scores,
        valid_scores,
        metric,
        len(train),
    )


# ---------------------------------------------------------------------------------------------
# What the model does: a decision boundary on two features
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Surface:
    """A model's predictions over a grid of two features, with validation rows on top.

    Attributes
    ----------
    feature_x, feature_y : str
    grid_x, grid_y : numpy.ndarray
        The grid's coordinates (1-D each).
    predicted : numpy.ndarray
        Class index predicted at each grid point, shape ``(len(grid_y), len(grid_x))``.
    classes : tuple
        The class labels, in the order of the indices.
    points_x, points_y : numpy.ndarray
        Validation rows (a sample).
    points_class : numpy.ndarray
        Their true class index.
    validation_accuracy : float
        Accuracy of the two-feature model on the validation sample.
    """

    feature_x: str
    feature_y: str
    grid_x: np.ndarray
    grid_y: np.ndarray
    predicted: np.ndarray
    classes: tuple
    points_x: np.ndarray
    points_y: np.ndarray
    points_class: np.ndarray
    validation_accuracy: float


def boundary_features(prepared: Prepared) -> list[str]:
    """Numeric features a decision boundary can be drawn on, in the table's order."""
    return list(plan_features(prepared.dataset, prepared.train).numeric)


def decision_surface(
    prepared: Prepared,
    feature_x: str,
    feature_y: str,
    model: str,
    params: dict,
    *,
    resolution: int = 50,
    max_rows: int = 1_000,
    random_state: int = 0,
) -> Surface:
    """Fit ``model`` on two numeric features only and predict over a grid of them.

    The boundary is the model's, seen through a two-feature window: a deep tree draws boxes,
    logistic regression a straight line, k-NN islands.
    """
    if feature_x == feature_y:
        raise DataError("Pick two different features for the two axes.")
    dataset = prepared.dataset
    params = check_params(model, params)
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, 600, random_state)
    columns = [feature_x, feature_y]
    X, y = dataset.frame[columns], dataset.y
    if model == "knn":
        params = {**params, "n_neighbors": min(int(params["n_neighbors"]), len(train) - 1)}
    pipeline = Pipeline(
        [
            ("impute", SimpleImputer(strategy="median")),
            ("scale", StandardScaler()),
            ("model", make_estimator(model, "classification", params, random_state)),
        ]
    )
    with single_threaded():
        pipeline.fit(X.iloc[train], y.iloc[train])
    classes = tuple(pipeline.classes_.tolist())
    lows = X.iloc[train].quantile(0.01)
    highs = X.iloc[train].quantile(0.99)
    grid_x = np.linspace(lows[feature_x], highs[feature_x], resolution)
    grid_y = np.linspace(lows[feature_y], highs[feature_y], resolution)
    mesh_x, mesh_y = np.meshgrid(grid_x, grid_y)
    grid = pd.DataFrame({feature_x: mesh_x.ravel(), feature_y: mesh_y.ravel()})
    index = {label: i for i, label in enumerate(classes)}
    predicted = np.array([index[p] for p in pipeline.predict(grid)]).reshape(mesh_x.shape)
    points = X.iloc[validation].dropna()
    truth = y.loc[points.index]
    accuracy = float((pipeline.predict(points) == truth.to_numpy()).mean()) if len(points) else 0.0
    return Surface(
        feature_x,
        feature_y,
        grid_x,
        grid_y,
        predicted,
        classes,
        points[feature_x].to_numpy(dtype=float),
        points[feature_y].to_numpy(dtype=float),
        np.array([index.get(label, -1) for label in truth]),
        accuracy,
    )
