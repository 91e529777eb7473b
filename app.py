"""ML Spine: the router. Page config, the shared sidebar, and st.navigation over pages/."""

import streamlit as st

from components import navigation, page, progress, room, run_log, sidebar, theme

st.set_page_config(
    page_title="ML Spine",
    page_icon=":material/timeline:",
    layout="wide",
    # "auto": open on a laptop or a projector, closed on a phone, where it would cover the lesson.
    initial_sidebar_state="auto",
)

sections: dict[str, list[st.Page]] = {}
for spec in navigation.existing_pages():
    sections.setdefault(spec.section, []).append(
        st.Page(
            spec.path,
            title=spec.title,
            icon=spec.icon,
            url_path=spec.url_path or None,
            default=spec.url_path == "",
        )
    )

current = st.navigation(sections)
with run_log.script_run(current.url_path):
    progress.visit(current.url_path)
    sidebar.render()
    room.note_page(current.url_path)
    room.sidebar_status({p.url_path: p for pages in sections.values() for p in pages})
    # Filled after the page has run, so an answer or a trained model shows in the same rerun.
    progress_slot = st.sidebar.container()
    theme.apply(sidebar.instructor_mode())
    page.run_framed(current)
    with progress_slot:
        progress.sidebar_summary()
    room.publish()
