"""User text never becomes live HTML: a hostile CSV through upload, audit and the lessons."""

from __future__ import annotations

import re

from tests.e2e.conftest import screenshot, wait_ready
from tests.fixtures.hostile import hostile_csv


def _assert_nothing_live(page) -> None:
    assert page.evaluate("() => window.__pwned === undefined"), "user text ran as script"
    live = page.evaluate(
        """() => ({
        scripts: [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).length,
        handlers: [...document.querySelectorAll('[onerror], [onmouseover]')].length,
        links: [...document.querySelectorAll('a[href*="example.invalid"]')].length,
        bold: [...document.querySelectorAll('[data-testid="stMain"] b')].filter(b => b.textContent === 'x').length,
    })"""
    )
    assert live == {"scripts": 0, "handlers": 0, "links": 0, "bold": 0}, live


def test_hostile_names_and_cells_render_as_text(server, page, tmp_path):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server.url}/data")
    wait_ready(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        str(hostile_csv(tmp_path))
    )
    wait_ready(page)
    page.get_by_role("button", name="Use this dataset in the lessons").wait_for()
    main = page.locator("[data-testid='stMain']").inner_text()
    assert "<img src=x onerror" in main or "onerror" in main, "the name is shown, as text"
    _assert_nothing_live(page)
    screenshot(page, "safety-data")
    page.get_by_role("button", name="Use this dataset in the lessons").click()
    page.wait_for_url(re.compile(r"dataset=upload-"))
    wait_ready(page)
    for title in ("2. Split the data", "4. Train live"):
        page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
        wait_ready(page)
        _assert_nothing_live(page)
        assert page.locator("[data-testid='stException']").count() == 0
    assert dialogs == []
