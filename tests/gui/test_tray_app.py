"""The Qt side of the running app on a fake clock: the scheduler's wake-up, the prompt's buttons,
the tray's menu and the sleep watch reach the rhythm, and what it decides shows and is recorded.

The rhythm's decisions themselves are tested without Qt in tests/unit/test_rhythm.py."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.break_planner import BreakPlanner
from reconnect.core.clock import FakeClock
from reconnect.core.settings import Settings
from reconnect.desktop.busy import Busy
from reconnect.desktop.scheduler import BreakScheduler
from reconnect.desktop.sleep_watch import SleepWatch
from reconnect.services.breaks import BreakRecords
from reconnect.services.rhythm import Rhythm
from reconnect.services.rhythm_ports import Desktop
from reconnect.ui.tray.prompt_window import PromptWindow
from reconnect.ui.tray.tray_app import Surface, TrayApp
from reconnect.ui.tray.tray_icon import TrayIcon

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_MORNING = datetime(2026, 11, 17, 9, 30, tzinfo=BERLIN)


@dataclass
class FakeNotifier:
    sent: list[tuple[str, str]] = field(default_factory=list)

    def notify(self, summary: str, body: str) -> bool:
        self.sent.append((summary, body))
        return True


@dataclass
class FakeBusy:
    busy: bool = False

    def check(self) -> Busy:
        return Busy(self.busy, "full screen" if self.busy else "")

    def prepare(self) -> None: ...

    def release(self) -> None: ...


@dataclass
class FakeIdle:
    seconds: float = 0.0
    name: str = "fake idle monitor"

    def idle_seconds(self) -> float | None:
        return self.seconds


@dataclass
class Harness:
    app: TrayApp
    rhythm: Rhythm
    clock: FakeClock
    tray: TrayIcon
    notifier: FakeNotifier
    busy: FakeBusy
    idle: FakeIdle
    data_dir: Path
    quit_calls: list[bool]
    opened: list[str]

    def db(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.data_dir / "reconnect.db") as connection:
            rows = connection.execute(sql).fetchall()
        connection.close()
        return rows

    def fire_wakeup(self) -> None:
        """Move the clock to the armed time and let the scheduler's job run."""
        armed = self.app.scheduler.armed_at
        assert armed is not None
        self.clock.advance(armed - self.clock.now())
        self.app.scheduler.wakeup.emit()


class UnshowablePrompt(PromptWindow):
    """A prompt window the desktop won't show (as a compositor may refuse a window)."""

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt's name
        super().setVisible(False)


@pytest.fixture
def prompt_class() -> type[PromptWindow]:
    """The prompt window the app is given; a test may parametrize another."""
    return PromptWindow


@pytest.fixture
def harness(
    qtbot: QtBot, tmp_path: Path, with_tray: object, prompt_class: type[PromptWindow]
) -> Iterator[Harness]:
    clock = FakeClock(TUESDAY_MORNING)
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    records = BreakRecords(context.database().session_factory)
    settings = Settings()
    rng = random.Random(4)
    notifier, busy, idle = FakeNotifier(), FakeBusy(), FakeIdle()
    quit_calls: list[bool] = []
    opened: list[str] = []
    prompt = prompt_class()
    qtbot.addWidget(prompt)
    scheduler, sleep_watch = BreakScheduler(), SleepWatch(clock)
    rhythm = Rhythm(
        clock=clock,
        planner=BreakPlanner(settings.rhythm(), rng, clock.now()),
        library=context.library,
        history=records,
        settings=settings,
        rng=rng,
        desktop=Desktop(idle, busy, sleep_watch, notifier, scheduler),
        load_settings=lambda: (Settings({"rhythm.interval_minutes": 45}), []),
    )
    app = TrayApp(
        rhythm=rhythm,
        scheduler=scheduler,
        sleep_watch=sleep_watch,
        poll_timer=QTimer(),
        prompt=prompt,
        quit_app=lambda: quit_calls.append(True),
        show_dashboard=lambda: opened.append("history"),
        open_settings=lambda: opened.append("settings"),
        open_help=lambda: opened.append("help"),
    )
    tray = TrayIcon(app.rhythm.menu_state)
    tray.show()
    app.attach(Surface(tray, tray.refresh, tray.geometry))
    app.start()
    yield Harness(
        app, rhythm, clock, tray, notifier, busy, idle, tmp_path / "data", quit_calls, opened
    )
    app.poll_timer.stop()
    app.scheduler.shutdown()
    tray.hide()
    context.close()


def test_the_first_break_of_the_day_is_planned_and_shown(harness: Harness) -> None:
    status = harness.rhythm.status()
    assert status["state"] == "active"
    assert status["next_break_at"] == "2026-11-17T10:00:00+01:00"
    assert harness.app.scheduler.armed_at == datetime(2026, 11, 17, 10, 0, tzinfo=BERLIN)
    assert harness.tray.icon.toolTip() == "Reconnect\nNext break at 10:00, in 30 min"
    assert status["suggested_practice"] in harness.app.rhythm.library


def test_the_menu_is_built_from_live_state(harness: Harness) -> None:
    harness.tray.rebuild_menu()
    assert harness.tray.menu.accessibleName() == "Reconnect menu"  # named once it is made
    assert harness.tray.action_texts() == [
        "Next break at 10:00, in 30 min",
        "Start a practice now",
        "Snooze",
        "Skip the next break",
        "Pause",
        "Open dashboard",
        "Settings",
        "Help and crisis support",
        "Quit Reconnect",
    ]
    start = harness.tray.menu.actions()[2].menu()
    suggested = harness.app.rhythm.suggestion()
    assert suggested is not None
    assert start.actions()[0].text().startswith(f"Suggested: {suggested.practice.title}")
    senses = [a.text() for a in start.actions()[2:]]
    assert "Breath" in senses and "Movement" in senses


def test_a_scheduled_wake_up_through_the_real_scheduler_shows_the_prompt(
    qtbot: QtBot, harness: Harness
) -> None:
    armed = harness.app.scheduler.armed_at
    assert armed is not None
    harness.clock.advance(armed - harness.clock.now())
    # The armed moment lies in the past for APScheduler's own clock: its job runs at once.
    with qtbot.waitSignal(harness.app.scheduler.wakeup, timeout=5000):
        pass
    assert harness.app.prompt.isVisible()
    offer = harness.app.prompt.offer
    assert offer is not None
    assert harness.db("SELECT practice_id, fate FROM prompts") == [(offer.practice_id, None)]
    assert harness.tray.shown_state == "due"
    assert harness.tray.icon.toolTip().endswith("A break is here whenever you are ready")


def test_a_due_break_prompts_once_and_is_recorded(qtbot: QtBot, harness: Harness) -> None:
    harness.fire_wakeup()
    assert harness.app.prompt.isVisible()
    assert harness.rhythm.status()["state"] == "due"
    # The window alone: a notification in the same corner would hide the practice's title.
    assert harness.notifier.sent == []
    harness.app.scheduler.wakeup.emit()  # a second wake-up: no second prompt
    assert len(harness.db("SELECT id FROM prompts")) == 1
    assert harness.tray.shown_state == "due"


def test_starting_from_the_prompt_writes_the_session(qtbot: QtBot, harness: Harness) -> None:
    harness.fire_wakeup()
    offered = harness.app.prompt.offer
    assert offered is not None
    with qtbot.waitSignal(harness.app.practice_started, timeout=1000) as started:
        harness.app.prompt.start_button.click()
    session_id, practice_id, trigger = started.args
    assert (practice_id, trigger) == (offered.practice_id, "scheduled")
    assert harness.db("SELECT trigger, practice_id, outcome FROM sessions") == [
        ("scheduled", practice_id, None)
    ]
    assert harness.db("SELECT fate, session_id FROM prompts") == [("started", session_id)]
    assert not harness.app.prompt.isVisible()


def test_another_one_offers_a_different_practice(harness: Harness) -> None:
    harness.fire_wakeup()
    first = harness.app.prompt.offer
    harness.app.prompt.another_button.click()
    second = harness.app.prompt.offer
    assert first is not None and second is not None
    assert second.practice_id != first.practice_id
    fates = harness.db("SELECT practice_id, fate FROM prompts ORDER BY rowid")
    assert fates == [(first.practice_id, "another"), (second.practice_id, None)]


@pytest.mark.parametrize("minutes", [5, 10, 20])
def test_snooze_from_the_prompt(harness: Harness, minutes: int) -> None:
    harness.fire_wakeup()
    harness.app.prompt.snooze_button.menu().actions()[(5, 10, 20).index(minutes)].trigger()
    expected = harness.clock.now() + timedelta(minutes=minutes)
    assert harness.rhythm.status()["next_break_at"] == expected.isoformat(timespec="seconds")
    assert harness.db("SELECT fate FROM prompts") == [("snoozed",)]


def test_skip_and_a_prompt_left_alone(harness: Harness) -> None:
    harness.fire_wakeup()
    harness.app.prompt.skip_button.click()
    assert harness.rhythm.status()["next_break_at"] == "2026-11-17T11:00:00+01:00"
    harness.fire_wakeup()
    harness.clock.advance(timedelta(minutes=10))
    harness.app.prompt.expiry.timeout.emit()
    assert harness.db("SELECT fate FROM prompts ORDER BY rowid") == [("skipped",), ("missed",)]
    assert not harness.app.prompt.isVisible()


def test_tray_pause_resume_snooze_and_skip(harness: Harness) -> None:
    tray = harness.tray
    tray.rebuild_menu()
    pause = next(a for a in tray.menu.actions() if a.text() == "Pause").menu()
    assert [a.text() for a in pause.actions()] == [
        "For 30 minutes", "For 1 hour", "For 2 hours", "Until tomorrow"
    ]  # fmt: skip
    pause.actions()[0].trigger()
    assert harness.rhythm.status()["state"] == "paused"
    assert harness.rhythm.status()["paused_until"] == "2026-11-17T10:00:00+01:00"
    assert tray.icon.toolTip().endswith("Paused until 10:00")
    tray.rebuild_menu()
    assert "Resume" in tray.action_texts()
    next(a for a in tray.menu.actions() if a.text() == "Resume").trigger()
    assert harness.rhythm.status()["state"] == "active"
    tray.rebuild_menu()
    snooze = next(a for a in tray.menu.actions() if a.text() == "Snooze").menu()
    snooze.actions()[2].trigger()
    assert harness.rhythm.status()["next_break_at"] == "2026-11-17T09:50:00+01:00"
    next(a for a in tray.menu.actions() if a.text() == "Skip the next break").trigger()
    assert harness.rhythm.status()["next_break_at"] > "2026-11-17T10:00"


def test_pause_until_tomorrow_from_the_tray(harness: Harness) -> None:
    harness.tray.rebuild_menu()
    pause = next(a for a in harness.tray.menu.actions() if a.text() == "Pause").menu()
    pause.actions()[3].trigger()
    assert harness.rhythm.status()["paused_until"] == "2026-11-18T09:00:00+01:00"


def test_starting_a_practice_from_the_tray_menu(qtbot: QtBot, harness: Harness) -> None:
    harness.tray.rebuild_menu()
    start = harness.tray.menu.actions()[2].menu()
    with qtbot.waitSignal(harness.app.practice_started, timeout=1000):
        start.actions()[0].trigger()
    assert harness.db("SELECT trigger FROM sessions") == [("tray",)]
    harness.tray.rebuild_menu()
    assert not harness.tray.menu.actions()[2].menu().isEnabled()
    harness.clock.advance(timedelta(minutes=3))
    harness.rhythm.practice_finished()
    assert harness.rhythm.status()["next_break_at"] == "2026-11-17T10:33:00+01:00"


def test_dashboard_settings_help_and_quit_do_something(qtbot: QtBot, harness: Harness) -> None:
    harness.tray.rebuild_menu()
    for text in ("Open dashboard", "Settings", "Help and crisis support", "Quit Reconnect"):
        next(a for a in harness.tray.menu.actions() if a.text() == text).trigger()
    assert harness.opened == ["history", "settings", "help"]
    qtbot.waitUntil(lambda: harness.quit_calls == [True])  # queued: the answer goes first


def test_quitting_with_a_prompt_open_records_it_as_missed(qtbot: QtBot, harness: Harness) -> None:
    harness.fire_wakeup()
    assert harness.rhythm.quit() == "Reconnect is closing. Take care."
    assert harness.quit_calls == [] and harness.app.prompt.isVisible()
    qtbot.waitUntil(lambda: harness.quit_calls == [True])
    assert harness.db("SELECT fate FROM prompts") == [("missed",)]
    assert not harness.app.prompt.isVisible()


def test_a_busy_screen_that_clears_shows_the_window_without_a_notification(
    harness: Harness,
) -> None:
    harness.busy.busy = True
    harness.fire_wakeup()
    assert not harness.app.prompt.isVisible()
    harness.busy.busy = False
    harness.clock.advance(timedelta(seconds=30))
    harness.app.poll_timer.timeout.emit()
    assert harness.app.prompt.isVisible()
    assert harness.notifier.sent == []


def test_being_away_through_the_poll_timer_is_a_natural_break(harness: Harness) -> None:
    harness.fire_wakeup()
    harness.idle.seconds = 6 * 60
    harness.clock.advance(timedelta(minutes=6))
    harness.app.poll_timer.timeout.emit()
    harness.idle.seconds = 2
    harness.clock.advance(timedelta(minutes=1))
    harness.app.poll_timer.timeout.emit()
    assert not harness.app.prompt.isVisible()
    assert harness.db("SELECT fate FROM prompts") == [("natural_break",)]


def test_after_sleep_the_stale_prompt_goes(harness: Harness) -> None:
    harness.fire_wakeup()
    harness.clock.suspend(timedelta(hours=3))
    harness.app.sleep_watch.resumed.emit()
    assert not harness.app.prompt.isVisible()
    assert harness.db("SELECT fate FROM prompts") == [("missed",)]
    status = harness.rhythm.status()
    assert status["state"] == "active"
    assert status["next_break_at"] > harness.clock.now().isoformat()


def test_break_now_shows_the_window_and_its_skip_keeps_the_plan(harness: Harness) -> None:
    message = harness.rhythm.break_now(None)
    assert message.startswith("A break is offered: ")
    assert harness.app.prompt.isVisible()
    harness.app.prompt.skip_button.click()
    assert harness.db("SELECT fate FROM prompts") == [("skipped",)]
    assert harness.rhythm.status()["next_break_at"] == "2026-11-17T10:00:00+01:00"


@pytest.mark.parametrize("prompt_class", [UnshowablePrompt])
def test_a_prompt_window_that_cannot_be_shown_comes_as_a_notification(harness: Harness) -> None:
    harness.fire_wakeup()
    assert not harness.app.prompt.isVisible()
    title = harness.db("SELECT practice_title FROM prompts")[0][0]
    assert len(harness.notifier.sent) == 1
    summary, body = harness.notifier.sent[0]
    assert summary == "A small pause, if you'd like one" and body.startswith(f"{title} · ")


def test_status_and_menu_name_the_practice_on_screen(harness: Harness) -> None:
    harness.fire_wakeup()
    offer = harness.app.prompt.offer
    assert offer is not None
    status = harness.rhythm.status()
    assert (status["suggested_practice"], status["suggested_title"]) == (
        offer.practice_id,
        offer.title,
    )
    harness.app.prompt.another_button.click()
    swapped = harness.app.prompt.offer
    assert swapped is not None and swapped.practice_id != offer.practice_id
    assert harness.rhythm.status()["suggested_practice"] == swapped.practice_id
    suggested = harness.app.rhythm.menu_state().suggested
    assert suggested is not None and suggested.practice_id == swapped.practice_id


def test_the_prompt_window_is_made_when_the_first_break_comes(
    qtbot: QtBot, harness: Harness
) -> None:
    made: list[PromptWindow] = []

    def make() -> PromptWindow:
        made.append(PromptWindow())
        qtbot.addWidget(made[-1])
        return made[-1]

    app = TrayApp(
        rhythm=harness.rhythm,
        scheduler=harness.app.scheduler,
        sleep_watch=harness.app.sleep_watch,
        poll_timer=QTimer(),
        make_prompt=make,
        quit_app=lambda: None,
        show_dashboard=lambda: None,
        open_settings=lambda: None,
        open_help=lambda: None,
    )
    assert made == []
    harness.rhythm.break_now(None)
    assert len(made) == 1 and made[0].isVisible()
    made[0].skip_button.click()
    assert app.prompt is made[0] and not made[0].isVisible()
    assert harness.db("SELECT fate FROM prompts") == [("skipped",)]
