"""Tests for lessons.csv_loading: sniffing, conversions and the DataError contract."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.csv_loading import DEFAULT_MAX_BYTES, LoadedCSV, load_csv
from lessons.errors import DataError

ROOT = Path(__file__).resolve().parents[2]

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1"]
DELIMITERS = [",", ";", "\t", "|"]


def _to_bytes(frame: pd.DataFrame, sep: str, encoding: str) -> bytes:
    buffer = io.BytesIO()
    frame.to_csv(buffer, sep=sep, encoding=encoding, index=False)
    return buffer.getvalue()


def _assert_same_values(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert list(got.columns) == list(expected.columns)
    assert len(got) == len(expected)
    for name in expected.columns:
        left, right = got[name], expected[name]
        if pd.api.types.is_numeric_dtype(right):
            assert pd.api.types.is_numeric_dtype(left), (name, left.dtype)
            np.testing.assert_allclose(
                left.to_numpy(dtype=float), right.to_numpy(dtype=float), rtol=1e-12
            )
        else:
            assert left.astype(object).tolist() == right.astype(object).tolist(), name


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("delimiter", DELIMITERS)
def test_each_encoding_and_delimiter_reads_back(encoding: str, delimiter: str) -> None:
    expected = pd.DataFrame(
        {
            "drink": ["café", "thé", "crème, brûlée", 'say "ok"'],
            "price": [2.5, 3.0, 4.25, 1.0],
            "count": [1, 2, 3, 4],
        }
    )
    loaded = load_csv(_to_bytes(expected, delimiter, encoding), filename="menu.csv")
    assert isinstance(loaded, LoadedCSV)
    assert loaded.delimiter == delimiter
    assert loaded.encoding == encoding
    assert loaded.decimal == "."
    _assert_same_values(loaded.frame, expected)


def test_utf16_without_bom_is_detected() -> None:
    data = "a,b\ncafé,1\nthé,2\n".encode("utf-16-le")
    loaded = load_csv(data)
    assert loaded.encoding == "utf-16-le"
    assert loaded.frame["a"].tolist() == ["café", "thé"]


def test_cp1252_quotes_are_decoded() -> None:
    data = "a;b\n\u201cquoted\u201d;1\nx;2\n".encode("cp1252")
    loaded = load_csv(data)
    assert loaded.encoding == "cp1252"
    assert loaded.frame["a"].iloc[0] == "\u201cquoted\u201d"
    assert any("Windows-1252" in notice for notice in loaded.notices)


def test_non_utf8_byte_after_the_sample_falls_back_to_latin1() -> None:
    data = b"a,b\n" + b"x,1\n" * 20_000 + "café,2\n".encode("latin-1")
    loaded = load_csv(data)
    assert loaded.frame["a"].iloc[-1] == "café"


_SAFE_TEXT = st.text(
    alphabet=st.sampled_from([*"abcxyzéüçñàö ABC", '"', "'", ",", ";", "|", "\t"]),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() == s and any(ch.isalpha() for ch in s))
_NAMES = st.text(alphabet=st.sampled_from(list("abcdefgxyzé_")), min_size=1, max_size=8)


@st.composite
def _frames(draw: st.DrawFn) -> pd.DataFrame:
    names = draw(st.lists(_NAMES, min_size=2, max_size=6, unique=True))
    rows = draw(st.integers(min_value=1, max_value=30))
    columns = {}
    for name in names:
        kind = draw(st.sampled_from(["text", "int", "float"]))
        if kind == "text":
            values = draw(st.lists(_SAFE_TEXT, min_size=rows, max_size=rows))
        elif kind == "int":
            values = draw(st.lists(st.integers(-(10**12), 10**12), min_size=rows, max_size=rows))
        else:
            values = draw(
                st.lists(
                    st.floats(allow_nan=False, allow_infinity=False, width=64),
                    min_size=rows,
                    max_size=rows,
                )
            )
        columns[name] = values
    frame = pd.DataFrame(columns)
    for name in names:
        if frame[name].dtype == float:
            frame[name] = frame[name].astype("float64")
    return frame


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("delimiter", DELIMITERS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=_frames())
def test_random_frames_round_trip(frame: pd.DataFrame, delimiter: str, encoding: str) -> None:
    loaded = load_csv(_to_bytes(frame, delimiter, encoding), filename="random.csv")
    assert loaded.delimiter == delimiter
    assert loaded.datetime_columns == ()
    _assert_same_values(loaded.frame, frame)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_data_error(data: bytes) -> None:
    try:
        loaded = load_csv(data, filename="noise.bin")
    except DataError as exc:
        assert "noise.bin" in str(exc)
    else:
        assert isinstance(loaded.frame, pd.DataFrame)


@settings(max_examples=200, deadline=None)
@given(
    data=st.lists(
        st.sampled_from([b"a", b"1", b",", b";", b"\t", b"|", b'"', b"\n", b"\r", b" ", b"2,5"]),
        max_size=40,
    ).map(b"".join)
)
def test_csv_like_noise_raises_only_data_error(data: bytes) -> None:
    with contextlib.suppress(DataError):
        load_csv(data)


def test_decimal_comma_with_semicolons() -> None:
    data = b"x;y;label\n1,5;1.234,56;a\n2,25;2.000,5;b\n-3,0;10,0;c\n"
    loaded = load_csv(data)
    assert loaded.delimiter == ";"
    assert loaded.decimal == ","
    assert loaded.frame["x"].tolist() == [1.5, 2.25, -3.0]
    assert loaded.frame["y"].tolist() == [1234.56, 2000.5, 10.0]
    assert loaded.frame["label"].tolist() == ["a", "b", "c"]


def test_comma_delimited_numbers_are_not_decimal_commas() -> None:
    loaded = load_csv(b"a,b\n1,5\n2,6\n")
    assert loaded.delimiter == ","
    assert loaded.decimal == "."
    assert loaded.frame["a"].tolist() == [1, 2]


def test_dotted_dates_survive_decimal_comma_files() -> None:
    loaded = load_csv(b"day;amount\n05.01.2024;1.234,5\n06.01.2024;2,5\n")
    assert loaded.datetime_columns == ("day",)
    assert loaded.frame["day"].tolist() == [pd.Timestamp(2024, 1, 5), pd.Timestamp(2024, 1, 6)]
    assert loaded.frame["amount"].tolist() == [1234.5, 2.5]


def test_date_columns_become_datetime_but_words_named_time_stay_text() -> None:
    data = (
        b"iso,stamp,dmy,mdy,month,time,value\n"
        b"2024-01-05,2024-01-05 10:00:00,13/01/2024,01/13/2024,2024-01,late,1\n"
        b"2024-02-13,2024-02-13 11:30,25/12/2023,12/25/2023,2024-02,early,2\n"
        b"2024-03-01,2024-03-01T08:15:00,01/02/2024,02/01/2024,2024-03,noon,3\n"
    )
    loaded = load_csv(data)
    frame = loaded.frame
    assert set(loaded.datetime_columns) == {"iso", "stamp", "dmy", "mdy", "month"}
    for name in loaded.datetime_columns:
        assert pd.api.types.is_datetime64_any_dtype(frame[name]), name
    assert frame["dmy"].iloc[0] == pd.Timestamp(2024, 1, 13)
    assert frame["mdy"].iloc[2] == pd.Timestamp(2024, 2, 1)
    assert frame["month"].iloc[1] == pd.Timestamp(2024, 2, 1)
    assert frame["time"].tolist() == ["late", "early", "noon"]
    assert pd.api.types.is_integer_dtype(frame["value"])


def test_mostly_text_column_is_not_converted_to_dates() -> None:
    loaded = load_csv(b"when,v\n2024-01-05,1\nsoon,2\nlater,3\n")
    assert loaded.datetime_columns == ()


def test_ambiguous_dates_get_a_notice() -> None:
    loaded = load_csv(b"d,v\n01/02/2024,1\n03/04/2024,2\n")
    assert loaded.datetime_columns == ("d",)
    assert any("ambiguous" in n or "both day/month" in n for n in loaded.notices)


def test_duplicate_and_blank_names_are_made_unique() -> None:
    loaded = load_csv(b"a,a,,b,a\n1,2,3,4,5\n")
    assert list(loaded.frame.columns) == ["a", "a (2)", "unnamed_3", "b", "a (3)"]
    assert any("duplicate" in n.lower() for n in loaded.notices)
    assert any("unnamed_3" in n for n in loaded.notices)


def test_trailing_empty_fields_are_fine() -> None:
    loaded = load_csv(b"a,b,c\n1,2,3,\n4,5,6,,\n7,8\n")
    assert list(loaded.frame.columns) == ["a", "b", "c"]
    assert loaded.frame["a"].tolist() == [1, 4, 7]


def test_quoted_delimiters_and_newlines() -> None:
    data = b'name;note\n"Smith; John";"line one\nline two"\n"Doe";"a;b;c"\n'
    loaded = load_csv(data)
    assert loaded.delimiter == ";"
    assert loaded.frame["name"].tolist() == ["Smith; John", "Doe"]
    assert loaded.frame["note"].iloc[0] == "line one\nline two"


def test_infinite_values_pass_through() -> None:
    loaded = load_csv(b"a,b\ninf,1\n-inf,2\n")
    assert np.isinf(loaded.frame["a"]).all()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", ["empty"]),
        (b"  \n\t\r\n", ["empty"]),
        ("\ufeff".encode() + b"\n", ["empty"]),
        (b"only\nvalues\nhere\n", ["one column", "'only'", "delimiter"]),
        (b"a,b,c\n", ["no data rows", "header"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ["PNG", "not a CSV"]),
        (b"PK\x03\x04rest-of-zip", ["Excel", "CSV"]),
        (b"a,b\x00,c\n\x01\x02,\x00\x03\n", ["NUL", "binary"]),
        (b'a,b\n"1,2\n3,4\n', ["quote"]),
    ],
)
def test_error_cases_have_helpful_messages(data: bytes, words: list[str]) -> None:
    with pytest.raises(DataError) as info:
        load_csv(data, filename="upload.csv")
    message = str(info.value)
    assert "upload.csv" in message
    for word in words:
        assert word.lower() in message.lower(), (word, message)


def test_ragged_rows_report_line_numbers() -> None:
    data = b"a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n1,2,3,4,5\n"
    with pytest.raises(DataError, match=r"line\(s\) 3, 5") as info:
        load_csv(data, filename="ragged.csv")
    assert "ragged.csv" in str(info.value)


def test_size_limit_says_size_and_limit() -> None:
    data = b"a,b\n" + b"1,2\n" * 300_000
    with pytest.raises(DataError, match=r"1\.1 MB.*limit of 1 MB"):
        load_csv(data, filename="big.csv", max_bytes=1024 * 1024)
    assert DEFAULT_MAX_BYTES == 200 * 1024 * 1024


def test_large_file_parses_quickly() -> None:
    import time

    row = b"2024-01-05,caf\xc3\xa9 au lait,3.25,17\n"
    data = b"day,item,price,qty\n" + row * 200_000
    start = time.perf_counter()
    loaded = load_csv(data)
    assert time.perf_counter() - start < 5
    assert len(loaded.frame) == 200_000
    assert loaded.datetime_columns == ("day",)


def test_only_data_error_escapes_from_odd_inputs() -> None:
    odd = [
        b"\xff\xfe",
        b"\xfe\xff\x00a",
        b'"',
        b"a,b\n" + b"\xff" * 10,
        "a,b\n1,2\n".encode("utf-32"),
        b"\r\r\r",
        b",\n,\n",
    ]
    for data in odd:
        try:
            load_csv(data)
        except DataError as exc:
            assert re.search(r"\w", str(exc))


class _Pipe(io.RawIOBase):
    """A binary stream that cannot seek, like a pipe."""

    def __init__(self, data: bytes) -> None:
        self._inner = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._inner.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _sources(data: bytes, folder) -> dict[str, object]:
    path = folder / "streamed.csv"
    path.write_bytes(data)
    return {
        "path": path,
        "path as text": str(path),
        "file object": io.BytesIO(data),
        "pipe": io.BufferedReader(_Pipe(data)),
    }


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frame=_frames(), delimiter=st.sampled_from(DELIMITERS), encoding=st.sampled_from(ENCODINGS))
def test_a_path_or_a_stream_loads_as_the_bytes_do(
    tmp_path_factory, frame: pd.DataFrame, delimiter: str, encoding: str
) -> None:
    data = _to_bytes(frame, delimiter, encoding)
    from_bytes = load_csv(data, filename="same.csv")
    for kind, source in _sources(data, tmp_path_factory.mktemp("src")).items():
        loaded = load_csv(source, filename="same.csv")
        assert (loaded.encoding, loaded.delimiter, loaded.decimal) == (
            from_bytes.encoding,
            from_bytes.delimiter,
            from_bytes.decimal,
        ), kind
        pd.testing.assert_frame_equal(loaded.frame, from_bytes.frame, obj=kind)


def test_a_large_streamed_file_with_a_late_latin1_byte_and_ragged_lines(tmp_path) -> None:
    # Past the 64 KB sniffing sample: the full parse re-reads the file from its start
    # (UTF-8 → Latin-1 retry, then the wide re-read for trailing empty fields).
    body = "".join(f"{i};{i},5;x\n" for i in range(20_000))
    data = ("a;b;c\n" + body + "20000;1,5;caf\xe9;\n").encode("latin-1")
    path = tmp_path / "late.csv"
    path.write_bytes(data)
    for source in (path, io.BytesIO(data)):
        loaded = load_csv(source)
        assert loaded.decimal == ","
        assert len(loaded.frame) == 20_001
        assert loaded.frame["c"].iloc[-1] == "café"
        assert any("trailing" in notice for notice in loaded.notices)


def test_a_streamed_source_names_the_file_in_errors(tmp_path) -> None:
    with pytest.raises(DataError, match=r"missing\.csv: cannot be read"):
        load_csv(tmp_path / "missing.csv")
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 300_000)
    with pytest.raises(DataError, match=r"big\.csv is 1\.1 MB"):
        load_csv(path, max_bytes=1024 * 1024)
    with open(path, "rb") as file, pytest.raises(DataError, match=r"big\.csv is 1\.1 MB"):
        load_csv(file, max_bytes=1024 * 1024)


# Rows wider than the header: every field lands in the frame, or a DataError says where.


def test_an_extra_field_on_every_row_is_refused_with_the_lines() -> None:
    # pandas would truncate every row to the header's width and drop the target column.
    data = b"age,income,defaulted\n" + b"".join(
        f"{i},{i * 10},x,{i % 2}\n".encode() for i in range(9)
    )
    with pytest.raises(DataError) as info:
        load_csv(data, filename="loans.csv")
    message = str(info.value)
    assert "loans.csv" in message
    assert "every data row (9)" in message
    assert "line(s) 2, 3, 4, 5, 6 (and 4 more)" in message
    assert "'0', '0', 'x', '0'" in message
    assert "double quotes" in message


def test_an_unquoted_delimiter_inside_text_is_refused() -> None:
    data = b"id;note;y\n1;fine;0\n2;late; then paid;1\n3;ok;0\n"
    with pytest.raises(DataError, match=r"1 row has more fields.*line\(s\) 3\b.*semicolon"):
        load_csv(data, filename="notes.csv")
    first = b"id,note,y\n1,late, then paid,1\n2,fine,0\n"  # the first data row is the wide one
    with pytest.raises(DataError, match=r"line\(s\) 2\b"):
        load_csv(first, filename="notes.csv")


@pytest.mark.parametrize("delimiter", DELIMITERS)
def test_a_trailing_delimiter_on_every_row_is_dropped_with_a_notice(delimiter: str) -> None:
    lines = ["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]
    data = "".join(delimiter.join(line) + delimiter + "\n" for line in lines).encode()
    loaded = load_csv(data)
    assert list(loaded.frame.columns) == ["a", "b", "c"]
    assert loaded.frame.to_numpy().tolist() == [[1, 2, 3], [4, 5, 6]]
    data = "".join(
        delimiter.join(line) + (delimiter if i else "") + "\n" for i, line in enumerate(lines)
    )
    loaded = load_csv(data.encode())
    assert loaded.frame.to_numpy().tolist() == [[1, 2, 3], [4, 5, 6]]
    assert any("trailing" in notice and "no value was lost" in notice for notice in loaded.notices)


# Letters only: no token reads as a number, a date, a boolean or a missing-value marker.
_TOKEN = st.text(alphabet=st.sampled_from(list("abcdgkmxyzé")), min_size=1, max_size=5)


@st.composite
def _hand_written_csv(draw: st.DrawFn) -> tuple[bytes, list[str], str]:
    """A CSV written by hand: rows of the header's width, some with an unquoted delimiter
    inside a value, an extra field, or a trailing delimiter. Returns the bytes, the
    non-empty cells as the writer meant them, and the delimiter."""
    delimiter = draw(st.sampled_from(DELIMITERS))
    width = draw(st.integers(min_value=2, max_value=5))
    header = draw(st.lists(_TOKEN, min_size=width, max_size=width, unique=True))
    n_rows = draw(st.integers(min_value=1, max_value=12))
    lines = [delimiter.join(header)]
    meant: list[str] = []
    for _ in range(n_rows):
        cells = draw(st.lists(st.one_of(_TOKEN, st.just("")), min_size=width, max_size=width))
        meant.extend(cell for cell in cells if cell)
        fields = list(cells)
        damage = draw(st.sampled_from(["none", "none", "inside", "extra", "trailing"]))
        if damage == "inside":
            at = draw(st.integers(min_value=0, max_value=width - 1))
            second = draw(_TOKEN)
            fields[at] = f"{fields[at] or 'x'}{delimiter}{second}"
            if not fields[-1]:
                # "a,b," could also be two cells and a trailing delimiter: no reader can
                # tell, so the damaged row ends with a value, as free text usually does.
                fields[-1] = cells[-1] = "z"
                meant.append("z")
            meant.append("")  # the writer meant one cell, the text holds two values
        elif damage == "extra":
            extra = draw(_TOKEN)
            fields.append(extra)
            meant.append(extra)
        elif damage == "trailing":
            fields.append("")
        lines.append(delimiter.join(fields))
    return ("\n".join(lines) + "\n").encode(), meant, delimiter


def _cells(frame: pd.DataFrame) -> list[str]:
    return [str(value) for value in frame.to_numpy().ravel() if not pd.isna(value)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_hand_written_csv())
def test_every_written_cell_is_read_or_an_error_is_raised(
    case: tuple[bytes, list[str], str],
) -> None:
    data, meant, _ = case
    try:
        loaded = load_csv(data, filename="hand.csv")
    except DataError as exc:
        assert "hand.csv" in str(exc)
        return
    # Damaged rows (an "inside" split leaves a "" marker) can only load by being refused.
    assert "" not in meant
    assert sorted(_cells(loaded.frame)) == sorted(meant)


def test_a_quoted_carriage_return_inside_a_field_is_read() -> None:
    # Sniffing other delimiters used to see the quoted \r as a line break and give up.
    loaded = load_csv(b'a,b,c\n1,"\r=1+2",x\n2,"ok",y\n')
    assert loaded.frame["b"].tolist() == ["\r=1+2", "ok"]


def test_zoned_timestamps_become_naive_utc_with_a_notice() -> None:
    data = (
        b"when,x\n2012-01-01T06:16:41Z,1\n2012-01-02T07:16:41Z,2\n"
        b"2012-01-03T06:16:41+02:00,3\n2012-01-04T06:16:41-05:00,4\n"
    )
    loaded = load_csv(data, filename="utc.csv")
    when = loaded.frame["when"]
    assert loaded.datetime_columns == ("when",)
    assert pd.api.types.is_datetime64_dtype(when) and when.dt.tz is None
    assert (
        when.tolist()
        == pd.to_datetime(
            [
                "2012-01-01 06:16:41",
                "2012-01-02 07:16:41",
                "2012-01-03 04:16:41",
                "2012-01-04 11:16:41",
            ]
        ).tolist()
    )
    assert any("UTC" in notice and "'when'" in notice for notice in loaded.notices)
    # Naive times are left alone and get no such notice.
    naive = load_csv(b"when,x\n2012-01-01 06:16:41,1\n2012-01-02 07:16:41,2\n")
    assert naive.frame["when"].dt.tz is None
    assert not any("UTC" in notice for notice in naive.notices)


@pytest.mark.parametrize(
    ("values", "first"),
    [
        (["Feb-2018", "Mar-2018", "Dec-2019"], "2018-02-01"),
        (["15-Feb-2018", "16-Mar-2018", "1-Dec-2019"], "2018-02-15"),
        (['"Feb 15, 2018"', '"Mar 1, 2018"', '"Dec 31, 2019"'], "2018-02-15"),
        (["May 2020", "June 2020", "July 2020"], "2020-05-01"),
        (["1939 Jan", "1939 Feb", "1940 Aug"], "1939-01-01"),
        (["6-Aug-09", "7-Aug-09", "2-Nov-09"], "2009-08-06"),
        (["01 JAN 97", "15 MAR 98", "03 FEB 05"], "1997-01-01"),
    ],
)
def test_dates_with_month_names_load_as_dates(values: list[str], first: str) -> None:
    """Lending Club's issue month ("Feb-2018") and its cousins are dates, not categories; so
    is a database's DD-MON-YY ("6-Aug-09"), its two-digit years placed in one century."""
    text = "issued,amount\n" + "".join(f"{value},1\n" for value in values)
    column = load_csv(io.BytesIO(text.encode()), filename="m.csv").frame["issued"]
    assert pd.api.types.is_datetime64_any_dtype(column)
    assert str(column.iloc[0].date()) == first


def test_quarters_load_as_the_first_day_of_each_quarter() -> None:
    """fpp3 and statistical offices write quarters as "1998 Q1": a time order, not a label."""
    text = b"Date,x\n1998 Q1,1\n1998 Q2,2\nQ3 1999,3\n2000-Q4,4\n"
    column = load_csv(io.BytesIO(text), filename="q.csv").frame["Date"]
    assert pd.api.types.is_datetime64_any_dtype(column)
    assert [str(day.date()) for day in column] == [
        "1998-01-01",
        "1998-04-01",
        "1999-07-01",
        "2000-10-01",
    ]


def test_quarter_like_codes_stay_text() -> None:
    """A fifth quarter or a product code with a Q is no quarter."""
    text = b"code,x\n1998 Q5,1\nQ1,2\n"
    column = load_csv(io.BytesIO(text), filename="q.csv").frame["code"]
    assert not pd.api.types.is_datetime64_any_dtype(column)


def test_two_digit_years_after_a_month_name_stay_text() -> None:
    """'Dec-61' could be 1961 or 2061: the loader does not guess a century."""
    loaded = load_csv(
        io.BytesIO(b"earliest,amount\nDec-61,1\nMar-85,2\nJan-03,3\n"), filename="y.csv"
    )
    assert not pd.api.types.is_datetime64_any_dtype(loaded.frame["earliest"])


def test_month_words_alone_stay_text() -> None:
    loaded = load_csv(io.BytesIO(b"when,amount\nmay,1\nmarch,2\nsoon,3\n"), filename="w.csv")
    assert not pd.api.types.is_datetime64_any_dtype(loaded.frame["when"])


def test_two_digit_years_are_read_with_none_in_the_future_and_a_note():
    # A spreadsheet's short date (11/15/97): pandas guesses no format for it.
    data = b"id,date,y\n1,11/15/97,3\n2,12/18/97,4\n3,02/07/98,5\n4,01/03/05,6\n"
    loaded = load_csv(data)
    assert loaded.frame["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "1997-11-15",
        "1997-12-18",
        "1998-02-07",
        "2005-01-03",
    ]
    assert any("two digits" in n and "1997 to 2005" in n for n in loaded.notices)


def test_two_digit_years_written_day_first_are_read_day_first():
    data = b"date,y\n15.11.97,1\n18.12.97,2\n07.02.98,3\n"
    loaded = load_csv(data)
    assert loaded.frame["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "1997-11-15",
        "1997-12-18",
        "1998-02-07",
    ]


@settings(max_examples=40)
@given(
    days=st.lists(st.integers(min_value=1, max_value=14_600), min_size=3, max_size=30),
    sep=st.sampled_from(["/", "-", "."]),
)
def test_any_dates_of_the_last_forty_years_round_trip_through_two_digit_years(days, sep):
    today = pd.Timestamp.now().normalize()
    dates = [today - pd.Timedelta(days=d) for d in days]
    text = "\n".join(f"{d:%m}{sep}{d:%d}{sep}{d:%y},{i}" for i, d in enumerate(dates))
    loaded = load_csv(f"when,y\n{text}\n".encode())
    read = loaded.frame["when"]
    if not pd.api.types.is_datetime64_any_dtype(read):
        # Every value fits both orders and dots mean day first: nothing to check here.
        assert sep == "." or all(d.day <= 12 for d in dates)
        return
    month_first = read.dt.month.tolist() == [d.month for d in dates]
    day_first = read.dt.month.tolist() == [d.day for d in dates]
    assert month_first or day_first
    assert (read <= pd.Timestamp.now()).all()
    if month_first:
        assert read.tolist() == dates


@settings(max_examples=40)
@given(
    days=st.lists(st.integers(min_value=1, max_value=14_600), min_size=3, max_size=30),
    sep=st.sampled_from(["-", " "]),
)
def test_any_dates_of_the_last_forty_years_round_trip_through_day_month_name_year(days, sep):
    today = pd.Timestamp.now().normalize()
    dates = [today - pd.Timedelta(days=d) for d in days]
    text = "\n".join(f"{d.day}{sep}{d:%b}{sep}{d:%y},{i}" for i, d in enumerate(dates))
    read = load_csv(f"when,y\n{text}\n".encode()).frame["when"]
    assert read.tolist() == dates


@pytest.mark.parametrize(
    ("name", "start", "years"),
    [
        ("maturity_date", "2027-01-01", 28),  # loans maturing: the future, nearest today
        ("appointment_date", "2025-06-01", 2),  # across today
        ("dob", "1918-01-01", 32),  # birth dates: wholly in the past
        ("release_date", "1960-01-01", 15),  # the re-review's: never a century ahead
        ("date_of_death", "1950-01-01", 24),
        ("hire_date", "1965-01-01", 59),
    ],
)
def test_two_digit_years_take_one_century_for_the_whole_column(name, start, years):
    # The review's counter-cases: pandas' value-by-value pivot split each of these.
    rng = np.random.default_rng(0)
    dates = pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, 365 * years, 400), "D")
    text = "\n".join(f"{d:%m/%d/%y},{i}" for i, d in enumerate(dates))
    loaded = load_csv(f"{name},y\n{text}\n".encode())
    assert loaded.frame[name].tolist() == list(dates)


def test_two_digit_years_with_a_few_values_that_are_not_dates_are_read_and_the_rest_noted():
    # The review's should-fix: ten 'unknown' among 800 dates had left the column as text.
    rng = np.random.default_rng(0)
    dates = pd.Timestamp("1997-11-01") + pd.to_timedelta(rng.integers(0, 120, 800), "D")
    values = [f"{d:%m/%d/%y}" for d in dates]
    for position in range(0, 800, 80):
        values[position] = "unknown"
    loaded = load_csv(("when,y\n" + "\n".join(f"{v},{i}" for i, v in enumerate(values))).encode())
    read = loaded.frame["when"]
    assert read.isna().sum() == 10
    assert read.dt.year.dropna().between(1997, 1998).all()
    assert any("10 value(s) that are not dates" in n for n in loaded.notices)
    assert any("two digits" in n for n in loaded.notices)


@pytest.mark.parametrize(("marker", "sep"), [("-9", "/"), ("-99", "/"), ("00", "/"), ("00", "-")])
def test_dates_with_a_coded_unknown_day_are_read_as_the_first_of_the_month(marker, sep):
    # The Correlates of War write an unknown day as -9 (3/-9/1848): a tenth of a war table's
    # start dates had kept the whole column as text, so a code column became the time order.
    rng = np.random.default_rng(1)
    dates = pd.Timestamp("1820-01-01") + pd.to_timedelta(rng.integers(0, 60_000, 200), "D")
    values = [f"{d.month}{sep}{d.day}{sep}{d.year}" for d in dates]
    for position in range(0, 200, 9):
        values[position] = f"{dates[position].month}{sep}{marker}{sep}{dates[position].year}"
    loaded = load_csv(("start,y\n" + "\n".join(f"{v},{i}" for i, v in enumerate(values))).encode())
    read = loaded.frame["start"]
    assert pd.api.types.is_datetime64_any_dtype(read)
    coded = list(range(0, 200, 9))
    assert read.notna().all()
    assert (read.iloc[coded].dt.day == 1).all()
    assert read.dt.to_period("M").tolist() == [d.to_period("M") for d in dates]
    clean = [i for i in range(200) if i not in coded]
    assert read.iloc[clean].tolist() == [dates[i] for i in clean]
    assert any(f"{len(coded)} date(s) have an unknown day" in n for n in loaded.notices)


def test_a_column_mostly_of_coded_days_or_of_codes_alone_stays_text():
    mostly = "\n".join(f"{m}/-9/1900,{m}" for m in range(1, 13)) + "\n1/5/1900,0"
    assert not pd.api.types.is_datetime64_any_dtype(
        load_csv(f"d,y\n{mostly}\n".encode()).frame["d"]
    )
    codes = "\n".join(f"{v},{i}" for i, v in enumerate(["-9", "00", "12-9", "A-9-1999"] * 5))
    assert not pd.api.types.is_datetime64_any_dtype(load_csv(f"d,y\n{codes}\n".encode()).frame["d"])


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("d,y\n1999-03-00,1\n1999-04-16,2\n2000-05-17,3\n", "1999-03-01"),
        # Day first (a day above 12 shows it, as does a dotted or decimal-comma file): the
        # middle part is the month, and an unknown month is not guessed.
        ("d,y\n15/00/1999,1\n16/04/1999,2\n17/05/2000,3\n", None),
        ("d;y\n15.00.1999;1,5\n16.04.1999;2,5\n17.05.2000;3,5\n", None),
    ],
)
def test_an_unknown_day_is_read_only_where_the_day_is_known_to_be_the_coded_part(text, read):
    loaded = load_csv(text.encode())
    column = loaded.frame["d"]
    if read is None:
        assert not (
            pd.api.types.is_datetime64_any_dtype(column)
            and column.iloc[0] == pd.Timestamp("1999-01-15")
        )
        assert not any("unknown day" in n for n in loaded.notices)
    else:
        assert column.iloc[0] == pd.Timestamp(read)


def test_dates_read_value_by_value_need_no_heavy_import() -> None:
    """The command-line audit stays quick to start: a file whose dates need the lenient
    reader (two ways, mixed time zones) loads without importing scikit-learn."""
    script = (
        "import sys\n"
        "from lessons.csv_loading import load_csv\n"
        "data = b'when,x\\n1980-03-02,1\\n01/02/1981,2\\n1980-04-05,3\\n1980-06-07,4\\n'\n"
        "load_csv(data, filename='two_ways.csv')\n"
        "load_csv(b'when,x\\n2012-01-01T06:16:41Z,1\\n2012-01-03T06:16:41+02:00,2\\n', "
        "filename='zones.csv')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'skrub')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
