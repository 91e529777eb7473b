"""The honest score with a few entities (twelve schools) leaves one entity out at a time.

The audit advises splitting by the entity, so its honest score must be one of a split by the
entity. With fewer than twenty entities it used shuffled folds (R² 0.74 on twelve schools
whose pupils it cannot tell apart once the school is new); three folds of four schools each
swung from -16 to 0.3 with the seed. Now each school is scored by a model of the others, and
that model sees the other schools only: their rows are encoded by random folds among
themselves, as a scikit-learn pipeline of TargetEncoder and Ridge is under cross_val_score.
Before, a training row's encoding was learned on the other folds, the held-out school among
them, and the school column alone scored R² 0.78 on schools it never saw.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.compose import make_column_transformer
from sklearn.linear_model import Ridge
from sklearn.metrics import r2_score
from sklearn.model_selection import LeaveOneGroupOut, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from lessons import audit_screen as screen
from lessons.audit import audit

SEEDS = [0, 1, 2]


def _schools(seed: int, pupil_effect: float = 0.0, schools: int = 12, pupils: int = 40):
    """Single-sex schools in two provinces, written school by school (as the Swahili
    attitude survey is); the school sets most of the score."""
    rng = np.random.default_rng(seed)
    school = np.repeat(list("ABCDEFGHIJKLMNOPQRST"[:schools]), pupils)
    province = np.repeat(rng.permutation(["north", "south"] * (schools // 2)), pupils)
    sex = np.repeat(rng.permutation(["girl", "boy"] * (schools // 2)), pupils)
    effect = np.repeat(rng.normal(0, 12, schools), pupils)
    homework = rng.normal(0, 1, len(school))
    score = 140 + effect + pupil_effect * homework + rng.normal(0, 6, len(school))
    frame = pd.DataFrame(
        {"school": school, "province": province, "sex": sex, "homework_hours": homework}
    )
    frame["attitude"] = score.round(1)
    return frame


def _sklearn_leave_one_school_out(frame: pd.DataFrame, columns: list[str]) -> float:
    categories = [c for c in columns if frame[c].dtype == object or frame[c].dtype == "str"]
    numbers = [c for c in columns if c not in categories]
    model = make_pipeline(
        make_column_transformer(
            (OneHotEncoder(handle_unknown="ignore"), categories),
            (StandardScaler(), numbers),
        ),
        Ridge(alpha=1.0),
    )
    predicted = cross_val_predict(
        model, frame[columns], frame["attitude"], groups=frame["school"], cv=LeaveOneGroupOut()
    )
    return r2_score(frame["attitude"], predicted)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_honest_score_leaves_one_school_out(seed):
    frame = _schools(seed)
    report = audit(frame, "attitude")
    assert report.group_column == "school"
    assert "leaves one 'school' out at a time (12 folds" in report.folds
    reference = _sklearn_leave_one_school_out(frame, ["province", "sex", "homework_hours"])
    # Nothing a pupil carries tells a new school's level: below zero, as scikit-learn's
    # leave-one-group-out ridge says, never the 0.7 of shuffled folds.
    assert report.honest_score == pytest.approx(reference, abs=0.15)
    assert report.honest_score < 0.1


@pytest.mark.parametrize("seed", SEEDS)
def test_a_pupil_level_signal_survives_the_school_split(seed):
    frame = _schools(seed, pupil_effect=25.0)
    report = audit(frame, "attitude")
    reference = _sklearn_leave_one_school_out(frame, ["province", "sex", "homework_hours"])
    assert reference > 0.3
    assert report.honest_score == pytest.approx(reference, abs=0.15)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_entity_finding_scores_the_school_split_the_same_way(seed):
    frame = _schools(seed)
    finding = next(f for f in audit(frame, "attitude").findings if f.kind == "repeated_entity")
    evidence = finding.evidence
    # A model that knows the school does well on schools it has seen, not on new ones.
    assert evidence["score_random_split"] > 0.6
    assert evidence["score_group_split"] < 0.2
    assert evidence["score_group_split"] > -0.5


@pytest.mark.parametrize("seed", SEEDS)
def test_a_school_column_scores_nothing_on_schools_it_never_saw(seed):
    frame = _schools(seed)
    codes = pd.factorize(frame["school"])[0]
    target = screen.Target("regression", frame["attitude"].to_numpy(float), 0)
    one_fold_each = codes
    assert screen.cross_fitted_score([(codes, codes.max() + 1)], target, one_fold_each) < 0.05


def _reference(columns, target, folds):
    """The cross-fitted score written as plainly as possible: loops over folds and rows."""
    n_folds = folds.max() + 1
    inner = np.random.default_rng(0).permutation(len(folds)) % screen.CROSS_FIT_FOLDS
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]

    def encode(codes, learned, row):
        prior = outputs[learned].mean(axis=0)
        same = learned & (codes == codes[row])
        return (outputs[same].sum(axis=0) + screen.SMOOTHING * prior) / (
            same.sum() + screen.SMOOTHING
        )

    prediction = np.zeros(outputs.shape)
    for k in range(n_folds):
        train = folds != k
        features = []
        for codes, _ in columns:
            encoded = np.array(
                [
                    encode(codes, train if not train[i] else train & (inner != inner[i]), i)
                    for i in range(len(folds))
                ]
            )
            features.append(
                screen.as_features(
                    encoded[:, 0] if target.task != "multiclass" else encoded, target
                )
            )
        x = np.hstack(features)
        mean, std = x[train].mean(axis=0), x[train].std(axis=0)
        std[std <= 1e-12] = np.inf
        z = (x - mean) / std
        y_mean = outputs[train].mean(axis=0)
        coef = np.linalg.solve(
            z[train].T @ z[train] + screen.RIDGE * np.eye(z.shape[1]),
            z[train].T @ (outputs[train] - y_mean),
        )
        prediction[~train] = z[~train] @ coef + y_mean
    return screen.score(prediction if target.task == "multiclass" else prediction[:, 0], target)


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(["regression", "binary", "multiclass"]),
    st.integers(3, 6),
    st.integers(0, 10_000),
)
def test_the_cross_fitted_score_equals_its_plain_definition(task, n_folds, seed):
    rng = np.random.default_rng(seed)
    n = 40
    folds = rng.permutation(np.arange(n) % n_folds)
    columns = [(rng.integers(0, bins, n), bins) for bins in (2, 5)]
    if task == "regression":
        target = screen.Target(task, rng.normal(size=n) + columns[0][0], 0)
    elif task == "binary":
        target = screen.Target(task, (rng.random(n) < 0.4).astype(float), 2)
    else:
        target = screen.Target(task, rng.integers(0, 3, n).astype(float), 3)
    if task != "regression" and len(np.unique(target.values)) < 2:
        return
    assert screen.cross_fitted_score(columns, target, folds) == pytest.approx(
        _reference(columns, target, folds), abs=1e-9
    )
