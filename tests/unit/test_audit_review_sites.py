"""Counter-cases to "a label named batch or lot is a thing; a site is a cluster name" (a
strict review; lot was dropped after it, as a house's lot size is no thing).

The name alone now turns a column into the entity the folds are grouped by. Where the name
means something else (a house's lot size), where the column is the outcome binned (a "lot"
grade cut from the price), or where a few cells are missing (a site column with three
blanks), the audit must still judge the column by its values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _houses(seed: int) -> pd.DataFrame:
    """Independent house sales; "lot" is the lot size in square feet (50 round values), and
    the spreadsheet was sorted by it."""
    rng = np.random.default_rng(seed)
    lot = np.sort(rng.choice(np.arange(40, 90) * 100, 300))
    return pd.DataFrame(
        {
            "lot": lot,
            "beds": rng.integers(1, 6, 300),
            "price": (50 * lot + rng.normal(0, 2e4, 300)).round(),
        }
    )


def _binned(seed: int) -> pd.DataFrame:
    """A "lot" code written from the outcome: the price cut into 30 ranges, L00 ... L29."""
    rng = np.random.default_rng(seed)
    price = rng.normal(100, 20, 300)
    bins = pd.qcut(price, 30, labels=False)
    return pd.DataFrame(
        {
            "lot": [f"L{b:02d}" for b in bins],
            "x": rng.normal(size=300).round(3),
            "price": price.round(2),
        }
    )


def _plots(seed: int, *, integer_site: bool = False, blanks: tuple[int, ...] = ()) -> pd.DataFrame:
    """Eight trial sites of 36 plots each, written site by site, plots numbered 1-36 within
    each site; the yield depends mostly on the site."""
    rng = np.random.default_rng(seed)
    sites = np.repeat(np.arange(8), 36)
    frame = pd.DataFrame(
        {
            "site": sites + 1 if integer_site else np.array([f"S{i}" for i in range(8)])[sites],
            "plot": np.tile(np.arange(1, 37), 8),
            "x": rng.normal(size=288).round(3),
            "yield": (rng.normal(0, 5, 8)[sites] + rng.normal(0, 1, 288)).round(3),
        }
    )
    if blanks:
        frame.loc[list(blanks), "site"] = np.nan
    return frame


@pytest.mark.parametrize("seed", SEEDS)
def test_a_lot_size_sorted_on_is_no_entity(seed):
    assert audit(_houses(seed), "price").group_column is None


@pytest.mark.parametrize("seed", SEEDS)
def test_a_lot_cut_from_the_target_is_still_screened_as_a_leak(seed):
    report = audit(_binned(seed), "price")
    assert any(f.kind == "target_leak" and "lot" in f.columns for f in report.findings)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_site_column_with_a_few_blanks_is_still_the_entity(seed):
    # Each blank cell used to count as a block change.
    assert audit(_plots(seed, blanks=(5, 100, 200)), "yield").group_column == "site"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_site_column_mostly_blank_is_not_read_as_written_site_by_site(seed):
    blanks = tuple(range(0, 288, 9))
    assert audit(_plots(seed, blanks=blanks), "yield").group_column != "site"


@pytest.mark.parametrize("seed", SEEDS)
def test_sites_coded_as_numbers_are_the_entity_not_the_plot_within(seed):
    assert audit(_plots(seed, integer_site=True), "yield").group_column == "site"


# Edge cases that already behave: no crash, and the right answer.


def test_a_batch_of_one_row_each_is_an_identifier_not_an_entity():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "batch": [f"B{i}" for i in range(300)],
            "x": rng.normal(size=300),
            "y": rng.normal(size=300),
        }
    )
    report = audit(frame, "y")
    assert report.group_column is None
    assert any(f.kind == "id_column" and "batch" in f.columns for f in report.findings)


def test_integer_lots_in_random_order_do_not_crash():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {"lot": rng.integers(1, 41, 300), "x": rng.normal(size=300), "y": rng.normal(size=300)}
    )
    assert audit(frame, "y").group_column is None


def test_time_ordered_batches_keep_time_folds():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {
            "timestamp": pd.date_range("2023-01-01", periods=300, freq="h"),
            "batch": [f"B{b:03d}" for b in np.repeat(np.arange(1, 31), 10)],
            "temp": rng.normal(70, 2, 300).round(2),
            "yield_pct": (80 + np.linspace(0, 5, 300) + rng.normal(0, 1, 300)).round(2),
        }
    )
    report = audit(frame, "yield_pct")
    assert report.time_column == "timestamp"
    assert report.folds.startswith("time-ordered")


def test_a_single_site_is_no_entity():
    rng = np.random.default_rng(0)
    frame = pd.DataFrame(
        {"site": ["A"] * 300, "x": rng.normal(size=300), "y": rng.normal(size=300)}
    )
    assert audit(frame, "y").group_column is None
