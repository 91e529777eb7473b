"""The generated code: it runs in a fresh interpreter and prints the page's scores exactly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import sklearn.metrics

from lessons import codegen, datasets, evaluation, scoring, training
from lessons import models as model_registry
from lessons.choices import FramingChoice

ROOT = Path(__file__).resolve().parents[2]


def _run(scripts: list[Path], folder: Path) -> dict[str, float]:
    """Run scripts as ``__main__`` from a folder outside the project; read the printed scores.

    One interpreter runs them one after the other, so the imports are paid once.
    """
    runner = "import runpy, sys\nfor path in sys.argv[1:]:\n    runpy.run_path(path, run_name='__main__')"
    done = subprocess.run(
        [sys.executable, "-c", runner, *map(str, scripts)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    scores = {}
    for line in done.stdout.splitlines():
        name, sep, value = line.partition(" = ")
        if sep:
            scores[name] = float(value)
    return scores


def _builtin_case(folder: Path) -> tuple[Path, training.FitResult, evaluation.FinalEvaluation]:
    dataset = datasets.load("churn", seed=2)
    prepared = training.prepare(dataset, row_cap=4_000, random_state=2)
    params = {"n_estimators": 25, "max_depth": 8, "min_samples_leaf": 5}
    result = training.fit(prepared, "random_forest", params, "pr_auc", random_state=2)
    final = evaluation.final_evaluation(
        prepared.dataset, prepared.buckets, "random_forest", params, "pr_auc", random_state=2
    )
    spec = codegen.code_spec(prepared, "random_forest", params, "pr_auc", seed=2)
    assert spec.row_cap == 4_000 and spec.builtin
    path = folder / f"{codegen.file_stem(spec)}.py"
    path.write_text(codegen.script(spec), encoding="utf-8")
    return path, result, final


def _upload_case(folder: Path) -> tuple[Path, training.FitResult, evaluation.FinalEvaluation]:
    rng = np.random.default_rng(4)
    n = 300
    spend = rng.normal(100, 30, n)
    frame = pd.DataFrame(
        {
            "order date": pd.date_range("2023-01-01", periods=n, freq="D").strftime("%Y-%m-%d"),
            "region": rng.choice(["north", "south", "east"], n),
            "spend": np.where(rng.random(n) < 0.05, np.nan, spend).round(2),
            "returned": rng.random(n) < 0.3,
            "revenue": (spend * 1.5 + rng.normal(0, 10, n)).round(2),
        }
    )
    frame.loc[[5, 17], "revenue"] = np.nan
    csv_path = folder / "shop.csv"
    frame.to_csv(csv_path, index=False)
    loaded = datasets.load_csv(csv_path.read_bytes(), filename=str(csv_path)).frame
    # What the Your data page does to an upload before the lessons see it.
    loaded = loaded.loc[loaded["revenue"].notna()].reset_index(drop=True)
    dataset = datasets.Dataset(
        name="upload-shop",
        title="shop.csv",
        frame=loaded,
        target="revenue",
        task="regression",
        problem="regression",
        time_column="order date",
        group_column=None,
        description="",
        teaches="",
    )
    prepared = training.prepare(dataset, random_state=0)
    result = training.fit(prepared, "svm", {"C": 10.0}, "mae")
    final = evaluation.final_evaluation(
        prepared.dataset, prepared.buckets, "svm", {"C": 10.0}, "mae", random_state=0
    )
    assert codegen.code_spec(prepared, "svm", {}, "mae", seed=0).csv_path == "shop.csv"
    spec = codegen.code_spec(prepared, "svm", {"C": 10.0}, "mae", seed=0, csv_path=str(csv_path))
    assert not spec.builtin and spec.roles.datetime_columns == ["order date"]
    script = codegen.script(spec)
    assert "load_csv(Path(CSV_PATH)" in script and "TransformedTargetRegressor" in script
    path = folder / f"{codegen.file_stem(spec)}.py"
    path.write_text(script, encoding="utf-8")
    return path, result, final


def _final_printed(scores: dict[str, float], final: evaluation.FinalEvaluation) -> None:
    """The script's final evaluation prints the page's numbers, digit for digit."""
    key = final.metric
    assert scores[f"test_{key}"] == final.test.score
    for bucket, interval in (("validation", final.validation), ("test", final.test)):
        assert scores[f"{bucket}_{key}_low"] == interval.low
        assert scores[f"{bucket}_{key}_high"] == interval.high
    for line in codegen.final_score_lines(final).splitlines():
        name, sep, value = line.partition(" = ")
        if sep:
            assert scores[name] == float(value)


def test_generated_scripts_reproduce_the_page_scores_exactly(tmp_path):
    """A built-in (sampled by the row cap, grouped by customer) and an uploaded CSV."""
    builtin_script, builtin, builtin_final = _builtin_case(tmp_path)
    upload_script, upload, upload_final = _upload_case(tmp_path)
    scores = _run([builtin_script, upload_script], tmp_path)
    assert scores["train_pr_auc"] == builtin.train_score
    assert scores["validation_pr_auc"] == builtin.validation_score
    assert builtin_final.validation.score == builtin.validation_score
    assert builtin_final.grouped_by == "customer_id"
    _final_printed(scores, builtin_final)
    assert scores["train_mae"] == upload.train_score
    assert scores["validation_mae"] == upload.validation_score
    _final_printed(scores, upload_final)


@pytest.mark.parametrize(
    ("name", "model", "metric"),
    [
        ("breast_cancer", "svm", "pr_auc"),
        ("breast_cancer", "logistic_regression", "roc_auc"),
        ("breast_cancer", "knn", "f1"),
        ("wine", "logistic_regression", "log_loss"),
    ],
)
def test_the_scripts_metric_input_is_what_the_final_evaluation_scores(name, model, metric):
    """Each kind of metric input (decision values, one column, labels, probabilities)."""
    prepared = training.prepare(datasets.load(name), random_state=0)
    spec = codegen.code_spec(prepared, model, {}, metric, seed=0)
    namespace = {"X": prepared.dataset.X, "np": np}
    exec("\n".join(codegen._metric_input_code(spec)), namespace)
    pipeline = training.model_pipeline(
        model, training.estimator_kind(prepared.dataset), training.check_params(model, {}), 0
    )
    pipeline.fit(prepared.dataset.X.iloc[prepared.train], prepared.dataset.y.iloc[prepared.train])
    rows = prepared.validation
    expected = evaluation.metric_input(
        pipeline,
        prepared.dataset.X.iloc[rows],
        metric,
        prepared.dataset.task,
        prepared.dataset.positive_class,
    )
    np.testing.assert_array_equal(namespace["metric_input"](pipeline, rows), expected)


@pytest.mark.parametrize(
    ("task", "metrics"),
    [
        ("binary", ["roc_auc", "pr_auc", "f1", "accuracy", "balanced_accuracy", "log_loss"]),
        ("multiclass", ["accuracy", "balanced_accuracy", "f1", "log_loss"]),
        ("regression", ["r2", "mae", "rmse"]),
    ],
)
def test_scorer_code_computes_what_the_page_computes(task, metrics):
    name = {"binary": "breast_cancer", "multiclass": "wine", "regression": "diabetes"}[task]
    prepared = training.prepare(datasets.load(name), random_state=0)
    model = "ridge" if task == "regression" else "logistic_regression"
    for metric in metrics:
        spec = codegen.code_spec(prepared, model, {}, metric, seed=0)
        namespace = {"make_scorer": sklearn.metrics.make_scorer}
        function = scoring.metric(metric).function.__name__
        namespace[function] = getattr(sklearn.metrics, function)
        generated = eval(codegen.scorer_code(spec), namespace)
        result = training.fit(prepared, model, {}, metric)
        pipeline = training.model_pipeline(
            model, training.estimator_kind(prepared.dataset), training.check_params(model, {}), 0
        )
        X, y = prepared.dataset.X, prepared.dataset.y
        pipeline.fit(X.iloc[prepared.train], y.iloc[prepared.train])
        score = generated(pipeline, X.iloc[prepared.validation], y.iloc[prepared.validation])
        assert score == pytest.approx(result.validation_score, abs=1e-12), metric


def test_estimator_code_spells_out_every_setting():
    prepared = training.prepare(datasets.load("wine"), random_state=0)
    spec = codegen.code_spec(prepared, "decision_tree", {"max_depth": None}, "accuracy", seed=7)
    assert (
        codegen.estimator_code(spec)
        == "DecisionTreeClassifier(max_depth=None, min_samples_leaf=5, random_state=SEED)"
    )
    assert "SEED = 7" in codegen.script(spec)


def test_script_compiles_for_every_model_and_the_notebook_holds_the_same_code():
    prepared = training.prepare(datasets.load("fraud"), row_cap=3_000, random_state=0)
    framing = FramingChoice(
        decision="Block the card before the purchase clears",
        target="is_fraud",
        task="binary",
        metric="pr_auc",
        cost_false_negative=50.0,
        threshold=0.12,
        baseline_name="majority class",
        baseline_score=0.011,
    )
    for model in model_registry.models_for("classification"):
        spec = codegen.code_spec(prepared, model.key, {}, "roc_auc", seed=0, framing=framing)
        script = codegen.script(spec)
        compile(script, "generated.py", "exec")
        document = json.loads(codegen.notebook(spec))
        assert document["nbformat"] == 4 and document["nbformat_minor"] == 5
        cells = document["cells"]
        assert len({cell["id"] for cell in cells}) == len(cells)
        header = "".join(cells[0]["source"])
        assert "Framing spec (from lesson 1)" in header
        assert "Block the card before the purchase clears" in header
        assert "0.0110 pr_auc" in header
        code = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        compile(code, "notebook", "exec")
        for section in codegen.sections(spec)[1:]:
            assert section.code in script
            assert section.code in code
        assert "# - **Decision the prediction changes:**" in script


def test_without_framing_there_is_no_framing_header():
    prepared = training.prepare(datasets.load("diabetes"), random_state=0)
    spec = codegen.code_spec(prepared, "ridge", {}, "r2", seed=0)
    assert "Framing spec" not in codegen.script(spec)
    assert codegen.file_stem(spec) == "ml_spine_diabetes_ridge"


def test_an_uploads_corrected_column_types_are_applied_again_in_the_script(tmp_path):
    """Types changed on the Your data page change the features; the script must follow."""
    from lessons.audit_types import apply_column_types

    rng = np.random.default_rng(7)
    n = 240
    frame = pd.DataFrame(
        {
            "store": rng.integers(1, 6, n),  # a code, not a quantity
            "note": rng.choice(["a", "b"], n),
            "visits": rng.poisson(20, n),
            "sales": rng.normal(50, 5, n).round(2),
        }
    )
    frame["sales"] += frame["store"] * 7
    csv_path = tmp_path / "stores.csv"
    frame.to_csv(csv_path, index=False)
    types = {"store": "category", "note": "ignore", "visits": "number", "sales": "number"}
    loaded = datasets.load_csv(csv_path.read_bytes(), filename=str(csv_path)).frame
    dataset = datasets.Dataset(
        name="upload-stores",
        title="stores.csv",
        frame=apply_column_types(loaded, types),
        target="sales",
        task="regression",
        problem="regression",
        time_column=None,
        group_column=None,
        description="",
        teaches="",
        column_types=tuple(sorted(types.items())),
    )
    prepared = training.prepare(dataset, random_state=0)
    result = training.fit(prepared, "ridge", {}, "mae")
    spec = codegen.code_spec(prepared, "ridge", {}, "mae", seed=0, csv_path=str(csv_path))
    assert spec.column_types == tuple(sorted(types.items()))
    assert spec.roles.categorical == ("store",)
    script = codegen.script(spec)
    assert "frame = apply_column_types(frame, COLUMN_TYPES)" in script
    path = tmp_path / "stores.py"
    path.write_text(script, encoding="utf-8")
    scores = _run([path], tmp_path)
    assert scores["validation_mae"] == result.validation_score
    assert "test_mae" in scores
