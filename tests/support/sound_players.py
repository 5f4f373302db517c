"""Stand-ins for the programs playsound3 runs (aplay, mpg123), put first on PATH.

Each answers playsound3's ``--version`` probe, writes its process id to a file, and then
either never ends and ignores the polite SIGTERM, spinning as mpg123 can on a machine without
a sound card (``STUBBORN``), or fails at once as aplay does there (``FAILING``).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

_PROBE = '#!/bin/sh\ncase "$1" in --version) exit 0;; esac\n'
_STARTED = 'echo $$ >> "$RECONNECT_TEST_PLAYER_PIDS"\n'
STUBBORN = _PROBE + "trap '' TERM\n" + _STARTED + "while :; do :; done\n"
FAILING = _PROBE + _STARTED + "exit 1\n"


@dataclass
class FakePlayers:
    """The fake players' folder, and the processes they have been so far."""

    bin_dir: Path
    pid_file: Path

    def install(self, name: str, script: str) -> None:
        program = self.bin_dir / name
        program.write_text(script)
        program.chmod(0o755)

    def pids(self) -> list[int]:
        if not self.pid_file.exists():
            return []
        return [int(line) for line in self.pid_file.read_text().split()]

    def wait_for_start(self, count: int = 1, timeout: float = 10.0) -> list[int]:
        """The first ``count`` players' ids, once that many have started."""
        assert wait_for(lambda: len(self.pids()) >= count, timeout), "no player started"
        return self.pids()[:count]


def gone(pid: int) -> bool:
    """The process has ended and been reaped (a zombie still has its /proc entry)."""
    return not Path(f"/proc/{pid}").exists()


def running(pid: int) -> bool:
    """The process runs and is not a zombie."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Whether ``condition`` comes true within ``timeout`` seconds, asking every 20 ms."""
    tick = threading.Event()
    give_up = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= give_up:
            return False
        tick.wait(0.02)
    return True


@pytest.fixture
def fake_players(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakePlayers]:
    """A folder first on PATH for fake players; whatever they left running is killed after."""
    bin_dir = tmp_path / "players"
    bin_dir.mkdir()
    players = FakePlayers(bin_dir, tmp_path / "player-pids")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("RECONNECT_TEST_PLAYER_PIDS", str(players.pid_file))
    yield players
    for pid in players.pids():
        if running(pid):  # the test failed: don't leave it spinning
            os.kill(pid, signal.SIGKILL)
