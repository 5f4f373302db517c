"""The X11 client library through ctypes, shared by the idle and full-screen probes.

Kept apart from Qt's own X connection, so nothing here can disturb Qt's windows.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import logging
from collections.abc import Iterator

log = logging.getLogger(__name__)

_SUCCESS = 0
XA_ATOM = 4
XA_CARDINAL = 6
XA_WINDOW = 33

# int (*XErrorHandler)(Display *, XErrorEvent *)
_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class X11Unavailable(Exception):
    """The X display or a library can't be used; the message says which and why."""


def load_library(*names: str) -> ctypes.CDLL | None:
    """The first of ``names`` (short names like ``"X11"`` or sonames) that loads, or None."""
    for name in names:
        path: str | None = name
        if "." not in name:  # a short name: looked for (ctypes.util starts a subprocess module)
            from ctypes.util import find_library

            path = find_library(name)
        if path is None:
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as error:
            log.debug("could not load %s: %s", path, error)
    return None


@functools.cache
def xlib() -> ctypes.CDLL | None:
    """libX11 with the signatures this package uses, or None when it isn't installed."""
    lib = load_library("libX11.so.6", "X11")
    if lib is None:
        return None
    p, ulong, c_int = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XOpenDisplay.restype = p
    lib.XCloseDisplay.argtypes = [p]
    lib.XDefaultRootWindow.argtypes = [p]
    lib.XDefaultRootWindow.restype = ulong
    lib.XInternAtom.argtypes = [p, ctypes.c_char_p, c_int]
    lib.XInternAtom.restype = ulong
    lib.XGetWindowProperty.argtypes = [
        p,
        ulong,
        ulong,
        ctypes.c_long,
        ctypes.c_long,
        c_int,
        ulong,
        ctypes.POINTER(ulong),
        ctypes.POINTER(c_int),
        ctypes.POINTER(ulong),
        ctypes.POINTER(ulong),
        ctypes.POINTER(p),
    ]
    lib.XGetWindowProperty.restype = c_int
    lib.XFree.argtypes = [p]
    lib.XSync.argtypes = [p, c_int]
    lib.XSetErrorHandler.argtypes = [_ErrorHandler]
    lib.XSetErrorHandler.restype = p
    return lib


class XDisplay:
    """One connection of our own to an X server, kept for the life of the app.

    Args:
        name: the display, like ``":0"``.

    Raises:
        X11Unavailable: libX11 is missing or the display can't be opened.
    """

    def __init__(self, name: str) -> None:
        lib = xlib()
        if lib is None:
            raise X11Unavailable("libX11.so.6 is missing")
        handle = lib.XOpenDisplay(name.encode())
        if not handle:
            raise X11Unavailable(f"can't open the X display {name}")
        self.name = name
        self.lib = lib
        self.handle: int | None = handle
        self.root: int = lib.XDefaultRootWindow(handle)
        self._atoms: dict[str, int] = {}
        self._failed = False
        # Kept as an attribute: ctypes must not free a callback that Xlib may still call.
        self._on_error = _ErrorHandler(self._note_error)

    def atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self.lib.XInternAtom(self.handle, name.encode(), 0)
        return self._atoms[name]

    def _note_error(self, display: int | None, event: int | None) -> int:
        self._failed = True
        return 0

    @contextlib.contextmanager
    def trapping_errors(self) -> Iterator[None]:
        """Run requests with X errors noted instead of fatal.

        Xlib's default handler ends the process on an error such as BadWindow, which happens
        whenever a window closes between two of our reads. The handler is process-wide (Qt
        installs its own), so ours is set only for the span of the requests and then the
        previous one is put back, after ``XSync`` has collected every error of ours.
        """
        self._failed = False
        previous = self.lib.XSetErrorHandler(self._on_error)
        try:
            yield
        finally:
            self.lib.XSync(self.handle, 0)
            self.lib.XSetErrorHandler(_ErrorHandler(previous or 0))

    def cardinal_list(self, window: int, property_name: str, kind: int) -> list[int] | None:
        """A format-32 property (atoms, windows) of ``window``; None if unset or unreadable."""
        actual_type = ctypes.c_ulong()
        actual_format = ctypes.c_int()
        count = ctypes.c_ulong()
        remaining = ctypes.c_ulong()
        data = ctypes.c_void_p()
        with self.trapping_errors():
            status = self.lib.XGetWindowProperty(
                self.handle,
                window,
                self.atom(property_name),
                0,
                1024,
                0,
                kind,
                ctypes.byref(actual_type),
                ctypes.byref(actual_format),
                ctypes.byref(count),
                ctypes.byref(remaining),
                ctypes.byref(data),
            )
        try:
            if self._failed or status != _SUCCESS or actual_format.value != 32:
                return None
            # Xlib hands format-32 data back as C longs, whatever their width.
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [values[i] for i in range(count.value)]
        finally:
            if data:
                self.lib.XFree(data)

    def close(self) -> None:
        if self.handle:
            self.lib.XCloseDisplay(self.handle)
            self.handle = None
