"""What the start and idle benchmarks share: a virtual desktop with a tray, a prepared Reconnect.

The desktop is the tests' own (``tests/support/desktop.py``: Xvfb, a session bus, trayer),
with a stand-in system bus beside it (Safe Eyes will not start without one, and all the apps
get the same) and, where it is installed, a notification daemon.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.desktop import DesktopUnavailable, VirtualDesktop

ROOT = Path(__file__).resolve().parents[1]
# A practice of the bundled library, logged as "just done" so no break comes due meanwhile.
JUST_DONE = "hand-on-heart"

__all__ = ["ROOT", "BenchDesktop", "DesktopUnavailable", "prepare_data", "reconnect_command"]


@dataclass
class BenchDesktop:
    """A throw-away desktop for the benchmarks; use it as a context manager.

    Args:
        home: the HOME (and XDG folders) every app started here gets: fresh, so no one's
            own settings or a running app of the same name get in the way.
        window_manager: start openbox too, where it is installed.
        notifications: start dunst, where it is installed, as the notification service.
    """

    home: Path
    window_manager: bool = False
    notifications: bool = False
    desktop: VirtualDesktop = field(default_factory=VirtualDesktop)
    system_bus: str = ""
    extras: list[str] = field(default_factory=list)
    _own: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def __enter__(self) -> BenchDesktop:
        self.desktop.start()
        try:
            if self.window_manager and shutil.which("openbox"):
                self.desktop.start_window_manager()
                self.extras.append("openbox")
            self.desktop.start_tray()
            bus = subprocess.Popen(
                ["dbus-daemon", "--session", "--nofork", "--print-address"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            self._own.append(bus)
            assert bus.stdout is not None
            self.system_bus = bus.stdout.readline().decode().strip()
            bus.stdout.close()
            if self.notifications and shutil.which("dunst"):
                self._own.append(
                    subprocess.Popen(
                        ["dunst"],
                        env=self.env(),
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
                self.extras.append("dunst")
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for process in reversed(self._own):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
        self._own.clear()
        self.desktop.stop()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of an app on this desktop.

        Bytecode writing is allowed again (some shells forbid it), so Python apps start
        from their cached bytecode as an installed app does.
        """
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.home.mkdir(parents=True, exist_ok=True)
        env.update(self.desktop.environment())
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
        )
        if self.system_bus:
            env["DBUS_SYSTEM_BUS_ADDRESS"] = self.system_bus
        env.update(extra)
        return env

    def tray_pids(self) -> set[int]:
        """The process ids of the icons embedded in the tray host (through _NET_WM_PID)."""
        env = self.env()
        try:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, timeout=10
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return set()
        pids: set[int] = set()
        for window in _tray_icons(tree):
            prop = subprocess.run(
                ["xprop", "-id", window, "_NET_WM_PID"],
                env=env,
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout
            found = re.search(r"= (\d+)", prop)
            if found:
                pids.add(int(found.group(1)))
        return pids


def _tray_icons(tree: str) -> list[str]:
    """The windows two levels under trayer's panel (trayer's socket, then the icon itself)."""
    icons: list[str] = []
    panel_indent: int | None = None
    for line in tree.splitlines():
        match = re.match(r"^(\s*)(0x[0-9a-f]+) ", line)
        if not match:
            continue
        indent = len(match.group(1))
        if '("panel" "trayer")' in line:
            panel_indent = indent
            continue
        if panel_indent is None:
            continue
        if indent <= panel_indent:
            panel_indent = None
        elif indent > panel_indent + 3:  # below a socket: an icon (or one of its children)
            icons.append(match.group(2))
    return icons


def reconnect_command() -> list[str]:
    """The installed ``reconnect`` beside this Python, else ``python -m reconnect``."""
    script = Path(sys.executable).parent / "reconnect"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reconnect"]


def prepare_data(data_dir: Path, years: float, env: dict[str, str]) -> str:
    """Make the data folder of someone who has used Reconnect for a while.

    It gets a generated history, the welcome screens marked as seen, and a break that ended
    just now, which keeps the next one an interval away: no prompt comes up while the
    benchmarks wait.

    Returns:
        A line saying what is in it.
    """
    from bench.generate_history import generate

    summary = generate(data_dir, years=years, seed=1)
    try:
        from reconnect.ui.first_run import mark_first_run_done
    except ImportError:  # a version without the welcome screens
        pass
    else:
        mark_first_run_done(data_dir)
    subprocess.run(
        [*reconnect_command(), "--data-dir", str(data_dir), "log", JUST_DONE, "--spark", "1"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    span = f"{years:g} year" + ("" if years == 1 else "s")
    return f"{summary.sessions} sessions over {span}, and a break just done"
