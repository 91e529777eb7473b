"""Metrics: the app's shared vocabulary of scores, and the experiments of lesson 5.

Every metric has a key (``"pr_auc"``, ``"rmse"``...) that the other lessons use to name it,
for example the metric suggested in lesson 1 (``FramingChoice.metric``). ``REGISTRY`` maps
each key to a small ``Metric`` record. scikit-learn's implementation is used wherever one
exists; what scikit-learn lacks (sMAPE, MASE, precision@k, recall@k, MAP@k, hit@k, MRR) is
written once here.

Ties in a ranking are broken *against* the model: among equal scores the less relevant
item is placed first. A constant score therefore earns no credit and the result never
depends on the order of the rows. (NDCG comes from scikit-learn, which averages over tied
orders instead.)
"""

from lessons.metrics.guide import (
    GUIDE,
    IMBALANCED_BELOW,
    GuideRow,
    guide_metric,
    guide_row_for,
    metric_label,
)
from lessons.metrics.held_out import (
    HeldOutPredictions,
    ModelPredictions,
    fit_held_out,
    fit_quantile,
    score_held_out,
    seasonality_for,
)
from lessons.metrics.sweeps import (
    BLEND_WEIGHTS,
    IMBALANCE_LEVELS,
    NEAR_ZERO_LEVELS,
    OUTLIER_SHARES,
    OutlierSample,
    blend_scores,
    compare_models,
    imbalance_sweep,
    near_zero_sweep,
    outlier_sample,
    outlier_sweep,
    ranking_blend_sweep,
)
from lessons.metrics.threshold import Curves, OperatingPoint, curves, operating_point

__all__ = [
    "BLEND_WEIGHTS",
    "GUIDE",
    "IMBALANCED_BELOW",
    "IMBALANCE_LEVELS",
    "NEAR_ZERO_LEVELS",
    "OUTLIER_SHARES",
    "Curves",
    "GuideRow",
    "HeldOutPredictions",
    "ModelPredictions",
    "OperatingPoint",
    "OutlierSample",
    "blend_scores",
    "compare_models",
    "curves",
    "fit_held_out",
    "fit_quantile",
    "guide_metric",
    "guide_row_for",
    "imbalance_sweep",
    "metric_label",
    "near_zero_sweep",
    "operating_point",
    "outlier_sample",
    "outlier_sweep",
    "ranking_blend_sweep",
    "score_held_out",
    "seasonality_for",
]
