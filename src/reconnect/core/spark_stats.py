"""What helps most: spark rates per practice, gently pulled towards the person's usual rate.

Plain numbers in, plain numbers out; scipy is imported only inside the functions that need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from reconnect.core.i18n import QT_TRANSLATE_NOOP

# How many check-ins the prior is worth: a few, so a practice's own check-ins soon dominate.
# 4 until the learning study (a later issue) shows another value predicts better.
PRIOR_STRENGTH = 4.0
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
        lift: posterior_mean / r0, where r0 is the clamped overall rate (the prior's mean).
        p_better_than_usual: the posterior chance that the practice's rate exceeds r0.
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
        prior_rate: the usual rate r0, the prior's mean (see ``usual_rate``).
        prior_strength: how many check-ins the prior is worth.
    """

    checkins: int
    sparks: int
    spark_rate: float | None
    prior_rate: float
    prior_strength: float = PRIOR_STRENGTH

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


def usual_prior(checkins: int, sparks: int, strength: float = PRIOR_STRENGTH) -> Prior:
    """The prior of stats, What helps and suggestions, from all check-ins and sparks."""
    return Prior(usual_rate(checkins, sparks), strength)


def practice_stats(counts: PracticeCounts, prior: Prior) -> PracticeStats:
    """The posterior of one practice under a Beta prior centred on the usual rate.

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


def compute(counts: Sequence[PracticeCounts], strength: float = PRIOR_STRENGTH) -> Report:
    """The report: the overall rate, and each practice's posterior in dashboard order.

    Args:
        strength: how many check-ins the prior is worth (the learning study tries others).
    """
    checkins = sum(c.checkins for c in counts)
    sparks = sum(c.sparks for c in counts)
    prior = usual_prior(checkins, sparks, strength)
    overall = Overall(
        checkins=checkins,
        sparks=sparks,
        spark_rate=sparks / checkins if checkins else None,
        prior_rate=prior.rate,
        prior_strength=prior.strength,
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
