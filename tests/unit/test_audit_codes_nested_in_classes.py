"""Codes nested in the classes (batch 69): a claim's payer code, 25 health funds under
private cover and a few public payers each under their own cover, names the insurance
class it sits in, so it is a leak to screen and not an entity. A state followed year by
year, whose region is the target, stays the entity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
COVERS = ("medlevy", "levyplus", "freepor", "freerepa")


def _claims(seed: int, n: int = 3000) -> pd.DataFrame:
    """Patients' insurance cover, a few honest traits, and the payer code of their claims:
    the cover's own payer (a fund of 25 under private cover), 3 % keyed with another."""
    rng = np.random.default_rng(seed)
    cover = rng.choice(4, n, p=[0.3, 0.45, 0.05, 0.2])
    payers = {
        0: ["MB-STD"],
        1: [f"HF{i:02d}" for i in range(1, 26)],
        2: ["GOV-LI"],
        3: ["GOV-PV", "DVA"],
    }
    every = [p for ps in payers.values() for p in ps]
    code = np.array([rng.choice(payers[c]) for c in cover])
    slip = rng.random(n) < 0.03
    code[slip] = rng.choice(every, slip.sum())
    income = np.round(rng.gamma(2, 0.3, n) + 0.2 * (cover == 1), 2)
    return pd.DataFrame(
        {
            "age": np.round(rng.uniform(0.19, 0.72, n), 2),
            "income": income,
            "illness": rng.integers(0, 6, n),
            "claim_payer_code": code,
            "insurance": np.array(COVERS)[cover],
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_payer_codes_nested_in_the_covers_are_a_leak_not_the_entity(seed):
    report = audit(_claims(seed), "insurance")
    assert report.group_column is None
    assert any(
        f.kind == "target_leak"
        and f.severity in ("medium", "high")
        and "claim_payer_code" in f.columns
        for f in report.findings
    )


def _states(seed: int) -> pd.DataFrame:
    """24 states over ten years, each in one of four regions (the target), with an income
    and an unemployment rate of their own."""
    rng = np.random.default_rng(seed)
    rows = []
    for state in range(24):
        region = ("NE", "S", "MW", "W")[state % 4]
        income = rng.normal(40 + 5 * (state % 4), 5)
        for year in range(1970, 1980):
            rows.append(
                (f"ST{state:02d}", year, income + rng.normal(0, 2), rng.normal(10, 3), region)
            )
    return pd.DataFrame(rows, columns=["state", "year", "income", "unemp", "region"])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_state_followed_year_by_year_stays_the_entity_of_its_region(seed):
    assert audit(_states(seed), "region").group_column == "state"
