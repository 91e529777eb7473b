"""A table of years written wide (a tree's height in 1990, 1996 and 1997): another
measurement named for the target's own year is asked about, earlier years are not."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit.judge import _year_in_name, _year_of_the_target

SEEDS = range(3)
CHECK = "another measurement, named for the target's year in a table of years"


def _trees(seed: int, n: int = 900) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    vigour = rng.normal(0, 1, n)
    hgt96 = 280 + 60 * vigour + rng.normal(0, 25, n)
    hgt97 = hgt96 + 70 + 15 * vigour + rng.normal(0, 20, n)
    return pd.DataFrame(
        {
            "Hgt90": (15 + 3 * vigour + rng.normal(0, 3, n)).round(),
            "Hgt96": hgt96.round(),
            "Diam96": (4 + 0.8 * vigour + rng.normal(0, 0.6, n)).round(1),
            "Fert": rng.integers(0, 2, n),
            # Measured on the 1997 visit, from the tree's size that year.
            "Diam97": (hgt97 / 55 + rng.normal(0, 0.5, n)).round(1),
            "Deer97": rng.integers(0, 2, n),
            "Hgt97": hgt97.round(),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_measurement_of_the_target_s_year_is_asked_and_earlier_years_are_not(seed):
    report = audit(_trees(seed), "Hgt97")
    asked = [f for f in report.findings if f.evidence.get("check") == CHECK]
    assert [f.columns for f in asked] == [("Diam97",)], [
        (f.columns, f.evidence.get("check")) for f in report.findings
    ]
    assert asked[0].severity == "medium"
    assert asked[0].evidence["years"] == {"column": 1997, "target": 1997}
    high = [f for f in report.findings if f.kind == "target_leak" and f.severity == "high"]
    assert not [f for f in high if {"Hgt96", "Hgt90", "Diam96"} & set(f.columns)]


def test_without_an_earlier_year_of_the_target_a_suffix_is_not_read_as_a_year():
    # "score22" beside "level22": nothing says 22 is a year.
    assert _year_of_the_target("score22", ["level22", "age", "score22"]) is None
    assert _year_of_the_target("Hgt97", ["Hgt96", "Diam97"])[:2] == ("hgt", 1997)
    assert _year_of_the_target("y97hgt", ["y96hgt", "y97dia"])[:2] == ("y#hgt", 1997)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("Hgt97", ("hgt", 1997)),
        ("density_2021", ("density", 2021)),
        ("pop.05", ("pop", 2005)),
        ("y97hgt", ("y#hgt", 1997)),
        ("Hgt_1997_final", ("hgt#_final", 1997)),
        ("1997_hgt", ("#_hgt", 1997)),
        ("pop_change_2016_2021", None),
        ("pm2.5", None),
        ("households_75k", None),
        ("top10_share", None),
        ("rain_30d", None),
        ("x3", None),
        ("2021", None),
    ],
)
def test_a_year_is_read_from_a_name_with_no_other_number(name, read):
    named = _year_in_name(name)
    assert (named and named[:2]) == read


@pytest.mark.parametrize("seed", SEEDS)
def test_survey_items_and_a_year_s_budget_are_not_read_as_measurements_of_the_year(seed):
    # "q18" beside "employed_2016" is a survey item, not 2018; a budget is set before its year.
    rng = np.random.default_rng(seed)
    n = 1500
    skill = rng.normal(0, 1, n)
    employed_2014 = (skill + rng.normal(0, 1, n) > 0).astype(int)
    spend = 1000 + 300 * skill + rng.normal(0, 60, n)
    frame = pd.DataFrame(
        {
            "q18": np.clip(np.round(3 + skill + rng.normal(0, 0.6, n)), 1, 5),
            "employed_2014": employed_2014,
            "budget_2016": (spend + rng.normal(0, 20, n)).round(),
            "spend_2014": (spend * 0.9 + rng.normal(0, 80, n)).round(),
            "spend_2016": spend.round(),
        }
    )
    asked = [f for f in audit(frame, "spend_2016").findings if f.evidence.get("check") == CHECK]
    assert not asked, [f.columns for f in asked]


@pytest.mark.parametrize(
    "spelling",
    [
        lambda stem, year: f"{stem}_{1900 + year}_final",
        lambda stem, year: f"y{year}{stem.lower()}",
    ],
    ids=["Hgt_1997_final", "y97hgt"],
)
def test_a_year_inside_the_name_is_read_like_one_at_its_end(spelling):
    names = {c: spelling(c[:-2], int(c[-2:])) if c[-2:].isdigit() else c for c in _trees(0).columns}
    target, diameter = names["Hgt97"], names["Diam97"]
    for seed in SEEDS:
        report = audit(_trees(seed).rename(columns=names), target)
        asked = [f.columns for f in report.findings if f.evidence.get("check") == CHECK]
        assert asked == [(diameter,)], [(f.columns, f.evidence) for f in report.findings]
