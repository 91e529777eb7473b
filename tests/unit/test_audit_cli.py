"""The audit's command line, run as a separate process like a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.audit import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lessons.audit", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_json_output_is_one_object_in_the_documented_schema():
    result = _run(str(FIXTURES / "audit_loans.csv"), "--target", "defaulted", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)  # exactly one JSON document, nothing else
    assert payload["rows"] == 160
    assert payload["columns"] == 7
    assert payload["task"] == "binary"
    assert payload["time_column"] == "application_date"
    assert payload["group_column"] == "customer_id"
    assert payload["recommended_split"] == "time"
    leaks = [f for f in payload["findings"] if f["kind"] == "target_leak"]
    assert leaks[0]["columns"] == ["collection_calls"]
    assert leaks[0]["severity"] == "high"
    assert leaks[0]["evidence"]["score_with"] > leaks[0]["evidence"]["score_without"]


def test_text_output_is_a_readable_report():
    result = _run(str(FIXTURES / "audit_plants.csv"), "--target", "yield_g")
    assert result.returncode == 0, result.stderr
    assert "target 'yield_g' (regression)" in result.stdout
    assert "Recommended split: random" in result.stdout


def test_bad_input_exits_2_with_one_line_and_no_traceback():
    result = _run(str(FIXTURES / "audit_not_a_table.csv"), "--target", "x")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "PDF" in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "target", "words"),
    [
        ("audit_plants.csv", None, "nope", "no column 'nope'"),
        ("missing.csv", None, "x", "cannot be read"),
        ("empty.csv", b"", "y", "empty"),
        ("flat.csv", b"a,y\n" + b"".join(b"%d,1\n" % i for i in range(20)), "y", "single value"),
    ],
)
def test_every_refusal_is_one_line_with_status_2(tmp_path, capsys, name, content, target, words):
    # The same entry point as the process above, called in-process to keep the suite fast.
    path = FIXTURES / name
    if content is not None:
        path = tmp_path / name
        path.write_bytes(content)
    assert main([str(path), "--target", target, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert words in lines[0]
