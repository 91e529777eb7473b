"""Misses of the audit corpus batch 23, fixed on 4 December 2026, each on a small synthetic
table of its shape, with an honest counter-case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _checked(report, check):
    return [f for f in report.findings if str(f.evidence.get("check", "")).startswith(check)]


def _students(seed: int, n: int = 3000, prefixes: dict | None = None) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    math = rng.normal(50, 10, n)
    graduated = rng.random(n) < 1 / (1 + np.exp(-(2.5 + 0.08 * (math - 50))))
    if prefixes is None:
        # The record's reference names the file it was pulled from after the outcome.
        pulled = np.where(
            graduated,
            rng.choice(["HSD", "XFR", "DRP"], n, p=[0.9, 0.08, 0.02]),
            rng.choice(["HSD", "XFR", "DRP"], n, p=[0.05, 0.1, 0.85]),
        )
    else:
        pulled = rng.choice(list(prefixes), n)
    numbers = rng.permutation(900000)[:n] + 100000
    return pd.DataFrame(
        {
            "record_ref": [f"{p}-{k}" for p, k in zip(pulled, numbers, strict=True)],
            "math8": math.round(1),
            "female": rng.integers(0, 2, n),
            "graduated": np.where(graduated, "yes", "no"),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_identifier_whose_leading_code_names_the_outcome_s_file_is_asked_about(seed):
    report = audit(_students(seed), "graduated")
    found = _checked(report, "telling prefix")
    assert found and found[0].columns == ("record_ref",) and found[0].severity == "medium"
    assert set(found[0].evidence["prefixes"]) == {"HSD", "XFR", "DRP"}
    assert found[0].evidence["score_alone"] >= 0.9


@pytest.mark.parametrize("seed", SEEDS)
def test_an_identifier_with_a_meaningless_leading_code_is_not_asked_about(seed):
    report = audit(_students(seed, prefixes={"NE": 1, "SW": 1, "MW": 1}), "graduated")
    assert not _checked(report, "telling prefix")


def _air(seed: int, n: int = 450, filled: float = 0.2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.date_range("2011-01-01", periods=n // 2, freq="D").repeat(2)[:n]
    pm25 = np.clip(rng.gamma(3, 3.5, n), 0.5, None).round(1)
    # An index computed from the reading, reported on some days only.
    aqi = np.where(rng.random(n) < filled, np.round(4.17 * pm25), np.nan)
    return pd.DataFrame(
        {
            "date": days,
            "instrument": np.tile([1, 3], n // 2 + 1)[:n],
            "temperature": (15 + 10 * np.sin(np.arange(n) / 58) + rng.normal(0, 3, n)).round(1),
            "aqi": aqi,
            "pm25": pm25,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_an_index_of_the_target_filled_on_a_fifth_of_the_days_is_asked_about(seed):
    report = audit(_air(seed), "pm25")
    found = _checked(report, "copy where filled")
    assert [f.columns for f in found] == [("aqi",)], [
        (f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert found[0].evidence["rank_correlation"] >= 0.99


@pytest.mark.parametrize("seed", SEEDS)
def test_an_honest_sparse_reading_is_no_copy(seed):
    # Yesterday's reading on the days it was taken: strong, not the same ranks.
    frame = _air(seed).drop(columns="aqi")
    rng = np.random.default_rng(seed + 10)
    frame["pm25_yesterday"] = np.where(rng.random(len(frame)) < 0.3, frame["pm25"].shift(2), np.nan)
    assert not _checked(audit(frame, "pm25"), "copy where filled")


def _births(seed: int, n: int = 1800) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    weeks = np.clip(rng.normal(39, 2.2, n), 24, 43)
    grams = np.clip(3400 + 160 * (weeks - 39) + rng.normal(0, 420, n), 300, 5200).round()
    return pd.DataFrame(
        {
            "mother_age": rng.integers(16, 44, n),
            "smokes": (rng.random(n) < 0.12).astype(int),
            "weeks": weeks.round(1),
            "bwght": grams,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rare_flag_cut_from_the_target_is_asked_about(seed):
    frame = _births(seed)
    frame["lbw"] = (frame["bwght"] <= 2400).astype(int)
    assert 30 <= frame["lbw"].sum() <= 0.05 * len(frame)
    found = [
        f for f in _checked(audit(frame, "bwght"), "cut of the target") if f.columns == ("lbw",)
    ]
    assert found and found[0].severity == "medium"
    assert found[0].evidence["cut"]["rare_flag"] is True


@pytest.mark.parametrize("seed", SEEDS)
def test_two_common_groups_whose_times_never_overlap_are_left_alone(seed):
    # A 5 km race and a half marathon: run times that never overlap, an honest category.
    rng = np.random.default_rng(seed)
    n = 1000
    half = rng.random(n) < 0.25
    minutes = np.where(half, rng.normal(120, 18, n).clip(82), rng.normal(32, 8, n).clip(14, 63))
    frame = pd.DataFrame(
        {
            "half_marathon": half.astype(int),
            "age": rng.integers(12, 75, n),
            "minutes": minutes.round(2),
        }
    )
    high = [
        f
        for f in audit(frame, "minutes").findings
        if f.kind == "target_leak" and f.severity == "high"
    ]
    assert not high
