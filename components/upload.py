"""The CSV upload widget: parse each uploaded file once per session, keyed by its file id.

This component owns the ``upload_*`` session_state keys. The parsed table lives only in this
browser session's state, so one learner's file is never visible to another.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.text import escape_md
from lessons.csv_loading import LoadedCSV, load_csv
from lessons.errors import DataError

UPLOADER_KEY = "upload_file"
_PARSED_KEY = "upload_parsed"


@dataclass(frozen=True)
class Upload:
    """A parsed upload: the widget's file id, the file's name and size, and the table."""

    file_id: str
    file_name: str
    size_bytes: int
    loaded: LoadedCSV


@dataclass(frozen=True)
class _Refused:
    file_id: str
    message: str


def max_upload_mb() -> int:
    """The server's upload limit in MB (``server.maxUploadSize``, 200 by default)."""
    return int(st.get_option("server.maxUploadSize"))


def uploader() -> Upload | None:
    """Draw the file uploader and return the parsed upload, or None.

    A file is read and parsed on the run after it arrives, then kept in session state under
    its file id: later reruns (a changed target, a corrected column type) reuse it without
    touching the bytes again. A file that cannot be read shows an error; nothing else on
    the page or in the sidebar changes.
    """
    limit = max_upload_mb()
    file = st.file_uploader(
        f"Upload a CSV file (up to {limit} MB)",
        type=["csv", "tsv", "txt"],
        key=UPLOADER_KEY,
        help="Comma, semicolon, tab or pipe separated, with a header row. Encodings, decimal "
        "commas and date formats are detected. The file stays in this browser session.",
    )
    st.caption(
        f"Size limit: {limit} MB per file (the server's `maxUploadSize`). The file is parsed "
        "once per session and never shown to anyone else."
    )
    if file is None:
        return None
    parsed = st.session_state.get(_PARSED_KEY)
    if parsed is None or parsed.file_id != file.file_id:
        parsed = _parse(file, limit)
        st.session_state[_PARSED_KEY] = parsed
    if isinstance(parsed, _Refused):
        st.error(escape_md(parsed.message), icon=":material/error:")
        return None
    return parsed


def _parse(file, limit_mb: int) -> Upload | _Refused:
    with st.spinner(f"Reading {escape_md(file.name)}…"):
        try:
            loaded = load_csv(file.getvalue(), filename=file.name, max_bytes=limit_mb * 1024**2)
        except DataError as error:
            return _Refused(
                file.file_id,
                f"Could not use this file: {error} Your current dataset is unchanged.",
            )
    return Upload(file.file_id, file.name, file.size, loaded)
