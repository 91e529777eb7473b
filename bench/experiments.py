"""Benchmark of the run store: write throughput, single-threaded and with eight writers."""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

from lessons.store import RunRecord, RunStore


def _record(i: int) -> RunRecord:
    return RunRecord(
        page="bench",
        dataset="churn",
        split="time",
        model="random_forest",
        params={"max_depth": i % 16, "n_estimators": 100},
        metrics={"validation_roc_auc": 0.7 + i % 10 / 100, "validation_accuracy": 0.8},
        seed=i,
    )


def bench_experiments(n_runs: int = 500, n_threads: int = 8) -> list[tuple[str, float, str]]:
    """Runs per second written to a fresh store (one transaction each) and read back."""
    with tempfile.TemporaryDirectory() as folder:
        store = RunStore(Path(folder) / "runs.sqlite")
        start = time.perf_counter()
        for i in range(n_runs):
            store.add("session:bench", _record(i))
        single = time.perf_counter() - start

        per_thread = n_runs // n_threads

        def write(thread: int) -> None:
            own = RunStore(store.path)
            for i in range(per_thread):
                own.add(f"session:{thread}", _record(i))

        threads = [threading.Thread(target=write, args=(t,)) for t in range(n_threads)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        concurrent = time.perf_counter() - start

        start = time.perf_counter()
        read = store.runs("session:bench")
        reading = time.perf_counter() - start
        assert len(read) == n_runs and store.count() == n_runs + per_thread * n_threads
    return [
        ("run store: writes, one writer", n_runs / single, "runs/s"),
        (f"run store: writes, {n_threads} threads", per_thread * n_threads / concurrent, "runs/s"),
        (f"run store: read {n_runs} runs", reading, "s"),
    ]


if __name__ == "__main__":
    for label, value, unit in bench_experiments():
        print(f"{label:45s} {value:12.4f} {unit}")
