"""Benchmark of the audit's command line on three synthetic CSVs, process start to finish.

The files are generated into a temporary folder (never committed): 10,000 × 56 mixed types,
100,000 × 50, and 1,000,000 × 20 (about 150 MB). Each is audited by
``python -m lessons.audit FILE --target target --json`` in a fresh process, timed from
process start to exit (imports and parsing included); peak memory is the child's maximum
resident set size. The frame's own size (pandas, deep) is measured separately to check the
"peak under three times the frame" goal.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SIZES = ((10_000, 56), (100_000, 50), (1_000_000, 20))


def make_mixed_csv(path: Path, n_rows: int, n_columns: int, seed: int = 0) -> None:
    """Write a realistic mixed-type table with a binary ``target`` and a few planted traps.

    Columns cycle through numbers (some with missing values), categories, booleans and a
    date; the first ones are an order id, a customer id (repeats), an order date (time
    order) and a post-outcome ``refund_amount`` (a leak); the rest are features, a few of
    which drive the target.
    """
    rng = np.random.default_rng(seed)
    columns: dict[str, object] = {
        "order_id": np.arange(1, n_rows + 1),
        "customer_id": np.char.add("C", rng.integers(0, max(n_rows // 8, 10), n_rows).astype(str)),
        "order_date": pd.to_datetime("2022-01-01")
        + pd.to_timedelta(np.sort(rng.integers(0, 3 * 365, n_rows)), unit="D"),
    }
    signal = np.zeros(n_rows)
    kinds = ("number", "category", "number", "boolean", "number", "missing")
    position = 0
    while len(columns) < n_columns - 2:
        kind = kinds[position % len(kinds)]
        name = f"{kind}_{position}"
        if kind == "number":
            values = rng.normal(0, 1, n_rows)
            if position < 12:
                signal += values * (0.6 / (1 + position))
            columns[name] = np.round(values * 100 + 500, 4)
        elif kind == "category":
            choices = np.array([f"level_{i}" for i in range(8)])
            columns[name] = choices[rng.integers(0, 8, n_rows)]
        elif kind == "boolean":
            columns[name] = rng.random(n_rows) < 0.3
        else:
            values = np.round(rng.lognormal(3, 1, n_rows), 1)
            columns[name] = np.where(rng.random(n_rows) < 0.2, np.nan, values)
        position += 1
    target = (rng.random(n_rows) < 1 / (1 + np.exp(-(signal - 1.5)))).astype(int)
    columns["refund_amount"] = np.where(target == 1, np.round(rng.uniform(5, 80, n_rows), 2), 0.0)
    columns["target"] = target
    frame = pd.DataFrame(columns)
    frame["order_date"] = frame["order_date"].dt.strftime("%Y-%m-%d")
    frame.to_csv(path, index=False)


# Runs the command line as ``python -m lessons.audit`` does (``main``, then ``exit_now``), and
# reports the process's own high-water mark just before it ends. Not ``ru_maxrss`` from wait4:
# Linux starts a child's maxrss at its parent's resident size at fork, and this process has
# just generated a million-row table.
_PEAK_WRAPPER = """
import sys
from lessons.audit.cli import exit_now, main
code = main(sys.argv[1:])
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        sys.stderr.write("peak_kb=" + line.split()[1] + "\\n")
exit_now(code)
"""


def _run_cli(path: Path) -> tuple[float, float, float]:
    """Wall seconds from process start to exit, the child's CPU seconds (user + system, less
    sensitive to a busy machine) and its peak resident memory in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", _PEAK_WRAPPER, str(path), "--target", "target", "--json"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"audit failed on {path.name}: {errors}")
    peak_kb = int(errors.rsplit("peak_kb=", 1)[1].split()[0])
    return elapsed, usage.ru_utime + usage.ru_stime, peak_kb / 1024


def _frame_megabytes(path: Path) -> float:
    from lessons.csv_loading import load_csv

    loaded = load_csv(path, max_bytes=2**31)
    return float(loaded.frame.memory_usage(deep=True).sum()) / 1024**2


def bench_audit(sizes: tuple[tuple[int, int], ...] = SIZES) -> list[tuple[str, float, str]]:
    """Time the audit's command line on each synthetic file; return (label, value, unit) rows."""
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as folder:
        for n_rows, n_columns in sizes:
            label = f"{n_rows:,} x {n_columns}"
            path = Path(folder) / f"mixed_{n_rows}x{n_columns}.csv"
            make_mixed_csv(path, n_rows, n_columns)
            seconds, cpu, peak = _run_cli(path)
            frame = _frame_megabytes(path)
            rows.extend(
                [
                    (f"audit {label}: file size", path.stat().st_size / 1024**2, "MB"),
                    (f"audit {label}: process start to finish", seconds, "s"),
                    (f"audit {label}: CPU time (user + system)", cpu, "s"),
                    (f"audit {label}: peak memory", peak, "MB"),
                    (f"audit {label}: frame size (pandas, deep)", frame, "MB"),
                    (f"audit {label}: peak memory / frame size", peak / frame, "x"),
                ]
            )
    return rows


# ---- The corpus of real tables (issue 17): detection by kind against a written ground truth

CORPUS = Path(__file__).resolve().parent / "audit_corpus"
KINDS = (
    "leaks",
    "false high leaks",
    "legitimate columns asked about (medium)",
    "time",
    "entity",
    "identifiers",
    "constant",
    "duplicates",
)


def _found_leak(report, columns: list[str]) -> bool:
    return any(
        f.kind == "target_leak"
        and f.severity in ("high", "medium")
        and set(f.columns) & set(columns)
        for f in report.findings
    )


def score_table(name: str, truth: dict) -> dict:
    """Audit one corpus file (load and audit, timed) and compare with its ground truth."""
    from lessons.audit import audit
    from lessons.csv_loading import load_csv
    from lessons.errors import DataError

    path = CORPUS / f"{name}.csv"
    start = time.perf_counter()
    try:
        loaded = load_csv(path, filename=path.name, max_bytes=2**31)
        report = audit(loaded.frame, truth["target"])
        error = None
    except DataError as problem:
        report, error = None, str(problem)
    seconds = time.perf_counter() - start
    counts: dict[str, list[int]] = {kind: [0, 0] for kind in KINDS}
    missed: list[str] = []

    def tally(kind: str, hit: bool, label: str) -> None:
        counts[kind][0] += int(hit)
        counts[kind][1] += 1
        if not hit:
            missed.append(f"{kind}: {label}")

    findings = report.findings if report else ()
    for leak in truth["leaks"]:
        hit = report is not None and _found_leak(report, leak["columns"])
        tally("leaks", hit, f"{'+'.join(leak['columns'])} (class {leak['class']})")
    false_high = sorted(
        {
            c
            for f in findings
            if f.kind == "target_leak" and f.severity == "high"
            for c in f.columns
            if c in truth["legit"]
        }
    )
    counts["false high leaks"] = [len(false_high), len(truth["legit"])]
    asked = {
        c
        for f in findings
        if f.kind == "target_leak" and f.severity == "medium"
        for c in f.columns
        if c in truth["legit"]
    }
    counts["legitimate columns asked about (medium)"] = [len(asked), len(truth["legit"])]
    if false_high:
        missed.append(f"false high leaks: {', '.join(false_high)}")
    if truth["time"]:
        tally("time", report is not None and report.time_column == truth["time"], truth["time"])
    if truth["entity"]:
        got = report.group_column if report else None
        # A column the report names as the entity's alias (a state's code beside its name,
        # one value for each) is the same entity.
        aliases = {
            c
            for f in findings
            if f.kind == "repeated_entity"
            for c in f.evidence.get("aliases", ())
        }
        tally(
            "entity",
            got == truth["entity"] or truth["entity"] in aliases,
            f"{truth['entity']} (got {got})",
        )
    ids_found = {c for f in findings if f.kind == "id_column" for c in f.columns}
    for column in truth["ids"]:
        tally("identifiers", column in ids_found, column)
    constant_found = {c for f in findings if f.kind == "constant_column" for c in f.columns}
    for column in truth["constant"]:
        tally("constant", column in constant_found, column)
    if truth["duplicates"]:
        tally("duplicates", any(f.kind == "duplicate_rows" for f in findings), "duplicate rows")
    extra = []
    if report is not None and report.time_column and not truth["time"]:
        extra.append(f"time column where none: {report.time_column}")
    if report is not None and report.group_column and not truth["entity"]:
        extra.append(f"entity where none: {report.group_column}")
    return {
        "name": name,
        "batch": truth["batch"],
        "seconds": seconds,
        "counts": counts,
        "missed": missed,
        "extra": extra,
        "error": error,
        "folds": getattr(report, "folds", None) if report else None,
    }


def score_corpus() -> list[dict]:
    """Score every table of the corpus."""
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["tables"]
    return [score_table(name, truth) for name, truth in manifest.items()]


def _total(results: list[dict], kind: str) -> tuple[int, int]:
    return (
        sum(r["counts"][kind][0] for r in results),
        sum(r["counts"][kind][1] for r in results),
    )


def _batches(results: list[dict]) -> dict[str, list[dict]]:
    """Results by batch (0: the set the audit was first tuned on), then all together."""
    groups = {
        f"batch {b}": [r for r in results if r["batch"] == b]
        for b in sorted({r["batch"] for r in results})
    }
    return {**groups, "all": results}


def corpus_table(results: list[dict]) -> str:
    """Markdown table: detection by kind, batch by batch."""
    groups = _batches(results)
    lines = [
        "| kind | " + " | ".join(f"{k} ({len(v)} tables)" for k, v in groups.items()) + " |",
        "|---|" + "---:|" * len(groups),
    ]
    for kind in KINDS:
        cells = []
        for members in groups.values():
            hit, total = _total(members, kind)
            if kind in ("false high leaks", "legitimate columns asked about (medium)"):
                cells.append(f"{hit} (of {total})")
            else:
                cells.append(f"{hit}/{total} ({hit / total:.0%})" if total else "–")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    cells = [str(sum(len(r["extra"]) for r in members)) for members in groups.values()]
    lines.append("| time or entity found where there is none | " + " | ".join(cells) + " |")
    for label, pick in (("max seconds per file (load + audit)", max), ("total seconds", sum)):
        cells = [
            f"{pick(r['seconds'] for r in members):.2f}" if members else "–"
            for members in groups.values()
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def corpus_details(results: list[dict]) -> str:
    """One line per table: time, what was missed, what was found where nothing is."""
    lines = []
    for r in results:
        problems = r["missed"] + r["extra"] + ([f"error: {r['error']}"] if r["error"] else [])
        lines.append(
            f"- {r['name']} (batch {r['batch']}): {r['seconds']:.2f} s; "
            + ("; ".join(problems) if problems else "everything found")
        )
    return "\n".join(lines)


def bench_audit_corpus() -> list[tuple[str, object, str]]:
    """Detection rates on the corpus, batch by batch and in all, for the ``make bench`` table."""
    results = score_corpus()
    print(corpus_table(results), file=sys.stderr)
    print(corpus_details(results), file=sys.stderr)
    rows: list[tuple[str, object, str]] = []
    for group, members in _batches(results).items():
        for kind in KINDS:
            hit, total = _total(members, kind)
            if kind == "false high leaks":
                rows.append((f"corpus {group}: false high leaks on legitimate columns", hit, ""))
            elif kind.startswith("legitimate"):
                rows.append((f"corpus {group}: {kind}", f"{hit}/{total}", ""))
            elif total:
                rows.append((f"corpus {group}: {kind} found", f"{hit}/{total}", ""))
        extras = sum(len(r["extra"]) for r in members)
        rows.append((f"corpus {group}: time or entity found where there is none", extras, ""))
        rows.append((f"corpus {group}: max time per file", max(r["seconds"] for r in members), "s"))
    return rows


def bench_audit_wide(n_rows: int = 10_000, n_columns: int = 5_000) -> list[tuple[str, object, str]]:
    """A sensor-like table of 10,000 × 5,000 numbers (issue 19): audited in-process, with the
    columns screened and skipped in the time budget."""
    from lessons.audit import audit

    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        rng.normal(size=(n_rows, n_columns)).round(3), columns=[f"s{i}" for i in range(n_columns)]
    )
    frame["target"] = (frame["s3"] + rng.normal(0, 1, n_rows) > 0).astype(int)
    frame[f"s{n_columns - 7}"] = frame["target"] + rng.normal(0, 0.01, n_rows)  # a leak
    start = time.perf_counter()
    report = audit(frame, "target")
    seconds = time.perf_counter() - start
    note = next((n for n in report.notes if "not screened" in n), "")
    skipped = int(note.split(" of ")[0].rsplit(": ", 1)[-1].replace(",", "")) if note else 0
    label = f"audit wide {n_rows:,} x {n_columns:,}"
    return [
        (f"{label}: audit (in-process, frame in memory)", seconds, "s"),
        (f"{label}: columns screened in the budget", n_columns - skipped, "columns"),
        (f"{label}: columns skipped (named in a note)", skipped, "columns"),
        (f"{label}: model-check rows", report.sampled_rows, "rows"),
        (
            f"{label}: planted leak found (high)",
            int(f"s{n_columns - 7}" in report.leak_columns()),
            "",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["wide"]:
        for label, value, unit in bench_audit_wide():
            print(f"{label:<70} {value} {unit}")
    elif sys.argv[1:] == ["corpus"]:
        scored = score_corpus()
        print(corpus_table(scored))
        print()
        print(corpus_details(scored))
    else:
        for label, value, unit in bench_audit():
            print(f"{label:<55} {value:10.2f} {unit}")
