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

from components import room, run_log

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


def fragment(name: str, key: str | None = None) -> Callable[[F], F]:
    """``st.fragment`` for the part of a lesson that a control reruns on its own, its own
    reruns timed in the run log under ``name``.

    ``key``: a name a control's callback reruns it by (``st.rerun(key)``), when the part the
    control moves sits inside the control's own fragment: only that part is redrawn, not the
    control and what a move leaves as it was.

    A step of progress recorded inside it shows in the sidebar on the page's next full run
    (the next page, or any control outside a fragment): a fragment cannot draw outside itself,
    and a whole-page rerun per first move doubled the server's work when a class of 30 flipped
    the same switch at once.
    """

    def decorate(body: F) -> F:
        timed = run_log.timed_fragment(name)(body)

        @functools.wraps(body)
        def run_and_publish(*args, **kwargs):
            timed(*args, **kwargs)
            # A projector's move inside a fragment (the leak switch) moves following phones.
            room.publish()

        return st.fragment(run_and_publish, key=key)

    return decorate
