"""Starting the tray app: one instance per data folder, with clear words when something is off."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reconnect.app.bootstrap import Context
from reconnect.app.tray import RunningApp
from reconnect.core.exit_codes import EXIT_FAILED, EXIT_OK
from reconnect.paths import DataFolderError
from reconnect.storage.problems import DatabaseProblem

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from reconnect.desktop.stop_signals import StopSignals
    from reconnect.ui.care.front_door import FrontDoor

log = logging.getLogger(__name__)

# How long a second start waits for the running app: it answers once its window has come to
# the front or its desktop kept it back (``bring_forward.ANSWER_WITHIN_MS``).
ASK_TIMEOUT_MS = 5000


def run_tray(context: Context, out: TextIO, err: TextIO, open_dashboard: bool = False) -> int:
    """Run Reconnect in the tray until it is quit. Returns the exit status.

    A second start with the same data folder asks the running one to come forward (its
    welcome while that is open, its small window where there is no tray, else its
    dashboard), or with ``open_dashboard`` to open its dashboard; ``open_dashboard`` opens
    it on a first start too, once the welcome is done.
    """
    from reconnect.core.control_address import server_name

    told = _ask_running_app(server_name(context.paths.root), open_dashboard)
    if told is not None:
        print(f"Reconnect is already running. {told}", file=out)
        return EXIT_OK

    from reconnect.desktop.crash_log import reporting_crashes

    with reporting_crashes(context.paths.logs, err) as reporter:
        return _run_app(context, out, err, open_dashboard, reporter.open_log)


def _run_app(
    context: Context,
    out: TextIO,
    err: TextIO,
    open_dashboard: bool,
    open_log: Callable[[], None] = lambda: None,
) -> int:
    """The app itself, its errors logged and told (see ``reconnect.desktop.crash_log``);
    ``open_log`` writes the start's held log records to the file, once the tray shows."""
    from PySide6.QtWidgets import QApplication

    from reconnect.app.tray import build_tray_app

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Reconnect")
    app.setDesktopFileName("reconnect")
    app.setQuitOnLastWindowClosed(False)
    from reconnect.ui.translations import install_translations

    install_translations(app)  # before any window is made: their texts are read once
    try:
        running = build_tray_app(context, app)
    except (DatabaseProblem, DataFolderError) as problem:
        # Started at login there is no terminal to read: the window says it too. Nothing in
        # the data folder was changed; the message says what to do.
        print(f"reconnect: {problem}", file=err)
        show_start_problem(str(problem))
        return EXIT_FAILED
    for settings_problem in running.problems:
        print(f"reconnect: {settings_problem}", file=err)
    running.start()
    from PySide6.QtCore import QTimer

    ready_file = os.environ.get("RECONNECT_READY_FILE")  # for bench/bench_start.py
    if ready_file:
        QTimer.singleShot(0, lambda: _tell_ready(ready_file))

    def failed(problem: Exception) -> None:
        print(f"reconnect: {problem}", file=err)
        show_start_problem(str(problem))
        app.exit(EXIT_FAILED)

    # Holds the welcome: a window without a parent lives as long as a reference.
    fronts: list[FrontDoor] = []
    stops: list[StopSignals] = []

    def after_tray() -> None:
        """Once the tray shows and the break is armed: the control socket (a Reconnect
        started a moment before this one wins) and the welcome, then the database, the
        practice files and the rest. The look waits for the first window or menu."""
        open_log()
        running.complete_desktop()  # idle detection and the busy check, before status is asked
        if not running.server.listen():
            print("Reconnect is already running (it started a moment ago).", file=out)
            app.exit(EXIT_OK)
            return
        if sys.platform != "win32":
            from reconnect.desktop.stop_signals import StopSignals

            # A logout, a closed terminal or Ctrl+C closes the app as its Quit does.
            stops.append(StopSignals(running.tray_app.rhythm.quit))
        if running.tray_unseen:  # before anyone asks its status
            running.look_for_tray()
        fronts.append(greet(context, running, open_dashboard))
        QTimer.singleShot(0, lambda: running.finish_start(err, failed))

    QTimer.singleShot(0, after_tray)
    try:
        return app.exec()
    finally:
        running.close()
        fronts.clear()
        for stop in stops:
            stop.close()


def show_start_problem(text: str) -> None:
    """Reconnect can't start: why, and what to do, in a window that waits to be read."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("Run", "Reconnect can't start")
    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.setObjectName("startProblem")
    box.setAccessibleName(title)
    box.setAccessibleDescription(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def _ask_running_app(name: str, open_dashboard: bool) -> str | None:
    """Ask the Reconnect running on ``name`` to come forward.

    Returns:
        What it did, in a sentence; None when no Reconnect answers there.
    """
    from reconnect.core.control_address import activation_token
    from reconnect.desktop.control_client import no_socket_file, send

    if no_socket_file(name):
        return None
    command = "open-dashboard" if open_dashboard else "show-controls"
    # The token lets the window come to the front; the answer waits until it is known
    # whether it did (``ANSWER_WITHIN_MS``).
    token = activation_token(os.environ)
    answer = send(name, command, timeout_ms=ASK_TIMEOUT_MS, activation_token=token)
    if answer is not None and not answer["ok"] and command == "show-controls":
        # A Reconnect started before an update, which does not know show-controls yet.
        answer = (
            send(name, "open-dashboard", timeout_ms=ASK_TIMEOUT_MS, activation_token=token)
            or answer
        )
    if answer is None:
        return None
    if answer["ok"]:
        return str(answer["message"])
    return f"It could not come forward: {answer['error']}"


def greet(context: Context, running: RunningApp, open_dashboard: bool = False) -> FrontDoor:
    """The welcome on a first run, then one line on where Reconnect lives; the dashboard when
    asked, never over an unread welcome. Returns the front door, which holds the welcome."""
    from reconnect.app.bring_forward import BringForward, front_door_target
    from reconnect.ui.care.front_door import FrontDoor

    front = FrontDoor(running.surface.widget, running.tray_app.rhythm.open_dashboard)
    running.server.set_front(
        front, BringForward(front_door_target(front, lambda: running.surface.widget))
    )
    welcome = _offer_first_run(context, running, tray_available=front.has_tray)
    if welcome is not None:
        front.welcome_first(welcome)
    if open_dashboard:
        front.open_dashboard()
    return front


def _offer_first_run(
    context: Context, running: RunningApp, tray_available: bool = True
) -> QDialog | None:
    """The welcome screens, once per data folder; afterwards the app reads its settings."""
    from reconnect.ui.care.first_run_marker import first_run_done

    if first_run_done(context.paths.root):  # the welcome's windows are then never loaded
        return None
    from reconnect.settings_store import SettingsFile
    from reconnect.ui.care.first_run import FirstRun

    tray_app = running.tray_app
    running.apply_look()
    dialog = FirstRun(
        context.paths.root,
        tray_app.rhythm.settings,
        SettingsFile(context.paths.settings_file).save,
        open_help=running.surface.widget.open_help.emit,
        tray_available=tray_available,
    )
    dialog.finished.connect(lambda _result: tray_app.rhythm.reload_settings())
    dialog.show()  # not modal: the tray stays usable while it is open
    return dialog


def _tell_ready(path: str) -> None:
    """Write the monotonic time once the event loop runs: the tray is shown, a break armed."""
    Path(path).write_text(f"{time.monotonic()}\n", encoding="utf-8")
