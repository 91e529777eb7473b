"""What each column of an uploaded table is: a number, a category, a date, free text...

The audit and the upload page share one vocabulary of column types. The loader already
turned date-like text into datetimes; this module adds what a parser cannot know, such as
an integer column that is really a row identifier or a ``yyyymmdd`` date, and applies the
learner's corrections.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from lessons import text_match
from lessons.errors import DataError

COLUMN_TYPES: tuple[str, ...] = ("number", "category", "datetime", "text", "identifier", "ignore")
TYPE_LABELS = {
    "number": "number",
    "category": "category",
    "datetime": "date/time",
    "text": "free text",
    "identifier": "identifier",
    "ignore": "ignore",
}

# "schoolid", "caseKey": a key glued to its noun; but not a word that merely ends in the
# letters ("humid", "acid", "price_paid", "liquid", "covid", "turkey", "hockey").
NOT_GLUED_KEY = (
    r"(?<!hum)(?<!ac)(?<!pa)(?<!liqu)(?<!rap)(?<!val)(?<!sol)(?<!flu)(?<!hybr)(?<!lip)"
    r"(?<!av)(?<!viv)(?<!tim)(?<!rig)(?<!luc)(?<!stup)(?<!cov)(?<!pyram)(?<!orch)(?<!squ)"
    r"(?<!mon)(?<!tur)(?<!hoc)(?<!joc)(?<!don)(?<!whis)"
)
ID_NAME = re.compile(
    r"(^|[^a-z])(id|ids|key|uuid|guid|code|no|nr|num|number|index|idx|row)([^a-z]|$)"
    r"|" + NOT_GLUED_KEY + r"(id|key)$|(uuid|code|number)$",
    re.IGNORECASE,
)
# "serialno", "caseno", "acctnum": a record's number glued to its noun. Alone it could be a
# count ("casenum": cases in a county), so only a nearly unique number is named this way.
GLUED_ID_NAME = re.compile(
    r"(^|[^a-z])(serial|case|account|acct|order|invoice|ticket|record|member|policy|claim"
    r"|patient|subject|customer|client|form|sample|file|pupil|student|respondent|participant"
    r"|person|employee|household)_?(no|nr|num)$",
    re.IGNORECASE,
)
GLUED_ID_UNIQUE = 0.95
KEY_WORD_NAME = re.compile(
    r"(^|[^a-z])(id|ids|key|uuid|guid|code)([^a-z]|$)|" + NOT_GLUED_KEY + r"(id|key)$|(uuid|code)$",
    re.IGNORECASE,
)
"""The words of ``ID_NAME`` that name a key and nothing else (a "number" may be a count)."""
MIN_DATE_VALUES = 10
"""Distinct values a six-digit date needs: five category codes that parse as dates are codes."""


def named_as_a_date(name: str) -> bool:
    """ "date" as a word of the name ("date", "trade_date", "DateSold"), never inside another
    word ("update_code", "candidate")."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)
    return any(word.lower() == "date" for word in words)


def _yymmdd(column: pd.Series) -> pd.Series:
    """Six-digit dates, the century chosen so no date lies in the future: 66 is 1966 and 05 is
    2005 (pandas' own pivot reads 66 as 2066 only from 69 on, and 62 as 2062)."""
    values = column.astype("Int64")
    years = values // 10000
    this_year = pd.Timestamp.now().year
    century = np.where(years.to_numpy(dtype=float, na_value=np.nan) > this_year % 100, 1900, 2000)
    full = (years + century) * 10000 + values % 10000
    return pd.to_datetime(full.astype("string"), format="%Y%m%d", errors="coerce")


TIME_NAME = re.compile(
    r"date|time|timestamp|(^|_)ts($|_)|epoch|created|updated|modified|(^|_)at$|day|month|period",
    re.IGNORECASE,
)
# A year glued to a word ("yearacc", "yearVeh", "modelyear") is named a year too.
YEAR_NAME = re.compile(
    r"(^|[^a-z])(year|yr|fiscal_?year|season)([^a-z]|$)|^(year|yr)[a-z]{2,}$|^[a-z]{2,}year$",
    re.IGNORECASE,
)
# A year that describes the thing (built, born) is an attribute, not when the row was observed.
ATTRIBUTE_YEAR_NAME = re.compile(
    r"built|birth|born|found|establish|made|manufactur|since|start|open|launch|release|model"
    r"|remod|renov|grad|join|hire",
    re.IGNORECASE,
)
_EPOCH_SECONDS = (946_684_800, 4_102_444_800)  # 2000-01-01 to 2100-01-01
_EPOCH_MILLISECONDS = (946_684_800_000, 4_102_444_800_000)
_OLD_EPOCH_SECONDS = 100_000_000  # 1973-03-03, the first nine-digit second
STAMP_NAME = re.compile(
    r"timestamp|epoch|(^|_)ts($|_)|created|updated|modified|(^|_)at$", re.IGNORECASE
)
_MOMENT_WORDS = (
    "start|begin|end|finish|open|close|login|logout|logged|sent|received|submitted|posted"
    "|placed|arrival|departure|shipped|delivered|paid"
)
# The word whole, between separators or camel-case parts ("session_start", "closedAt").
MOMENT_NAME = re.compile(
    rf"(^|[^a-zA-Z]|(?<=[a-z])(?=[A-Z]))(?i:{_MOMENT_WORDS})(?i:s|d|ed|ing)?"
    r"([^a-z]|$)"
)
_TEXT_MEAN_LENGTH = 30


def is_plain_number(column: pd.Series) -> bool:
    """Whether a column holds numbers a formula or a summary can use (not yes/no flags)."""
    return pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(
        column.dtype
    )


def is_integer_valued(column: pd.Series) -> bool:
    """Whether a numeric column holds whole numbers only (ignoring missing values)."""
    if pd.api.types.is_bool_dtype(column) or not pd.api.types.is_numeric_dtype(column):
        return False
    if pd.api.types.is_integer_dtype(column):
        return True
    # NumPy, not dropna(): this runs on every column of tables thousands of columns wide.
    values = column.to_numpy(dtype=float, na_value=np.nan)
    values = values[~np.isnan(values)]
    return (
        bool(values.size)
        and bool(np.all(np.isfinite(values)))
        and bool(np.all(values == np.round(values)))
    )


def numeric_time_kind(name: str, column: pd.Series) -> str | None:
    """Recognise a number that encodes a moment: ``"yyyymmdd"``, ``"yymmdd"`` (named as a
    date), ``"epoch_s"``, ``"epoch_ms"``.

    Epoch timestamps are only recognised when the name says so (``created_ts``, ``time``),
    because any large integer (an account number) would otherwise pass.
    """
    if not is_integer_valued(column):
        return None
    values = column.dropna().to_numpy(dtype=np.int64)
    if values.size < 2:
        return None
    low, high = int(values.min()), int(values.max())
    if low >= 19000101 and high <= 21001231:
        months = (values // 100) % 100
        days = values % 100
        if np.all((months >= 1) & (months <= 12) & (days >= 1) & (days <= 31)):
            return "yyyymmdd"
    if not TIME_NAME.search(name):
        # A moment named by what happened then ("session_start", "closedAt", "logged_in"):
        # seconds or milliseconds since 1970 of this century, only; a start weight is no
        # nine-digit number.
        if MOMENT_NAME.search(name):
            if _EPOCH_SECONDS[0] <= low and high <= _EPOCH_SECONDS[1]:
                return "epoch_s"
            if _EPOCH_MILLISECONDS[0] <= low and high <= _EPOCH_MILLISECONDS[1]:
                return "epoch_ms"
        return None
    # A date in six digits ("800102", 2 January 1980), only when the name says date: many
    # six-digit numbers are codes.
    if (
        named_as_a_date(name)
        and low >= 101
        and high <= 991231
        and len(np.unique(values)) >= MIN_DATE_VALUES
        and not _yymmdd(pd.Series(values)).isna().any()
    ):
        return "yymmdd"
    if _EPOCH_SECONDS[0] <= low and high <= _EPOCH_SECONDS[1]:
        return "epoch_s"
    # Nine-digit seconds and more (from March 1973 on: a wildlife survey's captures from
    # 1977), only when the name says a stamp ("captured_at", "created_ts"): a plain "time"
    # of nine digits is as likely a duration in milliseconds.
    if STAMP_NAME.search(name) and low >= _OLD_EPOCH_SECONDS and high <= _EPOCH_SECONDS[1]:
        return "epoch_s"
    if _EPOCH_MILLISECONDS[0] <= low and high <= _EPOCH_MILLISECONDS[1]:
        return "epoch_ms"
    return None


def numeric_to_datetime(column: pd.Series, kind: str) -> pd.Series:
    """Convert a number recognised by :func:`numeric_time_kind` to datetimes."""
    if kind == "yyyymmdd":
        as_text = column.astype("Int64").astype("string")
        return pd.to_datetime(as_text, format="%Y%m%d", errors="coerce")
    if kind == "yymmdd":
        return _yymmdd(column)
    unit = "s" if kind == "epoch_s" else "ms"
    return pd.to_datetime(column, unit=unit, errors="coerce")


NAMES_FILLED = 0.99
"""Share of rows a column of names fills to label the rows (a field filled on some rows only
names something else: a comment, a reason)."""
NEAR_UNIQUE_NAMES = 0.8
"""Share of distinct values above which a column of short names labels its rows: a street
address that a few houses sold twice still names each sale's house, and no category whose
values are mostly seen once can be learned from."""


FIRST_YEAR = 1500
"""The earliest year a column named as the year may hold: parish registers and harvest
records reach back to the 1500s; smaller numbers named "year" are periods of a study."""
TIME_INDEX_NAME = re.compile(
    r"t|time|period|time_?step|step|tick|trend|day|week|month|quarter", re.IGNORECASE
)
"""A whole name that says a number counts the periods of a series: its values run without a
gap, one row a period, and are the time order, not a row number."""
MODERN_YEAR = 1800
"""The earliest year a column whose name only mentions the year may hold."""
PLAIN_YEAR_NAME = re.compile(r"(year|yr|season)s?", re.IGNORECASE)
PERIOD_BOUND_NAME = re.compile(
    r"^(season|year|yr|fiscal_?year|fy|period)[_ .-]?(start|end|begin|beginning|ending)$",
    re.IGNORECASE,
)
"""The year a row's own period starts or ends (a winter's "SeasonStart" 1893, "SeasonEnd"
1894): the row's year, where a "start_year" beside a thing is when the thing began."""


def is_year_column(name: str, column: pd.Series) -> bool:
    """An integer column of years (``FIRST_YEAR`` to 2100: a film of 1894, London's
    christenings of 1629) whose name says it is the row's year."""
    bound = bool(PERIOD_BOUND_NAME.match(name))
    if not bound and (not YEAR_NAME.search(name) or ATTRIBUTE_YEAR_NAME.search(name)):
        return False
    if not is_integer_valued(column):
        return False
    values = column.dropna()
    # Before 1800 only under a name that is the year itself: a "year_end_rating" of a chess
    # club runs 1500 to 2100 too.
    first = FIRST_YEAR if bound or PLAIN_YEAR_NAME.fullmatch(name.strip()) else MODERN_YEAR
    return bool(len(values)) and bool(values.between(first, 2100).all())


ASSIGNED_TIES = 10
"""Ties a measurement would show by chance, below which all-different integers prove nothing."""
RANK_NAME = re.compile(r"rank|place|position|standing|seed|ordinal", re.IGNORECASE)
FEW_TIES = 0.1
"""Share of the ties expected by chance below which integers were handed out (a few rows of
the same student twice), not measured."""


def _ties_expected(n_values: int, values: pd.Series) -> float:
    """Repeated values expected among ``n_values`` integers drawn evenly over their range
    (the birthday problem): ``n`` less the expected number of distinct values,
    ``range × (1 - (1 - 1/range)^n)``; about ``n² / (2 × range)`` while ``n`` is small
    against the range.

    Measured integers (an income, a count of applications) tie far more often than that,
    since they crowd in the middle of the range. Integers that never tie although dozens of
    ties would be expected (sequence numbers with gaps, student numbers of a sample of
    schools) were handed out one per row: an identifier, whatever its name. So were integers
    that tie a tenth as often as chance would have them (a few students listed twice)."""
    span = float(values.max()) - float(values.min()) + 1
    return n_values - span * -np.expm1(n_values * np.log1p(-1 / span)) if span > 1 else 0.0


def _is_text(column: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)


CLOCK_TEXT = re.compile(r"^\s*(\d{1,3}):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?\s*$")
"""A running time or a clock written as text: ``2:08:01``, ``02:31:38.4``, ``9:47``."""
CLOCK_TEXT_SHARE = 0.95
"""Share of the filled values that must read as a clock for the column to be one."""


SCORE_NAME = re.compile(r"score|result|goals|points|ratio|odds", re.IGNORECASE)
"""Names under which "28:25" is two counts (a handball score, odds of 5:2), not a clock."""


def is_clock_text(column: pd.Series, name: str | None = None) -> bool:
    """Whether a text column holds clock readings (``h:mm:ss`` or ``m:ss``) on nearly every
    filled row: a quantity of time, which orders and predicts as a number does, not a code.
    Not under a name that says score or result: "28:25" is then two counts."""
    label = str(column.name if name is None else name)
    if not _is_text(column) or SCORE_NAME.search(label):
        return False
    sample = column.dropna().iloc[:2000].astype(str)
    return bool(len(sample) and text_match.match(sample, CLOCK_TEXT).mean() >= CLOCK_TEXT_SHARE)


def clock_text_to_seconds(column: pd.Series) -> pd.Series:
    """Seconds of each clock reading: ``h:mm:ss`` with three parts, ``m:ss`` with two (a race
    time under the hour, a game clock). Values that are no clock reading become missing."""
    parts = column.astype("string").str.extract(CLOCK_TEXT).astype(float)
    three = parts[2].notna()
    seconds = np.where(
        three,
        parts[0] * 3600 + parts[1] * 60 + parts[2],
        parts[0] * 60 + parts[1],
    )
    return pd.Series(seconds, index=column.index, dtype=float)


def infer_column_type(name: str, column: pd.Series) -> str:
    """Guess one column's type from its dtype, values and name.

    Returns one of ``COLUMN_TYPES`` (never ``"ignore"``: ignoring is the learner's call).
    """
    if pd.api.types.is_datetime64_any_dtype(column):
        return "datetime"
    if pd.api.types.is_bool_dtype(column):
        return "category"
    if pd.api.types.is_numeric_dtype(column) and not is_integer_valued(column):
        return "number"  # fractions: neither a moment, nor an identifier
    values = column.dropna()
    n_values = len(values)
    if pd.api.types.is_numeric_dtype(column):
        if numeric_time_kind(name, column):
            return "datetime"
        # An annual series has one row a year: its years run without a gap, yet they are
        # the time order, not a row number. So does a series' own index ("t" 1 to 97).
        if is_year_column(name, column) or TIME_INDEX_NAME.fullmatch(name.strip()):
            return "number"
        if n_values > 1:
            unique = values.nunique()
            running = unique == n_values and int(values.max()) - int(values.min()) + 1 == n_values
            if (
                running
                or (KEY_WORD_NAME.search(name) and unique > 0.5 * n_values)
                # "employee_num" is as often a count (employees) as a key: nearly unique only.
                or (ID_NAME.search(name) and unique >= GLUED_ID_UNIQUE * n_values)
                or (GLUED_ID_NAME.search(name) and unique >= GLUED_ID_UNIQUE * n_values)
            ):
                return "identifier"
            expected = _ties_expected(n_values, values)
            ties = n_values - unique
            # A rank spreads over 1..n by construction and ties only where its measure does.
            handed_out = ties == 0 or not RANK_NAME.search(name)
            if expected >= ASSIGNED_TIES and ties <= FEW_TIES * expected and handed_out:
                return "identifier"
        return "number"
    if not _is_text(column):
        return "category"
    if n_values == 0:
        return "category"
    # A winning time "2:08:01" on every row is an amount of time, never a row's identifier.
    if is_clock_text(column, name):
        return "number"
    sample = values.iloc[:2000].astype(str)
    unique_share = sample.nunique() / len(sample)
    spaces = text_match.contains(sample, " ").mean()
    mean_length = sample.str.len().mean()
    if mean_length > _TEXT_MEAN_LENGTH and spaces > 0.5 and unique_share > 0.5:
        return "text"
    codes = text_match.contains(sample, r"\d").mean() > 0.8 and spaces < 0.05
    if unique_share > 0.95 and spaces < 0.05:
        return "identifier"
    # A short name that no two rows share ("Acura Integra", a person's name) labels the row;
    # so does one that a few rows share by chance (two films called "Hamlet" among 5,000),
    # and one lost on a few rows (two constituencies whose names were not recovered).
    if (
        n_values >= 20
        and n_values >= NAMES_FILLED * len(column)
        and (values.is_unique or values.nunique() >= NEAR_UNIQUE_NAMES * n_values)
    ):
        return "identifier"
    if ID_NAME.search(name) and (codes or unique_share > 0.2):
        return "identifier"
    return "category"


def infer_column_types(frame: pd.DataFrame) -> dict[str, str]:
    """Guess every column's type; see :func:`infer_column_type`."""
    return {str(name): infer_column_type(str(name), frame[name]) for name in frame.columns}


def apply_column_types(frame: pd.DataFrame, types: dict[str, str]) -> pd.DataFrame:
    """Return a copy of ``frame`` with each column converted to its corrected type.

    ``ignore`` drops the column; ``number`` and ``datetime`` turn values that do not fit
    into missing values; ``category``, ``text`` and ``identifier`` keep the values as text
    (numbers stay numbers for identifiers, so a running row number can still be ranked).

    Raises
    ------
    DataError
        If a type is not one of ``COLUMN_TYPES``.
    """
    unknown = {kind for kind in types.values() if kind not in COLUMN_TYPES}
    if unknown:
        raise DataError(
            f"Unknown column type(s) {sorted(unknown)}; use one of {', '.join(COLUMN_TYPES)}."
        )
    keep = [name for name in frame.columns if types.get(str(name)) != "ignore"]
    # No .copy(): pandas' copy-on-write keeps the caller's frame intact when a column is
    # replaced below, and a big upload is not duplicated in memory.
    result = frame[keep] if len(keep) < frame.shape[1] else frame.copy(deep=False)
    for name in keep:
        kind = types.get(str(name))
        column = result[name]
        if kind == "number" and is_clock_text(column, str(name)):
            result[name] = clock_text_to_seconds(column)
        elif kind == "number" and not pd.api.types.is_numeric_dtype(column):
            result[name] = pd.to_numeric(column, errors="coerce")
        elif kind == "number" and pd.api.types.is_bool_dtype(column):
            result[name] = column.astype(float)
        elif kind == "datetime" and not pd.api.types.is_datetime64_any_dtype(column):
            time_kind = (
                numeric_time_kind(str(name), column)
                if pd.api.types.is_numeric_dtype(column)
                else None
            )
            if time_kind:
                result[name] = numeric_to_datetime(column, time_kind)
            elif pd.api.types.is_numeric_dtype(column) and is_integer_valued(column):
                result[name] = pd.to_datetime(
                    column.astype("Int64").astype("string"), format="%Y", errors="coerce"
                )
            else:
                result[name] = pd.to_datetime(column, errors="coerce", format="mixed")
        elif kind in ("category", "text") and not (
            _is_text(column) or pd.api.types.is_bool_dtype(column)
        ):
            result[name] = column.astype("string")
    return result
