"""The running app on a fake clock through sleep, clock steps, daylight saving and travel.

Each scenario runs the tray app (real planner, records, database and sleep watch; fake prompt
window, notifier and scheduler) in 30-second steps, as its poll timer would, with a person who
starts every offered practice after a minute and finishes it two minutes later. After the fault:
at most one prompt within 5 minutes, never two prompts for one break, the next break is what
the rules say from that moment, and the dashboard puts every session at the hour the person's
clock showed when it started.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from reconnect.core.break_planner import Mode
from reconnect.core.break_policy import next_break_after, window_on
from reconnect.core.clock import FakeClock, SystemClock
from reconnect.core.dashboard_range import RangeChoice
from reconnect.core.sessions import Outcome
from reconnect.core.settings import Settings
from reconnect.desktop.sleep_watch import SleepWatch
from reconnect.services.breaks import BreakRecords
from reconnect.services.dashboard import DashboardReader
from reconnect.services.rhythm import Rhythm
from tests.reliability.app_harness import App, FakePrompt, FakeScheduler, start_app

NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")
STEP = timedelta(seconds=30)  # the app's poll interval
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ALL_DAY = {f"rhythm.{day}": "00:00-23:59" for day in DAYS}
OFFICE = {f"rhythm.{day}": "09:00-17:30" for day in DAYS[:5]}
FIVE_MINUTES = 300.0


@dataclass
class Shown:
    """A prompt as the person saw it."""

    prompt_id: str
    monotonic: float
    wall: datetime


@dataclass
class Run:
    """The app, its clock and what happened."""

    app: Rhythm
    clock: FakeClock
    prompt: FakePrompt
    scheduler: FakeScheduler
    records: BreakRecords
    reader: DashboardReader
    prompt_fates: Callable[[], list[str | None]]
    shown: list[Shown] = field(default_factory=list)
    hours_seen: list[tuple[int, int]] = field(default_factory=list)  # (weekday, hour) started
    hours_checked_in: list[tuple[int, int]] = field(default_factory=list)  # the same, saved
    answer_at: float | None = None
    finish_at: float | None = None
    overlaps: int = 0  # a prompt offered while another was still showing

    def step(self) -> None:
        """Thirty seconds pass: the scheduler fires if due, the poll runs, the person acts."""
        self.clock.advance(STEP)
        self.scheduler.check_now()
        self.app.poll()
        self.act()

    def act(self) -> None:
        now = self.clock.monotonic()
        prompt = self.app.current_prompt
        if self.prompt.visible and prompt is not None:
            if not self.shown or self.shown[-1].prompt_id != prompt.id:
                if self.answer_at is not None:
                    self.overlaps += 1
                self.shown.append(Shown(prompt.id, now, self.clock.now()))
                self.answer_at = now + 60
            elif self.answer_at is not None and now >= self.answer_at:
                self.answer_at = None
                self.prompt.start_requested.emit()
                started = self.clock.now()
                self.hours_seen.append((started.weekday(), started.hour))
                self.finish_at = now + 120
        elif not self.prompt.visible:
            self.answer_at = None
        session = self.app.active_session
        if session is not None and self.finish_at is not None and now >= self.finish_at:
            self.finish_at = None
            when = self.clock.now()
            self.records.finish(session, when, Outcome.COMPLETED)
            self.records.save_checkin(session, when, 2, ["chest"], ["warmth"], "")
            self.hours_checked_in.append(self.hours_seen[-1])
            self.app.practice_finished()

    def run_for(self, span: timedelta) -> None:
        for _ in range(int(span / STEP)):
            self.step()

    def prompts_between(self, start: float, end: float) -> list[Shown]:
        return [s for s in self.shown if start <= s.monotonic <= end]


@pytest.fixture
def start_run(qapp: QApplication, tmp_path: Path) -> Iterator[Callable[..., Run]]:
    apps: list[App] = []

    def start(at: datetime, hours: dict[str, str]) -> Run:
        settings = Settings({**hours, "rhythm.randomness_minutes": 0})
        app = start_app(str(tmp_path / f"data{len(apps)}"), FakeClock(at), settings, False)
        apps.append(app)
        engine = app.context.database().engine
        reader = DashboardReader(app.context.database().session_factory)

        def prompt_fates() -> list[str | None]:
            with engine.connect() as connection:
                query = "SELECT fate FROM prompts ORDER BY rowid"
                return list(connection.exec_driver_sql(query).scalars())

        return Run(
            app.rhythm, app.clock, app.prompt, app.scheduler, app.records, reader, prompt_fates
        )

    yield start
    for app in apps:
        app.close()


def planned(run: Run) -> datetime | None:
    return run.app.planner.status(run.clock.now()).next_break_at


def check_recomputed_from_the_rules(run: Run) -> None:
    """The plan is the policy's answer for now, and lies inside today's rules for breaks."""
    now = run.clock.now()
    status = run.app.planner.status(now)
    assert status.mode in (Mode.ACTIVE, Mode.OUTSIDE_HOURS), status
    rules = next_break_after(now, run.app.planner.last_break_end, run.app.planner.rhythm)
    assert status.next_break_at is not None and rules.at is not None
    assert status.next_break_at.astimezone(UTC) == rules.at.astimezone(UTC)
    local = status.next_break_at
    assert local.tzinfo is now.tzinfo, "the plan is shown in the zone the person is in now"
    window = window_on(local.date(), run.app.planner.rhythm, _zone(now))
    assert window is not None
    first, last = window.first_break.astimezone(UTC), window.last_break.astimezone(UTC)
    assert first <= local.astimezone(UTC) <= last, f"{local} is outside the day's break times"


def _zone(now: datetime) -> tzinfo:
    assert now.tzinfo is not None
    return now.tzinfo


def check_after(run: Run, fault_at: float) -> None:
    """At most one prompt within 5 minutes of the fault; never one while another showed."""
    soon = run.prompts_between(fault_at, fault_at + FIVE_MINUTES)
    assert len(soon) <= 1, f"{len(soon)} prompts within 5 minutes: {soon}"
    assert run.overlaps == 0
    ids = [s.prompt_id for s in run.shown]
    assert len(ids) == len(set(ids))
    for earlier, later in pairwise(run.shown):
        assert later.monotonic - earlier.monotonic >= FIVE_MINUTES, (earlier, later)
    # Each prompt recorded once, with its fate (the last may still be showing).
    fates = run.prompt_fates()
    assert len(fates) == len(run.shown)
    assert None not in fates[:-1]


def check_dashboard_hours(run: Run) -> None:
    """Each session counts in the hour and weekday the person's clock showed at its start."""
    today = run.clock.now().date()
    grid = run.reader.patterns(RangeChoice.ALL, today, 0.5).grid
    counted = {
        (weekday, hour): cell.checkins
        for weekday, row in enumerate(grid)
        for hour, cell in enumerate(row)
        if cell.checkins
    }
    expected: dict[tuple[int, int], int] = {}
    for key in run.hours_checked_in:
        expected[key] = expected.get(key, 0) + 1
    assert counted == expected


def wait_for_prompt(run: Run, limit: timedelta = timedelta(hours=3)) -> None:
    for _ in range(int(limit / STEP)):
        run.step()
        if run.prompt.visible:
            return
    pytest.fail("no prompt came")


def test_a_suspend_of_eight_hours_with_a_prompt_showing(start_run: Callable[..., Run]) -> None:
    run = start_run(datetime(2027, 3, 2, 8, 50, tzinfo=BERLIN), ALL_DAY)
    wait_for_prompt(run)  # 08:55: overdue since 01:00, so five minutes after the start
    fault_at = run.clock.monotonic()
    run.clock.suspend(timedelta(hours=8))  # the lid closes over the prompt
    run.step()
    assert not run.prompt.visible, "the stale prompt is withdrawn"
    check_recomputed_from_the_rules(run)
    run.run_for(timedelta(hours=3))
    check_after(run, fault_at)
    assert [s.wall.strftime("%H:%M") for s in run.shown][:2] == ["08:55", "17:00"]
    assert run.app.records.practice_counts()
    check_dashboard_hours(run)


def test_the_clock_stepping_back_an_hour(start_run: Callable[..., Run]) -> None:
    run = start_run(datetime(2027, 3, 2, 9, 40, tzinfo=BERLIN), OFFICE)
    wait_for_prompt(run)  # 10:00
    run.run_for(timedelta(minutes=4))  # started at 10:01, finished at 10:03
    assert run.app.active_session is None
    fault_at = run.clock.monotonic()
    run.clock.jump_wall(timedelta(hours=-1))
    run.step()
    check_recomputed_from_the_rules(run)
    # Planned from the end of the last break, which the clock now shows an hour ahead.
    assert f"{planned(run):%H:%M}" == "11:03"
    run.run_for(timedelta(hours=3))
    check_after(run, fault_at)
    assert [f"{s.wall:%H:%M}" for s in run.shown] == ["10:00", "11:03"]
    check_dashboard_hours(run)


def test_the_clock_stepping_back_an_hour_while_a_prompt_shows(
    start_run: Callable[..., Run],
) -> None:
    run = start_run(datetime(2027, 3, 2, 9, 40, tzinfo=BERLIN), OFFICE)
    wait_for_prompt(run)  # 10:00
    fault_at = run.clock.monotonic()
    run.clock.jump_wall(timedelta(hours=-1))  # back to 09:00, the prompt still up
    run.step()
    assert not run.prompt.visible
    check_recomputed_from_the_rules(run)
    run.run_for(timedelta(hours=3))
    check_after(run, fault_at)
    # The withdrawn break comes back when the clock shows 10:00 again: an hour of real time
    # later, as the rules plan it from the day's opening, not at once.
    assert [f"{s.wall:%H:%M}" for s in run.shown][:2] == ["10:00", "10:00"]
    assert run.shown[1].monotonic - run.shown[0].monotonic == pytest.approx(3600, abs=60)
    check_dashboard_hours(run)


# Start times a little before each change; the first break is planned from the day's opening
# (00:00) an hour later, or five minutes after a late start, so a practice runs before the
# change and the next break comes after it. Then the hours (on Sunday) the practices started.
DAYLIGHT_SAVING = {
    "New York, spring": (datetime(2027, 3, 14, 1, 10, tzinfo=NEW_YORK), [1, 3]),
    "New York, autumn": (datetime(2027, 11, 7, 0, 40, tzinfo=NEW_YORK), [1, 1]),
    "Berlin, spring": (datetime(2027, 3, 28, 1, 10, tzinfo=BERLIN), [1, 3]),
    "Berlin, autumn": (datetime(2027, 10, 31, 1, 40, tzinfo=BERLIN), [1, 2, 2]),
}


@pytest.mark.parametrize("change", DAYLIGHT_SAVING)
def test_a_daylight_saving_change(start_run: Callable[..., Run], change: str) -> None:
    start, first_hours = DAYLIGHT_SAVING[change]
    run = start_run(start, ALL_DAY)
    offset = start.utcoffset()
    fault_at: float | None = None
    for _ in range(int(timedelta(hours=3, minutes=30) / STEP)):
        run.step()
        if fault_at is None and run.clock.now().utcoffset() != offset:
            fault_at = run.clock.monotonic()
            assert run.app.active_session is None and not run.prompt.visible
            check_recomputed_from_the_rules(run)
    assert fault_at is not None, "the clocks never changed"
    check_after(run, fault_at)
    # A break every hour of real time (and three minutes of practice), whatever the clock says.
    gaps = [b.monotonic - a.monotonic for a, b in pairwise(run.shown)]
    assert gaps and all(gap == pytest.approx(3780, abs=30) for gap in gaps), gaps
    assert [hour for _day, hour in run.hours_seen][: len(first_hours)] == first_hours
    assert {day for day, _hour in run.hours_seen} == {6}
    check_dashboard_hours(run)


def test_travelling_to_another_time_zone_while_running(start_run: Callable[..., Run]) -> None:
    # The last break of the Berlin day; the next one is planned for tomorrow morning.
    run = start_run(datetime(2027, 3, 2, 16, 30, tzinfo=BERLIN), OFFICE)
    wait_for_prompt(run)  # 16:35 Berlin, five minutes after a late start
    run.run_for(timedelta(minutes=20))
    assert planned(run) == datetime(2027, 3, 3, 10, 0, tzinfo=BERLIN)
    fault_at = run.clock.monotonic()
    run.clock.set_zone(NEW_YORK)  # 10:56 in New York: the working day there is young
    run.step()
    check_recomputed_from_the_rules(run)
    # An hour after the last practice ended, not at 04:00 tomorrow (10:00 in Berlin).
    assert f"{planned(run):%H:%M %Z}" == "11:38 EST"
    run.run_for(timedelta(hours=3))
    check_after(run, fault_at)
    assert [f"{s.wall:%H:%M %Z}" for s in run.shown] == [
        "16:35 CET",
        "11:38 EST",
        "12:41 EST",
        "13:44 EST",
    ]
    assert run.hours_seen == [(1, 16), (1, 11), (1, 12), (1, 13)]
    check_dashboard_hours(run)


def test_a_new_system_time_zone_is_noticed_at_the_next_poll(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    clock = SystemClock()
    watch = SleepWatch(clock)
    resumes: list[bool] = []
    watch.resumed.connect(lambda: resumes.append(True))
    watch.check()
    assert resumes == []
    monkeypatch.setenv("TZ", "America/New_York")  # as after choosing a new zone in the system
    watch.check()
    assert resumes == [True]
    assert clock.now().tzinfo == NEW_YORK
    watch.check()
    assert resumes == [True]
