"""Picks the desktop adapters for the running session (idle, busy, notifications, sleep, sound)
and reports which it chose and why, for the tray, ``reconnect doctor`` and ``status --json``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reconnect.desktop.session import DesktopSession, SessionKind, detect_session

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

    from reconnect.core.clock import Clock
    from reconnect.core.pace import Pace
    from reconnect.desktop.busy import BusyDetector, BusySource
    from reconnect.desktop.busy_list import SettingsLike
    from reconnect.desktop.idle import IdleMonitor, IdleSearch
    from reconnect.desktop.late_busy import LateBusy
    from reconnect.desktop.notifications import BreakNotice
    from reconnect.desktop.notifier import Notifier
    from reconnect.desktop.sleep_watch import SleepWatch
    from reconnect.services.desktop_ports import SoundPlayer

ROLES = ("idle", "busy", "notifications", "sleep", "sound", "tray", "prompt")

SoundFactory = Callable[[Callable[[], bool], Callable[[], bool]], "SoundPlayer"]
"""Makes the practice's sound player from two questions: chimes on? breath tones on?"""


@dataclass(frozen=True)
class Choice:
    """What fills one role, and why.

    Attributes:
        adapter: what was chosen, in words ("X11 screen saver extension"); None when nothing
            can fill the role here.
        why: why it was chosen, or why nothing could be (with what to do, where something would
            help).
    """

    adapter: str | None
    why: str = ""

    @property
    def found(self) -> bool:
        return self.adapter is not None

    def describe(self) -> str:
        """One line: "adapter (why)", or "none: why"."""
        if self.adapter is None:
            return f"none: {self.why}"
        return f"{self.adapter} ({self.why})" if self.why else self.adapter

    def to_dict(self) -> dict[str, str | None]:
        return {"adapter": self.adapter, "why": self.why}


@dataclass(frozen=True)
class DesktopReport:
    """The session and the adapter chosen for each role.

    Attributes:
        session: the session the choice was made for.
        probed: each adapter was asked whether it works here (``reconnect doctor``); when False
            (the tray at start) only idle detection was asked, the rest were only chosen.
    """

    session: DesktopSession
    idle: Choice
    busy: Choice
    notifications: Choice
    sleep: Choice
    sound: Choice
    probed: bool = False
    tray: Choice = Choice(None, "not looked for")  # which tray host shows the icon
    # How a break is offered: "window" (shown without the keyboard) or "notification".
    prompt: Choice = Choice("window", "a window shown without taking the keyboard")

    def roles(self) -> list[tuple[str, Choice]]:
        """Each role's name (see :data:`ROLES`) with its choice, in that order."""
        return [(role, getattr(self, role)) for role in ROLES]

    def to_dict(self) -> dict[str, Any]:
        """For JSON: the session, ``probed``, and one ``{"adapter", "why"}`` per role."""
        session = self.session
        data: dict[str, Any] = {
            "session": {
                "kind": session.kind.value,
                "wayland": session.wayland,
                "desktop": session.desktop,
                "description": session.describe(),
            },
            "probed": self.probed,
        }
        data.update((role, choice.to_dict()) for role, choice in self.roles())
        return data


def make_sound_player(
    chimes_enabled: Callable[[], bool], tones_enabled: Callable[[], bool]
) -> SoundPlayer:
    """The practice's sound player: playsound3's everywhere so far (a :data:`SoundFactory`)."""
    from reconnect.desktop.sound import Playsound3Player
    from reconnect.paths import sounds_dir

    return Playsound3Player(sounds_dir(), chimes_enabled, tones_enabled)


@dataclass
class DesktopAdapters:
    """The adapters chosen for this session, to hand to the tray app, and the report.

    Attributes:
        idle_monitor: reads idle time; None where nothing can.
        busy: tells a call (microphone, camera, screen share), a calendar event, full-screen
            windows and do-not-disturb.
        notifier: sends notifications.
        sleep_watch: notices sleep, clock jumps and time-zone changes (not started yet).
        make_sound: makes the sound player when the first practice opens.
        report: which was chosen, and why.
        break_notice: offers a break as a notification with actions (Wayland); None: the
            prompt window offers it.
        use_busy_settings: switches the busy sources on and off as the settings say; called
            at start and whenever the settings change.
    """

    idle_monitor: IdleMonitor | None
    busy: BusyDetector | LateBusy
    notifier: Notifier
    sleep_watch: SleepWatch
    make_sound: SoundFactory
    report: DesktopReport
    break_notice: BreakNotice | None = None  # where a break is offered as a notification
    use_busy_settings: Callable[[SettingsLike], None] = lambda _settings: None
    still_to_do: Callable[[DesktopAdapters], None] | None = None  # see ``complete``

    def complete(self) -> None:
        """With ``pick_adapters(later=True)``: look for idle detection, make the busy detector
        and say both in the report. Does nothing the second time, or after an eager pick."""
        still_to_do, self.still_to_do = self.still_to_do, None
        if still_to_do is not None:
            still_to_do(self)

    def close(self) -> None:
        """Let go of what the adapters hold open, for a caller that does not keep them."""
        from reconnect.desktop.idle import close_idle_monitor

        if self.idle_monitor is not None:
            close_idle_monitor(self.idle_monitor)
        self.busy.close()
        self.sleep_watch.stop()


def pick_adapters(
    clock: Clock,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    *,
    session_bus: QDBusConnection | None = None,
    system_bus: QDBusConnection | None = None,
    probe: bool = False,
    sound_support: Callable[[], tuple[bool, str]] | None = None,
    settings: SettingsLike | None = None,
    pace: Pace | None = None,
    look_for_tray: bool = True,
    later: bool = False,
) -> DesktopAdapters:
    """Choose the adapters for the session this process runs in, and say which and why.

    Idle detection is looked for now (each candidate must answer a first question), or with
    ``later`` once the tray shows; the others are chosen from the session without asking the
    desktop, unless ``probe``. Never raises.

    Args:
        clock: for the sleep watch.
        environ: the environment; ``os.environ`` when None (read again by the adapters).
        platform: ``sys.platform``.
        session_bus: where GNOME's idle monitor and the notification server are looked for;
            the process's session bus when None.
        system_bus: where logind's idle hint is looked for; the process's system bus when None.
        probe: also ask each adapter whether it works here (``reconnect doctor``: this
            looks for a sound player, which runs programs, and asks the session and system
            buses); with a graphical session, make the QApplication first. Without one, only
            idle detection and sound are asked.
        sound_support: how sound is probed (tests give their own answer).
        settings: which busy sources are on (``busy.*``), for the report; the app applies its
            own through ``use_busy_settings``.
        pace: the run's pace; a test's makes the compositor say "idled" sooner (real when None).
        look_for_tray: ask which tray host there is (a bus call); when False, the report says
            it was not looked for, and the app asks once its icon shows
            (``look_for_tray_again``).
        later: the tray's start: idle detection is looked for, and the busy detector made,
            by ``DesktopAdapters.complete`` (once the icon shows); until then there is no idle
            monitor, the busy detector is a stand-in, and the report says "not looked for
            yet" of both. Not with ``probe``.
    """
    from reconnect.desktop.notifier import Notifier
    from reconnect.desktop.sleep_watch import SleepWatch

    seen = os.environ if environ is None else environ
    session = detect_session(seen, platform)
    tray = _tray(session, session_bus, seen) if look_for_tray or probe else DesktopReport.tray
    notice, prompt = _prompt(session, session_bus, probe)
    notifier = Notifier()
    sleep_watch = SleepWatch(clock)
    if later and not probe:
        return _first_step(clock, environ, platform, session_bus, system_bus, pace, notice,
                           DesktopReport(session, _NOT_YET, _NOT_YET, _notifications(session),
                                         _sleep(session), _sound(), tray=tray, prompt=prompt),
                           notifier, sleep_watch, settings)  # fmt: skip
    from reconnect.desktop.busy import BusyDetector

    search = _search_idle(session_bus, environ, platform, system_bus, pace)
    busy = BusyDetector(session_bus, environ, platform)

    def use_busy_settings(chosen: SettingsLike) -> None:
        from reconnect.desktop.busy_list import enabled_sources

        busy.use_sources(enabled_sources(chosen, clock.now, seen, platform))

    if settings is not None:
        use_busy_settings(settings)
    if probe:
        checked = session.kind is not SessionKind.NONE
        report = DesktopReport(
            session,
            _idle_choice(search),
            _probed_busy(busy) if checked else _busy(busy, session, True),
            _probed_notifications(notifier) if checked else _notifications(session, True),
            _probed_sleep(sleep_watch, session) if checked else _sleep(session, True),
            _probed_sound(sound_support),
            probed=True,
            tray=tray,
            prompt=prompt,
        )
    else:
        report = DesktopReport(
            session,
            _idle_choice(search),
            _busy(busy, session),
            _notifications(session),
            _sleep(session),
            _sound(),
            tray=tray,
            prompt=prompt,
        )
    return DesktopAdapters(
        search.monitor,
        busy,
        notifier,
        sleep_watch,
        make_sound_player,
        report,
        notice,
        use_busy_settings,
    )


_NOT_YET = Choice(None, "not looked for yet")


def _prompt(
    session: DesktopSession, bus: QDBusConnection | None, probe: bool
) -> tuple[BreakNotice | None, Choice]:
    """The break notice (Wayland) and how a break is offered; the notice's module only there."""
    if not session.wayland:
        return None, DesktopReport.prompt
    from reconnect.desktop.notifications import prompt_choice

    notice, how, why = prompt_choice(session, bus, probe)
    return notice, Choice(how, why)


def _search_idle(
    session_bus: QDBusConnection | None,
    environ: Mapping[str, str] | None,
    platform: str,
    system_bus: QDBusConnection | None,
    pace: Pace | None,
) -> IdleSearch:
    from reconnect.desktop.idle import notify_after, search_idle_monitor

    return search_idle_monitor(
        session_bus, environ, platform, system_bus=system_bus,
        notify_after=notify_after() if pace is None else notify_after(pace),
    )  # fmt: skip


def _first_step(
    clock: Clock,
    environ: Mapping[str, str] | None,
    platform: str,
    session_bus: QDBusConnection | None,
    system_bus: QDBusConnection | None,
    pace: Pace | None,
    notice: BreakNotice | None,
    report: DesktopReport,
    notifier: Notifier,
    sleep_watch: SleepWatch,
    settings: SettingsLike | None,
) -> DesktopAdapters:
    """``pick_adapters(later=True)``: the cheap adapters now; idle and busy with ``complete``."""
    from reconnect.desktop.late_busy import LateBusy

    def make_busy() -> BusyDetector:
        from reconnect.desktop.busy import BusyDetector

        return BusyDetector(session_bus, environ, platform)

    busy = LateBusy(make_busy)
    seen = os.environ if environ is None else environ

    def use_busy_settings(chosen: SettingsLike) -> None:
        def sources() -> list[BusySource]:
            from reconnect.desktop.busy_list import enabled_sources

            return enabled_sources(chosen, clock.now, seen, platform)

        busy.use_sources_from(sources)

    def complete(adapters: DesktopAdapters) -> None:
        search = _search_idle(session_bus, environ, platform, system_bus, pace)
        adapters.idle_monitor = search.monitor
        report = adapters.report  # the tray may have been looked for since
        adapters.report = replace(
            report, idle=_idle_choice(search), busy=_busy(busy.made, report.session)
        )

    if settings is not None:
        use_busy_settings(settings)
    return DesktopAdapters(
        None, busy, notifier, sleep_watch, make_sound_player, report, notice,
        use_busy_settings, still_to_do=complete,
    )  # fmt: skip


def look_for_tray_again(report: DesktopReport, environ: Mapping[str, str]) -> DesktopReport:
    """The report with its tray looked for anew (a tray host that came after the start)."""
    return replace(report, tray=_tray(report.session, None, environ))


def _tray(
    session: DesktopSession, bus: QDBusConnection | None, environ: Mapping[str, str]
) -> Choice:
    """The tray host: the StatusNotifierWatcher's owner, or X11's tray selection; a bus call."""
    from PySide6.QtDBus import QDBusConnection

    from reconnect.desktop.tray_host import describe_tray_host

    if bus is None and session.kind is not SessionKind.NONE and _elsewhere(session) is None:
        bus = QDBusConnection.sessionBus()  # only where a graphical session may have one
    host, why = describe_tray_host(session, bus, environ.get("DISPLAY", ""))
    return Choice(host, why)


def _idle_choice(search: IdleSearch) -> Choice:
    if search.monitor is None:
        return Choice(None, search.reasons())
    why = "the first to answer"
    if search.passed_over:
        why += f"; passed over: {'; '.join(search.passed_over)}"
    return Choice(search.monitor.name, why)


def _elsewhere(session: DesktopSession) -> str | None:
    """ "Windows" or "macOS", where the freedesktop adapters have nothing to talk to."""
    if session.kind in (SessionKind.WINDOWS, SessionKind.MACOS):
        return session.describe()
    return None


def _source_names(busy: BusyDetector, probe: bool = False) -> list[str]:
    """The busy sources switched on, each with its problem (a broken .ics file named)."""
    from reconnect.desktop.busy_list import describe_source

    if probe:
        for source in busy.sources:
            source.check()  # a source tells its problem once it has tried
    return [describe_source(source) for source in busy.sources]


def _busy(busy: BusyDetector, session: DesktopSession, no_session: bool = False) -> Choice:
    other = _elsewhere(session)
    sources = _source_names(busy)
    if other is not None:
        if sources:
            return Choice("; ".join(sources), f"only these are read on {other}")
        return Choice(None, f"nothing is read on {other} yet, so breaks never wait")
    why = "read from a minute before a break is due; a read that fails counts as not busy"
    if no_session:
        why = "not checked: there is no graphical session here"
    return Choice("; ".join(sources + busy.planned_sources()), _with_unseen(why, busy))


def _probed_busy(busy: BusyDetector) -> Choice:
    found = _source_names(busy, probe=True) + busy.capabilities()
    if found:
        return Choice("; ".join(found), _with_unseen("could be read just now", busy))
    return Choice(
        None,
        _with_unseen(
            "neither full-screen windows nor do-not-disturb can be read here, so breaks never "
            "wait for them",
            busy,
        ),
    )


def _with_unseen(why: str, busy: BusyDetector) -> str:
    """``why``, and what this desktop tells no program (GNOME's full-screen windows)."""
    unseen = busy.unseen()
    return f"{why}; {unseen}" if unseen else why


def _notifications(session: DesktopSession, no_session: bool = False) -> Choice:
    from reconnect.desktop.notifier import NAME

    other = _elsewhere(session)
    if other is not None:
        return Choice(None, f"only the freedesktop notification service is known, not {other}'s")
    if no_session:
        return Choice(NAME, "not checked: there is no graphical session here")
    return Choice(NAME, "through gdbus, looked for when a notification is sent")


def _probed_notifications(notifier: Notifier) -> Choice:
    ok, how = notifier.available()
    return Choice(how, "it is running") if ok else Choice(None, how)


_LOGIND = "logind's PrepareForSleep, and the clocks"
_CLOCKS = "the wall and monotonic clocks, compared at each 30-second check"


def _sleep(session: DesktopSession, no_session: bool = False) -> Choice:
    if _elsewhere(session) is not None:
        return Choice(_CLOCKS, "the only way known here")
    if no_session:
        return Choice(_LOGIND, "not checked: there is no graphical session here")
    return Choice(_LOGIND, "without a system bus, the clocks alone see a sleep afterwards")


def _probed_sleep(sleep_watch: SleepWatch, session: DesktopSession) -> Choice:
    if _elsewhere(session) is not None:
        return _sleep(session)
    if sleep_watch.start():
        sleep_watch.stop()
        return Choice(_LOGIND, "logind can be watched on the system bus")
    return Choice(_CLOCKS, "logind can't be watched: no system bus")


def _sound() -> Choice:
    # Looking for a player runs programs: done when the first sound plays, not at start.
    return Choice("playsound3", "its player is looked for when the first sound plays")


def _probed_sound(support: Callable[[], tuple[bool, str]] | None) -> Choice:
    if support is None:
        from reconnect.desktop.sound import sound_support

        support = sound_support
    ok, how = support()
    return Choice(f"playsound3 with {how}", "a player was found") if ok else Choice(None, how)
