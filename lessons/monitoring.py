"""Lesson 7, deploy and monitor: ship an artifact, watch production drift, retrain, roll back.

A shipped model is a materialised artifact, like a mart: inputs (its features), the built
thing (fitted parameters, identified by a content hash), tests (its metrics) and a schedule
(retraining). This module simulates the months after the training window, seeded:

- production months are drawn from rows the model never saw (the real later months when
  the dataset has enough of them, else resamples of held-out rows), with a drift scenario
  whose strength grows month by month: covariate drift (the inputs move, the relation stays),
  prior shift (the class balance or target level moves) or concept drift (the relation moves);
- outcomes arrive some months late, so real performance is known only for older months;
- drift statistics compare each feature with the training window: PSI and Kolmogorov-Smirnov
  for numbers, chi-square and Jensen-Shannon for categories;
- retraining policies (never, monthly, on alert) run through the same months, every
  candidate passing an evaluation gate, so a retrain on a corrupted month is rejected and the
  previous version keeps serving;
- rebuilding the same recipe on a new window or seed shows how many decisions flip.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon
from sklearn.base import clone
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score
from sklearn.pipeline import Pipeline

from lessons import scoring
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import (
    ColumnRoles,
    TablePreprocessor,
    labelled_frame,
    learn_roles,
    positive_class,
)

SCENARIOS: dict[str, str] = {
    "none": "No injected drift",
    "covariate": "Covariate drift (inputs move)",
    "prior": "Prior shift (the outcome mix moves)",
    "concept": "Concept drift (the relation moves)",
}
POLICIES: dict[str, str] = {
    "never": "Never retrain",
    "monthly": "Retrain monthly",
    "on_alert": "Retrain on alert",
}
PSI_MODERATE = 0.1
PSI_MAJOR = 0.25
JS_ALERT = 0.1
P_VALUE_ALERT = 0.01
N_MONTHS = 12
MONTH_ROWS = 600
GATE_TOLERANCE = 0.02
RETRAIN_ROWS = 2000
SHIP_ROWS = 4000
GATE_MARGIN = 0.05
TOP_SHARE = 0.1
_DRIFT_STRENGTH = 4.0


# --------------------------------------------------------------------------------------------
# Drift statistics
# --------------------------------------------------------------------------------------------


def psi(reference: Sequence[float], current: Sequence[float], bins: int = 10) -> float:
    """Population stability index of a numeric feature, on deciles of the reference.

    ``PSI = sum((c - r) * ln(c / r))`` over bins, with ``r`` and ``c`` the share of the
    reference and current rows in each bin. Empty bins get a share of 1e-4, so one empty
    bin does not make the index infinite. By convention, under 0.1 is stable, 0.1 to 0.25 a
    moderate shift, over 0.25 a major one.
    """
    reference = _finite(reference)
    current = _finite(current)
    if len(reference) == 0 or len(current) == 0:
        return math.nan
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, bins + 1)[1:-1]))
    ref_share = np.bincount(
        np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1
    )
    cur_share = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1)
    return _psi_from_counts(ref_share, cur_share)


def psi_categorical(reference: Sequence[object], current: Sequence[object]) -> float:
    """PSI over categories (a category unseen in one sample counts as a tiny share there)."""
    ref_counts, cur_counts = _category_counts(reference, current)
    return _psi_from_counts(ref_counts, cur_counts)


def _psi_from_counts(reference_counts: np.ndarray, current_counts: np.ndarray) -> float:
    r = np.clip(reference_counts / reference_counts.sum(), 1e-4, None)
    c = np.clip(current_counts / current_counts.sum(), 1e-4, None)
    return float(np.sum((c - r) * np.log(c / r)))


def ks(reference: Sequence[float], current: Sequence[float]) -> tuple[float, float]:
    """Two-sample Kolmogorov-Smirnov: the largest gap between the two ECDFs, and its p-value."""
    # The asymptotic p-value: the exact one costs seconds on a few thousand rows.
    result = stats.ks_2samp(_finite(reference), _finite(current), method="asymp")
    return float(result.statistic), float(result.pvalue)


def chi_square(reference: Sequence[object], current: Sequence[object]) -> tuple[float, float]:
    """Chi-square test of independence between sample (reference/current) and category."""
    ref_counts, cur_counts = _category_counts(reference, current)
    keep = (ref_counts + cur_counts) > 0
    table = np.vstack([ref_counts[keep], cur_counts[keep]])
    if table.shape[1] < 2:
        return 0.0, 1.0
    statistic, p_value, _, _ = stats.chi2_contingency(table, correction=False)
    return float(statistic), float(p_value)


def jensen_shannon(reference: Sequence[object], current: Sequence[object]) -> float:
    """Jensen-Shannon distance (base 2, from 0 for identical mixes to 1 for disjoint ones)."""
    ref_counts, cur_counts = _category_counts(reference, current)
    return float(jensenshannon(ref_counts, cur_counts, base=2))


def _finite(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    return array[np.isfinite(array)]


def _category_counts(
    reference: Sequence[object], current: Sequence[object]
) -> tuple[np.ndarray, np.ndarray]:
    return _aligned(_counts(reference), _counts(current))


def _aligned(ref: pd.Series, cur: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    categories = sorted(set(ref.index) | set(cur.index))
    return (
        ref.reindex(categories, fill_value=0).to_numpy(dtype=float),
        cur.reindex(categories, fill_value=0).to_numpy(dtype=float),
    )


def _counts(values: Sequence[object]) -> pd.Series:
    counts = pd.Series(np.asarray(values, dtype=object)).value_counts(dropna=False)
    counts.index = ["(missing)" if pd.isna(v) else str(v) for v in counts.index]
    return counts.groupby(level=0).sum()


def drift_alert(drift: Sequence[FeatureDrift]) -> bool:
    """An input alert: a major PSI, or a category mix twice the Jensen-Shannon threshold."""
    return any(
        d.status == "major" or (d.kind == "categorical" and d.js >= 2 * JS_ALERT) for d in drift
    )


def psi_status(value: float) -> str:
    """The PSI convention in words."""
    if not math.isfinite(value) or value < PSI_MODERATE:
        return "stable"
    return "moderate" if value < PSI_MAJOR else "major"


@dataclass(frozen=True)
class FeatureDrift:
    """How far one feature moved from the training window.

    Attributes
    ----------
    feature : str
    kind : {"numeric", "categorical"}
    psi : float
    test : {"KS", "chi-square"}
        The statistical test used for this kind of feature.
    statistic : float
        KS's D (largest ECDF gap) or the chi-square statistic.
    p_value : float
    js : float
        Jensen-Shannon distance (categorical features; NaN for numeric ones).
    """

    feature: str
    kind: str
    psi: float
    test: str
    statistic: float
    p_value: float
    js: float = math.nan

    @property
    def status(self) -> str:
        status = psi_status(self.psi)
        if self.kind == "categorical" and self.js >= JS_ALERT and status == "stable":
            return "moderate"
        return status


def feature_drift(
    reference: pd.DataFrame,
    current: pd.DataFrame,
    numeric: Sequence[str],
    categorical: Sequence[str],
    *,
    prepared: dict[str, pd.Series] | None = None,
) -> tuple[FeatureDrift, ...]:
    """Drift statistics of every feature, current month against the training window.

    ``prepared`` may hold the reference's category counts per categorical feature
    (``reference_counts``), so a simulation counts the training window once, not monthly.
    """
    prepared = prepared if prepared is not None else reference_counts(reference, categorical)
    rows = []
    for column in numeric:
        statistic, p_value = ks(reference[column], current[column])
        rows.append(
            FeatureDrift(
                column, "numeric", psi(reference[column], current[column]), "KS", statistic, p_value
            )
        )
    for column in categorical:
        ref, cur = _aligned(prepared[column], _counts(current[column]))
        keep = (ref + cur) > 0
        if keep.sum() >= 2:
            statistic, p_value = (
                float(v)
                for v in stats.chi2_contingency(
                    np.vstack([ref[keep], cur[keep]]), correction=False
                )[:2]
            )
        else:
            statistic, p_value = 0.0, 1.0
        rows.append(
            FeatureDrift(
                column,
                "categorical",
                _psi_from_counts(ref, cur),
                "chi-square",
                statistic,
                p_value,
                float(jensenshannon(ref, cur, base=2)),
            )
        )
    return tuple(rows)


def reference_counts(reference: pd.DataFrame, categorical: Sequence[str]) -> dict[str, pd.Series]:
    """Category counts of the training window, per categorical feature."""
    return {column: _counts(reference[column]) for column in categorical}


@dataclass(frozen=True)
class SampleSizeRow:
    """The same small shift measured on samples of one size."""

    n: int
    psi: float
    ks_p_value: float


def p_values_on_big_samples(
    shift: float = 0.05, sizes: Sequence[int] = (500, 5_000, 50_000, 500_000), random_state: int = 0
) -> tuple[SampleSizeRow, ...]:
    """A fixed, tiny shift (``shift`` standard deviations) measured at growing sample sizes.

    PSI describes the size of the shift and stays about the same; the KS p-value answers
    "is there any shift at all?" and, with enough rows, says yes to a shift nobody cares about.
    """
    rng = np.random.default_rng(random_state)
    rows = []
    for n in sizes:
        reference = rng.normal(0.0, 1.0, n)
        current = rng.normal(shift, 1.0, n)
        rows.append(SampleSizeRow(n, psi(reference, current), ks(reference, current)[1]))
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# The artifact
# --------------------------------------------------------------------------------------------


def content_hash(estimator: object) -> str:
    """A short SHA-256 of a fitted estimator's parameters and learned state.

    The estimator is walked and serialised deterministically (arrays by dtype, shape and
    bytes; numbers by ``repr``; mappings by sorted key); pickle is never used, so the hash
    depends only on what the model learned and how it was configured.
    """
    digest = hashlib.sha256()
    _feed(digest, estimator, depth=0, seen=set())
    return digest.hexdigest()[:16]


def _feed(digest, value: object, *, depth: int, seen: set[int]) -> None:
    if depth > 12:
        digest.update(b"<deep>")
        return
    if value is None or isinstance(value, bool | int | float | str | bytes | complex):
        digest.update(repr(value).encode())
        return
    if isinstance(value, np.generic):
        digest.update(repr(value.item()).encode())
        return
    if isinstance(value, np.ndarray):
        digest.update(f"ndarray{value.dtype.str}{value.shape}".encode())
        if value.dtype.hasobject:
            for item in value.ravel():
                _feed(digest, item, depth=depth + 1, seen=seen)
        else:
            digest.update(np.ascontiguousarray(value).tobytes())
        return
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            digest.update(str(key).encode())
            _feed(digest, value[key], depth=depth + 1, seen=seen)
        return
    if isinstance(value, list | tuple):
        digest.update(f"seq{len(value)}".encode())
        for item in value:
            _feed(digest, item, depth=depth + 1, seen=seen)
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    digest.update(type(value).__qualname__.encode())
    if callable(value) and not hasattr(value, "get_params"):
        # A function (e.g. inside a FunctionTransformer): its name is its identity here.
        digest.update(getattr(value, "__qualname__", "").encode())
        return
    # scikit-learn trees keep their nodes in a Tree object that exposes its state as a dict.
    state = value.__getstate__() if hasattr(value, "__getstate__") else None
    if not isinstance(state, dict):
        state = getattr(value, "__dict__", None)
    if not isinstance(state, dict):
        digest.update(repr(value).encode())
        return
    for key in sorted(state):
        if key.startswith("_sklearn_version") or key == "n_jobs" or key == "verbose":
            continue
        digest.update(key.encode())
        _feed(digest, state[key], depth=depth + 1, seen=seen)


@dataclass(frozen=True)
class Artifact:
    """A shipped model, described like a materialised table.

    Attributes
    ----------
    model : str
        The recipe's name.
    params : tuple of (str, object)
        The recipe's parameters.
    version : int
    content_hash : str
        SHA-256 prefix of the fitted pipeline's parameters and learned state.
    features : tuple of str
        The columns it takes, in order.
    training_window : str
        Which rows it was built from.
    n_train : int
    metric : str
        The metric it is judged on.
    validation_score : float
        That metric on the held-out end of the training window.
    schedule : str
        The retraining schedule in words.
    """

    model: str
    params: tuple[tuple[str, object], ...]
    version: int
    content_hash: str
    features: tuple[str, ...]
    training_window: str
    n_train: int
    metric: str
    validation_score: float
    schedule: str


# --------------------------------------------------------------------------------------------
# The production simulation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Month:
    """One month in production, scored by the shipped model (v1).

    Attributes
    ----------
    index : int
        0 for the first month after the training window.
    label : str
        Calendar month (``2024-03``) or ``month 3`` for simulated months.
    frame : pandas.DataFrame
        The month's rows: features and the true target.
    scores : numpy.ndarray
        What v1 output: the positive class's probability, the predicted class or value.
    performance : float
        v1's metric on the month's true outcomes (known only ``delay`` months later).
    drift : tuple of FeatureDrift
    prediction_psi : float
        PSI of v1's output against its output on the validation rows.
    """

    index: int
    label: str
    frame: pd.DataFrame = field(repr=False)
    scores: np.ndarray = field(repr=False)
    performance: float
    drift: tuple[FeatureDrift, ...]
    prediction_psi: float

    @property
    def alert(self) -> bool:
        """True when any input or the predictions moved past the alert thresholds."""
        return self.prediction_psi >= PSI_MAJOR or drift_alert(self.drift)

    def worst(self, n: int = 3) -> tuple[FeatureDrift, ...]:
        return tuple(sorted(self.drift, key=lambda d: -d.psi if math.isfinite(d.psi) else 0)[:n])


@dataclass(frozen=True)
class Event:
    """Something a retraining policy did at the end of a month."""

    month: int
    version: int
    accepted: bool
    candidate_score: float
    live_score: float
    baseline_score: float
    reason: str


@dataclass(frozen=True)
class PolicyRun:
    """How one retraining policy fared, month by month (true performance, in hindsight)."""

    policy: str
    performance: tuple[float, ...]
    versions: tuple[int, ...]
    events: tuple[Event, ...]

    @property
    def mean_performance(self) -> float:
        return float(np.nanmean(self.performance))

    @property
    def retrains(self) -> int:
        return sum(e.accepted for e in self.events)

    @property
    def rollbacks(self) -> tuple[Event, ...]:
        return tuple(e for e in self.events if not e.accepted)


@dataclass(frozen=True)
class Flips:
    """The same recipe rebuilt; how many decisions on one month change.

    Attributes
    ----------
    what : str
        What was rebuilt ("a new seed", "a new window").
    decision : str
        The decision compared (e.g. "flagged in the top 10 % by risk").
    flipped : int
    n : int
    score_before, score_after : float
        The metric of the shipped model and of the rebuild on that month.
    hash_after : str
    """

    what: str
    decision: str
    flipped: int
    n: int
    score_before: float
    score_after: float
    hash_after: str

    @property
    def share(self) -> float:
        return self.flipped / self.n if self.n else 0.0


@dataclass(frozen=True)
class Simulation:
    """Everything the monitor page shows, computed once per setting."""

    artifact: Artifact
    task: str
    scenario: str
    intensity: float
    delay: int
    corrupt_month: int | None
    drifted_feature: str
    numeric: tuple[str, ...]
    categorical: tuple[str, ...]
    reference: pd.DataFrame = field(repr=False)
    reference_scores: np.ndarray = field(repr=False)
    months: tuple[Month, ...]
    policies: dict[str, PolicyRun]
    flips: tuple[Flips, ...]
    real_months: bool

    def known(self, current: int) -> list[bool]:
        """Which months' outcomes have arrived by the end of month ``current``."""
        return [m.index <= current - self.delay for m in self.months]


def metric_for(task: str) -> str:
    """The name of the task's score: the registry's default metric."""
    return scoring.metric(scoring.DEFAULT_METRIC[task]).name


def performance(task: str, y_true, scores) -> float:
    """The task's metric: ROC AUC on probabilities, accuracy on classes, R² on values."""
    y_true = np.asarray(y_true)
    if task == "binary":
        return float(roc_auc_score(y_true, scores)) if len(np.unique(y_true)) == 2 else math.nan
    if task == "multiclass":
        return float(accuracy_score(y_true.astype(str), np.asarray(scores).astype(str)))
    return float(r2_score(y_true, scores)) if len(y_true) > 1 else math.nan


def _baseline(task: str, y_true) -> float:
    y_true = pd.Series(np.asarray(y_true))
    if task == "binary":
        return 0.5
    if task == "multiclass":
        return float(y_true.astype(str).value_counts(normalize=True).iloc[0])
    return 0.0


def _output(task: str, pipeline, frame: pd.DataFrame, positive: object) -> np.ndarray:
    if task == "binary":
        column = list(pipeline.classes_).index(positive)
        return pipeline.predict_proba(frame)[:, column]
    return np.asarray(pipeline.predict(frame))


def _binary_target(task: str, y: pd.Series, positive: object) -> np.ndarray:
    return (y == positive).to_numpy().astype(int) if task == "binary" else y.to_numpy()


def monitored_features(reference: pd.DataFrame) -> ColumnRoles:
    """The shipped model's inputs, as the app's one preprocessing sees the training window.

    Numbers and categories are both the model's inputs and what the drift monitors watch; date
    columns are left out here, since a date always moves forward and would alert every month.
    """
    roles = learn_roles(reference)
    if not roles.numeric and not roles.categorical:
        raise DataError(
            "No column can feed a shipped model here (only dates, identifiers or empty columns)."
        )
    return roles


def shipped_pipeline(estimator) -> Pipeline:
    """The app's one preprocessing, then the shipped estimator."""
    return Pipeline([("preprocess", TablePreprocessor()), ("model", estimator)])


def _windows(dataset: Dataset, frame: pd.DataFrame, rng) -> tuple[np.ndarray, list, str, bool]:
    """Training-window positions, production months (label, positions), window text, real?"""
    n = len(frame)
    if dataset.time_column and dataset.time_column in frame:
        times = pd.to_datetime(frame[dataset.time_column], errors="coerce")
        if times.notna().mean() > 0.9:
            order = np.argsort(times.to_numpy(), kind="stable")
            order = order[times.iloc[order].notna().to_numpy()]
            cutoff = times.iloc[order[len(order) // 2]].to_period("M").to_timestamp()
            train = order[(times.iloc[order] < cutoff).to_numpy()]
            rest = order[(times.iloc[order] >= cutoff).to_numpy()]
            periods = times.iloc[rest].dt.to_period("M")
            labels = sorted(periods.unique())
            if len(train) >= 30 and len(labels) >= 6 and len(rest) >= 30 * len(labels):
                months = [(str(p), rest[(periods == p).to_numpy()]) for p in labels[:N_MONTHS]]
                start = times.iloc[train].min().date()
                end = times.iloc[train].max().date()
                return train, months, f"{start} to {end} ({len(train):,} rows)", True
            if len(train) >= 30:
                window = (
                    f"{times.iloc[train].min().date()} to {times.iloc[train].max().date()} "
                    f"({len(train):,} rows)"
                )
                return train, [(f"month {i + 1}", rest) for i in range(N_MONTHS)], window, False
    # Random order, so the validation end of the window is a random sample too.
    positions = rng.permutation(n)
    train, rest = positions[: n // 2], positions[n // 2 :]
    window = f"a random half of the rows ({len(train):,}); the dataset has no usable time order"
    return train, [(f"month {i + 1}", rest) for i in range(N_MONTHS)], window, False


def _rank(values: pd.Series) -> np.ndarray:
    """Percentile rank from -0.5 to 0.5: drift weights that outliers cannot dominate."""
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    return np.nan_to_num(numbers.rank(pct=True).to_numpy() - 0.5, nan=0.0)


def _z(values: pd.Series) -> np.ndarray:
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    spread = numbers.std()
    z = (numbers - numbers.mean()) / (spread if spread and math.isfinite(spread) else 1.0)
    return np.nan_to_num(z.to_numpy(), nan=0.0)


def _drift_feature(frame: pd.DataFrame, y: pd.Series, numeric: Sequence[str], task: str) -> str:
    """The numeric feature most correlated with the target: drift there matters most."""
    # Class labels may be text ("yes"/"no"); sorted codes keep their order stable.
    target = pd.Series(pd.factorize(y, sort=True)[0] if task != "regression" else pd.to_numeric(y))
    best, best_corr = numeric[0], -1.0
    for column in numeric:
        corr = abs(pd.Series(_z(frame[column])).corr(target.reset_index(drop=True)))
        if math.isfinite(corr) and corr > best_corr:
            best, best_corr = column, corr
    return best


def _sample_month(
    frame: pd.DataFrame,
    positions: np.ndarray,
    *,
    scenario: str,
    strength: float,
    target: str,
    task: str,
    positive: object,
    feature: str | None,
    rng: np.random.Generator,
) -> pd.DataFrame:
    pool = frame.iloc[positions].reset_index(drop=True)
    weights = np.ones(len(pool))
    if scenario == "covariate" and feature:
        weights = np.exp(_DRIFT_STRENGTH * strength * _rank(pool[feature]))
    elif scenario == "prior":
        if task == "regression":
            weights = np.exp(_DRIFT_STRENGTH * strength * _rank(pool[target]))
        else:
            weights = np.where(pool[target] == positive, np.exp(_DRIFT_STRENGTH * strength), 1.0)
    size = min(MONTH_ROWS, max(len(pool), 200))
    chosen = rng.choice(
        len(pool), size=size, replace=len(pool) < MONTH_ROWS * 2, p=weights / weights.sum()
    )
    month = pool.iloc[chosen].reset_index(drop=True)
    if scenario == "concept" and feature:
        affected = (_z(month[feature]) > 0) & (rng.random(len(month)) < strength)
        if task == "regression":
            y = pd.to_numeric(month[target]).astype(float)
            shift = 2.0 * strength * y.std() * _z(month[feature])
            month[target] = y - np.where(_z(month[feature]) > 0, shift, 0.0)
        else:
            classes = frame[target].dropna().unique()
            if task == "binary":
                other = {classes[0]: classes[1], classes[1]: classes[0]}
                flipped = month[target].map(other)
            else:
                flipped = pd.Series(rng.choice(classes, len(month)), index=month.index)
            month[target] = month[target].where(~affected, flipped)
    return month


def simulate(
    dataset: Dataset,
    estimator: object,
    *,
    model: str,
    params: dict,
    scenario: str = "none",
    intensity: float = 0.5,
    delay: int = 2,
    corrupt_month: int | None = 6,
    random_state: int = 0,
) -> Simulation:
    """Ship a model on the training window and run production month by month.

    Parameters
    ----------
    dataset : Dataset
    estimator : scikit-learn estimator
        The unfitted recipe; it is wrapped in the honest preprocessing pipeline and cloned for
        every rebuild.
    model : str
        The recipe's name, for the artifact card.
    params : dict
        The recipe's parameters, for the artifact card.
    scenario : {"none", "covariate", "prior", "concept"}
    intensity : float
        From 0 (no injected drift) to 1 (strong by the last month); drift grows linearly.
    delay : int
        Months before a month's outcomes arrive.
    corrupt_month : int or None
        A month whose arriving outcomes are all one default value (a broken join), or None.
    random_state : int

    Returns
    -------
    Simulation
    """
    if scenario not in SCENARIOS:
        raise DataError(f"Unknown drift scenario {scenario!r}; pick one of {', '.join(SCENARIOS)}.")
    rng = np.random.default_rng(random_state)
    frame = labelled_frame(dataset).reset_index(drop=True)
    task = dataset.task
    target = dataset.target
    train_positions, month_pools, window_text, real = _windows(dataset, frame, rng)
    roles = monitored_features(frame.iloc[train_positions][dataset.feature_columns])
    numeric, categorical = list(roles.numeric), list(roles.categorical)
    features = [*numeric, *categorical]
    y = frame[target]
    positive = positive_class(y, dataset.event) if task == "binary" else None
    drifted = (
        _drift_feature(frame.iloc[train_positions], y.iloc[train_positions], numeric, task)
        if numeric
        else ""
    )

    # Ship v1: fit on the first 80 % of the window, validate on the rest (in time order).
    n_fit = int(len(train_positions) * 0.8)
    fit_rows, validation_rows = train_positions[:n_fit][-SHIP_ROWS:], train_positions[n_fit:]
    if task != "regression" and y.iloc[fit_rows].nunique() < 2:
        raise DataError("The training window holds a single class; there is nothing to ship.")
    recipe = shipped_pipeline(estimator)
    shipped = clone(recipe).fit(frame.iloc[fit_rows][features], y.iloc[fit_rows])
    reference_scores = _output(task, shipped, frame.iloc[validation_rows][features], positive)
    validation_truth = _binary_target(task, y.iloc[validation_rows], positive)
    validation_score = performance(task, validation_truth, reference_scores)
    artifact = Artifact(
        model=model,
        params=tuple(sorted((str(k), v) for k, v in params.items())),
        version=1,
        content_hash=content_hash(shipped),
        features=tuple(features),
        training_window=window_text,
        n_train=len(fit_rows),
        metric=metric_for(task),
        validation_score=validation_score,
        schedule="",
    )
    reference = frame.iloc[train_positions][features].reset_index(drop=True)
    prepared = reference_counts(reference, categorical)

    months: list[Month] = []
    arrived: list[pd.DataFrame] = []
    for index, (label, pool) in enumerate(month_pools):
        strength = intensity * (index + 1) / len(month_pools) if scenario != "none" else 0.0
        month = _sample_month(
            frame,
            pool,
            scenario=scenario,
            strength=strength,
            target=target,
            task=task,
            positive=positive,
            feature=drifted or None,
            rng=rng,
        )
        scores = _output(task, shipped, month[features], positive)
        truth = _binary_target(task, month[target], positive)
        months.append(
            Month(
                index=index,
                label=label,
                frame=month[[*features, target]],
                scores=scores,
                performance=performance(task, truth, scores),
                drift=feature_drift(reference, month, numeric, categorical, prepared=prepared),
                prediction_psi=_output_psi(task, reference_scores, scores),
            )
        )
        outcomes = month[[*features, target]].copy()
        if corrupt_month is not None and index == corrupt_month:
            # A LEFT JOIN to a late outcome table, with a default for the missing side.
            outcomes[target] = outcomes[target].mode().iloc[0]
        arrived.append(outcomes)

    window_rows = min(len(fit_rows), RETRAIN_ROWS)
    window_tail = frame.iloc[fit_rows][[*features, target]].tail(window_rows)
    candidates: dict[int, tuple] = {}
    windows: dict[int, pd.DataFrame] = {id(shipped): reference}
    drift_memo: dict[tuple[int, int], bool] = {}

    def drifted_since_training(pipeline, month: Month) -> bool:
        # Drift is measured against the window the live version was trained on.
        if pipeline is shipped:
            return month.alert
        key = (id(pipeline), month.index)
        if key not in drift_memo:
            drift_memo[key] = drift_alert(
                feature_drift(windows[id(pipeline)], month.frame, numeric, categorical)
            )
        return drift_memo[key]

    def candidate_for(labelled: int) -> tuple:
        # Train on the latest labelled months (topped up with the end of the old window),
        # keep 30 % of the newest month aside to judge the candidate against the live model.
        if labelled not in candidates:
            newest = arrived[labelled]
            holdout = np.random.default_rng(random_state + labelled).random(len(newest)) < 0.3
            recent = [arrived[i] for i in range(max(labelled - 2, 0), labelled)]
            window = pd.concat([window_tail, *recent, newest[~holdout]]).tail(window_rows)
            if task != "regression" and window[target].nunique() < 2:
                candidates[labelled] = (None, newest[holdout])
            else:
                fitted = clone(recipe).fit(window[features], window[target])
                windows[id(fitted)] = window[features].reset_index(drop=True)
                candidates[labelled] = (fitted, newest[holdout])
        return candidates[labelled]

    outputs: dict[tuple[int, int], np.ndarray] = {}

    def output_of(pipeline, key: int, rows: pd.DataFrame) -> np.ndarray:
        # Versions are shared between policies; each scores a month once.
        if (id(pipeline), key) not in outputs:
            outputs[id(pipeline), key] = _output(task, pipeline, rows[features], positive)
        return outputs[id(pipeline), key]

    for month in months:
        outputs[id(shipped), month.index] = month.scores
    policies = {
        policy: _run_policy(
            policy,
            shipped,
            months,
            delay=delay,
            task=task,
            target=target,
            positive=positive,
            validation_score=validation_score,
            candidate=candidate_for,
            output_of=output_of,
            drifted=drifted_since_training,
        )
        for policy in POLICIES
    }
    flips = _flips(
        recipe,
        frame,
        train_positions,
        fit_rows,
        arrived,
        months,
        features=features,
        target=target,
        task=task,
        positive=positive,
        delay=delay,
        random_state=random_state,
    )
    return Simulation(
        artifact=artifact,
        task=task,
        scenario=scenario,
        intensity=intensity,
        delay=delay,
        corrupt_month=corrupt_month,
        drifted_feature=drifted,
        numeric=tuple(numeric),
        categorical=tuple(categorical),
        reference=reference,
        reference_scores=reference_scores,
        months=tuple(months),
        policies=policies,
        flips=flips,
        real_months=real,
    )


def _output_psi(task: str, reference: np.ndarray, current: np.ndarray) -> float:
    if task == "multiclass":
        return psi_categorical(reference, current)
    return psi(reference, current)


def _run_policy(
    policy: str,
    shipped,
    months: Sequence[Month],
    *,
    delay: int,
    task: str,
    target: str,
    positive: object,
    validation_score: float,
    candidate: Callable[[int], tuple],
    output_of: Callable[[object, int, pd.DataFrame], np.ndarray],
    drifted: Callable[[object, Month], bool],
) -> PolicyRun:
    live, version, latest = shipped, 1, 1
    # What the live version scored when it was published: the bar a quality alert uses.
    published_score = validation_score
    scores: list[float] = []
    versions: list[int] = []
    events: list[Event] = []

    def score(pipeline, key: int, rows: pd.DataFrame) -> float:
        if len(rows) < 5:
            return math.nan
        truth = _binary_target(task, rows[target], positive)
        return performance(task, truth, output_of(pipeline, key, rows))

    for month in months:
        scores.append(score(live, month.index, month.frame))
        versions.append(version)
        labelled = month.index - delay
        if labelled < 0 or policy == "never":
            continue
        if policy == "on_alert":
            # Outcomes of month `labelled` have just arrived: alert on inputs or on quality.
            known = score(live, labelled, months[labelled].frame)
            quality_drop = math.isfinite(known) and known < published_score - GATE_MARGIN
            if not (drifted(live, month) or quality_drop):
                continue
        fitted, holdout = candidate(labelled)
        latest += 1
        holdout_key = -1 - labelled
        live_score = score(live, holdout_key, holdout)
        baseline = _baseline(task, _binary_target(task, holdout[target], positive))
        if fitted is None:
            reason = "its training window holds a single class: the outcome feed looks broken"
            events.append(Event(month.index, latest, False, math.nan, live_score, baseline, reason))
            continue
        candidate_score = score(fitted, holdout_key, holdout)
        margin = chance_margin(task, _binary_target(task, holdout[target], positive))
        accepted, reason = _gate(
            candidate_score, live_score, baseline, margin, holdout[target].nunique()
        )
        events.append(
            Event(month.index, latest, accepted, candidate_score, live_score, baseline, reason)
        )
        if accepted:
            live, version, published_score = fitted, latest, candidate_score
    return PolicyRun(policy, tuple(scores), tuple(versions), tuple(events))


def chance_margin(task: str, truth) -> float:
    """How far above the baseline a score must be to be more than luck on this holdout.

    Two standard errors of the score under "no skill" (at least ``GATE_MARGIN``): for ROC
    AUC, ``sqrt((n1 + n0 + 1) / (12 n1 n0))``; for accuracy, ``sqrt(p (1 - p) / n)``.
    A small holdout needs a bigger margin, so a lucky candidate cannot pass on noise.
    """
    truth = np.asarray(truth)
    if task == "binary":
        positives = int(np.sum(truth == 1))
        negatives = len(truth) - positives
        if positives == 0 or negatives == 0:
            return GATE_MARGIN
        error = math.sqrt((positives + negatives + 1) / (12 * positives * negatives))
    elif task == "multiclass":
        share = _baseline(task, truth)
        error = math.sqrt(share * (1 - share) / max(len(truth), 1))
    else:
        return GATE_MARGIN
    return max(GATE_MARGIN, 2 * error)


def _gate(
    candidate: float, live: float, baseline: float, margin: float, distinct_outcomes: int
) -> tuple[bool, str]:
    """The evaluation a retrain must pass before it replaces the live version."""
    if distinct_outcomes < 2:
        return False, (
            "every outcome in its evaluation month has the same value: the outcome feed is "
            "broken, so nothing can be evaluated"
        )
    if not math.isfinite(candidate):
        return False, "its holdout could not be scored"
    if candidate < baseline + margin:
        return False, (
            f"it does not beat the baseline ({baseline:.3f}) by more than chance "
            f"({margin:.3f} on this holdout)"
        )
    if math.isfinite(live) and candidate < live - GATE_TOLERANCE:
        return False, f"it scores more than {GATE_TOLERANCE} below the live version"
    return True, "it beats the baseline and holds up against the live version"


def _decisions(task: str, scores: np.ndarray) -> np.ndarray:
    if task == "binary":
        # Act on this month's riskiest 10 %, as a retention team with a fixed budget would.
        flagged = np.zeros(len(scores), dtype=bool)
        flagged[np.argsort(-scores, kind="stable")[: max(1, int(TOP_SHARE * len(scores)))]] = True
        return flagged
    if task == "multiclass":
        return np.asarray(scores).astype(str)
    return np.asarray(scores, dtype=float)


def _flipped(task: str, before: np.ndarray, after: np.ndarray, spread: float) -> int:
    if task == "regression":
        return int(np.sum(np.abs(before - after) > 0.1 * spread))
    return int(np.sum(before != after))


def _flips(
    recipe,
    frame: pd.DataFrame,
    train_positions: np.ndarray,
    fit_rows: np.ndarray,
    arrived: Sequence[pd.DataFrame],
    months: Sequence[Month],
    *,
    features,
    target,
    task,
    positive,
    delay: int,
    random_state: int,
) -> tuple[Flips, ...]:
    last = months[-1]
    truth = _binary_target(task, last.frame[target], positive)
    before = last.scores
    spread = (
        float(pd.to_numeric(frame[target], errors="coerce").std()) if task == "regression" else 0.0
    )
    decision = {
        "binary": f"flagged in the riskiest {TOP_SHARE:.0%}",
        "multiclass": "the predicted class",
        "regression": "the prediction, by more than 10 % of the target's spread",
    }[task]
    results = []
    reseeded = clone(recipe)
    estimator = reseeded.named_steps["model"]
    if "random_state" in estimator.get_params():
        estimator.set_params(random_state=random_state + 1)
    reseeded.fit(frame.iloc[fit_rows][features], frame.iloc[fit_rows][target])
    # A new window: the latest labelled production months plus the end of the old window.
    usable = [arrived[i] for i in range(max(len(arrived) - 1 - delay, 0))]
    recent = pd.concat([frame.iloc[train_positions][[*features, target]], *usable])
    window = recent.tail(len(fit_rows))
    rewindowed = clone(recipe).fit(window[features], window[target])
    for what, rebuilt in (("a new seed", reseeded), ("a new training window", rewindowed)):
        after = _output(task, rebuilt, last.frame[features], positive)
        flipped = _flipped(
            task,
            _decisions(task, before),
            _decisions(task, after),
            spread,
        )
        results.append(
            Flips(
                what=what,
                decision=decision,
                flipped=flipped,
                n=len(before),
                score_before=performance(task, truth, before),
                score_after=performance(task, truth, after),
                hash_after=content_hash(rebuilt),
            )
        )
    return tuple(results)
