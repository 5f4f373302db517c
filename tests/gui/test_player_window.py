"""The guided practice on a fake clock: steps, pacer, pause, next, stop, music and away."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reconnect.core.clock import FakeClock
from reconnect.core.practices import BreathPattern, Practice, Step, StepKind
from reconnect.core.vocabulary import Place
from reconnect.paths import illustrations_dir
from reconnect.services.desktop_ports import MusicResult
from reconnect.ui.practice.player_window import PlayerResult, PlayerWindow

NOW = datetime(2026, 11, 17, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@dataclass
class FakeSound:
    chimes: list[str] = field(default_factory=list)
    music: list[Path] = field(default_factory=list)
    playing: bool = False
    playable: bool = True
    notices: list[str] = field(default_factory=list)
    ended: list[bool] = field(default_factory=list)

    def play_chime(self, name: str) -> None:
        self.chimes.append(name)

    def play_music(self, path: Path) -> MusicResult:
        self.music.append(path)
        if not self.playable or not path.exists():
            return MusicResult(False, f"This file can't be played: {path.name}. Choose another.")
        self.playing = True
        return MusicResult(True, f"Playing {path.name}", path)

    def stop_music(self) -> None:
        self.playing = False

    def music_playing(self) -> bool:
        return self.playing

    def end_practice(self, completed: bool) -> None:
        self.ended.append(completed)
        self.playing = False

    def take_notice(self) -> str | None:
        return self.notices.pop(0) if self.notices else None


def practice(*steps: Step, alternative: str | None = None) -> Practice:
    return Practice("test", "A test practice", "s", ("touch",), Place.DESK, steps,
                    alternative=alternative)  # fmt: skip


BREATH = Step("Breathe slowly.", 20, StepKind.BREATH, BreathPattern(4, 0, 6, 0))
STRETCH = Step("Tilt your head.", 15, StepKind.STRETCH, illustration="neck-side-tilt")
JOURNAL = Step("What do you notice?", 30, StepKind.JOURNAL, chime=False)


@dataclass
class Player:
    window: PlayerWindow
    clock: FakeClock
    sound: FakeSound
    results: list[PlayerResult]

    def wait(self, seconds: float) -> None:
        self.clock.advance(timedelta(seconds=seconds))
        self.window.tick_timer.timeout.emit()


@pytest.fixture
def make(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    def build(p: Practice, music: Path | None = None, chosen: Path | None = None) -> Player:
        clock = FakeClock(NOW)
        sound = FakeSound()
        window = PlayerWindow(
            p, clock, sound, illustrations_dir(), False, lambda: music, lambda: chosen,
            alternative_title="Light indoors",
        )  # fmt: skip
        window.tick_timer.stop()  # the test moves time itself
        qtbot.addWidget(window)
        window.show()
        results: list[PlayerResult] = []
        window.ended.connect(results.append)
        return Player(window, clock, sound, results)

    return build


def test_it_shows_title_step_countdown_progress_and_next(make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(BREATH, STRETCH))
    w = player.window
    assert w.title.text() == "A test practice"
    assert w.step_text.text() == "Breathe slowly."
    assert w.countdown.text() == "0:20"
    assert w.step_count.text() == "Step 1 of 2"
    assert w.next_label.text() == "Next: Tilt your head."
    assert w.side.currentWidget() is w.pacer
    assert player.sound.chimes == ["start"]
    player.wait(5)
    assert w.countdown.text() == "0:15"
    assert w.progress.value() == round(5 / 35 * 1000)


def test_the_pacer_follows_the_breath_pattern(make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(BREATH))
    player.wait(1)
    assert player.window.pacer.view is not None
    assert player.window.pacer.view.word == "Breathe in"
    player.wait(3.5)  # 4.5 s in: breathing out
    assert player.window.pacer.view.word == "Breathe out"
    assert player.window.pacer.accessibleDescription() == "Breathe out, 6"


def test_steps_advance_with_a_chime_and_a_picture(make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(BREATH, STRETCH))
    player.wait(20)
    w = player.window
    assert w.step_text.text() == "Tilt your head."
    assert w.side.currentWidget() is w.picture
    assert player.sound.chimes == ["start", "step"]
    assert w.next_label.text() == "Last step"
    player.wait(15)
    assert player.results == [PlayerResult(True, True, "")]
    assert player.sound.chimes[-1] == "end"


def test_space_pauses_right_goes_on_and_esc_stops(qtbot: QtBot, make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(BREATH, STRETCH, JOURNAL))
    w = player.window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    player.wait(60)
    assert w.countdown.text() == "0:20  (paused)"
    assert w.pause_button.accessibleName() == "Resume"
    qtbot.keyClick(w, Qt.Key.Key_Space)
    qtbot.keyClick(w, Qt.Key.Key_Right)
    assert w.step_text.text() == "Tilt your head."
    player.wait(10)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert len(player.results) == 1
    result = player.results[0]
    assert not result.completed
    assert not result.wants_checkin  # only 10 seconds practised
    assert not w.isVisible()


def test_stopping_after_twenty_seconds_still_asks(make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(BREATH, STRETCH))
    player.wait(21)
    player.window.stop_button.click()
    assert player.results == [PlayerResult(False, True, "")]


def test_closing_the_window_is_a_stop(make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(BREATH, STRETCH))
    player.wait(25)
    player.window.close()
    assert [r.completed for r in player.results] == [False]


def test_what_is_written_is_kept_for_the_checkin(qtbot: QtBot, make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(JOURNAL))
    w = player.window
    assert w.side.currentWidget() is w.journal
    qtbot.keyClicks(w.journal, "warm feet, a bird")
    assert w.countdown.text() == "0:30"  # typing a space does not pause
    player.wait(30)
    assert player.results[0].journal == "warm feet, a bird"


def test_music_plays_and_stops(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    track = tmp_path / "song.mp3"
    track.write_bytes(b"ID3")
    music = Step("Listen.", 30, StepKind.MUSIC)
    player = make(practice(music, STRETCH), music=track)
    w = player.window
    assert player.sound.music == [track] and player.sound.playing
    assert "Playing song.mp3" in w.music_label.text()
    assert "lands in your body" in w.music_label.text()
    player.wait(30)
    assert not player.sound.playing  # the next step is not a music step


def test_a_missing_music_file_says_so_and_offers_another(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.mp3"
    other.write_bytes(b"ID3")
    music = Step("Listen.", 30, StepKind.MUSIC)
    player = make(practice(music), music=tmp_path / "gone.mp3", chosen=other)
    w = player.window
    assert "can't be played: gone.mp3" in w.music_label.text()
    assert w.music_button.text() == "Choose another…"
    w.music_button.click()
    assert player.sound.playing and "Playing other.mp3" in w.music_label.text()
    player.wait(30)
    assert player.results[0].completed  # the practice went on either way


def test_no_music_chosen_yet_invites_choosing(make) -> None:  # type: ignore[no-untyped-def]
    player = make(practice(Step("Listen.", 30, StepKind.MUSIC)))
    assert "Choose a piece of music" in player.window.music_label.text()
    assert player.sound.music == []


def test_away_steps_keep_time_and_offer_an_alternative(make) -> None:  # type: ignore[no-untyped-def]
    away = Step("Go to a window.", 60, StepKind.AWAY)
    player = make(practice(away, alternative="light-indoors"))
    w = player.window
    assert w.side.currentWidget() is w.away_panel
    assert w.cant_button.accessibleDescription() == "Do Light indoors instead, here"
    player.wait(5)
    w.cant_button.click()
    assert player.results == [PlayerResult(False, False, "", "light-indoors")]


def test_every_control_has_a_name(make) -> None:  # type: ignore[no-untyped-def]
    w = make(practice(BREATH)).window
    for button in (w.pause_button, w.next_button, w.stop_button, w.music_button, w.cant_button):
        assert button.accessibleName()
    assert w.progress.accessibleName() and w.step_text.accessibleName()
