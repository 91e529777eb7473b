"""7. Deploy and monitor: ship an artifact, watch it drift, retrain, roll back."""

import streamlit as st

from components import checks, monitor, page, plans
from lessons.content import sections

page.setup()
text = monitor.prose(sections("monitor"))
dataset, seed = monitor.active()

st.title("7. Deploy and monitor")
plans.panel("monitor")
st.markdown(text["intro"])
settings = monitor.controls(dataset)
simulation = monitor.simulation_for(dataset, seed, settings)
if simulation is not None:
    st.subheader("Ship: the artifact")
    st.markdown(text["ship"])
    monitor.artifact_card(simulation, monitor.shipped_recipe(dataset, seed)[3])

    st.subheader("Production, month by month")
    monitor.production(simulation, text["production"], text["drift"])
    with st.expander("Why not alert on p-values?", icon=":material/functions:"):
        monitor.p_values(seed, text["pvalues"])

    st.subheader("Retraining policies")
    monitor.policies(simulation, text["policies"])

    st.subheader("A corrupted month: the gate and the quarantine")
    monitor.rollback(simulation, text["rollback"])

    st.subheader("Rebuilding changes behaviour")
    monitor.flips(simulation, text["flips"])

st.divider()
checks.render("monitor", dataset, seed, simulation=simulation)
