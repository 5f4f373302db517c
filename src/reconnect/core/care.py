"""Care for hard moments: the local emergency number, crisis lines, and the long quiet stretch.

Plain data and small rules; the help dialog and the dashboard only show what is decided here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.core.vocabulary import SparkLevel

GENERAL_NUMBER = "112"
# The words below are marked for the catalogue and translated where they are shown
# (translate("Care", ...)), so that they follow a translator installed after import.
UNKNOWN_NUMBER_TEXT = QT_TRANSLATE_NOOP(
    "Care", "your local emergency number (112 works in many countries)"
)


@dataclass(frozen=True)
class EmergencyNumber:
    """The number to call when someone is in danger right now.

    Attributes:
        country: the ISO 3166 code it was found for (upper case); None when the country is
            not known or not in the table.
        number: the number to call; None when unknown.
        also: a short addition said after the number, like "112 works too" (in English;
            shown through ``translate("Care", also)``).
    """

    country: str | None
    number: str | None
    also: str = ""

    @property
    def known(self) -> bool:
        return self.number is not None

    def text(self) -> str:
        """The number with its addition, or a gentle general phrase when unknown."""
        if self.number is None:
            return translate("Care", UNKNOWN_NUMBER_TEXT)
        if not self.also:
            return self.number
        return translate("Care", "{number} ({also})").format(
            number=self.number, also=translate("Care", self.also)
        )


# The European Union, the rest of the EEA and Switzerland answer 112 everywhere.
_ONE_ONE_TWO = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH"
)

_NUMBERS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(_ONE_ONE_TWO.split(), ("112", "")),
    "IE": ("112", QT_TRANSLATE_NOOP("Care", "999 works too")),
    "GB": ("999", QT_TRANSLATE_NOOP("Care", "112 works too")),
    "US": ("911", ""),
    "CA": ("911", ""),
    "MX": ("911", ""),
    "AU": ("000", QT_TRANSLATE_NOOP("Care", "112 works too from a mobile phone")),
    "NZ": ("111", ""),
    "IN": ("112", QT_TRANSLATE_NOOP("Care", "102 or 108 for an ambulance in many states")),
}
_ALIASES = {"UK": "GB", "EL": "GR"}  # the codes the EU itself sometimes uses


def emergency_number(country_code: str | None) -> EmergencyNumber:
    """The emergency number for a country, from a small table kept deliberately short.

    Args:
        country_code: a two-letter ISO 3166 code in any case ("de", "GB"), or None.

    Returns:
        The number, or an unknown number (whose text points to the local number and 112)
        for a country that is not in the table.
    """
    code = (country_code or "").strip().upper()
    code = _ALIASES.get(code, code)
    found = _NUMBERS.get(code)
    if found is None:
        return EmergencyNumber(None, None)
    number, also = found
    return EmergencyNumber(code, number, also)


@dataclass(frozen=True)
class CrisisLine:
    """A free line to talk to someone, given as an example.

    Attributes:
        name: who answers, when the number alone doesn't say it; may be empty.
        where, how: in English, shown through ``translate("Care", ...)``.
    """

    number: str
    name: str
    where: str
    how: str


CRISIS_LINES: tuple[CrisisLine, ...] = (
    CrisisLine(
        "988",
        "",
        QT_TRANSLATE_NOOP("Care", "the United States and Canada"),
        QT_TRANSLATE_NOOP("Care", "call or text, any time"),
    ),
    CrisisLine(
        "116 123",
        "Samaritans",
        QT_TRANSLATE_NOOP("Care", "the UK and Ireland"),
        QT_TRANSLATE_NOOP("Care", "call free, any time"),
    ),
)


# --- the long quiet stretch --------------------------------------------------------------

QUIET_DAYS = 21  # the stretch looked at, in calendar days, today included
QUIET_AT_LEAST = 5  # check-ins needed in it before anything is said
QUIET_REACHING_BACK = 14  # the first of them at least this many days before today
QUIET_AGAIN_AFTER_DAYS = 90  # once said, not said again for this long

QUIET_NOTE_TITLE = QT_TRANSLATE_NOOP("Care", "A quiet stretch")
QUIET_NOTE_TEXT = QT_TRANSLATE_NOOP(
    "Care",
    "For a few weeks now, your check-ins have found nothing stirring. That is common, "
    "especially after a long time of stress or exhaustion, and it says nothing bad about you. "
    "Numbness tends to ease slowly and unevenly, often unnoticed at first.\n\n"
    "Noticing is itself the practice, and you have been doing it, whatever you found. "
    "If the flatness weighs on you, talking with a doctor or a therapist can help: they can "
    "look with you at where it comes from and what could ease it.",
)


def long_quiet(
    checkins: Sequence[tuple[date, int]],
    today: date,
    days: int = QUIET_DAYS,
    at_least: int = QUIET_AT_LEAST,
    reaching_back: int = QUIET_REACHING_BACK,
) -> bool:
    """Whether check-ins have said "nothing" for a long stretch.

    The rule: take the check-ins dated within the last ``days`` calendar days, today included
    (from ``today - (days - 1)`` to ``today``; later dates, from a clock set back, are left
    out). The stretch is long and quiet when there are at least ``at_least`` of them, every
    one says nothing (level 0), and the earliest is at least ``reaching_back`` days before
    today, so that a few "nothing"s in one week are not yet called a stretch.

    Args:
        checkins: (local date, level) of each check-in, in any order; older ones are ignored.
        today: the local date now.
    """
    first_day = today - timedelta(days=days - 1)
    recent = [(day, level) for day, level in checkins if first_day <= day <= today]
    if len(recent) < at_least:
        return False
    if any(level != SparkLevel.NOTHING for _, level in recent):
        return False
    earliest = min(day for day, _ in recent)
    return (today - earliest).days >= reaching_back


def quiet_note_due(
    quiet: bool,
    last_told: date | None,
    today: date,
    again_after_days: int = QUIET_AGAIN_AFTER_DAYS,
) -> bool:
    """Whether the dashboard should say its note about a quiet stretch now.

    It is said once; it may come again only after ``again_after_days`` days, and only if
    the stretch is quiet then too. A date told in the future (a clock set back) counts as
    told recently.

    Args:
        quiet: ``long_quiet`` for today.
        last_told: the day the note was last shown, or None if never.
    """
    if not quiet:
        return False
    if last_told is None:
        return True
    return (today - last_told).days >= again_after_days
