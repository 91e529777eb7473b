"""Instructor lesson plans in the app: a panel on each lesson page and the Lesson plans page.

This component owns the ``plans_*`` session_state keys and the ``lesson`` query parameter of
the plans page (``/plans?lesson=leakage&instructor=1``). Plans hold the answers to every
Reveal, so both the panel and the page show them only in instructor mode.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from components import navigation, sidebar
from components.lesson import guarded
from lessons import plans
from lessons.content import sections

LESSON_KEY = "plans_lesson"
URL_READ_KEY = "plans_url_read"
ALL_DOCUMENT_KEY = "plans_all_document"
LESSON_PARAM = "lesson"
PANEL_KEY_PREFIX = "plans_panel_"


@st.cache_data(show_spinner=False, max_entries=len(plans.LESSON_KEYS))
def _plan(lesson: str) -> plans.LessonPlan:
    return plans.build(lesson)


def plan(lesson: str) -> plans.LessonPlan | None:
    """One lesson's plan, its numbers computed once per server and cached."""
    with st.spinner(f"Computing the numbers of the {plans.TITLES[lesson]} plan…"):
        return guarded(lambda: _plan(lesson), what="compute the plan's numbers")


def base_url() -> str:
    """Where the app is served, so links in a downloaded plan open the right pages.

    The current address minus the page's own path; empty when Streamlit cannot tell.
    """
    try:
        parts = urlsplit(st.context.url or "")
    except Exception:  # no browser behind this run (bare or test runs)
        return ""
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path.rstrip("/")
    known = {spec.url_path for spec in navigation.PAGES if spec.url_path}
    head, _, last = path.rpartition("/")
    if last in known:
        path = head
    return f"{parts.scheme}://{parts.netloc}{path}"


def _downloads(lesson_plan: plans.LessonPlan, key: str) -> None:
    row = st.container(horizontal=True)
    row.download_button(
        "Download (Markdown)",
        data=plans.absolute_links(lesson_plan.markdown, base_url()),
        file_name=plans.file_name(lesson_plan.lesson, "md"),
        mime="text/markdown",
        icon=":material/download:",
        key=f"{key}_md",
        on_click="ignore",
    )
    row.download_button(
        "Download (printable HTML)",
        data=plans.to_document(
            [lesson_plan], base_url=base_url(), title=f"Lesson plan: {lesson_plan.title}"
        ),
        file_name=plans.file_name(lesson_plan.lesson, "html"),
        mime="text/html",
        icon=":material/print:",
        key=f"{key}_html",
        on_click="ignore",
        type="primary",
    )


def _show(lesson_plan: plans.LessonPlan) -> None:
    minutes = plans.segment_minutes(lesson_plan.markdown)
    st.caption(
        f"{len(minutes)} segments, {sum(minutes)} minutes. Numbers computed from the lesson's "
        f"own code on built-in data, seed {plans.SEED}, in {lesson_plan.seconds:.1f} s "
        "(then cached)."
    )
    shown = plans.demote_headings(plans.body(lesson_plan.markdown))
    st.markdown(plans.absolute_links(shown, base_url()))


def panel(lesson: str) -> None:
    """The lesson plan at the top of a lesson page, in instructor mode only.

    The numbers are computed only once the instructor opens the panel.
    """
    if not sidebar.instructor_mode():
        return
    with st.expander(
        "Lesson plan",
        icon=":material/co_present:",
        key=f"{PANEL_KEY_PREFIX}{lesson}",
        on_change="rerun",
    ) as box:
        if not box.open:
            return
        lesson_plan = plan(lesson)
        if lesson_plan is None:
            return
        _downloads(lesson_plan, f"plans_panel_download_{lesson}")
        _show(lesson_plan)


# ---------------------------------------------------------------------------------------------
# The Lesson plans page
# ---------------------------------------------------------------------------------------------


def _read_url() -> None:
    """On the page's first run in a session, take the lesson from the link."""
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    wanted = st.query_params.get(LESSON_PARAM)
    if wanted in plans.LESSON_KEYS:
        st.session_state[LESSON_KEY] = wanted


def _sync_url(lesson: str) -> None:
    if st.query_params.get(LESSON_PARAM) != lesson:
        st.query_params[LESSON_PARAM] = lesson


def _prepare_all() -> None:
    """Compute every plan with visible progress and keep the combined document."""
    with st.status("Computing the numbers of all seven plans…", expanded=True) as status:
        bar = st.progress(0.0)
        built = []
        for done, lesson in enumerate(plans.LESSON_KEYS, start=1):
            st.write(f"{plans.TITLES[lesson]}…")
            lesson_plan = guarded(lambda key=lesson: _plan(key), what="compute the plan's numbers")
            if lesson_plan is None:
                status.update(label="A plan could not be computed.", state="error")
                return
            built.append(lesson_plan)
            bar.progress(done / len(plans.LESSON_KEYS))
        status.update(
            label=f"All seven plans ready ({sum(p.seconds for p in built):.1f} s of computing).",
            state="complete",
            expanded=False,
        )
    st.session_state[ALL_DOCUMENT_KEY] = plans.to_document(built, base_url=base_url())


def gallery() -> None:
    """Pick a lesson, read its plan, download it or all seven in one printable document."""
    prose = sections("plans/index")
    _read_url()
    if not sidebar.instructor_mode():
        st.info(prose["locked"], icon=":material/lock:")
        return
    st.session_state.setdefault(LESSON_KEY, plans.LESSON_KEYS[0])
    lesson = st.selectbox(
        "Lesson",
        plans.LESSON_KEYS,
        key=LESSON_KEY,
        format_func=plans.TITLES.get,
        help="Only this lesson's numbers are computed; the link keeps the choice.",
    )
    _sync_url(lesson)
    lesson_plan = plan(lesson)
    if lesson_plan is not None:
        _downloads(lesson_plan, "plans_download")
        with st.container(border=True):
            _show(lesson_plan)

    st.subheader("All seven plans")
    st.markdown(prose["all"])
    if st.button(
        "Prepare all seven plans",
        key="plans_prepare_all",
        icon=":material/playlist_play:",
        help="Computes the numbers of every lesson once; later downloads are instant.",
    ):
        _prepare_all()
    if document := st.session_state.get(ALL_DOCUMENT_KEY):
        st.download_button(
            "Download all seven (printable HTML)",
            data=document,
            file_name=plans.file_name(None, "html"),
            mime="text/html",
            icon=":material/print:",
            key="plans_download_all",
            on_click="ignore",
            type="primary",
        )
