"""Leak checks: each column alone, the missing-value flag, with and without each suspect
(or group of redundant suspects) in a fast stacked model, pairs, and the entity comparison."""

from __future__ import annotations

import dataclasses
import functools
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lessons import audit_screen as screen
from lessons.audit.alternatives import chosen_alternative_findings
from lessons.audit.judge import (
    NEAR_PERFECT_CHECK,
    PLANNED_NAME,
    REDUNDANT_GROUP_CHECK,
    _duration_finding,
    _earlier_value_of_the_target,
    _judge_group,
    _judge_single,
    _later_measurement_finding,
    _names_the_target,
    _near_perfect,
    _same_year_finding,
    _year_of_the_target,
    event_rows,
)
from lessons.audit.pairs import _combination_leaks
from lessons.audit.report import (
    ENTITY_COLUMNS,
    HELD_OUT_ENTITIES,
    MAX_STACKED_COLUMNS,
    MAX_SUSPECTS,
    MIN_SCREENED,
    MISSING_LEAK_LIFT,
    N_FOLDS,
    OUTCOME_NAME,
    REDUNDANT_CORRELATION,
    SCORE_NAMES,
    SUSPECT_LIFT,
    TOO_GOOD_LIFT,
    Finding,
    Progress,
)
from lessons.audit.screens import (
    _held_out_score,
    _quick_strength,
    _Screen,
    _screen_column,
    _unlift,
)
from lessons.audit.table import _group_keys
from lessons.audit_types import is_plain_number


@dataclass(frozen=True)
class _LeakResult:
    """The leak findings, the honest score, the columns it used, and the columns skipped."""

    findings: list[Finding]
    honest: float
    kept: list[str]
    skipped: list[str] = field(default_factory=list)
    screens: dict[str, _Screen] = field(default_factory=dict)


def _leak_findings(
    rows: pd.DataFrame,
    columns: list[str],
    target_name: str,
    target: screen.Target,
    folds: np.ndarray,
    progress: Progress,
    *,
    over_time: bool,
    deadline: float = float("inf"),
    distinct: dict[str, int] | None = None,
    entity: str | None = None,
    moments: np.ndarray | None = None,
    whole: tuple[pd.DataFrame, screen.Target, np.ndarray] | None = None,
    clock: str | None = None,
) -> _LeakResult:
    """Single-column, missing-value, group and combination leaks, each with and without
    scores; columns the time budget did not reach are returned as skipped. ``moments``: the
    time order of the rows (numbers), when the table has one. ``whole``: the whole table,
    its target and its time order, when ``rows`` is a sample of it (for the lag check).
    ``clock``: the time column, not screened itself, a partner in the formula search."""
    if not columns:
        return _LeakResult([], screen.baseline_score(target), [])
    # Columns named like an outcome or like the target are screened first, so a budget
    # that runs out on a very wide table skips ordinary columns before suspicious ones.
    # Then the other columns, numbers by a quick vectorised correlation with the target
    # (and of their empty/filled flag), strongest first: what a budget skips is the weakest.
    quick = _quick_strength(rows, columns, target)
    ordered = sorted(
        columns,
        key=lambda c: (
            not (OUTCOME_NAME.search(c) or _names_the_target(c, target_name)),
            -quick.get(c, 1.0),
        ),
    )
    distinct = distinct or {}
    screens: dict[str, _Screen] = {}
    skipped: list[str] = []
    for position, name in enumerate(ordered):
        # The first columns (named like an outcome, then the strongest by the quick screen)
        # are screened even past the deadline: a busy machine still gets its likeliest leaks.
        if position >= MIN_SCREENED and time.perf_counter() > deadline:
            skipped = ordered[position:]
            break
        screens[name] = _screen_column(rows[name], target, folds, distinct.get(name))
        if screens[name].band is not None and _periods_of_time(rows[name], moments):
            screens[name] = dataclasses.replace(screens[name], band=None)
        if position % 50 == 49:
            progress(0.45 + 0.25 * position / len(ordered), f"Scored {position + 1} columns")
    _drop_defining_traits(screens)
    columns = [c for c in columns if c in screens]
    if not columns:
        return _LeakResult([], screen.baseline_score(target), [], skipped)
    lifts = {name: screen.lift(s.alone, target) for name, s in screens.items()}
    missing_lifts = {name: screen.lift(s.missing_alone, target) for name, s in screens.items()}
    across = _across_entities(rows, lifts, entity, target, distinct)
    across_periods = entity is None and moments is not None
    if across_periods:
        across = _across_periods(rows, lifts, target, distinct, moments)
    ranked = sorted(columns, key=lambda c: -lifts[c])
    # The entity column predicts through the entity's own history (its grouped folds, or
    # time-ordered ones, show it): a suspect only when its own screen is damning.
    suspects = [
        c
        for c in columns
        if (c != entity or _has_own_evidence(screens[c], target))
        and (
            lifts[c] >= SUSPECT_LIFT
            or missing_lifts[c] >= 0.3
            or screens[c].one_sided is not None
            or screens[c].cut is not None
            or screens[c].pile is not None
            or screens[c].marks is not None
            or screens[c].words is not None
            or screens[c].band is not None
            or (OUTCOME_NAME.search(c) and lifts[c] >= 0.2)
            or _names_the_target(c, target_name)
        )
    ]
    suspects = sorted(
        suspects,
        key=lambda c: (
            screens[c].one_sided is None and screens[c].cut is None,
            -max(lifts[c], missing_lifts[c]),
        ),
    )[:MAX_SUSPECTS]
    # A class target gives each column one feature per class: many classes, fewer columns
    # (the strongest), so that the stacked model's cost stays that of forty columns.
    most = max(MAX_STACKED_COLUMNS * 2 // max(target.n_classes, 2), MAX_SUSPECTS)
    stacked_columns = list(dict.fromkeys([*ranked[: min(MAX_STACKED_COLUMNS, most)], *suspects]))

    ridge = screen.StackedRidge([screens[c].block for c in stacked_columns], target, folds)

    def stacked_without(excluded: set[str]) -> float:
        return ridge.score([i for i, c in enumerate(stacked_columns) if c not in excluded])

    progress(0.75, "Scoring every column together, with and without each suspect")
    with_all = stacked_without(set())
    with_lift = screen.lift(with_all, target)
    findings: list[Finding] = []
    name = SCORE_NAMES[target.task]
    lags = {}
    if moments is not None:
        # A lag is compared with the entity's earlier row, which a sample of rows drops.
        lag_rows, lag_target, lag_moments = whole if whole is not None else (rows, target, moments)
        keys = (
            _series_keys(lag_rows, entity, lag_moments, target_name)
            if entity
            else np.zeros(len(lag_rows), int)
        )
        book = None
        if target.task != "regression":
            # A class's labels as numbers of one code book, the column's the same way.
            labels = lag_rows[target_name]
            book = _code_book(pd.Series(pd.unique(labels.dropna())))
            coded_target = functools.cache(
                lambda: screen.Target("regression", _coded(labels, book).to_numpy(), 0)
            )
        else:
            coded_target = functools.cache(lambda: lag_target)
        by_moment = functools.cache(lambda: _target_by_moment(coded_target(), lag_moments, keys))
        side_by_side = functools.cache(
            lambda: _side_by_side_series(lag_rows, lag_moments, target_name)
        )
        for column in suspects:
            values = lag_rows[column]
            if book is not None:
                # Most columns hold no class labels at all: a glance at a few rows first.
                glance = _label_text(values.sample(min(len(values), LAG_SAMPLE), random_state=0))
                if glance.isin(book).mean() < LAG_VALUES_SHARE:
                    continue
                values = _coded(values, book)
            lag = _earlier_copy(
                values, coded_target(), lag_moments, keys, entity, by_moment, classes=bool(book)
            )
            if lag is None and entity is None:
                # The men's and the women's records side by side, year by year: a lag of the
                # target within each series, which the moments alone interleave.
                for label, split in side_by_side():
                    lag = _earlier_copy(
                        values, coded_target(), lag_moments, split, label, classes=bool(book)
                    )
                    if lag is not None:
                        break
            if lag is not None:
                lags[column] = lag
    lagged = {c for c in suspects if _earlier_value_of_the_target(c, target_name) or c in lags}
    changes = (
        _changes_of_the_target(lag_rows, columns, lag_target, lag_moments, keys, target_name, name)
        + _running_totals_of_the_target(
            lag_rows, columns, lag_target, lag_moments, keys, target_name, name
        )
        if moments is not None
        else []
    )
    groups = _redundant_groups(suspects, screens, target, with_lift, lagged)

    def judge(column: str, dropped: frozenset[str] = frozenset()) -> Finding | None:
        with_some = stacked_without(set(dropped)) if dropped else with_all
        some_lift = screen.lift(with_some, target)
        without = stacked_without({*dropped, column})
        return _judge_single(
            column,
            target_name,
            name,
            alone=screens[column].alone,
            alone_lift=lifts[column],
            missing_alone=screens[column].missing_alone,
            missing_lift=missing_lifts[column],
            with_all=with_some,
            with_lift=some_lift,
            without=without,
            gain=some_lift - screen.lift(without, target),
            missing_share=float(rows[column].isna().mean()),
            over_time=over_time,
            one_sided=_skip_rule(
                _side_entities(
                    _unless_kept_for_a_while(screens[column].one_sided, rows[column], moments),
                    rows,
                    column,
                    entity,
                ),
                rows,
                column,
                # Not a column too good alone: a status code that is "none" for every customer
                # who stayed empties a survey of leavers the same way, and is a leak itself.
                [c for c in ranked if c != column and lifts[c] < TOO_GOOD_LIFT][:SKIP_RULE_COLUMNS],
            ),
            cut=_with_entities(screens[column].cut, rows, column, entity),
            pile=_with_mode(screens[column].pile, rows[column]),
            marks=_with_class(screens[column].marks, rows, column, target_name),
            words=screens[column].words,
            band=screens[column].band,
            across_entities=across.get(column),
            across_periods=across_periods,
            lag=lags.get(column),
            dropped=tuple(sorted(dropped)),
            same_order=_same_order_as_target(rows[column], target),
            setting=_coarse_setting(rows[column], target),
        )

    def judge_group(group: list[str], dropped: frozenset[str] = frozenset()) -> Finding | None:
        with_some = stacked_without(set(dropped)) if dropped else with_all
        some_lift = screen.lift(with_some, target)
        without = stacked_without({*dropped, *group})
        return _judge_group(
            group,
            screens,
            lifts,
            target_name,
            name,
            with_some,
            some_lift,
            without,
            some_lift - screen.lift(without, target),
            across=across,
            dropped=tuple(sorted(dropped)),
        )

    for group in groups:
        finding = judge(group[0]) if len(group) == 1 else judge_group(group)
        if finding:
            findings.append(finding)
    findings.extend(_near_copies(findings, ranked, screens, lifts, target, name))
    changes += chosen_alternative_findings(rows, columns, target, target_name, name)
    for change in changes:
        findings = [f for f in findings if not _said_better_by(f, change)]
        findings.append(change)
    asked = {c for f in findings for c in f.columns if f.severity in ("high", "medium")}
    specific = {
        c
        for f in findings
        for c in f.columns
        if f.severity == "high"
        or (f.severity == "medium" and f.evidence.get("check") not in STRENGTH_CHECKS)
    }
    events = event_rows(rows[target_name], target) if target_name in rows.columns else target.values
    target_year = _year_of_the_target(target_name, list(rows.columns))
    for column in ranked:
        duration = (
            None
            if column in asked or column == entity
            else _duration_finding(
                rows[column],
                target_name,
                target,
                name,
                screens[column].alone,
                lifts[column],
                events,
            )
        )
        if duration is not None:
            findings = _replacing_the_low(findings, duration)
            asked.add(column)
            continue
        later = (
            None
            if column in asked
            else _later_measurement_finding(
                column, target_name, name, screens[column].alone, lifts[column]
            )
        )
        if later is None and column not in specific:
            later = _same_year_finding(
                column, target_name, target_year, name, screens[column].alone, lifts[column]
            )
        if later is not None:
            findings = _replacing_the_low(findings, later)
    if entity is not None:
        sizes = rows[entity].value_counts()
        largest, n_entities = int(sizes.iloc[0]), len(sizes)
        for column in columns:
            if column in asked or column == entity:
                continue
            counter = _counter_within_entity(
                rows, column, entity, target, name, largest, n_entities
            )
            if counter is not None:
                findings.append(counter)
    progress(0.85, "Looking for columns that give the target away together")
    flagged = {c for f in findings if f.severity == "high" for c in f.columns}
    findings.extend(
        _dominant_families(
            columns,
            screens,
            {c for f in findings if f.severity in ("high", "medium") for c in f.columns},
            flagged,
            stacked_without,
            stacked_columns,
            folds,
            target,
            name,
        )
    )
    findings.extend(
        _dominant_columns(
            ranked,
            lifts,
            {entity, *(c for f in findings for c in f.columns)},
            flagged,
            stacked_without,
            target,
            name,
        )
    )
    # The entity's number or name is no quantity: its products and joint codes with other
    # columns only recall each entity's own rows.
    paired = [c for c in ranked if c != entity]
    for combination in _combination_leaks(
        rows,
        paired,
        lifts,
        flagged,
        target_name,
        target,
        folds,
        stacked_without,
        with_all,
        clock=clock,
        moments=moments,
        entity=entity,
        # Read from the data only: a name alone ("last year's rate") leaves the pair a
        # question about both.
        lagged=frozenset(lags),
    ):
        findings = [f for f in findings if not _said_better_by(f, combination)]
        findings.append(combination)
        if combination.severity == "high":
            flagged.update(combination.evidence["pair"])
    coded = [
        [g[0]] for g in groups if len(g) == 1 and 2 <= distinct.get(g[0], 0) <= SECOND_LOOK_VALUES
    ]
    copies = [
        g
        for g in groups
        if len(g) > 1
        and max(lifts[c] for c in g) >= SECOND_LOOK_COPIES_LIFT
        and _one_measurement(rows, g)
    ]
    findings = _second_look(
        findings,
        [*coded, *copies],
        lambda group, dropped: (
            judge(group[0], dropped) if len(group) == 1 else judge_group(group, dropped)
        ),
    )
    flagged = {c for f in findings if f.severity == "high" for c in f.columns}
    # Over time the honest score is the forward-chained one (computed by the caller).
    honest = with_all if over_time else stacked_without(flagged)
    return _LeakResult(
        findings, honest, [c for c in stacked_columns if c not in flagged], skipped, screens
    )


def _with_entities(
    cut: dict | None, rows: pd.DataFrame, column: str, entity: str | None
) -> dict | None:
    """A cut of the target with the number of entities on each side of it, when the rows
    repeat entities: eight rats on a diet, all lighter than the eight others, are eight
    observations of a trait, not 88 rows of a band. The entity itself is counted the same
    way: four markets, one quoted above 200 every day and three below 130, are one market's
    level, not a band cut from the price."""
    if cut is None or entity is None:
        return cut
    values = rows[column]
    modal = values == values.mode(dropna=True).iloc[0]
    filled = values.notna() & rows[entity].notna()
    return {
        **cut,
        "entities_modal_side": int(rows.loc[modal & filled, entity].nunique()),
        "entities_other_side": int(rows.loc[~modal & filled, entity].nunique()),
    }


KEPT_GAPS = 0.1
"""Share of the rows inside a field's stretch of time that may be empty, the field still kept
for that while."""


def _unless_kept_for_a_while(
    one_sided: dict | None, values: pd.Series, moments: np.ndarray | None
) -> dict | None:
    """``one_sided``, unless its filled rows sit at one end of the target only because the
    field was kept for a while: the filled rows are every row of one stretch of time, no
    empty row inside it. A count published for two seasons of a show whose audience grew
    ranks high because the series trends, not because the field follows the outcome."""
    if one_sided is None or "rank_auc" not in one_sided or moments is None:
        return one_sided
    filled = values.notna().to_numpy()
    order = moments.astype(float)
    inside = (order >= order[filled].min()) & (order <= order[filled].max())
    # A few rows left empty inside the stretch (two episodes never counted) do not break it.
    return None if (inside & ~filled).sum() <= KEPT_GAPS * inside.sum() else one_sided


def _skip_rule(
    one_sided: dict | None, rows: pd.DataFrame, column: str, others: list[str]
) -> dict | None:
    """A one-sided empty/filled flag with the rule of one of ``others`` that empties it,
    when one does exactly: a form that skips the income question for children is empty on
    the rows with an age below 15, whatever their outcome. The other column must be filled
    on the empty rows and take many values or a few categories on either side."""
    if one_sided is None or "side" not in one_sided:
        return one_sided
    empty = rows[column].isna().to_numpy()
    if empty.all() or not empty.any():
        return one_sided
    for other in others:
        values = rows[other]
        if values[empty].isna().mean() > SKIP_RULE_GAPS or values.nunique() > len(rows) / 2:
            continue
        rule = _separating_rule(values, empty)
        if rule is not None:
            # Filled mostly at one end, and only by that rule (the date of a first marriage,
            # asked of the women ever married): the end is the rule's column's, not a sign
            # that the field follows the outcome.
            if "rank_auc" in one_sided:
                return None
            return {**one_sided, "skip_rule": f"{other} {rule}"}
    return one_sided


SKIP_RULE_GAPS = 0.05
"""Share of the empty rows on which the column setting the rule may itself be empty."""
SKIP_RULE_COLUMNS = 50
"""The strongest columns tried as the rule (a wide table's thousandth column is not)."""


def _separating_rule(values: pd.Series, empty: np.ndarray) -> str | None:
    """How ``values`` tell the empty rows from the filled ones without a miss ("< 15",
    "in ('child',)"), or None."""
    on_empty, on_filled = values[empty].dropna(), values[~empty].dropna()
    if on_empty.empty or on_filled.empty:
        return None
    if is_plain_number(values):
        if on_empty.max() < on_filled.min():
            return f"< {on_filled.min():g}"
        if on_empty.min() > on_filled.max():
            return f"> {on_filled.max():g}"
        return None
    empty_values = set(on_empty.astype(str))
    if empty_values & set(on_filled.astype(str)) or len(empty_values) > SKIP_RULE_VALUES:
        return None
    return "in (" + ", ".join(repr(v) for v in sorted(empty_values)) + ")"


SKIP_RULE_VALUES = 3


def _side_entities(
    one_sided: dict | None, rows: pd.DataFrame, column: str, entity: str | None
) -> dict | None:
    """A one-sided empty/filled flag with the number of entities its side's rows come
    from, when the rows repeat entities: a field empty for two countries' early years is a
    gap in their records, and their outcome is one class because it is theirs."""
    if one_sided is None or entity is None or entity == column or "side" not in one_sided:
        return one_sided
    empty = rows[column].isna()
    side = empty if one_sided["side"] == "empty" else ~empty
    return {**one_sided, "entities_on_side": int(rows.loc[side, entity].nunique())}


def _with_class(
    marks: dict | None, rows: pd.DataFrame, column: str, target_name: str
) -> dict | None:
    """``marks`` with the value and the class it marks, as the table writes them."""
    if marks is None:
        return None
    value = rows[column].mode(dropna=True).iloc[0]
    if "flag_value" in marks:
        value = next(v for v in rows[column].dropna().unique() if str(v) == marks["flag_value"])
    # The class the value marks, or for a status code the class its other values mark.
    on = rows[column] == value
    if "codes" in marks:
        on = ~on & rows[column].notna()
    marked = rows.loc[on, target_name].mode(dropna=True).iloc[0]
    return {**marks, "value": str(value), "class": str(marked)}


def _with_mode(pile: dict | None, column: pd.Series) -> dict | None:
    """A class absent from the column's most common value, with that value."""
    if pile is None:
        return None
    return {**pile, "mode": str(column.mode(dropna=True).iloc[0])}


def _across_entities(
    rows: pd.DataFrame,
    lifts: dict[str, float],
    entity: str | None,
    target: screen.Target,
    distinct: dict[str, int],
) -> dict[str, float]:
    """The score of each too-good column when every row is predicted from other entities.

    In a panel (states over years) a row's nearest values are often its own entity's other
    periods: a size that changes slowly (a state's jobs) then reads the target off the same
    state's neighbouring year. "No honest single measurement is this good" must hold with
    the entity's own rows out of reach; a copy of the target passes that test as well.
    """
    too_good = [c for c, value in lifts.items() if value >= TOO_GOOD_LIFT and c != entity]
    if entity is None or not too_good:
        return {}
    groups = _group_keys(rows[entity].to_numpy())
    if groups.max() + 1 < N_FOLDS:
        return {}
    folds = screen.make_folds(len(rows), N_FOLDS, np.random.default_rng(0), groups)
    return {
        c: screen.lift(
            _screen_column(rows[c], target, folds, distinct.get(c), across_folds=True).alone,
            target,
        )
        for c in too_good
    }


def _across_periods(
    rows: pd.DataFrame,
    lifts: dict[str, float],
    target: screen.Target,
    distinct: dict[str, int],
    moments: np.ndarray,
) -> dict[str, float]:
    """The score of each too-good column when every row is predicted from other blocks of
    time only.

    In a series a row's nearest values are often the neighbouring moments' when the column
    follows the time order (a population, month after month): it then reads the target off
    the month beside it, however honest. A copy of the target passes this test as well.
    Only when the time order alone predicts the target as well (a slow series)."""
    too_good = [c for c, value in lifts.items() if value >= TOO_GOOD_LIFT]
    if not too_good:
        return {}
    # Only where the time order alone reads the target off the neighbouring moments (a slow
    # series): elsewhere a too-good column that follows time (a last day active, early for
    # the customers who left) owes nothing to the neighbours.
    order = moments.astype(float)
    by_time = screen.neighbour_predict(order, target)
    if by_time is None or screen.lift(screen.score(by_time, target), target) < TOO_GOOD_LIFT:
        return {}
    folds = screen.time_folds(order, N_FOLDS)
    return {
        c: screen.lift(
            _screen_column(rows[c], target, folds, distinct.get(c), across_folds=True).alone,
            target,
        )
        for c in too_good
    }


DOMINANT_CANDIDATES = 3
DOMINANT_MIN_LIFT = 0.4
DOMINANT_MARGIN = 0.1


def _dominant_columns(
    ranked: list[str],
    lifts: dict[str, float],
    reported: set[str | None],
    flagged: set[str],
    stacked_without: Callable[[set[str]], float],
    target: screen.Target,
    score_name: str,
) -> list[Finding]:
    """The strongest column, when it alone predicts clearly more than every other column
    together.

    A measurement of the outcome itself (a part of the rate being predicted, a wage reported
    after the year that decides participation) is usually that: it outweighs the whole rest
    of the table. So can an honest key driver, so the finding is a medium question. The
    entity column is left to its own finding: a customer's history often outweighs the rest.
    """
    found: list[Finding] = []
    with_column = stacked_without(flagged)
    candidates = [c for c in ranked if c not in reported][:DOMINANT_CANDIDATES]
    for column in candidates:
        alone_lift = lifts[column]
        # A fast stacked model that scores below one of its own columns (a small table) says
        # nothing about "every other column together": no finding then.
        if alone_lift < DOMINANT_MIN_LIFT or screen.lift(with_column, target) < alone_lift:
            break
        rest = stacked_without(flagged | {column})
        # The others together are worth at least the best of them alone.
        best_other = max(
            (lifts[c] for c in ranked if c != column and c not in flagged), default=0.0
        )
        rest_lift = max(screen.lift(rest, target), best_other)
        if alone_lift - rest_lift < DOMINANT_MARGIN:
            continue
        alone = _unlift(alone_lift, target)
        rest = _unlift(rest_lift, target)
        found.append(
            Finding(
                "target_leak",
                "medium",
                (column,),
                f"Is {column!r} known at the moment of prediction? Alone it predicts more "
                f"than every other column together ({score_name} {alone:.3f} alone, "
                f"{rest:.3f} for all the others without the columns flagged high). A column "
                "that outweighs the rest of the table is either its key driver or a "
                "measurement of the outcome itself.",
                "If it is recorded with or after the outcome (a part of the same total, a value "
                "reported after the event), drop it; if it is truly known beforehand, keep it "
                "and say so.",
                {
                    "check": "dominant column: alone, it beats all the other columns together",
                    "score_name": score_name,
                    "score_alone": round(alone, 4),
                    "score_with": round(with_column, 4),
                    "score_without": round(rest, 4),
                },
            )
        )
    return found


NUMBERED_NAME = re.compile(r"(.*?[A-Za-z_.])(\d+)")
MIN_FAMILY = 3
MAX_FAMILIES = 5
MAX_FAMILY_SIZE = 50


def _numbered_families(columns: list[str]) -> list[list[str]]:
    """Columns that share a stem and differ by a number (``r1`` to ``r10``, ``item_1`` to
    ``item_27``), at least ``MIN_FAMILY`` of them: the parts of one measurement."""
    families: dict[str, list[str]] = {}
    for column in columns:
        match = NUMBERED_NAME.fullmatch(column)
        if match:
            families.setdefault(match.group(1), []).append(column)
    found = [
        members
        for members in families.values()
        if MIN_FAMILY <= len(members) <= MAX_FAMILY_SIZE and len(members) < len(columns)
    ]
    return found[:MAX_FAMILIES]


def _dominant_families(
    columns: list[str],
    screens: dict[str, _Screen],
    reported: set[str],
    flagged: set[str],
    stacked_without: Callable[[set[str]], float],
    stacked_columns: list[str],
    folds: np.ndarray,
    target: screen.Target,
    score_name: str,
) -> list[Finding]:
    """A family of numbered columns that together predict clearly more than every other
    column together, as a dominant single column does (``_dominant_columns``).

    Each member can be weak (one bar of a histogram of the ratings whose mean is the
    target), so neither the single-column screen nor the with/without test sees them; and
    they need not correlate, so no redundant group forms. The parts of one measurement
    that outweigh the rest of the table are often a breakdown of the outcome itself: a
    medium question, never high (the items of an honest questionnaire can do the same)."""
    found: list[Finding] = []
    for family in _numbered_families(columns):
        if set(family) & (reported | flagged):
            continue
        # Parts that add up explain about the sum of what each explains alone: a family
        # whose sum stays under the bar cannot dominate (and costs no model fit).
        if sum(screen.lift(screens[c].alone, target) for c in family) < DOMINANT_MIN_LIFT:
            continue
        together = screen.stacked_score([screens[c].block for c in family], target, folds)
        together_lift = screen.lift(together, target)
        if together_lift < DOMINANT_MIN_LIFT:
            continue
        others = [c for c in stacked_columns if c not in family and c not in flagged]
        if not others:
            continue
        rest_lift = max(
            screen.lift(stacked_without(flagged | set(family)), target),
            max(screen.lift(screens[c].alone, target) for c in others),
        )
        if together_lift - rest_lift < DOMINANT_MARGIN:
            continue
        rest = _unlift(rest_lift, target)
        shown = f"{family[0]!r} to {family[-1]!r}"
        found.append(
            Finding(
                "target_leak",
                "medium",
                tuple(family),
                f"Are {shown} known at the moment of prediction? These {len(family)} "
                f"numbered columns together predict more than every other column together "
                f"({score_name} {together:.3f} for the {len(family)}, {rest:.3f} for all the "
                "others without the columns flagged high), though each alone is weak (best "
                f"{score_name} {max(screens[c].alone for c in family):.3f}). The parts of "
                "one measurement that outweigh the rest of the table are often a breakdown of "
                "the outcome itself (a histogram of the votes behind an average rating).",
                "If they are counted with or after the outcome (the votes whose mean is the "
                "target, the items of the score being predicted), drop them all; if they are "
                "known beforehand, keep them and say so.",
                {
                    "check": "dominant family: numbered columns together beat all the others",
                    "score_name": score_name,
                    "score_together": round(together, 4),
                    "score_without": round(rest, 4),
                    "score_alone": {c: round(screens[c].alone, 4) for c in family},
                },
            )
        )
    return found


LAG_SAMPLE = 300
LAG_MIN_ROWS = 20
LAG_SHARE = 0.9
"""Share of the comparable rows on which a lag equals the target an interval earlier ..."""
LAG_MIN_COMPARED = 0.15
"""... the comparable rows being at least this share of the rows (the fourth year back in a
panel of five years compares a fifth of them; a gap that 1 % of irregular visits happen to
share is no interval) ..."""
LAG_TELLING_ROWS = 5
"""... and, on the rows where the target changed over the interval, the column follows the
earlier target more often than the same moment's or the later one's, on at least this many
rows (a slow tariff's copy agrees with yesterday's tariff on 97 % of days: only the days it
changed tell a copy from a lag)."""
LAG_VALUES_SHARE = 0.25
"""Share of a lag's values found among the target's values, the quick test first: in a short
panel the first period's lag lies before the table (half the rows, in two years)."""
LAG_BLANK_SHARE = 0.05
"""Share of the rows with a known earlier target on which a lag may be empty, in all and on the
rows where the target changed (a snapshot blank on the months that went into arrears)."""
LAG_MAX_MATCHED_ROWS = 50_000
"""Rows of the table the sampled values are matched against to find the interval (a target of
a few values matches every row: the join would grow with the table)."""
LAG_MAX_STEPS = 3
"""Rows back, in each entity's time order, tried when no fixed interval fits (visits 20 to
119 days apart: the previous visit's value)."""


def _label_text(values: pd.Series) -> pd.Series:
    """Labels as text, whole numbers without their decimals and true/false as 1/0 (1.0, 1, "1",
    True and "TRUE" alike), words in lower case ("Yes" and "yes")."""
    if pd.api.types.is_bool_dtype(values):
        return values.map({True: "1", False: "0"}).astype(object).where(values.notna(), None)
    if pd.api.types.is_numeric_dtype(values):
        numbers = values.to_numpy(dtype=float, na_value=np.nan)
        present = np.isfinite(numbers)
        whole = np.array_equal(numbers[present], np.round(numbers[present]))
        text = (
            np.round(np.where(present, numbers, 0)).astype(np.int64).astype(str)
            if whole
            else numbers.astype(str)
        )
        return pd.Series(np.where(present, text, None), index=values.index, dtype=object)
    text = values.astype("string").str.strip().str.lower().replace({"true": "1", "false": "0"})
    return text.astype(object).where(values.notna(), None)


def _code_book(labels: pd.Series) -> dict[str, int]:
    return {label: code for code, label in enumerate(pd.unique(_label_text(labels).dropna()))}


def _coded(values: pd.Series, book: dict[str, int]) -> pd.Series:
    """``values`` as the code book's numbers; a value not in the book is missing."""
    return _label_text(values).map(book).astype(float)


def _target_by_moment(target: screen.Target, moments: np.ndarray, keys: np.ndarray) -> pd.Series:
    """The target indexed by (entity key, moment), for the pairs that name a single row."""
    rows = pd.DataFrame({"key": keys, "t": moments, "y": target.values})
    unique = rows.drop_duplicates(["key", "t"], keep=False)
    index = pd.MultiIndex.from_arrays([unique["key"], unique["t"]])
    return pd.Series(unique["y"].to_numpy(), index=index)


def _agreement(values: np.ndarray, other: np.ndarray) -> tuple[float, int]:
    """Share of rows where ``values`` equals ``other`` (where both exist), and their count."""
    found = np.isfinite(other) & np.isfinite(values)
    if not found.any():
        return 0.0, 0
    same = np.isclose(values[found], other[found], rtol=1e-6, atol=1e-9)
    return float(same.mean()), int(found.sum())


def _follows_rather_than(
    values: np.ndarray, earlier: np.ndarray, other: np.ndarray, *, untold: bool = False
) -> bool:
    """On the rows where the earlier target and ``other`` differ, whether the column equals the
    earlier one more often than ``other`` (on at least ``LAG_TELLING_ROWS`` rows). With fewer
    telling rows: ``untold`` if the column rarely equals ``other`` (a panel of two years has no
    row with both a year before and a year after)."""
    telling = np.isfinite(earlier) & np.isfinite(other) & np.isfinite(values)
    telling &= ~np.isclose(earlier, other, rtol=1e-6, atol=1e-9, equal_nan=True)
    if telling.sum() < LAG_TELLING_ROWS:
        return untold and _agreement(values, other)[0] < LAG_SHARE
    follows_earlier = np.isclose(values[telling], earlier[telling], rtol=1e-6, atol=1e-9)
    follows_other = np.isclose(values[telling], other[telling], rtol=1e-6, atol=1e-9)
    return bool(follows_earlier.mean() > follows_other.mean())


def _is_lag(
    values: np.ndarray,
    earlier: np.ndarray,
    same: np.ndarray,
    later: np.ndarray,
    present: int,
    *,
    classes: bool = False,
) -> tuple[float, int] | None:
    """The agreement with the earlier target and its row count, if the column is a lag.

    A lag is filled wherever the earlier target is known: a column left empty (or written
    with a word that is no class, "closed") on the rows where the outcome changed is a leak.
    For ``classes``, it agrees with each earlier class: a flag that is 0 wherever a rare
    class is 0 agrees on 95 % of rows without following the class at all."""
    expected = np.isfinite(earlier)
    blank = expected & ~np.isfinite(values)
    changed = expected & np.isfinite(same) & ~np.isclose(earlier, same, rtol=1e-6, atol=1e-9)
    if blank.sum() > LAG_BLANK_SHARE * max(expected.sum(), 1) or (
        changed.sum() >= LAG_TELLING_ROWS and blank[changed].mean() > LAG_BLANK_SHARE
    ):
        return None
    share, compared = _agreement(values, earlier)
    if not (
        compared >= max(LAG_MIN_ROWS, LAG_MIN_COMPARED * present)
        and share >= LAG_SHARE
        and _follows_rather_than(values, earlier, same)
        and _follows_rather_than(values, earlier, later, untold=True)
    ):
        return None
    if classes:
        for label in np.unique(earlier[expected]):
            rows = expected & np.isfinite(values) & (earlier == label)
            if rows.sum() >= LAG_TELLING_ROWS and (values[rows] == label).mean() < LAG_SHARE:
                return None
    return share, compared


def _earlier_copy(
    column: pd.Series,
    target: screen.Target,
    moments: np.ndarray,
    keys: np.ndarray,
    entity: str | None,
    by_moment: Callable[[], pd.Series] | None = None,
    *,
    classes: bool = False,
) -> dict | None:
    """Whether a column holds the target's own values an interval earlier (of the same
    entity): yesterday's temperature beside today's. None if not.

    The interval is the most common gap between a row and the earlier rows whose target
    equals the row's value (on a sample of rows); when no such fixed interval fits, a number
    of rows back in each entity's time order (the previous visit). The column is a lag when,
    on the rows that can be compared (at least ``LAG_MIN_COMPARED`` of them), it equals the
    earlier target on ``LAG_SHARE`` of rows, and, where the target changed, follows the earlier
    target rather than the same moment's or the one as far ahead: a copy of the target, or
    its future value, is a leak, never a lag, however slowly the target changes."""
    if target.task != "regression" or not pd.api.types.is_numeric_dtype(column):
        return None
    values = column.to_numpy(dtype=float, na_value=np.nan)
    present = np.isfinite(values) & np.isfinite(moments)
    n_present = int(present.sum())
    if n_present < LAG_MIN_ROWS:
        return None
    positions = np.flatnonzero(present)
    # A random sample: a stride would alias with a panel's period (every fifth row of firms
    # with five years each is always the first year, whose lag lies before the table).
    if len(positions) > LAG_SAMPLE:
        positions = np.sort(np.random.default_rng(0).choice(positions, LAG_SAMPLE, replace=False))
    # A lag holds the target's own values: most columns fail this at once.
    if np.isin(values[positions], target.values).mean() < LAG_VALUES_SHARE:
        return None
    found = _fixed_interval(
        values, target, moments, keys, positions, by_moment, n_present, classes=classes
    )
    if found is None:
        found = _rows_back(values, target, moments, keys, n_present, classes=classes)
    if found is None:
        return None
    interval, (share, compared) = found
    return {
        "interval": interval,
        "within": repr(entity) if entity else "series",
        "rows": compared,
        "share": round(share, 4),
    }


def _fixed_interval(
    values: np.ndarray,
    target: screen.Target,
    moments: np.ndarray,
    keys: np.ndarray,
    sample: np.ndarray,
    by_moment: Callable[[], pd.Series] | None,
    n_present: int,
    *,
    classes: bool = False,
) -> tuple[str, tuple[float, int]] | None:
    rows = pd.DataFrame({"key": keys, "t": moments, "y": target.values})
    asked = pd.DataFrame(
        {"asked": np.arange(len(sample)), "key": keys[sample], "t": moments[sample]}
        | {"y": values[sample]}
    )
    rows = rows[rows["y"].isin(asked["y"])]
    if len(rows) > LAG_MAX_MATCHED_ROWS:
        rows = rows.sample(LAG_MAX_MATCHED_ROWS, random_state=0)
    matches = asked.merge(rows, on=["key", "y"], suffixes=("", "_earlier"))
    matches["gap"] = matches["t"] - matches["t_earlier"]
    # The nearest earlier row with the value: a class that rarely changes matches every
    # earlier row of its entity, and the commonest of all those gaps is a tie.
    gaps = matches.loc[matches["gap"] > 0].groupby("asked")["gap"].min()
    if gaps.empty:
        return None
    gap = float(gaps.mode().iloc[0])
    lookup = by_moment() if by_moment is not None else _target_by_moment(target, moments, keys)

    def target_at(shift: float) -> np.ndarray:
        wanted = pd.MultiIndex.from_arrays([keys, moments + shift])
        return lookup.reindex(wanted).to_numpy(dtype=float)

    found = _is_lag(
        values, target_at(-gap), target.values, target_at(gap), n_present, classes=classes
    )
    return None if found is None else (_interval_text(gap), found)


def _rows_back(
    values: np.ndarray,
    target: screen.Target,
    moments: np.ndarray,
    keys: np.ndarray,
    n_present: int,
    *,
    classes: bool = False,
) -> tuple[str, tuple[float, int]] | None:
    order = np.lexsort((moments, keys))
    frame = pd.DataFrame({"key": keys[order], "y": target.values[order]})
    by_key = frame.groupby("key", sort=False)["y"]
    back = np.empty(len(order))
    for steps in range(1, LAG_MAX_STEPS + 1):
        back[order] = by_key.shift(steps).to_numpy(dtype=float)
        ahead = np.empty(len(order))
        ahead[order] = by_key.shift(-steps).to_numpy(dtype=float)
        found = _is_lag(values, back, target.values, ahead, n_present, classes=classes)
        if found is not None:
            return f"{steps} row{'' if steps == 1 else 's'} (in time order)", found
        if _agreement(values, back)[0] >= LAG_SHARE:
            return None  # it agrees with this row back, yet cannot be told from a copy
    return None


def _interval_text(gap: float) -> str:
    """A gap between two moments as words: nanoseconds of dates as hours or days."""
    hours = gap / 3.6e12
    if gap >= 3.6e12 and hours == round(hours):
        count, unit = (hours / 24, "day") if hours % 24 == 0 else (hours, "hour")
        return f"{count:g} {unit}{'' if count == 1 else 's'}"
    return f"{gap:g} (in the time column's own units)"


COUNTER_ENTITIES = 0.95
"""Share of an entity's values whose rows the column numbers 1, 2, ... (or 0, 1, ...)."""
COUNTER_RANK_CORRELATION = 0.4
FILE_ORDER_SHARE = 0.95  # an identifier that rises from row to row on this share follows the file
"""Mean rank correlation, inside the entities, of such a number with the target."""


def _counter_within_entity(
    rows: pd.DataFrame,
    column: str,
    entity: str,
    target: screen.Target,
    score_name: str,
    largest: int,
    n_entities: int,
) -> Finding | None:
    """A number that counts each entity's rows (1 to its size) and follows the target inside
    the entities, asked as a question.

    A row number inside each entity is set by how the rows were listed: in time order (a
    visit number, an honest clock) or by something else. Children listed tallest first,
    items listed by their price: the order then carries the target, and a model reads it
    from the number even with the entity's rows kept together. Not for classes.
    ``largest``: the most rows of one entity (a count never passes it); ``n_entities``: the
    number of entities (each has exactly one first row)."""
    values = rows[column]
    if (
        target.task == "multiclass"
        or not pd.api.types.is_numeric_dtype(values)
        or pd.api.types.is_bool_dtype(values)
        or values.isna().any()
        or values.min() not in (0, 1)
        or values.max() >= largest + 1
        or values.max() - values.min() < 2  # a flag, not a count to three or more
        or not COUNTER_ENTITIES * n_entities <= (values == values.min()).sum() <= n_entities
    ):
        return None
    keys = pd.Series(pd.factorize(rows[entity])[0], index=rows.index)
    numbers = values.to_numpy(dtype=float)
    if not np.allclose(numbers, np.round(numbers)):
        return None
    by_entity = pd.DataFrame({"key": keys, "x": numbers, "y": target.values})
    grouped = by_entity.groupby("key", sort=False)
    size = grouped["x"].transform("size")
    start = grouped["x"].transform("min")
    distinct = grouped["x"].transform("nunique")
    counts = (distinct == size) & (grouped["x"].transform("max") - start + 1 == size)
    counts &= start.isin((0, 1))
    several = size >= 2
    if several.sum() < 0.5 * len(rows):
        return None
    entity_counts = counts[several].groupby(keys[several]).all()
    if entity_counts.mean() < COUNTER_ENTITIES:
        return None
    within = _rank_correlation_within(by_entity)
    if within is None:
        return None
    correlation, compared = within
    direction = "falls" if correlation < 0 else "rises"
    return Finding(
        "target_leak",
        "medium",
        (column,),
        f"Is {column!r} set by the outcome? It numbers the rows of each {entity!r} (1, 2, ... "
        f"on {entity_counts.mean():.0%} of them), and inside the {compared:,} with three rows "
        f"or more the target {direction} with it (mean rank correlation {correlation:.2f}): "
        "the rows were listed in an order that follows the target.",
        "Ask how the rows were numbered inside each entity: in time order (a visit number), "
        "it is a clock and may stay; sorted by the outcome or by something it sets (the "
        "tallest child first), drop it.",
        {
            "check": "row number inside each entity: its order follows the target",
            "score_name": score_name,
            "entities_numbered": round(float(entity_counts.mean()), 4),
            "entities_compared": compared,
            "mean_rank_correlation_within_entities": round(correlation, 4),
        },
    )


def _rank_correlation_within(by_entity: pd.DataFrame) -> tuple[float, int] | None:
    """The mean Spearman correlation of ``x`` and ``y`` inside each ``key`` of three rows or
    more, and the number of keys compared; None below five keys or under
    ``COUNTER_RANK_CORRELATION``."""
    kept = by_entity[by_entity.groupby("key", sort=False)["x"].transform("size") >= 3].copy()
    if kept["key"].nunique() < 5:
        return None
    kept_groups = kept.groupby("key", sort=False)
    kept["rx"] = kept_groups["x"].rank()
    kept["ry"] = kept_groups["y"].rank()
    for axis in ("rx", "ry"):
        kept[axis] -= kept.groupby("key", sort=False)[axis].transform("mean")
    sums = (
        kept.assign(xy=kept.rx * kept.ry, xx=kept.rx**2, yy=kept.ry**2)
        .groupby("key")[["xy", "xx", "yy"]]
        .sum()
    )
    sums = sums[(sums.xx > 0) & (sums.yy > 0)]
    if len(sums) < 5:
        return None
    correlation = float((sums.xy / np.sqrt(sums.xx * sums.yy)).mean())
    if abs(correlation) < COUNTER_RANK_CORRELATION:
        return None
    return correlation, len(sums)


def _identifier_order_within_entity(
    rows: pd.DataFrame, column: str, entity: str, target: screen.Target, score_name: str
) -> Finding | None:
    """An identifier whose order inside each entity follows the target, asked as a question.

    Answers numbered as the forms were keyed (a subject's 'no' answers first): the numbers
    are unique, and across entities they say nothing, but inside each entity their order
    carries the outcome. Not for classes, and not where a time column orders the rows (a
    running number then follows time, and a trend inside an entity is honest)."""
    values = rows[column]
    if (
        target.task == "multiclass"
        or not pd.api.types.is_numeric_dtype(values)
        or pd.api.types.is_bool_dtype(values)
        or values.isna().any()
    ):
        return None
    numbers = values.to_numpy(dtype=float)
    keys = pd.factorize(rows[entity])[0]
    by_entity = pd.DataFrame({"key": keys, "x": numbers, "y": target.values})
    within = _rank_correlation_within(by_entity)
    if within is None:
        return None
    correlation, compared = within
    direction = "falls" if correlation < 0 else "rises"
    evidence = {
        "check": "identifier whose order inside each entity follows the target",
        "score_name": score_name,
        "entities_compared": compared,
        "mean_rank_correlation_within_entities": round(correlation, 4),
    }
    if float(np.mean(np.diff(numbers) > 0)) >= FILE_ORDER_SHARE:
        # A running number in the file's order is most often handed out as the rows were
        # written, in time: it carries each entity's honest trend (spend growing with tenure).
        evidence["follows_the_file_order"] = True
        return Finding(
            "target_leak",
            "medium",
            (column,),
            f"Is {column!r} a clock? It rises with the rows of the file, and inside the "
            f"{compared:,} values of {entity!r} with three rows or more the target {direction} "
            f"with it (mean rank correlation {correlation:.2f}). Numbers handed out in time "
            "order carry each entity's trend, and no time column was found.",
            f"If {column!r} counts time (given as the rows were written), split by it: train "
            "on the lower numbers, test on the higher. If it was given once the outcome was "
            "known, drop it.",
            evidence,
        )
    return Finding(
        "target_leak",
        "medium",
        (column,),
        f"Is {column!r} set by the outcome? It identifies the rows, yet inside the "
        f"{compared:,} values of {entity!r} with three rows or more the target {direction} "
        f"with its order (mean rank correlation {correlation:.2f}), though the file is not "
        "written in that order: the rows were numbered in an order that follows the outcome "
        "(the 'no' answers keyed first, the paid invoices last).",
        "Drop it from the features, and ask how the numbers were given: a number handed out "
        "after the outcome was known carries it, even when the number itself looks random.",
        evidence,
    )


GENERIC_CHECKS = (
    "unique signal: leaving the column out costs the model a lot",
    "strong predictor that no other column replaces",
)
NEAR_COPY_CHECK = "near copy of a near-perfect column: the same signal, nearly as strong"
STRENGTH_CHECKS = (*GENERIC_CHECKS, NEAR_PERFECT_CHECK, REDUNDANT_GROUP_CHECK, NEAR_COPY_CHECK)
"""Checks that only say a column is strong (alone or with others): a reason found later is
asked as well, or replaces them."""


def _said_better_by(finding: Finding, question: Finding) -> bool:
    """Whether ``finding`` only says a column is strong where ``question`` says why it may
    be written after the outcome (filled for one side of it only), at no lower severity."""
    return (
        finding.kind == "target_leak"
        and finding.columns == question.columns
        and finding.evidence.get("check") in GENERIC_CHECKS
        and not (finding.severity == "high" and question.severity != "high")
    )


def _replacing_the_low(findings: list[Finding], question: Finding) -> list[Finding]:
    """``question`` in place of a low finding on the same column ("a strong predictor,
    nothing suggests it comes after the outcome" would contradict it), keeping that finding's
    scores with and without the column as evidence."""
    low = next(
        (
            f
            for f in findings
            if f.kind == "target_leak" and f.severity == "low" and f.columns == question.columns
        ),
        None,
    )
    if low is None:
        return [*findings, question]
    evidence = {**question.evidence}
    for key in ("score_with", "score_without"):
        if key in low.evidence:
            evidence[key] = low.evidence[key]
    message = question.message
    if "score_with" in low.evidence and "score_without" in low.evidence:
        message += (
            f" With every column the fast model scores {low.evidence.get('score_name', '')} "
            f"{low.evidence['score_with']:.3f}; "
            f"without {question.columns[0]!r} it scores {low.evidence['score_without']:.3f}."
        )
    replaced = dataclasses.replace(question, message=message, evidence=evidence)
    return [replaced if f is low else f for f in findings]


SECOND_LOOK_VALUES = 10
"""A suspect of at most this many distinct values (a flag, a code) gets a second look."""
SAME_MEASUREMENT = 0.98
"""Rank correlation of every two columns of a group that holds one measurement several ways;
such a group gets a second look too, when it is strong alone: ..."""
SECOND_LOOK_COPIES_LIFT = 0.8
"""... ROC AUC 0.9 or R² 0.8 (a distance and its log, for a fare, are weaker; a final exam
in points and in percent, for a pass, is not)."""


def _second_look(
    findings: list[Finding],
    groups: list[list[str]],
    judge: Callable[[list[str], frozenset[str]], Finding | None],
) -> list[Finding]:
    """Each suspect flag or code, and each group of copies, judged again with the high leaks
    dropped first.

    Leaks hide each other: with the final score in the table, whether the favourite covered
    the spread adds nothing to a model that already reads the score, so leaving it out
    costs nothing. Once the high leaks are gone, the flags and codes (cheap to write once
    the outcome is known, as a status or a "survey sent") face the tests again, and so does
    one measurement held twice (a final exam in points and in percent, beside the grade it
    sets). A single measurement of many values is not looked at again: in the corpus, those
    that mattered only once the leaks were gone were strong legitimate features (a gestation
    in weeks, a height).
    """
    high = frozenset(c for f in findings if f.severity == "high" for c in f.columns)
    if not high:
        return findings
    asked = {c for f in findings if f.severity in ("high", "medium") for c in f.columns}
    kept = list(findings)
    for group in groups:
        if asked & set(group) or high & set(group):
            continue
        again = judge(group, high)
        if again is not None and again.severity in ("high", "medium"):
            kept = [f for f in kept if f.kind != "target_leak" or f.columns != again.columns]
            kept.append(again)
    return kept


def _same_order_as_target(column: pd.Series, target: screen.Target) -> bool:
    """Whether a number puts the rows in the order of a numeric target (a rank correlation of
    ``SAME_MEASUREMENT_AS_TARGET``): the target itself, rescaled or rounded, whatever its name."""
    if target.task != "regression" or not pd.api.types.is_numeric_dtype(column):
        return False
    values = pd.DataFrame({"c": column.to_numpy(dtype=float, na_value=np.nan), "t": target.values})
    values = values.dropna()
    if len(values) < 3:
        return False
    correlation = values["c"].rank().corr(values["t"].rank())
    return bool(correlation is not None and abs(correlation) >= SAME_MEASUREMENT_AS_TARGET)


SAME_MEASUREMENT_AS_TARGET = 0.9995
"""An asking price 1 % off the sale price over a wide range of prices still reorders a few
neighbours (0.999); a rounded or rescaled copy reorders none."""


def _coarse_setting(column: pd.Series, target: screen.Target) -> dict | None:
    """A number with a few values, each shared by many rows, around which a numeric target
    varies: a distance set out to run, a dose, a tariff. It can predict the target almost
    perfectly without being computed from it. A value computed from the target keeps the
    target's detail (about as many values) or cuts it into bands, whose values follow one
    another along the target; a setting's values interleave along it (a slow 5-mile run
    takes longer than a fast 5.5-mile one). None when the column is not such a setting."""
    if target.task != "regression" or not pd.api.types.is_numeric_dtype(column):
        return None
    if pd.api.types.is_bool_dtype(column):
        return None
    values = pd.DataFrame({"c": column.to_numpy(dtype=float, na_value=np.nan), "t": target.values})
    values = values.dropna()
    n_values, n_targets = values["c"].nunique(), values["t"].nunique()
    if n_values < 3 or n_values > SETTING_VALUE_SHARE * n_targets:
        return None
    counts = values["c"].value_counts()
    if counts[counts >= SETTING_ROWS_PER_VALUE].sum() < SETTING_ROWS_SHARED * len(values):
        return None
    # Along the target (ties broken by row order, which is fixed), how often the column's
    # value steps back to a lower one when it changes: about half for values that
    # interleave, none for bands in order.
    along = values.sort_values("t", kind="stable")["c"].to_numpy()
    steps = np.diff(along)
    changes = int(np.count_nonzero(steps))
    if changes == 0:
        return None
    backward = float(np.count_nonzero(steps < 0) / changes)
    forward = float(np.count_nonzero(steps > 0) / changes)
    interleaved = min(backward, forward)
    if interleaved < SETTING_INTERLEAVED:
        return None
    return {
        "values": int(n_values),
        "target_values": int(n_targets),
        "share_of_changes_against_the_order": round(interleaved, 4),
    }


SETTING_VALUE_SHARE = 0.25
"""A setting has at most a quarter as many values as the target ..."""
SETTING_ROWS_PER_VALUE = 5
"""... most rows (``SETTING_ROWS_SHARED``) on a value held by this many rows or more ..."""
SETTING_ROWS_SHARED = 0.8
SETTING_INTERLEAVED = 0.25
"""... and along the target at least this share of its changes go against the column's
overall direction (bands in order: none; interleaved values: about half)."""


def _one_measurement(rows: pd.DataFrame, group: list[str]) -> bool:
    """Whether a group's columns are one measurement written several ways (points and
    percent, pounds and kilograms): numbers in the same order on the rows filled in all."""
    if not all(
        pd.api.types.is_numeric_dtype(rows[c]) and not pd.api.types.is_bool_dtype(rows[c])
        for c in group
    ):
        return False
    ranks = rows[group].dropna().rank()
    if len(ranks) < 2:
        return False
    return bool((ranks.corr().abs().to_numpy() >= SAME_MEASUREMENT).all())


def _drop_defining_traits(screens: dict[str, _Screen]) -> None:
    """Several yes/no columns that each mark a class (milk and no eggs for the mammals,
    feathers for the birds) are the traits the classes are defined by, not a status written
    after the outcome: a table of them holds no such leak, so their marks are dropped. A
    status read with the outcome comes alone (a fly found in the opened gall)."""
    flags = {
        name: result.marks["class_code"]
        for name, result in screens.items()
        if result.marks is not None and "flag_value" in result.marks
    }
    if len(flags) >= 2:
        for name in flags:
            screens[name] = dataclasses.replace(screens[name], marks=None)


def _periods_of_time(column: pd.Series, moments: np.ndarray | None) -> bool:
    """Whether a column's levels come in one run each along the time order (a decade, an era,
    a president's term): a band of time, which ranges a trending target as well as any band
    written from it would."""
    if moments is None:
        return False
    frame = pd.DataFrame({"t": moments, "v": column.to_numpy()}).dropna()
    values = frame.sort_values("t", kind="stable")["v"]
    runs = int((values != values.shift()).sum())
    return runs <= 2 * int(values.nunique())


def _has_own_evidence(result: _Screen, target: screen.Target) -> bool:
    """A column whose own screen already makes it a leak (or, for the entity, shows the
    outcome in the words of its values) is judged on its own."""
    return (
        result.one_sided is not None
        or result.words is not None
        or (result.cut is not None and "floor" not in result.cut)
        or screen.lift(result.alone, target) >= TOO_GOOD_LIFT
        or screen.lift(result.missing_alone, target) >= MISSING_LEAK_LIFT
    )


def _suspect_for_its_band_only(result: _Screen, target: screen.Target) -> bool:
    """A band too weak on the target's own values to be a suspect (its extremes decide R²)
    is judged on its band alone: grouped, its weak screen would drag an honest strong
    column (the people aboard beside a casualty band) into a finding."""
    return result.band is not None and screen.lift(result.alone, target) < SUSPECT_LIFT


CHANGE_CORRELATION = 0.98
"""Correlation with the target's change since the entity's previous row: a question ..."""
CHANGE_EXACT = 0.999
"""... and from this, a change worked out with the value being predicted: high."""
CHANGE_MIN_ROWS = 30
CHANGE_MAX_COLUMNS = 500
CHANGE_CHUNK = 100


SERIES_SPLIT_VALUES = 4
"""Values, at most, of a label that splits each entity's rows into series (a dog's left and
right side, scanned on the same days) ..."""
SERIES_KEY_REPEATS = 0.05
"""... when more than this share of the rows repeat an (entity, moment) pair, and none
repeat once the label is added."""


def _series_keys(
    rows: pd.DataFrame, entity: str, moments: np.ndarray, target_name: str
) -> np.ndarray:
    """The key of each row's series: the entity, or the entity and a label of a few values
    when each entity is followed as a few series side by side (a dog scanned on its left and
    its right side on the same days): a row's earlier value is its own series' earlier one."""
    entities = _group_keys(rows[entity].to_numpy())
    pairs = pd.DataFrame({"key": entities, "t": moments})
    if pairs.duplicated().mean() <= SERIES_KEY_REPEATS:
        return entities
    splits = [
        c
        for c in rows.columns
        if c not in (entity, target_name)
        and 2 <= rows[c].nunique(dropna=False) <= SERIES_SPLIT_VALUES
    ]
    for column in sorted(splits, key=lambda c: rows[c].nunique(dropna=False)):
        labels = _group_keys(rows[column].to_numpy())
        if not pairs.assign(label=labels).duplicated().any():
            return _group_keys(entities * (SERIES_SPLIT_VALUES + 1) + labels)
    return entities


def _side_by_side_series(
    rows: pd.DataFrame, moments: np.ndarray, target_name: str
) -> list[tuple[str, np.ndarray]]:
    """Labels of a few values that split a table with no entity into series kept side by side
    (the men's and the women's world records, each year by year), each with its series key:
    within a label's value, a moment comes once at most (``SERIES_KEY_REPEATS``)."""
    moments_only = pd.DataFrame({"t": moments})
    found = []
    for column in rows.columns:
        if column == target_name or not (
            2 <= rows[column].nunique(dropna=False) <= SERIES_SPLIT_VALUES
        ):
            continue
        labels = _group_keys(rows[column].to_numpy())
        if moments_only.assign(label=labels).duplicated().mean() <= SERIES_KEY_REPEATS:
            found.append((column, labels))
    return found


def _changes_of_the_target(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    moments: np.ndarray,
    keys: np.ndarray,
    target_name: str,
    score_name: str,
) -> list[Finding]:
    """Numbers that are the target's change since the entity's previous row (a state's growth
    in violent crime beside its violent crime this year): worked out with the value being
    predicted, so a model reads the answer off the change and last year's level. Weak alone,
    and no formula of the row's own columns: only the entity's earlier rows show it. The
    change is read since the previous row (as a difference, a difference of logs and a
    change in per cent), against a fixed number of rows back (``CHANGE_ROWS_BACK``: the same
    month last year) and since the entity's first row (a change from baseline); a change of
    the previous period (known in time) does not follow the current one."""
    if target.task != "regression":
        return []
    order = np.lexsort((moments, keys))
    values = target.values.astype(float)[order]
    sorted_keys, sorted_moments = keys[order], moments[order].astype(float)
    # Each reference row: the row before, a fixed number of rows back (the same month last
    # year), and the entity's first row (its baseline).
    references = {"since the previous row": _position_back(sorted_keys, sorted_moments, 1)}
    for back in CHANGE_ROWS_BACK:
        references[f"over {back} rows"] = _position_back(sorted_keys, sorted_moments, back)
    first = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
    starts = np.maximum.accumulate(np.where(first, np.arange(len(first)), 0))
    baseline = np.where(sorted_moments > sorted_moments[starts], starts, -1)
    references["since the first row"] = baseline
    earlier = {since: _at(values, rows_of) for since, rows_of in references.items()}
    elapsed = {
        since: sorted_moments - _at(sorted_moments, rows_of)
        for since, rows_of in references.items()
    }
    changes = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for since, before in earlier.items():
            changes[("difference", since)] = values - before
            if since == "since the previous row":
                changes[("difference of logs", since)] = np.where(
                    (values > 0) & (before > 0), np.log(values) - np.log(before), np.nan
                )
            changes[("change in per cent", since)] = np.where(
                before != 0, values / before - 1, np.nan
            )
    numbers = [c for c in columns if c != target_name and is_plain_number(rows[c])]
    found = []
    for start in range(0, min(len(numbers), CHANGE_MAX_COLUMNS), CHANGE_CHUNK):
        chunk = numbers[start : start + CHANGE_CHUNK]
        block = rows[chunk].to_numpy(dtype=float, na_value=np.nan)[order]
        for (how, since), change in changes.items():
            usable = np.isfinite(change) & (change != 0)
            if usable.sum() < CHANGE_MIN_ROWS:
                continue
            for position, column in enumerate(chunk):
                x, y = block[usable, position], change[usable]
                present = np.isfinite(x)
                if present.sum() < CHANGE_MIN_ROWS or x[present].std() == 0:
                    continue
                if y[present].std() == 0:
                    continue
                # Either sign: a weight lost is the previous weight minus this one.
                correlation = abs(float(np.corrcoef(x[present], y[present])[0, 1]))
                if not correlation >= CHANGE_CORRELATION or column in {f.columns[0] for f in found}:
                    continue
                # A price that moves by a fixed share moves by an amount that follows
                # yesterday's price: a column that follows the previous value as closely is
                # a lag, not the change.
                # So is a column that follows the time since the previous row as closely:
                # the days since the last visit, over which a child grows. And one that
                # follows the target itself as closely: a series' change since its first row
                # is the target less a constant, which a lag follows as well.
                if any(
                    np.isfinite(other).all()
                    and other.std() > 0
                    and abs(float(np.corrcoef(x[present], other)[0, 1])) >= correlation - 0.01
                    for other in (
                        earlier[since][usable][present],
                        elapsed[since][usable][present],
                        values[usable][present],
                    )
                ):
                    continue
                # A rate set for everyone in a period (an indexation announced the autumn
                # before) or named as planned may be known in advance: a question, never high.
                period_wide = _one_value_per_moment(rows[column], moments)
                planned = bool(PLANNED_NAME.search(column) or SCHEDULED_NAME.search(column))
                exact = correlation >= CHANGE_EXACT and not (period_wide or planned)
                shown = (
                    f"{column!r} follows the change of {target_name!r} {since} of the same "
                    f"entity ({how}, correlation {correlation:.4f} over "
                    f"{int(present.sum()):,} rows)"
                )
                found.append(
                    Finding(
                        "target_leak",
                        "high" if exact else "medium",
                        (column,),
                        f"{shown}: it is worked out with the value being predicted, and with "
                        "the earlier value, known from that row, it gives the target back."
                        if exact
                        else f"Is {column!r} the change of the target, worked out once the "
                        f"target was known? {shown}, so with the earlier value it gives the "
                        "target back."
                        + (
                            " It takes one value per moment across the entities: a rate set "
                            "for everyone in a period, which may be announced beforehand."
                            if period_wide
                            else ""
                        ),
                        "Drop it, or replace it by the change up to the previous period (known "
                        "when the prediction is made). If it is set before the period begins "
                        "(an indexation, a scheduled raise, an allowed increase), keep it: the "
                        "target then follows from it, and needs no model.",
                        {
                            "check": "change of the target since the entity's previous row"
                            if since == "since the previous row"
                            else f"change of the target {since} of the entity",
                            "change": how,
                            "since": since,
                            "correlation": round(correlation, 6),
                            "rows": int(present.sum()),
                            "one_value_per_moment": period_wide,
                            "score_name": score_name,
                        },
                    )
                )
    return found


RUNNING_CORRELATION = 0.999
"""Correlation of a column's growth since the entity's previous row with the target, from
which the column is a running total that includes the target ..."""
RUNNING_GROWS = 0.5
"""... growing (not restarting) on at least this share of the rows ..."""
RUNNING_COPY = 0.98
RUNNING_MARGIN = 0.5
"""... and following the target closer than the previous row's target, by at least this share
of what the previous target leaves (a total up to last year grows by last year's value)."""
"""... and no copy of the target itself (correlated below this with it)."""


def _running_totals_of_the_target(
    rows: pd.DataFrame,
    columns: list[str],
    target: screen.Target,
    moments: np.ndarray,
    keys: np.ndarray,
    target_name: str,
    score_name: str,
) -> list[Finding]:
    """Numbers that grow by the target from the entity's previous row: a running total that
    includes the row's own value (deaths to date, sales year to date). Weak alone, since the
    total mostly holds the past, and no formula of the row's own columns: only the previous
    row shows it. A total that restarts (a year to date, at each new year) restarts at the
    target, so on each row it is read as grown by, or restarted at, the target. A total up
    to the previous row (known in time) grows by the previous value instead."""
    amounts = target.values
    if target.task == "multiclass":
        # Classes that are counts (new cases per herd, 0 to 12) add up like amounts.
        if target_name not in rows or not is_plain_number(rows[target_name]):
            return []
        amounts = rows[target_name].to_numpy(dtype=float)
    order = np.lexsort((moments, keys))
    values = amounts.astype(float)[order]
    same = np.r_[False, keys[order][1:] == keys[order][:-1]]
    later = np.r_[False, moments[order][1:] > moments[order][:-1]]
    follows = same & later
    if follows.sum() < CHANGE_MIN_ROWS or values[follows].std() == 0:
        return []
    numbers = [c for c in columns if c != target_name and is_plain_number(rows[c])]
    # The target of the row before: a total up to the previous row grows by it.
    previous_target = np.where(follows, np.r_[np.nan, values[:-1]], np.nan)
    found = []
    for start in range(0, min(len(numbers), CHANGE_MAX_COLUMNS), CHANGE_CHUNK):
        chunk = numbers[start : start + CHANGE_CHUNK]
        block = rows[chunk].to_numpy(dtype=float, na_value=np.nan)[order]
        previous = np.vstack([np.full((1, len(chunk)), np.nan), block[:-1]])
        for position, column in enumerate(chunk):
            x, before = block[:, position], previous[:, position]
            usable = follows & np.isfinite(x) & np.isfinite(before)
            if usable.sum() < CHANGE_MIN_ROWS:
                continue
            if not _grows_on_a_sample(x, before, values, usable):
                continue
            x, before, y = x[usable], before[usable], values[usable]
            earlier_y = previous_target[usable]
            if x.std() == 0 or y.std() == 0:
                continue
            if abs(float(np.corrcoef(x, y)[0, 1])) >= RUNNING_COPY:
                continue
            growth = x - before
            grows = np.abs(growth - y) <= np.abs(x - y)
            if grows.mean() < RUNNING_GROWS:
                continue
            increment = np.where(grows, growth, x)
            if increment.std() == 0:
                continue
            correlation = float(np.corrcoef(increment, y)[0, 1])
            # Rows that grow by exactly the target; a restart equal to the target (a yes/no
            # column that matches a yes/no target) says nothing of a running total.
            exact = float((grows & np.isclose(growth, y)).mean())
            if not (correlation >= RUNNING_CORRELATION or _mostly_exact(exact, y)):
                continue
            # A smooth series' values follow each other as closely (emissions of countries
            # orders of magnitude apart): a total up to last year grows by last year's value,
            # which must follow the growth less well than this year's does.
            known = np.isfinite(earlier_y)
            if known.sum() >= CHANGE_MIN_ROWS and earlier_y[known].std() > 0:
                lagged = float(np.corrcoef(increment[known], earlier_y[known])[0, 1])
                here = float(np.corrcoef(increment[known], y[known])[0, 1])
                if not here > lagged + RUNNING_MARGIN * (1 - lagged):
                    continue
            restarts = int((~grows).sum())
            # The share of exact steps is named where it, not the correlation, is the evidence.
            exactly = (
                f"exactly on {exact:.0%} of {int(usable.sum()):,} rows, correlation "
                if correlation < RUNNING_CORRELATION
                else f"over {int(usable.sum()):,} rows, correlation "
            )
            shown = (
                f"{column!r} grows by {target_name!r} from the previous row of the same entity "
                f"({exactly}{correlation:.4f}"
                + (f"; it restarts at the target on {restarts:,} of them" if restarts else "")
                + ")"
            )
            found.append(
                Finding(
                    "target_leak",
                    "high",
                    (column,),
                    f"{shown}: a running total that includes the value being predicted, so "
                    "with the total of the row before, it gives the target back.",
                    "Drop it, or replace it by the total up to the previous row (known when "
                    "the prediction is made).",
                    {
                        "check": RUNNING_TOTAL_CHECK,
                        "correlation": round(correlation, 6),
                        "exact_share": round(exact, 4),
                        "rows": int(usable.sum()),
                        "restarts": restarts,
                        "score_name": score_name,
                    },
                )
            )
    return found


RUNNING_TOTAL_CHECK = "running total that includes the target"
RUNNING_EXACT = 0.8
"""Share of rows on which a column grows by exactly the target, from which it is a running
total kept by hand (a few rows corrected by one: the correlation falls under
``RUNNING_CORRELATION``) ..."""
RUNNING_EXACT_MARGIN = 0.5
"""... when that share also beats the target's most common value by this share of what it
leaves: a count that is mostly 0 matches a column that never grows on as many rows."""


def _mostly_exact(exact: float, target: np.ndarray) -> bool:
    """Whether a column's growth equals the target on more rows than chance explains."""
    _, counts = np.unique(target, return_counts=True)
    common = counts.max() / counts.sum()
    return exact >= RUNNING_EXACT and exact >= common + RUNNING_EXACT_MARGIN * (1 - common)


RUNNING_SAMPLE = 5_000
"""Rows of a first look: a column that does not grow by the target on an even sample of them
is passed over before the whole table is read."""


def _grows_on_a_sample(
    x: np.ndarray, before: np.ndarray, y: np.ndarray, usable: np.ndarray
) -> bool:
    """Whether a column may grow by the target, judged on an even sample of the usable rows
    with looser bars than the full check (a sample only screens out the plain numbers)."""
    where = np.flatnonzero(usable)
    if len(where) <= 2 * RUNNING_SAMPLE:
        return True
    where = where[:: len(where) // RUNNING_SAMPLE]
    x, before, y = x[where], before[where], y[where]
    grows = np.abs(x - before - y) <= np.abs(x - y)
    if grows.mean() < RUNNING_GROWS - 0.1:
        return False
    increment = np.where(grows, x - before, x)
    if increment.std() == 0 or y.std() == 0:
        return False
    return bool(np.corrcoef(increment, y)[0, 1] >= RUNNING_CORRELATION - 0.05)


CHANGE_ROWS_BACK = (4, 7, 12, 52)
"""Rows back, in each entity's time order, of a change against the same period a cycle
earlier: a quarter of a year, a day of the week, a month, a week of the year."""


def _position_back(keys: np.ndarray, moments: np.ndarray, back: int) -> np.ndarray:
    """For rows sorted by entity and moment: the position ``back`` rows earlier in the same
    entity, at an earlier moment (-1 where there is none)."""
    positions = np.arange(len(keys)) - back
    valid = positions >= 0
    earlier = np.clip(positions, 0, None)
    valid &= (keys[earlier] == keys) & (moments[earlier] < moments)
    return np.where(valid, earlier, -1)


def _at(values: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """``values`` at ``positions``, missing where the position is -1."""
    return np.where(positions >= 0, values[np.clip(positions, 0, None)], np.nan)


SCHEDULED_NAME = re.compile(
    r"allow|schedul|announc|indexation|indexed|(^|[^a-z])cola([^a-z]|$)|agreed|contract|tariff"
    r"|due|instal|amortis|amortiz|budget|quota",
    re.IGNORECASE,
)
"""Names of a change fixed before its period (an allowed increase, a scheduled raise)."""
PERIOD_WIDE_SHARE = 0.95


def _one_value_per_moment(column: pd.Series, moments: np.ndarray) -> bool:
    """Whether a column keeps one value within each moment shared by several rows (on
    ``PERIOD_WIDE_SHARE`` of them): a rate of the period, the same for every entity."""
    frame = pd.DataFrame({"t": moments, "x": column.to_numpy()}).dropna()
    counts = frame.groupby("t")["x"].agg(["nunique", "size"])
    shared = counts[counts["size"] >= 2]
    return bool(len(shared) and (shared["nunique"] <= 1).mean() >= PERIOD_WIDE_SHARE)


NEAR_COPY_CORRELATION = 0.9
"""Out-of-fold encodings this correlated carry one signal, nearly unchanged ..."""
NEAR_COPY_STRENGTH = 0.9
"""... and the copy reaches at least this share of the near-perfect column's lift."""
NEAR_COPY_CANDIDATES = 10


def _near_copies(
    findings: list[Finding],
    ranked: list[str],
    screens: dict[str, _Screen],
    lifts: dict[str, float],
    target: screen.Target,
    score_name: str,
) -> list[Finding]:
    """Columns that carry the signal of a column found near-perfect alone, nearly as strongly
    (minutes of sleep with naps beside minutes of sleep with naps and personal time): each is
    a question of its own. Just under the near-perfect bar, and left out of its redundant
    group (a near-perfect column groups only with near-perfect ones), such a copy would
    otherwise go unasked."""
    asked = {c for f in findings for c in f.columns if f.severity in ("high", "medium")}
    near = [
        f.columns[0]
        for f in findings
        if f.evidence.get("check") == NEAR_PERFECT_CHECK and len(f.columns) == 1
    ]
    found = []
    for source in near:
        signal = screens[source].block.ravel()
        if signal.std() == 0:
            continue
        for column in [c for c in ranked if c not in asked][:NEAR_COPY_CANDIDATES]:
            copy = screens[column].block.ravel()
            if lifts[column] < NEAR_COPY_STRENGTH * lifts[source] or copy.std() == 0:
                continue
            correlation = abs(float(np.corrcoef(signal, copy)[0, 1]))
            if correlation < NEAR_COPY_CORRELATION:
                continue
            asked.add(column)
            alone = screens[column].alone
            found.append(
                Finding(
                    "target_leak",
                    "medium",
                    (column,),
                    f"Is {column!r} known at the moment of prediction? It carries the same "
                    f"signal as {source!r} (their out-of-fold predictions correlate "
                    f"{correlation:.3f}), which alone reaches most of what the model knows, "
                    f"and nearly as strongly ({score_name} {alone:.3f} alone): if {source!r} "
                    f"holds the outcome, {column!r} holds it too.",
                    "Decide the two together: a total that includes the target and a larger "
                    "total that includes the first are both written from the outcome. If "
                    "both are known before it, keep them.",
                    {
                        "check": NEAR_COPY_CHECK,
                        "copy_of": source,
                        "correlation": round(correlation, 4),
                        "score_name": score_name,
                        "score_alone": round(float(alone), 4),
                        "score_alone_of_source": round(float(screens[source].alone), 4),
                    },
                )
            )
    return found


def _redundant_groups(
    suspects: list[str],
    screens: dict[str, _Screen],
    target: screen.Target,
    with_lift: float,
    lagged: set[str] = frozenset(),
) -> list[list[str]]:
    """Suspects that carry the same signal (correlated out-of-fold encodings), grouped.

    Two copies of one leak (an amount and the same amount as a share) hide each other
    from the with/without test: dropping either leaves the other. Tested as a group,
    the pair shows what it is worth. Columns whose own screen is already damning (too good
    alone, a missing-value pattern) stay single, so that their finding keeps its evidence;
    so do ``lagged`` columns, named as an earlier value of the target (yesterday's
    temperature correlates with today's maximum, but it is a legitimate baseline, never
    evidence against the column it resembles).
    """
    parent = {c: c for c in suspects}

    def root(c: str) -> str:
        while parent[c] != c:
            c = parent[c]
        return c

    signals = {c: screens[c].block.ravel() for c in suspects}
    stands_alone = {
        c: c in lagged
        or screens[c].pile is not None
        or screens[c].marks is not None
        or screens[c].words is not None
        or _suspect_for_its_band_only(screens[c], target)
        or _has_own_evidence(screens[c], target)
        for c in suspects
    }
    # A near-perfect column groups only with near-perfect ones (the radius, perimeter and
    # area of one tumour), never with an ordinary feature its finding would then implicate.
    near = {c: _near_perfect(screen.lift(screens[c].alone, target), with_lift) for c in suspects}
    for i, first in enumerate(suspects):
        for second in suspects[i + 1 :]:
            if stands_alone[first] or stands_alone[second] or near[first] != near[second]:
                continue
            a, b = signals[first], signals[second]
            if a.std() == 0 or b.std() == 0:
                continue
            if abs(float(np.corrcoef(a, b)[0, 1])) >= REDUNDANT_CORRELATION:
                parent[root(second)] = root(first)
    groups: dict[str, list[str]] = {}
    for column in suspects:
        groups.setdefault(root(column), []).append(column)
    return list(groups.values())


def _entity_finding(
    rows: pd.DataFrame,
    table: pd.DataFrame,
    group_column: str,
    columns: list[str],
    target: screen.Target,
    rng: np.random.Generator,
    cache: dict[str, _Screen] | None = None,
    *,
    aliases: list[str] = (),
    honest: float | None = None,
) -> Finding:
    """The repeated entity, with the score of a model given its column under a random split
    and under a split by it. ``honest``: the honest score, without the entity and its other
    names, split by it (None when the honest score is split by time)."""
    sizes = table[group_column].value_counts()
    codes = pd.factorize(table[group_column])[0]
    in_test = rng.random(len(table)) < 0.2
    seen = np.zeros(codes.max() + 2, dtype=bool)
    seen[codes[~in_test] + 1] = True
    seen_share = float(seen[codes[in_test] + 1].mean()) if in_test.any() else 0.0
    keys = _group_keys(rows[group_column].to_numpy())
    # A few entities (twelve schools) are left out one at a time, as the honest score does,
    # and the random split then has as many folds: both models train on as many rows.
    few = len(sizes) <= HELD_OUT_ENTITIES
    n_folds = int(keys.max()) + 1 if few else N_FOLDS
    random_folds = screen.make_folds(len(rows), n_folds, rng)
    group_folds = keys if few else screen.make_folds(len(rows), N_FOLDS, rng, keys)
    # The entity's own column stands for everything that lets a model recognise an entity
    # (its id, a per-customer fee...): a random split rewards that memory, a group split not.
    with_entity = [*columns[:ENTITY_COLUMNS], group_column]
    score_random = _held_out_score(rows, with_entity, target, random_folds, cache)
    score_group = _held_out_score(rows, with_entity, target, group_folds, cache, groups=keys)
    name = SCORE_NAMES[target.task]
    split_text = (
        f"one {group_column!r} left out at a time" if few else f"{N_FOLDS} folds of whole values"
    )
    gap_text = (
        f" A model given the {group_column!r} column scores {name} {score_random:.3f} with a "
        f"random split ({n_folds} folds), where the test rows' {group_column!r} values were "
        f"all seen in training, and {score_group:.3f} with a split by {group_column!r} "
        f"({split_text}), where each is new."
        + (
            f" Without it{' and its other names' if aliases else ''}, split by it, the "
            f"honest score is {honest:.3f}."
            if honest is not None
            else ""
        )
    )
    return Finding(
        "repeated_entity",
        "medium",
        (group_column,),
        f"{group_column!r} repeats: {len(sizes):,} values over {len(table):,} rows (median "
        f"{int(sizes.median())}, up to {int(sizes.max())} rows each). In a random 80/20 split, "
        f"{seen_share:.0%} of the test rows belong to a {group_column!r} already seen in "
        f"training.{gap_text}"
        + (
            f" {', '.join(map(repr, aliases[:5]))}{' and others' if len(aliases) > 5 else ''} "
            f"{'names' if len(aliases) == 1 else 'name'} the same things, one value for each "
            f"{group_column!r}: the entity again, by another name."
            if aliases
            else ""
        ),
        "Pick the split that mimics deployment. If the model will score new "
        f"{group_column!r} values, split by this column (all rows of one value in the same "
        "bucket). If it will score the same ones again each period (existing customers, "
        "stores), split by time instead; a random split fits neither.",
        {
            "entities": len(sizes),
            "median_rows_per_entity": float(sizes.median()),
            "max_rows_per_entity": int(sizes.max()),
            "test_rows_seen_in_train_random_split": round(seen_share, 4),
            "score_name": name,
            "score_random_split": round(score_random, 4),
            "score_group_split": round(score_group, 4),
            "honest_score_split_by_entity": None if honest is None else round(honest, 4),
            "aliases": list(aliases),
        },
    )
