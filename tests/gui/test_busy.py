"""Full-screen windows and do-not-disturb hold the prompt back; a failed read never does."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reconnect.desktop.busy import DO_NOT_DISTURB, FULL_SCREEN, Busy, BusyDetector
from reconnect.desktop.xlib import XA_ATOM, XA_CARDINAL, XDisplay
from tests.support.desktop import VirtualDesktop


def wait_until_framed(window: QWidget, display: XDisplay, qtbot: QtBot) -> None:
    """Show ``window`` and wait until the window manager has framed it.

    openbox announces itself (``_NET_SUPPORTED``) a moment before it manages new windows, and
    a window mapped in that moment stays unmanaged; showing it again then gets it managed.
    """
    shown_at = [time.monotonic()]
    window.show()

    def framed() -> bool:
        extents = display.cardinal_list(int(window.winId()), "_NET_FRAME_EXTENTS", XA_CARDINAL)
        if extents is None and time.monotonic() - shown_at[0] > 0.5:
            window.hide()
            window.show()
            shown_at[0] = time.monotonic()
        return extents is not None

    qtbot.waitUntil(framed, timeout=10000)


@pytest.fixture
def managed(desktop: VirtualDesktop, qtbot: QtBot) -> Iterator[BusyDetector]:
    """A detector on the test display, once a window manager there manages new windows."""
    desktop.start_window_manager()
    display = XDisplay(desktop.display)
    probe = QWidget()
    qtbot.addWidget(probe)
    try:
        wait_until_framed(probe, display, qtbot)
    finally:
        display.close()
    probe.close()
    detector = BusyDetector()
    yield detector
    detector.close()


def test_a_full_screen_window_makes_busy_until_it_leaves_full_screen(
    managed: BusyDetector, qtbot: QtBot
):
    window = QWidget()
    window.setWindowTitle("a video")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert managed.check() == Busy(False, "")

    window.showFullScreen()
    window.activateWindow()
    qtbot.waitUntil(lambda: managed.check() == Busy(True, FULL_SCREEN), timeout=5000)

    window.showNormal()
    qtbot.waitUntil(lambda: not managed.check().busy, timeout=5000)


def test_without_a_display_or_bus_nothing_is_busy_and_nothing_raises(qtbot: QtBot):
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "reconnect-test-no-bus")
    try:
        detector = BusyDetector(session_bus=nowhere, environ={"DISPLAY": ":4321"})

        assert detector.check() == Busy(False, "")
        assert detector.capabilities() == []
    finally:
        QDBusConnection.disconnectFromBus("reconnect-test-no-bus")


def test_a_window_that_vanished_between_two_reads_is_not_fatal(desktop: VirtualDesktop):
    display = XDisplay(desktop.display)
    try:
        # Xlib's default handler would end the process on this BadWindow.
        assert display.cardinal_list(0x3FFFFFF, "_NET_WM_STATE", XA_ATOM) is None
        assert display.cardinal_list(display.root, "_NET_NO_SUCH_PROPERTY", XA_ATOM) is None
    finally:
        display.close()


# A notification server that says do-not-disturb is on, as KDE Plasma's does.
_FAKE_NOTIFICATIONS = """
from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    def _inhibited(self):
        return True

    Inhibited = Property(bool, _inhibited)


app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
server = Notifications()
bus.registerObject(
    "/org/freedesktop/Notifications", server, QDBusConnection.RegisterOption.ExportAllProperties
)
bus.registerService("org.freedesktop.Notifications")
app.exec()
"""


@pytest.fixture
def inhibiting_server(desktop: VirtualDesktop, qtbot: QtBot) -> Iterator[QDBusConnection]:
    bus = QDBusConnection.sessionBus()
    name = "org.freedesktop.Notifications"
    server = subprocess.Popen([sys.executable, "-c", _FAKE_NOTIFICATIONS], env=dict(os.environ))
    try:
        qtbot.waitUntil(lambda: bus.interface().isServiceRegistered(name).value(), timeout=10000)
        yield bus
    finally:
        server.terminate()
        server.wait(5)
    qtbot.waitUntil(lambda: not bus.interface().isServiceRegistered(name).value(), timeout=5000)


def test_a_notification_server_inhibiting_is_do_not_disturb(inhibiting_server: QDBusConnection):
    detector = BusyDetector(session_bus=inhibiting_server, environ={})

    assert detector.check() == Busy(True, DO_NOT_DISTURB)
    assert "do not disturb (notification server's Inhibited)" in detector.capabilities()


def fake_gsettings(folder: Path, answer: str) -> Path:
    program = folder / "gsettings"
    program.write_text(f"#!/bin/sh\necho {answer}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return folder


@pytest.mark.parametrize(("banners", "expected"), [("false", True), ("true", False)])
def test_gnome_banners_off_is_do_not_disturb(tmp_path: Path, banners: str, expected: bool):
    folder = fake_gsettings(tmp_path, banners)
    environ = {"XDG_CURRENT_DESKTOP": "ubuntu:GNOME", "PATH": str(folder)}

    detector = BusyDetector(environ=environ)
    try:
        assert detector.check() == (Busy(True, DO_NOT_DISTURB) if expected else Busy(False, ""))
        assert "do not disturb (GNOME's show-banners setting)" in detector.capabilities()
    finally:
        detector.close()


def test_gnome_setting_is_ignored_on_other_desktops(tmp_path: Path):
    folder = fake_gsettings(tmp_path, "false")

    detector = BusyDetector(environ={"XDG_CURRENT_DESKTOP": "KDE", "PATH": str(folder)})

    assert detector.check() == Busy(False, "")
    detector.close()
