"""lessons.text_match answers as pandas' string methods do, one test per distinct value."""

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import text_match
from lessons.audit.table import CLOCK_TIME, CROSSED_SIZE, SLASHED_SIZE
from lessons.csv_loading import _DATE_RE, _TWO_DIGIT_YEAR_RE

PATTERNS = (
    r"[A-Za-z]\d{0,2}",
    r"\d",
    " ",
    CLOCK_TIME,
    CROSSED_SIZE,
    SLASHED_SIZE,
    _DATE_RE.pattern,
    _TWO_DIGIT_YEAR_RE.pattern,
)
# Short strings from the characters these patterns care about, with repeats and blanks, so
# that matches and distinct values shared by several rows both occur.
CELLS = st.text(alphabet="ab1290:/-x .Z٣", max_size=8)
COLUMNS = st.lists(st.one_of(CELLS, st.none()), max_size=40)


def _text(cells: list[str | None]) -> pd.Series:
    return pd.Series(cells, dtype="str", index=range(100, 100 + len(cells)))


# Some patterns have groups, which pandas warns about in str.contains.
@pytest.mark.filterwarnings("ignore:This pattern is interpreted:UserWarning")
@settings(max_examples=60, deadline=None)
@given(cells=COLUMNS, pattern=st.sampled_from(PATTERNS))
def test_matches_as_pandas_does(cells, pattern):
    values = _text(cells)
    # pandas leaves a missing value missing; the callers count it as no match.
    expected = {
        "fullmatch": values.str.fullmatch(pattern).fillna(False),
        "match": values.str.match(pattern).fillna(False),
        "contains": values.str.contains(pattern, regex=True).fillna(False),
    }
    for how, wanted in expected.items():
        got = getattr(text_match, how)(values, pattern)
        assert got.index.equals(values.index)
        assert got.tolist() == wanted.astype(bool).tolist(), how


@settings(max_examples=60, deadline=None)
@given(cells=COLUMNS, pattern=st.sampled_from(PATTERNS))
def test_strip_tests_the_stripped_value(cells, pattern):
    values = _text(cells)
    wanted = values.str.strip().str.fullmatch(pattern).fillna(False).astype(bool)
    assert text_match.fullmatch(values, pattern, strip=True).tolist() == wanted.tolist()


@settings(max_examples=80, deadline=None)
@given(cells=COLUMNS, pattern=st.sampled_from(PATTERNS), strip=st.booleans())
def test_every_fullmatch_is_all_of_fullmatch(cells, pattern, strip):
    values = _text(cells)
    wanted = bool(text_match.fullmatch(values, pattern, strip=strip).all())
    assert text_match.every_fullmatch(values, pattern, strip=strip) is wanted


@settings(max_examples=60, deadline=None)
@given(cells=COLUMNS)
def test_extract_as_pandas_does(cells):
    values = _text(cells)
    pattern = r"(?P<left>\d+)[/x](?P<right>\d*)"
    pd.testing.assert_frame_equal(
        text_match.extract(values, pattern), values.str.extract(pattern), check_dtype=False
    )


@pytest.mark.parametrize("how", ["fullmatch", "match", "contains"])
def test_a_compiled_pattern_is_accepted(how):
    values = pd.Series(["a1", "b22", "c333", "a1"], dtype="str")
    got = getattr(text_match, how)(values, re.compile(r"[a-z]\d{1,2}"))
    assert got.tolist() == getattr(values.str, how)(r"[a-z]\d{1,2}").tolist()
