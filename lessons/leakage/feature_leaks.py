"""Leaks in the features: preprocessing fitted before the split (1), the future predicting
the past (2) and a feature known only after the outcome (3).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import ShuffleSplit, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import TargetEncoder

from lessons import datasets
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.leakage.prep import (
    _checked,
    _fit_and_score,
    boosted_trees,
    metric_for,
    model_frame,
    score,
    tree_preprocessor,
)
from lessons.leakage.scenarios import FRESH_SEED_OFFSET, LeakScores
from lessons.splits import make_buckets

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
