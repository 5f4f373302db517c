"""The long quiet stretch read from a real database, and the marker of its note.

Each test runs on an SQLite file and on a PostgreSQL server.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from reconnect.app import bootstrap
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.recording import logged_session
from reconnect.core.sessions import BreakSession, Trigger
from reconnect.services.breaks import BreakRecords
from reconnect.services.dashboard import DashboardReader, QuietNoteMarker
from reconnect.storage.care_queries import recent_levels
from tests.integration.conftest import write

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 17)  # the clock fixture's day


pytestmark = pytest.mark.both_databases


def logged(context: bootstrap.Context, level: int, ended: datetime) -> BreakSession:
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    return logged_session(practice, context.clock.now(), level, finished_at=ended)


def on(days_ago: int, hour: int = 11, minute: int = 0) -> datetime:
    day = TODAY - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


def levels(context: bootstrap.Context, since: date) -> list[tuple[date, int]]:
    with context.database().session_factory() as session:
        return recent_levels(session, since)


def test_recent_levels_by_local_date_oldest_first(context: bootstrap.Context) -> None:
    write(
        context,
        [
            logged(context, 2, on(3)),
            logged(context, 0, on(25)),  # before the date asked for
            logged(context, 0, on(20, 9)),
            logged(context, 1, on(20, 16)),
            # Begun before midnight, checked in just after: it counts on the practice's own day.
            logged(context, 3, on(10, 0, 2)),
        ],
    )
    # A practice under way has no check-in yet, so it says nothing either way.
    practice = context.library.get("box-breath")
    assert practice is not None
    BreakRecords(context.database().session_factory).start(practice, Trigger.TRAY, on(0, 9))

    assert levels(context, TODAY - timedelta(days=20)) == [
        (TODAY - timedelta(days=20), 0),
        (TODAY - timedelta(days=20), 1),
        (TODAY - timedelta(days=11), 3),
        (TODAY - timedelta(days=3), 2),
    ]
    assert levels(context, TODAY) == []


def test_an_empty_history_has_no_levels(context: bootstrap.Context) -> None:
    assert levels(context, date(2000, 1, 1)) == []


def test_the_dashboard_figures_say_when_it_has_been_quiet(context: bootstrap.Context) -> None:
    reader = DashboardReader(context.database().session_factory)
    write(context, [logged(context, 0, on(days)) for days in (19, 15, 11, 7, 2)])
    # A spark long ago doesn't count; the note depends on the last three weeks, not the range.
    write(context, [logged(context, 3, on(40))])
    for choice in (RangeChoice.WEEKS_4, RangeChoice.ALL):
        assert reader.figures(choice, TODAY).long_quiet
    write(context, [logged(context, 1, on(1))])
    assert not reader.figures(RangeChoice.WEEKS_4, TODAY).long_quiet


def test_an_empty_history_is_not_a_quiet_stretch(context: bootstrap.Context) -> None:
    reader = DashboardReader(context.database().session_factory)
    assert not reader.figures(RangeChoice.MONTHS_3, TODAY).long_quiet


def test_the_marker_keeps_the_day_the_note_was_shown(tmp_path: Path) -> None:
    marker = QuietNoteMarker(tmp_path / ".told-about-quiet-stretch")
    assert marker.last_told() is None
    marker.told(TODAY)
    assert marker.last_told() == TODAY
    assert marker.path.read_text(encoding="utf-8") == "2026-11-17\n"
    assert marker.path.stat().st_mode & 0o777 == 0o600

    marker.path.write_text("not a day", encoding="utf-8")
    os.utime(marker.path, (1_700_000_000, 1_700_000_000))
    assert marker.last_told() == date.fromtimestamp(1_700_000_000)


def test_a_marker_that_cant_be_written_is_let_go(tmp_path: Path) -> None:
    marker = QuietNoteMarker(tmp_path / "missing-folder" / ".told-about-quiet-stretch")
    marker.told(TODAY)  # no error: the note may simply come again
    assert marker.last_told() is None
