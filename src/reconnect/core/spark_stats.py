"""What helps most: spark rates per practice, gently pulled towards the practices' average.

Plain numbers in, plain numbers out; scipy is imported only inside the functions that need it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from reconnect.core.i18n import QT_TRANSLATE_NOOP

# How many check-ins the prior is worth while there are few check-ins; past that it is estimated
# from how much the person's practices differ (see ``usual_prior`` and docs/learning.md).
PRIOR_STRENGTH = 4.0
# The estimated strength is kept within these: a floor, so a few lucky check-ins never outweigh
# the prior altogether, and a ceiling, so practices that seem alike are never taken as identical.
PRIOR_STRENGTH_BOUNDS = (2.0, 300.0)
# When the practices checked in on have this many check-ins each on average, the estimated
# strength and ``PRIOR_STRENGTH`` weigh the same (less than that with only a few practices).
PRIOR_SETTLES_AFTER = 3.0
# The usual rate is kept off 0 and 1, so the prior stays a proper Beta and lift stays finite.
PRIOR_RATE_BOUNDS = (0.02, 0.98)
# The rate assumed before there is any check-in at all; (0 + 1) / (0 + 2) gives it too.
PRIOR_RATE_WITHOUT_DATA = 0.5
# Below this many check-ins a practice is labelled as still learning.
STILL_LEARNING_BELOW = 5
# Below this many check-ins in the whole range, no range or ranking is shown at all: with so
# few, even the usual rate is mostly guesswork.
TOO_EARLY_BELOW = 5
# The likely range: from the 10th to the 90th percentile of the posterior (80%).
INTERVAL_QUANTILES = (0.10, 0.90)

# In English; the dashboard shows it through translate("SparkStats", ORDERING_SENTENCE).
ORDERING_SENTENCE = QT_TRANSLATE_NOOP(
    "SparkStats",
    "Practices are ranked by how surely they have brought a spark for you: the lower end of "
    "their likely range comes first, so a practice with few check-ins is not ranked high on luck.",
)
# Said instead of ranges and the ordering while there are fewer than TOO_EARLY_BELOW check-ins.
TOO_EARLY_SENTENCE = QT_TRANSLATE_NOOP(
    "SparkStats", "Too early to tell: a few more check-ins and a picture starts to form."
)


@dataclass(frozen=True)
class PracticeCounts:
    """What happened with one practice over a date range.

    Attributes:
        sessions: sessions started, whatever their outcome.
        completed: sessions that ended completed.
        checkins: check-ins given after those sessions (n).
        sparks: check-ins at level 1 or more (s).
        strong_sparks: check-ins at level 2 or more.
        level_sum: the sum of the check-ins' levels (for the mean level).
    """

    id: str
    title: str
    sessions: int
    completed: int
    checkins: int
    sparks: int
    strong_sparks: int
    level_sum: int


def counts_of_row(row: Sequence[Any]) -> PracticeCounts:
    """One practice's counts from a row of the storage layer's count query: id, title,
    sessions, completed, check-ins, sparks, strong sparks and the sum of levels (a sum over no
    rows comes back as NULL, counted 0)."""

    def number(value: Any) -> int:
        return int(value or 0)

    return PracticeCounts(
        id=str(row[0]),
        title=str(row[1]),
        sessions=number(row[2]),
        completed=number(row[3]),
        checkins=number(row[4]),
        sparks=number(row[5]),
        strong_sparks=number(row[6]),
        level_sum=number(row[7]),
    )


@dataclass(frozen=True)
class PracticeStats:
    """One practice's counts and its Beta posterior.

    Attributes:
        spark_rate: sparks / check-ins, or None without check-ins.
        mean_level: the mean check-in level, or None without check-ins.
        posterior_mean: the mean of Beta(a0 + s, b0 + n - s).
        interval80: the 10th and 90th percentiles of that posterior.
        lift: posterior_mean / the prior's mean (the practices' average rate).
        p_better_than_usual: the posterior chance that the practice's rate exceeds the prior's
            mean: that it helps more than the person's practices usually do.
        still_learning: fewer than ``STILL_LEARNING_BELOW`` check-ins.
    """

    id: str
    title: str
    sessions: int
    completed: int
    checkins: int
    sparks: int
    strong_sparks: int
    spark_rate: float | None
    mean_level: float | None
    posterior_mean: float
    interval80: tuple[float, float]
    lift: float
    p_better_than_usual: float
    still_learning: bool


@dataclass(frozen=True)
class Overall:
    """All practices together.

    Attributes:
        spark_rate: all sparks / all check-ins, or None without check-ins.
        prior_rate: the usual rate r0 over all check-ins (see ``usual_rate``): "your usual
            rate" on the dashboard, and what the time patterns are evened out towards.
        prior_strength: how many check-ins the prior is worth.
        prior_mean: the prior's mean, the practices' average rate (see ``usual_prior``);
            None in reports made before it was kept apart (then ``prior_rate``).
    """

    checkins: int
    sparks: int
    spark_rate: float | None
    prior_rate: float
    prior_strength: float = PRIOR_STRENGTH
    prior_mean: float | None = None

    @property
    def too_early(self) -> bool:
        """Some check-ins, but too few to say anything about ranges or ranking."""
        return 0 < self.checkins < TOO_EARLY_BELOW


@dataclass(frozen=True)
class Report:
    """The overall figures and every practice, in dashboard order (what helps most first)."""

    overall: Overall
    practices: tuple[PracticeStats, ...]

    @property
    def rated(self) -> tuple[PracticeStats, ...]:
        """The practices with at least one check-in, in dashboard order."""
        return tuple(p for p in self.practices if p.checkins > 0)


def usual_rate(checkins: int, sparks: int) -> float:
    """The person's usual rate r0: (sparks + 1) / (check-ins + 2), kept within
    ``PRIOR_RATE_BOUNDS``.

    The +1 and +2 pull it towards one half while there are few check-ins, so one spark in
    one check-in is 2/3, not a near-certain 98%; 0.5 when there are none.
    """
    if checkins <= 0:
        return PRIOR_RATE_WITHOUT_DATA
    low, high = PRIOR_RATE_BOUNDS
    return min(max((sparks + 1) / (checkins + 2), low), high)


# The earlier name, still used by the time patterns and their tests.
prior_rate = usual_rate


@dataclass(frozen=True)
class Prior:
    """The Beta prior every practice starts from: mean ``rate``, worth ``strength`` check-ins."""

    rate: float
    strength: float = PRIOR_STRENGTH

    @property
    def a(self) -> float:
        return self.strength * self.rate

    @property
    def b(self) -> float:
        return self.strength * (1.0 - self.rate)


def _clamped(rate: float) -> float:
    low, high = PRIOR_RATE_BOUNDS
    return min(max(rate, low), high)


def usual_prior(counts: Sequence[PracticeCounts]) -> Prior:
    """The prior of stats, What helps and suggestions, estimated from the person's practices.

    Its mean is the practices' unweighted average rate, each pulled towards the usual rate by
    one check-in (an average over check-ins would climb as the suggestion settles on what
    helps). Its strength comes from how much the practices' rates differ beyond what their
    numbers of check-ins explain (empirical Bayes, by a one-way analysis of variance), within
    ``PRIOR_STRENGTH_BOUNDS``, and is drawn towards ``PRIOR_STRENGTH`` while each practice
    has few check-ins or there are few practices. With fewer than two practices checked in
    on, or fewer than ``TOO_EARLY_BELOW`` check-ins, it is the usual rate worth
    ``PRIOR_STRENGTH``.
    """
    rated = [c for c in counts if c.checkins > 0]
    checkins = sum(c.checkins for c in rated)
    usual = usual_rate(checkins, sum(c.sparks for c in rated))
    if len(rated) < 2 or checkins < TOO_EARLY_BELOW:
        return Prior(usual, PRIOR_STRENGTH)
    mean = _clamped(sum((c.sparks + usual) / (c.checkins + 1) for c in rated) / len(rated))
    estimated = _moment_strength(rated)
    # Their spread says little while each has few check-ins, or when there are few practices.
    each, compared = checkins / len(rated), len(rated)
    weight = each / (each + PRIOR_SETTLES_AFTER) * (compared - 1) / (compared + 1)
    strength = math.exp(weight * math.log(estimated) + (1 - weight) * math.log(PRIOR_STRENGTH))
    return Prior(mean, strength)


def _moment_strength(rated: Sequence[PracticeCounts]) -> float:
    """The Beta strength whose spread matches how much more the practices' rates differ than
    their check-ins alone explain (one-way analysis of variance); within the bounds."""
    low, high = PRIOR_STRENGTH_BOUNDS
    checkins = sum(c.checkins for c in rated)
    if checkins <= len(rated):
        return PRIOR_STRENGTH  # one check-in each: spread and noise cannot be told apart
    pooled = sum(c.sparks for c in rated) / checkins
    between = sum(c.checkins * (c.sparks / c.checkins - pooled) ** 2 for c in rated)
    between /= len(rated) - 1
    within = sum(c.sparks * (c.checkins - c.sparks) / c.checkins for c in rated)
    within /= checkins - len(rated)
    size = (checkins - sum(c.checkins**2 for c in rated) / checkins) / (len(rated) - 1)
    spread = (between - within) / size
    if spread <= 0 or within <= 0:
        return high
    return min(max(within / spread - 1, low), high)  # spread / (spread + within) = 1 / (s + 1)


def practice_stats(counts: PracticeCounts, prior: Prior) -> PracticeStats:
    """The posterior of one practice under a Beta prior centred on the practices' average.

    Args:
        counts: the practice's counts.
        prior: the prior (see ``usual_prior``); lift is measured against its rate too.
    """
    from scipy.special import betainc, betaincinv  # type: ignore[import-untyped]

    r0 = prior.rate
    n, s = counts.checkins, counts.sparks
    a = prior.a + s
    b = prior.b + (n - s)
    mean = a / (a + b)
    low_q, high_q = INTERVAL_QUANTILES
    interval = (float(betaincinv(a, b, low_q)), float(betaincinv(a, b, high_q)))
    return PracticeStats(
        id=counts.id,
        title=counts.title,
        sessions=counts.sessions,
        completed=counts.completed,
        checkins=n,
        sparks=s,
        strong_sparks=counts.strong_sparks,
        spark_rate=s / n if n else None,
        mean_level=counts.level_sum / n if n else None,
        posterior_mean=mean,
        interval80=interval,
        lift=mean / r0,
        p_better_than_usual=1.0 - float(betainc(a, b, r0)),
        still_learning=n < STILL_LEARNING_BELOW,
    )


def in_dashboard_order(practices: Iterable[PracticeStats]) -> list[PracticeStats]:
    """What helps most first.

    Highest lower end of the 80% interval first, then highest posterior mean, then by id, so
    a practice with few check-ins is not ranked high on luck alone.
    """
    return sorted(practices, key=lambda p: (-p.interval80[0], -p.posterior_mean, p.id))


def compute(counts: Sequence[PracticeCounts], prior: Prior | None = None) -> Report:
    """The report: the overall rate, and each practice's posterior in dashboard order.

    Args:
        prior: the prior, when not ``usual_prior(counts)`` (the learning study tries others).
    """
    checkins = sum(c.checkins for c in counts)
    sparks = sum(c.sparks for c in counts)
    prior = usual_prior(counts) if prior is None else prior
    overall = Overall(
        checkins=checkins,
        sparks=sparks,
        spark_rate=sparks / checkins if checkins else None,
        prior_rate=usual_rate(checkins, sparks),
        prior_strength=prior.strength,
        prior_mean=prior.rate,
    )
    return Report(overall, tuple(in_dashboard_order(practice_stats(c, prior) for c in counts)))


def report_to_dict(report: Report, since: date | None, until: date | None) -> dict[str, object]:
    """The report as the JSON of ``reconnect stats --json``: practices with check-ins only."""
    return {
        "range": {
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        },
        "overall": {
            "checkins": report.overall.checkins,
            "sparks": report.overall.sparks,
            "spark_rate": report.overall.spark_rate,
            "usual_rate": report.overall.prior_rate,
            "prior_mean": report.overall.prior_mean,
            "prior_strength": report.overall.prior_strength,
        },
        "practices": [
            {
                "id": p.id,
                "title": p.title,
                "sessions": p.sessions,
                "completed": p.completed,
                "checkins": p.checkins,
                "sparks": p.sparks,
                "strong_sparks": p.strong_sparks,
                "mean_level": p.mean_level,
                "spark_rate": p.spark_rate,
                "posterior_mean": p.posterior_mean,
                "interval80": list(p.interval80),
                "lift": p.lift,
                "p_better_than_usual": p.p_better_than_usual,
                "still_learning": p.still_learning,
            }
            for p in report.rated
        ],
    }


# --- to and from plain JSON values, for the statistics worker process -------------------------


def counts_to_plain(counts: Sequence[PracticeCounts]) -> list[dict[str, object]]:
    return [asdict(c) for c in counts]


def counts_from_plain(rows: object) -> list[PracticeCounts]:
    """Counts read back from JSON.

    Raises:
        ValueError: not a list of complete, well-typed counts.
    """
    if not isinstance(rows, list):
        raise ValueError("expected a list of practice counts")
    result = []
    for row in rows:
        if not isinstance(row, dict) or set(row) != _COUNT_FIELDS:
            raise ValueError(f"not a practice's counts: {row!r}")
        texts, numbers = (row["id"], row["title"]), [row[k] for k in _COUNT_NUMBERS]
        if not all(isinstance(t, str) for t in texts) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers
        ):
            raise ValueError(f"not a practice's counts: {row!r}")
        result.append(PracticeCounts(**row))
    return result


def report_to_plain(report: Report) -> dict[str, object]:
    return {
        "overall": asdict(report.overall),
        "practices": [{**asdict(p), "interval80": list(p.interval80)} for p in report.practices],
    }


def report_from_plain(data: object) -> Report:
    """A report read back from JSON (as ``report_to_plain`` wrote it).

    Raises:
        ValueError: it is not such a report.
    """
    try:
        assert isinstance(data, dict)
        overall = Overall(**data["overall"])
        practices = tuple(
            PracticeStats(**{**p, "interval80": (p["interval80"][0], p["interval80"][1])})
            for p in data["practices"]
        )
    except (AssertionError, KeyError, TypeError, IndexError) as error:
        raise ValueError(f"not a statistics report: {error}") from None
    return Report(overall, practices)


_COUNT_NUMBERS = ("sessions", "completed", "checkins", "sparks", "strong_sparks", "level_sum")
_COUNT_FIELDS = {"id", "title", *_COUNT_NUMBERS}
