"""A class target's own classes written as 0/1 dummies (BK, KFC and RR beside the chain,
Wendy's when none is set): each alone marks one class and scores like a strong feature,
together they are the target. Read as the one category they are, they are a high leak;
region dummies beside the same target raise nothing."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CHAINS = ("Burger King", "KFC", "Roy Rogers", "Wendy's")


def _restaurants(seed: int, *, slips: float = 0.0) -> pd.DataFrame:
    """Fast-food restaurants with their prices and hours; the chain is the target. The
    chain dummies are typed from the chain, ``slips`` of them by a wrong clerk."""
    rng = np.random.default_rng(seed)
    n = 410
    chain = rng.choice(4, n, p=[0.42, 0.2, 0.24, 0.14])
    region = rng.choice(4, n)
    frame = pd.DataFrame(
        {
            "price_entree": (rng.normal(1.3, 0.2, n) + 0.1 * (chain == 1)).round(2),
            "hours_open": rng.normal(14.5, 2, n).round(1),
            "registers": rng.integers(1, 6, n),
        }
    )
    for level, name in enumerate(("north", "central", "south")):
        frame[name] = (region == level).astype(int)
    typed = np.where(rng.random(n) < slips, rng.choice(4, n), chain)
    for level, name in enumerate(("BK", "KFC", "RR")):
        frame[name] = (typed == level).astype(int)
    frame["chain"] = np.array(CHAINS)[chain]
    return frame


def _leaks_on(report, columns: set[str]) -> list:
    return [f for f in report.findings if f.kind == "target_leak" and columns & set(f.columns)]


@pytest.mark.parametrize("seed", SEEDS)
def test_dummies_of_the_target_s_classes_are_a_high_leak(seed):
    report = audit(_restaurants(seed), "chain")
    found = _leaks_on(report, {"BK", "KFC", "RR"})
    assert any(f.severity == "high" and set(f.columns) == {"BK", "KFC", "RR"} for f in found), [
        (f.columns, f.severity) for f in found
    ]
    together = next(f for f in found if set(f.columns) == {"BK", "KFC", "RR"})
    assert together.evidence["together"] > together.evidence["best_alone"] + 0.2


@pytest.mark.parametrize("seed", SEEDS)
def test_dummies_typed_with_slips_are_still_asked_about(seed):
    report = audit(_restaurants(seed, slips=0.08), "chain")
    found = _leaks_on(report, {"BK", "KFC", "RR"})
    assert found and all(f.severity in {"medium", "high"} for f in found)


@pytest.mark.parametrize("seed", SEEDS)
def test_region_dummies_beside_the_same_target_raise_nothing(seed):
    frame = _restaurants(seed).drop(columns=["BK", "KFC", "RR"])
    report = audit(frame, "chain")
    assert not _leaks_on(report, {"north", "central", "south"})


def _pupils(seed: int, *, school: str = "School") -> pd.DataFrame:
    """Twelve schools of 40 pupils each, in two provinces, the file written school by school;
    a pupil's attitude score depends mostly on the school."""
    rng = np.random.default_rng(seed)
    schools = np.repeat(np.arange(12), 40)
    province = np.where(schools < 6, "NAIROBI", "PWANI")
    effect = rng.normal(0, 12, 12)[schools]
    frame = pd.DataFrame(
        {
            school: np.array(list("ABCDEFGHIJKL"))[schools],
            "Province": province,
            "Sex": np.where(schools % 2 == 0, "female", "male"),
            "score": (140 + effect + rng.normal(0, 6, len(schools))).round(),
        }
    )
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_dozen_schools_the_file_is_written_by_are_the_entity(seed):
    assert audit(_pupils(seed), "score").group_column == "School"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_dozen_labels_not_named_as_things_are_categories(seed):
    assert audit(_pupils(seed, school="brand"), "score").group_column is None
