"""Markdown to HTML, for the limited syntax the plans use, and the printable document."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from lessons.plans.settings import SEED
from lessons.plans.templates import LessonPlan

# ---------------------------------------------------------------------------------------------
# Markdown to HTML, for the limited syntax the plans use
# ---------------------------------------------------------------------------------------------

_INLINE = re.compile(r"`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)")


def _href(url: str, base_url: str) -> str | None:
    """A link target that is safe to put in HTML: an app path or an http(s) address."""
    if url.startswith("/"):
        return base_url.rstrip("/") + url
    if urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def inline_html(text: str, base_url: str = "") -> str:
    """Code spans, bold and links; everything else escaped."""
    out, position = [], 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[position : match.start()]))
        code, bold, label, url = match.groups()
        if code is not None:
            out.append(f"<code>{html.escape(code)}</code>")
        elif bold is not None:
            out.append(f"<strong>{inline_html(bold, base_url)}</strong>")
        else:
            target = _href(url, base_url)
            if target is None:
                out.append(inline_html(label, base_url))
            elif label == url:
                # The address is the label: show it in full, and print it only once.
                escaped = html.escape(target, quote=True)
                out.append(f'<a class="address" href="{escaped}">{html.escape(target)}</a>')
            else:
                escaped = html.escape(target, quote=True)
                out.append(f'<a href="{escaped}">{inline_html(label, base_url)}</a>')
        position = match.end()
    out.append(html.escape(text[position:]))
    return "".join(out)


_LIST_ITEM = re.compile(r"(- |\d+\. )")


def _blocks(lines: Iterable[str]) -> Iterable[tuple[str, list[str]]]:
    """Group lines into (kind, items) blocks: heading, bullets, numbers or paragraph.

    A line that is not a list item, right after one, continues that item.
    """
    kind, items = "", []
    for line in lines:
        stripped = line.strip()
        item = _LIST_ITEM.match(stripped)
        if item:
            new_kind = "bullets" if stripped.startswith("- ") else "numbers"
            if kind != new_kind and items:
                yield kind, items
                items = []
            kind = new_kind
            items.append(stripped[item.end() :])
        elif stripped and kind in ("bullets", "numbers"):
            items[-1] += " " + stripped
        elif stripped and not stripped.startswith("#"):
            if kind != "paragraph" and items:
                yield kind, items
                items = []
            kind = "paragraph"
            items.append(stripped)
        else:
            if items:
                yield kind, items
            kind, items = "", []
            if stripped:
                yield "heading", [stripped]
    if items:
        yield kind, items


def to_html(markdown: str, base_url: str = "", heading_offset: int = 0) -> str:
    """The HTML body of a plan: headings, paragraphs, lists, code spans, bold and links."""
    out = []
    for kind, lines in _blocks(markdown.splitlines()):
        if kind == "heading":
            hashes, _, title = lines[0].partition(" ")
            level = min(len(hashes) + heading_offset, 6)
            out.append(f"<h{level}>{inline_html(title.strip(), base_url)}</h{level}>")
        elif kind in ("bullets", "numbers"):
            tag = "ul" if kind == "bullets" else "ol"
            items = "".join(f"<li>{inline_html(item, base_url)}</li>" for item in lines)
            out.append(f"<{tag}>{items}</{tag}>")
        else:
            out.append(f"<p>{inline_html(' '.join(lines), base_url)}</p>")
    return "\n".join(out)


PRINT_CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 1.4rem 0 .4rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
p, li { margin: .25rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em;
  background: #f1f1f1; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
a { color: #0b5394; overflow-wrap: anywhere; }
.meta { color: #555; font-size: .9rem; }
section.plan + section.plan { margin-top: 3rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.plan { break-after: page; page-break-after: always; }
  section.plan:last-of-type { break-after: auto; page-break-after: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  li, p { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]:not(.address)::after { content: " <" attr(href) ">"; font-size: .85em; color: #444; }
  code { background: none; }
}
"""


def to_document(
    plans: Sequence[LessonPlan], *, base_url: str = "", title: str = "ML Spine lesson plans"
) -> str:
    """A standalone, printable HTML document: one section per plan, a page break between."""
    body = "\n".join(
        f'<section class="plan" id="{html.escape(plan.lesson, quote=True)}">\n'
        f"{to_html(plan.markdown, base_url)}\n"
        f'<p class="meta">Numbers computed by ML Spine with seed {SEED}.</p>\n'
        "</section>"
        for plan in plans
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>{PRINT_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def file_name(lesson: str | None, extension: str) -> str:
    """``lesson-plan-leakage.md``, or ``lesson-plans.html`` for all of them."""
    return f"lesson-plan-{lesson}.{extension}" if lesson else f"lesson-plans.{extension}"
