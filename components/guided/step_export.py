"""Step 6 of the guided path: the recap and the exported scaffold."""

from __future__ import annotations

import streamlit as st

from components import course, final_evaluation, progress
from components.guided.nav import _blocked
from components.guided.shared import Working, _working_split
from components.guided.state import _FINAL, Final, _mark
from components.guided.step_split import split_reason
from components.text import code_name, escape_md
from lessons import codegen, framing, scaffold, scoring, splits, training
from lessons.content import sections
from lessons.datasets import BUILTIN_NAMES

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
    st.divider()
    opened = final_evaluation.section(
        ready, final.model, dict(final.result.params), final.metric, seed=work.seed, where="guided"
    )
    if opened is not None:
        st.markdown("The script in the zip ends with the same final evaluation and prints:")
        st.code(codegen.final_score_lines(opened), language="text")


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
