"""Figures of the deploy-and-monitor lesson: distributions then and now, performance, policies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import OKABE_ITO, ROLE_COLORS, base_layout

POLICY_COLORS = {
    "never": ROLE_COLORS["baseline"],
    "monthly": OKABE_ITO["blue"],
    "on_alert": OKABE_ITO["orange"],
}


def distribution_then_now(
    reference: pd.Series, current: pd.Series, *, feature: str, categorical: bool, month: str
) -> go.Figure:
    """One feature at training time against the chosen month: shares per bin or category."""
    fig = go.Figure()
    if categorical:
        ref = (
            reference.astype("object").fillna("(missing)").astype(str).value_counts(normalize=True)
        )
        cur = current.astype("object").fillna("(missing)").astype(str).value_counts(normalize=True)
        categories = list(ref.index.union(cur.index))[:30]
        for name, shares, role in (
            ("training window", ref, "train"),
            (month, cur, "production"),
        ):
            fig.add_trace(
                go.Bar(
                    x=categories,
                    y=[float(shares.get(c, 0.0)) for c in categories],
                    name=name,
                    marker_color=ROLE_COLORS[role],
                )
            )
        fig.update_layout(barmode="group")
        fig.update_xaxes(title=feature, type="category")
    else:
        values = (
            pd.to_numeric(pd.concat([reference, current]), errors="coerce").astype(float).dropna()
        )
        low, high = np.quantile(values, [0.005, 0.995]) if len(values) else (0.0, 1.0)
        if low == high:
            high = low + 1.0
        edges = np.linspace(low, high, 31)
        for name, series, role in (
            ("training window", reference, "train"),
            (month, current, "production"),
        ):
            numbers = pd.to_numeric(series, errors="coerce").astype(float).dropna().clip(low, high)
            counts, _ = np.histogram(numbers, bins=edges)
            fig.add_trace(
                go.Bar(
                    x=(edges[:-1] + edges[1:]) / 2,
                    y=counts / max(counts.sum(), 1),
                    width=np.diff(edges),
                    name=name,
                    marker_color=ROLE_COLORS[role],
                    opacity=0.6,
                )
            )
        fig.update_layout(barmode="overlay")
        fig.update_xaxes(title=feature)
    base_layout(fig, f"{feature}: training window against {month}", height=330)
    fig.update_yaxes(title="share of rows", tickformat=".0%")
    return fig


def predictions_then_now(
    reference: np.ndarray, current: np.ndarray, *, task: str, month: str
) -> go.Figure:
    """What the model outputs: on validation rows at shipping time against the chosen month."""
    label = {
        "binary": "predicted probability of the positive class",
        "multiclass": "predicted class",
        "regression": "predicted value",
    }[task]
    return distribution_then_now(
        pd.Series(reference),
        pd.Series(current),
        feature=label,
        categorical=task == "multiclass",
        month=month,
    ).update_layout(title={"text": f"Predictions: at shipping against {month}"})


def performance_over_months(
    labels: Sequence[str],
    performance: Sequence[float],
    known: Sequence[bool],
    *,
    current: int,
    metric: str,
    shipped_score: float,
) -> tuple[dict, pd.DataFrame]:
    """Real performance once outcomes arrive; months still waiting are drawn as open circles.

    A Vega-Lite spec and its data apart, not a Plotly figure: a month move changes the data
    only, and the browser updates a Vega-Lite chart whose spec is unchanged in place, where it
    remounts a Plotly chart whose figure changed. The axis holds every month from the start.
    """
    arrived = [i for i, ok in enumerate(known) if ok and i <= current]
    waiting = [i for i in range(len(labels)) if not known[i] and i <= current]
    low = float(np.nanmin([shipped_score, *[performance[i] for i in arrived]]))
    data = pd.DataFrame(
        {
            "month": [labels[i] for i in (*arrived, *waiting)],
            "value": [performance[i] for i in arrived] + [low] * len(waiting),
            "series": ["outcomes arrived"] * len(arrived) + ["outcomes not in yet"] * len(waiting),
        }
    )
    series = ["outcomes arrived", "outcomes not in yet"]
    x = {
        "field": "month",
        "type": "ordinal",
        "scale": {"domain": list(labels)},
        "title": "production month",
        "axis": {"labelAngle": -45, "labelOverlap": False},
    }
    y = {"field": "value", "type": "quantitative", "title": metric, "scale": {"zero": False}}
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": series, "range": [ROLE_COLORS["production"], ROLE_COLORS["baseline"]]},
        "legend": {"orient": "top"},
    }
    arrived_only = [{"filter": {"field": "series", "equal": series[0]}}]
    shipped = {"datum": shipped_score, "type": "quantitative"}
    # Drawn once, not once per row of the data.
    once = {"values": [{}]}
    spec = {
        "title": {
            "text": f"Real performance ({metric}) as outcomes arrive",
            "anchor": "start",
            "fontSize": 18,
        },
        "layer": [
            {
                "data": once,
                "mark": {"type": "rule", "strokeDash": [6, 4], "color": ROLE_COLORS["validation"]},
                "encoding": {"y": shipped},
            },
            {
                "data": once,
                "mark": {
                    "type": "text",
                    "text": "score at shipping",
                    "align": "left",
                    "baseline": "top",
                    "dy": 4,
                    "x": 4,
                    "color": ROLE_COLORS["validation"],
                },
                "encoding": {"y": shipped},
            },
            {
                "transform": arrived_only,
                "mark": {"type": "line", "strokeWidth": 3},
                "encoding": {"x": x, "y": y, "color": colour},
            },
            {
                "mark": {"type": "point", "size": 110, "strokeWidth": 2},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "fill": {
                        "field": "series",
                        "type": "nominal",
                        "scale": {
                            "domain": series,
                            "range": [ROLE_COLORS["production"], "transparent"],
                        },
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "month"},
                        {"field": "series", "title": "outcomes"},
                    ],
                },
            },
        ],
    }
    return spec, data


def policies_over_months(
    labels: Sequence[str],
    performance: Mapping[str, Sequence[float]],
    titles: Mapping[str, str],
    rejected: Mapping[str, Sequence[int]],
    *,
    metric: str,
) -> go.Figure:
    """True performance month by month under each retraining policy; crosses mark rejected retrains."""
    fig = go.Figure()
    for policy, values in performance.items():
        fig.add_trace(
            go.Scatter(
                x=list(labels),
                y=list(values),
                mode="lines+markers",
                name=titles[policy],
                line={"color": POLICY_COLORS[policy], "width": 3},
            )
        )
        months = list(rejected.get(policy, ()))
        if months:
            fig.add_trace(
                go.Scatter(
                    x=[labels[m] for m in months],
                    y=[values[m] for m in months],
                    mode="markers",
                    name=f"{titles[policy]}: retrain rejected",
                    marker={
                        "symbol": "x",
                        "size": 14,
                        "color": ROLE_COLORS["leaky"],
                        "line": {"width": 1},
                    },
                )
            )
    base_layout(fig, f"Retraining policies: {metric} in production, month by month", height=380)
    fig.update_xaxes(title="production month", categoryorder="array", categoryarray=list(labels))
    fig.update_yaxes(title=metric)
    return fig
