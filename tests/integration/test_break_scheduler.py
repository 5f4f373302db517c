"""APScheduler's Qt scheduler arms one wake-up and delivers it on the Qt thread, once."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import time_machine
from pytestqt.qtbot import QtBot

from reconnect.ui.break_scheduler import BreakScheduler


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
            qtbot.wait(200)  # let any duplicate show itself (there must be none)
            assert fired == [True]
        finally:
            scheduler.shutdown()
