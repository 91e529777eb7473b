"""Strict review of batch 39's two rules: dummies of the target's classes (core.py,
``_dummies_of_the_classes``) and a label named as a thing, filed one block per value, as the
entity (table.py, "Or the cluster of a multilevel design"). Each test asserts the behaviour a
strict instructor expects."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit
from lessons.audit import table as audit_table

CHAINS = ["Burger King", "KFC", "Roy Rogers", "Wendy's"]


def _leaks_on(report, columns: set[str], severities=("high",)):
    return [
        f
        for f in report.findings
        if f.kind == "target_leak" and f.severity in severities and columns <= set(f.columns)
    ]


def _restaurants(seed: int, n: int = 400) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    chain = rng.choice(CHAINS, n, p=[0.4, 0.2, 0.2, 0.2])
    return pd.DataFrame(
        {
            "chain": chain,
            "emp_ft": rng.normal(10, 3, n).round(1),
            "wage": rng.normal(4.6, 0.3, n).round(2),
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_bool_dummies_from_get_dummies_are_caught(seed):
    # pd.get_dummies returns bool columns (and read_csv reads True/False back as bool):
    # the most common way an honest user writes the target's dummies.
    frame = _restaurants(seed)
    dummies = pd.get_dummies(frame["chain"], drop_first=True)  # KFC, Roy Rogers, Wendy's
    frame = pd.concat([frame, dummies], axis=1)
    report = audit(frame, "chain")
    assert _leaks_on(report, {"KFC", "Roy Rogers", "Wendy's"})


@pytest.mark.parametrize("seed", [0, 1])
def test_dummies_with_a_few_missing_values_are_caught(seed):
    frame = _restaurants(seed)
    for short, name in [("BK", "Burger King"), ("KFC", "KFC"), ("RR", "Roy Rogers")]:
        frame[short] = (frame["chain"] == name).astype(float)
    rng = np.random.default_rng(100 + seed)
    frame.loc[rng.choice(len(frame), 8, replace=False), "BK"] = np.nan
    report = audit(frame, "chain")
    assert _leaks_on(report, {"BK", "KFC", "RR"}, severities=("high", "medium"))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_numbered_dummies_of_the_classes_are_high(seed):
    # Classes coded "1".."5", dummies from pd.get_dummies(prefix="seg"): the decoded category
    # is the target (balanced accuracy 1.000), yet only the medium "numbered columns"
    # question is raised, and it keeps the dummies rule from asking.
    rng = np.random.default_rng(seed)
    n = 500
    seg = rng.choice(["1", "2", "3", "4", "5"], n)
    frame = pd.DataFrame(
        {
            "segment": seg,
            "spend": rng.lognormal(4, 1, n).round(2),
            "visits": rng.poisson(5, n),
            "tenure": rng.integers(1, 60, n),
        }
    )
    dummies = pd.get_dummies(pd.Series(seg), prefix="seg", drop_first=True).astype(int)
    report = audit(pd.concat([frame, dummies], axis=1), "segment")
    assert _leaks_on(report, {"seg_2", "seg_3", "seg_4", "seg_5"})


@pytest.mark.parametrize("seed", [0, 1])
def test_reason_dummies_of_a_binary_target_are_high(seed):
    # Churn reasons, set only on churners: together ROC AUC 1.000. Named "price",
    # "service", "moved" they are high; named "reason_*" each gets a medium question alone
    # and the decisive group finding is never made.
    rng = np.random.default_rng(seed)
    n = 500
    churn = rng.random(n) < 0.3
    reason = np.where(churn, rng.choice(["price", "service", "moved"], n), "")
    frame = pd.DataFrame(
        {
            "churned": np.where(churn, "yes", "no"),
            "tenure": rng.integers(1, 60, n),
            "bill": rng.normal(70, 20, n).round(2),
            "reason_price": (reason == "price").astype(int),
            "reason_service": (reason == "service").astype(int),
            "reason_moved": (reason == "moved").astype(int),
        }
    )
    report = audit(frame, "churned")
    assert [f for f in report.findings if f.kind == "target_leak" and f.severity == "high"]


@pytest.mark.parametrize("seed", [0, 1])
def test_dummies_after_many_yes_no_items_are_caught(seed):
    # A survey with 58 yes/no items, then the chain's dummies: only the first 60 0/1
    # columns are read, so the leak is silently missed (55 items: caught).
    rng = np.random.default_rng(seed)
    n = 500
    chain = rng.choice(["BK", "KFC", "RR", "W"], n)
    items = pd.DataFrame(rng.integers(0, 2, (n, 58)), columns=[f"q{i}" for i in range(58)])
    frame = pd.concat(
        [
            pd.DataFrame({"chain": chain, "wage": rng.normal(5, 0.3, n).round(2)}),
            items,
            pd.DataFrame(
                {
                    "is_bk": (chain == "BK").astype(int),
                    "is_kfc": (chain == "KFC").astype(int),
                    "is_rr": (chain == "RR").astype(int),
                }
            ),
        ],
        axis=1,
    )
    report = audit(frame, "chain")
    assert _leaks_on(report, {"is_bk", "is_kfc", "is_rr"})


def _sessions(column: str, values: list[str], per_value: int, seed: int) -> pd.DataFrame:
    """Independent rows (web sessions, trips), the file sorted by a category column."""
    rng = np.random.default_rng(seed)
    labels = np.repeat(values, per_value)
    n = len(labels)
    effect = {v: rng.normal(0, 0.5) for v in values}
    x1 = rng.normal(0, 1, n)
    logit = -1 + 0.8 * x1 + np.array([effect[v] for v in labels])
    return pd.DataFrame(
        {
            column: labels,
            "pages_viewed": rng.poisson(4, n),
            "session_minutes": rng.exponential(2, n).round(2),
            "x1": x1.round(3),
            "converted": (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int),
        }
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_device_type_sorted_is_not_the_entity(seed):
    # "device" here is a device type (desktop, mobile, ...): a category of 5 levels. Sorting
    # the export by it must not make it the cluster (group folds would test on a device type
    # never seen: "entities the model has never seen"). Shuffled, the audit says None.
    frame = _sessions("device", ["desktop", "mobile", "tablet", "smart_tv", "console"], 120, seed)
    assert audit(frame, "converted").group_column is None


@pytest.mark.parametrize("seed", [0, 1])
def test_vehicle_type_sorted_is_not_the_entity(seed):
    frame = _sessions("vehicle", ["car", "truck", "motorcycle", "bus", "bicycle", "van"], 80, seed)
    assert audit(frame, "converted").group_column is None


@pytest.mark.parametrize("seed", [0, 1])
def test_taxi_company_sorted_is_not_the_entity(seed):
    # table.py itself: "a taxi company is an attribute of a trip".
    frame = _sessions(
        "taxi_company", ["Yellow", "Green", "Uber", "Lyft", "Via", "Curb", "Juno"], 60, seed
    )
    assert audit(frame, "converted").group_column is None


def test_coarser_level_survives_a_missing_trait():
    # The new _in_blocks (dropna) silently replaced the older one of the same name, which
    # _coarser_level calls with nunique(dropna=False): a missing sector now breaks it.
    frame = pd.DataFrame(
        {"code": [11, 12, 21, 22, 23, 31, 32], "sector": ["A", "A", np.nan, "B", "B", "C", "C"]}
    )
    assert audit_table._coarser_level(frame, "code", "sector")
