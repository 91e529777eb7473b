"""Progress in a real browser: answering a check moves the sidebar and the home page's spine."""

from playwright.sync_api import expect

from lessons import checks
from tests.e2e.conftest import screenshot, wait_ready


def test_a_right_answer_counts_in_the_sidebar_and_on_the_home_page(server, page):
    page.goto(f"{server.url}/split?dataset=wine&seed=0")
    wait_ready(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    expect(sidebar).to_contain_text("0 of 7 lessons done")

    question = checks.load("split")[1]
    assert isinstance(question, checks.Question), "the second split question is a fixed one"
    choices = page.get_by_role("radiogroup", name="Your answer to question 2")
    choices.scroll_into_view_if_needed()
    choices.get_by_text(question.correct.text, exact=True).click()
    wait_ready(page)
    expect(page.get_by_text(f"Right. {question.explanation[:30]}")).to_be_visible()
    expect(sidebar).to_contain_text("1 of 27 checks right")

    sidebar.get_by_role("link", name="Home").click()
    wait_ready(page)
    page.get_by_text("Your progress, lesson by lesson").click()
    expect(page.get_by_text("Continue: 1. Frame the problem")).to_be_visible()
    screenshot(page, "progress-home")
