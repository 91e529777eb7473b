"""Figures of lesson 5 (Pick a metric): pure builders, data in, figure out.

The charts the threshold slider redraws (the confusion matrix and the cost, ROC and PR
curves) are Vega-Lite specs with their data apart: a move changes their data, never their
spec, so the browser updates them in place instead of remounting a changed Plotly figure.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import (
    OKABE_ITO,
    ROLE_COLORS,
    base_layout,
    below,
    domain_layer,
    shared_figure,
    title_layer,
    vega_layout,
)
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
    # Three entries a row: the majority baseline's three metrics above the real model's, not
    # one line cut off at the chart's right edge.
    fig.update_layout(
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.22,
            "yanchor": "top",
            "entrywidth": 0.33,
            "entrywidthmode": "fraction",
        },
        margin={"b": 10},
    )
    return fig


_SHORT = {"always the majority": "always no", "real model": "real model"}


@shared_figure
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


def confusion_chart(point: OperatingPoint, classes: Sequence[str]) -> tuple[dict, pd.DataFrame]:
    """The 2×2 confusion matrix at one threshold, counts written in each cell.

    A Vega-Lite spec and its data apart: the counts, the shades and the title that names the
    threshold are all data, so a threshold move leaves the spec as it was and the browser
    updates the chart in place, where it remounts a Plotly chart whose figure changed.

    Parameters
    ----------
    point : OperatingPoint
        The counts at the threshold.
    classes : sequence of str
        The negative and the positive class, for the axes.

    Returns
    -------
    tuple of (dict, DataFrame)
        The spec and its data, for ``st.vega_lite_chart``.
    """
    negative, positive = (str(c) for c in classes)
    cells = (
        (negative, negative, "true negatives", point.true_negatives),
        (negative, positive, "false alarms", point.false_positives),
        (positive, negative, "misses", point.false_negatives),
        (positive, positive, "true positives", point.true_positives),
    )
    data = pd.DataFrame(
        {
            "truth": [f"actual {truth}" for truth, _, _, _ in cells],
            "decision": [f"flagged {flag}" for _, flag, _, _ in cells],
            "cell": [name for _, _, name, _ in cells],
            "count": [int(count) for _, _, _, count in cells],
            # Shaded on a log scale: one cell can hold most of the rows.
            "shade": [float(np.log1p(count)) for _, _, _, count in cells],
            "title": f"Confusion matrix at threshold {point.threshold:.2f}",
            "first": [True, False, False, False],
        }
    )
    # The class names come from the data; the rows keep their order (negative first).
    x = {"field": "decision", "type": "nominal", "sort": None, "title": "Decision"}
    y = {"field": "truth", "type": "nominal", "sort": None, "title": "Truth"}
    # "flagged" or "actual" above the class name: two long names side by side overlapped.
    axis = {
        "labelAngle": 0,
        "labelLimit": 400,
        "labelExpr": "[split(datum.value, ' ')[0], slice(datum.value, indexof(datum.value, ' ') + 1)]",
    }
    x["axis"] = {**axis, "orient": "bottom"}
    y["axis"] = axis
    text = {"type": "text", "fontSize": 15, "color": OKABE_ITO["black"]}
    spec = {
        # Discrete columns would take a fixed step each; the matrix fills its column instead.
        "width": "container",
        "padding": {"left": 5, "right": 5, "bottom": 5, "top": 40},
        "layer": [
            {
                "mark": {"type": "rect", "stroke": "white", "strokeWidth": 2},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": {
                        "field": "shade",
                        "type": "quantitative",
                        "scale": {"range": ["#F2F2F2", ROLE_COLORS["production"]], "zero": False},
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "truth", "title": "truth"},
                        {"field": "decision", "title": "decision"},
                        {"field": "count", "format": ","},
                    ],
                },
            },
            {
                "mark": {**text, "baseline": "bottom", "dy": -2},
                "encoding": {"x": x, "y": y, "text": {"field": "cell"}},
            },
            {
                "mark": {**text, "baseline": "top", "dy": 2, "fontWeight": "bold"},
                "encoding": {"x": x, "y": y, "text": {"field": "count", "format": ","}},
            },
            title_layer(),
        ],
    }
    return vega_layout(spec), data


def _curve_chart(
    data: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    y_title: str,
    colours: Sequence[str],
    y_domain: Sequence[float] | None = None,
    step: bool = False,
) -> dict:
    """The one spec of the threshold curves: a dashed reference, the curve, marked points.

    ``data`` has columns ``x``, ``y``, ``series`` (the legend's words), ``order`` (the
    legend's order, one colour of ``colours`` each), ``kind`` (``reference``, ``curve``,
    ``cheapest`` or ``current``), ``path`` (a curve cut at the top of the view is drawn
    as separate paths) and ``sequence`` (the order in which a curve's points are joined).
    Without ``y_domain`` the view reaches the column ``ceiling``.
    """
    x = {
        "field": "x",
        "type": "quantitative",
        "title": x_title,
        "scale": {"domain": [-0.02, 1.02], "nice": False},
    }
    y = {
        "field": "y",
        "type": "quantitative",
        "title": y_title,
        "scale": {"domain": list(y_domain)} if y_domain else {"nice": False},
    }
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "sort": {"field": "order"},
        "scale": {"range": list(colours)},
        # Two to a row: three long names in one row ran past the chart's right edge.
        "legend": {"orient": "bottom", "direction": "horizontal", "columns": 2, "labelLimit": 400},
    }
    tooltip = [
        {"field": "series", "title": "what"},
        {"field": "x", "title": x_title, "format": ".3f"},
        {"field": "y", "title": y_title, "format": ",.3~f"},
    ]

    def only(kind: str) -> list[dict]:
        return [{"filter": {"field": "kind", "equal": kind}}]

    layers = []
    if y_domain is None:
        layers.append(
            # Invisible: holds the view's height, which the data sets.
            domain_layer(y, "ceiling")
        )
    layers += [
        {
            "transform": only("reference"),
            "mark": {"type": "line", "strokeDash": [6, 4], "strokeWidth": 2},
            "encoding": {"x": x, "y": y, "color": colour},
        },
        {
            "transform": only("curve"),
            "mark": {
                "type": "line",
                "strokeWidth": 3,
                "interpolate": "step-after" if step else "linear",
            },
            "encoding": {
                "x": x,
                "y": y,
                "color": colour,
                "detail": {"field": "path", "type": "nominal"},
                # In the curve's own order: a line sorted by x breaks the ties of a vertical
                # step (the same recall at several precisions) in any order.
                "order": {"field": "sequence", "type": "quantitative"},
                "tooltip": tooltip,
            },
        },
        {
            "transform": only("cheapest"),
            "mark": {"type": "point", "shape": "diamond", "filled": True, "size": 150},
            "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip},
        },
        {
            "transform": only("current"),
            "mark": {"type": "point", "shape": "circle", "filled": True, "size": 160},
            "encoding": {"x": x, "y": y, "color": colour, "tooltip": tooltip},
        },
    ]
    return vega_layout({"layer": layers}, title)


def _curve_data(*parts: tuple[str, str, Sequence[float], Sequence[float]]) -> pd.DataFrame:
    """Rows for ``_curve_chart`` from (kind, series, xs, ys), in legend order."""
    frames = [
        pd.DataFrame(
            {
                "x": np.asarray(xs, dtype=float),
                "y": np.asarray(ys, dtype=float),
                "series": series,
                "order": order,
                "kind": kind,
                "path": 0,
            }
        )
        for order, (kind, series, xs, ys) in enumerate(parts)
    ]
    data = pd.concat(frames, ignore_index=True)
    data["sequence"] = data.index
    data["first"] = data.index == 0
    return data


def roc_chart(curves: Curves, point: OperatingPoint) -> tuple[dict, pd.DataFrame]:
    """The ROC curve with the current operating point marked.

    A Vega-Lite spec and its data apart: a threshold move changes the marked point (its
    place and its name in the legend), which is data, so the browser updates the chart in place.

    Parameters
    ----------
    curves : Curves
        The ROC curve and its AUC.
    point : OperatingPoint
        The operating point at the threshold.

    Returns
    -------
    tuple of (dict, DataFrame)
        The spec and its data, for ``st.vega_lite_chart``.
    """
    data = _curve_data(
        ("reference", "random scores", [0, 1], [0, 1]),
        (
            "curve",
            f"model (AUC {curves.roc_auc:.3f})",
            curves.false_positive_rate,
            curves.true_positive_rate,
        ),
        (
            "current",
            f"threshold {point.threshold:.2f}",
            [point.false_positive_rate],
            [point.recall],
        ),
    )
    spec = _curve_chart(
        data,
        title="ROC curve",
        x_title="False positive rate",
        y_title="True positive rate (recall)",
        colours=[ROLE_COLORS["baseline"], ROLE_COLORS["honest"], OKABE_ITO["black"]],
        y_domain=[-0.02, 1.02],
    )
    return spec, data


def pr_chart(curves: Curves, point: OperatingPoint, prevalence: float) -> tuple[dict, pd.DataFrame]:
    """The precision-recall curve, the no-skill line at the prevalence, the operating point.

    A Vega-Lite spec and its data apart, like ``roc_chart``.

    Parameters
    ----------
    curves : Curves
        The precision-recall curve and its AUC.
    point : OperatingPoint
        The operating point at the threshold.
    prevalence : float
        The share of positives: the precision of random scores.

    Returns
    -------
    tuple of (dict, DataFrame)
        The spec and its data, for ``st.vega_lite_chart``.
    """
    # Thousands of steps look the same as a few hundred and serialise much faster.
    keep = np.unique(np.linspace(0, len(curves.recall) - 1, 400).astype(int))
    data = _curve_data(
        ("reference", f"random scores ({prevalence:.1%})", [0, 1], [prevalence, prevalence]),
        (
            "curve",
            f"model (PR AUC {curves.pr_auc:.3f})",
            curves.recall[keep],
            curves.precision[keep],
        ),
        ("current", f"threshold {point.threshold:.2f}", [point.recall], [point.precision]),
    )
    spec = _curve_chart(
        data,
        title="Precision-recall curve",
        x_title="Recall",
        y_title="Precision",
        colours=[ROLE_COLORS["baseline"], ROLE_COLORS["honest"], OKABE_ITO["black"]],
        y_domain=[-0.02, 1.05],
        step=True,
    )
    return spec, data


def cost_chart(curves: Curves, point: OperatingPoint) -> tuple[dict, pd.DataFrame]:
    """Total cost of the errors at every threshold, the cheapest and the current one marked.

    A Vega-Lite spec and its data apart, like ``roc_chart``; the height of the view is data
    too, since it follows the current cost.

    Parameters
    ----------
    curves : Curves
        The total cost of every threshold on the grid.
    point : OperatingPoint
        The operating point at the threshold, and its cost.

    Returns
    -------
    tuple of (dict, DataFrame)
        The spec and its data, for ``st.vega_lite_chart``.
    """
    # Flagging everything or nothing can cost many times the optimum; zoom on the useful part.
    top = min(float(curves.costs.max()), 3 * max(float(curves.costs.min()), point.cost, 1.0))
    ceiling = top * 1.05
    xs, ys, paths = below(np.asarray(curves.thresholds, dtype=float), curves.costs, ceiling)
    best = curves.best_threshold
    data = _curve_data(
        ("curve", "total cost", xs, ys),
        ("cheapest", f"cheapest ({best:.2f})", [best], [float(curves.costs.min())]),
        ("current", f"threshold {point.threshold:.2f}", [point.threshold], [point.cost]),
    )
    data.loc[: len(paths) - 1, "path"] = paths
    data["ceiling"] = ceiling
    spec = _curve_chart(
        data,
        title="Cost of every threshold",
        x_title="Threshold",
        y_title="Total cost of errors",
        colours=[ROLE_COLORS["validation"], ROLE_COLORS["honest"], OKABE_ITO["black"]],
    )
    return spec, data


@shared_figure
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


@shared_figure
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


@shared_figure
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


@shared_figure
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


@shared_figure
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
