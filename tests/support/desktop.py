"""A throw-away X desktop for the tests: Xvfb, a session bus, a window manager, a tray host.

The test run starts its own, so nothing depends on a display left on the machine.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


class DesktopUnavailable(RuntimeError):
    """A program the virtual desktop needs is missing; the message names the package."""


@dataclass
class VirtualDesktop:
    """Xvfb with a D-Bus session bus, and on request a window manager and a tray host.

    Attributes:
        display: the X display, like ``:93``.
        bus_address: the session bus address.
    """

    display: str = ""
    bus_address: str = ""
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _tray: subprocess.Popen[bytes] | None = None
    _wm: subprocess.Popen[bytes] | None = None
    _log_dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="desktop-")))

    def start(self) -> VirtualDesktop:
        for program, package in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus")):
            if shutil.which(program) is None:
                raise DesktopUnavailable(f"{program} is missing: install the {package} package")
        read_fd, write_fd = os.pipe()
        with (self._log_dir / "xvfb.log").open("wb") as log:
            xvfb = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_fd),
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ],
                pass_fds=(write_fd,),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        os.close(write_fd)
        self._processes.append(xvfb)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.stop()
            raise DesktopUnavailable(f"Xvfb did not start; see {self._log_dir / 'xvfb.log'}")
        self.display = f":{number}"
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._processes.append(bus)
        assert bus.stdout is not None
        self.bus_address = bus.stdout.readline().decode().strip()
        bus.stdout.close()
        return self

    def environment(self) -> dict[str, str]:
        return {
            "DISPLAY": self.display,
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            "QT_QPA_PLATFORM": "xcb",
        }

    def _spawn(self, args: list[str], log: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, **self.environment()}
        with (self._log_dir / log).open("wb") as stderr:
            process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        self._processes.append(process)
        return process

    def start_window_manager(self) -> None:
        if self._wm is None and shutil.which("openbox"):
            self._wm = self._spawn(["openbox"], "openbox.log")

    def start_tray(self) -> None:
        """Start a system tray host (trayer) and wait until it owns the tray selection."""
        if self._tray is not None:
            return
        if shutil.which("trayer") is None:
            raise DesktopUnavailable("trayer is missing: install the trayer package")
        self._tray = self._spawn(
            [
                "trayer",
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "24",
                "--SetDockType",
                "true",
            ],
            "trayer.log",
        )
        deadline = time.monotonic() + 10
        pause = threading.Event()  # never set: only a short wait between polls of the X server
        while time.monotonic() < deadline:
            if self.tray_owner():
                return
            pause.wait(0.05)
        raise DesktopUnavailable(f"trayer did not take the tray; see {self._log_dir}")

    def stop_tray(self) -> None:
        if self._tray is not None:
            self._tray.terminate()
            self._tray.wait(5)
            self._processes.remove(self._tray)
            self._tray = None

    def tray_owner(self) -> bool:
        """Whether some program holds the system tray selection of screen 0."""
        env = {**os.environ, **self.environment()}
        probe = subprocess.run(
            ["python3", "-c", _SELECTION_PROBE], env=env, capture_output=True, text=True
        )
        return probe.stdout.strip() not in ("", "0")

    def stop(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self._processes:
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        self._processes.clear()
        self._tray = self._wm = None


# Asks the X server who owns _NET_SYSTEM_TRAY_S0, through libX11, without Qt.
_SELECTION_PROBE = """
import ctypes, ctypes.util
x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XInternAtom.restype = ctypes.c_ulong
x.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
x.XGetSelectionOwner.restype = ctypes.c_ulong
d = x.XOpenDisplay(None)
print(x.XGetSelectionOwner(d, x.XInternAtom(d, b"_NET_SYSTEM_TRAY_S0", 0)) if d else 0)
"""
