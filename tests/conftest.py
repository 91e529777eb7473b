import os

# One thread per test process, set before numpy or scikit-learn load: `make test` runs one
# process per core, and BLAS and OpenMP threads on top of that only wait on each other (the
# same monitoring tests took about a quarter more CPU with them). Processes the tests start
# (servers, generated scripts) inherit it.
for _threads in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _isolated_run_log(tmp_path, monkeypatch):
    """Every test writes its experiment runs to its own SQLite file, never the user's."""
    monkeypatch.setenv("ML_SPINE_DB", str(tmp_path / "runs.sqlite"))


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
