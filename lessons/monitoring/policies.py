"""The retraining policies of the production simulation: the gate and the decisions it flips."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from sklearn.base import clone

from lessons.monitoring.artifact import content_hash
from lessons.monitoring.drift import psi, psi_categorical
from lessons.monitoring.production import (
    Event,
    Flips,
    Month,
    PolicyRun,
    _baseline,
    _binary_target,
    _output,
    performance,
)
from lessons.monitoring.settings import GATE_MARGIN, GATE_TOLERANCE, TOP_SHARE


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
