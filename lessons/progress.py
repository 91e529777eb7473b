"""A learner's progress through the course: pages visited, key interactions, check answers.

Pure bookkeeping, like a run table for the learner instead of the model: every event is a
small immutable update, and the whole record round-trips through JSON so a named workspace
can keep it between visits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

# The seven lessons in course order, then the tools that also count.
LESSONS: tuple[str, ...] = (
    "frame",
    "split",
    "leakage",
    "train",
    "metrics",
    "experiments",
    "monitor",
)
TRACKED: tuple[str, ...] = (*LESSONS, "data", "guided")


@dataclass(frozen=True)
class Interaction:
    """A key thing to do on a page, the sign that the learner did more than read."""

    key: str
    label: str


INTERACTIONS: Mapping[str, tuple[Interaction, ...]] = MappingProxyType(
    {
        "frame": (Interaction("target_chosen", "picked a target and met its baseline"),),
        "split": (Interaction("strategy_tried", "tried a split strategy"),),
        "leakage": (Interaction("leak_switched", "switched a leak on and saw the score lie"),),
        "train": (Interaction("model_trained", "trained a model"),),
        "metrics": (Interaction("threshold_moved", "moved the decision threshold"),),
        "experiments": (Interaction("runs_compared", "compared two runs"),),
        "monitor": (Interaction("month_moved", "walked through production months"),),
        "data": (Interaction("audit_run", "audited a dataset"),),
        "guided": (Interaction("scaffold_downloaded", "downloaded a scaffold"),),
    }
)


def _check_lesson(lesson: str) -> None:
    if lesson not in TRACKED:
        raise ValueError(f"Unknown lesson {lesson!r}; expected one of {', '.join(TRACKED)}.")


@dataclass(frozen=True)
class Progress:
    """What one learner has done so far.

    Attributes
    ----------
    visited : frozenset of str
        The tracked pages opened at least once.
    interactions : frozenset of (lesson, interaction key)
        The key interactions done.
    answers : mapping of (lesson, question id) to bool
        Whether the latest answer to each check question was right.
    """

    visited: frozenset[str] = frozenset()
    interactions: frozenset[tuple[str, str]] = frozenset()
    answers: Mapping[tuple[str, str], bool] = field(default_factory=dict)

    def visit(self, lesson: str) -> Progress:
        """The progress after opening ``lesson``'s page."""
        _check_lesson(lesson)
        if lesson in self.visited:
            return self
        return Progress(self.visited | {lesson}, self.interactions, self.answers)

    def mark(self, lesson: str, interaction: str) -> Progress:
        """The progress after doing one of ``lesson``'s key interactions."""
        _check_lesson(lesson)
        if interaction not in {i.key for i in INTERACTIONS[lesson]}:
            raise ValueError(f"{lesson!r} has no interaction {interaction!r}.")
        if (lesson, interaction) in self.interactions:
            return self
        return Progress(
            self.visited | {lesson}, self.interactions | {(lesson, interaction)}, self.answers
        )

    def answer(self, lesson: str, question_id: str, correct: bool) -> Progress:
        """The progress after answering a check; a later answer replaces an earlier one."""
        _check_lesson(lesson)
        if self.answers.get((lesson, question_id)) == bool(correct):
            return self
        answers = {**self.answers, (lesson, question_id): bool(correct)}
        return Progress(self.visited, self.interactions, answers)

    def merge(self, other: Progress) -> Progress:
        """Both records in one, e.g. this session's work joining a saved workspace.

        A question counts as right if it was answered right in either record: neither side
        knows which answer came last, and a learner who once got it right has seen why.
        """
        answers = dict(other.answers)
        for key, correct in self.answers.items():
            answers[key] = answers.get(key, False) or correct
        return Progress(
            self.visited | other.visited, self.interactions | other.interactions, answers
        )

    def to_dict(self) -> dict:
        """A JSON-able copy, stable under sorting."""
        return {
            "visited": sorted(self.visited),
            "interactions": sorted([lesson, key] for lesson, key in self.interactions),
            "answers": sorted(
                [lesson, qid, correct] for (lesson, qid), correct in self.answers.items()
            ),
        }

    @classmethod
    def from_dict(cls, payload: Mapping) -> Progress:
        """Read ``to_dict`` output back, dropping anything this version no longer knows."""
        known = {lesson: {i.key for i in found} for lesson, found in INTERACTIONS.items()}
        return cls(
            frozenset(v for v in payload.get("visited", ()) if v in TRACKED),
            frozenset(
                (lesson, key)
                for lesson, key in payload.get("interactions", ())
                if key in known.get(lesson, ())
            ),
            {
                (lesson, str(qid)): bool(correct)
                for lesson, qid, correct in payload.get("answers", ())
                if lesson in TRACKED
            },
        )


@dataclass(frozen=True)
class LessonStatus:
    """How far one learner is through one page's lesson."""

    lesson: str
    visited: bool
    done: tuple[str, ...]
    interactions_total: int
    answered: int
    correct: int
    questions_total: int

    @property
    def fraction(self) -> float:
        """Share of the lesson's steps done: the visit, each interaction, each question."""
        steps = 1 + self.interactions_total + self.questions_total
        return (int(self.visited) + len(self.done) + self.answered) / steps

    @property
    def state(self) -> str:
        """``"not started"``, ``"started"`` or ``"done"`` (every interaction and check done)."""
        if self.fraction >= 1:
            return "done"
        return "started" if self.visited else "not started"


def status(progress: Progress, lesson: str, question_ids: Sequence[str] = ()) -> LessonStatus:
    """Where ``progress`` stands on ``lesson``, counting only the questions it has now."""
    _check_lesson(lesson)
    done = tuple(i.key for i in INTERACTIONS[lesson] if (lesson, i.key) in progress.interactions)
    results = [
        progress.answers[(lesson, q)] for q in question_ids if (lesson, q) in progress.answers
    ]
    return LessonStatus(
        lesson=lesson,
        visited=lesson in progress.visited,
        done=done,
        interactions_total=len(INTERACTIONS[lesson]),
        answered=len(results),
        correct=sum(results),
        questions_total=len(question_ids),
    )


@dataclass(frozen=True)
class CourseSummary:
    """The whole course at a glance, for the sidebar."""

    lessons_done: int
    lessons_started: int
    lessons_total: int
    correct: int
    answered: int
    questions_total: int

    @property
    def fraction(self) -> float:
        return (self.lessons_done + 0.5 * self.lessons_started) / self.lessons_total


def summary(statuses: Mapping[str, LessonStatus]) -> CourseSummary:
    """Count the lessons done and the checks right over the seven lessons."""
    lessons = [statuses[lesson] for lesson in LESSONS]
    done = sum(s.state == "done" for s in lessons)
    return CourseSummary(
        lessons_done=done,
        lessons_started=sum(s.state == "started" for s in lessons),
        lessons_total=len(lessons),
        correct=sum(s.correct for s in lessons),
        answered=sum(s.answered for s in lessons),
        questions_total=sum(s.questions_total for s in lessons),
    )
