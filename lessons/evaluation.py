"""The last step of "evaluate": refit on train + validation, then read the test set once.

Every choice (model, settings, metric, threshold) is made on the validation rows. When they
are settled, the chosen pipeline is fitted again on train + validation (more rows, same
recipe) and scored once on the test rows, with a 95 % bootstrap interval: a range of
plausible values for the model's true score on data like this. (It is not where another test
set's score would land: that score carries its own noise as well, so it spreads about √2
times wider and can fall outside.) Think of the test set as the one production release
check: run it once and report what it says. Re-run it after every tweak until it passes and
it is only a staging check, and its number is no longer a forecast.

When lesson 1 priced the two errors, the reported metric can be the expected cost per 1,000
rows. Its threshold belongs to the model being evaluated: the cheapest one on that model's
validation predictions (``lessons.framing.optimal_threshold``), then the refitted model is
cut at that threshold on the test rows. A threshold chosen for another model (lesson 1's
quick model) says nothing about this one's probabilities.

``peeking_demo`` shows why, with numbers: pick the best of several models on some rows and
the winner's score on those rows overstates its score on rows that took no part in the pick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons import framing, scoring, uncertainty
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.models import MODELS, check_params, estimator_class, estimator_kind, model_pipeline
from lessons.splits import Buckets
from lessons.training import metric_options, single_threaded

RESAMPLES = 200
"""Bootstrap resamples of each final interval, fewer than ``uncertainty.N_RESAMPLES`` (500).
A resample costs one metric call, and scikit-learn's input checks make a ROC AUC call cost
several milliseconds whatever the row count (about 9 ms of CPU on the shared two-core machine,
so fraud's two intervals took 3.5 s at 200 resamples, and would take 9 s at 500). Each end of
the interval then moves by about 0.19 of a standard error between seeds, a tenth of the
half-width, against 0.12 at 500."""

N_CUTS = 10
"""Random halvings of the scored rows in ``peeking_demo``; one halving is one noisy draw."""


# ---------------------------------------------------------------------------------------------
# What a metric reads from a fitted model
# ---------------------------------------------------------------------------------------------


def labelled(dataset: Dataset, positions: np.ndarray) -> np.ndarray:
    """Positions whose target is known: a row without a label can neither teach nor grade."""
    positions = np.asarray(positions, dtype=int)
    return positions[dataset.y.iloc[positions].notna().to_numpy()]


def _has_probabilities(fitted) -> bool:
    return hasattr(fitted, "predict_proba")


def _class_score(fitted, X: pd.DataFrame, label: object) -> np.ndarray:
    """The model's score for ``label`` (its probability, else its signed decision value)."""
    classes = list(fitted.classes_)
    if _has_probabilities(fitted):
        return fitted.predict_proba(X)[:, classes.index(label)]
    decision = fitted.decision_function(X)
    # A binary decision function scores classes_[1]; the other class is its mirror image.
    return decision if label == classes[1] else -decision


def metric_input(
    fitted,
    X: pd.DataFrame,
    metric: str,
    task: str,
    positive: object = None,
    threshold: float | None = None,
) -> np.ndarray:
    """What ``metric`` reads from a fitted model on rows ``X``, as its scikit-learn scorer does.

    Parameters
    ----------
    fitted : estimator
        A fitted pipeline.
    X : pandas.DataFrame
    metric : str
        A key of the metric registry.
    task : {"binary", "multiclass", "regression"}
    positive : object, optional
        The positive class of a binary target (``Dataset.positive_class``).
    threshold : float, optional
        For a binary metric of hard labels: flag the positive class when its probability is at
        or above this value. None keeps the model's own rule (``predict``). It must have been
        chosen for this model on validation rows, never on the rows scored here.

    Returns
    -------
    numpy.ndarray
        Labels, positive-class scores, class probabilities or numbers, per ``Metric.needs``.
    """
    if metric == framing.EXPECTED_COST:
        entry = scoring.metric("accuracy")  # the same input: yes/no labels
    else:
        entry = scoring.metric(metric)
    if entry.needs == "values":
        return np.asarray(fitted.predict(X))
    if entry.needs == "probabilities":
        return np.asarray(fitted.predict_proba(X))
    if entry.needs == "scores":
        # The scorer's own rule: the positive class where the metric takes one, else the
        # second class (ROC AUC is symmetric, and roc_auc_score calls the larger label positive).
        label = scoring.scorer_kwargs(metric, task, positive).get("pos_label", fitted.classes_[1])
        return _class_score(fitted, X, label)
    if threshold is None or task != "binary" or not _has_probabilities(fitted):
        return np.asarray(fitted.predict(X))
    negative = next(c for c in fitted.classes_ if c != positive)
    flagged = _class_score(fitted, X, positive) >= threshold
    return np.where(flagged, positive, negative)


def metric_name(metric: str) -> str:
    """The registry's name, or lesson 1's for the expected cost per 1,000 rows."""
    return framing.metric_name(metric)


def metrics_for(task: str, model: str, priced: bool) -> list[str]:
    """Metrics the final evaluation can report: the expected cost first when errors are priced.

    Parameters
    ----------
    task : {"binary", "multiclass", "regression"}
    model : str
    priced : bool
        Whether lesson 1 priced a false alarm and a miss (``FramingChoice`` costs).
    """
    expected = [framing.EXPECTED_COST] if priced and task == "binary" else []
    return expected + metric_options(task, model)


def cost_rule(
    task: str, model: str, metric: str, costs: framing.Costs | None
) -> framing.Costs | None:
    """The prices that set this metric's threshold for this model, or None for ``predict``.

    A threshold needs a binary metric of hard labels (the expected cost is one), prices to
    choose it by, and a model with probabilities (an SVM's decision values are on another
    scale, so it keeps its own rule). Without prices a thresholded metric uses the model's own
    rule too: precision alone would pick "flag almost no one", recall "flag everyone".
    """
    if costs is None or task != "binary" or not framing.thresholded(metric):
        return None
    estimator = estimator_class(model, "classification")()
    return costs if hasattr(estimator, "predict_proba") else None


def priced_by(
    task: str, model: str, metric: str, costs: framing.Costs | None
) -> framing.Costs | None:
    """The prices this evaluation uses: the expected cost's always, else ``cost_rule``'s."""
    if metric == framing.EXPECTED_COST and task == "binary":
        return costs
    return cost_rule(task, model, metric, costs)


def cost_optimal_threshold(
    fitted, X: pd.DataFrame, y: pd.Series, positive: object, costs: framing.Costs
) -> float:
    """The cheapest threshold for this fitted model, read on its predictions for rows ``X``.

    Pass validation rows: the threshold then belongs to this model and owes nothing to the
    test rows (``lessons.framing.optimal_threshold``, lowest threshold on ties).
    """
    probability = _class_score(fitted, X, positive)
    return framing.optimal_threshold(
        (y.to_numpy() == positive), probability, costs.false_positive, costs.false_negative
    ).threshold


def row_costs(
    y_true: np.ndarray, flagged: np.ndarray, positive: object, costs: framing.Costs
) -> np.ndarray:
    """Each row's cost of error, per 1,000 rows: their mean is ``framing.cost_per_thousand``."""
    event = np.asarray(y_true) == positive
    flagged = np.asarray(flagged) == positive
    return 1000.0 * (
        costs.false_positive * (flagged & ~event) + costs.false_negative * (~flagged & event)
    )


def _mean(values: np.ndarray, _unused: np.ndarray) -> float:
    return float(np.mean(values))


def _cost_function(positive: object, costs: framing.Costs):
    """``score(y_true, labels)``: the expected cost per 1,000 rows of these yes/no answers."""

    def expected_cost(y_true: np.ndarray, labels: np.ndarray) -> float:
        return float(np.mean(row_costs(y_true, labels, positive, costs)))

    return expected_cost


def _groups(dataset: Dataset, rows: np.ndarray) -> np.ndarray | None:
    column = dataset.group_column
    if not column or column not in dataset.frame.columns:
        return None
    return dataset.frame[column].to_numpy()[rows]


def score_interval(
    dataset: Dataset,
    rows: np.ndarray,
    prediction: np.ndarray,
    metric: str,
    *,
    costs: framing.Costs | None = None,
    random_state: int = 0,
    n_resamples: int = RESAMPLES,
) -> uncertainty.ScoreInterval:
    """The metric on ``rows`` and its bootstrap interval, whole entities resampled together.

    Parameters
    ----------
    dataset : Dataset
    rows : numpy.ndarray
        Positions of the scored rows.
    prediction : numpy.ndarray
        ``metric_input`` for those rows.
    metric : str
    costs : lessons.framing.Costs, optional
        The prices of ``EXPECTED_COST``, whose interval resamples each row's cost and takes
        the mean.
    random_state : int
    n_resamples : int
    """
    truth = dataset.y.iloc[rows].to_numpy()
    if metric == framing.EXPECTED_COST:
        if costs is None:
            raise DataError("The expected cost needs the price of each error (lesson 1).")
        score = _mean
        truth = row_costs(truth, prediction, dataset.positive_class, costs)
    else:
        score = uncertainty.metric_function(metric, dataset.task, dataset.positive_class)
    return uncertainty.bootstrap_interval(
        score,
        truth,
        prediction,
        groups=_groups(dataset, rows),
        n_resamples=n_resamples,
        random_state=random_state,
    )


# ---------------------------------------------------------------------------------------------
# The final evaluation
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FinalEvaluation:
    """The chosen pipeline's validation score and its one test score, each with its interval.

    Attributes
    ----------
    dataset : str
    model : str
    params : tuple of (str, object)
    metric, metric_name : str
    greater_is_better : bool
    positive : object
        The event a binary score is about; None for other tasks.
    threshold : float or None
        The decision threshold applied to a binary metric of hard labels: the cheapest at
        ``costs`` on this model's own validation predictions, applied unchanged to the refitted
        model on test. None when the model's own rule (``predict``) decided.
    costs : lessons.framing.Costs or None
        The prices of a false alarm and a miss that chose the threshold (and that the expected
        cost adds up); None when no prices applied.
    split : str
        The split strategy that made the buckets.
    grouped_by : str or None
        The entity column whose rows the bootstrap resamples together.
    validation : lessons.uncertainty.ScoreInterval
        Fitted on the training rows, scored on the validation rows (the page's score).
    test : lessons.uncertainty.ScoreInterval
        Refitted on train + validation, scored once on the test rows.
    n_train, n_validation, n_test : int
        Labelled rows in each bucket.
    seed : int
    """

    dataset: str
    model: str
    params: tuple[tuple[str, object], ...]
    metric: str
    metric_name: str
    greater_is_better: bool
    positive: object
    threshold: float | None
    costs: framing.Costs | None
    split: str
    grouped_by: str | None
    validation: uncertainty.ScoreInterval
    test: uncertainty.ScoreInterval
    n_train: int
    n_validation: int
    n_test: int
    seed: int

    @property
    def n_final_fit(self) -> int:
        """Rows the final model learned from: train + validation."""
        return self.n_train + self.n_validation

    @property
    def change(self) -> float:
        """Test minus validation, in the metric's units (negative: lower on test)."""
        return self.test.score - self.validation.score

    @property
    def combined_half_width(self) -> float:
        """The noise of ``change``: the two half-widths added in quadrature (NaN if undefined).

        The two scores come from different rows and slightly different models (the test
        model saw the validation rows too), so they cannot be paired row by row; the
        difference of two independent estimates has the variances of both.
        """
        return float(np.hypot(self.validation.half_width, self.test.half_width))

    @property
    def change_within_noise(self) -> bool:
        """Whether test and validation differ by less than their combined noise.

        Undefined intervals count as noise: nothing can be told apart without them.
        """
        combined = self.combined_half_width
        return not np.isfinite(combined) or bool(abs(self.change) <= combined)

    def verdict(self, digits: int = 3) -> str:
        """A few sentences on how the test score relates to the validation score."""
        unpaired = (
            "Validation and test are different rows, so this compares two independent "
            "intervals, not one paired difference"
        )
        flattered = (
            " The validation number is read at the threshold those same rows chose, so it is "
            "slightly flattered; the test number is not."
            if self.threshold is not None
            else ""
        )
        combined = self.combined_half_width
        noise = f"±{combined:.{digits}f}" if np.isfinite(combined) else "undefined here"
        if self.change_within_noise:
            return (
                f"{unpaired}: the change ({self.change:+.{digits}f}) is inside their combined "
                f"noise ({noise}, the two half-widths added in quadrature), so these rows show "
                f"no real difference between them.{flattered}"
            )
        worse = (self.change < 0) == self.greater_is_better
        if worse:
            return (
                f"{unpaired}: the test score is worse by more than their combined noise "
                f"({self.change:+.{digits}f} against {noise}). The test rows may differ from "
                "the validation rows (a later period, other entities), or choices made on "
                f"validation fitted its quirks. Report the test number, not the validation "
                f"one.{flattered}"
            )
        return (
            f"{unpaired}: the test score is better by more than their combined noise "
            f"({self.change:+.{digits}f} against {noise}). The final model learned from more "
            "rows, or the test rows are easier. Report the test number; do not go back and "
            "tune on it."
        )


def final_evaluation(
    dataset: Dataset,
    buckets: Buckets,
    model: str,
    params: dict,
    metric: str,
    *,
    random_state: int = 0,
    costs: framing.Costs | None = None,
    n_resamples: int = RESAMPLES,
) -> FinalEvaluation:
    """Score the chosen pipeline on validation, then refit on train + validation and score test once.

    The validation score is the one the lesson pages show (fitted on the training rows only).
    The final model is a fresh pipeline from ``lessons.models.model_pipeline`` with the same
    settings, fitted on train + validation; the test rows are only ever passed to ``predict``.
    Nothing here is chosen by looking at the test rows.

    Parameters
    ----------
    dataset : Dataset
    buckets : Buckets
        Train, validation and test positions (``lessons.splits.make_buckets``).
    model : str
        A key of ``lessons.models.MODELS``.
    params : dict
        The model's controls; missing ones take their defaults.
    metric : str
        A registry metric this model can be scored with (``training.metric_options``), or
        ``lessons.framing.EXPECTED_COST`` on a binary target when ``costs`` are given.
    random_state : int
        Seeds the estimators and the bootstrap.
    costs : lessons.framing.Costs, optional
        Lesson 1's prices of a false alarm and a miss. For a binary metric of hard labels
        (``cost_rule``) they choose the threshold: the cheapest on this model's validation
        predictions, applied unchanged to the refitted model on test. Without them such a
        metric reads the model's own rule (``predict``).
    n_resamples : int

    Returns
    -------
    FinalEvaluation

    Raises
    ------
    DataError
        If the metric does not apply, a bucket has no labelled row, or the model cannot be
        fitted on that many rows.
    """
    task = dataset.task
    if metric == framing.EXPECTED_COST and (costs is None or task != "binary"):
        raise DataError(
            "The expected cost per 1,000 rows needs a two-class target and the price of each "
            "error; set them in lesson 1."
        )
    if metric != framing.EXPECTED_COST and metric not in metric_options(task, model):
        raise DataError(
            f"{scoring.metric(metric).name} cannot score a {MODELS[model].label} on a {task} target."
        )
    params = check_params(model, params)
    train = labelled(dataset, buckets.train)
    validation = labelled(dataset, buckets.validation)
    test = labelled(dataset, buckets.test)
    for name, rows in (("training", train), ("validation", validation), ("test", test)):
        if len(rows) == 0:
            raise DataError(f"The {name} bucket has no row with a target; change the split.")
    final_rows = np.concatenate([train, validation])
    limit = MODELS[model].max_train_rows
    if limit is not None and len(final_rows) > limit:
        raise DataError(
            f"{MODELS[model].label} is limited to {limit:,} rows to stay live, and train + "
            f"validation hold {len(final_rows):,}. Lower the row cap or pick another model."
        )
    positive = dataset.positive_class
    problem = estimator_kind(dataset)
    pricing = cost_rule(task, model, metric, costs)
    X, y = dataset.X, dataset.y
    with single_threaded():
        chosen = model_pipeline(model, problem, params, random_state)
        chosen.fit(X.iloc[train], y.iloc[train])
        threshold = (
            None
            if pricing is None
            else cost_optimal_threshold(
                chosen, X.iloc[validation], y.iloc[validation], positive, pricing
            )
        )
        validation_input = metric_input(
            chosen, X.iloc[validation], metric, task, positive, threshold
        )
        final = model_pipeline(model, problem, params, random_state)
        final.fit(X.iloc[final_rows], y.iloc[final_rows])
        test_input = metric_input(final, X.iloc[test], metric, task, positive, threshold)
    kept = priced_by(task, model, metric, costs)
    return FinalEvaluation(
        dataset=dataset.name,
        model=model,
        params=tuple(params.items()),
        metric=metric,
        metric_name=metric_name(metric),
        greater_is_better=framing.higher_is_better(metric),
        positive=positive,
        threshold=threshold,
        costs=kept,
        split=buckets.strategy,
        grouped_by=dataset.group_column if _groups(dataset, test) is not None else None,
        validation=score_interval(
            dataset,
            validation,
            validation_input,
            metric,
            costs=kept,
            random_state=random_state,
            n_resamples=n_resamples,
        ),
        test=score_interval(
            dataset,
            test,
            test_input,
            metric,
            costs=kept,
            random_state=random_state,
            n_resamples=n_resamples,
        ),
        n_train=len(train),
        n_validation=len(validation),
        n_test=len(test),
        seed=random_state,
    )


# ---------------------------------------------------------------------------------------------
# Peeking: what happens when the rows that grade also choose
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """One configuration to choose from: a model and its settings."""

    label: str
    model: str
    params: tuple[tuple[str, object], ...] = ()


_CLASSIFIERS = (
    Candidate("logistic regression, C=0.01", "logistic_regression", (("C", 0.01),)),
    Candidate("logistic regression, C=1", "logistic_regression", (("C", 1.0),)),
    Candidate("logistic regression, C=100", "logistic_regression", (("C", 100.0),)),
    Candidate("k-NN, k=10", "knn", (("n_neighbors", 10),)),
    Candidate("k-NN, k=50", "knn", (("n_neighbors", 50),)),
    Candidate("decision tree, depth 3", "decision_tree", (("max_depth", 3),)),
    Candidate("decision tree, depth 8", "decision_tree", (("max_depth", 8),)),
    Candidate("random forest", "random_forest"),
    Candidate("gradient boosting", "hist_gradient_boosting"),
)
_REGRESSORS = (
    Candidate("ridge, alpha=1", "ridge", (("alpha", 1.0),)),
    Candidate("ridge, alpha=100", "ridge", (("alpha", 100.0),)),
    Candidate("k-NN, k=10", "knn", (("n_neighbors", 10),)),
    Candidate("k-NN, k=50", "knn", (("n_neighbors", 50),)),
    Candidate("decision tree, depth 3", "decision_tree", (("max_depth", 3),)),
    Candidate("decision tree, depth 8", "decision_tree", (("max_depth", 8),)),
    Candidate("random forest", "random_forest"),
    Candidate("gradient boosting", "hist_gradient_boosting"),
)


def peeking_candidates(problem: str, n_fit_rows: int) -> tuple[Candidate, ...]:
    """A handful of ordinary configurations a learner might try, for ``problem``.

    k-NN with more neighbours than fitting rows is left out.
    """
    options = _REGRESSORS if problem == "regression" else _CLASSIFIERS
    return tuple(
        c for c in options if c.model != "knn" or dict(c.params)["n_neighbors"] <= n_fit_rows
    )


@dataclass(frozen=True)
class PeekingDemo:
    """Choosing a model by its score on the rows that also grade it, over random halvings.

    Each cut splits the scored rows into two halves (whole entities together), and each half
    takes a turn at picking: the best candidate on the picking half is "the winner", its score
    there is what a learner who peeks reports, and its score on the other half is what it does
    on rows that took no part in the pick. Using both turns of a cut cancels the luck of one
    half holding easier rows than the other, which hits every candidate alike.

    Attributes
    ----------
    metric, metric_name : str
    greater_is_better : bool
    candidates : tuple of str
        The labels of the configurations compared.
    n_rows : int
        Scored rows, before halving.
    winners : tuple of int
        The winning candidate of each pick (two per cut, one per half).
    peeked, fresh : tuple of float
        The winner's score on the half that picked it, and on the other half.
    """

    metric: str
    metric_name: str
    greater_is_better: bool
    candidates: tuple[str, ...]
    n_rows: int
    winners: tuple[int, ...]
    peeked: tuple[float, ...]
    fresh: tuple[float, ...]

    @property
    def n_cuts(self) -> int:
        return len(self.peeked) // 2

    @property
    def optimism_per_pick(self) -> np.ndarray:
        """How much better each winner looked on the half that picked it ("better" is up)."""
        sign = 1.0 if self.greater_is_better else -1.0
        return sign * (np.asarray(self.peeked) - np.asarray(self.fresh))

    @property
    def optimism(self) -> float:
        """The mean over picks: the selection bias of reporting the score that picked."""
        return float(self.optimism_per_pick.mean())

    @property
    def share_split_decisions(self) -> float:
        """Share of cuts whose two halves crowned different winners.

        When both halves agree, the pick owes nothing to which rows happened to grade it.
        """
        winners = np.asarray(self.winners).reshape(-1, 2)
        return float((winners[:, 0] != winners[:, 1]).mean())

    def text(self, digits: int = 3) -> str:
        """Two sentences with the numbers."""
        direction = "better" if self.optimism >= 0 else "worse"
        return (
            f"Picking the best of {len(self.candidates)} models on one half of {self.n_rows:,} "
            f"rows, the winner's {self.metric_name} on that half averaged "
            f"{np.mean(self.peeked):.{digits}f}, against {np.mean(self.fresh):.{digits}f} on "
            f"the other half, which took no part in the pick: on average it looked "
            f"{abs(self.optimism):.{digits}f} {direction} where it was picked than on fresh "
            f"rows ({self.n_cuts} random halvings, each half picking once). The two halves crowned different winners in "
            f"{self.share_split_decisions:.0%} of the halvings."
        )


def _halves(dataset: Dataset, rows: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """Two random halves of ``rows``, as positions into ``rows``; an entity stays on one side."""
    groups = _groups(dataset, rows)
    if groups is None:
        first = np.zeros(len(rows), dtype=bool)
        first[rng.permutation(len(rows))[: len(rows) // 2]] = True
    else:
        codes, inverse = np.unique(groups, return_inverse=True)
        first = np.isin(inverse, rng.permutation(len(codes))[: len(codes) // 2])
    return [np.flatnonzero(first), np.flatnonzero(~first)]


def peeking_demo(
    dataset: Dataset,
    fit_rows: np.ndarray,
    scored_rows: np.ndarray,
    candidates: Sequence[Candidate],
    metric: str,
    *,
    random_state: int = 0,
    n_cuts: int = N_CUTS,
    costs: framing.Costs | None = None,
) -> PeekingDemo:
    """Pick among ``candidates`` by their score on half the scored rows; report both halves.

    Parameters
    ----------
    dataset : Dataset
    fit_rows : numpy.ndarray
        Positions every candidate is fitted on (train + validation when ``scored_rows`` is the
        test bucket; the training rows when it is the validation bucket).
    scored_rows : numpy.ndarray
        Positions that both pick and grade, the way a test set does once it is peeked at.
    candidates : sequence of Candidate
    metric : str
        As in ``final_evaluation``.
    random_state : int
        Seeds the models and the halvings.
    n_cuts : int
    costs : lessons.framing.Costs, optional
        As in ``final_evaluation``. Where they set a threshold, each candidate's is the
        cheapest on the picking half, as a learner who peeks would choose it.

    Returns
    -------
    PeekingDemo
    """
    fit_rows = labelled(dataset, fit_rows)
    scored_rows = labelled(dataset, scored_rows)
    task = dataset.task
    if metric == framing.EXPECTED_COST and costs is None:
        raise DataError("The expected cost needs the price of each error (lesson 1).")
    usable = [c for c in candidates if metric in metrics_for(task, c.model, costs is not None)]
    if len(usable) < 2:
        raise DataError("Peeking needs at least two models that this metric can score.")
    X, y = dataset.X, dataset.y
    problem = estimator_kind(dataset)
    positive = dataset.positive_class
    # Per candidate: its prices when a threshold is chosen per pick, and then its
    # positive-class probability; else the fixed input its metric reads.
    pricing: list[framing.Costs | None] = []
    by_row: list[np.ndarray] = []
    with single_threaded():
        for candidate in usable:
            params = check_params(candidate.model, dict(candidate.params))
            pipeline = model_pipeline(candidate.model, problem, params, random_state)
            pipeline.fit(X.iloc[fit_rows], y.iloc[fit_rows])
            priced = cost_rule(task, candidate.model, metric, costs)
            pricing.append(priced)
            rows = X.iloc[scored_rows]
            by_row.append(
                metric_input(pipeline, rows, metric, task, positive)
                if priced is None
                else _class_score(pipeline, rows, positive)
            )
    if metric == framing.EXPECTED_COST:
        score = _cost_function(positive, costs)
    else:
        score = uncertainty.metric_function(metric, task, positive)
    greater_is_better = framing.higher_is_better(metric)
    sign = 1.0 if greater_is_better else -1.0
    truth = y.iloc[scored_rows].to_numpy()
    negative = next((c for c in pd.unique(y.iloc[fit_rows]) if c != positive), None)

    def answers(k: int, pick: np.ndarray) -> np.ndarray:
        """Candidate k's input on every scored row, its threshold chosen on ``pick``."""
        if pricing[k] is None:
            return by_row[k]
        cut = framing.optimal_threshold(
            truth[pick] == positive,
            by_row[k][pick],
            pricing[k].false_positive,
            pricing[k].false_negative,
        ).threshold
        return np.where(by_row[k] >= cut, positive, negative)

    rng = np.random.default_rng(random_state)
    winners, peeked, fresh = [], [], []
    for _ in range(n_cuts):
        halves = _halves(dataset, scored_rows, rng)
        picks = []
        for i, pick in enumerate(halves):
            other = halves[1 - i]
            inputs = [answers(k, pick) for k in range(len(usable))]
            on_pick = np.array([_safe(score, truth[pick], a[pick]) for a in inputs])
            if not np.any(np.isfinite(on_pick)):
                break
            winner = int(np.nanargmax(sign * on_pick))
            graded = _safe(score, truth[other], inputs[winner][other])
            if not np.isfinite(graded):
                break
            picks.append((winner, float(on_pick[winner]), graded))
        if len(picks) < 2:
            continue  # both halves pick, or neither counts: a cut is one pair
        for winner, on_pick, graded in picks:
            winners.append(winner)
            peeked.append(on_pick)
            fresh.append(graded)
    if not peeked:
        raise DataError("Too few rows to score both halves; peeking cannot be shown here.")
    return PeekingDemo(
        metric=metric,
        metric_name=metric_name(metric),
        greater_is_better=greater_is_better,
        candidates=tuple(c.label for c in usable),
        n_rows=len(scored_rows),
        winners=tuple(winners),
        peeked=tuple(peeked),
        fresh=tuple(fresh),
    )


def _safe(score, y: np.ndarray, prediction: np.ndarray) -> float:
    try:
        return float(score(y, prediction))
    except ValueError:  # one class only in a half, for instance
        return float("nan")
