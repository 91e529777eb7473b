"""Step 3 of the guided path: the split, and the strips that show it."""

from __future__ import annotations

import streamlit as st

from components import course, lesson
from components.charts import splits as split_charts
from components.guided.shared import _prepare, working
from components.guided.state import _CHART_CONFIG, _keep, _mark, _restore
from components.text import escape_md
from lessons import splits, training
from lessons.choices import SplitChoice
from lessons.content import sections

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
    course.set_split_choice(dataset, SplitChoice(strategy), work.seed)
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
        splits.STRATEGY_TITLES[buckets.strategy]: (
            buckets.train,
            buckets.validation,
            buckets.test,
            buckets.gap,
        )
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
            + (
                f" {len(buckets.gap):,} rows ({len(buckets.gap) / n:.0%}) sit in the gap: their "
                "labels arrive after the next cut, so no bucket may use them."
                if len(buckets.gap)
                else ""
            )
        )
        guarantees = splits.check_guarantees(
            dataset, buckets.train, buckets.validation, buckets.test
        )
        for guarantee in guarantees:
            icon = {True: ":green[:material/check_circle:]", False: ":red[:material/cancel:]"}.get(
                guarantee.holds, ":gray[:material/remove:]"
            )
            st.markdown(f"{icon} **{guarantee.name}**: {escape_md(guarantee.detail)}")
