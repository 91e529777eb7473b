"""CSV exports never hand a spreadsheet a formula (OWASP CSV injection), numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from lessons import experiments
from lessons.csv_loading import load_csv
from lessons.exports import FORMULA_TRIGGERS, safe_cell, to_csv
from lessons.store import RunRecord
from tests.fixtures.hostile import FORMULA_CELLS, HOSTILE_COLUMNS, hostile_csv


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain", "plain"),
        ("a=1", "a=1"),
        ("", ""),
        (-2.5, -2.5),
        (-3, -3),
        (True, True),
        (None, None),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_text_cells_are_quoted_and_numbers_stay_bare():
    text = to_csv(
        [{"name": "=1+1", "score": -0.25, "n": -3, "gap": None}], ["name", "score", "n", "gap"]
    )
    assert text.splitlines() == ['"name","score","n","gap"', '"\'=1+1",-0.25,-3,""']
    back = pd.read_csv(io.StringIO(text))
    assert back["score"].tolist() == [-0.25]
    assert back["n"].tolist() == [-3]
    assert back["gap"].isna().all()


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def test_the_run_log_export_of_a_hostile_upload_runs_nothing(tmp_path):
    frame = load_csv(hostile_csv(tmp_path)).frame
    formula_column = HOSTILE_COLUMNS[3]
    values = frame[formula_column].unique().tolist()
    assert set(values) == set(FORMULA_CELLS)
    records = [
        RunRecord(
            page="train",
            dataset="-upload-hostile",
            split="random",
            model=str(value),
            params={name: value for name in frame.columns[:2]},
            metrics={formula_column: -0.5, "validation_r2": -1.25},
            leaks={name: True for name in frame.columns},
            seed=3,
            note=str(value),
        )
        for value in values
    ]
    text = experiments.to_csv(records)
    cells = _cells(text)
    live = [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    # Only the bare numbers may start with '-', and they must read back as numbers.
    assert all(_is_number(cell) for cell in live), live
    assert '"\'=1+1"' in text and '"\'-upload-hostile"' in text
    assert f"'{formula_column}" in cells  # a column name as a header cell
    back = pd.read_csv(io.StringIO(text))
    assert back["validation_r2"].tolist() == [-1.25] * len(values)
    assert back["note"].tolist() == ["'" + str(value) for value in values]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
