"""What the app asks of the break records, as a Protocol: the records, or their lazy stand-in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from reconnect.core.experiments import Offer
from reconnect.core.practices import Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, CheckIn, Outcome, Trigger
from reconnect.core.spark_stats import PracticeCounts


class BreakRecordsPort(Protocol):
    """The history's records for the running app (``services.breaks.BreakRecords``).

    Every method may raise ``DatabaseProblem`` when the history can't be used; none raises
    the database's own errors.
    """

    def last_break_end(self) -> datetime | None:
        """The end of this computer's last break of any kind; None before the first."""
        ...

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]:
        """Close what the last run left open: (sessions interrupted, prompts missed)."""
        ...

    def practice_counts(self) -> list[PracticeCounts]:
        """Sessions, check-ins and sparks per practice over the whole history."""
        ...

    def experiment_offer(self) -> Offer | None:
        """What the next break offers while an experiment runs; None when none runs."""
        ...

    def offer(
        self,
        practice: Practice,
        now: datetime,
        probability: float | None,
        quiet: bool = False,
        deferred_because: str | None = None,
        experiment_id: str | None = None,
    ) -> Prompt:
        """Write an offer; ``deferred_because``: what it waits for, unseen (a call...)."""
        ...

    def decide(
        self, prompt_id: str, fate: PromptFate, now: datetime, session_id: str | None = None
    ) -> None: ...

    def start(
        self, practice: Practice, trigger: Trigger, now: datetime, prompt_id: str | None = None
    ) -> BreakSession: ...

    def save_checkin(
        self,
        session_id: str,
        now: datetime,
        level: int,
        body: Iterable[str] = (),
        feelings: Iterable[str] = (),
        note: str | None = None,
    ) -> CheckIn: ...

    def finish(self, session_id: str, now: datetime, outcome: Outcome) -> None: ...

    def reach(self) -> bool:
        """Try to reach a shared history the app started without; True once it is reached."""
        ...

    def has_pending(self) -> bool:
        """Whether writes are kept on this computer, waiting for the shared history."""
        ...

    def retry_pending(self) -> bool:
        """Write what was kept; True when nothing is left waiting."""
        ...
