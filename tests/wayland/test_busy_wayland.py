"""A full-screen window and do-not-disturb are seen on each real Wayland desktop where it tells
them (sway's window list, KWin through a script; mako's mode, Plasma's Inhibited, GNOME's
show-banners), and a scheduled break waits for them, saying why in ``status --json``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from reconnect.desktop.busy import (
    DO_NOT_DISTURB,
    FULL_SCREEN,
    GNOME_BANNERS,
    GNOME_UNSEEN,
    INHIBITED,
    KWIN_FULL_SCREEN,
    MAKO_MODE,
    NOT_BUSY,
    WLR_FULL_SCREEN,
    Busy,
    BusyDetector,
)
from reconnect.ui.care.first_run import FIRST_RUN_MARKER
from tests.e2e.test_scheduled_breaks import DAYS, EVERY_DAY, midday_zone
from tests.integration.test_desktop_report import doctor_lines
from tests.support.wayland import GnomeDesktop, KdeDesktop, SwayDesktop, WaylandDesktop
from tests.support.wayland import wait_until as wait_for

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

BANNERS = ("org.gnome.desktop.notifications", "show-banners")


def set_full_screen(desktop: WaylandDesktop, on: bool) -> None:
    """Make the terminal that has the keyboard full screen, or not, as its person would."""
    if isinstance(desktop, SwayDesktop):
        desktop.swaymsg(f"[app_id={desktop.terminal}] fullscreen {'enable' if on else 'disable'}")
    elif isinstance(desktop, KdeDesktop):
        desktop.kwin_script(
            f"workspace.activeClient.fullScreen = {'true' if on else 'false'}; const out = 1;"
        )
    else:
        raise AssertionError(f"{desktop.kind} tells no program about full-screen windows")


def detector_environ(desktop: WaylandDesktop) -> dict[str, str]:
    """The app's environment there; gsettings reads the desktop user's settings, as the
    person's own app would (the tests' app runs as another user)."""
    return {**desktop.app_environ(), "XDG_CONFIG_HOME": str(desktop.home / ".config")}


@pytest.fixture
def desktop_bus(wayland_desktop: WaylandDesktop) -> Iterator[QDBusConnection]:
    name = f"busy-test-{wayland_desktop.kind}"
    bus = QDBusConnection.connectToBus(wayland_desktop.bus_address, name)
    assert bus.isConnected(), bus.lastError().message()
    yield bus
    QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def detector(
    wayland_desktop: WaylandDesktop, desktop_bus: QDBusConnection
) -> Iterator[BusyDetector]:
    found = BusyDetector(desktop_bus, detector_environ(wayland_desktop))
    yield found
    found.close()


def test_a_full_screen_window_makes_busy_until_it_leaves_full_screen(
    wayland_desktop: WaylandDesktop, detector: BusyDetector, qtbot: QtBot
) -> None:
    if isinstance(wayland_desktop, GnomeDesktop):
        # GNOME offers no way; doctor says so plainly, and do-not-disturb is read instead
        assert detector.unseen() == GNOME_UNSEEN
        return
    detector.prepare()  # a break is near
    qtbot.waitUntil(lambda: detector.check() == NOT_BUSY, timeout=10_000)
    try:
        set_full_screen(wayland_desktop, True)
        qtbot.waitUntil(lambda: detector.check() == Busy(True, FULL_SCREEN), timeout=10_000)
    finally:
        set_full_screen(wayland_desktop, False)
    qtbot.waitUntil(lambda: detector.check() == NOT_BUSY, timeout=10_000)


# A program that asks Plasma not to disturb and holds it until it ends, as a presentation
# program does; Plasma lets go when its connection closes.
INHIBITOR = """
import sys
from PySide6.QtDBus import QDBusConnection, QDBusMessage
call = QDBusMessage.createMethodCall(
    "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
    "org.freedesktop.Notifications", "Inhibit")
call.setArguments(["org.kde.konsole", "a presentation", {}])
reply = QDBusConnection.sessionBus().call(call)
print(reply.type() == QDBusMessage.MessageType.ReplyMessage, flush=True)
sys.stdin.read()
"""
_inhibitors: list[subprocess.Popen[str]] = []


def set_do_not_disturb(desktop: WaylandDesktop, on: bool) -> None:
    """Turn the desktop's do-not-disturb on or off, the way its person would."""
    if isinstance(desktop, SwayDesktop):
        modes = "['do-not-disturb']" if on else "@as []"
        # as makoctl mode -s does
        desktop.call(
            "org.freedesktop.Notifications", "/fr/emersion/Mako", "fr.emersion.Mako.SetModes", modes
        )
    elif isinstance(desktop, GnomeDesktop):
        done = desktop.run_as_user(["gsettings", "set", *BANNERS, "false" if on else "true"])
        assert done.returncode == 0, done.stderr
    elif on:
        inhibitor = subprocess.Popen(
            [sys.executable, "-c", INHIBITOR], env=desktop.app_environ(),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        _inhibitors.append(inhibitor)
        assert inhibitor.stdout is not None
        assert inhibitor.stdout.readline().strip() == "True", "Plasma refused to inhibit"
    else:
        while _inhibitors:
            inhibitor = _inhibitors.pop()
            inhibitor.communicate("", timeout=20)


def test_do_not_disturb_makes_busy_until_it_is_off(
    wayland_desktop: WaylandDesktop, detector: BusyDetector, qtbot: QtBot
) -> None:
    assert detector.check() == NOT_BUSY
    try:
        set_do_not_disturb(wayland_desktop, True)
        qtbot.waitUntil(lambda: detector.check() == Busy(True, DO_NOT_DISTURB), timeout=10_000)
    finally:
        set_do_not_disturb(wayland_desktop, False)
    # GNOME's setting is read again at each check, for the next: two checks at most
    qtbot.waitUntil(lambda: detector.check() == NOT_BUSY, timeout=10_000)


# What doctor names on each desktop (tests/integration/test_desktop_report.py reads its lines).
DOCTOR_BUSY = {
    "sway": f"ok {WLR_FULL_SCREEN}; {MAKO_MODE} (could be read just now)",  # mako: no Inhibited
    "kde": f"ok {KWIN_FULL_SCREEN}; {INHIBITED} (could be read just now)",
    "gnome": f"ok {GNOME_BANNERS} (could be read just now; {GNOME_UNSEEN})",
}


def test_doctor_names_what_tells_busy_here(wayland_desktop: WaylandDesktop, tmp_path: Path) -> None:
    environ = {k: v for k, v in detector_environ(wayland_desktop).items() if "RECONNECT" not in k}
    environ["RECONNECT_DATA_DIR"] = str(tmp_path / "data")
    environ["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-system-bus'}"

    done = cli(environ, "doctor")

    busy = doctor_lines(done.stdout).get("busy detection", "")
    # The call sources (microphone, camera, screen share) come first, then the desktop's own.
    assert busy.startswith("ok microphone"), done.stdout + done.stderr
    assert busy.endswith(DOCTOR_BUSY[wayland_desktop.kind].removeprefix("ok ")), done.stdout


# --- the lived path: a break that comes by itself waits --------------------------------------


def cli(environ: dict[str, str], *args: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "reconnect", *args],
        env=environ, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    return done


def status(environ: dict[str, str], desktop: WaylandDesktop) -> dict[str, Any]:
    """``status --json``; empty until the app answers."""
    done = cli(environ, "status", "--json")
    return json.loads(done.stdout) if done.returncode == 0 else {}  # type: ignore[no-any-return]


def test_a_scheduled_break_waits_for_a_busy_screen_and_says_why(
    wayland_desktop: WaylandDesktop, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    settings: dict[str, object] = {f"rhythm.{day}": EVERY_DAY for day in DAYS}
    settings["rhythm.interval_minutes"] = 10
    settings["rhythm.idle_minutes"] = 60  # no one is at these desktops' keyboards
    settings["rhythm.busy_wait_minutes"] = 120  # 2 min at this speed: the wait ends as it clears
    (data / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    (data / FIRST_RUN_MARKER).touch()  # its welcome would take the focus from the terminal
    environ = {k: v for k, v in detector_environ(wayland_desktop).items() if "RECONNECT" not in k}
    environ |= {
        "RECONNECT_DATA_DIR": str(data),
        "RECONNECT_TEST_SPEED": "60",  # a break every 10 s, the first 5 s after the start
        "TZ": midday_zone(datetime.now(UTC)),
        "DBUS_SYSTEM_BUS_ADDRESS": f"unix:path={tmp_path / 'no-system-bus'}",
    }
    gnome = isinstance(wayland_desktop, GnomeDesktop)
    expected = DO_NOT_DISTURB if gnome else FULL_SCREEN
    log = (tmp_path / "app.log").open("wb")
    if gnome:
        set_do_not_disturb(wayland_desktop, True)
    else:
        set_full_screen(wayland_desktop, True)
    app = subprocess.Popen(
        [sys.executable, "-m", "reconnect"], env=environ, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        wait_for(
            "the scheduled break to wait for the busy screen",
            lambda: status(environ, wayland_desktop).get("waiting_because") == expected,
            60,
        )
        assert status(environ, wayland_desktop)["state"] == "due"
        if gnome:
            set_do_not_disturb(wayland_desktop, False)
        else:
            set_full_screen(wayland_desktop, False)
        # the waiting break is checked again at the next 30-second check, and shown
        wait_for(
            "the break to stop waiting",
            lambda: (
                "waiting_because" in (now := status(environ, wayland_desktop))
                and now["waiting_because"] is None
            ),
            45,
        )
        assert cli(environ, "quit").returncode == 0
        assert app.wait(20) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        log.close()
        if gnome:
            set_do_not_disturb(wayland_desktop, False)
        else:
            set_full_screen(wayland_desktop, False)
    assert "Traceback" not in (tmp_path / "app.log").read_text(), (tmp_path / "app.log").read_text()
