"""Turning what the person reports into sessions and check-ins, checked on the way in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from reconnect.core.errors import InputError
from reconnect.core.practices import Practice
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger, new_id
from reconnect.core.vocabulary import BODY_AREAS, MAX_NOTE_LENGTH, MAX_WORD_LENGTH, SparkLevel

# A logged time may be a little ahead of this computer's clock (another device, a slow clock).
FUTURE_TOLERANCE = timedelta(minutes=5)


def spark_level(value: int | str) -> SparkLevel:
    """Read a spark level 0-3.

    Raises:
        InputError: anything else.
    """
    if isinstance(value, bool):
        number = -1
    elif isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        number = int(text) if text in {"0", "1", "2", "3"} else -1
    if number not in (0, 1, 2, 3):
        raise InputError(
            f"the spark level is 0, 1, 2 or 3 (0 nothing, 1 a flicker, 2 a spark, 3 a glow); "
            f"got {value!r}"
        )
    return SparkLevel(number)


def body_areas(values: Iterable[str]) -> tuple[str, ...]:
    """Normalise body areas ("whole body" and "Whole-Body" both mean whole-body)."""
    areas: list[str] = []
    for value in values:
        area = "-".join(value.strip().lower().replace("_", " ").split())
        if area not in BODY_AREAS:
            raise InputError(
                f"{value!r} is not a body area Reconnect knows; choose from {', '.join(BODY_AREAS)}"
            )
        if area not in areas:
            areas.append(area)
    return tuple(areas)


def feeling_words(values: Iterable[str]) -> tuple[str, ...]:
    """Normalise feeling words: the person's own words are welcome, kept short."""
    words: list[str] = []
    for value in values:
        word = " ".join(value.split()).lower()
        if not word:
            continue
        if len(word) > MAX_WORD_LENGTH or ";" in word or "\x00" in word:
            raise InputError(
                f"a feeling is a word or two (at most {MAX_WORD_LENGTH} characters, no ';'); "
                f"got {value[:50]!r}"
            )
        if word not in words:
            words.append(word)
    return tuple(words)


def note_text(value: str | None) -> str:
    note = (value or "").strip()
    if "\x00" in note:
        raise InputError("the note contains a NUL character; please remove it")
    if len(note) > MAX_NOTE_LENGTH:
        raise InputError(
            f"the note is {len(note)} characters long; at most {MAX_NOTE_LENGTH} fit. "
            "Keep the longer text in a file of your own and note where it is."
        )
    return note


def make_checkin(
    session_id: str,
    at: datetime,
    level: int | str,
    body: Iterable[str] = (),
    feelings: Iterable[str] = (),
    note: str | None = None,
) -> CheckIn:
    """Build a checked check-in.

    Raises:
        InputError: a value can't be used.
    """
    return CheckIn(
        id=new_id(),
        session_id=session_id,
        at=Moment.of(at),
        level=spark_level(level),
        body_areas=body_areas(body),
        feelings=feeling_words(feelings),
        note=note_text(note),
    )


def logged_session(
    practice: Practice,
    now: datetime,
    level: int | str,
    body: Iterable[str] = (),
    feelings: Iterable[str] = (),
    note: str | None = None,
    finished_at: datetime | None = None,
) -> BreakSession:
    """A practice done away from the computer and written down afterwards.

    Args:
        now: the current local time (aware).
        finished_at: when the person finished (aware); defaults to ``now``.

    Raises:
        InputError: the time lies in the future, or a check-in value can't be used.
    """
    ended = finished_at or now
    if ended.tzinfo is None:
        raise ValueError("finished_at must be aware")
    if ended - now > FUTURE_TOLERANCE:
        raise InputError(
            f"{ended.isoformat(timespec='minutes')} is in the future; give the time you did it"
        )
    session_id = new_id()
    checkin = make_checkin(session_id, ended, level, body, feelings, note)
    return BreakSession(
        id=session_id,
        practice_id=practice.id,
        practice_title=practice.title,
        trigger=Trigger.LOGGED,
        started=Moment.of(ended - timedelta(seconds=practice.seconds)),
        ended=Moment.of(ended),
        outcome=Outcome.COMPLETED,
        checkin=checkin,
    )
