"""Two numbers whose sum or difference is one value on one class's rows only (a birth year
plus a lifetime is the census year for everyone alive): the fixed-sum check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons import audit_screen as screen
from lessons.audit import audit
from lessons.audit.formulas import find_fixed_sum

SEEDS = range(3)


def _fixed(report):
    return [f for f in report.findings if "fixed on one class" in str(f.evidence.get("check"))]


def _cohort(seed: int, n: int = 2500) -> pd.DataFrame:
    """People born 1840-1960, read once in 1992: alive, died by accident, died in bed."""
    rng = np.random.default_rng(seed)
    born = rng.integers(1840, 1961, n)
    hand = rng.choice(["left", "right"], n, p=[0.15, 0.85])
    dies_at = born + np.clip(rng.normal(72, 14, n), 18, 105).astype(int)
    alive = dies_at > 1992
    accident = ~alive & (rng.random(n) < 0.06)
    cause = np.where(alive, "alive", np.where(accident, "accident", "in bed"))
    lifetime = np.where(alive, 1992 - born, dies_at - born)
    return pd.DataFrame({"hand": hand, "born": born, "lifetime": lifetime, "cause": cause})


@pytest.mark.parametrize("seed", SEEDS)
def test_a_lifetime_that_adds_up_to_the_census_year_for_the_living_is_asked_about(seed):
    report = audit(_cohort(seed), "cause")
    found = _fixed(report)
    assert found, [(f.columns, f.evidence.get("check")) for f in report.findings]
    assert set(found[0].columns) == {"born", "lifetime"}
    assert found[0].evidence["class"] == "alive"
    assert found[0].evidence["value"] == 1992
    assert found[0].severity == "medium"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_price_for_the_chosen_option_equal_to_that_option_s_price_is_asked_about(seed):
    rng = np.random.default_rng(seed)
    n = 1200
    prices = {m: rng.uniform(5, 120, n).round(2) for m in ("beach", "pier", "boat")}
    income = rng.lognormal(8, 0.5, n).round()
    utility = np.column_stack([-0.02 * prices[m] + rng.gumbel(size=n) for m in prices])
    chosen = np.array(list(prices))[utility.argmax(axis=1)]
    paid = np.choose(utility.argmax(axis=1), [prices[m] for m in prices])
    frame = pd.DataFrame(
        {**{f"p{m}": v for m, v in prices.items()}, "income": income, "price": paid, "mode": chosen}
    )
    # Since 5 December the check of the alternative chosen says it first, and as high.
    report = audit(frame, "mode")
    found = [f for f in report.findings if f.columns == ("price",)]
    assert found and found[0].severity == "high"
    assert found[0].evidence["check"] == "value of the alternative chosen"
    assert set(found[0].evidence["alternatives"]) == {"pbeach", "ppier", "pboat"}


def test_a_sum_fixed_on_every_row_is_no_sign_of_a_class():
    # Age plus years to retirement is 65 for everyone.
    rng = np.random.default_rng(0)
    n = 1000
    age = rng.integers(20, 64, n)
    frame = pd.DataFrame({"age": age, "years_to_65": 65 - age, "x": rng.normal(size=n)})
    target = screen.Target("binary", (rng.random(n) < 0.3).astype(int), 2)
    assert find_fixed_sum(frame, ["age", "years_to_65", "x"], target) is None


def test_two_columns_empty_on_one_class_are_left_to_the_one_sided_check():
    # Both are 0 for every negative: their sum is fixed there, but neither varies.
    rng = np.random.default_rng(0)
    n = 1000
    y = (rng.random(n) < 0.4).astype(int)
    frame = pd.DataFrame(
        {
            "fee": np.where(y == 1, rng.integers(1, 50, n), 0),
            "days": np.where(y == 1, rng.integers(1, 9, n), 0),
        }
    )
    assert find_fixed_sum(frame, ["fee", "days"], screen.Target("binary", y, 2)) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_honest_small_counts_do_not_add_up_to_a_class(seed):
    rng = np.random.default_rng(seed)
    n = 2000
    frame = pd.DataFrame(
        {
            "children": rng.integers(0, 5, n),
            "cars": rng.integers(0, 4, n),
            "rooms": rng.integers(1, 8, n),
        }
    )
    y = (frame["rooms"] + rng.normal(0, 2, n) > 5).astype(int).to_numpy()
    assert find_fixed_sum(frame, list(frame.columns), screen.Target("binary", y, 2)) is None
