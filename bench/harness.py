"""What the start and idle benchmarks share: a virtual desktop with a tray, a prepared Reconnect.

The desktop is the tests' own (``tests/support/desktop.py``: Xvfb, a session bus, trayer),
with a stand-in system bus beside it (Safe Eyes will not start without one, and all the apps
get the same) and, where it is installed, a notification daemon. Reconnect gets a data folder
with a history (``prepare_reconnect``); apps are started with their output in a log, waited
for until they write their ready file or their icon is in the tray, and ended with their own
quit command where they have one (``launch``, ``wait_ready``, ``wait_for_icon``, ``stop_app``);
peers are installed from the system's packages (``install_missing``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from tests.support.desktop import DesktopUnavailable, VirtualDesktop

from bench.tray_look import TrayLook
from reconnect.desktop.xlib import X11Unavailable

ROOT = Path(__file__).resolve().parents[1]
# A practice of the bundled library, logged as "just done" so no break comes due meanwhile.
JUST_DONE = "hand-on-heart"
READY_TIMEOUT_S = 60.0

__all__ = [
    "READY_TIMEOUT_S",
    "ROOT",
    "BenchDesktop",
    "DesktopUnavailable",
    "IconWatch",
    "NotReady",
    "PreparedReconnect",
    "install_missing",
    "last_lines",
    "launch",
    "package_version",
    "prepare_data",
    "prepare_reconnect",
    "process_tree",
    "qt_sharers",
    "read_quietly",
    "reconnect_command",
    "stat_fields",
    "stop_app",
    "wait_for_icon",
    "wait_ready",
    "with_bytecode",
]


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
    _look: TrayLook | Literal[False] | None = None  # False: it could not be had

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
        if self._look:
            self._look.close()
        self._look = None
        self.desktop.stop()

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of an app on this desktop (``with_bytecode``)."""
        env = with_bytecode(os.environ)
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
        """The process ids of the icons embedded in the tray host (through _NET_WM_PID): through
        one X connection of our own where it can be opened, else with xwininfo and xprop."""
        if self._look is None:
            try:
                self._look = TrayLook(self.env())
            except X11Unavailable:
                self._look = False
        if self._look:
            return self._look.pids()
        env = self.env()
        pids = (self.window_pid(window, env) for window in self.tray_windows(env))
        return {pid for pid in pids if pid is not None}

    def tray_windows(self, env: Mapping[str, str] | None = None) -> list[str]:
        """The windows embedded in the tray host now: each icon, and its children."""
        try:
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"],
                env=env if env is not None else self.env(),
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout
        except (OSError, subprocess.TimeoutExpired):
            return []
        return _tray_icons(tree)

    def window_pid(self, window: str, env: Mapping[str, str] | None = None) -> int | None:
        """The process a window says it belongs to (_NET_WM_PID), or None if it says none."""
        prop = subprocess.run(
            ["xprop", "-id", window, "_NET_WM_PID"],
            env=env if env is not None else self.env(),
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout
        found = re.search(r"= (\d+)", prop)
        return int(found.group(1)) if found else None


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


def with_bytecode(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` with bytecode writing allowed again (some shells forbid it): Python apps
    then load from their cached bytecode, as an installed app does, rather than compiling
    their modules on every start."""
    return {k: v for k, v in environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def reconnect_command() -> list[str]:
    """The installed ``reconnect`` beside this Python, else ``python -m reconnect``."""
    script = Path(sys.executable).parent / "reconnect"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "reconnect"]


_MARK_FIRST_RUN = """
import sys
from pathlib import Path

try:
    from reconnect.ui.care.first_run import mark_first_run_done
except ImportError:  # a version without the welcome screens
    sys.exit(0)
mark_first_run_done(Path(sys.argv[1]))
"""


def _qt_library_prefix() -> str:
    """Where the Qt libraries that PySide6 loads lie (found without loading them)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return "libQt6Core"
    return str(Path(next(iter(spec.submodule_search_locations))).resolve() / "Qt" / "lib")


def qt_sharers(measured: Iterable[int]) -> dict[int, str]:
    """Processes outside ``measured`` that map the same Qt libraries: {pid: command name}.

    PSS splits each shared page among all the processes mapping it, so every one of these
    (this process too, had it loaded Qt; a test run from the same virtual environment) lowers
    the PSS of the Qt apps measured meanwhile; USS does not change.
    """
    prefix = _qt_library_prefix()
    skip = set(measured)
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if (
            entry.name.isdigit()
            and int(entry.name) not in skip
            and prefix in read_quietly(entry / "maps")
        ):
            found[int(entry.name)] = read_quietly(entry / "comm").strip() or "?"
    return found


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
    # In a child process: importing the welcome screens loads Qt, and Qt's libraries mapped by
    # this process would share their pages with the apps measured, lowering their PSS.
    subprocess.run(
        [sys.executable, "-c", _MARK_FIRST_RUN, str(data_dir)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )
    subprocess.run(
        [*reconnect_command(), "--data-dir", str(data_dir), "log", JUST_DONE, "--spark", "1"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    span = f"{years:g} year" + ("" if years == 1 else "s")
    return f"{summary.sessions} sessions over {span}, and a break just done"


@dataclass(frozen=True)
class PreparedReconnect:
    """Reconnect's data folder, made ready on a bench desktop, and how to start and ask it.

    Attributes:
        data_dir: the data folder (``prepare_data``'s).
        ready_file: where the tray app writes its time stamp once it is ready.
        contents: a line saying what is in the data folder.
        env: the environment of the tray app: the desktop's, with ``RECONNECT_DATA_DIR`` and
            ``RECONNECT_READY_FILE``.
    """

    data_dir: Path
    ready_file: Path
    contents: str
    env: dict[str, str]

    @property
    def tray_command(self) -> list[str]:
        """Reconnect in the tray, as it starts at login (the data folder from ``env``)."""
        return reconnect_command()

    def command(self, *words: str) -> list[str]:
        """``reconnect --data-dir DIR WORDS...``: a command for this data folder."""
        return [*reconnect_command(), "--data-dir", str(self.data_dir), *words]

    @property
    def quit_command(self) -> list[str]:
        return self.command("quit")

    def ask(self, *words: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """Run a command for this data folder (``status``, ``skip``...) and return what it did."""
        return subprocess.run(
            self.command(*words),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def prepare_reconnect(desk: BenchDesktop, work: Path, years: float) -> PreparedReconnect:
    """A data folder ``work/data`` with ``years`` of history (see ``prepare_data``)."""
    data_dir = work / "data"
    ready_file = work / "ready"
    contents = prepare_data(data_dir, years, desk.env())
    env = desk.env(RECONNECT_DATA_DIR=str(data_dir), RECONNECT_READY_FILE=str(ready_file))
    return PreparedReconnect(data_dir, ready_file, contents, env)


# --- starting, waiting for and ending an app -------------------------------------------------


class NotReady(RuntimeError):
    """An app ended, or took too long, before it wrote its ready file; says which, with its log."""


def launch(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start an app with its output appended to ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=out)


def wait_ready(
    name: str,
    process: subprocess.Popen[bytes],
    ready_file: Path,
    log: Path,
    timeout: float = READY_TIMEOUT_S,
) -> float:
    """Wait until the app has written its time stamp (``time.monotonic()`` and a newline).

    Returns:
        The time stamp it wrote.

    Raises:
        NotReady: it ended first, or did not write it within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while True:
        # The app writes its own time stamp, so how often this looks doesn't matter.
        text = ready_file.read_text(encoding="utf-8") if ready_file.exists() else ""
        if text.endswith("\n"):
            return float(text)
        if process.poll() is not None:
            raise NotReady(
                f"{name} ended (status {process.returncode}) before it was ready:\n"
                + last_lines(log)
            )
        if time.monotonic() > deadline:
            raise NotReady(f"{name} was not ready in {timeout:g} s:\n" + last_lines(log))
        time.sleep(0.01)


# How often ``wait_for_icon`` looks at the tray host: finely, as an app's icon time is told by
# when it is first seen there.
ICON_POLL_S = 0.005


@dataclass
class IconWatch:
    """When an app's icon was first seen in the tray host, and what the looking cost.

    Attributes:
        seen_at: ``time.monotonic()`` when the look that first showed it had its answer.
        looks: how many looks it took; looking_s: the time they took, together.
    """

    seen_at: float
    looks: int
    looking_s: float


def wait_for_icon(
    desk: BenchDesktop,
    name: str,
    process: subprocess.Popen[bytes],
    log: Path,
    timeout: float = READY_TIMEOUT_S,
    every: float = ICON_POLL_S,
) -> IconWatch:
    """Look at the tray host every ``every`` seconds until an icon of the app's process tree is
    embedded in it: for apps that write no ready file, and for the same measure of those that do.

    Raises:
        NotReady: it ended first, or no icon of it came within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    looks, looking_s = 0, 0.0
    while True:
        began = time.monotonic()
        pids = desk.tray_pids()
        seen_at = time.monotonic()
        looks += 1
        looking_s += seen_at - began
        if process.pid in pids or (pids and pids & set(process_tree(process.pid))):
            return IconWatch(seen_at, looks, looking_s)
        if process.poll() is not None:
            raise NotReady(
                f"{name} ended (status {process.returncode}) before its icon was in the tray:\n"
                + last_lines(log)
            )
        if time.monotonic() > deadline:
            raise NotReady(
                f"{name}'s icon was not in the tray in {timeout:g} s:\n" + last_lines(log)
            )
        time.sleep(max(0.0, began + every - time.monotonic()))


def stop_app(
    process: subprocess.Popen[bytes], env: dict[str, str], quit_command: list[str] | None = None
) -> None:
    """End an app and what it started: its quit command first, where it has one, then SIGTERM."""
    tree = process_tree(process.pid) if process.poll() is None else []
    if quit_command is not None and process.poll() is None:
        subprocess.run(quit_command, env=env, capture_output=True, timeout=30, check=False)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(10)
    for pid in tree:  # the app first, then what it started
        if pid == process.pid and process.poll() is not None:
            continue  # ended and reaped: its number may be someone else's by now
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def last_lines(log: Path, lines: int = 15) -> str:
    """The last lines of a log."""
    return "\n".join(read_quietly(log).splitlines()[-lines:])


# --- peers installed from the system's packages ----------------------------------------------


def install_missing(packages: Sequence[str]) -> str:
    """Install the commands ``packages`` (a Debian package each, named as its command) with
    apt-get where missing; returns what happened ("" when nothing was missing)."""
    missing = [package for package in packages if shutil.which(package) is None]
    if not missing:
        return ""
    if shutil.which("apt-get") is None:
        return f"cannot install {' '.join(missing)}: no apt-get here"
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            return f"cannot install {' '.join(missing)}: not root and no sudo"
        prefix = ["sudo", "-n"]
    print(f"Installing the peers: apt-get install -y {' '.join(missing)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = [*prefix, "apt-get", "install", "-y", "-qq", *missing]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:  # perhaps the package lists are old or missing
        subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, capture_output=True)
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        return f"cannot install {' '.join(missing)}: apt-get failed: {last}"
    return f"installed {' '.join(missing)}"


def package_version(package: str) -> str:
    """The installed version of a Debian package, or "?"."""
    result = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 else "?"


# --- reading /proc ---------------------------------------------------------------------------


def read_quietly(path: Path) -> str:
    """A file's text, or "" when it is gone (a process or thread that ended meanwhile)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def stat_fields(pid: int) -> list[str]:
    """``/proc/PID/stat`` from the state on (field 3), or [] when the process is gone."""
    text = read_quietly(Path(f"/proc/{pid}/stat"))
    # The command name (field 2) may hold spaces and parentheses: split after the last ")".
    return text[text.rfind(")") + 2 :].split() if text else []


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants that are alive now."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, queue = [], [pid]
    while queue:
        current = queue.pop()
        if Path(f"/proc/{current}").exists():
            tree.append(current)
            queue.extend(children.get(current, []))
    return tree
