"""Your data in a real browser: upload through the file input, read the report, and check
that two browser sessions never see each other's files."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import new_context, screenshot, wait_ready

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _upload(page, name: str) -> None:
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        str(FIXTURES / name)
    )
    wait_ready(page)


def test_upload_shows_the_audit_and_hands_the_data_to_the_lessons(server, page):
    page.goto(f"{server.url}/data?dataset=wine&seed=2")
    wait_ready(page)
    assert "200 MB" in page.locator("[data-testid='stFileUploader']").inner_text()
    _upload(page, "audit_loans.csv")
    page.get_by_text("Target leak").first.wait_for()
    main = page.locator("[data-testid='stMain']")
    # The findings are drawn before the recommendation below them: wait for both.
    expect(main).to_contain_text("collection_calls")
    expect(main).to_contain_text("Split: by time")
    # Each leak names the check behind it; the honest score says which folds it used.
    expect(main).to_contain_text("Check that fired:")
    expect(main).to_contain_text("time-ordered")
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "data-audit-loans")
    page.get_by_role("button", name="Use this dataset in the lessons").click()
    page.wait_for_url(re.compile(r"dataset=upload-audit-loans-"))
    wait_ready(page)
    picker = page.get_by_role("combobox", name="Dataset")
    expect(picker).to_have_value("Your data: audit_loans.csv")
    page.get_by_text("is now the active dataset").wait_for()


def test_two_sessions_never_see_each_other_s_upload(server, browser):
    first = new_context(browser, viewport={"width": 1400, "height": 1000})
    second = new_context(browser, viewport={"width": 1400, "height": 1000})
    try:
        alice, bob = first.new_page(), second.new_page()
        for tab in (alice, bob):
            tab.goto(f"{server.url}/data")
            wait_ready(tab)
        _upload(alice, "audit_loans.csv")
        alice.get_by_text("Target leak").first.wait_for()
        alice.get_by_role("button", name="Use this dataset in the lessons").click()
        alice.wait_for_url(re.compile(r"dataset=upload-audit-loans-"))
        _upload(bob, "audit_plants.csv")
        bob.get_by_text("Split: random").wait_for()
        bob_text = bob.locator("[data-testid='stMain']").inner_text()
        assert "audit_plants.csv" in bob_text
        assert "audit_loans" not in bob_text and "collection_calls" not in bob_text
        bob.get_by_role("combobox", name="Dataset").click()
        options = bob.get_by_role("option").all_inner_texts()
        assert options and not any("audit_loans" in option for option in options)
        bob.keyboard.press("Escape")
        alice.reload()
        wait_ready(alice)
        assert "audit_plants" not in alice.locator("[data-testid='stApp']").inner_text()
        screenshot(bob, "data-audit-second-session")
    finally:
        first.close()
        second.close()
