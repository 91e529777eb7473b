"""The general weaknesses that the audit corpus's batch 8 showed, each on a small synthetic
table of its shape: a count of days that is the period of a panel, a measurement beside a
rounded function of itself, and a field filled for one outcome only."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from tests.unit.audit_findings import leaks as _leaks


def _reaction_study(subjects: int, seed: int) -> pd.DataFrame:
    """Each subject's reaction time measured on days 0 to 9 of a study, one row a day."""
    rng = np.random.default_rng(seed)
    rows = []
    for subject in range(subjects):
        base, slope = rng.normal(250, 25), rng.normal(10, 6)
        for day in range(10):
            rows.append((round(base + slope * day + rng.normal(0, 25), 2), day, 300 + subject))
    return pd.DataFrame(rows, columns=["Reaction", "Days", "Subject"])


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("subjects", [18, 40])
def test_a_count_of_days_that_keys_a_panel_is_the_time_and_the_subject_the_entity(seed, subjects):
    report = audit(_reaction_study(subjects, seed), "Reaction")
    assert report.time_column == "Days"
    assert report.group_column == "Subject"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_length_of_stay_in_days_is_no_moment(seed):
    """'days' in hospital beside a provider: many patients of one provider stay as long, so
    the pair keys nothing, and a duration is no time order (even in a file sorted by it)."""
    rng = np.random.default_rng(seed)
    n = 1500
    frame = pd.DataFrame(
        {
            "provider": rng.integers(30001, 30060, n),
            "days": np.minimum(rng.geometric(0.15, n), 60),
            "age": rng.integers(20, 90, n),
        }
    )
    frame["died"] = (rng.random(n) < 0.05 + 0.002 * (frame["age"] - 20)).astype(int)
    assert audit(frame, "died").time_column is None
    assert audit(frame.sort_values("days"), "died").time_column is None


def _cells(n: int, seed: int) -> pd.DataFrame:
    """Cells measured by an imager: an area in whole pixels and its equivalent diameter
    (rounded, so that some large areas share one: about 80 % as many values), with other
    measurements; no cell repeats."""
    rng = np.random.default_rng(seed)
    area = np.round(150 + rng.gamma(1.5, 120, n)).astype(int)
    frame = pd.DataFrame(
        {
            "area_ch_1": area,
            "eq_circ_diam_ch_1": np.round(2 * np.sqrt(area / np.pi), 2),
            "perim_ch_1": np.round(3.8 * np.sqrt(area) + rng.normal(0, 3, n), 2),
            "avg_inten_ch_1": np.round(rng.gamma(2, 50, n), 3),
        }
    )
    frame["segmented"] = np.where(
        rng.random(n) < 1 / (1 + np.exp(-(frame["avg_inten_ch_1"] - 100) / 40)), "WS", "PS"
    )
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_measurement_beside_a_rounded_function_of_itself_is_no_entity(seed):
    frame = _cells(2000, seed)
    assert audit(frame, "segmented").group_column is None


def test_a_coarser_grouping_of_a_number_is_still_an_attribute():
    """A school number within its authority's range: the authority (far fewer values, in
    the number's order) is an attribute of the school, which repeats."""
    from lessons.audit.core import _distinct_counts
    from lessons.audit.table import _attribute_of

    rng = np.random.default_rng(0)
    school = rng.integers(0, 400, 4000)
    frame = pd.DataFrame({"school": 10000 + school, "authority": 100 + school // 10})
    distinct = _distinct_counts(frame, list(frame))
    assert _attribute_of(frame, "school", list(frame), distinct) == "authority"


def _loans(n: int, seed: int, *, purchaser: bool = True) -> pd.DataFrame:
    """Loan applications: honest ratios and a credit history shift the approval; the
    purchaser of the loan (0 = none) exists only for loans that were made."""
    rng = np.random.default_rng(seed)
    ratio = np.round(rng.normal(30, 8, n), 1)
    history = rng.integers(0, 2, n)
    region = rng.choice(["N", "S", "E", "W"], n)
    approve = (rng.random(n) < 1 / (1 + np.exp(-(2.5 - 0.08 * (ratio - 30) + history)))).astype(int)
    frame = pd.DataFrame({"obrat": ratio, "chist": history, "region": region, "approve": approve})
    if purchaser:
        sold = (approve == 1) & (rng.random(n) < 0.5)
        frame["buyer_type"] = np.where(sold, rng.choice([1, 3, 5, 8, 9], n), 0)
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_field_filled_for_one_outcome_only_is_asked_about(seed):
    report = audit(_loans(2000, seed), "approve")
    found = [
        f
        for f in _leaks(report)
        if f.columns == ("buyer_type",) and f.evidence.get("check", "").startswith("one-sided")
    ]
    assert len(found) == 1, [f.to_dict() for f in report.findings]
    assert found[0].severity == "medium"
    assert found[0].evidence["home_value"] == "0"


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_honest_categories_that_shift_a_class_are_not_one_sided(seed):
    """A credit history and a region shift the approval; no value empties a class."""
    report = audit(_loans(2000, seed, purchaser=False), "approve")
    assert not [f for f in _leaks(report) if f.evidence.get("check", "").startswith("one-sided")], [
        f.to_dict() for f in report.findings
    ]


def test_a_rare_class_is_not_one_sided_by_chance():
    """A class of a few rows sits in the common value by chance: too few to tell."""
    from lessons import audit_screen as screen
    from lessons.audit.pairs import _one_sided_values

    rng = np.random.default_rng(0)
    n = 2000
    frame = pd.DataFrame({"code": np.where(rng.random(n) < 0.3, rng.integers(1, 5, n), 0)})
    rare = np.zeros(n)
    rare[rng.choice(np.flatnonzero(frame["code"] == 0), 15, replace=False)] = 1
    target = screen.Target("binary", rare, 2)
    assert _one_sided_values(frame, ["code"], set(), target, "rare") == []


def _one_sided(frame: pd.DataFrame, column: str, target: pd.Series, task: str) -> list:
    from lessons import audit_screen as screen
    from lessons.audit.pairs import _one_sided_values

    codes, classes = pd.factorize(target, sort=True)
    prepared = screen.Target(task, codes.astype(float), len(classes) if task != "binary" else 2)
    return _one_sided_values(frame, [column], set(), prepared, str(target.name))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_species_living_on_one_island_is_no_one_sided_record(seed):
    """Every Chinstrap on Dream, none on the two other islands: an honest exclusion. The
    home value is a place, not an empty field."""
    rng = np.random.default_rng(seed)
    species = rng.choice(["Adelie", "Chinstrap", "Gentoo"], 340, p=[0.45, 0.2, 0.35])
    island = np.where(
        species == "Chinstrap",
        "Dream",
        np.where(species == "Gentoo", "Biscoe", rng.choice(["Biscoe", "Dream", "Torgersen"], 340)),
    )
    frame = pd.DataFrame({"island": island})
    assert _one_sided(frame, "island", pd.Series(species), "multiclass") == []


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_flag_that_excludes_a_class_is_no_one_sided_record(seed):
    """No one emails a spammer back: 'sent_email' = 1 on a third of the mail and never on
    spam. A flag (one other value) excludes a class honestly as often as not."""
    rng = np.random.default_rng(seed)
    n = 3900
    spam = rng.random(n) < 0.1
    sent = np.where(spam, 0, (rng.random(n) < 0.3).astype(int))
    frame = pd.DataFrame({"sent_email": sent})
    assert _one_sided(frame, "sent_email", pd.Series(spam.astype(int)), "binary") == []
