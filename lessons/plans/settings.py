"""The lessons the plans cover, the settings the pages start from (the plans quote numbers at
these settings), and how the numbers are formatted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEED = 0
"""Every plan's numbers are computed with this seed; every deep link in a plan sets it."""


@dataclass(frozen=True)
class LessonInfo:
    """A lesson a plan is written for: its key, its title and its page's URL path."""

    key: str
    title: str
    url_path: str


LESSONS: tuple[LessonInfo, ...] = (
    LessonInfo("frame", "1. Frame the problem", "frame"),
    LessonInfo("split", "2. Split the data", "split"),
    LessonInfo("leakage", "3. Leakage lab", "leakage"),
    LessonInfo("train", "4. Train live", "train"),
    LessonInfo("metrics", "5. Pick a metric", "metrics"),
    LessonInfo("experiments", "6. Experiment log", "experiments"),
    LessonInfo("monitor", "7. Deploy and monitor", "monitor"),
)
LESSON_KEYS: tuple[str, ...] = tuple(lesson.key for lesson in LESSONS)
TITLES: dict[str, str] = {lesson.key: lesson.title for lesson in LESSONS}

REQUIRED_SECTIONS: tuple[str, ...] = (
    "At a glance",
    "Run of show",
    "What the numbers should look like",
    "Common questions",
)
"""The ``## `` sections every plan has, in this order."""

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_SEGMENT = re.compile(r"^### .+\((\d+) min\)$", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


# ---------------------------------------------------------------------------------------------
# Settings the pages start from. The plans quote numbers at these settings, and the unit tests
# check each one against the constant or the default of the page's component.
# ---------------------------------------------------------------------------------------------

FRAME_DATASET = "fraud"
FRAME_COSTS = (1.0, 20.0)
"""Cost of a false positive and of a false negative in the plan's second link."""

SPLIT_RARE_DATASET, SPLIT_RARE_ROWS, SPLIT_RARE_REPEATS = "fraud", 2_000, 500
SPLIT_NOISE_DATASET, SPLIT_NOISE_REPEATS, SPLIT_NOISE_K = "diabetes", 30, 5
SPLIT_NOISE_ROWS_WANTED = 1_000
"""The noise section's row slider starts at the option nearest this (all rows when fewer)."""
SPLIT_TIME_DATASET = "churn"

LEAKAGE_SCENARIOS = ("post_outcome", "preprocessing_scaler", "feature_selection")

TRAIN_DATASET, TRAIN_MODEL, TRAIN_METRIC = "house_prices", "decision_tree", "r2"
TRAIN_SETTINGS: dict[str, dict[str, object]] = {
    "shallow": {"max_depth": 2, "min_samples_leaf": 5},
    "default": {"max_depth": 6, "min_samples_leaf": 5},
    "unlimited": {"max_depth": None, "min_samples_leaf": 1},
}

METRICS_DATASET = "fraud"
METRICS_THRESHOLDS = (0.5, 0.1)
METRICS_PREVALENCE = 0.01
METRICS_OUTLIER_SHARE = 0.05

EXPERIMENTS_DATASET = "churn"
EXPERIMENTS_RUNS: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("forest", "random_forest", {"max_depth": 8}),
    ("baseline", "baseline", {"strategy": "prior"}),
    ("deeper", "random_forest", {"max_depth": 16}),
    ("linear", "linear", {"C": 1.0}),
)

MONITOR_DATASET = "churn"
MONITOR_SCENARIO, MONITOR_INTENSITY, MONITOR_DELAY = "concept", 0.75, 2
MONITOR_CORRUPT_MONTH = 6
"""The corrupted month as the page counts it (1 to 12); the simulation counts from 0."""
MONITOR_RECIPE = ("random_forest", {"n_estimators": 30, "max_depth": 8, "min_samples_leaf": 5})


# ---------------------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------------------


def score(value: float) -> str:
    """A score as the pages show it: three decimals."""
    return f"{value:.3f}"


def signed(value: float) -> str:
    """A difference with its sign; one that rounds to nothing reads +0.000, not -0.000."""
    shown = f"{value:+.3f}"
    return "+0.000" if float(shown) == 0 else shown


def percent(value: float, decimals: int = 0) -> str:
    return f"{value:.{decimals}%}"
