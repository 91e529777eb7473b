"""A within-subject factorial (batch 80's word memory experiment): ten subjects lettered A to
J, each recalling words of every kind once, the kinds two named conditions crossed
(concrete or abstract, common or rare). Each subject's four rows are alike (some recall
more of every kind), so the subject is the entity; it was none, because no single condition
meets each subject once. Counter-case (test_audit_cycles_and_subjects): rabbits under two
treatments at two numbered doses, four rows each, stay no entity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lessons.audit import audit

SEEDS = range(3)


def _word_recall(seed: int, labels: list) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for subject in labels:
        memory = rng.normal(0, 10)
        for abstract in ("Yes", "No"):
            for frequent in ("Yes", "No"):
                rows.append(
                    {
                        "Subject": subject,
                        "Abstract": abstract,
                        "Frequent": frequent,
                        "Percent": int(
                            np.clip(
                                42
                                - 3 * (abstract == "Yes")
                                + 2 * (frequent == "Yes")
                                + memory
                                + rng.normal(0, 4),
                                0,
                                100,
                            )
                        ),
                    }
                )
    return pd.DataFrame(rows).sample(frac=1, random_state=seed).reset_index(drop=True)


@pytest.mark.parametrize("labels", [list("ABCDEFGHIJ"), list(range(1, 11))])
@pytest.mark.parametrize("seed", SEEDS)
def test_subjects_meeting_every_combination_of_two_named_conditions_are_the_entity(seed, labels):
    assert audit(_word_recall(seed, labels), "Percent").group_column == "Subject"
