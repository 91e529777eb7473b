"""Pure figure builders (data in, figure out) and the one palette of the app.

Each lesson keeps its builders in its own module here (``components/charts/<lesson>.py``)
and takes its colours from ``ROLE_COLORS``.

Colours are Okabe-Ito, safe for the common colour-vision deficiencies. A role (train,
validation, test, leaky, honest, production) has the same colour on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import ParamSpec

import numpy as np
import plotly.graph_objects as go
import streamlit as st

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

# base_layout's type in Vega-Lite terms: 14 px text, an 18 px title, in the page's font, which
# Streamlit serves as "Source Sans". Vega measures text on a canvas, whose font shorthand drops
# a family that is not quoted and starts with a digit ("Source Sans 3"): measured in the
# fallback, legend labels overlapped.
VEGA_FONT = ", ".join(
    name if name == "sans-serif" else f"'{name}'" for name in ("Source Sans", *FONT.split(", "))
)
_TITLE = {"anchor": "start", "fontSize": 18, "fontWeight": 600, "font": VEGA_FONT}
VEGA_CONFIG = {
    "font": VEGA_FONT,
    "axis": {"labelFontSize": 14, "titleFontSize": 14},
    "legend": {"labelFontSize": 14, "titleFontSize": 14},
    "text": {"fontSize": 14},
}


P = ParamSpec("P")
FIGURES_KEPT = 64
"""Built figures each builder keeps (per argument values), shared by every session."""


def shared_figure(builder: Callable[P, go.Figure]) -> Callable[P, go.Figure]:
    """Keep the figures ``builder`` returns, keyed on its arguments, for every session.

    A builder is a pure function of its arguments and ``st.plotly_chart`` only reads the
    figure it is given, so a class arriving on a page shares one build instead of paying
    Plotly's property validation (most of a page's script time) once per learner. Callers must
    not change the figure they get.
    """
    return st.cache_resource(show_spinner=False, max_entries=FIGURES_KEPT)(builder)


def base_layout(fig: go.Figure, title: str, *, height: int = 360) -> go.Figure:
    """Apply the app's common layout: a title, readable type, tight margins."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 18}},
        font={"family": FONT, "size": 14},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        # Below the plot, on the figure's own bottom edge: beside a title in a half-width
        # column, a legend ran into the title and off the right edge.
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "xanchor": "left",
            "x": 0,
        },
    )
    return fig


def vega_layout(spec: dict, title: str | None = None) -> dict:
    """The Vega-Lite counterpart of ``base_layout``: the same title and type.

    Parameters
    ----------
    spec : dict
        A Vega-Lite spec without a title or a config.
    title : str, optional
        A title that never changes. A title that names what a control moved (a month, a
        threshold) is data instead: ``title_layer`` draws it from a column.

    Returns
    -------
    dict
        The spec with the title and the config, so that a Vega-Lite chart beside a Plotly one
        reads in the same type at the same sizes.
    """
    styled = {**spec, "config": VEGA_CONFIG}
    if title is not None:
        styled["title"] = {"text": title, **_TITLE}
    return styled


def domain_layer(y: dict, field: str) -> dict:
    """An invisible point on the data's first row that stretches the y axis to ``field``.

    A scale domain written in the spec would change the spec whenever the data moves it, and a
    changed spec remounts the chart; held by a point, the axis follows the data alone. The data
    needs a boolean column ``first``, true on one row.

    Parameters
    ----------
    y : dict
        The chart's y encoding (its type, title and scale are kept).
    field : str
        The column holding the value the axis must reach (a floor or a ceiling).

    Returns
    -------
    dict
        The layer, to add to the spec's ``layer`` list.
    """
    return {
        "transform": [{"filter": "datum.first"}],
        "mark": {"type": "point", "opacity": 0},
        "encoding": {"y": {**y, "field": field}},
    }


def nominal_colours(field: str, domain: list[str], colours: list[str]) -> dict:
    """A colour (or fill) encoding that gives each value of ``field`` its own colour, with no
    legend: the bars or the lines are named on the chart itself.

    Parameters
    ----------
    field : str
        The column whose values are coloured.
    domain, colours : list of str
        The values, and the colour of each, in the same order.

    Returns
    -------
    dict
        The encoding, for ``color``, ``fill`` or ``stroke``.
    """
    return {
        "field": field,
        "type": "nominal",
        "scale": {"domain": domain, "range": colours},
        "legend": None,
    }


def title_layer() -> dict:
    """A layer that draws the chart's title from the column ``title`` of the data's first row.

    A Vega-Lite title is spec, and a changed spec remounts the chart; drawn as data, a title
    that names the control's value changes with the data alone. Give the spec a top
    ``padding`` of 40 pixels for it, and a boolean column ``first``, true on one row.

    Returns
    -------
    dict
        The layer, to add to the spec's ``layer`` list.
    """
    return {
        "transform": [{"filter": "datum.first"}],
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "bottom",
            "x": 0,
            "y": -40,
            "font": VEGA_FONT,
            "fontSize": _TITLE["fontSize"],
            "fontWeight": _TITLE["fontWeight"],
        },
        "encoding": {"text": {"field": "title"}},
    }


def below(x: np.ndarray, y: np.ndarray, top: float) -> tuple[list, list, list]:
    """The polyline (x, y) cut at ``top``: points, the path each belongs to, crossings added.

    A Vega-Lite scale takes its domain from the data, so the part of a curve above the view is
    cut here, each crossing kept as a point on the edge, each run below it its own path.

    Parameters
    ----------
    x, y : numpy.ndarray
        The polyline's points, in drawing order.
    top : float
        The top of the view.

    Returns
    -------
    tuple of (list, list, list)
        The x and y of the points kept and added, and the path of each.
    """
    xs, ys, paths, path, was_below = [], [], [], 0, False
    for i, (xi, yi) in enumerate(zip(x, y, strict=True)):
        under = yi <= top
        if i and under != was_below:
            # The point where the segment from the previous point crosses the top edge.
            share = (top - y[i - 1]) / (yi - y[i - 1])
            xs.append(float(x[i - 1] + share * (xi - x[i - 1])))
            ys.append(float(top))
            paths.append(path)
            if not under:
                path += 1
        if under:
            xs.append(float(xi))
            ys.append(float(yi))
            paths.append(path)
        was_below = under
    return xs, ys, paths


def _progress_bar(
    shapes: list[dict], notes: list[dict], x: float, half_w: float, half_h: float, done: float
) -> None:
    done = min(max(done, 0.0), 1.0)
    left, right, bottom, top = x - half_w + 0.06, x + half_w - 0.06, -half_h + 0.06, -half_h + 0.14
    shapes.append(
        dict(type="rect", x0=left, x1=right, y0=bottom, y1=top, line={"color": "white", "width": 1})
    )
    if done > 0:
        shapes.append(
            dict(
                type="rect",
                x0=left,
                x1=left + (right - left) * done,
                y0=bottom,
                y1=top,
                fillcolor="white",
                line={"width": 0},
            )
        )
    notes.append(
        dict(
            x=x,
            y=half_h - 0.09,
            text="✓ done" if done >= 1 else f"{done:.0%} done",
            showarrow=False,
            font={"size": 11, "color": "white"},
        )
    )


def spine_figure(
    steps: Sequence[tuple[str, str, str]],
    loops: Iterable[tuple[str, str, str]],
    available: Iterable[str] = (),
    current: str | None = None,
    progress: Mapping[str, float] | None = None,
) -> go.Figure:
    """Draw the workflow as a row of boxes with arrows forward and loops back.

    Parameters
    ----------
    steps : sequence of (key, label, question)
        The steps in order.
    loops : iterable of (from_key, to_key, reason)
        Arcs from a later step back to an earlier one, alternating below and above the row.
    available : iterable of str
        Keys of steps whose lesson exists; drawn in colour, the others in grey.
    current : str, optional
        A step to outline, e.g. where the learner is.
    progress : mapping of key to fraction in [0, 1], optional
        The learner's progress per step, drawn as a bar along the bottom of its box with a
        share done in words at the top of the box.
    """
    available = set(available)
    loops = list(loops)
    position = {key: i for i, (key, _, _) in enumerate(steps)}
    fig = go.Figure()
    # Collected and set once: each add_shape/add_annotation re-validates every earlier one,
    # which made this figure cost over 100 ms.
    shapes: list[dict] = []
    notes: list[dict] = []
    half_w, half_h = 0.44, 0.5
    for key, label, question in steps:
        x = position[key]
        colour = ROLE_COLORS["train"] if key in available else ROLE_COLORS["baseline"]
        shapes.append(
            dict(
                type="rect",
                x0=x - half_w,
                x1=x + half_w,
                y0=-half_h,
                y1=half_h,
                fillcolor=colour,
                line={"color": OKABE_ITO["black"] if key == current else colour, "width": 3},
                layer="below",
            )
        )
        notes.append(
            dict(
                x=x,
                y=0.25,
                text=f"<b>{label}</b>",
                showarrow=False,
                font={"color": "white", "size": 17},
            )
        )
        notes.append(
            dict(
                x=x,
                y=-0.15,
                text=_wrap(question, 15),
                showarrow=False,
                font={"color": "white", "size": 11},
            )
        )
        if progress is not None and key in progress:
            _progress_bar(shapes, notes, x, half_w, half_h, progress[key])
    for i in range(len(steps) - 1):
        notes.append(_arrow((i + half_w, 0), (i + 1 - half_w, 0), OKABE_ITO["black"]))
    below = above = 0
    for src, dst, reason in loops:
        x0, x1 = position[src], position[dst]
        goes_above = x1 > 0 and below > above
        if goes_above:
            edge, reach = half_h, half_h + 0.55 + 0.4 * above
            above += 1
        else:
            edge, reach = -half_h, -half_h - 0.55 - 0.4 * below
            below += 1
        path = f"M {x0},{edge} C {x0},{reach} {x1},{reach} {x1},{edge}"
        shapes.append(
            dict(
                type="path",
                path=path,
                line={"color": ROLE_COLORS["validation"], "width": 2.5, "dash": "dot"},
            )
        )
        tip = (x1, edge)
        tail = (x1 + 0.04, edge + (0.25 if goes_above else -0.25))
        notes.append(_arrow(tail, tip, ROLE_COLORS["validation"]))
        notes.append(
            dict(
                x=(x0 + x1) / 2,
                y=edge + 0.75 * (reach - edge),
                text=f"loop back: {reason}",
                showarrow=False,
                font={"size": 12, "color": "#7A5200"},
                bgcolor="rgba(255,255,255,0.9)",
            )
        )
    top = half_h + 0.55 + 0.4 * max(above - 1, 0) + 0.15 if above else half_h + 0.1
    bottom = -half_h - 0.55 - 0.4 * max(below - 1, 0) - 0.15 if below else -half_h - 0.1
    fig.update_xaxes(visible=False, range=[-0.5, len(steps) - 0.5], fixedrange=True)
    fig.update_yaxes(visible=False, range=[bottom, top], fixedrange=True)
    fig.update_layout(
        shapes=shapes,
        annotations=notes,
        height=int(120 * (top - bottom)),
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        plot_bgcolor="rgba(0,0,0,0)",
        paper_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
        font={"family": FONT},
    )
    return fig


def _arrow(tail: tuple[float, float], tip: tuple[float, float], colour: str) -> dict:
    return dict(
        x=tip[0],
        y=tip[1],
        ax=tail[0],
        ay=tail[1],
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowsize=1.2,
        arrowwidth=2,
        arrowcolor=colour,
        text="",
    )


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
