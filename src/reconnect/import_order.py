"""Python's own import, put back after PySide6 replaces it.

PySide6 replaces ``builtins.__import__`` with its ``__feature__`` hook. For every module
imported after it, the hook reads the module's source to see whether it uses PySide's
features, and that source stays in ``linecache`` for as long as the app runs. Reconnect uses
none of PySide6's features, so ``reconnect.ui`` takes the hook out as soon as it has imported
PySide6 (what that saves: docs/performance.md).
"""

from __future__ import annotations

import builtins

# Taken when ``reconnect`` is first imported, which the entry point does before PySide6. When
# PySide6 came first (as under pytest-qt), this is its hook, and putting it back changes nothing.
PYTHON_IMPORT = builtins.__import__


def drop_qt_import_hook() -> None:
    """Import PySide6 and put Python's own import back in place of its hook, for good.

    The hook serves ``from __feature__ import snake_case`` (or ``true_property``), which no
    module of Reconnect uses (a test checks). PySide6 does not install it again when more of
    its modules load.
    """
    import PySide6.QtCore  # noqa: F401 - installs the hook, which is then taken out

    builtins.__import__ = PYTHON_IMPORT
