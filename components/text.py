"""Safe display of user-supplied text (column names, cell values, file names)."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


# GFM turns bare URLs, www. names and e-mail addresses into links after escapes are read, so
# an invisible word joiner (U+2060) is put where the link pattern needs adjacent characters.
_AUTOLINKS = (
    (re.compile(r"://"), ":\u2060//"),
    (re.compile(r"(?i)\bwww\."), "www\u2060."),
    (re.compile("@"), "\u2060@"),
)


def escape_md(text: object) -> str:
    """Escape text so Markdown renders it literally: no links, images, HTML or emphasis.

    Streamlit never renders raw HTML from ``st.markdown`` unless asked to, but Markdown
    syntax in a column name would still become a link or a heading, and a bare URL would
    become a live link; this neutralises both.
    """
    text = str(text)
    for pattern, replacement in _AUTOLINKS:
        text = pattern.sub(replacement, text)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text).replace("\n", " ")


def code_name(text: object) -> str:
    """Show a user-supplied name as inline code, which Markdown never interprets."""
    body = str(text).replace("\n", " ")
    fence = "``" if "`" in body else "`"
    return f"{fence} {body} {fence}" if fence == "``" else f"`{body}`"


def markdown_table(columns: dict[str, list], *, right: tuple[str, ...] = ()) -> str:
    """A GitHub-flavoured Markdown table of ``columns``, every cell shown literally.

    One Markdown element instead of ``st.table``: a page redraws it as one block of text,
    where ``st.table`` builds an Arrow table on the server and a Markdown renderer per cell in
    the browser. Every header and cell goes through ``escape_md``, so a user-supplied column
    name in a cell is text, never a link; ``right`` names the columns aligned right (numbers).
    """
    names = list(columns)
    rows = zip(*(columns[name] for name in names), strict=True)
    align = ["---:" if name in right else "---" for name in names]
    lines = [
        "| " + " | ".join(escape_md(name) for name in names) + " |",
        "| " + " | ".join(align) + " |",
        *("| " + " | ".join(escape_md(cell) for cell in row) + " |" for row in rows),
    ]
    return "\n".join(lines)
