"""Page-wide styling: larger type and emphasised demo controls in instructor mode."""

from __future__ import annotations

import streamlit as st

_INSTRUCTOR_CSS = """
<style>
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] li {
  font-size: 1.3rem !important;
  line-height: 1.5;
}
[data-testid="stMainBlockContainer"] [data-testid="stCaptionContainer"] p,
[data-testid="stMainBlockContainer"] [data-testid="stWidgetLabel"] [data-testid="stMarkdownContainer"] p {
  font-size: 1.15rem !important;
}
[data-testid="stMainBlockContainer"] h1 { font-size: 3rem !important; }
[data-testid="stMainBlockContainer"] h2 { font-size: 2.3rem !important; }
[data-testid="stMainBlockContainer"] h3 { font-size: 1.9rem !important; }
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"],
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {
  font-size: 3rem !important;
  line-height: 1.15;
}
[data-testid="stMainBlockContainer"] [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMainBlockContainer"] [data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p {
  font-size: 1.1rem !important;
}
[data-testid="stMetricLabel"] *,
[data-testid="stMetricDelta"] * {
  white-space: normal !important;
  overflow: visible !important;
  text-overflow: clip !important;
}
</style>
"""


def apply(instructor: bool) -> None:
    """Inject the instructor-mode stylesheet when it is on; nothing otherwise."""
    if instructor:
        st.html(_INSTRUCTOR_CSS)
