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
from sklearn.model_selection import GroupShuffleSplit, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeClassifier

from lessons import datasets
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.leakage.prep import (
    _checked,
    _fit_and_score,
    metric_for,
    model_frame,
    score,
    tree_preprocessor,
)
from lessons.leakage.scenarios import FRESH_SEED_OFFSET, LeakScores

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
