"""The cross-lesson state contract: framing, split choice and run records, per session.

Lesson 1 writes the framing, lesson 2 the split choice; later lessons read them. Every
training run anywhere in the app is recorded here. Keys are prefixed ``course_``.
"""

from __future__ import annotations

import streamlit as st

from components import experiments_store
from lessons import splits
from lessons.choices import FramingChoice, SplitChoice
from lessons.datasets import Dataset
from lessons.store import RunRecord

_FRAMING_KEY = "course_framing"
_SPLIT_KEY = "course_split"


def framing(dataset_name: str) -> FramingChoice | None:
    """The framing settled in lesson 1 for this dataset, if any."""
    return st.session_state.get(_FRAMING_KEY, {}).get(dataset_name)


def set_framing(dataset_name: str, choice: FramingChoice) -> None:
    st.session_state[_FRAMING_KEY] = {
        **st.session_state.get(_FRAMING_KEY, {}),
        dataset_name: choice,
    }


def split_choice(dataset_name: str) -> SplitChoice:
    """The split chosen in lesson 2 for this dataset, else the honest default."""
    return st.session_state.get(_SPLIT_KEY, {}).get(dataset_name, SplitChoice())


@st.cache_data(show_spinner=False, max_entries=256)
def _canonical(key: tuple, seed: int, choice: SplitChoice, _dataset: Dataset) -> SplitChoice:
    return splits.canonical_choice(_dataset, choice, random_state=seed)


def set_split_choice(dataset: Dataset, choice: SplitChoice, seed: int) -> None:
    """Keep lesson 2's choice; one that makes the honest default's buckets is kept as the
    default, so later lessons read the fits already cached for it."""
    kept = _canonical(dataset.cache_key, seed, choice, dataset)
    if split_choice(dataset.name) != kept:
        st.session_state[_SPLIT_KEY] = {**st.session_state.get(_SPLIT_KEY, {}), dataset.name: kept}


def record_run(record: RunRecord) -> None:
    """Keep a training run for the experiment log (the SQLite store, this session's scope)."""
    experiments_store.record(record)


def runs() -> list[RunRecord]:
    """This session's runs (or its named workspace's), oldest first."""
    return experiments_store.runs()
