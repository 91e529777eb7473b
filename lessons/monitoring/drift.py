"""Drift statistics: PSI, KS, chi-square and Jensen-Shannon, per feature and on big samples."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial.distance import jensenshannon

from lessons.monitoring.settings import (
    JS_ALERT,
    MAX_PSI_BINS,
    MIN_PSI_BINS,
    PSI_MAJOR,
    PSI_MODERATE,
)

# --------------------------------------------------------------------------------------------
# Drift statistics
# --------------------------------------------------------------------------------------------


def psi(reference: Sequence[float], current: Sequence[float], bins: int | None = None) -> float:
    """Population stability index of a numeric feature, on quantile bins of the reference.

    ``PSI = sum((c - r) * ln(c / r))`` over bins, with ``r`` and ``c`` the share of the
    reference and current rows in each bin. Empty bins get a share of 1e-4, so one empty
    bin does not make the index infinite. By convention, under 0.1 is stable, 0.1 to 0.25 a
    moderate shift, over 0.25 a major one.

    ``bins`` defaults to ``psi_bins(len(reference), len(current))``: up to ten (deciles), fewer
    on small samples, so that sampling noise alone cannot look like a shift.
    """
    reference = _finite(reference)
    current = _finite(current)
    if len(reference) == 0 or len(current) == 0:
        return math.nan
    bins = bins or psi_bins(len(reference), len(current))
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, bins + 1)[1:-1]))
    ref_share = np.bincount(
        np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1
    )
    cur_share = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1)
    return _psi_from_counts(ref_share, cur_share)


def psi_bins(n_reference: int, n_current: int) -> int:
    """Quantile bins for a PSI whose pure-noise value stays under half the "moderate" line.

    Two samples of one distribution still differ by chance: with ``B`` bins the PSI between
    them is about ``(B - 1) * (1 / n_reference + 1 / n_current)`` (it is a chi-square
    statistic in disguise). Deciles on 600 rows against 7,000 give about 0.016; on 90 rows
    against 90 they would give 0.2, a false "moderate" shift. So the bins shrink with the
    samples, from ten down to ``MIN_PSI_BINS``.
    """
    noise_per_bin = 1 / max(n_reference, 1) + 1 / max(n_current, 1)
    return int(np.clip(1 + PSI_MODERATE / 2 / noise_per_bin, MIN_PSI_BINS, MAX_PSI_BINS))


def psi_categorical(reference: Sequence[object], current: Sequence[object]) -> float:
    """PSI over categories (a category unseen in one sample counts as a tiny share there)."""
    ref_counts, cur_counts = _category_counts(reference, current)
    return _psi_from_counts(ref_counts, cur_counts)


def _psi_from_counts(reference_counts: np.ndarray, current_counts: np.ndarray) -> float:
    r = np.clip(reference_counts / reference_counts.sum(), 1e-4, None)
    c = np.clip(current_counts / current_counts.sum(), 1e-4, None)
    return float(np.sum((c - r) * np.log(c / r)))


def ks(reference: Sequence[float], current: Sequence[float]) -> tuple[float, float]:
    """Two-sample Kolmogorov-Smirnov: the largest gap between the two ECDFs, and its p-value."""
    # scipy's ks_2samp (method="asymp") computed directly: the statistic from the two sorted
    # samples, the p-value from Smirnov's distribution. The wrapper's overhead dominated a
    # simulation that runs this for every feature, month and model version.
    a, b = np.sort(_finite(reference)), np.sort(_finite(current))
    if len(a) == 0 or len(b) == 0:
        return math.nan, math.nan
    both = np.concatenate([a, b])
    gap = np.searchsorted(a, both, side="right") / len(a) - np.searchsorted(
        b, both, side="right"
    ) / len(b)
    statistic = float(np.max(np.abs(gap)))
    m, n = sorted([float(len(a)), float(len(b))], reverse=True)
    p_value = float(np.clip(stats.kstwo.sf(statistic, np.round(m * n / (m + n))), 0, 1))
    return statistic, p_value


def chi_square(reference: Sequence[object], current: Sequence[object]) -> tuple[float, float]:
    """Chi-square test of independence between sample (reference/current) and category."""
    ref_counts, cur_counts = _category_counts(reference, current)
    keep = (ref_counts + cur_counts) > 0
    table = np.vstack([ref_counts[keep], cur_counts[keep]])
    if table.shape[1] < 2:
        return 0.0, 1.0
    statistic, p_value, _, _ = stats.chi2_contingency(table, correction=False)
    return float(statistic), float(p_value)


def jensen_shannon(reference: Sequence[object], current: Sequence[object]) -> float:
    """Jensen-Shannon distance (base 2, from 0 for identical mixes to 1 for disjoint ones)."""
    ref_counts, cur_counts = _category_counts(reference, current)
    return float(jensenshannon(ref_counts, cur_counts, base=2))


def _finite(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    return array[np.isfinite(array)]


def _category_counts(
    reference: Sequence[object], current: Sequence[object]
) -> tuple[np.ndarray, np.ndarray]:
    return _aligned(_counts(reference), _counts(current))


def _aligned(ref: pd.Series, cur: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    categories = sorted(set(ref.index) | set(cur.index))
    return (
        ref.reindex(categories, fill_value=0).to_numpy(dtype=float),
        cur.reindex(categories, fill_value=0).to_numpy(dtype=float),
    )


def _counts(values: Sequence[object]) -> pd.Series:
    counts = pd.Series(np.asarray(values, dtype=object)).value_counts(dropna=False)
    counts.index = ["(missing)" if pd.isna(v) else str(v) for v in counts.index]
    return counts.groupby(level=0).sum()


def drift_alert(drift: Sequence[FeatureDrift]) -> bool:
    """An input alert: a major PSI, or a category mix twice the Jensen-Shannon threshold."""
    return any(
        d.status == "major" or (d.kind == "categorical" and d.js >= 2 * JS_ALERT) for d in drift
    )


def psi_status(value: float) -> str:
    """The PSI convention in words."""
    if not math.isfinite(value) or value < PSI_MODERATE:
        return "stable"
    return "moderate" if value < PSI_MAJOR else "major"


@dataclass(frozen=True)
class FeatureDrift:
    """How far one feature moved from the training window.

    Attributes
    ----------
    feature : str
    kind : {"numeric", "categorical"}
    psi : float
    test : {"KS", "chi-square"}
        The statistical test used for this kind of feature.
    statistic : float
        KS's D (largest ECDF gap) or the chi-square statistic.
    p_value : float
    js : float
        Jensen-Shannon distance (categorical features; NaN for numeric ones).
    """

    feature: str
    kind: str
    psi: float
    test: str
    statistic: float
    p_value: float
    js: float = math.nan

    @property
    def status(self) -> str:
        status = psi_status(self.psi)
        if self.kind == "categorical" and self.js >= JS_ALERT and status == "stable":
            return "moderate"
        return status


def feature_drift(
    reference: pd.DataFrame,
    current: pd.DataFrame,
    numeric: Sequence[str],
    categorical: Sequence[str],
    *,
    prepared: dict[str, pd.Series] | None = None,
    bins: int | None = None,
) -> tuple[FeatureDrift, ...]:
    """Drift statistics of every feature, current month against the training window.

    ``prepared`` may hold the reference's category counts per categorical feature
    (``reference_counts``), so a simulation counts the training window once, not monthly.
    ``bins`` are the numeric PSI's quantile bins (default: ``psi_bins`` on the two lengths).
    """
    prepared = prepared if prepared is not None else reference_counts(reference, categorical)
    rows = []
    for column in numeric:
        statistic, p_value = ks(reference[column], current[column])
        rows.append(
            FeatureDrift(
                column,
                "numeric",
                psi(reference[column], current[column], bins),
                "KS",
                statistic,
                p_value,
            )
        )
    for column in categorical:
        ref, cur = _aligned(prepared[column], _counts(current[column]))
        keep = (ref + cur) > 0
        if keep.sum() >= 2:
            statistic, p_value = (
                float(v)
                for v in stats.chi2_contingency(
                    np.vstack([ref[keep], cur[keep]]), correction=False
                )[:2]
            )
        else:
            statistic, p_value = 0.0, 1.0
        rows.append(
            FeatureDrift(
                column,
                "categorical",
                _psi_from_counts(ref, cur),
                "chi-square",
                statistic,
                p_value,
                float(jensenshannon(ref, cur, base=2)),
            )
        )
    return tuple(rows)


def reference_counts(reference: pd.DataFrame, categorical: Sequence[str]) -> dict[str, pd.Series]:
    """Category counts of the training window, per categorical feature."""
    return {column: _counts(reference[column]) for column in categorical}


@dataclass(frozen=True)
class SampleSizeRow:
    """The same small shift measured on samples of one size."""

    n: int
    psi: float
    ks_p_value: float


def p_values_on_big_samples(
    shift: float = 0.05, sizes: Sequence[int] = (500, 5_000, 50_000, 500_000), random_state: int = 0
) -> tuple[SampleSizeRow, ...]:
    """A fixed, tiny shift (``shift`` standard deviations) measured at growing sample sizes.

    PSI describes the size of the shift and stays about the same; the KS p-value answers
    "is there any shift at all?" and, with enough rows, says yes to a shift nobody cares about.
    """
    rng = np.random.default_rng(random_state)
    rows = []
    for n in sizes:
        reference = rng.normal(0.0, 1.0, n)
        current = rng.normal(shift, 1.0, n)
        rows.append(SampleSizeRow(n, psi(reference, current), ks(reference, current)[1]))
    return tuple(rows)
