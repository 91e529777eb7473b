"""End-to-end fixtures: a real Streamlit server on loopback and Debian's Chromium.

Under CI (``CI=true``) a missing browser fails the tests; elsewhere they skip with the reason.
Screenshots land in ``tests/e2e/artifacts/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.e2e
# Every wait is on a condition of the page, never the clock; this is how long a condition may
# take on a loaded 2-core machine (a cold page under CPU load can take over a minute). It is
# the default of every Playwright wait and of ``expect``, so tests pass no timeouts of their own.
PATIENCE = 180_000


def _browser_problem() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (install Debian's chromium; `make test` does so as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (it is in requirements-dev.txt)"
    return None


# When the run also holds the CPU-bound tests (one `pytest` for everything), the browser tests
# form two chains, one per worker, each on its own shared server (whose cache its tests then
# share), and the other workers run the CPU-bound tests meanwhile: only two servers and two
# browsers compete with them. The chains are about equal in time. On their own, the browser
# tests are spread over the workers as usual, the ones marked ``slow`` first.
CHAINS = {
    "e2e-a": (
        "test_classroom",
        "test_accessibility",
        "test_monitor",
        "test_router",
        "test_proxy",
        "test_safety",
        "test_progress",
        "test_data",
        "test_split",
        "test_metrics",
    ),
    "e2e-b": (
        "test_room",
        "test_plans",
        "test_uploads",
        "test_experiments",
        "test_live",
        "test_frame",
        "test_guided",
        "test_train",
        "test_leakage",
    ),
}
_CHAIN_OF = {module: chain for chain, modules in CHAINS.items() for module in modules}


def _is_e2e(item) -> bool:
    return "tests/e2e/" in str(item.fspath).replace(os.sep, "/")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if not all(_is_e2e(item) for item in items):
        for item in filter(_is_e2e, items):
            # A module not listed joins the second chain; rebalance CHAINS if it is long.
            chain = _CHAIN_OF.get(Path(str(item.fspath)).stem, "e2e-b")
            item.add_marker(pytest.mark.xdist_group(chain))
    problem = _browser_problem()
    if problem is None:
        return
    if os.environ.get("CI"):
        raise pytest.UsageError(f"End-to-end tests must run under CI, but {problem}.")
    marker = pytest.mark.skip(reason=f"no browser: {problem}")
    for item in filter(_is_e2e, items):
        item.add_marker(marker)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A Streamlit server of the app (or of another ``script``) on a free loopback port.

    ``warm=True`` starts it the way ``make run`` and the Docker image do, through ``serve.py``,
    which warms every page's results in the background once health answers.
    """

    def __init__(
        self, env: dict[str, str] | None = None, script: str = "app.py", warm: bool = False
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = ARTIFACTS / f"server-{self.port}.log"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log.open("w")
        launcher = ["serve.py"] if warm else ["-m", "streamlit", "run", script]
        self.process = subprocess.Popen(
            [
                sys.executable,
                *launcher,
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, "ML_SPINE_DB": str(self.log.with_suffix(".sqlite")), **(env or {})},
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"The server did not start; see {self.log}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log_file.close()


NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


class Proxy:
    """nginx on a free loopback port in front of ``replicas``, with ``deploy/nginx.conf``."""

    def __init__(self, replicas: list[Server], folder: Path) -> None:
        listen = free_port()
        config = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
        for key, value in {
            "prefix": str(folder),
            "port_a": replicas[0].port,
            "port_b": replicas[1].port,
            "listen_port": listen,
        }.items():
            config = config.replace("{" + key + "}", str(value))
        conf = folder / "nginx.conf"
        conf.write_text(config, encoding="utf-8")
        self.process = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(folder)], stderr=subprocess.PIPE
        )
        self.url = f"http://127.0.0.1:{listen}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def fresh_server() -> Iterator[Server]:
    """A server that has served nobody yet: its first request is the test's."""
    server = Server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """One server shared by the tests that do not need a cold start."""
    server = Server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PATIENCE)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_context(browser, **options):
    """A browser context whose waits all default to ``PATIENCE``."""
    context = browser.new_context(**options)
    context.set_default_timeout(PATIENCE)
    return context


@pytest.fixture
def page(browser):
    context = new_context(browser, viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def wait_ready(page, timeout: float = PATIENCE) -> None:
    """Wait until the app's script has finished and the page has settled.

    Settled means no status widget and no element still drawn faded (stale) from the
    previous run.
    """
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout
    )
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=timeout,
    )


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
