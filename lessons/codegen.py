"""Code a learner can take away: the page's choices rendered as a runnable script or notebook.

The code is the spine in five steps (load, split, features, fit, evaluate) written with plain
scikit-learn. It rebuilds the exact pipeline ``lessons.training`` fits, from the same column
plan and the same estimator settings, so running it prints the scores shown on the page.

Loading and splitting reuse ML Spine's own functions (``lessons.datasets.load``,
``lessons.csv_loading.load_csv``, ``lessons.splits.make_buckets``), so the script expects to
run from the project folder or with ML Spine installed. An uploaded CSV is read again from
its path, so the script works on the learner's machine with their own file.
"""

from __future__ import annotations

import inspect
import json
import re
import textwrap
from dataclasses import dataclass

from lessons import evaluation, features, scoring, training
from lessons import models as model_registry
from lessons.choices import FramingChoice, SplitChoice
from lessons.datasets import BUILTIN_NAMES

SEED_NAME = "SEED"


@dataclass(frozen=True)
class CodeSpec:
    """Everything the generated code depends on.

    Attributes
    ----------
    dataset_name, dataset_title : str
    builtin : bool
        A built-in dataset (loaded by name) or an uploaded CSV (read from ``csv_path``).
    csv_path : str
        Where the script looks for the uploaded CSV.
    target, task, problem : str
    time_column, group_column : str or None
    post_outcome_columns : tuple of str
        Columns marked as leaks; never features.
    split_choice : SplitChoice
    split_strategy : str
        The strategy actually used, for the comments.
    row_cap : int or None
        Set when the page trained on a sample.
    seed : int
    roles : lessons.features.ColumnRoles
        The column roles learned on the training rows.
    model : str
    params : tuple of (str, object)
    metric : str
    positive : object
        The positive class of a binary target.
    framing : FramingChoice or None
        Lesson 1's spec, rendered as the header.
    dropped_columns : tuple of str
        Columns of a built-in dataset the learner kept out of the features (leaks found by
        the audit), on top of the dataset's own post-outcome columns.
    column_types : tuple of (column, type)
        The column types the learner confirmed for an upload, applied again after loading.
    """

    dataset_name: str
    dataset_title: str
    builtin: bool
    csv_path: str
    target: str
    task: str
    problem: str
    time_column: str | None
    group_column: str | None
    post_outcome_columns: tuple[str, ...]
    split_choice: SplitChoice
    split_strategy: str
    row_cap: int | None
    seed: int
    roles: features.ColumnRoles
    model: str
    params: tuple[tuple[str, object], ...]
    metric: str
    positive: object
    framing: FramingChoice | None = None
    dropped_columns: tuple[str, ...] = ()
    column_types: tuple[tuple[str, str], ...] = ()


def code_spec(
    prepared: training.Prepared,
    model: str,
    params: dict,
    metric: str,
    *,
    seed: int,
    framing: FramingChoice | None = None,
    csv_path: str | None = None,
    dropped_columns: tuple[str, ...] = (),
) -> CodeSpec:
    """Collect the choices behind a fit into a ``CodeSpec``."""
    dataset = prepared.dataset
    return CodeSpec(
        dataset_name=dataset.name,
        dataset_title=dataset.title,
        builtin=dataset.name in BUILTIN_NAMES,
        csv_path=csv_path or _csv_name(dataset),
        target=dataset.target,
        task=dataset.task,
        problem=dataset.problem,
        time_column=dataset.time_column,
        group_column=dataset.group_column,
        split_choice=prepared.split_choice,
        split_strategy=prepared.buckets.strategy,
        row_cap=dataset.n_rows if prepared.sampled_from else None,
        seed=seed,
        post_outcome_columns=dataset.post_outcome_columns,
        roles=features.learn_roles(dataset.X.iloc[prepared.train]),
        model=model,
        params=tuple(training.check_params(model, params).items()),
        metric=metric,
        positive=dataset.positive_class,
        framing=framing,
        dropped_columns=tuple(dropped_columns),
        column_types=() if dataset.name in BUILTIN_NAMES else dataset.column_types,
    )


@dataclass(frozen=True)
class Section:
    """One step of the generated code: a heading, a sentence of why, and the code."""

    title: str
    prose: str
    code: str


def file_stem(spec: CodeSpec) -> str:
    """A file name without extension, e.g. ``ml_spine_churn_random_forest``."""
    return stem(spec.dataset_name, spec.model)


def stem(dataset_name: str, model: str) -> str:
    """``file_stem`` from its two inputs alone: lesson 4 names its downloads on every move
    without building the script they will hold."""
    return f"ml_spine_{_slug(dataset_name)}_{model}"


def _csv_name(dataset) -> str:
    """An upload's own file name (its title) when it looks like one."""
    if dataset.title.lower().endswith((".csv", ".tsv", ".txt")):
        return dataset.title
    return f"{_slug(dataset.name)}.csv"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "data"


# ---------------------------------------------------------------------------------------------
# The pieces
# ---------------------------------------------------------------------------------------------


def framing_markdown(framing: FramingChoice) -> str:
    """Lesson 1's framing spec as Markdown, for the header of a script or notebook."""
    lines = ["## Framing spec (from lesson 1)", ""]
    if framing.decision:
        lines.append(f"- **Decision the prediction changes:** {framing.decision}")
    if framing.target:
        lines.append(f"- **Target:** `{framing.target}` ({framing.task or 'task not set'})")
    if framing.metric:
        lines.append(f"- **Metric:** {framing.metric}")
    if framing.task == "regression":
        lines.append(
            f"- **Cost of errors:** under-predicting {framing.cost_under:g}, "
            f"over-predicting {framing.cost_over:g} per unit"
        )
    else:
        lines.append(
            f"- **Cost of errors:** false positive {framing.cost_false_positive:g}, "
            f"false negative {framing.cost_false_negative:g}"
        )
    if framing.threshold is not None:
        lines.append(f"- **Decision threshold:** {framing.threshold:.3f}")
    if framing.baseline_name:
        score = (
            f": {framing.baseline_score:.4f} {framing.metric}"
            if framing.baseline_score is not None
            else ""
        )
        lines.append(f"- **Baseline to beat:** {framing.baseline_name}{score}")
    return "\n".join(lines)


def _imports(spec: CodeSpec) -> str:
    module, name = training.MODELS[spec.model].estimator_path(_problem(spec))
    metric_function = scoring.metric(spec.metric).function.__name__
    sklearn_lines = {
        "from sklearn.compose import ColumnTransformer"
        + (
            ", TransformedTargetRegressor"
            if model_registry.scales_target(spec.model, _problem(spec))
            else ""
        ),
        "from sklearn.impute import SimpleImputer",
        f"from sklearn.metrics import {metric_function}, make_scorer",
        "from sklearn.pipeline import Pipeline",
        "from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler",
        f"from {module} import {name}",
    }
    spine_lines = ["from lessons.choices import SplitChoice"]
    if spec.builtin:
        spine_lines.append("from lessons.datasets import load")
    else:
        spine_lines += [
            "from lessons.csv_loading import load_csv",
            "from lessons.datasets import Dataset",
        ]
        if spec.column_types:
            spine_lines.insert(1, "from lessons.audit_types import apply_column_types")
    spine_lines.append("from lessons.splits import make_buckets")
    head = ["import numpy as np"]
    if spec.row_cap is not None or spec.dropped_columns:
        head.insert(0, "import dataclasses")
    if not spec.builtin:
        head.insert(0, "from pathlib import Path")
    head.append("import pandas as pd")
    return "\n".join([*head, "", *sorted(sklearn_lines), "", *spine_lines])


def _problem(spec: CodeSpec) -> str:
    return "regression" if spec.task == "regression" else "classification"


def _load_code(spec: CodeSpec) -> str:
    if spec.builtin:
        lines = [f"dataset = load({spec.dataset_name!r}, seed={SEED_NAME})"]
    else:
        fields = {
            "name": spec.dataset_name,
            "title": spec.dataset_title,
            "target": spec.target,
            "task": spec.task,
            "problem": spec.problem,
            "time_column": spec.time_column,
            "group_column": spec.group_column,
            "post_outcome_columns": spec.post_outcome_columns,
        }
        literal = {key: repr(value) for key, value in fields.items()}
        if spec.task == "binary":
            literal["event"] = _literal(spec.positive)
        lines = [
            f"CSV_PATH = {spec.csv_path!r}  # your uploaded file; change the path if it moved",
            "frame = load_csv(Path(CSV_PATH).read_bytes(), filename=CSV_PATH).frame",
            *(
                [
                    "# The column types you confirmed on the Your data page.",
                    "COLUMN_TYPES = {",
                    *[f"    {name!r}: {kind!r}," for name, kind in spec.column_types],
                    "}",
                    "frame = apply_column_types(frame, COLUMN_TYPES)",
                ]
                if spec.column_types
                else []
            ),
            "# As on the Your data page: infinities are missing values, and rows without a",
            "# target are left out before the split.",
            "numbers = frame.select_dtypes('number').columns",
            "frame[numbers] = frame[numbers].mask(frame[numbers].isin([np.inf, -np.inf]))",
            f"frame = frame.loc[frame[{spec.target!r}].notna()].reset_index(drop=True)",
            "dataset = Dataset(",
            "    frame=frame,",
            *[f"    {key}={value}," for key, value in literal.items()],
            '    description="",',
            '    teaches="",',
            ")",
        ]
    if spec.dropped_columns:
        lines += [
            "# Columns the audit flagged as leaks stay out of the features.",
            "dataset = dataclasses.replace(",
            "    dataset,",
            f"    post_outcome_columns=(*dataset.post_outcome_columns, *{spec.dropped_columns!r}),",
            ")",
        ]
    if spec.row_cap is not None:
        lines += [
            f"# The page trained on a seeded sample of {spec.row_cap:,} rows (its row cap).",
            "dataset = dataclasses.replace(",
            f"    dataset, frame=dataset.frame.sample(n={spec.row_cap}, "
            f"random_state={SEED_NAME}).sort_index()",
            ")",
        ]
    lines += ["frame = dataset.frame", f"TARGET = {spec.target!r}"]
    return "\n".join(lines)


def _split_code(spec: CodeSpec) -> str:
    choice = spec.split_choice
    gap = (
        [
            "# A label that lands late (dataset.label_horizon) cannot teach a model trained",
            "# before it lands: rows whose label lands after the next cut sit in a gap, in no",
            "# bucket, exactly as on the page.",
            "print(len(buckets.gap), 'rows in the gap; label horizon:', dataset.label_horizon)",
        ]
        if spec.split_strategy in ("time", "time_series")
        else []
    )
    return "\n".join(
        [
            f"choice = SplitChoice(strategy={choice.strategy!r}, params={choice.params!r})",
            f"buckets = make_buckets(dataset, choice, random_state={SEED_NAME})",
            "print(buckets.strategy, 'split:', buckets.reason)",
            *gap,
            "# Rows without a label can neither teach nor grade a model.",
            "labelled = frame[TARGET].notna().to_numpy()",
            "train = buckets.train[labelled[buckets.train]]",
            "valid = buckets.validation[labelled[buckets.validation]]",
            "# buckets.test stays locked away until the project's final check.",
        ]
    )


def _features_code(spec: CodeSpec) -> str:
    """``lessons.features.build_column_transformer`` written out for the learned roles."""
    roles = spec.roles
    lines = [
        f"NUMERIC = {list(roles.numeric)!r}",
        f"CATEGORICAL = {list(roles.categorical)!r}",
        "# Date columns, and how their values are stored.",
        f"DATETIME = {dict(roles.datetime)!r}",
    ]
    for column, reason in roles.dropped:
        lines.append(f"# Left out {column!r}: {reason}.")
    lines += [
        "X = frame[NUMERIC + CATEGORICAL + list(DATETIME)]",
        "y = frame[TARGET]",
        "",
        "",
    ]
    helpers = [features.as_float, features.as_text]
    if roles.datetime:
        helpers += [features.as_datetime, features.datetime_parts]
    lines += [inspect.getsource(helper).rstrip() + "\n\n" for helper in helpers]
    branches = []
    if roles.numeric:
        branches += [
            "        (",
            '            "numeric",',
            "            Pipeline(",
            "                [",
            '                    ("as_float", FunctionTransformer(as_float)),',
            "                    (",
            '                        "impute",',
            "                        SimpleImputer(",
            '                            strategy="median", keep_empty_features=True, '
            "add_indicator=True",
            "                        ),",
            "                    ),",
            '                    ("scale", StandardScaler()),',
            "                ]",
            "            ),",
            "            NUMERIC,",
            "        ),",
        ]
    if roles.categorical:
        branches += [
            "        (",
            '            "categorical",',
            "            Pipeline(",
            "                [",
            '                    ("as_text", FunctionTransformer(as_text)),',
            "                    (",
            '                        "encode",',
            "                        OneHotEncoder(",
            '                            handle_unknown="infrequent_if_exist",',
            f"                            max_categories={features.MAX_ONE_HOT},",
            "                            sparse_output=False,",
            "                        ),",
            "                    ),",
            "                ]",
            "            ),",
            "            CATEGORICAL,",
            "        ),",
        ]
    if roles.datetime:
        branches += [
            "        (",
            '            "datetime",',
            "            Pipeline(",
            "                [",
            '                    ("parts", FunctionTransformer(datetime_parts, '
            'kw_args={"kinds": DATETIME})),',
            '                    ("impute", SimpleImputer(strategy="median", '
            "keep_empty_features=True)),",
            '                    ("scale", StandardScaler()),',
            "                ]",
            "            ),",
            "            list(DATETIME),",
            "        ),",
        ]
    lines += [
        "preprocess = ColumnTransformer(",
        "    [",
        *branches,
        "    ],",
        '    remainder="drop",',
        "    sparse_threshold=0.0,",
        ")",
    ]
    return "\n".join(lines)


def estimator_code(spec: CodeSpec) -> str:
    """The estimator's constructor call, with every setting spelled out."""
    problem = _problem(spec)
    _, name = training.MODELS[spec.model].estimator_path(problem)
    kwargs = model_registry.estimator_kwargs(spec.model, problem, dict(spec.params), spec.seed)
    arguments = ", ".join(
        f"{key}={SEED_NAME}" if key == "random_state" else f"{key}={value!r}"
        for key, value in kwargs.items()
    )
    call = f"{name}({arguments})"
    if model_registry.scales_target(spec.model, problem):
        return f"TransformedTargetRegressor(regressor={call}, transformer=StandardScaler())"
    return call


def scorer_code(spec: CodeSpec) -> str:
    """The ``make_scorer`` call that computes the page's metric."""
    metric = scoring.metric(spec.metric)
    kwargs = scoring.scorer_kwargs(spec.metric, spec.task, spec.positive)
    extra = "".join(f", {key}={_literal(value)}" for key, value in kwargs.items())
    return (
        f"make_scorer({metric.function.__name__}, "
        f"response_method={metric.response_method!r}{extra})"
    )


def _literal(value: object) -> str:
    # numpy scalars print as np.int64(1); the script wants the plain value.
    return repr(value.item() if hasattr(value, "item") else value)


def _model_code(spec: CodeSpec) -> str:
    return "\n".join(
        [
            "model = Pipeline(",
            "    [",
            '        ("preprocess", preprocess),',
            f'        ("model", {estimator_code(spec)}),',
            "    ]",
            ")",
        ]
    )


def _fit_code(spec: CodeSpec) -> str:
    return "\n".join(
        [
            "model.fit(X.iloc[train], y.iloc[train])  # learn from training rows only",
            "predictions = model.predict(X.iloc[valid])  # rows the model has never seen",
            "print(predictions[:5])",
        ]
    )


def _evaluate_code(spec: CodeSpec) -> str:
    return "\n".join(
        [
            f"scorer = {scorer_code(spec)}",
            f"# The train score uses up to {training.TRAIN_SCORE_MAX_ROWS:,} training rows "
            "(a seeded sample), like the page.",
            f"rng = np.random.default_rng({SEED_NAME})",
            "scored = np.sort(rng.choice(train, size=min(len(train), "
            f"{training.TRAIN_SCORE_MAX_ROWS}), replace=False))",
            "train_score = scorer(model, X.iloc[scored], y.iloc[scored])",
            "validation_score = scorer(model, X.iloc[valid], y.iloc[valid])",
            f'print("train_{spec.metric} =", repr(float(train_score)))',
            f'print("validation_{spec.metric} =", repr(float(validation_score)))',
            "",
            _final_code(spec),
        ]
    )


def _metric_input_code(spec: CodeSpec) -> list[str]:
    """A function returning what the metric reads from a model, as ``metric_input`` does."""
    metric = scoring.metric(spec.metric)
    rows = "X.iloc[rows]"
    if metric.needs == "scores":
        # The scorer's rule: the positive class where the metric takes one, else classes_[1].
        kwargs = scoring.scorer_kwargs(spec.metric, spec.task, spec.positive)
        if "pos_label" in kwargs:
            what, index = (
                f"the score of the class {_literal(spec.positive)}",
                (f"list(fitted.classes_).index({_literal(spec.positive)})"),
            )
        else:
            what, index = "the score of the second class (fitted.classes_[1])", "1"
        if spec.model == "svm":
            body = [
                f"    decision = fitted.decision_function({rows})",
                f"    return decision if {index} == 1 else -decision",
            ]
        else:
            body = [f"    return fitted.predict_proba({rows})[:, {index}]"]
    elif metric.needs == "probabilities":
        what, body = "the class probabilities", [f"    return fitted.predict_proba({rows})"]
    else:
        what = "the predicted values" if metric.needs == "values" else "the predicted labels"
        body = [f"    return fitted.predict({rows})"]
    return [
        "def metric_input(fitted, rows):",
        f'    """What {metric.name} reads from a model: {what}."""',
        *body,
    ]


def _final_code(spec: CodeSpec) -> str:
    """Refit on train + validation, score the test rows once, with a bootstrap interval."""
    key, name = spec.metric, scoring.metric(spec.metric).name
    groups = (
        [
            f"# Rows of one {spec.group_column} are resampled together for the interval.",
            f"GROUPS = frame[{spec.group_column!r}].to_numpy()",
        ]
        if spec.group_column
        else ["GROUPS = None  # no repeated entity: rows are resampled one by one"]
    )
    return "\n".join(
        [
            "# Final evaluation, once, at the very end: refit the same pipeline on train +",
            "# validation, score the test rows, report the score with its 95% bootstrap",
            "# interval. Change anything because of this number and the test set becomes a",
            "# validation set.",
            "from sklearn.base import clone",
            "",
            "from lessons.uncertainty import bootstrap_interval, metric_function",
            "",
            "test = buckets.test[labelled[buckets.test]]",
            "final_rows = np.concatenate([train, valid])",
            "final_model = clone(model).fit(X.iloc[final_rows], y.iloc[final_rows])",
            f"score = metric_function({key!r}, {spec.task!r}, {_literal(spec.positive)})",
            *groups,
            "",
            "",
            *_metric_input_code(spec),
            "",
            "",
            "intervals = {}",
            'for name, fitted, rows in (("validation", model, valid), ("test", final_model, test)):',
            "    intervals[name] = bootstrap_interval(",
            "        score,",
            "        y.iloc[rows].to_numpy(),",
            "        metric_input(fitted, rows),",
            "        groups=None if GROUPS is None else GROUPS[rows],",
            f"        n_resamples={evaluation.RESAMPLES},",
            f"        random_state={SEED_NAME},",
            "    )",
            f'    print(f"{{name}}_{key}_low =", repr(intervals[name].low))',
            f'    print(f"{{name}}_{key}_high =", repr(intervals[name].high))',
            f'print("test_{key} =", repr(intervals["test"].score))',
            f'print("Validation {name}:", intervals["validation"].text(4))',
            f'print("Test {name}:", intervals["test"].text(4))',
        ]
    )


def final_score_lines(result: evaluation.FinalEvaluation) -> str:
    """The lines the script prints for the final evaluation, as the page computed them."""
    key = result.metric
    return "\n".join(
        [
            f"validation_{key}_low = {result.validation.low!r}",
            f"validation_{key}_high = {result.validation.high!r}",
            f"test_{key}_low = {result.test.low!r}",
            f"test_{key}_high = {result.test.high!r}",
            f"test_{key} = {result.test.score!r}",
            f"Validation {result.metric_name}: {result.validation.text(4)}",
            f"Test {result.metric_name}: {result.test.text(4)}",
        ]
    )


def sections(spec: CodeSpec) -> list[Section]:
    """The spine as code: imports, load, split, features, model, fit, evaluate."""
    source = (
        f"the built-in `{spec.dataset_name}` dataset"
        if spec.builtin
        else f"your CSV (`{spec.csv_path}`), parsed with ML Spine's loader"
    )
    sample = (
        f" The page trained on a seeded sample of {spec.row_cap:,} rows; so does this."
        if spec.row_cap
        else ""
    )
    metric = scoring.metric(spec.metric)
    return [
        Section("Imports", "scikit-learn for the model, ML Spine for data and split.", ""),
        Section("1. Load", f"Read {source}.{sample}", _load_code(spec)),
        Section(
            "2. Split",
            f"Train, validation and test rows with the `{spec.split_strategy}` strategy "
            "(lesson 2). The model learns from train; validation grades it.",
            _split_code(spec),
        ),
        Section(
            "3. Features",
            "Which columns go through which preprocessing branch, decided on the training "
            "rows. The transformer is fitted inside the pipeline, so it only ever learns "
            "medians, scales and categories from training rows.",
            _features_code(spec),
        ),
        Section(
            "4. Model",
            f"{training.MODELS[spec.model].label} after the preprocessing, as one pipeline.",
            _model_code(spec),
        ),
        Section(
            "5. Fit and predict",
            "The same two calls for every scikit-learn model: `fit` on training rows, "
            "`predict` on rows the model has not seen.",
            _fit_code(spec),
        ),
        Section(
            "6. Evaluate",
            f"{metric.name} on training and validation rows "
            f"({'higher' if metric.greater_is_better else 'lower'} is better). A large gap "
            "means the model memorised the training rows. Then, once, the final evaluation: "
            "the same pipeline refitted on train + validation and scored on the test rows, "
            "with 95% bootstrap intervals.",
            _evaluate_code(spec),
        ),
    ]


def _header(spec: CodeSpec) -> str:
    title = (
        f"# {training.MODELS[spec.model].label} on {spec.dataset_title}\n\n"
        f"Generated by ML Spine (lesson 4, Train live) with seed {spec.seed}. It prints the "
        f"train and validation {spec.metric} shown on the page.\n\n"
        "Save it in the ML Spine project folder and run it there with the project's "
        f"requirements installed (`python {file_stem(spec)}.py`, or open the notebook in "
        "Jupyter): Python then finds ML Spine's `lessons` package next to it."
    )
    if spec.framing is not None:
        title += "\n\n" + framing_markdown(spec.framing)
    return title


# ---------------------------------------------------------------------------------------------
# Script and notebook
# ---------------------------------------------------------------------------------------------


def script(spec: CodeSpec) -> str:
    """A runnable Python script of the whole spine."""
    header = _comment(_header(spec).replace("## ", "").replace("# ", "", 1))
    parts = [header, "", _imports(spec), "", f"{SEED_NAME} = {spec.seed}", ""]
    for section in sections(spec)[1:]:
        parts += [f"# %% {section.title}", _comment(section.prose), section.code, ""]
    return "\n".join(parts)


def _comment(text: str, width: int = 96) -> str:
    """Markdown text as wrapped ``#`` comment lines."""
    lines = []
    for paragraph in text.splitlines():
        indent = "  " if paragraph.startswith("- ") else ""
        wrapped = textwrap.wrap(paragraph, width, subsequent_indent=indent) or [""]
        lines += [f"# {line}".rstrip() for line in wrapped]
    return "\n".join(lines)


def notebook(spec: CodeSpec) -> str:
    """The same spine as a Jupyter notebook (nbformat 4), returned as JSON text."""
    cells = [_markdown_cell(_header(spec))]
    cells.append(_code_cell(f"{_imports(spec)}\n\n{SEED_NAME} = {spec.seed}"))
    for section in sections(spec)[1:]:
        cells.append(_markdown_cell(f"## {section.title}\n\n{section.prose}"))
        cells.append(_code_cell(section.code))
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    document = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    return lines


def _markdown_cell(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": _lines(text)}


def _code_cell(text: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": [],
        "source": _lines(text),
    }
