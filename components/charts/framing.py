"""Figures of lesson 1 (Frame the problem): target shape, cost curves, calibration, baseline bars.

Each Plotly builder makes its figure in one constructor call plus ``base_layout``: Plotly
validates every update. A cost-slider change redraws only the charts that read the costs (the
cost curve and the baseline bars); the others take no cost argument, so their figure stays
byte-identical and the browser keeps what it drew. The cost curve and the baseline bars are
Vega-Lite, so that a cost move changes their data only.
"""

from __future__ import annotations

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
    nominal_colours,
    shared_figure,
    vega_layout,
)

_MAX_BARS = 20


@shared_figure
def target_distribution(values: pd.Series, task: str, target: str) -> go.Figure:
    """Class counts for a classification target, a histogram for a regression one."""
    if task == "regression":
        numbers = pd.to_numeric(values, errors="coerce").dropna()
        trace = go.Histogram(x=numbers, nbinsx=40, marker_color=ROLE_COLORS["train"], name="rows")
        xaxis = {"title": {"text": str(target)}}
        title = f"Distribution of {target}: a number to predict"
    else:
        counts = values.astype(str).value_counts().head(_MAX_BARS)
        trace = go.Bar(
            x=counts.index.tolist(),
            y=counts.to_numpy(),
            marker_color=ROLE_COLORS["train"],
            text=[f"{c / len(values):.1%}" for c in counts],
            textposition="outside",
            name="rows",
        )
        xaxis = {"title": {"text": f"{target} (class)"}, "type": "category"}
        title = f"Classes of {target}: a category to predict"
    fig = go.Figure(
        trace,
        layout={"xaxis": xaxis, "yaxis": {"title": {"text": "rows"}}, "showlegend": False},
    )
    return base_layout(fig, title, height=320)


def cost_curve(
    thresholds: np.ndarray,
    costs_per_row: np.ndarray,
    best_threshold: float,
    theory: float,
    best_label: str,
    unit: str = "cost",
) -> tuple[dict, pd.DataFrame]:
    """Expected cost per 1,000 rows against the decision threshold, the optimum marked.

    The curve is read on the rows that choose the threshold: the training rows' out-of-fold
    predictions. A Vega-Lite spec and its data apart: the costs (the curve, the optimum, the
    theory line and the height of the view) are all data, so a cost move leaves the spec as it
    was and the browser updates the chart in place, where it remounts a Plotly chart whose
    figure changed.
    """
    per_thousand = 1000 * np.asarray(costs_per_row)
    best = int(np.argmin(np.abs(np.asarray(thresholds) - best_threshold)))
    # Flagging everybody can cost far more than anything else; keep the interesting part in view.
    flag_none = per_thousand[-1]
    top = min(per_thousand.max(), 1.6 * max(flag_none, 2 * per_thousand[best]))
    xs, ys, paths = below(np.asarray(thresholds, dtype=float), per_thousand, top)
    curve = "expected cost, training rows (out-of-fold)"
    cheapest = "cheapest threshold, out-of-fold"
    data = pd.DataFrame(
        {
            "threshold": [*xs, float(best_threshold)],
            "cost": [*ys, float(per_thousand[best])],
            "path": [*paths, -1],
            "series": [curve] * len(xs) + [cheapest],
            "label": [""] * len(xs) + [f"cheapest out-of-fold: {best_label}"],
            "theory": float(theory),
            "theory_label": f"theory {theory:.3g}",
            "ceiling": 1.05 * max(top, 1e-9),
            "first": [True] + [False] * len(xs),
        }
    )
    x = {
        "field": "threshold",
        "type": "quantitative",
        "title": "threshold: flag a row when its probability ≥ this",
        "scale": {"domain": [0, 1]},
    }
    title = f"expected {unit} per 1,000 rows"
    y = {"field": "cost", "type": "quantitative", "title": title, "scale": {"nice": False}}
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {
            "domain": [curve, cheapest],
            "range": [ROLE_COLORS["train"], ROLE_COLORS["honest"]],
        },
        "legend": {"orient": "top", "labelLimit": 400},
    }
    only = {name: [{"filter": {"field": "series", "equal": name}}] for name in (curve, cheapest)}
    first = [{"filter": "datum.first"}]
    grey = OKABE_ITO["grey"]
    spec = {
        "layer": [
            # Invisible: holds the view's height, which the costs set.
            domain_layer({"type": "quantitative", "title": title}, "ceiling"),
            {
                "transform": first,
                "mark": {"type": "rule", "strokeDash": [2, 3], "strokeWidth": 2, "color": grey},
                "encoding": {"x": {"field": "theory", "type": "quantitative"}},
            },
            {
                "transform": first,
                "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 4, "y": 0},
                "encoding": {
                    "x": {"field": "theory", "type": "quantitative"},
                    "text": {"field": "theory_label"},
                    "color": {"value": grey},
                },
            },
            {
                "transform": only[curve],
                "mark": {"type": "line", "strokeWidth": 3},
                "encoding": {
                    "x": x,
                    "y": y,
                    "detail": {"field": "path", "type": "nominal"},
                    "color": colour,
                    "tooltip": [
                        {"field": "threshold", "format": ".3f"},
                        {"field": "cost", "format": ",.1f", "title": "cost per 1,000 rows"},
                    ],
                },
            },
            {
                "transform": only[cheapest],
                "mark": {"type": "point", "filled": True, "size": 200, "stroke": "black"},
                "encoding": {"x": x, "y": y, "color": colour},
            },
            {
                "transform": only[cheapest],
                "mark": {"type": "text", "align": "left", "baseline": "top", "dx": 8, "dy": 8},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
        ],
    }
    spec = vega_layout(spec, "Expected cost of errors against the threshold")
    return spec, data


@shared_figure
def reliability_curve(mean_predicted: np.ndarray, observed: np.ndarray) -> go.Figure:
    """Observed share of positives against the mean predicted probability, per bin.

    The diagonal is perfect calibration. The figure takes no cost: where the theoretical
    threshold falls is read beside it, so a cost-slider move leaves this figure as it was.
    """
    top = float(min(1.0, 1.1 * max(np.max(mean_predicted), np.max(observed))))
    fig = go.Figure(
        [
            go.Scatter(
                x=[0, top],
                y=[0, top],
                mode="lines",
                line={"color": OKABE_ITO["grey"], "dash": "dash"},
                name="perfectly calibrated",
                hoverinfo="skip",
            ),
            go.Scatter(
                x=mean_predicted,
                y=observed,
                mode="lines+markers",
                line={"color": ROLE_COLORS["validation"], "width": 3},
                marker={"size": 9},
                name="quick model, validation rows",
                hovertemplate="predicted %{x:.3f}<br>observed %{y:.3f}<extra></extra>",
            ),
        ],
        layout={
            "xaxis": {
                "title": {"text": "mean predicted probability (bins of equal rows)"},
                "range": [0, top],
            },
            "yaxis": {"title": {"text": "observed share of positives"}, "range": [0, top]},
        },
    )
    return base_layout(fig, "Calibration: do predicted probabilities come true?")


@shared_figure
def loss_shape(cost_under: float, cost_over: float) -> go.Figure:
    """The cost of one prediction against its error: steeper on the pricier side."""
    low = np.array([-1.0, 0.0])
    high = np.array([0.0, 1.0])
    fig = go.Figure(
        [
            go.Scatter(
                x=low,
                y=-low * cost_under,
                mode="lines",
                line={"color": ROLE_COLORS["leaky"], "width": 3},
                name=f"too low: {cost_under:g} per unit",
            ),
            go.Scatter(
                x=high,
                y=high * cost_over,
                mode="lines",
                line={"color": ROLE_COLORS["train"], "width": 3},
                name=f"too high: {cost_over:g} per unit",
            ),
        ],
        layout={
            "xaxis": {"title": {"text": "prediction − actual (units of the target)"}},
            "yaxis": {"title": {"text": "cost of the error"}, "rangemode": "tozero"},
        },
    )
    return base_layout(fig, "The cost shape of one forecast", height=320)


def baseline_bars(
    names: Sequence[str],
    scores: Sequence[float],
    is_model: Sequence[bool],
    metric_name: str,
    higher_is_better: bool,
    labels: Sequence[str],
    rows: str = "validation",
) -> tuple[dict, pd.DataFrame]:
    """Held-out scores of the baselines (grey) and the quick model (green) on ``rows``.

    A Vega-Lite spec and its data apart, not a Plotly figure: under expected cost a cost move
    changes the scores and nothing else, and the browser updates a Vega-Lite chart whose spec
    is unchanged in place, where it remounts a Plotly chart whose figure changed (about 0.1 s
    of each move on this page). The bar to beat is the best baseline, read from the data.
    """
    data = pd.DataFrame(
        {
            "candidate": list(names),
            "score": list(scores),
            "label": list(labels),
            "role": ["quick model" if m else "baseline" for m in is_model],
            "baseline": [
                s if not m and np.isfinite(s) else None
                for s, m in zip(scores, is_model, strict=True)
            ],
        }
    )
    direction = "higher is better" if higher_is_better else "lower is better"
    # The candidates' names are the point of the chart: never cut ("quick model (gradient
    # boosting)").
    y = {
        "field": "candidate",
        "type": "nominal",
        "sort": None,
        "title": None,
        "axis": {"labelLimit": 400},
    }
    x = {"field": "score", "type": "quantitative"}
    best = {"aggregate": "max" if higher_is_better else "min", "field": "baseline"}
    bar_to_beat = [{"filter": "isValid(datum.baseline)"}]
    spec = {
        "height": {"step": 40},
        # Room on the right for the longest bar's label.
        "padding": {"left": 5, "top": 5, "bottom": 5, "right": 60},
        "layer": [
            {
                "mark": "bar",
                "encoding": {
                    "y": y,
                    "x": {**x, "title": f"{metric_name}, {rows} rows ({direction})"},
                    "color": nominal_colours(
                        "role",
                        ["baseline", "quick model"],
                        [ROLE_COLORS["baseline"], ROLE_COLORS["honest"]],
                    ),
                    "tooltip": [{"field": "candidate"}, {"field": "label", "title": metric_name}],
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 14},
                "encoding": {"y": y, "x": x, "text": {"field": "label"}},
            },
            {
                "transform": bar_to_beat,
                "mark": {"type": "rule", "strokeDash": [6, 4], "strokeWidth": 2},
                "encoding": {"x": best, "color": {"value": OKABE_ITO["black"]}},
            },
            {
                "transform": bar_to_beat,
                "mark": {
                    "type": "text",
                    "align": "left",
                    "baseline": "bottom",
                    "dx": 4,
                    "y": "height",
                },
                "encoding": {"x": best, "text": {"value": "bar to beat"}},
            },
        ],
    }
    return vega_layout(spec, "Baselines against the quick model"), data
