"""The leak chart's takeaway says what the suspect columns add only where leaving them out
shows it: a 0.000 difference, when other copies of the signal make up for the column, is no
inflation to report."""

from components.audit import GAP_SEEN, leak_takeaway


def test_a_visible_gap_is_the_score_a_leak_adds():
    line = leak_takeaway({"score_with": 0.95, "score_without": 0.84, "score_alone": 0.93}, 1)
    assert "the 0.110 difference is score you would report and never see in production" in line


def test_no_gap_says_the_other_copies_make_up_for_the_column():
    line = leak_takeaway({"score_with": 1.0, "score_without": 1.0, "score_alone": 1.0}, 1)
    assert "difference is score you would report" not in line
    assert "make up for it, so this difference cannot show what a leak adds" in line
    assert "Judge it by what it scores alone" in line


def test_a_pair_without_a_score_alone_is_only_sent_to_its_copies():
    evidence = {"score_with": 0.9, "score_without": 0.9 - GAP_SEEN / 2}
    line = leak_takeaway(evidence, 2)
    assert "make up for them" in line and "alone" not in line
    assert line.startswith("with these columns the fast model scores 0.900, without 0.895")
