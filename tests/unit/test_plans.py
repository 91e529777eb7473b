"""Instructor lesson plans: structure, computed numbers, deep links, and the printable HTML."""

from __future__ import annotations

import html
import math
import re
from html.parser import HTMLParser

import pytest

from components import navigation
from lessons import content, datasets, framing, leakage, monitoring, plans, splits, training
from lessons import metrics as lesson_metrics
from lessons.choices import SplitChoice
from lessons.errors import DataError


@pytest.fixture(scope="session")
def built() -> dict[str, plans.LessonPlan]:
    """Every plan, computed once (the monitor simulation takes seconds): the tests that read
    them are ``on_built``, so they all run on one worker."""
    return {lesson: plans.build(lesson) for lesson in plans.LESSON_KEYS}


on_built = pytest.mark.xdist_group("unit-plans-built")


def numbers(plan: plans.LessonPlan) -> dict[str, str]:
    return dict(plan.numbers)


# --------------------------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", plans.LESSON_KEYS)
def test_every_plan_has_the_required_sections_in_order(lesson):
    text = plans.template(lesson)
    assert text.startswith(f"# Lesson plan: {plans.TITLES[lesson]}\n")
    headings = [h for h in content.split_sections(text) if h]
    assert headings == list(plans.REQUIRED_SECTIONS)


@pytest.mark.parametrize("lesson", plans.LESSON_KEYS)
def test_every_segment_is_timed_and_asks_the_room(lesson):
    text = plans.template(lesson)
    segments = re.split(r"^### ", content.split_sections(text)["Run of show"], flags=re.MULTILINE)[
        1:
    ]
    minutes = plans.segment_minutes(text)
    assert len(segments) == len(minutes) >= 4, "every segment heading ends with (N min)"
    assert 15 <= sum(minutes) <= 30, "a plan is one lesson of about twenty minutes"
    asking = [segment for segment in segments if "Ask the room" in segment]
    assert len(asking) >= len(segments) - 1, "the room guesses before nearly every reveal"


@pytest.mark.parametrize("lesson", plans.LESSON_KEYS)
def test_every_plan_has_common_questions_with_answers(lesson):
    questions = content.split_sections(plans.template(lesson))["Common questions"]
    items = [line for line in questions.splitlines() if line.startswith("- **")]
    assert len(items) >= 4
    for item in items:
        question, _, answer = item.partition("?**")
        assert answer.strip(), f"no answer after {question}"


def test_fill_refuses_a_template_with_a_number_nobody_computed():
    with pytest.raises(DataError, match="leak_missing"):
        plans.fill("Reported {leak_missing}", {"other": "1"})
    assert plans.fill("{a} and {a}, {b}", {"a": "0.5", "b": "x"}) == "0.5 and 0.5, x"


def test_an_unknown_lesson_is_refused():
    with pytest.raises(DataError, match="no lesson plan"):
        plans.template("deploy")


# --------------------------------------------------------------------------------------------
# Numbers: filled, and equal to the lesson functions at the page's own settings
# --------------------------------------------------------------------------------------------


@on_built
@pytest.mark.parametrize("lesson", plans.LESSON_KEYS)
def test_every_placeholder_is_filled(built, lesson):
    plan = built[lesson]
    assert plans.placeholders(plans.template(lesson)) <= set(numbers(plan))
    assert "{" not in plan.markdown and "}" not in plan.markdown
    assert not re.search(r"\bnan\b", plan.markdown, flags=re.IGNORECASE)
    assert plan.seconds >= 0


@on_built
def test_frame_numbers_match_the_framing_functions(built):
    got = numbers(built["frame"])
    dataset = datasets.load(plans.FRAME_DATASET, 0)
    result = framing.evaluate(dataset, dataset.target, dataset.task, random_state=0)
    folds = result.out_of_fold
    threshold = framing.optimal_threshold(
        result.y_train[folds.predicted], folds.probability[folds.predicted], *plans.FRAME_COSTS
    )
    assert got["frame_threshold"] == framing.format_threshold(threshold.threshold)
    assert got["frame_cost_oof"] == f"{1000 * threshold.cost:,.1f}"
    assert got["frame_n_chose"] == f"{folds.predicted.sum():,}"
    costs = framing.Costs(*plans.FRAME_COSTS)
    assert got["frame_metric"] == framing.suggest_metric("binary", result.y_train, costs).name
    assert got["frame_n_valid"] == f"{result.n_valid:,}"
    assert float(got["frame_majority_share"].rstrip("%")) > 95, "fraud is rare"
    found = framing.bar_to_beat(
        result, framing.suggest_metric("binary", result.y_train, costs), costs, random_state=0
    )
    assert got["frame_cost_model"] == f"{found.policies.chosen.cost:,.1f}", "on validation"
    assert found.rows == "validation" and found.n_rows == result.n_valid
    # The cheapest point of the validation curve is at most what the chosen threshold costs
    # there: the reading the plan calls flattering.
    cheapest = float(got["frame_cost_valid_min"].replace(",", ""))
    assert cheapest <= float(got["frame_cost_model"].replace(",", ""))
    assert got["frame_n_test"] == f"{result.n_test:,}"
    assert got["frame_theory"] == f"{1 / 21:.3g}", "c_FP / (c_FP + c_FN), whatever the rarity"
    assert got["frame_verdict"] == found.verdict.text
    cost_all = float(got["frame_cost_all"].replace(",", ""))
    assert cost_all > float(got["frame_cost_none"].replace(",", "")), "the plan says so"


@on_built
def test_split_numbers_match_the_split_functions(built):
    got = numbers(built["split"])
    gap = splits.shuffle_versus_time(datasets.load("churn", 0), random_state=0)
    assert got["split_time_random"] == f"{gap.random_score:.3f}"
    assert got["split_time_time"] == f"{gap.time_score:.3f}"
    assert gap.gap > 0, "the plan says the shuffle flatters the model"
    rare = splits.rare_class_positives(
        datasets.load("fraud", 0), n_rows=2000, n_repeats=500, random_state=0
    )
    assert got["split_rare_random_share"] == f"{rare.share_random_almost_none:.0%}"
    assert got["split_rare_stratified_min"] == str(rare.stratified_counts.min())


@on_built
def test_leakage_numbers_match_the_lab(built):
    got = numbers(built["leakage"])
    for scenario in ("preprocessing_scaler", "feature_selection"):
        result = leakage.run(scenario, random_state=0)
        assert got[f"leak_{scenario}_leaky"] == f"{result.leaky:.3f}"
        assert got[f"leak_{scenario}_honest"] == f"{result.honest:.3f}"
        assert got[f"leak_{scenario}_verdict"] == leakage.verdict(
            result.inflation, result.inflation_low, result.inflation_high
        )
    assert got["leak_preprocessing_scaler_verdict"].startswith("barely moves the score")
    for scenario in ("preprocessing_scaler", "post_outcome"):
        # Inside or outside the band, the plan says which and what an excursion means.
        inside = got[f"leak_{scenario}_agreement"] == "inside"
        assert got[f"leak_{scenario}_agreement_reading"].startswith(
            "inside" if inside else "outside"
        )
    assert float(got["leak_post_outcome_leaky"]) > float(got["leak_post_outcome_honest"])


@on_built
def test_train_numbers_match_a_fit_on_the_page_split(built):
    got = numbers(built["train"])
    prepared = training.prepare(
        datasets.load("house_prices", 0), SplitChoice(), row_cap=training.DEFAULT_ROW_CAP
    )
    unlimited = training.fit(
        prepared, "decision_tree", {"max_depth": None, "min_samples_leaf": 1}, "r2"
    )
    assert got["train_unlimited_train"] == f"{unlimited.train_score:.3f}" == "1.000"
    assert got["train_unlimited_valid"] == f"{unlimited.validation_score:.3f}"
    assert float(got["train_unlimited_gap"]) > float(got["train_default_gap"])


@on_built
def test_metrics_numbers_match_the_metric_functions(built):
    got = numbers(built["metrics"])
    sweep = lesson_metrics.imbalance_sweep((0.01,))
    majority = sweep[(sweep.model == "always the majority") & (sweep.metric == "accuracy")]
    assert got["metrics_majority_accuracy"] == f"{majority.value.iloc[0]:.1%}"
    # PR AUC is read against its chance level, the share of positives, not against 0.5.
    share = float(got["metrics_positive_share"].rstrip("%")) / 100
    assert abs(float(got["metrics_pr_auc_random"]) - share) < 0.001
    assert float(got["metrics_pr_auc"]) > float(got["metrics_pr_auc_random"])
    assert "{metrics_pr_auc_random}" in plans.template("metrics")
    outliers = lesson_metrics.outlier_sweep((0.05,)).iloc[0]
    assert got["metrics_rmse_dirty"] == f"{outliers.rmse:.2f}"
    assert float(got["metrics_recall_10"].rstrip("%")) >= float(
        got["metrics_recall_50"].rstrip("%")
    )


@on_built
def test_experiments_and_monitor_claims_hold(built):
    exp = numbers(built["experiments"])
    assert exp["exp_baseline_auc"] == "0.500"
    # "Does as well": the deeper forest is not better by more than the noise of one split.
    assert float(exp["exp_deeper_auc"]) - float(exp["exp_linear_auc"]) < 0.01, (
        "simpler does as well"
    )
    mon = numbers(built["monitor"])
    assert float(mon["mon_last"]) < float(mon["mon_first"]) < float(mon["mon_validation"])
    # Concept drift: the inputs stay put, the outcomes raise the alert after the delay.
    assert mon["mon_input_alert"] == "no month"
    assert mon["mon_outcome_label"] != "no month"
    assert mon["mon_policy_verdict"]


def test_plan_settings_are_the_pages_defaults():
    from components import monitor, split
    from lessons import experiments

    assert (plans.SPLIT_RARE_REPEATS, plans.SPLIT_NOISE_K) == (split.RARE_REPEATS, split.NOISE_K)
    assert plans.SPLIT_NOISE_REPEATS == split.DEFAULT_REPEATS
    assert plans.split_noise_rows(442) == 442 and plans.split_noise_rows(20_000) == 1_000
    assert plans.TRAIN_SETTINGS["default"] == training.MODELS["decision_tree"].defaults()
    assert plans.MONITOR_RECIPE == monitor.DEFAULT_RECIPE
    _, depths = experiments.MODEL_PARAM["random_forest"]
    assert plans.EXPERIMENTS_RUNS[0][2] == {"max_depth": depths[len(depths) // 2]}


# --------------------------------------------------------------------------------------------
# Deep links: an existing page, and only the query parameters that page reads
# --------------------------------------------------------------------------------------------


def _allowed_params() -> dict[str, dict[str, object]]:
    """Per page, the query parameters its components read, and a check of each value."""
    from components import experiments_store, metrics, monitor, split, train
    from components import framing as framing_page

    sidebar = {
        "dataset": lambda v: v in datasets.BUILTIN_NAMES,
        "seed": lambda v: v == str(plans.SEED),
        "instructor": lambda v: v == "1",
    }
    number = lambda v: math.isfinite(float(v))  # noqa: E731
    leak_sliders = {name for values in leakage.DEFAULT_SETTINGS.values() for name in values}
    return {
        "frame": sidebar
        | dict.fromkeys(framing_page._COST_KEYS, number)
        | {"target": bool, "task": lambda v: v in framing.TASKS},
        "split": sidebar
        | dict.fromkeys(split.URL_KEYS, bool)
        | {"strategy": lambda v: v in split.CHOICES},
        "leakage": sidebar
        | dict.fromkeys(leak_sliders, number)
        | {"scenario": lambda v: v in leakage.SCENARIOS, "leak": lambda v: v in ("on", "off")},
        "train": sidebar
        | {"model": lambda v: v in training.MODELS, "view": lambda v: v in train.VIEWS},
        "metrics": sidebar | dict.fromkeys([*metrics.URL_CHOICES, *metrics.URL_NUMBERS], number),
        "experiments": sidebar | {experiments_store.WORKSPACE_PARAM: bool},
        "monitor": sidebar
        | {
            monitor.SCENARIO_KEY: lambda v: v in monitoring.SCENARIOS,
            monitor.CORRUPT_KEY: lambda v: v in monitor._corrupt_options(),
            monitor.INTENSITY_KEY: lambda v: 0 <= float(v) <= 1,
            monitor.DELAY_KEY: lambda v: 0 <= int(v) <= 3,
            monitor.MONTH_KEY: lambda v: 1 <= int(v) <= 12,
        },
    }


@pytest.mark.parametrize("lesson", plans.LESSON_KEYS)
def test_every_deep_link_names_a_page_and_only_params_it_reads(lesson):
    allowed = _allowed_params()
    pages = {spec.url_path for spec in navigation.existing_pages()}
    links = plans.deep_links(plans.template(lesson))
    assert len(links) >= 2
    info = next(info for info in plans.LESSONS if info.key == lesson)
    assert links[0].path == info.url_path, "a plan starts on its own lesson's page"
    for link in links:
        assert link.path in pages, f"{link.url}: no such page"
        assert link.path in allowed, f"{link.url}: a plan links only to lesson pages"
        names = [name for name, _ in link.params]
        assert len(names) == len(set(names)), f"{link.url}: a parameter twice"
        assert {"dataset", "seed", "instructor"} <= set(names), f"{link.url}: not reproducible"
        for name, value in link.params:
            assert name in allowed[link.path], f"{link.url}: the page does not read {name!r}"
            assert allowed[link.path][name](value), f"{link.url}: {name}={value!r} is not valid"


def test_deep_links_are_parsed_from_markdown_links_only():
    text = "See [the lab](/leakage?scenario=post_outcome&leak=on) and [docs](https://x.org/a)."
    (link,) = plans.deep_links(text)
    assert link.path == "leakage"
    assert link.params == (("scenario", "post_outcome"), ("leak", "on"))
    assert plans.absolute_links(text, "http://h:1/app/").count("http://h:1/app/leakage?") == 1


# --------------------------------------------------------------------------------------------
# HTML: escaped and well-formed
# --------------------------------------------------------------------------------------------

_VOID = {"meta", "br", "hr", "img", "link", "input"}


class _Checker(HTMLParser):
    """Collects tags and fails on a closing tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.hrefs += [value for name, value in attrs if name == "href"]
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def check(document: str) -> _Checker:
    checker = _Checker()
    checker.feed(document)
    checker.close()
    assert not checker.problems, checker.problems
    assert not checker.stack, f"unclosed: {checker.stack}"
    return checker


def test_hostile_text_is_escaped_and_unsafe_links_are_dropped():
    hostile = (
        "# Plan <script>alert(1)</script>\n\n"
        'A [click](javascript:alert(1)) and [ok](/leakage?a=1&b="x") and `<b>code</b>`\n\n'
        "- **bold <i>** item\n- second & third\n\n1. one\n2. two\ncontinued"
    )
    body = plans.to_html(hostile, base_url="http://h:1")
    checker = check(f"<div>{body}</div>")
    assert "<script>" not in body and "&lt;script&gt;" in body
    assert "javascript:" not in " ".join(checker.hrefs)
    assert checker.hrefs == ['http://h:1/leakage?a=1&b="x"']
    assert "<code>&lt;b&gt;code&lt;/b&gt;</code>" in body
    assert "<strong>bold &lt;i&gt;</strong>" in body
    assert "<ol><li>one</li><li>two continued</li></ol>" in body
    assert checker.tags.count("li") == 4 and "h1" in checker.tags


@on_built
def test_a_plan_renders_to_a_well_formed_printable_document(built):
    document = plans.to_document(list(built.values()), base_url="http://127.0.0.1:8501")
    assert document.startswith("<!DOCTYPE html>")
    checker = check(document)
    assert checker.tags.count("section") == len(plans.LESSON_KEYS)
    assert checker.tags.count("h1") == len(plans.LESSON_KEYS)
    assert "@media print" in document and "break-after: page" in document
    assert all(h.startswith("http://127.0.0.1:8501/") for h in checker.hrefs)
    assert len(checker.hrefs) >= 2 * len(plans.LESSON_KEYS)
    for plan in built.values():
        used = plans.placeholders(plans.template(plan.lesson))
        for name, value in plan.numbers:
            if name in used:
                assert html.escape(value) in document, f"{name} = {value} missing from the HTML"


def test_body_drops_only_the_title():
    assert plans.body("# Title\n\n## A\ntext") == "## A\ntext"
    assert plans.body("## A\ntext") == "## A\ntext"
    assert plans.file_name("leakage", "md") == "lesson-plan-leakage.md"
    assert plans.file_name(None, "html") == "lesson-plans.html"


def test_an_address_used_as_its_own_label_is_shown_in_full_and_printed_once():
    body = plans.to_html("Start here: [/train?model=knn](/train?model=knn)", base_url="http://h:1")
    assert (
        '<a class="address" href="http://h:1/train?model=knn">http://h:1/train?model=knn</a>'
        in body
    )
    assert "a[href]:not(.address)::after" in plans.PRINT_CSS


def test_small_differences_and_headings_read_well_in_the_app():
    assert plans.signed(-0.00004) == "+0.000" and plans.signed(-0.25) == "-0.250"
    assert (
        plans.demote_headings("# A\n## B\ntext ## not\n###### F")
        == "### A\n#### B\ntext ## not\n###### F"
    )


@on_built
def test_the_experiment_numbers_are_what_the_page_logs(built):
    from components import experiments as experiments_page

    dataset = datasets.load(plans.EXPERIMENTS_DATASET, 0)
    _, metrics = experiments_page._fit(
        dataset, 0, SplitChoice(), "random_forest", {"max_depth": 16}
    )
    assert numbers(built["experiments"])["exp_deeper_auc"] == f"{metrics['validation_roc_auc']:.3f}"


def test_plan_titles_and_pages_are_the_navigation_ones():
    for info in plans.LESSONS:
        spec = next(spec for spec in navigation.PAGES if spec.url_path == info.url_path)
        assert spec.title == info.title
        assert spec.path == f"pages/{info.url_path}.py"


def test_a_leak_plan_reads_a_gap_outside_the_band_as_the_one_time_in_twenty():
    from lessons.plans import lesson_numbers

    assert "one time in twenty" in lesson_numbers._agreement_reading(False, None)
    assert "drifts" in lesson_numbers._agreement_reading(False, "churn drifts")
    assert lesson_numbers._agreement_reading(True, "churn drifts").startswith("inside")


@pytest.mark.parametrize("seed", range(10))
def test_train_plan_claims_hold_or_follow_the_verdict_on_every_seed(seed):
    """R² on 300 house prices is noisy: what the plan asserts holds on every seed, the rest
    is the computed paired verdict, and no sentence contradicts it."""
    got = plans.lesson_numbers.train_numbers(seed)
    assert got["train_unlimited_train"] == "1.000"
    assert got["train_unlimited_gap_verdict"].startswith("beyond the noise")
    assert not got["train_unlimited_versus"].startswith("better"), "memorising never wins"
    for name in ("unlimited", "shallow"):
        verdict, versus = got[f"train_{name}_verdict"], got[f"train_{name}_versus"]
        assert versus.split(" (")[0] in verdict
        if verdict.startswith("within"):
            assert "cannot" in versus
    text = plans.template("train").format(**got)
    assert "drops" not in text and "both scores low" not in text
