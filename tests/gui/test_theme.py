"""The calm look in light and dark: palettes, following the desktop, text size and contrast."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app import bootstrap
from reconnect.core.clock import FakeClock
from reconnect.core.practice_loader import load_library
from reconnect.core.practices import BreathPattern, Practice, Step, StepKind
from reconnect.core.settings import Settings
from reconnect.core.vocabulary import Place
from reconnect.paths import bundled_dir, illustrations_dir, practices_dir, resolve_data_paths
from reconnect.services.desktop_ports import AutostartState, MusicResult
from reconnect.ui.theme import (
    DARK,
    ILLUSTRATION_INK,
    LIGHT,
    TEMPLATE,
    Appearance,
    Scheme,
    apply_theme,
    contrast_ratio,
    illustration,
    render_stylesheet,
)

STYLES = bundled_dir("resources") / "styles"
NOW = datetime(2026, 11, 17, 14, 30, tzinfo=ZoneInfo("Europe/Berlin"))
Role = QPalette.ColorRole


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The application, given back afterwards with the palette, font and style it had."""
    palette, font, sheet = QPalette(qapp.palette()), qapp.font(), qapp.styleSheet()
    yield qapp
    found = qapp.findChild(QObject, Appearance.NAME)
    if found is not None:
        shiboken6.delete(found)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


class FakeDesktop:
    """The desktop's colour scheme, changed by the test; tells Qt's own signal."""

    def __init__(self, app: QApplication, scheme: Qt.ColorScheme) -> None:
        self.app = app
        self.scheme = scheme

    def __call__(self) -> Qt.ColorScheme:
        return self.scheme

    def switch(self, scheme: Qt.ColorScheme) -> None:
        self.scheme = scheme
        self.app.styleHints().colorSchemeChanged.emit(scheme)


def window_colours(app: QApplication) -> tuple[str, str]:
    palette = app.palette()
    return palette.color(Role.Window).name(), palette.color(Role.WindowText).name()


def test_light_and_dark_palettes_are_applied(app: QApplication) -> None:
    apply_theme(app, "dark", "system", STYLES)
    assert window_colours(app) == (DARK.window, DARK.text)
    assert app.palette().color(Role.Base).name() == DARK.surface
    assert DARK.accent in app.styleSheet() and "$" not in app.styleSheet()

    apply_theme(app, "light", "system", STYLES)
    assert window_colours(app) == (LIGHT.window, LIGHT.text)
    assert LIGHT.accent in app.styleSheet() and DARK.accent not in app.styleSheet()


def test_system_follows_the_desktop_and_its_changes(app: QApplication) -> None:
    desktop = FakeDesktop(app, Qt.ColorScheme.Light)
    appearance = apply_theme(app, "system", "system", STYLES, system_scheme=desktop)
    assert window_colours(app)[0] == LIGHT.window

    changes: list[str] = []
    appearance.changed.connect(changes.append)
    desktop.switch(Qt.ColorScheme.Dark)
    assert window_colours(app)[0] == DARK.window
    desktop.switch(Qt.ColorScheme.Unknown)  # many desktops don't say: light
    assert window_colours(app)[0] == LIGHT.window
    assert changes == ["dark", "light"]

    apply_theme(app, "dark", "system", STYLES)  # a choice made in settings stays
    desktop.switch(Qt.ColorScheme.Light)
    assert window_colours(app)[0] == DARK.window


def test_applying_the_same_look_again_changes_nothing(app: QApplication) -> None:
    appearance = apply_theme(app, "dark", "larger", STYLES)
    changes: list[str] = []
    appearance.changed.connect(changes.append)
    assert apply_theme(app, "dark", "larger", STYLES) is appearance
    assert changes == []
    apply_theme(app, "light", "larger", STYLES)
    assert changes == ["light"]


def test_text_size_scales_the_font_and_the_headings(app: QApplication, qtbot: QtBot) -> None:
    from reconnect.ui.tray.prompt_window import PromptWindow

    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    prompt = PromptWindow()
    qtbot.addWidget(prompt)

    def sizes() -> tuple[float, float]:
        title = prompt.findChild(QLabel, "practiceTitle")
        assert isinstance(title, QLabel)
        prompt.summary.ensurePolished()
        title.ensurePolished()
        return prompt.summary.font().pointSizeF(), title.font().pointSizeF()

    apply_theme(app, "light", "system", STYLES)
    body, heading = sizes()
    assert app.font().pointSizeF() == pytest.approx(system)
    assert heading == pytest.approx(body * 1.5, abs=0.1)

    apply_theme(app, "light", "larger", STYLES)
    assert app.font().pointSizeF() == pytest.approx(system * 1.15, abs=0.1)
    apply_theme(app, "light", "largest", STYLES)
    larger_body, larger_heading = sizes()
    assert larger_body == pytest.approx(body * 1.3, abs=0.1)
    assert larger_heading == pytest.approx(heading * 1.3, abs=0.2)

    apply_theme(app, "light", "system", STYLES)
    assert sizes() == (body, heading)


def test_the_running_app_takes_up_a_new_look_when_settings_are_applied(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    import random

    from PySide6.QtCore import QTimer

    from reconnect.core.break_planner import BreakPlanner
    from reconnect.desktop.busy import BusyDetector
    from reconnect.desktop.notifier import Notifier
    from reconnect.desktop.scheduler import BreakScheduler
    from reconnect.desktop.sleep_watch import SleepWatch
    from reconnect.services.breaks import BreakRecords
    from reconnect.services.rhythm import Rhythm
    from reconnect.services.rhythm_ports import Desktop
    from reconnect.ui.tray.prompt_window import PromptWindow
    from reconnect.ui.tray.tray_app import TrayApp

    clock = FakeClock(NOW)
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    stored = [Settings().with_value("appearance.theme", "dark")]

    def apply_appearance(chosen: Settings) -> None:
        apply_theme(app, chosen["appearance.theme"], chosen["appearance.text_size"], STYLES)

    prompt = PromptWindow()
    qtbot.addWidget(prompt)
    rng = random.Random(1)
    scheduler, sleep_watch = BreakScheduler(), SleepWatch(clock)
    rhythm = Rhythm(
        clock=clock,
        planner=BreakPlanner(Settings().rhythm(), rng, clock.now()),
        library=context.library,
        history=BreakRecords(context.database().session_factory),
        settings=Settings(),
        rng=rng,
        desktop=Desktop(None, BusyDetector(), sleep_watch, Notifier(), scheduler),
        load_settings=lambda: (stored[0], []),
        settings_applied=apply_appearance,
    )
    tray_app = TrayApp(
        rhythm=rhythm,
        scheduler=scheduler,
        sleep_watch=sleep_watch,
        poll_timer=QTimer(),
        prompt=prompt,
        quit_app=lambda: None,
        show_dashboard=lambda: None,
        open_settings=lambda: None,
        open_help=lambda: None,
    )
    try:
        assert tray_app.rhythm.reload_settings() == "Settings applied."
        assert window_colours(app)[0] == DARK.window
        stored[0] = Settings({"appearance.theme": "light", "appearance.text_size": "largest"})
        tray_app.rhythm.reload_settings()
        assert window_colours(app)[0] == LIGHT.window
        system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        assert app.font().pointSizeF() == pytest.approx(system.pointSizeF() * 1.3, abs=0.1)
    finally:
        tray_app.scheduler.shutdown()
        context.close()


# Text on its usual backgrounds, each at least 4.5:1 (WCAG AA for body text).
TEXT_PAIRS = [
    ("text", "window"),
    ("text", "surface"),
    ("text", "alternate"),
    ("text", "control"),
    ("text", "control_hover"),
    ("text", "problem"),
    ("strong", "window"),
    ("strong", "chip"),
    ("quiet", "window"),
    ("quiet", "surface"),
    ("heading", "window"),
    ("heading", "surface"),
    ("on_accent", "accent"),
    ("on_accent", "accent_hover"),
]
# Edges a control is found by, at least 3:1 (WCAG non-text contrast).
EDGE_PAIRS = [
    ("edge", "window"),
    ("edge", "surface"),
    ("focus", "window"),
    ("focus", "control"),
    ("focus_strong", "window"),  # around the accent-coloured button
]


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_and_edges_are_readable(scheme: Scheme) -> None:
    colours = scheme.colours()
    weak = [
        (fore, back, round(contrast_ratio(colours[fore], colours[back]), 2))
        for pairs, least in ((TEXT_PAIRS, 4.5), (EDGE_PAIRS, 3.0))
        for fore, back in pairs
        if contrast_ratio(colours[fore], colours[back]) < least
    ]
    assert weak == []


def test_contrast_ratio_matches_the_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_dark_is_warm_and_low_glare() -> None:
    window, text = QColor(DARK.window), QColor(DARK.text)
    assert window != QColor("#000000") and 0.08 < window.lightnessF() < 0.2
    assert window.red() >= window.blue()  # warm, not blue-grey
    assert text.lightnessF() < 0.95  # off-white, not pure white


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_problem_notes_are_calm_not_red(app: QApplication, scheme: Scheme) -> None:
    sheet = render_stylesheet((STYLES / TEMPLATE).read_text("utf-8"), scheme, app.font(), STYLES)
    assert "red" not in sheet.lower()
    # The note's words are the body text; only a warm line beside them marks it.
    note = sheet.split("QLabel#careProblem {", 1)[1].split("}", 1)[0]
    assert f"color: {scheme.text};" in note
    line = QColor(scheme.problem_line)
    assert line.hslHue() > 15 and line.hslSaturationF() < 0.6  # terracotta, not alarm red


def test_illustrations_are_drawn_in_lines_that_show_on_either_paper() -> None:
    pictures = sorted(illustrations_dir().glob("*.svg"))
    assert pictures
    for path in pictures:
        assert ILLUSTRATION_INK in path.read_text("utf-8"), path.name
        assert bytes(illustration(path, LIGHT).data()) == path.read_bytes()
        dark = bytes(illustration(path, DARK).data()).decode()
        assert ILLUSTRATION_INK not in dark and DARK.quiet in dark
    assert contrast_ratio(ILLUSTRATION_INK, LIGHT.window) >= 3
    assert contrast_ratio(DARK.quiet, DARK.window) >= 3
    assert illustration(Path("no-such-picture.svg"), DARK).isEmpty()


# --- every main window under the dark look ----------------------------------------------


class QuietSound:
    def play_chime(self, name: str) -> None:
        pass

    def play_music(self, path: Path) -> MusicResult:
        return MusicResult(False, "No music in these tests.")

    def stop_music(self) -> None:
        pass

    def end_practice(self, completed: bool) -> None:
        pass

    def take_notice(self) -> None:
        return None

    def music_playing(self) -> bool:
        return False


def make_prompt(tmp_path: Path) -> QWidget:
    from reconnect.ui.tray.prompt_window import Offer, PromptWindow

    prompt = PromptWindow()
    prompt.show_offer(
        Offer(
            "hand-on-heart",
            "Hand on heart",
            "Rest a hand on your chest.",
            2,
            ("touch", "breath"),
            "at the desk",
        ),
        None,
    )
    return prompt


def make_player(tmp_path: Path) -> QWidget:
    from reconnect.ui.practice.player_window import PlayerWindow

    steps = (
        Step("Breathe slowly.", 20, StepKind.BREATH, BreathPattern(4, 0, 6, 0)),
        Step("Tilt your head.", 15, StepKind.STRETCH, illustration="neck-side-tilt"),
    )
    practice = Practice("test", "A slower breath", "s", ("breath",), Place.DESK, steps)
    player = PlayerWindow(
        practice,
        FakeClock(NOW),
        QuietSound(),
        illustrations_dir(),
        False,
        lambda: None,
        lambda: None,
    )
    player.tick_timer.stop()
    return player


def make_checkin(tmp_path: Path) -> QWidget:
    from reconnect.ui.practice.checkin_dialog import CheckInDialog

    return CheckInDialog("Hand on heart", lambda answer: None)


def make_settings(tmp_path: Path) -> QWidget:
    from reconnect.ui.settings.settings_pages import AutostartControls
    from reconnect.ui.settings.settings_window import SettingsWindow

    state = AutostartState(False, str(tmp_path / "reconnect.desktop"))
    return SettingsWindow(
        Settings(),
        library=load_library(practices_dir()),
        paths=resolve_data_paths(tmp_path / "data", {}),
        save=lambda settings: None,
        applied=lambda: None,
        autostart=AutostartControls(lambda: state, lambda: state, lambda: False),
        close_database=lambda: None,
        quit_app=lambda: None,
        open_folder=lambda folder: None,
    )


def make_dashboard(tmp_path: Path) -> QWidget:
    from reconnect.core.spark_stats import compute
    from reconnect.services.dashboard import DashboardReader
    from reconnect.services.history_edits import HistoryBook
    from reconnect.ui.dashboard.dashboard_window import DashboardActions, DashboardWindow
    from reconnect.ui.dashboard.history_page import HistoryPage
    from reconnect.ui.dashboard.library_page import LibraryPage

    context = bootstrap.build(str(tmp_path / "data"), {}, FakeClock(NOW))
    factory = context.database().session_factory
    library = context.library
    actions = DashboardActions(
        today=lambda: NOW.date(),
        export_history=lambda parent: None,
        import_history=lambda parent: False,
        open_help=lambda: None,
        make_history_page=lambda: HistoryPage(
            HistoryBook(factory), {p.id: p.title for p in library}
        ),
        make_library_page=lambda: LibraryPage(library, lambda: None),
        compute_report=lambda counts, deliver: deliver(compute(counts)),
    )
    window = DashboardWindow(DashboardReader(factory), actions)
    window.destroyed.connect(context.close)
    return window


def make_help(tmp_path: Path) -> QWidget:
    from reconnect.ui.care.help_dialog import HelpDialog

    return HelpDialog(trusted_contact="Sam, 0151 234 5678", country="DE")


def make_first_run(tmp_path: Path) -> QWidget:
    from reconnect.ui.care.first_run import FirstRun

    return FirstRun(tmp_path, Settings(), lambda settings: None)


def make_practice_form(tmp_path: Path) -> QWidget:
    from reconnect.ui.settings.practice_form import PracticeForm

    return PracticeForm(tmp_path / "own", load_library(practices_dir()))


WINDOWS: dict[str, Callable[[Path], QWidget]] = {
    "prompt": make_prompt,
    "player": make_player,
    "check-in": make_checkin,
    "settings": make_settings,
    "dashboard": make_dashboard,
    "help": make_help,
    "first run": make_first_run,
    "practice form": make_practice_form,
}


def lightness(colour: QColor) -> float:
    return colour.lightnessF()


@pytest.mark.parametrize("name", list(WINDOWS))
def test_each_window_is_dark_under_the_dark_look(
    app: QApplication, qtbot: QtBot, tmp_path: Path, name: str
) -> None:
    apply_theme(app, "dark", "system", STYLES)
    window = WINDOWS[name](tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    counts: Counter[int] = Counter()
    light = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            colour = image.pixelColor(x, y)
            counts[colour.rgb()] += 1
            light += colour.lightnessF() > 0.8
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    text = window.palette().color(Role.WindowText)
    assert lightness(background) < 0.25 < lightness(text)
    assert contrast_ratio(background.name(), text.name()) >= 4.5
    # Nothing left in the light look: light pixels are only the strokes of the words.
    assert light / counts.total() < 0.08
