"""Lesson plans: a plan per lesson for instructors, to read live, download or print."""

import streamlit as st

from components import page, plans
from lessons.content import sections

page.setup()
st.title("Lesson plans")
st.markdown(sections("plans/index")["intro"])
plans.gallery()
