"""The last step of "evaluate": refit on train + validation, then read the test set once.

Every choice (model, settings, metric, threshold) is made on the validation rows. When they
are settled, the chosen pipeline is fitted again on train + validation (more rows, same
recipe) and scored once on the test rows, with a bootstrap interval that says how far
another test set of the same size could move the number. Think of the test set as the one
production release check: run it once and report what it says. Re-run it after every tweak
until it passes and it is only a staging check, and its number is no longer a forecast.

``peeking_demo`` shows why, with numbers: pick the best of several models on some rows and
the winner's score on those rows overstates its score on rows that took no part in the pick.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons import scoring, uncertainty
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
        chosen on validation rows, never on the rows scored here.

    Returns
    -------
    numpy.ndarray
        Labels, positive-class scores, class probabilities or numbers, per ``Metric.needs``.
    """
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


def applicable_threshold(
    task: str, model: str, metric: str, threshold: float | None
) -> float | None:
    """``threshold`` when it can decide this metric for this model, else None.

    Only a binary metric of hard labels has a threshold, and only a model with probabilities
    can be cut at one (an SVM's decision values are not on the same scale).
    """
    if threshold is None or task != "binary" or not scoring.metric(metric).thresholded:
        return None
    estimator = estimator_class(model, "classification")()
    return float(threshold) if hasattr(estimator, "predict_proba") else None


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
    random_state : int
    n_resamples : int
    """
    score = uncertainty.metric_function(metric, dataset.task, dataset.positive_class)
    return uncertainty.bootstrap_interval(
        score,
        dataset.y.iloc[rows].to_numpy(),
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
        The decision threshold applied to a binary metric of hard labels (chosen on validation
        rows); None when the model's own rule (``predict``) decided.
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
    def change_within_noise(self) -> bool:
        """Whether test and validation differ by less than their combined noise.

        The two scores come from different rows and slightly different models (the test
        model saw the validation rows too), so they cannot be paired; the half-widths of two
        independent intervals add in quadrature. Undefined intervals count as noise.
        """
        halves = np.array([self.validation.half_width, self.test.half_width])
        if not np.all(np.isfinite(halves)):
            return True
        return bool(abs(self.change) <= np.sqrt(np.sum(halves**2)))

    def verdict(self, digits: int = 3) -> str:
        """One sentence on how the test score relates to the validation score."""
        if self.change_within_noise:
            return (
                f"The test score is within the noise of the validation score "
                f"({self.change:+.{digits}f}): the two agree as far as this many rows can tell."
            )
        worse = (self.change < 0) == self.greater_is_better
        if worse:
            return (
                f"The test score is worse than validation by more than the noise "
                f"({self.change:+.{digits}f}): the rows the test set holds differ from the "
                "validation rows (a later period, other entities), or choices made on "
                "validation fitted its quirks. Report the test number, not the validation one."
            )
        return (
            f"The test score is better than validation by more than the noise "
            f"({self.change:+.{digits}f}): the final model learned from more rows, or the test "
            "rows are easier. Report the test number; do not go back and tune on it."
        )


def final_evaluation(
    dataset: Dataset,
    buckets: Buckets,
    model: str,
    params: dict,
    metric: str,
    *,
    random_state: int = 0,
    threshold: float | None = None,
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
        A registry metric this model can be scored with (``training.metric_options``).
    random_state : int
        Seeds the estimators and the bootstrap.
    threshold : float, optional
        Decision threshold for a binary metric of hard labels, chosen on validation rows;
        ignored where it does not apply (``applicable_threshold``).
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
    if metric not in metric_options(task, model):
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
    threshold = applicable_threshold(task, model, metric, threshold)
    X, y = dataset.X, dataset.y
    with single_threaded():
        chosen = model_pipeline(model, problem, params, random_state)
        chosen.fit(X.iloc[train], y.iloc[train])
        validation_input = metric_input(
            chosen, X.iloc[validation], metric, task, positive, threshold
        )
        final = model_pipeline(model, problem, params, random_state)
        final.fit(X.iloc[final_rows], y.iloc[final_rows])
        test_input = metric_input(final, X.iloc[test], metric, task, positive, threshold)
    entry = scoring.metric(metric)
    return FinalEvaluation(
        dataset=dataset.name,
        model=model,
        params=tuple(params.items()),
        metric=metric,
        metric_name=entry.name,
        greater_is_better=entry.greater_is_better,
        positive=positive,
        threshold=threshold,
        split=buckets.strategy,
        grouped_by=dataset.group_column if _groups(dataset, test) is not None else None,
        validation=score_interval(
            dataset,
            validation,
            validation_input,
            metric,
            random_state=random_state,
            n_resamples=n_resamples,
        ),
        test=score_interval(
            dataset, test, test_input, metric, random_state=random_state, n_resamples=n_resamples
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
            f"the other half, which took no part in the pick: it looked "
            f"{abs(self.optimism):.{digits}f} {direction} than it is ({self.n_cuts} random "
            f"halvings, each half picking once). The two halves crowned different winners in "
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
    threshold: float | None = None,
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
    random_state : int
        Seeds the models and the halvings.
    n_cuts : int
    threshold : float, optional
        As in ``metric_input``.

    Returns
    -------
    PeekingDemo
    """
    fit_rows = labelled(dataset, fit_rows)
    scored_rows = labelled(dataset, scored_rows)
    usable = [c for c in candidates if metric in metric_options(dataset.task, c.model)]
    if len(usable) < 2:
        raise DataError("Peeking needs at least two models that this metric can score.")
    X, y = dataset.X, dataset.y
    problem = estimator_kind(dataset)
    positive = dataset.positive_class
    by_row: list[np.ndarray] = []
    with single_threaded():
        for candidate in usable:
            params = check_params(candidate.model, dict(candidate.params))
            pipeline = model_pipeline(candidate.model, problem, params, random_state)
            pipeline.fit(X.iloc[fit_rows], y.iloc[fit_rows])
            cut = applicable_threshold(dataset.task, candidate.model, metric, threshold)
            prediction = metric_input(
                pipeline, X.iloc[scored_rows], metric, dataset.task, positive, cut
            )
            by_row.append(prediction)
    score = uncertainty.metric_function(metric, dataset.task, positive)
    entry = scoring.metric(metric)
    sign = 1.0 if entry.greater_is_better else -1.0
    truth = y.iloc[scored_rows].to_numpy()
    rng = np.random.default_rng(random_state)
    winners, peeked, fresh = [], [], []
    for _ in range(n_cuts):
        # scores[h][k]: candidate k scored on half h.
        scores = [
            np.array([_safe(score, truth[half], prediction[half]) for prediction in by_row])
            for half in _halves(dataset, scored_rows, rng)
        ]
        if not all(np.any(np.isfinite(s)) for s in scores):
            continue
        picks = [int(np.nanargmax(sign * s)) for s in scores]
        if not all(np.isfinite(scores[1 - i][w]) for i, w in enumerate(picks)):
            continue
        for i, winner in enumerate(picks):
            winners.append(winner)
            peeked.append(float(scores[i][winner]))
            fresh.append(float(scores[1 - i][winner]))
    if not peeked:
        raise DataError("Too few rows to score both halves; peeking cannot be shown here.")
    return PeekingDemo(
        metric=metric,
        metric_name=entry.name,
        greater_is_better=entry.greater_is_better,
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
