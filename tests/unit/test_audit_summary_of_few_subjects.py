"""A subject's peak copied on each of its samples is asked about with a dozen subjects
(issue 17, class 8; found on batch 61's theophylline study).

Twelve subjects sampled eleven times over a day after a dose, each sample beside the
subject's observed maximum concentration from the study report: at 15 minutes the peak of
the second hour is not known. Equal to the highest target of the subject's run, it needs no
more than ten subjects to be told from chance. Counter-case: the subject's weight.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _study(rng: np.random.Generator) -> pd.DataFrame:
    times = np.array([0, 0.25, 0.5, 1, 2, 3.5, 5, 7, 9, 12, 24])
    rows = []
    for subject in range(1, 13):
        weight = round(float(rng.uniform(55, 90)), 1)
        absorb, clear = rng.uniform(1, 3), rng.uniform(0.06, 0.12)
        scale = rng.uniform(8, 12)
        curve = scale * (np.exp(-clear * times) - np.exp(-absorb * times)) * 1.2
        conc = np.clip(curve + rng.normal(0, 0.3, len(times)), 0, None).round(2)
        for time, value in zip(times, conc, strict=True):
            rows.append({"Subject": subject, "Wt": weight, "Time": time, "conc": value})
    frame = pd.DataFrame(rows)
    frame.insert(3, "subject_cmax", frame.groupby("Subject")["conc"].transform("max"))
    return frame


def _summaries(report, column: str) -> list:
    return [
        f
        for f in report.findings
        if f.kind == "target_leak"
        and column in f.columns
        and f.evidence.get("check", "").startswith("summary of the run")
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_a_dozen_subjects_peaks_are_asked_about(seed):
    report = audit(_study(np.random.default_rng(seed)), "conc")
    assert report.group_column == "Subject"
    assert _summaries(report, "subject_cmax")
    assert not _summaries(report, "Wt")
