"""Read an uploaded CSV file into a DataFrame, guessing how it was written.

People upload files exported from Excel, LibreOffice, databases and scripts in many
locales, so the loader sniffs the text encoding, the delimiter, the decimal mark and
date-like columns instead of asking. Every problem a person can fix is raised as
:class:`~lessons.errors.DataError` with a message that names the file and says what to do.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import pandas as pd
from pandas.tseries.api import guess_datetime_format

from lessons import text_match
from lessons.errors import DataError

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_SAMPLE_BYTES = 64 * 1024
_SNIFF_LINES = 50
_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with a byte-order mark",
    "utf-16": "UTF-16 (with a byte-order mark)",
    "utf-16-le": "UTF-16 little-endian (no byte-order mark)",
    "utf-16-be": "UTF-16 big-endian (no byte-order mark)",
    "cp1252": "Windows-1252 (Western European)",
    "latin-1": "Latin-1 (Western European)",
}
# Signatures of formats people upload by mistake; the hint says how to get a CSV instead.
_BINARY_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"PAR1", "a Parquet file"),
    (b"SQLite format 3", "an SQLite database"),
)
_CONSISTENT_FRACTION = 0.9
_DATE_FRACTION = 0.95
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_DATE_RE = re.compile(
    r"\s*(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?"  # yyyy-mm, yyyy-mm-dd
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"  # dd/mm/yyyy, mm/dd/yyyy
    r"|\d{1,2}[-/.]\d{4}"  # mm/yyyy
    r"|(?:\d{1,2}[- ])?" + _MONTH + r"[- ]\d{4}"  # Feb-2018, 15-Feb-2018
    r"|\d{1,2}[- ]" + _MONTH + r"[- ]\d{2}"  # 6-Aug-09 (DD-MON-YY)
    r"|\d{4}[- ]"
    + _MONTH  # 1939 Jan (fpp3's yearmonth)
    + r"|"
    + _MONTH
    + r" \d{1,2},? \d{4})"  # Feb 15, 2018
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?\s*"
)
# A quarter ("1998 Q1", "1998-Q1", "Q1 1998"), as statistical offices and fpp3 write them.
_QUARTER_RE = re.compile(
    r"\s*(?:(?P<y1>\d{4})[- ]?Q(?P<q1>[1-4])|Q(?P<q2>[1-4])[- ]?(?P<y2>\d{4}))\s*"
)
_COMMA_DECIMAL_RE = re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+")
_POINT_DECIMAL_RE = re.compile(r"[+-]?\d+\.\d+(?:[eE][+-]?\d+)?")
_DOT_GROUPED_RE = r"[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?"


@dataclass(frozen=True)
class LoadedCSV:
    """A parsed CSV file and what the loader guessed about it.

    Attributes
    ----------
    frame : pandas.DataFrame
        The table, with unique string column names.
    encoding : str
        Python codec used to decode the bytes, e.g. ``"utf-8"``, ``"utf-8-sig"``,
        ``"utf-16"``, ``"latin-1"``.
    delimiter : str
        Field separator, one of ``","``, ``";"``, ``"\\t"``, ``"|"``.
    decimal : str
        Decimal mark of numbers, ``"."`` or ``","``.
    datetime_columns : tuple of str
        Columns converted from date-like text to ``datetime64``.
    notices : tuple of str
        Human-readable notes about what the loader changed or assumed.
    """

    frame: pd.DataFrame
    encoding: str
    delimiter: str
    decimal: str
    datetime_columns: tuple[str, ...]
    notices: tuple[str, ...]


CSVSource = bytes | bytearray | memoryview | str | os.PathLike | BinaryIO


class _Source:
    """Where the CSV comes from: bytes in memory, a file path, or a binary file object.

    A path or a file object is read twice without being held in memory: a small head for
    sniffing, then again from the start by pandas' parser. That keeps a large file's peak
    memory near the frame's size instead of frame plus raw bytes.
    """

    def __init__(self, source: CSVSource, filename: str) -> None:
        self.filename = filename
        self._data: bytes | None = None
        self._path: str | None = None
        self._stream: BinaryIO | None = None
        self._start = 0
        if isinstance(source, (bytes, bytearray, memoryview)):
            self._data = bytes(source)
        elif isinstance(source, (str, os.PathLike)):
            self._path = os.fspath(source)
        elif hasattr(source, "read") and _seekable(source):
            self._stream = source
            self._start = source.tell()
        elif hasattr(source, "read"):
            self._data = source.read()  # a pipe cannot be re-read: keep its bytes
        else:
            raise TypeError(f"load_csv reads bytes, a path or a binary file, not {source!r}")

    def size(self) -> int:
        if self._data is not None:
            return len(self._data)
        if self._path is not None:
            return self._os_call(os.path.getsize, self._path)
        end = self._stream.seek(0, io.SEEK_END)
        self._stream.seek(self._start)
        return end - self._start

    def head(self, n_bytes: int) -> bytes:
        if self._data is not None:
            return self._data[:n_bytes]
        if self._path is not None:
            with self._os_call(open, self._path, "rb") as file:
                return file.read(n_bytes)
        self._stream.seek(self._start)
        head = self._stream.read(n_bytes)
        self._stream.seek(self._start)
        return head

    def for_pandas(self) -> str | BinaryIO:
        """Something ``pandas.read_csv`` reads from the first byte, once per call."""
        if self._data is not None:
            return io.BytesIO(self._data)  # shares the bytes, no copy
        if self._path is not None:
            return self._path
        self._stream.seek(self._start)
        return self._stream

    def _os_call(self, function, *args):
        try:
            return function(*args)
        except OSError as exc:
            raise DataError(f"{self.filename}: cannot be read ({exc.strerror or exc}).") from exc


def _seekable(stream: object) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _default_name(source: CSVSource) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(os.fspath(source)) or "file"
    name = getattr(source, "name", None)
    return os.path.basename(name) if isinstance(name, str) and name else "file"


def load_csv(
    data: CSVSource, *, filename: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadedCSV:
    """Parse a CSV file, sniffing encoding, delimiter, decimals and dates.

    Parameters
    ----------
    data : bytes, path or binary file object
        The file's raw content, its path, or a binary file object open for reading (an
        upload, an open file). A path or a seekable file object is streamed: its bytes are
        never all held in memory next to the parsed frame.
    filename : str, optional
        Name shown in error messages and notices; by default the file's own name, or
        ``"file"`` for bytes.
    max_bytes : int, default ``DEFAULT_MAX_BYTES`` (200 MB)
        Larger inputs are refused before any parsing.

    Returns
    -------
    LoadedCSV
        The DataFrame plus the detected encoding, delimiter, decimal mark, the columns
        converted to datetimes, and notices about renamed columns or other changes.

    Raises
    ------
    DataError
        If the file cannot be read, is too large, empty, not text, has a single column, has
        no data rows, or has rows with more fields than the header. No other exception
        escapes.

    Examples
    --------
    >>> loaded = load_csv(b"x;y\\n1,5;a\\n2,5;b\\n", filename="demo.csv")
    >>> loaded.delimiter, loaded.decimal, loaded.frame["x"].tolist()
    (';', ',', [1.5, 2.5])
    """
    filename = filename if filename is not None else _default_name(data)
    try:
        with warnings.catch_warnings():
            # pandas warns about format inference and dtypes; the result is
            # checked here, so the warnings would only confuse the person reading logs.
            warnings.simplefilter("ignore")
            return _load(_Source(data, filename), filename, max_bytes)
    except DataError:
        raise
    except Exception as exc:  # the contract is "only DataError escapes"
        raise DataError(
            f"{filename}: could not be read as a table ({type(exc).__name__}: {exc}). "
            "Check that it is a CSV file with a header row, or re-export it as CSV "
            "(UTF-8) from your spreadsheet."
        ) from exc


def _load(source: _Source, filename: str, max_bytes: int) -> LoadedCSV:
    size = source.size()
    _check_size(size, filename, max_bytes)
    if not size:
        raise DataError(f"{filename} is empty (0 bytes). Choose a CSV file with a header row.")
    head = source.head(_SAMPLE_BYTES)
    is_whole = size <= _SAMPLE_BYTES
    _check_signature(head, filename)
    encoding = _detect_encoding(head, filename)
    text = _decode_sample(head, encoding, is_whole=is_whole)
    if not text.strip() and is_whole:
        raise DataError(
            f"{filename} is empty (only blank space). Choose a CSV file with a header row."
        )
    _check_text_like(text, filename)

    notices: list[str] = []
    if encoding != "utf-8":
        notices.append(f"Read the text as {_ENCODING_NAMES[encoding]}.")
    records = _sample_records(text, is_whole=is_whole)
    delimiter = _detect_delimiter(records, filename)
    rows = _split_records(records, delimiter)
    header = rows[0]
    names, name_notes = _unique_names(header)
    notices.extend(name_notes)
    decimal = _detect_decimal(rows[1:], delimiter)
    if decimal == ",":
        notices.append("Numbers use ',' as the decimal mark (e.g. 1,5 means 1.5).")

    header_lines = len(records[0].splitlines())
    first_row_wider = len(rows) > 1 and len(rows[1]) > len(names)
    frame, read_notes = _read_full(
        source, filename, encoding, delimiter, decimal, names, header_lines, first_row_wider
    )
    notices.extend(read_notes)
    if decimal == ",":
        frame = _convert_dot_grouped_numbers(frame)
    frame, datetime_columns, date_notes = _convert_dates(frame, dayfirst=decimal == ",")
    notices.extend(date_notes)
    return LoadedCSV(
        frame=frame,
        encoding=encoding,
        delimiter=delimiter,
        decimal=decimal,
        datetime_columns=tuple(datetime_columns),
        notices=tuple(notices),
    )


def _check_size(size: int, filename: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise DataError(
            f"{filename} is {size / 1024**2:.1f} MB, larger than the limit of "
            f"{max_bytes / 1024**2:.0f} MB. Upload a smaller file, e.g. a sample of the rows."
        )


def _check_signature(head: bytes, filename: str) -> None:
    for signature, kind in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise DataError(
                f"{filename} is not a CSV text file: it looks like {kind}. "
                "Open it in the program that made it and export or save it as CSV."
            )


def _detect_encoding(head: bytes, filename: str) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    nul_count = head.count(b"\x00")
    if nul_count:
        # ASCII-heavy UTF-16 has a NUL in every other byte; the side tells the byte order.
        odd = head[1::2].count(b"\x00")
        even = head[0::2].count(b"\x00")
        half = len(head) / 2
        if odd >= 0.3 * half and even <= 0.05 * half:
            return "utf-16-le"
        if even >= 0.3 * half and odd <= 0.05 * half:
            return "utf-16-be"
        raise DataError(
            f"{filename} is not a text table: it contains NUL bytes, which CSV files do not. "
            "It is probably a binary file; export the data as CSV and upload that."
        )
    try:
        # final=False: the 64 KB cut may split a multi-byte character at the end.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if any(0x80 <= byte <= 0x9F for byte in head):
        # Latin-1 maps these bytes to invisible control characters; Windows-1252 maps
        # them to € ‘ ’ “ ” and friends, which is what spreadsheet exports mean.
        try:
            head.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return "latin-1"


def _decode_sample(head: bytes, encoding: str, *, is_whole: bool) -> str:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    return decoder.decode(head, final=is_whole)


def _check_text_like(text: str, filename: str) -> None:
    controls = sum(1 for ch in text if (ch < " " and ch not in "\t\r\n") or ch == "\x7f")
    if controls > max(2, 0.01 * len(text)):
        raise DataError(
            f"{filename} does not look like a text table: it is full of control characters "
            "(probably a binary file). Export the data as CSV and upload that."
        )


def _sample_records(text: str, *, is_whole: bool) -> list[str]:
    """Split the sample into logical lines, keeping quoted newlines inside their record.

    Blank lines before the header are kept as a prefix of the first record so that its
    physical line count says how many lines to skip to reach the data.
    """
    lines = text.splitlines(keepends=True)
    if not is_whole and len(lines) > 1:
        lines = lines[:-1]  # the byte cut most likely truncated the last line
    records: list[str] = []
    pending = ""
    for line in lines:
        pending += line
        # An odd number of quote characters means a quoted field continues on the next line.
        if pending.count('"') % 2 == 0:
            if pending.strip():
                records.append(pending)
                pending = ""
            elif records:
                pending = ""
        if len(records) >= _SNIFF_LINES:
            break
    if pending.strip() and not records:
        records.append(pending)
    return records


def _split_records(records: list[str], delimiter: str) -> list[list[str]]:
    rows = []
    for record in records:
        parsed = list(csv.reader(io.StringIO(record, newline=""), delimiter=delimiter))
        rows.append([field for row in parsed for field in row] if parsed else [""])
    return rows


def _field_counts(records: list[str], delimiter: str) -> list[int]:
    return [len(row) for row in _split_records(records, delimiter)]


def _detect_delimiter(records: list[str], filename: str) -> str:
    if not records:
        raise DataError(f"{filename} is empty. Choose a CSV file with a header row.")
    try:
        sniffed = csv.Sniffer().sniff("".join(records[:20]), delimiters="".join(_DELIMITERS))
        sniffed_delimiter = sniffed.delimiter
    except csv.Error:
        sniffed_delimiter = None

    # The sniffer can be fooled by delimiters inside text, so only accept a delimiter
    # that gives the header's number of fields on (almost) every sampled line.
    consistent: list[tuple[float, int, str]] = []
    best_multi: tuple[int, str] | None = None
    for delimiter in _DELIMITERS:
        counts = _field_counts(records, delimiter)
        width = counts[0]
        if width < 2:
            continue
        body = counts[1:] or [width]
        fraction = sum(count == width for count in body) / len(body)
        if fraction >= _CONSISTENT_FRACTION:
            consistent.append((fraction, width, delimiter))
        modal = Counter(counts).most_common(1)[0][0]
        if modal >= 2 and (best_multi is None or modal > best_multi[0]):
            best_multi = (modal, delimiter)
    if consistent:
        if sniffed_delimiter in {d for _, _, d in consistent}:
            return sniffed_delimiter
        return max(consistent)[2]
    if best_multi is not None:
        # Ragged file: read it anyway so the full parse can report the bad line numbers.
        return best_multi[1]
    first = next(iter(csv.reader(io.StringIO(records[0], newline=""))), [""])
    only = first[0].strip() if first else ""
    raise DataError(
        f"{filename}: found only one column {only[:60]!r}. A table needs at least two "
        "columns — is the delimiter something other than , ; tab |? Re-export the file as "
        "CSV with one of those delimiters."
    )


def _unique_names(header: list[str]) -> tuple[list[str], list[str]]:
    notes: list[str] = []
    stripped = [name.strip() for name in header]
    names: list[str] = []
    blanks: list[str] = []
    for position, name in enumerate(stripped, start=1):
        if not name:
            name = f"unnamed_{position}"
            blanks.append(name)
        names.append(name)
    if blanks:
        notes.append(
            f"Gave a name to {len(blanks)} column(s) with a blank header: "
            + ", ".join(blanks)
            + "."
        )
    seen: set[str] = set()
    taken = set(names)
    renamed: list[str] = []
    for index, name in enumerate(names):
        if name in seen:
            copy = 2
            while f"{name} ({copy})" in taken:
                copy += 1
            new = f"{name} ({copy})"
            renamed.append(f"{name!r} → {new!r}")
            names[index] = new
            taken.add(new)
        seen.add(names[index])
    if renamed:
        notes.append("Renamed duplicate column names: " + ", ".join(renamed) + ".")
    return names, notes


def _detect_decimal(rows: list[list[str]], delimiter: str) -> str:
    if delimiter == ",":
        # With ',' as delimiter, '1,5' would have been split into two fields anyway.
        return "."
    fields = [field.strip() for row in rows for field in row]
    comma = sum(bool(_COMMA_DECIMAL_RE.fullmatch(field)) for field in fields)
    point = sum(
        bool(_POINT_DECIMAL_RE.fullmatch(field)) and not re.fullmatch(r"\d{1,3}(\.\d{3})+", field)
        for field in fields
    )
    return "," if comma > point else "."


def _read_full(
    source: _Source,
    filename: str,
    encoding: str,
    delimiter: str,
    decimal: str,
    names: list[str],
    header_lines: int,
    first_row_wider: bool = False,
) -> tuple[pd.DataFrame, list[str]]:
    """Read the whole file; every field of every row lands in the frame, or DataError.

    pandas' parser drops fields silently in one case: when the first data row has more
    fields than the header, it truncates every row of that width to the header's width (a
    trailing delimiter on every row, or an unquoted delimiter inside text). Wider rows
    after a normal first row are skipped with a warning. Both cases are re-read with room
    for the extra fields: empty extras (trailing delimiters) are dropped with a notice,
    anything else is refused with the line numbers.
    """
    notes: list[str] = []
    frame, bad_lines, truncated = _read_with(source, filename, encoding, delimiter, decimal, names)
    if bad_lines or truncated or first_row_wider:
        widest = max([seen for _, seen in bad_lines] + [len(names) + 1])
        extras = [f"__extra_{i}__" for i in range(widest - len(names))]
        wide, wider_lines, _ = _read_with(
            source, filename, encoding, delimiter, decimal, names + extras, skip=header_lines
        )
        filled = int(wide[extras].notna().any(axis=1).sum()) + len(wider_lines)
        if filled:
            raise DataError(
                _extra_fields_message(
                    source, filename, encoding, delimiter, names, header_lines, filled, len(wide)
                )
            )
        frame = wide.drop(columns=extras)
        name = _DELIMITER_NAMES[delimiter]
        notes.append(
            f"Some rows end with an extra {name} after the header's {len(names)} columns "
            f"(a trailing {name}); the fields after it were empty and were ignored, so no "
            "value was lost."
        )
    frame, dropped = _drop_empty_unnamed(frame, names)
    if dropped:
        notes.append("Dropped empty column(s) without a header: " + ", ".join(dropped) + ".")
    if frame.empty or len(frame) == 0:
        raise DataError(
            f"{filename} has a header row ({', '.join(map(str, names[:6]))}"
            f"{', …' if len(names) > 6 else ''}) but no data rows. "
            "Add rows of data below the header."
        )
    return frame, notes


def _extra_fields_message(
    source: _Source,
    filename: str,
    encoding: str,
    delimiter: str,
    names: list[str],
    header_lines: int,
    count: int,
    n_rows: int,
) -> str:
    """Say which lines hold values beyond the header's columns (an error path: a slow scan)."""
    lines, example = _lines_with_extra_values(source, encoding, delimiter, len(names), header_lines)
    shown = ", ".join(str(line) for line in lines)
    more = f" (and {count - len(lines)} more)" if count > len(lines) else ""
    name = _DELIMITER_NAMES[delimiter]
    if count >= n_rows:
        rows = f"every data row ({n_rows}) has"
    else:
        rows = "1 row has" if count == 1 else f"{count} rows have"
    header = ", ".join(repr(column) for column in names[:8]) + (", …" if len(names) > 8 else "")
    sample = ""
    if example is not None:
        line, fields = example
        values = ", ".join(repr(field[:30]) for field in fields[:12])
        sample = f" Line {line} has {len(fields)} fields: {values}."
    return (
        f"{filename}: {rows} more fields than the "
        f"{len(names)} columns of the header ({header}), on line(s) {shown}{more}, so their "
        f"values would land under the wrong column names.{sample} Check for a stray "
        f"{name} or a missing quote on those lines (text that contains a {name} must be in "
        "double quotes), or add the missing column names to the header."
    )


def _lines_with_extra_values(
    source: _Source, encoding: str, delimiter: str, width: int, header_lines: int, limit: int = 5
) -> tuple[list[int], tuple[int, list[str]] | None]:
    """The first ``limit`` line numbers whose records have non-empty fields past ``width``."""
    lines: list[int] = []
    example: tuple[int, list[str]] | None = None
    raw = source.for_pandas()
    stream = open(raw, "rb") if isinstance(raw, str) else raw  # noqa: SIM115
    try:
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(text, delimiter=delimiter)
        for record in reader:
            if reader.line_num <= header_lines:
                continue
            if len(record) > width and any(field.strip() for field in record[width:]):
                lines.append(reader.line_num)
                if example is None:
                    example = (reader.line_num, record)
                if len(lines) >= limit:
                    break
        text.detach()
    finally:
        if isinstance(raw, str):
            stream.close()
    return lines, example


def _read_with(
    source: _Source,
    filename: str,
    encoding: str,
    delimiter: str,
    decimal: str,
    names: list[str],
    skip: int | None = None,
) -> tuple[pd.DataFrame, list[tuple[int, int]], bool]:
    """Run pandas' C parser on the whole file.

    Returns the frame, the (line, fields) of the lines it skipped for having too many
    fields, and whether it truncated rows to the names' width (the first data row was
    wider than the header).

    With ``skip``, the header is skipped as raw lines instead of being read, so ``names``
    may be longer than the header (to make room for extra trailing fields).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(
                source.for_pandas(),
                sep=delimiter,
                encoding=encoding,
                decimal=decimal,
                header=0 if skip is None else None,
                skiprows=skip,
                names=names,
                index_col=False,
                engine="c",
                on_bad_lines="warn",
                encoding_errors="strict",
            )
        except pd.errors.EmptyDataError as exc:
            raise DataError(f"{filename} is empty. Choose a CSV file with a header row.") from exc
        except pd.errors.ParserError as exc:
            hint = ""
            if "EOF inside string" in str(exc):
                hint = ' A quote character (") opens a field that is never closed.'
            raise DataError(
                f"{filename}: could not be parsed as a table ({exc}).{hint} "
                "Fix the file in a text editor or re-export it as CSV."
            ) from exc
        except UnicodeDecodeError as exc:
            if encoding == "utf-8":
                # The first 64 KB were UTF-8 but a later byte is not: a legacy export.
                return _read_with(source, filename, "latin-1", delimiter, decimal, names, skip)
            raise DataError(
                f"{filename}: the text is not valid {_ENCODING_NAMES.get(encoding, encoding)} "
                f"({exc.reason} at byte {exc.start}). Re-export the file as CSV (UTF-8)."
            ) from exc
    bad_lines: list[tuple[int, int]] = []
    truncated = False
    for warning in caught:
        truncated |= "does not match length of data" in str(warning.message)
        for match in re.finditer(
            r"Skipping line (\d+): expected \d+ fields, saw (\d+)", str(warning.message)
        ):
            bad_lines.append((int(match.group(1)), int(match.group(2))))
    return frame, bad_lines, truncated


def _drop_empty_unnamed(frame: pd.DataFrame, names: list[str]) -> tuple[pd.DataFrame, list[str]]:
    """Drop trailing blank-header columns that hold nothing (a common Excel artefact)."""
    dropped: list[str] = []
    for name in reversed(names):
        if not name.startswith("unnamed_") or name not in frame.columns:
            break
        if frame[name].notna().any():
            break
        dropped.append(name)
    if dropped and len(frame.columns) - len(dropped) >= 1:
        frame = frame.drop(columns=dropped)
        return frame, list(reversed(dropped))
    return frame, []


def _is_text(column: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)


def _convert_dot_grouped_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Turn '1.234,56' text into 1234.56 in decimal-comma files.

    pandas' ``thousands`` option would also strip the dots of dates like 05.01.2024 and
    turn them into integers, so grouping is handled here, per column, only when every
    value of the column is a well-formed grouped number.
    """
    for name in frame.columns:
        column = frame[name]
        if not _is_text(column):
            continue
        values = column.dropna().astype(str)
        if values.empty or not text_match.every_fullmatch(values, _DOT_GROUPED_RE, strip=True):
            continue
        cleaned = column.astype("string").str.strip().str.replace(".", "", regex=False)
        numbers = pd.to_numeric(cleaned.str.replace(",", ".", regex=False), errors="coerce")
        whole = not values.str.contains(",", regex=False).any()
        frame[name] = numbers.astype("int64" if whole and numbers.notna().all() else "float64")
    return frame


def _convert_dates(
    frame: pd.DataFrame, *, dayfirst: bool
) -> tuple[pd.DataFrame, list[str], list[str]]:
    converted: list[str] = []
    notes: list[str] = []
    for name in frame.columns:
        column = frame[name]
        if not _is_text(column):
            continue
        result = _parse_dates(column)
        unknown_days = None
        if result is None:
            unknown_days = _unknown_days_as_first(column, dayfirst=dayfirst)
            if unknown_days is None:
                continue
            result = _parse_dates(unknown_days.filled)
            if result is None:
                continue
        parsed, fmt, lost = result
        frame[name] = parsed
        converted.append(name)
        if unknown_days:
            notes.append(
                f"Column {name!r}: {unknown_days.count} date(s) have an unknown day, written "
                f"as {unknown_days.marker!r} (such as {unknown_days.example!r}); read as the "
                "first of the month, so they still sort in time."
            )
        if lost:
            notes.append(
                f"Column {name!r}: {lost} value(s) that are not dates were set to missing."
            )
        if fmt == TWO_WAYS:
            first, second = _two_examples(column)
            notes.append(
                f"Column {name!r}: its dates are written two ways (such as {first!r} and "
                f"{second!r}); read both. Check a few values of each."
            )
            fmt = None
        if fmt and "%y" in fmt:
            years = parsed.dt.year
            notes.append(
                f"Column {name!r}: its years are written with two digits (such as "
                f"{column.dropna().iloc[0]!r}); read as {int(years.min())} to "
                f"{int(years.max())}: "
                + (
                    "a birth date, so the latest century wholly in the past."
                    if BIRTH_NAME.search(name)
                    else "the latest century that starts at most two years from now."
                )
                + " Check a few values."
            )
        swapped = _swap_day_month(fmt) if fmt else None
        if swapped and _parses_all(column, swapped):
            # Month-first wins a tie (pandas' default); decimal-comma locales and dotted dates
            # (05.01.2024) write the day first.
            if (dayfirst or "." in fmt) and _describe_format(fmt) == "month/day":
                frame[name] = _read_dates(column, swapped)
                fmt = swapped
            notes.append(
                f"Column {name!r}: every date fits both day/month and month/day order; "
                f"read as {_describe_format(fmt)}. Check a few values."
            )
        frame[name], zoned = _naive_utc(frame[name], column)
        if zoned:
            notes.append(
                f"Column {name!r}: the times carry a time zone (e.g. {zoned!r}); converted them "
                "to UTC and dropped the zone, so every lesson compares plain UTC times."
            )
    return frame, converted, notes


# Month/day/year with the day coded (3/-9/1848, 3/00/1848), and year-month-day (1848-03-00).
# Never a dotted date: dots are written day first, where the middle part is the month.
_UNKNOWN_DAY_RES = (
    re.compile(
        r"\s*(?P<before>\d{1,2}(?P<sep>[/-]))(?P<day>-9{1,2}|0{1,2})(?P<after>(?P=sep)\d{4})\s*"
    ),
    re.compile(r"\s*(?P<before>\d{4}-\d{1,2}-)(?P<day>0{1,2})(?P<after>)\s*"),
)
_DAY_FIRST_RE = re.compile(r"\s*(1[3-9]|2\d|3[01])[/-]\d{1,2}[/-]\d{4}\s*")
_UNKNOWN_DAY_SHARE = 0.5
"""At most this share of a column's dates may have an unknown day; beyond it, the column is
more codes than dates."""


@dataclass(frozen=True)
class _UnknownDays:
    filled: pd.Series
    marker: str
    count: int
    example: str


def _unknown_days_as_first(column: pd.Series, *, dayfirst: bool) -> _UnknownDays | None:
    """Dates whose unknown day is written as a code (``3/-9/1848``, the Correlates of War's
    -9; ``3/00/1848``; ``1848-03-00``): the column with the codes as day 1, the code written,
    how many dates carry it and one of them; None when no value has such a day or too many do.

    Month/day/year only where the column is written month first: in a day-first file
    (``15/00/1999``, or a decimal-comma locale) the middle part is the month, and an unknown
    month is no date to guess.
    """
    present = column.dropna().astype(str)
    # Cheap shape check on a sample first: most text columns are no dates at all.
    sample = present.iloc[:500]
    shaped = text_match.fullmatch(sample, _DATE_RE)
    for pattern in _UNKNOWN_DAY_RES:
        shaped |= text_match.fullmatch(sample, pattern)
    if sample.empty or shaped.mean() < _DATE_FRACTION:
        return None
    day_first = dayfirst or bool(text_match.fullmatch(present, _DAY_FIRST_RE).any())
    patterns = _UNKNOWN_DAY_RES[1:] if day_first else _UNKNOWN_DAY_RES
    parts = None
    for pattern in patterns:
        found = text_match.extract(present, pattern)[["before", "day", "after"]]
        parts = found if parts is None else parts.fillna(found)
    coded = parts["day"].notna()
    if not coded.any() or coded.mean() > _UNKNOWN_DAY_SHARE:
        return None
    marker = str(parts.loc[coded, "day"].mode().iloc[0])
    filled = column.copy()
    filled[coded[coded].index] = parts.loc[coded, "before"] + "1" + parts.loc[coded, "after"]
    example = str(present[coded].iloc[0]).strip()
    return _UnknownDays(filled, marker, int(coded.sum()), example)


def _naive_utc(parsed: pd.Series, column: pd.Series) -> tuple[pd.Series, str | None]:
    """Time-zone-aware times (``2012-01-01T06:16:41Z``, ``+02:00``) as naive UTC times.

    One rule at load time, so no lesson ever compares aware and naive times. Returns the
    times and an example of a zoned value (None when nothing had a zone).
    """
    if pd.api.types.is_datetime64_any_dtype(parsed) and getattr(parsed.dt, "tz", None) is None:
        return parsed, None
    if not pd.api.types.is_datetime64_any_dtype(parsed):
        # Mixed offsets come back as objects: read them again, each to UTC.
        parsed = pd.to_datetime(parsed, utc=True, errors="coerce", format="mixed")
    example = column.dropna().astype(str).iloc[0] if column.notna().any() else ""
    return parsed.dt.tz_convert("UTC").dt.tz_localize(None), example.strip()[:40]


def _parse_dates(column: pd.Series) -> tuple[pd.Series, str | None, int] | None:
    """Return (datetimes, format, number of values lost) or None to keep the text."""
    present = column.dropna()
    if present.empty:
        return None
    sample = present.iloc[:500].astype(str)
    if _QUARTER_RE.fullmatch(sample.iloc[0]) and text_match.fullmatch(sample, _QUARTER_RE).all():
        return _parse_quarters(column)
    # Cheap shape check first: keeps words (e.g. a column named "time" holding "late")
    # and numbers-as-text away from pandas' permissive guesser.
    if text_match.fullmatch(sample, _DATE_RE).mean() < _DATE_FRACTION:
        return None
    fmt = _shared_format(sample)
    if fmt is not None:
        parsed = _read_dates(column.str.strip(), fmt)
        if parsed.notna().sum() == len(present):
            return parsed, fmt, 0
    candidates = ["ISO8601"]
    for dayfirst in (False, True):
        guesses = _guessed_formats(sample, dayfirst=dayfirst)
        candidates.extend(fmt for fmt, _ in guesses.most_common(2))
    # Two-digit years with a few values that are not dates ("unknown"): read the rest.
    short = sample[text_match.fullmatch(sample, _TWO_DIGIT_YEAR_RE, strip=True)]
    if len(short) >= _DATE_FRACTION * len(sample):
        candidates.extend(filter(None, [_two_digit_year_format(short)]))
    best: tuple[int, pd.Series, str] | None = None
    for fmt in dict.fromkeys(candidates):
        try:
            parsed = _read_dates(column, fmt)
        except (ValueError, TypeError):
            continue
        hits = int(parsed.notna().sum())
        if best is None or hits > best[0]:
            best = (hits, parsed, fmt)
    if best is None:
        return None
    hits, parsed, fmt = best
    if hits < _DATE_FRACTION * len(present):
        return _two_ways(column, parsed) if hits >= len(present) / 2 else None
    return parsed, None if fmt == "ISO8601" else fmt, len(present) - hits


def _guessed_formats(sample: pd.Series, *, dayfirst: bool) -> Counter:
    """How many values each guessed format fits, a format first counted where a value first
    guessed it: pandas' guess per value, made once per distinct value (dates repeat)."""
    counts = sample.value_counts(sort=False, dropna=True)
    guessed: Counter = Counter()
    for value, count in counts.items():
        fmt = guess_datetime_format(value, dayfirst=dayfirst)
        if fmt is not None:
            guessed[fmt] += int(count)
    return guessed


TWO_WAYS = "two ways"
"""The format ``_parse_dates`` reports for a column read in two formats."""


def _two_examples(column: pd.Series) -> tuple[str, str]:
    """The first value, and the first value of another shape (its digits aside)."""
    values = column.dropna().astype(str)
    shapes = values.str.replace(r"\d", "9", regex=True)
    return values.iloc[0], values[shapes != shapes.iloc[0]].iloc[0]


def _two_ways(column: pd.Series, parsed: pd.Series) -> tuple[pd.Series, str, int] | None:
    """Dates written two ways (an export that merged two offices: ``1980-03-02`` on most rows,
    ``01/02/1981`` on the rest): the values the first way left unread, read in the format
    they share, when together the two ways read the column.

    Only when the second way is unambiguous: if its values read as well day first as month
    first (``01/03/2015``), nothing in them says which, and the column stays text rather
    than have a fifth of its dates silently wrong."""
    present = int(column.notna().sum())
    unread = column[parsed.isna() & column.notna()].astype(str)
    sample = unread.iloc[:500]
    for dayfirst in (False, True):
        for fmt, _ in _guessed_formats(sample, dayfirst=dayfirst).most_common(1):
            swapped = _swap_day_month(fmt)
            if swapped and _parses_all(unread, swapped):
                return None
            other = pd.to_datetime(unread, format=fmt, errors="coerce")
            both = parsed.fillna(other)
            read = int(both.notna().sum())
            if read >= _DATE_FRACTION * present:
                return both, TWO_WAYS, present - read
    return None


def _parse_quarters(column: pd.Series) -> tuple[pd.Series, None, int]:
    """Quarters as the first day of each quarter (``1998 Q2`` is 1998-04-01), so that they
    sort and split as time; values that are not quarters become missing."""
    parts = column.astype("string").str.extract(_QUARTER_RE.pattern)
    year = parts["y1"].fillna(parts["y2"])
    quarter = parts["q1"].fillna(parts["q2"])
    starts = pd.to_datetime(
        year + "-" + ((quarter.astype("Int64") - 1) * 3 + 1).astype("string") + "-01",
        format="%Y-%m-%d",
        errors="coerce",
    )
    lost = int((column.notna() & starts.isna()).sum())
    return starts.astype("datetime64[ns]"), None, lost


# Month names that pandas' guesser does not read ("Feb-2018", Lending Club's issue month).
# A two-digit year only after a day ("6-Aug-09", a database's DD-MON-YY), read as the other
# short dates are (one century for the whole column, with a note). Without a day,
# "Dec-61" is as likely a number of a month as a year (Lending Club's earliest credit
# lines): it stays text.
_MONTH_NAME_FORMATS = (
    "%b-%Y",
    "%b %Y",
    "%B %Y",
    "%B-%Y",
    "%d-%b-%Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%Y %b",
    "%Y-%b",
    "%Y %B",
    "%d-%b-%y",
    "%d %b %y",
)


def _month_name_format(sample: pd.Series) -> str | None:
    """The month-name format every sampled value fits, if any."""
    for fmt in _MONTH_NAME_FORMATS:
        parsed = pd.to_datetime(sample, format=fmt, errors="coerce")
        if parsed.notna().all():
            return fmt
    return None


_TWO_DIGIT_YEAR_RE = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{2}")


def _two_digit_year_format(sample: pd.Series) -> str | None:
    """Month/day/two-digit-year dates (``11/15/97``, a spreadsheet's short date), which
    pandas does not guess: month first unless only day first reads every value."""
    first = _TWO_DIGIT_YEAR_RE.fullmatch(sample.iloc[0].strip())
    if first is None:
        return None
    sep = first.group(1)
    for fmt in (f"%m{sep}%d{sep}%y", f"%d{sep}%m{sep}%y"):
        if _parses_all(sample.str.strip(), fmt):
            return fmt
    return None


BIRTH_NAME = re.compile(r"birth|born|dob", re.IGNORECASE)
FUTURE_START_YEARS = 2
"""A run of two-digit years may lie ahead only if it starts within this many years of today
(loans maturing from next year on), never a century away (releases of 1960-75)."""


def _read_dates(values: pd.Series, fmt: str) -> pd.Series:
    """``values`` read in ``fmt`` (unread ones missing), two-digit years placed in one
    century for the whole column (``_one_century``)."""
    try:
        parsed = pd.to_datetime(values, format=fmt, errors="coerce")
    except ValueError:
        # Offsets that differ from row to row ("Z", "+02:00"): pandas reads them only as
        # instants in one zone. _naive_utc then drops the zone and says so.
        parsed = pd.to_datetime(values, format=fmt, errors="coerce", utc=True)
    return _one_century(parsed, values.name) if "%y" in fmt else parsed


def _one_century(parsed: pd.Series, name: str) -> pd.Series:
    """Two-digit years placed in one run of a hundred years for the whole column, where
    pandas reads ``69`` to ``99`` as 19xx and the rest as 20xx value by value.

    The run starts after the widest gap between the years written (97, 98 and 05 make
    1997 to 2005), in the latest placement that starts no later than
    ``FUTURE_START_YEARS`` from today (loans maturing from next year stay in the future,
    releases of 1960-75 stay in the past), or for a birth date the latest placement wholly
    in the past."""
    years = parsed.dt.year
    written = years.dropna().astype(int) % 100
    if written.empty:
        return parsed
    values = np.sort(written.unique())
    gaps = np.diff(np.r_[values, values[0] + 100])
    first = int(values[(int(np.argmax(gaps)) + 1) % len(values)])
    span = int(((values - first) % 100).max())
    now = pd.Timestamp.now()
    starts = [century + first for century in (1800, 1900, 2000, 2100)]
    if BIRTH_NAME.search(str(name)):
        allowed = [start for start in starts if start + span <= now.year]
    else:
        allowed = [start for start in starts if start <= now.year + FUTURE_START_YEARS]
    start = max(allowed) if allowed else starts[0]
    wanted = start + (years - first) % 100
    shift = (wanted - years).fillna(0).astype(int)
    placed = parsed.copy()
    for delta in shift.unique():
        if delta:
            rows = shift == delta
            placed[rows] = parsed[rows] + pd.DateOffset(years=int(delta))
    return placed


def _shared_format(sample: pd.Series) -> str | None:
    """The one format every sampled value fits, guessed month-first (pandas' default).

    Most date columns use a single format: the first value's guess is tried on the sample
    before the lenient reader guesses value by value.
    """
    fmt = guess_datetime_format(sample.iloc[0])
    if fmt is None:
        return _month_name_format(sample) or _two_digit_year_format(sample)
    try:
        parsed = pd.to_datetime(sample, format=fmt, errors="coerce")
    except (ValueError, TypeError):
        return None
    return fmt if parsed.notna().all() else None


def _swap_day_month(fmt: str) -> str | None:
    if "%d" not in fmt or "%m" not in fmt:
        return None
    return fmt.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")


def _parses_all(column: pd.Series, fmt: str) -> bool:
    values = column.dropna()
    try:
        reparsed = pd.to_datetime(values, format=fmt, errors="coerce")
    except (ValueError, TypeError):
        return False
    return bool(reparsed.notna().all())


def _describe_format(fmt: str) -> str:
    return "month/day" if fmt.index("%m") < fmt.index("%d") else "day/month"
