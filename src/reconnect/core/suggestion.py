"""Which practice to offer at a break: one that fits the moment, chosen with a known chance."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reconnect.core.daylight import Coordinates
from reconnect.core.daylight import is_daylight as is_daylight  # where it was before
from reconnect.core.vocabulary import Place

if TYPE_CHECKING:  # imported when first used: the tray shows itself without them
    from reconnect.core.practices import Practice
    from reconnect.core.spark_stats import PracticeCounts, Prior


def needs_daylight(practice: Practice) -> bool:
    return "light" in practice.senses and practice.place in (Place.WINDOW, Place.OUTDOORS)


def fitting(
    practices: Iterable[Practice],
    local: datetime,
    have_headphones: bool,
    disabled: Collection[str] = (),
    where: Coordinates | None = None,
) -> list[Practice]:
    """The practices that fit now: enabled, daylight when they need it, headphones if needed.

    Daylight is the sun's at ``where``, or at the place of ``local``'s time zone when None.
    """
    daylight = is_daylight(local, where)
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


@dataclass(frozen=True)
class ExperimentSuggestion(Suggestion):
    """A practice offered for an experiment (``core.experiments``); its offer is marked."""

    experiment_id: str = ""


def suggest(
    candidates: list[Practice], rng: random.Random, avoid: Collection[str] = ()
) -> Suggestion | None:
    """Pick one candidate uniformly, avoiding ``avoid`` (just offered) when others remain."""
    pool = [p for p in candidates if p.id not in avoid] or candidates
    if not pool:
        return None
    return Suggestion(rng.choice(pool), 1 / len(pool))


# The share of offers drawn evenly; the learning study (docs/learning.md) points to 5%.
EXPLORE_SHARE = 0.05
_ESTIMATE_DRAWS = 2000


@dataclass(frozen=True)
class Posterior:
    """What the history says of one practice: Beta(a, b) over its chance of a spark."""

    a: float
    b: float


def _thompson_winner(
    candidates: list[Practice], posteriors: dict[str, Posterior], prior: Posterior,
    rng: random.Random,
) -> Practice:  # fmt: skip
    best, best_draw = candidates[0], -1.0
    for practice in candidates:
        belief = posteriors.get(practice.id, prior)
        draw = rng.betavariate(belief.a, belief.b)
        if draw > best_draw:
            best, best_draw = practice, draw
    return best


def suggest_learning(
    candidates: list[Practice],
    posteriors: dict[str, Posterior],
    rng: random.Random,
    prior: Posterior = Posterior(2.0, 2.0),
    avoid: Collection[str] = (),
    explore: float = EXPLORE_SHARE,
    draws: int = _ESTIMATE_DRAWS,
) -> Suggestion | None:
    """Thompson sampling over what has helped, while still trying everything.

    A fixed share of suggestions (``explore``) is drawn evenly, so every practice keeps being
    tried; the rest go to the practice whose sampled chance of a spark is highest. The
    returned probability is the chance this procedure offers that practice: exact for the
    even share, estimated from repeated draws for the sampled share.

    Args:
        posteriors: practice id to its Beta posterior; practices not in it use ``prior``.
        rng: the source of randomness (seeded in tests).
        draws: how many repeated draws estimate the recorded chance.
    """
    pool = [p for p in candidates if p.id not in avoid] or candidates
    if not pool:
        return None
    if rng.random() < explore:
        chosen = rng.choice(pool)
    else:
        chosen = _thompson_winner(pool, posteriors, prior, rng)
    # A separate, seeded source estimates the chance, so the estimate never shifts the
    # sequence of suggestions.
    estimator = random.Random(rng.random())
    wins = sum(_thompson_winner(pool, posteriors, prior, estimator) is chosen for _ in range(draws))
    probability = explore / len(pool) + (1 - explore) * wins / draws
    return Suggestion(chosen, probability)


def beliefs(
    counts: Sequence[PracticeCounts], given: Prior | None = None
) -> tuple[dict[str, Posterior], Posterior]:
    """Each practice's Beta posterior from its check-ins, and the prior for untried ones.

    The prior is the dashboard's (``spark_stats.usual_prior``): the practices' average rate
    as its mean, worth as many check-ins as their differences suggest; ``given`` replaces it
    (the learning study tries others).
    """
    from reconnect.core.spark_stats import usual_prior

    usual = usual_prior(counts) if given is None else given
    prior = Posterior(usual.a, usual.b)
    return (
        {c.id: Posterior(prior.a + c.sparks, prior.b + c.checkins - c.sparks) for c in counts},
        prior,
    )
