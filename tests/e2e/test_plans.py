"""Lesson plans in Chromium: pick a lesson, download its printable HTML, open it and print it."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lessons import plans
from tests.e2e.conftest import screenshot, wait_ready


def test_pick_a_lesson_and_download_its_printable_plan(server, page, tmp_path):
    page.goto(f"{server.url}/plans?instructor=1")
    wait_ready(page)
    expect(page.get_by_role("heading", name="Lesson plans")).to_have_count(1)

    page.get_by_role("combobox", name="Lesson").click()
    page.get_by_role("option", name=plans.TITLES["leakage"]).click()
    page.wait_for_url(re.compile(r"lesson=leakage"))
    wait_ready(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="2. Switch the leak on (6 min)")).to_have_count(1)
    assert main.get_by_text(re.compile(r"\{[a-z_]+\}")).count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download (printable HTML)").click()
    download = download_info.value
    assert download.suggested_filename == "lesson-plan-leakage.html"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    document = saved.read_text(encoding="utf-8")
    assert document.startswith("<!DOCTYPE html>")
    assert "@media print" in document and "{leak_" not in document
    # The links in the file open the app that served it.
    assert (
        f'href="{server.url}/leakage?dataset=churn&amp;seed=0&amp;scenario=post_outcome' in document
    )
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "plans")

    printed = page.context.new_page()
    printed.goto(saved.as_uri())
    printed.emulate_media(media="print")
    assert printed.get_by_role("heading", name="Lesson plan: 3. Leakage lab").count() == 1
    assert printed.locator("a[href*='/leakage?']").count() >= 4
    assert len(printed.pdf(format="A4")) > 10_000
    printed.screenshot(path=str(tmp_path / "printed.png"), full_page=True)
    printed.close()
