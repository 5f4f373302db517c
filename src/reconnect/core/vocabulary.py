"""The fixed words Reconnect uses: senses, places, spark levels, body areas and feelings."""

from __future__ import annotations

from enum import IntEnum, StrEnum

SENSES: tuple[str, ...] = (
    "movement",
    "breath",
    "touch",
    "sound",
    "light",
    "scent",
    "temperature",
    "taste",
    "reflection",
    "connection",
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
    Place.DESK: "at the desk",
    Place.AWAY: "a few steps away",
    Place.WINDOW: "by a window",
    Place.OUTDOORS: "outdoors",
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
    SparkLevel.NOTHING: "nothing",
    SparkLevel.FLICKER: "a flicker",
    SparkLevel.SPARK: "a spark",
    SparkLevel.GLOW: "a glow",
}

BODY_AREAS: tuple[str, ...] = (
    "head",
    "face",
    "throat",
    "chest",
    "belly",
    "arms",
    "hands",
    "legs",
    "whole-body",
)

# Offered as quick choices; a person may also use words of their own.
FEELING_WORDS: tuple[str, ...] = (
    "warmth",
    "calm",
    "tingling",
    "lightness",
    "energy",
    "tenderness",
    "sadness",
    "tears",
    "joy",
    "relief",
)

MAX_WORD_LENGTH = 40
MAX_NOTE_LENGTH = 20_000

# Fixed English names: strftime("%A") and "%B" would follow the system locale.
DAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
