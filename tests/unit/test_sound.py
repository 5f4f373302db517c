"""Chimes, breath tones and music through a fake player: what is played, and what is said."""

from __future__ import annotations

import logging
import random
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from reconnect.desktop.sound import (
    NO_PLAYER_HINT,
    SILENT,
    Backend,
    PlayError,
    Playing,
    Playsound3Player,
    load_playsound3,
    music_files,
    sound_support,
)
from reconnect.services.desktop_ports import MusicResult, SoundPlayer

SOUNDS = Path("/bundled/sounds")


class FakeSound:
    """A player process that ends when stopped, or when a test sets ``alive`` or ``code``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.alive = True
        self.code = 0
        self.stops = 0

    def stop(self) -> None:
        self.stops += 1
        self.alive, self.code = False, -15

    def kill(self) -> None:
        self.alive, self.code = False, -9

    def is_alive(self) -> bool:
        return self.alive

    def exit_code(self) -> int | None:
        return None if self.alive else self.code


class FakeBackend:
    """Records what it was asked to play; refuses the files in ``unplayable``."""

    def __init__(self, name: str | None = "fake", unplayable: tuple[str, ...] = ()) -> None:
        self.name = name
        self.unplayable = unplayable
        self.sounds: list[FakeSound] = []
        self.loads = 0

    def load(self) -> Backend:
        self.loads += 1
        return Backend(self.name, self.play) if self.name else SILENT

    def play(self, path: Path) -> Playing:
        if path.name in self.unplayable:
            raise PlayError(f"can't play {path.name}")
        sound = FakeSound(path)
        self.sounds.append(sound)
        return sound

    @property
    def played(self) -> list[str]:
        return [sound.path.name for sound in self.sounds]


def at_once(job: Callable[[], None]) -> None:
    job()


def make_player(
    backend: FakeBackend,
    *,
    chimes: bool = True,
    tones: bool = True,
    rng: random.Random | None = None,
) -> Playsound3Player:
    return Playsound3Player(
        SOUNDS,
        lambda: chimes,
        lambda: tones,
        load_backend=backend.load,
        background=at_once,
        rng=rng,
    )


def test_the_real_player_is_a_sound_player() -> None:
    player: SoundPlayer = make_player(FakeBackend())
    assert not player.music_playing()


def test_chimes_play_the_bundled_files() -> None:
    backend = FakeBackend()
    player = make_player(backend)
    for name in ("start", "step", "end", "breath-in", "breath-out"):
        player.play_chime(name)
    assert [sound.path for sound in backend.sounds] == [
        SOUNDS / "start.wav",
        SOUNDS / "step.wav",
        SOUNDS / "end.wav",
        SOUNDS / "breath-in.wav",
        SOUNDS / "breath-out.wav",
    ]


def test_chimes_off_plays_no_chime_but_keeps_breath_tones() -> None:
    backend = FakeBackend()
    player = make_player(backend, chimes=False)
    for name in ("start", "step", "end", "breath-in"):
        player.play_chime(name)
    assert backend.played == ["breath-in.wav"]


def test_tones_off_plays_no_breath_tone_but_keeps_chimes() -> None:
    backend = FakeBackend()
    player = make_player(backend, tones=False)
    for name in ("breath-in", "breath-out", "step"):
        player.play_chime(name)
    assert backend.played == ["step.wav"]


def test_the_setting_is_asked_at_each_chime() -> None:
    backend = FakeBackend()
    enabled = [True]
    player = Playsound3Player(
        SOUNDS, lambda: enabled[0], lambda: True, load_backend=backend.load, background=at_once
    )
    player.play_chime("start")
    enabled[0] = False
    player.play_chime("end")
    assert backend.played == ["start.wav"]


def test_an_unknown_chime_plays_nothing_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    backend = FakeBackend()
    player = make_player(backend)
    player.play_chime("gong")
    assert backend.played == []
    assert "no such chime: 'gong'" in caplog.text


def test_a_chime_that_fails_is_logged_once_and_later_chimes_stay_silent(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="reconnect.desktop.sound")
    backend = FakeBackend(unplayable=("start.wav",))
    player = make_player(backend)
    player.play_chime("start")
    player.play_chime("step")
    assert backend.played == []
    failures = [r for r in caplog.records if "could not play" in r.getMessage()]
    assert len(failures) == 1
    assert failures[0].levelno == logging.INFO


def test_no_player_means_silence_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reconnect.desktop.sound")
    backend = FakeBackend(name=None)
    player = make_player(backend)
    player.play_chime("start")
    player.play_chime("end")
    result = player.play_music(Path(__file__))
    assert backend.played == []
    assert backend.loads == 1
    assert not result.ok
    assert "no sound player" in result.message
    assert "reconnect doctor" in result.message
    said = [r for r in caplog.records if NO_PLAYER_HINT in r.getMessage()]
    assert [r.levelno for r in said] == [logging.INFO]


def test_chimes_play_off_the_calling_thread() -> None:
    started = threading.Event()
    threads: list[str] = []

    def play(path: Path) -> Playing:
        threads.append(threading.current_thread().name)
        started.set()
        return FakeSound(path)

    player = Playsound3Player(
        SOUNDS, lambda: True, lambda: True, load_backend=lambda: Backend("fake", play)
    )
    player.play_chime("step")
    assert started.wait(timeout=5)
    assert threads == ["sound"]
    assert threading.current_thread().name != "sound"


# --- music -----------------------------------------------------------------------------------


def touch(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / name for name in names]
    for path in paths:
        path.write_bytes(b"not really audio")
    return paths


def test_a_track_plays_and_says_what_is_playing(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "Clair de lune.mp3")
    backend = FakeBackend()
    player = make_player(backend)
    result = player.play_music(track)
    assert result == MusicResult(True, "Playing Clair de lune", track)
    assert player.music_playing()
    player.stop_music()
    assert not player.music_playing()
    assert not backend.sounds[0].alive


def test_music_stops_by_itself_at_the_end(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "song.ogg")
    backend = FakeBackend()
    player = make_player(backend)
    player.play_music(track)
    backend.sounds[0].alive = False  # the player process ended
    assert not player.music_playing()


def test_new_music_stops_the_old(tmp_path: Path) -> None:
    first, second = touch(tmp_path, "a.flac", "b.flac")
    backend = FakeBackend()
    player = make_player(backend)
    player.play_music(first)
    player.play_music(second)
    assert [sound.alive for sound in backend.sounds] == [False, True]


def test_a_missing_file_gets_a_clear_message(tmp_path: Path) -> None:
    backend = FakeBackend()
    result = make_player(backend).play_music(tmp_path / "gone.mp3")
    assert result == MusicResult(
        False, "Can't find gone.mp3. Choose another, or carry on without music."
    )
    assert backend.played == []


def test_an_unplayable_file_gets_a_clear_message(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "broken.opus")
    player = make_player(FakeBackend(unplayable=("broken.opus",)))
    result = player.play_music(track)
    assert result == MusicResult(
        False, "This file can't be played: broken.opus. Choose another, or carry on without music."
    )
    assert not player.music_playing()


def test_a_folder_plays_one_of_its_audio_files(tmp_path: Path) -> None:
    tracks = touch(tmp_path / "chills", "b.OGG", "a.mp3", "c.wav")
    touch(tmp_path / "chills", "cover.jpg", "notes.txt")
    touch(tmp_path / "chills" / "more", "d.mp3")
    backend = FakeBackend()
    player = make_player(backend, rng=random.Random(3))
    picked = {player.play_music(tmp_path / "chills").track for _ in range(30)}
    assert picked == set(tracks)
    assert set(backend.played) == {"a.mp3", "b.OGG", "c.wav"}


def test_music_files_are_sorted_and_only_audio(tmp_path: Path) -> None:
    touch(tmp_path, "song.opus", "A.m4a", "tune.oga", "x.flac", "readme.md")
    assert [path.name for path in music_files(tmp_path)] == [
        "A.m4a",
        "song.opus",
        "tune.oga",
        "x.flac",
    ]
    (single,) = touch(tmp_path / "one", "anything.dat")
    assert music_files(single) == [single]
    assert music_files(tmp_path / "absent") == []


def test_a_folder_without_music_says_so(tmp_path: Path) -> None:
    touch(tmp_path / "photos", "sea.jpg")
    result = make_player(FakeBackend()).play_music(tmp_path / "photos")
    assert not result.ok
    assert result.message.startswith("No music in photos (mp3, ogg, oga, flac, wav, m4a, opus).")
    assert result.message.endswith("Choose another, or carry on without music.")


def test_music_plays_even_when_chimes_are_off(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "song.mp3")
    player = make_player(FakeBackend(), chimes=False, tones=False)
    assert player.play_music(track).ok


def test_close_stops_every_sound(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "song.mp3")
    backend = FakeBackend()
    player = make_player(backend)
    player.play_chime("start")
    player.play_music(track)
    assert player.is_busy()
    player.close()
    assert not player.is_busy()
    assert [sound.alive for sound in backend.sounds] == [False, False]


# --- playsound3 itself, faked ----------------------------------------------------------------


class FakePlaysoundError(Exception):
    pass


class FakePopen:
    def __init__(self) -> None:
        self.returncode: int | None = None

    def poll(self) -> int | None:
        return self.returncode

    def terminate(self) -> None:
        self.returncode = -15

    def kill(self) -> None:
        self.returncode = -9


class FakePlaysoundSound:
    """What playsound3's ``playsound(..., block=False)`` returns: its process, and a stop."""

    def __init__(self) -> None:
        self.subprocess = FakePopen()

    def stop(self) -> None:
        self.subprocess.terminate()


def fake_playsound3(default: str | None, calls: list[tuple[Any, ...]]) -> SimpleNamespace:
    def playsound(
        sound: Path, block: bool = True, backend: str | None = None
    ) -> FakePlaysoundSound:
        calls.append((sound, block, backend))
        if Path(sound).suffix == ".ogg":
            raise FakePlaysoundError("ALSA does not support for .ogg files.")
        return FakePlaysoundSound()

    return SimpleNamespace(
        DEFAULT_BACKEND=default,
        AVAILABLE_BACKENDS=[default] if default else [],
        PlaysoundException=FakePlaysoundError,
        playsound=playsound,
    )


def test_playsound3_plays_without_blocking(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setitem(sys.modules, "playsound3", fake_playsound3("alsa", calls))
    backend = load_playsound3()
    assert backend.name == "alsa"
    assert backend.play(Path("/a.wav")).is_alive()
    assert calls == [(Path("/a.wav"), False, "alsa")]
    with pytest.raises(PlayError, match="does not support"):
        backend.play(Path("/b.ogg"))


def test_no_playsound3_backend_means_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playsound3", fake_playsound3(None, []))
    assert load_playsound3() is SILENT
    assert sound_support() == (False, NO_PLAYER_HINT)


def test_a_backend_that_is_not_installed_means_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playsound3", fake_playsound3("alsa", []))
    assert load_playsound3("gstreamer") is SILENT


def test_a_probe_that_fails_means_silent(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="reconnect.desktop.sound")
    monkeypatch.setitem(sys.modules, "playsound3", None)  # makes the import fail
    assert load_playsound3() is SILENT
    assert "looking for a sound player failed" in caplog.text


def test_doctor_is_told_the_backend_or_what_to_install() -> None:
    assert sound_support(FakeBackend("gstreamer").load) == (True, "gstreamer")
    ok, hint = sound_support(FakeBackend(None).load)
    assert not ok
    assert "gstreamer1.0-plugins-base-apps" in hint
    assert "alsa-utils and mpg123" in hint
    assert hint.endswith("practices run silently meanwhile")


def test_playsound3_is_imported_only_when_a_sound_first_plays() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reconnect.desktop.sound import Playsound3Player\n"
        "Playsound3Player(Path('.'), lambda: False, lambda: False).play_chime('start')\n"
        "print('playsound3' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
