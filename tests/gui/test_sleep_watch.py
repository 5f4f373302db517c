"""Sleep and wall-clock jumps are noticed, by comparing the clocks and by logind's signal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from reconnect.core.clock import FakeClock
from reconnect.desktop.sleep_watch import LOGIN1_MANAGER, LOGIN1_PATH, SleepWatch
from tests.support.desktop import VirtualDesktop


class Recorder:
    def __init__(self, watch: SleepWatch) -> None:
        self.jumps: list[float] = []
        self.resumes = 0
        watch.clock_jumped.connect(self.jumps.append)
        watch.resumed.connect(self._resumed)

    def _resumed(self) -> None:
        self.resumes += 1


def test_time_passing_normally_is_no_jump(clock: FakeClock):
    watch = SleepWatch(clock)
    seen = Recorder(watch)

    for _ in range(10):
        clock.advance(timedelta(seconds=30))
        watch.check()

    assert (seen.jumps, seen.resumes) == ([], 0)


def test_a_night_asleep_is_a_forward_jump_then_a_resume(clock: FakeClock):
    watch = SleepWatch(clock)
    seen = Recorder(watch)

    clock.suspend(timedelta(hours=8))
    watch.check()

    assert seen.jumps == [pytest.approx(28800)]
    assert seen.resumes == 1
    watch.check()
    assert seen.resumes == 1  # reported once


def test_setting_the_clock_back_is_a_backward_jump(clock: FakeClock):
    watch = SleepWatch(clock)
    seen = Recorder(watch)

    clock.jump_wall(timedelta(hours=-1))
    watch.check()

    assert seen.jumps == [pytest.approx(-3600)]
    assert seen.resumes == 1


def test_small_corrections_stay_below_the_threshold(clock: FakeClock):
    watch = SleepWatch(clock, threshold_seconds=60)
    seen = Recorder(watch)

    clock.jump_wall(timedelta(seconds=45))
    watch.check()

    assert (seen.jumps, seen.resumes) == ([], 0)


class UtcSteppedClock:
    """Real elapsed time shown as Berlin wall time: steps in UTC, as the system clock moves."""

    def __init__(self, start: datetime) -> None:
        self.zone = ZoneInfo("Europe/Berlin")
        self.utc = start.astimezone(UTC)
        self.seconds = 0.0

    def now(self) -> datetime:
        return self.utc.astimezone(self.zone)

    def monotonic(self) -> float:
        return self.seconds

    def localize(self, naive: datetime) -> datetime:
        return naive.replace(tzinfo=self.zone)

    def step(self, delta: timedelta) -> None:
        self.utc += delta
        self.seconds += delta.total_seconds()


def test_the_change_from_summer_time_is_no_jump():
    # Berlin's clocks go from 03:00 back to 02:00 on this night; only the reading changes.
    clock = UtcSteppedClock(datetime(2026, 10, 25, 1, 45, tzinfo=ZoneInfo("Europe/Berlin")))
    watch = SleepWatch(clock)
    seen = Recorder(watch)

    for _ in range(6):
        clock.step(timedelta(minutes=30))
        watch.check()

    assert (seen.jumps, seen.resumes) == ([], 0)


def test_without_a_bus_start_says_logind_is_not_watched(clock: FakeClock):
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "reconnect-test-no-bus")
    try:
        assert not SleepWatch(clock, system_bus=nowhere).start()
    finally:
        QDBusConnection.disconnectFromBus("reconnect-test-no-bus")


@pytest.fixture
def watched(desktop: VirtualDesktop, clock: FakeClock) -> Iterator[SleepWatch]:
    """A SleepWatch taking the test desktop's session bus for the system bus."""
    watch = SleepWatch(clock, system_bus=QDBusConnection.sessionBus())
    assert watch.start()
    yield watch
    watch.stop()


def prepare_for_sleep(going_to_sleep: bool) -> None:
    """Send logind's signal onto the session bus, as logind would on the system bus."""
    message = QDBusMessage.createSignal(LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep")
    message.setArguments([going_to_sleep])
    assert QDBusConnection.sessionBus().send(message)


def test_waking_up_by_logind_is_a_resume(watched: SleepWatch, qtbot: QtBot):
    seen = Recorder(watched)

    with qtbot.waitSignal(watched.resumed, timeout=5000):
        prepare_for_sleep(False)

    assert seen.jumps == []  # the clocks agree: a nap shorter than the threshold


def test_going_to_sleep_is_not_a_resume(watched: SleepWatch, qtbot: QtBot):
    seen = Recorder(watched)

    # Signals from one sender arrive in order, so once the wake-up is in, so is the other.
    with qtbot.waitSignal(watched.resumed, timeout=5000):
        prepare_for_sleep(True)
        prepare_for_sleep(False)

    assert seen.resumes == 1


def test_waking_up_after_a_long_sleep_reports_it_once(
    watched: SleepWatch, clock: FakeClock, qtbot: QtBot
):
    seen = Recorder(watched)
    clock.suspend(timedelta(hours=2))

    with qtbot.waitSignal(watched.resumed, timeout=5000):
        prepare_for_sleep(False)
    watched.check()  # the next poll

    assert seen.jumps == [pytest.approx(7200)]
    assert seen.resumes == 1
