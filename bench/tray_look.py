"""A cheap look at which processes have an icon in the bench desktop's tray host (trayer).

One X connection of our own, kept open: each look is one XQueryTree per socket window and one
property read per icon (tens of microseconds), where starting ``xwininfo`` and ``xprop`` took
5-10 ms each and, polled every few milliseconds, took a core from the apps being timed.
"""

from __future__ import annotations

import ctypes
import re
import subprocess
from collections.abc import Mapping

from reconnect.desktop.xlib import X11Unavailable, XDisplay

XA_CARDINAL = 6
_PANEL = re.compile(r'^\s*(0x[0-9a-f]+) .*\("panel" "trayer"\)', re.MULTILINE)


class TrayLook:
    """The tray host's icons, seen through one X connection.

    Raises:
        X11Unavailable: no libX11, the display can't be opened, or no trayer panel is there.
    """

    def __init__(self, env: Mapping[str, str]) -> None:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree"],
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
        found = _PANEL.search(tree)
        if found is None:
            raise X11Unavailable("no trayer panel on this display")
        self.panel = int(found.group(1), 16)
        self.display = XDisplay(env["DISPLAY"])
        lib = self.display.lib
        ulong = ctypes.c_ulong
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ulong,
            ctypes.POINTER(ulong),
            ctypes.POINTER(ulong),
            ctypes.POINTER(ctypes.POINTER(ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        lib.XQueryTree.restype = ctypes.c_int

    def children(self, window: int) -> list[int]:
        """The windows right under ``window``; none when it is gone."""
        display = self.display
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        kids = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        with display.trapping_errors():
            status = display.lib.XQueryTree(
                display.handle,
                window,
                ctypes.byref(root),
                ctypes.byref(parent),
                ctypes.byref(kids),
                ctypes.byref(count),
            )
        try:
            if not status:
                return []
            return [kids[i] for i in range(count.value)]
        finally:
            if kids:
                display.lib.XFree(kids)

    def icons(self) -> list[int]:
        """The windows under trayer's sockets: each icon, and its children."""
        found: list[int] = []
        waiting = [kid for socket in self.children(self.panel) for kid in self.children(socket)]
        while waiting:
            window = waiting.pop()
            found.append(window)
            waiting.extend(self.children(window))
        return found

    def pid(self, window: int) -> int | None:
        """The process a window names (_NET_WM_PID), or None."""
        values = self.display.cardinal_list(window, "_NET_WM_PID", XA_CARDINAL)
        return values[0] if values else None

    def pids(self) -> set[int]:
        """The processes with an icon (or a window inside one) in the tray now."""
        return {pid for pid in (self.pid(window) for window in self.icons()) if pid is not None}

    def close(self) -> None:
        self.display.close()
