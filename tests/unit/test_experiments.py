"""Comparing two practices in plain Python: the random order on a fixed seed, and what the
check-ins say at known counts (``core.experiments``)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest

from reconnect.core.experiments import (
    TOO_EARLY_BELOW,
    ArmCounts,
    Experiment,
    assignment,
    next_offer,
    result,
    result_to_plain,
)

STARTED = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def experiment(seed: int = 1234, breaks: int = 20, **changes: object) -> Experiment:
    values: dict[str, object] = {
        "id": "e-1",
        "practice_a": "sunlight",
        "title_a": "Step into daylight",
        "practice_b": "short-walk",
        "title_b": "A short walk",
        "breaks": breaks,
        "seed": seed,
        "started_at": STARTED,
    } | changes
    return Experiment(**values)  # type: ignore[arg-type]


def arm(checkins: int, sparks: int, declined: int = 0, other: int = 0) -> ArmCounts:
    done = checkins
    return ArmCounts(
        offered=done + declined + other,
        declined=declined,
        other=other,
        done=done,
        checkins=checkins,
        sparks=sparks,
    )


# --- the order ----------------------------------------------------------------------------


def test_every_pair_of_offers_holds_each_practice_once() -> None:
    for seed in range(50):
        order = [assignment(experiment(seed), index) for index in range(40)]
        for start in range(0, 40, 2):
            assert sorted(order[start : start + 2]) == ["short-walk", "sunlight"], (seed, start)


def test_the_order_is_random_but_the_same_for_the_same_seed() -> None:
    first = [assignment(experiment(7), index) for index in range(20)]
    assert first == [assignment(experiment(7), index) for index in range(20)]
    assert first != [assignment(experiment(8), index) for index in range(20)]
    # On a fixed seed: not simply alternating, and half each after an even number of offers.
    assert first == [
        "short-walk", "sunlight", "short-walk", "sunlight", "sunlight", "short-walk",
        "short-walk", "sunlight", "sunlight", "short-walk", "short-walk", "sunlight",
        "short-walk", "sunlight", "sunlight", "short-walk", "short-walk", "sunlight",
        "short-walk", "sunlight",
    ]  # fmt: skip
    assert Counter(first) == {"sunlight": 10, "short-walk": 10}


def test_which_practice_comes_first_in_a_pair_is_near_half_and_half() -> None:
    firsts = Counter(assignment(experiment(seed), 0) for seed in range(400))
    assert 160 <= firsts["sunlight"] <= 240


def test_the_next_offer_stops_at_the_planned_breaks_and_once_ended() -> None:
    running = experiment(breaks=4)
    offer = next_offer(running, 3)
    assert offer is not None and offer.index == 3
    assert offer.practice_id == assignment(running, 3)
    assert offer.other_id == running.other_than(offer.practice_id)
    assert next_offer(running, 4) is None
    assert next_offer(experiment(breaks=4, ended_at=STARTED), 1) is None
    with pytest.raises(ValueError):
        assignment(running, -1)


# --- the result ---------------------------------------------------------------------------


def test_too_early_while_either_practice_has_few_check_ins() -> None:
    found = result(experiment(), arm(12, 11), arm(TOO_EARLY_BELOW - 1, 0))
    assert found.verdict == "too-early"
    assert found.difference is None and found.range80 is None and found.range95 is None
    assert found.chance_a_better is None
    assert found.sentence.startswith("Too early to tell: ")
    assert "A short walk has 4 check-ins" in found.sentence
    assert found.a.rate == pytest.approx(12 / 14)  # the uniform prior: (1 + 11) / (2 + 12)


def test_a_clear_difference_seems_to_bring_a_spark_more_often_without_claiming_more() -> None:
    found = result(experiment(), arm(10, 9), arm(10, 2))
    assert found.verdict == "a-more"
    assert found.chance_a_better is not None and found.chance_a_better >= 0.95
    assert found.difference == pytest.approx(10 / 12 - 3 / 12)
    assert found.range80 is not None and found.range95 is not None
    assert found.range95[0] < found.range80[0] < found.difference < found.range80[1]
    assert found.range80[1] < found.range95[1]
    assert "Step into daylight seems to bring a spark more often than A short walk" in (
        found.sentence
    )
    for overclaim in ("works", "proves", "100%", "certainly"):
        assert overclaim not in found.sentence


def test_the_other_way_round_is_b_more() -> None:
    assert result(experiment(), arm(10, 1), arm(10, 9)).verdict == "b-more"


def test_a_small_difference_is_unclear_and_a_long_equal_run_is_alike() -> None:
    unclear = result(experiment(), arm(10, 6), arm(10, 5))
    assert unclear.verdict == "unclear"
    assert unclear.sentence.startswith("No clear difference yet")
    alike = result(experiment(), arm(120, 60), arm(120, 61))
    assert alike.verdict == "alike"
    assert alike.range95 is not None and -0.15 <= alike.range95[0] < alike.range95[1] <= 0.15
    assert "about equally often" in alike.sentence


def test_the_same_counts_always_give_the_same_ranges() -> None:
    first = result(experiment(), arm(9, 5), arm(8, 3))
    again = result(experiment(), arm(9, 5), arm(8, 3))
    assert (first.range80, first.range95, first.chance_a_better) == (
        again.range80,
        again.range95,
        again.chance_a_better,
    )


def test_declined_offers_are_counted_apart_and_named_never_as_nothing() -> None:
    found = result(experiment(), arm(5, 3, declined=3, other=1), arm(6, 2, declined=1))
    assert (found.a.declined, found.a.other, found.b.declined) == (3, 1, 1)
    assert (found.a.checkins, found.b.checkins) == (5, 6)  # declines are not check-ins
    assert found.offered == 9 + 7 and found.remaining == 20 - 16
    assert "4 offers were let go and another practice was chosen once" in found.sentence
    assert "not as “nothing”" in found.sentence


def test_an_ended_experiment_has_nothing_left_and_plain_data_names_everything() -> None:
    ended = experiment(ended_at=STARTED, stopped_early=True)
    found = result(ended, arm(2, 1), arm(1, 0, declined=2))
    assert found.remaining == 0
    plain = result_to_plain(found)
    assert plain["running"] is False and plain["stopped_early"] is True
    assert plain["verdict"] == "too-early" and plain["range80"] is None
    assert plain["b"] == {
        "practice": "short-walk", "title": "A short walk", "offered": 3, "declined": 2,
        "chose_another": 0, "done": 1, "checkins": 1, "sparks": 0, "rate": pytest.approx(1 / 3),
    }  # fmt: skip


def test_a_difference_is_claimed_only_when_its_whole_95_range_says_so() -> None:
    from reconnect.core.experiments import verdict_of

    # A chance of 96% that A is ahead, with a 95% range still reaching below nothing: unclear.
    assert verdict_of(False, 0.96, (-0.06, 0.63)) == "unclear"
    assert verdict_of(False, 0.99, (0.02, 0.63)) == "a-more"
    assert verdict_of(False, 0.01, (-0.5, -0.01)) == "b-more"
    assert verdict_of(False, 0.5, (-0.1, 0.12)) == "alike"
    assert verdict_of(True, 0.99, (0.2, 0.6)) == "too-early"
