"""Figures for the audit report: leak scores, the target over time, entities, class shares.

Pure builders: evidence in, a Plotly figure out. Column names reach Plotly as data (bar
labels), never as markup, and are shortened so a long name cannot swamp a chart.
"""

from __future__ import annotations

import plotly.graph_objects as go

from components.charts import OKABE_ITO, ROLE_COLORS, base_layout, shared_figure
from lessons.audit.report import three_digits

_MAX_LABEL = 40


def short(name: str) -> str:
    """A column name cut to fit a chart label, with HTML-like brackets neutralised."""
    text = str(name).replace("<", "‹").replace(">", "›")
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def _floor(*values: float) -> float:
    return min(0.0, *values) if min(values) < 0 else 0.0


def scored_columns(evidence: dict, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a leak finding's with/without scores were computed on: the pair or the
    formula when the finding holds one, else the columns it names."""
    return tuple(evidence.get("pair") or evidence.get("formula_columns") or columns)


@shared_figure
def leak_scores_figure(evidence: dict, columns: tuple[str, ...]) -> go.Figure:
    """Bars of the fast model's score with and without the suspect columns (and alone).

    A pair or formula finding may name fewer columns than it scored (the other an honest
    partner: an opening value, a scale, a lag), but its scores are the pair's or the
    formula's: the bars name them all, scored without them and (a pair) on its own."""
    name = evidence["score_name"]
    pair = evidence.get("pair")
    suspects = " + ".join(short(c) for c in scored_columns(evidence, columns))
    # A second look scores the table with the high leaks already dropped: say so on the bars.
    base = "high leaks dropped" if evidence.get("leaks_dropped_first") else "every column"
    labels = [f"{base}, with {suspects}", f"{base}, without {suspects}"]
    values = [evidence["score_with"], evidence["score_without"]]
    colours = [ROLE_COLORS["leaky"], ROLE_COLORS["honest"]]
    alone = evidence.get("score_together", evidence.get("score_alone"))
    label = f"{suspects} together" if pair else f"{suspects} alone"
    if isinstance(alone, dict) and alone:
        # A group of redundant columns: the best of them on its own.
        best = max(alone, key=alone.get)
        label, alone = f"best alone ({short(best)})", alone[best]
    if isinstance(alone, (int, float)):
        labels.append(label)
        values.append(alone)
        colours.append(ROLE_COLORS["baseline"])
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colours,
            text=[f"{v:.3f}" for v in values],
            textposition="auto",
            hovertemplate="%{y}: %{x:.3f}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=f"{name} (cross-validated)", range=[_floor(*values), 1.0])
    fig.update_yaxes(title_text="", autorange="reversed")
    return base_layout(fig, f"What the leak is worth: {name}", height=260)


@shared_figure
def target_over_time_figure(periods: list[dict], target: str, task: str) -> go.Figure:
    """The target's mean (or top-class share) in each quarter of the time range."""
    label = "share of the top class" if task == "multiclass" else f"mean of {short(target)}"
    fig = go.Figure(
        go.Bar(
            x=[f"{p['from']} to {p['to']}" for p in periods],
            y=[p["target_mean"] for p in periods],
            marker_color=[
                ROLE_COLORS["train"],
                ROLE_COLORS["train"],
                ROLE_COLORS["validation"],
                ROLE_COLORS["test"],
            ][: len(periods)],
            text=[three_digits(p["target_mean"]) for p in periods],
            textposition="auto",
            hovertemplate="%{x}: %{y:,.3r}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="quarter of the time range (train, validation, test by time)")
    fig.update_yaxes(title_text=label)
    return base_layout(fig, "The target over time", height=300)


@shared_figure
def entity_split_figure(evidence: dict, group_column: str) -> go.Figure:
    """Score of a model that recognises entities, under a random and a group split."""
    name = evidence["score_name"]
    values = [evidence["score_random_split"], evidence["score_group_split"]]
    fig = go.Figure(
        go.Bar(
            x=["random split", f"split by {short(group_column)}"],
            y=values,
            marker_color=[ROLE_COLORS["leaky"], ROLE_COLORS["honest"]],
            text=[f"{v:.3f}" for v in values],
            textposition="auto",
            hovertemplate="%{x}: %{y:.3f}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="how the rows were split")
    fig.update_yaxes(title_text=f"{name} (cross-validated)", range=[_floor(*values), 1.0])
    return base_layout(fig, "Seen entities flatter the score", height=300)


@shared_figure
def class_shares_figure(shares: dict[str, float]) -> go.Figure:
    """Share of rows in each class, rarest highlighted."""
    labels = [short(label) for label in shares]
    values = list(shares.values())
    rarest = min(range(len(values)), key=values.__getitem__)
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=values,
            marker_color=[
                OKABE_ITO["vermillion"] if i == rarest else ROLE_COLORS["baseline"]
                for i in range(len(values))
            ],
            text=[f"{v:.1%}" for v in values],
            textposition="auto",
            hovertemplate="%{x}: %{y:.1%}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="class", type="category")
    fig.update_yaxes(title_text="share of rows", tickformat=".0%", range=[0, 1])
    return base_layout(fig, "How rare is the rarest class?", height=280)


@shared_figure
def chosen_alternative_figure(by_alternative: dict[str, dict[str, int]], column: str) -> go.Figure:
    """Rows by the alternative a column equals (rows) and the class chosen (columns): a
    diagonal says the column is the value of what was chosen."""
    alternatives = list(by_alternative)
    classes = sorted({c for row in by_alternative.values() for c in row})
    counts = [[by_alternative[a].get(c, 0) for c in classes] for a in alternatives]
    fig = go.Figure(
        go.Heatmap(
            z=counts,
            x=[short(c) for c in classes],
            y=[short(a) for a in alternatives],
            colorscale=[[0, "#ffffff"], [1, ROLE_COLORS["leaky"]]],
            showscale=False,
            text=[[f"{v:,}" if v else "" for v in row] for row in counts],
            texttemplate="%{text}",
            hovertemplate="equals %{y}, chose %{x}: %{z:,} rows<extra></extra>",
        )
    )
    fig.update_xaxes(title_text="class chosen", type="category")
    fig.update_yaxes(title_text=f"{short(column)} equals", type="category", autorange="reversed")
    return base_layout(fig, "Which value it equals, by the class chosen", height=300)
