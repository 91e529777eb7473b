"""Lesson 4 (Train live): the live controls, the scores, and the code to take away.

This component owns the ``train_*`` session_state keys and the ``model`` and ``view`` URL
parameters. The retraining controls and everything they drive run inside one
``st.fragment``, so changing the model redraws only this part of the page; a knob's move
reruns two keyed parts inside it (the scores, the views), not the controls.
"""

from __future__ import annotations

import itertools
import math

import streamlit as st

from components import (
    course,
    data,
    final_evaluation,
    lesson,
    page,
    progress,
    sidebar,
    train_views,
)
from components.text import code_name, escape_md
from components.train_cache import (
    Setup,
    baseline_cached,
    boundary_features_cached,
    code_cached,
    fit_cached,
    noise_cached,
    prepared,
    surface_cached,
    validation_half_width_cached,
    versus_cached,
)
from lessons import experiments, scoring, training
from lessons import framing as lesson_framing
from lessons import models as model_registry
from lessons.choices import SplitChoice
from lessons.content import sections
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.store import RunRecord
from lessons.uncertainty import Comparison

MODEL_KEY = "train_model"
VIEW_KEY = "train_view"
ROW_CAP_KEY = "train_row_cap"
URL_READ_KEY = "train_url_read"
RECORDED_KEY = "train_recorded"
CURRENT_FIT_KEY = "train_current_fit"
PREVIOUS_FIT_KEY = "train_previous_fit"
ROW_CAPS = (1_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000)

VIEWS = {
    "model": "What the model does",
    "loss": "Loss curve (SGD)",
    "learning": "Learning curve",
    "validation": "Validation curve",
}
DEFAULT_VIEW = "model"


# ---------------------------------------------------------------------------------------------
# The page's parts
# ---------------------------------------------------------------------------------------------


def setup() -> Setup | None:
    """The active dataset, seed, lesson 2's split and the row cap, with their notices."""
    dataset = sidebar.active_dataset()
    _read_url(dataset)
    with st.expander("Data for this page", icon=":material/tune:"):
        st.select_slider(
            "Row cap",
            options=ROW_CAPS,
            value=training.DEFAULT_ROW_CAP,
            key=ROW_CAP_KEY,
            format_func=lambda n: f"{n:,}",
            help="Larger data is sampled down to this many rows (seeded) so every change refits live.",
        )
    current = Setup(
        dataset=dataset,
        seed=sidebar.active_seed(),
        split_choice=course.split_choice(dataset.name),
        row_cap=int(st.session_state[ROW_CAP_KEY]),
        framing=course.framing(dataset.name),
    )
    ready = lesson.guarded(lambda: prepared(current), what="split the data for training")
    if ready is None:
        return None
    for notice in ready.notices:
        st.info(notice, icon=":material/info:")
    st.caption(
        f"{escape_md(dataset.title)}: target {code_name(dataset.target)} ({dataset.task}) · "
        f"**{ready.buckets.strategy}** split, {len(ready.train):,} training and "
        f"{len(ready.validation):,} validation rows; the {len(ready.buckets.test):,} test rows "
        f"stay locked away. Why this split: {ready.buckets.reason}."
    )
    return current


def _read_url(dataset: Dataset) -> None:
    """On the page's first run in a session, take the model and the view from the link."""
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    model = st.query_params.get("model")
    if model in training.MODELS and training.MODELS[model].supports(
        training.estimator_kind(dataset)
    ):
        st.session_state[MODEL_KEY] = model
    view = st.query_params.get("view")
    if view in VIEWS:
        st.session_state[VIEW_KEY] = view


def _sync_url(model: str, view: str) -> None:
    for key, value in (("model", model), ("view", view)):
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def _choose_model(problem: str) -> str:
    options = [spec.key for spec in model_registry.models_for(problem)]
    if st.session_state.get(MODEL_KEY) not in options:
        st.session_state[MODEL_KEY] = model_registry.default_model(problem)
    return st.selectbox(
        "Model",
        options,
        key=MODEL_KEY,
        format_func=lambda key: training.MODELS[key].label,
        help="Every model has the same fit / predict shape; only what happens inside differs.",
    )


def _param_key(model: str, name: str) -> str:
    return f"train_param_{model}_{name}"


def _choose_params(model: str) -> None:
    """The model's knobs; a move reruns what they drive (``_knob_moved``), not the knobs."""
    spec = training.MODELS[model]
    if not spec.params:
        st.caption(
            "Linear regression has no knob: least squares has one exact answer. "
            "Ridge adds the regularisation knob."
        )
    for param in spec.params:
        key = _param_key(model, param.name)
        if key not in st.session_state or st.session_state[key] not in param.options:
            st.session_state[key] = param.default
        ordered = all(isinstance(o, int | float) or o is None for o in param.options)
        if ordered or len(param.options) > 3:
            st.select_slider(
                param.label,
                options=param.options,
                key=key,
                format_func=param.show,
                help=param.help,
                on_change=_knob_moved,
            )
        else:
            # A radio reads a None value as "nothing selected", so it holds positions.
            position_key = f"{key}_position"
            st.session_state[position_key] = param.options.index(st.session_state[key])
            st.radio(
                param.label,
                range(len(param.options)),
                key=position_key,
                format_func=lambda i, p=param: p.show(p.options[i]),
                help=param.help,
                horizontal=True,
                on_change=_store_choice,
                args=(key, position_key, param.options),
            )


def _params(model: str) -> dict[str, object]:
    """The knobs' values, as the controls left them."""
    return {
        param.name: st.session_state.get(_param_key(model, param.name), param.default)
        for param in training.MODELS[model].params
    }


def _store_choice(key: str, position_key: str, options: tuple) -> None:
    st.session_state[key] = options[st.session_state[position_key]]
    _knob_moved()


RESULTS_PART, VIEWS_PART = "train_results", "train_views"


def _knob_moved() -> None:
    """A knob's move refits and redraws the scores and the views, not the controls."""
    st.rerun([RESULTS_PART, VIEWS_PART])


def _metric(setup: Setup, model: str) -> tuple[str, float | None, str, str]:
    """The metric, lesson 1's baseline score if it applies, its label, and a note on both."""
    task = setup.dataset.task
    framing = setup.framing
    wanted = framing.metric if framing and framing.metric else scoring.DEFAULT_METRIC[task]
    metric = training.usable_metric(wanted, task, model)
    label = scoring.metric(metric).name
    if framing and framing.metric and framing.metric != metric:
        chosen = f"Lesson 1 chose {escape_md(lesson_framing.metric_name(framing.metric))}, which this page cannot compute here; scored with {label}."
    elif framing and framing.metric:
        chosen = f"Scored with {label}, the metric chosen in lesson 1."
    else:
        chosen = f"Scored with {label}, the default for a {task} target; choose a metric in lesson 1 to change it."
    if framing and framing.baseline_score is not None and framing.metric == metric:
        name = escape_md(framing.baseline_name or "baseline")
        return (
            metric,
            framing.baseline_score,
            f"lesson 1: {name}",
            f"{chosen} Baseline: {name}, from lesson 1.",
        )
    dummy = (
        "a DummyRegressor predicting the training mean"
        if setup.problem == "regression"
        else "a DummyClassifier predicting the training class shares"
    )
    return (
        metric,
        None,
        "no features",
        f"{chosen} Baseline computed here, as lesson 1 has none for this metric: {dummy}, on the same split.",
    )


def _record(setup: Setup, model: str, params: dict, result: training.FitResult) -> None:
    """One run record per distinct fit; a rerun with the same settings adds nothing."""
    progress.mark("train", "model_trained")
    fingerprint = (*setup.key, model, tuple(params.items()), result.metric)
    recorded = st.session_state.setdefault(RECORDED_KEY, set())
    if fingerprint in recorded:
        return
    recorded.add(fingerprint)
    course.record_run(
        RunRecord(
            page="train",
            dataset=setup.dataset.name,
            split=prepared(setup).buckets.strategy,
            model=model,
            params=dict(params),
            metrics={
                f"train_{result.metric}": result.train_score,
                f"validation_{result.metric}": result.validation_score,
                **_validation_noise(setup, model, tuple(params.items()), result.metric),
                "fit_seconds": round(result.fit_seconds, 4),
            },
            seed=setup.seed,
        )
    )


def warm(dataset_name: str, seed: int) -> int:
    """Fit the default model at every setting of its knobs, as a new session would ask for them.

    The main control's moves then read from the shared cache: on a fresh server, the first
    learner to drag the slider no longer waits one fit per step. Each neighbouring pair is
    also compared, as the page does after a one-step move. Returns the number of fits.
    """
    dataset = data.builtin(dataset_name, seed)
    setup = Setup(dataset, seed, SplitChoice(), training.DEFAULT_ROW_CAP, None)
    model, settings = default_model_settings(setup.problem)
    metric = _metric(setup, model)[0]
    defaults = {param.name: param.default for param in training.MODELS[model].params}
    features = boundary_features_cached(setup)
    for params in settings:
        fit_cached(setup, model, params, metric)
        noise_cached(setup, model, params, metric)
        validation_half_width_cached(setup, model, params, metric)
        code_cached(setup, model, params, metric)
        # The default view: the decision boundary on the first two numeric features.
        if setup.problem != "regression" and len(features) >= 2:
            surface_cached(setup, (features[0], features[1]), model, params)
    for param in training.MODELS[model].params:
        for low, high in itertools.pairwise(param.options):
            for now, before in ((low, high), (high, low)):
                versus_cached(
                    setup,
                    metric,
                    (model, tuple({**defaults, param.name: now}.items())),
                    (model, tuple({**defaults, param.name: before}.items())),
                )
    return len(settings)


def default_model_settings(problem: str) -> tuple[str, list[tuple]]:
    """The model a new session trains first, and each setting one move of one knob reaches
    (the other knobs at their defaults), as ``(name, value)`` pairs in the order they are
    recorded."""
    model = model_registry.default_model(problem)
    knobs = training.MODELS[model].params
    defaults = {param.name: param.default for param in knobs}
    settings = [
        tuple({**defaults, param.name: option}.items())
        for param in knobs
        for option in param.options
    ]
    return model, list(dict.fromkeys(settings))


def _previous(
    setup: Setup, model: str, params: tuple, metric: str
) -> tuple[str, Comparison] | None:
    """The fit before this one on the same data and metric, compared on the same rows."""
    now = (setup.key, metric, model, params)
    if st.session_state.get(CURRENT_FIT_KEY) != now:
        st.session_state[PREVIOUS_FIT_KEY] = st.session_state.get(CURRENT_FIT_KEY)
        st.session_state[CURRENT_FIT_KEY] = now
    before = st.session_state.get(PREVIOUS_FIT_KEY)
    if before is None or before[:2] != now[:2]:
        return None
    _, _, old_model, old_params = before
    described = training.MODELS[old_model].label + "".join(
        f", {name} {value}" for name, value in old_params
    )
    try:
        comparison = versus_cached(setup, metric, (model, params), (old_model, old_params))
    except DataError:
        return None
    return escape_md(described), comparison


def _validation_noise(setup: Setup, model: str, params: tuple, metric: str) -> dict[str, float]:
    """The validation score's noise, recorded with the run so the log can judge moves."""
    half = validation_half_width_cached(setup, model, params, metric)
    if half is None or not math.isfinite(half):
        return {}
    return {f"validation_{metric}{experiments.NOISE_SUFFIX}": round(half, 6)}


@page.fragment("train live")
def live(setup: Setup) -> None:
    """Controls that retrain, the live scores, one chosen view, and the code. Reruns alone
    when the model changes; a knob reruns only the scores and the views (keyed parts)."""
    controls, results = st.columns([1, 2], gap="large")
    with controls, lesson.demo_controls("Change the model and its knobs"):
        model = _choose_model(setup.problem)
        _choose_params(model)
    with results:
        _results(setup, model)
    _views(setup, model)


@page.fragment("train results", key=RESULTS_PART)
def _results(setup: Setup, model: str) -> None:
    """The fit at the knobs' values and its scores against the baseline and the noise."""
    params = _params(model)
    metric, lesson_baseline, baseline_label, note = _metric(setup, model)
    frozen = tuple(params.items())
    result = lesson.guarded(
        lambda: fit_cached(setup, model, frozen, metric), what="train the model"
    )
    if result is None:
        return
    _record(setup, model, params, result)
    baseline = baseline_cached(setup, metric) if lesson_baseline is None else lesson_baseline
    with st.spinner("Resampling the validation rows to measure the noise…"):
        noise = noise_cached(setup, model, frozen, metric)
        previous = _previous(setup, model, frozen, metric)
    train_views.scores(
        sections("train"),
        result,
        baseline,
        baseline_label,
        note,
        noise,
        previous,
        split=prepared(setup).buckets.strategy,
    )


@page.fragment("train views", key=VIEWS_PART)
def _views(setup: Setup, model: str) -> None:
    """The chosen look inside the fitted model, the code, and the final evaluation."""
    params = _params(model)
    metric, lesson_baseline, _, _ = _metric(setup, model)
    frozen = tuple(params.items())
    try:
        result = fit_cached(setup, model, frozen, metric)
    except DataError:
        # The scores above say why the fit failed.
        view = st.session_state.get(VIEW_KEY, DEFAULT_VIEW)
        _sync_url(model, view if view in VIEWS else DEFAULT_VIEW)
        return
    baseline = baseline_cached(setup, metric) if lesson_baseline is None else lesson_baseline
    st.divider()
    if st.session_state.get(VIEW_KEY) not in VIEWS:
        st.session_state[VIEW_KEY] = DEFAULT_VIEW
    view = st.segmented_control(
        "Look inside",
        list(VIEWS),
        key=VIEW_KEY,
        format_func=VIEWS.get,
        required=True,
        help="Each view refits what it needs, on a sample, only when you open it.",
    )
    _sync_url(model, view)
    context = train_views.ViewContext(
        setup=setup,
        model=model,
        params=frozen,
        metric=metric,
        baseline=baseline,
        result=result,
        text=sections("train"),
    )
    train_views.render(view, context)
    st.divider()
    train_views.code(context)
    final_evaluation.train_section(setup, model, params, metric)
