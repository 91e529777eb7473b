"""CSV files the app writes: every text cell is safe to open in a spreadsheet.

A cell a user controls (a column name, a category value, a run note) that starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return runs as a formula when the file is opened in
Excel, LibreOffice or Google Sheets (CSV injection). Following OWASP's guidance, such a text
cell is prefixed with a single quote, which the spreadsheet shows as text, and every text
cell is quoted. Numbers (negative ones included) are left as numbers.
"""

from __future__ import annotations

import csv
import io
import numbers
from collections.abc import Iterable, Mapping, Sequence

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet cannot run: text starting with a formula trigger gets a
    leading ``'``; numbers, booleans and missing values are returned unchanged.

    Examples
    --------
    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell("-2+3"), safe_cell(-2.5)
    ('\\'=HYPERLINK("http://x")', "'-2+3", -2.5)
    """
    if value is None or isinstance(value, (numbers.Number, bool)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def to_csv(rows: Iterable[Mapping[str, object]], fieldnames: Sequence[str]) -> str:
    """Rows as CSV text: a header, then one line per row, every cell through
    :func:`safe_cell`; text cells quoted, numbers bare, missing values as ``""``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    writer.writerow([safe_cell(str(name)) for name in fieldnames])
    for row in rows:
        writer.writerow([safe_cell(row.get(name)) for name in fieldnames])
    return buffer.getvalue()
