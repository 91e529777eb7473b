"""Step 4 of the guided path: train a model and record the run."""

from __future__ import annotations

import streamlit as st

from components import course, lesson
from components.guided.shared import Working, _baseline, _fit, _prepared, _working_split
from components.guided.state import _RECORDED, _TRAINED, _keep, _kept, _mark, _restore
from lessons import framing, scaffold, scoring, splits, training
from lessons import models as model_registry
from lessons.content import sections
from lessons.store import RunRecord
from lessons.uncertainty import Comparison

# ---------------------------------------------------------------------------------------------
# Step 4: train
# ---------------------------------------------------------------------------------------------


def _model_key(work: Working) -> str:
    return f"guided_model_{work.dataset.name}"


def _metric_key(work: Working) -> str:
    return f"guided_metric_{work.dataset.name}"


def _model(work: Working) -> str:
    problem = training.estimator_kind(work.dataset)
    options = [spec.key for spec in model_registry.models_for(problem)]
    model = _kept().get(_model_key(work))
    return model if model in options else model_registry.default_model(problem)


def _advice(work: Working, ready: training.Prepared) -> scaffold.MetricAdvice:
    choice = course.framing(work.dataset.name)
    costs = (
        framing.Costs(
            choice.cost_false_positive,
            choice.cost_false_negative,
            choice.cost_under,
            choice.cost_over,
        )
        if choice
        else framing.Costs()
    )
    return scaffold.suggest_metric(
        ready.dataset.task,
        ready.dataset.problem,
        ready.dataset.y.iloc[ready.train],
        costs,
        work.audited.report.recommended_metric,
    )


def _metric(work: Working, ready: training.Prepared, model: str) -> tuple[str, str]:
    """The chosen metric (or the suggestion) that this model can score, and its reason."""
    advice = _advice(work, ready)
    options = training.metric_options(ready.dataset.task, model)
    chosen = _kept().get(_metric_key(work))
    if chosen in options:
        reason = advice.reason if chosen == advice.metric else scoring.metric(chosen).when
        return chosen, reason
    framed = course.framing(work.dataset.name)
    if framed is not None and framed.metric in options and framed.metric != advice.metric:
        return framed.metric, "chosen in lesson 1 (Frame the problem)"
    if advice.metric in options:
        return advice.metric, advice.reason
    fallback = scoring.DEFAULT_METRIC[ready.dataset.task]
    return fallback, "the default for this task"


def train_step() -> None:
    """Pick a model, fit it on the training rows, compare it with the no-feature baseline."""
    st.markdown(sections("guided")["train"])
    found = _working_split()
    if found is None:
        return
    work, ready = found
    problem = training.estimator_kind(ready.dataset)
    options = [spec.key for spec in model_registry.models_for(problem)]
    key = _model_key(work)
    _restore(key, _model(work), options)
    pick, scores = st.columns([1, 2])
    with pick:
        st.selectbox(
            "Model",
            options,
            key=key,
            format_func=lambda k: training.MODELS[k].label,
            help="Every model has the same fit / predict shape; lesson 4 shows what happens inside.",
        )
        model = str(_keep(key))
        st.caption(
            f"Default settings; tune them in lesson 4 (Train live). Split: "
            f"{splits.STRATEGY_TITLES[ready.buckets.strategy].lower()}."
        )
    metric, _ = _metric(work, ready, model)
    result = _fit_and_record(work, ready, model, metric)
    if result is None:
        return
    baseline = lesson.guarded(
        lambda: _baseline(work.key(ready.split_choice), metric, work.dataset),
        what="score the baseline",
    )
    with scores:
        _scores(work, ready, result, baseline, note="scored with the metric of step 5")
    st.session_state[_TRAINED] = (work.dataset.name, model)
    _mark("train")


def _fit_and_record(
    work: Working, ready: training.Prepared, model: str, metric: str
) -> training.FitResult | None:
    key = work.key(ready.split_choice)
    result = lesson.guarded(lambda: _fit(key, model, metric, work.dataset), what="train the model")
    if result is None:
        return None
    fingerprint = (*key, model, metric)
    recorded = st.session_state.setdefault(_RECORDED, set())
    if fingerprint not in recorded:
        recorded.add(fingerprint)
        course.record_run(
            RunRecord(
                page="guided",
                dataset=work.dataset.name,
                split=ready.buckets.strategy,
                model=model,
                params=dict(result.params),
                metrics={
                    f"train_{metric}": result.train_score,
                    f"validation_{metric}": result.validation_score,
                    "fit_seconds": round(result.fit_seconds, 4),
                },
                seed=work.seed,
                note="guided path",
            )
        )
    return result


@st.cache_data(show_spinner=False, max_entries=64)
def _versus_baseline(key: tuple, model: str, metric: str, _dataset) -> Comparison:
    """The fit against the no-features baseline on the same validation rows, paired."""
    return training.versus_baseline(
        _prepared(key, _dataset), _fit(key, model, metric, _dataset), random_state=key[1]
    )


def _scores(
    work: Working,
    ready: training.Prepared,
    result: training.FitResult,
    baseline: float | None,
    *,
    note: str,
) -> None:
    """The two scores and the baseline, and the paired verdict of the model against it."""
    label = scoring.metric(result.metric).name
    train_col, valid_col, base_col = st.columns(3)
    train_col.metric(f"Train {label}", f"{result.train_score:.4f}")
    valid_col.metric(f"Validation {label}", f"{result.validation_score:.4f}")
    if baseline is None:
        return
    versus = lesson.guarded(
        lambda: _versus_baseline(
            work.key(ready.split_choice), result.model, result.metric, work.dataset
        ),
        what="compare the model with the baseline",
    )
    if versus is not None:
        base_col.metric(f"Baseline {label}", f"{baseline:.4f}", help="A model with no features.")
        verdict = scaffold.baseline_verdict(versus, result.validation_score, baseline)
        lesson.takeaway(
            f"on {result.n_validation:,} validation rows, {verdict}; train beats "
            f"validation by {result.gap:+.4f} (a large gap means memorised rows); {note}."
        )
