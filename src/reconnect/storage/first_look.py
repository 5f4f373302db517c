"""The end of the last break, read with Python's own sqlite3 before the storage layer loads.

The tray shows itself and plans its first break before SQLAlchemy and the migrations are
loaded (they come a moment later). Only a local SQLite file already at this version's schema
is read here; anything else (a server, an older schema, no file yet) answers "unknown", and the
app asks the storage layer instead.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from reconnect.storage.revision import HEAD_REVISION

# A prompt let go also ends a break: skipped, missed, or met by a natural break.
LET_GO = ("skipped", "missed", "natural_break")
UNKNOWN = "unknown"


def last_break_end(file: Path, computer: str) -> datetime | str | None:
    """The UTC end of this computer's last break; None for none; ``UNKNOWN`` when unsure.

    SQL written for SQLite only, on purpose: this is the one read made before SQLAlchemy is
    loaded, and it is used only for a local SQLite file (see the module docstring).
    """
    if not file.is_file():
        return UNKNOWN
    try:
        connection = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return UNKNOWN
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != HEAD_REVISION:
            return UNKNOWN
        ends = [
            row[0]
            for row in (
                connection.execute(
                    "SELECT max(ended_at) FROM sessions WHERE ended_at IS NOT NULL "
                    "AND computer = ?",
                    (computer,),
                ).fetchone(),
                connection.execute(
                    f"SELECT max(decided_at) FROM prompts WHERE decided_at IS NOT NULL "
                    f"AND computer = ? AND fate IN ({', '.join('?' for _ in LET_GO)})",
                    (computer, *LET_GO),
                ).fetchone(),
            )
            if row is not None and row[0] is not None
        ]
        return max(datetime.fromisoformat(e) for e in ends).replace(tzinfo=UTC) if ends else None
    except (sqlite3.Error, ValueError):
        return UNKNOWN
    finally:
        connection.close()
