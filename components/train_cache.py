"""Cached lesson calls of lesson 4, keyed on (dataset name, seed, split choice, row cap, settings).

The dataset itself is passed as an underscore argument, so it is never hashed: a built-in is
named by (name, seed), an upload by its session-unique name.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from lessons import codegen, training
from lessons.choices import FramingChoice, SplitChoice
from lessons.datasets import Dataset
from lessons.uncertainty import Comparison


@dataclass(frozen=True)
class Setup:
    """What every fit on this page shares: the data, the seed, the split and the row cap."""

    dataset: Dataset
    seed: int
    split_choice: SplitChoice
    row_cap: int
    framing: FramingChoice | None

    @property
    def key(self) -> tuple:
        """The small hashable part, for the caches."""
        return (self.dataset.cache_key, self.seed, self.split_choice, self.row_cap)

    @property
    def problem(self) -> str:
        return training.estimator_kind(self.dataset)


# One shared object, not a copy per call: every move of a knob reads it (the split's name,
# the final evaluation's rows), and st.cache_data unpickled all the rows each time (about
# 10 ms on churn). Nothing writes to it: models train on rows taken from it.
@st.cache_resource(show_spinner=False, max_entries=32)
def _prepared(key: tuple, _dataset: Dataset) -> training.Prepared:
    _, seed, choice, row_cap = key
    return training.prepare(_dataset, choice, row_cap=row_cap, random_state=seed)


def prepared(setup: Setup) -> training.Prepared:
    return _prepared(setup.key, setup.dataset)


@st.cache_data(show_spinner=False, max_entries=32)
def _boundary_features(key: tuple, _dataset: Dataset) -> list[str]:
    return list(training.boundary_features(_prepared(key, _dataset)))


def boundary_features_cached(setup: Setup) -> list[str]:
    """The numeric features a decision boundary can be drawn on (their roles are learned
    from the data, 70 ms on churn, so once per setup rather than on every move)."""
    return _boundary_features(setup.key, setup.dataset)


@st.cache_data(show_spinner="Fitting the model on the training rows…", max_entries=256)
def _fit(key: tuple, model: str, params: tuple, metric: str, _dataset: Dataset):
    return training.fit(_prepared(key, _dataset), model, dict(params), metric, random_state=key[1])


@st.cache_data(show_spinner=False, max_entries=256)
def _noise(key: tuple, model: str, params: tuple, metric: str, _dataset: Dataset):
    result = _fit(key, model, params, metric, _dataset)
    ready = _prepared(key, _dataset)
    task = ready.dataset.task
    gap = training.gap_noise(
        metric, task, result.train_rows, result.validation_rows, result.gap, random_state=key[1]
    )
    return gap, training.versus_baseline(ready, result, random_state=key[1])


@st.cache_data(show_spinner=False, max_entries=256)
def _validation_half_width(key: tuple, model: str, params: tuple, metric: str, _dataset: Dataset):
    result = _fit(key, model, params, metric, _dataset)
    if result.validation_rows is None:
        return None
    task = _prepared(key, _dataset).dataset.task
    return training.interval(metric, task, result.validation_rows, random_state=key[1]).half_width


@st.cache_data(show_spinner=False, max_entries=256)
def _versus(key: tuple, metric: str, now: tuple, before: tuple, _dataset: Dataset):
    fits = [_fit(key, model, params, metric, _dataset) for model, params in (now, before)]
    names = ("this fit", "the previous fit")
    return training.compare_encoded(
        metric,
        _prepared(key, _dataset).dataset.task,
        fits[0].validation_rows,
        fits[1].validation_rows,
        names=names,
        random_state=key[1],
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _baseline(key: tuple, metric: str, _dataset: Dataset) -> float:
    return training.baseline(_prepared(key, _dataset), metric)


@st.cache_data(show_spinner="Running gradient descent…", max_entries=64)
def _loss(key: tuple, learning_rate: float, _dataset: Dataset) -> training.LossCurve:
    return training.sgd_loss_curve(_prepared(key, _dataset), learning_rate, random_state=key[1])


@st.cache_data(show_spinner="Refitting on growing samples of the training rows…", max_entries=64)
def _learning(key: tuple, model: str, params: tuple, metric: str, _dataset: Dataset):
    return training.learning_curve(
        _prepared(key, _dataset), model, dict(params), metric, random_state=key[1]
    )


@st.cache_data(show_spinner="Refitting at each setting…", max_entries=64)
def _validation(key: tuple, model: str, params: tuple, metric: str, _dataset: Dataset):
    return training.validation_curve(
        _prepared(key, _dataset), model, dict(params), metric, random_state=key[1]
    )


@st.cache_data(show_spinner="Drawing the decision boundary…", max_entries=64)
def _surface(key: tuple, features: tuple, model: str, params: tuple, _dataset: Dataset):
    return training.decision_surface(
        _prepared(key, _dataset), *features, model, dict(params), random_state=key[1]
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _code(
    key: tuple,
    model: str,
    params: tuple,
    metric: str,
    framing: FramingChoice | None,
    _dataset: Dataset,
) -> tuple[str, str]:
    spec = codegen.code_spec(
        _prepared(key, _dataset), model, dict(params), metric, seed=key[1], framing=framing
    )
    return codegen.script(spec), codegen.notebook(spec)


def fit_cached(setup: Setup, model: str, params: tuple, metric: str) -> training.FitResult:
    return _fit(setup.key, model, params, metric, setup.dataset)


@st.cache_data(show_spinner=False, max_entries=128)
def _curve_step(
    kind: str, key: tuple, model: str, params: tuple, metric: str, a: int, b: int, _dataset: Dataset
) -> Comparison | None:
    build = _learning if kind == "learning" else _validation
    curve = build(key, model, params, metric, _dataset)
    return curve.compare(a, b, random_state=key[1])


def curve_step_cached(
    setup: Setup, kind: str, model: str, params: tuple, metric: str, a: int, b: int
) -> Comparison | None:
    """Point ``a`` of the learning or validation curve against point ``b``, paired; cached
    because the bootstrap would otherwise rerun on every rerun of the view."""
    return _curve_step(kind, setup.key, model, params, metric, a, b, setup.dataset)


def loss_cached(setup: Setup, learning_rate: float) -> training.LossCurve:
    return _loss(setup.key, learning_rate, setup.dataset)


def learning_cached(setup: Setup, model: str, params: tuple, metric: str) -> training.Curve:
    return _learning(setup.key, model, params, metric, setup.dataset)


def validation_cached(setup: Setup, model: str, params: tuple, metric: str) -> training.Curve:
    return _validation(setup.key, model, params, metric, setup.dataset)


def surface_cached(setup: Setup, features: tuple, model: str, params: tuple) -> training.Surface:
    return _surface(setup.key, features, model, params, setup.dataset)


def code_cached(setup: Setup, model: str, params: tuple, metric: str) -> tuple[str, str]:
    """The script and the notebook of this fit."""
    return _code(setup.key, model, params, metric, setup.framing, setup.dataset)


def validation_half_width_cached(
    setup: Setup, model: str, params: tuple, metric: str
) -> float | None:
    """Half the width of the validation score's interval (500 resamples, so cached), or None
    when the fit has no validation rows."""
    return _validation_half_width(setup.key, model, params, metric, setup.dataset)


def noise_cached(
    setup: Setup, model: str, params: tuple, metric: str
) -> tuple[training.GapNoise, Comparison]:
    """The fit's train-validation gap against its noise, and its paired comparison with the
    no-features baseline on the same validation rows; 500 resamples, so cached."""
    return _noise(setup.key, model, params, metric, setup.dataset)


def versus_cached(
    setup: Setup, metric: str, now: tuple[str, tuple], before: tuple[str, tuple]
) -> Comparison:
    """This fit against the previous one (model, params) on the same validation rows."""
    return _versus(setup.key, metric, now, before, setup.dataset)


def baseline_cached(setup: Setup, metric: str) -> float:
    return _baseline(setup.key, metric, setup.dataset)
