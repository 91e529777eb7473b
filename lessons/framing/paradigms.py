"""Question 2 of the framing lesson: the paradigm game (scenario cards and their grading)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# --------------------------------------------------------------------------------------
# Question 2: the paradigm game
# --------------------------------------------------------------------------------------

PARADIGMS: tuple[str, ...] = ("supervised", "unsupervised", "reinforcement", "self-supervised")


@dataclass(frozen=True)
class ScenarioCard:
    """A short scenario to sort into a learning paradigm.

    Attributes
    ----------
    key : str
        Stable identifier (used in widget keys).
    scenario : str
        What the system is asked to do.
    paradigm : str
        The right answer, one of ``PARADIGMS``.
    signal : str
        Why: the signal the model learns from.
    """

    key: str
    scenario: str
    paradigm: str
    signal: str


CARDS: tuple[ScenarioCard, ...] = (
    ScenarioCard(
        "churn",
        "Predict which subscribers will cancel next quarter, from last year's customers "
        "whose outcome you know.",
        "supervised",
        "Every past customer comes with a known answer (cancelled or stayed): a labelled target.",
    ),
    ScenarioCard(
        "segments",
        "Group shoppers into a handful of segments for marketing, with no segments defined "
        "in advance.",
        "unsupervised",
        "There is no right answer per row; the model only sees the structure of the features.",
    ),
    ScenarioCard(
        "game_agent",
        "Teach an agent to play a video game by letting it play millions of rounds and "
        "counting points.",
        "reinforcement",
        "The signal is a reward that arrives after actions in an environment, not a label per row.",
    ),
    ScenarioCard(
        "next_token",
        "Pretrain a language model to predict the next word on billions of web pages.",
        "self-supervised",
        "The labels are cut from the data itself: the next word is already in the text.",
    ),
    ScenarioCard(
        "anomaly",
        "Flag unusual readings from factory sensors when nobody has labelled any failures.",
        "unsupervised",
        "No failure labels: the model learns what normal looks like and flags what is far from it.",
    ),
    ScenarioCard(
        "fraud",
        "Score card payments for fraud, trained on transactions that investigators marked "
        "as fraud or genuine.",
        "supervised",
        "Investigators' verdicts are labels: each past payment has a known answer.",
    ),
    ScenarioCard(
        "image_labels",
        "Recognise the product in a photo, trained on 50,000 photos tagged by people.",
        "supervised",
        "People tagged each photo, so every input comes with its correct output.",
    ),
    ScenarioCard(
        "recommendation_policy",
        "Choose which article to show next so that readers stay longer, learning from how "
        "they react to what was shown.",
        "reinforcement",
        "Each choice is an action and the reader's reaction is the reward; the model learns a "
        "policy by trying.",
    ),
    ScenarioCard(
        "demand",
        "Forecast tomorrow's sales per store from three years of daily sales.",
        "supervised",
        "Past days give input/answer pairs: yesterday's features and the sales that followed.",
    ),
    ScenarioCard(
        "masked_images",
        "Pretrain an image model by hiding patches of photos and asking it to fill them in.",
        "self-supervised",
        "The hidden patch is the label, and it comes from the photo itself; nobody annotated it.",
    ),
    ScenarioCard(
        "topics",
        "Discover the main topics in 100,000 support tickets that nobody has categorised.",
        "unsupervised",
        "No categories exist yet; the model finds groups of words that occur together.",
    ),
    ScenarioCard(
        "robot_arm",
        "Train a warehouse robot arm to pick up boxes, rewarding each successful grasp.",
        "reinforcement",
        "Success or failure after a sequence of moves is the reward; no one labels each move.",
    ),
)


def grade_card(card: ScenarioCard, answer: str | None) -> bool | None:
    """Whether ``answer`` is right for ``card``; None when not answered yet."""
    if answer is None:
        return None
    return answer == card.paradigm


def paradigm_score(answers: Mapping[str, str | None]) -> tuple[int, int]:
    """Correct and answered counts over the cards, from a ``{card key: answer}`` mapping."""
    graded = [grade_card(card, answers.get(card.key)) for card in CARDS]
    answered = [g for g in graded if g is not None]
    return sum(answered), len(answered)
