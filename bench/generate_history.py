"""Write a realistic multi-year history into a data folder, through Reconnect's own storage.

Sessions fall on working days (Monday to Friday), mostly between 09:00 and 17:30 in Berlin,
with the real daylight-saving offsets. About 60% carry a check-in, and how often a check-in
brings at least a flicker depends on the practice (a few are clearly better), on the hour
(an afternoon dip) and on the season (lower from November to February). Everything is drawn
from one seeded random generator, ids included, so a seed always gives the same history.

    python -m bench.generate_history DATA_DIR [--years 5] [--seed 1]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.practices import Practice
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, Moment, Outcome, Trigger
from reconnect.core.vocabulary import BODY_AREAS, FEELING_WORDS
from reconnect.storage.unit_of_work import UnitOfWork

BERLIN = ZoneInfo("Europe/Berlin")
# A fixed last day (a Friday), so a seed gives the same history whatever day it is run.
LAST_DAY = date(2026, 11, 20)
# Sessions per unit of work: a few large transactions, as an import would write them.
BATCH = 5000
# Eleven short breaks a working day (about one every 45 minutes) give the issue's
# "at least 14,000 sessions" over five years; 5.5 would give only about 7,200.
PER_WORKDAY = 11.0

# Practices that clearly help more often than the rest (if the library has them).
FAVOURITES = ("cool-water-hands", "shake-it-out", "music-chills", "sunlight")
TRIGGERS = (
    (Trigger.SCHEDULED, 0.76),
    (Trigger.TRAY, 0.09),
    (Trigger.DASHBOARD, 0.06),
    (Trigger.COMMAND_LINE, 0.02),
    (Trigger.LOGGED, 0.07),
)
OUTCOMES = (
    (Outcome.COMPLETED, 0.86),
    (Outcome.STOPPED_EARLY, 0.10),
    (Outcome.INTERRUPTED, 0.04),
)
# Chance of a check-in, by outcome (a logged practice always has one).
CHECKIN_CHANCE = {Outcome.COMPLETED: 0.62, Outcome.STOPPED_EARLY: 0.35, Outcome.INTERRUPTED: 0.0}
# Given at least a flicker: a flicker, a spark or a glow.
SPARK_LEVELS = ((1, 0.55), (2, 0.32), (3, 0.13))
OWN_WORDS = ("prickly", "heavy", "soft", "buzzing", "still", "open")
NOTES = (
    "Cold water on the wrists woke something up.",
    "Mostly nothing, but my shoulders dropped.",
    "A bit of warmth behind the eyes.",
    "Hard to stay with it after the meeting.",
    "Noticed the sun on my face for the first time today.",
)


@dataclass(frozen=True)
class GeneratedSummary:
    """What ``generate`` wrote.

    Attributes:
        sessions: sessions written.
        checkins: of which with a check-in.
        sparks: check-ins with at least a flicker.
        first_day, last_day: the local dates of the first and last working day covered.
        seconds: how long generating and writing took.
    """

    sessions: int
    checkins: int
    sparks: int
    first_day: date
    last_day: date
    seconds: float

    @property
    def checkin_share(self) -> float:
        return self.checkins / self.sessions if self.sessions else 0.0


def _pick(rng: random.Random, weighted: Sequence[tuple[object, float]]) -> object:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method; fine for the small means of a working day.
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _practice_rates(practices: Sequence[Practice], rng: random.Random) -> dict[str, float]:
    """The base chance of at least a flicker for each practice."""
    favourites = [p.id for p in practices if p.id in FAVOURITES] or [p.id for p in practices[:3]]
    return {
        p.id: rng.uniform(0.66, 0.74) if p.id in favourites else rng.uniform(0.32, 0.50)
        for p in practices
    }


def spark_chance(base: float, local: datetime) -> float:
    """The chance of at least a flicker for a practice at a local time."""
    hour = local.hour + local.minute / 60
    if 13 <= hour < 15.5:
        base -= 0.12  # the afternoon dip
    elif hour < 11:
        base += 0.04
    if local.month in (11, 12, 1, 2):
        base -= 0.10  # the dark months
    elif local.month in (5, 6, 7, 8):
        base += 0.05
    return min(0.95, max(0.02, base))


def _start_times(rng: random.Random, day: date, count: int) -> list[datetime]:
    """Local wall times on ``day``: mostly 09:00-17:30, a few earlier or later."""
    minutes: list[float] = []
    for _ in range(count):
        if rng.random() < 0.92:
            minutes.append(rng.uniform(9 * 60, 17.5 * 60))
        elif rng.random() < 0.5:
            minutes.append(rng.uniform(7.5 * 60, 9 * 60))
        else:
            minutes.append(rng.uniform(17.5 * 60, 19.5 * 60))
    midnight = datetime(day.year, day.month, day.day, tzinfo=BERLIN)
    return [midnight + timedelta(minutes=m) for m in sorted(minutes)]


def _later(local: datetime, seconds: float) -> datetime:
    # Through UTC, so a span across a daylight-saving change keeps its real length.
    return (local.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(BERLIN)


def _session(
    rng: random.Random, practice: Practice, base: float, started: datetime
) -> BreakSession:
    trigger = _pick(rng, TRIGGERS)
    assert isinstance(trigger, Trigger)
    outcome = Outcome.COMPLETED if trigger is Trigger.LOGGED else _pick(rng, OUTCOMES)
    assert isinstance(outcome, Outcome)
    length = practice.seconds * rng.uniform(0.95, 1.15)
    if outcome is not Outcome.COMPLETED:
        length *= rng.uniform(0.1, 0.7)
    ended = _later(started, length)
    session_id = _id(rng)
    checkin = None
    if trigger is Trigger.LOGGED or rng.random() < CHECKIN_CHANCE[outcome]:
        level = 0
        if rng.random() < spark_chance(base, started):
            level = int(_pick(rng, SPARK_LEVELS))  # type: ignore[call-overload]
        body: list[str] = []
        feelings: list[str] = []
        if rng.random() < (0.45 if level else 0.08):
            body = rng.sample(BODY_AREAS, rng.choice((1, 1, 2)))
        if rng.random() < (0.40 if level else 0.05):
            feelings = rng.sample(FEELING_WORDS, rng.choice((1, 1, 2)))
            if rng.random() < 0.1:
                feelings.append(rng.choice(OWN_WORDS))
        note = rng.choice(NOTES) if rng.random() < 0.03 else None
        at = _later(ended, rng.uniform(5, 60))
        checkin = replace(make_checkin(session_id, at, level, body, feelings, note), id=_id(rng))
    return BreakSession(
        id=session_id,
        practice_id=practice.id,
        practice_title=practice.title,
        trigger=trigger,
        started=Moment.of(started),
        ended=Moment.of(ended),
        outcome=outcome,
        checkin=checkin,
    )


def generate(
    data_dir: Path, years: float = 5, seed: int = 1, per_workday: float = PER_WORKDAY
) -> GeneratedSummary:
    """Write ``years`` of working days ending on ``LAST_DAY`` into the data folder.

    Args:
        data_dir: the data folder; created (and its database migrated) if needed.
        years: how far back the history reaches.
        seed: the same seed gives the same history, ids included.
        per_workday: the mean number of sessions on a working day.
    """
    began = time.perf_counter()
    rng = random.Random(seed)
    context = bootstrap.build(
        str(data_dir), environ={}, clock=FakeClock(datetime(2026, 11, 20, 18, tzinfo=BERLIN))
    )
    try:
        practices = sorted(context.library, key=lambda p: p.id)
        if not practices:
            raise RuntimeError("the practice library is empty")
        rates = _practice_rates(practices, rng)
        # Some practices are chosen more often: the person's habits.
        popularity = [rng.uniform(0.4, 2.0) for _ in practices]
        first_day = LAST_DAY - timedelta(days=round(years * 365.25))
        factory = context.database().session_factory
        batch: list[BreakSession] = []
        sessions = checkins = sparks = 0
        first_written: date | None = None
        day = first_day
        while day <= LAST_DAY:
            if day.weekday() < 5:
                for started in _start_times(rng, day, _poisson(rng, per_workday)):
                    practice = rng.choices(practices, popularity)[0]
                    session = _session(rng, practice, rates[practice.id], started)
                    batch.append(session)
                    first_written = first_written or day
                    sessions += 1
                    if session.checkin is not None:
                        checkins += 1
                        sparks += session.checkin.level >= 1
            if len(batch) >= BATCH:
                _write(factory, batch)
                batch = []
            day += timedelta(days=1)
        _write(factory, batch)
    finally:
        context.close()
    return GeneratedSummary(
        sessions=sessions,
        checkins=checkins,
        sparks=sparks,
        first_day=first_written or first_day,
        last_day=LAST_DAY,
        seconds=time.perf_counter() - began,
    )


def _write(factory: object, batch: Sequence[BreakSession]) -> None:
    with UnitOfWork(factory) as uow:  # type: ignore[arg-type]
        uow.history.add_many(batch)
        uow.commit()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate_history", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("data_dir", type=Path, help="the data folder to write into")
    parser.add_argument("--years", type=float, default=5.0, help="how many years (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--per-workday",
        type=float,
        default=PER_WORKDAY,
        help=f"mean sessions per working day (default {PER_WORKDAY})",
    )
    args = parser.parse_args(argv)
    summary = generate(args.data_dir, args.years, args.seed, args.per_workday)
    print(
        f"Wrote {summary.sessions} sessions, {summary.checkins} with check-ins "
        f"({summary.checkin_share:.0%}), {summary.sparks} with at least a flicker, "
        f"from {summary.first_day} to {summary.last_day}, in {summary.seconds:.2f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
