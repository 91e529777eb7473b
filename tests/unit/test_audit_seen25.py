"""Misses of the audit corpus batch 25, fixed on 5 December 2026, each on a small synthetic
table of its shape, with an honest counter-case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leaks

SEEDS = range(3)


def _states(seed: int) -> pd.DataFrame:
    """A panel of states over 16 years, named and coded (FIPS): the same entity twice."""
    rng = np.random.default_rng(seed)
    names = [f"State {k}" for k in range(40)]
    fips = rng.permutation(np.arange(1, 57))[:40]
    level = rng.lognormal(8, 1, 40)
    rows = []
    for k in range(40):
        for year in range(1985, 2001):
            rows.append(
                {
                    "statefip": int(fips[k]),
                    "state": names[k],
                    "year": year,
                    "poverty": round(rng.uniform(8, 20), 1),
                    "prisoners": round(
                        level[k] * (1 + 0.05 * (year - 1985)) * rng.lognormal(0, 0.1)
                    ),
                }
            )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_code_naming_the_same_things_as_the_entity_is_its_alias_not_a_leak(seed):
    report = audit(_states(seed), "prisoners")
    assert report.group_column in ("state", "statefip")
    alias = ({"state", "statefip"} - {report.group_column}).pop()
    entity = next(f for f in report.findings if f.kind == "repeated_entity")
    assert entity.evidence["aliases"] == [alias]
    assert "the same things" in entity.message
    assert not [f for f in leaks(report) if alias in f.columns]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_coarser_label_of_the_entity_is_no_alias(seed):
    # A region holds several states: an attribute, not the entity again.
    frame = _states(seed)
    frame["region"] = frame["statefip"] % 4
    report = audit(frame, "prisoners")
    entity = next(f for f in report.findings if f.kind == "repeated_entity")
    assert "region" not in entity.evidence["aliases"]
