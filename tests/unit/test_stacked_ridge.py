"""The audit's stacked ridge: one pass of per-fold sums gives the same scores as a ridge
refitted on the rows for every fold and every subset of columns."""

from __future__ import annotations

import numpy as np
import pytest

from lessons import audit_screen as screen


def _refitted_predictions(features, outputs, train, test, clip=False):
    """The plain fit: standardise on the training rows, solve, predict the test rows (with
    ``clip``, each test feature first kept inside the training rows' range)."""
    x_mean = features[train].mean(axis=0)
    x_std = features[train].std(axis=0)
    x_std[x_std == 0] = 1.0
    y_mean = outputs[train].mean(axis=0)
    x_train = (features[train] - x_mean) / x_std
    gram = x_train.T @ x_train + screen.RIDGE * np.eye(features.shape[1])
    coef = np.linalg.solve(gram, x_train.T @ (outputs[train] - y_mean))
    x_test = features[test]
    if clip:
        x_test = np.clip(x_test, features[train].min(axis=0), features[train].max(axis=0))
    return (x_test - x_mean) / x_std @ coef + y_mean


def _forward_rows(folds, fold):
    return (folds >= 1) & (folds < fold) if fold > 1 else folds < fold


def _refitted_score(blocks, target, folds, *, forward=False, first_scored=0):
    features = np.hstack(blocks)
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    prediction = np.zeros_like(outputs, dtype=float)
    for fold in range(first_scored, int(folds.max()) + 1):
        test = folds == fold
        train = _forward_rows(folds, fold) if forward else ~test
        prediction[test] = _refitted_predictions(features, outputs, train, test, clip=forward)
    scored = folds >= first_scored
    subset = screen.Target(target.task, target.values[scored], target.n_classes)
    kept = prediction[scored]
    return screen.score(kept if target.task == "multiclass" else kept[:, 0], subset)


def _table(task: str, seed: int):
    rng = np.random.default_rng(seed)
    n = 600
    width = 3 if task == "multiclass" else 1
    if task == "binary":
        target = screen.Target(task, (rng.random(n) < 0.3).astype(float), 2)
    elif task == "multiclass":
        target = screen.Target(task, rng.integers(0, 3, n).astype(float), 3)
    else:
        target = screen.Target(task, rng.normal(1e5, 1e4, n), 0)
    signal = target.values[:, None] if task != "multiclass" else target.onehot()
    blocks = [
        # Large means and spreads, as regression encodings in the target's units are.
        rng.normal(0, 1, (n, width)) * rng.uniform(0.1, 1e3)
        + rng.uniform(-1e4, 1e4)
        + signal[:, :width] * rng.uniform(0, 2)
        for _ in range(5)
    ]
    blocks.append(np.full((n, width), 2.5))  # a column constant everywhere
    step = np.zeros((n, width))
    step[folds_for(n, seed) == 0] = 1.0  # constant on every fold's training rows but one
    blocks.append(step)
    return blocks, target


def folds_for(n: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed + 100).permutation(n) % 5


@pytest.mark.parametrize("task", ["binary", "multiclass", "regression"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_subset_scores_as_a_refit_on_its_rows(task, seed):
    blocks, target = _table(task, seed)
    folds = folds_for(len(target.values), seed)
    ridge = screen.StackedRidge(blocks, target, folds)
    subsets = [list(range(len(blocks))), [0], [1, 3, 5], [2, 4, 6], [5, 6]]
    for kept in subsets:
        expected = _refitted_score([blocks[i] for i in kept], target, folds)
        assert ridge.score(kept) == pytest.approx(expected, abs=1e-9)
    assert screen.stacked_score(blocks, target, folds) == pytest.approx(
        _refitted_score(blocks, target, folds), abs=1e-9
    )


@pytest.mark.parametrize("task", ["binary", "regression"])
def test_forward_scores_fit_only_on_earlier_folds(task):
    """And keep each feature of a later fold inside the range the earlier folds showed."""
    blocks, target = _table(task, 3)
    folds = np.sort(folds_for(len(target.values), 3))
    expected = _refitted_score(blocks, target, folds, forward=True, first_scored=2)
    assert screen.forward_stacked_score(blocks, target, folds) == pytest.approx(expected, abs=1e-9)


def test_no_columns_scores_the_prior():
    blocks, target = _table("binary", 0)
    folds = folds_for(len(target.values), 0)
    assert screen.StackedRidge(blocks, target, folds).score([]) == screen.baseline_score(target)
