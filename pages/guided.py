"""Guided: your CSV in 20 minutes. Frame, audit, split, train, pick the metric, export."""

import streamlit as st

from components import guided, page
from lessons.content import sections

page.setup()

text = sections("guided")
st.title("Guided: your CSV in 20 minutes")
st.markdown(text["intro"])
# The stepper is drawn last, above the step, so it already shows this run's decisions.
where = st.container()
step = guided.current_step()
guided.render(step)
st.divider()
guided.navigation(step)
with where:
    guided.stepper()
