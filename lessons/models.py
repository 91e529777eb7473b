"""The models a learner can train, their hyperparameters, and the one way to build a pipeline.

``MODELS`` is the model registry every page uses (Train, Metrics, Experiments, Frame, Split,
Monitor and the guided path), and ``model_pipeline`` puts the app's one preprocessing
(``lessons.features.TablePreprocessor``) in front of any of them, so the same model, split and
seed give the same score on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from sklearn.compose import TransformedTargetRegressor
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor

SVM_MAX_TRAIN_ROWS = 5_000


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


def estimator_kind(dataset: Dataset) -> str:
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


def model_pipeline(model: str, problem: str, params: dict, random_state: int) -> Pipeline:
    """The app's one preprocessing (``lessons.features``) then the estimator, unfitted."""
    return Pipeline(
        [
            ("preprocess", TablePreprocessor()),
            ("model", make_estimator(model, problem, params, random_state)),
        ]
    )
