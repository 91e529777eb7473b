"""A class written school.class as a number (1.1, 1.2, 2.1) and named as a key is a code,
an entity when it repeats; a number, fraction or whole, whose name merely ends in the letters
("humid", "price_paid", "turkey") is a measurement."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit.table import _ends_in_key_word

SEEDS = range(3)


def _pupils(seed: int, name: str = "class_id") -> pd.DataFrame:
    """Pupils of 60 classes (two or three per school, 3 to 40 pupils each), class by class."""
    rng = np.random.default_rng(seed)
    classes = [
        school + k / 10 for school in range(1, 25) for k in range(1, int(rng.integers(2, 4)))
    ]
    sizes = rng.integers(3, 41, len(classes))
    code = np.repeat(np.array(classes), sizes)
    mood = np.repeat(rng.normal(0, 1.2, len(classes)), sizes)
    sex = rng.choice(["f", "m"], len(code))
    like = np.clip(np.round(5 + mood + 0.5 * (sex == "m") + rng.normal(0, 1.5, len(code))), 1, 8)
    return pd.DataFrame({"sex": sex, name: code, "like": like.astype(int).astype(str)})


@pytest.mark.parametrize("seed", SEEDS)
def test_a_class_code_stored_as_a_fraction_is_the_entity(seed):
    report = audit(_pupils(seed), "like")
    assert report.group_column == "class_id"
    assert report.folds.startswith("grouped")


@pytest.mark.parametrize("seed", SEEDS)
def test_the_same_fraction_named_as_no_key_is_a_measurement(seed):
    assert audit(_pupils(seed, name="score_avg"), "like").group_column is None


@pytest.mark.parametrize(
    ("name", "key"),
    [("class_id", True), ("classId", True), ("ID", True), ("humid", False), ("malic_acid", False)],
)
def test_a_key_word_ends_the_name(name, key):
    assert _ends_in_key_word(name) is key


def _weather(seed: int, name: str) -> pd.DataFrame:
    """Days of weather: a whole-number reading (a humidity in per cent) repeats on many days."""
    rng = np.random.default_rng(seed)
    n = 1500
    frame = pd.DataFrame(
        {
            "temp": rng.normal(15, 8, n).round(1),
            name: rng.integers(20, 100, n),
            "wind": rng.gamma(2, 3, n).round(1),
        }
    )
    frame["rain"] = (0.02 * frame[name] + rng.normal(0, 1, n) > 1.3).astype(int)
    return frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["humid", "acid", "price_paid", "liquid", "turkey"])
def test_a_whole_number_whose_name_only_ends_in_the_letters_is_no_entity(seed, name):
    report = audit(_weather(seed, name), "rain")
    assert report.group_column is None
    assert not any(f.kind == "repeated_entity" for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["stationid", "siteKey"])
def test_the_same_reading_named_by_a_glued_key_is_still_a_key(seed, name):
    assert audit(_weather(seed, name), "rain").group_column == name
