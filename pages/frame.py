"""1. Frame the problem: five questions before any model, written down as a spec."""

import streamlit as st

from components import checks, framing, page, plans, sidebar
from lessons.content import sections

page.setup()
dataset = sidebar.active_dataset()
framing.read_url(dataset)

st.title("1. Frame the problem")
plans.panel("frame")
st.markdown(sections("frame")["intro"])

decision = framing.decision(dataset)
st.divider()
framing.paradigm_game()
st.divider()
answer = framing.target_and_task(dataset)
framing.mirror_target(dataset, answer)
result = framing.held_out(dataset, answer) if answer else None
st.divider()
if result is None:
    framing.unavailable(
        "Questions 4 and 5 and the spec need a usable target; fix question 3 first."
    )
else:
    framing.costs_intro(dataset, answer, result)
    framing.costs_baseline_and_spec(dataset, decision, answer, result)

st.divider()
checks.render("frame", dataset, sidebar.active_seed())
