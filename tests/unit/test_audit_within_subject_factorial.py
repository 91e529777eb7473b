"""A within-subject factorial (batch 80's word memory experiment): ten subjects lettered A to
J, each recalling words of every kind once, the kinds two named conditions crossed
(concrete or abstract, common or rare). Each subject's four rows are alike (some recall
more of every kind), so the subject is the entity; it was none, because no single condition
meets each subject once. Counter-case (test_audit_cycles_and_subjects): rabbits under two
treatments at two numbered doses, four rows each, stay no entity."""

from __future__ import annotations

import pytest

from lessons.audit import audit
from tests.unit.audit_findings import word_recall

SEEDS = range(3)


@pytest.mark.parametrize("labels", [list("ABCDEFGHIJ"), list(range(1, 11))])
@pytest.mark.parametrize("seed", SEEDS)
def test_subjects_meeting_every_combination_of_two_named_conditions_are_the_entity(seed, labels):
    assert audit(word_recall(seed, labels), "Percent").group_column == "Subject"
