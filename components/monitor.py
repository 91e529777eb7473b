"""The deploy-and-monitor page's building blocks: ship, production months, drift, policies.

Owns the ``monitor_*`` session_state keys. The scenario, intensity, delay, corrupted month
and month slider are mirrored in the URL (``?monitor_scenario=concept&monitor_month=9``) so
a link reproduces the view. The simulation is computed once per setting with
``st.cache_data``; the month slider lives in an ``st.fragment`` and only re-draws charts.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace

import numpy as np
import pandas as pd
import streamlit as st

from components import course, data, page, progress, room, sidebar, train
from components.charts import monitoring as charts
from components.lesson import demo_controls, guarded, reveal, takeaway
from components.text import code_name, escape_md, markdown_table
from lessons import experiments, monitoring, training
from lessons.datasets import BUILTIN_NAMES, Dataset
from lessons.errors import DataError

SCENARIO_KEY = "monitor_scenario"
INTENSITY_KEY = "monitor_intensity"
DELAY_KEY = "monitor_delay"
CORRUPT_KEY = "monitor_corrupt"
MONTH_KEY = "monitor_month"
FEATURE_KEY = "monitor_feature"
PREDICTIONS = "(model predictions)"
POLICY_QUESTION = "Which policy beats the others by more than the month-to-month noise?"
"""The "Feature to inspect" option that shows the model's output rather than an input."""
URL_READ_KEY = "monitor_url_read"

DEFAULT_RECIPE = ("random_forest", {"n_estimators": 30, "max_depth": 8, "min_samples_leaf": 5})
NO_CORRUPTION = "none"


# --------------------------------------------------------------------------------------------
# Which model ships
# --------------------------------------------------------------------------------------------


def _estimator(dataset: Dataset, model: str, params: dict, seed: int, from_train: bool):
    if from_train:
        return training.make_estimator(model, training.estimator_kind(dataset), params, seed)
    return experiments.run_estimator(model, dataset.task, params, seed)


def shipped_recipe(dataset: Dataset, seed: int) -> tuple[str, dict, bool, str]:
    """The recipe to ship: the last run of lesson 4 on this dataset if it can be rebuilt.

    Returns the model name, its parameters, whether it came from lesson 4, and a sentence
    saying where it came from.
    """
    for run in reversed(course.runs()):
        if run.page != "train" or run.dataset != dataset.name or not run.honest:
            continue
        try:
            _estimator(dataset, run.model, dict(run.params), seed, True)
        except Exception:  # lesson 4's recipe may use settings this page cannot rebuild
            break
        return (
            run.model,
            dict(run.params),
            True,
            f"the last honest model you trained in lesson 4 ({run.model}, {run.created_at})",
        )
    model, params = DEFAULT_RECIPE
    return (
        model,
        dict(params),
        False,
        "a default random forest (train one in lesson 4 to ship yours)",
    )


# --------------------------------------------------------------------------------------------
# The simulation, cached per setting
# --------------------------------------------------------------------------------------------


def _simulate(
    dataset: Dataset,
    seed: int,
    scenario: str,
    intensity: float,
    delay: int,
    corrupt: int | None,
    model: str,
    params_json: str,
    from_train: bool,
) -> monitoring.Simulation:
    params = json.loads(params_json)
    return monitoring.simulate(
        dataset,
        _estimator(dataset, model, params, seed, from_train),
        model=model,
        params=params,
        scenario=scenario,
        intensity=intensity,
        delay=delay,
        corrupt_month=corrupt,
        random_state=seed,
    )


@st.cache_data(show_spinner=False, max_entries=48)
def _builtin_simulation(
    name: str,
    seed: int,
    scenario: str,
    intensity: float,
    delay: int,
    corrupt: int | None,
    model: str,
    params_json: str,
    from_train: bool,
) -> monitoring.Simulation:
    return _simulate(
        data.builtin(name, seed),
        seed,
        scenario,
        intensity,
        delay,
        corrupt,
        model,
        params_json,
        from_train,
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _upload_simulation(
    name: str,
    seed: int,
    scenario: str,
    intensity: float,
    delay: int,
    corrupt: int | None,
    model: str,
    params_json: str,
    from_train: bool,
    _dataset: Dataset,
) -> monitoring.Simulation:
    return _simulate(
        _dataset, seed, scenario, intensity, delay, corrupt, model, params_json, from_train
    )


def simulation_for(dataset: Dataset, seed: int, settings: dict) -> monitoring.Simulation | None:
    """The cached simulation for the active dataset and the page's settings."""
    model, params, from_train, _ = shipped_recipe(dataset, seed)
    args = (
        seed,
        settings["scenario"],
        settings["intensity"],
        settings["delay"],
        settings["corrupt"],
        model,
        json.dumps(params, sort_keys=True, default=str),
        from_train,
    )
    with st.spinner("Shipping the model and running twelve production months…"):
        if dataset.name in BUILTIN_NAMES:
            return guarded(
                lambda: _builtin_simulation(dataset.name, *args), what="simulate production"
            )
        return guarded(
            lambda: _upload_simulation(dataset.cache_key, *args, dataset),
            what="simulate production",
        )


# --------------------------------------------------------------------------------------------
# Controls
# --------------------------------------------------------------------------------------------


def _read_url() -> None:
    # On the page's first run in a session, a shared link sets the scenario and the month.
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    scenario = st.query_params.get(SCENARIO_KEY)
    if scenario in monitoring.SCENARIOS:
        st.session_state[SCENARIO_KEY] = scenario
    corrupt = st.query_params.get(CORRUPT_KEY)
    if corrupt in _corrupt_options():
        st.session_state[CORRUPT_KEY] = corrupt


def _corrupt_options() -> list[str]:
    return [NO_CORRUPTION, *[str(i) for i in range(1, monitoring.N_MONTHS + 1)]]


def _scenarios(dataset: Dataset) -> list[str]:
    # Only a dataset with a time order has later months of its own to replay.
    return [
        key
        for key in monitoring.SCENARIOS
        if key in (*monitoring.INJECTED, "none") or monitoring.has_later_months(dataset)
    ]


DEFAULT_SCENARIO_INDEX = 2
DEFAULT_INTENSITY = 0.75
DEFAULT_CORRUPT_INDEX = 6


def _default_delay(dataset: Dataset) -> int:
    return min(monitoring.outcome_delay(dataset), 3)


def default_settings(dataset: Dataset) -> dict:
    """The page's settings before the learner touches a control (what ``controls`` returns)."""
    scenario = _scenarios(dataset)[DEFAULT_SCENARIO_INDEX]
    corrupt = _corrupt_options()[DEFAULT_CORRUPT_INDEX]
    return _settings(scenario, DEFAULT_INTENSITY, _default_delay(dataset), corrupt)


def _settings(scenario: str, intensity: float, delay: int, corrupt: str) -> dict:
    return {
        "scenario": scenario,
        "intensity": float(intensity) if scenario in monitoring.INJECTED else 0.0,
        "delay": int(delay),
        "corrupt": None if corrupt == NO_CORRUPTION else int(corrupt) - 1,
    }


def warm(dataset_name: str, seed: int) -> int:
    """Simulate production at the page's default settings for each model a new session ships.

    A learner who trained in lesson 4 ships that model, not the default forest: the default
    model of Train live at every setting one move of a knob reaches. Returns the number of
    simulations.
    """
    dataset = data.builtin(dataset_name, seed)
    settings = default_settings(dataset)
    args = (settings["scenario"], settings["intensity"], settings["delay"], settings["corrupt"])
    model, knob_settings = train.default_model_settings(training.estimator_kind(dataset))
    recipes = [(*DEFAULT_RECIPE, False), *((model, dict(p), True) for p in knob_settings)]
    for done, (name, params, from_train) in enumerate(recipes):
        params_json = json.dumps(params, sort_keys=True, default=str)
        try:
            _builtin_simulation(dataset_name, seed, *args, name, params_json, from_train)
        except DataError:  # too few rows for production months: the page says so, fast
            return done
    return len(recipes)


def controls(dataset: Dataset) -> dict:
    """The drift scenario, its intensity, the outcome delay and a corrupted month."""
    _read_url()
    scenarios = _scenarios(dataset)
    default_scenario = scenarios[DEFAULT_SCENARIO_INDEX]
    if st.session_state.get(SCENARIO_KEY, default_scenario) not in scenarios:
        st.session_state[SCENARIO_KEY] = default_scenario
    with demo_controls("Pick how the world drifts after shipping"):
        scenario_column, intensity_column, delay_column, corrupt_column = st.columns([3, 2, 2, 2])
        scenario = scenario_column.selectbox(
            "Drift scenario",
            scenarios,
            index=DEFAULT_SCENARIO_INDEX,
            format_func=monitoring.SCENARIOS.get,
            key=SCENARIO_KEY,
            help="The first four draw production from the same distribution as the training "
            "rows and inject one kind of drift. Covariate: a key input moves, the relation "
            "holds. Prior: the outcome mix moves. Concept: the same inputs now mean a "
            "different outcome. The data's own later months: the real months after the "
            "training window, with whatever drift they hold.",
        )
        intensity = intensity_column.slider(
            "Drift intensity",
            min_value=0.0,
            max_value=1.0,
            value=DEFAULT_INTENSITY,
            step=0.25,
            key=INTENSITY_KEY,
            bind="query-params",
            disabled=scenario not in monitoring.INJECTED,
            help="How strong the drift is by the last month; it grows linearly.",
        )
        delay = delay_column.slider(
            "Outcome delay (months)",
            min_value=0,
            max_value=3,
            value=_default_delay(dataset),
            key=DELAY_KEY,
            bind="query-params",
            help="How long before you learn whether a prediction was right. It starts at the "
            "dataset's label horizon when it has one (churn: three months).",
        )
        corrupt = corrupt_column.selectbox(
            "Corrupted month",
            _corrupt_options(),
            index=DEFAULT_CORRUPT_INDEX,
            format_func=lambda v: "none" if v == NO_CORRUPTION else f"month {v}",
            key=CORRUPT_KEY,
            help="A broken join fills this month's outcomes with a default value.",
        )
    for key, value in ((SCENARIO_KEY, scenario), (CORRUPT_KEY, corrupt)):
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    return _settings(scenario, intensity, delay, corrupt)


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------


def artifact_card(simulation: monitoring.Simulation, origin: str) -> None:
    """The shipped model as a registry entry: inputs, artifact, tests, schedule."""
    artifact = simulation.artifact
    with st.container(border=True):
        st.markdown(f"**Artifact: {escape_md(artifact.model)} v{artifact.version}** · {origin}")
        version, hash_column, score, schedule = st.columns(4)
        version.metric("Version", f"v{artifact.version}")
        hash_column.metric("Content hash", artifact.content_hash[:12], help=artifact.content_hash)
        score.metric(f"Validation {artifact.metric}", f"{artifact.validation_score:.3f}")
        schedule.metric(
            "Retraining",
            "Monthly",
            help="When a month's outcomes arrive; published only if it passes its evaluation.",
        )
        st.markdown(
            f"**Training window:** {escape_md(artifact.training_window)} · "
            f"fitted on {artifact.n_train:,} rows, validated on the end of the window."
        )
        params = ", ".join(f"{k}={v}" for k, v in artifact.params) or "defaults"
        st.markdown(f"**Recipe:** {escape_md(params)}")
        st.markdown(
            f"**Inputs ({len(artifact.features)} features):** "
            + ", ".join(code_name(f) for f in artifact.features)
        )
        st.caption(
            "Schedule: retrain when a month's outcomes arrive; publish only if the candidate "
            "beats the baseline by more than chance and does not lose to the live version by "
            "more than the noise (a paired bootstrap) on the newest month's holdout."
        )


def production(simulation: monitoring.Simulation, intro: str, drift_intro: str) -> None:
    """The month slider and everything that depends on it, in a fragment."""
    st.markdown(intro)
    _production_fragment(simulation, drift_intro)


@page.fragment("production month")
def _production_fragment(simulation: monitoring.Simulation, drift_intro: str) -> None:
    months = simulation.months
    number = st.slider(
        "Production month",
        min_value=1,
        max_value=len(months),
        value=1,
        key=MONTH_KEY,
        bind="query-params",
        help="Months after the training window. Drag to move through production.",
    )
    if number > 1:
        progress.mark("monitor", "month_moved")
    index = min(number, len(months)) - 1
    month = months[index]
    known = simulation.known(index)
    _status(simulation, month, known)

    # One distribution chart (predictions or one input, as picked) and the performance
    # chart: a month move changes these two charts' data and nothing else.
    options = [PREDICTIONS, *(f for f in features_of(simulation) if f != PREDICTIONS)]
    if st.session_state.get(FEATURE_KEY) not in options:
        st.session_state[FEATURE_KEY] = PREDICTIONS
    pick, _ = st.columns(2)
    feature = pick.selectbox(
        "Feature to inspect",
        options,
        key=FEATURE_KEY,
        format_func=lambda f: "model predictions" if f == PREDICTIONS else f,
        help="The model's output, or one of its inputs, at training time against this month.",
    )
    left, right = st.columns(2)
    with left:
        if feature == PREDICTIONS:
            spec, data = charts.predictions_then_now(
                simulation.reference_scores, month.scores, task=simulation.task, month=month.label
            )
        else:
            spec, data = charts.distribution_then_now(
                simulation.reference[feature],
                month.frame[feature],
                feature=feature,
                categorical=feature in simulation.categorical,
                month=month.label,
            )
        st.vega_lite_chart(
            data, spec, width="stretch", height=330, key="monitor_distribution_chart"
        )
        takeaway(_inspect_sentence(month, feature, simulation.delay))
    with right:
        spec, data = charts.performance_over_months(
            [m.label for m in months],
            [m.performance for m in months],
            known,
            current=index,
            metric=simulation.artifact.metric,
            shipped_score=simulation.artifact.validation_score,
        )
        st.vega_lite_chart(data, spec, width="stretch", height=330, key="monitor_performance_chart")
        takeaway(_performance_sentence(simulation, index, known))
    st.markdown(drift_intro)
    # A Markdown table, not st.dataframe: the data grid was about a fifth of the browser's
    # work on every month move.
    st.markdown(_drift_table(month))


def _status(simulation: monitoring.Simulation, month: monitoring.Month, known: list[bool]) -> None:
    waiting = sum(1 for i, ok in enumerate(known) if not ok and i <= month.index)
    worst = month.worst(1)[0]
    text = (
        f"**{escape_md(month.label)}** · {len(month.frame):,} predictions · "
        f"{waiting} month(s) of outcomes still to come · most drifted input "
        f"{code_name(worst.feature)} (PSI {worst.psi:.2f})"
    )
    if month.alert:
        st.error(f":material/notifications_active: Input alert. {text}")
    else:
        st.success(f":material/check_circle: No input alert. {text}")
    arrived = [m for m in simulation.months[: month.index + 1] if known[m.index]]
    if arrived and arrived[-1].outcome_alert:
        latest = arrived[-1]
        st.error(
            f":material/notifications_active: Outcome alert on {escape_md(latest.label)}, whose "
            f"outcomes have arrived: {escape_md('; '.join(latest.outcomes.reasons))}."
        )
    elif arrived:
        st.success(
            f":material/check_circle: No outcome alert: {escape_md(arrived[-1].label)}'s "
            "outcomes are within chance of the score at shipping."
        )


def features_of(simulation: monitoring.Simulation) -> list[str]:
    """The inputs the shipped model reads, numbers first."""
    return [*simulation.numeric, *simulation.categorical]


def _inspect_sentence(month: monitoring.Month, feature: str, delay: int) -> str:
    # The predictions' PSI is said whatever is inspected: it is the one signal on the day.
    early = (
        f"you can read it on the day, and this month's outcomes arrive {delay} month(s) later."
        if delay > 0
        else "outcomes arrive with the month here, so this early signal buys no time."
    )
    predictions = (
        f"the predictions' PSI against shipping is {month.prediction_psi:.2f} "
        f"({monitoring.psi_status(month.prediction_psi)}); {early}"
    )
    if feature == PREDICTIONS:
        return predictions
    drift = next(d for d in month.drift if d.feature == feature)
    return f"{_drift_sentence(drift)} Meanwhile {predictions}"


def _drift_sentence(drift: monitoring.FeatureDrift) -> str:
    extra = f", Jensen–Shannon {drift.js:.2f}" if drift.kind == "categorical" else ""
    return (
        f"{code_name(drift.feature)} has PSI {drift.psi:.2f} ({drift.status}); the "
        f"{drift.test} p-value is {drift.p_value:.2g}{extra}."
    )


def _performance_sentence(simulation: monitoring.Simulation, index: int, known: list[bool]) -> str:
    metric = simulation.artifact.metric
    arrived = [m for m in simulation.months[: index + 1] if known[m.index]]
    finite = [m for m in arrived if math.isfinite(m.performance)]
    if not finite:
        return (
            f"no outcome has arrived yet ({simulation.delay}-month delay): for now only inputs "
            "and predictions can be watched."
        )
    latest = finite[-1]
    change = latest.performance - simulation.artifact.validation_score
    verdict = (
        "the outcome alert fired: " + escape_md("; ".join(latest.outcomes.reasons))
        if latest.outcome_alert
        else "within chance of it"
    )
    sentence = (
        f"the latest known month ({escape_md(latest.label)}) scores {latest.performance:.3f} "
        f"{metric}, {change:+.3f} against the score at shipping ({verdict})."
    )
    outcomes, shipped = latest.outcomes, simulation.shipped
    if math.isfinite(outcomes.predicted_rate):
        sentence += (
            f" The model predicted {outcomes.predicted_rate:.0%} positives and "
            f"{outcomes.observed_rate:.0%} turned out positive; the Brier score is "
            f"{outcomes.brier:.3f} against {shipped.brier:.3f} at shipping. {metric} only "
            "ranks the rows, so it can hold while the probabilities go wrong."
        )
    return sentence


def _drift_table(month: monitoring.Month) -> str:
    """Every input's drift this month, the most drifted first, as a Markdown table."""
    drifts = sorted(month.drift, key=lambda d: -d.psi if math.isfinite(d.psi) else 0)
    return markdown_table(
        {
            "feature": [d.feature for d in drifts],
            "kind": [d.kind for d in drifts],
            "PSI": [_shown(d.psi, ".3f") for d in drifts],
            "status": [d.status for d in drifts],
            "test": [d.test for d in drifts],
            "statistic": [_shown(d.statistic, ".3f") for d in drifts],
            "p-value": [_shown(d.p_value, ".2g") for d in drifts],
            f"p < {monitoring.P_VALUE_ALERT}": [
                "yes" if d.p_value < monitoring.P_VALUE_ALERT else "no" for d in drifts
            ],
            "Jensen–Shannon": [
                _shown(d.js, ".3f") if d.kind == "categorical" else "" for d in drifts
            ],
        },
        right=("PSI", "statistic", "p-value", "Jensen–Shannon"),
    )


def _shown(value: float | None, spec: str) -> str:
    return format(value, spec) if value is not None and math.isfinite(value) else "–"


@st.cache_data(show_spinner=False)
def _p_value_rows(seed: int) -> tuple[monitoring.SampleSizeRow, ...]:
    return monitoring.p_values_on_big_samples(random_state=seed)


def p_values(seed: int, intro: str) -> None:
    """The same tiny shift on growing samples: PSI holds still, the p-value collapses."""
    st.markdown(intro)
    rows = _p_value_rows(seed)
    st.dataframe(
        pd.DataFrame(
            [{"rows per sample": r.n, "PSI": r.psi, "KS p-value": r.ks_p_value} for r in rows]
        ),
        hide_index=True,
        key="monitor_pvalue_table",
        column_config={
            "rows per sample": st.column_config.NumberColumn(format="localized"),
            "PSI": st.column_config.NumberColumn(format="%.4f"),
            "KS p-value": st.column_config.NumberColumn(format="%.2g"),
        },
    )
    takeaway(
        f"a shift of 0.05 standard deviations: PSI stays at or under {max(r.psi for r in rows):.3f}, "
        f"while the KS p-value goes from {rows[0].ks_p_value:.2g} at {rows[0].n:,} rows to "
        f"{rows[-1].ks_p_value:.2g} at {rows[-1].n:,}."
    )


def policies(simulation: monitoring.Simulation, intro: str) -> None:
    """Never, monthly and on-alert retraining over the same months."""
    st.markdown(intro)
    labels = [m.label for m in simulation.months]
    runs = simulation.policies
    verdict = monitoring.policy_verdict(runs, simulation.artifact.metric)
    # The chart and the table show the score the policies are compared on.
    compared = "brier" if verdict.metric == monitoring.BRIER else "performance"
    st.plotly_chart(
        charts.policies_over_months(
            labels,
            {name: getattr(run, compared) for name, run in runs.items()},
            monitoring.POLICIES,
            {name: [e.month for e in run.rejected] for name, run in runs.items()},
            metric=verdict.metric,
        ),
        key="monitor_policies_chart",
    )
    mean_column = (
        f"mean {verdict.metric} ({'higher' if verdict.greater_is_better else 'lower'} is better)"
    )
    table = pd.DataFrame(
        [
            {
                "policy": monitoring.POLICIES[name],
                mean_column: verdict.means[name],
                "retrains published": run.retrains,
                "retrains rejected": len(run.rejected),
                "version at the end": f"v{run.versions[-1]}",
            }
            for name, run in runs.items()
        ]
    )
    st.dataframe(
        table,
        hide_index=True,
        key="monitor_policies_table",
        column_config={mean_column: st.column_config.NumberColumn(format="%.3f")},
    )
    asked = room.RoomQuestion(
        key="monitor_policies",
        context="|".join(f"{name}={mean:.6f}" for name, mean in sorted(verdict.means.items())),
        prompt=POLICY_QUESTION,
        options=(
            *monitoring.POLICIES.items(),
            ("tie", "No real difference: the gap is inside the month-to-month noise"),
        ),
        correct=verdict.best if verdict.real_difference else "tie",
    )
    room.vote_widget(asked)
    if reveal("monitor_policies", f"{POLICY_QUESTION} Ask the room, then reveal.", question=asked):
        for comparison in verdict.comparisons:
            named = replace(
                comparison,
                name_a=monitoring.POLICIES[comparison.name_a].lower(),
                name_b=monitoring.POLICIES[comparison.name_b].lower(),
            )
            st.markdown(f"- Month by month, {verdict.metric}: {escape_md(named.text())}")
        pick = monitoring.POLICIES[verdict.pick].lower()
        if verdict.real_difference:
            takeaway(
                f"{pick} is ahead of the other policies by more than the month-to-month "
                f"noise, after {runs[verdict.pick].retrains} published retrains."
            )
        else:
            takeaway(
                f"no real difference between {monitoring.POLICIES[verdict.best].lower()} (the "
                f"best mean) and {', '.join(monitoring.POLICIES[n].lower() for n in verdict.tied)}"
                f": the gap is inside the noise, so keep the policy that retrains least, {pick}."
            )


def rollback(simulation: monitoring.Simulation, intro: str) -> None:
    """The retrain that used the corrupted month, its evaluation, and the rollback."""
    st.markdown(intro)
    if simulation.corrupt_month is None:
        st.info(
            "No month is corrupted in the controls above; pick one to watch the gate catch it.",
            icon=":material/info:",
        )
        return
    monthly = simulation.policies["monthly"]
    bad = simulation.corrupt_month
    event = next((e for e in monthly.events if e.month == bad + simulation.delay), None)
    label = simulation.months[bad].label
    if event is None:
        st.info(
            f"The outcomes of {label} arrive after the last simulated month, so no retrain used "
            "them; pick an earlier month.",
            icon=":material/info:",
        )
        return
    arrived = simulation.months[event.month].label
    before = monthly.versions[event.month]
    # A quarantined month trains no candidate and cannot score one: there is nothing to show.
    if math.isfinite(event.candidate_score):
        candidate, live, baseline = st.columns(3)
        candidate.metric(
            f"Candidate v{event.version}",
            _fmt(event.candidate_score),
            f"{event.candidate_score - event.live_score:+.3f} vs live"
            if math.isfinite(event.live_score)
            else None,
        )
        live.metric(f"Live v{before}", _fmt(event.live_score))
        baseline.metric("Baseline", _fmt(event.baseline_score))
    if event.accepted:
        st.warning(
            f"The retrain at the end of {escape_md(arrived)} passed the gate despite the "
            f"broken outcomes of {escape_md(label)}: {escape_md(event.reason)}. A gate is "
            "only as good as its evaluation data.",
            icon=":material/warning:",
        )
        return
    after = monthly.versions[min(event.month + 1, len(monthly.versions) - 1)]
    st.error(
        f"Stopped: candidate v{event.version}, due at the end of {escape_md(arrived)} on the "
        f"broken outcomes of {escape_md(label)}, was not published because "
        f"{escape_md(event.reason)}. Nothing to roll back: v{after} keeps serving.",
        icon=":material/block:",
    )
    if not math.isfinite(event.candidate_score):
        takeaway(
            f"the outcome data check quarantined {escape_md(label)}: no later retrain trains "
            f"on it or is judged on it, and v{after} stayed live."
        )
        return
    takeaway(
        f"the gate compared candidate v{event.version} ({_fmt(event.candidate_score)}) with the "
        f"baseline ({_fmt(event.baseline_score)}) and the live v{before} "
        f"({_fmt(event.live_score)}) and kept v{after} live."
    )


def flips(simulation: monitoring.Simulation, intro: str) -> None:
    """Rebuild on a new seed and on a new window; count the decisions that change."""
    st.markdown(intro)
    last = simulation.months[-1].label
    columns = st.columns(len(simulation.flips))
    for column, result in zip(columns, simulation.flips, strict=True):
        with column, st.container(border=True):
            st.markdown(f"**Rebuilt on {result.what}** (hash {result.hash_after[:12]})")
            st.metric(
                f"Decisions flipped in {last}",
                f"{result.flipped:,} of {result.n:,}",
                f"{result.share:.1%}",
                delta_color="off",
            )
            st.caption(
                f"Decision compared: {result.decision}. {simulation.artifact.metric}: "
                f"{_fmt(result.score_before)} shipped → {_fmt(result.score_after)} rebuilt."
            )
    biggest = max(simulation.flips, key=lambda f: f.flipped)
    takeaway(
        f"rebuilding on {biggest.what} changes {biggest.flipped:,} of {biggest.n:,} decisions "
        f"({biggest.share:.1%}) in {escape_md(last)}, while {simulation.artifact.metric} moves "
        f"from {_fmt(biggest.score_before)} to {_fmt(biggest.score_after)}."
    )


def _fmt(value: float) -> str:
    return (
        f"{value:.3f}" if isinstance(value, float | np.floating) and math.isfinite(value) else "—"
    )


def prose(text: dict[str, str]) -> dict[str, str]:
    """The page's sections with the thresholds the code uses filled in."""
    thresholds = {
        "psi_moderate": monitoring.PSI_MODERATE,
        "psi_major": monitoring.PSI_MAJOR,
        "js_alert": monitoring.JS_ALERT,
        "js_input_alert": 2 * monitoring.JS_ALERT,
        "alert_errors": monitoring.RATE_GAP_ERRORS,
    }
    return {name: section.format_map(thresholds) for name, section in text.items()}


def active() -> tuple[Dataset, int]:
    return sidebar.active_dataset(), sidebar.active_seed()
