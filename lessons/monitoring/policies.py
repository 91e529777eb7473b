"""The retraining policies of the production simulation: the gate and the decisions it flips."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone

from lessons import scoring
from lessons.monitoring.artifact import content_hash
from lessons.monitoring.drift import psi, psi_categorical
from lessons.monitoring.outcomes import (
    OutcomeCheck,
    _baseline,
    chance_margin,
    check_outcomes,
    outcome_feed_broken,
    performance,
    reference_check,
)
from lessons.monitoring.production import (
    Event,
    Flips,
    Month,
    PolicyRun,
    _binary_target,
    _output,
)
from lessons.monitoring.settings import TOP_SHARE
from lessons.uncertainty import Comparison, compare_scores, metric_function, paired_bootstrap


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
    briers: list[float] = []
    versions: list[int] = []
    events: list[Event] = []

    def check(pipeline, key: int, rows: pd.DataFrame, reference=None) -> OutcomeCheck:
        truth = _binary_target(task, rows[target], positive)
        return check_outcomes(task, truth, output_of(pipeline, key, rows), reference=reference)

    def score(pipeline, key: int, rows: pd.DataFrame) -> float:
        return check(pipeline, key, rows).score if len(rows) >= 5 else math.nan

    for month in months:
        served = check(live, month.index, month.frame)
        scores.append(served.score)
        briers.append(served.brier)
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
            reason = (
                "the outcomes of its month all hold one value: the outcome data check "
                "quarantined that month, so it trains and judges no version"
                if outcome_feed_broken(holdout[target])
                else "its training window holds a single class: the outcome feed looks broken"
            )
            events.append(Event(month.index, latest, False, math.nan, live_score, baseline, reason))
            continue
        candidate_score = score(fitted, holdout_key, holdout)
        truth = _binary_target(task, holdout[target], positive)
        margin = chance_margin(task, truth)
        accepted, reason = _gate(
            candidate_score,
            baseline,
            margin,
            holdout[target].nunique(),
            _against_live(
                task,
                truth,
                output_of(fitted, holdout_key, holdout),
                output_of(live, holdout_key, holdout),
                random_state=labelled,
            ),
        )
        events.append(
            Event(month.index, latest, accepted, candidate_score, live_score, baseline, reason)
        )
        if accepted:
            # Its bar for the outcome alert: its holdout score, which chose it and so came out
            # high by luck as often as not; that score's own noise widens the band.
            live, version = fitted, latest
            published = reference_check(
                task,
                _binary_target(task, holdout[target], positive),
                output_of(fitted, holdout_key, holdout),
            )
    return PolicyRun(
        policy,
        tuple(scores),
        tuple(versions),
        tuple(events),
        tuple(briers) if task == "binary" else (),
    )


def _against_live(
    task: str, truth: np.ndarray, candidate: np.ndarray, live: np.ndarray, *, random_state: int
) -> Comparison | None:
    """Candidate against the live version on the same holdout rows: a paired bootstrap."""
    if len(truth) < 5:
        return None
    key = scoring.DEFAULT_METRIC[task]
    return paired_bootstrap(
        metric_function(key, task),
        truth,
        candidate,
        live,
        greater_is_better=scoring.metric(key).greater_is_better,
        names=("candidate", "live"),
        random_state=random_state,
    )


def _gate(
    candidate: float,
    baseline: float,
    margin: float,
    distinct_outcomes: int,
    against_live: Comparison | None,
) -> tuple[bool, str]:
    """The evaluation a retrain must pass before it replaces the live version.

    Two rules, both sized by the noise of the holdout: beat the baseline by more than chance,
    and do not lose to the live version by more than the noise (the paired 95 % interval of
    candidate minus live lies wholly below 0). A candidate inside the noise of the live
    version may go live: it is as good, and it has seen the newest months.
    """
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
    if against_live is not None and against_live.better == "live":
        return False, (
            f"it loses to the live version by more than the noise (95 % interval of the "
            f"difference {against_live.low:+.3f} to {against_live.high:+.3f})"
        )
    return True, "it beats the baseline and does not lose to the live version beyond the noise"


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
    quarantined: set[int],
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
    usable = [arrived[i] for i in range(max(len(arrived) - 1 - delay, 0)) if i not in quarantined]
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
"""The cost order: never retrains least, on alert only when an alert fires, monthly always."""

BRIER = "Brier score"


@dataclass(frozen=True)
class PolicyVerdict:
    """Which retraining policy to keep, with ties inside the noise going to the cheaper one.

    Attributes
    ----------
    metric : str
        What the policies are compared on: the Brier score on binary tasks (it sees a
        miscalibration that ROC AUC, a ranking score, misses under prior shift), otherwise
        the task's metric.
    greater_is_better : bool
    means : dict
        Each policy's mean of ``metric`` over the compared months.
    best : str
        The policy with the best mean.
    pick : str
        The policy to keep: ``best``, unless a policy that published fewer retrains is within
        the noise of it; then the cheapest of those.
    comparisons : tuple of Comparison
        ``best`` against every other policy, paired month by month.
    """

    metric: str
    greater_is_better: bool
    means: dict[str, float]
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


def policy_verdict(runs: Mapping[str, PolicyRun], metric: str = "score") -> PolicyVerdict:
    """Compare the policies on the same production months (paired, ``compare_scores``).

    Each month every policy scores the same rows, so the month-by-month differences cancel
    the month's own luck; the mean difference's 95 % interval says whether the best policy is
    really ahead. A policy inside the noise of the best is as good, and the one that published
    the fewest retrains is kept: equal quality for less work and less risk.

    Binary runs are compared on the Brier score: under prior shift ROC AUC can stay flat while
    every probability is wrong, and a comparison on it would call a stale model as good.
    ``metric`` names the runs' ``performance`` otherwise.
    """
    names = list(runs)
    use_brier = all(len(getattr(runs[n], "brier", ())) for n in names)
    series = {n: runs[n].brier if use_brier else runs[n].performance for n in names}
    months = [
        i for i in range(len(series[names[0]])) if all(math.isfinite(series[n][i]) for n in names)
    ]
    means = {n: float(np.mean([series[n][i] for i in months])) for n in names}
    best = (min if use_brier else max)(names, key=lambda n: means[n])
    comparisons = tuple(
        compare_scores(
            [series[best][i] for i in months],
            [series[other][i] for i in months],
            greater_is_better=not use_brier,
            names=(best, other),
        )
        for other in names
        if other != best
    )
    tied = [c.name_b for c in comparisons if c.within_noise]
    pick = min([best, *tied], key=lambda n: (runs[n].retrains, _CHEAPEST_FIRST.index(n)))
    return PolicyVerdict(
        BRIER if use_brier else metric, not use_brier, means, best, pick, comparisons
    )
