"""Busy source: an event marked busy in a calendar file (.ics), or a folder of them, covers now;
each file is read again only when its modification time or size changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reconnect.core.calendar_busy import (
    BusyEvent,
    Calendar,
    CalendarProblem,
    busy_events_at,
    describe,
    parse_calendar,
    waiting_reason,
)
from reconnect.core.i18n import translate
from reconnect.desktop.busy import Busy

log = logging.getLogger(__name__)

NOT_BUSY = Busy(False, "")


@dataclass
class _Read:
    """One file as last read: its stamp, and its calendar or what is wrong with it."""

    stamp: tuple[int, int]
    calendar: Calendar | None
    problem: str | None


class CalendarSource:
    """Busy while an event marked busy covers now, in the chosen file or folder.

    A folder is searched with its subfolders for ``*.ics`` files (as vdirsyncer and
    exported calendars leave them). A file that can't be read is named in ``problems`` and
    left out; the other files keep counting.

    Args:
        path: a calendar file or a folder of them (the ``busy.calendar`` setting); empty or
            None for no calendar.
        now: the clock's ``now``: an aware datetime in the local zone.
        show_titles: say the event's title; otherwise "a calendar event"
            (``busy.calendar_titles``).
    """

    name = "calendar"

    def __init__(
        self, path: str | Path | None, now: Callable[[], datetime], show_titles: bool = False
    ) -> None:
        self._path = Path(path).expanduser() if path else None
        self._now = now
        self._show_titles = show_titles
        self._reads: dict[Path, _Read] = {}
        self._missing: str | None = None
        self.event: BusyEvent | None = None

    def check(self) -> Busy:
        """Whether a busy event covers now. Never raises."""
        self.event = None
        try:
            events = self._events_now(self._now())
        except Exception:  # a calendar must never stop a break from coming
            log.warning("the calendar check failed; taking it as not busy", exc_info=True)
            return NOT_BUSY
        if not events:
            return NOT_BUSY
        self.event = events[0]
        return Busy(True, waiting_reason(self.event, self._show_titles))

    def problems(self) -> list[str]:
        """What is wrong with the chosen calendar, one line per file, for doctor and settings."""
        if self._path is None:
            return []
        self._refresh()
        if self._missing is not None:
            return [self._missing]
        broken = [(path.name, read.problem) for path, read in sorted(self._reads.items())]
        return describe([(name, problem) for name, problem in broken if problem is not None])

    def _events_now(self, now: datetime) -> list[BusyEvent]:
        self._refresh()
        events: list[BusyEvent] = []
        for path, read in sorted(self._reads.items()):
            if read.calendar is None:
                continue
            try:
                events.extend(busy_events_at(read.calendar, now))
            except CalendarProblem as problem:
                # Kept until the file changes: the same rule would fail at every check.
                self._broken(path, read, str(problem))
        return sorted(events, key=lambda e: (e.start, e.end, e.title))

    def _refresh(self) -> None:
        """Read the files that are new or changed since the last check; forget removed ones."""
        self._missing = None
        if self._path is None:
            return
        try:
            files = [self._path] if self._path.is_file() else self._folder_files()
        except OSError as error:
            files = []
            self._missing = self._say_missing(str(error))
        seen = set()
        for path in files:
            try:
                info = path.stat()
            except OSError:  # removed since the listing
                continue
            seen.add(path)
            stamp = (info.st_mtime_ns, info.st_size)
            known = self._reads.get(path)
            if known is None or known.stamp != stamp:
                self._reads[path] = self._read(path, stamp)
        for gone in set(self._reads) - seen:
            del self._reads[gone]

    def _folder_files(self) -> list[Path]:
        assert self._path is not None
        if not self._path.is_dir():
            self._missing = self._say_missing(translate("Busy", "it can't be found"))
            return []
        return sorted(p for p in self._path.rglob("*.ics") if p.is_file())

    def _say_missing(self, why: str) -> str:
        return translate("Busy", "The calendar {path} can't be read: {why}").format(
            path=self._path, why=why
        )

    def _read(self, path: Path, stamp: tuple[int, int]) -> _Read:
        try:
            calendar = parse_calendar(path.read_bytes())
        except OSError as error:
            return self._broken(path, _Read(stamp, None, None), error.strerror or str(error))
        except CalendarProblem as problem:
            return self._broken(path, _Read(stamp, None, None), str(problem))
        log.debug("read the calendar %s", path)
        return _Read(stamp, calendar, None)

    def _broken(self, path: Path, read: _Read, problem: str) -> _Read:
        read.calendar, read.problem = None, problem
        log.warning("the calendar file %s can't be read: %s", path, problem)
        return read
