"""The leakage lab's building blocks: scenario picker, leak switch, three numbers, scoreboard.

This component owns the ``leakage_*`` session_state keys and the ``scenario`` and ``leak``
query parameters (``/leakage?scenario=post_outcome&leak=on``).
"""

from __future__ import annotations

import streamlit as st
from threadpoolctl import threadpool_limits

from components import course, data, lesson, page, progress, room, run_log, sidebar
from components.charts import leakage as charts
from components.text import code_name, escape_md
from lessons import leakage
from lessons.content import sections
from lessons.datasets import Dataset
from lessons.store import RunRecord

SCENARIO_KEY = "leakage_scenario"
LEAK_KEY = "leakage_leak"
SOURCE_KEY = "leakage_source"
URL_READ_KEY = "leakage_url_read"
RECORDED_KEY = "leakage_recorded"
RESULTS_KEY = "leakage_results"
SCOREBOARD_KEY = "leakage_scoreboard_run"
FILL_BOARD_KEY = "leakage_fill_board"
WHY_SHOWN_KEY = "leakage_why_shown"

DEMO, ACTIVE = "demo", "active"

# (setting, label, widget kwargs, help) for each scenario's sliders.
_SLIDERS: dict[str, tuple[tuple[str, str, dict, str], ...]] = {
    "feature_selection": (
        (
            "n_noise",
            "Noise features",
            {"min_value": 100, "max_value": 20_000, "step": 100},
            "Columns of pure noise; more columns give the selection more lucky ones.",
        ),
        (
            "k",
            "Features kept (k)",
            {"min_value": 1, "max_value": 100, "step": 1},
            "How many columns SelectKBest keeps.",
        ),
    ),
    "target_encoding": (
        (
            "n_levels",
            "Distinct postcodes",
            {"min_value": 10, "max_value": 10_000, "step": 10},
            "More codes means fewer rows per code, so each row weighs more in its own mean.",
        ),
    ),
    "centred_window": (
        (
            "window",
            "Window (days)",
            {"min_value": 3, "max_value": 31, "step": 2},
            "The narrower the centred window, the more of the day's own sales it holds.",
        ),
    ),
    "test_tuning": (
        (
            "n_configs",
            "Configurations tried (N)",
            {"min_value": 1, "max_value": leakage.N_CONFIGS_MAX, "step": 1},
            "How many decision-tree settings are compared before one is kept.",
        ),
    ),
    "duplicates": (
        (
            "duplicate_share",
            "Share of rows duplicated",
            {"min_value": 0.0, "max_value": 0.5, "step": 0.05},
            "The share of house sales a fan-out join copied once more.",
        ),
    ),
}

_NEEDS = {
    "time": "time column",
    "group": "entity column (a customer, card or store that repeats across rows)",
    "post_outcome": "column marked as recorded after the outcome",
}


def _init_from_url() -> None:
    """On the page's first run in a session, take the scenario and the switch from the URL."""
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    wanted = st.query_params.get("scenario")
    if wanted in leakage.SCENARIOS:
        st.session_state[SCENARIO_KEY] = wanted
    elif wanted is not None:
        st.toast(
            "The link asked for a scenario this lab does not have; showing the default one.",
            icon=":material/info:",
        )
    leak = st.query_params.get("leak")
    if leak in ("on", "off"):
        st.session_state[LEAK_KEY] = leak == "on"
    for scenario, sliders in _SLIDERS.items():
        for name, _, bounds, _ in sliders:
            raw = st.query_params.get(name)
            default = leakage.DEFAULT_SETTINGS[scenario][name]
            try:
                value = type(default)(raw) if raw is not None else None
            except ValueError:
                value = None
            if value is not None:
                low, high = bounds["min_value"], bounds["max_value"]
                st.session_state[f"leakage_{name}"] = min(max(value, low), high)


def _sync_url(scenario: str, leak_on: bool) -> None:
    for key, value in (("scenario", scenario), ("leak", "on" if leak_on else "off")):
        if st.query_params.get(key) != value:
            st.query_params[key] = value


def scenario_picker() -> str:
    """The scenario select box; returns the chosen scenario's key."""
    _init_from_url()
    st.session_state.setdefault(SCENARIO_KEY, leakage.DEFAULT_SCENARIO)
    return st.selectbox(
        "Scenario",
        leakage.SCENARIO_KEYS,
        key=SCENARIO_KEY,
        format_func=lambda key: f"{leakage.SCENARIOS[key].family}. {leakage.SCENARIOS[key].title}",
        persist_state="session",
        help="Numbered like the lesson: 1 preprocessing, 2 time, 3 post-outcome, "
        "4 tuning, 5 entities. The URL keeps the choice.",
    )


def _settings(scenario: str) -> tuple[tuple[str, object], ...]:
    defaults = leakage.DEFAULT_SETTINGS.get(scenario, {})
    values = {}
    for name, label, kwargs, help_text in _SLIDERS.get(scenario, ()):
        if name == "k":
            kwargs = {**kwargs, "max_value": min(kwargs["max_value"], values["n_noise"])}
        key = f"leakage_{name}"
        st.session_state.setdefault(key, defaults[name])
        if st.session_state[key] > kwargs["max_value"]:
            st.session_state[key] = kwargs["max_value"]
        values[name] = st.slider(
            label,
            key=key,
            help=help_text,
            persist_state="session",
            **kwargs,
        )
    _sync_settings_url(scenario, values)
    return tuple(sorted(values.items()))


def _sync_settings_url(scenario: str, values: dict[str, object]) -> None:
    """Keep this scenario's settings in the URL when they differ from the default."""
    defaults = leakage.DEFAULT_SETTINGS.get(scenario, {})
    for other, sliders in _SLIDERS.items():
        for name, *_ in sliders:
            wanted = values.get(name) if other == scenario else None
            if wanted is None or wanted == defaults.get(name):
                if name in st.query_params:
                    del st.query_params[name]
            elif st.query_params.get(name) != str(wanted):
                st.query_params[name] = str(wanted)


def _source(scenario: str, active: Dataset) -> Dataset | None:
    """Which data a dataset-level scenario runs on: None means the scenario's own demo."""
    spec = leakage.SCENARIOS[scenario]
    if spec.needs is None:
        st.caption(f"Runs on its own demo data: `{spec.demo_dataset}`.")
        return None
    if active.name == spec.demo_dataset:
        return None
    if not leakage.applies_to(scenario, active):
        st.info(
            f"The active dataset, {code_name(active.name)}, has no {_NEEDS[spec.needs]}, "
            f"so this scenario runs on the built-in `{spec.demo_dataset}` data.",
            icon=":material/info:",
        )
        return None
    choice = st.radio(
        "Run it on",
        (ACTIVE, DEMO),
        key=SOURCE_KEY,
        format_func=lambda v: (
            f"your active dataset: {escape_md(active.name)}"
            if v == ACTIVE
            else (f"the built-in demo: {spec.demo_dataset}")
        ),
        persist_state="session",
    )
    if choice == ACTIVE:
        st.caption(sections("leakage")["your_data"])
        return active
    return None


@st.cache_data(show_spinner=False, max_entries=256)
def _scores(
    scenario: str,
    settings: tuple[tuple[str, object], ...],
    dataset_key: tuple | str,
    seed: int,
    _dataset: Dataset | None,
) -> leakage.LeakScores:
    # One OpenMP thread: on a shared server, sessions computing at once must not oversubscribe.
    with threadpool_limits(limits=1):
        return leakage.run(scenario, dict(settings), dataset=_dataset, random_state=seed)


@st.cache_data(show_spinner=False, max_entries=16)
def _tuning_curve(seed: int) -> leakage.TuningCurve:
    with threadpool_limits(limits=1):
        return leakage.tuning_curve(random_state=seed)


def compute(
    scenario: str,
    settings: tuple[tuple[str, object], ...],
    dataset: Dataset | None,
    seed: int,
) -> leakage.LeakScores | None:
    """Both pipelines of one scenario, cached on (scenario, settings, dataset, seed)."""
    name = dataset.name if dataset is not None else leakage.SCENARIOS[scenario].demo_dataset
    if dataset is None and leakage.SCENARIOS[scenario].needs:
        dataset = data.builtin(name, seed)
    key = dataset.cache_key if dataset is not None else name
    with st.spinner("Fitting the leaky and the honest pipeline…"):
        return lesson.guarded(
            lambda: _scores(scenario, settings, key, seed, dataset),
            what=f"run this scenario on {escape_md(name)}",
        )


def _record(result: leakage.LeakScores, leak_on: bool, seed: int) -> None:
    """Log the run once per distinct setting, not on every rerun."""
    signature = (result.scenario, result.settings, leak_on, result.dataset, seed)
    recorded = st.session_state.setdefault(RECORDED_KEY, set())
    if signature in recorded:
        return
    recorded.add(signature)
    reported = result.leaky if leak_on else result.honest
    production = result.production if leak_on else result.honest_production
    course.record_run(
        RunRecord(
            page="leakage",
            dataset=result.dataset,
            split=result.split,
            model=result.model,
            params={"scenario": result.scenario, **dict(result.settings)},
            metrics={
                f"validation_{result.metric}": round(reported, 4),
                f"production_{result.metric}": round(production, 4),
            },
            leaks={result.scenario: "on" if leak_on else "off"},
            seed=seed,
        )
    )


@page.fragment("leakage lab")
def lab(scenario: str) -> None:
    """Controls, the three numbers, the chart and takeaway: what the leak switch changes.

    A fragment: the leak switch and the settings rerun only this part. The scoreboard and the
    why below show this scenario's result too, so a settings change that gives a new result, or
    a reveal that opens the why, reruns the page once to keep them in step; the switch itself
    never does.
    """
    spec = leakage.SCENARIOS[scenario]
    seed = sidebar.active_seed()
    controls, results = st.columns([1, 2], gap="large")
    with controls, lesson.demo_controls("Switch the leak"):
        st.session_state.setdefault(LEAK_KEY, True)
        leak_on = st.toggle(
            "Leak on",
            key=LEAK_KEY,
            persist_state="session",
            on_change=progress.mark,
            args=("leakage", "leak_switched"),
            help=f"On: {spec.leak}. Off: {spec.fix}.",
        )
        st.markdown(f"**Leaky:** {spec.leak}.  \n**Fix:** {spec.fix}.")
        settings = _settings(scenario)
        dataset = _source(scenario, sidebar.active_dataset())
    _sync_url(scenario, leak_on)
    result = compute(scenario, settings, dataset, seed)
    if result is None:
        # No number for these settings: the board and the why must not show an older one.
        st.session_state.get(RESULTS_KEY, {}).pop(scenario, None)
        return
    board = st.session_state.setdefault(RESULTS_KEY, {})
    shown = board.get(scenario)
    board[scenario] = result
    if run_log.fragment_rerun() and (
        shown is None or (shown.settings, shown.dataset) != (result.settings, result.dataset)
    ):
        st.rerun(scope="app")
    _record(result, leak_on, seed)
    with results:
        _three_numbers(result, leak_on)
    # Read after the numbers: pressing Reveal in them counts on this very run.
    if run_log.fragment_rerun() and st.session_state.get(WHY_SHOWN_KEY) != (
        scenario,
        _answered(result),
    ):
        st.rerun(scope="app")


def why(scenario: str) -> None:
    """Why the leak lies, how much it matters here, and the code: nothing the switch changes.

    Drawn outside the lab's fragment, so a flip of the switch does not redraw it; it reads the
    result the lab left on the board (none when the lab could not compute one: then only the
    prose and the code).
    """
    result = st.session_state.get(RESULTS_KEY, {}).get(scenario)
    text = sections("leakage")
    answered = result is not None and _answered(result)
    st.session_state[WHY_SHOWN_KEY] = (scenario, answered)
    if scenario == "test_tuning" and answered:
        _tuning(dict(result.settings)["n_configs"], sidebar.active_seed())
    st.markdown(text[scenario])
    if answered:
        st.markdown(text[f"{scenario}_matters"])
        st.caption(_size_sentence(result))
    _code(scenario)


def _answered(result: leakage.LeakScores) -> bool:
    """Whether the page may say how much this leak matters: always outside instructor mode;
    in it, only once the instructor has revealed the scenario's numbers."""
    return lesson.is_revealed(f"leakage_{result.scenario}", _room_question(result))


_SIZES = tuple((size, f"It {words}") for size, words in leakage.SIZE_WORDS.items())


def _room_question(result: leakage.LeakScores) -> room.RoomQuestion:
    """The scenario's prediction as a room question, answered by the rule of the verdict the
    page prints after Reveal (the inflation and its 95% interval)."""
    return room.RoomQuestion(
        key=f"leakage_{result.scenario}",
        context=f"{result.dataset}|{result.settings}|{result.honest:.6f}",
        prompt=f"Switch the leak on: how much does it move the reported {result.metric_label}?",
        options=_SIZES,
        correct=leakage.size_of(result.inflation, result.inflation_low, result.inflation_high),
    )


def _verdict(result: leakage.LeakScores) -> str:
    return leakage.verdict(result.inflation, result.inflation_low, result.inflation_high)


def _size_sentence(result: leakage.LeakScores) -> str:
    """How big the leak is here, against its noise, in one sentence."""
    return (
        f"Here the leak adds {result.inflation:+.3f} {result.metric_label} (95% CI "
        f"{result.inflation_low:+.3f} to {result.inflation_high:+.3f}): it {_verdict(result)}."
    )


def _three_numbers(result: leakage.LeakScores, leak_on: bool) -> None:
    metric = result.metric_label
    asked = _room_question(result)
    if leak_on:
        room.vote_widget(asked)
    hidden = leak_on and not lesson.reveal(
        f"leakage_{result.scenario}", sections("leakage")["predict"], question=asked
    )
    reported = result.leaky if leak_on else result.honest
    production = result.production if leak_on else result.honest_production
    st.markdown(f"**{metric}** on `{result.dataset}`, higher is better")
    reported_col, honest_col, production_col = st.columns(3)
    reported_col.metric(
        "Reported",
        "?" if hidden else f"{reported:.3f}",
        delta=None if hidden or not leak_on else f"{result.inflation:+.3f}",
        delta_color="off",
        delta_description=None if hidden or not leak_on else "vs honest",
        border=True,
        help="What the pipeline as switched prints as its validation score.",
    )
    honest_col.metric(
        "Honest",
        f"{result.honest:.3f}",
        border=True,
        help="The corrected pipeline's validation score; the caption below says on which rows.",
    )
    production_col.metric(
        "Production",
        "?" if hidden else f"{production:.3f}",
        delta=None if hidden else f"{production - reported:+.3f}",
        delta_color="off",
        delta_description=None if hidden else "vs reported",
        border=True,
        help="What the pipeline as switched scores on data it never saw.",
    )
    title = leakage.SCENARIOS[result.scenario].title
    spec, data = (
        charts.three_scores_chart(
            metric,
            None,
            result.honest,
            None,
            leak_on=True,
            title=f"{title}: leaky numbers hidden",
        )
        if hidden
        else charts.three_scores_chart(
            metric,
            reported,
            result.honest,
            production,
            leak_on=leak_on,
            title=f"{title}: {result.dataset}",
        )
    )
    st.vega_lite_chart(data, spec, width="stretch", height=380, key="leakage_three_scores")
    rows = result.rows
    if rows is not None:
        st.caption(
            f"What each number reads. Reported with the leak on: {rows.leaky}. "
            f"Honest: {rows.honest}. Production: {rows.production}."
        )
    if hidden:
        lesson.takeaway(
            f"The honest pipeline scores {metric} {result.honest:.3f}; "
            "predict the leaky one before revealing."
        )
        return
    within = abs(result.honest - result.honest_production) <= result.band
    if leak_on:
        lesson.takeaway(
            f"The leak {_verdict(result)}: "
            f"reported {reported:.3f} against {result.honest:.3f} honest "
            f"({result.inflation:+.3f}), and production delivers {production:.3f}."
        )
    elif within:
        lesson.takeaway(
            f"With the fix, the reported {reported:.3f} and production {production:.3f} differ "
            f"by {abs(production - reported):.3f}, inside the ±{result.band:.3f} that chance "
            "alone allows; switch the leak on to see the lie."
        )
    else:
        lesson.takeaway(
            f"With the fix, the reported {reported:.3f} and production {production:.3f} differ "
            f"by {abs(production - reported):.3f}, more than the ±{result.band:.3f} that "
            "chance allows 19 times in 20: "
            + (
                result.drift
                or "nothing changes between the two sets of rows here, so this is the "
                "twentieth time; another seed draws other rows"
            )
            + "."
        )
    _noise(result)
    if _answered(result):
        for note in result.notes:
            st.markdown(f"- {note}")
    meter = leakage.too_good_to_be_true(result) if leak_on else 0.0
    st.progress(
        meter,
        text=f"Too good to be true: the leak adds {result.inflation if leak_on else 0.0:+.3f} "
        f"to the reported score (full bar at {leakage.TOO_GOOD_FULL_SCALE:+.2f})",
    )
    st.caption(f"Split: {result.split}. Model: `{result.model}`. The gap is {result.gap_meaning}.")


def _noise(result: leakage.LeakScores) -> None:
    """The noise of the honest and the production score, and the band they share."""
    if result.honest_interval is None or result.production_interval is None:
        return
    st.caption(
        f"Noise (bootstrap, 95%): honest {result.honest_interval.text()}; production of the "
        f"fixed pipeline {result.production_interval.text()}. Read on different rows, the two "
        f"may differ by up to ±{result.band:.3f} by chance alone."
        + (f" Planted in this data: {result.drift}." if result.drift else "")
    )


def _tuning(n_configs: int, seed: int) -> None:
    curve = lesson.guarded(lambda: _tuning_curve(seed), what="trace the tuning curve")
    if curve is None:
        return
    st.plotly_chart(
        charts.tuning_curve_figure(
            curve.n_configs, curve.optimism_test, curve.optimism_validation, n_configs
        ),
        config={"displayModeBar": False},
        key="leakage_tuning_curve",
    )
    lesson.takeaway(
        f"Picking on the test set, the optimism grows from {curve.optimism_test[0]:+.3f} at "
        f"N={curve.n_configs[0]} to {curve.optimism_test[-1]:+.3f} at N={curve.n_configs[-1]}; "
        f"picking on validation it stays at {curve.optimism_validation[-1]:+.3f}."
    )


def _code(scenario: str) -> None:
    leaky_code, honest_code = leakage.code_diff(scenario)
    left, right = st.columns(2)
    with left:
        st.markdown(":red-badge[Leaky]")
        st.code(leaky_code, language="diff", wrap_lines=True)
    with right:
        st.markdown(":green-badge[Honest]")
        st.code(honest_code, language="diff", wrap_lines=True)
    st.caption("Lines marked - and + are the only difference between the two versions.")


def scoreboard() -> None:
    """Every scenario's leaky, honest and production score, the gap and the meter."""
    text = sections("leakage")
    st.subheader("Scoreboard")
    st.markdown(text["scoreboard"])
    seed = sidebar.active_seed()
    results: dict[str, leakage.LeakScores] = st.session_state.get(RESULTS_KEY, {})
    missing = [key for key in leakage.SCENARIO_KEYS if key not in results]
    if missing:
        st.button(
            f"Run the {len(missing)} scenario{'s' if len(missing) > 1 else ''} not yet on the board",
            key=SCOREBOARD_KEY,
            icon=":material/playlist_play:",
            on_click=lambda: st.session_state.update({FILL_BOARD_KEY: True}),
            help="Each runs once with its default settings; afterwards the board is cached.",
        )
    if missing and st.session_state.pop(FILL_BOARD_KEY, False):
        progress = st.progress(0.0, text="Running every scenario with its default settings…")
        for done, key in enumerate(missing, start=1):
            defaults = tuple(sorted(leakage.DEFAULT_SETTINGS.get(key, {}).items()))
            result = compute(key, defaults, None, seed)
            if result is not None:
                results[key] = result
            progress.progress(done / len(missing), text=f"{done} of {len(missing)} done")
        st.session_state[RESULTS_KEY] = results
        progress.empty()
    rows = [results[key] for key in leakage.SCENARIO_KEYS if key in results]
    if not rows:
        st.info("Run a scenario above, or fill the board with the button.", icon=":material/info:")
        return
    if not lesson.reveal("leakage_scoreboard", "Ask the room to rank the leaks, then reveal."):
        return
    titles = [
        f"{leakage.SCENARIOS[r.scenario].family}. {leakage.SCENARIOS[r.scenario].title}"
        for r in rows
    ]
    st.dataframe(
        {
            "Scenario": titles,
            "Data": [r.dataset for r in rows],
            "Metric": [r.metric_label for r in rows],
            "Leaky (reported)": [r.leaky for r in rows],
            "Honest": [r.honest for r in rows],
            "Production": [r.production for r in rows],
            "Leak adds": [r.inflation for r in rows],
            "95% CI of what it adds": [
                f"{r.inflation_low:+.3f} to {r.inflation_high:+.3f}" for r in rows
            ],
            "Beyond noise": [not r.inflation_within_noise for r in rows],
            "Too good to be true": [leakage.too_good_to_be_true(r) for r in rows],
            "Settings": [", ".join(f"{k}={v}" for k, v in r.settings) for r in rows],
        },
        hide_index=True,
        column_config={
            "Leaky (reported)": st.column_config.NumberColumn(format="%.3f"),
            "Honest": st.column_config.NumberColumn(format="%.3f"),
            "Production": st.column_config.NumberColumn(format="%.3f"),
            "Leak adds": st.column_config.NumberColumn(format="%+.3f"),
            "Too good to be true": st.column_config.ProgressColumn(
                min_value=0.0,
                max_value=1.0,
                format="percent",
                help="How much the leak adds to the reported score; full at "
                f"{leakage.TOO_GOOD_FULL_SCALE:.2f}.",
            ),
        },
        key="leakage_scoreboard_table",
    )
    st.plotly_chart(
        charts.scoreboard_figure(
            titles, [r.leaky for r in rows], [r.honest for r in rows], [r.production for r in rows]
        ),
        config={"displayModeBar": False},
        key="leakage_scoreboard_chart",
    )
    if len(rows) < 2:
        return
    ranking = leakage.rank_leaks({r.scenario: r for r in rows})
    by_key = {r.scenario: r for r in rows}

    def named(key: str) -> str:
        return f"{leakage.SCENARIOS[key].title.lower()} ({by_key[key].inflation:+.3f})"

    if ranking.winner is not None:
        headline = f"The biggest leak here is {named(ranking.winner)}"
    else:
        headline = (
            "No single biggest leak: "
            + ", ".join(named(k) for k in ranking.top)
            + " are within noise of each other"
        )
    quiet = [k for k in ranking.order if by_key[k].inflation_within_noise]
    tail = (
        "; inside the noise, so no real effect here: " + ", ".join(named(k) for k in quiet)
        if quiet
        else ""
    )
    lesson.takeaway(f"{headline}{tail}.")
