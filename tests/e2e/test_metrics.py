"""Lesson 5 in a real browser: a deep link, then the threshold and imbalance sliders."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_ready


def test_threshold_and_imbalance_sliders_update_page_and_url(server, page):
    page.goto(f"{server.url}/metrics?dataset=fraud&threshold=0.3&imbalance=0.5")
    wait_ready(page)
    assert page.locator("[data-testid='stException']").count() == 0
    expect(page.get_by_role("heading", name="5. Pick a metric")).to_have_count(1)
    # The confusion matrix's title is drawn in the chart after the script finishes: wait for it.
    page.get_by_text("Confusion matrix at threshold 0.30").first.wait_for()

    threshold = page.get_by_role("slider", name="Threshold: flag scores at or above")
    threshold.focus()
    threshold.press("ArrowLeft")
    threshold.press("ArrowLeft")
    page.wait_for_url(re.compile(r"threshold=0\.28"))
    page.get_by_text("Confusion matrix at threshold 0.28").first.wait_for()
    # The takeaway is drawn after the charts: wait for it, do not read the page mid-run.
    expect(page.get_by_text(re.compile(r"At 0\.28 you flag"))).to_have_count(1)

    imbalance = page.get_by_role("slider", name="Share of positives")
    imbalance.focus()
    imbalance.press("End")
    page.wait_for_url(re.compile(r"imbalance=0\.001"))
    page.get_by_text(re.compile(r"99\.9% accuracy with 0% recall")).wait_for()
    assert "dataset=fraud" in page.url and "threshold=0.28" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "metrics-fraud")
