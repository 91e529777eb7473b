"""2. Split the data: the buckets, the guarantees, and what each split does to the score."""

import streamlit as st

from components import checks, page, plans, sidebar, split
from lessons.content import sections

page.setup()
dataset = sidebar.active_dataset()
seed = sidebar.active_seed()
text = sections("split")

st.title("2. Split the data")
plans.panel("split")
st.markdown(text[""])

st.subheader("Pick a split, see where every row goes")
st.markdown(text["buckets"])
split.explorer(dataset, seed)
with st.expander(
    "Why a time split leaves a gap before each cut", expanded=bool(dataset.label_horizon)
):
    st.markdown(text["gap"])

st.divider()
st.subheader("Rare classes: why stratify")
st.markdown(text["rare"])
split.rare_classes(dataset, seed)

st.divider()
st.subheader("One validation set is noisy: why k-fold")
st.markdown(text["noise"])
split.validation_noise(dataset, seed)

st.divider()
st.subheader("Shuffling time-ordered data lies")
st.markdown(text["time"])
split.shuffled_time(dataset, seed)

st.divider()
checks.render("split", dataset, seed)
