"""The run store: experiment runs and course progress, kept in SQLite (optionally mirrored to MLflow).

A run table like the ones a scheduler keeps for its jobs: each row says when a run happened,
on which data, with which split, model and parameters, what it scored, and what the learner
made of it. The store is one SQLite file (path from ``ML_SPINE_DB``, else a per-user default),
in WAL mode so many sessions can write at once, one short transaction per run. Parameters and
metrics are stored as JSON text; nothing is ever pickled.

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
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lessons.errors import DataError

DB_ENV = "ML_SPINE_DB"
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

# Each migration takes the schema from version i to i + 1; released ones are never edited.
MIGRATIONS: tuple[str, ...] = (
    # v1, the first release: one row per run, parameters and metrics as JSON text.
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        scope TEXT NOT NULL,
        created_at TEXT NOT NULL,
        page TEXT NOT NULL,
        dataset TEXT NOT NULL,
        split TEXT NOT NULL,
        model TEXT NOT NULL,
        params TEXT NOT NULL,
        metrics TEXT NOT NULL,
        leaks TEXT NOT NULL,
        seed INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    """,
    # v2: list a scope's runs without scanning everyone's, and remember the MLflow run.
    """
    CREATE INDEX runs_by_scope ON runs (scope, id);
    ALTER TABLE runs ADD COLUMN mlflow_run_id TEXT;
    """,
    # v3: a learner's course progress, one JSON document per scope, so a workspace keeps it.
    """
    CREATE TABLE progress (
        scope TEXT PRIMARY KEY,
        updated_at TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> Path:
    """Where the log lives: ``$ML_SPINE_DB``, else ``$XDG_DATA_HOME/ml-spine/runs.sqlite``
    (``~/.local/share/ml-spine/runs.sqlite`` when XDG_DATA_HOME is unset)."""
    if configured := os.environ.get(DB_ENV):
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "ml-spine" / "runs.sqlite"


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


class RunStore:
    """An SQLite run log at ``path``: created and migrated on first use, safe across threads.

    Each thread gets its own connection (SQLite connections are not shared across threads),
    so one store may be shared by all sessions and threads of a server. Writes are one ``BEGIN IMMEDIATE`` transaction each;
    WAL mode lets readers carry on while one writer commits.

    Parameters
    ----------
    path : str or Path, optional
        The database file; ``default_db_path()`` when omitted. Its folder is created.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self.migrate()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One connection per thread, reused: opening one costs more than a short write.
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 30000")
            # WAL with NORMAL already survives a killed server (a commit is in the WAL file
            # once it returns), but a power cut or a crashed host can drop the last commits.
            # FULL syncs the WAL on every commit: one fsync per run, and a run whose write
            # returned is on disk. Runs are written one per click, so the cost is invisible.
            connection.execute("PRAGMA synchronous = FULL")
            self._local.connection = connection
        yield connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def migrate(self) -> int:
        """Bring the schema up to ``SCHEMA_VERSION``; returns the version found before."""
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode = WAL")
        with self._transaction() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
            )
            row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
            found = row[0] or 0
            if found > SCHEMA_VERSION:
                raise DataError(
                    f"The run log at {self.path} was written by a newer ML Spine (schema "
                    f"v{found}, this one knows v{SCHEMA_VERSION}); upgrade, or point "
                    f"{DB_ENV} at another file."
                )
            for version in range(found, SCHEMA_VERSION):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute("INSERT INTO schema_version VALUES (?)", (version + 1,))
        return found

    def schema_version(self) -> int:
        with self._connect() as connection:
            return connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def add(self, scope: str, record: RunRecord) -> int:
        """Append a run under ``scope``; returns its id."""
        with self._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO runs (scope, created_at, page, dataset, split, model, params, "
                "metrics, leaks, seed, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    scope,
                    record.created_at,
                    record.page,
                    record.dataset,
                    record.split,
                    record.model,
                    _to_json(record.params),
                    _to_json(record.metrics),
                    _to_json(record.leaks),
                    int(record.seed),
                    record.note,
                ),
            )
            return int(cursor.lastrowid)

    def runs(self, scope: str) -> list[RunRecord]:
        """The runs of one scope, oldest first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, created_at, page, dataset, split, model, params, metrics, leaks, "
                "seed, note FROM runs WHERE scope = ? ORDER BY id",
                (scope,),
            ).fetchall()
        return [
            RunRecord(
                run_id=row[0],
                created_at=row[1],
                page=row[2],
                dataset=row[3],
                split=row[4],
                model=row[5],
                params=json.loads(row[6]),
                metrics=json.loads(row[7]),
                leaks=json.loads(row[8]),
                seed=row[9],
                note=row[10],
            )
            for row in rows
        ]

    def count(self, scope: str | None = None) -> int:
        """How many runs one scope (or the whole store) holds."""
        with self._connect() as connection:
            if scope is None:
                return connection.execute("SELECT count(*) FROM runs").fetchone()[0]
            return connection.execute(
                "SELECT count(*) FROM runs WHERE scope = ?", (scope,)
            ).fetchone()[0]

    def set_note(self, scope: str, run_id: int, note: str) -> None:
        """Replace a run's note; only within its own scope."""
        with self._transaction() as connection:
            connection.execute(
                "UPDATE runs SET note = ? WHERE id = ? AND scope = ?", (note, run_id, scope)
            )

    def set_mlflow_run_id(self, run_id: int, mlflow_run_id: str) -> None:
        with self._transaction() as connection:
            connection.execute(
                "UPDATE runs SET mlflow_run_id = ? WHERE id = ?", (mlflow_run_id, run_id)
            )

    def mlflow_run_id(self, run_id: int) -> str | None:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT mlflow_run_id FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        return row[0] if row else None

    def save_progress(self, scope: str, payload: dict) -> None:
        """Keep one scope's course progress (a JSON-able dict), replacing the previous copy."""
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO progress (scope, updated_at, payload) VALUES (?, ?, ?) "
                "ON CONFLICT (scope) DO UPDATE SET updated_at = excluded.updated_at, "
                "payload = excluded.payload",
                (scope, datetime.now(UTC).isoformat(timespec="seconds"), _to_json(payload)),
            )

    def load_progress(self, scope: str) -> dict | None:
        """One scope's saved course progress, or None when it has none."""
        with self._connect() as connection:
            row = connection.execute(
                "SELECT payload FROM progress WHERE scope = ?", (scope,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def move(self, source_scope: str, target_scope: str) -> int:
        """Move every run of one scope to another (a session's runs into a workspace)."""
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE runs SET scope = ? WHERE scope = ?", (target_scope, source_scope)
            )
            return cursor.rowcount


# --------------------------------------------------------------------------------------------
# Optional MLflow
# --------------------------------------------------------------------------------------------


def mlflow_status() -> tuple[bool, str]:
    """Whether runs are also sent to MLflow, and why (not)."""
    uri = os.environ.get(MLFLOW_ENV)
    if not uri:
        return False, f"{MLFLOW_ENV} is not set, so runs stay in the SQLite log only."
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
