"""The scikit-learn code of a split choice, as the page shows it and the export writes it."""

from __future__ import annotations

from lessons.choices import SplitChoice
from lessons.datasets import Dataset
from lessons.splits.buckets import _as_time, default_time_cuts, time_values
from lessons.splits.guarantees import _show_time
from lessons.splits.strategies import DEFAULT_K, DEFAULT_SIZES, default_strategy

# --------------------------------------------------------------------------- the code


def split_code(dataset: Dataset, choice: SplitChoice, *, random_state: int = 0) -> str:
    """The scikit-learn code that makes the split on screen, with the current parameters."""
    strategy = choice.strategy if choice.strategy != "auto" else default_strategy(dataset)[0]
    target = dataset.target
    sizes = choice.param("sizes", DEFAULT_SIZES)
    k = int(choice.param("k", DEFAULT_K))
    test_size = float(choice.param("test_size", DEFAULT_SIZES[2]))
    group = choice.param("column") or dataset.group_column or "entity_id"
    seed = random_state
    header = "from sklearn.model_selection import {}\n\n"
    if strategy in ("random", "stratified"):
        stratify = ", stratify=y" if strategy == "stratified" else ""
        stratify_rest = ", stratify=y_rest" if strategy == "stratified" else ""
        inner = sizes[1] / (sizes[0] + sizes[1])
        return header.format("train_test_split") + (
            f'X, y = df.drop(columns="{target}"), df["{target}"]\n'
            f"X_rest, X_test, y_rest, y_test = train_test_split(\n"
            f"    X, y, test_size={sizes[2]:.2f}, random_state={seed}{stratify}\n)\n"
            f"X_train, X_val, y_train, y_val = train_test_split(\n"
            f"    X_rest, y_rest, test_size={inner:.3f}, random_state={seed}{stratify_rest}\n)"
        )
    if strategy == "time":
        cuts = default_time_cuts(dataset, sizes)
        values = time_values(dataset)
        start = _show_time(_as_time(choice.param("validation_start", cuts[0]), values))
        end = _show_time(_as_time(choice.param("test_start", cuts[1]), values))
        column = dataset.time_column
        return (
            "# No shuffling: cut at dates, so the model only ever learns from the past.\n"
            f'train = df[df["{column}"] < "{start}"]\n'
            f'val = df[(df["{column}"] >= "{start}") & (df["{column}"] < "{end}")]\n'
            f'test = df[df["{column}"] >= "{end}"]'
        )
    if strategy == "group":
        inner = sizes[1] / (sizes[0] + sizes[1])
        return header.format("GroupShuffleSplit") + (
            f'groups = df["{group}"]\n'
            f"outer = GroupShuffleSplit(n_splits=1, test_size={sizes[2]:.2f}, random_state={seed})\n"
            f"rest_idx, test_idx = next(outer.split(df, groups=groups))\n"
            f"rest = df.iloc[rest_idx]\n"
            f"inner = GroupShuffleSplit(n_splits=1, test_size={inner:.3f}, random_state={seed})\n"
            f'train_idx, val_idx = next(inner.split(rest, groups=rest["{group}"]))'
        )
    holdout = {
        "kfold": f"X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size={test_size:.2f}, random_state={seed})",
        "stratified_kfold": f"X_rest, X_test, y_rest, y_test = train_test_split(\n    X, y, test_size={test_size:.2f}, random_state={seed}, stratify=y\n)",
        "time_series": "# the test bucket is the last dates, held out before the folds (see the time split)",
        "group_kfold": "# the test bucket holds whole entities, held out first with GroupShuffleSplit",
    }[strategy]
    if strategy == "kfold":
        cv = f"cv = KFold(n_splits={k}, shuffle=True, random_state={seed})"
        call = "cross_val_score(model, X_rest, y_rest, cv=cv)"
        names = "KFold, cross_val_score, train_test_split"
    elif strategy == "stratified_kfold":
        cv = f"cv = StratifiedKFold(n_splits={k}, shuffle=True, random_state={seed})"
        call = "cross_val_score(model, X_rest, y_rest, cv=cv)"
        names = "StratifiedKFold, cross_val_score, train_test_split"
    elif strategy == "time_series":
        gap = int(choice.param("gap", 0))
        cv = (
            f'X_rest = X_rest.sort_values("{dataset.time_column}")  # never shuffle time\n'
            f"cv = TimeSeriesSplit(n_splits={k}, gap={gap})"
        )
        call = "cross_val_score(model, X_rest, y_rest, cv=cv)"
        names = "TimeSeriesSplit, cross_val_score"
    else:
        cv = f"cv = GroupKFold(n_splits={k}, shuffle=True, random_state={seed})"
        call = f'cross_val_score(model, X_rest, y_rest, cv=cv, groups=X_rest["{group}"])'
        names = "GroupKFold, GroupShuffleSplit, cross_val_score"
    return header.format(names) + f"{holdout}\n{cv}\nscores = {call}\nscores.mean(), scores.std()"
