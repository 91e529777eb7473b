"""Lesson prose as Markdown files, one per lesson, in the project's own words."""

from functools import cache
from pathlib import Path

_HERE = Path(__file__).parent


@cache
def read(name: str) -> str:
    """Return the Markdown text of ``<name>.md`` in this folder.

    Parameters
    ----------
    name : str
        The file's stem, e.g. ``"home"``.
    """
    return (_HERE / f"{name}.md").read_text(encoding="utf-8")


@cache
def sections(name: str) -> dict[str, str]:
    """Split a content file into its ``## `` sections, keyed by heading.

    Pages pick the section they need, so prose stays in one file per lesson. This is the one
    way pages and components fetch their text; the result is cached and must not be changed.
    """
    return split_sections(read(name))


def split_sections(markdown: str) -> dict[str, str]:
    """A Markdown text's ``## `` sections by heading; the text before the first under ``""``."""
    parts: dict[str, str] = {}
    heading = ""
    lines: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("## "):
            parts[heading] = "\n".join(lines).strip()
            heading, lines = line[3:].strip(), []
        else:
            lines.append(line)
    parts[heading] = "\n".join(lines).strip()
    return parts
