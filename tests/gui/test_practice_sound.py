"""The practice window with its real sound: no player outlives the practice, and silence is
explained once.

The players are stand-ins on PATH (tests/support/sound_players.py) run by playsound3's alsa
backend: one that never ends and ignores SIGTERM, one that fails at once as aplay does on a
computer without a sound card.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reconnect.core.clock import FakeClock
from reconnect.core.practices import Step, StepKind
from reconnect.desktop.sound import Playsound3Player, load_playsound3
from reconnect.paths import illustrations_dir, sounds_dir
from reconnect.ui.practice.player_window import PlayerResult, PlayerWindow
from tests.gui.test_player_window import BREATH, NOW, STRETCH, FakeSound, practice
from tests.support import sound_players
from tests.support.sound_players import FAILING, STUBBORN, FakePlayers, gone, running

fake_players = sound_players.fake_players
MUSIC = Step("Let the music play.", 180, StepKind.MUSIC)


def real_sound() -> Playsound3Player:
    backend = load_playsound3("alsa")
    if backend.name is None:
        pytest.skip("playsound3 found no aplay and mpg123 when it was first imported")
    return Playsound3Player(sounds_dir(), lambda: True, lambda: True, load_backend=lambda: backend)


def open_window(
    qtbot: QtBot, steps: tuple[Step, ...], sound: object, music: Path | None = None
) -> tuple[PlayerWindow, FakeClock, list[PlayerResult]]:
    clock = FakeClock(NOW)
    window = PlayerWindow(
        practice(*steps), clock, sound, illustrations_dir(), False,  # type: ignore[arg-type]
        lambda: music, lambda: None,
    )  # fmt: skip
    window.tick_timer.stop()  # the test moves time itself
    qtbot.addWidget(window)
    window.show()
    results: list[PlayerResult] = []
    window.ended.connect(results.append)
    return window, clock, results


def tick(window: PlayerWindow, clock: FakeClock, seconds: float = 0.2) -> None:
    clock.advance(timedelta(seconds=seconds))
    window.tick_timer.timeout.emit()


@pytest.fixture
def track(tmp_path: Path) -> Path:
    path = tmp_path / "goosebumps.mp3"
    path.write_bytes(b"ID3")
    return path


def test_stopping_a_practice_ends_music_that_would_never_end(
    qtbot: QtBot, fake_players: FakePlayers, track: Path
) -> None:
    fake_players.install("mpg123", STUBBORN)
    sound = real_sound()
    window, _, results = open_window(qtbot, (MUSIC, STRETCH), sound, music=track)
    (pid,) = fake_players.wait_for_start()
    assert "Playing goosebumps" in window.music_label.text()
    window.stop_button.click()
    assert [r.completed for r in results] == [False]
    qtbot.waitUntil(lambda: gone(pid), timeout=5000)
    assert not sound.is_busy()


def test_closing_the_window_ends_a_chime_that_would_never_end(
    qtbot: QtBot, fake_players: FakePlayers
) -> None:
    fake_players.install("aplay", STUBBORN)
    window, _, _ = open_window(qtbot, (BREATH, STRETCH), real_sound())
    (pid,) = fake_players.wait_for_start()  # the start chime
    assert running(pid)
    window.close()
    qtbot.waitUntil(lambda: gone(pid), timeout=5000)


def test_without_sound_output_the_practice_goes_on_and_says_so_once(
    qtbot: QtBot, fake_players: FakePlayers
) -> None:
    fake_players.install("aplay", FAILING)
    window, clock, results = open_window(qtbot, (BREATH, STRETCH), real_sound())
    (pid,) = fake_players.wait_for_start()
    qtbot.waitUntil(lambda: (tick(window, clock), window.sound_note.isVisible())[1], timeout=5000)
    assert window.sound_note.text().startswith("No sound is coming out on this computer")
    assert gone(pid)
    tick(window, clock, 20)  # the stretch: its step chime stays quiet
    assert window.step_text.text() == "Tilt your head."
    tick(window, clock, 15)
    assert [r.completed for r in results] == [True]
    assert fake_players.pids() == [pid]


def test_music_that_fails_at_once_says_so_in_place_of_playing(qtbot: QtBot, track: Path) -> None:
    sound = FakeSound()
    window, clock, _ = open_window(qtbot, (MUSIC,), sound, music=track)
    assert "Playing goosebumps.mp3" in window.music_label.text()
    sound.playing = False
    sound.notices.append("goosebumps.mp3 could not play here: there may be no sound output.")
    tick(window, clock)
    assert window.music_label.text().startswith("goosebumps.mp3 could not play here")
    assert window.music_button.text() == "Choose another…"
    assert not window.sound_note.isVisible()


def test_the_window_tells_the_sound_how_the_practice_ended(qtbot: QtBot) -> None:
    stopped, finished = FakeSound(), FakeSound()
    window, _, _ = open_window(qtbot, (BREATH,), stopped)
    window.stop_button.click()
    window, clock, _ = open_window(qtbot, (BREATH,), finished)
    tick(window, clock, 20)
    # A stop silences everything now; a finish lets its end chime ring out.
    assert (stopped.ended, finished.ended) == ([False], [True])
    assert "end" in finished.chimes
