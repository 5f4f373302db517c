"""A bundled chime through playsound3 and a real player, into an ALSA device that writes a file.

The player is playsound3's ``alsa`` backend (``aplay``; Debian's alsa-utils and mpg123). Its
GStreamer backend is not used here: into the unpaced null device behind the file, GStreamer's
clock runs free and it drops samples at random, which says nothing about real speakers.
"""

from __future__ import annotations

import logging
import struct
import subprocess
import sys
import threading
import wave
from pathlib import Path

import pytest

from reconnect.desktop.sound import Playsound3Player, load_playsound3
from reconnect.desktop.sound_processes import KILL_AFTER_S, SoundProcesses
from reconnect.paths import sounds_dir
from tests.support import sound_players
from tests.support.sound_players import FAILING, STUBBORN, FakePlayers, gone, running, wait_for

fake_players = sound_players.fake_players

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


# --- no player outlives its practice ---------------------------------------------------------
# Real child processes through playsound3's own alsa backend, with stand-ins for its programs
# (tests/support/sound_players.py): one that neither plays nor stops, one that fails at once.


def alsa_player(sounds: Path, kill_after: float = KILL_AFTER_S) -> Playsound3Player:
    backend = load_playsound3("alsa")
    if backend.name is None:
        pytest.skip("playsound3 found no aplay and mpg123 when it was first imported")
    return Playsound3Player(
        sounds,
        lambda: True,
        lambda: True,
        load_backend=lambda: backend,
        processes=SoundProcesses(kill_after=kill_after),
    )


def test_music_that_never_ends_is_gone_once_the_practice_stops(
    fake_players: FakePlayers, tmp_path: Path
) -> None:
    fake_players.install("mpg123", STUBBORN)
    track = tmp_path / "goosebumps.mp3"
    track.write_bytes(b"ID3")
    player = alsa_player(sounds_dir())
    assert player.play_music(track).ok
    (pid,) = fake_players.wait_for_start()
    assert running(pid)
    player.end_practice(completed=False)  # returns at once; the SIGTERM is ignored
    assert wait_for(lambda: gone(pid), timeout=5), "the player still runs after the stop"
    assert not player.is_busy()


def test_a_chime_that_never_ends_is_gone_once_the_practice_stops(
    fake_players: FakePlayers,
) -> None:
    fake_players.install("aplay", STUBBORN)
    player = alsa_player(sounds_dir())
    player.play_chime("start")
    (pid,) = fake_players.wait_for_start()
    player.end_practice(completed=False)
    assert wait_for(lambda: gone(pid), timeout=5), "the chime's player still runs"


def test_quitting_ends_every_player_before_it_returns(
    fake_players: FakePlayers, tmp_path: Path
) -> None:
    fake_players.install("mpg123", STUBBORN)
    fake_players.install("aplay", STUBBORN)
    track = tmp_path / "song.mp3"
    track.write_bytes(b"ID3")
    player = alsa_player(sounds_dir())
    player.play_chime("start")
    fake_players.wait_for_start()
    player.play_music(track)
    pids = fake_players.wait_for_start(2)
    player.close()
    assert [gone(pid) for pid in pids] == [True, True]


def test_players_are_ended_when_python_exits_without_closing(
    fake_players: FakePlayers, tmp_path: Path
) -> None:
    fake_players.install("mpg123", STUBBORN)
    track = tmp_path / "song.mp3"
    track.write_bytes(b"ID3")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reconnect.desktop.sound import Playsound3Player, load_playsound3\n"
        "backend = load_playsound3('alsa')\n"
        "assert backend.name == 'alsa', backend\n"
        "player = Playsound3Player(Path('.'), bool, bool, load_backend=lambda: backend)\n"
        "assert player.play_music(Path(sys.argv[1])).ok\n"
        "started = Path(sys.argv[2])\n"
        "while not started.exists() or not started.read_text():\n"  # the player is under way
        "    pass\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(track), str(fake_players.pid_file)], timeout=60, check=True
    )
    (pid,) = fake_players.pids()
    # Python killed it on the way out; the orphan it would otherwise be is reaped by init.
    assert wait_for(lambda: not running(pid), timeout=5), "the player outlived Python"


def test_a_player_that_fails_at_once_is_noticed_once_and_leaves_nothing(
    fake_players: FakePlayers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="reconnect.desktop.sound")
    fake_players.install("aplay", FAILING)  # as aplay does where there is no sound card
    player = alsa_player(sounds_dir())
    player.play_chime("start")
    (pid,) = fake_players.wait_for_start()
    notices: list[str | None] = []
    assert wait_for(lambda: notices.append(player.take_notice()) or notices[-1] is not None)
    assert gone(pid)
    player.play_chime("step")
    player.play_chime("breath-in")
    assert wait_for(lambda: not player.is_busy())
    assert fake_players.pids() == [pid]  # the practice went on silently
    assert player.take_notice() is None
    assert "chimes are off: the player failed (code 1)" in caplog.text
