"""Whether the first run's welcome was seen with a data folder: a marker file, read at each
start without loading the welcome's windows."""

from __future__ import annotations

from pathlib import Path

FIRST_RUN_MARKER = ".first-run-done"


def first_run_done(data_root: Path) -> bool:
    """Whether the first run was finished or skipped with this data folder."""
    return (data_root / FIRST_RUN_MARKER).exists()
