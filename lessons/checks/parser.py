"""The parser of the checks' Markdown format, and the loader of one lesson's questions."""

from __future__ import annotations

from functools import cache

from lessons.checks.computed import COMPUTE
from lessons.checks.records import (
    _COMPUTE,
    _ID,
    _KEY,
    _OPTION,
    CONTENT,
    AnyQuestion,
    ChecksFormatError,
    ComputedQuestion,
    Option,
    Question,
)
from lessons.progress import LESSONS

# --------------------------------------------------------------------------------------------
# The parser
# --------------------------------------------------------------------------------------------


def parse(text: str, lesson: str, *, source: str = "<text>") -> tuple[AnyQuestion, ...]:
    """Read a checks file.

    Parameters
    ----------
    text : str
        The file's Markdown.
    lesson : str
        The lesson the questions belong to.
    source : str
        The file name, for error messages.

    Raises
    ------
    ChecksFormatError
        With the file, the line and what is wrong, when the text breaks the format.
    """
    blocks: list[tuple[int, str, list[tuple[int, str]]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            blocks.append((number, line[3:].strip(), []))
        elif blocks:
            blocks[-1][2].append((number, line.rstrip()))
    if not blocks:
        raise ChecksFormatError(f"{source}: no questions (each starts with a '## id' heading).")
    questions: list[AnyQuestion] = []
    seen: set[str] = set()
    for number, question_id, lines in blocks:
        where = f"{source}, question {question_id!r} (line {number})"
        if not _ID.match(question_id):
            raise ChecksFormatError(
                f"{where}: an id is lower-case letters, digits and hyphens, e.g. 'why-stratify'."
            )
        if question_id in seen:
            raise ChecksFormatError(f"{where}: the id is used twice in the file.")
        seen.add(question_id)
        questions.append(_parse_block(lesson, question_id, lines, where))
    return tuple(questions)


def _parse_block(
    lesson: str, question_id: str, lines: list[tuple[int, str]], where: str
) -> AnyQuestion:
    compute = None
    body = [(n, line) for n, line in lines if line.strip()]
    if body and (found := _COMPUTE.match(body[0][1])):
        compute = found.group(1)
        if compute not in COMPUTE:
            raise ChecksFormatError(
                f"{where}: there is no compute function {compute!r}; "
                f"pick one of {', '.join(sorted(COMPUTE))}."
            )
        body = body[1:]
    prompt: list[str] = []
    options: list[tuple[int, str, str]] = []
    explanation: list[str] = []
    part = "prompt"
    for n, line in lines:
        if compute and _COMPUTE.match(line):
            continue
        option = _OPTION.match(line)
        if option and part in ("prompt", "options"):
            part = "options"
            options.append((n, option.group(1), option.group(2).strip()))
        elif line.startswith(">") and part == "options":
            part = "explanation"
            explanation.append(line[1:].strip())
        elif line.startswith(">") and part == "explanation":
            explanation.append(line[1:].strip())
        elif not line.strip():
            if part == "prompt":
                prompt.append("")
        elif part == "prompt":
            prompt.append(line)
        else:
            raise ChecksFormatError(
                f"{where}, line {n}: after the options only '> ' explanation lines may follow."
            )
    question = "\n".join(prompt).strip()
    why = " ".join(explanation).strip()
    if not question:
        raise ChecksFormatError(f"{where}: the question text is missing.")
    if len(options) < 2:
        raise ChecksFormatError(f"{where}: a question needs at least two '- [ ] ' options.")
    if not why:
        raise ChecksFormatError(f"{where}: the '> ' explanation is missing.")
    if compute:
        keys = [key for _, key, _ in options]
        bad = next(((n, k) for n, k, _ in options if not _KEY.match(k)), None)
        if bad:
            raise ChecksFormatError(
                f"{where}, line {bad[0]}: a computed question keys its options with a word, "
                f"e.g. '- [time] ...', not '[{bad[1]}]'."
            )
        if len(set(keys)) != len(keys):
            raise ChecksFormatError(f"{where}: two options share a key.")
        return ComputedQuestion(
            lesson,
            question_id,
            question,
            tuple(Option(key, text) for _, key, text in options),
            why,
            compute,
        )
    bad = next(((n, k) for n, k, _ in options if k not in ("x", " ")), None)
    if bad:
        raise ChecksFormatError(
            f"{where}, line {bad[0]}: mark an option '[x]' (right) or '[ ]' (wrong), "
            f"not '[{bad[1]}]'; keyed options need a 'compute:' line."
        )
    n_correct = sum(k == "x" for _, k, _ in options)
    if n_correct != 1:
        raise ChecksFormatError(
            f"{where}: exactly one option must be marked '[x]'; found {n_correct}."
        )
    return Question(
        lesson,
        question_id,
        question,
        tuple(
            Option(chr(ord("a") + i), text, key == "x") for i, (_, key, text) in enumerate(options)
        ),
        why,
    )


@cache
def load(lesson: str) -> tuple[AnyQuestion, ...]:
    """The questions of one lesson, read from its checks file.

    Raises
    ------
    ChecksFormatError
        If the file breaks the format, or the lesson has no file.
    """
    if lesson not in LESSONS:
        raise ChecksFormatError(f"There is no lesson {lesson!r}; pick one of {', '.join(LESSONS)}.")
    path = CONTENT / f"{lesson}.md"
    return parse(path.read_text(encoding="utf-8"), lesson, source=f"checks/{lesson}.md")


def question_ids(lesson: str) -> tuple[str, ...]:
    """The ids of a lesson's questions, in order; the same whatever the dataset."""
    return tuple(q.id for q in load(lesson))
