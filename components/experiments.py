"""The experiment log page's building blocks: workspace, a quick run, table, compare, chart, export.

Owns the ``experiments_*`` session_state keys (the store's scope keys live in
``components.experiments_store``). The runs themselves are read and written only through
``components.course``, like every other page does.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from components import course, data, experiments_store, progress, sidebar
from components.charts import experiments as charts
from components.lesson import demo_controls, takeaway
from components.text import code_name, escape_md
from lessons import experiments, splits, store
from lessons.choices import SplitChoice
from lessons.datasets import BUILTIN_NAMES, Dataset
from lessons.errors import DataError
from lessons.features import labelled_frame
from lessons.uncertainty import Comparison

WORKSPACE_NAME_KEY = "experiments_workspace_name"
BRING_KEY = "experiments_bring_runs"
MODEL_KEY = "experiments_model"
PARAM_KEY = "experiments_param"
NEW_NOTE_KEY = "experiments_new_note"
RUN_A_KEY = "experiments_run_a"
RUN_B_KEY = "experiments_run_b"
METRIC_KEY = "experiments_metric"
NOTE_RUN_KEY = "experiments_note_run"
NOTE_TEXT_KEY = "experiments_note_text"
FILTER_DATASET_KEY = "experiments_filter_dataset"
FILTER_MODEL_KEY = "experiments_filter_model"
HONEST_ONLY_KEY = "experiments_honest_only"
MESSAGE_KEY = "experiments_message"
CHART_DATASET_KEY = "experiments_chart_dataset"


# --------------------------------------------------------------------------------------------
# Workspace
# --------------------------------------------------------------------------------------------


def _open_workspace() -> None:
    name = st.session_state.get(WORKSPACE_NAME_KEY, "")
    try:
        target = store.workspace_scope(name)
    except DataError as error:
        st.session_state[MESSAGE_KEY] = ("error", str(error))
        return
    current = experiments_store.scope()
    moved = 0
    if current.startswith("session:") and st.session_state.get(BRING_KEY, True):
        moved = experiments_store.store().move(current, target)
    experiments_store.set_scope(target)
    st.query_params[experiments_store.WORKSPACE_PARAM] = target.partition(":")[2]
    st.session_state[MESSAGE_KEY] = (
        "success",
        f"Opened {store.scope_label(target)}"
        + (f"; brought this session's {moved} runs along." if moved else "."),
    )


def _leave_workspace() -> None:
    experiments_store.set_scope(store.new_session_scope())
    if experiments_store.WORKSPACE_PARAM in st.query_params:
        del st.query_params[experiments_store.WORKSPACE_PARAM]
    st.session_state[MESSAGE_KEY] = ("success", "Back to a private log for this session.")


def workspace_panel(intro: str) -> None:
    """Where the runs are kept, and the controls to name or leave a workspace."""
    scope = experiments_store.scope()
    if scope.startswith("workspace:"):
        # Keep the link reproducing the view after a page switch dropped the parameter.
        st.query_params[experiments_store.WORKSPACE_PARAM] = scope.partition(":")[2]
    with st.expander(
        f"Where your runs live: {store.scope_label(scope)}",
        icon=":material/folder_shared:",
        expanded=False,
    ):
        st.markdown(intro)
        name_column, button_column = st.columns([3, 2], vertical_alignment="bottom")
        name_column.text_input(
            "Workspace name",
            key=WORKSPACE_NAME_KEY,
            placeholder="e.g. ada-churn-week1",
            max_chars=40,
        )
        button_column.button(
            "Open workspace",
            key="experiments_open_workspace",
            on_click=_open_workspace,
            icon=":material/folder_open:",
            width="stretch",
        )
        if scope.startswith("session:"):
            st.checkbox("Bring this session's runs into the workspace", True, key=BRING_KEY)
        else:
            st.button(
                "Leave the workspace (start a private log)",
                key="experiments_leave_workspace",
                on_click=_leave_workspace,
            )
        st.caption(store.mlflow_status()[1])
    if message := st.session_state.pop(MESSAGE_KEY, None):
        kind, text = message
        (st.error if kind == "error" else st.success)(escape_md(text))
    if problem := experiments_store.problem():
        st.warning(escape_md(problem), icon=":material/warning:")


# --------------------------------------------------------------------------------------------
# A quick run on this page
# --------------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _builtin_run(
    name: str, seed: int, choice: SplitChoice, model: str, params: tuple
) -> tuple[str, dict]:
    dataset = data.builtin(name, seed)
    return _fit(dataset, seed, choice, model, dict(params))


@st.cache_data(show_spinner=False, max_entries=64)
def _upload_run(
    name: str, seed: int, choice: SplitChoice, model: str, params: tuple, _dataset: Dataset
) -> tuple[str, dict]:
    return _fit(_dataset, seed, choice, model, dict(params))


def _fit(
    dataset: Dataset, seed: int, choice: SplitChoice, model: str, params: dict
) -> tuple[str, dict]:
    frame = labelled_frame(dataset)
    labelled = dataset if len(frame) == dataset.n_rows else _with_frame(dataset, frame)
    buckets = splits.make_buckets(labelled, choice, random_state=seed)
    return buckets.strategy, experiments.quick_run(
        labelled, buckets, model, params, random_state=seed
    )


def _with_frame(dataset: Dataset, frame: pd.DataFrame) -> Dataset:
    return replace(dataset, frame=frame.reset_index(drop=True))


def _model_param_options(model: str, task: str) -> tuple[str, tuple]:
    name, options = experiments.MODEL_PARAM[model]
    if model == "baseline":
        return name, ("prior",) if task in ("binary", "multiclass") else ("mean",)
    return name, options


def quick_experiment(dataset: Dataset, seed: int, intro: str) -> None:
    """Train one run on the active dataset and record it, so the loop can start here."""
    st.markdown(intro)
    with demo_controls("Change one thing, run, compare"):
        model_column, param_column, note_column = st.columns([2, 2, 3])
        model = model_column.selectbox(
            "Model",
            list(experiments.MODEL_PARAM),
            index=2,
            format_func=experiments.MODEL_TITLES.get,
            key=MODEL_KEY,
        )
        param_name, options = _model_param_options(model, dataset.task)
        default = options[len(options) // 2]
        if st.session_state.get(PARAM_KEY) not in options:
            st.session_state[PARAM_KEY] = default
        param_column.select_slider(
            f"{param_name}", options=list(options), key=PARAM_KEY, disabled=len(options) == 1
        )
        note_column.text_input(
            "Note (why this run?)", key=NEW_NOTE_KEY, placeholder="e.g. deeper trees"
        )
        st.button(
            "Train and log this run",
            key="experiments_run",
            type="primary",
            icon=":material/play_arrow:",
            on_click=_train_and_log,
            args=(dataset, seed, param_name),
        )


def _train_and_log(dataset: Dataset, seed: int, param_name: str) -> None:
    # A callback, so the run is logged before the page draws the log below.
    model = st.session_state[MODEL_KEY]
    params = {param_name: st.session_state[PARAM_KEY]}
    choice = course.split_choice(dataset.name)
    key = tuple(sorted(params.items()))
    try:
        if dataset.name in BUILTIN_NAMES:
            strategy, metrics = _builtin_run(dataset.name, seed, choice, model, key)
        else:
            strategy, metrics = _upload_run(dataset.cache_key, seed, choice, model, key, dataset)
    except DataError as error:
        st.session_state[MESSAGE_KEY] = ("error", f"Could not train this run: {error}")
        return
    course.record_run(
        store.RunRecord(
            page="experiments",
            dataset=dataset.name,
            split=strategy,
            model=model,
            params=params,
            metrics=metrics,
            seed=seed,
            note=st.session_state.get(NEW_NOTE_KEY, "").strip(),
        )
    )
    st.session_state[MESSAGE_KEY] = ("success", f"Run logged: {_summary(model, params, metrics)}.")
    # The comparison moves to the newest run against the one before it.
    count = len(course.runs())
    st.session_state[RUN_A_KEY] = max(count - 1, 1)
    st.session_state[RUN_B_KEY] = count


def _summary(model: str, params: dict, metrics: dict) -> str:
    shown = ", ".join(
        f"{k.removeprefix('validation_')} {v:.3f}"
        + (
            f" ± {metrics[k + experiments.NOISE_SUFFIX]:.3f}"
            if k + experiments.NOISE_SUFFIX in metrics
            else ""
        )
        for k, v in metrics.items()
        if not experiments.is_noise(k)
    )
    setting = ", ".join(f"{k}={v}" for k, v in params.items())
    return f"{model} ({setting}): {shown}"


# --------------------------------------------------------------------------------------------
# Table, notes, comparison, chart, exports
# --------------------------------------------------------------------------------------------


def _run_label(records: list[store.RunRecord], number: int) -> str:
    record = records[number - 1]
    params = ", ".join(f"{k}={v}" for k, v in sorted(record.params.items()))
    return f"#{number} {record.model}" + (f" ({params})" if params else "") + f" · {record.dataset}"


def run_table(records: list[store.RunRecord], intro: str) -> list[int]:
    """The filterable, sortable table; returns the run numbers left after filtering."""
    st.markdown(intro)
    frame = pd.DataFrame(experiments.table_rows(records))
    data_column, model_column, honest_column = st.columns([3, 3, 2], vertical_alignment="bottom")
    chosen_datasets = data_column.multiselect(
        "Show runs on",
        sorted(frame["dataset"].unique()),
        key=FILTER_DATASET_KEY,
        placeholder="all data",
    )
    chosen_models = model_column.multiselect(
        "Show models",
        sorted(frame["model"].unique()),
        key=FILTER_MODEL_KEY,
        placeholder="all models",
    )
    honest_only = honest_column.toggle("Honest runs only", key=HONEST_ONLY_KEY)
    keep = pd.Series(True, index=frame.index)
    if chosen_datasets:
        keep &= frame["dataset"].isin(chosen_datasets)
    if chosen_models:
        keep &= frame["model"].isin(chosen_models)
    if honest_only:
        keep &= frame["leaks"] == "none"
    shown = frame[keep]
    metric_columns = experiments.metric_names(records)
    st.dataframe(
        shown,
        hide_index=True,
        key="experiments_table",
        column_config={
            "run": st.column_config.NumberColumn("Run", width="small"),
            "note": st.column_config.TextColumn("Note", width="medium"),
            **{name: st.column_config.NumberColumn(name, format="%.4f") for name in metric_columns},
        },
    )
    st.caption(f"{len(shown)} of {len(frame)} runs shown.")
    return shown["run"].astype(int).tolist()


def _save_note(records: list[store.RunRecord]) -> None:
    number = st.session_state[NOTE_RUN_KEY]
    record = records[number - 1]
    if record.run_id is None:
        return
    experiments_store.store().set_note(
        experiments_store.scope(), record.run_id, st.session_state.get(NOTE_TEXT_KEY, "")
    )
    st.session_state[MESSAGE_KEY] = ("success", f"Note saved on run #{number}.")


def note_editor(records: list[store.RunRecord]) -> None:
    """Edit the note of one run: what you learned belongs next to the number."""
    numbers = list(range(1, len(records) + 1))
    with st.popover("Edit a note", icon=":material/edit_note:"):
        number = st.selectbox(
            "Run",
            numbers,
            index=len(numbers) - 1,
            format_func=lambda n: _run_label(records, n),
            key=NOTE_RUN_KEY,
        )
        current = records[number - 1].note
        if st.session_state.get("experiments_note_for") != number:
            st.session_state[NOTE_TEXT_KEY] = current
            st.session_state["experiments_note_for"] = number
        st.text_area("What did this run teach you?", key=NOTE_TEXT_KEY, max_chars=2000)
        st.button("Save note", key="experiments_note_save", on_click=_save_note, args=(records,))


def comparison(records: list[store.RunRecord], intro: str) -> None:
    """Pick two runs; list what changed and how each shared metric moved."""
    st.markdown(intro)
    numbers = list(range(1, len(records) + 1))
    a_column, b_column = st.columns(2)
    # Open on the newest run against the one before it, and keep the learner's picks.
    if st.session_state.get(RUN_A_KEY) not in numbers:
        st.session_state[RUN_A_KEY] = max(len(numbers) - 1, 1)
    if st.session_state.get(RUN_B_KEY) not in numbers:
        st.session_state[RUN_B_KEY] = len(numbers)
    a = a_column.selectbox(
        "Run A (before)",
        numbers,
        format_func=lambda n: _run_label(records, n),
        key=RUN_A_KEY,
    )
    b = b_column.selectbox(
        "Run B (after)",
        numbers,
        format_func=lambda n: _run_label(records, n),
        key=RUN_B_KEY,
    )
    if a == b:
        st.info("Pick two different runs to see what changed.", icon=":material/compare_arrows:")
        return
    result = experiments.compare(records[a - 1], records[b - 1])
    progress.mark("experiments", "runs_compared")
    if result.changes:
        st.dataframe(
            pd.DataFrame(
                [(c.what, c.before, c.after) for c in result.changes],
                columns=["what changed", f"run #{a}", f"run #{b}"],
            ),
            hide_index=True,
            key="experiments_changes",
        )
    else:
        st.markdown("Nothing differs in the data, split, model, parameters, leaks or seed.")
    if result.moves:
        columns = st.columns(min(len(result.moves), 4))
        for column, move in zip(columns * 2, result.moves, strict=False):
            column.metric(
                move.metric,
                f"{move.after:.4g}",
                f"{move.delta:+.4g}",
                delta_color="off"
                if move.within_noise
                else "inverse"
                if move.lower_is_better
                else "normal",
                help=move.verdict(),
            )
    else:
        st.markdown("The two runs share no metric, so their scores cannot be compared.")
    paired = _paired(records[a - 1], records[b - 1], result, (f"run #{b}", f"run #{a}"))
    if paired is not None:
        st.caption(
            f"Paired on the same validation rows (both runs refitted, 500 resamples): "
            f"{paired.text()}"
        )
    takeaway(_comparison_takeaway(a, b, result, paired))


def _paired(
    before: store.RunRecord,
    after: store.RunRecord,
    result: experiments.RunComparison,
    names: tuple[str, str],
) -> Comparison | None:
    """Both runs refitted and compared row by row, when this page can reproduce them.

    That needs two quick runs of this page on the active data, seed and split: then they
    were scored on the very same validation rows.
    """
    dataset, seed = active()
    choice = course.split_choice(dataset.name)
    same_rows = (
        all(
            r.page == "experiments"
            and r.dataset == dataset.name
            and r.seed == seed
            and r.model in experiments.MODEL_PARAM
            for r in (before, after)
        )
        and before.split == after.split
    )
    if not same_rows or not result.moves:
        return None
    headline = min((m.metric for m in result.moves), key=experiments.headline_rank)
    recipes = tuple((r.model, tuple(sorted(r.params.items()))) for r in (before, after))
    try:
        with st.spinner("Refitting both runs to compare them on the same rows…"):
            if dataset.name in BUILTIN_NAMES:
                return _builtin_paired(dataset.name, seed, choice, *recipes, headline, names)
            return _upload_paired(
                dataset.cache_key, seed, choice, *recipes, headline, names, dataset
            )
    except DataError:
        return None


@st.cache_data(show_spinner=False, max_entries=128)
def _builtin_paired(
    name: str,
    seed: int,
    choice: SplitChoice,
    before: tuple,
    after: tuple,
    metric: str,
    names: tuple[str, str],
) -> Comparison:
    return _paired_fit(data.builtin(name, seed), seed, choice, before, after, metric, names)


@st.cache_data(show_spinner=False, max_entries=64)
def _upload_paired(
    key: tuple,
    seed: int,
    choice: SplitChoice,
    before: tuple,
    after: tuple,
    metric: str,
    names: tuple[str, str],
    _dataset: Dataset,
) -> Comparison:
    return _paired_fit(_dataset, seed, choice, before, after, metric, names)


def _paired_fit(
    dataset: Dataset,
    seed: int,
    choice: SplitChoice,
    before: tuple,
    after: tuple,
    metric: str,
    names: tuple[str, str],
) -> Comparison:
    frame = labelled_frame(dataset)
    labelled = dataset if len(frame) == dataset.n_rows else _with_frame(dataset, frame)
    buckets = splits.make_buckets(labelled, choice, random_state=seed)
    return experiments.paired_runs(
        labelled,
        buckets,
        (before[0], dict(before[1])),
        (after[0], dict(after[1])),
        metric,
        names=names,
        random_state=seed,
    )


def _comparison_takeaway(
    a: int, b: int, result: experiments.RunComparison, paired: Comparison | None = None
) -> str:
    moves = sorted(result.moves, key=lambda m: experiments.headline_rank(m.metric))[:2]
    moved = ", ".join(f"{escape_md(m.metric)} {m.verdict()}" for m in moves)
    if paired is not None:
        verdict = (
            "no real difference on the same rows"
            if paired.better is None
            else f"{paired.better} is better by more than the noise on the same rows"
        )
        moved = f"{moved}; paired: {verdict}" if moved else verdict
    if not result.changes:
        return f"runs #{a} and #{b} are the same recipe; any gap ({moved or 'none'}) is noise."
    if result.changed_one_thing:
        change = result.changes[0]
        return (
            f"one thing changed ({escape_md(change.what)}: {escape_md(change.before)} → "
            f"{escape_md(change.after)}), so it explains the move, if the move is more than "
            f"noise: {moved or 'no shared metric'}."
        )
    return (
        f"{len(result.changes)} things changed between run #{a} and run #{b}, so the move "
        f"({moved or 'no shared metric'}) cannot be pinned on one of them."
    )


def score_chart(records: list[store.RunRecord], shown: list[int], intro: str) -> None:
    """The chosen metric over runs of one dataset, with the best so far, and a takeaway."""
    on_data = list(dict.fromkeys(records[n - 1].dataset for n in shown))
    if len(on_data) > 1:
        # Scores on different data are not comparable: chart one dataset, the active one first.
        active = sidebar.active_name()
        if st.session_state.get(CHART_DATASET_KEY) not in on_data:
            st.session_state[CHART_DATASET_KEY] = active if active in on_data else on_data[-1]
        chosen = st.selectbox(
            "Chart the runs on",
            on_data,
            key=CHART_DATASET_KEY,
            help="A score on one dataset says nothing about a score on another, so the chart "
            "shows one dataset at a time.",
        )
        shown = [n for n in shown if records[n - 1].dataset == chosen]
    names = experiments.metric_names([records[n - 1] for n in shown])
    if not names:
        st.info("The runs shown record no numeric metric to chart.", icon=":material/info:")
        return
    metric = st.selectbox("Metric to chart", names, key=METRIC_KEY)
    numbers = [n for n in shown if metric in records[n - 1].metrics]
    values = [float(records[n - 1].metrics[metric]) for n in numbers]
    lower = experiments.lower_is_better(metric)
    best = experiments.best_so_far(values, lower_is_better=lower)
    chart_column, text_column = st.columns([3, 1])
    chart_column.plotly_chart(
        charts.score_over_runs(
            numbers,
            values,
            [records[n - 1].honest for n in numbers],
            best,
            metric=metric,
            lower_is_better=lower,
        ),
        key="experiments_score_chart",
    )
    with text_column:
        st.markdown(intro)
        best_index = values.index(best[-1])
        top = records[numbers[best_index] - 1]
        leaky_best = not top.honest
        takeaway(
            f"best {code_name(metric)} is {best[-1]:.4g} at run #{numbers[best_index]} of "
            f"{len(numbers)}"
            + _within_noise_of_best(records, numbers, metric, top)
            + (" — but that run had a leak on, so its score is not honest." if leaky_best else ".")
        )


def _within_noise_of_best(
    records: list[store.RunRecord], numbers: list[int], metric: str, top: store.RunRecord
) -> str:
    """Which other runs the best one does not beat by more than the recorded noise."""
    if experiments.noise_of(top, metric) is None:
        return " (no noise recorded for it, so the runs just below may be as good)"
    close, unknown = [], 0
    for n in numbers:
        if records[n - 1] is top:
            continue
        moves = [m for m in experiments.compare(records[n - 1], top).moves if m.metric == metric]
        if not moves or moves[0].noise is None:
            unknown += 1
        elif moves[0].within_noise:
            close.append(n)
    if close:
        shown = ", ".join(f"#{n}" for n in close[:5]) + ("…" if len(close) > 5 else "")
        return f"; runs {shown} are within the noise of it: no real difference"
    if unknown:
        return f", beyond the noise of every run that recorded it ({unknown} did not)"
    return ", ahead of every other run by more than the noise"


def exports(records: list[store.RunRecord], intro: str) -> None:
    """Download the log as a Markdown lab notebook and as CSV."""
    st.markdown(intro)
    md_column, csv_column = st.columns(2)
    md_column.download_button(
        "Download the lab notebook (Markdown)",
        experiments.to_markdown(records),
        file_name="ml-spine-lab-notebook.md",
        mime="text/markdown",
        key="experiments_download_md",
        icon=":material/description:",
        on_click="ignore",
    )
    csv_column.download_button(
        "Download the runs (CSV)",
        experiments.to_csv(records),
        file_name="ml-spine-runs.csv",
        mime="text/csv",
        key="experiments_download_csv",
        icon=":material/table:",
        on_click="ignore",
    )


def log_view(text: dict[str, str]) -> None:
    """Everything below the quick run: table, notes, comparison, chart and exports."""
    records = course.runs()
    if not records:
        st.info(
            "No runs yet in this log. Train one above, or on any lesson page that trains a "
            "model; it appears here.",
            icon=":material/science:",
        )
        return
    st.subheader(f"The log: {len(records)} run{'' if len(records) == 1 else 's'}")
    shown = run_table(records, text["table"])
    note_editor(records)
    st.subheader("Compare two runs")
    comparison(records, text["compare"])
    st.subheader("The score over runs")
    score_chart(records, shown or list(range(1, len(records) + 1)), text["chart"])
    st.subheader("Take it with you")
    exports(records, text["export"])


def active() -> tuple[Dataset, int]:
    return sidebar.active_dataset(), sidebar.active_seed()
