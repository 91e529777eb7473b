"""The experiment log: one record per training run anywhere in the app, kept in SQLite.

A run table like the ones a scheduler keeps for its jobs: each row says when a run happened,
on which data, with which split, model and parameters, what it scored, and what the learner
made of it. The store is one SQLite file (path from ``ML_SPINE_DB``, else a per-user default),
in WAL mode so many sessions can write at once, one short transaction per run. Parameters and
metrics are stored as JSON text; nothing is ever pickled.

Runs are scoped: each browser session writes under a random scope of its own, so no learner
sees another's runs, and a learner can name a workspace to come back to later.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import math
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lessons.errors import DataError

DB_ENV = "ML_SPINE_DB"
MLFLOW_ENV = "MLFLOW_TRACKING_URI"
MLFLOW_EXPERIMENT = "ml-spine"


@dataclass(frozen=True)
class RunRecord:
    """One training run, in the shape the experiment log stores.

    Attributes
    ----------
    page : str
        Where the run happened, e.g. ``"train"``.
    dataset : str
        The dataset's name.
    split : str
        The split strategy, e.g. ``"time"``.
    model : str
        The model's name, e.g. ``"random_forest"``.
    params : dict
        Hyperparameters that were set.
    metrics : dict
        Metric name to value, e.g. ``{"validation_roc_auc": 0.81}``.
    leaks : dict
        Leak switches that were on (empty for an honest run).
    seed : int
    note : str
        The learner's note, editable later.
    created_at : str
        ISO time in UTC.
    run_id : int or None
        The store's id, set when the run is read back from the log.
    """

    page: str
    dataset: str
    split: str
    model: str
    params: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    leaks: dict = field(default_factory=dict)
    seed: int = 0
    note: str = ""
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    run_id: int | None = None

    @property
    def honest(self) -> bool:
        """True when no leak switch was on."""
        return not any(self.leaks.values())


# --------------------------------------------------------------------------------------------
# Scopes: who may see a run
# --------------------------------------------------------------------------------------------

_WORKSPACE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{2,39}$")


def new_session_scope() -> str:
    """A fresh random scope for one browser session; nobody else can guess it."""
    return f"session:{secrets.token_hex(12)}"


def workspace_scope(name: str) -> str:
    """The scope of a named workspace, after checking the name.

    Raises
    ------
    DataError
        If the name is not 3 to 40 lowercase letters, digits, ``-`` or ``_``.
    """
    cleaned = name.strip().lower()
    if not _WORKSPACE_NAME.match(cleaned):
        raise DataError(
            "A workspace name is 3 to 40 characters: lowercase letters, digits, '-' or '_', "
            "starting with a letter or digit (for example 'ada-churn-week1')."
        )
    return f"workspace:{cleaned}"


def scope_label(scope: str) -> str:
    """How a scope reads on the page."""
    kind, _, name = scope.partition(":")
    return f"workspace '{name}'" if kind == "workspace" else "this browser session (private)"


# --------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------

# Each migration takes the schema from version i to i + 1; released ones are never edited.
MIGRATIONS: tuple[str, ...] = (
    # v1, the first release: one row per run, parameters and metrics as JSON text.
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        scope TEXT NOT NULL,
        created_at TEXT NOT NULL,
        page TEXT NOT NULL,
        dataset TEXT NOT NULL,
        split TEXT NOT NULL,
        model TEXT NOT NULL,
        params TEXT NOT NULL,
        metrics TEXT NOT NULL,
        leaks TEXT NOT NULL,
        seed INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );
    """,
    # v2: list a scope's runs without scanning everyone's, and remember the MLflow run.
    """
    CREATE INDEX runs_by_scope ON runs (scope, id);
    ALTER TABLE runs ADD COLUMN mlflow_run_id TEXT;
    """,
    # v3: a learner's course progress, one JSON document per scope, so a workspace keeps it.
    """
    CREATE TABLE progress (
        scope TEXT PRIMARY KEY,
        updated_at TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> Path:
    """Where the log lives: ``$ML_SPINE_DB``, else ``$XDG_DATA_HOME/ml-spine/runs.sqlite``
    (``~/.local/share/ml-spine/runs.sqlite`` when XDG_DATA_HOME is unset)."""
    if configured := os.environ.get(DB_ENV):
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "ml-spine" / "runs.sqlite"


def _to_json(value: dict) -> str:
    return json.dumps(value, sort_keys=True, default=_jsonable)


def _jsonable(value: object) -> object:
    # numpy scalars and arrays, tuples of pairs and other odd values a page may pass.
    if hasattr(value, "item") and callable(value.item):
        try:
            return value.item()
        except (ValueError, TypeError):
            pass
    if hasattr(value, "tolist"):
        return value.tolist()
    return str(value)


class RunStore:
    """An SQLite run log at ``path``: created and migrated on first use, safe across threads.

    Each thread gets its own connection (SQLite connections are not shared across threads),
    so one store may be shared by all sessions and threads of a server. Writes are one ``BEGIN IMMEDIATE`` transaction each;
    WAL mode lets readers carry on while one writer commits.

    Parameters
    ----------
    path : str or Path, optional
        The database file; ``default_db_path()`` when omitted. Its folder is created.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self.migrate()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One connection per thread, reused: opening one costs more than a short write.
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA busy_timeout = 30000")
            connection.execute("PRAGMA synchronous = NORMAL")
            self._local.connection = connection
        yield connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def migrate(self) -> int:
        """Bring the schema up to ``SCHEMA_VERSION``; returns the version found before."""
        with self._connect() as connection:
            connection.execute("PRAGMA journal_mode = WAL")
        with self._transaction() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"
            )
            row = connection.execute("SELECT max(version) FROM schema_version").fetchone()
            found = row[0] or 0
            if found > SCHEMA_VERSION:
                raise DataError(
                    f"The run log at {self.path} was written by a newer ML Spine (schema "
                    f"v{found}, this one knows v{SCHEMA_VERSION}); upgrade, or point "
                    f"{DB_ENV} at another file."
                )
            for version in range(found, SCHEMA_VERSION):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute("INSERT INTO schema_version VALUES (?)", (version + 1,))
        return found

    def schema_version(self) -> int:
        with self._connect() as connection:
            return connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    def add(self, scope: str, record: RunRecord) -> int:
        """Append a run under ``scope``; returns its id."""
        with self._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO runs (scope, created_at, page, dataset, split, model, params, "
                "metrics, leaks, seed, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    scope,
                    record.created_at,
                    record.page,
                    record.dataset,
                    record.split,
                    record.model,
                    _to_json(record.params),
                    _to_json(record.metrics),
                    _to_json(record.leaks),
                    int(record.seed),
                    record.note,
                ),
            )
            return int(cursor.lastrowid)

    def runs(self, scope: str) -> list[RunRecord]:
        """The runs of one scope, oldest first."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT id, created_at, page, dataset, split, model, params, metrics, leaks, "
                "seed, note FROM runs WHERE scope = ? ORDER BY id",
                (scope,),
            ).fetchall()
        return [
            RunRecord(
                run_id=row[0],
                created_at=row[1],
                page=row[2],
                dataset=row[3],
                split=row[4],
                model=row[5],
                params=json.loads(row[6]),
                metrics=json.loads(row[7]),
                leaks=json.loads(row[8]),
                seed=row[9],
                note=row[10],
            )
            for row in rows
        ]

    def count(self, scope: str | None = None) -> int:
        """How many runs one scope (or the whole store) holds."""
        with self._connect() as connection:
            if scope is None:
                return connection.execute("SELECT count(*) FROM runs").fetchone()[0]
            return connection.execute(
                "SELECT count(*) FROM runs WHERE scope = ?", (scope,)
            ).fetchone()[0]

    def set_note(self, scope: str, run_id: int, note: str) -> None:
        """Replace a run's note; only within its own scope."""
        with self._transaction() as connection:
            connection.execute(
                "UPDATE runs SET note = ? WHERE id = ? AND scope = ?", (note, run_id, scope)
            )

    def set_mlflow_run_id(self, run_id: int, mlflow_run_id: str) -> None:
        with self._transaction() as connection:
            connection.execute(
                "UPDATE runs SET mlflow_run_id = ? WHERE id = ?", (mlflow_run_id, run_id)
            )

    def mlflow_run_id(self, run_id: int) -> str | None:
        with self._connect() as connection:
            row = connection.execute(
                "SELECT mlflow_run_id FROM runs WHERE id = ?", (run_id,)
            ).fetchone()
        return row[0] if row else None

    def save_progress(self, scope: str, payload: dict) -> None:
        """Keep one scope's course progress (a JSON-able dict), replacing the previous copy."""
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO progress (scope, updated_at, payload) VALUES (?, ?, ?) "
                "ON CONFLICT (scope) DO UPDATE SET updated_at = excluded.updated_at, "
                "payload = excluded.payload",
                (scope, datetime.now(UTC).isoformat(timespec="seconds"), _to_json(payload)),
            )

    def load_progress(self, scope: str) -> dict | None:
        """One scope's saved course progress, or None when it has none."""
        with self._connect() as connection:
            row = connection.execute(
                "SELECT payload FROM progress WHERE scope = ?", (scope,)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def move(self, source_scope: str, target_scope: str) -> int:
        """Move every run of one scope to another (a session's runs into a workspace)."""
        with self._transaction() as connection:
            cursor = connection.execute(
                "UPDATE runs SET scope = ? WHERE scope = ?", (target_scope, source_scope)
            )
            return cursor.rowcount


# --------------------------------------------------------------------------------------------
# Reading the log: a table, a comparison, exports
# --------------------------------------------------------------------------------------------


# Metrics that summarise a run best come first when several were recorded.
HEADLINE_METRICS = ("roc_auc", "pr_auc", "r2", "macro_f1", "rmse", "mae", "balanced_accuracy")


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
            if _is_number(value):
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


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _format(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_format(v)}" for k, v in sorted(value.items())) or "none"
    return str(value)


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
            "params": _format(record.params),
            "leaks": ", ".join(sorted(k for k, on in record.leaks.items() if on)) or "none",
            "seed": record.seed,
        }
        for name in names:
            value = record.metrics.get(name)
            row[name] = float(value) if _is_number(value) else None
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
    """How one metric moved from run A to run B."""

    metric: str
    before: float
    after: float
    lower_is_better: bool

    @property
    def delta(self) -> float:
        return self.after - self.before

    @property
    def improved(self) -> bool:
        return self.delta < 0 if self.lower_is_better else self.delta > 0


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
            changes.append(Change(label, _format(a), _format(b)))
    for group, a_map, b_map in (
        ("parameter", before.params, after.params),
        ("leak", before.leaks, after.leaks),
    ):
        for key in sorted(set(a_map) | set(b_map)):
            a, b = a_map.get(key, "—"), b_map.get(key, "—")
            if a != b:
                changes.append(Change(f"{group} {key}", _format(a), _format(b)))
    moves = tuple(
        MetricMove(
            name, float(before.metrics[name]), float(after.metrics[name]), lower_is_better(name)
        )
        for name in sorted(set(before.metrics) & set(after.metrics))
        if _is_number(before.metrics[name]) and _is_number(after.metrics[name])
    )
    return RunComparison(tuple(changes), moves)


def to_csv(records: Sequence[RunRecord]) -> str:
    """The log as CSV, one row per run, metrics as columns."""
    rows = table_rows(records)
    if not rows:
        return ""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


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
            f"- Parameters: {_format(record.params)}",
            f"- Leaks: {_format({k: v for k, v in record.leaks.items() if v})}",
            f"- Metrics: {_format(record.metrics)}",
        ]
        if number > 1:
            comparison = compare(records[number - 2], record)
            changed = "; ".join(f"{c.what} {c.before} → {c.after}" for c in comparison.changes)
            lines.append(f"- Changed since run {number - 1}: {changed or 'nothing'}")
            moved = "; ".join(f"{m.metric} {m.delta:+.4g}" for m in comparison.moves)
            if moved:
                lines.append(f"- Moved: {moved}")
        lines += [f"- Note: {record.note or '(none yet)'}", ""]
    return "\n".join(lines)


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
# Optional MLflow
# --------------------------------------------------------------------------------------------


def mlflow_status() -> tuple[bool, str]:
    """Whether runs are also sent to MLflow, and why (not)."""
    uri = os.environ.get(MLFLOW_ENV)
    if not uri:
        return False, f"{MLFLOW_ENV} is not set, so runs stay in the SQLite log only."
    if importlib.util.find_spec("mlflow") is None:
        return (
            False,
            f"{MLFLOW_ENV} is set but MLflow is not installed (pip install mlflow-skinny).",
        )
    return True, f"Each run is also logged to MLflow at {uri}."


def _mlflow_key(name: str) -> str:
    # MLflow keys allow letters, digits, _ - . space / only.
    return re.sub(r"[^0-9A-Za-z_\-. /]", "_", str(name))[:250]


def log_to_mlflow(
    record: RunRecord, *, tracking_uri: str | None = None, experiment: str = MLFLOW_EXPERIMENT
) -> str:
    """Log one run to MLflow (parameters, numeric metrics, tags); returns MLflow's run id.

    MLflow is imported here, not at module import, so the app only pays for it when a
    tracking URI is configured.
    """
    from mlflow.tracking import MlflowClient

    client = MlflowClient(tracking_uri=tracking_uri or os.environ.get(MLFLOW_ENV))
    found = client.get_experiment_by_name(experiment)
    experiment_id = found.experiment_id if found else client.create_experiment(experiment)
    tags = {
        "ml_spine.page": record.page,
        "ml_spine.dataset": record.dataset,
        "ml_spine.split": record.split,
        "ml_spine.model": record.model,
        "ml_spine.honest": str(record.honest).lower(),
        "mlflow.note.content": record.note,
    }
    run = client.create_run(
        experiment_id, tags=tags, run_name=f"{record.model} on {record.dataset}"
    )
    run_id = run.info.run_id
    for key, value in {**record.params, "seed": record.seed}.items():
        client.log_param(run_id, _mlflow_key(key), _format(value)[:6000])
    for key, value in record.leaks.items():
        client.log_param(run_id, _mlflow_key(f"leak.{key}"), str(value))
    for key, value in record.metrics.items():
        if _is_number(value):
            client.log_metric(run_id, _mlflow_key(key), float(value))
    client.set_terminated(run_id)
    return run_id


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


def make_estimator(model: str, task: str, params: dict, random_state: int):
    """A scikit-learn estimator for a model name, a task and the learner's parameters."""
    from sklearn.dummy import DummyClassifier, DummyRegressor
    from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
    from sklearn.linear_model import LogisticRegression, Ridge

    classify = task in ("binary", "multiclass")
    if model == "baseline":
        return DummyClassifier(strategy="prior") if classify else DummyRegressor(strategy="mean")
    if model == "linear":
        strength = float(params.get("C", 1.0))
        if classify:
            return LogisticRegression(C=strength, max_iter=1000)
        return Ridge(alpha=1.0 / strength)
    if model == "random_forest":
        forest = RandomForestClassifier if classify else RandomForestRegressor
        return forest(
            n_estimators=int(params.get("n_estimators", 60)),
            max_depth=params.get("max_depth", 8),
            min_samples_leaf=int(params.get("min_samples_leaf", 3)),
            random_state=random_state,
            n_jobs=1,
        )
    raise DataError(f"Unknown model {model!r}; pick one of {', '.join(MODEL_PARAM)}.")


def usable_features(frame, feature_columns: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split feature columns into numeric and categorical ones a pipeline can take.

    Dates and times are left out (a model needs features derived from them, not raw
    timestamps); booleans and text are categorical; columns that are entirely empty go.
    """
    import pandas as pd

    numeric, categorical = [], []
    for column in feature_columns:
        series = frame[column]
        if series.isna().all() or pd.api.types.is_datetime64_any_dtype(series):
            continue
        if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
            categorical.append(column)
        else:
            numeric.append(column)
    return numeric, categorical


def make_pipeline(
    numeric: Sequence[str], categorical: Sequence[str], estimator
):  # -> sklearn.pipeline.Pipeline
    """Impute, scale and one-hot encode, then the estimator: every step fit on training rows."""
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

    to_text = FunctionTransformer(_as_text, feature_names_out="one-to-one")
    preprocess = ColumnTransformer(
        [
            (
                "numeric",
                Pipeline(
                    [("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]
                ),
                list(numeric),
            ),
            (
                "categorical",
                Pipeline(
                    [
                        ("text", to_text),
                        ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
                        (
                            "encode",
                            OneHotEncoder(
                                handle_unknown="infrequent_if_exist",
                                max_categories=20,
                                sparse_output=False,
                            ),
                        ),
                    ]
                ),
                list(categorical),
            ),
        ],
        remainder="drop",
        verbose_feature_names_out=False,
    )
    return Pipeline([("features", preprocess), ("model", estimator)])


def _as_text(frame):
    # Booleans, numbers stored as text and pandas' string dtype all become plain objects.
    return frame.astype("object").where(frame.notna(), None)


def score(task: str, y_true, estimator, X) -> dict[str, float]:
    """Held-out metrics for a fitted pipeline, named as the log stores them."""
    import numpy as np
    from sklearn import metrics

    if task == "regression":
        predicted = estimator.predict(X)
        return {
            "rmse": float(np.sqrt(metrics.mean_squared_error(y_true, predicted))),
            "mae": float(metrics.mean_absolute_error(y_true, predicted)),
            "r2": float(metrics.r2_score(y_true, predicted)),
        }
    predicted = estimator.predict(X)
    scores = {
        "accuracy": float(metrics.accuracy_score(y_true, predicted)),
        "balanced_accuracy": float(metrics.balanced_accuracy_score(y_true, predicted)),
    }
    if task == "binary" and len(np.unique(y_true)) == 2:
        positive = estimator.classes_[1]
        proba = estimator.predict_proba(X)[:, 1]
        scores["roc_auc"] = float(metrics.roc_auc_score(np.asarray(y_true) == positive, proba))
    else:
        scores["macro_f1"] = float(metrics.f1_score(y_true, predicted, average="macro"))
    return scores


def clean_target(dataset):
    """Rows with a known target, and the task checked against them.

    Raises
    ------
    DataError
        If too few rows have a target, or a classification target has one class only.
    """
    frame = dataset.frame[dataset.frame[dataset.target].notna()]
    if len(frame) < 30:
        raise DataError(
            f"Only {len(frame)} rows have a value in the target column; a model needs at least 30."
        )
    if dataset.task in ("binary", "multiclass") and frame[dataset.target].nunique() < 2:
        raise DataError("The target has a single value in every row; there is nothing to predict.")
    return frame


def quick_run(dataset, buckets, model: str, params: dict, *, random_state: int = 0) -> dict:
    """Fit one honest run on the training bucket and score it on validation.

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
        Metric name (``validation_<metric>``) to value.
    """
    import numpy as np

    frame = dataset.frame
    known = frame[dataset.target].notna().to_numpy()
    train = np.asarray(buckets.train)[known[buckets.train]]
    validation = np.asarray(buckets.validation)[known[buckets.validation]]
    if len(train) < 20 or len(validation) < 5:
        raise DataError("The split leaves too few labelled rows to train and validate a model.")
    numeric, categorical = usable_features(frame, dataset.feature_columns)
    if not numeric and not categorical:
        raise DataError("No column can be used as a feature (only dates or empty columns).")
    y = frame[dataset.target]
    if dataset.task in ("binary", "multiclass") and y.iloc[train].nunique() < 2:
        raise DataError("The training rows hold a single class; try another split or seed.")
    pipeline = make_pipeline(
        numeric, categorical, make_estimator(model, dataset.task, params, random_state)
    )
    pipeline.fit(frame.iloc[train], y.iloc[train])
    measured = score(dataset.task, y.iloc[validation], pipeline, frame.iloc[validation])
    return {f"validation_{name}": round(value, 4) for name, value in measured.items()}
