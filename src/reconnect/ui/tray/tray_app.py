"""The running tray app's Qt side: timers, signals and the prompt window around the rhythm.

The rhythm (``services.rhythm.Rhythm``, plain Python) decides; this adapter forwards the
scheduler's, sleep watch's, prompt's and tray's signals to it and shows what it asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, SignalInstance

from reconnect.core.pace import POLL_MS  # the app sets its paced interval (tests run faster)
from reconnect.core.triggers import Trigger
from reconnect.services.rhythm import Rhythm

if TYPE_CHECKING:
    from reconnect.core.practices import Practice
    from reconnect.ui.tray.prompt_window import Offer, PromptWindow


class WakeupScheduler(Protocol):
    """The scheduler bridge (``desktop.scheduler.BreakScheduler``): says when a wake-up is due."""

    wakeup: SignalInstance

    def start(self) -> None: ...

    def shutdown(self) -> None: ...


class SleepSignal(Protocol):
    """The sleep watch (``desktop.sleep_watch.SleepWatch``): says when the computer woke up."""

    resumed: SignalInstance

    def start(self) -> object: ...


@dataclass
class Surface:
    """Where the controls live: the tray icon, or the window that stands in for it."""

    widget: Any  # TrayIcon or ControlWindow: both have the same signals
    refresh: Callable[[], None]
    anchor: Callable[[], Any]


class TrayApp(QObject):
    """Reconnect while it runs, on the Qt side: one per process.

    It is the rhythm's prompt surface (``services.rhythm_ports.PromptSurface``), and tells the
    rest of the app what the rhythm reports, as signals.

    Signals:
        practice_started(str, str, str): session id, practice id and trigger, once the
            session is written.
        state_changed: anything the tray shows may have changed.
    """

    practice_started = Signal(str, str, str)
    state_changed = Signal()

    def __init__(
        self,
        *,
        rhythm: Rhythm,
        scheduler: WakeupScheduler,
        sleep_watch: SleepSignal,
        poll_timer: QTimer,
        quit_app: Callable[[], None],
        show_dashboard: Callable[[], None],
        open_settings: Callable[[], None],
        open_help: Callable[[], None],
        prompt: PromptWindow | None = None,
        make_prompt: Callable[[], PromptWindow] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``prompt`` is the prompt window; or ``make_prompt`` makes it when the first break is
        offered (the running app: not at start)."""
        super().__init__(parent)
        self.rhythm = rhythm
        self.scheduler = scheduler
        self.sleep_watch = sleep_watch
        self.poll_timer = poll_timer
        self._quit_app = quit_app
        self._show_dashboard = show_dashboard
        self._open_settings = open_settings
        self._open_help = open_help
        self._prompt: PromptWindow | None = None
        self._make_prompt = make_prompt
        self.surface: Surface | None = None

        rhythm.attach(self, _Events(self))
        scheduler.wakeup.connect(rhythm.on_wakeup)
        sleep_watch.resumed.connect(rhythm.on_resumed)
        poll_timer.setInterval(POLL_MS)
        poll_timer.timeout.connect(rhythm.poll)
        if prompt is not None:
            self._wire_prompt(prompt)
        elif make_prompt is None:
            raise TypeError("TrayApp needs a prompt window or a way to make one")

    @property
    def prompt(self) -> PromptWindow:
        """The prompt window, made the first time a break is offered."""
        if self._prompt is None:
            assert self._make_prompt is not None
            self._wire_prompt(self._make_prompt())
        assert self._prompt is not None
        return self._prompt

    def _wire_prompt(self, prompt: PromptWindow) -> None:
        self._prompt = prompt
        rhythm = self.rhythm
        prompt.start_requested.connect(rhythm.prompt_start)
        prompt.another_requested.connect(rhythm.prompt_another)
        prompt.snooze_requested.connect(rhythm.prompt_snooze)
        prompt.skip_requested.connect(rhythm.prompt_skip)
        prompt.expired.connect(rhythm.prompt_expired)

    def attach(self, surface: Surface) -> None:
        """Connect the tray (or its stand-in window) to the rhythm's actions; a surface
        attached before (the stand-in window, when the tray comes later) is let go."""
        if self.surface is not None:
            self.state_changed.disconnect(self.surface.refresh)
        self.surface = surface
        widget, rhythm = surface.widget, self.rhythm
        widget.start_practice.connect(lambda pid: rhythm.start_told(pid, Trigger.TRAY))
        widget.snooze.connect(rhythm.snooze)
        widget.skip.connect(rhythm.skip)
        widget.pause.connect(rhythm.pause_spec)
        widget.resume.connect(rhythm.resume)
        widget.open_dashboard.connect(rhythm.open_dashboard)
        widget.open_settings.connect(self._open_settings)
        widget.open_help.connect(self._open_help)
        widget.quit_requested.connect(rhythm.quit)
        widget.answer_waiting.connect(rhythm.answer)
        self.state_changed.connect(surface.refresh)

    def open_from_tray(self) -> None:
        """A left click on the tray: the waiting break's prompt, in front; or the dashboard."""
        waiting = self.rhythm.current_prompt
        practice = self.rhythm.library.get(waiting.practice_id) if waiting else None
        if practice is None:
            self._show_dashboard()
            return
        self.show_offer(practice)
        self.prompt.activateWindow()  # asked for: it may take the keyboard

    def start(self, tidy: bool = True, watch_sleep: bool = True) -> None:
        """Tidy what the last run left (unless the caller does it later), then plan and arm
        the first wake-up; and watch for sleep, unless the caller does it later."""
        if tidy:
            self.rhythm.tidy()
        self.scheduler.start()
        self.rhythm.arm()
        self.poll_timer.start()
        if watch_sleep:
            self.sleep_watch.start()

    def let_go_of_history(self) -> None:
        """No break comes and nothing is written any more (the history is about to close);
        the open prompt is let go unrecorded."""
        self.rhythm.forget_prompt()
        self.poll_timer.stop()
        self.scheduler.shutdown()

    def _shutdown(self) -> None:
        self.rhythm.shutdown()
        self.poll_timer.stop()
        self.scheduler.shutdown()
        self._quit_app()

    # --- the prompt surface --------------------------------------------------------------

    def show_offer(self, practice: Practice) -> None:
        anchor = self.surface.anchor() if self.surface else None
        self.prompt.show_offer(offer_of(practice), anchor)

    def withdraw(self) -> None:
        if self._prompt is not None:
            self._prompt.withdraw()

    def is_visible(self) -> bool:
        prompt = self._prompt
        return prompt is not None and shiboken6.isValid(prompt) and prompt.isVisible()

    def start_expiry(self) -> None:
        self.prompt.expiry.start()


class _Events:
    """The rhythm's events, as the app's signals and calls."""

    def __init__(self, app: TrayApp) -> None:
        self._app = app

    def changed(self) -> None:
        self._app.state_changed.emit()

    def practice_started(self, session_id: str, practice_id: str, trigger: Trigger) -> None:
        self._app.practice_started.emit(session_id, practice_id, trigger.value)

    def quit_requested(self) -> None:
        # Queued: the answer to the command line goes out first.
        QTimer.singleShot(0, self._app._shutdown)

    def dashboard_requested(self) -> None:
        self._app._show_dashboard()


def offer_of(practice: Practice) -> Offer:
    # Imported here: the tray shows itself before the prompt's window class is needed.
    from reconnect.ui.tray.prompt_window import Offer

    return Offer(
        practice_id=practice.id,
        title=practice.title,
        summary=practice.summary,
        minutes=practice.minutes,
        senses=practice.senses,
        place=QCoreApplication.translate("Vocabulary", practice.place.label),
    )
