"""Benchmark of the audit's command line on three synthetic CSVs, process start to finish.

The files are generated into a temporary folder (never committed): 10,000 × 56 mixed types,
100,000 × 50, and 1,000,000 × 20 (about 150 MB). Each is audited by
``python -m lessons.audit FILE --target target --json`` in a fresh process, timed from
process start to exit (imports and parsing included); peak memory is the child's maximum
resident set size. The frame's own size (pandas, deep) is measured separately to check the
"peak under three times the frame" goal.
"""

from __future__ import annotations

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


# Runs the command line as ``python -m lessons.audit`` does, then reports the process's own
# high-water mark. Not ``ru_maxrss`` from wait4: Linux starts a child's maxrss at its parent's
# resident size at fork, and this process has just generated a million-row table.
_PEAK_WRAPPER = """
import runpy, sys
try:
    runpy.run_module("lessons.audit", run_name="__main__", alter_sys=True)
finally:
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("peak_kb=" + line.split()[1] + "\\n")
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


if __name__ == "__main__":
    for label, value, unit in bench_audit():
        print(f"{label:<55} {value:10.2f} {unit}")
