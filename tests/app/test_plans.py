"""The Lesson plans page, the panel on a lesson page, and the plans' deep links in the app."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components import metrics as metrics_page
from lessons import plans
from tests.app.conftest import open_app

PAGE = "pages/plans.py"


def _downloads(at: AppTest) -> list[str]:
    return [button.label for button in at.get("download_button")]


def _text(at: AppTest) -> str:
    return "\n".join(block.value for block in at.markdown)


@pytest.mark.parametrize("lesson", plans.LESSON_KEYS)
def test_the_page_renders_each_lesson_from_its_link(lesson):
    at = open_app(PAGE, timeout=120, instructor="1", lesson=lesson)
    assert not at.exception
    assert at.selectbox(key="plans_lesson").value == lesson
    shown = _text(at)
    assert plans.body(plans.template(lesson)).splitlines()[0] in shown
    assert "## What the numbers should look like" in shown
    assert "{" not in shown, "a placeholder reached the page"
    assert _downloads(at) == ["Download (Markdown)", "Download (printable HTML)"]
    assert at.query_params["lesson"] == lesson


def test_picking_a_lesson_changes_the_plan_and_the_link():
    at = open_app(PAGE, timeout=120, instructor="1")
    assert at.selectbox(key="plans_lesson").value == plans.LESSON_KEYS[0]
    at.selectbox(key="plans_lesson").set_value("leakage").run()
    assert not at.exception
    assert at.query_params["lesson"] == "leakage"
    assert "Switch the leak on" in _text(at)


def test_without_instructor_mode_the_page_keeps_the_answers_locked():
    at = open_app(PAGE, lesson="leakage")
    assert not at.exception
    assert any("Instructor mode" in info.value for info in at.info)
    assert not _downloads(at)
    assert "What the numbers should look like" not in _text(at)


def test_prepare_all_offers_one_printable_document():
    at = open_app(PAGE, timeout=180, instructor="1")
    assert "Download all seven (printable HTML)" not in _downloads(at)
    at.button(key="plans_prepare_all").click().run(timeout=180)
    assert not at.exception
    assert at.get("status")[0].proto.state == at.get("status")[0].proto.State.Value("COMPLETE")
    assert "Download all seven (printable HTML)" in _downloads(at)
    document = at.session_state["plans_all_document"]
    assert document.count('<section class="plan"') == len(plans.LESSON_KEYS)


def _panel(lesson: str) -> None:
    from components import plans as plans_component

    plans_component.panel(lesson)


@pytest.mark.parametrize("instructor", [True, False])
def test_the_panel_shows_only_in_instructor_mode_and_computes_when_opened(instructor):
    at = AppTest.from_function(_panel, args=("train",), default_timeout=60)
    at.session_state["sidebar_instructor"] = instructor
    at.run()
    assert not at.exception
    if not instructor:
        assert not at.main.children, "outside instructor mode the panel draws nothing"
        return
    assert [e.label for e in at.expander] == ["Lesson plan"]
    assert not at.markdown, "nothing is computed while the panel is closed"
    at.session_state["plans_panel_train"] = True
    at.run()
    assert not at.exception
    assert _downloads(at) == ["Download (Markdown)", "Download (printable HTML)"]
    assert "### 2. Let the tree grow" in _text(at)


# --------------------------------------------------------------------------------------------
# Every deep link of every plan, read by the page's own URL reader, sets what the plan says
# --------------------------------------------------------------------------------------------


def _read_link(url_path: str) -> None:
    from components import framing, leakage, metrics, monitor, sidebar, split, train

    sidebar.render()
    dataset = sidebar.active_dataset()
    readers = {
        "frame": lambda: framing.read_url(dataset),
        "split": lambda: split._read_url(dataset),
        "leakage": leakage._init_from_url,
        "train": lambda: train._read_url(dataset),
        "metrics": metrics.read_url,
        "experiments": lambda: None,
        "monitor": lambda: monitor.controls(dataset),
    }
    readers[url_path]()


def _expected_state(name: str, value: str) -> tuple[str, object] | None:
    """Where a page keeps a query parameter once read, and the value it should hold."""
    if name in metrics_page.URL_CHOICES:
        return metrics_page.URL_CHOICES[name][0], float(value)
    if name in metrics_page.URL_NUMBERS:
        key, _, _, kind = metrics_page.URL_NUMBERS[name]
        return key, kind(value)
    same, flag = str, lambda v: v in ("1", "on")
    where = {
        "dataset": ("sidebar_dataset", same),
        "seed": ("sidebar_seed", int),
        "instructor": ("sidebar_instructor", flag),
        "strategy": ("split_strategy", same),
        "scenario": ("leakage_scenario", same),
        "leak": ("leakage_leak", flag),
        "model": ("train_model", same),
        "view": ("train_view", same),
        "monitor_scenario": ("monitor_scenario", same),
        "monitor_corrupt": ("monitor_corrupt", same),
        "monitor_intensity": ("monitor_intensity", float),
        "monitor_delay": ("monitor_delay", int),
    }
    if name not in where:
        return None
    key, convert = where[name]
    return key, convert(value)


LINKS = sorted(
    {
        link.url: link
        for lesson in plans.LESSON_KEYS
        for link in plans.deep_links(plans.template(lesson))
    }.values(),
    key=lambda link: link.url,
)


@pytest.mark.parametrize("link", LINKS, ids=[link.url for link in LINKS])
def test_every_plan_link_reproduces_its_view(link):
    at = AppTest.from_function(_read_link, args=(link.path,), default_timeout=60)
    for name, value in link.params:
        at.query_params[name] = value
    at.run()
    assert not at.exception
    checked = 0
    for name, value in link.params:
        if name.startswith("cost_"):
            kept = at.session_state["framing_kept"]
            assert kept[f"framing_{name}"] == int(value)
            checked += 1
            continue
        expected = _expected_state(name, value)
        assert expected is not None, f"the test does not know where {name!r} lands"
        key, wanted = expected
        assert at.session_state[key] == wanted, f"{link.url}: {key} is {at.session_state[key]!r}"
        checked += 1
    assert checked == len(link.params)
