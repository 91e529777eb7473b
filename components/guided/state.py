"""The guided path's state: its ``guided_*`` session_state keys and the records kept in them."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components import audit, upload
from lessons import scaffold, training
from lessons.audit import AuditReport

STEP_KEY = "guided_step"
SOURCE_KEY = "guided_source"
URL_READ_KEY = "guided_url_read"
_KEPT = "guided_kept"
_PENDING = "guided_pending"
_AUDITED = "guided_audited"
_DONE = "guided_done"
_RECORDED = "guided_recorded"
_FINAL = "guided_final"
_TRAINED = "guided_trained"

STEPS = scaffold.STEPS
SOURCES = {"active": "A built-in dataset", "upload": "My own CSV"}
_CHART_CONFIG = {"displayModeBar": False}


# ---------------------------------------------------------------------------------------------
# State
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """A CSV chosen in step 1, waiting for its audit in step 2."""

    upload: upload.Upload
    target: str
    task: str | None
    types: dict
    csv_bytes: bytes | None

    @property
    def name(self) -> str:
        return audit.dataset_name(self.upload, self.target)


@dataclass(frozen=True)
class Audited:
    """What step 2 settled for one dataset.

    Attributes
    ----------
    report : AuditReport
    dropped : tuple of str
        Every column kept out of the features because of the leak check.
    extra_dropped : tuple of str
        The part of ``dropped`` the dataset did not already keep out itself.
    csv_bytes, csv_name : optional
        The uploaded file, for the zip.
    """

    report: AuditReport
    dropped: tuple[str, ...]
    extra_dropped: tuple[str, ...]
    csv_bytes: bytes | None
    csv_name: str | None


@dataclass(frozen=True)
class Final:
    """The last fit of step 5: the score the scaffold reproduces."""

    key: tuple
    model: str
    metric: str
    metric_reason: str
    result: training.FitResult
    baseline: float


def _kept() -> dict:
    return st.session_state.setdefault(_KEPT, {})


def _restore(key: str, default: object, options: list | None = None) -> None:
    """Give a widget its kept value (or the default) before it is drawn."""
    if key not in st.session_state:
        st.session_state[key] = _kept().get(key, default)
    if options is not None and st.session_state[key] not in options:
        st.session_state[key] = default


def _keep(key: str) -> object:
    _kept()[key] = st.session_state[key]
    return st.session_state[key]


def _go(step: str) -> None:
    st.session_state[STEP_KEY] = step


def _done() -> set[str]:
    return st.session_state.setdefault(_DONE, set())


def _mark(step: str) -> None:
    _done().add(step)


def _source() -> str:
    return str(_kept().get(SOURCE_KEY, "active"))


def _pending() -> Pending | None:
    return st.session_state.get(_PENDING)


def _audited(name: str) -> Audited | None:
    return st.session_state.get(_AUDITED, {}).get(name)
