"""Per page in real Chromium: navigation to a finished script, and a control change to settled.

One browser (Debian's Chromium, the end-to-end suite's settings) on a fresh server. For every
page: a deep link opened in a new browser context (a new session), first on a cold server
(nothing cached yet), then again in another new context (the caches warm, as for the second
learner of a class); then the page's main control (the one the classroom moves) is moved three
times. "Finished" is read on the websocket (the run asked for has sent ``script_finished``)
and "settled" in the page (no running status, nothing drawn stale), as in the classroom.
"""

from __future__ import annotations

import asyncio
import statistics

from bench.classroom import CONTROLS, PRODUCTION_ENV, RunTracker, move
from components import navigation
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server

DATASET = "churn"
SEED = 0
MOVES = 3


async def _open(browser, url: str) -> tuple[object, object, RunTracker, float]:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    tracker = RunTracker(page)
    seconds = await tracker.settled_after(page, lambda: page.goto(url), from_idle=False)
    return context, page, tracker, seconds


async def _measure(url: str) -> list[tuple[str, float, str]]:
    from playwright.async_api import async_playwright

    rows: list[tuple[str, float, str]] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for spec in navigation.existing_pages():
            name = f"/{spec.url_path}"
            link = f"{url}/{spec.url_path}?dataset={DATASET}&seed={SEED}"
            context, _, _, cold = await _open(browser, link)
            await context.close()
            context, page, tracker, warm = await _open(browser, link)
            rows += [
                (f"{name}: navigation to script finished, cold server", cold, "s"),
                (f"{name}: navigation to script finished, new session", warm, "s"),
            ]
            control = CONTROLS.get(spec.url_path)
            if control is not None:
                moves = [await move(page, tracker, control) for _ in range(MOVES)]
                moves = [seconds for seconds in moves if seconds is not None]
                if moves:
                    rows.append(
                        (
                            f"{name}: {control.key} change to settled, median of {len(moves)}",
                            statistics.median(moves),
                            "s",
                        )
                    )
            await context.close()
        await browser.close()
    return rows


def bench_browser() -> list[tuple[str, float, str]]:
    """Every page's navigation and control timings in Chromium, on a fresh server."""
    server = Server(env=PRODUCTION_ENV)
    try:
        return asyncio.run(_measure(server.url))
    finally:
        server.stop()
