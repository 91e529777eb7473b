"""Lesson 5 experiments: rare positives, outliers, near-zero actuals, ranking and quantile
forecasts. Each one is a fragment, so moving its slider reruns only that experiment.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from components import metrics, page
from components.charts import metrics as charts
from components.lesson import demo_controls, guarded, reveal, takeaway
from components.metrics import CHART_CONFIG, Context, fmt, mirror
from components.text import code_name
from lessons import metrics as lm
from lessons import scoring
from lessons.choices import SplitChoice
from lessons.content import sections


@st.cache_data(show_spinner=False, max_entries=1)
def _imbalance() -> pd.DataFrame:
    return lm.imbalance_sweep()


@st.cache_data(show_spinner=False, max_entries=16)
def _outliers(seed: int) -> pd.DataFrame:
    return lm.outlier_sweep(random_state=seed)


@st.cache_data(show_spinner=False, max_entries=16)
def _near_zero(seed: int) -> pd.DataFrame:
    return lm.near_zero_sweep(random_state=seed)


@st.cache_data(show_spinner=False, max_entries=32)
def _blend(
    key: tuple,
    seed: int,
    split: SplitChoice,
    k: int,
    min_relevance: int,
    _held_out: lm.HeldOutPredictions,
) -> pd.DataFrame:
    return lm.ranking_blend_sweep(
        _held_out.y_true,
        _held_out.main.prediction,
        _held_out.groups,
        k=k,
        min_relevance=min_relevance,
        random_state=seed,
    )


def _value(sweep: pd.DataFrame, model: str, metric: str, prevalence: float) -> float:
    rows = sweep[
        (sweep["model"] == model)
        & (sweep["metric"] == metric)
        & (sweep["prevalence"] == prevalence)
    ]
    return float(rows["value"].iloc[0])


@page.fragment("imbalance")
def imbalance(dataset_share: float | None) -> None:
    """Always predicting the majority, and a real model, as positives get rarer."""
    st.markdown(sections("metrics")["imbalance"])
    sweep = _imbalance()
    st.session_state.setdefault(metrics.IMBALANCE_KEY, lm.IMBALANCE_LEVELS[0])
    with demo_controls("Make the positives rarer"):
        prevalence = st.select_slider(
            "Share of positives",
            lm.IMBALANCE_LEVELS,
            key=metrics.IMBALANCE_KEY,
            format_func=lambda p: f"{p:.1%}",
        )
    mirror("imbalance", float(prevalence))
    if dataset_share is not None:
        st.caption(f"The active dataset has {dataset_share:.1%} positives.")
    st.plotly_chart(
        metrics.figure(
            "imbalance", (prevalence,), lambda: charts.imbalance_figure(sweep, prevalence)
        ),
        config=CHART_CONFIG,
        key="metrics_imbalance_chart",
    )
    majority, real = "always the majority", "real model"
    table = (
        sweep[sweep["prevalence"] == prevalence]
        .pivot(index="metric", columns="model", values="value")
        .rename(index={key: scoring.REGISTRY[key].name for key in scoring.REGISTRY})
    )
    st.table(table.map(fmt))
    if not reveal("metrics_imbalance", "What accuracy does 'always no' reach? Guess, then reveal."):
        return
    if prevalence == lm.IMBALANCE_LEVELS[0]:
        takeaway(
            f"At {prevalence:.0%} positives, always answering no scores "
            f"{_value(sweep, majority, 'accuracy', prevalence):.0%} accuracy, a coin toss that "
            f"looks like one; the real model reaches ROC AUC "
            f"{_value(sweep, real, 'roc_auc', prevalence):.2f} and PR AUC "
            f"{_value(sweep, real, 'pr_auc', prevalence):.2f}. Now make positives rarer."
        )
        return
    takeaway(
        f"At {prevalence:.1%} positives, always predicting the majority scores "
        f"{_value(sweep, majority, 'accuracy', prevalence):.1%} accuracy with "
        f"{_value(sweep, majority, 'recall', prevalence):.0%} recall and PR AUC "
        f"{_value(sweep, majority, 'pr_auc', prevalence):.3f}; the real model keeps ROC AUC "
        f"{_value(sweep, real, 'roc_auc', prevalence):.2f}, but its PR AUC is "
        f"{_value(sweep, real, 'pr_auc', prevalence):.3f} (it was "
        f"{_value(sweep, real, 'pr_auc', lm.IMBALANCE_LEVELS[0]):.3f} at "
        f"{lm.IMBALANCE_LEVELS[0]:.0%})."
    )


@page.fragment("outliers")
def outliers(seed: int) -> None:
    """RMSE against MAE as a share of actuals is corrupted."""
    st.markdown(sections("metrics")["outliers"])
    sweep = _outliers(seed)
    st.session_state.setdefault(metrics.OUTLIERS_KEY, 0.05)
    with demo_controls("Corrupt some actuals"):
        share = st.select_slider(
            "Share of corrupted actuals",
            lm.OUTLIER_SHARES,
            key=metrics.OUTLIERS_KEY,
            format_func=lambda s: f"{s:.0%}",
        )
    mirror("outliers", float(share))
    st.plotly_chart(
        metrics.figure("outliers", (seed, share), lambda: charts.outlier_figure(sweep, share)),
        config=CHART_CONFIG,
        key="metrics_outliers_chart",
    )
    clean = sweep.iloc[0]
    now = sweep[sweep["share"] == share].iloc[0]
    takeaway(
        f"With {share:.0%} of actuals corrupted, RMSE went from {clean['rmse']:.2f} to "
        f"{now['rmse']:.2f} (×{now['rmse'] / clean['rmse']:.1f}) and MAE from "
        f"{clean['mae']:.2f} to {now['mae']:.2f} (×{now['mae'] / clean['mae']:.1f}); "
        "the predictions did not change."
    )


@page.fragment("near zero")
def near_zero(seed: int) -> None:
    """MAPE blowing up as actuals approach zero, with the same absolute errors."""
    st.markdown(sections("metrics")["near_zero"])
    sweep = _near_zero(seed)
    st.session_state.setdefault(metrics.LEVEL_KEY, 10.0)
    with demo_controls("Bring the actuals towards zero"):
        level = st.select_slider(
            "Typical actual value (the series' level)",
            lm.NEAR_ZERO_LEVELS,
            key=metrics.LEVEL_KEY,
            format_func=lambda v: f"{v:g}",
        )
    mirror("level", float(level))
    st.plotly_chart(
        metrics.figure("near_zero", (seed, level), lambda: charts.near_zero_figure(sweep, level)),
        config=CHART_CONFIG,
        key="metrics_near_zero_chart",
    )
    top = sweep.iloc[0]
    now = sweep[sweep["level"] == level].iloc[0]
    takeaway(
        f"At level {level:g}, MAPE is {now['mape']:.0%} and sMAPE {now['smape']:.0%}, against "
        f"{top['mape']:.1%} and {top['smape']:.1%} at level {top['level']:g}, yet MAE is "
        f"{now['mae']:.2f} at both: the forecast is exactly as good."
    )


@page.fragment("ranking")
def ranking(ctx: Context) -> None:
    """Blend the model's order with a random one; the ranking metrics fall differently."""
    st.markdown(sections("metrics")["ranking"])
    held_out = ctx.held_out
    if held_out is None or held_out.problem != "ranking" or held_out.groups is None:
        st.info(
            f"{code_name(ctx.dataset.name)} is not a ranking problem (no query groups with "
            "relevance grades). Switch the sidebar to **Search ranking** to try this one.",
            icon=":material/info:",
        )
        return
    k = int(st.session_state[metrics.TOP_K_KEY])
    min_relevance = int(st.session_state[metrics.RELEVANT_KEY])
    st.caption(f"k = {k} and relevance from grade {min_relevance}, as set in the table above.")
    with demo_controls("Degrade the order"):
        st.session_state.setdefault(metrics.BLEND_KEY, 0.5)
        weight = st.select_slider(
            "Weight of a random order mixed into the model's",
            lm.BLEND_WEIGHTS,
            key=metrics.BLEND_KEY,
            format_func=lambda w: f"{w:.0%}",
        )
    mirror("blend", float(weight))
    sweep = guarded(
        lambda: _blend(ctx.cache_key, ctx.seed, ctx.split, k, min_relevance, held_out),
        what="score the blended orders",
    )
    if sweep is None:
        return
    st.plotly_chart(
        charts.ranking_blend_figure(sweep, weight), config=CHART_CONFIG, key="metrics_blend_chart"
    )
    start = sweep[sweep["weight"] == 0].set_index("metric")
    now = sweep[sweep["weight"] == weight].set_index("metric")
    drop = (start["value"] - now["value"]) / start["value"].replace(0, np.nan)
    labels = start["label"]
    takeaway(
        f"Mixing in {weight:.0%} random order, "
        + ", ".join(f"{labels[key]} lost {drop[key]:.0%}" for key in drop.index)
        + f": {labels[drop.idxmax()]} is the most sensitive, {labels[drop.idxmin()]} the least."
    )
    _one_query(held_out, weight, k, ctx.seed)


def _one_query(held_out: lm.HeldOutPredictions, weight: float, k: int, seed: int) -> None:
    blended = lm.blend_scores(held_out.main.prediction, held_out.groups, weight, random_state=seed)
    first = held_out.groups[0]
    rows = np.flatnonzero(held_out.groups == first)
    order = rows[np.lexsort((held_out.y_true[rows], -blended[rows]))][:k]
    st.caption(f"The top {k} of the first validation query, {code_name(first)}, in blended order:")
    st.dataframe(
        pd.DataFrame(
            {
                "position": np.arange(1, len(order) + 1),
                "relevance grade": held_out.y_true[order].astype(int),
                "model score": np.round(held_out.main.prediction[order], 3),
            }
        ),
        hide_index=True,
        key="metrics_one_query",
    )


@page.fragment("forecasting")
def forecasting(ctx: Context) -> None:
    """Quantile forecasts of the active series, and each quantile's pinball loss."""
    st.markdown(sections("metrics")["forecasting"])
    held_out = ctx.held_out
    if held_out is None or held_out.problem != "forecasting" or held_out.times is None:
        st.info(
            f"{code_name(ctx.dataset.name)} is not a forecasting problem with a time column. "
            "Switch the sidebar to "
            "**Store demand** or **Tech stocks** for quantile forecasts; the near-zero "
            "experiment below works with any dataset.",
            icon=":material/info:",
        )
        return
    quantiles = sorted(st.session_state.get(metrics.QUANTILES_KEY) or metrics.DEFAULT_QUANTILES)
    forecasts = metrics.quantile_forecasts(ctx, quantiles)
    losses = pd.DataFrame(
        {
            f"pinball at q={alpha:g}": [
                scoring.REGISTRY["pinball"].function(held_out.y_true, forecasts[q], alpha=alpha)
                for q in quantiles
            ]
            for alpha in quantiles
        },
        index=[f"forecast q={q:g}" for q in quantiles],
    )
    losses["share of actuals below"] = [
        float(np.mean(held_out.y_true < forecasts[q])) for q in quantiles
    ]
    series = _series_picker(held_out)
    rows = (
        np.flatnonzero(held_out.groups == series)
        if series is not None
        else np.arange(len(held_out.y_true))
    )
    rows = rows[np.argsort(held_out.times[rows], kind="stable")]
    st.plotly_chart(
        charts.quantile_figure(
            held_out.times[rows],
            held_out.y_true[rows],
            {q: f[rows] for q, f in forecasts.items()},
            held_out.main.prediction[rows],
            "all rows" if series is None else str(series),
        ),
        config=CHART_CONFIG,
        key="metrics_quantiles_chart",
    )
    best = [losses[column].idxmin() for column in losses.columns[:-1]]
    own = sum(b == f"forecast q={q:g}" for b, q in zip(best, quantiles, strict=True))
    st.table(
        losses.style.format("{:.3f}").highlight_min(
            subset=list(losses.columns[:-1]), color="rgba(0,158,115,0.25)"
        )
    )
    top = quantiles[-1]
    takeaway(
        f"The q={top:g} forecast sits above the actual on "
        f"{losses['share of actuals below'].iloc[-1]:.0%} of validation rows (aim: {top:.0%}); "
        f"{own} of {len(quantiles)} quantile forecasts score best at their own quantile."
    )


def _series_picker(held_out: lm.HeldOutPredictions) -> object | None:
    if held_out.groups is None:
        return None
    options = list(pd.unique(held_out.groups))
    if st.session_state.get(metrics.SERIES_KEY) not in options:
        st.session_state[metrics.SERIES_KEY] = options[0]
    return st.selectbox("Series", options, key=metrics.SERIES_KEY, format_func=str)
