"""Every built-in dataset: shape, target, determinism, and the truth its docstring plants."""

import numpy as np
import pandas as pd
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit, train_test_split

from lessons import datasets
from lessons.errors import DataError

EXPECTED = {
    # name: (min rows, max rows, task)
    "churn": (8_000, 30_000, "binary"),
    "fraud": (10_000, 50_000, "binary"),
    "house_prices": (1_000, 5_000, "regression"),
    "store_demand": (5_000, 10_000, "regression"),
    "search_ranking": (3_000, 10_000, "regression"),
    "breast_cancer": (569, 569, "binary"),
    "diabetes": (442, 442, "regression"),
    "wine": (178, 178, "multiclass"),
    "stocks": (100, 110, "regression"),
}


def test_the_url_names_are_the_contract():
    assert set(datasets.BUILTIN_NAMES) == set(EXPECTED)
    assert datasets.DEFAULT_DATASET in datasets.BUILTIN_NAMES


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_each_dataset_is_well_formed(name):
    ds = datasets.load(name, seed=0)
    low, high, task = EXPECTED[name]
    assert low <= ds.n_rows <= high
    assert ds.task == task
    assert ds.target in ds.frame.columns
    assert ds.y.notna().all()
    assert ds.target not in ds.feature_columns
    assert set(ds.post_outcome_columns).isdisjoint(ds.feature_columns)
    for column in (ds.time_column, ds.group_column):
        assert column is None or column in ds.frame.columns
    if ds.time_column:
        assert pd.api.types.is_datetime64_any_dtype(ds.frame[ds.time_column])
    if ds.group_column:
        assert ds.frame[ds.group_column].duplicated().any(), "a group column must repeat"
    assert ds.description and ds.teaches
    row = datasets.describe(ds)
    assert row["rows"] == ds.n_rows and row["task"] == task


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_same_seed_same_frame(name):
    pd.testing.assert_frame_equal(datasets.load(name, 3).frame, datasets.load(name, 3).frame)


@pytest.mark.parametrize(
    "name", ["churn", "fraud", "house_prices", "store_demand", "search_ranking"]
)
def test_another_seed_another_frame(name):
    assert not datasets.load(name, 1).frame.equals(datasets.load(name, 2).frame)


def test_unknown_name_is_a_data_error_naming_the_choices():
    with pytest.raises(DataError, match="churn"):
        datasets.load("nope")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_churn_target_rate_and_repeated_customers(seed):
    ds = datasets.load("churn", seed)
    assert 0.15 <= ds.y.mean() <= 0.25
    assert ds.frame.groupby("customer_id").size().median() >= 4
    assert ds.frame["month"].nunique() == 24


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fraud_is_about_one_percent(seed):
    assert 0.006 <= datasets.load("fraud", seed).y.mean() <= 0.016


def test_churn_survey_is_post_outcome():
    frame = datasets.load("churn", 0).frame
    present = frame["exit_survey_score"].notna()
    assert present[frame["churned"] == 1].mean() > 0.85
    assert present[frame["churned"] == 0].mean() < 0.03


def _churn_matrix(ds):
    X = pd.get_dummies(ds.X.drop(columns=["customer_id", "month"]), dtype=float)
    return X, ds.y


def _auc(X_train, y_train, X_test, y_test):
    model = HistGradientBoostingClassifier(random_state=0).fit(X_train, y_train)
    return roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])


def test_churn_random_split_flatters_time_and_group_splits():
    ds = datasets.load("churn", 0)
    X, y = _churn_matrix(ds)
    X_a, X_b, y_a, y_b = train_test_split(X, y, test_size=0.5, random_state=0)
    random_auc = _auc(X_a, y_a, X_b, y_b)
    early = (ds.frame["month"] < "2024-01-01").to_numpy()
    time_auc = _auc(X[early], y[early], X[~early], y[~early])
    train, test = next(
        GroupShuffleSplit(1, test_size=0.5, random_state=0).split(X, y, ds.frame["customer_id"])
    )
    group_auc = _auc(X.iloc[train], y.iloc[train], X.iloc[test], y.iloc[test])
    assert random_auc - time_auc > 0.05, (random_auc, time_auc)
    assert random_auc > group_auc, (random_auc, group_auc)


def test_churn_drifts_in_2024():
    frame = datasets.load("churn", 0).frame
    by_year = frame.groupby(frame["month"].dt.year)["churned"].mean()
    assert by_year[2024] > by_year[2023] + 0.03


def test_churn_post_outcome_column_is_a_near_perfect_leak():
    ds = datasets.load("churn", 0)
    X, y = _churn_matrix(ds)
    X = X.assign(exit_survey_score=ds.frame["exit_survey_score"])
    X_a, X_b, y_a, y_b = train_test_split(X, y, test_size=0.3, random_state=0)
    assert _auc(X_a, y_a, X_b, y_b) > 0.95


def test_fraud_planted_drivers():
    frame = datasets.load("fraud", 0).frame
    rate = frame.groupby("card_present")["is_fraud"].mean()
    assert rate[False] > 2 * rate[True]
    risky = frame["merchant_category"].isin(["electronics", "gift_cards"])
    assert frame.loc[risky, "is_fraud"].mean() > 2 * frame.loc[~risky, "is_fraud"].mean()
    assert frame["timestamp"].is_monotonic_increasing


def test_house_prices_outliers_and_missing_lots():
    frame = datasets.load("house_prices", 0).frame
    ratio = frame["price"] / frame["sqft"]
    outliers = ratio > ratio.median() * 3
    assert 0.003 <= outliers.mean() <= 0.03
    assert 0.03 <= frame["lot_size_sqft"].isna().mean() <= 0.1
    assert frame[["sqft", "price"]].corr().iloc[0, 1] > 0.4


def test_store_demand_seasonality_trend_and_holidays():
    frame = datasets.load("store_demand", 0).frame
    assert frame["date"].min() == pd.Timestamp("2022-01-01")
    assert frame["date"].max() == pd.Timestamp("2024-12-31")
    weekend = frame["date"].dt.day_of_week >= 5
    assert frame.loc[weekend, "sales"].mean() > 1.2 * frame.loc[~weekend, "sales"].mean()
    yearly = frame.groupby(frame["date"].dt.year)["sales"].mean()
    assert yearly[2024] > yearly[2022]
    assert (
        frame.loc[frame["is_holiday"], "sales"].mean()
        > 1.3 * frame.loc[~frame["is_holiday"], "sales"].mean()
    )
    by_month = frame.groupby(frame["date"].dt.month)["sales"].mean()
    assert by_month.idxmax() == 12


def test_search_ranking_grades_follow_text_match():
    frame = datasets.load("search_ranking", 0).frame
    assert set(frame["relevance"].unique()) == {0, 1, 2, 3}
    assert frame.groupby("query_id").size().eq(20).all()
    means = frame.groupby("relevance")["text_match"].mean()
    assert means.is_monotonic_increasing


def test_stocks_target_is_next_week():
    frame = datasets.load("stocks", 0).frame
    np.testing.assert_allclose(
        frame["AAPL_next_week"].iloc[:-1].to_numpy(), frame["AAPL"].iloc[1:].to_numpy()
    )


def test_breast_cancer_predicts_the_malignant_class():
    frame = datasets.load("breast_cancer", 0).frame
    assert frame["malignant"].sum() == 212
