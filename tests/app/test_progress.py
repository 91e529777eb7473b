"""Progress across the spine: visits and key interactions are recorded, shown on the home
page and in the sidebar, and kept with a named workspace."""

import pytest

from lessons.progress import Progress
from tests.app.conftest import open_app


def _progress(at) -> Progress:
    state = at.session_state
    return state["progress_state"] if "progress_state" in state else Progress()


def _sidebar_text(at) -> str:
    return " ".join(p.proto.text for p in at.sidebar.get("progress")) + " ".join(
        c.value for c in at.sidebar.caption
    )


def test_a_visit_shows_on_the_home_page_and_in_the_sidebar():
    at = open_app("pages/split.py", dataset="wine")
    assert "split" in _progress(at).visited
    assert "0 of 7 lessons done" in _sidebar_text(at)
    at.switch_page("pages/home.py").run()
    assert not at.exception
    (table,) = [df for df in at.dataframe if "progress" in df.value.columns]
    row = table.value.set_index("lesson").loc["2. Split the data"]
    assert row["status"] == "started"
    assert 0 < row["progress"] < 1
    assert table.value.set_index("lesson").loc["4. Train live", "status"] == "not started"
    assert any("next up: 1. Frame the problem" in m.value for m in at.markdown)


@pytest.mark.slow
def test_switching_a_leak_and_training_a_model_are_key_interactions():
    at = open_app("pages/leakage.py", dataset="churn")
    at.toggle(key="leakage_leak").set_value(False).run()
    assert not at.exception
    assert ("leakage", "leak_switched") in _progress(at).interactions
    at.switch_page("pages/train.py").run()
    assert not at.exception
    assert ("train", "model_trained") in _progress(at).interactions
    at.switch_page("pages/metrics.py").run()
    assert ("metrics", "threshold_moved") not in _progress(at).interactions
    at.slider(key="metrics_threshold").set_value(0.3).run()
    assert not at.exception
    assert ("metrics", "threshold_moved") in _progress(at).interactions


def test_progress_is_kept_with_a_named_workspace():
    at = open_app("pages/experiments.py", dataset="wine")
    at.text_input(key="experiments_workspace_name").input("ada-progress").run()
    at.button(key="experiments_open_workspace").click().run()
    at.switch_page("pages/monitor.py").run()
    assert not at.exception
    assert {"experiments", "monitor"} <= _progress(at).visited

    another_day = open_app(dataset="wine", workspace="ada-progress")
    assert {"experiments", "monitor"} <= _progress(another_day).visited
    (table,) = [df for df in another_day.dataframe if "progress" in df.value.columns]
    assert table.value.set_index("lesson").loc["7. Deploy and monitor", "status"] == "started"

    stranger = open_app(dataset="wine")
    assert "monitor" not in _progress(stranger).visited
