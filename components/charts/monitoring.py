"""Figures of the deploy-and-monitor lesson: distributions then and now, performance, policies."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import (
    OKABE_ITO,
    ROLE_COLORS,
    base_layout,
    nominal_colours,
    shared_figure,
    title_layer,
    vega_layout,
)

POLICY_COLORS = {
    "never": ROLE_COLORS["baseline"],
    "monthly": OKABE_ITO["blue"],
    "on_alert": OKABE_ITO["orange"],
}


def distribution_then_now(
    reference: pd.Series,
    current: pd.Series,
    *,
    feature: str,
    categorical: bool,
    month: str,
    title: str | None = None,
) -> tuple[dict, pd.DataFrame]:
    """One feature at training time against the chosen month: shares per bin or category.

    A Vega-Lite spec and its data apart: the month (its bins, its name in the title and the
    legend) is all data, so a month move leaves the spec as it was and the browser updates the
    chart in place, where it remounts a Plotly chart whose figure changed.
    """
    series = ("training window", month)
    if categorical:
        ref = (
            reference.astype("object").fillna("(missing)").astype(str).value_counts(normalize=True)
        )
        cur = current.astype("object").fillna("(missing)").astype(str).value_counts(normalize=True)
        categories = list(ref.index.union(cur.index))[:30]
        rows = [
            {"series": name, "order": order, "category": c, "share": float(shares.get(c, 0.0))}
            for order, (name, shares) in enumerate(zip(series, (ref, cur), strict=True))
            for c in categories
        ]
        x = {"field": "category", "type": "nominal", "sort": categories, "title": feature}
        marks = {
            "mark": "bar",
            "encoding": {"x": x, "xOffset": {"field": "series", "sort": {"field": "order"}}},
        }
    else:
        values = (
            pd.to_numeric(pd.concat([reference, current]), errors="coerce").astype(float).dropna()
        )
        low, high = np.quantile(values, [0.005, 0.995]) if len(values) else (0.0, 1.0)
        if low == high:
            high = low + 1.0
        edges = np.linspace(low, high, 31)
        rows = []
        for order, (name, part) in enumerate(zip(series, (reference, current), strict=True)):
            numbers = pd.to_numeric(part, errors="coerce").astype(float).dropna().clip(low, high)
            counts, _ = np.histogram(numbers, bins=edges)
            shares = counts / max(counts.sum(), 1)
            rows += [
                {"series": name, "order": order, "start": a, "end": b, "share": float(v)}
                for a, b, v in zip(edges[:-1], edges[1:], shares, strict=True)
            ]
        marks = {
            "mark": {"type": "bar", "opacity": 0.6, "binSpacing": 0},
            "encoding": {
                "x": {
                    "field": "start",
                    "type": "quantitative",
                    "title": feature,
                    "scale": {"zero": False},
                },
                "x2": {"field": "end"},
                "y2": {"datum": 0},
            },
        }
    data = pd.DataFrame(rows)
    data["title"] = title or f"{feature}: training window against {month}"
    data["first"] = data.index == 0
    marks["encoding"] |= {
        "y": {
            "field": "share",
            "type": "quantitative",
            "title": "share of rows",
            "axis": {"format": ".0%"},
            "stack": None,
        },
        "color": {
            "field": "series",
            "type": "nominal",
            "title": None,
            "sort": {"field": "order"},
            "scale": {"range": [ROLE_COLORS["train"], ROLE_COLORS["production"]]},
            "legend": {"orient": "top"},
        },
        "tooltip": [{"field": "series"}, {"field": "share", "format": ".1%"}],
    }
    spec = {
        "padding": {"left": 5, "right": 5, "bottom": 5, "top": 40},
        "layer": [
            marks,
            # The title is data, not spec: it names the month.
            title_layer(),
        ],
    }
    return vega_layout(spec), data


def predictions_then_now(
    reference: np.ndarray, current: np.ndarray, *, task: str, month: str
) -> tuple[dict, pd.DataFrame]:
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
        title=f"Predictions: at shipping against {month}",
    )


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
    y = {
        "field": "value",
        "type": "quantitative",
        "title": metric,
        "scale": {"zero": False},
        "axis": {"format": ".3~f"},
    }
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
        "layer": [
            {
                "data": once,
                # Drawn, not read: its text label beside it says what it is (a rule on a
                # datum gets no accessible name of its own).
                "mark": {
                    "type": "rule",
                    "strokeDash": [6, 4],
                    "color": ROLE_COLORS["validation"],
                    "aria": False,
                },
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
                    "fill": nominal_colours(
                        "series", series, [ROLE_COLORS["production"], "transparent"]
                    ),
                    "tooltip": [
                        {"field": "month"},
                        {"field": "series", "title": "outcomes"},
                    ],
                },
            },
        ],
    }
    return vega_layout(spec, f"Real performance ({metric}) as outcomes arrive"), data


@shared_figure
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
    # The crosses look alike under every policy (each sits on its policy's line): one entry.
    crossed = False
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
                    name="retrain rejected",
                    legendgroup="rejected",
                    showlegend=not crossed,
                    hovertemplate=f"{titles[policy]}: retrain rejected, %{{x}}, %{{y:.3f}}<extra></extra>",
                    marker={
                        "symbol": "x",
                        "size": 14,
                        "color": ROLE_COLORS["leaky"],
                        "line": {"width": 1},
                    },
                )
            )
            crossed = True
    base_layout(fig, f"Retraining policies: {metric} in production, month by month", height=380)
    fig.update_xaxes(title="production month", categoryorder="array", categoryarray=list(labels))
    fig.update_yaxes(title=metric)
    return fig
