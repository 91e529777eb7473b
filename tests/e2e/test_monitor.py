"""Deploy and monitor in Chromium: a deep link with a scenario, then the month slider."""

from tests.e2e.conftest import screenshot, wait_ready


def test_month_slider_moves_production_forward(server, page):
    page.goto(f"{server.url}/monitor?dataset=churn&seed=0&monitor_scenario=concept")
    wait_ready(page, timeout=240_000)
    main = page.locator("[data-testid='stMain']")
    assert "Ship: the artifact" in main.inner_text()
    assert page.get_by_role("combobox", name="Drift scenario").input_value().startswith("Concept")
    status = main.get_by_text("predictions ·").first
    before = status.inner_text()
    slider = page.get_by_role("slider", name="Production month")
    slider.focus()
    slider.press("End")
    page.wait_for_function(
        "(before) => !document.body.innerText.includes(before)", arg=before, timeout=60_000
    )
    wait_ready(page)
    after = main.get_by_text("predictions ·").first.inner_text()
    assert after != before
    assert "the latest known month" in main.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "monitor-month-12")
