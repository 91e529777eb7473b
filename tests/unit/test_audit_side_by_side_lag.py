"""A lag within series kept side by side (batch 74's swimming records): the men's and the
women's 100 m records, year by year, with the record each one broke. No entity (two series),
and in year order the two interleave, so the previous row is often the other sex's record:
the standing record was read as a high leak (R² 0.99 alone). Within each sex it is the target
one row earlier, known before the race. The improvement, written after the race, is the leak;
with the standing record it gives the time back. The next record, of the same sex, stays a
high leak: the future is never a lag."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _records(seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    parts = []
    for sex, start in (("M", 66.0), ("F", 95.0)):
        years = np.sort(rng.choice(np.arange(1905, 2005), 30, replace=False))
        drops = rng.gamma(1.2, 0.5 if sex == "M" else 1.0, len(years))
        times = np.round(start - np.cumsum(drops), 2)
        previous = np.concatenate([[np.nan], times[:-1]])
        parts.append(
            pd.DataFrame(
                {
                    "year": years,
                    "sex": sex,
                    "pool_length_m": rng.choice([25, 50], len(years)),
                    "previous_record": previous,
                    "improvement_s": np.round(previous - times, 2),
                    "time": times,
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def _leaks(report, severity: str) -> set[str]:
    return {
        c
        for f in report.findings
        if f.kind == "target_leak" and f.severity == severity
        for c in f.columns
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_the_record_broken_is_a_lag_within_its_series_not_a_leak(seed):
    report = audit(_records(seed), "time")
    assert "previous_record" not in _leaks(report, "high"), [
        (f.columns, f.severity) for f in report.findings
    ]
    lag = next(f for f in report.findings if f.columns == ("previous_record",))
    assert "'sex'" in lag.message
    improvement = [
        f for f in report.findings if f.kind == "target_leak" and "improvement_s" in f.columns
    ]
    assert improvement and improvement[0].severity in ("high", "medium")
    assert improvement[0].columns == ("improvement_s",), improvement[0].columns
    # Named as the earlier value by the pair search or by the exact-formula check.
    evidence = improvement[0].evidence
    assert evidence.get("partner_is_an_earlier_value_of_the_target") == "previous_record" or (
        evidence.get("earlier_values_of_the_target") == ["previous_record"]
    ), evidence


@pytest.mark.parametrize("seed", SEEDS)
def test_the_next_record_of_the_series_stays_a_high_leak(seed):
    frame = _records(seed).drop(columns="improvement_s")
    frame["next_record"] = frame.groupby("sex")["time"].shift(-1)
    report = audit(frame, "time")
    assert "next_record" in _leaks(report, "high"), [
        (f.columns, f.severity) for f in report.findings
    ]
