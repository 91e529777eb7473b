"""Lesson 1 in a real browser: a cold deep link, a typed decision, a cost slider, the download."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_ready

DECISION = "Hold risky card payments for a text-message check"


@pytest.mark.slow
def test_frame_the_problem_and_download_the_spec(fresh_server, page):
    page.goto(f"{fresh_server.url}/frame?dataset=fraud&seed=0&cost_fp=1&cost_fn=5")
    wait_ready(page)
    assert page.locator("[data-testid='stException']").count() == 0
    # A fresh server's first request reruns through the router: the page may still be drawing.
    expect(page.get_by_role("heading", name="1. Frame the problem")).to_have_count(1)

    expect(page.locator("[data-testid='stAlert']", has_text="demo, not a product")).to_have_count(1)
    box = page.get_by_label("The decision the prediction changes")
    box.fill(DECISION)
    box.press("Control+Enter")
    warning = page.locator("[data-testid='stAlert']", has_text="demo, not a product")
    warning.wait_for(state="detached")
    wait_ready(page)

    slider = (
        page.locator("[data-testid='stSlider']")
        .filter(has_text="Cost of a false negative")
        .get_by_role("slider")
    )
    expect(slider).to_have_value("5")
    slider.focus()
    for _ in range(15):
        slider.press("ArrowRight")
    page.wait_for_url(re.compile(r"cost_fn=20"))
    wait_ready(page)
    assert "dataset=fraud" in page.url
    expect(page.get_by_text("Suggested metric: Expected cost per 1,000 rows")).to_have_count(1)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the spec (.md)").click()
    download = download_info.value
    assert download.suggested_filename == "framing-spec-fraud.md"
    spec = Path(download.path()).read_text(encoding="utf-8")
    for piece in (DECISION, "`is_fraud`", "false negative 20", "Expected cost", "flag no one"):
        assert piece in spec, piece
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "frame-fraud")
