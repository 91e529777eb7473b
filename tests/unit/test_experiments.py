"""The run store (schema, migrations, scoping, concurrency), comparisons, exports, MLflow."""

import csv
import io
import json
import sqlite3
import threading

import numpy as np
import pytest
from sqlalchemy import select

from lessons import datasets, db, experiments, splits
from lessons import store as run_store
from lessons.errors import DataError
from lessons.store import RunRecord, RunStore
from tests.legacy_run_log import write_legacy_log


def _run(**overrides) -> RunRecord:
    fields = {
        "page": "train",
        "dataset": "churn",
        "split": "time",
        "model": "random_forest",
        "params": {"max_depth": 4},
        "metrics": {"validation_roc_auc": 0.71},
        "seed": 0,
    }
    return RunRecord(**{**fields, **overrides})


@pytest.fixture
def store(store_url):
    """A run store on each backend: an SQLite file and a PostgreSQL database."""
    return RunStore.at_url(store_url)


def test_a_new_store_is_at_the_current_schema_in_wal_mode(tmp_path):
    store = RunStore(tmp_path / "runs.sqlite")
    assert store.schema_version() == run_store.SCHEMA_VERSION == db.SCHEMA_VERSION
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        columns = {row[1] for row in connection.execute("PRAGMA table_info(runs)")}
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(runs)")}
    assert {"scope", "params", "metrics", "leaks", "note", "mlflow_run_id"} <= columns
    assert "runs_by_scope" in indexes


def test_a_v1_database_migrates_and_keeps_its_runs(tmp_path):
    path = tmp_path / "old.sqlite"
    write_legacy_log(path, version=1)  # the first release's file, written with sqlite3
    store = RunStore(path)
    assert store.schema_version() == run_store.SCHEMA_VERSION
    (run,) = store.runs("workspace:ada")
    assert (run.dataset, run.params, run.metrics, run.seed, run.note) == (
        "fraud",
        {"C": 1.0},
        {"validation_roc_auc": 0.9},
        3,
        "first",
    )
    assert store.migrate() == run_store.SCHEMA_VERSION, (
        "a second open finds the schema current and changes nothing"
    )


def test_a_database_from_a_newer_release_is_refused(tmp_path):
    path = tmp_path / "new.sqlite"
    RunStore(path)
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version VALUES (99)")
    with pytest.raises(DataError, match="newer"):
        RunStore(path)


def test_runs_round_trip_as_json_never_pickled(store):
    record = _run(params={"max_depth": np.int64(8), "class_weight": None}, leaks={"scale": True})
    run_id = store.add("session:a", record)
    (back,) = store.runs("session:a")
    assert back.run_id == run_id
    assert back.params == {"max_depth": 8, "class_weight": None}
    assert back.leaks == {"scale": True} and not back.honest
    with db.reading(store.engine) as connection:
        raw = connection.execute(select(db.runs.c.params)).scalar_one()
    assert isinstance(raw, str)
    assert json.loads(raw) == {"class_weight": None, "max_depth": 8}


def test_scopes_keep_sessions_apart(store):
    store.add("session:a", _run(note="mine"))
    store.add("session:b", _run(note="theirs"))
    assert [r.note for r in store.runs("session:a")] == ["mine"]
    assert [r.note for r in store.runs("session:b")] == ["theirs"]
    a_id = store.runs("session:a")[0].run_id
    store.set_note("session:b", a_id, "overwritten by b?")
    assert store.runs("session:a")[0].note == "mine", "a note is edited only within its scope"
    store.set_note("session:a", a_id, "edited")
    assert store.runs("session:a")[0].note == "edited"


def test_moving_a_session_into_a_workspace(store):
    for _ in range(3):
        store.add("session:a", _run())
    assert store.move("session:a", "workspace:ada") == 3
    assert store.count("session:a") == 0
    assert store.count("workspace:ada") == 3


def test_eight_threads_writing_a_hundred_runs_each_lose_nothing(store_url):
    RunStore.at_url(store_url)
    errors: list[BaseException] = []

    def write(thread: int) -> None:
        try:
            own = RunStore.at_url(store_url)
            for i in range(100):
                own.add(f"session:{thread}", _run(seed=i, note=f"{thread}-{i}"))
        except BaseException as error:  # collected: a thread's exception would vanish
            errors.append(error)

    threads = [threading.Thread(target=write, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    store = RunStore.at_url(store_url)
    assert store.count() == 800
    for thread in range(8):
        notes = [r.note for r in store.runs(f"session:{thread}")]
        assert notes == [f"{thread}-{i}" for i in range(100)]


def test_the_path_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(run_store.DB_ENV, str(tmp_path / "x" / "log.sqlite"))
    assert run_store.default_db_path() == tmp_path / "x" / "log.sqlite"
    monkeypatch.delenv(run_store.DB_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run_store.default_db_path() == tmp_path / "data" / "ml-spine" / "runs.sqlite"


def test_a_database_url_in_the_environment_moves_the_log(monkeypatch, tmp_path):
    monkeypatch.setenv(run_store.DB_ENV, str(tmp_path / "file.sqlite"))
    assert db.database_url() == db.sqlite_url(tmp_path / "file.sqlite")
    assert RunStore().path == tmp_path / "file.sqlite"
    shared = db.sqlite_url(tmp_path / "shared.sqlite")
    monkeypatch.setenv(db.DATABASE_URL_ENV, shared)
    assert db.database_url() == shared
    store = RunStore()
    assert (store.url, store.path) == (shared, tmp_path / "shared.sqlite")
    assert db.describe("postgresql+psycopg://ada:secret@db:5432/ml") == (
        "postgresql+psycopg://ada:***@db:5432/ml"
    )


@pytest.mark.parametrize("name", ["ab", "Has Space", "-lead", "x" * 41, "a/b"])
def test_bad_workspace_names_are_refused(name):
    with pytest.raises(DataError, match="workspace name"):
        run_store.workspace_scope(name)


def test_workspace_names_are_normalised_and_session_scopes_unique():
    assert run_store.workspace_scope("  Ada-Churn_1 ") == "workspace:ada-churn_1"
    assert run_store.new_session_scope() != run_store.new_session_scope()


def test_compare_lists_each_change_and_metric_move():
    before = _run(params={"max_depth": 4, "n_estimators": 60})
    after = _run(
        params={"max_depth": 8, "n_estimators": 60},
        metrics={"validation_roc_auc": 0.75, "validation_rmse": 1.0},
    )
    comparison = experiments.compare(before, after)
    assert comparison.changed_one_thing
    assert comparison.changes[0] == experiments.Change("parameter max_depth", "4", "8")
    (move,) = comparison.moves
    assert move.metric == "validation_roc_auc"
    assert move.delta == pytest.approx(0.04) and move.improved


def test_compare_knows_errors_go_down():
    moved = experiments.compare(
        _run(metrics={"validation_rmse": 10.0}), _run(metrics={"validation_rmse": 8.0})
    ).moves[0]
    assert moved.lower_is_better and moved.improved


def _noisy(value: float, half: float) -> dict[str, float]:
    return {"validation_roc_auc": value, "validation_roc_auc" + experiments.NOISE_SUFFIX: half}


def test_a_move_inside_the_recorded_noise_is_within_noise():
    move = experiments.compare(_run(metrics=_noisy(0.80, 0.02)), _run(metrics=_noisy(0.81, 0.02)))
    (move,) = move.moves
    assert move.noise == pytest.approx(np.hypot(0.02, 0.02))
    assert move.within_noise and not move.improved and not move.worsened
    assert move.verdict().startswith("within noise")


def test_a_move_beyond_the_recorded_noise_counts():
    (up,) = experiments.compare(
        _run(metrics=_noisy(0.70, 0.01)), _run(metrics=_noisy(0.80, 0.01))
    ).moves
    (down,) = experiments.compare(
        _run(metrics=_noisy(0.80, 0.01)), _run(metrics=_noisy(0.70, 0.01))
    ).moves
    assert up.improved and not up.within_noise and "beyond the noise" in up.verdict()
    assert down.worsened and not down.improved


def test_noise_entries_are_not_metrics():
    records = [_run(metrics=_noisy(0.8, 0.02))]
    assert experiments.metric_names(records) == ["validation_roc_auc"]
    assert experiments.NOISE_SUFFIX not in ",".join(experiments.table_rows(records)[0])
    assert "validation_roc_auc: 0.8 ± 0.02" in experiments.to_markdown(records)


def test_paired_runs_find_no_difference_between_a_recipe_and_itself():
    dataset = datasets.load("breast_cancer")
    buckets = splits.make_buckets(dataset, random_state=0)
    recipe = ("linear", {"C": 1.0})
    same = experiments.paired_runs(dataset, buckets, recipe, recipe, "validation_roc_auc")
    assert same.difference == 0 and same.better is None


@pytest.mark.parametrize("seed", range(10))
def test_paired_runs_see_a_model_beat_the_baseline_across_seeds(seed):
    dataset = datasets.load("breast_cancer", seed)
    buckets = splits.make_buckets(dataset, random_state=seed)
    versus = experiments.paired_runs(
        dataset,
        buckets,
        ("baseline", {"strategy": "prior"}),
        ("linear", {"C": 1.0}),
        "validation_roc_auc",
        random_state=seed,
    )
    assert versus.better == "the later run"


def test_exports_carry_every_run_and_what_changed():
    records = [
        _run(note="baseline | first"),
        _run(model="linear", metrics={"validation_roc_auc": 0.8}),
    ]
    markdown = experiments.to_markdown(records)
    assert "## Run 2: linear on churn" in markdown
    assert "model random_forest → linear" in markdown
    assert "validation_roc_auc improved by 0.09 (no noise recorded" in markdown
    assert "baseline \\| first" in markdown, "a pipe in a note must not break the table"
    rows = list(csv.DictReader(io.StringIO(experiments.to_csv(records))))
    assert [r["model"] for r in rows] == ["random_forest", "linear"]
    assert rows[1]["validation_roc_auc"] == "0.8"


def test_best_so_far_respects_the_direction():
    assert experiments.best_so_far([0.5, None, 0.7, 0.6]) == [0.5, 0.5, 0.7, 0.7]
    assert experiments.best_so_far([3.0, 2.0, 4.0], lower_is_better=True) == [3.0, 2.0, 2.0]


@pytest.mark.parametrize("model", list(experiments.MODEL_PARAM))
def test_quick_run_scores_every_model_on_validation(model):
    dataset = datasets.load("breast_cancer")
    buckets = splits.make_buckets(dataset, random_state=0)
    metrics = experiments.quick_run(dataset, buckets, model, {}, random_state=0)
    scores = {"validation_accuracy", "validation_balanced_accuracy", "validation_roc_auc"}
    assert set(metrics) == scores | {name + experiments.NOISE_SUFFIX for name in scores}
    assert all(metrics[name + experiments.NOISE_SUFFIX] >= 0 for name in scores)
    if model == "baseline":
        assert metrics["validation_roc_auc"] == 0.5
    else:
        assert metrics["validation_roc_auc"] > 0.95
        assert metrics["validation_accuracy" + experiments.NOISE_SUFFIX] > 0


def test_quick_run_handles_text_booleans_missing_values_and_dates():
    dataset = datasets.load("house_prices")
    metrics = experiments.quick_run(
        dataset, splits.make_buckets(dataset), "linear", {"C": 1.0}, random_state=0
    )
    assert metrics["validation_r2"] > 0.4
    churn = datasets.load("churn")
    assert "validation_roc_auc" in experiments.quick_run(
        churn, splits.make_buckets(churn), "linear", {"C": 0.1}
    )


def test_mlflow_is_off_without_a_tracking_uri(monkeypatch):
    monkeypatch.delenv(run_store.MLFLOW_ENV, raising=False)
    assert run_store.mlflow_status()[0] is False


def test_a_run_is_logged_to_a_local_mlflow_store(monkeypatch, tmp_path):
    mlflow = pytest.importorskip("mlflow", reason="mlflow-skinny is in requirements-dev.txt")
    # mlflow-skinny has no SQL backend; its local file store needs this opt-in.
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    uri = (tmp_path / "mlruns").as_uri()
    monkeypatch.setenv(run_store.MLFLOW_ENV, uri)
    assert run_store.mlflow_status()[0] is True
    record = _run(leaks={"scale_before_split": True}, note="deeper trees")
    run_id = run_store.log_to_mlflow(record)
    logged = mlflow.tracking.MlflowClient(uri).get_run(run_id)
    assert logged.data.params["max_depth"] == "4"
    assert logged.data.params["leak.scale_before_split"] == "True"
    assert logged.data.metrics == {"validation_roc_auc": 0.71}
    assert logged.data.tags["ml_spine.dataset"] == "churn"
    assert logged.data.tags["ml_spine.honest"] == "false"
    assert logged.info.status == "FINISHED"


def test_held_out_headline_metrics_come_first():
    records = [
        _run(metrics={"train_roc_auc": 0.99, "validation_roc_auc": 0.8, "fit_seconds": 0.2}),
        _run(metrics={"validation_accuracy": 0.9, "validation_roc_auc": 0.7}),
    ]
    assert experiments.metric_names(records)[:2] == ["validation_roc_auc", "fit_seconds"]
    assert experiments.lower_is_better("fit_seconds")
