"""Lesson 2 widgets: the split explorer, rare classes, validation noise, shuffled time.

This component owns the ``split_*`` session_state keys and the URL keys in ``URL_KEYS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from components import course, lesson, navigation, page, progress
from components.charts import splits as charts
from components.text import code_name
from lessons import splits
from lessons.choices import SplitChoice
from lessons.content import sections
from lessons.datasets import Dataset

STRATEGY_KEY = "split_strategy"
SIZES_KEY = "split_sizes"
K_KEY = "split_k"
GAP_KEY = "split_gap"
DATES_KEY = "split_dates"
DATES_FOR_KEY = "split_dates_for"
GROUP_KEY = "split_group_column"
URL_READ_KEY = "split_url_read"
RARE_ROWS_KEY = "split_rare_rows"
NOISE_ROWS_KEY = "split_noise_rows"
REPEATS_KEY = "split_repeats"
NOISE_SEEN_KEY = "split_noise_seen"
NOISE_ON_KEY = "split_noise_on"

URL_KEYS = ("strategy", "train", "validation", "k", "gap", "val_start", "test_start", "group")
CHOICES = splits.STRATEGIES[1:]
MAX_GAP = 12
DEFAULT_REPEATS = 30
NOISE_K = 5
RARE_REPEATS = 500
ROW_OPTIONS = (100, 200, 500, 1_000, 2_000, 5_000, 10_000)


@dataclass(frozen=True)
class _View:
    """What the explorer draws for one choice: its strips and buckets, and the guarantees."""

    strips: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]
    guarantees: tuple[splits.Guarantee, splits.Guarantee, splits.Guarantee]
    folds: bool


@st.cache_data(show_spinner=False, max_entries=128)
def _view(name: str, seed: int, choice: SplitChoice, _dataset: Dataset) -> _View:
    column = choice.param("column")
    if choice.strategy in splits.FOLD_STRATEGIES:
        folds = splits.make_folds(_dataset, choice, random_state=seed)
        return _View(
            {f"fold {f.index + 1}": (f.train, f.validation, f.test, f.gap) for f in folds},
            splits.fold_guarantees(_dataset, folds, group_column=column),
            True,
        )
    buckets = splits.make_buckets(_dataset, choice, random_state=seed)
    return _View(
        {
            splits.STRATEGY_TITLES[choice.strategy]: (
                buckets.train,
                buckets.validation,
                buckets.test,
                buckets.gap,
            )
        },
        splits.check_guarantees(
            _dataset, buckets.train, buckets.validation, buckets.test, group_column=column
        ),
        False,
    )


# --------------------------------------------------------------------------- URL


def _read_url(dataset: Dataset) -> None:
    """On the page's first run in a session, take the split settings from the link."""
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    query = st.query_params
    state = st.session_state
    if query.get("strategy") in CHOICES:
        state[STRATEGY_KEY] = query["strategy"]
    if (k := _int(query.get("k"))) is not None and 2 <= k <= splits.MAX_K:
        state[K_KEY] = k
    if (gap := _int(query.get("gap"))) is not None and 0 <= gap <= MAX_GAP:
        state[GAP_KEY] = gap
    train, validation = _int(query.get("train")), _int(query.get("validation"))
    valid_sizes = train is not None and validation is not None and min(train, validation) >= 5
    if valid_sizes and train + validation <= 95:
        state[SIZES_KEY] = (train, train + validation)
    bounds = _date_bounds(dataset)
    if bounds and "val_start" in query and "test_start" in query:
        try:
            start = dt.date.fromisoformat(query["val_start"])
            end = dt.date.fromisoformat(query["test_start"])
        except ValueError:
            start = end = None
        if start and end and bounds[0] <= start < end <= bounds[1]:
            state[DATES_KEY] = (start, end)
            state[DATES_FOR_KEY] = dataset.name
    if query.get("group") in splits.entity_candidates(dataset):
        state[GROUP_KEY] = query["group"]


def _int(raw: str | None) -> int | None:
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _sync_url(wanted: dict[str, str]) -> None:
    """Mirror this page's settings; touch no other key of the URL."""
    for key in URL_KEYS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value


# --------------------------------------------------------------------------- controls


def _date_bounds(dataset: Dataset) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a datetime time column, or None."""
    if not dataset.time_column:
        return None
    values = splits.time_values(dataset)
    if not pd.api.types.is_datetime64_any_dtype(values):
        return None
    return values.min().date(), values.max().date()


def _controls(dataset: Dataset, strategy: str) -> tuple[dict[str, object], dict[str, str]]:
    """Draw the chosen strategy's controls; return its parameters and its URL keys."""
    params: dict[str, object] = {}
    url: dict[str, str] = {"strategy": strategy}
    if strategy in ("random", "stratified", "group"):
        st.session_state.setdefault(SIZES_KEY, (60, 80))
        train_end, validation_end = st.slider(
            "Bucket boundaries (% of rows): train | validation | test",
            min_value=5,
            max_value=95,
            step=5,
            key=SIZES_KEY,
            help="The left handle ends the training bucket, the right handle starts the test bucket.",
        )
        sizes = (train_end / 100, (validation_end - train_end) / 100, (100 - validation_end) / 100)
        params["sizes"] = sizes
        url |= {"train": str(train_end), "validation": str(validation_end - train_end)}
        st.caption(f"train {sizes[0]:.0%} · validation {sizes[1]:.0%} · test {sizes[2]:.0%}")
    if strategy == "time":
        params |= _time_controls(dataset, url)
    if strategy in splits.FOLD_STRATEGIES:
        k_max = _max_k(dataset, strategy)
        st.session_state[K_KEY] = min(st.session_state.get(K_KEY, splits.DEFAULT_K), k_max)
        k = st.slider(
            "k (number of folds)",
            min_value=2,
            max_value=k_max,
            key=K_KEY,
            help="Each fold is held out once; the score is the average of k scores.",
        )
        params["k"] = k
        url["k"] = str(k)
        st.caption("A test bucket of 20 % is held out first; the folds rotate over the rest.")
    if strategy == "time_series":
        st.session_state.setdefault(GAP_KEY, 0)
        horizon = splits.describe_horizon(dataset)
        gap = st.slider(
            "Extra gap (time steps skipped before each validation fold)"
            if horizon
            else "Gap (time steps skipped before each validation fold)",
            min_value=0,
            max_value=MAX_GAP,
            key=GAP_KEY,
            help="One step is one distinct date; a gap mimics features that arrive late.",
        )
        params["gap"] = gap
        url["gap"] = str(gap)
        if horizon:
            st.caption(
                f"Whatever the slider says, a training row waits until its label has landed "
                f"({horizon} after the row) before the fold's validation starts."
            )
    if strategy in ("group", "group_kfold"):
        candidates = splits.entity_candidates(dataset)
        if st.session_state.get(GROUP_KEY) not in candidates:
            st.session_state[GROUP_KEY] = candidates[0]
        column = st.selectbox(
            "Entity column (kept together in one bucket)",
            candidates,
            key=GROUP_KEY,
            disabled=len(candidates) == 1,
        )
        params["column"] = column
        url["group"] = column
    return params, url


def _max_k(dataset: Dataset, strategy: str) -> int:
    """The largest k the slider offers: group k-fold cannot have more folds than entities."""
    if strategy != "group_kfold":
        return splits.MAX_K
    column = st.session_state.get(GROUP_KEY) or splits.entity_candidates(dataset)[0]
    if column not in dataset.frame.columns:
        column = splits.entity_candidates(dataset)[0]
    outside_test = int(dataset.frame[column].nunique() * (1 - splits.DEFAULT_SIZES[2]))
    return int(np.clip(outside_test, 2, splits.MAX_K))


def _time_controls(dataset: Dataset, url: dict[str, str]) -> dict[str, object]:
    bounds = _date_bounds(dataset)
    cuts = splits.default_time_cuts(dataset)
    if bounds is None:
        values = splits.time_values(dataset).dropna()
        start, end = st.slider(
            f"Validation starts at | test starts at ({dataset.time_column})",
            min_value=float(values.min()),
            max_value=float(values.max()),
            value=(float(cuts[0]), float(cuts[1])),
            key=f"{DATES_KEY}_number",
        )
        return {"validation_start": start, "test_start": end}
    stored = st.session_state.get(DATES_KEY)
    inside = stored is not None and bounds[0] <= stored[0] and stored[1] <= bounds[1]
    if st.session_state.get(DATES_FOR_KEY) != dataset.name or not inside:
        st.session_state[DATES_KEY] = (pd.Timestamp(cuts[0]).date(), pd.Timestamp(cuts[1]).date())
        st.session_state[DATES_FOR_KEY] = dataset.name
    start, end = st.slider(
        "Validation starts on | test starts on",
        min_value=bounds[0],
        max_value=bounds[1],
        key=DATES_KEY,
        step=dt.timedelta(days=1),
        format="YYYY-MM-DD",
        help="Training is everything before the first date, test everything from the second.",
    )
    url |= {"val_start": start.isoformat(), "test_start": end.isoformat()}
    horizon = splits.describe_horizon(dataset)
    st.caption(
        f"train: before {start:%d %b %Y} · validation: {start:%d %b %Y} to "
        f"{end - dt.timedelta(days=1):%d %b %Y} · test: from {end:%d %b %Y}"
        + (
            f" · labels land {horizon} after each row, so rows dated less than {horizon} "
            f"before a cut sit in a gap"
            if horizon
            else ""
        )
    )
    return {"validation_start": start.isoformat(), "test_start": end.isoformat()}


def _use_default(strategy: str) -> None:
    st.session_state[STRATEGY_KEY] = strategy


# --------------------------------------------------------------------------- the explorer


@page.fragment("explorer")
def explorer(dataset: Dataset, seed: int) -> None:
    """Pick a strategy, see every row's bucket, the target per bucket, the guarantees and
    the code; the choice is kept for the Train lesson."""
    _read_url(dataset)
    default, reason = splits.default_strategy(dataset)
    if st.session_state.get(STRATEGY_KEY) not in CHOICES:
        st.session_state[STRATEGY_KEY] = default
    with lesson.demo_controls("Pick a split and move its controls"):
        strategy = st.selectbox(
            "Split strategy",
            CHOICES,
            key=STRATEGY_KEY,
            on_change=progress.mark,
            args=("split", "strategy_tried"),
            format_func=lambda s: (
                splits.STRATEGY_TITLES[s] + (" (honest default here)" if s == default else "")
            ),
        )
        problem = splits.why_not(dataset, strategy)
        if problem is None:
            controls = lesson.guarded(
                lambda: _controls(dataset, strategy), what="set up this split"
            )
            if controls is None:
                return
            params, url = controls
    if problem is not None:
        _sync_url({"strategy": strategy})
        st.info(
            f"**{splits.STRATEGY_TITLES[strategy]}** does not apply to this dataset: {problem}. "
            f"The honest default here is **{splits.STRATEGY_TITLES[default].lower()}** "
            f"({reason}).",
            icon=":material/info:",
        )
        st.button(
            f"Use the {splits.STRATEGY_TITLES[default].lower()} split",
            key="split_use_default",
            on_click=_use_default,
            args=(default,),
        )
        return
    choice = SplitChoice(strategy, tuple(sorted(params.items())))
    _sync_url(url)
    view = lesson.guarded(
        lambda: _view(dataset.cache_key, seed, choice, dataset), what="make this split"
    )
    if view is None:
        return
    course.set_split_choice(dataset, choice, seed)
    _draw_strips(dataset, strategy, view, choice)
    _draw_guarantees(dataset, strategy, view)
    left, right = st.columns(2)
    with left:
        _draw_target(dataset, view)
    with right:
        if dataset.time_column and not view.folds:
            _draw_timeline(dataset, view)
        else:
            st.markdown("**The code for this split**")
            st.code(
                splits.split_code(dataset, choice, random_state=seed),
                language="python",
                wrap_lines=True,
            )
    if dataset.time_column and not view.folds:
        st.markdown("**The code for this split**")
        st.code(
            splits.split_code(dataset, choice, random_state=seed),
            language="python",
            wrap_lines=True,
        )
    st.caption(
        f"Saved as this dataset's split: the Train lesson trains on it "
        f"({splits.STRATEGY_TITLES[strategy].lower()}"
        + (
            f", fold {len(view.strips) if strategy == 'time_series' else 1} as validation"
            if view.folds
            else ""
        )
        + ")."
    )


def _draw_strips(dataset: Dataset, strategy: str, view: _View, choice: SplitChoice) -> None:
    order = splits.row_order(dataset, strategy, group_column=choice.param("column"))
    table = splits.role_strips(len(dataset.frame), view.strips, order)
    if dataset.time_column:
        x_title = f"rows, oldest to newest by {dataset.time_column}"
    elif strategy in ("group", "group_kfold"):
        x_title = f"rows, sorted by {choice.param('column')}"
    else:
        x_title = "rows, in stored order"
    title = (
        f"{len(view.strips)} folds: {splits.STRATEGY_TITLES[strategy]}"
        if view.folds
        else f"Where every row goes: {splits.STRATEGY_TITLES[strategy].lower()} split"
    )
    st.plotly_chart(
        charts.strips_figure(table, title=title, x_title=x_title),
        key="split_strips_chart",
        config={"displayModeBar": False},
    )
    first = next(iter(view.strips.values()))
    counts = [len(p) for p in first]
    n = len(dataset.frame)
    if view.folds:
        sizes = [len(v) for _, v, _, _ in view.strips.values()]
        lesson.takeaway(
            f"{len(view.strips)} folds: each validation fold holds "
            + (
                f"{min(sizes):,}"
                if min(sizes) == max(sizes)
                else f"{min(sizes):,} to {max(sizes):,}"
            )
            + f" rows; the same {counts[2]:,} test rows ({counts[2] / n:.0%}) are "
            f"held out in every fold and never used to choose anything." + _gap_words(dataset, view)
        )
    else:
        lesson.takeaway(
            f"train {counts[0]:,} rows ({counts[0] / n:.0%}), validation {counts[1]:,} "
            f"({counts[1] / n:.0%}), test {counts[2]:,} ({counts[2] / n:.0%})"
            + (f", gap {counts[3]:,} ({counts[3] / n:.0%})" if counts[3] else "")
            + ("; rows in no bucket have no date" if sum(counts) < n else "")
            + "."
            + _gap_words(dataset, view)
        )


def _gap_words(dataset: Dataset, view: _View) -> str:
    """What the hatched gap on the strips is, when there is one."""
    horizon = splits.describe_horizon(dataset)
    if not horizon or not any(len(strip[3]) for strip in view.strips.values()):
        return ""
    return (
        f" Hatched rows sit in the gap: their label ({code_name(dataset.target)}) lands "
        f"{horizon} after the row, after the next bucket has started, so no bucket may use "
        f"them."
    )


def _draw_guarantees(dataset: Dataset, strategy: str, view: _View) -> None:
    st.markdown(sections("split")["guarantees"])
    columns = st.columns(3)
    titles = {
        "disjoint": "Disjoint buckets",
        "time order": "Time order",
        "groups": "Entities kept together",
    }
    for column, guarantee in zip(columns, view.guarantees, strict=True):
        with column, st.container(border=True):
            icon = {True: ":material/check_circle:", False: ":material/cancel:", None: "—"}[
                guarantee.holds
            ]
            status = {True: "holds", False: "broken", None: "does not apply"}[guarantee.holds]
            colour = {True: "green", False: "red", None: "gray"}[guarantee.holds]
            if (
                guarantee.name == "groups"
                and guarantee.holds is False
                and strategy
                not in (
                    "group",
                    "group_kfold",
                )
            ):
                colour, status = "orange", "not kept"
            st.markdown(f"{icon} **{titles[guarantee.name]}**: :{colour}[{status}]")
            st.caption(guarantee.detail)
    _, time_order, groups = view.guarantees
    if time_order.holds is False:
        st.error(
            f"This split breaks time order on a dataset ordered by "
            f"{code_name(dataset.time_column)}: {time_order.detail}. Its scores will look "
            f"better than the model will do in production; use a time-based split or "
            f"time-series CV.",
            icon=":material/warning:",
        )
    if groups.holds is False and strategy not in ("group", "group_kfold"):
        st.warning(
            f"{groups.detail}. That is fine if the model will only ever score entities it has "
            f"already seen; if it must work for new ones, a group split is the honest test.",
            icon=":material/group:",
        )


def _draw_target(dataset: Dataset, view: _View) -> None:
    if view.folds:
        named = {name.replace("fold", "val"): v for name, (_, v, _, _) in view.strips.items()}
        named["test"] = next(iter(view.strips.values()))[2]
    else:
        train, validation, test, _ = next(iter(view.strips.values()))
        named = {"train": train, "validation": validation, "test": test}
    table = splits.target_by_bucket(dataset, named)
    if dataset.task == "regression":
        st.plotly_chart(
            charts.target_box_figure(
                table, title=f"{dataset.target} in each bucket", target=dataset.target
            ),
            key="split_target_chart",
            config={"displayModeBar": False},
        )
        medians = table.groupby("bucket", sort=False)["value"].median()
        lesson.takeaway(
            "median target per bucket: "
            + ", ".join(f"{b} {m:,.3g}" for b, m in medians.items())
            + "; a bucket far from the others will be scored on different conditions."
        )
        return
    totals = table.groupby("class")["rows"].sum()
    rare = str(totals.idxmin())
    if dataset.task == "binary":
        figure = charts.rare_share_figure(
            table, rare, title=f"Share of class {rare} in each bucket"
        )
    else:
        figure = charts.balance_figure(table, title="Class shares in each bucket")
    st.plotly_chart(figure, key="split_target_chart", config={"displayModeBar": False})
    shares = table[table["class"] == rare].set_index("bucket")["share"]
    overall = totals[rare] / totals.sum()
    lesson.takeaway(
        f"class {rare} is {overall:.2%} of the rows shown; across buckets its share runs from "
        f"{shares.min():.2%} ({shares.idxmin()}) to {shares.max():.2%} ({shares.idxmax()})."
    )


def _draw_timeline(dataset: Dataset, view: _View) -> None:
    counts = splits.timeline(dataset, next(iter(view.strips.values())))
    st.plotly_chart(
        charts.timeline_figure(
            counts, title="Which dates land in which bucket", time_title=dataset.time_column
        ),
        key="split_timeline_chart",
        config={"displayModeBar": False},
    )
    in_buckets = counts[counts["role"].isin(("train", "validation", "test"))]
    mixed = in_buckets.groupby("period")["role"].nunique()
    lesson.takeaway(
        f"{int((mixed > 1).sum()):,} of {len(mixed):,} periods feed more than one bucket"
        + (
            " (only the periods at the cut dates may)."
            if (mixed > 1).sum() <= 2
            else ": the buckets share dates."
        )
    )


# --------------------------------------------------------------------------- rare classes


@st.cache_data(show_spinner="Repeating the split over 500 seeds…", max_entries=32)
def _rare(name: str, seed: int, n_rows: int, _dataset: Dataset) -> splits.RarePositives:
    return splits.rare_class_positives(
        _dataset, n_rows=n_rows, n_repeats=RARE_REPEATS, random_state=seed
    )


def _row_slider(dataset: Dataset, key: str, label: str, default: int, help_text: str) -> int:
    """A rows slider whose options fit the dataset; a stale value falls back to the default."""
    options = [n for n in ROW_OPTIONS if n < dataset.n_rows] + [dataset.n_rows]
    chosen = min(options, key=lambda n: abs(n - default))
    if st.session_state.get(key) not in options:
        st.session_state[key] = chosen
    return st.select_slider(label, options=options, key=key, help=help_text)


def rare_classes(dataset: Dataset, seed: int) -> None:
    """Positives in the test bucket over many seeds: random against stratified."""
    if dataset.task == "regression":
        st.info(
            "The target here is a number, so there is no rare class to lose; switch to "
            "`fraud` in the sidebar to see it.",
            icon=":material/info:",
        )
        return
    with lesson.demo_controls("Fewer rows, fewer positives to share"):
        n_rows = _row_slider(
            dataset,
            RARE_ROWS_KEY,
            "Rows used (a seeded sample)",
            2_000,
            "A smaller table has fewer rare rows to deal out between the buckets.",
        )
    result = lesson.guarded(
        lambda: _rare(dataset.cache_key, seed, n_rows, dataset), what="count the rare class"
    )
    if result is None:
        return
    if result.expected >= 20 and result.share_random_almost_none == 0:
        st.caption(
            f"Here the rarest class (class {result.label}) has about {result.expected:.0f} rows "
            f"in each test bucket, so even a random split never loses it. Lower the rows, or "
            f"switch to `fraud` (about 1 % positives)."
        )
    chart, numbers = st.columns([3, 1])
    with chart:
        st.plotly_chart(
            charts.rare_counts_figure(
                result.random_counts,
                result.stratified_counts,
                result.threshold,
                title=f"Class {result.label} rows in a test bucket of {result.test_rows:,}, "
                f"over {RARE_REPEATS} seeds",
            ),
            key="split_rare_chart",
            config={"displayModeBar": False},
        )
    with numbers:
        st.metric(f"expected class {result.label} rows in test", f"{result.expected:.1f}")
        st.metric(
            f"random splits with ≤ {result.threshold}", f"{result.share_random_almost_none:.0%}"
        )
        st.metric(
            f"stratified splits with ≤ {result.threshold}",
            f"{result.share_stratified_almost_none:.0%}",
        )
    lesson.takeaway(
        f"random splits gave the test bucket from {result.random_counts.min()} to "
        f"{result.random_counts.max()} class {result.label} rows, and {result.share_random_almost_none:.0%} "
        f"of them at most {result.threshold}; stratified splits always gave "
        f"{result.stratified_counts.min()} to {result.stratified_counts.max()}."
    )


# --------------------------------------------------------------------------- validation noise


@st.cache_data(show_spinner="Fitting the same model on every split…", max_entries=64)
def _spread(
    name: str, seed: int, n_rows: int, n_repeats: int, _dataset: Dataset
) -> splits.ValidationSpread:
    return splits.validation_spread(
        _dataset, n_rows=n_rows, n_repeats=n_repeats, k=NOISE_K, random_state=seed
    )


@page.fragment("validation noise")
def validation_noise(dataset: Dataset, seed: int) -> None:
    """Validation scores over R random splits against the k-fold mean and its interval."""
    with lesson.demo_controls("More rows, less noise"):
        left, right = st.columns(2)
        with left:
            n_rows = _row_slider(
                dataset,
                NOISE_ROWS_KEY,
                "Dataset size (a seeded sample of rows)",
                1_000,
                "Subsample the data to see how the spread grows on small tables.",
            )
        with right:
            st.session_state.setdefault(REPEATS_KEY, DEFAULT_REPEATS)
            n_repeats = st.slider(
                "Repeats R (one random split per seed)",
                min_value=10,
                max_value=100,
                step=10,
                key=REPEATS_KEY,
            )
    if not st.session_state.get(NOISE_ON_KEY):
        st.button(
            f"Fit the model on {n_repeats} random splits and {NOISE_K} folds",
            key="split_noise_run",
            icon=":material/play_arrow:",
            type="primary",
            on_click=lambda: st.session_state.update({NOISE_ON_KEY: True}),
            help="Runs once per setting; afterwards the sliders update the chart by themselves.",
        )
        return
    if dataset.time_column or dataset.group_column:
        st.caption(
            "These splits ignore time and entities on purpose: the point here is how much "
            "one validation score moves from seed to seed."
        )
    result = lesson.guarded(
        lambda: _spread(dataset.cache_key, seed, n_rows, n_repeats, dataset),
        what="score the repeated splits",
    )
    if result is None:
        return
    finite = result.split_scores[np.isfinite(result.split_scores)]
    if len(finite) == 0:
        st.info("No split could be scored on so few rows; give it more rows.")
        return
    seen_key = (dataset.name, seed, n_repeats)
    seen = st.session_state.setdefault(NOISE_SEEN_KEY, {}).setdefault(seen_key, {})
    seen[result.n_rows] = float(np.std(finite))
    chart, history = st.columns([3, 2])
    with chart:
        st.plotly_chart(
            charts.spread_figure(
                result.split_scores,
                result.fold_scores,
                (result.fold_mean.low, result.fold_mean.high),
                metric=result.metric,
            ),
            key="split_noise_chart",
            config={"displayModeBar": False},
        )
    low, high = result.split_range
    with history:
        if len(seen) > 1:
            st.plotly_chart(
                charts.spread_by_rows_figure(seen, metric=result.metric),
                key="split_noise_history",
                config={"displayModeBar": False},
            )
            smallest, largest = min(seen), max(seen)
            lesson.takeaway(
                f"the spread of one split went from {seen[smallest]:.3f} at {smallest:,} rows "
                f"to {seen[largest]:.3f} at {largest:,} rows."
            )
        else:
            st.caption("Move the dataset-size slider: each size you try is added here.")
    k = len(result.fold_scores)
    lesson.takeaway(
        f"on {result.n_rows:,} rows, {len(finite)} random splits gave a validation "
        f"{result.metric} from {low:.3f} to {high:.3f} (std {np.std(finite):.3f}). "
        f"{k}-fold cross-validation, using every row once, says {result.fold_mean.text()}; "
        f"one fold on its own varies by {result.fold_spread:.3f} (the folds' std), which is "
        f"how much a single fold moves, not how sure the mean is."
    )


# --------------------------------------------------------------------------- shuffled time


@st.cache_data(
    show_spinner="Training the same model on both splits and resampling its test rows…",
    max_entries=32,
)
def _gap(name: str, seed: int, _dataset: Dataset) -> splits.ShuffleGap:
    return splits.shuffle_versus_time(_dataset, random_state=seed)


def _gap_bars(result: splits.ShuffleGap) -> list[tuple[str, float, str]]:
    cut = result.time_cut
    bars = [("shuffled split:<br>its test rows", result.random_score, "leaky")]
    if result.parts:
        comparison = result.parts.look_ahead
        bars += [
            (f"shuffled model:<br>its test rows<br>before {cut}", result.parts.past.score, "leaky"),
            (f"shuffled model:<br>its test rows<br>from {cut}", comparison.score_a, "leaky"),
            (f"time-trained model:<br>the same rows<br>from {cut}", comparison.score_b, "honest"),
        ]
    bars.append(("time split:<br>its test rows", result.time_score, "honest"))
    return bars


_CAUSES = {
    "easier_past": "grading on an easier past, not look-ahead",
    "look_ahead": "look-ahead: the shuffled model trained on the period it is graded on",
    "neither": "neither part: both stay inside their noise here",
}


def _shuffle_takeaway(result: splits.ShuffleGap) -> str:
    head = (
        f"a shuffled split reports {result.random_score:.3f} {result.metric}; a time split, "
        f"trained on the past and tested from {result.time_cut} on, {result.time_score:.3f}: "
        f"a gap of {result.gap:+.3f}"
    )
    if result.main_cause is None:
        return head + "."
    return head + f". Most of it is {_CAUSES[result.main_cause]}."


def _shuffle_parts(result: splits.ShuffleGap) -> str:
    """The gap's parts in words, each with its noise."""
    cut, parts = result.time_cut, result.parts
    if parts is None:
        return (
            f"Only {result.n_shared} future rows sit in both test buckets, too few to take "
            f"the gap apart; switch to `churn` or `store_demand` to see its parts."
        )
    past, future = parts.past, parts.future
    if past.low > future.high:
        past_verdict = "the past rows are easier to predict here"
    elif future.low > past.high:
        past_verdict = "the past rows are harder to predict here"
    else:
        past_verdict = "the intervals overlap, so no clear difference"
    return (
        f"- **Grading on the past ({result.easier_past:+.3f})**: the shuffled model scores "
        f"{past.text()} on its test rows before {cut} and {future.text()} on those from "
        f"{cut} on: {past_verdict}.\n"
        f"- **Look-ahead ({result.look_ahead:+.3f})**: on the same {result.n_shared:,} future "
        f"rows, which neither model trained on: {parts.look_ahead.text()}\n"
        f"- **The rest ({result.remainder:+.3f})**: which future rows each test bucket "
        f"happened to hold."
    )


def shuffled_time(dataset: Dataset, seed: int) -> None:
    """The same model under a random and a time split, and the gap taken apart."""
    if not dataset.time_column:
        st.info(
            "This dataset has no time column, so its rows have no order to break. Switch to "
            "`churn` or `store_demand` in the sidebar to see what shuffling time does.",
            icon=":material/info:",
        )
        return
    if not lesson.reveal(
        "split_gap",
        "Ask the room: which split will score higher, by how much, and why? Then reveal.",
    ):
        return
    result = lesson.guarded(
        lambda: _gap(dataset.cache_key, seed, dataset), what="compare the splits"
    )
    if result is None:
        return
    chart, words = st.columns([3, 2])
    with chart:
        st.plotly_chart(
            charts.gap_figure(
                _gap_bars(result),
                metric=result.metric,
                title="The same two models, graded on which rows?",
            ),
            key="split_gap_chart",
            config={"displayModeBar": False},
        )
    with words:
        lesson.takeaway(_shuffle_takeaway(result))
        st.markdown(_shuffle_parts(result))
    st.markdown(sections("split")["time_why"])
    if spec := navigation.page_for("pages/leakage.py"):
        st.page_link(spec.path, label="Open the leakage lab", icon=spec.icon)
