"""The baseline of the start benchmark: a bare PySide6 app that only shows a tray icon.

It writes the monotonic time to ``RECONNECT_READY_FILE`` once its event loop runs, exactly
as Reconnect does when asked to, and then waits until it is ended.

    python bench/bare_tray.py ICON
"""

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon


def _tell_ready(path: str) -> None:
    Path(path).write_text(f"{time.monotonic()}\n", encoding="utf-8")


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    tray = QSystemTrayIcon(QIcon(sys.argv[1]))
    tray.show()
    ready_file = os.environ.get("RECONNECT_READY_FILE")
    if ready_file:
        QTimer.singleShot(0, lambda: _tell_ready(ready_file))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
