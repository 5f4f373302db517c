"""Comparing two practices: which one each offered break of an experiment gets, and what the
check-ins after them say, in plain words that never claim more than they can.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from reconnect.core.i18n import plural, translate

DEFAULT_BREAKS = 20
BREAKS_BOUNDS = (2, 200)
# Below this many check-ins of either practice the result is "too early to tell".
TOO_EARLY_BELOW = 5
# Each practice's spark rate starts from a uniform prior, Beta(1, 1): no practice is favoured.
PRIOR_A = 1.0
PRIOR_B = 1.0
# "A seems to bring a spark more often" only when the whole 95% range of the difference lies
# on one side of nothing (a chance of about 97.5% or more), so the words never contradict the
# range shown beside them.
# "About the same" when the whole 95% range of the difference lies within this many points.
ALIKE_WITHIN = 0.15
# Draws of the posteriors for the ranges and the chance (seeded: the same counts, the same words).
DRAWS = 40_000

VERDICTS = ("too-early", "a-more", "b-more", "alike", "unclear")


@dataclass(frozen=True)
class Experiment:
    """Two practices offered in turn, in a random order, for a planned number of breaks.

    Attributes:
        breaks: how many breaks offer A or B.
        seed: the seed of the random order (``assignment``).
        started_at: when it started (aware).
        ended_at: when it ended, by itself or stopped; None while it runs.
        stopped_early: the person stopped it before the planned breaks were offered.
    """

    id: str
    practice_a: str
    title_a: str
    practice_b: str
    title_b: str
    breaks: int
    seed: int
    started_at: datetime
    ended_at: datetime | None = None
    stopped_early: bool = False

    @property
    def running(self) -> bool:
        return self.ended_at is None

    def title_of(self, practice_id: str) -> str:
        return self.title_a if practice_id == self.practice_a else self.title_b

    def other_than(self, practice_id: str) -> str:
        return self.practice_b if practice_id == self.practice_a else self.practice_a


@dataclass(frozen=True)
class ArmCounts:
    """What became of one practice's offers in an experiment, as the history counts them.

    Attributes:
        offered: offers of the experiment that named this practice.
        declined: offers let go: skipped, snoozed, left to close, or met by a natural break.
        other: offers where the person chose another practice instead.
        done: offers that started this practice.
        checkins: check-ins after those practices.
        sparks: those check-ins at level 1 or more.
        waiting: offers not answered yet.
    """

    offered: int = 0
    declined: int = 0
    other: int = 0
    done: int = 0
    checkins: int = 0
    sparks: int = 0
    waiting: int = 0


@dataclass(frozen=True)
class Arm:
    """One practice's side of an experiment.

    Attributes:
        declined: offered and not started (skipped, timed out, snoozed away): never "nothing".
        other: the person chose another practice instead.
        done: practices of this one started from those offers.
        sparks: check-ins at level 1 or more (as ``spark_stats``).
        rate: the mean of its Beta posterior under the uniform prior; None without check-ins.
    """

    practice_id: str
    title: str
    offered: int
    declined: int
    other: int
    done: int
    checkins: int
    sparks: int
    rate: float | None


@dataclass(frozen=True)
class ExperimentResult:
    """An experiment, how far it is, and what its check-ins say so far.

    Attributes:
        offered: breaks of the experiment offered so far.
        remaining: breaks still to come (none once it ended).
        difference: A's rate minus B's (the posteriors' means); None while too early.
        range80: the 80% likely range of that difference; None while too early.
        range95: the 95% likely range; None while too early.
        chance_a_better: the posterior chance that A brings a spark more often than B.
        verdict: one of ``VERDICTS``.
        sentence: the result in plain words, translated.
    """

    experiment: Experiment
    a: Arm
    b: Arm
    offered: int
    remaining: int
    difference: float | None
    range80: tuple[float, float] | None
    range95: tuple[float, float] | None
    chance_a_better: float | None
    verdict: str
    sentence: str


@dataclass(frozen=True)
class Offer:
    """What the next break of a running experiment offers.

    Attributes:
        index: how many breaks of the experiment were offered before this one.
        practice_id: the practice the random order gives it.
        other_id: the other practice, offered when the first can't be now.
    """

    experiment_id: str
    index: int
    practice_id: str
    other_id: str


def assignment(experiment: Experiment, index: int) -> str:
    """The practice id of the ``index``-th offer (from 0) of an experiment.

    Permuted blocks of two: every pair of offers (0 and 1, 2 and 3, ...) holds A once and B
    once, in an order drawn from the experiment's seed and the pair's number, so the same
    experiment always gives the same order and A and B never differ by more than one.
    """
    if index < 0:
        raise ValueError("an offer's index is 0 or more")
    block, place = divmod(index, 2)
    a_first = random.Random(f"{experiment.seed}:{block}").random() < 0.5
    first, second = (
        (experiment.practice_a, experiment.practice_b)
        if a_first
        else (experiment.practice_b, experiment.practice_a)
    )
    return first if place == 0 else second


def next_offer(experiment: Experiment, offered: int) -> Offer | None:
    """The next offer of a running experiment that has offered ``offered`` breaks; None once
    it ended or every planned break was offered."""
    if not experiment.running or offered >= experiment.breaks:
        return None
    practice = assignment(experiment, offered)
    return Offer(experiment.id, offered, practice, experiment.other_than(practice))


def new_seed(rng: random.Random) -> int:
    """A seed for a new experiment's order (fits a database's integer column)."""
    return rng.randrange(1, 2**31 - 1)


def _arm(practice_id: str, title: str, counts: ArmCounts) -> Arm:
    n, s = counts.checkins, counts.sparks
    return Arm(
        practice_id=practice_id,
        title=title,
        offered=counts.offered,
        declined=counts.declined,
        other=counts.other,
        done=counts.done,
        checkins=n,
        sparks=s,
        rate=(PRIOR_A + s) / (PRIOR_A + PRIOR_B + n) if n else None,
    )


def _difference(
    a: Arm, b: Arm, seed: int
) -> tuple[float, tuple[float, float], tuple[float, float], float]:
    """The posterior difference of the rates: its middle, 80% and 95% ranges, and P(A > B).

    By seeded draws of the two Beta posteriors, so the same counts always say the same.
    """
    import numpy as np

    generator = np.random.default_rng(seed)
    draws_a = generator.beta(PRIOR_A + a.sparks, PRIOR_B + a.checkins - a.sparks, DRAWS)
    draws_b = generator.beta(PRIOR_A + b.sparks, PRIOR_B + b.checkins - b.sparks, DRAWS)
    difference = draws_a - draws_b
    q = [float(v) for v in np.quantile(difference, [0.025, 0.10, 0.90, 0.975])]
    middle = (a.rate or 0.0) - (b.rate or 0.0)
    return middle, (q[1], q[2]), (q[0], q[3]), float(np.mean(draws_a > draws_b))


def verdict_of(
    too_early: bool, chance_a_better: float | None, range95: tuple[float, float] | None
) -> str:
    """The verdict: too early, one seems to bring more sparks, about alike, or unclear."""
    if too_early or chance_a_better is None or range95 is None:
        return "too-early"
    if range95[0] > 0.0:
        return "a-more"
    if range95[1] < 0.0:
        return "b-more"
    if range95[0] >= -ALIKE_WITHIN and range95[1] <= ALIKE_WITHIN:
        return "alike"
    return "unclear"


def result(experiment: Experiment, a_counts: ArmCounts, b_counts: ArmCounts) -> ExperimentResult:
    """What the experiment says so far, from each practice's counts."""
    a = _arm(experiment.practice_a, experiment.title_a, a_counts)
    b = _arm(experiment.practice_b, experiment.title_b, b_counts)
    offered = a.offered + b.offered
    remaining = max(experiment.breaks - offered, 0) if experiment.running else 0
    too_early = min(a.checkins, b.checkins) < TOO_EARLY_BELOW
    difference = range80 = range95 = chance = None
    if not too_early:
        difference, range80, range95, chance = _difference(a, b, experiment.seed)
    verdict = verdict_of(too_early, chance, range95)
    sentence = " ".join(
        part for part in (_verdict_sentence(verdict, a, b, chance), _apart_sentence(a, b)) if part
    )
    return ExperimentResult(
        experiment=experiment,
        a=a,
        b=b,
        offered=offered,
        remaining=remaining,
        difference=difference,
        range80=range80,
        range95=range95,
        chance_a_better=chance,
        verdict=verdict,
        sentence=sentence,
    )


def percent(value: float) -> str:
    """A share as a whole percentage: ``0.953`` is "95%"."""
    return f"{round(value * 100)}%"


def _chance(value: float) -> str:
    """A chance in words that never reach certainty: "more than 99%" at most."""
    if value > 0.99:
        return translate("Experiments", "more than 99%")
    return translate("Experiments", "about {percent}").format(percent=percent(value))


def points(value: float) -> str:
    """A difference of rates in percentage points, signed: ``-0.12`` is "-12"."""
    return f"{round(value * 100):+d}" if round(value * 100) else "0"


def _checkins(count: int) -> str:
    return plural(
        count,
        translate("Experiments", "1 check-in"),
        translate("Experiments", "{count} check-ins"),
    )


def _verdict_sentence(verdict: str, a: Arm, b: Arm, chance: float | None) -> str:
    if verdict == "too-early" and a.checkins == b.checkins == 0:
        return translate(
            "Experiments",
            "Too early to tell: no check-ins after either practice yet. With a few after "
            "each, a picture starts to form.",
        )
    if verdict == "too-early":
        return translate(
            "Experiments",
            "Too early to tell: {a} has {a_checkins} and {b} has {b_checkins} so far. With a "
            "few more check-ins after each, a picture starts to form.",
        ).format(
            a=a.title, b=b.title, a_checkins=_checkins(a.checkins), b_checkins=_checkins(b.checkins)
        )
    assert chance is not None
    if verdict in ("a-more", "b-more"):
        more, less = (a, b) if verdict == "a-more" else (b, a)
        sure = chance if verdict == "a-more" else 1.0 - chance
        return translate(
            "Experiments",
            "So far {more} seems to bring a spark more often than {less} for you (a chance of "
            "{chance} that it does). It is a hint from your own check-ins, not a certainty.",
        ).format(more=more.title, less=less.title, chance=_chance(sure))
    if verdict == "alike":
        return translate(
            "Experiments",
            "So far {a} and {b} seem to bring a spark about equally often for you.",
        ).format(a=a.title, b=b.title)
    return translate(
        "Experiments",
        "No clear difference yet between {a} and {b}: either could bring a spark more often. "
        "More breaks with them would tell more.",
    ).format(a=a.title, b=b.title)


def _apart_sentence(a: Arm, b: Arm) -> str:
    """The offers not taken, named as such: they are counted apart, never as "nothing"."""
    declined, other = a.declined + b.declined, a.other + b.other
    if not declined and not other:
        return ""
    parts = []
    if declined:
        parts.append(
            plural(
                declined,
                translate("Experiments", "1 offer was let go"),
                translate("Experiments", "{count} offers were let go"),
            )
        )
    if other:
        parts.append(
            plural(
                other,
                translate("Experiments", "another practice was chosen once"),
                translate("Experiments", "another practice was chosen {count} times"),
            )
        )
    what = (
        translate("Experiments", "{first} and {second}").format(first=parts[0], second=parts[1])
        if len(parts) == 2
        else parts[0]
    )
    sentence = translate(
        "Experiments", "{what}; that is fine, and it is counted apart, not as “nothing”."
    ).format(what=what)
    return sentence[:1].upper() + sentence[1:]


def result_to_plain(found: ExperimentResult) -> dict[str, object]:
    """A result as plain data (``experiment status --json``, the report): rates and ranges
    as shares between -1 and 1, times as ISO 8601 with their offsets."""
    experiment = found.experiment

    def arm(side: Arm) -> dict[str, object]:
        return {
            "practice": side.practice_id,
            "title": side.title,
            "offered": side.offered,
            "declined": side.declined,
            "chose_another": side.other,
            "done": side.done,
            "checkins": side.checkins,
            "sparks": side.sparks,
            "rate": side.rate,
        }

    def when(moment: datetime | None) -> str | None:
        return moment.isoformat(timespec="seconds") if moment else None

    return {
        "id": experiment.id,
        "running": experiment.running,
        "breaks": experiment.breaks,
        "offered": found.offered,
        "remaining": found.remaining,
        "started_at": when(experiment.started_at),
        "ended_at": when(experiment.ended_at),
        "stopped_early": experiment.stopped_early,
        "a": arm(found.a),
        "b": arm(found.b),
        "difference": found.difference,
        "range80": list(found.range80) if found.range80 else None,
        "range95": list(found.range95) if found.range95 else None,
        "chance_a_better": found.chance_a_better,
        "verdict": found.verdict,
        "sentence": found.sentence,
    }
