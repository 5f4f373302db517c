"""Headless Wayland desktops for the tests: sway, GNOME Shell and KDE Plasma, each started and
stopped inside the test run, as ordinary users' sessions with a tray host, a notification
server and a terminal that has the keyboard.

    desktop = DESKTOPS["sway"]().start()
    subprocess.Popen([...], env=desktop.app_environ())   # the app, natively on Wayland
    desktop.tray_items(); desktop.type_keys("ls\\n"); desktop.screenshot(path)
    desktop.stop()
"""

from __future__ import annotations

from tests.support.wayland.gnome import GnomeDesktop
from tests.support.wayland.kde import KdeDesktop
from tests.support.wayland.session import DesktopUnavailable, WaylandDesktop, Window, wait_until
from tests.support.wayland.sway import SwayDesktop

DESKTOPS: dict[str, type[WaylandDesktop]] = {
    desktop.kind: desktop for desktop in (SwayDesktop, GnomeDesktop, KdeDesktop)
}

__all__ = [
    "DESKTOPS",
    "DesktopUnavailable",
    "GnomeDesktop",
    "KdeDesktop",
    "SwayDesktop",
    "WaylandDesktop",
    "Window",
    "wait_until",
]
