"""Reading the audit's leak findings in tests: the ones a user is asked about (medium or high)."""


def leaks(report, severities=("high", "medium")):
    """The report's ``target_leak`` findings at these severities."""
    return [f for f in report.findings if f.kind == "target_leak" and f.severity in severities]


def leak_on(report, column, severities=("high", "medium")):
    """The first leak finding that names ``column``; fails with every finding if none does."""
    found = [f for f in leaks(report, severities) if column in f.columns]
    assert found, f"no leak on {column}: {[f.to_dict() for f in report.findings]}"
    return found[0]


def assessed_values(seed: int, n: int = 1500):
    """Houses whose assessed value is set from floor area and lot size plus an assessor's
    judgement: both weights positive, R² about 0.997, honest and no formula of the columns."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    area = rng.normal(150, 40, n)
    lot = rng.normal(600, 150, n)
    return pd.DataFrame(
        {
            "area": area.round(),
            "lot": lot.round(),
            "age": rng.integers(0, 80, n),
            "assessed_value": 2000 * area + 300 * lot + rng.normal(0, 5000, n),
        }
    )
