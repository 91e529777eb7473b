"""The honest score with a few entities (twelve schools) leaves one entity out at a time.

The audit advises splitting by the entity, so its honest score must be one of a split by the
entity. With fewer than twenty entities it used shuffled folds (R² 0.74 on twelve schools
whose pupils it cannot tell apart once the school is new); three folds of four schools each
swung from -16 to 0.3 with the seed. Now each school is scored by a model of the others
(up to 50 entities), and that model sees the other schools only, as a scikit-learn pipeline
does under cross_val_score: its training rows are encoded by random folds among themselves
(TargetEncoder's cross-fitting), an attribute of the school (constant inside it) from other
schools only, a column of a few levels enters as indicators (a one-hot encoder) and a
number also as itself. Before, a training row's encoding was learned on the other folds,
the held-out school among them, and the school column alone scored R² 0.78 on schools it
never saw.
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
    assert "one 'school' left out at a time for the honest score (12 folds" in report.folds
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
    # A model that knows the school does well on schools it has seen, not on new ones,
    # where it scores what scikit-learn's leave-one-school-out ridge on the same columns does.
    columns = ["province", "sex", "homework_hours", "school"]
    assert evidence["score_random_split"] > 0.6
    assert evidence["score_group_split"] < 0.2
    assert evidence["score_group_split"] == pytest.approx(
        _sklearn_leave_one_school_out(frame, columns), abs=0.15
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_a_school_column_scores_nothing_on_schools_it_never_saw(seed):
    frame = _schools(seed)
    codes = pd.factorize(frame["school"])[0]
    target = screen.Target("regression", frame["attitude"].to_numpy(float), 0)
    one_fold_each = codes
    assert screen.cross_fitted_score([(codes, codes.max() + 1)], target, one_fold_each) < 0.05


def _reference(columns, target, folds, numbers=(), groups=None):
    """The cross-fitted score written as plainly as possible: loops over folds and rows."""
    n = len(folds)
    random = np.random.default_rng(0)
    by_row = random.permutation(n) % screen.CROSS_FIT_FOLDS
    if groups is not None:
        group_codes = np.unique(groups, return_inverse=True)[1]
        by_group = (random.permutation(group_codes.max() + 1) % screen.CROSS_FIT_FOLDS)[group_codes]
    outputs = target.onehot() if target.task == "multiclass" else target.values[:, None]
    prediction = np.zeros(outputs.shape)
    for k in range(folds.max() + 1):
        train = folds != k
        prior = outputs[train].mean(axis=0)
        encoded_blocks, indicator_blocks, number_blocks = [], [], []
        for codes, n_bins in columns:
            if n_bins <= screen.ONE_HOT_LEVELS:
                indicator_blocks.append(np.eye(n_bins)[codes])
                continue
            # Constant within each group: an attribute of it, encoded from other groups.
            one_bin_each = groups is not None and all(
                len(set(codes[group_codes == g])) == 1 for g in np.unique(group_codes)
            )
            inner = by_group if one_bin_each else by_row
            encoded = []
            for i in range(n):
                learned = train if not train[i] else train & (inner != inner[i])
                same = learned & (codes == codes[i])
                encoded.append(
                    (outputs[same].sum(axis=0) + screen.SMOOTHING * prior)
                    / (same.sum() + screen.SMOOTHING)
                )
            encoded = np.array(encoded)
            encoded_blocks.append(
                screen.as_features(
                    encoded[:, 0] if target.task != "multiclass" else encoded, target
                )
            )
        for values in numbers:
            known = values[train][np.isfinite(values[train])]
            low, middle, high = np.percentile(known, [1, 50, 99])
            filled = np.where(np.isfinite(values), values, middle)
            number_blocks.append(np.clip(filled, low, high)[:, None])
        x = np.hstack(encoded_blocks + indicator_blocks + number_blocks)
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
    st.booleans(),
    st.integers(0, 10_000),
)
def test_the_cross_fitted_score_equals_its_plain_definition(task, n_folds, by_group, seed):
    rng = np.random.default_rng(seed)
    n = 48
    groups = np.repeat(np.arange(12), 4)
    folds = (
        rng.permutation(12)[groups] % n_folds
        if by_group
        else rng.permutation(np.arange(n) % n_folds)
    )
    # A few levels (indicators), many levels (encoded), an attribute of each group with a
    # bin of its own (encoded from other groups), and a number with gaps.
    columns = [
        (rng.integers(0, 3, n), 3),
        (rng.integers(0, 14, n), 14),
        (np.repeat(rng.permutation(12), 4), 12),
    ]
    numbers = [np.where(rng.random(n) < 0.1, np.nan, rng.normal(size=n))]
    if task == "regression":
        target = screen.Target(task, rng.normal(size=n) + columns[0][0], 0)
    elif task == "binary":
        target = screen.Target(task, (rng.random(n) < 0.4).astype(float), 2)
    else:
        target = screen.Target(task, rng.integers(0, 3, n).astype(float), 3)
    if task != "regression" and len(np.unique(target.values)) < 2:
        return
    given_groups = groups if by_group else None
    assert screen.cross_fitted_score(
        columns, target, folds, numbers=numbers, groups=given_groups
    ) == pytest.approx(_reference(columns, target, folds, numbers, given_groups), abs=1e-9)
