"""The experiment log in Chromium: train, open the log, compare two runs, export Markdown;
two browser contexts at once never see each other's runs."""

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from components import navigation
from tests.e2e.conftest import Server, new_context, screenshot, wait_ready


@pytest.fixture(scope="module")
def log_server(tmp_path_factory):
    server = Server(env={"ML_SPINE_DB": str(tmp_path_factory.mktemp("log") / "runs.sqlite")})
    yield server
    server.stop()


def _set_depth(page, depth: str) -> None:
    """Move the max_depth slider with the keyboard until it shows ``depth``.

    Between two reruns of a page switch, the old slider can still be on the page beside the
    new one, and key presses sent then land on the one being replaced. So: wait for a single
    slider, press, and check what the slider shows; press again if the rerun ate the keys.
    """
    sliders = page.get_by_role("slider", name="max_depth")
    thumb = (
        page.locator("[data-testid='stSlider']")
        .filter(has_text="max_depth")
        .locator("[data-testid='stSliderThumbValue']")
    )
    for attempt in range(3):
        expect(sliders).to_have_count(1)
        wait_ready(page)
        try:
            sliders.focus()
            for _ in range(4):
                sliders.press("ArrowLeft")
            for _ in range({"2": 0, "4": 1, "8": 2, "16": 3}[depth]):
                sliders.press("ArrowRight")
            # Train only once the slider shows the depth, or the click logs the old value.
            expect(thumb).to_have_text(depth, timeout=30_000)
            break
        except (AssertionError, PlaywrightError):  # a second slider appeared mid-rerun
            if attempt == 2:
                raise
    wait_ready(page)


def _train_here(page, depth: str | None = None) -> None:
    if depth is not None:
        _set_depth(page, depth)
    page.get_by_role("button", name="Train and log this run").click()
    # The message of the previous run may still be on the page: wait for this run's own.
    logged = f"Run logged: random_forest (max_depth={depth})" if depth else "Run logged"
    page.get_by_text(logged).first.wait_for()
    wait_ready(page)


@pytest.mark.slow
def test_train_compare_and_export(log_server, page):
    if navigation.page_for("pages/train.py"):
        page.goto(f"{log_server.url}/train?dataset=breast_cancer&seed=0")
        # The page logs its fit when its script finishes: wait for the fit's score, then for
        # the script to end (a cold page may read as idle before its script has started).
        metric = page.locator("[data-testid='stMetric']").filter(has_text="Validation")
        expect(metric.first).to_be_visible()
        wait_ready(page)
        page.get_by_role("link", name=re.compile("Experiment log")).click()
    else:
        page.goto(f"{log_server.url}/experiments?dataset=breast_cancer&seed=0")
    wait_ready(page)
    _train_here(page, "2")
    _train_here(page, "8")
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text("Compare two runs")
    expect(main).to_contain_text("parameter max_depth")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the lab notebook (Markdown)").click()
    notebook = download.value.path().read_text(encoding="utf-8")
    assert notebook.startswith("# ML Spine lab notebook")
    assert re.search(r"Changed since run \d+: parameter max_depth 2 → 8\n", notebook)
    if navigation.page_for("pages/train.py"):
        assert "page `train`" in notebook
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "experiments-compare")


@pytest.mark.slow
def test_two_browser_contexts_do_not_see_each_other(log_server, browser):
    first = new_context(browser, viewport={"width": 1400, "height": 1000})
    second = new_context(browser, viewport={"width": 1400, "height": 1000})
    try:
        a, b = first.new_page(), second.new_page()
        a.goto(f"{log_server.url}/experiments?dataset=wine&seed=0")
        b.goto(f"{log_server.url}/experiments?dataset=wine&seed=0")
        wait_ready(a)
        wait_ready(b)
        _train_here(a)
        _train_here(a)
        _train_here(b)
        # Both sessions wrote to the same database at the same time; each sees only its own.
        expect(a.locator("[data-testid='stMain']")).to_contain_text("The log: 2 runs")
        expect(b.locator("[data-testid='stMain']")).to_contain_text("The log: 1 run")
    finally:
        first.close()
        second.close()
