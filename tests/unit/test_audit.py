"""The audit on synthetic tables with planted truth, and its numbers against scikit-learn."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames, range_indexes
from sklearn.metrics import balanced_accuracy_score, r2_score, roc_auc_score

from lessons import audit_screen as screen
from lessons.audit import FINDING_KINDS, audit
from lessons.audit.report import three_digits
from lessons.audit_types import apply_column_types, infer_column_types
from lessons.csv_loading import load_csv
from lessons.errors import DataError


def _clean(n: int = 3000, seed: int = 0) -> pd.DataFrame:
    """Independent rows, a binary target driven by two numbers and a category."""
    rng = np.random.default_rng(seed)
    x1, x2 = rng.normal(size=n), rng.normal(size=n)
    colour = rng.choice(["red", "green", "blue"], n)
    logit = 0.8 * x1 + 0.5 * x2 + 0.4 * (colour == "red")
    return pd.DataFrame(
        {
            "age": np.round(40 + 10 * x1, 1),
            "income": np.round(3000 + 800 * x2, 2),
            "colour": colour,
            "noise": rng.normal(size=n),
            "bought": (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int),
        }
    )


def _kinds(report, severity: str | None = None) -> set[str]:
    return {f.kind for f in report.findings if severity is None or f.severity == severity}


def _finding(report, kind: str, column: str | None = None):
    found = [
        f for f in report.findings if f.kind == kind and (column is None or column in f.columns)
    ]
    assert found, f"no {kind} finding for {column}: {[f.to_dict() for f in report.findings]}"
    return found[0]


def test_clean_data_has_no_findings_and_a_stratified_split():
    report = audit(_clean(), "bought")
    assert report.findings == ()
    assert report.task == "binary"
    assert report.recommended_split == "stratified"
    assert report.recommended_metric == "roc_auc"
    assert 0.6 < report.honest_score < 0.85


def test_regression_clean_data_recommends_random_split():
    frame = _clean()
    frame["spend"] = frame["age"] * 3 + np.random.default_rng(1).normal(0, 20, len(frame))
    report = audit(frame.drop(columns="bought"), "spend")
    assert report.task == "regression"
    assert report.recommended_split == "random"
    assert "target_leak" not in _kinds(report, "high")


def test_a_copy_of_the_target_is_a_high_leak_with_both_scores():
    frame = _clean()
    rng = np.random.default_rng(2)
    frame["refund_issued"] = np.where(frame["bought"] == 1, rng.uniform(5, 50, len(frame)), 0.0)
    report = audit(frame, "bought")
    leak = _finding(report, "target_leak", "refund_issued")
    assert leak.severity == "high"
    assert leak.evidence["score_alone"] > 0.99
    assert leak.evidence["score_with"] > leak.evidence["score_without"] + 0.1
    assert report.leak_columns() == ["refund_issued"]
    # The honest score leaves the leak out.
    assert report.honest_score == pytest.approx(leak.evidence["score_without"], abs=1e-3)


def test_missingness_that_predicts_the_target_is_a_high_leak():
    frame = _clean()
    rng = np.random.default_rng(3)
    filled = np.where(
        frame["bought"] == 1, rng.random(len(frame)) < 0.9, rng.random(len(frame)) < 0.02
    )
    frame["survey_score"] = np.where(filled, rng.integers(1, 6, len(frame)), np.nan)
    report = audit(frame, "bought")
    leak = _finding(report, "target_leak", "survey_score")
    assert leak.severity == "high"
    assert leak.evidence["score_missing_flag_alone"] > 0.9


def test_a_combination_leak_is_found_though_no_single_column_gives_it_away():
    rng = np.random.default_rng(4)
    n = 4000
    balance = rng.uniform(0, 1000, n)
    payment = rng.uniform(0, 1000, n)
    frame = pd.DataFrame(
        {
            "balance": np.round(balance, 2),
            "payment": np.round(payment, 2),
            "region": rng.choice(list("NSEW"), n),
            "tenure": rng.integers(1, 60, n),
            "defaulted": (payment < balance).astype(int),
        }
    )
    report = audit(frame, "defaulted")
    leak = _finding(report, "target_leak", "balance")
    assert leak.severity == "high"
    assert set(leak.columns) == {"balance", "payment"}
    assert leak.evidence["score_together"] > 0.95
    assert max(leak.evidence["score_alone"].values()) < 0.85


@pytest.mark.parametrize("task", ["binary", "regression"])
def test_strong_legitimate_predictors_are_never_high(task):
    rng = np.random.default_rng(5)
    n = 4000
    frame = pd.DataFrame(
        {
            "sqft": rng.lognormal(7, 0.3, n).round(),
            "rooms": rng.integers(1, 7, n),
            "district": rng.choice(["a", "b", "c", "d"], n),
        }
    )
    signal = np.log(frame["sqft"]) * 3 + 0.2 * frame["rooms"] + rng.normal(0, 0.15, n)
    frame["price"] = signal if task == "regression" else (signal > signal.median()).astype(int)
    report = audit(frame, "price")
    assert "target_leak" not in _kinds(report, "high")
    # A feature this strong alone (issue 17: floor area for a price) may be asked about at
    # medium, as a question with the check that fired, never asserted as a leak.
    for finding in report.findings:
        if finding.kind == "target_leak" and finding.severity == "medium":
            assert finding.message.startswith("Is "), finding.message
            assert "?" in finding.message and finding.evidence["check"]


def test_an_identifier_sorted_by_outcome_is_called_out():
    frame = _clean().sort_values("bought", ignore_index=True)
    frame.insert(0, "record_id", np.arange(1, len(frame) + 1))
    report = audit(frame, "bought")
    finding = _finding(report, "id_column", "record_id")
    assert finding.severity == "high"
    assert finding.evidence["running_number"] is True
    assert "sorted by the outcome" in finding.message


def test_a_harmless_identifier_is_low():
    frame = _clean()
    frame.insert(
        0, "order_ref", [f"ORD-{i:06d}" for i in np.random.default_rng(0).permutation(len(frame))]
    )
    report = audit(frame, "bought")
    finding = _finding(report, "id_column", "order_ref")
    assert finding.severity == "low"
    assert "target_leak" not in _kinds(report)


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("signup", pd.date_range("2021-01-01", periods=3000, freq="D").strftime("%Y-%m-%d")),
        ("day", pd.date_range("2021-01-01", periods=3000, freq="D").strftime("%Y%m%d").astype(int)),
        ("created_ts", 1_609_459_200 + 3600 * np.arange(3000)),  # Unix seconds, hourly
        ("year", np.repeat(np.arange(2000, 2015), 200)),
    ],
)
def test_time_order_is_found_in_common_encodings(name, values):
    frame = _clean()
    frame.insert(0, name, np.asarray(values))
    data = frame.to_csv(index=False).encode()
    loaded = load_csv(data, filename="t.csv")
    report = audit(loaded.frame, "bought")
    assert report.time_column == name
    assert report.recommended_split == "time"
    assert _finding(report, "time_order", name).severity == "medium"


def test_a_text_column_named_time_is_not_a_time_column():
    frame = _clean()
    frame["time"] = np.random.default_rng(0).choice(["early", "late", "noon"], len(frame))
    frame["year_built"] = np.random.default_rng(1).integers(1950, 2020, len(frame))
    report = audit(frame, "bought")
    assert report.time_column is None
    assert "time_order" not in _kinds(report)


def test_drift_over_time_is_reported_with_numbers():
    frame = _clean()
    frame["when"] = pd.date_range("2020-01-01", periods=len(frame), freq="D")
    late = frame["when"] > "2026-01-01"
    frame.loc[late, "bought"] = 1
    report = audit(frame, "bought")
    finding = _finding(report, "time_order", "when")
    periods = finding.evidence["target_by_period"]
    # Late rows are all 1: the share of the positive class (whichever it is) moves a lot.
    assert abs(periods[-1]["target_mean"] - periods[0]["target_mean"]) > 0.2
    assert "the future differs" in finding.message


def test_a_repeated_entity_sets_a_group_split():
    frame = _clean()
    rng = np.random.default_rng(6)
    frame["customer_id"] = [f"C{c:04d}" for c in rng.integers(0, 300, len(frame))]
    report = audit(frame, "bought")
    finding = _finding(report, "repeated_entity", "customer_id")
    assert report.group_column == "customer_id"
    assert report.recommended_split == "group"
    assert finding.evidence["entities"] == frame["customer_id"].nunique()
    assert finding.evidence["test_rows_seen_in_train_random_split"] > 0.9


def test_table_hygiene_findings():
    frame = _clean(n=1000)
    frame["country"] = "FR"
    frame["fax"] = np.where(np.arange(1000) < 950, np.nan, 1.0)
    frame["comment"] = [f"free text number {i} about the visit" for i in range(1000)]
    frame = pd.concat([frame, frame.iloc[:30]], ignore_index=True)
    frame.loc[100:109, "bought"] = np.nan
    report = audit(frame, "bought")
    assert _finding(report, "constant_column", "country").severity == "low"
    assert _finding(report, "high_missing", "fax").evidence["missing_share"] > 0.9
    assert _finding(report, "high_cardinality", "comment")
    duplicates = _finding(report, "duplicate_rows")
    assert duplicates.evidence["duplicate_rows"] == 30
    missing = _finding(report, "missing_target", "bought")
    assert missing.evidence["missing_rows"] == 10


def test_class_imbalance_recommends_pr_auc():
    frame = _clean(n=5000)
    rng = np.random.default_rng(7)
    frame["bought"] = (rng.random(len(frame)) < 0.02 * (1 + (frame["age"] > 50))).astype(int)
    report = audit(frame, "bought")
    finding = _finding(report, "class_imbalance", "bought")
    assert finding.severity == "medium"
    assert report.recommended_metric == "pr_auc"
    assert report.recommended_split == "stratified"


def test_text_labels_make_a_multiclass_task():
    frame = _clean()
    frame["segment"] = np.where(
        frame["age"] > 45, "senior", np.where(frame["age"] > 35, "mid", "young")
    )
    report = audit(frame.drop(columns=["bought"]), "segment")
    assert report.task == "multiclass"
    # 'age' defines the segment: a deterministic copy, near-perfect on its own.
    assert _finding(report, "target_leak", "age").severity == "high"


def test_every_finding_uses_the_documented_vocabulary():
    frame = _clean()
    frame["refund_issued"] = frame["bought"] * 10.0
    frame["customer_id"] = [f"C{c:04d}" for c in np.arange(len(frame)) % 200]
    payload = audit(frame, "bought").to_dict()
    assert set(payload) == {
        "rows", "columns", "target", "task", "time_column", "group_column",
        "recommended_split", "recommended_metric", "honest_score", "folds", "notes",
        "findings",
    }  # fmt: skip
    assert payload["folds"].startswith("grouped")
    for finding in payload["findings"]:
        assert finding["kind"] in FINDING_KINDS
        assert finding["severity"] in {"high", "medium", "low"}
        assert set(finding) == {"kind", "severity", "columns", "message", "evidence"}


@pytest.mark.parametrize(
    ("frame", "target", "words"),
    [
        (pd.DataFrame({"a": range(20), "y": [1] * 20}), "y", "single value"),
        (pd.DataFrame({"a": range(20), "y": [np.nan] * 20}), "y", "empty on every row"),
        # One class of one row next to a single other class: nothing left to audit.
        (pd.DataFrame({"a": range(20), "y": ["x"] * 19 + ["w"]}), "y", "single row"),
        (pd.DataFrame({"a": range(20), "y": range(20)}), "nope", "no column"),
        (pd.DataFrame({"y": range(20)}), "y", "single column"),
        (pd.DataFrame({"a": range(20), "y": pd.date_range("2024", periods=20)}), "y", "dates"),
        (pd.DataFrame({"a": range(5), "y": [0, 1, 0, 1, 0]}), "y", "rows"),
    ],
)
def test_bad_targets_raise_a_data_error(frame, target, words):
    with pytest.raises(DataError, match=words):
        audit(frame, target)


def test_a_frame_named_by_numbers_is_audited_by_their_text():
    # A frame built in code (numpy to pandas) is named 0, 1, ...: the name checks read
    # text, so the audit reads the names as text instead of failing on them.
    # The report names the columns as the caller does, so they can be dropped by name.
    frame = _clean(n=500)
    frame.columns = range(frame.shape[1])
    frame[5] = frame[4] * 3  # a copy of the target
    report = audit(frame, 4)
    assert report.target == 4
    leaked = {c for f in report.findings if f.kind == "target_leak" for c in f.columns}
    assert leaked == {5}
    frame.drop(columns=list(leaked))


def test_repeated_column_names_raise_a_data_error():
    frame = _clean(n=100)
    frame.columns = ["age", "age", "colour", "noise", "bought"]
    with pytest.raises(DataError, match="more than once"):
        audit(frame, "bought")


def test_infinite_values_are_treated_as_missing():
    frame = _clean(n=500)
    frame.loc[:4, "income"] = np.inf
    report = audit(frame, "bought")
    assert any("Infinite" in note for note in report.notes)


def test_large_tables_are_sampled_and_say_so():
    frame = pd.concat([_clean(n=3000, seed=s) for s in range(3)], ignore_index=True)
    report = audit(frame, "bought", max_model_rows=2000)
    assert report.sampled_rows == 2000
    assert any("sample of 2,000" in note for note in report.notes)


def test_column_type_corrections_are_applied():
    frame = _clean(n=500)
    frame["zip"] = np.random.default_rng(0).integers(10000, 99999, 500)
    types = infer_column_types(frame)
    assert types["colour"] == "category"
    assert types["age"] == "number"
    corrected = apply_column_types(frame, {**types, "zip": "category", "noise": "ignore"})
    assert "noise" not in corrected.columns
    assert not pd.api.types.is_numeric_dtype(corrected["zip"])
    report = audit(frame, "bought", column_types={"noise": "ignore"})
    assert report.column_types["noise"] == "ignore"


def test_screen_metrics_match_scikit_learn():
    rng = np.random.default_rng(8)
    y = (rng.random(500) < 0.3).astype(float)
    score = np.round(y + rng.normal(0, 1, 500), 1)  # rounded: ties must count as half
    assert screen.roc_auc(y, score) == pytest.approx(roc_auc_score(y, score))
    labels = rng.integers(0, 3, 500)
    predicted = np.where(rng.random(500) < 0.6, labels, rng.integers(0, 3, 500))
    assert screen.balanced_accuracy(labels, predicted, 3) == pytest.approx(
        balanced_accuracy_score(labels, predicted)
    )
    values = rng.normal(size=500)
    guess = values + rng.normal(0, 0.5, 500)
    assert screen.r2(values, guess) == pytest.approx(r2_score(values, guess))


def test_out_of_fold_encoding_never_sees_its_own_row():
    # A column unique per row carries no information out of fold: its encoding is the prior.
    target = screen.Target("binary", np.tile([0.0, 1.0], 50), 2)
    folds = screen.make_folds(100, 3, np.random.default_rng(0))
    codes = np.arange(100)
    encoded = screen.oof_encode(codes, 100, target, folds)
    assert screen.roc_auc(target.values, encoded) < 0.75


def test_folds_keep_groups_together():
    groups = np.repeat(np.arange(30), 5)
    folds = screen.make_folds(150, 3, np.random.default_rng(0), groups)
    assert all(len(set(folds[groups == g])) == 1 for g in range(30))


_cells = st.one_of(
    st.none(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=4),
    st.booleans(),
)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    data_frames(
        [column("a", elements=_cells), column("b", elements=_cells), column("y", elements=_cells)],
        index=range_indexes(min_size=0, max_size=40),
    )
)
def test_random_frames_raise_only_data_errors(frame):
    try:
        report = audit(frame, "y")
    except DataError:
        return
    assert report.rows == len(frame)


def test_a_label_mixing_4_and_4_0_is_screened_for_words():
    # Found by the test above: 4 and 4.0 are one value but two strings, and the words
    # screen once lost the rows whose string was not the unique value's.
    cells = [-3, -4, -1, -2, False, 4.0, "", 4, 2, 3, True, None, None, None, None]
    frame = pd.DataFrame({"a": [None] * 15, "b": cells, "y": ["", ""] + ["0"] * 13})
    assert audit(frame, "y").rows == 15


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_raise_only_data_errors(data):
    try:
        loaded = load_csv(data, filename="random.bin")
        audit(loaded.frame, str(loaded.frame.columns[-1]))
    except DataError:
        pass


def test_a_small_noisy_table_does_not_claim_drift():
    frame = _clean(n=160)
    frame["when"] = pd.date_range("2024-01-01", periods=160, freq="D")
    finding = _finding(audit(frame, "bought"), "time_order", "when")
    assert "the future differs" not in finding.message


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_integers_that_never_tie_where_chance_would_tie_them_are_an_identifier(seed):
    """Sequence numbers with gaps and a sample of student numbers are all different although
    a range this narrow would give dozens of ties by chance: handed out, not measured. An
    income of the same size and range ties, and a population (a huge range) may be unique
    by chance: both stay numbers."""
    rng = np.random.default_rng(seed)
    n = 2000
    sequence = np.sort(rng.choice(np.arange(1, 2101), n, replace=False))
    students = rng.choice(np.arange(10_000, 30_000), n, replace=False)
    income = np.round(rng.normal(15_000, 2_000, n)).astype(int)
    # The same draw as from np.arange(10**5, 10**9), without building its 8 GB.
    population = rng.choice(10**9 - 10**5, n, replace=False) + 10**5
    frame = pd.DataFrame(
        {"seqno": sequence, "pupil": students, "income": income, "population": population}
    )
    frame["passed"] = rng.integers(0, 2, n)
    types = infer_column_types(frame)
    assert types["seqno"] == "identifier" and types["pupil"] == "identifier"
    assert types["income"] == "number" and types["population"] == "number"
    ids = {f.columns[0] for f in audit(frame, "passed").findings if f.kind == "id_column"}
    assert ids == {"seqno", "pupil"}


def _seasons(seed: int) -> pd.DataFrame:
    """60 teams over 20 seasons; each team moves to a new ground every few seasons (a ground
    is used by one team in a season, by several over the years)."""
    rng = np.random.default_rng(seed)
    rows = []
    grounds = [f"{w} Park {k}" for k in range(40) for w in ("North", "South", "Old", "New")]
    for team in range(60):
        ground = rng.choice(grounds)
        for season in range(2001, 2021):
            if rng.random() < 0.25:
                ground = rng.choice(grounds)
            rows.append((season, f"Team {team} City", f"{ground} ({team % 7})", team))
    frame = pd.DataFrame(rows, columns=["season", "team", "ground", "strength"])
    frame["league"] = np.where(frame["strength"] % 2 == 0, "AL", "NL")
    frame["wins"] = np.round(70 + frame["strength"] / 6 + rng.normal(0, 8, len(frame)))
    return frame.drop(columns="strength")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_entity_of_a_panel_is_the_key_followed_over_more_periods(seed):
    """Team and ground both key the seasons' rows (one row per value and season): the team is
    followed over twenty seasons, a ground over a few; the team is the entity. A label that
    keys nothing (the league) is never it."""
    frame = _seasons(seed)
    assert frame["ground"].nunique() > frame["team"].nunique()
    report = audit(frame, "wins")
    assert report.time_column == "season"
    assert report.group_column == "team"
    assert audit(frame.drop(columns="team"), "wins").group_column == "ground"


def _tracks(seed: int, with_storm: bool = True) -> pd.DataFrame:
    """Six-hourly positions of 250 storms over a year, a few storms at once: each storm's
    rows span a few days. Also a day's label (a period: stretches never overlap) and a
    basin label spread over the whole range."""
    rng = np.random.default_rng(seed)
    names = ["Ana", "Bill", "Cleo", "Dan", "Erin", "Fay", "Gert", "Hal"]
    rows = []
    for k in range(250):
        start = pd.Timestamp("2001-01-01") + pd.Timedelta(hours=6 * int(rng.integers(0, 1500)))
        peak = rng.uniform(40, 140)
        for step in range(int(rng.integers(4, 16))):
            when = start + pd.Timedelta(hours=6 * step)
            wind = peak * np.sin(np.pi * (step + 1) / 17) + rng.normal(0, 5)
            rows.append((f"{names[k % 8]} ({k})", when, rng.uniform(10, 40), wind))
    frame = pd.DataFrame(rows, columns=["storm", "obs_time", "lat", "wind"])
    frame = frame.sort_values("obs_time").reset_index(drop=True)
    frame["day_label"] = frame["obs_time"].dt.strftime("%d %B %Y")
    frame["basin"] = rng.choice([f"Basin {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXY"], len(frame))
    return frame if with_storm else frame.drop(columns="storm")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_label_of_things_that_live_a_while_and_coexist_is_the_entity(seed):
    """A storm's rows sit in a short stretch of time, other storms' rows inside it: repeated
    observations of one thing, the entity, though its name is no id and it holds no codes.
    A day's label (stretches that never overlap) and a label spread over the whole range
    are not entities."""
    frame = _tracks(seed)
    report = audit(frame, "wind")
    assert report.time_column == "obs_time"
    assert report.group_column == "storm"
    assert audit(_tracks(seed, with_storm=False), "wind").group_column is None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_visit_of_a_longitudinal_study_is_its_time_order(seed):
    """A trial's patients examined at visits 1 to 4 (shuffled rows): the visit is the period
    index. A count of visits in a cross-section ("visits", from 0 up) is not."""
    rng = np.random.default_rng(seed)
    patients = np.repeat(np.arange(120), 4)
    visit = np.tile(np.arange(1, 5), 120)
    frame = pd.DataFrame(
        {
            "patient": [f"P-{p:03d}" for p in patients],
            "visit": visit,
            "age": np.repeat(rng.integers(20, 70, 120), 4),
        }
    )
    frame["good"] = (rng.random(len(frame)) < 0.3 + 0.08 * visit).astype(int)
    frame = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    report = audit(frame, "good")
    assert report.time_column == "visit"
    assert report.group_column == "patient"
    cross = pd.DataFrame({"visits": rng.poisson(3, 480), "age": rng.integers(20, 70, 480)})
    cross["good"] = (rng.random(480) < 0.4).astype(int)
    assert audit(cross, "good").time_column is None


def _contest(seed: int, seasons: list[str]) -> pd.DataFrame:
    """Seasons of a contest: 10 to 14 contestants each, one leaves per episode (the episode
    restarts every season)."""
    rng = np.random.default_rng(seed)
    rows = []
    for s, season in enumerate(seasons):
        size = int(rng.integers(10, 15))
        for episode in range(1, size):
            for k in range(episode - 1, size):
                rows.append((season, f"Queen {s}-{k} Star", episode, int(k == episode - 1)))
    frame = pd.DataFrame(rows, columns=["season", "contestant", "episode", "eliminated"])
    frame["score"] = np.round(rng.normal(0, 1, len(frame)) - frame["eliminated"], 3)
    return frame


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_numbered_seasons_written_as_text_are_the_time_order(seed):
    """ "S01" to "S12" named season are a period index (a prefix and a number); the episode
    restarts each season, and the contestant keys the rows with it: the entity. Seasons
    named by words ("Spring" ...) or a numbered grade not named like a period are not."""
    frame = _contest(seed, [f"S{k:02d}" for k in range(1, 13)])
    report = audit(frame, "eliminated")
    assert report.time_column == "season"
    assert report.group_column == "contestant"
    words = _contest(seed, ["Spring", "Summer", "Autumn", "Winter"] * 3)
    assert audit(words, "eliminated").time_column != "season"
    graded = frame.rename(columns={"season": "grade"})
    assert audit(graded, "eliminated").time_column != "grade"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_three_digits_reads_back_within_half_a_percent_and_never_as_a_power_of_ten(value):
    shown = three_digits(value)
    back = float(shown.replace(",", ""))
    assert abs(back - value) <= 0.005 * abs(value) + 1e-4
    if abs(value) >= 1e-4:
        assert "e" not in shown


def test_three_digits_writes_thousands_with_separators():
    assert three_digits(1133.4) == "1,130"
    assert three_digits(792.25) == "792"
    assert three_digits(0.01234) == "0.0123"
