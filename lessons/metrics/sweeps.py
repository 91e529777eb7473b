"""Experiments on seeded synthetic data: where each metric lies (imbalance, outliers, values
near zero, blended rankings) and comparing models on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import norm
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    f1_score,
    mean_absolute_error,
    mean_absolute_percentage_error,
    recall_score,
    roc_auc_score,
    root_mean_squared_error,
)

from lessons import scoring, uncertainty
from lessons.metrics import noise
from lessons.metrics.held_out import HeldOutPredictions, score_held_out
from lessons.scoring import fast, score_ranking, smape
from lessons.uncertainty import Comparison, paired_bootstrap

# --- Experiments on seeded synthetic data -----------------------------------------------

IMBALANCE_LEVELS: tuple[float, ...] = (0.5, 0.3, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001)


def imbalance_sweep(
    prevalences: Sequence[float] = IMBALANCE_LEVELS,
    *,
    n_rows: int = 10_000,
    separation: float = 1.5,
) -> pd.DataFrame:
    """Score "always predict the majority" and a real model as positives get rarer.

    For each prevalence there are ``n_rows`` rows with exactly that share of positives. One
    feature is normally distributed, shifted by ``separation`` standard deviations for
    positives; its values are the evenly spaced quantiles of each class's distribution, so
    the curves show expected values with no sampling noise (and need no seed). The real
    model outputs the exact posterior probability: the best any model could do with it.

    Returns
    -------
    pandas.DataFrame
        Columns ``prevalence``, ``model``, ``metric`` (registry key) and ``value``.
    """
    rows = []
    for prevalence in prevalences:
        n_pos = max(1, round(prevalence * n_rows))
        n_neg = n_rows - n_pos
        y = np.r_[np.ones(n_pos, dtype=int), np.zeros(n_neg, dtype=int)]
        x = np.r_[
            separation + norm.ppf((np.arange(n_pos) + 0.5) / n_pos),
            norm.ppf((np.arange(n_neg) + 0.5) / n_neg),
        ]
        prior = np.log(n_pos / n_neg)
        real = 1 / (1 + np.exp(-(separation * x - separation**2 / 2 + prior)))
        majority = np.full(n_rows, n_pos / n_rows)
        for model, score in (("always the majority", majority), ("real model", real)):
            # "Always the majority" always answers no, even at 50 % where it is a coin toss.
            flagged = (score >= 0.5).astype(int) if model == "real model" else np.zeros_like(y)
            values = {
                "accuracy": accuracy_score(y, flagged),
                "recall": recall_score(y, flagged, zero_division=0),
                "f1": f1_score(y, flagged, zero_division=0),
                "roc_auc": roc_auc_score(y, score),
                "pr_auc": average_precision_score(y, score),
            }
            rows += [
                {"prevalence": prevalence, "model": model, "metric": key, "value": float(value)}
                for key, value in values.items()
            ]
    return pd.DataFrame(rows)


OUTLIER_SHARES: tuple[float, ...] = tuple(np.round(np.arange(0, 0.205, 0.01), 2))


@dataclass(frozen=True)
class OutlierSample:
    """A regression sample, its predictions, and which actuals were corrupted."""

    x: np.ndarray
    y_true: np.ndarray
    y_pred: np.ndarray
    is_outlier: np.ndarray


def outlier_sample(
    share: float, *, n_rows: int = 400, magnitude: float = 40.0, random_state: int = 0
) -> OutlierSample:
    """A clean line ``y = 2 + 3x + noise`` predicted well, then a share of actuals corrupted.

    The predictions stay the same; only the actuals change (typos, sensor glitches), so any
    move in a metric comes from the outliers alone. The same rows are corrupted first at
    every share, so the sweep is smooth.
    """
    rng = np.random.default_rng(random_state)
    x = rng.uniform(0, 10, n_rows)
    clean = 2 + 3 * x + rng.normal(0, 1.5, n_rows)
    prediction = 2 + 3 * x
    corrupted = rng.permutation(n_rows)[: round(share * n_rows)]
    is_outlier = np.zeros(n_rows, dtype=bool)
    is_outlier[corrupted] = True
    jumps = magnitude * rng.choice([-1.0, 1.0], n_rows) * rng.uniform(0.5, 1.5, n_rows)
    return OutlierSample(x, np.where(is_outlier, clean + jumps, clean), prediction, is_outlier)


def outlier_sweep(
    shares: Sequence[float] = OUTLIER_SHARES, *, random_state: int = 0
) -> pd.DataFrame:
    """RMSE and MAE of the same predictions as the share of corrupted actuals grows.

    Returns
    -------
    pandas.DataFrame
        Columns ``share``, ``rmse`` and ``mae``.
    """
    rows = []
    for share in shares:
        sample = outlier_sample(share, random_state=random_state)
        rows.append(
            {
                "share": share,
                "rmse": root_mean_squared_error(sample.y_true, sample.y_pred),
                "mae": mean_absolute_error(sample.y_true, sample.y_pred),
            }
        )
    return pd.DataFrame(rows)


NEAR_ZERO_LEVELS: tuple[float, ...] = (100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5, 0.2)


def near_zero_sweep(
    levels: Sequence[float] = NEAR_ZERO_LEVELS, *, n_days: int = 365, random_state: int = 0
) -> pd.DataFrame:
    """MAPE, sMAPE and MAE of forecasts with the same absolute errors at shrinking levels.

    Daily actuals swing ±80 % around ``level`` with a weekly pattern, so they approach zero
    as the level falls but never reach it; every forecast is off by the same noise (one
    unit on average), whatever the level.

    Returns
    -------
    pandas.DataFrame
        Columns ``level``, ``mape``, ``smape`` and ``mae``.
    """
    rng = np.random.default_rng(random_state)
    errors = rng.normal(0, 1.25, n_days)
    pattern = 1 + 0.8 * np.sin(2 * np.pi * np.arange(n_days) / 7)
    rows = []
    for level in levels:
        actual = level * pattern
        forecast = actual + errors
        rows.append(
            {
                "level": level,
                "mape": mean_absolute_percentage_error(actual, forecast),
                "smape": smape(actual, forecast),
                "mae": mean_absolute_error(actual, forecast),
            }
        )
    return pd.DataFrame(rows)


BLEND_WEIGHTS: tuple[float, ...] = tuple(np.round(np.linspace(0, 1, 11), 2))


def blend_scores(
    model_scores: Sequence[float], groups: Sequence[object], weight: float, *, random_state: int = 0
) -> np.ndarray:
    """Mix the model's order with a random order, query by query.

    Both are turned into within-query rank percentiles first, so ``weight`` 0 is the model,
    1 is a shuffle, and values between degrade the ranking gradually.
    """
    frame = pd.DataFrame(
        {
            "group": np.asarray(groups),
            "model": np.asarray(model_scores, dtype=float),
            "noise": np.random.default_rng(random_state).random(len(model_scores)),
        }
    )
    ranks = frame.groupby("group")[["model", "noise"]].rank(pct=True)
    return ((1 - weight) * ranks["model"] + weight * ranks["noise"]).to_numpy()


def ranking_blend_sweep(
    relevance: Sequence[float],
    model_scores: Sequence[float],
    groups: Sequence[object],
    *,
    weights: Sequence[float] = BLEND_WEIGHTS,
    k: int = 5,
    min_relevance: float = 1,
    random_state: int = 0,
) -> pd.DataFrame:
    """NDCG@k, MAP@k, hit@k and MRR as the model's order is blended with a random one.

    Returns
    -------
    pandas.DataFrame
        Columns ``weight``, ``metric`` (registry key), ``label`` and ``value``.
    """
    rows = []
    for weight in weights:
        blended = blend_scores(model_scores, groups, weight, random_state=random_state)
        for s in score_ranking(relevance, blended, groups, k=k, min_relevance=min_relevance):
            rows.append({"weight": weight, "metric": s.key, "label": s.label, "value": s.value})
    return pd.DataFrame(rows)


def compare_models(
    held_out: HeldOutPredictions,
    *,
    threshold: float = 0.5,
    k: int = 100,
    min_relevance: float = 1,
    random_state: int = 0,
    thresholded: bool | None = None,
) -> pd.DataFrame:
    """Every model under every metric, and the winner of each when it is more than noise.

    ``thresholded``: None for every metric; True (False) for only the metrics the decision
    threshold changes (does not change), keeping their rows' index in the full table. A page
    whose threshold follows each learner's costs bootstraps the threshold-free metrics, the
    costly part, once for all of them.

    The best model of each metric is compared with the runner-up on the same validation
    rows (a paired bootstrap, ``lessons.uncertainty.paired_bootstrap``; whole entities when
    the data has an entity column, whole queries for ranking). It is crowned only when the interval of the difference excludes zero.

    Returns
    -------
    pandas.DataFrame
        One row per metric: ``metric`` (label), ``key``, ``greater_is_better``, one column
        per model, ``best`` and ``runner_up`` (names, empty when undefined or all equal), ``low`` and
        ``high`` (the 95 % interval of best minus runner-up), and ``winner``: ``best`` when
        the difference is real, else empty.
    """
    table: dict[str, dict[str, object]] = {}
    for model in held_out.models:
        scores = score_held_out(
            held_out, model, threshold=threshold, k=k, min_relevance=min_relevance
        )
        for s in scores:
            row = table.setdefault(
                s.label, {"metric": s.label, "key": s.key, "greater_is_better": s.greater_is_better}
            )
            row[model.name] = s.value
    frame = pd.DataFrame(list(table.values()))
    if thresholded is not None:
        changes = frame["key"].map(lambda key: scoring.metric(str(key)).thresholded)
        frame = frame[changes == thresholded]
    names = [m.name for m in held_out.models]
    verdicts = _verdicts(held_out, frame, names, threshold, k, min_relevance, random_state)
    frame["best"] = [v[0] for v in verdicts]
    frame["runner_up"] = [v[1] for v in verdicts]
    frame["low"] = [v[2].low if v[2] else np.nan for v in verdicts]
    frame["high"] = [v[2].high if v[2] else np.nan for v in verdicts]
    frame["winner"] = [v[2].better or "" if v[2] else "" for v in verdicts]
    return frame


def _top_two(row: pd.Series, names: list[str]) -> tuple[str, str] | None:
    values = pd.to_numeric(row[names], errors="coerce").dropna()
    if len(values) < 2 or values.nunique() == 1:
        return None  # undefined, or every model scores exactly the same
    ordered = values.sort_values(ascending=not row["greater_is_better"])
    return str(ordered.index[0]), str(ordered.index[1])


def _verdicts(
    held_out: HeldOutPredictions,
    frame: pd.DataFrame,
    names: list[str],
    threshold: float,
    k: int,
    min_relevance: float,
    random_state: int,
) -> list[tuple[str, str, Comparison | None]]:
    """Per metric row: the best model, the runner-up and their paired comparison."""
    if held_out.problem == "ranking" and held_out.groups is not None:
        return [
            _verdict(held_out, row, names, threshold, k, min_relevance, random_state)
            for _, row in frame.iterrows()
        ]
    predictions = {m.name: m.prediction for m in held_out.models}
    scale = (
        fast.mase_scale(held_out.y_train, held_out.seasonality, held_out.train_groups)
        if (frame["key"] == "mase").any()
        else None
    )
    pairs, tops = {}, {}
    for index, row in frame.iterrows():
        top = _top_two(row, names)
        tops[index] = top
        score = fast.score_function(
            str(row["key"]), held_out.task, threshold=threshold, k=k, mase_scale=scale
        )
        if top is not None and score is not None:
            pairs[index] = (
                score,
                predictions[top[0]],
                predictions[top[1]],
                bool(row["greater_is_better"]),
                top,
            )
    # A customer's rows move together: resampling them one by one would count one
    # customer's months as independent witnesses and make the interval too narrow.
    entities = held_out.groups if held_out.problem != "forecasting" else None
    compared = uncertainty.paired_bootstraps(
        pairs, held_out.y_true, groups=entities, random_state=random_state
    )
    return [
        ("", "", None) if tops[index] is None else (*tops[index], compared.get(index))
        for index in frame.index
    ]


def _verdict(
    held_out: HeldOutPredictions,
    row: pd.Series,
    names: list[str],
    threshold: float,
    k: int,
    min_relevance: float,
    random_state: int,
) -> tuple[str, str, Comparison | None]:
    """A ranking metric: best, runner-up and their comparison, resampling whole queries."""
    top = _top_two(row, names)
    if top is None:
        return "", "", None
    predictions = {m.name: m.prediction for m in held_out.models}
    per_query = [
        noise.per_query(
            str(row["key"]),
            held_out.y_true,
            predictions[name],
            held_out.groups,
            k=k,
            min_relevance=min_relevance,
        )
        for name in top
    ]
    comparison = paired_bootstrap(
        noise.mean_of_values,
        np.zeros(len(per_query[0])),
        *per_query,
        greater_is_better=bool(row["greater_is_better"]),
        names=top,
        random_state=random_state,
    )
    return *top, comparison
