"""Suggestions fit the moment and carry the chance with which they were picked."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime

from reconnect.core.practices import Practice, Step
from reconnect.core.suggestion import fitting, is_daylight, suggest
from reconnect.core.vocabulary import Place


def practice(pid: str, senses: tuple[str, ...] = ("touch",), place: Place = Place.DESK,
             headphones: bool = False) -> Practice:  # fmt: skip
    return Practice(pid, pid.title(), "s", senses, place, (Step("x", 30),), headphones)


SUN = practice("sunlight", ("light",), Place.WINDOW)
MUSIC = practice("music", ("sound",), headphones=True)
HEART = practice("heart")


def test_daylight_follows_the_season() -> None:
    assert is_daylight(datetime(2026, 6, 20, 20, 30))
    assert not is_daylight(datetime(2026, 12, 1, 16, 30))
    assert not is_daylight(datetime(2026, 1, 5, 7, 30))


def test_sunlight_is_not_offered_in_the_dark() -> None:
    dark = datetime(2026, 12, 1, 17, 0)
    assert fitting([SUN, HEART], dark, have_headphones=False) == [HEART]
    assert fitting([SUN, HEART], datetime(2026, 12, 1, 12, 0), False) == [SUN, HEART]


def test_headphones_and_disabled_practices_are_respected() -> None:
    noon = datetime(2026, 6, 1, 12)
    assert fitting([MUSIC, HEART], noon, have_headphones=False) == [HEART]
    assert fitting([MUSIC, HEART], noon, have_headphones=True) == [MUSIC, HEART]
    assert fitting([MUSIC, HEART], noon, True, disabled={"heart"}) == [MUSIC]


def test_every_candidate_comes_up_and_the_chance_is_recorded() -> None:
    rng = random.Random(7)
    picks = [suggest([SUN, MUSIC, HEART], rng) for _ in range(300)]
    counts = Counter(p.practice.id for p in picks if p)
    assert set(counts) == {"sunlight", "music", "heart"}
    assert all(p is not None and abs(p.probability - 1 / 3) < 1e-9 for p in picks)


def test_another_one_avoids_what_was_just_offered() -> None:
    rng = random.Random(1)
    for _ in range(50):
        pick = suggest([SUN, HEART], rng, avoid={"heart"})
        assert pick is not None and pick.practice is SUN and pick.probability == 1.0
    only = suggest([HEART], rng, avoid={"heart"})
    assert only is not None and only.practice is HEART
    assert suggest([], rng) is None


def test_learning_prefers_what_helped_and_still_tries_everything() -> None:
    from reconnect.core.suggestion import Posterior, suggest_learning

    rng = random.Random(11)
    posteriors = {"sunlight": Posterior(9, 3), "music": Posterior(2, 10), "heart": Posterior(2, 2)}
    picks = [suggest_learning([SUN, MUSIC, HEART], posteriors, rng, draws=300) for _ in range(600)]
    counts = Counter(p.practice.id for p in picks if p)
    assert counts["sunlight"] > counts["heart"] > counts["music"] > 0
    # The recorded chances are honest: on average they match how often each was offered.
    for pid in ("sunlight", "music", "heart"):
        recorded = [p.probability for p in picks if p and p.practice.id == pid]
        assert abs(sum(recorded) / len(recorded) - counts[pid] / 600) < 0.08


def test_learning_with_no_history_is_even_and_seeded() -> None:
    from reconnect.core.suggestion import suggest_learning

    first = [suggest_learning([SUN, HEART], {}, random.Random(3)) for _ in range(2)]
    assert first[0] == first[1]
    assert first[0] is not None and 0.3 < first[0].probability < 0.7
