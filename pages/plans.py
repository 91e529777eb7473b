"""Lesson plans: a plan per lesson for instructors, to read live, download or print."""

import streamlit as st

from components import page, plans

page.setup()
st.title("Lesson plans")
st.markdown(plans.text()["intro"])
plans.gallery()
