import os
import time

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy.engine import make_url

from lessons import db

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _isolated_run_log(tmp_path, monkeypatch):
    """Every test writes its experiment runs to its own SQLite file, never the user's (nor a
    PostgreSQL database configured in the environment)."""
    monkeypatch.setenv("ML_SPINE_DB", str(tmp_path / "runs.sqlite"))
    monkeypatch.delenv(db.DATABASE_URL_ENV, raising=False)


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for this test process (each xdist worker starts its own).

    Skipped with the reason when Debian's server binaries are missing, except under CI
    (``CI`` set), where a missing server is a failure: the PostgreSQL half of the suite must
    not vanish silently there.
    """
    from tests.postgres import PostgresServer, Unavailable

    server = None
    started = time.perf_counter()
    try:
        server = PostgresServer()
        server.start()
    except Unavailable as reason:
        if server is not None:
            server.stop()
        message = f"PostgreSQL is not available: {reason}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server.start_seconds = time.perf_counter() - started
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server):
    """The SQLAlchemy URL of a database on the test server, shared by the whole session and
    migrated to the current schema."""
    url = postgres_server.url(postgres_server.create_database())
    db.migrate(db.engine_for(url))
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A database at the current schema with no rows, on each backend: a new SQLite file, or
    the session's PostgreSQL database emptied."""
    if request.param == "sqlite":
        url = db.sqlite_url(tmp_path / "store.sqlite")
        yield url
        db.dispose_engine(url)
        return
    url = request.getfixturevalue("postgres_url")
    server = request.getfixturevalue("postgres_server")
    tables = [table.name for table in db.metadata.sorted_tables if table is not db.schema_version]
    server.empty_tables(make_url(url).database, tables)
    yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_store_url(request, tmp_path):
    """A database with no tables at all, on each backend (for the migrations' own tests)."""
    if request.param == "sqlite":
        url = db.sqlite_url(tmp_path / "empty.sqlite")
        yield url
        db.dispose_engine(url)
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create_database()
    url = server.url(name)
    yield url
    db.dispose_engine(url)
    server.drop_database(name)
