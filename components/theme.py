"""Page-wide styling: larger type and emphasised demo controls in instructor mode, and
thumb-sized choices on a phone."""

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

# Learners vote from phones: below a tablet's width every radio option and toggle gets a
# 44 px target (WCAG 2.5.5), so a thumb picks the answer it meant.
_PHONE_CSS = """
<style>
@media (max-width: 640px) {
  [data-testid="stRadio"] label[data-baseweb="radio"],
  [data-testid="stCheckbox"] label {
    min-height: 44px;
    align-items: center;
  }
}
</style>
"""


def apply(instructor: bool) -> None:
    """Inject the instructor-mode stylesheet when it is on, and the phone stylesheet."""
    st.html(_INSTRUCTOR_CSS if instructor else _PHONE_CSS)
