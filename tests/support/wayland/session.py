"""What every headless Wayland desktop of the tests shares: its user, its buses, its processes.

A desktop runs as an ordinary user (sway refuses to run as root; as root the tests make a system
user ``reconnect-wayland`` for it), in a temporary folder of its own, with a private session bus
that admits every local user, so an app the tests start as root can reach the tray and the
notification server. Every process the desktop starts carries a mark in its environment, so
``stop`` ends them all, D-Bus-activated services and the compositor's children included.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import json
import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

USER = "reconnect-wayland"
MARK = "RECONNECT_WAYLAND_DESKTOP"


class DesktopUnavailable(RuntimeError):
    """A program the desktop needs is missing, or it did not come up; the message says why."""


@dataclass(frozen=True)
class Window:
    """A top-level window as the compositor sees it."""

    title: str
    app_id: str
    focused: bool
    x: int = 0
    y: int = 0
    width: int = 0
    height: int = 0


def wait_until(what: str, condition: Callable[[], object], timeout: float) -> None:
    """Poll ``condition`` until it is true.

    Raises:
        TimeoutError: it stayed false for ``timeout`` seconds; the message says ``what``.
    """
    deadline = time.monotonic() + timeout
    pause = threading.Event()  # never set: only a short wait between polls
    while True:
        try:
            if condition():
                return
        except (OSError, subprocess.SubprocessError, ValueError):
            pass  # not up yet
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        pause.wait(0.1)


def bus_config(socket: Path, activation: bool) -> str:
    """A session bus that admits every local user: root's apps and the desktop's user meet on it."""
    servicedirs = "<standard_session_servicedirs/>" if activation else ""
    return f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  {servicedirs}
  <policy context="default">
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def gvariant_string(text: str) -> str:
    """``text`` as a GVariant string literal, for gdbus's command line."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


class WaylandDesktop(ABC):
    """One headless Wayland desktop: ``start()``, drive it, ``stop()``.

    Attributes:
        kind: ``sway``, ``gnome`` or ``kde``.
        terminal: the app id of the terminal that has the keyboard after ``start``.
        programs: each program the desktop needs, with its Debian package.
        folder: the desktop's temporary folder (its home, runtime folder, logs).
        timings: seconds taken by ``start`` and ``stop``.
    """

    kind: ClassVar[str]
    terminal: ClassVar[str]
    programs: ClassVar[dict[str, str]]
    desktop_name: ClassVar[str]

    def __init__(self, width: int = 1280, height: int = 800) -> None:
        self.width, self.height = width, height
        self.folder = Path()
        self.wayland_display = ""
        self.timings: dict[str, float] = {}
        self._processes: list[subprocess.Popen[bytes]] = []
        self._mark = ""
        self._uid = os.getuid()

    # --- what the desktop needs --------------------------------------------------------------

    @classmethod
    def unavailable_reason(cls) -> str | None:
        """Why this desktop cannot start here (which packages are missing), or None."""
        missing = sorted(
            {package for program, package in cls.programs.items() if shutil.which(program) is None}
        )
        if missing:
            return (
                f"the {cls.kind} desktop needs packages that are not installed: "
                f"{' '.join(missing)} (scripts/setup installs them)"
            )
        return None

    # --- start and stop ----------------------------------------------------------------------

    def start(self) -> Self:
        """Start the desktop and wait until its tray host has come and a terminal has the keyboard.

        Raises:
            DesktopUnavailable: a package is missing or the desktop did not come up (the message
                names the log folder); everything already started has been stopped.
        """
        reason = self.unavailable_reason()
        if reason:
            raise DesktopUnavailable(reason)
        began = time.monotonic()
        self.folder = Path(tempfile.mkdtemp(prefix=f"reconnect-{self.kind}-"))
        self._mark = f"{MARK}={self.folder}"
        atexit.register(self.stop)
        try:
            self._prepare_user()
            self._start_session_bus()
            self._start_desktop()
        except BaseException as error:
            logs = self.folder / "log"
            kept = Path(tempfile.mkdtemp(prefix=f"reconnect-{self.kind}-logs-"))
            shutil.copytree(logs, kept, dirs_exist_ok=True)
            self.stop()
            if isinstance(error, DesktopUnavailable | TimeoutError):
                raise DesktopUnavailable(f"{self.kind}: {error} (logs in {kept})") from error
            raise
        self.timings["start"] = time.monotonic() - began
        return self

    def stop(self) -> None:
        """End every process the desktop started, whatever state it is in, and remove its folder."""
        atexit.unregister(self.stop)
        began = time.monotonic()
        for process in reversed(self._processes):
            self._signal_group(process, signal.SIGTERM)
        for process in reversed(self._processes):
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                self._signal_group(process, signal.SIGKILL)
                process.wait(5)
        self._processes.clear()
        if self._mark:
            # what outlived them: children in sessions of their own, D-Bus-activated services
            for sig in (signal.SIGTERM, signal.SIGKILL):
                for pid in self._members():
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, sig)
                if sig == signal.SIGTERM:
                    with contextlib.suppress(TimeoutError):
                        wait_until("the processes to end", lambda: not self._members(), 3)
            self._mark = ""
        if self.folder != Path() and self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
        self.timings["stop"] = time.monotonic() - began

    @staticmethod
    def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)  # each was started in a session of its own

    def _members(self) -> list[int]:
        """PIDs of live processes whose environment carries this desktop's mark."""
        if not self._mark:
            return []
        mark = self._mark.encode()
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if mark in (entry / "environ").read_bytes().split(b"\0"):
                    status = (entry / "status").read_text()
                    if "\nState:\tZ" not in status:
                        found.append(int(entry.name))
            except OSError:
                continue
        return found

    # --- the user and the processes ----------------------------------------------------------

    def _prepare_user(self) -> None:
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(USER)
            except KeyError:
                subprocess.run(
                    ["useradd", "--system", "--user-group", "--no-create-home",
                     "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", USER],
                    capture_output=True, check=False,
                )  # fmt: skip
                pwd.getpwnam(USER)  # another run may have made it meanwhile; else KeyError
            self._uid = pwd.getpwnam(USER).pw_uid
        self.folder.chmod(0o755)
        for name in ("run", "home", "log", "bin"):
            (self.folder / name).mkdir()
            os.chown(self.folder / name, self._uid, self._uid)
        (self.folder / "run").chmod(0o700)
        (self.folder / "home").chmod(0o700)
        # the app's own runtime folder: Qt wants one that belongs to it
        (self.folder / "app-run").mkdir(mode=0o700)

    @property
    def home(self) -> Path:
        """The desktop user's home; its terminal starts there and may write there."""
        return self.folder / "home"

    @property
    def run_dir(self) -> Path:
        return self.folder / "run"

    def _user_environ(self, extra: Mapping[str, str]) -> dict[str, str]:
        user = pwd.getpwuid(self._uid).pw_name
        return {
            "HOME": str(self.home),
            "USER": user,
            "LOGNAME": user,
            "SHELL": "/bin/bash",
            "LANG": "C.UTF-8",
            "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "XDG_SESSION_TYPE": "wayland",
            "XDG_RUNTIME_DIR": str(self.run_dir),
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            **({"WAYLAND_DISPLAY": self.wayland_display} if self.wayland_display else {}),
            **extra,
            MARK: str(self.folder),
        }

    def _as_user(self, command: list[str]) -> list[str]:
        if os.geteuid() == 0:
            return [
                "setpriv",
                f"--reuid={self._uid}",
                f"--regid={self._uid}",
                "--init-groups",
                *command,
            ]
        return command

    def spawn(self, name: str, command: list[str], **extra: str) -> subprocess.Popen[bytes]:
        """Start ``command`` as the desktop's user, in a session of its own.

        Its output goes to log/NAME.log in the desktop's folder.
        """
        with (self.folder / "log" / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(
                self._as_user(command),
                env=self._user_environ(extra),
                cwd=self.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._processes.append(process)
        return process

    def run_as_user(
        self, command: list[str], timeout: float = 30, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        """Run ``command`` as the desktop's user and wait for it."""
        return subprocess.run(
            self._as_user(command),
            env=self._user_environ(extra),
            cwd=self.home,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def run(self, command: list[str], timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Run ``command`` as the tests' own user, on the desktop (its display and bus)."""
        environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "XAUTHORITY")}
        return subprocess.run(
            command,
            env={**environ, **self.env},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def log(self, name: str) -> str:
        path = self.folder / "log" / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- the session bus ---------------------------------------------------------------------

    @property
    def bus_address(self) -> str:
        return f"unix:path={self.run_dir / 'bus'}"

    def _start_session_bus(self) -> None:
        config = self.folder / "bus.conf"
        config.write_text(bus_config(self.run_dir / "bus", activation=True))
        self.spawn("dbus", ["dbus-daemon", "--nofork", "--nopidfile", f"--config-file={config}"])
        wait_until("the session bus", lambda: (self.run_dir / "bus").is_socket(), 10)
        wait_until(
            "the session bus to admit the tests", lambda: self.has_owner("org.freedesktop.DBus"), 10
        )

    def call(
        self, destination: str, path: str, method: str, *args: str, timeout: float = 20
    ) -> str:
        """Call a D-Bus method on the desktop's session bus; returns gdbus's text of the reply.

        Raises:
            subprocess.CalledProcessError: the call failed.
        """
        done = self.run(
            ["gdbus", "call", "--session", "--dest", destination, "--object-path", path,
             "--method", method, *args],
            timeout=timeout,
        )  # fmt: skip
        if done.returncode != 0:
            raise subprocess.CalledProcessError(done.returncode, method, done.stdout, done.stderr)
        return done.stdout

    def has_owner(self, name: str) -> bool:
        reply = self.call(
            "org.freedesktop.DBus", "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner", name,
        )  # fmt: skip
        return "true" in reply

    def bus_names(self) -> list[str]:
        reply = self.call(
            "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"
        )
        return re.findall(r"'([^']*)'", reply)

    def name_pid(self, name: str) -> int:
        """The process ID of the bus connection that owns ``name``."""
        reply = self.call(
            "org.freedesktop.DBus", "/org/freedesktop/DBus",
            "org.freedesktop.DBus.GetConnectionUnixProcessID", name,
        )  # fmt: skip
        return int(re.findall(r"\d+", reply)[-1])

    # --- what tests use ----------------------------------------------------------------------

    @property
    def env(self) -> dict[str, str]:
        """The variables an app needs to run natively on this desktop (Qt on Wayland)."""
        return {
            "WAYLAND_DISPLAY": self.wayland_display,
            "XDG_RUNTIME_DIR": str(self.folder / "app-run"),
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            "QT_QPA_PLATFORM": "wayland",
            "XDG_SESSION_TYPE": "wayland",
            "XDG_CURRENT_DESKTOP": self.desktop_name,
        }

    def app_environ(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """``base`` (the tests' environment) without its X display, with this desktop's ``env``."""
        source = os.environ if base is None else base
        kept = {k: v for k, v in source.items() if k not in ("DISPLAY", "XAUTHORITY")}
        return {**kept, **self.env}

    def tray_items(self) -> list[str]:
        """The StatusNotifierWatcher's RegisteredStatusNotifierItems (bus name and object path)."""
        reply = self.call(
            "org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
            "org.freedesktop.DBus.Properties.Get",
            "org.kde.StatusNotifierWatcher", "RegisteredStatusNotifierItems",
        )  # fmt: skip
        return re.findall(r"'([^']*)'", reply)

    def tray_item_pids(self) -> list[int]:
        """The process IDs of the programs whose items are in the tray."""
        # an item is "BUS_NAME/PATH", or "BUS_NAME@/PATH" from GNOME's AppIndicator extension
        owners = [re.split(r"@?/", item, maxsplit=1)[0] for item in self.tray_items()]
        return [self.name_pid(owner) for owner in owners]

    def focused_window(self) -> Window | None:
        """The window that has the keyboard, or None."""
        return next((window for window in self.windows() if window.focused), None)

    @abstractmethod
    def _start_desktop(self) -> None:
        """Start the compositor, the tray host, the notification server and a focused terminal."""

    @abstractmethod
    def windows(self) -> list[Window]:
        """The top-level windows, panels and desktop excepted."""

    @abstractmethod
    def type_keys(self, text: str) -> None:
        """Type printable ASCII text (``\\n`` is Return) into the window that has the keyboard."""

    @abstractmethod
    def key(self, name: str) -> None:
        """Press and release a key by its xkb name (``Return``, ``Escape``), or a combination
        such as ``ctrl+d``."""

    @abstractmethod
    def screenshot(self, path: Path) -> Path:
        """Save the whole screen as a PNG at ``path``; returns ``path``."""


def parse_eval_reply(reply: str) -> object:
    """The value of a GNOME Shell ``Eval`` reply, ``(true, '"json"')``.

    Raises:
        ValueError: the shell answered with an exception.
    """
    match = re.fullmatch(r"\((true|false), (.*)\)", reply.strip(), re.DOTALL)
    if match is None:
        raise ValueError(f"odd reply from the shell: {reply!r}")
    text = ast.literal_eval(match.group(2))
    if match.group(1) != "true":
        raise ValueError(f"the shell's script failed: {text}")
    return json.loads(text) if text else None


def split_combination(name: str) -> tuple[list[str], str]:
    """``ctrl+shift+t`` as (``["ctrl", "shift"]``, ``"t"``); ``+`` alone is a key."""
    head, plus, key = name.rpartition("+")
    if not plus or not head or not key:
        return [], name
    return [modifier.lower() for modifier in head.split("+")], key
