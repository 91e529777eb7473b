"""The guided path's step views and the one call that renders the current step."""

from __future__ import annotations

import streamlit as st

from components.guided.state import STEPS
from components.guided.step_audit import audit_step
from components.guided.step_export import export_step
from components.guided.step_frame import frame_step
from components.guided.step_metric import metric_step
from components.guided.step_split import split_step
from components.guided.step_train import train_step
from components.text import escape_md
from lessons.content import sections

STEP_VIEWS = {
    "frame": frame_step,
    "audit": audit_step,
    "split": split_step,
    "train": train_step,
    "metric": metric_step,
    "export": export_step,
}


def render(step: str) -> None:
    """The current step's heading and body."""
    title = sections("guided")[f"title {step}"]
    st.subheader(f"Step {STEPS.index(step) + 1} of {len(STEPS)}: {title}")
    if error := st.session_state.pop("guided_error", None):
        st.error(escape_md(error), icon=":material/error:")
    STEP_VIEWS[step]()
