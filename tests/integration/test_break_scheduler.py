"""APScheduler's Qt scheduler arms one wake-up and delivers it on the Qt thread, once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import time_machine
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from reconnect.desktop.scheduler import BreakScheduler


def test_an_armed_wakeup_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    scheduler = BreakScheduler()
    scheduler.start()
    threads: list[threading.Thread] = []
    scheduler.wakeup.connect(lambda: threads.append(threading.current_thread()))
    try:
        with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
            scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=200))
        assert threads == [threading.main_thread()]
        assert scheduler.armed_at is None
    finally:
        scheduler.shutdown()


def test_rearming_replaces_the_wakeup(qtbot: QtBot) -> None:
    scheduler = BreakScheduler()
    scheduler.start()
    fired: list[bool] = []
    scheduler.wakeup.connect(lambda: fired.append(True))
    try:
        scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=100))
        scheduler.arm(datetime.now(UTC) + timedelta(hours=1))
        scheduler.arm(None)
        with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
            scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=300))
        assert fired == [True]
    finally:
        scheduler.shutdown()


def test_after_a_long_sleep_a_missed_wakeup_comes_once(qtbot: QtBot) -> None:
    with time_machine.travel(datetime(2026, 11, 17, 9, 0, tzinfo=UTC), tick=True) as traveller:
        scheduler = BreakScheduler()
        scheduler.start()
        fired: list[bool] = []
        scheduler.wakeup.connect(lambda: fired.append(True))
        try:
            scheduler.arm(datetime(2026, 11, 17, 10, 0, tzinfo=UTC))
            traveller.shift(timedelta(hours=8))  # the machine slept through the armed time
            with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
                scheduler.check_now()
            qtbot.waitUntil(lambda: scheduler.armed_at is None)
            scheduler.check_now()
            # What the scheduler's timer does when it fires, then what that posts: a duplicate
            # would be delivered here (there must be none).
            scheduler._scheduler._process_jobs()
            QCoreApplication.processEvents()
            assert fired == [True]
        finally:
            scheduler.shutdown()


def test_a_wakeup_that_rearms_from_its_handler_keeps_the_new_one(qtbot: QtBot) -> None:
    """The app re-arms from inside its wake-up: each new job stays armed and arrives."""
    scheduler = BreakScheduler()
    scheduler.start()
    fired: list[datetime] = []
    rearmed: list[datetime] = []

    def rearm() -> None:
        fired.append(datetime.now(UTC))
        at = datetime.now(UTC) + (
            timedelta(milliseconds=150) if len(fired) < 3 else timedelta(hours=1)
        )
        scheduler.arm(at)
        rearmed.append(at)

    scheduler.wakeup.connect(rearm)
    try:
        scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=150))
        qtbot.waitUntil(lambda: len(fired) == 3, timeout=5000)
        # The last one, armed from inside the third wake-up, really waits, and alone.
        assert scheduler.next_run_at == scheduler.armed_at == rearmed[-1]
        assert len(scheduler._scheduler.get_jobs()) == 1
    finally:
        scheduler.shutdown()


def test_a_wakeup_that_disarms_from_its_handler_raises_nothing(qtbot: QtBot) -> None:
    """Nothing left to plan (a prompt is showing): no job armed, and no JobLookupError."""
    scheduler = BreakScheduler()
    scheduler.start()
    scheduler.wakeup.connect(lambda: scheduler.arm(None))
    try:
        with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
            scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=100))
        # Let APScheduler finish the round it was in; an error there fails the test (pytest-qt
        # catches exceptions raised in Qt callbacks).
        with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
            scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=100))
        assert scheduler.armed_at is None and scheduler.next_run_at is None
        assert scheduler._scheduler.get_jobs() == []
    finally:
        scheduler.shutdown()


def test_a_past_moment_asked_for_again_comes_only_once(qtbot: QtBot) -> None:
    """An app whose clock lags the system's asks again for the moment it was just woken for:
    that wake-up is not delivered over and over."""
    scheduler = BreakScheduler()
    scheduler.start()
    moment = datetime.now(UTC) - timedelta(minutes=1)
    fired: list[bool] = []

    def not_yet() -> None:
        fired.append(True)
        scheduler.arm(moment)

    scheduler.wakeup.connect(not_yet)
    try:
        with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
            scheduler.arm(moment)
        assert fired == [True]
        assert scheduler.armed_at == moment  # asked for, and remembered
        assert scheduler.next_run_at is None  # but no job waits to bring it again at once
        scheduler.wakeup.disconnect(not_yet)
        later = datetime.now(UTC) + timedelta(milliseconds=100)
        with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
            scheduler.arm(later)  # a new moment is armed as ever
        assert scheduler.armed_at is None
    finally:
        scheduler.shutdown()


def test_the_wakeups_that_came_leave_nothing_behind(qtbot: QtBot) -> None:
    """A week of breaks arms a few hundred jobs: once each has run, APScheduler keeps nothing
    of it. (Its debug executor kept every id that ran, with a count of 0, for the whole run.)"""
    scheduler = BreakScheduler()
    scheduler.start()
    try:
        for _ in range(3):
            with qtbot.waitSignal(scheduler.wakeup, timeout=3000):
                scheduler.arm(datetime.now(UTC) + timedelta(milliseconds=50))
        executor = scheduler._scheduler._lookup_executor("default")
        assert dict(executor._instances) == {}
        assert scheduler._scheduler.get_jobs() == []
    finally:
        scheduler.shutdown()
