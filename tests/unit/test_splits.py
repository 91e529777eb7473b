"""lessons.splits: every strategy's promises, checked on positions, for random sizes and seeds."""

import dataclasses
from functools import cache

import numpy as np
import pandas as pd
import pytest
import sklearn.metrics
from hypothesis import given, settings
from hypothesis import strategies as st

from lessons import datasets, splits, uncertainty
from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.errors import DataError


def _toy(
    n_rows: int = 400,
    positive_share: float = 0.1,
    seed: int = 0,
    label_horizon: pd.Timedelta | None = None,
) -> Dataset:
    """Rows over 40 days, 25 customers, a binary target with the given positive share."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "day": pd.Timestamp("2024-01-01")
            + pd.to_timedelta(rng.integers(0, 40, n_rows), unit="D"),
            "customer": [f"c{i}" for i in rng.integers(0, 25, n_rows)],
            "x": rng.normal(size=n_rows),
            "label": (rng.random(n_rows) < positive_share).astype(int),
        }
    )
    frame.loc[: max(2, int(n_rows * positive_share)), "label"] = 1
    return Dataset(
        name="toy",
        title="Toy",
        frame=frame,
        target="label",
        task="binary",
        problem="classification",
        time_column="day",
        group_column="customer",
        description="",
        teaches="",
        label_horizon=label_horizon,
    )


@cache
def _builtin(name: str) -> Dataset:
    return datasets.load(name, 0)


def _assert_partition(n_rows: int, *parts: np.ndarray) -> None:
    joined = np.concatenate(parts)
    assert len(joined) == len(np.unique(joined)), "buckets overlap"
    assert set(joined) == set(range(n_rows)), "some row is in no bucket"


sizes_strategy = st.tuples(
    st.integers(min_value=20, max_value=70), st.integers(min_value=10, max_value=25)
).map(lambda p: (p[0] / 100, p[1] / 100, 1 - p[0] / 100 - p[1] / 100))


@settings(max_examples=25)
@given(
    sizes=sizes_strategy,
    seed=st.integers(0, 10_000),
    strategy=st.sampled_from(["random", "stratified"]),
)
def test_shuffled_splits_are_disjoint_cover_and_honour_sizes(sizes, seed, strategy):
    data = _toy()
    b = splits.make_buckets(data, SplitChoice(strategy, (("sizes", sizes),)), random_state=seed)
    _assert_partition(data.n_rows, b.train, b.validation, b.test)
    for bucket, size in zip((b.train, b.validation, b.test), sizes, strict=True):
        assert abs(len(bucket) - size * data.n_rows) <= 2


@settings(max_examples=25)
@given(sizes=sizes_strategy, seed=st.integers(0, 10_000))
def test_stratified_buckets_keep_the_class_ratio_within_one_row(sizes, seed):
    data = _toy(positive_share=0.07, seed=seed % 7)
    b = splits.make_buckets(data, SplitChoice("stratified", (("sizes", sizes),)), random_state=seed)
    share = data.y.mean()
    for bucket in (b.train, b.validation, b.test):
        positives = data.y.iloc[bucket].sum()
        assert abs(positives - share * len(bucket)) <= 1.5


@settings(max_examples=25)
@given(start=st.integers(1, 37), length=st.integers(1, 20))
def test_time_split_cuts_at_dates_so_every_later_bucket_is_later(start, length):
    data = _toy()
    first = pd.Timestamp("2024-01-01")
    validation_start = first + pd.Timedelta(days=start)
    test_start = validation_start + pd.Timedelta(days=min(length, 39 - start))
    choice = SplitChoice(
        "time",
        (
            ("test_start", test_start.date().isoformat()),
            ("validation_start", validation_start.date().isoformat()),
        ),
    )
    b = splits.make_buckets(data, choice)
    _assert_partition(data.n_rows, b.train, b.validation, b.test)
    days = data.frame["day"]
    assert days.iloc[b.train].max() < days.iloc[b.validation].min()
    assert days.iloc[b.validation].max() < days.iloc[b.test].min()
    assert days.iloc[b.validation].min() >= validation_start
    assert splits.check_guarantees(data, b.train, b.validation, b.test)[1].holds is True


def test_default_time_split_never_puts_one_month_in_two_buckets():
    churn = _builtin("churn")
    b = splits.make_buckets(churn, None)
    months = churn.frame["month"]
    assert b.strategy == "time"
    assert months.iloc[b.train].max() < months.iloc[b.validation].min()
    assert months.iloc[b.validation].max() < months.iloc[b.test].min()
    assert 0.5 < len(b.train) / churn.n_rows < 0.7


@settings(max_examples=20)
@given(seed=st.integers(0, 10_000), hours=st.integers(1, 23))
def test_default_time_cuts_fall_at_midnight_when_stamps_fall_within_days(seed, hours):
    toy = _toy(seed=seed)
    stamped = toy.frame.assign(
        day=toy.frame["day"] + pd.to_timedelta(np.arange(len(toy.frame)) % hours, unit="h")
    )
    dataset = dataclasses.replace(toy, frame=stamped)
    cuts = splits.default_time_cuts(dataset)
    assert all(pd.Timestamp(cut) == pd.Timestamp(cut).normalize() for cut in cuts)
    buckets = splits.make_buckets(dataset, SplitChoice("time"))
    days = [set(stamped["day"].dt.date.iloc[b]) for b in (buckets.train, buckets.validation)]
    assert not days[0] & days[1], "one day straddles train and validation"


def _untouched_lesson_two(dataset: Dataset) -> SplitChoice:
    """What lesson 2's controls write when the learner leaves them alone."""
    strategy, _ = splits.default_strategy(dataset)
    if strategy != "time":
        return SplitChoice(strategy, (("sizes", splits.DEFAULT_SIZES),))
    cuts = splits.default_time_cuts(dataset)
    if pd.api.types.is_datetime64_any_dtype(splits.time_values(dataset)):
        cuts = tuple(pd.Timestamp(cut).date().isoformat() for cut in cuts)
    return SplitChoice(
        "time", tuple(sorted(zip(("validation_start", "test_start"), cuts, strict=True)))
    )


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_an_untouched_lesson_two_choice_is_kept_as_the_default(name):
    dataset = _builtin(name)
    assert splits.canonical_choice(dataset, _untouched_lesson_two(dataset)) == SplitChoice()


def test_a_choice_that_moves_a_row_is_kept_as_chosen():
    dataset = _toy()
    moved = SplitChoice("time", (("validation_start", "2024-01-20"), ("test_start", "2024-02-01")))
    assert splits.canonical_choice(dataset, moved) == moved
    other = SplitChoice("random", (("sizes", splits.DEFAULT_SIZES),))
    assert splits.canonical_choice(dataset, other) == other
    folds = SplitChoice("kfold", (("k", 5),))
    assert splits.canonical_choice(dataset, folds) == folds


@settings(max_examples=20)
@given(sizes=sizes_strategy, seed=st.integers(0, 10_000))
def test_group_split_keeps_every_entity_in_one_bucket(sizes, seed):
    data = _toy()
    b = splits.make_buckets(data, SplitChoice("group", (("sizes", sizes),)), random_state=seed)
    _assert_partition(data.n_rows, b.train, b.validation, b.test)
    customers = [set(data.frame["customer"].iloc[p]) for p in (b.train, b.validation, b.test)]
    assert not (
        customers[0] & customers[1] or customers[0] & customers[2] or customers[1] & customers[2]
    )
    assert splits.check_guarantees(data, b.train, b.validation, b.test)[2].holds is True


@settings(max_examples=20)
@given(
    k=st.integers(2, 10),
    seed=st.integers(0, 10_000),
    strategy=st.sampled_from(["kfold", "stratified_kfold", "group_kfold"]),
)
def test_kfold_variants_validate_every_non_test_row_exactly_once(k, seed, strategy):
    data = _toy()
    folds = splits.make_folds(data, SplitChoice(strategy, (("k", k),)), random_state=seed)
    assert len(folds) == k
    test = folds[0].test
    _assert_partition(data.n_rows, test, *(f.validation for f in folds))
    for fold in folds:
        assert np.array_equal(fold.test, test)
        _assert_partition(data.n_rows, fold.train, fold.validation, fold.test)
    if strategy == "group_kfold":
        assert splits.fold_guarantees(data, folds)[2].holds is True
    if strategy == "stratified_kfold":
        share = data.y.iloc[np.concatenate([f.validation for f in folds])].mean()
        for fold in folds:
            assert abs(data.y.iloc[fold.validation].sum() - share * len(fold.validation)) <= 1.5


@settings(max_examples=20)
@given(k=st.integers(2, 6), gap=st.integers(0, 3))
def test_time_series_folds_expand_and_leave_the_gap(k, gap):
    data = _toy()
    folds = splits.make_folds(data, SplitChoice("time_series", (("gap", gap), ("k", k))))
    days = data.frame["day"]
    distinct = np.sort(days.unique())
    previous_train = 0
    for fold in folds:
        last_train = days.iloc[fold.train].max()
        first_validation = days.iloc[fold.validation].min()
        assert last_train < first_validation
        skipped = np.sum((distinct > last_train) & (distinct < first_validation))
        assert skipped == gap
        assert days.iloc[fold.validation].max() < days.iloc[fold.test].min()
        assert len(fold.train) > previous_train
        previous_train = len(fold.train)
    assert splits.fold_guarantees(data, folds)[1].holds is True


def test_a_random_split_on_time_data_is_flagged_and_names_the_damage():
    churn = _builtin("churn")
    b = splits.make_buckets(churn, SplitChoice("random"), random_state=3)
    disjoint, time_order, groups = splits.check_guarantees(churn, b.train, b.validation, b.test)
    assert disjoint.holds is True
    assert time_order.holds is False
    assert "before the last training date" in time_order.detail
    assert groups.holds is False and "customer_id" in groups.detail


def test_guarantees_do_not_apply_without_time_or_entity():
    wine = _builtin("wine")
    b = splits.make_buckets(wine, None)
    _, time_order, groups = splits.check_guarantees(wine, b.train, b.validation, b.test)
    assert time_order.holds is None and groups.holds is None


def test_make_buckets_resolves_a_fold_strategy_to_one_fold():
    data = _toy()
    choice = SplitChoice("kfold", (("fold", 2), ("k", 4)))
    folds = splits.make_folds(data, choice)
    b = splits.make_buckets(data, choice)
    assert np.array_equal(b.validation, folds[2].validation)
    assert "fold 3 of 4" in b.reason
    series = splits.make_buckets(data, SplitChoice("time_series", (("k", 3),)))
    assert np.array_equal(
        series.validation,
        splits.make_folds(data, SplitChoice("time_series", (("k", 3),)))[-1].validation,
    )


@pytest.mark.parametrize(
    ("name", "strategy", "words"),
    [
        ("house_prices", "time", "no time column"),
        ("house_prices", "group", "no column repeats an entity"),
        ("diabetes", "stratified_kfold", "target is a number"),
        ("wine", "time_series", "no time column"),
    ],
)
def test_strategies_that_cannot_apply_say_why(name, strategy, words):
    data = _builtin(name)
    assert words in splits.why_not(data, strategy)
    with pytest.raises(DataError, match=words):
        splits.make_buckets(data, SplitChoice(strategy))


def test_impossible_parameters_raise_a_data_error():
    data = _toy()
    with pytest.raises(DataError, match="add up to 1"):
        splits.make_buckets(data, SplitChoice("random", (("sizes", (0.5, 0.2, 0.2)),)))
    with pytest.raises(DataError, match="No row falls"):
        splits.make_buckets(
            data,
            SplitChoice("time", (("test_start", "2030-01-01"), ("validation_start", "2029-01-01"))),
        )
    with pytest.raises(DataError, match="k must be"):
        splits.make_folds(data, SplitChoice("kfold", (("k", 11),)))
    with pytest.raises(DataError, match="single split"):
        splits.make_folds(data, SplitChoice("random"))


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_the_honest_default_keeps_its_guarantees_on_every_builtin(name):
    data = _builtin(name)
    b = splits.make_buckets(data, None, random_state=5)
    disjoint, time_order, groups = splits.check_guarantees(data, b.train, b.validation, b.test)
    assert disjoint.holds
    assert time_order.holds in (True, None)
    if b.strategy == "group":
        assert groups.holds


def test_entity_candidates_skip_measurements():
    assert splits.entity_candidates(_builtin("house_prices")) == []
    assert splits.entity_candidates(_builtin("churn"))[0] == "customer_id"


def test_the_code_shows_the_parameters_on_screen():
    data = _builtin("fraud")
    assert "stratify=y" in splits.split_code(data, SplitChoice("stratified"))
    code = splits.split_code(data, SplitChoice("time_series", (("gap", 2), ("k", 4))))
    assert "TimeSeriesSplit(n_splits=4, gap=2)" in code
    assert "GroupKFold(n_splits=3" in splits.split_code(
        data, SplitChoice("group_kfold", (("k", 3),))
    )
    assert '"2024-04-01"' in splits.split_code(
        data,
        SplitChoice("time", (("test_start", "2024-05-01"), ("validation_start", "2024-04-01"))),
    )


def test_stratifying_keeps_fraud_positives_while_random_splits_gamble():
    result = splits.rare_class_positives(
        _builtin("fraud"), n_rows=2_000, n_repeats=200, random_state=0
    )
    assert result.label == "1"
    assert result.stratified_counts.max() - result.stratified_counts.min() <= 1
    assert result.random_counts.std() > 1
    assert result.share_random_almost_none > result.share_stratified_almost_none


def _assert_the_parts_add_up(gap: splits.ShuffleGap) -> None:
    assert gap.gap > 0.03, "the shuffled split flatters the model"
    # Easier past + look-ahead + which future rows each bucket held = the whole gap.
    assert gap.easier_past + gap.look_ahead + gap.remainder == pytest.approx(gap.gap)
    assert gap.parts.look_ahead.score_a == pytest.approx(gap.parts.future.score)


@pytest.mark.parametrize("seed", range(10))
def test_on_churn_the_shuffle_gap_is_mostly_an_easier_past_not_look_ahead(seed):
    """What the page and the plan say about churn, at every seed: the shuffled model's past
    test rows are clearly easier, and on the same future rows it gains little or nothing."""
    gap = splits.shuffle_versus_time(
        datasets.load("churn", seed), n_resamples=100, random_state=seed
    )
    _assert_the_parts_add_up(gap)
    assert gap.main_cause == "easier_past"
    assert gap.parts.past.low > gap.parts.future.high
    assert gap.easier_past > 3 * abs(gap.look_ahead)


def test_store_demand_gap_has_real_look_ahead_and_stocks_is_too_small_to_take_apart():
    store = splits.shuffle_versus_time(_builtin("store_demand"), n_resamples=200, random_state=0)
    _assert_the_parts_add_up(store)
    assert store.parts.look_ahead.better == splits.ShuffleGap.SHUFFLED
    assert store.main_cause == "look_ahead"
    stocks = splits.shuffle_versus_time(_builtin("stocks"), random_state=0)
    assert stocks.parts is None and stocks.n_shared < splits.comparison.MIN_SHARED_ROWS
    assert stocks.main_cause is None


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n_rows=st.integers(20, 300),
    tied=st.booleans(),
    text_labels=st.booleans(),
)
def test_the_fast_bootstrap_roc_auc_is_scikit_learns(seed, n_rows, tied, text_labels):
    rng = np.random.default_rng(seed)
    y = rng.random(n_rows) < 0.3
    y[:2] = [True, False]
    score = rng.random(n_rows)
    if tied:
        score = np.round(score, 1)
    labels = np.where(y, "yes", "no") if text_labels else y.astype(int)
    expected = sklearn.metrics.roc_auc_score(labels, score)
    assert uncertainty.metric_function("roc_auc", "binary")(labels, score) == pytest.approx(
        expected, abs=1e-12
    )
    with pytest.raises(ValueError):
        uncertainty.metric_function("roc_auc", "binary")(labels[y], score[y])


def test_the_cv_mean_has_a_corrected_interval_and_the_fold_spread_is_separate():
    spread = splits.validation_spread(_builtin("diabetes"), n_rows=200, n_repeats=3, k=5)
    interval = uncertainty.fold_mean_interval(spread.fold_scores, test_fraction=1 / 5)
    assert spread.fold_mean == interval
    assert spread.fold_spread == pytest.approx(np.std(spread.fold_scores, ddof=1))
    # Corrected for shared training rows: wider than the textbook std / sqrt(k) band.
    assert interval.half_width > spread.fold_spread / np.sqrt(5)


# --------------------------------------------------------------------------- the purge gap

HORIZONS = {"churn": "3 months", "fraud": None, "store_demand": None, "stocks": "1 week"}


def test_every_builtin_with_a_time_column_declares_what_its_label_waits_for():
    timed = {n for n in datasets.BUILTIN_NAMES if _builtin(n).time_column}
    assert timed == set(HORIZONS)
    assert {n: splits.describe_horizon(_builtin(n)) for n in timed} == HORIZONS
    assert all(_builtin(n).label_horizon is None for n in datasets.BUILTIN_NAMES if n not in timed)


def _label_windows_stay_before(dataset: Dataset, early: np.ndarray, late: np.ndarray) -> bool:
    """Every early row's label window (time + horizon) ends by the first late row's time."""
    times = pd.to_datetime(dataset.frame[dataset.time_column])
    lands = times.iloc[early] + dataset.label_horizon
    return bool((lands <= times.iloc[late].min()).all())


@pytest.mark.parametrize("seed", range(10))
def test_no_training_label_window_reaches_into_validation_on_churn(seed):
    """The truth test of the purge gap, on the default time split and on time-series CV."""
    churn = datasets.load("churn", seed)
    b = splits.make_buckets(churn, None, random_state=seed)
    assert b.strategy == "time" and len(b.gap) > 0
    assert _label_windows_stay_before(churn, b.train, b.validation)
    assert _label_windows_stay_before(churn, b.validation, b.test)
    _assert_partition(churn.n_rows, b.train, b.validation, b.test, b.gap)
    assert splits.check_guarantees(churn, b.train, b.validation, b.test)[1].holds is True
    folds = splits.make_folds(churn, SplitChoice("time_series", (("k", 4),)), random_state=seed)
    for fold in folds:
        assert _label_windows_stay_before(churn, fold.train, fold.validation)
        assert _label_windows_stay_before(churn, fold.train, fold.test)
        assert _label_windows_stay_before(churn, fold.validation, fold.test)
    assert splits.fold_guarantees(churn, folds)[1].holds is True


def test_without_the_gap_training_labels_land_inside_validation_and_the_guarantee_says_so():
    churn = _builtin("churn")
    blind = dataclasses.replace(churn, label_horizon=None)
    b = splits.make_buckets(blind, None)
    assert len(b.gap) == 0
    assert not _label_windows_stay_before(churn, b.train, b.validation)
    time_order = splits.check_guarantees(churn, b.train, b.validation, b.test)[1]
    assert time_order.holds is False and "settled only after" in time_order.detail


@settings(max_examples=25, deadline=None)
@given(start=st.integers(5, 30), length=st.integers(5, 8), horizon=st.integers(1, 4))
def test_the_gap_is_exactly_the_rows_whose_label_lands_after_the_next_cut(start, length, horizon):
    data = _toy(label_horizon=pd.Timedelta(days=horizon))
    first = pd.Timestamp("2024-01-01")
    validation_start = first + pd.Timedelta(days=start)
    test_start = validation_start + pd.Timedelta(days=length)
    choice = SplitChoice(
        "time",
        (
            ("test_start", test_start.date().isoformat()),
            ("validation_start", validation_start.date().isoformat()),
        ),
    )
    b = splits.make_buckets(data, choice)
    _assert_partition(data.n_rows, b.train, b.validation, b.test, b.gap)
    days = data.frame["day"]
    lands = days + pd.Timedelta(days=horizon)
    assert (lands.iloc[b.train] <= validation_start).all()
    assert (lands.iloc[b.validation] <= test_start).all()
    late = ((days < validation_start) & (lands > validation_start)) | (
        (days >= validation_start) & (days < test_start) & (lands > test_start)
    )
    assert set(b.gap) == set(np.flatnonzero(late.to_numpy()))


@settings(max_examples=20, deadline=None)
@given(k=st.integers(2, 5), gap=st.integers(0, 2), horizon=st.integers(1, 3))
def test_time_series_folds_purge_the_horizon_on_top_of_the_gap(k, gap, horizon):
    data = _toy(label_horizon=pd.Timedelta(days=horizon))
    folds = splits.make_folds(data, SplitChoice("time_series", (("gap", gap), ("k", k))))
    days = data.frame["day"]
    for fold in folds:
        first_validation = days.iloc[fold.validation].min()
        assert (days.iloc[fold.train] + pd.Timedelta(days=horizon) <= first_validation).all()
        skipped = np.sort(days.unique())
        skipped = skipped[(skipped > days.iloc[fold.train].max()) & (skipped < first_validation)]
        assert len(skipped) >= gap
        assert set(fold.gap).isdisjoint(fold.train) and set(fold.gap).isdisjoint(fold.validation)
        assert (
            days.iloc[fold.validation] + pd.Timedelta(days=horizon) <= days.iloc[fold.test].min()
        ).all()


def test_the_strip_and_the_timeline_draw_the_gap():
    churn = _builtin("churn")
    b = splits.make_buckets(churn, None)
    table = splits.role_strips(
        churn.n_rows, {"time": (b.train, b.validation, b.test, b.gap)}, np.arange(churn.n_rows)
    )
    assert (table["time"] == "gap").sum() == len(b.gap)
    counts = splits.timeline(churn, (b.train, b.validation, b.test, b.gap))
    gap_months = set(counts.loc[counts["role"] == "gap", "period"])
    assert gap_months == set(churn.frame["month"].iloc[b.gap])
    # Three arrays still draw, with no gap.
    assert "gap" not in set(
        splits.role_strips(
            churn.n_rows, {"t": (b.train, b.validation, b.test)}, np.arange(churn.n_rows)
        )["t"]
    )


def test_validation_spread_has_one_score_per_split_and_fold():
    progress = []
    spread = splits.validation_spread(
        _builtin("diabetes"), n_rows=200, n_repeats=6, k=3, progress=progress.append
    )
    assert spread.split_scores.shape == (6,) and spread.fold_scores.shape == (3,)
    assert spread.n_rows == 200
    assert progress[-1] == pytest.approx(1.0)
    assert len(np.unique(spread.split_scores)) > 1, "different seeds must give different scores"


def test_comparison_model_drops_identifiers_and_uses_dates():
    X = _builtin("fraud").X
    model = splits.comparison_model(X, "binary").fit(X, _builtin("fraud").y)
    roles = model.named_steps["preprocess"].roles_
    assert roles.role_of("transaction_id") == "dropped" and roles.role_of("card_id") == "dropped"
    assert roles.role_of("timestamp") == "datetime"
    assert "amount" in roles.numeric and "merchant_category" in roles.categorical
