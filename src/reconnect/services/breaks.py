"""Use cases of the break rhythm: prompts and their fates, sessions started and finished.

With a shared history on a server, a write that can't reach it is kept in the outbox
(``services.outbox``) and written when the server answers again: on the next write, and when
the app's timer calls ``retry_pending``. The person is told once that it is out of reach.

The app may even start while the server is away (``connect``): then every write is kept, the
reads answer as for a newcomer, and the first time the server answers its schema is checked
(and migrated), what the last run left open is tidied, and the kept writes follow.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from reconnect.core.practices import Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger, new_id
from reconnect.core.spark_stats import PracticeCounts
from reconnect.services import outbox as kept
from reconnect.services.outbox import Outbox
from reconnect.storage.database import is_unreachable
from reconnect.storage.problems import DatabaseProblem
from reconnect.storage.stats_queries import practice_counts
from reconnect.storage.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

RECONNECT_AFTER_S = 60.0  # a shared history the app started without: tried at most this often


class BreakRecords:
    """Writes what happens to breaks, each call its own committed unit of work.

    Args:
        factory: the database's session factory; None when ``connect`` gives it later.
        outbox: where writes wait while a shared history can't be reached; None (a local
            file) lets every error through as before.
        out_of_reach: called once when a write had to be kept, until all kept writes are in
            the history again (the app shows a gentle notification).
        connect: opens the shared history (checking and migrating its schema) and returns
            its session factory; raises ``DatabaseProblem`` of kind ``"unreachable"`` while
            the server is away. Tried again when the history is needed, at most once a
            minute (a server that does not answer at all takes seconds to give up on, and
            the menu or a save must not wait that long each time).
        monotonic: seconds for that minute (injected in tests).
    """

    def __init__(
        self,
        factory: sessionmaker[Session] | None,
        outbox: Outbox | None = None,
        out_of_reach: Callable[[], None] | None = None,
        connect: Callable[[], sessionmaker[Session]] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if factory is None and connect is None:
            raise ValueError("BreakRecords needs a session factory or a way to connect")
        self._factory_made = factory
        self._connect = connect
        self._outbox = outbox
        self._out_of_reach = out_of_reach or (lambda: None)
        self._told = False
        self._counts: list[PracticeCounts] = []
        self._tidy_when_connected: datetime | None = None
        self._monotonic = monotonic
        self._failed_at: float | None = None
        self._failure: DBAPIError | None = None

    @property
    def connected(self) -> bool:
        """Whether the history has been reached (always, for a local file)."""
        return self._factory_made is not None

    @property
    def _factory(self) -> sessionmaker[Session]:
        """The session factory, connecting first when the app started without the server.

        Raises:
            DBAPIError: the server is still out of reach (what a lost connection raises too,
                so every caller handles both alike).
            DatabaseProblem: the history can't be used for another reason.
        """
        if self._factory_made is None:
            assert self._connect is not None
            now = self._monotonic()
            recent = self._failed_at is not None and now - self._failed_at < RECONNECT_AFTER_S
            if self._failure is not None and recent:
                raise self._failure
            try:
                factory = self._connect()
            except DatabaseProblem as problem:
                cause = problem.__cause__
                if problem.kind == "unreachable" and isinstance(cause, DBAPIError):
                    self._failed_at, self._failure = now, cause
                    raise cause from None
                raise
            self._failed_at = self._failure = None
            self._factory_made = factory
            log.info("the shared history can be reached")
            if self._tidy_when_connected is not None:
                # Before any kept write: this run's own sessions are not the last run's.
                at, self._tidy_when_connected = self._tidy_when_connected, None
                self.tidy_after_last_run(at)
        return self._factory_made

    # --- reading ------------------------------------------------------------------------------

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]:
        """Sessions left open by a crash become interrupted; undecided prompts, missed.

        Only this computer's: another one sharing the history may be in the middle of a break.

        Returns:
            (sessions interrupted, prompts marked missed); (0, 0) when out of reach.
        """
        moment = Moment.of(now)
        try:
            with UnitOfWork(self._factory) as uow:
                interrupted = uow.history.close_open(moment, Outcome.INTERRUPTED)
                missed = uow.prompts.close_undecided(moment)
                uow.commit()
        except DBAPIError as error:
            self._unless_out_of_reach(error)
            if not self.connected:
                self._tidy_when_connected = now  # done first thing once it answers
            return 0, 0
        return interrupted, missed

    def last_break_end(self) -> datetime | None:
        """The end of this computer's last break of any kind: a session, or a prompt let go."""
        try:
            with UnitOfWork(self._factory) as uow:
                ends = [m for m in (uow.history.last_ended(), uow.prompts.last_let_go()) if m]
        except DBAPIError as error:
            self._unless_out_of_reach(error)
            return None
        return max(ends).utc if ends else None

    def practice_counts(self) -> list[PracticeCounts]:
        """Sessions, check-ins and sparks per practice over the whole history (one query).

        From every computer sharing the history: what helps is learnt from all of them. While
        it is out of reach, the counts read last time.
        """
        try:
            with self._factory() as session:
                self._counts = practice_counts(session, None, None)
        except DBAPIError as error:
            self._unless_out_of_reach(error)
        return list(self._counts)

    def _unless_out_of_reach(self, error: DBAPIError) -> None:
        """Let an error through, unless it is a shared history out of reach (then log it)."""
        if self._outbox is None or not is_unreachable(error):
            raise error
        log.info("the shared history can't be reached for now: %s", type(error.orig).__name__)

    # --- writing ------------------------------------------------------------------------------

    def offer(
        self, practice: Practice, now: datetime, probability: float | None, quiet: bool = False
    ) -> Prompt:
        prompt = Prompt(
            id=new_id(),
            offered=Moment.of(now),
            practice_id=practice.id,
            practice_title=practice.title,
            probability=probability,
            quiet=quiet,
        )
        self._write(kept.offer_write(prompt))
        return prompt

    def decide(
        self, prompt_id: str, fate: PromptFate, now: datetime, session_id: str | None = None
    ) -> None:
        self._write(kept.decide_write(prompt_id, fate, Moment.of(now), session_id))

    def start(
        self, practice: Practice, trigger: Trigger, now: datetime, prompt_id: str | None = None
    ) -> BreakSession:
        """Write the session as soon as the practice begins (and the prompt's fate with it)."""
        session = BreakSession(
            id=new_id(),
            practice_id=practice.id,
            practice_title=practice.title,
            trigger=trigger,
            started=Moment.of(now),
        )
        self._write(kept.start_write(session, prompt_id))
        return session

    def save_checkin(
        self,
        session_id: str,
        now: datetime,
        level: int,
        body: Iterable[str] = (),
        feelings: Iterable[str] = (),
        note: str | None = None,
    ) -> CheckIn:
        """Check and commit what the person noticed; committed before this returns.

        With a shared history out of reach it is kept on this computer instead (durably,
        before this returns) and written there when the server answers again.

        Raises:
            InputError: a value can't be used; nothing was written.
        """
        checkin = make_checkin(session_id, now, level, body, feelings, note)
        self._write(kept.checkin_write(checkin))
        return checkin

    def finish(self, session_id: str, now: datetime, outcome: Outcome) -> None:
        self._write(kept.finish_write(session_id, Moment.of(now), outcome))

    def _apply(self, write: kept.Write) -> None:
        with UnitOfWork(self._factory) as uow:
            kept.apply(uow, write)
            uow.commit()

    def _write(self, write: kept.Write) -> None:
        if self._outbox is None:
            self._apply(write)
            return
        # Kept writes go first, so a check-in never reaches the server before its session.
        if self.has_pending() and not self.retry_pending():
            self._keep(write)
            return
        try:
            self._apply(write)
        except DBAPIError as error:
            if not is_unreachable(error):
                raise
            self._keep(write)

    def _keep(self, write: kept.Write) -> None:
        assert self._outbox is not None
        self._outbox.add(write)
        self._tell_once()

    def _tell_once(self) -> None:
        if not self._told:
            self._told = True
            log.warning("the shared history can't be reached; what is saved is kept here")
            self._out_of_reach()

    # --- the outbox ---------------------------------------------------------------------------

    def reach(self) -> bool:
        """Try to reach a history the app started without (now, not a minute after the last
        try); True once it is reached.

        Raises:
            DatabaseProblem: it answers, but can't be used (a newer schema, say).
        """
        if not self.connected:
            self._failure = None
            try:
                self._factory  # noqa: B018 - connects, tidies
            except DBAPIError as error:
                self._unless_out_of_reach(error)
                self._tell_once()
                return False
        return True

    def has_pending(self) -> bool:
        """Whether writes are kept on this computer, waiting for the shared history."""
        return self._outbox is not None and self._outbox.path.exists() and bool(self._outbox)

    def retry_pending(self) -> bool:
        """Write what was kept, oldest first, as far as the server lets us.

        Returns:
            True when nothing is left waiting.
        """
        if self._outbox is None:
            return True
        writes = self._outbox.pending()
        done = 0
        for write in writes:
            try:
                self._apply(write)
            except DBAPIError as error:
                if is_unreachable(error):
                    break
                self._outbox.set_aside(write, f"{type(error.orig).__name__}: {error.orig}")
            except (KeyError, ValueError, TypeError) as error:
                self._outbox.set_aside(write, f"{type(error).__name__}: {error}")
            done += 1
        if done:
            self._outbox.replace(writes[done:])
            log.info("%d kept writes are in the shared history now", done)
        if done == len(writes):
            self._told = False  # a later outage is told again
            return True
        return False
