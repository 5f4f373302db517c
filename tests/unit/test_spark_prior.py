"""The prior every practice starts from, estimated from how much the person's practices differ."""

from __future__ import annotations

import pytest

from reconnect.core.spark_stats import (
    PRIOR_SETTLES_AFTER,
    PRIOR_STRENGTH,
    PRIOR_STRENGTH_BOUNDS,
    PracticeCounts,
    compute,
    usual_prior,
    usual_rate,
)
from reconnect.core.suggestion import beliefs


def counts(practice_id: str, checkins: int, sparks: int) -> PracticeCounts:
    return PracticeCounts(practice_id, practice_id, checkins, checkins, checkins, sparks, 0, sparks)


def drawn_to_four(estimated: float, each: float, compared: int) -> float:
    """The estimated strength weighed against 4 by ``each`` check-ins per practice against 3,
    and by ``compared`` practices (k - 1 against 2)."""
    weight = each / (each + PRIOR_SETTLES_AFTER) * (compared - 1) / (compared + 1)
    return float(estimated**weight * PRIOR_STRENGTH ** (1 - weight))


def test_the_constants_the_worked_examples_rely_on() -> None:
    assert (PRIOR_STRENGTH, PRIOR_SETTLES_AFTER, PRIOR_STRENGTH_BOUNDS) == (4, 3, (2, 300))


def test_practices_that_differ_give_a_prior_worth_what_their_spread_says() -> None:
    # Rates 14/20, 4/20, 8/20; pooled 26/60. Between practices: 20 * sum of squared
    # deviations / 2 = 19/15; within: (14*6 + 4*16 + 8*12) / 20 / 57 = 12.2/57; the size of a
    # practice is 20, so their spread is (19/15 - 12.2/57) / 20 = 1/19 and the strength
    # within / spread - 1 = 46/15, drawn towards 4 by 20 check-ins each against 3 and by three
    # practices (2 against 2).
    practices = [counts("a", 20, 14), counts("b", 20, 4), counts("c", 20, 8)]
    prior = usual_prior(practices)
    usual = usual_rate(60, 26)  # 27/62
    assert prior.rate == pytest.approx((26 + 3 * usual) / 63)  # each pulled by one check-in
    assert prior.strength == pytest.approx(drawn_to_four(46 / 15, 20, 3))


def test_the_mean_is_the_practices_average_not_the_average_over_checkins() -> None:
    # The suggestion has settled on one practice that helps: 60 of 100. Four others were
    # tried 10 times each and brought 2. Over check-ins the rate is 68/140, near one half;
    # the practices' average is near 0.28, which is what an untried practice is likely to be.
    practices = [counts("helps", 100, 60), *(counts(f"other-{i}", 10, 2) for i in range(4))]
    prior = usual_prior(practices)
    usual = usual_rate(140, 68)
    assert usual == pytest.approx(69 / 142)
    assert prior.rate == pytest.approx(((60 + usual) / 101 + 4 * (2 + usual) / 11) / 5)
    assert prior.rate < 0.31
    report = compute(practices)
    assert report.overall.prior_rate == pytest.approx(usual)  # "your usual rate" is kept
    assert report.overall.prior_mean == pytest.approx(prior.rate)


def test_practices_that_are_alike_give_the_ceiling() -> None:
    # Four practices with 3 sparks in 10 each: no spread beyond chance, so the strength is
    # the ceiling, drawn towards 4 by 10 check-ins each against 3 and by four practices.
    prior = usual_prior([counts(f"p{i}", 10, 3) for i in range(4)])
    assert prior.rate == pytest.approx((3 + 13 / 42) / 11)
    assert prior.strength == pytest.approx(drawn_to_four(PRIOR_STRENGTH_BOUNDS[1], 10, 4))


def test_practices_far_apart_give_the_floor() -> None:
    # 8 of 10 against 2 of 10: their spread is larger than a prior worth 2 allows.
    prior = usual_prior([counts("a", 10, 8), counts("b", 10, 2)])
    assert prior.rate == pytest.approx(0.5)
    assert prior.strength == pytest.approx(drawn_to_four(PRIOR_STRENGTH_BOUNDS[0], 10, 2))


@pytest.mark.parametrize("checkins", [10, 100, 1000])
def test_the_strength_stays_within_its_bounds(checkins: int) -> None:
    low, high = PRIOR_STRENGTH_BOUNDS
    for practices in (
        [counts("a", checkins, checkins), counts("b", checkins, 0)],
        [counts(f"p{i}", checkins, checkins // 2) for i in range(24)],
    ):
        strength = usual_prior(practices).strength
        assert min(low, PRIOR_STRENGTH) <= strength <= max(high, PRIOR_STRENGTH)
    # The more check-ins each and the more practices, the nearer the estimate: alike
    # practices come near the ceiling, two of them stay far below it.
    assert usual_prior([counts(f"p{i}", 1000, 500) for i in range(24)]).strength > 200
    assert usual_prior([counts(f"p{i}", 1000, 500) for i in range(2)]).strength < 20


@pytest.mark.parametrize(
    "practices",
    [
        [],
        [counts("only", 30, 12)],  # one practice: nothing to compare
        [counts("a", 2, 1), counts("b", 2, 2)],  # fewer than 5 check-ins: too early to tell
    ],
)
def test_with_too_little_to_compare_it_is_the_usual_rate_worth_four(
    practices: list[PracticeCounts],
) -> None:
    prior = usual_prior(practices)
    checkins = sum(c.checkins for c in practices)
    assert prior.rate == pytest.approx(usual_rate(checkins, sum(c.sparks for c in practices)))
    assert prior.strength == PRIOR_STRENGTH


def test_one_checkin_each_cannot_tell_spread_from_chance() -> None:
    practices = [counts(f"p{i}", 1, i % 2) for i in range(6)]
    prior = usual_prior(practices)
    assert prior.strength == pytest.approx(PRIOR_STRENGTH)
    assert prior.rate == pytest.approx((3 + 6 * 0.5) / 2 / 6)  # usual rate (3+1)/(6+2) = 0.5


def test_the_suggestion_and_what_helps_share_the_prior() -> None:
    practices = [counts("a", 20, 14), counts("b", 20, 4), counts("c", 20, 8), counts("d", 0, 0)]
    prior = usual_prior(practices)
    posteriors, untried = beliefs(practices)
    assert (untried.a, untried.b) == (pytest.approx(prior.a), pytest.approx(prior.b))
    assert posteriors["a"].a == pytest.approx(prior.a + 14)
    assert posteriors["a"].b == pytest.approx(prior.b + 6)
    (a,) = (p for p in compute(practices).practices if p.id == "a")
    assert a.posterior_mean == pytest.approx((prior.a + 14) / (prior.strength + 20))
