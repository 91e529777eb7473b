"""Lesson 6, the experiment loop: read the run log as a table, compare two runs, export it.

The runs themselves are kept by ``lessons.store``; this module is what the lesson does with them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from lessons import exports, models, scoring
from lessons.errors import DataError
from lessons.features import TablePreprocessor
from lessons.store import RunRecord, format_value, is_number
from lessons.training import compare as fit_compare
from lessons.uncertainty import Comparison

DB_ENV = "ML_SPINE_DB"
MLFLOW_ENV = "MLFLOW_TRACKING_URI"
MLFLOW_EXPERIMENT = "ml-spine"
# --------------------------------------------------------------------------------------------
# Reading the log: a table, a comparison, exports
# --------------------------------------------------------------------------------------------


NOISE_SUFFIX = "_ci95_half"
"""A metric ``m`` recorded with its noise also stores ``m + NOISE_SUFFIX``: half the width of
its 95 % bootstrap interval on the rows it was scored on. Kept inside the run's metrics, so
the store's schema and older logs are unchanged; a run without it simply has no noise."""


def is_noise(name: str) -> bool:
    """True for the noise entry of a metric, not a metric itself."""
    return name.endswith(NOISE_SUFFIX)


def noise_of(record: RunRecord, metric: str) -> float | None:
    """The recorded half-width of ``metric``'s 95 % interval in this run, if any."""
    value = record.metrics.get(metric + NOISE_SUFFIX)
    return float(value) if is_number(value) else None


# Metrics that summarise a run best come first when several were recorded.
HEADLINE_METRICS = ("roc_auc", "pr_auc", "r2", "f1", "rmse", "mae", "balanced_accuracy")


def headline_rank(metric: str) -> int:
    """Where a metric comes in ``HEADLINE_METRICS`` (by suffix); unknown ones last."""
    for rank, name in enumerate(HEADLINE_METRICS):
        if metric == name or metric.endswith(f"_{name}"):
            return rank
    return len(HEADLINE_METRICS)


def metric_names(records: Sequence[RunRecord]) -> list[str]:
    """Every metric in the runs: most common first, then headline metrics, then by name."""
    counts: dict[str, int] = {}
    for record in records:
        for name, value in record.metrics.items():
            if is_number(value) and not is_noise(name):
                counts[name] = counts.get(name, 0) + 1
    # Held-out scores before training scores: a training score flatters every model.
    return sorted(
        counts,
        key=lambda name: (-counts[name], name.startswith("train_"), headline_rank(name), name),
    )


def lower_is_better(metric: str) -> bool:
    """Errors and losses go down when a model improves; scores go up."""
    words = ("rmse", "mae", "mse", "mape", "loss", "error", "seconds")
    return any(word in metric.lower() for word in words)


def table_rows(records: Sequence[RunRecord]) -> list[dict[str, object]]:
    """One flat row per run for a table: fixed columns, then one column per metric."""
    names = metric_names(records)
    rows = []
    for number, record in enumerate(records, start=1):
        row: dict[str, object] = {
            "run": number,
            "time": record.created_at.replace("T", " ").removesuffix("+00:00"),
            "page": record.page,
            "dataset": record.dataset,
            "split": record.split,
            "model": record.model,
            "params": format_value(record.params),
            "leaks": ", ".join(sorted(k for k, on in record.leaks.items() if on)) or "none",
            "seed": record.seed,
        }
        for name in names:
            value = record.metrics.get(name)
            row[name] = float(value) if is_number(value) else None
        row["note"] = record.note
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Change:
    """One thing that differs between two runs."""

    what: str
    before: str
    after: str


@dataclass(frozen=True)
class MetricMove:
    """How one metric moved from run A to run B, and whether that is more than noise.

    Attributes
    ----------
    metric : str
    before, after : float
    lower_is_better : bool
    noise : float or None
        Half-width of the 95 % band of the move: the two runs' recorded half-widths combined
        as independent scores. That is conservative for two runs on the same rows (a paired
        comparison would be sharper), so a move beyond it is real. None when a run recorded
        no noise.
    """

    metric: str
    before: float
    after: float
    lower_is_better: bool
    noise: float | None = None

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def within_noise(self) -> bool:
        """True when the move is no larger than the noise band."""
        return self.noise is not None and abs(self.delta) <= self.noise

    @property
    def improved(self) -> bool:
        """Better in the metric's direction, and by more than the noise when it is known."""
        better = self.delta < 0 if self.lower_is_better else self.delta > 0
        return better and not self.within_noise

    @property
    def worsened(self) -> bool:
        """Worse in the metric's direction, and by more than the noise when it is known."""
        worse = self.delta > 0 if self.lower_is_better else self.delta < 0
        return worse and not self.within_noise

    def verdict(self) -> str:
        """``improved by 0.012``, ``within noise (+0.004, noise ±0.015)``, and so on."""
        if self.noise is None:
            direction = "improved" if self.improved else "got worse" if self.worsened else "held"
            size = f" by {abs(self.delta):.3g}" if self.delta else ""
            return f"{direction}{size} (no noise recorded, so it may be luck)"
        if self.within_noise:
            return f"within noise ({self.delta:+.3g}, noise ±{self.noise:.3g})"
        direction = "improved" if self.improved else "got worse"
        return f"{direction} by {abs(self.delta):.3g}, beyond the noise (±{self.noise:.3g})"


@dataclass(frozen=True)
class RunComparison:
    """What changed between two runs and by how much each shared metric moved."""

    changes: tuple[Change, ...]
    moves: tuple[MetricMove, ...]

    @property
    def changed_one_thing(self) -> bool:
        return len(self.changes) == 1


def compare(before: RunRecord, after: RunRecord) -> RunComparison:
    """Compare two runs: the data, split, model, parameters, leaks and seed, then metrics.

    Parameters are compared key by key, so ``max_depth 3 → 8`` shows as one change.
    """
    changes: list[Change] = []
    for label, a, b in (
        ("dataset", before.dataset, after.dataset),
        ("split", before.split, after.split),
        ("model", before.model, after.model),
        ("seed", before.seed, after.seed),
    ):
        if a != b:
            changes.append(Change(label, format_value(a), format_value(b)))
    for group, a_map, b_map in (
        ("parameter", before.params, after.params),
        ("leak", before.leaks, after.leaks),
    ):
        for key in sorted(set(a_map) | set(b_map)):
            a, b = a_map.get(key, "—"), b_map.get(key, "—")
            if a != b:
                changes.append(Change(f"{group} {key}", format_value(a), format_value(b)))
    moves = tuple(
        MetricMove(
            name,
            float(before.metrics[name]),
            float(after.metrics[name]),
            lower_is_better(name),
            _combined_noise(before, after, name),
        )
        for name in sorted(set(before.metrics) & set(after.metrics))
        if is_number(before.metrics[name]) and is_number(after.metrics[name]) and not is_noise(name)
    )
    return RunComparison(tuple(changes), moves)


def _combined_noise(before: RunRecord, after: RunRecord, metric: str) -> float | None:
    halves = [noise_of(record, metric) for record in (before, after)]
    if None in halves:
        return None
    return float(math.hypot(*halves))


def to_csv(records: Sequence[RunRecord]) -> str:
    """The log as CSV, one row per run, metrics as columns; safe to open in a spreadsheet
    (see :mod:`lessons.exports`)."""
    rows = table_rows(records)
    if not rows:
        return ""
    return exports.to_csv(rows, list(rows[0]))


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(records: Sequence[RunRecord], *, title: str = "ML Spine lab notebook") -> str:
    """The log as a Markdown lab notebook: a summary table, then one entry per run.

    Each entry says what changed since the previous run and how the shared metrics moved,
    which is what a lab notebook is for: change one thing, rerun, compare, learn.
    """
    lines = [f"# {title}", "", f"{len(records)} runs.", ""]
    if not records:
        return "\n".join(lines)
    rows = table_rows(records)
    header = list(rows[0])
    lines += [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    for row in rows:
        lines.append(
            "| "
            + " | ".join(
                _md_cell(f"{v:.4g}" if isinstance(v, float) else "" if v is None else v)
                for v in row.values()
            )
            + " |"
        )
    lines.append("")
    for number, record in enumerate(records, start=1):
        lines += [
            f"## Run {number}: {record.model} on {record.dataset} ({record.split} split)",
            "",
            f"- When: {record.created_at} · page `{record.page}` · seed {record.seed}",
            f"- Parameters: {format_value(record.params)}",
            f"- Leaks: {format_value({k: v for k, v in record.leaks.items() if v})}",
            f"- Metrics: {_metrics_with_noise(record)}",
        ]
        if number > 1:
            comparison = compare(records[number - 2], record)
            changed = "; ".join(f"{c.what} {c.before} → {c.after}" for c in comparison.changes)
            lines.append(f"- Changed since run {number - 1}: {changed or 'nothing'}")
            moved = "; ".join(f"{m.metric} {m.verdict()}" for m in comparison.moves)
            if moved:
                lines.append(f"- Moved: {moved}")
        lines += [f"- Note: {record.note or '(none yet)'}", ""]
    return "\n".join(lines)


def _metrics_with_noise(record: RunRecord) -> str:
    shown = []
    for name, value in record.metrics.items():
        if is_noise(name):
            continue
        half = noise_of(record, name)
        shown.append(
            f"{name}: {format_value(value)}" + (f" ± {half:.3g}" if half is not None else "")
        )
    return ", ".join(shown) or "none"


def best_so_far(values: Sequence[float | None], *, lower_is_better: bool = False) -> list[float]:
    """The running best of a score over runs (NaN until the first value)."""
    best = math.nan
    out = []
    for value in values:
        if value is not None and math.isfinite(value):
            if math.isnan(best):
                best = value
            else:
                best = min(best, value) if lower_is_better else max(best, value)
        out.append(best)
    return out


# --------------------------------------------------------------------------------------------
# Fitting a run: an honest pipeline on any dataset
# --------------------------------------------------------------------------------------------

# Model name → the one parameter a learner turns on this page, and its choices.
MODEL_PARAM: dict[str, tuple[str, tuple[object, ...]]] = {
    "baseline": ("strategy", ("prior", "mean")),
    "linear": ("C", (0.01, 0.1, 1.0, 10.0)),
    "random_forest": ("max_depth", (2, 4, 8, 16)),
}
MODEL_TITLES = {
    "baseline": "Baseline (majority class / mean)",
    "linear": "Linear (logistic / ridge)",
    "random_forest": "Random forest",
}


def run_estimator(model: str, task: str, params: dict, random_state: int):
    """The estimator behind a run: a Train-page model (``lessons.models``) or a baseline.

    ``"linear"`` is the Train page's logistic regression (classes) or ridge regression
    (numbers, with ``alpha = 1 / C``); ``"random_forest"`` is its random forest. Settings the
    learner does not turn here keep the Train page's defaults, so a run scores what Train does.
    """
    classify = task in ("binary", "multiclass")
    problem = "classification" if classify else "regression"
    if model == "baseline":
        return DummyClassifier(strategy="prior") if classify else DummyRegressor(strategy="mean")
    if model == "linear":
        strength = float(params.get("C", 1.0))
        key, setting = (
            ("logistic_regression", {"C": strength})
            if classify
            else (
                "ridge",
                {"alpha": 1.0 / strength},
            )
        )
    elif model == "random_forest":
        key = "random_forest"
        setting = {
            name: params[name]
            for name in ("n_estimators", "max_depth", "min_samples_leaf")
            if name in params
        }
    else:
        raise DataError(f"Unknown model {model!r}; pick one of {', '.join(MODEL_PARAM)}.")
    return models.make_estimator(
        key, problem, {**models.check_params(key, {}), **setting}, random_state
    )


def run_pipeline(model: str, task: str, params: dict, random_state: int) -> Pipeline:
    """The app's one preprocessing (``lessons.features``), then ``run_estimator``."""
    return Pipeline(
        [
            ("preprocess", TablePreprocessor()),
            ("model", run_estimator(model, task, params, random_state)),
        ]
    )


# What a run records for each task: the registry's metrics, computed by the registry's scorers.
RUN_METRICS = {
    "binary": ("accuracy", "balanced_accuracy", "roc_auc"),
    "multiclass": ("accuracy", "balanced_accuracy", "f1"),
    "regression": ("rmse", "mae", "r2"),
}


def score(task: str, y_true, estimator, X, positive: object = None) -> dict[str, float]:
    """Held-out metrics for a fitted pipeline, named as the log stores them."""
    values = {}
    for key in RUN_METRICS[task]:
        try:
            values[key] = float(scoring.scorer(key, task, positive)(estimator, X, y_true))
        except ValueError:
            # ROC AUC is undefined when the rows hold one class.
            continue
    return values


def _fit_run(dataset, buckets, model: str, params: dict, random_state: int):
    """The fitted run pipeline, its validation rows (labelled ones only) and their entities."""
    frame = dataset.frame
    known = frame[dataset.target].notna().to_numpy()
    train = np.asarray(buckets.train)[known[buckets.train]]
    validation = np.asarray(buckets.validation)[known[buckets.validation]]
    if len(train) < 20 or len(validation) < 5:
        raise DataError("The split leaves too few labelled rows to train and validate a model.")
    y = frame[dataset.target]
    if dataset.task in ("binary", "multiclass") and y.iloc[train].nunique() < 2:
        raise DataError("The training rows hold a single class; try another split or seed.")
    pipeline = run_pipeline(model, dataset.task, params, random_state)
    X = dataset.X
    with threadpool_limits(limits=1):
        pipeline.fit(X.iloc[train], y.iloc[train])
    return (
        pipeline,
        X.iloc[validation],
        y.iloc[validation],
        fit_compare.row_groups(dataset, validation),
    )


def quick_run(dataset, buckets, model: str, params: dict, *, random_state: int = 0) -> dict:
    """Fit one honest run on the training bucket and score it on validation, with its noise.

    Parameters
    ----------
    dataset : lessons.datasets.Dataset
    buckets : lessons.splits.Buckets
        Row positions of train, validation and test; the test bucket is not touched.
    model : str
        A key of ``MODEL_PARAM``.
    params : dict
    random_state : int

    Returns
    -------
    dict
        Metric name (``validation_<metric>``) to value, and for each one the half-width of
        its 95 % bootstrap interval on the validation rows (``... + NOISE_SUFFIX``).
    """
    pipeline, valid_X, valid_y, groups = _fit_run(dataset, buckets, model, params, random_state)
    task, positive = dataset.task, dataset.positive_class
    with threadpool_limits(limits=1):
        measured = score(task, valid_y, pipeline, valid_X, positive)
        recorded = {f"validation_{name}": round(value, 4) for name, value in measured.items()}
        for name in measured:
            answers = fit_compare.encode(pipeline, valid_X, valid_y, name, task, positive, groups)
            half = fit_compare.interval(name, task, answers, random_state=random_state)
            if math.isfinite(half.half_width):
                recorded[f"validation_{name}{NOISE_SUFFIX}"] = round(half.half_width, 4)
    return recorded


def paired_runs(
    dataset,
    buckets,
    before: tuple[str, dict],
    after: tuple[str, dict],
    metric: str,
    *,
    names: tuple[str, str] = ("the later run", "the earlier run"),
    random_state: int = 0,
) -> Comparison:
    """Refit two quick runs and compare them on the same validation rows (paired bootstrap).

    Sharper than the recorded noise of each run: both runs are scored on the very same rows,
    so the luck of which rows landed in validation cancels out of their difference. Whole
    entities are resampled when the data has an entity column.

    Parameters
    ----------
    before, after : (model, params)
        The two runs' recipes, as ``quick_run`` takes them.
    metric : str
        A run metric, with or without its ``validation_`` prefix.
    names : (str, str)
        How the comparison names ``after`` and ``before``, in that order.
    """
    key = metric.removeprefix("validation_")
    answers = []
    for model, params in (after, before):
        pipeline, valid_X, valid_y, groups = _fit_run(dataset, buckets, model, params, random_state)
        with threadpool_limits(limits=1):
            answers.append(
                fit_compare.encode(
                    pipeline, valid_X, valid_y, key, dataset.task, dataset.positive_class, groups
                )
            )
    return fit_compare.compare_encoded(
        key,
        dataset.task,
        *answers,
        names=names,
        random_state=random_state,
    )
