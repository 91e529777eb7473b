"""The production world of the simulation: the records of each month and policy run, the
model's outputs and scores, and how a month of traffic is sampled.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from lessons import scoring
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.features import ColumnRoles, TablePreprocessor, learn_roles
from lessons.monitoring.artifact import Artifact
from lessons.monitoring.drift import FeatureDrift, drift_alert
from lessons.monitoring.outcomes import OutcomeCheck
from lessons.monitoring.settings import (
    _DRIFT_STRENGTH,
    MIN_MONTH_POOL,
    MIN_MONTH_ROWS,
    MONTH_ROWS,
    N_MONTHS,
    PSI_MAJOR,
)

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
    outcomes : OutcomeCheck
        v1's score, calibration and outcome alert on the month's true outcomes, against its
        validation rows (known only ``delay`` months later).
    drift : tuple of FeatureDrift
    prediction_psi : float
        PSI of v1's output against its output on the validation rows.
    """

    index: int
    label: str
    frame: pd.DataFrame = field(repr=False)
    scores: np.ndarray = field(repr=False)
    outcomes: OutcomeCheck
    drift: tuple[FeatureDrift, ...]
    prediction_psi: float

    @property
    def performance(self) -> float:
        """v1's metric on the month's true outcomes."""
        return self.outcomes.score

    @property
    def alert(self) -> bool:
        """The input alert, on the day: an input or the predictions moved past the thresholds."""
        return self.prediction_psi >= PSI_MAJOR or drift_alert(self.drift)

    @property
    def outcome_alert(self) -> bool:
        """The outcome alert, ``delay`` months later: score or calibration left chance's band."""
        return self.outcomes.alert

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
    brier: tuple[float, ...] = ()
    """Binary tasks: the live version's Brier score each month (empty otherwise)."""

    @property
    def mean_performance(self) -> float:
        return float(np.nanmean(self.performance))

    @property
    def mean_brier(self) -> float:
        return float(np.nanmean(self.brier)) if self.brier else math.nan

    @property
    def retrains(self) -> int:
        return sum(e.accepted for e in self.events)

    @property
    def rejected(self) -> tuple[Event, ...]:
        """The candidates the gate stopped: the live version kept serving."""
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
    shipped: OutcomeCheck
    months: tuple[Month, ...]
    policies: dict[str, PolicyRun]
    flips: tuple[Flips, ...]
    real_months: bool

    def known(self, current: int) -> list[bool]:
        """Which months' outcomes have arrived by the end of month ``current``."""
        return [m.index <= current - self.delay for m in self.months]

    def first_alert(self, kind: str) -> Month | None:
        """The first month whose ``"input"`` or ``"outcome"`` alert fired, or None."""
        fired = (m for m in self.months if (m.alert if kind == "input" else m.outcome_alert))
        return next(fired, None)


def metric_for(task: str) -> str:
    """The name of the task's score: the registry's default metric."""
    return scoring.metric(scoring.DEFAULT_METRIC[task]).name


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


def _windows(
    dataset: Dataset, frame: pd.DataFrame, rng, *, real: bool
) -> tuple[np.ndarray, list, str, bool]:
    """Training-window positions, production months (label, positions), window text, real?

    With ``real`` the production months are the dataset's own later months (their drift
    included); otherwise the rows are split at random, so the production pool is drawn from
    the same distribution as the training window and nothing moves unless a scenario injects it.
    """
    times = _times(dataset, frame)
    if real:
        if times is None:
            raise DataError(
                "This dataset has no usable time order, so it has no later months to replay; "
                "pick an injected scenario."
            )
        order = np.argsort(times.to_numpy(), kind="stable")
        order = order[times.iloc[order].notna().to_numpy()]
        cutoff = times.iloc[order[len(order) // 2]].to_period("M").to_timestamp()
        train = order[(times.iloc[order] < cutoff).to_numpy()]
        rest = order[(times.iloc[order] >= cutoff).to_numpy()]
        periods = times.iloc[rest].dt.to_period("M")
        labels = sorted(periods.unique())
        window = (
            f"{times.iloc[train].min().date()} to {times.iloc[train].max().date()} "
            f"({len(train):,} rows)"
        )
        if len(train) < 30:
            raise DataError("Fewer than 30 rows come before the middle month; nothing to ship.")
        if len(labels) >= 6 and len(rest) >= 30 * len(labels):
            months = [(str(p), rest[(periods == p).to_numpy()]) for p in labels[:N_MONTHS]]
            return train, months, window, True
        # Too few calendar months: cut the later rows, in time order, into disjoint months.
        _check_month_rows(dataset, len(rest))
        pools = np.array_split(rest, N_MONTHS)
        return train, [(f"month {i + 1}", pool) for i, pool in enumerate(pools)], window, False
    positions = rng.permutation(len(frame))
    train, rest = positions[: len(frame) // 2], positions[len(frame) // 2 :]
    window = f"a random half of the rows ({len(train):,})"
    if times is not None:
        window += f", drawn from {times.min().date()} to {times.max().date()}"
    _check_month_rows(dataset, len(rest))
    # Disjoint months: a retrain never meets again, in a later month or in the gate's holdout,
    # a row it trained on.
    pools = np.array_split(rest, N_MONTHS)
    window += "; each production month is drawn from its own share of the other half"
    return train, [(f"month {i + 1}", pool) for i, pool in enumerate(pools)], window, False


def _check_month_rows(dataset: Dataset, n_rows: int) -> None:
    """Refuse a production pool too small for ``N_MONTHS`` disjoint months.

    Months that shared rows would let a retrain be scored, in its gate and in every later
    month, on rows it was trained on: retraining would look better than it is.
    """
    if n_rows // N_MONTHS < MIN_MONTH_ROWS:
        raise DataError(
            f"{dataset.title} leaves {n_rows:,} rows for production: {N_MONTHS} months of "
            f"their own would hold {n_rows // N_MONTHS} rows each, fewer than "
            f"{MIN_MONTH_ROWS}, and months that share rows would score retrains on rows they "
            f"trained on. Pick a dataset with at least "
            f"{2 * N_MONTHS * MIN_MONTH_ROWS:,} rows, such as churn or store_demand."
        )


def outcome_delay(dataset: Dataset, default: int = 2) -> int:
    """Months before a month's outcomes are known: the dataset's label horizon, if it has one.

    Churn's label is known three months after the prediction, so its outcomes arrive three
    months late; a horizon under a month still takes a month to arrive in a monthly review.
    """
    horizon = dataset.label_horizon
    if horizon is None:
        return default
    if isinstance(horizon, pd.DateOffset):
        months = getattr(horizon, "months", 0) + 12 * getattr(horizon, "years", 0)
        if months:
            return int(months)
    anchor = pd.Timestamp("2024-01-01")
    return max(1, math.ceil((anchor + horizon - anchor).days / 30))


def _times(dataset: Dataset, frame: pd.DataFrame) -> pd.Series | None:
    if not dataset.time_column or dataset.time_column not in frame:
        return None
    times = pd.to_datetime(frame[dataset.time_column], errors="coerce")
    return times if times.notna().mean() > 0.9 else None


def has_later_months(dataset: Dataset) -> bool:
    """Whether the dataset has a usable time order, so its own later months can be replayed."""
    return _times(dataset, dataset.frame) is not None


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


@dataclass(frozen=True)
class MonthDraw:
    """How a month's rows are drawn from its pool.

    Attributes
    ----------
    size : int
        Rows in the month.
    replace : bool
        Drawn with replacement: needed to reweight the pool (covariate and prior shift) or
        when the pool is smaller than the month.
    n_effective : int
        Independent rows the month is worth: a row drawn twice carries no new information,
        so noise bands (PSI bins, the outcome alert) use this, not ``size``.
    """

    size: int
    replace: bool
    n_effective: int


def month_draw(pool_size: int, *, weighted: bool) -> MonthDraw:
    """The month's size and sampling for a pool of ``pool_size`` rows."""
    # Reweighting needs a draw with replacement and enough draws to show the new mix; an
    # unweighted month is simply its pool's rows (up to MONTH_ROWS), without repeats.
    size = min(MONTH_ROWS, max(pool_size, MIN_MONTH_POOL) if weighted else pool_size)
    replace = weighted or pool_size < size
    # Share noise of n draws from a pool of m rows: about 1/m (the pool) + 1/n (the draws).
    n_effective = int(1 / (1 / pool_size + 1 / size)) if replace else size
    return MonthDraw(size, replace, n_effective)


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
    draw = month_draw(len(pool), weighted=scenario in ("covariate", "prior"))
    chosen = rng.choice(len(pool), size=draw.size, replace=draw.replace, p=weights / weights.sum())
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
    # Each row keeps its position in the dataset, so a row drawn twice is known as one row.
    month.index = pd.Index(positions[chosen], name="row")
    return month
