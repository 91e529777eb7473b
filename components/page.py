"""Keeps every page inside the app's frame (router, shared sidebar), even on a cold start.

Streamlit still honours its older multipage convention: when a ``pages/`` folder sits beside
the main script, the very first run of a fresh server can route a deep link such as
``/leakage`` straight to ``pages/leakage.py``, skipping ``app.py`` and with it the shared
sidebar and the section labels. ``st.navigation`` switches that convention off for the rest
of the process, so a page that finds itself running outside the frame switches it off too
and asks for a rerun, which then goes through ``app.py`` to the same page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.pages_manager import PagesManager

from components import progress, run_log

_FRAMED_KEY = "page_framed"

F = TypeVar("F", bound=Callable[..., None])


def run_framed(page: StreamlitPage) -> None:
    """Run the page chosen by ``st.navigation``, marking the run as framed by ``app.py``."""
    st.session_state[_FRAMED_KEY] = True
    try:
        page.run()
    finally:
        st.session_state[_FRAMED_KEY] = False


def setup() -> None:
    """First line of every page: rerun through the router if it was skipped."""
    if not st.session_state.get(_FRAMED_KEY):
        PagesManager.uses_pages_directory = False
        st.rerun()


def fragment(name: str) -> Callable[[F], F]:
    """``st.fragment`` for the part of a lesson that a control reruns on its own.

    Its own reruns are timed in the run log under ``name``. When one of them records a new
    step of the learner's progress, the whole page runs once more so that the sidebar's
    progress follows (once per step, not per move).
    """

    def decorate(body: F) -> F:
        @st.fragment
        @run_log.timed_fragment(name)
        @functools.wraps(body)
        def part(*args, **kwargs) -> None:
            body(*args, **kwargs)
            if run_log.fragment_rerun() and progress.take_sidebar_stale():
                st.rerun(scope="app")

        return part  # type: ignore[return-value]

    return decorate
