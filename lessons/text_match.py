"""Regular expressions over a column's text, tested once per distinct value.

A column of 100,000 rows often holds a few hundred distinct strings. pandas' string methods
test every row, and on Arrow-backed text they parse the pattern again on every call to choose
between Arrow's engine and Python's (about 2 ms for the date patterns). The loader and the
audit ask several such questions of every text column, so these answer them as ``Series.str``
does, with Python's ``re`` (the behaviour pandas defines), one test per distinct value.

A missing value matches nothing (and extracts nothing).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd


def _by_value(values: pd.Series, test) -> pd.Series:
    codes, distinct = pd.factorize(values)
    # An object array: iterating Arrow-backed text in Python costs a microsecond a value.
    distinct = np.asarray(distinct, dtype=object)
    hits = np.fromiter((test(str(v)) for v in distinct), dtype=bool, count=len(distinct))
    # A missing value's code is -1: the False appended last.
    return pd.Series(np.append(hits, False)[codes], index=values.index)


def fullmatch(
    values: pd.Series, pattern: str | re.Pattern[str], *, strip: bool = False
) -> pd.Series:
    """Whether each value matches ``pattern`` whole, as ``values.str.fullmatch`` answers.

    Parameters
    ----------
    values : pandas.Series
        Text.
    pattern : str or re.Pattern
        The regular expression.
    strip : bool, default False
        Test each value with its surrounding white space removed (``str.strip()`` first).

    Returns
    -------
    pandas.Series
        Booleans on the index of ``values``.
    """
    compiled = re.compile(pattern)
    if strip:
        return _by_value(values, lambda v: compiled.fullmatch(v.strip()) is not None)
    return _by_value(values, lambda v: compiled.fullmatch(v) is not None)


def every_fullmatch(
    values: pd.Series, pattern: str | re.Pattern[str], *, strip: bool = False
) -> bool:
    """``fullmatch(values, pattern, strip=strip).all()``, stopping at the first value that
    does not match: most columns fail on their first rows, and a column of 12,000 customer
    codes need not be read to the end to learn that it holds no single letters."""
    compiled = re.compile(pattern)

    def test(value: object) -> bool:
        if pd.isna(value):
            return False
        text = str(value)
        return compiled.fullmatch(text.strip() if strip else text) is not None

    return all(map(test, values.iloc[:20])) and all(map(test, values.unique()))


def match(values: pd.Series, pattern: str | re.Pattern[str]) -> pd.Series:
    """Whether each value starts with a match of ``pattern``, as ``values.str.match``."""
    compiled = re.compile(pattern)
    return _by_value(values, lambda v: compiled.match(v) is not None)


def contains(values: pd.Series, pattern: str | re.Pattern[str]) -> pd.Series:
    """Whether ``pattern`` occurs in each value, as ``values.str.contains`` with a regex."""
    compiled = re.compile(pattern)
    return _by_value(values, lambda v: compiled.search(v) is not None)


def extract(values: pd.Series, pattern: str | re.Pattern[str]) -> pd.DataFrame:
    """``values.str.extract(pattern)``, computed on the distinct values."""
    codes, distinct = pd.factorize(values)
    # A missing value's code is -1: the empty row appended last.
    found = pd.Series([*distinct, None], dtype=values.dtype).str.extract(pattern)
    return found.iloc[codes].set_axis(values.index)
