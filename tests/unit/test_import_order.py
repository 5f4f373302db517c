"""PySide6's ``__feature__`` import hook is taken out as soon as ``reconnect.ui`` loads, which
is safe only while no module of Reconnect opts into a PySide6 feature."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import reconnect

SOURCES = Path(reconnect.__file__).parent

CHECK = """
import builtins, linecache, sys
import reconnect
own_import = builtins.__import__
import PySide6.QtCore
hooked = builtins.__import__ is not own_import
import reconnect.ui
def kept():
    return sum(len(entry) == 4 and entry[1] is not None for entry in linecache.cache.values())
before = kept()
import reconnect.ui.tray.tray_app, reconnect.ui.dashboard.dashboard_window, PySide6.QtCharts
import sqlalchemy.orm
print(hooked, builtins.__import__ is own_import, kept() - before)
"""


def test_reconnect_ui_puts_pythons_own_import_back_for_good() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    # PySide6 did install its hook; after reconnect.ui it is gone, and later imports (more of
    # PySide6, the windows, SQLAlchemy) leave no source lines behind.
    assert done.stdout.split() == ["True", "True", "0"]


def test_no_module_uses_a_pyside6_feature() -> None:
    opting_in = re.compile(r"^\s*(from __feature__ import|import __feature__)", re.MULTILINE)
    users = [
        str(path.relative_to(SOURCES))
        for path in sorted(SOURCES.rglob("*.py"))
        if opting_in.search(path.read_text(encoding="utf-8"))
    ]
    assert users == [], "these use PySide6's features; its import hook is taken out"
