"""What started a break session, how it ended, and what became of an offered break: the words
the tray needs before the sessions and prompts themselves (``core.sessions``,
``core.prompts``), whose classes are made when the history is first read or a break offered.
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


class PromptFate(StrEnum):
    """What became of an offered break. None of these is a failure."""

    STARTED = "started"
    ANOTHER = "another"  # the person asked for a different practice; a new prompt follows
    SNOOZED = "snoozed"
    SKIPPED = "skipped"
    MISSED = "missed"  # left alone until it closed by itself
    NATURAL_BREAK = "natural_break"  # the person was away when it came due
