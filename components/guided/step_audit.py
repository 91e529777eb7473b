"""Step 2 of the guided path: the audit and the leak check, then the confirmed dataset."""

from __future__ import annotations

import streamlit as st

from components import audit, lesson, sidebar
from components.guided.nav import _blocked
from components.guided.state import (
    _AUDITED,
    Audited,
    _audited,
    _go,
    _keep,
    _mark,
    _pending,
    _restore,
    _source,
)
from components.text import code_name, escape_md
from lessons.audit import AuditReport
from lessons.audit import audit as run_audit
from lessons.content import sections
from lessons.datasets import BUILTIN_NAMES, Dataset
from lessons.errors import DataError

# ---------------------------------------------------------------------------------------------
# Step 2: the audit and the leak check
# ---------------------------------------------------------------------------------------------


@st.cache_data(show_spinner="Auditing the dataset…", max_entries=32)
def _audit_dataset(name: str, seed: int, _dataset: Dataset) -> AuditReport:
    return run_audit(_dataset.frame, _dataset.target, task=_dataset.task, random_state=seed)


def audit_step() -> None:
    """Run the audit, show its headline and its leak findings, and decide what to keep out."""
    st.markdown(sections("guided")["audit"])
    seed = sidebar.active_seed()
    pending = _pending()
    if _source() == "upload":
        if pending is None:
            _blocked("Upload a CSV and pick its target in step 1 first.", "frame")
            return
        report = audit.run(pending.upload, pending.target, pending.types, seed, pending.task)
        name, own = pending.name, ()
    else:
        dataset = sidebar.active_dataset()
        report = lesson.guarded(
            lambda: _audit_dataset(dataset.cache_key, seed, dataset), what="audit this dataset"
        )
        name, own = dataset.name, dataset.post_outcome_columns
    if report is None:
        st.info("Go back to step 1 and pick another target.", icon=":material/arrow_back:")
        return
    audit.summary(report)
    dropped = _leak_check(report, name, own)
    with st.expander(f"Every finding of the audit ({len(report.findings)})"):
        audit.findings(report)
    st.button(
        "Confirm and continue to the split",
        key="guided_confirm",
        type="primary",
        icon=":material/verified:",
        on_click=_confirm,
        args=(report, dropped, own),
    )
    if _audited(name) is not None and _audited(name).dropped == (*own, *dropped):
        st.success(
            "Confirmed: the next steps train without the columns you kept out.",
            icon=":material/check_circle:",
        )


def _leak_check(report: AuditReport, name: str, own: tuple[str, ...]) -> tuple[str, ...]:
    """The leak findings and the columns to keep out of the features."""
    st.subheader("Leak check")
    leaks = [f for f in report.findings if f.kind == "target_leak"]
    for finding in leaks:
        badge = {"high": "red", "medium": "orange", "low": "gray"}[finding.severity]
        columns = ", ".join(code_name(c) for c in finding.columns)
        st.markdown(f":{badge}-badge[{finding.severity}] {columns}: {escape_md(finding.message)}")
    if not leaks:
        st.success(
            "No column predicts the target suspiciously well.", icon=":material/check_circle:"
        )
    if own:
        st.caption(
            "Kept out by the dataset itself (recorded after the outcome): "
            + ", ".join(code_name(c) for c in own)
            + "."
        )
    flagged = [c for f in leaks for c in f.columns if c not in own]
    options = list(dict.fromkeys([*flagged, *_other_columns(report, name, own)]))
    high = [c for c in report.leak_columns("high") if c not in own]
    key = f"guided_drops_{name}"
    _restore(key, high)
    st.session_state[key] = [c for c in st.session_state[key] if c in options]
    st.multiselect(
        "Keep these columns out of the features",
        options,
        key=key,
        help="Columns known only after the outcome. Preselected: the high-severity leaks.",
    )
    dropped = tuple(_keep(key))
    kept_leaks = [c for c in high if c not in dropped]
    if kept_leaks:
        st.warning(
            f"You keep {', '.join(code_name(c) for c in kept_leaks)} as a feature although the "
            "audit rates it a high-severity leak: the score will look better than the model "
            "can do in production. Keep it only if you are sure it is known at prediction time.",
            icon=":material/warning:",
        )
    return dropped


def _other_columns(report: AuditReport, name: str, own: tuple[str, ...]) -> list[str]:
    if name in BUILTIN_NAMES or _source() != "upload":
        dataset = sidebar.active_dataset()
        columns = list(dataset.frame.columns)
    else:
        columns = list(_pending().upload.loaded.frame.columns)
    return [c for c in columns if c != report.target and c not in own]


def _confirm(report: AuditReport, dropped: tuple[str, ...], own: tuple[str, ...]) -> None:
    """Keep the audit's outcome; an upload becomes the active dataset of every lesson."""
    pending = _pending()
    if _source() == "upload" and pending is not None:
        problem = (
            "classification"
            if report.task != "regression"
            else ("forecasting" if report.time_column else "regression")
        )
        try:
            dataset = audit.build_dataset(
                pending.upload,
                report,
                pending.types,
                report.time_column,
                report.group_column,
                dropped,
                problem,
            )
        except DataError as error:
            st.session_state["guided_error"] = str(error)
            return
        sidebar.register_upload(dataset)
        audited = Audited(
            report, dropped, (), pending.csv_bytes, _csv_name(pending.upload.file_name)
        )
    else:
        dataset = sidebar.active_dataset()
        csv_name = None if dataset.name in BUILTIN_NAMES else _csv_name(dataset.title)
        audited = Audited(report, (*own, *dropped), dropped, None, csv_name)
    st.session_state[_AUDITED] = {**st.session_state.get(_AUDITED, {}), dataset.name: audited}
    _mark("audit")
    _go("split")


def _csv_name(file_name: str) -> str:
    """The file name alone, never a path."""
    return file_name.replace("\\", "/").rsplit("/", 1)[-1] or "data.csv"
