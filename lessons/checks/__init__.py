"""Checks of understanding: a few questions at the end of each lesson, some computed live.

The questions live in ``lessons/content/checks/<lesson>.md``, one file per lesson, in this
format (anything before the first ``## `` heading is a note for authors and is ignored)::

    ## question-id
    compute: function_name          <- only for a computed question

    The question, in Markdown, over one or more lines.

    - [ ] A wrong option (a plausible misconception)
    - [x] The right option
    - [ ] Another wrong option

    > The explanation: why the right one is right and the tempting one is wrong.
    > It may run over several lines.

A static question marks exactly one option ``[x]`` and the others ``[ ]``. A computed question
names a function of ``COMPUTE`` and gives every option a key instead (``- [time] ...``); the
function runs a lesson's own code on the active dataset and seed and returns a ``Computed``:
the values for the ``{placeholders}`` in the question, options and explanation, and the key
of the right option. Numbers and the right answer are therefore computed, never typed.

When a computed question cannot run on the active dataset (no time column, a target the
lesson cannot use), it runs on the closest built-in dataset and says so; ``NotApplicable``
is raised only when nothing fits.
"""

from lessons.checks.computed import (
    COMPUTE,
    DATASET_LEAKS,
    DEMO_LEAKS,
    MONITOR_RECIPE,
    MONITOR_SETTINGS,
    STRONG_C,
    TRAIN_ROW_CAP,
    TREE_PARAMS,
    answer,
    best_policy,
    biggest_leak,
    demo_leaks,
    metric_winner,
    one_change,
    policies,
    quick_model_vs_baseline,
    shuffle_versus_time,
    tree_or_default,
)
from lessons.checks.parser import load, parse, question_ids
from lessons.checks.records import (
    CONTENT,
    AnyQuestion,
    ChecksFormatError,
    Computed,
    ComputedQuestion,
    NotApplicable,
    Option,
    Question,
)
from lessons.checks.stand_ins import stand_in
from lessons.progress import LESSONS

__all__ = [
    "COMPUTE",
    "CONTENT",
    "DATASET_LEAKS",
    "DEMO_LEAKS",
    "LESSONS",
    "MONITOR_RECIPE",
    "MONITOR_SETTINGS",
    "STRONG_C",
    "TRAIN_ROW_CAP",
    "TREE_PARAMS",
    "AnyQuestion",
    "ChecksFormatError",
    "Computed",
    "ComputedQuestion",
    "NotApplicable",
    "Option",
    "Question",
    "answer",
    "best_policy",
    "biggest_leak",
    "demo_leaks",
    "load",
    "metric_winner",
    "one_change",
    "parse",
    "policies",
    "question_ids",
    "quick_model_vs_baseline",
    "shuffle_versus_time",
    "stand_in",
    "tree_or_default",
]
