"""The classroom room: the instructor opens it on the projector, learners join from phones."""

import streamlit as st

from components import page, room, sidebar

page.setup()
st.title("Classroom room")
if sidebar.instructor_mode():
    room.host_panel()
else:
    room.learner_panel()
