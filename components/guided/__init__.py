"""The guided path: six steps from a CSV to a leak-checked, honestly scored scaffold.

This component owns the ``guided_*`` session_state keys and the ``step`` URL parameter. Each
step reuses the lesson's own pieces (the upload and audit widgets, lesson 2's splits and
strips, lesson 4's models and fits, lesson 5's metric registry) and writes its decision
where the lessons read it (``components.course``): the framing per dataset, the split
choice, and every fit as a run of the experiment log.

Widget values are copied into ``guided_kept``: Streamlit forgets the state of widgets that
were not drawn, and only one step is drawn at a time.
"""

from components.guided.nav import current_step, navigation, stepper
from components.guided.shared import Working, working
from components.guided.state import (
    SOURCE_KEY,
    SOURCES,
    STEP_KEY,
    STEPS,
    URL_READ_KEY,
    Audited,
    Final,
    Pending,
)
from components.guided.step_audit import audit_step
from components.guided.step_export import export_step
from components.guided.step_frame import frame_step
from components.guided.step_metric import metric_step
from components.guided.step_split import split_reason, split_step
from components.guided.step_train import train_step
from components.guided.views import STEP_VIEWS, render

__all__ = [
    "SOURCES",
    "SOURCE_KEY",
    "STEPS",
    "STEP_KEY",
    "STEP_VIEWS",
    "URL_READ_KEY",
    "Audited",
    "Final",
    "Pending",
    "Working",
    "audit_step",
    "current_step",
    "export_step",
    "frame_step",
    "metric_step",
    "navigation",
    "render",
    "split_reason",
    "split_step",
    "stepper",
    "train_step",
    "working",
]
