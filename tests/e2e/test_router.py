"""The frame in a real browser: a cold deep link, the sidebar, the picker and the URL."""

import re

from playwright.sync_api import expect

from components import navigation
from tests.e2e.conftest import screenshot, wait_ready


def _picker(page):
    return page.get_by_role("combobox", name="Dataset")


def _deepest_existing_page() -> navigation.PageSpec:
    return navigation.existing_pages()[-1]


def test_cold_deep_link_renders_inside_the_frame(fresh_server, page):
    target = _deepest_existing_page()
    page.goto(f"{fresh_server.url}/{target.url_path}?dataset=fraud&seed=3")
    wait_ready(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    # The rerun through the router may still be drawing: its last element is the sidebar's
    # progress line, drawn after the page has run.
    expect(sidebar).to_contain_text("lessons done")
    expect(_picker(page)).to_have_value("Card fraud")
    expect(page.get_by_role("spinbutton", name="Seed")).to_have_value("3")
    expect(sidebar.get_by_text("Instructor mode")).to_have_count(1)
    sections = {spec.section for spec in navigation.existing_pages()}
    if len(navigation.existing_pages()) > 1:
        nav = page.locator("[data-testid='stSidebarNav']").inner_text()
        for section in sections:
            assert section in nav, f"section label {section!r} missing from {nav!r}"
        assert "app" not in nav.split(), "the old pages/ convention must not take over"
    assert "dataset=fraud" in page.url and "seed=3" in page.url
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, f"cold-deep-link-{target.url_path or 'home'}")


def test_switching_the_dataset_updates_page_and_url(server, page):
    page.goto(server.url)
    wait_ready(page)
    assert "dataset=churn" in page.url
    _picker(page).click()
    page.get_by_role("option", name="Store demand").click()
    page.wait_for_url(re.compile(r"dataset=store_demand"))
    wait_ready(page)
    caption = page.locator("[data-testid='stSidebar'] [data-testid='stCaptionContainer']")
    expect(caption.first).to_contain_text("target: sales")
    screenshot(page, "home-store-demand")
