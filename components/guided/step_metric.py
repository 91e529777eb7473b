"""Step 5 of the guided path: the metric."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components import course, lesson
from components.guided.shared import _baseline, _working_split
from components.guided.state import _FINAL, Final, _keep, _mark, _restore
from components.guided.step_train import (
    _advice,
    _fit_and_record,
    _metric,
    _metric_key,
    _model,
    _scores,
)
from components.text import escape_md
from lessons import scoring, training
from lessons.choices import FramingChoice
from lessons.content import sections

# ---------------------------------------------------------------------------------------------
# Step 5: the metric
# ---------------------------------------------------------------------------------------------


def metric_step() -> None:
    """Pick the metric from the costs of errors; the final score is the model under it."""
    st.markdown(sections("guided")["metric"])
    found = _working_split()
    if found is None:
        return
    work, ready = found
    model = _model(work)
    advice = _advice(work, ready)
    options = training.metric_options(ready.dataset.task, model)
    suggested, suggested_reason = _metric(work, ready, model)
    key = _metric_key(work)
    _restore(key, suggested, options)

    def title(metric: str) -> str:
        tag = " (suggested)" if metric == advice.metric else ""
        return f"{scoring.metric(metric).name}{tag}"

    pick, why = st.columns([1, 2])
    with pick:
        st.radio("Metric", options, key=key, format_func=title)
        metric = str(_keep(key))
    if metric == suggested:
        reason = suggested_reason
    elif metric == advice.metric:
        reason = advice.reason
    else:
        reason = scoring.metric(metric).when
    with why:
        st.markdown(
            f"**Suggested: {scoring.metric(advice.metric).name}**, because "
            f"{escape_md(advice.reason)}."
        )
        st.markdown(f"**{scoring.metric(metric).name}**: {escape_md(scoring.metric(metric).when)}")
        st.caption(
            f"The audit recommends {work.audited.report.recommended_metric}: "
            f"{escape_md(work.audited.report.metric_reason)}"
        )
    result = _fit_and_record(work, ready, model, metric)
    baseline = lesson.guarded(
        lambda: _baseline(work.key(ready.split_choice), metric, work.dataset),
        what="score the baseline",
    )
    if result is None or baseline is None:
        return
    _scores(
        work,
        ready,
        result,
        baseline,
        note="the validation score is the one the scaffold reproduces",
    )
    st.session_state[_FINAL] = Final(
        work.key(ready.split_choice), model, metric, reason, result, baseline
    )
    current = course.framing(work.dataset.name) or FramingChoice(
        target=work.dataset.target, task=work.dataset.task
    )
    chosen = replace(
        current,
        metric=metric,
        baseline_name="no-feature baseline",
        baseline_score=baseline,
    )
    if chosen != current:
        course.set_framing(work.dataset.name, chosen)
    _mark("metric")
