"""Which practice to offer at a break: one that fits the moment, chosen with a known chance."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from reconnect.core.practices import Practice
from reconnect.core.vocabulary import Place

# Rough hours of usable daylight by month at mid northern latitudes (about 50°N), local
# time. Good enough to avoid sending someone to find sunlight in the dark.
_DAYLIGHT = {
    1: (8, 16), 2: (8, 17), 3: (7, 18), 4: (7, 20), 5: (6, 21), 6: (5, 21),
    7: (6, 21), 8: (6, 20), 9: (7, 19), 10: (8, 18), 11: (8, 16), 12: (8, 16),
}  # fmt: skip


def is_daylight(local: datetime) -> bool:
    """Whether there is likely daylight at this local time of year."""
    first, last = _DAYLIGHT[local.month]
    return first <= local.hour < last


def needs_daylight(practice: Practice) -> bool:
    return "light" in practice.senses and practice.place in (Place.WINDOW, Place.OUTDOORS)


def fitting(
    practices: Iterable[Practice],
    local: datetime,
    have_headphones: bool,
    disabled: Collection[str] = (),
) -> list[Practice]:
    """The practices that fit now: enabled, daylight when they need it, headphones if needed."""
    daylight = is_daylight(local)
    return [
        p
        for p in practices
        if p.id not in disabled
        and (have_headphones or not p.needs_headphones)
        and (daylight or not needs_daylight(p))
    ]


@dataclass(frozen=True)
class Suggestion:
    """A practice to offer, and the chance with which it was picked among the candidates."""

    practice: Practice
    probability: float


def suggest(
    candidates: list[Practice], rng: random.Random, avoid: Collection[str] = ()
) -> Suggestion | None:
    """Pick one candidate uniformly, avoiding ``avoid`` (just offered) when others remain."""
    pool = [p for p in candidates if p.id not in avoid] or candidates
    if not pool:
        return None
    return Suggestion(rng.choice(pool), 1 / len(pool))
