"""The Your data page driven with AppTest: upload, audit, hand over to the lessons."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit import config

from components import navigation
from components.audit import guess_target
from lessons import datasets
from tests.app.conftest import open_app

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
LOANS = (FIXTURES / "audit_loans.csv").read_bytes()
# Lesson pages that fail on an upload with text labels, reported to the lead with the
# traceback: lessons/monitoring.py (now lessons/monitoring/production.py) calls pd.to_numeric
# on a 'yes'/'no' binary target.


def _upload(at, name: str, data: bytes):
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def _markdown(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


@pytest.mark.parametrize("name", datasets.BUILTIN_NAMES)
def test_the_page_opens_with_every_builtin_dataset_active(name):
    at = open_app("pages/data.py", dataset=name)
    assert not at.exception
    assert at.session_state["sidebar_dataset"] == name
    assert len(at.file_uploader) == 1


def test_the_page_explains_itself_before_an_upload():
    at = open_app("pages/data.py", dataset="fraud")
    assert not at.exception
    assert at.title[0].value == "Your data"
    assert "200 MB" in at.file_uploader[0].label
    assert len(at.info) == 1


def test_upload_audit_and_report():
    at = _upload(open_app("pages/data.py"), "loans.csv", LOANS)
    target = at.selectbox(key=f"audit_target_{_file_id(at)}")
    assert target.value == "defaulted"  # guessed from the name
    text = _markdown(at)
    assert "Target leak" in text
    assert "collection\\_calls" in text or "collection_calls" in text
    assert "Split: by time" in text
    charts = at.get("plotly_chart")
    assert len(charts) >= 3  # leak scores, target over time, entity split
    assert at.metric[0].value == "160"


def test_each_leak_shows_the_check_that_fired_and_the_folds_used():
    at = _upload(open_app("pages/data.py"), "loans.csv", LOANS)
    text = _markdown(at)
    assert "Check that fired:" in text
    captions = "\n".join(str(c.value).replace("\\", "") for c in at.caption)
    assert "time-ordered: 5 consecutive blocks of 'application_date'" in captions


def test_a_single_row_class_is_a_finding_and_the_rest_is_audited():
    rows = [f"{i},{i % 7},{'a' if i % 2 else 'b'}" for i in range(60)] + ["60,3,rare"]
    data = ("x,y2,grade\n" + "\n".join(rows) + "\n").encode()
    at = _upload(open_app("pages/data.py", dataset="wine"), "grades.csv", data)
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value("grade").run()
    assert not at.exception
    assert not at.error
    text = _markdown(at)
    assert "Single-row class" in text
    assert "rare" in text
    assert any(m.value == "multiclass" for m in at.metric)
    key = f"{_file_id(at)}_grade"
    at.button(key=f"audit_use_button_{key}").click().run()
    assert not at.exception
    dataset = at.session_state["sidebar_uploads"][at.session_state["sidebar_dataset"]]
    assert "rare" not in set(dataset.frame["grade"])
    assert len(dataset.frame) == 60


def test_changing_the_target_reruns_the_audit():
    at = _upload(open_app("pages/data.py"), "loans.csv", LOANS)
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value("income").run()
    assert not at.exception
    assert any(m.value == "regression" for m in at.metric)


@pytest.fixture
def full_tracebacks():
    """Show exception details to AppTest, so a failing lesson page reports its traceback."""
    previous = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "full")
    yield
    config.set_option("client.showErrorDetails", previous)


def test_the_task_can_be_overridden():
    at = _upload(open_app("pages/data.py"), "loans.csv", LOANS)
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value("loan_amount").run()
    assert any(m.value == "regression" for m in at.metric)
    at.segmented_control(key=f"audit_task_{_file_id(at)}").set_value("multiclass").run()
    assert not at.exception
    assert any("too many to treat as classes" in e.value for e in at.error)


@pytest.mark.slow
def test_use_in_lessons_makes_the_upload_active_and_every_lesson_opens(full_tracebacks):
    at = _upload(open_app("pages/data.py", dataset="fraud"), "loans.csv", LOANS)
    key = f"{_file_id(at)}_defaulted"
    assert at.multiselect(key=f"audit_use_leaks_{key}").value == ["collection_calls"]
    at.button(key=f"audit_use_button_{key}").click().run()
    assert not at.exception, at.exception
    active = at.session_state["sidebar_dataset"]
    assert active.startswith("upload-loans-")
    dataset = at.session_state["sidebar_uploads"][active]
    assert dataset.target == "defaulted"
    assert dataset.time_column == "application_date"
    assert dataset.group_column == "customer_id"
    assert dataset.post_outcome_columns == ("collection_calls",)
    assert dataset.source == "your upload"
    assert "defaulted" in at.sidebar.caption[0].value
    failures = {}
    for spec in navigation.existing_pages():
        if spec.path == "pages/data.py":
            continue
        at.switch_page(spec.path).run()
        if at.exception:
            failures[spec.path] = _traceback(at)
        assert at.session_state["sidebar_dataset"] == active
    assert not failures, f"lesson pages failed on an upload: {failures}"


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.csv", b"", "empty"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        ("one.csv", b"just\none\ncolumn\n", "one column"),
    ],
)
def test_bad_files_show_an_error_and_keep_the_active_dataset(name, data, words):
    at = _upload(open_app("pages/data.py", dataset="wine"), name, data)
    assert len(at.error) == 1
    assert words in at.error[0].value
    assert at.session_state["sidebar_dataset"] == "wine"


def test_a_constant_target_is_refused_without_losing_anything():
    data = b"a,b,y\n" + b"".join(f"{i},{i % 3},1\n".encode() for i in range(30))
    at = _upload(open_app("pages/data.py", dataset="wine"), "flat.csv", data)
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value("y").run()
    assert any("single value" in e.value for e in at.error)
    assert at.session_state["sidebar_dataset"] == "wine"


def test_the_target_guess_reads_the_columns_once_per_file(monkeypatch):
    import components.audit

    calls = []
    real = components.audit.target_problem
    monkeypatch.setattr(
        components.audit, "target_problem", lambda *a: calls.append(a[1]) or real(*a)
    )
    at = _upload(open_app("pages/data.py"), "loans.csv", LOANS)
    first = len(calls)
    assert first > 0
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value("income").run()
    assert not at.exception, at.exception
    assert len(calls) == first  # a rerun, a new target: no second reading


def test_the_target_guess_never_picks_a_constant_column():
    # 'outcome' is named like a target but holds one value: the guess skips it.
    data = b"age,grade,outcome,city\n" + b"".join(
        f"{20 + i},{i % 3},yes,{'ab'[i % 2]}\n".encode() for i in range(30)
    )
    at = _upload(open_app("pages/data.py", dataset="wine"), "flat.csv", data)
    assert at.selectbox(key=f"audit_target_{_file_id(at)}").value == "city"
    assert not at.error, [e.value for e in at.error]


def test_guess_target_prefers_a_varied_outcome_name_then_the_last_varied_column():
    frame = pd.DataFrame({"x": [1, 2] * 3, "label": [0, 1] * 3, "y": [1] * 6, "z": [3] * 6})
    assert guess_target(frame, list(frame.columns)) == "label"
    assert guess_target(frame, ["x", "y", "z"]) == "x"
    assert guess_target(frame, ["y", "z"]) == "y"  # all constant: the old rule, then an error
    # A closing date or a free-text code last in the file is never preselected: the audit
    # would refuse either.
    dated = frame.assign(closed=pd.date_range("2020-01-01", periods=len(frame)))
    assert guess_target(dated, ["x", "closed"]) == "x"
    codes = pd.DataFrame({"x": range(60), "code": [f"RTB-{i:02d}" for i in range(60)]})
    assert guess_target(codes, ["x", "code"]) == "x"


def test_markup_in_column_names_is_never_live():
    data = (
        b'"<img src=x onerror=alert(1)>","[link](http://x.y)","=HYPERLINK(""https://x.y"")",target\n'
        + b"".join(f"{i},{i % 4},{i % 2},{i % 2}\n".encode() for i in range(40))
    )
    at = _upload(open_app("pages/data.py"), "markup.csv", data)
    for element in [*at.markdown, *at.caption]:
        outside_code = re.sub(r"`[^`]*`", "", str(element.value))
        assert not re.search(r"(?<!\\)<img", outside_code), outside_code
        assert not re.search(r"(?<!\\)\]\(http", outside_code), outside_code
        # A bare URL becomes a live link too (GFM autolinks it after reading the escapes).
        assert not re.search(r"https?\\?://", outside_code), outside_code


def test_the_file_is_parsed_once_per_upload(monkeypatch):
    at = _upload(open_app("pages/data.py"), "loans.csv", LOANS)
    first = at.session_state["upload_parsed"]
    at.run()
    assert at.session_state["upload_parsed"] is first


def _traceback(at) -> str:
    return "\n".join("\n".join(e.stack_trace) for e in at.exception)


def _file_id(at) -> str:
    return at.session_state["upload_parsed"].file_id


CORPUS = ROOT / "bench" / "audit_corpus"


@pytest.mark.parametrize(
    ("table", "target", "check", "column"),
    [
        (
            "licorice_gargle",
            "sore_throat_30min",
            "the same measurement, named as taken after the target's moment",
            "pacu90min_throatPain",
        ),
        ("gbsg_recurrence", "status", "duration beside an event target", "rfstime"),
        ("hfi_freedom", "pf_score", "pair search (weighted sum)", "hf_score"),
        (
            "jtrain",
            "hrsemp",
            "exact formula (least squares over the numeric columns)",
            "totrain",
        ),
        (
            "ahca_vote",
            "AHCAvote",
            "missing-value pattern: whether the field is empty predicts the target",
            "press_release_no",
        ),
        ("prison_crime", "criv", "change of the target since the entity's previous row", "gcriv"),
        ("tuna_choice", "choice", "value of the alternative chosen", "price_paid"),
    ],
)
def test_a_real_tables_leak_shows_its_check_evidence_and_advice(table, target, check, column):
    data = (CORPUS / f"{table}.csv").read_bytes()
    at = _upload(open_app("pages/data.py"), f"{table}.csv", data)
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value(target).run()
    assert not at.exception and not at.error
    text = _markdown(at).replace("\\", "")
    assert f"**Check that fired:** {check}" in text
    assert column in text
    assert "What to do:" in text


def test_a_leak_with_a_copy_is_not_read_as_a_zero_difference():
    """A Senate vote written twice (Yea/Nay, and a release number held only by those for):
    leaving one copy out scores 1.000 as before, and the takeaway says that gap cannot show
    what the leak adds, instead of "the 0.000 difference is score you would report"."""
    data = (CORPUS / "alito_confirmation_vote.csv").read_bytes()
    at = _upload(open_app("pages/data.py"), "senate.csv", data)
    at.selectbox(key=f"audit_target_{_file_id(at)}").set_value("Vote").run()
    assert not at.exception and not at.error
    text = _markdown(at).replace("\\", "")
    assert "ConfVote" in text and "support_release_no" in text
    assert "the 0.000 difference" not in text
    assert text.count("so this difference cannot show what a leak adds") >= 2


def test_the_value_of_the_alternative_chosen_shows_which_one_it_equals_by_class():
    data = (CORPUS / "tuna_choice.csv").read_bytes()
    at = _upload(open_app("pages/data.py"), "tuna_choice.csv", data)
    assert not at.exception and not at.error
    titles = [
        chart.proto.spec
        for chart in at.get("plotly_chart")
        if "Which value it equals, by the class chosen" in chart.proto.spec
    ]
    assert titles
    assert "read along the diagonal" in _markdown(at)
