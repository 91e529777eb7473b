"""Pure figure builders (data in, figure out) and the one palette of the app.

Each lesson keeps its builders in its own module here (``components/charts/<lesson>.py``)
and takes its colours from ``ROLE_COLORS``.

Colours are Okabe-Ito, safe for the common colour-vision deficiencies. A role (train,
validation, test, leaky, honest, production) has the same colour on every page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import plotly.graph_objects as go

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#8C8C8C",
}

ROLE_COLORS = {
    "train": OKABE_ITO["blue"],
    "validation": OKABE_ITO["orange"],
    "test": OKABE_ITO["reddish_purple"],
    "leaky": OKABE_ITO["vermillion"],
    "honest": OKABE_ITO["bluish_green"],
    "production": OKABE_ITO["sky_blue"],
    "baseline": OKABE_ITO["grey"],
    "unused": "#D9D9D9",
}

FONT = "Source Sans Pro, Source Sans 3, sans-serif"


def base_layout(fig: go.Figure, title: str, *, height: int = 360) -> go.Figure:
    """Apply the app's common layout: a title, readable type, tight margins."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 18}},
        font={"family": FONT, "size": 14},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
    )
    return fig


def spine_figure(
    steps: Sequence[tuple[str, str, str]],
    loops: Iterable[tuple[str, str, str]],
    available: Iterable[str] = (),
    current: str | None = None,
) -> go.Figure:
    """Draw the workflow as a row of boxes with arrows forward and loops back.

    Parameters
    ----------
    steps : sequence of (key, label, question)
        The steps in order.
    loops : iterable of (from_key, to_key, reason)
        Arcs drawn beneath the row, from a later step back to an earlier one.
    available : iterable of str
        Keys of steps whose lesson exists; drawn in colour, the others in grey.
    current : str, optional
        A step to outline, e.g. where the learner is.
    """
    available = set(available)
    loops = list(loops)
    position = {key: i for i, (key, _, _) in enumerate(steps)}
    fig = go.Figure()
    box_w, box_h = 0.42, 0.34
    for key, label, question in steps:
        x = position[key]
        colour = ROLE_COLORS["train"] if key in available else ROLE_COLORS["baseline"]
        fig.add_shape(
            type="rect",
            x0=x - box_w,
            x1=x + box_w,
            y0=-box_h,
            y1=box_h,
            fillcolor=colour,
            line={"color": OKABE_ITO["black"] if key == current else colour, "width": 3},
            layer="below",
        )
        fig.add_annotation(
            x=x,
            y=0.07,
            text=f"<b>{label}</b>",
            showarrow=False,
            font={"color": "white", "size": 17},
        )
        fig.add_annotation(
            x=x,
            y=-0.12,
            text=_wrap(question, 16),
            showarrow=False,
            font={"color": "white", "size": 11},
        )
    for i in range(len(steps) - 1):
        fig.add_annotation(
            x=i + 1 - box_w,
            y=0,
            ax=i + box_w,
            ay=0,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowsize=1.2,
            arrowwidth=2,
            arrowcolor=OKABE_ITO["black"],
            text="",
        )
    for depth, (src, dst, reason) in enumerate(loops):
        x0, x1 = position[src], position[dst]
        bottom = -box_h - 0.35 - 0.32 * depth
        path = f"M {x0},{-box_h} C {x0},{bottom} {x1},{bottom} {x1},{-box_h - 0.05}"
        fig.add_shape(
            type="path",
            path=path,
            line={"color": ROLE_COLORS["validation"], "width": 2.5, "dash": "dot"},
        )
        fig.add_annotation(
            x=x1,
            y=-box_h - 0.02,
            ax=x1 + 0.02,
            ay=-box_h - 0.2,
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=2,
            arrowsize=1.3,
            arrowwidth=2.5,
            arrowcolor=ROLE_COLORS["validation"],
            text="",
        )
        fig.add_annotation(
            x=(x0 + x1) / 2,
            y=bottom + 0.2,
            text=f"loop back: {reason}",
            showarrow=False,
            font={"size": 12, "color": "#7A5200"},
            bgcolor="rgba(255,255,255,0.85)",
        )
    lowest = -box_h - 0.35 - 0.32 * max(len(loops) - 1, 0) - 0.3
    fig.update_xaxes(visible=False, range=[-0.55, len(steps) - 0.45], fixedrange=True)
    fig.update_yaxes(visible=False, range=[lowest - 0.35, box_h + 0.15], fixedrange=True)
    fig.update_layout(
        height=330,
        margin={"l": 0, "r": 0, "t": 10, "b": 0},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
        font={"family": FONT},
    )
    return fig


def _wrap(text: str, width: int) -> str:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)
