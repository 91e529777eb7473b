"""Instructor lesson plans: a Markdown template per lesson, its numbers computed, never typed.

A plan lives in ``lessons/content/plans/<lesson>.md``. Where it quotes a number, the template
holds a ``{placeholder}`` (``reported {leak_post_outcome_leaky}``) that a function of this
module fills by running the lesson's own code on the plan's built-in dataset and seed, with
the same settings the page starts from. So the plan says what the room will actually see.

Plans render to Markdown (for the app and a download) and to a standalone, printable HTML
document. The HTML converter is small and covers only the syntax the plans use; every piece
of text goes through ``html.escape``.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlsplit

from threadpoolctl import threadpool_limits

from lessons import content, datasets, experiments, framing, leakage, monitoring, splits, training
from lessons import metrics as lesson_metrics
from lessons.choices import SplitChoice
from lessons.errors import DataError
from lessons.features import labelled_frame

SEED = 0
"""Every plan's numbers are computed with this seed; every deep link in a plan sets it."""


@dataclass(frozen=True)
class LessonInfo:
    """A lesson a plan is written for: its key, its title and its page's URL path."""

    key: str
    title: str
    url_path: str


LESSONS: tuple[LessonInfo, ...] = (
    LessonInfo("frame", "1. Frame the problem", "frame"),
    LessonInfo("split", "2. Split the data", "split"),
    LessonInfo("leakage", "3. Leakage lab", "leakage"),
    LessonInfo("train", "4. Train live", "train"),
    LessonInfo("metrics", "5. Pick a metric", "metrics"),
    LessonInfo("experiments", "6. Experiment log", "experiments"),
    LessonInfo("monitor", "7. Deploy and monitor", "monitor"),
)
LESSON_KEYS: tuple[str, ...] = tuple(lesson.key for lesson in LESSONS)
TITLES: dict[str, str] = {lesson.key: lesson.title for lesson in LESSONS}

REQUIRED_SECTIONS: tuple[str, ...] = (
    "At a glance",
    "Run of show",
    "What the numbers should look like",
    "Common questions",
)
"""The ``## `` sections every plan has, in this order."""

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_SEGMENT = re.compile(r"^### .+\((\d+) min\)$", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


# ---------------------------------------------------------------------------------------------
# Settings the pages start from. The plans quote numbers at these settings, and the unit tests
# check each one against the constant or the default of the page's component.
# ---------------------------------------------------------------------------------------------

FRAME_DATASET = "fraud"
FRAME_COSTS = (1.0, 20.0)
"""Cost of a false positive and of a false negative in the plan's second link."""

SPLIT_RARE_DATASET, SPLIT_RARE_ROWS, SPLIT_RARE_REPEATS = "fraud", 2_000, 500
SPLIT_NOISE_DATASET, SPLIT_NOISE_REPEATS, SPLIT_NOISE_K = "diabetes", 30, 5
SPLIT_NOISE_ROWS_WANTED = 1_000
"""The noise section's row slider starts at the option nearest this (all rows when fewer)."""
SPLIT_TIME_DATASET = "churn"

LEAKAGE_SCENARIOS = ("post_outcome", "preprocessing_scaler", "feature_selection")

TRAIN_DATASET, TRAIN_MODEL, TRAIN_METRIC = "house_prices", "decision_tree", "r2"
TRAIN_SETTINGS: dict[str, dict[str, object]] = {
    "shallow": {"max_depth": 2, "min_samples_leaf": 5},
    "default": {"max_depth": 6, "min_samples_leaf": 5},
    "unlimited": {"max_depth": None, "min_samples_leaf": 1},
}

METRICS_DATASET = "fraud"
METRICS_THRESHOLDS = (0.5, 0.1)
METRICS_PREVALENCE = 0.01
METRICS_OUTLIER_SHARE = 0.05

EXPERIMENTS_DATASET = "churn"
EXPERIMENTS_RUNS: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("forest", "random_forest", {"max_depth": 8}),
    ("baseline", "baseline", {"strategy": "prior"}),
    ("deeper", "random_forest", {"max_depth": 16}),
    ("linear", "linear", {"C": 1.0}),
)

MONITOR_DATASET = "churn"
MONITOR_SCENARIO, MONITOR_INTENSITY, MONITOR_DELAY = "concept", 0.75, 2
MONITOR_CORRUPT_MONTH = 6
"""The corrupted month as the page counts it (1 to 12); the simulation counts from 0."""
MONITOR_RECIPE = ("random_forest", {"n_estimators": 30, "max_depth": 8, "min_samples_leaf": 5})


# ---------------------------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------------------------


def score(value: float) -> str:
    """A score as the pages show it: three decimals."""
    return f"{value:.3f}"


def signed(value: float) -> str:
    """A difference with its sign; one that rounds to nothing reads +0.000, not -0.000."""
    shown = f"{value:+.3f}"
    return "+0.000" if float(shown) == 0 else shown


def percent(value: float, decimals: int = 0) -> str:
    return f"{value:.{decimals}%}"


# ---------------------------------------------------------------------------------------------
# The numbers of each lesson
# ---------------------------------------------------------------------------------------------


def frame_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 1 on card fraud: the majority share, the metric, threshold and cost at 1:20."""
    dataset = datasets.load(FRAME_DATASET, random_state)
    shares = dataset.y.astype(str).value_counts(normalize=True)
    result = framing.evaluate(dataset, dataset.target, dataset.task, random_state=random_state)
    cost_fp, cost_fn = FRAME_COSTS
    costs = framing.Costs(false_positive=cost_fp, false_negative=cost_fn)
    equal = framing.suggest_metric("binary", result.y_train, framing.Costs())
    suggestion = framing.suggest_metric("binary", result.y_train, costs)
    probability = result.model.predictions.scores[:, 1]
    threshold = framing.optimal_threshold(result.y_valid, probability, cost_fp, cost_fn)
    comparison = framing.cost_comparison(result.y_valid, threshold, costs)
    rule, rule_cost = comparison.best_rule
    scored = framing.score_candidates(result, suggestion, threshold.threshold)
    outcome = framing.verdict(scored, suggestion.metric)
    return {
        "frame_majority_share": percent(shares.iloc[0], 1),
        "frame_positive_share": percent(1 - shares.iloc[0], 1),
        "frame_metric_equal": equal.name,
        "frame_metric": suggestion.name,
        "frame_threshold": framing.format_threshold(threshold.threshold),
        "frame_theory": f"{threshold.theory:.2f}",
        "frame_cost_model": f"{comparison.model:,.1f}",
        "frame_rule": rule,
        "frame_cost_rule": f"{rule_cost:,.1f}",
        "frame_baseline": outcome.best_baseline.name,
        "frame_baseline_score": framing.format_score(
            suggestion.metric, outcome.best_baseline.score
        ),
        "frame_model_score": framing.format_score(suggestion.metric, outcome.model.score),
        "frame_n_train": f"{result.n_train:,}",
        "frame_n_valid": f"{result.n_valid:,}",
    }


def split_noise_rows(n_rows: int) -> int:
    """The rows the noise section starts with: the slider option nearest the wanted size."""
    options = [n for n in (100, 200, 500, 1_000, 2_000, 5_000, 10_000) if n < n_rows] + [n_rows]
    return min(options, key=lambda n: abs(n - SPLIT_NOISE_ROWS_WANTED))


def split_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 2: lost positives on fraud, one noisy split on diabetes, shuffled churn."""
    fraud = datasets.load(SPLIT_RARE_DATASET, random_state)
    rare = splits.rare_class_positives(
        fraud, n_rows=SPLIT_RARE_ROWS, n_repeats=SPLIT_RARE_REPEATS, random_state=random_state
    )
    small = datasets.load(SPLIT_NOISE_DATASET, random_state)
    spread = splits.validation_spread(
        small,
        n_rows=split_noise_rows(small.n_rows),
        n_repeats=SPLIT_NOISE_REPEATS,
        k=SPLIT_NOISE_K,
        random_state=random_state,
    )
    low, high = spread.split_range
    gap = splits.shuffle_versus_time(
        datasets.load(SPLIT_TIME_DATASET, random_state), random_state=random_state
    )
    return {
        "split_rare_repeats": str(SPLIT_RARE_REPEATS),
        "split_noise_repeats": str(SPLIT_NOISE_REPEATS),
        "split_rare_expected": f"{rare.expected:.1f}",
        "split_rare_threshold": str(rare.threshold),
        "split_rare_test_rows": f"{rare.test_rows:,}",
        "split_rare_random_min": str(int(rare.random_counts.min())),
        "split_rare_random_max": str(int(rare.random_counts.max())),
        "split_rare_random_share": percent(rare.share_random_almost_none),
        "split_rare_stratified_min": str(int(rare.stratified_counts.min())),
        "split_rare_stratified_max": str(int(rare.stratified_counts.max())),
        "split_noise_rows": f"{spread.n_rows:,}",
        "split_noise_metric": spread.metric,
        "split_noise_low": score(low),
        "split_noise_high": score(high),
        "split_noise_fold_mean": score(float(spread.fold_scores.mean())),
        "split_noise_fold_std": score(float(spread.fold_scores.std())),
        "split_time_metric": gap.metric,
        "split_time_random": score(gap.random_score),
        "split_time_time": score(gap.time_score),
        "split_time_gap": score(gap.gap),
        "split_time_cut": gap.time_cut,
    }


def leakage_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 3: three scenarios on their demo data with the lab's default settings."""
    numbers: dict[str, str] = {}
    for scenario in LEAKAGE_SCENARIOS:
        result = leakage.run(scenario, random_state=random_state)
        prefix = f"leak_{scenario}"
        numbers |= {
            f"{prefix}_leaky": score(result.leaky),
            f"{prefix}_honest": score(result.honest),
            f"{prefix}_production": score(result.production),
            f"{prefix}_honest_production": score(result.honest_production),
            f"{prefix}_metric": result.metric_label,
            f"{prefix}_dataset": result.dataset,
            f"{prefix}_adds": signed(result.inflation),
            f"{prefix}_verdict": leakage.verdict(result.inflation),
        }
    numbers["leak_feature_selection_noise"] = (
        f"{leakage.DEFAULT_SETTINGS['feature_selection']['n_noise']:,}"
    )
    numbers["leak_feature_selection_k"] = str(leakage.DEFAULT_SETTINGS["feature_selection"]["k"])
    return numbers


def train_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 4: a decision tree on house prices, shallow, default and unlimited."""
    dataset = datasets.load(TRAIN_DATASET, random_state)
    prepared = training.prepare(
        dataset, SplitChoice(), row_cap=training.DEFAULT_ROW_CAP, random_state=random_state
    )
    numbers = {
        "train_n_train": f"{len(prepared.train):,}",
        "train_n_valid": f"{len(prepared.validation):,}",
        "train_baseline": score(training.baseline(prepared, TRAIN_METRIC)),
    }
    for name, params in TRAIN_SETTINGS.items():
        fitted = training.fit(prepared, TRAIN_MODEL, params, TRAIN_METRIC, random_state)
        numbers |= {
            f"train_{name}_train": score(fitted.train_score),
            f"train_{name}_valid": score(fitted.validation_score),
            f"train_{name}_gap": score(fitted.gap),
        }
    return numbers


def metrics_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 5: every metric on fraud, the threshold, accuracy at 1 %, RMSE against MAE."""
    dataset = datasets.load(METRICS_DATASET, random_state)
    buckets = splits.make_buckets(dataset, SplitChoice(), random_state=random_state)
    held_out = lesson_metrics.fit_held_out(dataset, buckets, random_state=random_state)
    scores = {
        s.key: s.value
        for s in lesson_metrics.score_held_out(held_out, held_out.main, threshold=0.5)
    }
    numbers = {
        "metrics_model": held_out.main.name,
        "metrics_n_valid": f"{len(held_out.y_true):,}",
        "metrics_positive_share": percent(float(held_out.y_true.mean()), 2),
        "metrics_accuracy": percent(scores["accuracy"], 1),
        "metrics_roc_auc": score(scores["roc_auc"]),
        "metrics_pr_auc": score(scores["pr_auc"]),
    }
    for threshold in METRICS_THRESHOLDS:
        point = lesson_metrics.operating_point(held_out.y_true, held_out.main.prediction, threshold)
        tag = f"{round(threshold * 100):02d}"
        numbers |= {
            f"metrics_precision_{tag}": percent(point.precision, 1),
            f"metrics_recall_{tag}": percent(point.recall, 1),
            f"metrics_flagged_{tag}": f"{point.true_positives + point.false_positives:,}",
        }
    sweep = lesson_metrics.imbalance_sweep((METRICS_PREVALENCE,)).set_index(["model", "metric"])
    numbers |= {
        "metrics_majority_accuracy": percent(
            sweep.loc[("always the majority", "accuracy"), "value"], 1
        ),
        "metrics_majority_recall": percent(sweep.loc[("always the majority", "recall"), "value"]),
        "metrics_real_roc_auc": score(sweep.loc[("real model", "roc_auc"), "value"]),
        "metrics_real_pr_auc": score(sweep.loc[("real model", "pr_auc"), "value"]),
    }
    outliers = lesson_metrics.outlier_sweep(
        (0.0, METRICS_OUTLIER_SHARE), random_state=random_state
    ).set_index("share")
    clean, dirty = outliers.loc[0.0], outliers.loc[METRICS_OUTLIER_SHARE]
    numbers |= {
        "metrics_rmse_clean": f"{clean['rmse']:.2f}",
        "metrics_rmse_dirty": f"{dirty['rmse']:.2f}",
        "metrics_mae_clean": f"{clean['mae']:.2f}",
        "metrics_mae_dirty": f"{dirty['mae']:.2f}",
    }
    return numbers


def experiment_runs(random_state: int = SEED) -> dict[str, dict[str, float]]:
    """The plan's runs of the experiment page's quick form, fitted as the page fits them."""
    dataset = datasets.load(EXPERIMENTS_DATASET, random_state)
    frame = labelled_frame(dataset)
    if len(frame) != dataset.n_rows:
        dataset = replace(dataset, frame=frame.reset_index(drop=True))
    buckets = splits.make_buckets(dataset, SplitChoice(), random_state=random_state)
    return {
        name: experiments.quick_run(dataset, buckets, model, params, random_state=random_state)
        for name, model, params in EXPERIMENTS_RUNS
    }


def experiments_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 6: four runs on churn, one change at a time."""
    numbers = {}
    for name, run in experiment_runs(random_state).items():
        numbers |= {
            f"exp_{name}_auc": score(run["validation_roc_auc"]),
            f"exp_{name}_accuracy": score(run["validation_accuracy"]),
        }
    return numbers


def monitor_simulation(random_state: int = SEED) -> monitoring.Simulation:
    """The monitor page's default simulation: concept drift, the default random forest."""
    dataset = datasets.load(MONITOR_DATASET, random_state)
    model, params = MONITOR_RECIPE
    return monitoring.simulate(
        dataset,
        experiments.run_estimator(model, dataset.task, params, random_state),
        model=model,
        params=params,
        scenario=MONITOR_SCENARIO,
        intensity=MONITOR_INTENSITY,
        delay=MONITOR_DELAY,
        corrupt_month=MONITOR_CORRUPT_MONTH - 1,
        random_state=random_state,
    )


def monitor_numbers(random_state: int = SEED) -> dict[str, str]:
    """Lesson 7: the shipped score, the decay, the first alert, the policies, the flips."""
    simulation = monitor_simulation(random_state)
    months = simulation.months
    first_alert = next((m for m in months if m.alert), None)
    policies = simulation.policies
    by_seed = next(f for f in simulation.flips if "seed" in f.what)
    corrupt = MONITOR_CORRUPT_MONTH - 1
    gate = next(e for e in policies["monthly"].events if e.month == corrupt + simulation.delay)
    return {
        "mon_metric": simulation.artifact.metric,
        "mon_validation": score(simulation.artifact.validation_score),
        "mon_first_label": months[0].label,
        "mon_first": score(months[0].performance),
        "mon_last_label": months[-1].label,
        "mon_last": score(months[-1].performance),
        "mon_alert_label": first_alert.label if first_alert else "no month",
        "mon_alert_number": str(first_alert.index + 1) if first_alert else "none",
        "mon_drifted": simulation.drifted_feature,
        "mon_never": score(policies["never"].mean_performance),
        "mon_monthly": score(policies["monthly"].mean_performance),
        "mon_on_alert": score(policies["on_alert"].mean_performance),
        "mon_monthly_retrains": str(policies["monthly"].retrains),
        "mon_on_alert_retrains": str(policies["on_alert"].retrains),
        "mon_rollbacks": str(len(policies["monthly"].rollbacks)),
        "mon_corrupt_label": months[corrupt].label,
        "mon_gate_label": months[gate.month].label,
        "mon_gate_outcome": "passed the gate" if gate.accepted else "was rejected and rolled back",
        "mon_gate_version": f"v{gate.version}",
        "mon_flips": f"{by_seed.flipped:,}",
        "mon_flips_n": f"{by_seed.n:,}",
        "mon_flips_share": percent(by_seed.share, 1),
    }


NUMBERS: dict[str, Callable[[int], dict[str, str]]] = {
    "frame": frame_numbers,
    "split": split_numbers,
    "leakage": leakage_numbers,
    "train": train_numbers,
    "metrics": metrics_numbers,
    "experiments": experiments_numbers,
    "monitor": monitor_numbers,
}


# ---------------------------------------------------------------------------------------------
# Templates and plans
# ---------------------------------------------------------------------------------------------


def _check_lesson(lesson: str) -> None:
    if lesson not in TITLES:
        raise DataError(f"There is no lesson plan for {lesson!r}; pick one of {LESSON_KEYS}.")


def template(lesson: str) -> str:
    """The plan's Markdown with its ``{placeholders}`` still in."""
    _check_lesson(lesson)
    return content.read(f"plans/{lesson}")


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in a template."""
    return set(_PLACEHOLDER.findall(text))


def fill(text: str, numbers: dict[str, str]) -> str:
    """Put the computed numbers into a template.

    Raises
    ------
    DataError
        If the template names a number nobody computed.
    """
    missing = placeholders(text) - set(numbers)
    if missing:
        raise DataError(f"The plan needs numbers nobody computed: {', '.join(sorted(missing))}.")
    return _PLACEHOLDER.sub(lambda match: numbers[match.group(1)], text)


@dataclass(frozen=True)
class LessonPlan:
    """One lesson's plan with its numbers filled in.

    Attributes
    ----------
    lesson : str
        A key of ``LESSON_KEYS``.
    title : str
    markdown : str
        The plan, ready to show or download.
    numbers : tuple of (str, str)
        The computed numbers by placeholder name, sorted.
    seconds : float
        How long computing the numbers took.
    """

    lesson: str
    title: str
    markdown: str
    numbers: tuple[tuple[str, str], ...]
    seconds: float


def build(lesson: str, random_state: int = SEED) -> LessonPlan:
    """Compute one lesson's numbers and fill its plan."""
    text = template(lesson)
    started = time.perf_counter()
    # One thread: boosting on a busy shared machine slows down by an order of magnitude when
    # its OpenMP threads fight for the cores.
    with threadpool_limits(limits=1):
        numbers = NUMBERS[lesson](random_state)
    seconds = time.perf_counter() - started
    return LessonPlan(
        lesson, TITLES[lesson], fill(text, numbers), tuple(sorted(numbers.items())), seconds
    )


def segment_minutes(markdown: str) -> list[int]:
    """The minutes of each ``### Segment (N min)`` of the run of show."""
    return [int(m) for m in _SEGMENT.findall(markdown)]


def body(markdown: str) -> str:
    """The plan without its ``# `` title line, for a place that already shows the title."""
    first, _, rest = markdown.partition("\n")
    return rest.lstrip("\n") if first.startswith("# ") else markdown


def demote_headings(markdown: str, levels: int = 2) -> str:
    """Make every heading smaller by ``levels``, for a plan shown inside a page."""
    return re.sub(
        r"^(#{1,6}) ",
        lambda m: "#" * min(len(m.group(1)) + levels, 6) + " ",
        markdown,
        flags=re.MULTILINE,
    )


def absolute_links(markdown: str, base_url: str) -> str:
    """Prefix the app links of a plan (``](/leakage?…)``) with where the app is served."""
    if not base_url:
        return markdown
    return markdown.replace("](/", f"]({base_url.rstrip('/')}/")


@dataclass(frozen=True)
class DeepLink:
    """A link from a plan into the app: the page's URL path and its query parameters."""

    url: str
    path: str
    params: tuple[tuple[str, str], ...]


def deep_links(markdown: str) -> list[DeepLink]:
    """Every link in a plan that points into the app (a path starting with ``/``)."""
    found = []
    for _, url in _LINK.findall(markdown):
        if not url.startswith("/"):
            continue
        parts = urlsplit(url)
        found.append(
            DeepLink(
                url, parts.path.strip("/"), tuple(parse_qsl(parts.query, keep_blank_values=True))
            )
        )
    return found


# ---------------------------------------------------------------------------------------------
# Markdown to HTML, for the limited syntax the plans use
# ---------------------------------------------------------------------------------------------

_INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)")


def _href(url: str, base_url: str) -> str | None:
    """A link target that is safe to put in HTML: an app path or an http(s) address."""
    if url.startswith("/"):
        return base_url.rstrip("/") + url
    if urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def inline_html(text: str, base_url: str = "") -> str:
    """Code spans, bold and links; everything else escaped."""
    out, position = [], 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[position : match.start()]))
        code, bold, label, url = match.groups()
        if code is not None:
            out.append(f"<code>{html.escape(code)}</code>")
        elif bold is not None:
            out.append(f"<strong>{inline_html(bold, base_url)}</strong>")
        else:
            target = _href(url, base_url)
            if target is None:
                out.append(inline_html(label, base_url))
            elif label == url:
                # The address is the label: show it in full, and print it only once.
                escaped = html.escape(target, quote=True)
                out.append(f'<a class="address" href="{escaped}">{html.escape(target)}</a>')
            else:
                escaped = html.escape(target, quote=True)
                out.append(f'<a href="{escaped}">{inline_html(label, base_url)}</a>')
        position = match.end()
    out.append(html.escape(text[position:]))
    return "".join(out)


_LIST_ITEM = re.compile(r"(- |\d+\. )")


def _blocks(lines: Iterable[str]) -> Iterable[tuple[str, list[str]]]:
    """Group lines into (kind, items) blocks: heading, bullets, numbers or paragraph.

    A line that is not a list item, right after one, continues that item.
    """
    kind, items = "", []
    for line in lines:
        stripped = line.strip()
        item = _LIST_ITEM.match(stripped)
        if item:
            new_kind = "bullets" if stripped.startswith("- ") else "numbers"
            if kind != new_kind and items:
                yield kind, items
                items = []
            kind = new_kind
            items.append(stripped[item.end() :])
        elif stripped and kind in ("bullets", "numbers"):
            items[-1] += " " + stripped
        elif stripped and not stripped.startswith("#"):
            if kind != "paragraph" and items:
                yield kind, items
                items = []
            kind = "paragraph"
            items.append(stripped)
        else:
            if items:
                yield kind, items
            kind, items = "", []
            if stripped:
                yield "heading", [stripped]
    if items:
        yield kind, items


def to_html(markdown: str, base_url: str = "", heading_offset: int = 0) -> str:
    """The HTML body of a plan: headings, paragraphs, lists, code spans, bold and links."""
    out = []
    for kind, lines in _blocks(markdown.splitlines()):
        if kind == "heading":
            hashes, _, title = lines[0].partition(" ")
            level = min(len(hashes) + heading_offset, 6)
            out.append(f"<h{level}>{inline_html(title.strip(), base_url)}</h{level}>")
        elif kind in ("bullets", "numbers"):
            tag = "ul" if kind == "bullets" else "ol"
            items = "".join(f"<li>{inline_html(item, base_url)}</li>" for item in lines)
            out.append(f"<{tag}>{items}</{tag}>")
        else:
            out.append(f"<p>{inline_html(' '.join(lines), base_url)}</p>")
    return "\n".join(out)


PRINT_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
p, li { margin: .25rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em;
  background: #f1f1f1; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0b5394; overflow-wrap: anywhere; }
.meta { color: #555; font-size: .9rem; }
section.plan + section.plan { margin-top: 3rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.plan { break-after: page; page-break-after: always; }
  section.plan:last-of-type { break-after: auto; page-break-after: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, p { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]:not(.address)::after { content: " <" attr(href) ">"; font-size: .85em; color: #444; }
  code { background: none; }
}
"""


def to_document(
    plans: Sequence[LessonPlan], *, base_url: str = "", title: str = "ML Spine lesson plans"
) -> str:
    """A standalone, printable HTML document: one section per plan, a page break between."""
    body = "\n".join(
        f'<section class="plan" id="{html.escape(plan.lesson, quote=True)}">\n'
        f"{to_html(plan.markdown, base_url)}\n"
        f'<p class="meta">Numbers computed by ML Spine with seed {SEED}.</p>\n'
        "</section>"
        for plan in plans
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{PRINT_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def file_name(lesson: str | None, extension: str) -> str:
    """``lesson-plan-leakage.md``, or ``lesson-plans.html`` for all of them."""
    return f"lesson-plan-{lesson}.{extension}" if lesson else f"lesson-plans.{extension}"
