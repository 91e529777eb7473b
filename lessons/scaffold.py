"""The guided path's take-away: one zip with the spec, the audit, the decisions and the code.

Everything here is pure: the decisions of the six steps, the prepared data, the audit report
and the final fit go in; Markdown documents and the zip's bytes come out. The script and the
notebook are ``lessons.codegen``'s, so running the script prints the score the app showed.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from lessons import codegen, framing, scoring, training
from lessons.audit import SEVERITIES, AuditReport
from lessons.choices import FramingChoice
from lessons.event import positive_class
from lessons.splits import STRATEGY_TITLES
from lessons.uncertainty import Comparison

STEPS: tuple[str, ...] = ("frame", "audit", "split", "train", "metric", "export")
STEP_TITLES: dict[str, str] = {
    "frame": "Frame",
    "audit": "Audit",
    "split": "Split",
    "train": "Train",
    "metric": "Metric",
    "export": "Export",
}
# Larger uploads are not copied into the zip: the README says where to put the file.
MAX_CSV_BYTES = 25 * 1024**2
# Framing metrics the live fit cannot score, and the closest metric it can, with why.
_NEAREST_TRAINABLE: dict[str, tuple[str, str]] = {
    "expected_cost": (
        "pr_auc",
        "the expected cost needs the threshold chosen on validation rows and its cost read "
        "on other rows; PR AUC summarises precision and recall over every threshold, a proxy "
        "to compare models before the threshold is set",
    ),
    "pinball": (
        "mae",
        "the pinball loss needs a quantile model; MAE is its symmetric case (the median)",
    ),
}


@dataclass(frozen=True)
class MetricAdvice:
    """The metric the guided path suggests, and why.

    Attributes
    ----------
    metric : str
        A key of ``lessons.scoring.REGISTRY``.
    reason : str
    """

    metric: str
    reason: str


@dataclass(frozen=True)
class Decisions:
    """What the learner settled along the guided path.

    Attributes
    ----------
    decision : str
        The decision the prediction changes, in the learner's words.
    dropped_columns : tuple of str
        Columns kept out of the features because the audit flagged them as leaks.
    split_reason : str
        Why this split (the honest default's reason or the learner's choice).
    model : str
        A key of ``lessons.training.MODELS``.
    metric : str
        A key of ``lessons.scoring.REGISTRY``.
    metric_reason : str
    seed : int
    """

    decision: str
    dropped_columns: tuple[str, ...]
    split_reason: str
    model: str
    metric: str
    metric_reason: str
    seed: int


@dataclass(frozen=True)
class Scaffold:
    """The zip's bytes and the names of its files, in order."""

    data: bytes
    file_name: str
    files: tuple[str, ...]


def suggest_metric(
    task: str,
    problem: str,
    y_train: pd.Series,
    costs: framing.Costs,
    audit_metric: str | None = None,
) -> MetricAdvice:
    """Lesson 1's cost-based suggestion, turned into a metric the live fit can score.

    Parameters
    ----------
    task : {"binary", "multiclass", "regression"}
    problem : str
    y_train : pandas.Series
        Training targets, as stored.
    costs : lessons.framing.Costs
        The cost of each kind of error (lesson 1's, or equal costs).
    audit_metric : str, optional
        The audit's recommendation, used when lesson 1's suggestion has no trainable cousin.
    """
    present = y_train.dropna()
    if task == "binary":
        encoded = (present == positive_class(present)).astype(int).to_numpy()
    elif task == "multiclass":
        encoded = pd.factorize(present.astype(str), sort=True)[0]
    else:
        encoded = pd.to_numeric(present, errors="coerce").dropna().to_numpy(dtype=float)
    if len(encoded) == 0:
        return MetricAdvice(scoring.DEFAULT_METRIC[task], "the default for this task")
    suggestion = framing.suggest_metric(task, np.asarray(encoded), costs, problem=problem)
    if suggestion.metric in scoring.scorable(task):
        return MetricAdvice(suggestion.metric, suggestion.reason)
    if suggestion.metric in _NEAREST_TRAINABLE:
        metric, why = _NEAREST_TRAINABLE[suggestion.metric]
        return MetricAdvice(
            metric, f"lesson 1's rule asks for {suggestion.name}: {suggestion.reason}. Here, {why}"
        )
    if audit_metric in scoring.scorable(task):
        return MetricAdvice(audit_metric, f"the audit's recommendation ({suggestion.reason})")
    return MetricAdvice(scoring.DEFAULT_METRIC[task], "the default for this task")


def baseline_verdict(versus: Comparison, score: float, baseline: float) -> str:
    """The model against the no-features baseline, as the paired bootstrap says.

    Parameters
    ----------
    versus : lessons.uncertainty.Comparison
        ``training.versus_baseline``: the model is ``name_a``, the baseline ``name_b``.
    score, baseline : float
        The two validation scores, shown next to the verdict.

    Returns
    -------
    str
        "the model beats ...", "no real difference ..." or "the model is worse than ...",
        with both scores and the 95 % interval of the difference.
    """
    numbers = (
        f"{score:.4f} against {baseline:.4f}; 95% interval of the difference "
        f"{versus.low:+.4f} to {versus.high:+.4f}"
    )
    if versus.better is None:
        return (
            f"no real difference between the model and the no-features baseline ({numbers}): "
            "inside the noise, the model does not earn its keep yet"
        )
    if versus.better == versus.name_a:
        return f"the model beats the no-features baseline by more than the noise ({numbers})"
    return f"the model is worse than the no-features baseline by more than the noise ({numbers})"


def audit_markdown(report: AuditReport, dropped: tuple[str, ...]) -> str:
    """The audit summary as Markdown: headline numbers, findings, what was done about leaks."""
    lines = [
        f"# Audit of `{report.target}`",
        "",
        f"- Rows: {report.rows:,}; columns: {report.columns:,}",
        f"- Task: {report.task}"
        + (f" (positive class `{report.positive_label}`)" if report.positive_label else ""),
        f"- Honest {report.score_name} of a fast model (cross-validated): "
        f"{report.honest_score:.3f}",
        f"- Recommended split: {report.recommended_split} ({report.split_reason})",
        f"- Recommended metric: {report.recommended_metric} ({report.metric_reason})",
        "",
        "## Leak check",
        "",
    ]
    leaks = [f for f in report.findings if f.kind == "target_leak"]
    if not leaks:
        lines.append("No column predicts the target suspiciously well.")
    for finding in leaks:
        columns = ", ".join(f"`{c}`" for c in finding.columns)
        lines.append(f"- {finding.severity}: {columns}: {finding.message}")
    lines += [
        "",
        "Kept out of the features: "
        + (", ".join(f"`{c}`" for c in dropped) if dropped else "nothing")
        + ".",
        "",
        "## Every finding",
        "",
    ]
    for severity in SEVERITIES:
        for finding in (f for f in report.findings if f.severity == severity):
            columns = f" [{', '.join(finding.columns)}]" if finding.columns else ""
            lines.append(f"- **{severity}** {finding.kind}{columns}: {finding.message}")
            lines.append(f"  What to do: {finding.advice}")
    if not report.findings:
        lines.append("No findings.")
    lines += [*(f"- Note: {note}" for note in report.notes), ""]
    return "\n".join(lines)


def framing_spec(
    dataset_title: str,
    decisions: Decisions,
    prepared: training.Prepared,
    result: training.FitResult,
    baseline: float,
    costs: framing.Costs,
    created: date,
) -> str:
    """Lesson 1's framing spec, filled in from the guided path."""
    dataset = prepared.dataset
    metric = scoring.metric(decisions.metric)
    versus = training.versus_baseline(prepared, result, random_state=decisions.seed)
    verdict = f"on validation rows, {baseline_verdict(versus, result.validation_score, baseline)}"
    if versus.better != versus.name_a:
        verdict += "; look for better features before anything else"
    if dataset.task == "regression":
        shape = f"under-predicting costs {costs.under:g}, over-predicting {costs.over:g} per unit"
    else:
        shape = f"a false alarm costs {costs.false_positive:g}, a miss {costs.false_negative:g}"
    return framing.render_spec(
        framing.FramingSpec(
            dataset=dataset_title,
            decision=decisions.decision,
            paradigm=(
                f"supervised: every row carries a known `{dataset.target}`, the label the model "
                "learns from"
            ),
            target=dataset.target,
            task=dataset.task,
            cost_shape=shape,
            metric=metric.name,
            metric_reason=decisions.metric_reason,
            threshold=None,
            baseline_name=_baseline_name(dataset.task),
            baseline_score=f"{baseline:.4f}",
            model_name=training.MODELS[decisions.model].label,
            model_score=f"{result.validation_score:.4f}",
            verdict=verdict,
            time_column=dataset.time_column,
            split_plan=(
                f"{STRATEGY_TITLES[prepared.buckets.strategy].lower()} "
                f"({decisions.split_reason}); {len(prepared.train):,} training and "
                f"{len(prepared.validation):,} validation rows, {len(prepared.buckets.test):,} "
                "test rows kept for the end"
            ),
            created=created,
        )
    )


def _baseline_name(task: str) -> str:
    return (
        "predict the training mean (no features)"
        if task == "regression"
        else "predict the training class shares (no features)"
    )


def decisions_markdown(
    decisions: Decisions,
    prepared: training.Prepared,
    result: training.FitResult,
    baseline: float,
) -> str:
    """The split, the model and the metric, each with its reason, and the final score."""
    metric = scoring.metric(decisions.metric)
    direction = "higher" if metric.greater_is_better else "lower"
    dropped = ", ".join(f"`{c}`" for c in decisions.dropped_columns) or "none"
    return "\n".join(
        [
            "# Decisions",
            "",
            f"- **Leak columns kept out:** {dropped}",
            f"- **Split:** {STRATEGY_TITLES[prepared.buckets.strategy]}: "
            f"{decisions.split_reason}. {len(prepared.train):,} training, "
            f"{len(prepared.validation):,} validation, {len(prepared.buckets.test):,} test "
            "rows (the test rows are not used by the scaffold).",
            f"- **Model:** {training.MODELS[decisions.model].label}, default settings, "
            f"seed {decisions.seed}",
            f"- **Metric:** {metric.name} ({direction} is better): {decisions.metric_reason}",
            "",
            "## Final score",
            "",
            f"- Validation {metric.name}: {result.validation_score!r}",
            f"- Train {metric.name}: {result.train_score!r}",
            f"- Baseline (no features): {baseline!r}",
            "",
            "The script prints the validation line exactly:",
            "",
            "```",
            score_line(result),
            "```",
            "",
        ]
    )


def score_line(result: training.FitResult) -> str:
    """The line the script prints for the validation score, as the app shows it."""
    return f"validation_{result.metric} = {float(result.validation_score)!r}"


def readme(
    title: str,
    stem: str,
    result: training.FitResult,
    csv_name: str | None,
    csv_included: bool,
) -> str:
    """How to run the scaffold, in a few lines."""
    if csv_name is None:
        data = "The data is a built-in dataset: the script generates it from its seed."
    elif csv_included:
        data = f"Your CSV is included as `{csv_name}`; the script reads it from this folder."
    else:
        data = (
            f"Your CSV was too large to include: copy `{csv_name}` into this folder before "
            "running the script (or change `CSV_PATH` at the top of the script)."
        )
    return "\n".join(
        [
            f"# ML Spine scaffold: {title}",
            "",
            "A leak-checked, honestly scored starting point, made on the guided path.",
            "",
            "## Files",
            "",
            "- `framing_spec.md`: the decision, target, metric and baseline to beat",
            "- `audit.md`: what the audit found and which leak columns were kept out",
            "- `decisions.md`: the split, the model and the metric, with their reasons",
            f"- `{stem}.py` and `{stem}.ipynb`: the whole spine as code",
            "",
            "## Run it",
            "",
            data,
            "",
            "The code imports ML Spine's `lessons` package for loading and splitting, so run it "
            "from this folder with the ML Spine project on the Python path and its requirements "
            "installed:",
            "",
            "```",
            f"PYTHONPATH=/path/to/ml-spine python {stem}.py",
            "```",
            "",
            "(or copy these files into the ML Spine project folder and run them there). It "
            "prints the validation score the app showed:",
            "",
            "```",
            score_line(result),
            "```",
            "",
        ]
    )


def build_zip(
    decisions: Decisions,
    prepared: training.Prepared,
    report: AuditReport,
    result: training.FitResult,
    baseline: float,
    *,
    costs: framing.Costs | None = None,
    framing_choice: FramingChoice | None = None,
    csv_bytes: bytes | None = None,
    csv_name: str | None = None,
    builtin_dropped: tuple[str, ...] = (),
    created: date | None = None,
) -> Scaffold:
    """The guided path's one download, as bytes.

    Parameters
    ----------
    decisions : Decisions
    prepared : lessons.training.Prepared
        The data and split the final model was fitted on.
    report : lessons.audit.AuditReport
    result : lessons.training.FitResult
        The final fit: its validation score is the score the script prints.
    baseline : float
        The no-feature baseline under the same metric and split.
    costs : lessons.framing.Costs, optional
        Lesson 1's costs (equal costs when not set).
    framing_choice : FramingChoice, optional
        Written as the code's header.
    csv_bytes, csv_name : optional
        An uploaded CSV and its file name; included when under ``MAX_CSV_BYTES``.
    builtin_dropped : tuple of str
        Columns of a built-in dataset kept out on top of its own post-outcome columns.
    created : date, optional
        The spec's date (today when not given).

    Returns
    -------
    Scaffold
    """
    created = created or date.today()
    dataset = prepared.dataset
    spec = codegen.code_spec(
        prepared,
        decisions.model,
        dict(result.params),
        decisions.metric,
        seed=decisions.seed,
        framing=framing_choice,
        csv_path=csv_name,
        dropped_columns=builtin_dropped,
    )
    stem = codegen.file_stem(spec)
    included = csv_bytes is not None and len(csv_bytes) <= MAX_CSV_BYTES
    documents = {
        "README.md": readme(dataset.title, stem, result, csv_name, included),
        "framing_spec.md": framing_spec(
            dataset.title,
            decisions,
            prepared,
            result,
            baseline,
            costs or framing.Costs(),
            created,
        ),
        "audit.md": audit_markdown(report, decisions.dropped_columns),
        "decisions.md": decisions_markdown(decisions, prepared, result, baseline),
        f"{stem}.py": codegen.script(spec),
        f"{stem}.ipynb": codegen.notebook(spec),
    }
    folder = "ml_spine_scaffold_" + (
        re.sub(r"[^a-z0-9]+", "_", dataset.name.lower()).strip("_") or "data"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in documents.items():
            archive.writestr(f"{folder}/{name}", text)
        if included and csv_name is not None:
            archive.writestr(f"{folder}/{csv_name}", csv_bytes)
    files = (*documents, *([csv_name] if included and csv_name else []))
    return Scaffold(buffer.getvalue(), f"{folder}.zip", tuple(f"{folder}/{f}" for f in files))
