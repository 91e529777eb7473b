"""axe-core on every page: no serious or critical WCAG 2.1 A/AA violations."""

import os

import pytest

from components import navigation
from tests.e2e.conftest import ROOT, new_context, wait_ready

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Streamlit's own sidebar navigation puts section headers (div) directly inside its <ul>;
# that markup is upstream's, so the two list rules skip that one element and nothing else.
RUN_AXE = """async () => {
  const tags = {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']};
  const nav = '[data-testid="stSidebarNav"]';
  const everywhere = await axe.run(document, {
    runOnly: tags, rules: {list: {enabled: false}, listitem: {enabled: false}},
  });
  const outsideNav = await axe.run({exclude: [[nav]]}, {
    runOnly: {type: 'rule', values: ['list', 'listitem']},
  });
  return everywhere.violations.concat(outsideNav.violations)
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing under CI (`make test` installs it with npm ci)")
        pytest.skip("axe-core is not installed (run `npm ci`)")
    return AXE


@pytest.mark.parametrize(
    "spec", navigation.existing_pages(), ids=lambda spec: spec.url_path or "home"
)
def test_no_serious_violations(server, browser, axe_source, spec):
    context = new_context(browser, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{server.url}/{spec.url_path}?dataset=churn")
    wait_ready(page)
    page.add_script_tag(path=str(axe_source))
    violations = page.evaluate(RUN_AXE)
    context.close()
    assert violations == [], "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"]) for v in violations
    )


def test_a_dark_system_scheme_keeps_the_accessible_light_theme(server, browser):
    """The app pins its light theme (see .streamlit/config.toml for why)."""
    context = new_context(browser, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{server.url}/?dataset=churn")
    wait_ready(page)
    background = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stApp\"]')).backgroundColor"
    )
    context.close()
    red, green, blue = (
        int(part) for part in background[background.index("(") + 1 : -1].split(",")[:3]
    )
    assert min(red, green, blue) > 230, background


def test_a_lesson_works_from_the_keyboard_alone(server, page):
    """Tab from the top of /split to the k slider, move it with the arrow keys, and the folds
    and the URL follow: no mouse involved."""
    page.goto(f"{server.url}/split?dataset=diabetes&strategy=kfold&k=4")
    wait_ready(page)
    # The slider is drawn by the lesson's fragment after the first run: wait for it, not the clock.
    page.locator("input[type='range'][aria-label='k (number of folds)']").wait_for()
    page.locator("body").focus()
    for _ in range(150):
        page.keyboard.press("Tab")
        label = page.evaluate(
            "() => document.activeElement && document.activeElement.getAttribute('aria-label')"
        )
        if label == "k (number of folds)":
            break
    else:
        raise AssertionError("the k slider cannot be reached with Tab")
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**k=5**")
    wait_ready(page)
    assert page.locator("[data-testid='stException']").count() == 0
