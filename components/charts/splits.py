"""Figures of lesson 2 (Split the data): pure builders, data in, figure out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import OKABE_ITO, ROLE_COLORS, base_layout, shared_figure

ROLE_LABELS = {
    "train": "train",
    "validation": "validation",
    "test": "test",
    "gap": "gap",
    "unused": "unused",
}
ROLE_ORDER = ("train", "validation", "test", "gap", "unused")
# The gap is no bucket: hatched grey, darker than unused rows, so it reads as "cut out here".
GAP_MARKER = {
    "color": "#F2F2F2",
    "pattern": {"shape": "/", "fgcolor": OKABE_ITO["grey"], "size": 6, "solidity": 0.4},
}


def _role_marker(role: str) -> dict:
    if role == "gap":
        return {**GAP_MARKER, "line": {"width": 0}}
    return {"color": ROLE_COLORS[role], "line": {"width": 0}}


# Class colours avoid the bucket colours, so a class is never mistaken for a bucket.
CLASS_COLORS = [
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["sky_blue"],
    OKABE_ITO["yellow"],
    OKABE_ITO["black"],
    OKABE_ITO["grey"],
]
MAX_BINS = 150


@shared_figure
def strips_figure(strips: pd.DataFrame, *, title: str, x_title: str) -> go.Figure:
    """Every row as a strip per split or fold, coloured by bucket.

    Parameters
    ----------
    strips : DataFrame
        One column per strip, one row per data row (already in drawing order); cells are
        ``train``, ``validation``, ``test``, ``gap`` or ``unused``.
    title, x_title : str

    Notes
    -----
    Above ``MAX_BINS`` rows, rows are binned; each bin is a stacked bar of the share of its
    rows in each bucket, so a shuffled split shows as a mix and a time split as blocks.
    """
    n_rows = len(strips)
    # Up to twice MAX_BINS rows, one bar per row stays readable; above, rows are binned.
    n_bins = n_rows if n_rows <= 2 * MAX_BINS else MAX_BINS
    bin_of_row = np.arange(n_rows) * n_bins // max(n_rows, 1)
    fig = go.Figure()
    names = list(strips.columns)
    order = ROLE_ORDER
    n_roles = len(order)
    rows_per_bin = np.bincount(bin_of_row, minlength=n_bins)[:, None]
    shares, beneath = [], []
    for name in reversed(names):
        codes = pd.Categorical(strips[name], categories=order).codes.astype(np.int64)
        counts = np.bincount(bin_of_row * n_roles + codes, minlength=n_bins * n_roles).reshape(
            n_bins, n_roles
        )
        share = counts / rows_per_bin
        shares.append(share)
        beneath.append(np.cumsum(share, axis=1) - share)
    for r, role in enumerate(order):
        xs, heights, bases, hover = [], [], [], []
        for level, name in enumerate(reversed(names)):
            share = shares[level][:, r]
            shown = np.flatnonzero(share > 0)
            xs.append(shown)
            heights.append(share[shown] * 0.8)
            bases.append(level - 0.4 + beneath[level][shown, r] * 0.8)
            hover.append(np.char.add(f"{name}: ", np.char.mod("%.0f%%", 100 * share[shown])))
        if not sum(len(x) for x in xs):
            continue
        # numpy arrays, not lists: plotly validates lists item by item, which is slow.
        fig.add_bar(
            x=np.concatenate(xs),
            y=np.concatenate(heights),
            base=np.concatenate(bases),
            width=1.0,
            name=ROLE_LABELS[role],
            marker=_role_marker(role),
            hovertext=np.char.add(np.concatenate(hover), f" of this bin is {role}"),
            hoverinfo="text",
        )
    fig.update_layout(barmode="overlay", bargap=0)
    fig.update_yaxes(
        tickvals=list(range(len(names))),
        ticktext=list(reversed(names)),
        range=[-0.6, len(names) - 0.4],
        title="split" if len(names) == 1 else "fold",
        fixedrange=True,
    )
    suffix = (
        f" (binned: about {n_rows / n_bins:,.0f} rows per bar)"
        if n_bins < n_rows
        else " (one bar per row)"
    )
    fig.update_xaxes(title=x_title + suffix, showticklabels=False, range=[-0.5, n_bins - 0.5])
    return base_layout(fig, title, height=max(170, 70 + 42 * len(names)))


def _bucket_color(bucket: str) -> str:
    """A bucket's colour from its name: ``train``, ``validation`` / ``val 3``, ``test``."""
    for prefix, role in (("val", "validation"), ("train", "train"), ("test", "test")):
        if bucket.startswith(prefix):
            return ROLE_COLORS[role]
    return ROLE_COLORS["baseline"]


@shared_figure
def balance_figure(table: pd.DataFrame, *, title: str) -> go.Figure:
    """The class share per bucket (stacked bars), one bar per bucket."""
    fig = go.Figure()
    classes = sorted(
        table["class"].unique(), key=lambda c: -table.loc[table["class"] == c, "rows"].sum()
    )
    for i, label in enumerate(classes):
        part = table[table["class"] == label]
        fig.add_bar(
            x=part["bucket"],
            y=part["share"],
            name=f"class {label}",
            marker={"color": CLASS_COLORS[i % len(CLASS_COLORS)]},
            text=[f"{s:.1%}" for s in part["share"]],
            textposition="inside",
            customdata=part["rows"],
            hovertemplate="%{x}: %{y:.2%} (%{customdata:,} rows)<extra>class " + label + "</extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title="share of the bucket's rows", tickformat=".0%", range=[0, 1])
    fig.update_xaxes(title="bucket")
    return base_layout(fig, title, height=300)


@shared_figure
def rare_share_figure(table: pd.DataFrame, label: str, *, title: str) -> go.Figure:
    """The share of the rarest class per bucket, zoomed in so small differences show."""
    part = table[table["class"] == label]
    fig = go.Figure(
        go.Bar(
            x=part["bucket"],
            y=part["share"],
            marker={"color": [_bucket_color(b) for b in part["bucket"]]},
            text=[f"{s:.2%} ({r:,})" for s, r in zip(part["share"], part["rows"], strict=True)],
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
        )
    )
    fig.update_yaxes(title=f"share of class {label}", tickformat=".1%", rangemode="tozero")
    fig.update_xaxes(title="bucket")
    return base_layout(fig, title, height=300)


@shared_figure
def target_box_figure(table: pd.DataFrame, *, title: str, target: str) -> go.Figure:
    """The target's distribution per bucket (regression)."""
    fig = go.Figure()
    for bucket, part in table.groupby("bucket", sort=False):
        fig.add_box(
            y=part["value"],
            name=str(bucket),
            marker={"color": _bucket_color(str(bucket))},
            boxpoints=False,
            showlegend=False,
        )
    fig.update_yaxes(title=target)
    fig.update_xaxes(title="bucket")
    return base_layout(fig, title, height=300)


@shared_figure
def timeline_figure(counts: pd.DataFrame, *, title: str, time_title: str) -> go.Figure:
    """Rows per period, stacked by bucket: which dates land in which bucket."""
    fig = go.Figure()
    for role in ROLE_ORDER:
        part = counts[counts["role"] == role]
        if part.empty:
            continue
        fig.add_bar(
            x=part["period"],
            y=part["rows"],
            name=ROLE_LABELS[role],
            marker=_role_marker(role),
        )
    fig.update_layout(barmode="stack", bargap=0.05, legend={"traceorder": "normal"})
    fig.update_xaxes(title=time_title)
    fig.update_yaxes(title="rows")
    return base_layout(fig, title, height=280)


@shared_figure
def rare_counts_figure(
    random_counts: np.ndarray, stratified_counts: np.ndarray, threshold: int, *, title: str
) -> go.Figure:
    """How many rare rows the test bucket gets over repeated splits.

    Random splits as a histogram; stratified splits, which barely vary, as a band with a
    line at their value, so the random spread stays readable.
    """
    high = int(max(random_counts.max(), stratified_counts.max()))
    values = np.arange(high + 1)
    share = np.bincount(random_counts, minlength=high + 1) / len(random_counts)
    fig = go.Figure(
        go.Bar(x=values, y=share, name="random split", marker={"color": ROLE_COLORS["leaky"]})
    )
    fig.add_vrect(
        x0=-0.5,
        x1=threshold + 0.5,
        fillcolor=ROLE_COLORS["baseline"],
        opacity=0.15,
        line_width=0,
        annotation_text=f"almost none (≤ {threshold})",
        annotation_position="top left",
    )
    low, top = int(stratified_counts.min()), int(stratified_counts.max())
    fig.add_vrect(
        x0=low - 0.5,
        x1=top + 0.5,
        fillcolor=ROLE_COLORS["honest"],
        opacity=0.35,
        line_width=0,
        layer="below",
    )
    fig.add_scatter(
        x=[low, low],
        y=[0, float(share.max()) * 1.1],
        mode="lines",
        line={"color": ROLE_COLORS["honest"], "width": 3},
        name=f"stratified: always {low}" + (f" to {top}" if top > low else ""),
    )
    fig.update_xaxes(title="rare-class rows in the test bucket", rangemode="tozero")
    fig.update_yaxes(title="share of repeated splits", tickformat=".0%")
    return base_layout(fig, title, height=320)


@shared_figure
def spread_figure(
    split_scores: np.ndarray,
    fold_scores: np.ndarray,
    mean_interval: tuple[float, float],
    *,
    metric: str,
) -> go.Figure:
    """Histogram of single-split validation scores, each fold's score, and the k-fold mean
    with its confidence interval.

    Parameters
    ----------
    split_scores, fold_scores : numpy.ndarray
    mean_interval : tuple of float
        The interval of the k-fold mean (``lessons.uncertainty.fold_mean_interval``): how
        sure the mean is, which is not the spread of the folds.
    metric : str
    """
    finite = split_scores[np.isfinite(split_scores)]
    folds = fold_scores[np.isfinite(fold_scores)]
    mean = float(np.mean(folds))
    low, high = mean_interval
    fig = go.Figure(
        go.Histogram(
            x=finite,
            nbinsx=20,
            name="one random split each",
            marker={"color": ROLE_COLORS["validation"]},
        )
    )
    label = f"{len(folds)}-fold mean {mean:.3f}"
    if np.isfinite(low) and np.isfinite(high):
        label += f" (95% CI {low:.3f} to {high:.3f}, shaded)"
        fig.add_vrect(
            x0=low,
            x1=high,
            fillcolor=ROLE_COLORS["honest"],
            opacity=0.2,
            line_width=0,
            layer="below",
        )
    fig.add_vline(
        x=mean,
        line={"color": ROLE_COLORS["honest"], "width": 3},
        annotation_text=label,
        annotation_position="top",
    )
    fig.add_scatter(
        x=folds,
        y=np.zeros(len(folds)),
        mode="markers",
        marker={"symbol": "line-ns-open", "size": 18, "color": OKABE_ITO["black"]},
        name="one fold each",
        hovertemplate="fold score %{x:.3f}<extra></extra>",
    )
    fig.update_xaxes(title=f"validation {metric}")
    fig.update_yaxes(title="number of splits")
    return base_layout(fig, "Same model, same rows, different seeds", height=320)


@shared_figure
def gap_figure(
    bars: list[tuple[str, float, str]], *, metric: str, title: str = "The same model, two splits"
) -> go.Figure:
    """Test scores of a shuffled and a time split, and the same models on the same rows.

    Parameters
    ----------
    bars : list of (label, score, role)
        One bar each, left to right; ``role`` is ``"leaky"`` (the shuffled model) or
        ``"honest"`` (the time-trained one) and picks the colour.
    metric : str
    title : str
    """
    labels = [label for label, _, _ in bars]
    scores = [score for _, score, _ in bars]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=scores,
            marker={"color": [ROLE_COLORS[role] for _, _, role in bars]},
            text=[f"{s:.3f}" for s in scores],
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
        )
    )
    fig.update_yaxes(title=f"test {metric}", rangemode="tozero")
    fig.update_xaxes(title="which model, scored on which test rows")
    return base_layout(fig, title, height=360)


@shared_figure
def spread_by_rows_figure(spread: dict[int, float], *, metric: str) -> go.Figure:
    """Standard deviation of one split's validation score for each dataset size tried."""
    sizes = sorted(spread)
    fig = go.Figure(
        go.Scatter(
            x=sizes,
            y=[spread[n] for n in sizes],
            mode="lines+markers",
            marker={"color": ROLE_COLORS["validation"], "size": 10},
            line={"color": ROLE_COLORS["validation"]},
            showlegend=False,
        )
    )
    fig.update_xaxes(title="rows used", type="log")
    fig.update_yaxes(title=f"std of validation {metric}", rangemode="tozero")
    return base_layout(fig, "Spread by dataset size (sizes you tried)", height=320)
