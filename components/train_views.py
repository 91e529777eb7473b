"""Lesson 4's views: the live scores, the four "look inside" views and the code to take away.

Each view computes only when it is on screen, on a sample of the rows, so opening one costs a
few small fits and the rest of the page stays live.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import streamlit as st

from components import lesson, room
from components.charts import training as charts
from components.text import code_name, escape_md
from components.train_cache import (
    Setup,
    boundary_features_cached,
    code_cached,
    curve_step_cached,
    learning_cached,
    loss_cached,
    surface_cached,
    validation_cached,
)
from lessons import codegen, scoring, training
from lessons.uncertainty import Comparison

LEARNING_RATE_KEY = "train_learning_rate"
EPOCH_KEY = "train_epoch"
FEATURE_X_KEY = "train_feature_x"
FEATURE_Y_KEY = "train_feature_y"
SHOW_CODE_KEY = "train_show_code"
PLOT_CONFIG = {"displayModeBar": False}
DEFAULT_LEARNING_RATE = 0.001


@dataclass(frozen=True)
class ViewContext:
    """The current fit and everything a view needs to explain it."""

    setup: Setup
    model: str
    params: tuple[tuple[str, object], ...]
    metric: str
    baseline: float | None
    result: training.FitResult
    text: dict[str, str]

    @property
    def metric_spec(self) -> scoring.Metric:
        return scoring.metric(self.metric)

    @property
    def model_label(self) -> str:
        return training.MODELS[self.model].label


def scores(
    text: dict[str, str],
    result: training.FitResult,
    baseline: float | None,
    baseline_label: str,
    note: str,
    noise: tuple[training.GapNoise, Comparison],
    previous: tuple[str, Comparison] | None = None,
    split: str = "",
) -> None:
    """Train and validation side by side, the fit time, the baseline, and what they mean.

    ``noise`` is the gap against the noise of the two scores and the paired comparison with
    the no-features baseline; ``previous`` the last fit's description and this fit's paired
    comparison with it, when the learner changed something.
    """
    metric = scoring.metric(result.metric)
    train_col, valid_col, base_col, time_col = st.columns(4)
    train_col.metric(f"Train {metric.name}", f"{result.train_score:.3f}")
    valid_col.metric(
        f"Validation {metric.name}",
        f"{result.validation_score:.3f}",
        delta=f"{result.validation_score - result.train_score:+.3f} vs train",
        delta_color="normal" if metric.greater_is_better else "inverse",
        help=f"±{noise[0].noise:.3f} is the noise of the gap to train (95%), from resampling "
        "the rows behind each score.",
    )
    if baseline is not None:
        base_col.metric(
            "Baseline",
            f"{baseline:.3f}",
            help="A model that ignores every feature: the bar to clear.",
        )
    time_col.metric(
        "Fit time", f"{result.fit_seconds:.2f} s", help="Fitting only, on the training rows."
    )
    st.caption(note)
    if previous is not None:
        described, comparison = previous
        st.caption(f"Against your previous fit ({described}): {comparison.text()}")
    figure, words = st.columns([3, 2])
    with figure:
        spec, data = charts.scores_chart(
            result.train_score,
            result.validation_score,
            baseline,
            metric_label=metric.name,
            baseline_label=baseline_label,
        )
        st.vega_lite_chart(data, spec, width="stretch", height=360, key="train_scores_chart")
    with words:
        st.markdown(text["scores"])
        asked = _scores_question(result, noise[0])
        room.vote_widget(asked)
        if lesson.reveal(
            "train_scores", "Ask the room: will validation beat train?", question=asked
        ):
            lesson.takeaway(scores_takeaway(result, *noise, split=split))


_GAP_ANSWERS = (
    ("train", "Train scores better, by more than the noise"),
    ("same", "Within the noise of each other"),
    ("validation", "Validation scores better, by more than the noise"),
)


def _scores_question(result: training.FitResult, gap: training.GapNoise) -> room.RoomQuestion:
    """Train against validation as a room question; the answer is the gap against its noise."""
    correct = "same" if gap.within_noise else "train" if gap.gap > 0 else "validation"
    return room.RoomQuestion(
        key="train_scores",
        context=f"{result.model}|{result.train_score:.6f}|{result.validation_score:.6f}",
        prompt="This fit: will it score better on train or on validation?",
        options=_GAP_ANSWERS,
        correct=correct,
    )


def scores_takeaway(
    result: training.FitResult, gap: training.GapNoise, versus: Comparison, *, split: str = ""
) -> str:
    """What the train-validation gap and the baseline comparison say, noise included.

    On a time split the validation rows come later than the training rows, so a gap beyond
    the noise is memorising, the future differing from the past, or both: the two scores alone
    cannot tell them apart (logistic regression on churn scores about the same on unseen
    customers of the training months as on its own rows, and 0.2 lower on later months), so
    the text never names memorising as the cause there.
    """
    label = training.MODELS[result.model].label
    band = f"±{gap.noise:.3f}"
    later = split == "time"
    if gap.within_noise:
        fit = (
            f"train and validation differ by {gap.gap:.3f}, inside the noise of the two "
            f"scores ({band}): {label} shows no sign of memorising"
        )
    elif gap.gap > 0 and later:
        fit = (
            f"{label} scores {gap.gap:.3f} better on rows it learned from than on the later "
            f"validation rows (noise {band}): it is memorising them (overfitting), the later "
            "rows behave differently from earlier ones (drift), or both; a time split alone "
            "cannot tell which"
        )
    elif gap.gap > 0.1:
        fit = (
            f"{label} scores {gap.gap:.3f} better on rows it learned from than on new rows "
            f"(noise {band}): it is memorising them (overfitting)"
        )
    elif gap.gap > 0:
        fit = (
            f"{label} scores {gap.gap:.3f} better on rows it learned from (noise {band}): "
            "a little memorising"
        )
    else:
        fit = (
            f"{label} scores {-gap.gap:.3f} better on validation than on train (noise {band}): "
            "the validation rows happen to be easier"
        )
    interval = f"95% interval of the gap {versus.low:+.3f} to {versus.high:+.3f}"
    if versus.better is None:
        return (
            f"{fit}. Against the no-features baseline on the same validation rows there is "
            f"no real difference ({interval}): it does **not** earn its keep yet."
        )
    if versus.better == versus.name_a:
        return (
            f"{fit}, and it beats the no-features baseline by {abs(versus.difference):.3f} "
            f"on the same new rows ({interval})."
        )
    return (
        f"{fit}, and it does **not** beat the no-features baseline on new rows ({interval}): "
        "worse than ignoring the features."
    )


def render(view: str, context: ViewContext) -> None:
    """Draw the chosen view."""
    {
        "model": _what_it_does,
        "loss": _loss_view,
        "learning": _learning_view,
        "validation": _validation_view,
    }[view](context)


def _loss_view(context: ViewContext) -> None:
    st.markdown(context.text["loss"])
    if not training.MODELS[context.model].linear:
        st.info(
            f"{context.model_label} is not fitted by gradient descent on one loss, so it has no "
            "epoch-by-epoch loss to show. The stepper below trains the linear model of this task "
            "(logistic regression or linear regression) by SGD.",
            icon=":material/info:",
        )
    controls, chart = st.columns([1, 3])
    with controls, lesson.demo_controls("Step through gradient descent"):
        rate = st.select_slider(
            "Learning rate",
            options=training.LEARNING_RATES,
            value=st.session_state.get(LEARNING_RATE_KEY, DEFAULT_LEARNING_RATE),
            key=LEARNING_RATE_KEY,
            help="The size of each step downhill. Try 0.0001 (crawls) and 10 (overshoots).",
        )
        curve = lesson.guarded(
            lambda: loss_cached(context.setup, rate), what="run gradient descent"
        )
        if curve is None:
            return
        shown = st.slider(
            "Epochs shown",
            min_value=1,
            max_value=curve.n_epochs,
            value=st.session_state.get(EPOCH_KEY, curve.n_epochs),
            key=EPOCH_KEY,
            help="Step the training forward one pass over the rows at a time.",
        )
    with chart:
        st.plotly_chart(
            charts.loss_figure(
                curve.epochs,
                curve.train_loss,
                curve.validation_loss,
                shown=shown,
                loss_name=curve.loss_name,
                learning_rate=curve.learning_rate,
                diverged_at=curve.diverged_at,
            ),
            config=PLOT_CONFIG,
            key="train_loss_chart",
        )
        lesson.takeaway(_loss_takeaway(curve, shown))


def _loss_takeaway(curve: training.LossCurve, shown: int) -> str:
    start, last = curve.train_loss[0], curve.train_loss[shown]
    rate = f"{curve.learning_rate:g}"
    if curve.diverged_at is not None and curve.diverged_at <= shown:
        at = curve.train_loss[curve.diverged_at]
        worse = (
            "overflows"
            if not np.isfinite(at)
            else f"is {at:.3f}, above the {start:.3f} it started at"
        )
        return (
            f"At learning rate {rate} the steps overshoot the valley: by epoch "
            f"{curve.diverged_at} the training loss {worse}. Lower the rate."
        )
    drop = (start - last) / start if start else 0.0
    valid = curve.validation_loss[shown]
    if drop < 0.25 and curve.learning_rate <= 0.001:
        return (
            f"At learning rate {rate} the training loss fell only {drop:.0%} in {shown} "
            "epochs: the steps are too small to get anywhere soon. Raise the rate."
        )
    return (
        f"After {shown} epochs at learning rate {rate} the training loss fell {drop:.0%}, "
        f"from {start:.3f} to {last:.3f}; the validation loss is {valid:.3f}."
    )


def _learning_view(context: ViewContext) -> None:
    st.markdown(context.text["learning_curve"])
    curve = lesson.guarded(
        lambda: learning_cached(context.setup, context.model, context.params, context.metric),
        what="compute the learning curve",
    )
    if curve is None:
        return
    metric = context.metric_spec
    st.plotly_chart(
        charts.curve_figure(
            curve.x,
            curve.train_scores,
            curve.validation_scores,
            title=f"Learning curve: {context.model_label}",
            x_label=f"training rows (sample of up to {curve.n_rows:,})",
            metric_label=metric.name,
            baseline=context.baseline,
        ),
        config=PLOT_CONFIG,
        key="train_learning_chart",
    )
    scored = np.flatnonzero(np.isfinite(curve.validation_scores) & np.isfinite(curve.train_scores))
    step = (
        curve_step_cached(
            context.setup,
            "learning",
            context.model,
            context.params,
            context.metric,
            int(scored[-1]),
            int(scored[-2]),
        )
        if len(scored) >= 2
        else None
    )
    lesson.takeaway(_curve_takeaway_learning(curve, metric, step))


def _curve_takeaway_learning(
    curve: training.Curve, metric: scoring.Metric, comparison: Comparison | None
) -> str:
    scored = np.flatnonzero(np.isfinite(curve.validation_scores) & np.isfinite(curve.train_scores))
    if len(scored) < 2:
        return "Too few scorable points: the small samples hold a single class."
    before, last = scored[-2], scored[-1]
    sign = 1 if metric.greater_is_better else -1
    gain = sign * (curve.validation_scores[last] - curve.validation_scores[before])
    gap = sign * (curve.train_scores[last] - curve.validation_scores[last])
    step = f"from {curve.x[before]:,} to {curve.x[last]:,} rows"
    if comparison is not None and comparison.better == comparison.name_a:
        trend = (
            f"still improving ({gain:+.3f} {step}, beyond the noise: 95% interval "
            f"{comparison.low:+.3f} to {comparison.high:+.3f}): more data would help"
        )
    elif comparison is not None:
        trend = (
            f"not measurably better {step} ({gain:+.3f}; the 95% interval of the change, "
            f"{comparison.low:+.3f} to {comparison.high:+.3f}, includes 0 or is negative): "
            "more rows of the same kind are unlikely to help much"
        )
    else:
        trend = f"{gain:+.3f} {step}"
    return f"Validation {metric.name} is {trend}; the train–validation gap at the largest size is {gap:.3f}."


def _validation_view(context: ViewContext) -> None:
    st.markdown(context.text["validation_curve"])
    spec = training.MODELS[context.model]
    if spec.curve_param is None:
        st.info(
            f"{spec.label} has no hyperparameter to sweep. Pick ridge regression to see its "
            "regularisation strength swept from stiff to loose.",
            icon=":material/info:",
        )
        return
    curve = lesson.guarded(
        lambda: validation_cached(context.setup, context.model, context.params, context.metric),
        what="compute the validation curve",
    )
    if curve is None:
        return
    metric = context.metric_spec
    st.plotly_chart(
        charts.curve_figure(
            curve.x,
            curve.train_scores,
            curve.validation_scores,
            title=f"Validation curve: {spec.param(spec.curve_param).label}",
            x_label=f"{curve.x_label} (dotted line: current setting)",
            metric_label=metric.name,
            baseline=context.baseline,
            current=dict(context.params).get(spec.curve_param),
        ),
        config=PLOT_CONFIG,
        key="train_validation_chart",
    )
    lesson.takeaway(_validation_takeaway(curve, metric, context))


def _validation_takeaway(
    curve: training.Curve, metric: scoring.Metric, context: ViewContext
) -> str:
    scores = curve.validation_scores
    if not np.isfinite(scores).any():
        return "No setting could be scored on this sample."
    best = int(np.nanargmax(scores) if metric.greater_is_better else np.nanargmin(scores))
    best_value = curve.x[best]
    spec = training.MODELS[context.model]
    current = dict(context.params).get(spec.curve_param)
    shown = "no limit" if best_value is None else best_value
    gap = (1 if metric.greater_is_better else -1) * (curve.train_scores[best] - scores[best])
    there = (
        f"there the train score is {gap:.3f} better"
        if gap > 0.0005
        else "there train and validation agree"
    )
    if best_value == current or current not in curve.x:
        advice = "that is the current setting" if best_value == current else ""
    else:
        comparison = curve_step_cached(
            context.setup,
            "validation",
            context.model,
            context.params,
            context.metric,
            best,
            curve.x.index(current),
        )
        now = "no limit" if current is None else current
        advice = (
            f"the current setting, {now}, is within the noise of it: no real difference"
            if comparison is None or comparison.better is None
            else f"it beats the current setting, {now}, by more than the noise (95% interval "
            f"{comparison.low:+.3f} to {comparison.high:+.3f})"
        )
    return (
        f"Validation {metric.name} peaks at {scores[best]:.3f} with {curve.x_label.lower()} = "
        f"{shown}" + (f" ({advice})" if advice else "") + f"; {there}."
    )


def _what_it_does(context: ViewContext) -> None:
    if context.setup.problem == "regression":
        _regression_view(context)
    else:
        _boundary_view(context)


def _regression_view(context: ViewContext) -> None:
    st.markdown(context.text["regression"])
    result = context.result
    target = context.setup.dataset.target
    actual = result.validation_true.astype(float)
    predicted = np.asarray(result.validation_pred, dtype=float)
    left, right = st.columns(2)
    with left:
        st.plotly_chart(
            charts.predicted_actual_figure(actual, predicted, target=str(target)),
            config=PLOT_CONFIG,
            key="train_predicted_chart",
        )
    with right:
        st.plotly_chart(
            charts.residuals_figure(actual, predicted, target=str(target)),
            config=PLOT_CONFIG,
            key="train_residuals_chart",
        )
    residuals = actual - predicted
    under = float((residuals > 0).mean())
    worst = float(np.max(np.abs(residuals))) if len(residuals) else 0.0
    typical = float(np.median(np.abs(residuals))) if len(residuals) else 0.0
    lesson.takeaway(
        f"On {len(actual):,} validation rows the typical miss is {_number(typical)} "
        f"and the worst {_number(worst)}; the model under-predicts {under:.0%} of them."
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def _boundary_view(context: ViewContext) -> None:
    st.markdown(context.text["boundary"])
    features = boundary_features_cached(context.setup)
    if len(features) < 2:
        st.info(
            "A decision boundary needs two numeric features, and this dataset has "
            f"{len(features)}. The scores above still apply.",
            icon=":material/info:",
        )
        return
    for key, default in ((FEATURE_X_KEY, features[0]), (FEATURE_Y_KEY, features[1])):
        if st.session_state.get(key) not in features:
            st.session_state[key] = default
    left, right = st.columns(2)
    feature_x = left.selectbox("Feature on the x axis", features, key=FEATURE_X_KEY)
    feature_y = right.selectbox("Feature on the y axis", features, key=FEATURE_Y_KEY)
    surface = lesson.guarded(
        lambda: surface_cached(
            context.setup, (feature_x, feature_y), context.model, context.params
        ),
        what="draw the decision boundary",
    )
    if surface is None:
        return
    spec, datasets = charts.boundary_chart(
        surface.grid_x,
        surface.grid_y,
        surface.predicted,
        surface.classes,
        surface.points_x,
        surface.points_y,
        surface.points_class,
        feature_x=str(feature_x),
        feature_y=str(feature_y),
        model_label=context.model_label,
        probability=surface.probability,
        target=str(context.setup.dataset.target),
    )
    st.vega_lite_chart(
        None,
        {**spec, "datasets": datasets},
        width="stretch",
        height=460,
        key="train_boundary_chart",
    )
    lesson.takeaway(
        _boundary_takeaway(
            surface, feature_x, feature_y, context.model_label, str(context.setup.dataset.target)
        )
    )


NEAR_THE_SHARE = 0.1
"""Probabilities within this of the class's share, all over the plane, say the two features
tell little about the class."""


def _boundary_takeaway(
    surface: training.Surface, feature_x: str, feature_y: str, model: str, target: str
) -> str:
    """What the two-feature model gets right against always answering the common class, and
    where on the plane it predicts each class (or how far it leans, when it never switches)."""
    known = surface.points_class[surface.points_class >= 0]
    shares = np.bincount(known, minlength=len(surface.classes)) / max(len(known), 1)
    common = escape_md(str(surface.classes[int(shares.argmax())]))
    scored = (
        f"From {code_name(feature_x)} and {code_name(feature_y)} alone, {model} gets "
        f"{surface.validation_accuracy:.1%} of {len(known):,} validation rows right; always "
        f"answering {common} gets {shares.max():.1%}"
    )
    if surface.probability is None:
        regions = len(np.unique(surface.predicted))
        return (
            f"{scored}. It predicts {regions} of the {len(surface.classes)} classes somewhere "
            "on the plane."
        )
    named = f"P({escape_md(target)} = {escape_md(str(surface.classes[1]))})"
    low, high = float(surface.probability.min()), float(surface.probability.max())
    flagged = float((surface.predicted == 1).mean())
    lean = (
        f"{scored}. Its {named} runs from {low:.2f} to {high:.2f} across the plane, against "
        f"a share of {shares[1]:.2f} among these rows"
    )
    if flagged > 0:
        return f"{lean}; it predicts {escape_md(str(surface.classes[1]))} on {flagged:.0%} of it."
    if max(abs(low - shares[1]), abs(high - shares[1])) <= NEAR_THE_SHARE:
        return (
            f"{lean}: it never reaches 0.5, so no line is drawn. Probabilities this close to "
            "the share say the two features tell little; a lower threshold would draw a line, "
            "but whether it helps is lesson 5's question."
        )
    return (
        f"{lean}: it never reaches 0.5, so no line is drawn, yet it does tell parts of the "
        "plane apart; a lower threshold would draw a line, and where to put it is lesson 5's "
        "question."
    )


def code(context: ViewContext) -> None:
    """The generated code: downloads of the script and the notebook, the script on request.

    Both are built only when asked for (a click on a download, the toggle): on every move of
    a knob the page used to build them, store them for download and send the script's 9 kB
    of highlighted code to the browser, a third of what a move of C sent, unseen by most.
    """
    st.subheader("Take it away: the same fit as code")
    st.markdown(context.text["code"])
    stem = codegen.stem(context.setup.dataset.name, context.model)
    python_col, notebook_col = st.columns(2)
    python_col.download_button(
        "Download the script (.py)",
        _deferred(context, "script"),
        file_name=f"{stem}.py",
        mime="text/x-python",
        key="train_download_script",
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
    notebook_col.download_button(
        "Download the notebook (.ipynb)",
        _deferred(context, "notebook"),
        file_name=f"{stem}.ipynb",
        mime="application/x-ipynb+json",
        key="train_download_notebook",
        on_click="ignore",
        icon=":material/download:",
        width="stretch",
    )
    # A toggle, not an expander: a closed expander's body still runs and is sent.
    if st.toggle("Show the code", key=SHOW_CODE_KEY):
        st.code(_code(context)[0], language="python")


def _deferred(context: ViewContext, part: str) -> Callable[[], str]:
    """What a download button hands Streamlit: the file built when the button is clicked,
    for the fit on screen when it was drawn (``part`` is ``"script"`` or ``"notebook"``)."""
    index = ("script", "notebook").index(part)
    return lambda: _code(context)[index]


def _code(context: ViewContext) -> tuple[str, str]:
    return code_cached(context.setup, context.model, context.params, context.metric)
