"""Misses of the audit corpus batch 19, fixed on 3 December 2026 (the fifth session), each on a
small synthetic table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _firm_panel(seed: int, n_firms: int = 300, years: int = 5) -> pd.DataFrame:
    """Firms with five years each, in (firm, year) order: this year's patents, last year's and
    the year before's (honest lags), and the firm's total over a span covering every year."""
    rng = np.random.default_rng(seed)
    level = rng.gamma(1.0, 30, n_firms)
    history = rng.poisson(np.repeat(level, years + 2).reshape(n_firms, years + 2))
    rows = []
    for firm in range(n_firms):
        for t in range(years):
            now = t + 2
            rows.append(
                {
                    "firm": f"F{firm:04d}",
                    "year": 1975 + t,
                    "logr": np.log1p(level[firm]) + rng.normal(0, 0.3),
                    "pat1": history[firm, now - 1],
                    "pat2": history[firm, now - 2],
                    "total_pat": history[firm].sum(),
                    "pat": history[firm, now],
                }
            )
    return pd.DataFrame(rows)


def _by_kind(report, column):
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


@pytest.mark.parametrize("seed", SEEDS)
def test_lags_of_the_target_in_a_panel_of_five_years_are_questions_not_leaks(seed):
    # Every fifth row is a firm's first year, whose lag lies before the table: a strided
    # sample of rows saw only those and never found the lag.
    report = audit(_firm_panel(seed), "pat")
    assert (report.time_column, report.group_column) == ("year", "firm")
    for lag in ("pat1", "pat2"):
        findings = _by_kind(report, lag)
        assert findings and all(f.severity == "medium" for f in findings), lag
        assert findings[0].evidence["lag"]["share"] >= 0.99
    assert _by_kind(report, "total_pat")


def _crashes(seed: int, n: int = 450, *, honest: bool = False) -> pd.DataFrame:
    """Fatal crashes in date order: a death toll with a heavy tail, the people aboard (known
    before) and a casualty band from the accident summary (5 % one band off)."""
    rng = np.random.default_rng(seed)
    aboard = np.round(rng.lognormal(3.5, 1.1, n)).astype(int) + 2
    deaths = np.maximum(1, np.round(aboard * rng.beta(2, 1.2, n))).astype(int)
    edges = [0, 4, 9, 19, 49, 99, 149, 199, 299, 499]
    labels = ["1-4", "5-9", "10-19", "20-49", "50-99", "100-149", "150-199", "200-299"]
    labels += ["300-499", "500+"]
    band = np.searchsorted(edges, deaths, side="left") - 1
    slip = rng.random(n) < 0.05
    band = np.clip(band + np.where(slip, rng.choice([-1, 1], n), 0), 0, 9)
    frame = pd.DataFrame(
        {
            "date": pd.date_range("1993-01-01", periods=n, freq="17D"),
            "phase": rng.choice(["landing", "en route", "take-off"], n),
            "aboard": aboard,
            "Fatalities": deaths,
        }
    )
    if honest:
        # A size class set before the flight: it sorts the aircraft, not the deaths.
        frame["size_class"] = np.array(["small", "medium", "large"])[
            np.searchsorted([40, 150], aboard)
        ]
    else:
        frame["casualty_band"] = np.array(labels)[band]
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_band_of_a_heavy_tailed_target_is_asked_about(seed):
    frame = _crashes(seed)
    report = audit(frame, "Fatalities")
    findings = _by_kind(report, "casualty_band")
    assert findings, [(f.kind, f.columns, f.severity) for f in report.findings]
    finding = findings[0]
    assert finding.severity == "medium"
    assert finding.evidence["check"] == "its values sort the target's ranks"
    assert finding.evidence["band"]["rank_r2"] >= 0.8
    # On the target's own values the band looks weak: that is why it had gone unseen.
    assert finding.evidence["score_alone"] < finding.evidence["band"]["rank_r2"]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_size_class_known_before_is_not_a_band(seed):
    report = audit(_crashes(seed, honest=True), "Fatalities")
    assert not _by_kind(report, "size_class")
    assert not _by_kind(report, "aboard") or all(
        f.severity != "high" for f in _by_kind(report, "aboard")
    )
