"""The practice library that ships with Reconnect is complete and loads without problems."""

from __future__ import annotations

import pytest

from reconnect.core.library import Library
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import StepKind
from reconnect.core.vocabulary import Place
from reconnect.paths import illustrations_dir, practices_dir


@pytest.fixture(scope="module")
def library() -> Library:
    pictures = illustrations_dir()
    return load_library(
        practices_dir(), illustration_exists=lambda n: (pictures / f"{n}.svg").is_file()
    )


def test_every_bundled_practice_loads(library: Library) -> None:
    assert [str(p) for p in library.problems] == []
    assert len(library) >= 16


def test_the_library_covers_at_least_eight_senses(library: Library) -> None:
    assert len(library.senses_covered()) >= 8


@pytest.mark.parametrize(
    "practice_id", ["hand-on-heart", "music-chills", "sunlight", "neck-shoulder-stretch"]
)
def test_the_promised_practices_exist(library: Library, practice_id: str) -> None:
    assert practice_id in library


def test_the_kinds_of_practice_that_were_promised_are_there(library: Library) -> None:
    practices = list(library)
    stretches = [p for p in practices if any(s.kind is StepKind.STRETCH for s in p.steps)]
    journals = [p for p in practices if any(s.kind is StepKind.JOURNAL for s in p.steps)]
    breaths = [p for p in practices if any(s.kind is StepKind.BREATH for s in p.steps)]
    assert len(stretches) >= 3
    assert len(journals) >= 2
    assert any(s.breath and s.breath.exhale > s.breath.inhale for p in breaths for s in p.steps)
    for sense in ("scent", "temperature", "touch", "connection", "movement", "light", "sound"):
        assert any(sense in p.senses for p in practices), sense
    music = library.get("music-chills")
    assert music is not None and any(s.kind is StepKind.MUSIC for s in music.steps)


def test_stretches_have_pictures(library: Library) -> None:
    for practice in library:
        for step in practice.steps:
            if step.kind is StepKind.STRETCH:
                assert step.illustration, f"{practice.id}: a stretch step without a picture"


def test_away_practices_offer_something_for_when_you_cant(library: Library) -> None:
    for practice in library:
        if practice.place in (Place.WINDOW, Place.OUTDOORS):
            assert practice.alternative, f"{practice.id} has no alternative"


def test_practices_are_short(library: Library) -> None:
    assert all(30 <= p.seconds <= 15 * 60 for p in library), [
        (p.id, p.seconds) for p in library if not 30 <= p.seconds <= 15 * 60
    ]
