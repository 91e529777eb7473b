"""Drift statistics against scipy and hand-computed cases; the artifact hash; the simulation."""

import dataclasses
import functools
import math
from typing import ClassVar

import numpy as np
import pandas as pd
import pytest
from scipy import stats
from scipy.spatial.distance import jensenshannon
from sklearn.linear_model import LogisticRegression

from lessons import datasets, monitoring
from lessons.errors import DataError
from lessons.experiments import run_estimator
from lessons.monitoring import PolicyRun
from lessons.monitoring.policies import _gate
from lessons.uncertainty import Comparison


def test_psi_by_hand_on_two_bins():
    reference = np.arange(100)
    current = np.r_[np.zeros(75), np.full(25, 99)]
    # Shares 0.5/0.5 against 0.75/0.25.
    expected = 0.25 * math.log(0.75 / 0.5) + (-0.25) * math.log(0.25 / 0.5)
    assert monitoring.psi(reference, current, bins=2) == pytest.approx(expected)


def test_psi_is_zero_for_the_same_sample_and_large_for_a_shift():
    rng = np.random.default_rng(0)
    reference = rng.normal(size=5000)
    assert monitoring.psi(reference, reference) == pytest.approx(0.0)
    shifted = monitoring.psi(reference, rng.normal(1.0, 1.0, 5000))
    assert monitoring.psi_status(shifted) == "major"
    assert monitoring.psi_status(0.15) == "moderate"
    assert monitoring.psi_status(0.05) == "stable"


def test_categorical_psi_by_hand_with_an_unseen_category():
    reference = ["a"] * 50 + ["b"] * 50
    current = ["a"] * 80 + ["b"] * 20
    expected = 0.3 * math.log(0.8 / 0.5) + (-0.3) * math.log(0.2 / 0.5)
    assert monitoring.psi_categorical(reference, current) == pytest.approx(expected)
    assert math.isfinite(monitoring.psi_categorical(["a"] * 10, ["c"] * 10))


def test_ks_by_hand_and_against_scipy():
    assert monitoring.ks([1, 2, 3], [4, 5, 6])[0] == 1.0
    assert monitoring.ks([1, 2, 3, 4], [3, 4, 5, 6])[0] == pytest.approx(0.5)
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=300), rng.normal(0.3, 1, 400)
    expected = stats.ks_2samp(a, b, method="asymp")
    assert monitoring.ks(a, b) == pytest.approx((expected.statistic, expected.pvalue))


def test_chi_square_against_scipy_and_by_hand():
    reference = ["x"] * 30 + ["y"] * 70
    current = ["x"] * 50 + ["y"] * 50
    table = np.array([[30, 70], [50, 50]])
    statistic, p_value, _, _ = stats.chi2_contingency(table, correction=False)
    assert monitoring.chi_square(reference, current) == pytest.approx((statistic, p_value))
    # By hand: expected counts are 40/60 in each row.
    by_hand = 2 * ((30 - 40) ** 2 / 40 + (70 - 60) ** 2 / 60)
    assert statistic == pytest.approx(by_hand)


def test_jensen_shannon_bounds_and_scipy():
    assert monitoring.jensen_shannon(["a", "b"], ["a", "b"]) == pytest.approx(0.0)
    assert monitoring.jensen_shannon(["a"] * 5, ["b"] * 5) == pytest.approx(1.0)
    got = monitoring.jensen_shannon(["a"] * 3 + ["b"], ["a", "b", "b", "c"])
    assert got == pytest.approx(jensenshannon([3, 1, 0], [1, 2, 1], base=2))


def test_feature_drift_uses_the_right_test_per_kind():
    reference = pd.DataFrame({"n": np.arange(200.0), "c": ["a", "b"] * 100})
    current = pd.DataFrame({"n": np.arange(200.0) + 150, "c": ["a"] * 200})
    numeric, categorical = monitoring.feature_drift(reference, current, ["n"], ["c"])
    assert (numeric.test, categorical.test) == ("KS", "chi-square")
    assert numeric.status == categorical.status == "major"
    assert categorical.js > monitoring.JS_ALERT


def test_p_values_collapse_on_big_samples_while_psi_stays_small():
    rows = monitoring.p_values_on_big_samples(sizes=(500, 200_000), random_state=0)
    small, big = rows
    assert big.ks_p_value < 1e-6 < small.ks_p_value
    assert big.psi < monitoring.PSI_MODERATE


def _fitted(dataset, random_state=0, rows=slice(None)):
    pipeline = monitoring.shipped_pipeline(
        run_estimator("random_forest", dataset.task, {}, random_state)
    )
    return pipeline.fit(dataset.X.iloc[rows], dataset.y.iloc[rows])


def test_content_hash_is_deterministic_and_tracks_what_was_learned():
    dataset = datasets.load("wine")
    first = monitoring.content_hash(_fitted(dataset))
    assert first == monitoring.content_hash(_fitted(dataset))
    assert first != monitoring.content_hash(_fitted(dataset, random_state=1))
    assert first != monitoring.content_hash(_fitted(dataset, rows=slice(0, 150)))
    assert len(first) == 16


def test_identifiers_are_not_shipped_as_features():
    churn = datasets.load("churn")
    roles = monitoring.monitored_features(churn.X)
    numeric, categorical = roles.numeric, roles.categorical
    assert "customer_id" not in categorical and "month" not in numeric
    assert "plan" in categorical and "usage_hours" in numeric


def _shares(simulations: str) -> pytest.MarkDecorator:
    """Tests that read the same cached simulations run on one worker, which runs them once."""
    return pytest.mark.xdist_group(f"monitoring-{simulations}")


CHURN_ROWS = 3_600
"""Churn, subsampled: 150 rows a production month, enough for disjoint months, and fast."""


@functools.cache
def _data(name: str, seed: int = 0) -> datasets.Dataset:
    dataset = datasets.load(name, seed)
    if name == "churn":
        frame = dataset.frame.sample(CHURN_ROWS, random_state=seed).reset_index(drop=True)
        dataset = dataclasses.replace(dataset, frame=frame)
    return dataset


class _Recording(LogisticRegression):
    """A logistic regression that remembers which rows every fit saw (by row position)."""

    fits: ClassVar[list[set]] = []

    def fit(self, X, y, sample_weight=None):
        _Recording.fits.append(set(y.index))
        return super().fit(X, y, sample_weight)


@functools.cache
def _simulate(dataset_name, scenario, intensity=1.0, corrupt_month=None):
    dataset = _data(dataset_name)
    estimator = run_estimator("linear", dataset.task, {"C": 1.0}, 0)
    return monitoring.simulate(
        dataset,
        estimator,
        model="linear",
        params={"C": 1.0},
        scenario=scenario,
        intensity=intensity,
        delay=2,
        corrupt_month=corrupt_month,
        random_state=0,
    )


@_shares("calm_and_concept")
def test_concept_drift_lowers_performance_and_no_drift_does_not():
    calm = _simulate("churn", "none", corrupt_month=5)
    drifted = _simulate("churn", "concept")
    calm_late = np.nanmean([m.performance for m in calm.months[-4:]])
    drifted_late = np.nanmean([m.performance for m in drifted.months[-4:]])
    assert calm_late > calm.artifact.validation_score - 0.1
    assert drifted_late < calm_late - 0.15
    assert drifted.months[0].performance > drifted.months[-1].performance


@_shares("covariate")
def test_covariate_drift_moves_the_drifted_feature():
    simulation = _simulate("churn", "covariate")
    feature = simulation.drifted_feature
    late = next(d for d in simulation.months[-1].drift if d.feature == feature)
    early = next(d for d in simulation.months[0].drift if d.feature == feature)
    assert late.psi > early.psi and late.status != "stable"
    assert simulation.months[-1].alert


def test_prior_shift_moves_the_class_mix():
    simulation = _simulate("churn", "prior")
    first = simulation.months[0].outcomes.observed_rate
    last = simulation.months[-1].outcomes.observed_rate
    assert last > first + 0.15


@_shares("calm_and_concept")
def test_a_corrupted_month_is_stopped_and_outcomes_arrive_late():
    simulation = _simulate("churn", "none", corrupt_month=5)
    monthly = simulation.policies["monthly"]
    never = simulation.policies["never"]
    assert never.versions == (1,) * len(simulation.months) and not never.events
    first_event = monthly.events[0]
    assert first_event.month == 2, "month 0's outcomes arrive at the end of month 2"
    (rejected,) = [e for e in monthly.events if e.month == 5 + 2]
    assert not rejected.accepted
    assert "quarantined" in rejected.reason
    after = monthly.versions[rejected.month + 1]
    assert after < rejected.version, "the live version stays the previous one"
    assert simulation.known(4) == [True, True, True] + [False] * 9


def test_a_quarantined_month_trains_no_later_version():
    dataset = _data("churn")
    _Recording.fits.clear()
    simulation = monitoring.simulate(
        dataset,
        _Recording(max_iter=500),
        model="linear",
        params={},
        scenario="none",
        intensity=0.0,
        delay=1,
        corrupt_month=5,
        random_state=0,
    )
    corrupted = set(simulation.months[5].frame.index)
    neighbour = set(simulation.months[4].frame.index)
    assert any(fit & neighbour for fit in _Recording.fits), "later windows do use past months"
    assert not any(fit & corrupted for fit in _Recording.fits)


@_shares("calm_and_concept")
def test_production_months_never_share_a_row_and_small_data_is_refused():
    simulation = _simulate("churn", "none", corrupt_month=5)
    seen: set = set()
    for month in simulation.months:
        rows = set(month.frame.index)
        assert not rows & seen, f"{month.label} repeats rows of an earlier month"
        seen |= rows
    small = datasets.load("breast_cancer")
    with pytest.raises(DataError, match="rows they trained on"):
        monitoring.simulate(
            small,
            run_estimator("linear", small.task, {"C": 1.0}, 0),
            model="linear",
            params={},
            with_policies=False,
        )


@_shares("calm_and_concept")
def test_retraining_beats_never_under_concept_drift():
    simulation = _simulate("churn", "concept")
    never = np.mean(simulation.policies["never"].performance[-4:])
    monthly = np.mean(simulation.policies["monthly"].performance[-4:])
    assert monthly > never + 0.02
    verdict = monitoring.policy_verdict(simulation.policies, simulation.artifact.metric)
    assert verdict.metric == monitoring.BRIER and verdict.best != "never"


@_shares("calm_and_concept")
def test_rebuilding_on_a_new_window_flips_decisions():
    simulation = _simulate("churn", "concept")
    seed, window = simulation.flips
    assert seed.flipped == 0, "a linear model does not depend on the seed"
    assert window.flipped > 0 and 0 < window.share <= 1


@_shares("covariate")
def test_the_simulation_is_seeded():
    a = _simulate("churn", "covariate")
    b = _simulate.__wrapped__("churn", "covariate")  # a second run, not the cached one
    assert [m.performance for m in a.months] == [m.performance for m in b.months]
    assert a.artifact.content_hash == b.artifact.content_hash


def test_the_gate_margin_is_two_standard_errors_of_chance():
    truth = np.r_[np.ones(10), np.zeros(10)]
    assert monitoring.chance_margin("binary", truth) == pytest.approx(
        2 * math.sqrt(21 / (12 * 10 * 10))
    )
    big = np.r_[np.ones(5000), np.zeros(5000)]
    assert monitoring.chance_margin("binary", big) == monitoring.GATE_MARGIN
    assert monitoring.chance_margin("regression", np.arange(5.0)) == monitoring.GATE_MARGIN


def _comparison(low: float, high: float) -> Comparison:
    return Comparison("candidate", "live", 0.80, 0.83, -0.03, low, high, True)


def test_the_gate_stops_a_candidate_only_when_it_loses_beyond_the_noise():
    # 0.03 behind the live version, but inside the noise: it may go live.
    accepted, _ = _gate(0.80, 0.5, 0.05, 2, _comparison(-0.08, 0.02))
    assert accepted
    accepted, reason = _gate(0.80, 0.5, 0.05, 2, _comparison(-0.05, -0.01))
    assert not accepted and "beyond the noise" not in reason and "more than the noise" in reason
    assert not _gate(0.52, 0.5, 0.05, 2, _comparison(0.01, 0.05))[0], "no better than chance"


def test_the_r2_band_is_a_bootstrap_that_adds_the_reference_noise():
    rng = np.random.default_rng(0)
    truth = rng.normal(size=80)
    noisy = truth + rng.normal(size=80)
    alone = monitoring.score_band("regression", truth, noisy, 80)
    with_reference = monitoring.score_band("regression", truth, noisy, 80, reference_error=0.1)
    # R² on 80 rows at about 0.5 moves by far more than a fixed 0.05.
    assert alone > 3 * 0.04 and with_reference > alone
    assert with_reference == pytest.approx(
        3 * math.hypot(monitoring.score_error("regression", truth, noisy), 0.1)
    )


def test_policies_are_compared_on_the_brier_score_when_it_is_there():
    flat = (0.8,) * 12
    rng = np.random.default_rng(0)
    runs = {
        "never": PolicyRun("never", flat, (1,) * 12, (), tuple(0.30 + rng.normal(0, 0.01, 12))),
        "monthly": PolicyRun("monthly", flat, (1,) * 12, (), tuple(0.20 + rng.normal(0, 0.01, 12))),
        "on_alert": PolicyRun(
            "on_alert", flat, (1,) * 12, (), tuple(0.25 + rng.normal(0, 0.01, 12))
        ),
    }
    verdict = monitoring.policy_verdict(runs, "ROC AUC")
    assert verdict.metric == monitoring.BRIER and not verdict.greater_is_better
    assert verdict.best == verdict.pick == "monthly" and verdict.real_difference


def test_the_outcome_delay_is_the_label_horizon_when_there_is_one():
    assert monitoring.outcome_delay(datasets.load("churn")) == 3
    assert monitoring.outcome_delay(datasets.load("stocks")) == 1
    assert monitoring.outcome_delay(datasets.load("wine")) == 2


# --- Truth tests: what each alert can and cannot see, across seeds 0-9 -----------------------

SEEDS = range(10)
QUIET_SEEDS = 8
"""The bar: with no drift, at least 8 of 10 seeds raise no alert of either kind in 12 months."""


@functools.cache
def _seeded(scenario: str, seed: int, name: str = "churn") -> monitoring.Simulation:
    # Months only: the alerts do not depend on the retraining policies.
    dataset = (
        _data(name, seed) if name == "churn" and scenario != "prior" else datasets.load(name, seed)
    )
    return monitoring.simulate(
        dataset,
        run_estimator("linear", dataset.task, {"C": 1.0}, seed),
        model="linear",
        params={"C": 1.0},
        scenario=scenario,
        intensity=1.0,
        delay=2,
        corrupt_month=None,
        random_state=seed,
        with_policies=False,
    )


def test_psi_bins_keep_pure_noise_under_half_the_moderate_line():
    assert monitoring.psi_bins(7_000, 600) == 10
    assert monitoring.psi_bins(90, 90) == 3
    rng = np.random.default_rng(0)
    noise = [monitoring.psi(rng.normal(size=300), rng.normal(size=300)) for _ in range(50)]
    assert np.mean(noise) < monitoring.PSI_MODERATE / 2


@pytest.mark.parametrize(
    "name", [pytest.param("churn", marks=_shares("seeded_churn")), "store_demand"]
)
def test_no_drift_raises_no_alert_in_most_seeds(name):
    quiet = [
        not any(m.alert or m.outcome_alert for m in _seeded("none", seed, name).months)
        for seed in SEEDS
    ]
    assert sum(quiet) >= QUIET_SEEDS, quiet


@_shares("seeded_churn")
def test_concept_drift_is_invisible_to_inputs_and_seen_once_outcomes_arrive():
    for seed in SEEDS:
        simulation = _seeded("concept", seed)
        inputs = [m for m in simulation.months if m.alert]
        assert len(inputs) <= 1, f"seed {seed}: the inputs did not move, yet {len(inputs)} alerts"
        assert all(d.psi < monitoring.PSI_MAJOR for d in simulation.months[-1].drift)
        late = simulation.months[-1]
        assert late.outcome_alert, f"seed {seed}: the flipped outcomes went unnoticed"
        # The outcome alert is only known after the delay: at the last month, the last two
        # months' outcomes are still to come.
        assert simulation.known(late.index)[-simulation.delay :] == [False] * simulation.delay


def test_prior_shift_moves_calibration_and_brier_while_roc_auc_barely_moves():
    # Churn, as on the page: the positive rate climbs from about 0.2 to about 0.9.
    auc_moves = []
    for seed in SEEDS:
        simulation = _seeded("prior", seed, "churn")
        shipped, last = simulation.shipped, simulation.months[-1].outcomes
        assert last.observed_rate > shipped.observed_rate + 0.4, f"seed {seed}"
        reasons = " ".join(last.reasons)
        assert "positive against" in reasons and "Brier" in reasons, f"seed {seed}: {reasons}"
        assert last.brier > 2 * shipped.brier
        # ROC AUC alone would not have raised the alert: its move stays inside its noise band.
        assert " is more than " not in reasons, f"seed {seed}: {reasons}"
        auc_moves.append(abs(last.score - shipped.score))
    assert np.mean(auc_moves) < 0.05, auc_moves


@_shares("seeded_churn")
def test_input_monitors_cannot_tell_concept_drift_from_no_drift():
    for seed in range(3):
        calm, drifted = _seeded("none", seed), _seeded("concept", seed)
        # The same rows in every month: label flips leave the inputs and predictions alike.
        for a, b in zip(calm.months, drifted.months, strict=True):
            assert a.prediction_psi == pytest.approx(b.prediction_psi)
            assert [d.psi for d in a.drift] == pytest.approx([d.psi for d in b.drift])
