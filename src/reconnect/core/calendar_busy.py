"""Whether a calendar says the person is in a busy event now: the events of `.ics` text that
cover a given moment, recurring ones and time zones through icalendar and recurring-ical-events.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from reconnect.core.busy_sources import CALENDAR_EVENT
from reconnect.core.i18n import translate

# What a busy calendar event is called where its title is kept private (the default).
PRIVATE_EVENT = CALENDAR_EVENT

# An event "covers now" when it overlaps this short span from now on.
_MOMENT = timedelta(seconds=1)
# The properties that say when an event happens.
_TIMING = {"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"}


class CalendarProblem(Exception):
    """The text is not a calendar that can be read; the message says why, in a few words."""


@dataclass(frozen=True)
class Calendar:
    """A parsed calendar file: its VCALENDAR components, ready to be asked about a moment."""

    components: tuple[Any, ...]


@dataclass(frozen=True)
class BusyEvent:
    """An event marked busy that covers the moment asked about.

    Attributes:
        title: its SUMMARY; empty when it has none.
        start: when this occurrence began, in the zone of the moment asked about.
        end: when it ends (the break may come then), in the same zone.
    """

    title: str
    start: datetime
    end: datetime


def parse_calendar(data: bytes) -> Calendar:
    """Read the text of an `.ics` file.

    Raises:
        CalendarProblem: it is not iCalendar text, or holds no calendar.
    """
    import icalendar

    try:
        components = icalendar.Calendar.from_ical(data, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise CalendarProblem(_problem_words(error)) from None
    calendars = tuple(c for c in components if c.name == "VCALENDAR")
    if not calendars:
        raise CalendarProblem(translate("Busy", "it holds no calendar (no BEGIN:VCALENDAR)"))
    for calendar in calendars:
        for event in calendar.walk("VEVENT"):
            # icalendar keeps a broken value aside; one the busy check reads makes the file
            # unreadable now rather than at some later check.
            for name, words in getattr(event, "errors", ()):
                if name in _TIMING:
                    title = str(event.get("SUMMARY", "")) or str(event.get("UID", "?"))
                    raise CalendarProblem(f"{name} of {title!r}: {_problem_words(words)}")
    return Calendar(calendars)


def busy_events_at(calendar: Calendar, now: datetime) -> list[BusyEvent]:
    """The events marked busy that cover ``now``, the earliest first.

    An event is busy unless it says ``TRANSP:TRANSPARENT`` (free) or ``STATUS:CANCELLED``.
    Repeats (RRULE, RDATE), their exceptions (EXDATE) and moved occurrences (RECURRENCE-ID)
    count; all-day events cover the whole local day of ``now``.

    Args:
        calendar: from ``parse_calendar``.
        now: an aware datetime; all-day and floating times are taken in its zone.

    Raises:
        CalendarProblem: a repeat rule or a date in the calendar can't be understood.
    """
    if now.tzinfo is None:
        raise ValueError("now must carry its time zone")
    import recurring_ical_events

    found: list[BusyEvent] = []
    for component in calendar.components:
        try:
            occurrences = list(recurring_ical_events.of(component).between(now, now + _MOMENT))
        except Exception as error:  # the library raises many kinds for one broken rule
            raise CalendarProblem(_problem_words(error)) from None
        found.extend(_busy(occurrences, now))
    return sorted(found, key=lambda e: (e.start, e.end, e.title))


def waiting_reason(event: BusyEvent, show_titles: bool) -> str:
    """What a break waits for, as ``status --json`` says it: the title, or ``"a calendar
    event"`` in English (the tooltip translates it, ``services.rhythm_menu.why_waiting``)."""
    if show_titles and event.title.strip():
        return " ".join(event.title.split())
    return PRIVATE_EVENT


def _busy(occurrences: Iterable[Any], now: datetime) -> Iterable[BusyEvent]:
    for event in occurrences:
        if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
            continue
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            continue
        start = _aware(event.get("DTSTART"), now)
        end = _aware(event.get("DTEND"), now) if event.get("DTEND") else None
        if start is None:
            continue
        if end is None:
            duration = event.get("DURATION")
            if duration is not None:
                end = start + duration.dt
            elif isinstance(event["DTSTART"].dt, datetime):
                end = start  # no end and no duration: a moment, which covers nothing
            else:
                end = start + timedelta(days=1)
        if start <= now < end:
            yield BusyEvent(str(event.get("SUMMARY", "")), start, end)


def _aware(prop: Any, now: datetime) -> datetime | None:
    """A DTSTART/DTEND as an aware datetime in ``now``'s zone (dates at local midnight)."""
    if prop is None:
        return None
    value = prop.dt
    zone = now.tzinfo
    if isinstance(value, datetime):
        moment = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return moment.astimezone(zone)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=zone)
    return None


def _problem_words(error: BaseException) -> str:
    text = " ".join(str(error).split())
    if len(text) > 160:
        text = text[:157] + "…"
    return text or type(error).__name__


def describe(problems: Sequence[tuple[str, str]]) -> list[str]:
    """One line per unreadable file: its name and its problem."""
    return [
        translate("Busy", "{name} can't be read: {problem}").format(name=name, problem=problem)
        for name, problem in problems
    ]
