"""The numbers of each lesson at the plans' settings, computed by the lessons' own code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lessons import datasets, experiments, framing, leakage, monitoring, splits, training
from lessons import metrics as lesson_metrics
from lessons.choices import SplitChoice
from lessons.errors import DataError
from lessons.features import labelled_frame
from lessons.plans.settings import (
    EXPERIMENTS_DATASET,
    EXPERIMENTS_RUNS,
    FRAME_COSTS,
    FRAME_DATASET,
    LEAKAGE_SCENARIOS,
    METRICS_DATASET,
    METRICS_OUTLIER_SHARE,
    METRICS_PREVALENCE,
    METRICS_THRESHOLDS,
    MONITOR_CORRUPT_MONTH,
    MONITOR_DATASET,
    MONITOR_INTENSITY,
    MONITOR_RECIPE,
    MONITOR_SCENARIO,
    SEED,
    SPLIT_NOISE_DATASET,
    SPLIT_NOISE_K,
    SPLIT_NOISE_REPEATS,
    SPLIT_NOISE_ROWS_WANTED,
    SPLIT_RARE_DATASET,
    SPLIT_RARE_REPEATS,
    SPLIT_RARE_ROWS,
    SPLIT_TIME_DATASET,
    TRAIN_DATASET,
    TRAIN_METRIC,
    TRAIN_MODEL,
    TRAIN_SETTINGS,
    percent,
    score,
    signed,
)

# ---------------------------------------------------------------------------------------------
# The numbers of each lesson
# ---------------------------------------------------------------------------------------------


def frame_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 1 on card fraud: the majority share, the metric, threshold and costs at 1:20.

    Every number comes from the calls the page makes: ``framing.bar_to_beat`` chooses the
    threshold on the training rows' out-of-fold predictions and scores the policies on the
    validation rows. The test rows are never read. ``frame_cost_valid_min`` is the reading
    the old mistake would give: the cheapest point of the validation rows' own curve.
    """
    dataset = datasets.load(FRAME_DATASET, random_state)
    shares = dataset.y.astype(str).value_counts(normalize=True)
    result = framing.evaluate(dataset, dataset.target, dataset.task, random_state=random_state)
    cost_fp, cost_fn = FRAME_COSTS
    costs = framing.Costs(false_positive=cost_fp, false_negative=cost_fn)
    equal = framing.suggest_metric("binary", result.y_train, framing.Costs())
    suggestion = framing.suggest_metric("binary", result.y_train, costs)
    found = framing.bar_to_beat(result, suggestion, costs, random_state=random_state)
    policies = found.policies
    chosen, rule = policies.chosen, policies.best_rule
    probability = result.model.predictions.scores[:, 1]
    calibration = framing.calibration(result.y_valid, probability, policies.choice.theory)
    chosen_on_validation = framing.optimal_threshold(result.y_valid, probability, *FRAME_COSTS)
    everyone = policies.policy(framing.FLAG_ALL)
    no_one = policies.policy(framing.FLAG_NONE)
    at_half = policies.policy(framing.chosen_name(0.5))
    return {
        "frame_majority_share": percent(shares.iloc[0], 1),
        "frame_positive_share": percent(1 - shares.iloc[0], 1),
        "frame_metric_equal": equal.name,
        "frame_metric": suggestion.name,
        "frame_threshold": framing.format_threshold(policies.choice.threshold),
        "frame_theory": f"{policies.choice.theory:.3g}",
        "frame_cost_oof": f"{1000 * policies.choice.cost:,.1f}",
        "frame_threshold_valid_min": framing.format_threshold(chosen_on_validation.threshold),
        "frame_cost_valid_min": f"{1000 * chosen_on_validation.cost:,.1f}",
        "frame_cost_model": f"{chosen.cost:,.1f}",
        "frame_cost_half": f"{at_half.cost:,.1f}",
        "frame_cost_all": f"{everyone.cost:,.1f}",
        "frame_cost_none": f"{no_one.cost:,.1f}",
        "frame_rule": rule.name,
        "frame_cost_rule": f"{rule.cost:,.1f}",
        "frame_versus_rule": framing.versus_text(rule),
        "frame_recall": percent(chosen.recall, 1),
        "frame_precision": percent(chosen.precision, 1),
        "frame_calibration": calibration.text(),
        "frame_brier": f"{calibration.brier:.4f}",
        "frame_brier_base": f"{calibration.brier_base_rate:.4f}",
        "frame_verdict": found.verdict.text,
        "frame_n_train": f"{result.n_train:,}",
        "frame_n_valid": f"{result.n_valid:,}",
        "frame_n_test": f"{result.n_test:,}",
        "frame_n_chose": f"{policies.n_chose:,}",
        "frame_folds": result.out_of_fold.scheme,
    }


def split_noise_rows(n_rows: int) -> int:
    """The rows the noise section starts with: the slider option nearest the wanted size."""
    options = [n for n in (100, 200, 500, 1_000, 2_000, 5_000, 10_000) if n < n_rows] + [n_rows]
    return min(options, key=lambda n: abs(n - SPLIT_NOISE_ROWS_WANTED))


def split_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 2: lost positives on fraud, one noisy split on diabetes, shuffled churn."""
    fraud = datasets.load(SPLIT_RARE_DATASET, random_state)
    rare = splits.rare_class_positives(
        fraud, n_rows=SPLIT_RARE_ROWS, n_repeats=SPLIT_RARE_REPEATS, random_state=random_state
    )
    small = datasets.load(SPLIT_NOISE_DATASET, random_state)
    spread = splits.validation_spread(
        small,
        n_rows=split_noise_rows(small.n_rows),
        n_repeats=SPLIT_NOISE_REPEATS,
        k=SPLIT_NOISE_K,
        random_state=random_state,
    )
    low, high = spread.split_range
    timed = datasets.load(SPLIT_TIME_DATASET, random_state)
    gap = splits.shuffle_versus_time(timed, random_state=random_state)
    if gap.parts is None:
        raise DataError(f"{SPLIT_TIME_DATASET} has too few rows to take the shuffle gap apart.")
    buckets = splits.make_buckets(timed, SplitChoice("time"), random_state=random_state)
    fold_mean = spread.fold_mean
    return {
        "split_rare_repeats": str(SPLIT_RARE_REPEATS),
        "split_noise_repeats": str(SPLIT_NOISE_REPEATS),
        "split_rare_expected": f"{rare.expected:.1f}",
        "split_rare_threshold": str(rare.threshold),
        "split_rare_test_rows": f"{rare.test_rows:,}",
        "split_rare_random_min": str(int(rare.random_counts.min())),
        "split_rare_random_max": str(int(rare.random_counts.max())),
        "split_rare_random_share": percent(rare.share_random_almost_none),
        "split_rare_stratified_min": str(int(rare.stratified_counts.min())),
        "split_rare_stratified_max": str(int(rare.stratified_counts.max())),
        "split_noise_rows": f"{spread.n_rows:,}",
        "split_noise_metric": spread.metric,
        "split_noise_low": score(low),
        "split_noise_high": score(high),
        "split_noise_fold_mean": score(fold_mean.score),
        "split_noise_fold_low": score(fold_mean.low),
        "split_noise_fold_high": score(fold_mean.high),
        "split_noise_fold_spread": score(spread.fold_spread),
        "split_time_metric": gap.metric,
        "split_time_random": score(gap.random_score),
        "split_time_time": score(gap.time_score),
        "split_time_gap": signed(gap.gap),
        "split_time_cut": gap.time_cut,
        "split_time_past": score(gap.parts.past.score),
        "split_time_future": score(gap.parts.future.score),
        "split_time_shared_rows": f"{gap.n_shared:,}",
        "split_time_shared_time": score(gap.parts.look_ahead.score_b),
        "split_time_easier_past": signed(gap.easier_past),
        "split_time_look_ahead": signed(gap.look_ahead),
        "split_time_look_ahead_verdict": gap.parts.look_ahead.text(),
        "split_gap_horizon": splits.describe_horizon(timed) or "none",
        "split_gap_rows": f"{len(buckets.gap):,}",
        "split_gap_share": percent(len(buckets.gap) / timed.n_rows),
    }


def _agreement_reading(within: bool, drift: str | None) -> str:
    """What a gap between honest and production means, inside or outside its 95 % band."""
    if within:
        return "inside it, that is what a trustworthy score looks like."
    if drift:
        return f"outside it, and the page names the change planted between them ({drift})."
    return (
        "outside it, with nothing planted between the two samples. A 95 % band is missed "
        "about one time in twenty by chance alone: say so, and run another seed, whose "
        "gap will most likely land inside."
    )


def leakage_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 3: three scenarios on their demo data with the lab's default settings."""
    numbers: dict[str, str] = {}
    for scenario in LEAKAGE_SCENARIOS:
        result = leakage.run(scenario, random_state=random_state)
        prefix = f"leak_{scenario}"
        within = abs(result.honest - result.honest_production) <= result.band
        numbers |= {
            f"{prefix}_leaky": score(result.leaky),
            f"{prefix}_honest": score(result.honest),
            f"{prefix}_production": score(result.production),
            f"{prefix}_honest_production": score(result.honest_production),
            f"{prefix}_metric": result.metric_label,
            f"{prefix}_dataset": result.dataset,
            f"{prefix}_adds": signed(result.inflation),
            f"{prefix}_adds_ci": f"{signed(result.inflation_low)} to "
            f"{signed(result.inflation_high)}",
            f"{prefix}_band": score(result.band),
            f"{prefix}_gap": score(abs(result.honest - result.honest_production)),
            f"{prefix}_agreement": "inside" if within else "outside",
            f"{prefix}_agreement_reading": _agreement_reading(within, result.drift),
            f"{prefix}_verdict": leakage.verdict(
                result.inflation, result.inflation_low, result.inflation_high
            ),
        }
    numbers["leak_feature_selection_noise"] = (
        f"{leakage.DEFAULT_SETTINGS['feature_selection']['n_noise']:,}"
    )
    numbers["leak_feature_selection_k"] = str(leakage.DEFAULT_SETTINGS["feature_selection"]["k"])
    return numbers


def train_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 4: a decision tree on house prices, shallow, default and unlimited.

    Every claim the plan makes about two scores is a computed verdict: each gap against the
    noise of its two scores, each tree against the default tree by a paired bootstrap on the
    same validation rows. About 1 % of prices are typos five times too high, so R² on a few
    hundred rows swings by more than the depth does on some seeds; the sentences follow.
    """
    dataset = datasets.load(TRAIN_DATASET, random_state)
    prepared = training.prepare(
        dataset, SplitChoice(), row_cap=training.DEFAULT_ROW_CAP, random_state=random_state
    )
    n_valid = len(prepared.validation)
    numbers = {
        "train_n_train": f"{len(prepared.train):,}",
        "train_n_valid": f"{n_valid:,}",
        "train_baseline": score(training.baseline(prepared, TRAIN_METRIC)),
    }
    task = prepared.dataset.task
    fits = {}
    for name, params in TRAIN_SETTINGS.items():
        fitted = training.fit(prepared, TRAIN_MODEL, params, TRAIN_METRIC, random_state)
        fits[name] = fitted
        gap = training.gap_noise(
            TRAIN_METRIC,
            task,
            fitted.train_rows,
            fitted.validation_rows,
            fitted.gap,
            random_state=random_state,
        )
        numbers |= {
            f"train_{name}_train": score(fitted.train_score),
            f"train_{name}_valid": score(fitted.validation_score),
            f"train_{name}_gap": score(fitted.gap),
            f"train_{name}_gap_verdict": gap_verdict(gap),
        }
    default = fits["default"].validation_rows
    numbers["train_default_noise"] = (
        f"±{training.interval(TRAIN_METRIC, task, default, random_state=random_state).half_width:.3f}"
    )
    for name in ("unlimited", "shallow"):
        versus = training.compare_encoded(
            TRAIN_METRIC,
            task,
            fits[name].validation_rows,
            default,
            names=(name, "default"),
            random_state=random_state,
        )
        numbers[f"train_{name}_verdict"] = _verdict(versus)
        numbers[f"train_{name}_versus"] = tree_versus_default(name, versus, n_valid)
    return numbers


def gap_verdict(gap: training.GapNoise) -> str:
    """``beyond the noise of the two scores (±...)`` or ``within the noise ... (±...)``."""
    where = "within" if gap.within_noise else "beyond"
    return f"{where} the noise of the two scores (±{gap.noise:.3f})"


# What each verdict of a tree against the default tree teaches, by tree.
_TREE_LESSON = {
    ("unlimited", "worse"): "memorising the training houses cost it on new ones",
    ("unlimited", None): (
        "a few price typos among the {n} validation rows move R² more than the depth does, "
        "so these rows cannot show the cost of memorising; the gap is the warning light"
    ),
    ("unlimited", "better"): "on this draw the deeper tree generalises better than the default",
    ("shallow", "worse"): "too simple to use what the features know, small gap or not",
    ("shallow", None): (
        "these rows cannot tell the two apart; a small gap alone never made a model the best"
    ),
    ("shallow", "better"): (
        "on this draw the default tree already overfits, and the simpler tree is the one to keep"
    ),
}


def tree_versus_default(name: str, comparison, n_valid: int) -> str:
    """One sentence on a tree against the default tree that follows the paired verdict.

    Parameters
    ----------
    name : {"unlimited", "shallow"}
        The tree compared; ``comparison.name_a`` must be this name, ``name_b`` the default.
    comparison : lessons.uncertainty.Comparison
    n_valid : int
        Validation rows the comparison was made on.
    """
    if comparison.better is None:
        side, head = None, "no real difference"
    else:
        side = "better" if comparison.better == comparison.name_a else "worse"
        head = f"{side} by more than the noise"
    band = f"95% interval of the difference {comparison.low:+.3f} to {comparison.high:+.3f}"
    return f"{head} ({band}); {_TREE_LESSON[(name, side)].format(n=f'{n_valid:,}')}"


def _verdict(comparison) -> str:
    """``worse than ... by more than the noise (95% interval ...)`` or ``within the noise``."""
    band = f"95% interval of the difference {comparison.low:+.3f} to {comparison.high:+.3f}"
    if comparison.better is None:
        return f"within the noise: no real difference ({band})"
    side = "better" if comparison.better == comparison.name_a else "worse"
    return f"{side} by more than the noise ({band})"


def metrics_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 5: every metric on fraud, the threshold, accuracy at 1 %, RMSE against MAE."""
    dataset = datasets.load(METRICS_DATASET, random_state)
    buckets = splits.make_buckets(dataset, SplitChoice(), random_state=random_state)
    held_out = lesson_metrics.fit_held_out(dataset, buckets, random_state=random_state)
    scores = {
        s.key: s.value
        for s in lesson_metrics.score_held_out(held_out, held_out.main, threshold=0.5)
    }
    numbers = {
        "metrics_model": held_out.main.name,
        "metrics_n_valid": f"{len(held_out.y_true):,}",
        "metrics_positive_share": percent(float(held_out.y_true.mean()), 2),
        "metrics_accuracy": percent(scores["accuracy"], 1),
        "metrics_roc_auc": score(scores["roc_auc"]),
        "metrics_pr_auc": score(scores["pr_auc"]),
        # A random ranking's average precision is the positive share: PR AUC's floor.
        "metrics_pr_auc_random": score(float(held_out.y_true.mean())),
        "metrics_pr_auc_lift": f"{scores['pr_auc'] / float(held_out.y_true.mean()):.0f}",
    }
    for threshold in METRICS_THRESHOLDS:
        point = lesson_metrics.operating_point(held_out.y_true, held_out.main.prediction, threshold)
        tag = f"{round(threshold * 100):02d}"
        numbers |= {
            f"metrics_precision_{tag}": percent(point.precision, 1),
            f"metrics_recall_{tag}": percent(point.recall, 1),
            f"metrics_flagged_{tag}": f"{point.true_positives + point.false_positives:,}",
        }
    sweep = lesson_metrics.imbalance_sweep((METRICS_PREVALENCE,)).set_index(["model", "metric"])
    numbers |= {
        "metrics_majority_accuracy": percent(
            sweep.loc[("always the majority", "accuracy"), "value"], 1
        ),
        "metrics_majority_recall": percent(sweep.loc[("always the majority", "recall"), "value"]),
        "metrics_real_roc_auc": score(sweep.loc[("real model", "roc_auc"), "value"]),
        "metrics_real_pr_auc": score(sweep.loc[("real model", "pr_auc"), "value"]),
    }
    outliers = lesson_metrics.outlier_sweep(
        (0.0, METRICS_OUTLIER_SHARE), random_state=random_state
    ).set_index("share")
    clean, dirty = outliers.loc[0.0], outliers.loc[METRICS_OUTLIER_SHARE]
    numbers |= {
        "metrics_rmse_clean": f"{clean['rmse']:.2f}",
        "metrics_rmse_dirty": f"{dirty['rmse']:.2f}",
        "metrics_mae_clean": f"{clean['mae']:.2f}",
        "metrics_mae_dirty": f"{dirty['mae']:.2f}",
    }
    return numbers


def experiment_runs(random_state: int = SEED) -> dict[str, dict[str, float]]:
    """The plan's runs of the experiment page's quick form, fitted as the page fits them."""
    dataset = datasets.load(EXPERIMENTS_DATASET, random_state)
    frame = labelled_frame(dataset)
    if len(frame) != dataset.n_rows:
        dataset = replace(dataset, frame=frame.reset_index(drop=True))
    buckets = splits.make_buckets(dataset, SplitChoice(), random_state=random_state)
    return {
        name: experiments.quick_run(dataset, buckets, model, params, random_state=random_state)
        for name, model, params in EXPERIMENTS_RUNS
    }


def experiments_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 6: four runs on churn, one change at a time, each change judged paired."""
    numbers = {}
    for name, run in experiment_runs(random_state).items():
        numbers |= {
            f"exp_{name}_auc": score(run["validation_roc_auc"]),
            f"exp_{name}_accuracy": score(run["validation_accuracy"]),
        }
    dataset = datasets.load(EXPERIMENTS_DATASET, random_state)
    frame = labelled_frame(dataset)
    if len(frame) != dataset.n_rows:
        dataset = replace(dataset, frame=frame.reset_index(drop=True))
    buckets = splits.make_buckets(dataset, SplitChoice(), random_state=random_state)
    recipes = {name: (model, params) for name, model, params in EXPERIMENTS_RUNS}
    for name in ("deeper", "linear"):
        versus = experiments.paired_runs(
            dataset,
            buckets,
            recipes["forest"],
            recipes[name],
            "roc_auc",
            names=(name, "forest"),
            random_state=random_state,
        )
        numbers[f"exp_{name}_verdict"] = _verdict(versus)
    return numbers


def monitor_simulation(random_state: int = SEED) -> monitoring.Simulation:
    """The monitor page's default simulation: concept drift, the default random forest."""
    dataset = datasets.load(MONITOR_DATASET, random_state)
    model, params = MONITOR_RECIPE
    return monitoring.simulate(
        dataset,
        experiments.run_estimator(model, dataset.task, params, random_state),
        model=model,
        params=params,
        scenario=MONITOR_SCENARIO,
        intensity=MONITOR_INTENSITY,
        delay=monitoring.outcome_delay(dataset),
        corrupt_month=MONITOR_CORRUPT_MONTH - 1,
        random_state=random_state,
    )


def monitor_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 7: the shipped score, the decay, the first alert, the policies, the flips."""
    simulation = monitor_simulation(random_state)
    months = simulation.months
    input_alert = simulation.first_alert("input")
    outcome_alert = simulation.first_alert("outcome")
    policies = simulation.policies
    verdict = monitoring.policy_verdict(policies, simulation.artifact.metric)
    pick = monitoring.POLICIES[verdict.pick].lower()
    policy_verdict = (
        f"{pick} is ahead of the others by more than the month-to-month noise"
        if verdict.real_difference
        else f"no real difference between {monitoring.POLICIES[verdict.best].lower()} (the "
        f"best mean) and {', '.join(monitoring.POLICIES[n].lower() for n in verdict.tied)}, "
        f"so the policy that retrains least, {pick}, is the one to keep"
    )
    behind = [monitoring.POLICIES[c.name_b].lower() for c in verdict.comparisons if c.better]
    if behind and not verdict.real_difference:
        policy_verdict += f"; {', '.join(behind)} is behind by more than the noise"
    seen = (
        months[min(outcome_alert.index + simulation.delay, len(months) - 1)].label
        if outcome_alert
        else "no month"
    )
    by_seed = next(f for f in simulation.flips if "seed" in f.what)
    corrupt = MONITOR_CORRUPT_MONTH - 1
    gate = next(e for e in policies["monthly"].events if e.month == corrupt + simulation.delay)
    return {
        "mon_metric": simulation.artifact.metric,
        "mon_validation": score(simulation.artifact.validation_score),
        "mon_first_label": months[0].label,
        "mon_first": score(months[0].performance),
        "mon_last_label": months[-1].label,
        "mon_last": score(months[-1].performance),
        "mon_input_alert": input_alert.label if input_alert else "no month",
        "mon_outcome_label": outcome_alert.label if outcome_alert else "no month",
        "mon_outcome_seen": seen,
        "mon_drifted": simulation.drifted_feature,
        "mon_policy_verdict": policy_verdict,
        "mon_delay": f"{simulation.delay} months",
        "mon_psi_moderate": str(monitoring.PSI_MODERATE),
        "mon_psi_major": str(monitoring.PSI_MAJOR),
        "mon_policy_metric": verdict.metric,
        "mon_never": score(verdict.means["never"]),
        "mon_monthly": score(verdict.means["monthly"]),
        "mon_on_alert": score(verdict.means["on_alert"]),
        "mon_monthly_retrains": str(policies["monthly"].retrains),
        "mon_on_alert_retrains": str(policies["on_alert"].retrains),
        "mon_rollbacks": str(len(policies["monthly"].rejected)),
        "mon_corrupt_label": months[corrupt].label,
        "mon_gate_label": months[gate.month].label,
        "mon_gate_outcome": "passed the gate"
        if gate.accepted
        else "was rejected, and the live version kept serving",
        "mon_gate_version": f"v{gate.version}",
        "mon_flips": f"{by_seed.flipped:,}",
        "mon_flips_n": f"{by_seed.n:,}",
        "mon_flips_share": percent(by_seed.share, 1),
    }


NUMBERS: dict[str, Callable[[int], dict[str, str]]] = {
    "frame": frame_numbers,
    "split": split_numbers,
    "leakage": leakage_numbers,
    "train": train_numbers,
    "metrics": metrics_numbers,
    "experiments": experiments_numbers,
    "monitor": monitor_numbers,
}
