"""The first run: three skippable screens, the choices saved, and never shown twice."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QObject, Qt, QTime, Signal
from PySide6.QtWidgets import QApplication, QLabel, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from reconnect.core.clock import FakeClock
from reconnect.core.settings import Settings
from reconnect.settings_store import SettingsFile
from reconnect.ui.care.first_run import FIRST_RUN_MARKER, FirstRun, first_run_done
from tests.support.desktop import VirtualDesktop

Make = Callable[..., FirstRun]


@pytest.fixture
def settings_file(data_dir: Path) -> SettingsFile:
    return SettingsFile(data_dir / "settings.json")


@pytest.fixture
def make(qtbot: QtBot, data_dir: Path, settings_file: SettingsFile) -> Make:
    def build(
        settings: Settings | None = None,
        music: str | None = None,
        save: Callable[[Settings], None] | None = None,
    ) -> FirstRun:
        dialog = FirstRun(
            data_dir,
            settings or Settings(),
            save or settings_file.save,
            choose_music=lambda parent: music,
            open_help=lambda: None,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return build


def stored(settings_file: SettingsFile) -> dict[str, object]:
    if not settings_file.path.exists():
        return {}
    data = json.loads(settings_file.path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_three_screens_say_what_it_is_then_hours_then_music(make: Make) -> None:
    dialog = make()
    assert dialog.windowTitle() == "Welcome to Reconnect"
    assert dialog.pages.count() == 3
    welcome = " ".join(dialog.welcome_text.text().split())
    for words in ("not therapy", "not medical advice", "skipped", "leaves this computer"):
        assert words in welcome
    assert "Help and crisis support" in welcome
    assert dialog.step_label.text() == "1 of 3"
    assert dialog.skip_button.isVisible() and dialog.next_button.isVisible()
    assert not dialog.back_button.isVisible() and not dialog.done_button.isVisible()

    dialog.next_button.click()
    assert dialog.page_index == 1 and dialog.step_label.text() == "2 of 3"
    assert dialog.start_edit.time() == QTime(9, 0) and dialog.end_edit.time() == QTime(17, 30)
    assert dialog.skip_button.isVisible() and dialog.back_button.isVisible()

    dialog.next_button.click()
    assert dialog.page_index == 2 and dialog.step_label.text() == "3 of 3"
    assert dialog.done_button.isVisible() and not dialog.next_button.isVisible()
    assert dialog.skip_button.isVisible()
    assert dialog.music_label.text() == "No music chosen; that's fine."

    dialog.back_button.click()
    assert dialog.page_index == 1


def test_every_control_has_a_name_and_labels_have_buddies(make: Make) -> None:
    dialog = make()
    for page in range(3):
        dialog.pages.setCurrentIndex(page)
        for widget in dialog.findChildren(QWidget):
            focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
            control = widget.inherits("QAbstractButton") or widget.inherits("QAbstractSpinBox")
            if focusable and control and widget.isVisibleTo(dialog):
                assert widget.accessibleName(), widget


@pytest.mark.parametrize("page", [0, 1, 2])
def test_skip_on_any_screen_marks_it_done_and_changes_nothing(
    make: Make, data_dir: Path, settings_file: SettingsFile, page: int
) -> None:
    dialog = make()
    for _ in range(page):
        dialog.next_button.click()
    assert not first_run_done(data_dir)
    dialog.skip_button.click()
    assert not dialog.isVisible()
    assert dialog.result() == FirstRun.DialogCode.Rejected
    assert first_run_done(data_dir)
    assert stat.S_IMODE((data_dir / FIRST_RUN_MARKER).stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    # Hours reach the settings only once confirmed with Next; the defaults are not written.
    assert stored(settings_file) == {}


def test_escape_is_skip(qtbot: QtBot, make: Make, data_dir: Path) -> None:
    dialog = make()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert first_run_done(data_dir)


def test_done_saves_the_hours_for_the_workdays_and_the_music(
    qtbot: QtBot, make: Make, data_dir: Path, settings_file: SettingsFile, clock: FakeClock
) -> None:
    dialog = make(music="/home/me/Music/goosebumps.flac")
    dialog.next_button.click()
    dialog.start_edit.setTime(QTime(8, 15))
    dialog.end_edit.setTime(QTime(16, 0))
    dialog.next_button.click()
    dialog.choose_button.click()
    assert dialog.music_label.text() == "Chosen: goosebumps.flac"
    assert dialog.music_label.toolTip() == "/home/me/Music/goosebumps.flac"
    with qtbot.waitSignal(dialog.finished) as finished:
        dialog.done_button.click()
    assert finished.args == [FirstRun.DialogCode.Accepted.value]
    assert first_run_done(data_dir)

    settings, problems = settings_file.load(clock.now())
    assert problems == []
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday"):
        assert settings[f"rhythm.{day}"] == "08:15-16:00"
    assert settings["rhythm.saturday"] == "" and settings["rhythm.sunday"] == ""
    assert settings["practices.music"] == "/home/me/Music/goosebumps.flac"


def test_done_keeps_the_other_settings_and_music_can_stay_empty(
    make: Make, settings_file: SettingsFile
) -> None:
    before = (
        Settings()
        .with_value("rhythm.interval_minutes", 45)
        .with_value("rhythm.saturday", "10:00-12:00")
    )
    dialog = make(settings=before, music=None)
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.choose_button.click()  # the file dialog was closed without a choice
    dialog.done_button.click()
    assert stored(settings_file) == {
        "rhythm.interval_minutes": 45,
        "rhythm.saturday": "10:00-12:00",
    }


def test_music_can_be_chosen_and_cleared(make: Make, settings_file: SettingsFile) -> None:
    dialog = make(settings=Settings().with_value("practices.music", "/old.ogg"), music=None)
    dialog.next_button.click()
    dialog.next_button.click()
    assert dialog.music_label.text() == "Chosen: old.ogg"
    dialog.clear_button.click()
    assert not dialog.clear_button.isEnabled()
    dialog.done_button.click()
    assert "practices.music" not in stored(settings_file)


def test_an_end_equal_to_the_start_is_refused_gently(
    make: Make, data_dir: Path, settings_file: SettingsFile
) -> None:
    dialog = make()
    dialog.next_button.click()
    dialog.start_edit.setTime(QTime(18, 0))
    dialog.end_edit.setTime(QTime(18, 0))
    dialog.next_button.click()
    assert dialog.page_index == 1
    assert dialog.hours_problem.isVisible()
    assert dialog.hours_problem.text() == (
        "The day starts and ends at 18:00. Choose another end; one before the start runs into "
        "the next morning."
    )
    assert not first_run_done(data_dir)
    dialog.end_edit.setTime(QTime(22, 0))
    dialog.next_button.click()
    assert dialog.page_index == 2 and not dialog.hours_problem.isVisible()


def test_night_hours_from_evening_into_the_morning_are_kept(
    make: Make, settings_file: SettingsFile
) -> None:
    dialog = make()
    dialog.next_button.click()
    dialog.start_edit.setTime(QTime(19, 0))
    dialog.end_edit.setTime(QTime(8, 30))
    dialog.next_button.click()
    assert dialog.page_index == 2 and not dialog.hours_problem.isVisible()
    dialog.done_button.click()
    assert stored(settings_file) == {
        f"rhythm.{day}": "19:00-08:30"
        for day in ("friday", "monday", "thursday", "tuesday", "wednesday")
    }


def test_hours_confirmed_with_next_are_kept_when_the_music_is_skipped(
    make: Make, settings_file: SettingsFile
) -> None:
    dialog = make()
    dialog.next_button.click()
    dialog.start_edit.setTime(QTime(10, 0))
    dialog.next_button.click()
    dialog.skip_button.click()
    assert stored(settings_file) == {
        f"rhythm.{day}": "10:00-17:30"
        for day in ("friday", "monday", "thursday", "tuesday", "wednesday")
    }


def test_a_failed_save_is_said_and_the_dialog_stays(make: Make, data_dir: Path) -> None:
    def refuse(_settings: Settings) -> None:
        raise PermissionError(13, "Permission denied")

    dialog = make(save=refuse)
    dialog.next_button.click()
    dialog.next_button.click()
    dialog.done_button.click()
    assert dialog.isVisible()
    assert "couldn't be saved (Permission denied)" in dialog.save_problem.text()
    assert not first_run_done(data_dir)
    dialog.skip_button.click()
    assert first_run_done(data_dir)


def test_the_crisis_button_opens_help(qtbot: QtBot, data_dir: Path) -> None:
    opened: list[bool] = []
    dialog = FirstRun(data_dir, Settings(), lambda s: None, open_help=lambda: opened.append(True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.help_button.click()
    assert opened == [True]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_the_crisis_button_opens_help_as_space_does(
    qtbot: QtBot, data_dir: Path, key: Qt.Key
) -> None:
    opened: list[str] = []
    dialog = FirstRun(data_dir, Settings(), lambda s: None, open_help=lambda: opened.append("help"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.help_button.setFocus()
    qtbot.keyClick(dialog.help_button, Qt.Key.Key_Space)
    assert opened == ["help"]
    qtbot.keyClick(dialog.help_button, key)
    assert opened == ["help", "help"]
    assert dialog.page_index == 0  # Enter did not go on to the next screen
    # Enter anywhere else still goes on, as the default button says.
    dialog.next_button.setFocus()
    qtbot.keyClick(dialog.next_button, key)
    assert dialog.page_index == 1


def test_enter_on_skip_skips(qtbot: QtBot, make: Make, data_dir: Path) -> None:
    dialog = make()
    dialog.skip_button.setFocus()
    qtbot.keyClick(dialog.skip_button, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == FirstRun.DialogCode.Rejected
    assert first_run_done(data_dir)


@pytest.mark.parametrize(
    ("tray", "said", "unsaid"),
    [(True, "in your system tray", "small window"), (False, "small window", "tray")],
)
def test_the_welcome_says_where_help_is_on_this_desktop(
    qtbot: QtBot, data_dir: Path, tray: bool, said: str, unsaid: str
) -> None:
    dialog = FirstRun(data_dir, Settings(), lambda s: None, tray_available=tray)
    qtbot.addWidget(dialog)
    words = " ".join(dialog.welcome_text.text().split())
    assert "Help and crisis support" in words
    assert said in words and unsaid not in words
    if not tray:
        assert "menu" not in words


# --- the running app: shown once ------------------------------------------------------------


class FakeSurfaceWidget(QObject):
    open_help = Signal()


@pytest.fixture
def running(data_dir: Path) -> SimpleNamespace:
    reloads: list[bool] = []
    rhythm = SimpleNamespace(
        settings=Settings(), reload_settings=lambda: reloads.append(True) or "Settings applied."
    )
    tray_app = SimpleNamespace(rhythm=rhythm)
    widget = FakeSurfaceWidget()
    looks: list[bool] = []
    return SimpleNamespace(
        tray_app=tray_app,
        surface=SimpleNamespace(widget=widget),
        reloads=reloads,
        apply_look=lambda: looks.append(True),
        looks=looks,
    )


def test_the_app_offers_it_once_and_reads_the_settings_after(
    qtbot: QtBot, data_dir: Path, running: SimpleNamespace, clock: FakeClock
) -> None:
    from reconnect.app.bootstrap import build
    from reconnect.app.run import _offer_first_run

    context = build(str(data_dir), {}, clock)
    dialog = _offer_first_run(context, running)  # type: ignore[arg-type]
    assert isinstance(dialog, FirstRun)
    assert running.looks == [True]  # the welcome is the first window: the look comes first
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    dialog.next_button.click()
    dialog.start_edit.setTime(QTime(8, 0))
    dialog.next_button.click()
    dialog.done_button.click()
    assert running.reloads == [True]
    assert json.loads((data_dir / "settings.json").read_text())["rhythm.monday"] == "08:00-17:30"

    assert _offer_first_run(context, running) is None  # type: ignore[arg-type]
    assert not any(
        isinstance(w, FirstRun) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def visible_welcome(env: dict[str, str]) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "^Welcome to Reconnect$"],
        env=env,
        capture_output=True,
        text=True,
    )
    return bool(found.stdout.strip())


@pytest.mark.slow
def test_a_real_start_shows_it_once(qtbot: QtBot, tmp_path: Path) -> None:
    """The app itself: a new data folder gets the welcome; after Skip, a second start doesn't.

    On a display of its own: the window manager and the keys sent here would otherwise decide
    which window may take the focus in the tests that come after.
    """
    own = VirtualDesktop().start()
    own.start_tray()
    own.start_window_manager()
    with_tray = own
    data = tmp_path / "data"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RECONNECT_")},
        **with_tray.environment(),
        "RECONNECT_DATA_DIR": str(data),
    }

    log = (tmp_path / "app.log").open("w")

    def start() -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "reconnect"], env=env, stdout=log, stderr=log, text=True
        )

    def reconnect(*args: str) -> int:
        command = [sys.executable, "-m", "reconnect", *args]
        return subprocess.run(command, env=env, capture_output=True, timeout=60).returncode

    def stop(app: subprocess.Popen[str]) -> None:
        assert reconnect("quit") == 0
        assert app.wait(30) == 0

    def dashboard_shown() -> bool:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "^Reconnect: dashboard$"],
            env=env, capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        return bool(found.stdout.strip())

    app = start()
    try:
        qtbot.waitUntil(lambda: visible_welcome(env), timeout=30000)
        # `reconnect dashboard` meanwhile: the welcome stays in front, the dashboard waits.
        asked = subprocess.run(
            [sys.executable, "-m", "reconnect", "dashboard"],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert asked.returncode == 0
        assert "Its welcome is in front" in asked.stdout
        assert visible_welcome(env) and not dashboard_shown()
        # Escape on the welcome, as a person would; Qt may have more than one window by that
        # name for a moment, so each is tried until the welcome is done.
        for _ in range(20):
            found = subprocess.run(
                ["xdotool", "search", "--name", "^Welcome to Reconnect$"],
                env=env, capture_output=True, text=True, timeout=30, check=False,
            )  # fmt: skip
            for window in found.stdout.split():
                subprocess.run(
                    ["xdotool", "windowactivate", "--sync", window, "key", "Escape"],
                    env=env, capture_output=True, timeout=30, check=False,
                )  # fmt: skip
            if first_run_done(data):
                break
            qtbot.wait(250)
        qtbot.waitUntil(lambda: first_run_done(data), timeout=10000)
        assert not visible_welcome(env)
        qtbot.waitUntil(dashboard_shown, timeout=30000)  # asked for, once the welcome is done
        stop(app)

        app = start()
        qtbot.waitUntil(lambda: reconnect("status") == 0, timeout=30000)
        assert not visible_welcome(env)
        stop(app)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        log.close()
        own.stop()


def test_with_a_tray_the_welcome_comes_first_and_the_tray_then_says_where_it_lives(
    qtbot: QtBot, qapp: QApplication, with_tray: object, data_dir: Path, clock: FakeClock
) -> None:
    """``reconnect dashboard`` on a fresh data folder: the welcome, then the tray's note and
    the dashboard asked for."""
    import io

    from reconnect.app import bootstrap
    from reconnect.app import tray as app_tray
    from reconnect.app.run import greet
    from reconnect.ui.dashboard.dashboard_window import DashboardWindow

    def shown(kind: type[QWidget]) -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]

    def balloons() -> list[str]:
        return [
            " ".join(label.text() for label in w.findChildren(QLabel))
            for w in QApplication.topLevelWidgets()
            if w.inherits("QBalloonTip") and w.isVisible()
        ]

    # Qt learns of a tray host started after an earlier test through an X event.
    qtbot.waitUntil(QSystemTrayIcon.isSystemTrayAvailable)
    context = bootstrap.build(str(data_dir), {}, clock)
    running = app_tray.build_tray_app(context, qapp)
    running.start()
    running.finish_start(io.StringIO(), pytest.fail)
    front = greet(context, running, open_dashboard=True)
    try:
        [welcome] = shown(FirstRun)
        assert isinstance(welcome, FirstRun)
        assert "in your system tray" in " ".join(welcome.welcome_text.text().split())
        qtbot.waitExposed(welcome)
        assert not shown(DashboardWindow) and not balloons()

        welcome.next_button.click()
        welcome.next_button.click()
        welcome.done_button.click()
        qtbot.waitUntil(lambda: bool(shown(DashboardWindow)))
        qtbot.waitUntil(lambda: bool(balloons()))
        [note] = balloons()
        assert (
            "Reconnect is in your system tray, the small heart. Breaks will come on their own; "
            "the menu has everything else."
        ) in note
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, (FirstRun, DashboardWindow)) or widget.inherits("QBalloonTip"):
                widget.close()
        running.surface.widget.hide()
        running.tray_app.poll_timer.stop()
        running.tray_app.scheduler.shutdown()
        running.close()
        del front
