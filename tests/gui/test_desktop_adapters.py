"""The adapters are picked for the session in one place, and the report says which and why.

Fake environments stand for each kind of session; the session bus is one that can't be
reached (so this machine's bus answers nothing), except where the test display is used.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtDBus import QDBusConnection

from reconnect.core.clock import FakeClock
from reconnect.desktop.adapters import (
    Choice,
    DesktopAdapters,
    DesktopReport,
    make_sound_player,
    pick_adapters,
)
from reconnect.desktop.busy import (
    GNOME_BANNERS,
    INHIBITED,
    KWIN_FULL_SCREEN,
    MAKO_MODE,
    WLR_FULL_SCREEN,
    X11_FULL_SCREEN,
    XWAYLAND_FULL_SCREEN,
    Busy,
    BusyDetector,
)
from reconnect.desktop.late_busy import LateBusy
from reconnect.desktop.notifier import NAME as NOTIFICATIONS
from reconnect.desktop.notifier import Notifier
from reconnect.desktop.session import DesktopSession, SessionKind
from reconnect.desktop.sleep_watch import SleepWatch
from tests.support.desktop import VirtualDesktop

GNOME_WAYLAND = {
    "XDG_SESSION_TYPE": "wayland",
    "XDG_CURRENT_DESKTOP": "ubuntu:GNOME",
    "WAYLAND_DISPLAY": "wayland-0",
    "DISPLAY": ":4321",  # XWayland's, not there
}
KDE_WAYLAND = {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE", "WAYLAND_DISPLAY": "w"}
SWAY = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-1", "SWAYSOCK": "/tmp/s.sock"}
LOGIND = "logind's PrepareForSleep, and the clocks"
CLOCKS = "the wall and monotonic clocks, compared at each 30-second check"


@pytest.fixture
def nowhere() -> Iterator[QDBusConnection]:
    """A session bus that can't be reached."""
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "reconnect-test-adapters")
    yield bus
    QDBusConnection.disconnectFromBus("reconnect-test-adapters")


Pick = Callable[..., DesktopAdapters]


@pytest.fixture
def pick(nowhere: QDBusConnection, clock: FakeClock) -> Iterator[Pick]:
    """Picks for a fake environment and platform; closes what it picked afterwards."""
    picked: list[DesktopAdapters] = []

    def run(environ: dict[str, str], platform: str = "linux") -> DesktopAdapters:
        adapters = pick_adapters(clock, environ, platform, session_bus=nowhere, system_bus=nowhere)
        picked.append(adapters)
        return adapters

    yield run
    for adapters in picked:
        adapters.close()


def roles(report: DesktopReport) -> dict[str, str | None]:
    return {role: choice.adapter for role, choice in report.roles()}


def test_gnome_on_wayland(pick: Pick) -> None:
    adapters = pick(GNOME_WAYLAND)
    report = adapters.report

    assert report.session == DesktopSession(SessionKind.GNOME, True, "ubuntu:GNOME")
    assert roles(report) == {
        "idle": None,
        "busy": f"{XWAYLAND_FULL_SCREEN}; {INHIBITED}; {GNOME_BANNERS}",
        "notifications": NOTIFICATIONS,
        "sleep": LOGIND,
        "sound": "playsound3",
        "tray": None,  # that bus can't be reached
        "prompt": "notification",  # a new window could take the keyboard
    }
    assert adapters.idle_monitor is None
    assert report.idle.why.startswith(
        "the Wayland display wayland-0 can't be found: XDG_RUNTIME_DIR is not set; "
        "no D-Bus session bus; a Wayland session, where X11's idle counter sees only X11 "
        "windows; no D-Bus system bus, so no logind."
    )
    assert "breaks come on schedule" in report.idle.why
    assert not report.probed


def test_kde_on_wayland_reads_no_gnome_setting(pick: Pick) -> None:
    report = pick(KDE_WAYLAND).report

    assert report.session.kind is SessionKind.KDE
    # no DISPLAY: no XWayland windows to look at; KWin's own through a script
    assert report.busy.adapter == f"{KWIN_FULL_SCREEN}; {INHIBITED}"
    assert report.idle.adapter is None


def test_sway_is_a_wlroots_session(pick: Pick) -> None:
    report = pick(SWAY).report

    assert report.session.describe() == "a wlroots compositor on Wayland"
    assert report.idle.describe().startswith(
        "none: the Wayland display wayland-1 can't be found: XDG_RUNTIME_DIR is not set; "
        "no D-Bus session bus; a Wayland session"
    )
    assert report.notifications.adapter == NOTIFICATIONS
    assert report.busy.adapter == f"{WLR_FULL_SCREEN}; {INHIBITED}; {MAKO_MODE}"


def test_x11_on_the_test_display_reads_idle_time(pick: Pick, desktop: VirtualDesktop) -> None:
    adapters = pick({"DISPLAY": desktop.display, "XDG_SESSION_TYPE": "x11"})
    report = adapters.report

    assert report.session.kind is SessionKind.X11
    assert adapters.idle_monitor is not None
    assert adapters.idle_monitor.idle_seconds() is not None
    # on X11 the X server's own counter comes first: nothing was passed over
    assert report.idle == Choice("X11 screen saver extension", "the first to answer")
    assert report.busy.adapter == f"{X11_FULL_SCREEN}; {INHIBITED}"


def test_windows_reads_nothing_of_the_freedesktop(pick: Pick) -> None:
    adapters = pick({}, "win32")
    report = adapters.report

    assert report.session.kind is SessionKind.WINDOWS
    # Here, on Linux, Windows' own facility can't load; on Windows it is the one tried.
    assert report.idle.adapter is None and "GetLastInputInfo" in report.idle.why
    assert report.busy == Choice(None, "nothing is read on Windows yet, so breaks never wait")
    assert report.notifications.adapter is None
    assert report.sleep.adapter == CLOCKS
    assert adapters.busy.check() == Busy(False, "")


def test_macos(pick: Pick) -> None:
    report = pick({"DISPLAY": ":0"}, "darwin").report

    assert report.session.kind is SessionKind.MACOS
    assert "ApplicationServices" in report.idle.why
    assert report.busy.adapter is None and report.sleep.adapter == CLOCKS


def test_no_display_at_all(pick: Pick) -> None:
    report = pick({"XDG_SESSION_TYPE": "tty"}).report

    assert report.session.kind is SessionKind.NONE
    assert report.idle.adapter is None
    assert "no X display ($DISPLAY is not set)" in report.idle.why
    assert report.busy.adapter == INHIBITED


def test_the_same_adapters_as_before_are_handed_on(pick: Pick) -> None:
    adapters = pick(KDE_WAYLAND)

    assert isinstance(adapters.busy, BusyDetector)
    assert isinstance(adapters.notifier, Notifier)
    assert isinstance(adapters.sleep_watch, SleepWatch)
    assert adapters.make_sound is make_sound_player


def test_the_report_goes_into_json(pick: Pick) -> None:
    data = json.loads(json.dumps(pick(GNOME_WAYLAND).report.to_dict()))

    assert data["session"] == {
        "kind": "gnome",
        "wayland": True,
        "desktop": "ubuntu:GNOME",
        "description": "GNOME on Wayland",
    }
    assert data["probed"] is False
    assert set(data) == {
        "session", "probed", "idle", "busy", "notifications", "sleep", "sound", "tray",
        "prompt",
    }  # fmt: skip
    assert data["idle"]["adapter"] is None and data["idle"]["why"]
    assert data["sound"] == {
        "adapter": "playsound3",
        "why": "its player is looked for when the first sound plays",
    }


@pytest.mark.usefixtures("qapp")
def test_probing_asks_each_adapter(
    nowhere: QDBusConnection, clock: FakeClock, desktop: VirtualDesktop
) -> None:
    adapters = pick_adapters(
        clock,
        {"DISPLAY": desktop.display, "XDG_SESSION_TYPE": "x11"},
        "linux",
        session_bus=nowhere,
        probe=True,
        sound_support=lambda: (True, "gstreamer"),
    )
    adapters.close()
    report = adapters.report

    assert report.probed
    assert report.sound == Choice("playsound3 with gstreamer", "a player was found")
    # Nothing answers on that bus, and without a window manager nothing is announced.
    assert report.busy.adapter is None or report.busy.adapter == X11_FULL_SCREEN
    assert report.sleep.adapter in (LOGIND, CLOCKS)


def test_probing_without_a_session_leaves_the_buses_alone(
    nowhere: QDBusConnection, clock: FakeClock
) -> None:
    adapters = pick_adapters(
        clock, {}, "linux", session_bus=nowhere, probe=True, sound_support=lambda: (False, "x")
    )
    adapters.close()
    report = adapters.report

    assert report.notifications.why == "not checked: there is no graphical session here"
    assert report.sleep.why == "not checked: there is no graphical session here"
    assert report.sound == Choice(None, "x")


BUSY_OFF = {"busy.microphone": False, "busy.camera": True, "busy.screen_share": False,
            "busy.calendar": "", "busy.calendar_titles": False}  # fmt: skip


def test_at_the_trays_start_idle_and_busy_come_once_it_shows(
    nowhere: QDBusConnection, clock: FakeClock, desktop: VirtualDesktop
) -> None:
    """``later``: nothing of idle or busy is asked until ``complete``; what was said to the
    busy detector before (its sources) is kept and applied then, the last word winning."""
    environ = {"DISPLAY": desktop.display, "XDG_SESSION_TYPE": "x11"}
    adapters = pick_adapters(
        clock, environ, "linux", session_bus=nowhere, system_bus=nowhere, later=True,
        settings={**BUSY_OFF, "busy.microphone": True},
    )  # fmt: skip
    try:
        late = adapters.busy
        assert isinstance(late, LateBusy) and not late.is_made
        assert adapters.idle_monitor is None and adapters.break_notice is None
        assert roles(adapters.report)["idle"] is None
        assert adapters.report.busy == Choice(None, "not looked for yet")
        assert adapters.report.prompt.adapter == "window"
        adapters.use_busy_settings(BUSY_OFF)  # the settings changed before the tray showed
        late.release()  # nothing near yet: nothing is made for it
        assert not late.is_made

        adapters.complete()
        adapters.complete()  # once only

        assert late.is_made
        assert [source.name for source in late.made.sources] == ["camera"]
        assert adapters.idle_monitor is not None
        assert adapters.report.idle == Choice("X11 screen saver extension", "the first to answer")
        assert adapters.report.busy.adapter == f"camera; {X11_FULL_SCREEN}; {INHIBITED}"
        adapters.use_busy_settings({**BUSY_OFF, "busy.camera": False})  # now at once
        assert late.made.sources == []
    finally:
        adapters.close()


def test_a_break_that_asks_before_the_tray_shows_makes_the_busy_check_first(
    nowhere: QDBusConnection, clock: FakeClock
) -> None:
    adapters = pick_adapters(
        clock, {"XDG_SESSION_TYPE": "tty"}, "linux", session_bus=nowhere, system_bus=nowhere,
        later=True, settings=BUSY_OFF,
    )  # fmt: skip
    try:
        late = adapters.busy
        assert isinstance(late, LateBusy) and not late.is_made
        assert late.check() == Busy(False, "")
        assert late.is_made and [source.name for source in late.made.sources] == ["camera"]
    finally:
        adapters.close()
