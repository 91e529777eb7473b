"""The learner's progress record: updates, status, JSON round trip, and the store."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lessons.progress import INTERACTIONS, LESSONS, TRACKED, Progress, status, summary
from lessons.store import RunStore


def test_visits_marks_and_answers_accumulate():
    progress = Progress().visit("split").mark("train", "model_trained")
    progress = progress.answer("split", "q1", False).answer("split", "q1", True)
    assert progress.visited == {"split", "train"}  # marking an interaction counts as a visit
    assert progress.interactions == {("train", "model_trained")}
    assert progress.answers == {("split", "q1"): True}


def test_an_unchanged_update_returns_the_same_record():
    progress = Progress().visit("frame").answer("frame", "q1", True)
    assert progress.visit("frame") is progress
    assert progress.answer("frame", "q1", True) is progress


@pytest.mark.parametrize(
    ("call", "args"),
    [("visit", ("nowhere",)), ("mark", ("train", "danced")), ("answer", ("nowhere", "q", True))],
)
def test_unknown_lessons_and_interactions_are_refused(call, args):
    with pytest.raises(ValueError, match=r"nowhere|danced"):
        getattr(Progress(), call)(*args)


def test_status_counts_only_current_questions_and_reaches_done():
    progress = Progress().visit("split").answer("split", "old", True).answer("split", "a", False)
    started = status(progress, "split", ("a", "b"))
    assert (started.answered, started.correct, started.questions_total) == (1, 0, 2)
    assert started.state == "started"
    assert started.fraction == pytest.approx(2 / 4)
    finished = progress.mark("split", "strategy_tried").answer("split", "b", True)
    done = status(finished, "split", ("a", "b"))
    assert done.state == "done" and done.fraction == 1
    assert status(Progress(), "split", ("a",)).state == "not started"


def test_summary_counts_lessons_and_checks_over_the_seven_lessons():
    progress = Progress()
    for interaction in INTERACTIONS["frame"]:
        progress = progress.mark("frame", interaction.key)
    progress = progress.answer("frame", "q1", True).visit("split").mark("data", "audit_run")
    overall = summary({lesson: status(progress, lesson, ("q1",)) for lesson in TRACKED})
    assert (overall.lessons_done, overall.lessons_started, overall.lessons_total) == (1, 1, 7)
    assert (overall.correct, overall.answered, overall.questions_total) == (1, 1, len(LESSONS))
    assert overall.fraction == pytest.approx(1.5 / 7)


def test_merge_keeps_everything_and_a_right_answer_wins():
    saved = Progress().visit("frame").answer("frame", "q1", True).answer("frame", "q2", False)
    session = Progress().visit("split").answer("frame", "q1", False).answer("frame", "q2", True)
    merged = session.merge(saved)
    assert merged.visited == {"frame", "split"}
    assert merged.answers == {("frame", "q1"): True, ("frame", "q2"): True}


progress_records = st.builds(
    Progress,
    st.frozensets(st.sampled_from(TRACKED)),
    st.frozensets(
        st.sampled_from([(lesson, i.key) for lesson, found in INTERACTIONS.items() for i in found])
    ),
    st.dictionaries(
        st.tuples(st.sampled_from(TRACKED), st.text(min_size=1, max_size=8)), st.booleans()
    ),
)


@given(progress_records)
def test_json_round_trip(progress):
    assert Progress.from_dict(progress.to_dict()) == progress


def test_from_dict_drops_what_this_version_does_not_know():
    payload = {
        "visited": ["frame", "retired"],
        "interactions": [["frame", "target_chosen"], ["frame", "gone"]],
        "answers": [["retired", "q", True], ["split", "q", False]],
    }
    progress = Progress.from_dict(payload)
    assert progress.visited == {"frame"}
    assert progress.interactions == {("frame", "target_chosen")}
    assert progress.answers == {("split", "q"): False}


def test_the_store_keeps_one_progress_document_per_scope(store_url):
    store = RunStore.at_url(store_url)
    assert store.load_progress("workspace:ada") is None
    first = Progress().visit("frame")
    store.save_progress("workspace:ada", first.to_dict())
    store.save_progress("workspace:ada", first.visit("split").to_dict())
    store.save_progress("workspace:bob", Progress().to_dict())
    assert Progress.from_dict(store.load_progress("workspace:ada")).visited == {"frame", "split"}
    assert Progress.from_dict(store.load_progress("workspace:bob")) == Progress()


def test_the_spine_figure_draws_each_steps_progress():
    from components import charts, navigation

    steps = [(s.key, s.label, s.question) for s in navigation.SPINE]
    plain = charts.spine_figure(steps, navigation.LOOPS, {s.key for s in navigation.SPINE})
    marked = charts.spine_figure(
        steps,
        navigation.LOOPS,
        {s.key for s in navigation.SPINE},
        progress={"frame": 1.0, "split": 0.4},
    )
    texts = [a.text for a in marked.layout.annotations]
    assert "✓ done" in texts and "40% done" in texts
    assert not any("done" in a.text for a in plain.layout.annotations)
    filled = [s for s in marked.layout.shapes if s.fillcolor == "white" and s.type == "rect"]
    widths = sorted(round(s.x1 - s.x0, 3) for s in filled)
    assert len(widths) == 2 and widths[0] == pytest.approx(0.4 * widths[1], rel=1e-3)
