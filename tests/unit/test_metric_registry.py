"""Every metric offered anywhere is one the registry can compute on every built-in dataset."""

import math

import pytest

from lessons import datasets, scoring, training


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
@pytest.mark.parametrize("model", ["logistic_regression", "ridge", "svm"])
def test_every_offered_metric_scores_every_builtin_dataset_of_its_task(name, model):
    dataset = datasets.load(name)
    problem = training.estimator_kind(dataset)
    if problem not in {kind for kind, _, _ in training.MODELS[model].estimators}:
        pytest.skip(f"{model} does not fit a {problem} target")
    prepared = training.prepare(dataset, row_cap=2_000, random_state=0)
    for metric in training.metric_options(dataset.task, model):
        entry = scoring.metric(metric)
        assert dataset.task in entry.tasks
        result = training.fit(prepared, model, {}, metric)
        assert math.isfinite(result.validation_score), (metric, result)


def test_a_model_without_probabilities_is_never_offered_a_probability_metric():
    for task in scoring.TASKS:
        offered = training.metric_options(task, "svm")
        assert all(scoring.metric(key).needs != "probabilities" for key in offered)
        assert set(offered) < set(training.metric_options(task, "logistic_regression")) or (
            task == "regression"
        )


def test_unknown_metric_names_say_which_exist():
    with pytest.raises(Exception, match="Known metrics"):
        scoring.metric("ndcg")
