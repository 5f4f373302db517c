"""Days of use keep memory flat: what the soak benchmark found growing with every practice and
every window opened, each repeated here until it would show.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMetaObject
from PySide6.QtGui import QColor, QPixmap, QPixmapCache
from PySide6.QtWidgets import QApplication, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from reconnect.app.debug_control import DebugControl
from reconnect.core.clock import FakeClock
from reconnect.core.practices import BreathPattern, Practice, Step, StepKind
from reconnect.core.vocabulary import Place
from reconnect.paths import bundled_dir, illustrations_dir
from reconnect.services.desktop_ports import MusicResult
from reconnect.ui.practice.player_window import PlayerWindow
from reconnect.ui.theme import apply_theme

NOW = datetime(2026, 11, 17, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
STYLES = bundled_dir("resources") / "styles"
PRACTICE = Practice(
    "test", "A test practice", "s", ("touch",), Place.DESK,
    (Step("Breathe slowly.", 20, StepKind.BREATH, BreathPattern(4, 0, 6, 0)),),
)  # fmt: skip


class QuietSound:
    def play_chime(self, name: str) -> None:
        pass

    def play_music(self, path: Path) -> MusicResult:
        return MusicResult(False, "no music here")

    def stop_music(self) -> None:
        pass

    def music_playing(self) -> bool:
        return False

    def end_practice(self, completed: bool) -> None:
        pass

    def take_notice(self) -> str | None:
        return None


def _connections() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if type(thing) is QMetaObject.Connection)


def _open_and_close_a_player(qtbot: QtBot) -> None:
    window = PlayerWindow(
        PRACTICE, FakeClock(NOW), QuietSound(), illustrations_dir(), False,  # type: ignore[arg-type]
        lambda: None, lambda: None,
    )  # fmt: skip
    window.tick_timer.stop()
    window.show()
    qtbot.waitExposed(window)
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_practice_leaves_no_connection_behind(qtbot: QtBot) -> None:
    # Each player's keyboard shortcuts once left a connection alive for the rest of the run.
    _open_and_close_a_player(qtbot)
    before = _connections()
    for _ in range(30):
        _open_and_close_a_player(qtbot)
    assert _connections() == before


@pytest.fixture
def pixmap_cache(qapp: QApplication) -> Iterator[None]:
    """Qt's cache of drawn pieces and the look, given back afterwards as they were."""
    palette, font, sheet = qapp.palette(), qapp.font(), qapp.styleSheet()
    limit = QPixmapCache.cacheLimit()
    yield
    QPixmapCache.clear()
    QPixmapCache.setCacheLimit(limit)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.mark.usefixtures("pixmap_cache")
def test_pieces_drawn_for_closed_windows_are_not_kept_by_the_megabyte(qapp: QApplication) -> None:
    # The style keys what it draws by each window's palettes, new for every window under the
    # style sheet: what it kept for the dashboard, the player and the check-in once closed
    # was never used again, and grew to Qt's 10 MB over days of windows.
    apply_theme(qapp, "light", "system", STYLES)
    QPixmapCache.clear()
    piece = QPixmap(256, 256)  # 256 kB
    piece.fill(QColor("white"))
    for number in range(16):  # 4 MB of pieces, the oldest first
        assert QPixmapCache.insert(f"closed-window-{number}", piece)
    assert QPixmapCache.find("closed-window-0") is None, "4 MB of drawn pieces were all kept"
    assert QPixmapCache.find("closed-window-15") is not None


def test_counting_live_qt_objects_again_and_again_keeps_the_count_flat(qtbot: QtBot) -> None:
    # The soak counts every few minutes; the gestures of every list it had counted once stayed
    # as wrappers after Qt deleted them, and the count of wrappers grew by itself.
    debug = DebugControl(running=None, windows=None, app=QApplication.instance())

    def a_list_shown_and_gone() -> dict[str, int]:
        view = QListWidget()
        view.addItems(["one", "two"])
        view.show()
        qtbot.waitExposed(view)
        counts = debug.counts()
        view.close()
        view.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return counts

    a_list_shown_and_gone()
    first = a_list_shown_and_gone()
    for _ in range(30):
        last = a_list_shown_and_gone()
    assert last["wrappers"] - first["wrappers"] <= 0


@pytest.mark.usefixtures("pixmap_cache")
def test_a_closed_window_takes_the_pieces_drawn_for_it_along_and_gives_memory_back(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Under the cache's limit, the pieces drawn for closed windows were still kept until the
    # limit was reached: about 2 MB of the soak's growth after its first hour. What the
    # window freed, glibc kept: given back a moment after it is gone.
    from reconnect.app import bootstrap
    from reconnect.app import windows as windows_module
    from reconnect.app.windows import Windows
    from reconnect.desktop import memory

    given: list[bool] = []
    monkeypatch.setattr(memory, "give_back_free_memory", lambda: given.append(True) or True)
    monkeypatch.setattr(windows_module, "GIVE_BACK_AFTER_MS", 10)

    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        windows = Windows(context)
        windows.show_help()
        window = windows.open_window("help")
        assert window is not None
        qtbot.waitExposed(window)
        piece = QPixmap(16, 16)
        piece.fill(QColor("white"))
        assert QPixmapCache.insert("drawn-for-the-help-window", piece)
        window.close()  # deleted on close
        qtbot.waitUntil(lambda: windows.open_window("help") is None, timeout=5000)
        assert QPixmapCache.find("drawn-for-the-help-window") is None
        qtbot.waitUntil(lambda: given == [True], timeout=3000)
    finally:
        context.close()


def _names_of_drawn_pieces_kept() -> int | None:
    """How many names of drawn pieces Qt's styles remember (a private set of Qt 6.8 and
    later, read through its symbol); None where there is no such set."""
    import ctypes

    import PySide6

    library = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Widgets.so.6"
    try:
        names = ctypes.c_void_p.in_dll(
            ctypes.CDLL(library), "_ZN14QCachedPainter17s_pixmapCacheKeysE"
        )
    except (OSError, ValueError):
        return None
    # A QSet holds one pointer to its data: a reference count, then the number of entries.
    return 0 if not names.value else ctypes.c_size_t.from_address(names.value + 8).value


@pytest.mark.usefixtures("pixmap_cache")
def test_the_names_of_pieces_drawn_for_closed_windows_go_with_them(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    # Qt's styles remember the name of every piece they drew and put in the cache, so they
    # can take them out again when the palette changes: emptying the cache left the names.
    # Under the style sheet every window's palettes are new, and so are its pieces' names:
    # about 0.4 MB more over the soak's working week of settings and dashboards.
    from reconnect.app import bootstrap
    from reconnect.app.windows import Windows

    if _names_of_drawn_pieces_kept() is None:
        pytest.skip("this Qt keeps no set of names of drawn pieces")
    apply_theme(QApplication.instance(), "light", "system", STYLES)  # type: ignore[arg-type]
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    try:
        windows = Windows(context)
        kept = []
        for _ in range(3):
            windows.show_settings()
            window = windows.open_window("settings")
            assert window is not None
            qtbot.waitExposed(window)
            window.grab()  # every control drawn
            window.close()  # deleted on close
            qtbot.waitUntil(lambda: windows.open_window("settings") is None, timeout=5000)
            kept.append(_names_of_drawn_pieces_kept())
        assert kept == [0, 0, 0]
    finally:
        context.close()


@pytest.mark.usefixtures("pixmap_cache")
def test_what_the_style_sheet_worked_out_for_closed_windows_is_let_go(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Qt's style sheet kept part of what it worked out for the controls of every closed
    # window: about 19 kB a settings window, for as long as the app ran.
    from reconnect.app import bootstrap
    from reconnect.app import windows as windows_module
    from reconnect.app.debug_control import malloc_figures_kb
    from reconnect.app.windows import Windows
    from reconnect.desktop.memory import give_back_free_memory
    from reconnect.ui.theme import TRAY_ICON_WINDOW, forget_rules_of_closed_windows

    if not malloc_figures_kb():
        pytest.skip("glibc's heap figures are not there to read")
    monkeypatch.setattr(windows_module, "GIVE_BACK_AFTER_MS", 10)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light", "system", STYLES)
    context = bootstrap.build(str(tmp_path / "data"), {}, clock)
    tray_icon_window = QWidget()  # on X11, Qt shows the tray icon in a window of its own
    tray_icon_window.setObjectName(TRAY_ICON_WINDOW)
    tray_icon_window.show()
    try:
        windows = Windows(context)

        def settings_shown_and_closed() -> None:
            windows.show_settings()
            window = windows.open_window("settings")
            assert window is not None
            qtbot.waitExposed(window)
            window.grab()  # every control drawn
            assert not forget_rules_of_closed_windows(app), "styled again while showing"
            window.close()  # deleted on close; the rules let go a moment later
            qtbot.waitUntil(lambda: windows.open_window("settings") is None, timeout=5000)
            qtbot.waitUntil(lambda: not windows_module._giving_back, timeout=3000)

        def in_use_kb() -> int:
            give_back_free_memory()
            return malloc_figures_kb()["malloc_in_use_kb"]

        for _ in range(3):
            settings_shown_and_closed()
        before = in_use_kb()
        for _ in range(10):
            settings_shown_and_closed()
        assert in_use_kb() - before < 80  # 190 kB when the rules stayed
    finally:
        tray_icon_window.close()
        context.close()


def test_the_soak_can_name_what_python_still_holds_of_what_it_allocated(
    qapp: QApplication,
) -> None:
    """``debug trace-start`` and ``trace-top`` (for ``bench_soak --trace-python``): what Python
    allocated since the start and still holds, by place, the largest first; then it stops."""
    import tracemalloc

    from reconnect.core.errors import InputError

    control = DebugControl(None, None, qapp)
    with pytest.raises(InputError, match="trace-start"):
        control("trace-top")
    control("trace-start")
    kept = [f"a line kept {n}" * 4 for n in range(20_000)]  # held until the end: found
    _, found = control("trace-top")
    assert not tracemalloc.is_tracing()
    assert found["kb"] >= 1000
    assert "test_days_of_use.py" in found["top"][0]
    assert len(kept) == 20_000
