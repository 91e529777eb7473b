"""The guided path in a real browser, as a newcomer walks it on a real CSV: upload, six
steps, one download; the downloaded script prints the score the app showed.

The test counts the newcomer's actions (clicks and keystrokes) and sums the app time of
each one: from the action until the page shows its result and Streamlit's script state is
``notRunning`` again. It prints both totals.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile

from playwright.sync_api import expect

from lessons import datasets
from tests.e2e.conftest import ARTIFACTS, ROOT, screenshot, wait_ready

DECISION = "Send likely malignant biopsies to a second reader first."


class Walk:
    """The newcomer's actions on one page, counted and timed."""

    def __init__(self, page) -> None:
        self.page = page
        self.clicks = 0
        self.keystrokes = 0
        self.app_seconds = 0.0

    def act(
        self, action, shows: str, *, clicks: int = 1, keystrokes: int = 0, gone: bool = False
    ) -> None:
        """Do ``action``, then wait until ``shows`` is on the page (or gone from it, when
        ``gone``) and the script is idle. What the test reads next is waited for with
        ``expect``: the script may still be drawing below ``shows``."""
        started = time.perf_counter()
        action()
        state = "hidden" if gone else "visible"
        self.page.get_by_text(shows).first.wait_for(state=state)
        wait_ready(self.page)
        self.app_seconds += time.perf_counter() - started
        self.clicks += clicks
        self.keystrokes += keystrokes

    def main(self):
        return self.page.locator("[data-testid='stMain']")


def _shot(page, name: str) -> None:
    """A screenshot with the stepper in view: the app scrolls inside its main container."""
    page.locator("[data-testid='stMain']").evaluate("main => main.scrollTo(0, 0)")
    page.mouse.wheel(0, -10_000)
    screenshot(page, name)


def _button(page, name: str):
    return page.get_by_role("button", name=name, exact=False).first


def test_a_newcomer_walks_an_uploaded_csv_to_a_scaffold_that_reproduces_the_score(
    server, page, tmp_path
):
    csv = tmp_path / "biopsies.csv"
    datasets.load("breast_cancer").frame.to_csv(csv, index=False)
    page.goto(f"{server.url}/guided?dataset=wine&step=frame")
    wait_ready(page)
    walk = Walk(page)
    expect(walk.main()).to_contain_text("Step 1 of 6")

    # Step 1: the data, the target (guessed: the last column) and the decision.
    walk.act(lambda: page.get_by_role("radio", name="My own CSV").click(), "Upload a CSV")
    uploader = page.locator("[data-testid='stFileUploader'] input[type='file']")
    walk.act(lambda: uploader.set_input_files(str(csv)), "reads as")
    expect(page.get_by_role("combobox", name="Target").first).to_have_value(re.compile("malignant"))
    box = page.get_by_role("textbox", name="Which decision does the prediction change?")

    def type_decision():
        box.click()
        page.keyboard.type(DECISION)
        page.keyboard.press("Control+Enter")

    walk.act(type_decision, "No decision yet", keystrokes=len(DECISION) + 1, gone=True)
    _shot(page, "guided-1-frame")

    # Step 2: the audit and the leak check, confirmed.
    walk.act(lambda: _button(page, "Next: Audit").click(), "Leak check")
    # The leak check's numbers are drawn after its heading: wait for them.
    expect(walk.main()).to_contain_text("Honest")
    _shot(page, "guided-2-audit")
    walk.act(lambda: _button(page, "Confirm and continue").click(), "Step 3 of 6")
    expect(page.get_by_role("combobox", name="Dataset")).to_have_value(re.compile("biopsies.csv"))

    # Steps 3 to 5 with the suggested choices.
    walk.act(lambda: None, "Where every row goes", clicks=0)
    _shot(page, "guided-3-split")
    walk.act(lambda: _button(page, "Next: Train").click(), "Validation")
    _shot(page, "guided-4-train")
    walk.act(lambda: _button(page, "Next: Metric").click(), "Suggested:")
    _shot(page, "guided-5-metric")
    walk.act(lambda: _button(page, "Next: Export").click(), "Download the scaffold")
    assert "step=export" in page.url
    code = page.locator("[data-testid='stCode']").first
    expect(code).to_contain_text(re.compile(r"^\s*validation_"))
    shown = code.inner_text().strip()
    _shot(page, "guided-6-export")

    # The one download.
    started = time.perf_counter()
    with page.expect_download() as download_info:
        _button(page, "Download the scaffold").click()
    archive = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(archive)
    page.get_by_text("downloaded").first.wait_for()
    wait_ready(page)
    walk.app_seconds += time.perf_counter() - started
    walk.clicks += 1
    expect(walk.main()).to_contain_text("6. Export ✓")
    assert page.locator("[data-testid='stException']").count() == 0

    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path / "unzipped")
        names = opened.namelist()
    folder = tmp_path / "unzipped" / names[0].split("/", 1)[0]
    assert (folder / "biopsies.csv").read_bytes() == csv.read_bytes()
    assert DECISION in (folder / "framing_spec.md").read_text()
    script = next(folder.glob("*.py"))
    completed = subprocess.run(
        [sys.executable, script.name],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert shown in completed.stdout.splitlines()
    # The stepper jumps back to any step, and the URL follows.
    page.get_by_role("radio", name="2. Audit").click()
    page.get_by_text("Step 2 of 6").first.wait_for()
    wait_ready(page)
    assert "step=audit" in page.url
    summary = (
        f"Guided path on biopsies.csv ({csv.stat().st_size:,} bytes, 569 rows): "
        f"{walk.clicks} clicks, {walk.keystrokes} keystrokes, "
        f"{walk.app_seconds:.1f} s of app time; printed score: {shown}"
    )
    (ARTIFACTS / "guided-newcomer.txt").write_text(summary + "\n")
    print("\n" + summary)
