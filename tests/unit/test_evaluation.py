"""The final evaluation reads the test rows once and only to score; peeking flatters the winner."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from sklearn.base import clone

from lessons import datasets, evaluation, framing, scoring, training, uncertainty
from lessons.errors import DataError
from lessons.evaluation import Candidate

SEEDS = range(10)
PRICES = framing.Costs(false_positive=1.0, false_negative=20.0)
COST = framing.EXPECTED_COST
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
    honest = _final(ready, "logistic_regression", COST, seed=seed, costs=PRICES)
    other = evaluation.final_evaluation(
        scrambled,
        ready.buckets,
        "logistic_regression",
        {},
        COST,
        random_state=seed,
        costs=PRICES,
        n_resamples=FEW,
    )
    assert honest.threshold is not None and honest.threshold == other.threshold
    assert honest.validation == other.validation
    assert honest.test != other.test


def _probability(ready, rows, fit_rows, seed=0, model="logistic_regression"):
    """The positive class's probability on ``rows`` from ``model`` fitted on ``fit_rows``."""
    X, y = ready.dataset.X, ready.dataset.y
    pipeline = training.model_pipeline(
        model, "classification", training.check_params(model, {}), seed
    )
    pipeline.fit(X.iloc[fit_rows], y.iloc[fit_rows])
    classes = list(pipeline.classes_)
    return pipeline.predict_proba(X.iloc[rows])[:, classes.index(ready.dataset.positive_class)]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_expected_cost_uses_this_models_cheapest_threshold_on_validation(seed):
    """Chosen on the validation predictions of the model evaluated, then applied to the refit."""
    ready = _prepared("breast_cancer", seed)
    dataset = ready.dataset
    positive, y = dataset.positive_class, dataset.y
    test = evaluation.labelled(dataset, ready.buckets.test)
    both = np.concatenate([ready.train, ready.validation])
    event = y.iloc[ready.validation].to_numpy() == positive
    on_validation = _probability(ready, ready.validation, ready.train, seed)
    cheapest = framing.optimal_threshold(event, on_validation, 1.0, 20.0)
    result = _final(ready, "logistic_regression", COST, seed=seed, costs=PRICES)
    assert result.threshold == cheapest.threshold
    assert result.metric_name == "Expected cost per 1,000 rows" and not result.greater_is_better
    # The validation number is the bottom of the curve the threshold was read from.
    assert result.validation.score == pytest.approx(1000 * cheapest.cost)
    on_test = _probability(ready, test, both, seed)
    expected = framing.cost_per_thousand(
        y.iloc[test].to_numpy() == positive, on_test >= cheapest.threshold, 1.0, 20.0
    )
    assert result.test.score == pytest.approx(expected)
    assert result.test.low <= result.test.score <= result.test.high


def test_a_thresholded_metric_reads_the_models_rule_unless_errors_are_priced():
    ready = _prepared("breast_cancer")
    dataset = ready.dataset
    y = dataset.y
    plain = _final(ready, "logistic_regression", "f1")
    assert plain.threshold is None and plain.costs is None
    page = training.fit(ready, "logistic_regression", {}, "f1", random_state=0)
    assert plain.validation.score == pytest.approx(page.validation_score)
    priced = _final(ready, "logistic_regression", "f1", costs=PRICES)
    on_validation = _probability(ready, ready.validation, ready.train)
    event = y.iloc[ready.validation].to_numpy() == dataset.positive_class
    assert priced.threshold == framing.optimal_threshold(event, on_validation, 1, 20).threshold
    labels = np.where(on_validation >= priced.threshold, dataset.positive_class, 0)
    expected = scoring.metric("f1").function(y.iloc[ready.validation], labels, pos_label=1)
    assert priced.validation.score == pytest.approx(expected)
    # Prices mean nothing to a ranking metric; an SVM has no probabilities to cut, so the
    # expected cost adds up the errors of its own rule.
    ranked = _final(ready, "logistic_regression", "roc_auc", costs=PRICES)
    assert ranked.threshold is None and ranked.costs is None
    svm = _final(ready, "svm", COST, costs=PRICES)
    assert svm.threshold is None and svm.costs == PRICES
    flagged = _svm_labels(ready) == dataset.positive_class
    assert svm.validation.score == pytest.approx(framing.cost_per_thousand(event, flagged, 1, 20))


def _svm_labels(ready):
    X, y = ready.dataset.X, ready.dataset.y
    pipeline = training.model_pipeline("svm", "classification", training.check_params("svm", {}), 0)
    pipeline.fit(X.iloc[ready.train], y.iloc[ready.train])
    return pipeline.predict(X.iloc[ready.validation])


@pytest.mark.parametrize("seed", SEEDS)
def test_each_rows_cost_averages_to_lesson_ones_cost_per_thousand(seed):
    rng = np.random.default_rng(seed)
    y = rng.choice(["fraud", "ok"], size=300, p=[0.1, 0.9])
    flagged = np.where(rng.random(300) < 0.2, "fraud", "ok")
    costs = framing.Costs(false_positive=rng.uniform(1, 100), false_negative=rng.uniform(1, 100))
    per_row = evaluation.row_costs(y, flagged, "fraud", costs)
    expected = framing.cost_per_thousand(
        y == "fraud", flagged == "fraud", costs.false_positive, costs.false_negative
    )
    assert per_row.mean() == pytest.approx(expected)
    assert set(np.unique(per_row)) <= {
        0.0,
        1000 * costs.false_positive,
        1000 * costs.false_negative,
    }


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
    priced = _final(ready, "logistic_regression", COST, costs=PRICES, n_resamples=60)
    negative = next(c for c in final.classes_ if c != dataset.positive_class)
    flagged = np.where(score >= priced.threshold, dataset.positive_class, negative)
    per_row = evaluation.row_costs(dataset.y.iloc[test], flagged, dataset.positive_class, PRICES)
    assert priced.test == uncertainty.bootstrap_interval(
        lambda values, _: float(np.mean(values)),
        per_row,
        flagged,
        groups=dataset.frame["customer_id"].to_numpy()[test],
        n_resamples=60,
    )


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
            "d", "ridge", (), "r2", "R²", True, None, None, None, "random", None,
            validation, test, 10, 10, 10, 0,
        )  # fmt: skip

    close = result(interval(0.80, 0.03), interval(0.77, 0.04))  # 0.03 < 0.05
    assert close.combined_half_width == pytest.approx(0.05)
    assert close.change_within_noise and "no real difference" in close.verdict()
    # Different rows: the verdict says it compares two independent intervals, not a pair.
    assert "two independent intervals" in close.verdict() and "±0.050" in close.verdict()
    far = result(interval(0.80, 0.03), interval(0.70, 0.04))  # 0.10 > 0.05
    assert not far.change_within_noise and "worse by more than" in far.verdict()
    up = result(interval(0.70, 0.03), interval(0.80, 0.04))
    assert "better by more than" in up.verdict()
    undefined = result(interval(0.80, float("nan")), interval(0.70, 0.04))
    assert undefined.change_within_noise and "undefined" in undefined.verdict()


def test_unusable_choices_are_refused_with_a_reason():
    ready = _prepared("breast_cancer")
    with pytest.raises(DataError, match="cannot score"):
        _final(ready, "svm", "log_loss")
    with pytest.raises(DataError, match="price of each error"):
        _final(ready, "logistic_regression", COST)
    with pytest.raises(DataError, match="two-class target"):
        _final(_prepared("wine"), "logistic_regression", COST, costs=PRICES)
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


_CLASSIFIERS = (
    Candidate("logistic C=0.01", "logistic_regression", (("C", 0.01),)),
    Candidate("logistic C=1", "logistic_regression", (("C", 1.0),)),
    Candidate("k-NN 5", "knn", (("n_neighbors", 5),)),
    Candidate("k-NN 25", "knn", (("n_neighbors", 25),)),
    Candidate("tree 2", "decision_tree", (("max_depth", 2),)),
    Candidate("SVM", "svm"),
)


def test_a_priced_peek_picks_model_and_threshold_on_one_half_and_flatters_both():
    """Each model's threshold is the cheapest on the picking half: the winner's cost there is
    lower than on the other half, across seeds."""
    optimism = []
    for seed in SEEDS:
        ready = _prepared("breast_cancer", seed)
        demo = evaluation.peeking_demo(
            ready.dataset,
            ready.train,
            ready.validation,
            _CLASSIFIERS,
            COST,
            random_state=seed,
            n_cuts=4,
            costs=PRICES,
        )
        assert demo.metric_name == "Expected cost per 1,000 rows" and not demo.greater_is_better
        assert len(demo.candidates) == len(_CLASSIFIERS), "an SVM is priced by its own rule"
        optimism.append(demo.optimism)
    assert np.mean(optimism) > 0
    assert sum(o > 0 for o in optimism) >= 8
    with pytest.raises(DataError, match="price of each error"):
        evaluation.peeking_demo(
            ready.dataset, ready.train, ready.validation, _CLASSIFIERS, COST, random_state=0
        )
