"""Use cases of the break rhythm: prompts and their fates, sessions started and finished."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from reconnect.core.practices import Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.recording import make_checkin
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger, new_id
from reconnect.core.spark_stats import PracticeCounts
from reconnect.storage.stats_queries import practice_counts
from reconnect.storage.unit_of_work import UnitOfWork


class BreakRecords:
    """Writes what happens to breaks, each call its own committed unit of work."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self._factory = factory

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]:
        """Sessions left open by a crash become interrupted; undecided prompts, missed.

        Returns:
            (sessions interrupted, prompts marked missed)
        """
        moment = Moment.of(now)
        with UnitOfWork(self._factory) as uow:
            interrupted = uow.history.close_open(moment, Outcome.INTERRUPTED)
            missed = uow.prompts.close_undecided(moment)
            uow.commit()
        return interrupted, missed

    def last_break_end(self) -> datetime | None:
        """The end of the last break of any kind: a session, or a prompt let go."""
        with UnitOfWork(self._factory) as uow:
            ends = [m for m in (uow.history.last_ended(), uow.prompts.last_let_go()) if m]
        return max(ends).utc if ends else None

    def practice_counts(self) -> list[PracticeCounts]:
        """Sessions, check-ins and sparks per practice over the whole history (one query)."""
        with self._factory() as session:
            return practice_counts(session, None, None)

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
        with UnitOfWork(self._factory) as uow:
            uow.prompts.add(prompt)
            uow.commit()
        return prompt

    def decide(
        self, prompt_id: str, fate: PromptFate, now: datetime, session_id: str | None = None
    ) -> None:
        with UnitOfWork(self._factory) as uow:
            uow.prompts.decide(prompt_id, fate, Moment.of(now), session_id)
            uow.commit()

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
        with UnitOfWork(self._factory) as uow:
            uow.history.add(session)
            if prompt_id is not None:
                uow.prompts.decide(prompt_id, PromptFate.STARTED, session.started, session.id)
            uow.commit()
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

        Raises:
            InputError: a value can't be used; nothing was written.
        """
        checkin = make_checkin(session_id, now, level, body, feelings, note)
        with UnitOfWork(self._factory) as uow:
            uow.history.add_checkin(checkin)
            uow.commit()
        return checkin

    def finish(self, session_id: str, now: datetime, outcome: Outcome) -> None:
        with UnitOfWork(self._factory) as uow:
            uow.history.finish(session_id, Moment.of(now), outcome)
            uow.commit()
