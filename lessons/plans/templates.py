"""The plan templates, filled with each lesson's numbers, and the Markdown helpers the page uses."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from threadpoolctl import threadpool_limits

from lessons import content
from lessons.errors import DataError
from lessons.plans.lesson_numbers import NUMBERS
from lessons.plans.settings import _LINK, _PLACEHOLDER, _SEGMENT, LESSON_KEYS, SEED, TITLES

# ---------------------------------------------------------------------------------------------
# Templates and plans
# ---------------------------------------------------------------------------------------------


def _check_lesson(lesson: str) -> None:
    if lesson not in TITLES:
        raise DataError(f"There is no lesson plan for {lesson!r}; pick one of {LESSON_KEYS}.")


def template(lesson: str) -> str:
    """The plan's Markdown with its ``{placeholders}`` still in."""
    _check_lesson(lesson)
    return content.read(f"plans/{lesson}")


def placeholders(text: str) -> set[str]:
    """The names of the ``{placeholders}`` in a template."""
    return set(_PLACEHOLDER.findall(text))


def fill(text: str, numbers: dict[str, str]) -> str:
    """Put the computed numbers into a template.

    Raises
    ------
    DataError
        If the template names a number nobody computed.
    """
    missing = placeholders(text) - set(numbers)
    if missing:
        raise DataError(f"The plan needs numbers nobody computed: {', '.join(sorted(missing))}.")
    return _PLACEHOLDER.sub(lambda match: numbers[match.group(1)], text)


@dataclass(frozen=True)
class LessonPlan:
    """One lesson's plan with its numbers filled in.

    Attributes
    ----------
    lesson : str
        A key of ``LESSON_KEYS``.
    title : str
    markdown : str
        The plan, ready to show or download.
    numbers : tuple of (str, str)
        The computed numbers by placeholder name, sorted.
    seconds : float
        How long computing the numbers took.
    """

    lesson: str
    title: str
    markdown: str
    numbers: tuple[tuple[str, str], ...]
    seconds: float


def build(lesson: str, random_state: int = SEED) -> LessonPlan:
    """Compute one lesson's numbers and fill its plan."""
    text = template(lesson)
    started = time.perf_counter()
    # One thread: boosting on a busy shared machine slows down by an order of magnitude when
    # its OpenMP threads fight for the cores.
    with threadpool_limits(limits=1):
        numbers = NUMBERS[lesson](random_state)
    seconds = time.perf_counter() - started
    return LessonPlan(
        lesson, TITLES[lesson], fill(text, numbers), tuple(sorted(numbers.items())), seconds
    )


def segment_minutes(markdown: str) -> list[int]:
    """The minutes of each ``### Segment (N min)`` of the run of show."""
    return [int(m) for m in _SEGMENT.findall(markdown)]


def body(markdown: str) -> str:
    """The plan without its ``# `` title line, for a place that already shows the title."""
    first, _, rest = markdown.partition("\n")
    return rest.lstrip("\n") if first.startswith("# ") else markdown


def demote_headings(markdown: str, levels: int = 2) -> str:
    """Make every heading smaller by ``levels``, for a plan shown inside a page."""
    return re.sub(
        r"^(#{1,6}) ",
        lambda m: "#" * min(len(m.group(1)) + levels, 6) + " ",
        markdown,
        flags=re.MULTILINE,
    )


def absolute_links(markdown: str, base_url: str) -> str:
    """Prefix the app links of a plan (``](/leakage?…)``) with where the app is served."""
    if not base_url:
        return markdown
    return markdown.replace("](/", f"]({base_url.rstrip('/')}/")


@dataclass(frozen=True)
class DeepLink:
    """A link from a plan into the app: the page's URL path and its query parameters."""

    url: str
    path: str
    params: tuple[tuple[str, str], ...]


def deep_links(markdown: str) -> list[DeepLink]:
    """Every link in a plan that points into the app (a path starting with ``/``)."""
    found = []
    for _, url in _LINK.findall(markdown):
        if not url.startswith("/"):
            continue
        parts = urlsplit(url)
        found.append(
            DeepLink(
                url, parts.path.strip("/"), tuple(parse_qsl(parts.query, keep_blank_values=True))
            )
        )
    return found
