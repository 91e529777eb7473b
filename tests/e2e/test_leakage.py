"""The leakage lab in a real browser: a cold deep link to a scenario, Reveal, the switch."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_ready


def _metric(page, label: str) -> str:
    metric = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return metric.locator("[data-testid='stMetricValue']").inner_text().strip()


def test_deep_link_reveal_and_switch_the_leak_off(fresh_server, page):
    page.goto(
        f"{fresh_server.url}/leakage?dataset=churn&seed=0&scenario=post_outcome&leak=on&instructor=1"
    )
    wait_ready(page)
    assert page.locator("[data-testid='stException']").count() == 0
    expect(page.get_by_role("combobox", name="Scenario")).to_have_value(
        re.compile("known only after the outcome")
    )
    # Instructor mode: the room predicts before the leaky number is shown.
    reported = page.locator("[data-testid='stMetric']").filter(has_text="Reported").first
    expect(reported.locator("[data-testid='stMetricValue']")).to_have_text("?")
    honest = float(_metric(page, "Honest"))
    # How much the leak matters is the answer too: drawn outside the switch's fragment, it
    # appears only when Reveal, pressed inside it, reruns the page.
    matters = page.get_by_text("One of the biggest lies on this page")
    expect(matters).to_have_count(0)
    page.get_by_role("button", name="Reveal").first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')]"
        ".every(e => e.innerText.trim() !== '?')",
    )
    wait_ready(page)
    leaky = float(_metric(page, "Reported"))
    assert leaky >= 0.95 > honest
    expect(matters).to_have_count(1)
    screenshot(page, "leakage-post-outcome-revealed")

    page.get_by_text("Leak on", exact=True).click()
    page.wait_for_url(re.compile(r"leak=off"))
    wait_ready(page)
    expect(reported.locator("[data-testid='stMetricValue']")).to_have_text(_metric(page, "Honest"))
    assert float(_metric(page, "Reported")) == honest
    assert "scenario=post_outcome" in page.url and "dataset=churn" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "leakage-post-outcome-leak-off")
