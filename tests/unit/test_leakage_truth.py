"""Truth tests of the leakage lab, across seeds 0-9: the page's numbers keep their promises.

With the leak off and no drift planted, the honest score and the fixed pipeline's production
score must agree within the noise the page shows (``LeakScores.band``: the two bootstrap
half-widths added in quadrature, a 95 % band). A 95 % band is missed once in twenty by
design, and this file checks 90 pairs, so the rule is written as: every seed within
``TRUTH_FACTOR`` times the band (about three standard errors), and at least
``MIN_WITHIN_BAND`` of the ten seeds within the band itself. With the leak on, where the page
says the leak matters, the reported score sits above production by more than the band.

The data is subsampled (fewer customers, sales and stores; fewer noise columns) so the
file runs in about a minute on one thread; the code path is the lab's own. Each scenario is
computed once per test process, by the first test that reads it.
"""

from dataclasses import replace

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from lessons import datasets, leakage
from lessons.leakage import evaluation_leaks

SEEDS = range(10)
TRUTH_FACTOR = 1.5
"""1.5 x the 95 % band is about 2.9 standard errors: missed about once in 270 by chance."""
MIN_WITHIN_BAND = 8
"""Of ten seeds, a 95 % band should hold in about 9.5; fewer than 8 means it is too narrow."""
SETTINGS = {"feature_selection": {"n_noise": 2000}}

_real_load = datasets.load


def _small(name: str, seed: int = 0) -> datasets.Dataset:
    """The built-in data, smaller: 40 % of churn's customers."""
    dataset = _real_load(name, seed)
    if name != "churn":
        return dataset
    frame = dataset.frame
    kept = frame["customer_id"].str[1:].astype(int) % 5 < 2
    return replace(dataset, frame=frame[kept].reset_index(drop=True))


def _scenario(key: str, seed: int) -> leakage.LeakScores:
    """One scenario at one seed, on the smaller data, on one thread."""
    with pytest.MonkeyPatch.context() as patch, threadpool_limits(limits=1):
        patch.setattr(datasets, "load", _small)
        evaluation_leaks._tuning_scores.cache_clear()
        try:
            return leakage.run(
                key,
                SETTINGS.get(key),
                dataset=_small(leakage.SCENARIOS[key].demo_dataset, seed)
                if leakage.SCENARIOS[key].needs
                else None,
                random_state=seed,
            )
        finally:
            evaluation_leaks._tuning_scores.cache_clear()


class _Board(dict):
    """Every scenario at every seed, each computed the first time a test reads it.

    The results live for the whole test process (not the module fixture, which pytest may tear
    down and set up again between other modules' tests), and the tests of one scenario share
    an ``xdist_group`` (``_on``), so each scenario is computed once, on one worker, while the
    other worker computes other scenarios.
    """

    def __missing__(self, key_seed: tuple[str, int]) -> leakage.LeakScores:
        self[key_seed] = _scenario(*key_seed)
        return self[key_seed]


_BOARD = _Board()


@pytest.fixture
def board() -> _Board:
    return _BOARD


_SAME_GROUP = {"entity_overlap": "random_vs_time"}
"""One test compares these two scenarios seed by seed, so they are computed on one worker."""


def _on(key: str) -> pytest.MarkDecorator:
    """The worker group of the tests that read scenario ``key``."""
    return pytest.mark.xdist_group(f"leakage_truth-{_SAME_GROUP.get(key, key)}")


def _each(keys: list[str]) -> list:
    return [pytest.param(key, marks=_on(key), id=key) for key in keys]


NO_DRIFT = [k for k in leakage.SCENARIO_KEYS if leakage.SCENARIOS[k].demo_dataset != "churn"]
"""The demo data of these scenarios plants no change between validation and production."""
DRIFT = [k for k in leakage.SCENARIO_KEYS if k not in NO_DRIFT]


def _gaps(board, key) -> tuple[np.ndarray, np.ndarray]:
    results = [board[key, seed] for seed in SEEDS]
    gaps = np.array([r.honest - r.honest_production for r in results])
    bands = np.array([r.band for r in results])
    assert np.isfinite(bands).all() and (bands > 0).all()
    return gaps, bands


@pytest.mark.parametrize("key", _each(NO_DRIFT))
def test_with_the_leak_off_and_no_drift_honest_and_production_agree_within_the_noise(board, key):
    assert all(board[key, seed].drift is None for seed in SEEDS)
    gaps, bands = _gaps(board, key)
    table = np.column_stack([gaps, bands]).round(3)
    assert (np.abs(gaps) <= TRUTH_FACTOR * bands).all(), table
    assert (np.abs(gaps) <= bands).sum() >= MIN_WITHIN_BAND, table


@pytest.mark.parametrize("key", _each(DRIFT))
def test_with_planted_drift_the_page_says_why_and_production_is_never_better(board, key):
    assert all(board[key, seed].drift for seed in SEEDS), "the page must say why they differ"
    gaps, bands = _gaps(board, key)
    # Drift only makes the later period harder: production is never better beyond noise.
    assert (gaps >= -bands).all(), np.column_stack([gaps, bands]).round(3)


@pytest.mark.parametrize(
    "key", _each([k for k in leakage.SCENARIO_KEYS if leakage.SCENARIOS[k].matters])
)
def test_where_the_page_says_the_leak_matters_the_report_beats_production_by_more_than_noise(
    board, key
):
    for seed in SEEDS:
        result = board[key, seed]
        assert result.leaky - result.production > result.band, (seed, result)
        assert not result.inflation_within_noise, (seed, result)


@_on("preprocessing_scaler")
def test_the_scaler_leak_stays_inside_its_noise(board):
    within = [board["preprocessing_scaler", seed].inflation_within_noise for seed in SEEDS]
    assert sum(within) >= MIN_WITHIN_BAND, within
    assert all(abs(board["preprocessing_scaler", s].inflation) < 0.005 for s in SEEDS)


@_on("test_tuning")
def test_picking_on_the_test_set_is_optimistic_beyond_noise_at_the_default_n(board):
    for seed in SEEDS:
        result = board["test_tuning", seed]
        assert not result.inflation_within_noise and result.inflation > 0, (seed, result)
        assert result.production < result.leaky, (seed, result)


@_on("duplicates")
def test_duplicates_flatter_the_memorising_forest_beyond_noise_in_most_seeds(board):
    beyond = [
        board["duplicates", s].inflation > 0 and not board["duplicates", s].inflation_within_noise
        for s in SEEDS
    ]
    assert sum(beyond) >= MIN_WITHIN_BAND, beyond


@_on("entity_overlap")
def test_meeting_a_customer_before_adds_less_than_a_shuffled_split(board):
    for seed in SEEDS:
        entity, shuffled = board["entity_overlap", seed], board["random_vs_time", seed]
        assert entity.inflation < shuffled.inflation, seed


@_on("random_vs_time")
def test_a_shuffle_of_past_rows_never_beats_the_time_pipeline_refitted_on_the_same_months(board):
    # The page says the shuffled split lies about the exam, not the model: neither model saw
    # the future rows, so the paired comparison must never crown the shuffled model.
    for seed in SEEDS:
        same_months = board["random_vs_time", seed].notes[-2]
        assert same_months.startswith("Look-ahead? Not here"), same_months
        assert "the shuffled model is better" not in same_months, (seed, same_months)


@_on("post_outcome")
def test_in_production_the_post_outcome_model_is_never_better_than_the_honest_one(board):
    for seed in SEEDS:
        (in_production,) = board["post_outcome", seed].notes
        assert "the model trained with the field is better" not in in_production, seed
