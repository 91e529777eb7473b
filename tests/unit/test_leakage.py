"""The leakage lab's scenarios: direction and size of every leak, with fixed seeds."""

import re

import numpy as np
import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from lessons import datasets, leakage
from lessons.errors import DataError

SEED = 0


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    # The machine is shared: one OpenMP thread keeps the gradient boosting from oversubscribing.
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def churn():
    return datasets.load("churn", SEED)


@pytest.fixture(scope="module")
def shuffled_versus_time(churn):
    """The slowest scenario, run once for the tests that read it."""
    return leakage.random_vs_time(churn, random_state=SEED)


@pytest.fixture(scope="module")
def noise_selection():
    return leakage.feature_selection(random_state=SEED)


def test_feature_selection_on_noise_inflates_accuracy_by_at_least_015(noise_selection):
    scores = noise_selection
    assert scores.leaky - scores.honest >= 0.15, scores
    # Pure noise: the honest pipeline and production both sit near a coin flip.
    assert abs(scores.honest - 0.5) < 0.12
    assert abs(scores.production - 0.5) < 0.06
    assert scores.leaky >= 0.7


def test_feature_selection_leak_grows_with_the_number_of_noise_columns(noise_selection):
    few = leakage.feature_selection(n_noise=100, k=25, random_state=SEED)
    assert noise_selection.settings == (("k", 25), ("n_noise", 10_000))
    assert noise_selection.inflation > few.inflation


def test_feature_selection_rejects_k_above_the_column_count():
    with pytest.raises(DataError, match="k must be"):
        leakage.feature_selection(n_noise=10, k=11)


def test_scaler_leak_moves_the_score_by_less_than_002():
    scores = leakage.preprocessing_scaler(random_state=SEED)
    assert abs(scores.leaky - scores.honest) < 0.02, scores
    assert scores.honest > 0.5, "the ridge model itself is a real model"
    assert leakage.verdict(scores.inflation) == "barely moves the score"


def test_post_outcome_is_near_perfect_on_validation_and_collapses_in_production(churn):
    scores = leakage.post_outcome(churn, random_state=SEED)
    assert scores.leaky >= 0.95, scores
    assert scores.production <= scores.honest + 0.02, scores
    assert scores.leaky - scores.production > 0.25
    # In production the model that leaned on the field is no better than the honest one,
    # compared on the same later rows.
    (in_production,) = scores.notes
    assert in_production.startswith("In production, on the same"), in_production
    assert "the model trained with the field is better" not in in_production


def test_test_set_tuning_optimism_grows_with_n():
    curve = leakage.tuning_curve((1, 10, 50, 100), random_state=SEED)
    on_test, on_validation = curve.optimism_test, curve.optimism_validation
    assert on_test[0] < on_test[1] < on_test[2] < on_test[3], curve
    assert on_test[-1] > on_test[0] + 0.02, curve
    # Picking on validation and reading the test once does not get rosier with N.
    assert on_validation[-1] - on_validation[0] < 0.01, curve
    assert on_test[-1] - on_validation[-1] > 0.02, curve
    few = leakage.tune_on_test_set(1, random_state=SEED)
    many = leakage.tune_on_test_set(100, random_state=SEED)
    assert many.lie > few.lie + 0.02
    assert many.leaky > many.honest


def test_entity_overlap_keeps_the_time_split_and_separates_the_customers(churn):
    scores = leakage.entity_overlap(churn, random_state=SEED)
    # One model for both arms: only the validation customers differ, so production is shared.
    assert scores.production == scores.honest_production
    assert not scores.rows.same and "never met" in scores.rows.honest
    # The validation period (March to July) less the rows whose 3-month label window reaches
    # into the test period: March to May.
    assert "2024-03" in scores.rows.leaky and "2024-05" in scores.rows.leaky, scores.rows.leaky
    assert "2024-08 to 2024-12" in scores.rows.production, "production is the last period"
    # The honest arm is honest in time: within noise of production (the app's time-based
    # score), not the rosy shuffled number.
    assert abs(scores.honest - scores.honest_production) <= scores.band, scores


def test_random_split_flatters_time_split_on_churn(shuffled_versus_time):
    scores = shuffled_versus_time
    assert scores.leaky - scores.honest > 0.1, scores
    assert scores.leaky - scores.production > 0.1, scores
    # The honest time split is the better forecast of production.
    assert abs(scores.honest - scores.production) < abs(scores.leaky - scores.production)


def test_random_vs_time_takes_the_gap_apart_into_an_easier_past_and_recent_rows(
    shuffled_versus_time,
):
    scores = shuffled_versus_time
    past, same_months, recency = scores.notes
    assert past.startswith("An easier past") and same_months.startswith("Look-ahead? Not here")
    assert recency.startswith("Recent rows, not the future")
    older, recent = (float(v) for v in re.findall(r"score (\d\.\d{3})", past))
    # Most of the gap: the shuffled model's older validation rows are far easier ...
    assert older - recent > 0.15, past
    # ... while its recent rows score about what the time split reports.
    assert abs(recent - scores.honest) < 0.05, past
    # Neither model saw the future rows: against the time pipeline refitted on the same
    # months, the shuffled model is no better (the comparison is paired, on the same rows).
    assert "refitted on the months the shuffled model drew from" in same_months
    assert "the shuffled model is better" not in same_months, same_months
    # On the same future rows the two models differ by far less than the reported gap.
    assert abs(scores.production - scores.honest_production) < scores.inflation / 3, scores


def test_target_encoding_leak_is_large_and_vanishes_in_production():
    scores = leakage.target_encoding(random_state=SEED)
    assert scores.leaky - scores.honest > 0.08, scores
    assert scores.production < scores.honest, scores


def test_centred_window_uses_the_future():
    scores = leakage.centred_window(window=3, random_state=SEED)
    assert scores.leaky > scores.honest, scores
    assert scores.production < scores.honest - 0.05, scores


def test_duplicates_flatter_a_memorising_model():
    scores = leakage.duplicates(0.5, random_state=SEED)
    none = leakage.duplicates(0.0, random_state=SEED)
    assert scores.leaky > scores.honest, scores
    assert scores.inflation > none.inflation
    assert abs(none.inflation) < 1e-9, "without copies both pipelines are the same"


def test_same_seed_same_scores():
    settings = {"n_noise": 300, "k": 10}
    assert leakage.run("feature_selection", settings, random_state=3) == leakage.run(
        "feature_selection", settings, random_state=3
    )


def test_run_dispatches_with_defaults_and_refuses_unknown_names():
    scores = leakage.run("test_tuning", {"n_configs": 5}, random_state=SEED)
    assert scores.settings == (("n_configs", 5),)
    with pytest.raises(DataError, match="post_outcome"):
        leakage.run("nope")


@pytest.mark.parametrize(
    ("scenario", "dataset", "applies"),
    [
        ("random_vs_time", "store_demand", True),
        ("random_vs_time", "wine", False),
        ("entity_overlap", "fraud", True),
        ("entity_overlap", "house_prices", False),
        ("post_outcome", "churn", True),
        ("post_outcome", "fraud", False),
        ("feature_selection", "churn", False),
    ],
)
def test_applies_to(scenario, dataset, applies):
    assert leakage.applies_to(scenario, datasets.load(dataset, SEED)) is applies


def test_scenarios_without_the_needed_column_say_why():
    wine = datasets.load("wine", SEED)
    with pytest.raises(DataError, match="no time column"):
        leakage.random_vs_time(wine)
    with pytest.raises(DataError, match="no entity column"):
        leakage.entity_overlap(wine)
    with pytest.raises(DataError, match="after the outcome"):
        leakage.post_outcome(wine)


def _upload_like() -> datasets.Dataset:
    rng = np.random.default_rng(0)
    n = 400
    when = pd.date_range("2024-01-01", periods=n, freq="D")
    frame = pd.DataFrame(
        {
            "Order Date": when,
            "shop": rng.choice(["north", "south", None], n),
            "is member": rng.random(n) < 0.4,
            "basket": np.where(rng.random(n) < 0.1, np.nan, rng.gamma(2, 20, n)),
            "ticket": [f"T{i}" for i in range(n)],
            "client": rng.choice([f"c{i}" for i in range(80)], n),
        }
    )
    frame["outcome"] = np.where(frame["basket"].fillna(0) > 40, "kept", "left")
    return datasets.Dataset(
        name="upload_shop.csv",
        title="shop",
        frame=frame,
        target="outcome",
        task="binary",
        problem="classification",
        time_column="Order Date",
        group_column="client",
        description="",
        teaches="",
    )


def test_the_lab_models_drop_identifiers_and_expand_dates():
    upload = _upload_like()
    roles = leakage.tree_preprocessor().fit(leakage.model_frame(upload)).roles_
    assert roles.role_of("ticket") == "dropped", "an identifier carries no signal"
    assert roles.role_of("client") == "dropped", "a many-valued entity column is an identifier"
    assert roles.role_of("Order Date") == "datetime"
    assert {"is member", "basket"} <= set(roles.numeric) and roles.role_of("shop") == "categorical"


def test_dataset_scenarios_run_on_an_upload_with_text_labels_and_gaps():
    upload = _upload_like()
    for scenario in ("random_vs_time", "entity_overlap"):
        scores = leakage.run(scenario, dataset=upload, random_state=SEED)
        assert scores.metric == "roc_auc"
        assert 0.0 <= scores.honest <= 1.0 and 0.0 <= scores.production <= 1.0


def test_too_small_data_is_refused_with_a_reason():
    upload = _upload_like()
    tiny = datasets.Dataset(**{**upload.__dict__, "frame": upload.frame.head(30)})
    with pytest.raises(DataError, match="at least 60"):
        leakage.random_vs_time(tiny)


def test_code_diff_marks_only_the_changed_lines():
    leaky, honest = leakage.code_diff("post_outcome")
    changed = [line for line in leaky.splitlines() if line.startswith("- ")]
    assert len(changed) == 1 and "exit_survey_score" in changed[0]
    assert sum(line.startswith("+ ") for line in honest.splitlines()) == 1
    assert set(leakage.CODE) == set(leakage.SCENARIO_KEYS)


def test_meter_is_full_for_a_big_lie_and_empty_when_production_delivers():
    base = leakage.LeakScores("x", "d", "roc_auc", 0.99, 0.7, 0.6, 0.7, "s", "m", "g")
    assert leakage.too_good_to_be_true(base) == 1.0
    honest = leakage.LeakScores("x", "d", "roc_auc", 0.7, 0.7, 0.72, 0.7, "s", "m", "g")
    assert leakage.too_good_to_be_true(honest) == 0.0


@pytest.mark.parametrize("scenario", leakage.SCENARIO_KEYS)
def test_every_scenario_says_what_each_number_is_scored_on_and_its_noise(scenario):
    scores = leakage.run(
        scenario, {"n_noise": 500} if scenario == "feature_selection" else None, random_state=1
    )
    rows = scores.rows
    assert rows is not None and rows.leaky and rows.honest and rows.production
    assert rows.same == (scenario not in ("random_vs_time", "entity_overlap")), rows
    assert re.search(r"\d[\d,]* (rows|sales)", rows.leaky + rows.production), rows
    for interval in (scores.honest_interval, scores.production_interval):
        assert interval.low <= interval.score <= interval.high, interval
    assert scores.honest_interval.score == scores.honest
    assert scores.production_interval.score == scores.honest_production
    assert scores.inflation_low <= scores.inflation <= scores.inflation_high, scores
    assert scores.band > 0


@pytest.mark.parametrize(
    ("metric", "truth", "prediction"),
    [
        ("roc_auc", [0, 1, 1, 0, 1, 0], [0.1, 0.8, 0.4, 0.4, 0.9, 0.2]),
        ("accuracy", [0, 1, 1, 0, 1, 0], [0, 1, 0, 0, 1, 1]),
        ("r2", [1.0, 2.0, 3.5, 4.0], [1.2, 1.9, 3.0, 4.4]),
    ],
)
def test_the_bootstrap_metric_equals_the_registry_metric(metric, truth, prediction):
    from lessons import uncertainty

    task = {"roc_auc": "binary", "accuracy": "multiclass", "r2": "regression"}[metric]
    registry = uncertainty.metric_function(metric, task)
    y, p = np.array(truth), np.array(prediction)
    assert leakage.resampled_score(metric)(y, p) == pytest.approx(registry(y, p))


def _scores(key: str, inflation: float, half: float) -> leakage.LeakScores:
    return leakage.LeakScores(
        key, "d", "roc_auc", 0.7 + inflation, 0.7, 0.7, 0.7, "s", "m", "g",
        inflation_low=inflation - half, inflation_high=inflation + half,
    )  # fmt: skip


def test_the_ranking_crowns_no_leak_on_noise():
    clear = leakage.rank_leaks({"a": _scores("a", 0.30, 0.02), "b": _scores("b", 0.10, 0.02)})
    assert clear.winner == "a" and clear.order == ("a", "b")
    close = leakage.rank_leaks(
        {"a": _scores("a", 0.12, 0.03), "b": _scores("b", 0.10, 0.03), "c": _scores("c", 0.0, 0.01)}
    )
    assert close.winner is None and close.top == ("a", "b")


@pytest.mark.parametrize(
    ("inflation", "low", "high", "size"),
    [
        (0.30, 0.25, 0.34, "story"),
        (0.04, 0.03, 0.05, "few"),
        (0.01, 0.005, 0.015, "barely"),
        (0.05, -0.01, 0.10, "barely"),  # the interval holds zero: no difference
        (6.8e-7, 1.7e-7, 1.2e-6, "barely"),  # real but far below what three decimals show
        (0.05, 0.01, 0.09, None),  # the ends fall in three sizes: cannot tell
        (-0.10, -0.14, -0.07, "story"),
    ],
)
def test_the_room_answer_and_the_verdict_share_one_size_rule(inflation, low, high, size):
    assert leakage.size_of(inflation, low, high) == size
    words = leakage.verdict(inflation, low, high)
    if size is None:
        assert "too few rows to say" in words
    else:
        assert words.startswith(leakage.SIZE_WORDS[size])
