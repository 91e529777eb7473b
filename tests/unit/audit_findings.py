"""Reading the audit's leak findings in tests: the ones a user is asked about (medium or high)."""


def leaks(report, severities=("high", "medium")):
    """The report's ``target_leak`` findings at these severities."""
    return [f for f in report.findings if f.kind == "target_leak" and f.severity in severities]


def leak_on(report, column, severities=("high", "medium")):
    """The first leak finding that names ``column``; fails with every finding if none does."""
    found = [f for f in leaks(report, severities) if column in f.columns]
    assert found, f"no leak on {column}: {[f.to_dict() for f in report.findings]}"
    return found[0]
