"""Lesson 1 widgets: the five framing questions and the spec, on the active dataset.

This component owns the ``framing_*`` session_state keys. Widget values are copied into
``framing_kept`` so answers survive a visit to another page (Streamlit forgets the state of
widgets that were not drawn). The costs, the target and the task are mirrored in the URL
(``?cost_fp=1&cost_fn=20``) and read back on the page's first run in a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import streamlit as st

from components import course, page, progress, sidebar
from components.charts import framing as charts
from components.lesson import demo_controls, guarded, reveal, shared_figure, takeaway
from components.text import code_name, escape_md, markdown_table
from lessons import framing
from lessons.choices import FramingChoice
from lessons.content import sections
from lessons.datasets import Dataset

_KEPT = "framing_kept"
_URL_READ = "framing_url_read"
_COST_KEYS = {
    "cost_fp": "framing_cost_fp",
    "cost_fn": "framing_cost_fn",
    "cost_under": "framing_cost_under",
    "cost_over": "framing_cost_over",
}
_COST_MIN, _COST_MAX = framing.COST_RANGE
_CHART_CONFIG = {"displayModeBar": False}


# ---------------------------------------------------------------------------------------
# State: kept answers and the URL
# ---------------------------------------------------------------------------------------


def _kept() -> dict:
    return st.session_state.setdefault(_KEPT, {})


def _restore(key: str, default: object) -> None:
    """Give a widget its kept value (or the default) before it is drawn."""
    if key not in st.session_state:
        st.session_state[key] = _kept().get(key, default)


def _keep(key: str) -> object:
    value = st.session_state[key]
    _kept()[key] = value
    return value


def _target_key(dataset: Dataset) -> str:
    return f"framing_target_{dataset.name}"


def _task_key(dataset: Dataset, target: str) -> str:
    return f"framing_task_{dataset.name}_{target}"


def read_url(dataset: Dataset) -> None:
    """On the page's first run in a session, take costs, target and task from the URL."""
    if st.session_state.get(_URL_READ):
        return
    st.session_state[_URL_READ] = True
    params = st.query_params
    for param, key in _COST_KEYS.items():
        raw = params.get(param)
        try:
            value = int(float(raw)) if raw is not None else None
        except ValueError:
            value = None
        if value is not None and _COST_MIN <= value <= _COST_MAX:
            _kept()[key] = value
    target = params.get("target")
    if target in dataset.frame.columns:
        _kept()[_target_key(dataset)] = target
        task = params.get("task")
        if task in framing.TASKS:
            _kept()[_task_key(dataset, target)] = task


def _mirror(wanted: dict[str, str | None]) -> None:
    """Set or delete this page's own URL parameters; others are left alone."""
    for param, value in wanted.items():
        if value is None:
            if param in st.query_params:
                del st.query_params[param]
        elif st.query_params.get(param) != value:
            st.query_params[param] = value


# ---------------------------------------------------------------------------------------
# 1. Decision
# ---------------------------------------------------------------------------------------


def _use_example(key: str, example: str) -> None:
    st.session_state[key] = example
    _kept()[key] = example


def decision(dataset: Dataset) -> str:
    """The decision text area, a worked example for built-ins, and the no-decision warning."""
    prose = sections("frame")
    st.subheader("1. Which decision changes?")
    st.markdown(prose["decision"])
    key = f"framing_decision_{dataset.name}"
    _restore(key, "")
    example = prose.get(f"example {dataset.name}")
    if example:
        with st.expander(f"Worked example for {dataset.title}"):
            st.markdown(example)
            st.button(
                "Use this example",
                key=f"framing_use_example_{dataset.name}",
                on_click=_use_example,
                args=(key, example),
            )
    st.text_area(
        "The decision the prediction changes",
        key=key,
        placeholder="Who acts on the prediction, and what do they do differently?",
        height=90,
    )
    answer = str(_keep(key)).strip()
    if not answer:
        st.warning(prose["no_decision"], icon=":material/warning:")
    return answer


# ---------------------------------------------------------------------------------------
# 2. Paradigm game
# ---------------------------------------------------------------------------------------

_PARADIGM_ICONS = {
    "supervised": ":material/label:",
    "unsupervised": ":material/scatter_plot:",
    "reinforcement": ":material/sports_esports:",
    "self-supervised": ":material/auto_stories:",
}


def paradigm_game() -> tuple[int, int]:
    """Sort the scenario cards into paradigms; immediate feedback; returns (correct, answered)."""
    st.subheader("2. Which learning paradigm?")
    st.markdown(sections("frame")["paradigm"])
    answers: dict[str, str | None] = {}
    columns = st.columns(3)
    for index, card in enumerate(framing.CARDS):
        key = f"framing_card_{card.key}"
        _restore(key, None)
        with columns[index % 3], st.container(border=True):
            st.markdown(card.scenario)
            st.segmented_control(
                "Paradigm",
                framing.PARADIGMS,
                key=key,
                label_visibility="collapsed",
            )
            answers[card.key] = _keep(key)
            verdict = framing.grade_card(card, answers[card.key])
            if verdict is True:
                st.success(f"Right: {card.signal}", icon=":material/check_circle:")
            elif verdict is False:
                st.error(
                    f"Not quite, it is **{card.paradigm}**. {card.signal}",
                    icon=":material/cancel:",
                )
    correct, answered = framing.paradigm_score(answers)
    total = len(framing.CARDS)
    st.progress(
        answered / total, text=f"Score: {correct} right out of {answered} answered ({total} cards)"
    )
    return correct, answered


# ---------------------------------------------------------------------------------------
# 3. Target and task
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetAnswer:
    """The learner's target and task, and the guess the app made."""

    target: str
    task: str
    guess: framing.TaskGuess
    problem: str


def target_and_task(dataset: Dataset) -> TargetAnswer | None:
    """Pick the target, see the inferred task and the distribution, override the task."""
    st.subheader("3. Regression or classification?")
    st.markdown(sections("frame")["target"])
    columns = [c for c in dataset.frame.columns if c != dataset.time_column]
    target_key = _target_key(dataset)
    _restore(target_key, dataset.target)
    if st.session_state[target_key] not in columns:
        st.session_state[target_key] = dataset.target
    pick, shape = st.columns([1, 2])
    with pick:
        st.selectbox(
            "Target column",
            columns,
            key=target_key,
            help="The column the model learns to predict. The dataset's own target comes first.",
        )
        target = str(_keep(target_key))
        guess = guarded(lambda: framing.infer_task(dataset.frame[target]), what="use this target")
        if guess is None:
            st.info("Pick another target column to go on.", icon=":material/arrow_upward:")
            return None
        default = dataset.task if target == dataset.target else guess.task
        task_key = _task_key(dataset, target)
        _restore(task_key, default)
        st.markdown(
            f"The app reads {code_name(target)} as **{framing.TASK_NAMES[guess.task]}**: "
            f"{escape_md(guess.reason)}."
        )
        if guess.warning:
            st.caption(guess.warning)
        st.radio(
            "Task (override if the guess is wrong)",
            framing.TASKS,
            key=task_key,
            format_func=framing.TASK_NAMES.get,
        )
        task = str(_keep(task_key))
        if task != guess.task and target == dataset.target and task == dataset.task:
            st.caption(
                f"This dataset treats {code_name(target)} as {framing.TASK_NAMES[task]} by design."
            )
    with shape:
        st.plotly_chart(
            charts.target_distribution(dataset.frame[target], task, target),
            config=_CHART_CONFIG,
            key="framing_target_chart",
        )
        values = dataset.frame[target].dropna()
        if task == "regression":
            numbers = pd.to_numeric(values, errors="coerce").dropna()
            takeaway(
                f"{numbers.nunique():,} distinct values from {numbers.min():,.4g} to "
                f"{numbers.max():,.4g} (median {numbers.median():,.4g}): the model predicts an amount."
            )
        else:
            shares = values.astype(str).value_counts(normalize=True)
            takeaway(
                f"{len(shares)} classes; the most common, {code_name(shares.index[0])}, is "
                f"{shares.iloc[0]:.1%} of rows: a model that always says it is right that often."
            )
    problem = framing.effective_problem(dataset, target, task)
    return TargetAnswer(target, task, guess, problem)


# ---------------------------------------------------------------------------------------
# Held-out numbers (cached)
# ---------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _held_out(
    name: str, seed: int, target: str, task: str, _dataset: Dataset
) -> framing.FrameEvaluation:
    return framing.evaluate(_dataset, target, task, random_state=seed)


def held_out(dataset: Dataset, answer: TargetAnswer) -> framing.FrameEvaluation | None:
    """Baselines and the quick model on the honest split, cached per dataset, seed, target, task."""
    with st.spinner("Fitting the baselines and a quick model on the training rows…"):
        return guarded(
            lambda: _held_out(
                dataset.cache_key, sidebar.active_seed(), answer.target, answer.task, dataset
            ),
            what="score the baselines",
        )


# ---------------------------------------------------------------------------------------
# 4. Cost of being wrong
# ---------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=256)
def _bar(
    name: str,
    seed: int,
    target: str,
    task: str,
    suggestion: framing.MetricSuggestion,
    _result: framing.FrameEvaluation,
) -> framing.BarToBeat:
    return framing.bar_to_beat(_result, suggestion, random_state=seed)


@st.cache_data(show_spinner=False, max_entries=256)
def _policies(
    name: str,
    seed: int,
    target: str,
    task: str,
    costs: framing.Costs,
    _result: framing.FrameEvaluation,
) -> tuple[framing.PolicyComparison, framing.Calibration]:
    # The out-of-fold predictions come cached with _result, and the reliability curve with
    # _reliability: a slider move only re-thresholds.
    policies = framing.policy_comparison(_result, costs, random_state=seed)
    calibration = framing.calibration(
        _result.y_valid,
        _result.model.predictions.scores[:, 1],
        policies.choice.theory,
        overall=_reliability(name, seed, target, task, _result),
    )
    return policies, calibration


@st.cache_data(show_spinner=False, max_entries=64)
def _reliability(
    name: str, seed: int, target: str, task: str, _result: framing.FrameEvaluation
) -> framing.Reliability:
    return framing.reliability(_result.y_valid, _result.model.predictions.scores[:, 1])


def bar(
    dataset: Dataset,
    answer: TargetAnswer,
    result: framing.FrameEvaluation,
    suggestion: framing.MetricSuggestion,
    policies: framing.PolicyComparison | None = None,
) -> framing.BarToBeat:
    """The candidates under the suggested metric and the verdict.

    The expected cost (two classes, priced errors) is read off ``policies``, which the page
    has just compared at the learner's costs. No other metric reads the costs, so theirs is
    cached without them and a cost-slider move does not redo its bootstrap.
    """
    if suggestion.metric == framing.EXPECTED_COST:
        return framing.bar_from_policies(policies)
    with st.spinner("Comparing the quick model with the best baseline…"):
        return _bar(
            dataset.cache_key,
            sidebar.active_seed(),
            answer.target,
            answer.task,
            suggestion,
            result,
        )


@dataclass(frozen=True)
class CostAnswer:
    """The learner's costs and what follows from them."""

    costs: framing.Costs
    suggestion: framing.MetricSuggestion
    threshold: framing.ThresholdChoice | None
    shape: str
    bar: framing.BarToBeat


def _cost_slider(label: str, key: str, help_text: str) -> float:
    _restore(key, 1)
    st.slider(label, min_value=_COST_MIN, max_value=_COST_MAX, step=1, key=key, help=help_text)
    return float(_keep(key))


def costs_intro(dataset: Dataset, answer: TargetAnswer, result: framing.FrameEvaluation) -> None:
    """Question 4's heading and, for two classes, the threshold formula, the reliability curve
    and what the sliders below do.

    Nothing here reads the costs, so it is drawn outside the cost sliders' fragment: a slider
    move does not make the browser redraw the reliability curve.
    """
    prose = sections("frame")
    st.subheader("4. What does each kind of error cost?")
    st.markdown(prose["costs"])
    if answer.task != "binary":
        return
    st.markdown(prose["costs_classification"])
    st.markdown(prose["calibration"])
    overall = _reliability(
        dataset.cache_key, sidebar.active_seed(), answer.target, answer.task, result
    )
    plot, reading = st.columns([3, 2])
    with plot:
        drawn = (tuple(overall.mean_predicted.tolist()), tuple(overall.observed.tolist()))
        st.plotly_chart(
            shared_figure(
                "frame calibration",
                drawn,
                lambda: charts.reliability_curve(overall.mean_predicted, overall.observed),
            ),
            config=_CHART_CONFIG,
            key="framing_calibration_chart",
        )
    with reading:
        st.metric(
            "Brier score (validation)",
            f"{overall.brier:.4f}",
            delta=f"{overall.brier - overall.brier_base_rate:+.4f} vs the base rate",
            delta_color="inverse",
            help="Mean squared gap between probability and outcome; lower is better. "
            "The base rate predicts the share of positives for every row.",
        )
        st.caption(
            f"{len(overall.mean_predicted)} bins holding equal numbers of validation rows; "
            "a point below the diagonal means the model overstates the risk there."
        )
    st.markdown(prose["costs_on_data"])


def costs(dataset: Dataset, answer: TargetAnswer, result: framing.FrameEvaluation) -> CostAnswer:
    """Cost sliders, the suggested metric, and for two classes the policies and calibration."""
    prose = sections("frame")
    if answer.task == "binary":
        return _binary_costs(dataset, answer, result, prose)
    if answer.task == "multiclass":
        st.info(prose["costs_multiclass"], icon=":material/info:")
        suggestion = framing.suggest_metric("multiclass", result.y_train, framing.Costs())
        _show_suggestion(suggestion)
        _mirror({p: None for p in _COST_KEYS})
        return CostAnswer(
            framing.Costs(),
            suggestion,
            None,
            "every wrong class costs the same",
            bar(dataset, answer, result, suggestion),
        )
    if answer.problem == "ranking":
        st.info(prose["costs_ranking"], icon=":material/info:")
        suggestion = framing.suggest_metric(
            "regression", result.y_train, framing.Costs(), problem="ranking"
        )
        _show_suggestion(suggestion)
        _mirror({p: None for p in _COST_KEYS})
        return CostAnswer(
            framing.Costs(),
            suggestion,
            None,
            "the order of results per query",
            bar(dataset, answer, result, suggestion),
        )
    return _regression_costs(dataset, answer, result, prose)


def _show_suggestion(suggestion: framing.MetricSuggestion) -> None:
    if reveal("framing_metric", "Which metric fits these costs? Ask the room, then reveal."):
        st.success(
            f"Suggested metric: **{suggestion.name}**, because {suggestion.reason}.",
            icon=":material/speed:",
        )


def _percent(value: float) -> str:
    return f"{value:.1%}" if np.isfinite(value) else "nothing flagged"


def _binary_costs(
    dataset: Dataset,
    answer: TargetAnswer,
    result: framing.FrameEvaluation,
    prose: dict[str, str],
) -> CostAnswer:
    negative, positive = result.classes
    with demo_controls("Price each kind of error"):
        left, right = st.columns(2)
        with left:
            cost_fp = _cost_slider(
                f"Cost of a false positive (flagging {negative!s} as {positive!s})",
                _COST_KEYS["cost_fp"],
                "A false alarm: the row was fine but the model flagged it.",
            )
        with right:
            cost_fn = _cost_slider(
                f"Cost of a false negative (missing a real {positive!s})",
                _COST_KEYS["cost_fn"],
                "A miss: the row was positive but the model let it through.",
            )
    _mirror(
        {
            "cost_fp": f"{cost_fp:g}",
            "cost_fn": f"{cost_fn:g}",
            "cost_under": None,
            "cost_over": None,
        }
    )
    chosen = framing.Costs(false_positive=cost_fp, false_negative=cost_fn)
    with st.spinner("Scoring the flagging policies on the validation rows…"):
        policies, calibration = _policies(
            dataset.cache_key, sidebar.active_seed(), answer.target, answer.task, chosen, result
        )
    threshold = policies.choice
    found = framing.format_threshold(threshold.threshold)
    model, rule = policies.chosen, policies.best_rule
    chart, words = st.columns([3, 2])
    with chart:
        spec, data = charts.cost_curve(
            threshold.thresholds, threshold.costs, threshold.threshold, threshold.theory, found
        )
        st.vega_lite_chart(data, spec, width="stretch", height=360, key="framing_cost_chart")
    with words:
        found_column, theory_column = st.columns(2)
        found_column.metric(
            "Found out of fold",
            found,
            help=f"The cheapest threshold on the curve of {policies.n_chose:,} training rows, "
            "each predicted by a copy of the quick model that did not see it.",
        )
        theory_column.metric(
            "Theory",
            f"{threshold.theory:.3g}",
            help="c_FP / (c_FP + c_FN): right for calibrated probabilities, whatever the share "
            "of positives.",
        )
        st.metric(
            "Expected cost per 1,000 validation rows",
            f"{model.cost:,.1f}",
            delta=f"{model.cost - rule.cost:,.1f} vs {rule.name}",
            delta_color="inverse",
            help="Read on the validation rows, which did not choose the threshold.",
        )
        takeaway(
            f"Chosen on {policies.n_chose:,} training rows (out-of-fold), scored on "
            f"{policies.n_scored:,} validation rows that did not choose it: flagging at {found} "
            f"costs {model.cost:,.1f} per 1,000 rows against {rule.cost:,.1f} to {rule.name} "
            f"({framing.versus_text(rule)})."
        )
    _policy_table(policies)
    notes = []
    if result.out_of_fold is not None:
        notes.append(f"Out-of-fold predictions: {escape_md(result.out_of_fold.scheme)}.")
    everyone, no_one = policies.policy(framing.FLAG_ALL), policies.policy(framing.FLAG_NONE)
    if everyone.cost > no_one.cost:
        notes.append(
            f"Flagging everyone catches every positive (recall {everyone.recall:.0%}) and still "
            f"costs {everyone.cost:,.1f} per 1,000 rows, more than the {no_one.cost:,.1f} of "
            "flagging no one: recall alone cannot be the metric."
        )
    if notes:
        # One caption, not two: every element in the fragment is redrawn on a slider move.
        st.caption(" ".join(notes))
    _near_threshold(calibration, prose)
    suggestion = framing.suggest_metric("binary", result.y_train, chosen)
    _show_suggestion(suggestion)
    shape = f"false positive {cost_fp:g}, false negative {cost_fn:g} (a miss costs {cost_fn / cost_fp:.3g}× a false alarm)"
    return CostAnswer(
        chosen,
        suggestion,
        threshold,
        shape,
        bar(dataset, answer, result, suggestion, policies),
    )


def _near_threshold(calibration: framing.Calibration, prose: dict[str, str]) -> None:
    """Calibration where the flag is decided: the rows near the theoretical threshold."""
    st.markdown(prose["calibration_near"])
    number, reading = st.columns([2, 3])
    low, high = calibration.window
    if not calibration.n_near:
        near, near_help = "no rows", "No validation row scores in that window."
    elif not calibration.checkable:
        near = f"too few rows ({calibration.n_near})"
        near_help = (
            f"Only {calibration.n_near} validation rows score {low:.3g} to {high:.3g}: "
            "too few to compare their predicted and observed rates."
        )
    else:
        near = f"{calibration.predicted_near:.1%} vs {calibration.observed_near:.1%}"
        near_help = (
            f"The {calibration.n_near:,} validation rows scoring {low:.3g} to {high:.3g} "
            "(one log-odds unit either side of the theoretical threshold): their mean "
            "predicted probability against the share that turned out positive, 95% CI "
            f"{calibration.observed_low:.1%} to {calibration.observed_high:.1%}."
        )
    number.metric(f"Predicted vs observed near {calibration.theory:.3g}", near, help=near_help)
    with reading:
        takeaway(calibration.text())
        beyond = _beyond_the_curve(calibration)
        if beyond:
            st.caption(beyond)


def _beyond_the_curve(calibration: framing.Calibration) -> str | None:
    """A warning when the rows near the threshold lie past the reliability curve's last bin."""
    low, _ = calibration.window
    top = max((float(p) for p in calibration.mean_predicted), default=0.0)
    if not calibration.n_near or low <= top:
        return None
    return (
        f"These rows score above {low:.3g}, beyond the reliability curve's highest bin "
        f"(mean {top:.3g}): read calibration there here, not on the curve."
    )


def _policy_table(policies: framing.PolicyComparison) -> None:
    numbers = ("cost per 1,000 validation rows", "recall", "precision", "rows flagged")
    table = {
        "policy": [p.name for p in policies.policies],
        numbers[0]: [f"{p.cost:,.1f}" for p in policies.policies],
        numbers[1]: [_percent(p.recall) for p in policies.policies],
        numbers[2]: [_percent(p.precision) for p in policies.policies],
        numbers[3]: [f"{p.flagged:.1%}" for p in policies.policies],
        "chosen threshold against it": [framing.versus_text(p) for p in policies.policies],
    }
    st.markdown(markdown_table(table, right=numbers))


def _regression_costs(
    dataset: Dataset, answer: TargetAnswer, result: framing.FrameEvaluation, prose: dict[str, str]
) -> CostAnswer:
    st.markdown(prose["costs_regression"])
    with demo_controls("Price each side of a miss"):
        left, right = st.columns(2)
        with left:
            under = _cost_slider(
                "Cost of predicting one unit too low",
                _COST_KEYS["cost_under"],
                "E.g. a lost sale when the shelf is empty.",
            )
        with right:
            over = _cost_slider(
                "Cost of predicting one unit too high",
                _COST_KEYS["cost_over"],
                "E.g. stock thrown away.",
            )
    _mirror(
        {"cost_under": f"{under:g}", "cost_over": f"{over:g}", "cost_fp": None, "cost_fn": None}
    )
    chosen = framing.Costs(under=under, over=over)
    chart, words = st.columns([3, 2])
    with chart:
        st.plotly_chart(
            charts.loss_shape(under, over), config=_CHART_CONFIG, key="framing_loss_chart"
        )
    with words:
        st.metric("Cost-optimal quantile to predict", f"{chosen.quantile:.0%}")
        takeaway(
            f"Too low costs {under:g}, too high {over:g} per unit: the cheapest single forecast "
            f"is the {chosen.quantile:.0%} quantile of what could happen"
            + (", the median, not the mean." if chosen.quantile == 0.5 else ", not the median.")
        )
    suggestion = framing.suggest_metric(
        "regression", result.y_train, chosen, problem=answer.problem
    )
    _show_suggestion(suggestion)
    shape = f"under-prediction {under:g} per unit, over-prediction {over:g} per unit"
    return CostAnswer(chosen, suggestion, None, shape, bar(dataset, answer, result, suggestion))


# ---------------------------------------------------------------------------------------
# 5. Baseline
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BaselineAnswer:
    """The scored candidates and the verdict."""

    scored: tuple[framing.Scored, ...]
    verdict: framing.Verdict


def baseline(result: framing.FrameEvaluation, cost_answer: CostAnswer) -> BaselineAnswer:
    """The bar to beat beside the quick model, with the verdict and how they were made."""
    # The rule above, the heading and its prose as one element: a slider move redraws every
    # element of the fragment.
    st.markdown(f"---\n\n### 5. What is the bar to beat?\n\n{sections('frame')['baseline']}")
    suggestion = cost_answer.suggestion
    found = cost_answer.bar
    scored, outcome = found.scored, found.verdict
    metric_name = suggestion.name
    chart, words = st.columns([3, 2])
    with chart:
        spec, data = charts.baseline_bars(
            [s.name for s in scored],
            [s.score if np.isfinite(s.score) else 0.0 for s in scored],
            [s.is_model for s in scored],
            metric_name,
            framing.higher_is_better(suggestion.metric),
            [framing.format_score(suggestion.metric, s.score) for s in scored],
            rows=found.rows,
        )
        st.vega_lite_chart(data, spec, width="stretch", key="framing_baseline_chart")
    with words:
        if outcome.earns_keep:
            st.success(outcome.text, icon=":material/trending_up:")
        else:
            st.warning(outcome.text, icon=":material/trending_flat:")
        split = f"split: {escape_md(result.split)} ({escape_md(result.split_reason)})"
        chosen = (
            "; threshold chosen on the training rows' out-of-fold predictions"
            if found.policies is not None
            else ""
        )
        st.caption(
            f"Fitted on {result.n_train:,} training rows{chosen}, scored on "
            f"{result.n_valid:,} **validation** rows; the {result.n_test:,} test rows are "
            f"kept for the final evaluation; {split}."
        )
    table = {
        "candidate": [s.name for s in scored],
        "what it does": [s.how for s in scored],
        metric_name: [framing.format_score(suggestion.metric, s.score) for s in scored],
    }
    st.markdown(markdown_table(table, right=(metric_name,)))
    for note in result.notes:
        st.caption(escape_md(note))
    return BaselineAnswer(tuple(scored), outcome)


# ---------------------------------------------------------------------------------------
# 6. The spec
# ---------------------------------------------------------------------------------------


def spec(
    dataset: Dataset,
    decision_text: str,
    answer: TargetAnswer,
    result: framing.FrameEvaluation,
    cost_answer: CostAnswer,
    baseline_answer: BaselineAnswer,
) -> str:
    """Assemble, store for later lessons, preview and offer the spec for download."""
    st.markdown(f"---\n\n### Your framing spec\n\n{sections('frame')['spec']}")
    suggestion = cost_answer.suggestion
    outcome = baseline_answer.verdict
    threshold = cost_answer.threshold.threshold if cost_answer.threshold else None
    document = framing.render_spec(
        framing.FramingSpec(
            dataset=dataset.title,
            decision=decision_text,
            paradigm=(
                f"supervised: every row carries a known `{answer.target}`, the label the "
                "model learns from"
            ),
            target=answer.target,
            task=answer.task,
            cost_shape=cost_answer.shape,
            metric=suggestion.name,
            metric_reason=suggestion.reason,
            threshold=threshold,
            baseline_name=outcome.best_baseline.name,
            baseline_score=framing.format_score(suggestion.metric, outcome.best_baseline.score),
            model_name=outcome.model.name,
            model_score=framing.format_score(suggestion.metric, outcome.model.score),
            verdict=outcome.text,
            time_column=dataset.time_column,
            split_plan=(
                f"{result.split} ({result.split_reason}); baselines and the quick model fitted on "
                f"{result.n_train:,} training rows and scored on {cost_answer.bar.n_rows:,} "
                f"{cost_answer.bar.rows} rows"
                + (
                    " (the threshold was chosen on the training rows' out-of-fold predictions)"
                    if cost_answer.bar.policies is not None
                    else ""
                )
                + "; the test rows are kept for the end"
            ),
            created=datetime.now(UTC).date(),
        )
    )
    progress.mark("frame", "target_chosen")
    course.set_framing(
        dataset.name,
        FramingChoice(
            decision=decision_text,
            target=answer.target,
            task=answer.task,
            metric=suggestion.metric,
            cost_false_positive=cost_answer.costs.false_positive,
            cost_false_negative=cost_answer.costs.false_negative,
            cost_under=cost_answer.costs.under,
            cost_over=cost_answer.costs.over,
            threshold=threshold,
            baseline_name=outcome.best_baseline.name,
            baseline_score=outcome.best_baseline.score,
        ),
    )
    preview, actions = st.columns([3, 1])
    with preview:
        st.code(document, language="markdown", wrap_lines=True)
    with actions:
        st.download_button(
            "Download the spec (.md)",
            data=document,
            file_name=f"framing-spec-{dataset.name}.md",
            mime="text/markdown",
            icon=":material/download:",
            key="framing_download",
            type="primary",
        )
    return document


@page.fragment("costs baseline and spec")
def costs_baseline_and_spec(
    dataset: Dataset, decision_text: str, answer: TargetAnswer, result: framing.FrameEvaluation
) -> None:
    """Questions 4 and 5 and the spec; a cost-slider change reruns only this part."""
    cost_answer = costs(dataset, answer, result)
    baseline_answer = baseline(result, cost_answer)
    spec(dataset, decision_text, answer, result, cost_answer, baseline_answer)


def mirror_target(dataset: Dataset, answer: TargetAnswer | None) -> None:
    """Keep ``target`` and ``task`` in the URL when they differ from the dataset's own."""
    if answer is None:
        return
    custom_target = answer.target != dataset.target
    default_task = dataset.task if not custom_target else answer.guess.task
    _mirror(
        {
            "target": answer.target if custom_target else None,
            "task": answer.task if answer.task != default_task else None,
        }
    )


def unavailable(reason: str) -> None:
    """Say why the remaining questions cannot be answered yet."""
    st.info(reason, icon=":material/info:")
