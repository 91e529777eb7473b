"""The learner's course progress for this browser session, kept with a named workspace.

Owns the ``progress_*`` session_state keys. Pages report visits (the router), key
interactions (the lesson components) and check answers (``components.checks``); the home
page's spine and the sidebar show the result. When the experiment log is in a named
workspace, progress is saved beside its runs, so a learner can continue another day.
"""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from components import experiments_store, navigation
from lessons import checks, db
from lessons.errors import DataError
from lessons.progress import (
    INTERACTIONS,
    LESSONS,
    TRACKED,
    LessonStatus,
    Progress,
    status,
    summary,
)

STATE_KEY = "progress_state"
LOADED_SCOPE_KEY = "progress_loaded_scope"

_log = logging.getLogger(__name__)

_STATE_ICONS = {
    "done": ":green[:material/check_circle:]",
    "started": ":orange[:material/clock_loader_40:]",
    "not started": ":gray[:material/radio_button_unchecked:]",
}
_SHORT_TITLES = {
    "frame": "Frame",
    "split": "Split",
    "leakage": "Leakage",
    "train": "Train",
    "metrics": "Metrics",
    "experiments": "Log",
    "monitor": "Monitor",
}


def _workspace() -> str | None:
    scope = experiments_store.scope()
    return scope if scope.startswith("workspace:") else None


def current() -> Progress:
    """This session's progress, joined with the workspace's saved progress when there is one."""
    state = st.session_state.get(STATE_KEY, Progress())
    workspace = _workspace()
    if workspace and st.session_state.get(LOADED_SCOPE_KEY) != workspace:
        st.session_state[LOADED_SCOPE_KEY] = workspace
        try:
            saved = experiments_store.store().load_progress(workspace)
        except (*db.UNAVAILABLE, DataError) as error:
            _log.warning("progress not loaded: %s", error)
            saved = None
        if saved is not None:
            state = Progress.from_dict(saved).merge(state)
        _save(state)
    return state


def _save(state: Progress) -> None:
    st.session_state[STATE_KEY] = state
    if workspace := _workspace():
        try:
            experiments_store.store().save_progress(workspace, state.to_dict())
        except (*db.UNAVAILABLE, DataError) as error:
            # Progress is a convenience; the session still holds it if the disk refuses.
            _log.warning("progress not saved: %s", error)


def _update(new: Progress, old: Progress) -> None:
    if new is not old:
        _save(new)


def visit(lesson: str) -> None:
    """Note that ``lesson``'s page was opened; pages that are not tracked are ignored."""
    if lesson in TRACKED:
        old = current()
        _update(old.visit(lesson), old)


def mark(lesson: str, interaction: str) -> None:
    """Note that one of ``lesson``'s key interactions was done."""
    old = current()
    _update(old.mark(lesson, interaction), old)


def answer(lesson: str, question_id: str, correct: bool) -> None:
    """Note the answer to one check-of-understanding question."""
    old = current()
    _update(old.answer(lesson, question_id, correct), old)


def statuses() -> dict[str, LessonStatus]:
    """Where this learner stands on every tracked page."""
    state = current()
    return {
        lesson: status(state, lesson, checks.question_ids(lesson) if lesson in LESSONS else ())
        for lesson in TRACKED
    }


def sidebar_summary() -> None:
    """A compact progress line for the sidebar: a bar, the checks score, a mark per lesson."""
    by_lesson = statuses()
    overall = summary(by_lesson)
    st.progress(
        overall.fraction,
        text=f"Course: {overall.lessons_done} of {overall.lessons_total} lessons done · "
        f"{overall.correct} of {overall.questions_total} checks right",
    )
    st.caption(
        " ".join(
            f"{_STATE_ICONS[by_lesson[lesson].state]} {_SHORT_TITLES[lesson]}" for lesson in LESSONS
        ),
        help="Done: visited, the key interaction tried and every check answered. "
        "Name a workspace on the Experiment log page to keep progress for another day.",
    )


def _title(lesson: str) -> str:
    spec = next((p for p in navigation.existing_pages() if p.url_path == lesson), None)
    return spec.title if spec else lesson


def next_lesson(by_lesson: dict[str, LessonStatus]) -> str | None:
    """The first lesson in course order that is not done yet, or None when all are."""
    return next((lesson for lesson in LESSONS if by_lesson[lesson].state != "done"), None)


def next_step_sentence(by_lesson: dict[str, LessonStatus]) -> str:
    """One sentence for the home page: how far the learner is and where to go next."""
    overall = summary(by_lesson)
    upcoming = next_lesson(by_lesson)
    done = f"You have finished {overall.lessons_done} of {overall.lessons_total} lessons"
    if upcoming is None:
        return f"{done}: the whole course. Try it on your own CSV next."
    return f"{done}; next up: {_title(upcoming)}."


def table(by_lesson: dict[str, LessonStatus]) -> None:
    """Every lesson's progress as a table, with a link to the next one."""
    rows = []
    for lesson in LESSONS:
        found = by_lesson[lesson]
        labels = {i.key: i.label for i in INTERACTIONS[lesson]}
        rows.append(
            {
                "lesson": _title(lesson),
                "progress": found.fraction,
                "status": found.state,
                "tried": ", ".join(labels[key] for key in found.done) or "not yet",
                "checks": f"{found.correct} right of {found.answered} answered "
                f"({found.questions_total} in all)",
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        column_config={
            "lesson": st.column_config.TextColumn("Lesson"),
            "progress": st.column_config.ProgressColumn(
                "Progress", min_value=0.0, max_value=1.0, format="percent"
            ),
            "status": st.column_config.TextColumn("Status"),
            "tried": st.column_config.TextColumn("Key interaction", width="medium"),
            "checks": st.column_config.TextColumn("Checks", width="medium"),
        },
        key="progress_table",
    )
    upcoming = next_lesson(by_lesson)
    if upcoming is not None and (spec := navigation.page_for(f"pages/{upcoming}.py")):
        st.page_link(spec.path, label=f"Continue: {spec.title}", icon=spec.icon)
