"""Live feel as deployed: ``serve.py`` warms every page without delaying health, and the main
controls rerun only their own part of the page, as the server's run log shows."""

import time
from pathlib import Path

import pytest

from components import navigation, run_log
from serve import READY_FILE_ENV, WARM_ENV, wait_for_ready_file
from tests.e2e.conftest import PATIENCE, Server, wait_ready

WARM_PATIENCE_S = 300


@pytest.mark.slow
def test_serve_warms_every_page_after_health_and_controls_rerun_only_their_part(
    page, tmp_path: Path
):
    log, ready = tmp_path / "runs.jsonl", tmp_path / "ready"
    # The small real table keeps the warm-up short; what is warmed is the same for any data.
    env = {run_log.ENV: str(log), READY_FILE_ENV: str(ready), WARM_ENV: "wine:0"}
    server = Server(env=env, warm=True)
    try:
        # Health answered (the Server waits for it) before the warm-up could have finished.
        assert not ready.exists()
        assert wait_for_ready_file(ready, WARM_PATIENCE_S)
        pages = len(navigation.existing_pages())
        assert ready.read_text().startswith(f"ML Spine warm: {pages} of {pages} pages, ")
        warmed = [r for r in run_log.read(str(log)) if r["trigger"] == "new session"]
        assert {r["page"] for r in warmed} == {s.url_path for s in navigation.existing_pages()}
        assert all(r["outcome"] == "finished" for r in warmed)

        page.goto(f"{server.url}/leakage?dataset=wine&seed=0&scenario=post_outcome&leak=on")
        wait_ready(page)
        for state in ("off", "on"):
            page.get_by_text("Leak on", exact=True).click()
            page.wait_for_url(f"**leak={state}**", timeout=PATIENCE)
            wait_ready(page)
        time.sleep(0.5)
        switched = [r for r in run_log.read(str(log)) if "leakage_leak" in r["trigger"]]
        # Each switch reruns only the lab, never the whole page.
        assert [r["kind"] for r in switched] == ["fragment leakage lab"] * 2, switched
        assert all(r["outcome"] == "finished" for r in switched)
        assert not [r for r in run_log.read(str(log)) if r["trigger"] == "rerun"]
        # Nothing a learner chose is written: keys only, no values.
        text = log.read_text()
        assert "wine" not in text
    finally:
        server.stop()
