"""Where this session's runs go: the shared run log (``lessons.db``'s database), under this
session's scope.

Owns the ``experiments_scope`` and ``experiments_fallback`` session_state keys. A browser
session writes under a random scope of its own; naming a workspace switches the scope to
it, so the learner can come back to those runs from another session (``?workspace=name``).
The log is the SQLite file by default, or the PostgreSQL database named by
``ML_SPINE_DATABASE_URL`` (several replicas then share named workspaces). If the database
cannot be used (a read-only disk, a full one, a server that is down) runs are kept in the
session instead and the log page says so; nothing a learner did is lost silently.
"""

from __future__ import annotations

import logging

import streamlit as st

from lessons import db
from lessons import store as run_store
from lessons.errors import DataError

SCOPE_KEY = "experiments_scope"
FALLBACK_KEY = "experiments_fallback"
PROBLEM_KEY = "experiments_store_problem"
WORKSPACE_PARAM = "workspace"

_log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def _store_at(url: str) -> run_store.RunStore:
    # Safe to share: the store holds a URL, and every call is its own short transaction.
    return run_store.RunStore.at_url(url)


def store() -> run_store.RunStore:
    """The run store in the configured database (``ML_SPINE_DATABASE_URL``, else the SQLite
    file at ``ML_SPINE_DB``), created on first use."""
    return _store_at(db.database_url())


def scope() -> str:
    """This session's scope; on first use, a workspace named in the URL or a fresh one."""
    if SCOPE_KEY not in st.session_state:
        named = st.query_params.get(WORKSPACE_PARAM)
        try:
            chosen = run_store.workspace_scope(named) if named else None
        except DataError:
            chosen = None
        st.session_state[SCOPE_KEY] = chosen or run_store.new_session_scope()
    return st.session_state[SCOPE_KEY]


def set_scope(new_scope: str) -> None:
    st.session_state[SCOPE_KEY] = new_scope


def problem() -> str | None:
    """Why the database could not be used in this session, if it could not."""
    return st.session_state.get(PROBLEM_KEY)


def _remember_problem(error: Exception) -> None:
    _log.warning("run store unavailable: %s", error)
    st.session_state[PROBLEM_KEY] = (
        f"The run log at {db.describe(db.database_url())} could not be used ({error}); this "
        f"session's runs are kept in memory only. Set {run_store.DB_ENV} to a writable file, "
        f"or {db.DATABASE_URL_ENV} to a database that is up."
    )


def record(run: run_store.RunRecord) -> None:
    """Write one run under this session's scope, and to MLflow when it is configured."""
    try:
        run_id = store().add(scope(), run)
    except (*db.UNAVAILABLE, DataError) as error:
        _remember_problem(error)
        st.session_state[FALLBACK_KEY] = [*st.session_state.get(FALLBACK_KEY, []), run]
        return
    enabled, _ = run_store.mlflow_status()
    if enabled:
        try:
            store().set_mlflow_run_id(run_id, run_store.log_to_mlflow(run))
        except Exception as error:  # MLflow is optional: its failure must never lose a run.
            _log.warning("MLflow logging failed: %s", error)
            st.session_state[PROBLEM_KEY] = f"The run is in the log, but MLflow refused it: {error}"


def runs() -> list[run_store.RunRecord]:
    """This scope's runs, oldest first (plus any kept in memory if the database failed)."""
    fallback = list(st.session_state.get(FALLBACK_KEY, []))
    try:
        stored = store().runs(scope())
    except (*db.UNAVAILABLE, DataError) as error:
        _remember_problem(error)
        return fallback
    return [*stored, *fallback]
