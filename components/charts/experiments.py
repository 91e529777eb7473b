"""Figures of the experiment log: the score over runs."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from components.charts import ROLE_COLORS, base_layout, shared_figure


@shared_figure
def score_over_runs(
    run_numbers: Sequence[int],
    values: Sequence[float | None],
    honest: Sequence[bool],
    best: Sequence[float],
    *,
    metric: str,
    lower_is_better: bool,
) -> go.Figure:
    """Each run's score as a dot (honest or leaky), and the best so far as a step line.

    Parameters
    ----------
    run_numbers : sequence of int
        The run numbers on the x axis.
    values : sequence of float or None
        The metric of each run; None where a run did not record it.
    honest : sequence of bool
        Whether each run had every leak switch off.
    best : sequence of float
        The running best, the same length as ``values``.
    metric : str
        The metric's name, for the axis and the title.
    lower_is_better : bool
        Says in the title which way is better.
    """
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=list(run_numbers),
            y=list(best),
            mode="lines",
            line={"shape": "hv", "color": ROLE_COLORS["baseline"], "width": 2, "dash": "dot"},
            name="best so far",
        )
    )
    for role, label in (("honest", "honest run"), ("leaky", "run with a leak on")):
        keep = [i for i, ok in enumerate(honest) if ok == (role == "honest")]
        if not keep:
            continue
        fig.add_trace(
            go.Scatter(
                x=[run_numbers[i] for i in keep],
                y=[values[i] for i in keep],
                mode="markers",
                marker={
                    "color": ROLE_COLORS[role],
                    "size": 12,
                    "symbol": "circle" if role == "honest" else "x",
                },
                name=label,
                hovertemplate="run %{x}: %{y:.4g}<extra></extra>",
            )
        )
    direction = "lower is better" if lower_is_better else "higher is better"
    base_layout(fig, f"{metric} over runs ({direction})")
    fig.update_xaxes(title="run number", dtick=1 if len(run_numbers) <= 20 else None)
    fig.update_yaxes(title=metric)
    return fig
