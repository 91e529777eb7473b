"""Audit a table before modelling: leaks, identifiers, time order, repeated entities, traps.

The audit answers "can this table support an honest model, and how should I split and score
it?" with findings a person can act on. Each finding has a kind from a fixed vocabulary
(``FINDING_KINDS``), a severity, the columns involved, a message with the next step, and the
numbers behind it.

A column is reported as a high-severity ``target_leak`` only when it is too good *and* the
evidence says it is about the outcome: near-perfect on its own, a missing-value pattern that
predicts the target, a name that says "recorded after" or a copy of the target's name, or a
small set of columns that together pin the target down. A strong but ordinary predictor is
at most a low-severity note.

Run it on any file: ``python -m lessons.audit FILE.csv --target COLUMN [--json]``.

The package's modules follow the audit's sections: ``report`` (vocabulary and results),
``table`` (table-level checks), ``screens`` (each column on its own), ``judge`` (the checks
that make a suspect a finding), ``pairs`` (columns that give the target away together),
``leaks`` (the leak checks put together), ``core`` (the ``audit`` function, the split and
metric advice) and ``cli`` (the command line).
"""

from lessons.audit.cli import main, render_text
from lessons.audit.core import audit, target_problem
from lessons.audit.report import (
    FINDING_KINDS,
    MAX_CLASSES,
    MAX_MODEL_ROWS,
    SCORE_NAMES,
    SEVERITIES,
    SPLITS,
    AuditReport,
    Finding,
)

__all__ = [
    "FINDING_KINDS",
    "MAX_CLASSES",
    "MAX_MODEL_ROWS",
    "SCORE_NAMES",
    "SEVERITIES",
    "SPLITS",
    "AuditReport",
    "Finding",
    "audit",
    "main",
    "render_text",
    "target_problem",
]
