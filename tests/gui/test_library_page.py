"""The dashboard's library: filters, Start buttons, and the suggestion."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reconnect.core.library import Library
from reconnect.core.practices import Practice, Step
from reconnect.core.suggestion import Suggestion
from reconnect.core.vocabulary import Place
from reconnect.ui.dashboard.library_page import LibraryPage


def practice(pid: str, senses: tuple[str, ...], seconds: int) -> Practice:
    return Practice(
        id=pid,
        title=pid.replace("-", " ").capitalize(),
        summary=f"About {pid}.",
        senses=senses,
        place=Place.DESK,
        steps=(Step("Be here.", seconds),),
    )


LIBRARY = Library(
    [
        practice("slow-breath", ("breath",), 60),
        practice("long-stretch", ("movement", "touch"), 300),
        practice("warm-mug", ("touch", "temperature"), 90),
    ]
)


def page(qtbot: QtBot, chosen: Suggestion | None) -> LibraryPage:
    widget = LibraryPage(LIBRARY, lambda: chosen)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_filters_by_sense_and_length(qtbot: QtBot) -> None:
    widget = page(qtbot, None)
    assert widget.visible_ids() == ["long-stretch", "slow-breath", "warm-mug"]
    widget.sense.setCurrentIndex(widget.sense.findData("touch"))
    assert widget.visible_ids() == ["long-stretch", "warm-mug"]
    widget.length.setCurrentIndex(widget.length.findData(2))
    assert widget.visible_ids() == ["warm-mug"]
    widget.sense.setCurrentIndex(widget.sense.findData("scent"))
    assert widget.visible_ids() == []
    assert widget.empty.isVisible()


def test_start_buttons_ask_to_start_that_practice(qtbot: QtBot) -> None:
    widget = page(qtbot, None)
    card = next(c for c in widget.cards if c.practice.id == "warm-mug")
    assert card.start_button.accessibleName() == "Start Warm mug"
    with qtbot.waitSignal(widget.start_requested) as signal:
        qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["warm-mug"]


def test_the_suggestion_comes_first_with_its_own_start(qtbot: QtBot) -> None:
    chosen = Suggestion(LIBRARY.get("slow-breath"), 0.4)  # type: ignore[arg-type]
    widget = page(qtbot, chosen)
    assert "Something to try next:</b> Slow breath (1 minute)" in widget.suggested.text()
    with qtbot.waitSignal(widget.start_requested) as signal:
        widget.suggested_start.click()
    assert signal.args == ["slow-breath"]


def test_no_suggestion_is_explained(qtbot: QtBot) -> None:
    widget = page(qtbot, None)
    assert widget.suggested.text().startswith("No practice fits this moment")
    assert widget.suggested_start.isHidden()


def test_own_practices_can_be_changed_and_new_ones_added(qtbot: QtBot) -> None:
    import dataclasses

    library = Library(list(LIBRARY))
    widget = LibraryPage(library, lambda: None)
    qtbot.addWidget(widget)
    assert all(card.change_button is None for card in widget.cards)  # bundled: no Change
    with qtbot.waitSignal(widget.add_requested):
        widget.add_button.click()

    mine = dataclasses.replace(practice("my-tea", ("taste",), 120), own=True)
    library.replace_with(Library([*LIBRARY, mine]))
    widget.reload()
    card = next(c for c in widget.cards if c.practice.id == "my-tea")
    assert card.change_button is not None
    assert card.change_button.accessibleName() == "Change My tea"
    with qtbot.waitSignal(widget.change_requested) as signal:
        card.change_button.click()
    assert signal.args == ["my-tea"]
    widget.sense.setCurrentIndex(widget.sense.findData("taste"))
    assert widget.visible_ids() == ["my-tea"]


def test_the_cards_wrap_to_one_column_when_the_window_is_narrow(qtbot: QtBot) -> None:
    # Tiled to half a screen (sway, GNOME), the second column of cards was cut off behind a
    # sideways scroll bar.
    widget = LibraryPage(LIBRARY, lambda: None, comparing=True)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)

    def columns() -> int:
        return len({card.x() for card in widget.cards if card.isVisible()})

    def all_in_view() -> bool:
        width = widget.scroll.viewport().width()
        return all(card.geometry().right() < width for card in widget.cards)

    qtbot.waitUntil(lambda: columns() == 2, timeout=3000)
    assert all_in_view()
    widths = {card.width() for card in widget.cards}
    assert max(widths) - min(widths) <= 1, "the two columns share the width equally"
    widget.resize(560, 700)
    qtbot.waitUntil(lambda: columns() == 1, timeout=3000)
    assert all_in_view()
    assert widget.scroll.horizontalScrollBar().maximum() == 0
    widget.resize(1200, 700)
    qtbot.waitUntil(lambda: columns() == 2, timeout=3000)
