"""Lesson 1, Frame the problem: task inference, baselines, cost of errors, the framing spec.

Everything here is pure: data in, small frozen results out, seeded randomness. The page asks
the learner five questions (decision, paradigm, target shape, cost of errors, baseline) and
these functions turn the answers into numbers computed on honest held-out rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
from sklearn import metrics as skm
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import scoring, training
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import ColumnRoles, positive_class
from lessons.splits import make_buckets

# --------------------------------------------------------------------------------------
# Question 2: the paradigm game
# --------------------------------------------------------------------------------------

PARADIGMS: tuple[str, ...] = ("supervised", "unsupervised", "reinforcement", "self-supervised")


@dataclass(frozen=True)
class ScenarioCard:
    """A short scenario to sort into a learning paradigm.

    Attributes
    ----------
    key : str
        Stable identifier (used in widget keys).
    scenario : str
        What the system is asked to do.
    paradigm : str
        The right answer, one of ``PARADIGMS``.
    signal : str
        Why: the signal the model learns from.
    """

    key: str
    scenario: str
    paradigm: str
    signal: str


CARDS: tuple[ScenarioCard, ...] = (
    ScenarioCard(
        "churn",
        "Predict which subscribers will cancel next quarter, from last year's customers "
        "whose outcome you know.",
        "supervised",
        "Every past customer comes with a known answer (cancelled or stayed): a labelled target.",
    ),
    ScenarioCard(
        "segments",
        "Group shoppers into a handful of segments for marketing, with no segments defined "
        "in advance.",
        "unsupervised",
        "There is no right answer per row; the model only sees the structure of the features.",
    ),
    ScenarioCard(
        "game_agent",
        "Teach an agent to play a video game by letting it play millions of rounds and "
        "counting points.",
        "reinforcement",
        "The signal is a reward that arrives after actions in an environment, not a label per row.",
    ),
    ScenarioCard(
        "next_token",
        "Pretrain a language model to predict the next word on billions of web pages.",
        "self-supervised",
        "The labels are cut from the data itself: the next word is already in the text.",
    ),
    ScenarioCard(
        "anomaly",
        "Flag unusual readings from factory sensors when nobody has labelled any failures.",
        "unsupervised",
        "No failure labels: the model learns what normal looks like and flags what is far from it.",
    ),
    ScenarioCard(
        "fraud",
        "Score card payments for fraud, trained on transactions that investigators marked "
        "as fraud or genuine.",
        "supervised",
        "Investigators' verdicts are labels: each past payment has a known answer.",
    ),
    ScenarioCard(
        "image_labels",
        "Recognise the product in a photo, trained on 50,000 photos tagged by people.",
        "supervised",
        "People tagged each photo, so every input comes with its correct output.",
    ),
    ScenarioCard(
        "recommendation_policy",
        "Choose which article to show next so that readers stay longer, learning from how "
        "they react to what was shown.",
        "reinforcement",
        "Each choice is an action and the reader's reaction is the reward; the model learns a "
        "policy by trying.",
    ),
    ScenarioCard(
        "demand",
        "Forecast tomorrow's sales per store from three years of daily sales.",
        "supervised",
        "Past days give input/answer pairs: yesterday's features and the sales that followed.",
    ),
    ScenarioCard(
        "masked_images",
        "Pretrain an image model by hiding patches of photos and asking it to fill them in.",
        "self-supervised",
        "The hidden patch is the label, and it comes from the photo itself; nobody annotated it.",
    ),
    ScenarioCard(
        "topics",
        "Discover the main topics in 100,000 support tickets that nobody has categorised.",
        "unsupervised",
        "No categories exist yet; the model finds groups of words that occur together.",
    ),
    ScenarioCard(
        "robot_arm",
        "Train a warehouse robot arm to pick up boxes, rewarding each successful grasp.",
        "reinforcement",
        "Success or failure after a sequence of moves is the reward; no one labels each move.",
    ),
)


def grade_card(card: ScenarioCard, answer: str | None) -> bool | None:
    """Whether ``answer`` is right for ``card``; None when not answered yet."""
    if answer is None:
        return None
    return answer == card.paradigm


def paradigm_score(answers: Mapping[str, str | None]) -> tuple[int, int]:
    """Correct and answered counts over the cards, from a ``{card key: answer}`` mapping."""
    graded = [grade_card(card, answers.get(card.key)) for card in CARDS]
    answered = [g for g in graded if g is not None]
    return sum(answered), len(answered)


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
    )


# --------------------------------------------------------------------------------------
# Metrics (the shared vocabulary), computed with scikit-learn
# --------------------------------------------------------------------------------------

RANKING_K = 10


def metric_name(metric: str) -> str:
    """The registry's name, with this lesson's ranking cut-off filled in."""
    return scoring.metric(metric).name.replace("@k", f"@{RANKING_K}")


def higher_is_better(metric: str) -> bool:
    return scoring.metric(metric).greater_is_better


@dataclass(frozen=True)
class Predictions:
    """What a model or a baseline said about the held-out rows.

    Attributes
    ----------
    labels : numpy.ndarray
        Predicted classes (classification, encoded as ``0..n_classes-1``) or numbers.
    scores : numpy.ndarray or None
        Classification: probability of each class, shape (n, n_classes). None for
        regression.
    """

    labels: np.ndarray
    scores: np.ndarray | None = None


def score(
    metric: str,
    y_true: np.ndarray,
    predictions: Predictions,
    *,
    quantile: float = 0.5,
    groups: np.ndarray | None = None,
) -> float:
    """Score predictions with one of ``lessons.scoring.REGISTRY``'s keys.

    Classification targets are encoded as ``0..n_classes-1``; for binary, class 1 is the
    positive class. ``quantile`` is used by ``"pinball"``, ``groups`` (query ids) by
    ``"ndcg_at_k"``.
    """
    labels, scores = predictions.labels, predictions.scores
    binary = scores is not None and scores.shape[1] == 2
    if metric == "accuracy":
        return float(skm.accuracy_score(y_true, labels))
    if metric in ("f1", "precision", "recall"):
        average = "binary" if binary else "macro"
        scorer = {"f1": skm.f1_score, "precision": skm.precision_score, "recall": skm.recall_score}
        return float(scorer[metric](y_true, labels, average=average, zero_division=0))
    if metric in ("roc_auc", "pr_auc", "log_loss"):
        if scores is None:
            raise DataError(f"{metric_name(metric)} needs predicted probabilities.")
        if metric == "log_loss":
            return float(skm.log_loss(y_true, scores, labels=np.arange(scores.shape[1])))
        if not binary:
            raise DataError(f"{metric_name(metric)} is defined here for two classes only.")
        if len(np.unique(y_true)) < 2:
            return float("nan")
        if metric == "roc_auc":
            return float(skm.roc_auc_score(y_true, scores[:, 1]))
        return float(skm.average_precision_score(y_true, scores[:, 1]))
    if metric == "rmse":
        return float(skm.root_mean_squared_error(y_true, labels))
    if metric == "mae":
        return float(skm.mean_absolute_error(y_true, labels))
    if metric == "r2":
        return float(skm.r2_score(y_true, labels))
    if metric == "mape":
        return float(skm.mean_absolute_percentage_error(y_true, labels))
    if metric == "pinball":
        return float(skm.mean_pinball_loss(y_true, labels, alpha=quantile))
    if metric == "ndcg_at_k":
        return _mean_ndcg(y_true, labels, groups)
    raise DataError(f"Unknown metric {metric!r}.")


def _mean_ndcg(y_true: np.ndarray, y_score: np.ndarray, groups: np.ndarray | None) -> float:
    if groups is None:
        raise DataError("NDCG@10 needs the query of each row.")
    values = []
    for group in pd.unique(groups):
        rows = groups == group
        if rows.sum() < 2 or np.all(y_true[rows] == 0):
            continue
        values.append(skm.ndcg_score(y_true[rows][None, :], y_score[rows][None, :], k=RANKING_K))
    return float(np.mean(values)) if values else float("nan")


def format_score(metric: str, value: float | None) -> str:
    """A score as a person reads it: percentages for rates, plain numbers for errors."""
    if value is None or not np.isfinite(value):
        return "n/a"
    if metric in ("accuracy", "precision", "recall", "mape"):
        return f"{value:.1%}"
    if higher_is_better(metric) or metric == "log_loss":
        return f"{value:.3f}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"


# --------------------------------------------------------------------------------------
# Question 4: the cost of being wrong
# --------------------------------------------------------------------------------------


# The cost of one error, in the learner's unit, on every page that asks for it (/frame, /metrics):
# whole numbers, a false alarm and a miss each between 1 and 100 (a 100:1 asymmetry at most).
COST_RANGE = (1, 100)


@dataclass(frozen=True)
class Costs:
    """The cost of each kind of error, in any unit the learner likes (euros, hours).

    Attributes
    ----------
    false_positive, false_negative : float
        Classification: a false alarm, a miss.
    under, over : float
        Regression: predicting one unit too low, one unit too high.
    """

    false_positive: float = 1.0
    false_negative: float = 1.0
    under: float = 1.0
    over: float = 1.0

    @property
    def quantile(self) -> float:
        """The cost-optimal quantile to predict: under / (under + over)."""
        return self.under / (self.under + self.over)


@dataclass(frozen=True)
class MetricSuggestion:
    """The metric that matches the cost shape, and why.

    Attributes
    ----------
    metric : str
        A key of ``lessons.scoring.REGISTRY``.
    reason : str
    quantile : float
        The quantile for ``"pinball"`` (0.5 otherwise).
    """

    metric: str
    reason: str
    quantile: float = 0.5

    @property
    def name(self) -> str:
        name = metric_name(self.metric)
        return f"{name} at the {self.quantile:.0%} quantile" if self.metric == "pinball" else name


_ASYMMETRY = 2.0
_RARE_SHARE = 0.2


def suggest_metric(
    task: str,
    y_train: np.ndarray,
    costs: Costs,
    *,
    problem: str = "regression",
) -> MetricSuggestion:
    """Turn the cost shape into a metric.

    Classification: a miss that costs at least twice a false alarm asks for recall, the
    reverse for precision; similar costs on a rare class ask for PR AUC, otherwise
    accuracy. Regression: lopsided costs ask for the pinball loss at the cost-optimal
    quantile; otherwise MAPE for forecasts of positive amounts, MAE when outliers would
    dominate squared errors, RMSE when they would not. Ranking asks for NDCG@10.

    Parameters
    ----------
    task : {"binary", "multiclass", "regression"}
    y_train : numpy.ndarray
        Training targets (encoded classes for classification).
    costs : Costs
    problem : str
        The dataset's problem; ``"ranking"`` and ``"forecasting"`` change the regression
        suggestion.
    """
    if task == "binary":
        ratio = costs.false_negative / costs.false_positive
        share = float(np.mean(y_train == 1))
        if ratio >= _ASYMMETRY:
            return MetricSuggestion(
                "recall",
                f"a miss costs {ratio:.3g}× a false alarm: count how many positives you catch, "
                "and let the cost-optimal threshold keep false alarms in check",
            )
        if ratio <= 1 / _ASYMMETRY:
            return MetricSuggestion(
                "precision",
                f"a false alarm costs {1 / ratio:.3g}× a miss: make sure what you flag is right",
            )
        if min(share, 1 - share) < _RARE_SHARE:
            return MetricSuggestion(
                "pr_auc",
                f"errors cost about the same but only {min(share, 1 - share):.1%} of rows are "
                "in the rare class: accuracy would reward predicting the common class for all",
            )
        return MetricSuggestion(
            "accuracy", "errors cost about the same and the classes are balanced"
        )
    if task == "multiclass":
        shares = pd.Series(y_train).value_counts(normalize=True)
        if shares.min() < _RARE_SHARE / 2 or shares.max() / shares.min() >= 3:
            return MetricSuggestion(
                "f1",
                f"the smallest class is {shares.min():.1%} of rows: macro-F1 weighs every "
                "class equally, so a rare class cannot be ignored",
            )
        return MetricSuggestion("accuracy", "the classes are of similar size")
    if problem == "ranking":
        return MetricSuggestion(
            "ndcg_at_k",
            "the decision is the order of results per query: NDCG@10 rewards putting the "
            "most relevant ones on top, whatever the absolute scores",
        )
    ratio = costs.under / costs.over
    if ratio >= 1.5 or ratio <= 1 / 1.5:
        side = "too low" if ratio > 1 else "too high"
        return MetricSuggestion(
            "pinball",
            f"predicting {side} costs {max(ratio, 1 / ratio):.3g}× the other way: the "
            f"cost-optimal forecast is the {costs.quantile:.0%} quantile, and the pinball loss "
            "scores exactly that",
            quantile=costs.quantile,
        )
    if problem == "forecasting" and np.all(y_train > 0):
        return MetricSuggestion(
            "mape",
            "a forecast of positive amounts with symmetric costs: the error as a share of "
            "the actual value reads the same for a small store and a big one",
        )
    if _has_outliers(y_train):
        return MetricSuggestion(
            "mae",
            "symmetric costs and a few extreme targets: squared errors would let those few "
            "rows dominate, absolute errors do not",
        )
    return MetricSuggestion(
        "rmse", "symmetric costs and no extreme targets: RMSE punishes big misses most"
    )


def _has_outliers(values: np.ndarray) -> bool:
    q1, q3 = np.percentile(values, [25, 75])
    spread = q3 - q1
    if spread == 0:
        return False
    far = (values < q1 - 3 * spread) | (values > q3 + 3 * spread)
    return bool(np.mean(far) > 0.002)


# Finer steps below 0.1: with a rare positive class the cheapest threshold is often tiny.
THRESHOLDS: np.ndarray = np.unique(
    np.round(np.concatenate([np.linspace(0.0, 0.1, 101), np.linspace(0.1, 1.0, 91)]), 3)
)


def format_threshold(threshold: float) -> str:
    """A threshold with as many decimals as the grid has there: 0.5, 0.25, 0.007."""
    return f"{threshold:.3f}".rstrip("0").rstrip(".") or "0"


@dataclass(frozen=True)
class ThresholdChoice:
    """The cost-optimal threshold and the curve it was read from.

    Attributes
    ----------
    threshold : float
        Flag a row as positive when its probability is at least this.
    cost : float
        Expected cost per row at that threshold.
    thresholds, costs : numpy.ndarray
        The whole curve (expected cost per row at each threshold).
    theory : float
        The threshold a perfectly calibrated model would need: c_FP / (c_FP + c_FN).
    """

    threshold: float
    cost: float
    thresholds: np.ndarray
    costs: np.ndarray
    theory: float


def expected_costs(
    y_true: np.ndarray,
    probability: np.ndarray,
    cost_fp: float,
    cost_fn: float,
    thresholds: np.ndarray = THRESHOLDS,
) -> np.ndarray:
    """Mean cost per row when flagging ``probability >= t``, for each threshold ``t``."""
    y_true = np.asarray(y_true).astype(bool)
    flagged = np.asarray(probability)[None, :] >= np.asarray(thresholds)[:, None]
    false_pos = (flagged & ~y_true[None, :]).sum(axis=1)
    false_neg = (~flagged & y_true[None, :]).sum(axis=1)
    return (cost_fp * false_pos + cost_fn * false_neg) / len(y_true)


def optimal_threshold(
    y_true: np.ndarray,
    probability: np.ndarray,
    cost_fp: float,
    cost_fn: float,
    thresholds: np.ndarray = THRESHOLDS,
) -> ThresholdChoice:
    """The threshold with the lowest expected cost on these rows (the lowest one on ties)."""
    curve = expected_costs(y_true, probability, cost_fp, cost_fn, thresholds)
    best = int(np.argmin(curve))
    return ThresholdChoice(
        threshold=float(thresholds[best]),
        cost=float(curve[best]),
        thresholds=np.asarray(thresholds),
        costs=curve,
        theory=cost_fp / (cost_fp + cost_fn),
    )


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
        The group of each validation row (used by ranking metrics).
    candidates : tuple of Candidate
        Baselines first, the quick model last.
    split : str
        The split strategy used; ``split_reason`` says why.
    n_train, n_valid, dropped_rows : int
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
    split: str
    split_reason: str
    n_train: int
    n_valid: int
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
    """Fit the baselines and the quick model on train; predict the validation rows.

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
    if len(buckets.train) == 0 or len(buckets.validation) == 0:
        raise DataError("Too few rows to hold some out for validation; add rows.")
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
        split=buckets.strategy,
        split_reason=buckets.reason,
        n_train=len(buckets.train),
        n_valid=len(buckets.validation),
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


# --------------------------------------------------------------------------------------
# Scoring the candidates, the verdict
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scored:
    """A candidate's held-out score under the chosen metric."""

    name: str
    how: str
    score: float
    is_model: bool


@dataclass(frozen=True)
class Verdict:
    """Is the model earning its keep against the best baseline?

    Attributes
    ----------
    earns_keep : bool
    best_baseline : Scored
    model : Scored
    text : str
        One sentence with the numbers.
    """

    earns_keep: bool
    best_baseline: Scored
    model: Scored
    text: str


def score_candidates(
    held_out: FrameEvaluation, suggestion: MetricSuggestion, threshold: float | None = None
) -> list[Scored]:
    """Every candidate's validation score under the suggested metric.

    For binary thresholded metrics (accuracy, F1, precision, recall) the quick model flags
    rows whose probability is at least ``threshold`` (0.5 when None).
    """
    out = []
    for candidate in held_out.candidates:
        predictions = candidate.predictions
        if (
            candidate.is_model
            and held_out.task == "binary"
            and threshold is not None
            and scoring.metric(suggestion.metric).thresholded
        ):
            flagged = (predictions.scores[:, 1] >= threshold).astype(int)
            predictions = Predictions(flagged, predictions.scores)
        value = score(
            suggestion.metric,
            held_out.y_valid,
            predictions,
            quantile=suggestion.quantile,
            groups=held_out.groups_valid,
        )
        out.append(Scored(candidate.name, candidate.how, value, candidate.is_model))
    return out


def verdict(scored: Sequence[Scored], metric: str) -> Verdict:
    """Compare the quick model with the best baseline under ``metric``."""
    higher = higher_is_better(metric)
    baselines = [s for s in scored if not s.is_model and np.isfinite(s.score)]
    model = next(s for s in scored if s.is_model)
    if not baselines or not np.isfinite(model.score):
        return Verdict(
            False,
            model,
            model,
            "The score is undefined on these rows (a single class in validation).",
        )
    best = (
        max(baselines, key=lambda s: s.score) if higher else min(baselines, key=lambda s: s.score)
    )
    name = metric_name(metric)
    shown_model, shown_base = format_score(metric, model.score), format_score(metric, best.score)
    if higher:
        gain = model.score - best.score
        earns = gain > 0.01
        amount = (
            f"{gain:+.3f}"
            if metric not in ("accuracy", "precision", "recall")
            else f"{gain * 100:+.1f} points"
        )
    else:
        gain = best.score - model.score
        relative = gain / best.score if best.score else 0.0
        earns = relative > 0.02
        amount = f"{relative:.0%} lower error"
    if earns:
        text = (
            f"The quick model earns its keep: {name} {shown_model} against {shown_base} for "
            f"the best baseline ({best.name}), {amount}."
        )
    else:
        text = (
            f"The quick model does not beat the bar: {name} {shown_model} against {shown_base} "
            f"for the {best.name} baseline. Ship the baseline, or find better features."
        )
    return Verdict(earns, best, model, text)


@dataclass(frozen=True)
class CostComparison:
    """Expected cost per 1,000 validation rows: the model at its threshold vs doing nothing."""

    model: float
    flag_none: float
    flag_all: float

    @property
    def best_rule(self) -> tuple[str, float]:
        return min(
            (("flag nobody", self.flag_none), ("flag everybody", self.flag_all)), key=lambda p: p[1]
        )


def cost_comparison(y_valid: np.ndarray, choice: ThresholdChoice, costs: Costs) -> CostComparison:
    """The model's cost at its optimal threshold against the two constant rules."""
    positives = float(np.mean(y_valid == 1))
    return CostComparison(
        model=1000 * choice.cost,
        flag_none=1000 * positives * costs.false_negative,
        flag_all=1000 * (1 - positives) * costs.false_positive,
    )


# --------------------------------------------------------------------------------------
# Question 6: the spec
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FramingSpec:
    """The learner's answers, ready to be written down.

    Attributes mirror the spec's sections; ``created`` is the date it was written.
    """

    dataset: str
    decision: str
    paradigm: str
    target: str
    task: str
    cost_shape: str
    metric: str
    metric_reason: str
    threshold: float | None
    baseline_name: str
    baseline_score: str
    model_name: str
    model_score: str
    verdict: str
    time_column: str | None
    split_plan: str
    created: date


def render_spec(spec: FramingSpec) -> str:
    """The framing spec as a Markdown document."""
    decision = (
        spec.decision.strip()
        or "_Not stated yet: without a decision this is a demo, not a product._"
    )
    threshold = (
        "not applicable"
        if spec.threshold is None
        else f"{format_threshold(spec.threshold)} (cost-optimal on validation)"
    )
    lines = [
        f"# Framing spec: {spec.dataset}",
        "",
        f"Written {spec.created.isoformat()} with ML Spine.",
        "",
        "## 1. Decision",
        decision,
        "",
        "## 2. Paradigm",
        spec.paradigm,
        "",
        "## 3. Target and task",
        f"- Target column: `{spec.target}`",
        f"- Task: {TASK_NAMES.get(spec.task, spec.task)}",
        "",
        "## 4. Cost of being wrong",
        f"- Cost shape: {spec.cost_shape}",
        f"- Metric: {spec.metric} ({spec.metric_reason})",
        f"- Decision threshold: {threshold}",
        "",
        "## 5. Baseline to beat",
        f"- Baseline: {spec.baseline_name}, score {spec.baseline_score}",
        f"- The challenger: {spec.model_name}, score {spec.model_score}",
        f"- Verdict: {spec.verdict}",
        "",
        "## Data and split plan",
        f"- Time column: {f'`{spec.time_column}`' if spec.time_column else 'none'}",
        f"- Split: {spec.split_plan}",
        "",
        "## Revisit",
        "Weeks from now, check the target against what the decision really needed.",
        "",
    ]
    return "\n".join(lines)
