"""No sound outlives its practice: players stopped, stubborn ones killed, failures noticed once.

The processes here are fakes on a fake clock, and each look at them is taken by the test
(``SoundProcesses.look``); tests/integration/test_real_sound.py does the same with real ones.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from reconnect.desktop.sound import CHIME_LIMIT_S, Playsound3Player
from reconnect.desktop.sound_processes import Ending, SoundProcesses
from tests.unit.test_sound import SOUNDS, FakeBackend, FakeSound, at_once, touch

HOUR = 3600.0  # the looking-after thread's own pace: the tests look for it


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Stubborn(FakeSound):
    """A player that shrugs off the request to stop, as a spinning mpg123 can."""

    def stop(self) -> None:
        self.stops += 1


def make(
    backend: FakeBackend,
    clock: Clock,
    background: Callable[[Callable[[], None]], None] = at_once,
) -> tuple[Playsound3Player, SoundProcesses]:
    processes = SoundProcesses(poll=HOUR, monotonic=clock)
    player = Playsound3Player(
        SOUNDS,
        lambda: True,
        lambda: True,
        load_backend=backend.load,
        background=background,
        processes=processes,
    )
    return player, processes


def test_a_player_that_will_not_stop_is_killed_a_second_later_and_reaped() -> None:
    clock = Clock()
    processes = SoundProcesses(poll=HOUR, monotonic=clock)
    sound = Stubborn(Path("music.mp3"))
    endings: list[Ending] = []
    processes.track(sound, on_end=endings.append)
    processes.stop(sound)
    clock.now += 0.99
    processes.look()
    assert sound.stops == 1 and sound.alive
    clock.now += 0.01
    processes.look()  # killed now
    processes.look()
    assert not sound.alive
    assert processes.running() == []
    assert endings == [Ending(-9, stopped=True, seconds=pytest.approx(1.0))]


def test_a_chime_that_runs_past_its_time_is_stopped() -> None:
    clock = Clock()
    backend = FakeBackend()
    player, processes = make(backend, clock)
    player.play_chime("start")
    clock.now += CHIME_LIMIT_S - 0.01
    processes.look()
    assert backend.sounds[0].alive
    clock.now += 0.01
    processes.look()
    assert not backend.sounds[0].alive
    processes.look()
    assert not player.is_busy()


def test_stopping_a_practice_stops_its_music_and_chimes(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "song.mp3")
    backend = FakeBackend()
    player, processes = make(backend, Clock())
    player.play_chime("step")
    player.play_music(track)
    player.end_practice(completed=False)
    processes.look()
    assert [sound.alive for sound in backend.sounds] == [False, False]
    assert not player.is_busy()


def test_a_finished_practice_lets_its_end_chime_ring_out(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "song.mp3")
    backend = FakeBackend()
    player, processes = make(backend, Clock())
    player.play_music(track)
    player.play_chime("end")
    player.end_practice(completed=True)
    processes.look()
    assert [(sound.path.name, sound.alive) for sound in backend.sounds] == [
        ("song.mp3", False),
        ("end.wav", True),
    ]


def test_chimes_asked_for_before_a_stop_do_not_start_after_it() -> None:
    jobs: list[Callable[[], None]] = []
    backend = FakeBackend()
    player, _ = make(backend, Clock(), background=jobs.append)
    player.play_chime("step")
    player.end_practice(completed=False)
    for job in jobs:
        job()
    assert backend.played == []
    player.play_chime("start")  # the next practice chimes again
    jobs[-1]()
    assert backend.played == ["start.wav"]


def test_a_chime_player_that_fails_at_once_silences_chimes_and_says_so_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="reconnect.desktop.sound")
    backend = FakeBackend()
    player, processes = make(backend, Clock())
    player.play_chime("start")
    backend.sounds[0].alive, backend.sounds[0].code = False, 1  # aplay: no sound card
    processes.look()
    notice = player.take_notice()
    assert notice is not None
    assert notice.startswith("No sound is coming out on this computer just now")
    assert "practice goes on quietly" in notice
    assert player.take_notice() is None
    player.play_chime("step")
    player.play_chime("breath-in")
    assert backend.played == ["start.wav"]
    said = [r for r in caplog.records if "chimes are off" in r.getMessage()]
    assert len(said) == 1


def test_music_whose_player_fails_at_once_is_not_shown_as_playing(tmp_path: Path) -> None:
    (track,) = touch(tmp_path, "Goosebumps.mp3")
    backend = FakeBackend()
    player, processes = make(backend, Clock())
    assert player.play_music(track).ok
    backend.sounds[0].alive, backend.sounds[0].code = False, 1
    processes.look()
    assert not player.music_playing()
    notice = player.take_notice()
    assert notice is not None and notice.startswith("Goosebumps.mp3 could not play here")
    assert player.take_notice() is None


def test_music_that_ends_well_or_is_stopped_leaves_no_notice(tmp_path: Path) -> None:
    first, second = touch(tmp_path, "a.mp3", "b.mp3")
    backend = FakeBackend()
    player, processes = make(backend, Clock())
    player.play_music(first)
    backend.sounds[0].alive = False  # the track ended, with status 0
    player.play_music(second)
    player.stop_music()
    processes.look()
    assert player.take_notice() is None
    assert not player.is_busy()


def test_closing_kills_a_stubborn_player_and_forgets_the_exit_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hooks: list[object] = []
    monkeypatch.setattr(atexit, "register", hooks.append)
    monkeypatch.setattr(atexit, "unregister", hooks.remove)
    (track,) = touch(tmp_path, "song.mp3")
    backend = FakeBackend()
    stubborn = Stubborn(track)
    backend.play = lambda path: stubborn  # type: ignore[method-assign]
    processes = SoundProcesses(kill_after=0.05)
    player = Playsound3Player(
        SOUNDS, lambda: True, lambda: True, load_backend=backend.load, processes=processes
    )
    player.play_music(track)
    assert len(hooks) == 1  # stops it at interpreter exit, should the app not close
    player.close()
    assert not stubborn.alive and stubborn.code == -9
    assert hooks == []
    assert not player.is_busy()
