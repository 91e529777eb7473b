"""Years every twenty years, each once in every one of three series, are the time order
(issue 17, class 7 and false highs; found on batch 58's Law Dome ice core).

CO2, CH4 and N2O measured at the same hundred years (20 CE to 2000 CE, every twentieth year),
the file gas by gas: the years are the clock, though below the calendar years a lone "year"
column needs. Without it the concentration twenty years before was called too good to be
honest (a false high); with the clock it is asked about as an earlier value of the target.
Counter-case: years of service rounded to fives, shared by many staff, are no such clock.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _ice_core(rng: np.random.Generator) -> pd.DataFrame:
    years = np.arange(20, 2001, 20)
    parts = []
    for gas, base, rise in (("CO2", 278, 90), ("CH4", 650, 1000), ("N2O", 265, 50)):
        late = np.clip((years - 1800) / 200, 0, 1) ** 2
        level = base + rise * late + np.cumsum(rng.normal(0, base * 0.003, len(years)))
        parts.append(pd.DataFrame({"year": years, "gas": gas, "concentration": level.round(1)}))
    frame = pd.concat(parts, ignore_index=True)
    frame.insert(2, "conc_prev_sample", frame.groupby("gas")["concentration"].shift())
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_years_of_three_series_side_by_side_are_the_clock(seed):
    report = audit(_ice_core(np.random.default_rng(seed)), "concentration")
    assert report.time_column == "year"
    assert not [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high" and "conc_prev_sample" in f.columns
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_years_of_service_in_steps_of_five_are_no_clock(seed):
    """Staff with their years of service rounded to fives (0 to 40) and their sex: many
    people share a (sex, years) pair, so the years key no series."""
    rng = np.random.default_rng(seed)
    n = 300
    frame = pd.DataFrame(
        {
            "year": rng.integers(0, 9, n) * 5,
            "sex": rng.choice(["F", "M"], n),
            "grade": rng.integers(1, 8, n),
        }
    )
    frame["salary"] = (30000 + 400 * frame["year"] + 3000 * frame["grade"]).astype(float)
    frame["salary"] += rng.normal(0, 2000, n).round()
    assert audit(frame, "salary").time_column is None
