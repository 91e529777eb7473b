"""Leaks in the features: preprocessing fitted before the split (1), the future predicting
the past (2) and a feature known only after the outcome (3).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import TargetEncoder

from lessons import datasets, splits, uncertainty
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.leakage.prep import (
    RESAMPLES,
    Scored,
    _checked,
    assemble,
    boosted_trees,
    count,
    metric_for,
    model_frame,
    period,
    predict,
    resampled_score,
    score_of,
    tree_preprocessor,
)
from lessons.leakage.scenarios import FRESH_SEED_OFFSET, PLANTED_DRIFT, LeakScores, ScoredRows
from lessons.splits import make_buckets

# 1. Preprocessing fitted before the split ---------------------------------------------------


N_FOLDS = 5
"""Folds of the cross-validation the preprocessing scenarios run: every row is scored once,
by a model that did not train on it, so both pipelines are read on all the rows."""


HOUSE_SALES = 6000
"""Sales the scaler scenario draws from the house-price generator. About 1 % are price typos
(five times too high) that dominate R² even on the log scale; with 1,500 sales a dozen of
them decide the score, and two samples differ by more than any scaling leak."""


def house_sales(seed: int, n_rows: int) -> tuple[Dataset, Dataset]:
    """``n_rows`` sales of the house-price generator, and as many of a fresh draw."""
    template = datasets.load("house_prices", seed)
    return (
        replace(template, frame=datasets.make_house_prices(seed, n_rows=n_rows)),
        replace(
            template,
            frame=datasets.make_house_prices(seed + FRESH_SEED_OFFSET, n_rows=n_rows),
        ),
    )


def _folds(n_rows: int, random_state: int) -> list[tuple[np.ndarray, np.ndarray]]:
    return list(KFold(N_FOLDS, shuffle=True, random_state=random_state).split(np.arange(n_rows)))


def preprocessing_scaler(*, random_state: int = 0) -> LeakScores:
    """Fit the imputer and scaler on every row before cross-validating, or inside the Pipeline.

    A ridge regression of the log house price, whose penalty depends on the scale of the
    features: the kind of model where scaling matters at all. ``HOUSE_SALES`` sales, so the
    score is not decided by a handful of price typos. Both pipelines are scored on
    the same out-of-fold predictions of every sale, so the only difference is where the
    means and spreads came from. The model shipped is refitted on every row either way, so
    production (a fresh draw of sales) is the same for both: the leak is in the evaluation.
    """
    dataset, fresh = house_sales(random_state, HOUSE_SALES)
    X, y = model_frame(dataset), np.log(dataset.y)
    X_fresh, y_fresh = model_frame(fresh), np.log(fresh.y)

    everything = TablePreprocessor().fit(X)
    leaked = everything.transform(X)
    leaky_oof = np.empty(len(X))
    honest_oof = np.empty(len(X))
    for train, validation in _folds(len(X), random_state):
        leaky_model = Ridge(alpha=10.0).fit(leaked[train], y.iloc[train])
        leaky_oof[validation] = leaky_model.predict(leaked[validation])
        honest_model = Pipeline(
            [("preprocess", TablePreprocessor()), ("model", Ridge(alpha=10.0))]
        ).fit(X.iloc[train], y.iloc[train])
        honest_oof[validation] = honest_model.predict(X.iloc[validation])
    shipped = Pipeline([("preprocess", TablePreprocessor()), ("model", Ridge(alpha=10.0))])
    production = predict("r2", shipped.fit(X, y), X_fresh, y_fresh)
    sales = count(len(X), "sales")
    return assemble(
        "preprocessing_scaler",
        "house_prices (log price)",
        "r2",
        leaky=Scored(y.to_numpy(), leaky_oof),
        honest=Scored(y.to_numpy(), honest_oof),
        production=production,
        honest_production=production,
        rows=ScoredRows(
            leaky=f"out-of-fold predictions for all {sales} ({N_FOLDS}-fold cross-validation)",
            honest=f"the same {sales}, the same folds",
            production=f"{count(len(X_fresh), 'sales')} of a fresh draw, scored by the model "
            "refitted on every row (the same model for both pipelines)",
            same=True,
        ),
        split=f"{N_FOLDS}-fold cross-validation over {sales}",
        model="ridge",
        gap_meaning="what the validation rows' means and spreads added to the imputer and scaler",
        random_state=random_state,
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
    random_state: int = 0,
) -> LeakScores:
    """``SelectKBest`` on every row of pure noise, against the same step inside a Pipeline.

    The target is a coin flip and the features are noise, so any honest score is about
    0.5. Selecting the k columns that best match the target over all rows, validation rows
    included, finds columns that happen to agree with those very rows. Both pipelines are
    scored on the same out-of-fold predictions of every row (5-fold cross-validation).
    Production rows are fresh noise for the model refitted on every row; only the selected
    columns need drawing, since every column comes from the same distribution.
    """
    if not 1 <= k <= n_noise:
        raise DataError(f"k must be between 1 and the number of noise features ({n_noise}).")
    X, y = noise_table(n_samples, n_noise, random_state)
    X_fresh, y_fresh = noise_table(1000, k, random_state + FRESH_SEED_OFFSET)
    selected = SelectKBest(f_classif, k=k).fit(X, y).get_support(indices=True)
    leaky_oof = np.empty(n_samples, dtype=y.dtype)
    honest_oof = np.empty(n_samples, dtype=y.dtype)
    for train, validation in _folds(n_samples, random_state):
        model = LogisticRegression(C=1.0).fit(X[train][:, selected], y[train])
        leaky_oof[validation] = model.predict(X[validation][:, selected])
        pipeline = make_pipeline(SelectKBest(f_classif, k=k), LogisticRegression(C=1.0))
        honest_oof[validation] = pipeline.fit(X[train], y[train]).predict(X[validation])
    leaky_final = LogisticRegression(C=1.0).fit(X[:, selected], y)
    honest_final = make_pipeline(SelectKBest(f_classif, k=k), LogisticRegression(C=1.0)).fit(X, y)
    rows = count(n_samples)
    return assemble(
        "feature_selection",
        "pure noise",
        "accuracy",
        leaky=Scored(y, leaky_oof),
        honest=Scored(y, honest_oof),
        production=predict("accuracy", leaky_final, X_fresh, y_fresh),
        # The honest pipeline picks its own columns; fresh noise for them is just as random.
        honest_production=predict("accuracy", honest_final[-1], X_fresh, y_fresh),
        rows=ScoredRows(
            leaky=f"out-of-fold predictions for all {rows} ({N_FOLDS}-fold cross-validation)",
            honest=f"the same {rows}, the same folds",
            production=f"{count(len(y_fresh))} of fresh noise, for each model refitted on "
            "every row",
            same=True,
        ),
        split=f"{N_FOLDS}-fold cross-validation over {rows}",
        model="logistic_regression",
        gap_meaning="columns of pure noise picked because they matched the validation rows",
        random_state=random_state,
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
    customers = dataset.frame["customer_id"].to_numpy()
    fresh_customers = fresh.frame["customer_id"].to_numpy()[later]
    months = dataset.frame["month"]
    return assemble(
        "target_encoding",
        "churn",
        "roc_auc",
        leaky=predict(
            "roc_auc", trees, leaked.iloc[validation], y.iloc[validation], customers[validation]
        ),
        honest=predict(
            "roc_auc", honest_model, X.iloc[validation], y.iloc[validation], customers[validation]
        ),
        production=predict("roc_auc", trees, leaked_fresh, y_fresh, fresh_customers),
        honest_production=predict("roc_auc", honest_model, X_fresh, y_fresh, fresh_customers),
        rows=ScoredRows(
            leaky=f"the {count(validation)} of {period(months.iloc[validation])} "
            "(the validation period)",
            honest=f"the same {count(validation)}",
            production=f"{count(later)} of {period(fresh.frame['month'].iloc[later])} for the "
            "customers of a fresh draw, with new postcodes",
            same=True,
        ),
        split=buckets.strategy,
        model="hist_gradient_boosting",
        gap_meaning="each validation row's own label, smuggled in through its postcode's mean",
        random_state=random_state,
        drift=PLANTED_DRIFT["churn"],
        settings=(("n_levels", n_levels),),
    )


# 2. The future predicts the past -----------------------------------------------------------


def _groups(dataset: Dataset) -> np.ndarray | None:
    """Each row's entity, so a bootstrap resamples a customer's months together."""
    if dataset.group_column and dataset.group_column in dataset.frame.columns:
        return dataset.frame[dataset.group_column].astype(str).to_numpy()
    return None


def _pick(scored: Scored, mask: np.ndarray) -> Scored:
    groups = None if scored.groups is None else scored.groups[mask]
    return Scored(scored.y[mask], scored.prediction[mask], groups)


def _compared(
    metric: str, rows: Scored, other: np.ndarray, names: tuple[str, str], random_state: int
) -> uncertainty.Comparison:
    """Two models on the same rows, ``rows.prediction`` against ``other``: a paired bootstrap
    that resamples whole entities."""
    return uncertainty.paired_bootstrap(
        resampled_score(metric),
        rows.y,
        rows.prediction,
        other,
        greater_is_better=True,
        names=names,
        groups=rows.groups,
        n_resamples=RESAMPLES,
        random_state=random_state,
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def random_vs_time(dataset: Dataset, *, random_state: int = 0) -> LeakScores:
    """A shuffled split against a time split of the same time-ordered rows.

    The app's time split gives three periods. The honest model trains on the first and is
    validated on the second; the leaky one shuffles the first two periods together and
    holds out as many rows at random. The validation score of each is what its split
    reports; both models are then scored on the same future rows, the third period.
    The notes take the gap apart: how the shuffled model scores on the validation rows it
    drew from the past against those from the validation period (an easier past); then,
    on the future rows, the shuffled model against the time pipeline refitted on the
    same two periods, so that only the shuffle differs (neither trained on the future, so
    this cannot be look-ahead); and that refit against the time model trained on the first
    period only (what the more recent rows are worth).

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
    metric = metric_for(dataset.task)
    X, y, groups = model_frame(dataset), dataset.y, _groups(dataset)
    buckets = make_buckets(dataset, SplitChoice("time"), random_state=random_state)
    train, validation, later = buckets.train, buckets.validation, buckets.test
    shuffled_train, shuffled_validation = train_test_split(
        np.concatenate([train, validation]), test_size=len(validation), random_state=random_state
    )
    group_of = (lambda rows: None) if groups is None else (lambda rows: groups[rows])

    def fitted(rows: np.ndarray):
        return boosted_trees(dataset.task, random_state).fit(X.iloc[rows], y.iloc[rows])

    shuffled, past_only = fitted(shuffled_train), fitted(train)
    # The time pipeline refitted on the months the shuffled model drew its rows from, so the
    # shuffle is the only difference between the two on the future rows.
    refitted = fitted(np.concatenate([train, validation]))

    def scored(model, rows: np.ndarray) -> Scored:
        return predict(metric, model, X.iloc[rows], y.iloc[rows], group_of(rows))

    leaky = scored(shuffled, shuffled_validation)
    honest = scored(past_only, validation)
    production = scored(shuffled, later)
    honest_production = scored(past_only, later)
    stamps = splits.time_values(dataset)
    from_past = np.isin(shuffled_validation, train)
    notes = []
    if from_past.any() and (~from_past).any():
        past_part, recent_part = _pick(leaky, from_past), _pick(leaky, ~from_past)
        notes.append(
            f"An easier past? The shuffled model's {count(int(from_past.sum()))} of validation "
            f"from {period(stamps.iloc[train])} score {score_of(metric, past_part):.3f}; its "
            f"{count(int((~from_past).sum()))} from {period(stamps.iloc[validation])} score "
            f"{score_of(metric, recent_part):.3f}. The time split reports "
            f"{score_of(metric, honest):.3f} on that recent period."
        )
    future = f"{count(later)} of {period(stamps.iloc[later])}"
    trained_on = period(stamps.iloc[np.concatenate([train, validation])])
    refit = scored(refitted, later)
    shuffle_only = _compared(
        metric,
        production,
        refit.prediction,
        ("the shuffled model", "the time pipeline refitted on the same months"),
        random_state,
    )
    notes.append(
        f"Look-ahead? Not here: neither model trained on the {future}. On those rows, "
        "against the time pipeline refitted on the months the shuffled model drew from "
        f"({trained_on}), so that only the shuffle differs: {_sentence(shuffle_only.text())} "
        f"The one difference left: the shuffled model set {count(shuffled_validation)} of "
        "those rows aside, at random, for its validation, so it trained on fewer."
    )
    recency = _compared(
        metric,
        refit,
        honest_production.prediction,
        ("the refit", f"the time model trained on {period(stamps.iloc[train])} only"),
        random_state,
    )
    notes.append(
        f"Recent rows, not the future. On the same future rows: {_sentence(recency.text())} "
        "Whatever the shuffled model gains over the time-trained one in production comes from its "
        "more recent training rows. Look-ahead proper, a feature that carries the future, "
        "is in the centred-window and post-outcome scenarios."
    )
    return assemble(
        "random_vs_time",
        dataset.name,
        metric,
        leaky=leaky,
        honest=honest,
        production=production,
        honest_production=honest_production,
        rows=ScoredRows(
            leaky=f"{count(shuffled_validation)} drawn at random from {trained_on}",
            honest=f"the {count(validation)} of {period(stamps.iloc[validation])}, after "
            "every training row",
            production=f"the {future}, for both models",
            same=False,
        ),
        split=f"by `{dataset.time_column}`, the app's time split (train, validation, production)",
        model="hist_gradient_boosting",
        gap_meaning="validation rows from the same months as training rows, graded with "
        "the past mixed in",
        random_state=random_state,
        drift=PLANTED_DRIFT.get(dataset.name),
        notes=tuple(notes),
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
    dates = frame["date"]
    # Days next to each other share their weather, promotions and level: the bootstrap
    # resamples whole weeks, or the noise of a daily series would look far too small.
    weeks = dates.dt.strftime("%G-%V").to_numpy()

    def scored(model, X: pd.DataFrame, rows: np.ndarray) -> Scored:
        return predict("r2", model, X.iloc[rows], y.iloc[rows], weeks[rows])

    return assemble(
        "centred_window",
        "store_demand",
        "r2",
        leaky=scored(leaky_model, centred, validation),
        honest=scored(honest_model, trailing, validation),
        production=scored(leaky_model, centred_live, later),
        honest_production=scored(honest_model, trailing, later),
        rows=ScoredRows(
            leaky=f"the {count(validation)} of {period(dates.iloc[validation])} "
            "(store-days of the validation period)",
            honest=f"the same {count(validation)}",
            production=f"the {count(later)} of {period(dates.iloc[later])}, the window "
            "computed as it can be on the morning of each day",
            same=True,
        ),
        split=buckets.strategy,
        model="hist_gradient_boosting",
        gap_meaning="the day's own sales and the days after it, hidden inside a rolling mean",
        random_state=random_state,
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
    groups = _groups(dataset)
    group_of = (lambda rows: None) if groups is None else (lambda rows: groups[rows])
    metric = metric_for(dataset.task)

    def fitted(X: pd.DataFrame):
        return boosted_trees(dataset.task, random_state).fit(
            X.iloc[buckets.train], y.iloc[buckets.train]
        )

    leaky_model, honest_model = fitted(X_leaky), fitted(X_honest)
    validation = buckets.validation
    where = (
        f"of {period(splits.time_values(dataset).iloc[validation])}"
        if dataset.time_column
        else "of the validation bucket"
    )
    where_later = (
        f"of {period(splits.time_values(dataset).iloc[later])}"
        if dataset.time_column
        else "of the test bucket"
    )
    production = predict(metric, leaky_model, not_yet_known, y.iloc[later], group_of(later))
    honest_production = predict(
        metric, honest_model, X_honest.iloc[later], y.iloc[later], group_of(later)
    )
    # Both models score the same later rows, so their difference has a paired interval.
    in_production = _compared(
        metric,
        production,
        honest_production.prediction,
        ("the model trained with the field", "the honest one"),
        random_state,
    )
    return assemble(
        "post_outcome",
        dataset.name,
        metric,
        leaky=predict(
            metric, leaky_model, X_leaky.iloc[validation], y.iloc[validation], group_of(validation)
        ),
        honest=predict(
            metric,
            honest_model,
            X_honest.iloc[validation],
            y.iloc[validation],
            group_of(validation),
        ),
        production=production,
        honest_production=honest_production,
        rows=ScoredRows(
            leaky=f"the {count(validation)} {where}, the field filled in as it is in the table",
            honest=f"the same {count(validation)}",
            production=f"the {count(later)} {where_later}, the field empty as it is when "
            "the prediction is made",
            same=True,
        ),
        split=buckets.strategy,
        model="hist_gradient_boosting",
        gap_meaning=f"{', '.join(columns)}: written down after the outcome it is asked to predict",
        random_state=random_state,
        drift=PLANTED_DRIFT.get(dataset.name),
        notes=(
            f"In production, on the same {count(later)} {where_later}, the field empty: "
            + _sentence(in_production.text()),
        ),
    )
