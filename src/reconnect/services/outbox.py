"""What this computer recorded while the shared history was out of reach, kept until it is back.

The outbox is a JSON-lines file in the data folder: one write (``services.break_writes``) per
line, oldest first, rewritten whole and renamed into place at every change.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, assert_never

from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, CheckIn, Moment, Outcome, Trigger
from reconnect.core.vocabulary import SparkLevel
from reconnect.paths import ensure_private_dir, write_private
from reconnect.services.break_writes import (
    DecidePrompt,
    FinishSession,
    OfferPrompt,
    SaveCheckIn,
    StartSession,
    Write,
)

log = logging.getLogger(__name__)

OUTBOX_FILE = "outbox.jsonl"
SET_ASIDE_FILE = "outbox-set-aside.jsonl"


@dataclass(frozen=True)
class Unreadable:
    """A kept line this version can't make a write of (damaged, or from a newer version).

    It is set aside with the others the server refused, never dropped.

    Attributes:
        data: the line as it was read: its JSON value, or its text when it is not JSON.
        why: what is wrong with it.
    """

    data: object
    why: str


Kept = Write | Unreadable


class Outbox:
    """The kept writes of one data folder.

    Writing a kept line to the server again is harmless (the ids are fresh UUIDs and the
    history's writes are idempotent), so a line is only taken out once the server has it. A
    line the server refuses for another reason than being out of reach (say, a check-in for a
    moment deleted meanwhile on another computer) is moved to ``outbox-set-aside.jsonl``
    beside it, with the reason, so it can't block the others and is never silently lost.

    Args:
        path: the outbox file (``DataPaths.root / OUTBOX_FILE``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.set_aside_path = path.with_name(SET_ASIDE_FILE)

    def pending(self) -> list[Kept]:
        """The kept writes, oldest first (none when there is no file)."""
        return [read_line(line) for line in _lines(self.path)]

    def __len__(self) -> int:
        return len(self.pending())

    def add(self, write: Write) -> None:
        """Keep one more write, after the others.

        Raises:
            OSError: the data folder can't be written.
        """
        self.replace([*self.pending(), write])

    def replace(self, writes: Iterable[Kept]) -> None:
        """Keep exactly these writes (what is left after some reached the server)."""
        kept = [line_of(write) for write in writes]
        if kept:
            _write_whole(self.path, kept)
        else:
            self.path.unlink(missing_ok=True)

    def set_aside(self, write: Kept, why: str) -> None:
        """Move a write the server refused out of the way, with the reason, never deleting it."""
        log.warning("a kept %s could not be written to the shared history: %s", tag_of(write), why)
        line = line_of(write)
        aside = line | {"why": why} if isinstance(line, dict) else {"unreadable": line, "why": why}
        _write_whole(self.set_aside_path, [*_lines(self.set_aside_path), aside])

    def set_aside_writes(self) -> list[tuple[Kept, str]]:
        """What was set aside, oldest first, each with the reason it was."""
        found: list[tuple[Kept, str]] = []
        for line in _lines(self.set_aside_path):
            if isinstance(line, dict) and "why" in line:
                why = str(line["why"])
                rest = {key: value for key, value in line.items() if key != "why"}
                found.append((read_line(rest.get("unreadable", rest)), why))
            else:
                found.append((read_line(line), ""))
        return found


def _lines(path: Path) -> list[object]:
    """The file's lines, each as its JSON value, or as its text when it is not JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    lines: list[object] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            lines.append(json.loads(line))
        except ValueError:
            log.warning("line %d of %s is not readable; it will be set aside", number, path)
            lines.append(line)
    return lines


def _write_whole(path: Path, lines: list[object]) -> None:
    ensure_private_dir(path.parent)
    text = (json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n" for line in lines)
    write_private(path, "".join(text).encode("utf-8"))


# --- the writes as lines ------------------------------------------------------------------
#
# A line names its write under "type". The previous version wrote the same writes nested,
# named under "op" ("start", "finish", "checkin", "offer", "decide"): read as well, so what
# it kept is written after an update.

TAGS: dict[type[Write], str] = {
    OfferPrompt: "offer_prompt",
    DecidePrompt: "decide_prompt",
    StartSession: "start_session",
    FinishSession: "finish_session",
    SaveCheckIn: "save_checkin",
}


def tag_of(write: Kept) -> str:
    """The name of a write's kind, as in its line ("unreadable" for an unreadable line)."""
    return "unreadable" if isinstance(write, Unreadable) else TAGS[type(write)]


def line_of(write: Kept) -> object:
    """The JSON value of a write's line (an unreadable line's, as it was read)."""
    match write:
        case OfferPrompt(prompt=prompt):
            return {
                "type": TAGS[OfferPrompt],
                "id": prompt.id,
                "offered": prompt.offered.isoformat(),
                "practice_id": prompt.practice_id,
                "practice_title": prompt.practice_title,
                "probability": prompt.probability,
                "quiet": prompt.quiet,
                "deferred_because": prompt.deferred_because,
                "experiment_id": prompt.experiment_id,
            }
        case DecidePrompt(prompt_id=prompt_id, fate=fate, at=at, session_id=session_id):
            return {
                "type": TAGS[DecidePrompt],
                "prompt_id": prompt_id,
                "fate": fate.value,
                "at": at.isoformat(),
                "session_id": session_id,
            }
        case StartSession(session=session, prompt_id=prompt_id):
            return {
                "type": TAGS[StartSession],
                "id": session.id,
                "practice_id": session.practice_id,
                "practice_title": session.practice_title,
                "trigger": session.trigger.value,
                "started": session.started.isoformat(),
                "prompt_id": prompt_id,
            }
        case FinishSession(session_id=session_id, ended=ended, outcome=outcome):
            return {
                "type": TAGS[FinishSession],
                "session_id": session_id,
                "ended": ended.isoformat(),
                "outcome": outcome.value,
            }
        case SaveCheckIn(checkin=checkin):
            return {"type": TAGS[SaveCheckIn], **_checkin_data(checkin)}
        case Unreadable(data=data):
            return data
        case _:
            assert_never(write)


def read_line(line: object) -> Kept:
    """The write a line holds, in this version's form or the previous one's; ``Unreadable``
    when it holds none this version knows."""
    if not isinstance(line, dict):
        return Unreadable(line, "not a kept write")
    try:
        if "type" in line:
            return _write_of(line)
        if "op" in line:
            return _old_write_of(line)
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        return Unreadable(line, f"{type(error).__name__}: {error}")
    return Unreadable(line, "not a kept write")


def _write_of(data: dict[str, Any]) -> Write:
    match data["type"]:
        case "offer_prompt":
            return OfferPrompt(_prompt_of(data))
        case "decide_prompt":
            return _decide_of(data)
        case "start_session":
            return StartSession(_session_of(data), data["prompt_id"])
        case "finish_session":
            return _finish_of(data)
        case "save_checkin":
            return SaveCheckIn(_checkin_of(data))
    raise ValueError(f"unknown kept write {data['type']!r}")


def _old_write_of(data: dict[str, Any]) -> Write:
    """A line of the previous version: {"op": ..., "session" | "checkin" | "prompt": {...}}."""
    match data["op"]:
        case "offer":
            return OfferPrompt(_prompt_of(data["prompt"]))
        case "decide":
            return _decide_of(data)
        case "start":
            return StartSession(_session_of(data["session"]), data.get("prompt_id"))
        case "finish":
            return _finish_of(data)
        case "checkin":
            return SaveCheckIn(_checkin_of(data["checkin"]))
    raise ValueError(f"unknown kept write {data['op']!r}")


def _prompt_of(data: dict[str, Any]) -> Prompt:
    return Prompt(
        id=_text(data["id"]),
        offered=Moment.parse(data["offered"]),
        practice_id=_text(data["practice_id"]),
        practice_title=_text(data["practice_title"]),
        probability=None if data["probability"] is None else float(data["probability"]),
        quiet=bool(data["quiet"]),
        # Lines kept by older versions have no such field: their prompts were not held back.
        deferred_because=_text(data["deferred_because"]) if data.get("deferred_because") else None,
        experiment_id=_text(data["experiment_id"]) if data.get("experiment_id") else None,
    )


def _decide_of(data: dict[str, Any]) -> DecidePrompt:
    session_id = data.get("session_id")
    return DecidePrompt(
        prompt_id=_text(data["prompt_id"]),
        fate=PromptFate(data["fate"]),
        at=Moment.parse(data["at"]),
        session_id=None if session_id is None else _text(session_id),
    )


def _session_of(data: dict[str, Any]) -> BreakSession:
    return BreakSession(
        id=_text(data["id"]),
        practice_id=_text(data["practice_id"]),
        practice_title=_text(data["practice_title"]),
        trigger=Trigger(data["trigger"]),
        started=Moment.parse(data["started"]),
    )


def _finish_of(data: dict[str, Any]) -> FinishSession:
    return FinishSession(
        session_id=_text(data["session_id"]),
        ended=Moment.parse(data["ended"]),
        outcome=Outcome(data["outcome"]),
    )


def _checkin_data(checkin: CheckIn) -> dict[str, object]:
    return {
        "id": checkin.id,
        "session_id": checkin.session_id,
        "at": checkin.at.isoformat(),
        "level": int(checkin.level),
        "body_areas": list(checkin.body_areas),
        "feelings": list(checkin.feelings),
        "note": checkin.note,
    }


def _checkin_of(data: dict[str, Any]) -> CheckIn:
    return CheckIn(
        id=_text(data["id"]),
        session_id=_text(data["session_id"]),
        at=Moment.parse(data["at"]),
        level=SparkLevel(data["level"]),
        body_areas=tuple(_text(area) for area in data["body_areas"]),
        feelings=tuple(_text(word) for word in data["feelings"]),
        note=_text(data["note"]),
    )


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value
