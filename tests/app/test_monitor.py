"""The deploy-and-monitor page in AppTest: every dataset, the drift controls, the month slider."""

import pandas as pd
import pytest
from streamlit import dataframe_util

from components import navigation
from lessons import datasets, store
from tests.app.conftest import open_app

PAGE = "pages/monitor.py"


@pytest.fixture(autouse=True)
def run_log(monkeypatch, tmp_path):
    monkeypatch.setenv(store.DB_ENV, str(tmp_path / "runs.sqlite"))


def _takeaways(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**Takeaway:**")]


TOO_SMALL = ("breast_cancer", "diabetes", "wine", "stocks", "house_prices")
"""Under 2,400 rows: too few for twelve disjoint production months of 100 rows."""


def _shares(simulation: str) -> pytest.MarkDecorator:
    """Tests that open the page on the same simulation run on one worker: the page's cache then
    computes it once (the story on churn takes several seconds of CPU)."""
    return pytest.mark.xdist_group(f"app-monitor-{simulation}")


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=_shares("churn")) if n == "churn" else n
        for n in datasets.BUILTIN_NAMES
        if n not in TOO_SMALL
    ],
)
def test_the_story_renders_on_every_builtin_dataset(name):
    at = open_app(PAGE, timeout=300, dataset=name)
    assert not at.exception, at.exception
    assert [s.value for s in at.subheader] == [
        "Ship: the artifact",
        "Production, month by month",
        "Retraining policies",
        "A corrupted month: the gate and the quarantine",
        "Rebuilding changes behaviour",
        "Check your understanding",
    ]
    # The policies; the month's distribution (predictions or one input) and performance.
    assert len(at.get("plotly_chart")) == 1
    assert len(at.get("vega_lite_chart")) == 2
    labels = {m.label for m in at.metric}
    assert {"Version", "Content hash", "Retraining"} <= labels
    assert len(_takeaways(at)) >= 5


@pytest.mark.parametrize("name", ["wine", "house_prices"])
def test_data_too_small_for_disjoint_months_is_refused_and_the_quiz_stands_in(name):
    at = open_app(PAGE, timeout=300, dataset=name)
    assert not at.exception, at.exception
    assert any("rows they trained on" in e.value for e in at.error)
    assert [s.value for s in at.subheader] == ["Check your understanding"]
    notes = " ".join(m.value for m in [*at.markdown, *at.caption]).replace("\\", "")
    stand_in = "store_demand" if name == "house_prices" else "churn"
    assert "runs on the built" in notes and stand_in in notes


@_shares("churn")
def test_month_slider_and_drift_controls_change_the_view():
    at = open_app(PAGE, timeout=300, dataset="churn")
    first = _takeaways(at)
    assert any("no outcome has arrived yet" in t for t in first)
    at.slider(key="monitor_month").set_value(12).run()
    assert not at.exception
    later = _takeaways(at)
    assert any("the latest known month" in t for t in later)
    at.selectbox(key="monitor_scenario").set_value("concept").run()
    at.slider(key="monitor_intensity").set_value(1.0).run()
    assert not at.exception
    assert at.session_state["monitor_month"] == 12
    assert len(at.get("plotly_chart")) == 1
    assert len(at.get("vega_lite_chart")) == 2


def test_the_corrupted_month_is_quarantined_and_nothing_is_rolled_back():
    at = open_app(PAGE, timeout=300, dataset="churn", monitor_scenario="none", monitor_corrupt="4")
    assert not at.exception
    assert any("Nothing to roll back" in e.value for e in at.error)
    at.selectbox(key="monitor_corrupt").set_value("none").run()
    assert any("No month is corrupted" in i.value for i in at.info)


@pytest.mark.skipif(
    navigation.page_for("pages/train.py") is None, reason="pages/train.py is not there yet"
)
def test_the_last_model_trained_in_lesson_4_is_shipped():
    at = open_app("pages/train.py", dataset="store_demand")
    at.switch_page(PAGE).run()
    assert not at.exception
    card = [m.value for m in at.markdown if m.value.startswith("**Artifact:")]
    assert card and "lesson 4" in card[0]


def test_a_link_reproduces_the_scenario():
    at = open_app(
        PAGE, timeout=300, dataset="breast_cancer", monitor_scenario="prior", monitor_corrupt="3"
    )
    assert not at.exception
    assert at.selectbox(key="monitor_scenario").value == "prior"
    assert at.selectbox(key="monitor_corrupt").value == "3"
    at.selectbox(key="monitor_scenario").set_value("concept").run()
    assert at.query_params["monitor_scenario"] == "concept"


def test_the_real_later_months_are_offered_only_with_a_time_order():
    at = open_app(PAGE, timeout=300, dataset="breast_cancer")
    assert "The data's own later months" not in at.selectbox(key="monitor_scenario").options
    at = open_app(PAGE, timeout=300, dataset="churn", monitor_scenario="real")
    assert not at.exception, at.exception
    assert at.selectbox(key="monitor_scenario").value == "real"
    window = next(m.value for m in at.markdown if m.value.startswith("**Training window:**"))
    assert "2023" in window and "random half" not in window


def _fragment_charts(at) -> list[tuple[str, pd.DataFrame]]:
    # The month's distribution, then the performance: Vega-Lite, each spec and its data.
    return [
        (c.proto.spec, dataframe_util.convert_arrow_bytes_to_pandas_df(c.proto.data.data))
        for c in at.get("vega_lite_chart")
    ]


def _drift_table(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("| feature |"))


@_shares("churn-covariate")
def test_a_month_move_redraws_two_figures_and_says_the_prediction_psi():
    at = open_app(PAGE, timeout=300, dataset="churn", monitor_scenario="covariate")
    assert at.selectbox(key="monitor_feature").value == "(model predictions)"
    assert at.selectbox(key="monitor_feature").options[0] == "model predictions"
    before = _fragment_charts(at)
    assert len(before) == 2
    assert before[0][1]["title"][0] == "Predictions: at shipping against month 1"
    table_before = _drift_table(at)
    assert table_before.splitlines()[0].startswith("| feature | kind | PSI |")
    at.slider(key="monitor_month").set_value(9).run()
    assert not at.exception
    after = _fragment_charts(at)
    assert len(after) == 2
    assert after[0][1]["title"][0] == "Predictions: at shipping against month 9"
    # Both charts keep their Vega-Lite spec, so the browser updates them in place.
    for (spec_before, data_before), (spec_after, data_after) in zip(before, after, strict=True):
        assert spec_after == spec_before and not data_after.equals(data_before)
    assert _drift_table(at) != table_before
    said = [t for t in _takeaways(at) if "the predictions' PSI against shipping is" in t]
    delay = at.slider(key="monitor_delay").value
    assert delay > 0 and said and f"outcomes arrive {delay} month(s) later" in said[0]
    # With no delay, the early signal buys no time, and the page says so.
    at.slider(key="monitor_delay").set_value(0).run()
    said = [t for t in _takeaways(at) if "the predictions' PSI against shipping is" in t]
    assert said and "buys no time" in said[0]


@_shares("churn-covariate")
def test_inspecting_an_input_keeps_the_prediction_psi_in_words():
    at = open_app(PAGE, timeout=300, dataset="churn", monitor_scenario="covariate")
    feature = at.selectbox(key="monitor_feature").options[1]
    at.selectbox(key="monitor_feature").set_value(feature).run()
    assert not at.exception
    (_, distribution), _ = _fragment_charts(at)
    assert distribution["title"][0].startswith(f"{feature}: training window against")
    said = next(t for t in _takeaways(at) if f"`{feature}` has PSI" in t)
    assert "the predictions' PSI against shipping is" in said
    # The last option is a category (numbers come first): grouped bars, one per category.
    category = at.selectbox(key="monitor_feature").options[-1]
    at.selectbox(key="monitor_feature").set_value(category).run()
    assert not at.exception
    (spec, distribution), _ = _fragment_charts(at)
    assert '"xOffset"' in spec and distribution["category"].notna().all()
