"""The room store, one suite on both backends: an SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from lessons import db, rooms
from lessons.rooms import RoomError, RoomStore
from lessons.store import RunStore
from tests.legacy_run_log import write_legacy_log

START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(store_url, clock):
    return RoomStore(store_url, clock=clock)


def _count(store: RoomStore, table, **where) -> int:
    query = select(func.count()).select_from(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    with db.reading(store.engine) as connection:
        return connection.execute(query).scalar_one()


def _room_with_seats(store: RoomStore, number: int) -> str:
    code = store.open_room("host").code
    for seat in range(number):
        store.join(code, f"seat-{seat}", session=f"session-{seat}")
    return code


# --------------------------------------------------------------------------------------------
# Rooms


def test_a_room_gets_a_four_letter_code_from_the_unambiguous_alphabet(store):
    room = store.open_room("host-a")
    assert len(room.code) == rooms.CODE_LENGTH == 4
    assert set(room.code) <= set(rooms.CODE_ALPHABET)
    assert not set(room.code) & set("B8I1LO0S5Z2")
    assert room.created_at == START and room.created_at.tzinfo is not None
    assert room.expires_at == START + rooms.ROOM_LIFETIME
    assert room.seats == 0
    assert store.room(room.code.lower()) == room
    assert store.hosted_by("host-a") == room
    assert store.hosted_by("host-b") is None


def test_opening_again_returns_the_hosts_open_room_and_other_hosts_get_their_own(store):
    first = store.open_room("host-a")
    assert store.open_room("host-a") == first
    codes = {store.open_room(f"host-{n}").code for n in range(30)}
    assert len(codes) == 30, "every host's room has its own code"


def test_unknown_closed_and_expired_rooms_each_say_so(store, clock):
    with pytest.raises(RoomError, match="no room KMRT"):
        store.room("KMRT")
    closed = store.open_room("host-a")
    with pytest.raises(RoomError, match="Only the instructor"):
        store.close_room(closed.code, "host-b")
    store.room(closed.code)  # still open after someone else tried
    store.close_room(closed.code, "host-a")
    with pytest.raises(RoomError, match="closed"):
        store.room(closed.code)
    assert store.hosted_by("host-a") is None
    with pytest.raises(RoomError, match="closed"):
        store.close_room(closed.code, "host-a")

    expiring = store.open_room("host-c")
    clock.advance(hours=3, minutes=59)
    assert store.room(expiring.code).code == expiring.code
    clock.advance(minutes=1)
    with pytest.raises(RoomError, match="expired"):
        store.room(expiring.code)
    assert store.hosted_by("host-c") is None
    assert store.open_room("host-c").code != expiring.code


def test_a_malformed_code_is_refused_with_an_example(store):
    with pytest.raises(RoomError, match="four letters, like KMRT"):
        store.room("AB1")


# --------------------------------------------------------------------------------------------
# Seats


def test_joining_twice_is_one_seat(store):
    code = store.open_room("host").code
    assert store.join(code, "seat-1", session="s1").seats == 1
    assert store.join(f" {code[:2].lower()}-{code[2:]} ", "seat-1", session="s1").seats == 1
    assert store.join(code, "seat-2", session="s2").seats == 2
    assert store.room(code).seats == 2
    assert _count(store, db.seats, room=code) == 2


def test_a_room_holds_two_hundred_seats(store):
    code = _room_with_seats(store, rooms.MAX_SEATS)
    with pytest.raises(RoomError, match="full"):
        store.join(code, "one-too-many", session="late")
    assert store.join(code, "seat-7", session="session-7").seats == rooms.MAX_SEATS, (
        "a seated learner can still rejoin a full room"
    )
    assert store.room(code).seats == rooms.MAX_SEATS


def test_failed_joins_are_rate_limited_per_session_even_for_a_valid_code(store, clock):
    code = store.open_room("host").code
    unknown = next(c for c in ("KMRT", "KMRU", "KMRV") if c != code)
    for _ in range(rooms.JOIN_ATTEMPTS_PER_MINUTE):
        with pytest.raises(RoomError, match="no room"):
            store.join(unknown, "guesser", session="walker")
    with pytest.raises(RoomError, match=r"Too many tries.*wait a minute"):
        store.join(code, "guesser", session="walker")
    assert store.join(code, "honest", session="other").seats == 1, "other sessions are not held up"
    clock.advance(seconds=61)
    assert store.join(code, "guesser", session="walker").seats == 2


def test_joining_a_closed_or_expired_room_counts_as_a_failed_try(store, clock):
    closed = store.open_room("host-a").code
    store.close_room(closed, "host-a")
    with pytest.raises(RoomError, match="closed"):
        store.join(closed, "seat", session="s")
    assert _count(store, db.join_attempts, session="s") == 1
    expired = store.open_room("host-b").code
    clock.advance(hours=5)
    with pytest.raises(RoomError, match="expired"):
        store.join(expired, "seat", session="s")
    assert _count(store, db.join_attempts, session="s") == 2


# --------------------------------------------------------------------------------------------
# Votes


def test_voting_again_replaces_the_vote(store, clock):
    code = _room_with_seats(store, 2)
    store.vote(code, "seat-0", "q", "up")
    clock.advance(seconds=3)
    store.vote(code, "seat-0", "q", "down")
    assert store.my_vote(code, "seat-0", "q") == "down"
    assert store.my_vote(code, "seat-1", "q") is None
    tally = store.tally(code, "q")
    assert (tally.counts, tally.total, tally.round) == ({"down": 1}, 1, 1)
    assert tally.last_vote_at == START + timedelta(seconds=3)
    assert _count(store, db.votes, room=code) == 1


def test_only_seated_learners_vote_and_only_in_open_rooms(store, clock):
    code = _room_with_seats(store, 1)
    with pytest.raises(RoomError, match="not joined"):
        store.vote(code, "stranger", "q", "up")
    store.close_room(code, "host")
    with pytest.raises(RoomError, match="closed"):
        store.vote(code, "seat-0", "q", "up")


def test_the_tally_counts_each_answer_of_one_question(store):
    code = _room_with_seats(store, 5)
    for seat, answer in enumerate(["a", "a", "b", "a", "c"]):
        store.vote(code, f"seat-{seat}", "q1", answer)
    store.vote(code, "seat-0", "q2", "z")
    tally = store.tally(code, "q1")
    assert tally.counts == {"a": 3, "b": 1, "c": 1}
    assert (tally.total, tally.revealed, tally.question_id) == (5, False, "q1")
    assert store.tally(code, "q2").counts == {"z": 1}
    empty = store.tally(code, "never-asked")
    assert (empty.round, empty.counts, empty.total, empty.last_vote_at) == (1, {}, 0, None)


def test_reveal_then_ask_again_starts_a_fresh_round(store):
    code = _room_with_seats(store, 3)
    for seat, answer in enumerate(["a", "b", "b"]):
        store.vote(code, f"seat-{seat}", "q", answer)
    store.reveal(code, "host", "q")
    assert store.tally(code, "q").revealed
    with pytest.raises(RoomError, match="revealed"):
        store.vote(code, "seat-0", "q", "b")

    assert store.ask_again(code, "host", "q") == 2
    fresh = store.tally(code, "q")
    assert (fresh.round, fresh.counts, fresh.total, fresh.revealed) == (2, {}, 0, False)
    assert store.my_vote(code, "seat-1", "q") is None
    store.vote(code, "seat-0", "q", "b")
    assert store.tally(code, "q").counts == {"b": 1}
    assert _count(store, db.votes, room=code, round=1) == 3, "the first round's votes are kept"
    assert store.ask_again(code, "host", "q") == 3
    assert store.ask_again(code, "host", "unasked") == 2, "asking again skips the unused round 1"


def test_only_the_host_reveals_asks_again_and_publishes(store):
    code = _room_with_seats(store, 1)
    for action in (
        lambda: store.reveal(code, "seat-0", "q"),
        lambda: store.ask_again(code, "seat-0", "q"),
        lambda: store.publish(code, "seat-0", "leakage", {}),
        lambda: store.close_room(code, "seat-0"),
    ):
        with pytest.raises(RoomError, match=f"Only the instructor who opened room {code}"):
            action()
    assert not store.tally(code, "q").revealed


# --------------------------------------------------------------------------------------------
# Following the projector


def test_the_follow_version_moves_only_when_the_page_or_its_parameters_change(store):
    code = store.open_room("host").code
    assert store.follow(code) is None
    first = store.publish(code, "host", "leakage", {"dataset": "churn", "seed": "0"})
    assert first == rooms.Follow("leakage", {"dataset": "churn", "seed": "0"}, 1)
    assert store.publish(code, "host", "leakage", {"seed": "0", "dataset": "churn"}).version == 1
    assert store.publish(code, "host", "leakage", {"dataset": "fraud", "seed": "0"}).version == 2
    assert store.publish(code, "host", "split", {"dataset": "fraud", "seed": "0"}).version == 3
    assert store.follow(code) == rooms.Follow("split", {"dataset": "fraud", "seed": "0"}, 3)
    store.close_room(code, "host")
    assert store.follow(code) is None


def test_a_reveal_or_a_new_round_moves_the_version_a_phone_polls(store):
    code = store.open_room("host").code
    store.publish(code, "host", "leakage", {"dataset": "churn"})
    store.reveal(code, "host", "q|1")
    after_reveal = store.follow(code)
    assert after_reveal.version == 2
    assert (after_reveal.page, after_reveal.params) == ("leakage", {"dataset": "churn"})
    store.ask_again(code, "host", "q|1")
    assert store.follow(code).version == 3


def test_a_seat_and_a_host_find_their_open_room_again(store, clock):
    code = _room_with_seats(store, 2)
    assert store.seated_in("seat-1").code == code
    assert store.hosted_by("host").code == code
    assert store.seated_in("stranger") is None
    store.leave(code, "seat-1")
    assert store.seated_in("seat-1") is None
    clock.advance(hours=rooms.ROOM_LIFETIME.total_seconds() / 3600, minutes=1)
    assert store.seated_in("seat-0") is None
    assert store.hosted_by("host") is None


def test_leaving_gives_up_the_seat(store):
    code = _room_with_seats(store, 3)
    store.leave(code, "seat-0")
    assert store.room(code).seats == 2
    store.leave(code, "seat-0")
    assert store.room(code).seats == 2


# --------------------------------------------------------------------------------------------
# Housekeeping, replicas, load


def test_purge_deletes_rooms_a_day_after_they_expired_with_their_seats_and_votes(store, clock):
    old = _room_with_seats(store, 2)
    store.vote(old, "seat-0", "q", "a")
    clock.advance(hours=2)
    recent = store.open_room("host-2").code
    with pytest.raises(RoomError):
        store.join("KMRT" if "KMRT" not in (old, recent) else "KMRU", "x", session="guess")
    clock.advance(hours=2, days=1, minutes=1)  # old expired a day and a minute ago
    assert store.purge_expired() == 1
    with pytest.raises(RoomError, match="no room"):
        store.room(old)
    with pytest.raises(RoomError, match="expired"):
        store.room(recent)
    assert _count(store, db.seats, room=old) == _count(store, db.votes, room=old) == 0
    assert _count(store, db.questions, room=old) == 0
    assert _count(store, db.join_attempts) == 0, "stale join attempts go too"
    assert store.purge_expired() == 0


def test_two_stores_on_one_database_see_each_others_writes(store_url, clock):
    instructor_replica = RoomStore(store_url, clock=clock)
    learner_replica = RoomStore(store_url, clock=clock)
    code = instructor_replica.open_room("host").code
    learner_replica.join(code, "seat", session="s")
    learner_replica.vote(code, "seat", "q", "yes")
    assert instructor_replica.tally(code, "q").counts == {"yes": 1}
    instructor_replica.publish(code, "host", "monitor", {"seed": "3"})
    assert learner_replica.follow(code).page == "monitor"
    instructor_replica.reveal(code, "host", "q")
    assert learner_replica.tally(code, "q").revealed


def test_sixty_learners_voting_at_once_are_all_counted(store):
    code = _room_with_seats(store, 60)
    barrier = threading.Barrier(60)
    errors: list[BaseException] = []

    def vote(seat: int) -> None:
        try:
            barrier.wait()
            store.vote(code, f"seat-{seat}", "q", "yes" if seat % 3 else "no")
        except BaseException as error:  # collected: a thread's exception would vanish
            errors.append(error)

    threads = [threading.Thread(target=vote, args=(seat,)) for seat in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert store.tally(code, "q").counts == {"yes": 40, "no": 20}


# --------------------------------------------------------------------------------------------
# Migrations


def test_migrating_twice_changes_nothing(empty_store_url):
    engine = db.engine_for(empty_store_url)
    assert db.migrate(engine) == db.migrate(engine) == db.SCHEMA_VERSION
    with db.reading(engine) as connection:
        versions = connection.execute(select(db.schema_version.c.version)).scalars().all()
    assert sorted(versions) == list(range(1, db.SCHEMA_VERSION + 1))


def test_replicas_starting_at_once_migrate_once(empty_store_url):
    engine = db.engine_for(empty_store_url)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []

    def start() -> None:
        try:
            barrier.wait()
            db.migrate(engine)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with db.reading(engine) as connection:
        versions = connection.execute(select(db.schema_version.c.version)).scalars().all()
    assert sorted(versions) == list(range(1, db.SCHEMA_VERSION + 1))


@pytest.mark.parametrize(
    ("version", "with_version_table"), [(3, True), (1, True), (3, False)],
    ids=["last sqlite3 release", "first release", "tables without versions"],
)  # fmt: skip
def test_an_old_sqlite3_run_log_is_adopted_with_its_runs(
    tmp_path, clock, version, with_version_table
):
    path = tmp_path / "old.sqlite"
    write_legacy_log(path, version=version, with_version_table=with_version_table)
    url = db.sqlite_url(path)
    try:
        code = RoomStore(url, clock=clock).open_room("host").code
        runs = RunStore(path)
        assert runs.schema_version() == db.SCHEMA_VERSION
        (run,) = runs.runs("workspace:ada")
        assert (run.dataset, run.params, run.metrics, run.seed, run.note) == (
            "fraud", {"C": 1.0}, {"validation_roc_auc": 0.9}, 3, "first",
        )  # fmt: skip
        if version == 3:
            assert runs.load_progress("workspace:ada") == {"visited": ["frame"]}
        assert runs.add("workspace:ada", run) > run.run_id
        assert RoomStore(url, clock=clock).room(code).code == code
    finally:
        db.dispose_engine(url)


# --------------------------------------------------------------------------------------------
# Codes as typed


@given(
    st.lists(st.sampled_from(rooms.CODE_ALPHABET), min_size=4, max_size=4),
    st.lists(st.sampled_from(["", " ", "-", "\t"]), min_size=5, max_size=5),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_a_code_typed_with_any_case_spaces_or_dashes_normalises(letters, gaps, lower):
    typed = gaps[0] + "".join(
        (letter.lower() if low else letter) + gap
        for letter, gap, low in zip(letters, gaps[1:], lower, strict=True)
    )
    assert rooms.normalise_code(typed) == "".join(letters)


@given(st.text(max_size=8))
def test_any_text_is_either_a_canonical_code_or_refused(text):
    try:
        code = rooms.normalise_code(text)
    except RoomError as refused:
        assert "four letters, like KMRT" in str(refused)
        return
    assert len(code) == 4 and set(code) <= set(rooms.CODE_ALPHABET)
    assert rooms.normalise_code(code) == code
    assert "".join(c for c in text.upper() if c in rooms.CODE_ALPHABET) == code


@given(st.text(alphabet="B8I1LO0S5Z2", min_size=1, max_size=1), st.integers(0, 3))
def test_a_code_with_an_ambiguous_character_is_refused(ambiguous, position):
    code = list("KMRT")
    code[position] = ambiguous
    with pytest.raises(RoomError, match="never use B, I, L, O, S or Z"):
        rooms.normalise_code("".join(code))
