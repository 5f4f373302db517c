"""Help and crisis support: its sections, the local number, the trusted person, and the ways in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app.windows import Windows
from reconnect.core.clock import FakeClock
from reconnect.core.errors import InputError
from reconnect.core.practice_run import RunState
from reconnect.core.practices import Practice
from reconnect.paths import illustrations_dir
from reconnect.ui.care.help_dialog import HelpDialog
from reconnect.ui.practice.checkin_dialog import CheckInDialog
from reconnect.ui.practice.player_window import PlayerWindow
from reconnect.ui.tray.tray_icon import MenuState, TrayIcon

WORDS_OF_PRESSURE = ("streak", "failed", "you should", "you must", "lazy")


def make_help(qtbot: QtBot, **kwargs: object) -> HelpDialog:
    dialog = HelpDialog(**kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def tab_titles(dialog: HelpDialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


def test_it_opens_on_the_crisis_section_with_three_sections(qtbot: QtBot) -> None:
    dialog = make_help(qtbot, country="DE")
    assert tab_titles(dialog) == ["If you are in crisis", "About numbness", "Using Reconnect"]
    assert dialog.section() == "crisis"
    assert dialog.tabs.currentWidget() is dialog.crisis
    assert dialog.crisis.isVisible()
    text = dialog.crisis.widget().findChildren(type(dialog.crisis.emergency))
    words = " ".join(label.text() for label in text)
    assert "<b>112</b>" in dialog.crisis.emergency.text()
    assert "<b>988</b> in the United States and Canada: call or text, any time." in words
    assert "<b>116 123</b> in the UK and Ireland (Samaritans): call free, any time." in words
    assert "What you can do right now" in words


def test_it_can_open_on_another_section_and_move_between_them(qtbot: QtBot) -> None:
    dialog = make_help(qtbot, section="numbness", country="")
    assert dialog.section() == "numbness"
    about = dialog.numbness.toPlainText()
    for said in ("protective", "burnout", "trauma", "depression", "not a failing",
                 "small, safe chances", "doctor or a therapist"):  # fmt: skip
        assert said in about
    assert not any(word in about.lower() for word in WORDS_OF_PRESSURE)
    # Its link to the crisis section stays inside the dialog.
    dialog.numbness.anchorClicked.emit(QUrl("#crisis"))
    assert dialog.section() == "crisis"
    dialog.show_section("using")
    assert "Nothing is a valid answer" in dialog.using.toPlainText()
    assert "F1" in dialog.using.toPlainText()
    with pytest.raises(ValueError):
        dialog.show_section("elsewhere")


@pytest.mark.parametrize(
    ("country", "big", "detail"),
    [
        ("GB", "Call <b>999</b>", "call it now. 112 works too."),
        ("US", "Call <b>911</b>", "call it now."),
        ("au", "Call <b>000</b>", "call it now. 112 works too from a mobile phone."),
        ("", "Call your local emergency number", "112 works in many countries."),
        ("ZZ", "Call your local emergency number", "112 works in many countries."),
    ],
)
def test_the_local_emergency_number(qtbot: QtBot, country: str, big: str, detail: str) -> None:
    dialog = make_help(qtbot, country=country)
    assert dialog.crisis.emergency.text() == big
    assert dialog.crisis.emergency_detail.text().endswith(detail)
    assert dialog.crisis.emergency_detail.text().startswith("If you or someone near you")


def test_without_a_country_it_asks_the_system_locale(qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.NewZealand))
    try:
        dialog = make_help(qtbot)
    finally:
        QLocale.setDefault(before)
    assert dialog.number.country == "NZ"
    assert "<b>111</b>" in dialog.crisis.emergency.text()


def test_a_trusted_person_is_kept_and_shown(qtbot: QtBot) -> None:
    kept: list[str] = []
    dialog = make_help(qtbot, save_contact=kept.append, country="DE")
    page = dialog.crisis
    assert page.contact_field.isVisible() and not page.contact_shown.isVisible()
    assert "stays on this computer" in page.contact_note.text()
    page.contact_field.setFocus()
    qtbot.keyClicks(page.contact_field, "Sam,  my sister, 0151 234 5678")
    with qtbot.waitSignal(page.contact_saved) as saved:
        qtbot.keyClick(page.contact_field, Qt.Key.Key_Return)  # Enter keeps; it doesn't close
    assert saved.args == ["Sam, my sister, 0151 234 5678"]
    assert kept == ["Sam, my sister, 0151 234 5678"]
    assert dialog.isVisible()
    assert page.contact_shown.isVisible() and not page.contact_field.isVisible()
    assert page.contact_shown.text() == "Sam, my sister, 0151 234 5678"
    assert page.change_button.isVisible()

    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.contact_field.isVisible()
    assert page.contact_field.text() == "Sam, my sister, 0151 234 5678"
    page.contact_field.clear()
    qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    assert kept[-1] == ""
    assert page.contact_field.isVisible() and not page.contact_shown.isVisible()


def test_a_kept_person_is_shown_prominently_when_it_opens(qtbot: QtBot) -> None:
    dialog = make_help(qtbot, trusted_contact="Alex <3 · 0170 555", country="DE")
    page = dialog.crisis
    assert page.contact_shown.isVisible()
    assert page.contact_shown.text() == "Alex &lt;3 · 0170 555"  # shown as typed, not as markup
    assert page.contact_shown.objectName() == "careBig"
    # Without a way to save it, it can't be changed here, only read.
    assert not page.change_button.isVisible() and not page.contact_field.isVisible()


def test_without_a_person_or_a_way_to_save_it_invites_to_think_of_one(qtbot: QtBot) -> None:
    dialog = make_help(qtbot, country="DE")
    page = dialog.crisis
    assert not page.contact_field.isVisible() and not page.contact_shown.isVisible()
    assert page.contact_note.text().startswith("Think of one person")


def test_a_person_that_cant_be_kept_stays_in_the_field(qtbot: QtBot) -> None:
    def refuse(text: str) -> None:
        raise InputError("care.trusted_contact can't be that")

    dialog = make_help(qtbot, save_contact=refuse, country="DE")
    page = dialog.crisis
    page.contact_field.setText("Sam")
    page.keep_contact()
    assert page.problem.isVisible()
    assert "couldn't be kept just now" in page.problem.text()
    assert page.contact_field.text() == "Sam" and page.contact_field.isVisible()


def test_every_control_has_a_name(qtbot: QtBot) -> None:
    dialog = make_help(qtbot, save_contact=lambda _: None, country="DE")
    from PySide6.QtWidgets import QWidget

    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.metaObject().className() not in ("QTabBar", "QScrollArea", "QWidget")
    ]
    assert focusable
    unnamed = [w for w in focusable if not (w.accessibleName() or getattr(w, "text", str)())]
    assert unnamed == []


# --- the ways in ---------------------------------------------------------------------------


@pytest.fixture
def windows(tmp_path: Path, clock: FakeClock) -> Iterator[Windows]:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    yield Windows(context)
    context.close()


def open_help(windows: Windows) -> HelpDialog:
    dialog = windows._open["help"]
    assert isinstance(dialog, HelpDialog)
    return dialog


def test_windows_opens_help_on_a_section_and_keeps_the_person_in_the_settings(
    qtbot: QtBot, windows: Windows
) -> None:
    windows.show_help()
    dialog = open_help(windows)
    qtbot.addWidget(dialog)
    assert dialog.section() == "crisis"
    dialog.crisis.contact_field.setText("Sam · 0151 234 5678")
    dialog.crisis.keep_contact()
    settings_file = windows._context.paths.settings_file
    stored = json.loads(settings_file.read_text(encoding="utf-8"))
    assert stored == {"care.trusted_contact": "Sam · 0151 234 5678"}

    windows.show_help("numbness")  # the open dialog comes forward on that section
    assert open_help(windows) is dialog and dialog.section() == "numbness"
    dialog.close()
    windows.show_help()
    again = open_help(windows)
    qtbot.addWidget(again)
    assert again is not dialog and again.section() == "crisis"
    assert again.crisis.contact_shown.text() == "Sam · 0151 234 5678"


def test_the_tray_menu_opens_help_in_one_click(qtbot: QtBot) -> None:
    tray = TrayIcon(lambda: MenuState(state="active", summary="Next break at 15:30"))
    tray.rebuild_menu()
    assert "Help and crisis support" in tray.action_texts()
    action = next(a for a in tray.menu.actions() if a.text() == "Help and crisis support")
    with qtbot.waitSignal(tray.open_help):
        action.trigger()


def test_the_check_in_offers_help_with_a_button_and_f1(qtbot: QtBot) -> None:
    asked: list[str] = []
    dialog = CheckInDialog("Hand on heart", lambda _: None, open_help=lambda: asked.append("h"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.help_button.isVisible() and dialog.help_button.accessibleName() == "Help"
    qtbot.mouseClick(dialog.help_button, Qt.MouseButton.LeftButton)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_F1)
    assert asked == ["h", "h"]
    assert dialog.isVisible()  # nothing was answered or closed

    plain = CheckInDialog("Hand on heart", lambda _: None)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.help_button.isVisible()


class QuietSound:
    def play_chime(self, name: str) -> None:
        pass

    def music_playing(self) -> bool:
        return False

    def stop_music(self) -> None:
        pass

    def end_practice(self, completed: bool) -> None:
        pass

    def take_notice(self) -> None:
        return None


def test_the_player_offers_help_and_pauses_for_it(qtbot: QtBot, clock: FakeClock) -> None:
    from reconnect.core.practice_loader import load_library
    from reconnect.paths import practices_dir

    practice: Practice = next(iter(load_library(practices_dir())))
    asked: list[str] = []
    window = PlayerWindow(
        practice, clock, QuietSound(), illustrations_dir(), True,  # type: ignore[arg-type]
        lambda: None, lambda: None,
    )  # fmt: skip
    window.tick_timer.stop()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.help_button.isVisible()  # not offered until it is handed help
    window.set_open_help(lambda: asked.append("h"))
    assert window.help_button.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert asked == ["h"]
    assert window.run.state is RunState.PAUSED
    clock.advance(timedelta(seconds=30))
    window.on_tick()
    assert window.run.state is RunState.PAUSED  # it waits while help is read
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    assert asked == ["h", "h"] and window.run.state is RunState.PAUSED


def test_the_practice_flow_hands_help_to_the_player_and_the_check_in(
    qtbot: QtBot, windows: Windows, clock: FakeClock
) -> None:
    from reconnect.core.sessions import Trigger
    from reconnect.core.settings import Settings
    from reconnect.services.breaks import BreakRecords
    from reconnect.settings_store import SettingsFile

    context = windows._context
    records = BreakRecords(context.database().session_factory)
    quiet = Settings().with_value("sound.chimes", False).with_value("sound.breath_tones", False)
    rhythm = SimpleNamespace(clock=clock, library=context.library, settings=quiet)
    app = SimpleNamespace(rhythm=rhythm)
    flow = windows.make_practice_flow(
        app,  # type: ignore[arg-type]
        records,
        SettingsFile(context.paths.settings_file),
    )
    practice = context.library.get("hand-on-heart")
    assert practice is not None
    session = records.start(practice, Trigger.TRAY, clock.now())
    with qtbot.waitSignal(flow.player_opened) as opened:
        flow.open(session.id, practice.id, Trigger.TRAY)
    player = opened.args[0]
    assert isinstance(player, PlayerWindow)
    player.tick_timer.stop()
    assert player.help_button.isVisible()
    player.open_help()
    dialog = open_help(windows)
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.section() == "crisis"
    dialog.close()

    with qtbot.waitSignal(flow.checkin_opened) as shown:
        for _ in practice.steps:
            player.next_step()
    checkin = shown.args[0]
    assert isinstance(checkin, CheckInDialog)
    qtbot.addWidget(checkin)
    assert checkin.help_button.isVisible()
    qtbot.mouseClick(checkin.help_button, Qt.MouseButton.LeftButton)
    assert open_help(windows).isVisible()
    qtbot.addWidget(open_help(windows))
    checkin.reject()
