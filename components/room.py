"""The classroom room: a code to join, the room's votes on each question, the live count.

Owns the ``room_*`` session_state keys. An instructor opens a room on ``/room`` and gets a
four-letter code; learners join with it and get an anonymous seat (a random token, no name).
While a learner follows the projector, every moment that asks the room to predict (a
``lesson.reveal`` given a ``RoomQuestion``) is a vote: the learner answers on their own device,
the projector counts the votes live, and Reveal shows the answer beside the room's
distribution, on the projector and on every phone. Following also moves the learner's page with
the instructor's page, dataset, seed and settings (the URL state every page already keeps).

Rooms, seats and votes live in ``lessons.rooms``: SQLite on one server, PostgreSQL when
``ML_SPINE_DATABASE_URL`` is set, so a learner and the projector may sit on different replicas.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import segno
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from components import experiments_store, navigation, sidebar
from components.charts import room as room_charts
from components.text import escape_md
from lessons import db, rooms

TOKEN_KEY = "room_token"
HOSTED_KEY = "room_hosted"
JOINED_KEY = "room_joined"
FOLLOWING_KEY = "room_following"
APPLIED_KEY = "room_follow_version"
PUBLISHED_KEY = "room_published"
PAGE_KEY = "room_page"
PENDING_KEY = "room_pending_move"
CODE_INPUT_KEY = "room_code_input"
URL_JOIN_KEY = "room_url_join_tried"
NOTICE_KEY = "room_notice"
FAILED_REVEAL_PREFIX = "room_reveal_failed_"
RESTORED_KEY = "room_restored"
BROWSER_COOKIE = "_streamlit_xsrf"
CODE_PARAM = "code"

# How often the projector recounts and a following phone looks for the instructor's moves.
COUNT_EVERY_SECONDS = 1.0
FOLLOW_EVERY_SECONDS = 2.0

# Settings a learner's page takes from the projector when following: each lesson component's
# keys (widgets and their URL-read flags). Answers, uploads, the log and progress are the
# learner's own and stay.
_FOLLOWED_PREFIXES = (
    "framing_",
    "split_",
    "leakage_",
    "train_",
    "metrics_",
    "monitor_",
    "plans_",
)

# The lab's log of what it recorded and its scoreboard are the learner's work, not settings.
_KEPT_WHEN_FOLLOWING = frozenset({"leakage_recorded", "leakage_results"})
# URL parameters that are the instructor's own, never sent to the room's phones.
_PRIVATE_PARAMS = frozenset({"instructor", experiments_store.WORKSPACE_PARAM})

T = TypeVar("T")


@dataclass(frozen=True)
class RoomQuestion:
    """A question the room votes on.

    Attributes
    ----------
    key : str
        The Reveal key of the moment on its page, e.g. ``"leakage_target_leak"``.
    context : str
        What the answer depends on (dataset, seed, settings): a room that changed data votes
        afresh.
    prompt : str
        The question as a learner reads it on their phone.
    options : tuple of (str, str)
        ``(answer key, label)`` in the order shown.
    correct : str or None
        The right answer's key, computed from the data; None when there is no single one.
    says_how_vote_did : bool
        After Reveal, tell the learner whether their vote was right; False where the page
        gives its own feedback (the checks of understanding, with their explanation).
    """

    key: str
    context: str
    prompt: str
    options: tuple[tuple[str, str], ...]
    correct: str | None
    says_how_vote_did: bool = True

    @property
    def question_id(self) -> str:
        # Everything the answer depends on, hashed: other data or settings (or a reworded
        # question) is a fresh question, and an uploaded file's long name cannot overflow it.
        asked = repr((self.context, self.prompt, self.options, self.correct))
        return f"{self.key[:120]}|{hashlib.sha256(asked.encode()).hexdigest()[:16]}"

    def label(self, answer: str) -> str:
        return dict(self.options).get(answer, answer)


def _reveal_id(key: str, question: RoomQuestion | None) -> str:
    return question.question_id if question is not None else f"{key}|"


# -- the store ---------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _store_at(url: str) -> rooms.RoomStore:
    return rooms.RoomStore(url)


def store() -> rooms.RoomStore:
    """The room store of this server: one per database URL, shared by every session."""
    return _store_at(db.database_url())


def _token() -> str:
    """This browser's token: the host of its room, its seat, its join attempts.

    Derived from the browser's XSRF cookie, which outlives a session: a phone that slept and
    reconnected into a new session, or a projector tab that was reloaded, is still the same seat
    or host. Without that cookie (XSRF protection off, a test harness) it is a random token of
    the session.
    """
    if TOKEN_KEY not in st.session_state:
        browser = _browser_secret()
        st.session_state[TOKEN_KEY] = (
            hashlib.sha256(f"ml-spine room|{browser}".encode()).hexdigest()[:32]
            if browser
            else secrets.token_urlsafe(16)
        )
    return st.session_state[TOKEN_KEY]


def _browser_secret() -> str | None:
    """The secret inside this browser's XSRF cookie, or None without one.

    Tornado writes the cookie as ``2|mask|masked token|time`` with a fresh mask on every page
    load; the unmasked token is what stays the same across reloads.
    """
    cookie = st.context.cookies.get(BROWSER_COOKIE)
    if not isinstance(cookie, str) or not cookie:
        return None
    parts = cookie.split("|")
    try:
        if parts[0] == "2" and len(parts) >= 3:
            mask, masked = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
            return bytes(b ^ mask[i % len(mask)] for i, b in enumerate(masked)).hex()
    except ValueError:
        pass
    return cookie


def _from_browser() -> bool:
    return _browser_secret() is not None


def _restore() -> None:
    """On a session's first run, find this browser's room again (after a reload or a sleep)."""
    if st.session_state.get(RESTORED_KEY):
        return
    st.session_state[RESTORED_KEY] = True
    # A token made up for this session (no browser cookie) cannot have a room yet.
    if HOSTED_KEY in st.session_state or JOINED_KEY in st.session_state or not _from_browser():
        return
    try:
        hosted = store().hosted_by(_token())
        seated = None if hosted else store().seated_in(_token())
    except db.UNAVAILABLE:
        return
    if hosted is not None:
        st.session_state[HOSTED_KEY] = hosted.code
    elif seated is not None:
        st.session_state[JOINED_KEY] = seated.code
        st.session_state.setdefault(FOLLOWING_KEY, True)


def _guarded(action: Callable[[], T], *, quiet: bool = False) -> T | None:
    """Run a store call; a refusal or an unreachable database becomes a message, not a trace."""
    try:
        return action()
    except rooms.RoomError as error:
        if not quiet:
            st.error(str(error), icon=":material/error:")
    except db.UNAVAILABLE:
        if not quiet:
            st.error(
                "The room's database cannot be reached just now. Try again in a moment; "
                "if it persists, the person running the server should check its database URL.",
                icon=":material/cloud_off:",
            )
    return None


def hosting() -> str | None:
    """The code of the room this session hosts, when in instructor mode."""
    if not sidebar.instructor_mode():
        return None
    return st.session_state.get(HOSTED_KEY)


def joined() -> str | None:
    """The code of the room this session sits in as a learner."""
    if hosting() is not None:
        return None
    return st.session_state.get(JOINED_KEY)


def voting() -> str | None:
    """The room whose votes and Reveals this learner follows, or None when exploring alone."""
    code = joined()
    return code if code is not None and st.session_state.get(FOLLOWING_KEY, True) else None


def _forget(key: str, notice: str) -> None:
    st.session_state.pop(key, None)
    st.session_state.pop(APPLIED_KEY, None)
    st.session_state.pop(PUBLISHED_KEY, None)
    st.session_state[NOTICE_KEY] = notice


# -- opening, joining, leaving -------------------------------------------------------------------


def _open() -> None:
    room = _guarded(lambda: store().open_room(_token()))
    if room is not None:
        st.session_state[HOSTED_KEY] = room.code
        st.session_state.pop(PUBLISHED_KEY, None)


def _close(code: str) -> None:
    _guarded(lambda: store().close_room(code, _token()), quiet=True)
    _forget(HOSTED_KEY, f"Room {code} is closed: its phones are back on their own.")


def _join(text: str) -> None:
    try:
        room = store().join(rooms.normalise_code(text), _token(), session=_token())
    except rooms.RoomError as error:
        st.session_state[NOTICE_KEY] = str(error)
        return
    except db.UNAVAILABLE:
        st.session_state[NOTICE_KEY] = (
            "The room's database cannot be reached just now; try again in a moment."
        )
        return
    st.session_state[JOINED_KEY] = room.code
    st.session_state[FOLLOWING_KEY] = True
    st.session_state.pop(APPLIED_KEY, None)


def _join_typed() -> None:
    _join(st.session_state.get(CODE_INPUT_KEY, ""))


def _leave() -> None:
    code = st.session_state.get(JOINED_KEY)
    if code is not None:
        _guarded(lambda: store().leave(code, _token()), quiet=True)
    _forget(JOINED_KEY, "You left the room. Your answers here are your own again.")


def _toggle_follow() -> None:
    st.session_state[FOLLOWING_KEY] = st.session_state["room_follow_toggle"]
    st.session_state.pop(APPLIED_KEY, None)


def join_from_url() -> None:
    """A ``?code=ABCD`` link joins on the session's first visit to the room page."""
    code = st.query_params.get(CODE_PARAM)
    if code is None or st.session_state.get(URL_JOIN_KEY) or hosting() is not None:
        return
    st.session_state[URL_JOIN_KEY] = True
    if joined() != code.strip().upper():
        _join(code)
        if joined() is not None:
            # The sidebar was drawn before the seat existed; its poll starts on the next run.
            st.rerun()


def _notice() -> None:
    if notice := st.session_state.pop(NOTICE_KEY, None):
        st.info(escape_md(notice), icon=":material/info:")


# -- the room page ------------------------------------------------------------------------------


def join_link(code: str) -> str:
    """The address learners open to join: this server's room page with the code."""
    url = st.context.url or ""
    base = url.split("?", 1)[0].rstrip("/")
    for path in (spec.url_path for spec in navigation.existing_pages() if spec.url_path):
        if base.endswith(f"/{path}"):
            base = base[: -len(path) - 1]
            break
    return f"{base}/room?{CODE_PARAM}={code}"


def qr_png(text: str) -> bytes:
    """A QR code of ``text`` as PNG bytes, in large modules so it scans from the back row."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=12, border=2)
    return buffer.getvalue()


def host_panel() -> None:
    """The instructor's side of ``/room``: open a room, show its code, link and QR, close it."""
    _notice()
    code = hosting()
    if code is None:
        st.markdown(
            "Open a room and the class joins from their phones. Every question on the lesson "
            "pages then collects the room's votes: the count shows here on the projector, and "
            "Reveal shows the answer beside the room's spread."
        )
        st.button("Open a room", type="primary", icon=":material/groups:", on_click=_open)
        return
    room = _guarded(lambda: store().room(code))
    if room is None:
        st.button("Forget this room", on_click=_forget, args=(HOSTED_KEY, "Room forgotten."))
        return
    link = join_link(code)
    code_col, qr_col = st.columns([3, 2], vertical_alignment="center")
    with code_col:
        st.markdown(f"Join at **{escape_md(link.split('?', 1)[0])}** with the code")
        st.markdown(f"# :blue[{' '.join(code)}]")
        st.code(link, language=None)
        _seat_count(code)
        st.caption(
            f"Open until {room.expires_at:%H:%M} UTC. Seats are anonymous: a random token per "
            "phone, no names."
        )
        st.button(
            "Close the room",
            icon=":material/door_front:",
            on_click=_close,
            args=(code,),
        )
    with qr_col:
        st.image(qr_png(link), caption=f"Scan to join room {code}", width=360)


@st.fragment(run_every=FOLLOW_EVERY_SECONDS)
def _seat_count(code: str) -> None:
    room = _guarded(lambda: store().room(code), quiet=True)
    if room is not None:
        st.metric("Seats taken", f"{room.seats} of {rooms.MAX_SEATS}")


def learner_panel() -> None:
    """The learner's side of ``/room``: type or follow a code, then follow or explore."""
    join_from_url()
    _notice()
    code = joined()
    if code is None:
        with st.form("room_join", border=True):
            st.text_input(
                "Room code",
                key=CODE_INPUT_KEY,
                max_chars=8,
                placeholder="e.g. KMRT",
                help="Four letters, on the projector.",
            )
            st.form_submit_button(
                "Join", type="primary", icon=":material/login:", on_click=_join_typed
            )
        st.caption("No name, no account: your seat is a random token kept by this browser tab.")
        return
    st.success(f"You are in room **{code}**.", icon=":material/groups:")
    st.toggle(
        "Follow the projector",
        value=bool(st.session_state.get(FOLLOWING_KEY, True)),
        key="room_follow_toggle",
        on_change=_toggle_follow,
        help="Your page moves with the instructor's; your answers count in the room's vote "
        "and wait for the instructor's Reveal. Switch it off to explore on your own.",
    )
    st.button("Leave the room", icon=":material/logout:", on_click=_leave)


# -- following the projector ------------------------------------------------------------------


def note_page(page: str) -> None:
    """Remember which page this full run shows, for ``publish`` from a fragment's own rerun."""
    st.session_state[PAGE_KEY] = page


def publish() -> None:
    """When hosting, tell the room which page and settings the projector shows now.

    Called after every full run and every fragment rerun; writes only when something changed.
    """
    code = hosting()
    if code is None:
        return
    page = st.session_state.get(PAGE_KEY, "")
    params = {k: v for k, v in st.query_params.to_dict().items() if k not in _PRIVATE_PARAMS}
    shown = (page, tuple(sorted(params.items())))
    if st.session_state.get(PUBLISHED_KEY) == shown:
        return
    if _guarded(lambda: store().publish(code, _token(), page, params), quiet=True) is not None:
        st.session_state[PUBLISHED_KEY] = shown


def sidebar_status(pages: dict[str, StreamlitPage]) -> None:
    """The room line in the sidebar, and the poll that moves a following learner's page.

    ``pages`` maps each URL path to the page ``st.navigation`` was given: a move switches to
    the page object itself.
    """
    _restore()
    code = hosting()
    if code is not None:
        st.sidebar.caption(f":material/groups: Room **{code}** is open.")
        return
    code = joined()
    if code is None:
        return
    if pending := st.session_state.pop(PENDING_KEY, None):
        target, params = pending
        if target in pages:
            st.switch_page(pages[target], query_params=params)
    with st.sidebar:
        state = "following the projector" if voting() else "exploring on your own"
        st.caption(f":material/groups: Room **{code}**, {state}.")
        if voting():
            _follow_poll(code)


@st.fragment(run_every=FOLLOW_EVERY_SECONDS)
def _follow_poll(code: str) -> None:
    try:
        follow = store().follow(code)
        if follow is None:
            store().room(code)  # says why, when the room has closed or expired
    except rooms.RoomError as error:
        _forget(JOINED_KEY, f"{error} You are on your own again.")
        st.rerun(scope="app")
    except db.UNAVAILABLE:
        return
    if follow is None:
        return
    shown = (follow.page, tuple(sorted(follow.params.items())))
    applied = st.session_state.get(APPLIED_KEY)
    if applied is not None and applied[0] == follow.version:
        return
    st.session_state[APPLIED_KEY] = (follow.version, shown)
    if applied is not None and applied[1] == shown:
        # Same page and settings: a question was revealed or asked again. Reread the page.
        st.rerun(scope="app")
    for key in list(st.session_state.keys()):
        if key in _KEPT_WHEN_FOLLOWING:
            continue
        if key.startswith(_FOLLOWED_PREFIXES) or key.endswith("_url_read"):
            del st.session_state[key]
    for key in (sidebar.DATASET_KEY, sidebar.SEED_KEY, sidebar.SAVED_KEY):
        st.session_state.pop(key, None)
    # A page switch asked for inside a fragment's own rerun keeps the old page: hand it to
    # the next full run, which switches before drawing anything.
    st.session_state[PENDING_KEY] = (follow.page, follow.params)
    st.rerun(scope="app")


# -- questions: vote, count, reveal -----------------------------------------------------------


def vote_widget(
    question: RoomQuestion,
    *,
    label: str | None = None,
    on_vote: Callable[[str], None] | None = None,
) -> str | None:
    """A following learner's answer to ``question``, sent to the room as a vote.

    Returns the learner's vote in the current round, or None. Voting again replaces the vote;
    once the instructor has revealed, the choice is locked. A vote reruns only its own box,
    not the learner's whole page: a room of 60 voting at once stays cheap for the server.
    """
    code = voting()
    if code is None:
        return None
    tally = _guarded(lambda: store().tally(code, question.question_id), quiet=True)
    if tally is None:
        return None
    key = f"room_vote_{question.question_id}_{tally.round}"
    if key not in st.session_state:
        mine = _guarded(lambda: store().my_vote(code, _token(), question.question_id), quiet=True)
        if mine is not None:
            st.session_state[key] = mine
    _vote_box(code, question, key, tally.revealed, label or question.prompt, on_vote)
    return st.session_state.get(key)


@st.fragment
def _vote_box(
    code: str,
    question: RoomQuestion,
    key: str,
    locked: bool,
    label: str,
    on_vote: Callable[[str], None] | None,
) -> None:
    st.radio(
        label,
        [answer for answer, _ in question.options],
        index=None,
        format_func=question.label,
        key=key,
        on_change=_vote,
        args=(code, question, key, on_vote),
        disabled=locked,
    )


def _vote(
    code: str, question: RoomQuestion, key: str, on_vote: Callable[[str], None] | None
) -> None:
    answer = st.session_state.get(key)
    if answer is None:
        return
    if _guarded(lambda: store().vote(code, _token(), question.question_id, answer)) is None:
        return
    if on_vote is not None:
        on_vote(answer)


def revealed(key: str, question: RoomQuestion | None) -> bool:
    """Whether the room's instructor has revealed this moment; nothing is drawn."""
    code = voting() or hosting()
    if code is None:
        return True
    tally = _guarded(lambda: store().tally(code, _reveal_id(key, question)), quiet=True)
    return tally is None or tally.revealed


def revealed_for_learner(key: str, question: RoomQuestion | None) -> bool:
    """Whether the room's instructor has revealed this moment (a following learner waits).

    The learner's one poll (in the sidebar) rereads the page when the instructor reveals.
    """
    if revealed(key, question):
        if question is not None and question.correct is not None and question.says_how_vote_did:
            _own_result(question)
        return True
    if question is None:
        st.info("The instructor will reveal this to the room.", icon=":material/co_present:")
    else:
        st.info(
            "Vote above: the answer shows here when the instructor reveals it.",
            icon=":material/how_to_vote:",
        )
    return False


def _own_result(question: RoomQuestion) -> None:
    code = voting()
    mine = _guarded(lambda: store().my_vote(code, _token(), question.question_id), quiet=True)
    if mine is None:
        return
    if mine == question.correct:
        st.success("Your vote was right.", icon=":material/check_circle:")
    else:
        st.warning(
            f"Your vote: {question.label(mine)}. The answer: {question.label(question.correct)}.",
            icon=":material/info:",
        )


def host_moment(key: str, prompt: str, question: RoomQuestion | None) -> bool:
    """A Reveal moment on the projector of an open room; True once revealed.

    Before Reveal: the prompt, the room's question and its live count, and Reveal. After it:
    the room's spread beside the answer, and Ask again. Whether it is revealed is the room's
    state for this very question: new data or settings ask afresh.
    """
    code = hosting()
    if failure := st.session_state.pop(f"{FAILED_REVEAL_PREFIX}{key}", None):
        st.error(f"The Reveal did not reach the room: {failure} Press it again.")
    if revealed(key, question):
        if question is not None:
            _count(code, question, True)
        return True
    st.info(prompt, icon=":material/record_voice_over:")
    if question is not None:
        st.markdown(f"**The room votes:** {question.prompt}")
        _count(code, question, False)
    st.button(
        "Reveal",
        key=f"lesson_reveal_button_{key}",
        type="primary",
        icon=":material/visibility:",
        on_click=_reveal,
        args=(code, key, question),
    )
    return False


def _reveal(code: str, key: str, question: RoomQuestion | None) -> None:
    try:
        store().reveal(code, _token(), _reveal_id(key, question))
    except (rooms.RoomError, *db.UNAVAILABLE) as error:
        st.session_state[f"{FAILED_REVEAL_PREFIX}{key}"] = (
            str(error)
            if isinstance(error, rooms.RoomError)
            else "The room's database did not answer."
        )


def _chart_label(label: str) -> str:
    # Option texts are Markdown-escaped for the radio; the chart shows them as plain text.
    return re.sub(r"\\(.)", r"\1", label)


@st.cache_data(show_spinner=False, max_entries=1024)
def _votes_spec(labels: tuple[str, ...], counts: tuple[int, ...], correct: str | None) -> dict:
    # The projector redraws every count each second: Altair's spec for a count it has shown
    # before is looked up (a few ms) rather than rebuilt (about 40 ms).
    return room_charts.votes_chart(labels, counts, correct=correct).to_dict()


@st.fragment(run_every=COUNT_EVERY_SECONDS)
def _count(code: str, question: RoomQuestion, shown_revealed: bool) -> None:
    try:
        tally = store().tally(code, question.question_id)
        room = store().room(code)
    except rooms.RoomError as error:
        st.warning(f"{error} Open a new room on the room page.", icon=":material/info:")
        return
    except db.UNAVAILABLE:
        st.caption("The room's count is unavailable just now; it retries every second.")
        return
    if tally.revealed != shown_revealed:
        # Revealed or asked again from another place (a second projector tab): redraw.
        st.rerun(scope="app")
    labels = [_chart_label(label) for _, label in question.options]
    counts = [tally.counts.get(key, 0) for key, _ in question.options]
    correct = (
        _chart_label(question.label(question.correct))
        if shown_revealed and question.correct
        else None
    )
    st.vega_lite_chart(
        _votes_spec(tuple(labels), tuple(counts), correct),
        width="stretch",
        key=f"room_chart_{question.question_id}_{shown_revealed}",
    )
    line = f"**{tally.total} of {room.seats}** seats voted"
    if tally.round > 1:
        line += f" (round {tally.round})"
    if shown_revealed and question.correct and tally.total:
        right = tally.counts.get(question.correct, 0)
        line += f" · {right} of {tally.total} ({right / tally.total:.0%}) chose the answer"
    elif shown_revealed and question.correct is None:
        line += " · this one has no single right answer on this data"
    st.markdown(line)
    if shown_revealed and st.button(
        "Ask again",
        key=f"room_ask_again_{question.question_id}",
        icon=":material/replay:",
        help="A new round of votes on the same question: did the room change its mind?",
    ):
        _guarded(lambda: store().ask_again(code, _token(), question.question_id))
        st.rerun(scope="app")
