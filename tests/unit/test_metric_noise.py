"""lessons.metrics.noise: each fast score function equals the registry's metric."""

import numpy as np
import pytest

from lessons import scoring, uncertainty
from lessons.metrics import noise
from lessons.scoring import fast

BINARY = scoring.SIDE_BY_SIDE["classification"]
MULTICLASS = ("accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier")
REGRESSION = ("rmse", "mae", "r2", "mape", "smape")


def _binary_table(seed: int, n: int = 300):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    # Rounded scores so that ties, which the AUCs must treat like scikit-learn, are common.
    p = np.round(np.clip(0.5 + 0.3 * (y - 0.5) + rng.normal(0, 0.25, n), 0, 1), 2)
    return y, p


@pytest.mark.parametrize("seed", range(10))
def test_binary_functions_equal_the_registry(seed):
    y, p = _binary_table(seed)
    expected = {s.key: s.value for s in scoring.score_binary(y, p, threshold=0.4, k=37)}
    for key in BINARY:
        quick = fast.score_function(key, "binary", threshold=0.4, k=37)
        assert quick(y, p) == pytest.approx(expected[key], abs=1e-9), key


@pytest.mark.parametrize("seed", range(10))
def test_multiclass_functions_equal_the_registry(seed):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 3, 200)
    proba = rng.dirichlet(np.ones(3), 200)
    proba[np.arange(200), y] += 0.5
    proba /= proba.sum(axis=1, keepdims=True)
    expected = {s.key: s.value for s in scoring.score_multiclass(y, proba)}
    for key in MULTICLASS:
        assert fast.score_function(key, "multiclass")(y, proba) == pytest.approx(
            expected[key], abs=1e-9
        ), key


@pytest.mark.parametrize("seed", range(10))
def test_regression_functions_equal_the_registry(seed):
    rng = np.random.default_rng(seed)
    y = rng.normal(10, 5, 200)
    y[:3] = 0.0  # MAPE's guard and sMAPE's both-zero case
    p = y + rng.normal(0, 2, 200)
    p[0] = 0.0
    expected = {s.key: s.value for s in scoring.score_regression(y, p)}
    for key in REGRESSION:
        quick = fast.score_function(key, "regression")(y, p)
        assert quick == pytest.approx(expected[key], rel=1e-9), key
    history = rng.normal(10, 5, 100)
    scale = fast.mase_scale(history, 1, None)
    mase = fast.score_function("mase", "regression", mase_scale=scale)
    assert mase(y, p) == pytest.approx(scoring.mase(y, p, history))


def test_one_class_has_no_auc():
    assert np.isnan(fast.roc_auc(np.zeros(5, dtype=int), np.linspace(0, 1, 5)))


def test_per_query_values_average_to_the_metric():
    rng = np.random.default_rng(0)
    groups = np.repeat(np.arange(20), 8)
    relevance = rng.integers(0, 4, len(groups)).astype(float)
    scores = relevance + rng.normal(0, 1.5, len(groups))
    for key in ("ndcg_at_k", "map_at_k", "hit_at_k", "mrr"):
        values = noise.per_query(key, relevance, scores, groups, k=3, min_relevance=2)
        whole = {
            s.key: s.value
            for s in scoring.score_ranking(relevance, scores, groups, k=3, min_relevance=2)
        }
        assert values.mean() == pytest.approx(whole[key]), key


@pytest.mark.parametrize("grouped", [False, True])
def test_many_comparisons_at_once_equal_one_paired_bootstrap_each(grouped):
    y, good = _binary_table(0)
    _, other = _binary_table(1)
    groups = np.arange(len(y)) // 3 if grouped else None
    pairs = {
        key: (fast.score_function(key, "binary"), good, other, True, ("a", "b"))
        for key in ("roc_auc", "accuracy")
    }
    together = uncertainty.paired_bootstraps(pairs, y, groups=groups, random_state=3)
    for key, (score, a, b, higher, names) in pairs.items():
        alone = uncertainty.paired_bootstrap(
            score, y, a, b, greater_is_better=higher, names=names, groups=groups, random_state=3
        )
        assert together[key] == alone
