"""5. Pick a metric: every metric on the same predictions, and experiments where each one lies."""

import streamlit as st

from components import checks, final_evaluation, metrics, page, plans, sidebar
from components import metrics_experiments as experiments
from lessons.content import sections

page.setup()
dataset = sidebar.active_dataset()
seed = sidebar.active_seed()
metrics.read_url()

st.title("5. Pick a metric")
plans.panel("metrics")
st.markdown(sections("metrics")["intro"])
context = metrics.prepare(dataset, seed)

st.header("Every metric on the same predictions")
metrics.side_by_side(context)

st.header("Move the threshold")
st.markdown(sections("metrics")["threshold"])
metrics.threshold_lab(context)

st.header("Metrics disagree about the best model")
metrics.models_disagree(context)

st.header("Rare positives: when accuracy lies")
experiments.imbalance(metrics.positive_share(context))

st.header("Outliers: RMSE against MAE")
experiments.outliers(seed)

st.header("Ranking: only the order counts")
experiments.ranking(context)

st.header("Forecasting: quantiles, and actuals near zero")
experiments.forecasting(context)
experiments.near_zero(seed)

st.header("Which metric for which problem")
metrics.guide(context)

final_evaluation.metrics_section(dataset, seed)

st.divider()
checks.render("metrics", dataset, seed)
