"""The guided path: six steps from a CSV to a leak-checked, honestly scored scaffold.

This component owns the ``guided_*`` session_state keys and the ``step`` URL parameter. Each
step reuses the lesson's own pieces (the upload and audit widgets, lesson 2's splits and
strips, lesson 4's models and fits, lesson 5's metric registry) and writes its decision
where the lessons read it (``components.course``): the framing per dataset, the split
choice, and every fit as a run of the experiment log.

Widget values are copied into ``guided_kept``: Streamlit forgets the state of widgets that
were not drawn, and only one step is drawn at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from components import audit, course, lesson, progress, sidebar, upload
from components.charts import splits as split_charts
from components.text import code_name, escape_md
from lessons import framing, scaffold, scoring, splits, training
from lessons import models as model_registry
from lessons.audit import AuditReport
from lessons.audit import audit as run_audit
from lessons.choices import FramingChoice, SplitChoice
from lessons.content import sections
from lessons.datasets import BUILTIN_NAMES, Dataset
from lessons.errors import DataError
from lessons.store import RunRecord

STEP_KEY = "guided_step"
SOURCE_KEY = "guided_source"
URL_READ_KEY = "guided_url_read"
_KEPT = "guided_kept"
_PENDING = "guided_pending"
_AUDITED = "guided_audited"
_DONE = "guided_done"
_RECORDED = "guided_recorded"
_FINAL = "guided_final"
_TRAINED = "guided_trained"

STEPS = scaffold.STEPS
SOURCES = {"active": "A built-in dataset", "upload": "My own CSV"}
_CHART_CONFIG = {"displayModeBar": False}


# ---------------------------------------------------------------------------------------------
# State
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """A CSV chosen in step 1, waiting for its audit in step 2."""

    upload: upload.Upload
    target: str
    task: str | None
    types: dict
    csv_bytes: bytes | None

    @property
    def name(self) -> str:
        return audit.dataset_name(self.upload, self.target)


@dataclass(frozen=True)
class Audited:
    """What step 2 settled for one dataset.

    Attributes
    ----------
    report : AuditReport
    dropped : tuple of str
        Every column kept out of the features because of the leak check.
    extra_dropped : tuple of str
        The part of ``dropped`` the dataset did not already keep out itself.
    csv_bytes, csv_name : optional
        The uploaded file, for the zip.
    """

    report: AuditReport
    dropped: tuple[str, ...]
    extra_dropped: tuple[str, ...]
    csv_bytes: bytes | None
    csv_name: str | None


@dataclass(frozen=True)
class Final:
    """The last fit of step 5: the score the scaffold reproduces."""

    key: tuple
    model: str
    metric: str
    metric_reason: str
    result: training.FitResult
    baseline: float


def _kept() -> dict:
    return st.session_state.setdefault(_KEPT, {})


def _restore(key: str, default: object, options: list | None = None) -> None:
    """Give a widget its kept value (or the default) before it is drawn."""
    if key not in st.session_state:
        st.session_state[key] = _kept().get(key, default)
    if options is not None and st.session_state[key] not in options:
        st.session_state[key] = default


def _keep(key: str) -> object:
    _kept()[key] = st.session_state[key]
    return st.session_state[key]


def _go(step: str) -> None:
    st.session_state[STEP_KEY] = step


def _done() -> set[str]:
    return st.session_state.setdefault(_DONE, set())


def _mark(step: str) -> None:
    _done().add(step)


def _source() -> str:
    return str(_kept().get(SOURCE_KEY, "active"))


def _pending() -> Pending | None:
    return st.session_state.get(_PENDING)


def _audited(name: str) -> Audited | None:
    return st.session_state.get(_AUDITED, {}).get(name)


# ---------------------------------------------------------------------------------------------
# Stepper, URL, summary, Back / Next
# ---------------------------------------------------------------------------------------------


def _label(step: str) -> str:
    number = STEPS.index(step) + 1
    tick = " ✓" if step in _done() else ""
    return f"{number}. {scaffold.STEP_TITLES[step]}{tick}"


def current_step() -> str:
    """The step to show: from the link on the page's first run, then from the stepper."""
    if not st.session_state.get(URL_READ_KEY):
        st.session_state[URL_READ_KEY] = True
        if st.query_params.get("step") in STEPS:
            st.session_state[STEP_KEY] = st.query_params["step"]
    if st.session_state.get(STEP_KEY) not in STEPS:
        st.session_state[STEP_KEY] = _kept().get(STEP_KEY, STEPS[0])
    step = str(st.session_state[STEP_KEY])
    _kept()[STEP_KEY] = step
    if st.query_params.get("step") != step:
        st.query_params["step"] = step
    return step


def stepper() -> None:
    """The six steps, the current one selected and done ones ticked, each with its decision.

    Drawn after the step's body (into a container above it), so a decision made on this run
    already shows.
    """
    st.segmented_control(
        "Where you are on the path",
        STEPS,
        key=STEP_KEY,
        format_func=_label,
        required=True,
        width="stretch",
        help="Jump to any step; a ✓ marks a step whose decision is made. The URL keeps the "
        "step (?step=).",
    )
    decided = _decided()
    for column, step in zip(st.columns(len(STEPS)), STEPS, strict=True):
        column.caption(decided.get(step, "—"))


def _decided() -> dict[str, str]:
    """One short line per step: what was decided there."""
    dataset = sidebar.active_dataset()
    pending = _pending()
    uploading = _source() == "upload" and pending is not None
    name = pending.name if uploading else dataset.name
    title = pending.upload.file_name if uploading else dataset.title
    lines = {}
    choice = course.framing(name)
    if choice and choice.target:
        lines["frame"] = f"{escape_md(title)}: {code_name(choice.target)}"
    audited = _audited(name)
    if audited is not None:
        count = len(audited.dropped)
        lines["audit"] = f"{count} leak column{'s' if count != 1 else ''} kept out"
    if "split" in _done() and name == dataset.name:
        strategy = course.split_choice(name).strategy
        lines["split"] = f"{splits.STRATEGY_TITLES.get(strategy, strategy)} split"
    trained = st.session_state.get(_TRAINED)
    if trained is not None and trained[0] == dataset.name:
        lines["train"] = training.MODELS[trained[1]].label
    final = st.session_state.get(_FINAL)
    if final is not None and final.key[0] == dataset.cache_key:
        label = scoring.metric(final.metric).name
        lines["metric"] = f"{label} {final.result.validation_score:.4f}"
        lines["export"] = "downloaded" if "export" in _done() else "ready to download"
    return lines


def navigation(step: str) -> None:
    """Back and Next, with the name of the step they lead to."""
    index = STEPS.index(step)
    back, _, forward = st.columns([1, 2, 1])
    if index > 0:
        previous = STEPS[index - 1]
        back.button(
            f"Back: {scaffold.STEP_TITLES[previous]}",
            key="guided_back",
            icon=":material/arrow_back:",
            on_click=_go,
            args=(previous,),
            width="stretch",
        )
    # The audit's own Confirm button moves on: the leak check must be acted on first.
    if index < len(STEPS) - 1 and (step != "audit" or step in _done()):
        following = STEPS[index + 1]
        forward.button(
            f"Next: {scaffold.STEP_TITLES[following]}",
            key="guided_next",
            type="primary",
            icon=":material/arrow_forward:",
            on_click=_next,
            args=(step, following),
            width="stretch",
        )


def _next(step: str, following: str) -> None:
    _mark(step)
    _go(following)


def _blocked(reason: str, step: str) -> None:
    """A step that cannot run yet: why, and a button to the step that unblocks it."""
    st.info(reason, icon=":material/info:")
    st.button(
        f"Go to step {STEPS.index(step) + 1}: {scaffold.STEP_TITLES[step]}",
        key=f"guided_unblock_{step}",
        on_click=_go,
        args=(step,),
        icon=":material/arrow_back:",
    )


# ---------------------------------------------------------------------------------------------
# Step 1: the data and the framing
# ---------------------------------------------------------------------------------------------


def frame_step() -> None:
    """Pick the data, the target and the task, and say which decision the prediction changes."""
    prose = sections("guided")
    st.markdown(prose["frame"])
    _restore(SOURCE_KEY, "active", list(SOURCES))
    active = sidebar.active_dataset()
    labels = dict(SOURCES)
    if active.name not in BUILTIN_NAMES:
        labels["active"] = f"The active dataset ({escape_md(active.title)})"
    st.segmented_control(
        "Data",
        list(SOURCES),
        key=SOURCE_KEY,
        format_func=labels.get,
        required=True,
    )
    named = _frame_upload() if _keep(SOURCE_KEY) == "upload" else _frame_active()
    if named is None:
        return
    name, title, target, task = named
    decision_key = f"guided_decision_{name}"
    existing = course.framing(name)
    _restore(decision_key, existing.decision if existing else "")
    example = sections("frame").get(f"example {name}")
    if example:
        st.button(
            f"Use the worked example for {title}",
            key=f"guided_example_{name}",
            on_click=_use_example,
            args=(decision_key, example),
            icon=":material/lightbulb:",
        )
    st.text_area(
        "Which decision does the prediction change?",
        key=decision_key,
        placeholder="Who acts on the prediction, and what do they do differently?",
        height=80,
        help="Lesson 1, question 1. Without a decision, a model is a demo, not a product.",
    )
    decision = str(_keep(decision_key)).strip()
    if not decision:
        st.caption(prose["no_decision"])
    choice = replace(existing or FramingChoice(), decision=decision, target=target, task=task)
    if choice != existing:
        course.set_framing(name, choice)
    _mark("frame")


def _use_example(key: str, example: str) -> None:
    st.session_state[key] = example
    _kept()[key] = example


def _frame_active() -> tuple[str, str, str, str]:
    dataset = sidebar.active_dataset()
    st.markdown(
        f"**{escape_md(dataset.title)}**: {dataset.n_rows:,} rows. {escape_md(dataset.description)}"
    )
    st.markdown(
        f"Target: {code_name(dataset.target)}, a **{framing.TASK_NAMES[dataset.task]}** task"
        + (f", ordered by {code_name(dataset.time_column)}" if dataset.time_column else "")
        + "."
    )
    st.caption(
        "Pick another dataset in the sidebar's Dataset list; to predict another column of a "
        "built-in, use lesson 1 (Frame the problem)."
    )
    return dataset.name, dataset.title, dataset.target, dataset.task


def _frame_upload() -> tuple[str, str, str, str] | None:
    pending = _pending()
    current = upload.uploader()
    if current is None and pending is not None:
        current = pending.upload
        st.caption(
            f"Using {escape_md(current.file_name)}, uploaded earlier in this session. Upload "
            "another file to start again with it."
        )
    if current is None:
        st.info(sections("guided")["upload_first"], icon=":material/upload_file:")
        return None
    frame = current.loaded.frame
    st.markdown(
        f"**{escape_md(current.file_name)}**: {len(frame):,} rows × {frame.shape[1]:,} columns."
    )
    types = _types(current)
    left, right = st.columns(2)
    with left:
        target = audit.target_picker(current, types)
    with right:
        task = audit.task_picker(current)
    if target is None:
        return None
    guess = lesson.guarded(lambda: framing.infer_task(frame[target]), what="use this target")
    if guess is None:
        st.info("Pick another target column to go on.", icon=":material/arrow_upward:")
        return None
    st.caption(
        f"{code_name(target)} reads as {framing.TASK_NAMES[guess.task]}: {escape_md(guess.reason)}."
    )
    previous = pending.csv_bytes if pending and pending.upload.file_id == current.file_id else None
    st.session_state[_PENDING] = Pending(
        current, target, task, types, _csv_bytes(current) or previous
    )
    return audit.dataset_name(current, target), current.file_name, target, task or guess.task


def _types(current: upload.Upload) -> dict:
    """Inferred column types, correctable in an expander (the Your data page's table)."""
    with st.expander("Column types (correct a wrong guess, optional)"):
        return audit.column_types(current)


def _csv_bytes(current: upload.Upload) -> bytes | None:
    """The uploaded file's bytes while the uploader still holds them, if small enough to zip."""
    file = st.session_state.get(upload.UPLOADER_KEY)
    if file is None or file.file_id != current.file_id or file.size > scaffold.MAX_CSV_BYTES:
        return None
    return file.getvalue()


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


# ---------------------------------------------------------------------------------------------
# Steps 3 to 6 share the confirmed dataset
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Working:
    """The active dataset with the confirmed leak columns kept out, and its audit."""

    dataset: Dataset
    audited: Audited
    seed: int

    def key(self, choice: SplitChoice) -> tuple:
        return (self.dataset.cache_key, self.seed, choice)


def working() -> Working | None:
    """The data steps 3 to 6 run on, or None with a message saying what to do first."""
    dataset = sidebar.active_dataset()
    pending = _pending()
    if _source() == "upload" and (pending is None or pending.name != dataset.name):
        if pending is None:
            _blocked("Upload your CSV and pick its target in step 1 first.", "frame")
        else:
            _blocked(
                "Your CSV is not in use yet: run its audit in step 2 and confirm which "
                "columns to keep out.",
                "audit",
            )
        return None
    audited = _audited(dataset.name)
    if audited is None:
        _blocked(
            f"{escape_md(dataset.title)} has not been leak-checked yet: run the audit in step 2 "
            "and confirm which columns to keep out.",
            "audit",
        )
        return None
    if audited.extra_dropped:
        dataset = replace(
            dataset, post_outcome_columns=(*dataset.post_outcome_columns, *audited.extra_dropped)
        )
    return Working(dataset, audited, sidebar.active_seed())


@st.cache_data(show_spinner=False, max_entries=32)
def _prepared(key: tuple, _dataset: Dataset) -> training.Prepared:
    _, seed, choice = key
    return training.prepare(_dataset, choice, random_state=seed)


@st.cache_data(show_spinner="Fitting the model on the training rows…", max_entries=64)
def _fit(key: tuple, model: str, metric: str, _dataset: Dataset) -> training.FitResult:
    return training.fit(_prepared(key, _dataset), model, {}, metric, random_state=key[1])


@st.cache_data(show_spinner=False, max_entries=64)
def _baseline(key: tuple, metric: str, _dataset: Dataset) -> float:
    return training.baseline(_prepared(key, _dataset), metric)


def _split_choice(work: Working) -> SplitChoice:
    choice = course.split_choice(work.dataset.name)
    if choice.strategy in splits.BUCKET_STRATEGIES and not splits.why_not(
        work.dataset, choice.strategy
    ):
        return choice
    return SplitChoice(splits.default_strategy(work.dataset)[0])


def _prepare(work: Working) -> training.Prepared | None:
    choice = _split_choice(work)
    return lesson.guarded(lambda: _prepared(work.key(choice), work.dataset), what="split the data")


def _working_split() -> tuple[Working, training.Prepared] | None:
    """The confirmed dataset and its split, for the steps after the split; None says why."""
    work = working()
    if work is None:
        return None
    ready = _prepare(work)
    return None if ready is None else (work, ready)


# ---------------------------------------------------------------------------------------------
# Step 3: the split
# ---------------------------------------------------------------------------------------------


def split_step() -> None:
    """Choose the split, see where every row goes and which guarantees hold."""
    st.markdown(sections("guided")["split"])
    work = working()
    if work is None:
        return
    dataset = work.dataset
    default, reason = splits.default_strategy(dataset)
    usable = [s for s in splits.BUCKET_STRATEGIES if not splits.why_not(dataset, s)]
    key = f"guided_split_{dataset.name}"
    stored = course.split_choice(dataset.name).strategy
    _restore(key, stored if stored in usable else default, usable)

    def title(strategy: str) -> str:
        suffix = " (honest default)" if strategy == default else ""
        return f"{splits.STRATEGY_TITLES[strategy]}{suffix}"

    pick, why = st.columns([1, 2])
    with pick:
        strategy = st.radio("Split", usable, key=key, format_func=title)
        strategy = str(_keep(key))
    with why:
        st.markdown(
            f"**Honest default: {splits.STRATEGY_TITLES[default].lower()}**: {escape_md(reason)}."
        )
        recommended = work.audited.report.recommended_split
        if recommended != default:
            st.caption(
                f"The audit recommends {recommended}: {escape_md(work.audited.report.split_reason)}"
            )
        for other in splits.BUCKET_STRATEGIES:
            if other not in usable:
                st.caption(
                    f"{splits.STRATEGY_TITLES[other]}: not here, {splits.why_not(dataset, other)}."
                )
    if SplitChoice(strategy) != course.split_choice(dataset.name):
        course.set_split_choice(dataset.name, SplitChoice(strategy))
    ready = _prepare(work)
    if ready is None:
        return
    for notice in ready.notices:
        st.info(notice, icon=":material/info:")
    _strips(ready)
    _mark("split")


def split_reason(ready: training.Prepared) -> str:
    """Why this split: the honest default's reason, or the learner's choice against it."""
    default, reason = splits.default_strategy(ready.dataset)
    if ready.buckets.strategy == default:
        return f"the honest default: {reason}"
    return (
        f"your choice; the honest default would be {default} ({reason}), so say why "
        "this split is fair when you report the score"
    )


def _strips(ready: training.Prepared) -> None:
    dataset, buckets = ready.dataset, ready.buckets
    order = splits.row_order(dataset, buckets.strategy)
    named = {
        splits.STRATEGY_TITLES[buckets.strategy]: (buckets.train, buckets.validation, buckets.test)
    }
    x_title = (
        f"rows, oldest to newest by {dataset.time_column}"
        if dataset.time_column
        else "rows, in stored order"
    )
    chart, words = st.columns([3, 2])
    with chart:
        st.plotly_chart(
            split_charts.strips_figure(
                splits.role_strips(dataset.n_rows, named, order),
                title=f"Where every row goes: {splits.STRATEGY_TITLES[buckets.strategy].lower()} split",
                x_title=x_title,
            ),
            key="guided_strips_chart",
            config=_CHART_CONFIG,
        )
    n = dataset.n_rows
    counts = [len(buckets.train), len(buckets.validation), len(buckets.test)]
    with words:
        lesson.takeaway(
            f"train {counts[0]:,} rows ({counts[0] / n:.0%}), validation {counts[1]:,} "
            f"({counts[1] / n:.0%}), test {counts[2]:,} ({counts[2] / n:.0%}) kept for the end."
        )
        guarantees = splits.check_guarantees(
            dataset, buckets.train, buckets.validation, buckets.test
        )
        for guarantee in guarantees:
            icon = {True: ":green[:material/check_circle:]", False: ":red[:material/cancel:]"}.get(
                guarantee.holds, ":gray[:material/remove:]"
            )
            st.markdown(f"{icon} **{guarantee.name}**: {escape_md(guarantee.detail)}")


# ---------------------------------------------------------------------------------------------
# Step 4: train
# ---------------------------------------------------------------------------------------------


def _model_key(work: Working) -> str:
    return f"guided_model_{work.dataset.name}"


def _metric_key(work: Working) -> str:
    return f"guided_metric_{work.dataset.name}"


def _model(work: Working) -> str:
    problem = training.estimator_kind(work.dataset)
    options = [spec.key for spec in model_registry.models_for(problem)]
    model = _kept().get(_model_key(work))
    return model if model in options else model_registry.default_model(problem)


def _advice(work: Working, ready: training.Prepared) -> scaffold.MetricAdvice:
    choice = course.framing(work.dataset.name)
    costs = (
        framing.Costs(
            choice.cost_false_positive,
            choice.cost_false_negative,
            choice.cost_under,
            choice.cost_over,
        )
        if choice
        else framing.Costs()
    )
    return scaffold.suggest_metric(
        ready.dataset.task,
        ready.dataset.problem,
        ready.dataset.y.iloc[ready.train],
        costs,
        work.audited.report.recommended_metric,
    )


def _metric(work: Working, ready: training.Prepared, model: str) -> tuple[str, str]:
    """The chosen metric (or the suggestion) that this model can score, and its reason."""
    advice = _advice(work, ready)
    options = training.metric_options(ready.dataset.task, model)
    chosen = _kept().get(_metric_key(work))
    if chosen in options:
        reason = advice.reason if chosen == advice.metric else scoring.metric(chosen).when
        return chosen, reason
    framed = course.framing(work.dataset.name)
    if framed is not None and framed.metric in options and framed.metric != advice.metric:
        return framed.metric, "chosen in lesson 1 (Frame the problem)"
    if advice.metric in options:
        return advice.metric, advice.reason
    fallback = scoring.DEFAULT_METRIC[ready.dataset.task]
    return fallback, "the default for this task"


def train_step() -> None:
    """Pick a model, fit it on the training rows, compare it with the no-feature baseline."""
    st.markdown(sections("guided")["train"])
    found = _working_split()
    if found is None:
        return
    work, ready = found
    problem = training.estimator_kind(ready.dataset)
    options = [spec.key for spec in model_registry.models_for(problem)]
    key = _model_key(work)
    _restore(key, _model(work), options)
    pick, scores = st.columns([1, 2])
    with pick:
        st.selectbox(
            "Model",
            options,
            key=key,
            format_func=lambda k: training.MODELS[k].label,
            help="Every model has the same fit / predict shape; lesson 4 shows what happens inside.",
        )
        model = str(_keep(key))
        st.caption(
            f"Default settings; tune them in lesson 4 (Train live). Split: "
            f"{splits.STRATEGY_TITLES[ready.buckets.strategy].lower()}."
        )
    metric, _ = _metric(work, ready, model)
    result = _fit_and_record(work, ready, model, metric)
    if result is None:
        return
    baseline = lesson.guarded(
        lambda: _baseline(work.key(ready.split_choice), metric, work.dataset),
        what="score the baseline",
    )
    with scores:
        _scores(result, baseline, note="scored with the metric of step 5")
    st.session_state[_TRAINED] = (work.dataset.name, model)
    _mark("train")


def _fit_and_record(
    work: Working, ready: training.Prepared, model: str, metric: str
) -> training.FitResult | None:
    key = work.key(ready.split_choice)
    result = lesson.guarded(lambda: _fit(key, model, metric, work.dataset), what="train the model")
    if result is None:
        return None
    fingerprint = (*key, model, metric)
    recorded = st.session_state.setdefault(_RECORDED, set())
    if fingerprint not in recorded:
        recorded.add(fingerprint)
        course.record_run(
            RunRecord(
                page="guided",
                dataset=work.dataset.name,
                split=ready.buckets.strategy,
                model=model,
                params=dict(result.params),
                metrics={
                    f"train_{metric}": result.train_score,
                    f"validation_{metric}": result.validation_score,
                    "fit_seconds": round(result.fit_seconds, 4),
                },
                seed=work.seed,
                note="guided path",
            )
        )
    return result


def _scores(result: training.FitResult, baseline: float | None, *, note: str) -> None:
    label = scoring.metric(result.metric).name
    train_col, valid_col, base_col = st.columns(3)
    train_col.metric(f"Train {label}", f"{result.train_score:.4f}")
    valid_col.metric(f"Validation {label}", f"{result.validation_score:.4f}")
    if baseline is not None:
        base_col.metric(f"Baseline {label}", f"{baseline:.4f}", help="A model with no features.")
        verdict = (
            "beats"
            if scaffold.beats_baseline(result.metric, result.validation_score, baseline)
            else "does not beat"
        )
        lesson.takeaway(
            f"on {result.n_validation:,} validation rows the model {verdict} the no-feature "
            f"baseline ({result.validation_score:.4f} against {baseline:.4f}); train beats "
            f"validation by {result.gap:+.4f} (a large gap means memorised rows); {note}."
        )


# ---------------------------------------------------------------------------------------------
# Step 5: the metric
# ---------------------------------------------------------------------------------------------


def metric_step() -> None:
    """Pick the metric from the costs of errors; the final score is the model under it."""
    st.markdown(sections("guided")["metric"])
    found = _working_split()
    if found is None:
        return
    work, ready = found
    model = _model(work)
    advice = _advice(work, ready)
    options = training.metric_options(ready.dataset.task, model)
    suggested, suggested_reason = _metric(work, ready, model)
    key = _metric_key(work)
    _restore(key, suggested, options)

    def title(metric: str) -> str:
        tag = " (suggested)" if metric == advice.metric else ""
        return f"{scoring.metric(metric).name}{tag}"

    pick, why = st.columns([1, 2])
    with pick:
        st.radio("Metric", options, key=key, format_func=title)
        metric = str(_keep(key))
    if metric == suggested:
        reason = suggested_reason
    elif metric == advice.metric:
        reason = advice.reason
    else:
        reason = scoring.metric(metric).when
    with why:
        st.markdown(
            f"**Suggested: {scoring.metric(advice.metric).name}**, because "
            f"{escape_md(advice.reason)}."
        )
        st.markdown(f"**{scoring.metric(metric).name}**: {escape_md(scoring.metric(metric).when)}")
        st.caption(
            f"The audit recommends {work.audited.report.recommended_metric}: "
            f"{escape_md(work.audited.report.metric_reason)}"
        )
    result = _fit_and_record(work, ready, model, metric)
    baseline = lesson.guarded(
        lambda: _baseline(work.key(ready.split_choice), metric, work.dataset),
        what="score the baseline",
    )
    if result is None or baseline is None:
        return
    _scores(result, baseline, note="the validation score is the one the scaffold reproduces")
    st.session_state[_FINAL] = Final(
        work.key(ready.split_choice), model, metric, reason, result, baseline
    )
    current = course.framing(work.dataset.name) or FramingChoice(
        target=work.dataset.target, task=work.dataset.task
    )
    chosen = replace(
        current,
        metric=metric,
        baseline_name="no-feature baseline",
        baseline_score=baseline,
    )
    if chosen != current:
        course.set_framing(work.dataset.name, chosen)
    _mark("metric")


# ---------------------------------------------------------------------------------------------
# Step 6: export
# ---------------------------------------------------------------------------------------------


def export_step() -> None:
    """One download: spec, audit, decisions, script and notebook, and how to run them."""
    st.markdown(sections("guided")["export"])
    found = _working_split()
    if found is None:
        return
    work, ready = found
    final = st.session_state.get(_FINAL)
    if final is None or final.key != work.key(ready.split_choice):
        _blocked(
            "The final score is not settled for this data and split yet: pick the metric in "
            "step 5.",
            "metric",
        )
        return
    built = _scaffold(work, ready, final)
    label = scoring.metric(final.metric).name
    score, recap = st.columns([1, 2])
    score.metric(
        f"Final validation {label}",
        f"{final.result.validation_score:.4f}",
        delta=f"{final.result.validation_score - final.baseline:+.4f} against the baseline",
        delta_color="normal" if scoring.metric(final.metric).greater_is_better else "inverse",
    )
    with recap:
        _recap(work, ready, final)
    st.markdown("The script in the zip prints exactly this line:")
    st.code(scaffold.score_line(final.result), language="text")
    st.download_button(
        "Download the scaffold (.zip)",
        built.data,
        file_name=built.file_name,
        mime="application/zip",
        key="guided_download",
        type="primary",
        icon=":material/download:",
        on_click=_downloaded,
    )
    st.markdown("**In the zip:** " + ", ".join(code_name(f.split("/", 1)[1]) for f in built.files))
    if work.audited.csv_name and work.audited.csv_bytes is None:
        st.caption(
            f"Your CSV is not in the zip (too large, or uploaded on another page): the README "
            f"says to copy {code_name(work.audited.csv_name)} next to the script."
        )


def _recap(work: Working, ready: training.Prepared, final: Final) -> None:
    """Every decision of the path, with its reason, as it goes into the zip."""
    dataset = work.dataset
    choice = course.framing(dataset.name)
    dropped = ", ".join(code_name(c) for c in work.audited.dropped) or "none"
    lines = [
        f"- **Decision:** {escape_md(choice.decision) if choice and choice.decision else '_not written yet_'}",
        f"- **Target:** {code_name(dataset.target)} ({framing.TASK_NAMES[dataset.task]})",
        f"- **Leak columns kept out:** {dropped}",
        f"- **Split:** {splits.STRATEGY_TITLES[ready.buckets.strategy].lower()}, "
        f"{escape_md(split_reason(ready))}",
        f"- **Model:** {training.MODELS[final.model].label}",
        f"- **Metric:** {scoring.metric(final.metric).name}, {escape_md(final.metric_reason)}",
    ]
    st.markdown("\n".join(lines))


def _scaffold(work: Working, ready: training.Prepared, final: Final) -> scaffold.Scaffold:
    choice = course.framing(work.dataset.name)
    decisions = scaffold.Decisions(
        decision=choice.decision if choice else "",
        dropped_columns=work.audited.dropped,
        split_reason=split_reason(ready),
        model=final.model,
        metric=final.metric,
        metric_reason=final.metric_reason,
        seed=work.seed,
    )
    costs = (
        framing.Costs(
            choice.cost_false_positive,
            choice.cost_false_negative,
            choice.cost_under,
            choice.cost_over,
        )
        if choice
        else None
    )
    return scaffold.build_zip(
        decisions,
        ready,
        work.audited.report,
        final.result,
        final.baseline,
        costs=costs,
        framing_choice=choice,
        csv_bytes=work.audited.csv_bytes,
        csv_name=work.audited.csv_name,
        builtin_dropped=work.audited.extra_dropped if work.dataset.name in BUILTIN_NAMES else (),
    )


def _downloaded() -> None:
    _mark("export")
    progress.mark("guided", "scaffold_downloaded")


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
