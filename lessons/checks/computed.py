"""The computed questions, one per lesson, each answered on the live data, and ``answer``."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache

from lessons import (
    datasets,
    experiments,
    framing,
    leakage,
    monitoring,
    scoring,
    splits,
    store,
    training,
)
from lessons import metrics as lesson_metrics
from lessons import models as model_registry
from lessons.checks.records import Computed, ComputedQuestion, NotApplicable, Question
from lessons.checks.stand_ins import _score, _signed, _with_stand_in
from lessons.datasets import Dataset
from lessons.errors import DataError

# --------------------------------------------------------------------------------------------
# 1. Frame: does the quick model beat the baseline?
# --------------------------------------------------------------------------------------------


def _quick_model_vs_baseline(dataset: Dataset, seed: int) -> Computed:
    held = framing.evaluate(dataset, random_state=seed)
    suggestion = framing.suggest_metric(
        held.task, held.y_train, framing.Costs(), problem=dataset.problem
    )
    found = framing.bar_to_beat(held, suggestion, framing.Costs(), random_state=seed)
    verdict = found.verdict
    if verdict.comparison is None:
        raise DataError("the score is undefined on its validation rows")
    return Computed(
        {
            "data": dataset.title,
            "metric": suggestion.name,
            "rows": f"{found.n_rows:,} {found.rows}",
            "model_score": framing.format_score(suggestion.metric, verdict.model.score),
            "baseline": verdict.best_baseline.name,
            "baseline_score": framing.format_score(suggestion.metric, verdict.best_baseline.score),
            "verdict": verdict.text,
        },
        "beats" if verdict.earns_keep else "does_not",
    )


quick_model_vs_baseline = _with_stand_in(_quick_model_vs_baseline)
quick_model_vs_baseline.__doc__ = """Frame: does the quick model earn its keep against the
best baseline, with equal error costs? The page's own ``framing.bar_to_beat``: a paired
bootstrap of model minus best baseline, "no real difference" when its interval holds 0."""


# --------------------------------------------------------------------------------------------
# 2. Split: shuffled against time
# --------------------------------------------------------------------------------------------


def _shuffle_versus_time(dataset: Dataset, seed: int) -> Computed:
    gap = splits.shuffle_versus_time(dataset, random_state=seed)
    if not (math.isfinite(gap.random_score) and math.isfinite(gap.time_score)):
        raise DataError("a score is undefined on its test rows")
    if gap.parts is None:
        raise DataError(
            f"only {gap.n_shared} future rows sit in both test buckets, too few to take the "
            f"gap apart"
        )
    comparison = gap.parts.look_ahead
    return Computed(
        {
            "data": dataset.title,
            "metric": gap.metric,
            "random_score": _score(gap.random_score),
            "time_score": _score(gap.time_score),
            "gap": _signed(gap.gap),
            "time_cut": gap.time_cut,
            "past_score": gap.parts.past.text(),
            "future_score": gap.parts.future.text(),
            "n_shared": f"{gap.n_shared:,}",
            "shuffled_shared": _score(comparison.score_a),
            "time_shared": _score(comparison.score_b),
            "easier_past": _signed(gap.easier_past),
            "look_ahead": _signed(gap.look_ahead),
            "look_ahead_verdict": comparison.text(),
        },
        gap.main_cause,
    )


# Stand-ins with a time column and enough rows to take the gap apart (the generic regression
# stand-in, stocks, has about a hundred weekly rows: too few future rows in both test buckets).
_SHUFFLE_STAND_INS = {"binary": "churn", "multiclass": "churn", "regression": "store_demand"}


def shuffle_versus_time(dataset: Dataset, seed: int) -> Computed:
    """Split: where the gap between a shuffled and a time split comes from (an easier past,
    look-ahead, or neither beyond the noise), from ``splits.shuffle_versus_time`` and its
    ``main_cause``. Runs on a built-in stand-in when the active data has no time column or too
    few rows."""
    reason = None if dataset.time_column else "it has no time column"
    if reason is None:
        try:
            return _shuffle_versus_time(dataset, seed)
        except DataError as error:
            reason = str(error).rstrip(".")
    name = _SHUFFLE_STAND_INS[dataset.task]
    if name == dataset.name:
        raise NotApplicable(f"This question does not apply here: {reason}.")
    found = _shuffle_versus_time(datasets.load(name, seed), seed)
    note = (
        f"This question cannot use the active data ({reason}), so it runs on the built-in "
        f"`{name}` data with the same seed."
    )
    return replace(found, note=note)


# --------------------------------------------------------------------------------------------
# 3. Leakage: which mistake inflated the reported score most
# --------------------------------------------------------------------------------------------

DATASET_LEAKS = ("random_vs_time", "post_outcome", "entity_overlap")
"""The lab's leaks that run on any dataset with a time, entity or post-outcome column."""
DEMO_LEAKS = ("preprocessing_scaler", "centred_window", "duplicates")
"""Quick leaks on the lab's own demo data, asked about when fewer than two apply."""


@lru_cache(maxsize=8)
def demo_leaks(seed: int) -> dict[str, leakage.LeakScores]:
    """The quick demo leaks with default settings; the same for every dataset, so kept."""
    return {k: leakage.run(k, random_state=seed) for k in DEMO_LEAKS}


def biggest_leak(dataset: Dataset, seed: int) -> Computed:
    """Leakage: which mistake, of those that apply here, inflated the reported score most.

    The inflation is what each mistake adds to the reported score, not leaked information
    alone: the shuffled split's is mostly an easier exam (older rows), which the question's
    explanation says.

    Runs ``leakage.run`` with default settings on the dataset for each leak that applies to
    it; when fewer than two do, on the quick demo leaks of the lab instead. The ranking is
    ``leakage.rank_leaks``, the scoreboard's: when the biggest two are within noise of each
    other, the right answer is that no single leak stands out.
    """
    keys = tuple(k for k in DATASET_LEAKS if leakage.applies_to(k, dataset))
    note = None
    try:
        results = {k: leakage.run(k, dataset=dataset, random_state=seed) for k in keys}
    except DataError as error:
        results, note = {}, f"The lab's leaks cannot run on the active data ({error})"
    if len(results) < 2:
        keys = DEMO_LEAKS
        results = demo_leaks(seed)
        note = (
            note or "Fewer than two of the lab's leaks apply to the active data"
        ) + ", so this question uses three quick leaks on the lab's own demo data."
    ranking = leakage.rank_leaks(results)
    top = ranking.order[0]
    values = {
        "data": dataset.title,
        "where": f"on {dataset.title}" if note is None else "on the lab's own demo data",
    }
    for key, result in results.items():
        values[f"{key}_leaky"] = _score(result.leaky)
        values[f"{key}_honest"] = _score(result.honest)
        values[f"{key}_inflation"] = _signed(result.inflation)
        values[f"{key}_metric"] = result.metric_label

    def described(key: str) -> str:
        result = results[key]
        return (
            f"{leakage.SCENARIOS[key].title.lower()} {_signed(result.inflation)} "
            f"{result.metric_label} (95% CI {_signed(result.inflation_low)} to "
            f"{_signed(result.inflation_high)})"
        )

    values["board"] = "; ".join(described(k) for k in keys)
    if all(r.inflation_within_noise for r in results.values()):
        correct = "no_leak"
        values["finding"] = "Every one of these mistakes stayed inside its noise on this data."
    elif ranking.winner is not None:
        correct = ranking.winner
        runner_up = ranking.order[1]
        values["finding"] = (
            f"{leakage.SCENARIOS[top].title} added "
            f"{_signed(results[top].inflation)} {results[top].metric_label}, more than the next "
            f"one ({leakage.SCENARIOS[runner_up].title.lower()}, "
            f"{_signed(results[runner_up].inflation)}) by more than their combined noise."
        )
    else:
        correct = "tie"
        values["finding"] = (
            "No single mistake stands out: "
            + " and ".join(leakage.SCENARIOS[k].title.lower() for k in ranking.top)
            + " added amounts within noise of each other."
        )
    return Computed(values, correct, shown=(*keys, "tie", "no_leak"), note=note)


# --------------------------------------------------------------------------------------------
# 4. Train: which model would you ship, on train and validation scores
# --------------------------------------------------------------------------------------------

TREE_PARAMS = {"max_depth": None, "min_samples_leaf": 1}
"""A decision tree grown until every leaf is pure: the memoriser."""
TRAIN_ROW_CAP = 5000
"""Rows sampled for the train question, so it answers within a second."""


def _tree_or_default(dataset: Dataset, seed: int) -> Computed:
    prepared = training.prepare(dataset, row_cap=TRAIN_ROW_CAP, random_state=seed)
    problem = training.estimator_kind(prepared.dataset)
    metric = scoring.DEFAULT_METRIC[dataset.task]
    default = model_registry.default_model(problem)
    tree = training.fit(prepared, "decision_tree", TREE_PARAMS, metric, random_state=seed)
    simple = training.fit(prepared, default, {}, metric, random_state=seed)
    if not all(math.isfinite(r.validation_score) for r in (tree, simple)):
        raise DataError("a validation score is undefined on these rows")
    label = training.MODELS[default].label.lower()
    comparison = training.compare_encoded(
        metric,
        dataset.task,
        tree.validation_rows,
        simple.validation_rows,
        names=("the tree", f"the {label}"),
        random_state=seed,
    )
    correct = {None: "no_difference", "the tree": "tree"}.get(comparison.better, "default")
    gap = f"{comparison.low:+.3f} to {comparison.high:+.3f}"
    verdict = (
        f"On validation the two differ by {gap} (95% interval of tree minus {label}, from a "
        "paired bootstrap of the validation rows), which includes 0: no real difference, so "
        "prefer the simpler, more stable model and do not read a winner into the third decimal."
        if comparison.better is None
        else f"Ship on the validation score, the rows neither model has seen: "
        f"{comparison.better} is better there, and the 95% interval of the gap ({gap}, tree "
        f"minus {label}, from a paired bootstrap of the validation rows) excludes 0."
    )
    return Computed(
        {
            "data": dataset.title,
            "metric": scoring.metric(metric).name,
            "default": label,
            "tree_train": _score(tree.train_score),
            "tree_validation": _score(tree.validation_score),
            "tree_gap": f"{tree.gap:.3f}",
            "default_train": _score(simple.train_score),
            "default_validation": _score(simple.validation_score),
            "default_gap": f"{simple.gap:.3f}",
            "verdict": verdict,
            "n_train": f"{tree.n_train:,}",
            "n_validation": f"{tree.n_validation:,}",
        },
        correct,
    )


tree_or_default = _with_stand_in(_tree_or_default)
tree_or_default.__doc__ = """Train: a tree with no depth limit against the default model,
fitted with ``training.fit`` on the same rows; the one to ship is better on validation by more
than the noise (``training.compare_encoded``, a paired bootstrap), else there is no real
difference."""


# --------------------------------------------------------------------------------------------
# 5. Metrics: metrics disagree about the best model
# --------------------------------------------------------------------------------------------


def _metric_winner(dataset: Dataset, seed: int) -> Computed:
    buckets = splits.make_buckets(dataset, None, random_state=seed)
    held = lesson_metrics.fit_held_out(dataset, buckets, random_state=seed)
    table = lesson_metrics.compare_models(held, random_state=seed)
    scored = table[table["best"] != ""]
    crowned = scored[scored["winner"] != ""]
    if len(scored) < 2:
        raise DataError("fewer than two metrics are defined on these rows")
    first = (crowned if len(crowned) else scored).iloc[0]
    rest = scored[scored["metric"] != first["metric"]]
    # Ask about a metric whose best model differs from the first one's, crowned if possible.
    differs = rest[rest["best"] != first["best"]]
    pool = differs if len(differs) else rest
    pool = pool.assign(crowned=pool["winner"] != "").sort_values(
        "crowned", ascending=False, kind="stable"
    )
    second = pool.iloc[0]
    first_result = (
        f"{first['winner']} wins by more than the noise"
        if first["winner"]
        else f"{first['best']} scores best, but within the noise of {first['runner_up']}"
    )
    names = [m.name for m in held.models]
    # Three significant digits, so an interval ending a hair from zero does not print as 0.
    gap = f"{float(second['low']):+.3g} to {float(second['high']):+.3g}"
    if second["winner"]:
        verdict = (
            f"{second['winner']} beats the runner-up, {second['runner_up']}, by more than the "
            f"noise (95% interval of the gap {gap}), so it wins."
        )
    else:
        verdict = (
            f"The best, {second['best']}, and the runner-up, {second['runner_up']}, differ by "
            f"{gap} (95% interval of the gap), which includes 0: no real difference, whatever "
            "the third decimal says."
        )
    values = {f"model{i}": name for i, name in enumerate(names)}
    values |= {
        "data": dataset.title,
        "first_metric": str(first["metric"]),
        "first_result": first_result,
        "second_metric": str(second["metric"]),
        "second_scores": ", ".join(f"{n} {_score(float(second[n]))}" for n in names),
        "second_verdict": verdict,
        "n_metrics": str(len(scored)),
        "n_crowned": str(len(crowned)),
        "n_winners": str(crowned["winner"].nunique()),
    }
    correct = f"model{names.index(str(second['winner']))}" if second["winner"] else "no_difference"
    return Computed(
        values,
        correct,
        shown=(*(f"model{i}" for i in range(len(names))), "no_difference"),
    )


metric_winner = _with_stand_in(_metric_winner)
metric_winner.__doc__ = """Metrics: which model wins under a metric that disagrees with the
first one, or none when the best two are within the noise, from ``metrics.compare_models``
(a paired bootstrap per metric) on the default split."""


# --------------------------------------------------------------------------------------------
# 6. Experiments: which comparison changed one thing
# --------------------------------------------------------------------------------------------

_RUN_METRICS = {
    "validation_roc_auc": "ROC AUC",
    "validation_r2": "R²",
    "validation_macro_f1": "macro F1",
    "validation_balanced_accuracy": "balanced accuracy",
}
STRONG_C = 0.01
"""The regularisation of run 2: C = 0.01 (ridge: alpha = 100)."""


def _one_change(dataset: Dataset, seed: int) -> Computed:
    buckets = splits.make_buckets(dataset, None, random_state=seed)
    runs = [
        ("linear", {"C": 1.0}),
        ("linear", {"C": STRONG_C}),
        ("baseline", {"strategy": "prior" if dataset.task != "regression" else "mean"}),
    ]
    records = [
        store.RunRecord(
            page="checks",
            dataset=dataset.name,
            split=buckets.strategy,
            model=model,
            params=params,
            metrics=experiments.quick_run(dataset, buckets, model, params, random_state=seed),
            seed=seed,
        )
        for model, params in runs
    ]
    one, two = experiments.compare(records[0], records[1]), experiments.compare(*records[::2])
    assert one.changed_one_thing and not two.changed_one_thing
    headline = min(experiments.metric_names(records), key=experiments.headline_rank)
    move = next(m for m in one.moves if m.metric == headline)
    paired = experiments.paired_runs(
        dataset, buckets, runs[0], runs[1], headline, random_state=seed
    )
    correct = {None: "no_difference", "the later run": "one_helped"}.get(paired.better, "one_hurt")
    return Computed(
        {
            "data": dataset.title,
            "metric": _RUN_METRICS.get(headline, headline.removeprefix("validation_")),
            "run1": _score(records[0].metrics[headline]),
            "run2": _score(records[1].metrics[headline]),
            "run3": _score(records[2].metrics[headline]),
            "changes_2": ", ".join(f"{c.what} {c.before} → {c.after}" for c in one.changes),
            "changes_3": ", ".join(c.what for c in two.changes),
            "delta": _signed(move.delta),
            "interval_low": f"{paired.low:+.3f}",
            "interval_high": f"{paired.high:+.3f}",
            "verdict": (
                "it is within the noise: no real difference"
                if paired.better is None
                else "it is better by more than the noise"
                if paired.better == "the later run"
                else "it is worse by more than the noise"
            ),
        },
        correct,
    )


one_change = _with_stand_in(_one_change)
one_change.__doc__ = """Experiments: three runs through ``experiments.quick_run``; the pair
``experiments.compare`` finds one change in, and whether that change helped, hurt, or moved
the score by less than the noise (``experiments.paired_runs``, a paired bootstrap)."""


# --------------------------------------------------------------------------------------------
# 7. Monitor: which retraining policy kept the best score
# --------------------------------------------------------------------------------------------

MONITOR_SETTINGS = {"scenario": "prior", "intensity": 0.75, "delay": 2, "corrupt_month": 5}
"""The monitor page's default settings (prior shift, month 6 corrupted); the delay is the
dataset's label horizon when it has one (``monitoring.outcome_delay``)."""
MONITOR_RECIPE = ("random_forest", {"n_estimators": 30, "max_depth": 8, "min_samples_leaf": 5})
"""The model the monitor page ships when lesson 4 has not trained one."""


def best_policy(simulation: monitoring.Simulation) -> Computed:
    """Monitor: which retraining policy to keep, by ``monitoring.policy_verdict``.

    The policies are compared month by month on the same rows (a paired comparison), on the
    Brier score for a binary target (ROC AUC cannot see the miscalibration prior shift
    causes); when the best mean is inside the noise of a policy that published fewer
    retrains, the answer is "no real difference", and the cheaper policy is the one to keep.
    """
    runs = simulation.policies
    verdict = monitoring.policy_verdict(runs, simulation.artifact.metric)
    corrupted = simulation.corrupt_month
    direction = "higher" if verdict.greater_is_better else "lower"
    values = {
        "metric": f"{verdict.metric} ({direction} is better)",
        "best": monitoring.POLICIES[verdict.best].lower(),
        "cheapest": monitoring.POLICIES[verdict.pick].lower(),
        "comparisons": " ".join(
            replace(
                c,
                name_a=monitoring.POLICIES[c.name_a].lower(),
                name_b=monitoring.POLICIES[c.name_b].lower(),
            ).text()
            for c in verdict.comparisons
        ),
        "drift": monitoring.SCENARIOS[simulation.scenario].lower(),
        "delay": f"{simulation.delay} month{'s' if simulation.delay != 1 else ''}",
        "corrupted": "no corrupted month"
        if corrupted is None
        else f"the labels of month {corrupted + 1} corrupted",
    }
    for name, run in runs.items():
        values[name] = _score(verdict.means[name])
        values[f"{name}_retrains"] = str(run.retrains)
    values["months"] = str(len(simulation.months))
    return Computed(values, verdict.best if verdict.real_difference else "tie")


def _policies(dataset: Dataset, seed: int) -> Computed:
    model, params = MONITOR_RECIPE
    simulation = monitoring.simulate(
        dataset,
        experiments.run_estimator(model, dataset.task, params, seed),
        model=model,
        params=params,
        random_state=seed,
        **{**MONITOR_SETTINGS, "delay": monitoring.outcome_delay(dataset)},
    )
    found = best_policy(simulation)
    return replace(found, values={**found.values, "data": dataset.title})


_MONITOR_STAND_INS = {"binary": "churn", "multiclass": "churn", "regression": "store_demand"}
"""Built-ins large enough for twelve disjoint production months, by kind of target."""


def policies(dataset: Dataset, seed: int) -> Computed:
    """Monitor: run ``monitoring.simulate`` with the page's default settings and recipe, then
    ``best_policy``; on data too small for twelve disjoint months, on a built-in that is not."""
    try:
        return _policies(dataset, seed)
    except DataError as error:
        name = _MONITOR_STAND_INS[dataset.task]
        if name == dataset.name:
            raise
        reason = str(error).split(":")[0]
        found = _policies(datasets.load(name, seed), seed)
        note = (
            f"This question cannot use the active data ({reason}), so it runs on the "
            f"built-in `{name}` data with the same seed."
        )
        return replace(found, note=note)


def _one_thread(compute: Callable[[Dataset, int], Computed]) -> Callable[[Dataset, int], Computed]:
    # On a busy machine OpenMP threads fight each other: one thread is up to ten times faster.
    def run(dataset: Dataset, seed: int) -> Computed:
        with training.single_threaded():
            return compute(dataset, seed)

    run.__doc__ = compute.__doc__
    return run


COMPUTE: Mapping[str, Callable[[Dataset, int], Computed]] = {
    name: _one_thread(compute)
    for name, compute in {
        "quick_model_vs_baseline": quick_model_vs_baseline,
        "shuffle_versus_time": shuffle_versus_time,
        "biggest_leak": biggest_leak,
        "tree_or_default": tree_or_default,
        "metric_winner": metric_winner,
        "one_change": one_change,
        "policies": policies,
    }.items()
}
"""Compute functions by the name a checks file uses: ``(dataset, seed) -> Computed``."""


def answer(question: ComputedQuestion, dataset: Dataset, seed: int) -> Question:
    """Run a computed question's function on the data and resolve the question.

    Raises
    ------
    NotApplicable
        When neither the dataset nor a built-in stand-in can answer it.
    """
    return question.resolve(COMPUTE[question.compute](dataset, seed))
