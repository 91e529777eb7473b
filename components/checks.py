"""Check your understanding: the questions at the end of a lesson, with immediate feedback.

Owns the ``checks_*`` session_state keys: ``checks_<lesson>_<id>`` is a question's radio,
``checks_<lesson>_<id>_context`` the (dataset, seed) a computed question was answered on.
Answers go to ``components.progress``; in instructor mode the feedback waits behind Reveal
so the room can vote first.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import lesson, progress, room, sidebar
from components.text import escape_md
from lessons import checks, monitoring
from lessons.datasets import Dataset
from lessons.errors import DataError


def widget_key(lesson_key: str, question_id: str) -> str:
    """The session_state key of a question's radio."""
    return f"checks_{lesson_key}_{question_id}"


@st.cache_data(show_spinner="Working out a question from the data…", max_entries=256)
def _computed(compute: str, name: str, seed: int, _dataset: Dataset) -> checks.Computed | str:
    """A computed question's values, or why it does not apply (cached either way)."""
    try:
        return checks.COMPUTE[compute](_dataset, seed)
    except DataError as error:
        return str(error)


def _safe(found: checks.Computed) -> checks.Computed:
    """Escape every value: dataset titles and model names may come from a user's CSV."""
    return checks.Computed(
        {key: escape_md(value) for key, value in found.values.items()},
        found.correct,
        found.shown,
        found.note,
    )


def _resolve(
    question: checks.AnyQuestion,
    dataset: Dataset,
    seed: int,
    simulation: monitoring.Simulation | None,
) -> checks.Question | str:
    """The question as asked on this data, or the reason it is not applicable here."""
    if isinstance(question, checks.Question):
        return question
    if question.compute == "policies" and simulation is not None:
        found = checks.best_policy(simulation)
        found = checks.Computed(
            {**found.values, "data": dataset.title}, found.correct, found.shown, found.note
        )
    else:
        found = _computed(question.compute, dataset.cache_key, seed, dataset)
    if isinstance(found, str):
        return found
    return question.resolve(_safe(found))


def _answered(lesson_key: str, question: checks.Question, context: tuple[str, int]) -> None:
    key = widget_key(lesson_key, question.id)
    chosen = st.session_state.get(key)
    if chosen is None:
        return
    st.session_state[f"{key}_context"] = context
    progress.answer(lesson_key, question.id, chosen == question.correct.key)


def _forget_stale_answer(key: str, context: tuple[str, int]) -> None:
    """A computed answer belongs to the data it was given on; another dataset asks afresh."""
    answered_on = st.session_state.get(f"{key}_context")
    if answered_on is not None and answered_on != context:
        st.session_state[key] = None
        del st.session_state[f"{key}_context"]


def _score_line(lesson_key: str, n_not_applicable: int) -> str:
    ids = checks.question_ids(lesson_key)
    answers = progress.current().answers
    right = sum(bool(answers.get((lesson_key, qid))) for qid in ids)
    answered = sum((lesson_key, qid) in answers for qid in ids)
    line = f"**{right} of {len(ids)} right**"
    if answered < len(ids):
        line += f" · {len(ids) - answered} still to answer"
    if n_not_applicable:
        line += f" · {n_not_applicable} n/a here (not counted against you)"
    return line


def _room_question(
    lesson_key: str, question: checks.Question, context: tuple[str, int], computed: bool
) -> room.RoomQuestion:
    """The question as the room votes on it; a computed one is asked afresh on other data."""
    return room.RoomQuestion(
        key=widget_key(lesson_key, question.id),
        context=f"{context[0]}|{context[1]}" if computed else "",
        prompt=question.prompt,
        options=tuple((option.key, option.text) for option in question.options),
        correct=question.correct.key,
        says_how_vote_did=False,
    )


def _record_vote(lesson_key: str, question: checks.Question, answer: str) -> None:
    progress.answer(lesson_key, question.id, answer == question.correct.key)


def _question(
    lesson_key: str,
    number: int,
    question: checks.Question,
    context: tuple[str, int],
    *,
    computed: bool,
) -> None:
    key = widget_key(lesson_key, question.id)
    if question.note:
        st.caption(escape_md(question.note))
    st.markdown(f"**{number}.** {question.prompt}")
    asked = _room_question(lesson_key, question, context, computed)
    labels = {option.key: option.text for option in question.options}
    if room.voting() is not None:
        chosen = room.vote_widget(
            asked, label="Your vote", on_vote=partial(_record_vote, lesson_key, question)
        )
    else:
        chosen = st.radio(
            f"Your answer to question {number}",
            list(labels),
            index=None,
            format_func=labels.get,
            key=key,
            label_visibility="collapsed",
            on_change=_answered,
            args=(lesson_key, question, context),
        )
    # The projector counts the room's votes whether or not the instructor clicked an answer,
    # and a following learner who did not vote still hears the answer after Reveal.
    if chosen is None and room.hosting() is None and room.voting() is None:
        return
    if not lesson.reveal(key, "Let the room vote, then reveal the answer.", question=asked):
        return
    if chosen is None:
        st.success(
            f"**The answer:** {question.correct.text}. {question.explanation}",
            icon=":material/check_circle:",
        )
    elif chosen == question.correct.key:
        st.success(f"**Right.** {question.explanation}", icon=":material/check_circle:")
    else:
        st.error(
            f"**Not quite.** The answer is: {question.correct.text}. {question.explanation}",
            icon=":material/cancel:",
        )


def render(
    lesson_key: str,
    dataset: Dataset,
    seed: int,
    *,
    simulation: monitoring.Simulation | None = None,
) -> None:
    """Draw the lesson's "Check your understanding" section.

    Parameters
    ----------
    lesson_key : str
        One of ``lessons.checks.LESSONS``.
    dataset : Dataset
        The active dataset: computed questions run on it (or on a stated stand-in).
    seed : int
    simulation : monitoring.Simulation, optional
        The monitor page's simulation, so its question uses exactly what is on screen.
    """
    st.subheader("Check your understanding")
    questions = checks.load(lesson_key)
    context = (dataset.name, seed)
    resolved = [_resolve(q, dataset, seed, simulation) for q in questions]
    score = st.empty()
    not_applicable = 0
    for number, (question, found) in enumerate(zip(questions, resolved, strict=True), start=1):
        with st.container(border=True):
            if isinstance(found, str):
                not_applicable += 1
                st.markdown(f"**{number}.** n/a here")
                st.info(escape_md(found), icon=":material/info:")
                continue
            if isinstance(question, checks.ComputedQuestion):
                _forget_stale_answer(widget_key(lesson_key, question.id), context)
            _question(
                lesson_key,
                number,
                found,
                context,
                computed=isinstance(question, checks.ComputedQuestion),
            )
    score.markdown(_score_line(lesson_key, not_applicable))
    if sidebar.instructor_mode():
        st.caption("Answers are recorded as people click; the explanation waits for Reveal.")
