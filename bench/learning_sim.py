"""One simulated person's year under one suggestion policy, through the real core functions.

``suggest_learning``, ``beliefs``, ``fitting``, ``spark_stats.compute`` and the overview's
``seems_to_help`` decide; this module only keeps the counts and writes down what happened.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

import numpy as np

from bench.learning_people import BUCKETS, Person, true_best
from reconnect.core.overview import helps_more_than_usual
from reconnect.core.practices import Practice
from reconnect.core.spark_stats import (
    PracticeCounts,
    PracticeStats,
    Prior,
    compute,
    usual_prior,
    usual_rate,
)
from reconnect.core.suggestion import (
    EXPLORE_SHARE,
    Posterior,
    Suggestion,
    beliefs,
    fitting,
    suggest_learning,
)
from reconnect.services.rhythm_suggestions import RECENT

# History lengths (check-ins) at which What helps, the ranges and the claims are looked at.
CHECKIN_GRID = (
    *range(10, 301, 10),
    *range(350, 1001, 50),
    *range(1100, 2001, 100),
)
# How the first practice on What helps could be chosen: the core's rule and two others.
ORDERINGS = ("lower end of 80% range", "middle (posterior mean)", "chance above usual")
# How many check-ins the practice's overall rate is worth when pooled into an hour bucket.
HOUR_POOL = 10.0
# The rule for "helps more than usual" before the study: a chance above usual of 60%.
OLD_HELPS_MIN_CHANCE = 0.6


@dataclass(frozen=True)
class Policy:
    """A way of choosing the offer: Thompson sampling (``top_two`` or not), its fixed share
    of even offers, the prior, and whether hours of the day are told apart.

    ``strength`` None is the core's prior (``spark_stats.usual_prior``); a number is the prior
    of before the study, the usual rate worth that many check-ins, judged with the overview's
    rule of then (``OLD_HELPS_MIN_CHANCE``).
    """

    name: str
    explore: float = EXPLORE_SHARE
    strength: float | None = None
    top_two: bool = False
    hours: bool = False

    def prior(self, counts: list[PracticeCounts]) -> Prior:
        if self.strength is None:
            return usual_prior(counts)
        checkins = sum(c.checkins for c in counts)
        return Prior(usual_rate(checkins, sum(c.sparks for c in counts)), self.strength)


@dataclass
class Outcome:
    """What one person's year showed under one policy; grids are NaN where not reached.

    Attributes:
        expected: per offered break, the true chance of the practice offered.
        uniform: per offered break, the mean true chance of the candidates (even offering).
        oracle: per offered break, the best true chance among the allowed candidates.
        oracle_free: the same without the rule against repeating a recent offer.
        first_in_best: [checkpoint, ordering]: the first practice is among the true best three.
        covered, ranges: [checkpoint]: 80% ranges holding the true chance, and ranges shown.
        claimed, claimable: [checkpoint]: practices said to help more than usual (the
            overview's rule), and practices past still learning.
        named: [checkpoint]: the overview names a practice that seems to help.
        named_best: [checkpoint]: it names one, and it is among the true best three.
    """

    expected: np.ndarray
    uniform: np.ndarray
    oracle: np.ndarray
    oracle_free: np.ndarray
    first_in_best: np.ndarray
    covered: np.ndarray
    ranges: np.ndarray
    claimed: np.ndarray
    claimable: np.ndarray
    named: np.ndarray
    named_best: np.ndarray
    sparks: int = 0
    checkins: int = 0
    extra: dict[str, float] = field(default_factory=dict)


def _hour_posteriors(
    overall: dict[str, Posterior], prior: Posterior, bucket: dict[str, PracticeCounts]
) -> dict[str, Posterior]:
    """Each practice's belief for this hour: its overall belief, worth at most ``HOUR_POOL``
    check-ins, updated with its check-ins at this hour of the day."""
    result = {}
    for pid in set(overall) | set(bucket):
        whole = overall.get(pid, prior)
        worth = min(whole.a + whole.b, HOUR_POOL)
        mean = whole.a / (whole.a + whole.b)
        counts = bucket.get(pid)
        n, s = (counts.checkins, counts.sparks) if counts else (0, 0)
        result[pid] = Posterior(worth * mean + s, worth * (1 - mean) + n - s)
    return result


def _choose(
    policy: Policy,
    pool: list[Practice],
    posteriors: dict[str, Posterior],
    prior: Posterior,
    rng: random.Random,
    avoid: list[str],
) -> Suggestion | None:
    # draws=1: the recorded chance is not studied here, and its estimate would cost 2000 draws.
    if not policy.top_two:
        return suggest_learning(pool, posteriors, rng, prior, avoid, policy.explore, draws=1)
    if rng.random() < policy.explore:
        return suggest_learning(pool, posteriors, rng, prior, avoid, 1.0, draws=1)
    leader = suggest_learning(pool, posteriors, rng, prior, avoid, 0.0, draws=1)
    if leader is None or rng.random() < 0.5:
        return leader
    # The challenger: the best of a fresh draw among the others.
    others = [*avoid, leader.practice.id]
    return suggest_learning(pool, posteriors, rng, prior, others, 0.0, draws=1)


def _look(
    report_practices: tuple[PracticeStats, ...], index: dict[str, int], best: set[int]
) -> list[bool]:
    """For each ordering rule, whether its first practice is among the true best three."""
    rated = report_practices
    firsts = (
        rated[0],
        max(rated, key=lambda p: (p.posterior_mean, p.id)),
        max(rated, key=lambda p: (p.p_better_than_usual, p.id)),
    )
    return [index[p.id] in best for p in firsts]


def run(person: Person, practices: list[Practice], policy: Policy, seed: int) -> Outcome:
    """The person's year of breaks with offers chosen by ``policy``."""
    rng = random.Random(seed * 1_000_003 + person.index)
    baseline_rng = random.Random(seed * 7_919 + person.index)
    index = {p.id: i for i, p in enumerate(practices)}
    best = true_best(person.base)
    offers = len(person.breaks)
    grid = len(CHECKIN_GRID)
    out = Outcome(
        expected=np.zeros(offers),
        uniform=np.zeros(offers),
        oracle=np.zeros(offers),
        oracle_free=np.zeros(offers),
        first_in_best=np.full((grid, len(ORDERINGS)), np.nan),
        covered=np.full(grid, np.nan),
        ranges=np.full(grid, np.nan),
        claimed=np.full(grid, np.nan),
        claimable=np.full(grid, np.nan),
        named=np.full(grid, np.nan),
        named_best=np.full(grid, np.nan),
    )
    counts: dict[str, PracticeCounts] = {}
    by_hour: list[dict[str, PracticeCounts]] = [{} for _ in range(BUCKETS)]
    truth_sum: dict[str, float] = {}
    offered: list[str] = []
    uniform_offered: list[str] = []
    oracle_offered: list[str] = []
    fits: dict[tuple[int, int], list[Practice]] = {}
    chances: dict[tuple[int, int], list[float]] = {}
    look = 0
    for number, moment in enumerate(person.breaks):
        key = (moment.month, moment.local.hour)
        if key not in fits:
            fits[key] = fitting(practices, moment.local, have_headphones=True)
        candidates = fits[key]
        where = (moment.bucket, moment.month - 1)
        if where not in chances:
            chances[where] = person.chance[:, where[0], where[1]].tolist()
        chance = chances[where]
        history = list(counts.values())
        posteriors, prior = beliefs(history, policy.prior(history))
        if policy.hours:
            posteriors = _hour_posteriors(posteriors, prior, by_hour[moment.bucket])
        suggestion = _choose(policy, candidates, posteriors, prior, rng, offered[-RECENT:])
        assert suggestion is not None
        chosen = suggestion.practice.id
        offered.append(chosen)
        out.expected[number] = chance[index[chosen]]
        # The baselines follow the same rule against repeating a recent offer.
        pool = [p for p in candidates if p.id not in uniform_offered[-RECENT:]]
        out.uniform[number] = sum(chance[index[p.id]] for p in pool) / len(pool)
        uniform_offered.append(baseline_rng.choice(pool).id)
        pool = [p for p in candidates if p.id not in oracle_offered[-RECENT:]]
        top = max(pool, key=lambda p: chance[index[p.id]])
        oracle_offered.append(top.id)
        out.oracle[number] = chance[index[top.id]]
        out.oracle_free[number] = max(chance[index[p.id]] for p in candidates)
        if not moment.taken:
            continue
        spark = moment.draw < chance[index[chosen]]
        old = counts.get(chosen) or PracticeCounts(chosen, chosen, 0, 0, 0, 0, 0, 0)
        checked = int(moment.checked_in)
        counts[chosen] = replace(
            old,
            sessions=old.sessions + 1,
            completed=old.completed + 1,
            checkins=old.checkins + checked,
            sparks=old.sparks + checked * spark,
            strong_sparks=old.strong_sparks + checked * spark,
            level_sum=old.level_sum + checked * spark,
        )
        if not checked:
            continue
        hour = by_hour[moment.bucket]
        old = hour.get(chosen) or PracticeCounts(chosen, chosen, 0, 0, 0, 0, 0, 0)
        hour[chosen] = replace(old, checkins=old.checkins + 1, sparks=old.sparks + spark)
        truth_sum[chosen] = truth_sum.get(chosen, 0.0) + chance[index[chosen]]
        out.checkins += 1
        out.sparks += int(spark)
        if look < grid and out.checkins == CHECKIN_GRID[look]:
            _record(out, look, list(counts.values()), policy, index, best, truth_sum)
            look += 1
    return out


def _record(
    out: Outcome,
    look: int,
    counts: list[PracticeCounts],
    policy: Policy,
    index: dict[str, int],
    best: set[int],
    truth_sum: dict[str, float],
) -> None:
    report = compute(counts, policy.prior(counts))
    rated = report.rated
    out.first_in_best[look] = _look(rated, index, best)
    covered = 0
    for p in rated:
        truth = truth_sum[p.id] / p.checkins
        covered += p.interval80[0] <= truth <= p.interval80[1]
    out.covered[look] = covered
    out.ranges[look] = len(rated)
    settled = [p for p in rated if not p.still_learning]
    out.claimable[look] = len(settled)
    if policy.strength is None:
        helpers = helps_more_than_usual(report)
    else:
        helpers = [p for p in settled if p.p_better_than_usual >= OLD_HELPS_MIN_CHANCE]
    out.claimed[look] = len(helpers)
    out.named[look] = bool(helpers)
    out.named_best[look] = bool(helpers) and index[helpers[0].id] in best
