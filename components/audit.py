"""The audit on the Your data page: column types, target, the report, and handing the
upload to the lessons.

This component owns the ``audit_*`` session_state keys. Audit reports are kept in this
session's state, keyed by the upload's file id and the settings, so nothing is recomputed
on a rerun and nothing is shared with another session.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from components import navigation, progress, sidebar
from components.charts import audit as charts
from components.lesson import takeaway
from components.text import code_name, escape_md
from components.upload import Upload
from lessons import datasets
from lessons.audit import FINDING_KINDS, SEVERITIES, AuditReport, audit, target_problem
from lessons.audit.report import three_digits
from lessons.audit_types import COLUMN_TYPES, TYPE_LABELS, apply_column_types, infer_column_types
from lessons.errors import DataError
from lessons.event import positive_class

_REPORTS_KEY = "audit_reports"
_REGISTERED_KEY = "audit_registered"
_TARGET_NAME = re.compile(
    r"^(target|label|labels|class|y|outcome|churn|churned|default|defaulted|fraud|is_fraud|"
    r"survived|price|sales|response)$",
    re.IGNORECASE,
)
_KIND_TITLES = {
    "target_leak": "Target leak",
    "id_column": "Identifier",
    "time_order": "Time order",
    "repeated_entity": "Repeated entity",
    "duplicate_rows": "Duplicate rows",
    "constant_column": "Constant column",
    "high_missing": "Mostly missing",
    "high_cardinality": "Many distinct values",
    "class_imbalance": "Rare class",
    "missing_target": "Missing target",
    "singleton_class": "Single-row class",
}
_SEVERITY_BADGES = {
    "high": ":red-badge[:material/error: High]",
    "medium": ":orange-badge[:material/warning: Medium]",
    "low": ":gray-badge[:material/info: Low]",
}
_LABEL_TO_TYPE = {label: kind for kind, label in TYPE_LABELS.items()}
_SPLIT_TITLES = {
    "time": "by time",
    "group": "by entity (group split)",
    "stratified": "stratified",
    "random": "random",
}


def preview(upload: Upload) -> None:
    """The first rows, the shape, and what the loader guessed about the file."""
    frame = upload.loaded.frame
    loaded = upload.loaded
    st.markdown(
        f"**{escape_md(upload.file_name)}**: {len(frame):,} rows × {frame.shape[1]:,} columns, "
        f"{loaded.encoding}, delimiter {code_name(loaded.delimiter.replace(chr(9), 'tab'))}, "
        f"decimal mark {code_name(loaded.decimal)}."
    )
    for notice in loaded.notices:
        st.caption(escape_md(notice))
    st.dataframe(frame.head(50), key="audit_preview", height=240)
    if frame.shape[1] > 200:
        st.warning(
            f"{frame.shape[1]:,} columns: the audit checks all of them, but it takes longer and "
            "the lessons are easier to follow with the few columns you would really use.",
            icon=":material/warning:",
        )


def column_types(upload: Upload) -> dict[str, str]:
    """A table of inferred column types the learner can correct; returns the types."""
    frame = upload.loaded.frame
    inferred = _inferred_types(upload)
    table = pd.DataFrame(
        {
            "column": list(inferred),
            "type": [TYPE_LABELS[kind] for kind in inferred.values()],
            "example": [_example(frame[name]) for name in frame.columns],
            "missing": frame.isna().mean().to_numpy(),
        }
    )
    edited = st.data_editor(
        table,
        key=f"audit_types_{upload.file_id}",
        hide_index=True,
        disabled=["column", "example", "missing"],
        column_config={
            "column": st.column_config.TextColumn("Column"),
            "type": st.column_config.SelectboxColumn(
                "Type",
                options=[TYPE_LABELS[kind] for kind in COLUMN_TYPES],
                required=True,
                help="Correct a wrong guess. Identifiers are kept for grouping but not used "
                "as features; ignored columns are dropped.",
            ),
            "example": st.column_config.TextColumn("First value"),
            "missing": st.column_config.ProgressColumn(
                "Missing", format="percent", min_value=0.0, max_value=1.0
            ),
        },
        height=min(36 * (len(table) + 1) + 3, 320),
    )
    return {
        str(row.column): _LABEL_TO_TYPE.get(str(row.type), inferred[str(row.column)])
        for row in edited.itertuples(index=False)
    }


def _inferred_types(upload: Upload) -> dict[str, str]:
    key = f"audit_inferred_{upload.file_id}"
    if key not in st.session_state:
        st.session_state[key] = infer_column_types(upload.loaded.frame)
    return st.session_state[key]


def _example(column: pd.Series) -> str:
    present = column.dropna()
    return "" if present.empty else str(present.iloc[0])[:60]


def target_picker(upload: Upload, types: dict[str, str]) -> str | None:
    """The column to predict; a likely guess is preselected."""
    options = [name for name, kind in types.items() if kind != "ignore"]
    if not options:
        st.error("Every column is set to 'ignore': keep at least two.", icon=":material/error:")
        return None
    # Reading every column for the guess takes a second on a million rows: once per file
    # and set of columns, not on every rerun of the page.
    guessed = st.session_state.get(f"audit_target_guess_{upload.file_id}")
    if guessed is None or guessed[0] != tuple(options):
        guessed = (tuple(options), guess_target(upload.loaded.frame, options))
        st.session_state[f"audit_target_guess_{upload.file_id}"] = guessed
    guess = guessed[1]
    return st.selectbox(
        "Target: the column to predict",
        options,
        index=options.index(guess),
        key=f"audit_target_{upload.file_id}",
        help="What the model should predict, known only after the moment of prediction.",
    )


def guess_target(frame: pd.DataFrame, options: list[str]) -> str:
    """The preselected target: a column named like an outcome, else the last column, but
    never one the audit would refuse (a single value, a date, free text), unless every
    column would be refused."""
    varied = [name for name in options if target_problem(frame[name], name) is None] or options
    return next((name for name in varied if _TARGET_NAME.match(name)), varied[-1])


def task_picker(upload: Upload) -> str | None:
    """The task, inferred from the target unless the learner overrides it (None: infer)."""
    choice = st.segmented_control(
        "Task",
        ["inferred", "binary", "multiclass", "regression"],
        default="inferred",
        key=f"audit_task_{upload.file_id}",
        help="Inferred from the target's values; override it when, for example, grades "
        "0 to 3 should be predicted as a number rather than as four classes.",
    )
    return None if choice in (None, "inferred") else choice


def run(
    upload: Upload, target: str, types: dict[str, str], seed: int, task: str | None = None
) -> AuditReport | None:
    """The audit of the upload for this target and these types; computed once per setting."""
    settings = (upload.file_id, target, tuple(sorted(types.items())), seed, task)
    reports = st.session_state.setdefault(_REPORTS_KEY, {})
    if settings in reports:
        progress.mark("data", "audit_run")
        return reports[settings]
    bar = st.progress(0.0, text="Auditing…")

    def show_progress(fraction: float, message: str) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=message)

    try:
        report = audit(
            upload.loaded.frame,
            target,
            column_types=types,
            task=task,
            random_state=seed,
            progress=show_progress,
        )
    except DataError as error:
        bar.empty()
        st.error(
            f"Could not audit with this target: {escape_md(error)} Your current dataset is "
            "unchanged.",
            icon=":material/error:",
        )
        return None
    bar.empty()
    progress.mark("data", "audit_run")
    # One report per file is enough to keep: a changed setting replaces the older ones.
    st.session_state[_REPORTS_KEY] = {
        key: value for key, value in reports.items() if key[0] == upload.file_id
    } | {settings: report}
    return report


def summary(report: AuditReport) -> None:
    """Headline numbers of the report."""
    counts = {s: sum(f.severity == s for f in report.findings) for s in SEVERITIES}
    rows, task, score, high = st.columns(4)
    rows.metric("Rows", f"{report.rows:,}")
    task.metric("Task", report.task)
    score.metric(
        f"Honest {report.score_name}",
        f"{report.honest_score:.3f}",
        help="Cross-validated score of a fast model on every column except the high-severity "
        "leaks: a first idea of what an honest model reaches. With a time column the folds "
        "are blocks of time and each block is scored by a model of the earlier ones; with "
        "a repeated entity (a customer, a school) no entity is scored by a model that saw "
        "its rows (up to 50 entities, each is left out in turn), and the entity's own "
        "columns are left out. The caption below gives a model of no column on the same "
        "folds, to read it against.",
    )
    high.metric("High-severity findings", counts["high"])
    if report.folds:
        st.caption(f"Folds of the honest score and the leak checks: {escape_md(report.folds)}.")
    for note in report.notes:
        st.caption(escape_md(note))


def findings(report: AuditReport) -> None:
    """Every finding, grouped by severity, with its evidence and what to do."""
    if not report.findings:
        st.success(
            "No findings: no leak, identifier, time order or repeated entity stood out.",
            icon=":material/check_circle:",
        )
        return
    for severity in SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        if not found:
            continue
        st.markdown(f"#### {_SEVERITY_BADGES[severity]} {len(found)} finding(s)")
        for index, finding in enumerate(found):
            with st.container(border=True):
                columns = ", ".join(code_name(c) for c in finding.columns)
                st.markdown(
                    f"**{_KIND_TITLES[finding.kind]}**" + (f" · {columns}" if columns else "")
                )
                st.markdown(escape_md(finding.message))
                st.markdown(f"**What to do:** {escape_md(finding.advice)}")
                _evidence(report, finding, f"{severity}_{index}")


GAP_SEEN = 0.01
"""A with/without difference below this (in the score's units) shows nothing a leak adds."""


def leak_takeaway(evidence: dict, n_columns: int) -> str:
    """The leak chart's point in words: what the suspect columns add to the fast model.

    When the table holds other copies of the same signal (a vote written twice), leaving one
    copy out changes nothing, and a "0.000 difference" read as inflation would say the leak
    is harmless: the takeaway then says the gap cannot show it.
    """
    dropped = evidence.get("leaks_dropped_first")
    these = "these columns" if n_columns > 1 else "this column"
    scores = (
        (f"with the high leaks ({', '.join(dropped)}) dropped, " if dropped else "")
        + f"with {these} the fast model scores {evidence['score_with']:.3f}, without "
        f"{evidence['score_without']:.3f}"
    )
    gap = evidence["score_with"] - evidence["score_without"]
    if gap >= GAP_SEEN:
        return (
            f"{scores}. If it is a leak, the {gap:.3f} difference is score you would report "
            "and never see in production."
        )
    alone = evidence.get("score_together", evidence.get("score_alone")) is not None
    return (
        f"{scores}: other columns carry the same signal and make up for "
        f"{'them' if n_columns > 1 else 'it'}, so this difference cannot show what a leak "
        "adds. "
        + (
            (
                "Judge the pair by what it scores on its own"
                if evidence.get("pair")
                else "Judge it by what it scores alone"
            )
            + ", and look"
            if alone
            else "Look"
        )
        + " for its copies among the findings."
    )


def _evidence(report: AuditReport, finding, key: str) -> None:
    evidence = finding.evidence
    figure = None
    line = ""
    if finding.kind == "target_leak" and "check" in evidence:
        st.markdown(f"**Check that fired:** {escape_md(evidence['check'])}")
    if finding.kind == "target_leak" and "score_with" in evidence:
        figure = charts.leak_scores_figure(evidence, finding.columns)
        # A pair's or a formula's scores are theirs, whichever members the finding names.
        line = leak_takeaway(evidence, len(charts.scored_columns(evidence, finding.columns)))
    elif finding.kind == "target_leak" and "rows_by_alternative_and_class" in evidence:
        figure = charts.chosen_alternative_figure(
            evidence["rows_by_alternative_and_class"], finding.columns[0]
        )
        line = (
            f"on the {evidence['rows_matching_one']:,} rows where it equals exactly one "
            f"alternative, that alternative is the class on {evidence['purity']:.1%} of them: "
            "read along the diagonal."
        )
    elif finding.kind == "time_order":
        periods = evidence["target_by_period"]
        figure = charts.target_over_time_figure(periods, report.target, report.task)
        line = (
            f"the target moves from {three_digits(periods[0]['target_mean'])} in the earliest "
            f"quarter to {three_digits(periods[-1]['target_mean'])} in the latest; a time split "
            "tests on the latest."
        )
    elif finding.kind == "repeated_entity":
        figure = charts.entity_split_figure(evidence, finding.columns[0])
        gap = evidence["score_random_split"] - evidence["score_group_split"]
        line = f"a random split scores {evidence['score_random_split']:.3f}, a split by " + (
            f"entity {evidence['score_group_split']:.3f}: the {gap:.3f} gap is the model "
            "remembering entities it has already seen."
            if gap >= 0.02
            else f"entity {evidence['score_group_split']:.3f}: little memory effect here, but "
            "only a split by entity guarantees the test rows are new."
        )
    elif finding.kind == "singleton_class":
        line = (
            f"{len(evidence['single_row_classes'])} class(es) with a single row: no split "
            "can put such a class in both the training and the test rows."
        )
    elif finding.kind == "class_imbalance":
        figure = charts.class_shares_figure(evidence["class_shares"])
        line = (
            f"the rarest class is {evidence['rarest_share']:.1%} of rows; a model that never "
            f"predicts it is {1 - evidence['rarest_share']:.1%} accurate."
        )
    if figure is not None:
        chart, words = st.columns([3, 2])
        with chart:
            st.plotly_chart(figure, key=f"audit_chart_{key}", config={"displayModeBar": False})
        with words:
            takeaway(escape_md(line))
    elif line:
        takeaway(escape_md(line))
    with st.expander("Evidence (numbers)"):
        st.dataframe(_evidence_table(evidence), hide_index=True, key=f"audit_evidence_{key}")


def _evidence_table(evidence: dict) -> pd.DataFrame:
    rows = []
    for name, value in evidence.items():
        if isinstance(value, dict):
            rows.extend((f"{name}: {k}", str(v)) for k, v in value.items())
        elif isinstance(value, list):
            rows.extend((f"{name} {i + 1}", str(v)) for i, v in enumerate(value))
        else:
            rows.append((name, str(value)))
    return pd.DataFrame(rows, columns=["measure", "value"])


def recommendation(report: AuditReport) -> None:
    """The split and the metric to use, with the reasons."""
    split, metric = st.columns(2)
    with split, st.container(border=True):
        st.markdown(f"**Split: {_SPLIT_TITLES[report.recommended_split]}**")
        st.markdown(escape_md(report.split_reason))
    with metric, st.container(border=True):
        st.markdown(f"**Metric: {report.recommended_metric}**")
        st.markdown(escape_md(report.metric_reason))


def use_in_lessons(upload: Upload, report: AuditReport, types: dict[str, str]) -> None:
    """Confirm the roles of columns and make the upload the active dataset of every lesson."""
    frame_columns = [c for c, kind in types.items() if kind != "ignore" and c != report.target]
    time_options = [None, *[c for c in frame_columns if types[c] in ("datetime", "number")]]
    group_options = [None, *[c for c in frame_columns if types[c] in ("identifier", "category")]]
    key = f"{upload.file_id}_{report.target}"
    left, right = st.columns(2)
    with left:
        time_column = st.selectbox(
            "Time column",
            time_options,
            index=time_options.index(report.time_column)
            if report.time_column in time_options
            else 0,
            format_func=_none_label,
            key=f"audit_use_time_{key}",
            help="Orders rows in time; the lessons split by it.",
        )
        group_column = st.selectbox(
            "Entity (group) column",
            group_options,
            index=group_options.index(report.group_column)
            if report.group_column in group_options
            else 0,
            format_func=_none_label,
            key=f"audit_use_group_{key}",
            help="An entity with many rows; the lessons keep its rows in one bucket.",
        )
    with right:
        leaks = st.multiselect(
            "Confirmed leaks (recorded after the outcome)",
            frame_columns,
            default=[c for c in report.leak_columns("high") if c in frame_columns],
            key=f"audit_use_leaks_{key}",
            help="The lessons keep them out of the features (the leakage lab can still show "
            "what they are worth). Preselected: the high-severity leaks.",
        )
        problem_options = _problems(report.task, time_column)
        problem = st.selectbox(
            "How the prediction is used",
            problem_options,
            key=f"audit_use_problem_{key}_{time_column}",
        )
        event = _event_picker(upload, report, key)
    st.button(
        "Use this dataset in the lessons",
        type="primary",
        icon=":material/play_arrow:",
        key=f"audit_use_button_{key}",
        on_click=_register,
        args=(upload, report, types, time_column, group_column, tuple(leaks), problem, event),
    )
    registered = st.session_state.get(_REGISTERED_KEY)
    if registered and sidebar.active_name() == registered:
        st.success(
            f"{escape_md(upload.file_name)} is now the active dataset: every lesson runs on "
            "it (pick it again in the sidebar's Dataset list at any time).",
            icon=":material/check_circle:",
        )
        lessons = [p for p in navigation.existing_pages() if p.section == navigation.LESSONS]
        for column, spec in zip(st.columns(max(len(lessons), 1)), lessons, strict=False):
            with column:
                st.page_link(spec.path, label=spec.title, icon=spec.icon)


def _event_picker(upload: Upload, report: AuditReport, key: str) -> object | None:
    """For a yes/no target, the class a score is about; the minority class unless changed."""
    if report.task != "binary":
        return None
    target = upload.loaded.frame[report.target].dropna()
    labels = sorted(target.unique().tolist(), key=str)
    minority = positive_class(target)
    return st.selectbox(
        "Event of interest (the positive class)",
        labels,
        index=labels.index(minority),
        format_func=str,
        key=f"audit_use_event_{key}",
        help="Precision, recall, F1 and PR AUC are about this class, on every page and in the "
        "exported script. The default is the rarer class: usually the event a decision is about.",
    )


def _none_label(value: str | None) -> str:
    return "(none)" if value is None else str(value)


def _problems(task: str, time_column: str | None) -> list[str]:
    if task == "regression":
        return (
            ["forecasting", "regression", "ranking"]
            if time_column
            else [
                "regression",
                "ranking",
                "forecasting",
            ]
        )
    return ["classification"]


def dataset_name(upload: Upload, target: str) -> str:
    """A name unique to this upload and target, safe in a URL."""
    stem = re.sub(r"[^a-z0-9]+", "-", upload.file_name.rsplit(".", 1)[0].lower()).strip("-")
    digest = hashlib.sha1(f"{upload.file_id}|{target}".encode()).hexdigest()[:6]
    return f"upload-{stem[:24] or 'file'}-{digest}"


def build_dataset(
    upload: Upload,
    report: AuditReport,
    types: dict[str, str],
    time_column: str | None,
    group_column: str | None,
    leaks: tuple[str, ...],
    problem: str,
    event: object | None = None,
) -> datasets.Dataset:
    """The upload as a lesson dataset: typed columns, rows with a target, roles confirmed.

    ``event`` is the positive class the learner picked for a binary target (None: the
    minority class, ``lessons.event.positive_class``).
    """
    frame = apply_column_types(upload.loaded.frame, types)
    numeric = frame.select_dtypes("number").columns
    frame[numeric] = frame[numeric].mask(frame[numeric].isin([float("inf"), float("-inf")]))
    frame = frame.loc[frame[report.target].notna()]
    # A class of one row cannot be split into training and test rows: the audit reported it
    # (merge or drop it), and the lessons get the table without it.
    single = [
        value
        for f in report.findings
        if f.kind == "singleton_class"
        for value in f.evidence["single_row_classes"]
    ]
    if single:
        frame = frame.loc[~frame[report.target].astype(str).isin(single)]
    frame = frame.reset_index(drop=True)
    kinds = sum(f.kind == "target_leak" for f in report.findings)
    return datasets.Dataset(
        name=dataset_name(upload, report.target),
        title=upload.file_name,
        frame=frame,
        target=report.target,
        task=report.task,
        problem=problem,
        time_column=time_column,
        group_column=group_column,
        description=f"Your upload: {len(frame):,} rows with a target, {frame.shape[1]} columns.",
        teaches=f"Your own data: the audit found {len(report.findings)} thing(s) to know, "
        f"{kinds} about leaks. Recommended split: {report.recommended_split}; "
        f"metric: {report.recommended_metric}.",
        post_outcome_columns=tuple(leaks),
        source="your upload",
        event=event,
        column_types=tuple(sorted(types.items())),
    )


def _register(
    upload: Upload,
    report: AuditReport,
    types: dict[str, str],
    time_column: str | None,
    group_column: str | None,
    leaks: tuple[str, ...],
    problem: str,
    event: object | None,
) -> None:
    dataset = build_dataset(upload, report, types, time_column, group_column, leaks, problem, event)
    sidebar.register_upload(dataset)
    st.session_state[_REGISTERED_KEY] = dataset.name


def glossary() -> None:
    """The fixed vocabulary of finding kinds, as a small table."""
    st.dataframe(
        pd.DataFrame({"kind": list(FINDING_KINDS), "meaning": list(FINDING_KINDS.values())}),
        hide_index=True,
        key="audit_glossary",
    )
