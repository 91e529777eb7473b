"""Misses of the audit corpus fixed on 3 December 2026 (the fourth session), each on a small
synthetic table of its shape."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _pupils(seed: int, key: str, n_schools: int = 70, n: int = 4000) -> pd.DataFrame:
    """Kindergarten pupils in random order: a school number (1..80, dense, no attribute of
    the school in the table), class types randomised within each school."""
    rng = np.random.default_rng(seed)
    schools = rng.choice(np.arange(1, 81), n_schools, replace=False)
    school = rng.choice(schools, n)
    effect = dict(zip(schools, rng.normal(0, 20, n_schools), strict=True))
    small = rng.random(n) < 0.3
    return pd.DataFrame(
        {
            "pupil_no": rng.choice(10**6, n, replace=False),
            "classk": np.where(small, "small", "regular"),
            "sex": rng.choice(["girl", "boy"], n),
            key: school,
            "math": np.round(
                480 + 8 * small + np.vectorize(effect.get)(school) + rng.normal(0, 40, n)
            ),
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("key", ["schidkn", "schid1n", "hhid2"])
def test_a_survey_key_glued_to_a_wave_or_grade_is_the_entity(seed, key):
    # "schidkn": the school id in kindergarten (STAR); "hhid2": the household in wave 2.
    assert audit(_pupils(seed, key), "math").group_column == key


@pytest.mark.parametrize(
    "key",
    ["provider", "studied", "paid_late", "emp_idle", "cust_idle", "hh_ids", "Emp_IDs", "schidol"],
)
def test_words_that_merely_hold_id_are_not_keys(key):
    from lessons.audit.table import PLAIN_KEY_NAME

    assert not PLAIN_KEY_NAME.search(key)


def _race_results(seed: int, n: int = 900, *, date_name: str = "date") -> pd.DataFrame:
    """A race held once a year, two years: the day, the distance, the run time, and the
    finish-line clock (the start of the race plus the run time)."""
    rng = np.random.default_rng(seed)
    day = rng.choice(pd.to_datetime(["2017-05-13", "2018-05-12"]), n)
    half = rng.random(n) < 0.4
    minutes = np.where(half, rng.normal(120, 20, n), rng.normal(30, 6, n)).round(2)
    start = day + pd.to_timedelta(np.where(half, 450, 480), unit="min")
    finish = start + pd.to_timedelta(minutes * 60 + rng.uniform(0, 90, n), unit="s")
    return pd.DataFrame(
        {
            date_name: day,
            "race": np.where(half, "half", "5k"),
            "age": rng.integers(15, 70, n),
            "minutes": minutes,
            "finish_clock": finish.floor("s"),
        }
    ).sort_values(date_name, kind="stable", ignore_index=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_date_of_two_days_is_the_time_and_the_finish_clock_is_asked_about(seed):
    report = audit(_race_results(seed), "minutes")
    assert report.time_column == "date"
    assert "finish_clock" in report.leak_columns("medium") + report.leak_columns("high")


@pytest.mark.parametrize("seed", SEEDS)
def test_two_moments_not_named_as_a_date_are_not_the_time(seed):
    # Two datetimes in a column not named as a date (an edition): too little to call it
    # the rows' time order.
    report = audit(_race_results(seed, date_name="edition").drop(columns="finish_clock"), "minutes")
    assert report.time_column is None


TRACKS = {"Gymnasium": "GY", "Realschule": "RS", "Hauptschule": "HS"}


def _placements(seed: int, n: int = 700, *, code_names_track: bool = True) -> pd.DataFrame:
    """Children placed in a secondary school type, with the register's class code in grade
    7 written three ways; when it names the track, its letters are the school type."""
    rng = np.random.default_rng(seed)
    education = rng.normal(11, 2, n)
    latent = education + rng.normal(0, 2, n)
    track = np.select(
        [latent > 12, latent > 10], ["Gymnasium", "Realschule"], default="Hauptschule"
    )
    letter = rng.choice(list("abcdefgh"), n)
    prefix = (
        np.array([TRACKS[t] for t in track])
        if code_names_track
        else rng.choice(["KL", "JG", "ST"], n)  # letters unrelated to the track
    )
    way = rng.integers(0, 3, n)
    code = np.where(
        way == 0,
        [f"{p}-7{x}" for p, x in zip(prefix, letter, strict=True)],
        np.where(
            way == 1,
            [f"{p.lower()} 7{x}" for p, x in zip(prefix, letter, strict=True)],
            [f"7{x} ({p})" for p, x in zip(prefix, letter, strict=True)],
        ),
    )
    return pd.DataFrame(
        {
            "person_key": [f"{k:012x}" for k in rng.choice(2**40, n, replace=False)],
            "meducation": education.round(1),
            "gender": rng.choice(["female", "male"], n),
            "year": rng.integers(1994, 2003, n),
            "class_code": code,
            "school": track,
        }
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_class_code_whose_letters_name_the_track_is_asked_about(seed):
    report = audit(_placements(seed), "school")
    finding = next(
        f for f in report.findings if f.kind == "target_leak" and "class_code" in f.columns
    )
    assert finding.severity == "medium"
    assert finding.evidence["check"] == "the words inside the values predict the target"
    assert set(finding.evidence["words"]) == {"gy", "rs", "hs"}
    assert finding.evidence["n_values"] == 72  # 3 tracks x 8 letters x 3 ways
    assert "never seen in training" in finding.message


@pytest.mark.parametrize("seed", SEEDS)
def test_letters_that_do_not_name_the_outcome_are_not_asked_about(seed):
    report = audit(_placements(seed, code_names_track=False), "school")
    assert "class_code" not in report.leak_columns("medium") + report.leak_columns("high")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_customer_code_with_one_prefix_is_never_read_for_words(seed):
    from lessons.audit.screens import _words_carry_the_target
    from lessons.audit_screen import Target

    rng = np.random.default_rng(seed)
    codes = pd.Series([f"CU{k:03d}" for k in rng.integers(0, 200, 2000)])
    target = Target("binary", (rng.random(2000) < 0.3).astype(float), 2)
    assert _words_carry_the_target(codes, target) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_an_extract_stamp_with_a_few_rows_on_a_second_day_is_not_the_time(seed):
    # The review's counter-case: 1,980 rows stamped one day, 20 the next.
    table = _race_results(seed, n=2000).drop(columns="finish_clock")
    table["report_date"] = pd.to_datetime("2024-03-01")
    table.loc[table.index[-20:], "report_date"] = pd.to_datetime("2024-03-02")
    assert audit(table.drop(columns="date"), "minutes").time_column is None
    # ... nor with 20 more on a third day (the re-review's).
    table.loc[table.index[-40:-20], "report_date"] = pd.to_datetime("2024-03-03")
    assert audit(table.drop(columns="date"), "minutes").time_column is None
