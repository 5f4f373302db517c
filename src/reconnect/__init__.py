"""Reconnect: small moments of sensation during the working day, and what they stir."""

__version__ = "0.1.0"

# Before anything imports PySide6: remembers Python's own import (see import_order).
from reconnect import import_order as _import_order  # noqa: F401
