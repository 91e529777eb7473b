"""The experiment log page in AppTest: runs from this page and from /train, compare, notes,
filters, exports, session scoping and a named workspace that survives a restart."""

import pytest

from components import navigation
from lessons import datasets, store
from tests.app.conftest import open_app

PAGE = "pages/experiments.py"


@pytest.fixture(autouse=True)
def run_log(monkeypatch, tmp_path):
    path = tmp_path / "runs.sqlite"
    monkeypatch.setenv(store.DB_ENV, str(path))
    monkeypatch.delenv(store.MLFLOW_ENV, raising=False)
    return path


def _train(at, model="baseline", param=None):
    at.selectbox(key="experiments_model").set_value(model).run()
    if param is not None:
        at.select_slider(key="experiments_param").set_value(param).run()
    at.button(key="experiments_run").click().run()
    assert not at.exception, at.exception
    return at


def _runs_shown(at) -> int:
    return len(at.dataframe[0].value) if at.dataframe else 0


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_a_run_on_every_builtin_dataset_lands_in_the_log(name):
    at = open_app(PAGE, dataset=name)
    assert not at.exception
    assert any("No runs yet" in info.value for info in at.info)
    _train(at)
    assert _runs_shown(at) == 1
    row = at.dataframe[0].value.iloc[0]
    assert (row["dataset"], row["model"], row["page"]) == (name, "baseline", "experiments")
    assert any("Run logged" in s.value for s in at.success)
    assert len(at.get("plotly_chart")) == 1


def test_two_runs_compare_one_change_and_chart_the_score(run_log):
    at = open_app(PAGE, dataset="breast_cancer")
    _train(at, "random_forest", 2)
    _train(at, "random_forest", 8)
    assert _runs_shown(at) == 2
    assert not at.warning
    assert (
        at.selectbox(key="experiments_run_a").value,
        at.selectbox(key="experiments_run_b").value,
    ) == (1, 2)
    changes = at.dataframe[1].value
    assert changes["what changed"].tolist() == ["parameter max_depth"]
    metrics = {m.label: m for m in at.metric}
    assert "validation_roc_auc" in metrics
    takeaways = [m.value for m in at.markdown if m.value.startswith("**Takeaway:**")]
    assert any("one thing changed" in t for t in takeaways)
    assert any("best `validation_roc_auc`" in t for t in takeaways)
    # Both quick runs share the data, seed and split, so they are compared row by row.
    paired = [c.value for c in at.caption if c.value.startswith("Paired on the same validation")]
    assert len(paired) == 1
    assert "No real difference" in paired[0] or "is better than" in paired[0]
    assert "paired:" in next(t for t in takeaways if "one thing changed" in t)
    assert len(store.RunStore(run_log).runs(at.session_state["experiments_scope"])) == 2
    assert len(at.get("download_button")) == 2


def test_filters_and_notes(run_log):
    at = open_app(PAGE, dataset="wine")
    _train(at, "baseline")
    _train(at, "linear", 1.0)
    at.multiselect(key="experiments_filter_model").set_value(["linear"]).run()
    assert _runs_shown(at) == 1
    assert any("1 of 2 runs shown" in c.value for c in at.caption)
    at.selectbox(key="experiments_note_run").set_value(1).run()
    at.text_area(key="experiments_note_text").input("the baseline to beat").run()
    at.button(key="experiments_note_save").click().run()
    assert not at.exception
    stored = store.RunStore(run_log).runs(at.session_state["experiments_scope"])
    assert [r.note for r in stored] == ["the baseline to beat", ""]


def test_sessions_do_not_see_each_other():
    first = _train(open_app(PAGE, dataset="diabetes"))
    second = open_app(PAGE, dataset="diabetes")
    assert first.session_state["experiments_scope"] != second.session_state["experiments_scope"]
    assert _runs_shown(first) == 1
    assert _runs_shown(second) == 0


def test_a_named_workspace_survives_a_restart():
    at = _train(open_app(PAGE, dataset="house_prices"))
    at.text_input(key="experiments_workspace_name").input("ada-week1").run()
    at.button(key="experiments_open_workspace").click().run()
    assert not at.exception
    assert at.session_state["experiments_scope"] == "workspace:ada-week1"
    # A new server process: the cached store is gone, only the file remains.
    from components import experiments_store

    experiments_store._store_at.clear()
    later = open_app(PAGE, dataset="house_prices", workspace="ada-week1")
    assert later.session_state["experiments_scope"] == "workspace:ada-week1"
    assert _runs_shown(later) == 1
    assert later.dataframe[0].value.iloc[0]["dataset"] == "house_prices"


def test_a_bad_workspace_name_is_explained():
    at = open_app(PAGE)
    at.text_input(key="experiments_workspace_name").input("no way!").run()
    at.button(key="experiments_open_workspace").click().run()
    assert not at.exception
    assert any("workspace name" in e.value for e in at.error)
    assert at.session_state["experiments_scope"].startswith("session:")


@pytest.mark.skipif(
    navigation.page_for("pages/train.py") is None, reason="pages/train.py is not there yet"
)
def test_a_run_trained_on_train_appears_in_the_log():
    at = open_app("pages/train.py", dataset="breast_cancer")
    assert not at.exception
    at.switch_page(PAGE).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert "train" in table["page"].tolist()
    assert table.iloc[0]["dataset"] == "breast_cancer"


def test_runs_also_go_to_mlflow_when_configured(monkeypatch, tmp_path, run_log):
    mlflow = pytest.importorskip("mlflow", reason="mlflow-skinny is in requirements-dev.txt")
    uri = (tmp_path / "mlruns").as_uri()
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "true")
    monkeypatch.setenv(store.MLFLOW_ENV, uri)
    at = _train(open_app(PAGE, dataset="wine"), "linear", 1.0)
    log = store.RunStore(run_log)
    (run,) = log.runs(at.session_state["experiments_scope"])
    mlflow_id = log.mlflow_run_id(run.run_id)
    assert mlflow_id
    logged = mlflow.tracking.MlflowClient(uri).get_run(mlflow_id)
    assert logged.data.params["C"] == "1"
    assert logged.data.tags["ml_spine.page"] == "experiments"
    assert "validation_accuracy" in logged.data.metrics


def test_the_score_chart_shows_one_dataset_at_a_time_starting_with_the_active_one():
    at = _train(open_app(PAGE, dataset="wine"))
    at.selectbox(key="sidebar_dataset").set_value("breast_cancer").run()
    _train(at)
    _train(at, "linear", 1.0)
    assert _runs_shown(at) == 3
    assert at.selectbox(key="experiments_chart_dataset").value == "breast_cancer"
    takeaways = [m.value for m in at.markdown if m.value.startswith("**Takeaway:**")]
    assert any("of 2" in t and "best" in t for t in takeaways)
    at.selectbox(key="experiments_chart_dataset").set_value("wine").run()
    takeaways = [m.value for m in at.markdown if m.value.startswith("**Takeaway:**")]
    assert any("at run #1 of 1" in t for t in takeaways)
