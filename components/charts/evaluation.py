"""Figures of the final evaluation: pure builders, data in, figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from components.charts import ROLE_COLORS, base_layout, shared_figure
from lessons.uncertainty import ScoreInterval


@shared_figure
def final_scores_figure(
    validation: ScoreInterval, test: ScoreInterval, *, metric_label: str
) -> go.Figure:
    """The validation and the test score as two points, each with its confidence interval."""
    fig = go.Figure()
    for name, where, interval in (
        ("validation", "validation<br>(fit on train)", validation),
        ("test", "test<br>(refit on train + validation)", test),
    ):
        has_interval = bool(np.isfinite(interval.low) and np.isfinite(interval.high))
        fig.add_scatter(
            x=[where],
            y=[interval.score],
            mode="markers+text",
            marker={"color": ROLE_COLORS[name], "size": 14},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [interval.high - interval.score if has_interval else 0.0],
                "arrayminus": [interval.score - interval.low if has_interval else 0.0],
                "color": ROLE_COLORS[name],
                "thickness": 2,
                "width": 10,
                "visible": has_interval,
            },
            text=[f"{interval.score:.3f}"],
            textposition="middle right",
            name=name,
            showlegend=False,
            hovertemplate=(
                f"{name}: %{{y:.4f}}"
                + (
                    f"<br>{interval.confidence:.0%} CI {interval.low:.4f} to {interval.high:.4f}"
                    if has_interval
                    else ""
                )
                + f"<br>{interval.n_rows:,} rows<extra></extra>"
            ),
        )
    values = [
        v for i in (validation, test) for v in (i.score, i.low, i.high) if np.isfinite(v)
    ] or [0.0]
    low, high = min(values), max(values)
    pad = 0.15 * (high - low or abs(high) or 1.0)
    fig.update_yaxes(title_text=metric_label, range=[low - pad, high + pad])
    fig.update_xaxes(title_text="rows scored")
    confidence = f"{test.confidence:.0%}"
    return base_layout(fig, f"Validation vs test {metric_label}, with {confidence} intervals")
