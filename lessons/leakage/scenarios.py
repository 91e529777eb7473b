"""The leakage lab's catalogue: the scenarios, their scores and how to read the numbers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lessons.uncertainty import ScoreInterval

FRESH_SEED_OFFSET = 1000
"""Fresh "production" data comes from the same generator with ``seed + FRESH_SEED_OFFSET``."""

METRIC_LABELS = {"roc_auc": "ROC AUC", "accuracy": "accuracy", "r2": "R²"}


@dataclass(frozen=True)
class ScoredRows:
    """What each number of a scenario is scored on, in words with row counts.

    Attributes
    ----------
    leaky, honest, production : str
        For example "3,109 rows of 2024-03 to 2024-07" or "out-of-fold predictions for
        all 1,500 sales". ``same`` says whether leaky and honest are read on the very same rows.
    same : bool
    """

    leaky: str
    honest: str
    production: str
    same: bool


def independent_half_width(a: ScoreInterval, b: ScoreInterval) -> float:
    """Half-width of the interval of ``a - b`` for two scores read on independent rows.

    ``lessons.uncertainty`` pairs scores read on the same rows; honest and production are
    read on different rows, so their bootstrap half-widths add in quadrature.
    """
    return float(np.hypot(a.half_width, b.half_width))


@dataclass(frozen=True)
class LeakScores:
    """The three numbers of one scenario run, and what they mean.

    Attributes
    ----------
    scenario : str
        Key of ``SCENARIOS``.
    dataset : str
        The data the scenario ran on.
    metric : {"roc_auc", "accuracy", "r2"}
        Higher is better for all three.
    leaky : float
        The validation score the leaky pipeline reports.
    honest : float
        The validation score of the corrected pipeline (``rows`` says on which rows).
    production : float
        The leaky model's score on data it truly never saw.
    honest_production : float
        The corrected model's score on the same production data.
    split : str
        How validation rows were chosen.
    model : str
        The model both pipelines fit.
    gap_meaning : str
        What the gap between leaky and honest stands for in this scenario.
    settings : tuple of (str, object)
        The settings the scores were computed with, sorted by name.
    rows : ScoredRows or None
        What each of the three numbers is scored on, in words with row counts.
    honest_interval, production_interval : ScoreInterval or None
        Bootstrap intervals of ``honest`` and of ``honest_production``: the noise of each.
    inflation_low, inflation_high : float
        Confidence interval of ``inflation`` (paired bootstrap when both pipelines are
        scored on the same rows).
    drift : str or None
        Why production may differ from validation by design (a change planted between the
        periods); None when nothing is planted, so honest and production should agree
        within ``band``.
    notes : tuple of str
        Computed findings the page shows under the numbers.
    """

    scenario: str
    dataset: str
    metric: str
    leaky: float
    honest: float
    production: float
    honest_production: float
    split: str
    model: str
    gap_meaning: str
    settings: tuple[tuple[str, object], ...] = ()
    rows: ScoredRows | None = None
    honest_interval: ScoreInterval | None = None
    production_interval: ScoreInterval | None = None
    inflation_low: float = float("nan")
    inflation_high: float = float("nan")
    drift: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def metric_label(self) -> str:
        return METRIC_LABELS[self.metric]

    @property
    def band(self) -> float:
        """How far apart honest and production may sit by chance alone (95 %).

        The two are read on different rows, so their noises add in quadrature:
        ``sqrt(h1² + h2²)`` of the two bootstrap half-widths. NaN without intervals.
        """
        if self.honest_interval is None or self.production_interval is None:
            return float("nan")
        return independent_half_width(self.honest_interval, self.production_interval)

    @property
    def inflation_within_noise(self) -> bool:
        """True when the interval of ``inflation`` contains zero (or is undefined)."""
        low, high = self.inflation_low, self.inflation_high
        return not (np.isfinite(low) and np.isfinite(high)) or low <= 0 <= high

    @property
    def inflation(self) -> float:
        """How much the leak adds to the reported score: leaky minus honest."""
        return self.leaky - self.honest

    @property
    def lie(self) -> float:
        """How far the reported score is above what production delivers."""
        return self.leaky - self.production


@dataclass(frozen=True)
class Scenario:
    """A leak the lab can switch on and off.

    Attributes
    ----------
    key : str
        snake_case name used in the URL (``?scenario=post_outcome``).
    family : int
        The issue's numbering: 1 preprocessing, 2 time, 3 post-outcome, 4 tuning, 5 entities.
    title : str
    leak : str
        What the leaky pipeline does, in one line.
    fix : str
        What the corrected pipeline does instead.
    demo_dataset : str
        The built-in dataset the scenario runs on by default.
    matters : bool
        Whether the page says this leak matters a lot on its demo data: the leaky
        pipeline's report then sits above production by more than the noise, at every seed
        (the truth tests hold the page to it).
    needs : str or None
        ``"time"``, ``"group"`` or ``"post_outcome"`` when the scenario can also run on any
        dataset with such a column; None when it runs only on its own demo data.
    """

    key: str
    family: int
    title: str
    leak: str
    fix: str
    demo_dataset: str
    matters: bool
    needs: str | None = None


SCENARIOS: dict[str, Scenario] = {
    s.key: s
    for s in (
        Scenario(
            "preprocessing_scaler",
            1,
            "Scaler and imputer fitted on all rows",
            "fit the imputer and the scaler on every row, then cross-validate",
            "put them inside a Pipeline fitted on training rows only",
            "house_prices",
            False,
        ),
        Scenario(
            "feature_selection",
            1,
            "Feature selection on all rows",
            "pick the k features most related to the target using every row, then cross-validate",
            "put SelectKBest inside the Pipeline so it only sees training rows",
            "pure noise",
            True,
        ),
        Scenario(
            "target_encoding",
            1,
            "Target encoding before the split",
            "replace a high-cardinality code by its mean target computed on every row",
            "put a cross-fitted TargetEncoder inside the Pipeline",
            "churn",
            True,
        ),
        Scenario(
            "random_vs_time",
            2,
            "Shuffled split on time-ordered rows",
            "shuffle the rows, so validation rows come from the same months as training rows",
            "train on the past, validate on the period after it",
            "churn",
            True,
            needs="time",
        ),
        Scenario(
            "centred_window",
            2,
            "Rolling feature with a centred window",
            "average sales over a window centred on the day, which includes the days after it",
            "average over a trailing window that ends the day before",
            "store_demand",
            True,
        ),
        Scenario(
            "post_outcome",
            3,
            "A field known only after the outcome",
            "train with a column that is filled in after the customer cancels",
            "drop every column that does not exist yet at prediction time",
            "churn",
            True,
            needs="post_outcome",
        ),
        Scenario(
            "test_tuning",
            4,
            "Tuning on the test set",
            "try N configurations and keep the one with the best test score",
            "pick on validation, then read the test score once",
            "churn",
            False,
        ),
        Scenario(
            "entity_overlap",
            5,
            "The same customer on both sides",
            "validate on later months of the customers the model trained on",
            "split by customer inside the time split: validate on customers never met",
            "churn",
            False,
            needs="group",
        ),
        Scenario(
            "duplicates",
            5,
            "Exact duplicate rows",
            "cross-validate a table in which a join duplicated rows, so copies sit on both sides",
            "drop exact duplicates before splitting",
            "house_prices",
            False,
        ),
    )
}

SCENARIO_KEYS: tuple[str, ...] = tuple(SCENARIOS)
"""URL names of the scenarios, in teaching order."""

PLANTED_DRIFT = {
    "churn": "churn drifts: usage grows every month and from 2024 a competitor changes who "
    "leaves, so a model trained on earlier months scores a little lower the further ahead "
    "it predicts"
}
"""What the built-in generators change over time, by dataset: why a later production period
may score lower than the validation period before it."""

DEFAULT_SCENARIO = "post_outcome"
"""The scenario the lab opens on (the first screen an instructor projects): a leak that
moves the score by far more than its noise."""


# Reading the numbers --------------------------------------------------------------------------

TOO_GOOD_FULL_SCALE = 0.25
"""A leak that adds this much to the reported score fills the "too good to be true" meter."""


def too_good_to_be_true(scores: LeakScores) -> float:
    """The meter, from 0 (the leak adds nothing) to 1 (it adds 0.25 or more).

    It reads the inflation (leaky minus honest on the same rows) rather than the distance
    to production, because production can be harder for both pipelines alike (a fresh
    draw with other outliers); only the part the leak adds is the leak's fault.
    """
    return float(np.clip(scores.inflation / TOO_GOOD_FULL_SCALE, 0.0, 1.0))


SIZE_WORDS: dict[str, str] = {
    "barely": "barely moves the score",
    "few": "adds a few points: enough to pick the wrong model",
    "story": "changes the story: a number you would wrongly ship on",
}


def _size(inflation: float) -> str:
    if abs(inflation) < 0.02:
        return "barely"
    if abs(inflation) < 0.06:
        return "few"
    return "story"


def size_of(inflation: float, low: float = float("nan"), high: float = float("nan")) -> str | None:
    """The size a leak's inflation has, as a key of ``SIZE_WORDS``, by the rule ``verdict``
    words: inside the noise (the interval holds zero) it barely moves the score; None when the
    two ends of the interval fall in different sizes (the data cannot tell which)."""
    if np.isfinite(low) and np.isfinite(high):
        if low <= 0 <= high:
            return "barely"
        if _size(low) != _size(high):
            return None
    return _size(inflation)


def verdict(inflation: float, low: float = float("nan"), high: float = float("nan")) -> str:
    """How much a leak's inflation matters, in words, from its size and its interval.

    Inside the noise (the interval holds zero) it barely moves the score; when the two ends
    of the interval fall in different sizes, the words say the data cannot tell which.
    """
    size = size_of(inflation, low, high)
    if size is None:
        return (
            f"adds something between {low:+.3f} and {high:+.3f}: too few rows to say "
            "whether it is a little or a lot"
        )
    if size == "barely" and np.isfinite(low) and np.isfinite(high) and low <= 0 <= high:
        return "barely moves the score: no difference beyond the noise"
    return SIZE_WORDS[size]


@dataclass(frozen=True)
class LeakRanking:
    """Leaks ordered by how much they add, and which of them the noise cannot tell apart.

    Attributes
    ----------
    order : tuple of str
        Scenario keys, the biggest inflation first.
    top : tuple of str
        The biggest leak and every other whose inflation is within noise of it (the two
        inflations' intervals combined as independent).
    """

    order: tuple[str, ...]
    top: tuple[str, ...]

    @property
    def winner(self) -> str | None:
        """The one biggest leak, or None when the noise cannot separate the top ones."""
        return self.top[0] if len(self.top) == 1 else None


def _inflation_half_width(scores: LeakScores) -> float:
    low, high = scores.inflation_low, scores.inflation_high
    return (high - low) / 2 if np.isfinite(low) and np.isfinite(high) else 0.0


def rank_leaks(results: dict[str, LeakScores]) -> LeakRanking:
    """Order leaks by inflation; a leak ties with the biggest when their gap is inside noise."""
    finite = {k: r for k, r in results.items() if np.isfinite(r.inflation)}
    order = tuple(sorted(finite, key=lambda k: finite[k].inflation, reverse=True))
    if not order:
        return LeakRanking((), ())
    best = finite[order[0]]
    top = tuple(
        k
        for k in order
        if best.inflation - finite[k].inflation
        <= np.hypot(_inflation_half_width(best), _inflation_half_width(finite[k]))
    )
    return LeakRanking(order, top)
