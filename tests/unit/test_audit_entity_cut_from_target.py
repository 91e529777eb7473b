"""An entity candidate that is the numeric target cut into bands is screened as a leak.

A code that looks like an entity (a batch, a customer key, 30 values of ten rows each) can
be written from the outcome: the price cut into 30 ranges. Grouping the folds by it would
make its own screen fall back to the mean, so the leak went unseen (issue 17, class 4). A
real entity's outcomes overlap from one entity to the next, however strong its effect.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _cut(seed: int, name: str) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    price = rng.normal(100, 20, 300)
    bands = pd.qcut(price, 30, labels=False)
    return pd.DataFrame(
        {
            name: [f"B{b:02d}" for b in bands],
            "x": rng.normal(size=300).round(3),
            "price": price.round(2),
        }
    )


def _customers(seed: int, *, constant: bool = False) -> pd.DataFrame:
    """40 customers of ten visits each; each has a spend level of its own (most of the
    variance), and the visits vary around it unless ``constant``."""
    rng = np.random.default_rng(seed)
    customer = np.repeat(np.arange(40), 10)
    level = rng.normal(100, 30, 40)[customer]
    noise = 0.0 if constant else rng.normal(0, 8, 400)
    return pd.DataFrame(
        {
            "customer_id": [f"C{c:03d}" for c in customer],
            "x": rng.normal(size=400).round(3),
            "spend": (level + noise).round(2),
        }
    ).sample(frac=1, random_state=seed)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["batch", "customer_id"])
def test_a_key_cut_from_the_target_is_no_entity_and_is_asked_about(seed, name):
    report = audit(_cut(seed, name), "price")
    assert report.group_column is None
    assert any(
        f.kind == "target_leak" and f.severity != "low" and name in f.columns
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_customers_with_levels_of_their_own_stay_the_entity(seed):
    assert audit(_customers(seed), "spend").group_column == "customer_id"


@pytest.mark.parametrize("seed", SEEDS)
def test_an_outcome_that_is_the_entitys_own_attribute_keeps_the_entity(seed):
    assert audit(_customers(seed, constant=True), "spend").group_column == "customer_id"
