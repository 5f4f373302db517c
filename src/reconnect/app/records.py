"""The history's records for the running tray app, made when first needed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reconnect.app.bootstrap import Context
from reconnect.core.database_address import is_server_address
from reconnect.core.i18n import QT_TRANSLATE_NOOP, translate
from reconnect.storage.first_look import UNKNOWN, FirstLook

if TYPE_CHECKING:
    from reconnect.core.experiments import Offer
    from reconnect.core.practices import Practice
    from reconnect.core.prompts import Prompt, PromptFate
    from reconnect.core.sessions import BreakSession, CheckIn, Outcome, Trigger
    from reconnect.core.spark_stats import PracticeCounts
    from reconnect.services.break_records_port import BreakRecordsPort
    from reconnect.services.breaks import BreakRecords


class LazyRecords:
    """The history's records (a ``BreakRecordsPort``), made the first time they are needed:
    SQLAlchemy and the open database come after the tray has shown itself, often much later.

    While the records are not made and the history is a local SQLite file at this version's
    schema, what the waiting tray reads (the end of the last break, whether the last run left
    anything open, the counts behind the suggestion) comes from a ``FirstLook`` through
    Python's own sqlite3. Writes, and whatever the first look can't be sure of, make them.

    Args:
        make: makes the records (opening the database).
        file: the local SQLite file; None for a server.
        computer: this computer's name in the history.
    """

    def __init__(
        self, make: Callable[[], BreakRecordsPort], file: Path | None, computer: str
    ) -> None:
        self._make: Callable[[], BreakRecordsPort] | None = make
        self._made: BreakRecordsPort | None = None
        self._first = None if file is None else FirstLook(file, computer)
        self.read_first = False  # a first look answered: the file is there, at this schema

    def made(self) -> BreakRecordsPort:
        """The records, made now if they were not yet."""
        if self._make is not None:
            make, self._make = self._make, None
            self._made = make()
        assert self._made is not None
        return self._made

    @property
    def is_made(self) -> bool:
        return self._make is None

    def _first_look(self) -> FirstLook | None:
        """The first look while the records are not made; None once they are (or a server)."""
        return None if self.is_made else self._first

    # --- reads the first look may answer ------------------------------------------------------

    def last_break_end(self) -> datetime | None:
        if (first := self._first_look()) is not None:
            end = first.last_break_end()
            if end is not UNKNOWN:
                self.read_first = True
                return end
        return self.made().last_break_end()

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]:
        if (first := self._first_look()) is not None:
            left_open = first.left_open()
            if left_open is not UNKNOWN:
                self.read_first = True
                if not left_open:
                    return 0, 0  # nothing to tidy: no need to load the storage layer for it
        return self.made().tidy_after_last_run(now)

    def practice_counts(self) -> list[PracticeCounts]:
        if (first := self._first_look()) is not None:
            counts = first.practice_counts()
            if counts is not UNKNOWN:
                self.read_first = True
                return counts
        return self.made().practice_counts()

    def experiment_offer(self) -> Offer | None:
        if (first := self._first_look()) is not None:
            offer = first.experiment_offer()
            if offer is not UNKNOWN:
                self.read_first = True
                return offer
        return self.made().experiment_offer()

    # --- everything else is the records' own ---------------------------------------------------

    def offer(
        self,
        practice: Practice,
        now: datetime,
        probability: float | None,
        quiet: bool = False,
        deferred_because: str | None = None,
        experiment_id: str | None = None,
    ) -> Prompt:
        return self.made().offer(practice, now, probability, quiet, deferred_because, experiment_id)

    def decide(
        self, prompt_id: str, fate: PromptFate, now: datetime, session_id: str | None = None
    ) -> None:
        self.made().decide(prompt_id, fate, now, session_id)

    def start(
        self, practice: Practice, trigger: Trigger, now: datetime, prompt_id: str | None = None
    ) -> BreakSession:
        return self.made().start(practice, trigger, now, prompt_id)

    def save_checkin(
        self,
        session_id: str,
        now: datetime,
        level: int,
        body: Iterable[str] = (),
        feelings: Iterable[str] = (),
        note: str | None = None,
    ) -> CheckIn:
        return self.made().save_checkin(session_id, now, level, body, feelings, note)

    def finish(self, session_id: str, now: datetime, outcome: Outcome) -> None:
        self.made().finish(session_id, now, outcome)

    def reach(self) -> bool:
        return self.made().reach()

    def has_pending(self) -> bool:
        return self.made().has_pending()

    def retry_pending(self) -> bool:
        return self.made().retry_pending()


class Notifies(Protocol):
    """Shows a quiet desktop notification (``desktop.notifier.Notifier``)."""

    def notify(self, summary: str, body: str) -> object: ...


def open_records(context: Context, notifier: Notifies) -> BreakRecords:
    """The history's records: on the open file, or on a shared history with an outbox beside
    it (reached when first needed, so that a server out of reach does not stop the start)."""
    from reconnect.services.breaks import BreakRecords
    from reconnect.services.outbox import OUTBOX_FILE, Outbox

    if not is_server_address(context.paths.database_url):
        return BreakRecords(context.database().session_factory)

    def tell() -> None:
        notifier.notify(
            translate("Bootstrap", OUT_OF_REACH_TITLE), translate("Bootstrap", OUT_OF_REACH_TEXT)
        )

    return BreakRecords(
        None,
        Outbox(context.paths.root / OUTBOX_FILE),
        out_of_reach=tell,
        connect=lambda: context.database().session_factory,
    )


OUT_OF_REACH_TITLE = QT_TRANSLATE_NOOP("Bootstrap", "Your shared history is out of reach for now")
OUT_OF_REACH_TEXT = QT_TRANSLATE_NOOP(
    "Bootstrap",
    "What you save is kept safely on this computer and added to it as soon as it can be "
    "reached again. Nothing is lost.",
)
