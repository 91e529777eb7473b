"""Lesson 5 page (Pick a metric), driven with AppTest from the router."""

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from lessons import datasets
from lessons.choices import FramingChoice
from lessons.datasets import Dataset
from tests.app.conftest import open_app

PAGE = "pages/metrics.py"
CLASSIFICATION = {"churn", "fraud", "breast_cancer", "wine"}


def _figures(at) -> dict[str, dict | pd.DataFrame]:
    """Charts on the page by title: a Plotly figure as a dict, a Vega-Lite chart as its data."""
    figures = {}
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        figures[figure["layout"]["title"]["text"]] = figure
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        data = convert_arrow_bytes_to_pandas_df(chart.proto.data.data)
        # A title that names the threshold is data (on the first row), not spec.
        figures[spec["title"]["text"] if "title" in spec else data["title"].iloc[0]] = data
    return figures


def _takeaways(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**Takeaway:**")]


def _takeaway(at, starts: str) -> str:
    return next(t for t in _takeaways(at) if t.startswith(f"**Takeaway:** {starts}"))


def _table(at, column: str):
    """The first static table on the page with ``column``."""
    return next(t.value for t in at.table if column in t.value.columns)


def _side_by_side(at):
    return _table(at, "When to use")


def _guide(at):
    return _table(at, "Fits")


def _confusion(at) -> list[list[int]]:
    """The counts the matrix writes in its cells: [[TN, FP], [FN, TP]]."""
    data = next(f for title, f in _figures(at).items() if title.startswith("Confusion matrix"))
    return data["count"].to_numpy().reshape(2, 2).tolist()


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_page_renders_every_section_with_every_builtin_dataset(name):
    # The first visit fits three models and bootstraps every metric's verdict; a shared test
    # machine can take longer than the default minute for that.
    at = open_app(PAGE, dataset=name, timeout=180)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == "5. Pick a metric"
    titles = set(_figures(at))
    # The synthetic experiments run whatever the dataset.
    assert {
        "Accuracy climbs while recall and PR AUC collapse",
        "Same predictions, a few bad actuals: RMSE jumps, MAE shrugs",
        "The same absolute errors, shrinking actuals: MAPE explodes",
        "Which model wins depends on the metric",
    } <= titles
    assert len(_side_by_side(at)) >= 4
    assert (_guide(at)["Fits"] != "").sum() == 1
    dataset = datasets.load(name)
    has_threshold = name in CLASSIFICATION
    assert any(t.startswith("Confusion matrix") for t in titles) == has_threshold
    assert ("Cost of every threshold" in titles) == has_threshold
    is_ranking = dataset.problem == "ranking"
    assert (
        "Degrade the order: the ranking metrics fall at different speeds" in titles
    ) == is_ranking
    is_forecast = dataset.problem == "forecasting"
    assert any(t.startswith("Quantile forecasts") for t in titles) == is_forecast
    # Sections that cannot apply say why instead of disappearing.
    assert len(at.info) == (not has_threshold) + (not is_ranking) + (not is_forecast)
    # Each distinct fit is recorded once, even across reruns.
    recorded = set(at.session_state["metrics_recorded"])
    at.run()
    assert set(at.session_state["metrics_recorded"]) == recorded
    assert len(recorded) >= 3


def test_the_threshold_lab_draws_the_matrix_and_one_curve_chosen_by_the_learner():
    at = open_app(PAGE, dataset="fraud", curve="pr")
    titles = set(_figures(at))
    # The link chose the curve; the other two are not drawn (each costs the browser a redraw).
    assert "Precision-recall curve" in titles
    assert "Cost of every threshold" not in titles
    assert not any(t.startswith("ROC") for t in titles)
    at.segmented_control(key="metrics_curve").set_value("cost").run()
    titles = set(_figures(at))
    assert "Cost of every threshold" in titles and "Precision-recall curve" not in titles
    assert "curve" not in at.query_params  # the default view keeps the link short
    at.segmented_control(key="metrics_curve").set_value("roc").run()
    assert at.query_params["curve"] == "roc"
    assert sum(t.startswith("ROC") for t in _figures(at)) == 1


def test_a_threshold_move_changes_the_charts_data_never_their_spec():
    """A Vega-Lite chart whose spec is unchanged is updated in place: the live-feel budget."""
    at = open_app(PAGE, dataset="fraud")
    before = [(c.proto.spec, c.proto.data.data) for c in at.get("vega_lite_chart")]
    at.slider(key="metrics_threshold").set_value(0.05).run()
    after = [(c.proto.spec, c.proto.data.data) for c in at.get("vega_lite_chart")]
    assert len(after) == len(before) == 2  # the confusion matrix and the cost curve
    for (spec_was, data_was), (spec_now, data_now) in zip(before, after, strict=True):
        assert spec_now == spec_was and data_now != data_was
    assert "Confusion matrix at threshold 0.05" in _figures(at)


def test_moving_the_threshold_changes_the_confusion_matrix_and_the_url():
    at = open_app(PAGE, dataset="fraud")
    before = _confusion(at)
    at.slider(key="metrics_threshold").set_value(0.05).run()
    after = _confusion(at)
    assert before != after
    # Lower threshold: more flagged, fewer missed.
    assert after[0][1] > before[0][1] and after[1][0] <= before[1][0]
    assert sum(map(sum, after)) == sum(map(sum, before))
    assert at.query_params["threshold"] == "0.05"
    before_cost = _takeaway(at, "At 0.05 you flag")
    # A move reruns only the threshold's view (st.rerun of its key): the tree then holds that
    # part alone, so a full run brings back the cost inputs drawn above it.
    at.run()
    assert _takeaway(at, "At 0.05 you flag") == before_cost
    # Costs set here (lesson 1 has none for this session) change the total.
    at.number_input(key="metrics_cost_fp").set_value(100.0).run()
    assert _takeaway(at, "At 0.05 you flag") != before_cost
    assert _confusion(at) == after
    assert at.query_params["cost_fp"] == "100"


def test_lesson_one_framing_supplies_costs_threshold_and_the_starred_metric():
    at = open_app(dataset="fraud")
    at.session_state["course_framing"] = {
        "fraud": FramingChoice(
            metric="pr_auc", cost_false_positive=2, cost_false_negative=40, threshold=0.2
        )
    }
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    assert at.slider(key="metrics_threshold").value == pytest.approx(0.2)
    assert any("Costs from lesson 1" in c.value for c in at.caption)
    side = _side_by_side(at)
    assert side.loc[side["Lesson 1"] != "", "Metric"].tolist() == ["PR AUC (average precision)"]
    guide = _guide(at)
    active = guide[guide["Fits"] != ""]
    # Known, unequal costs (2 against 40) point at the expected cost, not at a proxy metric:
    # lesson 1's PR AUC is starred where it belongs, outside the active row.
    assert len(active) == 1 and "known, different costs" in active["Problem"].iloc[0]
    assert guide["Metric"].str.contains("★ PR AUC").any()
    assert "Lesson 1 chose PR AUC (average precision), outside this row" in _takeaway(
        at, "The active dataset"
    )


def test_lesson_one_expected_cost_is_starred_in_the_costed_row():
    at = open_app(dataset="fraud")
    at.session_state["course_framing"] = {
        "fraud": FramingChoice(
            metric="expected_cost", cost_false_positive=2, cost_false_negative=40, threshold=0.2
        )
    }
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    guide = _guide(at)
    active = guide[guide["Fits"] != ""]
    assert active["Metric"].iloc[0].startswith("★ Expected cost per 1,000 rows")
    takeaway = _takeaway(at, "The active dataset")
    assert "Lesson 1 chose Expected cost per 1,000 rows, which is in this row" in takeaway
    assert "has not chosen" not in takeaway


def test_synthetic_experiments_respond_to_their_sliders_and_mirror_the_url():
    at = open_app(PAGE, dataset="house_prices")
    at.select_slider(key="metrics_imbalance").set_value(0.001).run()
    assert "99.9% accuracy with 0% recall" in _takeaway(at, "At 0.1% positives")
    at.select_slider(key="metrics_outliers").set_value(0.2).run()
    assert _takeaway(at, "With 20% of actuals corrupted")
    at.select_slider(key="metrics_level").set_value(0.2).run()
    assert _takeaway(at, "At level 0.2")
    assert at.query_params["imbalance"] == "0.001"
    assert at.query_params["outliers"] == "0.2"
    assert at.query_params["level"] == "0.2"


def test_a_link_restores_the_experiment_settings():
    at = open_app(PAGE, dataset="fraud", threshold="0.3", imbalance="0.01", outliers="0.1")
    assert at.slider(key="metrics_threshold").value == pytest.approx(0.3)
    assert at.select_slider(key="metrics_imbalance").value == pytest.approx(0.01)
    assert at.select_slider(key="metrics_outliers").value == pytest.approx(0.1)


def test_a_bad_link_value_is_ignored():
    at = open_app(PAGE, dataset="wine", threshold="high", imbalance="0.333")
    assert not at.exception
    assert at.slider(key="metrics_threshold").value == pytest.approx(0.5)
    assert at.select_slider(key="metrics_imbalance").value == pytest.approx(0.5)


def test_ranking_blend_and_k_move_the_ranking_metrics():
    at = open_app(PAGE, dataset="search_ranking")
    mixed = _takeaway(at, "Mixing in 50% random order")
    at.select_slider(key="metrics_blend").set_value(1.0).run()
    shuffled = _takeaway(at, "Mixing in 100% random order")
    assert mixed != shuffled
    at.slider(key="metrics_top_k").set_value(10).run()
    labels = _side_by_side(at)["Metric"].tolist()
    assert labels == ["NDCG@10", "MAP@10", "Hit@10", "MRR"]
    assert at.query_params["blend"] == "1"


def test_forecasting_quantiles_are_scored_by_pinball_loss():
    at = open_app(PAGE, dataset="store_demand")
    at.pills(key="metrics_quantiles").set_value([0.1, 0.5, 0.9]).run()
    assert not at.exception, at.exception
    table = _table(at, "share of actuals below")
    assert list(table.index) == ["forecast q=0.1", "forecast q=0.5", "forecast q=0.9"]
    # Each quantile forecast covers about its share of the actuals.
    below = table["share of actuals below"]
    assert below.is_monotonic_increasing
    side = _side_by_side(at)
    assert "MASE (season 7)" in side["Metric"].tolist()


def test_multiclass_threshold_picks_a_class():
    at = open_app(PAGE, dataset="wine")
    at.selectbox(key="metrics_positive").set_value("cultivar_c").run()
    assert not at.exception
    matrix = next(f for t, f in _figures(at).items() if t.startswith("Confusion matrix"))
    assert "flagged cultivar_c" in matrix["decision"].tolist()


def test_instructor_mode_hides_the_winners_until_reveal():
    at = open_app(PAGE, dataset="fraud", instructor="1")
    assert "Which model wins depends on the metric" not in _figures(at)
    assert at.button(key="lesson_reveal_button_metrics_disagree").label == "Reveal"
    # AppTest drops a button's one-shot value on the router's rerun; set what Reveal sets.
    at.session_state["lesson_revealed_metrics_disagree"] = True
    at.run()
    assert "Which model wins depends on the metric" in _figures(at)


def _upload(task: str, problem: str) -> Dataset:
    rng = np.random.default_rng(0)
    n = 240
    frame = pd.DataFrame(
        {
            "when": pd.date_range("2024-01-01", periods=n, freq="D"),
            "shop [main]": rng.choice(["north", "south", None], n),
            "promo": rng.random(n) < 0.3,
            "price": np.where(rng.random(n) < 0.1, np.nan, rng.normal(10, 2, n)),
        }
    )
    if task == "binary":
        frame["answer"] = rng.choice(["yes", "no"], n, p=[0.15, 0.85])
    else:
        frame["answer"] = np.round(rng.gamma(2, 5, n), 1)
    return Dataset(
        name=f"upload-messy-{task}",
        title="messy.csv",
        frame=frame,
        target="answer",
        task=task,
        problem=problem,
        time_column="when",
        group_column=None,
        description="",
        teaches="",
        source="upload",
    )


@pytest.mark.parametrize(
    ("task", "problem"), [("binary", "classification"), ("regression", "forecasting")]
)
def test_an_uploaded_messy_table_works_end_to_end(task, problem):
    at = open_app()
    dataset = _upload(task, problem)
    at.session_state["sidebar_uploads"] = {dataset.name: dataset}
    at.switch_page(PAGE).run()
    # One run only: AppTest cannot format the picker's upload label outside the script.
    at.sidebar.selectbox(key="sidebar_dataset").select_index(len(datasets.BUILTIN_NAMES)).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.session_state["sidebar_dataset"] == dataset.name
    titles = set(_figures(at))
    if task == "binary":
        assert any("Positive class: `yes`" in c.value for c in at.caption)
    assert any(t.startswith("Confusion matrix") for t in titles) == (task == "binary")
    assert any(t.startswith("Quantile forecasts") for t in titles) == (problem == "forecasting")


def test_a_class_absent_from_validation_is_named_instead_of_an_error():
    # Split by time, class "early" only occurs in the first months: validation lacks it.
    rng = np.random.default_rng(1)
    n = 300
    label = np.where(np.arange(n) < 90, "early", rng.choice(["mid", "late"], n))
    frame = pd.DataFrame(
        {
            "when": pd.date_range("2024-01-01", periods=n, freq="D"),
            "x": rng.normal(size=n) + (label == "late"),
            "y": rng.normal(size=n),
            "kind": label,
        }
    )
    dataset = Dataset(
        name="upload-seasons",
        title="seasons.csv",
        frame=frame,
        target="kind",
        task="multiclass",
        problem="classification",
        time_column="when",
        group_column=None,
        description="",
        teaches="",
        source="upload",
    )
    at = open_app()
    at.session_state["sidebar_uploads"] = {dataset.name: dataset}
    at.switch_page(PAGE).run()
    at.sidebar.selectbox(key="sidebar_dataset").select_index(len(datasets.BUILTIN_NAMES)).run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    positive = at.selectbox(key="metrics_positive")
    assert "early" not in positive.options
    assert any("early" in c.value and "validation" in c.value for c in at.caption)
    at.segmented_control(key="metrics_curve").set_value("roc").run()
    assert any(t.startswith("ROC") for t in _figures(at)), list(_figures(at))
