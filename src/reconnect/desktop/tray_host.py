"""Which system tray host the session has, and a watch for one that comes later (a panel that
starts after Reconnect, as at login), told by the session bus or the X server, never polled."""

from __future__ import annotations

import ctypes
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher

from reconnect.desktop.xlib import X11Unavailable, XDisplay, xlib

if TYPE_CHECKING:
    from reconnect.desktop.session import DesktopSession

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"
"""The StatusNotifierItem tray's registry: waybar, KDE Plasma, GNOME's AppIndicator extension."""
XEMBED_SELECTION = "_NET_SYSTEM_TRAY_S0"
"""The X11 tray's selection on screen 0 (trayer, stalonetray, XFCE's and LXDE's panels)."""
GNOME_EXTENSION = "AppIndicator and KStatusNotifierItem Support"
GNOME_PACKAGE = "gnome-shell-extension-appindicator"

_CLIENT_MESSAGE = 33
_STRUCTURE_NOTIFY_MASK = 1 << 17


def watcher_owner(bus: QDBusConnection) -> str | None:
    """The program that hosts the StatusNotifierItem tray ("waybar"), "" when it can't be
    named, or None when nobody owns ``org.kde.StatusNotifierWatcher`` (or the bus is away)."""
    if not bus.isConnected():
        return None
    interface = bus.interface()
    registered = interface.isServiceRegistered(WATCHER)
    if not (registered.isValid() and registered.value()):
        return None
    pid = interface.servicePid(WATCHER)
    if not pid.isValid():
        return ""
    try:
        return Path(f"/proc/{pid.value()}/comm").read_text().strip()
    except OSError:
        return ""


def xembed_owner(display: str) -> bool:
    """Whether a program holds the X11 tray selection of screen 0 on ``display``."""
    lib = xlib()
    if lib is None or not display:
        return False
    try:
        x = XDisplay(display)
    except X11Unavailable:
        return False
    try:
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        return bool(lib.XGetSelectionOwner(x.handle, x.atom(XEMBED_SELECTION)))
    finally:
        x.close()


def describe_tray_host(
    session: DesktopSession, bus: QDBusConnection | None, display: str
) -> tuple[str | None, str]:
    """The tray host in use, in words, and why; or None and why there is none (with what to
    do). Looks at the session bus, and on X11 at the tray selection too. Never raises."""
    from reconnect.desktop.session import SessionKind

    if session.kind in (SessionKind.WINDOWS, SessionKind.MACOS):
        return "the notification area of " + session.describe(), "always there"
    if session.kind is SessionKind.NONE:
        return None, "there is no graphical session here"
    if bus is None:
        bus = QDBusConnection.sessionBus()
    owner = watcher_owner(bus)
    if owner is not None:
        host = f"StatusNotifierItem, hosted by {owner}" if owner else "StatusNotifierItem"
        return host, f"{WATCHER} is on the session bus"
    if not session.wayland and xembed_owner(display):
        return "the X11 system tray", f"a program holds {XEMBED_SELECTION}"
    if not bus.isConnected():
        return None, "no session bus, so no StatusNotifierItem tray can be found"
    if session.kind is SessionKind.GNOME:
        return None, (
            f"GNOME Shell shows no tray by itself: install and turn on the {GNOME_EXTENSION} "
            f"extension (Debian and Ubuntu: the {GNOME_PACKAGE} package); Reconnect moves "
            "into the tray once it is there"
        )
    return None, (
        f"nothing hosts a tray ({WATCHER} is not on the session bus"
        + ("" if session.wayland else f" and nobody holds {XEMBED_SELECTION}")
        + "): add a tray to your panel (waybar's tray module, for example); Reconnect moves "
        "into it once it is there"
    )


class TrayHostWatch(QObject):
    """Tells when a tray host appears: ``org.kde.StatusNotifierWatcher`` registering on the
    session bus, or on X11 a tray manager's MANAGER announcement on the root window.

    Signals:
        appeared: a tray host has just come (the app checks that Qt can use it).
    """

    appeared = Signal()

    def __init__(
        self, bus: QDBusConnection, x_display: str = "", parent: QObject | None = None
    ) -> None:
        """Args:
        bus: the session bus to watch.
        x_display: on X11, the display whose tray selection to watch too; "" for none.
        """
        super().__init__(parent)
        self._dbus = QDBusServiceWatcher(
            WATCHER, bus, QDBusServiceWatcher.WatchModeFlag.WatchForRegistration, self
        )
        self._dbus.serviceRegistered.connect(self._registered)
        self._x: XDisplay | None = None
        self._notifier: QSocketNotifier | None = None
        if x_display:
            self._watch_x(x_display)

    def _registered(self, name: str) -> None:
        log.info("a tray host appeared on the session bus (%s)", name)
        self.appeared.emit()

    def _watch_x(self, display: str) -> None:
        lib = xlib()
        if lib is None:
            return
        try:
            self._x = XDisplay(display)
        except X11Unavailable as error:
            log.info("the X11 tray is not watched: %s", error)
            return
        lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
        lib.XPending.argtypes = [ctypes.c_void_p]
        lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.XFlush.argtypes = [ctypes.c_void_p]
        lib.XSelectInput(self._x.handle, self._x.root, _STRUCTURE_NOTIFY_MASK)
        lib.XFlush(self._x.handle)
        self._manager = self._x.atom("MANAGER")
        self._selection = self._x.atom(XEMBED_SELECTION)
        fd = lib.XConnectionNumber(self._x.handle)
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._x_events)

    def _x_events(self) -> None:
        x, lib = self._x, xlib()
        if x is None or lib is None:
            return
        event = _XClientMessage()
        came = False
        while lib.XPending(x.handle):
            lib.XNextEvent(x.handle, ctypes.byref(event))
            if (
                event.type == _CLIENT_MESSAGE
                and event.message_type == self._manager
                and event.data[1] == self._selection
            ):
                came = True
        if came:
            log.info("an X11 tray host appeared (%s)", XEMBED_SELECTION)
            self.appeared.emit()

    def stop(self) -> None:
        """Watch no more (the app is in the tray)."""
        self._dbus.setWatchedServices([])
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._x is not None:
            self._x.close()
            self._x = None


class _XClientMessage(ctypes.Structure):
    """Xlib's XClientMessageEvent, padded to the size of any XEvent (24 longs)."""

    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
        ("pad", ctypes.c_long * 12),
    ]
