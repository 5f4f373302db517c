"""The tray on X11 and its host: a left click opens the waiting prompt or the dashboard, a tray
host that comes after Reconnect takes it from its small window, and the desktop report names
the tray host (on GNOME without its extension, how to get one)."""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app import tray as app_tray
from reconnect.core.clock import FakeClock
from reconnect.desktop.adapters import pick_adapters
from reconnect.desktop.tray_host import WATCHER, TrayHostWatch
from reconnect.ui.care.first_run import FIRST_RUN_MARKER
from reconnect.ui.dashboard.dashboard_window import DashboardWindow
from reconnect.ui.tray.control_window import ControlWindow
from reconnect.ui.tray.prompt_window import PromptWindow
from reconnect.ui.tray.tray_icon import TrayIcon
from tests.gui.test_no_tray import shown, stop_app
from tests.support.desktop import VirtualDesktop

LEFT_CLICK = QSystemTrayIcon.ActivationReason.Trigger


def start_app(qapp: QApplication, data: Path, clock: FakeClock) -> Any:
    """The app as ``reconnect`` starts it after its first run, with this run's display."""
    data.mkdir(parents=True, exist_ok=True)
    (data / FIRST_RUN_MARKER).touch()
    context = bootstrap.build(str(data), {"DISPLAY": os.environ["DISPLAY"]}, clock)
    running = app_tray.build_tray_app(context, qapp)
    running.start()
    running.finish_start(io.StringIO(), pytest.fail)
    return running


@pytest.fixture
def private_bus() -> Iterator[tuple[QDBusConnection, QDBusConnection]]:
    """A session bus of its own, and two connections to it: one watches, one plays the tray
    host. Not this run's bus: Qt's own tray icons there would try to register with it."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().decode().strip()
    daemon.stdout.close()
    watching = QDBusConnection.connectToBus(address, "tray-test-watching")
    host = QDBusConnection.connectToBus(address, "tray-test-host")
    assert watching.isConnected() and host.isConnected()
    try:
        yield watching, host
    finally:
        QDBusConnection.disconnectFromBus("tray-test-watching")
        QDBusConnection.disconnectFromBus("tray-test-host")
        daemon.terminate()
        daemon.wait(10)


def test_a_left_click_opens_the_dashboard_when_no_break_waits(
    qtbot: QtBot, qapp: QApplication, with_tray: VirtualDesktop, data_dir: Path, clock: FakeClock
) -> None:
    running = start_app(qapp, data_dir, clock)
    try:
        tray = running.surface.widget
        assert isinstance(tray, TrayIcon)

        tray.icon.activated.emit(LEFT_CLICK)

        qtbot.waitUntil(lambda: bool(shown(DashboardWindow)), timeout=20_000)
        assert not tray.menu.isVisible()  # the menu is the right click's
        assert not shown(PromptWindow)
    finally:
        stop_app(running)


def test_a_left_click_brings_back_the_waiting_prompt(
    qtbot: QtBot, qapp: QApplication, with_tray: VirtualDesktop, data_dir: Path, clock: FakeClock
) -> None:
    running = start_app(qapp, data_dir, clock)
    try:
        rhythm, tray_app = running.tray_app.rhythm, running.tray_app
        rhythm.break_now(None)
        qtbot.waitUntil(tray_app.is_visible, timeout=20_000)
        title = tray_app.prompt.title.text()
        tray_app.prompt.hide()  # stepped behind, or not shown yet: it still waits

        running.surface.widget.icon.activated.emit(LEFT_CLICK)

        qtbot.waitUntil(tray_app.is_visible, timeout=20_000)
        assert tray_app.prompt.title.text() == title
        assert rhythm.current_prompt is not None
        assert not shown(DashboardWindow)
    finally:
        stop_app(running)


def test_a_tray_that_starts_later_takes_the_app_from_its_small_window(
    qtbot: QtBot,
    qapp: QApplication,
    without_tray: VirtualDesktop,
    data_dir: Path,
    clock: FakeClock,
) -> None:
    qtbot.waitUntil(lambda: not QSystemTrayIcon.isSystemTrayAvailable())
    running = start_app(qapp, data_dir, clock)
    try:
        window = running.surface.widget
        assert isinstance(window, ControlWindow)
        qtbot.waitExposed(window)
        assert running.tray_watch is not None
        assert not running.desktop.report.tray.found

        without_tray.start_tray()  # the panel, late: as at a login where Reconnect came first

        qtbot.waitUntil(lambda: isinstance(running.surface.widget, TrayIcon), timeout=20_000)
        tray = running.surface.widget
        assert tray.icon.isVisible()
        qtbot.waitUntil(lambda: not shown(ControlWindow), timeout=20_000)
        assert running.tray_watch is None
        assert running.desktop.report.tray.found  # status names the tray now
        # The tray is wired: the state reaches it, and its left click opens the dashboard.
        running.tray_app.state_changed.emit()
        tray.icon.activated.emit(LEFT_CLICK)
        qtbot.waitUntil(lambda: bool(shown(DashboardWindow)), timeout=20_000)
    finally:
        stop_app(running)


def test_the_watch_tells_when_a_status_notifier_watcher_registers(
    qtbot: QtBot, private_bus: tuple[QDBusConnection, QDBusConnection]
) -> None:
    watching, host = private_bus
    watch = TrayHostWatch(watching)
    try:
        with qtbot.waitSignal(watch.appeared, timeout=10_000):
            assert host.registerService(WATCHER)
    finally:
        watch.stop()


def test_the_report_names_the_tray_host_on_the_session_bus(
    clock: FakeClock, private_bus: tuple[QDBusConnection, QDBusConnection]
) -> None:
    watching, host = private_bus
    assert host.registerService(WATCHER)
    environ = {"XDG_CURRENT_DESKTOP": "sway", "WAYLAND_DISPLAY": "wayland-9"}

    adapters = pick_adapters(clock, environ, "linux", session_bus=watching)
    adapters.close()

    tray = adapters.report.tray
    this_program = Path(f"/proc/{os.getpid()}/comm").read_text().strip()
    assert tray.adapter == f"StatusNotifierItem, hosted by {this_program}"
    assert dict(adapters.report.roles())["tray"] == tray
    assert adapters.report.to_dict()["tray"]["why"] == f"{WATCHER} is on the session bus"


def test_the_report_names_the_x11_tray(clock: FakeClock, with_tray: VirtualDesktop) -> None:
    adapters = pick_adapters(clock, {**os.environ, "XDG_CURRENT_DESKTOP": "Openbox"}, "linux")
    adapters.close()

    assert adapters.report.tray.adapter == "the X11 system tray"


def test_on_gnome_without_a_tray_the_small_window_says_how_to_get_one(
    qtbot: QtBot,
    qapp: QApplication,
    without_tray: VirtualDesktop,
    data_dir: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    qtbot.waitUntil(lambda: not QSystemTrayIcon.isSystemTrayAvailable())
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "GNOME")
    running = start_app(qapp, data_dir, clock)
    try:
        window = running.surface.widget
        assert isinstance(window, ControlWindow)
        qtbot.waitExposed(window)
        words = " ".join(window.hint.text().split())
        assert window.hint.isVisible()
        assert "install and turn on the extension" in words
        assert '"AppIndicator and KStatusNotifierItem Support"' in words
        assert "gnome-shell-extension-appindicator" in words
    finally:
        stop_app(running)


def test_the_report_on_gnome_without_a_tray_says_what_to_install(
    clock: FakeClock, private_bus: tuple[QDBusConnection, QDBusConnection]
) -> None:
    environ = {"XDG_CURRENT_DESKTOP": "GNOME", "WAYLAND_DISPLAY": "wayland-9"}

    adapters = pick_adapters(clock, environ, "linux", session_bus=private_bus[0])
    adapters.close()

    tray = adapters.report.tray
    assert tray.adapter is None
    assert "AppIndicator and KStatusNotifierItem Support" in tray.why
    assert "gnome-shell-extension-appindicator" in tray.why
