"""The computed questions, one per lesson, each answered on the live data, and ``answer``."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache

import numpy as np

from lessons import experiments, framing, leakage, monitoring, scoring, splits, store, training
from lessons import metrics as lesson_metrics
from lessons import models as model_registry
from lessons.checks.records import Computed, ComputedQuestion, Question
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
    scored = framing.score_candidates(held, suggestion)
    verdict = framing.verdict(scored, suggestion.metric)
    if not np.isfinite(verdict.model.score) or verdict.best_baseline is verdict.model:
        raise DataError("the score is undefined on its validation rows")
    return Computed(
        {
            "data": dataset.title,
            "metric": suggestion.name,
            "model_score": framing.format_score(suggestion.metric, verdict.model.score),
            "baseline": verdict.best_baseline.name,
            "baseline_score": framing.format_score(suggestion.metric, verdict.best_baseline.score),
            "verdict": verdict.text,
        },
        "beats" if verdict.earns_keep else "does_not",
    )


quick_model_vs_baseline = _with_stand_in(_quick_model_vs_baseline)
quick_model_vs_baseline.__doc__ = """Frame: does the quick model earn its keep against the
best baseline, with equal error costs? Uses ``framing.evaluate`` and ``framing.verdict``."""


# --------------------------------------------------------------------------------------------
# 2. Split: shuffled against time
# --------------------------------------------------------------------------------------------


def _shuffle_versus_time(dataset: Dataset, seed: int) -> Computed:
    gap = splits.shuffle_versus_time(dataset, random_state=seed)
    if not (math.isfinite(gap.random_score) and math.isfinite(gap.time_score)):
        raise DataError("a score is undefined on its test rows")
    return Computed(
        {
            "data": dataset.title,
            "metric": gap.metric,
            "random_score": _score(gap.random_score),
            "time_score": _score(gap.time_score),
            "gap": f"{abs(gap.gap):.3f}",
            "time_cut": gap.time_cut,
        },
        "random_higher" if gap.random_score > gap.time_score else "time_higher",
    )


shuffle_versus_time = _with_stand_in(_shuffle_versus_time, needs_time=True)
shuffle_versus_time.__doc__ = """Split: which of a shuffled and a time split scored higher,
from ``splits.shuffle_versus_time``."""


# --------------------------------------------------------------------------------------------
# 3. Leakage: which leak inflated the score most
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
    """Leakage: which leak, of those that apply here, inflated the reported score most.

    Runs ``leakage.run`` with default settings on the dataset for each leak that applies to
    it; when fewer than two do, on the quick demo leaks of the lab instead.
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
    inflation = {k: r.inflation for k, r in results.items()}
    worst = max(inflation, key=lambda k: inflation[k] if math.isfinite(inflation[k]) else -1e9)
    values = {
        "data": dataset.title,
        "where": f"on {dataset.title}" if note is None else "on the lab's own demo data",
    }
    for key, result in results.items():
        values[f"{key}_leaky"] = _score(result.leaky)
        values[f"{key}_honest"] = _score(result.honest)
        values[f"{key}_inflation"] = _signed(result.inflation)
        values[f"{key}_metric"] = result.metric_label
    values["worst_title"] = leakage.SCENARIOS[worst].title.lower()
    values["worst_inflation"] = _signed(inflation[worst])
    values["worst_metric"] = results[worst].metric_label
    values["board"] = "; ".join(
        f"{leakage.SCENARIOS[k].title.lower()} {_signed(inflation[k])} {results[k].metric_label}"
        for k in keys
    )
    return Computed(values, worst, shown=keys, note=note)


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
    higher = scoring.metric(metric).greater_is_better
    tree_wins = (tree.validation_score > simple.validation_score) == higher
    return Computed(
        {
            "data": dataset.title,
            "metric": scoring.metric(metric).name,
            "default": training.MODELS[default].label.lower(),
            "tree_train": _score(tree.train_score),
            "tree_validation": _score(tree.validation_score),
            "tree_gap": f"{tree.gap:.3f}",
            "default_train": _score(simple.train_score),
            "default_validation": _score(simple.validation_score),
            "default_gap": f"{simple.gap:.3f}",
            "winner": "the tree" if tree_wins else training.MODELS[default].label.lower(),
            "n_train": f"{tree.n_train:,}",
        },
        "tree" if tree_wins else "default",
    )


tree_or_default = _with_stand_in(_tree_or_default)
tree_or_default.__doc__ = """Train: a tree with no depth limit against the default model,
fitted with ``training.fit`` on the same rows; the one to ship scores higher on validation."""


# --------------------------------------------------------------------------------------------
# 5. Metrics: metrics disagree about the best model
# --------------------------------------------------------------------------------------------


def _metric_winner(dataset: Dataset, seed: int) -> Computed:
    buckets = splits.make_buckets(dataset, None, random_state=seed)
    held = lesson_metrics.fit_held_out(dataset, buckets, random_state=seed)
    table = lesson_metrics.compare_models(held)
    crowned = table[table["winner"] != ""]
    if len(crowned) < 2:
        raise DataError("the three models tie under almost every metric")
    first = crowned.iloc[0]
    differs = crowned[crowned["winner"] != first["winner"]]
    second = differs.iloc[0] if len(differs) else crowned.iloc[1]
    names = [m.name for m in held.models]
    values = {f"model{i}": name for i, name in enumerate(names)}
    values |= {
        "data": dataset.title,
        "first_metric": str(first["metric"]),
        "first_winner": str(first["winner"]),
        "second_metric": str(second["metric"]),
        "second_winner": str(second["winner"]),
        "second_scores": ", ".join(f"{n} {_score(float(second[n]))}" for n in names),
        "n_metrics": str(len(crowned)),
        "n_winners": str(crowned["winner"].nunique()),
    }
    return Computed(
        values,
        f"model{names.index(str(second['winner']))}",
        shown=tuple(f"model{i}" for i in range(len(names))),
    )


metric_winner = _with_stand_in(_metric_winner)
metric_winner.__doc__ = """Metrics: which model wins under a metric that disagrees with the
first one, from ``metrics.compare_models`` on the default split."""


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
        },
        "one_helped" if move.improved else "one_hurt",
    )


one_change = _with_stand_in(_one_change)
one_change.__doc__ = """Experiments: three runs through ``experiments.quick_run``; the pair
``experiments.compare`` finds one change in, and whether that change helped."""


# --------------------------------------------------------------------------------------------
# 7. Monitor: which retraining policy kept the best score
# --------------------------------------------------------------------------------------------

MONITOR_SETTINGS = {"scenario": "prior", "intensity": 0.75, "delay": 2, "corrupt_month": 5}
"""The monitor page's default settings (prior shift, month 6 corrupted)."""
MONITOR_RECIPE = ("random_forest", {"n_estimators": 30, "max_depth": 8, "min_samples_leaf": 5})
"""The model the monitor page ships when lesson 4 has not trained one."""


def best_policy(simulation: monitoring.Simulation) -> Computed:
    """Monitor: which retraining policy to keep, by ``monitoring.policy_verdict``.

    The policies are compared month by month on the same rows (a paired comparison); when
    the best mean is inside the noise of a policy that published fewer retrains, the answer
    is "no real difference", and the cheaper policy is the one to keep.
    """
    runs = simulation.policies
    verdict = monitoring.policy_verdict(runs)
    corrupted = simulation.corrupt_month
    values = {
        "metric": simulation.artifact.metric,
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
        values[name] = _score(run.mean_performance)
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
        **MONITOR_SETTINGS,
    )
    found = best_policy(simulation)
    return replace(found, values={**found.values, "data": dataset.title})


policies = _with_stand_in(_policies)
policies.__doc__ = """Monitor: run ``monitoring.simulate`` with the page's default settings and
recipe, then ``best_policy``."""


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
