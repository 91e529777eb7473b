"""The example reverse-proxy configuration, tested: nginx on loopback in front of two replicas."""

import os

import pytest

from tests.e2e.conftest import NGINX, Proxy, Server, new_context, screenshot, wait_ready


@pytest.fixture
def proxy(tmp_path):
    if NGINX is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is missing under CI (`make test` installs it as root)")
        pytest.skip("nginx is not installed")
    secret = "classroom-shared-secret"
    replicas = [Server(env={"STREAMLIT_SERVER_COOKIE_SECRET": secret}) for _ in range(2)]
    proxy = Proxy(replicas, tmp_path)
    yield proxy.url
    proxy.stop()
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
