"""Metrics: the app's shared vocabulary of scores, and the experiments of lesson 5.

Every metric has a key (``"pr_auc"``, ``"rmse"``...) that the other lessons use to name it,
for example the metric suggested in lesson 1 (``FramingChoice.metric``). ``REGISTRY`` maps
each key to a small ``Metric`` record. scikit-learn's implementation is used wherever one
exists; what scikit-learn lacks (sMAPE, MASE, precision@k, recall@k, MAP@k, hit@k, MRR) is
written once here.

Ties in a ranking are broken *against* the model: among equal scores the less relevant
item is placed first. A constant score therefore earns no credit and the result never
depends on the order of the rows. (NDCG comes from scikit-learn, which averages over tied
orders instead.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import norm
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    f1_score,
    mean_absolute_error,
    mean_absolute_percentage_error,
    precision_recall_curve,
    recall_score,
    roc_auc_score,
    roc_curve,
    root_mean_squared_error,
)
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import training
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.scoring import (
    MetricScore,
    score_binary,
    score_forecast,
    score_multiclass,
    score_ranking,
    score_regression,
    smape,
)
from lessons.splits import Buckets

# --- Honest predictions of a few quick models -------------------------------------------


@dataclass(frozen=True)
class ModelPredictions:
    """One model's held-out predictions.

    ``prediction`` is the positive-class probability (binary), a class-probability matrix
    (multiclass) or the predicted value (regression).
    """

    name: str
    description: str
    prediction: np.ndarray


@dataclass(frozen=True)
class HeldOutPredictions:
    """Honest predictions on the validation rows from models fitted on the training rows.

    Attributes
    ----------
    dataset, task, problem : str
    split, split_reason : str
        The split strategy used and why.
    classes : tuple of str
        Class labels (binary: negative then positive); empty for regression.
    y_true : numpy.ndarray
        0/1 (binary), class index (multiclass) or the value (regression).
    models : tuple of ModelPredictions
        The first one is the main model used in the side-by-side table.
    groups, times : numpy.ndarray or None
        Group id (query, series) and time of each validation row.
    y_train, train_groups : numpy.ndarray
        The training target (time-ordered within group) for MASE's naive scale.
    seasonality : int
        Season length in rows of one series (7 for daily data, else 1).
    n_train : int
        Training rows (with a target) the models were fitted on.
    """

    dataset: str
    task: str
    problem: str
    split: str
    split_reason: str
    classes: tuple[str, ...]
    y_true: np.ndarray
    models: tuple[ModelPredictions, ...]
    groups: np.ndarray | None
    times: np.ndarray | None
    y_train: np.ndarray
    train_groups: np.ndarray | None
    seasonality: int
    n_train: int

    @property
    def main(self) -> ModelPredictions:
        return self.models[0]


# (label, what it is, model key in ``lessons.training.MODELS``, its controls). The models
# differ in a way metrics notice: a flexible one, a linear one, and one that optimises
# something else (class-balanced weights; absolute instead of squared error). They are the
# Train page's models with their defaults, so the same model scores the same on both pages.
_CLASSIFIERS = (
    ("gradient boosting", "trees fitted to log loss", "hist_gradient_boosting", {}),
    ("logistic regression", "a linear model", "logistic_regression", {}),
    (
        "balanced logistic regression",
        "a linear model that weighs each class equally",
        "logistic_regression",
        {"class_weight": "balanced"},
    ),
)
_REGRESSORS = (
    ("gradient boosting", "trees fitted to squared error", "hist_gradient_boosting", {}),
    ("ridge", "a linear model", "ridge", {}),
    (
        "gradient boosting (absolute error)",
        "trees fitted to absolute error",
        "hist_gradient_boosting",
        {"loss": "absolute_error"},
    ),
)


def _pipeline(model: str, task: str, params: dict, random_state: int) -> Pipeline:
    problem = "regression" if task == "regression" else "classification"
    defaults = training.check_params(model, {})
    return training.model_pipeline(model, problem, {**defaults, **params}, random_state)


def _usable(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    return positions[dataset.y.iloc[positions].notna().to_numpy()]


def _encoded_target(dataset: Dataset) -> tuple[np.ndarray, tuple[str, ...]]:
    y = dataset.y
    if dataset.task == "regression":
        numeric = pd.to_numeric(y, errors="coerce")
        if numeric.notna().sum() < y.notna().sum():
            raise DataError(
                f"The target {dataset.target!r} is marked as a number but holds text; "
                "pick a numeric target or treat it as classification."
            )
        return numeric.to_numpy(dtype=float), ()
    if dataset.task == "binary":
        positive = dataset.positive_class
        negatives = [v for v in y.dropna().unique().tolist() if v != positive]
        negative = str(negatives[0]) if len(negatives) == 1 else f"not {positive}"
        return (y == positive).astype(int).to_numpy(), (negative, str(positive))
    labels = sorted(y.dropna().astype(str).unique())
    codes = y.astype(str).map({label: i for i, label in enumerate(labels)})
    return codes.fillna(-1).to_numpy(dtype=int), tuple(labels)


def seasonality_for(times: pd.Series | None) -> int:
    """7 when rows of one series are a day apart (a weekly pattern), else 1."""
    if times is None or len(times) < 3:
        return 1
    steps = pd.Series(pd.to_datetime(times).unique()).sort_values().diff().dropna()
    return 7 if len(steps) and steps.median() == pd.Timedelta(days=1) else 1


def fit_held_out(
    dataset: Dataset, buckets: Buckets, *, random_state: int = 0
) -> HeldOutPredictions:
    """Fit three quick models on the training rows and predict the validation rows.

    The models differ in a way metrics notice: a flexible one, a linear one, and one that
    optimises something else (class-balanced weights; absolute instead of squared error).

    Raises
    ------
    DataError
        If the training rows hold a single class or too few rows to fit.
    """
    y_all, classes = _encoded_target(dataset)
    train, validation = _usable(dataset, buckets.train), _usable(dataset, buckets.validation)
    if len(train) < 10 or len(validation) < 2:
        raise DataError(
            f"Only {len(train)} training and {len(validation)} validation rows have a target; "
            "a metric needs more rows than that."
        )
    if dataset.task != "regression" and len(np.unique(y_all[train])) < 2:
        raise DataError("The training rows hold a single class, so there is nothing to learn.")
    X = dataset.X
    models = []
    specs = _REGRESSORS if dataset.task == "regression" else _CLASSIFIERS
    for name, description, model, params in specs:
        pipeline = _pipeline(model, dataset.task, params, random_state)
        # One thread: a web server shares its cores between sessions, and OpenMP
        # oversubscription makes small boosting fits many times slower, not faster.
        try:
            with threadpool_limits(limits=1):
                pipeline.fit(X.iloc[train], y_all[train])
            if dataset.task == "regression":
                prediction = pipeline.predict(X.iloc[validation])
            else:
                prediction = _class_probabilities(pipeline, X.iloc[validation], len(classes))
        except (ValueError, TypeError) as error:
            raise DataError(
                f"The {name} model could not be fitted on this table ({error}). Check that the "
                "feature columns hold numbers, dates, flags or short text categories."
            ) from error
        models.append(ModelPredictions(name, description, prediction))
    time_order = _time_order(dataset, train)
    groups = dataset.frame[dataset.group_column] if dataset.group_column else None
    times = dataset.frame[dataset.time_column] if dataset.time_column else None
    return HeldOutPredictions(
        dataset=dataset.name,
        task=dataset.task,
        problem=dataset.problem,
        split=buckets.strategy,
        split_reason=buckets.reason,
        classes=classes,
        y_true=y_all[validation],
        models=tuple(models),
        groups=None if groups is None else groups.iloc[validation].to_numpy(),
        times=None if times is None else times.iloc[validation].to_numpy(),
        y_train=y_all[time_order],
        train_groups=None if groups is None else groups.iloc[time_order].to_numpy(),
        seasonality=seasonality_for(times.iloc[train] if times is not None else None),
        n_train=len(train),
    )


def fit_quantile(
    dataset: Dataset, buckets: Buckets, quantile: float, *, random_state: int = 0
) -> np.ndarray:
    """Validation predictions of gradient boosting fitted to the pinball loss at ``quantile``."""
    if not 0 < quantile < 1:
        raise DataError("A quantile must be strictly between 0 and 1.")
    y_all, _ = _encoded_target(dataset)
    validation = _usable(dataset, buckets.validation)
    train = _usable(dataset, buckets.train)
    params = {"loss": "quantile", "quantile": quantile}
    pipeline = _pipeline("hist_gradient_boosting", "regression", params, random_state)
    with threadpool_limits(limits=1):
        pipeline.fit(dataset.X.iloc[train], y_all[train])
    return pipeline.predict(dataset.X.iloc[validation])


def _class_probabilities(pipeline: Pipeline, X: pd.DataFrame, n_classes: int) -> np.ndarray:
    proba = pipeline.predict_proba(X)
    full = np.zeros((len(X), n_classes))
    full[:, pipeline.classes_] = proba
    return full[:, 1] if n_classes == 2 else full


def _time_order(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    if not dataset.time_column:
        return positions
    stamps = dataset.frame[dataset.time_column].iloc[positions].to_numpy()
    return positions[np.argsort(stamps, kind="stable")]


def score_held_out(
    held_out: HeldOutPredictions,
    model: ModelPredictions,
    *,
    threshold: float = 0.5,
    k: int = 100,
    min_relevance: float = 1,
    quantile_predictions: dict[float, np.ndarray] | None = None,
) -> tuple[MetricScore, ...]:
    """Every metric of the task on one model's held-out predictions.

    ``k`` is the review capacity for precision@k and recall@k, or the cut-off of the ranking
    metrics; ``min_relevance`` the grade from which a ranked item counts as relevant.
    """
    if held_out.problem == "ranking" and held_out.groups is not None:
        return score_ranking(
            held_out.y_true, model.prediction, held_out.groups, k=k, min_relevance=min_relevance
        )
    if held_out.task == "binary":
        return score_binary(held_out.y_true, model.prediction, threshold=threshold, k=k)
    if held_out.task == "multiclass":
        return score_multiclass(held_out.y_true, model.prediction)
    if held_out.problem == "forecasting":
        return score_forecast(
            held_out.y_true,
            model.prediction,
            held_out.y_train,
            seasonality=held_out.seasonality,
            train_groups=held_out.train_groups,
            quantile_predictions=quantile_predictions,
        )
    return score_regression(held_out.y_true, model.prediction, quantile_predictions)


# --- The threshold ----------------------------------------------------------------------


@dataclass(frozen=True)
class OperatingPoint:
    """What flagging every score at or above ``threshold`` does on held-out rows."""

    threshold: float
    true_negatives: int
    false_positives: int
    false_negatives: int
    true_positives: int
    cost: float

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def false_positive_rate(self) -> float:
        negatives = self.true_negatives + self.false_positives
        return self.false_positives / negatives if negatives else 0.0

    @property
    def accuracy(self) -> float:
        total = self.true_negatives + self.false_positives + self.false_negatives
        total += self.true_positives
        return (self.true_positives + self.true_negatives) / total


def operating_point(
    y_true: Sequence[int],
    y_score: Sequence[float],
    threshold: float,
    *,
    cost_false_positive: float = 1.0,
    cost_false_negative: float = 1.0,
) -> OperatingPoint:
    """Confusion counts and total cost when scores at or above ``threshold`` are flagged."""
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(y_score, dtype=float) >= threshold
    tp = int(np.sum(flagged & y_true))
    fp = int(np.sum(flagged & ~y_true))
    fn = int(np.sum(~flagged & y_true))
    tn = len(y_true) - tp - fp - fn
    return OperatingPoint(
        threshold, tn, fp, fn, tp, fp * cost_false_positive + fn * cost_false_negative
    )


@dataclass(frozen=True)
class Curves:
    """ROC and precision-recall curves, and the cost of every threshold on a grid."""

    false_positive_rate: np.ndarray
    true_positive_rate: np.ndarray
    precision: np.ndarray
    recall: np.ndarray
    roc_auc: float
    pr_auc: float
    thresholds: np.ndarray
    costs: np.ndarray

    @property
    def best_threshold(self) -> float:
        return float(self.thresholds[int(np.argmin(self.costs))])


def curves(
    y_true: Sequence[int],
    y_score: Sequence[float],
    *,
    cost_false_positive: float = 1.0,
    cost_false_negative: float = 1.0,
    grid: int = 101,
) -> Curves:
    """ROC and PR curves (scikit-learn) and total cost on ``grid`` thresholds from 0 to 1.

    Raises
    ------
    DataError
        If the rows hold a single class: neither curve is defined.
    """
    y_true = np.asarray(y_true).astype(int)
    y_score = np.asarray(y_score, dtype=float)
    if len(np.unique(y_true)) < 2:
        raise DataError(
            "These rows hold a single class, so ROC and PR curves are not defined; "
            "try another seed or a split with more held-out rows."
        )
    fpr, tpr, _ = roc_curve(y_true, y_score)
    precision, recall, _ = precision_recall_curve(y_true, y_score)
    thresholds = np.linspace(0, 1, grid)
    flagged = y_score[None, :] >= thresholds[:, None]
    positives = y_true.astype(bool)[None, :]
    costs = (flagged & ~positives).sum(axis=1) * cost_false_positive + (~flagged & positives).sum(
        axis=1
    ) * cost_false_negative
    return Curves(
        fpr,
        tpr,
        precision,
        recall,
        float(roc_auc_score(y_true, y_score)),
        float(average_precision_score(y_true, y_score)),
        thresholds,
        costs.astype(float),
    )


# --- Experiments on seeded synthetic data -----------------------------------------------

IMBALANCE_LEVELS: tuple[float, ...] = (0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001)


def imbalance_sweep(
    prevalences: Sequence[float] = IMBALANCE_LEVELS,
    *,
    n_rows: int = 10_000,
    separation: float = 1.5,
) -> pd.DataFrame:
    """Score "always predict the majority" and a real model as positives get rarer.

    For each prevalence there are ``n_rows`` rows with exactly that share of positives. One
    feature is normally distributed, shifted by ``separation`` standard deviations for
    positives; its values are the evenly spaced quantiles of each class's distribution, so
    the curves show expected values with no sampling noise (and need no seed). The real
    model outputs the exact posterior probability: the best any model could do with it.

    Returns
    -------
    pandas.DataFrame
        Columns ``prevalence``, ``model``, ``metric`` (registry key) and ``value``.
    """
    rows = []
    for prevalence in prevalences:
        n_pos = max(1, round(prevalence * n_rows))
        n_neg = n_rows - n_pos
        y = np.r_[np.ones(n_pos, dtype=int), np.zeros(n_neg, dtype=int)]
        x = np.r_[
            separation + norm.ppf((np.arange(n_pos) + 0.5) / n_pos),
            norm.ppf((np.arange(n_neg) + 0.5) / n_neg),
        ]
        prior = np.log(n_pos / n_neg)
        real = 1 / (1 + np.exp(-(separation * x - separation**2 / 2 + prior)))
        majority = np.full(n_rows, n_pos / n_rows)
        for model, score in (("always the majority", majority), ("real model", real)):
            # "Always the majority" always answers no, even at 50 % where it is a coin toss.
            flagged = (score >= 0.5).astype(int) if model == "real model" else np.zeros_like(y)
            values = {
                "accuracy": accuracy_score(y, flagged),
                "recall": recall_score(y, flagged, zero_division=0),
                "f1": f1_score(y, flagged, zero_division=0),
                "roc_auc": roc_auc_score(y, score),
                "pr_auc": average_precision_score(y, score),
            }
            rows += [
                {"prevalence": prevalence, "model": model, "metric": key, "value": float(value)}
                for key, value in values.items()
            ]
    return pd.DataFrame(rows)


OUTLIER_SHARES: tuple[float, ...] = tuple(np.round(np.arange(0, 0.205, 0.01), 2))


@dataclass(frozen=True)
class OutlierSample:
    """A regression sample, its predictions, and which actuals were corrupted."""

    x: np.ndarray
    y_true: np.ndarray
    y_pred: np.ndarray
    is_outlier: np.ndarray


def outlier_sample(
    share: float, *, n_rows: int = 400, magnitude: float = 40.0, random_state: int = 0
) -> OutlierSample:
    """A clean line ``y = 2 + 3x + noise`` predicted well, then a share of actuals corrupted.

    The predictions stay the same; only the actuals change (typos, sensor glitches), so any
    move in a metric comes from the outliers alone. The same rows are corrupted first at
    every share, so the sweep is smooth.
    """
    rng = np.random.default_rng(random_state)
    x = rng.uniform(0, 10, n_rows)
    clean = 2 + 3 * x + rng.normal(0, 1.5, n_rows)
    prediction = 2 + 3 * x
    corrupted = rng.permutation(n_rows)[: round(share * n_rows)]
    is_outlier = np.zeros(n_rows, dtype=bool)
    is_outlier[corrupted] = True
    jumps = magnitude * rng.choice([-1.0, 1.0], n_rows) * rng.uniform(0.5, 1.5, n_rows)
    return OutlierSample(x, np.where(is_outlier, clean + jumps, clean), prediction, is_outlier)


def outlier_sweep(
    shares: Sequence[float] = OUTLIER_SHARES, *, random_state: int = 0
) -> pd.DataFrame:
    """RMSE and MAE of the same predictions as the share of corrupted actuals grows.

    Returns
    -------
    pandas.DataFrame
        Columns ``share``, ``rmse`` and ``mae``.
    """
    rows = []
    for share in shares:
        sample = outlier_sample(share, random_state=random_state)
        rows.append(
            {
                "share": share,
                "rmse": root_mean_squared_error(sample.y_true, sample.y_pred),
                "mae": mean_absolute_error(sample.y_true, sample.y_pred),
            }
        )
    return pd.DataFrame(rows)


NEAR_ZERO_LEVELS: tuple[float, ...] = (100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5, 0.2)


def near_zero_sweep(
    levels: Sequence[float] = NEAR_ZERO_LEVELS, *, n_days: int = 365, random_state: int = 0
) -> pd.DataFrame:
    """MAPE, sMAPE and MAE of forecasts with the same absolute errors at shrinking levels.

    Daily actuals swing ±80 % around ``level`` with a weekly pattern, so they approach zero
    as the level falls but never reach it; every forecast is off by the same noise (one
    unit on average), whatever the level.

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``mape``, ``smape`` and ``mae``.
    """
    rng = np.random.default_rng(random_state)
    errors = rng.normal(0, 1.25, n_days)
    pattern = 1 + 0.8 * np.sin(2 * np.pi * np.arange(n_days) / 7)
    rows = []
    for level in levels:
        actual = level * pattern
        forecast = actual + errors
        rows.append(
            {
                "level": level,
                "mape": mean_absolute_percentage_error(actual, forecast),
                "smape": smape(actual, forecast),
                "mae": mean_absolute_error(actual, forecast),
            }
        )
    return pd.DataFrame(rows)


BLEND_WEIGHTS: tuple[float, ...] = tuple(np.round(np.linspace(0, 1, 11), 2))


def blend_scores(
    model_scores: Sequence[float], groups: Sequence[object], weight: float, *, random_state: int = 0
) -> np.ndarray:
    """Mix the model's order with a random order, query by query.

    Both are turned into within-query rank percentiles first, so ``weight`` 0 is the model,
    1 is a shuffle, and values between degrade the ranking gradually.
    """
    frame = pd.DataFrame(
        {
            "group": np.asarray(groups),
            "model": np.asarray(model_scores, dtype=float),
            "noise": np.random.default_rng(random_state).random(len(model_scores)),
        }
    )
    ranks = frame.groupby("group")[["model", "noise"]].rank(pct=True)
    return ((1 - weight) * ranks["model"] + weight * ranks["noise"]).to_numpy()


def ranking_blend_sweep(
    relevance: Sequence[float],
    model_scores: Sequence[float],
    groups: Sequence[object],
    *,
    weights: Sequence[float] = BLEND_WEIGHTS,
    k: int = 5,
    min_relevance: float = 1,
    random_state: int = 0,
) -> pd.DataFrame:
    """NDCG@k, MAP@k, hit@k and MRR as the model's order is blended with a random one.

    Returns
    -------
    pandas.DataFrame
        Columns ``weight``, ``metric`` (registry key), ``label`` and ``value``.
    """
    rows = []
    for weight in weights:
        blended = blend_scores(model_scores, groups, weight, random_state=random_state)
        for s in score_ranking(relevance, blended, groups, k=k, min_relevance=min_relevance):
            rows.append({"weight": weight, "metric": s.key, "label": s.label, "value": s.value})
    return pd.DataFrame(rows)


def compare_models(
    held_out: HeldOutPredictions, *, threshold: float = 0.5, k: int = 100, min_relevance: float = 1
) -> pd.DataFrame:
    """Every model under every metric, and the winner of each metric.

    Returns
    -------
    pandas.DataFrame
        One row per metric: ``metric`` (label), ``key``, ``greater_is_better``, one column per
        model, and ``winner`` (the best model's name, empty when the metric is undefined).
    """
    table: dict[str, dict[str, object]] = {}
    for model in held_out.models:
        scores = score_held_out(
            held_out, model, threshold=threshold, k=k, min_relevance=min_relevance
        )
        for s in scores:
            row = table.setdefault(
                s.label, {"metric": s.label, "key": s.key, "greater_is_better": s.greater_is_better}
            )
            row[model.name] = s.value
    frame = pd.DataFrame(list(table.values()))
    names = [m.name for m in held_out.models]
    frame["winner"] = [_winner(row, names) for _, row in frame.iterrows()]
    return frame


def _winner(row: pd.Series, names: list[str]) -> str:
    values = pd.to_numeric(row[names], errors="coerce")
    if values.isna().all() or values.nunique() == 1:
        return ""
    return str(values.idxmax() if row["greater_is_better"] else values.idxmin())


# --- The guide --------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideRow:
    """One line of the guide: a kind of problem, the metrics that fit it, and why."""

    key: str
    problem: str
    metrics: tuple[str, ...]
    why: str


GUIDE: tuple[GuideRow, ...] = (
    GuideRow(
        "balanced",
        "Classification, classes roughly balanced, errors cost alike",
        ("accuracy", "f1"),
        "Accuracy reads plainly when no class dominates; F1 when one kind of error matters more.",
    ),
    GuideRow(
        "imbalanced",
        "Classification, the positive class is rare (fraud, churn, disease)",
        ("pr_auc", "recall_at_k", "roc_auc"),
        "Accuracy rewards predicting 'never'; PR AUC and recall@k only move when you find positives.",
    ),
    GuideRow(
        "probabilities",
        "The probability itself is used (pricing, risk scores)",
        ("log_loss", "brier"),
        "They score the probabilities, not the decisions, and punish confident mistakes.",
    ),
    GuideRow(
        "multiclass",
        "Several classes",
        ("accuracy", "f1", "log_loss"),
        "Macro F1 weighs every class equally, so a small class cannot be ignored.",
    ),
    GuideRow(
        "regression",
        "A number, every unit of error costs the same",
        ("mae", "r2"),
        "MAE is in the target's units and shrugs off a few wild rows; R² compares with the mean.",
    ),
    GuideRow(
        "regression_tails",
        "A number, big misses are disproportionately bad",
        ("rmse",),
        "Squaring makes one large error outweigh many small ones, which is the point here.",
    ),
    GuideRow(
        "forecasting",
        "Forecasting a time series",
        ("mase", "smape", "pinball"),
        "MASE compares with the seasonal naive forecast; pinball loss scores the quantile you plan to.",
    ),
    GuideRow(
        "ranking",
        "Ranking, search, recommendation",
        ("ndcg_at_k", "map_at_k", "hit_at_k", "mrr"),
        "Only the order of the top k matters to the user, not the absolute scores.",
    ),
)

IMBALANCED_BELOW = 0.2


def guide_row_for(task: str, problem: str, positive_share: float | None = None) -> str:
    """The guide row that fits a dataset, from its task, problem and positive share."""
    if problem in ("ranking", "forecasting"):
        return problem
    if task == "multiclass":
        return "multiclass"
    if task == "binary":
        if (
            positive_share is not None
            and min(positive_share, 1 - positive_share) < IMBALANCED_BELOW
        ):
            return "imbalanced"
        return "balanced"
    return "regression"
