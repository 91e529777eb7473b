"""The leakage lab: each leak as a pure function of its settings and seed.

Every scenario fits the same kind of model through the leaky pipeline and through the
corrected one, and returns three scores in a ``LeakScores``:

- ``leaky``: what the leaky pipeline reports on its own validation rows;
- ``honest``: what the corrected pipeline reports on its validation rows (the same rows
  where the leak lives in the features; other rows where the leak *is* the choice of rows,
  as with a shuffled split); ``LeakScores.rows`` says which, with counts;
- ``production``: what the leaky model really scores on rows it never saw (a later time
  slice, entities it never met, or fresh rows from the same generator), with every feature
  computed the way it would be at prediction time.

``production - leaky`` is the lie. Each honest and production score carries its bootstrap
interval, so the page can say when two numbers differ by no more than noise. Scores are
"higher is better" (ROC AUC, accuracy, R²) so one scoreboard can hold every scenario.
"""

from lessons.leakage.entry import DEFAULT_SETTINGS, applies_to, run
from lessons.leakage.evaluation_leaks import (
    N_CONFIGS_MAX,
    TuningCurve,
    duplicates,
    entity_overlap,
    tune_on_test_set,
    tuning_curve,
)
from lessons.leakage.feature_leaks import (
    centred_window,
    feature_selection,
    noise_table,
    post_outcome,
    preprocessing_scaler,
    random_vs_time,
    store_window_features,
    target_encoding,
)
from lessons.leakage.prep import (
    Scored,
    boosted_trees,
    metric_for,
    model_frame,
    resampled_score,
    score,
    tree_preprocessor,
)
from lessons.leakage.scenarios import (
    DEFAULT_SCENARIO,
    FRESH_SEED_OFFSET,
    METRIC_LABELS,
    PLANTED_DRIFT,
    SCENARIO_KEYS,
    SCENARIOS,
    SIZE_WORDS,
    TOO_GOOD_FULL_SCALE,
    LeakRanking,
    LeakScores,
    Scenario,
    ScoredRows,
    rank_leaks,
    size_of,
    too_good_to_be_true,
    verdict,
)
from lessons.leakage.snippets import CODE, code_diff

__all__ = [
    "CODE",
    "DEFAULT_SCENARIO",
    "DEFAULT_SETTINGS",
    "FRESH_SEED_OFFSET",
    "METRIC_LABELS",
    "N_CONFIGS_MAX",
    "PLANTED_DRIFT",
    "SCENARIOS",
    "SCENARIO_KEYS",
    "SIZE_WORDS",
    "TOO_GOOD_FULL_SCALE",
    "LeakRanking",
    "LeakScores",
    "Scenario",
    "Scored",
    "ScoredRows",
    "TuningCurve",
    "applies_to",
    "boosted_trees",
    "centred_window",
    "code_diff",
    "duplicates",
    "entity_overlap",
    "feature_selection",
    "metric_for",
    "model_frame",
    "noise_table",
    "post_outcome",
    "preprocessing_scaler",
    "random_vs_time",
    "rank_leaks",
    "resampled_score",
    "run",
    "score",
    "size_of",
    "store_window_features",
    "target_encoding",
    "too_good_to_be_true",
    "tree_preprocessor",
    "tune_on_test_set",
    "tuning_curve",
    "verdict",
]
