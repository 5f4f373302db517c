"""The learning study's measures: captured advantage, What helps' first, ranges, claims."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from bench.learning_people import Kind, Person
from bench.learning_sim import CHECKIN_GRID, Outcome, Policy


@dataclass
class Result:
    """Every person's outcome under one policy."""

    policy: Policy
    people: list[Person]
    outcomes: list[Outcome]


def captured(result: Result, offers: int, free: bool = False) -> float:
    """The share of the oracle's advantage over even offering gained in the first ``offers``."""
    gained = possible = 0.0
    for outcome in result.outcomes:
        if len(outcome.expected) < offers:
            continue
        uniform = outcome.uniform[:offers].sum()
        oracle = (outcome.oracle_free if free else outcome.oracle)[:offers].sum()
        gained += outcome.expected[:offers].sum() - uniform
        possible += oracle - uniform
    return gained / possible if possible else float("nan")


def _grid_index(checkins: int) -> int:
    return CHECKIN_GRID.index(checkins)


def first_in_best(
    result: Result, checkins: int, ordering: int = 0, kind: Kind | None = None
) -> float:
    """The share of people whose first practice on What helps is among their true best three."""
    at = _grid_index(checkins)
    values = [
        o.first_in_best[at, ordering]
        for p, o in zip(result.people, result.outcomes, strict=True)
        if kind is None or p.kind is kind
    ]
    values = [v for v in values if not np.isnan(v)]
    return float(np.mean(values)) if values else float("nan")


def until_stays(result: Result, ordering: int = 0, kind: Kind | None = None) -> np.ndarray:
    """Per person: check-ins until the first practice is among the best three and stays there
    for the rest of the year (inf when it never settles)."""
    values = []
    for person, outcome in zip(result.people, result.outcomes, strict=True):
        if kind is not None and person.kind is not kind:
            continue
        seen = outcome.first_in_best[:, ordering]
        seen = seen[~np.isnan(seen)]
        wrong = np.flatnonzero(seen == 0)
        if not len(seen):
            continue
        if not len(wrong):
            values.append(CHECKIN_GRID[0])
        elif wrong[-1] + 1 < len(seen):
            values.append(CHECKIN_GRID[wrong[-1] + 1])
        else:
            values.append(np.inf)
    return np.array(values, dtype=float)


def coverage(result: Result) -> np.ndarray:
    """Per history length: the share of 80% ranges shown that hold the true chance."""
    covered = np.nansum([o.covered for o in result.outcomes], axis=0)
    shown = np.nansum([o.ranges for o in result.outcomes], axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(shown > 0, covered / shown, np.nan)


def claims(result: Result, checkins: int | None) -> tuple[float, float, int]:
    """For people with no real differences, at ``checkins`` (None: the year's end): the share
    of settled practices said to help more than usual, the share of people the overview names
    one for, and how many people were looked at."""
    claimed = settled = named = people = 0.0
    for person, outcome in zip(result.people, result.outcomes, strict=True):
        if not person.no_real_differences:
            continue
        reached = np.flatnonzero(~np.isnan(outcome.claimed))
        if not len(reached):
            continue
        at = reached[-1] if checkins is None else _grid_index(checkins)
        if np.isnan(outcome.claimed[at]):
            continue
        claimed += outcome.claimed[at]
        settled += outcome.claimable[at]
        named += outcome.named[at]
        people += 1
    return claimed / max(settled, 1), named / max(people, 1), int(people)


def named_best(result: Result, checkins: int | None) -> float:
    """For people for whom a few practices clearly help, at ``checkins`` (None: the year's
    end): the share the overview names a practice for that is among their true best three."""
    values = []
    for person, outcome in zip(result.people, result.outcomes, strict=True):
        if person.kind is not Kind.CLEAR:
            continue
        reached = np.flatnonzero(~np.isnan(outcome.named_best))
        at = (reached[-1] if len(reached) else None) if checkins is None else _grid_index(checkins)
        if at is not None and not np.isnan(outcome.named_best[at]):
            values.append(outcome.named_best[at])
    return float(np.mean(values)) if values else float("nan")


def sparks_gain(result: Result, base: Result, hour_effect: bool) -> float:
    """Expected sparks of ``result`` over ``base`` in the year, as a share of ``base``'s,
    among clearly-helped people with (or without) an hour-of-day effect."""
    ours = theirs = 0.0
    for person, a, b in zip(result.people, result.outcomes, base.outcomes, strict=True):
        if person.kind is Kind.CLEAR and person.hour_effect == hour_effect:
            ours += a.expected.sum()
            theirs += b.expected.sum()
    return ours / theirs - 1 if theirs else float("nan")
