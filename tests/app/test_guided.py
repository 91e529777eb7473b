"""The guided path driven with AppTest: it advances, and the decisions travel with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lessons import codegen, datasets, evaluation, scaffold, training
from tests.app.conftest import open_app, split_strategy

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
LOANS = (FIXTURES / "audit_loans.csv").read_bytes()


def _next(at):
    at.button(key="guided_next").click().run()
    assert not at.exception, at.exception
    return at


def _confirm(at):
    at.button(key="guided_confirm").click().run()
    assert not at.exception, at.exception
    assert at.session_state["guided_step"] == "split"
    return at


def _framing(at, name):
    return at.session_state["course_framing"][name]


def _walk_to_export(at):
    """From step 1 to step 6 with every default, as a newcomer clicking Next would."""
    _confirm(_next(at))
    for step in ("train", "metric", "export"):
        _next(at)
        assert at.session_state["guided_step"] == step
        assert at.query_params["step"] == [step] or at.query_params["step"] == step
    return at


@pytest.mark.parametrize(
    ("name", "split", "metric"),
    [
        ("breast_cancer", "stratified", "accuracy"),
        ("house_prices", "random", None),
        ("churn", "time", "pr_auc"),
    ],
)
def test_the_path_advances_and_carries_target_split_and_metric(name, split, metric):
    at = open_app("pages/guided.py", dataset=name)
    assert at.session_state["guided_step"] == "frame"
    assert at.segmented_control(key="guided_step").value == "frame"
    target = _framing(at, name).target
    assert target and target in at.markdown[2].value + "".join(m.value for m in at.markdown)
    _walk_to_export(at)
    assert split_strategy(at, name) == split
    final = at.session_state["guided_final"]
    if metric is not None:
        assert final.metric == metric
    assert _framing(at, name).target == target
    assert _framing(at, name).metric == final.metric
    assert _framing(at, name).baseline_score == final.baseline
    assert at.code[0].value == scaffold.score_line(final.result)
    download = at.get("download_button")
    assert len(download) == 1
    # Every step is ticked but the last, which ticks on download.
    labels = at.segmented_control(key="guided_step").options
    assert sum("✓" in label for label in labels) == 5
    # Each distinct fit went to the experiment log once.
    assert len(at.session_state["guided_recorded"]) >= 1


@pytest.mark.parametrize(
    "name",
    [n for n in datasets.BUILTIN_NAMES if n not in ("breast_cancer", "house_prices", "churn")],
)
def test_every_other_builtin_walks_to_the_download(name):
    at = _walk_to_export(open_app("pages/guided.py", dataset=name))
    final = at.session_state["guided_final"]
    assert final.key[0][0] == name
    assert at.code[0].value == scaffold.score_line(final.result)
    assert len(at.get("download_button")) == 1
    assert not at.error


def test_the_path_ends_with_the_test_set_opened_once_and_the_script_prints_it():
    at = _walk_to_export(open_app("pages/guided.py", dataset="house_prices"))
    final = at.session_state["guided_final"]
    assert not [m for m in at.metric if m.label.endswith("on test rows")]
    at.button(key="final_evaluation_open_guided").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    ready = _guided_split(final)
    expected = evaluation.final_evaluation(
        ready.dataset,
        ready.buckets,
        final.model,
        dict(final.result.params),
        final.metric,
        random_state=0,
    )
    assert expected.validation.score == final.result.validation_score
    shown = {m.label: m.value for m in at.metric}
    name = expected.metric_name
    assert shown[f"{name} on test rows"] == f"{expected.test.score:.3f}"
    assert at.code[-1].value == codegen.final_score_lines(expected)
    assert at.code[0].value == scaffold.score_line(final.result)


def _guided_split(final):
    """The guided path's data and split, rebuilt from its cache key."""
    (name, *_), seed, choice = final.key
    return training.prepare(datasets.load(name, seed), choice, random_state=seed)


def test_changing_the_split_and_the_metric_reaches_the_lessons():
    at = open_app("pages/guided.py", dataset="breast_cancer")
    _confirm(_next(at))
    at.radio(key="guided_split_breast_cancer").set_value("random").run()
    assert not at.exception
    assert split_strategy(at, "breast_cancer") == "random"
    assert "random split" in at.get("plotly_chart")[0].proto.spec
    _next(_next(at))
    at.radio(key="guided_metric_breast_cancer").set_value("roc_auc").run()
    assert not at.exception
    assert _framing(at, "breast_cancer").metric == "roc_auc"
    assert at.session_state["guided_final"].metric == "roc_auc"
    # Lesson 4 scores with the metric chosen here and trains on the split chosen here.
    at.switch_page("pages/train.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "random" in captions
    assert any(m.label == "Validation ROC AUC" for m in at.metric)


def test_a_deep_link_to_a_later_step_says_what_to_do_first():
    at = open_app("pages/guided.py", dataset="wine", step="train")
    assert at.session_state["guided_step"] == "train"
    assert any("leak-checked" in i.value for i in at.info)
    at.button(key="guided_unblock_audit").click().run()
    assert at.session_state["guided_step"] == "audit"
    assert not at.exception
    at.segmented_control(key="guided_step").set_value("split").run()
    assert at.query_params["step"] in ("split", ["split"])
    assert any("leak-checked" in i.value for i in at.info)


def test_the_built_in_leak_is_kept_out_and_a_flagged_column_can_join_it():
    at = _next(open_app("pages/guided.py", dataset="churn"))
    assert any(
        "exit\\_survey\\_score" in c.value or "exit_survey_score" in c.value for c in at.caption
    )
    drops = at.multiselect(key="guided_drops_churn")
    assert drops.value == []  # the high-severity leak is the scenario's own, always kept out
    assert "exit_survey_score" not in drops.options
    at = _next(open_app("pages/guided.py", dataset="fraud"))
    drops = at.multiselect(key="guided_drops_fraud")
    assert drops.value == []  # fraud's only leak finding is low severity
    drops.set_value(["txn_count_24h"]).run()
    _confirm(at)
    audited = at.session_state["guided_audited"]["fraud"]
    assert audited.extra_dropped == ("txn_count_24h",)
    assert "1 leak column kept out" in [c.value for c in at.caption]


def _upload(at, name: str, data: bytes):
    at.segmented_control(key="guided_source").set_value("upload").run()
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def test_an_uploaded_csv_walks_to_a_zip_with_its_leak_kept_out():
    at = _upload(open_app("pages/guided.py", dataset="wine"), "loans.csv", LOANS)
    pending = at.session_state["guided_pending"]
    assert pending.target == "defaulted"
    _next(at)
    drops = at.multiselect(key=f"guided_drops_{pending.name}")
    assert drops.value == ["collection_calls"]
    drops.set_value([]).run()
    assert any("high-severity leak" in w.value for w in at.warning)
    drops.set_value(["collection_calls"]).run()
    _confirm(at)
    assert at.session_state["sidebar_dataset"] == pending.name
    dataset = at.session_state["sidebar_uploads"][pending.name]
    assert dataset.post_outcome_columns == ("collection_calls",)
    for _ in ("train", "metric", "export"):
        _next(at)
    final = at.session_state["guided_final"]
    assert _framing(at, pending.name).target == "defaulted"
    assert split_strategy(at, pending.name) == "time"
    assert at.code[0].value == scaffold.score_line(final.result)
    assert "loans.csv" in " ".join(m.value for m in at.markdown)


def test_a_bad_csv_gives_an_error_not_an_exception():
    at = _upload(
        open_app("pages/guided.py", dataset="wine"),
        "report.csv",
        (FIXTURES / "audit_not_a_table.csv").read_bytes(),
    )
    assert len(at.error) == 1
    assert "Could not use this file" in at.error[0].value
    _next(at)
    assert any("Upload a CSV" in i.value for i in at.info)
    assert at.session_state["sidebar_dataset"] == "wine"


def test_markup_in_a_file_name_and_column_names_is_never_live():
    data = b'"<img src=x onerror=alert(1)>","[link](http://x.y)",target\n' + b"".join(
        f"{i},{i % 4},{i % 2}\n".encode() for i in range(60)
    )
    at = _upload(open_app("pages/guided.py", dataset="wine"), "[x](http://e.vil).csv", data)
    _confirm(_next(at))
    _next(_next(_next(at)))
    assert at.session_state["guided_step"] == "export"
    for element in [*at.markdown, *at.caption, *at.info, *at.warning, *at.error]:
        outside_code = re.sub(r"`[^`]*`", "", str(element.value))
        assert not re.search(r"(?<!\\)<img", outside_code), outside_code
        assert not re.search(r"(?<!\\)\]\(http", outside_code), outside_code


def test_a_new_target_on_the_same_csv_asks_for_a_new_audit_then_walks_to_the_end():
    at = _upload(open_app("pages/guided.py", dataset="wine"), "loans.csv", LOANS)
    _confirm(_next(at))
    for _ in ("audit", "frame"):
        at.button(key="guided_back").click().run()
    assert at.session_state["guided_step"] == "frame"
    file_id = at.session_state["guided_pending"].upload.file_id
    at.selectbox(key=f"audit_target_{file_id}").set_value("loan_amount").run()
    assert not at.exception
    at.segmented_control(key="guided_step").set_value("train").run()
    assert any("not in use yet" in i.value for i in at.info)
    at.button(key="guided_unblock_audit").click().run()
    _confirm(at)
    for _ in ("train", "metric", "export"):
        _next(at)
    final = at.session_state["guided_final"]
    assert final.metric in ("r2", "mae", "rmse")
    assert at.session_state["sidebar_uploads"][final.key[0][0]].target == "loan_amount"
    assert at.code[0].value == scaffold.score_line(final.result)


@pytest.mark.parametrize("name", ["breast_cancer", "wine", "diabetes"])
def test_every_metric_offered_at_step_5_can_be_chosen_and_scored(name):
    at = open_app("pages/guided.py", dataset=name)
    _confirm(_next(at))
    _next(at)  # train
    _next(at)  # metric
    assert at.session_state["guided_step"] == "metric"
    choice = at.radio(key=f"guided_metric_{name}")
    for option in choice.options:
        at.radio(key=f"guided_metric_{name}").set_value(option).run()
        assert not at.exception, (option, at.exception)
        assert not at.error, (option, [e.value for e in at.error])
