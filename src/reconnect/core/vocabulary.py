"""The fixed words Reconnect uses: senses, places, spark levels, body areas and feelings.

The words are data (kept in practice files and the database) and stay English here; each is
marked for the translation catalogue and shown through ``translate("Vocabulary", word)``.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate

SENSES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "movement"),
    QT_TRANSLATE_NOOP("Vocabulary", "breath"),
    QT_TRANSLATE_NOOP("Vocabulary", "touch"),
    QT_TRANSLATE_NOOP("Vocabulary", "sound"),
    QT_TRANSLATE_NOOP("Vocabulary", "light"),
    QT_TRANSLATE_NOOP("Vocabulary", "scent"),
    QT_TRANSLATE_NOOP("Vocabulary", "temperature"),
    QT_TRANSLATE_NOOP("Vocabulary", "taste"),
    QT_TRANSLATE_NOOP("Vocabulary", "reflection"),
    QT_TRANSLATE_NOOP("Vocabulary", "connection"),
)


class Place(StrEnum):
    """Where a practice fits in the day."""

    DESK = "desk"  # can be done sitting or standing at the desk
    AWAY = "away"  # needs a few steps away from the desk (a corridor, a quiet room)
    WINDOW = "window"  # needs a window, or the door to outside
    OUTDOORS = "outdoors"  # needs to go outside

    @property
    def label(self) -> str:
        return _PLACE_LABELS[self]


_PLACE_LABELS = {
    Place.DESK: QT_TRANSLATE_NOOP("Vocabulary", "at the desk"),
    Place.AWAY: QT_TRANSLATE_NOOP("Vocabulary", "a few steps away"),
    Place.WINDOW: QT_TRANSLATE_NOOP("Vocabulary", "by a window"),
    Place.OUTDOORS: QT_TRANSLATE_NOOP("Vocabulary", "outdoors"),
}


class SparkLevel(IntEnum):
    """How much stirred during a practice. Nothing is a valid, useful answer."""

    NOTHING = 0
    FLICKER = 1
    SPARK = 2
    GLOW = 3

    @property
    def label(self) -> str:
        return _SPARK_LABELS[self]


_SPARK_LABELS = {
    SparkLevel.NOTHING: QT_TRANSLATE_NOOP("Vocabulary", "nothing"),
    SparkLevel.FLICKER: QT_TRANSLATE_NOOP("Vocabulary", "a flicker"),
    SparkLevel.SPARK: QT_TRANSLATE_NOOP("Vocabulary", "a spark"),
    SparkLevel.GLOW: QT_TRANSLATE_NOOP("Vocabulary", "a glow"),
}

# The ids kept in the database; shown through ``body_area_text`` ("whole-body" reads "whole body").
BODY_AREAS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "head"),
    QT_TRANSLATE_NOOP("Vocabulary", "face"),
    QT_TRANSLATE_NOOP("Vocabulary", "throat"),
    QT_TRANSLATE_NOOP("Vocabulary", "chest"),
    QT_TRANSLATE_NOOP("Vocabulary", "belly"),
    QT_TRANSLATE_NOOP("Vocabulary", "arms"),
    QT_TRANSLATE_NOOP("Vocabulary", "hands"),
    QT_TRANSLATE_NOOP("Vocabulary", "legs"),
    "whole-body",
)
_BODY_AREA_WORDS = {"whole-body": QT_TRANSLATE_NOOP("Vocabulary", "whole body")}


def body_area_text(area: str) -> str:
    """A body area as a person reads it, in their language: "whole-body" is "whole body"."""
    return translate("Vocabulary", _BODY_AREA_WORDS.get(area, area))


def feeling_text(word: str) -> str:
    """A feeling word in the person's language; their own words come back as they wrote them."""
    return translate("Vocabulary", word)


# Offered as quick choices; a person may also use words of their own.
FEELING_WORDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "warmth"),
    QT_TRANSLATE_NOOP("Vocabulary", "calm"),
    QT_TRANSLATE_NOOP("Vocabulary", "tingling"),
    QT_TRANSLATE_NOOP("Vocabulary", "lightness"),
    QT_TRANSLATE_NOOP("Vocabulary", "energy"),
    QT_TRANSLATE_NOOP("Vocabulary", "tenderness"),
    QT_TRANSLATE_NOOP("Vocabulary", "sadness"),
    QT_TRANSLATE_NOOP("Vocabulary", "tears"),
    QT_TRANSLATE_NOOP("Vocabulary", "joy"),
    QT_TRANSLATE_NOOP("Vocabulary", "relief"),
)

MAX_WORD_LENGTH = 40
MAX_NOTE_LENGTH = 20_000

# Fixed English names: strftime("%A") and "%B" would follow the system locale.
DAY_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "Monday"),
    QT_TRANSLATE_NOOP("Vocabulary", "Tuesday"),
    QT_TRANSLATE_NOOP("Vocabulary", "Wednesday"),
    QT_TRANSLATE_NOOP("Vocabulary", "Thursday"),
    QT_TRANSLATE_NOOP("Vocabulary", "Friday"),
    QT_TRANSLATE_NOOP("Vocabulary", "Saturday"),
    QT_TRANSLATE_NOOP("Vocabulary", "Sunday"),
)
MONTH_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Vocabulary", "January"),
    QT_TRANSLATE_NOOP("Vocabulary", "February"),
    QT_TRANSLATE_NOOP("Vocabulary", "March"),
    QT_TRANSLATE_NOOP("Vocabulary", "April"),
    QT_TRANSLATE_NOOP("Vocabulary", "May"),
    QT_TRANSLATE_NOOP("Vocabulary", "June"),
    QT_TRANSLATE_NOOP("Vocabulary", "July"),
    QT_TRANSLATE_NOOP("Vocabulary", "August"),
    QT_TRANSLATE_NOOP("Vocabulary", "September"),
    QT_TRANSLATE_NOOP("Vocabulary", "October"),
    QT_TRANSLATE_NOOP("Vocabulary", "November"),
    QT_TRANSLATE_NOOP("Vocabulary", "December"),
)
