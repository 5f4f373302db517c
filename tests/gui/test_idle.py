"""Idle time on the test run's own X display, and an honest "unavailable" where there is none."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from reconnect.desktop.idle import (
    MUTTER_SERVICE,
    close_idle_monitor,
    find_idle_monitor,
    idle_support,
)
from tests.support.desktop import VirtualDesktop


@pytest.fixture
def x11_session(desktop: VirtualDesktop, monkeypatch: pytest.MonkeyPatch) -> VirtualDesktop:
    """The test display, and no trace of the developer's own Wayland session."""
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("XDG_SESSION_TYPE", "x11")
    return desktop


@pytest.fixture
def no_system_bus() -> Iterator[QDBusConnection]:
    """A system bus that isn't there, so logind is never asked (a developer's machine has one)."""
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/system_bus_socket", "no-system")
    yield bus
    QDBusConnection.disconnectFromBus("no-system")


def test_x11_idle_time_grows_and_input_resets_it(x11_session: VirtualDesktop, qtbot: QtBot):
    monitor = find_idle_monitor()

    assert monitor is not None
    assert monitor.name == "X11 screen saver extension"
    qtbot.waitUntil(lambda: (monitor.idle_seconds() or 0.0) >= 1.0, timeout=5000)
    before = monitor.idle_seconds()
    assert before is not None

    subprocess.run(
        ["xdotool", "mousemove", "10", "10", "mousemove", "20", "20"],
        env=dict(os.environ),
        check=True,
        timeout=10,
    )

    after = monitor.idle_seconds()
    assert after is not None
    assert after < before
    assert idle_support() == (True, "X11 screen saver extension")


def test_without_a_display_idle_detection_is_unavailable_and_says_what_to_do(
    x11_session: VirtualDesktop, monkeypatch: pytest.MonkeyPatch, no_system_bus: QDBusConnection
):
    monkeypatch.setenv("DISPLAY", ":4321")  # no X server there

    assert find_idle_monitor(system_bus=no_system_bus) is None
    ok, message = idle_support(system_bus=no_system_bus)

    assert not ok
    assert message.startswith("idle detection unavailable: ")
    assert "can't open the X display :4321" in message
    assert "To fix: start Reconnect from within your X11 desktop session" in message


def test_under_wayland_without_a_compositor_or_gnome_the_x11_counter_is_not_trusted(
    desktop: VirtualDesktop,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    no_system_bus: QDBusConnection,
):
    monkeypatch.setenv("WAYLAND_DISPLAY", str(tmp_path / "no-compositor-here"))

    ok, message = idle_support(system_bus=no_system_bus)

    assert not ok
    assert "the Wayland display" in message and "can't be reached" in message
    assert "a Wayland session, where X11's idle counter sees only X11 windows" in message
    assert "no D-Bus system bus, so no logind" in message
    assert "ext-idle-notify-v1 (KDE Plasma 5.27+, sway 1.8+" in message


def test_without_any_x11_library_never_raises(
    x11_session: VirtualDesktop, monkeypatch: pytest.MonkeyPatch, no_system_bus: QDBusConnection
):
    monkeypatch.setattr("reconnect.desktop.idle.load_library", lambda *names: None)

    ok, message = idle_support(system_bus=no_system_bus)

    assert find_idle_monitor(system_bus=no_system_bus) is None
    assert not ok
    assert "libXss.so.1 is missing" in message
    assert "install libxss1" in message


# GNOME's idle monitor as Mutter offers it, for as long as the test needs it.
_FAKE_MUTTER = """
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
class IdleMonitor(QObject):
    @Slot(result="qulonglong")
    def GetIdletime(self):
        return 42_000


app = QCoreApplication([])
bus = QDBusConnection.sessionBus()
monitor = IdleMonitor()
bus.registerObject(
    "/org/gnome/Mutter/IdleMonitor/Core", monitor, QDBusConnection.RegisterOption.ExportAllSlots
)
bus.registerService("org.gnome.Mutter.IdleMonitor")
app.exec()
"""


@pytest.fixture
def fake_mutter(x11_session: VirtualDesktop, qtbot: QtBot) -> Iterator[QDBusConnection]:
    bus = QDBusConnection.sessionBus()
    mutter = subprocess.Popen([sys.executable, "-c", _FAKE_MUTTER], env=dict(os.environ))
    try:
        qtbot.waitUntil(
            lambda: bus.interface().isServiceRegistered(MUTTER_SERVICE).value(), timeout=10000
        )
        yield bus
    finally:
        mutter.terminate()
        mutter.wait(5)
    qtbot.waitUntil(
        lambda: not bus.interface().isServiceRegistered(MUTTER_SERVICE).value(), timeout=5000
    )


def test_under_wayland_gnome_mutter_answers_where_the_compositor_offers_no_protocol(
    fake_mutter: QDBusConnection, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("WAYLAND_DISPLAY", str(tmp_path / "no-compositor-here"))
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")

    monitor = find_idle_monitor(session_bus=fake_mutter)

    assert monitor is not None
    assert monitor.name == "GNOME Mutter"
    assert monitor.idle_seconds() == 42.0
    assert idle_support(session_bus=fake_mutter) == (True, "GNOME Mutter")


def test_on_x11_the_x_servers_counter_comes_before_gnome_mutter(fake_mutter: QDBusConnection):
    monitor = find_idle_monitor(session_bus=fake_mutter)

    assert monitor is not None
    assert monitor.name == "X11 screen saver extension"
    close_idle_monitor(monitor)
