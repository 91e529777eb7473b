"""The Vega-Lite charts a main control redraws: the control moves their data, never their spec."""

import numpy as np
import pandas as pd

from components.charts import framing, monitoring


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
