"""Step 1 of the guided path: the data (a built-in or an upload) and the framing."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components import audit, course, lesson, sidebar, upload
from components.guided.state import (
    _PENDING,
    SOURCE_KEY,
    SOURCES,
    Pending,
    _keep,
    _kept,
    _mark,
    _pending,
    _restore,
)
from components.text import code_name, escape_md
from lessons import framing, scaffold
from lessons.choices import FramingChoice
from lessons.content import sections
from lessons.datasets import BUILTIN_NAMES

# ---------------------------------------------------------------------------------------------
# Step 1: the data and the framing
# ---------------------------------------------------------------------------------------------


def frame_step() -> None:
    """Pick the data, the target and the task, and say which decision the prediction changes."""
    prose = sections("guided")
    st.markdown(prose["frame"])
    _restore(SOURCE_KEY, "active", list(SOURCES))
    active = sidebar.active_dataset()
    labels = dict(SOURCES)
    if active.name not in BUILTIN_NAMES:
        labels["active"] = f"The active dataset ({escape_md(active.title)})"
    st.segmented_control(
        "Data",
        list(SOURCES),
        key=SOURCE_KEY,
        format_func=labels.get,
        required=True,
    )
    named = _frame_upload() if _keep(SOURCE_KEY) == "upload" else _frame_active()
    if named is None:
        return
    name, title, target, task = named
    decision_key = f"guided_decision_{name}"
    existing = course.framing(name)
    _restore(decision_key, existing.decision if existing else "")
    example = sections("frame").get(f"example {name}")
    if example:
        st.button(
            f"Use the worked example for {title}",
            key=f"guided_example_{name}",
            on_click=_use_example,
            args=(decision_key, example),
            icon=":material/lightbulb:",
        )
    st.text_area(
        "Which decision does the prediction change?",
        key=decision_key,
        placeholder="Who acts on the prediction, and what do they do differently?",
        height=80,
        help="Lesson 1, question 1. Without a decision, a model is a demo, not a product.",
    )
    decision = str(_keep(decision_key)).strip()
    if not decision:
        st.caption(prose["no_decision"])
    choice = replace(existing or FramingChoice(), decision=decision, target=target, task=task)
    if choice != existing:
        course.set_framing(name, choice)
    _mark("frame")


def _use_example(key: str, example: str) -> None:
    st.session_state[key] = example
    _kept()[key] = example


def _frame_active() -> tuple[str, str, str, str]:
    dataset = sidebar.active_dataset()
    st.markdown(
        f"**{escape_md(dataset.title)}**: {dataset.n_rows:,} rows. {escape_md(dataset.description)}"
    )
    st.markdown(
        f"Target: {code_name(dataset.target)}, a **{framing.TASK_NAMES[dataset.task]}** task"
        + (f", ordered by {code_name(dataset.time_column)}" if dataset.time_column else "")
        + "."
    )
    st.caption(
        "Pick another dataset in the sidebar's Dataset list; to predict another column of a "
        "built-in, use lesson 1 (Frame the problem)."
    )
    return dataset.name, dataset.title, dataset.target, dataset.task


def _frame_upload() -> tuple[str, str, str, str] | None:
    pending = _pending()
    current = upload.uploader()
    if current is None and pending is not None:
        current = pending.upload
        st.caption(
            f"Using {escape_md(current.file_name)}, uploaded earlier in this session. Upload "
            "another file to start again with it."
        )
    if current is None:
        st.info(sections("guided")["upload_first"], icon=":material/upload_file:")
        return None
    frame = current.loaded.frame
    st.markdown(
        f"**{escape_md(current.file_name)}**: {len(frame):,} rows × {frame.shape[1]:,} columns."
    )
    types = _types(current)
    left, right = st.columns(2)
    with left:
        target = audit.target_picker(current, types)
    with right:
        task = audit.task_picker(current)
    if target is None:
        return None
    guess = lesson.guarded(lambda: framing.infer_task(frame[target]), what="use this target")
    if guess is None:
        st.info("Pick another target column to go on.", icon=":material/arrow_upward:")
        return None
    st.caption(
        f"{code_name(target)} reads as {framing.TASK_NAMES[guess.task]}: {escape_md(guess.reason)}."
    )
    previous = pending.csv_bytes if pending and pending.upload.file_id == current.file_id else None
    st.session_state[_PENDING] = Pending(
        current, target, task, types, _csv_bytes(current) or previous
    )
    return audit.dataset_name(current, target), current.file_name, target, task or guess.task


def _types(current: upload.Upload) -> dict:
    """Inferred column types, correctable in an expander (the Your data page's table)."""
    with st.expander("Column types (correct a wrong guess, optional)"):
        return audit.column_types(current)


def _csv_bytes(current: upload.Upload) -> bytes | None:
    """The uploaded file's bytes while the uploader still holds them, if small enough to zip."""
    file = st.session_state.get(upload.UPLOADER_KEY)
    if file is None or file.file_id != current.file_id or file.size > scaffold.MAX_CSV_BYTES:
        return None
    return file.getvalue()
