"""The run store: experiment runs and course progress, in the app's database (optionally mirrored to MLflow).

A run table like the ones a scheduler keeps for its jobs: each row says when a run happened,
on which data, with which split, model and parameters, what it scored, and what the learner
made of it. The runs live in ``lessons.db``'s database: an SQLite file by default (path from
``ML_SPINE_DB``, else a per-user default; WAL mode so many sessions can write at once), or a
shared PostgreSQL when ``ML_SPINE_DATABASE_URL`` is set. One short transaction per run.
Parameters and metrics are stored as JSON text; nothing is ever pickled.

Runs are scoped: each browser session writes under a random scope of its own, so no learner
sees another's runs, and a learner can name a workspace to come back to later.
"""

from __future__ import annotations

import importlib.util
import json
import math
import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select, update

from lessons import db

# DB_ENV, SCHEMA_VERSION and default_db_path are re-exported: callers named them here before
# the database moved to lessons.db.
from lessons.db import DB_ENV as DB_ENV
from lessons.db import SCHEMA_VERSION as SCHEMA_VERSION
from lessons.db import default_db_path as default_db_path
from lessons.db import progress, runs
from lessons.errors import DataError

MLFLOW_ENV = "MLFLOW_TRACKING_URI"
MLFLOW_EXPERIMENT = "ml-spine"


@dataclass(frozen=True)
class RunRecord:
    """One training run, in the shape the experiment log stores.

    Attributes
    ----------
    page : str
        Where the run happened, e.g. ``"train"``.
    dataset : str
        The dataset's name.
    split : str
        The split strategy, e.g. ``"time"``.
    model : str
        The model's name, e.g. ``"random_forest"``.
    params : dict
        Hyperparameters that were set.
    metrics : dict
        Metric name to value, e.g. ``{"validation_roc_auc": 0.81}``.
    leaks : dict
        Leak switches that were on (empty for an honest run).
    seed : int
    note : str
        The learner's note, editable later.
    created_at : str
        ISO time in UTC.
    run_id : int or None
        The store's id, set when the run is read back from the log.
    """

    page: str
    dataset: str
    split: str
    model: str
    params: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    leaks: dict = field(default_factory=dict)
    seed: int = 0
    note: str = ""
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    run_id: int | None = None

    @property
    def honest(self) -> bool:
        """True when no leak switch was on."""
        return not any(self.leaks.values())


# --------------------------------------------------------------------------------------------
# Scopes: who may see a run
# --------------------------------------------------------------------------------------------

_WORKSPACE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{2,39}$")


def new_session_scope() -> str:
    """A fresh random scope for one browser session; nobody else can guess it."""
    return f"session:{secrets.token_hex(12)}"


def workspace_scope(name: str) -> str:
    """The scope of a named workspace, after checking the name.

    Raises
    ------
    DataError
        If the name is not 3 to 40 lowercase letters, digits, ``-`` or ``_``.
    """
    cleaned = name.strip().lower()
    if not _WORKSPACE_NAME.match(cleaned):
        raise DataError(
            "A workspace name is 3 to 40 characters: lowercase letters, digits, '-' or '_', "
            "starting with a letter or digit (for example 'ada-churn-week1')."
        )
    return f"workspace:{cleaned}"


def scope_label(scope: str) -> str:
    """How a scope reads on the page."""
    kind, _, name = scope.partition(":")
    return f"workspace '{name}'" if kind == "workspace" else "this browser session (private)"


# --------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------


def _to_json(value: dict) -> str:
    return json.dumps(value, sort_keys=True, default=_jsonable)


def _jsonable(value: object) -> object:
    # numpy scalars and arrays, tuples of pairs and other odd values a page may pass.
    if hasattr(value, "item") and callable(value.item):
        try:
            return value.item()
        except (ValueError, TypeError):
            pass
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


def is_number(value: object) -> bool:
    """A finite int or float (not a bool): a value a metric chart can plot."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def format_value(value: object) -> str:
    """A parameter or metric value as a short, readable string."""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={format_value(v)}" for k, v in sorted(value.items())) or "none"
    return str(value)


_RUN_COLUMNS = (
    runs.c.id,
    runs.c.created_at,
    runs.c.page,
    runs.c.dataset,
    runs.c.split,
    runs.c.model,
    runs.c.params,
    runs.c.metrics,
    runs.c.leaks,
    runs.c.seed,
    runs.c.note,
)


class RunStore:
    """The run log in the app's database: created and migrated on first use, safe across threads.

    One engine per process and database (``db.engine_for``) is shared by every store, session
    and thread; each write is one short transaction. On SQLite (the default, one server) WAL
    mode lets readers carry on while one writer commits; on PostgreSQL several replicas share
    the log, so a named workspace follows a learner to whichever replica serves them.

    Parameters
    ----------
    path : str or Path, optional
        An SQLite file; its folder is created. Give ``path`` or ``url``, not both.
    url : str, optional
        A database URL (``postgresql+psycopg://…`` or ``sqlite:///…``). With neither,
        ``db.database_url()``: ``$ML_SPINE_DATABASE_URL``, else the SQLite file at
        ``default_db_path()``.
    """

    def __init__(self, path: str | Path | None = None, *, url: str | None = None) -> None:
        if path is not None and url is not None:
            raise ValueError("RunStore takes a path or a url, not both")
        self.url = db.sqlite_url(path) if path is not None else url or db.database_url()
        self.path = db.sqlite_path(self.url)
        self.engine = db.engine_for(self.url)
        self.migrate()

    @classmethod
    def at_url(cls, url: str) -> RunStore:
        """The run store in the database at ``url``."""
        return cls(url=url)

    def migrate(self) -> int:
        """Bring the schema up to ``SCHEMA_VERSION``; returns that version."""
        return db.migrate(self.engine)

    def schema_version(self) -> int:
        with db.reading(self.engine) as connection:
            return db.current_version(connection)

    def add(self, scope: str, record: RunRecord) -> int:
        """Append a run under ``scope``; returns its id."""
        with db.writing(self.engine) as connection:
            result = connection.execute(
                insert(runs).values(
                    scope=scope,
                    created_at=record.created_at,
                    page=record.page,
                    dataset=record.dataset,
                    split=record.split,
                    model=record.model,
                    params=_to_json(record.params),
                    metrics=_to_json(record.metrics),
                    leaks=_to_json(record.leaks),
                    seed=int(record.seed),
                    note=record.note,
                )
            )
            return int(result.inserted_primary_key[0])

    def runs(self, scope: str) -> list[RunRecord]:
        """The runs of one scope, oldest first."""
        query = select(*_RUN_COLUMNS).where(runs.c.scope == scope).order_by(runs.c.id)
        with db.reading(self.engine) as connection:
            rows = connection.execute(query).all()
        return [
            RunRecord(
                run_id=row.id,
                created_at=row.created_at,
                page=row.page,
                dataset=row.dataset,
                split=row.split,
                model=row.model,
                params=json.loads(row.params),
                metrics=json.loads(row.metrics),
                leaks=json.loads(row.leaks),
                seed=row.seed,
                note=row.note,
            )
            for row in rows
        ]

    def count(self, scope: str | None = None) -> int:
        """How many runs one scope (or the whole store) holds."""
        query = select(func.count()).select_from(runs)
        if scope is not None:
            query = query.where(runs.c.scope == scope)
        with db.reading(self.engine) as connection:
            return connection.execute(query).scalar_one()

    def set_note(self, scope: str, run_id: int, note: str) -> None:
        """Replace a run's note; only within its own scope."""
        with db.writing(self.engine) as connection:
            connection.execute(
                update(runs).where(runs.c.id == run_id, runs.c.scope == scope).values(note=note)
            )

    def set_mlflow_run_id(self, run_id: int, mlflow_run_id: str) -> None:
        with db.writing(self.engine) as connection:
            connection.execute(
                update(runs).where(runs.c.id == run_id).values(mlflow_run_id=mlflow_run_id)
            )

    def mlflow_run_id(self, run_id: int) -> str | None:
        with db.reading(self.engine) as connection:
            return connection.execute(
                select(runs.c.mlflow_run_id).where(runs.c.id == run_id)
            ).scalar_one_or_none()

    def save_progress(self, scope: str, payload: dict) -> None:
        """Keep one scope's course progress (a JSON-able dict), replacing the previous copy."""
        with db.writing(self.engine) as connection:
            statement = db.dialect_insert(connection, progress).values(
                scope=scope,
                updated_at=datetime.now(UTC).isoformat(timespec="seconds"),
                payload=_to_json(payload),
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[progress.c.scope],
                    set_={
                        "updated_at": statement.excluded.updated_at,
                        "payload": statement.excluded.payload,
                    },
                )
            )

    def load_progress(self, scope: str) -> dict | None:
        """One scope's saved course progress, or None when it has none."""
        with db.reading(self.engine) as connection:
            payload = connection.execute(
                select(progress.c.payload).where(progress.c.scope == scope)
            ).scalar_one_or_none()
        return json.loads(payload) if payload is not None else None

    def move(self, source_scope: str, target_scope: str) -> int:
        """Move every run of one scope to another (a session's runs into a workspace)."""
        with db.writing(self.engine) as connection:
            result = connection.execute(
                update(runs).where(runs.c.scope == source_scope).values(scope=target_scope)
            )
            return result.rowcount


# --------------------------------------------------------------------------------------------
# Optional MLflow
# --------------------------------------------------------------------------------------------


def mlflow_status() -> tuple[bool, str]:
    """Whether runs are also sent to MLflow, and why (not)."""
    uri = os.environ.get(MLFLOW_ENV)
    if not uri:
        return False, f"{MLFLOW_ENV} is not set, so runs stay in the run log only."
    if importlib.util.find_spec("mlflow") is None:
        return (
            False,
            f"{MLFLOW_ENV} is set but MLflow is not installed (pip install mlflow-skinny).",
        )
    return True, f"Each run is also logged to MLflow at {uri}."


def _mlflow_key(name: str) -> str:
    # MLflow keys allow letters, digits, _ - . space / only.
    return re.sub(r"[^0-9A-Za-z_\-. /]", "_", str(name))[:250]


def log_to_mlflow(
    record: RunRecord, *, tracking_uri: str | None = None, experiment: str = MLFLOW_EXPERIMENT
) -> str:
    """Log one run to MLflow (parameters, numeric metrics, tags); returns MLflow's run id.

    MLflow is imported here, not at module import, so the app only pays for it when a
    tracking URI is configured.
    """
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=tracking_uri or os.environ.get(MLFLOW_ENV))
    found = client.get_experiment_by_name(experiment)
    experiment_id = found.experiment_id if found else client.create_experiment(experiment)
    tags = {
        "ml_spine.page": record.page,
        "ml_spine.dataset": record.dataset,
        "ml_spine.split": record.split,
        "ml_spine.model": record.model,
        "ml_spine.honest": str(record.honest).lower(),
        "mlflow.note.content": record.note,
    }
    run = client.create_run(
        experiment_id, tags=tags, run_name=f"{record.model} on {record.dataset}"
    )
    run_id = run.info.run_id
    for key, value in {**record.params, "seed": record.seed}.items():
        client.log_param(run_id, _mlflow_key(key), format_value(value)[:6000])
    for key, value in record.leaks.items():
        client.log_param(run_id, _mlflow_key(f"leak.{key}"), str(value))
    for key, value in record.metrics.items():
        if is_number(value):
            client.log_metric(run_id, _mlflow_key(key), float(value))
    client.set_terminated(run_id)
    return run_id
