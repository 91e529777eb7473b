"""The leakage lab page, driven with AppTest from the router."""

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from components import leakage as leakage_page
from lessons import datasets, leakage
from lessons.errors import DataError
from tests.app.conftest import open_app

PAGE = "pages/leakage.py"


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _reported(at) -> str:
    return _metrics(at)["Reported"]


def _three_scores(at) -> tuple[str, pd.DataFrame]:
    """The three-scores chart: its spec and its data, bar by bar."""
    # The lab's only Vega-Lite chart (the scoreboard below is Plotly, and hidden until filled).
    (chart,) = at.get("vega_lite_chart")
    return chart.proto.spec, convert_arrow_bytes_to_pandas_df(chart.proto.data.data)


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_time_scenario_on_every_builtin_dataset(name):
    at = open_app(PAGE, timeout=180, dataset=name, scenario="random_vs_time", leak="on")
    assert not at.exception, at.exception
    assert at.title[0].value == "3. Leakage lab"
    assert len(at.metric) == 3
    has_time = datasets.load(name, 0).time_column is not None
    notes = " ".join(i.value for i in at.info)
    result = at.session_state["leakage_results"]["random_vs_time"]
    if has_time and name != "churn":
        assert at.radio(key="leakage_source").value == "active"
        assert result.dataset == name
    elif not has_time:
        assert "has no time column" in notes
        assert "runs on the built-in `churn` data" in notes
        assert result.dataset == "churn"


@pytest.mark.parametrize("scenario", leakage.SCENARIO_KEYS)
def test_every_scenario_with_the_leak_on_and_off(scenario):
    at = open_app(PAGE, timeout=180, scenario=scenario, leak="on")
    assert not at.exception, at.exception
    assert at.toggle(key="leakage_leak").value is True
    value = _reported(at)
    result = at.session_state["leakage_results"][scenario]
    assert value == f"{result.leaky:.3f}"
    spec, bars = _three_scores(at)
    assert bars["label"].tolist()[:2] == [value, f"{result.honest:.3f}"]
    assert any("Takeaway" in m.value and f"{result.leaky:.3f}" in m.value for m in at.markdown)
    at.toggle(key="leakage_leak").set_value(False).run()
    assert not at.exception, at.exception
    assert _reported(at) == f"{result.honest:.3f}"
    # The switch moves the chart's data, never its spec: the browser updates it in place.
    spec_off, bars_off = _three_scores(at)
    assert spec_off == spec and bars_off["bar"][0] == "Reported (leak off)"
    assert bars_off["label"][0] == f"{result.honest:.3f}"
    assert at.query_params["scenario"] == scenario
    assert at.query_params["leak"] == "off"


def _page_text(at) -> str:
    return " ".join(m.value for m in [*at.markdown, *at.caption])


def test_the_lab_opens_on_a_leak_that_matters():
    at = open_app(PAGE, timeout=180)
    assert not at.exception
    assert at.selectbox(key="leakage_scenario").value == leakage.DEFAULT_SCENARIO
    result = at.session_state["leakage_results"][leakage.DEFAULT_SCENARIO]
    assert leakage.SCENARIOS[leakage.DEFAULT_SCENARIO].matters
    assert result.inflation > 0.15 and not result.inflation_within_noise


@pytest.mark.parametrize("leak", ["on", "off"])
def test_instructor_mode_gives_nothing_away_before_reveal(leak):
    at = open_app(PAGE, timeout=180, scenario="preprocessing_scaler", leak=leak, instructor="1")
    assert not at.exception
    text = _page_text(at)
    assert "How much it matters" not in text and "Here the leak adds" not in text
    at.session_state["lesson_revealed_leakage_preprocessing_scaler"] = True
    at.run()
    text = _page_text(at)
    assert "How much it matters" in text and "barely moves the score" in text


def test_the_numbers_say_what_they_are_scored_on_and_their_noise():
    at = open_app(PAGE, timeout=180, scenario="random_vs_time", leak="off")
    assert not at.exception
    result = at.session_state["leakage_results"]["random_vs_time"]
    text = _page_text(at)
    assert result.rows.honest in text and result.rows.production in text
    assert f"±{result.band:.3f}" in text
    assert "An easier past" in text and "Look-ahead" in text


def test_instructor_mode_hides_the_leaky_score_until_reveal():
    at = open_app(PAGE, timeout=180, scenario="post_outcome", leak="on", instructor="1")
    assert not at.exception
    assert _reported(at) == "?"
    assert _metrics(at)["Production"] == "?"
    assert at.button(key="lesson_reveal_button_leakage_post_outcome").label == "Reveal"
    # AppTest runs the page once outside the router before each run, and the router's rerun
    # drops a button's one-shot value; the end-to-end test clicks Reveal in a real browser.
    at.session_state["lesson_revealed_leakage_post_outcome"] = True
    at.run()
    assert not at.exception
    result = at.session_state["leakage_results"]["post_outcome"]
    assert _reported(at) == f"{result.leaky:.3f}"
    assert float(_reported(at)) >= 0.95


def test_a_run_is_recorded_once_per_setting_not_per_rerun():
    at = open_app(PAGE, timeout=180, scenario="feature_selection", leak="on")
    assert len(at.session_state["leakage_recorded"]) == 1
    at.run()
    assert len(at.session_state["leakage_recorded"]) == 1
    at.slider(key="leakage_k").set_value(5).run()
    assert not at.exception
    recorded = at.session_state["leakage_recorded"]
    assert len(recorded) == 2
    assert ("feature_selection", (("k", 5), ("n_noise", 10_000)), True, "pure noise", 0) in recorded
    assert at.session_state["leakage_results"]["feature_selection"].settings[0] == ("k", 5)
    assert at.query_params["k"] == "5", "a setting away from its default goes into the URL"
    assert "n_noise" not in at.query_params


def test_a_link_reproduces_the_settings():
    at = open_app(PAGE, timeout=180, scenario="feature_selection", leak="off", k="7", n_noise="500")
    assert not at.exception
    assert at.slider(key="leakage_k").value == 7
    assert at.slider(key="leakage_n_noise").value == 500
    assert at.toggle(key="leakage_leak").value is False
    result = at.session_state["leakage_results"]["feature_selection"]
    assert result.settings == (("k", 7), ("n_noise", 500))
    at.selectbox(key="leakage_scenario").set_value("duplicates").run()
    assert "k" not in at.query_params, "another scenario's settings leave the URL"


def test_scoreboard_fills_every_scenario():
    at = open_app(PAGE, timeout=300, scenario="preprocessing_scaler", leak="on")
    at.button(key="leakage_scoreboard_run").click().run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert len(table) == len(leakage.SCENARIO_KEYS)
    assert (table["Leak adds"].abs() < 0.02).any(), "one leak barely matters"
    assert (table["Leak adds"] > 0.15).any(), "another changes the story"
    # The scoreboard chart, and this scenario's three scores.
    assert len(at.get("plotly_chart")) == 1 and len(at.get("vega_lite_chart")) == 1


def test_an_unknown_scenario_in_the_link_falls_back_with_a_notice():
    at = open_app(PAGE, timeout=180, scenario="nope")
    assert not at.exception
    assert at.selectbox(key="leakage_scenario").value == leakage.DEFAULT_SCENARIO
    assert len(at.toast) == 1


def test_settings_that_cannot_run_leave_no_older_numbers_on_the_page(monkeypatch):
    at = open_app(PAGE, timeout=180, scenario="feature_selection", leak="on")
    assert "Here the leak adds" in _page_text(at)

    def refuse(*args, **kwargs):
        raise DataError("too few rows for this setting")

    monkeypatch.setattr(leakage_page, "_scores", refuse)
    at.slider(key="leakage_k").set_value(5).run()
    assert not at.exception
    text = _page_text(at)
    assert "too few rows for this setting" in " ".join(e.value for e in at.error)
    # The why under the lab still explains the leak, but says nothing of its size here.
    assert "Here the leak adds" not in text and "How much it matters" not in text
    assert "feature_selection" not in at.session_state["leakage_results"]
