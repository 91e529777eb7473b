"""Page-wide styling: larger type and emphasised demo controls in instructor mode."""

from __future__ import annotations

import streamlit as st

_INSTRUCTOR_CSS = """
<style>
[data-testid="stMainBlockContainer"] p,
[data-testid="stMainBlockContainer"] li,
[data-testid="stMainBlockContainer"] label,
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] {
  font-size: 1.3rem !important;
  line-height: 1.5;
}
[data-testid="stMainBlockContainer"] h1 { font-size: 3rem !important; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.3rem !important; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.9rem !important; }
[data-testid="stMetricValue"] { font-size: 3.2rem !important; }
</style>
"""


def apply(instructor: bool) -> None:
    """Inject the instructor-mode stylesheet when it is on; nothing otherwise."""
    if instructor:
        st.html(_INSTRUCTOR_CSS)
