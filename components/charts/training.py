"""Figures of lesson 4 (Train live): pure builders, data in, figure out."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from components.charts import OKABE_ITO, ROLE_COLORS, base_layout

# Class colours avoid the bucket colours, so a class is never mistaken for train or validation.
CLASS_COLORS = [
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["black"],
]


def scores_figure(
    train: float,
    validation: float,
    baseline: float | None,
    *,
    metric_label: str,
    baseline_label: str,
) -> go.Figure:
    """Train, validation and baseline scores as bars; the baseline also as a dashed line."""
    names = ["train", "validation"]
    values = [train, validation]
    colors = [ROLE_COLORS["train"], ROLE_COLORS["validation"]]
    has_baseline = baseline is not None and np.isfinite(baseline)
    if has_baseline:
        names.append(f"baseline<br>({baseline_label})")
        values.append(baseline)
        colors.append(ROLE_COLORS["baseline"])
    fig = go.Figure()
    fig.add_bar(
        x=names,
        y=values,
        marker_color=colors,
        text=[f"{v:.3f}" for v in values],
        textposition="outside",
        cliponaxis=False,
        showlegend=False,
        hovertemplate="%{x}: %{y:.4f}<extra></extra>",
    )
    if has_baseline:
        fig.add_hline(
            y=baseline, line={"color": ROLE_COLORS["baseline"], "dash": "dash", "width": 2}
        )
    low, high = min(0.0, *values), max(0.0, *values)
    pad = 0.15 * (high - low or 1)
    fig.update_yaxes(title_text=metric_label, range=[low - (pad if low < 0 else 0), high + pad])
    fig.update_xaxes(title_text="rows scored")
    return base_layout(fig, f"Train vs validation {metric_label}")


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


def boundary_figure(
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
) -> go.Figure:
    """The predicted class over a grid of two features, validation rows as dots on top."""
    n = len(classes)
    colors = [CLASS_COLORS[i % len(CLASS_COLORS)] for i in range(n)]
    scale = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    fig = go.Figure()
    fig.add_heatmap(
        x=grid_x,
        y=grid_y,
        z=predicted,
        zmin=-0.5,
        zmax=n - 0.5,
        colorscale=scale,
        opacity=0.35,
        showscale=False,
        hovertemplate=f"{feature_x}=%{{x:.3g}}<br>{feature_y}=%{{y:.3g}}<extra>predicted region</extra>",
    )
    for index, label in enumerate(classes):
        mine = points_class == index
        fig.add_scatter(
            x=points_x[mine],
            y=points_y[mine],
            mode="markers",
            name=f"actual {label}",
            marker={
                "color": colors[index],
                "size": 7,
                "line": {"color": OKABE_ITO["black"], "width": 0.8},
            },
        )
    fig.update_xaxes(title_text=feature_x, range=[grid_x[0], grid_x[-1]])
    fig.update_yaxes(title_text=feature_y, range=[grid_y[0], grid_y[-1]])
    return base_layout(
        fig,
        f"What {model_label} predicts from two features (shaded) vs the truth (dots)",
        height=460,
    )


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
