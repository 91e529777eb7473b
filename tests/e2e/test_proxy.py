"""The example reverse-proxy configuration, tested: nginx on loopback in front of two replicas."""

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import ROOT, Server, free_port, new_context, screenshot, wait_ready

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@pytest.fixture
def proxy(tmp_path):
    if NGINX is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing under CI (`make test` installs it as root)")
        pytest.skip("nginx is not installed")
    secret = "classroom-shared-secret"
    replicas = [Server(env={"STREAMLIT_SERVER_COOKIE_SECRET": secret}) for _ in range(2)]
    listen = free_port()
    config = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for key, value in {
        "prefix": str(tmp_path),
        "port_a": replicas[0].port,
        "port_b": replicas[1].port,
        "listen_port": listen,
    }.items():
        config = config.replace("{" + key + "}", str(value))
    conf = tmp_path / "nginx.conf"
    conf.write_text(config, encoding="utf-8")
    nginx = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path)], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{listen}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                break
        except OSError:
            time.sleep(0.2)
    yield url
    nginx.terminate()
    nginx.wait(timeout=10)
    for replica in replicas:
        replica.stop()


def test_app_works_through_the_proxy_with_affinity(proxy, browser):
    url = proxy
    context = new_context(browser, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{url}/?dataset=wine")
    wait_ready(page)
    cookies = {c["name"]: c["value"] for c in context.cookies()}
    assert "mlspine_replica" in cookies, "the proxy pins the browser to one replica"
    assert page.get_by_role("combobox", name="Dataset").input_value() == "Wine cultivars (real)"
    # A widget change travels over the proxied websocket and comes back rendered.
    page.get_by_role("combobox", name="Dataset").click()
    page.get_by_role("option", name="Card fraud").click()
    page.wait_for_url("**dataset=fraud**")
    wait_ready(page)
    assert page.locator("[data-testid='stException']").count() == 0
    screenshot(page, "proxy-home")
    context.close()
