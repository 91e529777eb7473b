"""The shared noise rules: intervals cover, paired comparisons call ties ties."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import uncertainty


def _accuracy(y, p):
    return float(np.mean(y == p))


def test_bootstrap_interval_covers_the_true_accuracy_most_of_the_time():
    covered = 0
    for seed in range(40):
        rng = np.random.default_rng(seed)
        y = rng.integers(0, 2, 400)
        right = rng.random(400) < 0.8  # true accuracy 0.8
        p = np.where(right, y, 1 - y)
        interval = uncertainty.bootstrap_interval(
            _accuracy, y, p, n_resamples=300, random_state=seed
        )
        covered += interval.low <= 0.8 <= interval.high
        assert interval.low <= interval.score <= interval.high
    assert covered >= 34  # nominal 95 %: 38 of 40; allow sampling slack


def test_paired_bootstrap_calls_identical_models_a_tie_and_a_real_gap_a_winner():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 2000)
    good = np.where(rng.random(2000) < 0.85, y, 1 - y)
    bad = np.where(rng.random(2000) < 0.70, y, 1 - y)
    tie = uncertainty.paired_bootstrap(
        _accuracy, y, good, good.copy(), greater_is_better=True, names=("a", "b")
    )
    assert tie.within_noise and tie.better is None and "No real difference" in tie.text()
    gap = uncertainty.paired_bootstrap(
        _accuracy, y, bad, good, greater_is_better=True, names=("bad", "good")
    )
    assert gap.better == "good" and gap.high < 0
    # For an error metric the lower side wins.
    flipped = uncertainty.paired_bootstrap(
        lambda t, p: 1 - _accuracy(t, p),
        y,
        bad,
        good,
        greater_is_better=False,
        names=("bad", "good"),
    )
    assert flipped.better == "good"


def test_group_bootstrap_is_wider_when_rows_of_an_entity_agree():
    rng = np.random.default_rng(1)
    groups = np.repeat(np.arange(50), 20)
    entity_right = rng.random(50) < 0.7
    y = rng.integers(0, 2, 1000)
    p = np.where(entity_right[groups], y, 1 - y)
    rows = uncertainty.bootstrap_interval(_accuracy, y, p)
    entities = uncertainty.bootstrap_interval(_accuracy, y, p, groups=groups)
    assert entities.half_width > 2 * rows.half_width


def test_fold_interval_is_wider_than_naive_standard_error_and_narrower_than_fold_spread():
    folds = [0.81, 0.79, 0.83, 0.80, 0.82]
    interval = uncertainty.fold_mean_interval(folds, test_fraction=0.2)
    naive = np.std(folds, ddof=1) / np.sqrt(5) * 2.776
    assert interval.half_width > naive
    assert interval.low < np.mean(folds) < interval.high


@given(
    st.lists(st.floats(0, 1), min_size=2, max_size=12),
    st.floats(-0.2, 0.2),
)
@settings(max_examples=60, deadline=None)
def test_a_constant_shift_across_runs_is_never_noise_unless_zero(scores, shift):
    shifted = [s + shift for s in scores]
    comparison = uncertainty.compare_scores(shifted, scores, greater_is_better=True)
    assert comparison.difference == pytest.approx(shift, abs=1e-9)
    if abs(shift) > 1e-9:
        assert comparison.better == "A" if shift > 0 else comparison.better == "B"


def test_paired_scores_need_equal_lengths():
    with pytest.raises(ValueError):
        uncertainty.compare_scores([0.1, 0.2], [0.1], greater_is_better=True)


@settings(max_examples=40)
@given(
    n_rows=st.integers(2, 60),
    levels=st.integers(1, 6),
    grouped=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_the_resampled_roc_auc_equals_the_metric_on_every_resample(n_rows, levels, grouped, seed):
    """The bootstrap's ROC AUC, computed for all resamples at once, is the registry's ROC AUC
    on each resample, ties, one-class resamples (NaN) and text labels included."""
    rng = np.random.default_rng(seed)
    y = np.array(["stayed", "left"])[rng.integers(0, 2, n_rows)]
    score = rng.integers(0, levels, n_rows) / levels  # few levels: many ties
    groups = rng.integers(0, max(n_rows // 3, 1), n_rows) if grouped else None
    roc_auc = uncertainty.metric_function("roc_auc", "binary")

    def one_at_a_time(y_true, prediction):  # the same metric, not recognised as ROC AUC
        return roc_auc(y_true, prediction)

    together = uncertainty.bootstrap_interval(roc_auc, y, score, groups=groups, n_resamples=60)
    alone = uncertainty.bootstrap_interval(one_at_a_time, y, score, groups=groups, n_resamples=60)
    np.testing.assert_allclose(
        [together.score, together.low, together.high],
        [alone.score, alone.low, alone.high],
        rtol=0,
        atol=1e-12,
    )
    other = rng.random(n_rows)
    paired = uncertainty.paired_bootstrap(
        roc_auc, y, score, other, greater_is_better=True, groups=groups, n_resamples=60
    )
    unpaired = uncertainty.paired_bootstrap(
        one_at_a_time, y, score, other, greater_is_better=True, groups=groups, n_resamples=60
    )
    np.testing.assert_allclose(
        [paired.low, paired.high], [unpaired.low, unpaired.high], rtol=0, atol=1e-12
    )


@given(
    difference=st.floats(0.001, 0.5),
    half_width=st.floats(0.0, 0.5),
    a_wins=st.booleans(),
    greater_is_better=st.booleans(),
)
def test_a_winner_s_margin_and_its_interval_read_the_same_way(
    difference, half_width, a_wins, greater_is_better
):
    # The interval of "a - b" is stored; the sentence names the winner, so its margin and
    # interval must both be positive, the margin inside the interval.
    signed = difference if a_wins == greater_is_better else -difference
    low = signed - min(half_width, 0.999 * difference)
    high = signed + min(half_width, 0.999 * difference)
    comparison = uncertainty.Comparison(
        "a", "b", 0.5, 0.5 - signed, signed, low, high, greater_is_better
    )
    text = comparison.text()
    assert text.startswith(f"{'a' if a_wins else 'b'} is better than")
    margin, rest = text.split(" by ")[1].split(" (", 1)
    bounds = rest.split("margin ")[1].rstrip(").").split(" to ")
    low_shown, high_shown = (float(b) for b in bounds)
    assert float(margin) > 0 and low_shown >= 0
    assert low_shown <= float(margin) <= high_shown


def test_the_winner_is_read_from_the_interval_not_the_point_estimate():
    # A skewed bootstrap: the estimate says a, the whole interval says b.
    skewed = uncertainty.Comparison("a", "b", 0.80, 0.798, 0.002, -0.010, -0.001, True)
    assert skewed.better == "b"
    assert skewed.text().startswith("b is better than a")


def test_no_real_difference_names_the_direction_of_its_interval():
    tied = uncertainty.Comparison("a", "b", 0.80, 0.79, 0.01, -0.02, 0.04, True)
    assert "CI of a − b -0.020 to +0.040" in tied.text()
