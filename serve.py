"""Serve ML Spine with its caches warm: ``python serve.py [streamlit options]``.

Streamlit computes a page's lesson results the first time someone opens it, so on a cold
server the first learner waited 6-11 s per page. This starts the same server in this process
and, as soon as its health check answers, a background thread opens every page once for the
default dataset through the server's own websocket, the way a browser does. The results land
in the shared caches before (or while) the first learner arrives; health is never delayed.

``ML_SPINE_WARM`` chooses what is warmed (``churn:0`` by default; ``churn:7,fraud:7`` for a class
sent to seed 7 on two datasets). When the warm-up is done the server logs ``ML Spine warm: ...`` and, if ``ML_SPINE_READY_FILE``
names a file, writes it: the Dockerfile's HEALTHCHECK waits for that file, the same way a
pipeline's downstream job waits for the upstream's success marker.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

READY_FILE_ENV = "ML_SPINE_READY_FILE"
WARM_ENV = "ML_SPINE_WARM"
"""Which built-in datasets and seeds to warm, e.g. ``churn:7,fraud:7`` for a class that the
instructor sends to seed 7 (default ``churn:0``, what a link without parameters shows)."""
DEFAULT_WARM = "churn:0"
PAGE_TIMEOUT_S = 180.0
WARM_THREAD = "ml-spine-warm"
HEALTH_PATIENCE_S = 120.0

_log = logging.getLogger("ml_spine.serve")


@dataclass(frozen=True)
class WarmPage:
    """One page opened by the warm-up: its URL path, its seconds, and whether it finished."""

    url_path: str
    seconds: float
    finished: bool


def _option(args: list[str], name: str, default: str) -> str:
    flag = f"--server.{name}"
    for index, arg in enumerate(args):
        if arg == flag and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return os.environ.get(f"STREAMLIT_SERVER_{name.upper()}", default)


def wait_for_health(base_url: str, patience_s: float = HEALTH_PATIENCE_S) -> bool:
    """Poll the server's health endpoint until it answers; False if it never did."""
    deadline = time.monotonic() + patience_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.25)
    return False


def warm_targets(spec: str) -> list[tuple[str, int]]:
    """``"churn:0,fraud:7"`` → ``[("churn", 0), ("fraud", 7)]``; unknown names are skipped."""
    from lessons import datasets

    targets = []
    for item in spec.split(","):
        name, _, seed = item.strip().partition(":")
        if name in datasets.BUILTIN_NAMES and (seed or "0").isdigit():
            targets.append((name, int(seed or 0)))
    return targets


def wait_for_ready_file(ready: Path, patience_s: float) -> bool:
    """Wait until the warm-up has written ``ready``; False if it did not within the patience."""
    deadline = time.monotonic() + patience_s
    while not ready.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def open_page(ws_url: str, url_path: str, query: str) -> WarmPage:
    """Run one page in a new session over the websocket and wait for its run to finish."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    request = BackMsg()
    request.rerun_script.query_string = query
    request.rerun_script.page_name = url_path
    early = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
    start = time.perf_counter()
    deadline = start + PAGE_TIMEOUT_S
    with connect(ws_url, subprotocols=["streamlit"], open_timeout=30, max_size=None) as socket:
        socket.send(request.SerializeToString())
        while (remaining := deadline - time.perf_counter()) > 0:
            try:
                payload = socket.recv(timeout=remaining)
            except TimeoutError:
                break
            if not isinstance(payload, bytes):
                continue
            message = ForwardMsg.FromString(payload)
            if message.WhichOneof("type") == "script_finished" and message.script_finished != early:
                return WarmPage(url_path, time.perf_counter() - start, True)
    return WarmPage(url_path, time.perf_counter() - start, False)


def warm(base_url: str, url_paths: list[str], query: str) -> list[WarmPage]:
    """Open each page once, one after another (a warm-up must not crowd the first learner)."""
    ws_url = base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
    pages = []
    for url_path in url_paths:
        try:
            pages.append(open_page(ws_url, url_path, query))
        except Exception as error:  # a warm-up failure must never take the server down
            _log.warning("Warm-up of /%s failed: %s", url_path, error)
            pages.append(WarmPage(url_path, 0.0, False))
    return pages


class _QuietWarmThread(logging.Filter):
    """Drops Streamlit's "missing ScriptRunContext" warning for the warm-up's own thread,
    which calls cached functions outside any session on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            threading.current_thread().name == WARM_THREAD
            and "missing ScriptRunContext" in record.getMessage()
        )


def _warm_in_background(base_url: str) -> None:
    from components import monitor, navigation, train

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        _QuietWarmThread()
    )

    if not wait_for_health(base_url):
        _log.warning("ML Spine warm-up skipped: the server's health check never answered.")
        return
    start = time.perf_counter()
    paths = [spec.url_path for spec in navigation.existing_pages()]
    targets = warm_targets(os.environ.get(WARM_ENV, DEFAULT_WARM))
    pages, fits, simulations = [], 0, 0
    for name, seed in targets:
        pages += warm(base_url, paths, f"dataset={name}&seed={seed}")
        # The pages ran in this process, so the caches below are the ones every session reads.
        try:
            fits += train.warm(name, seed)
        except Exception as error:  # a warm-up failure must never take the server down
            _log.warning("Warm-up of Train live's controls failed: %s", error)
        try:
            simulations += monitor.warm(name, seed)
        except Exception as error:  # a warm-up failure must never take the server down
            _log.warning("Warm-up of the shipped models' production months failed: %s", error)
    done = sum(page.finished for page in pages)
    slowest = max(pages, key=lambda page: page.seconds, default=WarmPage("", 0.0, False))
    message = (
        f"ML Spine warm: {done} of {len(pages)} pages, {fits} fits of Train live's "
        f"controls and {simulations} production runs of the models they ship in {time.perf_counter() - start:.1f} s for "
        + ", ".join(f"{name} seed {seed}" for name, seed in targets)
        + f" (slowest page /{slowest.url_path} {slowest.seconds:.1f} s)"
    )
    print(message, flush=True)
    ready = os.environ.get(READY_FILE_ENV)
    if ready:
        Path(ready).write_text(message + "\n", encoding="utf-8")


def main(args: list[str]) -> None:
    """Start the warm-up thread, then run ``streamlit run app.py ARGS`` in this process."""
    from streamlit.web import cli

    port = _option(args, "port", "8501")
    base_path = _option(args, "baseUrlPath", "").strip("/")
    address = _option(args, "address", "")
    host = "127.0.0.1" if address in ("", "0.0.0.0", "::") else address
    base_url = f"http://{host}:{port}" + (f"/{base_path}" if base_path else "")
    ready = os.environ.get(READY_FILE_ENV)
    if ready:
        Path(ready).unlink(missing_ok=True)
    threading.Thread(
        target=_warm_in_background, args=(base_url,), name=WARM_THREAD, daemon=True
    ).start()
    app = str(Path(__file__).resolve().parent / "app.py")
    sys.argv = ["streamlit", "run", app, *args]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
