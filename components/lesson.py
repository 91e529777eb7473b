"""Lesson layout helpers shared by every page: takeaways, Reveal, demo controls, errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import plotly.graph_objects as go
import streamlit as st

from components import room, sidebar
from lessons.errors import DataError

T = TypeVar("T")


def takeaway(text: str) -> None:
    """The one-line point of a chart, in words, for screen readers and bright projectors."""
    st.markdown(f"**Takeaway:** {text}")


def reveal(
    key: str,
    prompt: str = "Ask the room first, then reveal.",
    *,
    question: room.RoomQuestion | None = None,
) -> bool:
    """Whether an answer may be shown.

    Outside instructor mode answers are always shown. In instructor mode the answer stays
    hidden until the instructor presses Reveal; the choice is kept for the session. With a room
    open, ``question`` is what the room votes on: the projector counts the votes live before
    Reveal and shows their spread beside the answer after it; a learner following the room
    waits for the instructor's Reveal (their vote is drawn by ``room.vote_widget``).
    """
    if room.voting() is not None:
        return room.revealed_for_learner(key, question)
    if not sidebar.instructor_mode():
        return True
    if room.hosting() is not None:
        return room.host_moment(key, prompt, question)
    state_key = f"lesson_revealed_{key}"
    if st.session_state.get(state_key):
        return True
    st.info(prompt, icon=":material/record_voice_over:")
    st.button(
        "Reveal",
        key=f"lesson_reveal_button_{key}",
        type="primary",
        icon=":material/visibility:",
        on_click=_mark_revealed,
        args=(state_key,),
    )
    return False


def is_revealed(key: str, question: room.RoomQuestion | None = None) -> bool:
    """Whether ``reveal(key)`` has opened, without drawing anything."""
    if room.voting() is not None or room.hosting() is not None:
        return room.revealed(key, question)
    return not sidebar.instructor_mode() or bool(st.session_state.get(f"lesson_revealed_{key}"))


def _mark_revealed(state_key: str) -> None:
    st.session_state[state_key] = True


@contextmanager
def demo_controls(label: str = "Try this") -> Iterator[None]:
    """A box around the controls that matter for a demo; emphasised in instructor mode."""
    with st.container(border=True):
        if sidebar.instructor_mode():
            st.markdown(f":orange-badge[:material/touch_app: Demo] **{label}**")
        else:
            st.caption(label)
        yield


def guarded(compute: Callable[[], T], *, what: str) -> T | None:
    """Run a lesson computation; turn a ``DataError`` into a message a person can act on.

    Returns None when the computation refused the input; the rest of the page still renders.
    """
    try:
        return compute()
    except DataError as error:
        st.error(f"Could not {what}: {error}", icon=":material/error:")
        return None


@st.cache_resource(show_spinner=False, max_entries=512)
def shared_figure(kind: str, key: tuple, _build: Callable[[], go.Figure]) -> go.Figure:
    """The chart ``kind`` for ``key``, built once per server and shared by every session.

    Building a Plotly figure costs 10–80 ms, most of it Plotly validating properties; ``key``
    holds every input the chart depends on (small values only), so a rerun that changed none
    of them reuses the figure. ``st.plotly_chart`` only reads it, so one object is safely
    shown to many sessions. ``kind`` names the page and the chart, e.g. ``"train boundary"``.
    """
    return _build()
