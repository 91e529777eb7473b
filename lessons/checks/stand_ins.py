"""Stand-ins: the closest built-in dataset when a computed question cannot use the active one,
and how the computed answers show their numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from lessons import datasets
from lessons.checks.records import Computed, NotApplicable
from lessons.datasets import Dataset
from lessons.errors import DataError

# --------------------------------------------------------------------------------------------
# Stand-ins: the closest built-in dataset when a computed question cannot use the active one
# --------------------------------------------------------------------------------------------

# Small built-ins first, so a stand-in answers quickly.
_STAND_INS = {
    ("binary", False): "breast_cancer",
    ("multiclass", False): "wine",
    ("regression", False): "diabetes",
    ("binary", True): "churn",
    ("multiclass", True): "churn",
    ("regression", True): "stocks",
}


def stand_in(dataset: Dataset, *, needs_time: bool = False) -> str:
    """The built-in dataset closest to ``dataset``: same kind of target, a time column if needed."""
    task = dataset.task if dataset.task in ("binary", "multiclass") else "regression"
    return _STAND_INS[(task, needs_time)]


def _with_stand_in(
    compute: Callable[[Dataset, int], Computed], *, needs_time: bool = False
) -> Callable[[Dataset, int], Computed]:
    """Run ``compute`` on the dataset, or on its closest built-in when it cannot apply."""

    def run(dataset: Dataset, seed: int) -> Computed:
        reason = "it has no time column" if needs_time and not dataset.time_column else None
        if reason is None:
            try:
                return compute(dataset, seed)
            except DataError as error:
                reason = str(error).rstrip(".")
        name = stand_in(dataset, needs_time=needs_time)
        if name == dataset.name:
            raise NotApplicable(f"This question does not apply here: {reason}.")
        found = compute(datasets.load(name, seed), seed)
        note = (
            f"This question cannot use the active data ({reason}), so it runs on the "
            f"built-in `{name}` data with the same seed."
        )
        return replace(found, note=note)

    run.__doc__ = compute.__doc__
    return run


def _score(value: float) -> str:
    return f"{value:.3f}" if math.isfinite(value) else "undefined"


def _signed(value: float) -> str:
    """A difference with its sign; one that rounds to zero shows as +0.000, not -0.000."""
    return f"{round(value, 3) + 0.0:+.3f}" if math.isfinite(value) else "undefined"
