"""The installed app opens no network socket: every process it starts is watched with strace.

``strace -f -e trace=network`` follows the app and every process it starts (the statistics
worker, the sound player, gdbus for notifications) and writes down each socket call. Unix
sockets (the control socket, the X display, D-Bus) and netlink (which glibc and Qt use to list
the machine's own interfaces) are fine; a socket, connect, bind or sendto in AF_INET or
AF_INET6 fails the test, whether it worked or not.

What runs under strace, in three parts, since the real app cannot be given a fake clock from
outside and a real day is too long to wait for:

1. The command line through a day's use: practices, log, history, stats, settings, export,
   import, backups, doctor.
2. The real tray app on the test display for a short while, driven through its control
   socket: status, break-now, snooze, skip, pause, resume, dashboard, a setting changed
   (which the running app reads again), quit.
3. A whole working day, 08:45 to 18:00, of the installed app's own composition root on a fake
   clock (tests/e2e/simulated_day.py): every break comes and is taken, snoozed, skipped,
   swapped or left; the dashboard, settings and help open; the daily backup is taken.

Python-level sockets in the test process itself are refused by tests/support/network_guard.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconnect.ui.care.first_run import FIRST_RUN_MARKER
from tests.support.desktop import VirtualDesktop

SIMULATED_DAY = Path(__file__).with_name("simulated_day.py")
# socket(AF_INET, ...), socketpair(AF_INET6, ...), and any address of those families
# (connect, bind, sendto, sendmsg, accept): strace names the family in both places.
INTERNET = re.compile(r"\b(?:socket|socketpair)\((AF_INET6?)\b|\bsa_family=(AF_INET6?)\b")
FAMILY = re.compile(r"\b(?:socket|socketpair)\((AF_\w+)|\bsa_family=(AF_\w+)")


def network_uses(trace: str) -> list[str]:
    """The lines of an strace log that touch the Internet (IPv4 or IPv6)."""
    return [line for line in trace.splitlines() if INTERNET.search(line)]


def families(trace: str) -> set[str]:
    return {a or b for a, b in FAMILY.findall(trace)}


# --- reading strace's output (fast, no strace needed) -----------------------------------------

LOCAL_ONLY = """\
4242  socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3
4242  connect(3, {sa_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X93"}, 21) = 0
4243  socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 5
4243  sendto(5, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_UNSPEC}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20
4242  socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [7, 8]) = 0
4242  recvmsg(6, {msg_name=NULL, msg_iov=[{iov_base="l\\4\\1\\1", iov_len=2048}]}, MSG_CMSG_CLOEXEC) = 32
4244  +++ exited with 0 +++
"""  # noqa: E501 - strace's lines as they are


def test_local_sockets_are_not_network_use() -> None:
    assert network_uses(LOCAL_ONLY) == []
    assert families(LOCAL_ONLY) == {"AF_UNIX", "AF_NETLINK"}


@pytest.mark.parametrize(
    "line",
    [
        "4242  socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3",
        "4242  socket(AF_INET6, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = -1 EAFNOSUPPORT",
        '4242  connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("1.2.3.4")}, 16) = -1 EINPROGRESS',  # noqa: E501
        '4242  sendto(5, "\\x12\\x34", 2, MSG_NOSIGNAL, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 2',  # noqa: E501
        '4242  bind(4, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',  # noqa: E501
    ],
)
def test_internet_sockets_are_network_use(line: str) -> None:
    assert network_uses(LOCAL_ONLY + line + "\n") == [line]


# --- the installed app under strace -----------------------------------------------------------


class Traced:
    """Runs the installed ``reconnect`` (and its Python) under strace, a trace file per run."""

    def __init__(self, command: Path, data: Path, traces: Path, desktop: VirtualDesktop) -> None:
        strace = shutil.which("strace")
        if strace is None:
            pytest.fail("strace is missing: install it (scripts/setup does)")
        self.strace = strace
        self.command = command
        self.data = data
        self.traces = traces
        traces.mkdir()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "RECONNECT_"))},
            **desktop.environment(),
            "RECONNECT_DATA_DIR": str(data),
        }
        self.runs = 0

    def argv(self, name: str, *program: str | Path) -> list[str]:
        self.runs += 1
        trace = self.traces / f"{self.runs:02d}-{name}.trace"
        return [self.strace, "-f", "-e", "trace=network", "-o", str(trace), *map(str, program)]

    def cli(self, *args: str, codes: tuple[int, ...] = (0, 2)) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            self.argv(args[0], self.command, *args),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode in codes, f"reconnect {' '.join(args)}:\n{result.stderr}"
        return result

    def start(self, name: str, *program: str | Path) -> subprocess.Popen[str]:
        """Start a process under strace; what it prints goes to ``output(name)``."""
        with self.output(name).open("w") as output:
            # A session of its own, so strace and all it follows can be ended together.
            return subprocess.Popen(
                self.argv(name, *program),
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                text=True,
                start_new_session=True,
            )

    def output(self, name: str) -> Path:
        return self.traces / f"{name}.out"

    def network_uses(self) -> dict[str, list[str]]:
        found = {}
        for trace in sorted(self.traces.glob("*.trace")):
            uses = network_uses(trace.read_text(encoding="utf-8", errors="replace"))
            if uses:
                found[trace.name] = uses[:5]
        return found


def end(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait_for(check: object, what: str, process: subprocess.Popen[str], output: Path) -> None:
    pause = threading.Event()  # never set: a short wait between polls of another process
    deadline = time.monotonic() + 90  # strace slows the start a good deal
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        if process.poll() is not None:
            raise AssertionError(f"the app ended ({process.returncode}): {output.read_text()}")
        pause.wait(0.3)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def traced(installed: Path, tmp_path: Path, with_tray: VirtualDesktop) -> Iterator[Traced]:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / FIRST_RUN_MARKER).touch()
    yield Traced(installed, data, tmp_path / "traces", with_tray)


@pytest.mark.slow
def test_a_day_of_the_installed_app_opens_no_network_socket(traced: Traced, tmp_path: Path) -> None:
    # 1. The command line through a day's use.
    traced.cli("practices")
    for practice, spark, note in (
        ("hand-on-heart", "2", "warm under my hand 😀"),
        ("cool-water-hands", "0", "nothing today, and that is fine"),
        ("box-breath", "1", "שקט"),
    ):
        logged = traced.cli("log", practice, "--spark", spark, "--note", note, "--feeling", "calm")
        assert logged.returncode == 0, logged.stderr
    traced.cli("history")
    traced.cli("stats")
    traced.cli("settings", "set", "rhythm.interval_minutes", "45")
    exported = tmp_path / "history.json"
    traced.cli("export", "-o", str(exported))
    assert traced.cli("import", str(exported)).returncode == 0
    traced.cli("backups")
    traced.cli("doctor", codes=(0, 1))  # 1: something to look at (here: not started at login)

    # 2. The real tray app, driven through its control socket.
    app = traced.start("tray", traced.command)
    try:
        answers = lambda: traced.cli("status", codes=(0, 3)).returncode == 0  # noqa: E731
        wait_for(answers, "the app to answer", app, traced.output("tray"))
        status = json.loads(traced.cli("status", "--json").stdout)
        assert status["state"]  # which one depends on the real time of day
        for command in (
            ["break-now"],
            ["snooze", "10"],
            ["skip"],
            ["pause", "30m"],
            ["status"],
            ["resume"],
            ["dashboard"],
            ["settings", "set", "rhythm.interval_minutes", "50"],  # the app reads them again
        ):
            assert traced.cli(*command).returncode == 0, command
        assert traced.cli("quit").returncode == 0
        assert app.wait(60) == 0
    finally:
        end(app)

    # 3. A whole working day on a fake clock, through the installed app's own parts.
    python = traced.command.parent / "python"
    day = traced.start("simulated-day", python, SIMULATED_DAY, tmp_path / "day")
    try:
        day.wait(600)
    finally:
        end(day)
    output = traced.output("simulated-day").read_text()
    assert day.returncode == 0, output
    lived = json.loads(output.strip().splitlines()[-1])
    assert lived["prompts"] >= 6 and lived["taken"] >= 1 and lived["checkins"] >= 1, lived

    # strace really watched: the tray app's trace shows its own Unix sockets.
    tray_trace = next(traced.traces.glob("*-tray.trace")).read_text(errors="replace")
    assert "AF_UNIX" in families(tray_trace)
    assert len(list(traced.traces.glob("*.trace"))) == traced.runs
    assert traced.network_uses() == {}
