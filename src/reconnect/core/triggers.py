"""What started a break session and how it ended: the words the tray needs before the sessions
themselves (``core.sessions``), whose classes are made when the history is first read.
"""

from __future__ import annotations

from enum import StrEnum


class Trigger(StrEnum):
    """What started a session."""

    SCHEDULED = "scheduled"
    TRAY = "tray"
    DASHBOARD = "dashboard"
    COMMAND_LINE = "command_line"
    LOGGED = "logged"  # done away from the computer and written down afterwards


class Outcome(StrEnum):
    """How a session ended."""

    COMPLETED = "completed"
    STOPPED_EARLY = "stopped_early"
    SKIPPED = "skipped"
    SNOOZED = "snoozed"
    MISSED = "missed"
    INTERRUPTED = "interrupted"
    NATURAL_BREAK = "natural_break"
