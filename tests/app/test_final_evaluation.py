"""The final evaluation section driven with AppTest: no test number before the button, the
lesson's own numbers after it, and every further look counted."""

from __future__ import annotations

import json

from lessons import datasets, evaluation, framing, scoring, training
from lessons.choices import FramingChoice
from lessons.models import default_model
from tests.app.conftest import open_app

TIMEOUT = 180
OPEN_TRAIN = "final_evaluation_open_train"
OPEN_METRICS = "final_evaluation_open_metrics"


def _final_metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric if m.label.endswith(" rows")}


def _expected(name: str, model: str, metric: str, params: dict | None = None):
    ready = training.prepare(datasets.load(name, 0), random_state=0)
    return evaluation.final_evaluation(
        ready.dataset, ready.buckets, model, params or {}, metric, random_state=0
    )


def _texts(at) -> str:
    return "\n".join(
        [c.value for c in at.caption]
        + [m.value for m in at.markdown]
        + [w.value for w in at.warning]
    )


def _chart_points(at) -> list[float]:
    """The y of each point of the final evaluation's chart."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    (spec,) = [s for s in specs if "Validation vs test" in s["layout"]["title"]["text"]]
    return [trace["y"][0] for trace in spec["data"]]


def test_the_test_set_opens_once_on_train_with_the_lessons_numbers():
    at = open_app("pages/train.py", timeout=TIMEOUT, dataset="house_prices")
    assert not at.exception, at.exception
    assert "Final evaluation: open the test set once" in [h.value for h in at.header]
    assert not _final_metrics(at), "no test number before the button"
    assert not any(c.value.startswith("Test:") for c in at.caption)
    assert "scored once on 300 test rows" in _texts(at)
    at.button(key=OPEN_TRAIN).click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    expected = _expected("house_prices", "ridge", "r2")
    shown = _final_metrics(at)
    assert shown == {
        "R² on validation rows": f"{expected.validation.score:.3f}",
        "R² on test rows": f"{expected.test.score:.3f}",
    }
    captions = [c.value for c in at.caption]
    assert f"Validation: {expected.validation.text()}" in captions
    assert f"Test: {expected.test.text()}" in captions
    # The validation score is the page's own, fitted on the training rows.
    page = {m.label: m.value for m in at.metric}
    assert page["Validation R²"] == f"{expected.validation.score:.3f}"
    assert "turns the test set into a validation set" in _texts(at)
    assert at.session_state["final_evaluation_opened"], "the look is remembered"
    assert not at.warning, "one look is not a warning"


def test_a_second_look_after_changing_the_model_is_counted_and_warned():
    at = open_app("pages/train.py", timeout=TIMEOUT, dataset="house_prices")
    at.button(key=OPEN_TRAIN).click().run()
    at.selectbox(key="train_model").set_value("decision_tree").run()
    assert not _final_metrics(at), "a new model shows no test number until it is opened"
    warned = " ".join(w.value for w in at.warning)
    assert "already opened once" in warned
    at.button(key=OPEN_TRAIN).click().run()
    assert not at.exception, at.exception
    expected = _expected("house_prices", "decision_tree", "r2", {"max_depth": 6})
    assert _final_metrics(at)["R² on test rows"] == f"{expected.test.score:.3f}"
    warned = " ".join(w.value for w in at.warning)
    assert "opened the test set of this split twice" in warned
    assert "used the test set as a validation set" in warned
    # Going back to the first model shows its number again without a new look.
    at.selectbox(key="train_model").set_value("ridge").run()
    first = _expected("house_prices", "ridge", "r2")
    assert _final_metrics(at)["R² on test rows"] == f"{first.test.score:.3f}"
    looks = next(iter(at.session_state["final_evaluation_opened"].values()))
    assert len(looks) == 2


def test_metrics_page_reports_the_metric_chosen_there_for_lesson_4s_model():
    at = open_app("pages/train.py", timeout=TIMEOUT, dataset="breast_cancer")
    at.selectbox(key="train_model").set_value("knn").run()
    at.button(key=OPEN_TRAIN).click().run()
    auc = _expected("breast_cancer", "knn", "roc_auc")
    at.switch_page("pages/metrics.py").run()
    assert not at.exception, at.exception
    assert "Final evaluation: open the test set once" in [h.value for h in at.header]
    assert any("the one you trained last in lesson 4" in c.value for c in at.caption)
    metric = at.selectbox(key="final_evaluation_metric")
    assert metric.value == scoring.DEFAULT_METRIC["binary"] == "roc_auc"
    # The same model, split and metric as on lesson 4: the same look, no new one.
    assert _final_metrics(at)["ROC AUC on test rows"] == f"{auc.test.score:.3f}"
    assert not at.warning
    metric.set_value("f1").run()
    assert not _final_metrics(at), "another metric is another look, not shown until opened"
    assert "already opened once" in " ".join(w.value for w in at.warning)
    at.button(key=OPEN_METRICS).click().run()
    assert not at.exception, at.exception
    expected = _expected("breast_cancer", "knn", "f1")
    assert _final_metrics(at) == {
        "F1 on validation rows": f"{expected.validation.score:.3f}",
        "F1 on test rows": f"{expected.test.score:.3f}",
    }
    assert [round(v, 12) for v in _chart_points(at)] == [
        round(expected.validation.score, 12),
        round(expected.test.score, 12),
    ]
    assert "opened the test set of this split twice" in " ".join(w.value for w in at.warning)


def test_the_peeking_demonstration_keeps_the_test_set_closed():
    at = open_app("pages/train.py", timeout=TIMEOUT, dataset="diabetes")
    at.toggle(key="final_evaluation_demo_train").set_value(True).run()
    assert not at.exception, at.exception
    said = " ".join(m.value for m in at.markdown)
    assert "Picking the best of" in said and "the other half" in said
    assert not _final_metrics(at), "the demonstration shows no test number"
    assert not at.session_state["final_evaluation_opened"]


def test_metrics_page_reports_lesson_ones_expected_cost_at_this_models_own_threshold():
    at = open_app(dataset="breast_cancer")
    at.session_state["course_framing"] = {
        "breast_cancer": FramingChoice(
            metric=framing.EXPECTED_COST,
            cost_false_positive=1,
            cost_false_negative=20,
            threshold=0.9,  # lesson 1's quick model's: never applied to this model
        )
    }
    at.switch_page("pages/metrics.py").run()
    assert not at.exception, at.exception
    metric = at.selectbox(key="final_evaluation_metric")
    assert metric.value == framing.EXPECTED_COST
    assert metric.options[0] == "Expected cost per 1,000 rows"
    said = _texts(at)
    assert "a false alarm costs 1, a miss 20" in said
    assert "cheapest at these prices on this model's own validation predictions" in said
    assert "lesson 1 chose on validation" not in said
    at.button(key=OPEN_METRICS).click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    ready = training.prepare(datasets.load("breast_cancer", 0), random_state=0)
    model = default_model(training.estimator_kind(ready.dataset))
    expected = evaluation.final_evaluation(
        ready.dataset,
        ready.buckets,
        model,
        {},
        framing.EXPECTED_COST,
        random_state=0,
        costs=framing.Costs(false_positive=1, false_negative=20),
    )
    assert expected.threshold is not None and expected.threshold != 0.9
    assert _final_metrics(at) == {
        "Expected cost per 1,000 rows on validation rows": f"{expected.validation.score:.3f}",
        "Expected cost per 1,000 rows on test rows": f"{expected.test.score:.3f}",
    }
    captions = [c.value for c in at.caption]
    assert f"Test: {expected.test.text()}" in captions
    threshold = framing.format_threshold(expected.threshold)
    assert any(f"validation predictions: {threshold};" in c for c in captions)
