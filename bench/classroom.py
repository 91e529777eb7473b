"""A classroom under load: many browser sessions walking the lessons while others upload.

Used twice: a small version in the end-to-end tests (correctness: no errors, no session sees
another's data) and the full version in ``make bench`` (20 walkers, 5 uploaders, three rounds,
with latency percentiles and the server's memory).
"""

from __future__ import annotations

import asyncio
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from components import navigation
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, Server

READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
WALK_DATASETS = ("churn", "fraud", "house_prices", "store_demand", "wine", "diabetes")


@dataclass
class ClassroomReport:
    """What a round of the classroom saw."""

    settle_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pages_visited: int = 0
    uploads: int = 0

    @property
    def p95(self) -> float:
        if not self.settle_seconds:
            return float("nan")
        ordered = sorted(self.settle_seconds)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    @property
    def median(self) -> float:
        return statistics.median(self.settle_seconds) if self.settle_seconds else float("nan")


async def _ready(page, timeout: float = 120_000) -> None:
    await page.wait_for_selector(READY, timeout=timeout)
    await page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout
    )


async def _check_page(page, where: str, report: ClassroomReport) -> None:
    count = await page.locator("[data-testid='stException']").count()
    if count:
        text = await page.locator("[data-testid='stException']").first.inner_text()
        report.errors.append(f"{where}: exception: {text[:300]}")


async def _walker(browser, url: str, index: int, report: ClassroomReport) -> None:
    dataset = WALK_DATASETS[index % len(WALK_DATASETS)]
    seed = 100 + index
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(f"{url}/?dataset={dataset}&seed={seed}")
        await _ready(page)
        for spec in navigation.existing_pages():
            if spec.url_path == "data":
                continue
            link = page.locator("[data-testid='stSidebarNav'] a", has_text=spec.title)
            if await link.count():
                await link.first.click()
                await page.wait_for_url(re.compile(rf"/{spec.url_path}(\?|$)"), timeout=30_000)
            await _ready(page)
            report.pages_visited += 1
            await _check_page(page, f"walker {index} on /{spec.url_path}", report)
            start = time.perf_counter()
            await page.locator(
                "[data-testid='stSidebar'] [data-testid='stNumberInputStepUp']"
            ).click()
            await page.wait_for_timeout(50)
            await _ready(page)
            report.settle_seconds.append(time.perf_counter() - start)
            await _check_page(
                page, f"walker {index} after a control change on /{spec.url_path}", report
            )
            seen = await page.get_by_role("combobox", name="Dataset").input_value()
            if not seen or seen.startswith("Your data"):
                report.errors.append(f"walker {index} on /{spec.url_path} sees dataset {seen!r}")
    except Exception as error:  # a load test reports every failure instead of stopping at one
        report.errors.append(f"walker {index}: {type(error).__name__}: {str(error)[:300]}")
    finally:
        await context.close()


def _upload_file(folder: Path, index: int) -> Path:
    path = folder / f"class_upload_{index}.csv"
    lines = [f"feature_{index},other,label_{index}"]
    lines += [f"{i * (index + 1)},{(i * 7) % 5},{i % 2}" for i in range(200)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def _uploader(browser, url: str, index: int, folder: Path, report: ClassroomReport) -> None:
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(f"{url}/data")
        await _ready(page)
        await page.locator("input[type='file']").first.set_input_files(
            str(_upload_file(folder, index))
        )
        await page.wait_for_timeout(500)
        await _ready(page)
        report.uploads += 1
        await _check_page(page, f"uploader {index} on /data", report)
        body = await page.locator("[data-testid='stMain']").inner_text()
        for other in range(10):
            if other != index and f"class_upload_{other}" in body:
                report.errors.append(
                    f"uploader {index} sees another session's file class_upload_{other}"
                )
    except Exception as error:
        report.errors.append(f"uploader {index}: {type(error).__name__}: {str(error)[:300]}")
    finally:
        await context.close()


async def run_round(url: str, walkers: int, uploaders: int) -> ClassroomReport:
    """One round: ``walkers`` sessions walk every lesson while ``uploaders`` upload a CSV each."""
    from playwright.async_api import async_playwright

    report = ClassroomReport()
    has_data_page = any(spec.url_path == "data" for spec in navigation.existing_pages())
    with tempfile.TemporaryDirectory() as folder:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tasks = [_walker(browser, url, i, report) for i in range(walkers)]
            if has_data_page:
                tasks += [
                    _uploader(browser, url, i, Path(folder), report) for i in range(uploaders)
                ]
            await asyncio.gather(*tasks)
            await browser.close()
    return report


def server_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    for status in [Path(f"/proc/{pid}/status")]:
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def bench_classroom() -> list[tuple[str, float, str]]:
    """20 walkers and 5 uploaders at once, three rounds, on a fresh server."""

    server = Server()
    rows = []
    try:
        memory = []
        for round_number in (1, 2, 3):
            start = time.perf_counter()
            report = asyncio.run(run_round(server.url, walkers=20, uploaders=5))
            for error in report.errors[:5]:
                print(f"  round {round_number}: {error.splitlines()[0]}", file=sys.stderr)
            rows += [
                (f"round {round_number}: wall time", time.perf_counter() - start, "s"),
                (f"round {round_number}: control-to-settled median", report.median, "s"),
                (f"round {round_number}: control-to-settled p95", report.p95, "s"),
                (f"round {round_number}: errors", float(len(report.errors)), "count"),
            ]
            time.sleep(2)
            memory.append(server_rss_mb(server.process.pid))
            rows.append((f"round {round_number}: server memory after", memory[-1], "MB"))
        rows.append(("memory growth round 1 → 3", 100 * (memory[-1] / memory[0] - 1), "%"))
    finally:
        server.stop()
    return rows
