"""The calendar's busy events at fixed moments: single, recurring with exceptions, all-day,
free, cancelled, and across a daylight-saving change in another zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from reconnect.core.calendar_busy import (
    CalendarProblem,
    busy_events_at,
    parse_calendar,
    waiting_reason,
)
from tests.unit.conftest import local, wall

NEW_YORK = ZoneInfo("America/New_York")


def calendar(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n{body}END:VCALENDAR\n"
    return text.replace("\n", "\r\n").encode()


def titles_at(data: bytes, text: str, zone: ZoneInfo | None = None) -> list[str]:
    moment = local(text) if zone is None else local(text, zone)
    return [e.title for e in busy_events_at(parse_calendar(data), moment)]


SINGLE = calendar("""
UID:one
SUMMARY:Therapy session
DTSTART:20260616T080000Z
DTEND:20260616T085000Z
""")


def test_a_single_event_is_busy_from_its_start_to_just_before_its_end() -> None:
    # 08:00Z is 10:00 in Berlin's summer time.
    assert titles_at(SINGLE, "2026-06-16 09:59") == []
    assert titles_at(SINGLE, "2026-06-16 10:00") == ["Therapy session"]
    assert titles_at(SINGLE, "2026-06-16 10:49") == ["Therapy session"]
    assert titles_at(SINGLE, "2026-06-16 10:50") == []


def test_the_event_says_when_it_ends_in_local_time() -> None:
    [event] = busy_events_at(parse_calendar(SINGLE), local("2026-06-16 10:20"))
    assert wall(event.end) == "Tue 2026-06-16 10:50 +0200"


WEEKLY = calendar(
    """
UID:weekly
SUMMARY:Team call
DTSTART;TZID=Europe/Berlin:20260601T140000
DTEND;TZID=Europe/Berlin:20260601T150000
RRULE:FREQ=WEEKLY;BYDAY=MO
EXDATE;TZID=Europe/Berlin:20260615T140000
""",
    """
UID:weekly
RECURRENCE-ID;TZID=Europe/Berlin:20260622T140000
SUMMARY:Team call (moved)
DTSTART;TZID=Europe/Berlin:20260622T160000
DTEND;TZID=Europe/Berlin:20260622T170000
""",
)


def test_a_weekly_event_is_busy_each_week_but_not_on_its_excluded_date() -> None:
    assert titles_at(WEEKLY, "2026-06-01 14:30") == ["Team call"]
    assert titles_at(WEEKLY, "2026-06-08 14:30") == ["Team call"]
    assert titles_at(WEEKLY, "2026-06-15 14:30") == []  # EXDATE
    assert titles_at(WEEKLY, "2026-06-29 14:30") == ["Team call"]
    assert titles_at(WEEKLY, "2026-06-09 14:30") == []  # a Tuesday


def test_a_moved_occurrence_is_busy_at_its_new_time_only() -> None:
    assert titles_at(WEEKLY, "2026-06-22 14:30") == []
    assert titles_at(WEEKLY, "2026-06-22 16:30") == ["Team call (moved)"]


ALL_DAY = calendar("""
UID:allday
SUMMARY:Workshop day
DTSTART;VALUE=DATE:20260617
DTEND;VALUE=DATE:20260618
""")


def test_an_all_day_event_covers_the_whole_local_day() -> None:
    assert titles_at(ALL_DAY, "2026-06-16 23:59") == []
    assert titles_at(ALL_DAY, "2026-06-17 00:00") == ["Workshop day"]
    assert titles_at(ALL_DAY, "2026-06-17 23:59") == ["Workshop day"]
    assert titles_at(ALL_DAY, "2026-06-18 00:00") == []
    # Midnight where the person is, wherever that is.
    assert titles_at(ALL_DAY, "2026-06-17 00:30", NEW_YORK) == ["Workshop day"]


def test_free_and_cancelled_events_are_not_busy() -> None:
    data = calendar(
        """
UID:free
SUMMARY:Lunch maybe
TRANSP:TRANSPARENT
DTSTART:20260616T100000Z
DTEND:20260616T110000Z
""",
        """
UID:cancelled
SUMMARY:Cancelled review
STATUS:CANCELLED
DTSTART:20260616T100000Z
DTEND:20260616T110000Z
""",
        """
UID:opaque
SUMMARY:Review
TRANSP:OPAQUE
DTSTART:20260616T103000Z
DTEND:20260616T104500Z
""",
    )
    assert titles_at(data, "2026-06-16 12:15") == []
    assert titles_at(data, "2026-06-16 12:35") == ["Review"]


NEW_YORK_STANDUP = calendar("""
UID:ny
SUMMARY:New York standup
DTSTART;TZID=America/New_York:20260302T090000
DTEND;TZID=America/New_York:20260302T093000
RRULE:FREQ=WEEKLY;BYDAY=MO
""")


def test_an_event_in_another_zone_moves_with_its_daylight_saving_change() -> None:
    # New York moves its clocks on 8 March 2026, Berlin on 29 March: for three weeks the
    # 9:00 standup is at 14:00 in Berlin instead of 15:00.
    assert titles_at(NEW_YORK_STANDUP, "2026-03-02 15:10") == ["New York standup"]
    assert titles_at(NEW_YORK_STANDUP, "2026-03-09 15:10") == []
    assert titles_at(NEW_YORK_STANDUP, "2026-03-09 14:10") == ["New York standup"]
    assert titles_at(NEW_YORK_STANDUP, "2026-03-30 15:10") == ["New York standup"]
    assert titles_at(NEW_YORK_STANDUP, "2026-03-09 09:10", NEW_YORK) == ["New York standup"]


def test_overlapping_events_come_earliest_first() -> None:
    data = calendar(
        "UID:b\nSUMMARY:Later\nDTSTART:20260616T083000Z\nDTEND:20260616T093000Z",
        "UID:a\nSUMMARY:Earlier\nDTSTART:20260616T080000Z\nDTEND:20260616T090000Z",
    )
    assert titles_at(data, "2026-06-16 10:45") == ["Earlier", "Later"]


def test_the_reason_keeps_titles_private_unless_asked() -> None:
    [event] = busy_events_at(parse_calendar(SINGLE), local("2026-06-16 10:20"))
    assert waiting_reason(event, show_titles=False) == "a calendar event"
    assert waiting_reason(event, show_titles=True) == "Therapy session"
    untitled = calendar("UID:x\nDTSTART:20260616T080000Z\nDTEND:20260616T090000Z")
    [event] = busy_events_at(parse_calendar(untitled), local("2026-06-16 10:20"))
    assert waiting_reason(event, show_titles=True) == "a calendar event"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"this is not a calendar", "Content line could not be parsed"),
        (b"BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n", "holds no calendar"),
        (calendar("UID:x\nSUMMARY:Broken\nDTSTART:2026-06-16"), "DTSTART of 'Broken'"),
    ],
)
def test_a_broken_calendar_is_refused_with_its_problem(data: bytes, words: str) -> None:
    with pytest.raises(CalendarProblem, match=words):
        parse_calendar(data)


def test_a_repeat_rule_that_cant_be_understood_is_a_problem_of_the_calendar() -> None:
    data = calendar("UID:x\nDTSTART:20260616T080000Z\nRRULE:FREQ=SOMETIMES")
    with pytest.raises(CalendarProblem):
        busy_events_at(parse_calendar(data), local("2026-06-16 10:20"))
