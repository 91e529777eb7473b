"""The modelling core: column roles, the one preprocessor, the positive-class rule."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import Pipeline

from lessons import datasets, event, features
from lessons.errors import DataError


def _every_kind(n: int = 300, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.date_range("2023-01-01", periods=n, freq="D")
    return pd.DataFrame(
        {
            "customer_id": rng.integers(10_000, 99_999, n),
            "row_number": np.arange(1, n + 1),
            "is_member": rng.random(n) < 0.3,
            "signed_up_text": days.strftime("%Y-%m-%d").astype(object),
            "order_day": days.strftime("%Y%m%d").astype(int),
            "created_at": (days - pd.Timestamp("1970-01-01")) // pd.Timedelta(seconds=1),
            "comment": [
                f"parcel {i} came {w} and the box was fine"
                for i, w in enumerate(rng.choice(["late", "early", "on time"], n))
            ],
            "sku": [f"SKU-{c:05d}" for c in rng.integers(0, 5_000, n)],
            "country": rng.choice(["fr", "de", "nl"], n),
            "constant": 7,
            "empty": np.full(n, np.nan),
            "spend": rng.normal(50, 10, n),
            "store_id": rng.integers(1, 6, n),
            "signed_up": days,
        }
    )


def test_roles_of_every_column_kind_with_their_reasons():
    roles = features.learn_roles(_every_kind())
    assert roles.role_of("customer_id") == "dropped"
    assert "identifier" in dict(roles.dropped)["customer_id"]
    assert "row number" in dict(roles.dropped)["row_number"]
    assert roles.role_of("is_member") == "numeric"
    assert dict(roles.datetime) == {
        "signed_up_text": "text",
        "order_day": "yyyymmdd",
        "created_at": "epoch_seconds",
        "signed_up": "datetime",
    }
    assert "free text" in dict(roles.dropped)["comment"]
    assert "high-cardinality" in dict(roles.dropped)["sku"]
    assert roles.role_of("country") == "categorical"
    assert "same value" in dict(roles.dropped)["constant"]
    assert "empty" in dict(roles.dropped)["empty"]
    assert roles.role_of("spend") == "numeric"
    assert roles.role_of("store_id") == "categorical", "a code with a few values is a category"
    table = roles.table()
    assert set(table["column"]) == set(_every_kind().columns) and table["why"].str.len().min() > 0


def test_dates_stored_three_ways_become_the_same_parts():
    frame = _every_kind(50)
    kinds = {"signed_up_text": "text", "order_day": "yyyymmdd", "signed_up": "datetime"}
    parts = features.datetime_parts(frame[list(kinds)], kinds)
    for part in ("days", "month", "weekday", "day"):
        assert parts[f"order_day_{part}"].equals(
            parts[f"signed_up_{part}"].rename(f"order_day_{part}")
        )
        assert np.allclose(parts[f"signed_up_text_{part}"], parts[f"signed_up_{part}"])


def test_time_zone_aware_dates_are_read_in_utc():
    stamps = pd.Series(pd.to_datetime(["2012-01-01T06:16:41Z", "2012-01-02T23:00:00Z"]))
    parts = features.datetime_parts(stamps.to_frame("t"), {"t": "datetime"})
    assert parts["t_hour"].tolist() == [6.0, 23.0]


def test_nothing_to_learn_from_is_a_clear_error():
    with pytest.raises(DataError, match="No usable feature"):
        features.learn_roles(pd.DataFrame({"id": np.arange(100), "k": 1}))


def test_the_preprocessor_learns_roles_in_fit_so_it_clones_into_cross_validation():
    dataset = datasets.load("churn")
    pipeline = Pipeline(
        [("preprocess", features.TablePreprocessor()), ("model", LogisticRegression(max_iter=500))]
    )
    X, y = dataset.X.head(3000), dataset.y.head(3000)
    scores = cross_val_score(clone(pipeline), X, y, cv=3, scoring="roc_auc")
    assert scores.min() > 0.55
    fitted = pipeline.fit(X, y)["preprocess"]
    assert fitted.roles_.role_of("customer_id") == "dropped"
    names = fitted.get_feature_names_out()
    assert len(names) == fitted.transform(X.head(5)).shape[1]
    assert "missingindicator_usage_hours" not in names, "no indicator for a column with no gaps"


def test_unseen_categories_and_all_missing_validation_columns_do_not_break_transform():
    train = pd.DataFrame({"colour": ["red", "blue"] * 30, "size": np.arange(60.0)})
    valid = pd.DataFrame({"colour": ["green", None], "size": [np.nan, np.nan]})
    pre = features.TablePreprocessor().fit(train)
    out = pre.transform(valid)
    assert out.shape[0] == 2 and np.isfinite(out).all()


def test_ordinal_encoding_for_trees_keeps_one_column_per_category():
    frame = pd.DataFrame({"colour": ["red", "blue", "green"] * 20, "size": np.arange(60.0)})
    onehot = features.TablePreprocessor().fit_transform(frame)
    ordinal = features.TablePreprocessor(encoding="ordinal", scale=False).fit_transform(frame)
    assert onehot.shape[1] == 1 + 3 and ordinal.shape[1] == 2


@pytest.mark.parametrize(
    ("values", "declared", "expected"),
    [
        (["stayed"] * 80 + ["churned"] * 20, None, "churned"),
        (["yes"] * 70 + ["no"] * 30, None, "no"),
        (["yes"] * 70 + ["no"] * 30, "yes", "yes"),
        ([0] * 5 + [1] * 95, 1, 1),
        ([0] * 5 + [1] * 95, None, 0),
    ],
)
def test_the_positive_class_is_the_declared_event_else_the_minority(values, declared, expected):
    assert event.positive_class(pd.Series(values), declared) == expected


@pytest.mark.parametrize("name", ["churn", "fraud", "breast_cancer"])
def test_every_builtin_binary_dataset_declares_its_event(name):
    dataset = datasets.load(name)
    assert dataset.positive_class == 1
    assert dataset.y.mean() < 0.5, "the event of interest is the rarer class here"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c", None]), min_size=2, max_size=40),
    st.lists(st.floats(-1e6, 1e6) | st.none(), min_size=2, max_size=40),
)
def test_any_small_table_transforms_to_finite_numbers_of_a_fixed_width(texts, numbers):
    n = min(len(texts), len(numbers))
    frame = pd.DataFrame({"t": texts[:n], "x": numbers[:n]})
    try:
        pre = features.TablePreprocessor().fit(frame)
    except DataError:
        assert frame["t"].nunique() < 2 and frame["x"].nunique() < 2
        return
    out = pre.transform(frame)
    assert out.shape[0] == n and np.isfinite(out).all()
    assert pre.transform(frame.iloc[:1]).shape[1] == out.shape[1]
