"""An experiment log written the way ML Spine wrote it before lessons/db.py: plain sqlite3.

The statements below are the released migrations of the old ``lessons/store.py``, verbatim, and
``write_legacy_log`` runs them the way its ``RunStore.migrate`` did (``schema_version`` rows
included), so the tests can check that today's store adopts a file an older release left.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

LEGACY_MIGRATIONS: tuple[str, ...] = (
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


def write_legacy_log(path: Path, *, version: int = 3, with_version_table: bool = True) -> None:
    """An old run log at ``path``: the schema up to ``version``, and one run in 'workspace:ada'
    (plus progress when the schema has it)."""
    with sqlite3.connect(path, isolation_level=None) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        if with_version_table:
            connection.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for number in range(version):
            for statement in LEGACY_MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            if with_version_table:
                connection.execute("INSERT INTO schema_version VALUES (?)", (number + 1,))
        connection.execute(
            "INSERT INTO runs (scope, created_at, page, dataset, split, model, params, metrics,"
            " leaks, seed, note) VALUES ('workspace:ada', '2026-01-01T00:00:00+00:00', 'train',"
            " 'fraud', 'stratified', 'linear', '{\"C\": 1.0}', '{\"validation_roc_auc\": 0.9}',"
            " '{}', 3, 'first')"
        )
        if version >= 3:
            connection.execute(
                "INSERT INTO progress VALUES ('workspace:ada', '2026-01-01T00:00:00+00:00', "
                '\'{"visited": ["frame"]}\')'
            )
        connection.execute("COMMIT")
