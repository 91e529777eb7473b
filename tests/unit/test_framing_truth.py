"""Truth tests of lesson 1 across seeds 0-9: the threshold chosen on validation, scored on test.

The claim the page makes: pick the cheapest threshold on the validation rows, and on rows that
did not choose it, it costs no more than the default 0.5 or the rules that need no model
(flag everyone, flag no one), and clearly less wherever the model's ranking carries signal at
those prices. "No more" is judged over the ten seeds with a paired t-interval of the per-seed
differences (``uncertainty.compare_scores``), the app's one rule for "no real difference".

Measured (mean cost per 1,000 test rows over seeds 0-9, chosen threshold / 0.5 / everyone /
no one): fraud 1:1 9.7 / 10.0 / 989.5 / 10.4; fraud 50:1 248.3 / 389.7 / 989.5 / 522.5;
churn 1:1 205.0 / 204.8 / 796.3 / 203.7; churn 50:1 801.3 / 9,128.5 / 796.3 / 10,183.8. On churn
at 1:1 almost no customer reaches a 50 % churn risk and at 50:1 almost every customer is worth
a call, so the best policy there is (nearly) a constant rule and the chosen threshold ties it.
"""

from functools import cache

import numpy as np
import pytest

from lessons import checks, datasets, framing, uncertainty

SEEDS = range(10)
DEFAULT = framing.Costs()  # the page's sliders start at 1 and 1
FIFTY = framing.Costs(false_positive=1, false_negative=50)


@cache
def _held_out(name: str, seed: int) -> framing.FrameEvaluation:
    return framing.evaluate(datasets.load(name, seed), random_state=seed)


def _test_costs(name: str, costs: framing.Costs) -> dict[str, np.ndarray]:
    """Cost per 1,000 test rows of each policy, one value per seed."""
    found: dict[str, list[float]] = {"chosen": [], "0.5": [], "everyone": [], "no one": []}
    for seed in SEEDS:
        held = _held_out(name, seed)
        policies = framing.compare_policies(
            held.y_valid,
            held.model.predictions.scores[:, 1],
            held.y_test,
            held.model_test.scores[:, 1],
            costs,
            random_state=seed,
        )
        probability = held.model_test.scores[:, 1]
        found["chosen"].append(policies.chosen.cost)
        found["0.5"].append(
            framing.cost_per_thousand(
                held.y_test, probability >= 0.5, costs.false_positive, costs.false_negative
            )
        )
        found["everyone"].append(policies.policy(framing.FLAG_ALL).cost)
        found["no one"].append(policies.policy(framing.FLAG_NONE).cost)
    return {k: np.asarray(v) for k, v in found.items()}


# (dataset, costs, policies the chosen threshold beats beyond the noise, policies it beats on
# the mean over seeds). Against every other policy it must not lose beyond the noise.
CASES = [
    ("fraud", DEFAULT, {"everyone"}, {"0.5", "everyone", "no one"}),
    ("fraud", FIFTY, {"0.5", "everyone", "no one"}, {"0.5", "everyone", "no one"}),
    ("churn", DEFAULT, {"everyone"}, {"everyone"}),
    ("churn", FIFTY, {"0.5", "no one"}, {"0.5", "no one"}),
]


@pytest.mark.parametrize(("name", "costs", "beaten", "cheaper"), CASES, ids=lambda c: str(c))
def test_the_threshold_chosen_on_validation_is_cheapest_on_test_rows(name, costs, beaten, cheaper):
    found = _test_costs(name, costs)
    for other in ("0.5", "everyone", "no one"):
        comparison = uncertainty.compare_scores(
            found["chosen"], found[other], greater_is_better=False, names=("chosen", other)
        )
        assert comparison.better != other, (name, costs, comparison.text())
        if other in beaten:
            assert comparison.better == "chosen", (name, costs, comparison.text())
        if other in cheaper:
            assert found["chosen"].mean() < found[other].mean(), (name, costs, other)


def test_on_fraud_flagging_everyone_costs_more_than_flagging_no_one():
    """Recall 100 % and dearer than doing nothing, at 50:1, on every seed (about 1 % fraud)."""
    for seed in SEEDS:
        held = _held_out("fraud", seed)
        policies = framing.compare_policies(
            held.y_valid,
            held.model.predictions.scores[:, 1],
            held.y_test,
            held.model_test.scores[:, 1],
            FIFTY,
        )
        everyone = policies.policy(framing.FLAG_ALL)
        assert everyone.recall == 1.0
        assert everyone.cost > policies.policy(framing.FLAG_NONE).cost


@pytest.mark.parametrize(("name", "seed"), [("fraud", 0), ("churn", 1)])
def test_the_quiz_answer_key_is_the_verdict_the_page_shows(name, seed):
    """The quiz and the page call the same ``framing.bar_to_beat`` at equal costs."""
    dataset = datasets.load(name, seed)
    found = checks.COMPUTE["quick_model_vs_baseline"](dataset, seed)
    held = _held_out(name, seed)
    suggestion = framing.suggest_metric(held.task, held.y_train, DEFAULT, problem=dataset.problem)
    shown = framing.bar_to_beat(held, suggestion, DEFAULT, random_state=seed).verdict
    assert found.correct == ("beats" if shown.earns_keep else "does_not")
    assert found.values["verdict"] == shown.text
    assert shown.earns_keep == (shown.comparison.better == shown.model.name)
