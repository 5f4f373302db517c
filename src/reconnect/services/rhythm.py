"""The break rhythm while Reconnect runs: when a break is offered, what becomes of it, and what
is written; the tray, the prompt and the command line act through it."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from reconnect.core.break_planner import BreakPlanner, Wakeup
from reconnect.core.clock import Clock
from reconnect.core.errors import InputError
from reconnect.core.i18n import translate
from reconnect.core.settings import Settings
from reconnect.core.triggers import PromptFate, Trigger
from reconnect.services.rhythm_menu import MenuState, brief_state, menu_state
from reconnect.services.rhythm_offer import offer_quietly, show_offer, withdraw_offer
from reconnect.services.rhythm_ports import (
    SNOOZE_MINUTES,
    BreakHistory,
    Desktop,
    PromptSurface,
    RhythmEvents,
    Unheard,
    Unseen,
)
from reconnect.services.rhythm_problems import HistoryProblems
from reconnect.services.rhythm_suggestions import Suggestions, experiment_of
from reconnect.storage.problems import DatabaseProblem

if TYPE_CHECKING:
    from reconnect.core.control_protocol import PauseRequest
    from reconnect.core.library import Library
    from reconnect.core.practices import Practice
    from reconnect.core.prompts import Prompt
    from reconnect.core.suggestion import Suggestion

log = logging.getLogger(__name__)

BUSY_READY_BEFORE = timedelta(minutes=1)  # the busy check listens to the desktop from then on


class Rhythm:
    """Reconnect's break rhythm while it runs: one per process, plain Python.

    Args:
        clock: now.
        planner: the planner's state machine (``core.break_planner``).
        library: the practices.
        history: where prompts and sessions are written.
        settings: the settings in force.
        rng: chance, for the suggestion.
        desktop: what the desktop tells the rhythm or does for it.
        load_settings: reads the settings file again: the settings and their problems.
        settings_applied: told of new settings (the look follows them).
        prompt, events: the prompt window and the app's listener; or ``attach`` them later.
    """

    def __init__(
        self,
        *,
        clock: Clock,
        planner: BreakPlanner,
        library: Library,
        history: BreakHistory,
        settings: Settings,
        rng: random.Random,
        desktop: Desktop,
        load_settings: Callable[[], tuple[Settings, list[str]]],
        settings_applied: Callable[[Settings], None] | None = None,
        prompt: PromptSurface | None = None,
        events: RhythmEvents | None = None,
    ) -> None:
        self.clock = clock
        self.planner = planner
        self.library = library
        self.records = history
        self.settings = settings
        self.desktop = desktop
        self._load_settings = load_settings
        self._settings_applied = settings_applied
        self._problems = HistoryProblems(desktop.notifier)
        self._suggestions = Suggestions(clock, library, history, rng, lambda: self.settings)
        self._prompt: PromptSurface = prompt or Unseen()
        self._events: RhythmEvents = events or Unheard()

        self.current_prompt: Prompt | None = None
        self._waiting_since: datetime | None = None  # a due break waiting for a busy screen
        self._waiting_because = ""  # what it waits for: "microphone", "full screen", ...
        self._away = False
        self._manual = False  # the open prompt was asked for (break-now), not planned
        self.active_session: str | None = None

    @property
    def history_problem(self) -> DatabaseProblem | None:
        """Why the last write to the history failed; None once one works."""
        return self._problems.last

    def attach(self, prompt: PromptSurface, events: RhythmEvents) -> None:
        """The prompt window and the app's listener (the Qt adapter)."""
        self._prompt, self._events = prompt, events

    # --- start and the wake-ups ----------------------------------------------------------

    def tidy(self) -> None:
        """Sessions the last run left open become interrupted; its open prompts, missed."""
        try:
            interrupted, missed = self.records.tidy_after_last_run(self.clock.now())
        except DatabaseProblem as error:
            self._problems.failed(error)  # the breaks go on; the tidying waits for next time
        else:
            if interrupted or missed:
                log.info("after the last run: %d sessions interrupted, %d prompts missed",
                         interrupted, missed)  # fmt: skip

    def arm(self) -> None:
        """Arm the wake-up at the planner's next moment."""
        self.desktop.wakeups.arm(self.planner.next_wakeup(self.clock.now()))
        self._ready_for_busy(self.clock.now())
        self._events.changed()

    def _ready_for_busy(self, now: datetime) -> None:
        """Near a break, or while one waits, the busy check listens; between breaks, not."""
        wakeup = self.planner.next_wakeup(now)
        near = wakeup is not None and wakeup - now <= BUSY_READY_BEFORE
        if near or self._waiting_since is not None:
            self.desktop.busy.prepare()
        else:
            self.desktop.busy.release()

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
        self.desktop.wakeups.check_now()
        self.arm()

    def poll(self) -> None:
        """Every 30 seconds: the clock, the person's presence, a busy screen, the tooltip."""
        now = self.clock.now()
        self.desktop.sleep.check()
        self._check_presence(now)
        if self._waiting_since is not None:
            self._retry_waiting(now)
        self._ready_for_busy(now)
        self._events.changed()

    def _check_presence(self, now: datetime) -> None:
        presence = self.desktop.presence
        idle = presence.idle_seconds() if presence is not None else None
        if idle is None:
            return
        minutes = timedelta(minutes=self.settings["rhythm.idle_minutes"])
        threshold = self.planner.pace.duration(minutes).total_seconds()
        if idle >= threshold and not self._away:
            self._away = True
            self.planner.away(now, since=now - timedelta(seconds=idle))
        elif idle < threshold and self._away:
            self._away = False
            if self.planner.back(now):
                self._close_prompt(PromptFate.NATURAL_BREAK, now)
            self.arm()

    # --- the suggestion ------------------------------------------------------------------

    def suggestion(self) -> Suggestion | None:
        """The practice the next break would offer; kept until it is offered."""
        return self._suggestions.next()

    def practice_on_offer(self) -> Practice | None:
        """What the tray and the command line name: the practice the prompt offers now, or
        else the one the next break would offer."""
        if (practice := self._waiting()) is not None:
            return practice
        suggestion = self.suggestion()
        return suggestion.practice if suggestion else None

    # --- offering a break ----------------------------------------------------------------

    def offer_break(self, now: datetime, manual: bool = False) -> None:
        """Offer the suggested practice: shown now, or once a busy screen clears."""
        self._manual = manual
        suggestion = self._suggestions.next()
        self._suggestions.forget()
        if suggestion is None:
            log.warning("no practice fits now; the break is let go")
            self.planner.skip_next(now)
            return
        busy = self.desktop.busy.check()
        if busy.busy:
            log.info("a break is due but %s; it waits", busy.reason)
            self._waiting_since, self._waiting_because = now, busy.reason
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
        busy = self.desktop.busy.check()
        self._waiting_because = busy.reason
        if not busy.busy:
            self._waiting_since = None
            self._show(self.current_prompt, notify=True)
        elif now - self._waiting_since >= limit:
            self._waiting_since = None
            offer_quietly(self.current_prompt.practice_title, self.desktop, self._prompt)

    def _present(
        self, suggestion: Suggestion, now: datetime, show_window: bool, quiet: bool, notify: bool
    ) -> bool:
        """Record the offer and show it; False when it could not be recorded (and was told)."""
        practice = suggestion.practice
        try:
            held_back = self._waiting_because if quiet else None
            self.current_prompt = self.records.offer(
                practice, now, suggestion.probability, quiet, held_back, experiment_of(suggestion)
            )
        except DatabaseProblem as error:
            self._problems.failed(error)
            return False
        self._problems.worked()
        self._suggestions.offered(practice.id)
        if show_window:
            self._show(self.current_prompt, notify)
        return True

    def _show(self, prompt: Prompt, notify: bool) -> None:
        """Show the offer (``rhythm_offer.show_offer``: a window, or a notification)."""
        practice = self.library.get(prompt.practice_id)
        if practice is not None:
            show_offer(practice, notify, self.desktop, self._prompt, self._events)

    def _waiting(self) -> Practice | None:
        return self.library.get(self.current_prompt.practice_id) if self.current_prompt else None

    def _close_prompt(self, fate: PromptFate, now: datetime) -> None:
        if self.current_prompt is not None:
            try:
                self.records.decide(self.current_prompt.id, fate, now)
            except DatabaseProblem as error:
                self._problems.failed(error)  # the prompt goes all the same
            self.current_prompt = None
        self._waiting_since = None
        withdraw_offer(self.desktop, self._prompt)

    def forget_prompt(self) -> None:
        """Let the open prompt go without writing its fate (the history is about to close)."""
        self.current_prompt = None
        self._waiting_since = None

    # --- answers from the prompt ---------------------------------------------------------

    def answer(self, choice: str) -> None:
        """The waiting break's choice from its notification or the tray (``ANSWERS``)."""
        if (practice := self._waiting()) is None:
            return
        actions: dict[str, Callable[[], object]] = {
            "start": self.prompt_start, "another": self.prompt_another, "skip": self.prompt_skip,
            "snooze": lambda: self.snooze(SNOOZE_MINUTES),
            "default": lambda: self._prompt.show_offer(practice),
        }  # fmt: skip
        if choice in actions:
            actions[choice]()

    def prompt_start(self) -> None:
        prompt = self.current_prompt
        if prompt is not None:
            self.start_told(prompt.practice_id, Trigger.SCHEDULED, prompt)

    def start_told(self, practice_id: str, trigger: Trigger, prompt: Prompt | None = None) -> None:
        """Start from the tray or the prompt, where a refusal has been told already."""
        try:
            self.start_practice(practice_id, trigger, prompt)
        except InputError as error:
            log.info("the practice did not start: %s", error)

    def prompt_another(self) -> None:
        now = self.clock.now()
        old = self.current_prompt
        if old is None:
            return
        suggestion = self._suggestions.instead_of(old.practice_id)
        try:
            self.records.decide(old.id, PromptFate.ANOTHER, now)
            if suggestion is None:
                return
            self.current_prompt = self.records.offer(
                suggestion.practice, now, suggestion.probability
            )
        except DatabaseProblem as error:
            self._problems.failed(error)
            return  # the first offer stays
        self._suggestions.offered(suggestion.practice.id)
        self._show(self.current_prompt, notify=False)

    def prompt_snooze(self, minutes: int) -> None:
        self.snooze(minutes)

    def prompt_skip(self) -> None:
        if self._manual:
            # Declining a break asked for by hand leaves the planned rhythm as it was.
            self._close_prompt(PromptFate.SKIPPED, self.clock.now())
            return
        self.skip()

    def prompt_expired(self) -> None:
        now = self.clock.now()
        self._close_prompt(PromptFate.MISSED, now)
        if not self._manual:
            self.planner.missed(now)
        self.arm()

    # --- actions (tray, prompt, command line) --------------------------------------------

    def start_practice(
        self, practice_id: str, trigger: Trigger, prompt: Prompt | None = None
    ) -> str:
        """Write the session and open the practice; starting anything answers the prompt.

        Raises:
            InputError: no such practice, or the history can't be written (said why).
        """
        practice = self.library.get(practice_id)
        if practice is None:
            raise InputError(self.library.unknown(practice_id))
        now = self.clock.now()
        if prompt is None and self.current_prompt is not None:
            prompt = self.current_prompt
        try:
            session = self.records.start(practice, trigger, now, prompt.id if prompt else None)
        except DatabaseProblem as error:
            # No session, no check-in: the practice waits for the history; the person is told.
            raise InputError(str(self._problems.failed(error))) from error
        self._problems.worked()
        self.current_prompt = None
        self._waiting_since = None
        withdraw_offer(self.desktop, self._prompt)
        self.planner.started(now)
        self.active_session = session.id
        self.arm()
        self._events.practice_started(session.id, practice.id, trigger)
        return translate("Rhythm", "Starting {title}. Take it at your own pace.").format(
            title=practice.title
        )

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
        return translate("Rhythm", "Snoozed. {plan}.").format(plan=self.planner.describe(now))

    def skip(self) -> str:
        now = self.clock.now()
        self._close_prompt(PromptFate.SKIPPED, now)
        self.planner.skip_next(now)
        self.arm()
        return translate("Rhythm", "That break is let go. {plan}.").format(
            plan=self.planner.describe(self.clock.now())
        )

    def pause_spec(self, spec: str) -> str:
        """Pause as the tray names it: ``30m``, ``1h``, ``until-tomorrow``..."""
        from reconnect.core.control_protocol import parse_pause  # not needed at start

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
        plan = self.planner.describe(now)
        return translate("Rhythm", "{plan}. Resume any time.").format(plan=plan)

    def resume(self) -> str:
        now = self.clock.now()
        self.planner.resume(now)
        self.arm()
        return translate("Rhythm", "Resumed. {plan}.").format(plan=self.planner.describe(now))

    def open_dashboard(self) -> str:
        self._events.dashboard_requested()
        return translate("Rhythm", "The dashboard is open.")

    def quit(self) -> str:
        """Ask the app to close soon; the answer goes first."""
        self._events.quit_requested()
        return translate("Rhythm", "Reconnect is closing. Take care.")

    def shutdown(self) -> None:
        """The app closes: an open prompt was missed."""
        self._close_prompt(PromptFate.MISSED, self.clock.now())

    def reload_settings(self) -> str:
        """Read the settings file again and apply it at once: the plan and the look follow."""
        settings, problems = self._load_settings()
        self.settings = settings
        if self._settings_applied is not None:
            self._settings_applied(settings)
        self.planner.set_rhythm(settings.rhythm(), self.clock.now())
        self._suggestions.forget()
        self.arm()
        if problems:
            return translate("Rhythm", "Settings applied, except: {problems}").format(
                problems=" ".join(problems)
            )
        return translate("Rhythm", "Settings applied.")

    def break_now(self, practice_id: str | None) -> str:
        """With a practice: start it. Without: offer a break now, as the prompt does.

        Raises:
            InputError: no such practice, none fits now, or the history can't be written.
        """
        if practice_id is not None:
            return self.start_practice(practice_id, Trigger.COMMAND_LINE)
        if self.active_session is not None:
            return translate("Rhythm", "A practice is already under way.")
        if self.current_prompt is None:
            self.offer_break(self.clock.now(), manual=True)
        elif not self._prompt.is_visible():
            self._waiting_since = None
            self._show(self.current_prompt, notify=False)
        if self.current_prompt is None:  # the history could not be read, or nothing fits
            none_fits = "no practice fits right now; name one (see 'reconnect practices')"
            raise InputError(str(self.history_problem or none_fits))
        return translate("Rhythm", "A break is offered: {title}.").format(
            title=self.current_prompt.practice_title
        )

    # --- what the tray and the command line show -----------------------------------------

    def status(self) -> dict[str, Any]:
        """The state for ``reconnect status``: the planner's, the practice on offer, the
        armed wake-up, whether a practice runs, and what reads idle time."""
        now = self.clock.now()
        data: dict[str, Any] = dict(self.planner.status(now).to_dict())
        practice = self.practice_on_offer()
        data["suggested_practice"] = practice.id if practice else None
        data["suggested_title"] = practice.title if practice else None
        armed = self.desktop.wakeups.next_run_at
        # When the scheduler will really wake the app: the planned break, or a pause's end.
        data["wakeup_at"] = (
            armed.astimezone(now.tzinfo).isoformat("T", "seconds") if armed else None
        )
        data["summary"] = self.planner.describe(now)
        data["in_practice"] = self.active_session is not None
        data["prompt_waiting"] = self.current_prompt is not None  # offered, not yet answered
        presence = self.desktop.presence
        data["idle_detection"] = presence.name if presence is not None else None
        data["away"] = self._away  # time without input, counted as a natural break
        data["waiting_because"] = self._waiting_because if self._waiting_since else None
        return data

    def brief_state(self) -> MenuState:
        """The icon's state and the tooltip: the planner, and a break waiting unseen."""
        waiting = self._waiting()  # asked first: no window is asked about without a break
        waiting = None if waiting is None or self._prompt.is_visible() else waiting
        because = self._waiting_because if self._waiting_since else None
        return brief_state(
            self.planner, self.clock.now(), self.active_session is not None, waiting, because
        )

    def menu_state(self) -> MenuState:
        """Everything the menu shows, the suggestion and the library included."""
        return menu_state(
            self.brief_state(),
            self.practice_on_offer(),
            self.library,
            self.settings["practices.disabled"],
        )
