"""Figures of the leakage lab: three scores side by side, the scoreboard, the tuning curve."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from components.charts import (
    OKABE_ITO,
    ROLE_COLORS,
    base_layout,
    domain_layer,
    nominal_colours,
    shared_figure,
    title_layer,
    vega_layout,
)


def three_scores_chart(
    metric_label: str,
    reported: float | None,
    honest: float,
    production: float | None,
    *,
    leak_on: bool,
    title: str,
) -> tuple[dict, pd.DataFrame]:
    """Bars of what the pipeline reports, the honest score and production, on one axis.

    A Vega-Lite spec and its data apart: the leak switch changes the scores, the first bar's
    name and colour and the title, all data, so the browser updates the chart in place, where
    it remounts a Plotly chart whose figure changed.

    Parameters
    ----------
    metric_label : str
        The metric, for the axis.
    reported : float or None
        What the pipeline as switched reports; None keeps its bar hidden (before Reveal).
    honest : float
        The corrected pipeline's validation score.
    production : float or None
        The switched pipeline's production score; None keeps it hidden.
    leak_on : bool
        Colours the reported bar as leaky or honest.
    title : str
        The chart's title.

    Returns
    -------
    tuple of (dict, DataFrame)
        The spec and its data, for ``st.vega_lite_chart``.
    """
    values = [reported, honest, production]
    data = pd.DataFrame(
        {
            "bar": [
                "Reported (leak on)" if leak_on else "Reported (leak off)",
                "Honest pipeline",
                "Production",
            ],
            "score": [v if v is not None else 0.0 for v in values],
            "label": [f"{v:.3f}" if v is not None else "? (reveal)" for v in values],
            # Also drawn as the outline's dash, so the bars differ by more than colour.
            "role": ["leaky" if leak_on else "honest", "honest", "production"],
            "low": min(0.0, *(v for v in values if v is not None)),
            "title": title,
            "first": [True, False, False],
        }
    )
    roles = ["leaky", "honest", "production"]
    x = {
        "field": "bar",
        "type": "nominal",
        "sort": None,
        "title": "Which pipeline, scored where",
        "axis": {"labelAngle": 0, "labelFontSize": 15, "labelLimit": 400},
    }
    y = {
        "field": "score",
        "type": "quantitative",
        "title": metric_label,
        "scale": {"domainMax": 1.1, "nice": False},
    }
    spec = {
        # Discrete bars would take a fixed step each; they fill the column instead.
        "width": "container",
        "padding": {"left": 5, "right": 5, "bottom": 5, "top": 40},
        "layer": [
            # Invisible: holds the bottom of the view below a negative score.
            domain_layer(y, "low"),
            {
                "mark": {"type": "bar", "stroke": OKABE_ITO["black"], "strokeWidth": 1.5},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": nominal_colours("role", roles, [ROLE_COLORS[r] for r in roles]),
                    "strokeDash": {
                        "field": "role",
                        "type": "nominal",
                        "scale": {"domain": roles, "range": [[6, 3], [1, 0], [2, 2]]},
                        "legend": None,
                    },
                    "tooltip": [
                        {"field": "bar", "title": "bar"},
                        {"field": "label", "title": metric_label},
                    ],
                },
            },
            {
                "mark": {"type": "text", "baseline": "bottom", "dy": -4, "fontSize": 20},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
            title_layer(),
        ],
    }
    return vega_layout(spec), data


@shared_figure
def scoreboard_figure(
    titles: Sequence[str],
    leaky: Sequence[float | None],
    honest: Sequence[float],
    production: Sequence[float],
) -> go.Figure:
    """One row per scenario: a line from honest to leaky, with the production score marked.

    A long line is a leak that changes the story; a dot on top of the honest marker is a
    leak that barely matters. ``None`` in ``leaky`` hides that marker (before Reveal).
    """
    fig = go.Figure()
    for title, lie, truth in zip(titles, leaky, honest, strict=True):
        if lie is not None:
            fig.add_trace(
                go.Scatter(
                    x=[truth, lie],
                    y=[title, title],
                    mode="lines",
                    line={"color": OKABE_ITO["grey"], "width": 3},
                    showlegend=False,
                    hoverinfo="skip",
                )
            )
    markers = (
        ("Honest", honest, ROLE_COLORS["honest"], "circle"),
        ("Production", production, ROLE_COLORS["production"], "diamond"),
        ("Leaky (reported)", leaky, ROLE_COLORS["leaky"], "x"),
    )
    for name, values, colour, symbol in markers:
        points = [(v, t) for v, t in zip(values, titles, strict=True) if v is not None]
        fig.add_trace(
            go.Scatter(
                x=[v for v, _ in points],
                y=[t for _, t in points],
                mode="markers",
                name=name,
                marker={"color": colour, "size": 15, "symbol": symbol, "line": {"width": 1}},
                hovertemplate=f"{name}: %{{x:.3f}}<extra>%{{y}}</extra>",
            )
        )
    fig.update_xaxes(title_text="Score (ROC AUC, accuracy or R²; higher is better)")
    fig.update_yaxes(title_text="Scenario", autorange="reversed")
    fig.update_layout(plot_bgcolor="white")
    return base_layout(fig, "Every leak: what it reports against the truth", height=460)


@shared_figure
def tuning_curve_figure(
    n_configs: Sequence[int],
    optimism_test: Sequence[float],
    optimism_validation: Sequence[float],
    chosen_n: int,
) -> go.Figure:
    """Optimism of the chosen configuration against N, picked on test or on validation."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=list(n_configs),
            y=list(optimism_test),
            mode="lines+markers",
            name="Picked on the test set",
            line={"color": ROLE_COLORS["leaky"], "width": 3},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=list(n_configs),
            y=list(optimism_validation),
            mode="lines+markers",
            name="Picked on validation",
            line={"color": ROLE_COLORS["honest"], "width": 3, "dash": "dash"},
        )
    )
    fig.add_vline(x=chosen_n, line={"color": OKABE_ITO["black"], "dash": "dot"})
    fig.add_hline(y=0, line={"color": OKABE_ITO["grey"]})
    fig.update_xaxes(
        title_text="Configurations tried (N, log scale)",
        type="log",
        tickvals=list(n_configs),
        ticktext=[str(n) for n in n_configs],
    )
    fig.update_yaxes(title_text="Reported minus holdout ROC AUC")
    fig.update_layout(plot_bgcolor="white")
    return base_layout(fig, "The more you try on the test set, the more it flatters", height=340)
