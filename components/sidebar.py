"""The shared sidebar: dataset picker, seed, instructor mode and reset, mirrored in the URL.

This component owns the ``sidebar_*`` session_state keys. ``app.py`` draws it on every page,
so the active dataset survives page switches, and a link such as ``/split?dataset=fraud&seed=3``
reproduces the view, even as the first request to a fresh server.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components import data, experiments_store
from components.text import escape_md
from lessons import datasets

DATASET_KEY = "sidebar_dataset"
SEED_KEY = "sidebar_seed"
INSTRUCTOR_KEY = "sidebar_instructor"
UPLOADS_KEY = "sidebar_uploads"
NOTICE_KEY = "sidebar_notice"
# A plain (non-widget) copy of the three settings. Streamlit drops a widget's state after
# a run that did not draw it; the copy restores the learner's choice instead of the default.
SAVED_KEY = "sidebar_saved"
MAX_SEED = 9999


def _options() -> list[str]:
    return [*datasets.BUILTIN_NAMES, *st.session_state.get(UPLOADS_KEY, {})]


def _labeller() -> Callable[[str], str]:
    """Picker labels bound to this run's uploads (AppTest calls format_func outside the run)."""
    titles = {n: f"Your data: {d.title}" for n, d in st.session_state.get(UPLOADS_KEY, {}).items()}
    return lambda name: titles.get(name) or datasets.BUILTIN_TITLES.get(name, name)


def _parse_seed(raw: str | None) -> int | None:
    try:
        seed = int(raw) if raw is not None else 0
    except ValueError:
        return None
    return seed if 0 <= seed <= MAX_SEED else None


def _init_from_url() -> None:
    """On a session's first run, take the dataset, seed and instructor mode from the URL."""
    if DATASET_KEY in st.session_state:
        return
    if saved := st.session_state.get(SAVED_KEY):
        for key, value in saved.items():
            st.session_state[key] = value
        return
    params = st.query_params
    name = params.get("dataset", datasets.DEFAULT_DATASET)
    if name not in _options():
        st.session_state[NOTICE_KEY] = (
            f"The link asked for a dataset this app does not have; showing "
            f"'{datasets.DEFAULT_DATASET}' instead."
        )
        name = datasets.DEFAULT_DATASET
    seed = _parse_seed(params.get("seed"))
    if seed is None:
        st.session_state[NOTICE_KEY] = (
            f"The seed in the link must be a whole number from 0 to {MAX_SEED}; using 0."
        )
        seed = 0
    st.session_state[DATASET_KEY] = name
    st.session_state[SEED_KEY] = seed
    st.session_state[INSTRUCTOR_KEY] = params.get("instructor", "0") in {"1", "true", "on"}


def _sync_url() -> None:
    wanted = {"dataset": st.session_state[DATASET_KEY], "seed": str(st.session_state[SEED_KEY])}
    if st.session_state[INSTRUCTOR_KEY]:
        wanted["instructor"] = "1"
    elif "instructor" in st.query_params:
        del st.query_params["instructor"]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def _reset() -> None:
    # Uploads and the experiment log are the learner's work, not settings: they survive.
    # A classroom room's seat (``room_*``) is where the learner sits, not a setting either.
    kept = {
        key: st.session_state[key]
        for key in st.session_state
        if key in (UPLOADS_KEY, experiments_store.SCOPE_KEY, experiments_store.FALLBACK_KEY)
        or str(key).startswith("room_")
    }
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state.update(kept)
    st.session_state[DATASET_KEY] = datasets.DEFAULT_DATASET
    st.session_state[SEED_KEY] = 0
    st.session_state[INSTRUCTOR_KEY] = False
    st.query_params.clear()


def render() -> None:
    """Draw the sidebar controls and keep the URL in step with them."""
    _init_from_url()
    with st.sidebar:
        st.selectbox(
            "Dataset",
            _options(),
            key=DATASET_KEY,
            format_func=_labeller(),
            help="Every lesson runs on the active dataset. Upload your own on the Your data page.",
        )
        st.number_input(
            "Seed",
            min_value=0,
            max_value=MAX_SEED,
            step=1,
            key=SEED_KEY,
            help="Seeds the generators and every random split and model, so a link reproduces the view.",
        )
        st.toggle(
            "Instructor mode",
            key=INSTRUCTOR_KEY,
            help="Larger type for projectors, answers hidden behind Reveal, demo controls emphasised.",
        )
        st.button(
            "Reset",
            on_click=_reset,
            icon=":material/restart_alt:",
            help="Back to the default dataset and seed; clears your answers on every page. "
            "Uploads and the experiment log stay.",
            width="stretch",
        )
        active = active_dataset()
        st.caption(
            f"{active.n_rows:,} rows · target: {escape_md(active.target)} · {active.task}"
            + (f" · time: {escape_md(active.time_column)}" if active.time_column else "")
        )
    st.session_state[SAVED_KEY] = {
        key: st.session_state[key] for key in (DATASET_KEY, SEED_KEY, INSTRUCTOR_KEY)
    }
    if notice := st.session_state.pop(NOTICE_KEY, None):
        st.toast(notice, icon=":material/info:")
    _sync_url()


def _setting(key: str, default: object) -> object:
    if key in st.session_state:
        return st.session_state[key]
    return st.session_state.get(SAVED_KEY, {}).get(key, default)


def active_name() -> str:
    return str(_setting(DATASET_KEY, datasets.DEFAULT_DATASET))


def active_seed() -> int:
    return int(_setting(SEED_KEY, 0))


def instructor_mode() -> bool:
    return bool(_setting(INSTRUCTOR_KEY, False))


def active_dataset() -> datasets.Dataset:
    """The dataset every lesson runs on: a built-in or one of this session's uploads."""
    name = active_name()
    uploads = st.session_state.get(UPLOADS_KEY, {})
    if name in uploads:
        return uploads[name]
    return data.builtin(name, active_seed())


def register_upload(dataset: datasets.Dataset) -> None:
    """Add an uploaded dataset to this session's picker and make it active.

    Call it from a widget callback, before the sidebar is drawn on the next run.
    """
    uploads = dict(st.session_state.get(UPLOADS_KEY, {}))
    uploads[dataset.name] = dataset
    st.session_state[UPLOADS_KEY] = uploads
    st.session_state[DATASET_KEY] = dataset.name
