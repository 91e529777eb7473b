"""The audit's fast paths answer exactly as the plain pandas code they replaced.

Each reference below is the code before the change (a crosstab, a groupby of pairs, masks per
class, pandas' guess per row); hypothesis draws small tables with repeats, gaps and missing
values, where a shortcut would most likely differ.
"""

from collections import Counter

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.tseries.api import guess_datetime_format

from lessons import audit_screen as screen
from lessons.audit.alternatives import _purity
from lessons.audit.table import _keys_rows, _panel_key
from lessons.csv_loading import _guessed_formats

# pandas warns when a guess reads the day first; the guesses themselves are compared.
pytestmark = pytest.mark.filterwarnings("ignore:Parsing dates in:UserWarning")


def _reference_balanced_accuracy(y, predicted, n_classes):
    recalls = [np.mean(predicted[y == k] == k) for k in range(n_classes) if np.any(y == k)]
    return float(np.mean(recalls))


@settings(max_examples=80, deadline=None)
@given(data=st.data(), n_classes=st.integers(2, 7))
def test_balanced_accuracy_as_per_class_masks(data, n_classes):
    n = data.draw(st.integers(1, 80))
    y = np.array(data.draw(st.lists(st.integers(0, n_classes - 1), min_size=n, max_size=n)))
    predicted = np.array(data.draw(st.lists(st.integers(0, n_classes - 1), min_size=n, max_size=n)))
    # Class codes come as floats from the target, predictions as integers from argmax.
    y = y.astype(float)
    assert screen.balanced_accuracy(y, predicted, n_classes) == _reference_balanced_accuracy(
        y, predicted, n_classes
    )


def _reference_purity(groups, labels):
    table = pd.crosstab(groups, labels)
    mapping = {int(g): int(table.loc[g].idxmax()) for g in table.index}
    return float(table.max(axis=1).sum() / max(len(labels), 1)), mapping


@settings(max_examples=80, deadline=None)
@given(pairs=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3)), min_size=1, max_size=60))
def test_purity_as_a_crosstab(pairs):
    groups = np.array([g for g, _ in pairs])
    labels = np.array([label for _, label in pairs])
    assert _purity(groups, labels) == _reference_purity(groups, labels)


def _reference_panel_key(table, name, time_column):
    pairs = table[[name, time_column]].dropna()
    if len(pairs) < 0.9 * len(table):
        return False
    unique_share = 1 - pairs.duplicated().mean()
    periods = pairs.groupby(name, sort=False)[time_column].nunique()
    return bool(unique_share >= 0.95 and periods.median() >= 2)


CELLS = st.one_of(st.integers(0, 6), st.none())


@settings(max_examples=120, deadline=None)
@given(rows=st.lists(st.tuples(CELLS, CELLS, CELLS, CELLS), min_size=1, max_size=50))
def test_panel_keys_as_pandas_groups_them(rows):
    table = pd.DataFrame(rows, columns=["unit", "year", "sex", "band"], dtype="float")
    table["unit"] = table["unit"].map(lambda v: None if pd.isna(v) else f"u{v:.0f}")
    table["when"] = pd.to_datetime("2020-01-01") + pd.to_timedelta(table["year"], unit="D")
    for time_column in ("year", "when"):
        assert _panel_key(table, "unit", time_column) == _reference_panel_key(
            table, "unit", time_column
        )
    for columns in (["unit", "year"], ["unit", "year", "sex"], ["unit", "when", "sex", "band"]):
        keys = table[columns].dropna()
        wanted = len(keys) >= 0.9 * len(table) and not keys.duplicated().any()
        assert _keys_rows(table, columns, {}, len(table)) == wanted


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(
        st.sampled_from(
            ["01/02/2024", "25/02/2024", "2024-03-01", "March 3 2024", "13.04.2024", "late"]
        ),
        min_size=1,
        max_size=40,
    ),
    dayfirst=st.booleans(),
)
def test_guessed_formats_as_guessed_row_by_row(values, dayfirst):
    sample = pd.Series(values, dtype="str")
    guesses = sample.map(lambda v: guess_datetime_format(v, dayfirst=dayfirst))
    wanted = Counter(guesses.dropna())
    got = _guessed_formats(sample, dayfirst=dayfirst)
    assert got == wanted
    assert got.most_common(2) == wanted.most_common(2)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), task=st.sampled_from(["multiclass", "binary", "regression"]))
def test_output_sums_as_one_bincount_per_output(data, task):
    n = data.draw(st.integers(1, 60))
    n_classes = data.draw(st.integers(2, 9)) if task == "multiclass" else 2
    if task == "regression":
        values = np.array(data.draw(st.lists(st.floats(-1e3, 1e3), min_size=n, max_size=n)))
    else:
        classes = st.integers(0, n_classes - 1)
        values = np.array(data.draw(st.lists(classes, min_size=n, max_size=n)), dtype=float)
    target = screen.Target(task, values, n_classes if task != "regression" else 0)
    n_cells = data.draw(st.integers(1, 6))
    cells = np.array(data.draw(st.lists(st.integers(0, n_cells - 1), min_size=n, max_size=n)))
    rows = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    ys = target.onehot() if task == "multiclass" else values[:, None]
    wanted = np.stack(
        [
            np.bincount(cells[rows], weights=ys[rows, j], minlength=n_cells)
            for j in range(ys.shape[1])
        ],
        axis=-1,
    )
    got = screen.output_sums(cells[rows], n_cells, target, rows)
    assert got.shape == wanted.shape
    assert np.array_equal(got, wanted)
