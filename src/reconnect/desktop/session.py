"""Which desktop session this process runs in, and whether it has one to show Reconnect in.

Read from the environment alone, before Qt is: Qt aborts the whole process (SIGABRT, with a
misleading word about xcb-cursor0) when it finds no display.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

# Qt's platform plugins that need a desktop session; any other (offscreen, minimal, vnc,
# eglfs, linuxfb, ...) draws without one.
_DESKTOP_PLATFORMS = ("xcb", "wayland", "wayland-egl", "wayland-brcm")


def missing_session(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why no window could be shown here, or None when one can (or there is no telling).

    Args:
        environ: the environment Qt will read (the process's own).
        platform: ``sys.platform``; Windows and macOS always have their desktop.

    Returns:
        The missing part in a few words, like "no DISPLAY or WAYLAND_DISPLAY", or None.
    """
    if platform.startswith(("win", "cygwin", "darwin")):
        return None
    chosen = _chosen_platforms(environ)
    if any(name not in _DESKTOP_PLATFORMS for name in chosen):
        return None
    x11 = not chosen or "xcb" in chosen
    wayland = not chosen or any(name.startswith("wayland") for name in chosen)
    if (x11 and environ.get("DISPLAY")) or (wayland and environ.get("WAYLAND_DISPLAY")):
        return None
    variables = [
        name for name, needed in (("DISPLAY", x11), ("WAYLAND_DISPLAY", wayland)) if needed
    ]
    return f"no {' or '.join(variables)}"


def _chosen_platforms(environ: Mapping[str, str]) -> list[str]:
    """Qt's platform plugins named in QT_QPA_PLATFORM, which may list fallbacks ("wayland;xcb")
    and carry options ("vnc:size=...")."""
    return [
        name.split(":", 1)[0].strip().lower()
        for name in environ.get("QT_QPA_PLATFORM", "").split(";")
        if name.strip()
    ]


def unreachable_display(
    environ: Mapping[str, str],
    platform: str = sys.platform,
    answers: Callable[[int], bool] | None = None,
) -> str | None:
    """Why the X display Qt would use can't be reached (a DISPLAY left from a session that has
    ended), or None when it answers or there is no telling: Qt would abort the process.

    Only a display on this computer (``:0``, ``unix:1.0``) with X11 as Qt's only choice is
    asked; a remote one is left to Qt, so nothing here opens a network connection.

    Args:
        environ: the environment Qt will read.
        platform: ``sys.platform``.
        answers: whether the X server of a display number accepts a connection (tests).
    """
    if platform.startswith(("win", "cygwin", "darwin")):
        return None
    chosen = _chosen_platforms(environ)
    if chosen and chosen != ["xcb"]:
        return None
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return None
    display = environ.get("DISPLAY", "")
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if local is None:
        return None
    if (answers or _x_server_answers)(int(local.group(1))):
        return None
    return f"the display {display} does not answer"


def _x_server_answers(number: int) -> bool:
    """Whether an X server listens on this computer's socket for display ``number`` (Linux's
    abstract socket, then the file)."""
    import socket

    for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            try:
                probe.connect(address)
            except (OSError, ValueError):
                continue
            return True
    return False


class SessionKind(Enum):
    """The kinds of desktop session whose adapters differ."""

    X11 = "x11"
    GNOME = "gnome"
    KDE = "kde"
    WLROOTS = "wlroots"
    WAYLAND = "wayland"  # another Wayland compositor
    WINDOWS = "windows"
    MACOS = "macos"
    NONE = "none"  # no graphical session (a console, ssh, a service)


# XDG_CURRENT_DESKTOP names of compositors built on wlroots.
_WLROOTS_DESKTOPS = frozenset({"sway", "river", "wayfire", "labwc", "dwl", "cage"})

_KIND_WORDS = {
    SessionKind.X11: "X11",
    SessionKind.GNOME: "GNOME",
    SessionKind.KDE: "KDE Plasma",
    SessionKind.WLROOTS: "a wlroots compositor",
    SessionKind.WAYLAND: "Wayland",
    SessionKind.WINDOWS: "Windows",
    SessionKind.MACOS: "macOS",
    SessionKind.NONE: "no graphical session",
}


@dataclass(frozen=True)
class DesktopSession:
    """The session as its environment describes it.

    Attributes:
        kind: which adapters fit.
        wayland: the session runs Wayland (X11 programs then go through XWayland).
        desktop: ``XDG_CURRENT_DESKTOP`` as given ("" when unset), to name it in reports.
    """

    kind: SessionKind
    wayland: bool = False
    desktop: str = ""

    def describe(self) -> str:
        """In a few words: "GNOME on Wayland", "X11 (Openbox)", "Windows"."""
        words = _KIND_WORDS[self.kind]
        if self.kind in (SessionKind.GNOME, SessionKind.KDE, SessionKind.WLROOTS):
            words += " on Wayland" if self.wayland else " on X11"
        if self.desktop and self.kind in (
            SessionKind.X11,
            SessionKind.WLROOTS,
            SessionKind.WAYLAND,
        ):
            words += f" ({self.desktop})"
        return words


def detect_session(environ: Mapping[str, str], platform: str = sys.platform) -> DesktopSession:
    """The kind of desktop session, from ``XDG_SESSION_TYPE``, ``XDG_CURRENT_DESKTOP``,
    ``WAYLAND_DISPLAY``, ``DISPLAY``, ``SWAYSOCK`` and the platform. Never raises.

    Args:
        environ: the environment of the process.
        platform: ``sys.platform``.
    """
    if platform.startswith(("win", "cygwin")):
        return DesktopSession(SessionKind.WINDOWS)
    if platform.startswith("darwin"):
        return DesktopSession(SessionKind.MACOS)
    desktop = environ.get("XDG_CURRENT_DESKTOP", "").strip()
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return DesktopSession(SessionKind.NONE, desktop=desktop)
    # Either sign counts, as for idle detection: with XWayland there is a DISPLAY as well.
    wayland = bool(environ.get("WAYLAND_DISPLAY")) or (
        environ.get("XDG_SESSION_TYPE", "").strip().lower() == "wayland"
    )
    # A list such as "ubuntu:GNOME" or "GNOME-Classic:GNOME".
    names = {name.strip().lower() for name in desktop.split(":") if name.strip()}
    if any(name == "gnome" or name.startswith("gnome-") for name in names):
        kind = SessionKind.GNOME
    elif "kde" in names:
        kind = SessionKind.KDE
    elif wayland and (environ.get("SWAYSOCK") or names & _WLROOTS_DESKTOPS):
        kind = SessionKind.WLROOTS
    elif wayland:
        kind = SessionKind.WAYLAND
    else:
        kind = SessionKind.X11
    return DesktopSession(kind, wayland, desktop)
