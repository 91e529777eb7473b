"""Caches key on everything that changes the data, not on the dataset's name alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from streamlit import config

from components import monitor
from lessons.choices import SplitChoice
from tests.app.conftest import open_app

LOANS = (Path(__file__).resolve().parents[1] / "fixtures" / "audit_loans.csv").read_bytes()


@pytest.fixture(autouse=True)
def full_tracebacks():
    previous = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "full")
    yield
    config.set_option("client.showErrorDetails", previous)


def _traceback(at) -> str:
    return "\n".join("\n".join(e.stack_trace) for e in at.exception)


def _validation_score(at) -> str:
    (value,) = [m.value for m in at.metric if m.label.startswith("Validation")]
    return value


def test_an_upload_registered_again_with_other_leaks_kept_out_is_not_served_from_cache():
    at = open_app("pages/data.py", dataset="fraud")
    at.file_uploader[0].set_value(("loans.csv", LOANS, "text/csv")).run()
    key = f"{at.session_state['upload_parsed'].file_id}_defaulted"
    at.multiselect(key=f"audit_use_leaks_{key}").set_value(["collection_calls"]).run()
    at.button(key=f"audit_use_button_{key}").click().run()
    name = at.session_state["sidebar_dataset"]
    at.switch_page("pages/train.py").run()
    assert not at.exception, _traceback(at)
    honest = _validation_score(at)
    # What "Use in the lessons" does a second time with the leak no longer kept out: the same
    # file under the same name, registered again with other columns excluded.
    uploads = at.session_state["sidebar_uploads"]
    uploads[name] = dataclasses.replace(uploads[name], post_outcome_columns=())
    at.session_state["sidebar_uploads"] = uploads
    at.run()
    assert not at.exception, _traceback(at)
    assert at.session_state["sidebar_dataset"] == name
    leaky = _validation_score(at)
    assert leaky != honest, "the collection calls are a feature now, so the score must move"


def test_an_untouched_lesson_two_hands_later_lessons_the_default_split_they_were_warmed_on():
    def kept(at) -> SplitChoice:
        return at.session_state.get("course_split", {}).get("fraud", SplitChoice())

    at = open_app("pages/split.py", dataset="fraud")
    assert not at.exception, _traceback(at)
    assert at.selectbox(key="split_strategy").value == "time"
    assert kept(at) == SplitChoice()
    at.selectbox(key="split_strategy").set_value("random").run()
    assert kept(at).strategy == "random"
    at.selectbox(key="split_strategy").set_value("time").run()
    assert kept(at) == SplitChoice()


def test_the_warm_up_simulates_the_model_a_learner_ships_after_lesson_4(monkeypatch):
    asked, warmed = [], []
    monkeypatch.setattr(monitor, "_builtin_simulation", lambda *args: asked.append(args))
    at = open_app("pages/train.py", dataset="store_demand")
    at.switch_page("pages/monitor.py").run()
    assert not at.exception, _traceback(at)
    monkeypatch.setattr(monitor, "_builtin_simulation", lambda *args: warmed.append(args))
    monitor.warm("store_demand", 0)
    assert asked and asked[-1] in warmed
    assert len(set(warmed)) == len(warmed) > 2
