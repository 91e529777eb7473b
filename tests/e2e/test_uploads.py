"""Every lesson on the kinds of upload the built-in data does not cover: public tables of other
shapes go through /data, into the lessons, and every lesson page draws without an exception.

The tables come with installed packages (scikit-learn's bundled CSVs, plotly.data) and are
written to temporary files by the test: a multiclass target with text labels and naive dates, and
a regression target with ISO timestamps in UTC (``2012-01-01T06:16:41Z``) and a repeated entity.
A binary upload with text labels, dates, an entity and gaps goes through every page in the
AppTest suite (``tests/app/test_data.py``, ``tests/app/test_frame.py``), and a binary table with
no time column is the built-in ``breast_cancer``, which the AppTest page tests open.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.data
import pytest
from playwright.sync_api import expect
from sklearn.datasets import load_wine

from components import navigation
from tests.e2e.conftest import screenshot, wait_ready


def _tastings() -> pd.DataFrame:
    """Multiclass, naive dates, no repeated entity."""
    bunch = load_wine(as_frame=True)
    frame = bunch.frame.sample(frac=1.0, random_state=0).reset_index(drop=True)
    frame = frame.iloc[:, :6].assign(cultivar=[f"cultivar_{c}" for c in frame["target"]])
    frame.insert(0, "tasted_on", pd.date_range("2021-01-04", periods=len(frame), freq="D"))
    frame["tasted_on"] = frame["tasted_on"].dt.strftime("%Y-%m-%d")
    return frame


def _life_expectancy() -> pd.DataFrame:
    """Regression, timestamps in UTC, a repeated entity (the country)."""
    frame = plotly.data.gapminder()
    frame = frame[frame["country"].isin(sorted(frame["country"].unique())[:40])]
    return pd.DataFrame(
        {
            "country": frame["country"],
            "continent": frame["continent"],
            "measured_at": [f"{year}-07-01T06:16:41Z" for year in frame["year"]],
            "pop": frame["pop"],
            "gdp_per_capita": frame["gdpPercap"].round(2),
            "life_expectancy": frame["lifeExp"],
        }
    ).reset_index(drop=True)


TABLES = {
    "tastings": _tastings,
    "life_expectancy": _life_expectancy,
}
LESSON_PAGES = [spec for spec in navigation.existing_pages() if spec.path != "pages/data.py"]


@pytest.mark.slow
@pytest.mark.parametrize("name", list(TABLES))
def test_an_upload_of_this_shape_runs_through_every_lesson_page(server, page, tmp_path, name):
    path = tmp_path / f"{name}.csv"
    TABLES[name]().to_csv(path, index=False)
    page.goto(f"{server.url}/data?dataset=wine")
    wait_ready(page)
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(path))
    use = page.get_by_role("button", name="Use this dataset in the lessons")
    use.wait_for()
    wait_ready(page)
    main = page.locator("[data-testid='stMain']")
    expect(main).to_contain_text(f"{name}.csv")
    if name == "life_expectancy":  # the one rule for zoned times, stated to the user
        expect(main).to_contain_text("converted them to UTC")
    assert page.locator("[data-testid='stException']").count() == 0
    use.click()
    page.wait_for_url(re.compile(r"dataset=upload-"))
    wait_ready(page)
    active = page.get_by_role("combobox", name="Dataset")
    expect(active).to_have_value(re.compile(re.escape(f"{name}.csv")))
    errors = {}
    for spec in LESSON_PAGES:
        page.locator("[data-testid='stSidebarNav'] a", has_text=spec.title).first.click()
        title = "ML Spine" if spec.path == "pages/home.py" else spec.title  # st.title of the page
        expect(page.get_by_role("heading", name=title, exact=True).first).to_be_visible()
        wait_ready(page)
        expect(active).to_have_value(re.compile(re.escape(f"{name}.csv")))
        exceptions = page.locator("[data-testid='stException']")
        if exceptions.count():
            errors[spec.url_path or "home"] = exceptions.all_inner_texts()
        if spec.path == "pages/monitor.py":
            screenshot(page, f"upload-{name}-monitor")
    assert not errors, errors
