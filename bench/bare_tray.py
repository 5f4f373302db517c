"""The baselines of the start and idle benchmarks: a bare PySide6 app that only shows a tray icon.

It writes the monotonic time to ``RECONNECT_READY_FILE`` once its event loop runs, exactly
as Reconnect does when asked to, and then waits until it is ended.

With ``--apscheduler`` it is the floor of the mandated stack: once the icon is shown it imports
APScheduler's Qt scheduler and date trigger, starts the scheduler and arms one job an hour
ahead (as Reconnect must arm its next break with APScheduler), and only then says it is ready.

    python bench/bare_tray.py ICON [--apscheduler]
"""

import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

WITH_SCHEDULER = "--apscheduler"


def _tell_ready(path: str) -> None:
    Path(path).write_text(f"{time.monotonic()}\n", encoding="utf-8")


def _break_due() -> None:
    """The job; an hour away, so it never runs while a benchmark watches."""


def _arm_one_job() -> object:
    # Imported once the icon is shown: all this costs beyond the bare app is APScheduler.
    from apscheduler.schedulers.qt import QtScheduler  # type: ignore[import-untyped]
    from apscheduler.triggers.date import DateTrigger  # type: ignore[import-untyped]

    scheduler = QtScheduler(timezone=UTC)
    scheduler.start()
    scheduler.add_job(_break_due, DateTrigger(datetime.now(UTC) + timedelta(hours=1), timezone=UTC))
    return scheduler


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    tray = QSystemTrayIcon(QIcon(sys.argv[1]))
    tray.show()
    scheduler = _arm_one_job() if WITH_SCHEDULER in sys.argv[2:] else None
    ready_file = os.environ.get("RECONNECT_READY_FILE")
    if ready_file:
        QTimer.singleShot(0, lambda: _tell_ready(ready_file))
    try:
        return app.exec()
    finally:
        del scheduler


if __name__ == "__main__":
    sys.exit(main())
