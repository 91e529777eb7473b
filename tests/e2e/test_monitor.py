"""Deploy and monitor in Chromium: a deep link with a scenario, then the month slider."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_ready


def test_month_slider_moves_production_forward(server, page):
    page.goto(f"{server.url}/monitor?dataset=churn&seed=0&monitor_scenario=concept")
    wait_ready(page, timeout=240_000)
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text("Ship: the artifact")
    expect(page.get_by_role("combobox", name="Drift scenario")).to_have_value(
        re.compile("^Concept")
    )
    status = main.get_by_text("predictions ·").first
    before = status.inner_text()
    slider = page.get_by_role("slider", name="Production month")
    slider.focus()
    slider.press("End")
    page.wait_for_function("(before) => !document.body.innerText.includes(before)", arg=before)
    wait_ready(page)
    after = main.get_by_text("predictions ·").first.inner_text()
    assert after != before
    expect(main).to_contain_text("the latest known month")
    # One distribution chart, the model's predictions first; their PSI is said in words.
    expect(page.get_by_role("combobox", name="Feature to inspect")).to_have_value(
        "model predictions"
    )
    expect(main).to_contain_text("the predictions' PSI against shipping is")
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "monitor-month-12")
