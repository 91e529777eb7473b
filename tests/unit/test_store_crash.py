"""The run log survives a server killed mid-write: several writer processes, SIGKILL mid-burst,
then the database opens, passes ``PRAGMA integrity_check``, and every run whose write returned
is there."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from lessons.store import RunRecord, RunStore

ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from lessons.store import RunRecord, RunStore

store = RunStore(sys.argv[1])
scope = sys.argv[2]
for number in range(100_000):
    run_id = store.add(
        scope,
        RunRecord(page="train", dataset="churn", split="time", model="tree",
                  params={"max_depth": number}, metrics={"validation_roc_auc": 0.5},
                  note="x" * (number % 300)),
    )
    print(run_id, flush=True)  # the write returned: this run must survive
"""
WRITERS = 3
RETURNED_BEFORE_KILL = 150


def _read_ids(process: subprocess.Popen, ids: list[int], enough: threading.Event) -> None:
    for line in process.stdout:
        if line.strip().isdigit():
            ids.append(int(line))
            if len(ids) >= RETURNED_BEFORE_KILL:
                enough.set()
    enough.set()  # the writer ended (or was killed): stop waiting for it


@pytest.mark.slow
@pytest.mark.parametrize("fresh", [False, True], ids=["migrated", "fresh file"])
def test_runs_whose_write_returned_survive_sigkill_mid_burst(tmp_path, fresh):
    path = tmp_path / "runs.sqlite"
    if not fresh:  # else the writers create and migrate the file at the same moment
        RunStore(path)
    processes, readers, returned, ready = [], [], [], []
    for writer in range(WRITERS):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), f"session:{writer}"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        ids: list[int] = []
        enough = threading.Event()
        reader = threading.Thread(target=_read_ids, args=(process, ids, enough), daemon=True)
        reader.start()
        processes.append(process)
        readers.append(reader)
        returned.append(ids)
        ready.append(enough)
    try:
        for enough in ready:
            enough.wait()
        assert all(process.poll() is None for process in processes), "a writer stopped early"
    finally:
        for process in processes:  # mid-burst: every writer is inside its loop of writes
            process.send_signal(signal.SIGKILL)
        for process in processes:
            process.wait()
    for reader in readers:
        reader.join()
    assert all(process.returncode == -signal.SIGKILL for process in processes)
    assert all(len(ids) >= RETURNED_BEFORE_KILL for ids in returned)

    # The restart: the file opens, is intact, and holds every run whose write returned.
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    store = RunStore(path)
    for writer, ids in enumerate(returned):
        kept = {run.run_id for run in store.runs(f"session:{writer}")}
        missing = sorted(set(ids) - kept)
        assert not missing, f"writer {writer} lost {len(missing)} returned run(s): {missing[:10]}"
    after = store.add("session:after", RunRecord(page="train", dataset="d", split="s", model="m"))
    assert after > max(max(ids) for ids in returned)


def test_every_commit_is_synced_to_disk(tmp_path):
    # WAL with synchronous=NORMAL survives a killed process, but a power cut or a crash of
    # the machine (a container host) can lose the last commits; FULL syncs the WAL on every
    # commit, so a run whose write returned is on disk.
    store = RunStore(tmp_path / "runs.sqlite")
    with store.engine.connect() as connection:  # a connection as the store's engine opens it
        assert connection.exec_driver_sql("PRAGMA journal_mode").one() == ("wal",)
        assert connection.exec_driver_sql("PRAGMA synchronous").one() == (2,)  # FULL
