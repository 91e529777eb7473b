"""Fast versions of the registry's metrics, for the bootstrap.

A bootstrap recomputes a metric hundreds of times. scikit-learn's functions spend most of a
call checking their inputs (one to nine milliseconds, whatever the size), which made a table
of ten metrics take half a minute. These compute the same numbers with plain NumPy on arrays
that are already clean (``tests/unit/test_metric_noise.py`` checks each against the
registry). ``lessons.uncertainty.metric_function`` uses them wherever one applies.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from lessons.scoring.extra_metrics import naive_scale

ScoreFunction = Callable[[np.ndarray, np.ndarray], float]

_EPS = np.finfo(np.float64).eps


# --- Binary ---------------------------------------------------------------------------------


def _counts(y: np.ndarray, flagged: np.ndarray) -> tuple[int, int, int, int]:
    tp = int(np.sum(flagged & (y == 1)))
    fp = int(np.sum(flagged & (y == 0)))
    fn = int(np.sum(~flagged & (y == 1)))
    return tp, fp, fn, len(y) - tp - fp - fn


def _ratio(top: float, bottom: float) -> float:
    return top / bottom if bottom else 0.0


def roc_auc(y: np.ndarray, score: np.ndarray) -> float:
    """ROC AUC from average ranks (ties count half); NaN with one class.

    One sort and a few passes over the rows: ``scipy.stats.rankdata`` does the same with
    more checks, which matters at a thousand calls per comparison.
    """
    n_pos = int(y.sum())
    n_neg = len(y) - n_pos
    if not n_pos or not n_neg:
        return float("nan")
    order = np.argsort(score, kind="mergesort")
    ordered = score[order]
    new_value = np.r_[True, ordered[1:] != ordered[:-1]]
    group = np.cumsum(new_value) - 1
    starts = np.flatnonzero(new_value)
    ends = np.r_[starts[1:], len(ordered)]
    average_rank = (starts + ends + 1) / 2  # ranks start + 1 .. end, averaged
    positive_ranks = average_rank[group][y[order] == 1].sum()
    return float((positive_ranks - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def average_precision(y: np.ndarray, score: np.ndarray) -> float:
    """Average precision as scikit-learn computes it (one step per distinct score)."""
    n_pos = int(y.sum())
    if not n_pos or n_pos == len(y):
        return float("nan") if not n_pos else 1.0
    order = np.argsort(-score, kind="mergesort")
    s, hits = score[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tps = np.cumsum(hits)[last]
    precision = tps / (last + 1)
    recall_steps = np.diff(np.r_[0, tps]) / n_pos
    return float(np.sum(recall_steps * precision))


def _top_hits(y: np.ndarray, score: np.ndarray, k: int) -> np.ndarray:
    # Ties broken against the model, as ``lessons.scoring`` does.
    return y[np.lexsort((y, -score))][:k]


def _binary(key: str, threshold: float, k: int) -> ScoreFunction | None:
    def flagged(p: np.ndarray) -> np.ndarray:
        return p >= threshold

    def accuracy(y, p):
        return float(np.mean(flagged(p) == (y == 1)))

    def precision(y, p):
        tp, fp, _, _ = _counts(y, flagged(p))
        return _ratio(tp, tp + fp)

    def recall(y, p):
        tp, _, fn, _ = _counts(y, flagged(p))
        return _ratio(tp, tp + fn)

    def f1(y, p):
        tp, fp, fn, _ = _counts(y, flagged(p))
        return _ratio(2 * tp, 2 * tp + fp + fn)

    def log_loss(y, p):
        p = np.clip(p, _EPS, 1 - _EPS)
        return float(-np.mean(np.where(y == 1, np.log(p), np.log(1 - p))))

    def brier(y, p):
        return float(np.mean((p - y) ** 2))

    def precision_at_k(y, p):
        top = _top_hits(y, p, k)
        return float(top.mean()) if len(top) else 0.0

    def recall_at_k(y, p):
        positives = int(y.sum())
        return float(_top_hits(y, p, k).sum() / positives) if positives else 0.0

    return {
        "accuracy": accuracy,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "roc_auc": roc_auc,
        "pr_auc": average_precision,
        "log_loss": log_loss,
        "brier": brier,
        "precision_at_k": precision_at_k,
        "recall_at_k": recall_at_k,
    }.get(key)


# --- Several classes ------------------------------------------------------------------------


def _multiclass(key: str) -> ScoreFunction | None:
    def per_class(y, proba):
        predicted = proba.argmax(axis=1)
        n = proba.shape[1]
        tp = np.bincount(y[predicted == y], minlength=n).astype(float)
        flagged = np.bincount(predicted, minlength=n).astype(float)
        actual = np.bincount(y, minlength=n).astype(float)
        return tp, flagged, actual

    def macro(kind: str) -> ScoreFunction:
        def score(y, proba):
            tp, flagged, actual = per_class(y, proba)
            # scikit-learn averages over the classes that occur in the targets or the answers.
            seen = (flagged + actual) > 0
            tp, flagged, actual = tp[seen], flagged[seen], actual[seen]
            if kind == "precision":
                top, bottom = tp, flagged
            elif kind == "recall":
                top, bottom = tp, actual
            else:
                top, bottom = 2 * tp, flagged + actual
            return float(np.mean(np.divide(top, bottom, out=np.zeros_like(top), where=bottom > 0)))

        return score

    def one_vs_rest(binary: Callable[[np.ndarray, np.ndarray], float]) -> ScoreFunction:
        def score(y, proba):
            return float(
                np.mean([binary((y == c).astype(int), proba[:, c]) for c in range(proba.shape[1])])
            )

        return score

    def accuracy(y, proba):
        return float(np.mean(proba.argmax(axis=1) == y))

    def log_loss(y, proba):
        proba = proba / proba.sum(axis=1, keepdims=True)
        picked = np.clip(proba[np.arange(len(y)), y], _EPS, 1 - _EPS)
        return float(-np.mean(np.log(picked)))

    def brier(y, proba):
        return float(np.mean(np.sum((proba - np.eye(proba.shape[1])[y]) ** 2, axis=1)))

    return {
        "accuracy": accuracy,
        "precision": macro("precision"),
        "recall": macro("recall"),
        "f1": macro("f1"),
        "roc_auc": one_vs_rest(roc_auc),
        "pr_auc": one_vs_rest(average_precision),
        "log_loss": log_loss,
        "brier": brier,
    }.get(key)


# --- Numbers --------------------------------------------------------------------------------


def _regression(key: str, mase_scale: float | None) -> ScoreFunction | None:
    def r2(y, p):
        total = np.sum((y - y.mean()) ** 2)
        return float(1 - np.sum((y - p) ** 2) / total) if total else float("nan")

    def smape(y, p):
        bottom = np.abs(y) + np.abs(p)
        top = 2 * np.abs(y - p)
        return float(np.mean(np.divide(top, bottom, out=np.zeros_like(bottom), where=bottom > 0)))

    functions: dict[str, ScoreFunction] = {
        "rmse": lambda y, p: float(np.sqrt(np.mean((y - p) ** 2))),
        "mae": lambda y, p: float(np.mean(np.abs(y - p))),
        "r2": r2,
        "mape": lambda y, p: float(np.mean(np.abs(y - p) / np.maximum(np.abs(y), _EPS))),
        "smape": smape,
    }
    if mase_scale:
        functions["mase"] = lambda y, p: float(np.mean(np.abs(y - p)) / mase_scale)
    return functions.get(key)


def score_function(
    key: str,
    task: str,
    *,
    threshold: float = 0.5,
    k: int = 100,
    mase_scale: float | None = None,
) -> ScoreFunction | None:
    """A fast ``f(y_true, prediction)`` equal to the registry metric ``key``, or None.

    ``prediction`` is what ``lessons.metrics.HeldOutPredictions`` holds: the positive-class
    probability (binary, 0/1 targets), class probabilities (multiclass, class-index targets)
    or numbers. Thresholded binary metrics flag scores at or above ``threshold``; ``k`` is
    the review capacity of precision@k and recall@k; ``mase_scale`` the naive forecast's
    training error (``lessons.scoring.naive_scale``).
    """
    if task == "binary":
        return _binary(key, threshold, k)
    if task == "multiclass":
        return _multiclass(key)
    return _regression(key, mase_scale)


def mase_scale(y_train: np.ndarray, seasonality: int, groups: np.ndarray | None) -> float | None:
    """The MASE denominator of a training series, None when MASE is undefined on it."""
    try:
        return naive_scale(y_train, seasonality=seasonality, groups=groups)
    except ValueError:
        return None
