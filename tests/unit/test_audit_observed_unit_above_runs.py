"""The unit a study observes is the entity above its runs: a rabbit's two runs go together.

Batch 82's blood-pressure study (MASS::Rabbit) gave five rabbits (R1 to R5) each drug in a
run of its own (C1 to C5 control, M1 to M5 MDL), six doses a run. The audit grouped by the
run, so one rabbit's two runs could sit on both sides of a split. A column named as the
observed unit (rabbit, animal, subject), written as codes, letters or numbers in a row, each
holding a few runs, now takes their place. Counter-cases: an "animal" column of species words
holding dozens of pets each is a kind of the pets; runs that cross the animals stay.
"""

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
DOSES = [6.25, 12.5, 25.0, 50.0, 100.0, 200.0]


def _rabbits(seed: int, animals: int = 5, numbered: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    # Small beside the dose response (eta squared under 0.1), as in the real study.
    level = rng.normal(0, 1.5, animals)
    for treatment, prefix, shift in (("Control", "C", 0.0), ("MDL", "M", -8.0)):
        for a in range(animals):
            for dose in DOSES:
                change = 28 / (1 + np.exp(-(np.log(dose) - 3.5))) + shift + level[a]
                rows.append(
                    {
                        "BPchange": round(float(change + rng.normal(0, 2)), 1),
                        "Dose": dose,
                        "Run": f"{prefix}{a + 1}",
                        "Treatment": treatment,
                        "Animal": a + 1 if numbered else f"R{a + 1}",
                    }
                )
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("numbered", [False, True])
def test_a_rabbits_two_runs_are_grouped_by_the_rabbit(seed, numbered):
    frame = _rabbits(seed, numbered=numbered)
    assert audit(frame, "BPchange").group_column == "Animal"


@pytest.mark.parametrize("seed", SEEDS)
def test_an_animal_column_of_species_is_no_unit_above_the_pets(seed):
    rng = np.random.default_rng(seed)
    species = ["dog", "cat", "rabbit", "bird", "ferret"]
    rows = []
    for pet in range(200):
        kind = species[pet % 5]
        weight = rng.gamma(3, 4)
        for visit in range(int(rng.integers(2, 6))):
            rows.append(
                {
                    "pet_code": f"P{pet:03d}",
                    "animal": kind,
                    "visit": visit + 1,
                    "weight_kg": round(float(weight * (1 + 0.02 * visit)), 1),
                    "bill": round(float(40 + 3 * weight + rng.normal(0, 15)), 2),
                }
            )
    frame = pd.DataFrame(rows)
    assert audit(frame, "bill").group_column != "animal"


@pytest.mark.parametrize("seed", SEEDS)
def test_runs_that_cross_the_animals_are_not_grouped_by_them(seed):
    frame = _rabbits(seed)
    # Each run now holds doses given to two rabbits: the runs are not inside one rabbit.
    frame["Animal"] = [f"R{(i // 3) % 5 + 1}" for i in range(len(frame))]
    assert audit(frame, "BPchange").group_column != "Animal"
