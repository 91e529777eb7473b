"""Lesson 4, what a model does: its decision boundary on two features."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lessons.errors import DataError
from lessons.features import as_float, learn_roles
from lessons.models import check_params, model_pipeline
from lessons.training.fitting import Prepared, _sample, single_threaded

# ---------------------------------------------------------------------------------------------
# What the model does: a decision boundary on two features
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Surface:
    """A model's predictions over a grid of two features, with validation rows on top.

    Attributes
    ----------
    feature_x, feature_y : str
    grid_x, grid_y : numpy.ndarray
        The grid's coordinates (1-D each).
    predicted : numpy.ndarray
        Class index predicted at each grid point, shape ``(len(grid_y), len(grid_x))``.
    classes : tuple
        The class labels, in the order of the indices.
    points_x, points_y : numpy.ndarray
        Validation rows (a sample).
    points_class : numpy.ndarray
        Their true class index.
    validation_accuracy : float
        Accuracy of the two-feature model on the validation sample.
    probability : numpy.ndarray or None
        For two classes, the predicted probability of the second (``classes[1]``) at each grid
        point, shaped like ``predicted``; None for more classes, or a model without
        probabilities. A model on an imbalanced
        target can predict the common class on the whole plane while its probabilities still
        lean, so the chart shades them.
    """

    feature_x: str
    feature_y: str
    grid_x: np.ndarray
    grid_y: np.ndarray
    predicted: np.ndarray
    classes: tuple
    points_x: np.ndarray
    points_y: np.ndarray
    points_class: np.ndarray
    validation_accuracy: float
    probability: np.ndarray | None = None


def boundary_features(prepared: Prepared) -> list[str]:
    """Numeric features a decision boundary can be drawn on, in the table's order.

    Flags (two values) are left out: a plane with one axis at 0 or 1 shows two lines of dots.
    """
    rows = prepared.dataset.X.iloc[prepared.train]
    numeric = learn_roles(rows).numeric
    return [column for column in numeric if rows[column].nunique() > 2]


def decision_surface(
    prepared: Prepared,
    feature_x: str,
    feature_y: str,
    model: str,
    params: dict,
    *,
    resolution: int = 50,
    max_rows: int = 1_000,
    random_state: int = 0,
) -> Surface:
    """Fit ``model`` on two numeric features only and predict over a grid of them.

    The boundary is the model's, seen through a two-feature window: a deep tree draws boxes,
    logistic regression a straight line, k-NN islands.
    """
    if feature_x == feature_y:
        raise DataError("Pick two different features for the two axes.")
    dataset = prepared.dataset
    params = check_params(model, params)
    train = _sample(prepared.train, max_rows, random_state)
    validation = _sample(prepared.validation, 600, random_state)
    columns = [feature_x, feature_y]
    X, y = as_float(dataset.frame[columns]), dataset.y
    if model == "knn":
        params = {**params, "n_neighbors": min(int(params["n_neighbors"]), len(train) - 1)}
    pipeline = model_pipeline(model, "classification", params, random_state)
    with single_threaded():
        pipeline.fit(X.iloc[train], y.iloc[train])
    classes = tuple(pipeline.classes_.tolist())
    lows = X.iloc[train].quantile(0.01)
    highs = X.iloc[train].quantile(0.99)
    grid_x = np.linspace(lows[feature_x], highs[feature_x], resolution)
    grid_y = np.linspace(lows[feature_y], highs[feature_y], resolution)
    mesh_x, mesh_y = np.meshgrid(grid_x, grid_y)
    grid = pd.DataFrame({feature_x: mesh_x.ravel(), feature_y: mesh_y.ravel()})
    index = {label: i for i, label in enumerate(classes)}
    # One pass over the grid: the predicted class is the most probable one (as ``predict``
    # has it for these models). A model without probabilities (a linear SVM's hinge loss) is
    # shaded by class.
    probability = None
    if hasattr(pipeline, "predict_proba"):
        probabilities = pipeline.predict_proba(grid)
        predicted = probabilities.argmax(axis=1).reshape(mesh_x.shape)
        if len(classes) == 2:
            probability = probabilities[:, 1].reshape(mesh_x.shape)
    else:
        predicted = np.array([index[p] for p in pipeline.predict(grid)]).reshape(mesh_x.shape)
    points = X.iloc[validation].dropna()
    truth = y.loc[points.index]
    accuracy = float((pipeline.predict(points) == truth.to_numpy()).mean()) if len(points) else 0.0
    return Surface(
        feature_x,
        feature_y,
        grid_x,
        grid_y,
        predicted,
        classes,
        points[feature_x].to_numpy(dtype=float),
        points[feature_y].to_numpy(dtype=float),
        np.array([index.get(label, -1) for label in truth]),
        accuracy,
        probability,
    )
