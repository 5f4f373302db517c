"""The running tray app: connects the planner, scheduler, prompt, tray and records.

Widgets only show state and emit signals; the planner (plain Python) decides. Everything is
handed in by the composition root (``reconnect.app.tray.build_tray_app``).
"""

from __future__ import annotations

import dataclasses
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from reconnect.core.break_planner import BreakPlanner, Mode, Wakeup
from reconnect.core.clock import Clock
from reconnect.core.control_protocol import PauseRequest
from reconnect.core.errors import InputError
from reconnect.core.practices import Library, Practice
from reconnect.core.prompts import Prompt, PromptFate
from reconnect.core.sessions import Trigger
from reconnect.core.settings import Settings
from reconnect.core.suggestion import Suggestion, beliefs, fitting, suggest_learning
from reconnect.core.vocabulary import SENSES
from reconnect.desktop.busy import BusyDetector
from reconnect.desktop.idle import IdleMonitor
from reconnect.desktop.notifier import Notifier
from reconnect.desktop.scheduler import BreakScheduler
from reconnect.desktop.sleep_watch import SleepWatch
from reconnect.storage.problems import DatabaseProblem, explain, history_errors
from reconnect.ui.tray.prompt_window import Offer, PromptWindow
from reconnect.ui.tray.tray_icon import MenuState, PracticeItem

if TYPE_CHECKING:
    from reconnect.services.breaks import BreakRecords

log = logging.getLogger(__name__)

POLL_MS = 30_000  # idle, busy and clock checks: never more often than this


# What a write to the history can raise when the disk, the folder or the database fails.
@dataclass
class Surface:
    """Where the controls live: the tray icon, or the window that stands in for it."""

    widget: Any  # TrayIcon or ControlWindow: both have the same signals
    refresh: Callable[[], None]
    anchor: Callable[[], Any]


class TrayApp(QObject):
    """Reconnect while it runs: one per process.

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
        clock: Clock,
        library: Library,
        records: BreakRecords,
        settings: Settings,
        planner: BreakPlanner,
        scheduler: BreakScheduler,
        notifier: Notifier,
        rng: random.Random,
        idle_monitor: IdleMonitor | None,
        busy: BusyDetector,
        sleep_watch: SleepWatch,
        poll_timer: QTimer,
        quit_app: Callable[[], None],
        show_dashboard: Callable[[], None],
        open_settings: Callable[[], None],
        open_help: Callable[[], None],
        load_settings: Callable[[], tuple[Settings, list[str]]],
        apply_appearance: Callable[[Settings], None] | None = None,
        prompt: PromptWindow | None = None,
        make_prompt: Callable[[], PromptWindow] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``prompt`` is the prompt window; or ``make_prompt`` makes it when the first break is
        offered (the running app: not at start)."""
        super().__init__(parent)
        self.clock = clock
        self.library = library
        self.records = records
        self.settings = settings
        self.planner = planner
        self.scheduler = scheduler
        self._prompt: PromptWindow | None = None
        self._make_prompt = make_prompt
        self.notifier = notifier
        self.rng = rng
        self.idle_monitor = idle_monitor
        self.busy = busy
        self.sleep_watch = sleep_watch
        self.poll_timer = poll_timer
        self._quit_app = quit_app
        self._show_dashboard = show_dashboard
        self._open_settings = open_settings
        self._open_help = open_help
        self._load_settings = load_settings
        self._apply_appearance = apply_appearance
        self.surface: Surface | None = None

        self.current_prompt: Prompt | None = None
        self._offered_ids: list[str] = []
        self._next: Suggestion | None = None
        self._waiting_since: datetime | None = None  # a due break waiting for a busy screen
        self._away = False
        self._manual = False  # the open prompt was asked for (break-now), not planned
        self.active_session: str | None = None
        self.history_problem: DatabaseProblem | None = None  # the last write failed: why

        scheduler.wakeup.connect(self.on_wakeup)
        sleep_watch.resumed.connect(self.on_resumed)
        poll_timer.setInterval(POLL_MS)
        poll_timer.timeout.connect(self.poll)
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
        prompt.start_requested.connect(self._prompt_start)
        prompt.another_requested.connect(self._prompt_another)
        prompt.snooze_requested.connect(self._prompt_snooze)
        prompt.skip_requested.connect(self._prompt_skip)
        prompt.expired.connect(self._prompt_expired)

    # --- wiring --------------------------------------------------------------------------

    def attach(self, surface: Surface) -> None:
        """Connect the tray (or its stand-in window) to the app's actions."""
        self.surface = surface
        widget = surface.widget
        widget.start_practice.connect(lambda pid: self._start_told(pid, Trigger.TRAY))
        widget.snooze.connect(self.snooze)
        widget.skip.connect(self.skip)
        widget.pause.connect(lambda spec: self.pause_spec(spec))
        widget.resume.connect(self.resume)
        widget.open_dashboard.connect(self.open_dashboard)
        widget.open_settings.connect(self._open_settings)
        widget.open_help.connect(self._open_help)
        widget.quit_requested.connect(self.quit)
        self.state_changed.connect(surface.refresh)

    def start(self, tidy: bool = True) -> None:
        """Tidy what the last run left (unless the caller does it later), then plan and arm
        the first wake-up."""
        if tidy:
            self.tidy()
        self.scheduler.start()
        self.arm()
        self.poll_timer.start()
        self.sleep_watch.start()

    def tidy(self) -> None:
        """Sessions the last run left open become interrupted; its open prompts, missed."""
        try:
            interrupted, missed = self.records.tidy_after_last_run(self.clock.now())
        except history_errors() as error:
            self._history_failed(error)  # the breaks go on; the tidying waits for next time
        else:
            if interrupted or missed:
                log.info("after the last run: %d sessions interrupted, %d prompts missed",
                         interrupted, missed)  # fmt: skip

    def arm(self) -> None:
        now = self.clock.now()
        self.scheduler.arm(self.planner.next_wakeup(now))
        self.state_changed.emit()

    # --- the rhythm ----------------------------------------------------------------------

    def on_wakeup(self) -> None:
        now = self.clock.now()
        if self.planner.on_wakeup(now) is Wakeup.PROMPT:
            self.offer_break(now)
        self.arm()

    def on_resumed(self) -> None:
        """After sleep or a clock jump: plan again from now; a stale prompt goes quietly."""
        now = self.clock.now()
        self._close_prompt(PromptFate.MISSED, now)
        self.planner.replan(now)
        self.scheduler.check_now()
        self.arm()

    def poll(self) -> None:
        """Every 30 seconds: the clock, the person's presence, a busy screen, the tooltip."""
        now = self.clock.now()
        self.sleep_watch.check()
        self._check_presence(now)
        if self._waiting_since is not None:
            self._retry_waiting(now)
        self.state_changed.emit()

    def _check_presence(self, now: datetime) -> None:
        if self.idle_monitor is None:
            return
        idle = self.idle_monitor.idle_seconds()
        if idle is None:
            return
        threshold = self.settings["rhythm.idle_minutes"] * 60
        if idle >= threshold and not self._away:
            self._away = True
            self.planner.away(now, since=now - timedelta(seconds=idle))
        elif idle < threshold and self._away:
            self._away = False
            if self.planner.back(now):
                self._close_prompt(PromptFate.NATURAL_BREAK, now)
            self.arm()

    def suggestion(self) -> Suggestion | None:
        """The practice the next break would offer; kept until it is offered."""
        if self._next is None or self._next.practice.id not in self.library:
            self._next = self._pick(avoid=self._offered_ids[-3:])
        return self._next

    def practice_on_offer(self) -> Practice | None:
        """What the tray and the command line name: the practice the prompt offers now, or
        else the one the next break would offer."""
        if self.current_prompt is not None:
            practice = self.library.get(self.current_prompt.practice_id)
            if practice is not None:
                return practice
        suggestion = self.suggestion()
        return suggestion.practice if suggestion else None

    def _pick(self, avoid: list[str]) -> Suggestion | None:
        now = self.clock.now()
        candidates = fitting(
            self.library,
            now,
            self.settings["practices.have_headphones"],
            self.settings["practices.disabled"],
        )
        try:
            counts = self.records.practice_counts()
        except history_errors() as error:
            # The history can't be read just now: suggest as to a newcomer, and go on.
            log.warning("the history could not be read: %s", explain(error, reading=True))
            counts = []
        posteriors, prior = beliefs(counts)
        return suggest_learning(candidates, posteriors, self.rng, prior, avoid=avoid)

    def offer_break(self, now: datetime, manual: bool = False) -> None:
        self._manual = manual
        suggestion = self.suggestion()
        self._next = None
        if suggestion is None:
            log.warning("no practice fits now; the break is let go")
            self.planner.skip_next(now)
            return
        busy = self.busy.check()
        if busy.busy:
            log.info("a break is due but %s; it waits", busy.reason)
            self._waiting_since = now
        shown = not busy.busy
        if not self._present(suggestion, now, show_window=shown, quiet=not shown, notify=shown):
            # It can't be recorded, so it is let go; the next break is planned as usual.
            self._waiting_since = None
            if not manual:
                self.planner.skip_next(now)

    def _retry_waiting(self, now: datetime) -> None:
        assert self._waiting_since is not None
        if self.current_prompt is None:
            self._waiting_since = None
            return
        limit = self.planner.pace.duration(
            timedelta(minutes=self.settings["rhythm.busy_wait_minutes"])
        )
        if not self.busy.check().busy:
            self._waiting_since = None
            self._show_prompt_window(self.current_prompt, notify=True)
        elif now - self._waiting_since >= limit:
            self._waiting_since = None
            # Still busy: a quiet notification, and the prompt stays available in the tray.
            self.notifier.notify(
                self.tr("A small pause is here whenever you like"),
                self.tr("{title}. Start it from the Reconnect menu, or let it go.").format(
                    title=self.current_prompt.practice_title
                ),
            )
            self.prompt.expiry.start()

    def _present(
        self, suggestion: Suggestion, now: datetime, show_window: bool, quiet: bool, notify: bool
    ) -> bool:
        """Record the offer and show it; False when it could not be recorded (and was told)."""
        practice = suggestion.practice
        try:
            self.current_prompt = self.records.offer(practice, now, suggestion.probability, quiet)
        except history_errors() as error:
            self._history_failed(error)
            return False
        self.history_problem = None
        self._offered_ids.append(practice.id)
        if show_window:
            self._show_prompt_window(self.current_prompt, notify)
        return True

    def _history_failed(self, error: Exception) -> DatabaseProblem:
        """A write to the history failed: say what to do, once for each kind of problem until
        a write works again; the app goes on with what needs no history."""
        problem = explain(error)
        log.warning("the history could not be written: %s", problem)
        if self.history_problem is None or self.history_problem.kind != problem.kind:
            self.notifier.notify(self.tr("Reconnect can't write to your history"), str(problem))
        self.history_problem = problem
        return problem

    def _show_prompt_window(self, prompt: Prompt, notify: bool) -> None:
        """Show the offer in the prompt window. Only when the window can't be shown is it told
        by a notification instead (if ``notify``): never both, where one would hide the other."""
        practice = self.library.get(prompt.practice_id)
        if practice is None:
            return
        anchor = self.surface.anchor() if self.surface else None
        self.prompt.show_offer(offer_of(practice), anchor)
        if notify and not self.prompt.isVisible():
            self.notifier.notify(
                self.tr("A small pause, if you'd like one"),
                self.tr("{title} · {minutes} min. Skipping is fine too.").format(
                    title=practice.title, minutes=practice.minutes
                ),
            )

    def _close_prompt(self, fate: PromptFate, now: datetime) -> None:
        if self.current_prompt is not None:
            try:
                self.records.decide(self.current_prompt.id, fate, now)
            except history_errors() as error:
                self._history_failed(error)  # the prompt goes all the same
            self.current_prompt = None
        self._waiting_since = None
        if self._prompt is not None:
            self._prompt.withdraw()

    # --- answers from the prompt ---------------------------------------------------------

    def _prompt_start(self) -> None:
        prompt = self.current_prompt
        if prompt is None:
            return
        self._start_told(prompt.practice_id, Trigger.SCHEDULED, prompt)

    def _start_told(self, practice_id: str, trigger: Trigger, prompt: Prompt | None = None) -> None:
        """Start from the tray or the prompt, where a refusal has been told already."""
        try:
            self.start_practice(practice_id, trigger, prompt)
        except InputError as error:
            log.info("the practice did not start: %s", error)

    def _prompt_another(self) -> None:
        now = self.clock.now()
        old = self.current_prompt
        if old is None:
            return
        suggestion = self._pick(avoid=[old.practice_id, *self._offered_ids[-3:]])
        try:
            self.records.decide(old.id, PromptFate.ANOTHER, now)
            if suggestion is None:
                return
            self.current_prompt = self.records.offer(
                suggestion.practice, now, suggestion.probability
            )
        except history_errors() as error:
            self._history_failed(error)
            return  # the first offer stays
        self._offered_ids.append(suggestion.practice.id)
        self._show_prompt_window(self.current_prompt, notify=False)

    def _prompt_snooze(self, minutes: int) -> None:
        self.snooze(minutes)

    def _prompt_skip(self) -> None:
        if self._manual:
            # Declining a break asked for by hand leaves the planned rhythm as it was.
            self._close_prompt(PromptFate.SKIPPED, self.clock.now())
            return
        self.skip()

    def _prompt_expired(self) -> None:
        now = self.clock.now()
        self._close_prompt(PromptFate.MISSED, now)
        if not self._manual:
            self.planner.missed(now)
        self.arm()

    # --- actions (tray, prompt, command line) --------------------------------------------

    def start_practice(
        self, practice_id: str, trigger: Trigger, prompt: Prompt | None = None
    ) -> str:
        practice = self.library.get(practice_id)
        if practice is None:
            raise InputError(self.library.unknown(practice_id))
        now = self.clock.now()
        if prompt is None and self.current_prompt is not None:
            prompt = self.current_prompt  # starting anything answers the waiting prompt
        try:
            session = self.records.start(practice, trigger, now, prompt.id if prompt else None)
        except history_errors() as error:
            # Without its session a check-in could not be kept: the practice waits until the
            # history can be written, and the person is told why.
            raise InputError(str(self._history_failed(error))) from error
        self.history_problem = None
        self.current_prompt = None
        self._waiting_since = None
        if self._prompt is not None:
            self._prompt.withdraw()
        self.planner.started(now)
        self.active_session = session.id
        self.arm()
        self.practice_started.emit(session.id, practice.id, trigger.value)
        return self.tr("Starting {title}. Take it at your own pace.").format(title=practice.title)

    def practice_finished(self) -> None:
        """The practice window closed: the rhythm starts counting again."""
        self.active_session = None
        self.planner.finished(self.clock.now())
        self.arm()

    def snooze(self, minutes: int) -> str:
        now = self.clock.now()
        self._close_prompt(PromptFate.SNOOZED, now)
        self.planner.snooze(now, minutes)
        self.arm()
        return self.tr("Snoozed. {plan}.").format(plan=self.planner.describe(now))

    def skip(self) -> str:
        now = self.clock.now()
        self._close_prompt(PromptFate.SKIPPED, now)
        self.planner.skip_next(now)
        self.arm()
        return self.tr("That break is let go. {plan}.").format(
            plan=self.planner.describe(self.clock.now())
        )

    def pause_spec(self, spec: str) -> str:
        from reconnect.core.control_protocol import parse_pause

        return self.pause(parse_pause(spec))

    def pause(self, request: PauseRequest) -> str:
        now = self.clock.now()
        self._close_prompt(PromptFate.SKIPPED, now)
        if request.until_tomorrow:
            self.planner.pause_until_tomorrow(now)
        else:
            assert request.duration is not None
            self.planner.pause_for(now, request.duration)
        self.arm()
        return self.tr("{plan}. Resume any time.").format(plan=self.planner.describe(now))

    def resume(self) -> str:
        now = self.clock.now()
        self.planner.resume(now)
        self.arm()
        return self.tr("Resumed. {plan}.").format(plan=self.planner.describe(now))

    def open_dashboard(self) -> str:
        self._show_dashboard()
        return self.tr("The dashboard is open.")

    def quit(self) -> str:
        QTimer.singleShot(0, self._shutdown)
        return self.tr("Reconnect is closing. Take care.")

    def _shutdown(self) -> None:
        now = self.clock.now()
        self._close_prompt(PromptFate.MISSED, now)
        self.poll_timer.stop()
        self.scheduler.shutdown()
        self._quit_app()

    def reload_settings(self) -> str:
        """Read the settings file again and apply it at once: the plan and the look follow."""
        settings, problems = self._load_settings()
        self.settings = settings
        if self._apply_appearance is not None:
            self._apply_appearance(settings)
        self.planner.set_rhythm(settings.rhythm(), self.clock.now())
        self._next = None
        self.arm()
        if problems:
            return self.tr("Settings applied, except: {problems}").format(
                problems=" ".join(problems)
            )
        return self.tr("Settings applied.")

    # --- what the tray and the command line show -----------------------------------------

    def status(self) -> dict[str, Any]:
        now = self.clock.now()
        data: dict[str, Any] = dict(self.planner.status(now).to_dict())
        practice = self.practice_on_offer()
        data["suggested_practice"] = practice.id if practice else None
        data["suggested_title"] = practice.title if practice else None
        armed = self.scheduler.next_run_at
        # When the scheduler will really wake the app: the planned break, or a pause's end.
        data["wakeup_at"] = (
            armed.astimezone(now.tzinfo).isoformat("T", "seconds") if armed else None
        )
        data["summary"] = self.planner.describe(now)
        data["in_practice"] = self.active_session is not None
        data["idle_detection"] = self.idle_monitor.name if self.idle_monitor else None
        return data

    def break_now(self, practice_id: str | None) -> str:
        """With a practice: start it. Without: offer a break now, as the prompt does."""
        if practice_id is not None:
            return self.start_practice(practice_id, Trigger.COMMAND_LINE)
        if self.active_session is not None:
            return self.tr("A practice is already under way.")
        if self.current_prompt is None:
            self.offer_break(self.clock.now(), manual=True)
        elif not self.prompt.isVisible():
            self._waiting_since = None
            self._show_prompt_window(self.current_prompt, notify=False)
        if self.current_prompt is None and self.history_problem is not None:
            raise InputError(str(self.history_problem))
        if self.current_prompt is None:
            raise InputError("no practice fits right now; name one (see 'reconnect practices')")
        return self.tr("A break is offered: {title}.").format(
            title=self.current_prompt.practice_title
        )

    def brief_state(self) -> MenuState:
        """The icon's state and the tooltip: the planner alone, cheap enough for every change."""
        now = self.clock.now()
        status = self.planner.status(now)
        return MenuState(
            state=status.mode.value,
            summary=self.planner.describe(now),
            break_planned=status.next_break_at is not None or status.mode is Mode.DUE,
            in_practice=self.active_session is not None,
        )

    def menu_state(self) -> MenuState:
        """Everything the menu shows, the suggestion and the library included."""
        practice = self.practice_on_offer()
        return dataclasses.replace(
            self.brief_state(),
            suggested=item_of(practice) if practice else None,
            by_sense=practices_by_sense(self.library, self.settings["practices.disabled"]),
        )


def offer_of(practice: Practice) -> Offer:
    return Offer(
        practice_id=practice.id,
        title=practice.title,
        summary=practice.summary,
        minutes=practice.minutes,
        senses=practice.senses,
        place=QCoreApplication.translate("Vocabulary", practice.place.label),
    )


def item_of(practice: Practice) -> PracticeItem:
    label = QCoreApplication.translate("TrayApp", "{title} · {minutes} min")
    return PracticeItem(practice.id, label.format(title=practice.title, minutes=practice.minutes))


def practices_by_sense(
    library: Library, disabled: tuple[str, ...] = ()
) -> tuple[tuple[str, tuple[PracticeItem, ...]], ...]:
    """Each practice listed under its first sense, senses in their usual order."""
    groups: dict[str, list[PracticeItem]] = {sense: [] for sense in SENSES}
    for practice in library:
        if practice.id not in disabled:
            groups[practice.senses[0]].append(item_of(practice))
    return tuple((sense, tuple(items)) for sense, items in groups.items() if items)
