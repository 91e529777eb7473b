"""Figures of the leakage lab: three scores side by side, the scoreboard, the tuning curve."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from components.charts import OKABE_ITO, ROLE_COLORS, base_layout


def three_scores_figure(
    metric_label: str,
    reported: float | None,
    honest: float,
    production: float | None,
    *,
    leak_on: bool,
    title: str,
) -> go.Figure:
    """Bars of what the pipeline reports, the honest score and production, on one axis.

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
    """
    labels = [
        "Reported (leak on)" if leak_on else "Reported (leak off)",
        "Honest pipeline",
        "Production",
    ]
    values = [reported, honest, production]
    colours = [
        ROLE_COLORS["leaky"] if leak_on else ROLE_COLORS["honest"],
        ROLE_COLORS["honest"],
        ROLE_COLORS["production"],
    ]
    shown = [v if v is not None else 0.0 for v in values]
    text = [f"{v:.3f}" if v is not None else "? (reveal)" for v in values]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=shown,
            marker={
                "color": colours,
                "pattern": {"shape": ["/" if leak_on else "", "", "."]},
            },
            text=text,
            textposition="outside",
            textfont={"size": 20},
            cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    low = min(0.0, *(v for v in values if v is not None))
    fig.update_yaxes(title_text=metric_label, range=[low, 1.1], gridcolor="#E5E5E5")
    fig.update_xaxes(title_text="Which pipeline, scored where", tickfont={"size": 15})
    fig.update_layout(showlegend=False, plot_bgcolor="white")
    return base_layout(fig, title, height=380)


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
