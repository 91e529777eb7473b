"""Lesson 1 page (Frame the problem), driven with AppTest from the router."""

import re

import numpy as np
import pandas as pd
import pytest

from lessons import datasets, framing, scoring
from lessons.datasets import Dataset
from tests.app.conftest import open_app

PAGE = "pages/frame.py"


def _spec(at) -> str:
    return at.code[0].value


def _tables(at) -> list[pd.DataFrame]:
    """The Markdown tables on the page, cells read back as shown (escapes removed)."""
    found = []
    for block in at.markdown:
        lines = block.value.splitlines()
        if len(lines) < 2 or not lines[0].startswith("| ") or "---" not in lines[1]:
            continue
        rows = [
            [re.sub(r"\\(.)", r"\1", cell).replace("\u2060", "").strip() for cell in cells]
            for cells in (re.split(r"(?<!\\)\|", line)[1:-1] for line in lines)
        ]
        found.append(pd.DataFrame(rows[2:], columns=rows[0]))
    return found


def _framing(at, name):
    return at.session_state["course_framing"][name]


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_page_renders_with_every_builtin_dataset(name):
    at = open_app(PAGE, dataset=name)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == "1. Frame the problem"
    assert len(at.get("plotly_chart")) + len(at.get("vega_lite_chart")) >= 2
    dataset = datasets.load(name)
    choice = _framing(at, name)
    assert choice.target == dataset.target
    assert choice.task == dataset.task
    assert choice.metric in scoring.REGISTRY or choice.metric == framing.EXPECTED_COST
    assert choice.baseline_name
    assert f"`{dataset.target}`" in _spec(at)
    assert len(at.get("download_button")) == 1
    # The empty decision is called out, on the page and in the spec.
    assert any("demo, not a product" in w.value for w in at.warning)


def test_paradigm_cards_give_immediate_feedback_and_keep_the_score():
    at = open_app(PAGE, dataset="wine")
    right, wrong = framing.CARDS[0], framing.CARDS[1]
    at.segmented_control(key=f"framing_card_{right.key}").set_value(right.paradigm).run()
    at.segmented_control(key=f"framing_card_{wrong.key}").set_value("reinforcement").run()
    assert any(right.signal in s.value for s in at.success)
    assert any(wrong.signal in e.value and wrong.paradigm in e.value for e in at.error)
    assert "Score: 1 right out of 2 answered" in at.get("progress")[0].proto.text
    at.switch_page("pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.segmented_control(key=f"framing_card_{right.key}").value == right.paradigm
    assert "Score: 1 right out of 2 answered" in at.get("progress")[0].proto.text


def test_moving_a_cost_slider_changes_the_threshold_metric_and_url():
    at = open_app(PAGE, dataset="fraud")
    before = _framing(at, "fraud")
    assert before.metric == "pr_auc"
    at.slider(key="framing_cost_fn").set_value(20).run()
    after = _framing(at, "fraud")
    assert after.threshold < before.threshold
    assert after.metric == framing.EXPECTED_COST
    assert after.cost_false_negative == 20
    assert at.query_params["cost_fn"] == "20"
    assert at.query_params["dataset"] == "fraud"
    assert framing.format_threshold(after.threshold) == _metric(at, "Found out of fold")
    assert _metric(at, "Theory") == f"{1 / 21:.3g}"
    at.slider(key="framing_cost_fp").set_value(20).run()
    at.slider(key="framing_cost_fn").set_value(1).run()
    assert _framing(at, "fraud").metric == framing.EXPECTED_COST
    assert _framing(at, "fraud").threshold > before.threshold


def test_priced_errors_are_scored_on_validation_rows_with_every_policy():
    at = open_app(PAGE, dataset="fraud", cost_fp="1", cost_fn="50")
    assert not at.exception
    policies = next(t for t in _tables(at) if "policy" in t.columns)
    assert set(policies["policy"]) >= {framing.FLAG_ALL, framing.FLAG_NONE, "quick model at 0.5"}
    everyone = policies[policies["policy"] == framing.FLAG_ALL].iloc[0]
    assert everyone["recall"] == "100.0%"
    assert any("Flagging everyone catches every positive" in c.value for c in at.caption)
    assert any("**validation** rows" in c.value for c in at.caption)
    assert any("threshold chosen on the training rows' out-of-fold" in c.value for c in at.caption)
    assert any("Out-of-fold predictions" in c.value and "timestamp" in c.value for c in at.caption)
    assert "cost per 1,000 validation rows" in policies.columns
    assert not any("test rows" in m.label for m in at.metric)
    assert at.get("plotly_chart")[1].proto.spec, "the calibration chart is drawn"
    assert any("Brier score" in m.label for m in at.metric)


def test_a_link_with_costs_reproduces_the_view():
    at = open_app(PAGE, dataset="fraud", cost_fp="1", cost_fn="20")
    assert at.slider(key="framing_cost_fn").value == 20
    assert _framing(at, "fraud").metric == framing.EXPECTED_COST


def test_regression_costs_suggest_the_pinball_loss():
    at = open_app(PAGE, dataset="store_demand")
    assert _framing(at, "store_demand").metric == "mae"
    at.slider(key="framing_cost_under").set_value(3).run()
    choice = _framing(at, "store_demand")
    assert choice.metric == "pinball"
    assert choice.cost_under == 3
    assert at.query_params["cost_under"] == "3"
    assert "75%" in at.metric[0].value
    names = list(_tables(at)[0]["candidate"])
    assert "same day last week" in names and "last value" in names


def test_the_spec_contains_every_answer():
    at = open_app(PAGE, dataset="breast_cancer")
    decision = "Send the likeliest malignant biopsies to a pathologist first"
    at.text_area(key="framing_decision_breast_cancer").input(decision).run()
    at.slider(key="framing_cost_fn").set_value(10).run()
    document = _spec(at)
    choice = _framing(at, "breast_cancer")
    assert choice.decision == decision
    for piece in (
        decision,
        "supervised",
        "`malignant`",
        "classification (two classes)",
        "false negative 10",
        framing.metric_name(choice.metric),
        framing.format_threshold(choice.threshold),
        choice.baseline_name,
        "quick model",
        "stratified",
        "Written ",
    ):
        assert piece in document, piece
    assert not any("demo, not a product" in w.value for w in at.warning)


def test_the_worked_example_fills_the_decision():
    at = open_app(PAGE, dataset="churn")
    at.button(key="framing_use_example_churn").click().run()
    assert "retention team" in at.text_area(key="framing_decision_churn").value
    assert "retention team" in _spec(at)


def test_picking_another_target_infers_its_task():
    at = open_app(PAGE, dataset="house_prices")
    at.selectbox(key="framing_target_house_prices").set_value("has_pool").run()
    assert not at.exception
    assert at.radio(key="framing_task_house_prices_has_pool").value == "binary"
    choice = _framing(at, "house_prices")
    assert (choice.target, choice.task) == ("has_pool", "binary")
    assert at.query_params["target"] == "has_pool"
    assert "`has_pool`" in _spec(at)


def test_overriding_the_task_is_kept_and_mirrored():
    at = open_app(PAGE, dataset="house_prices")
    at.selectbox(key="framing_target_house_prices").set_value("bedrooms").run()
    assert at.radio(key="framing_task_house_prices_bedrooms").value == "multiclass"
    at.radio(key="framing_task_house_prices_bedrooms").set_value("regression").run()
    assert not at.exception
    assert _framing(at, "house_prices").task == "regression"
    assert at.query_params["task"] == "regression"


def test_an_identifier_target_is_refused_without_a_traceback():
    at = open_app(PAGE, dataset="fraud")
    at.selectbox(key="framing_target_fraud").set_value("transaction_id").run()
    assert not at.exception
    assert any("identifier" in e.value for e in at.error)
    assert any("usable target" in i.value for i in at.info)
    assert len(at.get("download_button")) == 0


def _messy_upload() -> Dataset:
    rng = np.random.default_rng(0)
    n = 300
    frame = pd.DataFrame(
        {
            "Customer ID": [f"id-{i}" for i in range(n)],
            "signup date": pd.date_range("2023-01-01", periods=n, freq="D"),
            "plan [tier]": rng.choice(["a", "b", None], n),
            "spend €": np.where(rng.random(n) < 0.1, np.nan, rng.normal(50, 10, n)),
            "active": rng.random(n) < 0.5,
            "answer": rng.choice(["yes", "no"], n, p=[0.3, 0.7]),
        }
    )
    return Dataset(
        name="upload-messy",
        title="messy.csv",
        frame=frame,
        target="answer",
        task="binary",
        problem="classification",
        time_column="signup date",
        group_column=None,
        description="An uploaded file",
        teaches="",
    )


@pytest.mark.parametrize(
    ("target", "task"), [("answer", "binary"), ("spend €", "regression"), ("Customer ID", None)]
)
def test_an_uploaded_csv_with_text_labels_dates_and_gaps_works(target, task):
    at = open_app()
    upload = _messy_upload()
    at.session_state["sidebar_uploads"] = {upload.name: upload}
    at.session_state["framing_kept"] = {f"framing_target_{upload.name}": target}
    at.switch_page(PAGE).run()
    # One run only: AppTest cannot format the picker's upload label outside the script.
    at.sidebar.selectbox(key="sidebar_dataset").select_index(len(datasets.BUILTIN_NAMES)).run()
    assert not at.exception, at.exception
    if task is None:
        assert any("identifier" in e.value for e in at.error)
        return
    choice = _framing(at, upload.name)
    assert (choice.target, choice.task) == (target, task)
    if task == "binary":
        assert "yes" in at.slider(key="framing_cost_fn").label
    else:
        assert any("rows without a value" in c.value for c in at.caption)


def test_instructor_mode_hides_the_suggested_metric_until_reveal():
    at = open_app(PAGE, dataset="fraud", instructor="1")
    assert not any("Suggested metric" in s.value for s in at.success)
    assert at.button(key="lesson_reveal_button_framing_metric").label == "Reveal"
    # AppTest drops a button's click inside a fragment; a real browser does not (checked by
    # hand), so the test sets what the Reveal button sets.
    at.session_state["lesson_revealed_framing_metric"] = True
    at.run()
    assert not at.exception
    assert any("Suggested metric" in s.value for s in at.success)


def test_the_page_shows_the_verdict_of_bar_to_beat():
    """The quiz's answer key comes from this same function (tests/unit/test_framing_truth.py)."""
    at = open_app(PAGE, dataset="fraud", cost_fp="1", cost_fn="50")
    held = framing.evaluate(datasets.load("fraud", 0), random_state=0)
    costs = framing.Costs(false_positive=1, false_negative=50)
    suggestion = framing.suggest_metric("binary", held.y_train, costs)
    verdict = framing.bar_to_beat(held, suggestion, costs, random_state=0).verdict
    shown = [m.value for m in (*at.success, *at.warning)]
    assert verdict.text in shown


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _chart_specs(at) -> dict[str, str]:
    # By the chart's own key: the element id also hashes the figure, so it changes with it.
    return {c.proto.id.split("-", 2)[2]: c.proto.spec for c in at.get("plotly_chart")}


def _vega_charts(at) -> list[tuple[str, bytes]]:
    # The cost curve and the baseline bars, each spec and its data.
    return [(c.proto.spec, c.proto.data.data) for c in at.get("vega_lite_chart")]


def test_a_cost_move_redraws_only_the_cost_curve_and_the_baseline_bars():
    """A figure whose spec is unchanged is not redrawn by the browser: the live-feel budget."""
    at = open_app(PAGE, dataset="fraud", cost_fp="1", cost_fn="20")
    before, metrics_before = _chart_specs(at), {m.label: m.value for m in at.metric}
    vega_before, spec_before = _vega_charts(at), _spec(at)
    at.slider(key="framing_cost_fp").set_value(2).run()
    assert not at.exception
    after, metrics_after = _chart_specs(at), {m.label: m.value for m in at.metric}
    assert after == before and len(after) == 2  # target and calibration: unchanged
    # The cost curve and the baseline bars keep their Vega-Lite spec: updated in place.
    vega_after = _vega_charts(at)
    assert len(vega_after) == len(vega_before) == 2
    for (spec_was, data_was), (spec_now, data_now) in zip(vega_before, vega_after, strict=True):
        assert spec_now == spec_was and data_now != data_was
    # The numbers still move: theory, the near-threshold reading, the cost, the spec.
    assert metrics_after["Theory"] == f"{2 / 22:.3g}" != metrics_before["Theory"]
    assert any(m.label.startswith(f"Predicted vs observed near {2 / 22:.3g}") for m in at.metric)
    assert any(f"theoretical threshold {2 / 22:.3g}" in m.value for m in at.markdown)
    assert _spec(at) != spec_before and "false positive 2" in _spec(at)
    assert at.query_params["cost_fp"] == "2"
