"""Remembers the dashboard's range between openings, as a small file in the data folder.

It is window state, not a setting a person sets, so it is kept as the quiet-stretch note's day
is (``services.dashboard.QuietNoteMarker``), not in the settings file.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from reconnect.core.dashboard_range import RangeChoice
from reconnect.paths import write_private

RANGE_MEMORY = ".dashboard-range"


class RangeMemory:
    """The range last chosen on the dashboard (``RangeChoice`` value as text in ``path``)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def recall(self) -> RangeChoice | None:
        """The range last kept; None when none was, or the file can't be read as one."""
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        try:
            return RangeChoice(text)
        except ValueError:
            return None

    def keep(self, choice: RangeChoice) -> None:
        """Keep ``choice`` for the next opening; if that fails, the default comes back."""
        with contextlib.suppress(OSError):
            write_private(self.path, f"{choice.value}\n".encode())
