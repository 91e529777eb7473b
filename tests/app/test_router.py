"""The router, the shared sidebar and the home page, driven with AppTest."""

import pytest

from lessons import datasets
from tests.app.conftest import open_app


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_home_renders_with_every_builtin_dataset(name):
    at = open_app(dataset=name)
    assert not at.exception
    assert at.session_state["sidebar_dataset"] == name
    assert at.title[0].value == "ML Spine"
    assert len(at.get("plotly_chart")) == 1
    assert len(at.dataframe) == 2, "the dataset gallery and the progress table"
    caption = at.sidebar.caption[0].value
    assert f"{datasets.load(name).n_rows:,} rows" in caption


def test_picker_switch_updates_url_and_survives_a_page_switch():
    at = open_app()
    assert at.query_params["dataset"] == "churn"
    at.sidebar.selectbox(key="sidebar_dataset").set_value("fraud").run()
    assert at.query_params["dataset"] == "fraud"
    assert "target: is\\_fraud" in at.sidebar.caption[0].value
    at.switch_page("pages/home.py").run()
    assert at.session_state["sidebar_dataset"] == "fraud"
    assert at.query_params["dataset"] == "fraud"


def test_seed_and_instructor_mode_mirror_in_the_url():
    at = open_app()
    at.sidebar.number_input(key="sidebar_seed").set_value(7).run()
    at.sidebar.toggle(key="sidebar_instructor").set_value(True).run()
    assert at.query_params["seed"] == "7"
    assert at.query_params["instructor"] == "1"
    at.sidebar.toggle(key="sidebar_instructor").set_value(False).run()
    assert "instructor" not in at.query_params


def test_a_link_reproduces_the_view():
    at = open_app(dataset="wine", seed="3", instructor="1")
    assert at.session_state["sidebar_dataset"] == "wine"
    assert at.session_state["sidebar_seed"] == 3
    assert at.session_state["sidebar_instructor"] is True


@pytest.mark.parametrize(
    ("query", "expected_dataset", "expected_seed"),
    [
        ({"dataset": "nope"}, "churn", 0),
        ({"seed": "abc"}, "churn", 0),
        ({"seed": "-4"}, "churn", 0),
    ],
)
def test_a_bad_link_falls_back_with_a_notice(query, expected_dataset, expected_seed):
    at = open_app(**query)
    assert not at.exception
    assert at.session_state["sidebar_dataset"] == expected_dataset
    assert at.session_state["sidebar_seed"] == expected_seed
    assert len(at.toast) == 1


def test_reset_restores_defaults():
    at = open_app(dataset="fraud", seed="5")
    at.sidebar.button[0].click().run()
    assert at.session_state["sidebar_dataset"] == "churn"
    assert at.session_state["sidebar_seed"] == 0
    assert at.query_params["dataset"] == "churn"


def test_home_survives_reruns_inside_the_frame():
    at = open_app()
    for _ in range(3):
        at.run()
        assert len(at.sidebar.selectbox) == 1, "the shared sidebar must be drawn on every run"
        assert not at.exception


def test_reset_keeps_the_run_log_scope():
    at = open_app("pages/experiments.py")
    scope = at.session_state["experiments_scope"]
    at.sidebar.button[0].click().run()
    assert at.session_state["experiments_scope"] == scope
    assert at.session_state["sidebar_dataset"] == "churn"
