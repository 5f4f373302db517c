"""A bundled chime through playsound3 and a real player, into an ALSA device that writes a file.

The player is playsound3's ``alsa`` backend (``aplay``; Debian's alsa-utils and mpg123). Its
GStreamer backend is not used here: into the unpaced null device behind the file, GStreamer's
clock runs free and it drops samples at random, which says nothing about real speakers.
"""

from __future__ import annotations

import struct
import threading
import wave
from pathlib import Path

import pytest

from reconnect.paths import sounds_dir
from reconnect.ui.sound import Playsound3Player, load_playsound3

RATE = 22050


def file_device(tmp_path: Path, out: Path) -> Path:
    """An ALSA configuration whose only, default, device writes raw samples to ``out``."""
    config = tmp_path / "asoundrc"
    config.write_text(
        "pcm.!default {\n"
        "    type file\n"
        "    slave.pcm { type null }\n"
        f'    file "{out}"\n'
        '    format "raw"\n'
        "}\n"
    )
    return config


def wait_until_quiet(player: Playsound3Player, timeout: float = 10.0) -> bool:
    """Wait for the player process to end, looking every 50 ms."""
    tick = threading.Event()
    for _ in range(round(timeout / 0.05)):
        if not player.is_busy():
            return True
        tick.wait(0.05)
    return not player.is_busy()


def samples(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 2}h", data[: len(data) // 2 * 2])


def audible_span(values: tuple[int, ...]) -> int:
    """Samples from the first to the last one above -60 dBFS."""
    loud = [index for index, value in enumerate(values) if abs(value) > 32]
    return loud[-1] - loud[0] + 1 if loud else 0


def test_the_start_chime_reaches_the_sound_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.raw"
    # The player runs as a child process and inherits this environment. ALSA_CONFIG_PATH
    # replaces the whole configuration, so no sound server or real card is involved.
    monkeypatch.setenv("ALSA_CONFIG_PATH", str(file_device(tmp_path, out)))
    backend = load_playsound3("alsa")
    if backend.name is None:
        pytest.skip("no ALSA player on this machine: install the alsa-utils and mpg123 packages")
    with wave.open(str(sounds_dir() / "start.wav"), "rb") as chime:
        assert (chime.getframerate(), chime.getnchannels()) == (RATE, 1)
        expected = samples(chime.readframes(chime.getnframes()))

    player = Playsound3Player(
        sounds_dir(), lambda: True, lambda: False, load_backend=lambda: backend
    )
    player.play_chime("start")
    assert wait_until_quiet(player), "the player was still playing after 10 s"

    assert out.exists(), "nothing was written to the ALSA device"
    arrived = samples(out.read_bytes())
    # The device takes what aplay gives it: the chime's own 16-bit mono samples, padded with
    # silence at most to the end of the device's last period.
    assert arrived[: len(expected)] == expected
    assert len(arrived) <= len(expected) + RATE // 5
    assert not any(arrived[len(expected) :])
    assert audible_span(arrived) / RATE == pytest.approx(1.8, abs=0.05)
