"""The break records' writes as typed commands, and how a unit of work makes each of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, assert_never

from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome

if TYPE_CHECKING:  # the commands alone need no database (the outbox file only names them)
    from reconnect.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class OfferPrompt:
    """A break offered: the prompt as it was shown, not decided yet."""

    prompt: Prompt

    def __post_init__(self) -> None:
        if self.prompt.fate is not None or self.prompt.decided is not None:
            raise ValueError("an offered prompt is not decided yet (DecidePrompt follows)")


@dataclass(frozen=True)
class DecidePrompt:
    """A prompt's fate; a prompt decided before keeps its first fate."""

    prompt_id: str
    fate: PromptFate
    at: Moment
    session_id: str | None = None


@dataclass(frozen=True)
class StartSession:
    """A practice begun, written as soon as it begins; with the prompt it answered, if any."""

    session: BreakSession
    prompt_id: str | None = None

    def __post_init__(self) -> None:
        session = self.session
        if session.ended is not None or session.outcome is not None or session.checkin is not None:
            raise ValueError("a session starts open (FinishSession and SaveCheckIn follow)")


@dataclass(frozen=True)
class FinishSession:
    """How and when a session ended."""

    session_id: str
    ended: Moment
    outcome: Outcome


@dataclass(frozen=True)
class SaveCheckIn:
    """What the person noticed after a practice."""

    checkin: CheckIn


Write = OfferPrompt | DecidePrompt | StartSession | FinishSession | SaveCheckIn


def apply(uow: UnitOfWork, write: Write) -> None:
    """Make one write in a unit of work (the caller commits). Safe to repeat.

    Raises:
        KeyError: a session to finish is not in the history.
        DatabaseProblem: the database refused it or can't be reached.
    """
    match write:
        case OfferPrompt(prompt=prompt):
            uow.prompts.add(prompt)
            if prompt.experiment_id is not None:  # its last planned break ends it
                uow.experiments.end_when_complete(prompt.experiment_id, prompt.offered)
        case DecidePrompt(prompt_id=prompt_id, fate=fate, at=at, session_id=session_id):
            uow.prompts.decide(prompt_id, fate, at, session_id)
        case StartSession(session=session, prompt_id=prompt_id):
            uow.history.add(session)
            if prompt_id:
                uow.prompts.decide(prompt_id, PromptFate.STARTED, session.started, session.id)
        case FinishSession(session_id=session_id, ended=ended, outcome=outcome):
            uow.history.finish(session_id, ended, outcome)
        case SaveCheckIn(checkin=checkin):
            uow.history.add_checkin(checkin)
        case _:
            assert_never(write)
