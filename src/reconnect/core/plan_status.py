"""What the break planner reports: its mode, what a wake-up asks for, and a snapshot of both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Mode(StrEnum):
    """What Reconnect is doing right now, as the tray shows it."""

    ACTIVE = "active"
    PAUSED = "paused"
    DUE = "due"
    OUTSIDE_HOURS = "outside_hours"
    NO_WORKING_DAYS = "no_working_days"


class Wakeup(StrEnum):
    """What ``BreakPlanner.on_wakeup`` asks the app to do."""

    PROMPT = "prompt"
    NOTHING = "nothing"


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class Status:
    """A snapshot of the planner, with every time in the zone of the ``now`` asked about.

    Attributes:
        mode: what Reconnect is doing.
        next_break_at: the planned break; ``None`` while a break is due, a practice runs, or
            no break can be planned.
        paused_until: when a pause ends (only when paused).
        due_since: when the current break became due (only when due).
        opens_at: the next working window's opening (only outside working hours).
    """

    mode: Mode
    next_break_at: datetime | None = None
    paused_until: datetime | None = None
    due_since: datetime | None = None
    opens_at: datetime | None = None

    def to_dict(self) -> dict[str, str | None]:
        """The status as plain strings: ISO 8601 times with their UTC offset."""
        return {
            "state": self.mode.value,
            "next_break_at": _iso(self.next_break_at),
            "paused_until": _iso(self.paused_until),
            "due_since": _iso(self.due_since),
            "opens_at": _iso(self.opens_at),
        }
