"""Lesson 5 (Pick a metric): cached predictions, the side-by-side table, the threshold lab,
the model comparison and the guide. Owns the ``metrics_*`` session_state keys.

The experiments on synthetic data, ranking and forecasting live in ``metrics_experiments``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components import course, page, progress
from components.charts import metrics as charts
from components.lesson import demo_controls, guarded, reveal, shared_figure, takeaway
from components.text import code_name
from lessons import framing, scoring
from lessons import metrics as lm
from lessons.choices import FramingChoice, SplitChoice
from lessons.content import sections
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.splits import Buckets, make_buckets
from lessons.store import RunRecord

THRESHOLD_KEY = "metrics_threshold"
CURVE_KEY = "metrics_curve"
# Beside the confusion matrix, one curve at a time: each chart the threshold moves costs the
# browser a redraw, and the three curves read the same operating point.
CURVES = {
    "cost": "Cost per threshold",
    "roc": "ROC curve",
    "pr": "Precision–recall curve",
}
POSITIVE_KEY = "metrics_positive"
COST_FP_KEY = "metrics_cost_fp"
COST_FN_KEY = "metrics_cost_fn"
REVIEW_K_KEY = "metrics_review_k"
TOP_K_KEY = "metrics_top_k"
RELEVANT_KEY = "metrics_min_relevance"
QUANTILES_KEY = "metrics_quantiles"
IMBALANCE_KEY = "metrics_imbalance"
OUTLIERS_KEY = "metrics_outliers"
LEVEL_KEY = "metrics_level"
BLEND_KEY = "metrics_blend"
SERIES_KEY = "metrics_series"
_URL_READ_KEY = "metrics_url_read"
_RECORDED_KEY = "metrics_recorded"

QUANTILE_OPTIONS = (0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95)
DEFAULT_QUANTILES = [0.1, 0.9]
DEFAULT_THRESHOLD = 0.5
DEFAULT_COSTS = (1.0, 5.0)
MIN_COST, MAX_COST = (float(bound) for bound in framing.COST_RANGE)
CHART_CONFIG = {"displayModeBar": False}

# URL parameter → session key, for the settings a shared link reproduces.
URL_CHOICES: dict[str, tuple[str, tuple[float, ...]]] = {
    "imbalance": (IMBALANCE_KEY, lm.IMBALANCE_LEVELS),
    "outliers": (OUTLIERS_KEY, lm.OUTLIER_SHARES),
    "level": (LEVEL_KEY, lm.NEAR_ZERO_LEVELS),
    "blend": (BLEND_KEY, lm.BLEND_WEIGHTS),
}
URL_NUMBERS: dict[str, tuple[str, float, float, type]] = {
    "threshold": (THRESHOLD_KEY, 0.0, 1.0, float),
    "cost_fp": (COST_FP_KEY, MIN_COST, MAX_COST, float),
    "cost_fn": (COST_FN_KEY, MIN_COST, MAX_COST, float),
    "review_k": (REVIEW_K_KEY, 1, 1_000_000, int),
    "top_k": (TOP_K_KEY, 1, 1000, int),
}


# --- URL ----------------------------------------------------------------------------------


def read_url() -> None:
    """On the page's first run in a session, take its settings from the link."""
    if st.session_state.get(_URL_READ_KEY):
        return
    st.session_state[_URL_READ_KEY] = True
    query = st.query_params
    for param, (key, options) in URL_CHOICES.items():
        value = _number(query.get(param), float)
        match = next((o for o in options if value is not None and math.isclose(o, value)), None)
        if match is not None:
            st.session_state[key] = match
    for param, (key, low, high, kind) in URL_NUMBERS.items():
        value = _number(query.get(param), kind)
        if value is not None and low <= value <= high:
            st.session_state[key] = value
    if query.get("curve") in CURVES:
        st.session_state[CURVE_KEY] = query.get("curve")


def _number(raw: str | None, kind: type) -> float | int | None:
    try:
        value = kind(raw) if raw is not None else None
    except ValueError:
        return None
    return value if value is None or math.isfinite(value) else None


def mirror(param: str, value: float | int | str | None) -> None:
    """Keep one of this page's settings in the URL; no other key is touched."""
    if value is None:
        if param in st.query_params:
            del st.query_params[param]
        return
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    if st.query_params.get(param) != shown:
        st.query_params[param] = shown


def figure(kind: str, key: tuple, build: Callable[[], go.Figure]) -> go.Figure:
    """This page's chart ``kind`` for ``key``, shared by every session (see ``shared_figure``)."""
    return shared_figure(f"metrics {kind}", key, build)


# --- Predictions --------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What every section of the page needs: the dataset, its held-out predictions, lesson 1."""

    dataset: Dataset
    seed: int
    split: SplitChoice
    held_out: lm.HeldOutPredictions | None
    framing: FramingChoice | None

    @property
    def cache_key(self) -> tuple:
        """What the cached computations depend on; names alone could hide a changed upload."""
        return self.dataset.cache_key

    @property
    def chosen_metric(self) -> str:
        return lm.guide_metric(self.framing.metric if self.framing else None)


def _buckets(dataset: Dataset, split: SplitChoice, seed: int) -> tuple[Buckets, str]:
    try:
        return make_buckets(dataset, split, random_state=seed), ""
    except DataError as error:
        note = f"The split chosen in lesson 2 does not apply here ({error}); using the default."
        return make_buckets(dataset, None, random_state=seed), note


@st.cache_data(show_spinner=False, max_entries=32)
def _held_out(
    key: tuple, seed: int, split: SplitChoice, _dataset: Dataset
) -> tuple[lm.HeldOutPredictions, str]:
    buckets, note = _buckets(_dataset, split, seed)
    return lm.fit_held_out(_dataset, buckets, random_state=seed), note


@st.cache_data(show_spinner=False, max_entries=64)
def quantile_forecast(
    key: tuple, seed: int, split: SplitChoice, quantile: float, _dataset: Dataset
) -> np.ndarray:
    """Validation predictions of the quantile model at ``quantile``, fitted on train only."""
    buckets, _ = _buckets(_dataset, split, seed)
    return lm.fit_quantile(_dataset, buckets, quantile, random_state=seed)


def prepare(dataset: Dataset, seed: int) -> Context:
    """Fit (or fetch from the cache) the quick models and record each distinct fit once."""
    split = course.split_choice(dataset.name)
    with st.spinner("Fitting three quick models on the training rows…"):
        result = guarded(
            lambda: _held_out(dataset.cache_key, seed, split, dataset),
            what="fit the quick models",
        )
    held_out = None
    if result is not None:
        held_out, note = result
        if note:
            st.info(note, icon=":material/call_split:")
        _record(held_out, seed, _logged_scores(dataset.cache_key, seed, split, held_out))
    return Context(dataset, seed, split, held_out, course.framing(dataset.name))


@st.cache_data(show_spinner=False, max_entries=32)
def _logged_scores(
    key: tuple, seed: int, split: SplitChoice, _held_out: lm.HeldOutPredictions
) -> dict[str, dict[str, float]]:
    """Each quick model's validation score under every metric, as the run log keeps them;
    the same for every session on the same data, split and seed."""
    return {
        model.name: {
            f"validation_{s.key}": round(s.value, 6)
            for s in lm.score_held_out(_held_out, model)
            if not math.isnan(s.value)
        }
        for model in _held_out.models
    }


def _record(
    held_out: lm.HeldOutPredictions, seed: int, scores: dict[str, dict[str, float]]
) -> None:
    recorded = st.session_state.setdefault(_RECORDED_KEY, set())
    for model in held_out.models:
        key = (held_out.dataset, seed, held_out.split, model.name)
        if key in recorded:
            continue
        recorded.add(key)
        course.record_run(
            RunRecord(
                page="metrics",
                dataset=held_out.dataset,
                split=held_out.split,
                model=model.name,
                params={"model": model.description},
                metrics=scores[model.name],
                seed=seed,
                note="Lesson 5: scored under every metric of its task.",
            )
        )


def record_quantile_runs(ctx: Context, forecasts: dict[float, np.ndarray]) -> None:
    """Record each quantile model once, with its pinball loss at its own quantile."""
    held_out = ctx.held_out
    recorded = st.session_state.setdefault(_RECORDED_KEY, set())
    for q, prediction in forecasts.items():
        key = (held_out.dataset, ctx.seed, held_out.split, f"quantile {q:g}")
        if key in recorded:
            continue
        recorded.add(key)
        loss = scoring.REGISTRY["pinball"].function(held_out.y_true, prediction, alpha=q)
        course.record_run(
            RunRecord(
                page="metrics",
                dataset=held_out.dataset,
                split=held_out.split,
                model=f"gradient boosting (quantile {q:g})",
                params={"loss": "quantile", "quantile": q},
                metrics={f"validation_pinball_q{q:g}": round(float(loss), 6)},
                seed=ctx.seed,
                note="Lesson 5: a quantile forecast.",
            )
        )


# --- Formatting ---------------------------------------------------------------------------


def fmt(value: float) -> str:
    """A metric value for a table: three significant digits, huge values in scientific form."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if abs(value) >= 1e6:
        return f"{value:.2e}"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3f}"


HIGHLIGHT = "rgba(0,114,178,0.15)"
STAR = "rgba(230,159,0,0.25)"


def score_table(scores: Sequence[scoring.MetricScore], chosen: str) -> pd.DataFrame:
    """The side-by-side table: one row per metric, the lesson-1 metric starred.

    The "Lesson 1" and "Note" columns appear only when some row fills them.
    """
    table = pd.DataFrame(
        {
            "Metric": [s.label for s in scores],
            "Value": [fmt(s.value) for s in scores],
            "Better": ["higher" if s.greater_is_better else "lower" for s in scores],
            "When to use": [scoring.REGISTRY[s.key].when for s in scores],
            "Lesson 1": ["★ your metric" if s.key == chosen else "" for s in scores],
            "Note": [s.note for s in scores],
        }
    )
    return table[[c for c in table.columns if (table[c] != "").any()]]


def _styled(frame: pd.DataFrame, marked: Sequence[bool], colour: str = STAR):
    marked = list(marked)
    return frame.style.apply(
        lambda column: [f"background-color: {colour}" if m else "" for m in marked], axis=0
    )


# --- Sections -----------------------------------------------------------------------------


def needs_predictions(ctx: Context) -> bool:
    """Whether the held-out predictions exist; explains why not otherwise."""
    if ctx.held_out is None:
        st.info(
            "This section needs honest predictions on the active dataset, and the quick models "
            "could not be fitted (see the message above). The experiments on synthetic data "
            "below still work.",
            icon=":material/info:",
        )
        return False
    return True


def side_by_side(ctx: Context) -> None:
    """Every metric of the task on the same held-out predictions of the main model."""
    st.markdown(sections("metrics")["side_by_side"])
    if not needs_predictions(ctx):
        return
    held_out = ctx.held_out
    st.caption(
        f"Model: {held_out.main.name} ({held_out.main.description}), fitted on "
        f"{held_out.n_train:,} training rows, scored on {len(held_out.y_true):,} validation "
        f"rows. Split: {held_out.split}, because {held_out.split_reason}."
    )
    if held_out.problem == "ranking" and held_out.groups is not None:
        _ranking_side_by_side(ctx)
        return
    if held_out.task == "binary":
        threshold = _framing_threshold(ctx)
        n_rows = len(held_out.y_true)
        st.session_state.setdefault(REVIEW_K_KEY, max(5, round(0.05 * n_rows)))
        st.session_state[REVIEW_K_KEY] = min(st.session_state[REVIEW_K_KEY], n_rows)
        k = st.slider(
            "k: how many top-scored cases your team can review",
            1,
            n_rows,
            key=REVIEW_K_KEY,
            help="Precision@k and recall@k look only at the k highest scores.",
        )
        mirror("review_k", k)
        scores = _scores(ctx.cache_key, ctx.seed, ctx.split, threshold, k, held_out)
        st.caption(
            f"Positive class: {code_name(held_out.classes[1])}. Accuracy, precision, recall "
            f"and F1 flag scores at or above {threshold:.2f}"
            + (" (lesson 1's threshold)." if ctx.framing and ctx.framing.threshold else ".")
        )
    elif held_out.task == "multiclass":
        scores = lm.score_held_out(held_out, held_out.main)
        st.caption(
            f"{len(held_out.classes)} classes: per-class metrics are averaged with equal weight "
            "(macro). Precision@k and recall@k need one positive class; pick one in the "
            "threshold section."
        )
    else:
        forecasts = chosen_quantiles(ctx)
        scores = lm.score_held_out(held_out, held_out.main, quantile_predictions=forecasts)
    table = score_table(scores, ctx.chosen_metric)
    _show_scores(table)
    takeaway(_side_by_side_takeaway(held_out, scores))


@st.cache_data(show_spinner=False, max_entries=128)
def _scores(
    key: tuple,
    seed: int,
    split: SplitChoice,
    threshold: float,
    k: int,
    _held_out: lm.HeldOutPredictions,
) -> tuple[scoring.MetricScore, ...]:
    return lm.score_held_out(_held_out, _held_out.main, threshold=threshold, k=k)


def _show_scores(table: pd.DataFrame) -> None:
    marked = table["Lesson 1"] != "" if "Lesson 1" in table else [False] * len(table)
    st.table(_styled(table, marked), hide_index=True)


def _side_by_side_takeaway(
    held_out: lm.HeldOutPredictions, scores: Sequence[scoring.MetricScore]
) -> str:
    values = {s.key: s.value for s in scores}
    if held_out.task == "binary":
        prevalence = held_out.y_true.mean()
        return (
            f"Accuracy {values['accuracy']:.1%} looks strong next to recall "
            f"{values['recall']:.1%}; with {prevalence:.1%} positives, flagging nobody "
            f"would already score {1 - prevalence:.1%} accuracy."
        )
    if held_out.task == "multiclass":
        return (
            f"Accuracy {values['accuracy']:.1%} and macro F1 {values['f1']:.3f}: on balanced, "
            "easy classes the metrics agree, and log loss still separates confident from lucky."
        )
    if "rmse" in values:
        return (
            f"RMSE {fmt(values['rmse'])} against MAE {fmt(values['mae'])}: the ratio "
            f"{values['rmse'] / values['mae']:.2f} shows how much a few large misses weigh "
            "(1 would mean every error is the same size)."
        )
    return (
        f"MASE {values['mase']:.2f}: the model's mean absolute error is {values['mase']:.0%} of "
        "the seasonal naive forecast's on the training series; sMAPE "
        f"{values['smape']:.1%} against MAPE {values['mape']:.1%}."
    )


def _framing_threshold(ctx: Context) -> float:
    if ctx.framing and ctx.framing.threshold is not None:
        return float(ctx.framing.threshold)
    return DEFAULT_THRESHOLD


def chosen_quantiles(ctx: Context) -> dict[float, np.ndarray]:
    """The quantile picker; returns each chosen quantile's validation forecast."""
    st.session_state.setdefault(QUANTILES_KEY, DEFAULT_QUANTILES)
    chosen = st.pills(
        "Quantiles for the pinball loss",
        QUANTILE_OPTIONS,
        selection_mode="multi",
        key=QUANTILES_KEY,
        format_func=lambda q: f"q={q:g}",
        help="Each quantile is its own model, fitted to the pinball loss at that quantile.",
    )
    return quantile_forecasts(ctx, chosen)


def quantile_forecasts(ctx: Context, quantiles: Sequence[float]) -> dict[float, np.ndarray]:
    """Fetch (or fit) each quantile forecast and record it as a run."""
    forecasts: dict[float, np.ndarray] = {}
    with st.spinner("Fitting quantile models…"):
        for q in sorted(quantiles):
            forecasts[q] = quantile_forecast(ctx.cache_key, ctx.seed, ctx.split, q, ctx.dataset)
    record_quantile_runs(ctx, forecasts)
    return forecasts


def _ranking_side_by_side(ctx: Context) -> None:
    held_out = ctx.held_out
    k, min_relevance = ranking_settings(held_out)
    random_scores = np.random.default_rng(ctx.seed).random(len(held_out.y_true))
    orders = {
        f"{held_out.main.name}": held_out.main.prediction,
        "random order": random_scores,
        "perfect order": held_out.y_true,
    }
    columns = {
        name: scoring.score_ranking(
            held_out.y_true, scores, held_out.groups, k=k, min_relevance=min_relevance
        )
        for name, scores in orders.items()
    }
    first = next(iter(columns.values()))
    table = pd.DataFrame(
        {
            "Metric": [s.label for s in first],
            **{name: [fmt(s.value) for s in scores] for name, scores in columns.items()},
            "When to use": [scoring.REGISTRY[s.key].when for s in first],
            "Lesson 1": ["★ your metric" if s.key == ctx.chosen_metric else "" for s in first],
        }
    )
    _show_scores(table[[c for c in table.columns if (table[c] != "").any()]])
    model = {s.key: s.value for s in columns[held_out.main.name]}
    shuffled = {s.key: s.value for s in columns["random order"]}
    n_queries = len(np.unique(held_out.groups))
    takeaway(
        f"Over {n_queries} validation queries the model reaches NDCG@{k} "
        f"{model['ndcg_at_k']:.3f} against {shuffled['ndcg_at_k']:.3f} for a random order, "
        f"while hit@{k} is {model['hit_at_k']:.2f} against {shuffled['hit_at_k']:.2f}: "
        "the easier the metric, the smaller the gap it shows."
    )


def ranking_settings(held_out: lm.HeldOutPredictions) -> tuple[int, int]:
    """The k and relevance-grade pickers shared by the ranking sections."""
    longest = int(pd.Series(held_out.groups).value_counts().max())
    st.session_state.setdefault(TOP_K_KEY, min(5, longest))
    st.session_state[TOP_K_KEY] = min(st.session_state[TOP_K_KEY], longest)
    grades = sorted({int(g) for g in np.unique(held_out.y_true) if g > 0}) or [1]
    st.session_state.setdefault(RELEVANT_KEY, grades[len(grades) // 2])
    if st.session_state[RELEVANT_KEY] not in grades:
        st.session_state[RELEVANT_KEY] = grades[0]
    left, right = st.columns(2)
    with left:
        k = st.slider("k: results the user looks at", 1, longest, key=TOP_K_KEY)
    with right:
        min_relevance = st.selectbox(
            "A result counts as relevant from grade",
            grades,
            key=RELEVANT_KEY,
            help="MAP, hit@k and MRR need relevant / not relevant; NDCG uses the grades.",
        )
    mirror("top_k", k)
    return k, min_relevance


# --- The threshold ------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _curves(
    key: tuple,
    seed: int,
    split: SplitChoice,
    positive: str,
    costs: tuple[float, float],
    _y_true: np.ndarray,
    _score: np.ndarray,
) -> lm.Curves:
    return lm.curves(_y_true, _score, cost_false_positive=costs[0], cost_false_negative=costs[1])


def _costs(ctx: Context) -> tuple[float, float]:
    if ctx.framing is not None:
        st.caption(
            f"Costs from lesson 1: a false alarm costs {ctx.framing.cost_false_positive:g}, a miss "
            f"costs {ctx.framing.cost_false_negative:g}. Change them on the Frame page."
        )
        return float(ctx.framing.cost_false_positive), float(ctx.framing.cost_false_negative)
    st.session_state.setdefault(COST_FP_KEY, DEFAULT_COSTS[0])
    st.session_state.setdefault(COST_FN_KEY, DEFAULT_COSTS[1])
    left, right = st.columns(2)
    with left:
        fp = st.number_input("Cost of a false alarm", MIN_COST, MAX_COST, step=1.0, key=COST_FP_KEY)
    with right:
        fn = st.number_input("Cost of a miss", MIN_COST, MAX_COST, step=1.0, key=COST_FN_KEY)
    st.caption("Lesson 1 has not set costs for this dataset, so set them here.")
    mirror("cost_fp", float(fp))
    mirror("cost_fn", float(fn))
    return float(fp), float(fn)


def _binary_view(held_out: lm.HeldOutPredictions) -> tuple[np.ndarray, np.ndarray, tuple[str, str]]:
    """Labels, scores and class names of a yes/no decision; multiclass picks one class."""
    if held_out.task == "binary":
        return held_out.y_true, held_out.main.prediction, held_out.classes
    classes = list(held_out.classes)
    # A class with no held-out row (a split by time can leave one out) has no curve: offer
    # the classes present and name the missing ones.
    present = [c for i, c in enumerate(classes) if np.any(held_out.y_true == i)] or classes
    if st.session_state.get(POSITIVE_KEY) not in present:
        st.session_state[POSITIVE_KEY] = present[0]
    positive = st.selectbox(
        "Class treated as positive (one against the rest)",
        present,
        key=POSITIVE_KEY,
        help="A threshold turns a score into a yes/no decision, so pick the class to say yes to.",
    )
    missing = [c for c in classes if c not in present]
    if missing:
        st.caption(
            f"Not offered: {', '.join(code_name(c) for c in missing)} "
            f"{'has' if len(missing) == 1 else 'have'} no row in the validation set (this "
            "split holds them out of it), so no curve or threshold can be drawn for "
            f"{'it' if len(missing) == 1 else 'them'}."
        )
    index = classes.index(positive)
    return (
        (held_out.y_true == index).astype(int),
        held_out.main.prediction[:, index],
        (f"not {positive}", positive),
    )


def _readable(classes: tuple[str, str], target: str) -> tuple[str, str]:
    """0/1 and False/True labels say little on a chart; name them after the target."""
    if set(classes) in ({"0", "1"}, {"False", "True"}):
        return f"not {target}", target
    return classes


@page.fragment("threshold lab")
def threshold_lab(ctx: Context) -> None:
    """The threshold slider and everything that depends on it; reruns on its own."""
    if not needs_predictions(ctx):
        return
    held_out = ctx.held_out
    if held_out.task == "regression":
        st.info(
            f"{code_name(ctx.dataset.name)} predicts a number, so there is no threshold to move. "
            "Switch to a classification dataset (fraud, churn, breast_cancer, wine) to try it; "
            "the experiments below work with any dataset.",
            icon=":material/info:",
        )
        return
    with demo_controls("Move the threshold"):
        y_true, score, classes = _binary_view(held_out)
        classes = _readable(classes, ctx.dataset.target)
        costs = _costs(ctx)
        st.session_state.setdefault(THRESHOLD_KEY, _framing_threshold(ctx))
        slider, fixed = st.columns([5, 2], vertical_alignment="center")
        slider.slider(
            "Threshold: flag scores at or above",
            0.0,
            1.0,
            step=0.01,
            key=THRESHOLD_KEY,
            on_change=_threshold_moved,
        )
    curves = guarded(
        lambda: _curves(ctx.cache_key, ctx.seed, ctx.split, classes[1], costs, y_true, score),
        what="draw the curves",
    )
    if curves is None:
        return
    with fixed:
        # Summaries of every threshold at once, beside the slider: the learner watches them
        # stay put, and a move does not redraw them.
        roc_cell, pr_cell = st.columns(2)
        still = "Summarises every threshold, so the slider does not move it."
        roc_cell.metric("ROC AUC", f"{curves.roc_auc:.3f}", help=still, border=True)
        pr_cell.metric(
            "PR AUC",
            f"{curves.pr_auc:.3f}",
            help=f"Average precision. {still}",
            border=True,
        )
    _threshold_view(y_true, score, classes, costs, curves)


THRESHOLD_VIEW = "metrics_threshold_view"


def _threshold_moved() -> None:
    """A threshold move redraws what the threshold sets, not the slider or the AUCs."""
    progress.mark("metrics", "threshold_moved")
    st.rerun(THRESHOLD_VIEW)


@page.fragment("threshold view", key=THRESHOLD_VIEW)
def _threshold_view(
    y_true: np.ndarray,
    score: np.ndarray,
    classes: Sequence[str],
    costs: tuple[float, float],
    curves: lm.Curves,
) -> None:
    """The numbers, the confusion matrix and the curve at the slider's threshold."""
    threshold = float(st.session_state[THRESHOLD_KEY])
    mirror("threshold", threshold)
    point = lm.operating_point(
        y_true, score, threshold, cost_false_positive=costs[0], cost_false_negative=costs[1]
    )
    cells = st.columns(5)
    for cell, (label, value) in zip(
        cells,
        (
            ("Precision", f"{point.precision:.1%}"),
            ("Recall", f"{point.recall:.1%}"),
            ("F1", f"{point.f1:.3f}"),
            ("Accuracy", f"{point.accuracy:.1%}"),
            ("Total cost", f"{point.cost:,.0f}"),
        ),
        strict=True,
    ):
        cell.metric(label, value)
    matrix, curve = st.columns(2)
    with matrix:
        spec, data = charts.confusion_chart(point, classes)
        st.vega_lite_chart(data, spec, width="stretch", height=400, key="metrics_confusion")
    with curve:
        if st.session_state.get(CURVE_KEY) not in CURVES:
            st.session_state[CURVE_KEY] = "cost"
        shown = st.segmented_control(
            "Curve",
            tuple(CURVES),
            format_func=CURVES.get,
            key=CURVE_KEY,
            required=True,
            label_visibility="collapsed",
            help="The same operating point on each curve; the slider moves it along.",
        )
        mirror("curve", None if shown == "cost" else shown)
        builders = {
            "cost": lambda: charts.cost_chart(curves, point),
            "roc": lambda: charts.roc_chart(curves, point),
            "pr": lambda: charts.pr_chart(curves, point, float(np.mean(y_true))),
        }
        spec, data = builders[shown]()
        st.vega_lite_chart(data, spec, width="stretch", height=400, key=f"metrics_{shown}")
    flagged = point.true_positives + point.false_positives
    best = lm.operating_point(
        y_true,
        score,
        curves.best_threshold,
        cost_false_positive=costs[0],
        cost_false_negative=costs[1],
    )
    takeaway(
        f"At {threshold:.2f} you flag {flagged:,} of {len(y_true):,} rows: "
        f"{point.true_positives:,} caught, {point.false_positives:,} false alarms, "
        f"{point.false_negatives:,} missed, total cost {point.cost:,.0f}. The cheapest "
        f"threshold on these rows is {curves.best_threshold:.2f} (cost {best.cost:,.0f}), "
        "but it was picked on the rows that price it, so that cost is optimistic; with "
        f"calibrated probabilities theory puts it at {costs[0] / sum(costs):.2f}. ROC AUC "
        f"{curves.roc_auc:.3f} and PR AUC {curves.pr_auc:.3f} do not move with the slider."
    )


# --- Models disagree ----------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=128)
def _comparison(
    key: tuple,
    seed: int,
    split: SplitChoice,
    threshold: float | None,
    k: int,
    min_relevance: int,
    _held_out: lm.HeldOutPredictions,
) -> pd.DataFrame:
    # Keyed on the settings only: the 500-resample bootstrap runs once per setting, not on
    # every rerun of the page (the threshold lab's slider does not feed it). threshold None:
    # the metrics no threshold changes, shared by every learner whatever their costs.
    return lm.compare_models(
        _held_out,
        threshold=0.5 if threshold is None else threshold,
        k=k,
        min_relevance=min_relevance,
        random_state=seed,
        thresholded=threshold is not None,
    )


def _compared(
    key: tuple,
    seed: int,
    split: SplitChoice,
    threshold: float,
    k: int,
    min_relevance: int,
    held_out: lm.HeldOutPredictions,
) -> pd.DataFrame:
    """Every metric's verdict: the threshold-free ones cached apart from the learner's
    threshold (most of the bootstrap's cost), in the order of the full table."""
    parts = [
        _comparison(key, seed, split, None, k, min_relevance, held_out),
        _comparison(key, seed, split, threshold, k, min_relevance, held_out),
    ]
    parts = [part for part in parts if len(part)]
    return pd.concat(parts).sort_index() if len(parts) > 1 else parts[0]


def models_disagree(ctx: Context) -> None:
    """Three models under every metric, the winner of each starred when it is not noise."""
    st.markdown(sections("metrics")["disagree"])
    if not needs_predictions(ctx):
        return
    held_out = ctx.held_out
    k = int(st.session_state.get(REVIEW_K_KEY, 100))
    min_relevance = int(st.session_state.get(RELEVANT_KEY, 1))
    top_k = int(st.session_state.get(TOP_K_KEY, 5))
    compared = (
        ctx.cache_key,
        ctx.seed,
        ctx.split,
        _framing_threshold(ctx),
        top_k if held_out.problem == "ranking" else k,
        min_relevance,
    )
    with st.spinner("Resampling the validation rows to measure the noise…"):
        table = _compared(*compared, held_out)
    models = [m.name for m in held_out.models]
    st.caption(
        " · ".join(f"**{m.name}**: {m.description}" for m in held_out.models)
        + ". Scored on the same validation rows."
    )
    if not reveal("metrics_disagree", "Which model wins? Ask the room, then reveal."):
        return
    st.plotly_chart(
        figure("winners", compared, lambda: charts.winners_figure(table, models)),
        config=CHART_CONFIG,
        key="metrics_winners",
    )
    st.table(verdict_table(table), hide_index=True)
    takeaway(disagreement_summary(table))


def verdict_table(table: pd.DataFrame) -> pd.DataFrame:
    """Per metric: the best model, the runner-up, the interval of their gap, the verdict."""
    rows = table[table["best"] != ""]
    return pd.DataFrame(
        {
            "Metric": rows["metric"],
            "Best": rows["best"],
            "Runner-up": rows["runner_up"],
            "Best − runner-up (95% CI)": [
                f"{fmt(low)} to {fmt(high)}"
                for low, high in zip(rows["low"], rows["high"], strict=True)
            ],
            "Verdict": [
                f"{winner} wins" if winner else "no real difference" for winner in rows["winner"]
            ],
        }
    )


def disagreement_summary(table: pd.DataFrame) -> str:
    """One sentence on which model each metric crowned, computed from the table.

    A metric whose best and runner-up differ by less than the noise crowns nobody.
    """
    crowned = table[table["winner"] != ""].groupby("winner", sort=False)["metric"].apply(list)
    ties = table[(table["winner"] == "") & (table["best"] != "")]["metric"].tolist()
    tied = (
        f" Under {', '.join(ties)} the best and the runner-up are within the noise: no real "
        "difference, so those metrics cannot choose."
        if ties
        else ""
    )
    if crowned.empty:
        return (
            "No metric separates the models by more than the noise of these validation rows: "
            "no real difference anywhere. More validation rows would narrow the noise."
        )
    parts = [
        f"{winner} wins {len(metrics)} ({', '.join(metrics)})"
        for winner, metrics in crowned.sort_values(key=lambda s: -s.str.len()).items()
    ]
    if len(crowned) == 1:
        return (
            f"Every metric that separates the models agrees: {parts[0]}.{tied} Agreement is "
            "the lucky case; on rare positives (fraud) or skewed targets the crowns split."
        )
    return f"The metrics disagree: {'; '.join(parts)}.{tied} The metric you report picks the model."


def positive_share(ctx: Context) -> float | None:
    """Share of positives in the validation rows of a yes/no dataset, else None."""
    if ctx.held_out is None or ctx.held_out.task != "binary":
        return None
    return float(ctx.held_out.y_true.mean())


# --- Guide --------------------------------------------------------------------------------


def guide(ctx: Context) -> None:
    """Problem → metric → why, the active dataset's row highlighted, lesson 1's metric starred."""
    st.markdown(sections("metrics")["guide"])
    dataset = ctx.dataset
    share = positive_share(ctx)
    costs = (
        (ctx.framing.cost_false_positive, ctx.framing.cost_false_negative)
        if ctx.framing is not None
        else None
    )
    active = lm.guide_row_for(dataset.task, dataset.problem, share, costs)
    chosen = ctx.chosen_metric
    table = pd.DataFrame(
        {
            "Problem": [row.problem for row in lm.GUIDE],
            "Metric": [
                ", ".join(
                    ("★ " if key == chosen else "") + lm.metric_label(key) for key in row.metrics
                )
                for row in lm.GUIDE
            ],
            "Why": [row.why for row in lm.GUIDE],
            "Fits": ["◀ active dataset" if row.key == active else "" for row in lm.GUIDE],
        }
    )
    st.table(_styled(table, [row.key == active for row in lm.GUIDE], HIGHLIGHT), hide_index=True)
    row = next(r for r in lm.GUIDE if r.key == active)
    names = ", ".join(lm.metric_label(key) for key in row.metrics)
    share_text = f" ({share:.1%} positives)" if share is not None else ""
    chosen_text = (
        f" Lesson 1 chose {lm.metric_label(chosen)}"
        + (", which is in this row." if chosen in row.metrics else ", outside this row: check why.")
        if chosen
        else " Lesson 1 has not chosen a metric for this dataset yet."
    )
    takeaway(
        f"The active dataset, {code_name(dataset.name)}{share_text}, fits “{row.problem}”: "
        f"{names}.{chosen_text}"
    )
