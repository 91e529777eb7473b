"""How a suspect column, or a group of redundant ones, is judged: the checks, their
severity and the words of the finding."""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.report import (
    GROUP_DROP_SEEN,
    GROUP_GAIN,
    MISSING_LEAK_LIFT,
    MOST_OF_MODEL,
    NEAR_PERFECT_LIFT,
    ONE_SIDED_ROWS,
    OUTCOME_NAME,
    REDUNDANT_GROUP_GAIN,
    TOO_GOOD_LIFT,
    Finding,
)
from lessons.audit.screens import _Screen

REDUNDANT_GROUP_CHECK = (
    "redundant group: the columns' out-of-fold encodings correlate, so the group is left out "
    "together"
)
NEAR_PERFECT_CHECK = (
    "near-perfect alone: the column alone reaches most of what the full model knows"
)


def _near_perfect(alone_lift: float, with_lift: float) -> bool:
    """A single column near-perfect on its own, or explaining most of what the model knows."""
    return alone_lift >= NEAR_PERFECT_LIFT or (
        alone_lift >= 0.75 and alone_lift >= MOST_OF_MODEL * with_lift
    )


# Words that make a column an earlier value of the target (``sales_last_year``, ``prev_price``,
# ``lag_1``, ``weight_prev_week``, ``temp_24h_before``): the most common honest feature of a
# forecasting table.
# "last" counts only with a period ("last_week"): alone it often means the end state
# (``last_payment_amount``), and words that merely start with "prev" or "lag" do not count.
_PERIOD = r"(day|week|month|quarter|year|season|period|visit|game|race)s?"
LAG_NAME = re.compile(
    r"(^|[^a-z])(prev|previous|prior|lag|lagged)(?=[^a-z]|$)"
    rf"|(^|[^a-z])(last|past|previous)_?{_PERIOD}(?=[^a-z]|$)"
    rf"|{_PERIOD}_?(ago|before|earlier)(?=[^a-z]|$)"
    r"|\d+_?(h|hr|hrs|hours?|min|mins|minutes?|d|days?|w|wk|weeks?)_?(ago|before|earlier)(?=[^a-z]|$)"
    r"|(^|[^a-z])yesterday",
    re.IGNORECASE,
)


def _contains_the_target(column: str, target: str) -> bool:
    a, b = column.lower(), target.lower()
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 3 and shorter != longer and shorter in longer


def _names_the_target(column: str, target: str) -> bool:
    """Whether a column's name is the target's name with a word added (``price_final``),
    other than a word that makes it an earlier value (``price_last_year``)."""
    return _contains_the_target(column, target) and not LAG_NAME.search(column)


ROLE_WORDS = frozenset(
    ["recipient", "donor", "mother", "father", "maternal", "paternal", "parent", "parents",
     "spouse", "partner", "sibling", "siblings", "sister", "brother", "husband", "wife",
     "neighbour", "neighbor", "household", "family", "peer", "peers", "friend", "friends"]
)  # fmt: skip
"""Words that name another party of the row (a donor, a mother, a spouse): a column of the
target's name with one of them holds that party's value, not a copy of the target."""


def _another_party(column: str) -> bool:
    """Whether a column's name says it holds another party's value (``recipient.cmv``,
    ``mother_smokes``, ``spouse_income``)."""
    return any(word in ROLE_WORDS for word in name_words(column))


def _earlier_value_of_the_target(column: str, target: str) -> bool:
    """Whether a column is named as an earlier value of the target (``sales_last_year``)."""
    return _contains_the_target(column, target) and bool(LAG_NAME.search(column))


NUMBERED_NAME = re.compile(r"(?P<stem>[a-z][a-z_.]*?)[_.]?(?P<number>\d+)", re.IGNORECASE)


def _sibling_of_the_target(column: str, target: str) -> bool:
    """Whether a column is named as the target with another number (``r2`` beside ``r1``,
    ``score_8`` beside ``score_4``): one stem, two numbers."""
    found = [NUMBERED_NAME.fullmatch(name.strip()) for name in (column, target)]
    return (
        all(found)
        and found[0]["stem"].lower() == found[1]["stem"].lower()
        and int(found[0]["number"]) != int(found[1]["number"])
    )


# Words that make a column an estimate of the target set before the outcome: a list price
# for a sale price, a budgeted cost for the actual one, a forecast for the demand.
ESTIMATE_NAME = re.compile(
    r"(^|[^a-z])(list|listing|listed|asking|ask|orig|original|initial|opening|estimated?|est|"
    r"expected|forecasts?|forecasted|predicted|planned|budget|budgeted|quoted?|appraised|"
    r"appraisal|offered|projected|reserve)(?=[^a-z]|$)",
    re.IGNORECASE,
)


EXACT_LIFT = 0.998
"""ROC AUC 0.999 or R² 0.998 alone: the target itself, whatever the column's name says."""


def _estimate_of_the_target(column: str, target: str) -> bool:
    """Whether a column is named as an estimate of the target made before it (``ListPrice``
    beside ``SalePrice``, ``budget_cost`` beside ``actual_cost``)."""
    return _shares_a_word(column, target) and bool(
        ESTIMATE_NAME.search(" ".join(name_words(column)))
    )


SETTING_WORDS = frozenset(
    ["miles", "mile", "km", "kms", "kilometres", "kilometers", "distance", "dist", "metres", "meters",
     "dose", "dosage", "tariff", "planned", "scheduled", "laps"]
)  # fmt: skip


def _named_as_a_setting(column: str) -> bool:
    """Whether a column is named as something fixed before the outcome that sets its size:
    a distance to run, a dose, a planned amount."""
    return any(word in SETTING_WORDS for word in name_words(column))


def name_words(name: str) -> list[str]:
    """A column name's words, lower case, camel case and acronyms split (``SPLPPct`` →
    ``splp``, ``pct``)."""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def _shares_a_word(column: str, target: str) -> bool:
    """Whether a column's name shares a word (4+ letters, or one a prefix of the other) with
    the target's name: ``price_per_sqft`` and ``Sale_Price``, ``fatal`` and ``fatality_rate``."""

    def words(text: str) -> list[str]:
        return [w for w in name_words(text) if len(w) >= 4]

    return any(a.startswith(b) or b.startswith(a) for a in words(column) for b in words(target))


def _judge_group(
    group: list[str],
    screens: dict[str, _Screen],
    lifts: dict[str, float],
    target_name: str,
    score_name: str,
    with_all: float,
    with_lift: float,
    without: float,
    gain: float,
    across: dict[str, float] | None = None,
    dropped: tuple[str, ...] = (),
) -> Finding | None:
    """A group of columns that carry the same signal, judged by what the group is worth.

    ``across``: the lift of too-good columns predicted from other entities only (a panel), or
    from other blocks of time only (a series).
    ``dropped``: the high leaks left out of both scores (a second look)."""
    best = max(group, key=lambda c: lifts[c])
    alone_lift = lifts[best]
    too_good = alone_lift >= TOO_GOOD_LIFT and (across or {}).get(best, 1.0) >= TOO_GOOD_LIFT
    shown = ", ".join(repr(c) for c in group)
    evidence = {
        "check": REDUNDANT_GROUP_CHECK,
        "score_name": score_name,
        "score_alone": {c: round(screens[c].alone, 4) for c in group},
        "score_with": round(with_all, 4),
        "score_without": round(without, 4),
        "lift_lost_without_group": round(gain, 4),
    }
    numbers = (
        f"With every column the fast model scores {score_name} {with_all:.3f}; without "
        f"the group it scores {without:.3f} (best alone: {best!r}, "
        f"{screens[best].alone:.3f})."
        if not dropped
        else f"With the leaks above ({', '.join(map(repr, dropped))}) dropped, the fast model "
        f"scores {score_name} {with_all:.3f}; without the group as well, {without:.3f} (best "
        f"alone: {best!r}, {screens[best].alone:.3f}). Dropping a leak can uncover a second "
        "copy of the outcome that it hid, but honest columns that measure the same thing look "
        "the same here: check when they are recorded."
    )
    if dropped:
        evidence["leaks_dropped_first"] = list(dropped)
    named = any(OUTCOME_NAME.search(c) or _names_the_target(c, target_name) for c in group)
    columns = tuple(group)
    if too_good:
        severity = "high"
    elif named and gain >= GROUP_DROP_SEEN and alone_lift >= 0.2:
        # As for a single column: only a name built on the target's makes the group high.
        # Another party's value of the same quantity (the transplant recipient's CMV status
        # beside the patient's CMV reactivation, a mother's smoking beside the child's) is a
        # question too: as often known before as written after.
        copies = tuple(
            c for c in group if _names_the_target(c, target_name) and not _another_party(c)
        )
        severity = "high" if copies and (gain >= 0.1 or alone_lift >= 0.8) else "medium"
        if severity == "high":
            # The name makes the group high: the columns named like the target are the
            # finding; the others only share their signal (an education beside a prestige
            # grade) and are shown as such, not called leaks.
            columns = copies
    elif _near_perfect(alone_lift, with_lift) or (
        gain >= REDUNDANT_GROUP_GAIN and alone_lift >= 0.4
    ):
        severity = "medium"
    else:
        return None
    others = [c for c in group if c not in columns]
    # A group asked about for a near-perfect member may lose nothing when left out (another
    # column gives the target alone): then its finding must not say the score drops.
    together = (
        "so leaving out one of them changes little; left out together, the score drops"
        if gain >= GROUP_DROP_SEEN
        else f"and {best!r} alone scores close to every column together. Left out together, "
        "they change little: the other columns make up for them"
    )
    message = (
        f"{shown} carry the same signal about the target, {together}. {numbers}"
        if not others
        else f"{', '.join(map(repr, columns))} is named like the target, and "
        f"{', '.join(map(repr, others))} carry the same signal, so leaving out one column "
        f"changes little; left out together, the score drops. {numbers}"
    )
    return Finding(
        "target_leak",
        severity,
        columns,
        message,
        "Is any of these known at the moment of prediction? If they are versions of one "
        "measurement recorded after the outcome (an amount and the same amount as a share, "
        "a band and its sub-band), drop them all; if they are honest, keep the clearest one.",
        evidence,
    )


GAP_MAX_AUC = 0.99
"""A side left empty for a few classes is a gap in their records below this ROC AUC for those
classes; at it, the emptiness is the outcome's own (no taxi-in time for a cancelled flight)."""


def _other_reading(asked: bool, tail: bool, few: bool) -> str:
    """The honest reading of a missing-value pattern that is only a question."""
    if not asked:
        return ""
    if few:
        return ", or one kept for some outcomes' records only (a gap in a few classes' data)"
    return ", or one kept for a subgroup at that end" if tail else ""


VALUES_OVER_EMPTINESS = 0.1
"""Lift by which a column's values must beat its empty/filled flag for a few empty rows of one
outcome to be a question (ROC AUC 0.05)."""
FEW_EMPTY_SHARE = 0.1
"""A column empty on fewer rows than this share, all of one outcome, is a question, not a leak."""


def _judge_single(
    column: str,
    target_name: str,
    score_name: str,
    *,
    alone: float,
    alone_lift: float,
    missing_alone: float,
    missing_lift: float,
    with_all: float,
    with_lift: float,
    without: float,
    gain: float,
    missing_share: float,
    over_time: bool,
    one_sided: dict | None = None,
    across_entities: float | None = None,
    across_periods: bool = False,
    cut: dict | None = None,
    lag: dict | None = None,
    pile: dict | None = None,
    marks: dict | None = None,
    words: dict | None = None,
    band: dict | None = None,
    dropped: tuple[str, ...] = (),
    same_order: bool = False,
    setting: dict | None = None,
) -> Finding | None:
    """One suspect judged. ``across_entities``: its lift when each row is predicted from
    other entities only (a panel); a column too good only through its own entity's other
    rows is not "too good". ``dropped``: the high leaks left out of both scores (a second
    look, once the leaks that hid this column are gone). ``same_order``: its values put the
    rows in the target's order (the target itself, whatever its name). ``setting``: a number
    with a few values around which the target varies (``_coarse_setting``)."""
    evidence = {
        "score_name": score_name,
        "score_alone": round(alone, 4),
        "score_with": round(with_all, 4),
        "score_without": round(without, 4),
    }
    if dropped:
        evidence["leaks_dropped_first"] = list(dropped)
    if across_entities is not None:
        key = "lift_alone_across_periods" if across_periods else "lift_alone_across_entities"
        evidence[key] = round(across_entities, 4)
    too_good = alone_lift >= TOO_GOOD_LIFT and (
        across_entities is None or across_entities >= TOO_GOOD_LIFT
    )
    numbers = (
        f"With every column the fast model scores {score_name} {with_all:.3f}; without "
        f"{column!r} it scores {without:.3f}."
        if not dropped
        else f"With the leaks above ({', '.join(map(repr, dropped))}) dropped, the fast model "
        f"scores {score_name} {with_all:.3f}; without {column!r} as well, {without:.3f}. "
        "Dropping a leak can uncover a second copy of the outcome that it hid, but an honest "
        f"strong column looks the same here: check when {column!r} is recorded."
    )
    outcome_name = bool(OUTCOME_NAME.search(column))
    copy_name = _names_the_target(column, target_name)
    if lag is not None:
        # Its values are the target's own, an interval earlier: a past value, known at the
        # moment of prediction if the interval covers the horizon (a future one would be a
        # leak, and is never called a lag).
        evidence.update(
            {
                "check": "earlier value of the target, read from the data: its values are the target's, "
                "a fixed interval earlier",
                "lag": lag,
            }
        )
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known at the moment of prediction? On {lag['share']:.0%} of the "
            f"{lag['rows']:,} rows where the comparison can be made, it equals the target of "
            f"the same {lag['within']} {lag['interval']} earlier: it is an earlier value of the "
            f"target ({score_name} {alone:.3f} alone). {numbers}",
            "If the interval is at least the prediction horizon (yesterday's value, for a "
            "forecast made a day ahead), it is a legitimate and strong baseline: beat it. If "
            "the forecast is made further ahead, it is not known yet: drop it.",
            evidence,
        )
    if (
        _earlier_value_of_the_target(column, target_name)
        and over_time
        and alone_lift >= TOO_GOOD_LIFT
    ):
        # Last week's weight predicts this week's almost perfectly, honestly: the question is
        # whether that earlier value is known when the prediction is made.
        evidence["check"] = "named as an earlier value of the target"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known at the moment of prediction? It is named as an earlier value "
            f"of the target and predicts it almost perfectly ({score_name} {alone:.3f} alone). "
            f"{numbers}",
            "If it is older than the prediction horizon (last week's value, for a forecast made "
            "a week ahead), it is a legitimate and strong baseline: beat it. If it is refreshed "
            "after the moment of prediction, it is a leak.",
            evidence,
        )
    # Named like the target and too good, with no earlier value of it found in the data
    # (a lag was judged above): the time order does not excuse a copy; it stays high below.
    if copy_name and over_time and alone_lift >= 0.2 and not too_good:
        evidence["check"] = "named like the target, in a table ordered in time"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"{column!r} is named like the target and predicts it ({score_name} {alone:.3f} "
            f"alone). {numbers}",
            "If it is an earlier value of the same quantity (last week's price), it is a "
            "legitimate and strong baseline; if it is measured at the same time as the target "
            "or later, it is a leak.",
            evidence,
        )
    exact = alone_lift >= EXACT_LIFT or same_order
    if too_good and not exact and _estimate_of_the_target(column, target_name):
        # An asking price predicts the sale price almost perfectly, honestly: the question is
        # whether it is set before the outcome, as its name says.
        evidence["check"] = "named as an estimate of the target made before it"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} set before the outcome? It is named as an estimate of the target "
            f"made beforehand (a list price for a sale price) and predicts it almost "
            f"perfectly ({score_name} {alone:.3f} alone). {numbers}",
            "If it is set before the outcome, it is a legitimate and strong baseline: report "
            "how much the model beats it, not its score alone. If it is revised after the "
            "outcome (a price cut on the day of the sale), it is a leak.",
            evidence,
        )
    if too_good and not exact and _sibling_of_the_target(column, target_name):
        # The 2-month interest rate predicts the 1-month rate almost perfectly, read the same
        # day: the same measurement at another maturity (or another wave, a later test). The
        # name cannot tell a neighbour known at prediction time from a later reading.
        evidence["check"] = "named as the target with another number: a sibling measurement"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known when {target_name!r} is predicted? It is named as the target "
            f"with another number (the same measurement at another maturity, position or "
            f"wave) and predicts it almost perfectly ({score_name} {alone:.3f} alone). "
            f"{numbers}",
            "If it is read before the target or at the same moment and available then (the "
            "2-month rate beside the 1-month rate), it is a legitimate and strong baseline: "
            "beat it. If it is a later reading (a second test, a later wave), it is a leak: "
            "drop it.",
            evidence,
        )
    if too_good and not exact and setting is not None and _named_as_a_setting(column):
        # Distance run predicts a runner's time almost perfectly, honestly. The shape alone
        # cannot tell a setting from a noisy copy of the target cut into bands (a bill read
        # again and rounded to $50): the name must say it is a setting too.
        evidence.update({"check": "too good alone, but a setting the target varies around"})
        evidence.update(setting)
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} set before the outcome? Alone it predicts the target almost "
            f"perfectly ({score_name} {alone:.3f}), but it takes only {setting['values']} "
            f"values, most rows sharing one with many others, and the target varies within "
            f"each of them "
            f"({setting['target_values']:,} target values; along the target, "
            f"{setting['share_of_changes_against_the_order']:.0%} of its changes go against "
            f"its overall direction). Its name and its values look like a setting (a distance "
            f"to run, a dose) rather than a value computed from the outcome, though the data "
            f"alone cannot prove it. {numbers}",
            "If it is fixed before the outcome (a plan, a dose, a tariff), it is a legitimate "
            "and strong baseline: report how much the model beats it, not its score alone. If "
            "it is recorded after the outcome, drop it.",
            evidence,
        )
    if too_good:
        evidence["check"] = "too good alone: no honest single measurement is this good"
        return Finding(
            "target_leak",
            "high",
            (column,),
            f"{column!r} alone predicts the target almost perfectly ({score_name} {alone:.3f}); "
            f"no honest single measurement is that good. {numbers}",
            "Find out when it is recorded. If it is filled in after the outcome (or computed "
            "from it), drop it.",
            evidence,
        )
    if missing_lift >= MISSING_LEAK_LIFT or one_sided is not None:
        evidence.update(
            {
                "check": "missing-value pattern: whether the field is empty predicts the target",
                "missing_share": round(missing_share, 4),
                "score_missing_flag_alone": round(missing_alone, 4),
            }
        )
        detail = ""
        few = one_sided is not None and "classes" in one_sided
        tail = one_sided is not None and ("at_most" in one_sided or "at_least" in one_sided)
        pattern = (
            "left empty for a few outcomes and filled in for the others"
            if few and one_sided.get("side") == "empty"
            else "filled in for a few outcomes and not the others"
            if few
            else "filled in for one end of the target's range"
            if tail
            else "filled in for one outcome and not the other"
        )
        if one_sided is not None:
            evidence["one_sided"] = one_sided
            if "classes" in one_sided:
                outcomes = (
                    f"fall in {one_sided['classes']} of the {one_sided['of_classes']} classes, "
                    f"ROC AUC {one_sided['roc_auc_for_those_classes']:.3f} for those classes,"
                )
            elif "at_most" in one_sided:
                outcomes = f"have a target of at most {one_sided['at_most']:.4g}"
            elif "at_least" in one_sided:
                outcomes = f"have a target of at least {one_sided['at_least']:.4g}"
            else:
                outcomes = "have the same outcome"
            detail = (
                f" {one_sided['class_share']:.0%} of the {one_sided['rows']:,} "
                f"{one_sided['side']} rows {outcomes} (against "
                f"{one_sided['overall_share']:.0%} of all rows)."
            )
        # A field kept for a subgroup whose target is naturally extreme (contract hours of
        # part-timers, a pension type of retirees) sits in one tail too: without a strong
        # flag, the tail alone is a question. So is a field filled for both outcomes and left
        # empty on a few rows of one (an incentive not recorded for one village's wave): a
        # field written after the outcome is filled for one outcome, not emptied for it.
        # Only when the values carry the signal and the emptiness does not: a field cleared
        # for the churners is all emptiness (its values predict nothing), and stays a leak.
        few_empty = (
            one_sided is not None
            and one_sided.get("side") == "empty"
            and missing_share < FEW_EMPTY_SHARE
            and alone_lift - missing_lift >= VALUES_OVER_EMPTINESS
        )
        rare = one_sided is not None and one_sided.get("question", False)
        # A side whose rows come from one or two entities is a gap in their records (a
        # measure not compiled for two countries' early years): their outcome is one class
        # because it is theirs. A question, whatever the flag scores.
        few_entities = (
            one_sided is not None
            and one_sided.get("entities_on_side", FEW_SIDE_ENTITIES + 1) <= FEW_SIDE_ENTITIES
        )
        if few_entities:
            detail += (
                f" Those rows come from only {one_sided['entities_on_side']} of the "
                "entities: a gap in a few entities' records looks like this too."
            )
        # Emptied by a rule on another column (income not asked of children: empty exactly
        # where the age is below 15), the flag says what that column says. A question.
        skipped = one_sided is not None and "skip_rule" in one_sided
        if skipped:
            detail += (
                f" The empty rows are exactly those with {one_sided['skip_rule']}: a form "
                "that skips the question by that rule looks like this, whatever the outcome."
            )
        # Among many classes, a side left empty for a few of them while filled for most of the
        # others is a gap in those classes' records (three of eight chains publish no
        # vitamins): a field written after the outcome is filled in for a few outcomes (a gas
        # meter's year for the two gas choices of five), not for most of them. A question.
        # Unless the emptiness is exact: a cancelled or diverted flight has no taxi-in time.
        gap = (
            few
            and one_sided.get("side") == "empty"
            and one_sided.get("classes_on_other_side", 0) > one_sided["of_classes"] / 2
            and one_sided["roc_auc_for_those_classes"] < GAP_MAX_AUC
        )
        # On a skewed target the flag's mean can score below zero while its side sits at
        # one end: the ranks say how far.
        flag_strength = (
            f"its {one_sided['side']} rows' targets rank "
            f"{'below' if 'at_most' in one_sided else 'above'} the others' in "
            f"{one_sided['rank_auc']:.0%} of pairs"
            if one_sided is not None and "rank_auc" in one_sided
            else f"{score_name} {missing_alone:.3f} from the empty/filled flag alone"
        )
        asked = (
            ((tail or few_empty or rare or gap) and missing_lift < MISSING_LEAK_LIFT)
            or few_entities
            or skipped
        )
        return Finding(
            "target_leak",
            "medium" if asked else "high",
            (column,),
            (
                f"Is {column!r} left empty because of the outcome? It is filled in across the "
                f"outcomes and its values carry the signal ({score_name} {alone:.3f} alone, "
                f"{missing_alone:.3f} from the empty/filled flag), but its empty rows "
                f"({missing_share:.0%} of all) fall in one outcome: a field cleared once the "
                "outcome was known, or a gap in one batch of records that happens to share an "
                f"outcome.{detail} {numbers}"
            )
            if asked and few_empty and not tail
            else f"{'Is ' + repr(column) + ' filled in after the outcome? ' if asked else ''}"
            f"Whether {column!r} is empty predicts the target ({flag_strength}; "
            f"{missing_share:.0%} of rows are empty): it is "
            f"{pattern}, as a field recorded after the "
            f"outcome would be{_other_reading(asked, tail, few)}."
            f"{detail} {numbers}",
            "Find out when the field is filled in: if only after the outcome, drop it; if it "
            "is known beforehand for a subgroup, keep it."
            if asked
            else "Drop it unless you can show the field is filled in before the prediction is "
            "made.",
            evidence,
        )
    if cut is not None and "floor" in cut and not too_good:
        evidence.update({"check": "its most common value marks the target's floor", "floor": cut})
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} left at {cut['value']} (its most common value) because of the "
            f"outcome? On its {cut['modal_rows']:,} rows with that value, "
            f"{cut['modal_rows_at_floor']:.1%} have "
            f"the target at its lowest ({cut['floor']:g}), and they are "
            f"{cut['floor_rows_on_modal']:.0%} of all the rows at that floor; "
            f"{cut['other_rows_above_floor']:.0%} of its other rows are above it. A field filled "
            "in only once the outcome happened (a rating from those who went) looks like this; "
            f"so does an honest precondition (no boat, no trips). {numbers}",
            "Find out when it is recorded: if only for rows where the outcome happened, drop "
            "it; if it is a condition known beforehand, keep it.",
            evidence,
        )
    if cut is not None and not too_good:
        evidence.update(
            {"check": "cut of the target: its most common value sits on one side of it", "cut": cut}
        )
        side = "at most" if cut["modal_side"] == "below" else "at least"
        bound = cut["below_at_most"] if cut["modal_side"] == "below" else cut["above_at_least"]
        other = "at least" if side == "at most" else "at most"
        other_bound = cut["above_at_least"] if side == "at most" else cut["below_at_most"]
        # Rows of a few entities are a few observations: a trait of eight rats that splits
        # them from eight others is a question, not proof of a band of the target.
        entities = min(
            cut.get("entities_modal_side", ONE_SIDED_ROWS),
            cut.get("entities_other_side", ONE_SIDED_ROWS),
        )
        few = (
            f" The rows come from only {cut['entities_modal_side']} and "
            f"{cut['entities_other_side']} entities on the two sides: a trait of a few "
            "entities can split them honestly."
            if entities < ONE_SIDED_ROWS
            else ""
        )
        rare = (
            " A rare yes/no flag can also mark an honest small group (a wheelchair division "
            "in a race): check how it is set."
            if cut.get("rare_flag")
            else ""
        )
        return Finding(
            "target_leak",
            "high" if not (few or rare) else "medium",
            (column,),
            f"Is {column!r} set by the target? On the {cut['modal_rows']:,} rows where it holds "
            f"its most common value the target is {side} {bound:g}, on the "
            f"{cut['other_rows']:,} other filled rows {other} {other_bound:g} "
            f"({cut['rows_across_the_cut']} rows across the cut): it splits the target's range "
            "with no overlap, as a band of the target or a size measured above a cut of it "
            f"would.{few}{rare} {numbers}",
            "Find out how it is computed: if it is derived from the outcome (a band, the "
            "extent of the area above a threshold of it), drop it.",
            evidence,
        )
    if (outcome_name or copy_name) and gain >= 0.03 and alone_lift >= 0.2:
        why = "is named like the target" if copy_name else "is named like an outcome"
        evidence["check"] = f"{why[3:]} and adds signal no other column has"
        # A generic outcome word ("outcome", "result", "decision") is a reason to ask, not
        # evidence of timing: a stage's result can come before the final one (the bottom two
        # before the elimination). Only a name built on the target's own name makes a strong,
        # unique column high; the outcome word alone stays a question.
        # Another party's value of the same quantity is a question (above).
        own = copy_name and not _another_party(column)
        severity = "high" if own and (gain >= 0.1 or alone_lift >= 0.8) else "medium"
        ask = f"Is {column!r} recorded after the outcome? It" if severity == "medium" else ""
        return Finding(
            "target_leak",
            severity,
            (column,),
            f"{ask or repr(column)} {why} and carries signal no other column has "
            f"({score_name} {alone:.3f} alone). {numbers}",
            "Check when it is recorded: if after the moment of prediction, drop it.",
            evidence,
        )
    if words is not None and not too_good:
        # A question: a code may name a category known before (a ward of the hospital the
        # patient was sent to) as easily as one the outcome decided.
        evidence.update({"check": "the words inside the values predict the target", **words})
        shown = ", ".join(repr(w) for w in words["words"][:4])
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} set by the outcome? The words inside its {words['n_values']} "
            f"values ({shown}: {words['n_words']} in all) predict the target on values never "
            f"seen in training ({score_name} "
            f"{words['score_of_words_on_unseen_values']:.3f}): a code that names the outcome's "
            f"category (a class named for the school type it belongs to) looks like this. "
            f"{numbers}",
            "Find out what the words stand for and when the code is given: if it is given "
            "with or after the outcome, drop it; if it is known before, keep it and say so.",
            evidence,
        )
    if band is not None and not too_good:
        # A question: a band may be set before the outcome (a size class from a manifest) as
        # easily as written from it (a casualty band in the accident summary).
        evidence.update({"check": "its levels cut the target into ranges", "band": band})
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} written from the outcome? Its {band['levels']} levels cut "
            f"{target_name!r} into ranges on the {band['filled_rows']:,} rows where it is "
            f"filled: the level alone predicts where a row ranks (R² "
            f"{band['rank_r2']:.3f} out of fold, on the target's ranks, where the best any "
            f"column of its level sizes can do is {band['rank_r2_ceiling']:.3f}). Of the "
            f"{band['end_rows']} highest values of the target, "
            f"{band['highest_in_top_levels']:.0%} sit in its top levels (the fewest that hold "
            f"that many rows), and of the {band['end_rows']} lowest, "
            f"{band['lowest_in_bottom_levels']:.0%} in its bottom ones. A band cut from the "
            f"outcome (1-4, 5-9, ... 500+ dead beside the death toll) looks like this. {numbers}",
            "Find out when it is written: if it summarises the outcome, drop it; if it is "
            "known before (a size class set in advance), keep it and say so.",
            evidence,
        )
    if marks is not None and "codes" in marks and not too_good:
        evidence.update({"check": "a status code: one value on the other classes", "marks": marks})
        # A question: a sub-type that exists for one class only by definition (a trailer
        # type, on trucks) looks the same as a code written once the outcome was known.
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} written after the outcome? It holds {marks['value']!r} on "
            f"{marks['share_of_other_classes_on_value']:.0%} of the rows of the other classes, "
            f"and its {marks['codes']} other values on {marks['code_rows']:,} rows, "
            f"{marks['share_of_codes_in_class']:.0%} of them of class {marks['class']!r} "
            f"({marks['share_of_class_coded']:.0%} of that class's rows coded): a status code "
            "filled in once the outcome was known looks like this, with a blank-like value for "
            f"the rest; so does a sub-type that exists for one class by definition. {numbers}",
            "Find out when the code is assigned: if it records what happened (a diagnosis "
            "code, a case reference), drop it; if it is known before the prediction, keep it.",
            evidence,
        )
    if marks is not None and not too_good:
        # A question: a label may mark a class by definition (a sub-type of it), not only
        # because it was written once the outcome was known.
        evidence.update({"check": "one value marks one class", "marks": marks})
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} written after the outcome? Its value {marks['value']!r} is on "
            f"{marks['value_rows']:,} rows, {marks['share_of_value_in_class']:.1%} of them of "
            f"class {marks['class']!r} of {target_name!r}, and on "
            f"{marks['share_of_class_on_value']:.1%} of that class's rows: a status or a "
            f"disposition recorded once the outcome was known looks like this. {numbers}",
            "Find out when it is set: if it records what happened, drop it; if it is known "
            "before the prediction (a type the class is defined by), keep it and say so.",
            evidence,
        )
    if pile is not None and not too_good:
        # A question, never proof: a measurement with a natural floor or cap (a lab value at
        # its detection limit) can hold one outcome only too.
        evidence.update(
            {"check": "a class absent from the column's most common value", "pile": pile}
        )
        which = "rarer" if pile["class_code"] == 1 else "more common"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} measured after the outcome? Its most common value, "
            f"{pile['mode']}, is on {pile['modal_share']:.0%} of rows, yet "
            f"{pile['observed_on_mode']} of the rows where {target_name!r} takes its {which} "
            f"value sit there, where its rate on the {pile['nearby_rows']:,} rows with the "
            f"nearest values ({pile['class_share_nearby']:.1%}) would put "
            f"{pile['expected_on_mode']:g}. A follow-up cut at the end of a study looks like "
            "this (everyone who never had the event piles up at its end); so can a "
            f"measurement with a natural floor or cap. {numbers}",
            "Find out what the value means: if it is a time or an age up to the event (or "
            "to the end of the follow-up), it is written by the outcome: drop it. If it is "
            "known before the prediction, keep it.",
            evidence,
        )
    if _near_perfect(alone_lift, with_lift):
        evidence["check"] = NEAR_PERFECT_CHECK
        evidence["share_of_model_lift"] = round(alone_lift / with_lift, 4) if with_lift else 1.0
        entities = (
            (
                f" Predicted only from other blocks of time, its lift falls to "
                f"{across_entities:.3f} (1 is perfect): part of its strength is the "
                "neighbouring moments (it follows the time order, and the target moves "
                "slowly), so it is not too good to be true."
                if across_periods
                else f" Predicted only from other entities' rows, its lift falls to "
                f"{across_entities:.3f} (1 is perfect): part of its strength is its own "
                "entity's other rows, so it is not too good to be true."
            )
            if across_entities is not None and across_entities < alone_lift
            else ""
        )
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known at the moment of prediction? Alone it scores "
            f"{score_name} {alone:.3f}, most of what the model learns from every column."
            f"{entities} {numbers}",
            "If it is recorded at or after the outcome (or computed from it), drop it; if it "
            "is truly known beforehand, it is an unusually strong feature: keep it and say so.",
            evidence,
        )
    if missing_lift >= 0.3:
        evidence.update(
            {
                "check": "missing-value pattern: whether the field is empty says something",
                "missing_share": round(missing_share, 4),
                "score_missing_flag_alone": round(missing_alone, 4),
            }
        )
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Whether {column!r} is empty says something about the target ({score_name} "
            f"{missing_alone:.3f} from the empty/filled flag alone). {numbers}",
            "Ask why it is empty: if it is filled in later in the process, it leaks.",
            evidence,
        )
    if alone_lift >= 0.4 and gain >= GROUP_GAIN:
        evidence["check"] = "unique signal: leaving the column out costs the model a lot"
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} known at the moment of prediction? It carries signal no other "
            f"column has ({score_name} {alone:.3f} alone). {numbers}",
            "If it is recorded after the outcome, drop it; if not, it is a strong feature.",
            evidence,
        )
    if alone_lift >= 0.5 and gain >= 0.05:
        evidence["check"] = "strong predictor that no other column replaces"
        return Finding(
            "target_leak",
            "low",
            (column,),
            f"{column!r} is a strong predictor ({score_name} {alone:.3f} alone) that no other "
            f"column replaces, but nothing suggests it comes after the outcome. {numbers}",
            "Probably a legitimate, strong feature. Confirm it is known at the moment of "
            "prediction.",
            evidence,
        )
    return None


# A duration that ends at the outcome: the follow-up of a study ("futime", "time" in days from
# registration to death or the end of the study), a time to an event. "tenure" is left out: a
# customer's tenure at the snapshot is the textbook honest feature of a churn table.
DURATION_NAME = re.compile(
    r"(^|[^a-z])(fu_?time|futime|follow_?up\w*|followup\w*|surv(ival)?(_?(time|days|weeks|months))?"
    r"|duration|time_to\w*|days_to\w*|weeks_to\w*|months_to\w*|time|stime)([^a-z]|$)",
    re.IGNORECASE,
)
# The clinical end points written as their abbreviations: overall survival "OS",
# recurrence-free "RFS", progression-free "PFS", disease-free "DFS", event-free "EFS", time to
# progression or recurrence "TTP"/"TTR", "PFI", metastasis-free "MFS", disease-specific "DSS",
# alone or with a unit ("OS.time", "DSS_MONTHS"): durations, held to the same test.
END_POINT_NAME = re.compile(
    r"(os|rfs|pfs|dfs|efs|ttp|ttr|pfi|mfs|dss)"
    r"([._ ]?(time|days?|wks?|weeks?|mos?|mths?|months?|yrs?|years?))?",
    re.IGNORECASE,
)
# A target named only as the event's flag ("status", "event", "censored", "fstat"): beside it
# an end point written with a unit ("rfstime") is the follow-up; beside "churn_status" a
# "ttr_days" may be a ticket's time to resolve.
BARE_EVENT_NAME = re.compile(r"status|event|cens(or(ed)?)?|fstat|dead|death|died", re.IGNORECASE)
# A target that records a death, a relapse or a progression: beside it (not beside an order's
# "status" or a customer's "churn") "OS" is overall survival rather than an order size.
CLINICAL_EVENT_NAME = re.compile(
    r"death|dead|died|alive|relapse|recur|progress|censor|surviv|mortal|metasta", re.IGNORECASE
)
# Names that say "the time the follow-up lasted" outright: beside an event target they need
# only a difference between the classes beyond chance, not a strong one. A follow-up whose
# censored rows spread over the whole study can predict little and still be written by the
# outcome (a prostate cancer study's survival time, ROC AUC near 0.5 for each cause of death).
FOLLOW_UP_NAME = re.compile(
    r"fu_?time|follow_?up_?(time|days|weeks|months|years)|surv(ival)?_?(time|days|weeks|months"
    r"|years)",
    re.IGNORECASE,
)
# An unemployment or sickness spell, alone or with a unit (never a weather "dry_spell_days").
SPELL_NAME = re.compile(r"spell([_ ]?(length|days|weeks|months|years))?", re.IGNORECASE)
END_POINT_P_VALUE = 1e-3
END_POINT_EFFECT = 0.005
"""Kruskal-Wallis epsilon squared, (H - k + 1) / (n - k): the share of the ranks' variance
the classes explain. A p-value alone shrinks with the rows: on 20,000 rows a planned horizon
20 months longer for one group passes it, at epsilon squared 0.0012-0.0017. A real survival
time with censored rows over the whole study (prostateSurvival's, three classes) sits at 0.009:
the name carries the evidence, the floor only keeps a trivial difference from counting."""


def _kruskal(by_class: list[np.ndarray]) -> tuple[float, float]:
    """Kruskal-Wallis p-value and epsilon squared, (H - k + 1) / (n - k), of the classes."""
    from scipy.stats import kruskal  # imported late: scipy.stats takes half a second

    test = kruskal(*by_class)
    n, k = sum(len(v) for v in by_class), len(by_class)
    return float(test.pvalue), (float(test.statistic) - k + 1) / (n - k)


# A target that records whether (or how) an event happened by the end of the follow-up.
# "delta" as a whole word: survival data's event indicator (the letter of the censoring flag).
EVENT_NAME = re.compile(
    r"status|death|dead|died|alive|surviv|event|censor|fail|relapse|recur|arrest|mortal|churn"
    r"|\bdelta\b|tumou?r",
    re.IGNORECASE,
)
DURATION_MIN_LIFT = 0.2


def _snake_case(name: str) -> str:
    """``TimeToRecurrence`` as ``Time_To_Recurrence``: a camel-case name's words, separated
    as the name patterns expect (``time_to``)."""
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)


DURATION_MIN_VALUES = 20
TIME_TO = re.compile(
    r"(^|_)(time|days?|weeks?|months?|years?|hours?)_(to|until|till)_(?P<event>[a-z0-9_]+)$"
)


def _stems(words: str) -> tuple[str, ...]:
    """The words of a snake-case name without a past or plural ending: ``relapsed`` and
    ``relapse`` agree, ``churned`` and ``churn`` too; ``readmit`` stays apart from ``admit``."""
    stems = []
    for word in filter(None, words.split("_")):
        for ending in ("ed", "d", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        stems.append(word.removesuffix("e"))
    return tuple(stems)


def _time_to_the_target(name: str, target_name: str) -> bool:
    """Whether a column is named as the time to the very event the target records
    ("time.to.cmv" beside "cmv", "days_until_default" beside "default", "months_to_relapse"
    beside "relapsed"): whatever the target's name, such a duration ends at the outcome. Whole
    words only: the days to an admission are no time to a readmission."""
    words = re.sub(r"[^a-z0-9]+", "_", _snake_case(name).lower()).strip("_")
    found = TIME_TO.search(words)
    if found is None:
        return False
    target = re.sub(r"[^a-z0-9]+", "_", _snake_case(target_name).lower()).strip("_")
    event = _stems(found["event"])
    return bool(event) and min(map(len, event)) >= 3 and event == _stems(target)


# The two columns of an end point in survival tables, one stem each: its time and its status
# ("futime" and "fustat", "pgtime" and "pgstat", "os_months" and "os_status"), the status word
# first ("censrec" beside "rectime"), or the stem alone as the flag ("OS" beside "OS.time").
PAIRED_TIME = re.compile(r"(?P<stem>[a-z][a-z0-9]*?)_?(time|days|weeks|months|years)")
PAIRED_STATUS = re.compile(r"(?P<stem>[a-z][a-z0-9]*?)_?(stat|status|event|cens|censor|censored)")
STATUS_FIRST = re.compile(r"(stat|status|event|cens|censor|censored)_?(?P<stem>[a-z][a-z0-9]*)")
# Words that end in "time" and name no end point ("uptime": days since the last reboot).
TIME_COMPOUNDS = frozenset(
    [
        "up",
        "down",
        "run",
        "life",
        "over",
        "day",
        "real",
        "lead",
        "any",
        "some",
        "half",
        "part",
        "full",
        "play",
        "bed",
        "lunch",
        "tea",
        "night",
        "air",
        "screen",
        "meal",
        "show",
        "spring",
        "summer",
        "winter",
        "war",
        "peace",
        "one",
        "prime",
        "dinner",
        "break",
    ]
)
INITIAL_STEM = 2
"""Letters, at most, of a stem that is the start of a clinical event's name ("dtime" beside
"death", "rtime" beside "recur")."""


def _time_beside_its_status(name: str, target_name: str) -> bool:
    """Whether a column is the time of the end point whose status the target is, the two
    named with one stem ("pgtime" beside "pgstat", "rectime" beside "censrec", "OS.time"
    beside "OS", "dtime" beside "death"): the time runs until that event, or the end of
    follow-up where it did not happen. Not any stem's time beside a bare "status": beside a
    liver study's status, "protime" is the prothrombin time, a lab value."""
    column, target = (
        re.sub(r"[^a-z0-9]+", "_", _snake_case(n).lower()).strip("_") for n in (name, target_name)
    )
    time = PAIRED_TIME.fullmatch(column)
    if time is None or time["stem"] in TIME_COMPOUNDS:
        return False
    stem = time["stem"]
    status = PAIRED_STATUS.fullmatch(target) or STATUS_FIRST.fullmatch(target)
    return bool(
        (status is not None and status["stem"] == stem)
        or target == stem
        or (
            len(stem) <= INITIAL_STEM
            and target.startswith(stem)
            and CLINICAL_EVENT_NAME.search(target)
        )
    )


def _rank_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC AUC of raw scores for a 0/1 label (Mann-Whitney, ties shared)."""
    positive = labels == 1
    n_positive, n_negative = int(positive.sum()), int((~positive).sum())
    if n_positive == 0 or n_negative == 0:
        return 0.5
    return screen.rank_sum_test(np.asarray(scores, dtype=float), positive)[0]


def event_rows(column: pd.Series, target: screen.Target) -> np.ndarray:
    """1 on the rows where the event happened: the code 1 (or True) of a target written as 0
    and 1, whichever is rarer (a study where most patients died codes the deaths 1), else the
    positive class."""
    if target.task != "binary":
        return target.values
    codes = pd.to_numeric(column, errors="coerce")
    if set(codes.dropna().unique().tolist()) == {0, 1}:
        return (codes == 1).to_numpy(dtype=float)
    return target.values


def _shorter_on_events(kept: np.ndarray, events: np.ndarray, target: screen.Target) -> bool:
    """Two classes: the event rows' median duration is below the others'. Otherwise True."""
    if target.task != "binary":
        return True
    happened = events == 1
    if happened.all() or not happened.any():
        return False
    return float(np.median(kept[happened])) < float(np.median(kept[~happened]))


# A moment written in a name: "pacu90min", "postOp4hour", "weight_week8", "score_6mo".
_MINUTES = {"min": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43800, "year": 525600}
_UNIT = (
    r"(?P<unit{n}>min|mins|minutes?|h|hr|hrs|hours?|d|days?|wk|wks|weeks?|mo|mos|months?"
    r"|yr|yrs|years?)"
)
MOMENT_NAME = re.compile(
    rf"(?<![0-9.])(?P<amount1>\d+)_?{_UNIT.format(n=1)}(?![a-z0-9])"
    rf"|(?<![a-z]){_UNIT.format(n=2)}_?(?P<amount2>\d+)(?![0-9])",
    re.IGNORECASE,
)
_UNIT_KEYS = {
    "min": "min", "minute": "min", "h": "hour", "hr": "hour", "hour": "hour", "d": "day",
    "day": "day", "wk": "week", "week": "week", "mo": "month", "month": "month",
    "yr": "year", "year": "year",
}  # fmt: skip
LATER_MOMENT_LIFT = 0.3  # ROC AUC 0.65, R² 0.3: a later measurement that says this much
# A number that sizes a window or a horizon ("sales_90d", "readmit_count_1yr",
# "logins_next_7d", "speed_avg_30min"), not the moment a value was taken at.
WINDOW_WORDS = frozenset(
    ["avg", "mean", "sum", "count", "total", "rolling", "per", "last", "past", "prior",
     "within", "next", "trailing", "window", "cum", "cumulative", "rate", "ago", "before"]
)  # fmt: skip


def _moment_in_name(name: str) -> tuple[float, str] | None:
    """The moment a name says its value was taken at (minutes, and as written), if it says one
    and only one: ``pacu90min_throatPain`` is 90 min, ``weight_week8`` 8 weeks."""
    moments = {
        (int(m["amount1"] or m["amount2"]), (m["unit1"] or m["unit2"]).lower())
        for m in MOMENT_NAME.finditer(re.sub(r"([a-z])([A-Z])", r"\1_\2", name))
    }
    if len(moments) != 1:
        return None
    ((amount, unit),) = moments
    key = _UNIT_KEYS.get(unit) or _UNIT_KEYS[unit[:-1]]
    plural = "s" if amount != 1 and key != "min" else ""
    return amount * _MINUTES[key], f"{amount} {key}{plural}"


def _shared_word(first: str, second: str) -> str:
    """The first word (4+ letters) of ``first`` that ``second`` shares, as ``_shares_a_word``
    reads them."""
    return next(
        a
        for a in name_words(first)
        for b in name_words(second)
        if len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a))
    )


def _without_moments(name: str) -> str:
    """A name without its moments and unit words: ``weight_week_8`` and ``nausea_week_2``
    share no measurement."""
    bare = MOMENT_NAME.sub(" ", re.sub(r"([a-z])([A-Z])", r"\1_\2", name))
    return " ".join(w for w in name_words(bare) if w.rstrip("s") not in _UNIT_KEYS)


def _later_measurement_finding(
    column: str, target_name: str, score_name: str, alone: float, alone_lift: float
) -> Finding | None:
    """The target's own measurement, taken again after the target's moment, as a question.

    A trial or a panel in wide form keeps one column per moment: the pain at 30 minutes,
    at 90 minutes, at 4 hours. When the target is one of them, the later ones are written
    after the outcome. Both names must say their moment and share a word besides it; the
    earlier-value words (``2h_before``) and the words of a window (``sales_90d`` beside
    ``sales_next_30d``: sums over spans, not moments) must be absent; the later column must
    say something about the target (ROC AUC 0.65, R² 0.3 alone)."""
    if alone_lift < LATER_MOMENT_LIFT or LAG_NAME.search(column):
        return None
    if any(WINDOW_WORDS & set(name_words(name)) for name in (column, target_name)):
        return None
    measured, of_the_target = _without_moments(column), _without_moments(target_name)
    if measured != of_the_target and not _shares_a_word(measured, of_the_target):
        return None
    moment, of_target = _moment_in_name(column), _moment_in_name(target_name)
    if moment is None or of_target is None or moment[0] <= of_target[0]:
        return None
    shared = measured if measured == of_the_target else _shared_word(measured, of_the_target)
    evidence = {
        "check": "the same measurement, named as taken after the target's moment",
        "score_name": score_name,
        "score_alone": round(alone, 4),
        "moments": {"column": moment[1], "target": of_target[1]},
        "measurement": shared,
    }
    return Finding(
        "target_leak",
        "medium",
        (column,),
        f"Is {column!r} measured after the outcome? Its name says {moment[1]}, the target's "
        f"{target_name!r} says {of_target[1]}, and both measure {shared!r}: it looks like the "
        f"same measurement taken later ({score_name} {alone:.3f} alone).",
        "If it is recorded after the moment the target describes, it cannot be known when "
        "the prediction is made: drop it. Keep the measurements taken before that moment.",
        evidence,
    )


YEAR_IN_NAME = re.compile(r"^(?P<before>\D*?)[_.]?(?P<year>(?:19|20)\d{2}|\d{2})(?P<after>\D*)$")
"""A name holding one number, a year of four digits or two, at its end (``Hgt97``,
``density_2021``), its start or inside it (``y97hgt``, ``Hgt_1997_final``)."""


class YearInName(NamedTuple):
    """What a name says apart from its year (the year's place kept, ``hgt_#_final``), the
    year, and how many digits wrote it."""

    stem: str
    year: int
    digits: int


FEW_SIDE_ENTITIES = 2
"""A one-sided empty/filled flag whose side holds rows of this many entities or fewer is a
question: a gap in a few entities' records."""

PLANNED_NAME = re.compile(
    r"budget|plan|forecast|target|quota|allocat|projected|expected|(^|[^a-z])age([^a-z]|$)",
    re.IGNORECASE,
)
"""Values set before their year begins, or that follow from the calendar (an age)."""


def _year_in_name(name: str) -> YearInName | None:
    """The stem and the year a name holds (two digits read as 1950-2049), if it says one
    and no other number."""
    match = YEAR_IN_NAME.match(str(name))
    if match is None or not re.search(r"[A-Za-z]", match["before"] + match["after"]):
        return None
    # Two digits inside a name are a year only after a year's letter ("y97hgt"): elsewhere
    # they are an age, a band or a size ("over65", "households_75k", "top10_share").
    if (
        match["after"]
        and len(match["year"]) == 2
        and not re.search(r"(^|[^a-z])(y|yr|fy)$", match["before"].lower())
    ):
        return None
    year = int(match["year"])
    if len(match["year"]) == 2:
        year += 1900 if year >= 50 else 2000
    after = match["after"].lower()
    stem = match["before"].lower().rstrip("_.") + (f"#{after}" if after else "")
    return YearInName(stem, year, len(match["year"]))


def _year_of_the_target(target_name: str, columns: list[str]) -> YearInName | None:
    """The target's stem and year when the table keeps the same measurement for an earlier
    year too (``Hgt96`` beside ``Hgt97``): then the suffix is a year, and the table is a
    panel written wide."""
    of_target = _year_in_name(target_name)
    if of_target is None:
        return None
    earlier = any(
        (named := _year_in_name(c)) is not None
        and named.stem == of_target.stem
        and named.year < of_target.year
        for c in columns
    )
    return of_target if earlier else None


def _same_year_finding(
    column: str,
    target_name: str,
    target_year: YearInName | None,
    score_name: str,
    alone: float,
    alone_lift: float,
) -> Finding | None:
    """Another measurement named for the target's own year (or a later one), in a table that
    keeps earlier years of the target (a tree's diameter in 1997 beside its height in 1997,
    with its heights in 1990 and 1996), as a question: measured on the same visit as the
    outcome, it is not known when the prediction is made. It must say something about the
    target (ROC AUC 0.65, R² 0.3 alone)."""
    if (
        target_year is None
        or alone_lift < LATER_MOMENT_LIFT
        or LAG_NAME.search(column)
        or PLANNED_NAME.search(column)
    ):
        return None
    named = _year_in_name(column)
    if named is None or named.stem == target_year.stem or named.year < target_year.year:
        return None
    # A year written like the target's: "q18" beside "employed_2016" is a survey item.
    if named.digits != target_year.digits:
        return None
    if named.year == target_year.year:
        when = "the target's own year"
        looks = "another measurement from the same visit as the target"
    else:
        when = "a later year"
        looks = "a measurement taken after the target's year"
    return Finding(
        "target_leak",
        "medium",
        (column,),
        f"Is {column!r} measured with the outcome or after it? Its name holds the year {named.year}, "
        f"{when}: {target_name!r} is the {target_year.year} value of a measurement the table "
        f"also keeps for earlier years, so {column!r} looks like {looks} "
        f"({score_name} {alone:.3f} alone).",
        "If it is recorded at the moment the target describes or later, it is not known when "
        "the prediction is made: drop it, and keep the earlier years' columns. If it is set "
        "before that year begins (a budget, a plan, a staff hired in advance), keep it.",
        {
            "check": "another measurement, named for the target's year in a table of years",
            "score_name": score_name,
            "score_alone": round(alone, 4),
            "years": {"column": named.year, "target": target_year.year},
        },
    )


def named_as_a_follow_up(name: str, target_name: str) -> bool:
    """Whether a column's name says it is a follow-up or a time to an event, beside a target
    named as that event (the name gates of ``_duration_finding``)."""
    point = END_POINT_NAME.fullmatch(_snake_case(name))
    end_point = point is not None and bool(
        CLINICAL_EVENT_NAME.search(target_name)
        or (point.group(2) and BARE_EVENT_NAME.fullmatch(target_name.strip()))
    )
    paired = _time_beside_its_status(name, target_name)
    return bool(
        (
            end_point
            or paired
            or FOLLOW_UP_NAME.fullmatch(_snake_case(name))
            or SPELL_NAME.fullmatch(_snake_case(name))
            or DURATION_NAME.search(_snake_case(name))
        )
        and (paired or EVENT_NAME.search(target_name) or _time_to_the_target(name, target_name))
    )


def _duration_finding(
    column: pd.Series,
    target_name: str,
    target: screen.Target,
    score_name: str,
    alone: float,
    alone_lift: float,
    events: np.ndarray | None = None,
) -> Finding | None:
    """A follow-up or time-to-event column beside an event target, asked as a question.

    A follow-up ends at the event, or at the end of the study for the rows where it did not
    happen: it is recorded with the outcome, and shorter where the event happened. A column
    is asked about when its name says duration, the target's name says event or status (a
    class target), its values are non-negative numbers with many values, and it predicts the
    target (lift ``DURATION_MIN_LIFT``: ROC AUC 0.6), by its binned screen or, for a binary
    target, by the ROC AUC of the duration itself (shorter where the event happened: on a
    small study the binned screen's folds blur that one-directional signal).
    """
    name = str(column.name)
    # "OS" alone may be an order size; "rfstime" or "OS_months" says duration, beside a
    # target named as the event's bare flag or as a clinical event.
    point = END_POINT_NAME.fullmatch(_snake_case(name))
    end_point = point is not None and bool(
        CLINICAL_EVENT_NAME.search(target_name)
        or (point.group(2) and BARE_EVENT_NAME.fullmatch(target_name.strip()))
    )
    paired = _time_beside_its_status(name, target_name)
    follow_up = paired or bool(FOLLOW_UP_NAME.fullmatch(_snake_case(name)))
    if (
        target.task == "regression"
        or not named_as_a_follow_up(name, target_name)
        or pd.api.types.is_bool_dtype(column)
        or not pd.api.types.is_numeric_dtype(column)
    ):
        return None
    values = column.to_numpy(dtype=float, na_value=np.nan)
    present = np.isfinite(values)
    if not present.any() or values[present].min() < 0:
        return None
    if len(np.unique(values[present])) < DURATION_MIN_VALUES:
        return None
    check = "duration beside an event target: a follow-up ends at the outcome"
    events = target.values if events is None else events
    if target.task == "binary" and alone_lift < DURATION_MIN_LIFT:
        shorter_on_events = _rank_auc(-values[present], events[present])
        if 2 * shorter_on_events - 1 >= DURATION_MIN_LIFT:
            alone, alone_lift = shorter_on_events, 2 * shorter_on_events - 1
            check += " (ROC AUC of the duration itself, shorter on events)"
    labels = target.values[present].astype(int)
    kept = values[present]
    by_class = [kept[labels == k] for k in np.unique(labels)]
    # Kruskal-Wallis: do the classes' durations differ beyond chance? (Two classes: the
    # Mann-Whitney test.) Only for a name that says follow-up outright.
    # Beyond chance, by a real margin, and (two classes) shorter where the event happened.
    tested = (
        follow_up
        and alone_lift < DURATION_MIN_LIFT
        and len(by_class) >= 2
        and min(len(v) for v in by_class) >= 5
    )
    p_value, effect = _kruskal(by_class) if tested else (1.0, 0.0)
    differs = (
        p_value < END_POINT_P_VALUE
        and effect >= END_POINT_EFFECT
        and _shorter_on_events(kept, events[present], target)
    )
    if alone_lift < DURATION_MIN_LIFT and not differs:
        return None
    means = {int(k): float(kept[labels == k].mean()) for k in np.unique(labels)}
    shown = "; ".join(f"class {k}: {v:,.0f}" for k, v in list(means.items())[:5])
    evidence = {
        "check": check,
        "score_name": score_name,
        "score_alone": round(alone, 4),
        "mean_by_class": {str(k): round(v, 4) for k, v in means.items()},
    }
    if differs:
        evidence["epsilon_squared"] = round(effect, 4)
        evidence["check"] = (
            "named as a follow-up or survival time beside an event target, and its values "
            "differ by class beyond chance (Kruskal-Wallis)"
        )
        evidence["p_value"] = p_value
        chance = 0.5 if target.task == "binary" else 1 / len(by_class)
        strength = (
            f"Alone it predicts little ({score_name} {alone:.3f}, where chance scores "
            f"{chance:.3g}), but its values differ "
            f"by class beyond chance (Kruskal-Wallis p = {p_value:.2g}, epsilon squared "
            f"{evidence['epsilon_squared']:.3f}; its mean by class of "
            f"the target, {shown})"
        )
    else:
        strength = (
            f"It predicts it ({score_name} {alone:.3f} alone; its mean by class of the target, "
            f"{shown})"
        )
    what = (
        "a clinical end point (a time to death, recurrence or progression)"
        if end_point
        else "the time of the target's own end point (one stem with it)"
        if paired
        else "a follow-up or survival time"
        if follow_up
        else "a duration (a follow-up, a time to an event)"
    )
    return Finding(
        "target_leak",
        "medium",
        (name,),
        f"Is {name!r} measured after the outcome? It is named as {what} beside the event "
        f"target {target_name!r}. {strength}. A "
        "follow-up that ends at the event, or at the study's end where the event did not "
        "happen, is recorded with the outcome.",
        "If it runs until the event or the end of follow-up, drop it (or model time to event "
        "with it as the outcome); if it is fixed before the prediction (a planned term), keep it.",
        evidence,
    )
