"""Years of entry in two digits (batch 70): the year a patient was accepted into a transplant
programme ('acceptyear', 67 to 74) or enrolled is when the row's story starts, the time order
however the file is sorted; a count of years since acceptance is not (nor a car's
registration year or a model's market entry: tests/unit/test_audit_review_session53.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _programme(seed: int, name: str, n: int = 400) -> pd.DataFrame:
    """Patients accepted over eight years, survival improving with the year, rows in no
    order of the year."""
    rng = np.random.default_rng(seed)
    year = rng.integers(67, 75, n)
    age = rng.integers(20, 65, n)
    risk = 1.0 + 0.03 * (age - 45) - 0.25 * (year - 70)
    return pd.DataFrame(
        {
            "id": rng.permutation(n) + 1,
            name: year,
            "age": age,
            "survived": np.where(rng.random(n) < 1 / (1 + np.exp(risk)), "alive", "dead"),
        }
    )


@pytest.mark.parametrize("name", ["acceptyear", "enrol_yr", "accept_year"])
@pytest.mark.parametrize("seed", SEEDS)
def test_a_year_of_entry_in_two_digits_is_the_time(seed, name):
    assert audit(_programme(seed, name), "survived").time_column == name


@pytest.mark.parametrize("seed", SEEDS)
def test_years_since_acceptance_are_a_count_not_the_time(seed):
    assert audit(_programme(seed, "accept_yrs"), "survived").time_column is None
