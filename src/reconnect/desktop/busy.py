"""Whether the person is busy now: a full-screen window is active, or do-not-disturb is on.

Asked only when a break is due (and every 30 s while the prompt waits), so a read may be slow-ish.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage, QDBusVariant

from reconnect.desktop.xlib import XA_ATOM, XA_WINDOW, X11Unavailable, XDisplay

log = logging.getLogger(__name__)

FULL_SCREEN = "a full-screen window"
DO_NOT_DISTURB = "do not disturb"

# What can be read, as ``capabilities`` and ``planned_sources`` name it.
X11_FULL_SCREEN = "full-screen windows (X11 window manager)"
XWAYLAND_FULL_SCREEN = "full-screen X11 windows (XWayland; Wayland's own windows are not seen)"
INHIBITED = "do not disturb (notification server's Inhibited)"
GNOME_BANNERS = "do not disturb (GNOME's show-banners setting)"

_NOTIFICATIONS = "org.freedesktop.Notifications"
_NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
_GSETTINGS_TIMEOUT = 2.0


@dataclass(frozen=True)
class Busy:
    """The answer of one check.

    Attributes:
        busy: the prompt should wait.
        reason: ``"a full-screen window"``, ``"do not disturb"``, or ``""`` when not busy.
    """

    busy: bool
    reason: str = ""


NOT_BUSY = Busy(False, "")


class BusyDetector:
    """Reads what the desktop lets us read about being busy; any failed read means not busy.

    - A full-screen window, on X11: the window manager's ``_NET_ACTIVE_WINDOW`` has
      ``_NET_WM_STATE_FULLSCREEN`` in its ``_NET_WM_STATE``. Any such window counts, Reconnect's
      own included: its player goes full screen only when the person asks, and then no other
      prompt should come anyway. Under Wayland only XWayland windows are seen this way.
    - Do-not-disturb: the ``Inhibited`` property of the notification server (newer
      specification; KDE Plasma), and on GNOME the ``show-banners`` setting, through
      ``gsettings``.
    - On Windows and macOS nothing is read yet: never busy.

    The X display is opened on first use and kept.

    Args:
        session_bus: where the notification server lives; the process's session bus when None.
        environ: the environment (``DISPLAY``, ``XDG_CURRENT_DESKTOP``); ``os.environ`` when None.
        platform: ``sys.platform``.
    """

    def __init__(
        self,
        session_bus: QDBusConnection | None = None,
        environ: Mapping[str, str] | None = None,
        platform: str = sys.platform,
    ) -> None:
        self._bus = session_bus
        self._environ = os.environ if environ is None else environ
        self._platform = platform
        self._display: XDisplay | None = None
        self._display_tried = False

    def check(self) -> Busy:
        """Whether the person is busy now. Never raises."""
        try:
            if self._full_screen_active():
                return Busy(True, FULL_SCREEN)
            if self._notifications_inhibited() or self._gnome_banners_hidden():
                return Busy(True, DO_NOT_DISTURB)
        except Exception:
            # A probe of the desktop must never stop a break from coming.
            log.debug("busy check failed; taking it as not busy", exc_info=True)
        return NOT_BUSY

    def capabilities(self) -> list[str]:
        """What can be read here, for ``reconnect doctor``; empty when nothing can."""
        found = []
        display = self._x_display()
        if display is not None:
            supported = display.cardinal_list(display.root, "_NET_SUPPORTED", XA_ATOM) or []
            needed = {display.atom("_NET_ACTIVE_WINDOW"), display.atom("_NET_WM_STATE_FULLSCREEN")}
            if needed <= set(supported):
                found.append(X11_FULL_SCREEN)
        if self._notifications_inhibited() is not None:
            found.append(INHIBITED)
        if self._gnome_banners_hidden() is not None:
            found.append(GNOME_BANNERS)
        return found

    def planned_sources(self) -> list[str]:
        """What ``check`` will try to read here, named without asking the desktop anything."""
        if self._platform in ("win32", "darwin"):
            return []
        wayland = bool(self._environ.get("WAYLAND_DISPLAY")) or (
            self._environ.get("XDG_SESSION_TYPE") == "wayland"
        )
        planned = []
        if self._environ.get("DISPLAY"):
            planned.append(XWAYLAND_FULL_SCREEN if wayland else X11_FULL_SCREEN)
        planned.append(INHIBITED)
        if self._on_gnome():
            planned.append(GNOME_BANNERS)
        return planned

    def close(self) -> None:
        if self._display is not None:
            self._display.close()
            self._display = None

    # --- full screen ----------------------------------------------------------------------

    def _x_display(self) -> XDisplay | None:
        if not self._display_tried:
            self._display_tried = True
            name = self._environ.get("DISPLAY")
            if name and self._platform not in ("win32", "darwin"):
                try:
                    self._display = XDisplay(name)
                except X11Unavailable as error:
                    log.debug("full-screen windows can't be seen: %s", error)
        return self._display

    def _full_screen_active(self) -> bool:
        display = self._x_display()
        if display is None:
            return False
        active = display.cardinal_list(display.root, "_NET_ACTIVE_WINDOW", XA_WINDOW)
        if not active or not active[0]:
            return False
        # The window may have closed since; then the read fails and it isn't full screen.
        state = display.cardinal_list(active[0], "_NET_WM_STATE", XA_ATOM) or []
        return display.atom("_NET_WM_STATE_FULLSCREEN") in state

    # --- do not disturb -------------------------------------------------------------------

    def _notifications_inhibited(self) -> bool | None:
        """The notification server's ``Inhibited``; None where it can't be read."""
        if self._platform in ("win32", "darwin"):
            return None
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            return None
        question = QDBusMessage.createMethodCall(
            _NOTIFICATIONS, _NOTIFICATIONS_PATH, "org.freedesktop.DBus.Properties", "Get"
        )
        question.setArguments([_NOTIFICATIONS, "Inhibited"])
        # Asking must not start a notification server that isn't running.
        question.setAutoStartService(False)
        reply = bus.call(question, QDBus.CallMode.Block, 500)
        arguments = reply.arguments()
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not arguments:
            log.debug("Inhibited can't be read: %s", reply.errorName())
            return None
        value = arguments[0]
        if isinstance(value, QDBusVariant):
            value = value.variant()
        return value if isinstance(value, bool) else None

    def _on_gnome(self) -> bool:
        return "gnome" in self._environ.get("XDG_CURRENT_DESKTOP", "").lower()

    def _gnome_banners_hidden(self) -> bool | None:
        """GNOME's do-not-disturb (banners off); None elsewhere or where it can't be read."""
        # Elsewhere the key may exist but means nothing: only GNOME Shell obeys it.
        if not self._on_gnome():
            return None
        gsettings = shutil.which("gsettings", path=self._environ.get("PATH"))
        if gsettings is None:
            return None
        try:
            answer = subprocess.run(
                [gsettings, "get", "org.gnome.desktop.notifications", "show-banners"],
                capture_output=True,
                text=True,
                timeout=_GSETTINGS_TIMEOUT,
                check=True,
                env=dict(self._environ),
            )
        except (OSError, subprocess.SubprocessError) as error:
            log.debug("show-banners can't be read: %s", error)
            return None
        value = answer.stdout.strip()
        return {"false": True, "true": False}.get(value)
