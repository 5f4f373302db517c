"""Starting the tray app: one instance per data folder, with clear words when something is off."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from reconnect.bootstrap import Context

log = logging.getLogger(__name__)


def run_tray(context: Context, out: TextIO, err: TextIO, open_dashboard: bool = False) -> int:
    """Run Reconnect in the tray until it is quit. Returns the exit status.

    A second start with the same data folder asks the running one to open its dashboard;
    ``open_dashboard`` opens it on a first start too.
    """
    from reconnect.cli.remote_commands import send
    from reconnect.core.control_protocol import server_name

    name = server_name(context.paths.root)
    answer = send(name, "open-dashboard", timeout_ms=2000)
    if answer is not None:
        print("Reconnect is already running; its dashboard is open.", file=out)
        return 0

    from PySide6.QtWidgets import QApplication

    from reconnect.bootstrap import build_tray_app

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Reconnect")
    app.setDesktopFileName("reconnect")
    app.setQuitOnLastWindowClosed(False)
    running = build_tray_app(context, app)
    if not running.server.listen():
        print("Reconnect is already running (it started a moment ago).", file=out)
        return 0
    for problem in running.problems:
        print(f"reconnect: {problem}", file=err)
    running.tray_app.start()
    if open_dashboard:
        running.tray_app.open_dashboard()
    ready_file = os.environ.get("RECONNECT_READY_FILE")  # for bench/bench_start.py
    if ready_file:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _tell_ready(ready_file))
    try:
        return app.exec()
    finally:
        running.close()


def _tell_ready(path: str) -> None:
    """Write the monotonic time once the event loop runs: the tray is shown, a break armed."""
    Path(path).write_text(f"{time.monotonic()}\n", encoding="utf-8")
