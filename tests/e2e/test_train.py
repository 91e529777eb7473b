"""Lesson 4 in a real browser: change the model and a knob, then download and run the script."""

import os
import re
import subprocess
import sys

from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, screenshot, wait_ready


def _metric(page, label: str) -> str:
    card = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text().strip()


def test_change_model_and_knob_then_download_a_script_that_reproduces_the_score(
    server, page, tmp_path
):
    page.goto(f"{server.url}/train?dataset=house_prices&seed=0")
    wait_ready(page)
    expect(page.get_by_role("heading", name="4. Train live")).to_have_count(1)

    page.get_by_role("combobox", name="Model").click()
    page.get_by_role("option", name="Decision tree").click()
    page.wait_for_url(re.compile(r"model=decision_tree"))
    wait_ready(page)
    deep_validation = _metric(page, "Validation R²")

    knob = page.get_by_role("slider", name="Max depth")
    knob.focus()
    knob.press("Home")  # the shallowest tree: one split
    wait_ready(page)
    page.wait_for_function(
        "(before) => [...document.querySelectorAll('[data-testid=\"stMetric\"]')]"
        ".some(m => m.innerText.includes('Validation') && !m.innerText.includes(before))",
        arg=deep_validation,
    )
    shallow_validation = _metric(page, "Validation R²")
    assert shallow_validation != deep_validation
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "train-house-prices-decision-tree")

    # The script shows only when asked for, by keyboard as well as by mouse.
    code = page.locator("[data-testid='stCode']")
    expect(code).to_have_count(0)
    show = page.get_by_role("switch", name="Show the code")
    show.focus()
    show.press("Space")
    wait_ready(page)
    expect(code).to_contain_text("DecisionTreeRegressor(max_depth=1")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the script (.py)").click()
    download = download_info.value
    assert download.suggested_filename == "ml_spine_house_prices_decision_tree.py"
    script = tmp_path / download.suggested_filename
    download.save_as(script)
    text = script.read_text(encoding="utf-8")
    assert "DecisionTreeRegressor(max_depth=1" in text

    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    printed = re.search(r"validation_r2 = (\S+)", done.stdout)
    assert printed, done.stdout
    assert f"{float(printed.group(1)):.3f}" == shallow_validation
