"""Lesson 4, Train live: fit on training rows, score on held-out rows, see the loss fall.

Every model here is a scikit-learn ``Pipeline``: the app's one preprocessing
(``lessons.features.TablePreprocessor``: impute, scale, encode, with column roles learned on the
training rows), then an estimator. The pipeline is fitted on training rows only; the validation
rows are only ever passed to ``predict`` (or a scorer). The same roles and estimator settings are
rendered as code by ``lessons.codegen``, so the script a learner downloads reproduces the score.

The lesson is a package: ``fitting`` (the row cap, the split, one fit and the baseline),
``curves`` (the SGD loss, learning and validation curves) and ``surface`` (the decision
boundary). The model registry lives in ``lessons.models`` and is re-exported here for the pages.
"""

from lessons.models import MODELS, check_params, estimator_kind, make_estimator, model_pipeline
from lessons.training.compare import (
    Encoded,
    GapNoise,
    baseline_encoded,
    compare_encoded,
    gap_noise,
    interval,
)
from lessons.training.curves import (
    LEARNING_RATES,
    Curve,
    LossCurve,
    learning_curve,
    sgd_loss_curve,
    validation_curve,
)
from lessons.training.fitting import (
    BASELINE_NAME,
    CURVE_MAX_ROWS,
    DEFAULT_ROW_CAP,
    TRAIN_SCORE_MAX_ROWS,
    FitResult,
    Prepared,
    baseline,
    cap_rows,
    fit,
    metric_options,
    prepare,
    single_threaded,
    train_score_rows,
    usable_metric,
    versus_baseline,
)
from lessons.training.surface import Surface, boundary_features, decision_surface

__all__ = [
    "BASELINE_NAME",
    "CURVE_MAX_ROWS",
    "DEFAULT_ROW_CAP",
    "LEARNING_RATES",
    "MODELS",
    "TRAIN_SCORE_MAX_ROWS",
    "Curve",
    "Encoded",
    "FitResult",
    "GapNoise",
    "LossCurve",
    "Prepared",
    "Surface",
    "baseline",
    "baseline_encoded",
    "boundary_features",
    "cap_rows",
    "check_params",
    "compare_encoded",
    "decision_surface",
    "estimator_kind",
    "fit",
    "gap_noise",
    "interval",
    "learning_curve",
    "make_estimator",
    "metric_options",
    "model_pipeline",
    "prepare",
    "sgd_loss_curve",
    "single_threaded",
    "train_score_rows",
    "usable_metric",
    "validation_curve",
    "versus_baseline",
]
