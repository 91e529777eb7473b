"""The train page's takeaway names memorising as the cause of a train-validation gap only when
the validation rows come from the same period: on a time split a gap beyond the noise can be
the later rows behaving differently (drift), and the two scores alone cannot tell which.

Logistic regression on churn is the case that showed it: it scores about the same on unseen
customers of its own training months as on its training rows, and far lower on later months,
so "it is memorising them" was the wrong diagnosis there.
"""

from types import SimpleNamespace

import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from components.train_views import scores_takeaway
from lessons import datasets, features, training
from lessons.uncertainty import Comparison

FIT = SimpleNamespace(model="logistic_regression")
BEATS = Comparison("model", "baseline", 0.69, 0.5, 0.19, 0.15, 0.23, True)


@pytest.mark.parametrize("gap", [0.05, 0.26])
def test_on_a_time_split_a_gap_is_never_called_memorising_alone(gap):
    text = scores_takeaway(FIT, training.GapNoise(gap, 0.04), BEATS, split="time")
    assert "drift" in text and "cannot tell which" in text
    assert "it is memorising them (overfitting)" in text.split(", or both")[0]


def test_on_a_random_split_a_large_gap_is_memorising():
    text = scores_takeaway(FIT, training.GapNoise(0.26, 0.04), BEATS, split="random")
    assert "it is memorising them (overfitting)," in text
    assert "drift" not in text


def test_a_gap_inside_the_noise_is_no_sign_of_memorising_on_any_split():
    for split in ("time", "random"):
        text = scores_takeaway(FIT, training.GapNoise(0.02, 0.04), BEATS, split=split)
        assert "shows no sign of memorising" in text and "drift" not in text


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_churn_logistic_regression_gap_is_drift_not_memorising(seed):
    """Out of fold on the training months (grouped by customer), logistic regression scores
    within 0.02 of its training score; the later validation months score over 0.1 lower."""
    dataset = datasets.load("churn", seed)
    frame = dataset.frame.assign(month=pd.to_datetime(dataset.frame["month"]))
    cut = frame["month"].quantile(0.6)
    train, later = frame[frame["month"] < cut], frame[frame["month"] >= cut]
    roles = features.learn_roles(dataset.X)
    model = make_pipeline(
        ColumnTransformer(
            [
                ("numbers", StandardScaler(), list(roles.numeric)),
                ("labels", OneHotEncoder(handle_unknown="ignore"), list(roles.categorical)),
            ]
        ),
        LogisticRegression(max_iter=2000),
    )
    y = train[dataset.target]
    unseen = cross_val_predict(
        model, train, y, cv=GroupKFold(5), groups=train["customer_id"], method="predict_proba"
    )[:, 1]
    model.fit(train, y)
    on_train = roc_auc_score(y, model.predict_proba(train)[:, 1])
    on_later = roc_auc_score(later[dataset.target], model.predict_proba(later)[:, 1])
    assert abs(on_train - roc_auc_score(y, unseen)) < 0.02
    assert on_train - on_later > 0.1
