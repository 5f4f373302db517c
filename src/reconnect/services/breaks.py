"""Use cases of the break rhythm: prompts and their fates, sessions started and finished.

Each write is a typed command (``services.break_writes``) made in its own unit of work; with a
shared history out of reach it is kept in the outbox (``services.outbox``) and written later.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from reconnect.core.experiments import Offer
from reconnect.core.practices import Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger, new_id
from reconnect.core.spark_stats import PracticeCounts
from reconnect.services.break_writes import (
    DecidePrompt,
    FinishSession,
    OfferPrompt,
    SaveCheckIn,
    StartSession,
    Write,
    apply,
)
from reconnect.services.experiments import read_offer
from reconnect.services.outbox import Kept, Outbox, Unreadable
from reconnect.storage.problems import DatabaseProblem, OutOfReach, StatementFailed
from reconnect.storage.stats_queries import practice_counts
from reconnect.storage.unit_of_work import UnitOfWork, read_session

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

RECONNECT_AFTER_S = 60.0  # a shared history the app started without: tried at most this often


class BreakRecords:
    """Writes what happens to breaks, each call its own committed unit of work.

    With a shared history on a server, a write that can't reach it is kept in the outbox and
    written when the server answers again: on the next write, and when the app's timer calls
    ``retry_pending``. The person is told once that it is out of reach. The app may even
    start while the server is away (``connect``): then every write is kept, the reads answer
    as for a newcomer, and the first time the server answers its schema is checked (and
    migrated), what the last run left open is tidied, and the kept writes follow.

    Every failure of the history is raised as ``DatabaseProblem``.

    Args:
        factory: the database's session factory; None when ``connect`` gives it later.
        outbox: where writes wait while a shared history can't be reached; None (a local
            file) lets every problem through.
        out_of_reach: called once when a write had to be kept, until all kept writes are in
            the history again (the app shows a gentle notification).
        connect: opens the shared history (checking and migrating its schema) and returns
            its session factory; raises ``OutOfReach`` while the server is away. Tried again
            when the history is needed, at most once a minute (a server that does not answer
            at all takes seconds to give up on, and the menu or a save must not wait that
            long each time).
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
        self._failure: OutOfReach | None = None

    @property
    def connected(self) -> bool:
        """Whether the history has been reached (always, for a local file)."""
        return self._factory_made is not None

    @property
    def _factory(self) -> sessionmaker[Session]:
        """The session factory, connecting first when the app started without the server.

        Raises:
            OutOfReach: the server is still out of reach (tried at most once a minute).
            DatabaseProblem: the history can't be used for another reason.
        """
        if self._factory_made is None:
            assert self._connect is not None
            now = self._monotonic()
            recent = self._failed_at is not None and now - self._failed_at < RECONNECT_AFTER_S
            if self._failure is not None and recent:
                raise OutOfReach(str(self._failure)) from self._failure.__cause__
            try:
                factory = self._connect()
            except OutOfReach as problem:
                self._failed_at, self._failure = now, problem
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
        except DatabaseProblem as problem:
            self._unless_out_of_reach(problem)
            if not self.connected:
                self._tidy_when_connected = now  # done first thing once it answers
            return 0, 0
        return interrupted, missed

    def last_break_end(self) -> datetime | None:
        """The end of this computer's last break of any kind: a session, or a prompt let go."""
        try:
            with UnitOfWork(self._factory, reading=True) as uow:
                ends = [m for m in (uow.history.last_ended(), uow.prompts.last_let_go()) if m]
        except DatabaseProblem as problem:
            self._unless_out_of_reach(problem)
            return None
        return max(ends).utc if ends else None

    def practice_counts(self) -> list[PracticeCounts]:
        """Sessions, check-ins and sparks per practice over the whole history (one query).

        From every computer sharing the history: what helps is learnt from all of them. While
        it is out of reach, the counts read last time.
        """
        try:
            with read_session(self._factory) as session:
                self._counts = practice_counts(session, None, None)
        except DatabaseProblem as problem:
            self._unless_out_of_reach(problem)
        return list(self._counts)

    def experiment_offer(self) -> Offer | None:
        """What the next break offers while an experiment runs; None when none runs (or the
        history is out of reach: the usual suggestion then)."""
        try:
            with UnitOfWork(self._factory, reading=True) as uow:
                return read_offer(uow.experiments)
        except DatabaseProblem as problem:
            self._unless_out_of_reach(problem)
        return None

    def _unless_out_of_reach(self, problem: DatabaseProblem) -> None:
        """Let a problem through, unless it is a shared history out of reach (then log it)."""
        if self._outbox is None or not isinstance(problem, OutOfReach):
            raise problem
        cause = problem.__cause__
        name = type(getattr(cause, "orig", None) or cause or problem).__name__
        log.info("the shared history can't be reached for now: %s", name)

    # --- writing ------------------------------------------------------------------------------

    def offer(
        self,
        practice: Practice,
        now: datetime,
        probability: float | None,
        quiet: bool = False,
        deferred_because: str | None = None,
        experiment_id: str | None = None,
    ) -> Prompt:
        prompt = Prompt(
            id=new_id(),
            offered=Moment.of(now),
            practice_id=practice.id,
            practice_title=practice.title,
            probability=probability,
            quiet=quiet,
            deferred_because=deferred_because,
            experiment_id=experiment_id,
        )
        self._write(OfferPrompt(prompt))
        return prompt

    def decide(
        self, prompt_id: str, fate: PromptFate, now: datetime, session_id: str | None = None
    ) -> None:
        self._write(DecidePrompt(prompt_id, fate, Moment.of(now), session_id))

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
        self._write(StartSession(session, prompt_id))
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
            DatabaseProblem: it could not be written (nor kept).
        """
        checkin = make_checkin(session_id, now, level, body, feelings, note)
        self._write(SaveCheckIn(checkin))
        return checkin

    def finish(self, session_id: str, now: datetime, outcome: Outcome) -> None:
        self._write(FinishSession(session_id, Moment.of(now), outcome))

    def _apply(self, write: Write) -> None:
        with UnitOfWork(self._factory) as uow:
            apply(uow, write)
            uow.commit()

    def _write(self, write: Write) -> None:
        if self._outbox is None:
            self._apply(write)
            return
        # Kept writes go first, so a check-in never reaches the server before its session.
        if self.has_pending() and not self.retry_pending():
            self._keep(write)
            return
        try:
            self._apply(write)
        except OutOfReach:
            self._keep(write)

    def _keep(self, write: Write) -> None:
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
            except DatabaseProblem as problem:
                self._unless_out_of_reach(problem)
                self._tell_once()
                return False
        return True

    def has_pending(self) -> bool:
        """Whether writes are kept on this computer, waiting for the shared history."""
        return self._outbox is not None and self._outbox.path.exists() and bool(self._outbox)

    def retry_pending(self) -> bool:
        """Write what was kept, oldest first, as far as the server lets us.

        A write the server refuses, or one this version can't read, is set aside.

        Returns:
            True when nothing is left waiting.
        """
        if self._outbox is None:
            return True
        writes = self._outbox.pending()
        done = 0
        for write in writes:
            try:
                why = self._refusal(write)
            except OutOfReach:
                break
            if why is not None:
                self._outbox.set_aside(write, why)
            done += 1
        if done:
            self._outbox.replace(writes[done:])
            log.info("%d kept writes are in the shared history now", done)
        if done == len(writes):
            self._told = False  # a later outage is told again
            return True
        return False

    def _refusal(self, write: Kept) -> str | None:
        """Write one kept write; None when it is in the history, else why it can't be.

        Raises:
            OutOfReach: the server is out of reach again; the write stays kept.
        """
        if isinstance(write, Unreadable):
            return write.why
        try:
            self._apply(write)
        except StatementFailed as problem:
            return problem.detail
        except (KeyError, ValueError, TypeError) as error:
            return f"{type(error).__name__}: {error}"
        return None
