"""What steps 3 to 6 of the guided path share: the confirmed dataset, its split and fits."""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from components import course, lesson, sidebar
from components.guided.nav import _blocked
from components.guided.state import Audited, _audited, _pending, _source
from components.text import escape_md
from lessons import splits, training
from lessons.choices import SplitChoice
from lessons.datasets import Dataset

# ---------------------------------------------------------------------------------------------
# Steps 3 to 6 share the confirmed dataset
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Working:
    """The active dataset with the confirmed leak columns kept out, and its audit."""

    dataset: Dataset
    audited: Audited
    seed: int

    def key(self, choice: SplitChoice) -> tuple:
        return (self.dataset.cache_key, self.seed, choice)


def working() -> Working | None:
    """The data steps 3 to 6 run on, or None with a message saying what to do first."""
    dataset = sidebar.active_dataset()
    pending = _pending()
    if _source() == "upload" and (pending is None or pending.name != dataset.name):
        if pending is None:
            _blocked("Upload your CSV and pick its target in step 1 first.", "frame")
        else:
            _blocked(
                "Your CSV is not in use yet: run its audit in step 2 and confirm which "
                "columns to keep out.",
                "audit",
            )
        return None
    audited = _audited(dataset.name)
    if audited is None:
        _blocked(
            f"{escape_md(dataset.title)} has not been leak-checked yet: run the audit in step 2 "
            "and confirm which columns to keep out.",
            "audit",
        )
        return None
    if audited.extra_dropped:
        dataset = replace(
            dataset, post_outcome_columns=(*dataset.post_outcome_columns, *audited.extra_dropped)
        )
    return Working(dataset, audited, sidebar.active_seed())


@st.cache_data(show_spinner=False, max_entries=32)
def _prepared(key: tuple, _dataset: Dataset) -> training.Prepared:
    _, seed, choice = key
    return training.prepare(_dataset, choice, random_state=seed)


@st.cache_data(show_spinner="Fitting the model on the training rows…", max_entries=64)
def _fit(key: tuple, model: str, metric: str, _dataset: Dataset) -> training.FitResult:
    return training.fit(_prepared(key, _dataset), model, {}, metric, random_state=key[1])


@st.cache_data(show_spinner=False, max_entries=64)
def _baseline(key: tuple, metric: str, _dataset: Dataset) -> float:
    return training.baseline(_prepared(key, _dataset), metric)


def _split_choice(work: Working) -> SplitChoice:
    choice = course.split_choice(work.dataset.name)
    if choice.strategy in splits.BUCKET_STRATEGIES and not splits.why_not(
        work.dataset, choice.strategy
    ):
        return choice
    return SplitChoice(splits.default_strategy(work.dataset)[0])


def _prepare(work: Working) -> training.Prepared | None:
    choice = _split_choice(work)
    return lesson.guarded(lambda: _prepared(work.key(choice), work.dataset), what="split the data")


def _working_split() -> tuple[Working, training.Prepared] | None:
    """The confirmed dataset and its split, for the steps after the split; None says why."""
    work = working()
    if work is None:
        return None
    ready = _prepare(work)
    return None if ready is None else (work, ready)
