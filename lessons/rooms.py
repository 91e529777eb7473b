"""Classroom rooms: a short code, anonymous seats, votes per question round, what the projector shows.

An instructor opens a room and gets a four-letter code; learners join it with the code and
get an anonymous seat (a random token their browser session holds, never a name). Each
question a lesson asks the room has rounds: a seat has one vote per round (voting again
replaces it), the instructor reveals the answer, or asks again (a new round; the old votes stay
in their round and no longer count). The instructor's page and URL parameters are published
so learners who follow the projector move with it.

Everything lives in ``lessons.db``'s database, so two replicas sharing one PostgreSQL serve the
same room. Codes come from ``secrets``; failed joins are rate-limited per session token. With a
hundred rooms open, one code in 1,600 is live: at five tries a minute a session needs about
320 minutes on average to land in a room, longer than a room lives.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, and_, delete, exists, func, insert, select, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from lessons import db
from lessons.db import join_attempts, questions, rooms, seats, votes
from lessons.errors import DataError

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY"  # no B/8, I/1, L, O/0, S/5, Z/2
CODE_LENGTH = 4  # 20**4 = 160,000 codes
ROOM_LIFETIME = timedelta(hours=4)
MAX_SEATS = 200
JOIN_ATTEMPTS_PER_MINUTE = 5  # failed joins per session token per minute

# How long an expired room is kept (a learner who comes back sees "expired", not "unknown").
KEPT_AFTER_EXPIRY = timedelta(days=1)
JOIN_WINDOW = timedelta(minutes=1)
MAX_TOKEN_LENGTH = 128
MAX_TEXT_LENGTH = 200
_OPEN_ATTEMPTS = 50


class RoomError(DataError):
    """A room action that cannot be done; the message says why and what to do instead."""


@dataclass(frozen=True)
class Room:
    """An open room.

    Attributes
    ----------
    code : str
        Four letters of ``CODE_ALPHABET``, e.g. ``"KMRT"``.
    created_at, expires_at : datetime
        Timezone-aware UTC.
    seats : int
        How many learners have joined.
    """

    code: str
    created_at: datetime
    expires_at: datetime
    seats: int


@dataclass(frozen=True)
class Follow:
    """What the projector shows: a page, its URL parameters, and a version that increases
    each time either changes (a follower moves when the version it last saw is older)."""

    page: str
    params: dict[str, str]
    version: int


@dataclass(frozen=True)
class Tally:
    """The room's answers to one question in its current round.

    Attributes
    ----------
    question_id : str
    round : int
        1 for the first asking; each ``ask_again`` adds one.
    counts : dict of str to int
        Votes per answer (answers nobody chose are absent).
    total : int
        Votes in this round.
    revealed : bool
        Whether the instructor revealed the answer in this round.
    last_vote_at : datetime or None
        When the round's latest vote (or changed vote) arrived.
    """

    question_id: str
    round: int
    counts: dict[str, int]
    total: int
    revealed: bool
    last_vote_at: datetime | None


def normalise_code(text: str) -> str:
    """A room code as typed (``" kmrt "``, ``"KM-RT"``) in its canonical form, ``"KMRT"``.

    Raises
    ------
    RoomError
        If what is left is not four letters of ``CODE_ALPHABET``.
    """
    cleaned = "".join(str(text).split()).replace("-", "").upper()
    if len(cleaned) != CODE_LENGTH or any(letter not in CODE_ALPHABET for letter in cleaned):
        raise RoomError(
            "A room code is four letters, like KMRT (codes never use B, I, L, O, S or Z). "
            "Check the code on the projector."
        )
    return cleaned


def _token(value: str, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_TOKEN_LENGTH:
        raise RoomError(f"The {what} token must be 1 to {MAX_TOKEN_LENGTH} characters.")
    return value


def _text(value: str, what: str) -> str:
    if not isinstance(value, str) or not value or len(value) > MAX_TEXT_LENGTH:
        raise RoomError(f"The {what} must be 1 to {MAX_TEXT_LENGTH} characters.")
    return value


def _params_json(params: dict[str, str]) -> str:
    return json.dumps({str(key): str(value) for key, value in params.items()}, sort_keys=True)


_SEAT_COUNT = (
    select(func.count()).select_from(seats).where(seats.c.room == rooms.c.code).scalar_subquery()
)


class RoomStore:
    """Rooms, seats and votes in the app's database (SQLite, or a PostgreSQL shared by replicas).

    Safe to share across sessions and threads: it holds a URL, and every call is one short
    transaction on the process's engine for that URL.

    Parameters
    ----------
    url : str, optional
        The database; ``db.database_url()`` when omitted. Migrated on first use.
    clock : callable, optional
        Returns the current time, timezone-aware (tests move it to make rooms expire).
    """

    def __init__(
        self, url: str | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.url = url or db.database_url()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._engine: Engine | None = None
        self._ready = threading.Lock()

    # ----------------------------------------------------------------------------------------
    # Plumbing

    @property
    def engine(self) -> Engine:
        """The engine, after migrating the database the first time it is needed."""
        if self._engine is None:
            with self._ready:
                if self._engine is None:
                    engine = db.engine_for(self.url)
                    db.migrate(engine)
                    self._engine = engine
        return self._engine

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the room clock must return timezone-aware datetimes")
        return now.astimezone(UTC)

    def _room_row(self, connection: Connection, code: str, *, lock: bool = False) -> Row | None:
        query = select(
            rooms.c.code,
            rooms.c.host,
            rooms.c.created_at,
            rooms.c.expires_at,
            rooms.c.closed_at,
            rooms.c.follow_page,
            rooms.c.follow_params,
            rooms.c.follow_version,
            _SEAT_COUNT.label("seats"),
        ).where(rooms.c.code == code)
        if lock:  # PostgreSQL: FOR UPDATE; SQLite already holds the database's write lock
            query = query.with_for_update(of=rooms)
        return connection.execute(query).one_or_none()

    @staticmethod
    def _problem(row: Row | None, code: str, now: datetime) -> str | None:
        """Why room ``code`` cannot be used now, or None when it is open."""
        if row is None:
            return f"There is no room {code}. Check the code on the projector; it has four letters."
        if row.closed_at is not None:
            return f"Room {code} was closed by its instructor. Ask for the new code."
        if row.expires_at <= now:
            hours = int(ROOM_LIFETIME.total_seconds() // 3600)
            return (
                f"Room {code} has expired (a room lasts {hours} hours). Ask your instructor to "
                "open a new one."
            )
        return None

    def _open_row(
        self, connection: Connection, code: str, now: datetime, *, lock: bool = False
    ) -> Row:
        row = self._room_row(connection, code, lock=lock)
        if problem := self._problem(row, code, now):
            raise RoomError(problem)
        return row

    def _hosted_row(
        self, connection: Connection, code: str, host: str, now: datetime, doing: str
    ) -> Row:
        row = self._open_row(connection, code, now, lock=True)
        if not secrets.compare_digest(row.host.encode(), _token(host, "host").encode()):
            raise RoomError(f"Only the instructor who opened room {code} can {doing}.")
        return row

    @staticmethod
    def _as_room(row: Row) -> Room:
        return Room(
            code=row.code, created_at=row.created_at, expires_at=row.expires_at, seats=row.seats
        )

    # ----------------------------------------------------------------------------------------
    # Rooms

    def open_room(self, host: str) -> Room:
        """Open a room for ``host`` (the instructor session's random token) and return it.

        A host has at most one open room: asking again returns the one already open. Rooms
        that expired more than a day ago are purged first, which frees their codes.
        """
        _token(host, "host")
        if existing := self.hosted_by(host):
            return existing
        self.purge_expired()
        for _ in range(_OPEN_ATTEMPTS):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            now = self._now()
            try:
                with db.writing(self.engine) as connection:
                    connection.execute(
                        insert(rooms).values(
                            code=code,
                            host=host,
                            created_at=now,
                            expires_at=now + ROOM_LIFETIME,
                            follow_version=0,
                        )
                    )
            except IntegrityError:  # the code is taken (by a live room or one kept after expiry)
                continue
            return Room(code=code, created_at=now, expires_at=now + ROOM_LIFETIME, seats=0)
        raise RoomError("No free room code was found; try again in a minute.")

    def close_room(self, code: str, host: str) -> None:
        """Close a room; only its host may. Learners then see "closed"."""
        code = normalise_code(code)
        now = self._now()
        with db.writing(self.engine) as connection:
            self._hosted_row(connection, code, host, now, "close it")
            connection.execute(update(rooms).where(rooms.c.code == code).values(closed_at=now))

    def room(self, code: str) -> Room:
        """The open room ``code``.

        Raises
        ------
        RoomError
            If no room has that code, or it was closed, or it expired (each its own message).
        """
        code = normalise_code(code)
        with db.reading(self.engine) as connection:
            return self._as_room(self._open_row(connection, code, self._now()))

    def hosted_by(self, host: str) -> Room | None:
        """The open room ``host`` owns, if any (the newest, should there be several)."""
        now = self._now()
        query = (
            select(rooms.c.code, rooms.c.created_at, rooms.c.expires_at, _SEAT_COUNT.label("seats"))
            .where(rooms.c.host == host, rooms.c.closed_at.is_(None), rooms.c.expires_at > now)
            .order_by(rooms.c.created_at.desc())
            .limit(1)
        )
        with db.reading(self.engine) as connection:
            row = connection.execute(query).first()
        return self._as_room(row) if row else None

    def seated_in(self, seat: str) -> Room | None:
        """The open room where ``seat`` sits, if any (the newest it joined): a phone that
        reloaded, or woke from sleep into a new session, finds its seat again."""
        now = self._now()
        mine = seats.alias("mine")  # the seat count below reads ``seats`` itself
        query = (
            select(rooms.c.code, rooms.c.created_at, rooms.c.expires_at, _SEAT_COUNT.label("seats"))
            .join(mine, mine.c.room == rooms.c.code)
            .where(mine.c.seat == seat, rooms.c.closed_at.is_(None), rooms.c.expires_at > now)
            .order_by(mine.c.joined_at.desc())
            .limit(1)
        )
        with db.reading(self.engine) as connection:
            row = connection.execute(query).first()
        return self._as_room(row) if row else None

    def purge_expired(self) -> int:
        """Delete the rooms that expired more than a day ago, with their seats and votes, and
        the join attempts older than the rate limit's window; returns how many rooms went."""
        now = self._now()
        with db.writing(self.engine) as connection:
            gone = [
                row.code
                for row in connection.execute(
                    select(rooms.c.code).where(rooms.c.expires_at < now - KEPT_AFTER_EXPIRY)
                )
            ]
            # Children first: an SQLite connection opened without foreign keys would not cascade.
            for table in (votes, questions, seats):
                connection.execute(delete(table).where(table.c.room.in_(gone)))
            connection.execute(delete(rooms).where(rooms.c.code.in_(gone)))
            connection.execute(delete(join_attempts).where(join_attempts.c.at < now - JOIN_WINDOW))
        return len(gone)

    # ----------------------------------------------------------------------------------------
    # Seats

    def leave(self, code: str, seat: str) -> None:
        """Give up ``seat``'s place in room ``code`` (its votes stay in their rounds)."""
        code = normalise_code(code)
        _token(seat, "seat")
        with db.writing(self.engine) as connection:
            connection.execute(delete(seats).where(seats.c.room == code, seats.c.seat == seat))

    def join(self, code: str, seat: str, *, session: str) -> Room:
        """Give ``seat`` (a learner's random token) a place in room ``code``; joining twice is
        one seat.

        A join that fails because the code names no open room counts against ``session``;
        after ``JOIN_ATTEMPTS_PER_MINUTE`` of them within a minute every join from that
        session is refused for the rest of the minute, even with a valid code, so codes
        cannot be walked.

        Raises
        ------
        RoomError
            Too many tries, an unknown, closed or expired room, or a full one.
        """
        code = normalise_code(code)
        _token(seat, "seat")
        _token(session, "session")
        now = self._now()
        failure = None
        with db.writing(self.engine) as connection:
            recent = connection.execute(
                select(func.count())
                .select_from(join_attempts)
                .where(join_attempts.c.session == session, join_attempts.c.at > now - JOIN_WINDOW)
            ).scalar_one()
            if recent >= JOIN_ATTEMPTS_PER_MINUTE:
                raise RoomError(
                    "Too many tries with codes that did not work: wait a minute, then type the "
                    "code from the projector again."
                )
            row = self._room_row(connection, code, lock=True)
            failure = self._problem(row, code, now)
            if failure:  # committed with the transaction, then raised below
                connection.execute(insert(join_attempts).values(session=session, at=now))
            else:
                seated = connection.execute(
                    select(exists().where(seats.c.room == code, seats.c.seat == seat))
                ).scalar_one()
                if not seated:
                    if row.seats >= MAX_SEATS:
                        raise RoomError(
                            f"Room {code} is full ({MAX_SEATS} seats). Watch the projector, "
                            "or ask your instructor to open a second room."
                        )
                    connection.execute(insert(seats).values(room=code, seat=seat, joined_at=now))
                joined = Room(
                    code=code,
                    created_at=row.created_at,
                    expires_at=row.expires_at,
                    seats=row.seats + (0 if seated else 1),
                )
        if failure:
            raise RoomError(failure)
        return joined

    # ----------------------------------------------------------------------------------------
    # Questions and votes

    @staticmethod
    def _current_round(question_id: str, code: str):
        return (
            select(questions.c.round)
            .where(questions.c.room == code, questions.c.question_id == question_id)
            .scalar_subquery()
        )

    def vote(self, code: str, seat: str, question_id: str, answer: str) -> None:
        """Record ``seat``'s answer to a question in its current round; voting again replaces it.

        Raises
        ------
        RoomError
            If the room is not open, the seat has not joined it, or the round's answer has
            already been revealed (the instructor asks again to open a new round).
        """
        code = normalise_code(code)
        _token(seat, "seat")
        _text(question_id, "question id")
        _text(answer, "answer")
        now = self._now()
        with db.writing(self.engine) as connection:
            self._open_row(connection, code, now)
            seated = connection.execute(
                select(exists().where(seats.c.room == code, seats.c.seat == seat))
            ).scalar_one()
            if not seated:
                raise RoomError(f"This device has not joined room {code}: join it, then vote.")
            connection.execute(
                db.dialect_insert(connection, questions)
                .values(room=code, question_id=question_id, round=1, revealed=False)
                .on_conflict_do_nothing(index_elements=[questions.c.room, questions.c.question_id])
            )
            current = connection.execute(
                select(questions.c.round, questions.c.revealed).where(
                    questions.c.room == code, questions.c.question_id == question_id
                )
            ).one()
            if current.revealed:
                raise RoomError(
                    "The answer has been revealed, so this round is over; your instructor can "
                    "ask the question again."
                )
            statement = db.dialect_insert(connection, votes).values(
                room=code,
                question_id=question_id,
                round=current.round,
                seat=seat,
                answer=answer,
                at=now,
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[votes.c.room, votes.c.question_id, votes.c.round, votes.c.seat],
                    set_={"answer": statement.excluded.answer, "at": statement.excluded.at},
                )
            )

    def my_vote(self, code: str, seat: str, question_id: str) -> str | None:
        """``seat``'s answer to a question in its current round, or None."""
        code = normalise_code(code)
        query = select(votes.c.answer).where(
            votes.c.room == code,
            votes.c.question_id == question_id,
            votes.c.seat == seat,
            votes.c.round == self._current_round(question_id, code),
        )
        with db.reading(self.engine) as connection:
            return connection.execute(query).scalar_one_or_none()

    def tally(self, code: str, question_id: str) -> Tally:
        """The counts per answer in a question's current round: one indexed query (the
        projector polls it every second or two from each instructor session)."""
        code = normalise_code(code)
        query = (
            select(
                questions.c.round,
                questions.c.revealed,
                votes.c.answer,
                func.count(votes.c.seat).label("votes"),
                func.max(votes.c.at).label("last_at"),
            )
            .select_from(
                questions.outerjoin(
                    votes,
                    and_(
                        votes.c.room == questions.c.room,
                        votes.c.question_id == questions.c.question_id,
                        votes.c.round == questions.c.round,
                    ),
                )
            )
            .where(questions.c.room == code, questions.c.question_id == question_id)
            .group_by(questions.c.round, questions.c.revealed, votes.c.answer)
        )
        with db.reading(self.engine) as connection:
            rows = connection.execute(query).all()
        if not rows:  # nobody has voted or revealed yet: the first round, empty
            return Tally(question_id, 1, {}, 0, False, None)
        counts = {row.answer: row.votes for row in rows if row.answer is not None}
        stamps = [row.last_at for row in rows if row.last_at is not None]
        return Tally(
            question_id=question_id,
            round=rows[0].round,
            counts=counts,
            total=sum(counts.values()),
            revealed=bool(rows[0].revealed),
            last_vote_at=max(stamps) if stamps else None,
        )

    def ask_again(self, code: str, host: str, question_id: str) -> int:
        """Start a new round of a question (its answer hidden again); returns the round number.
        The old round's votes are kept but no longer counted."""
        code = normalise_code(code)
        _text(question_id, "question id")
        now = self._now()
        with db.writing(self.engine) as connection:
            self._hosted_row(connection, code, host, now, "ask a question again")
            self._set_question(connection, code, question_id, new_round=True)
            return connection.execute(select(self._current_round(question_id, code))).scalar_one()

    def reveal(self, code: str, host: str, question_id: str) -> None:
        """Mark a question's current round as revealed (votes for it are then refused)."""
        code = normalise_code(code)
        _text(question_id, "question id")
        now = self._now()
        with db.writing(self.engine) as connection:
            self._hosted_row(connection, code, host, now, "reveal an answer")
            self._set_question(connection, code, question_id, new_round=False)

    @staticmethod
    def _set_question(
        connection: Connection, code: str, question_id: str, *, new_round: bool
    ) -> None:
        # A question's row exists from its first Reveal or Ask again: round 1 revealed, or
        # round 2 open; afterwards Reveal marks the round and Ask again opens the next one.
        statement = db.dialect_insert(connection, questions).values(
            room=code,
            question_id=question_id,
            round=2 if new_round else 1,
            revealed=not new_round,
        )
        changes = (
            {"round": questions.c.round + 1, "revealed": False} if new_round else {"revealed": True}
        )
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[questions.c.room, questions.c.question_id], set_=changes
            )
        )
        RoomStore._bump(connection, code)

    @staticmethod
    def _bump(connection: Connection, code: str) -> None:
        # A Reveal or a new round moves the room's version like a page move does: a phone polls
        # one number, then rereads its page (the page and settings it follows are unchanged).
        connection.execute(
            update(rooms)
            .where(rooms.c.code == code)
            .values(follow_version=rooms.c.follow_version + 1)
        )

    # ----------------------------------------------------------------------------------------
    # Following the projector

    def publish(self, code: str, host: str, page: str, params: dict[str, str]) -> Follow:
        """Publish the page and URL parameters the projector shows; the version increases only
        when either changed (or a question was revealed or asked again since), so publishing on
        every rerun is cheap and moves nobody."""
        code = normalise_code(code)
        _text(page, "page")
        encoded = _params_json(params)
        now = self._now()
        with db.writing(self.engine) as connection:
            row = self._hosted_row(connection, code, host, now, "lead the room")
            version = row.follow_version
            if (row.follow_page, row.follow_params) != (page, encoded):
                version += 1
                connection.execute(
                    update(rooms)
                    .where(rooms.c.code == code)
                    .values(follow_page=page, follow_params=encoded, follow_version=version)
                )
        return Follow(page=page, params=json.loads(encoded), version=version)

    def follow(self, code: str) -> Follow | None:
        """What the projector of room ``code`` shows, or None when nothing is published yet or
        the room is not open (closed, expired, unknown)."""
        code = normalise_code(code)
        query = select(rooms.c.follow_page, rooms.c.follow_params, rooms.c.follow_version).where(
            rooms.c.code == code,
            rooms.c.closed_at.is_(None),
            rooms.c.expires_at > self._now(),
            rooms.c.follow_version > 0,
        )
        with db.reading(self.engine) as connection:
            row = connection.execute(query).one_or_none()
        if row is None:
            return None
        return Follow(
            page=row.follow_page, params=json.loads(row.follow_params), version=row.follow_version
        )
