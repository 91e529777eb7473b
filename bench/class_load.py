"""A class of 30 on this machine, browsers included: the burst and the steady class.

- **Burst**: 30 sessions sit on the leakage lab with the leak off; the instructor says "now
  switch the leak on" and every session flips it within one second.
- **Steady**: 30 sessions walk the lessons, moving each lesson's main control, with 5-10 s of
  thinking before and after each move; three rounds on the same server.

The app runs as deployed (``serve.py``, warm) with its run log on, so each interaction's
server-side seconds (the script run, from the log) are reported beside the browser's
(change to settled, in Chromium), with the server's CPU seconds per interaction. Then the
burst again behind the nginx recipe with two replicas.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.browser import FLOOR_CONTROL, VISUALLY_COMPLETE
from bench.classroom import (
    CLASS_DATASETS,
    CLASS_SEED,
    PRODUCTION_ENV,
    ClassroomReport,
    Control,
    RunTracker,
    _goto,
    _new_context,
    _record_failure,
    median,
    move,
    percentile,
    run_round,
    server_cpu_seconds,
    server_rss_mb,
)
from components import run_log
from serve import READY_FILE_ENV, WARM_ENV, wait_for_ready_file
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, NGINX, Proxy, Server

LEARNERS = 30
ROUNDS = 3
THINK_S = (5.0, 10.0)
# A learner opens a page and moves its control, thinking before and after the move: two
# interactions per two pauses.
INTERACTIONS_PER_S = 2 / sum(THINK_S)
BURST_WINDOW_S = 1.0
LEAK = Control("leakage_leak", "click")
READY_PATIENCE_S = 300
# The instructor speaks once every page is drawn and the browsers have gone quiet: a
# learner cannot flip a switch that is not on screen yet.
DRAWN_PATIENCE_MS = 300_000
QUIET_CORES = 0.2
QUIET_PATIENCE_S = 120
SECRET = "class-load-shared-secret"


BROWSER_NICE = 10
"""The learners' browsers yield the cores to the server: in a room they run on the learners'
own machines, here on the server's 2 cores. Chromium run as root raises some of its own
threads to nice -8, ahead of the server, so the server's figures measured the queue for a core
more than the app."""


def _yield_browsers(nice: int, stop: threading.Event) -> None:
    """Every second, set each thread of every Chromium process to ``nice``."""
    while not stop.is_set():
        for comm in Path("/proc").glob("[0-9]*/comm"):
            try:
                if "chrom" not in comm.read_text():
                    continue
                for task in (comm.parent / "task").iterdir():
                    tid = int(task.name)
                    if os.getpriority(os.PRIO_PROCESS, tid) != nice:
                        os.setpriority(os.PRIO_PROCESS, tid, nice)
            except (OSError, ValueError):
                continue  # the process or thread ended while the folder was listed
        stop.wait(1.0)


def _shown(rows: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    # Printed as they come: a long run that is stopped still leaves its numbers behind.
    for label, value, unit in rows:
        print(f"  {label}: {value:.3f} {unit}", file=sys.stderr, flush=True)
    return rows


def _start(folder: Path, name: str) -> tuple[Server, Path]:
    log, ready = folder / f"{name}.jsonl", folder / f"{name}.ready"
    env = {
        **PRODUCTION_ENV,
        run_log.ENV: str(log),
        READY_FILE_ENV: str(ready),
        # As an instructor would start it for this class: their datasets at their seed.
        WARM_ENV: ",".join(f"{name}:{CLASS_SEED}" for name in CLASS_DATASETS),
        "STREAMLIT_SERVER_COOKIE_SECRET": SECRET,
    }
    server = Server(env=env, warm=True)
    wait_for_ready_file(ready, READY_PATIENCE_S)
    return server, log


def _server_runs(logs: list[Path], since: float, until: float) -> list[dict]:
    return [
        record
        for log in logs
        if log.exists()
        for record in run_log.read(str(log))
        if since <= float(record["ended"]) <= until
    ]


async def _burst(
    link: str, control: Control, learners: int, servers: list[Server]
) -> tuple[ClassroomReport, float, float, tuple[float, float], float]:
    """Every learner opens ``link`` and moves ``control`` within ``BURST_WINDOW_S`` of the
    instructor's word.

    Returns the report, the burst's start and end, (seconds waited for the browsers to go
    quiet, the cores they used while idle), and the servers' CPU seconds from the word to
    the last settled page (the arrivals' page loads left out)."""
    from playwright.async_api import async_playwright

    report = ClassroomReport()
    seated = asyncio.Event()
    go = asyncio.Event()
    ready_count = 0

    async def learner(browser, index: int) -> None:
        nonlocal ready_count
        context = await _new_context(browser)
        page = await context.new_page()
        tracker = RunTracker(page)
        where = f"learner {index}"
        try:
            await asyncio.sleep(index * 0.3)
            report.arrival_seconds.append(
                await tracker.settled_after(page, lambda: _goto(page, link), from_idle=False)
            )
            await page.wait_for_function(VISUALLY_COMPLETE, timeout=DRAWN_PATIENCE_MS, polling=250)
        except Exception as error:
            _record_failure(report, where, error)
        finally:
            ready_count += 1
            if ready_count == learners:
                seated.set()
        await go.wait()
        try:
            await asyncio.sleep(random.Random(index).uniform(0, BURST_WINDOW_S))
            seconds = await move(page, tracker, control)
            if seconds is None:
                report.fail("failure", where, f"no {control.key}")
            else:
                report.settle_seconds.append(seconds)
        except Exception as error:
            _record_failure(report, where, error)
        finally:
            await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tasks = [asyncio.create_task(learner(browser, i)) for i in range(learners)]
        await seated.wait()
        quiet = await _browsers_quiet()
        cpu = sum(server_cpu_seconds(s.process.pid) for s in servers)
        start = time.time()
        go.set()
        await asyncio.gather(*tasks)
        end = time.time()
        cpu = sum(server_cpu_seconds(s.process.pid) for s in servers) - cpu
        await browser.close()
    return report, start, end, quiet, cpu


def _browsers_cpu_seconds() -> float:
    """CPU seconds used so far by every Chromium process on the machine."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, fields = stat.read_text().rsplit(")", 1)
        except OSError:
            continue  # the process ended while the folder was listed
        if "chrom" in name.rsplit("(", 1)[-1]:
            values = fields.split()
            total += int(values[11]) + int(values[12])
    return total / os.sysconf("SC_CLK_TCK")


async def _browsers_quiet() -> tuple[float, float]:
    """Wait until the browsers use under ``QUIET_CORES`` over a second; return the wait and
    the cores they used in the last second (what idle pages cost)."""
    start = time.perf_counter()
    while True:
        before = _browsers_cpu_seconds()
        await asyncio.sleep(1.0)
        cores = _browsers_cpu_seconds() - before
        if cores < QUIET_CORES or time.perf_counter() - start > QUIET_PATIENCE_S:
            return time.perf_counter() - start, cores


def _interaction_rows(prefix: str, runs: list[dict], cpu: float) -> list[tuple[str, float, str]]:
    seconds = [float(r["seconds"]) for r in runs]
    # The script thread's own CPU: with the browsers on the same cores, the rest of a run's
    # wall time is mostly waiting for a core.
    cpu_seconds = [float(r["cpu_seconds"]) for r in runs]
    interactions = [r for r in runs if r["trigger"] != "rerun"]
    return [
        (f"{prefix}: server-side script runs", float(len(runs)), "count"),
        (f"{prefix}: server-side p50", median(seconds), "s"),
        (f"{prefix}: server-side p95", percentile(seconds, 0.95), "s"),
        (f"{prefix}: server-side script CPU p50", median(cpu_seconds), "s"),
        (f"{prefix}: server-side script CPU p95", percentile(cpu_seconds, 0.95), "s"),
        (
            f"{prefix}: server CPU per learner interaction",
            cpu / max(len(interactions), 1),
            "s",
        ),
    ]


def _leak_link(url: str) -> str:
    return f"{url}/leakage?dataset=churn&seed={CLASS_SEED}&scenario=post_outcome&leak=off"


def _burst_rows(
    label: str,
    link: str,
    servers: list[Server],
    logs: list[Path],
    control: Control = LEAK,
    what: str = "flip the leak",
) -> list[tuple]:
    report, start, end, (quiet_wait, idle_cores), cpu = asyncio.run(
        _burst(link, control, LEARNERS, servers)
    )
    runs = [
        r
        for r in _server_runs(logs, start, end + 1)
        if control.key in str(r["trigger"]) or r["trigger"] == "rerun"
    ]
    prefix = f"burst, {LEARNERS} {what} within {BURST_WINDOW_S:.0f} s, {label}"
    rows = [
        (f"{prefix}: wait for the browsers to go quiet first", quiet_wait, "s"),
        (f"{prefix}: browsers' cores busy while the pages sit idle", idle_cores, "cores"),
        (f"{prefix}: browser-side p50", report.median, "s"),
        (f"{prefix}: browser-side p95", report.p95, "s"),
    ]
    if logs:
        rows += _interaction_rows(prefix, runs, cpu)
    else:
        rows.append((f"{prefix}: server CPU per learner interaction", cpu / LEARNERS, "s"))
    rows.append((f"{prefix}: errors", float(len(report.errors)), "count"))
    return _shown(rows)


def _floor_burst_rows() -> list[tuple]:
    """The same burst on the floor app (one slider, one Plotly chart): what 30 browsers on
    these 2 cores cost whatever the app, so the app's figures can be read against it."""
    floor = Server(env=PRODUCTION_ENV, script="bench/floor_app.py")
    try:
        return _burst_rows(
            "the floor app", floor.url, [floor], [], FLOOR_CONTROL, "move the floor app's slider"
        )
    finally:
        floor.stop()


def _steady_rows(
    url: str, server: Server, log: Path, learners: int = LEARNERS, rounds: int = ROUNDS
) -> list[tuple]:
    rows: list[tuple[str, float, str]] = []
    memory = []
    for round_number in range(1, rounds + 1):
        prefix = f"steady class of {learners}, think {THINK_S[0]:.0f}-{THINK_S[1]:.0f} s, round {round_number}"
        cpu = server_cpu_seconds(server.process.pid)
        start = time.time()
        report = asyncio.run(run_round(url, walkers=learners, uploaders=0, think=THINK_S))
        end = time.time()
        cpu = server_cpu_seconds(server.process.pid) - cpu
        runs = _server_runs([log], start, end)
        time.sleep(2)
        memory.append(server_rss_mb(server.process.pid))
        cores = cpu / max(end - start, 1e-9)
        per_interaction = cpu / max(len([r for r in runs if r["trigger"] != "rerun"]), 1)
        rows += _shown(
            [
                (f"{prefix}: wall time", end - start, "s"),
                (f"{prefix}: browser-side control-to-settled p50", report.median, "s"),
                (f"{prefix}: browser-side control-to-settled p95", report.p95, "s"),
                (
                    f"{prefix}: browser-side page-to-settled p95",
                    percentile(report.navigation_seconds, 0.95),
                    "s",
                ),
                *_interaction_rows(prefix, runs, cpu),
                (f"{prefix}: server cores busy on average", cores, "cores"),
                (
                    f"{prefix}: learners one core serves at the intended pace "
                    "(CPU per interaction × 2 interactions per 15 s)",
                    1 / max(per_interaction * INTERACTIONS_PER_S, 1e-9),
                    "learners",
                ),
                (f"{prefix}: errors", float(len(report.errors)), "count"),
                (f"{prefix}: server memory after", memory[-1], "MB"),
            ]
        )
    return rows + _shown(
        [
            (
                f"steady class: memory growth, round 1 to {rounds}",
                100 * (memory[-1] / memory[0] - 1),
                "%",
            )
        ]
    )


def bench_class_load(
    steady_learners: int = LEARNERS, rounds: int = ROUNDS, browser_nice: int | None = BROWSER_NICE
) -> list[tuple[str, float, str]]:
    """The burst and the steady class on one warm server, then the burst on two replicas.

    ``browser_nice``: the niceness every Chromium thread is held at (``None``: as Chromium
    sets it)."""
    stop = threading.Event()
    if browser_nice is not None:
        threading.Thread(target=_yield_browsers, args=(browser_nice, stop), daemon=True).start()
    try:
        return _shown(
            [("browsers' threads held at nice", float(browser_nice or 0), "")]
        ) + _all_rows(steady_learners, rounds)
    finally:
        stop.set()


def _all_rows(steady_learners: int, rounds: int) -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = _floor_burst_rows()
    with tempfile.TemporaryDirectory(prefix="bench-class-") as name:
        folder = Path(name)
        server, log = _start(folder, "single")
        try:
            rows += _burst_rows("one server", _leak_link(server.url), [server], [log])
            if steady_learners:
                rows += _steady_rows(server.url, server, log, steady_learners, rounds)
        finally:
            server.stop()
        if NGINX is None:
            rows.append(("burst behind nginx skipped: nginx is not installed", 0.0, ""))
            return rows
        replicas = [_start(folder, f"replica{i}") for i in range(2)]
        proxy = Proxy([server for server, _ in replicas], folder)
        try:
            rows += _burst_rows(
                "two replicas behind nginx",
                _leak_link(proxy.url),
                [server for server, _ in replicas],
                [log for _, log in replicas],
            )
        finally:
            proxy.stop()
            for server, _ in replicas:
                server.stop()
    return rows


if __name__ == "__main__":
    # ``python -m bench.class_load LEARNERS ROUNDS [NICE]``: a smaller steady class (the burst
    # stays 30), and the browsers held at NICE ("none": as Chromium sets it).
    nice = sys.argv[3] if len(sys.argv) > 3 else str(BROWSER_NICE)
    bench_class_load(
        *(int(arg) for arg in sys.argv[1:3]), browser_nice=None if nice == "none" else int(nice)
    )
