"""4. Train live: fit on training rows, watch the scores, look inside, take the code away."""

import streamlit as st

from components import checks, page, plans, sidebar, train
from lessons.content import sections

page.setup()
text = sections("train")
st.title("4. Train live")
plans.panel("train")
st.markdown(text["intro"])
setup = train.setup()
if setup is not None:
    train.live(setup)

st.divider()
checks.render("train", sidebar.active_dataset(), sidebar.active_seed())
