"""Reads and writes prompts (offered breaks) and their fates."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import Moment
from reconnect.storage.database import computer_of
from reconnect.storage.idempotent import insert_new
from reconnect.storage.schema import DEFERRED_LENGTH, PromptRow


def _naive(moment: Moment) -> datetime:
    return moment.utc.replace(tzinfo=None)


def _to_prompt(row: PromptRow) -> Prompt:
    decided = (
        Moment(row.decided_at.replace(tzinfo=UTC), row.decided_offset)
        if row.decided_at is not None and row.decided_offset is not None
        else None
    )
    return Prompt(
        id=row.id,
        offered=Moment(row.offered_at.replace(tzinfo=UTC), row.offered_offset),
        practice_id=row.practice_id,
        practice_title=row.practice_title,
        probability=row.probability,
        quiet=row.quiet,
        fate=PromptFate(row.fate) if row.fate else None,
        decided=decided,
        session_id=row.session_id,
        deferred_because=row.deferred_because,
        experiment_id=row.experiment_id,
    )


class PromptRepository:
    """Prompts of one database session; callers commit through their unit of work.

    Each computer offers its own breaks: new prompts are marked with this computer's name,
    and tidying up or looking back only concerns this computer's prompts.
    """

    def __init__(self, session: Session) -> None:
        self._db = session
        self._computer = computer_of(session)

    def add(self, prompt: Prompt) -> None:
        """Write a prompt; one already there with its id (written before) stays as it is."""
        insert_new(
            self._db,
            PromptRow,
            [
                {
                    "id": prompt.id,
                    "offered_at": _naive(prompt.offered),
                    "offered_offset": prompt.offered.offset_minutes,
                    "practice_id": prompt.practice_id,
                    "practice_title": prompt.practice_title,
                    "probability": prompt.probability,
                    "quiet": prompt.quiet,
                    "fate": prompt.fate.value if prompt.fate else None,
                    "decided_at": _naive(prompt.decided) if prompt.decided else None,
                    "decided_offset": prompt.decided.offset_minutes if prompt.decided else None,
                    "session_id": prompt.session_id,
                    "deferred_because": (prompt.deferred_because or "")[:DEFERRED_LENGTH] or None,
                    "experiment_id": prompt.experiment_id,
                    "computer": self._computer,
                }
            ],
        )

    def decide(
        self, prompt_id: str, fate: PromptFate, at: Moment, session_id: str | None = None
    ) -> None:
        """Record a prompt's fate; a prompt already decided keeps its first fate."""
        self._db.execute(
            update(PromptRow)
            .where(PromptRow.id == prompt_id, PromptRow.fate.is_(None))
            .values(
                fate=fate.value,
                decided_at=_naive(at),
                decided_offset=at.offset_minutes,
                session_id=session_id,
            )
        )

    def close_undecided(self, at: Moment) -> int:
        """Prompts this computer left open when the app last stopped count as missed.

        Returns:
            How many.
        """
        result = self._db.execute(
            update(PromptRow)
            .where(PromptRow.fate.is_(None), PromptRow.computer == self._computer)
            .values(
                fate=PromptFate.MISSED.value,
                decided_at=_naive(at),
                decided_offset=at.offset_minutes,
            )
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def last_let_go(self) -> Moment | None:
        """When this computer's latest prompt was skipped, missed or met by a natural break."""
        row = self._db.execute(
            select(PromptRow.decided_at, PromptRow.decided_offset)
            .where(
                PromptRow.fate.in_(
                    [
                        PromptFate.SKIPPED.value,
                        PromptFate.MISSED.value,
                        PromptFate.NATURAL_BREAK.value,
                    ]
                ),
                PromptRow.decided_at.is_not(None),
                PromptRow.computer == self._computer,
            )
            .order_by(PromptRow.decided_at.desc())
            .limit(1)
        ).first()
        if row is None or row[0] is None or row[1] is None:
            return None
        return Moment(row[0].replace(tzinfo=UTC), row[1])

    def get(self, prompt_id: str) -> Prompt | None:
        row = self._db.get(PromptRow, prompt_id)
        return _to_prompt(row) if row else None

    def of_experiment(self, experiment_id: str) -> list[Prompt]:
        """The offers of an experiment, oldest first."""
        rows = self._db.execute(
            select(PromptRow)
            .where(PromptRow.experiment_id == experiment_id)
            .order_by(PromptRow.offered_at, PromptRow.id)
        ).scalars()
        return [_to_prompt(r) for r in rows]

    def recent(self, limit: int = 50) -> list[Prompt]:
        rows = self._db.execute(
            select(PromptRow).order_by(PromptRow.offered_at.desc()).limit(limit)
        ).scalars()
        return [_to_prompt(r) for r in rows]
