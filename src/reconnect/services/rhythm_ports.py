"""What the break rhythm needs of the history, the desktop and the windows, as small Protocols."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from reconnect.core.triggers import PromptFate, Trigger

if TYPE_CHECKING:  # not imported at start: the tray shows itself without them
    from reconnect.core.experiments import Offer
    from reconnect.core.practices import Practice
    from reconnect.core.prompts import Prompt
    from reconnect.core.sessions import BreakSession
    from reconnect.core.spark_stats import PracticeCounts


class BreakHistory(Protocol):
    """What the rhythm writes and reads of the history (``services.breaks.BreakRecords``).

    Every method may raise what the history raises when the disk, the folder or the database
    fails; the rhythm tells the person and goes on.
    """

    def offer(
        self,
        practice: Practice,
        now: datetime,
        probability: float | None,
        quiet: bool = False,
        deferred_because: str | None = None,
        experiment_id: str | None = None,
    ) -> Prompt: ...

    def decide(self, prompt_id: str, fate: PromptFate, now: datetime) -> None: ...

    def start(
        self, practice: Practice, trigger: Trigger, now: datetime, prompt_id: str | None = None
    ) -> BreakSession: ...

    def practice_counts(self) -> Sequence[PracticeCounts]: ...

    def experiment_offer(self) -> Offer | None:
        """What the next break offers while an experiment runs (``core.experiments``)."""
        ...

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]: ...


class Presence(Protocol):
    """How long the person has not touched keyboard or mouse (``desktop.idle``)."""

    @property
    def name(self) -> str:
        """What answers, for ``status``: "X11 screen saver extension", "GNOME Mutter"..."""
        ...

    def idle_seconds(self) -> float | None:
        """Seconds since the last input; None when the question failed this time."""
        ...


class BusyState(Protocol):
    """One answer of the busy check (``desktop.busy.Busy``)."""

    @property
    def busy(self) -> bool: ...

    @property
    def reason(self) -> str: ...


class BusyCheck(Protocol):
    """Whether a full-screen window or do-not-disturb asks a due break to wait."""

    def check(self) -> BusyState: ...

    def prepare(self) -> None:
        """A break is due within a minute (or waits): listen to the desktop from now."""
        ...

    def release(self) -> None:
        """No break is near: stop listening, so nothing wakes the app between breaks."""
        ...


class SleepCheck(Protocol):
    """The sleep watch: checked at each poll; it reports a resume as an event of its own,
    which the adapter forwards to ``Rhythm.on_resumed``."""

    def check(self) -> None: ...


class Notify(Protocol):
    """A quiet desktop notification."""

    def notify(self, summary: str, body: str) -> object: ...


class OfferNotice(Protocol):
    """The break offered as a desktop notification with actions, where a new window could take
    the keyboard (Wayland); the person's choice comes back as ``Rhythm.answer``."""

    def offer(self, practice: Practice) -> bool:
        """Show (or replace) the offer; False when the desktop can't show its actions."""
        ...

    def withdraw(self) -> None: ...


# The choices of a waiting break, as the notification's actions and the tray menu name them.
ANSWERS = ("start", "another", "snooze", "skip", "default")
SNOOZE_MINUTES = 10  # a snooze chosen from the notification, which has no room for a list


class Wakeups(Protocol):
    """The one timer that wakes the rhythm (``desktop.scheduler.BreakScheduler``); its
    wake-up is an event the adapter forwards to ``Rhythm.on_wakeup``."""

    def arm(self, at: datetime | None) -> None: ...

    def check_now(self) -> None:
        """Fire at once when the armed time has passed (after sleep)."""
        ...

    @property
    def next_run_at(self) -> datetime | None: ...


class PromptSurface(Protocol):
    """The prompt window: shows one offer; the person's answers come back as calls."""

    def show_offer(self, practice: Practice) -> None:
        """Show (or update) the offer and restart its expiry."""
        ...

    def withdraw(self) -> None: ...

    def is_visible(self) -> bool: ...

    def start_expiry(self) -> None:
        """Let the offer expire after the usual wait, shown or not."""
        ...


class RhythmEvents(Protocol):
    """What the rhythm tells the rest of the app, or asks of it."""

    def changed(self) -> None:
        """Anything the tray shows may have changed."""
        ...

    def practice_started(self, session_id: str, practice_id: str, trigger: Trigger) -> None:
        """A practice begins, its session written: its window should open."""
        ...

    def quit_requested(self) -> None:
        """Close the app soon (after the answer to the command line has gone)."""
        ...

    def dashboard_requested(self) -> None: ...


@dataclass(frozen=True)
class Desktop:
    """What the desktop tells the rhythm, or does for it.

    Attributes:
        presence: idle time; None where it can't be read (then no natural breaks).
        busy: the full-screen and do-not-disturb check.
        sleep: the sleep watch, checked at each poll.
        notifier: quiet notifications.
        wakeups: the timer that wakes the rhythm.
        notice: where a new window could take the keyboard, the break is offered through this
            notification instead of the prompt window; None: the prompt window (X11).
    """

    presence: Presence | None
    busy: BusyCheck
    sleep: SleepCheck
    notifier: Notify
    wakeups: Wakeups
    notice: OfferNotice | None = None


class Unseen:
    """A prompt surface that shows nothing: the rhythm's until the adapter attaches its own."""

    def show_offer(self, practice: Practice) -> None: ...

    def withdraw(self) -> None: ...

    def is_visible(self) -> bool:
        return False

    def start_expiry(self) -> None: ...


class Unheard:
    """Events nobody listens to: the rhythm's until the adapter attaches its own."""

    def changed(self) -> None: ...

    def practice_started(self, session_id: str, practice_id: str, trigger: Trigger) -> None: ...

    def quit_requested(self) -> None: ...

    def dashboard_requested(self) -> None: ...
