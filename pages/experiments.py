"""6. Experiment log: every run in one table; change one thing, rerun, compare, learn."""

import streamlit as st

from components import checks, experiments, page, plans
from lessons.content import sections

page.setup()
text = sections("experiments")
dataset, seed = experiments.active()

st.title("6. Experiment log")
plans.panel("experiments")
st.markdown(text["intro"])
experiments.workspace_panel(text["workspace"])

st.subheader("Run an experiment")
experiments.quick_experiment(dataset, seed, text["quick"])

experiments.log_view(text)

with st.expander("Also log to MLflow", icon=":material/hub:"):
    st.markdown(text["mlflow"])

st.divider()
checks.render("experiments", dataset, seed)
