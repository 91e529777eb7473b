"""The guided path's stepper, the ``step`` URL parameter, the summary of decisions, Back / Next."""

from __future__ import annotations

import streamlit as st

from components import course, sidebar
from components.guided.state import (
    _FINAL,
    _TRAINED,
    STEP_KEY,
    STEPS,
    URL_READ_KEY,
    _audited,
    _done,
    _go,
    _kept,
    _mark,
    _pending,
    _source,
)
from components.text import code_name, escape_md
from lessons import scaffold, scoring, splits, training

# ---------------------------------------------------------------------------------------------
# Stepper, URL, summary, Back / Next
# ---------------------------------------------------------------------------------------------


def _label(step: str) -> str:
    number = STEPS.index(step) + 1
    tick = " ✓" if step in _done() else ""
    return f"{number}. {scaffold.STEP_TITLES[step]}{tick}"


def current_step() -> str:
    """The step to show: from the link on the page's first run, then from the stepper."""
    if not st.session_state.get(URL_READ_KEY):
        st.session_state[URL_READ_KEY] = True
        if st.query_params.get("step") in STEPS:
            st.session_state[STEP_KEY] = st.query_params["step"]
    if st.session_state.get(STEP_KEY) not in STEPS:
        st.session_state[STEP_KEY] = _kept().get(STEP_KEY, STEPS[0])
    step = str(st.session_state[STEP_KEY])
    _kept()[STEP_KEY] = step
    if st.query_params.get("step") != step:
        st.query_params["step"] = step
    return step


def stepper() -> None:
    """The six steps, the current one selected and done ones ticked, each with its decision.

    Drawn after the step's body (into a container above it), so a decision made on this run
    already shows.
    """
    st.segmented_control(
        "Where you are on the path",
        STEPS,
        key=STEP_KEY,
        format_func=_label,
        required=True,
        width="stretch",
        help="Jump to any step; a ✓ marks a step whose decision is made. The URL keeps the "
        "step (?step=).",
    )
    decided = _decided()
    for column, step in zip(st.columns(len(STEPS)), STEPS, strict=True):
        column.caption(decided.get(step, "—"))


def _decided() -> dict[str, str]:
    """One short line per step: what was decided there."""
    dataset = sidebar.active_dataset()
    pending = _pending()
    uploading = _source() == "upload" and pending is not None
    name = pending.name if uploading else dataset.name
    title = pending.upload.file_name if uploading else dataset.title
    lines = {}
    choice = course.framing(name)
    if choice and choice.target:
        lines["frame"] = f"{escape_md(title)}: {code_name(choice.target)}"
    audited = _audited(name)
    if audited is not None:
        count = len(audited.dropped)
        lines["audit"] = f"{count} leak column{'s' if count != 1 else ''} kept out"
    if "split" in _done() and name == dataset.name:
        strategy = course.split_choice(name).strategy
        lines["split"] = f"{splits.STRATEGY_TITLES.get(strategy, strategy)} split"
    trained = st.session_state.get(_TRAINED)
    if trained is not None and trained[0] == dataset.name:
        lines["train"] = training.MODELS[trained[1]].label
    final = st.session_state.get(_FINAL)
    if final is not None and final.key[0] == dataset.cache_key:
        label = scoring.metric(final.metric).name
        lines["metric"] = f"{label} {final.result.validation_score:.4f}"
        lines["export"] = "downloaded" if "export" in _done() else "ready to download"
    return lines


def navigation(step: str) -> None:
    """Back and Next, with the name of the step they lead to."""
    index = STEPS.index(step)
    back, _, forward = st.columns([1, 2, 1])
    if index > 0:
        previous = STEPS[index - 1]
        back.button(
            f"Back: {scaffold.STEP_TITLES[previous]}",
            key="guided_back",
            icon=":material/arrow_back:",
            on_click=_go,
            args=(previous,),
            width="stretch",
        )
    # The audit's own Confirm button moves on: the leak check must be acted on first.
    if index < len(STEPS) - 1 and (step != "audit" or step in _done()):
        following = STEPS[index + 1]
        forward.button(
            f"Next: {scaffold.STEP_TITLES[following]}",
            key="guided_next",
            type="primary",
            icon=":material/arrow_forward:",
            on_click=_next,
            args=(step, following),
            width="stretch",
        )


def _next(step: str, following: str) -> None:
    _mark(step)
    _go(following)


def _blocked(reason: str, step: str) -> None:
    """A step that cannot run yet: why, and a button to the step that unblocks it."""
    st.info(reason, icon=":material/info:")
    st.button(
        f"Go to step {STEPS.index(step) + 1}: {scaffold.STEP_TITLES[step]}",
        key=f"guided_unblock_{step}",
        on_click=_go,
        args=(step,),
        icon=":material/arrow_back:",
    )
