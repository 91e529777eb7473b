"""Ranking metrics query by query, for the bootstrap of ``lessons.uncertainty``.

A ranking metric is a mean over queries: resampling whole queries and averaging their
values is its bootstrap, with no ranking recomputed.
"""

from __future__ import annotations

import numpy as np

from lessons.scoring import ndcg_at_k as _ndcg
from lessons.scoring.extra_metrics import hit_at_k, map_at_k, mrr

# --- Ranking: one value per query -----------------------------------------------------------

_RANKING = {
    "ndcg_at_k": lambda rel, s, k, _: _ndcg(rel, s, k=k),
    "map_at_k": lambda rel, s, k, m: map_at_k(rel, s, k=k, min_relevance=m),
    "hit_at_k": lambda rel, s, k, m: hit_at_k(rel, s, k=k, min_relevance=m),
    "mrr": lambda rel, s, _, m: mrr(rel, s, min_relevance=m),
}


def per_query(
    key: str,
    relevance: np.ndarray,
    scores: np.ndarray,
    groups: np.ndarray,
    *,
    k: int,
    min_relevance: float,
) -> np.ndarray:
    """A ranking metric query by query; the metric itself is their mean.

    Resampling whole queries and averaging these values is the bootstrap of a ranking
    metric, without recomputing any ranking.
    """
    compute = _RANKING[key]
    return np.array(
        [
            compute(relevance[groups == query], scores[groups == query], k, min_relevance)
            for query in np.unique(groups)
        ]
    )


def mean_of_values(_: np.ndarray, values: np.ndarray) -> float:
    """The score function of per-query values: their mean."""
    return float(np.mean(values))
