"""Run every ``bench_*`` function under ``bench/`` and print one table (also written to
``docs/benchmarks.md``)."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import platform
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import bench

ROOT = Path(__file__).resolve().parent.parent
NOTES = "## Notes"
PACKAGES = ("streamlit", "scikit-learn", "pandas", "numpy", "plotly", "altair")


def _rows(only: set[str], skip: set[str]) -> list[tuple[str, str, str]]:
    rows = []
    for module_info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if (only and module_info.name not in only) or module_info.name in skip:
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("bench_") or function.__module__ != module.__name__:
                continue
            print(f"running {module_info.name}.{name} …", file=sys.stderr, flush=True)
            start = time.perf_counter()
            for row in function():
                label, value, *unit = row
                unit = unit[0] if unit else "s"
                shown = f"{value:.3f}" if isinstance(value, float) else str(value)
                rows.append((f"{module_info.name}: {label}", shown, unit))
            print(f"  done in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
    return rows


def main() -> None:
    """``python -m bench [MODULE ...] [-MODULE ...]``: run some modules, or all but some."""
    only = {arg for arg in sys.argv[1:] if not arg.startswith("-")}
    skip = {arg[1:] for arg in sys.argv[1:] if arg.startswith("-")}
    # Benchmarks train models that record runs; keep them out of the learner's log.
    with tempfile.TemporaryDirectory(prefix="bench-runs-") as folder:
        os.environ["ML_SPINE_DB"] = str(Path(folder) / "runs.sqlite")
        rows = _rows(only, skip)
    header = [
        "# ML Spine benchmarks",
        "",
        f"Machine: {os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}; "
        + ", ".join(f"{p} {version(p)}" for p in PACKAGES),
        "",
        "| measurement | value | unit |",
        "|---|---:|---|",
    ]
    table = "\n".join(header + [f"| {label} | {value} | {unit} |" for label, value, unit in rows])
    print(table)
    if not only:
        if skip:
            table += f"\n\nLeft out of this run: {', '.join(sorted(skip))}."
        (ROOT / "docs").mkdir(exist_ok=True)
        target = ROOT / "docs" / "benchmarks.md"
        # The hand-written notes below the table (causes found, budgets missed) survive a rerun.
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        notes = old[old.index(NOTES) :] if NOTES in old else ""
        target.write_text(table + "\n" + ("\n" + notes if notes else ""), encoding="utf-8")


if __name__ == "__main__":
    main()
