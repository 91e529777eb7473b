import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _isolated_run_log(tmp_path, monkeypatch):
    """Every test writes its experiment runs to its own SQLite file, never the user's."""
    monkeypatch.setenv("ML_SPINE_DB", str(tmp_path / "runs.sqlite"))
