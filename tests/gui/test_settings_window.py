"""The settings window: each group's controls, refusals shown inline, Apply at work at once."""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.app.windows import Windows
from reconnect.core.break_planner import BreakPlanner
from reconnect.core.clock import FakeClock
from reconnect.core.control_protocol import decode_response, encode_request
from reconnect.core.library import Library
from reconnect.core.practice_loader import load_library
from reconnect.core.settings import BY_KEY, DECLARATIONS, Settings
from reconnect.desktop import autostart
from reconnect.desktop.busy import Busy
from reconnect.desktop.control_server import ControlServer
from reconnect.desktop.scheduler import BreakScheduler
from reconnect.desktop.sleep_watch import SleepWatch
from reconnect.paths import DataPaths, practices_dir, resolve_data_paths
from reconnect.services.breaks import BreakRecords
from reconnect.services.desktop_ports import AutostartError, AutostartState
from reconnect.services.rhythm import Rhythm
from reconnect.services.rhythm_ports import Desktop
from reconnect.settings_store import SettingsFile
from reconnect.ui.settings.hours_field import HoursField
from reconnect.ui.settings.settings_fields import IdsField, IntField
from reconnect.ui.settings.settings_window import (
    NOT_SAVED,
    SAVED,
    UNCHANGED,
    AutostartControls,
    SettingsWindow,
)
from reconnect.ui.settings.text_fields import TextField
from reconnect.ui.tray.prompt_window import PromptWindow
from reconnect.ui.tray.tray_app import TrayApp

BERLIN = ZoneInfo("Europe/Berlin")
TUESDAY_MORNING = datetime(2026, 11, 17, 9, 30, tzinfo=BERLIN)
GROUPS = ["Rhythm", "Practices", "Sound", "Appearance", "Start at login", "Privacy"]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(practices_dir())


@dataclass
class FakeAutostart:
    enabled: bool = False
    fail: str | None = None
    calls: list[str] = field(default_factory=list)

    def state(self) -> AutostartState:
        return AutostartState(self.enabled, "/home/me/.config/autostart/reconnect.desktop")

    def enable(self) -> AutostartState:
        self.calls.append("enable")
        if self.fail:
            raise AutostartError(self.fail)
        self.enabled = True
        return self.state()

    def disable(self) -> bool:
        self.calls.append("disable")
        self.enabled = False
        return True

    def controls(self) -> AutostartControls:
        return AutostartControls(self.state, self.enable, self.disable)


@dataclass
class Opened:
    """A settings window and everything it was handed, as recorders."""

    window: SettingsWindow
    saved: list[Settings]
    applied: list[bool]
    quit: list[bool]
    exported: list[QWidget]
    folders: list[Path]
    closed_database: list[bool]

    def field(self, key: str) -> object:
        return self.window.fields[key]


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return resolve_data_paths(tmp_path / "data", {})


@pytest.fixture
def open_window(qtbot: QtBot, library: Library, paths: DataPaths) -> Callable[..., Opened]:
    def make(
        settings: Settings | None = None,
        autostart_controls: AutostartControls | None = None,
        save: Callable[[Settings], None] | None = None,
        applied: Callable[[], object] | None = None,
        close_database: Callable[[], None] | None = None,
        open_practice_form: Callable[[], None] | None = None,
        choose_path: Callable[[QWidget, str, str], str | None] | None = None,
    ) -> Opened:
        saved: list[Settings] = []
        applied_calls: list[bool] = []
        quit_calls: list[bool] = []
        exported: list[QWidget] = []
        folders: list[Path] = []
        closed: list[bool] = []
        extra = {"choose_path": choose_path} if choose_path else {}
        window = SettingsWindow(
            settings or Settings(),
            library=library,
            paths=paths,
            save=save or saved.append,
            applied=applied or (lambda: applied_calls.append(True)),
            autostart=autostart_controls or FakeAutostart().controls(),
            close_database=close_database or (lambda: closed.append(True)),
            quit_app=lambda: quit_calls.append(True),
            export_history=exported.append,
            open_folder=folders.append,
            open_practice_form=open_practice_form,
            **extra,
        )
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return Opened(window, saved, applied_calls, quit_calls, exported, folders, closed)

    return make


def tab_titles(window: SettingsWindow) -> list[str]:
    return [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]


def interactive(window: QWidget) -> list[QWidget]:
    """The controls a person can reach, leaving out the parts inside compound controls."""
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QAbstractItemView)
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        parent = widget.parentWidget()
        inside = False
        while parent is not None and parent is not window:
            if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar)):
                inside = True
            parent = parent.parentWidget()
        if not inside and not isinstance(widget, QTabBar):
            found.append(widget)
    return found


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def control_of(widget: QWidget) -> QWidget:
    """The control a focused part belongs to (a spin box's text, a combo box's line)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return parent
        parent = parent.parentWidget()
    return widget


def type_into_spin(qtbot: QtBot, field: IntField, text: str) -> None:
    edit = field.spin.lineEdit()
    field.spin.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


# --- the groups and their controls ------------------------------------------------------


def test_every_group_is_there_with_its_settings(open_window: Callable[..., Opened]) -> None:
    window = open_window().window
    titles = tab_titles(window)
    assert [t for t in titles if t in GROUPS] == GROUPS
    assert set(window.fields) == set(BY_KEY)
    for setting in DECLARATIONS:
        page = titles[window.page_of(setting.key)]
        assert page.lower() == setting.group or page not in GROUPS
    rhythm = [s.key for s in DECLARATIONS if window.page_of(s.key) == 0]
    assert rhythm[:7] == [
        f"rhythm.{d}"
        for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    ]
    assert {"rhythm.interval_minutes", "rhythm.randomness_minutes", "rhythm.idle_minutes",
            "rhythm.busy_wait_minutes"} <= set(rhythm)  # fmt: skip


def test_every_control_has_a_name_a_description_and_a_label(
    open_window: Callable[..., Opened],
) -> None:
    window = open_window(open_practice_form=lambda: None).window
    for widget in interactive(window):
        assert widget.accessibleName().strip(), widget
    for setting in DECLARATIONS:
        field = window.fields[setting.key]
        for control in field.controls[:1] if isinstance(field, TextField) else field.controls:
            assert control.toolTip() == setting.description
            assert control.accessibleDescription() == setting.description
        if field.label is not None:
            assert field.label.buddy() is field.controls[0]
    names = {w.accessibleName() for w in interactive(window)}
    assert {
        "Monday: day off",
        "Monday: from",
        "Monday: until",
        "Time between breaks",
        "Practices to offer",
        "Choose: Your own practices folder",
        "Add your own practice",
        "Start Reconnect when I log in",
        "Open the folder",
        "Export my history",
        "Delete all my data",
        "OK",
        "Apply",
        "Cancel",
    } <= names


def test_values_are_shown_as_stored(open_window: Callable[..., Opened], library: Library) -> None:
    first = library.ids()[0]
    window = open_window(
        Settings(
            {
                "rhythm.friday": "09:00-13:00",
                "rhythm.monday": "",
                "rhythm.tuesday": "18:00-24:00",
                "rhythm.interval_minutes": 45,
                "practices.disabled": (first, "gone-practice"),
                "appearance.theme": "dark",
                "sound.chimes": False,
            }
        )
    ).window
    friday = window.fields["rhythm.friday"]
    assert isinstance(friday, HoursField)
    assert (friday.start.time(), friday.end.time()) == (QTime(9, 0), QTime(13, 0))
    monday = window.fields["rhythm.monday"]
    assert isinstance(monday, HoursField)
    assert monday.day_off.isChecked() and not monday.start.isEnabled()
    tuesday = window.fields["rhythm.tuesday"]
    assert isinstance(tuesday, HoursField)
    assert tuesday.end.time() == QTime(0, 0) and tuesday.value() == "18:00-24:00"
    assert window.fields["rhythm.interval_minutes"].value() == 45
    assert window.fields["appearance.theme"].value() == "dark"
    assert window.fields["sound.chimes"].value() is False
    offered = window.fields["practices.disabled"]
    assert isinstance(offered, IdsField)
    states = {i.data(Qt.ItemDataRole.UserRole): i.checkState() for i in offered.items()}
    assert states[first] == Qt.CheckState.Unchecked
    assert list(states.values()).count(Qt.CheckState.Unchecked) == 1
    assert offered.items()[0].toolTip().startswith("Offer this practice")
    assert offered.value() == ("gone-practice", first)  # an id not in the library is kept


# --- refusals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "typed"),
    [
        ("rhythm.interval_minutes", "5"),
        ("rhythm.interval_minutes", "241"),
        ("rhythm.randomness_minutes", "16"),
        ("rhythm.idle_minutes", "0"),
        ("rhythm.idle_minutes", "61"),
        ("rhythm.busy_wait_minutes", "121"),
    ],
)
def test_a_number_out_of_range_is_refused_inline(
    open_window: Callable[..., Opened], qtbot: QtBot, key: str, typed: str
) -> None:
    opened = open_window()
    window = opened.window
    field = window.fields[key]
    assert isinstance(field, IntField)
    window.tabs.setCurrentIndex(0)
    type_into_spin(qtbot, field, typed)
    window.fields["sound.chimes"].box.setChecked(False)  # a good change, not saved either
    window.apply_button.click()  # clicking takes the focus from the spin box first

    assert field.problem.isVisible()
    assert field.problem.text() == f"This can't be {typed}. {BY_KEY[key].description}"
    assert field.hint is not None and not field.hint.isVisible()
    assert opened.saved == [] and opened.applied == []
    assert window.status.text() == NOT_SAVED
    assert window.tabs.currentIndex() == 0
    assert control_of(window.focusWidget()) is field.spin
    assert field.spin.text() == f"{typed} min"  # kept as typed, not quietly changed


def test_the_arrows_keep_to_the_declared_range(
    open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    window = open_window(Settings({"rhythm.interval_minutes": 235})).window
    field = window.fields["rhythm.interval_minutes"]
    assert isinstance(field, IntField)
    field.spin.setFocus()
    qtbot.keyClick(field.spin, Qt.Key.Key_Up)
    assert field.spin.value() == 236
    qtbot.keyClick(field.spin, Qt.Key.Key_PageUp)
    assert field.spin.value() == 240
    qtbot.keyClick(field.spin, Qt.Key.Key_Up)
    assert field.spin.value() == 240
    field.spin.setValue(12)
    qtbot.keyClick(field.spin, Qt.Key.Key_PageDown)
    assert field.spin.value() == 10
    assert field.spin.declared == (10, 240)


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (QTime(9, 0), QTime(9, 0), "This can't be '09:00-09:00'"),
        (QTime(17, 30), QTime(17, 30), "This can't be '17:30-17:30'"),
    ],
)
def test_hours_that_start_and_end_at_once_are_refused(
    open_window: Callable[..., Opened], start: QTime, end: QTime, words: str
) -> None:
    opened = open_window()
    window = opened.window
    wednesday = window.fields["rhythm.wednesday"]
    assert isinstance(wednesday, HoursField)
    wednesday.start.setTime(start)
    wednesday.end.setTime(end)
    window.tabs.setCurrentIndex(3)
    window.ok_button.click()

    assert window.isVisible()  # OK stays open while a value is refused
    assert wednesday.problem.isVisible()
    assert wednesday.problem.text().startswith(words)
    assert wednesday.problem.text().endswith(BY_KEY["rhythm.wednesday"].description)
    assert opened.saved == [] and opened.applied == []
    assert window.tabs.currentIndex() == 0
    assert window.focusWidget() is wednesday.start


def test_an_hour_past_23_cannot_even_be_typed(
    open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    opened = open_window()
    monday = opened.window.fields["rhythm.monday"]
    assert isinstance(monday, HoursField)
    monday.end.setFocus()
    monday.end.setCurrentSection(monday.end.Section.HourSection)
    qtbot.keyClicks(monday.end, "25")
    assert monday.end.time().hour() <= 23
    assert BY_KEY["rhythm.monday"].parse(monday.value()) == monday.value()


def test_a_stored_hour_past_24_never_reaches_the_window(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"rhythm.monday": "09:00-25:00"}), encoding="utf-8")
    settings, problems = SettingsFile(file).load(TUESDAY_MORNING)
    assert settings["rhythm.monday"] == "09:00-17:30"
    assert "rhythm.monday can't be '09:00-25:00'" in problems[0]


def test_text_that_is_too_long_is_refused(open_window: Callable[..., Opened]) -> None:
    opened = open_window()
    music = opened.window.fields["practices.music"]
    assert isinstance(music, TextField)
    music.edit.setText("x" * 1001)
    opened.window.apply_button.click()
    assert music.problem.isVisible()
    assert music.problem.text().endswith(BY_KEY["practices.music"].description)
    assert opened.saved == []
    assert opened.window.tabs.currentIndex() == 1
    assert opened.window.focusWidget() is music.edit


def test_every_refused_value_is_shown_and_the_first_gets_the_focus(
    open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    opened = open_window()
    window = opened.window
    friday = window.fields["rhythm.friday"]
    assert isinstance(friday, HoursField)
    friday.start.setTime(QTime(17, 0))
    friday.end.setTime(QTime(17, 0))  # no time at all: refused (a night, 17:00-08:00, is not)
    interval = window.fields["rhythm.interval_minutes"]
    assert isinstance(interval, IntField)
    type_into_spin(qtbot, interval, "3")
    window.apply_button.click()
    assert friday.problem.isVisible() and interval.problem.isVisible()
    assert window.focusWidget() is friday.start
    assert opened.saved == []

    friday.end.setTime(QTime(21, 0))
    type_into_spin(qtbot, interval, "30")
    window.apply_button.click()
    assert not friday.problem.isVisible() and not interval.problem.isVisible()
    assert [s["rhythm.friday"] for s in opened.saved] == ["17:00-21:00"]
    assert opened.saved[0]["rhythm.interval_minutes"] == 30
    assert window.status.text() == SAVED


# --- applying -----------------------------------------------------------------------------


def test_apply_saves_a_new_interval_and_tells_the_app(
    open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    opened = open_window()
    interval = opened.window.fields["rhythm.interval_minutes"]
    assert isinstance(interval, IntField)
    type_into_spin(qtbot, interval, "45")
    with qtbot.waitSignal(opened.window.saved):
        opened.window.apply_button.click()
    assert [s.changed() for s in opened.saved] == [{"rhythm.interval_minutes": 45}]
    assert opened.applied == [True]
    assert opened.window.isVisible() and opened.window.status.text() == SAVED

    opened.window.apply_button.click()  # nothing changed since: nothing written again
    assert len(opened.saved) == 1 and opened.applied == [True]
    assert opened.window.status.text() == UNCHANGED


def test_ok_saves_and_closes_cancel_and_escape_save_nothing(
    open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    opened = open_window()
    opened.window.fields["sound.breath_tones"].box.setChecked(True)
    opened.window.ok_button.click()
    assert not opened.window.isVisible()
    assert [s.changed() for s in opened.saved] == [{"sound.breath_tones": True}]

    again = open_window()
    again.window.fields["sound.breath_tones"].box.setChecked(True)
    again.window.cancel_button.click()
    assert not again.window.isVisible() and again.saved == []

    third = open_window()
    third.window.fields["sound.breath_tones"].box.setChecked(True)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not third.window.isVisible() and third.saved == []


def test_a_save_that_fails_is_explained_and_the_app_is_not_told(
    open_window: Callable[..., Opened],
) -> None:
    def fail(_: Settings) -> None:
        raise PermissionError(13, "Permission denied")

    applied: list[bool] = []
    opened = open_window(save=fail, applied=lambda: applied.append(True))
    opened.window.fields["sound.chimes"].box.setChecked(False)
    opened.window.ok_button.click()
    assert opened.window.isVisible() and applied == []
    assert opened.window.status.text() == (
        "Your choices could not be saved (Permission denied). Nothing has changed."
    )


def test_practices_are_offered_or_not_with_a_tick(
    open_window: Callable[..., Opened], qtbot: QtBot, library: Library
) -> None:
    opened = open_window(Settings({"practices.disabled": ("gone-practice",)}))
    offered = opened.window.fields["practices.disabled"]
    assert isinstance(offered, IdsField)
    opened.window.tabs.setCurrentIndex(1)
    offered.list.setFocus()
    offered.list.setCurrentRow(1)
    qtbot.keyClick(offered.list.viewport(), Qt.Key.Key_Space)
    second = library.ids()[1]
    assert offered.items()[1].checkState() == Qt.CheckState.Unchecked
    opened.window.apply_button.click()
    assert opened.saved[-1]["practices.disabled"] == ("gone-practice", second)


def test_a_day_off_and_until_midnight(open_window: Callable[..., Opened]) -> None:
    opened = open_window()
    thursday = opened.window.fields["rhythm.thursday"]
    saturday = opened.window.fields["rhythm.saturday"]
    assert isinstance(thursday, HoursField) and isinstance(saturday, HoursField)
    thursday.day_off.setChecked(True)
    assert not thursday.start.isEnabled() and not thursday.end.isEnabled()
    saturday.day_off.setChecked(False)
    saturday.start.setTime(QTime(20, 0))
    saturday.end.setTime(QTime(0, 0))
    opened.window.apply_button.click()
    assert opened.saved[-1].changed() == {"rhythm.thursday": "", "rhythm.saturday": "20:00-24:00"}


def test_night_hours_from_evening_into_the_morning_are_saved(
    open_window: Callable[..., Opened],
) -> None:
    opened = open_window()
    monday = opened.window.fields["rhythm.monday"]
    assert isinstance(monday, HoursField)
    monday.start.setTime(QTime(19, 0))
    monday.end.setTime(QTime(8, 30))
    opened.window.apply_button.click()
    assert monday.problem.isHidden()
    assert opened.saved[-1].changed() == {"rhythm.monday": "19:00-08:30"}
    hints = [label.text() for label in opened.window.findChildren(QLabel)]
    assert any("like 19:00 until 08:30, runs into the next morning" in text for text in hints)


def test_choose_buttons_fill_in_the_path(
    open_window: Callable[..., Opened], tmp_path: Path
) -> None:
    asked: list[tuple[str, str]] = []
    chosen = tmp_path / "chosen"
    (chosen / "folder").mkdir(parents=True)
    (chosen / "music-file").write_bytes(b"OggS")  # music must be there to be saved

    def choose(parent: QWidget, kind: str, current: str) -> str | None:
        asked.append((kind, current))
        return None if kind == "music-folder" else f"{chosen}/{kind}"

    opened = open_window(choose_path=choose)
    own = opened.window.fields["practices.own_folder"]
    music = opened.window.fields["practices.music"]
    assert isinstance(own, TextField) and isinstance(music, TextField)
    assert own.choose_button is not None and music.choose_button is not None
    own.choose_button.click()
    assert own.edit.text() == f"{chosen}/folder"
    actions = music.choose_button.menu().actions()
    assert [a.text() for a in actions] == ["A music file…", "A folder of music…"]
    actions[0].trigger()
    assert music.edit.text() == f"{chosen}/music-file"
    actions[1].trigger()  # cancelled: the value stays
    assert music.edit.text() == f"{chosen}/music-file"
    assert asked == [
        ("folder", ""),
        ("music-file", ""),
        ("music-folder", f"{chosen}/music-file"),
    ]
    opened.window.apply_button.click()
    assert opened.saved[-1]["practices.own_folder"] == f"{chosen}/folder"
    assert opened.saved[-1]["practices.music"] == f"{chosen}/music-file"


def test_music_that_is_not_there_is_refused_inline_as_on_the_command_line(
    open_window: Callable[..., Opened], tmp_path: Path
) -> None:
    gone = tmp_path / "unplugged" / "song.ogg"
    opened = open_window()
    music = opened.window.fields["practices.music"]
    assert isinstance(music, TextField)
    music.edit.setText(str(gone))
    opened.window.apply_button.click()
    assert music.problem.isVisible()
    assert music.problem.text() == f"This can't be set: there is no file or folder at {gone}."
    assert opened.window.status.text() == NOT_SAVED and opened.saved == []
    assert opened.window.tabs.currentIndex() == 1
    assert opened.window.focusWidget() is music.edit

    gone.parent.mkdir()
    gone.write_bytes(b"OggS")  # the disk is back
    opened.window.apply_button.click()
    assert not music.problem.isVisible()
    assert [s["practices.music"] for s in opened.saved] == [str(gone)]


def test_music_already_chosen_but_away_does_not_hold_up_other_choices(
    open_window: Callable[..., Opened],
) -> None:
    away = "/media/usb/chills.ogg"
    opened = open_window(Settings({"practices.music": away, "practices.disabled": ("gone",)}))
    opened.window.fields["sound.chimes"].box.setChecked(False)
    opened.window.apply_button.click()
    assert opened.window.status.text() == SAVED
    assert opened.saved[-1].changed() == {
        "practices.music": away,
        "practices.disabled": ("gone",),
        "sound.chimes": False,
    }


def test_add_your_own_practice_only_when_the_form_is_there(
    open_window: Callable[..., Opened],
) -> None:
    assert open_window().window.add_practice_button is None
    opened_form: list[bool] = []
    window = open_window(open_practice_form=lambda: opened_form.append(True)).window
    assert window.add_practice_button is not None
    window.add_practice_button.click()
    assert opened_form == [True]


# --- the running app takes it up at once ---------------------------------------------------


@dataclass
class QuietNotifier:
    def notify(self, summary: str, body: str) -> bool:
        return True


@dataclass
class NeverBusy:
    def check(self) -> Busy:
        return Busy(False, "")

    def prepare(self) -> None: ...

    def release(self) -> None: ...


@dataclass
class Running:
    app: TrayApp
    context: bootstrap.Context
    quits: list[bool]


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[Running]:
    clock = FakeClock(TUESDAY_MORNING)
    quits: list[bool] = []
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    settings_file = SettingsFile(context.paths.settings_file)
    settings, _ = settings_file.load(clock.now())
    rng = random.Random(4)
    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    scheduler, sleep_watch = BreakScheduler(), SleepWatch(clock)
    rhythm = Rhythm(
        clock=clock,
        planner=BreakPlanner(settings.rhythm(), rng, clock.now()),
        library=context.library,
        history=BreakRecords(context.database().session_factory),
        settings=settings,
        rng=rng,
        desktop=Desktop(None, NeverBusy(), sleep_watch, QuietNotifier(), scheduler),
        load_settings=lambda: settings_file.load(clock.now()),
    )
    app = TrayApp(
        rhythm=rhythm,
        scheduler=scheduler,
        sleep_watch=sleep_watch,
        poll_timer=QTimer(),
        prompt=prompt,
        quit_app=lambda: quits.append(True),
        show_dashboard=lambda: None,
        open_settings=lambda: None,
        open_help=lambda: None,
    )
    app.start()
    yield Running(app, context, quits)
    app.poll_timer.stop()
    app.scheduler.shutdown()
    context.close()


def status_json(app: TrayApp) -> dict[str, object]:
    """What ``reconnect status --json`` prints: the control server's answer to "status"."""
    server = ControlServer("settings-window-test", app.rhythm)
    _command, line = server.answer(encode_request("status"))
    answer = decode_response(line)
    assert answer["ok"] is True
    return dict(answer["data"])


def test_a_new_interval_moves_the_next_break_without_a_restart(
    running: Running, open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    app, context = running.app, running.context
    assert status_json(app)["next_break_at"] == "2026-11-17T10:00:00+01:00"
    settings_file = SettingsFile(context.paths.settings_file)
    opened = open_window(
        app.rhythm.settings, save=settings_file.save, applied=app.rhythm.reload_settings
    )
    interval = opened.window.fields["rhythm.interval_minutes"]
    assert isinstance(interval, IntField)
    type_into_spin(qtbot, interval, "45")
    with qtbot.waitSignal(app.state_changed):
        opened.window.apply_button.click()

    assert status_json(app)["next_break_at"] == "2026-11-17T09:45:00+01:00"
    assert app.rhythm.status()["next_break_at"] == "2026-11-17T09:45:00+01:00"
    assert app.scheduler.armed_at == datetime(2026, 11, 17, 9, 45, tzinfo=BERLIN)
    stored = json.loads(context.paths.settings_file.read_text(encoding="utf-8"))
    assert stored == {"rhythm.interval_minutes": 45}


def test_the_tray_apps_settings_menu_opens_this_window(running: Running, qtbot: QtBot) -> None:
    windows = Windows(running.context)
    windows.connect_app(running.app)
    windows.show_settings()
    window = windows._open["settings"]
    assert isinstance(window, SettingsWindow)
    windows.show_settings()
    assert windows._open["settings"] is window  # one at a time
    interval = window.fields["rhythm.interval_minutes"]
    assert isinstance(interval, IntField)
    interval.spin.setValue(90)
    window.ok_button.click()
    # Closed is gone (not left to qtbot, which would close it again).
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))
    assert running.app.rhythm.status()["next_break_at"] == "2026-11-17T10:30:00+01:00"


def test_after_deleting_everything_the_app_closes_without_writing_again(
    running: Running, qtbot: QtBot
) -> None:
    app, root = running.app, running.context.paths.root
    windows = Windows(running.context)
    windows.connect_app(app)
    armed = app.scheduler.armed_at
    assert armed is not None
    app.rhythm.clock.advance(armed - app.rhythm.clock.now())  # type: ignore[attr-defined]
    app.scheduler.wakeup.emit()
    assert app.rhythm.current_prompt is not None  # a break is being offered
    windows.show_settings()
    window = windows._open["settings"]
    assert isinstance(window, SettingsWindow)
    window.privacy.delete_button.click()
    dialog = window.privacy.delete_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.word, "DELETE")
    dialog.delete_button.click()
    assert not root.exists()
    assert not app.poll_timer.isActive()
    dialog.close_button.click()
    qtbot.waitUntil(lambda: running.quits == [True])
    assert not root.exists()  # the offered break's answer was not written anywhere
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))  # closed with the app, and gone


# --- start at login --------------------------------------------------------------------------


@pytest.fixture
def login(tmp_path: Path) -> tuple[AutostartControls, Path]:
    environ = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    command = ["/opt/reconnect/bin/reconnect"]
    controls = AutostartControls(
        state=lambda: autostart.autostart_state(environ, "linux"),
        enable=lambda: autostart.enable(environ, "linux", command),
        disable=lambda: autostart.disable(environ, "linux"),
    )
    entry = tmp_path / "config" / "autostart" / f"{autostart.APP_ID}.desktop"
    return controls, entry


def test_start_at_login_writes_and_removes_the_entry(
    open_window: Callable[..., Opened], login: tuple[AutostartControls, Path]
) -> None:
    controls, entry = login
    opened = open_window(autostart_controls=controls)
    window = opened.window
    assert not window.login.box.isChecked()
    assert str(entry) in window.login.where.text()
    window.login.box.setChecked(True)
    window.apply_button.click()
    assert "Exec=/opt/reconnect/bin/reconnect" in entry.read_text(encoding="utf-8")
    assert window.status.text() == SAVED and opened.saved == []  # no setting changed

    again = open_window(autostart_controls=controls).window
    assert again.login.box.isChecked()
    again.login.box.setChecked(False)
    again.ok_button.click()
    assert not entry.exists() and not again.isVisible()


def test_an_entry_that_cannot_be_written_is_explained_there(
    open_window: Callable[..., Opened], login: tuple[AutostartControls, Path]
) -> None:
    controls, entry = login
    entry.parent.parent.mkdir(parents=True)
    entry.parent.write_text("not a folder", encoding="utf-8")
    opened = open_window(autostart_controls=controls)
    window = opened.window
    window.fields["sound.chimes"].box.setChecked(False)
    window.login.box.setChecked(True)
    window.ok_button.click()
    assert window.isVisible()
    assert window.login.problem.isVisible()
    assert "Could not write the login entry" in window.login.problem.text()
    assert tab_titles(window)[window.tabs.currentIndex()] == "Start at login"
    assert window.focusWidget() is window.login.box
    assert window.status.text().endswith("Your other choices are saved.")
    assert [s.changed() for s in opened.saved] == [{"sound.chimes": False}]


def test_an_entry_turned_off_by_the_desktop_is_said_so(
    open_window: Callable[..., Opened], login: tuple[AutostartControls, Path]
) -> None:
    controls, entry = login
    controls.enable()
    entry.write_text(
        entry.read_text(encoding="utf-8").replace("enabled=true", "enabled=false"),
        encoding="utf-8",
    )
    window = open_window(autostart_controls=controls).window
    assert not window.login.box.isChecked()
    assert "turned it off" in window.login.where.text()
    window.login.box.setChecked(True)
    window.apply_button.click()
    assert "X-GNOME-Autostart-enabled=true" in entry.read_text(encoding="utf-8")


# --- privacy -------------------------------------------------------------------------------


def test_privacy_shows_where_the_data_is(
    open_window: Callable[..., Opened], paths: DataPaths
) -> None:
    opened = open_window()
    window = opened.window
    assert window.privacy.paths_shown["Data folder"].text() == str(paths.root)
    assert window.privacy.paths_shown["History"].text() == str(paths.database_file)
    assert window.privacy.paths_shown["Settings"].text() == str(paths.settings_file)
    window.privacy.open_folder_button.click()
    window.privacy.export_button.click()
    assert opened.folders == [paths.root]
    assert opened.exported == [window]


def test_deleting_everything_needs_the_word_delete(
    open_window: Callable[..., Opened], qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    context.database()
    SettingsFile(context.paths.settings_file).save(Settings({"sound.chimes": False}))
    context.paths.own_practices.mkdir()
    (context.paths.own_practices / "mine.toml").write_text("id = 'mine'\n", encoding="utf-8")
    closed: list[bool] = []

    def close() -> None:
        closed.append(True)
        context.close()

    opened = open_window(close_database=close)
    window = opened.window
    window.privacy.delete_button.click()
    dialog = window.privacy.delete_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.word)
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.word, "delete")
    assert not dialog.delete_button.isEnabled()  # the word itself, in capitals
    dialog.word.clear()
    qtbot.keyClicks(dialog.word, "DELETE")
    assert dialog.delete_button.isEnabled()
    assert context.paths.root.exists() and closed == []

    dialog.delete_button.click()
    assert closed == [True]
    assert not context.paths.root.exists()
    assert dialog.report is not None and dialog.report.complete
    text = dialog.text.text()
    assert "Your history and check-ins" in text and "Your own practices: 1 file" in text
    assert "Reconnect closes now" in text
    assert opened.quit == []
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Space)
    assert opened.quit == [True]
    assert not window.isVisible() and window.deleted
    assert window.apply() is False
    assert not context.paths.root.exists()  # not even the settings file came back


def test_keeping_the_data_removes_nothing(
    open_window: Callable[..., Opened], qtbot: QtBot, paths: DataPaths
) -> None:
    paths.root.mkdir(parents=True)
    paths.settings_file.write_text("{}\n", encoding="utf-8")
    opened = open_window()
    opened.window.privacy.delete_button.click()
    dialog = opened.window.privacy.delete_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.word, "DELETE")
    qtbot.keyClick(dialog.word, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.report is None
    assert paths.settings_file.exists()
    assert opened.quit == [] and opened.closed_database == []
    assert opened.window.isVisible()


# --- the keyboard ------------------------------------------------------------------------------


def test_tab_walks_every_control_of_each_group_then_the_buttons(
    open_window: Callable[..., Opened], qtbot: QtBot
) -> None:
    window = open_window(open_practice_form=lambda: None).window
    buttons = window.buttons_in_order()
    for index, chain in enumerate(window.page_chains):
        window.tabs.setCurrentIndex(index)
        window.tabs.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: control_of(focused()) is window.tabs.tabBar())
        expected = [w for w in chain if w.isEnabled()] + buttons
        visited: list[QWidget] = []
        for _ in range(4 * len(expected)):
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
            control = control_of(focused())
            if control is window.tabs.tabBar():
                break  # round again
            if not visited or visited[-1] is not control:
                visited.append(control)  # Tab moves from hours to minutes inside a time
        assert visited == expected, tab_titles(window)[index]
        assert control_of(focused()) is window.tabs.tabBar()


def test_ctrl_tab_moves_between_groups(open_window: Callable[..., Opened], qtbot: QtBot) -> None:
    window = open_window().window
    window.fields["rhythm.monday"].day_off.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1


def test_problem_notes_are_quiet_labels(open_window: Callable[..., Opened], qtbot: QtBot) -> None:
    opened = open_window()
    field = opened.window.fields["rhythm.idle_minutes"]
    assert isinstance(field, IntField)
    type_into_spin(qtbot, field, "99")
    opened.window.apply_button.click()
    assert isinstance(field.problem, QLabel)
    assert field.problem.objectName() == "settingProblem"
    assert "red" not in opened.window.styleSheet().lower()
    assert field.problem.accessibleDescription() == field.problem.text()


def test_every_tab_has_a_title_of_its_own_and_a_key_of_its_own(
    open_window: Callable[..., Opened],
) -> None:
    from reconnect.ui.settings.settings_window import GROUP_TITLES

    assert {s.group for s in DECLARATIONS} <= set(GROUP_TITLES)
    window = open_window().window
    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(texts), texts
    assert len(set(keys)) == len(keys), texts
