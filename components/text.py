"""Safe display of user-supplied text (column names, cell values, file names)."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def escape_md(text: object) -> str:
    """Escape text so Markdown renders it literally: no links, images, HTML or emphasis.

    Streamlit never renders raw HTML from ``st.markdown`` unless asked to, but Markdown
    syntax in a column name would still become a link or a heading; this neutralises it.
    """
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text)).replace("\n", " ")


def code_name(text: object) -> str:
    """Show a user-supplied name as inline code, which Markdown never interprets."""
    body = str(text).replace("\n", " ")
    fence = "``" if "`" in body else "`"
    return f"{fence} {body} {fence}" if fence == "``" else f"`{body}`"
