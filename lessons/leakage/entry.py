"""One entry point for the leakage page and the benchmark: run a scenario by its key."""

from __future__ import annotations

from collections.abc import Callable

from lessons import datasets
from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.leakage.evaluation_leaks import duplicates, entity_overlap, tune_on_test_set
from lessons.leakage.feature_leaks import (
    centred_window,
    feature_selection,
    post_outcome,
    preprocessing_scaler,
    random_vs_time,
    target_encoding,
)
from lessons.leakage.scenarios import SCENARIO_KEYS, SCENARIOS, LeakScores

# One entry point for the page and the benchmark --------------------------------------------

DEFAULT_SETTINGS: dict[str, dict[str, object]] = {
    "feature_selection": {"n_noise": 10_000, "k": 25},
    "target_encoding": {"n_levels": 3000},
    "centred_window": {"window": 7},
    "test_tuning": {"n_configs": 50},
    "duplicates": {"duplicate_share": 0.3},
}


def applies_to(scenario: str, dataset: Dataset) -> bool:
    """Whether a scenario can run on this dataset (not only on its own demo data)."""
    needs = SCENARIOS[scenario].needs
    return (
        (needs == "time" and dataset.time_column is not None)
        or (needs == "group" and dataset.group_column is not None)
        or (needs == "post_outcome" and bool(dataset.post_outcome_columns))
    )


def run(
    scenario: str,
    settings: dict[str, object] | None = None,
    *,
    dataset: Dataset | None = None,
    random_state: int = 0,
) -> LeakScores:
    """Run one scenario by its URL name.

    Parameters
    ----------
    scenario : str
        A key of ``SCENARIOS``.
    settings : dict, optional
        The scenario's settings (see ``DEFAULT_SETTINGS``); missing ones take the default.
    dataset : Dataset, optional
        For the scenarios that apply to any dataset with a time, entity or post-outcome
        column; their demo dataset otherwise.
    random_state : int
    """
    if scenario not in SCENARIOS:
        raise DataError(
            f"There is no leakage scenario called {scenario!r}; pick one of: "
            f"{', '.join(SCENARIO_KEYS)}."
        )
    spec = SCENARIOS[scenario]
    options = {**DEFAULT_SETTINGS.get(scenario, {}), **(settings or {})}
    if spec.needs:
        data = dataset if dataset is not None else datasets.load(spec.demo_dataset, random_state)
        compute: Callable[..., LeakScores] = _BY_DATASET[scenario]
        return compute(data, random_state=random_state)
    return _BY_SETTINGS[scenario](**options, random_state=random_state)


_BY_DATASET: dict[str, Callable[..., LeakScores]] = {
    "random_vs_time": random_vs_time,
    "post_outcome": post_outcome,
    "entity_overlap": entity_overlap,
}
_BY_SETTINGS: dict[str, Callable[..., LeakScores]] = {
    "preprocessing_scaler": preprocessing_scaler,
    "feature_selection": feature_selection,
    "target_encoding": target_encoding,
    "centred_window": centred_window,
    "test_tuning": tune_on_test_set,
    "duplicates": duplicates,
}
