"""AppTest helpers: every page test starts from the router, as a user's browser does."""

import functools
from pathlib import Path

import pytest
import streamlit.components.v2.manifest_scanner as manifest_scanner
import streamlit.testing.v1.app_test as app_test_module
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest


class _RouterPagesManager(PagesManager):
    """The pages manager a long-running server has after its first request.

    A real server switches Streamlit's old ``pages/``-folder convention off for good once
    ``app.py`` calls ``st.navigation``. AppTest switches it back on before every run, which
    sends each rerun through the old convention first and loses a button's click on the way.
    This keeps it off, as in production; the cold-start path is covered end to end.
    """

    def __init__(self, *args, **kwargs):
        PagesManager.uses_pages_directory = False
        super().__init__(*args, **kwargs)


app_test_module.PagesManager = _RouterPagesManager
# Each AppTest scans every installed distribution for Streamlit components (a quarter of a
# second, more than most page runs); a server scans once at start-up. The installed packages
# do not change during a test run, so the scan is done once per process here too.
manifest_scanner.scan_component_manifests = functools.cache(
    manifest_scanner.scan_component_manifests
)
# A failing page reports its traceback to the test instead of Streamlit's redacted message.
config.set_option("client.showErrorDetails", "full")

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def open_app(page: str | None = None, timeout: float = 60, **query: str) -> AppTest:
    """Start the app at the router with ``query`` in the URL, then switch to ``page``.

    Parameters
    ----------
    page : str, optional
        A file under ``pages/``, e.g. ``"pages/split.py"``.
    **query : str
        URL query parameters of the first request, e.g. ``dataset="fraud"``.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    if page:
        at.switch_page(page).run()
    return at


@pytest.fixture
def app():
    return open_app


def split_strategy(at: AppTest, name: str) -> str:
    """The split strategy later lessons use for dataset ``name``: lesson 2's stored choice, or
    the honest default (an untouched choice is stored as ``"auto"``)."""
    from lessons import datasets, splits
    from lessons.choices import SplitChoice

    uploads = at.session_state.get("sidebar_uploads", {})
    dataset = uploads[name] if name in uploads else datasets.load(name, 0)
    choice = at.session_state.get("course_split", {}).get(name, SplitChoice())
    return splits.make_buckets(dataset, choice).strategy
