"""Heavy libraries imported without PySide6's import hook.

PySide6 replaces ``builtins.__import__`` with its ``__feature__`` hook. For every module
imported after it, the hook reads the module's source to see whether it uses PySide's
features, and that source stays in ``linecache``: about 15 to 20 MB for SQLAlchemy alone, for
as long as the tray app runs. Libraries that never use PySide6's features (SQLAlchemy,
Alembic, the storage layer) are imported through Python's own import instead.
"""

from __future__ import annotations

import builtins
import importlib
from collections.abc import Iterator
from contextlib import contextmanager

# Taken when ``reconnect`` is first imported, which the entry point does before PySide6. When
# PySide6 came first (as under pytest-qt), this is its hook, and the helper changes nothing.
PYTHON_IMPORT = builtins.__import__


@contextmanager
def without_qt_import_hook() -> Iterator[None]:
    """Import through Python's own machinery inside the ``with`` block (one thread only)."""
    hook = builtins.__import__
    builtins.__import__ = PYTHON_IMPORT
    try:
        yield
    finally:
        builtins.__import__ = hook


def import_quietly(*modules: str) -> None:
    """Import ``modules`` (and all they import) through Python's own machinery.

    For the windows whose modules import the storage layer at their top: called first, it
    brings SQLAlchemy in without the hook, and their own imports then find it loaded.
    """
    with without_qt_import_hook():
        for module in modules:
            importlib.import_module(module)
