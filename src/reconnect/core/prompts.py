"""A prompt: one offer of a break, which practice it offered, and what became of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

# The fates are words the tray needs before any prompt is made: kept with the other words.
from reconnect.core.triggers import PromptFate

if TYPE_CHECKING:
    from reconnect.core.sessions import Moment

__all__ = ["Prompt", "PromptFate"]


@dataclass(frozen=True)
class Prompt:
    """One offer.

    Attributes:
        probability: the chance with which the suggestion picked this practice, kept so that
            later analysis of what helps stays honest; None when the person chose it.
        quiet: True when it came as a notification only (a full-screen window or
            do-not-disturb was on for too long).
        deferred_because: what held it back when it came due (``"microphone"``, ``"camera"``,
            ``"screen share"``, a calendar event, ``"full screen"``, ``"do not disturb"``):
            it waited unseen; None when it was shown at once.
        experiment_id: the experiment comparing two practices this offer belonged to
            (``core.experiments``); None for the usual offers.
        session_id: the session it started, if it did.
    """

    id: str
    offered: Moment
    practice_id: str
    practice_title: str
    probability: float | None = None
    quiet: bool = False
    fate: PromptFate | None = None
    decided: Moment | None = None
    session_id: str | None = None
    deferred_because: str | None = None
    experiment_id: str | None = None
