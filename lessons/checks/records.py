"""The checks of understanding as records: options, questions, computed questions and their
answers, and the patterns of their Markdown format (``lessons/content/checks/*.md``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lessons.errors import DataError

CONTENT = Path(__file__).parent.parent / "content" / "checks"

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEY = re.compile(r"^[a-z0-9_]{2,}$")
_OPTION = re.compile(r"^- \[([^\]]*)\] (.+)$")
_COMPUTE = re.compile(r"^compute:\s*(\S+)\s*$")
_PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z0-9_]+)\}(?!\})")


class ChecksFormatError(ValueError):
    """A checks file that does not follow the format; the message names the file and line."""


class NotApplicable(DataError):
    """A computed question that cannot run on this dataset, nor on a built-in stand-in."""


@dataclass(frozen=True)
class Option:
    """One answer to pick.

    Attributes
    ----------
    key : str
        ``"a"``, ``"b"``... for a static question (by position); the author's key for a
        computed one.
    text : str
    correct : bool
        Always False in a computed question until ``ComputedQuestion.resolve``.
    """

    key: str
    text: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    """A question whose right answer is known: written in the file, or resolved from data.

    Attributes
    ----------
    lesson, id : str
    prompt : str
        Markdown.
    options : tuple of Option
        Exactly one is correct.
    explanation : str
        Markdown; why the right answer is right and the tempting wrong one is wrong.
    note : str or None
        For a resolved computed question: which data it ran on when not the active dataset.
    """

    lesson: str
    id: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    note: str | None = None

    @property
    def correct(self) -> Option:
        return next(option for option in self.options if option.correct)


@dataclass(frozen=True)
class Computed:
    """What a compute function found on the data.

    Attributes
    ----------
    values : dict of str to str
        Text for every ``{placeholder}`` of the question, formatted for display.
    correct : str
        The key of the right option.
    shown : tuple of str or None
        The option keys that apply to this data, in file order; None shows them all.
    note : str or None
        Said above the question when it ran on a stand-in dataset.
    """

    values: dict[str, str]
    correct: str
    shown: tuple[str, ...] | None = None
    note: str | None = None


@dataclass(frozen=True)
class ComputedQuestion:
    """A question whose numbers and right answer come from a lesson function on live data.

    Attributes
    ----------
    lesson, id, prompt, explanation : str
        As in ``Question``, with ``{placeholders}``.
    options : tuple of Option
        Keyed; none marked correct.
    compute : str
        The key of ``COMPUTE`` that fills the placeholders and picks the right option.
    """

    lesson: str
    id: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str
    compute: str

    @property
    def placeholders(self) -> frozenset[str]:
        texts = [self.prompt, self.explanation, *(o.text for o in self.options)]
        return frozenset(name for text in texts for name in _PLACEHOLDER.findall(text))

    def resolve(self, computed: Computed) -> Question:
        """The question as asked on this data: placeholders filled, the right option marked.

        Raises
        ------
        ValueError
            If the computation left a placeholder empty or picked a key that is not an
            option shown.
        """
        missing = self.placeholders - set(computed.values)
        if missing:
            raise ValueError(f"{self.compute} gave no value for {', '.join(sorted(missing))}.")
        shown = computed.shown or tuple(o.key for o in self.options)
        if computed.correct not in shown:
            raise ValueError(f"{self.compute} picked {computed.correct!r}, not an option shown.")

        def fill(text: str) -> str:
            return _PLACEHOLDER.sub(lambda m: computed.values[m.group(1)], text).replace("{{", "{")

        options = tuple(
            Option(o.key, fill(o.text), o.key == computed.correct)
            for o in self.options
            if o.key in shown
        )
        return Question(
            self.lesson,
            self.id,
            fill(self.prompt),
            options,
            fill(self.explanation),
            computed.note,
        )


AnyQuestion = Question | ComputedQuestion
