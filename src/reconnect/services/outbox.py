"""What this computer recorded while the shared history was out of reach, kept until it is back.

The outbox is a JSON-lines file in the data folder: one write per line (a session started or
finished, a check-in, a prompt offered or decided), as plain data, oldest first. Every change
writes the whole file anew under a temporary name, makes it durable and renames it into place,
so the file on disk is always whole. Writing a kept line to the server again is harmless (the
ids are fresh UUIDs and the history's writes are idempotent), so a line is only taken out once
the server has it, and a crash in between costs nothing.

A line the server refuses for another reason than being out of reach (say, a check-in for a
moment deleted meanwhile on another computer) is moved to ``outbox-set-aside.jsonl`` beside
it, so it can't block the others and is never silently lost.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import SparkLevel
from reconnect.paths import ensure_private_dir, write_private

if TYPE_CHECKING:  # the file alone needs no database (data removal only names it)
    from reconnect.storage.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.jsonl"
SET_ASIDE_FILE = "outbox-set-aside.jsonl"

Write = dict[str, Any]


class Outbox:
    """The kept writes of one data folder.

    Args:
        path: the outbox file (``DataPaths.root / OUTBOX_FILE``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.set_aside_path = path.with_name(SET_ASIDE_FILE)

    def pending(self) -> list[Write]:
        """The kept writes, oldest first (none when there is no file)."""
        return [write for write in _read(self.path) if isinstance(write, dict)]

    def __len__(self) -> int:
        return len(self.pending())

    def add(self, write: Write) -> None:
        """Keep one more write, after the others.

        Raises:
            OSError: the data folder can't be written.
        """
        self.replace([*self.pending(), write])

    def replace(self, writes: Iterable[Write]) -> None:
        """Keep exactly these writes (what is left after some reached the server)."""
        kept = list(writes)
        if kept:
            _write_whole(self.path, kept)
        else:
            self.path.unlink(missing_ok=True)

    def set_aside(self, write: Write, why: str) -> None:
        """Move a write the server refused out of the way, with the reason, never deleting it."""
        log.warning("a kept %s could not be written to the shared history: %s", write["op"], why)
        _write_whole(self.set_aside_path, [*_read(self.set_aside_path), {**write, "why": why}])


def _read(path: Path) -> list[Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    writes = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            writes.append(json.loads(line))
        except ValueError:
            log.warning("line %d of %s is not readable and was left out", number, path)
    return writes


def _write_whole(path: Path, writes: list[Any]) -> None:
    ensure_private_dir(path.parent)
    lines = (json.dumps(write, ensure_ascii=False, sort_keys=True) + "\n" for write in writes)
    write_private(path, "".join(lines).encode("utf-8"))


# --- the writes, as plain data ------------------------------------------------------------------


def start_write(session: BreakSession, prompt_id: str | None) -> Write:
    return {
        "op": "start",
        "session": {
            "id": session.id,
            "practice_id": session.practice_id,
            "practice_title": session.practice_title,
            "trigger": session.trigger.value,
            "started": session.started.isoformat(),
        },
        "prompt_id": prompt_id,
    }


def finish_write(session_id: str, ended: Moment, outcome: Outcome) -> Write:
    return {
        "op": "finish",
        "session_id": session_id,
        "ended": ended.isoformat(),
        "outcome": outcome.value,
    }


def checkin_write(checkin: CheckIn) -> Write:
    return {
        "op": "checkin",
        "checkin": {
            "id": checkin.id,
            "session_id": checkin.session_id,
            "at": checkin.at.isoformat(),
            "level": int(checkin.level),
            "body_areas": list(checkin.body_areas),
            "feelings": list(checkin.feelings),
            "note": checkin.note,
        },
    }


def offer_write(prompt: Prompt) -> Write:
    return {
        "op": "offer",
        "prompt": {
            "id": prompt.id,
            "offered": prompt.offered.isoformat(),
            "practice_id": prompt.practice_id,
            "practice_title": prompt.practice_title,
            "probability": prompt.probability,
            "quiet": prompt.quiet,
        },
    }


def decide_write(prompt_id: str, fate: PromptFate, at: Moment, session_id: str | None) -> Write:
    return {
        "op": "decide",
        "prompt_id": prompt_id,
        "fate": fate.value,
        "at": at.isoformat(),
        "session_id": session_id,
    }


def apply(uow: UnitOfWork, write: Write) -> None:
    """Make one write in a unit of work (the caller commits). Safe to repeat.

    Raises:
        KeyError: a session to finish is not in the history.
        ValueError: the write is not one this version knows.
        sqlalchemy.exc.DBAPIError: the database refused it or can't be reached.
    """
    op = write["op"]
    if op == "start":
        data = write["session"]
        session = BreakSession(
            id=data["id"],
            practice_id=data["practice_id"],
            practice_title=data["practice_title"],
            trigger=Trigger(data["trigger"]),
            started=Moment.parse(data["started"]),
        )
        uow.history.add(session)
        if write.get("prompt_id"):
            uow.prompts.decide(write["prompt_id"], PromptFate.STARTED, session.started, session.id)
    elif op == "finish":
        uow.history.finish(
            write["session_id"], Moment.parse(write["ended"]), Outcome(write["outcome"])
        )
    elif op == "checkin":
        data = write["checkin"]
        uow.history.add_checkin(
            CheckIn(
                id=data["id"],
                session_id=data["session_id"],
                at=Moment.parse(data["at"]),
                level=SparkLevel(data["level"]),
                body_areas=tuple(data["body_areas"]),
                feelings=tuple(data["feelings"]),
                note=data["note"],
            )
        )
    elif op == "offer":
        data = write["prompt"]
        uow.prompts.add(
            Prompt(
                id=data["id"],
                offered=Moment.parse(data["offered"]),
                practice_id=data["practice_id"],
                practice_title=data["practice_title"],
                probability=data["probability"],
                quiet=data["quiet"],
            )
        )
    elif op == "decide":
        uow.prompts.decide(
            write["prompt_id"],
            PromptFate(write["fate"]),
            Moment.parse(write["at"]),
            write.get("session_id"),
        )
    else:
        raise ValueError(f"unknown kept write {op!r}")
