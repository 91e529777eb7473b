"""The monitoring lesson's scenarios, retraining policies and thresholds."""

from __future__ import annotations

SCENARIOS: dict[str, str] = {
    "none": "No injected drift",
    "covariate": "Covariate drift (inputs move)",
    "prior": "Prior shift (the outcome mix moves)",
    "concept": "Concept drift (the relation moves)",
    "real": "The data's own later months",
}
INJECTED = ("covariate", "prior", "concept")
"""The scenarios that inject drift into a production pool that otherwise matches training."""
POLICIES: dict[str, str] = {
    "never": "Never retrain",
    "monthly": "Retrain monthly",
    "on_alert": "Retrain on alert",
}
PSI_MODERATE = 0.1
PSI_MAJOR = 0.25
MAX_PSI_BINS = 10
MIN_PSI_BINS = 3
JS_ALERT = 0.1
P_VALUE_ALERT = 0.01
N_MONTHS = 12
MONTH_ROWS = 600
MIN_MONTH_POOL = 200
MIN_MONTH_ROWS = 100
"""Fewest distinct rows a production month may hold (its gate holdout keeps 30 % of them);
a smaller dataset is refused."""
RETRAIN_ROWS = 2000
SHIP_ROWS = 4000
GATE_MARGIN = 0.05
RATE_GAP_ERRORS = 3
TOP_SHARE = 0.1
_DRIFT_STRENGTH = 4.0
