"""Time without input is seen on each real Wayland desktop, through the best source it offers
(ext-idle-notify-v1, org_kde_kwin_idle, GNOME's Mutter), and ``reconnect doctor`` names it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot
from pywayland.client.display import Display

from reconnect.desktop.idle import close_idle_monitor, search_idle_monitor
from reconnect.desktop.wayland.idle_notify import IdleProtocol, WaylandIdleMonitor
from tests.integration.test_desktop_report import doctor_lines
from tests.support.wayland import WaylandDesktop

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

NOTIFY_AFTER = 2.0  # seconds; the app asks for a minute


def offered_globals(desktop: WaylandDesktop) -> set[str]:
    """The interfaces the compositor announces to a client, as wayland-info would list them."""
    display = Display(desktop.wayland_display)
    display.connect()
    try:
        found: set[str] = set()
        registry = display.get_registry()

        def on_global(_registry: Any, _name: int, interface: str, _version: int) -> None:
            found.add(interface)

        registry.dispatcher["global"] = on_global
        display.roundtrip()
        return found
    finally:
        display.disconnect()


def expected_source(desktop: WaylandDesktop) -> str:
    """What should answer here: the compositor's newest protocol it offers, else Mutter."""
    offered = offered_globals(desktop)
    for protocol in IdleProtocol:
        if protocol.interface in offered:
            return protocol.title
    return "GNOME Mutter"


# What these desktops offered when the tests were written (sway 1.7, KWin 5.27, GNOME 43); a
# newer one may offer more, which expected_source follows.
KNOWN = {
    "sway": "Wayland org_kde_kwin_idle",
    "kde": "Wayland ext-idle-notify-v1",
    "gnome": "GNOME Mutter",
}


@pytest.fixture
def desktop_bus(wayland_desktop: WaylandDesktop) -> Iterator[QDBusConnection]:
    """The desktop's session bus, where GNOME's idle monitor is."""
    name = f"idle-test-{wayland_desktop.kind}"
    bus = QDBusConnection.connectToBus(wayland_desktop.bus_address, name)
    assert bus.isConnected(), bus.lastError().message()
    yield bus
    QDBusConnection.disconnectFromBus(name)


@pytest.fixture
def no_system_bus() -> Iterator[QDBusConnection]:
    """logind is the last resort; these desktops have none, and the tests' machine may."""
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/system_bus_socket", "no-system")
    yield bus
    QDBusConnection.disconnectFromBus("no-system")


def test_each_desktop_offers_what_it_did_when_these_tests_were_written(
    wayland_desktop: WaylandDesktop,
) -> None:
    expected = expected_source(wayland_desktop)

    if wayland_desktop.kind in KNOWN and expected != KNOWN[wayland_desktop.kind]:
        pytest.fail(f"{wayland_desktop.kind} now offers {expected}; update KNOWN")


def test_time_without_input_becomes_idle_and_a_key_brings_the_person_back(
    wayland_desktop: WaylandDesktop,
    desktop_bus: QDBusConnection,
    no_system_bus: QDBusConnection,
    qtbot: QtBot,
) -> None:
    search = search_idle_monitor(
        desktop_bus,
        wayland_desktop.app_environ(),
        system_bus=no_system_bus,
        notify_after=NOTIFY_AFTER,
    )
    monitor = search.monitor
    assert monitor is not None, search.reasons()

    def seconds() -> float:
        answer = monitor.idle_seconds()
        assert answer is not None, "the source stopped answering"
        return answer

    try:
        assert monitor.name == expected_source(wayland_desktop), search.passed_over
        if isinstance(monitor, WaylandIdleMonitor):
            # the compositor's "idled" arrives through the Qt event loop, without being asked
            qtbot.waitUntil(lambda: monitor.idle, timeout=20_000)
        qtbot.waitUntil(lambda: seconds() >= NOTIFY_AFTER, timeout=20_000)

        wayland_desktop.key("Shift_L")

        qtbot.waitUntil(lambda: seconds() < 1.0, timeout=10_000)
        if isinstance(monitor, WaylandIdleMonitor):
            assert not monitor.idle
        # and quiet again becomes idle again
        qtbot.waitUntil(lambda: seconds() >= NOTIFY_AFTER, timeout=20_000)
    finally:
        close_idle_monitor(monitor)


def test_doctor_names_a_working_idle_source(
    wayland_desktop: WaylandDesktop, tmp_path: Path
) -> None:
    environ = wayland_desktop.app_environ()
    environ = {k: v for k, v in environ.items() if not k.startswith("RECONNECT_")}
    environ["RECONNECT_DATA_DIR"] = str(tmp_path / "data")
    environ["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-system-bus'}"

    done = subprocess.run(
        [sys.executable, "-m", "reconnect", "doctor"],
        env=environ, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    idle = doctor_lines(done.stdout).get("idle detection", "")

    assert idle.startswith(f"ok {expected_source(wayland_desktop)} (the first to answer"), (
        done.stdout + done.stderr
    )
