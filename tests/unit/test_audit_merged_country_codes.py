"""A survey's country codes (s003) beside the country names (batch 73's World Values Survey): 100
codes for 97 countries, three of them holding two codes (a country's East and West, a union
split later). The codes were the entity, so one country's rows could sit on both sides of a
split; the names keep them together. A coarser place of each patient (ten regions for 120
patients) never replaces the patient."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.csv_loading import load_csv

SEEDS = range(3)
PLACES = [f"Country {chr(65 + i)}{chr(65 + j)}" for i in range(6) for j in range(6)]


def _survey(seed: int, path) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    # 36 countries, the first three surveyed under two codes each: 39 codes.
    codes = [(10 + 4 * k, place) for k, place in enumerate(PLACES)]
    codes += [(300 + k, PLACES[k]) for k in range(3)]
    rows = []
    uid = 0
    for wave, year in ((3, 1996), (4, 2001), (5, 2006)):
        for code, place in codes:
            mood = rng.normal(0, 1)
            for _ in range(int(rng.integers(25, 40))):
                uid += 1
                answer = mood + rng.normal(0, 1)
                rows.append(
                    {
                        "wave": wave,
                        "s003": code,
                        "country": place,
                        "year": year + int(rng.integers(0, 3)),
                        "uid": uid,
                        "trust": int(np.clip(np.round(answer + 2), 0, 4)),
                        "justifiable": "never" if answer < 0 else "sometimes",
                    }
                )
    file = path / "survey.csv"
    pd.DataFrame(rows).to_csv(file, index=False)
    return load_csv(file, filename=file.name).frame


@pytest.mark.parametrize("seed", SEEDS)
def test_the_countries_a_few_codes_share_are_the_entity(seed, tmp_path):
    report = audit(_survey(seed, tmp_path), "justifiable")
    assert report.group_column == "country", report.group_column


@pytest.mark.parametrize("seed", SEEDS)
def test_a_coarser_place_of_each_patient_does_not_replace_the_patient(seed):
    rng = np.random.default_rng(seed)
    patients = 120
    region = rng.choice([f"Region {k}" for k in range(10)], patients)
    level = rng.normal(0, 1, patients)
    rows = [
        {
            "patient_id": f"P{p:04d}",
            "home_region": region[p],
            "visit": visit,
            "systolic": round(130 + 12 * level[p] + rng.normal(0, 5), 1),
            "high_bp": int(level[p] + rng.normal(0, 0.5) > 0.5),
        }
        for p in range(patients)
        for visit in range(1, 6)
    ]
    report = audit(pd.DataFrame(rows), "high_bp")
    assert report.group_column == "patient_id"
