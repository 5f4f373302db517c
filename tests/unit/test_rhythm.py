"""The break rhythm without Qt: a fake clock, an in-memory history and fakes for the desktop."""

from __future__ import annotations

import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from reconnect.core import i18n
from reconnect.core.break_planner import BreakPlanner
from reconnect.core.calendar_busy import BusyEvent, waiting_reason
from reconnect.core.clock import FakeClock
from reconnect.core.control_protocol import PauseRequest
from reconnect.core.errors import InputError
from reconnect.core.experiments import Offer
from reconnect.core.library import Library
from reconnect.core.pace import Pace
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import BreakSession, Moment, Trigger, new_id
from reconnect.core.settings import Settings
from reconnect.core.spark_stats import PracticeCounts
from reconnect.paths import illustrations_dir, practices_dir
from reconnect.services.rhythm import Rhythm
from reconnect.services.rhythm_ports import Desktop
from reconnect.storage.problems import FULL, READ_ONLY, DatabaseProblem

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_MORNING = datetime(2026, 11, 17, 9, 30, tzinfo=BERLIN)


@pytest.fixture(scope="module")
def library() -> Library:
    pictures = illustrations_dir()
    return load_library(
        practices_dir(), illustration_exists=lambda n: (pictures / f"{n}.svg").is_file()
    )


@dataclass
class FakeHistory:
    """Prompts and sessions in memory; ``failing`` makes every write (or read) raise it."""

    prompts: dict[str, Prompt] = field(default_factory=dict)
    fates: dict[str, PromptFate] = field(default_factory=dict)
    sessions: list[tuple[BreakSession, str | None]] = field(default_factory=list)
    failing: DatabaseProblem | None = None
    unreadable: DatabaseProblem | None = None
    left_open: tuple[int, int] = (0, 0)
    experiment: Offer | None = None  # a running experiment's next offer

    def _write(self) -> None:
        if self.failing is not None:
            raise self.failing

    def offer(
        self,
        practice: Practice,
        now: datetime,
        probability: float | None,
        quiet: bool = False,
        deferred_because: str | None = None,
        experiment_id: str | None = None,
    ) -> Prompt:
        self._write()
        prompt = Prompt(
            new_id(), Moment.of(now), practice.id, practice.title, probability, quiet,
            deferred_because=deferred_because, experiment_id=experiment_id,
        )  # fmt: skip
        self.prompts[prompt.id] = prompt
        return prompt

    def decide(self, prompt_id: str, fate: PromptFate, now: datetime) -> None:
        self._write()
        self.fates[prompt_id] = fate

    def start(
        self, practice: Practice, trigger: Trigger, now: datetime, prompt_id: str | None = None
    ) -> BreakSession:
        self._write()
        session = BreakSession(new_id(), practice.id, practice.title, trigger, Moment.of(now))
        self.sessions.append((session, prompt_id))
        if prompt_id is not None:
            self.fates[prompt_id] = PromptFate.STARTED
        return session

    def practice_counts(self) -> list[PracticeCounts]:
        if self.unreadable is not None:
            raise self.unreadable
        return []

    def experiment_offer(self) -> Offer | None:
        if self.unreadable is not None:
            raise self.unreadable
        return self.experiment

    def tidy_after_last_run(self, now: datetime) -> tuple[int, int]:
        self._write()
        return self.left_open

    def fate_list(self) -> list[PromptFate | None]:
        return [self.fates.get(prompt_id) for prompt_id in self.prompts]


@dataclass
class FakeIdle:
    seconds: float | None = 0.0
    name: str = "fake idle monitor"

    def idle_seconds(self) -> float | None:
        return self.seconds


@dataclass(frozen=True)
class Answer:
    busy: bool
    reason: str = ""


@dataclass
class FakeBusy:
    busy: bool = False
    reason: str = "full screen"

    def check(self) -> Answer:
        return Answer(self.busy, self.reason if self.busy else "")

    listening: bool = False

    def prepare(self) -> None:
        self.listening = True

    def release(self) -> None:
        self.listening = False


@dataclass
class FakeSleep:
    checks: int = 0

    def check(self) -> None:
        self.checks += 1


@dataclass
class FakeNotifier:
    sent: list[tuple[str, str]] = field(default_factory=list)

    def notify(self, summary: str, body: str) -> bool:
        self.sent.append((summary, body))
        return True


@dataclass
class FakeWakeups:
    armed: datetime | None = None
    checked: int = 0

    def arm(self, at: datetime | None) -> None:
        self.armed = at

    def check_now(self) -> None:
        self.checked += 1

    @property
    def next_run_at(self) -> datetime | None:
        return self.armed


@dataclass
class FakePrompt:
    """The prompt window: ``showable`` False is a desktop that refuses to show it."""

    showable: bool = True
    shown: list[str] = field(default_factory=list)
    visible: bool = False
    expiring: bool = False

    def show_offer(self, practice: Practice) -> None:
        self.shown.append(practice.id)
        self.visible = self.showable
        self.expiring = True

    def withdraw(self) -> None:
        self.visible = self.expiring = False

    def is_visible(self) -> bool:
        return self.visible

    def start_expiry(self) -> None:
        self.expiring = True

    @property
    def on_screen(self) -> str | None:
        return self.shown[-1] if self.visible and self.shown else None


@dataclass
class FakeEvents:
    changes: int = 0
    started: list[tuple[str, str, Trigger]] = field(default_factory=list)
    quits: int = 0
    dashboards: int = 0

    def changed(self) -> None:
        self.changes += 1

    def practice_started(self, session_id: str, practice_id: str, trigger: Trigger) -> None:
        self.started.append((session_id, practice_id, trigger))

    def quit_requested(self) -> None:
        self.quits += 1

    def dashboard_requested(self) -> None:
        self.dashboards += 1


@dataclass
class World:
    rhythm: Rhythm
    clock: FakeClock
    history: FakeHistory
    idle: FakeIdle
    busy: FakeBusy
    sleep: FakeSleep
    notifier: FakeNotifier
    wakeups: FakeWakeups
    prompt: FakePrompt
    events: FakeEvents
    stored: list[tuple[Settings, list[str]]]
    applied: list[Settings]

    def fire_wakeup(self) -> None:
        """Move the clock to the armed time and wake the rhythm, as the scheduler does."""
        armed = self.wakeups.armed
        assert armed is not None, "no break is planned"
        self.clock.advance(armed - self.clock.now())
        self.rhythm.on_wakeup()

    def status(self, key: str) -> object:
        return self.rhythm.status()[key]


def make_world(library: Library, settings: Settings | None = None, showable: bool = True) -> World:
    """The rhythm started at Tuesday 9:30; ``showable`` False: the desktop won't show the
    prompt window."""
    clock = FakeClock(TUESDAY_MORNING)
    settings = settings or Settings()
    rng = random.Random(4)
    history, idle, busy, sleep = FakeHistory(), FakeIdle(), FakeBusy(), FakeSleep()
    notifier, wakeups, events = FakeNotifier(), FakeWakeups(), FakeEvents()
    surface = FakePrompt(showable)
    stored: list[tuple[Settings, list[str]]] = [(Settings({"rhythm.interval_minutes": 45}), [])]
    applied: list[Settings] = []
    rhythm = Rhythm(
        clock=clock,
        planner=BreakPlanner(settings.rhythm(), rng, clock.now()),
        library=library,
        history=history,
        settings=settings,
        rng=rng,
        desktop=Desktop(idle, busy, sleep, notifier, wakeups),
        load_settings=lambda: stored[0],
        settings_applied=applied.append,
    )
    rhythm.attach(surface, events)
    rhythm.tidy()
    rhythm.arm()
    return World(
        rhythm, clock, history, idle, busy, sleep, notifier, wakeups, surface, events, stored,
        applied,
    )  # fmt: skip


@pytest.fixture
def world(library: Library) -> Iterator[World]:
    yield make_world(library)


# --- a break comes -----------------------------------------------------------------------


def test_the_first_break_is_planned_and_armed(world: World) -> None:
    assert world.status("state") == "active"
    assert world.status("next_break_at") == "2026-11-17T10:00:00+01:00"
    assert world.status("wakeup_at") == "2026-11-17T10:00:00+01:00"
    assert world.wakeups.armed == datetime(2026, 11, 17, 10, 0, tzinfo=BERLIN)
    assert world.rhythm.brief_state().summary == "Next break at 10:00, in 30 min"
    assert world.events.changes >= 1


def test_a_wake_up_offers_a_break_once_and_records_it(world: World) -> None:
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert world.prompt.on_screen == prompt.practice_id
    assert not prompt.quiet and prompt.probability is not None
    assert world.status("state") == "due"
    assert world.notifier.sent == [], "the window alone: a notification would hide it"
    world.rhythm.on_wakeup()  # a second wake-up: no second prompt
    assert len(world.history.prompts) == 1
    assert world.rhythm.brief_state().state == "due"


def test_a_wake_up_before_its_time_offers_nothing(world: World) -> None:
    world.rhythm.on_wakeup()
    assert world.history.prompts == {} and world.prompt.shown == []


def test_a_prompt_window_that_cannot_be_shown_comes_as_a_notification(library: Library) -> None:
    world = make_world(library, showable=False)
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    [(summary, body)] = world.notifier.sent
    assert summary == "A small pause, if you'd like one"
    assert body.startswith(f"{prompt.practice_title} · ") and body.endswith("Skipping is fine too.")


def test_no_practice_that_fits_lets_the_break_go(library: Library) -> None:
    everything = Settings({"practices.disabled": [p.id for p in library]})
    world = make_world(library, everything)
    world.fire_wakeup()
    assert world.history.prompts == {} and world.prompt.shown == []
    assert world.status("next_break_at") == "2026-11-17T11:00:00+01:00"


# --- a busy screen -----------------------------------------------------------------------


def test_a_busy_screen_makes_the_break_wait_then_come_quietly(world: World) -> None:
    world.busy.busy = True
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert prompt.quiet and world.prompt.shown == [] and world.notifier.sent == []
    world.clock.advance(timedelta(minutes=10))
    world.rhythm.poll()
    assert world.notifier.sent == [], "still within the wait"
    world.clock.advance(timedelta(minutes=21))
    world.rhythm.poll()
    assert world.prompt.shown == [] and world.prompt.expiring
    [(summary, body)] = world.notifier.sent
    assert summary == "A small pause is here whenever you like"
    assert body == f"{prompt.practice_title}. Start it from the Reconnect menu, or let it go."
    world.clock.advance(timedelta(minutes=5))
    world.rhythm.poll()
    assert len(world.notifier.sent) == 1, "told once"


def test_the_busy_check_listens_only_near_a_break_and_while_one_waits(world: World) -> None:
    assert not world.busy.listening, "30 minutes before the break: nothing is watched"
    world.clock.advance(timedelta(minutes=29))
    world.rhythm.poll()
    assert world.busy.listening, "within a minute of the break"
    world.busy.busy = True
    world.fire_wakeup()
    world.clock.advance(timedelta(seconds=30))
    world.rhythm.poll()
    assert world.busy.listening, "the break waits for the busy screen"
    assert world.status("waiting_because") == "full screen"
    world.busy.busy = False
    world.clock.advance(timedelta(seconds=30))
    world.rhythm.poll()
    assert world.status("waiting_because") is None
    assert not world.busy.listening, "shown: the next break is far"


def test_a_call_on_the_microphone_holds_the_break_back_and_says_so(world: World) -> None:
    world.busy.busy, world.busy.reason = True, "microphone"
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert world.status("waiting_because") == "microphone"
    assert prompt.deferred_because == "microphone", "the history keeps what held it back"
    assert world.rhythm.brief_state().summary == (
        f"A small pause is waiting: {prompt.practice_title}. "
        "It waits while you seem to be in a call (microphone)."
    )
    assert world.prompt.shown == [] and world.notifier.sent == []
    world.busy.busy = False  # the call ends
    world.clock.advance(timedelta(seconds=30))
    world.rhythm.poll()
    assert world.prompt.on_screen == prompt.practice_id
    assert world.status("waiting_because") is None


def test_a_calendar_event_and_do_not_disturb_are_named_in_the_tooltip(world: World) -> None:
    world.busy.busy, world.busy.reason = True, "a calendar event"
    world.fire_wakeup()
    assert world.rhythm.brief_state().summary.endswith("It waits until a calendar event ends.")
    world.busy.reason = "do not disturb"
    world.clock.advance(timedelta(seconds=30))
    world.rhythm.poll()
    assert world.status("waiting_because") == "do not disturb"
    assert world.rhythm.brief_state().summary.endswith("It waits while do not disturb is on.")


def test_a_private_calendar_event_stays_in_english_for_status_json_and_the_history(
    world: World,
) -> None:
    german = {
        ("Busy", "a calendar event"): "ein Termin",
        ("Rhythm", "It waits until {event} ends."): "Sie wartet, bis {event} vorbei ist.",
    }
    i18n.install(lambda context, text: german.get((context, text), text))
    moment = world.clock.now()
    event = BusyEvent("Therapy session", moment, moment + timedelta(hours=1))
    world.busy.busy, world.busy.reason = True, waiting_reason(event, show_titles=False)
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert world.status("waiting_because") == "a calendar event", "stable words for scripts"
    assert prompt.deferred_because == "a calendar event"
    assert world.rhythm.brief_state().summary.endswith("Sie wartet, bis ein Termin vorbei ist.")
    world.busy.reason = waiting_reason(event, show_titles=True)
    world.clock.advance(timedelta(seconds=30))
    world.rhythm.poll()
    assert world.status("waiting_because") == "Therapy session"
    assert world.rhythm.brief_state().summary.endswith(
        "Sie wartet, bis Therapy session vorbei ist."
    ), "a title is shown as written"


def test_a_break_shown_at_once_is_not_marked_as_held_back(world: World) -> None:
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert prompt.deferred_because is None and not prompt.quiet
    assert "It waits" not in world.rhythm.brief_state().summary


def test_a_busy_screen_that_clears_shows_the_window_without_a_notification(world: World) -> None:
    world.busy.busy = True
    world.fire_wakeup()
    world.busy.busy = False
    world.clock.advance(timedelta(seconds=30))
    world.rhythm.poll()
    [prompt] = world.history.prompts.values()
    assert world.prompt.on_screen == prompt.practice_id
    assert world.notifier.sent == []


def test_a_waiting_break_answered_from_the_tray_waits_no_more(world: World) -> None:
    world.busy.busy = True
    world.fire_wakeup()
    world.rhythm.skip()
    world.busy.busy = False
    world.rhythm.poll()
    assert world.prompt.shown == []
    assert world.history.fate_list() == [PromptFate.SKIPPED]


# --- presence, sleep and the poll ----------------------------------------------------------


def test_being_away_is_a_natural_break(world: World) -> None:
    world.fire_wakeup()
    world.idle.seconds = 6 * 60
    world.clock.advance(timedelta(minutes=6))
    world.rhythm.poll()
    world.idle.seconds = 2
    world.clock.advance(timedelta(minutes=1))
    world.rhythm.poll()
    assert world.history.fate_list() == [PromptFate.NATURAL_BREAK]
    assert not world.prompt.visible
    expected = world.clock.now() + timedelta(hours=1)
    assert world.status("next_break_at") == expected.isoformat(timespec="seconds")


def test_status_says_whether_the_person_is_away(world: World) -> None:
    assert world.status("away") is False
    world.idle.seconds = 5 * 60
    world.rhythm.poll()
    assert world.status("away") is True
    world.idle.seconds = 1
    world.rhythm.poll()
    assert world.status("away") is False


def test_at_a_tests_pace_away_comes_as_many_times_sooner(world: World) -> None:
    world.rhythm.planner = BreakPlanner(
        Settings().rhythm(), random.Random(4), world.clock.now(), pace=Pace(60)
    )
    world.idle.seconds = 4  # rhythm.idle_minutes: 5 minutes, so 5 seconds at this pace
    world.rhythm.poll()
    assert world.status("away") is False
    world.idle.seconds = 5
    world.rhythm.poll()
    assert world.status("away") is True


def test_without_idle_detection_nobody_is_ever_away(world: World) -> None:
    world.idle.seconds = None
    world.fire_wakeup()
    world.clock.advance(timedelta(minutes=20))
    world.rhythm.poll()
    assert world.history.fate_list() == [None] and world.prompt.visible


def test_every_poll_asks_the_sleep_watch_and_refreshes_the_tray(world: World) -> None:
    changes = world.events.changes
    world.rhythm.poll()
    world.rhythm.poll()
    assert world.sleep.checks == 2 and world.events.changes == changes + 2


def test_after_sleep_the_plan_is_made_again_and_the_stale_prompt_is_missed(world: World) -> None:
    world.fire_wakeup()
    world.clock.suspend(timedelta(hours=3))
    world.rhythm.on_resumed()
    assert not world.prompt.visible
    assert world.history.fate_list() == [PromptFate.MISSED]
    assert world.wakeups.checked == 1
    assert world.status("state") == "active"
    next_break = world.status("next_break_at")
    assert isinstance(next_break, str) and next_break > world.clock.now().isoformat()


# --- the prompt's answers ----------------------------------------------------------------


def test_start_from_the_prompt_writes_the_session_with_its_prompt(world: World) -> None:
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    world.rhythm.prompt_start()
    [(session, prompt_id)] = world.history.sessions
    assert (session.practice_id, session.trigger, prompt_id) == (
        prompt.practice_id,
        Trigger.SCHEDULED,
        prompt.id,
    )
    assert world.events.started == [(session.id, prompt.practice_id, Trigger.SCHEDULED)]
    assert world.history.fate_list() == [PromptFate.STARTED]
    assert not world.prompt.visible
    assert world.status("in_practice") is True and world.wakeups.armed is None


def test_another_one_offers_a_different_practice(world: World) -> None:
    world.fire_wakeup()
    world.rhythm.prompt_another()
    first, second = world.history.prompts.values()
    assert second.practice_id != first.practice_id
    assert world.history.fate_list() == [PromptFate.ANOTHER, None]
    assert world.prompt.on_screen == second.practice_id


@pytest.mark.parametrize("minutes", [5, 10, 20])
def test_snooze_from_the_prompt(world: World, minutes: int) -> None:
    world.fire_wakeup()
    world.rhythm.prompt_snooze(minutes)
    expected = world.clock.now() + timedelta(minutes=minutes)
    assert world.status("next_break_at") == expected.isoformat(timespec="seconds")
    assert world.history.fate_list() == [PromptFate.SNOOZED]


def test_skip_and_a_prompt_left_alone(world: World) -> None:
    world.fire_wakeup()
    world.rhythm.prompt_skip()
    assert world.status("next_break_at") == "2026-11-17T11:00:00+01:00"
    world.fire_wakeup()
    world.clock.advance(timedelta(minutes=10))
    world.rhythm.prompt_expired()
    assert world.history.fate_list() == [PromptFate.SKIPPED, PromptFate.MISSED]
    assert not world.prompt.visible
    assert world.status("next_break_at") == "2026-11-17T12:10:00+01:00"


# --- the tray and the command line ---------------------------------------------------------


def test_pause_resume_snooze_and_skip(world: World) -> None:
    assert world.rhythm.pause_spec("30m") == "Paused until 10:00. Resume any time."
    assert world.status("state") == "paused"
    assert world.status("paused_until") == "2026-11-17T10:00:00+01:00"
    assert world.rhythm.brief_state().summary == "Paused until 10:00"
    assert world.rhythm.resume().startswith("Resumed. Next break at ")
    assert world.status("state") == "active"
    assert world.rhythm.snooze(20) == "Snoozed. Next break at 09:50, in 20 min."
    assert world.status("next_break_at") == "2026-11-17T09:50:00+01:00"
    assert world.rhythm.skip().startswith("That break is let go. Next break at ")
    next_break = world.status("next_break_at")
    assert isinstance(next_break, str) and next_break > "2026-11-17T10:00"


def test_pause_until_tomorrow_closes_the_open_prompt_as_skipped(world: World) -> None:
    world.fire_wakeup()
    world.rhythm.pause(PauseRequest(duration=None, until_tomorrow=True))
    assert world.status("paused_until") == "2026-11-18T09:00:00+01:00"
    assert world.history.fate_list() == [PromptFate.SKIPPED] and not world.prompt.visible


def test_a_practice_from_the_tray_and_its_end(world: World) -> None:
    message = world.rhythm.start_practice("sunlight", Trigger.TRAY)
    assert message.startswith("Starting ") and message.endswith("Take it at your own pace.")
    assert world.rhythm.menu_state().in_practice
    world.clock.advance(timedelta(minutes=3))
    world.rhythm.practice_finished()
    assert world.status("next_break_at") == "2026-11-17T10:33:00+01:00"
    assert world.status("in_practice") is False


def test_starting_anything_answers_the_waiting_prompt(world: World) -> None:
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    world.rhythm.start_told("sunlight", Trigger.TRAY)
    assert world.history.sessions[0][1] == prompt.id
    assert world.history.fate_list() == [PromptFate.STARTED] and not world.prompt.visible


def test_an_unknown_practice_from_the_tray_is_only_logged(world: World) -> None:
    world.rhythm.start_told("sunlite", Trigger.TRAY)
    assert world.history.sessions == [] and world.events.started == []


def test_break_now_with_a_practice_starts_it(world: World) -> None:
    world.rhythm.break_now("sunlight")
    [(session_id, practice_id, trigger)] = world.events.started
    assert (practice_id, trigger) == ("sunlight", Trigger.COMMAND_LINE)
    assert world.history.sessions[0][0].id == session_id
    assert world.rhythm.break_now(None) == "A practice is already under way."
    with pytest.raises(InputError, match="Did you mean sunlight"):
        world.rhythm.break_now("sunlite")


def test_break_now_offers_a_prompt_whose_skip_leaves_the_rhythm(world: World) -> None:
    message = world.rhythm.break_now(None)
    [prompt] = world.history.prompts.values()
    assert message == f"A break is offered: {prompt.practice_title}."
    assert world.prompt.on_screen == prompt.practice_id
    world.rhythm.prompt_skip()
    assert world.history.fate_list() == [PromptFate.SKIPPED]
    assert world.status("next_break_at") == "2026-11-17T10:00:00+01:00"


def test_a_manual_break_left_alone_leaves_the_rhythm_too(world: World) -> None:
    world.rhythm.break_now(None)
    world.rhythm.prompt_expired()
    assert world.history.fate_list() == [PromptFate.MISSED]
    assert world.status("next_break_at") == "2026-11-17T10:00:00+01:00"


def test_break_now_shows_again_a_prompt_that_waits_unseen(world: World) -> None:
    world.busy.busy = True
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert world.rhythm.break_now(None) == f"A break is offered: {prompt.practice_title}."
    assert world.prompt.on_screen == prompt.practice_id and len(world.history.prompts) == 1
    world.clock.advance(timedelta(hours=1))
    world.rhythm.poll()
    assert world.notifier.sent == [], "no longer waiting for the screen"


def test_break_now_without_a_fitting_practice_says_so(library: Library) -> None:
    world = make_world(library, Settings({"practices.disabled": [p.id for p in library]}))
    with pytest.raises(InputError, match="no practice fits right now"):
        world.rhythm.break_now(None)


def test_settings_apply_at_once(world: World) -> None:
    assert world.rhythm.reload_settings() == "Settings applied."
    assert world.status("next_break_at") == "2026-11-17T09:45:00+01:00"
    assert world.rhythm.settings["rhythm.interval_minutes"] == 45
    assert world.applied == [world.rhythm.settings]
    world.stored[0] = (Settings(), ["rhythm.monday: not a time range."])
    assert world.rhythm.reload_settings() == (
        "Settings applied, except: rhythm.monday: not a time range."
    )


def test_quit_asks_the_app_and_an_open_prompt_is_missed(world: World) -> None:
    world.fire_wakeup()
    assert world.rhythm.quit() == "Reconnect is closing. Take care."
    assert world.events.quits == 1
    assert world.history.fate_list() == [None], "the answer goes before anything closes"
    world.rhythm.shutdown()
    assert world.history.fate_list() == [PromptFate.MISSED]


def test_the_dashboard_is_asked_for(world: World) -> None:
    assert world.rhythm.open_dashboard() == "The dashboard is open."
    assert world.events.dashboards == 1


def test_a_prompt_let_go_before_the_history_closes_is_not_written(world: World) -> None:
    world.fire_wakeup()
    world.rhythm.forget_prompt()
    world.rhythm.shutdown()
    assert world.history.fate_list() == [None]


# --- what the tray and the command line show -------------------------------------------------


def test_status_names_the_practice_on_screen(world: World) -> None:
    suggested = world.rhythm.suggestion()
    assert suggested is not None
    assert world.status("suggested_practice") == suggested.practice.id
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    assert prompt.practice_id == suggested.practice.id, "the suggestion named is the one offered"
    world.rhythm.prompt_another()
    swapped = list(world.history.prompts.values())[-1]
    status = world.rhythm.status()
    assert (status["suggested_practice"], status["suggested_title"]) == (
        swapped.practice_id,
        swapped.practice_title,
    )
    assert status["idle_detection"] == "fake idle monitor"
    item = world.rhythm.menu_state().suggested
    assert item is not None and item.practice_id == swapped.practice_id


def test_the_menu_lists_the_library_by_sense_without_what_is_turned_off(
    library: Library,
) -> None:
    world = make_world(library, Settings({"practices.disabled": ["sunlight"]}))
    menu = world.rhythm.menu_state()
    senses = [sense for sense, _items in menu.by_sense]
    assert "breath" in senses and "movement" in senses
    listed = {item.practice_id for _sense, items in menu.by_sense for item in items}
    assert "sunlight" not in listed and "hand-on-heart" in listed
    assert menu.break_planned and not menu.in_practice
    assert menu.suggested is not None and menu.suggested.label.endswith(" min")


def test_status_without_idle_detection(library: Library) -> None:
    world = make_world(library)
    world.rhythm.desktop = Desktop(None, world.busy, world.sleep, world.notifier, world.wakeups)
    assert world.status("idle_detection") is None


# --- a history that can't be written ---------------------------------------------------------


def test_a_history_that_cannot_be_written_is_told_once_and_the_breaks_go_on(world: World) -> None:
    world.history.failing = DatabaseProblem("full", FULL)
    planned = world.wakeups.armed
    world.fire_wakeup()
    assert not world.prompt.visible and world.history.prompts == {}
    assert world.notifier.sent == [("Reconnect can't write to your history", FULL)]
    assert world.wakeups.armed is not None and planned is not None
    assert world.wakeups.armed > planned, "the break is let go, the next one planned"
    with pytest.raises(InputError, match="disk that holds your history is full"):
        world.rhythm.start_practice("sunlight", Trigger.TRAY)
    assert len(world.notifier.sent) == 1, "told once, not at every try"
    assert world.rhythm.history_problem is not None
    assert world.status("state") == "active"

    world.history.failing = DatabaseProblem("readonly", READ_ONLY)
    with pytest.raises(InputError, match="read-only"):
        world.rhythm.break_now(None)
    assert [body for _summary, body in world.notifier.sent] == [FULL, READ_ONLY]
    assert world.status("next_break_at") == "2026-11-17T11:00:00+01:00", "by hand: no skip"

    world.history.failing = None
    world.fire_wakeup()
    assert world.prompt.visible, "once it can be written, breaks come as before"
    assert world.rhythm.history_problem is None
    world.history.failing = DatabaseProblem("full", FULL)
    world.rhythm.prompt_skip()
    assert [body for _summary, body in world.notifier.sent] == [FULL, READ_ONLY, FULL]
    assert not world.prompt.visible, "the prompt goes all the same"


def test_another_one_that_cannot_be_written_keeps_the_first_offer(world: World) -> None:
    world.fire_wakeup()
    [prompt] = world.history.prompts.values()
    world.history.failing = DatabaseProblem("locked", "locked")
    world.rhythm.prompt_another()
    assert world.rhythm.current_prompt == prompt
    assert world.prompt.on_screen == prompt.practice_id
    assert len(world.notifier.sent) == 1


def test_an_unreadable_history_still_suggests_as_to_a_newcomer(world: World) -> None:
    world.history.unreadable = DatabaseProblem("unavailable", "can't read")
    assert world.rhythm.suggestion() is not None
    assert world.notifier.sent == [], "reading is not told"


def test_tidying_after_the_last_run(library: Library) -> None:
    world = make_world(library)
    world.history.left_open = (1, 2)
    world.rhythm.tidy()
    world.history.failing = DatabaseProblem("full", FULL)
    world.rhythm.tidy()
    assert world.notifier.sent == [("Reconnect can't write to your history", FULL)]


def test_other_errors_are_not_taken_for_history_problems(world: World) -> None:
    world.history.failing = ValueError("a bug")  # type: ignore[assignment]
    with pytest.raises(ValueError, match="a bug"):
        world.fire_wakeup()


def test_the_rhythm_needs_neither_qt_nor_the_database() -> None:
    code = (
        "import sys, reconnect.services.rhythm; "
        "print(sorted(m for m in ('PySide6', 'sqlalchemy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
