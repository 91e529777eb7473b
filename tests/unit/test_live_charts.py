"""The Vega-Lite charts a main control redraws: the control moves their data, never their spec."""

import numpy as np
import pandas as pd

from components.charts import framing, leakage, metrics, monitoring, training
from lessons import metrics as lm


def test_the_cost_curve_is_cut_at_the_top_of_the_view_and_its_spec_takes_no_cost():
    thresholds = np.linspace(0, 1, 11)
    high = np.array([9.0, 1.0, 0.5, 0.4, 0.3, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]) / 1000
    low = high / 2
    spec, data = framing.cost_curve(thresholds, high, 0.5, 0.4, "0.5")
    other_spec, other_data = framing.cost_curve(thresholds, low, 0.6, 0.3, "0.6")
    assert spec == other_spec and not data.equals(other_data)
    curve = data[data["path"] >= 0]
    top = data["ceiling"].iloc[0] / 1.05
    # Nothing above the view; the crossing from 1.0 down to 0.5 sits on its edge.
    assert curve["cost"].max() <= top + 1e-9
    assert np.isclose(curve["cost"].iloc[0], top) and 0.1 < curve["threshold"].iloc[0] < 0.2
    cheapest = data[data["path"] < 0]
    assert np.allclose(cheapest[["threshold", "cost"]].to_numpy(), [[0.5, 0.2]])


def test_the_month_charts_keep_their_spec_from_month_to_month():
    reference = pd.Series(np.linspace(0, 1, 200))
    specs = set()
    for month in ("month 1", "month 9"):
        spec, data = monitoring.predictions_then_now(
            reference.to_numpy(), (reference**2).to_numpy(), task="binary", month=month
        )
        specs.add(str(spec))
        assert data["title"][0] == f"Predictions: at shipping against {month}"
        assert np.isclose(data.groupby("series")["share"].sum(), 1).all()
    assert len(specs) == 1
    labels = [f"month {i}" for i in range(1, 5)]
    performance = [0.8, 0.7, 0.75, 0.6]
    early = monitoring.performance_over_months(
        labels, performance, [True, False, False, False], current=1, metric="AUC", shipped_score=0.8
    )
    late = monitoring.performance_over_months(
        labels, performance, [True, True, True, False], current=3, metric="AUC", shipped_score=0.8
    )
    assert early[0] == late[0]
    assert late[1]["series"].tolist() == ["outcomes arrived"] * 3 + ["outcomes not in yet"]


def _scores(n: int = 400) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    y_true = rng.random(n) < 0.2
    return y_true.astype(int), np.clip(0.5 * y_true + rng.normal(0.25, 0.2, n), 0, 1)


def test_the_threshold_charts_keep_their_spec_as_the_threshold_moves():
    y_true, score = _scores()
    curves = lm.curves(y_true, score, cost_false_positive=1, cost_false_negative=5)
    for build in (
        lambda point: metrics.confusion_chart(point, ("legit", "fraud")),
        lambda point: metrics.cost_chart(curves, point),
        lambda point: metrics.roc_chart(curves, point),
        lambda point: metrics.pr_chart(curves, point, float(y_true.mean())),
    ):
        drawn = [
            build(
                lm.operating_point(y_true, score, t, cost_false_positive=1, cost_false_negative=5)
            )
            for t in (0.2, 0.6)
        ]
        (spec, data), (other_spec, other_data) = drawn
        assert spec == other_spec and not data.equals(other_data)


def test_the_threshold_charts_show_the_operating_point_they_are_given():
    y_true, score = _scores()
    curves = lm.curves(y_true, score, cost_false_positive=1, cost_false_negative=5)
    point = lm.operating_point(y_true, score, 0.4, cost_false_positive=1, cost_false_negative=5)
    _, matrix = metrics.confusion_chart(point, ("legit", "fraud"))
    assert matrix["count"].tolist() == [
        point.true_negatives,
        point.false_positives,
        point.false_negatives,
        point.true_positives,
    ]
    assert matrix["title"][0] == "Confusion matrix at threshold 0.40"
    assert matrix["decision"].tolist()[:2] == ["flagged legit", "flagged fraud"]
    _, cost = metrics.cost_chart(curves, point)
    current = cost[cost["kind"] == "current"]
    assert current["series"].tolist() == ["threshold 0.40"]
    assert np.allclose(current[["x", "y"]].to_numpy(), [[0.4, point.cost]])
    # The curve stops at the top of the view, which holds the current point.
    assert cost[cost["kind"] == "curve"]["y"].max() <= cost["ceiling"][0] + 1e-9
    assert point.cost <= cost["ceiling"][0]
    _, roc = metrics.roc_chart(curves, point)
    assert f"model (AUC {curves.roc_auc:.3f})" in roc["series"].tolist()


def test_the_leak_switch_changes_the_three_scores_data_never_their_spec():
    on = leakage.three_scores_chart("ROC AUC", 0.99, 0.81, 0.8, leak_on=True, title="Leak: churn")
    off = leakage.three_scores_chart("ROC AUC", 0.82, 0.81, 0.8, leak_on=False, title="Leak: churn")
    hidden = leakage.three_scores_chart(
        "ROC AUC", None, 0.81, None, leak_on=True, title="Leak: hidden"
    )
    assert on[0] == off[0] == hidden[0]
    assert on[1]["label"].tolist() == ["0.990", "0.810", "0.800"]
    assert off[1]["bar"][0] == "Reported (leak off)" and off[1]["role"][0] == "honest"
    assert hidden[1]["label"].tolist() == ["? (reveal)", "0.810", "? (reveal)"]
    # A negative score (R² can be) pulls the bottom of the view below zero.
    negative = leakage.three_scores_chart("R²", -0.2, 0.3, 0.1, leak_on=True, title="t")
    assert negative[1]["low"][0] == -0.2


def test_a_knob_move_changes_the_training_charts_data_never_their_spec():
    loose = training.scores_chart(0.9, 0.8, 0.5, metric_label="ROC AUC", baseline_label="prior")
    tight = training.scores_chart(0.7, 0.69, 0.5, metric_label="ROC AUC", baseline_label="prior")
    assert loose[0] == tight[0] and not loose[1].equals(tight[1])
    assert loose[1]["label"].tolist() == ["0.900", "0.800", "0.500"]
    assert loose[1]["rows"][2] == "baseline\n(prior)"
    grid = np.linspace(0, 1, 5)
    points = (np.array([0.1, 0.9]), np.array([0.2, 0.8]), np.array([0, 1]))
    shapes = []
    for cut in (2, 3):
        predicted = (np.add.outer(np.arange(5), np.arange(5)) >= cut + 2).astype(int)
        spec, datasets = training.boundary_chart(
            grid,
            grid,
            predicted,
            ("no", "yes"),
            *points,
            feature_x="a",
            feature_y="b",
            model_label="logistic regression",
        )
        shapes.append((str(spec), datasets))
    assert shapes[0][0] == shapes[1][0]
    # The cells move with the knob; the validation rows, a dataset of their own, do not.
    assert not shapes[0][1]["boundary"].equals(shapes[1][1]["boundary"])
    assert shapes[0][1]["rows"].equals(shapes[1][1]["rows"])
    boundary = shapes[0][1]["boundary"]
    cells = boundary[boundary["kind"] == "cell"]
    # One run per class along each row, together covering exactly the grid's extent.
    widths = (cells["x2"] - cells["x"]) * (cells["y2"] - cells["y"])
    assert np.isclose(widths.sum(), 1) and cells["x"].min() == 0 and cells["x2"].max() == 1
    assert len(cells) == 9  # the last row is "yes" throughout, every other row two runs
    # The runs cover the same area as the cells predicted "yes".
    size = np.diff([0, 0.125, 0.375, 0.625, 0.875, 1])
    predicted = (np.add.outer(np.arange(5), np.arange(5)) >= 4).astype(int)
    yes = cells[cells["predicted"] == "yes"]
    area = ((yes["x2"] - yes["x"]) * (yes["y2"] - yes["y"])).sum()
    assert np.isclose(area, (predicted * np.outer(size, size)).sum())


def test_a_shared_figure_is_built_once_for_the_same_data_and_never_changed_by_showing_it():
    import streamlit as st

    from components.charts import splits

    bars = [("random split", 0.91, "leaky"), ("time split", 0.78, "honest")]
    shown = splits.gap_figure(bars, metric="ROC AUC")
    before = shown.to_json()
    st.plotly_chart(shown)
    again = splits.gap_figure(list(bars), metric="ROC AUC")
    assert again is shown and again.to_json() == before
    other = splits.gap_figure([bars[0], ("time split", 0.70, "honest")], metric="ROC AUC")
    assert other is not shown and other.to_json() != before


def test_a_two_class_boundary_is_shaded_by_probability_with_the_switch_drawn():
    grid = np.linspace(0, 1, 5)
    points = (np.array([0.1, 0.9]), np.array([0.2, 0.8]), np.array([0, 1]))
    leaning = np.add.outer(grid, grid) / 2  # probability rises along the diagonal
    charts_ = []
    for scale in (0.3, 1.0):
        probability = leaning * scale
        predicted = (probability > 0.5).astype(int)
        charts_.append(
            training.boundary_chart(
                grid,
                grid,
                predicted,
                ("no", "yes"),
                *points,
                feature_x="a",
                feature_y="b",
                model_label="logistic regression",
                probability=probability,
            )
        )
    (weak_spec, weak), (strong_spec, strong) = charts_
    # A knob move changes the data only.
    weak, strong = weak["boundary"], strong["boundary"]
    assert str(weak_spec) == str(strong_spec) and not weak.equals(strong)
    # The weak model never reaches 0.5: no switch to draw, yet its cells span its own range.
    assert not (weak["kind"] == "switch").any()
    cells = weak[weak["kind"] == "cell"]
    assert cells["probability"].min() < 0.05 and cells["probability"].max() > 0.25
    # The strong one crosses 0.5: the switch runs between cells predicted differently.
    switches = strong[strong["kind"] == "switch"]
    assert len(switches) > 0
    predicted = (leaning > 0.5).astype(int)
    flips = int(
        (predicted[:, 1:] != predicted[:, :-1]).sum() + (predicted[1:] != predicted[:-1]).sum()
    )
    assert len(switches) == flips


def test_a_boundary_of_several_classes_keeps_each_class_colour_whatever_the_cells_hold():
    grid = np.linspace(0, 1, 4)
    points = (np.array([0.1, 0.5, 0.9]), np.array([0.1, 0.5, 0.9]), np.array([0, 1, 2]))
    spec, datasets = training.boundary_chart(
        grid,
        grid,
        np.zeros((4, 4), dtype=int),  # only the first class is predicted anywhere
        ("a", "b", "c"),
        *points,
        feature_x="x",
        feature_y="y",
        model_label="tree",
    )
    cells, dots = spec["layer"][0]["encoding"]["color"], spec["layer"][2]["encoding"]["color"]
    assert (
        cells["scale"]["domain"] == dots["scale"]["domain"] == ["actual a", "actual b", "actual c"]
    )
    assert not (datasets["boundary"]["kind"] == "switch").any()
