"""The guided path's zip: its files, its documents, and a script that prints the app's score."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from lessons import datasets, framing, scaffold, scoring, training
from lessons.audit import audit
from lessons.audit_types import apply_column_types, infer_column_types
from lessons.choices import FramingChoice, SplitChoice
from lessons.csv_loading import load_csv
from lessons.uncertainty import Comparison

ROOT = Path(__file__).resolve().parents[2]

LOANS = ROOT / "tests" / "fixtures" / "audit_loans.csv"


def _decisions(prepared, model, metric, dropped=()):
    return scaffold.Decisions(
        decision="Call the customers most likely to leave.",
        dropped_columns=tuple(dropped),
        split_reason=prepared.buckets.reason,
        model=model,
        metric=metric,
        metric_reason="the test's reason",
        seed=0,
    )


def _fit(dataset, metric, model="logistic_regression", strategy="auto"):
    prepared = training.prepare(dataset, SplitChoice(strategy), random_state=0)
    result = training.fit(prepared, model, {}, metric, random_state=0)
    return prepared, result, training.baseline(prepared, metric)


def _files(scaffold_zip: scaffold.Scaffold) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(scaffold_zip.data)) as archive:
        return {name.split("/", 1)[1]: archive.read(name) for name in archive.namelist()}


def _run(folder: Path, script: str) -> str:
    completed = subprocess.run(
        [sys.executable, script],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


@pytest.fixture(scope="module")
def wine():
    dataset = datasets.load("wine", 0)
    report = audit(dataset.frame, dataset.target, task=dataset.task, random_state=0)
    # Nothing on wine is a leak; the learner still keeps its strongest column out, so the
    # scaffold has a decision to carry.
    assert not report.leak_columns("medium")
    dropped = ("proline",)
    working = dataset.__class__(
        **{**dataset.__dict__, "post_outcome_columns": (*dataset.post_outcome_columns, *dropped)}
    )
    prepared, result, baseline = _fit(working, "f1", model="random_forest")
    built = scaffold.build_zip(
        _decisions(prepared, "random_forest", "f1", dropped),
        prepared,
        report,
        result,
        baseline,
        builtin_dropped=dropped,
        created=date(2026, 1, 2),
    )
    return built, result


def test_the_zip_holds_every_document_and_both_code_files(wine):
    built, _ = wine
    files = _files(built)
    stem = "ml_spine_wine_random_forest"
    assert set(files) == {
        "README.md",
        "framing_spec.md",
        "audit.md",
        "decisions.md",
        f"{stem}.py",
        f"{stem}.ipynb",
    }
    assert built.file_name == "ml_spine_scaffold_wine.zip"
    assert [f.split("/", 1)[1] for f in built.files] == list(files)
    notebook = json.loads(files[f"{stem}.ipynb"])
    assert notebook["nbformat"] == 4
    assert "proline" in "".join("".join(c["source"]) for c in notebook["cells"])


def test_the_documents_carry_the_decisions_and_the_score(wine):
    built, result = wine
    files = {k: v.decode() for k, v in _files(built).items() if k.endswith(".md")}
    assert "Call the customers most likely to leave." in files["framing_spec.md"]
    assert "Written 2026-01-02" in files["framing_spec.md"]
    assert "`proline`" in files["audit.md"]
    assert "Kept out of the features: `proline`." in files["audit.md"]
    assert scaffold.score_line(result) in files["decisions.md"]
    assert scaffold.score_line(result) in files["README.md"]
    assert "Stratified" in files["decisions.md"]
    assert "F1" in files["decisions.md"]
    assert "PYTHONPATH" in files["README.md"]


@pytest.mark.slow
def test_the_script_prints_the_score_the_app_shows(wine, tmp_path):
    built, result = wine
    zipfile.ZipFile(io.BytesIO(built.data)).extractall(tmp_path)
    folder = tmp_path / "ml_spine_scaffold_wine"
    output = _run(folder, "ml_spine_wine_random_forest.py")
    assert scaffold.score_line(result) in output.splitlines()


def _loans_dataset(raw: bytes) -> datasets.Dataset:
    """The upload as the Your data page builds it (inferred types, leak confirmed)."""
    frame = load_csv(raw, filename="audit_loans.csv").frame
    frame = apply_column_types(frame, infer_column_types(frame))
    frame = frame.loc[frame["defaulted"].notna()].reset_index(drop=True)
    return datasets.Dataset(
        name="upload-audit-loans-abc123",
        title="audit_loans.csv",
        frame=frame,
        target="defaulted",
        task="binary",
        problem="classification",
        time_column="application_date",
        group_column="customer_id",
        description="",
        teaches="",
        post_outcome_columns=("collection_calls",),
        source="your upload",
    )


@pytest.mark.slow
def test_an_upload_travels_with_its_csv_and_reproduces_the_score(tmp_path):
    raw = LOANS.read_bytes()
    dataset = _loans_dataset(raw)
    report = audit(load_csv(raw).frame, "defaulted", random_state=0)
    assert "collection_calls" in report.leak_columns("high")
    prepared, result, baseline = _fit(dataset, "pr_auc")
    built = scaffold.build_zip(
        _decisions(prepared, "logistic_regression", "pr_auc", ("collection_calls",)),
        prepared,
        report,
        result,
        baseline,
        csv_bytes=raw,
        csv_name="audit_loans.csv",
        framing_choice=FramingChoice(target="defaulted", task="binary", metric="pr_auc"),
    )
    files = _files(built)
    assert files["audit_loans.csv"] == raw
    assert "included as `audit_loans.csv`" in files["README.md"].decode()
    zipfile.ZipFile(io.BytesIO(built.data)).extractall(tmp_path)
    folder = tmp_path / built.file_name.removesuffix(".zip")
    script = next(name for name in files if name.endswith(".py"))
    assert "collection_calls" in files[script].decode()
    output = _run(folder, script)
    assert scaffold.score_line(result) in output.splitlines()


def test_a_large_csv_is_left_out_and_the_readme_says_where_to_put_it(monkeypatch):
    raw = LOANS.read_bytes()
    monkeypatch.setattr(scaffold, "MAX_CSV_BYTES", len(raw) - 1)
    dataset = _loans_dataset(raw)
    report = audit(load_csv(raw).frame, "defaulted", random_state=0)
    prepared, result, baseline = _fit(dataset, "roc_auc")
    built = scaffold.build_zip(
        _decisions(prepared, "logistic_regression", "roc_auc"),
        prepared,
        report,
        result,
        baseline,
        csv_bytes=raw,
        csv_name="audit_loans.csv",
    )
    files = _files(built)
    assert "audit_loans.csv" not in files
    assert "copy `audit_loans.csv` into this folder" in files["README.md"].decode()


def test_metric_options_follow_the_task_and_the_model():
    assert training.metric_options("regression", "ridge") == ["rmse", "mae", "r2"]
    assert "log_loss" in training.metric_options("binary", "logistic_regression")
    assert "log_loss" not in training.metric_options("binary", "svm")
    assert "roc_auc" not in training.metric_options("multiclass", "logistic_regression")


@pytest.mark.parametrize(
    ("task", "values", "costs", "expected"),
    [
        ("binary", [0] * 95 + [1] * 5, framing.Costs(), "pr_auc"),
        ("binary", [0] * 50 + [1] * 50, framing.Costs(), "accuracy"),
        # A miss costing 10x asks for the expected cost; the live fit scores a threshold-free proxy.
        ("binary", [0] * 50 + [1] * 50, framing.Costs(false_negative=10), "pr_auc"),
        ("regression", list(np.linspace(1, 2, 100)), framing.Costs(under=5), "mae"),
        ("regression", list(np.linspace(1, 2, 100)), framing.Costs(), "rmse"),
        ("multiclass", ["a"] * 40 + ["b"] * 40 + ["c"] * 20, framing.Costs(), "accuracy"),
    ],
)
def test_the_suggestion_is_a_metric_the_live_fit_can_score(task, values, costs, expected):
    advice = scaffold.suggest_metric(task, "classification", pd.Series(values), costs)
    assert advice.metric == expected
    assert advice.metric in scoring.scorable(task)
    assert advice.reason


def _comparison(score, baseline, low, high, greater_is_better=True):
    return Comparison(
        "model", "baseline", score, baseline, score - baseline, low, high, greater_is_better
    )


def test_the_baseline_verdict_follows_the_paired_interval_not_the_raw_scores():
    # Higher than the baseline, but the interval holds zero: no real difference.
    assert scaffold.baseline_verdict(_comparison(0.52, 0.50, -0.01, 0.05), 0.52, 0.50).startswith(
        "no real difference"
    )
    assert "beats" in scaffold.baseline_verdict(_comparison(0.60, 0.50, 0.05, 0.15), 0.6, 0.5)
    # MAE: lower is better, so a lower score beyond the noise beats the baseline.
    lower_mae = _comparison(2.0, 3.0, -1.5, -0.5, greater_is_better=False)
    assert "beats" in scaffold.baseline_verdict(lower_mae, 2.0, 3.0)
    higher_mae = _comparison(5.0, 3.0, 1.0, 3.0, greater_is_better=False)
    assert "worse" in scaffold.baseline_verdict(higher_mae, 5.0, 3.0)


@pytest.mark.parametrize("seed", range(10))
def test_the_spec_says_no_real_difference_for_a_model_with_nothing_to_learn(seed):
    """A model with no useful features sits inside the noise of the baseline on every seed;
    a real model on a learnable table beats it beyond the noise."""
    dataset = datasets.load("breast_cancer", seed)
    prepared = training.prepare(dataset, SplitChoice(), random_state=seed)
    real = training.fit(prepared, "logistic_regression", {}, "roc_auc", random_state=seed)
    assert training.versus_baseline(prepared, real, random_state=seed).better == real_label(real)
    # Every feature constant but one of pure noise: nothing to learn beyond the class prior.
    blank = dataset.frame.copy()
    features = [c for c in blank.columns if c != dataset.target]
    blank[features] = 1.0
    blank[features[0]] = np.random.default_rng(seed).normal(size=len(blank))
    blank_prepared = training.prepare(
        dataset.__class__(**{**dataset.__dict__, "frame": blank}), SplitChoice(), random_state=seed
    )
    stump = training.fit(blank_prepared, "logistic_regression", {}, "roc_auc", random_state=seed)
    spec = scaffold.framing_spec(
        "Breast cancer",
        _decisions(blank_prepared, "logistic_regression", "roc_auc"),
        blank_prepared,
        stump,
        training.baseline(blank_prepared, "roc_auc"),
        framing.Costs(),
        date(2026, 1, 2),
    )
    assert "no real difference" in spec and "beats" not in spec


def real_label(result):
    return training.MODELS[result.model].label
