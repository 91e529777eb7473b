import json
import os
import shutil
import tempfile
import time
from pathlib import Path

# One thread per test process, set before numpy or scikit-learn load: `make test` runs one
# process per core, and BLAS and OpenMP threads on top of that only wait on each other (the
# same monitoring tests took about a quarter more CPU with them). Processes the tests start
# (servers, generated scripts) inherit it.
for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from lessons import db  # noqa: E402

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


# pytest-xdist's `--dist loadgroup` sends the tests of one `xdist_group` to one worker by
# renaming each test's node id (``item._nodeid``), which pytest 9 no longer reads, so the groups
# were ignored (pytest-xdist issue 1386). The workers write each grouped test's group to this
# file instead, and the scheduler below reads it: the same grouping, by the same marks. Drop it
# once the pinned pytest-xdist groups by itself again.
_GROUPS_ENV = "ML_SPINE_TEST_XDIST_GROUPS"


def pytest_configure(config):
    if config.getoption("dist", "no") == "loadgroup" and config.getoption("numprocesses", None):
        folder = tempfile.mkdtemp(prefix="xdist-groups-")
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        os.environ[_GROUPS_ENV] = str(Path(folder) / "groups.json")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Start the longest work first, so no worker is left alone with it at the end.

    With ``--dist loadgroup --no-loadscope-reorder`` (pyproject.toml) the workers take the tests
    in this order, a group's tests all together: the end-to-end groups (each a chain of browser
    tests on one server, mostly waiting), then the groups that share an expensive computation,
    then the tests marked ``slow``, then the rest in collection order.
    """

    def start(item) -> int:
        if item.get_closest_marker("xdist_group"):
            return 0 if "tests/e2e/" in item.nodeid else 1
        return 2 if item.get_closest_marker("slow") else 3

    items.sort(key=start)
    groups_file = os.environ.get(_GROUPS_ENV)
    if groups_file and getattr(config, "workerinput", {}).get("workerid") == "gw0":
        groups = {
            item.nodeid: "_".join(sorted(str(m.args[0]) for m in item.iter_markers("xdist_group")))
            for item in items
            if item.get_closest_marker("xdist_group")
        }
        partial = Path(groups_file + ".partial")
        partial.write_text(json.dumps(groups), encoding="utf-8")
        partial.replace(groups_file)


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup`` with the groups the first worker wrote (see ``_GROUPS_ENV``)."""
    if config.getoption("dist", "no") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:
                # Read once, when every worker has finished collecting (gw0 wrote it then).
                self.groups = json.loads(Path(os.environ[_GROUPS_ENV]).read_text("utf-8"))
            return self.groups.get(nodeid, nodeid)

    return GroupScheduling(config, log)
