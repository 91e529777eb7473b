"""Lesson 2 in a real browser: a deep link, switching strategies, moving the k slider."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, wait_ready


def _strategy_picker(page):
    return page.get_by_role("combobox", name="Split strategy")


def test_deep_link_switch_strategy_and_move_k(server, page):
    page.goto(f"{server.url}/split?dataset=store_demand&seed=0&strategy=kfold&k=4")
    wait_ready(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert "K-fold" in _strategy_picker(page).input_value()
    strips = page.locator("[data-testid='stPlotlyChart']").first
    strips.scroll_into_view_if_needed()
    expect(strips).to_contain_text("4 folds")
    # A shuffled k-fold on time-ordered data must be flagged.
    expect(page.locator("[data-testid='stAlert']").first).to_contain_text("breaks time order")

    _strategy_picker(page).click()
    # The option list is virtualised; typing filters it so the option is rendered.
    page.keyboard.type("Time-series")
    page.get_by_role("option", name=re.compile(r"^Time-series CV")).click()
    page.wait_for_url(re.compile(r"strategy=time_series"))
    wait_ready(page)
    expect(page.locator("[data-testid='stAlert']", has_text="breaks time order")).to_have_count(0)

    slider = page.get_by_role("slider", name="k (number of folds)")
    slider.focus()
    slider.press("ArrowRight")
    slider.press("ArrowRight")
    page.wait_for_url(re.compile(r"k=6"))
    wait_ready(page)
    expect(strips).to_contain_text("6 folds")
    assert "dataset=store_demand" in page.url, "the sidebar's own URL keys must survive"
    screenshot(page, "split-store-demand-time-series-k6")
