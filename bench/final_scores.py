"""The final evaluation of every built-in dataset: the default model's validation score and its
one test score, each with a 95 % bootstrap interval (seed 0, the default split and metric).
Each two-class dataset has a second row: the expected cost per 1,000 rows at lesson 1's
example prices (``FRAME_COSTS``), at the default model's own cheapest threshold on validation.

``python -m bench.final_scores`` prints the table as Markdown; ``python -m bench`` times it.
"""

from __future__ import annotations

import sys
import time

from lessons import datasets, evaluation, framing, scoring, training
from lessons.models import MODELS, default_model
from lessons.plans.settings import FRAME_COSTS

SEED = 0


def final_evaluations(seed: int = SEED) -> list[evaluation.FinalEvaluation]:
    """Each built-in dataset's final evaluation, as lesson 4 would run it with its defaults."""
    results = []
    for name in datasets.BUILTIN_NAMES:
        dataset = datasets.load(name, seed)
        ready = training.prepare(dataset, random_state=seed)
        model = default_model(training.estimator_kind(dataset))
        metric = scoring.DEFAULT_METRIC[dataset.task]
        results.append(
            evaluation.final_evaluation(
                ready.dataset, ready.buckets, model, {}, metric, random_state=seed
            )
        )
        if dataset.task == "binary":
            results.append(
                evaluation.final_evaluation(
                    ready.dataset,
                    ready.buckets,
                    model,
                    {},
                    framing.EXPECTED_COST,
                    random_state=seed,
                    costs=framing.Costs(*FRAME_COSTS),
                )
            )
    return results


def markdown(results: list[evaluation.FinalEvaluation]) -> str:
    """One row per dataset: validation and test with their intervals, and what that says."""
    lines = [
        "| dataset | split | model | metric | validation (95% CI) | test (95% CI) "
        "| rows train / validation / test | test − validation (vs combined noise) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        resampled = f", by {r.grouped_by}" if r.grouped_by else ""
        verdict = "within noise" if r.change_within_noise else "beyond noise"
        metric = r.metric_name
        if r.costs is not None:
            metric += f" (FP {r.costs.false_positive:g}, FN {r.costs.false_negative:g}"
            if r.threshold is not None:
                metric += f", threshold {framing.format_threshold(r.threshold)}"
            metric += ")"
        lines.append(
            f"| {r.dataset} | {r.split}{resampled} | {MODELS[r.model].label} | {metric} "
            f"| {r.validation.text()} | {r.test.text()} "
            f"| {r.n_train:,} / {r.n_validation:,} / {r.n_test:,} "
            f"| {r.change:+.3f} (±{r.combined_half_width:.3f}), {verdict} |"
        )
    return "\n".join(lines)


def bench_final_evaluation() -> list[tuple[str, float]]:
    """Seconds for one final evaluation (two fits, two bootstrap intervals) per dataset."""
    rows = []
    for name in datasets.BUILTIN_NAMES:
        dataset = datasets.load(name, SEED)
        ready = training.prepare(dataset, random_state=SEED)
        model = default_model(training.estimator_kind(dataset))
        start = time.perf_counter()
        evaluation.final_evaluation(
            ready.dataset,
            ready.buckets,
            model,
            {},
            scoring.DEFAULT_METRIC[dataset.task],
            random_state=SEED,
        )
        rows.append((f"{name} ({model})", time.perf_counter() - start))
    return rows


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else SEED
    print(f"Final evaluation per built-in dataset, seed {seed}, default model and metric.\n")
    print(markdown(final_evaluations(seed)))
