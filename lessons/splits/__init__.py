"""Splitting rows into train, validation and test buckets, built on scikit-learn's splitters.

Two families of strategies:

- bucket strategies (``random``, ``stratified``, ``time``, ``group``) make one train /
  validation / test split: ``make_buckets``;
- fold strategies (``kfold``, ``stratified_kfold``, ``time_series``, ``group_kfold``) hold a
  test bucket out once, then rotate the validation fold over the remaining rows:
  ``make_folds``. ``make_buckets`` resolves a fold strategy to one of its folds (the ``fold``
  parameter; by default the last fold of a time-series split, the first of the others), so a
  later lesson that needs three buckets can train on the learner's choice.

Every strategy's parameters travel in a ``lessons.choices.SplitChoice``:

========================  ==========================================================
strategy                  params
========================  ==========================================================
``random``                ``sizes`` (train, validation, test fractions)
``stratified``            ``sizes``
``time``                  ``validation_start``, ``test_start`` (ISO dates); without
                          them the cuts are the dates nearest to ``sizes``. With a
                          label horizon, rows whose label lands after the next cut
                          go to the purge gap (``Buckets.gap``), in no bucket
``group``                 ``sizes``, ``column`` (the entity; default the dataset's)
``kfold``                 ``k``, ``test_size``, ``fold``
``stratified_kfold``      ``k``, ``test_size``, ``fold``
``time_series``           ``k``, ``gap`` (distinct time steps skipped, on top of
                          the label-horizon purge), ``test_size``
``group_kfold``           ``k``, ``column``, ``test_size``, ``fold``
========================  ==========================================================
"""

from lessons.splits.buckets import (
    canonical_choice,
    default_time_cuts,
    describe_horizon,
    label_settled,
    make_buckets,
    make_folds,
    time_values,
)
from lessons.splits.comparison import (
    GapParts,
    RarePositives,
    ShuffleGap,
    ValidationSpread,
    comparison_model,
    metric_name,
    rare_class_positives,
    score_split,
    shuffle_versus_time,
    validation_spread,
)
from lessons.splits.drawing import ROLES, role_strips, row_order, target_by_bucket, timeline
from lessons.splits.guarantees import check_guarantees, fold_guarantees
from lessons.splits.script import split_code
from lessons.splits.strategies import (
    BUCKET_STRATEGIES,
    DEFAULT_K,
    DEFAULT_SIZES,
    FOLD_STRATEGIES,
    MAX_K,
    STRATEGIES,
    STRATEGY_TITLES,
    Buckets,
    Fold,
    Guarantee,
    default_strategy,
    entity_candidates,
    why_not,
)

__all__ = [
    "BUCKET_STRATEGIES",
    "DEFAULT_K",
    "DEFAULT_SIZES",
    "FOLD_STRATEGIES",
    "MAX_K",
    "ROLES",
    "STRATEGIES",
    "STRATEGY_TITLES",
    "Buckets",
    "Fold",
    "GapParts",
    "Guarantee",
    "RarePositives",
    "ShuffleGap",
    "ValidationSpread",
    "canonical_choice",
    "check_guarantees",
    "comparison_model",
    "default_strategy",
    "default_time_cuts",
    "describe_horizon",
    "entity_candidates",
    "fold_guarantees",
    "label_settled",
    "make_buckets",
    "make_folds",
    "metric_name",
    "rare_class_positives",
    "role_strips",
    "row_order",
    "score_split",
    "shuffle_versus_time",
    "split_code",
    "target_by_bucket",
    "time_values",
    "timeline",
    "validation_spread",
    "why_not",
]
