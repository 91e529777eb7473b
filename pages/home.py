"""Home: the spine, who the app is for, three ways in, and the dataset gallery."""

import streamlit as st

from components import charts, data, navigation, page, progress, sidebar
from components.lesson import takeaway
from lessons.content import sections

page.setup()
text = sections("home")
st.title("ML Spine")
st.markdown(text["tagline"])

st.subheader("The spine: data → features → split → train → evaluate → deploy → monitor")
st.markdown(text["spine"])
available = {step.key for step in navigation.SPINE if navigation.page_for(step.page)}
by_lesson = progress.statuses()
step_lesson = {
    step.key: spec.url_path for step in navigation.SPINE if (spec := navigation.page_for(step.page))
}
st.plotly_chart(
    charts.spine_figure(
        [(s.key, s.label, s.question) for s in navigation.SPINE],
        navigation.LOOPS,
        available,
        progress={key: by_lesson[lesson].fraction for key, lesson in step_lesson.items()},
    ),
    config={"displayModeBar": False, "staticPlot": True},
    key="home_spine",
)
takeaway(
    "Frame first, then move left to right; evaluation and monitoring send you back, and looping is the job. "
    + progress.next_step_sentence(by_lesson)
)
columns = st.columns(len(navigation.SPINE))
for column, step in zip(columns, navigation.SPINE, strict=True):
    with column:
        spec = navigation.page_for(step.page)
        if spec:
            st.page_link(spec.path, label=step.label, icon=spec.icon, width="stretch")
        else:
            st.caption(f"{step.label}: lesson in progress")

with st.expander("Your progress, lesson by lesson", icon=":material/checklist:"):
    st.markdown(text["progress"])
    progress.table(by_lesson)

st.divider()
st.markdown(text["who"])
learner, instructor, own = st.columns(3)
for column, key, target in (
    (learner, "learner", "pages/frame.py"),
    (instructor, "instructor", "pages/plans.py"),
    (own, "own_data", "pages/guided.py"),
):
    with column, st.container(border=True, height="stretch"):
        st.markdown(text[key])
        if spec := navigation.page_for(target):
            st.page_link(spec.path, label=f"Open {spec.title}", icon=spec.icon)

st.divider()
st.subheader("Built-in datasets")
st.markdown(text["gallery"])
table = data.gallery(sidebar.active_seed())
active = sidebar.active_name()
st.dataframe(
    table.style.apply(
        lambda row: (
            ["background-color: rgba(0,114,178,0.15)" if row["dataset"] == active else ""]
            * len(row)
        ),
        axis=1,
    ),
    hide_index=True,
    column_config={
        "dataset": st.column_config.TextColumn("Name (URL)", width="small"),
        "rows": st.column_config.NumberColumn("Rows", format="localized"),
        "teaches": st.column_config.TextColumn("What it teaches", width="large"),
    },
    key="home_gallery",
)
takeaway(f"The highlighted row is the active dataset, `{active}`; every lesson uses it.")
