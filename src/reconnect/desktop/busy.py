"""Whether the person is busy now: a call (microphone, camera, screen share), a calendar event,
a full-screen window with the focus, or do-not-disturb.

Asked when a break is due (and every 30 s while it waits); made ready within a minute before.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtDBus import QDBusConnection

from reconnect.core import busy_sources
from reconnect.desktop.session import DesktopSession, SessionKind, detect_session
from reconnect.desktop.xlib import XA_ATOM, XA_WINDOW, X11Unavailable, XDisplay

if TYPE_CHECKING:
    from reconnect.desktop.do_not_disturb import GnomeBanners
    from reconnect.desktop.kwin_window import KWinWindow
    from reconnect.desktop.wayland.toplevels import WaylandToplevels

log = logging.getLogger(__name__)

# The short words of ``status --json``'s ``waiting_because`` (``core.busy_sources`` has them all).
FULL_SCREEN = busy_sources.FULL_SCREEN
DO_NOT_DISTURB = busy_sources.DO_NOT_DISTURB

# What can be read, as ``capabilities`` and ``planned_sources`` name it.
X11_FULL_SCREEN = "full-screen windows (X11 window manager)"
XWAYLAND_FULL_SCREEN = "full-screen X11 windows (XWayland)"
WLR_FULL_SCREEN = "full-screen windows (Wayland wlr-foreign-toplevel-management)"
KWIN_FULL_SCREEN = "full-screen windows (KWin, through a small script of ours)"
INHIBITED = "do not disturb (notification server's Inhibited)"
GNOME_BANNERS = "do not disturb (GNOME's show-banners setting)"
MAKO_MODE = "do not disturb (mako's do-not-disturb mode)"
GNOME_UNSEEN = (
    "GNOME does not tell other programs when a window is full screen; do-not-disturb is read "
    "instead"
)


@dataclass(frozen=True)
class Busy:
    """The answer of one check.

    Attributes:
        busy: the prompt should wait.
        reason: ``"microphone"``, ``"camera"``, ``"screen share"``, a calendar event's title
            (or ``"a calendar event"``), ``"full screen"``, ``"do not disturb"``; or
            ``""`` when not busy.
    """

    busy: bool
    reason: str = ""


NOT_BUSY = Busy(False, "")


class BusySource(Protocol):
    """One thing that can make a due break wait (``desktop.microphone.MicrophoneSource``...)."""

    name: str

    def check(self) -> Busy:
        """Busy or free now, and why. Never raises."""
        ...


class BusyDetector:
    """Reads what the desktop lets us read about being busy; any failed read means not busy.

    - The sources given to ``use_sources`` (``desktop.busy_list`` makes them from the
      settings): the microphone, the camera, the screen share, a calendar file; asked in that
      order, before the desktop's own checks.
    - A full-screen window with the focus: on X11 the window manager's ``_NET_ACTIVE_WINDOW``
      with ``_NET_WM_STATE_FULLSCREEN`` (under Wayland, XWayland's windows only); on wlroots
      desktops the compositor's window list (``wlr-foreign-toplevel-management``); on KDE
      Plasma's Wayland a KWin script that reports the active window. GNOME on Wayland tells
      no other program. Any such window counts, Reconnect's own included.
    - Do-not-disturb: the notification server's ``Inhibited`` (KDE Plasma), GNOME's
      ``show-banners`` setting, mako's ``do-not-disturb`` mode.
    - On Windows and macOS nothing is read yet: never busy.

    The Wayland window list and the KWin script are kept between ``prepare`` (a break is due
    within a minute) and ``release``, so nothing wakes the app between breaks; ``check`` makes
    them ready itself when it comes first.

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
        self._sources: list[BusySource] = []
        self._bus = session_bus
        self._environ = os.environ if environ is None else environ
        self._platform = platform
        self._session: DesktopSession = detect_session(self._environ, platform)
        self._display: XDisplay | None = None
        self._display_tried = False
        self._toplevels: WaylandToplevels | None = None
        self._kwin: KWinWindow | None = None
        self._banners: GnomeBanners | None = None
        if self._on_gnome():
            from reconnect.desktop.do_not_disturb import GnomeBanners

            self._banners = GnomeBanners(self._environ)

    def use_sources(self, sources: Sequence[BusySource]) -> None:
        """Ask these sources from now; the ones asked before let go of what they hold."""
        for source in self._sources:
            close = getattr(source, "close", None)
            if callable(close):
                close()  # the sound server's connection
        self._sources = list(sources)

    @property
    def sources(self) -> list[BusySource]:
        """The sources asked before the desktop's own checks."""
        return list(self._sources)

    def check(self) -> Busy:
        """Whether the person is busy now: the first source that says so. Never raises."""
        for source in self._sources:
            try:
                answer = source.check()
            except Exception:
                log.debug("the %s check failed; taking it as not busy", source.name, exc_info=True)
                continue
            if answer.busy:
                return answer
        try:
            if self._full_screen_active():
                return Busy(True, FULL_SCREEN)
            if self._do_not_disturb():
                return Busy(True, DO_NOT_DISTURB)
        except Exception:
            # A probe of the desktop must never stop a break from coming.
            log.debug("busy check failed; taking it as not busy", exc_info=True)
        return NOT_BUSY

    def prepare(self) -> None:
        """A break is due within a minute: start listening, so the check finds answers ready."""
        try:
            self._wayland_windows()
            self._kwin_window()
            if self._banners is not None:
                self._banners.listen()
        except Exception:
            log.debug("getting ready for the busy check failed", exc_info=True)

    def release(self) -> None:
        """No break is near: stop listening to the desktop's windows. Cheap when not listening."""
        if self._toplevels is not None:
            self._toplevels.close()
            self._toplevels = None
        if self._kwin is not None:
            self._kwin.stop()
        if self._banners is not None:
            self._banners.stop()

    def capabilities(self) -> list[str]:
        """What can be read here, for ``reconnect doctor``; empty when nothing can."""
        found = []
        display = self._x_display()
        if display is not None:
            supported = display.cardinal_list(display.root, "_NET_SUPPORTED", XA_ATOM) or []
            needed = {display.atom("_NET_ACTIVE_WINDOW"), display.atom("_NET_WM_STATE_FULLSCREEN")}
            if needed <= set(supported):
                found.append(XWAYLAND_FULL_SCREEN if self._session.wayland else X11_FULL_SCREEN)
        if self._wayland_windows() is not None:
            found.append(WLR_FULL_SCREEN)
        if self._kwin_answers():
            found.append(KWIN_FULL_SCREEN)
        self.release()
        from reconnect.desktop import do_not_disturb

        bus = self._session_bus()
        if bus is not None and do_not_disturb.notifications_inhibited(bus) is not None:
            found.append(INHIBITED)
        if self._banners is not None and self._banners.hidden() is not None:
            found.append(GNOME_BANNERS)
        if self._wlroots_like() and bus is not None and do_not_disturb.mako_modes(bus) is not None:
            found.append(MAKO_MODE)
        return found

    def planned_sources(self) -> list[str]:
        """What ``check`` will try to read here, named without asking the desktop anything."""
        if self._platform in ("win32", "darwin"):
            return []
        wayland = self._session.wayland
        planned = []
        if self._environ.get("DISPLAY"):
            planned.append(XWAYLAND_FULL_SCREEN if wayland else X11_FULL_SCREEN)
        if self._wlroots_like():
            planned.append(WLR_FULL_SCREEN)
        if self._kde_wayland():
            planned.append(KWIN_FULL_SCREEN)
        planned.append(INHIBITED)
        if self._on_gnome():
            planned.append(GNOME_BANNERS)
        if self._wlroots_like():
            planned.append(MAKO_MODE)
        return planned

    def unseen(self) -> str | None:
        """What this desktop does not let anyone read, said plainly; None when nothing."""
        if self._on_gnome() and self._session.wayland:
            return GNOME_UNSEEN
        return None

    def close(self) -> None:
        self.use_sources([])
        self.release()
        if self._kwin is not None:
            self._kwin.close()
            self._kwin = None
        if self._banners is not None:
            self._banners.close()
        if self._display is not None:
            self._display.close()
            self._display = None

    # --- the session ----------------------------------------------------------------------

    def _session_bus(self) -> QDBusConnection | None:
        if self._platform in ("win32", "darwin"):
            return None
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        return bus if bus.isConnected() else None

    def _on_gnome(self) -> bool:
        return "gnome" in self._environ.get("XDG_CURRENT_DESKTOP", "").lower()

    def _wlroots_like(self) -> bool:
        """A Wayland session that is neither GNOME nor KDE: wlroots and others may list windows."""
        return self._session.kind in (SessionKind.WLROOTS, SessionKind.WAYLAND)

    def _kde_wayland(self) -> bool:
        return self._session.kind is SessionKind.KDE and self._session.wayland

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
        if self._x11_full_screen():
            return True
        windows = self._wayland_windows()
        if windows is not None and windows.focused_full_screen():
            return True
        kwin = self._kwin_window()
        return kwin is not None and bool(kwin.full_screen)

    def _x11_full_screen(self) -> bool:
        display = self._x_display()
        if display is None:
            return False
        active = display.cardinal_list(display.root, "_NET_ACTIVE_WINDOW", XA_WINDOW)
        if not active or not active[0]:
            return False
        # The window may have closed since; then the read fails and it isn't full screen.
        state = display.cardinal_list(active[0], "_NET_WM_STATE", XA_ATOM) or []
        return display.atom("_NET_WM_STATE_FULLSCREEN") in state

    def _wayland_windows(self) -> WaylandToplevels | None:
        """The compositor's window list, connected on first use; None where there is none."""
        if self._toplevels is not None and not self._toplevels.lost:
            return self._toplevels
        self._toplevels = None
        display = self._environ.get("WAYLAND_DISPLAY")
        if not display or not self._wlroots_like():
            return None
        from reconnect.desktop.wayland.toplevels import connect_toplevels

        connected = connect_toplevels(display)
        if isinstance(connected, str):
            log.debug("full-screen Wayland windows can't be seen: %s", connected)
            return None
        self._toplevels = connected
        return connected

    def _kwin_window(self) -> KWinWindow | None:
        """KWin's script, loaded on first use; its first report comes through the event loop."""
        if not self._kde_wayland():
            return None
        bus = self._session_bus()
        if bus is None:
            return None
        if self._kwin is None:
            from reconnect.desktop.kwin_window import KWinWindow

            self._kwin = KWinWindow(bus)
        return self._kwin if self._kwin.watch() else None

    def _kwin_answers(self, timeout_ms: int = 2000) -> bool:
        """Whether KWin's script reports (doctor): the event loop is run until it does."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        kwin = self._kwin_window()
        if kwin is None or QCoreApplication.instance() is None:
            return False
        deadline = QDeadlineTimer(timeout_ms)
        while kwin.full_screen is None and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return kwin.full_screen is not None

    # --- do not disturb -------------------------------------------------------------------

    def _do_not_disturb(self) -> bool:
        # Imported when first asked (near a break): the tray shows itself without it.
        from reconnect.desktop import do_not_disturb

        bus = self._session_bus()
        if bus is not None and do_not_disturb.notifications_inhibited(bus):
            return True
        if self._banners is not None and self._banners.hidden():
            return True
        return bool(
            self._wlroots_like() and bus is not None and do_not_disturb.mako_do_not_disturb(bus)
        )
