"""Figures of lesson 4 (Train live): pure builders, data in, figure out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import (
    OKABE_ITO,
    ROLE_COLORS,
    VEGA_FONT,
    base_layout,
    domain_layer,
    nominal_colours,
    shared_figure,
    vega_layout,
)

# Class colours avoid the bucket colours, so a class is never mistaken for train or validation.
CLASS_COLORS = [
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["black"],
]


def scores_chart(
    train: float,
    validation: float,
    baseline: float | None,
    *,
    metric_label: str,
    baseline_label: str,
) -> tuple[dict, pd.DataFrame]:
    """Train, validation and baseline scores as bars; the baseline also as a dashed line.

    A Vega-Lite spec and its data apart: a move of a model's knob changes the scores and the
    height of the view, all data, so the browser updates the chart in place, where it
    remounts a Plotly chart whose figure changed.

    Parameters
    ----------
    train, validation : float
        The model's scores on the training and the validation rows.
    baseline : float or None
        The no-features baseline's validation score; None or NaN leaves its bar out.
    metric_label : str
        The metric, for the axis and the title.
    baseline_label : str
        What the baseline predicts, under its bar's name.

    Returns
    -------
    tuple of (dict, DataFrame)
        The spec and its data, for ``st.vega_lite_chart``.
    """
    names = ["train", "validation"]
    values = [train, validation]
    roles = ["train", "validation"]
    has_baseline = baseline is not None and np.isfinite(baseline)
    if has_baseline:
        names.append(f"baseline\n({baseline_label})")
        values.append(baseline)
        roles.append("baseline")
    low, high = min(0.0, *values), max(0.0, *values)
    pad = 0.15 * (high - low or 1)
    data = pd.DataFrame(
        {
            "rows": names,
            "score": values,
            "label": [f"{v:.3f}" for v in values],
            "role": roles,
            "baseline": [
                v if r == "baseline" else None for v, r in zip(values, roles, strict=True)
            ],
            "low": low - (pad if low < 0 else 0),
            "high": high + pad,
            "first": [True] + [False] * (len(values) - 1),
        }
    )
    x = {
        "field": "rows",
        "type": "nominal",
        "sort": None,
        "title": "rows scored",
        # "baseline\n(mean)" on two lines, as the Plotly bars had it.
        "axis": {"labelAngle": 0, "labelExpr": "split(datum.value, '\\n')"},
    }
    y = {"field": "score", "type": "quantitative", "title": metric_label, "scale": {"nice": False}}
    roles = ["train", "validation", "baseline"]
    spec = {
        # Discrete bars would take a fixed step each; they fill the column instead.
        "width": "container",
        "layer": [
            # Invisible: hold the view's bottom and top, which the scores set.
            domain_layer(y, "low"),
            domain_layer(y, "high"),
            {
                "mark": "bar",
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": nominal_colours("role", roles, [ROLE_COLORS[r] for r in roles]),
                    "tooltip": [
                        {"field": "rows", "title": "rows scored"},
                        {"field": "score", "title": metric_label, "format": ".4f"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "baseline": "bottom", "dy": -4},
                "encoding": {"x": x, "y": y, "text": {"field": "label"}},
            },
            {
                "transform": [{"filter": "isValid(datum.baseline)"}],
                # Drawn, not read: the baseline's bar and its label carry the number.
                "mark": {
                    "type": "rule",
                    "strokeDash": [6, 4],
                    "strokeWidth": 2,
                    "color": ROLE_COLORS["baseline"],
                    "aria": False,
                },
                "encoding": {"y": {"field": "baseline", "type": "quantitative"}},
            },
        ],
    }
    return vega_layout(spec, f"Train vs validation {metric_label}"), data


@shared_figure
def loss_figure(
    epochs: np.ndarray,
    train_loss: np.ndarray,
    validation_loss: np.ndarray,
    *,
    shown: int,
    loss_name: str,
    learning_rate: float,
    diverged_at: int | None,
) -> go.Figure:
    """Loss per SGD epoch, train and validation, up to the epoch the stepper has reached."""
    fig = go.Figure()
    for name, values in (("train", train_loss), ("validation", validation_loss)):
        fig.add_scatter(
            x=epochs[: shown + 1],
            y=values[: shown + 1],
            mode="lines+markers",
            name=f"{name} loss",
            line={"color": ROLE_COLORS[name], "width": 3},
        )
    finite = np.concatenate([train_loss, validation_loss])
    finite = finite[np.isfinite(finite)]
    if len(finite):
        # Keep the start in view, but do not let one exploding epoch flatten the rest.
        top = min(float(finite.max()), 3 * float(train_loss[0])) * 1.1 or 1.0
        fig.update_yaxes(range=[0, top])
    if diverged_at is not None and diverged_at <= shown:
        fig.add_vline(
            x=diverged_at,
            line={"color": ROLE_COLORS["leaky"], "dash": "dot", "width": 2},
            annotation_text="overshooting",
            annotation_position="top right",
        )
    fig.update_xaxes(
        title_text="epoch (one pass over the training rows; 0 = untrained)",
        range=[-0.5, len(epochs) - 0.5],
    )
    fig.update_yaxes(title_text=loss_name)
    return base_layout(fig, f"Gradient descent, learning rate {learning_rate:g}")


@shared_figure
def curve_figure(
    x: tuple,
    train_scores: np.ndarray,
    validation_scores: np.ndarray,
    *,
    title: str,
    x_label: str,
    metric_label: str,
    baseline: float | None = None,
    current: object = None,
) -> go.Figure:
    """Train and validation scores against a setting (training rows or a hyperparameter)."""
    labels = ["no limit" if v is None else str(v) for v in x]
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in x)
    xs = list(x) if numeric else labels
    fig = go.Figure()
    for name, values in (("train", train_scores), ("validation", validation_scores)):
        fig.add_scatter(
            x=xs,
            y=values,
            mode="lines+markers",
            name=name,
            line={"color": ROLE_COLORS[name], "width": 3},
            marker={"size": 9},
        )
    if baseline is not None and np.isfinite(baseline):
        fig.add_hline(
            y=baseline,
            line={"color": ROLE_COLORS["baseline"], "dash": "dash", "width": 2},
            annotation_text="baseline",
            annotation_position="bottom right",
        )
    if current is not None and current in x:
        position = xs[list(x).index(current)]
        fig.add_vline(x=position, line={"color": OKABE_ITO["grey"], "dash": "dot"})
    if numeric and len(x) > 2 and min(x) > 0 and max(x) / min(x) >= 100:
        fig.update_xaxes(type="log")
    if not numeric:
        fig.update_xaxes(type="category")
    fig.update_xaxes(title_text=x_label)
    fig.update_yaxes(title_text=metric_label)
    return base_layout(fig, title)


SHADES = 10
"""Steps a two-class grid's probabilities are shaded in, from its lowest to its highest: one
rectangle per run of a step, where a smooth shading would need one per cell."""


def _tint(colour: str, share: float) -> str:
    """``colour`` (``#rrggbb``) mixed with white, keeping ``share`` of it: a pale fill that is
    opaque, so cells drawn a pixel over their neighbours do not darken where they overlap."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - share * (255 - c)):02x}" for c in channels)


def _switches(predicted: np.ndarray, x_edges: np.ndarray, y_edges: np.ndarray) -> pd.DataFrame:
    """The segments between neighbouring cells whose predicted class differs: the boundary."""
    rows, columns = np.nonzero(predicted[:, 1:] != predicted[:, :-1])
    across = pd.DataFrame(
        {
            "x": x_edges[columns + 1],
            "x2": x_edges[columns + 1],
            "y": y_edges[rows],
            "y2": y_edges[rows + 1],
        }
    )
    rows, columns = np.nonzero(predicted[1:, :] != predicted[:-1, :])
    along = pd.DataFrame(
        {
            "x": x_edges[columns],
            "x2": x_edges[columns + 1],
            "y": y_edges[rows + 1],
            "y2": y_edges[rows + 1],
        }
    )
    return pd.concat([across, along], ignore_index=True).assign(kind="switch")


def _runs(index: np.ndarray, x_edges: np.ndarray, y_edges: np.ndarray) -> pd.DataFrame:
    """One rectangle per run of equal values along each row of ``index``, not one per cell:
    a straight boundary is about a hundred marks to redraw instead of 2,500."""
    rows, starts, ends, cells = [], [], [], []
    for row, line in enumerate(index):
        breaks = np.flatnonzero(np.diff(line)) + 1
        first = np.concatenate([[0], breaks])
        last = np.concatenate([breaks, [len(line)]])
        rows += [row] * len(first)
        starts += first.tolist()
        ends += last.tolist()
        cells += line[first].tolist()
    rows, starts, ends = np.array(rows), np.array(starts), np.array(ends)
    return pd.DataFrame(
        {
            "kind": "cell",
            "x": x_edges[starts],
            "x2": x_edges[ends],
            "y": y_edges[rows],
            "y2": y_edges[rows + 1],
            "index": cells,
        }
    )


def boundary_chart(
    grid_x: np.ndarray,
    grid_y: np.ndarray,
    predicted: np.ndarray,
    classes: tuple,
    points_x: np.ndarray,
    points_y: np.ndarray,
    points_class: np.ndarray,
    *,
    feature_x: str,
    feature_y: str,
    model_label: str,
    probability: np.ndarray | None = None,
    target: str | None = None,
) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The model's predictions over a grid of two features, validation rows as dots on top.

    With two classes the grid is shaded by the predicted probability of the second class, in
    bands whose middle edge is the 0.5 threshold: a model that predicts the common class on
    the whole plane still shows where it leans, and a knob move shifts the bands. With more
    classes, each cell is coloured by its predicted class.

    A Vega-Lite spec and its data apart: a move of a model's knob changes the cells, which
    are data, so the browser updates the chart in place. The cells and the validation rows
    are two named datasets: the rows do not move with a knob, and the browser redraws only a
    dataset whose bytes changed. The grid's extent (from the features, not the model) is the
    view.

    Parameters
    ----------
    grid_x, grid_y : numpy.ndarray
        The grid's coordinates along each feature, evenly spaced.
    predicted : numpy.ndarray
        Class index predicted at each grid point, shape ``(len(grid_y), len(grid_x))``.
    classes : tuple
        The class labels, by index.
    points_x, points_y, points_class : numpy.ndarray
        The validation rows' two features and their actual class index.
    feature_x, feature_y : str
        The features, for the axes.
    model_label : str
        The model, for the title.
    probability : numpy.ndarray, optional
        Two classes: the probability of ``classes[1]`` at each grid point, shaped like
        ``predicted``.
    target : str, optional
        The target's name, to name the probability ("P(churned = 1)").

    Returns
    -------
    tuple of (dict, dict)
        The spec and its named datasets (``boundary``: cells and switches; ``rows``: the
        validation rows), for ``st.vega_lite_chart(None, {**spec, "datasets": datasets})``.
    """
    # Each cell spans half the way to its neighbours, cut at the grid's edges.
    x_edges = np.concatenate([[grid_x[0]], (grid_x[1:] + grid_x[:-1]) / 2, [grid_x[-1]]])
    y_edges = np.concatenate([[grid_y[0]], (grid_y[1:] + grid_y[:-1]) / 2, [grid_y[-1]]])
    names = [f"actual {label}" for label in classes]
    shaded = f"P({target} = {classes[-1]})" if target is not None else f"P({classes[-1]})"
    if probability is None:
        grid = _runs(predicted, x_edges, y_edges)
        grid["name"] = [names[i] for i in grid["index"]]
        grid["predicted"] = [str(classes[i]) for i in grid["index"]]
        # The same colour per class as the dots', whichever classes the cells happen to hold.
        cell_colour = {
            "field": "name",
            "type": "nominal",
            "title": None,
            "scale": {
                "domain": names,
                "range": [_tint(c, 0.35) for c in CLASS_COLORS][: len(names)],
            },
            "legend": None,
        }
        cell_tooltip = [{"field": "predicted", "title": "predicted region"}]
    else:
        # Shaded from the grid's own lowest probability to its highest: a weak model that
        # stays between 0.11 and 0.21 still shows which way it leans. The legend gives the
        # range; the line marks where the predicted class changes, at 0.5.
        low, high = float(probability.min()), float(probability.max())
        span = high - low
        steps = (
            np.minimum((probability - low) / span * SHADES, SHADES - 1).astype(int)
            if span > 0
            else np.zeros(probability.shape, dtype=int)
        )
        grid = _runs(steps, x_edges, y_edges)
        grid["probability"] = low + (grid["index"] + 0.5) * span / SHADES
        cell_colour = {
            "field": "probability",
            "type": "quantitative",
            "title": shaded,
            "scale": {"range": ["#ffffff", _tint(CLASS_COLORS[1], 0.8)], "zero": False},
            "legend": {"orient": "right", "format": ".2f", "gradientLength": 200},
        }
        cell_tooltip = [{"field": "probability", "title": f"{shaded}, about", "format": ".2f"}]
    known = points_class >= 0
    points = pd.DataFrame(
        {
            "x": points_x[known],
            "y": points_y[known],
            "name": [names[i] for i in points_class[known]],
        }
    )
    datasets = {
        "boundary": pd.concat([grid, _switches(predicted, x_edges, y_edges)], ignore_index=True),
        "rows": points,
    }
    dot_colour = {
        "field": "name",
        "type": "nominal",
        "title": None,
        "scale": {"domain": names, "range": CLASS_COLORS[: len(names)]},
        "legend": {"orient": "top", "labelLimit": 400},
    }
    x = {
        "field": "x",
        "type": "quantitative",
        "title": feature_x,
        "scale": {"domain": [float(grid_x[0]), float(grid_x[-1])], "nice": False, "zero": False},
    }
    y = {
        "field": "y",
        "type": "quantitative",
        "title": feature_y,
        "scale": {"domain": [float(grid_y[0]), float(grid_y[-1])], "nice": False, "zero": False},
    }
    spec = {
        "layer": [
            {
                "data": {"name": "boundary"},
                "transform": [{"filter": {"field": "kind", "equal": "cell"}}],
                # Each cell a pixel over its neighbours: no pale seams between rows, where an
                # outline in its own colour cost a second stroke per cell on every knob move.
                "mark": {"type": "rect", "x2Offset": 1, "y2Offset": -1},
                "encoding": {
                    "x": x,
                    "x2": {"field": "x2"},
                    "y": y,
                    "y2": {"field": "y2"},
                    "color": cell_colour,
                    "tooltip": cell_tooltip,
                },
            },
            {
                "data": {"name": "boundary"},
                "transform": [{"filter": {"field": "kind", "equal": "switch"}}],
                # Drawn, not read: the subtitle says what the line is (a rule gets no
                # accessible name of its own).
                "mark": {
                    "type": "rule",
                    "color": OKABE_ITO["black"],
                    "strokeWidth": 2,
                    "aria": False,
                },
                "encoding": {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"}},
            },
            {
                "data": {"name": "rows"},
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 50,
                    "stroke": OKABE_ITO["black"],
                    "strokeWidth": 0.8,
                    "opacity": 1,
                    "clip": True,
                },
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": dot_colour,
                    "tooltip": [
                        {"field": "name", "title": "validation row"},
                        {"field": "x", "title": feature_x, "format": ".3g"},
                        {"field": "y", "title": feature_y, "format": ".3g"},
                    ],
                },
            },
        ],
        # The cells and the dots colour different things: a scale and a legend each.
        "resolve": {"scale": {"color": "independent"}, "legend": {"color": "independent"}},
    }
    what = (
        f"{shaded}, stretched from the plane's lowest to its highest (legend)"
        if probability is not None
        else "its predicted class"
    )
    styled = vega_layout(spec, f"What {model_label} predicts from two features")
    styled["title"]["subtitleFontSize"] = 14
    styled["title"]["subtitleFont"] = VEGA_FONT
    styled["title"]["subtitle"] = [
        f"Shaded: {what}.",
        "Line: where its predicted class changes. Dots: validation rows, by their true class.",
    ]
    return styled, datasets


@shared_figure
def predicted_actual_figure(actual: np.ndarray, predicted: np.ndarray, *, target: str) -> go.Figure:
    """Predicted against actual on validation rows; perfect predictions lie on the diagonal."""
    low = float(min(np.min(actual), np.min(predicted)))
    high = float(max(np.max(actual), np.max(predicted)))
    fig = go.Figure()
    fig.add_scatter(
        x=[low, high],
        y=[low, high],
        mode="lines",
        name="perfect",
        line={"color": ROLE_COLORS["baseline"], "dash": "dash"},
    )
    fig.add_scatter(
        x=actual,
        y=predicted,
        mode="markers",
        name="validation rows",
        marker={"color": ROLE_COLORS["validation"], "size": 6, "opacity": 0.6},
    )
    fig.update_xaxes(title_text=f"actual {target}")
    fig.update_yaxes(title_text=f"predicted {target}")
    return base_layout(fig, "Predicted vs actual (validation rows)", height=420)


@shared_figure
def residuals_figure(actual: np.ndarray, predicted: np.ndarray, *, target: str) -> go.Figure:
    """Residual (actual minus predicted) against the prediction: structure means missed signal."""
    residuals = actual - predicted
    fig = go.Figure()
    fig.add_hline(y=0, line={"color": ROLE_COLORS["baseline"], "dash": "dash"})
    fig.add_scatter(
        x=predicted,
        y=residuals,
        mode="markers",
        name="validation rows",
        marker={"color": ROLE_COLORS["validation"], "size": 6, "opacity": 0.6},
    )
    fig.update_xaxes(title_text=f"predicted {target}")
    fig.update_yaxes(title_text="residual (actual − predicted)")
    return base_layout(fig, "Residuals (validation rows)", height=420)
