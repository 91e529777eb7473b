"""The floor of the stack: one slider and one Plotly bar chart, nothing of ML Spine.

``make bench`` serves it next to the app and moves its slider with the same harness, so every
page's control-to-settled time can be read as a multiple of what Streamlit itself needs.
"""

import plotly.graph_objects as go
import streamlit as st

height = st.slider("Height", 1, 20, 5, key="floor_height")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[height, 10, 20 - height])))
