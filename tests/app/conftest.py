"""AppTest helpers: every page test starts from the router, as a user's browser does."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

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
