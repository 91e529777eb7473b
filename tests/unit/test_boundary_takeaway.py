"""The boundary's takeaway says the two features tell little only when the model's
probabilities stay near the class's share over the whole plane; a model that ranks the plane
widely without reaching 0.5 is told apart from one that barely leans."""

from __future__ import annotations

import numpy as np

from components.train_views import _boundary_takeaway
from lessons.training import Surface


def _surface(low: float, high: float) -> Surface:
    grid = np.linspace(0, 1, 5)
    probability = np.linspace(low, high, 25).reshape(5, 5)
    truth = np.array([0] * 84 + [1] * 16)  # a share of 0.16 among the validation rows
    return Surface(
        "a",
        "b",
        grid,
        grid,
        (probability > 0.5).astype(int),
        (0, 1),
        np.zeros(100),
        np.zeros(100),
        truth,
        0.84,
        probability,
    )


def test_probabilities_near_the_share_say_the_features_tell_little():
    text = _boundary_takeaway(_surface(0.11, 0.21), "a", "b", "Logistic regression", "churned")
    assert "always answering 0 gets 84.0%" in text
    assert "from 0.11 to 0.21" in text and "a share of 0.16" in text
    assert "tell little" in text


def test_a_wide_lean_under_one_half_is_not_called_uninformative():
    text = _boundary_takeaway(_surface(0.01, 0.45), "a", "b", "Logistic regression", "churned")
    assert "never reaches 0.5" in text and "tell little" not in text


def test_a_model_that_crosses_one_half_says_where():
    text = _boundary_takeaway(_surface(0.05, 0.95), "a", "b", "Logistic regression", "churned")
    assert "it predicts 1 on" in text and "never" not in text
