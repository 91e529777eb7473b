"""One table, one model, one split, one seed: one validation score on every page.

Train (and the guided path, which calls the same fit), Metrics, Experiments and the exported
script all build their model from ``lessons.models`` and ``lessons.features``. This test fits
the linear model each page offers on every built-in dataset and checks that they agree.
"""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, r2_score, roc_auc_score

from lessons import datasets, experiments, scoring, splits, training
from lessons import metrics as lesson_metrics

SEED = 0
LINEAR = {
    "binary": "logistic_regression",
    "multiclass": "logistic_regression",
    "regression": "ridge",
}
METRICS_PAGE_NAME = {"binary": "logistic regression", "multiclass": "logistic regression"}


def _metrics_page_score(dataset, buckets) -> float:
    held = lesson_metrics.fit_held_out(dataset, buckets, random_state=SEED)
    name = METRICS_PAGE_NAME.get(dataset.task, "ridge")
    (model,) = [m for m in held.models if m.name == name]
    if dataset.task == "binary":
        return float(roc_auc_score(held.y_true, model.prediction))
    if dataset.task == "multiclass":
        return float(accuracy_score(held.y_true, model.prediction.argmax(axis=1)))
    return float(r2_score(held.y_true, model.prediction))


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_the_same_model_split_and_seed_score_the_same_on_every_page(name):
    dataset = datasets.load(name, SEED)
    metric = scoring.DEFAULT_METRIC[dataset.task]
    model = LINEAR[dataset.task]

    prepared = training.prepare(dataset, random_state=SEED)
    train_page = training.fit(prepared, model, {}, metric, random_state=SEED).validation_score

    buckets = splits.make_buckets(dataset, None, random_state=SEED)
    assert np.array_equal(buckets.validation, prepared.buckets.validation), "one default split"
    metrics_page = _metrics_page_score(dataset, buckets)
    experiments_page = experiments.quick_run(dataset, buckets, "linear", {"C": 1.0})[
        f"validation_{metric}"
    ]

    assert metrics_page == pytest.approx(train_page, abs=1e-9), "Metrics differs from Train"
    assert experiments_page == round(train_page, 4), "Experiments differs from Train"
