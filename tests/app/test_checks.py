"""Checks of understanding driven with AppTest: answering shows feedback and updates progress.

The checks section is drawn by a tiny script that calls ``components.checks.render`` the way a
lesson page does (the lesson pages call it at their end once wired).
"""

import pytest
from streamlit.testing.v1 import AppTest

from components.checks import widget_key
from components.text import escape_md
from lessons import checks, datasets


def _script(lesson: str, name: str, seed: int) -> None:
    import streamlit as st

    from components import checks, data

    seed = st.session_state.get("test_seed", seed)
    checks.render(lesson, data.builtin(name, seed), seed)


def _app(lesson: str, name: str = "stocks", seed: int = 0, **state) -> AppTest:
    at = AppTest.from_function(_script, args=(lesson, name, seed), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _progress(at: AppTest):
    return at.session_state["progress_state"]


def _resolved(lesson: str, name: str, seed: int) -> list[checks.Question]:
    dataset = datasets.load(name, seed)
    return [
        q if isinstance(q, checks.Question) else checks.answer(q, dataset, seed)
        for q in checks.load(lesson)
    ]


@pytest.mark.parametrize("lesson", checks.LESSONS)
def test_answering_every_question_right_shows_success_and_counts(lesson):
    at = _app(lesson)
    assert at.subheader[0].value == "Check your understanding"
    questions = _resolved(lesson, "stocks", 0)
    assert len(at.radio) == len(questions)
    for question in questions:
        at.radio(key=widget_key(lesson, question.id)).set_value(question.correct.key).run()
        assert not at.exception, at.exception
    answers = _progress(at).answers
    assert all(answers[(lesson, q.id)] for q in questions)
    assert len(at.success) == len(questions)
    assert not at.error
    assert f"**{len(questions)} of {len(questions)} right**" in [m.value for m in at.markdown]


def test_a_wrong_answer_shows_the_right_one_and_is_recorded_as_wrong():
    lesson = "split"
    question = _resolved(lesson, "stocks", 0)[1]
    wrong = next(o for o in question.options if not o.correct)
    at = _app(lesson)
    at.radio(key=widget_key(lesson, question.id)).set_value(wrong.key).run()
    assert _progress(at).answers[(lesson, question.id)] is False
    assert len(at.error) == 1
    assert question.correct.text in at.error[0].value
    assert any(m.value.startswith("**0 of 4 right**") for m in at.markdown)
    # A second answer replaces the first.
    at.radio(key=widget_key(lesson, question.id)).set_value(question.correct.key).run()
    assert _progress(at).answers[(lesson, question.id)] is True
    assert not at.error and len(at.success) == 1


def test_computed_question_uses_the_active_data_and_says_when_it_stands_in():
    # breast_cancer has no time column: the split question runs on a built-in with one.
    at = _app("split", name="breast_cancer")
    notes = [c.value for c in at.caption]
    assert any("no time column" in n and "churn" in n for n in notes), notes
    # store_demand has one and enough rows: no stand-in, and its own numbers.
    at = _app("split", name="store_demand")
    assert not any("no time column" in c.value for c in at.caption)
    gap = checks.COMPUTE["shuffle_versus_time"](datasets.load("store_demand", 0), 0)
    assert gap.note is None
    assert any(escape_md(gap.values["time_cut"]) in m.value for m in at.markdown)


def test_instructor_mode_keeps_feedback_behind_reveal_but_records_the_vote():
    lesson = "frame"
    question = _resolved(lesson, "stocks", 0)[1]
    at = _app(lesson, sidebar_instructor=True)
    at.radio(key=widget_key(lesson, question.id)).set_value(question.correct.key).run()
    assert _progress(at).answers[(lesson, question.id)] is True
    assert not at.success
    at.button(key=f"lesson_reveal_button_{widget_key(lesson, question.id)}").click().run()
    assert len(at.success) == 1


def test_a_computed_answer_is_cleared_when_the_seed_changes():
    lesson = "train"
    question = _resolved(lesson, "stocks", 0)[0]
    key = widget_key(lesson, question.id)
    at = _app(lesson)
    at.radio(key=key).set_value(question.correct.key).run()
    assert at.radio(key=key).value == question.correct.key
    at.session_state["test_seed"] = 1
    at.run()
    assert not at.exception, at.exception
    assert at.radio(key=key).value is None
    assert not at.warning
    # A static question keeps its answer: it does not depend on the data.
    static = widget_key(lesson, _resolved(lesson, "stocks", 0)[1].id)
    at.radio(key=static).set_value("b").run()
    at.session_state["test_seed"] = 2
    at.run()
    assert at.radio(key=static).value == "b"


def _upload_script(lesson: str) -> None:
    import numpy as np
    import pandas as pd

    from components import checks
    from lessons.datasets import Dataset

    rng = np.random.default_rng(0)
    x = rng.normal(size=200)
    frame = pd.DataFrame({"x [m]": x, "label": np.where(x + rng.normal(size=200) > 0, "yes", "no")})
    upload = Dataset(
        "upload-1",
        "My [odd](http://x) file",
        frame,
        "label",
        "binary",
        "classification",
        None,
        None,
        "an upload",
        "",
    )
    checks.render(lesson, upload, 0)


@pytest.mark.parametrize("lesson", ["frame", "split"])
def test_an_upload_gets_its_questions_with_its_title_escaped(lesson):
    at = AppTest.from_function(_upload_script, args=(lesson,), default_timeout=60).run()
    assert not at.exception, at.exception
    text = " ".join(m.value for m in at.markdown) + " ".join(c.value for c in at.caption)
    assert "](http" not in text
    assert len(at.radio) == len(checks.question_ids(lesson))


def _monitor_script() -> None:
    from types import SimpleNamespace

    from components import checks, data

    def run(mean, retrains):
        months = [mean + 0.01 * ((i % 3) - 1) for i in range(12)]
        return SimpleNamespace(performance=months, mean_performance=mean, retrains=retrains)

    on_screen = SimpleNamespace(
        policies={"never": run(0.9, 0), "monthly": run(0.612, 9), "on_alert": run(0.7, 2)},
        artifact=SimpleNamespace(metric="ROC AUC"),
        scenario="covariate",
        delay=1,
        corrupt_month=None,
        months=tuple(range(12)),
    )
    checks.render("monitor", data.builtin("stocks", 0), 0, simulation=on_screen)


def test_the_monitor_question_uses_the_simulation_on_screen():
    at = AppTest.from_function(_monitor_script, default_timeout=60).run()
    assert not at.exception, at.exception
    assert any("covariate drift" in m.value and "1 month late" in m.value for m in at.markdown)
    at.radio(key=widget_key("monitor", "best-policy")).set_value("never").run()
    assert len(at.success) == 1 and "better than retrain monthly" in at.success[0].value
