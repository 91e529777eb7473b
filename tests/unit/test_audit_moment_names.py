"""A moment named by what happened then (batch 79's lab sessions): 'session_start' holds
seconds since 1970, but epoch numbers counted as time only under a name that says time,
date, stamp or 'at', so the experiment had no clock. A column named for an event ("start",
"closed", "logged_in", camel-case "sessionStart") holding whole seconds or milliseconds of
this century is now read as the moment. Counter-cases: a start weight in grams is a
measurement, and ten-digit codes under a name that only contains such a word ('backend_id')
stay codes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _sessions(seed: int, name: str, *, millis: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 150
    start = np.sort(1_204_416_000 + rng.integers(0, 45 * 86_400, n))
    condition = rng.integers(0, 2, n)
    frame = pd.DataFrame(
        {
            "condition": condition,
            "age": rng.integers(18, 60, n),
            name: start * 1000 if millis else start,
            "reaction": np.round(np.clip(4 + 0.6 * condition + rng.normal(0, 1.3, n), 1, 7), 2),
        }
    )
    return frame


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(("name", "millis"), [("session_start", False), ("sessionStart", True)])
def test_epoch_numbers_named_for_an_event_are_the_clock(seed, name, millis):
    assert audit(_sessions(seed, name, millis=millis), "reaction").time_column == name


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize(
    ("name", "low", "high"),
    [
        # a start weight in grams is a measurement
        ("start_weight_g", 2_000, 5_000),
        # ten-digit codes under a name that only contains an event word stay codes
        ("backend_id", 1_000_000_000, 3_000_000_000),
    ],
)
def test_numbers_that_are_no_moment_are_no_clock(seed, name, low, high):
    rng = np.random.default_rng(seed)
    frame = _sessions(seed, "session_start").drop(columns="session_start")
    frame[name] = rng.integers(low, high, len(frame))
    assert audit(frame, "reaction").time_column is None
