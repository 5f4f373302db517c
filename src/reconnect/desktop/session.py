"""Whether this process has a graphical session to show Reconnect in, asked before Qt is.

Qt aborts the whole process (SIGABRT, with a misleading word about xcb-cursor0) when it finds
no display, so the command line asks here first; ``reconnect doctor`` says the same.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

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
    # QT_QPA_PLATFORM may list fallbacks ("wayland;xcb") and carry options ("vnc:size=...").
    chosen = [
        name.split(":", 1)[0].strip().lower()
        for name in environ.get("QT_QPA_PLATFORM", "").split(";")
        if name.strip()
    ]
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
