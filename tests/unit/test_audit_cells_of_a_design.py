"""The cells of a designed experiment are no formula of the target (issue 17, false high
leaks; found on batch 55's herbicide assays).

Five assays of thylakoid membranes, each measured at seven herbicide doses in triplicate:
any weighted sum of the dose and the assay number codes the 35 cells, and the mean of a
cell's other two replicates predicts the response well. That is the experiment's design
working, not a leak: the pair search leaves formulas to pairs whose values mostly come once,
or whose replicates give the same target (a formula's rounded inputs). The counter-case is a
rounded ratio of the target, whose pairs of values repeat too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _assays(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for curve in range(1, 6):
        herbicide = "bentazon" if curve <= 3 else "diuron"
        doses = (
            [0, 0.62, 1.85, 5.56, 16.7, 50, 150]
            if herbicide == "bentazon"
            else [0, 0.006, 0.019, 0.056, 0.17, 0.5, 1.5]
        )
        level = rng.uniform(1.0, 2.2)
        potency = doses[3]
        for dose in doses:
            for _ in range(3):
                response = level / (1 + (dose / potency) ** 1.2) + rng.normal(0, 0.04)
                rows.append(
                    {
                        "CURVE": curve,
                        "HERBICIDE": herbicide,
                        "DOSE": dose,
                        "SLOPE": round(response, 5),
                    }
                )
    return pd.DataFrame(rows)


def _high(report, column: str) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high" and column in f.columns
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_dose_and_the_assay_of_a_design_are_no_high_leak(seed):
    report = audit(_assays(np.random.default_rng(seed)), "SLOPE")
    assert not _high(report, "DOSE")
    assert not _high(report, "CURVE")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_rounded_ratio_of_the_target_is_still_a_formula(seed):
    """Watts per core, rounded to a tenth, beside the cores, for the power: pairs of values
    repeat (many chips share 8 cores and 8.1 W a core), and give the same power each time."""
    rng = np.random.default_rng(seed)
    n = 900
    cores = rng.choice([2, 4, 6, 8, 12, 16], n)
    tdp = (cores * rng.choice([5.0, 8.1, 10.4, 13.1, 16.3], n)).round()
    frame = pd.DataFrame(
        {
            "cores": cores,
            "base_clock": rng.uniform(1.8, 4.2, n).round(1),
            "watts_per_core": (tdp / cores).round(1),
            "tdp": tdp,
        }
    )
    report = audit(frame, "tdp")
    assert [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "watts_per_core" in f.columns
    ]
