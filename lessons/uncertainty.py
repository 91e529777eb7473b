"""How sure a score is: bootstrap intervals and paired comparisons, shared by every lesson.

A score read on a few thousand rows is one draw; a second sample of the same size would give
another. Every page that shows a score next to another ("beats the baseline", "model A vs B",
"honest vs production", "policy X vs Y") reads the comparison from here, so one rule decides
what counts as a real difference: the interval of the *paired* difference excludes zero.
Otherwise the page says "no real difference".

Two ways to get the noise:

* ``bootstrap_interval`` / ``paired_bootstrap``: resample the scored rows with replacement
  (percentile interval). Paired means both scores are recomputed on the *same* resampled rows,
  which cancels the noise the two share; that is what makes a small, consistent gain visible.
* ``paired_folds``: per-fold differences from cross-validation, with the Nadeau-Bengio
  correction. Plain ``std / sqrt(k)`` of fold scores pretends the folds are independent, but
  their training sets overlap, so it is too narrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from lessons import scoring
from lessons.scoring import fast

CONFIDENCE = 0.95
"""The confidence of every interval the app shows."""
N_RESAMPLES = 500
"""Bootstrap resamples: the 2.5 % and 97.5 % percentiles move by about 0.1 of a standard
error between runs at this size, small next to the interval itself."""

ScoreFunction = fast.ScoreFunction


@dataclass(frozen=True)
class ScoreInterval:
    """A score with its confidence interval.

    Attributes
    ----------
    score : float
        The score on all the rows.
    low, high : float
        The interval's ends (NaN when too few resamples were defined).
    confidence : float
    n_rows : int
        Rows the score was read on.
    """

    score: float
    low: float
    high: float
    confidence: float
    n_rows: int

    @property
    def half_width(self) -> float:
        """Half the interval's width: the "±" a page can show."""
        return (self.high - self.low) / 2

    def text(self, digits: int = 3) -> str:
        """``0.812 (95% CI 0.790 to 0.833)``."""
        if not np.isfinite(self.low):
            return f"{self.score:.{digits}f}"
        return (
            f"{self.score:.{digits}f} ({self.confidence:.0%} CI "
            f"{self.low:.{digits}f} to {self.high:.{digits}f})"
        )


@dataclass(frozen=True)
class Comparison:
    """Two scores compared on the same rows (or folds).

    Attributes
    ----------
    name_a, name_b : str
    score_a, score_b : float
    difference : float
        ``score_a - score_b``, in the metric's own units.
    low, high : float
        Confidence interval of the difference.
    greater_is_better : bool
    confidence : float
    """

    name_a: str
    name_b: str
    score_a: float
    score_b: float
    difference: float
    low: float
    high: float
    greater_is_better: bool
    confidence: float = CONFIDENCE

    @property
    def within_noise(self) -> bool:
        """True when the interval of the difference contains zero (or is undefined)."""
        return not (np.isfinite(self.low) and np.isfinite(self.high)) or self.low <= 0 <= self.high

    @property
    def better(self) -> str | None:
        """The name of the better side, or None when the difference is inside the noise."""
        if self.within_noise:
            return None
        # The side of zero the interval is on, not the point estimate's sign: a skewed
        # bootstrap can leave the estimate outside its own interval.
        a_higher = self.low > 0
        return self.name_a if a_higher == self.greater_is_better else self.name_b

    def text(self, digits: int = 3) -> str:
        """One sentence: who is better and by how much, or "no real difference"."""
        band = (
            f"{self.confidence:.0%} CI of {self.name_a} − {self.name_b} "
            f"{self.low:+.{digits}f} to {self.high:+.{digits}f}"
        )
        if self.better is None:
            return (
                f"No real difference: {self.name_a} {self.score_a:.{digits}f} vs "
                f"{self.name_b} {self.score_b:.{digits}f} ({band}, which includes 0)."
            )
        worse = self.name_b if self.better == self.name_a else self.name_a
        # The winner's margin and its interval in the same direction, both positive: an
        # interval of "a - b" printed next to "b is better by ..." read as a contradiction.
        sign = 1.0 if (self.better == self.name_a) == self.greater_is_better else -1.0
        low, high = sorted((sign * self.low, sign * self.high))
        return (
            f"{self.better} is better than {worse} by {sign * self.difference:.{digits}f} "
            f"({self.confidence:.0%} CI of the margin {low:.{digits}f} to {high:.{digits}f})."
        )


def metric_function(key: str, task: str, positive: object = None) -> ScoreFunction:
    """The registry metric as ``f(y_true, prediction)`` with this task's keywords bound.

    ``prediction`` is whatever the metric needs (see ``scoring.Metric.needs``): labels, a
    positive-class score, class probabilities or numbers. Where ``lessons.scoring.fast`` has
    the same metric without scikit-learn's input checks (ROC AUC, accuracy, R², MAE, RMSE),
    that one is used: a bootstrap calls it hundreds of times.
    """
    entry = scoring.metric(key)
    if key == "roc_auc" and task == "binary":
        return _binary_roc_auc
    if key == "accuracy" and task in scoring.CLASSIFICATION:
        return lambda y_true, labels: float(np.mean(np.asarray(y_true) == np.asarray(labels)))
    if task == "regression" and key in ("r2", "mae", "rmse"):
        numeric = fast.score_function(key, "regression")
        return lambda y_true, values: numeric(
            np.asarray(y_true, dtype=float), np.asarray(values, dtype=float)
        )
    kwargs = scoring.scorer_kwargs(key, task, positive)
    return lambda y_true, prediction: float(entry.function(y_true, prediction, **kwargs))


def _binary_roc_auc(y_true: Sequence, score: Sequence) -> float:
    # As scikit-learn: the greater of the two labels is the one the score is about.
    labels, codes = np.unique(np.asarray(y_true), return_inverse=True)
    if len(labels) != 2:
        raise ValueError("ROC AUC needs both classes among the rows.")
    return fast.roc_auc(codes, np.asarray(score, dtype=float))


def resamples(
    n_rows: int,
    *,
    groups: np.ndarray | None = None,
    n_resamples: int = N_RESAMPLES,
    random_state: int = 0,
) -> list[np.ndarray]:
    """Row positions of each bootstrap resample; whole entities when ``groups`` is given.

    Draw them once and reuse them when several scores are compared on the same rows.
    """
    rng = np.random.default_rng(random_state)
    if groups is None:
        return [rng.integers(0, n_rows, n_rows) for _ in range(n_resamples)]
    # Rows of one entity move together: resampling rows alone would treat a customer's twelve
    # months as twelve independent witnesses and make the interval too narrow.
    _, inverse = np.unique(groups, return_inverse=True)
    by_entity = np.argsort(inverse, kind="stable")
    sizes = np.bincount(inverse)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    drawn = []
    for _ in range(n_resamples):
        picked = rng.integers(0, len(sizes), len(sizes))
        lengths = sizes[picked]
        # Each picked entity's block of rows, laid end to end without a Python loop.
        offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        drawn.append(by_entity[np.repeat(starts[picked], lengths) + offsets])
    return drawn


def _safe(score: ScoreFunction, y: np.ndarray, p: np.ndarray) -> float:
    try:
        return float(score(y, p))
    except ValueError:  # one class only in a resample, for instance
        return float("nan")


_WEIGHT_CELLS = 2_000_000
"""Resamples × rows held at once by ``_resampled_roc_auc`` (16 MB of float64)."""


def _resampled_roc_auc(codes: np.ndarray, score: np.ndarray, drawn: list[np.ndarray]) -> np.ndarray:
    """ROC AUC on each resample, without a call per resample.

    A resample only changes how many times each row counts, so the rows are sorted by score
    once and every resample is a row of weights: per distinct score, the weighted positives
    times the weighted negatives below it (ties count half) is the Mann-Whitney count that the
    rank formula of ``fast.roc_auc`` gives on the resampled rows. NaN where a resample holds
    one class only.
    """
    n_rows = len(codes)
    order = np.argsort(score, kind="mergesort")
    ordered = score[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    positive = codes[order] == 1
    found = np.empty(len(drawn))
    chunk = max(1, _WEIGHT_CELLS // max(n_rows, 1))
    for first in range(0, len(drawn), chunk):
        block = drawn[first : first + chunk]
        weights = np.stack([np.bincount(rows, minlength=n_rows) for rows in block])[:, order]
        weights = weights.astype(float)
        positives = np.add.reduceat(np.where(positive, weights, 0.0), starts, axis=1)
        negatives = np.add.reduceat(np.where(positive, 0.0, weights), starts, axis=1)
        below = np.cumsum(negatives, axis=1) - negatives
        pairs = positives.sum(axis=1) * negatives.sum(axis=1)
        wins = np.sum(positives * (below + negatives / 2), axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            found[first : first + len(block)] = np.where(pairs > 0, wins / pairs, np.nan)
    return found


def _draws(
    score: ScoreFunction, y: np.ndarray, prediction: np.ndarray, drawn: list[np.ndarray]
) -> np.ndarray:
    """The score on each resample of the rows."""
    if score is _binary_roc_auc and prediction.ndim == 1:
        labels, codes = np.unique(y, return_inverse=True)
        if len(labels) == 2:
            return _resampled_roc_auc(codes, prediction.astype(float), drawn)
    return np.array([_safe(score, y[i], prediction[i]) for i in drawn])


def _percentiles(values: np.ndarray, confidence: float) -> tuple[float, float]:
    values = values[np.isfinite(values)]
    if len(values) < 20:
        return float("nan"), float("nan")
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def bootstrap_interval(
    score: ScoreFunction,
    y_true: Sequence,
    prediction: Sequence | np.ndarray,
    *,
    groups: Sequence | None = None,
    n_resamples: int = N_RESAMPLES,
    confidence: float = CONFIDENCE,
    random_state: int = 0,
) -> ScoreInterval:
    """The score on all rows and its percentile-bootstrap interval.

    Parameters
    ----------
    score : callable
        ``score(y_true, prediction) -> float``; ``metric_function`` builds one.
    y_true, prediction : array-like
        The scored rows (``prediction`` may be 2-D: class probabilities).
    groups : array-like, optional
        Entity of each row; whole entities are resampled together.
    """
    y = np.asarray(y_true)
    p = np.asarray(prediction)
    full = _safe(score, y, p)
    grouped = None if groups is None else np.asarray(groups)
    drawn = resamples(len(y), groups=grouped, n_resamples=n_resamples, random_state=random_state)
    draws = _draws(score, y, p, drawn)
    low, high = _percentiles(draws, confidence)
    return ScoreInterval(full, low, high, confidence, len(y))


def paired_bootstrap(
    score: ScoreFunction,
    y_true: Sequence,
    prediction_a: Sequence | np.ndarray,
    prediction_b: Sequence | np.ndarray,
    *,
    greater_is_better: bool,
    names: tuple[str, str] = ("A", "B"),
    groups: Sequence | None = None,
    n_resamples: int = N_RESAMPLES,
    confidence: float = CONFIDENCE,
    random_state: int = 0,
) -> Comparison:
    """Two predictions of the same rows compared on the same bootstrap resamples."""
    y = np.asarray(y_true)
    a, b = np.asarray(prediction_a), np.asarray(prediction_b)
    grouped = None if groups is None else np.asarray(groups)
    drawn = resamples(len(y), groups=grouped, n_resamples=n_resamples, random_state=random_state)
    differences = _draws(score, y, a, drawn) - _draws(score, y, b, drawn)
    score_a, score_b = _safe(score, y, a), _safe(score, y, b)
    low, high = _percentiles(differences, confidence)
    return Comparison(
        names[0],
        names[1],
        score_a,
        score_b,
        score_a - score_b,
        low,
        high,
        greater_is_better,
        confidence,
    )


def paired_bootstraps(
    pairs: dict[str, tuple[ScoreFunction, np.ndarray, np.ndarray, bool, tuple[str, str]]],
    y_true: Sequence,
    *,
    groups: Sequence | None = None,
    n_resamples: int = N_RESAMPLES,
    confidence: float = CONFIDENCE,
    random_state: int = 0,
) -> dict[str, Comparison]:
    """``paired_bootstrap`` for several metrics at once, on one set of resamples.

    Each entry of ``pairs`` is ``(score, prediction_a, prediction_b, greater_is_better,
    names)``. The result equals one ``paired_bootstrap`` call per entry with the same
    ``random_state``; the resamples are only drawn once.
    """
    y = np.asarray(y_true)
    drawn = resamples(
        len(y),
        groups=None if groups is None else np.asarray(groups),
        n_resamples=n_resamples,
        random_state=random_state,
    )
    found = {}
    for key, (score, a, b, higher, names) in pairs.items():
        a, b = np.asarray(a), np.asarray(b)
        differences = _draws(score, y, a, drawn) - _draws(score, y, b, drawn)
        low, high = _percentiles(differences, confidence)
        score_a, score_b = _safe(score, y, a), _safe(score, y, b)
        found[key] = Comparison(
            names[0], names[1], score_a, score_b, score_a - score_b, low, high, higher, confidence
        )
    return found


_MEAN_CHUNK = 50
"""Resamples drawn per NumPy call in ``paired_mean_bootstrap``: large enough to vectorise,
small enough that a (chunk, entities) index array stays a few megabytes."""


def paired_mean_bootstrap(
    losses_a: np.ndarray,
    losses_b: np.ndarray,
    *,
    names: tuple[str, str],
    greater_is_better: bool,
    scale: float = 1.0,
    groups: np.ndarray | None = None,
    random_state: int = 0,
) -> Comparison:
    """``paired_bootstrap`` of a score that is a mean over rows, vectorised.

    For scores like the cost per 1,000 rows, accuracy, MAE or the pinball loss, each row
    contributes its own loss and the score is ``scale`` times their mean. The resamples (rows,
    or whole groups, drawn from the same seed) and the percentile interval are those of
    ``uncertainty.paired_bootstrap``, so the same rule decides "no real difference"; summing
    per-group differences instead of calling a scorer per resample keeps a slider move fast.

    Parameters
    ----------
    losses_a, losses_b : numpy.ndarray
        Each row's contribution to the two scores, on the same rows.
    names : tuple of str
    greater_is_better : bool
    scale : float
        The score is ``scale * mean(losses)`` (1000 for a cost per 1,000 rows).
    groups : numpy.ndarray, optional
        Entity of each row; whole entities are resampled together.
    random_state : int
    """
    (comparison,) = paired_mean_bootstraps(
        losses_a,
        [losses_b],
        names=[names],
        greater_is_better=greater_is_better,
        scale=scale,
        groups=groups,
        random_state=random_state,
    )
    return comparison


def paired_mean_bootstraps(
    losses_a: np.ndarray,
    others: Sequence[np.ndarray],
    *,
    names: Sequence[tuple[str, str]],
    greater_is_better: bool,
    scale: float = 1.0,
    groups: np.ndarray | None = None,
    random_state: int = 0,
) -> tuple[Comparison, ...]:
    """``paired_mean_bootstrap`` of ``losses_a`` against each of ``others``.

    Every comparison is the one ``paired_mean_bootstrap`` gives on its own (the same seed
    draws the same resamples); the resamples are drawn once for all of them.

    Parameters
    ----------
    losses_a : numpy.ndarray
        Each row's contribution to the score every other is compared with.
    others : sequence of numpy.ndarray
        The other scores' row contributions, on the same rows.
    names : sequence of tuple of str
        The two names of each comparison, in the order of ``others``.
    greater_is_better, scale, groups, random_state
        As in ``paired_mean_bootstrap``.
    """
    losses_a = np.asarray(losses_a, dtype=float)
    others = [np.asarray(losses_b, dtype=float) for losses_b in others]
    if groups is None:
        inverse = np.arange(len(losses_a))
    else:
        inverse = np.unique(np.asarray(groups), return_inverse=True)[1].ravel()
    n_groups = int(inverse.max()) + 1
    difference_sums = [
        np.bincount(inverse, weights=losses_a - losses_b, minlength=n_groups) for losses_b in others
    ]
    sizes = np.bincount(inverse, minlength=n_groups)
    rng = np.random.default_rng(random_state)
    draws: list[list[np.ndarray]] = [[] for _ in others]
    for start in range(0, N_RESAMPLES, _MEAN_CHUNK):
        count = min(_MEAN_CHUNK, N_RESAMPLES - start)
        picks = rng.integers(0, n_groups, (count, n_groups))
        drawn_sizes = sizes[picks].sum(axis=1)
        for found, sums in zip(draws, difference_sums, strict=True):
            found.append(scale * sums[picks].sum(axis=1) / drawn_sizes)
    tail = (1 - CONFIDENCE) / 2 * 100
    score_a = scale * losses_a.mean()
    comparisons = []
    for losses_b, found, pair in zip(others, draws, names, strict=True):
        low, high = np.percentile(np.concatenate(found), [tail, 100 - tail])
        score_b = scale * losses_b.mean()
        comparisons.append(
            Comparison(
                pair[0],
                pair[1],
                float(score_a),
                float(score_b),
                float(score_a - score_b),
                float(low),
                float(high),
                greater_is_better=greater_is_better,
            )
        )
    return tuple(comparisons)


def compare_scores(
    scores_a: Sequence[float],
    scores_b: Sequence[float],
    *,
    greater_is_better: bool,
    names: tuple[str, str] = ("A", "B"),
    confidence: float = CONFIDENCE,
) -> Comparison:
    """Paired per-run differences (seeds, months, repeats): a t-interval of their mean.

    Use it when each pair was scored on its own independent rows (a fresh seed, a new month);
    for cross-validation folds use ``paired_folds``, whose training sets overlap.
    """
    return _t_comparison(scores_a, scores_b, 1.0, greater_is_better, names, confidence)


def paired_folds(
    scores_a: Sequence[float],
    scores_b: Sequence[float],
    *,
    test_fraction: float,
    greater_is_better: bool,
    names: tuple[str, str] = ("A", "B"),
    confidence: float = CONFIDENCE,
) -> Comparison:
    """Two models' scores on the same cross-validation folds, compared fold by fold.

    The variance of the mean difference uses the Nadeau-Bengio correction
    ``(1/k + n_test/n_train) * s²`` because the folds share training rows.

    Parameters
    ----------
    test_fraction : float
        Share of the rows each fold scores (``1 / n_splits`` for k-fold).
    """
    inflation = 1.0 + len(scores_a) * test_fraction / (1 - test_fraction)
    return _t_comparison(scores_a, scores_b, inflation, greater_is_better, names, confidence)


def fold_mean_interval(
    fold_scores: Sequence[float], *, test_fraction: float, confidence: float = CONFIDENCE
) -> ScoreInterval:
    """The cross-validated mean with a corrected t-interval (not the fold standard deviation).

    The standard deviation of the folds says how much one fold varies; the uncertainty of
    their *mean* is smaller, but not ``std / sqrt(k)`` either, since folds share training rows.
    """
    scores = np.asarray(fold_scores, dtype=float)
    k = len(scores)
    mean = float(scores.mean())
    if k < 2:
        return ScoreInterval(mean, float("nan"), float("nan"), confidence, k)
    variance = (1 / k + test_fraction / (1 - test_fraction)) * scores.var(ddof=1)
    half = stats.t.ppf(0.5 + confidence / 2, k - 1) * np.sqrt(variance)
    return ScoreInterval(mean, mean - half, mean + half, confidence, k)


def _t_comparison(
    scores_a: Sequence[float],
    scores_b: Sequence[float],
    inflation: float,
    greater_is_better: bool,
    names: tuple[str, str],
    confidence: float,
) -> Comparison:
    a, b = np.asarray(scores_a, dtype=float), np.asarray(scores_b, dtype=float)
    if a.shape != b.shape:
        raise ValueError("paired scores need the same number of runs on each side")
    differences = a - b
    k = len(differences)
    mean = float(differences.mean())
    if k < 2:
        low = high = float("nan")
    else:
        standard_error = np.sqrt(inflation * differences.var(ddof=1) / k)
        half = stats.t.ppf(0.5 + confidence / 2, k - 1) * standard_error
        low, high = mean - half, mean + half
    return Comparison(
        names[0],
        names[1],
        float(a.mean()),
        float(b.mean()),
        mean,
        float(low),
        float(high),
        greater_is_better,
        confidence,
    )
