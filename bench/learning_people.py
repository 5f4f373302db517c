"""The learning study's simulated people: their true chances of a spark, and their year of breaks.

Breaks come from the real planner (core/break_planner.py) on a fake clock; nothing here decides
which practice is offered.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import numpy as np

from reconnect.core.break_planner import BreakPlanner, Wakeup
from reconnect.core.break_policy import Rhythm
from reconnect.core.practices import Practice
from reconnect.core.suggestion import needs_daylight

ZONE = ZoneInfo("Europe/Berlin")
YEAR_START = datetime(2025, 1, 6, 7, 0, tzinfo=ZONE)  # a Monday
YEAR = timedelta(days=365)
PRACTICE_MINUTES = 3
# The hour-of-day buckets a person's chances may depend on: morning, afternoon, late afternoon.
BUCKET_EDGES = (12, 15)
BUCKETS = 3


class Kind(StrEnum):
    """What is true of a person: a few practices clearly help, all equally, or nothing yet."""

    CLEAR = "a few clearly help"
    EQUAL = "all about equal"
    NOTHING = "nothing helps yet"


# The population: how many of each kind, and how many have hour and season effects.
KIND_SHARES = ((Kind.CLEAR, 0.5), (Kind.EQUAL, 0.3), (Kind.NOTHING, 0.2))
HOUR_EFFECT_SHARE = 0.4
SEASON_EFFECT_SHARE = 0.3
INTERVALS_MINUTES = (45, 60, 90)


def bucket_of(hour: int) -> int:
    """0 morning, 1 afternoon, 2 late afternoon."""
    return sum(hour >= edge for edge in BUCKET_EDGES)


@dataclass(frozen=True)
class Break:
    """One prompt of the year: when, whether the offer is taken and checked in on, and the
    uniform number that decides a spark (the same for every policy, so they compare fairly)."""

    local: datetime
    bucket: int
    month: int
    taken: bool
    checked_in: bool
    draw: float


@dataclass(frozen=True)
class Person:
    """A simulated person.

    Attributes:
        chance: the true chance of a spark, indexed [practice, hour bucket, month - 1].
        base: each practice's true chance averaged over the person's own year of breaks.
        breaks: the year's prompts, as the real planner made them.
    """

    index: int
    kind: Kind
    hour_effect: bool
    season_effect: bool
    chance: np.ndarray
    base: np.ndarray
    breaks: tuple[Break, ...]

    @property
    def no_real_differences(self) -> bool:
        return self.kind is not Kind.CLEAR


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _chances(
    rng: np.random.Generator, kind: Kind, hours: bool, season: bool, practices: list[Practice]
) -> np.ndarray:
    count = len(practices)
    months = np.arange(1, 13)
    # Brighter months lift practices of light, movement and going out (or everything alike).
    seasonal = 0.8 * np.cos(2 * np.pi * (months - 7) / 12) if season else np.zeros(12)
    outward = np.array(
        [needs_daylight(p) or "movement" in p.senses or p.place.value == "away" for p in practices]
    )
    if kind is Kind.CLEAR:
        logits = rng.normal(_logit(0.2), 0.5, count)
        helping = rng.choice(count, size=int(rng.integers(2, 4)), replace=False)
        logits[helping] += rng.uniform(1.5, 2.5, helping.size)
        hour = rng.normal(0, 0.6, (count, BUCKETS)) if hours else np.zeros((count, BUCKETS))
        hour -= hour.mean(axis=1, keepdims=True)
        month = np.where(outward[:, None], seasonal[None, :], 0.0)
    else:
        rate = rng.uniform(0.2, 0.5) if kind is Kind.EQUAL else rng.uniform(0.01, 0.05)
        logits = np.full(count, _logit(rate))
        # A mood by hour or season moves every practice alike: still no real differences.
        common = rng.normal(0, 0.3, BUCKETS) if hours else np.zeros(BUCKETS)
        hour = np.broadcast_to(common - common.mean(), (count, BUCKETS))
        month = np.broadcast_to(seasonal, (count, 12))
    total = logits[:, None, None] + hour[:, :, None] + month[:, None, :]
    result: np.ndarray = 1 / (1 + np.exp(-total))
    return result


def year_of_breaks(
    seed: int, interval_minutes: int, decline: float, skip_checkin: float
) -> tuple[Break, ...]:
    """A year of working days through the real planner: prompt, take or decline, finish."""
    rng = random.Random(seed)
    now = YEAR_START
    planner = BreakPlanner(
        Rhythm(interval=timedelta(minutes=interval_minutes), randomness=timedelta(minutes=5)),
        random.Random(rng.random()),
        now,
    )
    breaks: list[Break] = []
    end = YEAR_START + YEAR
    while True:
        wakeup = planner.next_wakeup(now)
        if wakeup is None or wakeup >= end:
            break
        now = wakeup
        if planner.on_wakeup(now) is not Wakeup.PROMPT:
            continue
        taken = rng.random() >= decline
        local = now.astimezone(ZONE)
        breaks.append(
            Break(
                local,
                bucket_of(local.hour),
                local.month,
                taken,
                taken and rng.random() >= skip_checkin,
                rng.random(),
            )
        )
        if taken:
            planner.started(now)
            now += timedelta(minutes=PRACTICE_MINUTES)
            planner.finished(now)
        else:
            planner.skip_next(now)
    return tuple(breaks)


def make_person(
    seed: int, index: int, practices: list[Practice], every_offer_taken: bool = True
) -> Person:
    """Person number ``index`` of the population drawn from ``seed``."""
    rng = np.random.default_rng([seed, index])
    roll = rng.random()
    kind = Kind.NOTHING
    for candidate, share in KIND_SHARES:
        if roll < share:
            kind = candidate
            break
        roll -= share
    hours = bool(rng.random() < HOUR_EFFECT_SHARE)
    season = bool(rng.random() < SEASON_EFFECT_SHARE)
    chance = _chances(rng, kind, hours, season, practices)
    decline = 0.0 if every_offer_taken else float(rng.uniform(0.0, 0.4))
    skip = 0.0 if every_offer_taken else float(rng.uniform(0.0, 0.3))
    interval = int(rng.choice(INTERVALS_MINUTES))
    breaks = year_of_breaks(int(rng.integers(2**31)), interval, decline, skip)
    buckets = np.array([b.bucket for b in breaks])
    months = np.array([b.month - 1 for b in breaks])
    base = chance[:, buckets, months].mean(axis=1)
    return Person(index, kind, hours, season, chance, base, breaks)


def true_best(base: np.ndarray, count: int = 3) -> set[int]:
    """The indices of the truly best ``count`` practices; ties with the last of them count too."""
    threshold = np.sort(base)[::-1][count - 1]
    return {int(i) for i in np.flatnonzero(base >= threshold - 1e-12)}
