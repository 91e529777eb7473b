"""Server-side timing of every script run, off unless ``ML_SPINE_RUN_LOG`` names a file.

One JSON line per run: when it ended, the page, what triggered it (the widget keys whose value
changed since the session's previous run, a page switch, or a plain rerun), whether the whole
page or one fragment ran, wall seconds and the CPU seconds of the script thread. No value a
learner typed or chose is written, only the keys of the code's own widgets; the session is a
random token that is never shown to anyone.

The classroom bench reads the file to report the server's share of a learner's wait apart
from the browser's (``bench.classroom``), the way a data engineer reads a run table beside the
dashboard's load time.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

ENV = "ML_SPINE_RUN_LOG"
_SESSION_KEY = "run_log_session"
_SNAPSHOT_KEY = "run_log_snapshot"
_PAGE_KEY = "run_log_page"
_SCALARS = (bool, int, float, str, type(None))
_write_lock = threading.Lock()

F = TypeVar("F", bound=Callable[..., object])


def path() -> str | None:
    """The log file, or None when logging is off."""
    return os.environ.get(ENV) or None


def fragment_rerun() -> bool:
    """Whether this run redraws one fragment only (the page around it is left as drawn)."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def _snapshot() -> dict[str, int]:
    # Hashes of small values only: enough to see which key changed, nothing to read back.
    state = st.session_state
    return {
        str(key): hash(value)
        for key, value in state.items()
        if isinstance(value, _SCALARS) and not str(key).startswith("run_log_")
    }


def _trigger(page: str) -> str:
    previous_page = st.session_state.get(_PAGE_KEY)
    before = st.session_state.get(_SNAPSHOT_KEY)
    now = _snapshot()
    if previous_page is None:
        return "new session"
    if previous_page != page:
        return f"navigation from /{previous_page}"
    changed = sorted(key for key, value in now.items() if before and before.get(key) != value)
    return "changed " + ",".join(changed[:4]) if changed else "rerun"


def _write(record: dict[str, object]) -> None:
    target = path()
    if target is None:
        return
    line = json.dumps(record, separators=(",", ":")) + "\n"
    with _write_lock, open(target, "a", encoding="utf-8") as handle:
        handle.write(line)


def _session() -> str:
    return st.session_state.setdefault(_SESSION_KEY, secrets.token_hex(4))


@contextmanager
def _timed(page: str, kind: str, trigger: str, *, update_page: bool) -> Iterator[None]:
    """Time what runs inside and write its line; ``st.rerun``/``st.stop`` end a run by raising,
    so their exception's name is the run's outcome, as is any real failure's."""
    wall, cpu = time.perf_counter(), time.thread_time()
    outcome = "finished"
    try:
        yield
    except BaseException as error:
        outcome = type(error).__name__
        raise
    finally:
        if update_page:
            st.session_state[_PAGE_KEY] = page
        st.session_state[_SNAPSHOT_KEY] = _snapshot()
        _write(
            {
                "ended": round(time.time(), 3),
                "session": _session(),
                "page": page,
                "kind": kind,
                "trigger": trigger,
                "outcome": outcome,
                "seconds": round(time.perf_counter() - wall, 4),
                "cpu_seconds": round(time.thread_time() - cpu, 4),
            }
        )


@contextmanager
def script_run(page: str) -> Iterator[None]:
    """Time one full run of ``page`` (the router wraps the whole script in this)."""
    if path() is None:
        yield
        return
    with _timed(page, "page", _trigger(page), update_page=True):
        yield


def timed_fragment(name: str) -> Callable[[F], F]:
    """Log the runs of a fragment body that happen on their own (not inside a page run).

    Put it under ``@st.fragment``: the page's own run already times a fragment drawn inside it.
    """

    def decorate(body: F) -> F:
        @functools.wraps(body)
        def wrapper(*args, **kwargs):
            if path() is None or not fragment_rerun():
                return body(*args, **kwargs)
            page = st.session_state.get(_PAGE_KEY, "")
            with _timed(page, f"fragment {name}", _trigger(page), update_page=False):
                return body(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def read(log_path: str) -> list[dict[str, object]]:
    """Every record of a run log, in the order written (for the bench)."""
    with open(log_path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
