"""4. Train live: fit on training rows, watch the scores, look inside, take the code away."""

import streamlit as st

from components import page, train
from lessons.content import sections

page.setup()
text = sections("train")
st.title("4. Train live")
st.markdown(text["intro"])
setup = train.setup()
if setup is not None:
    train.live(setup)
