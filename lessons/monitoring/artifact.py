"""The shipped artifact: a model with a content hash of its fitted state."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

# --------------------------------------------------------------------------------------------
# The artifact
# --------------------------------------------------------------------------------------------


def content_hash(estimator: object) -> str:
    """A short SHA-256 of a fitted estimator's parameters and learned state.

    The estimator is walked and serialised deterministically (arrays by dtype, shape and
    bytes; numbers by ``repr``; mappings by sorted key); pickle is never used, so the hash
    depends only on what the model learned and how it was configured.
    """
    digest = hashlib.sha256()
    _feed(digest, estimator, depth=0, seen=set())
    return digest.hexdigest()[:16]


def _feed(digest, value: object, *, depth: int, seen: set[int]) -> None:
    if depth > 12:
        digest.update(b"<deep>")
        return
    if value is None or isinstance(value, bool | int | float | str | bytes | complex):
        digest.update(repr(value).encode())
        return
    if isinstance(value, np.generic):
        digest.update(repr(value.item()).encode())
        return
    if isinstance(value, np.ndarray):
        digest.update(f"ndarray{value.dtype.str}{value.shape}".encode())
        if value.dtype.hasobject:
            for item in value.ravel():
                _feed(digest, item, depth=depth + 1, seen=seen)
        else:
            digest.update(np.ascontiguousarray(value).tobytes())
        return
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            digest.update(str(key).encode())
            _feed(digest, value[key], depth=depth + 1, seen=seen)
        return
    if isinstance(value, list | tuple):
        digest.update(f"seq{len(value)}".encode())
        for item in value:
            _feed(digest, item, depth=depth + 1, seen=seen)
        return
    if id(value) in seen:
        return
    seen.add(id(value))
    digest.update(type(value).__qualname__.encode())
    if callable(value) and not hasattr(value, "get_params"):
        # A function (e.g. inside a FunctionTransformer): its name is its identity here.
        digest.update(getattr(value, "__qualname__", "").encode())
        return
    # scikit-learn trees keep their nodes in a Tree object that exposes its state as a dict.
    state = value.__getstate__() if hasattr(value, "__getstate__") else None
    if not isinstance(state, dict):
        state = getattr(value, "__dict__", None)
    if not isinstance(state, dict):
        digest.update(repr(value).encode())
        return
    for key in sorted(state):
        if key.startswith("_sklearn_version") or key == "n_jobs" or key == "verbose":
            continue
        digest.update(key.encode())
        _feed(digest, state[key], depth=depth + 1, seen=seen)


@dataclass(frozen=True)
class Artifact:
    """A shipped model, described like a materialised table.

    Attributes
    ----------
    model : str
        The recipe's name.
    params : tuple of (str, object)
        The recipe's parameters.
    version : int
    content_hash : str
        SHA-256 prefix of the fitted pipeline's parameters and learned state.
    features : tuple of str
        The columns it takes, in order.
    training_window : str
        Which rows it was built from.
    n_train : int
    metric : str
        The metric it is judged on.
    validation_score : float
        That metric on the held-out end of the training window.
    schedule : str
        The retraining schedule in words.
    """

    model: str
    params: tuple[tuple[str, object], ...]
    version: int
    content_hash: str
    features: tuple[str, ...]
    training_window: str
    n_train: int
    metric: str
    validation_score: float
    schedule: str
