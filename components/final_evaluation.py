"""The final evaluation: open the test set once, report its score with an interval, count looks.

Drawn at the end of lesson 4 (the model trained there), of lesson 5 (with the metric reported
there) and in the last step of the guided path. Owns the ``final_evaluation_*`` session_state
keys: every look at each split's test set in this session, the model lesson 4 last trained
on each dataset, and lesson 5's choice of metric to report.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
import streamlit as st

from components import course, lesson
from components.charts.evaluation import final_scores_figure
from components.text import escape_md
from components.train_cache import Setup, prepared
from lessons import evaluation, framing, scoring, training
from lessons.choices import FramingChoice, SplitChoice
from lessons.content import sections
from lessons.datasets import Dataset
from lessons.models import MODELS, default_model

OPENED_KEY = "final_evaluation_opened"
TRAINED_KEY = "final_evaluation_trained"
METRIC_KEY = "final_evaluation_metric"
_CHART_CONFIG = {"displayModeBar": False}
TITLE = "Final evaluation: open the test set once"


@dataclass(frozen=True)
class Choice:
    """What one look at the test set was for: the model, its settings, the metric, the prices.

    ``costs`` are lesson 1's (false alarm, miss) where they count: the expected cost adds them
    up, and they choose a thresholded metric's cut on this model's validation predictions.
    ``data`` is the dataset's cache key: the same rows with other columns kept out (the guided
    path's leak check) make another pipeline, so another look.
    """

    model: str
    params: tuple[tuple[str, object], ...]
    metric: str
    costs: tuple[float, float] | None
    data: tuple = ()

    def label(self) -> str:
        spec = MODELS[self.model]
        settings = ", ".join(f"{n}={spec.param(n).show(v)}" for n, v in self.params)
        text = spec.label + (f" ({settings})" if settings else "")
        text += f" under {evaluation.metric_name(self.metric)}"
        if self.costs is not None:
            text += f" at lesson 1's prices ({_prices(self.costs)})"
        return text


def _prices(costs: tuple[float, float]) -> str:
    false_positive, false_negative = costs
    return f"a false alarm costs {false_positive:g}, a miss {false_negative:g}"


def _costs(costs: tuple[float, float] | None) -> framing.Costs | None:
    return None if costs is None else framing.Costs(*costs)


def lesson_one_costs(choice: FramingChoice | None, task: str) -> framing.Costs | None:
    """Lesson 1's prices of the two errors, when it set any on a two-class target.

    Prices left at 1 and 1 with another metric chosen count as not priced.
    """
    if choice is None or task != "binary":
        return None
    costs = framing.Costs(choice.cost_false_positive, choice.cost_false_negative)
    unpriced = (costs.false_positive, costs.false_negative) == (1.0, 1.0)
    return None if unpriced and choice.metric != framing.EXPECTED_COST else costs


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _test_set(ready: training.Prepared, seed: int) -> tuple:
    """Which test rows these are: every page that splits the same rows the same way shares it."""
    rows = np.sort(ready.buckets.test).astype(np.int64).tobytes()
    dataset = ready.dataset
    return (dataset.name, dataset.target, dataset.n_rows, seed, hashlib.sha1(rows).hexdigest())


def _looks(split_key: tuple) -> list[Choice]:
    """The choices this session opened the test set of this split for, in order."""
    return st.session_state.setdefault(OPENED_KEY, {}).get(split_key, [])


def _open(split_key: tuple, choice: Choice) -> None:
    opened = st.session_state.setdefault(OPENED_KEY, {})
    looks = opened.setdefault(split_key, [])
    if choice not in looks:
        looks.append(choice)


@st.cache_data(show_spinner=False, max_entries=64)
def _evaluate(
    data_key: tuple,
    split: SplitChoice,
    model: str,
    params: tuple,
    metric: str,
    seed: int,
    costs: tuple[float, float] | None,
    _ready: training.Prepared,
) -> evaluation.FinalEvaluation:
    return evaluation.final_evaluation(
        _ready.dataset,
        _ready.buckets,
        model,
        dict(params),
        metric,
        random_state=seed,
        costs=_costs(costs),
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _peeking(
    data_key: tuple,
    split: SplitChoice,
    metric: str,
    seed: int,
    costs: tuple[float, float] | None,
    _ready: training.Prepared,
) -> evaluation.PeekingDemo:
    candidates = evaluation.peeking_candidates(
        training.estimator_kind(_ready.dataset), len(_ready.train)
    )
    return evaluation.peeking_demo(
        _ready.dataset,
        _ready.train,
        _ready.validation,
        candidates,
        metric,
        random_state=seed,
        costs=_costs(costs),
    )


def section(
    ready: training.Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    seed: int,
    where: str,
    costs: framing.Costs | None = None,
) -> evaluation.FinalEvaluation | None:
    """The whole section: heading, why, the plan, one button, then both scores with intervals.

    Parameters
    ----------
    ready : lessons.training.Prepared
        The data and split the page trained on.
    model, params, metric : str, dict, str
        The settled choice.
    seed : int
    where : str
        A short name of the calling page, for widget keys (``"train"``, ``"metrics"``...).
    costs : lessons.framing.Costs, optional
        Lesson 1's prices of the two errors: the expected cost adds them up, and a metric of
        yes/no answers is read at this model's cheapest threshold on its validation rows.

    Returns
    -------
    lessons.evaluation.FinalEvaluation or None
        The scores once the test set is open for this choice; None before.
    """
    (st.subheader if where == "guided" else st.header)(TITLE)
    st.markdown(sections("final_evaluation")["intro"])
    return body(
        ready,
        model,
        params,
        metric,
        seed=seed,
        where=where,
        costs=costs,
    )


def body(
    ready: training.Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    seed: int,
    where: str,
    costs: framing.Costs | None = None,
) -> evaluation.FinalEvaluation | None:
    """The section without its heading and intro (``section`` has the parameters)."""
    text = sections("final_evaluation")
    params = training.check_params(model, params)
    task = ready.dataset.task
    priced = evaluation.priced_by(task, model, metric, costs)
    choice = Choice(
        model,
        tuple(params.items()),
        metric,
        None if priced is None else (priced.false_positive, priced.false_negative),
        ready.dataset.cache_key,
    )
    split_key = _test_set(ready, seed)
    n_train, n_validation = len(ready.train), len(ready.validation)
    n_test = len(evaluation.labelled(ready.dataset, ready.buckets.test))
    grouped = (
        f", resampling whole {escape_md(ready.dataset.group_column)} entities for the interval"
        if ready.dataset.group_column
        else ""
    )
    st.caption(
        f"**{escape_md(choice.label())}**. Validation: fitted on {n_train:,} training "
        f"rows, scored on {n_validation:,} validation rows. Final: refitted on train + "
        f"validation ({n_train + n_validation:,} rows), scored once on {n_test:,} test "
        f"rows{grouped}.{_threshold_rule(task, model, metric, costs)}"
    )
    looks = _looks(split_key)
    result = None
    if choice not in looks:
        if looks:
            others = "; ".join(escape_md(c.label()) for c in looks)
            st.warning(
                text["before_second_look"].format(count=_times(len(looks)), configs=others),
                icon=":material/visibility:",
            )
        st.button(
            "Open the test set",
            key=f"final_evaluation_open_{where}",
            type="primary",
            icon=":material/lock_open:",
            on_click=_open,
            args=(split_key, choice),
            help="Refit on train + validation, then score the test rows once.",
        )
    else:
        result = _results(ready, choice, seed, where, text, looks)
    _demo(ready, choice, seed, where, text)
    return result


def _threshold_rule(task: str, model: str, metric: str, costs: framing.Costs | None) -> str:
    """How this metric's yes/no answers are decided, for the caption ("" when it has none)."""
    if task != "binary" or not framing.thresholded(metric):
        return ""
    if evaluation.cost_rule(task, model, metric, costs) is not None:
        return (
            " Threshold: the cheapest at these prices on this model's own validation "
            "predictions (so the validation number is slightly flattered), then applied "
            "unchanged to the refitted model on the test rows."
        )
    if costs is not None:
        return f" {MODELS[model].label} has no probabilities to cut, so its own rule decides."
    return " Yes/no answers: the model's own rule (predict), no threshold tuned."


def _results(
    ready: training.Prepared,
    choice: Choice,
    seed: int,
    where: str,
    text: dict[str, str],
    looks: list[Choice],
) -> evaluation.FinalEvaluation | None:
    with st.spinner("Refitting on train + validation and scoring the test rows…"):
        result = lesson.guarded(
            lambda: _evaluate(
                ready.dataset.cache_key,
                ready.split_choice,
                choice.model,
                choice.params,
                choice.metric,
                seed,
                choice.costs,
                ready,
            ),
            what="run the final evaluation",
        )
    if result is None:
        return None
    name = result.metric_name
    better = "higher" if result.greater_is_better else "lower"
    validation_col, test_col = st.columns(2)
    validation_col.metric(
        f"{name} on validation rows",
        f"{result.validation.score:.3f}",
        help=f"Fitted on the training rows, scored on the validation rows ({better} is better).",
    )
    validation_col.caption(f"Validation: {result.validation.text()}")
    test_col.metric(
        f"{name} on test rows",
        f"{result.test.score:.3f}",
        help="Refitted on train + validation, scored once on the test rows.",
    )
    test_col.caption(f"Test: {result.test.text()}")
    if result.threshold is not None:
        st.caption(
            f"Threshold chosen on this model's validation predictions: "
            f"{framing.format_threshold(result.threshold)}; the test rows are cut at the same "
            "value."
        )
    st.plotly_chart(
        final_scores_figure(result.validation, result.test, metric_label=name),
        config=_CHART_CONFIG,
        key=f"final_evaluation_chart_{where}",
    )
    lesson.takeaway(
        f"test {result.test.text()} against validation {result.validation.text()}. "
        f"{result.verdict()}"
    )
    st.markdown(text["opened"])
    if len(looks) > 1:
        configs = "; ".join(escape_md(c.label()) for c in looks)
        st.warning(
            text["peeks"].format(count=_times(len(looks)), configs=configs),
            icon=":material/warning:",
        )
    return result


def _demo(ready: training.Prepared, choice: Choice, seed: int, where: str, text: dict) -> None:
    shown = f"final_evaluation_demo_{where}"
    with st.expander(
        "Why only once? A second look, measured",
        icon=":material/science:",
        expanded=bool(st.session_state.get(shown)),
    ):
        st.markdown(text["demo"])
        if not st.toggle("Run the demonstration", key=shown):
            return
        with st.spinner("Fitting several models on the training rows…"):
            demo = lesson.guarded(
                lambda: _peeking(
                    ready.dataset.cache_key,
                    ready.split_choice,
                    choice.metric,
                    seed,
                    choice.costs,
                    ready,
                ),
                what="run the demonstration",
            )
        if demo is not None:
            lesson.takeaway(escape_md(demo.text()))


# ---------------------------------------------------------------------------------------------
# The pages' entry points
# ---------------------------------------------------------------------------------------------


def train_section(setup: Setup, model: str, params: dict, metric: str) -> None:
    """Lesson 4: the model trained on the page, scored with the page's metric."""
    st.session_state.setdefault(TRAINED_KEY, {})[setup.dataset.cache_key] = (
        model,
        tuple(training.check_params(model, params).items()),
        setup.row_cap,
    )
    ready = lesson.guarded(lambda: prepared(setup), what="split the data")
    if ready is not None:
        st.divider()
        section(ready, model, params, metric, seed=setup.seed, where="train")


def metrics_section(dataset: Dataset, seed: int) -> None:
    """Lesson 5: the model lesson 4 trained last (or the default), under the metric chosen here."""
    problem = training.estimator_kind(dataset)
    trained = st.session_state.get(TRAINED_KEY, {}).get(dataset.cache_key)
    if trained is not None:
        model, params, row_cap = trained
        source = "the one you trained last in lesson 4"
    else:
        model, params, row_cap = default_model(problem), (), training.DEFAULT_ROW_CAP
        source = "lesson 4's default (train a model there to evaluate yours)"
    choice = course.framing(dataset.name)
    costs = lesson_one_costs(choice, dataset.task)
    options = evaluation.metrics_for(dataset.task, model, priced=costs is not None)
    preferred = choice.metric if choice and choice.metric in options else None
    if st.session_state.get(METRIC_KEY) not in options:
        st.session_state[METRIC_KEY] = preferred or scoring.DEFAULT_METRIC[dataset.task]
    st.header(TITLE)
    st.markdown(sections("final_evaluation")["intro"])
    metric = st.selectbox(
        "Metric to report",
        options,
        key=METRIC_KEY,
        format_func=evaluation.metric_name,
        help="Settle it on the validation rows, before the test set is opened: choosing it "
        "after seeing test scores is another look.",
    )
    st.caption(f"Model: {MODELS[model].label}, {source}.")
    setup = Setup(dataset, seed, course.split_choice(dataset.name), row_cap, choice)
    ready = lesson.guarded(lambda: prepared(setup), what="split the data")
    if ready is None:
        return
    body(
        ready,
        model,
        dict(params),
        metric,
        seed=seed,
        where="metrics",
        costs=costs,
    )
