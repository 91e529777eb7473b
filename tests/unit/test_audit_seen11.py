"""The false high leaks that the audit corpus's batch 11 showed, each on a small synthetic
table of its shape: a trait of a few entities that splits the target's range, and an honest
column that shares its signal with a band named like the target."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit


def _rats(seed: int) -> pd.DataFrame:
    """Sixteen rats weighed eleven times; the eight on diet 1 are the small ones."""
    rng = np.random.default_rng(seed)
    rows = []
    days = [1, 8, 15, 22, 29, 36, 43, 44, 50, 57, 64]
    for rat in range(1, 17):
        diet = 1 if rat <= 8 else (2 if rat <= 12 else 3)
        start = rng.normal(250, 10) if diet == 1 else rng.normal(480, 40)
        for day in days:
            rows.append((round(start * (1 + 0.002 * day) + rng.normal(0, 4)), day, rat, diet))
    frame = pd.DataFrame(rows, columns=["weight", "Time", "Rat", "Diet"])
    return frame.sample(frac=1, random_state=seed).reset_index(drop=True)


def _leak_findings(report, column: str) -> list:
    return [f for f in report.findings if f.kind == "target_leak" and column in f.columns]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_trait_of_a_few_entities_that_splits_the_target_is_a_question(seed):
    """No overlap between the diets' weights, but only 8 and 8 rats: a medium question that
    says so, never a high leak; and the rat's number is never multiplied with it."""
    report = audit(_rats(seed), "weight")
    assert report.group_column == "Rat"
    findings = _leak_findings(report, "Diet")
    assert findings, "the cut is still asked about"
    assert all(f.severity == "medium" for f in findings)
    assert any("only 8 and 8 entities" in f.message for f in findings)
    assert not _leak_findings(report, "Rat")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_same_cut_over_many_entities_stays_high(seed):
    """A band of the target over 200 patients, each seen three times, is a band."""
    rng = np.random.default_rng(seed)
    patients = np.repeat(np.arange(200), 3)
    frame = pd.DataFrame(
        {
            "patient": patients,
            "visit": np.tile([1, 2, 3], 200),
            "dose": rng.uniform(1, 10, len(patients)).round(2),
        }
    )
    frame["level"] = (frame["dose"] + rng.normal(0, 15, len(frame))).round(1)
    frame["band"] = pd.cut(
        frame["level"],
        [-np.inf, *frame["level"].quantile([0.6, 0.85]), np.inf],
        labels=["normal", "raised", "high"],
    ).astype(str)
    report = audit(frame, "level")
    assert report.group_column == "patient"
    findings = _leak_findings(report, "band")
    assert any(
        f.severity == "high" and "cut of the target" in f.evidence["check"] for f in findings
    )


def _occupations(seed: int) -> pd.DataFrame:
    """102 occupations: prestige follows education and income; a grade band of prestige is
    planted beside them."""
    rng = np.random.default_rng(seed)
    n = 102
    education = rng.uniform(6, 16, n).round(2)
    income = (rng.lognormal(8.8, 0.5, n)).round()
    frame = pd.DataFrame({"education": education, "income": income})
    frame["prestige"] = (4 * education + 0.001 * income + rng.normal(0, 6, n)).round(1)
    frame["prestige_grade"] = pd.cut(
        frame["prestige"], [-np.inf, 30, 40, 50, 60, np.inf], labels=list("EDCBA")
    ).astype(str)
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_an_honest_column_that_shares_a_bands_signal_is_not_called_a_leak(seed):
    report = audit(_occupations(seed), "prestige")
    high = [
        c
        for f in report.findings
        if f.kind == "target_leak" and f.severity == "high"
        for c in f.columns
    ]
    assert "prestige_grade" in high
    assert "education" not in high


# A strict review of the rules for batches 9 and 10 built these tables to make them misfire.


def test_household_members_listed_by_age_are_no_panel():
    """Members sorted by age inside each household: the ages restart at every household
    but from wherever its youngest is, so age is no clock of a panel."""
    rng = np.random.default_rng(0)
    households = rng.choice(np.arange(10_000, 99_999), 500, replace=False)
    rows = [
        (int(h), int(a), float(a >= 18) * rng.normal(30, 10) + rng.normal(0, 3))
        for h in households
        for a in np.sort(rng.integers(0, 80, int(rng.integers(2, 6))))
    ]
    frame = pd.DataFrame(rows, columns=["household", "age", "hours_worked"])
    assert audit(frame, "hours_worked").time_column is None


def test_a_week_counter_of_users_is_still_a_counter_of_periods():
    """ "user_week" names a period (of the users), not the users: sorted by it, the file is
    written in time order."""
    rng = np.random.default_rng(0)
    week = np.repeat(np.arange(1, 31), 50)
    frame = pd.DataFrame({"user_week": week, "sessions": rng.poisson(3, len(week))})
    frame["spend"] = 10 + 0.5 * week + 2 * frame["sessions"] + rng.normal(0, 3, len(week))
    assert audit(frame, "spend").time_column == "user_week"


def test_a_remodelling_year_is_no_time_order():
    rng = np.random.default_rng(0)
    n = 1500
    built = rng.integers(1900, 2005, n)
    frame = pd.DataFrame({"YearBuilt": built, "YearRemodAdd": built + rng.integers(0, 15, n)})
    frame["SalePrice"] = 1000 * (frame["YearRemodAdd"] - 1850) + rng.normal(0, 20_000, n)
    assert audit(frame, "SalePrice").time_column is None


@pytest.mark.parametrize("label", ["vehicle_model", "user_agent", "player_nationality"])
def test_a_thing_word_that_only_qualifies_an_attribute_names_no_entity(label):
    rng = np.random.default_rng(0)
    n = 3000
    frame = pd.DataFrame(
        {
            label: np.array([f"value {i:03d}" for i in range(120)])[rng.integers(0, 120, n)],
            "speed": rng.normal(90, 4, n).round(1),
        }
    )
    frame["hit"] = (rng.random(n) < 0.3 + 0.002 * (frame["speed"] - 90)).astype(int)
    assert audit(frame, "hit").group_column is None
