"""What the person reports is checked before it becomes a session or check-in."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.core.errors import InputError
from reconnect.core.practices import Practice, Step
from reconnect.core.recording import (
    body_areas,
    feeling_words,
    logged_session,
    note_text,
    spark_level,
)
from reconnect.core.sessions import Outcome, Trigger
from reconnect.core.vocabulary import Place, SparkLevel

NOW = datetime(2026, 11, 17, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))
PRACTICE = Practice(
    id="warm-hands",
    title="Warm hands",
    summary="Rub your palms.",
    senses=("touch",),
    place=Place.DESK,
    steps=(Step("Rub your palms together.", 90),),
)


@pytest.mark.parametrize("value", [0, 1, 2, 3, "0", " 3 "])
def test_spark_levels_0_to_3_are_accepted(value: int | str) -> None:
    assert spark_level(value) == int(str(value).strip())


@pytest.mark.parametrize("value", [-1, 4, "4", "x", "", "1.5", True, None])
def test_other_spark_levels_are_refused_with_the_scale(value: object) -> None:
    with pytest.raises(InputError, match="0 nothing, 1 a flicker, 2 a spark, 3 a glow"):
        spark_level(value)  # type: ignore[arg-type]


def test_body_areas_are_normalised_and_checked() -> None:
    assert body_areas(["Chest", "whole body", "chest", "WHOLE_BODY"]) == ("chest", "whole-body")
    with pytest.raises(InputError, match="not a body area"):
        body_areas(["elbow"])


def test_feelings_may_be_the_persons_own_words() -> None:
    assert feeling_words(["Warmth", " a bit  lighter ", "", "warmth"]) == (
        "warmth",
        "a bit lighter",
    )
    with pytest.raises(InputError, match="a word or two"):
        feeling_words(["x" * 41])
    with pytest.raises(InputError):
        feeling_words(["calm; warm"])


def test_a_note_is_kept_whole_but_not_unbounded() -> None:
    assert note_text("  sun on my hands  ") == "sun on my hands"
    assert note_text(None) == ""
    with pytest.raises(InputError, match="at most 20000"):
        note_text("a" * 20_001)
    with pytest.raises(InputError, match="NUL"):
        note_text("a\x00b")


def test_a_logged_session_ends_when_the_person_finished() -> None:
    session = logged_session(PRACTICE, NOW, 2, ["hands"], ["warmth"], "nice")
    assert session.trigger is Trigger.LOGGED
    assert session.outcome is Outcome.COMPLETED
    assert session.ended is not None and session.ended.local == NOW
    assert session.ended.utc - session.started.utc == timedelta(seconds=90)
    assert session.checkin is not None
    assert session.checkin.level is SparkLevel.SPARK
    assert session.checkin.session_id == session.id
    assert session.checkin.body_areas == ("hands",)


def test_a_time_in_the_future_is_refused() -> None:
    with pytest.raises(InputError, match="in the future"):
        logged_session(PRACTICE, NOW, 1, finished_at=NOW + timedelta(hours=1))
    # A few minutes ahead is a slow clock, not a mistake.
    logged_session(PRACTICE, NOW, 1, finished_at=NOW + timedelta(minutes=4))
