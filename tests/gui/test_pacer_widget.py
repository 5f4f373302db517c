"""The breathing pacer widget: tones at phase changes, what it tells a screen reader, drawing."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from reconnect.core.practices import BreathPattern
from reconnect.ui.practice.pacer_widget import FILL, PacerWidget

BOX = BreathPattern(4, 4, 4, 4)
LONGER_OUT = BreathPattern(4, 0, 6, 0)


@pytest.fixture
def pacer(qtbot: QtBot) -> PacerWidget:
    widget = PacerWidget()
    qtbot.addWidget(widget)
    widget.resize(320, 380)
    widget.set_pattern(BOX)
    return widget


def drive(pacer: PacerWidget, until: float, every: float = 0.2) -> list[tuple[float, str]]:
    """Call ``show_at`` as the player's 200 ms tick would; note each tone with its time."""
    now = 0.0
    tones: list[tuple[float, str]] = []
    pacer.phase_changed.connect(lambda phase: tones.append((round(now, 3), phase)))
    for n in range(1, round(until / every) + 1):
        now = n * every
        pacer.show_at(now)
    return tones


def fill_pixels(image: QImage) -> int:
    fill = FILL.rgb()
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == fill
    )


def test_it_is_named_for_a_screen_reader(pacer: PacerWidget) -> None:
    assert pacer.accessibleName() == "Breathing pacer"
    assert pacer.accessibleDescription() == "Breathe in, 4"


def test_the_description_follows_the_word_and_count(pacer: PacerWidget) -> None:
    pacer.show_at(1.0)
    assert pacer.accessibleDescription() == "Breathe in, 3"
    pacer.show_at(4.0)
    assert pacer.accessibleDescription() == "Hold, 4"
    pacer.show_at(12.5)
    assert pacer.accessibleDescription() == "Rest, 4"


def test_phase_changed_is_sent_as_each_phase_begins(pacer: PacerWidget) -> None:
    assert drive(pacer, 17.0) == [
        (4.0, "hold_in"),
        (8.0, "out"),
        (12.0, "hold_out"),
        (16.0, "in"),
    ]


def test_zero_second_holds_send_no_tone(pacer: PacerWidget) -> None:
    pacer.set_pattern(LONGER_OUT)
    assert drive(pacer, 20.0) == [(4.0, "out"), (10.0, "in"), (14.0, "out"), (20.0, "in")]


def test_a_late_call_sends_one_tone_for_the_latest_phase(qtbot: QtBot, pacer: PacerWidget) -> None:
    pacer.show_at(1.0)
    with qtbot.waitSignal(pacer.phase_changed, timeout=1000) as blocker:
        pacer.show_at(9.0)  # hold and out both began since
    assert blocker.args == ["out"]


def test_a_new_pattern_starts_over_without_a_tone(qtbot: QtBot, pacer: PacerWidget) -> None:
    pacer.show_at(13.0)
    with qtbot.assertNotEmitted(pacer.phase_changed):
        pacer.set_pattern(LONGER_OUT)
        pacer.show_at(0.2)
    assert pacer.accessibleDescription() == "Breathe in, 4"


def test_reduced_motion_shows_no_shape(pacer: PacerWidget) -> None:
    assert pacer.shape_visible
    pacer.set_reduced_motion(True)
    assert not pacer.shape_visible
    pacer.show_at(4.0)  # full size, if there were a shape
    assert fill_pixels(pacer.grab().toImage()) == 0
    assert pacer.accessibleDescription() == "Hold, 4"
    pacer.set_reduced_motion(False)
    assert pacer.shape_visible


def test_without_a_pattern_there_is_nothing_to_show(pacer: PacerWidget) -> None:
    pacer.set_pattern(None)
    assert not pacer.shape_visible
    assert pacer.accessibleDescription() == ""
    pacer.show_at(3.0)
    assert fill_pixels(pacer.grab().toImage()) == 0


def test_the_circle_grows_with_the_breath(pacer: PacerWidget) -> None:
    pacer.show_at(0.0)
    empty = pacer.grab().toImage()
    pacer.show_at(2.0)
    half = pacer.grab().toImage()
    pacer.show_at(6.0)
    full = pacer.grab().toImage()
    small, middle, large = fill_pixels(empty), fill_pixels(half), fill_pixels(full)
    assert 0 < small < middle < large
    # The radius goes from about 35 % to all of it: the area by about eight times.
    assert 5 < large / small < 10
    assert full.pixelColor(full.width() // 2, full.height() // 3) == QColor(FILL)
