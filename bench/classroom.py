"""A classroom under load: many browser sessions walking the lessons while others upload.

Used twice: a small version in the end-to-end tests (correctness: no errors, no session sees
another's data) and the full version in ``make bench`` (20 walkers, 5 uploaders, three rounds,
with latency percentiles and the server's memory).

The walkers behave like a class: they share the instructor's dataset and seed (half the class
on one dataset, half on another, so a session that saw its neighbour's data would show), and on
every lesson they move that lesson's main control, as the instructor asks. On "Train live" the
control retrains the model; on "Experiment log" they press "Train and log this run" (an explicit
train button, timed apart: the budget excepts it).

Every failure is kept with its kind, so a timeout on an overloaded machine is never mistaken
for (or hidden as) an app error: ``exception`` (a traceback drawn in the page), ``isolation``
(a session saw another's data), ``timeout`` (the page did not settle in time), ``failure``
(anything else, e.g. a control that was missing).
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from components import navigation
from lessons import datasets
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server

CLASS_DATASETS = ("churn", "fraud")
CLASS_SEED = 7
# Generous on purpose: a slow page is measured (and shows in the percentiles); only a page
# that never settles is an error, reported as a timeout.
SETTLE_TIMEOUT_MS = 180_000
ADDRESS_PATIENCE_MS = 60_000
"""How long the address bar may lag a settled run: on a crowded 2-core machine the history update
of a page switch was seen to arrive more than 10 s after the run."""
# As deployed: no watching of the source files for changes.
PRODUCTION_ENV = {
    "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
    "STREAMLIT_SERVER_RUN_ON_SAVE": "false",
    # As the Dockerfile sets it: a few malloc arenas for the sessions' threads.
    "MALLOC_ARENA_MAX": "2",
}
# A class opens the link within seconds of each other, not in the same millisecond.
ARRIVAL_GAP_S = 0.5


@dataclass(frozen=True)
class Control:
    """A lesson's main control as the browser sees it: the widget's key and how to move it."""

    key: str
    action: str  # "arrow": focus the slider, press ArrowRight; "click": a button or toggle


# The control a class is asked to move on each lesson, by URL path. A page missing here (or
# whose control is not drawn for the dataset) is only visited.
CONTROLS: dict[str, Control] = {
    "frame": Control("framing_cost_fp", "arrow"),
    "split": Control("split_repeats", "arrow"),
    "leakage": Control("leakage_leak", "click"),
    "train": Control("train_param_logistic_regression_C", "arrow"),
    "metrics": Control("metrics_threshold", "arrow"),
    "monitor": Control("monitor_month", "arrow"),
}
TRAIN_BUTTONS: dict[str, Control] = {"experiments": Control("experiments_run", "click")}

# Not the status widget: between runs it can hold a "source file changed" prompt (engineers
# edit the tree under a test server), which is no part of a learner's wait.
_IDLE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector("[data-stale='true']");
}"""


@dataclass
class ClassroomReport:
    """What a round of the classroom saw."""

    settle_seconds: list[float] = field(default_factory=list)
    navigation_seconds: list[float] = field(default_factory=list)
    arrival_seconds: list[float] = field(default_factory=list)
    train_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pages_visited: int = 0
    uploads: int = 0

    def fail(self, kind: str, where: str, text: str) -> None:
        self.errors.append(f"{kind}: {where}: {text}")

    @property
    def error_kinds(self) -> Counter:
        return Counter(error.split(":", 1)[0] for error in self.errors)

    @property
    def p95(self) -> float:
        return percentile(self.settle_seconds, 0.95)

    @property
    def median(self) -> float:
        return statistics.median(self.settle_seconds) if self.settle_seconds else float("nan")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of ``values`` (nan when empty)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def _idle(page) -> None:
    await page.wait_for_function(_IDLE, timeout=SETTLE_TIMEOUT_MS)


_STATE = """() => ({
  script: document.querySelector("[data-testid='stApp']").getAttribute('data-test-script-state'),
  url: location.pathname,
  heading: (document.querySelector('h1') || {}).innerText,
  status_widget: !!document.querySelector("[data-testid='stStatusWidget']"),
  stale: [...document.querySelectorAll("[data-stale='true']")].map(e => e.className).slice(0, 3),
})"""


class SettleTimeout(TimeoutError):
    """The page did not settle in time; the message says what it was still doing."""


class RunTracker:
    """Counts a session's script runs on its websocket.

    The DOM's ``data-test-script-state`` cannot say whether a run started by an action has
    finished: under load the "running" and "finished" messages arrive together and the page
    never shows "running". The websocket can: the browser sends ``rerun_script`` for the
    action, the server answers ``script_finished`` when that run is done (a run cut short
    by a newer rerun finishes "early for rerun" and does not count).
    """

    def __init__(self, page) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self._back, self._forward = BackMsg, ForwardMsg
        self.reruns_sent = 0
        self.finished_after = 0  # reruns_sent when the last run finished
        page.on("websocket", self._attach)

    def _attach(self, socket) -> None:
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        if isinstance(payload, bytes) and self._back.FromString(payload).HasField("rerun_script"):
            self.reruns_sent += 1

    def _received(self, payload) -> None:
        if not isinstance(payload, bytes):
            return
        message = self._forward.FromString(payload)
        early = self._forward.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
        if message.WhichOneof("type") == "script_finished" and message.script_finished != early:
            self.finished_after = self.reruns_sent

    async def settled_after(self, page, action, *, from_idle: bool = True) -> float:
        """Seconds from ``action`` until the run it asked for finished and the page settled.

        ``from_idle=False`` for a navigation from a blank page, which has no app to wait for.
        """
        if from_idle:
            await _idle(page)
        before = self.reruns_sent
        start = time.perf_counter()
        await action()
        deadline = start + SETTLE_TIMEOUT_MS / 1000
        while self.finished_after <= before:
            if time.perf_counter() > deadline:
                state = await page.evaluate(_STATE)
                sent = self.reruns_sent - before
                raise SettleTimeout(
                    f"no finished run {SETTLE_TIMEOUT_MS / 1000:.0f} s after the action "
                    f"({sent} rerun request(s) sent): {state}"
                )
            await asyncio.sleep(0.02)
        try:
            await page.wait_for_function(_IDLE, timeout=SETTLE_TIMEOUT_MS, polling=50)
        except Exception as error:
            if type(error).__name__ != "TimeoutError":
                raise
            state = await page.evaluate(_STATE)
            raise SettleTimeout(f"the run finished but the page did not settle: {state}") from None
        return time.perf_counter() - start


async def move(page, tracker: RunTracker, control: Control) -> float | None:
    """Move ``control`` once and return the seconds until the page settled (None if absent)."""
    widget = page.locator(f".st-key-{control.key}")
    if not await widget.count():
        return None
    if control.action == "arrow":
        thumb = widget.locator("input[type='range']").first
        # One step right, or left when the slider already sits at its maximum (a step past
        # the end changes nothing and would start no run).
        at_end = await thumb.evaluate("e => Number(e.value) >= Number(e.max)")
        key = "ArrowLeft" if at_end else "ArrowRight"

        async def action() -> None:
            await thumb.focus()
            await thumb.press(key)

    else:
        target = widget.locator(
            "[data-testid^='stBaseButton'], label[data-react-aria-pressable]"
        ).first

        async def action() -> None:
            await target.click()

    return await tracker.settled_after(page, action)


async def open_page(page, tracker: RunTracker, spec: navigation.PageSpec) -> float:
    """Click ``spec``'s link in the sidebar and return the seconds until the page settled."""
    link = page.locator("[data-testid='stSidebarNav'] a", has_text=spec.title).first

    async def action() -> None:
        await link.click()

    seconds = await tracker.settled_after(page, action)
    try:
        # The address bar can follow the page a moment after the run has finished.
        await page.wait_for_url(re.compile(rf"/{spec.url_path}(\?|$)"), timeout=ADDRESS_PATIENCE_MS)
    except Exception as error:
        if type(error).__name__ != "TimeoutError":
            raise
        raise RuntimeError(f"the link to /{spec.url_path} left the address at {page.url}") from None
    return seconds


async def _new_context(browser):
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    # Playwright's 30 s default per action (a click, a focus, an upload) fails a crowded
    # class whose browsers share the server's cores: only a page that never settles is a
    # timeout here.
    context.set_default_timeout(SETTLE_TIMEOUT_MS)
    return context


async def _goto(page, url: str) -> None:
    # Only until the server answered: the app's own run is what the caller waits for, and
    # Playwright's 30 s "load" default fails a crowded class that is merely slow.
    await page.goto(url, wait_until="commit", timeout=SETTLE_TIMEOUT_MS)


async def _check_page(page, where: str, report: ClassroomReport) -> None:
    exceptions = page.locator("[data-testid='stException']")
    if await exceptions.count():
        text = await exceptions.first.inner_text()
        report.fail("exception", where, text[:300])


def _record_failure(report: ClassroomReport, where: str, error: Exception) -> None:
    kind = (
        "timeout"
        if isinstance(error, TimeoutError) or "Timeout" in type(error).__name__
        else "failure"
    )
    report.fail(kind, where, f"{type(error).__name__}: {str(error).splitlines()[0][:200]}")


async def _walker(
    browser,
    url: str,
    index: int,
    report: ClassroomReport,
    think: tuple[float, float] = (0, 0),
    pages: Collection[str] | None = None,
) -> None:
    dataset = CLASS_DATASETS[index % len(CLASS_DATASETS)]
    pause = random.Random(index)
    context = await _new_context(browser)
    page = await context.new_page()
    tracker = RunTracker(page)
    where = f"walker {index} arriving"
    try:
        await asyncio.sleep(index * ARRIVAL_GAP_S)
        arrival = await tracker.settled_after(
            page,
            lambda: _goto(page, f"{url}/?dataset={dataset}&seed={CLASS_SEED}"),
            from_idle=False,
        )
        report.arrival_seconds.append(arrival)
        for spec in navigation.existing_pages():
            if spec.url_path == "data" or (pages is not None and spec.url_path not in pages):
                continue
            where = f"walker {index} opening /{spec.url_path}"
            if spec.url_path:
                report.navigation_seconds.append(await open_page(page, tracker, spec))
            where = f"walker {index} on /{spec.url_path}"
            report.pages_visited += 1
            await _check_page(page, where, report)
            await asyncio.sleep(pause.uniform(*think))
            if spec.url_path in CONTROLS:
                where = f"walker {index} moving {CONTROLS[spec.url_path].key}"
                seconds = await move(page, tracker, CONTROLS[spec.url_path])
                if seconds is None:
                    report.fail("failure", where, f"no control {CONTROLS[spec.url_path].key}")
                else:
                    report.settle_seconds.append(seconds)
            if spec.url_path in TRAIN_BUTTONS:
                seconds = await move(page, tracker, TRAIN_BUTTONS[spec.url_path])
                if seconds is not None:
                    report.train_seconds.append(seconds)
            await _check_page(page, f"{where} after a control change", report)
            await asyncio.sleep(pause.uniform(*think))
            seen = await page.get_by_role("combobox", name="Dataset").input_value()
            if seen != datasets.BUILTIN_TITLES[dataset]:
                report.fail("isolation", where, f"expected {dataset}, sees dataset {seen!r}")
    except Exception as error:  # a load test reports every failure instead of stopping at one
        _record_failure(report, where, error)
    finally:
        await context.close()


def _upload_file(folder: Path, index: int) -> Path:
    path = folder / f"class_upload_{index}.csv"
    lines = [f"feature_{index},other,label_{index}"]
    lines += [f"{i * (index + 1)},{(i * 7) % 5},{i % 2}" for i in range(200)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def _uploader(browser, url: str, index: int, folder: Path, report: ClassroomReport) -> None:
    context = await _new_context(browser)
    page = await context.new_page()
    tracker = RunTracker(page)
    where = f"uploader {index} on /data"
    try:
        await asyncio.sleep(index * ARRIVAL_GAP_S)
        report.arrival_seconds.append(
            await tracker.settled_after(page, lambda: _goto(page, f"{url}/data"), from_idle=False)
        )
        upload = page.locator("input[type='file']").first

        async def action() -> None:
            await upload.set_input_files(str(_upload_file(folder, index)))

        report.settle_seconds.append(await tracker.settled_after(page, action))
        report.uploads += 1
        await _check_page(page, where, report)
        body = await page.locator("[data-testid='stMain']").inner_text()
        if f"class_upload_{index}" not in body and f"label_{index}" not in body:
            report.fail("failure", where, "its own upload is not on the page")
        for other in range(100):
            if other != index and f"class_upload_{other}" in body:
                report.fail("isolation", where, f"sees another session's class_upload_{other}")
    except Exception as error:
        _record_failure(report, where, error)
    finally:
        await context.close()


async def run_round(
    url: str,
    walkers: int,
    uploaders: int,
    think: tuple[float, float] = (0, 0),
    pages: Collection[str] | None = None,
) -> ClassroomReport:
    """One round: ``walkers`` sessions walk every lesson while ``uploaders`` upload a CSV each.

    ``think`` is the range of seconds a learner pauses before and after each control move;
    ``pages``: the URL paths walked (every page when None).
    """
    from playwright.async_api import async_playwright

    report = ClassroomReport()
    has_data_page = any(spec.url_path == "data" for spec in navigation.existing_pages())
    with tempfile.TemporaryDirectory() as folder:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tasks = [_walker(browser, url, i, report, think, pages) for i in range(walkers)]
            if has_data_page:
                tasks += [
                    _uploader(browser, url, i, Path(folder), report) for i in range(uploaders)
                ]
            await asyncio.gather(*tasks)
            await browser.close()
    return report


def server_rss_mb(pid: int) -> float:
    """Resident memory of the server process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds the server process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children_cpu_seconds() -> float:
    # Playwright's driver and its Chromium end with each round, so they are counted here.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def server_tracebacks(log: Path) -> int:
    """How many uncaught tracebacks the server has logged so far."""
    return log.read_text(errors="replace").count("Traceback (most recent call last)")


def classroom_rows(walkers: int, uploaders: int, rounds: int) -> list[tuple[str, float, str]]:
    """Run ``rounds`` rounds on a fresh server and return the table rows."""
    server = Server(env=PRODUCTION_ENV)
    rows = []
    label = f"{walkers}+{uploaders} sessions"
    try:
        memory = []
        for round_number in range(1, rounds + 1):
            start = time.perf_counter()
            load_before = os.getloadavg()[0]
            server_cpu = server_cpu_seconds(server.process.pid)
            browsers_cpu = _children_cpu_seconds()
            report = asyncio.run(run_round(server.url, walkers=walkers, uploaders=uploaders))
            server_cpu = server_cpu_seconds(server.process.pid) - server_cpu
            browsers_cpu = _children_cpu_seconds() - browsers_cpu
            for error in report.errors[:8]:
                print(f"  round {round_number}: {error}", file=sys.stderr)
            kinds = report.error_kinds
            prefix = f"{label}, round {round_number}"
            rows += [
                (f"{prefix}: wall time", time.perf_counter() - start, "s"),
                (f"{prefix}: control-to-settled median", report.median, "s"),
                (f"{prefix}: control-to-settled p95", report.p95, "s"),
                (f"{prefix}: page-to-settled median", median(report.navigation_seconds), "s"),
                (
                    f"{prefix}: page-to-settled p95",
                    percentile(report.navigation_seconds, 0.95),
                    "s",
                ),
                (f"{prefix}: arrival to settled median", median(report.arrival_seconds), "s"),
                (
                    f"{prefix}: arrival to settled p95",
                    percentile(report.arrival_seconds, 0.95),
                    "s",
                ),
                (f"{prefix}: train-and-log button, median", median(report.train_seconds), "s"),
                (f"{prefix}: server CPU time", server_cpu, "s"),
                (f"{prefix}: browsers' CPU time (Chromium, same 2 cores)", browsers_cpu, "s"),
                (f"{prefix}: machine load average (1 min), before", load_before, ""),
                (f"{prefix}: machine load average (1 min), after", os.getloadavg()[0], ""),
                (f"{prefix}: errors", len(report.errors), "count"),
            ]
            rows += [
                (f"{prefix}: errors of kind {kind}", count, "count")
                for kind, count in sorted(kinds.items())
            ]
            rows.append(
                (f"{prefix}: server tracebacks so far", server_tracebacks(server.log), "count")
            )
            time.sleep(2)
            memory.append(server_rss_mb(server.process.pid))
            rows.append((f"{prefix}: server memory after", memory[-1], "MB"))
            for row_label, value, unit in rows:
                if row_label.startswith(prefix):
                    print(f"  {row_label}: {value:.3f} {unit}", file=sys.stderr, flush=True)
        if rounds > 1:
            rows.append(
                (f"{label}: memory growth after round 1", 100 * (memory[-1] / memory[0] - 1), "%")
            )
    finally:
        server.stop()
    return rows


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def bench_classroom() -> list[tuple[str, float, str]]:
    """20 walkers and 5 uploaders at once, three rounds, on a fresh server."""
    return classroom_rows(walkers=20, uploaders=5, rounds=3)


if __name__ == "__main__":
    # ``python -m bench.classroom WALKERS UPLOADERS ROUNDS``: a smaller class, for diagnosis.
    walkers, uploaders, rounds = (int(arg) for arg in sys.argv[1:4])
    for row_label, value, unit in classroom_rows(walkers, uploaders, rounds):
        print(
            f"{row_label}: {value:.3f} {unit}"
            if isinstance(value, float)
            else f"{row_label}: {value} {unit}"
        )
