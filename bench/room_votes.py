"""Vote to projector: 60 learners vote within two seconds; how soon does the projector show it?

The projector is a real Chromium page in instructor mode on the leakage lab, with a room open,
as in class. The 60 learners are seated and vote through the room store from 60 threads, each at
a random moment within two seconds: the same write a phone's vote makes on its server, without
60 browsers on the machine's two cores (their rendering is what ``class_load`` measures). The
latency is from the moment the last vote is cast to the projector showing "60 of 60 seats
voted", once per check question of the lab, on SQLite (one server) and on PostgreSQL (the replicas' store)
when Debian's server binaries are installed.
"""

from __future__ import annotations

import random
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

from lessons import checks, db, rooms
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server, wait_ready

LEARNERS = 60
VOTE_WINDOW_SECONDS = 2.0
PATIENCE_MS = 60_000


def _vote_burst(
    store: rooms.RoomStore, code: str, seats: list[str], question: str
) -> tuple[float, float]:
    """Every seat votes once at a random moment of the window.

    Returns when the last vote was cast and when the last one was committed.
    """
    rng = random.Random(question)
    answers = ["a", "b", "c"]
    commits: list[float] = []
    lock = threading.Lock()
    start = time.perf_counter()

    def vote(seat: str, delay: float) -> None:
        time.sleep(max(0.0, start + delay - time.perf_counter()))
        store.vote(code, seat, question, rng.choice(answers))
        with lock:
            commits.append(time.perf_counter())

    delays = [rng.uniform(0, VOTE_WINDOW_SECONDS) for _ in seats]
    threads = [
        threading.Thread(target=vote, args=(seat, delay))
        for seat, delay in zip(seats, delays, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return start + max(delays), max(commits)


def _projector_latencies(url: str, database: str) -> tuple[list[float], list[float]]:
    from playwright.sync_api import expect, sync_playwright

    latencies, spans = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        projector = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        projector.set_default_timeout(PATIENCE_MS)
        projector.goto(f"{url}/room?instructor=1")
        wait_ready(projector)
        projector.get_by_role("button", name="Open a room").click()
        link = projector.locator("code").filter(has_text="room?code=")
        code = re.search(r"code=([A-Z]{4})", link.inner_text()).group(1)
        store = rooms.RoomStore(database)
        seats = [f"bench-seat-{i}" for i in range(LEARNERS)]
        for seat in seats:
            store.join(code, seat, session=seat)
        projector.get_by_role("link", name="3. Leakage lab").click()
        questions = checks.load("leakage")
        # Every question of the lab is counting (its scenario's and each check's) before the
        # first vote: the bench times the count, not the page's first computation.
        expect(projector.get_by_text(f"0 of {LEARNERS} seats voted")).to_have_count(
            len(questions) + 1, timeout=PATIENCE_MS
        )
        wait_ready(projector)
        full = projector.get_by_text(f"{LEARNERS} of {LEARNERS} seats voted")
        for done, question in enumerate(questions, start=1):
            # A computed question is asked on the data on screen: churn, seed 0.
            context = "churn|0" if isinstance(question, checks.ComputedQuestion) else ""
            question_id = f"checks_leakage_{question.id}|{context}"
            cast, committed = _vote_burst(store, code, seats, question_id)
            expect(full).to_have_count(done, timeout=PATIENCE_MS)
            latencies.append(time.perf_counter() - cast)
            spans.append(committed - cast)
        browser.close()
    return latencies, spans


def _rows(label: str, url: str, database: str) -> list[tuple[str, float, str]]:
    latencies, spans = _projector_latencies(url, database)
    return [
        (f"{label}: last vote cast to projector, median", statistics.median(latencies), "s"),
        (f"{label}: last vote cast to projector, worst of {len(latencies)}", max(latencies), "s"),
        (f"{label}: last vote cast to its commit, worst", max(spans), "s"),
    ]


def bench_room_votes() -> list[tuple[str, float, str]]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-room-") as folder:
        database = db.sqlite_url(Path(folder) / "room.sqlite")
        server = Server(env={db.DATABASE_URL_ENV: database})
        try:
            rows += _rows("SQLite, one server", server.url, database)
        finally:
            server.stop()
    try:
        from tests.postgres import PostgresServer, Unavailable

        postgres = PostgresServer().start()
    except Unavailable as reason:
        return [*rows, (f"PostgreSQL: not measured ({reason})", 0.0, "")]
    try:
        database = postgres.url(postgres.create_database())
        server = Server(env={db.DATABASE_URL_ENV: database})
        try:
            rows += _rows("PostgreSQL", server.url, database)
        finally:
            server.stop()
    finally:
        postgres.stop()
    return rows


if __name__ == "__main__":
    for label, value, unit in bench_room_votes():
        print(f"{label}: {value:.3f} {unit}")
