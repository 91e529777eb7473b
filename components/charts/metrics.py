"""Figures of lesson 5 (Pick a metric): pure builders, data in, figure out."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import OKABE_ITO, ROLE_COLORS, base_layout
from lessons.metrics import Curves, OperatingPoint
from lessons.scoring import REGISTRY

# One colour per metric, the same in every figure of the lesson.
METRIC_COLORS = {
    "accuracy": OKABE_ITO["orange"],
    "recall": OKABE_ITO["vermillion"],
    "f1": OKABE_ITO["reddish_purple"],
    "roc_auc": OKABE_ITO["bluish_green"],
    "pr_auc": OKABE_ITO["blue"],
    "rmse": OKABE_ITO["vermillion"],
    "mae": OKABE_ITO["blue"],
    "mape": OKABE_ITO["vermillion"],
    "smape": OKABE_ITO["blue"],
    "ndcg_at_k": OKABE_ITO["blue"],
    "map_at_k": OKABE_ITO["orange"],
    "hit_at_k": OKABE_ITO["bluish_green"],
    "mrr": OKABE_ITO["reddish_purple"],
}

_MARKER = {"size": 14, "color": OKABE_ITO["black"], "symbol": "circle"}


def _current_line(fig: go.Figure, x: float, label: str, *, log: bool = False) -> None:
    """A dotted vertical line at the selected value, labelled above the plot."""
    fig.add_vline(x=x, line={"color": OKABE_ITO["grey"], "dash": "dot", "width": 2})
    # Annotations on a log axis take the exponent, unlike shapes.
    fig.add_annotation(
        x=math.log10(x) if log else x,
        y=1,
        yref="paper",
        yanchor="bottom",
        text=label,
        showarrow=False,
        font={"color": "#555555"},
    )


def _legend_below(fig: go.Figure) -> go.Figure:
    fig.update_layout(
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.22, "yanchor": "top"},
        margin={"b": 10},
    )
    return fig


_SHORT = {"always the majority": "always no", "real model": "real model"}


def imbalance_figure(sweep: pd.DataFrame, prevalence: float) -> go.Figure:
    """Accuracy, recall and PR AUC of "always the majority" and a real model as positives thin out.

    Parameters
    ----------
    sweep : DataFrame
        ``lessons.metrics.imbalance_sweep`` output.
    prevalence : float
        The share of positives selected, marked with a vertical line.
    """
    fig = go.Figure()
    for model, dash in (("always the majority", "dash"), ("real model", "solid")):
        for key in ("accuracy", "recall", "pr_auc"):
            rows = sweep[(sweep["model"] == model) & (sweep["metric"] == key)]
            fig.add_trace(
                go.Scatter(
                    x=rows["prevalence"],
                    y=rows["value"],
                    mode="lines+markers",
                    name=f"{REGISTRY[key].name.split(' (')[0]}, {_SHORT[model]}",
                    line={"color": METRIC_COLORS[key], "dash": dash, "width": 3},
                )
            )
    _current_line(fig, prevalence, f"{prevalence:.1%} positive", log=True)
    levels = sweep["prevalence"]
    fig.update_xaxes(
        title="Share of positives (log scale; rarer to the right)",
        type="log",
        range=[math.log10(levels.max()) + 0.1, math.log10(levels.min()) - 0.1],
        tickvals=sorted(levels.unique()),
        ticktext=[f"{v:.1%}" for v in sorted(levels.unique())],
    )
    fig.update_yaxes(title="Score (higher is better)", range=[-0.03, 1.05])
    base_layout(fig, "Accuracy climbs while recall and PR AUC collapse", height=500)
    return _legend_below(fig)


def confusion_figure(point: OperatingPoint, classes: Sequence[str]) -> go.Figure:
    """The 2×2 confusion matrix at one threshold, counts written in each cell."""
    negative, positive = (html.escape(str(c)) for c in classes)
    counts = np.array(
        [
            [point.true_negatives, point.false_positives],
            [point.false_negatives, point.true_positives],
        ]
    )
    names = np.array([["true negatives", "false alarms"], ["misses", "true positives"]])
    text = [[f"{names[i][j]}<br><b>{counts[i][j]:,}</b>" for j in range(2)] for i in range(2)]
    fig = go.Figure(
        go.Heatmap(
            z=np.log1p(counts),
            x=[f"flagged {negative}", f"flagged {positive}"],
            y=[f"actual {negative}", f"actual {positive}"],
            text=text,
            texttemplate="%{text}",
            textfont={"size": 15},
            colorscale=[[0, "#F2F2F2"], [1, ROLE_COLORS["production"]]],
            showscale=False,
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(title="Decision", side="bottom")
    fig.update_yaxes(title="Truth", autorange="reversed")
    return base_layout(fig, f"Confusion matrix at threshold {point.threshold:.2f}", height=400)


def roc_figure(curves: Curves, point: OperatingPoint) -> go.Figure:
    """The ROC curve with the current operating point marked."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 1],
            y=[0, 1],
            mode="lines",
            name="random scores",
            line={"color": ROLE_COLORS["baseline"], "dash": "dash"},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=curves.false_positive_rate,
            y=curves.true_positive_rate,
            mode="lines",
            name=f"model (AUC {curves.roc_auc:.3f})",
            line={"color": ROLE_COLORS["honest"], "width": 3},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[point.false_positive_rate],
            y=[point.recall],
            mode="markers",
            name=f"threshold {point.threshold:.2f}",
            marker=_MARKER,
        )
    )
    fig.update_xaxes(title="False positive rate", range=[-0.02, 1.02])
    fig.update_yaxes(title="True positive rate (recall)", range=[-0.02, 1.02])
    return _legend_below(base_layout(fig, "ROC curve", height=400))


def pr_figure(curves: Curves, point: OperatingPoint, prevalence: float) -> go.Figure:
    """The precision-recall curve, the no-skill line at the prevalence, the operating point."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[0, 1],
            y=[prevalence, prevalence],
            mode="lines",
            name=f"random scores ({prevalence:.1%})",
            line={"color": ROLE_COLORS["baseline"], "dash": "dash"},
        )
    )
    # Thousands of steps look the same as a few hundred and serialise much faster.
    keep = np.unique(np.linspace(0, len(curves.recall) - 1, 400).astype(int))
    fig.add_trace(
        go.Scatter(
            x=curves.recall[keep],
            y=curves.precision[keep],
            mode="lines",
            name=f"model (PR AUC {curves.pr_auc:.3f})",
            line={"color": ROLE_COLORS["honest"], "width": 3, "shape": "hv"},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[point.recall],
            y=[point.precision],
            mode="markers",
            name=f"threshold {point.threshold:.2f}",
            marker=_MARKER,
        )
    )
    fig.update_xaxes(title="Recall", range=[-0.02, 1.02])
    fig.update_yaxes(title="Precision", range=[-0.02, 1.05])
    return _legend_below(base_layout(fig, "Precision-recall curve", height=400))


def cost_figure(curves: Curves, point: OperatingPoint) -> go.Figure:
    """Total cost of the errors at every threshold, the cheapest and the current one marked."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=curves.thresholds,
            y=curves.costs,
            mode="lines",
            name="total cost",
            line={"color": ROLE_COLORS["validation"], "width": 3},
        )
    )
    best = curves.best_threshold
    fig.add_trace(
        go.Scatter(
            x=[best],
            y=[curves.costs.min()],
            mode="markers",
            name=f"cheapest ({best:.2f})",
            marker={"size": 12, "color": ROLE_COLORS["honest"], "symbol": "diamond"},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[point.threshold],
            y=[point.cost],
            mode="markers",
            name=f"threshold {point.threshold:.2f}",
            marker=_MARKER,
        )
    )
    fig.update_xaxes(title="Threshold", range=[-0.02, 1.02])
    # Flagging everything or nothing can cost many times the optimum; zoom on the useful part.
    top = min(float(curves.costs.max()), 3 * max(float(curves.costs.min()), point.cost, 1.0))
    fig.update_yaxes(title="Total cost of errors", range=[0, top * 1.05])
    return _legend_below(base_layout(fig, "Cost of every threshold", height=400))


def outlier_figure(sweep: pd.DataFrame, share: float) -> go.Figure:
    """RMSE and MAE of the same predictions as corrupted actuals are added."""
    fig = go.Figure()
    for key in ("rmse", "mae"):
        fig.add_trace(
            go.Scatter(
                x=sweep["share"],
                y=sweep[key],
                mode="lines+markers",
                name=REGISTRY[key].name,
                line={"color": METRIC_COLORS[key], "width": 3},
            )
        )
    _current_line(fig, share, f"{share:.0%} outliers")
    fig.update_xaxes(title="Share of corrupted actuals", tickformat=".0%")
    fig.update_yaxes(title="Error (target units, lower is better)", rangemode="tozero")
    return base_layout(fig, "Same predictions, a few bad actuals: RMSE jumps, MAE shrugs")


def near_zero_figure(sweep: pd.DataFrame, level: float) -> go.Figure:
    """MAPE and sMAPE of equally good forecasts as the series' level approaches zero."""
    fig = go.Figure()
    for key in ("mape", "smape"):
        fig.add_trace(
            go.Scatter(
                x=sweep["level"],
                y=sweep[key],
                mode="lines+markers",
                name=REGISTRY[key].name,
                line={"color": METRIC_COLORS[key], "width": 3},
            )
        )
    _current_line(fig, level, f"level {level:g}", log=True)
    levels = sweep["level"]
    fig.update_xaxes(
        title="Typical actual value (log scale; closer to zero to the right)",
        type="log",
        range=[math.log10(levels.max()) + 0.1, math.log10(levels.min()) - 0.1],
        tickvals=sorted(levels.unique()),
        ticktext=[f"{v:g}" for v in sorted(levels.unique())],
    )
    fig.update_yaxes(title="Error as a share of actuals (log scale)", type="log", tickformat=".0%")
    return base_layout(fig, "The same absolute errors, shrinking actuals: MAPE explodes")


def winners_figure(table: pd.DataFrame, models: Sequence[str]) -> go.Figure:
    """Per metric, each model's place between the worst (0) and the best (1); best in bold.

    Parameters
    ----------
    table : DataFrame
        ``lessons.metrics.compare_models`` output.
    models : sequence of str
        The model columns of ``table``.
    """
    values = table[list(models)].apply(pd.to_numeric, errors="coerce")
    low, high = values.min(axis=1), values.max(axis=1)
    spread = (high - low).replace(0, np.nan)
    relative = values.sub(low, axis=0).div(spread, axis=0)
    higher = np.repeat(table["greater_is_better"].to_numpy(dtype=bool)[:, None], len(models), 1)
    relative = relative.where(higher, 1 - relative)
    text = [
        [
            _cell_text(values.iloc[i, j], models[j] == table["winner"].iloc[i])
            for j in range(len(models))
        ]
        for i in range(len(table))
    ]
    fig = go.Figure(
        go.Heatmap(
            z=relative.fillna(0.5).to_numpy(),
            x=list(models),
            y=table["metric"].tolist(),
            text=text,
            texttemplate="%{text}",
            textfont={"size": 14},
            colorscale=[[0, "#F2F2F2"], [1, ROLE_COLORS["honest"]]],
            zmin=0,
            zmax=1,
            colorbar={"title": "best = 1", "thickness": 12},
            hoverinfo="skip",
        )
    )
    fig.update_xaxes(title="Model", side="top")
    fig.update_yaxes(title="Metric", autorange="reversed")
    return base_layout(
        fig, "Which model wins depends on the metric", height=120 + 40 * len(table)
    ).update_layout(margin={"t": 90})


def _cell_text(value: float, is_winner: bool) -> str:
    shown = "—" if pd.isna(value) else f"{value:.4g}"
    return f"<b>★ {shown}</b>" if is_winner else shown


def ranking_blend_figure(sweep: pd.DataFrame, weight: float) -> go.Figure:
    """NDCG, MAP, hit@k and MRR as the model's order is mixed with a random one."""
    fig = go.Figure()
    for key, rows in sweep.groupby("metric", sort=False):
        fig.add_trace(
            go.Scatter(
                x=rows["weight"],
                y=rows["value"],
                mode="lines+markers",
                name=rows["label"].iloc[0],
                line={"color": METRIC_COLORS[str(key)], "width": 3},
            )
        )
    _current_line(fig, weight, f"{weight:.0%} random")
    fig.update_xaxes(title="Weight of the random order in the blend", tickformat=".0%")
    fig.update_yaxes(title="Score (higher is better)", range=[0, 1.05])
    return base_layout(fig, "Degrade the order: the ranking metrics fall at different speeds")


def quantile_figure(
    times: Sequence[object],
    actual: Sequence[float],
    forecasts: dict[float, np.ndarray],
    point: Sequence[float],
    series: str,
) -> go.Figure:
    """One series' held-out actuals, point forecast and the band between quantile forecasts."""
    fig = go.Figure()
    quantiles = sorted(forecasts)
    if len(quantiles) >= 2:
        low, high = quantiles[0], quantiles[-1]
        fig.add_trace(
            go.Scatter(
                x=times, y=forecasts[high], mode="lines", line={"width": 0}, showlegend=False
            )
        )
        fig.add_trace(
            go.Scatter(
                x=times,
                y=forecasts[low],
                mode="lines",
                fill="tonexty",
                fillcolor="rgba(0,158,115,0.2)",
                line={"width": 0},
                name=f"between q={low:g} and q={high:g}",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=times,
            y=point,
            mode="lines",
            name="point forecast",
            line={"color": ROLE_COLORS["honest"], "width": 2},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=times,
            y=actual,
            mode="lines",
            name="actual",
            line={"color": OKABE_ITO["black"], "width": 1.5},
        )
    )
    fig.update_xaxes(title="Time (validation period)")
    fig.update_yaxes(title="Value")
    return base_layout(fig, f"Quantile forecasts for {html.escape(series)}", height=380)
