"""The history's records for the running tray app, made when first needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reconnect.app.bootstrap import Context
from reconnect.core.database_address import is_server_address
from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate


class Records:
    """The history's records, made the first time they are needed: SQLAlchemy and the open
    database come after the tray has shown itself, and often much later.

    While the history is a local SQLite file at this version's schema, what the waiting tray
    reads (the end of the last break, whether the last run left anything open, the counts
    behind the suggestion) comes from ``storage.first_look`` through Python's own sqlite3, so
    SQLAlchemy (about 25 MB for the whole day) loads only when something is written or the
    dashboard opens. Everything else is the records' own (``services.breaks.BreakRecords``).

    Args:
        make: makes the records (opening the database).
        file: the local SQLite file; None for a server.
        computer: this computer's name in the history.
    """

    def __init__(self, make: Callable[[], Any], file: Path | None, computer: str) -> None:
        self._make: Callable[[], Any] | None = make
        self._part: Any = None
        self._file = file
        self._computer = computer
        self.read_first = False  # a first look answered: the file is there, at this schema

    def made(self) -> Any:
        if self._make is not None:
            make, self._make = self._make, None
            self._part = make()
        return self._part

    @property
    def is_made(self) -> bool:
        return self._make is None

    def _first(self, read: Callable[[Path], Any]) -> Any:
        """A first look's answer while the records are not made; ``UNKNOWN`` otherwise."""
        from reconnect.storage.first_look import UNKNOWN

        if self._part is not None or self._file is None:
            return UNKNOWN
        answer = read(self._file)
        self.read_first = self.read_first or answer != UNKNOWN
        return answer

    def last_break_end(self) -> Any:
        from reconnect.storage.first_look import UNKNOWN, last_break_end

        end = self._first(lambda file: last_break_end(file, self._computer))
        return self.made().last_break_end() if end == UNKNOWN else end

    def tidy_after_last_run(self, now: Any) -> tuple[int, int]:
        from reconnect.storage.first_look import left_open

        if self._first(lambda file: left_open(file, self._computer)) is False:
            return 0, 0  # nothing to tidy: no need to load the storage layer for it
        return self.made().tidy_after_last_run(now)  # type: ignore[no-any-return]

    def practice_counts(self) -> Any:
        from reconnect.storage.first_look import UNKNOWN, practice_counts

        counts = self._first(practice_counts)
        return self.made().practice_counts() if counts == UNKNOWN else counts

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)


def open_records(context: Context, notifier: Any) -> Any:
    """The history's records: on the open file, or on a shared history with an outbox beside
    it (reached when first needed, so that a server out of reach does not stop the start)."""
    from reconnect.services.breaks import BreakRecords
    from reconnect.services.outbox import OUTBOX_FILE, Outbox

    if not is_server_address(context.paths.database_url):
        return BreakRecords(context.database().session_factory)
    return BreakRecords(
        None,
        Outbox(context.paths.root / OUTBOX_FILE),
        out_of_reach=lambda: notifier.notify(
            translate("Bootstrap", OUT_OF_REACH_TITLE), translate("Bootstrap", OUT_OF_REACH_TEXT)
        ),
        connect=lambda: context.database().session_factory,
    )


OUT_OF_REACH_TITLE = QT_TRANSLATE_NOOP("Bootstrap", "Your shared history is out of reach for now")
OUT_OF_REACH_TEXT = QT_TRANSLATE_NOOP(
    "Bootstrap",
    "What you save is kept safely on this computer and added to it as soon as it can be "
    "reached again. Nothing is lost.",
)
