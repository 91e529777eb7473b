"""Lesson 4 (Train live) driven with AppTest: every dataset, every model, the live controls."""

from __future__ import annotations

import json

import pytest
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from lessons import datasets, training
from lessons import models as model_registry
from lessons.choices import FramingChoice
from tests.app.conftest import APP, open_app

PAGE = "pages/train.py"
TIMEOUT = 180


def _open(**query: str):
    at = open_app(PAGE, timeout=TIMEOUT, **query)
    assert not at.exception, at.exception
    return at


def _scores(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _charts(at) -> int:
    """Charts drawn: Plotly, and Vega-Lite for those a knob redraws in place."""
    return len(at.get("plotly_chart")) + len(at.get("vega_lite_chart"))


def _vega(at) -> dict[str, tuple[str, bytes]]:
    """Each Vega-Lite chart's spec and data (its named datasets too), by its title's start."""
    return {
        json.loads(c.proto.spec)["title"]["text"].split(" ")[0]: (
            c.proto.spec,
            c.proto.data.data + b"".join(d.data.data for d in c.proto.datasets),
        )
        for c in at.get("vega_lite_chart")
    }


def _shown_code(at) -> str:
    """The script as the page shows it, after the learner turns the code on."""
    at.toggle(key="train_show_code").set_value(True).run()
    _no_problems(at)
    return at.code[0].value


def _no_problems(at) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_every_builtin_dataset_trains_with_default_settings(name):
    at = _open(dataset=name)
    _no_problems(at)
    assert at.title[0].value == "4. Train live"
    labels = list(_scores(at))
    assert labels[0].startswith("Train ") and labels[1].startswith("Validation ")
    assert "Baseline" in labels and "Fit time" in labels
    assert at.query_params["model"] == model_registry.default_model(
        training.estimator_kind(datasets.load(name))
    )
    assert _charts(at) >= 2
    assert any("Baseline computed here" in c.value for c in at.caption)
    assert len(at.session_state["train_recorded"]) == 1
    assert any(b.label.startswith("Download the script") for b in at.get("download_button"))


@pytest.mark.parametrize(
    ("name", "problem"), [("breast_cancer", "classification"), ("diabetes", "regression")]
)
def test_every_model_trains_on_a_classification_and_a_regression_dataset(name, problem):
    at = _open(dataset=name)
    seen = {}
    for spec in model_registry.models_for(problem):
        at.selectbox(key="train_model").set_value(spec.key).run()
        _no_problems(at)
        assert at.query_params["model"] == spec.key
        seen[spec.key] = _scores(at)
        assert len(seen[spec.key]) == 4
    assert len({tuple(s.values())[:2] for s in seen.values()}) > 1
    assert len(at.session_state["train_recorded"]) == len(seen)


def test_changing_a_hyperparameter_changes_the_scores_and_records_one_run_each():
    at = _open(dataset="house_prices")
    at.selectbox(key="train_model").set_value("decision_tree").run()
    before = _scores(at)
    at.select_slider(key="train_param_decision_tree_max_depth").set_value(1).run()
    _no_problems(at)
    after = _scores(at)
    assert after["Train R²"] != before["Train R²"]
    assert after["Validation R²"] != before["Validation R²"]
    previous = [c.value for c in at.caption if c.value.startswith("Against your previous fit")]
    assert len(previous) == 1 and r"max\_depth 6" in previous[0]
    assert "No real difference" in previous[0] or "is better than" in previous[0]
    runs = len(at.session_state["train_recorded"])
    at.run()
    assert len(at.session_state["train_recorded"]) == runs, "a rerun must not add a run"
    at.select_slider(key="train_param_decision_tree_max_depth").set_value(6).run()
    assert len(at.session_state["train_recorded"]) == runs, "the same settings are one run"


@pytest.mark.parametrize("name", ["breast_cancer", "store_demand"])
def test_each_view_draws_its_chart(name):
    at = _open(dataset=name)
    for view in ("loss", "learning", "validation", "model"):
        at.segmented_control(key="train_view").set_value(view).run()
        _no_problems(at)
        assert at.query_params["view"] == view
        assert _charts(at) >= 2, view
        assert any("Takeaway" in m.value for m in at.markdown), view


def test_moving_c_moves_the_scores_data_and_keeps_every_spec():
    """A Vega-Lite chart whose spec is unchanged is updated in place: the live-feel budget."""
    at = _open(dataset="churn", model="logistic_regression")
    before = _vega(at)
    at.select_slider(key="train_param_logistic_regression_C").set_value(0.01).run()
    _no_problems(at)
    after = _vega(at)
    # The scores ("Train vs validation") and the boundary ("What the model predicts").
    assert set(after) == set(before) == {"Train", "What"}
    for key, (spec, _) in after.items():
        assert spec == before[key][0], key
    # The scores move, and so does the boundary's shading: on churn's two default features
    # the model predicts one class everywhere at either C, but its probabilities move.
    assert after["Train"][1] != before["Train"][1]
    assert after["What"][1] != before["What"][1]


def test_code_is_built_on_request_for_the_fit_on_screen(monkeypatch):
    """The downloads hand Streamlit a callable, run on click; the script shows on a toggle."""
    handed = {}
    original = DeltaGenerator.download_button

    def recording(self, label, data, *args, **kwargs):
        handed[kwargs["file_name"]] = data
        return original(self, label, data, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    at = _open(dataset="churn", model="logistic_regression")
    assert not at.code, "the script is not drawn until asked for"
    assert at.toggle(key="train_show_code").value is False
    at.select_slider(key="train_param_logistic_regression_C").set_value(0.01).run()
    _no_problems(at)
    script = handed["ml_spine_churn_logistic_regression.py"]
    notebook = handed["ml_spine_churn_logistic_regression.ipynb"]
    assert callable(script) and callable(notebook)
    assert "LogisticRegression(max_iter=1000, C=0.01," in script()
    assert "C=0.01, class_weight" in "".join(
        "".join(cell["source"]) for cell in json.loads(notebook())["cells"]
    )
    assert "LogisticRegression(max_iter=1000, C=0.01," in _shown_code(at)
    at.select_slider(key="train_param_logistic_regression_C").set_value(10.0).run()
    _no_problems(at)
    moved = handed["ml_spine_churn_logistic_regression.py"]()
    assert "LogisticRegression(max_iter=1000, C=10.0," in moved
    assert at.code[0].value.strip() == moved.strip(), (
        "the toggle stays on and shows the new fit's script"
    )


def test_loss_stepper_shows_divergence_at_a_large_learning_rate():
    at = _open(dataset="diabetes", view="loss")
    at.select_slider(key="train_learning_rate").set_value(10.0).run()
    _no_problems(at)
    assert any("overshoot" in m.value for m in at.markdown)
    at.select_slider(key="train_learning_rate").set_value(0.01).run()
    at.slider(key="train_epoch").set_value(3).run()
    _no_problems(at)
    assert any("After 3 epochs" in m.value for m in at.markdown)


def test_decision_boundary_features_can_be_picked():
    at = _open(dataset="wine")
    at.selectbox(key="train_feature_y").set_value("proline").run()
    _no_problems(at)
    assert any("`proline`" in m.value for m in at.markdown if "Takeaway" in m.value)


def test_a_link_reproduces_model_and_view():
    at = _open(dataset="wine", model="knn", view="validation")
    assert at.selectbox(key="train_model").value == "knn"
    assert at.segmented_control(key="train_view").value == "validation"
    assert at.query_params["dataset"] == "wine"


def test_framing_from_lesson_one_sets_the_metric_and_the_baseline():
    at = open_app(timeout=TIMEOUT, dataset="breast_cancer")
    at.session_state["course_framing"] = {
        "breast_cancer": FramingChoice(
            target="malignant",
            task="binary",
            metric="pr_auc",
            baseline_name="majority class",
            baseline_score=0.373,
        )
    }
    at.switch_page(PAGE).run()
    _no_problems(at)
    scores = _scores(at)
    assert "Validation PR AUC (average precision)" in scores
    assert scores["Baseline"] == "0.373"
    assert any("Baseline: majority class, from lesson 1" in c.value for c in at.caption)


def test_a_lesson_one_metric_this_page_cannot_compute_is_named_and_replaced():
    at = open_app(timeout=TIMEOUT, dataset="stocks")
    at.session_state["course_framing"] = {
        "stocks": FramingChoice(metric="mase", baseline_name="last value", baseline_score=1.0)
    }
    at.switch_page(PAGE).run()
    _no_problems(at)
    assert "Validation R²" in _scores(at)
    # Named in words, as lesson 1 names it, not by its registry key.
    assert any("Lesson 1 chose MASE" in c.value for c in at.caption)


def test_svm_on_large_data_explains_instead_of_failing():
    at = _open(dataset="churn")
    at.selectbox(key="train_model").set_value("svm").run()
    assert not at.exception
    assert any("live limit" in e.value for e in at.error)


def test_a_choice_knob_starts_on_its_default_and_changes_the_fit():
    at = _open(dataset="churn")
    radio = at.radio(key="train_param_logistic_regression_class_weight_position")
    assert radio.value == 0, "'equal' (None) must show as selected"
    before = _scores(at)
    radio.set_value(1).run()
    _no_problems(at)
    assert at.session_state["train_param_logistic_regression_class_weight"] == "balanced"
    after = _scores(at)
    # Fit time differs between any two fits; the scores must move because the fit did.
    assert {k: v for k, v in after.items() if k != "Fit time"} != {
        k: v for k, v in before.items() if k != "Fit time"
    }


def test_row_cap_samples_large_data_with_a_visible_notice():
    at = _open(dataset="fraud")
    assert not any("row cap" in i.value for i in at.info)
    at.select_slider(key="train_row_cap").set_value(5_000).run()
    _no_problems(at)
    assert any("seeded sample of 5,000" in i.value for i in at.info)
    assert "dataset.frame.sample(n=5000" in _shown_code(at)


def test_an_uploaded_csv_trains_and_its_script_reads_the_file():
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    n = 500
    frame = pd.DataFrame(
        {
            "Customer ID": [f"c-{i}" for i in range(n)],
            "joined": pd.date_range("2022-01-01", periods=n, freq="D"),
            "plan **bold**": rng.choice(["basic", "pro", None], n),
            "spend": np.where(rng.random(n) < 0.1, np.nan, rng.gamma(2.0, 30.0, n)),
            "left": rng.choice(["yes", "no"], n),
        }
    )
    upload = datasets.Dataset(
        name="upload-shop-abc123",
        title="shop.csv",
        frame=frame,
        target="left",
        task="binary",
        problem="classification",
        time_column="joined",
        group_column=None,
        description="",
        teaches="",
        source="your upload",
    )
    # The Your data page registers uploads in the sidebar's state; do the same before the
    # first run, so the picker offers it and the link selects it.
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state["sidebar_uploads"] = {upload.name: upload}
    at.query_params["dataset"] = upload.name
    at.run()
    at.switch_page(PAGE).run()
    _no_problems(at)
    assert "Validation ROC AUC" in _scores(at)
    script = _shown_code(at)
    assert "CSV_PATH = 'shop.csv'" in script and "Left out 'Customer ID'" in script
    for spec in model_registry.models_for("classification"):
        at.selectbox(key="train_model").set_value(spec.key).run()
        _no_problems(at)
