"""A private PulseAudio daemon with a null input and output, and real parecord clients on it:
what the microphone's busy check is tested against (PipeWire's pulse server answers the same)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulsectl
import pytest

MICROPHONE = "desk_microphone"
SPEAKERS = "speakers"


@pytest.fixture(scope="module")
def sound_server() -> Iterator[str]:
    """A private PulseAudio daemon with a null output and a null input; its address."""
    pulseaudio, parecord = shutil.which("pulseaudio"), shutil.which("parecord")
    if pulseaudio is None or parecord is None:
        pytest.skip("PulseAudio isn't installed (Debian: pulseaudio pulseaudio-utils)")
    # Short, so the socket's path fits a Unix address.
    folder = Path(tempfile.mkdtemp(prefix="reconnect-pa-"))
    socket = folder / "native"
    environ = {"PATH": os.environ.get("PATH", ""), "HOME": str(folder)}
    environ["XDG_RUNTIME_DIR"] = environ["PULSE_RUNTIME_PATH"] = str(folder)
    # --daemonize=yes returns once the daemon is ready: no waiting for it here.
    subprocess.run(
        [
            pulseaudio, "--daemonize=yes", "-n", "--exit-idle-time=-1", "--use-pid-file=yes",
            "--disable-shm=yes", f"--log-target=file:{folder / 'log'}",
            f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
            f"--load=module-null-sink sink_name={SPEAKERS}",
            f"--load=module-null-source source_name={MICROPHONE}",
        ],
        env=environ, check=True, timeout=60,
    )  # fmt: skip
    daemon = int((folder / "pid").read_text())
    try:
        yield f"unix:{socket}"
    finally:
        os.kill(daemon, signal.SIGTERM)
        shutil.rmtree(folder, ignore_errors=True)


class Recordings:
    """parecord processes on the test's sound server, waited for through its events."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._pulse = pulsectl.Pulse("reconnect-test-events", server=address)
        self._pulse.event_mask_set("source_output")
        self._pulse.event_callback_set(self._on_event)
        self._processes: list[subprocess.Popen[bytes]] = []

    def _on_event(self, event: Any) -> None:
        raise pulsectl.PulseLoopStop

    def _count(self) -> int:
        # Not while listening: a change then stops the listing instead of the listen.
        self._pulse.event_callback_set(None)
        count = len(self._pulse.source_output_list())
        self._pulse.event_callback_set(self._on_event)
        return count

    def _wait_for(self, count: int) -> None:
        while self._count() != count:
            self._pulse.event_listen(timeout=20)
        assert self._count() == count

    def start(self, device: str) -> subprocess.Popen[bytes]:
        before = self._count()
        process = subprocess.Popen(
            ["parecord", f"--device={device}", "--raw", "/dev/null"],
            env={**os.environ, "PULSE_SERVER": self.address},
        )
        self._processes.append(process)
        self._wait_for(before + 1)
        return process

    def stop(self, process: subprocess.Popen[bytes]) -> None:
        before = self._count()
        process.terminate()
        process.wait(timeout=20)
        self._wait_for(before - 1)

    def close(self) -> None:
        for process in self._processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=20)
        self._pulse.close()


@pytest.fixture
def recordings(sound_server: str) -> Iterator[Recordings]:
    recordings = Recordings(sound_server)
    yield recordings
    recordings.close()
