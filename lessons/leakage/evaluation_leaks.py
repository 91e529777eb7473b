"""Leaks in the evaluation: tuning on the test set (4) and the same entity on both sides of
the split (5).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.stats import rankdata
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import GroupShuffleSplit, KFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeClassifier

from lessons import datasets, splits, uncertainty
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.leakage.feature_leaks import N_FOLDS, house_sales
from lessons.leakage.prep import (
    Scored,
    _checked,
    assemble,
    boosted_trees,
    count,
    interval,
    metric_for,
    model_frame,
    period,
    predict,
    tree_preprocessor,
)
from lessons.leakage.scenarios import PLANTED_DRIFT, LeakScores, ScoredRows
from lessons.splits import make_buckets
from lessons.uncertainty import ScoreInterval

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


@dataclass(frozen=True)
class _TuningData:
    scores: _TuningScores
    pool_period: str
    holdout_period: str
    n_pool: int
    n_holdout: int
    # The configuration picked on validation most often, on the pool and the holdout, for the
    # noise of the honest and the production score.
    modal_pool: ScoreInterval
    modal_holdout: ScoreInterval


@lru_cache(maxsize=4)
def _tuning_scores(random_state: int) -> _TuningData:
    """Fit ``N_CONFIGS_MAX`` random decision-tree configurations once; score each everywhere.

    Inside the app's time split of churn: the trees train on the first period, each repeat
    draws a validation and a test bucket of 200 rows from the second period, and the third
    period is the holdout nobody looks at (production). Churn scores the existing base
    every month, so later months of the same customers are the honest test.
    """
    dataset = datasets.load("churn", random_state)
    table = model_frame(dataset)
    y = dataset.y.to_numpy()
    buckets = make_buckets(dataset, SplitChoice("time"), random_state=random_state)
    train, pool, holdout = buckets.train, buckets.validation, buckets.test
    # Encoded once for the hundreds of trees below, learned on the training rows only.
    X = tree_preprocessor().fit(table.iloc[train]).transform(table).astype(np.float32)
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
    modal = int(np.bincount(result.validation.argmax(axis=1)).argmax())
    customers = dataset.frame["customer_id"].to_numpy()
    stamps = splits.time_values(dataset)
    return _TuningData(
        result,
        period(stamps.iloc[pool]),
        period(stamps.iloc[holdout]),
        len(pool),
        len(holdout),
        interval(
            "roc_auc", Scored(y[pool], pool_scores_array[modal], customers[pool]), random_state
        ),
        interval(
            "roc_auc",
            Scored(y_holdout, np.array(holdout_scores[modal]), customers[holdout]),
            random_state,
        ),
    )


def _picked(scores: _TuningScores, n_configs: int) -> tuple[np.ndarray, np.ndarray]:
    by_test = scores.test[:, :n_configs].argmax(axis=1)
    by_validation = scores.validation[:, :n_configs].argmax(axis=1)
    return by_test, by_validation


def tune_on_test_set(n_configs: int = 50, *, random_state: int = 0) -> LeakScores:
    """Keep the best of N configurations by test score, or by validation score.

    Each of 40 repeats draws a 200-row validation and a 200-row test bucket from the
    validation period of the time split. Leaky: report the best test score among the first
    N configurations. Honest: pick on validation, report that configuration's test score.
    Production: the picked configuration's ROC AUC on the last period, never looked at.
    The honest and production intervals are the bootstrap noise of the configuration most
    often picked on validation, on the pool and on the last period.
    """
    if not 1 <= n_configs <= N_CONFIGS_MAX:
        raise DataError(f"N must be between 1 and {N_CONFIGS_MAX}.")
    data = _tuning_scores(random_state)
    scores = data.scores
    by_test, by_validation = _picked(scores, n_configs)
    rows = np.arange(len(by_test))
    leaky, honest = scores.test[rows, by_test], scores.test[rows, by_validation]
    # Both picks are read on the same test buckets: the repeats pair them.
    inflation = uncertainty.compare_scores(leaky, honest, greater_is_better=True)
    honest_score = float(honest.mean())
    honest_production = float(scores.holdout[by_validation].mean())
    return LeakScores(
        scenario="test_tuning",
        dataset="churn",
        metric="roc_auc",
        leaky=float(leaky.mean()),
        honest=honest_score,
        production=float(scores.holdout[by_test].mean()),
        honest_production=honest_production,
        split=(
            f"time split: trees trained on the months before {data.pool_period.split()[0]}, "
            f"{_TUNING_REPEATS} draws of {_TUNING_BUCKET}-row validation and test buckets "
            f"from {data.pool_period}"
        ),
        model="decision_tree",
        gap_meaning=f"luck: the configuration that happened to suit {_TUNING_BUCKET} test rows",
        settings=(("n_configs", n_configs),),
        rows=ScoredRows(
            leaky=f"the best of {n_configs} test scores, each on a {_TUNING_BUCKET}-row test "
            f"bucket (mean of {_TUNING_REPEATS} draws from {count(data.n_pool)} of "
            f"{data.pool_period})",
            honest="the same test buckets, read once for the configuration picked on validation",
            production=f"the {count(data.n_holdout)} of {data.holdout_period}, which no "
            "pick looked at",
            same=True,
        ),
        honest_interval=_centred(data.modal_pool, honest_score),
        production_interval=_centred(data.modal_holdout, honest_production),
        inflation_low=inflation.low,
        inflation_high=inflation.high,
        drift=PLANTED_DRIFT["churn"],
    )


def _centred(noise: ScoreInterval, score: float) -> ScoreInterval:
    """The noise of one configuration's score on these rows, around the mean of the picks."""
    return ScoreInterval(
        score, score - noise.half_width, score + noise.half_width, noise.confidence, noise.n_rows
    )


def tuning_curve(
    n_values: tuple[int, ...] = (1, 2, 5, 10, 20, 50, 100), *, random_state: int = 0
) -> TuningCurve:
    """Optimism (test score minus holdout score of the pick) for each N, both ways of picking."""
    scores = _tuning_scores(random_state).scores
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
    """Validate on entities the model has met, or on entities it never met.

    The deployment here is new entities (customers who sign up next month). The entities
    are split in three: a half to train on, a quarter to validate on, a quarter for
    production. Inside the app's time split, one model trains on the first period of the
    training entities. The leaky pipeline validates on the second period of those same
    entities (a row split puts an entity on both sides); the honest one on the second
    period of the validation entities (a group split). Production is the third period of
    the production entities. Without a time column the periods are replaced by a shuffled
    75/25 row split of the training entities.

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
            f"`{group}` has fewer than 5 distinct values; splitting entities in three needs more."
        )
    metric = metric_for(dataset.task)
    X, y = model_frame(dataset), dataset.y
    positions = np.arange(len(X))
    met, rest = next(
        GroupShuffleSplit(1, train_size=0.5, random_state=random_state).split(
            positions, groups=groups
        )
    )
    never_met, production_rows = (
        rest[part]
        for part in next(
            GroupShuffleSplit(1, train_size=0.5, random_state=random_state).split(
                rest, groups=groups[rest]
            )
        )
    )
    if dataset.time_column:
        buckets = make_buckets(dataset, SplitChoice("time"), random_state=random_state)
        stamps = splits.time_values(dataset)
        train = np.intersect1d(met, buckets.train)
        leaky_rows = np.intersect1d(met, buckets.validation)
        honest_rows = np.intersect1d(never_met, buckets.validation)
        later = np.intersect1d(production_rows, buckets.test)
        when = f" of {period(stamps.iloc[buckets.validation])}"
        when_later = f" of {period(stamps.iloc[buckets.test])}"
        split = f"by `{group}` (half, a quarter, a quarter) within the time split"
    else:
        train, leaky_rows = train_test_split(met, test_size=0.25, random_state=random_state)
        honest_rows, later = never_met, production_rows
        when = when_later = ""
        split = f"by `{group}` (half, a quarter, a quarter)"
    for name, rows in (("training", train), ("validation", honest_rows), ("production", later)):
        if len(rows) == 0:
            raise DataError(f"No row of the {name} entities falls in its period.")
    model = boosted_trees(dataset.task, random_state).fit(X.iloc[train], y.iloc[train])

    def scored(rows: np.ndarray) -> Scored:
        return predict(metric, model, X.iloc[rows], y.iloc[rows], groups[rows])

    def entities(rows: np.ndarray) -> int:
        return len(np.unique(groups[rows]))

    production = scored(later)
    return assemble(
        "entity_overlap",
        dataset.name,
        metric,
        leaky=scored(leaky_rows),
        honest=scored(honest_rows),
        production=production,
        honest_production=production,
        rows=ScoredRows(
            leaky=f"{count(leaky_rows)}{when} of the {entities(leaky_rows):,} `{group}` "
            "values the model trained on",
            honest=f"{count(honest_rows)}{when} of {entities(honest_rows):,} other `{group}` "
            "values, never met",
            production=f"{count(later)}{when_later} of {entities(later):,} `{group}` values "
            "kept apart from the start (the same model for both)",
            same=False,
        ),
        split=split,
        model="hist_gradient_boosting",
        gap_meaning=f"validation rows whose `{group}` the model had already met in training",
        random_state=random_state,
        drift=PLANTED_DRIFT.get(dataset.name) if dataset.time_column else None,
    )


DUPLICATE_SALES = 2000
"""House sales the duplicates scenario draws (more than the built-in table), so a dozen price
typos do not decide R² (see ``feature_leaks.HOUSE_SALES``)."""


FOREST_TREES = 15
"""Trees of the memorising random forest: enough to remember every training house."""


def duplicates(duplicate_share: float = 0.3, *, random_state: int = 0) -> LeakScores:
    """Cross-validate a table where a fan-out join repeated rows, or deduplicate first.

    ``duplicate_share`` of the house sales are copied once more (a join that matched two
    rows). Cross-validating the table with copies often puts one copy in a training fold
    and the other in the validation fold, where a random forest, which remembers the rows
    it was fitted on, recognises the house it already priced. Both pipelines are scored on
    the out-of-fold predictions of the same original sales. The target is the log price.
    """
    if not 0.0 <= duplicate_share <= 1.0:
        raise DataError("The duplicate share must be between 0 and 1.")
    dataset, fresh = house_sales(random_state, DUPLICATE_SALES)
    n = dataset.n_rows
    copies = np.flatnonzero(np.random.default_rng(random_state).random(n) < duplicate_share)
    frame = pd.concat([dataset.frame, dataset.frame.iloc[copies]], ignore_index=True)
    X = model_frame(replace(dataset, frame=frame))
    y = np.log(frame[dataset.target]).to_numpy()
    X_fresh, y_fresh = model_frame(fresh), np.log(fresh.y)
    # Row i of the table is house i for the originals, house copies[i - n] for the copies.
    house = np.concatenate([np.arange(n), copies])

    def forest():
        return Pipeline(
            [
                ("preprocess", tree_preprocessor()),
                (
                    "model",
                    RandomForestRegressor(
                        n_estimators=FOREST_TREES, random_state=random_state, n_jobs=1
                    ),
                ),
            ]
        )

    def out_of_fold(rows: np.ndarray) -> tuple[np.ndarray, int]:
        """Predictions for the original sales; how many had their copy in the training folds."""
        predictions, seen_copy = np.empty(n), 0
        folds = KFold(N_FOLDS, shuffle=True, random_state=random_state)
        for train, validation in folds.split(rows):
            fitted = forest().fit(X.iloc[rows[train]], y[rows[train]])
            originals = rows[validation][rows[validation] < n]
            predictions[originals] = fitted.predict(X.iloc[originals])
            seen_copy += int(np.isin(originals, house[rows[train]]).sum())
        return predictions, seen_copy

    every_row = np.arange(len(frame))
    unique = np.flatnonzero(~frame.duplicated().to_numpy())
    leaky_oof, seen_copy = out_of_fold(every_row)
    honest_oof, _ = out_of_fold(unique)
    truth = y[:n]
    leaky_final = forest().fit(X, y)
    honest_final = forest().fit(X.iloc[unique], y[unique])
    sales = count(n, "sales")
    return assemble(
        "duplicates",
        "house_prices (log price)",
        "r2",
        leaky=Scored(truth, leaky_oof),
        honest=Scored(truth, honest_oof),
        production=predict("r2", leaky_final, X_fresh, y_fresh),
        honest_production=predict("r2", honest_final, X_fresh, y_fresh),
        rows=ScoredRows(
            leaky=f"out-of-fold predictions for the {sales} ({N_FOLDS}-fold cross-validation "
            f"of {count(len(frame))} with the copies); {seen_copy:,} of them had their copy "
            "in the training folds",
            honest=f"the same {sales}, cross-validated after dropping exact duplicates",
            production=f"{count(len(X_fresh), 'sales')} of a fresh draw, for each model "
            "refitted on its whole table",
            same=True,
        ),
        split=f"{N_FOLDS}-fold cross-validation",
        model="random_forest",
        gap_meaning="validation houses that were copies of training houses",
        random_state=random_state,
        settings=(("duplicate_share", duplicate_share),),
    )
