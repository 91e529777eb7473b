"""The one database behind the app: SQLite by default, PostgreSQL when a URL is configured.

Everything ML Spine keeps across sessions (the experiment log, course progress in a named
workspace, classroom rooms and their votes) lives in the tables defined here, reached through
one SQLAlchemy engine per process and URL. One server needs nothing: an SQLite file (WAL mode,
so many sessions read while one writes). Several replicas behind a proxy share a PostgreSQL
database named by ``ML_SPINE_DATABASE_URL``, so a learner and the projector may land on
different replicas and still see the same room.

Queries are SQLAlchemy Core expressions, never SQL built from strings. The schema is versioned:
``schema_version`` holds one row per applied migration and ``migrate`` applies the missing
ones in order, under a lock, so two replicas starting at once migrate once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    DDL,
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    create_engine,
    event,
    func,
    inspect,
    select,
)
from sqlalchemy import insert as generic_insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.engine.url import URL
from sqlalchemy.exc import SQLAlchemyError

from lessons.errors import DataError

DATABASE_URL_ENV = "ML_SPINE_DATABASE_URL"
DB_ENV = "ML_SPINE_DB"

# How long an SQLite writer waits for another one before giving up. Writes are one short
# transaction each, so a wait this long only happens on a machine that is badly overloaded.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Any two replicas agree on this number: it names the lock that serialises their migrations.
MIGRATION_LOCK_KEY = 0x4D4C5350  # "MLSP"
# What a caller catches when the database cannot be used (a read-only disk, a server down).
UNAVAILABLE: tuple[type[Exception], ...] = (SQLAlchemyError, OSError)

_WRITE_OPTION = "ml_spine_write"


# --------------------------------------------------------------------------------------------
# Where the database is
# --------------------------------------------------------------------------------------------


def default_db_path() -> Path:
    """Where the SQLite file lives: ``$ML_SPINE_DB``, else
    ``$XDG_DATA_HOME/ml-spine/runs.sqlite`` (``~/.local/share/ml-spine/runs.sqlite`` when
    XDG_DATA_HOME is unset)."""
    if configured := os.environ.get(DB_ENV):
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "ml-spine" / "runs.sqlite"


def sqlite_url(path: str | Path) -> str:
    """The SQLAlchemy URL of an SQLite file."""
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def database_url() -> str:
    """The configured database: ``$ML_SPINE_DATABASE_URL`` (for example
    ``postgresql+psycopg://ml@db.example:5432/mlspine``), else the SQLite file at
    ``default_db_path()``."""
    return os.environ.get(DATABASE_URL_ENV) or sqlite_url(default_db_path())


def describe(url: str) -> str:
    """The URL as it may be shown on a page or in a log: any password masked."""
    return make_url(url).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL; None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


# --------------------------------------------------------------------------------------------
# Engines: one per process and URL
# --------------------------------------------------------------------------------------------

_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """The engine for ``url``, created on first use and shared by every thread afterwards.

    SQLite: WAL mode, a busy timeout, foreign keys on, every commit synced (``synchronous =
    FULL``: a write that returned survives a power cut), and write transactions that take the
    write lock up front (``BEGIN IMMEDIATE``) so two writers queue instead of failing.
    PostgreSQL: a small pool whose connections are checked before use (a database restart
    costs one retry, not an error page).
    """
    key = make_url(url).render_as_string(hide_password=False)
    with _engines_lock:
        if key not in _engines:
            _engines[key] = _create_engine(key)
        return _engines[key]


def dispose_engine(url: str) -> None:
    """Close the pooled connections of ``url``'s engine and forget it (tests, shutdown)."""
    key = make_url(url).render_as_string(hide_password=False)
    with _engines_lock:
        engine = _engines.pop(key, None)
        _sqlite_writer_locks.pop(engine, None)
    if engine is not None:
        engine.dispose()


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if path := sqlite_path(url):
            path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread off: Streamlit serves each session from its own thread, and the
        # pool hands a connection to one thread at a time.
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_timeout=30)


def _configure_sqlite_connection(dbapi_connection, _record) -> None:
    # The driver's own transaction handling is switched off: _begin_sqlite_transaction
    # decides between a plain BEGIN (readers) and BEGIN IMMEDIATE (writers).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    # A deferred transaction that reads and then writes can fail at once with "database is
    # locked" (SQLite will not wait when waiting could deadlock); taking the write lock at
    # BEGIN makes concurrent writers wait their turn under busy_timeout instead.
    if connection.get_execution_options().get(_WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


_sqlite_writer_locks: dict[Engine, threading.RLock] = {}


@contextmanager
def _one_sqlite_writer(engine: Engine) -> Iterator[None]:
    # SQLite lets one writer in at a time, and a writer that finds the lock taken sleeps in
    # steps of up to 100 ms before it looks again: sixty threads voting at once then spend
    # most of their time asleep. Within a process they queue on a lock instead, and each
    # starts the moment the previous one commits (other processes still wait on busy_timeout).
    if engine.dialect.name != "sqlite":
        yield
        return
    with _engines_lock:
        lock = _sqlite_writer_locks.setdefault(engine, threading.RLock())
    with lock:
        yield


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back if it raises."""
    with _one_sqlite_writer(engine), engine.connect() as connection:
        connection.execution_options(**{_WRITE_OPTION: True})
        with connection.begin():
            yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """One read-only transaction (a consistent snapshot on SQLite; never takes a write lock)."""
    with engine.connect() as connection:
        yield connection


def dialect_insert(connection: Connection, table: Table):
    """``insert(table)`` in the connection's own dialect, which has ``on_conflict_do_update``
    and ``on_conflict_do_nothing`` (SQLite and PostgreSQL both do)."""
    name = connection.dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise DataError(f"ML Spine stores its data in SQLite or PostgreSQL, not {name}.")


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on both backends (SQLite keeps no time zone: it stores the
    UTC wall time, and reading it back puts the zone back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime reached the database; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value if dialect.name == "postgresql" else value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# --------------------------------------------------------------------------------------------
# The tables (their current shape; the migrations below create and alter them)
# --------------------------------------------------------------------------------------------

metadata = MetaData()

schema_version = Table("schema_version", metadata, Column("version", Integer, nullable=False))

# The experiment log: one row per run, parameters and metrics as JSON text (never pickled).
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scope", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("page", Text, nullable=False),
    Column("dataset", Text, nullable=False),
    Column("split", Text, nullable=False),
    Column("model", Text, nullable=False),
    Column("params", Text, nullable=False),
    Column("metrics", Text, nullable=False),
    Column("leaks", Text, nullable=False),
    Column("seed", Integer, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("mlflow_run_id", Text),
    Index("runs_by_scope", "scope", "id"),
    # AUTOINCREMENT: an id is never reused, even after the newest run was deleted.
    sqlite_autoincrement=True,
)

# A learner's course progress, one JSON document per scope.
progress = Table(
    "progress",
    metadata,
    Column("scope", Text, primary_key=True),
    Column("updated_at", Text, nullable=False),
    Column("payload", Text, nullable=False),
)

# Classroom rooms. A code names one room until the room is purged (a day after it expired);
# what the projector shows (the follow state) is a page, its URL parameters and a version.
rooms = Table(
    "rooms",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("host", String(128), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime),
    Column("follow_page", String(200)),
    Column("follow_params", Text),
    Column("follow_version", Integer, nullable=False, server_default="0"),
    Index("rooms_by_host", "host", "created_at"),
    Index("rooms_by_expiry", "expires_at"),
)

seats = Table(
    "seats",
    metadata,
    Column("room", String(8), ForeignKey("rooms.code", ondelete="CASCADE"), nullable=False),
    Column("seat", String(128), nullable=False),
    Column("joined_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("room", "seat", name="seats_pk"),
)

# The current round of each question asked in a room, and whether its answer is revealed.
questions = Table(
    "questions",
    metadata,
    Column("room", String(8), ForeignKey("rooms.code", ondelete="CASCADE"), nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("round", Integer, nullable=False),
    Column("revealed", Boolean, nullable=False),
    PrimaryKeyConstraint("room", "question_id", name="questions_pk"),
)

# One vote per seat per question round. The primary key's index, (room, question_id, round,
# seat), is also the tally's index: a tally reads one question round's rows and nothing else.
votes = Table(
    "votes",
    metadata,
    Column("room", String(8), ForeignKey("rooms.code", ondelete="CASCADE"), nullable=False),
    Column("question_id", String(200), nullable=False),
    Column("round", Integer, nullable=False),
    Column("seat", String(128), nullable=False),
    Column("answer", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("room", "question_id", "round", "seat", name="votes_pk"),
)

# Failed joins, per session token: what the join rate limit counts.
join_attempts = Table(
    "join_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("session", String(128), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("join_attempts_by_session", "session", "at"),
)


# --------------------------------------------------------------------------------------------
# Migrations
# --------------------------------------------------------------------------------------------
#
# Step i takes the schema from version i - 1 to i; released steps are never edited. Steps 1-3
# are the run store's own history (an SQLite file written by an older ML Spine already records
# them in schema_version), and each of them creates only what is missing, so a file whose
# tables exist without a version row is adopted too. A later change to a released table is a
# new step that alters it.


def _create(connection: Connection, *tables: Table) -> None:
    for table in tables:
        table.create(connection, checkfirst=True)


def _v1_runs(connection: Connection) -> None:
    _create(connection, runs)


def _v2_runs_index_and_mlflow_id(connection: Connection) -> None:
    # Tables created by step 1 of this module already have both; a file from the first
    # release has neither. SQLAlchemy Core has no ADD COLUMN construct: a fixed statement.
    if "mlflow_run_id" not in {
        column["name"] for column in inspect(connection).get_columns("runs")
    }:
        connection.execute(DDL("ALTER TABLE runs ADD COLUMN mlflow_run_id TEXT"))
    for index in runs.indexes:
        index.create(connection, checkfirst=True)


def _v3_progress(connection: Connection) -> None:
    _create(connection, progress)


def _v4_rooms(connection: Connection) -> None:
    _create(connection, rooms, seats, questions, votes, join_attempts)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _v1_runs,
    _v2_runs_index_and_mlflow_id,
    _v3_progress,
    _v4_rooms,
)
SCHEMA_VERSION = len(MIGRATIONS)


def current_version(connection: Connection) -> int:
    """The schema version recorded in the database (0 for an empty one)."""
    if not inspect(connection).has_table(schema_version.name):
        return 0
    return connection.execute(select(func.max(schema_version.c.version))).scalar() or 0


def migrate(engine: Engine) -> int:
    """Apply the missing migrations in order, in one transaction; returns the schema version.

    Idempotent, and safe when several processes start at once: on PostgreSQL they queue on a
    transaction-scoped advisory lock, on SQLite on the write lock (``BEGIN IMMEDIATE``).

    Raises
    ------
    DataError
        If the database was written by a newer ML Spine (a schema version this one does not know).
    """
    with writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
        _create(connection, schema_version)
        found = current_version(connection)
        if found > SCHEMA_VERSION:
            raise DataError(
                f"The database at {describe(str(engine.url))} was written by a newer ML Spine "
                f"(schema v{found}, this one knows v{SCHEMA_VERSION}); upgrade, or point "
                f"{DATABASE_URL_ENV} (or {DB_ENV}) at another database."
            )
        for version in range(found + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[version - 1](connection)
            connection.execute(generic_insert(schema_version).values(version=version))
    return SCHEMA_VERSION
