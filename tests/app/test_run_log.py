"""The run log: off by default; when on, one line per script run with the page, what changed
(widget keys, never their values) and the seconds, which the classroom bench reads."""

from components import run_log
from tests.app.conftest import open_app


def test_the_run_log_is_off_unless_a_file_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv(run_log.ENV, raising=False)
    open_app("pages/split.py", dataset="churn")
    assert run_log.path() is None
    assert not list(tmp_path.iterdir())


def test_each_run_names_its_page_and_trigger_and_never_a_value(tmp_path, monkeypatch):
    log = tmp_path / "runs.jsonl"
    monkeypatch.setenv(run_log.ENV, str(log))
    at = open_app("pages/frame.py", dataset="breast_cancer")
    decision = "Send the likeliest malignant biopsies to a pathologist first"
    at.text_area(key="framing_decision_breast_cancer").input(decision).run()
    at.switch_page("pages/split.py").run()
    assert not at.exception, at.exception
    records = run_log.read(str(log))
    assert records[0]["trigger"] == "new session" and records[0]["page"] == ""
    assert [r["page"] for r in records[-3:]] == ["frame", "frame", "split"]
    assert records[-2]["trigger"] == "changed framing_decision_breast_cancer"
    assert records[-1]["trigger"] == "navigation from /frame"
    assert all(r["kind"] == "page" for r in records)
    assert all(r["seconds"] > 0 and r["cpu_seconds"] >= 0 for r in records)
    assert len({r["session"] for r in records}) == 1
    # What the learner typed stays in the session: only the widget's key is logged.
    assert "pathologist" not in log.read_text()
