"""The page registry and the spine: which pages exist, in which section, at which URL.

``app.py`` builds ``st.navigation`` from ``PAGES``; the home page draws ``SPINE``. A page is
registered only when its file exists, so the app never shows a placeholder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PageSpec:
    """One page of the app: its file under ``pages/``, title, icon, URL path and section."""

    path: str
    title: str
    icon: str
    url_path: str
    section: str

    @property
    def exists(self) -> bool:
        return (ROOT / self.path).is_file()


LESSONS = "Lessons"
TOOLS = "Your data and tools"

PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/home.py", "Home", ":material/home:", "", "ML Spine"),
    PageSpec("pages/frame.py", "1. Frame the problem", ":material/help_center:", "frame", LESSONS),
    PageSpec("pages/split.py", "2. Split the data", ":material/call_split:", "split", LESSONS),
    PageSpec("pages/leakage.py", "3. Leakage lab", ":material/water_drop:", "leakage", LESSONS),
    PageSpec("pages/train.py", "4. Train live", ":material/model_training:", "train", LESSONS),
    PageSpec("pages/metrics.py", "5. Pick a metric", ":material/speed:", "metrics", LESSONS),
    PageSpec(
        "pages/experiments.py", "6. Experiment log", ":material/science:", "experiments", LESSONS
    ),
    PageSpec(
        "pages/monitor.py", "7. Deploy and monitor", ":material/monitor_heart:", "monitor", LESSONS
    ),
    PageSpec("pages/data.py", "Your data", ":material/upload_file:", "data", TOOLS),
    PageSpec(
        "pages/guided.py", "Guided: your CSV in 20 minutes", ":material/route:", "guided", TOOLS
    ),
    PageSpec("pages/plans.py", "Lesson plans", ":material/co_present:", "plans", TOOLS),
    PageSpec("pages/room.py", "Classroom room", ":material/groups:", "room", TOOLS),
)


def existing_pages() -> list[PageSpec]:
    """The registered pages whose file exists, in navigation order."""
    return [p for p in PAGES if p.exists]


def page_for(path: str) -> PageSpec | None:
    """The spec of an existing page by its file path, or None."""
    return next((p for p in existing_pages() if p.path == path), None)


@dataclass(frozen=True)
class SpineStep:
    """A step of the workflow and the page that teaches it."""

    key: str
    label: str
    question: str
    page: str


SPINE: tuple[SpineStep, ...] = (
    SpineStep("frame", "Frame", "Which decision changes?", "pages/frame.py"),
    SpineStep("data", "Data", "Can this table support a model?", "pages/data.py"),
    SpineStep("features", "Features", "Built from training rows only?", "pages/leakage.py"),
    SpineStep("split", "Split", "Train, validation, test: how?", "pages/split.py"),
    SpineStep("train", "Train", "fit on train, predict on the rest", "pages/train.py"),
    SpineStep("evaluate", "Evaluate", "Which metric matches the decision?", "pages/metrics.py"),
    SpineStep("deploy", "Deploy", "Ship an artifact, log the run", "pages/experiments.py"),
    SpineStep("monitor", "Monitor", "Drift, retrain, roll back", "pages/monitor.py"),
)

# The loops back: (from step, to step, why).
LOOPS: tuple[tuple[str, str, str], ...] = (
    ("evaluate", "data", "a data problem found at evaluation"),
    ("evaluate", "frame", "a wrong framing: start again"),
    ("monitor", "train", "drift: retrain"),
)
