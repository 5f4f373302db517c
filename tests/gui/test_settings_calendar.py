"""The settings window names a calendar file that can't be read under its field, with what is
wrong, when it opens and when another file is chosen or typed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app.windows import Windows
from reconnect.core.clock import FakeClock
from reconnect.core.practice_loader import load_library
from reconnect.core.settings import BY_KEY, Settings
from reconnect.desktop.busy_list import calendar_problems
from reconnect.paths import practices_dir, resolve_data_paths
from reconnect.services.desktop_ports import AutostartState
from reconnect.ui.settings.settings_window import AutostartControls, SettingsWindow
from reconnect.ui.settings.text_fields import TextField

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 6, 16, 10, 20, tzinfo=BERLIN)
GOOD = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:one\r\n"
    b"SUMMARY:Standup\r\nDTSTART:20260616T080000Z\r\nDTEND:20260616T081500Z\r\nEND:VEVENT\r\n"
    b"END:VCALENDAR\r\n"
)
NO_CALENDAR = b"BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Lost\r\nEND:VEVENT\r\n"
STILL_WORKS = "The other busy checks keep working. You can fix the file or choose another one."


@pytest.fixture
def through_the_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[str], TextField]]:
    """Settings as the tray opens them (``Windows.show_settings``), with ``busy.calendar``
    set in ``settings.json``; gives the calendar's field."""
    context = bootstrap.build(str(tmp_path / "data"), {}, FakeClock(NOW))

    def open_with(calendar: str) -> TextField:
        context.paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
        context.paths.settings_file.write_text(
            json.dumps({"busy.calendar": calendar}), encoding="utf-8"
        )
        windows = Windows(context)
        windows.show_settings()
        window = windows.open_window("settings")
        assert isinstance(window, SettingsWindow)
        qtbot.addWidget(window)
        window.tabs.setCurrentIndex(window.page_of("busy.calendar"))
        qtbot.waitExposed(window)
        field = window.fields["busy.calendar"]
        assert isinstance(field, TextField) and field.edit.text() == calendar
        return field

    yield open_with
    context.close()


def note_of(field: TextField) -> str | None:
    """The note under the field as a person sees it, or None when there is none."""
    assert field.note is not None
    return field.note.text() if field.note.isVisible() else None


def test_a_broken_calendar_file_is_named_with_its_problem_when_settings_open(
    through_the_app: Callable[[str], TextField], tmp_path: Path
) -> None:
    broken = tmp_path / "work.ics"
    broken.write_bytes(NO_CALENDAR)
    field = through_the_app(str(broken))
    assert note_of(field) == (
        "work.ics can't be read: it holds no calendar (no BEGIN:VCALENDAR).\n" + STILL_WORKS
    )
    assert field.note is not None and field.note.objectName() == "settingProblem"
    assert field.note.accessibleDescription() == field.note.text()
    assert field.hint is not None and field.hint.isVisible(), "the description stays"


def test_a_good_calendar_file_shows_no_note(
    through_the_app: Callable[[str], TextField], tmp_path: Path
) -> None:
    good = tmp_path / "work.ics"
    good.write_bytes(GOOD)
    assert note_of(through_the_app(str(good))) is None


def test_a_calendar_that_is_not_there_is_said_so(
    through_the_app: Callable[[str], TextField], tmp_path: Path
) -> None:
    gone = tmp_path / "unplugged" / "work.ics"
    assert note_of(through_the_app(str(gone))) == (
        f"The calendar {gone} can't be read: it can't be found.\n" + STILL_WORKS
    )


def test_in_a_folder_only_the_broken_file_is_named(
    through_the_app: Callable[[str], TextField], tmp_path: Path
) -> None:
    folder = tmp_path / "calendars"
    (folder / "family").mkdir(parents=True)
    (folder / "work.ics").write_bytes(GOOD)
    (folder / "family" / "birthdays.ics").write_bytes(b"not a calendar at all")
    note = note_of(through_the_app(str(folder)))
    assert note is not None and note.startswith("birthdays.ics can't be read: ")
    assert "work.ics" not in note and note.endswith(STILL_WORKS)


def test_many_broken_files_are_counted_after_the_first_three(qtbot: QtBot, tmp_path: Path) -> None:
    for name in "abcde":
        (tmp_path / f"{name}.ics").write_bytes(NO_CALENDAR)
    field = TextField(BY_KEY["busy.calendar"], check=lambda text: calendar_problems(text, _now))
    field.set_value(str(tmp_path))
    assert field.note is not None
    lines = field.note.text().splitlines()
    assert [line.split(" ")[0] for line in lines[:3]] == ["a.ics", "b.ics", "c.ics"]
    assert lines[3:] == ["And 2 more files.", STILL_WORKS]


# --- choosing or typing another file -----------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Callable[..., SettingsWindow]:
    library = load_library(practices_dir())

    def make(calendar: str, choose: Callable[[QWidget, str, str], str | None]) -> SettingsWindow:
        opened = SettingsWindow(
            Settings({"busy.calendar": calendar}),
            library=library,
            paths=resolve_data_paths(tmp_path / "data", {}),
            save=lambda settings: None,
            applied=lambda: None,
            autostart=AutostartControls(
                state=lambda: AutostartState(False, str(tmp_path / "entry.desktop")),
                enable=lambda: AutostartState(True, str(tmp_path / "entry.desktop")),
                disable=lambda: True,
            ),
            close_database=lambda: None,
            quit_app=lambda: None,
            choose_path=choose,
            check_paths={"busy.calendar": lambda text: calendar_problems(text, _now)},
        )
        qtbot.addWidget(opened)
        opened.show()
        opened.tabs.setCurrentIndex(opened.page_of("busy.calendar"))
        qtbot.waitExposed(opened)
        opened.activateWindow()
        qtbot.waitUntil(opened.isActiveWindow)
        return opened

    return make


def test_choosing_another_file_checks_it_again(
    window: Callable[..., SettingsWindow], tmp_path: Path
) -> None:
    broken, good = tmp_path / "old.ics", tmp_path / "new.ics"
    broken.write_bytes(NO_CALENDAR)
    good.write_bytes(GOOD)
    chosen = [str(good), str(broken)]
    opened = window(str(broken), lambda parent, kind, current: chosen.pop(0))
    field = opened.fields["busy.calendar"]
    assert isinstance(field, TextField) and field.choose_button is not None
    assert (note_of(field) or "").startswith("old.ics can't be read")
    a_file, _a_folder = field.choose_button.menu().actions()
    a_file.trigger()
    assert field.edit.text() == str(good) and note_of(field) is None
    a_file.trigger()
    assert (note_of(field) or "").startswith("old.ics can't be read")
    opened.apply_button.click()  # saving clears the refusals, not this note
    assert (note_of(field) or "").startswith("old.ics can't be read")


def test_a_typed_path_is_checked_when_the_typing_ends(
    window: Callable[..., SettingsWindow], qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "typed.ics"
    broken.write_bytes(NO_CALENDAR)
    opened = window("", lambda parent, kind, current: None)
    field = opened.fields["busy.calendar"]
    assert isinstance(field, TextField)
    assert note_of(field) is None, "no calendar chosen: nothing to say"
    field.edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field.edit, str(broken))
    assert note_of(field) is None, "not while typing"
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)  # the focus moves on: the typing has ended
    assert (note_of(field) or "").startswith("typed.ics can't be read")
    field.edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    assert note_of(field) is None, "a note about the old text goes at once"


def _now() -> datetime:
    return NOW
