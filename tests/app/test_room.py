"""The classroom room with AppTest: an instructor's session and learners' sessions, one store.

Each test points the store at its own SQLite file, so rooms never leak between tests.
"""

import pytest

from components import monitor, room
from lessons import db, rooms
from tests.app.conftest import open_app


@pytest.fixture(autouse=True)
def own_database(tmp_path, monkeypatch):
    monkeypatch.setenv(db.DATABASE_URL_ENV, db.sqlite_url(tmp_path / "room.sqlite"))


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _open_room():
    instructor = open_app("pages/room.py", instructor="1")
    _button(instructor, "Open a room").click().run()
    assert not instructor.exception, instructor.exception
    code = instructor.session_state[room.HOSTED_KEY]
    assert len(code) == rooms.CODE_LENGTH and set(code) <= set(rooms.CODE_ALPHABET)
    assert "Seats taken" in [m.label for m in instructor.metric]
    return instructor, code


def _count_line(at) -> str:
    return next(m.value for m in at.markdown if "seats voted" in m.value)


def test_a_learner_joins_votes_and_the_instructors_count_changes():
    instructor, code = _open_room()
    instructor.switch_page("pages/monitor.py").run()
    assert not instructor.exception, instructor.exception
    assert _count_line(instructor).startswith("**0 of 0**")

    learner = open_app("pages/room.py", code=code)
    assert not learner.exception, learner.exception
    assert learner.session_state[room.JOINED_KEY] == code
    # Following the projector took the learner to the monitor page, where the policy
    # question is a vote. (AppTest reruns the page it last switched to, so it is told.)
    assert [t.value for t in learner.title] == ["7. Deploy and monitor"]
    learner.switch_page("pages/monitor.py").run()
    vote = next(r for r in learner.radio if r.label == monitor.POLICY_QUESTION)
    vote.set_value("monthly").run()
    assert not learner.exception, learner.exception

    instructor.run()
    assert _count_line(instructor).startswith("**1 of 1**")
    # Until the instructor reveals, the learner's page waits; Reveal opens it on both sides.
    assert any("when the instructor reveals it" in i.value for i in learner.info)
    _reveal_button(instructor).click().run()
    assert not instructor.exception, instructor.exception
    assert "chose the answer" in _count_line(instructor)
    learner.run()
    vote = next(r for r in learner.radio if r.label == monitor.POLICY_QUESTION)
    assert vote.disabled, "a revealed question takes no more votes"
    assert learner.success or learner.warning

    # Ask again: a second round, the answer hidden again on both sides, the count from zero.
    next(b for b in instructor.button if b.label == "Ask again").click().run()
    assert _count_line(instructor).startswith("**0 of 1** seats voted (round 2)")
    assert _reveal_button(instructor) is not None
    learner.run()
    vote = next(r for r in learner.radio if r.label == monitor.POLICY_QUESTION)
    assert not vote.disabled and vote.value is None

    # Other settings are another question: not revealed, its own count.
    _reveal_button(instructor).click().run()
    instructor.slider(key="monitor_intensity").set_value(0.25).run()
    assert not instructor.exception, instructor.exception
    assert _reveal_button(instructor) is not None
    assert _count_line(instructor).startswith("**0 of 1**")


def _reveal_button(at):
    return next((b for b in at.button if b.label == "Reveal" and "monitor" in b.key), None)


def test_a_typed_code_joins_and_a_wrong_one_says_why():
    _, code = _open_room()
    learner = open_app("pages/room.py")
    join = next(b for b in learner.button if b.label == "Join")
    learner.text_input(key=room.CODE_INPUT_KEY).input("ZZ")
    join.click().run()
    assert any("four letters" in i.value for i in learner.info)
    other = "KMRT" if code != "KMRT" else "KMRU"
    learner.text_input(key=room.CODE_INPUT_KEY).input(other)
    next(b for b in learner.button if b.label == "Join").click().run()
    assert not learner.exception, learner.exception
    assert room.JOINED_KEY not in learner.session_state
    assert any(f"There is no room {other}" in i.value for i in learner.info)
    learner.text_input(key=room.CODE_INPUT_KEY).input(f" {code.lower()} ")
    next(b for b in learner.button if b.label == "Join").click().run()
    assert learner.session_state[room.JOINED_KEY] == code


def test_closing_the_room_sends_its_learners_back_to_their_own_pace():
    instructor, code = _open_room()
    learner = open_app("pages/room.py", code=code)
    assert learner.session_state[room.JOINED_KEY] == code
    _button(instructor, "Close the room").click().run()
    assert room.HOSTED_KEY not in instructor.session_state
    learner.run()
    assert room.JOINED_KEY not in learner.session_state
    assert not learner.exception, learner.exception


def test_without_a_room_every_page_behaves_as_before():
    at = open_app("pages/room.py")
    assert [t.value for t in at.title] == ["Classroom room"]
    assert "Join" in [b.label for b in at.button]
    assert not at.exception
