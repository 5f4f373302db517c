"""The spark statistics, worked by hand: priors, posteriors, intervals and the ranking."""

from __future__ import annotations

import dataclasses

import pytest
from scipy.stats import beta

from reconnect.core.spark_stats import (
    ORDERING_SENTENCE,
    PRIOR_STRENGTH,
    TOO_EARLY_BELOW,
    TOO_EARLY_SENTENCE,
    PracticeCounts,
    PracticeStats,
    compute,
    in_dashboard_order,
    prior_rate,
    report_to_dict,
    usual_prior,
    usual_rate,
)


def counts(
    practice_id: str,
    checkins: int,
    sparks: int,
    *,
    strong: int = 0,
    level_sum: int | None = None,
    sessions: int | None = None,
    completed: int | None = None,
) -> PracticeCounts:
    return PracticeCounts(
        id=practice_id,
        title=practice_id.replace("-", " ").capitalize(),
        sessions=checkins if sessions is None else sessions,
        completed=checkins if completed is None else completed,
        checkins=checkins,
        sparks=sparks,
        strong_sparks=strong,
        level_sum=sparks if level_sum is None else level_sum,
    )


def test_no_checkins_at_all_gives_an_even_prior() -> None:
    report = compute([counts("box-breath", 0, 0, sessions=2, completed=1)])

    assert report.overall.checkins == 0
    assert report.overall.spark_rate is None
    assert report.overall.prior_rate == 0.5
    (stats,) = report.practices
    # Beta(2, 2): symmetric around 0.5.
    assert stats.posterior_mean == pytest.approx(0.5)
    assert stats.interval80 == pytest.approx((beta.ppf(0.1, 2, 2), beta.ppf(0.9, 2, 2)))
    assert stats.lift == pytest.approx(1.0)
    assert stats.p_better_than_usual == pytest.approx(0.5)
    assert stats.spark_rate is None and stats.mean_level is None
    assert stats.still_learning
    assert (stats.sessions, stats.completed) == (2, 1)
    assert report.rated == ()


def test_an_empty_report_has_no_practices() -> None:
    report = compute([])
    assert report.practices == ()
    assert report.overall.prior_rate == 0.5
    assert report_to_dict(report, None, None) == {
        "range": {"since": None, "until": None},
        "overall": {
            "checkins": 0,
            "sparks": 0,
            "spark_rate": None,
            "usual_rate": 0.5,
            "prior_mean": 0.5,
            "prior_strength": 4,
        },
        "practices": [],
    }


def test_one_practice_worked_by_hand() -> None:
    # r0 = (4 + 1) / (10 + 2) = 5/12; prior Beta(4 * 5/12, 4 * 7/12) = Beta(5/3, 7/3);
    # posterior Beta(5/3 + 4, 7/3 + 6) = Beta(17/3, 25/3), mean 17/42.
    report = compute([counts("hand-on-heart", 10, 4, strong=2, level_sum=7)])
    a, b = 17 / 3, 25 / 3

    (stats,) = report.practices
    assert report.overall.spark_rate == pytest.approx(0.4)  # the plain rate stays plain
    assert report.overall.prior_rate == pytest.approx(5 / 12)
    assert stats.spark_rate == pytest.approx(0.4)
    assert stats.mean_level == pytest.approx(0.7)
    assert stats.strong_sparks == 2
    assert stats.posterior_mean == pytest.approx(17 / 42)
    assert stats.interval80[0] == pytest.approx(beta.ppf(0.1, a, b), rel=1e-9)
    assert stats.interval80[1] == pytest.approx(beta.ppf(0.9, a, b), rel=1e-9)
    assert stats.interval80[0] < stats.posterior_mean < stats.interval80[1]
    assert stats.lift == pytest.approx((17 / 42) / (5 / 12))  # 204/210, a little under 1
    assert stats.p_better_than_usual == pytest.approx(beta.sf(5 / 12, a, b), rel=1e-9)
    assert not stats.still_learning


def test_one_checkin_is_not_taken_for_certainty() -> None:
    # Issue 15: one spark in one check-in used to read "likely 96-100%, your usual 98%".
    # Now r0 = (1 + 1) / (1 + 2) = 2/3; prior Beta(8/3, 4/3); posterior Beta(11/3, 4/3).
    report = compute([counts("sunlight", 1, 1)])
    (stats,) = report.practices

    assert report.overall.prior_rate == pytest.approx(2 / 3)
    assert report.overall.prior_strength == 4
    assert stats.posterior_mean == pytest.approx(11 / 15)
    assert stats.interval80 == pytest.approx(
        (beta.ppf(0.1, 11 / 3, 4 / 3), beta.ppf(0.9, 11 / 3, 4 / 3))
    )
    low, high = (round(x * 100) for x in stats.interval80)
    assert (low, high) == (47, 94)  # not 96-100
    assert report.overall.too_early
    data = report_to_dict(report, None, None)["overall"]
    assert isinstance(data, dict)
    assert data["usual_rate"] == pytest.approx(2 / 3)
    assert data["prior_strength"] == 4


def test_one_checkin_with_nothing_is_not_taken_for_certainty_either() -> None:
    # r0 = 1/3 (it was clamped to 0.02); posterior Beta(4/3, 8/3 + 1).
    (stats,) = compute([counts("sunlight", 1, 0)]).practices
    assert stats.interval80 == pytest.approx(
        (beta.ppf(0.1, 4 / 3, 11 / 3), beta.ppf(0.9, 4 / 3, 11 / 3))
    )
    assert (round(stats.interval80[0] * 100), round(stats.interval80[1] * 100)) == (6, 53)


@pytest.mark.parametrize(
    ("checkins", "too_early"), [(0, False), (1, True), (TOO_EARLY_BELOW - 1, True), (5, False)]
)
def test_too_early_to_tell_with_very_few_checkins(checkins: int, too_early: bool) -> None:
    assert TOO_EARLY_BELOW == 5
    report = compute([counts("a", checkins, 0), counts("b", 0, 0)])
    assert report.overall.too_early is too_early
    assert TOO_EARLY_SENTENCE.startswith("Too early to tell")


@pytest.mark.parametrize(
    ("sparks", "r0", "a", "b"),
    [
        # Every check-in a spark: r0 = 101/102 is clamped to 0.98; Beta(3.92 + 100, 0.08 + 0).
        (100, 0.98, 103.92, 0.08),
        # Never a spark: r0 = 1/102 is clamped to 0.02; Beta(0.08 + 0, 3.92 + 100).
        (0, 0.02, 0.08, 103.92),
    ],
)
def test_the_prior_rate_is_clamped(sparks: int, r0: float, a: float, b: float) -> None:
    report = compute([counts("grounded-feet", 100, sparks)])

    (stats,) = report.practices
    assert report.overall.spark_rate == pytest.approx(sparks / 100)  # the real rate, unclamped
    assert report.overall.prior_rate == pytest.approx(r0)
    assert stats.posterior_mean == pytest.approx(a / (a + b))
    assert stats.interval80 == pytest.approx((beta.ppf(0.1, a, b), beta.ppf(0.9, a, b)))
    assert stats.lift == pytest.approx((a / (a + b)) / r0)
    assert stats.p_better_than_usual == pytest.approx(beta.sf(r0, a, b))


@pytest.mark.parametrize(
    ("checkins", "sparks", "expected"),
    [
        (0, 0, 0.5),
        (1, 1, 2 / 3),
        (1, 0, 1 / 3),
        (4, 2, 0.5),
        (10, 3, 4 / 12),
        (50, 1, 2 / 52),  # 0.038: within the bounds
        (100, 1, 0.02),  # 2/102 = 0.0196, kept at 0.02
        (100, 99, 0.98),  # 100/102 = 0.9804, kept at 0.98
        (100, 100, 0.98),
        (100, 0, 0.02),
        (48, 47, 0.96),  # 48/50
        (48, 48, 0.98),  # 49/50: exactly at the bound
    ],
)
def test_usual_rate(checkins: int, sparks: int, expected: float) -> None:
    assert usual_rate(checkins, sparks) == pytest.approx(expected)
    assert prior_rate(checkins, sparks) == usual_rate(checkins, sparks)


def test_the_usual_prior_is_worth_four_checkins() -> None:
    assert PRIOR_STRENGTH == 4
    prior = usual_prior([counts("sunlight", 1, 1)])
    assert (prior.rate, prior.strength) == (pytest.approx(2 / 3), 4)
    assert (prior.a, prior.b) == (pytest.approx(8 / 3), pytest.approx(4 / 3))


def test_a_better_practice_is_more_likely_better_than_usual() -> None:
    report = compute([counts("often", 10, 9), counts("rarely", 10, 1)])
    often, rarely = report.practices
    assert often.id == "often"
    # The practices' average is 0.5; they differ so much that the prior is worth little: its
    # floor, 2, weighed against 4 by 10 check-ins each against 3 and by two practices (1
    # against 2): a weight of 10/13 * 1/3 (see test_spark_prior.py).
    weight = 10 / 13 / 3
    worth = 2**weight * 4 ** (1 - weight)
    assert report.overall.prior_mean == pytest.approx(0.5)
    assert report.overall.prior_strength == pytest.approx(worth)
    half = worth / 2
    assert often.p_better_than_usual == pytest.approx(beta.sf(0.5, half + 9, half + 1))
    assert rarely.p_better_than_usual == pytest.approx(beta.sf(0.5, half + 1, half + 9))
    assert often.p_better_than_usual == pytest.approx(1 - rarely.p_better_than_usual)
    assert often.lift > 1 > rarely.lift


def test_many_steady_checkins_outrank_a_lucky_few() -> None:
    # 3 of 3 has the higher mean, but 13 of 20 has the surer (higher) lower end, among
    # practices that mostly bring a spark one time in five (the prior is estimated from them).
    usual = [counts(f"usual-{i}", 20, 4) for i in range(5)]
    lucky, steady, rare = counts("lucky", 3, 3), counts("steady", 20, 13), counts("rare", 20, 2)
    report = compute([lucky, steady, *usual, rare])
    lucky = next(p for p in report.practices if p.id == "lucky")
    steady = next(p for p in report.practices if p.id == "steady")
    assert lucky.posterior_mean > steady.posterior_mean
    assert steady.interval80[0] > lucky.interval80[0]
    assert [p.id for p in report.practices][:2] == ["steady", "lucky"]
    assert report.practices[-1].id == "rare"


def test_equal_practices_are_ordered_by_id() -> None:
    report = compute([counts("walk", 6, 3), counts("box-breath", 6, 3), counts("cold", 6, 1)])
    assert [p.id for p in report.practices] == ["box-breath", "walk", "cold"]


def test_equal_lower_ends_are_ordered_by_mean() -> None:
    base = compute([counts("x", 6, 3)]).practices[0]
    low = dataclasses.replace(base, id="a", interval80=(0.3, 0.6), posterior_mean=0.40)
    high = dataclasses.replace(base, id="b", interval80=(0.3, 0.8), posterior_mean=0.55)
    top = dataclasses.replace(base, id="c", interval80=(0.31, 0.5), posterior_mean=0.35)
    ordered: list[PracticeStats] = in_dashboard_order([low, high, top])
    assert [p.id for p in ordered] == ["c", "b", "a"]


@pytest.mark.parametrize(("checkins", "learning"), [(1, True), (4, True), (5, False), (9, False)])
def test_still_learning_under_five_checkins(checkins: int, learning: bool) -> None:
    (stats,) = compute([counts("body-scan", checkins, 1)]).practices
    assert stats.still_learning is learning


def test_report_to_dict_has_the_documented_shape() -> None:
    from datetime import date

    report = compute([counts("hand-on-heart", 10, 4, strong=2, level_sum=7), counts("idle", 0, 0)])
    data = report_to_dict(report, date(2026, 11, 1), date(2026, 11, 17))

    assert data["range"] == {"since": "2026-11-01", "until": "2026-11-17"}
    assert data["overall"] == {
        "checkins": 10,
        "sparks": 4,
        "spark_rate": pytest.approx(0.4),
        "usual_rate": pytest.approx(5 / 12),
        "prior_mean": pytest.approx(5 / 12),  # one practice: the usual rate
        "prior_strength": 4,
    }
    practices = data["practices"]
    assert isinstance(practices, list)
    (only,) = practices  # a practice without check-ins is left out
    stats = report.rated[0]
    assert only == {
        "id": "hand-on-heart",
        "title": "Hand on heart",
        "sessions": 10,
        "completed": 10,
        "checkins": 10,
        "sparks": 4,
        "strong_sparks": 2,
        "mean_level": pytest.approx(0.7),
        "spark_rate": pytest.approx(0.4),
        "posterior_mean": stats.posterior_mean,
        "interval80": list(stats.interval80),
        "lift": stats.lift,
        "p_better_than_usual": stats.p_better_than_usual,
        "still_learning": False,
    }


def test_the_ordering_is_explained_in_one_sentence() -> None:
    assert ORDERING_SENTENCE.count(".") == 1 and ORDERING_SENTENCE.endswith(".")
    assert "lower end" in ORDERING_SENTENCE


def test_counts_and_reports_survive_plain_json() -> None:
    import json

    from reconnect.core.spark_stats import (
        counts_from_plain,
        counts_to_plain,
        report_from_plain,
        report_to_plain,
    )

    counts = [
        PracticeCounts("a", "Ä title", 3, 2, 2, 1, 1, 3),
        PracticeCounts("b", "B", 9, 9, 8, 0, 0, 0),
    ]
    assert counts_from_plain(json.loads(json.dumps(counts_to_plain(counts)))) == counts
    report = compute(counts)
    assert report_from_plain(json.loads(json.dumps(report_to_plain(report)))) == report
    for bad in ({}, [1], [{"id": "a"}], [{**counts_to_plain(counts)[0], "sparks": -1}]):
        with pytest.raises(ValueError):
            counts_from_plain(bad)
    with pytest.raises(ValueError, match="not a statistics report"):
        report_from_plain({"overall": {}})
