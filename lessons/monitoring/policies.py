"""The retraining policies of the production simulation: the gate and the decisions it flips."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone

from lessons.monitoring.artifact import content_hash
from lessons.monitoring.drift import psi, psi_categorical
from lessons.monitoring.outcomes import (
    OutcomeCheck,
    _baseline,
    chance_margin,
    check_outcomes,
    performance,
)
from lessons.monitoring.production import (
    Event,
    Flips,
    Month,
    PolicyRun,
    _binary_target,
    _output,
)
from lessons.monitoring.settings import GATE_TOLERANCE, TOP_SHARE
from lessons.uncertainty import Comparison, compare_scores


def _output_psi(task: str, reference: np.ndarray, current: np.ndarray, bins: int) -> float:
    if task == "multiclass":
        return psi_categorical(reference, current)
    return psi(reference, current, bins)


def _run_policy(
    policy: str,
    shipped_model,
    months: Sequence[Month],
    *,
    delay: int,
    task: str,
    target: str,
    positive: object,
    shipped: OutcomeCheck,
    candidate: Callable[[int], tuple],
    output_of: Callable[[object, int, pd.DataFrame], np.ndarray],
    drifted: Callable[[object, Month], bool],
) -> PolicyRun:
    live, version, latest = shipped_model, 1, 1
    # What the live version scored when it was published: the bar its outcome alert uses.
    published = shipped
    scores: list[float] = []
    versions: list[int] = []
    events: list[Event] = []

    def check(pipeline, key: int, rows: pd.DataFrame, reference=None) -> OutcomeCheck:
        truth = _binary_target(task, rows[target], positive)
        return check_outcomes(task, truth, output_of(pipeline, key, rows), reference=reference)

    def score(pipeline, key: int, rows: pd.DataFrame) -> float:
        return check(pipeline, key, rows).score if len(rows) >= 5 else math.nan

    for month in months:
        scores.append(score(live, month.index, month.frame))
        versions.append(version)
        labelled = month.index - delay
        if labelled < 0 or policy == "never":
            continue
        if policy == "on_alert":
            # Outcomes of month `labelled` have just arrived: alert on inputs or on outcomes.
            outcomes = check(live, labelled, months[labelled].frame, published)
            if not (drifted(live, month) or outcomes.alert):
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
            live, version, published = fitted, latest, check(fitted, holdout_key, holdout)
    return PolicyRun(policy, tuple(scores), tuple(versions), tuple(events))


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


_CHEAPEST_FIRST = ("never", "on_alert", "monthly")
"""At equal published retrains, the cheaper schedule first: on alert never tries more rebuilds."""


@dataclass(frozen=True)
class PolicyVerdict:
    """Which retraining policy to keep, with ties inside the noise going to the cheaper one.

    Attributes
    ----------
    best : str
        The policy with the highest mean monthly score.
    pick : str
        The policy to keep: ``best``, unless a policy that published fewer retrains is within
        the noise of it; then the cheapest of those.
    comparisons : tuple of Comparison
        ``best`` against every other policy, paired month by month.
    """

    best: str
    pick: str
    comparisons: tuple[Comparison, ...]

    @property
    def tied(self) -> tuple[str, ...]:
        """The policies whose difference from ``best`` is inside the noise."""
        return tuple(c.name_b for c in self.comparisons if c.within_noise)

    @property
    def real_difference(self) -> bool:
        """False when the best policy is within the noise of some other policy."""
        return not self.tied


def policy_verdict(runs: Mapping[str, PolicyRun]) -> PolicyVerdict:
    """Compare the policies on the same production months (paired, ``compare_scores``).

    Each month every policy scores the same rows, so the month-by-month differences cancel
    the month's own luck; the mean difference's 95 % interval says whether the best policy is
    really ahead. A policy inside the noise of the best is as good, and the one that published
    the fewest retrains is kept: equal quality for less work and less risk.
    """
    names = list(runs)
    months = [
        i
        for i in range(len(runs[names[0]].performance))
        if all(math.isfinite(runs[n].performance[i]) for n in names)
    ]
    best = max(names, key=lambda n: runs[n].mean_performance)
    comparisons = tuple(
        compare_scores(
            [runs[best].performance[i] for i in months],
            [runs[other].performance[i] for i in months],
            greater_is_better=True,
            names=(best, other),
        )
        for other in names
        if other != best
    )
    tied = [c.name_b for c in comparisons if c.within_noise]
    pick = min([best, *tied], key=lambda n: (runs[n].retrains, _CHEAPEST_FIRST.index(n)))
    return PolicyVerdict(best, pick, comparisons)
