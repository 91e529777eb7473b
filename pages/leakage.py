"""3. Leakage lab: switch each leak on and watch the reported score lie."""

import streamlit as st

from components import checks, leakage, page, plans, sidebar
from lessons.content import sections

page.setup()
text = sections("leakage")
st.title("3. Leakage lab")
plans.panel("leakage")
st.markdown(text["intro"])
st.caption(text["numbers"])

scenario = leakage.scenario_picker()
leakage.lab(scenario)
leakage.why(scenario)

st.divider()
leakage.scoreboard()
st.caption(text["names"])

st.divider()
checks.render("leakage", sidebar.active_dataset(), sidebar.active_seed())
