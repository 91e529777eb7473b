"""Live feel in real Chromium, against the floor of the stack.

The floor: a minimal Streamlit app (``bench/floor_app.py``: one slider, one Plotly bar chart),
served and measured in the same run with the same harness. Then ML Spine, started as it is
deployed (``serve.py``, which warms every page in the background), with its run log on:

- per page, a deep link opened in a new browser context (a new session): to the script's
  finish (read on the websocket) and to a visually complete page (no skeleton left, every
  chart drawn); first while the server is still cold (the first learner, before the warm-up
  has reached that page), then for a second learner once the server is warm.
- the page's main control (the one the classroom moves) moved seven times: change to settled,
  the median, and its ratio to the floor's; and the server's own seconds for those runs, from
  the run log, so the browser's share of the wait shows apart from the server's. The floor
  app stays open in the same browser and its slider moves before each of the page's moves, so
  each page's ratio is read against the floor of the same minutes (a machine that slows down
  for a while slows both).
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.classroom import CONTROLS, PRODUCTION_ENV, Control, RunTracker, move
from components import navigation, run_log
from serve import READY_FILE_ENV, wait_for_ready_file
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server

DATASET = "churn"
SEED = 0
MOVES = 7
FLOOR_CONTROL = Control("floor_height", "arrow")
READY_PATIENCE_S = 300

# Settled, and drawn: no skeleton placeholder, every Plotly chart has its SVG and every
# Vega-Lite chart its canvas or SVG.
VISUALLY_COMPLETE = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector("[data-stale='true'], [data-testid='stSkeleton']")) return false;
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart']")];
  const vega = [...document.querySelectorAll("[data-testid='stVegaLiteChart']")];
  return charts.every(c => c.querySelector('.main-svg'))
    && vega.every(c => c.querySelector('canvas, svg.marks'));
}"""


async def _open(browser, url: str) -> tuple[object, object, RunTracker, float, float]:
    """A new session at ``url``: seconds to the script's finish and to a complete page."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    tracker = RunTracker(page)
    start = time.perf_counter()
    finished = await tracker.settled_after(page, lambda: page.goto(url), from_idle=False)
    await page.wait_for_function(VISUALLY_COMPLETE, timeout=120_000, polling=50)
    return context, page, tracker, finished, time.perf_counter() - start


async def _moves(page, tracker: RunTracker, control: Control) -> list[float]:
    seconds = [await move(page, tracker, control) for _ in range(MOVES)]
    return [s for s in seconds if s is not None]


async def _paired_moves(
    page, tracker: RunTracker, control: Control, floor: tuple[object, RunTracker]
) -> tuple[list[float], list[float]]:
    """The page's control and the floor's slider, moved in turn: (page's, floor's) seconds.

    One move of each first, not counted: the floor page has been moved many times, the page
    was just opened, and a first move pays for code the browser has not yet run.
    """
    floor_page, floor_tracker = floor
    await move(page, tracker, control)
    await move(floor_page, floor_tracker, FLOOR_CONTROL)
    pages, floors = [], []
    for _ in range(MOVES):
        floors.append(await move(floor_page, floor_tracker, FLOOR_CONTROL))
        pages.append(await move(page, tracker, control))
    return [s for s in pages if s is not None], [s for s in floors if s is not None]


async def _floor(url: str) -> tuple[float, float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context, _, _, _, _ = await _open(browser, url)
        await context.close()
        context, page, tracker, _, complete = await _open(browser, url)
        moves = await _moves(page, tracker, FLOOR_CONTROL)
        await browser.close()
    return complete, statistics.median(moves)


def _server_seconds(log: Path, page: str, key: str, since: float) -> list[float]:
    return [
        float(record["seconds"])
        for record in run_log.read(str(log))
        if record["page"] == page
        and key in str(record["trigger"])
        and float(record["ended"]) >= since
    ]


async def _app(url: str, log: Path, ready: Path, floor_url: str) -> list[tuple]:
    from playwright.async_api import async_playwright

    rows: list[tuple[str, float, str]] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        _, floor_page, floor_tracker, _, _ = await _open(browser, floor_url)
        # The first learner arrives with the server just started: the warm-up is under way.
        first = {}
        for spec in navigation.existing_pages():
            link = f"{url}/{spec.url_path}?dataset={DATASET}&seed={SEED}"
            context, _, _, finished, _ = await _open(browser, link)
            first[spec.url_path] = finished
            await context.close()
            if spec.url_path == "":
                break
        waited = time.perf_counter()
        if not wait_for_ready_file(ready, READY_PATIENCE_S):
            rows.append(("warm-up unfinished after (s)", float(READY_PATIENCE_S), "s"))
        rows.append(
            ("warm-up: still running after the first page for", time.perf_counter() - waited, "s")
        )
        for spec in navigation.existing_pages():
            name = f"/{spec.url_path}"
            link = f"{url}/{spec.url_path}?dataset={DATASET}&seed={SEED}"
            context, _, _, cold, _ = await _open(browser, link)
            await context.close()
            context, page, tracker, warm, complete = await _open(browser, link)
            rows += [
                (f"{name}: first learner after warm-up, to script finished", cold, "s"),
                (f"{name}: second learner, to script finished", warm, "s"),
                (f"{name}: first / second learner", cold / warm, "ratio"),
                (f"{name}: second learner, to visually complete", complete, "s"),
            ]
            control = CONTROLS.get(spec.url_path)
            if control is not None:
                since = time.time()
                moves, floors = await _paired_moves(
                    page, tracker, control, (floor_page, floor_tracker)
                )
                if moves and floors:
                    median, floor_move = statistics.median(moves), statistics.median(floors)
                    server = _server_seconds(log, spec.url_path, control.key, since)
                    rows += [
                        (
                            f"{name}: {control.key} change to settled, median of {len(moves)}",
                            median,
                            "s",
                        ),
                        (
                            f"{name}: the floor's slider between those moves, median",
                            floor_move,
                            "s",
                        ),
                        (f"{name}: {control.key}, times the floor", median / floor_move, "ratio"),
                    ]
                    if server:
                        rows.append(
                            (
                                f"{name}: {control.key}, server script time, median",
                                statistics.median(server),
                                "s",
                            )
                        )
            await context.close()
        await browser.close()
    rows.insert(0, ("/ (first page, server just started): to script finished", first[""], "s"))
    return rows


def bench_browser() -> list[tuple[str, float, str]]:
    """The floor app, then every page's navigation and main control, as ratios to the floor."""
    floor = Server(env=PRODUCTION_ENV, script="bench/floor_app.py")
    try:
        floor_complete, floor_move = asyncio.run(_floor(floor.url))
        rows = [
            (
                "floor app (slider + Plotly chart): new session, to visually complete",
                floor_complete,
                "s",
            ),
            (f"floor app: slider change to settled, median of {MOVES}", floor_move, "s"),
        ]
        with tempfile.TemporaryDirectory(prefix="bench-browser-") as folder:
            log, ready = Path(folder) / "runs.jsonl", Path(folder) / "ready"
            env = {**PRODUCTION_ENV, run_log.ENV: str(log), READY_FILE_ENV: str(ready)}
            server = Server(env=env, warm=True)
            try:
                rows += asyncio.run(_app(server.url, log, ready, floor.url))
            finally:
                server.stop()
    finally:
        floor.stop()
    return rows
