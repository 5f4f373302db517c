"""The running app for the reliability tests: the real tray app and rhythm, planner, records,
practice flow and check-in dialog on a fake clock, with fakes only where the desktop would be
(the prompt window, notifications, the busy check, the scheduler's timer and the sound)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from reconnect.app import bootstrap
from reconnect.core.break_planner import BreakPlanner
from reconnect.core.clock import FakeClock
from reconnect.core.sessions import Trigger
from reconnect.core.settings import Settings
from reconnect.desktop.busy import Busy
from reconnect.desktop.sleep_watch import SleepWatch
from reconnect.paths import illustrations_dir
from reconnect.services.breaks import BreakRecords
from reconnect.services.rhythm import Rhythm
from reconnect.services.rhythm_ports import Desktop
from reconnect.ui.practice.checkin_dialog import CheckInDialog
from reconnect.ui.practice.practice_flow import PracticeFlow
from reconnect.ui.tray.tray_app import TrayApp
from tests.gui.test_player_window import FakeSound


class FakeScheduler(QObject):
    """Fires the armed wake-up once the wall clock has reached it, as APScheduler does."""

    wakeup = Signal()

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock
        self.armed_at: datetime | None = None

    def start(self) -> None: ...

    def shutdown(self) -> None: ...

    def arm(self, at: datetime | None) -> None:
        self.armed_at = at

    @property
    def next_run_at(self) -> datetime | None:
        return self.armed_at

    def check_now(self) -> None:
        if self.armed_at is not None and self.clock.now() >= self.armed_at:
            self.armed_at = None
            self.wakeup.emit()


class FakePrompt(QObject):
    """The prompt window's signals and methods; shows nothing, remembers the offer."""

    start_requested = Signal()
    another_requested = Signal()
    snooze_requested = Signal(int)
    skip_requested = Signal()
    expired = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.expiry = QTimer(self)  # ten minutes: never reached within a test
        self.visible = False
        self.offer: Any = None

    def show_offer(self, offer: Any, anchor: Any = None) -> None:
        self.offer = offer
        self.visible = True

    def withdraw(self) -> None:
        self.visible = False

    def isVisible(self) -> bool:  # noqa: N802 - Qt's name
        return self.visible


@dataclass
class FakeNotifier:
    sent: list[tuple[str, str]] = field(default_factory=list)

    def notify(self, summary: str, body: str) -> bool:
        self.sent.append((summary, body))
        return True


class NeverBusy:
    def check(self) -> Busy:
        return Busy(False, "")

    def prepare(self) -> None: ...

    def release(self) -> None: ...


@dataclass
class App:
    """One running Reconnect: its parts, and the check-in dialogs it opened."""

    context: bootstrap.Context
    clock: FakeClock
    tray: TrayApp
    rhythm: Rhythm
    flow: PracticeFlow
    records: BreakRecords
    prompt: FakePrompt
    scheduler: FakeScheduler
    notifier: FakeNotifier
    dialogs: list[CheckInDialog] = field(default_factory=list)

    def practise_until_checkin(self, practice_id: str = "hand-on-heart") -> CheckInDialog:
        """Start a practice from the tray, let it run to its end, and return the check-in."""
        self.rhythm.start_practice(practice_id, Trigger.TRAY)
        player = self.flow.player
        assert player is not None, "the practice did not start"
        player.tick_timer.stop()
        while self.flow.checkin is None:
            self.clock.advance(timedelta(seconds=30))
            player.on_tick()
        dialog = self.flow.checkin
        assert isinstance(dialog, CheckInDialog)
        return dialog

    def fire_wakeup(self) -> None:
        """Move the clock to the armed wake-up and let it fire."""
        armed = self.scheduler.armed_at
        assert armed is not None, "no break is planned"
        self.clock.advance(armed - self.clock.now())
        self.scheduler.check_now()

    def close(self) -> None:
        self.tray.sleep_watch.stop()
        for dialog in self.dialogs:
            dialog.close()
        self.context.close()


def start_app(
    data_dir: str, clock: FakeClock, settings: Settings | None = None, with_flow: bool = True
) -> App:
    """Build and start the app as ``reconnect.app.tray.build_tray_app`` does, on ``clock``.

    Args:
        with_flow: a started practice opens the player and then the check-in; without it,
            the test ends practices itself.
    """
    settings = settings or Settings({"rhythm.randomness_minutes": 0})
    context = bootstrap.build(data_dir, {}, clock)
    records = BreakRecords(context.database().session_factory)
    rng = random.Random(8)
    prompt, scheduler, notifier = FakePrompt(), FakeScheduler(clock), FakeNotifier()
    poll_timer = QTimer()
    sleep_watch = SleepWatch(clock)
    rhythm = Rhythm(
        clock=clock,
        planner=BreakPlanner(settings.rhythm(), rng, clock.now()),
        library=context.library,
        history=records,
        settings=settings,
        rng=rng,
        desktop=Desktop(None, NeverBusy(), sleep_watch, notifier, scheduler),
        load_settings=lambda: (settings, []),
    )
    tray = TrayApp(
        rhythm=rhythm,
        scheduler=scheduler,  # type: ignore[arg-type]
        sleep_watch=sleep_watch,
        poll_timer=poll_timer,
        prompt=prompt,  # type: ignore[arg-type]
        quit_app=lambda: None,
        show_dashboard=lambda: None,
        open_settings=lambda: None,
        open_help=lambda: None,
    )
    dialogs: list[CheckInDialog] = []

    def make_checkin(title: str, save: Any, note: str) -> CheckInDialog:
        dialogs.append(CheckInDialog(title, save, note))
        return dialogs[-1]

    flow = PracticeFlow(
        clock=clock,
        library=context.library,
        records=records,
        sound=FakeSound(),
        illustrations=illustrations_dir(),
        reduced_motion=lambda: True,
        music_source=lambda: None,
        choose_music=lambda: None,
        make_checkin=make_checkin,
        start_instead=lambda _pid, _trigger: None,
    )
    if with_flow:
        tray.practice_started.connect(
            lambda session_id, practice_id, trigger: flow.open(
                session_id, practice_id, Trigger(trigger)
            )
        )
        flow.done.connect(rhythm.practice_finished)
    tray.start()
    poll_timer.stop()  # a test calls poll itself, step by step
    return App(context, clock, tray, rhythm, flow, records, prompt, scheduler, notifier, dialogs)
