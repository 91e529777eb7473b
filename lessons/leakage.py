"""The leakage lab: each leak as a pure function of its settings and seed.

Every scenario fits the same kind of model twice on the same rows, once through the leaky
pipeline and once through the corrected one, and returns three scores in a ``LeakScores``:

- ``leaky``: what the leaky pipeline reports on its own validation rows;
- ``honest``: what the corrected pipeline reports on the same validation rows;
- ``production``: what the leaky model really scores on rows it never saw (a later time
  slice, entities it never met, or fresh rows from the same generator), with every feature
  computed the way it would be at prediction time.

``production - leaky`` is the lie. Scores are "higher is better" (ROC AUC, accuracy, R²) so
one scoreboard can hold every scenario.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.stats import rankdata
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (
    RandomForestRegressor,
)
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import (
    GroupShuffleSplit,
    ShuffleSplit,
    StratifiedKFold,
    train_test_split,
)
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import TargetEncoder
from sklearn.tree import DecisionTreeClassifier

from lessons import datasets, scoring
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.models import check_params, make_estimator
from lessons.splits import make_buckets

FRESH_SEED_OFFSET = 1000
"""Fresh "production" data comes from the same generator with ``seed + FRESH_SEED_OFFSET``."""

METRIC_LABELS = {"roc_auc": "ROC AUC", "accuracy": "accuracy", "r2": "R²"}


@dataclass(frozen=True)
class LeakScores:
    """The three numbers of one scenario run, and what they mean.

    Attributes
    ----------
    scenario : str
        Key of ``SCENARIOS``.
    dataset : str
        The data the scenario ran on.
    metric : {"roc_auc", "accuracy", "r2"}
        Higher is better for all three.
    leaky : float
        The validation score the leaky pipeline reports.
    honest : float
        The validation score of the corrected pipeline, on the same validation rows.
    production : float
        The leaky model's score on data it truly never saw.
    honest_production : float
        The corrected model's score on the same production data.
    split : str
        How validation rows were chosen.
    model : str
        The model both pipelines fit.
    gap_meaning : str
        What the gap between leaky and honest stands for in this scenario.
    settings : tuple of (str, object)
        The settings the scores were computed with, sorted by name.
    """

    scenario: str
    dataset: str
    metric: str
    leaky: float
    honest: float
    production: float
    honest_production: float
    split: str
    model: str
    gap_meaning: str
    settings: tuple[tuple[str, object], ...] = ()

    @property
    def metric_label(self) -> str:
        return METRIC_LABELS[self.metric]

    @property
    def inflation(self) -> float:
        """How much the leak adds to the reported score: leaky minus honest."""
        return self.leaky - self.honest

    @property
    def lie(self) -> float:
        """How far the reported score is above what production delivers."""
        return self.leaky - self.production


@dataclass(frozen=True)
class Scenario:
    """A leak the lab can switch on and off.

    Attributes
    ----------
    key : str
        snake_case name used in the URL (``?scenario=post_outcome``).
    family : int
        The issue's numbering: 1 preprocessing, 2 time, 3 post-outcome, 4 tuning, 5 entities.
    title : str
    leak : str
        What the leaky pipeline does, in one line.
    fix : str
        What the corrected pipeline does instead.
    demo_dataset : str
        The built-in dataset the scenario runs on by default.
    needs : str or None
        ``"time"``, ``"group"`` or ``"post_outcome"`` when the scenario can also run on any
        dataset with such a column; None when it runs only on its own demo data.
    """

    key: str
    family: int
    title: str
    leak: str
    fix: str
    demo_dataset: str
    needs: str | None = None


SCENARIOS: dict[str, Scenario] = {
    s.key: s
    for s in (
        Scenario(
            "preprocessing_scaler",
            1,
            "Scaler and imputer fitted on all rows",
            "fit the imputer and the scaler on every row, then split",
            "put them inside a Pipeline fitted on training rows only",
            "house_prices",
        ),
        Scenario(
            "feature_selection",
            1,
            "Feature selection on all rows",
            "pick the k features most related to the target using every row, then split",
            "put SelectKBest inside the Pipeline so it only sees training rows",
            "pure noise",
        ),
        Scenario(
            "target_encoding",
            1,
            "Target encoding before the split",
            "replace a high-cardinality code by its mean target computed on every row",
            "put a cross-fitted TargetEncoder inside the Pipeline",
            "churn",
        ),
        Scenario(
            "random_vs_time",
            2,
            "Shuffled split on time-ordered rows",
            "shuffle the rows, so the model trains on the future of its validation rows",
            "train on the past, validate on the period after it",
            "churn",
            needs="time",
        ),
        Scenario(
            "centred_window",
            2,
            "Rolling feature with a centred window",
            "average sales over a window centred on the day, which includes the days after it",
            "average over a trailing window that ends the day before",
            "store_demand",
        ),
        Scenario(
            "post_outcome",
            3,
            "A field known only after the outcome",
            "train with a column that is filled in after the customer cancels",
            "drop every column that does not exist yet at prediction time",
            "churn",
            needs="post_outcome",
        ),
        Scenario(
            "test_tuning",
            4,
            "Tuning on the test set",
            "try N configurations and keep the one with the best test score",
            "pick on validation, then read the test score once",
            "churn",
        ),
        Scenario(
            "entity_overlap",
            5,
            "The same customer on both sides",
            "split rows at random, so one customer's months land in train and validation",
            "split by customer (GroupShuffleSplit): each one lands on one side only",
            "churn",
            needs="group",
        ),
        Scenario(
            "duplicates",
            5,
            "Exact duplicate rows",
            "split a table in which a join duplicated rows, so copies sit on both sides",
            "drop exact duplicates before splitting",
            "house_prices",
        ),
    )
}

SCENARIO_KEYS: tuple[str, ...] = tuple(SCENARIOS)
"""URL names of the scenarios, in teaching order."""


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


# 1. Preprocessing fitted before the split ---------------------------------------------------


def preprocessing_scaler(*, random_state: int = 0) -> LeakScores:
    """Fit the imputer and scaler on every row before the split, or inside the Pipeline.

    A ridge regression of the log house price, whose penalty depends on the scale of the
    features: the kind of model where scaling matters at all. The leaked statistics (means
    and standard deviations, computed with validation rows included) barely differ from
    the training ones, so the score hardly moves: a real leak, and a small one.
    """
    dataset = datasets.load("house_prices", random_state)
    fresh = datasets.load("house_prices", random_state + FRESH_SEED_OFFSET)
    X, y = model_frame(dataset), np.log(dataset.y)
    X_fresh, y_fresh = model_frame(fresh), np.log(fresh.y)
    buckets = make_buckets(dataset, None, random_state=random_state)
    train, validation = buckets.train, buckets.validation

    everything = TablePreprocessor().fit(X)
    leaky_model = Ridge(alpha=10.0).fit(everything.transform(X.iloc[train]), y.iloc[train])
    leaky = r2_score(
        y.iloc[validation], leaky_model.predict(everything.transform(X.iloc[validation]))
    )
    production = r2_score(y_fresh, leaky_model.predict(everything.transform(X_fresh)))

    honest_model = Pipeline(
        [("preprocess", TablePreprocessor()), ("model", Ridge(alpha=10.0))]
    ).fit(X.iloc[train], y.iloc[train])
    return LeakScores(
        scenario="preprocessing_scaler",
        dataset="house_prices (log price)",
        metric="r2",
        leaky=float(leaky),
        honest=score("r2", honest_model, X.iloc[validation], y.iloc[validation]),
        production=float(production),
        honest_production=score("r2", honest_model, X_fresh, y_fresh),
        split=buckets.strategy,
        model="ridge",
        gap_meaning="what the validation rows' means and spreads added to the imputer and scaler",
    )


def noise_table(
    n_samples: int, n_features: int, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pure noise: standard normal features and a coin-flip target, unrelated by design."""
    rng = np.random.default_rng(random_state)
    return rng.standard_normal((n_samples, n_features)), rng.integers(0, 2, n_samples)


def feature_selection(
    n_noise: int = 10_000,
    k: int = 25,
    *,
    n_samples: int = 200,
    n_repeats: int = 3,
    random_state: int = 0,
) -> LeakScores:
    """``SelectKBest`` on every row of pure noise, against the same step inside a Pipeline.

    The target is a coin flip and the features are noise, so any honest score is about
    0.5. Selecting the k columns that best match the target over all rows, validation rows
    included, finds columns that happen to agree with those very rows. The scores are
    means over ``n_repeats`` shuffled 75/25 splits, to steady a 50-row validation set.
    Production rows are fresh noise; only the selected columns need drawing, since every
    column comes from the same distribution.
    """
    if not 1 <= k <= n_noise:
        raise DataError(f"k must be between 1 and the number of noise features ({n_noise}).")
    X, y = noise_table(n_samples, n_noise, random_state)
    X_fresh, y_fresh = noise_table(1000, k, random_state + FRESH_SEED_OFFSET)
    selected = SelectKBest(f_classif, k=k).fit(X, y).get_support(indices=True)
    splitter = ShuffleSplit(n_splits=n_repeats, test_size=0.25, random_state=random_state)
    leaky, honest, production, honest_production = [], [], [], []
    for train, validation in splitter.split(X):
        model = LogisticRegression(C=1.0).fit(X[train][:, selected], y[train])
        leaky.append(accuracy_score(y[validation], model.predict(X[validation][:, selected])))
        production.append(accuracy_score(y_fresh, model.predict(X_fresh)))
        pipeline = make_pipeline(SelectKBest(f_classif, k=k), LogisticRegression(C=1.0))
        pipeline.fit(X[train], y[train])
        honest.append(accuracy_score(y[validation], pipeline.predict(X[validation])))
        # The honest pipeline picks its own columns; fresh noise for them is just as random.
        honest_production.append(accuracy_score(y_fresh, pipeline[-1].predict(X_fresh)))
    return LeakScores(
        scenario="feature_selection",
        dataset="pure noise",
        metric="accuracy",
        leaky=float(np.mean(leaky)),
        honest=float(np.mean(honest)),
        production=float(np.mean(production)),
        honest_production=float(np.mean(honest_production)),
        split=f"{n_repeats} shuffled 75/25 splits of {n_samples} rows",
        model="logistic_regression",
        gap_meaning="columns of pure noise picked because they matched the validation rows",
        settings=(("k", k), ("n_noise", n_noise)),
    )


def _with_noise_code(X: pd.DataFrame, n_levels: int, random_state: int) -> pd.DataFrame:
    codes = np.random.default_rng(random_state).integers(0, n_levels, len(X))
    return X.assign(postcode=pd.Series([f"P{c:05d}" for c in codes], index=X.index, dtype=object))


def _encoded_trees(random_state: int, cv) -> Pipeline:
    encode = ColumnTransformer(
        [("postcode", TargetEncoder(cv=cv), ["postcode"])], remainder=tree_preprocessor()
    )
    return Pipeline([("encode", encode), ("model", boosted_trees("binary", random_state)[-1])])


def target_encoding(n_levels: int = 3000, *, random_state: int = 0) -> LeakScores:
    """Target-encode a noise ``postcode`` with the mean churn of every row, or cross-fitted.

    The postcode is drawn at random, so it carries no signal. With thousands of codes,
    each holds a handful of rows, and a code's mean target computed over all rows contains
    each row's own label: the encoded column *is* the answer, on validation rows too.
    Inside the Pipeline, ``TargetEncoder`` learns from training rows only and cross-fits,
    so a row never sees its own label.
    """
    dataset = datasets.load("churn", random_state)
    fresh = datasets.load("churn", random_state + FRESH_SEED_OFFSET)
    X = _with_noise_code(model_frame(dataset), n_levels, random_state)
    # Production: the same later months, for customers of a fresh draw of the generator.
    later = make_buckets(fresh, None, random_state=random_state).test
    X_fresh = _with_noise_code(model_frame(fresh), n_levels, random_state + 1).iloc[later]
    y, y_fresh = dataset.y, fresh.y.iloc[later]
    buckets = make_buckets(dataset, None, random_state=random_state)
    train, validation = buckets.train, buckets.validation
    cv = StratifiedKFold(5, shuffle=True, random_state=random_state)

    # The leak: ``fit`` then ``transform`` on all rows, so every code's mean holds its own rows.
    encoder = TargetEncoder(cv=cv).fit(X[["postcode"]], y)
    leaked = X.assign(postcode=encoder.transform(X[["postcode"]])[:, 0])
    leaked_fresh = X_fresh.assign(postcode=encoder.transform(X_fresh[["postcode"]])[:, 0])
    trees = boosted_trees("binary", random_state).fit(leaked.iloc[train], y.iloc[train])

    honest_model = _encoded_trees(random_state, cv).fit(X.iloc[train], y.iloc[train])
    return LeakScores(
        scenario="target_encoding",
        dataset="churn",
        metric="roc_auc",
        leaky=score("roc_auc", trees, leaked.iloc[validation], y.iloc[validation]),
        honest=score("roc_auc", honest_model, X.iloc[validation], y.iloc[validation]),
        production=score("roc_auc", trees, leaked_fresh, y_fresh),
        honest_production=score("roc_auc", honest_model, X_fresh, y_fresh),
        split=buckets.strategy,
        model="hist_gradient_boosting",
        gap_meaning="each validation row's own label, smuggled in through its postcode's mean",
        settings=(("n_levels", n_levels),),
    )


# 2. The future predicts the past -----------------------------------------------------------


def random_vs_time(dataset: Dataset, *, random_state: int = 0) -> LeakScores:
    """A shuffled split against a time split of the same time-ordered rows.

    The last fifth of the timeline is production. The first four fifths are split in
    two with the same sizes: at random (leaky) or past against future (honest).

    Raises
    ------
    DataError
        If the dataset has no time column.
    """
    if not dataset.time_column:
        raise DataError(
            f"`{dataset.name}` has no time column, so there is no future to leak; this "
            "scenario needs rows ordered in time (a date or timestamp column)."
        )
    dataset = _checked(dataset)
    X, y = model_frame(dataset), dataset.y
    order = np.argsort(dataset.frame[dataset.time_column].to_numpy(), kind="stable")
    n = len(order)
    n_train, n_dev = round(0.6 * n), round(0.8 * n)
    train, validation, later = order[:n_train], order[n_train:n_dev], order[n_dev:]
    shuffled_train, shuffled_validation = train_test_split(
        order[:n_dev], test_size=n_dev - n_train, random_state=random_state
    )
    production = [(X.iloc[later], y.iloc[later])]
    leaky, (leaky_production,) = _fit_and_score(
        X, y, shuffled_train, shuffled_validation, production, dataset.task, random_state
    )
    honest, (honest_production,) = _fit_and_score(
        X, y, train, validation, production, dataset.task, random_state
    )
    return LeakScores(
        scenario="random_vs_time",
        dataset=dataset.name,
        metric=metric_for(dataset.task),
        leaky=leaky,
        honest=honest,
        production=leaky_production,
        honest_production=honest_production,
        split=f"by `{dataset.time_column}`: 60 % train, 20 % validation, last 20 % production",
        model="hist_gradient_boosting",
        gap_meaning="validation rows whose neighbours in time, before and after, were in training",
    )


def store_window_features(
    frame: pd.DataFrame, window: int, *, centred: bool, known_until_yesterday: bool = False
) -> pd.DataFrame:
    """Calendar features and a rolling mean of sales per store.

    Parameters
    ----------
    frame : DataFrame
        ``store_demand`` rows.
    window : int
        Days in the rolling window.
    centred : bool
        True: the window is centred on the day (it includes the day itself and the days
        after it). False: a trailing window that ends the day before.
    known_until_yesterday : bool
        Compute the centred feature as a production system must: the day itself and
        the days after it are not known yet, so only the past half of the window exists.
    """
    sales = frame.groupby("store_id")["sales"]
    if centred and not known_until_yesterday:
        rolling = sales.transform(lambda s: s.rolling(window, center=True, min_periods=1).mean())
    elif centred:
        rolling = sales.transform(lambda s: s.shift(1).rolling(window // 2, min_periods=1).mean())
    else:
        rolling = sales.transform(lambda s: s.shift(1).rolling(window, min_periods=1).mean())
    return pd.DataFrame(
        {
            "rolling_sales": rolling,
            "day_of_week": frame["date"].dt.day_of_week.astype(float),
            "month": frame["date"].dt.month.astype(float),
            "is_holiday": frame["is_holiday"].astype(float),
            "promo": frame["promo"].astype(float),
            "store": frame["store_id"].str[1:].astype(float),
        },
        index=frame.index,
    )


def centred_window(window: int = 7, *, random_state: int = 0) -> LeakScores:
    """A rolling mean of sales centred on the day against one that ends the day before.

    The centred window contains the day's own sales and the days after it, which nobody
    knows when the forecast is made. In production the same code can only average the days
    already recorded, so the feature the model learned to trust changes meaning.
    """
    if window < 2:
        raise DataError("The window must span at least two days.")
    dataset = datasets.load("store_demand", random_state)
    frame, y = dataset.frame, dataset.y
    buckets = make_buckets(dataset, None, random_state=random_state)
    train, validation, later = buckets.train, buckets.validation, buckets.test
    centred = store_window_features(frame, window, centred=True)
    centred_live = store_window_features(frame, window, centred=True, known_until_yesterday=True)
    trailing = store_window_features(frame, window, centred=False)

    def fit(X: pd.DataFrame):
        return boosted_trees("regression", random_state).fit(X.iloc[train], y.iloc[train])

    leaky_model, honest_model = fit(centred), fit(trailing)
    return LeakScores(
        scenario="centred_window",
        dataset="store_demand",
        metric="r2",
        leaky=score("r2", leaky_model, centred.iloc[validation], y.iloc[validation]),
        honest=score("r2", honest_model, trailing.iloc[validation], y.iloc[validation]),
        production=score("r2", leaky_model, centred_live.iloc[later], y.iloc[later]),
        honest_production=score("r2", honest_model, trailing.iloc[later], y.iloc[later]),
        split=buckets.strategy,
        model="hist_gradient_boosting",
        gap_meaning="the day's own sales and the days after it, hidden inside a rolling mean",
        settings=(("window", window),),
    )


# 3. A feature known only after the outcome ------------------------------------------------


def post_outcome(dataset: Dataset, *, random_state: int = 0) -> LeakScores:
    """Train with the post-outcome fields, or without them.

    Validation uses the dataset's honest default split, so the field is the only
    difference. In production (the later test bucket) the field is not filled in yet
    when the prediction is made, so it is missing on every row.

    Raises
    ------
    DataError
        If the dataset has no post-outcome column.
    """
    if not dataset.post_outcome_columns:
        raise DataError(
            f"`{dataset.name}` has no column marked as recorded after the outcome; this "
            "scenario needs one (the built-in churn data has `exit_survey_score`)."
        )
    dataset = _checked(dataset)
    columns = dataset.post_outcome_columns
    buckets = make_buckets(dataset, None, random_state=random_state)
    X_leaky = model_frame(dataset, include=columns)
    X_honest = model_frame(dataset)
    y = dataset.y
    later = buckets.test
    not_yet_known = X_leaky.iloc[later].assign(**dict.fromkeys(columns, np.nan))
    leaky, (production,) = _fit_and_score(
        X_leaky,
        y,
        buckets.train,
        buckets.validation,
        [(not_yet_known, y.iloc[later])],
        dataset.task,
        random_state,
    )
    honest, (honest_production,) = _fit_and_score(
        X_honest,
        y,
        buckets.train,
        buckets.validation,
        [(X_honest.iloc[later], y.iloc[later])],
        dataset.task,
        random_state,
    )
    return LeakScores(
        scenario="post_outcome",
        dataset=dataset.name,
        metric=metric_for(dataset.task),
        leaky=leaky,
        honest=honest,
        production=production,
        honest_production=honest_production,
        split=buckets.strategy,
        model="hist_gradient_boosting",
        gap_meaning=f"{', '.join(columns)}: written down after the outcome it is asked to predict",
    )


# 4. Tuning on the test set -----------------------------------------------------------------

N_CONFIGS_MAX = 100
_TUNING_REPEATS = 40
_TUNING_BUCKET = 200


@dataclass(frozen=True)
class TuningCurve:
    """How optimistic the chosen configuration's test score is, as N grows.

    Attributes
    ----------
    n_configs : tuple of int
    optimism_test : tuple of float
        Mean of (test score minus holdout score) of the configuration picked by its
        test score.
    optimism_validation : tuple of float
        The same when the configuration is picked on validation and the test set is read once.
    """

    n_configs: tuple[int, ...]
    optimism_test: tuple[float, ...]
    optimism_validation: tuple[float, ...]


@dataclass(frozen=True)
class _TuningScores:
    validation: np.ndarray = field(repr=False)  # (repeats, configs)
    test: np.ndarray = field(repr=False)  # (repeats, configs)
    holdout: np.ndarray = field(repr=False)  # (configs,)


def _auc_rows(y: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """ROC AUC of each row of ``scores`` (configs, rows) against the binary ``y``."""
    ranks = rankdata(scores, axis=-1)
    positives = y == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return (ranks[..., positives].sum(axis=-1) - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


@lru_cache(maxsize=4)
def _tuning_scores(random_state: int) -> _TuningScores:
    """Fit ``N_CONFIGS_MAX`` random decision-tree configurations once; score each everywhere.

    The churn customers are split in three: a quarter for training, a quarter as the fresh
    holdout (never used to pick anything), and the rest as a pool from which each repeat
    draws a validation and a test bucket of 200 rows.
    """
    dataset = datasets.load("churn", random_state)
    table = model_frame(dataset)
    y = dataset.y.to_numpy()
    customers = dataset.frame["customer_id"].to_numpy()
    train, rest = next(
        GroupShuffleSplit(1, train_size=0.25, random_state=random_state).split(
            table, groups=customers
        )
    )
    # Encoded once for the hundreds of trees below, learned on the training customers only.
    X = tree_preprocessor().fit(table.iloc[train]).transform(table).astype(np.float32)
    holdout_idx, pool_idx = next(
        GroupShuffleSplit(1, train_size=1 / 3, random_state=random_state).split(
            rest, groups=customers[rest]
        )
    )
    holdout, pool = rest[holdout_idx], rest[pool_idx]
    X_train, X_pool, X_holdout, y_holdout = X[train], X[pool], X[holdout], y[holdout]
    rng = np.random.default_rng(random_state)
    pool_scores, holdout_scores = [], []
    for _ in range(N_CONFIGS_MAX):
        tree = DecisionTreeClassifier(
            max_depth=int(rng.integers(2, 15)),
            min_samples_leaf=int(rng.integers(1, 60)),
            max_features=float(rng.uniform(0.3, 1.0)),
            random_state=int(rng.integers(0, 2**31 - 1)),
        ).fit(X_train, y[train])
        pool_scores.append(tree.predict_proba(X_pool)[:, 1])
        holdout_scores.append(tree.predict_proba(X_holdout)[:, 1])
    pool_scores_array = np.array(pool_scores)
    holdout_auc = _auc_rows(y_holdout, np.array(holdout_scores))
    validation, test = [], []
    for _ in range(_TUNING_REPEATS):
        drawn = rng.choice(len(pool), 2 * _TUNING_BUCKET, replace=False)
        val_rows, test_rows = drawn[:_TUNING_BUCKET], drawn[_TUNING_BUCKET:]
        validation.append(_auc_rows(y[pool][val_rows], pool_scores_array[:, val_rows]))
        test.append(_auc_rows(y[pool][test_rows], pool_scores_array[:, test_rows]))
    result = _TuningScores(np.array(validation), np.array(test), holdout_auc)
    for array in (result.validation, result.test, result.holdout):
        array.setflags(write=False)
    return result


def _picked(scores: _TuningScores, n_configs: int) -> tuple[np.ndarray, np.ndarray]:
    by_test = scores.test[:, :n_configs].argmax(axis=1)
    by_validation = scores.validation[:, :n_configs].argmax(axis=1)
    return by_test, by_validation


def tune_on_test_set(n_configs: int = 50, *, random_state: int = 0) -> LeakScores:
    """Keep the best of N configurations by test score, or by validation score.

    Each of 40 repeats draws a 200-row validation and a 200-row test bucket of unseen
    customers. Leaky: report the best test score among the first N configurations.
    Honest: pick on validation, report that configuration's test score. Production: the
    picked configuration's ROC AUC on a large holdout of customers that were never used.
    """
    if not 1 <= n_configs <= N_CONFIGS_MAX:
        raise DataError(f"N must be between 1 and {N_CONFIGS_MAX}.")
    scores = _tuning_scores(random_state)
    by_test, by_validation = _picked(scores, n_configs)
    rows = np.arange(len(by_test))
    return LeakScores(
        scenario="test_tuning",
        dataset="churn",
        metric="roc_auc",
        leaky=float(scores.test[rows, by_test].mean()),
        honest=float(scores.test[rows, by_validation].mean()),
        production=float(scores.holdout[by_test].mean()),
        honest_production=float(scores.holdout[by_validation].mean()),
        split=(
            f"{_TUNING_REPEATS} draws of {_TUNING_BUCKET}-row validation and test buckets "
            "of unseen customers"
        ),
        model="decision_tree",
        gap_meaning=f"luck: the configuration that happened to suit {_TUNING_BUCKET} test rows",
        settings=(("n_configs", n_configs),),
    )


def tuning_curve(
    n_values: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100), *, random_state: int = 0
) -> TuningCurve:
    """Optimism (test score minus holdout score of the pick) for each N, both ways of picking."""
    scores = _tuning_scores(random_state)
    rows = np.arange(scores.test.shape[0])
    optimism_test, optimism_validation = [], []
    for n in n_values:
        by_test, by_validation = _picked(scores, n)
        optimism_test.append(float((scores.test[rows, by_test] - scores.holdout[by_test]).mean()))
        optimism_validation.append(
            float((scores.test[rows, by_validation] - scores.holdout[by_validation]).mean())
        )
    return TuningCurve(tuple(n_values), tuple(optimism_test), tuple(optimism_validation))


# 5. The same entity on both sides ----------------------------------------------------------


def entity_overlap(dataset: Dataset, *, random_state: int = 0) -> LeakScores:
    """A random row split against a group split, with unseen entities as production.

    A fifth of the entities is set aside as production. The rest is split 75/25 either by
    row (the same entity on both sides) or by entity (``GroupShuffleSplit``).

    Raises
    ------
    DataError
        If the dataset has no entity column, or too few entities.
    """
    group = dataset.group_column
    if not group:
        raise DataError(
            f"`{dataset.name}` has no entity column (a customer, card or store that repeats "
            "across rows), so rows cannot share an entity across the split."
        )
    dataset = _checked(dataset)
    groups = dataset.frame[group].astype(str).to_numpy()
    if len(np.unique(groups)) < 5:
        raise DataError(
            f"`{group}` has fewer than 5 distinct values; a group split needs at least 5."
        )
    X, y = model_frame(dataset), dataset.y
    positions = np.arange(len(X))
    development, unseen = next(
        GroupShuffleSplit(1, test_size=0.2, random_state=random_state).split(
            positions, groups=groups
        )
    )
    row_train, row_validation = train_test_split(
        development, test_size=0.25, random_state=random_state
    )
    inner_train, inner_validation = next(
        GroupShuffleSplit(1, test_size=0.25, random_state=random_state).split(
            development, groups=groups[development]
        )
    )
    production = [(X.iloc[unseen], y.iloc[unseen])]
    leaky, (leaky_production,) = _fit_and_score(
        X, y, row_train, row_validation, production, dataset.task, random_state
    )
    honest, (honest_production,) = _fit_and_score(
        X,
        y,
        development[inner_train],
        development[inner_validation],
        production,
        dataset.task,
        random_state,
    )
    return LeakScores(
        scenario="entity_overlap",
        dataset=dataset.name,
        metric=metric_for(dataset.task),
        leaky=leaky,
        honest=honest,
        production=leaky_production,
        honest_production=honest_production,
        split=f"by `{group}`: a fifth of them held out as production",
        model="hist_gradient_boosting",
        gap_meaning=f"validation rows whose `{group}` the model had already met in training",
    )


def duplicates(duplicate_share: float = 0.3, *, random_state: int = 0) -> LeakScores:
    """Split a table where a fan-out join repeated rows, or deduplicate first.

    ``duplicate_share`` of the house sales are copied once more (a join that matched two
    rows). A random split then puts one copy in training and the other in validation,
    where a random forest, which remembers the rows it was fitted on, recognises the house
    it already priced. The target is the log price, so a few mansions do not dominate R².
    """
    if not 0.0 <= duplicate_share <= 1.0:
        raise DataError("The duplicate share must be between 0 and 1.")
    dataset = datasets.load("house_prices", random_state)
    fresh = datasets.load("house_prices", random_state + FRESH_SEED_OFFSET)
    copies = np.random.default_rng(random_state).random(dataset.n_rows) < duplicate_share
    frame = pd.concat([dataset.frame, dataset.frame[copies]], ignore_index=True)
    X = model_frame(replace(dataset, frame=frame))
    y = np.log(frame[dataset.target])
    X_fresh, y_fresh = model_frame(fresh), np.log(fresh.y)

    def forest(train: np.ndarray, validation: np.ndarray) -> tuple[float, float]:
        model = Pipeline(
            [
                ("preprocess", tree_preprocessor()),
                (
                    "model",
                    RandomForestRegressor(n_estimators=40, random_state=random_state, n_jobs=1),
                ),
            ]
        )
        model.fit(X.iloc[train], y.iloc[train])
        return score("r2", model, X.iloc[validation], y.iloc[validation]), score(
            "r2", model, X_fresh, y_fresh
        )

    rows = np.arange(len(frame))
    leaky, leaky_production = forest(
        *train_test_split(rows, test_size=0.25, random_state=random_state)
    )
    unique = np.flatnonzero(~frame.duplicated().to_numpy())
    honest, honest_production = forest(
        *train_test_split(unique, test_size=0.25, random_state=random_state)
    )
    return LeakScores(
        scenario="duplicates",
        dataset="house_prices (log price)",
        metric="r2",
        leaky=leaky,
        honest=honest,
        production=leaky_production,
        honest_production=honest_production,
        split="shuffled 75/25",
        model="random_forest",
        gap_meaning="validation houses that were copies of training houses",
        settings=(("duplicate_share", duplicate_share),),
    )


# One entry point for the page and the benchmark --------------------------------------------

DEFAULT_SETTINGS: dict[str, dict[str, object]] = {
    "feature_selection": {"n_noise": 10_000, "k": 25},
    "target_encoding": {"n_levels": 3000},
    "centred_window": {"window": 7},
    "test_tuning": {"n_configs": 50},
    "duplicates": {"duplicate_share": 0.3},
}


def applies_to(scenario: str, dataset: Dataset) -> bool:
    """Whether a scenario can run on this dataset (not only on its own demo data)."""
    needs = SCENARIOS[scenario].needs
    return (
        (needs == "time" and dataset.time_column is not None)
        or (needs == "group" and dataset.group_column is not None)
        or (needs == "post_outcome" and bool(dataset.post_outcome_columns))
    )


def run(
    scenario: str,
    settings: dict[str, object] | None = None,
    *,
    dataset: Dataset | None = None,
    random_state: int = 0,
) -> LeakScores:
    """Run one scenario by its URL name.

    Parameters
    ----------
    scenario : str
        A key of ``SCENARIOS``.
    settings : dict, optional
        The scenario's settings (see ``DEFAULT_SETTINGS``); missing ones take the default.
    dataset : Dataset, optional
        For the scenarios that apply to any dataset with a time, entity or post-outcome
        column; their demo dataset otherwise.
    random_state : int
    """
    if scenario not in SCENARIOS:
        raise DataError(
            f"There is no leakage scenario called {scenario!r}; pick one of: "
            f"{', '.join(SCENARIO_KEYS)}."
        )
    spec = SCENARIOS[scenario]
    options = {**DEFAULT_SETTINGS.get(scenario, {}), **(settings or {})}
    if spec.needs:
        data = dataset if dataset is not None else datasets.load(spec.demo_dataset, random_state)
        compute: Callable[..., LeakScores] = _BY_DATASET[scenario]
        return compute(data, random_state=random_state)
    return _BY_SETTINGS[scenario](**options, random_state=random_state)


_BY_DATASET: dict[str, Callable[..., LeakScores]] = {
    "random_vs_time": random_vs_time,
    "post_outcome": post_outcome,
    "entity_overlap": entity_overlap,
}
_BY_SETTINGS: dict[str, Callable[..., LeakScores]] = {
    "preprocessing_scaler": preprocessing_scaler,
    "feature_selection": feature_selection,
    "target_encoding": target_encoding,
    "centred_window": centred_window,
    "test_tuning": tune_on_test_set,
    "duplicates": duplicates,
}


# The code, leaky and honest, a few lines each ------------------------------------------------

CODE: dict[str, tuple[str, str]] = {
    "preprocessing_scaler": (
        """prep = make_pipeline(SimpleImputer(), StandardScaler())
X_all = prep.fit_transform(X)            # every row
X_tr, X_va, y_tr, y_va = train_test_split(X_all, y)
model = Ridge().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
        """prep = make_pipeline(SimpleImputer(), StandardScaler())
X_tr, X_va, y_tr, y_va = train_test_split(X, y)
model = make_pipeline(prep, Ridge())
model.fit(X_tr, y_tr)                    # training rows only
model.score(X_va, y_va)""",
    ),
    "feature_selection": (
        """X_top = SelectKBest(k=25).fit_transform(X, y)   # every row
X_tr, X_va, y_tr, y_va = train_test_split(X_top, y)
model = LogisticRegression().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
        """X_tr, X_va, y_tr, y_va = train_test_split(X, y)
model = make_pipeline(SelectKBest(k=25), LogisticRegression())
model.fit(X_tr, y_tr)                    # picks on training rows
model.score(X_va, y_va)""",
    ),
    "target_encoding": (
        """enc = TargetEncoder().fit(X[["postcode"]], y)   # every row
X["postcode"] = enc.transform(X[["postcode"]])
X_tr, X_va, y_tr, y_va = split(X, y)
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
        """X_tr, X_va, y_tr, y_va = split(X, y)
enc = make_column_transformer((TargetEncoder(), ["postcode"]), remainder="passthrough")
model = make_pipeline(enc, HistGradientBoostingClassifier())
model.fit(X_tr, y_tr)                    # cross-fitted on training rows
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
    ),
    "random_vs_time": (
        """X_tr, X_va, y_tr, y_va = train_test_split(
    X, y, test_size=0.25, shuffle=True)   # future rows in training
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
        """past = df["month"] < cutoff
X_tr, X_va, y_tr, y_va = X[past], X[~past], y[past], y[~past]
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
    ),
    "centred_window": (
        """sales = df.groupby("store_id")["sales"]
df["rolling"] = sales.transform(
    lambda s: s.rolling(7, center=True).mean())   # includes the future
model = HistGradientBoostingRegressor().fit(X_tr, y_tr)""",
        """sales = df.groupby("store_id")["sales"]
df["rolling"] = sales.transform(
    lambda s: s.shift(1).rolling(7).mean())       # ends yesterday
model = HistGradientBoostingRegressor().fit(X_tr, y_tr)""",
    ),
    "post_outcome": (
        """features = [*inputs, "exit_survey_score"]   # filled in after cancelling
model = HistGradientBoostingClassifier()
model.fit(train[features], train["churned"])
roc_auc_score(valid["churned"], model.predict_proba(valid[features])[:, 1])""",
        """features = [*inputs]                        # known at prediction time
model = HistGradientBoostingClassifier()
model.fit(train[features], train["churned"])
roc_auc_score(valid["churned"], model.predict_proba(valid[features])[:, 1])""",
    ),
    "test_tuning": (
        """fitted = [make_model(p).fit(X_tr, y_tr) for p in configs]
best = max(fitted, key=lambda m: auc(m, X_te, y_te))   # picks on test
report = auc(best, X_te, y_te)""",
        """fitted = [make_model(p).fit(X_tr, y_tr) for p in configs]
best = max(fitted, key=lambda m: auc(m, X_va, y_va))   # picks on validation
report = auc(best, X_te, y_te)                        # test read once""",
    ),
    "entity_overlap": (
        """X_tr, X_va, y_tr, y_va = train_test_split(X, y)   # rows at random
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
        """gss = GroupShuffleSplit(test_size=0.25)
tr, va = next(gss.split(X, y, groups=df["customer_id"]))
X_tr, X_va, y_tr, y_va = X.iloc[tr], X.iloc[va], y.iloc[tr], y.iloc[va]
model = HistGradientBoostingClassifier().fit(X_tr, y_tr)
roc_auc_score(y_va, model.predict_proba(X_va)[:, 1])""",
    ),
    "duplicates": (
        """df = orders.merge(listings, on="house_id")   # fans out: copies
X_tr, X_va, y_tr, y_va = train_test_split(df[inputs], df["price"])
model = RandomForestRegressor().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
        """df = orders.merge(listings, on="house_id").drop_duplicates()
X_tr, X_va, y_tr, y_va = train_test_split(df[inputs], df["price"])
model = RandomForestRegressor().fit(X_tr, y_tr)
model.score(X_va, y_va)""",
    ),
}


def code_diff(scenario: str) -> tuple[str, str]:
    """The leaky and the honest code as diff text: changed lines marked ``-`` and ``+``.

    Shown side by side with diff highlighting, the lines that differ stand out and the
    shared lines read as context.
    """
    leaky, honest = (text.splitlines() for text in CODE[scenario])
    matcher = difflib.SequenceMatcher(a=leaky, b=honest, autojunk=False)
    same_leaky: set[int] = set()
    same_honest: set[int] = set()
    for block in matcher.get_matching_blocks():
        same_leaky.update(range(block.a, block.a + block.size))
        same_honest.update(range(block.b, block.b + block.size))
    return (
        "\n".join(("  " if i in same_leaky else "- ") + line for i, line in enumerate(leaky)),
        "\n".join(("  " if i in same_honest else "+ ") + line for i, line in enumerate(honest)),
    )


# Reading the numbers --------------------------------------------------------------------------

TOO_GOOD_FULL_SCALE = 0.25
"""A leak that adds this much to the reported score fills the "too good to be true" meter."""


def too_good_to_be_true(scores: LeakScores) -> float:
    """The meter, from 0 (the leak adds nothing) to 1 (it adds 0.25 or more).

    It reads the inflation (leaky minus honest on the same rows) rather than the distance
    to production, because production can be harder for both pipelines alike (a fresh
    draw with other outliers); only the part the leak adds is the leak's fault.
    """
    return float(np.clip(scores.inflation / TOO_GOOD_FULL_SCALE, 0.0, 1.0))


def verdict(inflation: float) -> str:
    """How much a leak's inflation matters, in words, from its size."""
    if abs(inflation) < 0.02:
        return "barely moves the score"
    if abs(inflation) < 0.06:
        return "adds a few points: enough to pick the wrong model"
    return "changes the story: a number you would wrongly ship on"
