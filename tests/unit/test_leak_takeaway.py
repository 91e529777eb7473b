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


# A pair finding that names one member (the other is an honest partner, here the bakers who
# started the episode): its scores are the pair's, scored without both and together.
PAIR_EVIDENCE = {
    "check": "pair search (difference)",
    "pair": ["bakers_appeared", "bakers_remaining"],
    "score_name": "balanced accuracy",
    "score_together": 1.0,
    "score_alone": {"bakers_appeared": 0.5641, "bakers_remaining": 0.4231},
    "score_with": 0.6604,
    "score_without": 0.6604,
}


def test_a_pair_finding_naming_one_member_says_what_the_pair_scores():
    line = leak_takeaway(PAIR_EVIDENCE, len(PAIR_EVIDENCE["pair"]))
    assert line.startswith("with these columns the fast model scores 0.660, without 0.660")
    assert "Judge the pair by what it scores on its own" in line


def test_the_chart_of_a_pair_finding_naming_one_member_names_the_pair():
    from components.charts.audit import leak_scores_figure

    bars = leak_scores_figure(PAIR_EVIDENCE, ("bakers_remaining",)).data[0]
    assert list(bars.y) == [
        "every column, with bakers_appeared + bakers_remaining",
        "every column, without bakers_appeared + bakers_remaining",
        "bakers_appeared + bakers_remaining together",
    ]
    assert list(bars.x) == [0.6604, 0.6604, 1.0]


def test_the_chart_of_a_formula_finding_naming_one_column_names_the_formula():
    # The exact-formula check keeps a lag of the target out of the suspects (the record a
    # new one broke), but its scores drop every column of the formula.
    from components.charts.audit import leak_scores_figure

    evidence = {
        "check": "exact formula (least squares over the numeric columns)",
        "score_name": "R²",
        "score_with": 0.78,
        "score_without": 0.41,
        "formula_columns": ["previous_record", "improvement_s"],
    }
    bars = leak_scores_figure(evidence, ("improvement_s",)).data[0]
    assert list(bars.y) == [
        "every column, with previous_record + improvement_s",
        "every column, without previous_record + improvement_s",
    ]
    assert leak_takeaway(evidence, 2).startswith("with these columns the fast model scores")
