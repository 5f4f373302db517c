"""Seconds since the last keyboard or mouse input, read through the platform's own facility.

Used to count time away from the computer as a natural break; polled, never every second.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import NamedTuple, Protocol

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from reconnect.desktop.xlib import X11Unavailable, XDisplay, load_library, xlib

log = logging.getLogger(__name__)

MUTTER_SERVICE = "org.gnome.Mutter.IdleMonitor"
MUTTER_PATH = "/org/gnome/Mutter/IdleMonitor/Core"
MUTTER_INTERFACE = "org.gnome.Mutter.IdleMonitor"


class IdleMonitor(Protocol):
    """One way of asking how long the person has not touched keyboard or mouse.

    Attributes:
        name: what answers, for ``reconnect doctor``: "X11 screen saver extension",
            "GNOME Mutter", "Windows" or "macOS".
    """

    name: str

    def idle_seconds(self) -> float | None:
        """Seconds since the last input; None if the question failed this time."""
        ...


class MutterIdleMonitor:
    """GNOME's idle monitor on the session bus; the one that works on GNOME under Wayland.

    Args:
        bus: the session bus.
        timeout_ms: how long one question may take; it blocks the GUI thread meanwhile.
    """

    name = "GNOME Mutter"

    def __init__(self, bus: QDBusConnection, timeout_ms: int = 1000) -> None:
        self._bus = bus
        self._timeout_ms = timeout_ms

    def idle_seconds(self) -> float | None:
        question = QDBusMessage.createMethodCall(
            MUTTER_SERVICE, MUTTER_PATH, MUTTER_INTERFACE, "GetIdletime"
        )
        reply = self._bus.call(question, QDBus.CallMode.Block, self._timeout_ms)
        arguments = reply.arguments()
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not arguments:
            log.debug("Mutter's GetIdletime failed: %s %s", reply.errorName(), reply.errorMessage())
            return None
        return int(arguments[0]) / 1000


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


class X11IdleMonitor:
    """The X server's own idle counter (MIT-SCREEN-SAVER), on a display connection of our own.

    Args:
        display: the open display; this monitor closes it in ``close``.
        xss: libXss.

    Raises:
        X11Unavailable: the X server lacks the screen saver extension.
    """

    name = "X11 screen saver extension"

    def __init__(self, display: XDisplay, xss: ctypes.CDLL) -> None:
        xss.XScreenSaverQueryExtension.argtypes = [ctypes.c_void_p] + [ctypes.c_void_p] * 2
        xss.XScreenSaverQueryExtension.restype = ctypes.c_int
        xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XScreenSaverInfo),
        ]
        xss.XScreenSaverQueryInfo.restype = ctypes.c_int
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not xss.XScreenSaverQueryExtension(
            display.handle, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            raise X11Unavailable(f"the X server at {display.name} lacks the screen saver extension")
        self._display = display
        self._xss = xss
        self._info = _XScreenSaverInfo()

    def idle_seconds(self) -> float | None:
        if self._display.handle is None:
            return None
        with self._display.trapping_errors():
            status = self._xss.XScreenSaverQueryInfo(
                self._display.handle, self._display.root, ctypes.byref(self._info)
            )
        if not status:
            log.debug("XScreenSaverQueryInfo failed on %s", self._display.name)
            return None
        return float(self._info.idle) / 1000

    def close(self) -> None:
        self._display.close()


class _LastInputInfo(ctypes.Structure):
    _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint))


class WindowsIdleMonitor:
    """``GetLastInputInfo``, input anywhere in the session."""

    name = "Windows"

    def __init__(self) -> None:
        self._user32 = ctypes.WinDLL("user32")  # type: ignore[attr-defined]
        self._kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        self._kernel32.GetTickCount.restype = ctypes.c_uint
        self._info = _LastInputInfo(ctypes.sizeof(_LastInputInfo), 0)

    def idle_seconds(self) -> float | None:
        if not self._user32.GetLastInputInfo(ctypes.byref(self._info)):
            return None
        # Both counts are 32-bit milliseconds that wrap after 49.7 days; the mask keeps the
        # difference right across the wrap.
        elapsed: int = (self._kernel32.GetTickCount() - self._info.dwTime) & 0xFFFFFFFF
        return elapsed / 1000


class MacIdleMonitor:
    """``CGEventSourceSecondsSinceLastEventType`` from Quartz, any input in the session."""

    name = "macOS"
    _COMBINED_SESSION_STATE = 0
    _ANY_INPUT_EVENT = 0xFFFFFFFF

    def __init__(self, quartz: ctypes.CDLL) -> None:
        self._since = quartz.CGEventSourceSecondsSinceLastEventType
        self._since.argtypes = [ctypes.c_int32, ctypes.c_uint32]
        self._since.restype = ctypes.c_double

    def idle_seconds(self) -> float | None:
        seconds = float(self._since(self._COMBINED_SESSION_STATE, self._ANY_INPUT_EVENT))
        return seconds if seconds >= 0 else None


class _Missing(NamedTuple):
    """Why a facility can't be used here, and what would make it work ("" when nothing would)."""

    why: str
    fix: str = ""


_X11_FIX = "start Reconnect from within your X11 desktop session, where $DISPLAY is set"
_XSS_FIX = "install libxss1 (Debian, Ubuntu) or libXScrnSaver (Fedora)"
_WAYLAND_FIX = "under Wayland only GNOME's idle monitor can be read so far; an X11 session works"

# Each probe returns a monitor or says why there is none here.
# None: not this platform's facility, nothing worth saying.
_Probe = Callable[[QDBusConnection | None, Mapping[str, str]], IdleMonitor | _Missing | None]


def _probe_mutter(
    bus: QDBusConnection | None, environ: Mapping[str, str]
) -> IdleMonitor | _Missing | None:
    if sys.platform in ("win32", "darwin"):
        return None
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return _Missing("no D-Bus session bus")
    answer = bus.interface().isServiceRegistered(MUTTER_SERVICE)
    if not answer.isValid() or not answer.value():
        return _Missing("GNOME's idle monitor is not on the session bus")
    return MutterIdleMonitor(bus)


def _probe_x11(
    bus: QDBusConnection | None, environ: Mapping[str, str]
) -> IdleMonitor | _Missing | None:
    if sys.platform in ("win32", "darwin"):
        return None
    # Under Wayland, XWayland's counter sees only input to X11 windows: typing in any other
    # window would look like being away, so it is not used at all.
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland":
        return _Missing(
            "a Wayland session, where X11's idle counter sees only X11 windows", _WAYLAND_FIX
        )
    name = environ.get("DISPLAY")
    if not name:
        return _Missing("no X display ($DISPLAY is not set)", _X11_FIX)
    if xlib() is None:
        return _Missing("libX11.so.6 is missing", "install libx11-6 (Debian, Ubuntu) or libX11")
    xss = load_library("libXss.so.1", "Xss")
    if xss is None:
        return _Missing("libXss.so.1 is missing", _XSS_FIX)
    try:
        display = XDisplay(name)
    except X11Unavailable as error:
        return _Missing(str(error), _X11_FIX)
    try:
        return X11IdleMonitor(display, xss)
    except X11Unavailable as error:
        display.close()
        return _Missing(str(error))


def _probe_windows(
    bus: QDBusConnection | None, environ: Mapping[str, str]
) -> IdleMonitor | _Missing | None:
    if sys.platform != "win32":
        return None
    try:
        return WindowsIdleMonitor()
    except (OSError, AttributeError) as error:
        return _Missing(f"GetLastInputInfo can't be used: {error}")


def _probe_mac(
    bus: QDBusConnection | None, environ: Mapping[str, str]
) -> IdleMonitor | _Missing | None:
    if sys.platform != "darwin":
        return None
    quartz = load_library(
        "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices",
        "ApplicationServices",
    )
    if quartz is None:
        return _Missing("the ApplicationServices framework can't be loaded")
    try:
        return MacIdleMonitor(quartz)
    except AttributeError as error:
        return _Missing(f"CGEventSourceSecondsSinceLastEventType is missing: {error}")


_PROBES: tuple[_Probe, ...] = (_probe_mutter, _probe_x11, _probe_windows, _probe_mac)


def _search(
    session_bus: QDBusConnection | None, environ: Mapping[str, str] | None
) -> tuple[IdleMonitor | None, list[_Missing]]:
    environ = os.environ if environ is None else environ
    missing: list[_Missing] = []
    for probe in _PROBES:
        found = probe(session_bus, environ)
        if found is None:
            continue  # not this platform's facility
        if isinstance(found, _Missing):
            log.debug("idle detection: %s", found.why)
            missing.append(found)
            continue
        if found.idle_seconds() is not None:
            return found, missing
        missing.append(_Missing(f"{found.name} did not answer"))
        _close(found)
    return None, missing


def _close(monitor: IdleMonitor) -> None:
    if isinstance(monitor, X11IdleMonitor):
        monitor.close()


def find_idle_monitor(
    session_bus: QDBusConnection | None = None, environ: Mapping[str, str] | None = None
) -> IdleMonitor | None:
    """The first way of reading idle time that works here, or None.

    Tries GNOME's Mutter idle monitor on the session bus, then X11's screen saver extension,
    then Windows' ``GetLastInputInfo``, then macOS's Quartz event source; a candidate counts
    only once it has answered a first question. Never raises.

    Args:
        session_bus: where to look for Mutter; the process's session bus when None.
        environ: the environment (``DISPLAY``, ``WAYLAND_DISPLAY``); ``os.environ`` when None.
    """
    return _search(session_bus, environ)[0]


def idle_support(
    session_bus: QDBusConnection | None = None, environ: Mapping[str, str] | None = None
) -> tuple[bool, str]:
    """Whether idle time can be read here, for ``reconnect doctor``.

    Returns:
        ``(True, name of the facility)``, or ``(False, message)`` where the message starts
        with "idle detection unavailable", says why and what to do.
    """
    monitor, missing = _search(session_bus, environ)
    if monitor is not None:
        _close(monitor)
        return True, monitor.name
    why = "; ".join(m.why for m in missing) or "this platform has no facility Reconnect knows"
    fixes = list(dict.fromkeys(m.fix for m in missing if m.fix))
    todo = f" To fix: {'; or '.join(fixes)}." if fixes else ""
    return (
        False,
        f"idle detection unavailable: {why}.{todo} Meanwhile time away does not count as a "
        "break, and breaks come on schedule.",
    )
