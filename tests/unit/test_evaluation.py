"""The final evaluation reads the test rows once and only to score; peeking flatters the winner."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sklearn.base import clone

from lessons import datasets, evaluation, scoring, training, uncertainty
from lessons.errors import DataError
from lessons.evaluation import Candidate

SEEDS = range(10)
FEW = 20  # resamples where only the scores matter, not the interval's precision


def _prepared(name: str, seed: int = 0, row_cap: int = training.DEFAULT_ROW_CAP):
    return training.prepare(datasets.load(name, seed), row_cap=row_cap, random_state=seed)


def _final(ready, model, metric, *, seed=0, params=None, **kwargs):
    return evaluation.final_evaluation(
        ready.dataset,
        ready.buckets,
        model,
        params or {},
        metric,
        random_state=seed,
        n_resamples=kwargs.pop("n_resamples", FEW),
        **kwargs,
    )


@pytest.mark.parametrize(
    ("name", "model", "metrics"),
    [
        (
            "breast_cancer",
            "logistic_regression",
            ["roc_auc", "pr_auc", "log_loss", "accuracy", "balanced_accuracy", "f1"],
        ),
        ("breast_cancer", "svm", ["roc_auc", "pr_auc", "f1"]),
        ("wine", "decision_tree", ["accuracy", "f1", "log_loss"]),
        ("diabetes", "ridge", ["r2", "mae", "rmse"]),
    ],
)
def test_validation_score_is_the_pages_and_test_score_is_the_refit_scored_once(
    name, model, metrics
):
    ready = _prepared(name)
    dataset = ready.dataset
    X, y = dataset.X, dataset.y
    test = evaluation.labelled(dataset, ready.buckets.test)
    both = np.concatenate([ready.train, ready.validation])
    problem = training.estimator_kind(dataset)
    final = training.model_pipeline(model, problem, training.check_params(model, {}), 0)
    final.fit(X.iloc[both], y.iloc[both])
    for metric in metrics:
        result = _final(ready, model, metric)
        page = training.fit(ready, model, {}, metric, random_state=0)
        assert result.validation.score == pytest.approx(page.validation_score, abs=1e-12)
        scorer = scoring.scorer(metric, dataset.task, dataset.positive_class)
        expected = scorer(final, X.iloc[test], y.iloc[test])
        assert result.test.score == pytest.approx(expected, abs=1e-12), metric
        assert result.n_test == len(test) and result.n_final_fit == len(both)
        assert result.metric_name == scoring.metric(metric).name


@pytest.mark.parametrize("seed", SEEDS)
def test_no_test_row_is_ever_fitted_on(seed, monkeypatch):
    ready = _prepared("diabetes", seed)
    fitted_rows: list[set] = []
    real = evaluation.model_pipeline

    def spying(*args, **kwargs):
        pipeline = real(*args, **kwargs)
        fit = pipeline.fit

        def recording(X, y=None, **params):
            fitted_rows.append(set(X.index))
            return fit(X, y, **params)

        pipeline.fit = recording
        return pipeline

    monkeypatch.setattr(evaluation, "model_pipeline", spying)
    result = _final(ready, "ridge", "r2", seed=seed)
    index = ready.dataset.frame.index
    test_labels = set(index[ready.buckets.test])
    assert len(fitted_rows) == 2
    assert fitted_rows[0] == set(index[ready.train])
    assert fitted_rows[1] == set(index[np.concatenate([ready.train, ready.validation])])
    assert not any(rows & test_labels for rows in fitted_rows)
    assert np.isfinite(result.test.score)


@pytest.mark.parametrize("seed", SEEDS)
def test_test_labels_change_the_test_score_and_nothing_else(seed):
    """Shuffle the test rows' labels: the threshold, the validation score and its interval stay."""
    ready = _prepared("breast_cancer", seed)
    dataset = ready.dataset
    frame = dataset.frame.copy()
    test = ready.buckets.test
    rng = np.random.default_rng(seed)
    frame.iloc[test, frame.columns.get_loc(dataset.target)] = rng.permutation(
        frame[dataset.target].to_numpy()[test]
    )
    scrambled = replace(dataset, frame=frame)
    honest = _final(ready, "logistic_regression", "f1", seed=seed, threshold=0.3)
    other = evaluation.final_evaluation(
        scrambled,
        ready.buckets,
        "logistic_regression",
        {},
        "f1",
        random_state=seed,
        threshold=0.3,
        n_resamples=FEW,
    )
    assert honest.threshold == other.threshold == 0.3
    assert honest.validation == other.validation
    assert honest.test != other.test


def test_a_threshold_chosen_beforehand_cuts_the_positive_class_probability():
    ready = _prepared("breast_cancer")
    dataset = ready.dataset
    X, y = dataset.X, dataset.y
    result = _final(ready, "logistic_regression", "f1", threshold=0.2)
    assert result.threshold == 0.2 and result.positive == dataset.positive_class == 1
    pipeline = training.model_pipeline(
        "logistic_regression", "classification", training.check_params("logistic_regression", {}), 0
    )
    pipeline.fit(X.iloc[ready.train], y.iloc[ready.train])
    probability = pipeline.predict_proba(X.iloc[ready.validation])[:, 1]
    labels = np.where(probability >= 0.2, 1, 0)
    expected = scoring.metric("f1").function(y.iloc[ready.validation], labels, pos_label=1)
    assert result.validation.score == pytest.approx(expected)
    at_half = _final(ready, "logistic_regression", "f1")
    assert at_half.threshold is None and at_half.validation.score != result.validation.score
    # A threshold means nothing for a ranking metric, nor for an SVM's decision values.
    assert _final(ready, "logistic_regression", "roc_auc", threshold=0.2).threshold is None
    assert _final(ready, "svm", "f1", threshold=0.2).threshold is None


def test_the_interval_resamples_whole_entities_when_the_data_has_them():
    ready = _prepared("churn", row_cap=3_000)
    dataset = ready.dataset
    result = _final(ready, "logistic_regression", "roc_auc", n_resamples=60)
    assert result.grouped_by == "customer_id"
    test = evaluation.labelled(dataset, ready.buckets.test)
    final = clone(
        training.model_pipeline(
            "logistic_regression",
            "classification",
            training.check_params("logistic_regression", {}),
            0,
        )
    )
    both = np.concatenate([ready.train, ready.validation])
    final.fit(dataset.X.iloc[both], dataset.y.iloc[both])
    score = final.predict_proba(dataset.X.iloc[test])[:, 1]
    grouped = uncertainty.bootstrap_interval(
        uncertainty.metric_function("roc_auc", "binary", 1),
        dataset.y.iloc[test],
        score,
        groups=dataset.frame["customer_id"].to_numpy()[test],
        n_resamples=60,
    )
    assert result.test == grouped
    assert result.split == "time"


def test_the_final_intervals_bracket_their_scores_and_the_same_seed_repeats_them():
    ready = _prepared("house_prices")
    result = evaluation.final_evaluation(
        ready.dataset, ready.buckets, "ridge", {}, "r2", random_state=0
    )
    for interval in (result.validation, result.test):
        assert interval.low < interval.score < interval.high
        assert interval.confidence == uncertainty.CONFIDENCE
    again = evaluation.final_evaluation(
        ready.dataset, ready.buckets, "ridge", {}, "r2", random_state=0
    )
    assert again == result, "the same seed gives the same numbers"


def test_the_verdict_says_within_noise_only_when_the_change_is_inside_both_intervals():
    def interval(score, half):
        return uncertainty.ScoreInterval(score, score - half, score + half, 0.95, 100)

    def result(validation, test):
        return evaluation.FinalEvaluation(
            "d", "ridge", (), "r2", "R²", True, None, None, "random", None,
            validation, test, 10, 10, 10, 0,
        )  # fmt: skip

    close = result(interval(0.80, 0.03), interval(0.77, 0.04))  # 0.03 < 0.05
    assert close.change_within_noise and "within the noise" in close.verdict()
    far = result(interval(0.80, 0.03), interval(0.70, 0.04))  # 0.10 > 0.05
    assert not far.change_within_noise and "worse than validation" in far.verdict()
    up = result(interval(0.70, 0.03), interval(0.80, 0.04))
    assert "better than validation" in up.verdict()


def test_unusable_choices_are_refused_with_a_reason():
    ready = _prepared("breast_cancer")
    with pytest.raises(DataError, match="cannot score"):
        _final(ready, "svm", "log_loss")
    big = _prepared("fraud", row_cap=8_000)
    with pytest.raises(DataError, match="limited to 5,000 rows"):
        _final(big, "svm", "roc_auc")


# --- Peeking -----------------------------------------------------------------------------

_CHEAP = (
    Candidate("ridge 0.01", "ridge", (("alpha", 0.01),)),
    Candidate("ridge 10", "ridge", (("alpha", 10.0),)),
    Candidate("ridge 100", "ridge", (("alpha", 100.0),)),
    Candidate("k-NN 10", "knn", (("n_neighbors", 10),)),
    Candidate("k-NN 25", "knn", (("n_neighbors", 25),)),
    Candidate("k-NN 50", "knn", (("n_neighbors", 50),)),
    Candidate("tree 2", "decision_tree", (("max_depth", 2),)),
    Candidate("tree 4", "decision_tree", (("max_depth", 4),)),
)


def test_picking_on_the_test_set_makes_its_score_optimistic_across_seeds():
    """Choose by test score (on one half), report on the other half: the winner looks better."""
    optimism, split_decisions = [], []
    for seed in SEEDS:
        ready = _prepared("diabetes", seed)
        both = np.concatenate([ready.train, ready.validation])
        demo = evaluation.peeking_demo(
            ready.dataset, both, ready.buckets.test, _CHEAP, "r2", random_state=seed
        )
        assert demo.n_cuts == evaluation.N_CUTS and len(demo.candidates) == len(_CHEAP)
        assert np.all(np.isfinite(demo.peeked)) and np.all(np.isfinite(demo.fresh))
        optimism.append(demo.optimism)
        split_decisions.append(demo.share_split_decisions)
    assert np.mean(optimism) > 0.01
    assert sum(o > 0 for o in optimism) >= 8
    # Some optimism is only possible where the halves disagree on the winner.
    assert np.mean(split_decisions) > 0


def test_a_peeked_winner_is_the_best_on_the_half_that_picked_it():
    ready = _prepared("diabetes", 3)
    both = np.concatenate([ready.train, ready.validation])
    demo = evaluation.peeking_demo(
        ready.dataset, both, ready.buckets.test, _CHEAP, "mae", random_state=3, n_cuts=4
    )
    assert not demo.greater_is_better
    # For an error, "optimistic" means lower on the picking half.
    assert demo.optimism == pytest.approx(np.mean(np.subtract(demo.fresh, demo.peeked)))
    assert "looked" in demo.text() and f"{demo.n_cuts} random halvings" in demo.text()


def test_peeking_halves_keep_each_entity_on_one_side():
    ready = _prepared("search_ranking")
    rows = ready.buckets.test
    first, second = evaluation._halves(ready.dataset, rows, np.random.default_rng(0))
    queries = ready.dataset.frame["query_id"].to_numpy()[rows]
    assert not set(queries[first]) & set(queries[second])
    assert len(first) + len(second) == len(rows)


def test_the_page_candidates_cover_the_problem_and_fit_the_rows():
    assert len(evaluation.peeking_candidates("classification", 10_000)) >= 8
    assert all(
        training.MODELS[c.model].supports("regression")
        for c in evaluation.peeking_candidates("regression", 10_000)
    )
    small = evaluation.peeking_candidates("regression", 20)
    assert all(dict(c.params).get("n_neighbors", 0) <= 20 for c in small)
