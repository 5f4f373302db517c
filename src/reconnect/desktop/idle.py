"""Seconds since the last keyboard or mouse input, read through the platform's own facility.

Used to count time away from the computer as a natural break; polled, never every second.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath
from typing import NamedTuple, Protocol

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from reconnect.core.pace import REAL_TIME, Pace
from reconnect.desktop.xlib import X11Unavailable, XDisplay, load_library, xlib

log = logging.getLogger(__name__)

MUTTER_SERVICE = "org.gnome.Mutter.IdleMonitor"
MUTTER_PATH = "/org/gnome/Mutter/IdleMonitor/Core"
MUTTER_INTERFACE = "org.gnome.Mutter.IdleMonitor"

NOTIFY_AFTER = timedelta(minutes=1)
"""How long without input before a Wayland compositor is to say so: the shortest away threshold
(``rhythm.idle_minutes``), divided like it at a test's pace (:func:`notify_after`)."""


class IdleMonitor(Protocol):
    """One way of asking how long the person has not touched keyboard or mouse.

    Attributes:
        name: what answers, for ``reconnect doctor``: "Wayland ext-idle-notify-v1",
            "Wayland org_kde_kwin_idle", "GNOME Mutter", "X11 screen saver extension",
            "logind's idle hint", "Windows" or "macOS".
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
_WAYLAND_FIX = (
    "use a compositor that offers ext-idle-notify-v1 (KDE Plasma 5.27+, sway 1.8+, Hyprland, "
    "niri, COSMIC) or GNOME, or let your idle daemon set logind's idle hint (swayidle's "
    "idlehint)"
)
_PYWAYLAND_FIX = "install pywayland (pip install pywayland), which Reconnect depends on"


@dataclass(frozen=True)
class _Context:
    """What every probe may look at."""

    session_bus: QDBusConnection | None
    system_bus: QDBusConnection | None
    environ: Mapping[str, str]
    notify_after: float
    monotonic: Callable[[], float]


# Each probe returns a monitor or says why there is none here.
_Probe = Callable[[_Context], "IdleMonitor | _Missing"]


def _wayland_session(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


def _probe_mutter(context: _Context) -> IdleMonitor | _Missing:
    bus = context.session_bus
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return _Missing("no D-Bus session bus")
    answer = bus.interface().isServiceRegistered(MUTTER_SERVICE)
    if not answer.isValid() or not answer.value():
        return _Missing("GNOME's idle monitor is not on the session bus")
    return MutterIdleMonitor(bus)


def _probe_x11(context: _Context) -> IdleMonitor | _Missing:
    environ = context.environ
    # Under Wayland, XWayland's counter sees only input to X11 windows: typing in any other
    # window would look like being away, so it is not used at all.
    if _wayland_session(environ):
        return _Missing("a Wayland session, where X11's idle counter sees only X11 windows")
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


def _wayland_display(environ: Mapping[str, str]) -> str | _Missing:
    """``WAYLAND_DISPLAY`` as a path, found as libwayland would but in ``environ`` alone."""
    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    if PurePath(name).is_absolute():
        return name
    runtime = environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return _Missing(f"the Wayland display {name} can't be found: XDG_RUNTIME_DIR is not set")
    return str(PurePath(runtime, name))


def _probe_wayland(protocol_name: str) -> _Probe:
    def probe(context: _Context) -> IdleMonitor | _Missing:
        try:
            from reconnect.desktop.wayland.idle_notify import IdleProtocol, connect_idle_monitor
        except (ImportError, OSError) as error:  # pywayland, or the libwayland it loads
            return _Missing(f"pywayland can't be loaded ({error})", _PYWAYLAND_FIX)
        display = _wayland_display(context.environ)
        if isinstance(display, _Missing):
            return display
        found = connect_idle_monitor(
            IdleProtocol[protocol_name], display, context.notify_after, context.monotonic
        )
        return _Missing(found, _WAYLAND_FIX) if isinstance(found, str) else found

    return probe


def _probe_logind(context: _Context) -> IdleMonitor | _Missing:
    from reconnect.desktop.logind_idle import LogindIdleMonitor, session_path

    bus = context.system_bus
    if bus is None:
        bus = QDBusConnection.systemBus()
    if not bus.isConnected():
        return _Missing("no D-Bus system bus, so no logind")
    path = session_path(bus, context.environ)
    if path is None:
        return _Missing("logind does not know this session")
    return LogindIdleMonitor(bus, path, context.monotonic)


def _probe_windows(context: _Context) -> IdleMonitor | _Missing:
    try:
        return WindowsIdleMonitor()
    except (OSError, AttributeError) as error:
        return _Missing(f"GetLastInputInfo can't be used: {error}")


def _probe_mac(context: _Context) -> IdleMonitor | _Missing:
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


PROBES: dict[str, _Probe] = {
    "ext-idle-notify-v1": _probe_wayland("EXT_IDLE_NOTIFY"),
    "org_kde_kwin_idle": _probe_wayland("KDE_IDLE"),
    "mutter": _probe_mutter,
    "x11": _probe_x11,
    "logind": _probe_logind,
    "windows": _probe_windows,
    "macos": _probe_mac,
}
"""Every way of reading idle time, by the name :func:`idle_sources` gives it."""


def notify_after(pace: Pace = REAL_TIME) -> float:
    """Seconds the compositor waits before saying "idled": :data:`NOTIFY_AFTER` at ``pace``."""
    return pace.duration(NOTIFY_AFTER).total_seconds()


def idle_sources(environ: Mapping[str, str], platform: str = sys.platform) -> tuple[str, ...]:
    """The ways of reading idle time worth trying here, best first (keys of :data:`PROBES`).

    Under Wayland the compositor's own protocols come first; GNOME offers neither, so its
    Mutter monitor follows. X11's counter is refused there but still named, so doctor says
    why. logind's hint comes last everywhere: only some desktops keep it up to date.
    """
    if platform == "win32":
        return ("windows",)
    if platform == "darwin":
        return ("macos",)
    if _wayland_session(environ):
        return ("ext-idle-notify-v1", "org_kde_kwin_idle", "mutter", "x11", "logind")
    return ("x11", "mutter", "logind")


@dataclass(frozen=True)
class IdleSearch:
    """What looking for a way of reading idle time found.

    Attributes:
        monitor: the first that answered, or None.
        passed_over: why each one tried before it (or all, when none) could not be used.
        fixes: what would make the missing ones work, without repeats.
    """

    monitor: IdleMonitor | None
    passed_over: tuple[str, ...] = ()
    fixes: tuple[str, ...] = ()

    def reasons(self) -> str:
        """Why idle time can't be read, what to do, and what that means for the breaks."""
        why = "; ".join(self.passed_over) or "this platform has no facility Reconnect knows"
        todo = f" To fix: {'; or '.join(self.fixes)}." if self.fixes else ""
        return (
            f"{why}.{todo} Meanwhile time away does not count as a break, and breaks come on "
            "schedule."
        )

    def unavailable(self) -> str:
        """:meth:`reasons`, after "idle detection unavailable: "."""
        return f"idle detection unavailable: {self.reasons()}"


def search_idle_monitor(
    session_bus: QDBusConnection | None = None,
    environ: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    *,
    system_bus: QDBusConnection | None = None,
    notify_after: float = NOTIFY_AFTER.total_seconds(),
    monotonic: Callable[[], float] = time.monotonic,
    probes: Mapping[str, _Probe] | None = None,
) -> IdleSearch:
    """Try each way of reading idle time in :func:`idle_sources`' order; the first that
    answers a first question is kept. Never raises.

    Args:
        session_bus: where to look for Mutter; the process's session bus when None.
        environ: the environment (``DISPLAY``, ``WAYLAND_DISPLAY``, ``XDG_SESSION_ID``);
            ``os.environ`` when None.
        platform: ``sys.platform``, which decides the facilities tried.
        system_bus: where to look for logind; the process's system bus when None.
        notify_after: seconds without input before a Wayland compositor says so (at most
            the shortest away threshold, one minute).
        monotonic: the clock Wayland's and logind's idle time is counted on.
        probes: stand-ins for :data:`PROBES`, by name (tests).
    """
    environ = os.environ if environ is None else environ
    context = _Context(session_bus, system_bus, environ, notify_after, monotonic)
    table = PROBES if probes is None else probes
    missing: list[_Missing] = []
    found_one: IdleMonitor | None = None
    for source in idle_sources(environ, platform):
        found = table[source](context)
        if isinstance(found, _Missing):
            log.debug("idle detection: %s", found.why)
            missing.append(found)
            continue
        if found.idle_seconds() is not None:
            found_one = found
            break
        missing.append(_Missing(f"{found.name} did not answer"))
        _close(found)
    return IdleSearch(
        found_one,
        tuple(dict.fromkeys(m.why for m in missing)),  # both protocols' "can't connect" once
        tuple(dict.fromkeys(m.fix for m in missing if m.fix)),
    )


def close_idle_monitor(monitor: IdleMonitor) -> None:
    """Let go of what a monitor holds open (an X display, a Wayland connection), when it is
    not kept."""
    _close(monitor)


def _close(monitor: IdleMonitor) -> None:
    close = getattr(monitor, "close", None)
    if callable(close):
        close()


def find_idle_monitor(
    session_bus: QDBusConnection | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    system_bus: QDBusConnection | None = None,
) -> IdleMonitor | None:
    """The first way of reading idle time that works here, or None (see
    :func:`search_idle_monitor`, whose arguments these are). Never raises."""
    return search_idle_monitor(session_bus, environ, system_bus=system_bus).monitor


def idle_support(
    session_bus: QDBusConnection | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    system_bus: QDBusConnection | None = None,
) -> tuple[bool, str]:
    """Whether idle time can be read here, for ``reconnect doctor``.

    Returns:
        ``(True, name of the facility)``, or ``(False, message)`` where the message starts
        with "idle detection unavailable", says why and what to do.
    """
    search = search_idle_monitor(session_bus, environ, system_bus=system_bus)
    if search.monitor is not None:
        _close(search.monitor)
        return True, search.monitor.name
    return False, search.unavailable()
