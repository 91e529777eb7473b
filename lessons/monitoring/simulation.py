"""The production simulation: months of traffic, drift, and what each policy does about it."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import clone

from lessons.datasets import Dataset
from lessons.errors import DataError
from lessons.event import positive_class
from lessons.features import labelled_frame
from lessons.monitoring.artifact import Artifact, content_hash
from lessons.monitoring.drift import drift_alert, feature_drift, psi_bins, reference_counts
from lessons.monitoring.outcomes import check_outcomes, outcome_feed_broken, reference_check
from lessons.monitoring.policies import _flips, _output_psi, _run_policy
from lessons.monitoring.production import (
    Month,
    Simulation,
    _binary_target,
    _drift_feature,
    _output,
    _sample_month,
    _windows,
    metric_for,
    monitored_features,
    month_draw,
    shipped_pipeline,
)
from lessons.monitoring.settings import (
    INJECTED,
    POLICIES,
    RETRAIN_ROWS,
    SCENARIOS,
    SHIP_ROWS,
)


def simulate(
    dataset: Dataset,
    estimator: object,
    *,
    model: str,
    params: dict,
    scenario: str = "none",
    intensity: float = 0.5,
    delay: int = 2,
    corrupt_month: int | None = 6,
    random_state: int = 0,
    with_policies: bool = True,
) -> Simulation:
    """Ship a model on the training window and run production month by month.

    Parameters
    ----------
    dataset : Dataset
    estimator : scikit-learn estimator
        The unfitted recipe; it is wrapped in the honest preprocessing pipeline and cloned for
        every rebuild.
    model : str
        The recipe's name, for the artifact card.
    params : dict
        The recipe's parameters, for the artifact card.
    scenario : {"none", "covariate", "prior", "concept", "real"}
        The four injected scenarios run on a production pool drawn from the training
        window's distribution, so only the injected drift moves; ``"real"`` replays the
        dataset's own later months, whatever drift they hold.
    intensity : float
        From 0 (no injected drift) to 1 (strong by the last month); drift grows linearly.
    delay : int
        Months before a month's outcomes arrive.
    corrupt_month : int or None
        A month whose arriving outcomes are all one default value (a broken join), or None.
    random_state : int
    with_policies : bool
        False skips the retraining policies and the rebuilds (``policies`` is empty and
        ``flips`` too): what the monitors see month by month does not depend on them, and
        checking the alerts across many seeds is then several times faster.

    Returns
    -------
    Simulation
    """
    if scenario not in SCENARIOS:
        raise DataError(f"Unknown drift scenario {scenario!r}; pick one of {', '.join(SCENARIOS)}.")
    rng = np.random.default_rng(random_state)
    frame = labelled_frame(dataset).reset_index(drop=True)
    task = dataset.task
    target = dataset.target
    train_positions, month_pools, window_text, real = _windows(
        dataset, frame, rng, real=scenario == "real"
    )
    roles = monitored_features(frame.iloc[train_positions][dataset.feature_columns])
    numeric, categorical = list(roles.numeric), list(roles.categorical)
    features = [*numeric, *categorical]
    y = frame[target]
    positive = positive_class(y, dataset.event) if task == "binary" else None
    drifted = (
        _drift_feature(frame.iloc[train_positions], y.iloc[train_positions], numeric, task)
        if numeric
        else ""
    )

    # Ship v1: fit on the first 80 % of the window, validate on the rest (in time order on
    # the real months; the injected scenarios' window is a random half, so a random 20 %).
    n_fit = int(len(train_positions) * 0.8)
    fit_rows, validation_rows = train_positions[:n_fit][-SHIP_ROWS:], train_positions[n_fit:]
    if task != "regression" and y.iloc[fit_rows].nunique() < 2:
        raise DataError("The training window holds a single class; there is nothing to ship.")
    recipe = shipped_pipeline(estimator)
    shipped = clone(recipe).fit(frame.iloc[fit_rows][features], y.iloc[fit_rows])
    reference_scores = _output(task, shipped, frame.iloc[validation_rows][features], positive)
    validation_truth = _binary_target(task, y.iloc[validation_rows], positive)
    shipped_check = reference_check(task, validation_truth, reference_scores)
    validation_score = shipped_check.score
    artifact = Artifact(
        model=model,
        params=tuple(sorted((str(k), v) for k, v in params.items())),
        version=1,
        content_hash=content_hash(shipped),
        features=tuple(features),
        training_window=window_text,
        n_train=len(fit_rows),
        metric=metric_for(task),
        validation_score=validation_score,
        schedule="",
    )
    reference = frame.iloc[train_positions][features].reset_index(drop=True)
    prepared = reference_counts(reference, categorical)
    # A month drawn with replacement repeats rows: fewer independent rows than its length.
    n_effective = month_draw(
        min(len(pool) for _, pool in month_pools), weighted=scenario in ("covariate", "prior")
    ).n_effective
    bins = psi_bins(len(reference), n_effective)

    months: list[Month] = []
    arrived: list[pd.DataFrame] = []
    for index, (label, pool) in enumerate(month_pools):
        strength = intensity * (index + 1) / len(month_pools) if scenario in INJECTED else 0.0
        month = _sample_month(
            frame,
            pool,
            scenario=scenario,
            strength=strength,
            target=target,
            task=task,
            positive=positive,
            feature=drifted or None,
            rng=rng,
        )
        scores = _output(task, shipped, month[features], positive)
        truth = _binary_target(task, month[target], positive)
        months.append(
            Month(
                index=index,
                label=label,
                frame=month[[*features, target]],
                scores=scores,
                outcomes=check_outcomes(
                    task, truth, scores, reference=shipped_check, n_effective=n_effective
                ),
                drift=feature_drift(
                    reference, month, numeric, categorical, prepared=prepared, bins=bins
                ),
                prediction_psi=_output_psi(task, reference_scores, scores, bins),
            )
        )
        outcomes = month[[*features, target]].copy()
        if corrupt_month is not None and index == corrupt_month:
            # A LEFT JOIN to a late outcome table, with a default for the missing side.
            outcomes[target] = outcomes[target].mode().iloc[0]
        arrived.append(outcomes)
    # The outcome data check on arrival: a month whose outcomes all hold one value is
    # quarantined, kept out of every later training window, as a failed data test blocks a
    # partition from every later build.
    quarantined = {i for i, outcomes in enumerate(arrived) if outcome_feed_broken(outcomes[target])}

    policies: dict = {}
    flips: tuple = ()
    if with_policies:
        window_rows = min(len(fit_rows), RETRAIN_ROWS)
        window_tail = frame.iloc[fit_rows][[*features, target]].tail(window_rows)
        candidates: dict[int, tuple] = {}
        windows: dict[int, pd.DataFrame] = {id(shipped): reference}
        drift_memo: dict[tuple[int, int], bool] = {}

        def drifted_since_training(pipeline, month: Month) -> bool:
            # Drift is measured against the window the live version was trained on.
            if pipeline is shipped:
                return month.alert
            key = (id(pipeline), month.index)
            if key not in drift_memo:
                drift_memo[key] = drift_alert(
                    feature_drift(
                        windows[id(pipeline)], month.frame, numeric, categorical, bins=bins
                    )
                )
            return drift_memo[key]

        def candidate_for(labelled: int) -> tuple:
            # Train on the latest labelled months (topped up with the end of the old window),
            # keep 30 % of the newest month aside to judge the candidate against the live model.
            if labelled not in candidates:
                newest = arrived[labelled]
                # Hold out whole rows: a row drawn twice must not sit on both sides.
                rows = np.unique(newest.index)
                held = np.random.default_rng(random_state + labelled).random(len(rows)) < 0.3
                holdout = newest.index.isin(rows[held])
                if labelled in quarantined:
                    candidates[labelled] = (None, newest[holdout])
                    return candidates[labelled]
                recent = [
                    arrived[i]
                    for i in range(max(labelled - 2, 0), labelled)
                    if i not in quarantined
                ]
                window = pd.concat([window_tail, *recent, newest[~holdout]]).tail(window_rows)
                if task != "regression" and window[target].nunique() < 2:
                    candidates[labelled] = (None, newest[holdout])
                else:
                    fitted = clone(recipe).fit(window[features], window[target])
                    windows[id(fitted)] = window[features].reset_index(drop=True)
                    candidates[labelled] = (fitted, newest[holdout])
            return candidates[labelled]

        outputs: dict[tuple[int, int], np.ndarray] = {}

        def output_of(pipeline, key: int, rows: pd.DataFrame) -> np.ndarray:
            # Versions are shared between policies; each scores a month once.
            if (id(pipeline), key) not in outputs:
                outputs[id(pipeline), key] = _output(task, pipeline, rows[features], positive)
            return outputs[id(pipeline), key]

        for month in months:
            outputs[id(shipped), month.index] = month.scores
        policies = {
            policy: _run_policy(
                policy,
                shipped,
                months,
                delay=delay,
                task=task,
                target=target,
                positive=positive,
                shipped=shipped_check,
                candidate=candidate_for,
                output_of=output_of,
                drifted=drifted_since_training,
            )
            for policy in POLICIES
        }
        flips = _flips(
            recipe,
            frame,
            train_positions,
            fit_rows,
            arrived,
            months,
            quarantined=quarantined,
            features=features,
            target=target,
            task=task,
            positive=positive,
            delay=delay,
            random_state=random_state,
        )

    return Simulation(
        artifact=artifact,
        task=task,
        scenario=scenario,
        intensity=intensity,
        delay=delay,
        corrupt_month=corrupt_month,
        drifted_feature=drifted,
        numeric=tuple(numeric),
        categorical=tuple(categorical),
        reference=reference,
        reference_scores=reference_scores,
        shipped=shipped_check,
        months=tuple(months),
        policies=policies,
        flips=flips,
        real_months=real,
    )
