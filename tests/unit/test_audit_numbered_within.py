"""A column that numbers each value's own rows 1, 2, 3 ... (a household's purchases) makes
the value a thing seen again and again: the entity, even as a plain number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)
BRANDS = np.array(["skw", "sko", "cosw", "coso", "pw"])


def _purchases(seed: int, households: int = 400, shuffle: bool = False) -> pd.DataFrame:
    """Each household's purchases numbered 1, 2, ...; households buy 1 to 20 times."""
    rng = np.random.default_rng(seed)
    rows = []
    for household in range(1, households + 1):
        taste = rng.integers(0, 5)
        for purchase in range(1, int(rng.integers(1, 21)) + 1):
            prices = rng.choice([0.49, 0.59, 0.69, 0.79, 0.89], 5)
            cheapest = int(np.argmin(prices + rng.normal(0, 0.1, 5)))
            choice = taste if rng.random() < 0.6 else cheapest
            rows.append([household, purchase, *prices, BRANDS[choice]])
    frame = pd.DataFrame(
        rows, columns=["household", "purchase", *(f"price_{b}" for b in BRANDS), "choice"]
    )
    return frame.sample(frac=1, random_state=seed) if shuffle else frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shuffle", [False, True])
def test_households_with_numbered_purchases_are_the_entity(seed, shuffle):
    report = audit(_purchases(seed, shuffle=shuffle), "choice")
    assert report.group_column == "household"
    assert report.folds.startswith("grouped")


@pytest.mark.parametrize("seed", SEEDS)
def test_a_balanced_round_numbering_its_players_is_no_entity(seed):
    # Forty rounds of a game, each with players 1 to 8: the round is a period, not a thing
    # (the time order, judged first: a sorted counter), and the players are the entity.
    rng = np.random.default_rng(seed)
    rounds, players = 40, 8
    frame = pd.DataFrame(
        {
            "round": np.repeat(np.arange(1, rounds + 1), players),
            "player": np.tile(np.arange(1, players + 1), rounds),
            "skill": rng.normal(0, 1, rounds * players).round(2),
        }
    )
    frame["won"] = (frame["skill"] + rng.normal(0, 1, len(frame)) > 0.5).astype(int)
    report = audit(frame, "won")
    assert (report.time_column, report.group_column) == ("round", "player")
