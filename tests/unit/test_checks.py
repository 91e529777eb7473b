"""Checks of understanding: the files parse, every answer is right, computed answers match."""

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from lessons import (
    checks,
    datasets,
    experiments,
    framing,
    leakage,
    monitoring,
    scoring,
    splits,
    training,
)
from lessons import metrics as lesson_metrics
from lessons import models as model_registry
from lessons.checks import stand_ins
from lessons.errors import DataError


@pytest.fixture(autouse=True)
def _one_thread():
    # The lesson functions recomputed here run on one thread, as the checks do: on a busy
    # machine OpenMP threads spin against each other.
    with training.single_threaded():
        yield


ALL = [(lesson, q) for lesson in checks.LESSONS for q in checks.load(lesson)]


def _data(name: str, seed: int = 0) -> datasets.Dataset:
    return datasets.load(name, seed)


# --- Content ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", checks.LESSONS)
def test_each_lesson_has_three_to_five_questions_and_one_on_live_data(lesson):
    questions = checks.load(lesson)
    assert 3 <= len(questions) <= 5
    assert sum(isinstance(q, checks.ComputedQuestion) for q in questions) >= 1
    assert checks.question_ids(lesson) == tuple(q.id for q in questions)
    assert len(set(checks.question_ids(lesson))) == len(questions)


@pytest.mark.parametrize(("lesson", "question"), ALL, ids=[f"{lesson}-{q.id}" for lesson, q in ALL])
def test_every_question_has_one_right_answer_and_an_explanation(lesson, question):
    assert question.lesson == lesson
    assert question.prompt.strip() and len(question.explanation) > 80
    assert all(o.text.strip() for o in question.options)
    if isinstance(question, checks.Question):
        assert sum(o.correct for o in question.options) == 1
        assert len(question.options) >= 3
        assert "{" not in question.prompt + question.explanation
    else:
        assert not any(o.correct for o in question.options)
        assert question.compute in checks.COMPUTE
        assert question.placeholders, "a computed question shows computed values"


def test_question_ids_stay_the_same_whatever_the_data():
    assert checks.question_ids("split")[0] == "shuffle-or-time"
    with pytest.raises(checks.ChecksFormatError, match="no lesson"):
        checks.question_ids("nope")


# --- The parser refuses malformed files with a clear message -----------------------------------

GOOD = """# Title, ignored

## why-it
The question?

- [ ] wrong
- [x] right

> Because.
"""


def test_parser_reads_a_well_formed_file():
    (question,) = checks.parse(GOOD, "split", source="t.md")
    assert question.id == "why-it" and question.prompt == "The question?"
    assert [(o.key, o.text, o.correct) for o in question.options] == [
        ("a", "wrong", False),
        ("b", "right", True),
    ]
    assert question.correct.text == "right" and question.explanation == "Because."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("just prose\n", "no questions"),
        ("## Why It\nQ?\n- [ ] a\n- [x] b\n> e\n", "lower-case"),
        (GOOD + GOOD.split("\n", 2)[2], "used twice"),
        ("## q\nQ?\n- [x] a\n- [x] b\n> e\n", "exactly one option .* found 2"),
        ("## q\nQ?\n- [ ] a\n- [ ] b\n> e\n", "exactly one option .* found 0"),
        ("## q\nQ?\n- [ ] a\n- [x] b\n", "explanation is missing"),
        ("## q\n- [ ] a\n- [x] b\n> e\n", "question text is missing"),
        ("## q\nQ?\n- [x] a\n> e\n", "at least two"),
        ("## q\ncompute: nothing_here\nQ?\n- [a1] a\n- [b1] b\n> e\n", "no compute function"),
        ("## q\nQ?\n- [time] a\n- [x] b\n> e\n", r"line 3: mark an option"),
        ("## q\ncompute: policies\nQ?\n- [x] a\n- [ ] b\n> e\n", "keys its options"),
        ("## q\ncompute: policies\nQ?\n- [ab] a\n- [ab] b\n> e\n", "share a key"),
        ("## q\nQ?\n- [ ] a\n- [x] b\nstray text\n> e\n", "line 5: after the options"),
    ],
)
def test_parser_rejects_malformed_files(text, message):
    with pytest.raises(checks.ChecksFormatError, match=message) as error:
        checks.parse(text, "split", source="checks/split.md")
    assert "checks/split.md" in str(error.value)


def test_resolve_refuses_a_missing_value_or_an_unknown_answer():
    (question,) = checks.parse(
        "## q\ncompute: policies\nScore {a}?\n- [up] {a} up\n- [down] down\n> e {a}\n", "monitor"
    )
    with pytest.raises(ValueError, match="no value for a"):
        question.resolve(checks.Computed({}, "up"))
    with pytest.raises(ValueError, match="not an option shown"):
        question.resolve(checks.Computed({"a": "1"}, "down", shown=("up",)))
    asked = question.resolve(checks.Computed({"a": "0.5"}, "up"))
    assert asked.prompt == "Score 0.5?" and asked.correct.text == "0.5 up"


# --- Computed answers match the lesson's own functions -----------------------------------------


def _resolves(lesson: str, dataset: datasets.Dataset, seed: int) -> checks.Computed:
    """Run the lesson's computed question and check it resolves to one right answer."""
    question = next(q for q in checks.load(lesson) if isinstance(q, checks.ComputedQuestion))
    found = checks.COMPUTE[question.compute](dataset, seed)
    asked = question.resolve(found)
    assert sum(o.correct for o in asked.options) == 1
    assert "{" not in asked.prompt + asked.explanation
    return found


@pytest.mark.parametrize(("name", "seed"), [("stocks", 0), ("breast_cancer", 1)])
def test_frame_answer_is_the_verdict_of_the_quick_model(name, seed):
    dataset = _data(name, seed)
    found = _resolves("frame", dataset, seed)
    held = framing.evaluate(dataset, random_state=seed)
    suggestion = framing.suggest_metric(
        held.task, held.y_train, framing.Costs(), problem=dataset.problem
    )
    verdict = framing.bar_to_beat(held, suggestion, random_state=seed).verdict
    assert found.correct == ("beats" if verdict.earns_keep else "does_not")
    assert found.values["verdict"] == verdict.text
    assert found.values["model_score"] == framing.format_score(
        suggestion.metric, verdict.model.score
    )


@pytest.mark.parametrize(("name", "seed"), [("store_demand", 3), ("churn", 1)])
def test_split_answer_is_the_main_cause_of_the_shuffle_gap(name, seed):
    dataset = _data(name, seed)
    found = _resolves("split", dataset, seed)
    gap = splits.shuffle_versus_time(dataset, random_state=seed)
    assert found.correct == gap.main_cause
    assert found.values["random_score"] == f"{gap.random_score:.3f}"
    assert found.values["look_ahead_verdict"] == gap.parts.look_ahead.text()
    assert found.note is None


def test_split_stands_in_with_a_timed_builtin_when_there_is_no_time_column_or_too_few_rows():
    without_time = _resolves("split", _data("diabetes"), 0)
    assert "no time column" in without_time.note and "store_demand" in without_time.note
    # stocks has a time column but about a hundred rows: too few to take the gap apart.
    few_rows = _resolves("split", _data("stocks"), 0)
    assert "too few" in few_rows.note and "store_demand" in few_rows.note
    assert few_rows.values == without_time.values
    assert few_rows.values["data"] == _data("store_demand").title


def _expected_leak(results: dict) -> str:
    """The answer key from the scoreboard's own ranking: no winner crowned on noise."""
    if all(r.inflation_within_noise for r in results.values()):
        return "no_leak"
    return leakage.rank_leaks(results).winner or "tie"


def test_leakage_answer_is_the_leak_with_the_largest_inflation_on_the_data():
    dataset = _data("store_demand")
    found = _resolves("leakage", dataset, 0)
    keys = [k for k in checks.DATASET_LEAKS if leakage.applies_to(k, dataset)]
    assert found.shown == (*keys, "tie", "no_leak") and found.note is None
    results = {k: leakage.run(k, dataset=dataset, random_state=0) for k in keys}
    assert found.correct == _expected_leak(results)


def test_leakage_uses_the_demo_leaks_when_fewer_than_two_apply():
    found = _resolves("leakage", _data("wine"), 2)
    assert found.shown == (*checks.DEMO_LEAKS, "tie", "no_leak") and "demo data" in found.note
    results = {k: leakage.run(k, random_state=2) for k in checks.DEMO_LEAKS}
    assert found.correct == _expected_leak(results)


def test_leakage_question_calls_two_leaks_within_noise_a_tie(monkeypatch):
    from dataclasses import replace

    from lessons.checks import computed

    def scores(key, inflation):
        return leakage.LeakScores(
            key, "d", "roc_auc", 0.7 + inflation, 0.7, 0.7, 0.7, "s", "m", "g",
            inflation_low=inflation - 0.04, inflation_high=inflation + 0.04,
        )  # fmt: skip

    close = {"random_vs_time": 0.20, "post_outcome": 0.21}
    monkeypatch.setattr(computed.leakage, "run", lambda key, **_: scores(key, close[key]))
    # Churn without its entity column: exactly the time and post-outcome leaks apply.
    found = computed.biggest_leak(replace(_data("churn"), group_column=None), 0)
    assert found.correct == "tie"
    assert "No single mistake stands out" in found.values["finding"]


@pytest.mark.parametrize(("name", "seed"), [("stocks", 0), ("wine", 1), ("breast_cancer", 0)])
def test_train_answer_is_the_better_model_only_beyond_the_noise(name, seed):
    dataset = _data(name, seed)
    found = _resolves("train", dataset, seed)
    prepared = training.prepare(dataset, row_cap=checks.TRAIN_ROW_CAP, random_state=seed)
    metric = scoring.DEFAULT_METRIC[dataset.task]
    problem = training.estimator_kind(dataset)
    tree = training.fit(prepared, "decision_tree", checks.TREE_PARAMS, metric, random_state=seed)
    simple = training.fit(
        prepared, model_registry.default_model(problem), {}, metric, random_state=seed
    )
    paired = training.compare_encoded(
        metric,
        dataset.task,
        tree.validation_rows,
        simple.validation_rows,
        names=("tree", "default"),
        random_state=seed,
    )
    assert found.correct == (paired.better or "no_difference")
    if paired.better is not None:
        tree_higher = tree.validation_score > simple.validation_score
        assert (paired.better == "tree") == tree_higher
    assert found.values["tree_gap"] == f"{tree.gap:.3f}"


@pytest.mark.parametrize(("name", "seed"), [("diabetes", 0), ("breast_cancer", 4)])
def test_metrics_answer_is_the_winner_of_the_second_metric_or_none(name, seed):
    dataset = _data(name, seed)
    found = _resolves("metrics", dataset, seed)
    buckets = splits.make_buckets(dataset, None, random_state=seed)
    table = lesson_metrics.compare_models(
        lesson_metrics.fit_held_out(dataset, buckets, random_state=seed), random_state=seed
    )
    row = table[table["metric"] == found.values["second_metric"]].iloc[0]
    if row["winner"]:
        assert found.values[found.correct] == row["winner"]
    else:
        assert found.correct == "no_difference"
        assert "no real difference" in found.values["second_verdict"]


@pytest.mark.parametrize(("name", "seed"), [("diabetes", 0), ("breast_cancer", 1)])
def test_experiments_answer_is_what_the_one_change_did_beyond_the_noise(name, seed):
    dataset = _data(name, seed)
    found = _resolves("experiments", dataset, seed)
    buckets = splits.make_buckets(dataset, None, random_state=seed)
    headline = "validation_roc_auc" if dataset.task == "binary" else "validation_r2"
    paired = experiments.paired_runs(
        dataset,
        buckets,
        ("linear", {"C": 1.0}),
        ("linear", {"C": 0.01}),
        headline,
        random_state=seed,
    )
    expected = {None: "no_difference", "the later run": "one_helped"}.get(paired.better, "one_hurt")
    assert found.correct == expected
    assert found.values["delta"] == f"{round(paired.difference, 3) + 0.0:+.3f}"


def test_monitor_answer_is_the_paired_verdict_on_the_policies():
    # stocks is too small for twelve disjoint months: the question runs on store_demand.
    found = _resolves("monitor", _data("stocks", 1), 1)
    assert "store_demand" in found.note
    dataset = _data("store_demand", 1)
    model, params = checks.MONITOR_RECIPE
    simulation = monitoring.simulate(
        dataset,
        experiments.run_estimator(model, dataset.task, params, 1),
        model=model,
        params=params,
        random_state=1,
        **{**checks.MONITOR_SETTINGS, "delay": monitoring.outcome_delay(dataset)},
    )
    verdict = monitoring.policy_verdict(simulation.policies, simulation.artifact.metric)
    assert found.correct == (verdict.best if verdict.real_difference else "tie")
    assert found.values[verdict.best] == f"{verdict.means[verdict.best]:.3f}"


def _policy(scores, retrains: int, brier=()):
    return SimpleNamespace(
        performance=tuple(scores),
        mean_performance=float(np.mean(scores)),
        retrains=retrains,
        brier=tuple(brier),
    )


def _fake(policies):
    return SimpleNamespace(
        policies=policies,
        artifact=SimpleNamespace(metric="ROC AUC"),
        scenario="prior",
        delay=2,
        corrupt_month=None,
        months=tuple(range(12)),
    )


def test_policies_inside_the_noise_answer_no_real_difference_and_keep_the_cheaper():
    noise = np.random.default_rng(0).normal(0, 0.02, 12)
    # On alert is 0.0003 ahead of never on average: a winner on noise, not a real difference.
    fake = _fake(
        {
            "never": _policy(0.80 + noise, 0),
            "monthly": _policy(0.70 + noise, 9),
            "on_alert": _policy(0.80 + noise + np.r_[0.0036, np.zeros(11)], 3),
        }
    )
    found = checks.best_policy(fake)
    assert found.correct == "tie"
    assert found.values["best"] == "retrain on alert"
    assert found.values["cheapest"] == "never retrain"
    assert "No real difference" in found.values["comparisons"]


def test_a_policy_ahead_month_after_month_is_the_answer():
    noise = np.random.default_rng(0).normal(0, 0.02, 12)
    fake = _fake(
        {
            "never": _policy(0.70 + noise, 0),
            "monthly": _policy(0.75 + noise + np.linspace(0, 0.01, 12), 9),
            "on_alert": _policy(0.72 + noise, 3),
        }
    )
    found = checks.best_policy(fake)
    assert found.correct == "monthly" and found.values["corrupted"] == "no corrupted month"


def test_under_prior_shift_the_policies_are_judged_on_the_brier_score():
    noise = np.random.default_rng(0).normal(0, 0.02, 12)
    # ROC AUC flat for all three (the ranking holds); the stale model's probabilities drift.
    fake = _fake(
        {
            "never": _policy(0.80 + noise, 0, 0.15 + np.linspace(0, 0.25, 12) + noise / 4),
            "monthly": _policy(0.80 + noise, 9, 0.15 + noise / 4),
            "on_alert": _policy(0.80 + noise, 4, 0.15 + noise[::-1] / 4),
        }
    )
    found = checks.best_policy(fake)
    assert found.values["metric"] == "Brier score (lower is better)"
    assert found.correct == "tie" and found.values["cheapest"] == "retrain on alert"
    assert "never retrain" in found.values["comparisons"]


# --- Any dataset: an upload, or a question that cannot apply ----------------------------------


def _upload() -> datasets.Dataset:
    rng = np.random.default_rng(0)
    n = 300
    x = rng.normal(size=n)
    frame = pd.DataFrame(
        {
            "amount [eur]": x,
            "colour": rng.choice(["red", "blue", None], n),
            "label": np.where(x + rng.normal(size=n) > 0, "yes", "no"),
        }
    )
    return datasets.Dataset(
        "upload-1",
        "My *odd* file",
        frame,
        "label",
        "binary",
        "classification",
        None,
        None,
        "an upload",
        "",
    )


@pytest.mark.parametrize("lesson", ["frame", "split", "train", "metrics", "experiments"])
def test_every_computed_question_answers_on_an_upload(lesson):
    found = _resolves(lesson, _upload(), 0)
    assert found.values["data"] == "My *odd* file" or found.note


def test_stand_in_is_said_and_not_applicable_when_nothing_fits():
    def refuses(dataset, seed):
        raise DataError("no usable target")

    stood_in = stand_ins._with_stand_in(
        lambda d, s: refuses(d, s) if d.name == "upload-1" else checks.Computed({"n": d.name}, "x")
    )
    found = stood_in(_upload(), 0)
    assert found.values["n"] == "breast_cancer" and "no usable target" in found.note
    with pytest.raises(checks.NotApplicable, match="does not apply here: no usable target"):
        stand_ins._with_stand_in(refuses)(_data("breast_cancer"), 0)


def test_scores_are_shown_as_undefined_not_nan():
    assert stand_ins._score(math.nan) == "undefined"
