"""The positive class of an upload: the minority class unless the learner picks another."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import open_app

LOANS = (Path(__file__).resolve().parents[1] / "fixtures" / "audit_loans.csv").read_bytes()


def test_the_event_of_interest_defaults_to_the_minority_class_and_can_be_changed():
    at = open_app("pages/data.py", dataset="fraud")
    at.file_uploader[0].set_value(("loans.csv", LOANS, "text/csv")).run()
    key = f"{at.session_state['upload_parsed'].file_id}_defaulted"
    picker = at.selectbox(key=f"audit_use_event_{key}")
    target = at.session_state["upload_parsed"].loaded.frame["defaulted"]
    minority = target.value_counts().idxmin()
    assert str(picker.value) == str(minority)
    other = next(option for option in picker.options if option != str(minority))
    picker.set_value(next(v for v in target.unique() if str(v) == other)).run()
    at.button(key=f"audit_use_button_{key}").click().run()
    assert not at.exception, at.exception
    dataset = at.session_state["sidebar_uploads"][at.session_state["sidebar_dataset"]]
    assert str(dataset.positive_class) == other
