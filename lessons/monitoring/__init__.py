"""Lesson 7, deploy and monitor: ship an artifact, watch production drift, retrain, roll back.

A shipped model is a materialised artifact, like a mart: inputs (its features), the built
thing (fitted parameters, identified by a content hash), tests (its metrics) and a schedule
(retraining). This module simulates the months after the training window, seeded:

- production months are drawn from rows the model never saw. In the injected scenarios they
  come from the same distribution as the training window (a held-out half, split into
  disjoint months; data too small for that is refused), so nothing moves unless the scenario injects it, with a strength growing month by
  month: covariate drift (the inputs move, the relation stays), prior shift (the class
  balance or target level moves) or concept drift (the relation moves, the inputs do not).
  The "real" scenario replays the dataset's own later months instead, whatever they hold;
- outcomes arrive some months late, so real performance is known only for older months;
- two alerts: the input alert (on the day) compares each feature and the predictions with
  the training window (PSI and Kolmogorov-Smirnov for numbers, chi-square and
  Jensen-Shannon for categories); the outcome alert (after the delay) fires when the score,
  the Brier score or the observed against predicted positive rate moves by more than chance.
  Input monitors cannot see concept drift; ROC AUC barely sees prior shift;
- retraining policies (never, monthly, on alert) run through the same months, every
  candidate passing an evaluation gate (beat the baseline by more than chance, do not lose to
  the live version beyond the paired noise); a month whose outcomes fail the data check (all
  one value) is quarantined from every later training window; the policies are compared
  month by month (paired, on the Brier score for binary targets), and a difference inside
  the noise goes to the policy that retrains least;
- rebuilding the same recipe on a new window or seed shows how many decisions flip.
"""

from lessons.monitoring.artifact import Artifact, content_hash
from lessons.monitoring.drift import (
    FeatureDrift,
    SampleSizeRow,
    chi_square,
    drift_alert,
    feature_drift,
    jensen_shannon,
    ks,
    p_values_on_big_samples,
    psi,
    psi_bins,
    psi_categorical,
    psi_status,
    reference_counts,
)
from lessons.monitoring.outcomes import (
    OutcomeCheck,
    brier_band,
    chance_margin,
    check_outcomes,
    outcome_feed_broken,
    performance,
    rate_band,
    score_band,
    score_error,
)
from lessons.monitoring.policies import BRIER, PolicyVerdict, policy_verdict
from lessons.monitoring.production import (
    Event,
    Flips,
    Month,
    PolicyRun,
    Simulation,
    has_later_months,
    metric_for,
    monitored_features,
    outcome_delay,
    shipped_pipeline,
)
from lessons.monitoring.settings import (
    GATE_MARGIN,
    INJECTED,
    JS_ALERT,
    MONTH_ROWS,
    N_MONTHS,
    P_VALUE_ALERT,
    POLICIES,
    PSI_MAJOR,
    PSI_MODERATE,
    RATE_GAP_ERRORS,
    RETRAIN_ROWS,
    SCENARIOS,
    SHIP_ROWS,
    TOP_SHARE,
)
from lessons.monitoring.simulation import simulate

__all__ = [
    "BRIER",
    "GATE_MARGIN",
    "INJECTED",
    "JS_ALERT",
    "MONTH_ROWS",
    "N_MONTHS",
    "POLICIES",
    "PSI_MAJOR",
    "PSI_MODERATE",
    "P_VALUE_ALERT",
    "RATE_GAP_ERRORS",
    "RETRAIN_ROWS",
    "SCENARIOS",
    "SHIP_ROWS",
    "TOP_SHARE",
    "Artifact",
    "Event",
    "FeatureDrift",
    "Flips",
    "Month",
    "OutcomeCheck",
    "PolicyRun",
    "PolicyVerdict",
    "SampleSizeRow",
    "Simulation",
    "brier_band",
    "chance_margin",
    "check_outcomes",
    "chi_square",
    "content_hash",
    "drift_alert",
    "feature_drift",
    "has_later_months",
    "jensen_shannon",
    "ks",
    "metric_for",
    "monitored_features",
    "outcome_delay",
    "outcome_feed_broken",
    "p_values_on_big_samples",
    "performance",
    "policy_verdict",
    "psi",
    "psi_bins",
    "psi_categorical",
    "psi_status",
    "rate_band",
    "reference_counts",
    "score_band",
    "score_error",
    "shipped_pipeline",
    "simulate",
]
