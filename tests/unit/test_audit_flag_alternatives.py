"""Yes/no flags are not the value of an alternative chosen (found on /data with
injury_claims and its state flag as the target, 7 December 2026).

Workers' claims carry 0/1 flags (after a benefit change, a high earner, their product,
male, married, hospitalised) beside the two state flags, one the target and one its
complement. A flag equals every other flag where both are 0, so on the few rows where it
equals exactly one of them, the one it equals is the complement of the target or not, and
"which one" named the class: two legitimate flags were high leaks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
CHOSEN = "value of the alternative chosen"


def _claims(seed: int, n: int = 3000) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    michigan = (rng.random(n) < 0.21).astype(int)
    after = (rng.random(n) < 0.47).astype(int)
    high = (rng.random(n) < 0.4).astype(int)
    return pd.DataFrame(
        {
            "weeks": np.round(rng.lognormal(1.5, 1.2, n) * 4) / 4 + 0.25,
            "after_change": after,
            "high_earner": high,
            "after_high": after * high,
            "male": (rng.random(n) < 0.78).astype(int),
            "married": (rng.random(n) < 0.68).astype(int),
            "hospitalised": (rng.random(n) < 0.26).astype(int),
            "industry": rng.integers(1, 4, n),
            "age": rng.integers(18, 65, n),
            "kentucky": 1 - michigan,
            "michigan": michigan,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_flags_beside_a_complement_of_the_target_are_not_alternatives_chosen(seed):
    report = audit(_claims(seed), "michigan")
    chosen = [f.columns for f in report.findings if f.evidence.get("check") == CHOSEN]
    assert chosen == []
    # The complement itself is still the high leak it is.
    assert any(
        f.kind == "target_leak" and f.columns == ("kentucky",) and f.severity == "high"
        for f in report.findings
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_price_paid_of_three_levels_is_still_the_alternative_chosen(seed):
    """The counter-case at the bound: shelf prices of three levels, the price paid the
    chosen brand's."""
    rng = np.random.default_rng(seed)
    brands, n = ["a", "b", "c", "d"], 3000
    prices = rng.choice([0.59, 0.79, 0.89], size=(n, len(brands)))
    chosen = rng.integers(0, len(brands), n)
    frame = pd.DataFrame(prices, columns=[f"price_{b}" for b in brands])
    frame["price_paid"] = prices[np.arange(n), chosen]
    frame["choice"] = np.array(brands)[chosen]
    report = audit(frame, "choice")
    found = [f for f in report.findings if f.columns == ("price_paid",)]
    assert found and found[0].evidence.get("check") == CHOSEN, [
        (f.severity, f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert found[0].severity == "high"
