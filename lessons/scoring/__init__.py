"""The metric registry: the one vocabulary of scores every page, the guided path and the export use.

Every metric has a key (``"pr_auc"``, ``"rmse"``...) that the lessons, the run log and the code
generator use to name it. ``REGISTRY`` maps each key to a small ``Metric`` record: its name, its
direction, the tasks it applies to, what it needs from a model (hard labels at a threshold, or
scores) and the scikit-learn scorer when one exists. scikit-learn's implementation is used
wherever one exists; what scikit-learn lacks (sMAPE, MASE, precision@k, recall@k, MAP@k, hit@k,
MRR) is written once here.

Ties in a ranking are broken *against* the model: among equal scores the less relevant
item is placed first. A constant score therefore earns no credit and the result never
depends on the order of the rows. (NDCG comes from scikit-learn, which averages over tied
orders instead.)
"""

from lessons.scoring.extra_metrics import (
    hit_at_k,
    map_at_k,
    mase,
    mrr,
    naive_scale,
    ndcg_at_k,
    precision_at_k,
    recall_at_k,
    smape,
)
from lessons.scoring.registry import (
    CLASSIFICATION,
    DEFAULT_METRIC,
    KINDS,
    REGISTRY,
    SIDE_BY_SIDE,
    TASKS,
    Metric,
    metric,
    scorable,
    scorer,
    scorer_kwargs,
)
from lessons.scoring.tables import (
    MetricScore,
    score_binary,
    score_forecast,
    score_multiclass,
    score_ranking,
    score_regression,
)

__all__ = [
    "CLASSIFICATION",
    "DEFAULT_METRIC",
    "KINDS",
    "REGISTRY",
    "SIDE_BY_SIDE",
    "TASKS",
    "Metric",
    "MetricScore",
    "hit_at_k",
    "map_at_k",
    "mase",
    "metric",
    "mrr",
    "naive_scale",
    "ndcg_at_k",
    "precision_at_k",
    "recall_at_k",
    "scorable",
    "score_binary",
    "score_forecast",
    "score_multiclass",
    "score_ranking",
    "score_regression",
    "scorer",
    "scorer_kwargs",
    "smape",
]
